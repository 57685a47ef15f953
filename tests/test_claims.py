"""Generic claims: frames with masked values, compared across outlets, languages and report days.

None of these sentences is from the sample articles, and nothing in the code
knows their events: the claims meet (or not) through their frames alone.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bot.claims import Evidence, extract_claims
from bot.conflicts import describe_conflict, find_conflicts
from language.names import romanise
from language.numbers import unit_key

SUN, MON = dt.date(2018, 7, 8), dt.date(2018, 7, 9)


def claims_of(*evidence: Evidence):
    return [c for e in evidence for c in extract_claims(e)]


def test_each_value_gets_its_own_masked_frame():
    (killed, injured) = [
        c for c in claims_of(Evidence(1, "a", "قتل 4 أشخاص، وأصيب 30 شخصاً آخرين في الهجوم.", "X", SUN)) if c.slot == "number"
    ]
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
        ("10 قتلى", "2018-07-08", [1]),
        ("24 شخصا", "2018-07-09", [2]),
    ]
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


WED_2019 = dt.date(2019, 3, 6)
EVENING = Evidence(1, "a", "وصل وزير الخارجية الفرنسي إلى بيروت مساء الثلاثاء في زيارة رسمية.", "فرانس برس", WED_2019)
TUESDAY = Evidence(2, "b", "ووصل وزير الخارجية الفرنسي إلى بيروت أمس الثلاثاء.", None, WED_2019)
MONDAY_EN = Evidence(
    3,
    "c",
    "BEIRUT, March 6, 2019 (Reuters) — France's foreign minister arrived in Beirut on Monday for talks with Lebanese officials.",
    "Reuters",
    WED_2019,
)


def test_compatible_values_of_different_precision_stay_separate_positions_that_agree():
    (conflict,), _ = find_conflicts(claims_of(EVENING, TUESDAY, MONDAY_EN))
    evening, tuesday, monday = conflict.positions
    assert [(p.value, p.normalized, p.citations) for p in conflict.positions] == [
        ("مساء الثلاثاء", "2019-03-05 evening", [1]),
        ("أمس الثلاثاء", "2019-03-05", [2]),
        ("Monday", "2019-03-04", [3]),
    ]
    assert evening.side == tuesday.side != monday.side
    assert [p.attributed_to for p in conflict.positions] == ["AFP", "unknown source", "Reuters"]
    en = describe_conflict(conflict, "en")
    assert "unknown source says Tuesday, 5 March 2019 [2] (consistent with [1])" in en


def test_an_english_dateline_article_meets_arabic_reports_and_names_render_in_arabic():
    (conflict,), _ = find_conflicts(claims_of(EVENING, MONDAY_EN), "ar")
    assert [(p.attributed_to, p.citations) for p in conflict.positions] == [("فرانس برس", [1]), ("رويترز", [3])]
    ar = describe_conflict(conflict, "ar")
    assert "فرانس برس: مساء الثلاثاء 5 مارس 2019 [1]" in ar and "رويترز: الاثنين 4 مارس 2019 [3]" in ar
    assert "Reuters" not in ar and "AFP" not in ar


def test_unseen_persons_and_roles_are_masked_in_both_languages():
    """No list knows these people: titles and verbs of saying find them, in Arabic and in English alike."""
    (ar,) = [
        c for c in claims_of(Evidence(1, "a", "وصل وزير الخارجية المغربي ناصر بوريطة إلى عمان مساء الأحد.", "X", MON)) if c.slot == "date"
    ]
    (en,) = [
        c
        for c in claims_of(Evidence(2, "b", "Moroccan Foreign Minister Nasser Bourita arrived in Amman on Sunday.", "Y", MON))
        if c.slot == "date"
    ]
    assert "بوريطة" not in ar.frame and "Bourita" not in en.frame and "Nasser" not in en.frame
    assert ar.actors == en.actors and len(ar.actors) == 1


def test_places_in_english_frames_are_masked_like_arabic_ones():
    (monday,) = [c for c in claims_of(MONDAY_EN) if c.slot == "date" and c.value == "Monday"]
    assert "Beirut" not in monday.frame and "arrived in #" in monday.frame


def test_a_cited_party_without_an_arabic_label_keeps_its_own_arabic_words():
    a = Evidence(1, "a", "وقال مراسل شبكة الجزيرة في إيران عبدالقادر فايز إن 9 أشخاص قتلوا في الانفجار.", "الخليج الجديد", SUN)
    b = Evidence(2, "b", "قتل 20 شخصا في الانفجار.", "فرانس 24", SUN)
    (conflict,), _ = find_conflicts(claims_of(a, b), "ar")
    first = next(p for p in conflict.positions if p.citations == [1])
    # English: outlet and journalist found by structure and romanised; Arabic: the party's own words
    assert first.parties[0].cited[0].name_en == f"Al Jazeera's Iran correspondent {romanise('عبدالقادر فايز')}"
    assert first.attributed_to == "الخليج الجديد، نقلاً عن مراسل شبكة الجزيرة في إيران عبدالقادر فايز"
    assert not any(ch.isascii() and ch.isalpha() for ch in describe_conflict(conflict, "ar"))


def test_a_role_only_speaker_takes_the_name_other_sentences_give():
    """No list says who holds the post: another cited sentence names them in apposition."""
    from bot.claims import extract_all

    named = Evidence(1, "a", "وقال وزير الخارجية المغربي ناصر بوريطة إن المحادثات ستستأنف الأحد.", "X", SUN)
    role = Evidence(2, "b", "وأكد وزير الخارجية المغربي أن 12 شخصا قتلوا في الهجوم.", "Y", SUN)
    (count,) = [c for c in extract_all([named, role]) if c.evidence_n == 2 and c.slot == "number"]
    speaker = count.parties[0].cited[0]
    assert speaker.name == "وزير الخارجية المغربي" and speaker.name_en == romanise("ناصر بوريطة")
    (alone,) = [c for c in extract_claims(role) if c.slot == "number"]
    assert alone.parties[0].cited[0].name_en is None  # one sentence alone does not say who holds the post


def test_a_model_number_written_like_a_falling_range_counts_nothing():
    """ "بوينغ 737-200" names an aircraft: were it a count, it would clash with every toll of the crash."""
    sentence = "وسقطت طائرة البوينغ 737-200 فوق منطقة غير مأهولة وعلى متنها 110 أشخاص، وقتل 10-15 شخصا."
    counts = [c for c in claims_of(Evidence(1, "a", sentence, "X", SUN)) if c.slot == "number"]
    assert sorted((c.low, c.high) for c in counts) == [(10, 15), (110, 110)]


def test_an_article_without_an_outlet_is_named_by_its_title_in_the_answers_language():
    """Two outlet-less articles stay two voices, each told apart by its title; never "unknown source", never a doc id."""
    from dataclasses import replace

    titled = replace(TUESDAY, title="زيارة  وزير الخارجية\nالفرنسي")
    (conflict,), _ = find_conflicts(claims_of(EVENING, titled, MONDAY_EN), "ar")
    assert conflict.positions[1].attributed_to == "مصدر غير مسمى («زيارة وزير الخارجية الفرنسي»)"
    assert conflict.positions[1].parties[0].title == "زيارة  وزير الخارجية\nالفرنسي"
    assert conflict.positions[0].parties[0].title is None  # an outlet names its own articles
    en = describe_conflict(conflict, "en")
    assert "an unnamed source (“زيارة وزير الخارجية الفرنسي”) says Tuesday, 5 March 2019 [2]" in en and "unknown" not in en


def test_at_least_is_a_lower_bound_written_before_or_after_the_count():
    """ "At least 10" and "12" from two outlets the same day can both be true (a round floor holds a figure just
    above it; "at least 5" against 12 is one day's count against another's: tests/test_conflicts.py). Against a
    third outlet's 3, the card shows the minimum on the side of 12 ("consistent with"), in the answer's language."""
    before = Evidence(1, "a", "At least 10 people were killed in the market blast.", "Reuters", SUN)
    after = Evidence(1, "a", "قتل 10 أشخاص على الأقل في انفجار السوق.", "سكاي نيوز عربية", SUN)
    twelve = Evidence(2, "b", "12 people were killed in the market blast.", "AFP", SUN)
    three = Evidence(3, "c", "Three people were killed in the market blast.", "CNN", SUN)
    (bound,) = [c for c in claims_of(after) if c.slot == "number"]
    assert (bound.value, bound.low, bound.high) == ("10 أشخاص على الأقل", 10, None)
    for minimum in (before, after):
        assert find_conflicts(claims_of(minimum, twelve)) == ([], [])
    (conflict,), _ = find_conflicts(claims_of(after, twelve, three), "ar")
    sides = {p.citations[0]: p.side for p in conflict.positions}
    assert sides[1] == sides[2] != sides[3]
    ar = describe_conflict(conflict, "ar")
    assert "سكاي نيوز عربية: 10 أشخاص على الأقل [1] (يتفق مع [2])" in ar
    assert "فرانس برس: 12 [2]" in ar and "سي إن إن: 3 [3]" in ar  # English words stay in the quotes
    assert not any(ch.isascii() and ch.isalpha() for ch in ar)
    (conflict,), _ = find_conflicts(claims_of(before, three), "ar")
    assert "رويترز: 10 على الأقل [1]" in describe_conflict(conflict, "ar")
    assert [c.high for c in claims_of(Evidence(1, "a", "قتل 5 أشخاص في السوق.", "X", SUN)) if c.slot == "number"] == [5]


@pytest.mark.parametrize(
    "text, value, subset",
    [
        ("قضت المحكمة بسجن 6 متهمين بينهم 3 صحفيين.", "3 صحفيين", True),
        ("قضت المحكمة بسجن 6 متهمين بينهم 3 صحفيين.", "6 متهمين", False),
        ("Six defendants were sentenced, including 3 journalists.", "3 journalists", True),
        ("وقالت الشرطة إن اثنين من القتلى من عناصر الشرطة.", "اثنين من القتلى", True),
        ("أعلن الجيش مقتل خمسة من الجنود.", "خمسة من الجنود", False),  # Arabic for five soldiers: no part of a group
        ("ويشكل اللاجئون 24.5 مليون شخص من أصل 68.5 مليون نازح.", "24.5 مليون شخص", True),
        ("ويشكل اللاجئون 24.5 مليون شخص من أصل 68.5 مليون نازح.", "68.5 مليون نازح", False),
    ],
)
def test_a_count_of_some_of_a_group_is_marked_a_part(text: str, value: str, subset: bool):
    (claim,) = [c for c in claims_of(Evidence(1, "a", text, "X", SUN)) if c.value == value]
    assert claim.subset is subset


def test_a_capitalised_number_word_is_nobody():
    # "Thirty" opens the sentence capitalised, like a name: it is a count, not an actor that splits episodes.
    assert [c.slot for c in claims_of(Evidence(1, "a", "Thirty people were injured in the attack.", "X", SUN))] == ["number"]
    found = claims_of(Evidence(1, "a", "Thirty people were injured when Mark Thompson opened fire.", "X", SUN))
    assert [c.value for c in found if c.slot == "actor"] == ["Mark Thompson"]


def test_a_figure_carries_the_names_and_words_of_what_it_is_said_of():
    (height,) = [c for c in claims_of(Evidence(1, "a", "ارتفاع جبل كليمنجارو يبلغ 5895 مترا.", "X", SUN)) if c.slot == "number"]
    assert {"جبل", "كلمنجر"} <= height.context and not any(ch.isdigit() for w in height.context for ch in w)
    (toll,) = [c for c in claims_of(Evidence(1, "a", "قتل 5 أشخاص في القاهرة.", "X", SUN)) if c.slot == "number"]
    (other,) = [c for c in claims_of(Evidence(1, "a", "قتل 5 أشخاص في الهجوم.", "X", SUN)) if c.slot == "number"]
    assert toll.names and not other.names


# ------------------------------------------------------------------ a count whose noun stands before it


def _counts(sentence: str) -> list:
    return [c for c in extract_claims(Evidence(1, "a", sentence, "Outlet A", SUN)) if c.slot == "number"]


def test_a_count_names_its_noun_before_it():
    # "the official toll of the injured rose to 52": no noun after 52, the injured before it.
    (raised,) = _counts("وارتفع العدد الرسمي للجرحى إلى 52، بحسب الدفاع المدني.")
    assert (raised.unit, raised.normalized, raised.elided) == ("جرح", "52", False)
    (after_a_count,) = [c for c in _counts("قتل 4 أشخاص، ثم ارتفعت حصيلة القتلى إلى 9.") if c.low == 9]
    assert after_a_count.unit == "قتل" and not after_a_count.elided  # not "9 persons" left out after "4 أشخاص"


def test_a_deed_right_before_a_count_says_whom_it_counts():
    # "the Turkish shelling killed 7 and wounded 20": the 7 are the killed, not Turks.
    (killed, _) = _counts("وأسفر القصف التركي عن مقتل 7 وإصابة 20 آخرين بجروح.")
    assert killed.unit is None and "مقتل" in killed.deeds


def test_a_number_with_the_article_follows_its_noun():
    (dead,) = _counts("وقال المحافظ إن الضحايا الـ 23 كانوا على متن الحافلة.")
    assert (dead.normalized, dead.unit) == ("23", unit_key("الضحايا"))
    (counted,) = _counts("ونقل الجرحى الـ14 جميعا إلى المستشفى.")
    assert counted.unit == "جرح"


def test_a_bare_count_names_no_noun_from_a_word_that_is_none():
    (bare,) = _counts("وقال إن العدد ارتفع إلى 43.")
    assert bare.unit is None


def test_a_function_word_under_a_proclitic_says_nothing_of_what_is_measured():
    # "لهذه" is "هذه" under a preposition: a function word, left out of the words a figure is said of like "هذه".
    (age,) = _counts("وعين المدرب البالغ من العمر 49 عاما لهذه المهمة.")
    assert {"بلغ", "عمر"} <= age.context and not {unit_key("لهذه"), unit_key("وهذه")} & age.context


def test_a_count_after_that_opens_its_own_clause():
    # "إن 8 أشخاص ما زالوا في المستشفى" is a clause of its own: the toll of the clause before is not its frame.
    (_, hospital) = _counts("وبعد انتشال 3 جثث، رفعت السلطات العدد الرسمي للقتلى وقالت إن 8 أشخاص ما زالوا في المستشفى.")
    assert hospital.frame.startswith("إن #") and "للقتلى" not in hospital.frame
    (_, told) = _counts("وارتفع عدد القتلى إلى 12 علما بأن 6 أشخاص ما زالوا في المستشفى.")
    assert "القتلى" not in told.frame and "زالوا" in told.frame
    (said,) = _counts("قال المتحدث باسم الشرطة إن 12 شخصا قتلوا في الهجوم.")
    assert "المتحدث" not in said.frame and "قتلوا" in said.frame  # its predicate follows it


def test_a_count_takes_the_deed_its_clause_states_before_adverbials():
    # "أصيب" stands six words before its count, past the frame: the deed still tells the injured from the killed.
    (_, hurt) = _counts("قتل 3 أشخاص، كما أصيب من جراء انهيار الجسر الحديدي القديم فوق النهر 12 شخصا بجروح.")
    assert "أصيب" not in hurt.frame and unit_key("أصيب") in hurt.cues
    (_, near) = _counts("قتل 3 أشخاص، وأصيب 12 شخصا بجروح.")
    assert unit_key("أصيب") in near.cues  # the frame's own deed, as before
    (_, hospital) = _counts("وبعد انتشال 3 جثث، رفعت السلطات عدد القتلى وقالت إن 8 أشخاص ما زالوا في المستشفى.")
    assert unit_key("القتلى") not in hospital.cues  # after "إن" the count's clause is its own


def test_a_count_of_others_stands_for_the_noun_before_it():
    (_, others) = _counts("قتل 4 أشخاص وأصيب 30 آخرون في الهجوم.")
    (_, persons) = _counts("قتل 4 أشخاص وأصيب 30 شخصا في الهجوم.")
    assert others.others_of == unit_key("أشخاص") and persons.others_of is None
    (alone,) = _counts("وأصيب 30 آخرون في الهجوم.")
    assert alone.others_of is None  # no noun before it to stand for


def test_a_time_right_after_a_count_is_what_it_is_counted_over():
    # The frame stops at the noun; "في مارس الماضي" right after it still dates the count to a past month.
    (rescued,) = _counts("وكانت السلطات قد أعلنت عن إنقاذ 120 مهاجرا في مارس الماضي.")
    assert rescued.period_start == dt.date(2018, 3, 1) and rescued.background
    (today,) = _counts("وكانت السلطات قد أعلنت عن إنقاذ 120 مهاجرا قبالة السواحل.")
    assert today.period_start is None


@pytest.mark.parametrize(
    ("text", "running"),
    [
        ("وقالت الهيئة إن أكثر من 60 مدنيا قتلوا منذ بدء الحملة الجوية.", [True]),
        ("Some 60 civilians have been killed since the beginning of the air campaign, the group said.", [True]),
        ("منذ اندلاع الاشتباكات، نزح نحو 900 شخص", [True]),
        ("قتل 5 أشخاص في الغارة اليوم، ليرتفع عدد القتلى منذ انطلاق الحملة إلى 65", [False, True]),
        ("قتل 5 أشخاص في الغارة اليوم", [False]),
        ("وقتل 40 شخصا على الأقل، منذ بداية الإضراب في الربيع، بحسب المنظمة.", [True]),  # "since" in the clause after
        ("قتل 75 متظاهرا خلال احتجاجات بدأت في 12 نيسان/أبريل.", [True]),  # what began on a day
        ("At least 75 protesters have died in demonstrations that began in April.", [True]),
        ("قتل 5 أشخاص في اشتباكات بدأت صباح اليوم", [False]),  # began today: no start day or month named
    ],
)
def test_a_count_since_an_undated_start_is_a_running_total(text, running):
    counts = [c for c in extract_claims(Evidence(0, "d", text, None, None)) if c.slot == "number"]
    assert [c.running for c in counts] == running
    assert [c.background for c in counts] == running


def test_a_predicate_after_a_noun_with_tanween_is_its_count_s():
    # "شخصاً": the tanween is no word; the verb after it states the count before it, not the one after.
    (killed, hurt) = _counts("قال مسؤولون إن 11 شخصاً قُتلوا كما أصيب 20 آخرون في التفجير.")
    assert unit_key("قتلوا") in killed.cues and unit_key("قتلوا") not in hurt.cues


def test_a_verb_after_a_feminine_noun_is_its_count_s_deed():
    # "قذيفة سقطت": the past "ت" after a feminine noun; the verb is the count's deed, no qualifier of the noun, so another
    # outlet's "بسقوط # قذيفة" of that day is a rival report of it, however unlike their frames.
    (shells,) = _counts("وقال الدفاع المدني إن 45 قذيفة سقطت منذ الصباح.")
    assert shells.qualifier is None and unit_key("سقط") in shells.cues  # the stem's cue: "سقطت" states what "سقط" does
    (hit,) = _counts("ضربت العاصفة القرى الساحلية وأصابت تسعة من الصيادين.")
    assert unit_key("أصيب") in hit.cues
    one = Evidence(1, "a", "أفاد مراسلون بسقوط 30 قذيفة على أحياء المدينة القديمة مساء.", "X", SUN)
    other = Evidence(2, "b", "وقال الدفاع المدني إن 45 قذيفة سقطت منذ الصباح.", "Y", SUN)
    (conflict,), _ = find_conflicts([c for c in claims_of(one, other) if c.slot == "number"])
    assert conflict.relation == "conflict"


def test_a_weekday_before_a_count_is_no_cue_of_it():
    # "السبت" says on which day the arrests were told, not what is counted; the learned predicates hold it (news puts
    # weekdays before figures), and in the cue window it would push out the verb.
    (held,) = _counts("اعتقلت السلطات الإيطالية السبت ثمانية أشخاص يشتبه في أنهم خططوا لتفجير.")
    assert unit_key("اعتقلت") in held.cues and unit_key("السبت") not in held.cues
