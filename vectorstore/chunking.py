"""Arabic-aware sentence splitting and sentence-aligned chunks, all as offsets.

Everything here returns character spans into the original text, never copies
that might drift: the invariant ``original[start:end] == chunk.text`` is what
lets a citation be highlighted in the source and checked by anyone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from language.calendar import MONTH_ABBREVIATIONS
from vectorstore.furniture import furniture_lines

# A sentence ends at . ! ? ؟ ؛ (optionally followed by closing quotes/brackets),
# when what follows is whitespace, a comma run-on (seed 002 joins sentences with
# ".,"), or the end of the line. "(..)" and "إسرائيلي.. مقتل" are ellipses, and
# "2.5" has no space after the dot, so neither splits.
_END = re.compile(r"(?<!\.)(?:[.!?؟؛](?!\.))[\"'»”)\]]*(?=\s|[,،]|$)")
_RUN_ON = re.compile(r"[\s,،]*")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\.$")


def _mid_sentence(text: str, match: re.Match, line_end: int) -> bool:
    """A bare dot that ends an English abbreviation, not a sentence.

    Why: a wire dateline ("GENOA, Italy, Aug. 15, 2018 — The toll …") was cut
    after "Aug.", leaving its date and its first sentence in two quotes. An
    English sentence never starts lowercase ("the U.S. envoy"), and a CLDR
    month abbreviation before a day number is a date. Arabic has no case, so
    only these two forms are read.
    """
    if match.group() != ".":
        return False
    following = text[match.end() : line_end].lstrip()
    if not following:
        return False
    if following[0].isascii() and following[0].islower():
        return True
    word = _WORD_BEFORE.search(text, max(0, match.start() - 12), match.end())
    return bool(word) and word.group(1).lower() in MONTH_ABBREVIATIONS and following[0].isdigit()


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class Chunk:
    index: int
    start: int
    end: int
    text: str
    sentences: tuple[Span, ...]


def _trim(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start] in " \t\n,،":
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if end > start else None


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentence spans of ``text[start:end]``; line breaks always end a sentence."""
    end = len(text) if end is None else end
    spans: list[Span] = []
    line_start = start
    while line_start < end:
        line_end = text.find("\n", line_start, end)
        line_end = end if line_end == -1 else line_end
        cursor = line_start
        for match in _END.finditer(text, line_start, line_end):
            if _mid_sentence(text, match, line_end):
                continue
            if (span := _trim(text, cursor, match.end())) is not None:
                spans.append(span)
            cursor = _RUN_ON.match(text, match.end(), line_end).end()
        if (span := _trim(text, cursor, line_end)) is not None:
            spans.append(span)
        line_start = line_end + 1
    return spans


def body_blocks(text: str) -> list[Span]:
    """Maximal runs of body lines (furniture removed), as spans of ``text``."""
    lines = text.split("\n")
    skip = furniture_lines(lines)
    blocks: list[Span] = []
    offset, block_start = 0, None
    for i, line in enumerate(lines):
        if i in skip:
            if block_start is not None:
                blocks.append(Span(block_start, offset - 1))
                block_start = None
        elif block_start is None and line.strip():
            block_start = offset
        offset += len(line) + 1
    if block_start is not None:
        blocks.append(Span(block_start, len(text)))
    return [s for b in blocks if (s := _trim(text, b.start, b.end)) is not None]


def chunk_text(text: str, max_chars: int = 700) -> list[Chunk]:
    """Group whole sentences of the body into chunks of at most ``max_chars``.

    A single sentence longer than ``max_chars`` becomes its own chunk rather than
    being cut: a quote must never end mid-sentence. Chunks never cross furniture.
    """
    chunks: list[Chunk] = []
    for block in body_blocks(text):
        group: list[Span] = []
        for sentence in split_sentences(text, block.start, block.end):
            if group and sentence.end - group[0].start > max_chars:
                chunks.append(_make_chunk(text, len(chunks), group))
                group = []
            group.append(sentence)
        if group:
            chunks.append(_make_chunk(text, len(chunks), group))
    return chunks


def _make_chunk(text: str, index: int, sentences: list[Span]) -> Chunk:
    start, end = sentences[0].start, sentences[-1].end
    return Chunk(index, start, end, text[start:end], tuple(sentences))
