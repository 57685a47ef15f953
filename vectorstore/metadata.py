"""Article metadata: what the user gave, else what the text itself states.

A fact-checker must know whether "published 8 July 2020" came from the
publisher's sidecar or was read off a date stamp in the scraped page, so every
field records its provenance (`inferred` lists the fields read from the text).
"""

from __future__ import annotations

import re
from datetime import date

import dateparser

from vectorstore.furniture import furniture_lines
from vectorstore.normalize import detect_language

FIELDS = ("title", "outlet", "published", "url", "language")

_OUTLET_PATTERNS = [
    re.compile(r"^\s*المصدر\s*\|\s*(?P<o>[^+\n|]+?)\s*(?:\+.*)?$", re.M),  # المصدر | الخليج الجديد + متابعات
    re.compile(r"^\s*/?\s*مصدر\s*:\s*(?P<o>[^/\n]+?)\s*/", re.M),  # /مصدر: شينخوا/
    re.compile(r"^[^\n(]{2,30}\d{4}\s*\((?P<o>[^()\n\d]{2,25})\)", re.M),  # دمشق 8 يوليو 2020 (شينخوا)
]
_NUMERIC_STAMP = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})[:\-/.](?P<m>\d{1,2})[:\-/.](?P<d>\d{1,2})(?!\d)")
_WORD_DATE = re.compile(r"(?<!\d)\d{1,2}\s+[^\d\s]+\s+(?:19|20)\d{2}(?!\d)")


def _parse_word_date(phrase: str) -> date | None:
    parsed = dateparser.parse(phrase, languages=["ar", "en"], settings={"PREFER_DAY_OF_MONTH": "first"})
    return parsed.date() if parsed else None


def find_stated_date(text: str, head_lines: int = 8) -> date | None:
    """The first date stamp or dateline in the article head ("2020:07:09...", "8 يوليو 2020")."""
    head = "\n".join(text.split("\n")[:head_lines] + [line for line in text.split("\n") if "(" in line][:3])
    candidates: list[tuple[int, date]] = []
    for m in _NUMERIC_STAMP.finditer(head):
        try:
            candidates.append((m.start(), date(int(m["y"]), int(m["m"]), int(m["d"]))))
        except ValueError:
            continue
    for m in _WORD_DATE.finditer(head):
        if (parsed := _parse_word_date(m.group(0))) is not None:
            candidates.append((m.start(), parsed))
    return min(candidates)[1] if candidates else None


def find_outlet(text: str) -> str | None:
    for pattern in _OUTLET_PATTERNS:
        if m := pattern.search(text):
            return m["o"].strip(" \"'«»")
    return None


def find_title(text: str) -> str | None:
    lines = text.split("\n")
    skip = furniture_lines(lines)
    return next((line.strip() for i, line in enumerate(lines) if line.strip() and i not in skip), None)


def resolve_metadata(text: str, given: dict[str, str]) -> tuple[dict[str, str], list[str]]:
    """Merge given metadata with what the text states; returns (fields, inferred field names)."""
    inferred_values = {
        "title": find_title(text),
        "outlet": find_outlet(text),
        "published": (d.isoformat() if (d := find_stated_date(text)) else None),
        "language": detect_language(text[:2000]),
    }
    fields: dict[str, str] = {}
    inferred: list[str] = []
    for name in FIELDS:
        if given.get(name):
            fields[name] = given[name]
        elif inferred_values.get(name):
            fields[name] = inferred_values[name]
            inferred.append(name)
    if "published" in fields:
        fields["published"] = _iso_date(fields["published"])
    return fields, inferred


def _iso_date(value: str) -> str:
    """Normalise a given date ("2018-04-12 10:00:00", "8 يوليو 2020") to ISO; keep it if unparseable."""
    if m := _NUMERIC_STAMP.search(value):
        try:
            return date(int(m["y"]), int(m["m"]), int(m["d"])).isoformat()
        except ValueError:
            pass
    parsed = _parse_word_date(value)
    return parsed.isoformat() if parsed else value
