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


TWO_MEDIA = 'وذكر التلفزيون الرسمي للبلاد أن الوزير وصل، ونقلت "الصباح" المحلية عن الوزير قوله إن الحكومة ستدعم المزارعين.'


def test_a_question_asking_which_paper_takes_the_medium_of_that_kind_before_another_cited_first():
    assert [o for _, o in answering_outlets("Which local paper carried the minister's words on farmers?", [TWO_MEDIA])][0] == "الصباح"
    assert [o for _, o in answering_outlets("أي صحيفة محلية نقلت عن الوزير قوله؟", [TWO_MEDIA])][0] == "الصباح"
    assert [o for _, o in answering_outlets("Which channel reported the minister's arrival?", [TWO_MEDIA])][
        0
    ] == "التلفزيون الرسمي"  # the outlet less "of the country"


def test_a_publication_is_a_medium_of_any_kind():
    quote = "وقالت مجلة ذا فيو إن الحكومة تعزز سيطرتها على الموانئ بإصرار."
    assert asked_medium("Which publication said the government is tightening its grip on the ports?") == "outlet"
    assert [o for _, o in answering_outlets("Which publication said the government is tightening its grip?", [quote])] == ["ذا فيو"]
    assert [o for _, o in answering_outlets("أي مطبوعة قالت إن الحكومة تعزز سيطرتها؟", [quote])] == ["ذا فيو"]


def test_an_arabic_question_asks_for_an_outlet_after_a_preposition_or_of_a_satellite_channel():
    """ "وفقا لأي وكالة" writes "which" with a preposition on it; "فضائية" folds to "فضاييه", as the question's words do."""
    assert asked_medium("وفقا لأي وكالة ارتفع سعر القمح؟") == "outlet"
    assert asked_medium("بأي صحيفة نشرت المقابلة؟") == "outlet"
    assert asked_medium("حسب أي فضائية هبطت الطائرة مساء الأحد؟") == "outlet"
    assert asked_medium("لأي سبب ارتفع سعر القمح؟") is None  # "for which reason": no medium


def test_a_quote_citing_only_the_media_the_question_names_is_answered_with_its_own_outlet():
    """ "Which site set channel A's and channel B's accounts side by side?": the site that quotes both."""
    quote = 'وبينما ذكرت قناة "الرافدين" أن الوزير وصل مساء الأحد، قالت قناة "المربد" إنه وصل صباح الاثنين.'
    question = "Which news site set Al-Rafidain's and Al-Mirbad's accounts of the minister's arrival side by side?"
    assert asked_medium(question) == "outlet" and asked_medium("Which site did the strike hit?") is None
    assert answering_outlets(question, [quote], ["الشرق"]) == [(0, "الشرق")]
    assert answering_outlets("أي موقع نقل عن الرافدين والمربد روايتين لموعد وصول الوزير؟", [quote], ["الشرق"]) == [(0, "الشرق")]
    assert answering_outlets("Which channel said the minister arrived on Sunday evening?", [quote], ["الشرق"])[0] == (0, "الرافدين")
    assert answering_outlets("Which agency carried the minister's words?", [quote], ["الشرق"]) == []  # a bare agency: a wire only
