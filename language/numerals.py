"""Numerals: digits and number words (Arabic and English) to values.

Why a module of its own: both the calendar ("منذ ثلاثة أيام", "الرابع والعشرين
من الشهر") and the quantity reader ("أكثر من ألفي شخص") read number words, and
the quantity reader also needs the calendar (a date is not a count). Keeping
the words here, below both, keeps the imports pointing one way.

The cardinal words are not typed by hand: they are num2words' spell-out of the
atoms (1-19, tens, hundreds, thousand/million/billion, their duals and
plurals), plus the grammatical variants Arabic inflects them into (case ون/ين,
dual ان/ين/ي, the feminine counting form without ة, مائة/مئة). Everything is
stored folded (``normalize_arabic``), the form matching runs on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from num2words import num2words

from language.normalize import normalize_arabic, word_alternation


@dataclass(frozen=True)
class Atom:
    """One number word: ``value`` when it stands alone; ``scale`` > 1 multiplies what precedes it."""

    value: float
    scale: int = 1
    needs_count: bool = False  # plural scales (آلاف, ملايين) only follow a count: "ثلاثة آلاف"


_SCALES = (100, 1000, 10**6, 10**9)
_ATOM_VALUES = (*range(1, 20), *range(20, 100, 10), *range(100, 1000, 100))


def _ar_variants(word: str, counting: bool = False) -> set[str]:
    """Inflected spellings of one folded Arabic number word.

    ``counting``: 3-10, whose form without ة counts feminine nouns ("ثلاث سنوات").
    """
    forms = {word}
    if word.endswith("ون"):  # عشرون → عشرين (genitive/accusative)
        forms.add(word[:-2] + "ين")
    if word.endswith("ان"):  # اثنان → اثنين
        forms.add(word[:-2] + "ين")
    if counting and word.endswith("ه"):  # ثلاثه → ثلاث, ثمانيه → ثماني, and ثماني's indefinite ثمان ("ثمان عشرة")
        forms.update({word[:-1], word[:-1] + "ا"})  # and the accusative standing alone: "أسقطت خمساً منها"
        if word.endswith("يه"):
            forms.add(word[:-2])
    for form in list(forms):
        if "مايه" in form:  # مائة / مئة, ثلاثمائة / ثلاث مائة
            for hundred in ("مايه", "ميه"):
                spelled = form.replace("مايه", hundred)
                forms.add(spelled)
                head = spelled[: spelled.index(hundred)]
                if head:
                    forms.add(f"{head} {hundred}")
    return forms


def _dual_variants(word: str) -> set[str]:
    """num2words writes duals in construct ("ألفا", "مئتا"); news also uses ان/ين/ي."""
    stem = word[:-1] if word.endswith("ا") else word
    return {word, stem + "ان", stem + "ين", stem + "ي"}


@lru_cache(maxsize=1)
def atoms() -> dict[str, Atom]:
    """Folded number word → its value: the lexicon every number reader shares."""
    table: dict[str, Atom] = {}

    def add(forms: set[str], atom: Atom) -> None:
        for form in forms:
            table.setdefault(form, atom)

    for value in _ATOM_VALUES:
        ar = normalize_arabic(num2words(value, lang="ar"))
        counting = 3 <= value % 10 <= 9 or value == 10
        parts = ar.split()
        if value == 200:  # the dual takes both spellings of the hundred (مئة / مائة): "مئتي" and "مائتي مليون"
            duals = _dual_variants(ar)
            add(duals | {d.replace("ميت", "مايت", 1) for d in duals}, Atom(200, 100))
        elif len(parts) == 2:  # 11-19: both parts inflect ("ثلاث عشره", "اثني عشر", "احدي عشره")
            firsts = _dual_variants(parts[0]) if value == 12 else _ar_variants(parts[0], counting)
            firsts |= {"احدي"} if value == 11 else set()
            add({f"{a} {b}" for a in firsts for b in ("عشر", "عشره")}, Atom(value))
        else:
            add(_ar_variants(ar, counting), Atom(value, 100) if value == 100 else Atom(value))
        en = num2words(value, lang="en")
        if en != "one":  # "one of them" is not a count; "one hundred" is
            add({en}, Atom(value, 100) if value >= 100 else Atom(value))
        if 20 <= value < 100:  # "thirty-one": bare "one" is no atom, so its compounds are
            compound = num2words(value + 1, lang="en")
            add({compound, compound.replace("-", " ")}, Atom(value + 1))
        if en == "one hundred":
            add({"hundred", "a hundred"}, Atom(100, 100))
    for scale in _SCALES[1:]:
        one = normalize_arabic(num2words(scale, lang="ar"))
        add({one}, Atom(scale, scale))
        add(_dual_variants(normalize_arabic(num2words(2 * scale, lang="ar"))), Atom(2 * scale, scale))
        plural = normalize_arabic(num2words(3 * scale, lang="ar")).split()[-1]
        add({plural}, Atom(scale, scale, needs_count=True))
        en = num2words(scale, lang="en")  # "one thousand": bare "one" is no atom ("one of them")
        add({en, en.split()[-1], "a " + en.split()[-1]}, Atom(scale, scale))
    return table


@lru_cache(maxsize=1)
def definite_teens() -> dict[str, float]:
    """Folded 11-19 with the article on the first word ("الثماني عشره تهمه", "للخمسه عشر", "الاحدي عشر") → value.

    Why: the article goes on the compound's first word only, so without these the
    reader saw the bare "عشره" after it and read "للثماني عشرة تهمة" as ten charges,
    which then clashed with another outlet's "18 تهمة"."""
    table: dict[str, float] = {}
    for word, atom in atoms().items():
        first, _, ten = word.partition(" ")
        if 11 <= atom.value <= 19 and ten in ("عشر", "عشره") and not first.isascii() and first != "احد":  # "الأحد": Sunday
            for article in ("ال", "لل"):  # "لل": the lam proclitic drops the article's alef
                table.setdefault(article + first + " " + ten, float(atom.value))
    return table


@lru_cache(maxsize=1)
def definite_scales() -> dict[str, float]:
    """Folded scale words with the article ("المائه", "الالف", "المليون") → value.

    Why apart from ``atoms``: with the article a scale word is a count only before its counted
    noun ("ما يقارب المائة رجل"); elsewhere it is a percent ("في المائة"), an ordinal
    ("الذكرى المئة") or a millennium ("الألف الثالث"), so the quantity reader checks the noun first.
    """
    return {
        "ال" + word: atom.value
        for word, atom in atoms().items()
        if atom.value == atom.scale >= 100 and not atom.needs_count and " " not in word and re.search("[\u0600-\u06ff]", word)
    }


#: Vague plurals: a range, not a value. Arabic plural counts are 3-10 units; the
#: lower bounds keep Isnad's earlier reading (2 units) so "عشرات" overlaps 20-29.
_VAGUE_UNITS = {"tens": 10, "hundreds": 100, "thousands": 1000, "millions": 10**6, "billions": 10**9}


@lru_cache(maxsize=1)
def vague_words() -> dict[str, tuple[float, float]]:
    """Folded vague count ("عشرات", "مئات الآلاف", "dozens", "a few") → (low, high)."""
    ar_plural = {
        10: "عشرات",
        100: "مئات",
        **{s: normalize_arabic(num2words(3 * s, lang="ar")).split()[-1] for s in _SCALES[1:]},
    }
    table: dict[str, tuple[float, float]] = {}
    for unit, word in ar_plural.items():
        table[normalize_arabic(word)] = (2 * unit, 10 * unit - 1)
    for outer in (10, 100):
        for inner in _SCALES[1:]:
            for article in ("", "ال"):  # "عشرات آلاف" / "عشرات الآلاف"
                table[f"{normalize_arabic(ar_plural[outer])} {article}{ar_plural[inner]}"] = (2 * outer * inner, 10 * outer * inner - 1)
            table[f"{_en_plural(outer)} of {_en_plural(inner)}"] = (2 * outer * inner, 10 * outer * inner - 1)
    for unit in (100, *_SCALES[1:]):
        table[_en_plural(unit)] = (2 * unit, 10 * unit - 1)
    table.update({"dozens": (24, 99), "a dozen": (12, 12), "dozen": (12, 12)})
    # not "عدة": it follows its noun as often as it precedes it ("مناطق عدة")
    table.update({"بضعه": (3, 9), "بضع": (3, 9), "several": (3, 9), "a few": (2, 9), "a couple of": (2, 2)})
    return table


def _en_plural(unit: int) -> str:
    return {v: k for k, v in _VAGUE_UNITS.items()}[unit]


#: A decimal comma ("45,44%", common in Arabic text): one or two digits after it; three are a thousands group ("1,000").
DECIMAL_COMMA = re.compile(r"\d+,\d{1,2}(?!\d)")


@lru_cache(maxsize=1)
def number_phrase_pattern() -> str:
    """Regex (folded text) for a number written in words or digits(+scale word).

    Words may be joined by "و"/"and"/"-" ("خمسة وعشرين", "twenty-four",
    "one hundred and five"); digits may carry a scale word ("1.5 مليون").
    """
    word = word_alternation(atoms())
    digits = rf"\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|{DECIMAL_COMMA.pattern}|\d+(?:\.\d+)?"
    joiner = r"(?:\s+(?:and\s+)?|\s*-\s*|\s+و\s*|\s*و)"
    return rf"(?:(?:{digits})(?:\s*(?:{word}))?|(?:{word})(?:{joiner}(?:{word}))*)"


@lru_cache(maxsize=1)
def _tokenizer() -> re.Pattern[str]:
    return re.compile(rf"\d[\d,]*(?:\.\d+)?|{word_alternation(atoms())}|\S+")


@lru_cache(maxsize=4096)
def read_number(phrase: str) -> float | None:
    """Value of a folded number phrase ("ثلاثه الاف", "1.5 مليون", "twenty-four"), or None.

    Left to right: units and tens add up; a hundred multiplies a preceding
    unit; thousand/million/billion close what came before ("مئتي ألف" = 200000).
    Words that make no one compound ("ثمانية وعشرة", "eight and ten": two ends of
    a range, ``_one_compound``) are no number.
    """
    table = atoms()
    phrase = re.sub(r"\s+", " ", phrase.replace("-", " ")).strip()
    total, current, seen = 0.0, 0.0, False
    small: list[float] = []  # the words below a hundred added since the last hundred or scale
    for token in _tokenizer().findall(phrase):
        if token in ("and", "و"):
            continue
        if token[0].isdigit():
            current += float(token.replace(",", ".") if DECIMAL_COMMA.fullmatch(token) else token.replace(",", ""))
            seen = True
            continue
        key = re.sub(r"\s+", " ", token)
        atom = table.get(key) or (table.get(key[1:]) if key.startswith("و") else None)
        if atom is None:
            return None
        seen = True
        if atom.scale == 1:
            small = [*small, atom.value] if atom.value < 100 else []  # "ثلاثمائة" is a hundreds word of its own
            if not _one_compound(small):
                return None
            current += atom.value
            continue
        small = []
        if atom.scale == 100:  # "ثلاث مائة" multiplies; "مائة وعشرون", "مئتين" add
            current = current * 100 if current and atom.value == 100 and current < 10 else current + atom.value
        elif current:
            total += current * atom.scale
            current = 0.0
        elif atom.needs_count:
            return None
        else:
            total += atom.value
    return total + current if seen else None


def _one_compound(parts: list[float]) -> bool:
    """Do number words below a hundred, added in one phrase, make one number? Alone, or a unit and a ten in either
    order ("خمسة وعشرين", "twenty-four"); never two units or a unit and "ten" ("ثمانية وعشرة", "eight and ten"): a
    language writes those as a range's two ends ("بين ثمانية وعشرة"), not as their sum."""
    if len(parts) != 2:
        return len(parts) < 2
    unit, ten = sorted(parts)
    return unit < 10 and ten >= 20 and ten % 10 == 0


# ---------------------------------------------------------------- ordinals (days of the month, ages)

_ORD_UNITS = ["الاول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع"]
_ORD_COMPOUND = ["الحادي", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع"]
_ORD_TENS = ["العشرين", "الثلاثين", "الاربعين", "الخمسين", "الستين", "السبعين", "الثمانين", "التسعين"]


def _ordinals(feminine: bool) -> dict[str, int]:
    """Folded Arabic ordinals 1-99 of one gender ("الخامس عشر" / "الخامسه عشره", "الحاديه والعشرين")."""
    end = "ه" if feminine else ""
    units = [("الاولي" if feminine else "الاول"), *(w + end for w in _ORD_UNITS[1:])]
    compound = [w + end for w in _ORD_COMPOUND]
    words = {w: i + 1 for i, w in enumerate(units)}
    words["العاشر" + end] = 10
    words.update({f"{w} عشر{end}": 11 + i for i, w in enumerate(compound)})
    for t, tens in enumerate(_ORD_TENS, 2):
        words[tens] = 10 * t
        words.update({f"{w} و{tens}": 10 * t + i + 1 for i, w in enumerate(compound)})
    return words


@lru_cache(maxsize=1)
def day_ordinals() -> dict[str, int]:
    """Folded Arabic ordinals 1-31 ("الرابع والعشرين"): how news names a day of the month (يوم is masculine)."""
    return {w: n for w, n in _ordinals(feminine=False).items() if n <= 31}


@lru_cache(maxsize=1)
def ordinals() -> dict[str, int]:
    """Folded Arabic ordinals 1-99, masculine and feminine ("الخامس عشر", "الخامسه عشره", "الحاديه والعشرين").

    Why: an age is told by its ordinal ("في الخامسة عشرة من عمرها": fifteen), whose bare "عشرة" the cardinal
    reader takes for ten."""
    return _ordinals(feminine=False) | _ordinals(feminine=True)
