"""`isnad ask|verify|compare|ingest|serve` (also `python -m bot ...`): the pipeline from a terminal.

Errors in what the user typed print one line and exit 2; no tracebacks.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

import config  # noqa: F401  (offline environment first)
from bot.errors import IsnadInputError


def _print_model(model, as_json: bool, text: str) -> None:
    print(model.model_dump_json(indent=2) if as_json else text)


def cmd_ask(args: argparse.Namespace) -> int:
    from bot.service import Isnad, clean_text

    clean_text(args.question, "question")  # before loading models: a typo costs no time
    service = Isnad()
    service.ensure_samples()
    answer = service.ask(args.question, top_k=args.top_k, collection=args.collection)
    _print_model(answer, args.json, answer.answer)
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from bot.service import Isnad, clean_text

    clean_text(args.claim, "claim")
    service = Isnad()
    service.ensure_samples()
    result = service.verify(args.claim, collection=args.collection)
    _print_model(result, args.json, f"{result.verdict}: {result.explanation}")
    return 0


def cmd_compare(args: argparse.Namespace) -> int:
    from bot.stance import compare, compare_many

    if args.pairs:
        with open(args.pairs, newline="", encoding="utf-8") as fh:
            reader = csv.DictReader(fh)
            if not reader.fieldnames or not {"s1", "s2"} <= set(reader.fieldnames):
                raise IsnadInputError(f"{args.pairs}: needs columns s1,s2 (found {reader.fieldnames})")
            rows = [(r["s1"] or "", r["s2"] or "") for r in reader]
        for result in compare_many(rows):
            print(json.dumps({"relation": result.relation, "score": result.score}, ensure_ascii=False))
        return 0
    if not (args.a and args.b):
        raise IsnadInputError("compare needs two statements A and B, or --pairs FILE.csv")
    result = compare(args.a, args.b)
    _print_model(result, args.json, f"{result.relation} ({result.score:.2f}): " + "; ".join(result.reasons))
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from bot.server import serve

    serve(host=args.host, port=args.port)
    return 0


def build_parser() -> argparse.ArgumentParser:
    settings = config.get_settings()
    parser = argparse.ArgumentParser(prog="isnad", description="Isnad: answers with their chain of sources.")
    sub = parser.add_subparsers(dest="command", required=True)

    ask = sub.add_parser("ask", help="answer a question from the collection, with citations")
    ask.add_argument("question")
    ask.add_argument("--top-k", type=int, default=None)
    ask.add_argument("--collection")
    ask.add_argument("--json", action="store_true", help="print the full answer JSON")
    ask.set_defaults(func=cmd_ask)

    verify = sub.add_parser("verify", help="SUPPORTED / REFUTED / CONFLICTING / NOT_ENOUGH_INFO for a claim")
    verify.add_argument("claim")
    verify.add_argument("--collection")
    verify.add_argument("--json", action="store_true")
    verify.set_defaults(func=cmd_verify)

    compare = sub.add_parser("compare", help="do two statements agree, contradict, or not relate?")
    compare.add_argument("a", nargs="?")
    compare.add_argument("b", nargs="?")
    compare.add_argument("--pairs", type=Path, help="CSV with columns s1,s2: one JSON line per pair")
    compare.add_argument("--json", action="store_true")
    compare.set_defaults(func=cmd_compare)

    ingest = sub.add_parser("ingest", help="add articles to a collection (the options of ingest.py)", add_help=False)
    ingest.set_defaults(func=None)  # handled in main(): its options are ingest.py's own

    serve = sub.add_parser("serve", help="HTTP API (/api, /v1) and the browser UI (/)")
    serve.add_argument("--host", default=settings.host)
    serve.add_argument("--port", type=int, default=settings.port)
    serve.set_defaults(func=cmd_serve)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["ingest"]:
        import ingest

        return ingest.main(argv[1:])
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except (IsnadInputError, FileNotFoundError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
