"""A question setting part of a list aside ("besides X, what else", "غير X، ماذا") asks for the rest of the list: the
clause after the one repeating X, not that clause itself, which restates the question."""

from __future__ import annotations

from bot.direct import direct_answer, set_aside
from tests.citations import cite

AID = "وقدمت الجمعية الخيرية للأهالي الطعام والماء طوال فصل الشتاء، بالإضافة إلى أغطية وأدوية للمرضى."
AID_EN = "The charity gave the villagers large food parcels all through the winter, plus blankets and medicine for the sick."


def test_the_words_set_aside_end_at_the_comma_or_the_interrogative():
    assert set_aside("Besides food parcels what else did the charity give?") == "food parcels"
    assert set_aside("Apart from the food parcels, what did the charity hand out?") == "the food parcels"
    assert set_aside("غير المساعدات الغذائية، ماذا قدمت الجمعية؟") == "المساعدات الغذائية"
    assert set_aside("ما الذي قدمته الجمعية إلى جانب المساعدات الغذائية؟") == "المساعدات الغذائية"


def test_a_question_setting_nothing_aside_has_no_words_set_aside():
    assert set_aside("What did the charity give the villagers?") == ""
    assert set_aside("إلى جانب من وقفت الجمعية؟") == ""  # "alongside whom": the interrogative comes first


def test_the_answer_goes_on_past_the_part_set_aside():
    for question, quote in (
        ("غير الطعام والماء، ماذا قدمت الجمعية الخيرية للأهالي؟", AID),
        ("ما الذي قدمته الجمعية الخيرية للأهالي إلى جانب الطعام والماء؟", AID),
        ("Besides food parcels, what else did the charity give the villagers?", AID_EN),
    ):
        answer = direct_answer(question, "ar" if "ا" in question else "en", [cite(1, quote)], {})
        assert answer is not None and ("أغطية" in answer.value or "blankets" in answer.value), question
