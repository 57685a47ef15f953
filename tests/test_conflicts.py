"""Conflicts on the seed articles: the arrival disagreement is found; same facts and other events are not conflicts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bot.claims import Evidence, extract_claims
from bot.conflicts import describe_conflict, find_conflicts, independent_sources, jaccard, same_frame

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"
WED = dt.date(2020, 7, 8)
THU = dt.date(2020, 7, 9)
S000, S001, S002, S003, S004 = (
    "000_2330c4a5d8c05031", "001_b94b94cd0e2e6da0", "002_12e280588d4502f7", "003_973aaadb01d70f69", "004_992054940200dc08")


def seed_sentence(stem: str, start: str, end: str) -> str:
    """Verbatim sentence from a seed: from ``start`` through the first ``end`` after it."""
    text = (SAMPLES / f"{stem}.txt").read_text(encoding="utf-8")
    i = text.index(start)
    return text[i:text.index(end, i) + len(end)]


def ev(n: int, stem: str, start: str, end: str, outlet: str | None, anchor: dt.date | None) -> Evidence:
    return Evidence(n=n, doc_id=stem, text=seed_sentence(stem, start, end), outlet=outlet, anchor=anchor)


ARRIVAL = [
    ev(1, S000, "وبينما ذكرت", "منذ أيام.", "الخليج الجديد", WED),
    ev(2, S001, "ووصل باقري", "الدفاع السوري.", "شينخوا", WED),
    ev(3, S002, "وأكد رئيس الأركان الإيراني الذي", "الجوي.", None, WED),
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


ARRIVAL_SIDES = ["2020-07-07 evening", "2020-06-28..2020-07-06"]  # Tuesday evening vs "for days"


def claims_of(evidence):
    return [c for e in evidence for c in extract_claims(e)]


def test_arrival_conflict_has_the_right_sides():
    conflicts, _ = find_conflicts(claims_of(ARRIVAL))
    (conflict,) = conflicts
    assert conflict.kind == "date" and conflict.relation == "conflict"
    assert "وصل" in conflict.topic and "باقري" in conflict.topic  # the claim, in a source's own words
    tuesday, days = conflict.positions
    assert tuesday.normalized == "2020-07-07 evening" and tuesday.citations == [1, 2, 3]
    assert "Al Arabiya" in tuesday.attributed_to and "Xinhua" in tuesday.attributed_to
    assert "Al Jazeera" not in tuesday.attributed_to
    assert days.normalized == "2020-06-28..2020-07-06" and days.citations == [1]
    assert days.attributed_to == "Al-Khaleej Al-Jadeed, citing Al Jazeera's Iran bureau chief Abdelkader Fayez"
    assert days.value == "منذ أيام"
    assert (tuesday.independent_sources, days.independent_sources) == (3, 1)


def test_describe_arrival_conflict():
    (conflict,), _ = find_conflicts(claims_of(ARRIVAL))
    en = describe_conflict(conflict, "en")
    assert en.startswith("Sources disagree on the date: Al Arabiya (via Al-Khaleej Al-Jadeed)")
    assert "Tuesday evening, 7 July 2020 [1][2][3]" in en
    assert "had already been there for days before 8 July 2020 [1]" in en
    ar = describe_conflict(conflict, "ar")
    assert ar.startswith("تختلف المصادر حول التاريخ: العربية (عبر الخليج الجديد)")
    assert "مساء الثلاثاء 7 يوليو 2020" in ar and "عبدالقادر فايز، مدير مكتب الجزيرة في إيران" in ar


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
    assert S003 in note and "Hatami" in note and "2018" in note and "Bagheri" in note and "8 July 2020" in note


def test_repeated_events_never_conflict_on_date():
    since_2011 = ev(11, S001, "ومنذ بدء الحرب", "في سوريا.", "شينخوا", WED)
    assert find_conflicts(claims_of(STRIKE + [since_2011]))[0] == []


def test_whole_seed_set_gives_exactly_the_arrival_conflict():
    conflicts, notes = find_conflicts(claims_of(ARRIVAL + SIGNING + OTHER_AGREEMENTS + STRIKE))
    assert [(c.kind, [p.normalized for p in c.positions]) for c in conflicts] == [("date", ARRIVAL_SIDES)]
    assert len(notes) == 1


def test_same_source_does_not_conflict_with_itself():
    one_source = [Evidence(1, "x", "وصل باقري إلى دمشق مساء الثلاثاء.", "شينخوا", WED),
                  Evidence(2, "x", "وباقري متواجد في دمشق منذ أيام.", "شينخوا", WED)]
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
    assert len(notes) == 1 and "Hatami" in notes[0]


def test_counts_conflict_only_when_intervals_cannot_overlap():
    a = Evidence(1, "a", "وأدى القصف إلى مقتل 5 عناصر.", "شينخوا", WED)
    b = Evidence(2, "b", "وأدى القصف إلى مقتل عشرات العناصر.", "الخليج الجديد", WED)
    c = Evidence(3, "c", "وأدى القصف إلى مقتل نحو 30 عنصرا.", "الخليج الجديد", WED)
    (conflict,), _ = find_conflicts(claims_of([a, b]))
    assert conflict.kind == "number"
    assert find_conflicts(claims_of([b, c]))[0] == []
