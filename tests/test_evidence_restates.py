"""Which of an outlet's sentences is quoted as its figure (``bot.evidence._figures``) when a question asks for a
measure or when an article words its figure twice; which figure the direct line answers a question of measure with. Made-up sentences; USE vectors set by hand where restatement
matters."""

from __future__ import annotations

import numpy as np

from bot.direct import direct_answer
from bot.evidence import EvidenceSentence, _choose, _figure_rank, _order, asked_nouns, measured
from bot.schema import Citation
from language.lexicon import asked_measures
from language.numbers import asked_kinds_of_measure, find_quantities, measure_kind


def unit(*xs: float) -> np.ndarray:
    v = np.asarray(xs, dtype=float)
    return v / np.linalg.norm(v)


def sentence(doc: str, start: int, text: str, score: float, vector: np.ndarray, restates: float = 0.0) -> EvidenceSentence:
    return EvidenceSentence(doc, f"{doc}:0", start, start + len(text), text, score, 0.0, 0.0, restates=restates, vector=vector)


def quoted(chosen: list[EvidenceSentence], doc: str) -> list[str]:
    return [ev.text for ev in chosen if ev.doc_id == doc]


def test_an_outlets_sentence_restating_the_answers_figure_is_its_figure_though_the_ranker_scores_another_higher():
    question = "How many goals has the striker scored this season?"
    asked = asked_nouns(question) | {"هدف"}  # as ``aligned_units`` adds the Arabic noun across languages
    best = sentence("a", 0, "وسجل المهاجم 21 هدفا هذا الموسم مع ناديه.", 0.9, unit(1, 0, 0))
    b_lead = sentence("b", 0, "غاب المهاجم عن التدريبات بسبب الإصابة.", 0.5, unit(0.3, 1, 0), restates=0.7)
    b_match = sentence("b", 50, "وخسر الفريق المباراة الأولى بثلاثة أهداف مقابل هدف.", 0.06, unit(0.2, 0, 1))
    b_season = sentence("b", 100, "وأحرز المهاجم 22 هدفا في 25 مباراة.", 0.04, unit(0.9, 0, 0.3))
    chosen = _choose(sorted([best, b_lead, b_match, b_season], key=_order), limit=4, per_doc=2, asks="number", asked=asked)
    assert b_season.text in quoted(chosen, "b")
    assert b_match.text not in quoted(chosen, "b")


def test_a_restatement_does_not_outvote_what_the_ranker_finds_answers():
    """The best article's only statement of the noun is a past figure; another outlet's restatement of it (a
    cosine) must not push out its own sentence the ranker finds answers the question."""
    asked = asked_nouns("كم مهاجرا على متن السفينة؟")
    best = sentence("a", 0, "وكانت السفينة أنقذت 600 مهاجر في الشهر الماضي.", 0.9, unit(1, 0, 0))
    b_answer = sentence("b", 0, "وتقل السفينة أكثر من 140 مهاجرا تنتظر ميناء.", 0.7, unit(0.4, 1, 0), restates=0.7)
    b_lead = sentence("b", 60, "وطلبت السفينة الرسو في ميناء قريب.", 0.72, unit(0.3, 1, 0.2), restates=0.7)
    b_echo = sentence("b", 100, "ووصل أكثر من 600 ألف مهاجر إلى البلاد عبر البحر.", 0.02, unit(0.8, 0, 0.6))
    chosen = _choose(sorted([best, b_answer, b_lead, b_echo], key=_order), limit=4, per_doc=2, asks="number", asked=asked)
    assert b_answer.text in quoted(chosen, "b")
    assert b_echo.text not in quoted(chosen, "b")


def test_the_best_articles_wording_that_another_outlets_figure_restates_is_quoted_beside_it():
    asked = asked_nouns("كم دقيقة استمرت المحادثات الأولى؟")
    best = sentence("a", 0, "والتقى الزعيمان وجها لوجه لمدة 45 دقيقة قبل الاجتماع الموسع.", 0.9, unit(1, 0, 0))
    a_other = sentence("a", 80, "وكان الرئيس قد قال إن العلاقة جيدة.", 0.8, unit(0.5, 1, 0))
    a_restated = sentence("a", 140, "وبعد محادثات أولية استمرت قرابة 45 دقيقة خرج الزعيمان.", 0.3, unit(0.6, 0, 0.8))
    b_figure = sentence(
        "b", 0, "وبعد محادثات أولية استمرت قرابة 35 دقيقة خرج الزعيمان إلى الحديقة.", 0.2, unit(0.55, 0, 0.83), restates=0.9
    )
    chosen = _choose(sorted([best, a_other, a_restated, b_figure], key=_order), limit=3, per_doc=2, asks="number", asked=asked)
    assert quoted(chosen, "a") == [best.text, a_restated.text]
    assert quoted(chosen, "b") == [b_figure.text]


def test_a_question_of_measure_takes_each_outlets_figure_of_that_measure():
    question = "How heavy a load can the new crane lift?"
    asked = asked_nouns(question) | {measured(kind) for kind in asked_measures(question)}
    best = sentence("a", 0, "وصممت الرافعة الجديدة لرفع حمولة يصل وزنها إلى 90 طنا بتكلفة 12 مليون دولار.", 0.9, unit(1, 0, 0))
    b_lead = sentence("b", 0, "دشنت الشركة الرافعة الجديدة في الميناء.", 0.6, unit(0.3, 1, 0), restates=0.7)
    b_staff = sentence("b", 50, "ويعمل في الميناء 300 موظف.", 0.3, unit(0, 1, 0.2))
    b_load = sentence("b", 90, "وتستطيع الرافعة رفع 85 ألف كيلوغرام.", 0.1, unit(0.1, 0.2, 1))  # another unit of mass
    chosen = _choose(sorted([best, b_lead, b_staff, b_load], key=_order), limit=4, per_doc=2, asks="number", asked=asked)
    assert quoted(chosen, "b") == [b_lead.text, b_load.text]


def test_a_figures_kind_of_measure_is_its_cldr_category_or_its_kind():
    kinds = {q.text: measure_kind(q) for q in find_quantities("رفعت 70 طنا على بعد 40 كيلومترا بتكلفة 500 يورو وقتل 3 أشخاص")}
    assert kinds == {"70 طنا": "mass", "40 كيلومترا": "length", "500 يورو": "money", "3 أشخاص": None}


def test_the_measure_a_question_asks_for():
    assert asked_measures("How heavy a load can the crane lift?") == {"mass"}
    assert asked_measures("How far is the camp from the border?") == {"length"}
    assert asked_measures("What age is the new mayor?") == {"duration"}
    assert asked_measures("How much is the fine for parking there?") == {"money"}
    assert asked_measures("ما سرعة الرياح المتوقعة؟") == {"speed"}
    assert asked_measures("كم يبلغ وزن الشحنة؟") == {"mass"}
    assert asked_measures("How many people were hurt?") == frozenset()
    assert asked_measures("How many people died in the old city on the day of the storm's highest winds?") == frozenset()


def test_a_bare_how_much_or_a_price_asks_a_sum():
    """English measures with a noun ("how much land") and counts with "how many", so "how much" of nothing named asks
    a sum; "بكم" before a verb is "for how much", before a noun "with how many"."""
    assert asked_measures("How much did the club pay for the striker?") == {"money"}
    assert asked_measures("For how much was the old house sold?") == {"money"}
    assert asked_measures("بكم اشترت البلدية الأرض الجديدة؟") == {"money"}
    assert asked_measures("How large was the budget deficit last year?") == {"money"}
    assert asked_measures("كم بلغت إيرادات الميناء في الربع الأول؟") == {"money"}
    assert asked_measures("بكم صوتا فاز المرشح؟") == frozenset()
    assert asked_measures("بكم سنة حكم على المتهم؟") == frozenset()
    assert asked_measures("How much land was flooded?") == frozenset()


def _citation(n: int, quote: str, score: float) -> Citation:
    return Citation(
        n=n,
        doc_id=f"d{n}",
        chunk_id=f"d{n}:0",
        outlet="Outlet X",
        quote=quote,
        start=0,
        end=len(quote),
        score=score,
        attributed_to="Outlet X",
    )


def test_the_direct_line_answers_a_question_of_measure_with_a_figure_of_that_measure():
    """Its other figures (a cost, a year read as a count) are no answer to "how heavy" or "what age"."""
    crane = _citation(1, "وصممت الرافعة لرفع حمولة يصل وزنها إلى 90 طنا بتكلفة 12 مليون دولار.", 0.9)
    direct = direct_answer("How heavy a load can the crane lift?", "en", [crane], {"d1": None})
    assert direct is not None and "90" in direct.text and "12" not in direct.text
    year = _citation(1, "وفازت المرشحة بأغلبية 26 صوتا في الجولة الثانية التي جرت بعد 3 جولات.", 0.9)
    age = _citation(2, "وتبلغ المرشحة الفائزة من العمر 48 عاما.", 0.5)
    direct = direct_answer("What age is the winning candidate?", "en", [year, age], {"d1": None, "d2": None})
    assert direct is not None and "48" in direct.text


def test_a_share_is_of_the_noun_after_its_word_of_share_and_outranks_other_shares():
    question = "ما نسبة المشاركة في الاستفتاء؟"
    asked = asked_nouns(question) | {measured(kind) for kind in asked_measures(question)}
    turnout = "وقالت اللجنة إن نسبة المشاركة بلغت 48 بالمئة عند الظهر."
    vote_share = "وفاز الاقتراح بنسبة 61% من الأصوات."
    assert _figure_rank(turnout, "number", asked, set()) == 0
    assert _figure_rank(vote_share, "number", asked, set()) == 1  # a share, but not of the turnout
    assert _figure_rank("The unemployment rate rose to 7 percent.", "number", asked_nouns("What is the unemployment rate?"), set()) == 0


def test_a_unit_the_question_names_asks_for_its_kind_of_measure():
    assert asked_kinds_of_measure("How many hectares has the fire burned?") == {"area"}
    assert asked_kinds_of_measure("على بعد كم كيلومترا تقع القاعدة؟") == {"length"}
    assert asked_kinds_of_measure("كم شخصا قتلوا في الهجوم؟") == frozenset()  # "كم" asks; it is no kilometre
    assert asked_kinds_of_measure("كم دفع النادي مقابل انتقال لاعب سان مارينو؟") == frozenset()  # "سان" is no year (سنة)
