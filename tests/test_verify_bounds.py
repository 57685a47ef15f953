"""Verify on bounds and year-less days a new source brings: a figure's "not less than" bounds, negates nothing, and a
day an undated story names without its year is still a day (made-up sentences; pure functions)."""

from __future__ import annotations

from bot.claims import Evidence
from bot.verify import claim_frame, verify_claim
from language.numbers import find_quantities


def test_a_figures_bound_does_not_negate_the_claim():
    """ "بما لا يقل عن", "no less than" bound a figure; the claim is not a denial."""
    assert not claim_frame("قدر الوزير كلفة إصلاح الجسر بما لا يقل عن 20 مليون دولار").negated
    assert not claim_frame("The minister put the cost of repairing the bridge at no less than 20 million dollars.").negated
    assert claim_frame("The minister did not put a cost on repairing the bridge.").negated


def test_a_negated_less_than_is_a_floor():
    """ "لن تبلغ الكلفة أقل من 20 مليون" and "will not be less than 20 million" state at least 20 million."""
    for text in ("وقال الوزير إن كلفة إصلاح الجسر لن تبلغ أقل من 20 مليون دولار", "The repairs will not cost less than 20 million dollars"):
        (q,) = find_quantities(text)
        assert (q.bound, q.low, q.high) == ("floor", 20_000_000, None), text
    (q,) = find_quantities("The repairs cost less than 20 million dollars, and the bridge reopened")
    assert q.bound == "ceiling"
    (q,) = find_quantities("The bridge did not close, and the repairs cost less than 20 million dollars")
    assert q.bound == "ceiling"


def test_a_floor_under_a_negation_agrees_with_the_claimed_floor():
    """A source saying the cost "will not be less than" the claimed minimum states it, not a smaller ceiling."""
    claim = "قدر الوزير كلفة إصلاح الجسر بما لا يقل عن 20 مليون دولار"
    source = "قدر الوزير كلفة إصلاح الجسر وقال إنها لن تبلغ أقل من 20 مليون دولار"
    result = verify_claim(claim, [Evidence(1, "a", source, "X", None)], [])
    assert result.verdict == "SUPPORTED", result.explanation


def test_a_yearless_day_in_an_undated_story_is_read_in_the_claims_year():
    """ "on March 3" in a story with no date of its own states the day of "3 March 2019", and clashes with 5 March."""
    source = "Two sailors died when a patrol boat sank off the northern coast at night on March 3, the navy said."
    ev = [Evidence(1, "a", source, "X", None)]
    supported = verify_claim("A patrol boat sank off the northern coast on 3 March 2019.", ev, [])
    assert supported.verdict == "SUPPORTED", supported.explanation
    refuted = verify_claim("A patrol boat sank off the northern coast on 5 March 2019.", ev, [])
    assert refuted.verdict == "REFUTED", refuted.explanation


def test_a_year_or_a_higher_figure_before_to_is_no_range():
    """ "growth in 2018 to 2.5 percent" and "في 2019 إلى 3.1 بالمئة" state 2.5 and 3.1 percent, not a range from the year;
    "from 7.4 to 6.9" is a fall to 6.9. A range runs upwards ("10 to 12 people")."""
    (q,) = find_quantities("The bank cut its forecast for growth in 2018 to 2.5 percent.")
    assert (q.kind, q.low, q.high) == ("percent", 2.5, 2.5)
    (q, _) = find_quantities("خفض البنك توقعاته للنمو في 2019 إلى 3.1 بالمئة من أربعة بالمئة")
    assert (q.kind, q.low, q.high) == ("percent", 3.1, 3.1)
    (q,) = find_quantities("تراجعت البطالة من 7.4 إلى 6.9 بالمئة")
    assert (q.low, q.high) == (6.9, 6.9)
    (q,) = find_quantities("10 to 12 people were hurt")
    assert (q.low, q.high) == (10, 12)


def test_other_before_a_noun_counts_the_noun():
    """ "two other people were injured" counts people: it rivals a claimed count of injured people."""
    (q,) = find_quantities("One man was killed and two other people were seriously injured")
    assert (q.low, q.unit) == (2, "people")
    (more,) = find_quantities("Two more students died in hospital")
    assert more.unit != "students"  # an increment of a toll, no total of students
    ev = [
        Evidence(1, "a", "One man was killed and two other people were seriously injured when a truck hit a crowd at the fair.", "X", None)
    ]
    result = verify_claim("Four people were injured when a truck hit a crowd at the fair.", ev, [])
    assert result.verdict == "REFUTED", result.explanation


def test_a_sure_model_contradiction_of_a_sentence_confirming_every_slot_is_weak():
    """A headline stating the claimed count and place, contradicted by the stance model alone, does not outweigh a
    source stating the whole claim; alone it still refutes."""
    from bot.schema import Comparison

    claim = "قتل ثلاثة صيادين في تشاد"
    states = Evidence(1, "a", "قتل ثلاثة صيادين في تشاد بحسب مسؤول محلي", "X", None)
    headline = Evidence(2, "b", "مقتل ثلاثة صيادين في تشاد", "Y", None)
    agrees = Comparison(relation="agree", score=0.9, reasons=[])
    sure = Comparison(relation="contradict", score=0.9, reasons=[])
    both = verify_claim(claim, [states, headline], [agrees, sure])
    assert both.verdict == "SUPPORTED", both.explanation
    alone = verify_claim(claim, [headline], [sure])
    assert alone.verdict == "REFUTED", alone.explanation


def test_a_shorter_term_is_a_rival_figure_not_a_tolls_past():
    """A toll rises from report to report, so a smaller earlier count is its past (``_superseded``); a prison term
    does not: a report of nine and a half years is a rival of one of twelve, whichever came first."""
    from bot.verify.numbers import _below

    (term,) = find_quantities("He began serving a prison sentence of 12 years.")
    (shorter,) = find_quantities("بدأ تنفيذ حكم بسجنه تسع سنوات ونصف السنة.")
    (toll,) = find_quantities("قتل 12 شخصا في الهجوم.")
    (earlier,) = find_quantities("قتل 9 أشخاص في الهجوم.")
    assert not _below([(term, shorter)])
    assert _below([(toll, earlier)])
