"""How well a language model writes Isnad's answers: supported sentences, citations, correctness, speed.

    python -m bench.generation [--llm llamacpp:PATH.gguf --llm openai:MODEL ...] [--events 6] [--home DIR]

For each backend (default: ``ISNAD_LLM``), the answerable seed questions and
both languages of the first ``--events`` generalization events are answered
by the pipeline, then the model writes from the same evidence (the prompt of
``bot.llm.prompt``) and every sentence is checked (``bot.llm.checker``), as the
service does. Per backend and language:

* supported: share of generated sentences the checker keeps;
* cited: share of generated sentences carrying any ``[n]`` (before checking);
* citation precision: share of ``[n]`` markers written that sit in a kept sentence;
* correct: share of answers with a direct answer whose kept text states its value
  (the direct answer's ISO date or number, or its words);
* fallback: share of answers with no kept sentence, or a failed call;
* latency per answer (seconds, the model only) and tokens/s (streamed chunks / s).
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

import config
from bench.generalization import collection_records, load_events, write_jsonl
from bench.metrics import write_results
from bot.llm import make_writer
from bot.llm.checker import check_answer, cited_numbers
from bot.llm.prompt import answer_messages, quotes_of
from bot.schema import Answer
from language.calendar import resolve_times
from language.normalize import normalize_arabic
from language.numbers import find_quantities

SEEDS = config.REPO_ROOT / "tests" / "data" / "seed_questions.json"
RESULTS = Path(__file__).resolve().parent / "results" / "generation.json"
LANGS = ("ar", "en")


def questions(events: int) -> list[str]:
    seeds = [item["q"] for item in json.loads(SEEDS.read_text(encoding="utf-8"))["items"] if item.get("answerable", True)]
    return seeds + [e["question"][lang] for e in load_events(limit=events) for lang in LANGS]


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
    return head in dates or any(str(int(n)) == head.split(" ")[0] for n in numbers if float(n).is_integer())


def run_backend(service, spec: str, asked: list[str], collection: str) -> list[dict]:
    settings = config.Settings(**{**service.settings.model_dump(), "llm": spec})
    writer = make_writer(settings, service.evidence_embeddings)
    rows = []
    for q in asked:
        answer = service.ask(q, collection=collection)  # the service's own writer is off: the extractive answer
        if not answer.answerable:
            continue
        anchors = {c.doc_id: service.source(c.doc_id, collection).anchor for c in answer.citations}
        raw, chunks, error = "", 0, None
        t = time.perf_counter()
        try:
            for chunk in writer.model.stream(answer_messages(answer)):
                raw += chunk.content if isinstance(chunk.content, str) else ""
                chunks += 1
        except Exception as exc:  # measured as a fallback, as the service would
            error = type(exc).__name__
        seconds = time.perf_counter() - t
        checked = check_answer(raw, quotes_of(answer, anchors), answer.question, writer.similarity)
        markers = sum(len(cited_numbers(s.text)) for s in checked.sentences)
        kept_markers = sum(len(cited_numbers(s.text)) for s in checked.sentences if s.supported)
        rows.append(
            {
                "question": q,
                "language": answer.language,
                "raw": raw,
                "kept": checked.text,
                "error": error,
                "sentences": len(checked.sentences),
                "supported": sum(s.supported for s in checked.sentences),
                "cited": sum(bool(s.citations) for s in checked.sentences),
                "markers": markers,
                "kept_markers": kept_markers,
                "has_direct": answer.direct is not None,
                "correct": states_value(checked.text, answer),
                "removed": [{"text": s.text, "reasons": list(s.problems)} for s in checked.unsupported],
                "seconds": round(seconds, 3),
                "chunks": chunks,
            }
        )
        print(f"  [{answer.language}] {seconds:5.1f}s {rows[-1]['supported']}/{rows[-1]['sentences']} kept  {q[:60]}", flush=True)
    return rows


def summarize(rows: list[dict]) -> dict:
    def share(num: int, den: int) -> float | None:
        return round(num / den, 3) if den else None

    seconds = [r["seconds"] for r in rows]
    return {
        "answers": len(rows),
        "supported": share(sum(r["supported"] for r in rows), sum(r["sentences"] for r in rows)),
        "cited": share(sum(r["cited"] for r in rows), sum(r["sentences"] for r in rows)),
        "citation_precision": share(sum(r["kept_markers"] for r in rows), sum(r["markers"] for r in rows)),
        "correct": share(sum(r["correct"] for r in rows), sum(r["has_direct"] for r in rows)),
        "fallback": share(sum(r["error"] is not None or r["supported"] == 0 for r in rows), len(rows)),
        "latency_p50_s": round(statistics.median(seconds), 2) if seconds else None,
        "tokens_per_s": round(sum(r["chunks"] for r in rows) / sum(seconds), 1) if seconds and sum(seconds) else None,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--llm", action="append", help="backend (repeatable); default ISNAD_LLM")
    parser.add_argument("--events", type=int, default=6, help="generalization events asked in both languages")
    parser.add_argument("--home", type=Path, default=Path("/tmp/isnad-bench-generation"))
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    backends = args.llm or [config.Settings().llm]
    if backends == ["none"]:
        parser.error("no backend: pass --llm KIND:MODEL or set ISNAD_LLM (scripts/setup_llm.sh makes a local one)")
    from bot.service import Isnad

    service = Isnad(config.Settings(home=args.home, collection="generation", llm="none"))
    events = load_events(limit=args.events)
    corpus = write_jsonl(collection_records(events, distractors=0), args.home / "events.jsonl.gz") if events else None
    service.ingest_paths([service.settings.samples_dir] + ([corpus] if corpus else []), collection="generation")
    asked = questions(args.events)
    results = {"questions": len(asked), "backends": {}}
    for spec in backends:
        print(f"backend {spec}", flush=True)
        rows = run_backend(service, spec, asked, "generation")
        results["backends"][spec] = {
            "by_language": {lang: summarize([r for r in rows if r["language"] == lang]) for lang in LANGS},
            "answers": rows,
        }
    print(
        f"\n{'backend':38} {'lang':4} {'n':>3} {'supported':>9} {'cited':>6} {'cit.prec':>8} {'correct':>7} "
        f"{'fallback':>8} {'p50 s':>6} {'tok/s':>6}"
    )
    for spec, result in results["backends"].items():
        for lang, s in result["by_language"].items():
            cells = [
                s[k] if s[k] is not None else "-"
                for k in ("answers", "supported", "cited", "citation_precision", "correct", "fallback", "latency_p50_s", "tokens_per_s")
            ]
            print(
                f"{spec[-38:]:38} {lang:4} {cells[0]:>3} {cells[1]!s:>9} {cells[2]!s:>6} {cells[3]!s:>8} {cells[4]!s:>7} "
                f"{cells[5]!s:>8} {cells[6]!s:>6} {cells[7]!s:>6}"
            )
    write_results(results, args.out)
    print(f"\nwrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
