"""Tense and time: does a question ask about, or a sentence tell of, something still to come; does a phrase say when?

Why a module of its own: the grammar of the future (English modals, Arabic "سوف" and the prefix "سـ" on an imperfect
verb, CLDR's "tomorrow"/"next") is language knowledge like the calendar's; the answer gate reads it (a question about
what is to come is not answered from a sentence telling of the past) and any other reader can. So is what makes a
phrase say a time at all (``states_time``): a "when" question is not answered by a clause that names none.
"""

from __future__ import annotations

import re
from functools import lru_cache

from babel import Locale
from babel.units import format_unit

from language.calendar import FUTURE_WORDS, MONTHS, PARTS_OF_DAY, RELATIVE_DAYS, WEEKDAYS
from language.normalize import normalize_arabic, strip_proclitic
from language.numerals import atoms

_TOKEN = re.compile(r"\w+", re.UNICODE)

#: Grammar that puts a clause in the future: English modals, Arabic "سوف" and the prefix "سـ" on an imperfect verb
#: ("سيزور", "ستعقد", "سنعمل"), and the calendar reader's words for a period ahead ("المقبل", "next"). Relative words
#: for days to come come from CLDR (``_cldr_future``).
_FUTURE_WORDS = frozenset({"will", "shall", "upcoming", "سوف"}) | FUTURE_WORDS
_FUTURE_PHRASES = ("going to", "'ll ")
#: What a sentence says is planned or expected ("scheduled for June 12", "من المقرر أن"): its event is to come too.
#: Only for the sentence: in a question ("What was expected of...") these ask about the past as often.
_PLANNED_WORDS = frozenset({"scheduled", "expected", "planned", "المقرر", "المقرره", "المتوقع", "المنتظر"})
_FUTURE_VERB_AR = re.compile(r"^[وف]?س[يتن][\u0621-\u064a]{2,}$")
#: Folded endings of nouns, names and numerals "سـ" also begins ("سياسه", "سيارات", "سيناء", "ستين", "سيناريو", "سياسيا").
_NOUN_ENDINGS_AR = ("ه", "ات", "اء", "ين", "يه", "و", "ا")
#: How far into the question the future may sit to be the asked event's own ("When will", "Which company will",
#: "How many drones will", "أين ستعقد"); further on it is a reported or relative clause's ("the paper that said Iran
#: will..."). Auxiliaries that put a future in the past ("كان سيعقد", "was going to") make it no future at all.
ASKED_VERB_WINDOW = 4
_PAST_AUXILIARIES = frozenset({"كان", "كانت", "كانوا", "was", "were", "would", "had"})


@lru_cache(maxsize=1)
def _cldr_future() -> frozenset[str]:
    """Folded words that CLDR's relative dates use for the next day, week, month or year and never for a past or
    present one ("tomorrow", "next"; "غدا", "القادم"), and the calendar reader's day ahead."""
    ahead, other = set(), set()
    for lang in ("en", "ar"):
        fields = Locale.parse(lang)._data["date_fields"]
        for unit in ("day", "week", "month", "year"):
            for offset, phrase in fields[unit]["relative"].items():
                (ahead if offset == 1 else other).update(_TOKEN.findall(normalize_arabic(phrase)))
    ahead |= {w for phrase, offset in RELATIVE_DAYS.items() if offset == 1 for w in phrase.split()}
    return frozenset(ahead - other)


def _future_word(word: str) -> bool:
    """A folded word that marks the future by itself."""
    if word in _FUTURE_WORDS or word in _cldr_future():
        return True
    return bool(_FUTURE_VERB_AR.match(word)) and not word.endswith(_NOUN_ENDINGS_AR)


def asks_future(question: str) -> bool:
    """Does the question ask about an event still to come ("When will X visit", "أين ستعقد الجولة")? Its future
    marker sits among its first ``ASKED_VERB_WINDOW`` words, after no past auxiliary."""
    words = _TOKEN.findall(normalize_arabic(question))[:ASKED_VERB_WINDOW]
    for n, word in enumerate(words):
        if word in _PAST_AUXILIARIES:
            return False
        if _future_word(word) or (word == "going" and words[n + 1 : n + 2] == ["to"]):
            return True
    return False


def states_future(text: str) -> bool:
    """Does the sentence speak of something to come (a future verb, "next", "tomorrow", "سوف", "المقبل", "سـ", a plan)?"""
    folded = normalize_arabic(text)
    words = _TOKEN.findall(folded)
    return any(_future_word(w) or w in _PLANNED_WORDS for w in words) or any(p in folded for p in _FUTURE_PHRASES)


#: CLDR's duration units a time may be said in, from a century down to an hour ("in the 16th century", "قبل عقد").
_TIME_UNITS = ("century", "decade", "year", "month", "week", "day", "hour")
_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=1)
def _time_words() -> frozenset[str]:
    """Folded words that name a time by themselves, in either language: CLDR's unit names in every plural form
    ("century", "قرون", "عقدان", "سنة"), its one-word relative days ("yesterday", "امس", "غدا"), and the calendar's
    months, weekdays and parts of the day. (Relative phrases' other words, "this", "last", "بعد", say no time alone.)"""
    words = set()
    for lang in ("en", "ar"):
        for unit in _TIME_UNITS:
            for count in (1, 2, 3, 11):
                words.update(_TOKEN.findall(normalize_arabic(format_unit(count, f"duration-{unit}", locale=lang, length="long")).lower()))
        words |= {normalize_arabic(p).lower() for p in Locale.parse(lang)._data["date_fields"]["day"]["relative"].values()}
    words |= {normalize_arabic(w).lower() for w in (*WEEKDAYS, *PARTS_OF_DAY, *RELATIVE_DAYS) if " " not in w}
    words |= {normalize_arabic(w).lower().split()[0] for w in MONTHS}  # "كانون" of "كانون الثاني"
    return frozenset(w for w in words if not w.isdigit())


def _decade(word: str) -> bool:
    """A decade named by its tens ("السبعينيات", "التسعينات", "seventies"): a tens number word with the plural
    ending."""
    stem = strip_proclitic(word, article=True)
    for ending, restore in (("يات", ""), ("ات", ""), ("ies", "y")):
        if stem.endswith(ending):
            atom = atoms().get(stem[: -len(ending)] + restore)
            if atom is not None and atom.value >= 20 and atom.value % 10 == 0:
                return True
    return False


def states_time(text: str) -> bool:
    """Does the phrase say a time at all: a digit (a year, a date), a unit of time, a month, a weekday, a part of the
    day, a relative day or a decade ("in the 1990s", "قبل قرنين", "منذ السبعينيات", "yesterday evening")?"""
    folded = normalize_arabic(text).lower()
    if _DIGIT.search(folded):
        return True
    names = _time_words()
    return any(_bare_time(w) in names or w in names or _decade(w) for w in _TOKEN.findall(folded))


def _bare_time(word: str) -> str:
    """An Arabic word without its article or proclitic, a dual in the oblique case read as the nominative CLDR
    writes ("بالأمس" -> "امس", "يومين" -> "يومان")."""
    bare = strip_proclitic(word, article=True)
    return bare[:-2] + "ان" if bare.endswith("ين") and len(bare) > 4 else bare
