"""Background ingest jobs over real HTTP: 202 and an id, progress, a final report, resume after a stop.

Every wait polls the job's own state until it has ended (an event), never a
guessed duration; pytest's global timeout is the only clock.
"""

from __future__ import annotations

import fcntl
import json
import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import httpx
import pytest

from bot.jobs import JobRunner
from config import Settings
from tests.conftest import REPO
from tests.live_server import free_port, live_server
from vectorstore.ingestion import Checkpoints, ingest_paths

#: The batch the stop and resume tests set (ISNAD_INGEST_BATCH_ARTICLES), whatever the default is: their uploads
#: are several batches, so a stop after the first checkpoint leaves whole batches to come.
BATCH = 32

SENTENCES = (
    "Test Wire reported that the committee met on Monday to review water projects in district {n}.",
    "أفادت وكالة الاختبار بأن اللجنة اجتمعت يوم الاثنين لمراجعة مشاريع المياه في المنطقة {n}.",
)


def records(n: int, prefix: str) -> list[dict]:
    """``n`` distinct short articles, Arabic and English in turn."""
    return [
        {
            "docno": f"{prefix}{i:03d}",
            "title": f"Probe {i}",
            "src": "Test Wire",
            "time": "2021-03-03",
            "text": SENTENCES[i % 2].format(n=i) + " " + SENTENCES[(i + 1) % 2].format(n=i + 1000),
        }
        for i in range(n)
    ]


def jsonl(rows: list[dict], bad_lines: int = 0) -> bytes:
    lines = [json.dumps(r, ensure_ascii=False) for r in rows] + ['{"title": "no text"}'] * bad_lines
    return ("\n".join(lines) + "\n").encode()


def wait_ended(client: httpx.Client, job_id: str) -> tuple[dict, list[dict]]:
    """Poll a job until it has ended: (its last status, every status seen on the way)."""
    seen = []
    while True:
        r = client.get(f"/api/jobs/{job_id}")
        assert r.status_code == 200, r.text
        seen.append(r.json())
        if seen[-1]["state"] in ("done", "failed"):
            return seen[-1], seen
        time.sleep(0.05)


@pytest.fixture(scope="module")
def service(own_seeded_service):
    return own_seeded_service("jobs")


@pytest.fixture(scope="module")
def client(service):
    from bot.server import build_app

    app = build_app(service, service.settings.model_copy(update={"sync_ingest_bytes": 2000}))
    with live_server(app) as url, httpx.Client(base_url=url, timeout=120) as c:
        yield c


def test_large_upload_is_a_job_with_progress_and_a_final_report(client, service):
    rows = records(70, "bg_")
    files = [
        ("files", ("batch.jsonl", jsonl(rows, bad_lines=2), "application/json")),
        ("files", ("single_bg.txt", b"Test Wire, 4 March 2021. The minister left Cairo on Tuesday.", "text/plain")),
    ]
    r = client.post("/api/documents", files=files)
    assert r.status_code == 202, r.text
    job = r.json()
    assert r.headers["location"] == f"/api/jobs/{job['id']}" and job["state"] in ("queued", "running")
    final, seen = wait_ended(client, job["id"])
    assert final["state"] == "done", final
    dones = [s["done"] for s in seen]
    assert dones == sorted(dones)  # progress only moves forward
    assert final["total"] == final["done"] == 73  # 70 articles, 2 bad lines, 1 text file
    assert final["committed"] == final["added"] == 71 and final["skipped"] == 2
    assert {f["name"]: (f["items"], f["done"], f["problems"]) for f in final["files"]} == {
        "batch.jsonl": (72, 72, 2),
        "single_bg.txt": (1, 1, 0),
    }
    # problems name the caller's file and line, never the server's folders
    assert final["problems"] == [["batch.jsonl:71", "record has no 'text'"], ["batch.jsonl:72", "record has no 'text'"]]
    assert sorted(final["added_ids"]) == sorted([r["docno"] for r in rows] + ["single_bg"])
    listed = {d["doc_id"] for d in client.get("/api/documents").json()}
    assert {r["docno"] for r in rows} <= listed
    assert job["id"] in {j["id"] for j in client.get("/api/jobs").json()}
    assert not (service.settings.home / "jobs" / job["id"] / "files").exists()  # the uploads are removed once in


def test_small_uploads_stay_synchronous_unless_asked(client):
    small = [("files", ("sync_probe.txt", b"Test Wire, 5 March 2021. Rain fell in Cairo.", "text/plain"))]
    r = client.post("/api/documents", files=small)
    assert r.status_code == 200 and r.json()["added"] == ["sync_probe"]
    r = client.post("/api/documents?background=true", files=small)
    assert r.status_code == 202
    final, _ = wait_ended(client, r.json()["id"])
    assert final["state"] == "done" and final["unchanged_ids"] == ["sync_probe"]
    big = [("files", ("big_sync.jsonl", jsonl(records(20, "sync_")), "application/json"))]
    r = client.post("/api/documents?background=false", files=big)
    assert r.status_code == 200 and len(r.json()["added"]) == 20


def test_a_job_that_ingests_nothing_fails_with_its_reasons(client):
    r = client.post("/api/documents?background=true", files=[("files", ("junk.jsonl", jsonl([], bad_lines=3), "application/json"))])
    assert r.status_code == 202
    final, _ = wait_ended(client, r.json()["id"])
    assert final["state"] == "failed" and "nothing could be ingested" in final["message"]
    assert final["skipped"] == 3 and final["files"] == [{"name": "junk.jsonl", "items": 3, "done": 3, "problems": 3}]


def test_a_bad_file_is_refused_before_any_job(client, service):
    before = {j["id"] for j in client.get("/api/jobs").json()}
    r = client.post("/api/documents?background=true", files=[("files", ("report.pdf", b"%PDF-1.7", "application/pdf"))])
    assert r.status_code == 415
    assert {j["id"] for j in client.get("/api/jobs").json()} == before
    assert len(list((service.settings.home / "jobs").iterdir())) == len(before)  # no folder left behind


@pytest.mark.parametrize("job_id", ["nope", "0" * 32, "A" * 32, "job.json", "%00"])
def test_bad_job_ids_are_404_with_a_message(client, job_id):
    r = client.get(f"/api/jobs/{job_id}")
    assert r.status_code == 404 and "no job" in r.json()["detail"]


def test_a_job_id_cannot_reach_other_files(client):
    r = client.get("/api/jobs/..%2F..%2Fjobs%2Fjob.json")
    assert r.status_code == 404 and "state" not in r.text


def test_a_stopped_job_resumes_from_its_last_checkpoint(tmp_path):
    """A run stopped right after its first checkpoint (as a kill would leave it) is finished by the next runner, exactly."""
    from bot.service import Isnad

    service = Isnad(Settings(home=tmp_path / "home", collection="resume", ingest_batch_articles=BATCH))
    runner = service.jobs
    rows = records(80, "rs_")
    files_dir = runner.prepare()
    (files_dir / "part.jsonl").write_bytes(jsonl(rows, bad_lines=1))
    job_id = files_dir.parent.name  # its state is written by hand below, as a stopped server leaves it

    class Stopped(Exception):
        pass

    from bot.jobs import Job

    job = Job(
        files_dir.parent,
        {
            "id": job_id,
            "state": "running",
            "collection": None,
            "created": "2021-01-01T00:00:00+00:00",
            "limits": {"max_bytes": 10**8, "max_records": 10**5, "max_record_bytes": 10**6},
        },
    )
    job.save_meta()

    def save_then_die(position, report):
        job.append_checkpoint(position, report)
        raise Stopped

    with pytest.raises(Stopped):
        ingest_paths(service.store, [files_dir], checkpoints=Checkpoints(save_then_die))
    committed_before = {d.doc_id for d in service.documents()}
    assert 0 < len(committed_before) < len(rows)

    resumed = JobRunner(service, runner.folder)
    status = resumed.wait(job_id)
    while status.state not in ("done", "failed"):
        status = resumed.wait(job_id, status)
    assert status.state == "done" and status.resumed == 1
    assert status.added == len(rows) and status.unchanged == 0 and status.skipped == 1  # nothing counted twice
    assert sorted(status.added_ids) == sorted(r["docno"] for r in rows)
    assert {d.doc_id for d in service.documents()} == {r["docno"] for r in rows}


def _serve(home: Path, port: int) -> subprocess.Popen:
    env = {
        **os.environ,
        "ISNAD_HOME": str(home),
        "ISNAD_COLLECTION": "killed",
        "ISNAD_SYNC_INGEST_BYTES": "1000",
        "ISNAD_INGEST_BATCH_ARTICLES": str(BATCH),
    }
    with open(home / "server.log", "a") as log:  # a file, not a pipe nobody reads once the server is up
        return subprocess.Popen(
            [sys.executable, "-m", "bot", "serve", "--port", str(port)], cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT
        )


def _wait_up(proc: subprocess.Popen, url: str) -> None:
    """Until the server answers /healthz (it loads its models first)."""
    while True:
        try:
            if httpx.get(url + "/healthz", timeout=60).status_code == 200:
                return
        except httpx.TransportError:
            assert proc.poll() is None, f"server exited with {proc.returncode}"
            time.sleep(0.2)


@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM])
def test_a_server_stopped_mid_job_resumes_it_on_restart(tmp_path, signum):
    """kill -9 or SIGTERM mid-job, then a restart on the same home: the job ends with every article committed once.

    SIGTERM checkpoints the last stored batch (the one being embedded is dropped, its vectors cached) before the
    server exits: the store is whole (no torn HNSW file) and nothing is stored past the checkpoint; after kill -9 a
    batch committed past the last checkpoint is re-read.
    """
    from vectorstore.rebuild import check_store

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    rows = records(160, "stop_")
    proc = _serve(tmp_path, port)
    try:
        _wait_up(proc, url)
        with httpx.Client(base_url=url, timeout=120) as c:
            r = c.post("/api/documents", files=[("files", ("many.jsonl", jsonl(rows), "application/json"))])
            assert r.status_code == 202, r.text
            job_id = r.json()["id"]
            status = r.json()
            while status["state"] in ("queued", "running") and not status["committed"]:  # until a batch is in
                time.sleep(0.02)
                status = c.get(f"/api/jobs/{job_id}").json()
        assert status["state"] == "running", "the job ended before the stop: make it longer"
        proc.send_signal(signum)
        assert proc.wait() in (-signum, 0 if signum == signal.SIGTERM else -signum)  # uvicorn re-raises SIGTERM after shutdown
    finally:
        if proc.poll() is None:
            proc.kill()
    if signum == signal.SIGTERM:
        meta = json.loads((tmp_path / "jobs" / job_id / "job.json").read_text())
        assert meta["state"] == "running" and "paused at item" in (tmp_path / "server.log").read_text()
        check_store(Settings(home=tmp_path, collection="killed"))  # raises if Chroma's files were torn
    proc = _serve(tmp_path, port)
    try:
        _wait_up(proc, url)
        with httpx.Client(base_url=url, timeout=120) as c:
            final, _ = wait_ended(c, job_id)
            assert final["state"] == "done" and final["resumed"] == 1, final
            assert final["total"] == final["done"] == len(rows)
            assert final["added"] + final["unchanged"] == len(rows)  # a batch committed after the last checkpoint shows as unchanged
            assert final["added"] >= len(rows) - BATCH
            if signum == signal.SIGTERM:
                assert final["unchanged"] == 0  # the stop came at a checkpoint: nothing stored after it
            listed = {d["doc_id"] for d in c.get("/api/documents").json()}
            assert {r["docno"] for r in rows} <= listed
    finally:
        proc.terminate()
        proc.wait()


def test_questions_are_answered_while_a_job_writes(client):
    """The job runs outside the request: asks made while it writes answer 200 from committed articles only."""
    r = client.post("/api/documents", files=[("files", ("during.jsonl", jsonl(records(96, "during_")), "application/json"))])
    assert r.status_code == 202
    job_id, answered = r.json()["id"], 0
    status = r.json()
    while status["state"] in ("queued", "running"):
        ask = client.post("/api/ask", json={"question": "متى اجتمعت اللجنة لمراجعة مشاريع المياه؟"})
        assert ask.status_code == 200, ask.text
        for c in ask.json()["citations"]:
            text = client.get(f"/api/documents/{c['doc_id']}/text")
            assert text.status_code == 200 and text.text[c["start"] : c["end"]] == c["quote"]
        answered += 1
        status = client.get(f"/api/jobs/{job_id}").json()
    assert status["state"] == "done" and status["added"] == 96 and answered >= 1


def test_progress_and_summary_lines_for_the_ui():
    from bot.jobs import FileProgress, JobStatus
    from bot.ui import job_progress, job_summary

    running = JobStatus(
        id="a" * 32,
        state="running",
        created="now",
        total=100,
        done=64,
        committed=60,
        skipped=4,
        files=[FileProgress(name="a.jsonl", items=50, done=50, problems=4), FileProgress(name="b.jsonl", items=50, done=14, problems=0)],
    )
    assert job_progress(running).startswith("Ingesting: 64 / 100 items · 60 articles committed · 4 problems · b.jsonl")
    assert "Reading the files" in job_progress(running.model_copy(update={"total": None}))
    failed = running.model_copy(
        update={"state": "failed", "message": "nothing could be ingested", "added": 0, "problems": [("a.jsonl:3", "record has no 'text'")]}
    )
    assert job_summary(failed) == (
        "nothing could be ingested · added: 0 · updated: 0 · unchanged: 0\n- skipped a.jsonl:3: record has no 'text'\n- and 3 more problems"
    )


class Gated:
    """The real service as a job runner sees it, its ingest held at a gate: shows that (and when) a runner ran a job."""

    def __init__(self, service):
        self.service = service
        self.settings = service.settings
        self.entered = threading.Event()
        self.release = threading.Event()

    def ingest_paths(self, paths, **kwargs):
        self.entered.set()
        self.release.wait()
        return self.service.ingest_paths(paths, **kwargs)


def _stopped_job(folder: Path, rows: list[dict], state: str) -> str:
    """A job as a stopped server leaves it in a shared home: its files and ``job.json``, nothing in memory."""
    from dataclasses import asdict

    from bot.jobs import Job
    from vectorstore.loaders import ReadLimits

    job_id = uuid.uuid4().hex
    (folder / job_id / "files").mkdir(parents=True)
    (folder / job_id / "files" / "part.jsonl").write_bytes(jsonl(rows))
    meta = {"id": job_id, "state": state, "collection": None, "created": "2021-01-01T00:00:00+00:00", "limits": asdict(ReadLimits())}
    Job(folder / job_id, meta).save_meta()
    return job_id


def _until_ended(runner: JobRunner, job_id: str):
    status = runner.wait(job_id)
    while status.state not in ("done", "failed"):
        status = runner.wait(job_id, status)
    return status


def test_two_runners_on_one_home_run_a_job_once(service, tmp_path):
    """Two servers on one home both find an unfinished job: the one holding its lock runs it, the other only shows it."""
    folder = tmp_path / "jobs"
    rows = records(6, "twice_")
    job_id = _stopped_job(folder, rows, "queued")
    gate_a, gate_b = Gated(service), Gated(service)
    a = JobRunner(gate_a, folder)
    gate_a.entered.wait()  # a holds the job's lock, inside its ingest
    b = JobRunner(gate_b, folder)
    b.settled()  # b's worker has tried the job and let it be
    assert not gate_b.entered.is_set()
    assert b.get(job_id).state == "running"  # read from disk: a's state, not b's queue
    gate_a.release.set()
    done = _until_ended(a, job_id)
    assert done.state == "done" and done.added == len(rows) and done.resumed == 0
    assert [j.state for j in b.recent()] == ["done"]
    seen_by_b = b.get(job_id)
    assert seen_by_b.state == "done" and sorted(seen_by_b.added_ids) == sorted(r["docno"] for r in rows)
    gate_b.release.set()
    b.settled()
    assert not gate_b.entered.is_set()  # b never ran it, even after a ended


def test_a_job_whose_runner_died_is_resumed_by_a_live_runner(service, tmp_path):
    """The lock is held elsewhere (another process), then let go without the job ending (that process died): b takes it over."""
    folder = tmp_path / "jobs"
    rows = records(4, "orphan_")
    job_id = _stopped_job(folder, rows, "running")
    other = open(folder / job_id / "lock", "a+b")  # noqa: SIM115 - another server's lock, closed below as its death
    fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)
    gate = Gated(service)
    gate.release.set()
    b = JobRunner(gate, folder)
    b.settled()
    assert not gate.entered.is_set() and b.get(job_id).state == "running"
    other.close()  # the holder died: the kernel drops its lock
    b.get(job_id)  # a look at the job finds it free and queues it
    status = _until_ended(b, job_id)
    assert gate.entered.is_set() and status.state == "done" and status.resumed == 1 and status.added == len(rows)
