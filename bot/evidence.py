"""Pick the evidence sentences inside retrieved chunks, and score them.

A citation must be a sentence a reader can check, not a 700-character chunk, so
every retrieved chunk is re-split (the same pure splitter as at ingest) and each
sentence is scored against the question. The score mixes meaning (cosine of
multilingual embeddings: what lets an English question match Arabic text) and
coverage of the question's rare words (IDF-weighted: what makes an off-topic
question score low even when some common word matches). That one number is
also what the abstention threshold is calibrated on.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import numpy as np
from langchain_core.embeddings import Embeddings

from bot.retrieval import Hit
from vectorstore.keyword import KeywordIndex
from vectorstore.normalize import bm25_tokens

#: Weight of word coverage against cosine similarity (tuned on the seed dev questions).
COVERAGE_WEIGHT = 1.0
#: Small preference for sentences inside chunks both retrievers agreed on.
FUSION_WEIGHT = 5.0


@dataclass
class EvidenceSentence:
    doc_id: str
    chunk_id: str
    start: int  # offsets into the original article
    end: int
    text: str
    score: float
    cosine: float
    coverage: float


def coverage(query_terms: list[str], sentence: str, index: KeywordIndex) -> float:
    """Share of the question's IDF mass whose terms occur in the sentence (0..1)."""
    if not query_terms:
        return 0.0
    present = set(bm25_tokens(sentence))
    weights = {t: index.idf(t) for t in set(query_terms)}
    total = sum(weights.values())
    return sum(w for t, w in weights.items() if t in present) / total if total else 0.0


def _sentences(hit: Hit) -> list[tuple[int, int]]:
    """Sentence spans (article offsets) stored with the chunk at ingest."""
    return [tuple(s) for s in json.loads(hit.chunk.meta["sentences"])]


def select_evidence(
    question: str,
    hits: list[Hit],
    embeddings: Embeddings,
    index: KeywordIndex,
    limit: int,
    per_doc: int = 2,
    keyword_query: str | None = None,
) -> list[EvidenceSentence]:
    """Best sentences first, at most ``per_doc`` from one article so sources stay diverse.

    ``keyword_query`` is what word coverage is measured with (the question plus
    its Arabic bridge for English questions); the cosine always uses the question.
    """
    candidates: list[tuple[Hit, int, int, str]] = []
    for hit in hits:
        for start, end in _sentences(hit):
            text = hit.chunk.text[start - hit.chunk.start : end - hit.chunk.start]
            candidates.append((hit, start, end, text))
    if not candidates:
        return []
    q = np.asarray(embeddings.embed_query(question))
    vectors = np.asarray(embeddings.embed_documents([c[3] for c in candidates]))
    cosines = vectors @ q
    terms = bm25_tokens(keyword_query or question)
    scored = []
    for (hit, start, end, text), cos in zip(candidates, cosines):
        cov = coverage(terms, text, index)
        score = float(cos) + COVERAGE_WEIGHT * cov + FUSION_WEIGHT * hit.score
        scored.append(EvidenceSentence(hit.chunk.doc_id, hit.chunk.chunk_id, start, end, text, score, float(cos), cov))
    scored.sort(key=lambda e: -e.score)
    chosen: list[EvidenceSentence] = []
    taken: dict[str, int] = {}
    for ev in scored:
        if taken.get(ev.doc_id, 0) < per_doc:
            chosen.append(ev)
            taken[ev.doc_id] = taken.get(ev.doc_id, 0) + 1
        if len(chosen) == limit:
            break
    return chosen
