"""Atomic claims from cited evidence sentences: who says which value, in which frame.

Why this shape: conflicts exist between *claims*, not between sentences, and a
claim is a value (a date, a count) together with what is said about it. Two
sentences "make the same claim" when their frames — the words around the value,
with the values themselves (dates, numbers, persons, places) masked — say the
same thing; they disagree when, in addition, their values cannot both be true.
Nothing here knows any event type: "وصل # إلى # #" and "متواجد في # منذ #"
meet because a multilingual sentence embedder finds the frames close
(``bot.conflicts``), the same way "مقتل # شخصا" meets "# killed".

So each sentence is split into voice segments (``bot.attribution``: each
party's clause, and the rest in the outlet's own voice), and each date or
count in a segment yields one claim with

* its **frame**: the value's own stretch of the clause — from the previous
  value (or clause break) to the next one, cut at the conjunction that starts
  the next value's clause ("قتل # أشخاص، | وأصيب # شخصا") or at a coordinated
  predicate ("توفي # أشخاص | وأصيب آخرون") — masked; a count coordinated
  right after another ("بلغ عدد الضحايا 3 قتلى و20 مصابا") shares its predicate;
  spans of time ("منذ 30 عاما") bound dates' frames, not counts';
* its **period** for counts: the time expression of the same segment the count
  is about ("منذ عام 2012", "الأحد"); a count over a long or past period is
  background and is only compared with counts over the same kind of period;
* the **actors** (persons named in the segment) and **year**, which keep two
  occurrences of one kind of event apart (a 2018 signing is not the 2020 one);
* for counts, **what is counted**: the noun (a part, "five of 8 missiles",
  counts the whole's), the **measure** of an amount or a share ("a $500 million
  loan", "a 15% rise"), whether the noun is one of a coordination ("107
  passengers and crew") or the count names some of a group ("بينهم 3 صحفيين"),
  and the names and words of its frame (what a height or a share is of), so
  only figures of one thing are compared; its interval is as precise as its
  written form ("4.7 مليار" is 4.65–4.75 billion: ``language.numbers.rounding``);
  the noun's **qualifier** ("رجال أمن", "عناصر أمن": one group in two words), and
  whether a count with no noun leaves out the noun of a count before it
  ("قتل 77 شخصا، وأصيب 143"). A count's actors are those who do what it counts,
  never those who say it ("أعلنت الوزارة مقتل 3").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from bot import schema
from bot.crosslingual import arabic_keywords, load_lexicon
from bot.attribution import Attribution, extract_attributions, format_attribution, outlet_label, party_outlet
from bot.entities import EntityMention, display, find_entities
from language.calendar import MONTHS, WEEKDAYS, TimeMention, is_dateline, resolve_times
from language.lexicon import REPORTING_VERBS_AR, recalls_earlier
from language.names import NameBook, common_nouns, find_persons, learn
from language.normalize import ARABIC_LETTER, PROCLITICS_AR, STOPWORDS, fold_with_offsets, normalize_arabic, under_proclitic
from language.places import find_places
from language.numbers import (
    Quantity,
    anyone_units,
    coarseness,
    contrasting_predicates,
    count_predicates,
    deed_key,
    deed_predicates,
    find_quantities,
    is_measure,
    numbered_noun,
    passing_bound,
    rounding,
    spaced_numbers,
    time_units,
    unit_key,
)
from vectorstore.metadata import dateline_end

#: Words of a frame before its value: the predicate comes before ("قتل 4 أشخاص"). Words after a
#: value are mostly the next piece of news and only blur the frame: they are taken only to make up
#: ``FRAME_WORDS_AFTER`` content words when the clause before is short ("..., الأربعاء، اتفاقية عسكرية").
FRAME_WORDS_BEFORE = 5
FRAME_WORDS_AFTER = 3
#: Words next to a value whose stems are its cues ("مقتل" in "مقتل 11 شخصا").
CUE_WORDS = 3
#: A count's period longer than this (days) is a running total ("since 2012"), not the news of the day.
BACKGROUND_SPAN_DAYS = 62
#: A count whose period ended this many days before its article is a past event ("last February's crash").
PAST_DAYS = 7
MASK = "#"


@dataclass(frozen=True)
class Evidence:
    """One cited sentence and what we know about its article."""

    n: int  # citation number in the answer
    doc_id: str
    text: str  # the verbatim sentence
    outlet: str | None  # article outlet (may be Arabic)
    anchor: dt.date | None  # article date (publication or stated dateline)
    title: str | None = None  # article title: names an article that gives no outlet (attribution.unnamed_source)


@dataclass(frozen=True)
class Claim:
    """One (voice × value) assertion, with enough to compare it to others."""

    slot: str  # "date" | "number" | "actor" (who acts: keeps occurrences apart, never a conflict of its own)
    value: str  # original words
    normalized: str
    parties: tuple[schema.Party, ...]  # exactly who states it: the outlet and whom it cites (rendered by bot.conflicts)
    evidence_n: int
    doc_id: str
    frame: str  # the value's clause, values masked: what is compared across sources
    phrase: str = ""  # the same clause unmasked, to show
    cues: frozenset[str] = frozenset()  # light stems of the words just before the value, and of a count's noun
    year: int | None = None
    origin: str = ""  # the first-hand source: the innermost cited party, else the outlet, else the article (a key, never shown)
    actors: tuple[str, ...] = ()
    actor_names: tuple[tuple[str, str], ...] = ()  # (actor key, the name in the sentence's words), to show
    value_start: dt.date | None = None
    value_end: dt.date | None = None
    part_of_day: str | None = None
    weekday: int | None = None  # the weekday a date off the calendar names ("أمس الثلاثاء" in an undated article), Monday = 0
    low: float | None = None
    high: float | None = None
    bound: str | None = None  # "floor" or "ceiling": the end of its interval the words state (``Quantity.bound``)
    about: float | None = None  # the figure an approximation states ("نحو 300", "قرابة 48" → 300, 48): ``Quantity.stated``
    floor_figure: float | None = None  # the figure a floor is said of ("أكثر من 100", "11 على الأقل" → 100, 11)
    vague: bool = False  # a vague count word ("مئات", "عشرات"): a range that states no figure (``Quantity.vague``)
    unit: str | None = None
    kind: str = "count"  # count | money | percent (``language.numbers.Quantity.kind``)
    measure: str | None = None  # what an amount or a share is of: the stem of the word after it ("loan", "rise")
    partial: bool = False  # its noun is coordinated with another ("107 ركاب وطاقم", "22 pupils and a woman"): see _addend
    coordinated: bool = False  # it shares the predicate of the count before it ("3 قتلى و20 مصابا"): see _shared_head
    whole: bool = False  # another count of its sentence is a part of it ("five of the eight missiles": the eight)
    subset: bool = False  # it counts some of a group ("بينهم 3 صحفيين", "اثنين من القتلى"): see _subset
    qualifier: str | None = None  # the noun qualifying its noun ("ثلاثة رجال أمن" → "امن"): see _qualifier
    elided: bool = False  # no noun of its own after a count of a noun: that noun is meant ("قتل 77 شخصا، وأصيب 143")
    others_of: str | None = None  # its noun is "others" ("قتل 17 شخصا وأصيب 36 آخرون"): the noun before it, "شخص"
    names: tuple[str, ...] = ()  # persons and places its frame names (an id where one is known, else the folded words)
    countries: frozenset[str] = frozenset()  # countries its sentence names, itself or by a city (ISO codes): where it happened
    context: frozenset[str] = frozenset()  # stems of its frame's words, names kept, values left out: what a measure is of
    lead: frozenset[str] = frozenset()  # the part of ``context`` before the value: where its predicate stands
    coarse: float = 0.0  # a round measure ("250 km/h", "41%") may stand for a precise one this far off (``coarseness``)
    recalled: bool = False  # its sentence opens in the pluperfect ("وكان ... قد"): a past report or event (``recalls_earlier``)
    running: bool = False  # counted since an undated start ("منذ بدء العملية", "since the start of the war": ``_since_start``)
    period_start: dt.date | None = None  # what a count is counted over, when the sentence says
    period_end: dt.date | None = None
    anchor: dt.date | None = None
    sentence: str = field(default="", repr=False)

    @property
    def deeds(self) -> frozenset[str]:
        """The deed a count states of its noun (not ``Quantity.stated``, the figure it states): the noun itself where it
        names a predicate ("قتلى", "جرحى"), else its predicate cues ("على متنها")."""
        return frozenset({self.unit}) if self.unit in count_predicates() else self.cues & count_predicates()

    @property
    def event(self) -> str:
        """Older name of ``frame``: what the claim is about."""
        return self.frame

    @property
    def background(self) -> bool:
        """A running total or a past figure: counted since a start the sentence names without a date, or its
        period is long, or it ended well before the article."""
        if self.running:
            return True
        if self.period_start is None or self.period_end is None:
            return False
        if (self.period_end - self.period_start).days > BACKGROUND_SPAN_DAYS:
            return True
        return bool(self.anchor and (self.anchor - self.period_end).days > PAST_DAYS)


#: Persons named only as a regime's or beneficiary's label are not actors ("نظام الأسد").
_NOT_ACTOR_BEFORE = re.compile(r"(?<!\w)(?:نظام|لمساعده|دعم|مساعده|قوات|دفاعات|حكومه|جيش|regime)\s*[\"«]?\s*$")
#: Clause breaks inside a sentence; a frame never crosses one.
CLAUSE_BREAK = re.compile(r"[،,;؛:.!?؟()\[\]\n]|\s[-–—]\s")
#: The conjunction that opens a coordinated clause: Arabic و as a prefix, English "and".
_CONJ = re.compile(r"(?<!\S)(?:و(?=\w)|and\s|while\s|بينما\s)")


@dataclass(frozen=True)
class _Segment:
    start: int
    end: int
    parties: tuple[Attribution, ...]


@dataclass(frozen=True)
class _Value:
    start: int
    end: int
    slot: str
    time: TimeMention | None = None
    quantity: Quantity | None = None


def _segments(sentence: str, attributions: list[Attribution], start: int) -> list[_Segment]:
    """Each attributed clause, plus the gaps between them in the outlet's voice, from ``start`` on: a wire dateline
    before it ("TORONTO (Reuters) -") says where the report was filed, and in a frame it only makes two outlets'
    words of one claim look less alike."""
    by_span: dict[tuple[int, int], list[Attribution]] = {}
    for a in attributions:
        if a.claim_end > a.claim_start:
            by_span.setdefault((a.claim_start, a.claim_end), []).append(a)
    segments, cursor = [], 0
    for s, e in sorted(by_span):
        if s > cursor:
            segments.append(_Segment(cursor, s, ()))
        segments.append(_Segment(s, e, tuple(by_span[(s, e)])))
        cursor = max(cursor, e)
    if cursor < len(sentence):
        segments.append(_Segment(cursor, len(sentence), ()))
    clipped = [_Segment(max(seg.start, start), seg.end, seg.parties) for seg in segments if seg.end > start]
    return [seg for seg in clipped if sentence[seg.start : seg.end].strip(" ،,.")]


def _actors(sentence: str, mentions: list[EntityMention], party_spans: list[tuple[int, int]]) -> list[str]:
    """Person ids acting in the sentence, in order, minus party names and regime labels."""
    out: list[str] = []
    for m in mentions:
        if m.type != "person" or not m.id or any(s <= m.start < e for s, e in party_spans):
            continue
        if _NOT_ACTOR_BEFORE.search(fold_with_offsets(sentence[max(0, m.start - 20) : m.start])[0]):
            continue
        if m.id not in out:
            out.append(m.id)
    return out


def _reporting_heads(sentence: str, attributions: list[Attribution], times: list[TimeMention]) -> list[tuple[int, int]]:
    """The spans naming who reports: each party, with the day right after it when its clause follows ("قالت الشرطة،
    الثلاثاء، إن", "قالت الشرطة اليوم إن"). A day further on ("رئيس الأركان الذي وصل مساء أمس") is the story's."""
    spans = []
    for a in attributions:
        if a.party_start is None or a.party_end is None:
            continue
        end = a.party_end
        if a.claim_start > end:
            end = next((t.end for t in times if t.end <= a.claim_start and not sentence[end : t.start].strip(" ،,")), end)
        spans.append((a.party_start, end))
    return spans


def _values(
    sentence: str, seg: _Segment, times: list[TimeMention], quantities: Sequence[Quantity], party_spans: list[tuple[int, int]]
) -> list[_Value]:
    """Dates and counts of one segment, in order; a count inside a date ("2020") is the date's.

    A date among the words that name who reports ("ذكرت الوكالة، الأحد، أن", "قالت الشرطة اليوم إن") dates the report,
    not the event: two outlets telling one statement on the days they heard it do not disagree on its day.
    """
    found = [
        _Value(t.start, t.end, "date", time=t)
        for t in times
        if seg.start <= t.start < seg.end and not any(s <= t.start < e for s, e in party_spans)
    ]
    for q in quantities:
        if seg.start <= q.start < seg.end and not any(v.start < q.end and q.start < v.end for v in found):
            found.append(_Value(q.start, q.end, "number", quantity=q))
    return sorted(found, key=lambda v: v.start)


def _counts_things(v: _Value) -> bool:
    """A count of things, not a date nor a span of time ("15 عاما", "three days": ``language.numbers.time_units``)."""
    return v.quantity is not None and v.quantity.unit_key not in time_units()


#: The word after a value, short vowels kept inside it: a count's noun may end in a tanween its value leaves out
#: ("17 شخصاً قُتلوا": the predicate after it is "قتلوا", not "ق").
_NEXT_WORD = re.compile(r"[\u064b-\u065f\u0670\u0640]*\s+((?:[^\W\d_]|[\u064b-\u065f\u0670\u0640])+)")


def _boundary(sentence: str, left: _Value, right: _Value) -> int:
    """Where the left value's clause ends and the right one's begins.

    At a clause break or at the conjunction that opens the right value's clause
    ("قتل 4 أشخاص، وأصيب 30"); otherwise right after the left value, since
    news Arabic puts the predicate before its number ("ثم قتل 5"), or after the
    predicate that follows the left count where the sentence puts it there
    ("أن 436 شخصا قتلوا | في الكارثة بالإضافة إلى إصابة 1353").
    """
    between = sentence[left.end : right.start]
    if breaks := [m.end() for m in CLAUSE_BREAK.finditer(between)]:
        return left.end + breaks[-1]
    if conj := _CONJ.search(between):
        return left.end + conj.start()
    after = _NEXT_WORD.match(between)
    word = _HARAKAT.sub("", after.group(1)) if after else ""
    if left.quantity is None or not _states_a_count(word) or _predicate_before(sentence, left) and not _construct_noun(word):
        return left.end
    return left.end + after.end()


def _construct_noun(word: str) -> bool:
    """Is a word after a count's noun a noun joined to it (an indefinite noun of ة: "41 حالة إصابة", "3 حالات وفاة")
    rather than a verb? A verb never ends in ة, and a noun with ال opens a phrase of its own. Such a noun says what
    the count is of, even where a predicate stands before the count ("تسجيل 41 حالة إصابة بالكوليرا في أربع
    ولايات"); read as the next figure's, the cases lost their deed to the provinces."""
    return word.endswith("ة") and not normalize_arabic(word).startswith("ال")


def _predicate_before(sentence: str, v: _Value) -> bool:
    """Does a word stating a count stand among the words just before the value in its clause ("قتل 5 أشخاص")? Not a
    verb of saying ("قال مسؤولون إن 11 شخصا قتلوا"): news often has one before a figure, but it reports the clause."""
    clause = CLAUSE_BREAK.split(sentence[: v.start])[-1]
    return any(_states_a_count(w) and normalize_arabic(w) not in REPORTING_VERBS_AR for w in clause.split()[-CUE_WORDS:])


def _words(sentence: str, lo: int, hi: int, mentions: list[EntityMention]) -> list[re.Match[str]]:
    """Words of ``sentence[lo:hi]`` that are not names (names are masked, so they carry no frame)."""
    return [
        m for m in re.finditer(r"\S*\w\S*", sentence[lo:hi]) if not any(e.start < lo + m.end() and lo + m.start() < e.end for e in mentions)
    ]


def _content_words(sentence: str, lo: int, hi: int, mentions: list[EntityMention]) -> int:
    """Words of three letters or more in ``sentence[lo:hi]`` that are not names."""
    return sum(1 for m in _words(sentence, lo, hi, mentions) if re.fullmatch(r"\W*[^\W\d_]{3,}\W*", m.group(0)))


#: "أن", "إن", "بأن" or "that" right before a count: the count is the subject of the clause it opens, whose predicate
#: follows.
_COMPLEMENTIZER = re.compile(r"(?:^|\s)((?:[وفب]?[أإا]ن|that))\s+$")


def _frame_span(sentence: str, seg: _Segment, values: list[_Value], i: int, mentions: list[EntityMention]) -> tuple[int, int]:
    """The value's own stretch of its clause: ``FRAME_WORDS_BEFORE`` words before it, ``FRAME_WORDS_AFTER`` after.

    A value that opens its clause ("..., يوم الأربعاء", "وفي صيف 2018، وقع ...")
    takes the clause before it, or more words after it, so the frame holds a predicate. A count right after "أن",
    "إن" or "that" opens its own clause: its frame starts there and takes its predicate after it ("وقالت إن # أشخاص
    مازالوا في المستشفى", not the words of the clause before: "رفعت العدد الرسمي للقتلى").
    """
    v = values[i]
    lo = _boundary(sentence, values[i - 1], v) if i > 0 else seg.start
    hi = _boundary(sentence, v, values[i + 1]) if i + 1 < len(values) else seg.end
    starts = [lo] + [lo + b.end() for b in CLAUSE_BREAK.finditer(sentence[lo : v.start])]
    if v.quantity is not None and (opener := _COMPLEMENTIZER.search(sentence, lo, v.start)):
        lo = opener.start(1)  # "وقالت إن | # أشخاص مازالوا في المستشفى": the count is its clause's subject
    else:
        lo = next((s for s in reversed(starts) if _content_words(sentence, s, v.start, mentions) >= 2), starts[0])
    before = _words(sentence, lo, v.start, mentions)
    if len(before) > FRAME_WORDS_BEFORE:
        lo += before[-FRAME_WORDS_BEFORE].start()
    content = _content_words(sentence, lo, v.start, mentions)
    after_max = max(0, FRAME_WORDS_AFTER - content)
    if content >= 2 and (m := CLAUSE_BREAK.search(sentence, v.end, hi)):
        hi = m.start()
    if v.quantity is not None and (m := _COORDINATED.match(sentence, v.end, hi)) and _states_a_count(m.group(1)):
        hi = m.start()  # "توفي عشرة أشخاص | وأصيب آخرون": the next clause is another claim's
    after = _words(sentence, v.end, hi, mentions)
    if len(after) > after_max:
        hi = v.end + (after[after_max - 1].end() if after_max else 0)
    return lo, hi


#: Nothing but a conjunction between two counts: "3 قتلى و20 مصابا", "3 dead and 20 injured".
_BARE_CONJ = re.compile(r"\s*(?:و|and|,|،)?\s*")


def _shared_head(sentence: str, seg: _Segment, values: list[_Value], i: int, mentions: list[EntityMention]) -> tuple[int, int]:
    """The words before the previous count, when this count is coordinated right after it with no predicate of its
    own ("بلغ عدد الضحايا 3 قتلى و20 مصابا": "20 مصابا" is what "بلغ عدد الضحايا" states too); else an empty span.

    Its own frame starts at the conjunction and would hold no predicate ("و# مصابا")."""
    if i == 0 or values[i - 1].quantity is None or not _BARE_CONJ.fullmatch(sentence[values[i - 1].end : values[i].start]):
        return (0, 0)
    lo, _ = _frame_span(sentence, seg, values, i - 1, mentions)
    return (lo, values[i - 1].start)


def _head_cues(sentence: str, head: tuple[int, int], mentions: list[EntityMention]) -> frozenset[str]:
    """Stems of the shared predicate's last words (``_shared_head``), as a value's own cues are taken."""
    words = [_cue_stem(w) for w in _cue_words(sentence, head[0], head[1], mentions)][-CUE_WORDS:]
    return frozenset(w for w in words if len(w) >= 3)


def _masked(
    sentence: str, lo: int, hi: int, values: list[_Value], mentions: list[EntityMention], nouns: dict[int, str] | None = None
) -> str:
    """The frame text with dates, numbers, persons and places replaced by ``MASK`` (a count keeps its noun;
    ``nouns``: the noun a part counts, by its start, "shot down # missiles" for "shot down five of 8 missiles")."""
    spans: list[tuple[int, int, str]] = []
    for v in values:
        if v.end <= lo or v.start >= hi:
            continue
        q = v.quantity
        noun = (nouns or {}).get(v.start) or (q.unit_text if q is not None and q.unit_text else "")
        spans.append((max(v.start, lo), min(v.end, hi), f"{MASK} {noun}".strip()))
    for m in mentions:  # a name cut by the frame's edge is masked too ("[رئيس] الأركان الإيراني")
        s, e = max(m.start, lo), min(m.end, hi)
        if m.type in ("person", "place") and s < e and not any(a < e and s < b for a, b, _ in spans):
            spans.append((s, e, MASK))
    out, cursor = [], lo
    for s, e, rep in sorted(spans):
        if s < cursor:
            continue
        out.append(sentence[cursor:s])
        out.append(rep)
        cursor = e
    out.append(sentence[cursor:hi])
    text = re.sub(r"[\"'«»“”()]*#(?:['’]s\b)?[\"'«»“”()]*", MASK, "".join(out))
    # One mask per run of masked words: a frame of many "#" reads as "#" to the embedder, not as its predicate.
    text = re.sub(r"#(?:[\s،,/و]*#)+", MASK, text)
    return re.sub(r"\s+", " ", text).strip(" ،,.")


_HARAKAT = re.compile("[\u064b-\u065f\u0670\u0640]")  # short vowels and tatweel: "قُتل" is one word


def _cue_words(sentence: str, lo: int, hi: int, mentions: list[EntityMention]) -> list[str]:
    """Words of ``sentence[lo:hi]`` with names blanked out and short vowels dropped."""
    chars = list(sentence[lo:hi])
    for e in mentions:
        for i in range(max(e.start, lo), min(e.end, hi)):
            chars[i - lo] = " "
    words = [_unconjoined(w) for w in re.findall(r"[^\W\d_]+", _HARAKAT.sub("", "".join(chars)))]
    return [w for w in words if normalize_arabic(w) not in STOPWORDS and not _weekday(w)]  # "the", "على": shared by any two frames


def _weekday(word: str) -> bool:
    """Is a word a weekday's name ("الأحد", "Sunday")? It says on which day a figure was given ("اعتقلت الشرطة الأحد
    ستة أشخاص"), not what is counted, though news puts it before figures so often that the learned count predicates
    hold it ("احد", "ربعء"): as a cue it would set two counts of one deed apart, and any two reports of a Sunday would
    share it."""
    return normalize_arabic(word).lower() in WEEKDAYS


def _unconjoined(word: str) -> str:
    """ "وأصيب" → "أصيب": the conjunction off a predicate that states a count, so "وأصيب 30" and "أصيب 30" share
    their cue ("وزير" keeps its و: "زير" states no count)."""
    return word[1:] if word.startswith("و") and len(word) > 3 and _states_a_count(word[1:]) else word


def _cues(sentence: str, lo: int, hi: int, value: _Value, mentions: list[EntityMention]) -> frozenset[str]:
    """Stems of the value's nearest words before it and the first after it that says something of what is counted
    (names, the noun's qualifier and a demonym skipped: "أربعة عناصر أمن سعوديين قتلوا" → "قتلوا"), and of a count's
    noun."""
    q = value.quantity
    noun_key = unit_key(q.unit) if q is not None and q.unit and q.unit_text else None  # "46 عدد القتلى" counts "القتلى"
    said_of_noun = {noun_key, _qualifier(sentence, value.quantity)}
    before = _nearest_deed([_cue_stem(w) for w in _cue_words(sentence, lo, value.start, mentions)][-CUE_WORDS:])
    after = [
        k
        for w in _cue_words(sentence, value.end, hi, mentions)
        if len(k := _cue_stem(w)) >= 3 and k not in said_of_noun and not find_places(w)
    ][:1]
    stems = set(before + after) | ({noun_key} if noun_key else set())
    return frozenset(s for s in stems if len(s) >= 3)


def _nearest_deed(stems: list[str]) -> list[str]:
    """Cue stems before a count, less a deed the corpus sets against the count's own (the nearest:
    ``contrasting_predicates``) where a word stands between them: in "قتل شرطي وأصيب 4 آخرون" the 4 were injured,
    "قتل" is said of "شرطي". Deeds joined with nothing between ("قتل وأصيب 30") both state the count, and a deed that
    is no rival of the nearest ("بالسجن 3 سنوات على 6 متهمين") stays. Without this a story's injured shared the
    killed's deed and were compared with its toll."""
    deeds = [j for j, k in enumerate(stems) if len(k) >= 3 and k in deed_predicates()]  # a short stem is no cue
    if len(deeds) < 2:
        return stems
    last = deeds[-1]
    owned = {j for j in deeds[:-1] if last - j > 1 and contrasting_predicates(stems[j], stems[last])}
    return [k for j, k in enumerate(stems) if j not in owned]


def _clause_start(sentence: str, floor: int, pos: int) -> int:
    """Where the clause holding ``pos`` begins, not before ``floor``: after the last ``CLAUSE_BREAK`` between them."""
    return max([floor] + [floor + m.end() for m in CLAUSE_BREAK.finditer(sentence[floor:pos])])


def _with_clause_deed(
    cues: frozenset[str], sentence: str, seg: _Segment, values: list[_Value], i: int, lo: int, mentions: list[EntityMention]
) -> frozenset[str]:
    """A count's cues, plus the deed its clause opens with when its frame states none: news Arabic puts the verb
    first, and adverbials may stand between it and its count ("كما أصيب من جراء القصف الجوي والمدفعي أكثر من 4300
    آخرين"); the deed (``deed_predicates``: the killed, the injured) is what tells one count of a story from
    another. A deed word inside the clause is no predicate of it ("دعت ... لسفينة إنقاذ ... لإنزال # مهاجرا"), and a
    count after a complementizer (``_COMPLEMENTIZER``: "وقالت إن # أشخاص") is the subject of its own clause."""
    v = values[i]
    if v.quantity is None or cues & deed_predicates():
        return cues
    start = _clause_start(sentence, _boundary(sentence, values[i - 1], v) if i > 0 else seg.start, lo)
    if _COMPLEMENTIZER.search(sentence, start, v.start):
        return cues  # "وقالت إن # أشخاص ما زالوا في المستشفى": the count opens its own clause, its predicate follows
    head = [_cue_stem(w) for w in _cue_words(sentence, start, lo, mentions)][:1]
    return cues | frozenset(k for k in head if k in deed_predicates())


def _with_arabic_deeds(cues: frozenset[str]) -> frozenset[str]:
    """Cues, with the Arabic count predicates the learned lexicon (``bot.crosslingual``) gives for English ones ("kill"
    → "قتل", "injur" → "اصب"). The predicates were learned from Arabic news (``count_predicates``), so without this
    an English count shares no cue with an Arabic one ("killing 14 people" / "مقتل 14 شخصا"), and the deeds that keep
    a story's killed apart from its injured (``bot.conflicts._other_deeds``) never apply across languages."""
    lexicon, predicates = load_lexicon(), count_predicates()
    return cues | frozenset(k for c in cues if c.isascii() for t in lexicon.en_ar.get(c, ()) if (k := _cue_stem(t)) in predicates)


def _cue_stem(word: str) -> str:
    """A cue word's light stem (``unit_key``), or the folded word where the stem is too short to tell one word from
    another: a verb of a weak root keeps one or two root letters ("توفي" → "تف", "لقوا" → "لق"), so "توفي # شخصا" and
    "توفي # شخصا" would share no cue. A function word ("على") stays short, and so no cue."""
    key = unit_key(word)
    if key not in count_predicates() and (deed := _feminine_past_of(word)):
        return deed  # "سقطت" states what "سقط" does: one cue
    folded = normalize_arabic(word)
    return key if len(key) >= 3 or word in STOPWORDS or folded in STOPWORDS else folded


def _actor_claim(
    sentence: str, seg: _Segment, mentions: list[EntityMention], actors: tuple[str, ...], values: list[_Value], base: dict
) -> Claim:
    """Who acts in a segment, framed by the segment's head clause (news Arabic is verb-first)."""
    head = _words(sentence, seg.start, seg.end, mentions)
    hi = seg.start + head[min(len(head), FRAME_WORDS_BEFORE + FRAME_WORDS_AFTER) - 1].end() if head else seg.end
    names = [m for m in mentions if m.type == "person" and m.id in actors]
    return Claim(
        slot="actor",
        value="، ".join(dict.fromkeys(m.text for m in names)),
        normalized=",".join(sorted(actors)),
        frame=_masked(sentence, seg.start, hi, values, mentions),
        phrase=sentence[seg.start : hi].strip(" ،,."),
        actors=actors,
        **base,
    )


#: Nothing but a preposition of time between a count and a time after it ("أنقذت 120 مهاجرا في مارس الماضي").
_TIME_RIGHT_AFTER = re.compile(r"\s*(?:في|خلال|منذ|in|during|since)?\s*")


def _period(sentence: str, times: list[TimeMention], seg: _Segment, lo: int, hi: int, q: Quantity) -> TimeMention | None:
    """What a count is counted over: the nearest resolved time in its frame, else one right after the count, outside
    a frame cut short after its noun ("وكانت أعلنت عن إنقاذ 120 مهاجرا | في مارس الماضي"), else one that opens its
    sentence ("وفي شباط الماضي، تحطمت طائرة ... مقتل 65") — not a date deep inside another clause."""
    resolved = [t for t in times if t.resolved and t.value_start and t.value_end]
    own = [t for t in resolved if t.start < hi and lo < t.end]  # one cut by the frame's edge too ("شباط | الماضي ما أسفر")
    if not own:
        own = [t for t in resolved if t.start >= q.end and _TIME_RIGHT_AFTER.fullmatch(sentence, q.end, t.start)]
    if not own:
        own = [t for t in resolved if seg.start <= t.start < q.start and _content_words(sentence, seg.start, t.start, []) <= 1]
    return min(own, key=lambda t: abs(t.start - q.start), default=None)


#: A count's clause saying it runs from the start of something ("منذ بدء/بداية/انطلاق/اندلاع", "since the start /
#: beginning / outbreak of"), or from what began on a day ("خلال مظاهرات بدأت في 30 آذار", "protests that began
#: on 30 March"), folded: a running total, whatever date (often none) the start has.
_SINCE_START = re.compile(
    r"(?<!\w)(?:منذ\s+(?:بدء|بدايه|انطلاق|اندلاع)|since\s+the\s+(?:start|beginning|outbreak|launch)\s+of)(?!\w)"
    rf"|(?<!\w)(?:بدات|بدا|انطلقت|اندلعت|began|started|erupted)\s+(?:في|منذ|on|in)\s+(?:\d|(?:{'|'.join(sorted(MONTHS, key=len, reverse=True))})(?!\w))"
)
#: A clause that opens with "since" ("قتل 21 شخصا، منذ بداية الاحتجاجات"): it says what the count before it runs from.
_SINCE_OPENING = re.compile(r"^\W*(?:منذ|since)(?!\w)")


def _since_start(sentence: str, q: Quantity) -> bool:
    """Is a count said, in its own clause (``CLAUSE_BREAK``), in a short one opening its sentence ("منذ بداية
    الحرب، قتل ..."), or in one right after it that opens with "since" ("قتل 21 شخصا، منذ بداية الاحتجاجات"), to run
    from the start of something? "قتل أكثر من 40 مدنيا منذ بدء العملية" is the operation's running total, not one
    day's toll another outlet gives."""
    breaks = list(CLAUSE_BREAK.finditer(sentence))
    start = max((m.end() for m in breaks if m.end() <= q.start), default=0)
    end = next((m.start() for m in breaks if m.start() >= q.end), len(sentence))
    opening = sentence[: next((m.start() for m in breaks), len(sentence))]
    after = sentence[end : next((m.start() for m in breaks if m.start() > end), len(sentence))]
    clauses = [sentence[start:end]] + ([opening] if len(opening.split()) <= OPENING_WORDS else [])
    clauses += [after] if _SINCE_OPENING.match(normalize_arabic(after).lower()) else []
    return any(_SINCE_START.search(normalize_arabic(c).lower()) for c in clauses)


#: The most words a sentence's opening clause may have to set the period of the counts after it.
OPENING_WORDS = 5


def _year(t: TimeMention | None) -> int | None:
    if t and t.resolved and t.value_start and t.value_end and t.value_start.year == t.value_end.year:
        return t.value_start.year
    return None


def _mentions(sentence: str, book: NameBook | None, quantities: Sequence[Quantity] = ()) -> list[EntityMention]:
    """Names to mask: persons found in the text (``language.names``) and places, plus any country or city
    CLDR names in either language ("Damascus", "طهران"), so an English frame masks its places as an Arabic
    one does. Demonyms stay words. A role that names nobody the texts know ("رئيس الأركان", "France's
    foreign minister") is masked too (id ""): it holds a person's place in the frame, but is nobody's actor.
    A number is nobody ("Thirty people were injured": a capitalised number word read as a name)."""
    found = [
        _whole_latin_name(sentence, m)
        for m in find_entities(sentence, book=book, anonymous=True)
        if not any(q.start < m.end and m.start < q.end for q in quantities)
    ]
    for p in find_places(sentence, demonyms=False):
        if not any(m.start < p.end and p.start < m.end for m in found):
            found.append(EntityMention(id=p.id, type="place", text=p.text, start=p.start, end=p.end))
    return sorted(found, key=lambda m: m.start)


def _whole_latin_name(sentence: str, m: EntityMention) -> EntityMention:
    """A person known by one word in Latin script takes the capitalised words around it ("Mark Thompson"):
    a first name left unmasked would weigh in the frame as if it were a predicate."""
    if m.type != "person" or not m.text.isascii():
        return m
    before = re.search(r"(?:(?<![\w'’])[A-Z][\w'’-]*\s+)+$", sentence[: m.start])
    after = re.match(r"(?:\s+[A-Z][\w'’-]*(?![\w'’]))+", sentence[m.end :])
    start = before.start() if before else m.start
    end = m.end + (after.end() if after else 0)
    return EntityMention(id=m.id, type=m.type, text=sentence[start:end], start=start, end=end, via_role=m.via_role)


def _parties(ev: Evidence, attributions: tuple[Attribution, ...], book: NameBook | None) -> tuple[schema.Party, ...]:
    """Who states a segment: one chain (outlet, then cited parties, outermost first) per independent party.

    Parties reported through another (``via``) extend its chain; unnamed parties
    and a party that is the outlet itself add nothing; no outlet stays None and keeps the article's title instead. A
    party that is only a role or a bare family name takes, for English readers, the
    name ``book`` gives that person ("رئيس الأركان الإيراني" → the name another sentence gives).
    """
    outlet, title = ev.outlet, None if ev.outlet else ev.title
    head = outlet_label(outlet)
    chains: list[list[schema.Speaker]] = []
    seen: set[str] = set()
    for a in attributions:
        if not a.party:
            continue
        name, name_en = format_attribution(None, [a], "ar"), format_attribution(None, [a], "en")
        if name_en == head or name_en in seen:
            continue
        seen.add(name_en)
        speaker = schema.Speaker(name=name, name_en=a.party_en or _holder(a.party, book))
        if a.via and chains:
            chains[-1].append(speaker)
        else:
            chains.append([speaker])
    return tuple(schema.Party(outlet=outlet, cited=c, title=title) for c in chains) or (schema.Party(outlet=outlet, title=title),)


def _holder(party: str, book: NameBook | None) -> str | None:
    """The romanised name of the person a party denotes by a role or a bare family name, where the texts
    at hand name them ("رئيس الأركان الإيراني", "الأسد" → the fullest name other sentences give)."""
    if book is None:
        return None
    persons = [m for m in find_persons(party, book) if m.key]
    held = (book.name(persons[-1].key) or persons[-1].text) if persons else None
    return display(held, "en") if held else None


def extract_all(evidence: Sequence[Evidence]) -> list[Claim]:
    """Claims of every evidence sentence, with persons named as the whole set names them: a family name or
    a role named in full in one sentence ("وزير الخارجية المغربي ناصر بوريطة") is that person in the others."""
    book = learn(e.text for e in evidence)
    return [c for e in evidence for c in extract_claims(replace(e, text=spaced_numbers(e.text)), book)]


def extract_claims(ev: Evidence, book: NameBook | None = None) -> list[Claim]:
    """Claims in one evidence sentence: one per (voice segment × date or count); ``book``: see ``extract_all``."""
    sentence = ev.text
    attributions = extract_attributions(sentence)
    # Journalists named in a party ("مراسل قناة ... فلان") are not actors; speakers are.
    party_spans = [(a.party_start, a.party_end) for a in attributions if a.party_start is not None and party_outlet(a.party or "")]
    reporting_spans = [(a.party_start, a.party_end) for a in attributions if a.party_start is not None and a.party_end is not None]
    quantities = find_quantities(sentence)
    mentions = _mentions(sentence, book, quantities)
    sentence_actors = _actors(sentence, mentions, party_spans)
    names: dict[str, str] = {}
    for m in mentions:  # the fullest wording of each person ("ناصر بوريطة" over "بوريطة")
        if m.type == "person" and not m.via_role and len(m.text) > len(names.get(m.id, "")):
            names[m.id] = m.text
    times = resolve_times(sentence, ev.anchor)
    countries = frozenset(p.country for p in find_places(sentence) if p.country and not p.alternatives)
    wholes = {q.start: w for q in quantities if (w := _whole(sentence, q, quantities))}
    nouns = {start: w.unit_text for start, w in wholes.items() if w.unit_text}
    heads = _reporting_heads(sentence, attributions, times)
    claims: list[Claim] = []
    for seg in _segments(sentence, attributions, dateline_end(sentence)):
        values = _values(sentence, seg, times, quantities, heads)
        parties = _parties(ev, seg.parties, book)
        named = [p for p in seg.parties if p.party]
        origin = (named[-1].party_en or named[-1].party) if named else (outlet_label(ev.outlet) or ev.doc_id)
        seg_mentions = [m for m in mentions if seg.start <= m.start < seg.end]
        actors = tuple(_actors(sentence, seg_mentions, party_spans) or sentence_actors)
        actor_names = tuple((a, names[a]) for a in actors if a in names)
        # Who says a count does not do what it counts: two tolls told by two officials are one occurrence.
        doers = tuple(_actors(sentence, seg_mentions, reporting_spans) or _actors(sentence, mentions, reporting_spans))
        counted_by = dict(actors=doers, actor_names=tuple((a, names[a]) for a in doers if a in names))
        if actors:
            claims.append(
                _actor_claim(
                    sentence,
                    seg,
                    mentions,
                    actors,
                    values,
                    dict(
                        actor_names=actor_names,
                        parties=parties,
                        evidence_n=ev.n,
                        doc_id=ev.doc_id,
                        origin=origin,
                        anchor=ev.anchor,
                        sentence=sentence,
                    ),
                )
            )
        for v in values:
            # A frame is bounded by the neighbouring values it could be confused with: counts of things by counts of
            # things, times by times ("منذ 30 عاما" is a time, so it does not cut "ارتفعت الحصيلة ... إلى 141 قتيلا").
            kin = [x for x in values if _counts_things(x) == _counts_things(v)]
            lo, hi = _frame_span(sentence, seg, kin, kin.index(v), mentions)
            head = _shared_head(sentence, seg, kin, kin.index(v), mentions)
            base = dict(
                parties=parties,
                evidence_n=ev.n,
                doc_id=ev.doc_id,
                origin=origin,
                actors=actors,
                actor_names=actor_names,
                frame=" ".join(
                    _masked(sentence, a, b, values, mentions, nouns) for a, b in (head, (v.start if head[1] else lo, hi)) if b > a
                ),
                phrase=sentence[lo:hi].strip(" ،,."),
                cues=_with_arabic_deeds(
                    _with_clause_deed(
                        _cues(sentence, lo, hi, v, mentions) | _head_cues(sentence, head, mentions),
                        sentence,
                        seg,
                        kin,
                        kin.index(v),
                        lo,
                        mentions,
                    )
                ),
                anchor=ev.anchor,
                sentence=sentence,
            )
            if v.time is not None:
                t = v.time
                if t.granularity == "day" and is_dateline(sentence, t):  # when the report was filed (its anchor), not a claim
                    continue
                claims.append(
                    Claim(
                        slot="date",
                        value=t.text,
                        normalized=t.normalized,
                        year=_year(t),
                        value_start=t.value_start,
                        value_end=t.value_end,
                        part_of_day=t.part_of_day,
                        weekday=t.weekday,
                        **base,
                    )
                )
            elif (q := v.quantity) is not None and not _designation(sentence, q):
                period = _period(sentence, times, seg, lo, hi, q)
                counted = wholes.get(q.start, q)
                passed = _passed(sentence, seg, q)
                past = 1 if q.kind == "count" else 0  # a passed head count is the next one; a share or amount stays open
                low, high = {"floor": (q.low + past, None), "ceiling": (0, q.high)}.get(passed or "", (q.low, q.high))
                step = rounding(q)  # "4.7 billion" is 4.65-4.75 billion: it meets "4.69 billion"
                about = q.stated if q.approx else None  # "نحو ثلاثمئة" states 300, whatever interval it is compared by
                definite = q.kind == "count" and _definite(sentence, q)
                noun_before = _noun_before(sentence, lo, q, definite) if q.kind == "count" and (counted.unit is None or definite) else None
                if q.kind == "count" and counted.unit is None and not noun_before:
                    noun_before = _numbered_noun(sentence[seg.start : q.start])
                named = None if definite and noun_before else counted.unit  # "القتلى الـ 16 كانوا": "كانوا" is no noun
                claims.append(
                    Claim(
                        **base | counted_by,
                        slot="number",
                        value=q.text,
                        normalized=_number_norm(low, high, named, about),
                        low=low - step,
                        high=None if high is None else high + step,
                        bound=passed or q.bound,
                        about=about,
                        floor_figure=q.stated if (passed or q.bound) == "floor" else None,
                        vague=q.vague,
                        unit=(counted.unit_key or counted.unit if named else noun_before),
                        kind=q.kind,
                        partial=_addend(sentence, q, quantities) or _summand(sentence, q, quantities),
                        coordinated=head[1] > 0,
                        subset=_subset(sentence, seg, q, quantities),
                        whole=any(w.start == q.start for w in wholes.values()),
                        qualifier=_qualifier(sentence, q),
                        elided=not (q.unit_text or noun_before)
                        and any(r.unit_text and r.end <= q.start for r in quantities if r.kind == q.kind),
                        others_of=others_noun(q, quantities),
                        names=_names(mentions, lo, hi),
                        countries=countries,
                        context=_context(sentence, lo, hi, values),
                        lead=_context(sentence, lo, v.start, values),
                        coarse=coarseness(q) if is_measure(q.kind, q.unit_key) else 0.0,
                        measure=_measure(sentence, seg, kin, kin.index(v), mentions) if q.kind != "count" else None,
                        year=_year(period),
                        running=q.kind == "count" and _since_start(sentence, q),
                        recalled=recalls_earlier(sentence),
                        period_start=period.value_start if period else None,
                        period_end=period.value_end if period else None,
                    )
                )
    return claims


_WESTERN_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")
_DASHED = re.compile(r"(\d+)\s*[-–]\s*(\d+)")


#: Letters joined to a number by a hyphen: a model's name ("An-26", "F-16", "سو-24"), not a count.
_CODE_BEFORE = re.compile(r"[^\W\d_]+-$")


def _designation(sentence: str, q: Quantity) -> bool:
    """A model or code: written like a range but falling ("بوينغ 737-200"), as a range runs from low to high, or
    joined to letters by a hyphen ("An-26"). It names a thing and counts nothing."""
    m = _DASHED.search(q.text.translate(_WESTERN_DIGITS))
    return bool(m and int(m.group(2)) < int(m.group(1))) or bool(_CODE_BEFORE.search(sentence, 0, q.start))


#: Words that make the count right after them some of a group named before: "قتل 6 أشخاص بينهم 3 صحفيين", "ومنهم 3",
#: "including 3 journalists", "of whom 3" (prepositions with a pronoun, not story words).
_AMONG = re.compile(
    r"(?:^|\s)(?:و?(?:من\s+)?بين(?:هم|هن|هما|ها)|و?من(?:هم|هن|هما)|including|among\s+(?:them|whom)|of\s+(?:whom|which|them))\s*$"
)
#: A bare "among" after a count's noun names the group it is part of: "32 tourists among 36 killed", "Two children
#: were among the 6 people killed" (the count before is the part; the one after is the whole).
_AMONG_WHOLE = re.compile(r"(?:\s+[^\W\d_]+){0,3}\s+among\s+(?:the\s+)?\d", re.IGNORECASE)
#: Words after a count that make it more of something ("مقتل 18 شخصا آخرين", "18 more people", "three others"):
#: with a larger figure in its sentence ("ما يرفع الحصيلة إلى 25"), it is what the total grew by.
_FURTHER = re.compile(r"\s*(?:اخرين|اخرون|اضافيين|more|others|other|additional)(?!\w)", re.IGNORECASE)
#: A whole a counted part is out of: "3 متهمين من أصل 23", "24.5 million out of 68.5 million".
_OUT_OF = re.compile(r"\s*(?:من\s+اصل|من\s+بين|out\s+of)\s*")
#: A partitive on a definite noun inside a count: "اثنين من القتلى" (English "two of the dead" reads no noun at all).
_OF_THE = re.compile(r"\sمن\s+ال")


def names_a_part(text: str, start: int, end: int, floor: int = 0) -> bool:
    """Does the figure at ``start``:``end`` of ``text`` count some of a group named before it, after "بينهم",
    "including", "of whom" (``_AMONG``, looking back no further than ``floor``), or before "among" a figure ("32 tourists
    among 36 killed")? One reader for the claims' subsets and the direct line's choice of a total."""
    return bool(_AMONG.search(normalize_arabic(text[max(floor, start - 24) : start])) or _AMONG_WHOLE.match(text, end))


def _subset(sentence: str, seg: _Segment, q: Quantity, quantities: Sequence[Quantity]) -> bool:
    """Does the count name some of a group rather than the group: after "بينهم"/"including"/"of whom" ("6 متهمين
    بينهم 3 صحفيين"), before "among" a figure ("32 tourists among 36 killed"), as more of a total its sentence states ("تأكد مقتل 18 شخصا آخرين، ما يرفع الحصيلة إلى 25";
    "إصابة 50 آخرين" beside "مقتل 9" is the injured total), before "out of" a whole ("24.5 مليون شخص من أصل 68.5
    مليون"), or as a part of a definite group whose noun states the count ("اثنين من القتلى هم من الشرطة")? Such a count is no rival of the group's total
    (``bot.conflicts``). "خمسة من الجنود" is Arabic for five soldiers, so a partitive makes a part only of the
    killed, the injured ... (learned predicates: ``_states_a_count``)."""
    if names_a_part(sentence, q.start, q.end, seg.start):
        return True
    if _FURTHER.match(normalize_arabic(sentence[q.end :])) and any(r.low > (q.high or q.low) for r in quantities if r.kind == q.kind):
        return True
    nxt = next((r for r in quantities if r.start >= q.end), None)
    if q.unit_text and nxt is not None and _OUT_OF.fullmatch(normalize_arabic(sentence[q.end : nxt.start])):
        return True
    if not q.unit_text or not _OF_THE.search(normalize_arabic(q.text)):
        return False
    return _states_a_count(q.unit_text)


def others_noun(q: Quantity, quantities: Sequence[Quantity]) -> str | None:
    """The noun a count of "others" stands for ("قتل 17 شخصا وأصيب 36 آخرون", "killing 14 people and wounding 60
    others" → the key of "شخصا", "people"): the noun of the nearest count before it in its sentence, if any."""
    if not _others(q):
        return None
    before = [r for r in quantities if r.end <= q.start and r.kind == q.kind and r.unit_text and not _others(r)]
    return before[-1].unit_key if before else None


def _others(q: Quantity) -> bool:
    """Is a count's noun "others", "آخرين", "more" (``_FURTHER``)?"""
    return bool(q.unit_text and _FURTHER.fullmatch(normalize_arabic(q.unit_text)))


#: A plural ending on the word after a plural noun: an adjective agreeing with it ("صحافيين معروفين", "آخرين"). It
#: ends a stem of three letters at least: in "هاون" (a mortar) the letters are the word's own, no plural of "ها".
_PLURAL_ENDING = re.compile(r"\w{3,}(?:ين|ون|ات)$")
#: Attached pronouns: a word carrying one is the next clause's ("لقي 66 شخصا حتفهم"), never a noun's qualifier.
_PRONOUNS = ("هم", "ها", "هما", "هن")


def _qualifier(sentence: str, q: Quantity | None) -> str | None:
    """The cue stem (``_cue_stem``) of the noun that qualifies an Arabic count's noun right after it ("ثلاثة رجال أمن",
    "أربعة عناصر الأمن" → "امن"), keyed as cues are so that ``_cues`` passes over it to the deed after it ("قذيفة
    هاون أطلقت" → "أطلقت", as "قذيفة أطلقت"): the two words name what is counted, so two head nouns with one
    qualifier count one group ("رجال أمن" / "عناصر أمن"; ``bot.conflicts``). Not an adjective agreeing with a plural noun ("صحافيين معروفين",
    "آخرين"), a place or demonym ("جنود أتراك" are no "مدنيين أتراك"), a function word, a conjoined word, a word
    with a pronoun ("لقي 66 شخصا حتفهم"), or a predicate ("قتلوا")."""
    if q is None or not q.unit_text or q.kind != "count":
        return None
    m = _NEXT_WORD.match(sentence[q.end :])
    word = _HARAKAT.sub("", m.group(1)) if m and "\n" not in m.group(0) else ""
    if len(word) < 2 or not ARABIC_LETTER.search(word):
        return None
    folded = normalize_arabic(word)
    if (
        folded.startswith("و")
        or folded.endswith(_PRONOUNS)
        or folded in STOPWORDS
        or _PLURAL_ENDING.search(folded)
        or _states_a_count(word)
        or find_places(word)
    ):
        return None
    return _cue_stem(word)


def _names(mentions: list[EntityMention], lo: int, hi: int) -> tuple[str, ...]:
    """Persons and places named inside a frame's span: an id where one is known (one place in any spelling or
    language), else the folded words."""
    return tuple(dict.fromkeys(m.id or normalize_arabic(m.text) for m in mentions if m.type in ("person", "place") and lo <= m.start < hi))


def _context(sentence: str, lo: int, hi: int, values: list[_Value]) -> frozenset[str]:
    """Stems of the words of a frame's span, names and function words kept ("على عمق" is not "على بعد"), values
    (with their nouns) left out: what a figure is said of ("ارتفاع جبل ... يبلغ" of a height)."""
    chars = list(sentence[lo:hi])
    for v in values:
        for i in range(max(v.start, lo), min(v.end, hi)):
            chars[i - lo] = " "
    words = re.findall(r"[^\W\d_]+", _HARAKAT.sub("", "".join(chars)))
    return frozenset(k for w in words if len(k := unit_key(_bare_function_word(w))) >= 3)


def _bare_function_word(word: str) -> str:
    """A function word under a one-letter proclitic ("لهذا", "وكانت") as the bare word ("هذا", "كانت"), keyed as it
    is: the proclitic does not make it a word of what a figure is of ("البالغ من العمر # عاما لهذا المنصب" restates
    "البالغ من العمر # عاما")."""
    folded = normalize_arabic(word)
    return word[1:] if len(folded) > 3 and under_proclitic(folded, STOPWORDS, PROCLITICS_AR + "ك") else word


def _passed(sentence: str, seg: _Segment, q: Quantity) -> str | None:
    """A plain figure its clause's verb passes ("تجاوزت حصيلة الضحايا المئة قتيل"): "floor", "more than 100", so a
    later "141" raises it rather than contradicting it; or does not pass ("لم تتجاوز 45%"): "ceiling", at most 45
    (``language.numbers.passing_bound``)."""
    if q.high != q.low or q.approx:
        return None
    return passing_bound(sentence[_clause_start(sentence, seg.start, q.start) : q.start])


#: The article with the proclitics it takes ("القتلى", "للقتلى", "والقتلى").
_DEFINITE = re.compile(r"^[وف]?(?:ال|لل|بال|كال)")


#: A number taking the article ("القتلى الـ 16", "الـ16"): it follows its noun, as an adjective does.
_ARTICLE_BEFORE = re.compile(r"(?:^|\s)الـ?\s*$")


def _definite(sentence: str, q: Quantity) -> bool:
    """Does the number take the article? Then the word after it is the next phrase ("القتلى الـ 16 كانوا"). Not a
    count whose unit its words leave out (``Quantity.unit`` without ``unit_text``: "في سن الـ15" is 15 years), whose
    noun is known already."""
    return not (q.unit and not q.unit_text) and bool(_ARTICLE_BEFORE.search(sentence[: q.start]))


def _numbered_noun(before: str) -> str | None:
    """The light stem of the noun a bare total is the number of ("عدد الركاب … ارتفع إلى 12": passengers;
    ``numbered_noun``), when it names whom it counts: not a deed ("عدد القتلى", "the number of injured", or an English
    word the lexicon does not bridge: "dead", "casualties"), a toll ``bot.conflicts._total_of`` matches by its deed,
    nor anyone ("the number of people killed"), which the deed after it tells."""
    word = numbered_noun(before)
    if word is None:
        return None
    arabic = arabic_keywords(word).split() if word.isascii() else [word]
    keys = [unit_key(w) for w in arabic]
    if not keys or any(k in count_predicates() or k in anyone_units() for k in keys) or unit_key(word) in anyone_units():
        return None
    return unit_key(word)


def _noun_before(sentence: str, lo: int, q: Quantity, definite: bool) -> str | None:
    """The light stem of what a count with no noun after it counts, when its clause names it before ("ليرتفع العدد
    الرسمي للقتلى إلى #", "حصيلة الجرحى إلى #"): the nearest definite word of its lead that news text uses as a
    noun (``common_nouns``) and as a count's predicate (``count_predicates``: "العدد الرسمي" is no noun of it);
    any such noun for a number taking the article ("الضحايا الـ 23"), which follows its noun. Then it is no count
    of a noun left out after an earlier count ("قتل 77 شخصا، وأصيب 143"), whatever stands before it. A deed right
    before the number ("القصف الإيراني عن مقتل 9") says whom it counts: no noun before the deed is its noun."""
    for n, word in enumerate(reversed(re.findall(r"[^\W\d_]+", _HARAKAT.sub("", sentence[lo : q.start])))):
        folded = normalize_arabic(word)
        if n == 0 and deed_key(folded) and not _DEFINITE.match(folded):
            return None
        article = _DEFINITE.match(folded)
        if article and folded[article.end() :] in common_nouns() and (definite or unit_key(folded) in count_predicates()):
            return unit_key(folded)
    return None


def _number_norm(low: float, high: float | None, unit: str | None, stated: float | None = None) -> str:
    """The figure as a key: "12", "12.." (at least 12), "10..20", "~300" (about 300)."""
    hi = "" if high is None else _figure(high)
    span = f"~{_figure(stated)}" if stated is not None else _figure(low) if high == low else f"{_figure(low)}..{hi}"
    return f"{span} {unit}" if unit else span


def _figure(x: float) -> str:
    """A figure in plain digits ("500000000", never "5e+08"), float noise dropped ("110", not "110.00000000000001")."""
    return f"{x:.12g}"


#: A part of a whole: "five of 8 missiles", "خمساً من أصل 8 صواريخ" (prepositions, not story words).
_PARTITIVE = re.compile(r"(?:^|\s)(?:of|out of|من|من اصل|من بين)(?:\s+the)?\s*$")


def _whole(sentence: str, q: Quantity, quantities: Sequence[Quantity]) -> Quantity | None:
    """The counted whole a bare count is part of ("shot down five of 8 missiles"): the part counts the same noun,
    so "five" meets "8 missiles shot down" as a count of missiles, not as a bare number."""
    nxt = next((r for r in quantities if r.start >= q.end), None)
    if nxt is None or nxt.unit is None or nxt.kind != q.kind:
        return None
    gap = normalize_arabic(sentence[q.end : nxt.start]).strip()
    if q.unit is None:
        return nxt if _PARTITIVE.search(f" {gap}") and gap else None
    # the partitive read as the part's noun ("خمساً من أصل" + "8 صواريخ")
    return nxt if not gap and _PARTITIVE.search(normalize_arabic(q.text)) else None


#: "و" or "and" + the next word, right after a count's noun.
_COORDINATED = re.compile(r"\s+(?:and\s+|و(?=[^\W\d_]))([^\W\d_]+)")
#: A noun coordinated before a count ("اعتقلت الشرطة امرأة و14 رجلا", "a woman and 14 men").
_COORDINATED_BEFORE = re.compile(r"(?<![^\W\d_])([^\W\d_]+)\s+(?:and\s+|و\s*)$")


#: An English participle or past form ("wounding", "injured"): after "and" it opens the next clause, not a further noun.
_ENGLISH_VERB = re.compile(r"[a-z]{2,}(?:ing|ed)")


def _states_a_count(word: str) -> bool:
    """Is this a predicate that states a count ("أصيب", "قتل"), as news uses it (``language.numbers.count_predicates``)?"""
    return unit_key(word) in count_predicates() or bool(_feminine_past_of(word))


def _feminine_past_of(word: str) -> str:
    """The learned count predicate (light stem) whose feminine past a word is ("دخلت" → "دخل", "أصابت" → "اصب"), else
    "". A verb after its feminine noun takes the past "ت" ("121 حافلة دخلت", "قذائف سقطت"), a form news seldom puts
    before a figure, so the learned table may lack it: it states what its stem does."""
    folded = normalize_arabic(word)
    if len(folded) < 4 or not folded.endswith("ت") or folded.endswith("ات"):
        return ""
    stem = unit_key(folded[:-1])
    return stem if len(stem) >= 3 and stem in count_predicates() else ""


def _addend(sentence: str, q: Quantity, quantities: Sequence[Quantity]) -> bool:
    """Is this count's noun coordinated with a further word ("107 ركاب وطاقم من ستة أفراد", "22 تلميذا وامرأة",
    "107 passengers and crew", "امرأة و14 رجلا")? Then it may count only a part of those its clause is about (passengers, not all on
    board), so ``bot.conflicts`` compares it only with counts of its own noun. A further count ("10 قتلى وثلاثة
    جرحى") is its own claim, not an addend, and so is a coordinated predicate ("توفي عشرة أشخاص وأصيب آخرون":
    ``_states_a_count``; English predicates are not learned, so "4 killed and injured" still reads as an addend)."""
    if not q.unit_text:
        return False
    after, before = _COORDINATED.match(sentence[q.end :]), _COORDINATED_BEFORE.search(sentence[: q.start])
    return any(_further_noun(sentence, m, at, quantities) for m, at in ((after, q.end), (before, 0)) if m is not None)


def _further_noun(sentence: str, m: re.Match[str], offset: int, quantities: Sequence[Quantity]) -> bool:
    """Is the word a coordination joins to a count a further noun, not a predicate opening the next clause ("توفي عشرة
    أشخاص وأصيب آخرون", "killing 14 people and wounding 60"), a function word or a word of another count?"""
    word = m.group(1)
    if normalize_arabic(word) in STOPWORDS or _states_a_count(word) or _ENGLISH_VERB.fullmatch(word):
        return False
    word_start, word_end = offset + m.start(1), offset + m.end(1)
    return not any(r.start <= word_start < r.end or r.start == word_start - 1 or r.start < word_end <= r.end for r in quantities)


#: "and" or "و" closing the words between two counts.
_AND_BEFORE = re.compile(r"(?:^|\s)(?:and|و)\s*$")


def _summand(sentence: str, q: Quantity, quantities: Sequence[Quantity]) -> bool:
    """Is this one of two counts of nouns joined by "and" under one predicate ("killing all 18 people in the car and
    two pedestrians", "قتل 5 جنود و3 مدنيين")? Each is a part of the toll, not a rival report of it. Not when a word
    between them states a count or is a verb ("10 people were killed and 15 injured"), or a noun is itself a deed
    ("3 قتلى و20 مصابا"): those are two claims."""
    at = next((i for i, r in enumerate(quantities) if r is q), None)
    if at is None:
        return False
    neighbours = [(quantities[i], quantities[i + 1]) for i in (at - 1, at) if 0 <= i < len(quantities) - 1]
    for left, right in neighbours:
        between = sentence[left.end : right.start]
        if left.kind != "count" or right.kind != "count" or not (left.unit_text and right.unit_text):
            continue
        if CLAUSE_BREAK.search(between) or not _AND_BEFORE.search(between):
            continue
        words = re.findall(r"[^\W\d_]+", between) + [left.unit_text, right.unit_text]
        if not any(_states_a_count(w) or _ENGLISH_VERB.fullmatch(w) for w in words):
            return True
    return False


def _measure(sentence: str, seg: _Segment, values: list[_Value], i: int, mentions: list[EntityMention]) -> str | None:
    """What an amount or a share measures: the stem of the first word after it in its clause ("$500 million loan"
    → "loan", "a 15% rise" → "rise"). A currency or "%" says nothing of that; different measures are different claims."""
    v = values[i]
    hi = _boundary(sentence, v, values[i + 1]) if i + 1 < len(values) else seg.end
    if m := CLAUSE_BREAK.search(sentence, v.end, hi):
        hi = m.start()
    stems = [k for w in _cue_words(sentence, v.end, hi, mentions) if len(k := unit_key(w)) >= 3]
    return stems[0] if stems else None
