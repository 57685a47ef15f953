"""Tense: does a question ask about, or a sentence tell of, something still to come?

Why a module of its own: the grammar of the future (English modals, Arabic "سوف" and the prefix "سـ" on an imperfect
verb, CLDR's "tomorrow"/"next") is language knowledge like the calendar's; the answer gate reads it (a question about
what is to come is not answered from a sentence telling of the past) and any other reader can.
"""

from __future__ import annotations

import re
from functools import lru_cache

from babel import Locale

from language.calendar import FUTURE_WORDS, RELATIVE_DAYS
from language.normalize import normalize_arabic

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
