"""Which sentences of the retrieved articles are quoted: pure choice over scored sentences (``bot.evidence._choose``).

A "how many" question must quote each article's figure, or two outlets' different
counts can never be compared; and equal scores must not depend on retrieval order.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from bench.answers import Candidates, Question, cited
from bot.answer import keep_evidence
from bot.evidence import EvidenceSentence, _choose, _figure_rank, _order, asked_nouns, choose_quotes, holds_kind, recalls_past, same_event
from language.numbers import unit_key


def sentence(doc: str, start: int, text: str, score: float) -> EvidenceSentence:
    return EvidenceSentence(doc, f"{doc}:0", start, start + len(text), text, score, 0.0, 0.0)


LEAD = sentence("a", 0, "أعلنت الشرطة سقوط قتلى ومصابين في الهجوم.", 0.9)
A_FIGURE = sentence("a", 100, "وقال المتحدث إن 30 شخصا أصيبوا في الحادث.", 0.3)
A_OTHER = sentence("a", 200, "وطالبت الشرطة السكان بتجنب وسط المدينة.", 0.5)
B_LEAD = sentence("b", 0, "أكدت السلطات سقوط ضحايا في عملية الدهس.", 0.6)
B_FIGURE = sentence("b", 50, "وبلغ عدد المصابين 20 مصابا بحسب الشرطة.", 0.35)
A_DATE = sentence("a", 300, "وكانت الشرطة قد أغلقت الساحة في 3 مارس الماضي.", 0.2)  # the best article's own date: no sign of the date asked
B_DATE = sentence("b", 80, "ووقع الهجوم يوم السبت 7 أبريل.", 0.1)  # another report's date, vouched for by its article


def test_a_count_question_quotes_each_same_event_articles_figure_and_keeps_the_lead_first():
    b_lead = restating("b", 0, B_LEAD.text, 0.6, restates=0.7)  # another outlet's report of the event
    chosen = _choose(sorted([LEAD, A_FIGURE, A_OTHER, b_lead, B_FIGURE], key=_order), limit=2, per_doc=2, asks="number")
    assert chosen[0] is LEAD  # what the answer abstains on is unchanged
    assert sorted((ev.doc_id, ev.start) for ev in chosen[1:]) == [("a", A_FIGURE.start), ("b", B_FIGURE.start)]  # each one's figure
    assert len(chosen) == 3  # the lead holds no figure: quoted beyond the limit, which the figures keep
    figures = sorted((ev for ev in chosen if ev.figure), key=lambda ev: ev.doc_id)  # quoted on their articles' scores
    assert [(ev.doc_id, ev.article_score) for ev in figures] == [("a", LEAD.score), ("b", b_lead.score)]
    when = _choose(sorted([LEAD, A_DATE, b_lead, B_DATE], key=_order), limit=2, per_doc=2, asks="date")
    assert [(ev.doc_id, ev.figure) for ev in sorted(when[1:], key=lambda ev: ev.doc_id)] == [("a", False), ("b", True)]
    one_each = _choose(sorted([LEAD, A_FIGURE, b_lead, B_FIGURE], key=_order), limit=2, per_doc=1, asks="number")
    assert [(ev.doc_id, ev.start) for ev in one_each] == [("a", 0), ("b", B_FIGURE.start)]  # per_doc still holds


def test_a_report_of_another_event_gets_no_figure_slot():
    other = sentence("c", 0, "قتل 7 أشخاص في انفجار سيارة مفخخة في سوق مزدحم.", 0.05)  # far weaker, restates nothing
    chosen = _choose(sorted([LEAD, A_FIGURE, other], key=_order), limit=3, per_doc=2, asks="number")
    assert [(ev.doc_id, ev.start) for ev in chosen if ev.figure] == [("a", A_FIGURE.start)]  # c is quoted on its own score only
    assert not same_event(0.05 / 0.9, 0.0) and same_event(0.1, 0.7) and same_event(0.8, 0.5)


def test_other_questions_keep_the_plain_order():
    scored = sorted([LEAD, A_FIGURE, A_OTHER, B_LEAD, B_FIGURE], key=lambda e: -e.score)
    assert _choose(scored, limit=3, per_doc=2, asks=None) == [LEAD, B_LEAD, A_OTHER]


def test_a_figure_is_quoted_on_its_articles_score_and_a_plain_sentence_on_its_own():
    figure = replace(A_FIGURE, score=0.003, figure=True, article_score=0.3)
    plain = replace(A_OTHER, score=0.003)
    assert keep_evidence([LEAD, figure, plain], threshold=0.1) == [LEAD, figure]
    assert keep_evidence([replace(figure, article_score=0.01)], threshold=0.1) == []  # an article off the question: not quoted


def test_the_figure_asked_is_a_whole_count_of_this_year_or_a_date():
    assert holds_kind("وأصيب 30 شخصاً آخرين.", "number") and holds_kind("قتيلين و20 جريحاً.", "number")
    assert not holds_kind("ووقع الزلزال الذي بلغت شدته 5,3 درجات.", "number")  # a measure, not a count
    assert not holds_kind("سقوط قتلى ومصابين في الهجوم.", "number")
    assert holds_kind("وقع الهجوم يوم الأحد 8 يوليو.", "date") and not holds_kind("وقع الهجوم في وسط المدينة.", "date")
    assert recalls_past("ففي كانون الثاني/يناير 2008 قتل تسعة أشخاص.", "2018-07-09T04:20:03+00:00")
    assert not recalls_past("قتل 24 شخصا في 2018.", "2018-07-09") and not recalls_past("قتل 2008 شخص.", None)
    assert not recalls_past("قتل 2008 شخص.", "2018-07-09")  # a count the number reader reads, not a year
    assert recalls_past("In 2004, 41 people were killed.", "2018-07-09") and recalls_past("قتل 1500 شخصا منذ ٢٠١٢.", "2018")


def test_a_past_event_recalled_is_not_the_articles_figure():
    past = sentence("a", 20, "وفي يوليو 2004 قتل 41 شخصا عند خروج قطار عن سكته.", 0.7)
    now = sentence("a", 90, "قُتل 24 شخصاً الأحد لدى خروج قطار ركاب عن سكته.", 0.1)
    lead = sentence("a", 0, "خرج قطار ركاب عن سكته في شمال غرب البلاد.", 0.9)
    for ev in (past, now, lead):
        ev.published = "2018-07-09"
    chosen = _choose(sorted([lead, past, now], key=_order), limit=1, per_doc=2, asks="number")
    assert [ev.start for ev in chosen] == [0, 90]


def test_equal_scores_are_ordered_by_article_and_offset_whatever_the_retrieval_order():
    ties = [sentence("b", 10, "جملة ثانية.", 0.5), sentence("a", 40, "جملة أولى.", 0.5 + 1e-9), sentence("a", 5, "جملة ثالثة.", 0.5)]
    for order in (ties, ties[::-1], ties[1:] + ties[:1]):
        ranked = sorted(order, key=_order)  # as select_evidence ranks its candidates
        assert [(e.doc_id, e.start) for e in ranked] == [("a", 5), ("a", 40), ("b", 10)]
        assert [(e.doc_id, e.start) for e in _choose(ranked, limit=2, per_doc=2, asks=None)] == [("a", 5), ("a", 40)]


def restating(doc: str, start: int, text: str, score: float, restates: float = 0.8) -> EvidenceSentence:
    """A sentence whose USE cosine with the best sentence is ``restates``."""
    return EvidenceSentence(doc, f"{doc}:0", start, start + len(text), text, score, 0.0, 0.0, restates=restates)


C_OTHER_EVENT = sentence("c", 0, "قتل 7 أشخاص في انفجار سيارة مفخخة في سوق مزدحم.", 0.55)
B_RESTATES = restating("b", 0, "أعلنت الشرطة مقتل 30 شخصا في الهجوم.", 0.2)


def test_an_article_restating_the_best_sentence_gets_a_slot_before_second_sentences_and_other_events():
    plain = sentence("b", 0, B_RESTATES.text, 0.2)
    assert plain not in _choose(sorted([LEAD, A_OTHER, C_OTHER_EVENT, A_FIGURE, plain], key=_order), 3, 2, None)  # a twice, c
    scored = sorted([LEAD, A_OTHER, C_OTHER_EVENT, A_FIGURE, B_RESTATES], key=_order)
    assert _choose(scored, limit=3, per_doc=2, asks=None) == [LEAD, C_OTHER_EVENT, B_RESTATES]  # b takes a's second slot
    assert _choose(scored, limit=2, per_doc=2, asks=None) == [LEAD, B_RESTATES]  # and comes before an unrelated article
    own = restating("a", 300, "وقتل 30 شخصا في الهجوم بحسب الشرطة.", 0.6)  # the best article restating itself is no other outlet
    assert _choose(sorted([LEAD, own, C_OTHER_EVENT], key=_order), limit=2, per_doc=2, asks=None) == [LEAD, own]


def test_a_near_tie_that_says_something_else_keeps_its_place_before_restatements():
    other_answer = sentence("a", 300, "وفي صيف 2018 وقع الطرفان اتفاقا آخر.", 0.85)  # within NEAR_TIE of the best, not restating it
    scored = sorted([LEAD, other_answer, B_RESTATES], key=_order)
    assert _choose(scored, limit=2, per_doc=2, asks=None) == [LEAD, other_answer]
    echo = restating("a", 300, other_answer.text, 0.85)  # the same near tie restating the best: redundant, gives way
    assert _choose(sorted([LEAD, echo, B_RESTATES], key=_order), limit=2, per_doc=2, asks=None) == [LEAD, B_RESTATES]


def test_a_restating_article_quoted_for_a_count_question_quotes_its_figure_not_its_lead():
    b_figure = sentence("b", 60, "وبلغ عدد القتلى 25 قتيلا.", 0.15)
    lead_b = restating("b", 0, "أكدت السلطات سقوط ضحايا في الهجوم.", 0.2)
    scored = sorted([LEAD, A_FIGURE, A_OTHER, C_OTHER_EVENT, lead_b, b_figure], key=_order)
    chosen = _choose(scored, limit=2, per_doc=2, asks="number")
    assert [(ev.doc_id, ev.start) for ev in chosen] == [("a", 0), ("a", A_FIGURE.start), ("b", 60)]


def test_choose_quotes_gives_a_slot_to_another_article_restating_the_best_sentence():
    other = sentence("b", 0, "أكدت السلطات سقوط ضحايا في الهجوم.", 0.2)
    apart = np.array([[1.0, 0.0], [0.0, 1.0], [0.0, 1.0]])  # rows: LEAD, A_OTHER, other
    plain = choose_quotes([replace(LEAD), replace(A_OTHER), replace(other)], apart, limit=2, per_doc=2, asks=None)
    assert [(ev.doc_id, ev.start) for ev in plain] == [("a", 0), ("a", A_OTHER.start)]
    same = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 0.0]])  # b's sentence says what the best one says
    restating = choose_quotes([replace(LEAD), replace(A_OTHER), replace(other)], same, limit=2, per_doc=2, asks=None)
    assert [(ev.doc_id, ev.restates) for ev in restating] == [("a", 1.0), ("b", 1.0)]
    assert choose_quotes([], np.zeros((0, 2)), limit=2, per_doc=2, asks=None) == []


def test_the_answers_bench_quotes_as_the_service_does():
    """bench.answers scores the service's own choice: each article's figure for "how many", not the top scores."""
    texts = [LEAD.text, A_OTHER.text, A_FIGURE.text, B_LEAD.text, B_FIGURE.text]
    pids = ["a", "a", "a", "b", "b"]
    q = Question("q1", "كم عدد المصابين في الهجوم؟", "ar", "arcd", "a", "30", 0)
    vectors = np.array([[1.0, 0.0], [0.0, 1.0], [0.0, 1.0], [1.0, 0.0], [0.0, 1.0]])  # b's lead restates a's
    n = len(texts)
    c = Candidates(q, False, texts, np.zeros((n, 1)), np.zeros(n), np.zeros(n), np.zeros(n, dtype=bool), pids, vectors)
    scores = np.array([0.9, 0.5, 0.3, 0.6, 0.35])
    quoted = cited(c, scores, threshold=0.1)
    assert quoted[0] == 0 and {2, 4} <= set(quoted)  # the lead first, then each article's figure
    assert cited(c, scores, threshold=0.95) == []  # below the abstention threshold nothing is quoted


GOALS = asked_nouns("كم هدفا سجل اللاعب مع فريقه هذا الموسم؟")


def test_an_articles_figure_is_the_count_of_the_noun_the_question_names():
    """Each outlet's statement of the asked figure, not its first sentence holding some number: "الستة عشر" of a
    cup round scores higher than "29 هدفا", and only the noun asked tells them apart."""
    lead = sentence("a", 0, "وسجل اللاعب 28 هدفا مع فريقه هذا الموسم.", 0.9)
    b_lead = restating("b", 0, "أصيب اللاعب في المباراة الأخيرة لفريقه.", 0.5, restates=0.7)
    b_round = sentence("b", 60, "وسيغيب عن إياب دور الستة عشر في البطولة.", 0.3)
    b_goals = sentence("b", 120, "وأحرز مع الفريق 29 هدفا في 30 مباراة.", 0.01)
    scored = sorted([lead, b_lead, b_round, b_goals], key=_order)
    chosen = _choose(scored, limit=3, per_doc=2, asks="number", asked=GOALS)
    assert [(ev.doc_id, ev.start) for ev in chosen if ev.figure] == [("b", 120)]
    assert chosen[0] is lead  # the best sentence stays first: abstention is unchanged
    no_noun = _choose(scored, limit=3, per_doc=2, asks="number", asked=frozenset())  # asked nothing: what the answer counts
    assert [(ev.doc_id, ev.start) for ev in no_noun if ev.figure] == [("b", 120)]


def test_the_figure_rank_prefers_the_noun_asked_then_the_answers_unit_then_the_bridge_and_skips_vague_counts():
    assert _figure_rank("وأحرز مع الفريق 29 هدفا في 30 مباراة.", "number", GOALS, set()) == 0
    assert _figure_rank("وسيغيب عن إياب دور الستة عشر في البطولة.", "number", GOALS, set()) == 3  # a number, not of goals
    age = asked_nouns("كم يبلغ عمر الرئيس الجديد؟")
    assert _figure_rank("ويبلغ الرئيس الجديد من العمر 57 عاما.", "number", age, {unit_key("عاما")}) == 1  # counts what the answer counts
    assert _figure_rank("ويبلغ الرئيس الجديد من العمر 57 عاما.", "number", age, set()) == 3
    killed = asked_nouns("كم فلسطينيا قتلوا في المواجهات على الحدود؟")
    assert _figure_rank("وقتل 30 فلسطينيا في المواجهات.", "number", killed, set()) == 0
    assert _figure_rank("وشارك آلاف الفلسطينيين في الاحتجاجات.", "number", killed, set()) == 3  # "thousands" states no figure
    assert unit_key("العائلات") not in killed  # "على" is a function word, not the noun "العائلات" (both "عل")
    assert _figure_rank("وقعت الحادثة في وسط المدينة.", "number", killed, set()) == 4
    # An English question's bridge names its topic too ("registration centre" → "مركز"): weaker than the answer's unit.
    bridge = asked_nouns("مركز تسجيل")
    assert _figure_rank("وتعرضت أربعة مراكز لهجمات مماثلة.", "number", asked_nouns("How many people died?"), set(), bridge) == 2
    assert _figure_rank("قتل 31 شخصا في الهجوم.", "number", asked_nouns("How many people died?"), {unit_key("شخصا")}, bridge) == 1


def test_a_what_question_whose_best_sentence_counts_the_noun_asked_quotes_each_articles_figure():
    toll = asked_nouns("ما حصيلة قتلى الزلزال؟")
    lead = sentence("a", 0, "ارتفعت حصيلة الزلزال إلى 109 قتلى.", 0.9)
    b_lead = restating("b", 0, "ضرب زلزال قوي الجزيرة فجر الأحد.", 0.6, restates=0.7)
    b_other = sentence("b", 50, "وتضررت المباني في المدينة بشدة.", 0.5)
    b_toll = sentence("b", 90, "وقالت السلطات إن 99 قتلى سقطوا في الزلزال.", 0.02)
    scored = sorted([lead, b_lead, b_other, b_toll], key=_order)
    assert ("b", 90) in [(ev.doc_id, ev.start) for ev in _choose(scored, limit=3, per_doc=2, asks=None, asked=toll)]
    assert ("b", 90) not in [(ev.doc_id, ev.start) for ev in _choose(scored, limit=3, per_doc=2, asks=None)]  # a plain question


def test_a_figure_is_an_amount_or_a_hedged_count_too_and_a_year_in_another_clause_dates_something_else():
    assert holds_kind("وتبلغ الغرامة 450 يورو.", "number") and holds_kind("قتل نحو 19 شخصا.", "number")
    assert not holds_kind("ووقع الزلزال الذي بلغت شدته 5,3 درجات.", "number")
    recalled = "قتل نحو 19 شخصا وأصيب العشرات في حادث وقع في شبه جزيرة القرم التي ضمتها روسيا إلى أراضيها عام 2014."
    assert not recalls_past(recalled, "2018-10-17")
    assert recalls_past("وفي يوليو 2004 قتل 41 شخصا عند خروج قطار عن سكته.", "2018-07-09")


def test_a_year_right_after_a_count_dates_it_and_a_year_past_other_words_does_not():
    """The claim reader ends "قتلت أمواج مد 226 ألف شخص" before "في 2004": the year written right after is its own (Q21)."""
    assert recalls_past("وأقيم النظام بعد أن قتلت أمواج مد عاتية 226 ألف شخص في 2004.", "2018-10-01")
    assert recalls_past("The waves killed 230,000 people in 2004 around the ocean.", "2018-10-01")
    assert not recalls_past("وأصيب 40 شخصا في مدينة سيطر عليها الجيش عام 2016.", "2018-10-01")  # another clause's year
    assert not recalls_past("قتل 12 شخصا في 2018 حتى الآن.", "2018-10-01")  # this year's


def test_a_count_of_a_year_the_question_names_is_the_one_asked_not_a_past_event():
    from bot.evidence import question_years

    years = question_years("How many tourists visited the country in 2016?")
    assert years == {2016} and question_years("كم سائحا زار البلد عام 2016؟") == {2016} and not question_years("How many?")
    annual = "وبلغ عدد السياح 4,2 ملايين سائح عام 2016 بحسب الوزارة."
    assert recalls_past(annual, "2017-03-01") and not recalls_past(annual, "2017-03-01", years)
    assert recalls_past("وزار البلد 900 ألف سائح في 2009.", "2017-03-01", years)  # another past year still is
