"""Feed files into an `ArticleStore`, reporting per file what happened.

Shared by the `ingest.py` CLI, the API's upload endpoint and first-start sample
loading, so all three skip, count and report bad input the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from vectorstore.loaders import LoadError, iter_files, load_path
from vectorstore.store import ArticleStore


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (source, reason)

    @property
    def ok(self) -> bool:
        return not self.skipped

    def summary(self) -> str:
        return (
            f"{len(self.added)} added, {len(self.updated)} updated, "
            f"{len(self.unchanged)} unchanged, {len(self.skipped)} skipped"
        )


def ingest_paths(store: ArticleStore, paths: list[Path], progress: bool = False) -> IngestReport:
    """Ingest files and folders; a bad file or record is skipped with its reason."""
    report = IngestReport()
    seen: set[str] = set()
    items = list(iter_files(paths))
    bar = tqdm(total=len(items), unit="file", disable=not progress, dynamic_ncols=True)
    for item in items:
        bar.update(1)
        if isinstance(item, LoadError):
            report.skipped.append((item.source, item.reason))
            continue
        bar.set_postfix_str(item.name[-40:])
        for article in load_path(item):
            if isinstance(article, LoadError):
                report.skipped.append((article.source, article.reason))
                continue
            if article.doc_id in seen:  # e.g. the same URL listed under two categories
                report.unchanged.append(article.doc_id)
                continue
            seen.add(article.doc_id)
            try:
                outcome = store.upsert(article)
            except ValueError as exc:
                report.skipped.append((article.source, str(exc)))
                continue
            getattr(report, outcome).append(article.doc_id)
    bar.close()
    return report
