"""Between two quotes whose chosen clauses repeat as much of the question, the one whose topic clause (the clause
before the chosen one) is the question's answers it: the chooser takes the clause after the topic."""

from __future__ import annotations

from bot.direct import Value, best_clause, with_topic
from tests.citations import cite

OTHER = "وفي سياق آخر، أعلن وزير الداخلية خطة أمنية جديدة، تشمل نشر دوريات إضافية في الأحياء."
ASKED = "وتحدث وزير المالية عن خطة التقشف، مؤكدا أنها ستخفض العجز خلال عامين."


def _clause(words: str) -> Value:
    return Value(words, words, words)


def test_a_clause_is_read_with_the_clause_before_it():
    assert with_topic(ASKED, "مؤكدا أنها ستخفض العجز خلال عامين.") == "وتحدث وزير المالية عن خطة التقشف، مؤكدا أنها ستخفض العجز خلال عامين."
    assert with_topic(ASKED, "وتحدث وزير المالية عن خطة التقشف") == "وتحدث وزير المالية عن خطة التقشف"  # the first: no topic before it
    assert with_topic(ASKED, "كلمات ليست في الاقتباس") == "كلمات ليست في الاقتباس"


def test_a_tie_goes_to_the_quote_whose_topic_the_question_names():
    read = [
        (cite(1, OTHER, 0.9), _clause("تشمل نشر دوريات إضافية في الأحياء.")),
        (cite(2, ASKED, 0.8), _clause("مؤكدا أنها ستخفض العجز خلال عامين.")),
    ]
    chosen, value = best_clause("ماذا قال وزير المالية عن خطة التقشف؟", read)
    assert chosen.n == 2 and "العجز" in value.words
