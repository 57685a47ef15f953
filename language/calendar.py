"""Dates and times in Arabic and English news: calendar names (CLDR), one date reader, display.

Why one module: the publication date (``vectorstore.metadata``), the times in
claims (``bot.claims``/``bot.verify``) and the dates shown in answers must
agree on what "الثلاثاء", "حزيران" or "July 6, 2020" mean. Month and weekday
names are not typed by hand: they come from CLDR through Babel, every Arabic
locale (``ar``, Levantine/Iraqi ``ar_SY``/``ar_IQ``/``ar_LB``/``ar_JO`` with
كانون الثاني..., Maghreb ``ar_MA``/``ar_DZ``/``ar_TN`` with جانفي/يوليوز...),
wide and abbreviated, plus the spelling variants dateparser's language data
adds (يونيه, الإثنين). Parts of the day and relative words are a short general
list. Everything is matched on folded text (``language.normalize``) with spans
mapped back to the verbatim original.

Why not just ``dateparser``: on Arabic news wording ("مساء أمس الثلاثاء",
"الرابع والعشرين من الشهر الماضي", "منذ أيام", "24 يونيو/حزيران الماضي") it
returns nothing or the wrong thing, and it never tells *which words* it read.
Conflict detection needs both: the exact span (to quote) and an interval (to
compare).

Resolution rules (documented because conflicts depend on them):

* Everything is anchored on one date: the article's publication date, or
  better the date the article itself states (``find_anchor``). With no anchor,
  relative expressions are kept as ``relative`` strings and ``resolved=False``;
  under a yearless dateline ("CAIRO, July 8 (Reuters) -") a relative day names
  a day and month ("date-without-year:07-07"). A missing year is taken from the
  caller's anchor or the text's own full date, never from today's date.
* A bare weekday means the most recent such day **on or before** the anchor
  (the anchor's own weekday is the anchor day): news reports the past. When a
  caller knows the article was dated the day before it was written (seed 004),
  ``allow_future_days=1`` lets a weekday resolve up to that many days after the
  anchor. English "last Tuesday" is strictly before the anchor.
* "أمس الثلاثاء": the relative word gives the day; if its weekday disagrees
  with the named weekday, the weekday wins (publication metadata often lags the
  writing by a day) and ``note`` says so.
* A day-month without a year takes the anchor's year, moved one year back if
  that would put it after the anchor (unless marked "المقبل"/"next").
* Vague spans are intervals: "منذ أيام"/"days ago" = the anchor minus 10 to
  minus 2 days (Arabic plural أيام is 3-10, counted inclusively of the anchor
  day, so at least two days before it); "الشهر الماضي" = the whole previous
  month; "الأسبوع الماضي" = the previous calendar week (Saturday-first for
  Arabic, Monday-first for English); seasons are meteorological
  (summer = June-August).
"""

from __future__ import annotations

import calendar
import contextlib
import datetime as dt
import re
from dataclasses import dataclass, replace

from babel import localedata
from babel.dates import format_date, get_day_names, get_month_names
from dateparser.languages.loader import default_loader
from hijridate import Hijri

from language.normalize import LATIN_LETTER, fold_with_offsets, normalize_arabic, original_span, word_alternation
from language.numerals import atoms, day_ordinals, read_number

# ---------------------------------------------------------------- name tables (CLDR)


def _arabic_locales() -> list[str]:
    return sorted(code for code in localedata.locale_identifiers() if code == "ar" or code.startswith("ar_"))


def _babel_names(getter, locales: list[str], widths: tuple[str, ...]) -> dict[str, int]:
    """Folded name → number from Babel, over locales, widths and both contexts."""
    table: dict[str, int] = {}
    for code in locales:
        for width in widths:
            for context in ("format", "stand-alone"):
                for number, name in getter(width, context, code).items():
                    table.setdefault(normalize_arabic(name), number)
    return table


def _dateparser_names(lang: str, keys: list[str], shift: int = 0) -> dict[str, int]:
    """Spelling variants from dateparser's language data ("يونيه", "الإثنين", "sept")."""
    info = default_loader.get_locale(lang).info
    return {normalize_arabic(name): i + shift for i, key in enumerate(keys) for name in info.get(key, [])}


#: English weekday names by ``date.weekday()``: the key of unresolved relative values ("weekday:Tuesday").
WEEKDAYS_EN: list[str] = [get_day_names("wide", "format", "en")[i] for i in range(7)]
_MONTH_KEYS = [get_month_names("wide", "format", "en")[m].lower() for m in range(1, 13)]  # dateparser's keys
_DAY_KEYS = [d.lower() for d in WEEKDAYS_EN]

_MONTHS_AR = {**_dateparser_names("ar", _MONTH_KEYS, 1), **_babel_names(get_month_names, _arabic_locales(), ("wide", "abbreviated"))}
_MONTHS_EN = _babel_names(get_month_names, ["en"], ("wide",))
#: Folded month name (every CLDR Arabic locale, and English) → 1..12.
MONTHS: dict[str, int] = {**_MONTHS_AR, **_MONTHS_EN}
#: English abbreviations ("jan", "sept"): only read next to a day number, never alone ("may", "mar").
MONTH_ABBREVIATIONS: dict[str, int] = {
    k: v
    for k, v in {**_babel_names(get_month_names, ["en"], ("abbreviated",)), **_dateparser_names("en", _MONTH_KEYS, 1)}.items()
    if k not in MONTHS and len(k) >= 3
}
_WEEKDAYS_AR = {**_dateparser_names("ar", _DAY_KEYS), **_babel_names(get_day_names, _arabic_locales(), ("wide",))}
_WEEKDAYS_EN = _babel_names(get_day_names, ["en"], ("wide",))
#: Folded weekday name (Arabic and English) → 0..6, Monday = 0 (``date.weekday()``).
WEEKDAYS: dict[str, int] = {**_WEEKDAYS_AR, **_WEEKDAYS_EN}

_NAMES_BY_LANGUAGE = {
    ("month", "ar"): _MONTHS_AR,
    ("month", "en"): _MONTHS_EN,
    ("weekday", "ar"): _WEEKDAYS_AR,
    ("weekday", "en"): _WEEKDAYS_EN,
}


def calendar_word(word: str) -> tuple[str, int] | None:
    """("month", 1..12) or ("weekday", 0..6) for a folded month or weekday name, else None."""
    if word in MONTHS:
        return "month", MONTHS[word]
    if word in WEEKDAYS:
        return "weekday", WEEKDAYS[word]
    return None


def calendar_names(kind: str, number: int, lang: str) -> list[str]:
    """Every folded name of one month or weekday in one language ("month", 7, "ar" → يوليو, تموز,
    جويلية, يوليوز...): what a question in the other language is bridged with."""
    return [name for name, n in _NAMES_BY_LANGUAGE[kind, lang].items() if n == number]


#: Parts of the day (folded Arabic construct forms and English) → key; and the key's display words.
PARTS_OF_DAY = {
    "صباح": "morning",
    "ظهر": "noon",
    "عصر": "afternoon",
    "مساء": "evening",
    "ليله": "night",
    "ليل": "night",
    "فجر": "dawn",
    "morning": "morning",
    "noon": "noon",
    "afternoon": "afternoon",
    "evening": "evening",
    "night": "night",
    "dawn": "dawn",
}
#: The hours each part of the day spans, roughly: parts that share hours may name one moment ("مساء السبت" / "ليل
#: السبت": a blast at nine in the evening is both), parts that share none cannot ("صباح" / "مساء"). Not CLDR's day
#: periods: they partition the day for formatting (English evening 18-21, night 21-24), so no two of them share an hour.
PART_HOURS = {"dawn": (4, 6), "morning": (6, 12), "noon": (11, 14), "afternoon": (13, 18), "evening": (17, 22), "night": (20, 24)}


def parts_overlap(a: str, b: str) -> bool:
    """Can two parts of one day name the same moment: do their hours meet?"""
    (a_start, a_end), (b_start, b_end) = PART_HOURS[a], PART_HOURS[b]
    return a_start < b_end and b_start < a_end


_PART_NAMES = {"ar": {"morning": "صباح", "noon": "ظهر", "afternoon": "عصر", "evening": "مساء", "night": "ليلة", "dawn": "فجر"}}
_PARTS_AR = {k: v for k, v in PARTS_OF_DAY.items() if not k.isascii()}
_PARTS_EN = tuple(k for k in PARTS_OF_DAY if k.isascii())
_SEASONS = {
    "صيف": "summer",
    "خريف": "autumn",
    "شتاء": "winter",
    "ربيع": "spring",
    "summer": "summer",
    "autumn": "autumn",
    "fall": "autumn",
    "winter": "winter",
    "spring": "spring",
}
_SEASON_MONTHS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "winter": (12, 2)}

_PAST = {"الماضي", "الماضيه", "المنصرم", "المنصرمه", "الفائت", "الفائته", "السابق", "السابقه", "last", "previous"}
_CURRENT = {"الجاري", "الجاريه", "الحالي", "الحاليه", "this", "current", "هذا", "هذه"}
#: Words that put a named period ahead of the anchor ("الأسبوع المقبل", "next month"); also read by ``language.tense``.
FUTURE_WORDS = {"المقبل", "المقبله", "القادم", "القادمه", "next"}
#: Relative day words (folded) → offset in days from the anchor.
RELATIVE_DAYS = {
    "اول امس": -2,
    "امس": -1,
    "البارحه": -1,
    "اليوم": 0,
    "غدا": 1,
    "yesterday": -1,
    "today": 0,
    "tomorrow": 1,
    "last night": -1,
}
_REL_AR = {k: v for k, v in RELATIVE_DAYS.items() if not k.isascii()}

#: Vague "days ago" interval, in days before the anchor (see module docstring).
DAYS_AGO_RANGE = (10, 2)


def weekday_name(weekday: int, lang: str) -> str:
    """The weekday's display name, Monday = 0."""
    return get_day_names("wide", "format", "ar" if lang == "ar" else "en")[weekday]


def format_day(d: dt.date, lang: str, part_of_day: str | None = None, weekday: bool = True) -> str:
    """A day for display: "Tuesday evening, 7 July 2020" / "مساء الثلاثاء 7 يوليو 2020".

    The one place answers, conflict cards and verdicts render a date, so every
    front end shows it the same way (CLDR patterns through Babel).
    """
    locale = "ar" if lang == "ar" else "en"
    day = format_date(d, "d MMMM y", locale=locale)
    if not weekday:
        return day
    name = weekday_name(d.weekday(), lang)
    if lang == "ar":
        part = _PART_NAMES["ar"].get(part_of_day or "")
        return f"{part + ' ' if part else ''}{name} {day}"
    return f"{name}{' ' + part_of_day if part_of_day else ''}, {day}"


def format_month(year: int, month: int, lang: str) -> str:
    """ "July 2020" / "يوليو 2020"."""
    return format_date(dt.date(year, month, 1), "MMMM y", locale="ar" if lang == "ar" else "en")


_OFFSET_EN = {-1: "last", 0: "this", 1: "next"}
_DAY_OFFSET_EN = {-2: "the day before yesterday", -1: "yesterday", 0: "today", 1: "tomorrow"}


def _ordinal_en(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def relative_fields(relative: str) -> dict[str, str]:
    """The fields of an unresolved mention's key ("day-offset:-1;weekday:Tuesday" -> {"day-offset": "-1", "weekday":
    "Tuesday"}; a bare field maps to "")."""
    return dict(f.split(":", 1) if ":" in f else (f, "") for f in relative.split(";"))


def describe_relative(relative: str, part_of_day: str | None = None, lang: str = "en") -> str | None:
    """An unresolved time (``TimeMention.relative``, no anchor date to resolve it) said in English:
    "weekday:Wednesday" → "Wednesday", "month-offset:-1;day:24" → "the 24th of last month",
    "month-offset:-1" → "last month". None for a key this does not know.

    Why: with no date to resolve against, an English answer over an Arabic quote otherwise shows the
    Arabic words ("الرابع والعشرين من الشهر الماضي") as its value. In Arabic (``lang="ar"``) only a key
    the calendar placed is said (``_describe_placed``): an Arabic source's other words are already Arabic.
    """
    if lang == "ar":
        return _describe_placed(relative, part_of_day)
    fields = relative_fields(relative)
    months = get_month_names("wide", "format", "en")
    text = None
    if "weekday" in fields and len(fields) == 1:
        text = fields["weekday"]
    elif "day-offset" in fields:
        text = _DAY_OFFSET_EN.get(int(fields["day-offset"]))
        if text and "weekday" in fields:
            text = f"{text} ({fields['weekday']})"
    elif "date-without-year" in fields:
        month, day = (int(x) for x in fields["date-without-year"].split("-"))
        text = f"{fields['weekday']}, {day} {months[month]}" if "weekday" in fields else f"{day} {months[month]}"
    elif "month-without-year" in fields:
        text = months[int(fields["month-without-year"])]
    elif "month-offset" in fields and "day" in fields:
        text = f"the {_ordinal_en(int(fields['day']))} of {_OFFSET_EN.get(int(fields['month-offset']), 'that')} month"
    elif len(fields) == 1 and (key := next(iter(fields))).endswith("-offset") and key[: -len("-offset")] in ("week", "month", "year"):
        text = f"{_OFFSET_EN.get(int(fields[key]), 'that')} {key[: -len('-offset')]}"
    elif "days-before-anchor" in fields:
        n = fields["days-before-anchor"]
        text = f"{n} days earlier" if n else "a few days earlier"
    elif "weeks-before-anchor" in fields:
        text = "weeks earlier"
    elif "months-before-anchor" in fields:
        text = "in recent months"
    if text and part_of_day:
        text = f"{text} {part_of_day}"
    return text


def _describe_placed(relative: str, part_of_day: str | None) -> str | None:
    """A yearless day, month or weekday said in Arabic: "date-without-year:07-07;weekday:Tuesday" → "الثلاثاء 7 يوليو"
    (an undated upload's "أمس" under "القاهرة - 8 يوليو (رويترز)"), "month-without-year:07" → "يوليو". CLDR's names;
    None for a key that names no calendar day (the source's words say it best)."""
    fields = relative_fields(relative)
    weekday = WEEKDAYS_EN.index(fields["weekday"]) if fields.get("weekday") in WEEKDAYS_EN else None
    named = weekday_name(weekday, "ar") if weekday is not None else None
    if "date-without-year" in fields:
        month, day = (int(x) for x in fields["date-without-year"].split("-"))
        text = f"{named + ' ' if named else ''}{day} {get_month_names('wide', 'format', 'ar')[month]}"
    elif "month-without-year" in fields:
        text = get_month_names("wide", "format", "ar")[int(fields["month-without-year"])]
    elif named and len(fields) == 1:
        text = named
    else:
        return None
    part = _PART_NAMES["ar"].get(part_of_day or "")
    return f"{part} {text}" if part else text


# ---------------------------------------------------------------- the reader


@dataclass(frozen=True)
class TimeMention:
    """One time expression: where it is, what interval it denotes, how sure we are."""

    text: str
    start: int
    end: int
    value_start: dt.date | None
    value_end: dt.date | None
    granularity: str
    part_of_day: str | None = None
    relative: str | None = None
    resolved: bool = True
    note: str | None = None

    @property
    def normalized(self) -> str:
        """Comparable string: '2020-07-07 evening', '2020-06', '2018', 'a..b', or the relative key."""
        if not self.resolved or self.value_start is None or self.value_end is None:
            base = self.relative or "unknown"
        elif self.granularity == "day":
            base = self.value_start.isoformat()
        elif self.granularity == "month":
            base = self.value_start.strftime("%Y-%m")
        elif self.granularity == "year":
            base = str(self.value_start.year)
        else:
            base = f"{self.value_start.isoformat()}..{self.value_end.isoformat()}"
        return f"{base} {self.part_of_day}" if self.part_of_day else base

    @property
    def weekday(self) -> int | None:
        """The weekday an unresolved mention names ("weekday:Tuesday", "day-offset:-1;weekday:Tuesday"), Monday = 0:
        an undated article's "أمس الثلاثاء" is on no calendar, yet it says which day of the week it was."""
        if self.value_start is not None or not self.relative:
            return None
        weekday = relative_fields(self.relative).get("weekday")
        return WEEKDAYS_EN.index(weekday) if weekday in WEEKDAYS_EN else None

    @property
    def day_month(self) -> tuple[int, int] | None:
        """(month, day) of a day named without its year ("date-without-year:07-08": "July 8", "8 يوليو"), else None."""
        if self.value_start is not None or not self.relative:
            return None
        named = relative_fields(self.relative).get("date-without-year")
        if not named:
            return None
        month, day = (int(x) for x in named.split("-"))
        return month, day


_B = r"(?<![\w])"  # word start (Arabic letters are \w)
_E = r"(?![\w])"
_CLITIC = r"(?:[وفب]|ل(?!ل))?"  # و/ف/ب/ل proclitics, kept outside the span
_ORD = word_alternation(day_ordinals())
_COUNT = word_alternation(w for w, a in atoms().items() if a.scale == 1 and 2 <= a.value <= 31)
_WD_AR = word_alternation(_WEEKDAYS_AR)
_MON_AR = word_alternation(_MONTHS_AR)
_MON_EN_WIDE = word_alternation(_MONTHS_EN)
_MON_EN = rf"{_MON_EN_WIDE}|(?:{word_alternation(MONTH_ABBREVIATIONS)})\.?"
_WD_EN = word_alternation(_WEEKDAYS_EN)
_REF_WORDS = word_alternation(_PAST | _CURRENT | FUTURE_WORDS)
_YEAR = r"(?P<y>(?:19|20)\d\d)"
#: The article glued to a day's number ("في الـ17 من مارس الجاري": folding drops the kashida): the day is still the day.
_DAY_ARTICLE = r"(?:ال(?=\d))?"


def _pat(body: str) -> re.Pattern[str]:
    return re.compile(_B + _CLITIC + "(?P<core>" + body + ")" + _E)


_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"(?<!\d)(?P<core>(?P<y>(?:19|20)\d\d)[-:/.](?P<m>\d{1,2})[-:/.](?P<d>\d{1,2}))(?!\d)")),
    # Day first, as Arab and European papers write it: "08/07/2020", "8-7-2020", "08.07.2020" (one separator throughout).
    ("dmy_num", re.compile(r"(?<![\d/.-])(?P<core>(?P<d>\d{1,2})(?P<sep>[/.-])(?P<m>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d\d))(?![\d.-]\d|\d)")),
    (
        "date_ar",
        _pat(
            # "صباح الاثنين 6 تموز", "اليوم الخميس 9 تموز 2020": a part of the day or a relative day before the weekday
            # belongs to the date (read apart, "اليوم الخميس" would hide the full date after it).
            rf"(?:(?:(?P<part>{word_alternation(_PARTS_AR)})\s+)?(?:(?:{word_alternation(_REL_AR)})\s+)?(?:يوم\s+)?(?:{_WD_AR})\s*[،,]?\s*)?"
            rf"{_DAY_ARTICLE}(?P<d>\d{{1,2}}|{_ORD})\s+(?:من\s+)?(?:شهر\s+)?(?P<m1>{_MON_AR})(?:\s*/\s*(?P<m2>{_MON_AR})|\s*\(\s*(?P<m3>{_MON_AR})\s*\))?"
            rf"(?:\s*[،,]?\s*(?:من\s+)?(?:عام|العام|سنه)?\s*{_YEAR})?(?:\s+(?P<dir>{_REF_WORDS}))?"
        ),
    ),
    (
        "ordinal_of_month",
        _pat(
            rf"(?:يوم\s+)?{_DAY_ARTICLE}(?P<d>\d{{1,2}}|{_ORD})\s+من\s+(?:(?P<ref1>الشهر)\s+(?P<dir1>{_REF_WORDS})|(?P<dir2>هذا)\s+(?P<ref2>الشهر))"
        ),
    ),
    (
        "month_year_ar",
        _pat(
            rf"(?:شهر\s+)?(?P<m1>{_MON_AR})(?:\s*/\s*(?P<m2>{_MON_AR})|\s*\(\s*(?P<m3>{_MON_AR})\s*\))?\s*(?:(?:[،,]\s*)?(?:من\s+)?(?:عام|العام|سنه)?\s*{_YEAR}|\s+(?P<dir>{_REF_WORDS}))"
        ),
    ),
    ("season", _pat(rf"(?P<s>{word_alternation(_SEASONS)})\s+(?:(?:من\s+)?(?:عام|العام|سنه|of)\s*)?{_YEAR}")),
    ("year_ar", _pat(rf"(?:عام|العام|سنه|السنه)\s+{_YEAR}")),
    (
        "rel_period_ar",
        _pat(
            rf"(?:(?P<unit1>الاسبوع|الشهر|العام|السنه)\s+(?P<dir1>{_REF_WORDS})|(?P<dir2>هذا|هذه)\s+(?P<unit2>الاسبوع|الشهر|العام|السنه))"
        ),
    ),
    ("months_ago_ar", _pat(r"(?:الاشهر|الشهور)\s+(?:الماضيه|الاخيره|القليله\s+الماضيه)")),
    (
        "days_ago_ar",
        _pat(
            rf"(?:منذ|قبل)\s+(?:(?P<two>يومين)|(?P<n>\d{{1,2}}|{_COUNT})\s+(?:ايام|يوما)|(?P<vague>(?:بضعه|عده)\s+ايام|ايام(?:\s+قليله)?)|(?P<w>اسبوعين|اسبوع|اسابيع))"
        ),
    ),
    (
        "rel_day_ar",
        _pat(
            rf"(?:(?P<part>{word_alternation(_PARTS_AR)})\s+)?(?:يوم\s+)?(?:(?P<rel>{word_alternation(_REL_AR)})(?!\s+(?:التالي|السابق))"
            rf"(?:\s*[،,]?\s*(?P<lp>\()?\s*(?:يوم\s+)?(?P<wd>{_WD_AR})\s*(?(lp)\)))?"
            rf"|(?P<lp2>\()?(?P<wd2>{_WD_AR})(?(lp2)\)))"
        ),
    ),
    # English
    (
        "date_en",
        _pat(
            rf"(?:(?:{_WD_EN}),?\s+)?(?:the\s+)?(?:(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{_MON_EN})"
            rf"|(?P<m2>{_MON_EN})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?!\d))(?:,?\s+{_YEAR})?"
        ),
    ),
    ("ordinal_of_month_en", _pat(r"(?:the\s+)?(?P<d>\d{1,2})(?:st|nd|rd|th)\s+of\s+(?P<dir1>last|this|next)\s+month")),
    ("month_year_en", _pat(rf"(?P<m1>{_MON_EN_WIDE})(?:\s+of)?\s+{_YEAR}")),
    ("year_en", _pat(rf"(?:in|since|year)\s+{_YEAR}")),
    ("rel_period_en", _pat(r"(?P<dir1>last|this|next|previous)\s+(?P<unit1>week|month|year)")),
    ("days_ago_en", _pat(rf"(?:(?P<n>\d{{1,2}}|{_COUNT})|(?P<vague>a\s+few|several|some|a\s+couple\s+of))?\s*days\s+ago")),
    (
        "rel_day_en",
        _pat(
            rf"(?:(?P<rel>yesterday|today|tomorrow|last\s+night)(?:\s+(?P<part>{word_alternation(_PARTS_EN)}))?"
            rf"|(?P<last>last\s+)?(?P<wd2>{_WD_EN})(?:\s+(?P<part2>{word_alternation(_PARTS_EN)}))?)"
        ),
    ),
]


def _month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _shift_month(d: dt.date, months: int) -> tuple[int, int]:
    index = d.year * 12 + d.month - 1 + months
    return index // 12, index % 12 + 1


def _direction(word: str | None) -> int:
    """-1 past, 0 current, +1 future, None-ish 0 when absent."""
    if not word:
        return 0
    w = re.sub(r"\s+", " ", word)
    return -1 if w in _PAST else 1 if w in FUTURE_WORDS else 0


def _day_number(word: str) -> int:
    return int(word) if word.isdigit() else day_ordinals()[re.sub(r"\s+", " ", word)]


def _month_number(word: str) -> int:
    w = re.sub(r"\s+", " ", word).rstrip(".")
    return MONTHS.get(w) or MONTH_ABBREVIATIONS[w]


def weekday_date(anchor: dt.date, weekday: int, allow_future_days: int = 0, strictly_before: bool = False) -> dt.date:
    """The news reading of a bare weekday: most recent on/before the anchor (see module doc)."""
    back = (anchor.weekday() - weekday) % 7
    if strictly_before and back == 0:
        back = 7
    ahead = (7 - back) % 7
    if back and 0 < ahead <= allow_future_days:
        return anchor + dt.timedelta(days=ahead)
    return anchor - dt.timedelta(days=back)


def _date_without_year(anchor: dt.date, month: int, day: int, direction: int, allow_future_days: int) -> dt.date:
    """Pick the year: anchor's year, shifted so the date falls on the side the words say."""
    candidate = dt.date(anchor.year, month, day)
    if direction > 0 and candidate < anchor:
        return dt.date(anchor.year + 1, month, day)
    if direction <= 0 and candidate > anchor + dt.timedelta(days=allow_future_days):
        return dt.date(anchor.year - 1, month, day)
    return candidate


@dataclass(frozen=True)
class _Value:
    start: dt.date | None
    end: dt.date | None
    granularity: str
    relative: str | None = None
    part: str | None = None
    note: str | None = None


def _day(d: dt.date, part: str | None = None, note: str | None = None) -> _Value:
    return _Value(d, d, "day", part=part, note=note)


def _unresolved(granularity: str, relative: str, part: str | None = None) -> _Value:
    return _Value(None, None, granularity, relative=relative, part=part)


def _week_bounds(anchor: dt.date, weeks: int, lang: str) -> tuple[dt.date, dt.date]:
    first = 5 if lang == "ar" else 0  # Saturday-first Arab week, Monday-first otherwise
    start = anchor - dt.timedelta(days=(anchor.weekday() - first) % 7) + dt.timedelta(weeks=weeks)
    return start, start + dt.timedelta(days=6)


def _period(unit: str, direction: int, anchor: dt.date | None, lang: str) -> _Value:
    unit = {"الاسبوع": "week", "الشهر": "month", "العام": "year", "السنه": "year"}.get(unit, unit)
    if anchor is None:
        return _unresolved(unit, f"{unit}-offset:{direction}")
    if unit == "week":
        s, e = _week_bounds(anchor, direction, lang)
        return _Value(s, e, "week")
    if unit == "month":
        y, m = _shift_month(anchor, direction)
        return _Value(*_month_bounds(y, m), "month")
    y = anchor.year + direction
    return _Value(dt.date(y, 1, 1), dt.date(y, 12, 31), "year")


def _days_ago(n: int | None, anchor: dt.date | None) -> _Value:
    if n is None:
        if anchor is None:
            return _unresolved("days-range", "days-before-anchor")
        far, near = DAYS_AGO_RANGE
        return _Value(anchor - dt.timedelta(days=far), anchor - dt.timedelta(days=near), "days-range")
    if anchor is None:
        return _unresolved("day", f"days-before-anchor:{n}")
    return _day(anchor - dt.timedelta(days=n))


def _interpret(kind: str, g: dict[str, str | None], anchor: dt.date | None, lang: str, allow_future_days: int) -> _Value | None:
    """Turn one regex match into a value; None when the match is not a real date."""
    try:
        if kind in ("iso", "dmy_num"):
            return _day(dt.date(int(g["y"]), int(g["m"]), int(g["d"])))
        if kind == "date_ar":
            month, day = _month_number(g["m1"]), _day_number(g["d"])
            part = PARTS_OF_DAY.get(g["part"]) if g.get("part") else None
            if any(g.get(k) and _month_number(g[k]) != month for k in ("m2", "m3")):
                return None
            if g.get("y"):
                return _day(dt.date(int(g["y"]), month, day), part)
            if anchor is None:
                return _unresolved("day", f"date-without-year:{month:02d}-{day:02d}", part)
            return _day(_date_without_year(anchor, month, day, _direction(g.get("dir")), allow_future_days), part)
        if kind in ("ordinal_of_month", "ordinal_of_month_en"):
            direction = _direction(g.get("dir1") or g.get("dir2"))
            day = _day_number(g["d"])
            if anchor is None:
                return _unresolved("day", f"month-offset:{direction};day:{day}")
            y, m = _shift_month(anchor, direction)
            return _day(dt.date(y, m, day))
        if kind in ("month_year_ar", "month_year_en"):
            month = _month_number(g["m1"])
            if any(g.get(k) and _month_number(g[k]) != month for k in ("m2", "m3")):
                return None
            if g.get("y"):
                return _Value(*_month_bounds(int(g["y"]), month), "month")
            direction = _direction(g.get("dir"))
            if anchor is None:
                return _unresolved("month", f"month-without-year:{month:02d}")
            year = anchor.year
            if direction <= 0 and month > anchor.month:
                year -= 1
            elif direction > 0 and month < anchor.month:
                year += 1
            return _Value(*_month_bounds(year, month), "month")
        if kind == "season":
            season, year = _SEASONS[re.sub(r"\s+", " ", g["s"])], int(g["y"])
            first, last = _SEASON_MONTHS[season]
            start_year = year - 1 if season == "winter" else year
            return _Value(dt.date(start_year, first, 1), _month_bounds(year, last)[1], "season")
        if kind in ("year_ar", "year_en"):
            y = int(g["y"])
            return _Value(dt.date(y, 1, 1), dt.date(y, 12, 31), "year")
        if kind in ("rel_period_ar", "rel_period_en"):
            return _period(g.get("unit1") or g["unit2"], _direction(g.get("dir1") or g.get("dir2")), anchor, lang)
        if kind == "months_ago_ar":
            if anchor is None:
                return _unresolved("months-range", "months-before-anchor")
            return _Value(anchor - dt.timedelta(days=183), anchor, "months-range")
        if kind in ("days_ago_ar", "days_ago_en"):
            if g.get("w"):
                weeks = {"اسبوع": (8, 6), "اسبوعين": (15, 13), "اسابيع": (60, 14)}[g["w"]]
                if anchor is None:
                    return _unresolved("days-range", f"weeks-before-anchor:{g['w']}")
                return _Value(anchor - dt.timedelta(days=weeks[0]), anchor - dt.timedelta(days=weeks[1]), "days-range")
            n = g.get("n")
            number = 2 if g.get("two") else int(read_number(re.sub(r"\s+", " ", n))) if n else None
            return _days_ago(number, anchor)
        if kind == "date_en":
            if g.get("y"):
                month = _month_number(g.get("m1") or g["m2"])
                return _day(dt.date(int(g["y"]), month, int(g.get("d") or g["d2"])))
            month, day = _month_number(g.get("m1") or g["m2"]), int(g.get("d") or g["d2"])
            if anchor is None:
                return _unresolved("day", f"date-without-year:{month:02d}-{day:02d}")
            return _day(_date_without_year(anchor, month, day, 0, allow_future_days))
        if kind == "rel_day_ar":
            return _rel_day_ar(g, anchor, allow_future_days)
        if kind == "rel_day_en":
            return _rel_day_en(g, anchor, allow_future_days)
    except (ValueError, KeyError):
        return None
    raise AssertionError(kind)


def _rel_day_ar(g: dict[str, str | None], anchor: dt.date | None, allow_future_days: int) -> _Value:
    part = PARTS_OF_DAY.get(g["part"]) if g.get("part") else None
    wd_word = g.get("wd") or g.get("wd2")
    weekday = WEEKDAYS[wd_word] if wd_word else None
    if g.get("rel"):
        offset = _REL_AR[re.sub(r"\s+", " ", g["rel"])]
        if anchor is None:
            rel = f"day-offset:{offset}" + (f";weekday:{WEEKDAYS_EN[weekday]}" if weekday is not None else "")
            return _unresolved("day", rel, part)
        day = anchor + dt.timedelta(days=offset)
        if weekday is not None and day.weekday() != weekday:
            fixed = weekday_date(anchor, weekday, max(allow_future_days, offset))
            return _day(fixed, part, note=f"weekday {WEEKDAYS_EN[weekday]} overrides relative day {offset:+d}")
        return _day(day, part)
    if anchor is None:
        return _unresolved("day", f"weekday:{WEEKDAYS_EN[weekday]}", part)
    return _day(weekday_date(anchor, weekday, allow_future_days), part)


def _rel_day_en(g: dict[str, str | None], anchor: dt.date | None, allow_future_days: int) -> _Value:
    part = g.get("part") or g.get("part2")
    rel = g.get("rel")
    if rel:
        rel = re.sub(r"\s+", " ", rel)
        offset = {"yesterday": -1, "today": 0, "tomorrow": 1, "last night": -1}[rel]
        part = part or ("night" if rel == "last night" else None)
        if anchor is None:
            return _unresolved("day", f"day-offset:{offset}", part)
        return _day(anchor + dt.timedelta(days=offset), part)
    weekday = WEEKDAYS[g["wd2"]]
    if anchor is None:
        return _unresolved("day", f"weekday:{WEEKDAYS_EN[weekday]}", part)
    return _day(weekday_date(anchor, weekday, allow_future_days, strictly_before=bool(g.get("last"))), part)


def resolve_times(text: str, anchor: dt.date | None, lang: str = "ar", allow_future_days: int = 0) -> list[TimeMention]:
    """All time expressions in ``text``, left to right, longest match winning overlaps.

    ``lang`` only picks the week convention for "last week"; Arabic and English
    patterns are always both tried because news text mixes them. With no anchor, a
    yearless dateline opening the text ("القاهرة - 8 يوليو (رويترز) - ... وصل أمس")
    still places its relative days on a day and month (``_on_day_month``).
    """
    mentions = _read_times(text, anchor, lang, allow_future_days)
    if anchor is None and (day_month := _yearless_dateline(text, mentions)):
        return [_on_day_month(m, *day_month) for m in mentions]
    return mentions


def _read_times(text: str, anchor: dt.date | None, lang: str, allow_future_days: int) -> list[TimeMention]:
    folded, origin = fold_with_offsets(text)
    candidates: list[tuple[int, int, str, dict[str, str | None]]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(folded):
            candidates.append((m.start("core"), m.end("core"), kind, m.groupdict()))
    candidates.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    mentions: list[TimeMention] = []
    taken_until = -1
    for start, end, kind, groups in candidates:
        if start < taken_until:
            continue
        value = _interpret(kind, groups, anchor, lang, allow_future_days)
        if value is None:
            continue
        s, e = original_span(origin, start, end)
        mentions.append(
            TimeMention(
                text=text[s:e],
                start=s,
                end=e,
                value_start=value.start,
                value_end=value.end,
                granularity=value.granularity,
                part_of_day=value.part,
                relative=value.relative,
                resolved=value.start is not None,
                note=value.note,
            )
        )
        taken_until = end
    return mentions


#: A year standing alone: 1000-2099, not part of a longer number, a decimal or a percentage; a comma or full stop
#: after it ends a clause or sentence ("in 2004, ...", "... since 2012.") unless a digit follows ("2,004", "2012.5").
_BARE_YEAR = re.compile(r"(?<![\d.,])(?:1\d{3}|20\d{2})(?![\d%]|[.,]\d)")


def months_named(text: str) -> frozenset[int]:
    """The months (1..12) a text names, in either language ("in February", "في شباط/فبراير"): a question naming a
    month asks the figure of that month, and an outlet's sentence naming it is its statement of that figure. An
    English month is capitalised: "may" and "march" are also a verb."""
    words = (w for w in re.findall(r"[^\W\d_]+", text) if not LATIN_LETTER.match(w) or w[0].isupper())
    found = (calendar_word(normalize_arabic(w).lower()) for w in words)
    return frozenset(n for f in found if f and f[0] == "month" for n in [f[1]])


def find_years(text: str) -> list[TimeMention]:
    """Every bare year in ``text`` ("سنة 1520", "منذ 2011", "in 1901") as a year-long mention.

    Why apart from ``resolve_times``: that reader takes a year only after a word that
    introduces one (عام, in, since), so that a count ("2000 شخص") stays a number. A
    question asking *when* may still be answered by a bare year; its reader
    (``bot.direct``) offers these as candidates and lets the learned chooser weigh them.
    Arabic-Indic digits are read too (matching runs on folded text).
    """
    folded, origin = fold_with_offsets(text)
    out = []
    for m in _BARE_YEAR.finditer(folded):
        s, e = original_span(origin, m.start(), m.end())
        year = int(m.group(0))
        out.append(TimeMention(text[s:e], s, e, dt.date(year, 1, 1), dt.date(year, 12, 31), "year"))
    return out


_ANCHOR_HEAD_CHARS = 1500


#: An agency right after a dateline's date, in brackets or between slashes ("(شينخوا)", "/Xinhua/", "/ وام /").
_AGENCY_AFTER = re.compile(r"[^\S\n]{0,3}(?:[(（]|/[^\S\n]*[^\W\d_][^/\n]{0,25}/)")


def is_dateline(text: str, m: TimeMention) -> bool:
    """Whether ``m`` is a wire dateline's date: right before an agency in brackets or slashes ("DAMASCUS, July 8, 2020
    (Reuters) —", "دمشق 8 يوليو 2020 (شينخوا)", "طوكيو في 19 يونيو / وام /"), it tells when the report was filed, not
    when anything it reports happened."""
    return _AGENCY_AFTER.match(text, m.end) is not None


#: How far into its line a dateline's date may start: a city and a region ("SAN BRUNO, Calif., April 4").
DATELINE_REACH = 40
_DAY_OFFSET = re.compile(r"day-offset:(?P<n>-?\d+)(?P<weekday>;weekday:\w+)?$")
#: A common and a leap year: a day-month shifted by some days is the same day-month in both unless it crosses 29 February.
_YEARS_BOTH_KINDS = (2023, 2024)


def _yearless_dateline(text: str, mentions: list[TimeMention]) -> tuple[int, int] | None:
    """(month, day) of a dateline with no year near its line's start ("CAIRO, July 8 (Reuters) -"), else None."""
    for m in mentions:
        line_start = text.rfind("\n", 0, m.start) + 1
        if m.start - line_start <= DATELINE_REACH and m.day_month and is_dateline(text, m):
            return m.day_month
    return None


def _on_day_month(m: TimeMention, month: int, day: int) -> TimeMention:
    """A relative day ("أمس", "yesterday", "أمس الثلاثاء") read under a day and month whose year nobody states: the day
    and month it names ("date-without-year:07-07", its named weekday kept). A year is never guessed (not from today's
    date: an archive is read years later), so no weekday is computed, and a shift across 29 February stays relative."""
    shift = _DAY_OFFSET.match(m.relative or "")
    if m.resolved or not shift:
        return m
    try:
        days = {dt.date(year, month, day) + dt.timedelta(days=int(shift["n"])) for year in _YEARS_BOTH_KINDS}
    except ValueError:  # 29 February itself
        return m
    target = {(d.month, d.day) for d in days}
    if len(target) != 1:
        return m
    (to_month, to_day) = target.pop()
    return replace(m, relative=f"date-without-year:{to_month:02d}-{to_day:02d}{shift['weekday'] or ''}")


def find_anchor(article_text: str, year_near: dt.date | None = None) -> dt.date | None:
    """The date an article states for itself, from its head (dateline or timestamp).

    Preference: a wire dateline ("دمشق 8 يوليو 2020 (شينخوا)": a full date
    directly followed by an agency in parentheses) beats a date that opens a line
    as a dateline or a timestamp does, or that the text calls today
    (``_states_its_day``), because it is when the reporter wrote "today"/"yesterday";
    a re-publisher's timestamp (人民网 2020:07:09...) may be a day later. A date told
    in the story ("من مواليد 10 أكتوبر 1954", "وفي 15 نيسان 2016، حطت") is when
    something happened, never the article's day: taken first, such dates were wrong for
    630 of 682 ANT articles that state no day of their own (their sidecars tell).
    A yearless dateline ("القاهرة، السبت 28 أبريل (أ ش أ) -") takes its year from
    ``year_near``, the publication stamp a caller was given: the dateline's day in the
    year nearest the stamp. Without one, from the text's first full date, a story date
    included (it is a year, not a day); without that, the year stays unknown (None): it
    is never guessed from today's date, nor from the weekday the dateline names (a day
    and month fall on one weekday every 5, 6 or 11 years, so only a window ending at the
    reading day would single one out, and an archive is read years after it was written).
    """
    head = article_text[:_ANCHOR_HEAD_CHARS]
    best: tuple[int, int, dt.date] | None = None
    first: dt.date | None = None
    yearless: TimeMention | None = None  # "DAMASCUS, July 10 (Reuters)": wires often leave the year out
    for m in resolve_times(head, None):
        dateline = is_dateline(head, m)
        if dateline and yearless is None and m.day_month:
            yearless = m
        if not (m.resolved and m.granularity == "day" and m.value_start):
            continue
        first = first or m.value_start
        rank = 0 if dateline else 1 if _states_its_day(head, m) else None
        if rank is not None and (best is None or (rank, m.start) < best[:2]):
            best = (rank, m.start, m.value_start)
    if yearless and (near := year_near or first) and not (best and best[0] == 0):
        return _nearest_year(yearless, near)
    return best[2] if best else hijri_dateline(head)


#: Hijri month names (hijridate's Arabic and English, folded) → 1..12: Arabic outlets may date a story by the Hijri
#: calendar alone ("السبت 21 رجب 1439 هـ").
HIJRI_MONTHS: dict[str, int] = {
    normalize_arabic(Hijri(1440, m, 1).month_name(lang).lower()): m for m in range(1, 13) for lang in ("ar", "en")
}
_HIJRI_MONTH = word_alternation(HIJRI_MONTHS)
#: A Hijri day, month and year, day first ("21 رجب 1439 هـ") or month first ("Dhu al-Hijjah 26, 1439").
_HIJRI_DATE = re.compile(
    rf"(?<!\w)(?:(?P<d>\d{{1,2}})\s+(?P<m>{_HIJRI_MONTH})|(?P<m2>{_HIJRI_MONTH})\s+(?P<d2>\d{{1,2}}),?)\s+(?P<y>1[34]\d\d)(?!\d)",
    re.I,
)


def hijri_dateline(head: str) -> dt.date | None:
    """The Gregorian day of the first Hijri date opening a line of an article's head as its dateline (a weekday, a
    city: at most ``STATED_HEAD_WORDS`` words before it), converted by the Umm al-Qura calendar; None when there is
    none. Read only where no Gregorian date is stated: a story's Hijri date beside one is the same day."""
    folded, origin = fold_with_offsets(head)
    for m in _HIJRI_DATE.finditer(folded):
        start = original_span(origin, m.start(), m.end())[0]
        if len(_line_words_before(head, start)) > STATED_HEAD_WORDS:
            continue
        month = HIJRI_MONTHS[m["m"] or m["m2"]]
        with contextlib.suppress(ValueError, OverflowError):  # a day past the month's end, a year outside the tables
            g = Hijri(int(m["y"]), month, int(m["d"] or m["d2"])).to_gregorian()
            return dt.date(g.year, g.month, g.day)
    return None


#: What follows a date opening a line as a dateline's or a timestamp's: the line's end, a dash, a slash or a bracket
#: before the agency, a clock time ("2020:07:09.10:11:09", "05:34 م", "19 June 2018, 08:40 CET", "17 Jul 2018 14.05
#: BST"), the era letter and a few words of agency ("… 18 فبراير 2018 م واس") or the agency's bracket or the story's
#: dash ("… الموافق 17 مارس 2019 م (بنا) -"), or a comma and the agency before the
#: story's dash ("September 6, 2018, SPA -- An American …").
_STATED_TAIL = re.compile(
    r"[^\S\n]*(?:$|[-–—ـ/(（|]|(?:[,،][^\S\n]*)?[.T]?\d{1,2}[:.]\d\d|م(?:(?:[^\S\n]+[^\W\d_]+){0,4}[^\S\n]*$|[^\S\n]*[-–—(（/])"
    r"|[,،](?:[^\S\n]*[^\W\d_]+){1,4}[^\S\n]*[-–—]{1,2})",
    re.M,
)
#: A weekday named after a dateline's date, behind a comma ("ANKARA | 3 October 2018, Wednesday").
_WEEKDAY_AFTER = re.compile(r"[^\S\n]*[,،]?[^\S\n]*(?P<w>[^\W\d_]+)")
#: The bracket closing a dateline's date that its city's bracket opened ("CAIRO (Sunday, 25 March 2018) —").
_CLOSING_BRACKET = re.compile(r"[^\S\n]*[)）]")
#: A colon closes a dateline after its city ("BEIRUT, Lebanon — Tuesday 3 March 2020:"); after a date opening the line
#: it is a timeline's entry ("3 يونيو 1931: ولد كاسترو").
_COLON = re.compile(r"[^\S\n]*:")
#: Words a line may have before its date: a city and its region ("GENOA, Italy,"), a Hijri date ("طهران 02 جمادى الآخرة
#: 1439 هـ الموافق"), an outlet's name; a clause before the date ("ونشرت وكالة بلومبيرغ في") is the story's.
STATED_HEAD_WORDS = 4
_TODAY = frozenset(w for w, offset in RELATIVE_DAYS.items() if offset == 0)


def _states_its_day(text: str, m: TimeMention) -> bool:
    """Does the text state ``m`` as its own day: a date the text calls today ("اليوم الخميس 9 تموز 2020", "اليوم
    (الأربعاء 20 يونيو 2018)"), or one opening its line as a dateline or timestamp does ("MOSCOW, March 6, 2018 —",
    "دمشق - 8 تموز 2020 -", "2020-07-09 10:30", "BEIRUT (Monday, 4 March 2019) -")?"""
    before = text[text.rfind("\n", 0, m.start) + 1 : m.start]
    said = normalize_arabic(f"{before.rstrip(' (（')} {m.text}".lower()).split()
    if _TODAY & set(said[-len(normalize_arabic(m.text).split()) - 1 :][:2]):
        return True
    words = _line_words_before(text, m.start)
    end = m.end
    if before.rstrip().endswith(("(", "（")) and (close := _CLOSING_BRACKET.match(text, end)):
        end = close.end()  # the date in brackets after the city: the bracket closes the date, the dateline goes on
    end = _after_weekday(text, end)
    tail = _STATED_TAIL.match(text, end) or (_COLON.match(text, end) if words else None)
    return len(words) <= STATED_HEAD_WORDS and tail is not None


def _line_words_before(text: str, start: int) -> list[str]:
    """The words (of two letters or more) its line has before ``start``: a dateline's city and region, a weekday."""
    before = text[text.rfind("\n", 0, start) + 1 : start]
    return [w for w in re.findall(r"[^\W\d_]+", before) if len(normalize_arabic(w)) > 1]


def _after_weekday(text: str, end: int) -> int:
    """Where a date ending at ``end`` ends once the weekday some datelines name after it is read with it ("3 October
    2018, Wednesday"): the weekday closes the date as it opens it elsewhere ("Wednesday, 3 October 2018")."""
    m = _WEEKDAY_AFTER.match(text, end)
    found = m and calendar_word(normalize_arabic(m["w"].lower()))
    return m.end() if found and found[0] == "weekday" else end


def _nearest_year(m: TimeMention, near: dt.date) -> dt.date:
    """A month and day with no year, in the year that puts it nearest a full date of the same text."""
    month, day = m.day_month
    options = []
    for year in (near.year - 1, near.year, near.year + 1):
        with contextlib.suppress(ValueError):  # 29 February
            options.append(dt.date(year, month, day))
    return min(options, key=lambda d: abs((d - near).days))
