"""Sentence splitting, furniture removal and exact offsets on every seed article."""

import pytest

from tests.conftest import SEED_IDS
from vectorstore.chunking import body_blocks, chunk_text, split_sentences
from vectorstore.furniture import furniture_lines


def _sentences(text):
    return [text[s.start : s.end] for s in split_sentences(text)]


def test_split_on_arabic_punctuation_and_lines():
    text = "قال باقري إن الاتفاق شامل. هل وصل أمس؟ نعم! وقيل؛ ثم انتهى\nسطر جديد"
    assert _sentences(text) == ["قال باقري إن الاتفاق شامل.", "هل وصل أمس؟", "نعم!", "وقيل؛", "ثم انتهى", "سطر جديد"]


def test_run_on_dot_comma_of_seed_002_splits():
    text = "لم تكشف كثيرا من تفاصيل تلك الاتفاقية., ونقلت وكالة فارس الخبر., بدورها نقلت الوطن."
    assert _sentences(text) == ["لم تكشف كثيرا من تفاصيل تلك الاتفاقية.", "ونقلت وكالة فارس الخبر.", "بدورها نقلت الوطن."]


def test_ellipses_decimals_and_quotes_do_not_split():
    assert len(_sentences("إرادتنا (..) لمواجهة الضغوط")) == 1
    assert len(_sentences("بهجوم إسرائيلي.. مقتل 5 من ميليشيا إيران")) == 1
    assert len(_sentences("نما الاقتصاد 2.5 في المئة هذا العام")) == 1
    assert _sentences('قال "انتهى." ثم غادر.') == ['قال "انتهى."', "ثم غادر."]


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        # a month abbreviation before a day number is a date, not an end (a wire dateline)
        ("GENOA, Italy, Aug. 15, 2018 — The toll rose to 39. Officials said more were missing.", 2),
        ("SEOUL, Sept. 3 (Reuters) - Talks resumed.", 1),
        # an English sentence never starts lowercase: the dot closed an abbreviation
        ("The U.S. envoy arrived. He met the minister.", 2),
        # still ends: a capital, a number after a word that is no month, Arabic (no case) after a number
        ("He left on Aug. The talks ended.", 2),
        ("The team won. 15 players were named.", 2),
        ("قتل 3 أشخاص. 15 جريحا في الهجوم.", 2),
        ("وصل الوفد. ثم غادر.", 2),
    ],
)
def test_abbreviation_dots_do_not_end_a_sentence(text, sentences):
    spans = split_sentences(text)
    assert len(spans) == sentences, [text[s.start : s.end] for s in spans]
    assert spans[-1].end == len(text)


@pytest.mark.parametrize("doc_id", SEED_IDS)
def test_every_chunk_and_sentence_offset_is_exact(doc_id, seed_texts):
    text = seed_texts[doc_id]
    chunks = chunk_text(text, max_chars=700)
    assert chunks, doc_id
    for chunk in chunks:
        assert text[chunk.start : chunk.end] == chunk.text
        assert chunk.text == chunk.text.strip()
        for s in chunk.sentences:
            assert chunk.start <= s.start < s.end <= chunk.end
    starts = [c.start for c in chunks]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)


@pytest.mark.parametrize("max_chars", [200, 700, 2000])
def test_chunks_respect_size_but_never_cut_sentences(max_chars, seed_texts):
    for text in seed_texts.values():
        for chunk in chunk_text(text, max_chars=max_chars):
            assert len(chunk.text) <= max_chars or len(chunk.sentences) == 1
            assert chunk.text.endswith(text[chunk.sentences[-1].start : chunk.sentences[-1].end])


FURNITURE = {
    "000_2330c4a5d8c05031": [
        "مقتل 5 من ميليشيا إيران في سوريا",
        "كلمات مفتاحية",
        "ناشيونال إنترست",
        "معهد واشنطن",
        "المصدر | الخليج الجديد",
        "محمد باقري علي أيوب دير الزور",
    ],
    "001_b94b94cd0e2e6da0": [
        "صور ساخنة",
        "أخبار ساخنة",
        "روابط ذات العلاقة",
        "arabic.people.cn@facebook",
        "اطبع",
        "【1】",
        "/مصدر: شينخوا/",
    ],
    "003_973aaadb01d70f69": ["التعليقات"],
    "004_992054940200dc08": ["إيران إنسايدر"],
}


@pytest.mark.parametrize("doc_id", sorted(FURNITURE))
def test_page_furniture_is_not_retrievable(doc_id, seed_texts):
    chunked = "\n".join(c.text for c in chunk_text(seed_texts[doc_id]))
    for furniture in FURNITURE[doc_id]:
        assert furniture not in chunked, furniture


@pytest.mark.parametrize("doc_id", SEED_IDS)
def test_no_body_line_is_lost(doc_id, seed_texts):
    """Every letter of every full-sentence line (8+ words, final punctuation) is inside a chunk."""
    text = seed_texts[doc_id]
    covered = set()
    for c in chunk_text(text):
        covered.update(range(c.start, c.end))
    offset = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if len(stripped.split()) >= 8 and stripped[-1] in '.؟!؛"”':
            lost = [offset + i for i, ch in enumerate(line) if ch.isalnum() and offset + i not in covered]
            assert not lost, stripped[:60]
        offset += len(line) + 1


def test_furniture_rules_keep_long_sentences():
    lines = [
        "عنوان الخبر",
        "وقال المتحدث إن المحادثات ستستمر الأسبوع المقبل في العاصمة.",
        "كلمات مفتاحية",
        "وسم أول",
        "جملة طويلة بعد الوسوم تبقى لأنها تنتهي بنقطة وتحمل خبرا كاملا هنا.",
    ]
    assert furniture_lines(lines) == {2, 3}


def test_body_blocks_skip_headers(seed_texts):
    text = seed_texts["001_b94b94cd0e2e6da0"]
    blocks = [text[b.start : b.end] for b in body_blocks(text)]
    assert not any(b.startswith("人民网") for b in blocks)
    assert any("ووصل باقري إلى دمشق أمس الثلاثاء" in b for b in blocks)
