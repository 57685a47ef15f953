"""bench.generalization's scoring of a direct answer and bench.seed_unseen's decline stages: pure functions, checked without
a store or a model."""

from __future__ import annotations

from bench.generalization import _direct_text, _numbers, direct_right, rescore
from bench.seed_unseen import decline_counts, declined_at, outcome, vetoed_by_gate
from bot.answer import render
from bot.schema import Answer, DirectAnswer
from tests.citations import cite


def _direct(value: str, normalized: str, kind: str) -> DirectAnswer:
    return DirectAnswer(text=f"{value}, according to an outlet", value=value, normalized=normalized, kind=kind, citations=[1])


def test_a_scaled_amount_is_scored_on_its_normalized_number():
    text = _direct_text(_direct("25 مليون يورو", "25000000 يورو", "number"))
    assert 25_000_000 in _numbers(text)


def test_a_dates_normalized_form_adds_no_counts():
    text = _direct_text(_direct("الخميس", "2019-05-09", "date"))
    assert _numbers(text) == set()


def test_a_hedged_figure_is_scored_on_the_figure_it_states():
    """The normalized form of "about 70 billion" is the span its words allow; the line still states 70 billion."""
    text = _direct_text(_direct("نحو 70 مليار دولار", "63000000000-77000000000 دولار", "number"))
    assert direct_right(text, {70_000_000_000})
    assert direct_right("Answer: about 450,000 people, according to an outlet", {450_000})
    assert direct_right("الجواب: أكثر من 320 ألفا، بحسب وكالة", {320_000})
    assert not direct_right("Answer: about 450,000 people, according to an outlet", {440_000})


def test_a_stored_run_is_rescored_with_the_current_direct_scoring():
    row = {"id": "e1", "label": "none", "conflicts": [], "direct": "Answer: about 8,000 people [1]", "direct_right": False}
    rows = [{**row, "answerable": True, "gold_recall": 1.0, "gold_any": True, "values_quoted": 1.0}]
    results = {"languages": {lang: {"rows": [dict(r) for r in rows]} for lang in ("ar", "en")}}
    events = [{"id": "e1", "label": "none", "values": [{"number": 8000, "value": "8000"}]}]
    assert rescore(results, events)["languages"]["en"]["rows"][0]["direct_right"] is True


def test_no_direct_line_scores_nothing():
    assert _direct_text(None) == ""


# bench.seed_unseen: which stage declined a question (pure; invented rows, not the dev sets' items)


def test_a_decline_is_put_on_the_first_stage_that_lost_it():
    assert declined_at(gold_retrieved=False, quoted=True, vetoed=True) == "retrieval"  # whatever came after
    assert declined_at(gold_retrieved=True, quoted=False, vetoed=False) == "ranker"
    assert declined_at(gold_retrieved=True, quoted=True, vetoed=False) == "direct"
    assert declined_at(gold_retrieved=True, quoted=True, vetoed=True) == "gate"


def _answer(lang: str, unstated: str | None) -> Answer:
    quotes = [cite(1, "The minister arrived in Oslo on Monday.")]
    return Answer(question="q", answer=render(lang, quotes, [], [], None, unstated), answerable=False, language=lang, citations=quotes)


def test_the_gates_veto_is_told_from_a_missing_direct_line_by_the_answers_opening():
    for lang in ("ar", "en"):
        assert vetoed_by_gate(_answer(lang, "answer"))
        assert not vetoed_by_gate(_answer(lang, "date"))  # no quote states the date asked: no direct line
        assert not vetoed_by_gate(_answer(lang, None))


def test_decline_counts_split_answerable_from_unanswerable_questions_per_language():
    rows = [
        {"lang": "en", "declined_at": "ranker", "answered": False, "direct_right": False},
        {"lang": "en", "declined_at": "ranker", "answered": False, "direct_right": False},
        {"lang": "en", "declined_at": "gate", "answered": False, "abstain_right": True},
        {"lang": "ar", "declined_at": None, "answered": True, "direct_right": True},
        {"lang": "ar", "declined_at": "retrieval", "answered": False, "direct_right": False},
    ]
    assert decline_counts(rows) == {
        "en": {"answerable": {"ranker": 2}, "unanswerable": {"gate": 1}},
        "ar": {"answerable": {"retrieval": 1}, "unanswerable": {}},
    }
    assert decline_counts([{"lang": "ar", "answered": True}]) == {}  # rows of an older run: nothing to count


def test_an_outcome_is_one_word_per_kind_of_question():
    assert outcome({"answered": True, "direct_right": True, "quote_right": True, "doc_cited": True}) == "right"
    assert outcome({"answered": True, "direct_right": False, "quote_right": True, "doc_cited": True}) == "wrong"
    assert outcome({"answered": False, "direct_right": False, "quote_right": False, "doc_cited": False}) == "declined"
    assert outcome({"answered": True, "abstain_right": False}) == "answered"  # an unanswerable question answered
    assert outcome({"answered": False, "abstain_right": True}) == "declined"
