"""Arabic normalisation and keyword tokens: spelling variants must meet."""

import pytest

from language.normalize import bm25_tokens, detect_language, normalize_arabic


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("سورية", "سوريه"),
        ("سوريا", "سوريا"),
        ("إيران", "ايران"),
        ("أكد", "اكد"),
        ("آلاف", "الاف"),
        ("مستشفى", "مستشفي"),
        ("مَسْؤُول", "مسوول"),  # diacritics and hamza on waw
        ("عـــربي", "عربي"),  # tatweel
        ("٢٤ يونيو", "24 يونيو"),
        ("۲۰۲۰", "2020"),
        ("Tuesday", "tuesday"),
    ],
)
def test_normalize_folds_variants(raw, folded):
    assert normalize_arabic(raw) == folded


def test_variants_share_keyword_tokens():
    assert bm25_tokens("الاتفاقية") == bm25_tokens("الإتفاقية")
    assert bm25_tokens("وصل باقري إلى دمشق") == bm25_tokens("وَصَلَ باقري الى دمشق")
    assert set(bm25_tokens("سوريا")) & set(bm25_tokens("سوريا"))


def test_stopwords_and_stems():
    tokens = bm25_tokens("قال باقري في دمشق إن الاتفاقيات")
    assert "في" not in tokens and "ان" not in tokens
    assert bm25_tokens("agreements signed") == bm25_tokens("agreement signs")


@pytest.mark.parametrize(
    ("text", "lang"),
    [("متى وصل باقري إلى دمشق؟", "ar"), ("When did Bagheri arrive in Damascus?", "en"), ("ما هو GDP؟ في 2020", "ar"), ("", "en")],
)
def test_detect_language(text, lang):
    assert detect_language(text) == lang
