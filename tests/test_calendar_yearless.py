"""A dateline with no year ("CAIRO, March 3 (AFP) -", "بيروت - 12 أيار (أ ف ب) -") is still a day and month: the
relative days under it (``language.calendar.resolve_times`` with no anchor) name a day and month, never a guessed year."""

from __future__ import annotations

import pytest

from language.calendar import describe_relative, resolve_times


def _relatives(text: str) -> list[str | None]:
    return [m.relative for m in resolve_times(text, None)]


@pytest.mark.parametrize(
    "text,relative",
    [
        ("بيروت - 12 أيار (أ ف ب) - أعلن الجيش أمس أنه أسقط طائرة", "date-without-year:05-11"),
        ("LIMA, March 3 (AFP) - The mayor resigned yesterday.", "date-without-year:03-02"),
        ("عمّان - 3 آب (بترا) - أعلنت الوزارة اليوم", "date-without-year:08-03"),
        ("الرباط - 31 دجنبر (و م ع) - تقرر غدا", "date-without-year:01-01"),  # a Maghreb month name; into the next month
        ("الرباط - 1 يناير (و م ع) - اندلع الحريق أول أمس", "date-without-year:12-30"),  # two days back, into December
        ("نيروبي في 6 مايو / كونا / غرقت العبارة أمس", "date-without-year:05-05"),  # the agency between slashes
        ("HANOI, Sept 9 /VNA/ - The storm hit yesterday.", "date-without-year:09-08"),
    ],
)
def test_a_relative_day_under_a_yearless_dateline_names_a_day_and_month(text, relative):
    assert relative in _relatives(text)[1:]
    assert all(not m.resolved for m in resolve_times(text, None))  # no year: nothing is put on the calendar


def test_a_named_weekday_is_kept_and_none_is_computed():
    """The weekday "أمس الأحد" names is kept (no year, so it cannot be checked); a bare "أمس" gets none."""
    named, bare = (resolve_times(t, None)[1] for t in ("صنعاء - 14 آذار (سبأ) - وصل أمس الأحد", "صنعاء - 14 آذار (سبأ) - وصل أمس"))
    assert named.relative == "date-without-year:03-13;weekday:Sunday" and named.weekday == 6
    assert bare.weekday is None
    assert describe_relative(named.relative) == "Sunday, 13 March"


@pytest.mark.parametrize(
    "text",
    [
        "ROME, March 1 (ANSA) - Rain fell yesterday.",  # 28 or 29 February: the year decides, so it stays relative
        "وصل الوفد أمس، وقال في 8 أيار (مايو) إن",  # a date in brackets mid-sentence is no dateline
        "وصل الوفد أمس، وكان قد زار البلد في 8 أيار / مايو",  # nor a month given twice with a slash
        "Talks\nThe envoy of the United Nations, who flew in on June 4 (local time) - said he left yesterday.",  # far in
    ],
)
def test_no_day_month_where_the_dateline_cannot_give_it(text):
    assert "day-offset:-1" in _relatives(text)


def test_an_anchor_wins_over_the_yearless_dateline():
    """A caller's anchor (the article's known date) resolves the relative day fully, as before."""
    import datetime as dt

    (_, yesterday) = resolve_times("LIMA, March 3 (AFP) - The mayor resigned yesterday.", dt.date(2021, 3, 3))
    assert yesterday.resolved and yesterday.value_start == dt.date(2021, 3, 2)


@pytest.mark.parametrize(
    "relative,part,arabic",
    [
        ("date-without-year:03-12;weekday:Saturday", None, "السبت 12 مارس"),
        ("date-without-year:11-30", "evening", "مساء 30 نوفمبر"),
        ("month-without-year:02", None, "فبراير"),
        ("weekday:Friday", None, "الجمعة"),
        ("day-offset:-1", None, None),  # no day and month: the source's own Arabic words say it
        ("month-offset:-1;day:24", None, None),
    ],
)
def test_a_placed_yearless_day_is_said_in_arabic(relative, part, arabic):
    """A conflict card in Arabic says the day an undated upload's "أمس" names under its yearless dateline."""
    assert describe_relative(relative, part, "ar") == arabic
