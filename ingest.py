"""Ingest articles into an Isnad collection.

    python ingest.py PATH... [--collection NAME] [--reset] [--delete DOC_ID] [--repair]

Exit codes: 0 all ingested, 1 some inputs were skipped (each is listed with its
reason), 2 bad usage or configuration (or a damaged store), 130/143 stopped by
SIGINT/SIGTERM at the last batch stored, the one being embedded dropped (the same
command continues: what is stored is passed over by its content hash, what was
embedded is in the vector cache).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import config  # noqa: F401  (offline environment before any library import)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="ingest.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, help=".txt .md .html .jsonl .json.gz files or folders")
    parser.add_argument("--collection", help="collection name (default: ISNAD_COLLECTION)")
    parser.add_argument("--reset", action="store_true", help="empty the collection first")
    parser.add_argument("--delete", metavar="DOC_ID", action="append", default=[], help="remove a document (repeatable)")
    parser.add_argument("--repair", action="store_true", help="remove chunks left without their article by an interrupted write")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    args = parser.parse_args(argv)
    if not (args.paths or args.reset or args.delete or args.repair):
        parser.error("give PATH(s) to ingest, --delete DOC_ID, --repair or --reset")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    from config import get_settings
    from vectorstore.ingestion import IngestStopped, ingest_paths, stop_on_signals
    from vectorstore.rebuild import StoreDamaged, check_store
    from vectorstore.store import open_store

    settings = get_settings()
    try:
        check_store(settings)
        store = open_store(settings, args.collection)
    except (StoreDamaged, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.reset:
        store.reset()
        print(f"collection '{store.name}' emptied")
    if args.repair:
        print(f"removed {store.repair()} orphan chunks from '{store.name}'")
    status = 0
    for doc_id in args.delete:
        if store.delete(doc_id):
            print(f"deleted {doc_id}")
        else:
            print(f"error: no document '{doc_id}' in '{store.name}'", file=sys.stderr)
            status = 1
    if args.paths:
        try:
            with stop_on_signals() as stop:
                report = ingest_paths(store, args.paths, progress=not args.quiet, stop=stop)
        except IngestStopped as stopped:
            done = stopped.report
            print(
                f"stopped after item {stopped.position} ({done.summary()}); collection '{store.name}' now has "
                f"{store.document_count()} documents, {store.count()} chunks, every one whole: "
                "rerun the same command to continue (what is stored is passed over)",
                file=sys.stderr,
            )
            return stopped.exit_code
        for source, reason in report.skipped:
            print(f"skipped {source}: {reason}", file=sys.stderr)
        print(f"{report.summary()}; collection '{store.name}' now has {store.document_count()} documents, {store.count()} chunks")
        status = status or (0 if report.ok else 1)
    return status


if __name__ == "__main__":
    sys.exit(main())
