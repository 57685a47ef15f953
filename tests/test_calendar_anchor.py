"""The day an article states for itself (``language.calendar.find_anchor``): a dateline, a date opening its line as a
dateline or timestamp does, or the date the text calls today; never a date told in the story."""

from __future__ import annotations

import datetime as dt

import pytest

from language.calendar import find_anchor


@pytest.mark.parametrize(
    "text,day",
    [
        ("عنوان\n\nالرباط - 5 مارس 2019 - أعلنت الوزارة", dt.date(2019, 3, 5)),  # a city-dash dateline
        ("Title\n\nLIMA, Peru, March 5, 2019 — The mayor resigned.", dt.date(2019, 3, 5)),
        ("عنوان\n2019-10-05 14:30\nنص الخبر", dt.date(2019, 10, 5)),  # a timestamp line
        ("Title\n\nQUITO, Ecuador — Monday 4 March 2019: the vote was counted.", dt.date(2019, 3, 4)),  # a colon after a city
        ("عنوان\n\nأعلنت الشرطة اليوم الجمعة 4 أكتوبر 2019 أن", dt.date(2019, 10, 4)),  # the day the text calls today
        ("عنوان\n\nقال الوزير اليوم (السبت 5 أكتوبر 2019) إن", dt.date(2019, 10, 5)),
        # a yearless dateline takes its year from a date the story tells, which is no day of its own
        ("Title\n\nLAGOS, May 3 (AFP) - The fire of May 1, 2019 spread.", dt.date(2019, 5, 3)),
        # a timestamp under a byline: the day, a comma, the clock time
        ("Title\n\nBy Jane Roe\n4 October 2019, 10:15 GMT\n\nA fire broke out.", dt.date(2019, 10, 4)),
        # the day in brackets after the city, the dateline going on after the bracket
        ("Title\n\nLIMA (Friday, 4 October 2019) - A fire broke out.", dt.date(2019, 10, 4)),
        # the weekday after the date, behind a comma, on the dateline's own line
        ("Title\n\nQUITO | 9 May 2019, Thursday\n\nThe vote was counted on Thursday.", dt.date(2019, 5, 9)),
        ("عنوان\n\nالرباط 9 مايو 2019، الخميس\n\nأعلنت الوزارة الخميس", dt.date(2019, 5, 9)),
    ],
)
def test_the_day_an_article_states(text, day):
    assert find_anchor(text) == day


@pytest.mark.parametrize(
    "text",
    [
        "عنوان\n\nقالت الوزارة إن المصنع افتتح في 3 يناير 2001، وإنه يعمل",  # when something happened
        "عنوان\n\nوفي 15 مايو 2016، هبطت الطائرة في المطار",
        "Title\n\nThe bridge, opened on 4 June 1999 by the mayor, was closed.",
        "Title\n\nThe bridge (opened 4 June 1999) was closed.",  # a date in brackets inside a sentence
        "عنوان\n\nونشرت الصحيفة في 13 فبراير 2018 تقريرا عن الهجوم",
        "Title\n\nOn 9 May 2019, Thursday brought the first rain of the season.",  # a weekday opening a sentence
        "محطات في حياة الكاتب\n\n12 مارس 1931: ولد في القاهرة\n5 مايو 1960: نشر روايته الأولى",  # a timeline's entries
    ],
)
def test_a_date_told_in_the_story_is_not_the_articles_day(text):
    assert find_anchor(text) is None


def test_a_yearless_datelines_year_comes_from_the_given_stamp_first():
    """The stamp a caller was given is the article's year; a full date in the story is only a fallback year."""
    text = "MADRID, Jan 2 (EFE) - The court, which first met on 5 March 2015, ruled on Wednesday."
    assert find_anchor(text, year_near=dt.date(2019, 1, 3)) == dt.date(2019, 1, 2)
    assert find_anchor(text) == dt.date(2015, 1, 2)  # no stamp: the story's year, as before
    assert find_anchor("MADRID, Jan 2 (EFE) - The court ruled.") is None


@pytest.mark.parametrize(
    "text,day",
    [
        ("عنوان\n\nالأربعاء 5 شعبان 1440 هـ\n\nتونس – أعلنت الوزارة مساء اليوم", dt.date(2019, 4, 10)),  # Hijri only
        ("Title\n\nJeddah, Shawwal 3, 1440 -- The port reopened.", dt.date(2019, 6, 6)),  # month first, in English
        # a Gregorian date beside it wins, as it always did
        ("عنوان\n\nالأربعاء 5 شعبان 1440 هـ - 10 أبريل 2019 م\n\nأعلنت الوزارة", dt.date(2019, 4, 10)),
    ],
)
def test_a_hijri_dateline_is_the_articles_day(text, day):
    assert find_anchor(text) == day


def test_a_hijri_date_told_in_the_story_is_not_the_articles_day():
    assert find_anchor("عنوان\n\nوقالت الوزارة في بيانها إن المشروع بدأ في 5 شعبان 1440 هـ بعد تأخير") is None
