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


def restating(doc: str, start: int, text: str, score: float, restates: float = 0.8) -> EvidenceSentence:
    """A sentence whose USE cosine with the best sentence is ``restates``."""
    return EvidenceSentence(doc, f"{doc}:0", start, start + len(text), text, score, 0.0, 0.0, restates=restates)


C_OTHER_EVENT = sentence("c", 0, "قتل 7 أشخاص في انفجار سيارة مفخخة في سوق مزدحم.", 0.55)
B_RESTATES = restating("b", 0, "أعلنت الشرطة مقتل 30 شخصا في الهجوم.", 0.2)


def test_an_article_restating_the_best_sentence_gets_a_slot_before_second_sentences_and_other_events():
    plain = sentence("b", 0, B_RESTATES.text, 0.2)
    assert plain not in _choose(sorted([LEAD, A_OTHER, C_OTHER_EVENT, A_FIGURE, plain], key=_order), 3, 2, False)  # a twice, c
    scored = sorted([LEAD, A_OTHER, C_OTHER_EVENT, A_FIGURE, B_RESTATES], key=_order)
    assert _choose(scored, limit=3, per_doc=2, asks_count=False) == [LEAD, C_OTHER_EVENT, B_RESTATES]  # b takes a's second slot
    assert _choose(scored, limit=2, per_doc=2, asks_count=False) == [LEAD, B_RESTATES]  # and comes before an unrelated article
    own = restating("a", 300, "وقتل 30 شخصا في الهجوم بحسب الشرطة.", 0.6)  # the best article restating itself is no other outlet
    assert _choose(sorted([LEAD, own, C_OTHER_EVENT], key=_order), limit=2, per_doc=2, asks_count=False) == [LEAD, own]


def test_a_near_tie_that_says_something_else_keeps_its_place_before_restatements():
    other_answer = sentence("a", 300, "وفي صيف 2018 وقع الطرفان اتفاقا آخر.", 0.85)  # within NEAR_TIE of the best, not restating it
    scored = sorted([LEAD, other_answer, B_RESTATES], key=_order)
    assert _choose(scored, limit=2, per_doc=2, asks_count=False) == [LEAD, other_answer]
    echo = restating("a", 300, other_answer.text, 0.85)  # the same near tie restating the best: redundant, gives way
    assert _choose(sorted([LEAD, echo, B_RESTATES], key=_order), limit=2, per_doc=2, asks_count=False) == [LEAD, B_RESTATES]


def test_a_restating_article_quoted_once_for_a_count_question_quotes_its_figure():
    b_figure = sentence("b", 60, "وبلغ عدد القتلى 25 قتيلا.", 0.15)
    lead_b = restating("b", 0, "أكدت السلطات سقوط ضحايا في الهجوم.", 0.2)
    scored = sorted([LEAD, A_FIGURE, A_OTHER, C_OTHER_EVENT, lead_b, b_figure], key=_order)
    assert _choose(scored, limit=2, per_doc=2, asks_count=True) == [LEAD, b_figure]
