"""Feed files into an `ArticleStore`, reporting per file what happened.

Shared by the `ingest.py` CLI, the API's upload endpoint and first-start sample
loading, so all three skip, count and report bad input the same way.
"""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from vectorstore.loaders import JSONL_SUFFIXES, Article, LoadError, ReadLimits, iter_files, load_path
from vectorstore.store import ArticleStore, WriteStopped


#: Problems an ingest report spells out; the rest are only counted.
MAX_REPORTED_PROBLEMS = 100


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (source, reason): the first MAX_REPORTED_PROBLEMS
    skipped_count: int = 0  # all of them
    problems_by_file: dict[str, int] = field(default_factory=dict)  # file name -> all its problems

    @property
    def ok(self) -> bool:
        return not self.skipped_count

    def skip(self, source: str, reason: str, file: str | None = None) -> None:
        """Count a problem; keep its text only while the report is short (3M bad lines once made a 221 MB answer)."""
        self.skipped_count += 1
        if file is not None:
            self.problems_by_file[file] = self.problems_by_file.get(file, 0) + 1
        if len(self.skipped) < MAX_REPORTED_PROBLEMS:
            self.skipped.append((source, reason))

    def summary(self) -> str:
        return f"{len(self.added)} added, {len(self.updated)} updated, {len(self.unchanged)} unchanged, {self.skipped_count} skipped"

    def mark(self) -> tuple:
        """Where the report stands, for `rewind` (its lists only grow, so their lengths say it)."""
        lists = (len(self.added), len(self.updated), len(self.unchanged), len(self.skipped))
        return lists, self.skipped_count, dict(self.problems_by_file)

    def rewind(self, mark: tuple) -> None:
        """Back to what the report said at ``mark``: the items reported since are read again by the rerun."""
        (added, updated, unchanged, skipped), self.skipped_count, self.problems_by_file = mark[0], mark[1], dict(mark[2])
        del self.added[added:], self.updated[updated:], self.unchanged[unchanged:], self.skipped[skipped:]


@dataclass
class Checkpoints:
    """Where an ingest starts and whom it tells at each consistent point (a resumable job).

    An *item* is one thing the inputs yield in their fixed order: an article, a
    bad record or an unreadable file. At a checkpoint every item before
    ``position`` is committed or reported and none after it is, so a run killed
    after a checkpoint resumes exactly there, with ``report`` as it was.
    """

    save: Callable[[int, IngestReport], None]
    position: int = 0
    report: IngestReport = field(default_factory=IngestReport)


class StopRequest(threading.Event):
    """Set to make an ingest stop at its next commit point; ``signum`` is the signal that asked, if one did."""

    signum: int | None = None


class IngestStopped(Exception):
    """An ingest stopped at a commit point because it was asked to: everything before ``position`` is stored."""

    def __init__(self, position: int, report: IngestReport, signum: int | None) -> None:
        super().__init__(f"stopped after item {position}")
        self.position, self.report, self.signum = position, report, signum

    @property
    def exit_code(self) -> int:
        """128 + the signal, as a shell reports a process the signal ended (1 when no signal asked)."""
        return 128 + self.signum if self.signum else 1


@contextmanager
def stop_on_signals(on_signal: Callable[[int], None] | None = None) -> Iterator[StopRequest]:
    """While inside, SIGTERM and SIGINT set the yielded request instead of ending the process (main thread only).

    WHY: their default action ends the process wherever it is, and inside a
    Chroma write that can tear its HNSW files (Chroma 1.5.9 then segfaults on
    every read of the collection). Python runs the handler only between
    bytecodes, i.e. after the model's call or the write under way has
    returned; the ingest then drops the batch it has not begun to write (its
    vectors stay cached) and stops at the last commit point. A second signal
    changes nothing (SIGKILL is the way to not wait, at the store's risk).
    ``on_signal(signum)`` is called too (a parent passes it on to its child).
    """
    stop = StopRequest()

    def handle(signum: int, _frame) -> None:
        again = stop.is_set()
        stop.signum = stop.signum or signum
        stop.set()
        name = signal.Signals(signum).name
        print(
            f"{name}: {'still ' if again else ''}stopping at the last stored batch once the model's call or the write "
            "under way returns (SIGKILL would risk the store)",
            file=sys.stderr,
            flush=True,
        )
        if on_signal is not None:
            on_signal(signum)

    previous = {s: signal.signal(s, handle) for s in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield stop
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)


def estimated_chunks(text: str, max_chars: int) -> int:
    """The chunks ``text`` will be cut into, told before cutting it: its length over the chunk bound, rounded up.

    WHY an estimate: a batch is closed as articles are read, and chunking them
    there would cut every text twice. Chunks hold whole sentences up to the
    bound, so the estimate runs a little short (500 ANT articles: 1,341 for 1,449).
    """
    return max(1, -(-len(text) // max_chars))


def _identity(article: Article) -> set[str]:
    """What makes two inputs of one run the same article: its id, or its URL (ANT lists 1,180 URLs twice, under two docnos)."""
    url = article.given.get("url")
    return {article.doc_id, "url " + url} if url else {article.doc_id}


def input_files(paths: list[Path]) -> list[tuple[str, Path | LoadError]]:
    """The inputs in the order an ingest reads them, each with its display name."""
    return [(Path(i.source).name if isinstance(i, LoadError) else i.name, i) for i in iter_files(paths)]


def count_items(paths: list[Path], limits: ReadLimits = ReadLimits()) -> list[tuple[str, int]]:
    """(file name, items) per input, in reading order: a progress total before the slow part starts.

    A JSONL file is read once more for it (parsing is a small fraction of
    embedding); any other file is one item.
    """
    return [
        (
            name,
            1 if isinstance(item, LoadError) or not item.name.lower().endswith(JSONL_SUFFIXES) else sum(1 for _ in load_path(item, limits)),
        )
        for name, item in input_files(paths)
    ]


def ingest_paths(
    store: ArticleStore,
    paths: list[Path],
    progress: bool = False,
    limits: ReadLimits = ReadLimits(),
    checkpoints: Checkpoints | None = None,
    stop: threading.Event | None = None,
) -> IngestReport:
    """Ingest files and folders; a bad file or record is skipped with its reason.

    Articles are written in batches of at most ``store.batch_articles`` and
    about ``store.batch_chunks`` chunks (`estimated_chunks`; the settings
    ``ISNAD_INGEST_BATCH_ARTICLES`` / ``_CHUNKS``). With ``checkpoints``, the
    first ``checkpoints.position`` items are passed over (already done by a
    run that was stopped) and ``save`` is called after each batch is written
    (and after a batch's worth of items that held no article). Once ``stop``
    is set, the batch not yet written is dropped (`ArticleStore.upsert_many`
    stops at its model's next call; the vectors it made are cached), the
    report goes back to the last batch written, a checkpoint is saved there
    and `IngestStopped` is raised: the store is never left mid-write, and a
    stop waits for one call of the model or one write, not for a batch.
    """
    report = checkpoints.report if checkpoints else IngestReport()
    start = checkpoints.position if checkpoints else 0
    seen: set[str] = set()
    buffer: list[tuple[str, Article]] = []  # (file name, article)
    buffered_chunks = 0
    held = (start, report.mark())  # the commit point before the buffer's first article: where a stop goes back to
    position = saved = start

    def flush() -> None:
        nonlocal buffered_chunks
        if not buffer:
            return
        try:
            outcomes = store.upsert_many([article for _, article in buffer], stop=stop)
        except WriteStopped:
            raise stopped() from None
        bar.update(len(buffer))
        for name, article in buffer:
            outcome = outcomes[article.doc_id]
            if isinstance(outcome, ValueError):
                report.skip(article.source, str(outcome), name)
            else:
                getattr(report, outcome).append(article.doc_id)
        buffer.clear()
        buffered_chunks = 0
        checkpoint(force=True)

    def checkpoint(force: bool = False) -> None:
        nonlocal saved
        if checkpoints and not buffer and (force or position - saved >= store.batch_articles):
            checkpoints.save(position, report)
            saved = position

    def stopped() -> IngestStopped:
        """Drop what is not written, go back to the last commit point, save it: the exception to raise."""
        nonlocal position
        if buffer:
            buffer.clear()
            position = held[0]
            report.rewind(held[1])
        checkpoint(force=True)
        bar.close()
        return IngestStopped(position, report, getattr(stop, "signum", None))

    items = input_files(paths)
    # The bar counts articles embedded and committed (the slow part), not files read:
    # a JSONL file holds many articles, so its total is unknown until it is read.
    files = [i for _, i in items if not isinstance(i, LoadError)]
    single = not any(f.name.lower().endswith((".jsonl", ".gz")) for f in files)
    bar = tqdm(total=len(files) if single else None, unit="article", desc="committed", disable=not progress, dynamic_ncols=True)
    index = 0
    for name, item in items:
        if isinstance(item, LoadError):
            index += 1
            if index > start:
                report.skip(item.source, item.reason, name)
                position = index
                checkpoint()
            continue
        bar.set_postfix_str(item.name[-40:])
        for article in load_path(item, limits):
            index += 1
            if index <= start:  # done before a stop: only its id matters, to spot a later duplicate
                if isinstance(article, Article):
                    seen.update(_identity(article))
                continue
            position = index
            if isinstance(article, LoadError):
                report.skip(article.source, article.reason, name)
                bar.update(1)
            elif not seen.isdisjoint(_identity(article)):  # e.g. the same URL listed under two categories
                report.unchanged.append(article.doc_id)
                bar.update(1)
            else:
                seen.update(_identity(article))
                if not buffer:
                    held = (index - 1, report.mark())
                buffer.append((name, article))
                buffered_chunks += estimated_chunks(article.text, store.max_chars)
                if store.batch_full(len(buffer), buffered_chunks):
                    flush()
            checkpoint()
            if stop is not None and stop.is_set():
                raise stopped()
    if buffer:
        flush()
    else:
        checkpoint(force=True)
    bar.close()
    return report
