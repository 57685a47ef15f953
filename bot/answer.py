"""Compose an extractive answer: quoted evidence, who says it, where sources disagree.

No generator model is involved: every sentence of substance in an answer is a
verbatim quote with its offsets, framed by the templates in ``prompts/answer.toml``;
the direct answer that opens it is a value read from those quotes (``bot.direct``).
That is the strongest guarantee against a fact-checking tool inventing facts. The
direct line is withheld when the learned answerability gate (``bot.answerable``)
finds that the quotes only sit near the question without answering it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from datetime import date

from langchain_core.embeddings import Embeddings

import prompts
from bot.answerable import answers, as_quoted
from bot.attribution import extract_attributions, format_attribution
from bot.claims import Evidence, extract_all
from bot.conflicts import describe_conflict, find_conflicts
from bot.direct import direct_answer
from bot.evidence import EvidenceSentence
from bot.injection import addressed_to_system
from bot.schema import Answer, Citation, Conflict, DirectAnswer
from language.calendar import format_day
from language.lexicon import question_kind


@dataclass
class SourceDoc:
    """What the answer needs to know about an article a citation comes from."""

    text: str
    meta: dict
    anchor: date | None  # the date relative expressions in it are resolved against


#: Once an answer clears the threshold, sentences this fraction of it are still quoted beside it:
#: other outlets restate the answer in longer sentences that score lower, and a disagreement
#: between sources can only be seen when both are quoted.
QUOTE_RATIO = 0.25


def keep_evidence(evidence: list[EvidenceSentence], threshold: float) -> list[EvidenceSentence]:
    """Evidence worth quoting: none unless the best sentence clears ``threshold``, then all above ``QUOTE_RATIO`` of it
    (an outlet's figure on its article's score: ``EvidenceSentence.quote_score``).

    ``evidence[i].score`` is the ranker's probability that the sentence answers; the
    threshold ships with the ranker (``bot/models/ranker.json``), chosen out of fold
    on ARCD and XQuAD with negatives asked of collections lacking their paragraph
    (see bench/answers.py).
    """
    if not evidence or evidence[0].score < threshold:
        return []
    return [e for e in evidence if e.quote_score >= QUOTE_RATIO * threshold]


def build_citations(evidence: list[EvidenceSentence], docs: Callable[[str], SourceDoc], lang: str = "en") -> list[Citation]:
    """Citations of the evidence whose article version is still the stored one.

    A document can be replaced or deleted between retrieval and this read: its
    offsets then point into text they were not cut from (``docs`` raises
    KeyError for a deleted one), so such a sentence is dropped, not quoted. So is
    every sentence of an article that speaks to an AI system anywhere: it was
    written to steer the answer, and its plain sentences are part of that.
    """
    citations: list[Citation] = []
    for ev in evidence:
        try:
            doc = docs(ev.doc_id)
        except KeyError:
            continue
        if doc.meta.get("content_hash") != ev.version or addressed_to_system(doc.text):  # not reporting: bot.injection
            continue
        citations.append(
            Citation(
                n=len(citations) + 1,
                doc_id=ev.doc_id,
                chunk_id=ev.chunk_id,
                outlet=doc.meta.get("outlet"),
                title=doc.meta.get("title"),
                published=doc.meta.get("published"),
                quote=doc.text[ev.start : ev.end],
                start=ev.start,
                end=ev.end,
                score=round(ev.score, 4),
                attributed_to=format_attribution(doc.meta.get("outlet"), extract_attributions(ev.text), lang, doc.meta.get("title")),
            )
        )
    return citations


def as_evidence(citations: list[Citation], docs: Callable[[str], SourceDoc]) -> list[Evidence]:
    """Citations as claim-extraction input, each with the date its article's relative words resolve against."""
    return [Evidence(c.n, c.doc_id, c.quote, c.outlet, docs(c.doc_id).anchor, c.title) for c in citations]


def detect_conflicts(evidence: list[Evidence], lang: str = "en") -> tuple[list[Conflict], list[str]]:
    """Claims of every cited sentence, compared across sources; positions named in ``lang``."""
    return find_conflicts(extract_all(evidence), lang)


def source_label(outlet: str | None, title: str | None, lang: str) -> str:
    """What an article is called wherever it is named: its outlet, else an unnamed source with its title, else
    "unknown source".

    Never its doc id, which means nothing to a reader; one function so an article
    is called the same in the answer's prose and on its source card.
    """
    return format_attribution(outlet, [], lang, title)


def published_label(published: str | None, lang: str) -> str | None:
    """An article's ISO publication day in the reader's language ("7 July 2020" / "7 يوليو 2020"), else as stored."""
    if not published:
        return None
    try:
        return format_day(date.fromisoformat(published[:10]), lang, weekday=False)
    except ValueError:
        return published


def citation_line(c: Citation, lang: str) -> str:
    """One quoted source as every text reply shows it: who, when (in ``lang``), the quote, its number."""
    t = prompts.load("answer")[lang]
    when = t["date"].format(date=published_label(c.published, lang)) if c.published else ""
    return t["line"].format(attributed_to=c.attributed_to, date=when, quote=c.quote, n=c.n)


def render(
    lang: str,
    citations: list[Citation],
    conflicts: list[Conflict],
    notes: list[str],
    direct: DirectAnswer | None = None,
    unstated: str | None = None,
) -> str:
    """The answer's text; ``unstated`` is the kind of value asked for that no quote states, or "answer" when the
    answerability gate (``bot.answerable``) finds that the quotes do not answer (they then only show what the
    collection says nearby)."""
    t = prompts.load("answer")[lang]
    if not citations:
        return t["abstain"]
    head = [t["unstated"][unstated], ""] if unstated else ([direct.text, ""] if direct else [])
    lines = head + [t["closest" if unstated else "intro"]] + [citation_line(c, lang) for c in citations]
    if conflicts:
        lines += [""] + [describe_conflict(c, lang) for c in conflicts]  # each sentence says "Sources disagree on…" itself
    if notes:
        lines += ["", t["notes_intro"]] + notes
    return "\n".join(lines)


def compose_answer(
    question: str,
    lang: str,
    evidence: list[EvidenceSentence],
    docs: Callable[[str], SourceDoc],
    threshold: float,
    encoder: Embeddings | None = None,
    aligner: Embeddings | None = None,
) -> Answer:
    docs = lru_cache(maxsize=None)(docs)  # each article is read once per answer, not once per use
    kept = keep_evidence(evidence, threshold)
    citations = build_citations(kept, docs, lang)
    conflicts, notes = detect_conflicts(as_evidence(citations, docs), lang)
    direct = direct_answer(
        question, lang, citations, {c.doc_id: docs(c.doc_id).anchor for c in citations}, encoder=encoder, aligner=aligner
    )
    unstated = question_kind(question) if citations and direct is None else None
    if direct is not None and not answers(question, as_quoted(kept), direct):
        # The quotes sit near the question without answering it: say so, and still show them as the closest
        # passages, which is what a fact-checker needs to see that the collection is silent, not wrong.
        direct, unstated = None, "answer"
    return Answer(
        question=question,
        answer=render(lang, citations, conflicts, notes, direct, unstated),
        answerable=direct is not None,
        language=lang,
        direct=direct,
        citations=citations,
        conflicts=conflicts,
        notes=notes,
    )
