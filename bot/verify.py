"""Check one claim against retrieved evidence: SUPPORTED, REFUTED, CONFLICTING or NOT_ENOUGH_INFO.

Why slots and not only the stance model: claims are often English while the
collection is Arabic, and a claim is usually wrong in exactly one *slot* — the
day ("arrived on Monday" vs "مساء الثلاثاء"), the place ("signed in Tehran" vs
"في دمشق"), a count, or its polarity ("should keep its troops" vs "لا يكون عبر
التواجد"). Those compare across languages once both sides are resolved to dates
(``bot.timeexpr``), gazetteer ids (``bot.entities``) and numbers. The stance
model (``bot.stance``) adds its judgement where claim and evidence share a
language, the only setting it was trained for.

Relevance first: a sentence counts only if it covers most of the claim's
content words (IDF-weighted over the evidence list, bridged to Arabic by
``bot.crosslingual``), and every rare name it uses. So "Russia signed the agreement too" finds signing
sentences that never mention Russia, and a Russia sentence that is not about a
signing: neither is relevant, and the verdict is NOT_ENOUGH_INFO rather than a
false REFUTED.

Verdict rules (``verify_claim``):

* a relevant sentence *contradicts* when a slot the claim states clashes with
  the sentence's value for it, or polarity differs, or (same language) the
  stance model says "contradict";
* it *supports* when every claimed slot it speaks to matches and at least one
  does (a claim with no slot: it covers the claim and nothing clashes);
* supporters and contradictors both → CONFLICTING; so too supporters that are
  one side of a conflict (``bot.conflicts``) on the slot the claim states
  ("arrived on Tuesday evening" while Al Jazeera's bureau chief says he had
  been there for days); only contradictors → REFUTED; only supporters →
  SUPPORTED; neither → NOT_ENOUGH_INFO.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from bot.answer import as_evidence, build_citations, detect_conflicts
from bot.attribution import outlet_label
from bot.claims import Evidence, extract_claims
from bot.conflicts import describe_conflict
from bot.crosslingual import arabic_keywords
from bot.entities import find_entities, find_quantities, gazetteer, label, place_compatible
from bot.schema import Comparison, Conflict, Verdict, Verification
from bot.stance import MONTHS, NEGATIONS, WEEKDAYS, compare_many
from bot.timeexpr import TimeMention, resolve_times
from vectorstore.normalize import bm25_tokens, detect_language, normalize_arabic

if TYPE_CHECKING:
    from bot.service import Isnad

#: IDF-weighted share of the claim's content a sentence must cover to count.
RELEVANCE = 0.6
#: Stance-model confidence needed before its "contradict" alone refutes.
STANCE_CONTRADICT = 0.7
#: Two day-dates further apart than this are two events, not a clash ("the 2018 agreement").
SAME_EVENT_DAYS = 31
#: News names a country by its capital ("Ankara must realise ...").
METONYMS = {"ankara": "turkey", "tehran": "iran", "damascus": "syria"}

_EN_NEGATION = re.compile(r"\b(?:not|no|never|none|without|deny|denied|denies)\b|n't\b", re.I)
_EN_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_EN_PLACE = re.compile(r"\b(?:in|at|to)\s+((?:the\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*)")
_AR_PLACE_BEFORE = re.compile(r"(?:(?<!\w)(?:في|الي|in|at|to)\s+|(?<!\w)ب)$")
_DATE_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august "
    "september october november december today yesterday tomorrow".split()
)
#: Verbs of saying: news paraphrases "said" as قال, أكد, قائلا, حث ...; any of them is the same word here.
_REPORTING_EN = frozenset("said say says told stated added stressed urged insisted".split())
_REPORTING_AR = "قال قالت يقول تقول قائلا اكد اكدت يؤكد اضاف اضافت اوضح صرح حث شدد اعتبر ذكر ذكرت"
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WORD = re.compile(r"\w+", re.UNICODE)
_CLAUSE = re.compile(r"[،,؛;]|(?<!\w)(?:فيما|بينما|while|but)(?!\w)")
_PREFIX = re.compile(r"^(?:و|ف)?(?:ب|ل)?(?:ال)?(?=\w{3})")
#: Arabic day and month names: the claim's date is checked as a slot, not matched as a word.
_AR_DATE_WORDS = frozenset(w for w in (*MONTHS, *WEEKDAYS) if " " not in w) | frozenset(w[2:] for w in WEEKDAYS if w.startswith("ال"))


# ---------------------------------------------------------------- the claim


@dataclass(frozen=True)
class Group:
    """One content word of the claim: its Arabic stems, and its entity id when it names one."""

    word: str
    keys: frozenset[str]  # see word_keys
    entity: str | None


@dataclass(frozen=True)
class ClaimFrame:
    text: str
    lang: str
    groups: tuple[Group, ...]
    places: frozenset[str]  # place ids the claim locates its event in
    times: tuple[TimeMention, ...]
    negated: bool


def word_keys(text: str) -> frozenset[str]:
    """Every form a word is matched by: folded, without clitics, and stemmed both ways.

    Snowball stems "الاتفاقية" and "اتفاقية" differently; matching on the union
    keeps one spelling from hiding a sentence.
    """
    keys: set[str] = set()
    for word in _WORD.findall(normalize_arabic(text)):
        bare = _PREFIX.sub("", word)
        keys.update((word, bare), bm25_tokens(word), bm25_tokens(bare))
        if len(bare) > 4 and bare.endswith(("يه", "ي")):
            keys.add(bare[:-1])  # nisba adjective to its name: "السورية" -> سوري, "الإيراني" -> ايران
    return frozenset(keys)


@lru_cache(maxsize=1)
def _reporting_keys() -> frozenset[str]:
    return word_keys(_REPORTING_AR)


def _entity(text: str) -> str | None:
    hits = find_entities(text)
    return hits[0].id if hits else None


def _en_groups(claim: str, skip: set[str]) -> list[Group]:
    """English words (longest known phrase first) bridged to their Arabic forms."""
    words = _EN_WORD.findall(claim)
    used = [False] * len(words)
    groups = []
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            if any(used[i : i + n]):
                continue
            phrase = " ".join(words[i : i + n])
            if phrase.lower() in _DATE_WORDS or phrase in skip:
                continue
            if phrase.lower() in _REPORTING_EN:
                used[i] = True
                groups.append(Group(phrase, _reporting_keys(), None))
                continue
            arabic = arabic_keywords(phrase)
            if n > 1 and set(arabic.split()) == {a for w in words[i : i + n] for a in arabic_keywords(w).split()}:
                continue  # not a phrase the lexicon knows, only its words
            if arabic:
                used[i : i + n] = [True] * n
                groups.append(Group(phrase, word_keys(arabic), _entity(arabic)))
    return groups


def _ar_groups(claim: str, skip: set[str]) -> list[Group]:
    groups = []
    for word in _WORD.findall(claim):
        stems = bm25_tokens(word)
        folded = normalize_arabic(word)
        if stems and folded not in skip and _PREFIX.sub("", folded) not in _AR_DATE_WORDS:
            keys = word_keys(word)
            if keys & _reporting_keys():
                keys |= _reporting_keys()
            groups.append(Group(word, keys, _entity(word)))
    return groups


def claim_frame(claim: str) -> ClaimFrame:
    lang = detect_language(claim)
    places: set[str] = set()
    skip: set[str] = set()
    if lang == "en":
        for m in _EN_PLACE.finditer(claim):
            pid = _place_id(arabic_keywords(m.group(1)) or m.group(1))
            if pid:
                places.add(pid)
                skip.add(m.group(1))
        groups = _en_groups(claim, skip)
        negated = bool(_EN_NEGATION.search(claim))
    else:
        places.update(_slot_places(claim))
        skip = {normalize_arabic(m.text) for m in find_entities(claim, frozenset({"place"})) if m.id in places}
        groups = _ar_groups(claim, skip)
        negated = _negated(claim)
    return ClaimFrame(claim, lang, tuple(groups), frozenset(places), tuple(resolve_times(claim, None, lang)), negated)


def _place_id(text: str) -> str | None:
    """A city or region the claim puts its event in; countries are too coarse to be a slot ("in Syria")."""
    hits = [h for h in find_entities(text, frozenset({"place"})) if gazetteer()[h.id].part_of]
    return hits[0].id if hits else None


def _slot_places(text: str) -> dict[str, str]:
    """Places the sentence puts an event *in* ("في دمشق", "إلى دمشق", "بالعاصمة السورية"), not places acting: id -> words."""
    out: dict[str, str] = {}
    for m in find_entities(text, frozenset({"place"})):
        if not gazetteer()[m.id].part_of:
            continue
        before = normalize_arabic(text[max(0, m.start - 5) : m.start])
        if _AR_PLACE_BEFORE.search(before):
            out.setdefault(m.id, m.text)
    return out


def _clauses(text: str) -> list[str]:
    return [c for c in _CLAUSE.split(text) if c.strip()]


def _negated(text: str) -> bool:
    words = _WORD.findall(normalize_arabic(text))
    return any(w in NEGATIONS or (w[:1] in "وف" and w[1:] in NEGATIONS) for w in words)


# ---------------------------------------------------------------- one sentence


@dataclass(frozen=True)
class Assessment:
    n: int
    relevance: float
    status: str  # "support" | "contradict" | "neutral"
    reason: str


def _entities_of(text: str) -> set[str]:
    ids = {m.id for m in find_entities(text)}
    return ids | {METONYMS[i] for i in ids if i in METONYMS}


def _present(group: Group, keys: frozenset[str], entities: set[str]) -> bool:
    if group.entity and (group.entity in entities or METONYMS.get(group.entity) in entities):
        return True
    return bool(group.keys & keys)


def _weights(frame: ClaimFrame, evidence: Sequence[Evidence]) -> list[float]:
    """IDF of each claim word over the evidence list: the rare words are what the claim is about."""
    n = len(evidence) or 1
    seen = [(word_keys(e.text), _entities_of(e.text)) for e in evidence]
    return [math.log(1 + n / (1 + sum(_present(g, s, ents) for s, ents in seen))) for g in frame.groups]


def relevance(frame: ClaimFrame, text: str, weights: Sequence[float], focus: float) -> float:
    """IDF-weighted share of the claim's words in ``text``; 0 when it lacks a focus name.

    A name rarer than ``focus`` (an IDF weight) is what the claim is about: a sentence
    on the signing that never names Russia says nothing about "Russia signed too".
    Common names (Iran, Syria in this collection) are not required: "كما وقعا"
    ("the two also signed") names neither.
    """
    if not frame.groups:
        return 0.0
    keys, entities = word_keys(text), _entities_of(text)
    present = [_present(g, keys, entities) for g in frame.groups]
    if any(g.entity and w >= focus and not p for g, w, p in zip(frame.groups, weights, present)):
        return 0.0
    return sum(w for p, w in zip(present, weights) if p) / (sum(weights) or 1.0)


def _day_values(times: Sequence[TimeMention]) -> tuple[list[tuple[dt.date, dt.date]], set[str]]:
    """Resolved intervals, and weekday names of unresolved weekday mentions."""
    intervals, weekdays = [], set()
    for t in times:
        if t.resolved and t.value_start and t.value_end:
            intervals.append((t.value_start, t.value_end))
        elif t.relative and t.relative.startswith("weekday:"):
            weekdays.add(t.relative.split(":", 1)[1])
    return intervals, weekdays


class Check(NamedTuple):
    slot: str  # "date" | "place" | "number"
    kind: str  # "match" | "clash"
    reason: str
    where: tuple[str, ...]  # the sentence's words for the slot, to find their clause


def _date_check(frame: ClaimFrame, ev: Evidence) -> Check | None:
    """The claim's date against the sentence's day-level dates."""
    claim_iv, claim_wd = _day_values(frame.times)
    if not claim_iv and not claim_wd:
        return None
    ev_times = [t for t in resolve_times(ev.text, ev.anchor, detect_language(ev.text)) if t.granularity == "day"]
    if not ev_times:
        return None
    ev_iv, ev_wd = _day_values(ev_times)
    ev_wd |= {_WEEKDAYS[s.weekday()] for s, e in ev_iv if s == e}
    where = tuple(t.text for t in ev_times)
    said = ", ".join(where)
    if claim_iv and ev_iv:
        if any(cs <= ee and es <= ce for cs, ce in claim_iv for es, ee in ev_iv):
            return Check("date", "match", f"date matches: {said}", where)
        gap = min(min(abs((es - ce).days), abs((cs - ee).days)) for cs, ce in claim_iv for es, ee in ev_iv)
        return Check("date", "clash", f"date differs: {said}", where) if gap <= SAME_EVENT_DAYS else None
    wanted = claim_wd | {_WEEKDAYS[s.weekday()] for s, e in claim_iv if s == e}
    if wanted and ev_wd:
        return Check("date", "match", f"day matches: {said}", where) if wanted & ev_wd else Check("date", "clash", f"day differs: {said}", where)
    return None


def _place_check(frame: ClaimFrame, ev: Evidence) -> Check | None:
    if not frame.places:
        return None
    said = _slot_places(ev.text)
    if not said:
        return None
    where = tuple(said.values())
    if any(place_compatible(c, s) for c in frame.places for s in said):
        return Check("place", "match", f"place matches: {', '.join(where)}", where)
    return Check("place", "clash", f"place differs: {', '.join(where)} vs {', '.join(sorted(label(p, 'en') for p in frame.places))}", where)


def _number_check(frame: ClaimFrame, ev: Evidence) -> Check | None:
    claimed = find_quantities(frame.text)
    stated = find_quantities(ev.text)
    if not claimed or not stated:
        return None
    where = tuple(s.text for s in stated)
    if any(c.overlaps(s) for c in claimed for s in stated):
        return Check("number", "match", "number matches", where)
    return Check("number", "clash", f"numbers differ: {', '.join(c.text for c in claimed)} vs {', '.join(where)}", where)


def assess(frame: ClaimFrame, ev: Evidence, comparison: Comparison | None, weights: Sequence[float], focus: float) -> Assessment:
    rel = relevance(frame, ev.text, weights, focus)
    if rel < RELEVANCE:
        return Assessment(ev.n, rel, "neutral", "not about the claim")
    checks = [c for c in (_date_check(frame, ev), _place_check(frame, ev), _number_check(frame, ev)) if c]
    clashes = [c.reason for c in checks if c.kind == "clash"]
    if clashes:
        return Assessment(ev.n, rel, "contradict", "; ".join(clashes))
    claimed = {slot for slot, stated in (("date", frame.times), ("place", frame.places)) if stated}
    if not claimed <= {c.slot for c in checks}:
        # "arrived in Damascus on Monday": a sentence that only confirms Damascus says nothing on Monday.
        return Assessment(ev.n, rel, "neutral", "does not state the claimed date or place")
    # A matched slot pins down which clause speaks to the claim: "signed on Wednesday, while the
    # details were not (لم) disclosed" is not a negated signing.
    scope = [c for c in _clauses(ev.text) if any(w in c for m in checks for w in m.where)] or [ev.text]
    if frame.negated != any(_negated(c) for c in scope):
        return Assessment(ev.n, rel, "contradict", "negated in the claim" if frame.negated else "negated in the source")
    same_language = comparison is not None and detect_language(ev.text) == frame.lang
    if same_language and comparison.relation == "contradict" and comparison.score >= STANCE_CONTRADICT:
        return Assessment(ev.n, rel, "contradict", "; ".join(comparison.reasons) or "the source says otherwise")
    return Assessment(ev.n, rel, "support", "; ".join(c.reason for c in checks) or "states the claim")


# ---------------------------------------------------------------- the verdict


class Judgement(NamedTuple):
    verdict: Verdict
    explanation: str
    cited: tuple[int, ...]  # evidence numbers the explanation rests on
    conflicts: tuple[Conflict, ...] = ()  # those about the claim's event among the cited sentences


_TEMPLATES = {
    "en": {
        "SUPPORTED": "Supported: {support}.",
        "REFUTED": "Refuted: {contra}.",
        "CONFLICTING": "Sources disagree: {support}; but {contra}.",
        "DISPUTED": "Sources disagree: {support}; but not every source agrees.",
        "NOT_ENOUGH_INFO": "Not enough information: none of the retrieved sources states this.",
        "support": "reported by {who} [{n}] ({reason})",
        "contra": "contradicted by {who} [{n}] ({reason})",
        "and": " and ",
    },
    "ar": {
        "SUPPORTED": "صحيح: {support}.",
        "REFUTED": "غير صحيح: {contra}.",
        "CONFLICTING": "المصادر متضاربة: {support}؛ لكن {contra}.",
        "DISPUTED": "المصادر متضاربة: {support}؛ لكن لا تتفق كل المصادر على ذلك.",
        "NOT_ENOUGH_INFO": "لا تتوفر معلومات كافية: لا يذكر أي من المصادر المسترجعة ذلك.",
        "support": "تؤكده {who} [{n}] ({reason})",
        "contra": "تقول {who} خلاف ذلك [{n}] ({reason})",
        "and": " و",
    },
}


def _sources(items: list[Assessment], evidence: dict[int, Evidence], lang: str) -> tuple[str, str, str]:
    names = list(dict.fromkeys(outlet_label(evidence[a.n].outlet, lang) or evidence[a.n].doc_id for a in items))
    return _TEMPLATES[lang]["and"].join(names), "][".join(str(a.n) for a in items), "; ".join(dict.fromkeys(a.reason for a in items))


def verify_claim(
    claim: str,
    evidence: Sequence[Evidence],
    comparisons: Sequence[Comparison | None],
    conflicts: Sequence[Conflict] = (),
) -> Judgement:
    """The verdict on ``claim`` from evidence sentences and their stance comparisons (same order).

    Pure: no retrieval, no model calls. ``conflicts`` (from ``bot.conflicts``)
    matter only where they involve the cited sentences: described always, and
    turning SUPPORTED into CONFLICTING when they are about the claimed slot.
    """
    frame = claim_frame(claim)
    lang = frame.lang if frame.lang in _TEMPLATES else "en"
    weights = _weights(frame, evidence)
    # The IDF weight of a name found in at most a third of the evidence sentences.
    focus = math.log(1 + len(evidence) / (1 + len(evidence) / 3))
    comparisons = list(comparisons) + [None] * (len(evidence) - len(comparisons))
    assessed = [assess(frame, ev, c, weights, focus) for ev, c in zip(evidence, comparisons)]
    support = [a for a in assessed if a.status == "support"]
    contra = [a for a in assessed if a.status == "contradict"]
    by_n = {e.n: e for e in evidence}
    t = _TEMPLATES[lang]
    parts = {}
    if support:
        who, n, reason = _sources(support, by_n, lang)
        parts["support"] = t["support"].format(who=who, n=n, reason=reason)
    if contra:
        who, n, reason = _sources(contra, by_n, lang)
        parts["contra"] = t["contra"].format(who=who, n=n, reason=reason)
    cited = tuple(a.n for a in support + contra)
    events = _claim_events(claim)
    related = [
        c for c in conflicts
        if any(set(p.citations) & set(cited) for p in c.positions) and any(_same_event(c.topic, e) for e in events)
    ]
    # The supporting sources are one side of a conflict on the very event and slot the claim states.
    disputed = bool(support) and any(c.kind in _slot_kinds(frame) for c in related)
    verdict: Verdict = (
        "CONFLICTING" if support and (contra or disputed)
        else "REFUTED" if contra else "SUPPORTED" if support else "NOT_ENOUGH_INFO"
    )
    explanation = t["DISPUTED" if disputed and not contra else verdict].format(**parts)
    if related:
        explanation += " " + " ".join(describe_conflict(c, lang) for c in related)
    return Judgement(verdict, explanation, cited, tuple(related))


def _claim_events(claim: str) -> set[str]:
    """The claim's own event keys ("arrival:bagheri:unknown"), read the way sources are read."""
    return {c.event for c in extract_claims(Evidence(0, "claim", claim, None, None))}


def _same_event(topic: str, event: str) -> bool:
    """Event keys agree part by part, an 'unknown' part (a name the claim spells in English) matching any."""
    a, b = topic.split(":"), event.split(":")
    return len(a) == len(b) and all(x == y or "unknown" in (x, y) for x, y in zip(a, b))


def _slot_kinds(frame: ClaimFrame) -> set[str]:
    """The ``Conflict.kind`` values that are about a slot the claim states."""
    kinds = {"statement"}
    if frame.times:
        kinds.add("date")
    if frame.places:
        kinds.add("entity")
    if find_quantities(frame.text):
        kinds.add("number")
    return kinds


def verify(isnad: Isnad, claim: str, collection: str | None = None) -> Verification:
    """Retrieve evidence for ``claim``, compare it sentence by sentence, and judge."""

    @lru_cache(maxsize=None)
    def docs(doc_id: str):
        return isnad.source(doc_id, collection)

    found = isnad.evidence(claim, limit=2 * isnad.settings.max_citations, collection=collection)
    citations = build_citations(found, docs, detect_language(claim))
    evidence = as_evidence(citations, docs)
    comparisons = compare_many([(claim, e.text) for e in evidence])
    conflicts, _ = detect_conflicts(evidence)
    judgement = verify_claim(claim, evidence, comparisons, conflicts)
    kept = set(judgement.cited) | {n for c in judgement.conflicts for p in c.positions for n in p.citations}
    return Verification(
        claim=claim,
        verdict=judgement.verdict,
        explanation=judgement.explanation,
        citations=[c for c in citations if c.n in kept],
        conflicts=list(judgement.conflicts),
    )
