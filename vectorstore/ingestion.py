"""Feed files into an `ArticleStore`, reporting per file what happened.

Shared by the `ingest.py` CLI, the API's upload endpoint and first-start sample
loading, so all three skip, count and report bad input the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from vectorstore.loaders import Article, LoadError, ReadLimits, iter_files, load_path
from vectorstore.store import ArticleStore


#: Problems an ingest report spells out; the rest are only counted.
MAX_REPORTED_PROBLEMS = 100


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (source, reason): the first MAX_REPORTED_PROBLEMS
    skipped_count: int = 0  # all of them

    @property
    def ok(self) -> bool:
        return not self.skipped_count

    def skip(self, source: str, reason: str) -> None:
        """Count a problem; keep its text only while the report is short (3M bad lines once made a 221 MB answer)."""
        self.skipped_count += 1
        if len(self.skipped) < MAX_REPORTED_PROBLEMS:
            self.skipped.append((source, reason))

    def summary(self) -> str:
        return (
            f"{len(self.added)} added, {len(self.updated)} updated, "
            f"{len(self.unchanged)} unchanged, {self.skipped_count} skipped"
        )


#: Articles written to the store together (see ArticleStore.upsert_many).
BATCH_ARTICLES = 32


def ingest_paths(store: ArticleStore, paths: list[Path], progress: bool = False, limits: ReadLimits = ReadLimits()) -> IngestReport:
    """Ingest files and folders; a bad file or record is skipped with its reason."""
    report = IngestReport()
    seen: set[str] = set()
    buffer: list[Article] = []

    def flush() -> None:
        if not buffer:
            return
        outcomes = store.upsert_many(buffer)
        bar.update(len(buffer))
        for article in buffer:
            outcome = outcomes[article.doc_id]
            if isinstance(outcome, ValueError):
                report.skip(article.source, str(outcome))
            else:
                getattr(report, outcome).append(article.doc_id)
        buffer.clear()

    items = list(iter_files(paths))
    # The bar counts articles embedded and committed (the slow part), not files read:
    # a JSONL file holds many articles, so its total is unknown until it is read.
    files = [i for i in items if not isinstance(i, LoadError)]
    single = not any(f.name.lower().endswith((".jsonl", ".gz")) for f in files)
    bar = tqdm(total=len(files) if single else None, unit="article", desc="committed", disable=not progress, dynamic_ncols=True)
    for item in items:
        if isinstance(item, LoadError):
            report.skip(item.source, item.reason)
            continue
        bar.set_postfix_str(item.name[-40:])
        for article in load_path(item, limits):
            if isinstance(article, LoadError):
                report.skip(article.source, article.reason)
                bar.update(1)
            elif article.doc_id in seen:  # e.g. the same URL listed under two categories
                report.unchanged.append(article.doc_id)
                bar.update(1)
            else:
                seen.add(article.doc_id)
                buffer.append(article)
                if len(buffer) >= BATCH_ARTICLES:
                    flush()
    flush()
    bar.close()
    return report
