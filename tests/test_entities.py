"""Name variants meet on one canonical id; counts become intervals."""

from __future__ import annotations

import pytest

from bot.entities import canonical, find_entities, gazetteer, place_compatible
from language.numbers import find_quantities


@pytest.mark.parametrize(
    ("surface", "entity"),
    [
        ("علي أيوب", "ayoub"), ("علي عبد الله أيوب", "ayoub"), ("العماد علي أيوب", "ayoub"), ("وزير دفاع النظام السوري", "ayoub"),
        ("محمد باقري", "bagheri"), ("محمد حسين باقري", "bagheri"), ("اللواء محمد باقري", "bagheri"), ("باقري", "bagheri"),
        ("رئيس الأركان الإيراني", "bagheri"),
        ("سوريا", "syria"), ("سورية", "syria"), ("دمشق", "damascus"), ("بالعاصمة السورية", "damascus"), ("طهران", "tehran"),
        ("حاتمي", "hatami"), ("أمير حاتمي", "hatami"), ("للأسد", "assad"), ("بشار الأسد", "assad"),
        ("شينخوا", "xinhua"), ("الوكالة السورية للأنباء", "sana"), ("人民网", "peoples-daily"),
    ],
)
def test_variants_are_merged(surface, entity):
    assert canonical(surface) == entity


def test_spans_and_roles():
    text = 'وقع رئيس الأركان الإيراني "محمد باقري"، الأربعاء، اتفاقية مع وزير دفاع النظام السوري "علي أيوب"، في دمشق'
    found = find_entities(text)
    assert [(m.id, m.via_role) for m in found] == [
        ("bagheri", True), ("bagheri", False), ("ayoub", True), ("ayoub", False), ("damascus", False)]
    assert all(text[m.start:m.end] == m.text for m in found)


def test_outlets_are_not_matched_in_running_text():
    assert find_entities("دفاعا عن الوطن") == []


def test_places_contain():
    assert place_compatible("damascus", "syria") and not place_compatible("damascus", "tehran")


def test_gazetteer_loads():
    assert gazetteer()["bagheri"].en == "Bagheri"


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("مقتل أكثر من ألف إيراني في سورية منذ عام 2012", 1001, None, "ايراني"),
        ("مقتل 5 من ميليشيا إيران", 5, 5, "ميليشيا"),
        ("سقط عشرات القتلى", 20, 99, "القتلي"),
        ("أصيب مئات المدنيين", 200, 999, "المدنيين"),
        ("نحو 300 جندي", 270, 330, "جندي"),
        ("more than 1,000 Iranians", 1001, None, "iranians"),
        ("٢٤ قتيلا", 24, 24, "قتيلا"),
    ],
)
def test_quantities(text, low, high, unit):
    (q,) = find_quantities(text)
    assert (q.low, q.high, q.unit) == pytest.approx((low, high, unit)) if high else (q.low, q.high, q.unit) == (low, high, unit)


def test_years_and_dates_are_not_quantities():
    assert find_quantities("في 24 يونيو/حزيران الماضي ومنذ عام 2011") == []
def test_number_words_take_proclitics():
    (q,) = find_quantities("وعشرات الجرحى")
    assert (q.low, q.high) == (20, 99)
