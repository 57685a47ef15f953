"""`isnad ask|verify|compare|ingest|rebuild|serve` (also `python -m bot ...`): the pipeline from a terminal.

What the user typed is checked before anything heavy is imported, so a typo
costs a fraction of a second, not a model load. With a server running
(``--server URL`` or ``ISNAD_URL``; the key from ``ISNAD_API_KEY``), ask, verify
and compare go to its HTTP API and this process loads no model at all: an
answer takes as long as the server needs, not 20-40 s of loading per call.

Input the user or the server refuses prints one line and exits 2; a server
that cannot be reached or fails prints one line and exits 1; no tracebacks.
"""

from __future__ import annotations

import argparse
import csv
import http.client
import ipaddress
import json
import os
import sys
import urllib.error
import urllib.request
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import config
from bot.errors import MAX_TOP_K, IsnadInputError, clean_text

#: HTTP status codes that mean "your request was wrong": exit 2 like local bad input; anything else is exit 1.
_REFUSALS = {400, 404, 413, 422}


class ServerError(RuntimeError):
    """The server could not be reached, refused our credentials, or failed: not the user's text (exit 1)."""


class Local:
    """The pipeline in this process; models load on first use (20-40 s), so only after the input was checked."""

    def __init__(self) -> None:
        self._service = None

    def service(self):
        if self._service is None:
            from bot.service import Isnad

            _say("loading the models (20-40 s); with `isnad serve` running, --server URL or ISNAD_URL skips this")
            self._service = Isnad()
            self._service.ensure_samples()
        return self._service

    def ask(self, question: str, top_k: int | None, collection: str | None):
        return self.service().ask(question, top_k=top_k, collection=collection)

    def verify(self, claim: str, collection: str | None):
        return self.service().verify(claim, collection=collection)

    def compare_many(self, pairs: list[tuple[str, str]]) -> list:
        from bot.stance import compare_many  # the stance model only: no store, no retrieval models

        return compare_many(pairs)


class Remote:
    """A running Isnad's HTTP API (`bot.api`), spoken with the standard library: nothing heavy to import."""

    def __init__(self, url: str, api_key: str | None, timeout: float) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise IsnadInputError(f"the server must be an http:// or https:// URL, e.g. http://127.0.0.1:7860 (got {url!r})")
        self.url, self.api_key, self.timeout = url.rstrip("/"), api_key, timeout
        # A proxy from the environment (http_proxy) cannot reach this machine's own loopback server.
        self._opener = urllib.request.build_opener(*([urllib.request.ProxyHandler({})] if _is_loopback(parts.hostname) else []))

    def ask(self, question: str, top_k: int | None, collection: str | None):
        from bot.schema import Answer

        return self._read(Answer, self._post("/api/ask", question=question, top_k=top_k, collection=collection))

    def verify(self, claim: str, collection: str | None):
        from bot.schema import Verification

        return self._read(Verification, self._post("/api/verify", claim=claim, collection=collection))

    def compare_many(self, pairs: list[tuple[str, str]]) -> list:
        from bot.schema import Comparison

        return [self._read(Comparison, self._post("/api/compare", a=a, b=b)) for a, b in pairs]

    def _post(self, path: str, **fields: Any) -> Any:
        body = json.dumps({k: v for k, v in fields.items() if v is not None}).encode("utf-8")
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        request = urllib.request.Request(self.url + path, data=body, headers=headers, method="POST")
        try:
            with self._opener.open(request, timeout=self.timeout) as response:
                return json.load(response)
        except urllib.error.HTTPError as exc:
            raise self._refusal(exc.code, _detail(exc)) from None
        except urllib.error.URLError as exc:
            raise ServerError(
                f"cannot reach the Isnad server at {self.url} ({exc.reason}); start one with `isnad serve`, "
                "or leave out --server and ISNAD_URL to answer in this process"
            ) from None
        except TimeoutError:
            raise ServerError(f"the Isnad server at {self.url} sent no answer within {self.timeout:g} s (--timeout)") from None
        except (OSError, http.client.HTTPException) as exc:  # the connection broke mid-answer (server stopped or crashed)
            raise ServerError(f"the connection to the Isnad server at {self.url} broke: {exc!r}") from None
        except (json.JSONDecodeError, UnicodeDecodeError):
            raise ServerError(f"{self.url} did not answer with JSON: is it an Isnad server?") from None

    def _refusal(self, status: int, detail: str) -> Exception:
        if status in _REFUSALS:
            return IsnadInputError(f"the server refused it: {detail}")
        if status == 401:
            hint = "the key in ISNAD_API_KEY was refused" if self.api_key else "it needs an API key: set ISNAD_API_KEY"
            return ServerError(f"the Isnad server at {self.url} answered 401: {hint}")
        return ServerError(f"the Isnad server at {self.url} failed (HTTP {status}): {detail}")

    def _read(self, model, data: Any):
        from pydantic import ValidationError

        try:
            return model.model_validate(data)
        except ValidationError as exc:
            raise ServerError(f"{self.url} answered, but not with an Isnad {model.__name__} ({exc.error_count()} fields wrong)") from None


def _is_loopback(host: str | None) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host or "").is_loopback
    except ValueError:
        return False


def _detail(exc: urllib.error.HTTPError) -> str:
    """The ``detail`` of a FastAPI error body (a message, or validation errors), else the status reason."""
    try:
        detail = json.loads(exc.read().decode("utf-8")).get("detail")
    except (ValueError, AttributeError, OSError):
        return str(exc.reason)
    if isinstance(detail, list):  # 422: [{"loc": ["body", "question"], "msg": ...}, ...]
        return "; ".join(f"{'.'.join(str(p) for p in e.get('loc', [])[1:])}: {e.get('msg')}" for e in detail if isinstance(e, dict))
    return str(detail or exc.reason)


def _say(message: str) -> None:
    """What the CLI is doing, on stderr: stdout carries only the answer (or its JSON)."""
    print(f"[isnad] {message}", file=sys.stderr, flush=True)


def backend(args: argparse.Namespace) -> Local | Remote:
    """The server named by --server or ISNAD_URL, else this process."""
    settings = config.get_settings()
    url = getattr(args, "server", None) or settings.url
    return Remote(url, settings.api_key, args.timeout) if url else Local()


def read_pairs(path: Path) -> list[tuple[str, str]]:
    """The s1,s2 rows of a CSV file, each checked like a typed statement; a bad file is the user's error."""
    try:
        with open(path, newline="", encoding="utf-8") as fh:
            reader = csv.DictReader(fh)
            if not reader.fieldnames or not {"s1", "s2"} <= set(reader.fieldnames):
                raise IsnadInputError(f"{path}: needs columns s1,s2 (found {reader.fieldnames})")
            rows = list(reader)
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise IsnadInputError(f"{path}: {getattr(exc, 'strerror', None) or exc}") from None
    return [(clean_text(r["s1"], f"{path} row {i} s1"), clean_text(r["s2"], f"{path} row {i} s2")) for i, r in enumerate(rows, 2)]


def _print_model(model, as_json: bool, text: str) -> None:
    print(model.model_dump_json(indent=2) if as_json else text)


def cmd_ask(args: argparse.Namespace) -> int:
    question = clean_text(args.question, "question")
    answer = backend(args).ask(question, args.top_k, args.collection)
    _print_model(answer, args.json, answer.answer)
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    claim = clean_text(args.claim, "claim")
    result = backend(args).verify(claim, args.collection)
    _print_model(result, args.json, f"{result.verdict}: {result.explanation}")
    return 0


def cmd_compare(args: argparse.Namespace) -> int:
    if args.pairs:
        if args.a or args.b:
            raise IsnadInputError("compare takes two statements A and B, or --pairs FILE.csv, not both")
        for result in backend(args).compare_many(read_pairs(args.pairs)):
            print(json.dumps({"relation": result.relation, "score": result.score}, ensure_ascii=False))
        return 0
    if args.a is None or args.b is None:
        raise IsnadInputError("compare needs two statements A and B, or --pairs FILE.csv")
    pair = (clean_text(args.a, "A"), clean_text(args.b, "B"))
    (result,) = backend(args).compare_many([pair])
    _print_model(result, args.json, f"{result.relation} ({result.score:.2f}): " + "; ".join(result.reasons))
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from bot.server import serve
    from vectorstore.rebuild import StoreDamaged

    try:
        serve(host=args.host, port=args.port)
    except StoreDamaged as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


def cmd_rebuild(args: argparse.Namespace) -> int:
    """A new store from a (damaged) store's own article records and vector cache: no embedding, the source only read."""
    from vectorstore.ingestion import IngestStopped
    from vectorstore.rebuild import RebuildRefused, run

    try:
        out = run(args.source, args.target, args.collection, progress=not args.quiet)
    except RebuildRefused as exc:
        raise IsnadInputError(str(exc)) from None
    except IngestStopped as stopped:
        _say(f"stopped after {stopped.position} articles of a collection: rerun the same command to continue")
        return stopped.exit_code
    print(json.dumps(out, ensure_ascii=False, indent=1))
    return 0


def _top_k(value: str) -> int:
    try:
        k = int(value)
    except ValueError:
        k = 0
    if not 1 <= k <= MAX_TOP_K:
        raise argparse.ArgumentTypeError(f"must be a whole number from 1 to {MAX_TOP_K} (got {value!r})")
    return k


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        seconds = 0.0
    if not 0 < seconds < 86400:  # also refuses nan and inf, which no socket timeout takes
        raise argparse.ArgumentTypeError(f"must be a number of seconds above 0 and below a day (got {value!r})")
    return seconds


def build_parser() -> argparse.ArgumentParser:
    settings = config.get_settings()
    # --server may come before or after the command; SUPPRESS keeps a command's unset option from hiding the global one.
    client = argparse.ArgumentParser(add_help=False)
    client.add_argument(
        "--server", metavar="URL", default=argparse.SUPPRESS, help="ask this running Isnad (default: ISNAD_URL, else load the models here)"
    )
    client.add_argument("--timeout", type=_seconds, default=300.0, help="seconds to wait for the server's answer (default 300)")

    parser = argparse.ArgumentParser(prog="isnad", description="Isnad: answers with their chain of sources.")
    parser.add_argument("--server", metavar="URL", help="a running Isnad server, e.g. http://127.0.0.1:7860 (default: ISNAD_URL)")
    sub = parser.add_subparsers(dest="command", required=True)

    ask = sub.add_parser("ask", parents=[client], help="answer a question from the collection, with citations")
    ask.add_argument("question")
    ask.add_argument("--top-k", type=_top_k, default=None, help=f"chunks retrieved (1-{MAX_TOP_K})")
    ask.add_argument("--collection")
    ask.add_argument("--json", action="store_true", help="print the full answer JSON")
    ask.set_defaults(func=cmd_ask)

    verify = sub.add_parser("verify", parents=[client], help="SUPPORTED / REFUTED / CONFLICTING / NOT_ENOUGH_INFO for a claim")
    verify.add_argument("claim")
    verify.add_argument("--collection")
    verify.add_argument("--json", action="store_true")
    verify.set_defaults(func=cmd_verify)

    compare = sub.add_parser("compare", parents=[client], help="do two statements agree, contradict, or not relate?")
    compare.add_argument("a", nargs="?")
    compare.add_argument("b", nargs="?")
    compare.add_argument("--pairs", type=Path, help="CSV with columns s1,s2: one JSON line per pair")
    compare.add_argument("--json", action="store_true")
    compare.set_defaults(func=cmd_compare)

    ingest = sub.add_parser("ingest", help="add articles to a collection (the options of ingest.py)", add_help=False)
    ingest.set_defaults(func=None)  # handled in main(): its options are ingest.py's own

    rebuild = sub.add_parser("rebuild", help="write a new store from a damaged one's article records and vector cache (no embedding)")
    rebuild.add_argument("--from", dest="source", type=Path, required=True, metavar="HOME", help="the ISNAD_HOME to read (only read)")
    rebuild.add_argument("--to", dest="target", type=Path, required=True, metavar="NEW_HOME", help="a new, empty directory")
    rebuild.add_argument("--collection", action="append", help="only this collection (repeatable; default: every one)")
    rebuild.add_argument("--quiet", action="store_true", help="no progress bar")
    rebuild.set_defaults(func=cmd_rebuild)

    serve = sub.add_parser("serve", help="HTTP API (/api, /v1) and the browser UI (/)")
    serve.add_argument("--host", default=settings.host)
    serve.add_argument("--port", type=int, default=settings.port)
    serve.set_defaults(func=cmd_serve)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        code = _main(argv)
        sys.stdout.flush()  # here, not at exit: a closed pipe is then caught below
        return code
    except BrokenPipeError:  # the reader went away (`isnad ask … | head`): stop quietly, as Unix tools do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # Python's flush at exit would raise again
        return 141  # 128 + SIGPIPE


def _main(argv: Sequence[str] | None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["ingest"]:
        import ingest

        return ingest.main(argv[1:])
    parser = build_parser()
    args, rest = parser.parse_known_args(argv)
    if rest and args.func is not None:
        parser.error(f"unrecognized arguments: {' '.join(rest)}")
    try:
        if args.func is None:  # `isnad --server URL ingest ...`
            raise IsnadInputError(
                "ingest reads files into this machine's store and takes no --server; send files to a server with POST /api/documents"
            )
        return args.func(args)
    except IsnadInputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except ServerError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
