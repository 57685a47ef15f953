"""Arabic-aware folding, offset-exact spans and keyword tokens.

Why fold so much: Arabic news spells the same word many ways (أ/إ/آ/ا, ة/ه, ى/ي,
optional diacritics and tatweel, Arabic-Indic or ASCII digits). Keyword search
and claim comparison must see "سورية" and "سوريه", "٢٤" and "24" as equal, while
quotes shown to users stay verbatim: folding is only ever applied to copies used
for matching, never to stored text. Span-producing logic folds character by
character (``fold_with_offsets``) so every match maps back to the original.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Container

import Stemmer

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_TATWEEL = "\u0640"
_FOLD = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ة": "ه",
        "ى": "ي",
        "ؤ": "و",
        "ئ": "ي",
        "گ": "ك",
        "ک": "ك",
        "ی": "ي",
        **{chr(0x0660 + d): str(d) for d in range(10)},  # Arabic-Indic digits
        **{chr(0x06F0 + d): str(d) for d in range(10)},  # Extended (Persian) digits
        "\u066b": ".",  # Arabic decimal separator
        "\u066c": ",",  # Arabic thousands separator
    }
)
_LATIN_ACCENTED = re.compile("[\u00c0-\u024f]")
_TOKEN = re.compile(r"[\w]+", re.UNICODE)
#: A letter of either script: the one test of "is this Arabic / Latin text" every module uses.
ARABIC_LETTER = re.compile("[\u0600-\u06ff]")
LATIN_LETTER = re.compile("[A-Za-z]")

#: Function words that carry no topic. Kept short on purpose: BM25's IDF already
#: discounts frequent words; this list only removes what stemming cannot.
STOPWORDS = frozenset(
    """
    في من على الى إلى عن ان أن إن او أو ثم لم لن لا ما مع هذا هذه ذلك تلك التي الذي الذين كان كانت
    قد وقد و ف ب ل هو هي هم كما بين بعد قبل حتى اذا إذا كل اي أي عند منذ خلال ضد دون غير
    the a an of to in on at by for with from and or is are was were be been that this it as
    did do does what when where who whom which how why
    """.split()
)


def normalize_arabic(text: str) -> str:
    """Fold spelling variants for matching (not for display).

    Removes diacritics and tatweel, folds alef/hamza forms, ة→ه, ى→ي, maps
    Arabic-Indic digits to ASCII, strips Latin accents (Türkiye/Turkiye) and
    lowercases Latin. Length may change, so offsets must be computed on the
    original text (or via ``fold_with_offsets``).
    """
    text = unicodedata.normalize("NFKC", text)
    text = _DIACRITICS.sub("", text).replace(_TATWEEL, "")
    text = _LATIN_ACCENTED.sub(_strip_accent, text)
    return text.translate(_FOLD).lower()


def _strip_accent(m: re.Match[str]) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", m.group(0)) if not unicodedata.combining(c))


#: ``STOPWORDS`` as folded text writes them ("على" → "علي"): the set a folded word is checked against.
FOLDED_STOPWORDS = frozenset(normalize_arabic(w) for w in STOPWORDS)

#: The one-letter words Arabic writes joined to the next word: the conjunctions و "and" and ف "so", the prepositions
#: ب "by, with" and ل "for, to". (ك "like" is one too, but begins many more words than it is joined to: a caller sure
#: of the rest, ``under_proclitic``, may add it.)
PROCLITICS_AR = "وفبل"
_PROCLITIC_AR = re.compile(rf"^[{PROCLITICS_AR}](?=[\u0621-\u064a]{{2}})")
_ARTICLE_AR = re.compile(rf"^(?:[{PROCLITICS_AR}]?ال|لل|[{PROCLITICS_AR}])(?=[\u0621-\u064a]{{2}})")


def strip_proclitic(folded: str, article: bool = False) -> str:
    """A folded Arabic word less one joined proclitic (``PROCLITICS_AR``: "وسوريا" → "سوريا", "بماذا" → "ماذا") and,
    with ``article``, less the definite article with or without one ("الامس", "بالامس" → "امس", "للرئيس" → "رئيس"),
    where two Arabic letters or more remain; else the word itself.

    Why: Arabic writes "and", "so", "by", "for" and "the" as one word with what follows, so a word list (the
    interrogatives, CLDR's "امس") finds the word only with them off. Two letters must be left: "بل", "لم" are words."""
    return (_ARTICLE_AR if article else _PROCLITIC_AR).sub("", folded)


def under_proclitic(folded: str, words: Container[str], letters: str = PROCLITICS_AR) -> bool:
    """Is a folded word one of ``words`` with one proclitic letter joined before it ("وهذا", "لمقتل" with "مقتل")?

    Why: the same word list (function words, count predicates) must also know the word when a conjunction or a
    preposition is written onto it; ``letters`` may add ك where the list is sure of the rest."""
    return len(folded) > 1 and folded[0] in letters and folded[1:] in words


def word_alternation(words) -> str:
    """Regex alternation of (folded) words, longest first so "كانون الثاني" beats "الثاني";
    any run of whitespace matches the space inside a multi-word entry."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """Fold ``text`` like ``normalize_arabic`` and map each folded char to its origin.

    Returns ``(folded, origin)`` with ``len(origin) == len(folded) + 1``; the
    extra last entry is ``len(text)`` so an end offset maps cleanly.
    """
    out: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        folded = normalize_arabic(ch)
        out.append(folded)
        origin.extend([i] * len(folded))
    origin.append(len(text))
    return "".join(out), origin


def original_span(origin: list[int], start: int, end: int) -> tuple[int, int]:
    """Map a folded ``[start, end)`` span back to the original text."""
    if end <= start:
        return origin[start], origin[start]
    return origin[start], origin[end - 1] + 1


_STEMMERS = threading.local()


def _stemmer(language: str) -> Stemmer.Stemmer:
    """This thread's stemmer: a PyStemmer object keeps per-call buffers and a cache, so threads must not share one
    (the server answers and ingests on several threads at once)."""
    own = _STEMMERS.__dict__
    if language not in own:
        own[language] = Stemmer.Stemmer(language)
    return own[language]


def stem(token: str) -> str:
    """Snowball stem in the token's own script (news mixes Arabic and English)."""
    return _stemmer("arabic" if ARABIC_LETTER.search(token) else "english").stemWord(token)


def bm25_tokens(text: str) -> list[str]:
    """Normalised, stop-word-free, stemmed tokens: the keyword index's vocabulary."""
    return [stem(t) for t in _TOKEN.findall(normalize_arabic(text)) if t not in STOPWORDS and len(t) > 1]


def detect_language(text: str) -> str:
    """'ar' or 'en' by letter counts: Isnad answers in the language it was asked in."""
    arabic = len(ARABIC_LETTER.findall(text))
    latin = len(LATIN_LETTER.findall(text))
    return "ar" if arabic >= latin and arabic > 0 else "en"
