"""The figure asked is the one said of what the question names: the deed joined to a count's noun ("حالة إصابة"), the
measure asked wherever a cited quote states it, the age of the person asked. Made-up sentences."""

from __future__ import annotations

import pytest

from bot.direct import direct_answer, read_value
from tests.citations import cite

CASES = "وأعلنت السلطات تسجيل 35 حالة إصابة بالحمى في ثلاث مدن ساحلية، بحسب بيان الوزارة."
AGES = "وقضت المحكمة بسجن السائق خالد الشريف، البالغ من العمر 31 عاما، بعد دهس الطفلة فاطمة الحسيني البالغة 9 أعوام، في الشهر الماضي."


def test_a_deed_joined_to_a_count_s_noun_is_that_count_s() -> None:
    """ "إصابة" after "35 حالة" says what the cases are; read as the next figure's deed, the cities were the answer."""
    value = read_value("number", "كم حالة إصابة بالحمى سجلتها السلطات؟", CASES, None, "ar")
    assert value is not None and value.words == "35 حالة"


def test_a_figure_of_the_measure_asked_in_a_quote_ranked_low_answers() -> None:
    quotes = [
        cite(1, "وأعلنت اللجنة فوز المرشح بالانتخابات التي شهدت مقتل ثلاثة أشخاص خلال الحملة.", 0.9),
        cite(2, "وحصل المرشح على 61.2 في المئة من الأصوات بحسب النتائج الرسمية.", 0.05),
    ]
    answer = direct_answer("What share of the vote did the candidate win?", "en", quotes, {})
    assert answer is not None and "61.2" in answer.value


@pytest.mark.parametrize(
    "question",
    ["كم كان عمر الطفلة فاطمة الحسيني عند الحادث؟", "How old was the girl Fatima al-Husseini when she was run over?"],
)
def test_the_age_said_of_the_person_asked_is_the_answer(question: str) -> None:
    value = read_value("number", question, AGES, None, "en" if question.isascii() else "ar")
    assert value is not None and value.words == "9 أعوام"


def test_a_low_ranked_count_of_the_noun_asked_waits_while_a_near_quote_gives_a_figure() -> None:
    """ "12 عنصرا" may count the officers asked as well as the low quote's "11 من الضباط" does."""
    quotes = [
        cite(1, "ووجهت النيابة الاتهام إلى 12 عنصرا في جهاز الاستخبارات بقرصنة الحواسيب.", 0.9),
        cite(2, "وقال المدعي إن 11 من الضباط اتهموا بسرقة وثائق.", 0.02),
    ]
    answer = direct_answer("How many intelligence officers were charged?", "en", quotes, {})
    assert answer is not None and "12" in answer.value


def test_a_span_after_the_person_asked_is_no_age_when_days_are_asked() -> None:
    quote = "وجاء تكليف خالد الشريف بعد ساعتين من الاقتراع، وأمامه مهلة 30 يوما لتشكيل الحكومة."
    value = read_value("number", "How many days does Khaled al-Sharif have to form the government?", quote, None, "en")
    assert value is not None and value.words == "30 يوما"
