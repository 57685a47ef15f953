"""Offset-keeping Arabic folding for span-producing text logic.

Why: ``vectorstore.normalize.normalize_arabic`` is the one place that decides how
spellings fold (سورية/سوريا, أ/ا, ٢٤/24), but it may change the text's length,
and claim/time/attribution spans must point into the verbatim original. Folding
character by character with the same function keeps both: one folding rule, and
a map from every folded index back to the original.
"""

from __future__ import annotations

from vectorstore.normalize import normalize_arabic


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """Fold ``text`` like ``normalize_arabic`` and map each folded char to its origin.

    Returns ``(folded, origin)`` with ``len(origin) == len(folded) + 1``; the
    extra last entry is ``len(text)`` so an end offset maps cleanly.
    """
    out: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        folded = normalize_arabic(ch)
        out.append(folded)
        origin.extend([i] * len(folded))
    origin.append(len(text))
    return "".join(out), origin


def original_span(origin: list[int], start: int, end: int) -> tuple[int, int]:
    """Map a folded ``[start, end)`` span back to the original text."""
    if end <= start:
        return origin[start], origin[start]
    return origin[start], origin[end - 1] + 1
