"""Spoken Arabic questions are read as standard Arabic before anything else reads them (language/dialect.py)."""

from __future__ import annotations

import pytest

from language.dialect import STANDARD_INTERROGATIVES, standard_question
from language.lexicon import question_kind


@pytest.mark.parametrize(
    "spoken, standard",
    [
        # Levantine, Gulf, Iraqi, Maghrebi question words that open the question
        ("وين انعقدت القمة العربية؟", "أين انعقدت القمة العربية؟"),
        ("شو قال المتحدث باسم الحكومة؟", "ماذا قال المتحدث باسم الحكومة؟"),
        ("قديش صار سعر الخبز؟", "كم صار سعر الخبز؟"),
        ("منو فاز بالانتخابات؟", "من فاز بالانتخابات؟"),
        ("شلون ردت الوزارة؟", "كيف ردت الوزارة؟"),
        ("علاش تأجلت المباراة؟", "لماذا تأجلت المباراة؟"),
        ("واش وصل الوفد؟", "هل وصل الوفد؟"),
        # the question word in place, Egyptian style: moved first, the question mark stays at the end
        ("الرئيس سافر باريس إمتى؟", "متى الرئيس سافر باريس؟"),
        ("اللاعب ده اتعاقد مع مين؟", "من اللاعب هذا اتعاقد مع؟"),
        # "how many" and "which" are read in place: "سنة كام" asks a year, "أنهي مدينة" a city
        ("المصنع اتبنى سنة كام؟", "المصنع اتبنى سنة كم؟"),
        ("الزلزال ضرب أنهي مدينة؟", "الزلزال ضرب أي مدينة؟"),
        # Egyptian "إيه" after a noun of a kind of value asks "which"
        ("الانتخابات هتبقى شهر إيه؟", "الانتخابات هتبقى أي شهر؟"),
        # function words: a relative, a future, a possessive particle dropped
        ("مين اللي رح يستلم المنصب؟", "من الذي سوف يستلم المنصب؟"),
        ("شحال كانت الميزانية ديال الوزارة؟", "كم كانت الميزانية الوزارة؟"),
    ],
)
def test_spoken_question_words_become_standard(spoken, standard):
    assert standard_question(spoken) == standard


@pytest.mark.parametrize(
    "question",
    [
        "متى وصل الوفد إلى القاهرة؟",
        "كم عدد القتلى في الحادث؟",
        "ماذا قال دي ميستورا عن المحادثات؟",  # "دي" of a name is not the Egyptian "this"
        "ما موقف الدول العربية من القرار؟",  # "الدول" countries, not the Egyptian "those"
        "من هو الرئيس الذي زار بغداد؟",
        "When did the delegation arrive?",
    ],
)
def test_standard_questions_come_back_unchanged(question):
    assert standard_question(question) == question


def test_no_short_word_is_read_inside_a_longer_one():
    """ "باش" (in order to) is not ب + a question word, "راح" (went) is not the future particle."""
    assert standard_question("راح الوزير باش يوقع الاتفاق") == "راح الوزير باش يوقع الاتفاق"


@pytest.mark.parametrize(
    "spoken, kind",
    [
        ("الطيارة وقعت إمتى؟", "date"),
        ("الحريق كان فين بالظبط؟", "place"),
        ("الهدف جابو مين؟", "person"),
        ("قديش واحد انصاب بالحادث؟", "number"),
        ("الاتفاق اتوقع يوم إيه؟", "date"),
    ],
)
def test_the_kind_of_value_asked_is_read_from_a_spoken_question(spoken, kind):
    assert question_kind(spoken) is None or question_kind(spoken) != kind  # the standard reader alone misses it
    assert question_kind(standard_question(spoken)) == kind


def test_the_service_answers_a_spoken_question_as_a_standard_one(seeded_service):
    """The answer says how it read the question, and reads a Levantine "when" as a date question."""
    answer = seeded_service.ask("باقري وصل على دمشق إمتى؟")
    assert answer.question == "باقري وصل على دمشق إمتى؟"
    assert answer.standalone_question == "متى باقري وصل على دمشق؟"
    assert answer.direct is not None and answer.direct.value is not None
    standard = seeded_service.ask("متى وصل باقري إلى دمشق؟")
    assert answer.direct.normalized == standard.direct.normalized


def test_the_standard_interrogatives_are_read_from_the_spoken_table():
    # the answerability gate leaves these out of what a question asks (``bot.answerable.asked_words``)
    assert {"متى", "أين", "من", "ماذا", "لماذا", "كيف", "كم", "أي", "هل"} <= STANDARD_INTERROGATIVES
    assert not {"وين", "إمتى", "شو"} & STANDARD_INTERROGATIVES  # spoken forms are rewritten, not listed as standard
