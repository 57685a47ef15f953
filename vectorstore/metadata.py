"""Article metadata: what the user gave, else what the text itself states.

A fact-checker must know whether "published 8 July 2020" came from the
publisher's sidecar or was read off a date stamp in the scraped page, so every
field records its provenance (`inferred` lists the fields read from the text).
Dates are read by ``language.calendar`` (the same reader claims use), so a
dateline ("DAMASCUS, July 6, 2020 (Reuters) —", "دمشق 8 يوليو 2020 (شينخوا)")
is the publication date the text states.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from language.calendar import find_anchor, resolve_times
from language.normalize import detect_language
from vectorstore.furniture import furniture_lines

FIELDS = ("title", "outlet", "published", "url", "language")

_OUTLET_PATTERNS = [
    re.compile(r"^\s*المصدر\s*\|\s*(?P<o>[^+\n|]+?)\s*(?:\+.*)?$", re.M),  # المصدر | الخليج الجديد + متابعات
    re.compile(r"^\s*/?\s*مصدر\s*:\s*(?P<o>[^/\n]+?)\s*/", re.M),  # /مصدر: شينخوا/
    re.compile(r"^[^\n(]{2,30}\d{4}\s*\((?P<o>[^()\n\d]{2,25})\)", re.M),  # دمشق 8 يوليو 2020 (شينخوا)
]


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
    """Merge given metadata with what the text states; returns (fields, inferred field names).

    A field is read off the text only when it was not given: reading the date was a
    quarter of ingest's non-embedding time (profiled), and news feeds give it.
    """
    readers: dict[str, Callable[[], str | None]] = {
        "title": lambda: find_title(text),
        "outlet": lambda: find_outlet(text),
        "published": lambda: d.isoformat() if (d := find_anchor(text)) else None,
        "language": lambda: detect_language(text[:2000]),
    }
    fields: dict[str, str] = {}
    inferred: list[str] = []
    for name in FIELDS:
        if given.get(name):
            fields[name] = given[name]
        elif name in readers and (value := readers[name]()):
            fields[name] = value
            inferred.append(name)
    if "published" in fields:
        fields["published"] = _iso_date(fields["published"])
    return fields, inferred


def _iso_date(value: str) -> str:
    """Normalise a given date ("2018-04-12 10:00:00", "8 يوليو 2020", "July 6, 2020") to ISO; keep it if unparseable."""
    day = next((t.value_start for t in resolve_times(value, None) if t.resolved and t.granularity == "day"), None)
    return day.isoformat() if day else value
