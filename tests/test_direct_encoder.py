"""The direct line over quotes in the other language reads them in the retrieval encoder's order (bot.direct.encoder_order)."""

from __future__ import annotations

import pytest
from langchain_core.embeddings import Embeddings

from bot.direct import CLAUSE_RATIO, clause_closeness, direct_answer, encoder_order
from bot.schema import Citation
from config import Settings
from vectorstore.embeddings import CachedEmbeddings, load_embeddings


@pytest.fixture(scope="module")
def encoder() -> Embeddings:
    """The retrieval encoder, as the service passes it (``Isnad.clause_embeddings``)."""
    return CachedEmbeddings(load_embeddings(Settings().embedding_model))


def _cite(n: int, quote: str, score: float) -> Citation:
    return Citation(n=n, doc_id=f"d{n}", chunk_id=f"c{n}", quote=quote, start=0, end=len(quote), score=score, attributed_to="-")


ABOUT = "ناقش الوزير في اجتماعه مع السفراء ملف الميزانية وخطط الحكومة للعام المقبل"
ANSWERS = "وقد استقال الوزير احتجاجا على خفض رواتب المعلمين"


class _Unused:
    """An encoder that must not be called."""

    def embed_query(self, text: str) -> list[float]:
        raise AssertionError("encoded")

    embed_documents = embed_query


def test_over_quotes_in_the_other_language_the_one_whose_clause_answers_is_read_first(encoder):
    about = "ولا تعلن الحكومة عادة عدد قتلاها في تلك الغارات الجوية"
    answers = "وأسفرت الغارات الجوية عن سقوط قتلى أغلبهم من عمال المصنع"
    cites = [_cite(1, about, 0.6), _cite(2, answers, 0.5)]
    question = "Who made up most of the dead in the air raids?"
    assert [c.n for c in encoder_order(question, cites, encoder)] == [2, 1]
    direct = direct_answer(question, "en", cites, {}, encoder=encoder)
    assert direct is not None and direct.citations == [2]
    ranked = direct_answer(question, "en", cites, {})  # no encoder: the ranker's order
    assert ranked is not None and ranked.citations == [1]


def test_a_value_asked_across_languages_comes_from_the_quote_whose_clause_answers(encoder):
    cites = [
        _cite(1, "وناقش الوزير يوم الاثنين مع السفراء ملف الميزانية", 0.6),
        _cite(2, "وقد استقال الوزير يوم الخميس احتجاجا على خفض الرواتب", 0.5),
    ]
    direct = direct_answer("When did the minister quit?", "en", cites, {}, encoder=encoder)
    assert direct is not None and direct.citations == [2] and "الخميس" in direct.value


def test_across_languages_the_encoder_reads_a_quote_far_below_the_top_one_first(encoder):
    """Unlike rank (the same quotes asked in Arabic answer from the top one, tests/test_direct.py)."""
    headline = _cite(1, "الحكومة والمعارضة: جولة جديدة من المحادثات", 0.9)
    far = _cite(2, "وقالت الوزارة إن الحكومة ستبني ثلاث محطات للطاقة الشمسية في الجنوب", 0.9 * CLAUSE_RATIO - 0.01)
    direct = direct_answer("What will the government build in the south?", "en", [headline, far], {}, encoder=encoder)
    assert direct is not None and direct.citations == [2]


def test_the_closeness_of_a_quote_is_its_best_clause(encoder):
    question = "Why did the minister resign?"
    alone, after_topic = clause_closeness(question, [ANSWERS, f"{ABOUT}، {ANSWERS}"], encoder)
    whole = clause_closeness(question, [f"{ABOUT} {ANSWERS}"], encoder)[0]
    assert abs(alone - after_topic) < 1e-4 and after_topic > whole


def test_the_ranker_order_stands_when_a_quote_is_in_the_questions_language_or_there_is_one_quote():
    mixed = [_cite(1, ABOUT, 0.6), _cite(2, "The minister resigned over teachers' pay cuts.", 0.5)]
    assert encoder_order("Why did the minister resign?", mixed, _Unused()) == mixed
    arabic = [_cite(1, ABOUT, 0.6), _cite(2, ANSWERS, 0.5)]
    assert encoder_order("لماذا استقال الوزير؟", arabic, _Unused()) == arabic
    assert encoder_order("Why did the minister resign?", arabic[:1], _Unused()) == arabic[:1]
    assert encoder_order("Why did the minister resign?", arabic, None) == arabic  # no encoder given: rank order


def test_the_service_orders_quotes_by_its_own_retrieval_encoder(seeded_service):
    assert seeded_service.clause_embeddings.inner is seeded_service.embeddings
