"""Quantities in Arabic and English news: values as intervals, with their counted noun.

Why intervals: news counts with words and hedges ("عشرات القتلى", "أكثر من
ألف", "between 10 and 15", "نحو 300"); two reports disagree only when their
intervals cannot overlap. Why the counted noun (``unit``) with a light stem
(``unit_key``): "105 أشخاص" and "164 شخصا" count the same thing, "قتيلا" and
"قتلى" too, while "5 صواريخ" and "5 قتلى" do not. Currencies come from CLDR
(Babel) in Arabic and English; number words from ``language.numerals``.
Dates are not quantities: spans the calendar reads as dates are skipped, and
so are numbers that name or rank a thing ("Resolution 2254", "القرار 2254",
"الدقيقة 66"). Which words after a number carry a proclitic ("بنيران" is ب +
"نيران", "بنادق" is one noun) is learned from the ANT news corpus
(``proclitic_words.json``), and so is which words state a count rather than
name what is counted ("أصيب" in "قتل 4 أشخاص وأصيب 30": ``count_predicates.json``);
both are rebuilt by ``python -m language.numbers ANT.jsonl.gz``. Which nouns count
time ("عاما", "أعوام", "days") comes from CLDR and dateparser (``time_units``).
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from babel import Locale
from babel.numbers import get_currency_name, get_currency_symbol, get_territory_currencies
from babel.units import format_unit
from dateparser.languages.loader import default_loader

from language.calendar import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS, resolve_times
from language.lexicon import ASKED_NOUNS_AR, AUXILIARIES_EN, FUNCTION_WORDS_EN, VERSUS_WORDS, asked_measures
from language.names import common_nouns
from language.normalize import (
    ARABIC_LETTER,
    FOLDED_STOPWORDS,
    PROCLITICS_AR,
    STOPWORDS,
    fold_with_offsets,
    normalize_arabic,
    original_span,
    stem,
    under_proclitic,
    word_alternation,
)
from language.numerals import Atom, atoms, definite_scales, definite_teens, number_phrase_pattern, ordinals, read_number, vague_words


@dataclass(frozen=True)
class Quantity:
    """A count or measure found in text.

    ``low``..``high`` is the interval the words allow (``high`` None = unbounded
    above). ``unit`` is the folded counted noun ("قتيلا", "iranians", or the
    currency/percent word), ``unit_key`` what units are compared by: a light
    stem ("قتل"), an ISO currency code ("USD") or "%". ``kind`` is count,
    money or percent. ``measure`` is the CLDR unit id when the unit is one
    CLDR names ("duration-day"), so it can be said in any language
    (``babel.units.format_unit``).
    """

    text: str
    start: int
    end: int
    low: float
    high: float | None
    unit: str | None
    unit_key: str | None
    approx: bool
    unit_text: str | None = None
    kind: str = "count"
    measure: str | None = None
    bound: str | None = None  # "floor" ("أكثر من 28", "29 على الأقل") or "ceiling" ("up to 50"): the words state that end
    vague: bool = False  # a vague count word ("عشرات", "thousands of", "بضعة"): a range that states no figure
    figure: float | None = None  # the number a hedge is said of ("أكثر من 100", "11 على الأقل" → 100, 11)

    @property
    def stated(self) -> float | None:
        """The one number the words state, whatever interval they allow: the number a hedge is said of ("نحو 300",
        "أكثر من 100", "11 على الأقل", "up to 50" → 300, 100, 11, 50), or a plain exact figure ("13 قتيلا" → 13); None
        for a range, a vague word ("عشرات") or a figure marked approximate after it ("300 تقريبا": no interval is
        read around it). Why one reader: a source counted that number, so two sources' stated numbers are what
        disagree ("at least 120" / "at least 132"), while their intervals are what may still both hold."""
        if self.figure is not None:
            return self.figure
        return self.low if self.low == self.high and not self.approx else None

    def overlaps(self, other: Quantity) -> bool:
        """Could both be true? Intervals overlap (units are compared by ``same_unit``)."""
        hi_a = float("inf") if self.high is None else self.high
        hi_b = float("inf") if other.high is None else other.high
        return self.low <= hi_b and other.low <= hi_a

    def same_unit(self, other: Quantity) -> bool:
        """Do both count the same kind of thing? Unknown units are not evidence of a difference."""
        if self.kind != other.kind:
            return False
        return self.unit_key is None or other.unit_key is None or self.unit_key == other.unit_key


# ---------------------------------------------------------------- hedges (written naturally, folded once)


def _folded(*words: str) -> tuple[str, ...]:
    return tuple(normalize_arabic(w) for w in words)


_MORE = _folded(
    "أكثر من",
    "ما يزيد عن",
    "ما يزيد على",
    "يزيد عن",
    "يزيد على",
    "أزيد من",
    "ما يربو على",
    "ما يربو عن",
    "يربو على",
    "ما يفوق",
    "يفوق",
    "more than",
    "over",
    "just over",
    "well over",
    "upwards of",
    "in excess of",
)
#: Verbs whose object is a figure passed ("تجاوزت حصيلة الضحايا المئة", "the toll exceeded 100"): a floor, as "أكثر من"
#: is. Arabic puts the verb first, with its subject between it and the figure (``passing_bound``).
_EXCEED = _folded("تجاوز", "تجاوزت", "يتجاوز", "تتجاوز", "تخطى", "تخطت", "يتخطى", "تتخطى", "exceeded", "exceeds", "surpassed", "topped")
_AT_LEAST = _folded("ما لا يقل عن", "لا يقل عن", "at least", "no fewer than", "no less than")
_LESS = _folded("أقل من", "less than", "fewer than", "under", "below")
_AT_MOST = _folded("ما لا يزيد عن", "ما لا يزيد على", "ما يصل إلى", "يصل إلى", "up to", "as many as", "no more than")
_ABOUT = _folded(
    "نحو",
    "حوالي",
    "حوالى",
    "قرابة",
    "زهاء",
    "ما يقارب",
    "ما يقرب من",
    "يقارب",
    "ما يناهز",
    "يناهز",
    "about",
    "around",
    "nearly",
    "some",
    "approximately",
    "roughly",
    "almost",
    "an estimated",
    "close to",
)
#: "About 300" allows 300 give or take this share (the interval a hedged figure is compared by).
ABOUT_MARGIN = 0.1


@lru_cache(maxsize=1)
def hedge_stems() -> frozenset[str]:
    """Light stems (``unit_key``) of the words that hedge or bound a figure ("نحو", "أكثر", "يصل", "يفوق", "over"):
    how a figure is stated, never what it is of."""
    phrases = _MORE + _EXCEED + _AT_LEAST + _LESS + _AT_MOST + _ABOUT
    return frozenset(unit_key(w) for p in phrases for w in p.split() if len(w) >= 3)


#: Particles that negate the verb after them: "لم تتجاوز 45%", "did not exceed 45%" state a ceiling, not a floor.
_NEGATION = _folded("لم", "لا", "لن", "not", "never", "didn't", "doesn't", "won't")
#: A verb of passing in the form a negation takes before it ("did not exceed", "لم تتجاوز").
_EXCEED_BARE = _EXCEED + ("exceed", "surpass", "top")


def passing_bound(clause: str) -> str | None:
    """Which end of its interval the clause before a figure states with a verb of passing: "floor" when the clause
    opens with one (Arabic, verb first: "تجاوزت حصيلة ضحايا الأمطار في اليابان | المئة قتيل") or ends with one
    (English: "the toll exceeded | 100"); "ceiling" when that verb is negated ("نسبة مشاركة لم تتجاوز | 45%", "لم
    تتجاوز نسبة المشاركة | 45%", "turnout did not exceed | 45%": at most 45, so "about 44.5%" agrees); else None."""
    words = normalize_arabic(clause).split()
    if len(words) > 1 and words[-2] in _NEGATION and words[-1] in _EXCEED_BARE:
        return "ceiling"
    if words and words[-1] in _EXCEED:
        return "floor"
    if not words:
        return None
    first = words[0][1:] if words[0].startswith("و") and words[0][1:] in _NEGATION + _EXCEED else words[0]
    if first in _NEGATION and len(words) > 1 and words[1] in _EXCEED:
        return "ceiling"
    return "floor" if first in _EXCEED else None


#: The most words a negation may stand before "less than" and still govern it: "ولن تبلغ كلفتها أقل من", "will not be less
#: than" (``_negated_less``).
NEGATED_LESS_REACH = 3


def _negated_less(folded: str, at: int) -> int | None:
    """Where a negation governing the "less than" at ``at`` starts, if one does: "لن تبلغ كلفتها أقل من 400 مليار" and
    "will not be less than 400 billion" state at least 400 billion, a floor, as "لا يقل عن" does. Only in the same
    clause and among the ``NEGATED_LESS_REACH`` words before it; else None."""
    clause_start = max(folded.rfind(c, 0, at) for c in "،,؛;.:!?\n") + 1
    words = list(re.finditer(r"\S+", folded[clause_start:at]))[-NEGATED_LESS_REACH:]
    for w in words:
        word = w.group().lower()
        if word in _NEGATION:
            return clause_start + w.start()
        if word[:1] in "وف" and word[1:] in _NEGATION:
            return clause_start + w.start() + 1  # "ولن": the conjunction is no part of the figure
    return None


_AFTER_ABOUT = _folded("تقريبا", "approximately", "or so")
#: A minimum said after the number or its noun ("25 على الأقل", "25 شخصا على الأقل", "12 people or more").
_AFTER_AT_LEAST = re.compile(rf"\s+(?:{word_alternation(_folded('على الأقل', 'أو أكثر', 'ونيف', 'و نيف', 'at least', 'or more'))})(?!\w)")
_PERCENT = _folded("%", "٪", "بالمئة", "بالمائة", "في المئة", "في المائة", "percent", "per cent", "pct")
_RANGE_OPEN = {
    "بين": _folded("و", "and"),
    "ما بين": _folded("و", "and"),
    "مابين": _folded("و", "and"),  # "ما بين" written as one word
    "between": ("and", "و"),
    "من": _folded("إلى", "حتى"),
    "from": ("to",),
}
_RANGE_DASH = _folded("-", "–", "—", "إلى", "to")


@lru_cache(maxsize=1)
def _currencies() -> tuple[dict[str, str], dict[str, str]]:
    """(folded currency word or name → unit key, one-character symbol → ISO code), from CLDR.

    A head word shared by several currencies ("دولار", "dollar") means the one
    that owns the bare symbol in CLDR English ("$" → USD); else it keys on the
    word itself ("money:ريال"). Only currencies some territory uses today give
    a bare head word: the names of withdrawn and accounting units open with
    common nouns ("وحدة العملة الأوروبية" would make "15 وحدة" money); their
    full names still match.
    """
    names: dict[str, set[str]] = {}
    heads: dict[str, set[str]] = {}
    symbols: dict[str, str] = {}
    in_use = _currencies_in_use()
    for code in Locale("en").currencies:
        symbol = get_currency_symbol(code, "en")
        if len(symbol) == 1 and not symbol.isalnum():
            symbols.setdefault(symbol, code)
        for lang, head_at in (("ar", 0), ("en", -1)):
            forms = {get_currency_name(code, count, lang) for count in (1, 2, 3, 11, 100)}
            for form in forms:
                folded = normalize_arabic(form)
                names.setdefault(folded, set()).add(code)
                words = folded.split()
                if words and code in in_use:
                    heads.setdefault(_strip_tanween(words[head_at]), set()).add(code)
    owner = {code: sym for sym, code in symbols.items()}
    table: dict[str, str] = {}
    for name, codes in names.items():
        if len(codes) == 1:
            table[name] = next(iter(codes))
    for head, codes in heads.items():
        if head in table:
            continue
        symbol_owners = [c for c in codes if c in owner]
        if len(codes) == 1:
            table[head] = next(iter(codes))
        else:
            table[head] = symbol_owners[0] if len(symbol_owners) == 1 else f"money:{head}"
    return table, symbols


def _currencies_in_use() -> set[str]:
    """ISO codes that are legal tender in some CLDR territory today."""
    codes: set[str] = set()
    for territory in Locale("en").territories:
        codes.update(get_territory_currencies(territory, tender=True))
    return codes


def _strip_tanween(word: str) -> str:
    """ "جنيها" → "جنيه", "دولارا" → "دولار": accusative tanween after a number."""
    return word[:-1] if len(word) > 3 and word.endswith("ا") and not word.endswith("يا") else word


#: A proclitic the article follows ("والقتلى", "بالقتلى", "للقتلى"): always a clitic, never a noun's own letters.
_AR_ARTICLE_PREFIX = re.compile(r"^(?:[وف]?(?:بال|كال|لل|ال))(?=\w{3})")
#: Where the corpus counts of the proclitic reading live (see ``learn_proclitic_words``).
_PROCLITIC_WORDS = Path(__file__).with_name("proclitic_words.json")


@lru_cache(maxsize=1)
def proclitic_words() -> frozenset[str]:
    """Folded words that are a one-letter proclitic (ب ل ك و ف) + a noun ("بنيران", "بقصف", "لقوات", "وقتلى"),
    learned from news text.

    Why learned: many counted nouns begin with the same letters ("بنادق", "كيلومترات", "وفيات"),
    so the letter alone cannot tell; the corpus can (``learn_proclitic_words``)."""
    return frozenset(json.loads(_PROCLITIC_WORDS.read_text(encoding="utf-8"))["words"])


def learn_proclitic_words(texts: Iterable[str], min_count: int = 3) -> list[str]:
    """Words read as proclitic + noun: the rest takes the article more often than the whole word does.

    "النيران" is common and "البنيران" never written, so "بنيران" is ب + "نيران"; "البنادق" is
    written and "النادق" is not, so "بنادق" is one noun ("الولايات" is written: "ولايات" is one noun).
    Counted on the written letters (hamza kept: "فئات" is not ف + "آليات"), then stored folded where
    most written forms agree. Number words are left out ("كمية" is not ك + "مية")."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(re.findall(r"[\u0621-\u064a]+", re.sub(r"[\u064b-\u0652\u0640]", "", text)))
    votes: Counter[str] = Counter()
    for w, n in counts.items():
        if n >= 2 and len(w) >= 4 and w[0] in "بلكوف":
            rest = counts["ال" + w[1:]]
            proclitic = rest >= min_count and rest > counts["ال" + w] and normalize_arabic(w[1:]) not in atoms()
            votes[normalize_arabic(w)] += n if proclitic else -n
    return sorted(w for w, vote in votes.items() if vote > 0)


#: Where the corpus counts of words that state a count live (see ``learn_count_predicates``).
_COUNT_PREDICATES = Path(__file__).with_name("count_predicates.json")
#: Counts are small numbers: a year ("أغسطس 2018") or a designation ("مجلس الأمن 2254") follows words that state none.
_COUNT_BEFORE = re.compile(r"([^\W\d_]{3,})\s+\d{1,3}(?![\d.,])")
_COUNT_AFTER = re.compile(r"(?<![\d.,])\d{1,3}\s+([^\W\d_]{3,})")


@lru_cache(maxsize=1)
def count_predicates() -> frozenset[str]:
    """Light stems (``unit_key``) of words that state a count rather than name what is counted: "أصيب" in
    "قتل 4 أشخاص وأصيب 30", learned from news text (``learn_count_predicates``).

    Why: after a count, "و" + a word either adds to the counted noun ("107 ركاب وطاقم") or opens the next
    clause ("توفي عشرة أشخاص وأصيب آخرون"); the letters cannot tell, where the word usually stands can."""
    return frozenset(json.loads(_COUNT_PREDICATES.read_text(encoding="utf-8"))["stems"])


def learn_count_predicates(texts: Iterable[str], min_count: int = 20, share: float = 0.3) -> list[str]:
    """Stems that stand right before a number (a predicate: "أصيب 30", "قتل 5") at least ``min_count`` times
    and at least ``share`` as often as right after one (a counted noun: "30 شخصا"). "قتل" is both ("قتل 5",
    "5 قتلى"): it states what is counted too. Years and designations are not counts ("أغسطس 2018", "القرار 2254")."""
    before: Counter[str] = Counter()
    after: Counter[str] = Counter()
    for text in texts:
        folded = normalize_arabic(text)
        before.update(unit_key(m.group(1)) for m in _COUNT_BEFORE.finditer(folded))
        after.update(unit_key(m.group(1)) for m in _COUNT_AFTER.finditer(folded))
    return sorted(k for k, n in before.items() if n >= min_count and n >= share * after[k] and len(k) >= 2)


#: Nouns that count people of any kind, folded Arabic and English. Grammar of news, no story's words.
_ANYONE = ("شخص", "اشخاص", "نسمه", "person", "persons", "people", "individual", "individuals")


@lru_cache(maxsize=1)
def anyone_units() -> frozenset[str]:
    """Unit keys (``unit_key``) of the nouns that count people of any kind ("أشخاص", "people").

    Why: one outlet counts a toll by everyone ("قتل 9 أشخاص") and another by who they were ("قتل 16 مدنيا", "أصيب 4
    رجال"); the nouns differ and the count is one. Not "أفراد": members of something ("وفد من 12 فردا")."""
    return frozenset(unit_key(w) for w in _ANYONE)


#: Where the corpus counts of singular counted nouns live (see ``learn_singular_nouns``).
_SINGULAR_NOUNS = Path(__file__).with_name("singular_nouns.json")
#: Arabic counts 11–99 with the noun singular and accusative ("15 شخصا"), 3–10 with the plural ("5 أشخاص").
_AFTER_ELEVEN = re.compile(r"(?<![\d.,])(?:1[1-9]|[2-9]\d)\s+([\u0621-\u064a]{3,})ا(?![\u0621-\u064a])")
_AFTER_THREE = re.compile(r"(?<![\d.,])(?:[3-9]|10)\s+([\u0621-\u064a]{3,})(?![\u0621-\u064a])")


@lru_cache(maxsize=1)
def singular_nouns() -> frozenset[str]:
    """Folded singular forms of counted nouns ("شخص", "شرطي", "قتيل"), learned from news text
    (``learn_singular_nouns``).

    Why: Arabic states one or two of a thing with the bare noun ("قتل شرطي", "أصيب شرطيان"), no numeral; without
    vowels a singular and a broken plural ("جندي" / "جنود") differ only in the letters, which the corpus can tell."""
    return frozenset(json.loads(_SINGULAR_NOUNS.read_text(encoding="utf-8"))["words"])


def learn_singular_nouns(texts: Iterable[str], min_count: int = 3, ratio: float = 3.0) -> list[str]:
    """Nouns written after 11–99 ("15 شخصا": singular, the accusative ا off) at least ``min_count`` times and
    ``ratio`` times as often as after 3–10 (where Arabic writes the plural: "5 أشخاص"), and written bare as often: a
    word ending in ا that is no accusative ("عندما", "أيضا") leaves no noun that is ever written alone."""
    singular: Counter[str] = Counter()
    plural: Counter[str] = Counter()
    words: Counter[str] = Counter()
    for text in texts:
        folded = normalize_arabic(text)
        singular.update(_AFTER_ELEVEN.findall(folded))
        plural.update(_AFTER_THREE.findall(folded))
        words.update(_WORD.findall(folded))
    return sorted(
        w
        for w, n in singular.items()
        if min(n, words[w]) >= min_count and n >= ratio * plural[w] and not _not_a_unit(w) and w not in FOLDED_STOPWORDS
    )


#: Where pairs of count predicates that count different things live (see ``learn_count_contrasts``).
_COUNT_CONTRASTS = Path(__file__).with_name("count_contrasts.json")
#: Two counts of one clause run, each after its predicate, the second opening with "و": "قتل 4 أشخاص وأصيب 30".
_CONTRAST_BEFORE = re.compile(
    r"(?P<p1>[^\W\d_]{3,})\s+(?P<n1>\d{1,3})(?![\d.,])[^.!?؟\n]{0,60}?\sو(?P<p2>[^\W\d_]{3,})\s+(?P<n2>\d{1,3})(?![\d.,])"
)
#: Two counts each before its noun, joined by "و": "3 قتلى و20 جريحا".
_CONTRAST_AFTER = re.compile(
    r"(?<![\d.,])(?P<n1>\d{1,3})\s+(?P<p1>[^\W\d_]{3,})[^.!?؟\n\d]{0,30}?\sو\s?(?P<n2>\d{1,3})\s+(?P<p2>[^\W\d_]{3,})"
)


def _predicate_key(word: str) -> str:
    """A count predicate's light stem, a one-letter proclitic off when the rest is one ("بمقتل", "لمقتل" → "مقتل")."""
    key = word if word in count_predicates() else unit_key(word)
    return key[1:] if len(key) > 3 and under_proclitic(key, count_predicates()) else key


@lru_cache(maxsize=1)
def _count_contrasts() -> frozenset[frozenset[str]]:
    return frozenset(frozenset(pair) for pair in json.loads(_COUNT_CONTRASTS.read_text(encoding="utf-8"))["pairs"])


def contrasting_predicates(a: str, b: str) -> bool:
    """Do two count predicates (words or light stems) count different things of one story: the killed and the
    injured ("قتل"/"أصيب", "مقتل"/"جرحى"), the rescued and the bodies found? Learned from news text
    (``learn_count_contrasts``), so two wordings of one deed ("قتل"/"لقي حتفه"), which the corpus never sets side by
    side with two figures, do not contrast.

    Why: "قتل 85 شخصا" and "أصيب نحو 85 شخصا" share their noun and much of their clause; only the predicate says
    they are two counts, and neither can confirm or contradict the other."""
    return frozenset((_predicate_key(a), _predicate_key(b))) in _count_contrasts()


#: Two deeds the corpus sets against at least this many of the same other deeds state one deed (``same_deed``).
SHARED_CONTRASTS = 2


@lru_cache(maxsize=1)
def _contrast_partners() -> dict[str, frozenset[str]]:
    """Each learned deed (``count_contrasts``) → the deeds news text sets beside it as another figure."""
    partners: dict[str, set[str]] = {}
    for pair in _count_contrasts():
        a, b = sorted(pair)
        partners.setdefault(a, set()).add(b)
        partners.setdefault(b, set()).add(a)
    return {k: frozenset(v) for k, v in partners.items()}


def same_deed(a: str, b: str) -> bool:
    """Do two count predicates (words or light stems) state one deed in two wordings ("قتل" / "لقوا مصرعهم", "أصيب"
    / "جرح")? Learned from the contrasts (``learn_count_contrasts``): the corpus sets both against at least
    ``SHARED_CONTRASTS`` of the same deeds (the killed and the dead each beside the injured and the wounded) and never
    against each other, as it would two counts of one story.

    Why: outlets word one toll with different verbs ("لقي 16 شخصا مصرعهم" / "مقتل 17 شخصا"); their frames are far
    apart in the encoder, and only the deed says they count the same people."""
    x, y = _predicate_key(a), _predicate_key(b)
    if x == y or frozenset((x, y)) in _count_contrasts():
        return x == y
    partners = _contrast_partners()
    return len(partners.get(x, frozenset()) & partners.get(y, frozenset())) >= SHARED_CONTRASTS


@lru_cache(maxsize=1)
def deed_predicates() -> frozenset[str]:
    """Count predicates that news text sets beside another count's (``count_contrasts``: "قتل", "أصيب", "جرحى"):
    deeds that say which people of a story a count is of, not any word that merely stands before figures ("بلغ",
    "تضم")."""
    return frozenset(k for pair in _count_contrasts() for k in pair)


#: Where the count predicates that befall people live (see ``learn_people_deeds``).
_PEOPLE_DEEDS = Path(__file__).with_name("people_deeds.json")
#: A predicate, a count in digits and its noun: "اعتقلت الشرطة 6 أشخاص" is read "الشرطه 6 اشخاص", "اعتقال 6 أشخاص" whole.
_PREDICATE_COUNT_NOUN = re.compile(r"([^\W\d_]{3,})\s+\d{1,3}(?![\d.,])\s+([^\W\d_]{3,})")


@lru_cache(maxsize=1)
def people_deeds() -> frozenset[str]:
    """Light stems of count predicates whose counts are mostly of people ("اعتقال", "مقتل", "لقي مصرعه", "توقيف"),
    learned from news text (``learn_people_deeds``).

    Why: one outlet counts those a deed befell as people ("اعتقال ستة أشخاص") and another by who they were ("اعتقلت
    الشرطة أربعة رجال"); a deed that befalls people makes the two nouns one count. Only some such deeds are set beside
    another figure often enough to be learned as contrasts (``deed_predicates``): arrests rarely are."""
    return frozenset(json.loads(_PEOPLE_DEEDS.read_text(encoding="utf-8"))["stems"])


def learn_people_deeds(texts: Iterable[str], min_count: int = 8, share: float = 0.3) -> list[str]:
    """Count predicates (``count_predicates``, three letters or more) that stand before a figure of people ("# أشخاص",
    "# people": ``anyone_units``) at least ``min_count`` times and in at least ``share`` of their counts in digits:
    "تضم 40 منظمة" counts any noun and is left out."""
    counts: Counter[str] = Counter()
    people: Counter[str] = Counter()
    for text in texts:
        for m in _PREDICATE_COUNT_NOUN.finditer(normalize_arabic(text)):
            if len(key := _predicate_key(m.group(1))) >= 3 and key in count_predicates() and m.group(1) not in FOLDED_STOPWORDS:
                counts[key] += 1
                people[key] += unit_key(m.group(2)) in anyone_units()
    return sorted(k for k, n in people.items() if n >= min_count and n >= share * counts[k])


def learn_count_contrasts(texts: Iterable[str], min_count: int = 3) -> list[list[str]]:
    """Pairs of count predicates (``count_predicates``) that stand before two different figures of one clause run
    ("قتل 4 أشخاص وأصيب 30", "مقتل 3 وإصابة 20") or are the nouns of two joined counts ("3 قتلى و20 جريحا") at least
    ``min_count`` times: a sentence that gives both figures counts two things."""
    pairs: Counter[frozenset[str]] = Counter()
    for text in texts:
        folded = normalize_arabic(text)
        for pattern in (_CONTRAST_BEFORE, _CONTRAST_AFTER):
            for m in pattern.finditer(folded):
                a, b = _predicate_key(m["p1"]), _predicate_key(m["p2"])
                if a != b and m["n1"] != m["n2"] and {a, b} <= count_predicates():
                    pairs[frozenset((a, b))] += 1
    return sorted(sorted(pair) for pair, n in pairs.items() if n >= min_count)


_AR_SUFFIX = re.compile(r"(?:يين|يون|ين|ون|ات|ان|ه|ا)$")


@lru_cache(maxsize=8192)
def unit_key(word: str) -> str:
    """A light stem under which inflections of one counted noun meet.

    Arabic: clitics (a one-letter proclitic only where the corpus reads the word so: ``proclitic_words``) and suffixes off, then the long vowels (ا و ي) after the
    first letter dropped, so sound and broken plurals land on one skeleton:
    "أشخاص"/"شخصا"/"شخص" → "شخص" (the ا of the أفعال plural goes too), "قتيلا"/"قتلى"/"القتلى" → "قتل",
    "صواريخ"/"صاروخ" → "صرخ". English: Snowball stem ("Iranians" → "iranian").
    """
    folded = normalize_arabic(word).strip()
    if not ARABIC_LETTER.search(folded):
        return stem(folded)
    bare = _AR_ARTICLE_PREFIX.sub("", folded)
    if bare == folded and bare in proclitic_words():  # "بصواريخ", "وقتلى"; but "كيلومترات", "وفيات" keep theirs
        bare = bare[1:]
    if len(bare) > 3:
        bare = _AR_SUFFIX.sub("", bare) or bare
    skeleton = bare[:1] + re.sub("[اوي]", "", bare[1:])
    return skeleton[1:] if len(skeleton) >= 4 and skeleton[0] == "ا" else skeleton  # أفعال plural: أشخاص


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    """The quantity regex on folded text (built once: the number words come from num2words)."""
    num = number_phrase_pattern()
    vague = word_alternation(vague_words())
    value = rf"(?:{vague}|{word_alternation(definite_scales())}|{word_alternation(definite_teens())}|{num})"
    symbols = "".join(re.escape(s) for s in _currencies()[1])
    opens = word_alternation(_RANGE_OPEN)
    joins = word_alternation({j for js in _RANGE_OPEN.values() for j in js})
    mods = word_alternation(_MORE + _AT_LEAST + _LESS + _AT_MOST + _ABOUT)
    return re.compile(
        rf"(?<![\w.,:/])(?:[وب](?=\S)|(?P<glued>ال|ل)(?=\d))?(?:(?P<mod>{mods})\s+)?"
        rf"(?:(?P<open>{opens})\s+)?(?P<sym>[{symbols}])?\s*(?P<num>{value})(?![\w:/]|[.,]\d)"
        rf"(?:\s*(?P<dash>{word_alternation(_RANGE_DASH)})\s*(?P<num2>{num})(?![\w:/]|[.,]\d)"
        rf"|(?(open)\s*(?P<join>{joins})\s*(?P<num3>{num})(?![\w:/]|[.,]\d)))?"
        rf"(?:\s*(?P<pct>{word_alternation(_PERCENT)})(?!\w))?"
        rf"(?:\s+(?P<after>{word_alternation(_AFTER_ABOUT)})(?!\w))?"
        # the counted noun is looked at, not consumed: a rejected word may start the next quantity
        rf"(?:(?=\s+(?:(?:من|of)\s+)?(?P<unit>[^\W\d_]{{2,}})(?:\s+(?P<unit2>[^\W\d_]{{2,}}))?))?"
    )


def _vague(phrase: str) -> bool:
    """Is a number phrase a vague count word ("عشرات", "thousands of", "بضعة")?"""
    return re.sub(r"\s+", " ", phrase.strip()) in vague_words()


def _value(phrase: str) -> tuple[float, float] | None:
    phrase = re.sub(r"\s+", " ", phrase.strip())
    if phrase in vague_words():
        return vague_words()[phrase]
    for definite in (definite_scales(), definite_teens()):  # words with the article: "المائة", "الثماني عشرة"
        if phrase in definite:
            return float(definite[phrase]), float(definite[phrase])
    v = read_number(phrase)
    return None if v is None else (v, v)


_YEAR = re.compile(r"(?:19|20)\d\d")
_CLOCK = re.compile(r"\d{1,2}[.:]\d\d")
#: Words after a clock time ("04.00 بتوقيت غرينتش", "10.30 am"): folded.
_CLOCK_WORDS = frozenset("بتوقيت صباحا مساء مساءا ظهرا فجرا ليلا am pm gmt utc".split())
#: Words a year follows ("في 2018", "منذ 2011", "until 2020"): folded, without the و clitic.
_BEFORE_YEAR = frozenset(
    "في منذ من عام العام حتي قبل بعد خلال مطلع بدايه نهايه اواخر اوائل منتصف موسم in since until by before after "
    "during of early late mid from to".split()
)
_LAST_WORD = re.compile(r"(\w+)\W*$")


def _is_year_or_clock(folded: str, m: re.Match[str]) -> bool:
    """A bare 19xx/20xx is a year unless hedged ("أكثر من 2000") or counting a noun ("قتل 2000 شخص")
    after a word that does not introduce years; "04.00 بتوقيت" is a clock time."""
    num = m.group("num")
    ranged = m.group("open") and (m.group("num2") or m.group("num3"))  # "من 2018" alone opens no range: "from", before a year
    if _YEAR.fullmatch(num) and not (m.group("mod") or ranged or m.group("sym") or m.group("pct")):
        prev = _LAST_WORD.search(folded[: m.start("num")])
        prev_word = re.sub(r"^و(?=\w{2})", "", prev.group(1)) if prev else ""
        return not m.group("unit") or not prev or prev_word in _BEFORE_YEAR or prev_word in MONTHS
    return bool(_CLOCK.fullmatch(num) and (m.group("unit") or "") in _CLOCK_WORDS)


def _is_marker(folded: str, m: re.Match[str]) -> bool:
    """A bare number in brackets is a footnote or photo index ("(2)", "【1】"), not a count."""
    if m.end() != m.end("num") or m.group("mod") or m.group("sym"):
        return False
    before = folded[: m.start("num")].rstrip()[-1:]
    after = folded[m.end("num") :].lstrip()[:1]
    return bool(before) and before in "([【" and after in ")]】"


#: A Title-case Latin word right before a number, inside a sentence ("a Boeing 737", "under Resolution 2254").
_NAME_BEFORE = re.compile(r"(?<=[^\s.!?؟:;\"“(\[])\s+([A-Z][a-z]+)[ \t]+$")


def _is_model_number(text: str, start: int, m: re.Match[str]) -> bool:
    """A plain 3+ digit number right after a capitalised name inside a sentence names a model or a
    document ("Boeing 737", "Resolution 2254"), not a count: English counts follow verbs and
    prepositions, written in lower case. Calendar names are not names here ("on Sunday 250 people")."""
    if not re.fullmatch(r"\d{3,}", m.group("num")) or m.group("mod") or m.group("sym") or m.group("open") or m.group("pct"):
        return False
    name = _NAME_BEFORE.search(text[:start])
    return bool(name) and not any(name.group(1).lower() in table for table in (MONTHS, MONTH_ABBREVIATIONS, WEEKDAYS))


#: The word before a number, as written (the article is "ال" with a bare alef: "إلى" is not definite).
_WRITTEN_BEFORE = re.compile(r"(?:^|\s)(\S+)\s+$")


def _is_index_number(text: str, start: int, m: re.Match[str]) -> bool:
    """A plain number right after a definite noun, with no counted noun after it, names or ranks a thing
    ("القرار 2254", "الدقيقة 66", "المركز 16", "الـ 16"), the Arabic twin of "Resolution 2254": a count
    follows a verb or a preposition ("قتل 45", "إلى 110"), or comes with its noun ("عدد المصابين 4 أشخاص")."""
    if not re.fullmatch(r"\d+", m.group("num")) or any(m.group(g) for g in ("mod", "sym", "open", "pct", "after", "num2", "num3")):
        return False
    before = _WRITTEN_BEFORE.search(text[:start])
    if before is None or not before.group(1).startswith("ال"):
        return False
    prev = normalize_arabic(before.group(1))
    return prev == "ال" or (len(prev) >= 4 and prev not in STOPWORDS)  # "الـ 16"; not "الى"/"الا" written without hamza


#: A preposition carrying a pronoun ("منها" = of them, "عليهم"): a closed class of function words, never a noun.
_PREPOSITION_PRONOUN = re.compile(r"(?:من|في|علي|الي|عن|لدي|عند|بين|مع|ل|ب)(?:ها|هم|هما|هن|ه|نا|كم|ي)")


def _not_a_unit(word: str) -> bool:
    """Is the word after a number no noun of it: a function word ("من", "has risen to three after an injured employee
    died", "3 had died"), a number word, "versus"?"""
    return (
        word in STOPWORDS
        or word.lower() in FUNCTION_WORDS_EN | AUXILIARIES_EN
        or word in atoms()
        or word in ("من", "of", "and", "و")
        or word in VERSUS_WORDS
        or bool(_PREPOSITION_PRONOUN.fullmatch(word))
    )


def _is_bare_definite(folded: str, m: re.Match[str]) -> bool:
    """A scale word with the article ("المائة") that is not right before an indefinite counted noun:
    "في المائة"/"بالمائة" is a percent (as is "15 في المائة" split by a number), "الذكرى المئة الأولى"
    an ordinal; only "المائة رجل" counts."""
    if m.group("num") not in definite_scales():
        return False
    unit, prev = m.group("unit"), _LAST_WORD.search(folded[: m.start("num")])
    return (
        not unit
        or bool(m.group("pct") or m.group("num2") or m.group("num3"))
        or folded[m.end("num") : m.start("unit")].strip() != ""  # "المئات من": the noun after من is a vague plural's
        or unit.startswith("ال")
        or folded[m.start("num") - 1 : m.start("num")].strip() != ""  # a proclitic: "بالمائة", "والمائة"
        or (prev is not None and (prev.group(1) in ("في", "in") or prev.group(1)[0].isdigit() or prev.group(1) in atoms()))
    )


#: Proclitic + article on the word after a number ("بالرصاص", "للشخص", "والجرحى"): the next phrase, not a counted noun.
_PROCLITIC_ARTICLE = re.compile(r"^(?:[وف]?(?:بال|كال|لل)|[وف]ال)\w{2}")


def _is_next_phrase(m: re.Match[str], head: str) -> bool:
    """Is the word after a number a proclitic phrase rather than its counted noun? Arabic counted nouns
    take no proclitic, but many begin with the same letters ("وفيات", "بنادق", "كيلومترات"), so only
    signs no noun shows count: the article (a numeral's noun is indefinite: "2254 الصادر"), a proclitic
    before it, a word the corpus reads as proclitic + noun ("بنيران": ``proclitic_words``), و/ف before a
    hamza ("200 وإصابة", "18 فأكثر"), or a و-word that opens a count of its own ("قتل 200 واصابة 50").
    ``head``: the word's first two letters as written (folding hides the hamza of "ألقاب", "وإصابة")."""
    word = m.group("unit")
    partitive = m.string[m.end("num") : m.start("unit")].strip() != ""  # "5 من الجنود"
    if head.startswith("ال") and not partitive and not _vague(m.group("num")):
        return True  # "عشرات القتلى": a vague plural's noun takes the article, "5 من الجنود" too
    if _PROCLITIC_ARTICLE.match(word) or word in proclitic_words():
        return True
    if word[0] in "وف" and head[1:] in ("أ", "إ", "آ"):
        return True
    following = m.string[m.end("unit") :].split(maxsplit=1)
    return word[0] == "و" and bool(following) and (following[0][0].isdigit() or following[0] in atoms())


@lru_cache(maxsize=4096)
def find_quantities(text: str) -> tuple[Quantity, ...]:
    """Counts, sums of money and percentages in ``text``, spans in the original; dates are skipped. Arabic counts
    stated by a bare noun after a deed ("قتل شرطي": 1) are read too (``find_bare_counts``), and a half added to a
    figure ("تسع سنوات ونصف", "nine and a half years": 9.5) is part of it (``_with_halves``).

    Cached (an immutable tuple): one answer reads the same sentence for claims, conflicts, the
    direct answer and the ranker's features."""
    found = _read_quantities(text)
    halves = [h for h in _HALF.finditer(text) if any(_half_follows(text, q, h) for q in found)]
    if not halves:
        return found
    blanked = text
    for h in halves:  # the half read out of the way keeps every offset: "nine and a half years" reads as "nine years"
        blanked = blanked[: h.start()] + " " * (h.end() - h.start()) + blanked[h.end() :]
    return _with_halves(text, _read_quantities(blanked), halves)


#: "and a half" after a figure or its noun ("nine and a half years", "تسع سنوات ونصف", "12 عاما ونصف العام"), with
#: the noun an Arabic half may take (``_half_follows``).
_HALF = re.compile(r"(?<!\w)(?:and a half|و\s?نصف(?:\s+(ال[\u0621-\u064a]+))?)(?!\w)", re.IGNORECASE)


def _half_follows(text: str, q: Quantity, h: re.Match[str]) -> bool:
    """Is ``h`` a half of ``q``'s figure: right after it, the figure exact, and a noun after the half the figure's own
    ("تسع سنوات ونصف السنة"; "قتل 20 شخصا ونصف الضحايا أطفال" is half of the victims)?"""
    if text[q.end : h.start()].strip() or q.kind == "percent" or q.vague or q.stated is None:
        return False
    if not h.group(1):
        return True
    noun, units = unit_key(normalize_arabic(h.group(1))[2:]), time_units()
    return q.unit_key is not None and (noun == q.unit_key or units.get(noun, noun) == units.get(q.unit_key))


def _with_halves(text: str, found: tuple[Quantity, ...], halves: list[re.Match[str]]) -> tuple[Quantity, ...]:
    """``found`` (read with the half phrases blanked) with each half added to the figure it follows: half its scale
    ("ثلاثة ملايين ونصف": 3.5 million), else half a unit (9.5 years); spans in ``text``."""
    out = []
    for q in found:
        h = next((h for h in halves if q.start < h.start() <= q.end or (h.start() >= q.end and not text[q.end : h.start()].strip())), None)
        if h is None:
            out.append(q)
            continue
        atom = _last_scale(normalize_arabic(text[q.start : h.start()]))
        half = (atom.scale if atom else 1) / 2
        end = max(q.end, h.end())
        figure = None if q.figure is None else q.figure + half
        high = None if q.high is None else q.high + half
        out.append(replace(q, text=text[q.start : end], end=end, low=q.low + half, high=high, figure=figure))
    return tuple(out)


def _read_quantities(text: str) -> tuple[Quantity, ...]:
    """``find_quantities`` on a text whose half phrases are read already."""
    folded, origin = _unglued(*fold_with_offsets(text))
    time_spans = [(t.start, t.end) for t in resolve_times(text, None)]

    def dated(m: re.Match[str], group: str) -> bool:
        """Does the match's number ``group`` lie in a date the calendar reads ("18 شباط")?"""
        s, e = original_span(origin, m.start(group), m.end(group))
        return any(ts < e and s < te for ts, te in time_spans)

    currency_words, symbols = _currencies()
    out: list[Quantity] = []
    pattern, pos = _pattern(), 0
    while (m := pattern.search(folded, pos)) is not None:
        pos = max(m.end(), m.start() + 1)
        ns, _ = original_span(origin, m.start("num"), m.end("num"))
        later = m.start("num2") if m.group("num2") else m.start("num3") if m.group("num3") else None
        if dated(m, "num"):
            pos = later or pos  # "growth in 2018 to 2.5 percent": the year is no end of a range, the figure after it is read
            continue
        opener, phrase, phrase2 = m.group("open"), m.group("num"), None
        if opener and _value(phrase) is None:  # "بين ثمانية وعشرة": both ends read as one phrase
            phrase, phrase2 = _ends_in_words(phrase, _RANGE_OPEN[opener]) or (phrase, None)
        first = _value(phrase)
        if first is None or _is_marker(folded, m) or _is_year_or_clock(folded, m) or _is_bare_definite(folded, m):
            continue
        if _is_model_number(text, ns, m):
            continue
        low, high = first
        end = m.end("num")
        num2 = "num2" if m.group("num2") else "num3" if m.group("num3") and m.group("join") in _RANGE_OPEN[opener] else None
        if num2:
            phrase2, end = m.group(num2), m.end(num2)
            if dated(m, num2):
                continue  # "من 15 إلى 17 حزيران": a span of days, not a count
        second = _value(phrase2) if phrase2 else None
        if second is not None:
            scale = _trailing_scale(phrase2)
            if scale and not _trailing_scale(phrase) and high * scale <= second[0]:  # "بين 50 و85 مليون"
                low, high = low * scale, high * scale
            if second[1] < low and num2 and _worded_join(m):
                pos = m.start(num2)  # "في 2018 إلى 2.2%", "من 4 إلى 2.2": no range runs downwards; the figure reached is read
                continue
            low, high = min(low, second[0]), max(high, second[1])
        elif opener in ("من", "from"):
            opener = None  # "من 10" alone: a preposition, not a range
        kind, unit, key, unit_text = "count", None, None, None
        approx = low != high
        if m.group("pct"):
            kind, unit, key, end = "percent", "%", "%", m.end("pct")
        if m.group("after"):
            approx, end = True, m.end("after")
        if m.group("sym"):
            kind, unit, key = "money", m.group("sym"), symbols[m.group("sym")]
        late = _AFTER_AT_LEAST.match(folded, end)  # right after the number: its "unit" would be "على"
        if kind == "count" and m.group("unit") and not late:
            head = text[origin[m.start("unit")]] + text[origin[m.start("unit") + 1]]  # the unit has two letters or more
            kind, unit, key, unit_end = _unit(m, currency_words, head)
            if unit_end is not None:
                us, ue = original_span(origin, m.start("unit"), unit_end)
                unit_text, end = text[us:ue], unit_end
        if _grouped_count(phrase, phrase2, kind, key):
            low = high = float(phrase.replace(".", ""))
        if kind == "count" and unit is None and (age := _age_unit(folded[: m.start()])):
            unit, key = age  # "في سن الـ15", "at the age of 15": an age, told without its years
        if m.group("glued") and unit is None:
            continue  # "الدورة الـ24" ranks: only "يناهز الـ85 عاما", "لـ6 أشهر" count
        if unit is not None and unit.lower() in MONTHS:
            continue  # "في الـ30 من آذار", "في18 شباط" (glued to its preposition, which the calendar misses): a date
        if unit is None and (m.group("num") in definite_scales() or (kind == "count" and not late and _is_index_number(text, ns, m))):
            continue  # "المائة" counts only with its noun; "القرار 2254" is no count, but a hedged one is ("البالغ 18 على الأقل")
        mod = re.sub(r"\s+", " ", m.group("mod")) if m.group("mod") else None
        if not mod and (late := late or _AFTER_AT_LEAST.match(folded, end)):
            mod, end = _AT_LEAST[0], late.end()
        figure = low if mod and low == high else None  # "نحو 10 إلى 15" states no one figure
        start = m.start("mod") if m.group("mod") else m.start("open") if opener else m.start("sym") if m.group("sym") else m.start("num")
        if mod in _LESS and (negation := _negated_less(folded, start)) is not None:
            mod, start = _AT_LEAST[0], negation  # "لن تبلغ … أقل من 400": at least 400, its negation part of the figure
        low, high, approx = _hedge(mod, low, high, approx, kind)
        s, e = original_span(origin, start, end)
        vague = _vague(m.group("num"))
        out.append(
            Quantity(text[s:e].strip(), s, e, low, high, unit, key, approx, unit_text, kind, bound=_bound(mod), vague=vague, figure=figure)
        )
    out = _compounds(text, out)
    ages, ranks = _ordinal_ages(text, folded, origin)
    out = [q for q in out if not any(s < q.end and q.start < e for s, e in ranks)] + ages
    bare = [b for b in find_bare_counts(text) if not any(q.start < b.end and b.start < q.end for q in out)]
    return tuple(sorted([*out, *bare], key=lambda q: q.start))


#: Between the parts of a compound written in digits: "3 آلاف و500", "5 مليارات و 618 مليون".
_COMPOUND_JOIN = re.compile(r"\s*و\s*")


def _compound(text: str, a: Quantity, b: Quantity) -> Quantity | None:
    """One figure written as digits and a scale word, then و and a smaller figure ("3 آلاف و500 شخص" is 3,500 persons,
    "5 مليارات و618 مليون دولار" 5.618 billion dollars): the number pattern reads each part apart, and two figures
    of one sentence would be two claims. None where ``b`` is not ``a``'s remainder: ``a`` counts a noun of its own
    ("3 آلاف قتيل و500 جريح"), ``b`` reaches ``a``'s scale ("بين 5 آلاف و8 آلاف"), or either is no plain figure."""
    atom = _last_scale(normalize_arabic(a.text))  # "659 مليونا", "ألفا": the word's scale, whatever its value
    scale = atom.scale if atom else None
    base = a.stated
    if a.unit is not None or a.kind != "count" or a.vague or base is None or scale is None:
        return None
    if not _COMPOUND_JOIN.fullmatch(text[a.end : b.start]) or b.kind not in ("count", "money") or b.stated is None:
        return None
    if b.bound or b.approx or b.vague or b.stated >= scale:
        return None
    add = b.stated
    if a.approx and a.bound is None:  # "نحو 3 آلاف و500": the margin grows with the figure
        low, high = a.low * (base + add) / base, (a.high or 0) * (base + add) / base
    else:
        low, high = (a.low + add if a.low else 0.0), (None if a.high is None else a.high + add)
    figure = None if a.figure is None else a.figure + add
    return replace(b, text=text[a.start : b.end], start=a.start, low=low, high=high, approx=a.approx, bound=a.bound, figure=figure)


def _compounds(text: str, found: list[Quantity]) -> list[Quantity]:
    """``found`` with each compound of two parts read as one (``_compound``)."""
    out: list[Quantity] = []
    for q in found:
        joined = _compound(text, out[-1], q) if out else None
        if joined is not None:
            out[-1] = joined
        else:
            out.append(q)
    return out


def _worded_join(m: re.Match[str]) -> bool:
    """Are a range's two numbers joined by a word ("إلى", "to"), not a dash? "737-200" is a model's number, read whole."""
    join = m.group("dash") or m.group("join") or ""
    return join.strip().isalpha()


def _ends_in_words(phrase: str, joins: tuple[str, ...]) -> tuple[str, str] | None:
    """A range's two ends in words after its opener ("بين ثمانية وعشرة", "between eight and ten"): the number pattern
    takes them for one phrase, which is no number (``read_number``), so it is cut at the join that leaves two."""
    for join in re.finditer(rf"\s+(?:{word_alternation(joins)})(?:\s+|(?=\w))", phrase):
        ends = phrase[: join.start()], phrase[join.end() :]
        if None not in map(read_number, ends):
            return ends
    return None


#: Where a word and a number run together: a letter then a digit ("حوالي45", "يشكلون25,4"), a digit then a letter
#: ("131شخصا"). Arabic writes no letter and digit in one word, so this is a lost space (extracted news text loses
#: many); a bare proclitic or article before the digit ("الـ24", "لـ6", "و45") is the number's own and stays.
_GLUE = re.compile(r"([\u0621-\u064a]+)(?=\d)|(?<=\d)(?=[\u0621-\u064a])")
#: A word of proclitics and the article only: it belongs to the number after it.
_CLITICS_ONLY = re.compile(r"[وفبلك]{0,2}(?:ال)?")


def _unglued(folded: str, origin: list[int]) -> tuple[str, list[int]]:
    """The folded text with a space where a word and a number run together (``_GLUE``), and its origin map (an added
    space maps to the character after it)."""
    cuts = [m.end() for m in _GLUE.finditer(folded) if not (m.group(1) and _CLITICS_ONLY.fullmatch(m.group(1)))]
    if not cuts:
        return folded, origin
    parts, spots, last = [], [], 0
    for cut in cuts:
        parts += [folded[last:cut], " "]
        spots += [*origin[last:cut], origin[cut]]
        last = cut
    parts.append(folded[last:])
    spots += origin[last:]
    return "".join(parts), spots


def spaced_numbers(text: str) -> str:
    """The text with a space where an Arabic word and a number run together ("أن25  شخصا قتلوا وأصيب54  آخرون",
    "131شخصا"), as some outlets' copy writes them; a proclitic or the article stays on its number ("و15", "بـ59").

    Why: a glued word hides a clause's start from the claim reader, so "وأصيب54" took the "قتلوا" before it as its
    deed, and "أن25" was read as a speaker's name."""
    cuts = [m.end() for m in _GLUE.finditer(text) if not (m.group(1) and _CLITICS_ONLY.fullmatch(m.group(1).replace("ـ", "")))]
    return "".join(f"{text[a:b]} " for a, b in zip([0, *cuts], cuts)) + text[cuts[-1] :] if cuts else text


def _last_scale(phrase: str) -> Atom | None:
    """The scale word (thousand and up) a folded number phrase ends with, as ``atoms`` reads it."""
    words = phrase.split()
    atom = atoms().get(words[-1]) if words else None
    return atom if atom and atom.scale > 100 else None


def _trailing_scale(phrase: str) -> int | None:
    """The scale word a number phrase ends with ("85 مليون" → 10**6), which a range's bare first number shares
    ("between 10 and 15 million" is 10-15 million, not 10 to 15 million)."""
    atom = _last_scale(phrase)
    return atom.scale if atom and atom.value == atom.scale else None


#: Nouns that name a figure ("عدد", "حصيلة"; ``language.lexicon.ASKED_NOUNS_AR``): after a number and before a
#: definite noun they are its measure, and that noun is what is counted ("ليرتفع إلى 46 عدد القتلى" counts the killed).
_NUMBER_NOUNS = frozenset(ASKED_NOUNS_AR["number"].split())


#: "the number of X" / "عدد X" ("وعدد", "بعدد"; not "العدد", which an adjective follows: "العدد الرسمي") and the noun
#: it names, then, with no other figure between, the figure a total reached ("to 10", "إلى 12"); folded.
_NUMBER_OF_REACHED = re.compile(r"(?<!\w)(?:number of (?:the )?|[وفب]?عدد\s+)([^\W\d_]{3,})\b[^\d]*?(?<!\w)(?:to|الي)\s*$")


def numbered_noun(before: str) -> str | None:
    """The noun, folded, whose number a bare figure is the total of: its clause before it says "the number of X …
    rose to" ("bringing the number of teenagers killed to 10", "عدد الركاب الذين أصيبوا … ارتفع إلى 12": teenagers,
    الركاب). Why: the figure has no noun after it, and without one it counts nothing another report's "تسعة تلاميذ"
    or "عشرة ركاب" could be compared with."""
    m = _NUMBER_OF_REACHED.search(normalize_arabic(before).lower())
    return m.group(1) if m and m.group(1) not in FOLDED_STOPWORDS else None


#: English words between a count and its noun ("two other people"): the noun after them is what is counted, not "other".
#: Not "more": "two more students died" adds to a toll, it counts no total of students.
_BEFORE_NOUN_EN = frozenset({"other"})


def _unit(m: re.Match[str], currency_words: dict[str, str], head: str) -> tuple[str, str | None, str | None, int | None]:
    """(kind, folded unit, unit key, end in folded text) of the noun after a number; currency names win.
    ``head``: the word's first two letters as written (see ``_is_next_phrase``)."""
    word = m.group("unit")
    pair = f"{word} {m.group('unit2')}" if m.group("unit2") else None
    if pair and pair in currency_words:
        return "money", pair, currency_words[pair], m.end("unit2")
    if _strip_tanween(word) in currency_words:
        return "money", word, currency_words[_strip_tanween(word)], m.end("unit")
    if pair and word.lower() in _BEFORE_NOUN_EN and not _not_a_unit(m.group("unit2")):
        return "count", m.group("unit2"), unit_key(m.group("unit2")), m.end("unit2")
    if _not_a_unit(word) or _is_next_phrase(m, head):
        return "count", None, None, None
    if pair and word in _NUMBER_NOUNS and _AR_ARTICLE_PREFIX.match(m.group("unit2")):
        return "count", m.group("unit2"), unit_key(m.group("unit2")), m.end("unit2")
    return "count", word, unit_key(word), m.end("unit")


def _hedge(mod: str | None, low: float, high: float, approx: bool, kind: str = "count") -> tuple[float, float | None, bool]:
    """Apply "more than", "up to", "about" ... to the interval the numerals gave. "More than 99" people are 100 or
    more, but "more than 99%" may be 99.4%: a share does not step to the next whole number (it stays open at its
    figure, so it meets a round "99%" of another source)."""
    step = 1 if float(low).is_integer() and kind != "percent" else 0
    if mod in _MORE:
        return low + step, None, approx
    if mod in _AT_LEAST:
        return low, None, approx
    if mod in _LESS:
        return 0, high - step, approx
    if mod in _AT_MOST:
        return 0, high, approx
    if mod in _ABOUT:
        return low * (1 - ABOUT_MARGIN), high * (1 + ABOUT_MARGIN), True
    return low, high, approx


def _bound(mod: str | None) -> str | None:
    """Which end of its interval a hedge states: "floor" for "more than", "at least"; "ceiling" for "less than", "up
    to". A stated end is the figure a source counted ("at least 120" / "at least 132" of one day disagree:
    ``bot.conflicts``); an approximation's or a range's ends are only margins."""
    if mod in _MORE or mod in _AT_LEAST:
        return "floor"
    if mod in _LESS or mod in _AT_MOST:
        return "ceiling"
    return None


#: Digits grouped in thousands by points, as some Arabic presses write them: "80.569", "1.570054" (one point lost).
_POINT_GROUPED = re.compile(r"\d{1,3}\.(?:\d{3})+")


def _grouped_count(phrase: str, phrase2: str | None, kind: str, key: str | None) -> bool:
    """Is a lone figure with a point a whole count grouped in thousands ("80.569 حاجا": 80,569 pilgrims)? Only for
    a noun counted in wholes: no one counts 80.569 people, while "2.500 كيلومتر" or "1.500 دولار" may be a fraction."""
    return kind == "count" and phrase2 is None and key is not None and key not in measure_units() and bool(_POINT_GROUPED.fullmatch(phrase))


#: A decimal as written: "4.7", "4٫69", and the Arabic decimal comma "4,69" (a comma before three digits groups thousands).
_DECIMALS = re.compile(r"\d(?:[.٫](\d+)|,(\d{1,2})(?!\d))")
_TO_WESTERN = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")


def rounding(q: Quantity) -> float:
    """Half a unit of the last digit a plain figure is written to, where the writing shows it is rounded: a decimal
    ("4.7 billion", "4.5%") or a count of thousands, millions, billions ("160 ألف", "خمسة ملايين"); else 0.

    Why: "4.7 billion" and "4.69 billion" are one figure told to two precisions, not two figures; "1,250" and
    "12" are exact as written. A hedged or ranged figure already says how loose it is (``_hedge``)."""
    if q.high != q.low or q.approx:
        return 0.0
    words = normalize_arabic(q.text).translate(_TO_WESTERN).split()
    scales = [i for i, w in enumerate(words) if (a := atoms().get(w)) is not None and a.scale >= 1000]
    if scales and not any(re.search(r"\d", w) or ((a := atoms().get(w)) is not None and a.scale == 1) for w in words[: scales[0]]):
        scales = []  # a scale word alone ("مليون شخص") states no mantissa to round
    scale = atoms()[words[scales[0]]].scale if scales else 1
    m = _DECIMALS.search(" ".join(words))
    decimals = len(m.group(1) or m.group(2)) if m else 0
    if scale == 1 and not decimals:
        return 0.0
    return scale * 10.0**-decimals / 2


def coarseness(q: Quantity) -> float:
    """How far from a round figure the precise one it may round lies: half the place of the last non-zero digit of
    a whole figure that ends in zeros ("250" → 5, "1,200" → 50), half a point of a whole percentage ("41%" →
    0.5); else 0. Only a measure is rounded so ("250 km/h" for 249; "41%" for 41.42%), and only against a figure
    stated finer (``bot.conflicts``): "500" and "450" are two round figures that differ."""
    if q.high != q.low or q.approx or rounding(q):
        return 0.0
    if q.kind == "percent":
        return 0.5
    digits = re.sub(r"[,٬]", "", normalize_arabic(q.text).translate(_TO_WESTERN))
    m = re.search(r"\d+", digits)
    zeros = len(m.group(0)) - len(m.group(0).rstrip("0")) if m and m.group(0).strip("0") else 0
    return 10.0**zeros / 2 if zeros else 0.0


# ---------------------------------------------------------------- the Arabic dual


#: CLDR duration units: their Arabic dual is one word ("يومان"), a count with no numeral in it.
_DUAL_UNITS = ("century", "decade", "year", "month", "week", "day", "hour", "minute", "second", "night")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@lru_cache(maxsize=1)
def dual_units() -> dict[str, tuple[str, str]]:
    """Folded Arabic dual of a CLDR duration unit, nominative and oblique ("يومان", "يومين") →
    (its nominative form, the CLDR unit id "duration-day").

    Why: Arabic counts two by the noun's ending, with no numeral ("زيارة تستمر ليومين" is a
    two-day visit), so the number reader sees nothing there. The forms are CLDR's own
    (``format_unit(2, ...)`` in Arabic), not a hand list; a unit whose Arabic "2" is not a
    one-word dual ("2 س") is left out.
    """
    table: dict[str, tuple[str, str]] = {}
    for name in _DUAL_UNITS:
        unit = f"duration-{name}"
        dual = normalize_arabic(format_unit(2, unit, locale="ar"))
        if " " in dual or not dual.endswith("ان"):
            continue
        for form in (dual, dual[:-2] + "ين"):
            table[form] = (dual, unit)
    return table


#: Counted numbers inside dateparser's relative phrases ("قبل 3 أعوام", "3 years ago"): the word after one is a time unit.
_RELATIVE_COUNT = re.compile(r"\(\\d[^)]*\)\s*([^\W\d_]{3,})")


#: One number of each Arabic plural category CLDR distinguishes (one, two, few, many, other; English uses two of them).
_PLURAL_SAMPLES = (1, 2, 3, 11, 100)


def _unit_forms(unit: str, lang: str, length: str = "long") -> list[list[str]]:
    """The words of a CLDR unit's name in each plural form ("3 سنوات", "11 سنة", "100 سنة"), number included."""
    return [_WORD.findall(format_unit(n, unit, length=length, locale=lang)) for n in _PLURAL_SAMPLES]


@lru_cache(maxsize=1)
def time_units() -> dict[str, str]:
    """Unit key of a noun that counts time → its CLDR duration id ("عاما", "أعوام", "سنوات", "years" → "duration-year").

    Why: a count of years is an age, a term, a stretch since something or a time ago, and
    two of them in short frames ("64 عاما", "منذ 15 عاما") look alike to any embedder; only
    what they are about tells them apart (``bot.conflicts``). The words are CLDR's (every
    plural form ``format_unit`` gives) and dateparser's (its unit names and its "N years ago"
    phrases, which hold the common "عاما" and "أعوام" CLDR lacks), Arabic and English.
    """
    table: dict[str, str] = {}
    for name in _DUAL_UNITS:
        unit = f"duration-{name}"
        for lang in ("ar", "en"):
            words = {w for form in _unit_forms(unit, lang) for w in form}
            info = default_loader.get_locale(lang).info
            words.update(info.get(name, []))
            for key, phrases in info.get("relative-type-regex", {}).items():
                if re.search(rf"\b{name}\b", key):
                    words.update(m.group(1) for p in phrases for m in _RELATIVE_COUNT.finditer(p))
            table.update({k: unit for w in words if len(w) >= 3 and len(k := unit_key(w)) >= 2})
    return table


#: Words of an age a bare number may follow as one (``_BARE_AGE_BEFORE``); ``_AGE_BEFORE`` adds "عن" and "البالغ", which
#: head any figure when no years follow.
_AGE_WORDS = "سن|عمر|العمر|عمره|عمرها|يناهز|ناهز|aged|age of"
#: Words a span of years follows when it is a person's age ("عن عمر يناهز 81 عاما", "البالغ من العمر 57 عاما", "توفي
#: عن 85 عاما", "في سن 16 عاما", "في سن الـ15", "الطفلة البالغة 7 أعوام", "aged 81"), folded; and the punctuation around an age told beside a name ("فلان (22 عاما)", "فلان، 21
#: عاما،"). Grammar of any story, no story's words.
_AGE_BEFORE = re.compile(rf"(?<!\w)(?:{_AGE_WORDS}|عن|البالغ|البالغه)\s*(?:ال)?$")
_AGE_AFTER = re.compile(r"^[\s-]*(?:(?:years?[\s-]+)?old\b|من\s+(?:ال)?عمر)")
_AGE_ASIDE = {"(": ")", "،": "،", ",": ","}


#: Words a bare number follows when it is an age with its years left out ("في سن الـ15", "عمره 40", "aged 81", "at the
#: age of 15"), folded: fewer than ``_AGE_BEFORE``, whose "عن" and "البالغ" precede any figure when no years follow.
_BARE_AGE_BEFORE = re.compile(rf"(?<!\w)(?:{_AGE_WORDS})\s*$")
#: The word of the years an age is told in, by script: its key is what ``time_units`` reads as years.
_YEARS = {"ar": "عاما", "en": "years"}


def _age_unit(folded_before: str) -> tuple[str, str] | None:
    """The years unit (word, key) of a bare number the folded text before it tells as an age; None otherwise.

    Why: "أجبرت على الزواج في سن الـ15" and "في سن 16 عاما" are two ages of one person; with no unit the first is a
    rank ("الدورة الـ24") or a bare count, which no span of years meets."""
    if not _BARE_AGE_BEFORE.search(folded_before.lower().rstrip()):
        return None
    word = _YEARS["ar" if ARABIC_LETTER.search(folded_before[-12:]) else "en"]
    return word, unit_key(word)


@lru_cache(maxsize=1)
def _ordinal_age_pattern() -> re.Pattern[str]:
    """An ordinal told as an age, folded: before "من عمره" / "من العمر" or after "سن" ("في سن الخامسة عشرة")."""
    ordinal = word_alternation(ordinals())
    return re.compile(rf"(?<!\w)(?P<ord>{ordinal})(?!\w)(?P<age>(?=\s+من\s+(?:ال)?عمر))?")


def _ordinal_ages(text: str, folded: str, origin: list[int]) -> tuple[list[Quantity], list[tuple[int, int]]]:
    """Ages told by an ordinal ("في الخامسة عشرة من عمرها", "في سن الثامنة عشرة"), in years; and the spans of all
    ordinals of two words ("الدقيقة الخامسة عشرة"), which rank and count nothing.

    Why: the cardinal reader sees only the "عشرة" of "الخامسة عشرة" and reads ten; the age is fifteen."""
    word, key = _YEARS["ar"], unit_key(_YEARS["ar"])
    ages, ranks = [], []
    for m in _ordinal_age_pattern().finditer(folded):
        s, e = original_span(origin, m.start("ord"), m.end("ord"))
        if " " in m.group("ord"):
            ranks.append((s, e))
        if m.group("age") is not None or folded[: m.start()].endswith("سن "):
            value = float(ordinals()[re.sub(r"\s+", " ", m.group("ord"))])
            ages.append(Quantity(text[s:e], s, e, value, value, word, key, False))
            ranks.append((s, e))
    return ages, ranks


def reads_as_age(before: str, after: str) -> bool:
    """Is a span of years, with these words before and after it in its sentence, a person's age?

    Why: ages of one person that outlets word apart ("عن 85 عاما" / "عن عمر يناهز 81 عاما") are one measure of
    one subject, unlike a term or a time ago of the same story (``bot.conflicts``)."""
    before, after = normalize_arabic(before).lower().rstrip(), normalize_arabic(after).lower().lstrip()
    if _AGE_BEFORE.search(before) or _AGE_AFTER.match(after):
        return True
    return bool(before and after) and _AGE_ASIDE.get(before[-1]) == after[0]


#: CLDR units news measures things by (durations: ``time_units``), simplest first: a word of several units
#: ("kilometers" in "square kilometers", "kilometers per hour") is the simplest one's.
_MEASURE_UNITS = (
    "length-meter",
    "length-kilometer",
    "length-centimeter",
    "length-millimeter",
    "length-mile",
    "length-foot",
    "length-inch",
    "length-yard",
    "length-nautical-mile",
    "mass-gram",
    "mass-kilogram",
    "mass-tonne",
    "mass-ton",
    "mass-pound",
    "mass-ounce",
    "volume-liter",
    "volume-barrel",
    "volume-gallon",
    "area-hectare",
    "area-acre",
    "area-dunam",
    "area-square-meter",
    "area-square-kilometer",
    "area-square-mile",
    "volume-cubic-meter",
    "speed-knot",
    "speed-kilometer-per-hour",
    "speed-mile-per-hour",
    "temperature-celsius",
    "temperature-fahrenheit",
    "power-watt",
    "power-kilowatt",
    "power-megawatt",
    "power-gigawatt",
    "energy-kilowatt-hour",
)


@lru_cache(maxsize=1)
def measure_units() -> dict[str, str]:
    """Unit key of a noun that names a unit of measure → its CLDR unit id ("مترا", "أمتار", "meters" → "length-meter";
    "كم", "km" → "length-kilometer"), durations included (``time_units``).

    Why: a figure in metres and one in kilometres, or a length and a head count, cannot be rival reports of one
    figure without a conversion; only figures of one unit are compared (``bot.conflicts``). The words are CLDR's
    (every plural form and the short form ``format_unit`` gives), Arabic and English."""
    table = dict(time_units())
    for unit in _MEASURE_UNITS:
        for lang in ("ar", "en"):
            for length in ("long", "short"):
                for form in _unit_forms(unit, lang, length):
                    words = [w for w in form if normalize_arabic(w) not in atoms()]
                    if words and (length == "long" or len(words) == 1):  # a short form is one token ("كم", "km")
                        head = words[0] if lang == "ar" else words[-1]  # "ميل بحري", "square kilometers": the unit noun
                        if normalize_arabic(head) not in STOPWORDS and len(k := unit_key(head)) >= 2 and k not in STOPWORDS:
                            table.setdefault(k, unit)
    return table | _abbreviations(table)


#: Letters an Arabic abbreviation of a unit keeps at least ("كلم", "ملم", "كلغ").
_ABBREVIATION_LETTERS = 3


def _abbreviations(table: dict[str, str]) -> dict[str, str]:
    """Arabic abbreviations of units news text writes that CLDR does not: a unit noun's opening letters ("كلم" of
    "كيلومتر", "ملم" of "مليمتر", "كلغ" of "كيلوغرام"), where they open the key of one unit only (not a key of
    their own)."""
    opening: dict[str, set[str]] = {}
    for key, unit in table.items():
        if not key.isascii():
            for n in range(_ABBREVIATION_LETTERS, len(key)):
                opening.setdefault(key[:n], set()).add(unit)
    return {k: next(iter(units)) for k, units in opening.items() if len(units) == 1 and k not in table}


def is_measure(kind: str, unit: str | None) -> bool:
    """Is a figure an amount, a share or a figure in a unit of measure (an age, a length): a property of one thing,
    not a head count of an event? ``unit`` is a unit key (``unit_key``)."""
    return kind != "count" or unit in measure_units()


#: "كم بالمئة", "how many percent": a count question asking a share.
_ASKS_SHARE = re.compile(rf"(?:\bhow many|(?<!\w)كم)\s+(?:{word_alternation(_PERCENT)})(?!\w)")
#: The words after which a question names the noun it counts in ("how many hectares", "كم كيلومترا").
_COUNT_ASKING = frozenset({"many", "much", "كم"})


@lru_cache(maxsize=1024)
def asked_kinds_of_measure(question: str) -> frozenset[str]:
    """The kinds of measure a question asks for (``measure_kind``'s terms): those its words of measure ask for
    (``language.lexicon.asked_measures``: "how heavy", "ما سرعة"), and that of the unit it counts in ("How many
    hectares", "كم كيلومترا" → "area", "length", "كم بالمئة" → "percent"): the words right after "how many/much" or "كم". Cached: the direct line asks it of one
    question for each quote and candidate (the filters, the tiers, ``counts_asked``)."""
    folded = normalize_arabic(question).lower()
    words = _WORD.findall(folded)
    counted = [w for before, w in zip(words, words[1:]) if before in _COUNT_ASKING]
    units = {unit.split("-")[0] for w in counted if (unit := measure_units().get(unit_key(w)))}
    share = {"percent"} if _ASKS_SHARE.search(folded) else set()
    return asked_measures(question) | frozenset(units) | share


def measure_kind(q: Quantity) -> str | None:
    """What kind of measure a figure is, in ``language.lexicon.asked_measures``' terms: "money" or "percent" by its
    kind, else its unit's CLDR category ("70 طنا" → "mass", "40 كيلومترا" → "length", "53 سنة" → "duration"); None
    for a head count."""
    if q.kind != "count":
        return q.kind
    unit = measure_units().get(q.unit_key or "")
    return unit.split("-")[0] if unit else None


def find_duals(text: str) -> list[Quantity]:
    """Arabic dual nouns of time units in ``text`` as counts of two ("ليومين" → 2, measure "duration-day").

    The span is the noun without a proclitic (ل ب و ف), like a number's in ``find_quantities``;
    ``unit`` is the folded nominative dual, so "يومان" and "يومين" compare equal. Kept out of
    ``find_quantities``: a dual is a count only where a question asks how many or how long.
    """
    folded, origin = fold_with_offsets(text)
    out: list[Quantity] = []
    for m in _WORD.finditer(folded):
        word, start = m.group(0), m.start()
        if word not in dual_units() and word[:1] in "لبوف" and word[1:] in dual_units():
            word, start = word[1:], start + 1
        if word in dual_units():
            dual, measure = dual_units()[word]
            s, e = original_span(origin, start, m.end())
            out.append(Quantity(text[s:e], s, e, 2, 2, dual, unit_key(dual), False, None, "count", measure))
    return out


#: A counted noun's feminine dual: the singular's ة becomes تين / تان ("شرطية" → "شرطيتين", "سيارتان").
_FEMININE_DUAL = ("تين", "تان")


def find_noun_duals(text: str) -> list[Quantity]:
    """Arabic feminine duals of counted nouns in ``text`` as counts of two ("قتل شرطيتين" → 2 شرطيتين).

    Why: Arabic writes two of a thing with no numeral, so "two policewomen" has nothing to pair with otherwise. A
    dual is a word whose singular (less تين / تان, plus ة) news text uses as a common noun (``language.names``,
    learned from the corpus); "سنتين", "ساعتين" are time units (``find_duals``). The masculine dual ("قتيلين") is
    not read: without vowels it is spelled as a sound plural ("مسلحين")."""
    folded, origin = fold_with_offsets(text)
    out: list[Quantity] = []
    for m in _WORD.finditer(folded):
        word, start = m.group(0), m.start()
        for clitic in ("", *PROCLITICS_AR):
            noun = word[len(clitic) :]
            if word.startswith(clitic) and len(noun) >= 6 and noun.endswith(_FEMININE_DUAL) and noun[:-3] + "ه" in common_nouns():
                if noun in dual_units():
                    break
                s, e = original_span(origin, start + len(clitic), m.end())
                out.append(Quantity(text[s:e], s, e, 2, 2, noun, unit_key(noun[:-3] + "ه"), False, None, "count"))
                break
    return out


#: An Arabic token and the word before it: a bare noun states a count only after a deed ("قتل شرطي"), never after a
#: number ("15 قتيلا", which ``find_quantities`` reads).
_TOKEN = re.compile(r"\S+")


def deed_key(word: str) -> str | None:
    """The deed stem a folded word states (``deed_predicates``: "قتل", "مقتل", "وأصيب" → "اصب"), a conjunction on or
    off; None for any other word. One reader for the bare counts here and for the deed a question counts
    (``bot.direct.asked_deeds``)."""
    for w in (word, word[1:] if word[:1] in "وف" else ""):
        if w and w not in FOLDED_STOPWORDS and _is_deed_stem(key := _predicate_key(w)):
            return key
    return None


def _is_deed_stem(key: str) -> bool:
    """Is a light stem a deed's: three letters or more, set beside at least ``SHARED_CONTRASTS`` other deeds
    (``_contrast_partners``: "قتل", "أصيب", "مقتل")? Shorter stems and those with one partner are mostly words the
    corpus happens to set before figures ("ال", "عدم")."""
    return len(key) >= 3 and len(_contrast_partners().get(key, ())) >= SHARED_CONTRASTS


def _bare_count(word: str, before: str, after: str) -> tuple[str, float] | None:
    """The singular noun and count a bare indefinite Arabic noun states: one ("شرطي", "قتيلا"), or two for the
    nominative dual ("شرطيان"). Only a deed's subject or object ("قتل شرطي", "أصيب شرطيان") or a deed noun itself
    ("سقوط قتيل", "أوقع قتيلا") counts: elsewhere a singular names one of a kind rather than counting ("الشرطي"). A
    deed noun counts only where no noun follows it, a deed before it or not: a noun after it makes it the head of a
    name ("مقتل فريق هوكي", "تقل فريق الهوكي": the stem of "فريق" is a deed's, "فرق")."""
    word = word[1:] if word[:1] in "وف" and len(word) > 4 else word
    if word.startswith("ال") or before[:1].isdigit() or before in atoms():
        return None
    for noun, n in ((word, 1.0), (word[:-1], 1.0), (word[:-2], 2.0)):
        ending = word[len(noun) :]
        if ending in ("", "ا", "ان") and noun in singular_nouns() and unit_key(noun) not in time_units():
            stands_alone = not after or after in FOLDED_STOPWORDS or not after[:1].isalpha() or after[:1] == "و"
            return (noun, n) if (stands_alone if _is_deed_stem(unit_key(noun)) else deed_key(before) is not None) else None
    return None


def find_bare_counts(text: str) -> list[Quantity]:
    """Counts Arabic states with a bare noun and no numeral ("قتل شرطي وأصيب 4 آخرون" → 1 شرطي; "أصيب شرطيان" → 2).

    Why: one report says "قتل شرطي", the next "the toll rose to two"; without the implied one the first report has
    no count of the killed, and its only figure, the injured, is what gets compared."""
    folded, origin = fold_with_offsets(text)
    out: list[Quantity] = []
    before = ""
    tokens = list(_TOKEN.finditer(folded))
    for i, m in enumerate(tokens):
        word = m.group(0).strip(".,،؛:!?؟\"'()«»")
        after = tokens[i + 1].group(0) if i + 1 < len(tokens) and word == m.group(0) else ""
        if (found := _bare_count(word, before, after)) is not None:
            noun, n = found
            start = m.start() + m.group(0).index(word)
            s, e = original_span(origin, start, start + len(word))
            out.append(Quantity(text[s:e], s, e, n, n, noun, unit_key(noun), False, text[s:e], "count"))
        before = "" if word != m.group(0) else word  # punctuation ends the clause
    return out


def _write_learned(path: Path, learner, key: str, corpus: Path) -> None:
    """Learn a table from the corpus's article texts and store it with its provenance."""
    import gzip

    with gzip.open(corpus, "rt", encoding="utf-8") as lines:
        learned = learner(json.loads(line).get("text") or "" for line in lines)
    provenance = f"language.numbers.{learner.__name__} over {corpus.name}"
    path.write_text(json.dumps({"provenance": provenance, key: learned}, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(learned)} {key} -> {path}")


if __name__ == "__main__":  # python -m language.numbers ../shared/data/ant_multisource/ant_multisource_v2.1.jsonl.gz
    _write_learned(_PROCLITIC_WORDS, learn_proclitic_words, "words", Path(sys.argv[1]))
    _write_learned(_COUNT_PREDICATES, learn_count_predicates, "stems", Path(sys.argv[1]))  # stems read the words above
    count_predicates.cache_clear()
    _write_learned(_COUNT_CONTRASTS, learn_count_contrasts, "pairs", Path(sys.argv[1]))  # pairs of the stems above
    _write_learned(_SINGULAR_NOUNS, learn_singular_nouns, "words", Path(sys.argv[1]))
    _write_learned(_PEOPLE_DEEDS, learn_people_deeds, "stems", Path(sys.argv[1]))  # of the count predicates above
