"""The answer's text (``bot.answer.render``) for every kind of value a question can ask and no quote states."""

from __future__ import annotations

import pytest

from bot.answer import render
from bot.schema import Citation
from language.lexicon import ASKED_NOUNS_AR, question_kind

QUOTE = "Talks ended without a statement."
CITATION = Citation(n=1, doc_id="d", chunk_id="d:0", quote=QUOTE, start=0, end=len(QUOTE), score=0.9, attributed_to="Outlet")
#: Every kind ``question_kind`` can return, and "answer" (the gate's: the quotes do not answer).
KINDS = sorted({*ASKED_NOUNS_AR, "date", "number", "place", "person", "answer"})


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("kind", KINDS)
def test_an_unstated_value_of_any_kind_says_the_collection_does_not_say_and_shows_the_closest_quotes(kind, lang):
    text = render(lang, [CITATION], [], [], None, kind)
    assert text.startswith("The collection does not say" if lang == "en" else "لا تذكر المجموعة ذلك")
    assert QUOTE in text


def test_the_kinds_listed_are_the_kinds_questions_ask():
    asked = {question_kind(q) for q in ("When?", "How many?", "Where?", "Who?", "متى؟", "كم؟", "أين؟", "من؟")}
    assert asked <= set(KINDS)
