"""Does a phrase say a time at all (language.tense.states_time): made-up phrases, no story's words."""

from __future__ import annotations

from language.tense import states_time


def test_a_phrase_that_says_when():
    for timed in (
        "The plant closed in 1987.",
        "افتتح المصنع في العام 1987",
        "in the late seventies",  # a decade by its tens
        "منذ الثمانينيات",
        "قبل قرنين",  # a CLDR unit, the dual read in either case
        "خلال يومين",
        "the vote took place last week",
        "وصل الوفد مساء الخميس",  # a part of the day, a weekday
        "بالأمس",  # a relative day behind a proclitic
        "in early March",
        "في كانون الثاني",  # a Levantine month
    ):
        assert states_time(timed), timed


def test_a_clause_that_names_an_event_but_no_time():
    for timeless in (
        "Two firms sign a deal to build a bridge",
        "شركتان توقعان اتفاقا لبناء جسر",
        "الأمين العام يزور المصنع",
        "this agreement covers ports",
        "بعد توقيع الاتفاق",  # "after" alone places nothing on the calendar
    ):
        assert not states_time(timeless), timeless
