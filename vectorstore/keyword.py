"""BM25 keyword index over Arabic-normalised, stemmed chunk text, updated in place.

Measured (bench/embeddings.py, bench/retrieval.py), stemmed BM25 is the best
single retriever on Arabic (ARCD MRR 0.80 vs 0.79 for e5, 0.61 for USE) but
finds almost nothing for English questions over Arabic text (seed hit@1 0.31
vs 0.81 for e5): hence hybrid retrieval, which beats both (ARCD MRR 0.82).

The index is derived data kept in each process. WHY not rebuild it when the
store changes (what it did until session 13): at 2,000 ANT articles a rebuild
(refetch every chunk, re-tokenise, bm25s index) took ~5 s and it grows with
the collection, so one upload made the next question wait for work
proportional to the whole archive (bench/keyword.py). Instead the postings are
updated per chunk: adding or removing an article costs work proportional to
that article, and scores are computed at query time from live document
frequencies, so they equal a fresh index's. Scoring is bm25s's default (the
Lucene variant, k1=1.5, b=0.75), so rankings are the ones the retrieval
benchmarks were measured with.

`LiveKeywordIndex` learns about changes from the store's change log (a small
Chroma collection every writing process appends to, see `store.py`), so
several app processes sharing one Chroma server see each other's uploads and
deletes on the keyword side too, within ``poll_s`` seconds.
"""

from __future__ import annotations

import math
import threading
import time
from array import array
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from language.normalize import bm25_tokens

K1 = 1.5
B = 0.75


@dataclass
class KeywordHit:
    index: int  # slot: position in the corpus the index was built from (slots of later additions follow)
    score: float


class KeywordIndex:
    """BM25 over token lists, with slots added and removed in place.

    Slots are append-only and stable: removing one only marks it dead, so a
    caller holding a slot number (a hit) can still resolve it. `compacted`
    returns a fresh index without the dead slots when they pile up.
    """

    def __init__(self, texts: Iterable[str] = ()):
        self._lock = threading.RLock()
        self._postings: dict[str, tuple[array, array]] = {}  # token -> (slots, term frequencies)
        self._df: dict[str, int] = {}
        self._terms: list[tuple[str, ...]] = []  # distinct tokens of each slot (to undo its df on removal)
        self._lengths = np.zeros(0, dtype=np.float32)
        self._alive = np.zeros(0, dtype=bool)
        self._slots = 0
        self.size = 0  # live slots
        self.dead = 0
        self._total_length = 0
        for text in texts:
            self.add(bm25_tokens(text))

    def add(self, tokens: list[str]) -> int:
        """Index one token list; returns its slot."""
        counts = Counter(tokens)
        with self._lock:
            slot = self._slots
            if slot == len(self._alive):
                grown = max(1024, 2 * slot)
                self._lengths = np.resize(self._lengths, grown)
                self._alive = np.concatenate([self._alive, np.zeros(grown - slot, dtype=bool)])
            self._lengths[slot] = len(tokens)
            self._alive[slot] = True
            for token, tf in counts.items():
                postings = self._postings.get(token)
                if postings is None:
                    postings = self._postings[token] = (array("i"), array("i"))
                postings[0].append(slot)
                postings[1].append(tf)
                self._df[token] = self._df.get(token, 0) + 1
            self._terms.append(tuple(counts))
            self._slots += 1
            self.size += 1
            self._total_length += len(tokens)
            return slot

    def remove(self, slot: int) -> None:
        """Forget a slot (its postings stay, masked, until `compacted`)."""
        with self._lock:
            if not self._alive[slot]:
                return
            self._alive[slot] = False
            for token in self._terms[slot]:
                self._df[token] -= 1
            self._terms[slot] = ()
            self.size -= 1
            self.dead += 1
            self._total_length -= int(self._lengths[slot])

    def compacted(self) -> tuple[KeywordIndex, list[int]]:
        """A copy without dead slots, and the old slot of each new slot (in order)."""
        with self._lock:
            keep = np.flatnonzero(self._alive[: self._slots])
            renumber = np.full(self._slots, -1, dtype=np.int64)
            renumber[keep] = np.arange(len(keep))
            fresh = KeywordIndex()
            for token, (slots, tfs) in self._postings.items():
                s = np.asarray(slots, dtype=np.int64)
                live = self._alive[s]
                if live.any():
                    fresh._postings[token] = (array("i", renumber[s[live]].tolist()), array("i", np.asarray(tfs)[live].tolist()))
                    fresh._df[token] = self._df[token]
            fresh._terms = [self._terms[i] for i in keep.tolist()]
            fresh._lengths = self._lengths[keep].copy()
            fresh._alive = np.ones(len(keep), dtype=bool)
            fresh._slots = fresh.size = len(keep)
            fresh._total_length = self._total_length
            return fresh, keep.tolist()

    def idf(self, token: str) -> float:
        """Smoothed IDF of a (normalised, stemmed) token; unseen tokens weigh most."""
        return math.log(1 + (self.size + 1) / (self._df.get(token, 0) + 0.5))

    def search(self, query: str, k: int) -> list[KeywordHit]:
        """Top ``k`` live slots by BM25 (ties: lower slot first); only positive scores."""
        with self._lock:
            terms = [t for t in bm25_tokens(query) if self._df.get(t)]
            if not terms or not self.size:
                return []
            n, avg = self.size, self._total_length / self.size
            scores = np.zeros(self._slots, dtype=np.float32)
            for term in terms:  # repeated query words count again, as in bm25s
                slots_a, tfs_a = self._postings[term]
                slots = np.asarray(slots_a, dtype=np.int64)
                live = self._alive[slots]
                slots, tf = slots[live], np.asarray(tfs_a, dtype=np.float32)[live]
                df = self._df[term]
                idf = np.float32(math.log(1 + (n - df + 0.5) / (df + 0.5)))
                lengths = self._lengths[slots]
                np.add.at(scores, slots, idf * tf / (K1 * ((1 - B) + B * lengths / avg) + tf))
        found = np.flatnonzero(scores > 0)
        order = found[np.argsort(-scores[found], kind="stable")][:k]
        return [KeywordHit(int(i), float(scores[i])) for i in order]


class LiveKeywordIndex:
    """Keeps a `KeywordIndex` in step with a store and every other process writing to it.

    The first call indexes every committed chunk. After that, a call reads the
    store's change log (at most every ``poll_s`` seconds, and at once after a
    write through this process's store) and re-indexes only the articles whose
    committed version differs from the one indexed. ``poll_s`` bounds how long
    another process's upload or delete stays invisible to this one.
    """

    def __init__(self, store, poll_s: float = 1.0):
        self._store = store
        self.poll_s = poll_s
        self._lock = threading.Lock()
        self._index: KeywordIndex | None = None
        self._chunks: list = []  # slot -> StoredChunk
        self._slots: dict[str, list[int]] = {}  # doc_id -> its live slots
        self._versions: dict[str, str] = {}  # doc_id -> content hash indexed
        self._cursor: float | None = None
        self._seen_version = -1
        self._polled = -math.inf
        self.stats = Counter()  # full builds, catch-ups, articles re-indexed: what a benchmark or test can read

    def current(self) -> tuple[KeywordIndex, list]:
        """The index and the slot -> chunk list its hit indices refer to."""
        with self._lock:
            if self._index is None:
                self._build()
            elif self._store.version != self._seen_version or time.monotonic() - self._polled >= self.poll_s:
                self._catch_up()
            return self._index, self._chunks

    def _build(self) -> None:
        self._seen_version, self._polled = self._store.version, time.monotonic()
        _, self._cursor = self._store.changes_since(None)  # before the scan: what lands during it is replayed
        self._index, self._chunks, self._slots, self._versions = KeywordIndex(), [], {}, {}
        self._add(self._store.all_chunks())
        self.stats["builds"] += 1

    def _catch_up(self) -> None:
        self._seen_version, self._polled = self._store.version, time.monotonic()
        changes, self._cursor = self._store.changes_since(self._cursor)
        self._reindex({doc_id for doc_id, digest in changes if self._versions.get(doc_id, "") != digest})  # "": deleted
        if len(self._versions) != self._store.document_count():  # a write the log missed (its writer killed in between)
            stored = self._store.document_versions()
            self._reindex({d for d in stored.keys() | self._versions.keys() if stored.get(d) != self._versions.get(d)})

    def _reindex(self, doc_ids: set[str]) -> None:
        """Replace what the index holds of these articles by their committed chunks (none: deleted)."""
        if not doc_ids:
            return
        for doc_id in doc_ids:
            for slot in self._slots.pop(doc_id, ()):
                self._index.remove(slot)
            self._versions.pop(doc_id, None)
        self._add(self._store.chunks_of(sorted(doc_ids)))
        if self._index.dead > max(self._index.size, 1000):
            self._compact()
        self.stats["catch_ups"] += 1
        self.stats["articles_reindexed"] += len(doc_ids)

    def _add(self, chunks: Iterable) -> None:
        for chunk in chunks:
            slot = self._index.add(bm25_tokens(chunk.text))
            self._chunks.append(chunk)
            self._slots.setdefault(chunk.doc_id, []).append(slot)
            self._versions[chunk.doc_id] = chunk.meta.get("content_hash", "")

    def _compact(self) -> None:
        """Swap in an index without dead slots; callers holding the old pair keep a consistent view."""
        self._index, old_slots = self._index.compacted()
        self._chunks = [self._chunks[s] for s in old_slots]
        self._slots = {}
        for slot, chunk in enumerate(self._chunks):
            self._slots.setdefault(chunk.doc_id, []).append(slot)
