"""BM25 keyword index (bm25s) over Arabic-normalised, stemmed chunk text.

Measured (bench/embeddings.py, bench/retrieval.py), stemmed BM25 is the best
single retriever on Arabic (ARCD MRR 0.80 vs 0.79 for e5, 0.61 for USE) but
finds almost nothing for English questions over Arabic text (seed hit@1 0.31
vs 0.81 for e5): hence hybrid retrieval, which beats both (ARCD MRR 0.82).

The index is derived data: it is rebuilt from the chunk collection whenever the
store changes, so it can never disagree with Chroma about what exists.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Iterable
from dataclasses import dataclass

import bm25s
import numpy as np

from language.normalize import bm25_tokens


@dataclass
class KeywordHit:
    index: int  # position in the corpus the index was built from
    score: float


class KeywordIndex:
    """An immutable BM25 index over a list of texts."""

    def __init__(self, texts: Iterable[str]):
        tokens = [bm25_tokens(t) for t in texts]
        self.size = len(tokens)
        self._bm25 = bm25s.BM25()
        if self.size:
            self._bm25.index(tokens, show_progress=False)
        self._vocab: dict[str, int] = getattr(self._bm25, "vocab_dict", {}) or {}
        self._df = self._document_frequencies(tokens)

    @staticmethod
    def _document_frequencies(tokens: list[list[str]]) -> dict[str, int]:
        df: dict[str, int] = {}
        for doc in tokens:
            for tok in set(doc):
                df[tok] = df.get(tok, 0) + 1
        return df

    def idf(self, token: str) -> float:
        """Smoothed IDF of a (normalised, stemmed) token; unseen tokens weigh most."""
        return math.log(1 + (self.size + 1) / (self._df.get(token, 0) + 0.5))

    def search(self, query: str, k: int) -> list[KeywordHit]:
        terms = [t for t in bm25_tokens(query) if t in self._vocab]
        if not terms or not self.size:
            return []
        docs, scores = self._bm25.retrieve([terms], k=min(k, self.size), show_progress=False, n_threads=1)
        return [KeywordHit(int(d), float(s)) for d, s in zip(np.ravel(docs), np.ravel(scores)) if s > 0]


class LiveKeywordIndex:
    """Keeps a `KeywordIndex` in step with a store, rebuilding when it changed."""

    def __init__(self, store):
        self._store = store
        self._lock = threading.Lock()
        self._state: tuple[int, int] | None = None
        self._index: KeywordIndex | None = None
        self._chunks: list = []

    def current(self) -> tuple[KeywordIndex, list]:
        """The index and the chunk list its hit indices refer to."""
        state = (self._store.version, self._store.count())
        with self._lock:
            if state != self._state or self._index is None:
                self._chunks = list(self._store.all_chunks())
                self._index = KeywordIndex(c.text for c in self._chunks)
                self._state = state
            return self._index, self._chunks
