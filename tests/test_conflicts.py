"""Conflicts on the seed articles: the arrival disagreement is found; same facts and other events are not conflicts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot import schema
from bot.claims import Evidence, extract_all
from bot.conflicts import (
    _before_figure,
    _position_phrase,
    _reached,
    _shared_cue,
    describe_conflict,
    find_conflicts,
    independent_sources,
    jaccard,
    same_frame,
)
from language.lexicon import recalls_earlier
from language.names import romanise

#: Outlets and speakers as the articles give them, romanised for English answers (no list knows these names).
KHALEEJ, ARABIYA, XINHUA = romanise("الخليج الجديد"), "Al Arabiya", "Xinhua"  # agencies the gazetteer spells
FAYEZ = f"Al Jazeera's Iran bureau chief {romanise('عبدالقادر فايز')}"

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"
WED = dt.date(2020, 7, 8)
THU = dt.date(2020, 7, 9)
S000, S001, S002, S003, S004 = (
    "000_2330c4a5d8c05031",
    "001_b94b94cd0e2e6da0",
    "002_12e280588d4502f7",
    "003_973aaadb01d70f69",
    "004_992054940200dc08",
)


def seed_sentence(stem: str, start: str, end: str) -> str:
    """Verbatim sentence from a seed: from ``start`` through the first ``end`` after it."""
    text = (SAMPLES / f"{stem}.txt").read_text(encoding="utf-8")
    i = text.index(start)
    return text[i : text.index(end, i) + len(end)]


#: 002 names no outlet: its title (its first line) is how a reader tells it apart, never its doc id.
T002 = "إيران تحمي قواتها في سوريا باتفاقية عسكرية مع الأسد"
UNNAMED_EN, UNNAMED_AR = f"an unnamed source (“{T002}”)", f"مصدر غير مسمى («{T002}»)"


def ev(n: int, stem: str, start: str, end: str, outlet: str | None, anchor: dt.date | None, title: str | None = None) -> Evidence:
    return Evidence(n=n, doc_id=stem, text=seed_sentence(stem, start, end), outlet=outlet, anchor=anchor, title=title)


ARRIVAL = [
    ev(1, S000, "وبينما ذكرت", "منذ أيام.", "الخليج الجديد", WED),
    ev(2, S001, "ووصل باقري", "الدفاع السوري.", "شينخوا", WED),
    ev(3, S002, "وأكد رئيس الأركان الإيراني الذي", "الجوي.", None, WED, T002),
]
SIGNING = [
    ev(4, S000, "وقع رئيس الأركان الإيراني", "السورية.", "الخليج الجديد", WED),
    ev(5, S001, "دمشق 8 يوليو 2020 (شينخوا)", "إلى دمشق.", "شينخوا", WED),
    ev(6, S004, "ووقع النظامان", "الإيراني.", "إيران إنسايدر", THU),
]
OTHER_AGREEMENTS = [
    ev(7, S003, "وقعت كل من إيران وسورية", "أيوب.", None, None),
    ev(8, S004, "وفي صيف العام 2018", "الدفاعية.", "إيران إنسايدر", THU),
]
STRIKE = [
    ev(9, S000, "وكان آخر هجوم", "في سوريا.", "الخليج الجديد", WED),
    ev(10, S002, "وكان آخر هجوم", "في سوريا.,", None, WED),
]


ARRIVAL_SIDES = ["2020-07-07 evening", "2020-07-07", "2020-06-28..2020-07-06"]  # Tuesday evening, Tuesday, "for days"


def claims_of(evidence):
    return extract_all(evidence)


def test_arrival_conflict_has_the_right_sides():
    conflicts, _ = find_conflicts(claims_of(ARRIVAL))
    (conflict,) = conflicts
    assert conflict.kind == "date" and conflict.relation == "conflict"
    assert "وصل" in conflict.topic and "باقري" in conflict.topic  # the claim, in a source's own words
    evening, tuesday, days = conflict.positions  # one value each: "أمس الثلاثاء" is not credited with "evening"
    assert (evening.value, evening.normalized, evening.citations) == ("مساء الثلاثاء", "2020-07-07 evening", [1, 3])
    assert evening.attributed_to == f"{KHALEEJ}, citing {ARABIYA}; {UNNAMED_EN}"  # 002 has no outlet: its title, never its doc id
    assert (tuesday.value, tuesday.normalized, tuesday.citations) == ("أمس الثلاثاء", "2020-07-07", [2])
    assert tuesday.attributed_to == XINHUA
    assert evening.side == tuesday.side != days.side  # Tuesday agrees with Tuesday evening, less precisely
    assert days.normalized == "2020-06-28..2020-07-06" and days.citations == [1]
    assert days.attributed_to == f"{KHALEEJ}, citing {FAYEZ}"
    assert days.value == "منذ أيام"
    assert (evening.independent_sources, tuesday.independent_sources, days.independent_sources) == (2, 1, 1)
    assert [[(p.outlet, [s.name_en for s in p.cited]) for p in pos.parties] for pos in conflict.positions] == [
        [("الخليج الجديد", [ARABIYA]), (None, [])],  # the title is kept only for an article without an outlet
        [("شينخوا", [])],
        [("الخليج الجديد", [FAYEZ])],
    ]


def test_positions_are_named_in_the_answers_language():
    (conflict,), _ = find_conflicts(claims_of(ARRIVAL), "ar")
    assert [p.attributed_to for p in conflict.positions] == [
        f"الخليج الجديد، نقلاً عن قناة العربية؛ {UNNAMED_AR}",
        "شينخوا",
        "الخليج الجديد، نقلاً عن مدير مكتب شبكة الجزيرة في إيران عبدالقادر فايز",
    ]  # the parties' own words


def test_describe_arrival_conflict():
    (conflict,), _ = find_conflicts(claims_of(ARRIVAL))
    en = describe_conflict(conflict, "en")
    assert en == (
        f"Sources disagree on the date: {ARABIYA} (via {KHALEEJ}) and {UNNAMED_EN} say "
        f"Tuesday evening, 7 July 2020 [1][3]; {XINHUA} says Tuesday, 7 July 2020 [2] (consistent with [1][3]); "
        f"{FAYEZ} (via {KHALEEJ}) says "
        "he had already been there for days before 8 July 2020 [1]."
    )
    ar = describe_conflict(conflict, "ar")
    assert ar.startswith(f"تختلف المصادر حول التاريخ: قناة العربية (عبر الخليج الجديد) و{UNNAMED_AR}: مساء الثلاثاء 7 يوليو 2020 [1][3]؛ ")
    assert "شينخوا: الثلاثاء 7 يوليو 2020 [2] (يتفق مع [1][3])" in ar
    assert "مدير مكتب شبكة الجزيرة في إيران عبدالقادر فايز (عبر الخليج الجديد): أنه كان هناك منذ أيام" in ar
    assert "002_" not in en + ar and XINHUA not in ar and not any("a" <= ch <= "z" for ch in ar)


def test_signing_day_is_not_a_conflict():
    claims = claims_of(SIGNING)
    dates = {c.normalized.split()[0] for c in claims if c.slot == "date"}
    assert dates == {"2020-07-08"}
    assert find_conflicts(claims) == ([], [])


def test_24_june_and_24th_of_last_month_agree():
    claims = claims_of(STRIKE)
    dates = [c for c in claims if c.slot == "date"]
    assert {c.normalized for c in dates} == {"2020-06-24"}
    assert same_frame(dates[0].frame, dates[1].frame)  # two wordings of one claim
    assert find_conflicts(claims)[0] == []


def test_2018_agreement_is_a_different_event_not_a_conflict():
    conflicts, notes = find_conflicts(claims_of(SIGNING + OTHER_AGREEMENTS))
    assert conflicts == []
    (note,) = notes
    assert note.startswith(f"Different events: unknown source; {romanise('إيران إنسايدر')} [7][8]: ") and S003 not in note
    assert romanise("حاتمي") in note and "2018" in note and romanise("باقري") in note and "8 July 2020" in note


def test_repeated_events_never_conflict_on_date():
    since_2011 = ev(11, S001, "ومنذ بدء الحرب", "في سوريا.", "شينخوا", WED)
    assert find_conflicts(claims_of(STRIKE + [since_2011]))[0] == []


def test_whole_seed_set_gives_exactly_the_arrival_conflict():
    conflicts, notes = find_conflicts(claims_of(ARRIVAL + SIGNING + OTHER_AGREEMENTS + STRIKE))
    assert [(c.kind, [p.normalized for p in c.positions]) for c in conflicts] == [("date", ARRIVAL_SIDES)]
    assert len(notes) == 1


def test_same_source_does_not_conflict_with_itself():
    one_source = [
        Evidence(1, "x", "وصل باقري إلى دمشق مساء الثلاثاء.", "شينخوا", WED),
        Evidence(2, "x", "وباقري متواجد في دمشق منذ أيام.", "شينخوا", WED),
    ]
    assert find_conflicts(claims_of(one_source))[0] == []


def test_independent_sources_and_near_duplicates():
    tuesday = [c for c in claims_of(ARRIVAL) if c.slot == "date" and c.normalized.startswith("2020-07-07")]
    assert independent_sources(tuesday) == 3  # Al Arabiya, Xinhua, 002
    wire = Evidence(4, "copy", ARRIVAL[1].text.replace("ووصل", "وصل"), "Some Reprint", WED)
    assert independent_sources(tuesday + claims_of([wire])[:1]) == 3
    assert jaccard(ARRIVAL[1].text, wire.text) >= 0.6


def test_every_seed_sentence_yields_only_the_arrival_conflict():
    """Robustness: all sentences of all seeds, as the answer pipeline might cite them."""
    import re

    anchors = {S000: WED, S001: WED, S002: WED, S003: None, S004: THU}
    outlets = {S000: "الخليج الجديد", S001: "شينخوا", S002: None, S003: None, S004: "إيران إنسايدر"}
    evidence, n = [], 0
    for stem in anchors:
        text = (SAMPLES / f"{stem}.txt").read_text(encoding="utf-8")
        for sentence in re.split(r"(?<=[.!؟])\s+|\n+|\.,", text):
            if len(sentence.strip()) >= 20:
                n += 1
                evidence.append(Evidence(n, stem, sentence.strip(), outlets[stem], anchors[stem]))
    conflicts, notes = find_conflicts(claims_of(evidence))
    assert [(c.kind, [p.normalized for p in c.positions]) for c in conflicts] == [("date", ARRIVAL_SIDES)]
    assert len(notes) == 1 and romanise("حاتمي") in notes[0]


def test_counts_conflict_only_when_intervals_cannot_overlap():
    a = Evidence(1, "a", "وأدى القصف إلى مقتل 5 عناصر.", "شينخوا", WED)
    b = Evidence(2, "b", "وأدى القصف إلى مقتل عشرات العناصر.", "الخليج الجديد", WED)
    c = Evidence(3, "c", "وأدى القصف إلى مقتل نحو 30 عنصرا.", "الخليج الجديد", WED)
    (conflict,), _ = find_conflicts(claims_of([a, b]))
    assert conflict.kind == "number"
    assert find_conflicts(claims_of([b, c]))[0] == []


def test_counts_clash_only_when_reported_about_the_same_time():
    """A lower toll a week later is another report (or another attack of the kind), not a disagreement; dates are not bound."""
    early = Evidence(1, "a", "وأدى القصف إلى مقتل 5 عناصر.", "شينخوا", WED)
    same_day = Evidence(2, "b", "وأدى القصف إلى مقتل 2 عناصر.", "الخليج الجديد", THU)
    week_later = Evidence(3, "c", "وأدى القصف إلى مقتل 2 عناصر.", "الخليج الجديد", WED + dt.timedelta(days=8))
    (conflict,), _ = find_conflicts(claims_of([early, same_day]))
    assert conflict.relation == "conflict"
    assert find_conflicts(claims_of([early, week_later]))[0] == []


def test_a_new_source_cited_before_the_reports_it_restates_still_joins_them():
    """Grouping is greedy: a new article cited second must not stay alone because the wording it shares comes later."""
    from dataclasses import replace

    new = Evidence(
        2,
        "new",
        "وقع وزير الدفاع العماد علي عبد الله أيوب ورئيس الأركان الإيراني اللواء محمد باقري الذي وصل "
        "إلى دمشق مساء الثلاثاء اتفاقية للتعاون العسكري اليوم الأربعاء.",
        "تشرين",
        WED,
    )
    cited = [replace(ARRIVAL[1], n=1), new, replace(ARRIVAL[0], n=3), replace(ARRIVAL[2], n=4)]
    (conflict,), _ = find_conflicts(claims_of(cited), "ar")
    assert [(p.normalized, p.citations, p.attributed_to) for p in conflict.positions] == [
        ("2020-07-07 evening", [2, 3, 4], f"تشرين؛ الخليج الجديد، نقلاً عن قناة العربية؛ {UNNAMED_AR}"),
        ("2020-07-07", [1], "شينخوا"),
        ("2020-06-28..2020-07-06", [3], "الخليج الجديد، نقلاً عن مدير مكتب شبكة الجزيرة في إيران عبدالقادر فايز"),
    ]


def test_a_value_off_the_calendar_is_shown_in_words_and_agrees_with_no_side():
    undated = Evidence(3, S002, ARRIVAL[2].text.replace("مساء أمس الثلاثاء", "مساء أمس"), None, None)  # no date, no weekday
    (conflict,), _ = find_conflicts(claims_of(ARRIVAL[:2] + [undated]))
    vague = next(p for p in conflict.positions if p.citations == [3])
    assert vague.value == "مساء أمس" and vague.side not in {p.side for p in conflict.positions if p is not vague}
    en = describe_conflict(conflict, "en")
    assert "unknown source says yesterday evening [3];" in en  # the calendar's English for the source's words
    assert "مصدر غير معروف: مساء أمس [3]" in describe_conflict(conflict, "ar")  # no day to name: its own words
    assert "day-offset" not in en


#: A new report dated Monday 6 July: "arrived this Monday morning" (no dateline in its text).
MONDAY = Evidence(
    1,
    "new",
    "وصل رئيس الأركان الإيراني اللواء محمد باقري إلى دمشق صباح اليوم الاثنين في زيارة رسمية يبحث خلالها مع المسؤولين "
    "السوريين سبل تعزيز التعاون العسكري.",
    "تشرين",
    dt.date(2020, 7, 6),
)


def test_an_undated_weekday_disagrees_with_a_dated_day_of_another_weekday():
    """002 has no date, but its "مساء أمس الثلاثاء" still names a Tuesday: one arrival cannot be on a Monday too."""
    undated = Evidence(2, S002, ARRIVAL[2].text, None, None, T002)
    (conflict,), _ = find_conflicts(claims_of([MONDAY, undated]), "ar")
    assert conflict.kind == "date" and conflict.relation == "conflict"
    monday, tuesday = conflict.positions
    assert (monday.normalized, monday.citations, monday.attributed_to) == ("2020-07-06 morning", [1], "تشرين")
    assert (tuesday.value, tuesday.citations, tuesday.attributed_to) == ("مساء أمس الثلاثاء", [2], UNNAMED_AR)
    assert monday.side != tuesday.side


def test_an_undated_weekday_agrees_with_a_dated_day_of_that_weekday():
    undated = Evidence(2, S002, ARRIVAL[2].text, None, None, T002)
    dated_tuesday = Evidence(1, "new", MONDAY.text.replace("صباح اليوم الاثنين", "مساء أمس الثلاثاء"), "تشرين", WED)
    assert find_conflicts(claims_of([dated_tuesday, undated]))[0] == []
    undated = Evidence(3, S002, ARRIVAL[2].text, None, None, T002)
    (conflict,), _ = find_conflicts(claims_of(ARRIVAL[:2] + [undated]))  # it joins the Tuesday side, less precisely placed
    evening, vague = (next(p for p in conflict.positions if p.citations == [n]) for n in (1, 3))
    assert vague.value == "مساء أمس الثلاثاء" and vague.side == evening.side and evening.normalized == "2020-07-07 evening"


def test_an_arabic_answer_drops_a_latin_gloss_from_a_cited_name():
    from bot import schema
    from bot.conflicts import _speaker

    glossed = schema.Speaker(name="صحيفة ديلي إكسبريس Daily Express البريطانية", name_en="Daily Express")
    assert _speaker(glossed, "ar") == "صحيفة ديلي إكسبريس البريطانية" and _speaker(glossed, "en") == "Daily Express"
    assert _speaker(schema.Speaker(name="Reuters"), "ar") == "Reuters"  # nothing Arabic to keep: its own words


# ------------------------------------------------------------------ deeds that contrast, floors against exact figures

SUN, MON = dt.date(2019, 3, 3), dt.date(2019, 3, 4)


def _numbers(*evidence: Evidence):
    return [c for c in extract_all(list(evidence)) if c.slot == "number"]


def test_the_injured_are_no_rival_report_of_the_killed():
    injured = Evidence(1, "a", "أصيب 45 شخصا في حريق اندلع في مصنع للنسيج.", "Outlet A", SUN)
    killed = Evidence(2, "b", "قتل 12 شخصا في حريق اندلع في مصنع للنسيج.", "Outlet B", SUN)
    assert find_conflicts(_numbers(injured, killed))[0] == []


def test_a_toll_and_its_injured_meet_only_their_own_rivals():
    both = Evidence(1, "a", "وقتل 6 أشخاص وأصيب نحو 20 شخصا في انهيار المبنى.", "Outlet A", SUN)
    rival = Evidence(2, "b", "قتل 20 شخصا في انهيار المبنى.", "Outlet B", SUN)
    (conflict,), _ = find_conflicts(_numbers(both, rival))
    assert conflict.relation == "conflict" and {p.normalized for p in conflict.positions} == {"6 اشخاص", "20 شخصا"}


def test_an_exact_toll_above_another_sources_floor_of_that_day_conflicts():
    floor = Evidence(1, "a", "أسفر الانفجار عن مقتل 8 أشخاص على الأقل.", "Outlet A", SUN)
    exact = Evidence(2, "b", "أسفر الانفجار عن مقتل 15 شخصا.", "Outlet B", SUN)
    (conflict,), _ = find_conflicts(_numbers(floor, exact))
    assert conflict.relation == "conflict"
    later = Evidence(3, "b", "أسفر الانفجار عن مقتل 15 شخصا.", "Outlet B", MON)
    (update,), _ = find_conflicts(_numbers(floor, later))
    assert update.relation == "update"


def test_a_round_figure_holds_the_other_within_its_last_digit():
    # "more than 60" states a round figure: 63 of another source that day is within it, as is 61; a round 100 holds
    # a floor of 58 the same way.
    for floor, exact in (("أكثر من 60", "63"), ("أكثر من 60", "61"), ("58 على الأقل", "100")):
        a = Evidence(1, "a", f"غرق {floor} مهاجرا قبالة السواحل.", "Outlet A", SUN)
        b = Evidence(2, "b", f"غرق {exact} مهاجر قبالة السواحل.", "Outlet B", SUN)
        assert find_conflicts(_numbers(a, b))[0] == []


def test_a_round_floor_holds_a_figure_up_to_its_last_digit_s_next_step():
    # "أكثر من 400 مرشح" cuts the count down to its hundreds: 480 is four hundred and some, 520 is not; a floor of tens
    # is a count of its own (test_figures_of_one_claim_that_disagree: "40 على الأقل" / "49").
    floor = Evidence(1, "a", "ويتنافس في الانتخابات البلدية أكثر من 400 مرشح على المقاعد.", "Outlet A", SUN)
    for exact, found in (("480", []), ("520", ["conflict"])):
        other = Evidence(2, "b", f"ويتنافس {exact} مرشحا في الانتخابات البلدية على المقاعد.", "Outlet B", SUN)
        assert [c.relation for c in find_conflicts(_numbers(floor, other))[0]] == found


def test_a_toll_told_in_a_later_storys_words_is_an_update():
    # One deed ("قتل") by both counts, frames only loosely alike (cosine ~0.2): days apart they can only be steps.
    first = "ضرب الإعصار الساحل الشرقي للبلاد مخلفا 45 قتيلا."
    later = Evidence(2, "b", "أعلنت وزارة الصحة أن 61 شخصا قتلوا منذ الأحد.", "Outlet B", dt.date(2019, 3, 7))
    (update,), _ = find_conflicts(_numbers(Evidence(1, "a", first, "Outlet A", SUN), later))
    assert update.relation == "update" and [p.value for p in update.positions] == ["45 قتيلا", "61 شخصا"]
    same_day = Evidence(2, "b", later.text, "Outlet B", SUN)  # the same frames the same day: no claim together
    assert find_conflicts(_numbers(Evidence(1, "a", first, "Outlet A", SUN), same_day))[0] == []


def test_a_count_told_after_that_keeps_out_of_the_toll_before_it():
    # "وقالت إن 8 أشخاص ما زالوا في المستشفى" follows "العدد الرسمي للقتلى" in its sentence, but counts others.
    first = Evidence(1, "a", "قالت الشرطة إن 20 شخصا على الأقل قتلوا في انهيار المبنى.", "Outlet A", SUN)
    wed = dt.date(2019, 3, 6)
    raised = Evidence(2, "b", "أنهت فرق الإنقاذ البحث بعد انتشال آخر جثتين ليرتفع العدد الرسمي للقتلى إلى 26.", "Outlet B", wed)
    hospital = Evidence(
        3, "b", "وبعد انتشال الجثث، رفعت السلطات العدد الرسمي للقتلى وقالت إن 8 أشخاص ما زالوا في المستشفى.", "Outlet B", wed
    )
    (update,), _ = find_conflicts(_numbers(first, raised, hospital))
    assert update.relation == "update" and [p.value for p in update.positions] == ["20 شخصا على الأقل", "26"]


def test_two_floors_of_a_later_day_above_the_day_befores_toll_are_the_toll_rising():
    # 20 on Sunday; on Monday one source counts at least 31, another at least 38: the toll rising through the day.
    sunday = Evidence(1, "a", "قتل 20 شخصا في انهيار منجم للفحم.", "Outlet A", SUN)
    floors = [
        Evidence(2, "b", "قتل 31 شخصا على الأقل في انهيار منجم للفحم.", "Outlet B", MON),
        Evidence(3, "c", "قتل 38 شخصا على الأقل في انهيار منجم للفحم.", "Outlet C", MON),
    ]
    (update,), _ = find_conflicts(_numbers(sunday, *floors))
    assert update.relation == "update" and [p.value for p in update.positions] == ["20 شخصا", "31 شخصا على الأقل", "38 شخصا على الأقل"]
    (alone,), _ = find_conflicts(_numbers(*floors))  # without a lower count the day before: two sources' rival floors
    assert alone.relation == "conflict"
    higher = Evidence(1, "a", "قتل 35 شخصا في انهيار منجم للفحم.", "Outlet A", SUN)  # not above Sunday's toll: no rise
    assert all(c.relation == "conflict" for c in find_conflicts(_numbers(higher, *floors))[0])


def test_a_vague_word_is_no_step_of_a_rising_toll():
    # "dozens" beside a later day's figure states none: the toll still rose from 40 to at least 65.
    first = Evidence(1, "a", "قتل 40 شخصا في الفيضانات التي ضربت الإقليم.", "Outlet A", SUN)
    later = [
        Evidence(2, "b", "قتل 65 شخصا على الأقل في الفيضانات التي ضربت الإقليم.", "Outlet B", dt.date(2019, 3, 5)),
        Evidence(3, "c", "قتل عشرات الأشخاص في الفيضانات التي ضربت الإقليم.", "Outlet C", dt.date(2019, 3, 5)),
    ]
    (update,), _ = find_conflicts(_numbers(first, *later))
    assert update.relation == "update" and [p.value for p in update.positions] == ["40 شخصا", "65 شخصا على الأقل"]


def test_a_vague_word_before_any_figure_opens_the_toll():
    # The first report says only "dozens killed"; the next day's count of 57 is the toll it became.
    first = Evidence(1, "a", "قتل عشرات الأشخاص في انهيار مبنى سكني في المدينة.", "Outlet A", SUN)
    count = Evidence(2, "b", "قتل 57 شخصا في انهيار مبنى سكني في المدينة.", "Outlet B", MON)
    (update,), _ = find_conflicts(_numbers(first, count))
    assert update.relation == "update" and [p.value for p in update.positions] == ["عشرات الأشخاص", "57 شخصا"]
    # "dozens" states no figure to rise from: a first count below twenty is the toll it became all the same
    fewer = Evidence(2, "b", "قتل 14 شخصا في انهيار مبنى سكني في المدينة.", "Outlet B", MON)
    (update,), _ = find_conflicts(_numbers(first, fewer))
    assert update.relation == "update" and [p.value for p in update.positions] == ["عشرات الأشخاص", "14 شخصا"]


def test_a_vague_word_links_no_steps_of_a_toll():
    # "dozens killed" meets the day's 120 and a later three months' toll of 2,300 civilians, which do not meet each
    # other: without the vague word they are no series, so no update 120 -> 2,300.
    day = Evidence(1, "a", "قال مسعفون إن 120 شخصا على الأقل قتلوا بعد القصف على البلدة.", "Outlet A", SUN)
    vague = Evidence(2, "b", "وقالت مصادر إن القصف خلف عشرات القتلى في البلدة.", "Outlet B", SUN)
    months = Evidence(
        3, "c", "وأدى الهجوم على المنطقة إلى مقتل 2300 مدني على الأقل خلال ثلاثة أشهر من المعارك.", "Outlet C", dt.date(2019, 3, 9)
    )
    assert all(c.relation != "update" for c in find_conflicts(_numbers(day, vague, months))[0])


def test_one_group_in_two_words_needs_only_a_loose_frame(monkeypatch):
    # "أربعة عناصر شرطة" / "ثلاثة رجال شرطة": one qualifier, one deed; short frames may embed far apart (~0.25).
    four = Evidence(1, "a", "قتل أربعة عناصر شرطة في الهجوم على الحاجز.", "Outlet A", SUN)
    three = Evidence(2, "b", "أعلنت الوزارة مقتل ثلاثة رجال شرطة.", "Outlet B", SUN)
    other = Evidence(2, "b", "أعلنت الوزارة مقتل ثلاثة رجال إطفاء.", "Outlet B", SUN)
    monkeypatch.setattr("bot.conflicts.frame_similarity", lambda a, b: 1.0 if a == b else 0.25)
    (conflict,), _ = find_conflicts(_numbers(four, three))
    assert conflict.relation == "conflict" and {p.value for p in conflict.positions} == {"أربعة عناصر", "ثلاثة رجال"}
    assert find_conflicts(_numbers(four, other))[0] == []  # another qualifier: another group


def test_people_and_who_they_were_are_one_count_of_one_deed(monkeypatch):
    # One outlet counts the injured as people, another as men, the same day: one count, two figures, however far
    # apart their frames embed.
    people = Evidence(1, "a", "أصيب ستة أشخاص في انفجار عبوة قرب السوق المركزي.", "Outlet A", SUN)
    men = Evidence(2, "b", "وأصيب أربعة رجال بجروح في انفجار عبوة قرب السوق المركزي.", "Outlet B", SUN)
    monkeypatch.setattr("bot.conflicts.frame_similarity", lambda a, b: 1.0 if a == b else 0.5)
    (conflict,), _ = find_conflicts(_numbers(people, men))
    assert conflict.relation == "conflict" and {p.value for p in conflict.positions} == {"ستة أشخاص", "أربعة رجال"}
    houses = Evidence(2, "b", "ودمر الانفجار أربعة منازل قرب السوق المركزي.", "Outlet B", SUN)
    assert find_conflicts(_numbers(people, houses))[0] == []  # another deed: not the people injured
    groups = Evidence(1, "a", "وتضم الهيئة 40 منظمة حقوقية من أنحاء المنطقة.", "Outlet A", SUN)
    envoys = Evidence(2, "b", "وترسل الهيئة وفدا يضم 12 شخصا إلى المؤتمر.", "Outlet B", SUN)
    assert find_conflicts(_numbers(groups, envoys))[0] == []  # "comprises" befalls no one: organisations are no people
    leaders = Evidence(2, "b", "وقالت الجماعة إن الهجوم جاء ردا على مقتل عشرات من قادتها في غارة قبل أسبوعين.", "Outlet B", SUN)
    killed = Evidence(1, "a", "قتل ستة أشخاص في الهجوم على الثكنة.", "Outlet A", SUN)
    assert find_conflicts(_numbers(killed, leaders))[0] == []  # "dozens of its leaders" is no figure of whom


def test_a_toll_said_to_have_risen_across_languages_is_an_update():
    # An English wire copy "… rose to 7" beside an Arabic count of the killed, the same day: one toll, risen.
    first = Evidence(1, "a", "قتل 4 أشخاص في انهيار جسر للمشاة في المدينة.", "Outlet A", SUN)
    risen = Evidence(2, "b", "The death toll from the collapse of the footbridge rose to 7, officials said.", "Outlet B", SUN)
    (update,), _ = find_conflicts(_numbers(first, risen))
    assert update.relation == "update" and [p.value for p in update.positions][-1] == "7"
    hurt = Evidence(1, "a", "أصيب 4 أشخاص في انهيار جسر للمشاة في المدينة.", "Outlet A", SUN)
    assert all(c.relation != "update" for c in find_conflicts(_numbers(hurt, risen))[0])  # the toll is of the killed


def test_two_outlets_tolls_risen_to_on_one_day_disagree():
    # Each outlet tells the figure the toll rose to that day: two figures are rivals, not steps. One outlet's later
    # story of the same day, citing officials, still raises its own toll.
    a = "The death toll from the floods rose to 31."
    b = "The death toll from the floods rose to 34, officials said."
    (conflict,), _ = find_conflicts(_numbers(Evidence(1, "a", a, "Outlet A", SUN), Evidence(2, "b", b, "Outlet B", SUN)))
    assert conflict.relation == "conflict"
    (update,), _ = find_conflicts(_numbers(Evidence(1, "a", a, "Outlet A", SUN), Evidence(2, "b", b, "Outlet A", SUN)))
    assert update.relation == "update"


def test_a_noun_of_the_killed_meets_a_predicate_before_the_other_count():
    # "إلى # عدد القتلى" counts the killed; "عدد العمال الذين قتلوا ... إلى # شخصا" counts them too, its predicate
    # words before its figure, not beside it.
    a = Evidence(1, "a", "وبذلك يرتفع إلى 31 عدد القتلى منذ بدء الإضراب.", "Outlet A", SUN)
    b = Evidence(2, "b", "ويرتفع بذلك عدد العمال الذين قتلوا منذ بدء الإضراب إلى 34 شخصا.", "Outlet B", SUN)
    (conflict,), _ = find_conflicts(_numbers(a, b))
    assert conflict.relation == "conflict" and {p.value for p in conflict.positions} == {"31 عدد القتلى", "34 شخصا"}


def test_a_span_of_time_is_no_predicate_its_rival_states():
    # "دقيقة" is learned among count words, but any two spans of minutes share it: their words must meet elsewhere.
    a = Evidence(1, "a", "وعقد الوزيران لقاء ثنائيا لمدة 45 دقيقة قبل الجلسة العامة.", "Outlet A", SUN)
    b = Evidence(2, "b", "وبعد مشاورات أولية استمرت 35 دقيقة انضم إليهما الوفدان.", "Outlet B", SUN)
    (x,), (y,) = _numbers(a), _numbers(b)
    assert not _shared_cue(x, y)


def test_a_toll_risen_to_a_count_of_its_noun_is_an_update_of_that_noun_alone():
    # "the toll rose to five workers" (undated wire copy) beside "two workers killed": one toll of the workers, risen.
    early = Evidence(1, "a", "قتل عاملان عندما انهار سقف مصنع للنسيج في المنطقة الصناعية.", "Outlet A", SUN)
    toll = "ارتفاع حصيلة قتلى انهيار سقف المصنع في المنطقة الصناعية إلى خمسة {}"
    (update,), _ = find_conflicts(_numbers(early, Evidence(2, "b", toll.format("عمال"), "Outlet B", None)))
    assert update.relation == "update" and [p.value for p in update.positions] == ["عاملان", "خمسة عمال"]
    # a toll of another noun counts other people
    assert find_conflicts(_numbers(early, Evidence(2, "b", toll.format("جنود"), "Outlet B", None)))[0] == []


def test_a_total_of_a_noun_meets_a_count_whose_deed_its_sentence_tells_a_clause_later():
    # Arabic may tell the verb a clause after its subject ("عشرة ركاب ... أصيبوا"): no predicate stands by the count,
    # yet its sentence says what befell them, and the total the next day names that noun and that deed: an update.
    # Where the sentence tells another deed, the counts are of other people.
    early = "قالت الشرطة إن عشرة ركاب على متن حافلة كانت متجهة إلى العاصمة، {}، بعد انقلابها على الطريق السريع."
    total = "وقالت الشرطة اليوم إن عدد الركاب الذين أصيبوا أثناء إخلاء الحافلة في محطة المدينة ارتفع إلى 14."
    later = Evidence(2, "b", total, "Outlet B", MON)
    (update,), _ = find_conflicts(_numbers(Evidence(1, "a", early.format("أصيبوا"), "Outlet A", SUN), later))
    assert update.relation == "update" and [p.value for p in update.positions][-1] == "14"
    assert find_conflicts(_numbers(Evidence(1, "a", early.format("قتلوا"), "Outlet A", SUN), later))[0] == []


def test_a_bare_figure_is_a_total_only_after_rose_to():
    def figure(text: str):
        return _numbers(Evidence(1, "a", text, "Outlet A", SUN))[0]

    assert _reached(figure("The death toll rose to 12 on Monday."))
    assert _reached(figure("ارتفعت حصيلة القتلى إلى 12"))
    assert not _reached(figure("Police counted 12 bodies at the site."))


def test_an_approximate_figure_restated_exactly_is_no_update():
    # "نحو 60" on Sunday and "60" on Monday state one figure: the approximation's interval starts lower (54), yet
    # nothing rose. "نحو 60", then 75, is a change.
    about = Evidence(1, "a", "أسفر انقلاب الحافلة عن إصابة نحو 60 راكبا بجروح.", "Outlet A", SUN)
    exact = Evidence(2, "b", "أسفر انقلاب الحافلة عن إصابة 60 راكبا بجروح.", "Outlet B", MON)
    assert find_conflicts(_numbers(about, exact))[0] == []
    more = Evidence(2, "b", "أسفر انقلاب الحافلة عن إصابة 75 راكبا بجروح.", "Outlet B", MON)
    (update,), _ = find_conflicts(_numbers(about, more))
    assert update.relation == "update" and [p.value for p in update.positions] == ["نحو 60 راكبا", "75 راكبا"]


def test_a_figure_is_found_in_its_sentence_once_for_both_total_readers():
    def figure(text: str):
        return _numbers(Evidence(1, "a", text, "Outlet A", SUN))[0]

    assert _before_figure(figure("The toll rose to 12 on Monday.")) == "The toll rose to "
    assert _before_figure(figure("12 people died on Monday.")) == ""


def test_one_persons_age_worded_apart_by_two_outlets_is_a_conflict():
    # "عن 70 عاما" / "عن عمر يناهز 74 عاما": one person's age, each outlet's own words around it (frames far apart);
    # "يناهز 74" states 74, not 67-81. The same age in other words is no flag.
    one = Evidence(1, "a", "توفي الكاتب فارس منصور، صاحب الروايات الشهيرة في بلاده، عن 70 عاما.", "Outlet A", SUN)
    two = Evidence(2, "b", "توفي فارس منصور، مؤسس المجلة الأدبية، عن عمر يناهز 74 عاما، بحسب أسرته.", "Outlet B", SUN)
    (conflict,), _ = find_conflicts(_numbers(one, two))
    assert conflict.relation == "conflict" and {p.value for p in conflict.positions} == {"70 عاما", "يناهز 74 عاما"}
    same = Evidence(2, "b", "توفي فارس منصور، مؤسس المجلة الأدبية، عن عمر يناهز 70 عاما، بحسب أسرته.", "Outlet B", SUN)
    assert find_conflicts(_numbers(one, same))[0] == []


def test_ages_told_beside_two_names_are_two_persons():
    one = Evidence(1, "a", "وأصيب الطالب يوسف (19 عاما) بجروح طفيفة.", "Outlet A", SUN)
    two = Evidence(2, "b", "وأصيب الطالب كريم (20 عاما) بجروح طفيفة.", "Outlet B", SUN)
    assert find_conflicts(_numbers(one, two))[0] == []
    named = Evidence(2, "b", "وكان يوسف، 20 عاما، يدرس الهندسة.", "Outlet B", SUN)
    (conflict,), _ = find_conflicts(_numbers(one, named))
    assert {p.value for p in conflict.positions} == {"19 عاما", "20 عاما"}


def test_spans_of_clock_time_meet_on_a_word_of_what_they_are_of():
    # Both spans are counted from the ship leaving port ("إبحارها"); a span of the rescue is of something else.
    one = Evidence(1, "a", "وغرقت العبارة بعد 35 دقيقة من إبحارها من الميناء.", "Outlet A", SUN)
    two = Evidence(2, "b", "وكانت العبارة قد اختفت بعد إبحارها بنحو 40 دقيقة.", "Outlet B", SUN)
    (conflict,), _ = find_conflicts(_numbers(one, two))
    assert {p.value for p in conflict.positions} == {"35 دقيقة", "نحو 40 دقيقة"}
    rescue = Evidence(2, "b", "ووصلت فرق الإنقاذ بعد 40 دقيقة.", "Outlet B", SUN)
    assert find_conflicts(_numbers(one, rescue))[0] == []


def test_others_of_one_deed_are_the_people_another_outlet_counts():
    # "وأصيب 30 آخرون" counts the injured people of its sentence: another outlet's "22 شخصا أصيبوا" that day rivals it.
    a = Evidence(1, "a", "قتل 5 أشخاص وأصيب 30 آخرون في انهيار جسر للمشاة.", "Outlet A", SUN)
    b = Evidence(2, "b", "وأوضح مسؤول في الدفاع المدني أن 22 شخصا أصيبوا بجروح متفاوتة ونقلوا إلى المستشفيات.", "Outlet B", SUN)
    (conflict,), _ = find_conflicts(_numbers(a, b))
    assert conflict.relation == "conflict" and {p.value for p in conflict.positions} == {"30 آخرون", "22 شخصا"}
    # "others" of another deed, or with no deed, is no rival of a count of persons
    c = Evidence(3, "c", "قال الدفاع المدني إن 22 شخصا قتلوا في انهيار الجسر.", "Outlet C", SUN)
    d = Evidence(4, "d", "وعثر المنقذون في محيط المكان فضلا عن انتشال 30 آخرين من النهر.", "Outlet D", SUN)
    assert not any(p.value == "30 آخرون" for x in find_conflicts(_numbers(a, c))[0] for p in x.positions)
    assert find_conflicts(_numbers(b, d))[0] == []


def test_an_injured_toll_told_past_adverbials_rises_into_an_update():
    # The deed stands before "من جراء ...": the next day's higher count of the injured is a step of one toll.
    a = Evidence(1, "a", "قتل 40 شخصا، كما أصيب من جراء القصف الجوي والمدفعي المتواصل أكثر من 300 آخرين بجروح.", "Outlet A", SUN)
    b = Evidence(2, "b", "قتل 45 شخصا، فيما أصيب أكثر من 350 آخرين بجروح.", "Outlet B", MON)
    updates, _ = find_conflicts(_numbers(a, b))
    injured = [u for u in updates if any("300" in p.value for p in u.positions)]
    assert [u.relation for u in injured] == ["update"] and [p.value for p in injured[0].positions] == [
        "أكثر من 300 آخرين",
        "أكثر من 350 آخرين",
    ]


def test_one_figure_said_to_have_risen_to_is_no_update_of_itself():
    # Three wordings of 11 killed, one of them "rose to": nothing is lower, so nothing rose between them.
    a = Evidence(1, "a", "ارتفع عدد قتلى الاحتجاجات في مدن متفرقة إلى 11 شخصا.", "Outlet A", SUN)
    b = Evidence(2, "b", "وقتل في الاحتجاجات 11 متظاهرا.", "Outlet B", SUN)
    c = Evidence(3, "c", "ارتفعت حصيلة الاحتجاجات إلى 11 قتيلا.", "Outlet C", SUN)
    assert find_conflicts(_numbers(a, b, c))[0] == []


def test_an_article_that_states_both_figures_tells_them_apart():
    # One article gives this year's rate and last year's: another outlet's "7.4" is no rival of the article's "6.9".
    now = Evidence(1, "a", "قال مكتب الإحصاء إن معدل البطالة بلغ 7.4 بالمئة مع تراجع الصادرات.", "Outlet A", SUN)
    before = Evidence(2, "a", "وأضاف المكتب أن معدل البطالة كان 6.9 بالمئة قبل عام.", "Outlet A", SUN)
    other = Evidence(3, "b", "أعلن مكتب الإحصاء أن معدل البطالة بلغ 7.4 بالمئة.", "Outlet B", SUN)
    assert find_conflicts(_numbers(now, before, other))[0] == []
    # the same two figures from two articles, each stating one, still clash
    alone = Evidence(2, "c", "وأضاف المكتب أن معدل البطالة كان 6.9 بالمئة قبل عام.", "Outlet C", SUN)
    (conflict,), _ = find_conflicts(_numbers(alone, other))
    assert conflict.relation == "conflict"


def test_a_figure_of_the_same_noun_elsewhere_in_the_article_tells_it_apart():
    # The article that counts four fighters killed the day before also gives the 16 dead another outlet gives.
    toll = Evidence(1, "d", "قتل 16 شخصا في انفجار سيارة مفخخة قرب سوق شعبي.", "Outlet D", SUN)
    told = Evidence(2, "e", "لقي 16 شخصا حتفهم بانفجار سيارة مفخخة قرب سوق شعبي.", "Outlet E", SUN)
    aside = Evidence(3, "e", "وكان الانفجار قد وقع خلال تشييع أربعة من مقاتلي العشيرة قتلوا أمس في القرية.", "Outlet E", SUN)
    assert find_conflicts(_numbers(toll, told, aside))[0] == []
    (conflict,), _ = find_conflicts(_numbers(toll, Evidence(3, "f", aside.text, "Outlet F", SUN)))
    assert conflict.relation == "conflict"  # without the article's own 16, nothing tells the two apart


def test_an_article_that_reports_two_sources_disagreeing_keeps_their_clash():
    # The police's 10 and a newspaper's 30 in one article are a clash it reports, not two things it tells apart.
    police = Evidence(1, "a", "وقالت الشرطة المحلية إن 10 أشخاص أصيبوا بجروح في حريق المصنع.", "Outlet A", SUN)
    paper = Evidence(2, "a", "وذكرت صحيفة محلية أن نحو 30 شخصا أصيبوا بجروح في حريق المصنع.", "Outlet A", SUN)
    other = Evidence(3, "b", "وقالت الشرطة المحلية إن 10 أشخاص أصيبوا بجروح في حريق المصنع.", "Outlet B", SUN)
    assert [c.relation for c in find_conflicts(_numbers(police, paper, other))[0]] == ["conflict"]


def test_a_vague_word_states_no_figure_an_article_could_tell_apart():
    text = "قتل 12 شخصا وأصيب مئات آخرون، ونزح نحو 300 أسرة."
    assert {c.value: c.vague for c in _numbers(Evidence(1, "a", text, "Outlet A", SUN))} == {
        "12 شخصا": False,
        "مئات آخرون": True,
        "نحو 300 أسرة": False,
    }


def test_one_deed_in_two_wordings_is_one_toll():
    # "لقوا مصرعهم" and "مقتل" count the same dead (learned: both stand beside the injured, never beside each other):
    # two outlets' figures of one day clash, and days apart they rise into an update; the injured stay apart.
    died = Evidence(1, "a", "قالت الشرطة إن 23 عاملا لقوا مصرعهم في انهيار منجم للفحم.", "Outlet A", SUN)
    killed = Evidence(2, "b", "أسفر انهيار منجم للفحم عن مقتل 27 عاملا.", "Outlet B", SUN)
    (conflict,), _ = find_conflicts(_numbers(died, killed))
    assert conflict.relation == "conflict" and {p.value for p in conflict.positions} == {"23 عاملا", "27 عاملا"}
    injured = Evidence(2, "b", "أسفر انهيار منجم للفحم عن إصابة 27 عاملا.", "Outlet B", SUN)
    assert find_conflicts(_numbers(died, injured))[0] == []
    first = Evidence(1, "a", "أسفر الزلزال عن مقتل 31 شخصا في القرى الجبلية.", "Outlet A", SUN)
    later = Evidence(2, "b", "قالت السلطات إن 58 شخصا لقوا حتفهم جراء الزلزال.", "Outlet B", dt.date(2019, 3, 9))
    (update,), _ = find_conflicts(_numbers(first, later))
    assert update.relation == "update" and [p.value for p in update.positions] == ["31 شخصا", "58 شخصا"]


def test_an_approximation_agrees_with_a_floor_its_figure_rounds_to():
    # "أكثر من 260 ألف" states 260,000 (its interval opens at 260,001): "نحو 262 ألف" of another source is that figure
    # to a finer digit, not a rival; an approximation far from the floor's figure still is.
    a = Evidence(1, "a", "ويقيم نحو 262 ألف لاجئ في المخيمات الشمالية.", "Outlet A", SUN)
    b = Evidence(2, "b", "ويقيم في المخيمات الشمالية أكثر من 260 ألف لاجئ.", "Outlet B", SUN)
    assert find_conflicts(_numbers(a, b))[0] == []
    c = Evidence(2, "b", "ويقيم في المخيمات الشمالية أكثر من 210 آلاف لاجئ.", "Outlet B", SUN)
    (conflict,), _ = find_conflicts(_numbers(a, c))
    assert conflict.relation == "conflict"


def test_an_article_s_own_restatement_of_the_rival_figure_tells_it_apart():
    # One sentence gives the hills' 38.5 and the capital's 33; another outlet repeats the 33. That the sentence's 33
    # stays out of the rival's group (it meets neither other figure) does not make its 38.5 a rival of the 33.
    week_later = Evidence(
        1,
        "z",
        "ويوم الاثنين الماضي، سجلت مدينة ساحلية درجة حرارة بلغت 40.2 درجة مئوية، وهي الأعلى في تاريخ البلاد.",
        "Z",
        dt.date(2018, 7, 24),
    )
    both = Evidence(
        2,
        "x",
        "واشتد الحر في الداخل، حيث بلغت درجات الحرارة 38.5 درجة مئوية في بلدة جبلية، فيما سجلت العاصمة درجات حرارة بلغت 33 درجة مئوية في اليوم ذاته.",
        "X",
        dt.date(2018, 7, 17),
    )
    capital = Evidence(3, "y", "وسجلت العاصمة درجات حرارة بلغت 33 درجة مئوية في اليوم ذاته.", "Y", dt.date(2018, 7, 17))
    assert find_conflicts(_numbers(week_later, both, capital))[0] == []


@pytest.mark.parametrize(
    ("normalized", "value", "lang", "said"),
    [
        ("date-without-year:03-14;weekday:Saturday evening", "مساء أمس", "ar", "مساء السبت 14 مارس"),
        ("date-without-year:03-14;weekday:Saturday", "أمس السبت", "en", "Saturday, 14 March"),
        ("day-offset:-1", "يوم أمس", "ar", "يوم أمس"),  # no calendar day to name: the source's own words
    ],
)
def test_a_yearless_day_is_said_by_the_calendar_not_the_key(normalized, value, lang, said):
    """A date placed on a yearless calendar day (an undated upload's "أمس" under "بيروت - 15 مارس") is said as that day
    in the reader's language; a relative key is never shown."""
    position = schema.Position(value=value, normalized=normalized, attributed_to="x", citations=[1])
    assert _position_phrase(position, "date", lang) == said


def test_a_later_story_recalling_the_first_figure_in_other_words_is_no_fall_of_the_toll():
    # The toll rose from 45 (Sunday) to 61 (Tuesday); Thursday's story recalls Sunday's 45 in its own words: one step.
    first = Evidence(1, "a", "ضرب الإعصار الساحل الشرقي للبلاد مخلفا 45 قتيلا.", "Outlet A", SUN)
    risen = Evidence(2, "a", "وارتفع عدد قتلى الإعصار الذي ضرب الساحل الشرقي إلى 61 قتيلا.", "Outlet A", dt.date(2019, 3, 5))
    recalled = Evidence(
        3, "b", "وكانت السلطات قد قالت إن 45 شخصا قتلوا في الإعصار الذي ضرب الساحل الشرقي.", "Outlet B", dt.date(2019, 3, 7)
    )
    (update,), _ = find_conflicts(_numbers(first, risen, recalled))
    assert update.relation == "update"
    assert [p.value for p in update.positions][-1] == "61 قتيلا"


def test_at_least_and_more_than_one_figure_are_one_floor():
    # "540 at least" and "more than 540" say the same of that day's count: [540, ∞) and [541, ∞) are one floor.
    a = Evidence(1, "a", "وأصيب 540 شخصا على الأقل في الزلزال.", "Outlet A", SUN)
    b = Evidence(2, "b", "وأصيب أكثر من 540 شخصا في الزلزال.", "Outlet B", SUN)
    assert find_conflicts(_numbers(a, b))[0] == []
    c = Evidence(3, "c", "وأصيب أكثر من 560 شخصا في الزلزال.", "Outlet C", SUN)  # two floors at two figures still clash
    assert [x.relation for x in find_conflicts(_numbers(a, c))[0]] == ["conflict"]


def test_a_floor_stated_at_another_sources_exact_figure_is_that_figure_rounded():
    # "أكثر من مئة دولة" opens just above 100, yet says no more than "100 دولة": neither a clash the same day nor,
    # the next day, a rise; a floor above the figure still is one.
    exact = Evidence(1, "a", "وقال المسؤول إن المتهمين يواجهون خطر التسليم في 100 دولة إذا سافروا.", "Outlet A", SUN)
    floor = Evidence(2, "b", "وأضاف أنهم قد يواجهون طلبات تسليم من أكثر من مئة دولة إذا غادروا البلاد.", "Outlet B", SUN)
    assert find_conflicts(_numbers(exact, floor))[0] == []
    next_day = Evidence(2, "b", floor.text, "Outlet B", SUN + dt.timedelta(days=1))
    assert find_conflicts(_numbers(exact, next_day))[0] == []
    higher = Evidence(2, "b", floor.text.replace("مئة", "مئتي"), "Outlet B", SUN + dt.timedelta(days=1))
    assert [x.relation for x in find_conflicts(_numbers(exact, higher))[0]] == ["update"]


def test_a_past_toll_one_outlet_dates_and_another_recalls_in_the_pluperfect_is_one_toll():
    # Both recall January's attack: one dates it, one tells it in the pluperfect ("وكانت ... قد") with no date of its
    # own. Told in the present tense, an undated count is of the day's news, not January's.
    dated = Evidence(1, "a", "وفي يناير الماضي أسفر هجوم انتحاري على مركز للشرطة في المدينة عن مقتل 21 شخصا.", "Outlet A", SUN)
    recalled = Evidence(2, "b", "وكانت الجماعة قد تبنت الهجوم على مركز الشرطة، وقتل فيه 25 شخصا على الأقل.", "Outlet B", SUN)
    assert recalls_earlier(recalled.text) and not recalls_earlier(dated.text)
    assert [c.relation for c in find_conflicts(_numbers(dated, recalled))[0]] == ["conflict"]
    today = Evidence(2, "b", "وتبنت الجماعة الهجوم على مركز الشرطة، وقتل فيه 25 شخصا على الأقل.", "Outlet B", SUN)
    assert find_conflicts(_numbers(dated, today))[0] == []


def test_a_measure_written_to_fewer_decimals_is_the_other_cut_short():
    # "4.3 million km" is "4.38 million km" with its last decimal dropped, as outlets shorten figures; "4.48" is not
    # (its first decimal differs), nor is "2.2 billion" a shortened "2.02 billion".
    short = Evidence(1, "a", "وسيقترب المسبار من النجم لمسافة 4.3 مليون كيلومتر من سطحه.", "Outlet A", SUN)
    for figure, found in (("4.38", []), ("4.48", ["conflict"])):
        long = Evidence(2, "b", f"ويصل المسبار إلى مسافة {figure} مليون كيلومتر من سطح النجم.", "Outlet B", SUN)
        assert [c.relation for c in find_conflicts(_numbers(short, long))[0]] == found
    tranche = Evidence(1, "a", "ووافق الصندوق على شريحة قيمتها 2.02 مليار دولار.", "Outlet A", SUN)
    rival = Evidence(2, "b", "وتبلغ قيمة هذه الشريحة 2.2 مليار دولار.", "Outlet B", SUN)
    assert [c.relation for c in find_conflicts(_numbers(tranche, rival))[0]] == ["conflict"]


def test_a_bare_singular_toll_then_a_higher_one_is_an_update():
    """ "قتل جندي" states one killed: the next day's "toll rose to two" updates it, and a same-day "3 جنود" contradicts
    it (without the implied one, only the six injured were compared)."""
    d1, d2 = dt.date(2019, 5, 6), dt.date(2019, 5, 7)
    first = Evidence(1, "a", "قتل جندي وأصيب 6 آخرون في انفجار عبوة ناسفة قرب الحدود.", "وكالة أ", d1)
    later = Evidence(2, "b", "A second soldier died of his wounds, raising the death toll from the roadside bomb to two.", "Agency B", d2)
    rival = Evidence(2, "b", "قتل 3 جنود وأصيب 6 آخرون في انفجار عبوة ناسفة قرب الحدود.", "وكالة ب", d1)
    (update,) = find_conflicts(extract_all([first, later]))[0]
    assert update.relation == "update" and [p.value for p in update.positions] == ["جندي", "two"]
    (conflict,) = find_conflicts(extract_all([first, rival]))[0]
    assert conflict.relation == "conflict" and [p.value for p in conflict.positions] == ["جندي", "3 جنود"]


def test_two_outlets_quoting_one_source_with_different_figures_disagree():
    # Both outlets name one first-hand source; they cannot both quote it right that day. One outlet's two articles
    # quoting it are one report, not a disagreement.
    a = Evidence(1, "a", "قالت وزارة الداخلية إن 14 شخصا أصيبوا في انفجار قارورة غاز بالسوق المركزية.", "Outlet A", SUN)
    b = Evidence(2, "b", "أصيب 9 أشخاص في انفجار قارورة غاز بالسوق المركزية، بحسب وزارة الداخلية.", "Outlet B", SUN)
    (conflict,), _ = find_conflicts(_numbers(a, b))
    assert conflict.relation == "conflict" and {p.normalized for p in conflict.positions} == {"14 شخصا", "9 اشخاص"}
    same_outlet = Evidence(2, "c", b.text, "Outlet A", SUN)
    assert find_conflicts(_numbers(a, same_outlet))[0] == []


def test_two_outlets_distances_in_two_spellings_of_one_unit_disagree():
    # "كلم" abbreviates "كيلومتر"; "التي" stands for the camp the other frame names: one distance, two figures.
    a = Evidence(1, "a", "يقع المخيم على بعد نحو 30 كيلومترا عن الحدود.", "Outlet A", SUN)
    b = Evidence(2, "b", "وزار الوفد المخيم الكبير، الذي يقع على بعد نحو 20 كلم شرق الحدود.", "Outlet B", SUN)
    (conflict,), _ = find_conflicts(_numbers(a, b))
    assert conflict.relation == "conflict" and len(conflict.positions) == 2


def test_two_persons_ages_in_two_words_for_years_stay_apart():
    # "عاما" and "سنة" are one unit, but one story's two persons of 41 and 38 share the frame of an age.
    a = Evidence(1, "a", "وقالت الشرطة إن المهندس سامر الخطيب، البالغ من العمر 41 عاما، أصيب في الهجوم.", "Outlet A", SUN)
    b = Evidence(2, "b", "وقال جاره منير حداد، الذي يبلغ من العمر 38 سنة، إنه سمع دوي إطلاق النار.", "Outlet B", SUN)
    assert find_conflicts(_numbers(a, b))[0] == []


def _dates_of(*evidence: Evidence) -> list:
    return [c for c in extract_all(evidence) if c.slot == "date"]


def test_the_day_a_party_speaks_on_is_no_claim_of_the_story():
    """Two outlets telling one police statement on the days they heard it ("الثلاثاء", then "اليوم") do not disagree
    on when anything happened; a day inside the reported clause still is a claim."""
    tuesday, wednesday = dt.date(2019, 3, 5), dt.date(2019, 3, 6)
    a = Evidence(1, "a", "قالت الشرطة، الثلاثاء، إن خمسة ركاب أصيبوا في الحافلة.", "Outlet A", tuesday)
    b = Evidence(2, "b", "قالت الشرطة اليوم إن خمسة ركاب أصيبوا في الحافلة.", "Outlet B", wednesday)
    assert _dates_of(a, b) == []
    assert find_conflicts(extract_all([a, b]))[0] == []
    told = Evidence(3, "c", "قالت الشرطة إن خمسة ركاب أصيبوا في الحافلة الثلاثاء.", "Outlet C", wednesday)
    assert [c.value for c in _dates_of(told)] == ["الثلاثاء"]


def test_parts_of_one_day_that_share_hours_agree():
    """ "مساء السبت" and "ليل السبت" may be one hour; "صباح" and "مساء" cannot."""
    evening = Evidence(1, "a", "انفجرت عبوة ناسفة مساء السبت في سوق المدينة.", "Outlet A", SUN)
    night = Evidence(2, "b", "انفجرت عبوة ناسفة ليل السبت في سوق المدينة.", "Outlet B", SUN)
    morning = Evidence(2, "b", "انفجرت عبوة ناسفة صباح السبت في سوق المدينة.", "Outlet B", SUN)
    assert find_conflicts(extract_all([evening, night]))[0] == []
    (conflict,), _ = find_conflicts(extract_all([evening, morning]))
    assert conflict.kind == "date" and conflict.relation == "conflict"


def test_a_childs_age_told_two_ways_by_two_outlets_is_a_conflict():
    # "البالغة 9 أعوام" and "عمرها ثماني سنوات": one child's age, whatever day the deed was and however it is worded.
    nine = Evidence(1, "a", "أدانت المحكمة السائق بدهس الطفلة نادين البالغة 9 أعوام أمام مدرستها.", "Outlet A", SUN)
    eight = Evidence(
        2, "b", "قضت المحكمة بسجن سائق دهس الطفلة نادين، وهي طفلة عمرها ثماني سنوات، الشهر الماضي أمام مدرستها.", "Outlet B", SUN
    )
    (conflict,), _ = find_conflicts(_numbers(nine, eight))
    assert conflict.relation == "conflict" and {p.value for p in conflict.positions} == {"9 أعوام", "ثماني سنوات"}


def test_a_total_risen_beside_two_rival_counts_of_its_day_is_no_update():
    # Two outlets' floors of one day disagree (48 / 70) and a third says the toll rose to 150: three rival figures.
    low = Evidence(1, "a", "قالت منظمة إغاثة إن 48 شخصا على الأقل قتلوا في قصف البلدة.", "Outlet A", SUN)
    mid = Evidence(2, "b", "قتل 70 شخصا على الأقل في قصف البلدة.", "Outlet B", SUN)
    top = Evidence(3, "c", "ارتفعت حصيلة قتلى قصف البلدة إلى 150 قتيلا بحسب ناشطين.", "Outlet C", SUN)
    relations = {c.relation for c in find_conflicts(_numbers(low, mid, top))[0]}
    assert relations == {"conflict"}


def test_one_outlets_lower_figure_of_a_later_day_is_its_revision():
    # One outlet says 29 on Sunday, citing state media, and 25 on Monday: it revised its own toll. From another
    # outlet, the lower figure of the next day is a rival.
    sunday = Evidence(1, "a", "وأسفر إطلاق النار على الحشد عن مقتل 29 شخصا بحسب وسائل إعلام رسمية.", "Outlet A", SUN)
    monday = Evidence(2, "b", "وأدى إطلاق النار على الحشد إلى مقتل 25 شخصا.", "Outlet A", MON)
    (update,), _ = find_conflicts(_numbers(sunday, monday))
    assert update.relation == "update" and [p.value for p in update.positions] == ["29 شخصا", "25 شخصا"]
    other = Evidence(2, "b", "وأدى إطلاق النار على الحشد إلى مقتل 25 شخصا.", "Outlet B", MON)
    assert [c.relation for c in find_conflicts(_numbers(sunday, other))[0]] == ["conflict"]
    over = Evidence(1, "a", "وأسفر إطلاق النار على الحشد عن مقتل أكثر من 20 شخصا.", "Outlet A", SUN)
    again = Evidence(2, "b", "وأدى إطلاق النار على الحشد إلى مقتل نحو 20 شخصا.", "Outlet A", MON)
    assert find_conflicts(_numbers(over, again))[0] == []  # "about 20" the next day tells "more than 20" again


def test_an_age_without_its_years_meets_one_told_with_them():
    # "في سن الـ14" is an age with its years left out, not a rank ("الدورة الـ14"): it rivals "في سن 17 عاما".
    told = Evidence(1, "a", "وقالت أسرتها إن نادين زُوّجت وهي في سن 17 عاما رغما عنها.", "Outlet A", SUN)
    bare = Evidence(2, "b", "وزُوّجت نادين في سن الـ14 قبل أن تهرب إلى بيت جدتها.", "Outlet B", SUN)
    (conflict,), _ = find_conflicts(_numbers(told, bare))
    assert conflict.relation == "conflict" and {p.value for p in conflict.positions} == {"17 عاما", "14"}


def test_one_persons_ages_far_apart_told_a_day_apart_are_a_conflict():
    # Two outlets' ages of one named man, a day apart and 30 against 42: no year passed between, so they disagree.
    one = Evidence(1, "a", "وقالت الشرطة إن المهندس سامر الخطيب، البالغ من العمر 42 عاما، أصيب بالرصاص.", "Outlet A", SUN)
    two = Evidence(2, "b", "وأطلق مسلحون النار على سامر الخطيب، 30 سنة، أمام منزله.", "Outlet B", MON)
    (conflict,), _ = find_conflicts(_numbers(one, two))
    assert conflict.relation == "conflict" and {p.value for p in conflict.positions} == {"42 عاما", "30 سنة"}


def test_ages_far_apart_meet_only_on_a_name_near_them():
    # Both sentences open with one verb, far from the ages: a convict's 31 years and a child's 8 are two persons.
    convict = Evidence(1, "a", "أصدرت محكمة جنائية حكما بالسجن على سائق الحافلة، البالغ من العمر 31 عاما، لدهسه الطفلة.", "Outlet A", SUN)
    child = Evidence(2, "b", "أصدرت محكمة جنائية حكما بالسجن على سائق دهس أمام المدرسة طفلة عمرها ثماني سنوات.", "Outlet B", SUN)
    assert find_conflicts(_numbers(convict, child))[0] == []


@pytest.mark.parametrize(
    "arabic,english",
    [
        # one noun in two languages, the frames far apart (cosine ~0.4) and no named test keeping them apart
        (
            "أعلنت السلطات أن 17 طالبا لقوا مصرعهم نتيجة انهيار جسر كانوا يعبرونه.",
            "At least 19 students died when a bridge they were crossing collapsed.",
        ),
        # the Arabic count is coordinated with another noun ("and a teacher"): still a count of the students
        (
            "أعلنت السلطات أن 17 طالبا ومعلما لقوا مصرعهم نتيجة انهيار جسر كانوا يعبرونه.",
            "At least 19 students died when a bridge they were crossing collapsed.",
        ),
    ],
)
def test_one_noun_counted_in_two_languages_is_one_claim(arabic, english):
    found, _ = find_conflicts(_numbers(Evidence(1, "a", arabic, "Outlet A", SUN), Evidence(2, "b", english, "Outlet B", SUN)))
    assert [c.relation for c in found] == ["conflict"]
    assert {p.value for p in found[0].positions} == {"17 طالبا", "At least 19 students"}


def test_one_noun_in_two_languages_under_a_deed_only_one_states_is_two_counts():
    # guard: "still missing" (a deed the Arabic count does not state) counts other fishermen than those who died
    died = Evidence(1, "a", "قالت السلطات إن 12 صيادا لقوا مصرعهم عندما غرق قارب قبالة الساحل.", "Outlet A", SUN)
    missing = Evidence(2, "b", "Eight fishermen are still missing after the boat sank off the coast.", "Outlet B", SUN)
    assert find_conflicts(_numbers(died, missing))[0] == []


def _joining_years(first: str, second: str) -> list[schema.Conflict]:
    """Two outlets' years of a player's move, a day apart in publication."""
    return find_conflicts(
        extract_all(
            [
                Evidence(
                    1, "a", f"وكان المدافع قد انضم إلى صفوف نادي بنفيكا عام {first}، قادما من فريق بورتو.", "BBC", dt.date(2019, 3, 4)
                ),
                Evidence(2, "b", f"ونشأ المدافع في صفوف بورتو، وانضم إلى نادي بنفيكا في العام {second}.", "france24", dt.date(2019, 3, 5)),
            ]
        )
    )[0]


def test_two_outlets_neighbouring_years_of_one_move_are_a_conflict():
    (conflict,) = _joining_years("2016", "2015")
    assert conflict.kind == "date" and conflict.relation == "conflict"
    assert {p.value for p in conflict.positions} == {"عام 2016", "العام 2015"}


def test_years_far_apart_are_two_occurrences_not_a_conflict():
    assert _joining_years("2016", "2012") == []
