"""Read article files into `Article`s, one clear error per unreadable input.

Formats: .txt/.md (UTF-8), .html/.htm (boilerplate stripped by trafilatura),
.jsonl/.json.gz (one article per line, the shape of the ANT corpus: text, title,
url, time, src, docno). A bad file or line never stops the batch: it becomes a
`LoadError` the caller reports, so a 31k-article import survives one broken line.
"""

from __future__ import annotations

import gzip
import hashlib
import itertools
import json
import re
import unicodedata
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from charset_normalizer import from_bytes

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".json.gz", ".jsonl.gz")
SUPPORTED = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES
SIDECAR_SUFFIX = ".meta.json"
#: Longest document id: ids travel in URLs and chunk ids, and no real file name or docno is longer.
MAX_DOC_ID_CHARS = 200


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


def check_doc_id(doc_id: str) -> str:
    """``doc_id`` if it can name a document, else a ValueError saying why.

    Checked before anything is written: an empty id (a file called ``.txt``)
    once got its chunks stored and its record refused, leaving chunks no one
    could cite, list or delete.
    """
    if not doc_id.strip():
        raise ValueError("empty document id: a file needs a name before its extension, a record a 'docno' or 'url'")
    if doc_id != doc_id.strip():
        raise ValueError(f"document id {doc_id!r} starts or ends with white space")
    if len(doc_id) > MAX_DOC_ID_CHARS:
        raise ValueError(f"document id is longer than {MAX_DOC_ID_CHARS} characters")
    if any(unicodedata.category(ch) in ("Cc", "Cs") for ch in doc_id):
        raise ValueError(f"document id {doc_id!r} contains control characters")
    return doc_id


def file_doc_id(path: Path) -> str:
    """The document id a file gets (its name without the format's extension), checked."""
    return check_doc_id(_stem(path))


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
    if not isinstance(data, dict):
        raise ValueError(f"{sidecar.name} must be a JSON object of fields (outlet, published, title, url, language)")
    return {k: str(v) for k, v in data.items() if v not in (None, "")}


def _html_to_text(html: str) -> str:
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
    if not text or not text.strip():
        raise ValueError("no article text found in the HTML")
    return text


@dataclass(frozen=True)
class ReadLimits:
    """How much one JSONL file may expand to in memory (defaults: the ``ISNAD_MAX_*`` settings).

    A few KB of gzip can decompress to gigabytes, or to millions of empty
    records each worth one error line: both are cut off while streaming, so
    memory stays bounded by one record, whatever the file.
    """

    max_bytes: int = 200_000_000  # decompressed bytes read from one file
    max_records: int = 100_000  # non-blank lines read from one file
    max_record_bytes: int = 5_000_000  # one line: no news article is longer

    @classmethod
    def of(cls, settings) -> ReadLimits:
        """The limits a `config.Settings` sets."""
        return cls(settings.max_decompressed_bytes, settings.max_records)


class LimitExceeded(ValueError):
    """A file went past a `ReadLimits` bound: reading it stops there."""


def _jsonl_lines(path: Path, limits: ReadLimits) -> Iterator[tuple[int, bytes | LoadError]]:
    """``(line number, line bytes)``, or a LoadError for an over-long line; raises LimitExceeded at a file bound.

    Lines are read with a bounded ``readline`` so a file with no newline (1.5 GB of
    gzip-compressed zeros) never becomes one 1.5 GB string.
    """
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    total = records = 0
    with opener(path, "rb") as fh:
        for lineno in itertools.count(1):
            line = fh.readline(limits.max_record_bytes + 1)
            if not line:
                return
            total += len(line)
            too_long = len(line) > limits.max_record_bytes
            while too_long and not line.endswith(b"\n"):  # skip the rest of the line, still counting its bytes
                line = fh.readline(1 << 20)
                total += len(line)
                if not line or total > limits.max_bytes:
                    break
            if total > limits.max_bytes:
                raise LimitExceeded(f"decompresses to more than {limits.max_bytes:,} bytes; stopped reading at line {lineno}")
            if not line.strip():
                continue
            records += 1
            if records > limits.max_records:
                raise LimitExceeded(f"holds more than {limits.max_records:,} records; stopped reading at line {lineno}")
            yield lineno, LoadError(f"{path}:{lineno}", f"line longer than {limits.max_record_bytes:,} bytes") if too_long else line


#: A lone UTF-16 surrogate, which JSON can spell ("\\ud800") and no UTF-8 text can hold.
_SURROGATE = re.compile("[\ud800-\udfff]")


def _has_surrogate(text: str) -> bool:
    """One regex scan in C: a character-by-character Python loop cost ~1 ms an article of ingest (the profile's top loader item)."""
    return _SURROGATE.search(text) is not None


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
    check_doc_id(doc_id)
    given = {
        "title": record.get("title"),
        "url": url,
        "published": record.get("time") or record.get("published"),
        "outlet": record.get("src") or record.get("outlet"),
        "language": record.get("language"),
    }
    return Article(doc_id, text.replace("\r\n", "\n"), source, {k: str(v) for k, v in given.items() if v})


def _load_jsonl(path: Path, limits: ReadLimits) -> Iterator[Article | LoadError]:
    try:
        for lineno, line in _jsonl_lines(path, limits):
            if isinstance(line, LoadError):
                yield line
                continue
            where = f"{path}:{lineno}"
            try:
                record = json.loads(line.decode("utf-8"))
                if not isinstance(record, dict):
                    raise ValueError("line is not a JSON object")
                if any(isinstance(v, str) and not v.isascii() and _has_surrogate(v) for v in record.values()):
                    raise ValueError("line has a lone surrogate escape (\\ud800-\\udfff): not valid Unicode text")
                yield _record_to_article(record, where)
            except (ValueError, json.JSONDecodeError) as exc:  # UnicodeDecodeError is a ValueError: one bad line
                yield LoadError(where, str(exc))
    except LimitExceeded as exc:
        yield LoadError(str(path), str(exc))
    except (OSError, EOFError, zlib.error) as exc:
        yield LoadError(str(path), f"cannot read as {_suffix(path)}: {exc}")


def load_path(path: Path, limits: ReadLimits = ReadLimits()) -> Iterator[Article | LoadError]:
    """Articles (or errors) from one file; folders are walked by `iter_files`."""
    suffix = _suffix(path)
    if suffix not in SUPPORTED:
        yield LoadError(str(path), f"unsupported file type '{suffix or path.name}' (supported: {', '.join(SUPPORTED)})")
        return
    if suffix in JSONL_SUFFIXES:
        yield from _load_jsonl(path, limits)
        return
    try:
        doc_id = file_doc_id(path)
        text = decode_text(path.read_bytes())
        if suffix in HTML_SUFFIXES:
            text = _html_to_text(text)
        yield Article(doc_id, text, str(path), _read_sidecar(path))
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
