"""Generic claims: frames with masked values, compared across outlets, languages and report days.

None of these sentences is from the sample articles, and nothing in the code
knows their events: the claims meet (or not) through their frames alone.
"""

from __future__ import annotations

import datetime as dt

from bot.claims import Evidence, extract_claims
from bot.conflicts import describe_conflict, find_conflicts

SUN, MON = dt.date(2018, 7, 8), dt.date(2018, 7, 9)


def claims_of(*evidence: Evidence):
    return [c for e in evidence for c in extract_claims(e)]


def test_each_value_gets_its_own_masked_frame():
    (killed, injured) = [c for c in claims_of(Evidence(1, "a", "قتل 4 أشخاص، وأصيب 30 شخصاً آخرين في الهجوم.", "X", SUN))
                         if c.slot == "number"]
    assert (killed.low, injured.low) == (4, 30)
    assert "قتل" in killed.frame and "أصيب" not in killed.frame
    assert "أصيب" in injured.frame and "قتل" not in injured.frame
    assert not any(ch.isdigit() for ch in killed.frame + injured.frame)


def test_counts_of_one_toll_clash_whatever_the_spelling_of_their_unit():
    a = Evidence(1, "a", "وأعلنت السلطات مقتل 105 أشخاص في تحطم الطائرة.", "سكاي نيوز عربية", SUN)
    b = Evidence(2, "b", "قتل 164 شخصا في تحطم الطائرة.", "بي بي سي", SUN)
    (conflict,), _ = find_conflicts(claims_of(a, b))
    assert conflict.kind == "number" and conflict.relation == "conflict"
    assert sorted(p.citations for p in conflict.positions) == [[1], [2]]
    assert describe_conflict(conflict, "en").startswith("Sources disagree on the figure:")


def test_killed_and_injured_are_different_claims():
    a = Evidence(1, "a", "أدى خروج القطار عن سكته إلى مقتل 10 أشخاص.", "سكاي نيوز عربية", SUN)
    b = Evidence(2, "b", "وأصيب 73 شخصا في حادث القطار.", "فرانس 24", SUN)
    assert find_conflicts(claims_of(a, b))[0] == []


def test_a_toll_that_rises_the_next_day_is_an_update_with_a_timeline():
    a = Evidence(1, "a", "أدى خروج القطار عن سكته إلى سقوط 10 قتلى.", "سكاي نيوز عربية", SUN)
    b = Evidence(2, "b", "وأوضح الوزير أن 24 شخصا قتلوا في حادث القطار.", "العربية", MON)
    (update,), _ = find_conflicts(claims_of(a, b))
    assert update.relation == "update" and update.kind == "number"
    assert [(p.value, p.reported_at, p.citations) for p in update.positions] == [
        ("10 قتلى", "2018-07-08", [1]), ("24 شخصا", "2018-07-09", [2])]
    assert describe_conflict(update, "en").startswith("The figure changed over time: 10 قتلى")


def test_the_same_toll_from_two_outlets_is_no_conflict():
    a = Evidence(1, "a", "قتل 11 شخصا على الأقل في انفجار سوق مزدحم.", "العربية", SUN)
    b = Evidence(2, "b", "أسفر الانفجار عن مقتل 11 شخصا.", "سكاي نيوز عربية", SUN)
    assert find_conflicts(claims_of(a, b))[0] == []


def test_a_running_total_is_background_not_a_rival_figure():
    a = Evidence(1, "a", "ومنذ عام 2012 قتل 2100 شخص في المعارك.", "العربية", SUN)
    b = Evidence(2, "b", "قتل 12 شخصا في المعارك.", "فرانس 24", SUN)
    (total,) = [c for c in claims_of(a) if c.slot == "number"]
    assert total.background
    assert find_conflicts(claims_of(a, b))[0] == []


def test_an_english_report_meets_an_arabic_one():
    a = Evidence(1, "a", "At least 12 people were killed in the suicide bombing.", "Reuters", SUN)
    b = Evidence(2, "b", "قتل 7 أشخاص في التفجير الانتحاري.", "سكاي نيوز عربية", SUN)
    (conflict,), _ = find_conflicts(claims_of(a, b))
    assert conflict.kind == "number" and {tuple(p.citations) for p in conflict.positions} == {(1,), (2,)}


def test_last_months_crash_is_a_past_event_not_a_rival_toll():
    today = dt.date(2018, 3, 11)
    a = Evidence(1, "a", "وفي شباط/فبراير الماضي، تحطمت طائرة ركاب ما أسفر عن مقتل 65 شخصا.", "العربية", today)
    b = Evidence(2, "b", "قتل 11 شخصا في تحطم الطائرة.", "سكاي نيوز عربية", today)
    (past,) = [c for c in claims_of(a) if c.slot == "number"]
    assert past.background
    assert find_conflicts(claims_of(a, b))[0] == []


def test_reports_months_apart_are_different_events():
    a = Evidence(1, "a", "قتل 14 شخصا في حادث الحافلة.", "فرانس 24", dt.date(2018, 4, 7))
    b = Evidence(2, "b", "قتل 4 أشخاص في حادث إطلاق النار.", "سي إن إن", dt.date(2018, 8, 10))
    assert find_conflicts(claims_of(a, b))[0] == []
