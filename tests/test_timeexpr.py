"""Time expressions from the seed articles (and their English equivalents) resolve to the right days."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from language.calendar import find_anchor, resolve_times, weekday_date

WED = dt.date(2020, 7, 8)  # seeds 000/001: Wednesday 8 July 2020
THU = dt.date(2020, 7, 9)  # seed 004's publication day
D = dt.date
SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"


def one(text: str, anchor: dt.date | None = WED, **kw):
    found = resolve_times(text, anchor, **kw)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "start", "end", "granularity", "part"),
    [
        ("أمس", D(2020, 7, 7), D(2020, 7, 7), "day", None),
        ("اليوم", WED, WED, "day", None),
        ("مساء الثلاثاء", D(2020, 7, 7), D(2020, 7, 7), "day", "evening"),
        ("صباح الأربعاء", WED, WED, "day", "morning"),
        ("مساء أمس الثلاثاء", D(2020, 7, 7), D(2020, 7, 7), "day", "evening"),
        ("أمس الثلاثاء", D(2020, 7, 7), D(2020, 7, 7), "day", None),
        ("منذ أيام", D(2020, 6, 28), D(2020, 7, 6), "days-range", None),
        ("الشهر الماضي", D(2020, 6, 1), D(2020, 6, 30), "month", None),
        ("الرابع والعشرين من الشهر الماضي", D(2020, 6, 24), D(2020, 6, 24), "day", None),
        ("24 يونيو/حزيران الماضي", D(2020, 6, 24), D(2020, 6, 24), "day", None),
        ("24 حزيران", D(2020, 6, 24), D(2020, 6, 24), "day", None),
        ("٢٤ حزيران", D(2020, 6, 24), D(2020, 6, 24), "day", None),
        ("24 تموز 2019", D(2019, 7, 24), D(2019, 7, 24), "day", None),
        ("يوم الخميس", D(2020, 7, 2), D(2020, 7, 2), "day", None),
        ("صباح اليوم الأربعاء", WED, WED, "day", "morning"),
        ("اليوم (الأربعاء)", WED, WED, "day", None),
        ("في صيف العام 2018", D(2018, 6, 1), D(2018, 8, 31), "season", None),
        ("الأسبوع الماضي", D(2020, 6, 27), D(2020, 7, 3), "week", None),
        ("يوم أمس", D(2020, 7, 7), D(2020, 7, 7), "day", None),
        ("الأحد", D(2020, 7, 5), D(2020, 7, 5), "day", None),
        ("الأربعاء", WED, WED, "day", None),
        ("منذ يومين", D(2020, 7, 6), D(2020, 7, 6), "day", None),
        ("في مارس عام 2011", D(2011, 3, 1), D(2011, 3, 31), "month", None),
        ("منذ عام 2012", D(2012, 1, 1), D(2012, 12, 31), "year", None),
        ("8 يوليو 2020", WED, WED, "day", None),
        ("yesterday", D(2020, 7, 7), D(2020, 7, 7), "day", None),
        ("on Tuesday", D(2020, 7, 7), D(2020, 7, 7), "day", None),
        ("Tuesday evening", D(2020, 7, 7), D(2020, 7, 7), "day", "evening"),
        ("24 June", D(2020, 6, 24), D(2020, 6, 24), "day", None),
        ("June 24, 2020", D(2020, 6, 24), D(2020, 6, 24), "day", None),
        ("the 24th of last month", D(2020, 6, 24), D(2020, 6, 24), "day", None),
        ("last month", D(2020, 6, 1), D(2020, 6, 30), "month", None),
        ("days ago", D(2020, 6, 28), D(2020, 7, 6), "days-range", None),
        ("a few days ago", D(2020, 6, 28), D(2020, 7, 6), "days-range", None),
        ("summer 2018", D(2018, 6, 1), D(2018, 8, 31), "season", None),
        ("last Wednesday", D(2020, 7, 1), D(2020, 7, 1), "day", None),
    ],
)
def test_resolves_with_anchor(text, start, end, granularity, part):
    m = one(text)
    assert (m.value_start, m.value_end, m.granularity, m.part_of_day) == (start, end, granularity, part)
    assert m.resolved and m.relative is None


@pytest.mark.parametrize(
    ("text", "relative"),
    [
        ("أمس", "day-offset:-1"),
        ("مساء الثلاثاء", "weekday:Tuesday"),
        ("أمس الثلاثاء", "day-offset:-1;weekday:Tuesday"),
        ("منذ أيام", "days-before-anchor"),
        ("الشهر الماضي", "month-offset:-1"),
        ("الرابع والعشرين من الشهر الماضي", "month-offset:-1;day:24"),
        ("24 يونيو/حزيران الماضي", "date-without-year:06-24"),
        ("yesterday", "day-offset:-1"),
        ("days ago", "days-before-anchor"),
        ("24 June", "date-without-year:06-24"),
    ],
)
def test_without_anchor_keeps_relative_value(text, relative):
    m = one(text, None)
    assert not m.resolved and m.value_start is None and m.relative == relative


def test_last_week_follows_the_week_convention_of_the_language():
    assert (one("last week", lang="en").value_start, one("last week", lang="en").value_end) == (D(2020, 6, 29), D(2020, 7, 5))
    assert one("الأسبوع الماضي", lang="ar").value_start == D(2020, 6, 27)  # Saturday-first


def test_absolute_dates_resolve_without_anchor():
    assert one("في صيف العام 2018", None).value_start == D(2018, 6, 1)
    assert one("8 يوليو 2020", None).value_start == WED


def test_spans_point_into_the_original_text():
    text = "وصل باقري إلى دمشق مساءَ أمسِ الثلاثاء على رأس وفد"
    m = one(text)
    assert text[m.start : m.end] == m.text == "مساءَ أمسِ الثلاثاء"
    assert m.normalized == "2020-07-07 evening"


def test_clitic_is_outside_the_span():
    m = one("ووقع النظامان والأربعاء")
    assert m.text == "الأربعاء"


def test_weekday_rule_on_or_before_anchor_and_future_allowance():
    # seed 004: الخميس in an article anchored on Wednesday means the next day only when allowed
    assert one("يوم الخميس").value_start == D(2020, 7, 2)
    assert one("يوم الخميس", allow_future_days=1).value_start == THU
    assert one("يوم الخميس", THU).value_start == THU
    assert one("يوم الأربعاء", THU).value_start == WED
    assert weekday_date(WED, 2) == WED


def test_weekday_overrides_mismatched_relative_day():
    m = one("يوم أمس، الأحد", WED)
    assert m.value_start == D(2020, 7, 5) and m.note


def test_seed_sentences():
    text = "ووصل باقري إلى دمشق أمس الثلاثاء على رأس وفد عسكري رفيع المستوى"
    assert [m.normalized for m in resolve_times(text, WED)] == ["2020-07-07"]
    text = "بعد توقيعهما على الاتفاقية صباح اليوم الأربعاء، تضمن الاتفاقية"
    assert [m.normalized for m in resolve_times(text, WED)] == ["2020-07-08 morning"]


def test_no_false_times():
    assert resolve_times("في اليوم التالي مارس الجيش ضغوطا", WED) == []


@pytest.mark.parametrize(
    ("stem", "expected"),
    [
        ("000_2330c4a5d8c05031", WED),  # الأربعاء 8 يوليو 2020 05:34 م
        ("001_b94b94cd0e2e6da0", WED),  # dateline دمشق 8 يوليو 2020 (شينخوا) beats 人民网 2020:07:09
        ("002_12e280588d4502f7", None),
        ("003_973aaadb01d70f69", None),
        ("004_992054940200dc08", None),
    ],
)
def test_find_anchor_on_seeds(stem, expected):
    assert find_anchor((SAMPLES / f"{stem}.txt").read_text(encoding="utf-8")) == expected


def test_find_anchor_timestamp_only():
    assert find_anchor("人民网 2020:07:09.10:11:09\nالأخبار") == THU


@pytest.mark.parametrize("text", ["08/07/2020", "8-7-2020", "08.07.2020", "دمشق في 8-7-2020 (سانا)"])
def test_numeric_day_first_dates_with_any_one_separator(text):
    """Arab and European papers write the day first, with slashes, dashes or dots."""
    assert one(text, None).value_start == WED


@pytest.mark.parametrize("text", ["8-7.2020", "v1.8.7.2020", "8.7.2020.5", "12-31-2020"])
def test_no_date_from_mixed_separators_or_longer_numbers(text):
    assert resolve_times(text, None) == []


def test_a_relative_day_and_weekday_before_a_full_date_join_it():
    """ "اليوم الخميس 9 تموز 2020": read apart, "اليوم الخميس" hid the full date (and the article's anchor) behind it."""
    m = one("استقبل الرئيس اليوم الخميس 9 تموز 2020 رئيس الأركان", None)
    assert m.value_start == THU and m.text == "اليوم الخميس 9 تموز 2020"
    assert find_anchor("عنوان\n\nدمشق-سانا\n\nاستقبل الرئيس اليوم الخميس 9 تموز 2020 رئيس الأركان") == THU
    morning = one("وصل صباح الاثنين 6 تموز على رأس وفد")
    assert morning.value_start == D(2020, 7, 6) and morning.part_of_day == "morning"
    assert one("يوم الخميس", None).relative == "weekday:Thursday"  # no date after it: still a bare weekday
