"""Each outlet's own statement of the figure asked (``bot.evidence._figures``): which articles report the same
figure, and who gets a quote when the budget is short.

The sentences below are made up (no dev-set gold); USE vectors are set by hand where restatement matters.
"""

from __future__ import annotations

import numpy as np

from bot.evidence import EvidenceSentence, _choose, _order, asked_nouns, choose_quotes


def unit(*xs: float) -> np.ndarray:
    v = np.asarray(xs, dtype=float)
    return v / np.linalg.norm(v)


def sentence(doc: str, start: int, text: str, score: float, vector: np.ndarray | None = None, restates: float = 0.0) -> EvidenceSentence:
    return EvidenceSentence(doc, f"{doc}:0", start, start + len(text), text, score, 0.0, 0.0, restates=restates, vector=vector)


def figures(chosen: list[EvidenceSentence]) -> dict[str, str]:
    return {ev.doc_id: ev.text for ev in chosen if ev.figure}


QUESTION = "كم مهاجرا وصلوا إلى الجزيرة الأسبوع الماضي؟"
ASKED = asked_nouns(QUESTION)
A_LEAD = sentence("a", 0, "وصل 420 مهاجرا إلى الجزيرة الأسبوع الماضي على متن قوارب صغيرة.", 0.9, unit(1, 0, 0))


def test_a_weak_article_whose_figure_restates_the_answers_is_the_same_report():
    b_lead = sentence("b", 0, "انطلقت أعمال القمة في العاصمة.", 0.05, unit(0, 1, 0), restates=0.1)  # scores low, restates nothing
    b_figure = sentence("b", 40, "ووصل 380 مهاجرا إلى الجزيرة الأسبوع الماضي.", 0.02, unit(0.95, 0, 0.3))
    chosen = _choose(sorted([A_LEAD, b_lead, b_figure], key=_order), limit=2, per_doc=2, asks="number", asked=ASKED)
    assert figures(chosen) == {"b": b_figure.text}
    elsewhere = sentence("b", 40, "وقتل 7 أشخاص في انفجار بسوق مزدحم.", 0.02, unit(0, 0.2, 1))  # another event: no slot
    assert figures(_choose(sorted([A_LEAD, b_lead, elsewhere], key=_order), limit=2, per_doc=2, asks="number", asked=ASKED)) == {}


def test_when_quotes_run_short_an_article_counting_the_noun_asked_goes_before_one_holding_any_number():
    c_lead = sentence("c", 0, "وقال خفر السواحل إن القوارب انطلقت من الساحل المقابل.", 0.6, restates=0.7)
    c_other = sentence("c", 60, "وتبعد الجزيرة 140 كيلومترا عن الساحل.", 0.3)  # some number, not of migrants
    d_lead = sentence("d", 0, "أنقذت فرق الإغاثة قاربا قرب الجزيرة.", 0.4, restates=0.7)
    d_figure = sentence("d", 60, "وكان على متن القوارب 410 مهاجرين.", 0.1)
    scored = sorted([A_LEAD, c_lead, c_other, d_lead, d_figure], key=_order)
    chosen = _choose(scored, limit=2, per_doc=2, asks="number", asked=ASKED)
    assert figures(chosen) == {"d": d_figure.text}
    assert figures(_choose(scored, limit=3, per_doc=2, asks="number", asked=ASKED)) == {"c": c_other.text, "d": d_figure.text}


def test_only_a_statement_of_the_thing_asked_vouches_for_a_weak_article():
    lead = sentence("a", 0, "وأغلقت السلطات 3 موانئ في الجزيرة.", 0.9, unit(1, 0, 0))  # a figure, but not of migrants
    b_lead = sentence("b", 0, "انطلقت أعمال القمة في العاصمة.", 0.05, unit(0, 1, 0), restates=0.1)
    b_figure = sentence("b", 40, "وأغلقت السلطات 4 موانئ في الجزيرة.", 0.02, unit(0.95, 0, 0.3))
    assert figures(_choose(sorted([lead, b_lead, b_figure], key=_order), limit=2, per_doc=2, asks="number", asked=ASKED)) == {}


def test_choose_quotes_keeps_each_sentences_vector_out_of_equality():
    vectors = np.stack([unit(1, 0, 0), unit(0, 1, 0)])
    a = sentence("a", 0, A_LEAD.text, 0.9)
    b = sentence("b", 0, "أنقذت فرق الإغاثة قاربا قرب الجزيرة.", 0.4)
    chosen = choose_quotes([a, b], vectors, limit=2, per_doc=2, asks="number", asked=ASKED)
    assert all(ev.vector is not None for ev in chosen)
    assert sentence("b", 0, b.text, 0.4) == b  # compared without its vector


def test_an_articles_figure_of_the_month_asked_goes_before_its_other_figures_of_that_rank():
    lead = sentence("a", 0, "ضبط خفر السواحل الأحد 4 قوارب قرب الجزيرة.", 0.9)
    b_lead = sentence("b", 0, "ضبط خفر السواحل الأحد أربعة قوارب قرب الجزيرة.", 0.7, restates=0.8)  # this week's boats
    b_march = sentence("b", 60, "وكان خفر السواحل قد ضبط في آذار/مارس 12 قاربا.", 0.2)  # the month asked
    asked = asked_nouns("كم قاربا ضبط خفر السواحل في مارس؟")
    scored = sorted([lead, b_lead, b_march], key=_order)
    assert figures(_choose(scored, limit=2, per_doc=2, asks="number", asked=asked)) == {"b": b_lead.text}
    chosen = _choose(scored, limit=2, per_doc=2, asks="number", asked=asked, months=frozenset({3}))
    assert figures(chosen) == {"b": b_march.text}
