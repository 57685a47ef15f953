"""A yes/no question is answered by the clause stating the predicate it asks about, affirmed or negated, not by the
new words next to the clause repeating it (where a what/how question's answer is)."""

from __future__ import annotations

from bot.direct import read_clause
from language.lexicon import asks_whether

QUOTE = "وأكدت الحكومة، في بيان مساء الأحد، أنها لا تنوي تأجيل الانتخابات البلدية، مشيرة إلى أن الاستعدادات اكتملت قبل أسابيع."


def test_yes_no_questions_are_told_from_what_questions():
    assert asks_whether("هل تنوي الحكومة تأجيل الانتخابات؟")
    assert asks_whether("Does the government plan to delay the vote?")
    assert asks_whether("Has the army withdrawn from the border town?")
    assert not asks_whether("is the agency state-run or independent")  # either/or: asks which
    assert not asks_whether("هل تتزايد الهجمات أم تتراجع؟")
    assert not asks_whether("ماذا تنوي الحكومة أن تفعل بالانتخابات؟")
    assert not asks_whether("What did the government say about the vote?")


def test_a_yes_no_question_gets_the_clause_stating_the_predicate():
    """The learned chooser, fitted on what/why/how questions, takes the new words after it ("مشيرة إلى أن …")."""
    value = read_clause("هل تنوي الحكومة تأجيل الانتخابات البلدية؟", QUOTE)
    assert "لا تنوي تأجيل الانتخابات" in value.words
