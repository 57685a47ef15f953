"""Tense reading (language.tense): made-up sentences, no story's words."""

from __future__ import annotations

from language.tense import asks_future, states_future


def test_a_question_about_what_is_still_to_come():
    for future in ("When will the new bridge open?", "Which firm will build the dam?", "Where is the next summit?",
                   "متى سيفتتح الجسر الجديد؟", "أين ستعقد القمة المقبلة؟", "متى سوف يصل الوفد؟"):  # fmt: skip
        assert asks_future(future), future
    for other in (
        "When did the bridge open?",
        "من افتتح الجسر؟",
        "ما السياسة التي أعلنها الوزير؟",
        "من هو سفير كندا؟",
        "مع من كان الوزير سيلتقي في الرحلة؟",  # a future in the past
        "Which paper reported that the firm said the minister will resign?",
    ):  # a reported future, far in
        assert not asks_future(other), other


def test_a_sentence_that_speaks_of_the_future():
    assert states_future("The bridge will open to traffic next month.")
    assert states_future("وقال الوزير إن الجسر سيفتتح أمام السيارات")
    assert states_future("ومن المقرر أن تعقد القمة الأسبوع القادم")
    assert states_future("ويصل الوفد غدا إلى العاصمة")  # CLDR's word for the next day
    assert states_future("The vote is scheduled for March 3.") and states_future("ومن المقرر أن يصوت البرلمان في 3 مارس")
    assert not states_future("افتتح الوزير الجسر أمس الثلاثاء بحضور المحافظ")
    assert not states_future("The minister opened the bridge on Tuesday.")
    assert not states_future("وقالت السيدة إن السياسة الجديدة تشمل سيارات الأجرة")  # nouns that begin with "سـ"
