"""Chroma-backed storage of articles and their chunks: the single source of truth.

Two collections per Isnad collection:
- ``NAME``: one record per chunk, with the vector we computed (the collection has
  no embedding function, so chromadb's downloading default can never run);
- ``NAME__docs``: one record per article holding the original text (what citation
  offsets point into) and its metadata. It is written *last*, after all chunks,
  and carries the content hash: it is the commit marker that makes re-ingestion
  idempotent and a killed run safe to repeat.

The keyword index is derived from the chunk collection (see `keyword.py`), so a
delete here removes a document everywhere.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass

import chromadb
from chromadb.config import Settings as ChromaSettings
from langchain_core.embeddings import Embeddings

from config import Settings
from vectorstore.chunking import Chunk, chunk_text
from vectorstore.loaders import Article, content_hash
from vectorstore.metadata import resolve_metadata

_DOCS_SUFFIX = "__docs"
_WRITE_BATCH = 256
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{1,58}[A-Za-z0-9]")


@dataclass
class StoredChunk:
    chunk_id: str
    doc_id: str
    text: str
    start: int
    end: int
    meta: dict


def make_client(settings: Settings) -> chromadb.ClientAPI:
    """Embedded PersistentClient under ISNAD_HOME, or a Chroma server when a host is set."""
    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=True)
    if settings.chroma_host:
        return chromadb.HttpClient(host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings)
    settings.chroma_path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(settings.chroma_path), settings=chroma_settings)


def chunk_id(doc_id: str, index: int) -> str:
    return f"{doc_id}#{index}"


class ArticleStore:
    """Add, replace, delete and read articles and chunks of one collection."""

    def __init__(self, client: chromadb.ClientAPI, name: str, embeddings: Embeddings, max_chars: int = 700):
        if not _NAME.fullmatch(name):
            raise ValueError(
                f"invalid collection name '{name}': use 3-60 letters, digits, '.', '_' or '-', "
                "starting and ending with a letter or digit"
            )
        self.name = name
        self.embeddings = embeddings
        self.max_chars = max_chars
        model = getattr(embeddings, "name", type(embeddings).__name__)
        self.chunks = client.get_or_create_collection(
            name, embedding_function=None, metadata={"hnsw:space": "cosine", "embedding_model": model}
        )
        built_with = (self.chunks.metadata or {}).get("embedding_model")
        if built_with and built_with != model:
            raise ValueError(
                f"collection '{name}' was built with embedding model '{built_with}', not '{model}': "
                f"set ISNAD_EMBEDDING_MODEL={built_with} or re-ingest with --reset"
            )
        self.docs = client.get_or_create_collection(name + _DOCS_SUFFIX, embedding_function=None)
        self._client = client
        self._lock = threading.Lock()
        #: Bumped on every write in this process so derived indexes know to rebuild.
        self.version = 0

    # -- writing -------------------------------------------------------------
    def upsert(self, article: Article) -> str:
        """Store one article; returns 'added', 'updated' or 'unchanged'."""
        digest = content_hash(article.text)
        existing = self.docs.get(ids=[article.doc_id], include=["metadatas"])
        old = existing["metadatas"][0] if existing["ids"] else None
        if old and old.get("content_hash") == digest:
            return "unchanged"
        fields, inferred = resolve_metadata(article.text, article.given)
        chunks = chunk_text(article.text, self.max_chars)
        if not chunks:
            raise ValueError("no article text left after removing page furniture")
        with self._lock:
            self._write_chunks(article, chunks, fields, digest)
            self._delete_chunks(article.doc_id, keep=len(chunks))
            doc_meta = {
                **fields,
                "content_hash": digest,
                "chunks": len(chunks),
                "chars": len(article.text),
                "source": article.source,
                "inferred": ",".join(inferred),
            }
            self.docs.upsert(ids=[article.doc_id], documents=[article.text], metadatas=[doc_meta], embeddings=[[1.0]])
            self.version += 1
        return "updated" if old else "added"

    def _write_chunks(self, article: Article, chunks: list[Chunk], fields: dict, digest: str) -> None:
        for i in range(0, len(chunks), _WRITE_BATCH):
            batch = chunks[i : i + _WRITE_BATCH]
            vectors = self.embeddings.embed_documents([c.text for c in batch])
            metas = [
                {
                    **fields,
                    "doc_id": article.doc_id,
                    "chunk_index": c.index,
                    "start": c.start,
                    "end": c.end,
                    "sentences": json.dumps([[s.start, s.end] for s in c.sentences]),
                    "content_hash": digest,
                }
                for c in batch
            ]
            self.chunks.upsert(
                ids=[chunk_id(article.doc_id, c.index) for c in batch],
                documents=[c.text for c in batch],
                metadatas=metas,
                embeddings=vectors,
            )

    def _delete_chunks(self, doc_id: str, keep: int = 0) -> None:
        """Delete the document's chunks with index >= keep (stale tail after an edit)."""
        found = self.chunks.get(where={"doc_id": doc_id}, include=["metadatas"])
        stale = [cid for cid, m in zip(found["ids"], found["metadatas"]) if m["chunk_index"] >= keep]
        if stale:
            self.chunks.delete(ids=stale)

    def delete(self, doc_id: str) -> bool:
        with self._lock:
            known = bool(self.docs.get(ids=[doc_id])["ids"])
            self._delete_chunks(doc_id)
            self.docs.delete(ids=[doc_id])
            self.version += 1
        return known

    def reset(self) -> None:
        """Drop both collections (ingest --reset)."""
        for name in (self.name, self.name + _DOCS_SUFFIX):
            try:
                self._client.delete_collection(name)
            except Exception:  # noqa: BLE001 - chromadb raises different types per backend for "missing"
                pass
        self.__init__(self._client, self.name, self.embeddings, self.max_chars)

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

    def all_chunks(self, batch: int = 5000) -> Iterable[StoredChunk]:
        """Every chunk, paged (the keyword index is built from these)."""
        offset = 0
        while True:
            page = self.chunks.get(include=["documents", "metadatas"], limit=batch, offset=offset)
            if not page["ids"]:
                return
            for cid, text, meta in zip(page["ids"], page["documents"], page["metadatas"]):
                yield StoredChunk(cid, meta["doc_id"], text, meta["start"], meta["end"], meta)
            offset += len(page["ids"])

    def dense_search(self, query_vector: list[float], k: int) -> list[tuple[StoredChunk, float]]:
        """Nearest chunks by cosine similarity (1 - cosine distance)."""
        n = self.count()
        if n == 0:
            return []
        res = self.chunks.query(
            query_embeddings=[query_vector], n_results=min(k, n), include=["documents", "metadatas", "distances"]
        )
        return [
            (StoredChunk(cid, meta["doc_id"], text, meta["start"], meta["end"], meta), 1.0 - dist)
            for cid, text, meta, dist in zip(res["ids"][0], res["documents"][0], res["metadatas"][0], res["distances"][0])
        ]


def open_store(settings: Settings, collection: str | None = None, client: chromadb.ClientAPI | None = None) -> ArticleStore:
    """The store of a collection with the configured embedding model."""
    from vectorstore.embeddings import load_embeddings

    return ArticleStore(
        client or make_client(settings),
        collection or settings.collection,
        load_embeddings(settings.embedding_model, settings.embed_batch_size),
        settings.chunk_max_chars,
    )
