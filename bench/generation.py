"""How well a language model writes Isnad's answers: supported sentences, citations, correctness, speed.

    python -m bench.generation [--llm none --llm llamacpp:PATH.gguf --llm openai:MODEL ...]
                               [--seeds 12] [--events 6] [--distractors 300] [--home DIR] [--rescore RESULTS.json]

Questions: the first ``--seeds`` answerable seed questions (over the sample
articles, collection ``seeds``) and both languages of the first ``--events``
generalization events, asked over the whole generalization collection (every
event's articles plus ``--distractors`` other ANT articles: the collection
``bench.generalization`` builds, so a ``--home`` it filled is reused as is).
Each question is answered once by the pipeline; every backend then writes from
that same evidence (the prompt of ``bot.llm.prompt``) and every sentence is
checked (``bot.llm.checker``), as the service does. ``none`` is the extractive
answer: its sentences are the cited quotes, each with its number, so its
"supported" share measures the checker's false rejections of verbatim quotes.
``--rescore`` checks the replies stored in a results file again (same
questions, same evidence, no model call): a checker change measured on the
very text the model wrote.

Per backend and language:

* supported: share of generated sentences the checker keeps (removed: how many it dropped);
* cited: share of generated sentences carrying any ``[n]`` (before checking);
* citation precision: share of ``[n]`` markers written that sit in a kept sentence;
* correct: share of answers with a direct answer whose kept text states its value
  (the direct answer's ISO date or number, or its words); 1 by construction for ``none``;
* gold: share of event answers whose kept text states one of the event's gold figures
  (for ``none``: the extractive answer, direct line and quotes);
* silent: share of answers where the model gave the prompt's "the collection does not say" (not counted as sentences);
* fallback: share of answers with no kept sentence (silent included), or a failed call;
* latency per answer, p50 and p95 (seconds: the model only; for ``none`` the pipeline) and tokens/s (streamed chunks / s).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np

import config
from bench.generalization import collection_records, load_events, write_jsonl
from bench.metrics import write_results
from bot.llm import make_writer
from bot.llm.checker import CheckedAnswer, check_answer, cited_numbers, split_generated
from bot.llm.generate import embedding_similarity, is_silent
from bot.llm.prompt import answer_messages, quotes_of
from bot.schema import Answer
from language.calendar import resolve_times
from language.normalize import normalize_arabic
from language.numbers import find_quantities

SEEDS = config.REPO_ROOT / "tests" / "data" / "seed_questions.json"
RESULTS = Path(__file__).resolve().parent / "results" / "generation.json"
LANGS = ("ar", "en")
SEED_COLLECTION = "seeds"


def seed_questions(limit: int | None) -> list[str]:
    seeds = [item["q"] for item in json.loads(SEEDS.read_text(encoding="utf-8"))["items"] if item.get("answerable", True)]
    return seeds[:limit] if limit is not None else seeds


def states_value(text: str, answer: Answer) -> bool:
    """Whether checked text states the direct answer's value (as a date, a number or the same words)."""
    direct = answer.direct
    if direct is None:
        return False
    if normalize_arabic(direct.value) in normalize_arabic(text):
        return True
    dates = {m.normalized.split(" ")[0] for m in resolve_times(text, None)}
    numbers = {q.low for q in find_quantities(text)}
    head = direct.normalized.split(" ")[0]
    return head in dates or any(str(int(n)) == head for n in numbers if float(n).is_integer())


def states_gold(text: str, gold: set[int]) -> bool:
    """Whether text states one of an event's gold figures (read by the one number reader)."""
    return any(float(q.low).is_integer() and int(q.low) in gold for q in find_quantities(text))


def gold_figures(event: dict) -> set[int]:
    return {v["number"] for v in event["values"] if v.get("number") is not None}


def extractive_text(answer: Answer) -> str:
    """The extractive answer as the checker reads generated text: every sentence of every quote, with its number."""
    return " ".join(f"{s.rstrip()} [{c.n}]" for c in answer.citations for s in split_generated(c.quote))


def row(answer: Answer, checked: CheckedAnswer, gold: set[int] | None, seconds: float, stated: str | None = None, **extra) -> dict:
    """One answer's counts; ``stated``: the text graded for correctness (default: the kept sentences)."""
    stated = checked.text if stated is None else stated
    return {
        "question": answer.question,
        "language": answer.language,
        "kept": checked.text,
        "sentences": len(checked.sentences),
        "supported": sum(s.supported for s in checked.sentences),
        "cited": sum(bool(s.citations) for s in checked.sentences),
        "markers": sum(len(cited_numbers(s.text)) for s in checked.sentences),
        "kept_markers": sum(len(cited_numbers(s.text)) for s in checked.sentences if s.supported),
        "has_direct": answer.direct is not None,
        "correct": states_value(stated, answer),
        "gold": None if gold is None else states_gold(stated, gold),
        "removed": [{"text": s.text, "reasons": list(s.problems)} for s in checked.unsupported],
        "seconds": round(seconds, 3),
        **extra,
    }


def run_extractive(service, asked: list[tuple[str, str, set[int] | None]]) -> tuple[list[tuple[Answer, dict, set[int] | None]], list[dict]]:
    """Ask every question once; the answers (with their anchors) feed every backend, the rows are the ``none`` backend's."""
    answers, rows = [], []
    similarity = embedding_similarity(service.evidence_embeddings)
    for question, collection, gold in asked:
        t = time.perf_counter()
        answer = service.ask(question, collection=collection)  # the service's own writer is off: the extractive answer
        seconds = time.perf_counter() - t
        if not answer.answerable:
            print(f"  [{answer.language}] abstained: {question[:60]}", flush=True)
            continue
        anchors = {c.doc_id: service.source(c.doc_id, collection).anchor for c in answer.citations}
        answers.append((answer, anchors, gold))
        checked = check_answer(extractive_text(answer), quotes_of(answer, anchors), answer.question, similarity)
        rows.append(row(answer, checked, gold, seconds, stated=answer.answer, silent=False, error=None, chunks=0))
    return answers, rows


def generate(writer, answer: Answer) -> tuple[str, int, str | None, float]:
    """The model's raw reply to the service's prompt, streamed: text, chunks, error name, seconds."""
    raw, chunks, error = "", 0, None
    t = time.perf_counter()
    try:
        for chunk in writer.model.stream(answer_messages(answer)):
            raw += chunk.content if isinstance(chunk.content, str) else ""
            chunks += 1
    except Exception as exc:  # measured as a fallback, as the service would
        error = type(exc).__name__
    return raw, chunks, error, time.perf_counter() - t


def run_backend(
    service, spec: str, answers: list[tuple[Answer, dict, set[int] | None]], stored: dict[str, dict] | None = None
) -> list[dict]:
    """Every answer written by ``spec`` and checked; ``stored``: earlier replies by question, checked again without the model."""
    settings = config.Settings(**{**service.settings.model_dump(), "llm": spec})
    writer = make_writer(settings, service.evidence_embeddings)
    rows = []
    for answer, anchors, gold in answers:
        if stored is not None:
            if answer.question not in stored:
                continue
            old = stored[answer.question]
            raw, chunks, error, seconds = old["raw"], old["chunks"], old["error"], old["seconds"]
        else:
            raw, chunks, error, seconds = generate(writer, answer)
        silent = is_silent(raw, answer.language)  # "the collection does not say": an abstention, not a sentence to check
        checked = CheckedAnswer() if silent else check_answer(raw, quotes_of(answer, anchors), answer.question, writer.similarity)
        rows.append(row(answer, checked, gold, seconds, raw=raw, silent=silent, error=error, chunks=chunks))
        r = rows[-1]
        print(f"  [{answer.language}] {seconds:5.1f}s {r['supported']}/{r['sentences']} kept  {answer.question[:60]}", flush=True)
    return rows


def summarize(rows: list[dict]) -> dict:
    def share(num: int, den: int) -> float | None:
        return round(num / den, 3) if den else None

    seconds = [r["seconds"] for r in rows]
    graded = [r for r in rows if r["gold"] is not None]
    return {
        "answers": len(rows),
        "sentences": sum(r["sentences"] for r in rows),
        "supported": share(sum(r["supported"] for r in rows), sum(r["sentences"] for r in rows)),
        "removed": sum(len(r["removed"]) for r in rows),
        "cited": share(sum(r["cited"] for r in rows), sum(r["sentences"] for r in rows)),
        "citation_precision": share(sum(r["kept_markers"] for r in rows), sum(r["markers"] for r in rows)),
        "correct": share(sum(r["correct"] for r in rows), sum(r["has_direct"] for r in rows)),
        "gold": share(sum(r["gold"] for r in graded), len(graded)),
        "silent": share(sum(r["silent"] for r in rows), len(rows)),
        "fallback": share(sum(r["error"] is not None or r["supported"] == 0 for r in rows), len(rows)),
        "latency_p50_s": round(float(np.percentile(seconds, 50)), 2) if seconds else None,
        "latency_p95_s": round(float(np.percentile(seconds, 95)), 2) if seconds else None,
        "tokens_per_s": round(sum(r["chunks"] for r in rows) / sum(seconds), 1) if any(r["chunks"] for r in rows) else None,
    }


COLUMNS = (
    ("answers", "n"),
    ("supported", "supported"),
    ("removed", "removed"),
    ("cited", "cited"),
    ("citation_precision", "cit.prec"),
    ("correct", "correct"),
    ("gold", "gold"),
    ("silent", "silent"),
    ("fallback", "fallback"),
    ("latency_p50_s", "p50 s"),
    ("latency_p95_s", "p95 s"),
    ("tokens_per_s", "tok/s"),
)


def show(results: dict) -> None:
    print(f"\n{'backend':34} {'lang':4} " + " ".join(f"{title:>9}" for _, title in COLUMNS))
    for spec, result in results["backends"].items():
        for lang, s in result["by_language"].items():
            cells = " ".join(f"{'-' if s[key] is None else s[key]!s:>9}" for key, _ in COLUMNS)
            print(f"{spec[-34:]:34} {lang:4} {cells}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.generation", description=__doc__.split("\n")[0])
    parser.add_argument("--llm", action="append", help="backend, repeatable ('none': the extractive answer); default: none and ISNAD_LLM")
    parser.add_argument("--seeds", type=int, help="only the first N answerable seed questions (default: all)")
    parser.add_argument("--events", type=int, default=6, help="generalization events asked in both languages")
    parser.add_argument(
        "--distractors", type=int, default=300, help="other ANT articles in the events' collection (as bench.generalization)"
    )
    parser.add_argument("--home", type=Path, default=Path("/tmp/isnad-bench-generation"), help="store folder, reused between runs")
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--rescore", type=Path, help="check the replies stored in this results JSON again (no model calls)")
    args = parser.parse_args(argv)
    if args.events < 0 or args.distractors < 0 or (args.seeds is not None and args.seeds < 0):
        parser.error("--seeds, --events and --distractors must be 0 or more")
    stored: dict[str, dict] = {}
    if args.rescore:
        try:
            stored = {
                spec: {r["question"]: r for r in b["answers"]} for spec, b in json.loads(args.rescore.read_text())["backends"].items()
            }
        except (OSError, ValueError, KeyError) as e:
            parser.error(f"--rescore {args.rescore}: not a bench.generation results file ({e})")
    backends = list(dict.fromkeys(args.llm or (list(stored) if stored else ["none", config.Settings().llm])))
    try:
        for spec in backends:
            make_writer(config.Settings(llm=spec))  # a malformed backend or a missing model file: a message now, not mid-run
    except ValueError as e:
        parser.error(str(e))
    from bot.service import Isnad

    service = Isnad(config.Settings(home=args.home, llm="none"))
    service.ingest_paths([service.settings.samples_dir], collection=SEED_COLLECTION)
    asked = [(q, SEED_COLLECTION, None) for q in seed_questions(args.seeds)]
    if args.events:
        # the whole events' collection, as bench.generalization builds it (a store it filled is reused), asked about the first N
        corpus = write_jsonl(collection_records(load_events(), args.distractors), args.home / "generalization_collection.jsonl.gz")
        service.ingest_paths([corpus])
        asked += [
            (e["question"][lang], service.settings.collection, gold_figures(e)) for e in load_events(limit=args.events) for lang in LANGS
        ]
    print(f"{len(asked)} questions", flush=True)
    answers, extractive = run_extractive(service, asked)
    results: dict = {"questions": len(asked), "answered": len(answers), "events": args.events, "backends": {}}
    for spec in backends:
        print(f"backend {spec}", flush=True)
        rows = extractive if spec == "none" else run_backend(service, spec, answers, stored.get(spec) if args.rescore else None)
        results["backends"][spec] = {
            "by_language": {lang: summarize([r for r in rows if r["language"] == lang]) for lang in LANGS},
            "answers": rows,
        }
    show(results)
    write_results(results, args.out)
    print(f"\nwrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
