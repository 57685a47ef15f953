"""A bare "which agency" question (no "news"/"press", no reporting verb) is answered by a news agency a quote cites, never
by another body: "which agency carried the minister's remarks" asks for the wire, "which UN agency warned" for a body."""

from __future__ import annotations

from bot.direct import answering_outlets, asked_medium, direct_answer
from tests.citations import cite

CARRIED = 'ونقلت وكالة "رويترز" عن وزير الزراعة قوله إن الحكومة ستدعم مزارعي القمح هذا الموسم.'
WARNED = "Officials of the World Food Programme warned that the drought would hit wheat farmers this season."


def test_the_medium_a_question_asks_for():
    assert asked_medium("Which newspaper ran the interview?") == "outlet"
    assert asked_medium("Which news agency said the harvest fell?") == "outlet"
    assert asked_medium("which agency carried the farm minister's remarks on wheat") == "agency"
    assert asked_medium("Which UN agency warned of a drought?") == "agency"
    assert asked_medium("What did the agency say about the harvest?") is None


def test_a_bare_agency_question_takes_only_a_news_agency():
    assert {outlet for _, outlet in answering_outlets("which agency carried the farm minister's remarks on wheat", [CARRIED])} == {"رويترز"}
    assert answering_outlets("Which UN agency warned of a drought?", [WARNED]) == []
    assert answering_outlets("What did the agency say about the harvest?", [CARRIED]) == []  # asks what, not who


def test_which_agency_carried_the_remarks_is_answered_with_the_wire():
    answer = direct_answer("which agency carried the farm minister's remarks on wheat", "en", [cite(1, CARRIED)], {})
    assert answer is not None and answer.value == "رويترز"
