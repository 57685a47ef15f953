"""Two real Isnad workers on one real Chroma server agree on what exists, keyword side included.

A `chroma run` subprocess and two `python -m bot serve` subprocesses (each its
own models, its own in-memory keyword index, nothing local but its ISNAD_HOME),
as a deployment behind a load balancer runs them. An article uploaded through
worker 1 must be found through worker 2 by both retrievers, and once deleted
through worker 2 be gone from worker 1. Waits are on events (heartbeat, health,
the condition itself) with a bounded number of attempts, never a guessed sleep
before asserting.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import SAMPLES
from tests.live_server import free_port

pytestmark = pytest.mark.slow  # three processes and two model loads: over a minute on 2 cores

#: Search rounds allowed for a change to reach the other worker. The keyword index
#: reads the change log at most once a second (LiveKeywordIndex.poll_s), so a
#: round 0.5 s apart sees it within ~3 rounds; the rest is headroom for a loaded machine.
ATTEMPTS = 40
PROBE = "probe"
#: A made-up word: only the probe article can match it on the keyword side.
TOKEN = "زنبقوريت"
PROBE_TEXT = f"أعلن المكتب الإعلامي اليوم أن مشروع {TOKEN} سيبدأ الشهر المقبل في ثلاث مدن بتكلفة عشرة ملايين دولار."


def _until(ready: Callable[[], bool], proc: subprocess.Popen | None = None, pause: float = 0.25) -> None:
    """Poll ``ready`` until it holds; fail at once if ``proc`` died (its log says why)."""
    while not ready():
        if proc is not None and proc.poll() is not None:
            pytest.fail(f"{proc.args} exited with {proc.returncode}")
        time.sleep(pause)


def _ok(url: str) -> bool:
    try:
        return httpx.get(url, timeout=5).status_code == 200
    except httpx.HTTPError:
        return False


@pytest.fixture(scope="module")
def chroma_port(tmp_path_factory) -> Iterator[int]:
    port = free_port()
    log = tmp_path_factory.mktemp("chroma-log") / "chroma.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [str(Path(sys.executable).with_name("chroma")), "run", "--path", str(tmp_path_factory.mktemp("chroma")), "--port", str(port)],
            stdout=out,
            stderr=subprocess.STDOUT,
            env={**os.environ, "ANONYMIZED_TELEMETRY": "False"},
        )
        try:
            _until(lambda: _ok(f"http://127.0.0.1:{port}/api/v2/heartbeat"), proc)
            yield port
        finally:
            proc.terminate()
            proc.wait(timeout=60)


def _worker(chroma_port: int, home: Path) -> tuple[subprocess.Popen, str]:
    """``isnad serve`` on the Chroma server with its own ISNAD_HOME (where its keyword index snapshot goes)."""
    port = free_port()
    env = {
        **os.environ,
        "ISNAD_HOME": str(home),
        "ISNAD_CHROMA_HOST": "127.0.0.1",
        "ISNAD_CHROMA_PORT": str(chroma_port),
        "ISNAD_COLLECTION": "shared",
        "ISNAD_SAMPLES_DIR": str(SAMPLES),
    }
    env.pop("ISNAD_API_KEY", None)
    with (home / "serve.log").open("ab") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "bot", "serve", "--port", str(port)],
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
            cwd=Path(__file__).resolve().parents[1],
        )
    return proc, f"http://127.0.0.1:{port}"


def _stop(procs: list[subprocess.Popen]) -> None:
    for proc in procs:
        proc.terminate()
    for proc in procs:
        proc.wait(timeout=60)


@pytest.fixture(scope="module")
def workers(chroma_port, tmp_path_factory) -> Iterator[list[str]]:
    """Two app processes on the server, started together (both may load the samples: it is idempotent)."""
    started = []
    try:
        for n in (1, 2):
            started.append(_worker(chroma_port, tmp_path_factory.mktemp(f"worker{n}")))
        for proc, url in started:
            _until(lambda url=url: _ok(url + "/healthz"), proc)
        yield [url for _, url in started]
    finally:
        _stop([proc for proc, _ in started])


def _probe_scores(url: str) -> list[float]:
    """Scores of the probe's passages in a search for its made-up word, through this worker."""
    r = httpx.post(url + "/api/search", json={"query": TOKEN, "k": 5}, timeout=120)
    assert r.status_code == 200, r.text
    return [p["score"] for p in r.json() if p["doc_id"] == PROBE]


def _eventually(condition: Callable[[], bool]) -> bool:
    for _ in range(ATTEMPTS):
        if condition():
            return True
        time.sleep(0.5)
    return False


def _scored_alike(scores: list[float], written: list[float]) -> bool:
    """Both workers ask the same Chroma, so their dense sides agree; the keyword match adds a whole weight to the
    fused score (bot.retrieval.fuse), so the reader scores the probe as the writer does only once it holds it too."""
    return len(scores) == len(written) and all(abs(a - b) < 0.01 for a, b in zip(scores, written))


def _upload_probe(url: str, folder) -> None:
    """Upload the probe article through one worker, within the request."""
    path = folder / f"{PROBE}.txt"
    path.write_text(PROBE_TEXT, encoding="utf-8")
    with path.open("rb") as fh:
        r = httpx.post(url + "/api/documents", params={"background": "false"}, files={"files": (path.name, fh, "text/plain")}, timeout=300)
    assert r.status_code == 200 and r.json()["added"] == [PROBE], r.text


def test_upload_and_delete_reach_the_other_worker_on_both_retrievers(workers, tmp_path):
    one, two = workers
    assert _probe_scores(two) == []  # worker 2 has built its keyword index before the upload
    _upload_probe(one, tmp_path)

    written = _probe_scores(one)
    assert written  # the writer sees its own write at once, on both sides
    assert _eventually(lambda: _scored_alike(_probe_scores(two), written)), "worker 2's keyword side never saw the upload"
    assert any(d["doc_id"] == PROBE for d in httpx.get(two + "/api/documents", timeout=60).json())

    assert httpx.delete(f"{two}/api/documents/{PROBE}", timeout=60).status_code == 200
    assert _probe_scores(two) == []
    assert _eventually(lambda: _probe_scores(one) == []), "worker 1 still finds the deleted article"
    assert httpx.delete(f"{one}/api/documents/{PROBE}", timeout=60).status_code == 404


def test_a_restarted_worker_loads_its_snapshot_and_catches_up_with_the_others(workers, chroma_port, tmp_path):
    """A worker's keyword index snapshot is local to it (ISNAD_HOME) while Chroma is remote: a restart loads it
    (the file is not rewritten, as a rebuild would) and the change log brings in what another worker wrote meanwhile."""
    one, _ = workers
    home = tmp_path / "worker3"
    home.mkdir()
    proc, url = _worker(chroma_port, home)
    try:
        _until(lambda: _ok(url + "/healthz"), proc)
    finally:
        _stop([proc])
    (snapshot,) = (home / "keyword").glob("shared.*.keyword.npz")
    written_at = snapshot.stat().st_mtime_ns
    _upload_probe(one, tmp_path)
    written = _probe_scores(one)
    proc, url = _worker(chroma_port, home)
    try:
        _until(lambda: _ok(url + "/healthz"), proc)
        assert _scored_alike(_probe_scores(url), written)  # the keyword side holds it from the first search on
        assert snapshot.stat().st_mtime_ns == written_at
    finally:
        _stop([proc])
        httpx.delete(f"{one}/api/documents/{PROBE}", timeout=60)
