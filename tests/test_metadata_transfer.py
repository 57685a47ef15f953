"""Held-aside credit and dateline forms (made up, in no bench file; written before the learned-outlet reader) that
``vectorstore.metadata`` must read: the transfer check of a general reader rather than one form at a time."""

from __future__ import annotations

import pytest

from vectorstore.metadata import resolve_metadata

#: (text, outlet expected, published expected); None: the text states none.
HELD_ASIDE = [
    ("Dam opens\n\nZURICH, 03.05.2019 (Keystone-SDA) - Officials said the dam opened.", "Keystone-SDA", "2019-05-03"),
    ("افتتاح سد\n\nتونس في 14.03.2019 (وات) - أعلنت الوزارة افتتاح السد.", "وات", "2019-03-14"),
    (
        "افتتاح جسر\n\nالمنامة في 10 رجب 1440 هـ الموافق 17 مارس 2019 م (بنا) - أعلنت الوزارة افتتاح الجسر.",
        "بنا",
        "2019-03-17",
    ),
    ("Bridge opens\n\nMUSCAT, Rajab 10, 1440 AH, March 17, 2019 (ONA) -- The ministry opened a bridge.", "ONA", "2019-03-17"),
    ("افتتاح مطار\n\nنص الخبر عن المطار.\nنص آخر عن الافتتاح.\n\n(المصدر: قنا)", "قنا", None),
    ("Port deal\n\nBy Jane Roe, Kyodo News\n\nTOKYO — The government signed a port deal.", "Kyodo News", None),
    ("Rail link\n\nThe line opened on Monday.\nIt links two towns. /Kyodo/", "Kyodo", None),
    ("افتتاح ميناء\n\nنص الخبر عن الميناء.\nنص آخر عن الافتتاح.\n(كونا)", "كونا", None),
    ("Grid upgrade\n\nLISBON, 2019-03-14 (Lusa) – The grid was upgraded.", "Lusa", "2019-03-14"),
    ("افتتاح مستشفى\n\nالرباط، 14-3-2019 (ومع) - افتتح الوزير مستشفى جديدا.", "ومع", "2019-03-14"),
    ("افتتاح مدرسة\n\nالخرطوم، 5 مايو 2019 - سونا - افتتح الوزير مدرسة.", "سونا", "2019-05-05"),
    ("افتتاح مصنع\n\nافتتح الوزير مصنعا جديدا في المدينة.\nوقال إن المصنع يوفر ألف وظيفة. - (واج)", "واج", None),
    # what is no outlet: the writer of a byline, an agency the body quotes
    ("Port deal\n\nBy Jane Roe\n\nThe government signed a port deal.", None, None),
    ("صفقة\n\nكتب: سمير حداد\n\nوقعت الحكومة صفقة الميناء.", None, None),
    ("Port deal\n\nThe minister told Kyodo News on Monday that the deal was signed.", None, None),
]


@pytest.mark.parametrize("text,outlet,published", HELD_ASIDE)
def test_held_aside_credit_forms(text, outlet, published):
    fields, _ = resolve_metadata(text, {})
    assert (fields.get("outlet"), fields.get("published")) == (outlet, published)


def test_a_hijri_dateline_gives_its_gregorian_day():
    """ "<city> في <Hijri> هـ الموافق <Gregorian> م (<agency>) -": the era letter before the agency's bracket."""
    fields, _ = resolve_metadata("عنوان\n\nزمردة في 3 شعبان 1441 هـ الموافق 27 مارس 2020 م (زنا) - أعلن الوزير.", {})
    assert fields.get("published") == "2020-03-27"


def test_a_credit_closing_the_story_names_the_outlet():
    """A bracketed name after a dash closing the story's last line is its outlet; a known agency the story cites is
    not (it is inside a sentence)."""
    assert resolve_metadata("عنوان\n\nافتتح الوزير الجسر.\nوقال إنه يربط المدينتين. - (زنا)", {})[0].get("outlet") == "زنا"
    assert resolve_metadata("Title\n\nThe bridge opened.\nIt links two towns. /Zenpress/", {})[0].get("outlet") == "Zenpress"
    cited = resolve_metadata("عنوان\n\nافتتح الوزير الجسر.\nوقال مصدر لوكالة رويترز إن الجسر يربط المدينتين.", {})[0]
    assert cited.get("outlet") is None
