"""How many is answered with a figure wherever one is quoted, not with a count word that states none ("عشرات",
"dozens"): the lead naming the event ranks first, and its "dozens were killed" made the answer "20-99". Made-up
sentences."""

from __future__ import annotations

from bot.direct import direct_answer
from tests.citations import cite

LEAD = "قتل وأصيب عشرات الأشخاص في انهيار جسر على طريق سريع في المدينة، بحسب السلطات المحلية."
FIGURE = "وقال مسؤول إن 22 شخصا على الأقل قتلوا جراء انهيار الجسر، مع استمرار عمليات الإنقاذ."


def test_a_figure_quoted_below_a_lead_of_dozens_is_the_answer():
    answer = direct_answer("كم شخصا قتلوا في انهيار الجسر؟", "ar", [cite(1, LEAD, 0.9), cite(2, FIGURE, 0.8)], {})
    assert answer is not None and answer.value == "22 شخصا على الأقل"


def test_a_figure_beside_dozens_in_one_quote_is_the_answer():
    quote = "قتل عشرات الأشخاص في انهيار الجسر، وقال مسؤول إن 22 شخصا على الأقل لقوا حتفهم."
    answer = direct_answer("How many people were killed when the bridge collapsed?", "en", [cite(1, quote)], {})
    assert answer is not None and answer.normalized.startswith("≥22")


def test_dozens_is_still_the_answer_where_no_quote_gives_a_figure():
    answer = direct_answer("كم شخصا قتلوا في انهيار الجسر؟", "ar", [cite(1, LEAD)], {})
    assert answer is not None and answer.value == "عشرات الأشخاص"
