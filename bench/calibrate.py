"""Calibrate evidence scoring and the abstention threshold on the seed questions.

    python -m bench.calibrate [--out bench/results/calibration.json]

For each question of tests/data/seed_questions.json, retrieves evidence once,
then grid-searches the coverage weight and the threshold: a setting is good when
answerable questions keep a sentence of a gold article in the quoted top 4, and
off-topic questions fall below the threshold. Prints a table, writes JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import config
from bench.metrics import write_results
from bot import evidence as ev_mod
from bot.service import Isnad
from rich.console import Console
from rich.table import Table

ITEMS = Path(__file__).resolve().parents[1] / "tests" / "data" / "seed_questions.json"


def evaluate(pool: dict, items: list[dict], weight: float, threshold: float) -> dict:
    hits = answered = abstained = 0
    pos_scores, neg_scores = [], []
    for item in items:
        cands = sorted(pool[item["q"]], key=lambda e: -(e.cosine + weight * e.coverage + e.fusion))
        top = cands[0].cosine + weight * cands[0].coverage + cands[0].fusion if cands else 0.0
        if item.get("answerable", True):
            pos_scores.append(top)
            answered += top >= threshold
            gold = set(item["cite_all"]) | set(item["cite_any"])
            cited = {e.doc_id for e in cands[:4]}
            hits += bool(gold & cited) and set(item["cite_all"]) <= cited
        else:
            neg_scores.append(top)
            abstained += top < threshold
    n_pos = len(pos_scores)
    n_neg = len(neg_scores)
    return {
        "weight": weight,
        "threshold": threshold,
        "gold_in_top4": hits / n_pos,
        "answered": answered / n_pos,
        "abstained": abstained / n_neg,
        "accuracy": (answered + abstained) / (n_pos + n_neg),
        "min_pos": min(pos_scores),
        "max_neg": max(neg_scores),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=Path("bench/results/calibration.json"))
    args = parser.parse_args()
    items = json.loads(ITEMS.read_text(encoding="utf-8"))["items"]
    with tempfile.TemporaryDirectory() as home:
        service = Isnad(config.Settings(home=Path(home), collection="calib"))
        service.ensure_samples()
        started = time.perf_counter()
        pool = {}
        for item in items:
            evs = service.evidence(item["q"], limit=100)
            for e in evs:  # keep the fused part separate so the weight can vary
                e.fusion = e.score - e.cosine - ev_mod.COVERAGE_WEIGHT * e.coverage
            pool[item["q"]] = evs
        per_question = (time.perf_counter() - started) / len(items)
    rows = []
    for w in (0.0, 0.25, 0.5, 0.75, 1.0, 1.5):
        tops = sorted(
            max((e.cosine + w * e.coverage + e.fusion for e in pool[item["q"]]), default=0.0) for item in items
        )
        # Candidate thresholds: midpoints between consecutive top scores, so the grid fits any model's scale.
        for t in sorted({round((a + b) / 2, 3) for a, b in zip(tops, tops[1:])}):
            rows.append(evaluate(pool, items, w, t))
    # Best = most questions right; among ties, the widest gap between answered and abstained scores.
    best = max(rows, key=lambda r: (r["gold_in_top4"] + r["accuracy"], r["min_pos"] - r["max_neg"]))
    table = Table(title=f"Evidence scoring on {len(items)} seed questions ({per_question:.2f}s/question)")
    for col in ("weight", "threshold", "gold_in_top4", "answered", "abstained", "accuracy", "min_pos", "max_neg"):
        table.add_column(col, justify="right")
    for r in rows:
        if r is best or r["accuracy"] >= best["accuracy"] - 0.05 and r["gold_in_top4"] >= best["gold_in_top4"]:
            table.add_row(*(f"{r[k]:.2f}" for k in ("weight", "threshold", "gold_in_top4", "answered", "abstained", "accuracy", "min_pos", "max_neg")), style="bold green" if r is best else None)
    Console().print(table)
    print(f"best: coverage weight {best['weight']}, threshold {best['threshold']}")
    write_results({"seconds_per_question": per_question, "best": best, "grid": rows}, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
