"""Which pairs of figures make one claim: the same counted thing, the same measure, not merely the same story.

Sentences are made up (no sample article, no story word in the code); the
pairing goes through the packaged multilingual sentence model like the service.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bot.claims import Evidence, _number_norm, extract_claims
from bot.conflicts import _bounds_phrase, _stems_meet, find_conflicts
from language.numbers import count_predicates, exceeds, learn_count_predicates, time_units, unit_key

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


# ------------------------------------------------------------------ spans of time


def test_words_that_count_time_come_from_cldr_and_dateparser():
    units = time_units()
    assert {units[unit_key(w)] for w in ("عاما", "أعوام", "سنوات", "years")} == {"duration-year"}
    assert units[unit_key("أيام")] == units[unit_key("days")] == "duration-day"
    assert unit_key("شخصا") not in units and unit_key("missiles") not in units


def test_two_terms_in_office_still_conflict():
    for a, b in (
        ("The president ruled the country for 15 years.", "The president ruled the country for 17 years."),
        ("توفي الرئيس عن 64 عاما.", "توفي الرئيس عن 66 عاما."),
    ):
        (conflict,), _ = find_conflicts(numbers(Evidence(1, "a", a, "Outlet A", SUN), Evidence(2, "b", b, "Outlet B", SUN)))
        assert conflict.relation == "conflict"


def test_a_span_of_time_does_not_cut_a_counts_frame():
    # "منذ 30 عاما" is a time, like a date: the toll's frame reaches past it towards its predicate.
    (_, toll) = numbers(Evidence(1, "a", "ارتفعت حصيلة الفيضانات غير المسبوقة منذ 30 عاما إلى 141 قتيلا.", "Outlet A", SUN))
    assert toll.frame.startswith("المسبوقة") and toll.frame.endswith("إلى # قتيلا")


# ------------------------------------------------------------------ predicates that state a count


def test_words_that_state_a_count_are_learned_from_where_they_stand():
    texts = ["أصيب 30 شخصا في الحادث", "وقالت الشرطة إن 12 شخصا أصيبوا", "قتل 5 أشخاص"] * 20
    learned = learn_count_predicates(texts)
    assert unit_key("أصيب") in learned and unit_key("قتل") in learned and unit_key("شخصا") not in learned
    assert unit_key("أصيب") in count_predicates() and unit_key("شخصا") not in count_predicates()  # the stored ANT list


def test_a_coordinated_predicate_opens_the_next_clause():
    (dead,) = numbers(Evidence(1, "a", "توفي عشرة أشخاص وأصيب آخرون إثر انهيار جسر في المدينة.", "Outlet A", SUN))
    assert not dead.partial and dead.frame == "توفي # أشخاص"  # "وأصيب آخرون" is the next claim, not a further noun


def test_a_later_toll_in_other_words_is_an_update():
    a = Evidence(1, "a", "توفي عشرة أشخاص وأصيب آخرون إثر انهيار جسر في المدينة.", "Outlet A", SUN)
    b = Evidence(2, "b", "وأوضح الوزير أن 24 شخصا قتلوا وأصيب 184 آخرون في الحادث.", "Outlet B", MON)
    (update,), _ = find_conflicts(numbers(a, b))
    assert update.relation == "update" and [p.normalized for p in update.positions] == ["10 اشخاص", "24 شخصا"]


def test_a_count_coordinated_after_another_shares_its_predicate():
    (dead, injured) = numbers(Evidence(1, "a", "وقال المتحدث إن عدد الضحايا بلغ 3 قتلى و20 مصابا في الحادث.", "Outlet A", SUN))
    assert injured.frame.startswith("عدد الضحايا بلغ") and "قتلى" not in injured.frame and {"بلغ", "عدد"} <= injured.cues
    assert "مصب" not in dead.cues


def test_the_injured_are_those_who_were_injured():
    # "20 مصابا" and "40 شخصا أصيبوا" count one thing: the noun names what the other's predicate states.
    a = Evidence(1, "a", "وقال المتحدث إن عدد الضحايا بلغ 3 قتلى و20 مصابا في الحادث.", "Outlet A", SUN)
    b = Evidence(2, "b", "وقالت الشرطة إن نحو 40 شخصا أصيبوا في الحادث.", "Outlet B", SUN)
    (conflict,), _ = find_conflicts(numbers(a, b))
    assert conflict.relation == "conflict" and {p.normalized for p in conflict.positions} == {"20 مصابا", "~40 شخصا"}
    assert _stems_meet(unit_key("مصابا"), unit_key("أصيبوا")) and not _stems_meet(unit_key("جرحى"), unit_key("قتلى"))


def test_a_past_toll_is_background_even_where_the_frame_cuts_its_date():
    day = dt.date(2018, 3, 11)
    a = Evidence(1, "a", "وكانت طائرة أخرى سقطت في الجبال في فبراير/شباط الماضي ما أسفر عن مقتل 65 شخصا كانوا على متنها.", "A", day)
    b = Evidence(2, "b", "قالت الهيئة، الأحد، إن 11 شخصا قتلوا جراء تحطم طائرة خاصة.", "Outlet B", day)
    (past,), (today,) = numbers(a), numbers(b)
    assert past.background and past.period_start == dt.date(2018, 2, 1) and not today.background
    assert find_conflicts([past, today])[0] == []


def test_the_killed_and_the_injured_of_one_toll_stay_apart():
    # "20 جريحا" borrows "سقوط" from "3 قتلى": its frame is then the killed count's but for the noun.
    toll = Evidence(1, "a", "أسفر الانفجار عن سقوط 3 قتلى و20 جريحا.", "Outlet A", SUN)
    (killed, injured) = numbers(toll)
    assert injured.coordinated and not killed.coordinated
    for rival, values in (
        ("أسفر الانفجار عن سقوط 5 قتلى.", {"3 قتلي", "5 قتلي"}),
        ("أسفر الانفجار عن سقوط 12 جريحا.", {"12 جريحا", "20 جريحا"}),
    ):
        (conflict,), _ = find_conflicts(numbers(toll, Evidence(2, "b", rival, "Outlet B", SUN)))
        assert {p.normalized for p in conflict.positions} == values


# ------------------------------------------------------------------ figures passed, tolls that rise


def test_a_verb_of_passing_makes_its_figure_a_floor():
    assert exceeds("تجاوزت حصيلة ضحايا الأمطار في البلاد") and exceeds("By Monday the toll exceeded")
    assert not exceeds("أعلنت السلطات أن") and not exceeds("")
    (passed,) = numbers(Evidence(1, "a", "تجاوزت حصيلة ضحايا الفيضانات في البلاد المئة قتيل.", "Outlet A", SUN))
    assert (passed.low, passed.high, passed.normalized) == (101, None, "101.. قتيل")
    (plain,) = numbers(Evidence(2, "b", "ارتفعت حصيلة ضحايا الفيضانات في البلاد إلى مئة قتيل.", "Outlet B", SUN))
    assert (plain.low, plain.high) == (100, 100)


def test_a_toll_passed_then_raised_the_same_day_is_an_update():
    # "قتيل" names its predicate: two counts of it need only loosely related frames (cosine ~0.3 here).
    a = Evidence(1, "a", "ارتفعت الحصيلة المؤقتة للأمطار الغزيرة في البلاد إلى مئة قتيل.", "Outlet A", SUN)
    b = Evidence(2, "b", "تجاوزت حصيلة ضحايا الأمطار الغزيرة في البلاد المئة قتيل، في حصيلة أولية.", "Outlet B", MON)
    c = Evidence(3, "c", "ارتفعت الحصيلة المؤقتة للأمطار التي هطلت في الأيام الأخيرة على البلاد إلى 141 قتيلا.", "Outlet C", MON)
    (update,), _ = find_conflicts(numbers(a, b, c))
    assert update.relation == "update" and [p.citations for p in update.positions] == [[1], [2], [3]]


#: Pairs of made-up reports whose figures make no claim together, each with why.
NO_CLAIM = {
    "a share never meets a head count": ("Turnout reached 40% in the capital.", "Turnout reached 55 voters in the capital.", SUN),
    "the same figure a day later is no update": ("قتل 39 شخصاً على الأقل في انفجار مستودع.", "أسفر الانفجار عن مقتل 39 شخصا.", MON),
    # Both count years in short frames (cosine ~0.7): only what the span is of tells them apart.
    "an age is not a term in office (ar)": (
        "أعلن الرئيس، البالغ من العمر 64 عاما، أنه لن يترشح.",
        "أعلن الرئيس، الذي يحكم منذ 15 عاما، أنه لن يترشح.",
        SUN,
    ),
    "an age is not a term in office (en)": (
        "The president, aged 64 years, said he would not run again.",
        "The president, in power for 15 years, said he would not run again.",
        SUN,
    ),
    # "رجل أمن" stands before "أربعة آخرين" but states nothing of them: four injured are no rival to three killed.
    "a noun near a value is no predicate": (
        "نتج عن الاشتباك استشهاد رجل أمن وإصابة أربعة آخرين.",
        "أعلنت الوزارة مقتل ثلاثة رجال أمن في الاشتباك.",
        SUN,
    ),
    # The frames share their setting ("طائرة ركاب", cosine ~0.8) but state different things of their nouns.
    "a death toll is no rival to those on board": (
        "أعلنت الحكومة الحداد غداة حادث تحطم طائرة ركاب أسفر عن سقوط 107 قتلى.",
        "أعلنت السلطات عن تحطم طائرة ركاب على متنها 104 أشخاص.",
        SUN,
    ),
}


@pytest.mark.parametrize("first, second, second_day", NO_CLAIM.values(), ids=NO_CLAIM.keys())
def test_figures_that_make_no_claim_together(first: str, second: str, second_day: dt.date):
    a, b = Evidence(1, "a", first, "Outlet A", SUN), Evidence(2, "b", second, "Outlet B", second_day)
    assert numbers(a) and numbers(b), "a report's figure was not read"
    assert find_conflicts(numbers(a, b))[0] == []
