"""bench.generalization's scoring of a direct answer: a pure function, checked without a store or a model."""

from __future__ import annotations

from bench.generalization import _direct_text, _numbers
from bot.schema import DirectAnswer


def _direct(value: str, normalized: str, kind: str) -> DirectAnswer:
    return DirectAnswer(text=f"{value}, according to an outlet", value=value, normalized=normalized, kind=kind, citations=[1])


def test_a_scaled_amount_is_scored_on_its_normalized_number():
    text = _direct_text(_direct("25 مليون يورو", "25000000 يورو", "number"))
    assert 25_000_000 in _numbers(text)


def test_a_dates_normalized_form_adds_no_counts():
    text = _direct_text(_direct("الخميس", "2019-05-09", "date"))
    assert _numbers(text) == set()


def test_no_direct_line_scores_nothing():
    assert _direct_text(None) == ""
