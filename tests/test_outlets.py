"""Outlet names learned from a corpus (``language.outlets``): the names copy calls a news agency."""

from __future__ import annotations

import gzip
import json

from language.outlets import fold, is_known_outlet, learn


def test_kind_words_fold_away():
    assert fold("وكالة الأناضول") == fold("الأناضول") == fold("وكالة الأناضول للأنباء")
    assert fold("مهر الإيرانية") == fold("مهر")


def test_names_called_a_news_agency_are_learned(tmp_path):
    """A made-up agency named as a news agency in enough articles is learned; an agency of another kind (space, made
    up too) and a one-off are not."""
    texts = ["ذكرت وكالة الأنباء الزمردية (زمنا) أن الوزير وصل.", "وقالت وكالة أنباء نورستان إن الجسر افتتح."]
    texts += ["وقالت وكالة الفضاء الزمردية (فضا) إن القمر الصناعي أطلق."]
    corpus = tmp_path / "c.jsonl.gz"
    with gzip.open(corpus, "wt", encoding="utf-8") as f:
        for i in range(5):
            for text in texts:
                f.write(json.dumps({"title": f"خبر {i}", "text": text}, ensure_ascii=False) + "\n")
        f.write(json.dumps({"title": "خبر", "text": "وكالة أنباء قرطاس للأنباء"}, ensure_ascii=False) + "\n")
    learned = learn(corpus)
    assert "زمنا" in learned and "نورستان" in learned
    assert "فضا" not in learned and "قرطاس" not in learned


def test_the_shipped_list_knows_wire_agencies_by_their_short_names():
    assert is_known_outlet("وكالة سانا") and is_known_outlet("(رويترز)".strip("()"))
    assert not is_known_outlet("الوزارة")
