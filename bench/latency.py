"""How long `Isnad.ask` takes over a 500-article collection, and where the time goes.

    python -m bench.latency [--home /tmp/isnad-latency] [--articles 500] [--answers OUT.json] [--compare OLD.json]

The collection is the generalization events' ANT articles, a seeded sample of
other ANT news articles (deduplicated on url) and the five sample articles; it
is built once under ``--home`` and reused (re-ingesting unchanged articles is a
no-op). About 40 questions, Arabic and English (the seed questions and the
generalization events' questions), are asked once to warm the models, then
timed: p50/p95 per language and the seconds per stage, measured by wrapping the
functions each stage calls with ``time.perf_counter`` (``StageTimer``).

``--answers`` saves each answer's citations, conflicts, notes and direct answer;
``--compare`` checks them against a saved run, so a speed-up is shown not to
change answers.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import config
from bench.generalization import collection_records, load_events, write_jsonl
from bench.metrics import machine, stage_table, write_results

SEEDS = config.REPO_ROOT / "tests" / "data" / "seed_questions.json"
RESULTS = Path(__file__).resolve().parent / "results" / "latency.json"
LANGS = ("ar", "en")


def questions(events: int, warmup: int = 2) -> tuple[list[str], list[str]]:
    """(timed, warm-up) questions.

    Timed: the seed questions, then both languages of the first ``events``
    generalization events. Warm-up: the next ``warmup`` events, so models and
    lazily built tables are ready without the timed questions' own answers
    being cached already (a server meets most questions for the first time).
    """
    seeds = [item["q"] for item in json.loads(SEEDS.read_text(encoding="utf-8"))["items"]]
    later = load_events(limit=events + warmup)
    asked = seeds + [e["question"][lang] for e in later[:events] for lang in LANGS]
    return asked, [e["question"][lang] for e in later[events:] for lang in LANGS]


def percentile(values: list[float], q: float) -> float:
    """The ``q``-quantile by linear interpolation (what numpy calls 'linear')."""
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


class StageTimer:
    """Seconds spent inside named functions, summed per stage while ``patched`` is active.

    Stages may nest (the evidence stage contains its embedding calls); each
    total is inclusive, so the table says which sub-step dominates its parent.
    """

    def __init__(self) -> None:
        self.totals: dict[str, float] = defaultdict(float)

    def wrap(self, stage: str, fn: Callable) -> Callable:
        def timed(*args, **kwargs):
            t = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.totals[stage] += time.perf_counter() - t

        return timed

    @contextmanager
    def patched(self, targets: list[tuple[str, object, str]]) -> Iterator[None]:
        """Replace ``owner.attr`` by a timed wrapper for each (stage, owner, attr), restoring them after."""
        saved = [(owner, attr, vars(owner).get(attr)) for _, owner, attr in targets]
        for stage, owner, attr in targets:
            setattr(owner, attr, self.wrap(stage, getattr(owner, attr)))
        try:
            yield
        finally:
            for owner, attr, own in reversed(saved):
                if own is None:  # an instance's method came from its class: drop the wrapper
                    delattr(owner, attr)
                else:
                    setattr(owner, attr, own)


def stage_targets(isnad) -> list[tuple[str, object, str]]:
    """(stage, owner, attribute) of the functions each stage of `Isnad.ask` goes through."""
    import bot.answer
    import bot.conflicts
    import bot.evidence
    import bot.retrieval
    import bot.service
    import vectorstore.store

    return [
        ("retrieval", bot.retrieval.HybridSearcher, "search"),
        ("  e5 question embedding", isnad.embeddings, "embed_query"),
        ("  dense search (Chroma)", vectorstore.store.ArticleStore, "dense_search"),
        ("  BM25 index check (also called by evidence)", bot.retrieval.LiveKeywordIndex, "current"),
        ("evidence", bot.service, "select_evidence"),
        ("  USE sentence embeddings", isnad.evidence_embeddings, "embed_documents"),
        ("  coverage (BM25 idf)", bot.evidence, "coverage"),
        ("  ranker features", bot.evidence, "candidate_features"),
        ("compose", bot.service, "compose_answer"),
        ("  citations", bot.answer, "build_citations"),
        ("    article reads", vectorstore.store.ArticleStore, "document"),
        ("  claims", bot.answer, "extract_all"),
        ("  conflicts", bot.answer, "find_conflicts"),
        ("    frame embeddings (one USE batch per answer)", bot.conflicts, "_embed_frames"),
        ("    frame lookups", bot.conflicts, "_frame_vector"),
        ("  direct answer", bot.answer, "direct_answer"),
    ]


def build_collection(isnad, home: Path, articles: int) -> str:
    """Ingest the benchmark collection unless the store already holds it; returns the ingest summary."""
    events = load_events()
    gold = len({d for e in events for d in e["docnos"]})
    samples = sorted(p for p in isnad.settings.samples_dir.iterdir() if p.suffix == ".txt")
    distractors = max(articles - gold - len(samples), 0)
    if isnad.store.document_count() >= articles:
        return "cached"
    path = write_jsonl(collection_records(events, distractors), home / "latency_collection.jsonl.gz")
    return isnad.ingest_paths([isnad.settings.samples_dir, path], progress=True).summary()


def fingerprint(answer) -> dict:
    """What a speed-up must not change: the quotes, their scores and sources, conflicts, notes, direct answer."""
    return {
        "answerable": answer.answerable,
        "answer": answer.answer,
        "citations": [c.model_dump(mode="json") for c in answer.citations],
        "conflicts": [c.model_dump(mode="json") for c in answer.conflicts],
        "notes": answer.notes,
        "direct": answer.direct.model_dump(mode="json") if answer.direct else None,
    }


def run(home: Path, articles: int, events: int) -> tuple[dict, dict[str, dict]]:
    from bot.service import Isnad
    from language.normalize import detect_language

    home.mkdir(parents=True, exist_ok=True)
    t = time.perf_counter()
    isnad = Isnad(config.Settings(home=home))
    load_s = time.perf_counter() - t
    t = time.perf_counter()
    ingest = build_collection(isnad, home, articles)
    ingest_s = time.perf_counter() - t
    asked, warmup = questions(events)
    for q in warmup:
        isnad.ask(q)
    timer = StageTimer()
    per_lang: dict[str, list[float]] = defaultdict(list)
    answers: dict[str, dict] = {}
    with timer.patched(stage_targets(isnad)):
        for q in asked:
            t = time.perf_counter()
            answer = isnad.ask(q)
            per_lang[detect_language(q)].append(time.perf_counter() - t)
            answers[q] = fingerprint(answer)
    n = len(asked)
    results = {
        "machine": machine(),
        "omp_wait_policy": os.environ.get("OMP_WAIT_POLICY"),
        "articles": isnad.store.document_count(),
        "chunks": isnad.store.count(),
        "embedding_model": isnad.settings.embedding_model,
        "evidence_model": isnad.settings.evidence_model,
        "ingest": ingest,
        "ingest_s": round(ingest_s, 1),
        "load_s": round(load_s, 1),
        "questions": n,
        "languages": {
            lang: {
                "n": len(v),
                "p50_s": round(statistics.median(v), 3),
                "p95_s": round(percentile(v, 0.95), 3),
                "mean_s": round(statistics.fmean(v), 3),
            }
            for lang, v in sorted(per_lang.items())
        },
        "stages_ms_per_question": {stage: round(1000 * s / n, 1) for stage, s in timer.totals.items()},
    }
    return results, answers


def compare(answers: dict[str, dict], old: dict[str, dict]) -> list[str]:
    """Questions whose answer differs from the saved run (or is missing from it)."""
    return [q for q, a in answers.items() if old.get(q) != a]


def show(results: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    table = Table(title=f"ask latency, {results['articles']} articles / {results['chunks']} chunks ({results['embedding_model']})")
    for col in ("language", "n", "p50 s", "p95 s", "mean s"):
        table.add_column(col)
    for lang, row in results["languages"].items():
        table.add_row(lang, str(row["n"]), f"{row['p50_s']:.3f}", f"{row['p95_s']:.3f}", f"{row['mean_s']:.3f}")
    console.print(table)
    console.print(
        stage_table(
            "time per stage (ms per question, inclusive; indented rows are inside the row above)", results["stages_ms_per_question"]
        )
    )


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(prog="python -m bench.latency", description=__doc__.split("\n\n")[0])
    parser.add_argument("--home", type=Path, default=Path("/tmp/isnad-latency"), help="store kept between runs")
    parser.add_argument("--articles", type=int, default=500, help="collection size")
    parser.add_argument("--events", type=int, default=9, help="generalization events asked (each in Arabic and English)")
    parser.add_argument("--answers", type=Path, help="save the answers' citations and conflicts here")
    parser.add_argument("--compare", type=Path, help="a file saved by --answers: report questions answered differently")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    if args.compare and not args.compare.is_file():
        parser.error(f"no such file: {args.compare}")
    results, answers = run(args.home, args.articles, args.events)
    if args.answers:
        write_results(answers, args.answers)
    if args.compare:
        changed = compare(answers, json.loads(args.compare.read_text(encoding="utf-8")))
        results["changed_answers"] = changed
        print(f"answers changed vs {args.compare}: {len(changed)} of {len(answers)}")
        for q in changed:
            print(f"  {q}")
    show(results)
    write_results(results, args.out)
    return results


if __name__ == "__main__":
    main()
