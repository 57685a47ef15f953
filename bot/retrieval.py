"""Hybrid retrieval: dense (Chroma) + BM25, fused by reciprocal rank fusion.

RRF needs no score calibration between the two very different scorers, which is
why it is the fusion here: dense cosine and BM25 scores live on unrelated scales.
BM25 runs twice: on the question's own words, and on its bridge (the same words
in the other language, ``bot.crosslingual``) over the articles written in that
language, so an Arabic question also reaches an English wire story by keyword.
`IsnadRetriever` exposes the same search through LangChain's Retriever
interface, so the pipeline composes with any LangChain chain.
"""

from __future__ import annotations

from dataclasses import dataclass

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.embeddings import Embeddings
from langchain_core.retrievers import BaseRetriever

from bot.crosslingual import bridge_text
from language.normalize import detect_language
from vectorstore.keyword import LiveKeywordIndex
from vectorstore.store import ArticleStore, StoredChunk


#: Weight in fusion of the keyword ranking searched with the bridge (the question's words in the other
#: language, ``bot.crosslingual``), which only ranks chunks of that other language. Translated words are a
#: noisier query than the reader's own: on XQuAD's English questions over Arabic paragraphs, the bridge at
#: full weight put the right paragraph first for 57% of questions, at half weight 61% (own words only: 64%,
#: dense alone: 72%), with the most paragraphs in the top 8 at half weight (96.6%).
BRIDGE_WEIGHT = 0.5


def rrf_fuse(rankings: list[list[str]], k: int = 60, weights: list[float] | None = None) -> list[tuple[str, float]]:
    """Reciprocal rank fusion: score(id) = sum over rankings of weight / (k + rank)."""
    scores: dict[str, float] = {}
    for ranking, weight in zip(rankings, weights or [1.0] * len(rankings)):
        for rank, item in enumerate(ranking, 1):
            scores[item] = scores.get(item, 0.0) + weight / (k + rank)
    return sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))


#: Top places kept for the best chunks the bridge found. A chunk in the other language never gets the
#: question's own keyword vote, and e5 ranks a same-language chunk above a translation of it, so without
#: a reserved place an English wire story never reached an Arabic question's evidence (it fused below
#: every Arabic chunk that both sides found). The sentence ranker still decides whether it is quoted.
BRIDGE_SLOTS = 2


def fuse(dense: list[str], keyword: list[str], bridged: list[str], k: int, rrf_k: int = 60) -> list[tuple[str, float]]:
    """The top ``k`` of the three rankings fused, keeping the ``BRIDGE_SLOTS`` best-fused chunks of ``bridged``."""
    fused = rrf_fuse([dense, keyword, bridged], rrf_k, [1.0, 1.0, BRIDGE_WEIGHT])
    reached = set(bridged)
    kept = [f for f in fused if f[0] in reached][:BRIDGE_SLOTS]
    rest = [f for f in fused if f not in kept][: max(0, k - len(kept))]
    return sorted(rest + kept, key=lambda kv: (-kv[1], kv[0]))[:k]


def in_language(texts: list[str], lang: str) -> list[int]:
    """Positions of the texts written in ``lang`` (what a bridge in that language may rank)."""
    return [i for i, text in enumerate(texts) if detect_language(text) == lang]


@dataclass
class Hit:
    chunk: StoredChunk
    score: float  # fused RRF score
    dense: float | None  # cosine similarity, when the dense side found it
    keyword: float | None  # BM25 score, when the keyword side found it


class HybridSearcher:
    """Runs both retrievers over one store and fuses them."""

    def __init__(self, store: ArticleStore, embeddings: Embeddings, rrf_k: int = 60, depth: int = 30):
        self.store = store
        self.embeddings = embeddings
        self.keyword = LiveKeywordIndex(store)
        self.rrf_k = rrf_k
        self.depth = depth  # candidates taken from each side before fusion

    def search(self, query: str, k: int, bridge: str | None = None) -> list[Hit]:
        """Top ``k`` chunks: dense, BM25 on the query, and BM25 on ``bridge`` over chunks in the bridge's language.

        The bridge ranking is how a question reaches articles in the other
        language (an Arabic question, an English wire story); limited to those
        articles, it cannot reorder the ones the question's own words rank.
        """
        depth = max(self.depth, k)
        dense = self.store.dense_search(self.embeddings.embed_query(query), depth)
        index, corpus = self.keyword.current()
        keyword = [(corpus[h.index], h.score) for h in index.search(query, depth)]
        bridged: list[tuple[StoredChunk, float]] = []
        if bridge:
            found = [(corpus[h.index], h.score) for h in index.search(bridge, depth)]
            bridged = [found[i] for i in in_language([c.text for c, _ in found], detect_language(bridge))]
        by_id: dict[str, StoredChunk] = {c.chunk_id: c for c, _ in dense + keyword + bridged}
        dense_score = {c.chunk_id: s for c, s in dense}
        keyword_score = {c.chunk_id: s for c, s in bridged + keyword}  # own words' score where both found it
        fused = fuse(*([c.chunk_id for c, _ in ranked] for ranked in (dense, keyword, bridged)), k=k, rrf_k=self.rrf_k)
        return [Hit(by_id[cid], score, dense_score.get(cid), keyword_score.get(cid)) for cid, score in fused]


class IsnadRetriever(BaseRetriever):
    """LangChain view of `HybridSearcher`: chunks as Documents with offsets in metadata."""

    searcher: HybridSearcher
    k: int = 8

    model_config = {"arbitrary_types_allowed": True}

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        return [
            Document(
                page_content=h.chunk.text,
                id=h.chunk.chunk_id,
                metadata={**h.chunk.meta, "chunk_id": h.chunk.chunk_id, "score": h.score, "dense": h.dense, "keyword": h.keyword},
            )
            for h in self.searcher.search(query, self.k, bridge_text(query))
        ]
