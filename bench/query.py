"""Query latency of a served collection over HTTP, one client and many, beside the plain LangChain search.

    python -m bench.query --home /tmp/isnad-query [--collection NAME] [--articles N] [--per-language 100]
                          [--clients 1 16] [--stages 40] [--out PATH]

The collection under ``--home`` is used as it is (``--articles N``: first
built like bench/latency.py's, the generalization events' ANT articles plus a
seeded sample of others, if it holds fewer). A real ``python -m bot serve``
subprocess serves it, started twice: the first start builds the keyword index
when the store has no snapshot of it (and writes one), the second is what every
later start costs (it loads the snapshot); both are timed (launch to healthy),
with each process's peak RSS (VmHWM). Questions go to the second server's
``/api/ask`` and ``/api/search`` from 1 and 16 concurrent clients (threads,
httpx): p50/p95/p99 per language, errors (any status but 200). Questions, per
language: the seed questions and the generalization events' (about this
corpus), then XQuAD's parallel questions (Wikipedia: mostly not in the
collection, so they exercise the abstaining path) up to ``--per-language``.

Beside it, the plain LangChain pipeline over the same chunks and vectors:
``langchain_chroma.Chroma(...).similarity_search(q, k=8)`` with the same
model, in-process, 1 and 16 threads, on a copy of the collection in LangChain's
own layout (``NAME-langchain``: each chunk's text as its record's document;
Isnad's chunk records hold no text), made once without embedding. Where the
time goes: the first ``--stages`` questions through an in-process
``Isnad.ask`` with bench/latency.py's ``StageTimer`` (ms per question,
inclusive).

Writes bench/results/query.json.
"""

from __future__ import annotations

import config  # noqa: F401, I001  (offline env first)

import argparse
import json
import os
import socket
import subprocess
import sys
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from itertools import islice
from pathlib import Path

import httpx
from rich.console import Console
from rich.table import Table

from bench.latency import SEEDS, StageTimer, percentile, stage_targets
from bench.metrics import machine, peak_rss_mb, stage_table, write_results

RESULTS = Path(__file__).resolve().parent / "results" / "query.json"
XQUAD = config.REPO_ROOT.parent / "shared" / "data" / "xquad" / "xquad_dev.jsonl"
LANGS = ("ar", "en")


def question_set(per_language: int) -> dict[str, list[str]]:
    """Per language: the seed and event questions (about this corpus), then XQuAD's, ``per_language`` each."""
    from bench.generalization import load_events
    from language.normalize import detect_language

    out: dict[str, list[str]] = {lang: [] for lang in LANGS}
    for q in [item["q"] for item in json.loads(SEEDS.read_text(encoding="utf-8"))["items"]]:
        out[detect_language(q)].append(q)
    for event in load_events():
        for lang in LANGS:
            out[lang].append(event["question"][lang])
    with XQUAD.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            for lang in LANGS:
                if len(out[lang]) < per_language:
                    out[lang].append(row[f"question_{lang}"])
            if all(len(v) >= per_language for v in out.values()):
                break
    return {lang: list(dict.fromkeys(qs))[:per_language] for lang, qs in out.items()}


def ensure_collection(home: Path, collection: str, articles: int | None) -> dict:
    """Build the collection (bench/latency.py's recipe) when asked and smaller; its size either way."""
    from bot.service import Isnad

    isnad = Isnad(config.Settings(home=home, collection=collection))
    if articles:
        from bench.latency import build_collection

        build_collection(isnad, home, articles)
    return {"articles": isnad.store.document_count(), "chunks": isnad.store.count()}


class Server:
    """``python -m bot serve`` on a free port over ``home``: the deployment's unit, measured from outside."""

    def __init__(self, home: Path, collection: str):
        with socket.socket() as s:  # a free loopback port
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        env = {**os.environ, "ISNAD_HOME": str(home), "ISNAD_COLLECTION": collection}
        env.pop("ISNAD_API_KEY", None)
        self.log = (home / "bench-query-serve.log").open("wb")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "bot", "serve", "--port", str(self.port)],
            stdout=self.log,
            stderr=subprocess.STDOUT,
            env=env,
            cwd=config.REPO_ROOT,
        )
        self.url = f"http://127.0.0.1:{self.port}"
        t = time.perf_counter()
        while not self._healthy():
            if self.proc.poll() is not None:
                raise SystemExit(f"the server exited with {self.proc.returncode}; see {self.log.name}")
            time.sleep(0.5)
        self.start_s = time.perf_counter() - t

    def _healthy(self) -> bool:
        try:
            return httpx.get(self.url + "/healthz", timeout=5).status_code == 200
        except httpx.HTTPError:
            return False

    def peak_rss_mb(self) -> float:
        return peak_rss_mb(self.proc.pid)

    def stop(self) -> None:
        """Stop the server; its first lines (what it did before listening) stay in ``lines``."""
        self.proc.terminate()
        self.proc.wait(timeout=60)
        self.log.close()
        self.lines = Path(self.log.name).read_text(encoding="utf-8", errors="replace").splitlines()[:6]


def _summary(latencies: list[float]) -> dict:
    if not latencies:
        return {"n": 0}
    return {
        "n": len(latencies),
        "p50_ms": round(1000 * percentile(latencies, 0.5), 1),
        "p95_ms": round(1000 * percentile(latencies, 0.95), 1),
        "p99_ms": round(1000 * percentile(latencies, 0.99), 1),
    }


def load(call, questions: dict[str, list[str]], clients: int) -> dict:
    """Every question once through ``call`` from ``clients`` threads: latency per language, errors, wall."""
    jobs = [(lang, q) for lang in LANGS for q in questions[lang]]
    times: dict[str, list[float]] = defaultdict(list)
    errors: list[str] = []

    def one(job: tuple[str, str]) -> None:
        lang, q = job
        t = time.perf_counter()
        problem = call(q)
        times[lang].append(time.perf_counter() - t)
        if problem:
            errors.append(problem)

    start = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(one, jobs))
    wall = time.perf_counter() - start
    return {
        "clients": clients,
        "wall_s": round(wall, 1),
        "per_s": round(len(jobs) / wall, 2),
        "errors": len(errors),
        "first_errors": errors[:5],
        **{lang: _summary(times[lang]) for lang in LANGS},
    }


def http_call(url: str, endpoint: str):
    client = httpx.Client(timeout=600)
    body = (lambda q: {"question": q}) if endpoint == "ask" else (lambda q: {"query": q, "k": 8})

    def call(q: str) -> str | None:
        try:
            r = client.post(f"{url}/api/{endpoint}", json=body(q))
        except httpx.HTTPError as exc:
            return f"{type(exc).__name__}: {exc}"
        return None if r.status_code == 200 else f"{r.status_code}: {r.text[:200]}"

    return call


def langchain_copy(client, collection: str, embeddings, batch: int = 1000) -> str:
    """The name of a collection holding Isnad's committed chunks as LangChain writes them: text as document, same vector.

    ``similarity_search`` builds each hit from its record's document, and an
    Isnad chunk's text lives in its article record; the copy (made again only
    when the chunk count changed) embeds nothing, so both sides search the same
    vectors.
    """
    from vectorstore.store import ArticleStore

    name = f"{collection}-langchain"
    store = ArticleStore(client, collection, embeddings)
    if name in {c.name for c in client.list_collections()}:
        if client.get_collection(name).count() == store.count():
            return name
        client.delete_collection(name)
    target = client.create_collection(name, embedding_function=None, metadata={"hnsw:space": "cosine"})
    chunks = store.all_chunks()
    while page := list(islice(chunks, batch)):
        ids = [c.chunk_id for c in page]
        vectors = store.chunks.get(ids=ids, include=["embeddings"])
        by_id = dict(zip(vectors["ids"], vectors["embeddings"]))
        target.add(ids=ids, documents=[c.text for c in page], metadatas=[c.meta for c in page], embeddings=[list(by_id[i]) for i in ids])
    return name


def langchain_call(home: Path, collection: str, model: str):
    """``similarity_search`` of the plain LangChain vector store over the same chunks and vectors (`langchain_copy`)."""
    from langchain_chroma import Chroma

    from vectorstore.embeddings import load_embeddings
    from vectorstore.store import make_client

    client = make_client(config.Settings(home=home))  # the same settings as this process's other client (Chroma insists)
    embeddings = load_embeddings(model)
    store = Chroma(client=client, collection_name=langchain_copy(client, collection, embeddings), embedding_function=embeddings)

    def call(q: str) -> str | None:
        return None if store.similarity_search(q, k=8) else "no result"

    return call


def stages(home: Path, collection: str, questions: list[str]) -> dict:
    from bot.service import Isnad

    isnad = Isnad(config.Settings(home=home, collection=collection))
    isnad.ask(questions[0])  # warm: models, keyword index
    timer = StageTimer()
    with timer.patched(stage_targets(isnad)):
        for q in questions:
            isnad.ask(q)
    return {stage: round(1000 * s / len(questions), 1) for stage, s in timer.totals.items()}


def run(home: Path, collection: str, articles: int | None, per_language: int, clients: list[int], stage_n: int) -> dict:
    size = ensure_collection(home, collection, articles)
    questions = question_set(per_language)
    first = Server(home, collection)
    first_rss = first.peak_rss_mb()
    first.stop()
    first_start = {"start_s": round(first.start_s, 1), "peak_rss_mb": first_rss, "log": first.lines}
    server = Server(home, collection)
    try:
        for q in (questions["ar"][0], questions["en"][0]):  # warm the models and the keyword index
            http_call(server.url, "ask")(q)
        served = {
            f"{endpoint} x{n}": load(http_call(server.url, endpoint), questions, n) for endpoint in ("ask", "search") for n in clients
        }
        rss = server.peak_rss_mb()
    finally:
        server.stop()
    model = config.Settings(home=home).embedding_model
    lc = langchain_call(home, collection, model)
    lc(questions["en"][0])
    served.update({f"langchain similarity_search x{n}": load(lc, questions, n) for n in clients})
    mixed = [q for pair in zip(questions["ar"], questions["en"]) for q in pair][:stage_n]
    return {
        "machine": machine(),
        "collection": collection,
        **size,
        "embedding_model": model,
        "cpus": len(os.sched_getaffinity(0)),
        "load_average_after": os.getloadavg(),
        "questions": {lang: len(v) for lang, v in questions.items()},
        "server_first_start": first_start,
        "server_start_s": round(server.start_s, 1),
        "server_log": server.lines,
        "server_peak_rss_mb": rss,
        "runs": served,
        "stages_ms_per_question": stages(home, collection, mixed) if stage_n else {},
        "stage_questions": len(mixed),
    }


def render(results: dict, console: Console) -> None:
    table = Table(
        title=(
            f"{results['articles']} articles / {results['chunks']} chunks, {results['cpus']} CPUs; server start "
            f"{results['server_first_start']['start_s']:.1f} s first, {results['server_start_s']:.1f} s again; "
            f"peak RSS {results['server_first_start']['peak_rss_mb']:.0f} MB first, {results['server_peak_rss_mb']:.0f} MB serving (ms)"
        )
    )
    for col in ("run", "req/s", "errors", "ar p50", "ar p95", "ar p99", "en p50", "en p95", "en p99"):
        table.add_column(col, justify="left" if col == "run" else "right")
    for name, r in results["runs"].items():
        cells = [str(r[lang].get(k, "-")) for lang in LANGS for k in ("p50_ms", "p95_ms", "p99_ms")]
        table.add_row(name, f"{r['per_s']:.2f}", str(r["errors"]), *cells)
    console.print(table)
    if results["stages_ms_per_question"]:
        title = f"Isnad.ask per stage, {results['stage_questions']} questions (ms per question, inclusive)"
        console.print(stage_table(title, results["stages_ms_per_question"]))


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(prog="python -m bench.query", description=__doc__.split("\n\n")[0])
    parser.add_argument("--home", type=Path, default=Path("/tmp/isnad-query"), help="ISNAD_HOME of the collection")
    parser.add_argument("--collection", default="isnad")
    parser.add_argument("--articles", type=int, help="build the collection to this many articles first")
    parser.add_argument("--per-language", type=int, default=100, help="questions per language")
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 16])
    parser.add_argument("--stages", type=int, default=40, help="questions for the per-stage breakdown (0: none)")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    if args.per_language < 1 or any(n < 1 for n in args.clients) or args.stages < 0:
        parser.error("--per-language and --clients must be positive, --stages not negative")
    if not args.articles and not (args.home / "chroma").is_dir():
        parser.error(f"no store under {args.home}: pass --articles N to build one")
    results = run(args.home, args.collection, args.articles, args.per_language, args.clients, args.stages)
    render(results, Console(width=160))
    write_results(results, args.out)
    return results


if __name__ == "__main__":
    main()
