"""question_kind: questions that ask for a measure without "how many"/"كم" — a noun of measure after "what is the",
a word of degree after "how", "بكم" — ask for a number, in both languages. Made-up questions, no story's."""

import pytest

from language.lexicon import asks_age, asks_name, asks_said, asks_since, question_kind


@pytest.mark.parametrize(
    "question",
    [
        "What is the population of the island?",
        "What was the death toll of the storm?",  # one word between "the" and the noun of measure
        "What was the turnout in the referendum?",
        "What is the total cost of the new bridge?",
        "For what fee did the club sign the striker?",
        "How large was the budget deficit last year?",
        "How heavy a load can the crane lift?",
        "How fast was the train going?",
        "How often does the committee meet?",
        "What age is the newly elected mayor?",  # a noun of measure right after "what"
        "What was the age of the pilot?",
        "What is the confirmed flood death toll in the province?",  # two words between "the" and the noun of measure
        "What was Kenya's inflation rate in March?",  # a possessive for "the"
        "What is the projected annual cost of the subsidy?",
        "ما حصيلة ضحايا العاصفة؟",
        "ما سرعة القطار عند خروجه عن السكة؟",
        "ما وزن الشحنة التي نقلتها السفينة؟",
        "ما هي مساحة البحيرة؟",
        "ما عمر رئيسة البلدية الجديدة؟",
        "في أي سن تولت رئاسة البلدية؟",  # "سن": age
        "بكم بيع المنزل في المزاد؟",  # "for how much"
    ],
)
def test_a_question_of_measure_asks_for_a_number(question):
    assert question_kind(question) == "number"


@pytest.mark.parametrize(
    "question, kind",
    [
        ("How did the club sign the striker?", None),  # "how" + an auxiliary asks for a manner
        ("How was the bridge built?", None),
        ("What is the main reason for the delay?", None),  # a modifier before a noun that measures nothing
        ("What is the reason the city fell?", None),  # "the" is no modifier: "city" heads no phrase asked
        ("What did the city council decide?", None),  # no copula: "what did the ..." asks for a deed
        ("What is the largest city on the island?", "place"),  # the modifier slot serves every kind
        ("نرحب بكم، ما اسم العملية؟", None),  # "بكم" inside the question is "with you", not its question word
    ],
)
def test_other_questions_keep_their_kind(question, kind):
    assert question_kind(question) == kind


@pytest.mark.parametrize(
    "question, kind",
    [
        ("opening date new airport terminal", "date"),
        ("council election year", "date"),
        ("number of passengers on the ferry", "number"),
        ("flood death toll coastal villages", "number"),
        ("province worst hit by the storm", "place"),
        ("club coach full name", "person"),
        ("reason the ferry sank", None),  # no noun of a kind of value: a clause
        ("did the ferry sink at night", None),  # a yes/no question opened by an auxiliary
        ("the ferry sank on which day", "date"),  # an interrogative: the patterns decide as before
        ("why did the bridge close for a day", None),
        ("ferry sank off the coast and the number of them", None),  # a noun past the first words heads nothing
    ],
)
def test_a_keyword_query_asks_for_the_kind_its_noun_names(question, kind):
    assert question_kind(question) == kind


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("How old was the pilot?", True),
        ("At what age did she marry?", True),
        ("كم عمر المرشح الفائز؟", True),
        ("في أي سن تزوجت؟", True),
        ("How long did the siege last?", False),
        ("How old is the bridge's design, and who drew it?", True),
        ("كم عاما استمر الحصار؟", False),
    ],
)
def test_a_question_asking_a_persons_age(question: str, asked: bool) -> None:
    assert asks_age(question) is asked


@pytest.mark.parametrize(
    "question",
    [
        "During what period did the bridge stay closed to lorries?",
        "In which period were the murals painted?",
        "خلال أي فترة أغلق الجسر أمام الشاحنات؟",
        "في أي فترة رسمت الجداريات؟",
    ],
)
def test_a_question_of_period_asks_for_a_date(question):
    """A span of time asked by "what period" / "أي فترة" is answered by the quote's time words ("in recent months",
    "خلال الأشهر الماضية"), not by a clause."""
    assert question_kind(question) == "date"


@pytest.mark.parametrize("question", ["How long a period did the bridge stay closed?", "كم فترة بقي الجسر مغلقا؟"])
def test_a_question_of_how_long_a_period_still_asks_for_a_number(question):
    assert question_kind(question) == "number"


@pytest.mark.parametrize(
    "question, kind",
    [
        ("من هي الدولة التي استضافت البطولة؟", "place"),  # "who is the country": the noun decides, as after "ما هي"
        ("من هي المدينة التي فازت بالتنظيم؟", "place"),
        ("ومن هو البلد الذي أرسل الفريق؟", "place"),
        ("من هو رئيس الدولة؟", "person"),  # a noun of a person first: "who"
        ("كم عدد الزوار القادمين من الدولة التي استضافت البطولة؟", "number"),  # "من" inside: "from"
    ],
)
def test_who_with_a_noun_of_place_asks_for_a_place(question, kind):
    assert question_kind(question) == kind


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("Since when has the ferry run at night?", True),
        ("Since what year has the museum been shut?", True),
        ("منذ متى والمصنع مغلق؟", True),
        ("من إمتى والعبارة بتشتغل بالليل؟", True),
        ("How many ferries have sunk since 2015?", False),
        ("من أي مدينة انطلقت العبارة؟", False),
        ("When did the ferry start running?", False),
    ],
)
def test_a_question_asking_since_when(question: str, asked: bool) -> None:
    assert asks_since(question) is asked


def test_a_question_asking_for_a_person_by_the_noun_of_who_it_is_asks_for_a_name():
    assert asks_name("Which Al-Rafidain journalist carried the minister's remarks?")
    assert asks_name("Who was the chief negotiator's deputy, the official who signed?")
    assert asks_name("ما اسم الطيار الذي هبط بالطائرة؟") and asks_name("من هو وزير الزراعة الذي زار المزارعين؟")
    assert not asks_name("Who is Karim Nassar?") and not asks_name("من هو كريم نصار؟")
    assert not asks_name("Who said the harvest fell?") and not asks_name("Which country hosted the talks?")


@pytest.mark.parametrize(
    "question",
    [
        "What did the mayor tell reporters about the flood barriers?",
        "How did the opposition react to the budget vote?",
        "ماذا قال وزير الصحة عن حملة التطعيم؟",
        "كيف ردت النقابة على قرار الحكومة؟",
        "وش كان موقف البلدية من المشروع؟",
    ],
)
def test_asks_said(question):
    assert asks_said(question)


@pytest.mark.parametrize(
    "question",
    [
        "When did the mayor open the new bridge?",
        "How did the minister describe the talks?",  # a description is often told with no verb of saying
        "كم فردا من الطاقم نجوا من الحادث؟",  # "فردا": a person, not "ف" + "رد"
        "أين عقد الاجتماع؟",
    ],
)
def test_asks_no_said(question):
    assert not asks_said(question)
