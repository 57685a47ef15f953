"""Quantities in Arabic and English news: values as intervals, with their counted noun.

Why intervals: news counts with words and hedges ("عشرات القتلى", "أكثر من
ألف", "between 10 and 15", "نحو 300"); two reports disagree only when their
intervals cannot overlap. Why the counted noun (``unit``) with a light stem
(``unit_key``): "105 أشخاص" and "164 شخصا" count the same thing, "قتيلا" and
"قتلى" too, while "5 صواريخ" and "5 قتلى" do not. Currencies come from CLDR
(Babel) in Arabic and English; number words from ``language.numerals``.
Dates are not quantities: spans the calendar reads as dates are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from babel import Locale
from babel.numbers import get_currency_name, get_currency_symbol
from babel.units import format_unit

from language.calendar import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS, resolve_times
from language.normalize import STOPWORDS, fold_with_offsets, normalize_arabic, original_span, stem, word_alternation
from language.numerals import atoms, definite_scales, number_phrase_pattern, read_number, vague_words


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


_MORE = _folded("أكثر من", "ما يزيد عن", "ما يزيد على", "يزيد عن", "يزيد على", "أزيد من", "more than", "over", "upwards of", "in excess of")
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
_AFTER_ABOUT = _folded("تقريبا", "approximately", "or so")
_PERCENT = _folded("%", "٪", "بالمئة", "بالمائة", "في المئة", "في المائة", "percent", "per cent")
_RANGE_OPEN = {"بين": _folded("و", "and"), "between": ("and", "و"), "من": _folded("إلى", "حتى"), "from": ("to",)}
_RANGE_DASH = _folded("-", "–", "—", "إلى", "to")


@lru_cache(maxsize=1)
def _currencies() -> tuple[dict[str, str], dict[str, str]]:
    """(folded currency word or name → unit key, one-character symbol → ISO code), from CLDR.

    A head word shared by several currencies ("دولار", "dollar") means the one
    that owns the bare symbol in CLDR English ("$" → USD); else it keys on the
    word itself ("money:ريال").
    """
    names: dict[str, set[str]] = {}
    heads: dict[str, set[str]] = {}
    symbols: dict[str, str] = {}
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
                if words:
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


def _strip_tanween(word: str) -> str:
    """ "جنيها" → "جنيه", "دولارا" → "دولار": accusative tanween after a number."""
    return word[:-1] if len(word) > 3 and word.endswith("ا") and not word.endswith("يا") else word


_AR_PREFIX = re.compile(r"^(?:[وف])?(?:بال|لل|ال|ب|ل|ك)?(?=\w{3})")
_AR_SUFFIX = re.compile(r"(?:يين|يون|ين|ون|ات|ان|ه|ا)$")
_ARABIC = re.compile("[\u0600-\u06ff]")


@lru_cache(maxsize=8192)
def unit_key(word: str) -> str:
    """A light stem under which inflections of one counted noun meet.

    Arabic: clitics and suffixes off, then the long vowels (ا و ي) after the
    first letter dropped, so sound and broken plurals land on one skeleton:
    "أشخاص"/"شخصا"/"شخص" → "شخص" (the ا of the أفعال plural goes too), "قتيلا"/"قتلى"/"القتلى" → "قتل",
    "صواريخ"/"صاروخ" → "صرخ". English: Snowball stem ("Iranians" → "iranian").
    """
    folded = normalize_arabic(word).strip()
    if not _ARABIC.search(folded):
        return stem(folded)
    bare = _AR_PREFIX.sub("", folded)
    if len(bare) > 3:
        bare = _AR_SUFFIX.sub("", bare) or bare
    skeleton = bare[:1] + re.sub("[اوي]", "", bare[1:])
    return skeleton[1:] if len(skeleton) >= 4 and skeleton[0] == "ا" else skeleton  # أفعال plural: أشخاص


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    """The quantity regex on folded text (built once: the number words come from num2words)."""
    num = number_phrase_pattern()
    vague = word_alternation(vague_words())
    value = rf"(?:{vague}|{word_alternation(definite_scales())}|{num})"
    symbols = "".join(re.escape(s) for s in _currencies()[1])
    opens = word_alternation(_RANGE_OPEN)
    joins = word_alternation({j for js in _RANGE_OPEN.values() for j in js})
    mods = word_alternation(_MORE + _AT_LEAST + _LESS + _AT_MOST + _ABOUT)
    return re.compile(
        rf"(?<![\w.,:/])(?:[وب](?=\S))?(?:(?P<mod>{mods})\s+)?"
        rf"(?:(?P<open>{opens})\s+)?(?P<sym>[{symbols}])?\s*(?P<num>{value})(?![\w:/]|[.,]\d)"
        rf"(?:\s*(?P<dash>{word_alternation(_RANGE_DASH)})\s*(?P<num2>{num})(?![\w:/]|[.,]\d)"
        rf"|(?(open)\s*(?P<join>{joins})\s*(?P<num3>{num})(?![\w:/]|[.,]\d)))?"
        rf"(?:\s*(?P<pct>{word_alternation(_PERCENT)})(?!\w))?"
        rf"(?:\s+(?P<after>{word_alternation(_AFTER_ABOUT)})(?!\w))?"
        # the counted noun is looked at, not consumed: a rejected word may start the next quantity
        rf"(?:(?=\s+(?:(?:من|of)\s+)?(?P<unit>[^\W\d_]{{2,}})(?:\s+(?P<unit2>[^\W\d_]{{2,}}))?))?"
    )


def _value(phrase: str) -> tuple[float, float] | None:
    phrase = re.sub(r"\s+", " ", phrase.strip())
    if phrase in vague_words():
        return vague_words()[phrase]
    if phrase in definite_scales():
        return float(definite_scales()[phrase]), float(definite_scales()[phrase])
    v = read_number(phrase)
    return None if v is None else (v, v)


_YEAR = re.compile(r"(?:19|20)\d\d")
_CLOCK = re.compile(r"\d{1,2}[.:]\d\d")
#: Words after a clock time ("04.00 بتوقيت غرينتش", "10.30 am"): folded.
_CLOCK_WORDS = frozenset("بتوقيت صباحا مساء مساءا ظهرا فجرا ليلا am pm gmt utc".split())
#: Words a year follows ("في 2018", "منذ 2011", "until 2020"): folded, without the و clitic.
_BEFORE_YEAR = frozenset(
    "في منذ عام العام حتي قبل بعد خلال مطلع بدايه نهايه اواخر اوائل منتصف موسم in since until by before after "
    "during of early late mid from to".split()
)
_LAST_WORD = re.compile(r"(\w+)\W*$")


def _is_year_or_clock(folded: str, m: re.Match[str]) -> bool:
    """A bare 19xx/20xx is a year unless hedged ("أكثر من 2000") or counting a noun ("قتل 2000 شخص")
    after a word that does not introduce years; "04.00 بتوقيت" is a clock time."""
    num = m.group("num")
    if _YEAR.fullmatch(num) and not (m.group("mod") or m.group("open") or m.group("sym") or m.group("pct")):
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


def _not_a_unit(word: str) -> bool:
    return word in STOPWORDS or word in atoms() or word in ("من", "of", "and", "و")


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


def _is_next_phrase(m: re.Match[str], hamza_next: bool) -> bool:
    """Is the word after a number a proclitic phrase rather than its counted noun? Arabic counted nouns
    take no proclitic, but many begin with the same letters ("وفيات", "بنادق", "كيلومترات"), so only
    signs no noun shows count: a proclitic before the article, و/ف before a hamza ("200 وإصابة",
    "18 فأكثر": ``hamza_next``, read in the original text), or a و-word that opens a count of its own
    ("قتل 200 واصابة 50")."""
    word = m.group("unit")
    if _PROCLITIC_ARTICLE.match(word):
        return True
    if word[0] in "وف" and hamza_next:
        return True
    following = m.string[m.end("unit") :].split(maxsplit=1)
    return word[0] == "و" and bool(following) and (following[0][0].isdigit() or following[0] in atoms())


def find_quantities(text: str) -> list[Quantity]:
    """Counts, sums of money and percentages in ``text``, spans in the original; dates are skipped."""
    folded, origin = fold_with_offsets(text)
    time_spans = [(t.start, t.end) for t in resolve_times(text, None)]
    currency_words, symbols = _currencies()
    out: list[Quantity] = []
    for m in _pattern().finditer(folded):
        ns, ne = original_span(origin, m.start("num"), m.end("num"))
        if any(ts < ne and ns < te for ts, te in time_spans):
            continue
        first = _value(m.group("num"))
        if first is None or _is_marker(folded, m) or _is_year_or_clock(folded, m) or _is_bare_definite(folded, m):
            continue
        if _is_model_number(text, ns, m):
            continue
        low, high = first
        end = m.end("num")
        opener = m.group("open")
        num2 = "num2" if m.group("num2") else "num3" if m.group("num3") and m.group("join") in _RANGE_OPEN[opener] else None
        second = _value(m.group(num2)) if num2 else None
        if second is not None:
            scale = _trailing_scale(m.group(num2))
            if scale and not _trailing_scale(m.group("num")) and high * scale <= second[0]:  # "بين 50 و85 مليون"
                low, high = low * scale, high * scale
            low, high, end = min(low, second[0]), max(high, second[1]), m.end(num2)
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
        if kind == "count" and m.group("unit"):
            hamza_next = text[origin[m.start("unit") + 1]] in "أإآ"  # the unit has two letters or more
            kind, unit, key, unit_end = _unit(m, currency_words, hamza_next)
            if unit_end is not None:
                us, ue = original_span(origin, m.start("unit"), unit_end)
                unit_text, end = text[us:ue], unit_end
        if unit is None and m.group("num") in definite_scales():
            continue  # "المائة" counts only with its noun
        mod = re.sub(r"\s+", " ", m.group("mod")) if m.group("mod") else None
        low, high, approx = _hedge(mod, low, high, approx)
        start = m.start("mod") if mod else m.start("open") if opener else m.start("sym") if m.group("sym") else m.start("num")
        s, e = original_span(origin, start, end)
        out.append(Quantity(text[s:e].strip(), s, e, low, high, unit, key, approx, unit_text, kind))
    return out


def _trailing_scale(phrase: str) -> int | None:
    """The scale word a number phrase ends with ("85 مليون" → 10**6), which a range's bare first number shares
    ("between 10 and 15 million" is 10-15 million, not 10 to 15 million)."""
    last = phrase.split()[-1] if phrase.split() else ""
    atom = atoms().get(last)
    return atom.scale if atom and atom.scale > 100 and atom.value == atom.scale else None


def _unit(m: re.Match[str], currency_words: dict[str, str], hamza_next: bool) -> tuple[str, str | None, str | None, int | None]:
    """(kind, folded unit, unit key, end in folded text) of the noun after a number; currency names win.
    ``hamza_next``: the original word's second letter is a hamza (see ``_is_next_phrase``)."""
    word = m.group("unit")
    pair = f"{word} {m.group('unit2')}" if m.group("unit2") else None
    if pair and pair in currency_words:
        return "money", pair, currency_words[pair], m.end("unit2")
    if _strip_tanween(word) in currency_words:
        return "money", word, currency_words[_strip_tanween(word)], m.end("unit")
    if _not_a_unit(word) or _is_next_phrase(m, hamza_next):
        return "count", None, None, None
    return "count", word, unit_key(word), m.end("unit")


def _hedge(mod: str | None, low: float, high: float, approx: bool) -> tuple[float, float | None, bool]:
    """Apply "more than", "up to", "about" ... to the interval the numerals gave."""
    step = 1 if float(low).is_integer() else 0
    if mod in _MORE:
        return low + step, None, approx
    if mod in _AT_LEAST:
        return low, None, approx
    if mod in _LESS:
        return 0, high - step, approx
    if mod in _AT_MOST:
        return 0, high, approx
    if mod in _ABOUT:
        return low * 0.9, high * 1.1, True
    return low, high, approx


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
