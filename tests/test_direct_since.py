"""A question asking since when is answered by the date a quote tells as a start ("منذ اندلاع النزاع في أبريل 2014"),
even ranked low, where that quote says what is asked; not by a stretch of the period ("خلال الأشهر الماضية")."""

from __future__ import annotations

from bot.direct import direct_answer, told_as_start
from tests.citations import cite

STRETCH = "وخلال الأشهر الماضية تعرضت مخازن عدة في المحافظة لقصف متكرر من الطائرات."
START = "ومنذ اندلاع النزاع في أبريل عام 2014، تقصف الطائرات مخازن المحافظة بانتظام."
ELSEWHERE = "وكان المبعوث الأممي متواجدا في العاصمة منذ أيام قبل بدء الجولة."


def test_a_date_after_a_start_word_in_its_clause_is_told_as_a_start():
    at = START.index("أبريل")
    assert told_as_start(START, at, at + len("أبريل عام 2014"))
    at = STRETCH.index("الأشهر")
    assert not told_as_start(STRETCH, at, at + len("الأشهر الماضية"))


def test_since_when_is_answered_by_the_start_ranked_below_the_stretch():
    cites = [cite(1, STRETCH, 0.9), cite(2, START, 0.1)]
    answer = direct_answer("منذ متى تقصف الطائرات مخازن المحافظة؟", "ar", cites, {})
    assert answer is not None and "2014" in answer.value and answer.citations == [2]


def test_a_low_quote_starting_another_period_is_no_answer():
    """Guard: the envoy's "منذ أيام" says nothing of the raids asked about, so the stretch ranked first still answers."""
    cites = [cite(1, STRETCH, 0.9), cite(2, ELSEWHERE, 0.1)]
    answer = direct_answer("منذ متى تقصف الطائرات مخازن المحافظة؟", "ar", cites, {})
    assert answer is None or answer.citations == [1]
