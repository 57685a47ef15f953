"""The direct answer line: values read from the quotes, credited to who states them, in the question's language."""

from __future__ import annotations

import json
import math
import re
from datetime import date

import numpy as np
import pytest

from bot.direct import (
    CLAUSE_FEATURES,
    CLAUSE_RATIO,
    CLAUSE_PATH,
    SPAN_FEATURES,
    SPAN_PATH,
    clause_features,
    coarse_clauses,
    counted_nouns,
    counts_things,
    direct_answer,
    load_clause_model,
    load_span_model,
    of_ages_asked,
    states_age,
    candidates,
    read_clause,
    read_date,
    read_number,
    read_value,
    read_place,
    line_clause,
)
from bot.schema import Citation


def _citation(n: int, quote: str, doc_id: str = "d1", attributed_to: str = "Outlet A") -> Citation:
    return Citation(
        n=n, doc_id=doc_id, chunk_id=f"{doc_id}:0", quote=quote, start=0, end=len(quote), score=0.9, attributed_to=attributed_to
    )


def test_a_relative_day_resolves_against_the_article_anchor():
    value = read_date("وصل الوفد إلى العاصمة مساء أمس الثلاثاء", date(2020, 7, 8), "en")
    assert value is not None and value.normalized.startswith("2020-07-07")
    assert "July 2020" in value.display and value.words in "وصل الوفد إلى العاصمة مساء أمس الثلاثاء"


def test_numbers_keep_their_unit():
    value = read_number("وأسفر الحادث عن مقتل 105 أشخاص")
    assert value is not None and value.normalized.startswith("105") and "أشخاص" in value.words


def test_places_come_from_cldr_names():
    value = read_place("ثم توجه الوفد إلى فرنسا للمشاركة")
    assert value is not None and value.words == "فرنسا"


def test_clause_is_the_part_sharing_words_with_the_question_and_stays_short():
    quote = "قال الوزير في مؤتمر صحفي، إن الحكومة ستبني ثلاث محطات للطاقة الشمسية خلال العام المقبل"
    assert read_clause("ماذا ستبني الحكومة؟", quote).words.startswith("إن الحكومة ستبني")
    assert len(read_clause("?", "كلمة " * 100).words) <= 161


def test_direct_answer_credits_every_citation_stating_the_same_date():
    cites = [
        _citation(1, "وصل الوفد مساء أمس الثلاثاء", "d1", "Outlet A"),
        _citation(2, "ذكرت الوكالة أن الوفد وصل يوم الثلاثاء", "d2", "Outlet B"),
        _citation(3, "وكان الوفد قد زار البلاد قبل عام", "d3", "Outlet C"),
    ]
    anchors = {"d1": date(2020, 7, 8), "d2": date(2020, 7, 8), "d3": None}
    direct = direct_answer("When did the delegation arrive?", "en", cites, anchors)
    assert direct is not None and direct.kind == "date"
    assert direct.normalized.startswith("2020-07-07") and direct.citations == [1, 2]  # "evening" or not, the same day
    assert "Outlet B" in direct.text and "Outlet C" not in direct.text
    assert direct.text.startswith("Answer:") and "Outlet A" in direct.text and "[1]" in direct.text


def test_arabic_question_gets_an_arabic_line_and_a_clause_when_no_value_kind_is_asked():
    cites = [_citation(1, "أعلنت الحكومة خطة لبناء محطات للطاقة الشمسية", attributed_to="وكالة أ")]
    direct = direct_answer("ماذا أعلنت الحكومة؟", "ar", cites, {})
    assert direct is not None and direct.kind == "clause" and direct.text.startswith("الجواب:")
    assert "وكالة أ" in direct.text and direct.citations == [1]


def test_a_person_question_no_quote_names_falls_back_to_the_top_clause():
    cites = [_citation(1, "تحدث الوزير عن الخطة")]
    direct = direct_answer("Who will build the plants?", "en", cites, {})
    assert direct is not None and direct.kind == "clause" and direct.value == "تحدث الوزير عن الخطة"


def test_a_figure_or_date_no_quote_states_gets_no_answer_line():
    """A clause without the figure asked for is a guess: no direct line, and the answer declines."""
    cites = [_citation(1, "تحدث الوزير عن الخطة")]
    assert direct_answer("How many plants will be built?", "en", cites, {}) is None
    assert direct_answer("متى ستبنى المحطات؟", "ar", cites, {}) is None
    stated = [_citation(1, "تحدث الوزير عن الخطة"), _citation(2, "وقال إن 12 محطة ستبنى").model_copy(update={"score": 0.01})]
    direct = direct_answer("How many plants will be built?", "en", stated, {})  # stated, even far down the ranking
    assert direct is not None and direct.citations


def test_the_service_declines_a_figure_the_collection_does_not_state(seeded_service):
    for question, opening in (
        ("How much is the Iran-Syria military agreement worth in dollars?", "The collection does not say"),
        ("كم تبلغ قيمة الاتفاقية العسكرية الموقعة بين إيران وسوريا بالدولار؟", "لا تذكر المجموعة ذلك"),
    ):
        answer = seeded_service.ask(question)
        assert not answer.answerable and answer.direct is None and answer.answer.startswith(opening)
        assert all(c.quote in answer.answer for c in answer.citations)  # the nearest passages, still shown


def test_no_citations_no_direct_answer():
    assert direct_answer("When?", "en", [], {}) is None


def test_service_answers_the_arrival_question_directly_in_both_languages(seeded_service):
    for question, opening in (("When did Bagheri arrive in Damascus?", "Answer:"), ("متى وصل باقري إلى دمشق؟", "الجواب:")):
        answer = seeded_service.ask(question)
        direct = answer.direct
        assert direct is not None and direct.kind == "date", answer.answer
        assert direct.normalized.startswith("2020-07-07"), direct
        assert direct.text.startswith(opening) and answer.answer.startswith(direct.text)
        assert direct.citations and set(direct.citations) <= {c.n for c in answer.citations}
        by_n = {c.n: c for c in answer.citations}
        assert direct.value in by_n[direct.citations[0]].quote


def test_off_topic_question_has_no_direct_answer(seeded_service):
    answer = seeded_service.ask("What is the recipe for chocolate cake?")
    assert not answer.answerable and answer.direct is None


def test_v1_reply_opens_with_the_direct_answer_in_bold():
    from bot.openai_compat import render_markdown
    from bot.schema import Answer, DirectAnswer

    line = "Answer: Tuesday, 7 July 2020, according to Outlet A [1]"
    direct = DirectAnswer(text=line, value="أمس الثلاثاء", normalized="2020-07-07", kind="date", citations=[1])
    answer = Answer(
        question="When?",
        answer=f"{line}\n\nHere is what the collection says:\n- q [1]",
        answerable=True,
        language="en",
        direct=direct,
        citations=[_citation(1, "وصل أمس الثلاثاء")],
    )
    text = render_markdown(answer)
    assert text.startswith(f"**{line}**\n\n") and text.count(line) == 1  # said once, before the sources
    assert "وصل أمس الثلاثاء" in text


def test_the_number_counting_what_the_question_names_wins():
    quote = "أدى خروج القطار عن سكته إلى سقوط 73 جريحا و10 قتلى"
    value = read_number(quote, "كم عدد القتلى؟")
    assert value is not None and value.normalized.startswith("10 ")
    assert read_number(quote).normalized.startswith("73 ")  # no question: the first count


def test_a_who_question_gets_the_person_not_the_outlet_or_the_time():
    quote = "وذكرت قناة الأفق أن وزير الخارجية سليم الحداد طالب الأسبوع الماضي بسحب القوات من المدينة"
    direct = direct_answer("من طالب بسحب القوات من المدينة؟", "ar", [_citation(1, quote)], {})
    assert direct is not None and direct.kind == "person" and direct.value == "سليم الحداد"
    english = direct_answer("Who demanded the withdrawal of the forces?", "en", [_citation(1, quote)], {})
    assert english is not None and english.value == "سليم الحداد"
    assert not re.search("[\u0600-\u06ff]", english.text.split(", according")[0])  # the value is romanised, the quote keeps it


def test_a_who_question_gets_a_name_not_a_party_that_speaks():
    """ "وقال الجانبان" / "وأكد مصدر عسكري" frame a party, not a name; a first name opens a name no title frames."""
    parties = [_citation(1, "وقال الجانبان إن التنسيق سيستمر بين البلدين"), _citation(2, "وأكد مصدر عسكري أن التنسيق سيستمر")]
    direct = direct_answer("من قال إن التنسيق سيستمر؟", "ar", parties, {})
    assert direct is not None and direct.kind == "clause"  # nobody named: the quote's clause, not "الجانبان"
    named = direct_answer("من وقع الاتفاق؟", "ar", [_citation(1, "ووقع الاتفاق أحمد منصور في العاصمة أمس")], {})
    assert named is not None and named.kind == "person" and named.value == "أحمد منصور"


def test_an_arabic_dual_is_the_number_two_and_english_lines_say_it_in_english():
    quote = "وصل الوزير إلى العاصمة في زيارة تستمر ليومين يلتقي خلالها المسؤولين"
    ar = direct_answer("كم يوما تستمر زيارة الوزير؟", "ar", [_citation(1, quote)], {})
    en = direct_answer("How many days will the minister's visit last?", "en", [_citation(1, quote)], {})
    assert ar is not None and ar.value == "يومين" and ar.normalized.startswith("2 ")
    assert en is not None and en.text.startswith("Answer: 2 days,") and en.value == "يومين"
    more = direct_answer("How many people died?", "en", [_citation(1, "وقتل أكثر من ألف شخص منذ بدء الحرب")], {})
    assert more is not None and more.text.startswith("Answer: more than 1,000") and more.value == "أكثر من ألف شخص"


def test_a_bare_year_answers_a_when_question():
    direct = direct_answer("متى نشر الكتاب؟", "ar", [_citation(1, "نشر الكتاب سنة 1520 في المدينة بعد عودته من السفر")], {})
    assert direct is not None and direct.kind == "date" and direct.normalized == "1520"


@pytest.mark.parametrize(
    "path, features, load",
    [(SPAN_PATH, SPAN_FEATURES, load_span_model), (CLAUSE_PATH, CLAUSE_FEATURES, load_clause_model)],
    ids=["span", "clause"],
)
def test_each_chooser_is_trained_on_the_features_it_is_used_with(path, features, load):
    data = json.loads(path.read_text(encoding="utf-8"))
    assert tuple(data["features"]) == features and len(data["coef"]) == len(features)
    assert "ARCD" in " ".join(data["meta"]["trained_on"]) and load() is not None


def test_an_english_question_finds_its_clause_in_an_arabic_quote_through_the_bridge():
    quote = "قال المتحدث إن الاجتماع كان مثمرا، وأعلنت الحكومة فرض حظر التجول في المدينة"
    assert read_clause("What did the government announce?", quote).words.startswith("وأعلنت الحكومة")  # not the first clause
    assert read_clause("What did the government announce?", quote).words == read_clause("ماذا أعلنت الحكومة؟", quote).words


def test_a_what_question_gets_the_clause_repeating_it_not_the_top_headline():
    headline = _citation(1, "الحكومة والمعارضة: جولة جديدة من المحادثات")
    answer = _citation(2, "وقالت الوزارة إن الحكومة ستبني ثلاث محطات للطاقة الشمسية في الجنوب", doc_id="d2")
    direct = direct_answer("ماذا ستبني الحكومة في الجنوب؟", "ar", [headline, answer], {})
    assert direct is not None and direct.kind == "clause" and direct.citations == [2] and "محطات" in direct.value
    english = direct_answer("What will the government build in the south?", "en", [headline, answer], {})
    assert english is not None and english.citations == [2]  # across languages too, through the bridge
    far = _citation(2, answer.quote, doc_id="d2").model_copy(update={"score": 0.9 * CLAUSE_RATIO - 0.01})
    direct = direct_answer("ماذا ستبني الحكومة في الجنوب؟", "ar", [headline, far], {})  # far below the top quote: rank decides
    assert direct is not None and direct.citations == [1]  # across languages: tests/test_direct_encoder.py


def test_an_unresolved_date_is_said_in_english_to_an_english_reader():
    quote = "ووقع آخر هجوم في الرابع والعشرين من الشهر الماضي على أطراف المدينة"
    en = direct_answer("When was the last attack?", "en", [_citation(1, quote)], {})  # no anchor date to resolve it
    assert en is not None and en.text.startswith("Answer: the 24th of last month,") and en.value == "الرابع والعشرين من الشهر الماضي"
    ar = direct_answer("متى وقع آخر هجوم؟", "ar", [_citation(1, quote)], {})
    assert ar is not None and ar.value in ar.text  # Arabic keeps the verbatim words


def test_a_value_far_down_the_ranking_is_not_the_answer():
    def cite(n: int, quote: str, score: float) -> Citation:
        return _citation(n, quote, doc_id=f"d{n}").model_copy(update={"score": score})

    lead = cite(1, "التقى وزير الدفاع نظيره في العاصمة لبحث التعاون العسكري", 0.6)
    other = cite(2, "ووصل رئيس الأركان إلى العاصمة أمس الثلاثاء", 0.05)  # a date, of another visit
    direct = direct_answer("متى وصل وزير الدفاع إلى العاصمة؟", "ar", [lead, other], {})
    assert direct is not None and direct.kind == "clause" and direct.citations == [1]
    close = direct_answer("متى وصل وزير الدفاع إلى العاصمة؟", "ar", [lead, other.model_copy(update={"score": 0.3})], {})
    assert close is not None and close.kind == "date" and close.citations == [2]


def test_a_place_the_question_names_by_an_english_demonym_is_not_the_answer():
    """ "the Iranian-Syrian agreement" names Iran and Syria: where it was signed is the third place, not either of them."""
    quote = "وقعت إيران وسوريا الاتفاقية العسكرية في دمشق"
    direct = direct_answer("Where was the Iranian-Syrian military agreement signed?", "en", [_citation(1, quote)], {})
    assert direct is not None and direct.kind == "place" and direct.normalized == "Asia/Damascus"
    country = direct_answer("Which country signed the agreement with Syria in Damascus?", "en", [_citation(1, quote)], {})
    assert country is not None and country.normalized == "IR"  # named by no demonym: Iran stays a candidate


def test_an_english_demonym_is_read_as_its_country():
    """CLDR lists no English demonyms: the word less a demonym ending, plus a name ending, is the country's name, the
    longest first; one reader for the direct line and verify (they disagreed on "Christian", "Turkish", "Iranians")."""
    from language.names import demonym_country

    words = ("Iranian", "Syrians", "Chinese", "Nigerian", "Lebanese", "Italian", "Iraqi", "Turkish", "Germans", "Palestinian")
    assert [demonym_country(w) for w in words] == ["IR", "SY", "CN", "NG", "LB", "IT", "IQ", "TR", "DE", "PS"]
    not_demonyms = ("Christian", "Reuters", "iranian", "Bagheri", "Asian", "Roman", "Francis", "Iran", "Venetian")
    assert [demonym_country(w) for w in not_demonyms] == [None] * len(not_demonyms)


def test_clause_features_place_each_clause_against_the_one_repeating_the_question():
    quote = "بعد اجتماع طويل في العاصمة، أعلنت الحكومة، فرض حظر التجول في المدينة"
    clauses, X = clause_features("ماذا أعلنت الحكومة؟", quote)
    assert clauses == coarse_clauses(quote) == ["بعد اجتماع طويل في العاصمة", "أعلنت الحكومة", "فرض حظر التجول في المدينة"]
    col = {name: X[:, i] for i, name in enumerate(CLAUSE_FEATURES)}
    assert X.shape == (3, len(CLAUSE_FEATURES))
    assert col["best"].tolist() == [0.0, 1.0, 0.0] and col["cover"][1] == max(col["cover"]) > 0
    assert col["after_best"].tolist() == [0.0, 0.0, 1.0] and col["before_best"].tolist() == [1.0, 0.0, 0.0]
    assert col["cross_cover"].tolist() == [0.0, 0.0, 0.0]  # same language
    assert col["last"].tolist() == [0.0, 0.0, 1.0] and col["from_best"].tolist() == [math.log1p(1), 0.0, math.log1p(1)]
    assert col["function_head"].tolist() == [1.0, 0.0, 0.0]  # "بعد" opens on a function word
    assert np.allclose(col["share"], [len(c) / len(quote) for c in clauses])


def test_the_clause_chooser_learned_that_a_clause_continuing_the_topic_clause_holds_the_answer():
    # learned, not listed: the clause right after the one repeating the question says what it asks
    # (ARCD: "ماذا يسبب ...؟" answered by ", مما يسبب تغيرا في المورثات"), though it repeats the question's verb
    weights = dict(zip(CLAUSE_FEATURES, json.loads(CLAUSE_PATH.read_text(encoding="utf-8"))["coef"]))
    assert weights["after_best"] > weights["before_best"] > 0
    quote = "توجد نسخة إضافية من الكروموسوم في الخلايا، مما يسبب تغيرا في المورثات"
    assert read_clause("ماذا يسبب وجود نسخة إضافية من الكروموسوم في الخلايا؟", quote).words.startswith("مما يسبب")


def test_the_answer_is_the_clause_after_the_one_that_only_repeats_the_question():
    # "what did she translate?": the clause naming her repeats the question; what she translated follows it
    quote = "وفي حفل الافتتاح ترجمت الممثلة، النشيد الوطني إلى لغة الإشارة"
    assert read_clause("ماذا ترجمت الممثلة في حفل الافتتاح؟", quote).words.startswith("النشيد الوطني")


def test_a_count_of_the_noun_the_question_names_is_the_answer():
    # The chooser alone reads the injured (position and shape); the question counts the dead.
    question = "كم عدد قتلى تحطم الطائرة؟"
    quote = "أعلنت الحكومة الحداد الوطني ليومين، غداة حادث تحطم طائرة أسفر عن سقوط 107 قتلى وثلاثة جرحى."
    assert {"قتل", "طر"} <= counted_nouns(question)
    assert read_value("number", question, quote, None, "ar").words == "107 قتلى"
    # A question naming no counted noun the quote counts keeps the chooser's choice.
    assert read_value("number", "How many died in the crash?", quote, None, "en") is not None


def test_an_english_question_names_its_counted_noun_in_an_arabic_quote_through_the_bridge():
    # "killed" reaches "قتلى" through the learned lexicon: the count of the killed answers, not the quake's magnitude.
    question = "How many people were killed by the earthquake?"
    quote = "ضرب زلزال بلغت قوته 7.5 درجة الجزيرة يوم الجمعة وأسفر عن سقوط 844 قتيلا حسب السلطات."
    assert "قتل" in counted_nouns(question, quote) and "قتل" not in counted_nouns(question)  # only over the other language
    value = read_value("number", question, quote, None, "en")
    assert value is not None and value.words == "844 قتيلا"
    # Over an English quote nothing is bridged: the question's own words are the counted nouns.
    assert counted_nouns(question, "The quake killed 844 people.") == counted_nouns(question)


@pytest.mark.parametrize(
    ("quote", "display", "normalized"),
    [
        ("مقابل 30.5 مليون يورو", "30.5 million euros", "30500000 يورو"),  # was "3.05e+07 euros"
        ("أنفقت 714.5 مليار يورو", "714.5 billion euros", "714500000000 يورو"),
        ("قتل 1,234,567 شخص", "1,234,567 people", "1234567 شخص"),  # not rounded to "1.235 million"
        ("قتل 1,200 شخص", "1,200 people", "1200 شخص"),
        ("بلغت 109 قتلى على الأقل", "at least 109 killed", "≥109 قتلى"),  # a participle takes no plural ("killeds")
        ("نحو 300 شخص", "about 300 people", "270-330 شخص"),  # a narrow interval is "about"
        ("آلاف الناجين", "2,000-9,999", "2000-9999 الناجين"),  # a vague one is its range, not "about 5,999.5"
    ],
)
def test_an_amount_is_shown_to_an_english_reader_in_words_it_reads(quote, display, normalized):
    value = read_value("number", "How many?", quote, None, "en")
    assert value is not None and value.display == display and value.normalized == normalized


def test_the_figure_of_what_the_question_counts_answers_even_from_a_lower_quote():
    quake = _citation(1, "ضرب زلزال بلغت قوته 7.5 درجة قبالة ساحل الجزيرة يوم الجمعة.")
    toll = _citation(2, "وبلغ العدد المؤكد للقتلى من جراء الزلزال 844 قتيلا.", doc_id="d2").model_copy(update={"score": 0.8})
    for question, lang in (("How many people were killed by the earthquake?", "en"), ("كم عدد القتلى في الزلزال؟", "ar")):
        direct = direct_answer(question, lang, [quake, toll], {})
        assert direct is not None and direct.value == "844 قتيلا" and direct.citations == [2]
    # No quote counts what is asked: the first quote's figure stands, as before (over quotes in the question's own
    # language; across languages "first" is the encoder's order, bot.direct.encoder_order).
    direct = direct_answer("كم عدد المصابين؟", "ar", [quake, toll], {})
    assert direct is not None and direct.citations == [1] and direct.value == "7.5 درجة"


def test_a_count_of_people_is_not_answered_by_a_stretch_of_time():
    quote = "عثرت السلطات على حطام الطائرة التي سقطت قبل يومين وعلى متنها 65 راكبا في منطقة جبلية"
    for question, lang in (("How many people were on board the plane?", "en"), ("كم عدد الذين كانوا على متن الطائرة؟", "ar")):
        direct = direct_answer(question, lang, [_citation(1, quote)], {})
        assert direct is not None and direct.kind == "number" and direct.normalized.startswith("65 "), question
    asked = direct_answer("How long ago did the plane crash?", "en", [_citation(1, quote)], {})
    assert asked is not None and asked.text.startswith("Answer: 2 days,")  # how long: the time is the answer
    only_time = direct_answer("How many people were on board?", "en", [_citation(1, "سقطت الطائرة قبل يومين في منطقة جبلية")], {})
    assert only_time is None  # no count of anyone: no figure, not "2 days"
    lasted = direct_answer("كم استمرت الزيارة؟", "ar", [_citation(1, "وصل الوزير في زيارة استمرت يومين التقى خلالها 30 مسؤولا")], {})
    assert lasted is not None and lasted.value == "يومين"  # "كم" before a verb names no counted thing: time may answer
    for question in ("كم مدة الزيارة؟", "كم عمره؟"):  # a noun of a stretch of time CLDR has no unit for
        assert counts_things(question) is False, question
    assert counts_things("كم مرة زار الوزير المدينة؟") and counts_things("How many people were on board?")


def test_a_who_question_gets_the_name_after_a_nationality_not_the_words_after_it():
    quote = "فازت المصنفة أولى في العالم الرومانية سيمونا هاليب بلقب فردي السيدات في بطولة فرنسا المفتوحة لكرة المضرب"
    ar = direct_answer("من فازت بلقب فردي السيدات في بطولة فرنسا المفتوحة؟", "ar", [_citation(1, quote)], {})
    en = direct_answer("Who won the French Open women's title?", "en", [_citation(1, quote)], {})
    assert ar is not None and ar.kind == "person" and ar.value == "سيمونا هاليب"
    assert en is not None and en.kind == "person" and en.value == "سيمونا هاليب" and "Balqb" not in en.text


def test_a_name_question_about_a_person_gets_the_person():
    quote = "وقال الطيار حسين رضائي إنه هبط بالطائرة بسلام بعد عطل في المحرك"
    direct = direct_answer("ما اسم الطيار الذي هبط بالطائرة؟", "ar", [_citation(1, quote)], {})
    assert direct is not None and direct.kind == "person" and direct.value == "حسين رضائي"
    thing = direct_answer(
        "ما اسم العملية التي أطلقها الجيش؟", "ar", [_citation(1, "وأطلق الجيش عملية درع الشمال، قال القائد حسين رضائي")], {}
    )
    assert thing is not None and thing.kind == "clause"  # the name of a thing: not the person the quote names


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_a_clause_answer_ends_without_the_sentences_full_stop(lang):
    quote = "وقال الناطق إن الطائرة تحطمت في منطقة جبلية، مضيفا أنه من غير المتوقع أن يكون أي من ركابها قد نجا."
    direct = direct_answer("هل نجا أحد من الركاب؟" if lang == "ar" else "Did anyone survive?", lang, [_citation(1, quote)], {})
    assert direct is not None and direct.kind == "clause" and direct.value.endswith("نجا.")  # the verbatim words keep it
    assert "نجا," in direct.text or "نجا،" in direct.text  # the line does not: "نجا., according to" read as two sentences
    assert line_clause("He said no one survived. ") == "He said no one survived"
    assert line_clause("Who survived?") == "Who survived?"  # a question mark says the quote asked: it stays


@pytest.mark.parametrize(
    ("quote", "filed", "happened"),
    [
        ("DAMASCUS, July 8, 2020 (Reuters) - Iran's chief of staff arrived in the Syrian capital on Monday.", "8 July", "6 July"),
        ("دمشق 8 يوليو 2020 (شينخوا) وصل رئيس الأركان الإيراني إلى دمشق يوم الاثنين.", "8 July", "6 July"),
    ],
)
def test_a_wire_datelines_date_is_when_the_report_was_filed_not_the_answer(quote, filed, happened):
    """A "when did he arrive?" over a dated wire lead: the weekday the lead reports, resolved against the dateline."""
    anchor = date(2020, 7, 8)
    for value in (read_value("date", "When did he arrive?", quote, anchor, "en"), read_date(quote, anchor, "en")):
        assert value is not None and happened in value.display and filed not in value.display
    undated = quote.replace(" on Monday", "").replace(" يوم الاثنين", "")
    assert read_date(undated, anchor, "en") is None  # the filing date alone answers no "when"


@pytest.mark.parametrize(
    ("question", "quote", "value"),
    [
        ("ما منصب أيمن الصفدي؟", "وقال وزير الخارجية الأردني أيمن الصفدي إن المحادثات ستستمر.", "وزير الخارجية الأردني"),
        ("What position does Ayman Safadi hold?", "وقال وزير الخارجية الأردني أيمن الصفدي إن المحادثات ستستمر.", "وزير الخارجية الأردني"),
        ("ما رتبة قائد الجيش عمر سالم؟", "والتقى قائد الجيش العميد عمر سالم بالوفد الزائر.", "العميد"),
        ("What post does Omar Salem hold?", "Army chief Brigadier General Omar Salem met the delegation.", "Brigadier General"),
        ("What is Safadi's position?", "وقال وزير الخارجية الأردني أيمن الصفدي إن المحادثات ستستمر.", "وزير الخارجية الأردني"),
        ("ما منصب الصفدي؟", "وقال وزير الخارجية الأردني أيمن الصفدي إن المحادثات ستستمر.", "وزير الخارجية الأردني"),
    ],
)
def test_a_named_persons_post_or_rank_is_the_role_the_quote_writes_before_the_name(question, quote, value):
    """A post or rank is no date, figure, place or name: the answer is the role phrase before the asked person's
    name (a rank question: only its rank), not the clause that names the person; a leading conjunction is left out.
    The person may be named by the family name alone, in either script."""
    direct = direct_answer(question, "en" if question.isascii() else "ar", [_citation(1, quote)], {})
    assert direct is not None and direct.value == value


def test_a_role_question_needs_a_named_person_and_a_post_word():
    """ "What role will Jordan play" asks no post, and a post question naming nobody finds no holder: a clause answers."""
    from language.names import asks_role

    assert asks_role("What role will Jordan play in the talks?") is None and asks_role("متى رتب الاجتماع؟") is None
    assert asks_role("Which army positions were shelled?") is None and asks_role("What is Egypt's position on the deal?") is None
    assert asks_role("ما هي رتبته العسكرية؟") == "rank" and asks_role("ما المنصب الذي شغله؟") == "post"
    quote = "وقال وزير الخارجية الأردني أيمن الصفدي إن المحادثات ستستمر."
    direct = direct_answer("What position did the minister describe?", "en", [_citation(1, quote)], {})
    assert direct is not None and direct.value != "وزير الخارجية الأردني"


def test_which_outlet_is_the_medium_a_quote_cites_not_a_clause():
    """ "Which newspaper reported ...?" over Arabic text: the outlet a reporting verb cites, shown in the reader's
    language; a source anywhere in the quotes comes before a wire agency merely mentioned, and an outlet the question
    names itself is not its answer."""
    from bot.direct import asks_outlet

    cited = _citation(1, 'ونقلت صحيفة "النهار" اللبنانية عن مصدر حكومي أن الحكومة ستجتمع غدا.')
    mentioned = _citation(2, "وقال الوزير للصحفيين، ومن بينهم مراسل وكالة رويترز، إن الاجتماع سيعقد غدا.")
    direct = direct_answer("Which Lebanese newspaper reported that the cabinet will meet?", "en", [mentioned, cited], {})
    assert direct is not None and direct.value == "النهار" and direct.citations == [1]
    direct = direct_answer("أي وكالة كان مراسلها بين الصحفيين بحسب رويترز؟", "ar", [mentioned], {})
    assert direct is None or direct.value != "رويترز"
    assert asks_outlet("مراسل أي وكالة أنباء كان بين الصحفيين؟") and asks_outlet("What TV channel aired the speech?")
    assert not asks_outlet("What did the agency say about the talks?") and not asks_outlet("أي دولة وقعت الاتفاق؟")
    assert not asks_outlet("Which UN agency warned of a famine?") and asks_outlet("Which agency reported the figure?")


def _scored(n: int, quote: str, score: float) -> Citation:
    return Citation(n=n, doc_id=f"d{n}", chunk_id=f"d{n}:0", quote=quote, start=0, end=len(quote), score=score, attributed_to=f"Outlet {n}")


def test_across_languages_the_quote_repeating_the_questions_constraint_states_the_value():
    """An English question over Arabic quotes: the ranker's first quote holds a date of something else; a quote a
    little lower that repeats the question's year states the month asked. Over same-language quotes the rank decides."""
    from bot.direct import Value, best_stated

    stopped = _scored(1, "وكان الإضراب قد توقف يوم الخميس الماضي", 0.8)
    began = _scored(2, "وبدأ الإضراب في أبريل عام 2015 احتجاجا على الأجور", 0.6)
    direct = direct_answer("In which month of 2015 did the strike begin?", "en", [stopped, began], {})
    assert direct is not None and direct.normalized == "2015-04" and direct.citations == [2]
    read = [(stopped, Value("يوم الخميس", "weekday:Thursday", "الخميس")), (began, Value("أبريل عام 2015", "2015-04", "أبريل 2015"))]
    assert best_stated("في أي شهر من عام 2015 بدأ الإضراب؟", read)[0] is stopped
    far = _scored(2, began.quote, 0.3)  # under CLAUSE_RATIO of the first: the rank stands
    assert best_stated("In which month of 2015 did the strike begin?", [read[0], (far, read[1][1])])[0] is stopped


@pytest.mark.parametrize(
    ("quote", "aged"),
    [
        ("أسفر الحادث عن 12 قتيلا بينهم السائق البالغ 45 عاما.", ["45 عاما"]),  # "عن" heads a toll, not an age
        ("قطعت القافلة ما يناهز 40 كيلومترا، وقائدها البالغ من العمر 52 عاما.", ["52 عاما"]),  # guard: a hedged distance
        ("توفي الكاتب عن 85 عاما بعد مسيرة دامت 60 عاما.", ["85 عاما"]),  # guard: the age still wins over a career
    ],
)
def test_only_a_span_of_years_is_told_as_an_age(quote: str, aged: list[str]) -> None:
    """The cues of an age ("عن", "يناهز") also head tolls and distances: an age asked is answered by years only."""
    question = "كم عمره؟"
    numbers = [c for c in candidates(question, quote, None, "ar") if c.kind == "number"]
    assert [c.value.words for c in of_ages_asked(question, quote, numbers)] == aged
    assert [c.value.words for c in numbers if states_age(quote, c.value)] == aged
