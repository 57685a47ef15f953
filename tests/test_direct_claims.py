"""The direct line over news sentences: the clause opening a reported claim on its complementiser is what the source said
(not a continuation of the clause naming the source), and "which country" takes a country's name before an adjective."""

from __future__ import annotations

import pytest

from bot.direct import coarse_clauses, direct_answer, opens_claim, read_clause
from tests.citations import cite


def _opens(quote: str) -> list[bool]:
    return opens_claim(quote, coarse_clauses(quote))


@pytest.mark.parametrize(
    ("quote", "expected"),
    [
        # the source and the topic, then the claim on its complementiser, then a continuation of the claim
        ("وتابع الوزير بخصوص الفيضانات الأخيرة، إن فرق الإنقاذ تحركت بسرعة، وخاصة في القرى الجبلية.", [False, True, False]),
        # the claim after a parenthetical about where it was said
        ("وأكدت الشركة، في بيان مقتضب، أن العقد سيشمل خدمات النقل، دون ذكر قيمته.", [False, False, True, False]),
        # a verb with no complementiser: its claim is no clause opening on one word
        ("في عام 1990، أعلنت الجمعية نفسها حزبا، مع فروع في كل المدن.", [False, False, False]),
        # no verb of saying at all: a clause opening on a function word continues the one before
        ("وانهار الجسر بعد الأمطار، مما أدى إلى إغلاق الطريق.", [False, False]),
    ],
)
def test_a_clause_opening_a_reported_claim_on_its_complementiser(quote, expected):
    assert _opens(quote) == expected


def test_how_did_x_say_is_answered_by_the_claim_not_by_the_clause_naming_the_source():
    """The first clause names the speaker and the topic; the claim that answers opens on "إن" after the comma, which the
    chooser took for a continuation (a clause opening on a function word) and passed over."""
    quote = "وتابع الوزير بخصوص الفيضانات الأخيرة في القرى الشمالية، إن فرق الإنقاذ تعاملت بسرعة مع الفيضانات، وخاصة في القرى الجبلية."
    value = read_clause("كيف قال الوزير إن فرق الإنقاذ تعاملت مع الفيضانات؟", quote)
    assert value.words.startswith("إن فرق الإنقاذ تعاملت بسرعة")


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("السد الذي انهار بعد الأمطار الغزيرة يقع قرب حدود أي دولة؟", "ar"),
        ("Near the border of which country is the dam that collapsed after the heavy rain?", "en"),
    ],
)
def test_which_country_is_a_countrys_name_before_an_adjective_describing_a_thing(question, lang):
    """ "the Russian-made dam" holds Russia only as where the dam was made; the country asked is the one the quote names."""
    quote = "وانهار السد الروسي الصنع بعد الأمطار الغزيرة، وهو يقع في الوادي القريب من حدود الأردن"
    direct = direct_answer(question, lang, [cite(1, quote)], {})
    assert direct is not None and direct.kind == "place" and direct.normalized == "JO"


def test_which_country_is_still_an_adjective_where_the_quote_names_no_country():
    quote = "وانتشرت قوات باكستانية على طول الطريق خلال الأسبوع الماضي"
    direct = direct_answer("من أي بلد جاءت القوات المنتشرة على الطريق؟", "ar", [cite(1, quote)], {})
    assert direct is not None and direct.kind == "place" and direct.normalized == "PK"
