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
