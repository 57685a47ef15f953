"""Which sentences of the retrieved articles are quoted: pure choice over scored sentences (``bot.evidence._choose``).

A "how many" question must quote each article's figure, or two outlets' different
counts can never be compared; and equal scores must not depend on retrieval order.
"""

from __future__ import annotations

from bot.evidence import EvidenceSentence, _choose, _order


def sentence(doc: str, start: int, text: str, score: float) -> EvidenceSentence:
    return EvidenceSentence(doc, f"{doc}:0", start, start + len(text), text, score, 0.0, 0.0)


LEAD = sentence("a", 0, "أعلنت الشرطة سقوط قتلى ومصابين في الهجوم.", 0.9)
A_FIGURE = sentence("a", 100, "وقال المتحدث إن 30 شخصا أصيبوا في الحادث.", 0.3)
A_OTHER = sentence("a", 200, "وطالبت الشرطة السكان بتجنب وسط المدينة.", 0.5)
B_LEAD = sentence("b", 0, "أكدت السلطات سقوط ضحايا في عملية الدهس.", 0.6)
B_FIGURE = sentence("b", 50, "وبلغ عدد المصابين 20 مصابا بحسب الشرطة.", 0.35)


def test_a_count_question_quotes_each_articles_figure_and_keeps_the_lead_first():
    scored = sorted([LEAD, A_FIGURE, A_OTHER, B_LEAD, B_FIGURE], key=lambda e: -e.score)
    chosen = _choose(scored, limit=3, per_doc=2, asks_count=True)
    assert chosen[0] is LEAD  # what the answer abstains on is unchanged
    assert A_FIGURE in chosen and A_OTHER not in chosen  # the article's second slot holds its figure
    assert B_FIGURE in chosen and B_LEAD not in chosen  # one slot: the figure, being more than half as likely as the lead
    assert {e.doc_id for e in chosen} == {"a", "b"}  # which articles are quoted is decided by score as for any question


def test_other_questions_and_far_weaker_figures_keep_the_plain_order():
    scored = sorted([LEAD, A_FIGURE, A_OTHER, B_LEAD, B_FIGURE], key=lambda e: -e.score)
    assert _choose(scored, limit=3, per_doc=2, asks_count=False) == [LEAD, B_LEAD, A_OTHER]
    weak = sentence("b", 50, "وبلغ عدد المصابين 20 مصابا.", 0.1)
    chosen = _choose(sorted([LEAD, B_LEAD, weak], key=lambda e: -e.score), limit=2, per_doc=2, asks_count=True)
    assert chosen == [LEAD, B_LEAD]


def test_equal_scores_are_ordered_by_article_and_offset_whatever_the_retrieval_order():
    ties = [sentence("b", 10, "جملة ثانية.", 0.5), sentence("a", 40, "جملة أولى.", 0.5 + 1e-9), sentence("a", 5, "جملة ثالثة.", 0.5)]
    for order in (ties, ties[::-1], ties[1:] + ties[:1]):
        ranked = sorted(order, key=_order)  # as select_evidence ranks its candidates
        assert [(e.doc_id, e.start) for e in ranked] == [("a", 5), ("a", 40), ("b", 10)]
        assert [(e.doc_id, e.start) for e in _choose(ranked, limit=2, per_doc=2, asks_count=False)] == [("a", 5), ("a", 40)]
