"""Which pairs of figures make one claim: the same counted thing, the same measure, not merely the same story.

Sentences are made up (no sample article, no story word in the code); the
pairing goes through the packaged multilingual sentence model like the service.
"""

from __future__ import annotations

import datetime as dt

from bot.claims import Evidence, _number_norm, extract_claims
from bot.conflicts import _bounds_phrase, find_conflicts

SUN, MON = dt.date(2018, 7, 8), dt.date(2018, 7, 9)


def numbers(*evidence: Evidence):
    return [c for e in evidence for c in extract_claims(e) if c.slot == "number"]


def test_a_loan_is_not_the_total_aid():
    # Frames "the fund approved a #" / "the fund approved # dollars" are close (and share "approved"): only what
    # the amounts are of tells them apart.
    a = Evidence(1, "a", "the fund approved a $500 million loan on Sunday.", "Outlet A", SUN)
    b = Evidence(2, "b", "the fund approved 3 billion dollars in aid on Sunday.", "Outlet B", SUN)
    (loan,), (aid,) = numbers(a), numbers(b)
    assert (loan.kind, loan.measure, aid.measure) == ("money", "loan", "aid")
    assert loan.normalized.startswith("500000000")  # plain digits, never "5e+08"
    assert find_conflicts([loan, aid])[0] == []


def test_a_rise_of_one_measure_is_not_a_fall_of_another():
    a = Evidence(1, "a", "in the first quarter, exports recorded a 15% rise.", "Outlet A", SUN)
    b = Evidence(2, "b", "in the first quarter, imports recorded a 27% fall.", "Outlet B", SUN)
    (rise,), (fall,) = numbers(a), numbers(b)
    assert (rise.kind, rise.measure, fall.measure) == ("percent", "rise", "fall")
    assert find_conflicts([rise, fall])[0] == []


def test_a_share_never_meets_a_head_count():
    a = Evidence(1, "a", "Turnout reached 40% in the capital.", "Outlet A", SUN)
    b = Evidence(2, "b", "Turnout reached 55 voters in the capital.", "Outlet B", SUN)
    assert find_conflicts(numbers(a, b))[0] == []


def test_the_same_measure_with_different_amounts_still_conflicts():
    a = Evidence(1, "a", "The fund approved a $500 million loan to the government.", "Outlet A", SUN)
    b = Evidence(2, "b", "The fund approved a $700 million loan to the government.", "Outlet B", SUN)
    (conflict,), _ = find_conflicts(numbers(a, b))
    assert conflict.relation == "conflict" and sorted(p.citations for p in conflict.positions) == [[1], [2]]


def test_a_part_of_a_whole_counts_the_wholes_noun():
    (part, whole) = numbers(Evidence(1, "a", "Air defences shot down five of 8 missiles fired at the city.", "Outlet A", SUN))
    assert (part.low, part.unit) == (5, whole.unit)
    (ar_part, ar_whole) = numbers(Evidence(2, "b", "واعترضت الدفاعات الجوية خمساً من أصل 8 صواريخ أطلقت على المدينة.", "Outlet B", SUN))
    assert (ar_part.low, ar_part.unit) == (5, ar_whole.unit)


def test_shot_down_eight_meets_shot_down_five_of_eight():
    a = Evidence(1, "a", "Saudi air defences shot down 8 missiles fired at the kingdom.", "Outlet A", SUN)
    b = Evidence(2, "b", "Air defences shot down five of the eight missiles fired at the kingdom.", "Outlet B", SUN)
    (five, _) = numbers(b)
    assert five.frame.endswith("shot down # missiles")  # the part's frame counts the whole's noun
    conflicts, _ = find_conflicts(numbers(a, b))
    assert any(c.relation == "conflict" and {p.normalized.split()[0] for p in c.positions} >= {"5", "8"} for c in conflicts)


def test_a_hedged_figure_keeps_the_figure_it_states():
    (about,) = numbers(Evidence(1, "a", "وأصيب نحو ثلاثمئة بنيران الجيش في المواجهات.", "Outlet A", SUN))
    assert about.normalized == "~300" and (about.low, round(about.high)) == (270, 330)  # compared as an interval
    assert _number_norm(10, 20, "people") == "10..20 people" and _number_norm(12, None, None) == "12.."
    assert _bounds_phrase("~300", "ar") == "نحو 300"


def test_the_same_figure_a_day_later_is_no_update():
    a = Evidence(1, "a", "قتل 39 شخصاً على الأقل في انفجار مستودع.", "Outlet A", SUN)
    b = Evidence(2, "b", "أسفر الانفجار عن مقتل 39 شخصا.", "Outlet B", MON)
    assert find_conflicts(numbers(a, b))[0] == []


def test_more_than_a_hundred_then_107_is_an_update():
    a = Evidence(1, "a", "قتل أكثر من 100 شخص في تحطم الطائرة.", "Outlet A", SUN)
    b = Evidence(2, "b", "قتل 107 أشخاص في تحطم الطائرة.", "Outlet B", MON)
    (update,), _ = find_conflicts(numbers(a, b))
    assert update.relation == "update" and [p.citations for p in update.positions] == [[1], [2]]


def test_function_words_are_no_shared_predicate():
    (a,) = numbers(Evidence(1, "a", "The committee said on the day that 40 of them left.", "Outlet A", SUN))
    assert not {"the", "that", "said on"} & set(a.cues)


def test_passengers_and_crew_are_no_rival_to_all_on_board():
    a = Evidence(1, "a", "تحطمت طائرة ركاب على متنها 110 أشخاص.", "Outlet A", SUN)
    b = Evidence(2, "b", "تحطمت طائرة ركاب على متنها 107 ركاب وطاقم من ستة أفراد.", "Outlet B", SUN)
    (people,), (passengers, _crew) = numbers(a), numbers(b)
    assert passengers.partial and not people.partial
    assert find_conflicts([people, passengers])[0] == []


def test_a_further_count_is_not_an_addend():
    (killed, injured) = numbers(Evidence(1, "a", "أسفر الحادث عن سقوط 107 قتلى وثلاثة جرحى.", "Outlet A", SUN))
    assert not killed.partial and not injured.partial
