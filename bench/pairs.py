"""Is a missed conflict the claim logic's or the retrieval's? Each ANT event's gold sentences alone, no store.

For every event of the generalization files (``bench/data/generalization_*.json``), the sentences holding each
outlet's expected value are read as the answer's evidence (each with its outlet and publication day) and passed to
``bot.conflicts.find_conflicts``, as an answer quoting exactly them would be. What is found ("conflict", "update"
or none) against the event's label says what the claim logic does when retrieval brings both sides: the end-to-end
bench (``bench.generalization``) measures both together. Seconds, not minutes: no store, no model but the frame
encoder.

    python -m bench.pairs [--events-files F ...]

The default files are the development ones; the held-out sets are never read unless named. Writes
bench/results/pairs.json (or --out).
"""

from __future__ import annotations

import config  # noqa: F401, I001  (offline env before any model library is imported)

import argparse
import datetime as dt
import json
from collections import Counter
from pathlib import Path

from rich.console import Console
from rich.table import Table

from bench.metrics import write_results

DATA = Path(__file__).resolve().parent / "data"
#: Sets nobody tunes on: read only when named.
HELD_OUT = ("generalization_holdout5.json", "generalization_holdout6.json", "generalization_holdout7.json")
RESULTS = Path(__file__).resolve().parent / "results" / "pairs.json"
LABELS = ("conflict", "update", "none")


def dev_files() -> list[Path]:
    return sorted(p for p in DATA.glob("generalization_*.json") if p.name not in HELD_OUT)


def _day(published: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat((published or "")[:10])
    except ValueError:
        return None


def found_relation(event: dict) -> str:
    """What the claim logic finds among the event's gold sentences: "conflict", "update" or "none"."""
    from bot.claims import Evidence, extract_all
    from bot.conflicts import find_conflicts

    sentences = {(v["docno"], v["sentence"]): v for v in event["values"]}
    evidence = [
        Evidence(n, docno, text, v.get("outlet"), _day(v.get("published"))) for n, ((docno, text), v) in enumerate(sentences.items(), 1)
    ]
    relations = {c.relation for c in find_conflicts(extract_all(evidence))[0]}
    return "conflict" if "conflict" in relations else "update" if "update" in relations else "none"


def run(files: list[Path]) -> dict:
    rows = []
    for path in files:
        for event in json.loads(path.read_text(encoding="utf-8"))["events"]:
            if len({v.get("outlet") for v in event.get("values", ())}) > 1:
                rows.append({"file": path.name, "id": event["id"], "label": event["label"], "found": found_relation(event)})
    confusion = Counter((r["label"], r["found"]) for r in rows)
    totals = {label: sum(n for (lab, _), n in confusion.items() if lab == label) for label in LABELS}
    return {
        "files": [p.name for p in files],
        "confusion": {f"{label}->{found}": confusion[(label, found)] for label in LABELS for found in LABELS},
        "conflicts_found": f"{confusion[('conflict', 'conflict')]}/{totals['conflict']}",
        "updates_found": f"{confusion[('update', 'update')]}/{totals['update']}",
        "controls_flagged": f"{totals['none'] - confusion[('none', 'none')]}/{totals['none']}",
        "rows": rows,
    }


def show(results: dict) -> None:
    table = Table(title="gold sentences only: label (rows) → found (columns)")
    table.add_column("label")
    for found in LABELS:
        table.add_column(found, justify="right")
    for label in LABELS:
        table.add_row(label, *(str(results["confusion"][f"{label}->{found}"]) for found in LABELS))
    console = Console()
    console.print(table)
    console.print(
        f"conflicts found {results['conflicts_found']}, updates found {results['updates_found']}, "
        f"controls flagged {results['controls_flagged']}"
    )


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(prog="python -m bench.pairs", description=__doc__.split("\n")[0])
    parser.add_argument("--events-files", type=Path, nargs="*", help="Generalization files (default: the dev ones).")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    results = run(args.events_files or dev_files())
    write_results(results, args.out)
    show(results)
    return results


if __name__ == "__main__":
    main()
