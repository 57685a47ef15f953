"""Credit lines read by their slots: who published a story when its dateline or byline takes a form no reader lists.

Every new source brings a dateline form nobody wrote ("By Jane Roe | Reuters", "Date: 2018-07-25 | Source: Mehr News
Agency", "Damascus, SANA- …", "Riyadh, <Hijri date>, September 6, 2018, SPA -- …", "[المصدر: وكالة الأناضول]", a
paragraph closing "— (وكالة سبوتنيك)"). Reading them form by form kept trailing the next source. What they share is
structure: a short line at the article's edge (or the head of one, up to the dash that opens the story) made of slots
that are each a place, a date or clock time, a writer's byline or a label ("Source:") — and one short name, which is
the outlet. This reader is ``vectorstore.metadata``'s last resort: what the listed forms read is never changed.
"""

from __future__ import annotations

import re

from language.calendar import calendar_word, resolve_times
from language.lexicon import BYLINE_WORDS, CREDIT_LABELS, OUTLET_WORDS_AR
from language.normalize import normalize_arabic
from language.places import is_place

#: Non-empty lines at the article's top (title first) and bottom where a credit line may stand.
HEAD_LINES = 4
TAIL_LINES = 2
#: A line with no dash to end its head is a credit line of its own only when it is this short.
LINE_WORDS = 12
#: The most words an outlet's name has in a slot.
NAME_WORDS = 4
#: The dash that ends a dateline's head and opens the story: spaced, doubled, or glued to the agency ("SANA- The").
_STORY_DASH = re.compile(r"\s+[-–—]{1,2}\s+|[-–—]{2}|(?<=[^\W\d_])-\s+")
#: What parts a head into slots: a bar, a comma, a bracket, a slash (dates are kept whole before it is applied).
_SLOT_CUT = re.compile(r"\s*[|,،\[\]()（）/]\s*")
#: A label before its slot's value: "Source: X", "المصدر: X", "Date: 2018-07-25".
_LABEL = re.compile(r"^(?P<label>[^\W\d_]{2,12})\s*:\s*(?P<value>.+)$")
#: Quotes and stops around a slot's words.
_AROUND = " \"'«»“”."
#: A paragraph closing with its agency in brackets after a dash: "… اقترحتها روسيا. — (وكالة سبوتنيك)".
_TAIL_CREDIT = re.compile(r"[-–—]{1,2}\s*[(（](?P<o>[^()（）\n\d]{2,40})[)）]\s*$")
#: A copyright notice closing the page, its holder after the sign and year: "Copyright (c) 2018 Press Association. All
#: rights reserved.", "© 2019 سكاي نيوز عربية".
_COPYRIGHT = re.compile(
    r"(?:©|\([cC]\)|\bcopyright\b)(?:[^\S\n]*(?:©|\([cC]\)))?[^\S\n]*(?:\d{4}(?:[^\S\n]*[-–][^\S\n]*\d{4})?)?[,،]?"
    r"[^\S\n]*(?P<o>[^\d.,،\n©()]{2,40}?)[^\S\n]*(?:[.,،]|$)",
    re.I,
)
_LATIN_NAME_WORD = re.compile(r"^(?:[A-Z][\w.&'’-]*|of|the|al-\w+)$")
_ARABIC = re.compile(r"[\u0600-\u06FF]")


def _name(slot: str, labelled: bool = False) -> str | None:
    """``slot`` as an outlet's name, or None: a few words, letters only, no month or weekday, no place, no byline;
    a Latin name is capitalised word by word ("Mehr News Agency"). Arabic has no capitals to tell a name from any
    other words, so unless a label names it the source an Arabic name must open with a kind of medium ("وكالة …"),
    which drops before a one-word name ("وكالة الأناضول" → "الأناضول": the proper noun, as bylines write it)."""
    words = slot.split()
    if not words or len(words) > NAME_WORDS or re.search(r"\d", slot):
        return None
    if any(calendar_word(normalize_arabic(w.lower())) for w in words) or normalize_arabic(words[0].lower()) in BYLINE_WORDS:
        return None
    if is_place(slot):
        return None
    if slot.isascii():
        return slot if words[0][0].isupper() and all(_LATIN_NAME_WORD.match(w) for w in words) else None
    if not all(_ARABIC.search(w) for w in words):
        return None
    if normalize_arabic(words[0]) in OUTLET_WORDS_AR:
        return words[1] if len(words) == 2 else slot if len(words) > 2 else None
    return slot if labelled else None


def _kind(slot: str, at: int, dates: list[tuple[int, int]]) -> str:
    """What one slot is: "date" (a date, a clock time, any figure), "place", "writer" (a byline) or "other"."""
    if re.search(r"\d", slot) or any(s < at + len(slot) and at < e for s, e in dates):
        return "date"  # a figure in a credit line is a date, a clock time or a Hijri day ("Dhu al-Hijjah 26", "1439")
    words = slot.split()
    if normalize_arabic(words[0].lower().rstrip(":")) in BYLINE_WORDS:
        return "writer"
    if is_place(slot):
        return "place"
    return "date" if all(calendar_word(normalize_arabic(w.lower())) for w in words) else "other"


def _slots(head: str, dates: list[tuple[int, int]]) -> list[tuple[str, int]]:
    """``head`` cut into slots (text, offset), quotes trimmed, a date's own commas and slashes ("September 6, 2018")
    kept inside it."""
    cuts = [m for m in _SLOT_CUT.finditer(head) if not any(s <= m.start() < e for s, e in dates)]
    bounds = [0, *(x for m in cuts for x in (m.start(), m.end())), len(head)]
    pieces = [(head[a:b], a) for a, b in zip(bounds[::2], bounds[1::2], strict=True)]
    return [(slot, at + raw.index(slot)) for raw, at in pieces if (slot := raw.strip(_AROUND))]


def slot_line_outlet(line: str) -> str | None:
    """The outlet a credit line names: its head (up to the story's dash; the whole line if it is short) parts into
    slots that are each a date, a place, a byline or a labelled value, and exactly one name, which is labelled as the
    source ("Source: X") or stands beside a date, a place or a byline."""
    dash = _STORY_DASH.search(line)
    if dash:
        head = line[: dash.start()]
    elif len(line.split()) <= LINE_WORDS:
        head = line
    else:
        return None
    dates = [(t.start, t.end) for t in resolve_times(head, None) if t.granularity in ("day", "month")]
    names: list[str] = []
    others: set[str] = set()
    for slot, at in _slots(head, dates):
        labelled = _LABEL.match(slot)
        if labelled and normalize_arabic(labelled["label"].lower()) in CREDIT_LABELS:
            return _name(labelled["value"].strip(_AROUND), labelled=True)
        if labelled:  # "Date: 2018-07-25", "Published: …": the value is the slot
            at, slot = at + labelled.start("value"), labelled["value"]
        kind = _kind(slot, at, dates)
        if kind != "other":
            others.add(kind)
        elif name := _name(slot):
            names.append(name)
        else:
            return None
    return names[0] if len(names) == 1 and others else None


def credit_line_outlet(text: str) -> str | None:
    """The outlet a credit line at the article's top (below the title) or bottom names, read by its slots
    (``slot_line_outlet``), or a paragraph there closing with its agency in brackets after a dash."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    edge = [*lines[1:HEAD_LINES], *lines[max(HEAD_LINES, len(lines) - TAIL_LINES) :]]
    for line in edge:
        if name := slot_line_outlet(line.strip("[]")):
            return name
    for line in edge:
        if (m := _TAIL_CREDIT.search(line)) and (name := _name(m["o"].strip())):
            return name
    return _copyright_holder(lines[-TAIL_LINES:])


def _copyright_holder(lines: list[str]) -> str | None:
    """The holder a copyright notice at the page's foot names: the publisher of the story above it. The sign labels
    the name as a "Source:" does, so an Arabic name needs no kind word before it."""
    for line in lines:
        if (m := _COPYRIGHT.search(line)) and (name := _name(m["o"].strip(_AROUND), labelled=True)):
            return name
    return None


__all__ = ["credit_line_outlet", "slot_line_outlet"]
