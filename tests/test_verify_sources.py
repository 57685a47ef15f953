"""Verify on a new source's shapes: wire datelines, places in apposition, words that only look like persons, and a
count that points back to the noun before it (made-up sentences; pure functions, the encoder only where named)."""

from __future__ import annotations

import datetime as dt

import pytest

import config
from bot.claims import Evidence
from bot.schema import Conflict, Position
from bot.stance import compare_many
from bot.verify import align_words, claim_frame, verify_claim
from bot.verify.dates import _dateline_date
from bot.verify.numbers import _count_pairs
from bot.verify.places import _sites, _slot_places, _spelled_otherwise
from bot.verify.sentence import _story
from language.calendar import resolve_times
from language.names import learn


@pytest.fixture(scope="module")
def embeddings_model():
    """The real packaged evidence encoder (multilingual), as ``verify`` uses it."""
    from vectorstore.embeddings import load_embeddings

    return load_embeddings(config.Settings().evidence_model)


def test_a_city_after_a_noun_of_place_is_where_the_event_was():
    """ "في العاصمة النمساوية فيينا", "in the Austrian capital Vienna": a noun of place (and its adjective) stands between
    the preposition and the city. A city acting ("Vienna said") is still no place slot."""
    for text in (
        "هاجم رجل حارسا أمام السفارة في العاصمة النمساوية فيينا مساء الأحد",
        "هاجم رجل حارسا أمام السفارة بالعاصمة النمساوية فيينا",
        "A man attacked a guard in the Austrian capital Vienna on Sunday",
        "A man attacked a guard in the city of Vienna",
    ):
        assert "Europe/Vienna" in _slot_places(text), text
    assert _slot_places("Vienna said the guard acted lawfully") == {}


def test_a_datelines_date_dates_the_report_not_the_event():
    """ "ROME, June 3, 2019 (AFP) - … on Sunday": the dateline is the filing day; the event's day is in the story."""
    text = "ROME, June 3, 2019 (AFP) - A gas blast destroyed a bakery in central Rome late on Sunday, police said."
    dates = resolve_times(text, dt.date(2019, 6, 3), "en")
    assert [_dateline_date(text, t) for t in dates] == [True, False]
    ev = [Evidence(1, "a", text, "AFP", dt.date(2019, 6, 3))]
    result = verify_claim("A gas blast destroyed a bakery in central Rome on Sunday.", ev, [])
    assert result.verdict == "SUPPORTED", result.explanation
    arabic = "الرباط - 3 حزيران/يونيو 2019 (أ ف ب) - دمر انفجار غاز مخبزا وسط الرباط مساء الأحد"
    assert _dateline_date(arabic, resolve_times(arabic, dt.date(2019, 6, 3), "ar")[0])


def test_words_that_only_look_like_a_person_are_no_rival_person():
    """A lone capitalised word opening a title ("Police name …"), a thing after "the" ("in the Sahel, claimed") and an
    Arabic description a verb of saying frames ("أفادت مصادر أمنية") are nobody doing the claim's deed in its place."""
    claim = "The stabbing at the central station was carried out by Jonas Heller."
    title = "Police name man who carried out the stabbing at the central station"
    assert verify_claim(claim, [Evidence(1, "a", title, "X", None)], []).verdict != "REFUTED"
    rival = "Prosecutors said Martin Vogel carried out the stabbing at the central station."
    assert verify_claim(claim, [Evidence(1, "a", rival, "X", None)], []).verdict == "REFUTED"
    claimed = "The Northern Brigade claimed the attack on the border post."
    sahel = "The Northern Brigade, the main armed group in the Sahel, claimed the attack on the border post on Monday."
    assert verify_claim(claimed, [Evidence(1, "a", sahel, "X", None)], []).verdict == "SUPPORTED"
    arabic = "نفذ كريم حداد الهجوم على مركز الشرطة في المدينة"
    sources = "أفادت مصادر أمنية بأن كريم حداد نفذ الهجوم على مركز الشرطة في المدينة"
    result = verify_claim(arabic, [Evidence(1, "a", sources, "X", None)], [])
    assert result.verdict == "SUPPORTED", result.explanation


def test_a_count_of_others_counts_the_noun_before_it():
    """ "killing 3 people and wounding 30 others": the 30 are people, wounded; they confirm or rival a count of the
    wounded, never one of the killed."""
    sentence = "A car bomb exploded near the market on Friday, killing 3 people and wounding 30 others."
    ev = [Evidence(1, "a", sentence, "X", None)]
    assert verify_claim("30 people were wounded when a car bomb exploded near the market.", ev, []).verdict == "SUPPORTED"
    assert verify_claim("45 people were wounded when a car bomb exploded near the market.", ev, []).verdict == "REFUTED"
    assert verify_claim("30 people were killed when a car bomb exploded near the market.", ev, []).verdict == "REFUTED"


def test_a_count_predicate_aligns_with_the_other_languages_count_predicates(embeddings_model):
    """Among all words the encoder puts "أصيب" near no English one within the margin; matched against the other
    language's count predicates alone, it meets "wounding" (not "killing")."""
    claim = "أصيب 45 شخصا في انفجار السيارة المفخخة قرب السوق"
    sentence = "A car bomb exploded near the market on Friday, killing 3 people and wounding 30 others."
    aligned = align_words(claim, [sentence], embeddings_model)
    assert "wounding" in aligned.get("أصيب", []) and "killing" not in aligned.get("أصيب", []), aligned
    result = verify_claim(claim, [Evidence(1, "a", sentence, "X", None)], [], aligned=aligned)
    assert result.verdict == "REFUTED", result.explanation


def test_a_city_spelled_otherwise_is_found_by_its_skeleton():
    """ "غربي كابل": CLDR spells the city "كابول"; beside a confirmed count, its consonant skeleton names it. A longer
    word that only starts alike ("كابلات") does not."""
    frame = claim_frame("34 people were killed in the bombing in Kabul.")
    assert _spelled_otherwise(frame, "قتل 34 شخصا في تفجير غربي كابل") == {"Asia/Kabul": "كابل"}
    assert _spelled_otherwise(frame, "مدت الشركة كابلات جديدة") == {}


def test_a_city_whose_first_letter_looks_like_a_clitic_keeps_it():
    """ "وارشو" (CLDR: "وارسو") is no و + "ارشو", "بامكو" (CLDR: "باماكو") no ب + "امكو"; a real clitic still comes
    off ("بوارشو")."""
    warsaw = claim_frame("Five people were killed in Warsaw.")
    assert _spelled_otherwise(warsaw, "قتل خمسة أشخاص في وارشو") == {"Europe/Warsaw": "وارشو"}
    assert _spelled_otherwise(warsaw, "قتل خمسة أشخاص بوارشو") == {"Europe/Warsaw": "بوارشو"}
    bamako = claim_frame("Five people were killed in Bamako.")
    assert _spelled_otherwise(bamako, "قتل خمسة أشخاص في بامكو") == {"Africa/Bamako": "بامكو"}


def test_a_later_smaller_toll_conflicts_with_an_earlier_larger_one():
    """Tolls rise: a later report of the claim's figure supersedes an earlier smaller one, not an earlier larger one
    ("40 killed" on Thursday, "36" on Friday: the sources disagree)."""
    claim = "36 people were killed in the market blast in Dalton."
    later = Evidence(2, "b", "36 people were killed in the market blast in Dalton, officials said.", "Y", dt.date(2021, 4, 2))
    for earlier, verdict in ((40, "CONFLICTING"), (30, "SUPPORTED")):
        text = f"{earlier} people were killed in the market blast in Dalton, police said."
        result = verify_claim(claim, [Evidence(1, "a", text, "X", dt.date(2021, 4, 1)), later], [])
        assert result.verdict == verdict, (earlier, result.explanation)


def test_a_mention_holding_the_claimed_name_is_no_other_person():
    """ "زيارة مستشار ترامب لمصر" read as a person "ترامب لمصر": it holds the claim's name, so it is that person with a
    word too many, not someone else."""
    claim = "مستشار ترامب يزور مصر وقطر لبحث صفقة السلام"
    sentence = "زيارة مستشار ترامب لمصر و قطر لبحث صفقة السلام"
    result = verify_claim(claim, [Evidence(1, "a", sentence, None, None)], [])
    assert result.verdict == "SUPPORTED", result.explanation


def test_two_persons_named_together_tell_their_meeting_in_any_verb():
    """ "received", "hosted" for "met": a sentence naming both of the claim's persons tells their encounter, so its day
    is judged (a one-word deed only; the persons apart tell nothing)."""
    claim = "Brandt met Alvarez on Tuesday."
    received = "Chancellor Olaf Brandt received Foreign Minister Pedro Alvarez in Hamburg on Monday evening."
    assert verify_claim(claim, [Evidence(1, "a", received, "X", dt.date(2021, 3, 2))], []).verdict == "REFUTED"
    hosted = "Chancellor Olaf Brandt hosted Foreign Minister Pedro Alvarez in Hamburg on Tuesday."
    assert verify_claim(claim, [Evidence(1, "a", hosted, "X", dt.date(2021, 3, 2))], []).verdict == "SUPPORTED"
    alone = "Chancellor Olaf Brandt spoke in Hamburg on Monday evening."
    assert verify_claim(claim, [Evidence(1, "a", alone, "X", dt.date(2021, 3, 2))], []).verdict == "NOT_ENOUGH_INFO"


def test_a_sentence_naming_the_persons_takes_the_day_its_article_gives():
    """A story dates its event once: the undated sentence naming both persons takes the day its article's other
    sentence gives the meeting; not another article's, and not where the article's days disagree."""
    claim = "Olaf Brandt met Pedro Alvarez on Tuesday."
    dated = "Olaf Brandt met Pedro Alvarez in Hamburg on Wednesday, the chancellery said."
    undated = "During his talks with Pedro Alvarez, Olaf Brandt praised the new trade accord."
    frame = claim_frame(claim, learn([claim, dated, undated]))
    story = _story(frame, [Evidence(1, "a", dated, "X", None), Evidence(2, "a", undated, "X", None)])
    assert [c.kind for c in story[2]] == ["clash"] and 1 not in story
    assert _story(frame, [Evidence(1, "a", dated, "X", None), Evidence(2, "b", undated, "X", None)]) == {}
    agreeing = "Olaf Brandt met Pedro Alvarez in Hamburg on Tuesday, the chancellery said."
    both = [Evidence(1, "a", dated, "X", None), Evidence(2, "a", agreeing, "X", None), Evidence(3, "a", undated, "X", None)]
    assert 3 not in _story(frame, both)


def test_a_town_no_gazetteer_lists_is_a_place_slot_after_a_noun_of_place():
    """ "in the town of Marbrook" / "في بلدة ويلستون": a name after a noun of place is where the event was even where
    CLDR does not list it; the same name states the place, another under the same noun refutes it. An adjective ("في
    منطقة مزدحمة") and a country ("في دولة قطر") are no such name."""
    assert _sites("A bridge collapsed in the town of Marbrook on Friday") == [("town", "Marbrook")]
    assert _sites("انهار جسر في منطقة مزدحمة في دولة قطر") == []
    claim = "The bridge that collapsed and killed six people was in the city of Marbrook."
    other = "Six people were killed when a bridge collapsed in the city of Wilston on Friday."
    assert verify_claim(claim, [Evidence(1, "a", other, "X", None)], []).verdict == "REFUTED"
    same = "Six people were killed when a bridge collapsed in Marbrook on Friday."
    assert verify_claim(claim, [Evidence(1, "a", same, "X", None)], []).verdict == "SUPPORTED"
    unplaced = "Six people were killed when a bridge collapsed on Friday."
    assert verify_claim(claim, [Evidence(1, "a", unplaced, "X", None)], []).verdict == "NOT_ENOUGH_INFO"
    # A sentence of the same article that names no place takes the article's town.
    article = [Evidence(1, "a", same, "X", None), Evidence(2, "a", "Six people were killed on Friday.", "X", None)]
    assert [c.kind for c in _story(claim_frame(claim), article)[2]] == ["match"]
    arabic = "الجسر الذي انهار وقتل ستة أشخاص كان في مدينة ماربروك"
    wilston = "قتل ستة أشخاص إثر انهيار جسر في مدينة ويلستون شمال البلاد"
    assert verify_claim(arabic, [Evidence(1, "a", wilston, "X", None)], []).verdict == "REFUTED"
    marbrook = "قتل ستة أشخاص إثر انهيار جسر في بلدة ماربروك شمال البلاد"
    assert verify_claim(arabic, [Evidence(1, "a", marbrook, "X", None)], []).verdict == "SUPPORTED"
    # A name that opens like a clitic ("فالدرن": no ف + الدرن) is matched as written too.
    falden = "قتل ستة أشخاص في انهيار جسر في بلدة فالدرن"
    assert verify_claim(falden, [Evidence(1, "a", "قتل ستة أشخاص إثر انهيار جسر في فالدرن", "X", None)], []).verdict == "SUPPORTED"


def test_an_arabic_dual_noun_is_the_count_of_two_a_claim_gives():
    """ "شرطيتين" is two policewomen: Arabic writes two with no numeral, so a claimed count of two pairs with the dual
    (and three does not match it)."""
    sentence = "قال مسؤول إن مسلحا قتل شرطيتين في المدينة مساء الأحد"
    two = _count_pairs(claim_frame("قتل مسلح شرطيتين في المدينة"), Evidence(1, "a", sentence, "X", None))
    assert [(c.low, s.low, s.text) for c, s in two] == [(2, 2, "شرطيتين")]
    three = _count_pairs(claim_frame("قتل مسلح ثلاث شرطيات في المدينة"), Evidence(1, "a", sentence, "X", None))
    assert [(c.low, s.low) for c, s in three] == [(3, 2)]


def test_a_sure_rebuttal_that_drops_the_claimed_figure_refutes_where_no_source_states_it():
    """A rebuttal drops the detail it rebuts: "the court acquits him" gives no term against "jailed for 5 years". The
    stance model's sure "contradict" (same language) then refutes, but only where no source states the claim, and an
    unsure one, or one only on a slot verify reads itself, does not."""
    from bot.schema import Comparison

    claim = "قضت محكمة الاستئناف بسجن الناشط وليد عاصي 5 سنوات"
    rebuttal = Evidence(1, "a", "محكمة الاستئناف تبرئ الناشط وليد عاصي من جميع التهم", "صحيفة", None)
    stated = Evidence(2, "b", "قضت محكمة الاستئناف بسجن الناشط وليد عاصي 5 سنوات بتهمة التحريض", "وكالة", None)
    sure = Comparison(relation="contradict", score=0.9, reasons=[])
    assert verify_claim(claim, [rebuttal], [sure]).verdict == "REFUTED"
    assert verify_claim(claim, [rebuttal, stated], [sure, Comparison(relation="agree", score=0.9)]).verdict == "SUPPORTED"
    assert verify_claim(claim, [rebuttal], [Comparison(relation="contradict", score=0.6, reasons=[])]).verdict == "NOT_ENOUGH_INFO"
    negation_only = Comparison(relation="contradict", score=0.9, reasons=["negation in B: لم"])
    assert verify_claim(claim, [rebuttal], [negation_only]).verdict == "NOT_ENOUGH_INFO"


def test_a_broken_plural_counts_what_its_singular_counts():
    """ "أشخاص" is the plural of "شخص" (the pattern أفعال): where the claim's "people" is aligned with an article's
    "أشخاص", "9 شخصا" counts it too."""
    from bot.verify import word_keys

    assert "شخص" in word_keys("الأشخاص") and "طفل" in word_keys("أطفال") and "سبب" in word_keys("أسباب")
    assert "نفجر" not in word_keys("انفجار")  # six letters: not the pattern
    claim = "Nine people were killed in the fire at the depot in Varnholt."
    sentence = Evidence(1, "a", "قالت الشرطة إن 9 شخصا لقوا حتفهم في حريق المستودع", None, None)
    frame = claim_frame(claim, learn([claim, sentence.text]), {"people": ["أشخاص"]})
    assert [s.text for _, s in _count_pairs(frame, sentence)] == ["9 شخصا"]


def test_the_voice_telling_a_sentence_does_not_do_its_deed():
    """ "…, killing seven people, Mayor Thomas Kell said": the mayor tells the shooting, he is no other gunman than the
    claim's. Where the claim itself reports a saying, the speaker is its agent and another one still clashes."""
    told = Evidence(1, "a", "A gunman shot seven people at the market in Ridgeton on Monday, Mayor Thomas Kell said.", "Wire", None)
    judged = verify_claim("Peter Vail shot seven people at the market in Ridgeton.", [told], [None])
    assert judged.verdict == "SUPPORTED" and "Kell" not in judged.explanation
    said = verify_claim("Governor Anna Rowe said seven people were shot at the market in Ridgeton.", [told], [None])
    assert said.verdict == "REFUTED" and "Kell" in said.explanation


def test_a_claim_of_a_count_asks_the_question_its_count_answers():
    """The claim's figure asked as a question (``bot.evidence`` then quotes each article's own statement of it), without
    the figure; a claim that counts nothing asks nothing."""
    from bot.verify import count_question
    from language.lexicon import question_kind

    asked = count_question("Nine people were killed in the fire at the depot in Varnholt.")
    assert question_kind(asked) == "number" and "Nine" not in asked
    assert question_kind(count_question("قتل 9 أشخاص في حريق المستودع")) == "number"
    assert count_question("The minister visited the depot on Tuesday.") is None


def test_a_person_stands_in_for_the_claims_only_as_the_doer_of_its_deed():
    """Another person in a sentence on the claim's deed is a rival only as the doer of the claim's predicate: the
    mayor who welcomed the grant did not order it in the governor's place; the one who ordered it did."""
    claim = "Governor Anna Rowe ordered a new grant for the harbour fund of Ridgeton."
    welcomed = "Mayor Tomas Reddin welcomed the new grant for the harbour fund of Ridgeton."
    ordered = "Mayor Tomas Reddin ordered the new grant for the harbour fund of Ridgeton."
    for sentence, refuted in ((welcomed, False), (ordered, True)):
        result = verify_claim(claim, [Evidence(1, "a", sentence, "Wire", None)], [None])
        assert (result.verdict == "REFUTED") == refuted and ("Reddin" in result.explanation) == refuted, result.explanation


def test_an_articles_headline_is_no_rival_of_its_body():
    """An update whose latest figure is an article's headline (too short to state the claim), while its body states the
    claim's figure: the article is one report, so the earlier, smaller toll it updates does not dispute the claim. The
    same headline from another article is a figure no supporting source states."""
    from bot.schema import Conflict, Position

    claim = "At least seven people were killed in the blast at the depot in Varnholt."
    body = Evidence(
        1, "new", "At least 7 people were killed in the blast at the depot in Varnholt, police said.", None, dt.date(2021, 4, 2)
    )
    earlier = Evidence(2, "old", "At least 4 people were killed in the blast at the depot in Varnholt.", "Wire", dt.date(2021, 4, 1))
    for third, verdict in (("new", "SUPPORTED"), ("other", "CONFLICTING")):
        headline = Evidence(3, third, "Toll rises to 7", None, dt.date(2021, 4, 3))
        update = Conflict(
            topic=body.text,
            kind="number",
            relation="update",
            positions=[
                Position(value=v, normalized=v, attributed_to="x", citations=[n]) for v, n in (("4 people", 2), ("7 people", 1), ("7", 3))
            ],
        )
        result = verify_claim(claim, [body, earlier, headline], [], [update])
        assert result.verdict == verdict, (third, result.explanation)


def test_a_city_in_construct_with_a_noun_of_place_is_where_the_event_was():
    """ "شرقي محافظة حمص": a noun of place in construct with the city, no preposition before it, still puts the event
    there; a governor of the city ("محافظ حمص") does not."""
    text = "قتل المدرس سمير خوري بانفجار سيارة مفخخة في قرية الزيتون شرقي محافظة حمص"
    assert "SY-HI" in _slot_places(text)
    assert _slot_places("قال محافظ حمص إن المدرس قتل") == {}
    result = verify_claim("قتل المدرس سمير خوري بانفجار سيارة مفخخة في حمص", [Evidence(1, "a", text, "X", None)], [])
    assert result.verdict == "SUPPORTED", result.explanation


def test_the_claimed_city_named_beside_a_confirmed_date_is_the_place():
    """ "TUNIS (Reuters) - A Tunis court … in the capital on May 5, 2015": the city is named, not put after "in", but the
    sentence confirms the claimed date itself, so it is where; named alone it confirms nothing."""
    text = "TUNIS (Reuters) - A Tunis appeals court sentenced 12 policemen for killing protesters in the capital on May 5, 2015."
    result = verify_claim("Protesters were killed in Tunis on May 5, 2015.", [Evidence(1, "a", text, "Reuters", None)], [])
    assert result.verdict == "SUPPORTED", result.explanation
    undated = "TUNIS (Reuters) - A Tunis appeals court sentenced 12 policemen for killing protesters in the capital."
    result = verify_claim("Protesters were killed in Tunis.", [Evidence(1, "a", undated, "Reuters", None)], [])
    assert result.verdict == "NOT_ENOUGH_INFO", result.explanation


def test_a_name_of_short_words_is_found_across_scripts_by_their_run():
    """ "Karina Mey" / "كارينا مي": neither word alone has a skeleton long enough to tell a name, the two in a row do;
    a sentence without the name still lacks it."""
    claim = "Rita Sami was convicted of plotting to kill Karina Mey."
    aligned = {"convicted": ["أدانت"], "plotting": ["التخطيط"], "kill": ["لقتل"]}
    text = "أدانت محكمة في لندن ريتا سامي بتهمة التخطيط لقتل كارينا مي"
    result = verify_claim(claim, [Evidence(1, "a", text, "X", None)], [], aligned=aligned)
    assert result.verdict == "SUPPORTED", result.explanation
    other = "أدانت محكمة في لندن ريتا سامي بتهمة التخطيط لقتل جارتها"
    assert verify_claim(claim, [Evidence(1, "a", other, "X", None)], [], aligned=aligned).verdict == "NOT_ENOUGH_INFO"


def test_a_count_of_persons_of_the_claims_noun_is_the_claims_count():
    """ "قتل 3 أشخاص من العمال" (three persons of the workers) counts the workers the claim counts: it confirms three
    and rivals four; "of" in English alike."""
    claim = "قتل ثلاثة عمال في انهيار مبنى في مدينة حمص"
    for figure, verdict in (("3", "SUPPORTED"), ("4", "REFUTED")):
        text = f"قتل {figure} أشخاص من العمال في انهيار مبنى في مدينة حمص"
        result = verify_claim(claim, [Evidence(1, "a", text, "X", None)], [])
        assert result.verdict == verdict, result.explanation
    text = "Four people of the workers were killed when a building collapsed in Homs."
    result = verify_claim("Three workers were killed when a building collapsed in Homs.", [Evidence(1, "a", text, "X", None)], [])
    assert result.verdict == "REFUTED", result.explanation


def test_support_that_is_one_side_of_a_conflict_over_the_claimed_figure_is_conflicting():
    """The conflict's topic is one outlet's clause, worded apart from the claim; its sides still hold the very figure
    the claim states, shown by the sentence that supports it."""
    day = dt.date(2019, 3, 12)
    evidence = [
        Evidence(1, "a", "ارتفع معدل التضخم السنوي في البلاد إلى 18.2% في فبراير، بحسب مكتب الإحصاء.", "صحيفة أ", day),
        Evidence(2, "b", "The statistics office said prices were 17.6 percent higher in February than a year earlier.", "Wire", day),
    ]
    claim = "ارتفع معدل التضخم السنوي إلى 18.2% في فبراير"
    comparisons = compare_many([(claim, e.text) for e in evidence])

    def conflict(figure: str) -> Conflict:
        sides = [Position(value=f"{figure}%", normalized=f"{figure} %", attributed_to="صحيفة أ", citations=[1])]
        sides.append(Position(value="17.6 percent", normalized="17.6 %", attributed_to="Wire", citations=[2], side=1))
        return Conflict(topic="المستوى القياسي للأسعار بلغ 18.2%", kind="number", relation="conflict", positions=sides)

    assert verify_claim(claim, evidence, comparisons, [conflict("18.2")]).verdict == "CONFLICTING"
    # a conflict over another figure of the supporting sentence, its topic worded apart, is not about the claim
    assert verify_claim(claim, evidence, comparisons, [conflict("19.1")]).verdict == "SUPPORTED"
