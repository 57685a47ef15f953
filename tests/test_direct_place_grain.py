"""The direct line's place answers: the kind of place a question names ("which province", "which country") decides
between a country and its cities or provinces, and a question typed in lower case still names its places."""

from __future__ import annotations

from bot.direct import asked_place_grains, cased, direct_answer, named_places
from tests.citations import cite

FLOODS = "غمرت السيول قرى في العراق، في محافظة البصرة وأطراف محافظة ميسان، وأغلقت طرقا رئيسية."


def test_the_kind_of_place_a_question_names():
    assert asked_place_grains("ما المحافظة التي غمرتها السيول إلى جانب ميسان؟") == ("city",)
    assert asked_place_grains("Which city hosted the summit?") == ("city",)
    assert asked_place_grains("من أي بلد جاء الوفد؟") == ("country",)
    assert asked_place_grains("which country did the envoy fly to") == ("country",)
    assert asked_place_grains("Where did the envoy fly?") == ()
    assert asked_place_grains("Which city in which country hosted the summit?") == ()  # both: no preference


def test_a_province_question_is_answered_by_a_province_not_the_country():
    answer = direct_answer("ما المحافظة التي غمرتها السيول إلى جانب ميسان؟", "ar", [cite(1, FLOODS)], {})
    assert answer is not None and "البصرة" in answer.value


def test_an_english_province_question_is_answered_by_a_province_not_the_country():
    """ "which governorate" is a province's grain, as "ما المحافظة" is: the country before it is no answer."""
    assert asked_place_grains("The floods cut roads in which governorate besides Maysan?") == ("city",)
    answer = direct_answer("The floods cut roads in which governorate besides Maysan?", "en", [cite(1, FLOODS)], {})
    assert answer is not None and answer.normalized == "IQ-BA"


def test_a_country_question_is_answered_by_a_country_not_a_city():
    quote = "وقالت الحكومة إنها تريد إقناع ألمانيا بالمشاركة في المؤتمر، الذي تستضيفه باريس الشهر المقبل."
    answer = direct_answer("Which country does the government want to persuade to take part?", "en", [cite(1, quote)], {})
    assert answer is not None and answer.normalized == "DE"


def test_a_question_typed_in_lower_case_names_its_places():
    assert cased("why did spain recall its envoy") == "Why Did Spain Recall Its Envoy"
    assert cased("Why did Spain recall its envoy?") == "Why did Spain recall its envoy?"
    assert cased("لماذا استدعت إسبانيا سفيرها") == "لماذا استدعت إسبانيا سفيرها"
    assert {"ES", "MA"} <= named_places("why did spain recall its envoy to morocco")


def test_a_lower_case_country_question_is_not_answered_by_a_country_it_names():
    quote = "وتطالب فرنسا وإسبانيا المغرب بالتعاون، لكنهما تجدان صعوبة في إقناع الجزائر بذلك."
    answer = direct_answer("which country do france and spain find it hard to persuade", "en", [cite(1, quote)], {})
    assert answer is not None and answer.normalized in {"DZ", "MA"}


def test_a_city_answers_a_country_question_by_its_country():
    """ "Cairo will host the talks": Egypt, not the other country the quote names; a city whose country the question
    names is no answer ("with Damascus" names Syria)."""
    quote = "ستستضيف القاهرة المحادثات حول السد الشهر المقبل بحضور وفد من السودان."
    answer = direct_answer("Which country will host the talks on the dam?", "en", [cite(1, quote)], {})
    assert answer is not None and answer.normalized == "EG" and answer.value == "القاهرة"
    other = "وحث الوزير بغداد على التفاوض مع دمشق."
    answer = direct_answer("Which country did the minister urge to negotiate with Damascus?", "en", [cite(1, other)], {})
    assert answer is not None and answer.normalized == "IQ"
