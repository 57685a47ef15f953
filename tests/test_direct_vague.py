"""How many is answered with a figure wherever one is quoted, not with a count word that states none ("عشرات",
"dozens"): the lead naming the event ranks first, and its "dozens were killed" made the answer "20-99". Made-up
sentences."""

from __future__ import annotations

import pytest

from bot.direct import direct_answer
from tests.citations import cite

LEAD = "قتل وأصيب عشرات الأشخاص في انهيار جسر على طريق سريع في المدينة، بحسب السلطات المحلية."
FIGURE = "وقال مسؤول إن 22 شخصا على الأقل قتلوا جراء انهيار الجسر، مع استمرار عمليات الإنقاذ."


def test_a_figure_quoted_below_a_lead_of_dozens_is_the_answer():
    answer = direct_answer("كم شخصا قتلوا في انهيار الجسر؟", "ar", [cite(1, LEAD, 0.9), cite(2, FIGURE, 0.8)], {})
    assert answer is not None and answer.value == "22 شخصا على الأقل"


def test_a_figure_beside_dozens_in_one_quote_is_the_answer():
    quote = "قتل عشرات الأشخاص في انهيار الجسر، وقال مسؤول إن 22 شخصا على الأقل لقوا حتفهم."
    answer = direct_answer("How many people were killed when the bridge collapsed?", "en", [cite(1, quote)], {})
    assert answer is not None and answer.normalized.startswith("≥22")


def test_dozens_is_still_the_answer_where_no_quote_gives_a_figure():
    answer = direct_answer("كم شخصا قتلوا في انهيار الجسر؟", "ar", [cite(1, LEAD)], {})
    assert answer is not None and answer.value == "عشرات الأشخاص"


def test_a_toll_question_counts_things_so_an_age_is_no_answer():
    # "the death toll" names what it counts, as "how many people" does: the leader's "(72 عاما)" is no toll.
    quotes = [
        cite(1, "وتطالب المعارضة منذ شهرين برحيل الرئيس (72 عاما) الذي عاد إلى السلطة في 2007.", 0.9),
        cite(2, "ما يرفع حصيلة ضحايا الاحتجاجات المستمرة ضد الحكومة إلى أكثر من 178 قتيلا.", 0.8),
    ]
    answer = direct_answer("What was the death toll of the protests against the president?", "en", quotes, {})
    assert answer is not None and "178" in answer.value


def test_a_unit_of_time_asked_in_one_language_is_counted_in_the_other():
    quote = "وخاض اللاعب (22 عاما) مباراة واحدة مع المنتخب ولعب فيها لمدة 13 دقيقة."
    answer = direct_answer("For how many minutes did the player play in that match?", "en", [cite(1, quote)], {})
    assert answer is not None and answer.value == "13 دقيقة"


def test_the_measure_asked_goes_before_a_span_counting_the_questions_year():
    # "عام 2016" names the year's noun; a share is what "ما نسبة" asks for, not the "20 عاما" of the comparison.
    quote = "وأنفقت الدولة 714.5 مليار يورو على المساعدات عام 2016، ما يمثل 32.1 بالمئة من الناتج، بزيادة 4 نقاط خلال 20 عاما."
    answer = direct_answer("ما نسبة ما أنفقته الدولة على المساعدات من ناتجها عام 2016؟", "ar", [cite(1, quote)], {})
    assert answer is not None and answer.value == "32.1 بالمئة"


def test_a_ceiling_of_time_reads_as_english_says_it():
    from bot.direct import _quantity_value
    from language.numbers import find_quantities

    (q,) = find_quantities("شارك بديلا خلال أقل من 15 دقيقة")
    assert _quantity_value(q, "en").display == "less than 15 minutes"  # was "0-14", no unit


def test_a_turnout_is_a_share():
    quotes = [
        cite(1, "وبعد مزاعم تزوير أمر البرلمان بإعادة الفرز اليدوي لنحو 10 ملايين صوت.", 0.9),
        cite(2, "وبلغت المشاركة في الانتخابات نحو 44.5 في المئة، وهي نسبة أقل من الانتخابات السابقة.", 0.8),
    ]
    answer = direct_answer("What was the turnout in the parliamentary election?", "en", quotes, {})
    assert answer is not None and answer.value == "نحو 44.5 في المئة"


@pytest.mark.parametrize(
    ("text", "display"),
    [
        ("قطعت السيارة مسافة 250 كيلومترا قبل أن تتوقف.", "250 kilometers"),
        ("صدرت البلاد نحو 6,8 مليون طن من الحبوب.", "about 6.8 million metric tons"),
        ("تبلغ مساحة الأرض 40 دونما.", "40 dunams"),
    ],
)
def test_an_arabic_unit_of_measure_is_named_in_english_by_cldr(text: str, display: str) -> None:
    from bot.direct import _quantity_value
    from language.numbers import find_quantities

    (q,) = find_quantities(text)  # the learned lexicon said "mi" for كيلومترا and "gigatons" for طن
    assert _quantity_value(q, "en").display == display


@pytest.mark.parametrize(
    ("question", "quote"),
    [
        ("What was the turnout in the parliamentary election?", "وبعد مزاعم تزوير أمر البرلمان بإعادة الفرز اليدوي لنحو 10 ملايين صوت."),
        ("How much did the port's exports bring in during the first two months?", "ارتفعت صادرات الميناء خلال أول شهرين من العام."),
        ("ما نسبة البطالة في البلاد؟", "وقال الجهاز إن عدد العاطلين بلغ 3.3 مليون شخص."),
        # a rate is a share (or an exchange rate, money): a clock time is neither
        ("What was the rate of the new import duties that took effect on Monday?", "وبدأ تطبيق الرسوم الساعة 04,00 فجرا."),
        # a head count is no share: "how many people" is not answered with the rate of the jobless
        ("How many people were jobless in the country last year?", "وتراجع معدل البطالة في البلاد إلى 9.4 بالمئة العام الماضي."),
    ],
)
def test_a_sum_or_a_share_asked_is_not_answered_by_another_figure(question: str, quote: str) -> None:
    """Money and shares say what they are ("دولار", "%"): a figure without a currency or a percent answers neither,
    and the collection does not say; "10 million votes" was the turnout, "2 months" the exports' worth."""
    assert direct_answer(question, "en" if question.isascii() else "ar", [cite(1, quote)], {}) is None


def test_an_arabic_share_is_said_with_a_percent_sign_in_english() -> None:
    from bot.direct import _quantity_value
    from language.numbers import find_quantities

    (q,) = find_quantities("وبلغت المشاركة نحو 44.5 في المئة.")
    assert _quantity_value(q, "en").display == "about 44.5%"  # was "about 44.5": the unit of a share was dropped


@pytest.mark.parametrize(
    ("quote", "said", "converted"),
    [
        ("انضم اللاعب إلى النادي مقابل 150 مليون يورو (180 مليون دولار) قبل بداية الموسم.", "150 مليون يورو", "180 مليون دولار"),
        ("يبلغ طول الجسر 180 ميلا (290 كيلومترا) فوق البحر.", "180 ميلا", "290 كيلومترا"),
    ],
)
def test_a_figure_in_brackets_after_another_is_a_conversion_not_an_answer(quote: str, said: str, converted: str) -> None:
    """The writer's conversion for the reader is not what the source said: with both counted, "How much did the club
    pay?" was answered with the dollar sum in brackets (an ANT dev row)."""
    from bot.direct import candidates, unconverted

    kept = [c.value.words for c in unconverted(quote, candidates("How much was it?", quote, None, "en")) if c.kind == "number"]
    assert said in kept and converted not in kept
    people = "قتل 5 أشخاص (3 أطفال) في القصف."  # a count of people is no measure: what is in brackets is a part
    assert unconverted(people, cands := candidates("How many?", people, None, "en")) == cands


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("How large was the trade surplus the country recorded in May?", {"money"}),
        ("By what percentage did the port's revenues rise last year?", {"percent"}),  # the share, not the revenues' sum
        ("بأي نسبة ارتفعت إيرادات الميناء العام الماضي؟", {"percent"}),
        ("كم بالمئة ارتفع التضخم في البلاد؟", {"percent"}),
        ("How many people were jobless in the country last year?", set()),
    ],
)
def test_the_first_noun_of_measure_among_a_questions_content_words_is_the_measure_asked(question: str, asked: set[str]) -> None:
    from language.numbers import asked_kinds_of_measure

    assert asked_kinds_of_measure(question) == asked


@pytest.mark.parametrize(
    ("question", "quote", "value"),
    [
        # the other side of a tally, right after the first figure
        (
            "How many votes did the motion win in the senate?",
            "صوت مجلس الشيوخ الأربعاء بغالبية 31 صوتا مقابل 18، على مشروع قانون يحظر استيراد السلع.",
            "31 صوتا",
        ),
        ("With how many votes did parliament confirm the new premier?", "وثبت النواب بـ71 مقابل 40 صوتا رئيس الحكومة الجديد.", "71"),
        # the level compared with is last year's, not the one asked
        (
            "How much did the port's exports bring in during the first half?",
            "وارتفعت صادرات الميناء بنسبة 12% إلى 3.2 مليار دولار في النصف الأول مقارنة بـ2.9 مليار دولار قبل عام.",
            "3.2 مليار دولار",
        ),
    ],
)
def test_a_figure_of_reference_is_no_answer_unless_a_change_is_asked(question: str, quote: str, value: str) -> None:
    """The other side of a tally and the level compared with are said of another thing than the one asked (so is a
    change's size: "بلغ 3.3 مليون بانخفاض 282 ألفا" is 3.3 million jobless)."""
    answer = direct_answer(question, "en", [cite(1, quote)], {})
    assert answer is not None and answer.value == value


def test_how_much_with_a_verb_of_change_asks_the_change_in_any_measure() -> None:
    # "how much" alone asks a sum; "by how much did it fall" is a share as often as a sum
    quote = "وتراجعت العملة المحلية بنسبة 3.5 بالمئة أمام الدولار خلال الأسبوع."
    answer = direct_answer("By how much did the local currency fall against the dollar this week?", "en", [cite(1, quote)], {})
    assert answer is not None and answer.value == "3.5 بالمئة"


def test_in_exchange_for_is_a_price_not_the_other_side_of_a_tally() -> None:
    quote = "وانضم المدافع إلى النادي الصيف الماضي مقابل 31 مليون يورو قادما من لشبونة."
    answer = direct_answer("How much did the club pay for the defender?", "en", [cite(1, quote)], {})
    assert answer is not None and answer.value == "31 مليون يورو"
