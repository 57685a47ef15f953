"""Hybrid retrieval: dense (Chroma) + BM25, fused by reciprocal rank fusion.

RRF needs no score calibration between the two very different scorers, which is
why it is the fusion here: dense cosine and BM25 scores live on unrelated scales.
`IsnadRetriever` exposes the same search through LangChain's Retriever
interface, so the pipeline composes with any LangChain chain.
"""

from __future__ import annotations

from dataclasses import dataclass

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.embeddings import Embeddings
from langchain_core.retrievers import BaseRetriever

from vectorstore.keyword import LiveKeywordIndex
from vectorstore.store import ArticleStore, StoredChunk


def rrf_fuse(rankings: list[list[str]], k: int = 60) -> list[tuple[str, float]]:
    """Reciprocal rank fusion: score(id) = sum over rankings of 1 / (k + rank)."""
    scores: dict[str, float] = {}
    for ranking in rankings:
        for rank, item in enumerate(ranking, 1):
            scores[item] = scores.get(item, 0.0) + 1.0 / (k + rank)
    return sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))


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

    def search(self, query: str, k: int, keyword_query: str | None = None) -> list[Hit]:
        """Top ``k`` chunks; ``keyword_query`` lets BM25 search other words (e.g. an Arabic bridge)."""
        depth = max(self.depth, k)
        dense = self.store.dense_search(self.embeddings.embed_query(query), depth)
        index, corpus = self.keyword.current()
        keyword = [(corpus[h.index], h.score) for h in index.search(keyword_query or query, depth)]
        by_id: dict[str, StoredChunk] = {c.chunk_id: c for c, _ in dense + keyword}
        dense_score = {c.chunk_id: s for c, s in dense}
        keyword_score = {c.chunk_id: s for c, s in keyword}
        fused = rrf_fuse([[c.chunk_id for c, _ in dense], [c.chunk_id for c, _ in keyword]], self.rrf_k)
        return [Hit(by_id[cid], score, dense_score.get(cid), keyword_score.get(cid)) for cid, score in fused[:k]]


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
            for h in self.searcher.search(query, self.k)
        ]
