"""The direct line for "from which country" questions: the nationality attached to the noun asked about, not another
adjective of the same sentence, in either language, wherever the quote stating it ranks."""

from __future__ import annotations

import pytest

from bot.direct import direct_answer, origin_noun, origin_places
from language.numbers import unit_key
from tests.citations import cite


@pytest.mark.parametrize(
    ("question", "noun"),
    [
        ("من أي بلد جاء المهندسون الذين بنوا الجسر؟", "المهندسون"),
        ("المهندسون من أي دولة؟", "المهندسون"),
        ("Engineers from which country built the bridge?", "engineers"),
        ("From which country did the engineers come?", "engineers"),
        ("Which country's engineers built the bridge?", "engineers"),
        # not an origin: where someone went, or where something is
        ("Which country did the engineers visit?", None),
        ("أي دولة زارها المهندسون؟", None),
        ("Where did the engineers come from?", None),
    ],
)
def test_the_noun_whose_origin_the_question_asks(question, noun):
    assert origin_noun(question) == noun


def test_the_origin_is_the_adjective_after_the_noun_in_arabic_and_before_it_in_english():
    arabic = "وشارك الفريق الياباني في الإنقاذ، بينما انتشر الجنود الفرنسيون على الطريق والخبراء الإيطاليون في المطار"
    assert [p for *_, p in origin_places(arabic, frozenset({unit_key("الجنود")}))] == ["FR"]
    english = "A Japanese team took part, French soldiers guarded the road and Italian experts ran the airport."
    assert [p for *_, p in origin_places(english, frozenset({unit_key("soldiers")}))] == ["FR"]
    assert [p for *_, p in origin_places("Soldiers from France guarded it.", frozenset({unit_key("soldiers")}))] == ["FR"]


def test_an_adjective_of_the_noun_before_is_no_origin_of_the_noun_after():
    """In Arabic the adjective follows its noun: "الفريق الياباني والجنود" says nothing of where the soldiers are from."""
    quote = "وعمل الفريق الياباني والجنود على الطريق طوال العام"
    assert origin_places(quote, frozenset({unit_key("الجنود")})) == []


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("من أي بلد جاء الجنود الذين حرسوا الطريق؟", "ar"),
        ("Soldiers from which country guarded the road?", "en"),
    ],
)
def test_from_which_country_is_the_nationality_of_the_noun_asked_even_in_a_lower_quote(question, lang):
    """The top quote names the road and another nationality; the one saying where the soldiers are from ranks far
    below (under the value floor), but the noun and its adjective are evidence wherever the quote ranks."""
    top = "وافتتح الطريق الذي حرسه الجنود بتمويل من شركات يابانية، بعد عامين من العمل"
    low = "وكان الجنود الفرنسيون قد بدأوا حراسة الطريق قبل ثلاثة أعوام"
    direct = direct_answer(question, lang, [cite(1, top, 0.9), cite(2, low, 0.1)], {})
    assert direct is not None and direct.kind == "place" and direct.normalized == "FR" and direct.citations == [2]


def test_a_country_the_question_names_is_not_its_answer():
    quote = "وقال إن الجنود الفرنسيين عملوا مع زملائهم الإيطاليين"
    assert direct_answer("من أي بلد جاء الجنود الذين عملوا مع فرنسا؟", "ar", [cite(1, quote)], {}).normalized != "FR"
