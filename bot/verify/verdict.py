"""The verdict on a claim from its sentences' assessments (``verify_claim``): pure, with no retrieval and no model calls,
so a bench can judge fixed evidence.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import NamedTuple

from bot.attribution import format_attribution
from bot.claims import Claim, Evidence, extract_claims
from bot.conflicts import about_same_event, describe_conflict
from bot.schema import Comparison, Conflict, Verdict
from bot.verify.claim import claim_frame
from bot.verify.frame import ClaimFrame
from bot.verify.gate import Gate, _focus, _weights
from bot.verify.sentence import Assessment, _story, assess
from language.names import learn


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


def _sources(items: list[Assessment], evidence: dict[int, Evidence], lang: str, titles: Mapping[str, str]) -> tuple[str, str, str]:
    # An article without a known outlet is "an unnamed source" with its title, in the reader's language, never its doc id.
    names = list(dict.fromkeys(format_attribution(e.outlet, [], lang, titles.get(e.doc_id)) for e in (evidence[a.n] for a in items)))
    return _TEMPLATES[lang]["and"].join(names), "][".join(str(a.n) for a in items), "; ".join(dict.fromkeys(a.reason for a in items))


def _current(conflict: Conflict, supporting: set[int]) -> bool:
    """Is ``conflict`` an update whose latest figure the supporting sentences state? A toll that rose (37, then 53)
    does not dispute the claim of the 53: the earlier figure is the update's past, not a rival report."""
    return conflict.relation == "update" and bool(conflict.positions) and bool(supporting & set(conflict.positions[-1].citations))


def _articles_of(numbers: set[int], evidence: Sequence[Evidence]) -> set[int]:
    """The evidence numbers of every sentence from the articles ``numbers`` come from: an article cannot stand
    against itself (its headline "… rises to 5" is no rival of its body's "rose … to 5 dead")."""
    docs = {e.doc_id for e in evidence if e.n in numbers}
    return {e.n for e in evidence if e.doc_id in docs}


def _superseded(item: Assessment, support: Sequence[Assessment], evidence: Mapping[int, Evidence]) -> bool:
    """Is a contradiction on the figure alone an earlier report that a later supporting one updates? Tolls rise:
    "9 killed" on 23 April does not refute "10 killed" stated on 24 April (``bot.conflicts`` shows it as an update);
    a later, smaller figure is no update of a larger one ("37 killed" on Wednesday, "34" on Thursday: they conflict).
    A support saying the toll rose to the claim's figure updates a lower one not reported after it, the same day or
    undated: "4 killed" against "the death toll … rose to six"."""
    if not item.figure_only or item.status != "contradict" or not item.below:
        return False
    said = evidence[item.n].anchor
    dated = [(a, evidence[a.n].anchor) for a in support if a.status == "support"]
    if said and any(d and d > said for _, d in dated):
        return True
    return any(a.risen and not (said and d and said > d) for a, d in dated)


def verify_claim(
    claim: str,
    evidence: Sequence[Evidence],
    comparisons: Sequence[Comparison | None],
    conflicts: Sequence[Conflict] = (),
    titles: Mapping[str, str] | None = None,
    context: Sequence[str] = (),
    gate: Gate = Gate(),
    aligned: Mapping[str, Sequence[str]] | None = None,
    similar: Mapping[str, float] | None = None,
) -> Judgement:
    """The verdict on ``claim`` from evidence sentences and their stance comparisons (same order).

    Pure: no retrieval, no model calls. ``conflicts`` (from ``bot.conflicts``)
    matter only where they involve the cited sentences: described always, and
    turning SUPPORTED into CONFLICTING when they are about the claimed slot. ``titles`` (doc id -> title)
    name the articles that name no outlet. ``context``: the whole articles the
    sentences come from, read only for who is who: a sentence that names a speaker by his office alone
    ("وقال رئيس الأركان") is his where any of them ties that office to his name. ``gate``: when a sentence
    counts as about the claim (``counts``; the fitted one unless a bench fits it). ``aligned``: the claim's words'
    translations found in the evidence (``align_words``). ``similar``: sentence text -> its cosine with the claim
    (``sentence_similarity``).
    """
    titles = titles or {}
    frame = claim_frame(claim, learn([claim, *context, *(e.text for e in evidence)]), aligned)
    lang = frame.lang if frame.lang in _TEMPLATES else "en"
    weights = _weights(frame, evidence)
    focus = _focus(evidence)
    comparisons = list(comparisons) + [None] * (len(evidence) - len(comparisons))
    similar = similar or {}
    story = _story(frame, evidence)
    assessed = [
        assess(frame, ev, c, weights, focus, gate, similar.get(ev.text, 0.0), story.get(ev.n, ())) for ev, c in zip(evidence, comparisons)
    ]
    support = [a for a in assessed if a.status in ("support", "both")]
    contra = [a for a in assessed if a.status in ("contradict", "both")]
    if support and all(a.weak for a in contra):
        contra = []  # the model's unsure "contradict" on a paraphrase does not outweigh sources that state the claim
    by_n = {e.n: e for e in evidence}
    contra = [a for a in contra if not _superseded(a, support, by_n)]
    t = _TEMPLATES[lang]
    parts = {}
    if support:
        who, n, reason = _sources(support, by_n, lang, titles)
        parts["support"] = t["support"].format(who=who, n=n, reason=reason)
    if contra:
        who, n, reason = _sources(contra, by_n, lang, titles)
        parts["contra"] = t["contra"].format(who=who, n=n, reason=reason)
    cited = tuple(dict.fromkeys(a.n for a in support + contra))
    values = _claim_values(claim)
    events = {v.event for v in values}
    figures = {v.normalized for v in values if v.slot == "number"}
    supporting = {a.n for a in support}
    related = [
        c
        for c in conflicts
        if any(set(p.citations) & set(cited) for p in c.positions)
        and (any(_same_event(c.topic, e) for e in events) or _sides_with_claimed_figure(c, supporting, figures))
    ]
    # The supporting sources are one side of a conflict on the very event and slot the claim states. A supporting
    # sentence backs its whole article: its headline restating the figure is the same report, not another source.
    backed = _articles_of({a.n for a in support}, evidence)
    disputed = bool(support) and any(c.kind in _slot_kinds(frame) and not _current(c, backed) for c in related)
    verdict: Verdict = (
        "CONFLICTING" if support and (contra or disputed) else "REFUTED" if contra else "SUPPORTED" if support else "NOT_ENOUGH_INFO"
    )
    explanation = t["DISPUTED" if disputed and not contra else verdict].format(**parts)
    if related:
        explanation += " " + " ".join(describe_conflict(c, lang) for c in related)
    return Judgement(verdict, explanation, cited, tuple(related))


def _claim_values(claim: str) -> list[Claim]:
    """The claim's own values, read the way sources are read."""
    return extract_claims(Evidence(0, "claim", claim, None, None))


def _sides_with_claimed_figure(conflict: Conflict, supporting: set[int], figures: set[str]) -> bool:
    """Is a side of ``conflict`` the very figure the claim states, shown by a sentence that supports it? Then the
    conflict is about the claim, however its topic is worded: the topic is one source's clause ("المستوى القياسي
    للأسعار، إلى 24.5%" beside the claim "ارتفع معدل التضخم السنوي إلى 24.5%"), and across outlets the clause
    that won the topic often shares too few words with the claim to be judged the same event."""
    return any(p.normalized in figures and supporting & set(p.citations) for p in conflict.positions)


def _same_event(topic: str, event: str) -> bool:
    """The conflict's claim (a source's clause) and the claim's frame are about one event (``bot.conflicts``)."""
    return about_same_event(topic, event)


def _slot_kinds(frame: ClaimFrame) -> set[str]:
    """The ``Conflict.kind`` values that are about a slot the claim states."""
    kinds = {"statement"}
    if frame.times:
        kinds.add("date")
    if frame.places:
        kinds.add("entity")
    if frame.quantities:
        kinds.add("number")
    return kinds
