"""A day's number with the article glued to it ("الـ17 من مارس"): Arabic news writes the day so, and read apart the
date was only its month ("مارس الجاري"), so the day an event happened was lost."""

import datetime as dt

import pytest

from language.calendar import resolve_times

ANCHOR = dt.date(2019, 4, 20)


@pytest.mark.parametrize(
    "text,day",
    [
        ("وصل الوفد في الـ9 من أبريل الجاري", "2019-04-09"),
        ("وتنتهي المهلة بالـ3 من الشهر الجاري", "2019-04-03"),
        ("ولد الكاتب في الـ12 من يونيو 2015 في القاهرة", "2015-06-12"),
        ("وصل الوفد في ال9 من أبريل الجاري", "2019-04-09"),
    ],
)
def test_a_day_with_its_article_is_read(text, day):
    assert day in [t.normalized for t in resolve_times(text, ANCHOR)]


def test_the_article_alone_is_no_day():
    """ "الـ" before a number that no month follows stays no date ("الـ17 لاعبا")."""
    assert resolve_times("اختار المدرب الـ17 لاعبا للمباراة", ANCHOR) == []
