"""Credit lines read by their slots (vectorstore.credits): forms no reader lists name their outlet, and lines that only
look like them name none. Made-up outlets, places and persons; pure functions."""

from __future__ import annotations

import pytest

from language.calendar import find_anchor
from vectorstore.credits import slot_line_outlet
from vectorstore.metadata import find_outlet

BODY = "The council met on Monday and approved the plan, officials said.\nA second paragraph follows here."
BODY_AR = "قال المتحدث إن المجلس وافق على الخطة يوم الاثنين.\nفقرة ثانية تتبعها هنا."


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        (f"Plan approved\nBy Karim Haddad | Levant Press\n{BODY}", "Levant Press"),
        (f"Plan approved\nUpdated: 3 May 2019 | Source: Nile Wire\n{BODY}", "Nile Wire"),
        (f"Plan approved\nDate: 2019-05-02 | By Omar Aziz | Source: Horn Gazette\n{BODY}", "Horn Gazette"),
        (f"Plan approved\nBaghdad, Iraq, 12 March 2019, INA -- {BODY}", "INA"),
        (f"Plan approved\nKhartoum, SUNA – {BODY}", "SUNA"),
        (f"Plan approved\nTunis, TAP- {BODY}", "TAP"),
        (f"المجلس يوافق على الخطة\n{BODY_AR}\nالمصدر: وكالة الرافدين", "الرافدين"),
        (f"المجلس يوافق على الخطة\nقال المتحدث إن الاجتماع سينعقد غدا. — (وكالة المغرب العربي)\n{BODY_AR}", "وكالة المغرب العربي"),
    ],
)
def test_a_credit_line_no_reader_lists_names_its_outlet(text, outlet):
    assert find_outlet(text) == outlet


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        (f"Plan approved\n{BODY}\nCopyright (c) 2019 Levant Press. All rights reserved.", "Levant Press"),
        (f"Plan approved\n{BODY}\n© 2017-2019 Horn Gazette, all rights reserved", "Horn Gazette"),
        (f"المجلس يوافق على الخطة\n{BODY_AR}\n© 2019 صحيفة الرافدين", "الرافدين"),  # the kind word drops
    ],
)
def test_a_copyright_notice_at_the_foot_names_its_holder(text, outlet):
    assert find_outlet(text) == outlet


def test_a_copyright_notice_naming_no_holder_names_no_outlet():
    assert find_outlet(f"Plan approved\n{BODY}\nAll rights reserved. Copyright 2019.") is None


@pytest.mark.parametrize(
    "line",
    [
        "Cairo, Egypt - The minister said the plan would pass.",  # two places: no name
        "الوزير، خالد السعيد",  # an Arabic name with no label and no kind of medium is no outlet
        "By Karim Haddad | 3 May 2019",  # a writer and a date: no outlet named
        "Karim Haddad, Levant Press",  # two names: which one is the outlet is not told
        "The plan, officials said, was approved -- after a long debate.",  # prose
    ],
)
def test_lines_that_only_look_like_credits_name_no_outlet(line):
    assert slot_line_outlet(line) is None


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (f"Plan approved\nMon 6 May 2019 09.30 BST\n{BODY}", "2019-05-06"),  # a clock time with a dot after the date
        (f"Plan approved\nBaghdad, 12 March 2019, INA -- {BODY}", "2019-03-12"),  # the agency after a comma, then the dash
    ],
)
def test_a_dated_credit_line_gives_the_article_its_day(text, day):
    assert str(find_anchor(text)) == day
