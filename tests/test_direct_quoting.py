"""A clause answer that stops inside a quotation goes on to where the quoted words close: a speaker's words often hold a
comma ('قال إنه يأمل "بإنهاء الإضراب قريبا، وعودة العمال إلى المصانع"'), and the line cut at it lost what followed."""

from __future__ import annotations

from bot.direct import MAX_CLAUSE_CHARS, Value, continued, direct_answer, quoting
from tests.citations import cite

STRIKE = 'وقال رئيس النقابة إنه يأمل "بإنهاء الإضراب قريبا، وعودة العمال إلى المصانع"، مضيفا أن المفاوضات مستمرة.'


def _clause(words: str) -> Value:
    return Value(words, words, words)


def test_an_opened_quotation_is_told_from_a_closed_one():
    assert quoting('وقال إنه يأمل "بإنهاء الإضراب قريبا')
    assert quoting("He said the talks would «go on until the spring")
    assert quoting("He called the deal “a first step")
    assert not quoting('وقال إنه يأمل "بإنهاء الإضراب" قريبا')  # opened and closed
    assert not quoting('وعودة العمال إلى المصانع"')  # a quote closing words opened in an earlier clause
    assert not quoting("The union said the strike would end soon")


def test_the_line_goes_on_to_the_end_of_the_quoted_words():
    head = 'وقال رئيس النقابة إنه يأمل "بإنهاء الإضراب قريبا'
    assert continued(STRIKE, _clause(head)).words == 'وقال رئيس النقابة إنه يأمل "بإنهاء الإضراب قريبا، وعودة العمال إلى المصانع"'


def test_the_quoted_words_stop_at_the_line_limit():
    long_tail = "وعودة " + "العمال إلى المصانع " * (MAX_CLAUSE_CHARS // 10)
    quote = f'وقال رئيس النقابة إنه يأمل "بإنهاء الإضراب قريبا، {long_tail}"'
    head = 'وقال رئيس النقابة إنه يأمل "بإنهاء الإضراب قريبا'
    assert continued(quote, _clause(head)).words == head


def test_where_do_the_workers_return_is_answered_from_the_quoted_words():
    for question, lang in (("أين يأمل رئيس النقابة أن يعود العمال؟", "ar"), ("What does the union chief hope for?", "en")):
        hoped = 'وأضاف رئيس النقابة أنه عبر عن أمله "بإنهاء الإضراب قريبا، وعودة العمال إلى المصانع".'
        answer = direct_answer(question, lang, [cite(1, hoped)], {})
        assert answer is not None and "المصانع" in answer.value
