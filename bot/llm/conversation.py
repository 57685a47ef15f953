"""Follow-up questions: rewrite "And who says otherwise?" into a question retrieval can answer.

Retrieval sees one question at a time, so a follow-up that leans on the previous
turn ("ومتى وقعت الاتفاقية؟") must carry that turn's subject. With a model
configured, the model rewrites it; without one (or when the model fails), the
previous question's content words and names are carried over. Only questions
that look like follow-ups are touched: short ones that name nothing themselves.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence

from bot.entities import find_entities
from language.normalize import STOPWORDS, bm25_tokens, normalize_arabic

log = logging.getLogger(__name__)

#: A question with at most this many content words, naming nothing, leans on the previous turn.
MAX_FOLLOW_UP_WORDS = 3
_WORD = re.compile(r"\w+")
_NAME = re.compile(r"(?<!^)(?<![.?!؟]\s)\b[A-Z]\w+")

Rewriter = Callable[[list[str], str], str]


def is_follow_up(question: str) -> bool:
    """Short and naming no entity of its own (gazetteer, or a capitalised word inside an English sentence)."""
    if find_entities(question, with_roles=False) or _NAME.search(question.strip()):
        return False
    return len(bm25_tokens(question)) <= MAX_FOLLOW_UP_WORDS


def _key(word: str) -> str:
    return normalize_arabic(word).lower()


def carry_context(previous: str, question: str) -> str:
    """The follow-up plus the previous question's content words it lacks."""
    have = {_key(w) for w in _WORD.findall(question)}
    carried = [w for w in _WORD.findall(previous) if _key(w) not in STOPWORDS and _key(w) not in have]
    return f"{question} {' '.join(dict.fromkeys(carried))}".strip()


def standalone_question(history: Sequence[str], question: str, rewrite: Rewriter | None = None) -> str:
    """The question to retrieve with, given the user's earlier questions (oldest first)."""
    earlier = [h.strip() for h in history if h and h.strip()]
    if not earlier or not is_follow_up(question):
        return question
    if rewrite is not None:
        try:
            rewritten = " ".join(rewrite(earlier, question).split())
            if rewritten and len(rewritten) <= 4 * max(len(question), len(earlier[-1])):
                return rewritten
        except Exception as exc:  # a model failure must not fail the question
            log.warning("rewriting a follow-up with the model failed: %r", exc)
    previous = standalone_question(earlier[:-1], earlier[-1])
    return carry_context(previous, question)
