"""Bridge English questions to Arabic keywords for the BM25 side of retrieval.

Stemmed BM25 is the strongest retriever on Arabic text here, but it cannot match
"Bagheri" to "باقري". Appending the Arabic forms of known names (from the
entity gazetteer) and of common news words (``crosslingual.json``) lets the
keyword side contribute for English questions too. Unknown words add nothing, so
an off-topic English question still finds no keyword evidence and abstains.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from bot.entities import gazetteer
from language.normalize import detect_language


@lru_cache(maxsize=1)
def _lexicon() -> list[tuple[re.Pattern[str], str]]:
    terms: dict[str, str] = json.loads(Path(__file__).with_name("crosslingual.json").read_text(encoding="utf-8"))["terms"]
    for entity in gazetteer().values():
        terms.setdefault(entity.en.lower(), entity.ar)
    # Longest phrases first, so "air defence" wins over "defence".
    return [(re.compile(rf"\b{re.escape(k)}\b", re.I), v) for k, v in sorted(terms.items(), key=lambda kv: -len(kv[0]))]


def arabic_keywords(question: str) -> str:
    """Arabic forms of the English words in ``question`` that we know; '' for Arabic questions."""
    if detect_language(question) == "ar":
        return ""
    found: list[str] = []
    remaining = question
    for pattern, arabic in _lexicon():
        if pattern.search(remaining):
            found.append(arabic)
            remaining = pattern.sub(" ", remaining)
    return " ".join(found)


def keyword_query(question: str) -> str:
    """The text the keyword retriever searches with: the question plus its Arabic bridge."""
    bridge = arabic_keywords(question)
    return f"{question} {bridge}" if bridge else question
