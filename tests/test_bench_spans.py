"""bench.spans' clause chooser, fitted from clause items alone (``--clauses``): which questions it serves and what it learns."""

from __future__ import annotations

import numpy as np

from bench.answers import Question
from bench.spans import ClauseItem, asks_no_kind, cross_validate_clauses, fit_clauses
from bot.direct import CLAUSE_FEATURES


def _question(text: str, n: int) -> Question:
    return Question(f"q{n}", text, "ar", "arcd", f"arcd-{n}-0", "x", 0)


def test_the_clause_chooser_serves_questions_of_no_value_kind():
    assert asks_no_kind(_question("ماذا يسبب نقص الحديد في الدم؟", 0))
    assert not asks_no_kind(_question("متى تأسست الجامعة؟", 1))


def test_the_chooser_learns_the_feature_of_the_clauses_holding_the_gold_span():
    # the clause after the one repeating the question holds the answer in every sentence: its weight comes out positive
    after = CLAUSE_FEATURES.index("after_best")
    items = []
    for n in range(40):
        X = np.zeros((3, len(CLAUSE_FEATURES)))
        X[:, 0] = [0.2, 0.8, 0.1]  # cover: the second clause repeats the question
        X[2, after] = 1.0
        items.append(ClauseItem(_question("ماذا أعلنت الحكومة؟", n), X, np.array([0.0, 0.0, 1.0])))
    assert fit_clauses(items).coef[after] > 0
    table = cross_validate_clauses(items)
    assert table["arcd ar"]["clause_after"] == 1.0 and table["arcd ar"]["clause_before"] == 0.0
