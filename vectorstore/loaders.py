"""Read article files into `Article`s, one clear error per unreadable input.

Formats: .txt/.md (UTF-8), .html/.htm (boilerplate stripped by trafilatura),
.jsonl/.json.gz (one article per line, the shape of the ANT corpus: text, title,
url, time, src, docno). A bad file or line never stops the batch: it becomes a
`LoadError` the caller reports, so a 31k-article import survives one broken line.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from charset_normalizer import from_bytes

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".json.gz", ".jsonl.gz")
SUPPORTED = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES
SIDECAR_SUFFIX = ".meta.json"


@dataclass
class Article:
    """One article: ``text`` is the exact string every offset points into."""

    doc_id: str
    text: str
    source: str
    given: dict[str, str] = field(default_factory=dict)  # metadata stated by the user, not inferred


@dataclass
class LoadError:
    source: str
    reason: str


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def _suffix(path: Path) -> str:
    name = path.name.lower()
    return next((s for s in sorted(SUPPORTED, key=len, reverse=True) if name.endswith(s)), path.suffix.lower())


def _stem(path: Path) -> str:
    return path.name[: -len(_suffix(path))] if _suffix(path) in SUPPORTED else path.stem


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM) or a ValueError that says what the bytes look like."""
    if b"\x00" in data[:8192]:
        raise ValueError("binary file (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        guess = from_bytes(data).best()
        hint = f"; it looks like {guess.encoding}" if guess else ""
        raise ValueError(f"not UTF-8 text (byte {exc.start}){hint}: convert it to UTF-8 and ingest again") from None
    if not text.strip():
        raise ValueError("empty file")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _read_sidecar(path: Path) -> dict[str, str]:
    sidecar = path.with_name(_stem(path) + SIDECAR_SUFFIX)
    if not sidecar.exists():
        return {}
    data = json.loads(sidecar.read_text(encoding="utf-8"))
    return {k: str(v) for k, v in data.items() if v not in (None, "")}


def _html_to_text(html: str) -> str:
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
    if not text or not text.strip():
        raise ValueError("no article text found in the HTML")
    return text


def _jsonl_lines(path: Path) -> Iterator[str]:
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as fh:
        yield from fh


def _record_to_article(record: dict, source: str) -> Article:
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ValueError("record has no 'text'")
    url = str(record.get("url") or "")
    doc_id = str(record.get("docno") or record.get("id") or "")
    if not doc_id:
        if not url:
            raise ValueError("record has neither 'docno' nor 'url' to name it")
        doc_id = "url_" + hashlib.sha1(url.encode("utf-8")).hexdigest()[:16]
    given = {
        "title": record.get("title"),
        "url": url,
        "published": record.get("time") or record.get("published"),
        "outlet": record.get("src") or record.get("outlet"),
        "language": record.get("language"),
    }
    return Article(doc_id, text.replace("\r\n", "\n"), source, {k: str(v) for k, v in given.items() if v})


def _load_jsonl(path: Path) -> Iterator[Article | LoadError]:
    try:
        for lineno, line in enumerate(_jsonl_lines(path), 1):
            if not line.strip():
                continue
            where = f"{path}:{lineno}"
            try:
                record = json.loads(line)
                if not isinstance(record, dict):
                    raise ValueError("line is not a JSON object")
                yield _record_to_article(record, where)
            except (ValueError, json.JSONDecodeError) as exc:
                yield LoadError(where, str(exc))
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        yield LoadError(str(path), f"cannot read as {_suffix(path)}: {exc}")


def load_path(path: Path) -> Iterator[Article | LoadError]:
    """Articles (or errors) from one file; folders are walked by `iter_files`."""
    suffix = _suffix(path)
    if suffix not in SUPPORTED:
        yield LoadError(str(path), f"unsupported file type '{suffix or path.name}' (supported: {', '.join(SUPPORTED)})")
        return
    if suffix in JSONL_SUFFIXES:
        yield from _load_jsonl(path)
        return
    try:
        text = decode_text(path.read_bytes())
        if suffix in HTML_SUFFIXES:
            text = _html_to_text(text)
        yield Article(_stem(path), text, str(path), _read_sidecar(path))
    except (OSError, ValueError) as exc:
        yield LoadError(str(path), str(exc))


def iter_files(paths: list[Path]) -> Iterator[Path | LoadError]:
    """Expand folders (sorted, so runs are reproducible) and skip sidecars."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not child.name.endswith(SIDECAR_SUFFIX) and _suffix(child) in SUPPORTED:
                    yield child
        elif path.is_file():
            yield path
        else:
            yield LoadError(str(path), "no such file or folder")
