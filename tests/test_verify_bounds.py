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
