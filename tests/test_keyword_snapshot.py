"""The keyword index's snapshot on disk: written, loaded, caught up through the change log, rebuilt when unusable.

Real Chroma (a PersistentClient under a temp dir), the real packaged model, and
for "another process" a real `ingest.py` subprocess writing to the same store.
What must hold: an index loaded from a snapshot ranks exactly as the one that
wrote it, or as a fresh build after the writes it caught up with.
"""

from __future__ import annotations

import os
import subprocess
import sys

import numpy as np
import pytest

import vectorstore.keyword as keyword
from bot.retrieval import sound_words
from config import Settings
from tests.conftest import REPO, SAMPLES
from vectorstore.ingestion import ingest_paths
from vectorstore.keyword import KeywordIndex, LiveKeywordIndex
from vectorstore.loaders import Article
from vectorstore.store import ArticleStore, make_client, open_store

QUERIES = ["باقري دمشق", "حاتمي وزير الدفاع", "قانون قيصر العقوبات", "إيران سوريا", "الدفاعات الجوية"]
TOKEN = "زنبقوريت"  # a made-up word: only the probe article holds it
PROBE = f"أعلن المكتب الإعلامي اليوم أن مشروع {TOKEN} سيبدأ الشهر المقبل في ثلاث مدن بتكلفة عشرة ملايين دولار."
DELETED = "003_973aaadb01d70f69"


def _live(settings: Settings, **kwargs) -> LiveKeywordIndex:
    """A keyword index as the service makes one: over `open_store` (which gives it a snapshot path), with words."""
    return LiveKeywordIndex(open_store(settings), words=sound_words, **kwargs)


def _rankings(live: LiveKeywordIndex, queries: list[str] = QUERIES) -> dict[str, list[tuple[str, float]]]:
    index, corpus = live.current()
    return {q: [(c.chunk_id, round(s, 4)) for c, s in corpus.hits(index.search(q, 10))[0]] for q in queries}


def _fresh_rankings(settings: Settings, queries: list[str] = QUERIES) -> dict[str, list[tuple[str, float]]]:
    """What a build from the store as it is now gives (a store without a cache directory neither loads nor saves)."""
    store = open_store(settings)
    return _rankings(LiveKeywordIndex(ArticleStore(store._client, store.name, store.embeddings), words=sound_words), queries)


@pytest.fixture
def built(settings: Settings) -> LiveKeywordIndex:
    ingest_paths(open_store(settings), [SAMPLES])
    live = _live(settings)
    assert all(_rankings(live).values())
    return live


def test_a_build_writes_the_snapshot_and_a_restart_loads_it(settings, built):
    assert built.stats["builds"] == 1 and built.stats["saves"] == 1
    assert built.current()[0] is not None and open_store(settings).keyword_snapshot.is_file()
    restarted = _live(settings)
    assert _rankings(restarted) == _rankings(built)
    assert restarted.stats["loads"] == 1 and restarted.stats["builds"] == 0 and restarted.stats["articles_reindexed"] == 0
    assert restarted.current()[1].words == built.current()[1].words and TOKEN not in built.current()[1].words


def test_a_loaded_snapshot_catches_up_with_another_process_s_writes(settings, built, tmp_path):
    (tmp_path / "probe.txt").write_text(PROBE, encoding="utf-8")
    env = {**os.environ, "ISNAD_HOME": str(settings.home), "ISNAD_COLLECTION": settings.collection, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, str(REPO / "ingest.py"), "--quiet", "--delete", DELETED, str(tmp_path / "probe.txt")],
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    restarted = _live(settings)
    index, corpus = restarted.current()
    assert {corpus.doc_id(h.index) for h in index.search(TOKEN, 5)} == {"probe"}
    assert not [h for h in index.search("حاتمي", 20) if corpus.doc_id(h.index) == DELETED]
    assert restarted.stats["loads"] == 1 and restarted.stats["builds"] == 0
    assert restarted.stats["articles_reindexed"] == 2  # the two articles the log names, not the collection
    assert TOKEN in corpus.words
    assert _rankings(restarted, [*QUERIES, TOKEN]) == _fresh_rankings(settings, [*QUERIES, TOKEN])


def _truncate(path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _flip_bytes(path) -> None:
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 64] = bytes(b ^ 0xFF for b in data[middle : middle + 64])
    path.write_bytes(bytes(data))


def _misfit(path) -> None:
    """A well-formed file whose arrays do not describe one index (postings past the last slot)."""
    with np.load(path) as npz:
        arrays = {name: npz[name] for name in npz.files}
    arrays["post_slots"] = arrays["post_slots"] + len(arrays["alive"])
    with path.open("wb") as fh:
        np.savez(fh, **arrays)


@pytest.mark.parametrize("damage", [_truncate, _flip_bytes, _misfit, lambda p: p.write_bytes(b"not a snapshot")])
def test_a_damaged_snapshot_is_rebuilt_and_rewritten(settings, built, damage):
    want = _rankings(built)
    path = open_store(settings).keyword_snapshot
    damage(path)
    rebuilt = _live(settings)
    assert _rankings(rebuilt) == want
    assert rebuilt.stats["rejected_snapshots"] == 1 and rebuilt.stats["builds"] == 1 and rebuilt.stats["saves"] == 1
    again = _live(settings)
    assert _rankings(again) == want and again.stats["loads"] == 1


def test_a_snapshot_of_another_format_or_tokeniser_is_rebuilt(settings, built, monkeypatch):
    """A tokeniser change makes old postings wrong without touching keyword.py: the probe's tokens tell."""
    real = keyword.bm25_tokens
    monkeypatch.setattr(keyword, "bm25_tokens", lambda text: [t[::-1] for t in real(text)])
    changed = _live(settings)
    index, _ = changed.current()
    assert changed.stats["rejected_snapshots"] == 1 and changed.stats["builds"] == 1
    assert index.search("دمشق", 5)  # built with the tokeniser in use, so its own queries match
    monkeypatch.setattr(keyword, "bm25_tokens", real)
    monkeypatch.setattr(keyword, "SNAPSHOT_FORMAT", keyword.SNAPSHOT_FORMAT + 1)
    newer = _live(settings)
    assert _rankings(newer) == _rankings(built) and newer.stats["rejected_snapshots"] == 1 and newer.stats["builds"] == 1


def test_a_compaction_rewrites_the_snapshot(settings, built, monkeypatch):
    monkeypatch.setattr(keyword, "COMPACT_AT", 0)
    built.poll_s = 0
    writer = open_store(settings)  # another worker's store object: this index learns of it through the log
    for doc_id in ("000_2330c4a5d8c05031", "001_b94b94cd0e2e6da0", "002_12e280588d4502f7"):
        assert writer.delete(doc_id)
    index, corpus = built.current()
    assert built.stats["compactions"] == 1 and built.stats["saves"] == 2
    assert index.dead == 0 and len(corpus) == index.size == writer.count()
    restarted = _live(settings)
    assert _rankings(restarted) == _rankings(built) == _fresh_rankings(settings)
    assert restarted.stats["loads"] == 1 and restarted.stats["articles_reindexed"] == 0


def test_a_hit_whose_article_changed_since_it_was_indexed_is_not_returned(settings, built):
    built.poll_s = 3600  # this index has not looked at the log since the other writer's update
    index, corpus = built.current()
    hits = index.search("حاتمي", 20)
    assert any(corpus.doc_id(h.index) == DELETED for h in hits)
    text, _ = open_store(settings).document(DELETED)
    assert open_store(settings).upsert(Article(DELETED, text + "\n\nتحديث: أضيفت فقرة.", "test")) == "updated"
    assert not [c for c, _ in corpus.hits(hits)[0] if c.doc_id == DELETED]
    with pytest.raises(KeyError):
        corpus[next(h.index for h in hits if corpus.doc_id(h.index) == DELETED)]
    built.poll_s = 0
    index, corpus = built.current()
    assert [c for c, _ in corpus.hits(index.search("حاتمي", 20))[0] if c.doc_id == DELETED]


def test_a_collection_made_again_does_not_load_the_old_one_s_snapshot(settings, built):
    store = open_store(settings)
    old = store.keyword_snapshot
    store.reset()
    assert store.keyword_snapshot != old
    ingest_paths(store, [SAMPLES / "004_992054940200dc08.txt"])
    again = _live(settings)
    assert again.current()[0].size == store.count() and again.stats["builds"] == 1 and again.stats["loads"] == 0


def test_without_a_cache_directory_nothing_is_written(settings):
    store = ArticleStore(make_client(settings), settings.collection, open_store(settings).embeddings)
    ingest_paths(store, [SAMPLES])
    live = LiveKeywordIndex(store)
    assert live.current()[0].size == store.count() and store.keyword_snapshot is None and live.stats["saves"] == 0
    assert not (settings.home / "keyword").exists()


@pytest.mark.parametrize("merge_at", [1, 7, 10**9])
def test_merged_and_unmerged_postings_score_alike_and_survive_their_arrays(seed_texts, monkeypatch, merge_at):
    """Postings merged into the compact arrays at any point, with removals, score as a fresh index; so does a round trip."""
    from vectorstore.chunking import chunk_text

    chunks = [c.text for text in seed_texts.values() for c in chunk_text(text)]
    monkeypatch.setattr(keyword, "MERGE_AT", merge_at)
    index = KeywordIndex(chunks)
    for slot in range(0, len(chunks), 4):
        index.remove(slot)
    live = [t for i, t in enumerate(chunks) if i % 4]
    monkeypatch.setattr(keyword, "MERGE_AT", 10**9)
    fresh = KeywordIndex(live)
    copy = KeywordIndex.from_arrays(index.arrays())
    for query in QUERIES:
        want = [(live[h.index], round(h.score, 4)) for h in fresh.search(query, 10)]
        assert want
        assert [(chunks[h.index], round(h.score, 4)) for h in index.search(query, 10)] == want
        assert [(chunks[h.index], round(h.score, 4)) for h in copy.search(query, 10)] == want
        assert all(fresh.idf(t) == index.idf(t) == copy.idf(t) for t in keyword.bm25_tokens(query))
    assert copy.size == index.size == len(live) and copy.dead == index.dead


def test_the_hits_of_both_rankings_come_in_one_store_read(built, monkeypatch):
    """A search resolves its own words' and its bridge's hits together: one Chroma read, each ranking's order kept."""
    index, corpus = built.current()
    own, bridge = index.search("دمشق", 10), index.search("حاتمي وزير", 10)
    reads = []
    real = corpus._store.get_chunks
    monkeypatch.setattr(corpus._store, "get_chunks", lambda ids: reads.append(ids) or real(ids))
    both = corpus.hits(own, bridge)
    assert len(reads) == 1
    assert [[(c.chunk_id, s) for c, s in ranked] for ranked in both] == [
        [(corpus.chunk_id(h.index), h.score) for h in ranking] for ranking in (own, bridge)
    ]


def test_enough_re_indexed_articles_write_a_new_snapshot(settings, built, monkeypatch, tmp_path):
    """After SAVE_AFTER articles came through the log, a restart replays none of them; below it, the log is replayed."""
    built.poll_s = 0
    writer = open_store(settings)
    assert writer.upsert(Article("probe", PROBE, "test")) == "added"
    assert TOKEN in built.current()[1].words and built.stats["saves"] == 1  # one article: below the default
    replayed = _live(settings)
    replayed.current()
    assert replayed.stats["loads"] == 1 and replayed.stats["articles_reindexed"] == 1
    monkeypatch.setattr(keyword, "SAVE_AFTER", 2)
    assert writer.delete("probe")
    built.current()
    assert built.stats["saves"] == 2  # the probe's upload and its delete
    restarted = _live(settings)
    assert _rankings(restarted, [*QUERIES, TOKEN]) == _fresh_rankings(settings, [*QUERIES, TOKEN])
    assert restarted.stats["loads"] == 1 and restarted.stats["articles_reindexed"] == 0
