"""Which pairs of figures make one claim: the same counted thing, the same measure, not merely the same story.

Sentences are made up (no sample article, no story word in the code); the
pairing goes through the packaged multilingual sentence model like the service.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bot.claims import Evidence, _number_norm, extract_all, extract_claims
from bot.conflicts import _bounds_phrase, _close_rivals, _other_things_measured, _stems_meet, find_conflicts
from language.numbers import (
    coarseness,
    count_predicates,
    find_quantities,
    learn_count_predicates,
    measure_units,
    passing_bound,
    rounding,
    spaced_numbers,
    time_units,
    unit_key,
)

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


def test_a_noun_coordinated_before_a_count_makes_it_a_part():
    # "a driver and 14 men" were held: the 14 are a part of the arrested, no rival to another outlet's 15 people.
    (men,) = numbers(Evidence(1, "a", "واحتجزت السلطات سائقا و14 رجلا عقب المداهمة.", "Outlet A", SUN))
    (people,) = numbers(Evidence(2, "b", "واحتجزت السلطات 15 شخصا عقب المداهمة.", "Outlet B", SUN))
    (english,) = numbers(Evidence(3, "c", "The authorities held a driver and 14 men after the raid.", "Outlet C", SUN))
    assert men.partial and english.partial and not people.partial
    assert find_conflicts([men, people])[0] == []
    (wounded,) = [c for c in numbers(Evidence(4, "d", "قتل 5 أشخاص وأصيب 14 في الحادث.", "Outlet D", SUN)) if c.low == 14]
    assert not wounded.partial  # "وأصيب" opens the next clause: no noun joined to the 14


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
    assert passing_bound("تجاوزت حصيلة ضحايا الأمطار في البلاد") == passing_bound("By Monday the toll exceeded") == "floor"
    assert passing_bound("أعلنت السلطات أن") is None and passing_bound("") is None
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
    # (a) One unit, different things: the masked frames are alike, the words of what is measured are not.
    "the heights of two mountains": (
        "وقال المرشد إن ارتفاع جبل كليمنجارو يبلغ 5895 مترا.",
        "وأضاف أن ارتفاع جبل أرارات يبلغ 5137 مترا.",
        SUN,
    ),
    "the shares of two parties": ("وحصل حزب العمال على 43% من الأصوات.", "وحصل حزب المحافظين على 12% من الأصوات.", SUN),
    "a depth is not a distance": (
        "وذكرت الهيئة أن الزلزال وقع على عمق نحو 100 كيلومتر.",
        "وقال المركز إن الزلزال وقع على بعد 67 كيلومترا من العاصمة.",
        SUN,
    ),
    "the ages of two players": ("وسيصبح الحارس في عمر 45 عاما أكبر لاعب في البطولة.", "وكان الحارس السابق يبلغ من العمر 43 عاما.", SUN),
    "a toll in one city is not another's (ar)": ("قتل 5 أشخاص في القاهرة.", "قتل 9 أشخاص في دمشق.", SUN),
    "a toll in one city is not another's (en)": ("Five people were killed in Cairo.", "Nine people were killed in Damascus.", SUN),
    # (b) Compatible within the precision the words state.
    "one amount to two precisions (ar)": ("وبلغت قيمة الصفقة 4.7 مليار دولار.", "وبلغت قيمة الصفقة 4,69 مليار دولار.", SUN),
    "one amount to two precisions (en)": ("The deal is worth $4.7 billion.", "The deal is worth $4.69 billion.", SUN),
    "about a hundred and 97": ("قتل نحو 100 شخص في الهجوم.", "قتل 97 شخصا في الهجوم.", SUN),
    "more than 50 and 53": ("قتل ما يربو على 50 شخصا في الهجوم.", "قتل 53 شخصا في الهجوم.", SUN),
    "a round speed and the precise one": ("وصلت سرعة الرياح إلى 250 كيلومترا في الساعة.", "بلغت سرعة الرياح 249 كيلومترا في الساعة.", SUN),
    "a whole percentage and its decimals": ("حصل الرئيس على 41 بالمئة من الأصوات.", "حصل الرئيس على 41,42 بالمئة من الأصوات.", SUN),
    "a round floor and a figure just above it": ("قتل 40 شخصا على الأقل في الهجوم.", "قتل 43 شخصا في الهجوم.", SUN),
    "one floor in two wordings": ("قتل أكثر من 100 شخص في الهجوم.", "قتل أكثر من مئة شخص في الهجوم.", SUN),
    "about 30 and 29": ("قتل نحو 30 شخصا في الهجوم.", "قتل 29 شخصا في الهجوم.", SUN),
    "more than ten is eleven at least": ("قتل أكثر من عشرة أشخاص في الانفجار.", "قتل 11 شخصا على الأقل في الانفجار.", SUN),
    "floors orders apart count different things": ("تضرر أكثر من 300 شخص من الفيضانات.", "تضرر أكثر من 300 ألف شخص من الفيضانات.", SUN),
    "one approximation to two precisions": ("ارتفعت الأمواج إلى نحو 4 أمتار.", "ارتفعت الأمواج إلى نحو 4.3 متر.", SUN),
    "one approximation in two wordings": ("قدمت الصين عرضا بنحو 70 مليار دولار.", "قدمت الصين عرضا بحوالى 70 مليار دولار.", SUN),
    "an approximation under a ceiling": ("لم تتجاوز نسبة المشاركة 45 بالمئة.", "بلغت نسبة المشاركة نحو 44.5 بالمئة.", SUN),
    # (c) A part is no rival of its whole.
    "some of the defendants are not all": ("قضت المحكمة بسجن 6 متهمين بينهم 3 صحفيين.", "قضت المحكمة بسجن 6 صحفيين.", SUN),
    "some of the dead are not all (ar)": ("قتل 4 أشخاص في إطلاق النار.", "وقالت الشرطة إن اثنين من القتلى من عناصر الشرطة.", SUN),
    "some of the dead are not all (en)": ("Four people were killed in the shooting.", "Police said two of the dead were officers.", SUN),
    "a part out of a whole": ("ويشكل اللاجئون 24.5 مليون شخص من أصل 68.5 مليون نازح.", "وبلغ عدد النازحين واللاجئين 68.5 مليون شخص.", SUN),
    "one town is not the whole (ar)": ("وقتل 271 شخصا في بلدة واحدة.", "وقتل 160 ألف شخص في المجمل.", SUN),
    "one town is not the whole (en)": ("271 people were killed in one town alone.", "160,000 people were killed in all.", SUN),
    # (d) Without a rate, amounts in two currencies or units cannot be compared.
    "dollars are not euros": ("وقدم البنك قرضا بقيمة 500 مليون دولار.", "وقدم البنك قرضا بقيمة 300 مليون يورو.", SUN),
    "metres are not kilometres": ("امتد الحريق على طول 30 كيلومترا.", "امتد الحريق على طول 40 مترا.", SUN),
}


@pytest.mark.parametrize("first, second, second_day", NO_CLAIM.values(), ids=NO_CLAIM.keys())
def test_figures_that_make_no_claim_together(first: str, second: str, second_day: dt.date):
    a, b = Evidence(1, "a", first, "Outlet A", SUN), Evidence(2, "b", second, "Outlet B", second_day)
    assert numbers(a) and numbers(b), "a report's figure was not read"
    assert find_conflicts(numbers(a, b))[0] == []


#: Pairs of made-up reports of one figure that disagree, and must still be shown as a conflict.
ONE_CLAIM = {
    # "إلى # عدد القتلى": the count is of the noun after the noun of a figure.
    "the noun after a noun of a figure": ("وبذلك يرتفع إلى 14 عدد القتلى في الفيضانات.", "قتل 17 شخصا في الفيضانات."),
    # "شخصاً قُتلوا": the verb after a noun ending in a tanween is the count's predicate.
    "a predicate after a tanween": ("قال مسؤولون إن 11 شخصاً قُتلوا كما أصيب 20 آخرون.", "قتل ما لا يقل عن 15 شخصا في التفجير."),
    "a capitalised number word is no name": ("Thirty people were injured in the attack.", "Twenty people were injured in the attack."),
    "one share, two figures": ("بلغت نسبة المشاركة في الانتخابات 43%.", "بلغت نسبة المشاركة في الانتخابات 52%."),
    "one amount beyond its precision": ("وبلغت قيمة الصفقة 4.7 مليار دولار.", "وبلغت قيمة الصفقة 5.2 مليار دولار."),
    "two counts of one part": ("قتل 10 أشخاص بينهم 3 أطفال.", "قتل 10 أشخاص بينهم 5 أطفال."),
    # "تصل" / "تتجاوز" bound the figure: they say nothing of what is measured, which both frames name ("سرعة الرياح").
    "one speed bounded two ways": (
        "ويتوقع الخبراء أن تصل سرعة الرياح إلى 60 كيلومترا في الساعة.",
        "ويتوقع الخبراء أن تتجاوز سرعة الرياح 120 كيلومترا في الساعة.",
    ),
    "kilometres in two spellings": ("وقع الزلزال على بعد 40 كيلومترا من العاصمة.", "وقع الزلزال على بعد 90 كم من العاصمة."),
    "two round amounts": ("وتبلغ الغرامة 500 يورو.", "وتبلغ الغرامة 450 يورو."),
    "one age, two figures": ("توفي عن عمر 81 عاما.", "توفي عن 85 عاما."),
    # "لهذا" is a function word under a proclitic: no word of a second thing measured.
    "one age, a function word after one": (
        "وبتعيين المدرب البالغ من العمر 47 عاما، يطوي النادي صفحة.",
        "ويعني تعيين المدرب، البالغ من العمر 49 عاما لهذا المنصب، نهاية مرحلة.",
    ),
    "one city, two tolls": ("قتل 5 أشخاص في القاهرة.", "قتل 9 أشخاص في القاهرة."),
    "a floor and another source's count above it": ("قتل 40 شخصا على الأقل في الهجوم.", "قتل 49 شخصا في الهجوم."),
    "a country and a city in it": ("قتل 5 أشخاص في سوريا.", "قتل 9 أشخاص في دمشق."),
    "tolls six times apart": ("قتل 25 شخصا في القصف.", "قتل 150 شخصا في القصف."),
    # Two sources' floors (or ceilings) of one day overlap as intervals, but each states the figure it counted.
    "two floors of one day (ar)": ("قتل ما لا يقل عن 120 شخصا في الاحتجاجات.", "قتل 132 شخصا على الأقل في الاحتجاجات."),
    "two floors of one day (en)": ("At least 40 people were killed in the attack.", "At least 150 people were killed in the attack."),
    "floors one apart": ("تسبب القصف بمقتل 28 مدنيا على الأقل.", "تسبب القصف بمقتل 29 مدنيا على الأقل."),
    "two ceilings of one day": ("قتل ما يصل إلى 50 شخصا في القصف.", "قتل ما يصل إلى 70 شخصا في القصف."),
    # Two approximations, or an approximation and a floor, of one day: each states a figure, and they differ.
    "two approximations of one day (ar)": ("استمرت المحادثات قرابة 48 دقيقة.", "استمرت المحادثات قرابة 40 دقيقة."),
    "two approximations of one day (en)": ("About 48 people were injured in the attack.", "About 40 people were injured in the attack."),
    "an approximation against a floor": ("شردت الزلازل حوالي 390 ألف شخص.", "شردت الزلازل ما لا يقل عن 156 ألف شخص."),
}


@pytest.mark.parametrize("first, second", ONE_CLAIM.values(), ids=ONE_CLAIM.keys())
def test_figures_of_one_claim_that_disagree(first: str, second: str):
    a, b = Evidence(1, "a", first, "Outlet A", SUN), Evidence(2, "b", second, "Outlet B", SUN)
    (conflict,), _ = find_conflicts(numbers(a, b))
    assert conflict.relation == "conflict" and sorted(p.citations for p in conflict.positions) == [[1], [2]]


def test_figures_orders_of_magnitude_apart_days_later_can_still_be_an_update():
    # Same day, 271 / 160,000 count different things; a toll may grow more than tenfold over days (40, then 300).
    a = Evidence(1, "a", "ارتفعت حصيلة ضحايا الفيضانات إلى 40 قتيلا.", "Outlet A", SUN)
    b = Evidence(2, "b", "ارتفعت حصيلة ضحايا الفيضانات إلى 450 قتيلا.", "Outlet B", SUN + dt.timedelta(days=3))
    (update,), _ = find_conflicts(numbers(a, b))
    assert update.relation == "update"
    c = Evidence(3, "c", "ارتفعت حصيلة ضحايا الفيضانات إلى 450 قتيلا.", "Outlet C", SUN)
    assert find_conflicts(numbers(a, c))[0] == []


def test_floors_rising_over_days_or_from_one_source_are_no_conflict():
    first = Evidence(1, "a", "قتل ما لا يقل عن 120 شخصا في الاحتجاجات.", "Outlet A", SUN)
    next_day = Evidence(2, "b", "قتل 132 شخصا على الأقل في الاحتجاجات.", "Outlet B", MON)
    (update,), _ = find_conflicts(numbers(first, next_day))
    assert update.relation == "update" and [p.citations for p in update.positions] == [[1], [2]]
    raised = Evidence(3, "c", "قتل 132 شخصا على الأقل في الاحتجاجات.", "Outlet A", SUN)  # the same outlet, later that day
    assert find_conflicts(numbers(first, raised))[0] == []


@pytest.mark.parametrize(
    "text, low, high, bound",
    [
        ("قتل أكثر من 28 مدنيا", 29, None, "floor"),
        ("قتل 29 مدنيا على الأقل", 29, None, "floor"),
        ("at least 40 people", 40, None, "floor"),
        ("up to 50 people", 0, 50, "ceiling"),
        ("less than 50 people", 0, 49, "ceiling"),
        ("نحو 30 شخصا", 27, 33, None),  # an approximation's ends are margins, not stated figures
        ("بين 20 و30 شخصا", 20, 30, None),
        ("قتل 30 شخصا", 30, 30, None),
    ],
)
def test_a_hedge_says_which_end_of_its_interval_it_states(text: str, low: float, high: float | None, bound: str | None):
    (q,) = find_quantities(text)
    assert (q.low, q.high and round(q.high), q.bound) == (low, high, bound)


def test_a_figure_a_verb_passes_is_a_floor():
    (passed,) = numbers(Evidence(1, "a", "تجاوزت حصيلة ضحايا الفيضانات في البلاد المئة قتيل.", "Outlet A", SUN))
    assert (passed.low, passed.bound) == (101, "floor")


@pytest.mark.parametrize(
    "text, step",
    [
        ("بلغت قيمة الصفقة 4.7 مليار دولار", 0.05e9),
        ("بلغت 4,69 مليار دولار", 0.005e9),  # the Arabic decimal comma
        ("worth $4.69 billion", 0.005e9),
        ("نزح 160 ألف شخص", 500),
        ("نزح خمسة ملايين شخص", 0.5e6),
        ("بلغت نسبة البطالة 4.5%", 0.05),
        ("قتل 12 شخصا", 0),  # a whole count is exact as written
        ("قتل 1,250 شخصا", 0),  # a comma before three digits groups thousands
        ("نزح مليون شخص", 0),  # a scale word alone states no digits to round
        ("قتل نحو 300 شخص", 0),  # a hedge already says how loose it is
    ],
)
def test_a_figure_is_as_precise_as_it_is_written(text: str, step: float):
    (q,) = find_quantities(text)
    assert rounding(q) == pytest.approx(step)


@pytest.mark.parametrize(
    "text, pad",
    [("250 كيلومترا", 5), ("1,200 طن", 50), ("41 بالمئة", 0.5), ("249 كيلومترا", 0), ("41,42 بالمئة", 0), ("حوالي 50 دقيقة", 0)],
)
def test_a_round_figure_may_stand_for_a_precise_one(text: str, pad: float):
    (q,) = find_quantities(text)
    assert coarseness(q) == pad


def test_units_of_measure_come_from_cldr():
    units = measure_units()
    assert {units.get(unit_key(w)) for w in ("مترا", "أمتار", "meters")} == {"length-meter"}
    assert {units.get(unit_key(w)) for w in ("كيلومترا", "كم", "km")} == {"length-kilometer"}
    assert units.get(unit_key("طنا")) == "mass-tonne" and units.get(unit_key("عاما")) == "duration-year"
    assert not {unit_key(w) for w in ("شخصا", "أشخاص", "people", "صواريخ", "يورو", "في", "per")} & units.keys()


def test_an_arabic_unit_abbreviated_by_its_opening_letters_is_that_unit():
    units = measure_units()
    assert units.get(unit_key("كلم")) == "length-kilometer" and units.get(unit_key("ملم")) == "length-millimeter"
    assert units.get(unit_key("كلغ")) == "mass-kilogram"
    assert units.get(unit_key("كيلو")) is None  # opens kilometres and kilograms alike: no one unit


@pytest.mark.parametrize(
    "text, low, high",
    [
        ("قتل ما يربو على 50 شخصا", 51, None),
        ("قتل ما يفوق 50 شخصا", 51, None),
        ("قتل مئة ونيف", 100, None),
        ("just over 50 people", 51, None),
    ],
)
def test_hedges_of_more_than(text: str, low: float, high: float | None):
    (q,) = find_quantities(text)
    assert (q.low, q.high) == (low, high)


@pytest.mark.parametrize(
    "text, read",
    [
        ("توفي عن عمر يناهز الـ85 عاماً", [(85, "عاما")]),  # the article glued to the digits, with tatweel
        ("حكم عليه بالسجن لـ6 أشهر", [(6, "اشهر")]),
        ("الدورة الـ24 للمهرجان", []),  # an ordinal: no counted noun
        ("وذلك في الـ30 من آذار الماضي", []),  # a day of a month
    ],
)
def test_a_figure_glued_to_its_article_is_read(text: str, read: list[tuple[float, str]]):
    assert [(q.low, q.unit) for q in find_quantities(text)] == read


@pytest.mark.parametrize(
    "text, read",
    [
        ("اختفت الطائرة بعد حوالي45  دقيقة من إقلاعها", [(40.5, "دقيقه")]),  # a lost space: "about 45", not nothing
        ("اللاجئون يشكلون25,4  مليون شخص", [(25_400_000, "شخص")]),  # not "مليون" alone, one million
        ("قتل 131شخصا في الزلزال", [(131, "شخصا")]),
        ("الدورة الـ24 للمهرجان", []),  # the article is the number's own: still an ordinal
        ("حكم عليه بالسجن لـ6 أشهر", [(6, "اشهر")]),
        ("the F15 jets took off", []),  # Latin letters and digits make a name
    ],
)
def test_a_figure_run_into_a_word_is_read(text: str, read: list[tuple[float, str]]):
    assert [(round(q.low, 1), q.unit) for q in find_quantities(text)] == read


@pytest.mark.parametrize(
    "text, vague",
    [("خرج آلاف الفلسطينيين إلى الشوارع", True), ("dozens of people were hurt", True), ("نحو 300 شخص", False), ("28 civilians", False)],
)
def test_a_vague_count_is_marked_where_it_is_read(text: str, vague: bool):
    (q,) = find_quantities(text)
    assert q.vague is vague


def test_one_group_named_in_two_words_is_one_count():
    # "رجال أمن" / "عناصر أمن": two head nouns with one qualifier count one group; the speakers ("أعلنت وزارة
    # الداخلية", "أعلنت وسائل إعلام") say the toll and do not make it two occurrences.
    a = Evidence(1, "a", "أعلنت وزارة الداخلية، مساء الخميس، مقتل ثلاثة رجال أمن وذلك بعد اعتداء على نقطة تفتيش.", "Outlet A", SUN)
    b = Evidence(2, "b", "أعلنت وسائل إعلام رسمية الخميس أن أربعة عناصر أمن سعوديين قتلوا في إطلاق نار.", "Outlet B", SUN)
    (men,), (members,) = numbers(a), numbers(b)
    assert (men.qualifier, members.qualifier) == ("امن", "امن")
    (conflict,), _ = find_conflicts([men, members])
    assert conflict.relation == "conflict" and sorted(p.normalized for p in conflict.positions) == ["3 رجال", "4 عناصر"]


@pytest.mark.parametrize(
    "text, qualifier",
    [
        ("قتل ثلاثة رجال أمن في الهجوم", "امن"),
        ("أصيب أربعة عناصر الأمن بجروح", "امن"),
        ("حكم على ثلاثة صحافيين معروفين", None),  # an adjective agreeing with its plural noun
        ("قتل أربعة جنود سعوديين", None),  # a demonym: soldiers of a country are no other group of it
        ("قتل ثلاثة رجال وأصيب خمسة", None),  # the next clause
        ("سقطت خمس قذائف هاون على البلدة", "هاون"),  # "ون" of a four-letter word is its own, no plural ending
    ],
)
def test_the_qualifier_of_a_counted_noun(text: str, qualifier: str | None):
    (count, *_) = numbers(Evidence(1, "a", text, "Outlet A", SUN))
    assert count.qualifier == qualifier


def test_a_count_told_with_and_without_its_qualifier_keeps_its_deed():
    # "قذيفة هاون أطلقت" / "قذيفة أطلقت": the qualifier is what is counted, so the deed after it is the shared cue.
    a = Evidence(1, "a", "قال المتحدث إن 14 قذيفة أطلقت من الجبل مساء الأحد.", "Outlet A", SUN)
    b = Evidence(2, "b", "وقالت الشرطة إن 19 قذيفة هاون أطلقت على القرى الحدودية.", "Outlet B", SUN)
    (shells,), (mortars,) = numbers(a), numbers(b)
    assert unit_key("أطلقت") in shells.cues & mortars.cues
    (conflict,), _ = find_conflicts([shells, mortars])
    assert conflict.relation == "conflict"


def test_two_nouns_with_different_qualifiers_stay_apart():
    a = Evidence(1, "a", "قتل ثلاثة رجال أمن في الهجوم على الحاجز.", "Outlet A", SUN)
    b = Evidence(2, "b", "قتل أربعة عناصر إطفاء في الحريق.", "Outlet B", SUN)
    assert find_conflicts(numbers(a, b))[0] == []


def test_a_bare_toll_meets_a_toll_of_people_over_one_predicate():
    # "مقتل 9" counts whoever "مقتل # شخصا" counts; a bare number under another predicate does not.
    a = Evidence(1, "a", "وأسفر القصف الصاروخي عن مقتل 9 وإصابة نحو 50 آخرين.", "Outlet A", SUN)
    b = Evidence(2, "b", "أطلق الحرس صواريخ على مقر الحزب، الأمر الذي أدى إلى مقتل 12 شخصا على الأقل.", "Outlet B", SUN)
    conflicts, _ = find_conflicts(numbers(a, b))
    assert [sorted(p.normalized for p in c.positions) for c in conflicts if c.relation == "conflict"] == [["12.. شخصا", "9"]]
    c = Evidence(3, "c", "وصلت إلى المطار الطائرة رقم 9 قبل الظهر.", "Outlet C", SUN)
    assert find_conflicts(numbers(b, c))[0] == []


def test_more_of_a_total_is_not_the_total():
    # "18 more dead, bringing the toll to 25": the 18 is what the toll grew by, no rival of another outlet's 25;
    # "50 others" beside "9 killed" is the injured total, not a part of anything.
    (more, total) = numbers(Evidence(1, "a", "أعلنت السلطات مقتل 18 شخصا آخرين، ما يرفع حصيلة القتلى إلى 25.", "Outlet A", SUN))
    assert (more.subset, total.subset) == (True, False)
    b = Evidence(2, "b", "ثار البركان، مما أسفر عن مقتل ما لا يقل عن 25 شخصا.", "Outlet B", SUN)
    assert not any(c.relation == "conflict" for c in find_conflicts(numbers(Evidence(1, "a", more.sentence, "Outlet A", SUN), b))[0])
    (killed, injured) = numbers(Evidence(3, "c", "وأسفر القصف عن مقتل 9 أشخاص وإصابة 50 آخرين.", "Outlet C", SUN))
    assert (killed.subset, injured.subset) == (False, False)


def test_who_says_a_count_is_not_who_does_it():
    # The minister is the speaker: an actor of the sentence (its actor claim) but not of the toll, so two tolls
    # told by two officials stay one occurrence (``bot.conflicts._episodes``).
    claims = extract_claims(Evidence(1, "a", "وقال وزير الداخلية محمد العلي إن 12 شخصا قتلوا في الهجوم.", "Outlet A", SUN))
    (count,) = [c for c in claims if c.slot == "number"]
    assert any(c.actors for c in claims if c.slot == "actor") and count.actors == ()


def test_a_weak_verb_is_a_cue_and_a_preposition_is_not():
    # "توفي" stems to two letters ("تف"): kept as the word, so "توفي # شخصا" reports share their predicate;
    # "على" is a function word and stays out ("حصل فلان على # صوتا" / "حصل آخر على # صوتا" share no predicate by it).
    (died,) = numbers(Evidence(1, "a", "توفي 33 شخصا في مقاطعة الشمال جراء موجة الحر.", "Outlet A", SUN))
    (votes,) = numbers(Evidence(2, "b", "وحصل المرشح على 176 صوتا في البرلمان.", "Outlet B", SUN))
    assert "توفي" in died.cues and not any(c.startswith("عل") for c in votes.cues)


def test_a_count_whose_noun_is_left_out_counts_the_noun_before_it():
    # "قتل 77 شخصا، وأصيب 143": the 143 injured are persons, so a bare count's predicate alone does not make it
    # the figure of another noun ("100 آخرون" injured in one province).
    (killed, injured) = numbers(Evidence(1, "a", "قتل 77 شخصا على الأقل، وأصيب 143، إثر العاصفة.", "Outlet A", SUN))
    assert (killed.elided, injured.elided, injured.unit) == (False, True, None)
    other = Evidence(2, "b", "وذكرت الوكالة أن 27 شخصا قتلوا، وأصيب 100 آخرون في الولاية الغربية.", "Outlet B", SUN)
    assert not any(
        {"143", "100 اخرون"} <= {p.normalized for p in c.positions}
        for c in find_conflicts(numbers(Evidence(1, "a", injured.sentence, "Outlet A", SUN), other))[0]
    )


def test_a_verb_of_passing_negated_makes_its_figure_a_ceiling():
    assert passing_bound("وكانت نسبة الإقبال متدنية لم تتجاوز") == "ceiling"
    assert passing_bound("لم تتجاوز نسبة الإقبال في المدينة") == "ceiling"
    assert passing_bound("turnout in the capital did not exceed") == "ceiling"
    assert passing_bound("and turnout has topped") == "floor"
    (capped,) = numbers(Evidence(1, "a", "وكانت نسبة الإقبال في الاستفتاء متدنية لم تتجاوز 38%.", "Outlet A", SUN))
    assert (capped.low, capped.high, capped.bound) == (0, 38, "ceiling")
    # "at most 38%" agrees with "about 37.6%" of another outlet the same day: not a disagreement.
    about = Evidence(2, "b", "وبلغت نسبة الإقبال في الاستفتاء نحو 37.6 في المئة.", "Outlet B", SUN)
    assert find_conflicts(numbers(Evidence(1, "a", capped.sentence, "Outlet A", SUN), about))[0] == []


def test_a_predicate_after_a_count_is_the_counts_own():
    # Arabic also puts the verb after its counted subject ("أن 50 شخصا قتلوا"): it is that count's predicate, not
    # the next count's, unless the count already has one before it ("قتل 6 أشخاص أصيب منهم 2").
    killed, injured = numbers(
        Evidence(1, "a", "وأفادت حصيلة رسمية أن 50 شخصا قتلوا في الحريق بالإضافة إلى إصابة 120 آخرين.", "Outlet A", SUN)
    )
    assert "قتل" in killed.cues and "قتل" not in injured.cues and "اصب" in injured.cues
    first, part = numbers(Evidence(2, "b", "قتل 6 أشخاص أصيب منهم 2 في الانفجار.", "Outlet B", SUN))
    assert "اصب" not in first.cues and "اصب" in part.cues


def test_close_figures_of_one_measure_worded_two_ways_disagree():
    # Two outlets tell one fine in other words ("تقدر بـ" / "رفعت ... إلى"): close figures on one day are rival
    # reports of it, not measures of two things.
    a = Evidence(1, "a", "ويتعين على المخالف دفع غرامة مالية تقدر بـ 300 دولار.", "Outlet A", SUN)
    b = Evidence(2, "b", "ورفعت البلدية الغرامة إلى 350 دولارا.", "Outlet B", SUN)
    (fine_a,), (fine_b,) = numbers(a), numbers(b)
    assert _close_rivals(fine_a, fine_b)
    (conflict,), _ = find_conflicts([fine_a, fine_b])
    assert conflict.relation == "conflict" and sorted(p.citations for p in conflict.positions) == [[1], [2]]


def test_alike_frames_whose_odd_words_the_other_sentence_holds_measure_one_thing():
    # Two outlets put one clause's words in another order: one frame's window holds a name the other sentence lacks,
    # the other's the noun ("الرسوم الجمركية") its rival's window cut off but its sentence holds. One figure, two
    # reports: a conflict. Two parties' shares in parallel frames still measure two things: neither sentence holds
    # the other's party.
    said_a = (
        "وقال رئيس الغرفة إن الرسوم الجمركية التي يلوح بها الرئيس إيمانويل ماكرون على السيارات المستوردة ستخصم نحو 2.1 مليار يورو من الناتج"
    )
    said_b = "أبلغ رئيس الغرفة الإذاعة اليوم أن #الرسوم_الجمركية على #السيارات المستوردة ستخصم نحو 3 مليارات يورو من الناتج"
    a, b = Evidence(1, "a", said_a, "Outlet A", SUN), Evidence(2, "b", said_b, "Outlet B", SUN)
    (low,), (high,) = numbers(a), numbers(b)
    assert not _other_things_measured(low, high) and not _other_things_measured(high, low)
    (conflict,), _ = find_conflicts([low, high])
    assert conflict.relation == "conflict" and sorted(p.citations for p in conflict.positions) == [[1], [2]]
    labour = numbers(Evidence(3, "c", "حصل حزب العمال على 43% من الأصوات", "Outlet C", SUN))[0]
    tories = numbers(Evidence(4, "d", "حصل حزب المحافظين على 38% من الأصوات", "Outlet D", SUN))[0]
    assert _other_things_measured(labour, tories)
    assert find_conflicts([labour, tories])[0] == []


def test_far_figures_or_ages_of_one_unit_are_not_close_rivals():
    # A depth and a distance of one quake are further apart; two persons' ages may be close ("30" / "32 عاما"),
    # so spans of time are left to the words about them. Nor does one outlet rival itself, or another day's report.
    depth = numbers(Evidence(1, "a", "ووقع الزلزال على عمق 10 كيلومترات.", "Outlet A", SUN))[0]
    distance = numbers(Evidence(2, "b", "ووقع الزلزال على بعد 80 كيلومترا من المدينة.", "Outlet B", SUN))[0]
    assert not _close_rivals(depth, distance)
    assert find_conflicts([depth, distance])[0] == []
    older = numbers(Evidence(3, "c", "ويبلغ المدرب من العمر 32 عاما.", "Outlet C", SUN))[0]
    younger = numbers(Evidence(4, "d", "وهو لاعب يبلغ من العمر 30 عاما.", "Outlet D", SUN))[0]
    assert not _close_rivals(older, younger)
    fine = numbers(Evidence(5, "e", "وتبلغ الغرامة 300 دولار.", "Outlet E", SUN))[0]
    same_outlet = numbers(Evidence(6, "e", "ويدفع المخالف 320 دولارا.", "Outlet E", SUN))[0]
    next_day = numbers(Evidence(7, "f", "وتبلغ الغرامة 320 دولارا.", "Outlet F", MON))[0]
    assert not _close_rivals(fine, same_outlet) and not _close_rivals(fine, next_day)
    # Head counts are no measures: close tolls are left to their predicates ("قتلوا" / "أصيبوا").
    killed = numbers(Evidence(8, "g", "وقالت الشرطة إن 20 شخصا قتلوا في الحريق.", "Outlet G", SUN))[0]
    hurt = numbers(Evidence(9, "h", "وأفاد الدفاع المدني بأن 24 شخصا أصيبوا في الحريق.", "Outlet H", SUN))[0]
    assert not _close_rivals(killed, hurt)


def test_close_durations_of_one_event_disagree_but_close_ages_do_not_meet_by_closeness():
    # How long something took, told in other words by two outlets the same day: a rival report of it.
    # They share a common noun ("الطائرة"), what the span is of; their other words differ.
    a = Evidence(1, "a", "وانقطع الاتصال بالطائرة بعد 30 دقيقة من إقلاعها.", "Outlet A", SUN)
    b = Evidence(2, "b", "وتحطمت الطائرة بعد نحو 25 دقيقة.", "Outlet B", SUN)
    late, early = (next(c for c in numbers(e) if "دقيقة" in c.value) for e in (a, b))
    assert _close_rivals(late, early)
    assert any({"30 دقيقه", "~25 دقيقه"} <= {p.normalized for p in c.positions} for c in find_conflicts([late, early])[0])
    age_a = numbers(Evidence(3, "c", "وتوفي الكاتب عن 80 عاما.", "Outlet C", SUN))[0]
    age_b = numbers(Evidence(4, "d", "وكان شقيقه الأكبر في الثالثة والثمانين، 83 عاما.", "Outlet D", SUN))[0]
    assert not _close_rivals(age_a, age_b)


def test_more_than_a_share_stays_open_at_its_figure():
    # "More than 99%" may be 99.4%: it meets a round "99%" of another outlet; "more than 99" people are 100 or more.
    (share,) = find_quantities("وذلك بعد فرز أكثر من 99 بالمئة من الأصوات")
    (people,) = find_quantities("أكثر من 99 شخصا")
    assert (share.low, share.high, share.bound) == (99, None, "floor") and people.low == 100
    a = Evidence(1, "a", "وتقدم المرشح بعد فرز 97 بالمئة من مراكز الاقتراع.", "Outlet A", SUN)
    b = Evidence(2, "b", "وتقدم المرشح بعد فرز أكثر من 97 بالمئة من مراكز الاقتراع.", "Outlet B", SUN)
    assert find_conflicts(numbers(a, b))[0] == []


def test_the_arrested_told_as_people_and_as_who_they_were_conflict():
    # "police arrested three young men" / "the arrest of five people": an arrest befalls people, so both count them.
    a = Evidence(1, "a", "واعتقلت الشرطة الفرنسية ثلاثة شبان يشتبه في تخطيطهم لهجوم على ملعب في باريس.", "Outlet A", SUN)
    b = Evidence(2, "b", "أعلنت السلطات الفرنسية اعتقال خمسة أشخاص يشتبه في تخطيطهم لهجوم على ملعب.", "Outlet B", SUN)
    (conflict,), _ = find_conflicts(numbers(a, b))
    assert conflict.relation == "conflict"
    assert {p.normalized for p in conflict.positions} == {"3 شبان", "5 اشخاص"}


def test_a_number_glued_to_the_word_before_it_still_opens_its_clause():
    # Some outlets' copy runs words into figures: "قتلوا وأصيب54" must not take "قتلوا" as the injured's deed.
    glued = Evidence(1, "a", "وقال المتحدث إن12  شخصا على الأقل قتلوا وأصيب40  آخرون في الانفجار.", "Outlet A", SUN)
    killed, injured = numbers(*[Evidence(1, "a", spaced_numbers(glued.text), "Outlet A", SUN)])
    assert "قتل" in killed.deeds and "قتل" not in injured.deeds and injured.low == 40
    speakers = {s.name for c in extract_all([glued]) for p in c.parties for s in p.cited}
    assert speakers and not any(ch.isdigit() for name in speakers for ch in name)  # "إن12" names no speaker
    assert spaced_numbers("بـ59 مقابل 42 و15") == "بـ59 مقابل 42 و15"  # a proclitic stays on its number
