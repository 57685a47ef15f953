"""The direct line credits a value to the voice that states it, not to every voice of the quote, and "who said"
is answered with that voice (made-up outlets and persons)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.attribution import extract_attributions, format_attribution, holding
from bot.direct import asks_speaker, direct_answer, written_across
from bot.schema import Citation

TWO_VOICES = (
    'وبينما قالت صحيفة "النهار" إن الوزير وصل إلى بيروت صباح الأحد، أكد الناطق باسم الوزارة سامر خليل أن الوزير موجود في المدينة منذ أسبوع.'
)
QUESTIONS = {"en": "When did the minister arrive in Beirut?", "ar": "متى وصل الوزير إلى بيروت؟"}


def _citation(lang: str) -> Citation:
    credit = format_attribution("Outlet X", extract_attributions(TWO_VOICES), lang)
    return Citation(
        n=1,
        doc_id="d1",
        chunk_id="d1:0",
        outlet="Outlet X",
        quote=TWO_VOICES,
        start=0,
        end=len(TWO_VOICES),
        score=0.9,
        attributed_to=credit,
    )


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_value_is_credited_to_the_voice_that_states_it(lang):
    cite = _citation(lang)
    assert "سامر خليل" in cite.attributed_to  # the quote as a whole carries both voices
    direct = direct_answer(QUESTIONS[lang], lang, [cite], {"d1": date(2021, 3, 3)})
    assert direct is not None and direct.normalized == "2021-02-28 morning"
    assert "Outlet X" in direct.text and ("النهار" in direct.text or "Nahar" in direct.text)
    assert "سامر" not in direct.text and "Samer" not in direct.text  # the spokesman said "for a week", not Sunday


def test_words_found_nowhere_keep_every_party():
    parties = extract_attributions(TWO_VOICES)
    assert len(parties) == 2
    assert holding(parties, TWO_VOICES, "لم ترد هذه الكلمات") == parties
    assert holding(parties, TWO_VOICES, "منذ أسبوع") == parties[1:]


def test_who_said_is_answered_with_the_voice_that_makes_the_claim():
    """Not with the person the claim names: the question asks for the spokesman, who said "for a week"."""
    assert asks_speaker("من قال إن الوزير موجود في المدينة منذ أسبوع؟") and not asks_speaker("متى وصل الوزير إلى بيروت؟")
    direct = direct_answer("من قال إن الوزير موجود في المدينة منذ أسبوع؟", "ar", [_citation("ar")], {"d1": date(2021, 3, 3)})
    assert direct is not None and "سامر خليل" in direct.value
    assert "النهار" not in direct.text  # the paper said Sunday morning, not this


def test_a_relayed_voice_is_credited_through_its_carrier():
    quote = 'ونقلت "الرافدين" عن الوزير كريم نصار قوله إن الحكومة "لديها خطة شاملة لإعادة الإعمار".'
    parties = extract_attributions(quote)
    voice = next(p for p in parties if p.via)
    credited = holding(parties, quote, quote[voice.party_start : voice.party_end])
    assert [p.party for p in credited] == ["الرافدين"]


def test_who_quoted_a_person_is_answered_with_the_voice_that_carried_the_words():
    """The relayed voice is named in the question, in the other script: its carrier is what is asked."""
    quote = 'ونقلت صحيفة "الرافدين" عن الوزير كريم نصار قوله إن الحكومة "لديها خطة شاملة لإعادة الإعمار".'
    question = "who quoted karim nassar saying the government has a comprehensive plan for reconstruction"
    assert asks_speaker(question) and asks_speaker("Who quoted the minister as saying the plan was ready?")
    assert written_across(question, "كريم نصار") and not written_across(question, 'صحيفة "الرافدين"')
    cited = Citation(
        n=1, doc_id="d1", chunk_id="d1:0", outlet="Outlet X", quote=quote, start=0, end=len(quote), score=0.9, attributed_to="X"
    )
    direct = direct_answer(question, "en", [cited], {"d1": date(2021, 3, 3)})
    assert direct is not None and "الرافدين" in direct.value
