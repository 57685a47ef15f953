"""BM25 keyword index over Arabic-normalised, stemmed chunk text, updated in place and kept on disk.

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

WHY a snapshot on disk and no chunk text in memory (session 18): at the whole
ANT corpus (84,929 chunks) a server spent most of its start refetching and
re-tokenising every chunk (42-68 s of 77-90 s), and held every chunk's text
and metadata for the life of the process (+380 MB of a 1,919 MB RSS, 2 GiB
goal). The postings are now compact arrays (CSR), saved under the store's
local cache directory with the change-log cursor they reflect, loaded at start
(1.5 s) and caught up through the log like any other reader; only slot ->
(article, chunk number) stays in memory, and the chunks a search returns are
fetched from the store in one call (9-20 ms per 100 hits; since session 24 two
reads, the chunks' offsets and their article records, whose text they are
slices of: `ArticleStore.get_chunks`). Measured
(bench.query, back to back): a later start 90.4 -> 32.5 s, serving RSS 1,919
-> 1,398 MB, /api/search p50 with one client 92 / 79 -> 61 / 67 ms (ar / en).
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import sys
import threading
import time
import zipfile
from array import array
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from language.normalize import bm25_tokens
from vectorstore.store import StoredChunk, chunk_id

K1 = 1.5
B = 0.75
#: Postings held outside the compact arrays before they are merged in: bounds the per-term lists an upload or
#: a build keeps (a merge costs one pass over the arrays, so a build of N entries merges N / MERGE_AT times).
MERGE_AT = 500_000
#: Bumped whenever what `KeywordIndex.arrays` or the snapshot holds changes: an older snapshot is then rebuilt.
SNAPSHOT_FORMAT = 1
#: Articles re-indexed since the last snapshot after which a catch-up writes a new one, so a restart
#: replays at most about this many articles from the change log.
SAVE_AFTER = 1000
#: Dead slots (removed or replaced chunks) past which, and past the live ones, the index is compacted.
COMPACT_AT = 1000
#: Tokenised into the snapshot's identity (`LiveKeywordIndex._identity`): folding, stopwords, stemming, both languages.
TOKENISER_PROBE = (
    "قال المسؤولون إن الأطفال ذهبوا إلى المدرسة على الرغم من الأمطار، حتى أن المعلمين والمعلمات وصلوا متأخرين. "
    "The officials said that the children were walking to their schools despite the heavy rains."
)


@dataclass
class KeywordHit:
    index: int  # slot: position in the corpus the index was built from (slots of later additions follow)
    score: float


def _strings(values: Iterable[str]) -> np.ndarray:
    """Strings as one byte array (a JSON list: any character may occur in a document id)."""
    return np.frombuffer(json.dumps(list(values), ensure_ascii=False).encode("utf-8"), dtype=np.uint8)


def _unstrings(data: np.ndarray) -> list[str]:
    values = json.loads(data.tobytes().decode("utf-8"))
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise ValueError("not a list of strings")
    return values


class KeywordIndex:
    """BM25 over token lists, with slots added and removed in place.

    Slots are append-only and stable: removing one only marks it dead, so a
    caller holding a slot number (a hit) can still resolve it. `compacted`
    returns a fresh index without the dead slots when they pile up.
    Postings live in compressed sparse rows (term -> slots, term frequencies)
    plus per-term lists of what was added since the last merge; a term's
    document frequency is the number of its live slots, counted when needed.
    """

    def __init__(self, texts: Iterable[str] = ()):
        self._lock = threading.RLock()
        self._vocab: dict[str, int] = {}  # token -> term id
        self._indptr = np.zeros(1, dtype=np.int64)  # term id -> its range in _post_slots (terms merged so far)
        self._post_slots = np.zeros(0, dtype=np.int32)
        self._post_tfs = np.zeros(0, dtype=np.uint16)
        self._extra: dict[int, tuple[array, array]] = {}  # term id -> (slots, tfs) added since the last merge
        self._extra_n = 0
        self._df: dict[int, int] = {}  # counted document frequencies, forgotten on any change
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
                term = self._vocab.setdefault(token, len(self._vocab))
                postings = self._extra.get(term)
                if postings is None:
                    postings = self._extra[term] = (array("i"), array("i"))
                postings[0].append(slot)
                postings[1].append(min(tf, 65535))
            self._extra_n += len(counts)
            self._df.clear()
            self._slots += 1
            self.size += 1
            self._total_length += len(tokens)
            if self._extra_n >= MERGE_AT:
                self.merge()
            return slot

    def remove(self, slot: int) -> None:
        """Forget a slot (its postings stay, masked, until `compacted`)."""
        with self._lock:
            if not self._alive[slot]:
                return
            self._alive[slot] = False
            self._df.clear()
            self.size -= 1
            self.dead += 1
            self._total_length -= int(self._lengths[slot])

    def _entries(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Every posting as (term id, slot, tf), sorted by term then slot."""
        terms = np.repeat(np.arange(len(self._indptr) - 1, dtype=np.int32), np.diff(self._indptr))
        extra = sorted(self._extra.items())
        if not extra:
            return terms, self._post_slots, self._post_tfs
        new_terms = np.concatenate([np.full(len(s), t, dtype=np.int32) for t, (s, _) in extra])
        new_slots = np.concatenate([np.frombuffer(s, dtype=np.int32) for _, (s, _) in extra])
        new_tfs = np.concatenate([np.frombuffer(f, dtype=np.int32) for _, (_, f) in extra]).astype(np.uint16)
        terms = np.concatenate([terms, new_terms])
        order = np.argsort(terms, kind="stable")  # merged slots precede added ones, so each term stays slot-sorted
        return terms[order], np.concatenate([self._post_slots, new_slots])[order], np.concatenate([self._post_tfs, new_tfs])[order]

    def _set_rows(self, terms: np.ndarray, slots: np.ndarray, tfs: np.ndarray, n_terms: int) -> None:
        self._indptr = np.zeros(n_terms + 1, dtype=np.int64)
        np.cumsum(np.bincount(terms, minlength=n_terms), out=self._indptr[1:])
        self._post_slots, self._post_tfs = slots.astype(np.int32), tfs.astype(np.uint16)
        self._extra, self._extra_n = {}, 0

    def merge(self) -> None:
        """Move the postings added since the last merge into the compact arrays."""
        with self._lock:
            if self._extra:
                self._set_rows(*self._entries(), len(self._vocab))

    def compacted(self) -> tuple[KeywordIndex, list[int]]:
        """A copy without dead slots (nor terms only they held), and the old slot of each new slot (in order)."""
        with self._lock:
            keep = np.flatnonzero(self._alive[: self._slots])
            renumber = np.full(self._slots, -1, dtype=np.int64)
            renumber[keep] = np.arange(len(keep))
            terms, slots, tfs = self._entries()
            live = self._alive[slots]
            terms, slots, tfs = terms[live], renumber[slots[live]], tfs[live]
            used = np.unique(terms)
            term_of = np.full(len(self._vocab), -1, dtype=np.int64)
            term_of[used] = np.arange(len(used))
            fresh = KeywordIndex()
            fresh._vocab = {token: int(term_of[t]) for token, t in self._vocab.items() if term_of[t] >= 0}
            fresh._set_rows(term_of[terms], slots, tfs, len(used))
            fresh._lengths = self._lengths[keep].copy()
            fresh._alive = np.ones(len(keep), dtype=bool)
            fresh._slots = fresh.size = len(keep)
            fresh._total_length = self._total_length
            return fresh, keep.tolist()

    def _postings(self, term: int) -> tuple[np.ndarray, np.ndarray]:
        """Live (slots, tfs) of a term id."""
        if term < len(self._indptr) - 1:
            a, b = self._indptr[term], self._indptr[term + 1]
            slots, tfs = self._post_slots[a:b], self._post_tfs[a:b]
        else:
            slots, tfs = np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.uint16)
        if (extra := self._extra.get(term)) is not None:
            slots = np.concatenate([slots, np.frombuffer(extra[0], dtype=np.int32)])
            tfs = np.concatenate([tfs, np.frombuffer(extra[1], dtype=np.int32).astype(np.uint16)])
        live = self._alive[slots]
        return slots[live], tfs[live]

    def _doc_freq(self, term: int) -> int:
        if (df := self._df.get(term)) is None:
            df = self._df[term] = len(self._postings(term)[0])
        return df

    def idf(self, token: str) -> float:
        """Smoothed IDF of a (normalised, stemmed) token; unseen tokens weigh most."""
        with self._lock:
            term = self._vocab.get(token)
            return math.log(1 + (self.size + 1) / ((0 if term is None else self._doc_freq(term)) + 0.5))

    def search(self, query: str, k: int) -> list[KeywordHit]:
        """Top ``k`` live slots by BM25 (ties: lower slot first); only positive scores."""
        with self._lock:
            postings = [self._postings(term) for t in bm25_tokens(query) if (term := self._vocab.get(t)) is not None]
            postings = [p for p in postings if len(p[0])]  # repeated query words count again, as in bm25s
            if not postings or not self.size:
                return []
            n, avg = self.size, self._total_length / self.size
            scores = np.zeros(self._slots, dtype=np.float32)
            for slots, tfs in postings:
                tf, df = tfs.astype(np.float32), len(slots)
                idf = np.float32(math.log(1 + (n - df + 0.5) / (df + 0.5)))
                scores[slots] += idf * tf / (K1 * ((1 - B) + B * self._lengths[slots] / avg) + tf)  # a term holds a slot once
        found = np.flatnonzero(scores > 0)
        order = found[np.argsort(-scores[found], kind="stable")][:k]
        return [KeywordHit(int(i), float(scores[i])) for i in order]

    def arrays(self) -> dict[str, np.ndarray]:
        """The whole index as arrays (merged first): what a snapshot stores."""
        with self._lock:
            self.merge()
            return {
                "vocab": _strings(self._vocab),  # dicts keep insertion order, which is term id order
                "indptr": self._indptr,
                "post_slots": self._post_slots,
                "post_tfs": self._post_tfs,
                "lengths": self._lengths[: self._slots],
                "alive": self._alive[: self._slots],
            }

    @classmethod
    def from_arrays(cls, data: dict[str, np.ndarray]) -> KeywordIndex:
        """The index `arrays` described; ValueError if they do not fit together (a damaged snapshot)."""
        index = cls()
        vocab = _unstrings(data["vocab"])
        indptr, slots, tfs = data["indptr"].astype(np.int64), data["post_slots"], data["post_tfs"]
        lengths, alive = data["lengths"].astype(np.float32), data["alive"].astype(bool)
        if not (
            len(indptr) == len(vocab) + 1
            and indptr[0] == 0
            and indptr[-1] == len(slots) == len(tfs)
            and (np.diff(indptr) >= 0).all()
            and len(lengths) == len(alive)
            and (len(slots) == 0 or (slots.min() >= 0 and slots.max() < len(alive)))
            and len(set(vocab)) == len(vocab)
        ):
            raise ValueError("keyword index arrays do not fit together")
        index._vocab = {token: i for i, token in enumerate(vocab)}
        index._indptr, index._post_slots, index._post_tfs = indptr, slots.astype(np.int32), tfs.astype(np.uint16)
        index._lengths, index._alive, index._slots = lengths, alive, len(alive)
        index.size = int(alive.sum())
        index.dead = index._slots - index.size
        index._total_length = int(lengths[alive].astype(np.int64).sum())
        return index


class Corpus:
    """The slots of a `KeywordIndex` as chunks of the store: which article and chunk each is, text fetched on demand.

    Holds no chunk text (see the module's docstring); ``words`` are the distinct
    words the owner's ``words`` function found in the chunks indexed so far, in
    the order first seen (what the hybrid searcher's sound index is built from).
    """

    def __init__(
        self,
        store,
        versions: dict[str, str],
        doc_ids: list[str] | None = None,
        slot_doc: array | None = None,
        slot_part: array | None = None,
        words: list[str] | None = None,
    ):
        self._store = store
        self._versions = versions  # doc_id -> content hash indexed (the owner's, kept current)
        self._doc_ids = doc_ids if doc_ids is not None else []
        self._slot_doc = slot_doc if slot_doc is not None else array("i")
        self._slot_part = slot_part if slot_part is not None else array("i")
        self._doc_number = {d: i for i, d in enumerate(self._doc_ids)}
        self.words = words if words is not None else []

    def __len__(self) -> int:
        return len(self._slot_doc)

    def append(self, doc_id: str, part: int) -> None:
        """Record the next slot of the index as chunk ``part`` of ``doc_id``."""
        number = self._doc_number.get(doc_id)
        if number is None:
            number = self._doc_number[doc_id] = len(self._doc_ids)
            self._doc_ids.append(doc_id)
        self._slot_doc.append(number)
        self._slot_part.append(part)

    def kept(self, slots: list[int]) -> Corpus:
        """The corpus of a compacted index, whose slots are these old ``slots`` in order."""
        slot_doc, slot_part = array("i", [self._slot_doc[s] for s in slots]), array("i", [self._slot_part[s] for s in slots])
        # A deleted article's words stay: the sound index only keeps a word no chunk matches any more.
        return Corpus(self._store, self._versions, list(self._doc_ids), slot_doc, slot_part, list(self.words))

    def arrays(self) -> dict[str, np.ndarray]:
        """What a snapshot keeps of the corpus (see `from_arrays`)."""
        return {
            "doc_ids": _strings(self._doc_ids),
            "slot_doc": np.frombuffer(self._slot_doc, dtype=np.int32).copy(),  # copies: a view would pin the array's size
            "slot_part": np.frombuffer(self._slot_part, dtype=np.int32).copy(),
            "words": _strings(self.words),
        }

    @classmethod
    def from_arrays(cls, store, versions: dict[str, str], data: dict[str, np.ndarray], slots: int) -> Corpus:
        """The corpus a snapshot saved for an index of ``slots`` slots (ValueError if they do not fit together)."""
        doc_ids = _unstrings(data["doc_ids"])
        slot_doc, slot_part = _ints(data["slot_doc"]), _ints(data["slot_part"])
        if not (len(slot_doc) == len(slot_part) == slots and all(0 <= d < len(doc_ids) for d in slot_doc)):
            raise ValueError("slots do not fit the index")
        return cls(store, versions, doc_ids, slot_doc, slot_part, _unstrings(data["words"]))

    def doc_id(self, slot: int) -> str:
        return self._doc_ids[self._slot_doc[slot]]

    def chunk_id(self, slot: int) -> str:
        return chunk_id(self.doc_id(slot), self._slot_part[slot])

    def hits(self, *rankings: list[KeywordHit]) -> list[list[tuple[StoredChunk, float]]]:
        """Each ranking's hits as (StoredChunk, score), in order: those the store still holds at the version indexed.

        One store read for all the rankings (a search ranks the question's own
        words and its bridge). A hit whose article changed since it was indexed
        is left out; the next catch-up indexes the new version.
        """
        ids = [[self.chunk_id(h.index) for h in ranking] for ranking in rankings]
        fetched = {c.chunk_id: c for c in self._store.get_chunks([cid for group in ids for cid in group])}
        out = []
        for ranking, group in zip(rankings, ids):
            chunks = [(fetched.get(cid), h.score) for h, cid in zip(ranking, group)]
            out.append([(c, score) for c, score in chunks if c is not None and c.meta.get("content_hash") == self._versions.get(c.doc_id)])
        return out

    def __getitem__(self, slot: int) -> StoredChunk:
        """The StoredChunk of one slot (KeyError if its article changed since it was indexed)."""
        found = self.hits([KeywordHit(slot, 0.0)])[0]
        if not found:
            raise KeyError(self.chunk_id(slot))
        return found[0][0]


class LiveKeywordIndex:
    """Keeps a `KeywordIndex` in step with a store and every other process writing to it.

    The first call loads the store's snapshot (``store.keyword_snapshot``) and
    catches up through the change log, or, without a usable one, indexes every
    committed chunk and writes it. After that, a call reads the change log (at
    most every ``poll_s`` seconds, and at once after a write through this
    process's store) and re-indexes only the articles whose committed version
    differs from the one indexed. ``poll_s`` bounds how long another process's
    upload or delete stays invisible to this one. ``words`` (text -> words)
    collects ``Corpus.words`` as chunks are indexed.
    """

    def __init__(self, store, poll_s: float = 1.0, words: Callable[[str], Iterable[str]] | None = None):
        self._store = store
        self.poll_s = poll_s
        self._words = words
        self._lock = threading.Lock()
        self._index: KeywordIndex | None = None
        self._corpus: Corpus | None = None
        self._slots: dict[str, list[int]] = {}  # doc_id -> its live slots
        self._versions: dict[str, str] = {}  # doc_id -> content hash indexed
        self._word_set: set[str] = set()
        self._cursor: float | None = None
        self._seen_version = -1
        self._polled = -math.inf
        self._unsaved = 0  # articles re-indexed since the snapshot was written
        self.stats = Counter()  # builds, loads, catch-ups, articles re-indexed: what a benchmark or test can read

    def current(self) -> tuple[KeywordIndex, Corpus]:
        """The index and the `Corpus` its hit indices refer to."""
        with self._lock:
            if self._index is None:
                self._start()
            elif self._store.version != self._seen_version or time.monotonic() - self._polled >= self.poll_s:
                self._catch_up()
            return self._index, self._corpus

    def _start(self) -> None:
        if self._load():
            self.stats["loads"] += 1
            self._catch_up()
            return
        self._seen_version, self._polled = self._store.version, time.monotonic()
        _, self._cursor = self._store.changes_since(None)  # before the scan: what lands during it is replayed
        self._reset(KeywordIndex(), Corpus(self._store, self._versions))
        self._add(self._store.all_chunks())
        self._index.merge()
        self.stats["builds"] += 1
        self._save()

    def _reset(self, index: KeywordIndex, corpus: Corpus) -> None:
        """Serve ``index`` and ``corpus``: the articles' live slots and the words seen follow from them."""
        self._index, self._corpus, self._word_set = index, corpus, set(corpus.words)
        self._slots = {}
        for slot in np.flatnonzero(index._alive[: index._slots]).tolist():
            self._slots.setdefault(corpus.doc_id(slot), []).append(slot)

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
        self.stats["catch_ups"] += 1
        self.stats["articles_reindexed"] += len(doc_ids)
        self._unsaved += len(doc_ids)
        if self._index.dead > max(self._index.size, COMPACT_AT):
            self._compact()
        elif self._unsaved >= SAVE_AFTER:
            self._save()

    def _add(self, chunks: Iterable) -> None:
        corpus = self._corpus
        for chunk in chunks:
            slot = self._index.add(bm25_tokens(chunk.text))
            corpus.append(chunk.doc_id, chunk.meta.get("chunk_index", 0))
            self._slots.setdefault(chunk.doc_id, []).append(slot)
            self._versions[chunk.doc_id] = chunk.meta.get("content_hash", "")
            if self._words is not None:
                fresh = set(self._words(chunk.text)) - self._word_set
                self._word_set |= fresh
                corpus.words.extend(sorted(fresh))

    def _compact(self) -> None:
        """Swap in an index without dead slots; callers holding the old pair keep a consistent view."""
        index, old_slots = self._index.compacted()
        self._reset(index, self._corpus.kept(old_slots))
        self.stats["compactions"] += 1
        self._save()

    # -- the snapshot ----------------------------------------------------------
    def _identity(self) -> dict:
        """What a snapshot must match to be loaded: its format, and what the tokeniser and ``words`` make of a probe.

        WHY the probe: a change to the normaliser, stemmer or stopwords (or to
        the words collected) makes an older snapshot's postings wrong without
        touching this file; tokenising a sample of both languages catches that.
        """
        words = sorted(self._words(TOKENISER_PROBE)) if self._words is not None else None
        probe = json.dumps([bm25_tokens(TOKENISER_PROBE), words], ensure_ascii=False)
        return {"format": SNAPSHOT_FORMAT, "tokeniser": hashlib.sha256(probe.encode("utf-8")).hexdigest()}

    def _save(self) -> None:
        """Write the snapshot (atomically: a reader sees the old file or the new one, never half of one)."""
        path: Path | None = getattr(self._store, "keyword_snapshot", None)
        self._unsaved = 0
        if path is None:
            return
        docs = list(self._versions)
        meta = {**self._identity(), "cursor": self._cursor}
        arrays = {
            **self._index.arrays(),
            "meta": np.frombuffer(json.dumps(meta).encode("utf-8"), dtype=np.uint8),
            **self._corpus.arrays(),
            "version_docs": _strings(docs),
            "version_hashes": _strings(self._versions[d] for d in docs),
        }
        tmp = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with tmp.open("wb") as fh:
                np.savez(fh, **arrays)
            os.replace(tmp, path)
        except OSError as exc:  # a cache: failing to write it costs the next start a build, nothing else
            tmp.unlink(missing_ok=True)
            print(f"keyword index snapshot not written ({exc})", file=sys.stderr, flush=True)
            return
        self.stats["saves"] += 1

    def _load(self) -> bool:
        """Take the index, corpus and change-log cursor from the snapshot; False when there is none usable."""
        path: Path | None = getattr(self._store, "keyword_snapshot", None)
        if path is None or not path.is_file():
            return False
        try:
            with np.load(path, allow_pickle=False) as npz:
                data = {name: npz[name] for name in npz.files}
            meta = json.loads(data["meta"].tobytes().decode("utf-8"))
            identity = self._identity()
            if {k: meta.get(k) for k in identity} != identity:
                raise ValueError("written by another format or tokeniser")
            index = KeywordIndex.from_arrays(data)
            versions = dict(zip(_unstrings(data["version_docs"]), _unstrings(data["version_hashes"]), strict=True))
            corpus = Corpus.from_arrays(self._store, self._versions, data, index._slots)
            cursor = float(meta["cursor"])
        except (OSError, KeyError, ValueError, TypeError, IndexError, EOFError, zipfile.BadZipFile) as exc:
            print(f"keyword index snapshot {path} not used ({exc}): rebuilding", file=sys.stderr, flush=True)
            self.stats["rejected_snapshots"] += 1
            return False
        self._versions.clear()
        self._versions.update(versions)
        self._reset(index, corpus)
        self._cursor = cursor
        return True


def _ints(data: np.ndarray) -> array:
    """An int32 array as a growable ``array('i')``."""
    out = array("i")
    out.frombytes(data.astype(np.int32).tobytes())
    return out
