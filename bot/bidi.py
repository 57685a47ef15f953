"""Right-to-left / left-to-right layout of mixed Arabic and Latin text, as HTML.

Arabic answers quote English outlet names and carry ``[n]`` markers; English
answers quote Arabic. Without isolation the Unicode bidi algorithm glues a
marker or a foreign run to its neighbour and "Tuesday [1]." comes out as
"[1] Tuesday." in an RTL line. Each message therefore gets its own base
direction, and every marker and every run of the other script is wrapped in
``<bdi>`` so it is laid out on its own.
"""

from __future__ import annotations

import html
import re
from typing import Literal

Direction = Literal["rtl", "ltr"]

_ARABIC_LETTER = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")
_LATIN_LETTER = re.compile(r"[A-Za-z]")
_MARKER = r"\[\d+\]"
#: A run of Latin words (with digits and inner punctuation) inside Arabic text.
_LATIN_RUN = r"[A-Za-z][A-Za-z0-9'’.\-]*(?:[ ,]+[A-Za-z0-9][A-Za-z0-9'’.\-]*)*"
#: A run of Arabic words inside English text.
_ARABIC_RUN = r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]+(?:\s+[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]+)*"
#: A quoted passage: quoted as one unit, in the direction of its own script (its marks included).
_QUOTED = re.compile(r"«[^«»\n]+»|“[^“”\n]+”")
#: The quote marks a passage is shown with, by the direction of its script.
_MARKS: dict[Direction, tuple[str, str]] = {"rtl": ("«", "»"), "ltr": ("“", "”")}
_SPLIT = {
    "rtl": re.compile(f"({_MARKER}|{_LATIN_RUN})"),
    "ltr": re.compile(f"({_MARKER}|{_ARABIC_RUN})"),
}


def direction(text: str) -> Direction:
    """RTL when Arabic letters outnumber Latin ones: a question is laid out in its own script."""
    return "rtl" if len(_ARABIC_LETTER.findall(text)) > len(_LATIN_LETTER.findall(text)) else "ltr"


def isolate(text: str, base: Direction) -> str:
    """Escape ``text`` for HTML and wrap each ``[n]`` marker and foreign-script run in ``<bdi>``.

    A quote in the other script is one ``<bdi>`` with its own marks: split into
    runs around its punctuation, an Arabic quote in an English line would be laid
    out phrase by phrase from left to right, and read backwards.
    """
    out, at = [], 0
    for m in _QUOTED.finditer(text):
        inner = m.group()[1:-1]
        if direction(inner) == base:
            continue
        other = direction(inner)
        opening, closing = _MARKS[other]
        out.append(_runs(text[at : m.start()], base))
        out.append(f'<bdi dir="{other}" class="quote">{opening}{_runs(inner, other)}{closing}</bdi>')
        at = m.end()
    out.append(_runs(text[at:], base))
    return "".join(out)


def _runs(text: str, base: Direction) -> str:
    """``text`` escaped, with each marker and foreign-script run in its own ``<bdi>``."""
    out = []
    for i, part in enumerate(_SPLIT[base].split(text)):
        if not part:
            continue
        if i % 2 == 0:
            out.append(html.escape(part))
        elif re.fullmatch(_MARKER, part):
            out.append(f'<bdi class="cite">{part}</bdi>')
        else:
            other = "ltr" if base == "rtl" else "rtl"
            out.append(f'<bdi dir="{other}">{html.escape(part)}</bdi>')
    return "".join(out)


def block(text: str, base: Direction | None = None, tag: str = "div", css_class: str = "") -> str:
    """``text`` as one HTML element with an explicit direction.

    Lines stay lines, and consecutive "- " lines become a list, so each bullet
    sits at the start side of its own direction.
    """
    base = base or direction(text)
    body, items = [], []
    for line in text.split("\n"):
        if line.startswith("- "):
            items.append(f"<li>{isolate(line[2:], base)}</li>")
            continue
        if items:
            body.append(f"<ul>{''.join(items)}</ul>")
            items = []
        body.append(isolate(line, base) + "<br>")
    if items:
        body.append(f"<ul>{''.join(items)}</ul>")
    body = "".join(body).removesuffix("<br>")
    cls = f' class="{css_class}"' if css_class else ""
    return f'<{tag} dir="{base}"{cls} style="text-align: {"right" if base == "rtl" else "left"}">{body}</{tag}>'
