"""Names learned across articles (language.names): a word glued onto a name is cut where other mentions end it
(made-up persons and sentences; pure functions)."""

from __future__ import annotations

from language.names import find_persons, learn

_DATED = "زار وزير المالية كريم نصار الأحد مدينة حلب"
_GLUED = "قال مصدر إن وزير المالية كريم نصار ينتسب إلى حزب صغير"


def test_a_verb_after_a_name_is_cut_where_another_article_ends_the_name():
    """ "كريم نصار ينتسب": the title's name runs on into the verb; another article ends it at "نصار" ("الأحد" closes it)
    and "ينتسب" is in no other name, so the person is نصار, named "كريم نصار"."""
    book = learn([_DATED, _GLUED])
    assert dict(book.names).get("p:nsr") == "كريم نصار"
    assert not any("ينتسب" in name for name in dict(book.names).values())
    found = {m.text: m.key for m in find_persons(_GLUED, book)}
    assert found["كريم نصار"] == "p:nsr"
    assert found["وزير المالية"] == "p:nsr"  # the title names the same person


def test_a_name_kept_whole_where_its_last_word_recurs_or_no_shorter_mention_exists():
    """A third word that other mentions also carry is the name's own ("كريم نصار سعيد" twice), and a text alone
    teaches no cut."""
    both = learn(["وصل الرئيس كريم نصار سعيد إلى حلب", "التقى الرئيس كريم نصار سعيد الأحد", _DATED])
    assert dict(both.names).get("p:sd") == "كريم نصار سعيد"
    assert "p:yntsb" in learn([_GLUED]).keys
