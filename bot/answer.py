"""Compose an extractive answer: quoted evidence, who says it, where sources disagree.

No generator model is involved: every sentence of substance in an answer is a
verbatim quote with its offsets, framed by the templates in ``prompts/answer.toml``.
That is the strongest guarantee against a fact-checking tool inventing facts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from datetime import date

import prompts
from bot.attribution import extract_attributions, format_attribution
from bot.claims import Evidence, extract_claims
from bot.conflicts import describe_conflict, find_conflicts
from bot.evidence import EvidenceSentence
from bot.schema import Answer, Citation, Conflict


@dataclass
class SourceDoc:
    """What the answer needs to know about an article a citation comes from."""

    text: str
    meta: dict
    anchor: date | None  # the date relative expressions in it are resolved against


def keep_evidence(evidence: list[EvidenceSentence], threshold: float, margin: float = 0.35) -> list[EvidenceSentence]:
    """Evidence worth quoting: above the abstention threshold and near the best one.

    The threshold is calibrated on the seed dev questions (see bench/calibrate.py):
    below it the best sentence is, on those questions, never the answer.
    """
    if not evidence or evidence[0].score < threshold:
        return []
    best = evidence[0].score
    return [e for e in evidence if e.score >= threshold and e.score >= best - margin]


def build_citations(evidence: list[EvidenceSentence], docs: Callable[[str], SourceDoc], lang: str = "en") -> list[Citation]:
    citations = []
    for n, ev in enumerate(evidence, 1):
        doc = docs(ev.doc_id)
        citations.append(
            Citation(
                n=n,
                doc_id=ev.doc_id,
                chunk_id=ev.chunk_id,
                outlet=doc.meta.get("outlet"),
                title=doc.meta.get("title"),
                published=doc.meta.get("published"),
                quote=doc.text[ev.start : ev.end],
                start=ev.start,
                end=ev.end,
                score=round(ev.score, 4),
                attributed_to=format_attribution(doc.meta.get("outlet"), extract_attributions(ev.text), lang),
            )
        )
    return citations


def as_evidence(citations: list[Citation], docs: Callable[[str], SourceDoc]) -> list[Evidence]:
    """Citations as claim-extraction input, each with the date its article's relative words resolve against."""
    return [Evidence(c.n, c.doc_id, c.quote, c.outlet, docs(c.doc_id).anchor) for c in citations]


def detect_conflicts(evidence: list[Evidence]) -> tuple[list[Conflict], list[str]]:
    """Claims of every cited sentence, compared across sources."""
    return find_conflicts([claim for ev in evidence for claim in extract_claims(ev)])


def render(lang: str, citations: list[Citation], conflicts: list[Conflict], notes: list[str]) -> str:
    t = prompts.load("answer")[lang]
    if not citations:
        return t["abstain"]
    lines = [t["intro"]]
    for c in citations:
        when = t["date"].format(date=c.published) if c.published else ""
        lines.append(t["line"].format(attributed_to=c.attributed_to, date=when, quote=c.quote, n=c.n))
    if conflicts:
        lines += ["", t["conflicts_intro"]] + [describe_conflict(c, lang) for c in conflicts]
    if notes:
        lines += ["", t["notes_intro"]] + notes
    return "\n".join(lines)


def compose_answer(
    question: str,
    lang: str,
    evidence: list[EvidenceSentence],
    docs: Callable[[str], SourceDoc],
    threshold: float,
) -> Answer:
    docs = lru_cache(maxsize=None)(docs)  # each article is read once per answer, not once per use
    citations = build_citations(keep_evidence(evidence, threshold), docs, lang)
    conflicts, notes = detect_conflicts(as_evidence(citations, docs))
    return Answer(
        question=question,
        answer=render(lang, citations, conflicts, notes),
        answerable=bool(citations),
        language=lang,
        citations=citations,
        conflicts=conflicts,
        notes=notes,
    )
