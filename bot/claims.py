"""Atomic claims from cited evidence sentences: who says what about which event.

Why this shape: conflicts exist between *claims*, not between sentences. One
sentence can carry two parties (Al Arabiya and Al Jazeera's bureau chief) and
several events (an arrival, a signing). So each sentence is split into voice
segments (``bot.attribution``: each party's clause, and the rest in the
outlet's own voice), and each segment yields one claim per (event × slot):
the event's date, place, actors and counts.

Event keys are canonical (``arrival:bagheri:damascus``, ``signing:agreement``,
``meeting:assad:bagheri``, ``strike:israel:last``) so wording and name variants
("العاصمة السورية" = دمشق, "رئيس الأركان الإيراني" = Bagheri) meet on one key.
``single`` marks events that happen once (an arrival, a signing, "the last
strike"): only for those can two dates contradict each other; "Israeli
strikes since 2011" are many events and never conflict on date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from bot.attribution import Attribution, extract_attributions, format_attribution, outlet_label
from bot.entities import EntityMention, find_entities, find_quantities
from bot.textfold import fold_with_offsets
from bot.timeexpr import TimeMention, resolve_times


@dataclass(frozen=True)
class Evidence:
    """One cited sentence and what we know about its article."""

    n: int  # citation number in the answer
    doc_id: str
    text: str  # the verbatim sentence
    outlet: str | None  # article outlet (may be Arabic)
    anchor: dt.date | None  # article date (publication or stated dateline)


@dataclass(frozen=True)
class Claim:
    """One (voice × event × slot) assertion, with enough to compare it to others."""

    event: str
    slot: str  # "date" | "place" | "number" | "actor"
    value: str  # original words
    normalized: str
    attributed_to: str
    evidence_n: int
    doc_id: str
    year: int | None = None
    origin: str = ""  # the first-hand source: the innermost cited party, else the outlet
    actors: tuple[str, ...] = ()
    place: str | None = None
    single: bool = True
    value_start: dt.date | None = None
    value_end: dt.date | None = None
    part_of_day: str | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    anchor: dt.date | None = None
    sentence: str = field(default="", repr=False)


# Event cues on folded text. Order matters only for reading; each is checked per segment.
_ARRIVAL = re.compile(r"(?<!\w)[وف]?(?:وصل|وصلت|وصول|وصوله|يصل|تصل|arrived|arrives|arrival)(?!\w)")
_PRESENCE = re.compile(r"(?<!\w)[وف]?(?:متواجد|موجود|يتواجد|تواجد|has\s+been|had\s+been)(?!\w)")
_SIGNING = re.compile(r"(?<!\w)[وف]?(?:وقع|وقعت|وقعا|توقيع|توقيعهما|يوقع|توقعان|يوقعان|ابرم|ابرمت|signed|signs|signing)(?!\w)")
_AGREEMENT = re.compile(r"(?<!\w)(?:ال)?(?:اتفاق|اتفاقيه|اتفاقا|agreement|accord|deal)(?!\w)")
_MEETING = re.compile(r"(?<!\w)[وف]?(?:لقاء|لقايه|التقي|اجتماع|اجتماعات|استقبل|met|meeting)(?!\w)")
_STRIKE = re.compile(r"(?<!\w)[وف]?(?:ال)?(?:هجوم|هجمات|غاره|غارات|ضربه|ضربات|قصف|strike|strikes|attack|raid)(?!\w)")
_ISRAELI = re.compile(r"اسراييل|israel")  # folded: ئ→ي
_LAST = re.compile(r"(?<!\w)(?:اخر|last|latest)\s+\S+")
_IN_FORCE = re.compile(r"حيز\s+التنفيذ|(?:took|came)\s+into\s+(?:force|effect)")
_CASUALTIES = re.compile(r"(?<!\w)(?:مقتل|قتلي|قتيل|killed|deaths|dead)(?!\w)")
#: Persons named only as a regime's or beneficiary's label are not actors ("نظام الأسد").
#: Likewise a name in construct after these heads is a possessor ("دفاعات الأسد"), not an actor.
_NOT_ACTOR_BEFORE = re.compile(r"(?<!\w)(?:نظام|لمساعده|دعم|مساعده|قوات|دفاعات|حكومه|جيش|regime)\s*[\"«]?\s*$")
#: Verbal nouns: "ارتياحه ... وتوقيع اتفاقية" carries no date of its own unless one follows it.
_MASDAR = re.compile(r"^[وف]?(?:ال)?(?:توقيع|توقيعهما|وصول|وصوله|لقاء|لقايه|اجتماع|اجتماعات)")


@dataclass(frozen=True)
class _Segment:
    start: int
    end: int
    parties: tuple[Attribution, ...]


def _segments(sentence: str, attributions: list[Attribution]) -> list[_Segment]:
    """Each attributed clause, plus the gaps between them in the outlet's voice."""
    by_span: dict[tuple[int, int], list[Attribution]] = {}
    for a in attributions:
        if a.claim_end > a.claim_start:
            by_span.setdefault((a.claim_start, a.claim_end), []).append(a)
    spans = sorted(by_span)
    segments, cursor = [], 0
    for s, e in spans:
        if s > cursor:
            segments.append(_Segment(cursor, s, ()))
        segments.append(_Segment(s, e, tuple(by_span[(s, e)])))
        cursor = max(cursor, e)
    if cursor < len(sentence):
        segments.append(_Segment(cursor, len(sentence), ()))
    return [seg for seg in segments if sentence[seg.start:seg.end].strip(" ،,.")]


def _actors(sentence: str, mentions: list[EntityMention], party_spans: list[tuple[int, int]]) -> list[str]:
    """Person ids acting in the sentence, in order, minus party names and regime labels."""
    out: list[str] = []
    for m in mentions:
        if m.type != "person" or any(s <= m.start < e for s, e in party_spans):
            continue
        if _NOT_ACTOR_BEFORE.search(fold_with_offsets(sentence[max(0, m.start - 20):m.start])[0]):
            continue
        if m.id not in out:
            out.append(m.id)
    return out


def _events(folded_segment: str) -> list[tuple[str, int, bool]]:
    """(event type, cue position, single-occurrence) found in a folded segment."""
    found: list[tuple[str, int, bool]] = []
    if m := _ARRIVAL.search(folded_segment):
        found.append(("arrival", m.start(), True))
    elif (m := _PRESENCE.search(folded_segment)) and re.search(r"(?<!\w)(?:منذ|since|for)(?!\w)", folded_segment):
        found.append(("arrival", m.start(), True))  # "present since X": arrival no later than X
    if (m := _SIGNING.search(folded_segment)) and _AGREEMENT.search(folded_segment):
        found.append(("signing", m.start(), True))
    if m := _MEETING.search(folded_segment):
        found.append(("meeting", m.start(), False))
    if (m := _STRIKE.search(folded_segment)) and _ISRAELI.search(folded_segment):
        last = _LAST.search(folded_segment)
        found.append(("strike", m.start(), bool(last and _STRIKE.search(last.group(0)))))
    if m := _IN_FORCE.search(folded_segment):
        found.append(("in-force", m.start(), True))
    if m := _CASUALTIES.search(folded_segment):
        found.append(("casualties", m.start(), False))
    return found


def _event_key(kind: str, actors: list[str], place: str | None, mentions: list[EntityMention], single: bool) -> str:
    if kind == "arrival":
        return f"arrival:{actors[0] if actors else 'unknown'}:{place or 'unknown'}"
    if kind == "signing":
        return "signing:agreement"
    if kind == "meeting":
        return "meeting:" + ":".join(sorted(actors)) if actors else "meeting"
    if kind == "strike":
        return "strike:israel:last" if single else "strike:israel"
    if kind == "in-force":
        groups = [m.id for m in mentions if m.type == "group"]
        return f"in-force:{groups[0]}" if groups else "in-force"
    return kind


def _year(t: TimeMention | None) -> int | None:
    if t and t.resolved and t.value_start and t.value_end and t.value_start.year == t.value_end.year:
        return t.value_start.year
    return None


def extract_claims(ev: Evidence) -> list[Claim]:
    """Claims in one evidence sentence: one per (voice segment × event × slot)."""
    sentence = ev.text
    attributions = extract_attributions(sentence)
    # Journalists named in a party ("مدير مكتب شبكة الجزيرة ... فايز") are not actors; speakers are.
    party_spans = [(a.party_start, a.party_end) for a in attributions
                   if a.party_start is not None and find_entities(a.party or "", frozenset({"outlet"}))]
    sentence_mentions = find_entities(sentence)
    sentence_actors = _actors(sentence, sentence_mentions, party_spans)
    times = resolve_times(sentence, ev.anchor)
    claims: list[Claim] = []
    for seg in _segments(sentence, attributions):
        folded = fold_with_offsets(sentence[seg.start:seg.end])[0]
        events = _events(folded)
        if not events:
            continue
        attributed = format_attribution(ev.outlet or ev.doc_id, list(seg.parties))
        named = [p for p in seg.parties if p.party]
        origin = (named[-1].party_en or named[-1].party) if named else (outlet_label(ev.outlet) or ev.doc_id)
        seg_mentions = [m for m in sentence_mentions if seg.start <= m.start < seg.end]
        seg_actors = _actors(sentence, seg_mentions, party_spans) or sentence_actors
        seg_times = [t for t in times if seg.start <= t.start < seg.end]
        places = [m for m in seg_mentions if m.type == "place"]
        for kind, cue, single in events:
            cue_abs = seg.start + cue
            cue_word = folded[cue:].split(maxsplit=1)[0] if folded[cue:].strip() else ""
            masdar = bool(_MASDAR.match(cue_word))
            candidates = [t for t in seg_times if t.start > cue_abs] if masdar else seg_times
            own_time = _nearest(candidates, cue_abs, [seg.start + c for _, c, _ in events])
            if masdar and own_time is None and kind in ("signing", "arrival"):
                continue  # a mention of the event inside another one's sentence: its actors are not the event's
            place = _place_after(places, cue_abs) if kind == "arrival" else None
            key = _event_key(kind, seg_actors, place.id if place else None, seg_mentions, single)
            base = dict(
                event=key, attributed_to=attributed, evidence_n=ev.n, doc_id=ev.doc_id, origin=origin,
                actors=tuple(seg_actors), place=place.id if place else None, single=single,
                year=_year(own_time), anchor=ev.anchor, sentence=sentence,
            )
            if own_time:
                claims.append(Claim(slot="date", value=own_time.text, normalized=own_time.normalized,
                                    value_start=own_time.value_start, value_end=own_time.value_end,
                                    part_of_day=own_time.part_of_day, **base))
            if place:
                claims.append(Claim(slot="place", value=place.text, normalized=place.id, **base))
            if seg_actors:
                claims.append(Claim(slot="actor", value="، ".join(m.text for m in seg_mentions if m.id in seg_actors) or ",".join(seg_actors),
                                    normalized=",".join(sorted(seg_actors)), **base))
            if kind == "casualties":
                for q in find_quantities(sentence[seg.start:seg.end]):
                    claims.append(Claim(slot="number", value=q.text, normalized=_number_norm(q.low, q.high, q.unit),
                                        low=q.low, high=q.high, unit=q.unit, **base))
    return claims


def _nearest(times: list[TimeMention], cue: int, all_cues: list[int]) -> TimeMention | None:
    """The time mention closest to this event's cue and not closer to another event's cue."""
    best = None
    for t in times:
        mine = abs(t.start - cue)
        if any(abs(t.start - other) < mine for other in all_cues if other != cue):
            continue
        if best is None or mine < abs(best.start - cue):
            best = t
    return best


def _place_after(places: list[EntityMention], cue: int) -> EntityMention | None:
    after = [p for p in places if p.start >= cue]
    return after[0] if after else None


def _number_norm(low: float, high: float | None, unit: str | None) -> str:
    hi = "" if high is None else f"{high:g}"
    span = f"{low:g}" if high == low else f"{low:g}..{hi}"
    return f"{span} {unit}" if unit else span
