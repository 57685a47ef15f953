"""Arabic normalisation and keyword tokens: spelling variants must meet."""

import pytest

from language.normalize import FOLDED_STOPWORDS, bm25_tokens, detect_language, normalize_arabic, strip_proclitic, under_proclitic


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


def test_keyword_tokens_are_the_same_on_many_threads_at_once():
    """The server tokenises on several threads (asks beside an ingest job): each thread has its own stemmer."""
    from concurrent.futures import ThreadPoolExecutor

    texts = [f"وقعت إيران وسوريا اتفاقية عسكرية شاملة {i} Iran and Syria signed comprehensive agreements {i}" for i in range(400)]
    alone = [bm25_tokens(t) for t in texts]
    with ThreadPoolExecutor(8) as pool:
        together = list(pool.map(bm25_tokens, texts))
    assert together == alone


@pytest.mark.parametrize(
    ("word", "bare", "unarticled"),
    [
        ("وطهران", "طهران", "طهران"),  # a conjunction comes off
        ("بكيف", "كيف", "كيف"),
        ("الاسبوع", "الاسبوع", "اسبوع"),  # the article only when asked for
        ("فالاسبوع", "الاسبوع", "اسبوع"),
        ("لليوم", "ليوم", "يوم"),  # ل before the article writes one lam
        ("بل", "بل", "بل"),  # two letters must be left: a word of its own
        ("لها", "ها", "ها"),
        ("كتاب", "كتاب", "كتاب"),  # ك is no proclitic here
        ("و2020", "و2020", "و2020"),  # Arabic letters must follow
    ],
)
def test_strip_proclitic(word, bare, unarticled):
    assert strip_proclitic(word) == bare
    assert strip_proclitic(word, article=True) == unarticled


def test_under_proclitic():
    assert under_proclitic("وهذا", FOLDED_STOPWORDS)
    assert under_proclitic("فمن", FOLDED_STOPWORDS)
    assert not under_proclitic("هذا", FOLDED_STOPWORDS)  # no proclitic at all
    assert not under_proclitic("كذلك", FOLDED_STOPWORDS)  # ك only where the caller adds it
    assert under_proclitic("كذلك", FOLDED_STOPWORDS, "وفبلك")
    assert not under_proclitic("و", {""})
