"""The direct line for an English question over Arabic quotes: the noun naming the kind of value asked ("what year",
"which day") is said by every quote stating such a value, so it does not choose among them."""

from __future__ import annotations

from bot.direct import best_stated, direct_answer, read_value, slot_stems
from language.normalize import bm25_tokens
from tests.citations import cite

TALKS = [
    "استؤنفت المحادثات الثلاثاء في جنيف بعد توقف قصير.",  # the day asked, with no word for "day"
    "وفي يوم الأحد وصل الوفد الثاني إلى المدينة.",  # another day, written with "يوم"
]


def test_the_kind_noun_asked_does_not_choose_the_quote_stating_another_value():
    answer = direct_answer("On which day did the talks resume?", "en", [cite(1, TALKS[0], 0.9), cite(2, TALKS[1], 0.8)], {})
    assert answer is not None and answer.citations == [1]


def test_a_quote_repeating_the_question_still_wins_over_the_first():
    """What the question says of its topic (here the talks resuming) still tells the quotes apart."""
    question = "On which day did the second delegation arrive in the city?"
    citations = [cite(1, TALKS[0], 0.9), cite(2, TALKS[1], 0.8)]
    read = [(c, read_value("date", question, c.quote, None, "en")) for c in citations]
    assert best_stated(question, read)[0].n == 2


def test_the_words_a_question_asks_with_in_both_languages():
    """The kind noun and its bridge, not the words of the topic ("talks", "الجسر")."""
    english = slot_stems("On which day did the talks resume?")
    assert {"day", "يوم"} <= english and not english & set(bm25_tokens("talks resume"))
    arabic = slot_stems("في أي عام افتتح الجسر؟")
    assert {"عام", "year"} <= arabic and not arabic & set(bm25_tokens("افتتح الجسر"))
