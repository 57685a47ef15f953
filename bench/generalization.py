"""Do answers hold on news stories nobody wrote rules for? Cross-outlet figures in the ANT corpus.

``bench/data/generalization_events.json`` lists events of 2018 covered by two
or more outlets of the ANT corpus (hand-read: the docnos, a question in Arabic
and in English, each outlet's figure with its sentence, and a label: ``none``
when the outlets agree, ``conflict`` when they give different figures on the
same day, ``update`` when a later day's report raises the figure). The article
texts are read from ``../shared`` at run time, written to a JSONL file with
``--distractors`` other ANT articles (seeded sample) and ingested through the
real ingestion path (``Isnad.ingest_paths``) into a Chroma store under
``--home`` (reused between runs: re-ingesting unchanged articles is a no-op).
Every question goes through ``Isnad.ask``.

Per language (ar / en) it prints:

- gold recall: share of an event's articles that the answer cites (mean), and
  share of questions citing at least one;
- conflict precision / recall over the ``conflict`` and ``none`` events (a
  flag is a returned conflict about the asked figure — a position holds one of
  the expected values — whose relation is "conflict"; conflicts about other
  figures are counted apart, per answer); "values right" when the flagged
  positions carry two of the expected figures;
- update recall: ``update`` events shown as an update (relation "update"),
  and how many of them were flagged as a conflict instead;
- values quoted: share of an event's distinct expected figures that appear in
  the quoted sentences; direct-answer accuracy where the answer has ``direct``.

    python -m bench.generalization [--home /tmp/gen_store] [--distractors 300] [--events N] [--events-file PATH]

Writes bench/results/generalization.json (or --out).
"""

from __future__ import annotations

import config  # noqa: F401, I001  (offline env before any model library is imported)

import argparse
import gzip
import json
import random
import re
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from bench.metrics import write_results
from language.numbers import find_quantities

SHARED_DATA = config.REPO_ROOT.parent / "shared" / "data"
ANT = SHARED_DATA / "ant_multisource" / "ant_multisource_v2.1.jsonl.gz"
EVENTS = Path(__file__).resolve().parent / "data" / "generalization_events.json"
RESULTS = Path(__file__).resolve().parent / "results" / "generalization.json"
NEWS_CATEGORIES = {"internationalNews", "middleEast"}
LANGS = ("ar", "en")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")


def load_events(path: Path = EVENTS, limit: int | None = None) -> list[dict]:
    events = json.loads(path.read_text(encoding="utf-8"))["events"]
    return events[:limit] if limit else events


def collection_records(events: list[dict], distractors: int, seed: int = 13, ant: Path = ANT) -> list[dict]:
    """The events' articles plus a seeded sample of other news articles, deduplicated on url."""
    wanted = {d for e in events for d in e["docnos"]}
    gold, others, seen = {}, [], set()
    with gzip.open(ant, "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if r.get("url") in seen or not (r.get("text") or "").strip():
                continue
            seen.add(r.get("url"))
            if r["docno"] in wanted:
                gold[r["docno"]] = r
            elif r.get("cat") in NEWS_CATEGORIES:
                others.append(r)
    missing = wanted - set(gold)
    if missing:
        raise SystemExit(f"event articles not in {ant}: {sorted(missing)}")
    rng = random.Random(seed)
    sample = rng.sample(others, min(distractors, len(others)))
    return list(gold.values()) + sample


def write_jsonl(records: list[dict], path: Path) -> Path:
    keep = ("docno", "url", "src", "cat", "title", "time", "text")
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps({k: r.get(k) for k in keep}, ensure_ascii=False) + "\n")
    return path


def _numbers(text: str) -> set[int]:
    return {int(x) for x in re.findall(r"\d+", text.translate(_DIGITS))}


def stated_numbers(text: str) -> set[int]:
    """The whole numbers a direct line states: its digits (``_numbers``) and each figure as written, scaled and less
    its hedge (``Quantity.figure``: "نحو 50 مليون" and "about 700,000" state 50000000 and 700000; "أكثر من 650 ألفا"
    650000). Why: a hedged figure's normalized form is the span its words allow ("45000000-55000000"), whose digits are
    no outlet's figure, so an answer giving an outlet's figure with its own "about" was scored wrong."""
    figures = (q.figure if q.figure is not None else q.low if q.high == q.low else None for q in find_quantities(text))
    return _numbers(text) | {int(f) for f in figures if f is not None and float(f).is_integer()}


def direct_right(direct_text: str, expected: set[int]) -> bool:
    """Does the direct line state one of the expected figures?"""
    return bool(stated_numbers(direct_text) & expected)


def _quoted(value: dict, quotes: str) -> bool:
    """An expected figure appears in the quoted sentences, as digits or as its own words."""
    return value["number"] in _numbers(quotes) or value["value"] in quotes


def _about_figure(conflict: dict, expected: set[int]) -> bool:
    """Is a flagged conflict about the asked figure (a position holds one of the expected values)?"""
    return any(_numbers(p["value"] + " " + p["normalized"]) & expected for p in conflict["positions"])


def flags(event: dict, conflicts: list[dict]) -> dict:
    """What the answer flagged about the event's figure: a conflict, an update, and with the right values?"""
    expected = {v["number"] for v in event["values"]}
    about = [c for c in conflicts if _about_figure(c, expected)]
    of = lambda rel: [c for c in about if c.get("relation", "conflict") == rel]  # noqa: E731  (before: no relation)
    return {
        "conflict_flag": bool(of("conflict")),
        "update_flag": bool(of("update")),
        "flag_values_right": any(
            len(_numbers(" ".join(p["value"] + " " + p["normalized"] for p in c["positions"])) & expected) >= 2 for c in of("conflict")
        ),
        "other_flags": len(conflicts) - len(about),
    }


def _direct_text(direct) -> str:
    """The direct line's words, value and, for a number, its normalized amount: "40 ألف دولار" states 40000, which
    its digits alone ("40") never match; a date's normalized form is left out (its day and month are not counts)."""
    if direct is None:
        return ""
    parts = [direct.text, direct.value, direct.normalized if direct.kind == "number" else ""]
    return " ".join(filter(None, parts))


def score_answer(event: dict, answer) -> dict:
    """One question's row: cited gold articles, flags about the asked figure, quoted values, direct answer."""
    gold = set(event["docnos"])
    cited = {c.doc_id for c in answer.citations}
    quotes = "\n".join(c.quote for c in answer.citations)
    expected = {v["number"]: v for v in event["values"]}
    conflicts = [c.model_dump() for c in answer.conflicts]
    direct = getattr(answer, "direct", None)
    direct_text = _direct_text(direct)
    return {
        "id": event["id"],
        "label": event["label"],
        "answerable": answer.answerable,
        "gold_recall": len(cited & gold) / len(gold),
        "gold_any": bool(cited & gold),
        **flags(event, conflicts),
        "values_quoted": sum(_quoted(v, quotes) for v in expected.values()) / len(expected),
        "direct_right": (direct_right(direct_text, set(expected)) if direct else None),
        "direct": direct_text,
        "conflicts": conflicts,
        "cited": sorted(cited),
        "quotes": [{"doc_id": c.doc_id, "quote": c.quote} for c in answer.citations],
    }


def rescore(results: dict, events: list[dict]) -> dict:
    """Recompute flags and summaries of a stored run with the current scoring (e.g. a run made before it)."""
    by_id = {e["id"]: e for e in events}
    for lang in LANGS:
        rows = results["languages"][lang]["rows"]
        for row in rows:
            row.update(flags(by_id[row["id"]], row["conflicts"]))
            if row["direct_right"] is not None:
                row["direct_right"] = direct_right(row["direct"], {v["number"] for v in by_id[row["id"]]["values"]})
        results["languages"][lang]["summary"] = summarize_rows(rows)
    return results


def _ratio(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


def summarize_rows(rows: list[dict]) -> dict:
    conflict = [r for r in rows if r["label"] == "conflict"]
    none = [r for r in rows if r["label"] == "none"]
    update = [r for r in rows if r["label"] == "update"]
    tp = sum(r["conflict_flag"] for r in conflict)
    fp = sum(r["conflict_flag"] for r in none)
    directs = [r["direct_right"] for r in rows if r["direct_right"] is not None]
    return {
        "questions": len(rows),
        "answered": _ratio(sum(r["answerable"] for r in rows), len(rows)),
        "gold_recall": _ratio(sum(r["gold_recall"] for r in rows), len(rows)),
        "gold_any": _ratio(sum(r["gold_any"] for r in rows), len(rows)),
        "conflict_precision": _ratio(tp, tp + fp),
        "conflict_recall": _ratio(tp, len(conflict)),
        "conflict_values_right": _ratio(sum(r["flag_values_right"] for r in conflict), len(conflict)),
        "other_flags_per_answer": _ratio(sum(r["other_flags"] for r in rows), len(rows)),
        "none_flagged": _ratio(fp, len(none)),
        "update_recall": _ratio(sum(r["update_flag"] for r in update), len(update)),
        "update_flagged_as_conflict": _ratio(sum(r["conflict_flag"] for r in update), len(update)),
        "values_quoted": _ratio(sum(r["values_quoted"] for r in rows), len(rows)),
        "direct_accuracy": _ratio(sum(directs), len(directs)),
        "counts": {"conflict": len(conflict), "none": len(none), "update": len(update)},
    }


def run(events: list[dict], home: Path, distractors: int) -> dict:
    from bot.service import Isnad

    isnad = Isnad(config.Settings(home=home))
    t = time.perf_counter()
    path = write_jsonl(collection_records(events, distractors), home / "generalization_collection.jsonl.gz")
    report = isnad.ingest_paths([path])
    ingest_s = round(time.perf_counter() - t, 1)
    out: dict = {
        "articles": isnad.store.document_count(),
        "ingest": report.summary(),
        "ingest_s": ingest_s,
        "embedding_model": isnad.settings.embedding_model,
        "languages": {},
    }
    for lang in LANGS:
        rows, t = [], time.perf_counter()
        for event in events:
            rows.append(score_answer(event, isnad.ask(event["question"][lang])))
        out["languages"][lang] = {
            "summary": summarize_rows(rows),
            "ask_s_mean": round((time.perf_counter() - t) / len(events), 2),
            "rows": rows,
        }
    return out


def show(results: dict) -> None:
    console = Console()
    cols = [
        "gold_recall",
        "gold_any",
        "conflict_precision",
        "conflict_recall",
        "conflict_values_right",
        "none_flagged",
        "update_recall",
        "update_flagged_as_conflict",
        "other_flags_per_answer",
        "values_quoted",
        "direct_accuracy",
        "answered",
    ]
    t = Table(title=f"generalization: {results['events']} events, {results['articles']} articles ({results['embedding_model']})")
    t.add_column("metric")
    for lang in LANGS:
        t.add_column(lang)
    for col in cols:
        vals = [results["languages"][lang]["summary"][col] for lang in LANGS]
        t.add_row(col, *("-" if v is None else f"{v:.2f}" for v in vals))
    console.print(t)
    detail = Table(title="per event (flags: c = conflict, u = update; gold = cited share)")
    for col in ("event", "label", *(f"{lang} flags / gold / quoted" for lang in LANGS)):
        detail.add_column(col)
    by_lang = {lang: results["languages"][lang]["rows"] for lang in LANGS}
    for i, row in enumerate(by_lang["ar"]):
        cells = []
        for lang in LANGS:
            r = by_lang[lang][i]
            flags = ("c" if r["conflict_flag"] else "") + ("u" if r["update_flag"] else "") or "-"
            cells.append(f"{flags} / {r['gold_recall']:.2f} / {r['values_quoted']:.2f}")
        detail.add_row(row["id"], row["label"], *cells)
    console.print(detail)


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(prog="python -m bench.generalization", description=__doc__.split("\n")[0])
    parser.add_argument("--home", type=Path, help="Store folder to reuse between runs (default: a fresh temp dir).")
    parser.add_argument("--distractors", type=int, default=300, help="Other ANT news articles in the collection.")
    parser.add_argument("--events", type=int, help="Only the first N events (a quick run).")
    parser.add_argument("--events-file", type=Path, default=EVENTS, help="Events JSON (e.g. a held-out set of the same schema).")
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--rescore", type=Path, help="Only rescore a stored results JSON with the current scoring.")
    args = parser.parse_args(argv)
    if not args.events_file.is_file():
        parser.error(f"no events file {args.events_file}")
    if args.rescore:
        if not args.rescore.is_file():
            parser.error(f"no results file {args.rescore}")
        results = rescore(json.loads(args.rescore.read_text(encoding="utf-8")), load_events(args.events_file))
        write_results(results, args.out)
        show(results)
        return results
    if not ANT.exists():
        parser.exit(2, f"ANT corpus not found at {ANT}\n")
    if args.events is not None and args.events < 1 or args.distractors < 0:
        parser.error("--events must be at least 1 and --distractors at least 0")
    events = load_events(args.events_file, limit=args.events)
    if args.home:
        args.home.mkdir(parents=True, exist_ok=True)
        results = run(events, args.home, args.distractors)
    else:
        with tempfile.TemporaryDirectory() as home:
            results = run(events, Path(home), args.distractors)
    results["events"] = len(events)
    write_results(results, args.out)
    show(results)
    return results


if __name__ == "__main__":
    main()
