"""Check the ranker's abstention threshold on the seed questions.

    python -m bench.calibrate [--out bench/results/calibration.json]

The threshold is no longer fitted here: it ships with the ranker
(bot/models/ranker.json), chosen out of fold on ARCD and XQuAD by
``python -m bench.answers``. This script checks it on the 22 seed questions of
tests/data/seed_questions.json: answerable questions must quote a gold article
among the cited sentences, off-topic ones must fall below the threshold. It
prints one row per question, the interval of thresholds that would separate the
seeds (highest off-topic probability .. lowest answerable one) and where the
shipped threshold sits in it, and writes JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

import config
from bench.metrics import write_results
from bot.answer import keep_evidence
from bot.ranker import load_ranker
from bot.service import Isnad

ITEMS = Path(__file__).resolve().parents[1] / "tests" / "data" / "seed_questions.json"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=Path("bench/results/calibration.json"))
    args = parser.parse_args(argv)
    items = json.loads(ITEMS.read_text(encoding="utf-8"))["items"]
    threshold = load_ranker().threshold
    rows = []
    with tempfile.TemporaryDirectory() as home:
        service = Isnad(config.Settings(home=Path(home), collection="calib"))
        service.ensure_samples()
        started = time.perf_counter()
        for item in items:
            evidence = service.evidence(item["q"])
            kept = {e.doc_id for e in keep_evidence(evidence, threshold)}
            gold_all, gold_any = set(item.get("cite_all", [])), set(item.get("cite_any", []))
            answerable = item.get("answerable", True)
            rows.append({
                "question": item["q"],
                "answerable": answerable,
                "top_probability": evidence[0].score if evidence else 0.0,
                "right": (bool(kept) and gold_all <= kept and (not gold_any or bool(gold_any & kept))) if answerable else not kept,
            })  # fmt: skip
        per_question = (time.perf_counter() - started) / len(items)
    pos = [r["top_probability"] for r in rows if r["answerable"]]
    neg = [r["top_probability"] for r in rows if not r["answerable"]]
    summary = {
        "threshold": threshold,
        "seed_interval": [max(neg), min(pos)],
        "separates_seeds": max(neg) < threshold <= min(pos),
        "right": sum(r["right"] for r in rows) / len(rows),
        "seconds_per_question": per_question,
    }
    table = Table(title=f"Shipped ranker threshold {threshold:.2f} on {len(items)} seed questions ({per_question:.2f}s/question)")
    for col in ("question", "answerable", "top P", "right"):
        table.add_column(col, justify="right" if col != "question" else "left")
    for r in rows:
        table.add_row(r["question"], str(r["answerable"]), f"{r['top_probability']:.3f}", "yes" if r["right"] else "NO")
    Console().print(table)
    print(
        f"threshold {threshold:.2f}; seeds separate for thresholds in ({max(neg):.3f}, {min(pos):.3f}]: "
        f"{'inside' if summary['separates_seeds'] else 'OUTSIDE'}; right {summary['right']:.0%}"
    )
    write_results({"summary": summary, "questions": rows}, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
