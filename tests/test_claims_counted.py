"""Which people a count is of: its deed is the nearest before it ("قتل جندي وأصيب 7 آخرون" counts 7 injured, no rival
of another outlet's toll), and a count before "among" a figure is part of that figure (made-up events; pure
functions)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.claims import Evidence, extract_all
from bot.conflicts import find_conflicts

INJURED = "قتل جندي وأصيب 7 آخرون في هجوم على نقطة تفتيش قرب مدينة الرمال، الاثنين."
TOLLS = [
    "ارتفعت حصيلة قتلى الهجوم على نقطة التفتيش قرب مدينة الرمال إلى 3.",
    "A third soldier died of his wounds after the attack on a checkpoint near the town of Ramal, raising the death toll to three.",
]
BOTH = "قتل وأصيب 12 شخصا في انفجار بسوق المدينة."


def _counts(text: str) -> list:
    return [c for c in extract_all([Evidence(1, "d1", text, "Outlet A", date(2019, 5, 6))]) if c.slot == "number"]


def test_a_deed_with_its_own_object_is_not_the_next_counts_deed():
    killed, injured = _counts(INJURED)  # "قتل جندي": one killed, the bare noun its count
    assert (killed.low, killed.deeds) == (1, {"قتل"})
    assert "اصب" in injured.deeds and "قتل" not in injured.deeds


def test_deeds_joined_with_nothing_between_both_state_the_count():
    (both,) = _counts(BOTH)
    assert {"اصب", "قتل"} <= both.deeds


@pytest.mark.parametrize("toll", TOLLS)
def test_a_storys_injured_are_no_rival_of_another_outlets_toll(toll):
    evidence = [Evidence(1, "d1", INJURED, "Outlet A", date(2019, 5, 6)), Evidence(2, "d2", toll, "Outlet B", date(2019, 5, 6))]
    conflicts, _ = find_conflicts(extract_all(evidence), "en")
    assert not [c for c in conflicts if c.relation == "conflict"]


def test_a_count_before_among_a_figure_is_part_of_it():
    parts = {c.low: c.subset for c in _counts("12 foreign workers among 40 killed in Ramal factory fire")}
    assert parts == {12: True, 40: False}


def test_the_same_part_and_whole_in_two_languages_do_not_clash():
    evidence = [
        Evidence(1, "d1", "12 foreign workers among 40 killed in Ramal factory fire", "Outlet A", date(2019, 5, 6)),
        Evidence(
            2, "d2", "قالت الشرطة إن 40 شخصا بينهم 12 عاملا أجنبيا لقوا حتفهم في حريق مصنع في مدينة الرمال.", "Outlet B", date(2019, 5, 6)
        ),
    ]
    conflicts, _ = find_conflicts(extract_all(evidence), "en")
    assert not [c for c in conflicts if c.relation == "conflict"]


def test_a_total_of_the_number_of_a_noun_counts_that_noun():
    """ "عدد الطلاب … ارتفع إلى 8" has no noun after its figure; the clause says whose number it is, so it counts
    students, as another outlet's "سبعة طلاب" does. A number of the dead is told by its deed, not by a noun."""
    (total,) = _counts("قال مدير المدرسة إن عدد الطلاب الذين نقلوا إلى المستشفى بعد الحريق ارتفع إلى 8.")
    (students,) = _counts("نقل سبعة طلاب إلى المستشفى بعد حريق في مدرسة البلدة.")
    assert total.unit == students.unit
    (english,) = _counts("Doctors said on Monday the number of students treated in hospital had risen to 9.")
    assert english.unit == "student"
    (dead,) = _counts("The number of dead rose to 9 on Monday.")
    assert dead.unit is None
