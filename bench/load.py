"""Answers per second at 1, 4 and 16 concurrent clients against a real running server.

    python -m bench.load [--url http://127.0.0.1:7860] [--key KEY] [--clients 1 4 16] [--rounds 2] [--home DIR]

Without ``--url`` a server is started (``python -m bot serve`` in a subprocess,
over the sample collection under ``--home``) and stopped at the end; the clients
are threads of this process, each with its own HTTP connection, posting
``/api/ask``. The questions are the seed questions (Arabic and English, over
the sample articles). After one warm-up pass, each level asks every question
once, or more when ``rounds × clients`` is larger (cycling through them), so
every client has at least ``rounds`` questions to ask.

Reported per level: answers/s (2xx answers over the level's wall time),
p50/p95 latency overall and per language, and errors (non-2xx or transport
failures). Results go to ``bench/results/load.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

import config
from bench.latency import percentile
from bench.metrics import write_results
from language.normalize import detect_language

SEEDS = config.REPO_ROOT / "tests" / "data" / "seed_questions.json"
RESULTS = Path(__file__).resolve().parent / "results" / "load.json"


def questions() -> list[str]:
    return [item["q"] for item in json.loads(SEEDS.read_text(encoding="utf-8"))["items"]]


def cycle(items: list[str], n: int) -> list[str]:
    return [items[i % len(items)] for i in range(n)]


def start_server(home: Path, port: int) -> subprocess.Popen:
    """``python -m bot serve`` over ``home`` (the samples are ingested on its first start); waits until it answers."""
    env = {**os.environ, "ISNAD_HOME": str(home), "ISNAD_COLLECTION": "load"}
    env.pop("ISNAD_API_KEY", None)
    log = open(home / "server.log", "a")  # noqa: SIM115 - the server writes it for as long as it runs
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "serve", "--port", str(port)], cwd=config.REPO_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
    )
    url = f"http://127.0.0.1:{port}"
    while True:
        if proc.poll() is not None:
            raise SystemExit(f"the server exited with {proc.returncode}; see {home / 'server.log'}")
        try:
            if httpx.get(url + "/healthz", timeout=60).status_code == 200:
                return proc
        except httpx.TransportError:
            time.sleep(0.5)


def run_level(url: str, headers: dict[str, str], asked: list[str], clients: int) -> dict:
    """Ask ``asked`` with ``clients`` concurrent clients; latency per request, answers/s for the level."""
    local = threading.local()

    def one(question: str) -> tuple[str, float, int | str]:
        if not hasattr(local, "client"):
            local.client = httpx.Client(base_url=url, headers=headers, timeout=600)
        start = time.perf_counter()
        try:
            status: int | str = local.client.post("/api/ask", json={"question": question}).status_code
        except httpx.HTTPError as exc:
            status = type(exc).__name__
        return detect_language(question), time.perf_counter() - start, status

    start = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        rows = list(pool.map(one, asked))
    wall = time.perf_counter() - start
    ok = [(lang, s) for lang, s, status in rows if isinstance(status, int) and 200 <= status < 300]
    errors = [status for _, _, status in rows if not (isinstance(status, int) and 200 <= status < 300)]

    def stats(seconds: list[float]) -> dict:
        return (
            {"n": len(seconds), "p50_s": round(percentile(seconds, 0.5), 3), "p95_s": round(percentile(seconds, 0.95), 3)}
            if seconds
            else {"n": 0}
        )

    return {
        "clients": clients,
        "requests": len(rows),
        "wall_s": round(wall, 2),
        "answers_per_s": round(len(ok) / wall, 3),
        "errors": len(errors),
        "error_kinds": sorted({str(e) for e in errors}),
        "all": stats([s for _, s in ok]),
        **{lang: stats([s for got, s in ok if got == lang]) for lang in ("ar", "en")},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="a running server (default: start one over the samples)")
    parser.add_argument("--key", default=os.environ.get("ISNAD_API_KEY"), help="its API key, if it has one")
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 4, 16])
    parser.add_argument("--rounds", type=int, default=2, help="questions per client at least, per level")
    parser.add_argument("--home", type=Path, help="ISNAD_HOME of the started server (default: a temporary folder)")
    parser.add_argument("--port", type=int, default=7871)
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    if any(c < 1 for c in args.clients) or args.rounds < 1:
        parser.error("--clients and --rounds must be positive")
    asked = questions()
    headers = {"Authorization": f"Bearer {args.key}"} if args.key else {}
    proc = None
    with tempfile.TemporaryDirectory(prefix="isnad-load-") as tmp:
        home = args.home or Path(tmp)
        home.mkdir(parents=True, exist_ok=True)
        url = args.url
        if not url:
            print(f"starting a server over the samples in {home}…", flush=True)
            proc = start_server(home, args.port)
            url = f"http://127.0.0.1:{args.port}"
        try:
            run_level(url, headers, asked, 1)  # warm-up: models, caches, lazily built tables
            levels = [run_level(url, headers, cycle(asked, max(len(asked), args.rounds * c)), c) for c in args.clients]
        finally:
            if proc is not None:
                proc.terminate()
                proc.wait()
    print(
        f"{'clients':>7} {'requests':>8} {'answers/s':>9} {'p50 s':>6} {'p95 s':>6} {'ar p50':>6} {'ar p95':>6} "
        f"{'en p50':>6} {'en p95':>6} {'errors':>6}"
    )
    for lv in levels:
        cells = [lv[k].get(q, float("nan")) for k in ("all", "ar", "en") for q in ("p50_s", "p95_s")]
        print(
            f"{lv['clients']:>7} {lv['requests']:>8} {lv['answers_per_s']:>9.2f} "
            + " ".join(f"{c:>6.2f}" for c in cells)
            + f" {lv['errors']:>6}"
        )
    write_results(
        {
            "url": url if args.url else "started over the samples",
            "cpus": len(os.sched_getaffinity(0)),
            "load_avg": os.getloadavg(),
            "questions": len(asked),
            "levels": levels,
        },
        args.out,
    )
    print(f"wrote {args.out}")
    return 1 if any(lv["errors"] for lv in levels) else 0


if __name__ == "__main__":
    sys.exit(main())
