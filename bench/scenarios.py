"""'A new source arrives': add one article to the sample collection, then ask and verify.

Run: ``python -m bench.scenarios [--only ID ...]`` (from the repo root). Prints
pass/fail per scenario with the failed checks, totals per language, and writes
``bench/results/scenarios.json``.

Why: attribution and conflicts that hold on five articles break when a sixth
arrives (issue 7): a new "Monday" report merged with Al Jazeera's "for days",
an English dateline not read, an Arabic question that never reaches the
English article. Each scenario (``bench/data/new_source_scenarios.json``) is
one article, agreeing or contradicting, Arabic or English, with or without a
dateline, and the outcome a fact-checker needs. The seed collection is
ingested once; each article is added, checked and deleted again, so every
scenario sees the seeds plus only its own article. A scenario may also bring
``context`` articles (``bench/data/new_source_dev2.json``: real ANT reports of a
2018 story), added before the new one and deleted with it, so an upload can
agree with, contradict or update a story other than the samples'; its
``expect.relation`` is the one relation its answer's conflicts must have
("conflict", or "update" for a later, larger toll).
"""

from __future__ import annotations

import argparse
import json
import re
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import config
from bench.metrics import write_results
from bot.schema import Answer, Verification

SCENARIOS = config.REPO_ROOT / "bench" / "data" / "new_source_scenarios.json"
RESULTS = config.REPO_ROOT / "bench" / "results" / "scenarios.json"
#: A topic key or doc id leaking into prose: "arrival:bagheri:damascus", "000_2330c4a5d8c05031".
_KEY = re.compile(r"\b[a-z][\w-]*:[\w-]+(?::[\w-]+)?\b|\b\d{3}_[0-9a-f]{16}\b")


def load_scenarios(path: Path = SCENARIOS) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["items"]


def write_article(art: dict, folder: Path) -> Path:
    """One article as a ``.txt`` file (and sidecar when it gives metadata); its stem is the doc id."""
    path = folder / f"{art['name']}.txt"
    path.write_text(art["text"], encoding="utf-8")
    if art.get("meta"):
        (folder / f"{art['name']}.meta.json").write_text(json.dumps(art["meta"], ensure_ascii=False), encoding="utf-8")
    return path


def _has_any(text: str, words: Sequence[str]) -> bool:
    return any(w.lower() in text.lower() for w in words)


def check(
    scenario: dict, doc_id: str, published: str | None, answer: Answer, verification: Verification, outlet: str | None = None
) -> list[str]:
    """The failed expectations of one scenario (empty: it passes). Pure: no store, no model."""
    want = scenario["expect"]
    failures = []
    if "published" in want and published != want["published"]:
        failures.append(f"published {published!r}, expected {want['published']!r}")
    if "outlet" in want and outlet != want["outlet"]:
        failures.append(f"outlet {outlet!r}, expected {want['outlet']!r}")
    new_ns = {c.n for c in answer.citations if c.doc_id == doc_id}
    if want.get("retrieved") and not new_ns:
        failures.append("the new article is not cited")
    if "conflict" in want and bool(answer.conflicts) != want["conflict"]:
        failures.append(f"conflict flagged: {bool(answer.conflicts)}, expected {want['conflict']}")
    relations = sorted({c.relation for c in answer.conflicts})
    if "relation" in want and relations != [want["relation"]]:
        failures.append(f"conflict relations {relations}, expected [{want['relation']!r}]")
    spec = want.get("new_position")
    if spec:
        positions = [p for c in answer.conflicts for p in c.positions if new_ns & set(p.citations)]
        if spec.get("absent"):
            if positions:
                failures.append(f"the new article makes a position: {[p.value for p in positions]}")
        elif not positions:
            failures.append("no conflict position cites the new article")
        for p in positions:
            if spec.get("value_has") and not _has_any(f"{p.value} {p.normalized}", spec["value_has"]):
                failures.append(f"new position value {p.value!r} has none of {spec['value_has']}")
            missing = [w for w in spec.get("parties", ()) if w.lower() not in p.attributed_to.lower()]
            if missing:
                failures.append(f"new position attributed to {p.attributed_to!r}, lacks {missing}")
            if _has_any(p.attributed_to, spec.get("excludes", ())):
                failures.append(f"new position attributed to {p.attributed_to!r}, which names one of {spec['excludes']}")
            others = set(p.citations) - new_ns
            if spec.get("alone") and others:
                failures.append(f"new position {p.value!r} merged with citations {sorted(others)}")
            if spec.get("with_others") and not others:
                failures.append(f"new position {p.value!r} stands alone; expected it to join the earlier reports")
    if "verdict" in want and verification.verdict != want["verdict"]:
        failures.append(f"verdict {verification.verdict}, expected {want['verdict']}: {verification.explanation}")
    for where, text in (("answer", answer.answer), ("explanation", verification.explanation)):
        if leak := _KEY.search(text):
            failures.append(f"{where} shows an id or topic key: {leak.group(0)!r}")
    return failures


def run_scenarios(isnad, scenarios: Sequence[dict], folder: Path) -> list[dict]:
    """Add each scenario's articles (its ``context`` ones, then the new one) to ``isnad``'s collection, ask and
    verify, check, then delete them again."""
    rows = []
    for sc in scenarios:
        t = time.perf_counter()
        arts = [*sc.get("context", ()), sc["article"]]
        report = isnad.ingest_paths([write_article(a, folder) for a in arts])
        doc_id = sc["article"]["name"]
        try:
            errors = [f"not ingested: {source}: {reason}" for source, reason in report.skipped]
            doc = next((d for d in isnad.documents() if d.doc_id == doc_id), None)
            answer = isnad.ask(sc["ask"])
            verification = isnad.verify(sc["verify"])
            failures = errors + check(sc, doc_id, doc and doc.published, answer, verification, doc and doc.outlet)
        finally:
            for a in arts:
                isnad.delete(a["name"])
        rows.append(
            {
                "id": sc["id"],
                "lang": sc["lang"],
                "stance": sc.get("stance"),
                "ok": not failures,
                "failures": failures,
                "answer": answer.answer,
                "verdict": verification.verdict,
                "verdict_ok": sc["expect"].get("verdict") in (None, verification.verdict),
                "seconds": round(time.perf_counter() - t, 1),
            }
        )
    return rows


def totals(rows: Sequence[dict]) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for r in rows:
        t = out.setdefault(r["lang"], {"passed": 0, "verdicts_right": 0, "total": 0})
        t["passed"] += r["ok"]
        t["verdicts_right"] += r.get("verdict_ok", False)
        t["total"] += 1
    return out


def show(rows: Sequence[dict]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    t = Table(title="a new source arrives: scenarios")
    for col in ("scenario", "lang", "stance", "result", "failed checks", "s"):
        t.add_column(col)
    for r in rows:
        t.add_row(r["id"], r["lang"], str(r["stance"]), "pass" if r["ok"] else "FAIL", "\n".join(r["failures"]), str(r["seconds"]))
    console.print(t)
    for lang, c in sorted(totals(rows).items()):
        console.print(f"{lang}: {c['passed']}/{c['total']} passed (every check), verdict right in {c['verdicts_right']}/{c['total']}")


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(prog="python -m bench.scenarios", description=__doc__.split("\n")[0])
    parser.add_argument("--only", nargs="*", help="Scenario ids to run (default: all).")
    parser.add_argument("--scenarios-file", type=Path, default=SCENARIOS, help="Scenarios to run (default: the dev set).")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    scenarios = load_scenarios(args.scenarios_file)
    if args.only:
        unknown = set(args.only) - {s["id"] for s in scenarios}
        if unknown:
            parser.error(f"unknown scenario ids: {', '.join(sorted(unknown))}")
        scenarios = [s for s in scenarios if s["id"] in args.only]
    from bot.service import Isnad

    with tempfile.TemporaryDirectory() as home, tempfile.TemporaryDirectory() as folder:
        isnad = Isnad(config.Settings(home=Path(home)))
        isnad.ensure_samples()
        rows = run_scenarios(isnad, scenarios, Path(folder))
    results = {"totals": totals(rows), "items": rows}
    write_results(results, args.out)
    show(rows)
    return results


if __name__ == "__main__":
    main()
