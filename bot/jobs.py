"""Background ingest jobs: an upload becomes a job with an id, progress and a final report.

Why: a 10k-record ``.jsonl`` once took 419 s inside one HTTP request. A job
runs on one worker thread (so jobs write one at a time), outside any request;
readers stay consistent meanwhile because they only see chunks whose article
record (the commit marker, see `vectorstore.store`) is written.

Each job lives in ``ISNAD_HOME/jobs/<id>/``:

- ``files/``: the uploaded files, removed when the job ends;
- ``job.json``: what the job is and its state (rewritten atomically);
- ``progress.jsonl``: one line per checkpoint of the ingest (`Checkpoints`): the
  position reached and what the report gained since the last line. Appended,
  so writing it stays cheap on a 100k-article job, and replaying it gives the
  report exactly as it stood at the last checkpoint.

A server stopped mid-job checkpoints the job at its last stored batch first,
dropping the batch being embedded (its vectors stay cached; `JobRunner.close`); stopped or killed, it finds the job ``queued`` or
``running`` on its next start and resumes it from the last checkpoint: the items before it
are not read again, and the report goes on from where it stood.

Several servers may share one ``ISNAD_HOME`` (app workers behind one balancer):
each finds the others' unfinished jobs when it starts. A worker runs a job only
while it holds the job's ``lock`` file (``flock``, exclusive, not waited for), so
one server runs it and the others skip it and read its state from disk. The
kernel drops the lock when its holder dies, even by ``kill -9``: a job whose
server was killed is resumed by the next one to start, never by two at once.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import re
import shutil
import threading
import uuid
from dataclasses import asdict
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, Literal

from pydantic import BaseModel, Field

from vectorstore.ingestion import Checkpoints, IngestReport, IngestStopped, count_items
from vectorstore.loaders import ReadLimits

log = logging.getLogger(__name__)

State = Literal["queued", "running", "done", "failed"]
FINISHED: frozenset[str] = frozenset({"done", "failed"})
#: Ids of each kind an ended job lists (counts are always whole): a report of 100k ids would be megabytes.
MAX_LISTED_IDS = 1000
#: Ended jobs kept on disk (their state and report; their files go when they end).
KEEP_JOBS = 200
JOB_ID = re.compile(r"[0-9a-f]{32}")


class FileProgress(BaseModel):
    name: str
    items: int = Field(description="Articles, bad records and unreadable files in it (each one item).")
    done: int = Field(description="Items committed, found unchanged or reported as problems.")
    problems: int


class JobStatus(BaseModel):
    """What ``GET /api/jobs/{id}`` answers: state, counts, problems per file and, at the end, the ids."""

    id: str
    state: State
    collection: str | None = None
    created: str
    started: str | None = None
    finished: str | None = None
    resumed: int = Field(0, description="Times the job was picked up again after a server stop.")
    message: str | None = Field(None, description="Why a job failed.")
    total: int | None = Field(None, description="Items in all files (None while they are being counted).")
    done: int = Field(0, description="Items handled so far (updated at each checkpoint, every batch of articles).")
    committed: int = Field(0, description="Articles added or updated so far.")
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    files: list[FileProgress] = []
    problems: list[tuple[str, str]] = Field([], description="The first problems, (file[:line], reason).")
    added_ids: list[str] = Field([], description=f"The first {MAX_LISTED_IDS} added document ids (once finished).")
    updated_ids: list[str] = []
    unchanged_ids: list[str] = []


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


class Job:
    """One job's state in memory; ``folder`` holds its files, state and checkpoints."""

    def __init__(self, folder: Path, meta: dict):
        self.folder = folder
        self.meta = meta  # id, state, collection, created, started, finished, resumed, message, counts
        self.position = 0
        self.report = IngestReport()
        #: Lengths of the report's lists at the last checkpoint: the next one appends only what follows.
        self.saved_lengths = (0, 0, 0, 0)

    @property
    def id(self) -> str:
        return self.meta["id"]

    @property
    def files_dir(self) -> Path:
        return self.folder / "files"

    def try_lock(self) -> IO | None:
        """The job's lock, taken without waiting: an open file to close when done, or None if another runner holds it."""
        try:
            fh = open(self.folder / "lock", "a+b")  # noqa: SIM115 - held for the whole run, closed by `JobRunner._work`
        except OSError as exc:  # its folder is gone (pruned by another server): nothing to run
            log.warning("jobs: cannot lock %s: %s", self.folder, exc)
            return None
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.close()
            return None
        return fh

    def reload(self) -> None:
        """State and report as another runner left them on disk (its last checkpoint)."""
        try:
            self.meta = json.loads((self.folder / "job.json").read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:  # removed, or replaced mid-read: keep what we had
            log.warning("jobs: cannot reread %s: %s", self.folder, exc)
            return
        self.replay()

    def save_meta(self) -> None:
        _write_atomic(self.folder / "job.json", json.dumps(self.meta, ensure_ascii=False))

    def append_checkpoint(self, position: int, report: IngestReport) -> None:
        """Persist the new position and what ``report`` gained since the last checkpoint."""
        a, u, n, s = self.saved_lengths
        line = {
            "position": position,
            "added": report.added[a:],
            "updated": report.updated[u:],
            "unchanged": report.unchanged[n:],
            "skipped": report.skipped[s:],
            "skipped_count": report.skipped_count,
            "problems_by_file": report.problems_by_file,
        }
        with open(self.folder / "progress.jsonl", "a", encoding="utf-8") as fh:
            fh.write(json.dumps(line, ensure_ascii=False) + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        self.saved_lengths = (len(report.added), len(report.updated), len(report.unchanged), len(report.skipped))

    def replay(self) -> None:
        """Rebuild position and report from ``progress.jsonl`` (a torn last line, from a kill, is ignored)."""
        self.position, self.report = 0, IngestReport()
        path = self.folder / "progress.jsonl"
        if not path.exists():
            return
        for raw in path.read_text(encoding="utf-8").splitlines():
            try:
                line = json.loads(raw)
            except json.JSONDecodeError:
                break
            self.position = line["position"]
            self.report.added += line["added"]
            self.report.updated += line["updated"]
            self.report.unchanged += line["unchanged"]
            self.report.skipped += [tuple(p) for p in line["skipped"]]
            self.report.skipped_count = line["skipped_count"]
            self.report.problems_by_file = line["problems_by_file"]
        r = self.report
        self.saved_lengths = (len(r.added), len(r.updated), len(r.unchanged), len(r.skipped))

    def status(self) -> JobStatus:
        r, meta = self.report, self.meta
        sizes: list[tuple[str, int]] = meta.get("items") or []
        files, offset = [], 0
        for name, items in sizes:
            done = min(items, max(0, self.position - offset))
            files.append(FileProgress(name=name, items=items, done=done, problems=r.problems_by_file.get(name, 0)))
            offset += items
        ended = meta["state"] in FINISHED
        return JobStatus(
            **{k: meta.get(k) for k in ("id", "state", "collection", "created", "started", "finished", "message")},
            resumed=meta.get("resumed", 0),
            total=sum(n for _, n in sizes) if meta.get("items") is not None else None,
            done=self.position,
            committed=len(r.added) + len(r.updated),
            added=len(r.added),
            updated=len(r.updated),
            unchanged=len(r.unchanged),
            skipped=r.skipped_count,
            files=files,
            problems=[(self._relative(src), reason) for src, reason in r.skipped],
            added_ids=r.added[:MAX_LISTED_IDS] if ended else [],
            updated_ids=r.updated[:MAX_LISTED_IDS] if ended else [],
            unchanged_ids=r.unchanged[:MAX_LISTED_IDS] if ended else [],
        )

    def _relative(self, source: str) -> str:
        """A problem's source without the server's folder (``name.jsonl:12``): callers know their file names."""
        prefix = str(self.files_dir) + os.sep
        return source[len(prefix) :] if source.startswith(prefix) else source


class JobRunner:
    """The queue of ingest jobs of one service, and the one worker thread that runs them in order."""

    def __init__(self, service, folder: Path, keep: int = KEEP_JOBS):
        self.service = service
        self.folder = folder
        self.keep = keep
        self._jobs: dict[str, Job] = {}
        self._queue: list[str] = []
        #: Jobs this runner found locked by another runner: their state is read from disk.
        self._elsewhere: set[str] = set()
        self._busy = False  # the worker is between popping a job and being done with it
        self._changed = threading.Condition()
        self._stop = threading.Event()
        folder.mkdir(parents=True, exist_ok=True)
        self._load()
        self._worker = threading.Thread(target=self._work, name="isnad-jobs", daemon=True)
        self._worker.start()

    # -- submitting -------------------------------------------------------------
    def prepare(self) -> Path:
        """A new job's folder for its files; `submit` it once they are in, or `discard` it."""
        folder = self.folder / uuid.uuid4().hex
        (folder / "files").mkdir(parents=True)
        return folder / "files"

    def discard(self, files_dir: Path) -> None:
        shutil.rmtree(files_dir.parent, ignore_errors=True)

    def submit(self, files_dir: Path, collection: str | None = None, limits: ReadLimits | None = None) -> JobStatus:
        """Queue the files of a `prepare`d folder; ``limits`` (default: the service's settings) bound each JSONL file."""
        limits = limits or ReadLimits.of(self.service.settings)
        meta = {"id": files_dir.parent.name, "state": "queued", "collection": collection, "created": _now(), "limits": asdict(limits)}
        job = Job(files_dir.parent, meta)
        job.save_meta()
        with self._changed:
            self._jobs[job.id] = job
            self._queue.append(job.id)
            self._changed.notify_all()
        return job.status()

    # -- reading ----------------------------------------------------------------
    def get(self, job_id: str) -> JobStatus:
        """The job's status; KeyError for an id that is malformed or unknown."""
        with self._changed:
            if not JOB_ID.fullmatch(job_id) or job_id not in self._jobs:
                raise KeyError(job_id)
            self._refresh(job_id)
            return self._jobs[job_id].status()

    def recent(self) -> list[JobStatus]:
        """Every job kept, newest first (without their id lists)."""
        with self._changed:
            for job_id in list(self._elsewhere):  # a refresh may take a job back
                self._refresh(job_id)
            jobs = sorted(self._jobs.values(), key=lambda j: j.meta["created"], reverse=True)
            return [j.status().model_copy(update={"added_ids": [], "updated_ids": [], "unchanged_ids": []}) for j in jobs]

    def wait(self, job_id: str, than: JobStatus | None = None, timeout: float | None = None) -> JobStatus:
        """The job's status once it differs from ``than`` (or it has ended), for a UI that shows progress."""
        with self._changed:
            self._changed.wait_for(lambda: self._jobs[job_id].meta["state"] in FINISHED or self._jobs[job_id].status() != than, timeout)
            return self._jobs[job_id].status()

    def settled(self, timeout: float | None = None) -> bool:
        """Wait until the queue is empty and the worker is between jobs (False if ``timeout`` passed first)."""
        with self._changed:
            return self._changed.wait_for(lambda: not self._queue and not self._busy, timeout)

    def _refresh(self, job_id: str) -> None:
        """Reread a job another runner holds (caller holds ``_changed``): its progress is on disk, not here."""
        job = self._jobs[job_id]
        if job_id not in self._elsewhere or job.meta["state"] in FINISHED:
            return
        job.reload()
        lock = job.try_lock() if job.meta["state"] not in FINISHED else None
        if lock is not None:  # its runner died mid-job: this one resumes it (the worker takes the lock again)
            lock.close()
            self._elsewhere.discard(job_id)
            self._queue.append(job_id)
            self._changed.notify_all()

    # -- running ----------------------------------------------------------------
    def _load(self) -> None:
        """Read the jobs a previous server left; requeue the unfinished ones (oldest first), prune old ones."""
        jobs = []
        for meta_path in self.folder.glob("*/job.json"):
            try:
                job = Job(meta_path.parent, json.loads(meta_path.read_text(encoding="utf-8")))
            except (OSError, json.JSONDecodeError) as exc:
                log.warning("jobs: ignoring %s: %s", meta_path, exc)
                continue
            job.replay()
            jobs.append(job)
        jobs.sort(key=lambda j: j.meta["created"])
        ended = [j for j in jobs if j.meta["state"] in FINISHED]
        for old in ended[: max(0, len(ended) - self.keep)]:
            shutil.rmtree(old.folder, ignore_errors=True)
            jobs.remove(old)
        for job in jobs:
            self._jobs[job.id] = job
            if job.meta["state"] not in FINISHED:
                # Nothing is written yet: another server may be running it (`_take` decides, under its lock).
                self._queue.append(job.id)

    def close(self) -> None:
        """Stop the worker: a job in flight drops its unwritten batch, checkpoints the last stored one and stays ``running``, for the next start."""
        self._stop.set()
        with self._changed:
            self._changed.notify_all()
        self._worker.join()

    def _work(self) -> None:
        while True:
            with self._changed:
                self._changed.wait_for(lambda: self._queue or self._stop.is_set())
                if self._stop.is_set():
                    return
                job = self._jobs[self._queue.pop(0)]
                self._busy = True
            lock = job.try_lock()
            try:
                if lock is None:
                    log.warning("jobs: %s is being run by another server; showing its progress", job.id)
                    with self._changed:
                        self._elsewhere.add(job.id)
                else:
                    self._take(job)
            except Exception as exc:  # noqa: BLE001 - a job's failure is its report, never the worker's end
                log.exception("jobs: %s failed", job.id)
                self._update(job, state="failed", finished=_now(), message=f"{type(exc).__name__}: {exc}")
            finally:
                if lock is not None:
                    if job.meta["state"] in FINISHED:
                        shutil.rmtree(job.files_dir, ignore_errors=True)
                    lock.close()
                with self._changed:
                    self._busy = False
                    self._changed.notify_all()

    def _take(self, job: Job) -> None:
        """Run a job whose lock this runner holds, from its state on disk (another runner may have ended or advanced it)."""
        with self._changed:
            self._elsewhere.discard(job.id)
            job.reload()
        if job.meta["state"] in FINISHED:
            return
        if job.meta["state"] == "running":  # started by a runner that is gone: it held the lock until it died
            self._update(job, resumed=job.meta.get("resumed", 0) + 1)
            log.warning("jobs: resuming %s from item %d", job.id, job.position)
        self._run(job)

    def _run(self, job: Job) -> None:
        limits = ReadLimits(**job.meta["limits"])
        paths = [job.files_dir]
        self._update(job, state="running", started=job.meta.get("started") or _now())
        if job.meta.get("items") is None:
            self._update(job, items=count_items(paths, limits))

        def save(position: int, report: IngestReport) -> None:
            job.append_checkpoint(position, report)
            with self._changed:
                job.position = position
                self._changed.notify_all()

        try:
            report = self.service.ingest_paths(
                paths,
                collection=job.meta.get("collection"),
                limits=limits,
                checkpoints=Checkpoints(save, job.position, job.report),
                stop=self._stop,
            )
        except IngestStopped as stopped:
            log.warning("jobs: %s paused at item %d; the next start resumes it", job.id, stopped.position)
            return
        if report.skipped_count and not (report.added or report.updated or report.unchanged):
            self._update(job, state="failed", finished=_now(), message="nothing could be ingested")
        else:
            self._update(job, state="done", finished=_now())

    def _update(self, job: Job, **fields) -> None:
        with self._changed:
            job.meta.update(fields)
            job.save_meta()
            self._changed.notify_all()
