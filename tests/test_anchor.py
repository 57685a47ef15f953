"""The day an article's relative words ("today", "on Tuesday") resolve against."""

from __future__ import annotations

import datetime as dt

from bot.service import _anchor

#: The lead recalls an earlier attack by its full date; the article itself was published months later.
RECALLED = "تحطمت طائرة نقل روسية في سوريا اليوم الثلاثاء. وكانت القاعدة قد تعرضت لهجوم في 31 ديسمبر/كانون الأول 2017 أسفر عن مقتل عسكريين."
#: A wire dateline, copied by a site that published it the next day.
DATELINE = "دمشق 8 يوليو 2020 (شينخوا) وصل رئيس الأركان الإيراني إلى دمشق مساء أمس الثلاثاء."


def test_a_date_recalled_in_the_story_is_not_the_articles_day():
    assert _anchor(RECALLED, "2018-03-06") == dt.date(2018, 3, 6)
    assert _anchor(RECALLED, None) is None  # no stamp: a date the story recalls is not the article's day


def test_a_dateline_a_day_before_a_republished_stamp_still_wins():
    assert _anchor(DATELINE, "2020-07-09") == dt.date(2020, 7, 8)
    assert _anchor(DATELINE, "2020-07-09T10:00:00+00:00") == dt.date(2020, 7, 8)


def test_a_date_after_the_stamp_is_a_date_to_come():
    assert _anchor("تجرى الانتخابات في 10 ديسمبر 2018 وفق المفوضية.", "2018-05-02") == dt.date(2018, 5, 2)
    assert _anchor("no date here", "not a date") is None


#: A yearless wire dateline whose weekday names the day too; its copy was stamped by the site the next morning.
YEARLESS = "الرباط، الأحد 3 مارس (و م ع) - أعلنت الوزارة اليوم الأحد أن المعبر سيفتح غدا."


def test_a_yearless_dateline_takes_the_year_of_its_stamp():
    assert _anchor(YEARLESS, "2019-03-04") == dt.date(2019, 3, 3)  # the day before the stamp: the dateline's day
    assert _anchor("BERLIN, Dec 31 (dpa) - Officials said on Monday", "2019-01-01") == dt.date(2018, 12, 31)
    assert _anchor(YEARLESS, "2019-06-20") == dt.date(2019, 6, 20)  # months off the stamp: the stamp, as a dated one
    assert _anchor(YEARLESS, None) is None  # no stamp, no full date: the year stays unknown, never guessed
