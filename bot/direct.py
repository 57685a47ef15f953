"""The direct answer: one line that says the answer itself, and who says it, before the quotes.

Read, not generated: the value is taken from the quotes the ranker put first,
with the reader the question's kind calls for (``bot.ranker.question_kind``): a
date from the calendar reader, resolved against the article's anchor date
(``language.calendar``); a number with its counted noun (``language.numbers``);
a person or a place; otherwise the clause of the top quote that shares most
words with the question. The first citation (in rank order) that holds a value
of the kind asked for gives it; every citation stating the same normalized
value is credited. Wording lives in ``prompts/answer.toml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import prompts
from bot.attribution import extract_attributions
from bot.ranker import NAME_PATTERN, place_pattern, question_kind
from bot.schema import Citation, DirectAnswer
from language.calendar import TimeMention, format_day, format_month, resolve_times
from language.normalize import bm25_tokens, detect_language, fold_with_offsets, original_span
from language.numbers import find_quantities

#: Longest clause shown when the question asks for no particular kind of value.
MAX_CLAUSE_CHARS = 160


@dataclass(frozen=True)
class Value:
    """A value read from a quote: its verbatim words, comparable form and display form."""

    words: str
    normalized: str
    display: str


def _show_time(m: TimeMention, lang: str) -> str:
    if not m.resolved or m.value_start is None:
        return m.text
    if m.granularity == "day":
        return format_day(m.value_start, lang, m.part_of_day)
    if m.granularity == "month":
        return format_month(m.value_start.year, m.value_start.month, lang)
    if m.granularity == "year":
        return str(m.value_start.year)
    return m.text


def read_date(quote: str, anchor: date | None, lang: str) -> Value | None:
    """The first date the quote states, resolved to the calendar (a resolved day preferred)."""
    mentions = resolve_times(quote, anchor, detect_language(quote))
    if not mentions:
        return None
    best = next((m for m in mentions if m.resolved and m.granularity == "day"), None) or next(
        (m for m in mentions if m.resolved), mentions[0]
    )
    return Value(best.text, best.normalized, _show_time(best, lang))


def read_number(quote: str, question: str = "") -> Value | None:
    """A count or measure with its unit ("308 نقطة", "more than 1,000 people").

    The one counting what the question names ("كم عدد القتلى" → "10 قتلى", not "73 جريحا") when
    its unit shares a stem with the question, else the first with a unit, else the first.
    """
    quantities = find_quantities(quote)
    if not quantities:
        return None
    asked = set(bm25_tokens(question))
    q = next((q for q in quantities if q.unit_text and asked & set(bm25_tokens(q.unit_text))), None) or next(
        (q for q in quantities if q.unit), quantities[0]
    )
    amount = f"{q.low:g}" if q.high == q.low else f"{q.low:g}-{q.high:g}" if q.high is not None else f"≥{q.low:g}"
    normalized = f"{amount} {q.unit_text or q.unit or ''}".strip()
    return Value(q.text, normalized, q.text)


def read_person(quote: str) -> Value | None:
    """Who the quote names: a party it cites (reporting verbs), or a capitalised name."""
    for a in extract_attributions(quote):
        if a.party and a.party_start is not None:
            return Value(a.party, a.party, a.party)
    m = NAME_PATTERN.search(quote)
    return Value(m.group(0), m.group(0), m.group(0)) if m else None


def read_place(quote: str) -> Value | None:
    """A country or region the quote names (CLDR territory names, Arabic and English)."""
    folded, origin = fold_with_offsets(quote)
    m = place_pattern().search(folded)
    if not m:
        return None
    s, e = original_span(origin, m.start(), m.end())
    return Value(quote[s:e], m.group(0), quote[s:e])


def read_clause(question: str, quote: str) -> Value:
    """The clause of the quote sharing most words with the question (the first on a tie), cut to a line."""
    terms = set(bm25_tokens(question))
    clauses = [c.strip() for c in re.split(r"[،,;؛:]\s", quote) if c.strip()] or [quote]
    best = max(clauses, key=lambda c: (len(terms & set(bm25_tokens(c))), -clauses.index(c)))
    if len(best) > MAX_CLAUSE_CHARS:
        best = best[:MAX_CLAUSE_CHARS].rsplit(" ", 1)[0] + "…"
    return Value(best, best, best)


def read_value(kind: str, question: str, quote: str, anchor: date | None, lang: str) -> Value | None:
    if kind == "date":
        return read_date(quote, anchor, lang)
    if kind == "number":
        return read_number(quote, question)
    if kind == "person":
        return read_person(quote)
    if kind == "place":
        return read_place(quote)
    return read_clause(question, quote)


def _same(kind: str, a: Value, b: Value) -> bool:
    """Do two quotes state the same answer? Dates compare by day ("evening" or not), the rest by normalized form."""
    if kind == "date":
        return a.normalized.split(" ")[0] == b.normalized.split(" ")[0]
    return a.normalized == b.normalized


def direct_answer(question: str, lang: str, citations: list[Citation], anchors: dict[str, date | None]) -> DirectAnswer | None:
    """The one-line answer from ranked citations (best first); None when there is nothing to quote.

    ``anchors`` maps each cited article to the date its relative words resolve against.
    """
    if not citations:
        return None
    kind = question_kind(question) or "clause"
    read = [(c, read_value(kind, question, c.quote, anchors.get(c.doc_id), lang)) for c in citations]
    found = next(((c, v) for c, v in read if v is not None), None)
    if found is None:  # no quote holds the kind asked for: say what the best quote says
        kind, top = "clause", citations[0]
        found = (top, read_clause(question, top.quote))
        read = [(top, found[1])]
    top, value = found
    stating = [c for c, v in read if v is not None and _same(kind, v, value)] or [top]
    t = prompts.load("answer")[lang]
    sources = t["and"].join(dict.fromkeys(c.attributed_to for c in stating))
    refs = "".join(f"[{c.n}]" for c in stating)
    text = t["direct"].format(value=value.display, sources=sources, refs=refs)
    return DirectAnswer(text=text, value=value.words, normalized=value.normalized, kind=kind, citations=[c.n for c in stating])
