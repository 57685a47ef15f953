"""Shared by the benchmarks: rank metrics (hit@k, MRR) and writing results as JSON."""

from __future__ import annotations

import json
import os
from collections.abc import Collection, Iterable, Sequence
from pathlib import Path


def first_gold_rank(ranked: Sequence[str], gold: Collection[str]) -> int | None:
    """1-based rank of the first gold item in ``ranked``, or None when none is there."""
    return next((rank for rank, item in enumerate(ranked, 1) if item in gold), None)


def summarize(ranks: Iterable[int | None], ks: Sequence[int] = (1, 5, 10)) -> dict[str, float]:
    """recall@k (share of queries with a gold item in the top k) and MRR over the given ranks."""
    ranks = list(ranks)
    n = len(ranks) or 1
    out = {f"recall@{k}": sum(r is not None and r <= k for r in ranks) / n for k in ks}
    out["mrr"] = sum(1.0 / r for r in ranks if r is not None) / n
    out["n"] = len(ranks)
    return out


def write_results(results: object, out: Path) -> None:
    """Write a benchmark's results as UTF-8 JSON (Arabic kept readable), creating the folder."""
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def peak_rss_mb(pid: int | str = "self") -> float:
    """Peak resident memory of a process (``VmHWM``), in MB.

    WHY not ``ru_maxrss``: Linux keeps it across ``execve``, so a child started by
    a parent that had read the whole corpus reported the parent's size.
    """
    status = Path(f"/proc/{pid}/status").read_text(encoding="ascii")
    return round(int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:"))) / 1024, 1)  # kB


def machine() -> dict:
    """Where and when a number was measured: cores usable, load average (the machine is shared), UTC time.

    WHY: timings on 2 shared cores move with what else runs; a result without its load cannot be compared.
    """
    from datetime import datetime, timezone

    return {
        "cores": len(os.sched_getaffinity(0)),
        "loadavg_1_5_15": [round(x, 2) for x in os.getloadavg()],
        "date": datetime.now(timezone.utc).isoformat(timespec="minutes"),
    }


def stage_table(title: str, stages_ms: dict[str, float]):
    """A rich table of time per pipeline stage (ms per question), as bench.latency and bench.query print it."""
    from rich.table import Table

    table = Table(title=title)
    table.add_column("stage")
    table.add_column("ms", justify="right")
    for stage, ms in stages_ms.items():
        table.add_row(stage, f"{ms:.1f}")
    return table
