"""A clause answer goes on into the clauses that continue it: a comma in news often falls between a verb and what it
governs ("وأدت الأمطار ...، إلى انهيار ..."), and the clause repeating the question alone stops before the answer."""

from __future__ import annotations

from bot.direct import MAX_CLAUSE_CHARS, Value, continued, direct_answer, says_more
from tests.citations import cite

RAIN = "وأدت الأمطار الغزيرة التي هطلت على المدينة طوال الليل، إلى انهيار جسرين قديمين."


def _clause(words: str) -> Value:
    return Value(words, words, words)


def test_the_line_goes_on_to_what_the_verb_governs():
    for question, lang in (("ما الذي أدت إليه الأمطار الغزيرة في المدينة؟", "ar"), ("What did the heavy rain in the city lead to?", "en")):
        answer = direct_answer(question, lang, [cite(1, RAIN)], {})
        assert answer is not None and "انهيار جسرين" in answer.value


def test_a_clause_opening_on_a_content_word_is_a_clause_of_its_own():
    quote = "The heavy rain fell over the city all night, flooding two old bridges."
    assert continued(quote, _clause("The heavy rain fell over the city all night")).words == "The heavy rain fell over the city all night"


def test_continuations_are_joined_while_the_line_holds_them():
    head = "وقال المتحدث باسم البلدية"
    tail = "في " + "شرح طويل " * (MAX_CLAUSE_CHARS // 8)
    assert continued(f"{head}، في المؤتمر، {tail}.", _clause(head)).words == f"{head}، في المؤتمر"


def test_a_clause_already_cut_to_a_line_stays_as_it_is():
    cut = _clause("وقال المتحدث…")
    assert continued("وقال المتحدث باسم البلدية، في المؤتمر.", cut) == cut


def test_every_quote_stating_the_clause_is_credited_for_the_continued_line():
    """The quotes are compared by the clause the chooser read, before it goes on: two outlets with the sentence both count."""
    answer = direct_answer("ما الذي أدت إليه الأمطار الغزيرة في المدينة؟", "ar", [cite(1, RAIN), cite(2, RAIN, 0.8)], {})
    assert answer is not None and answer.citations == [1, 2] and "انهيار جسرين" in answer.value


PRAISE = 'وأشاد وزير الخارجية الأردني، بالعلاقات الأردنية المصرية، واصفا إياها بأنها "تاريخية" وراسخة، خلال مؤتمر صحفي.'


def test_a_clause_only_repeating_the_question_goes_on_to_what_is_said_of_it():
    """ "بماذا وصف الوزير العلاقات": the clause naming the relations is the topic; the description comes after its comma."""
    question = "بماذا وصف وزير الخارجية الأردني العلاقات مع مصر؟"
    line = continued(PRAISE, _clause("بالعلاقات الأردنية المصرية"), question)
    assert "تاريخية" in line.words
    assert continued(PRAISE, _clause("بالعلاقات الأردنية المصرية")).words == "بالعلاقات الأردنية المصرية"  # no question: as before


def test_a_clause_saying_new_words_stays_as_it_is():
    quote = "وقال رئيس البلدية إن الفيضانات دمرت عشرات المنازل القديمة، مضيفا أن فرق الإنقاذ تعمل منذ الفجر."
    head = "وقال رئيس البلدية إن الفيضانات دمرت عشرات المنازل القديمة"
    assert continued(quote, _clause(head), "ماذا قال رئيس البلدية عن الفيضانات؟").words == head


def test_says_more_reads_word_endings_and_the_source_credit_as_no_new_words():
    quote = "وقالت وكالة الأنباء الرسمية إن الجيش اللبناني رد بقوة على الخروقات الإسرائيلية، وخاصة القصف المدفعي."
    question = "على أي خروقات إسرائيلية بالذات قالت الوكالة إن الجيش اللبناني رد؟"
    assert not says_more(question, quote, "وقالت وكالة الأنباء الرسمية إن الجيش اللبناني رد بقوة على الخروقات الإسرائيلية")
    assert says_more(question, quote, "وخاصة القصف المدفعي")
    assert says_more("", quote, "الجيش")  # no question: nothing is known repeated
