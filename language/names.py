"""Persons named in Arabic and English news text, found from the words around them.

Why not a list of names: every story brings new people. What news prose does
with a person is general: a rank or an office stands before the name ("اللواء
ناصر بوريطة", "وزير الدفاع المغربي العماد سعيد الإدريسي", "Defence Minister Said
Idrissi"), a verb of saying stands next to a speaker ("وقال فلان،", "X said"),
the name is quoted or capitalised, and once named in full a person is named
again by the family name alone. The framing words are in ``language.lexicon``.

Keys: one person is one key in either script. The key is the consonant
skeleton of the family name (the last word of the name, or the compound it
closes: "نصر الله" = "Nasrallah", "عبد العزيز" = "Abdulaziz") in Latin letters, with
letters that transliterations confuse merged into one class (q/g/gh/k, th/t,
sh/s, ...), so "ناصر بوريطة", "بوريطة" and "Bourita" all key ``p:brt``.

A role without a name ("رئيس الأركان الإيراني") is a person only where the
texts at hand say who holds it: ``learn`` reads the appositives ("رئيس الأركان
الإيراني فلان الفلاني") and family names of a set of texts into a ``NameBook``;
``find_persons`` with that book names the role-only mentions and the bare
family names of other sentences.
"""

from __future__ import annotations

import json
import re
import sys
import zlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import takewhile
from pathlib import Path

import pycountry
from anyascii import anyascii

from language.calendar import MONTHS, PARTS_OF_DAY, RELATIVE_DAYS, WEEKDAYS
from language.lexicon import (
    FUNCTION_WORDS_AR,
    FUNCTION_WORDS_EN,
    HONORIFICS_AR,
    OFFICES_AR,
    ORGANISATION_WORDS_EN,
    OUTLET_WORDS_AR,
    OUTLET_WORDS_EN,
    PORTFOLIOS_EN,
    REPORTING_VERBS_AR,
    REPORTING_VERBS_EN,
    SITE_NOUNS_EN,
    TITLES_EN,
)
from language.normalize import ARABIC_LETTER, PROCLITICS_AR, normalize_arabic, under_proclitic
from language.places import find_places, places

#: Most words in a personal name ("محمد عبد الله الإدريسي").
MAX_NAME_WORDS = 4
#: Particles inside Arabic names after which an article-word continues the name ("عبد الله", "أبو القاسم").
_NAME_PARTICLES = frozenset("عبد ابو ابن بن بنت ام ذو".split())
#: What a name's word may carry before it (``_bare``): a conjunction and a preposition together ("وب", "ول", "فب", "فل"),
#: ل before the article ("لل"), one proclitic letter or ك "like"; the two-letter ones are tried first.
_PROCLITICS = ("وب", "ول", "فب", "فل", "لل", *PROCLITICS_AR, "ك")
_CALENDAR = frozenset(w for w in (*MONTHS, *WEEKDAYS, *PARTS_OF_DAY, *RELATIVE_DAYS) if " " not in w)
_TOKEN = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*|[^\w\s]", re.UNICODE)
_SOFT = set("\"'«»“”")
_COMPLEMENTISERS = frozenset("ان انه انها بان الي".split())


@dataclass(frozen=True)
class NameMention:
    """A person in text: ``key`` is the cross-script id; ``text`` the name's own words (no title).

    ``via``: "title" (after a rank or office), "speaker" (next to a verb of saying),
    "quoted", "capitalised", "known" (a family name the texts named in full), "given" (a first name
    opens it: ``named_persons``), or "role" (only an office named them, resolved through a ``NameBook``).
    """

    key: str
    text: str
    start: int
    end: int
    family: str  # folded last word of the name: same-script matching
    role: str | None = None  # folded role phrase before the name ("رييس الاركان الايراني")
    via: str = "title"


@dataclass(frozen=True)
class NameBook:
    """What a set of texts teaches about its persons: family names (and their keys, to meet them in the
    other script), and who holds which role."""

    families: frozenset[str] = frozenset()
    roles: tuple[tuple[str, str], ...] = ()  # (role key, person key)
    keys: frozenset[str] = frozenset()
    names: tuple[tuple[str, str], ...] = ()  # (person key, the fullest name the texts give)

    def name(self, key: str) -> str | None:
        """The fullest wording of the person ``key`` in these texts ("محمد حسين باقري" for the role's holder)."""
        return dict(self.names).get(key)


# ---------------------------------------------------------------- keys and romanisation

_AR_LATIN = {
    "ا": "a",
    "أ": "a",
    "إ": "i",
    "آ": "a",
    "ب": "b",
    "ت": "t",
    "ث": "th",
    "ج": "j",
    "ح": "h",
    "خ": "kh",
    "د": "d",
    "ذ": "dh",
    "ر": "r",
    "ز": "z",
    "س": "s",
    "ش": "sh",
    "ص": "s",
    "ض": "d",
    "ط": "t",
    "ظ": "z",
    "ع": "'",
    "غ": "gh",
    "ف": "f",
    "ق": "q",
    "ك": "k",
    "ل": "l",
    "م": "m",
    "ن": "n",
    "ه": "h",
    "ة": "a",
    "ى": "a",
    "ء": "'",
    "ئ": "'",
    "ؤ": "'",
    "پ": "p",
    "چ": "ch",
    "گ": "g",
    "ک": "k",
    "ی": "y",
}


def _romanise_word(word: str) -> str:
    """One Arabic word in Latin letters: و/ي are vowels between letters, the article is "al-".

    Short vowels are not written in Arabic; the one guess made is the commonest: a word that would open
    with two consonants takes an "a" between them ("خليج" → "khalij", "جديد" → "jadid"), and an opening
    ع is read as its vowel ("عبد" → "abd"), so names read as English spellings of them usually do.
    """
    if not ARABIC_LETTER.search(word):
        return anyascii(word)
    if word in _GOD:  # the name of God keeps its own spelling, not the article's "al-" + "lh"
        return "allah"
    if len(word) > 4 and word.endswith("الله"):  # written joined to the name it closes: "عبدالله", "نصرالله"
        return _romanise_word(word[:-4]) + "allah"
    prefix = ""
    if word.startswith("ال") and len(word) > 3:
        prefix, word = "al-", word[2:]
    units = []
    for i, ch in enumerate(word):
        if ch in "وي":
            prev = word[i - 1] if i else ""
            after_vowel = prev == "ا" or (
                bool(prev) and prev in "وي" and bool(units) and units[-1] in ("u", "i")
            )  # after a glide read as a consonant: a vowel
            consonant = i == 0 or after_vowel or (i + 1 < len(word) and word[i + 1] in "اوي")
            units.append(("w" if ch == "و" else "y") if consonant else ("u" if ch == "و" else "i"))
        elif latin := _AR_LATIN.get(ch, anyascii(ch)):  # a Quranic mark or other sign has no letter: no unit
            units.append(latin)
    if units and units[0] == "'":
        units[0] = "a"
    vowel = set("aiu")
    if len(units) > 2 and units[0][-1] not in vowel and units[1][0] not in vowel and units[1] != "'":
        units.insert(1, "a")
    return prefix + re.sub(r"([aiu])\1", r"\1", "".join(units))


def romanise(text: str) -> str:
    """Latin-letter form of a name for an English reader ("سعيد الإدريسي" → "S'id Al-Idrisi", "عبد الله" → "Abdullah").

    Arabic letters one by one (long vowels written, short ones unknown), other
    scripts through anyascii; each word capitalised as an English name is.
    """
    words = [_romanise_word(w) for w in text.split()]
    joined = " ".join(_capitalise(w) for w in words if w)
    return re.sub(r"\bAbd Allah\b", "Abdullah", joined)  # "servant of God" is one name in English


def _capitalise(word: str) -> str:
    if word.startswith("al-"):
        return "Al-" + _capitalise(word[3:])
    i = next((k for k, c in enumerate(word) if c.isalpha()), None)
    return word if i is None else word[:i] + word[i].upper() + word[i + 1 :]


_CLASSES = (
    ("gh", "k"),
    ("kh", "k"),
    ("ch", "s"),
    ("sh", "s"),
    ("th", "t"),
    ("dh", "d"),
    ("ph", "f"),
    ("ck", "k"),
    ("q", "k"),
    ("g", "k"),
    ("c", "k"),
    ("x", "ks"),
    ("v", "f"),
    ("p", "b"),
    ("z", "s"),
    ("j", "j"),
)


def skeleton(word: str) -> str:
    """Consonant skeleton of one name word in Latin letters: "بوريطة" and "Bourita" → "brt".

    Vowels and the glides w/y (except word-initially) are dropped, the article
    too ("al-Assad" = "الأسد" → "sd"), doubled letters merged, and letters that
    transliterations exchange share one class.
    """
    s = _romanise_word(normalize_arabic(word) if not word.isascii() else word).lower()
    s = re.sub(r"^(?:al|el)[-\s]?", "", s) if len(s) > 4 else s
    for a, b in _CLASSES:
        s = s.replace(a, b)
    head, tail = s[:1], s[1:]
    head = head if head in "wy" else ""
    s = head + re.sub(r"[^bdfjklmnrsthz]", "", tail) if head else re.sub(r"[^bdfjklmnrsthz]", "", s)
    return re.sub(r"(.)\1+", r"\1", s)


#: Words that open an Arabic compound name ("عبد الله", "Abdel Aziz", "Abd al-Rahman"): the compound is the family name,
#: its last word alone is God's name or an epithet, no one's key. A compound also ends on الله ("نصر الله" = "Nasrallah").
_COMPOUND_OPENERS = frozenset({"عبد", "abd", "abdel", "abdul", "abdal", "abdol"})
_GOD = frozenset({"الله", "allah"})


def _family_name(words: list[str]) -> str:
    """The folded family name that closes a name's words: the last word, or the compound it closes, written as one word
    ("عبد الله" → "عبدالله", "حسن نصر الله" → "نصرالله", "Abd al-Aziz" → "abdalaziz"). Why: English writes these
    compounds as one word ("Abdullah", "Nasrallah", "Abdulaziz"), so the last word alone would key them apart."""
    folded = [_family(normalize_arabic(w).lower()) for w in words]
    if len(folded) >= 3 and folded[-2] in ("al", "el") and folded[-3] in _COMPOUND_OPENERS:
        return "".join(folded[-3:])
    if len(folded) >= 2 and (folded[-2] in _COMPOUND_OPENERS or folded[-1] in _GOD):
        return folded[-2] + folded[-1]
    return folded[-1] if folded else ""


def person_key(name: str) -> str:
    """The key of the person ``name`` names: the skeleton of its family name (``_family_name``: the last word, or the
    compound it closes, "Nasrallah" = "نصر الله"), an English one first respelt as Arabic writes it (``respell``) and
    without a possessive ("Laden's" is Laden)."""
    words = [without_possessive(w) for w in _TOKEN.findall(name.replace("-", " ")) if w[0].isalnum()]
    if not words:
        return ""
    return "p:" + skeleton(respell(_family_name(words)))


_POSSESSIVE = re.compile(r"(?<=[A-Za-z])['’]s$")


def without_possessive(word: str) -> str:
    """An English word less its possessive ending ("Laden's" → "Laden"): whose it is is no part of the name."""
    return _POSSESSIVE.sub("", word)


#: Where the learned respellings live (``learn_spellings``; ``python -m language.names --spellings XQuAD.jsonl``).
_SPELLINGS = Path(__file__).with_name("name_spellings.json")


@lru_cache(maxsize=1)
def _spellings() -> tuple[tuple[re.Pattern[str], str], ...]:
    rules = json.loads(_SPELLINGS.read_text(encoding="utf-8"))["rules"]
    return tuple((re.compile(pattern), replacement) for pattern, replacement in rules)


def respell(word: str, rules: Iterable[tuple[re.Pattern[str], str]] | None = None) -> str:
    """An English-spelt name word in lower case, its letters rewritten as Arabic writes them ("Johnson" → "junson": جونسون,
    "Pence" → "pense": بنس), by rules learned from parallel text (``learn_spellings``). Why: the skeleton's letter
    classes are one fixed guess at the sound; how English letters in context come out in Arabic is in the data.
    Words in other scripts are returned as they are."""
    if not word.isascii():
        return word
    out = word.lower()
    for pattern, replacement in _spellings() if rules is None else rules:
        out = pattern.sub(replacement, out)
    return out


# ---------------------------------------------------------------- tokens


@dataclass(frozen=True)
class _Tok:
    text: str  # original
    fold: str  # folded, lower case
    start: int
    end: int
    word: bool
    place: bool  # inside a country, city or demonym CLDR names


def _tokens(text: str) -> list[_Tok]:
    places = [(p.start, p.end) for p in find_places(text)]
    out = []
    for m in _TOKEN.finditer(text):
        s, e = m.span()
        word = m.group(0)[0].isalnum()
        out.append(_Tok(m.group(0), normalize_arabic(m.group(0)), s, e, word, any(a <= s < b for a, b in places)))
    return out


def _bare(fold: str) -> str:
    """A folded word less what ``_PROCLITICS`` joins before it ("وبحضور" → "حضور", "كرييس" → "رييس") where three
    characters or more remain; else the word.

    Why not ``language.normalize.strip_proclitic`` (one letter, two left): the office, rank and calendar words checked
    here are written after two proclitics ("ولوزير") or ك ("كرئيس"), and a rest of two is the word's own letters
    ("ولي" stays whole)."""
    for p in _PROCLITICS:
        if fold.startswith(p) and len(fold) - len(p) >= 3:
            return fold[len(p) :]
    return fold


def _is(fold: str, words: frozenset[str] | set[str]) -> bool:
    """Is the word (with or without a proclitic, or the article) one of ``words``?"""
    bare = _bare(fold)
    if fold in words or bare in words:
        return True
    if ("ال" + fold) in words or (fold.startswith("لل") and ("ال" + fold[2:]) in words):
        return True
    return any(w.startswith("ال") and w[2:] in words for w in (fold, bare))  # "الرئيس", "والرئيس", "بالرئيس"


def _folded(words: Iterable[str]) -> frozenset[str]:
    return frozenset(normalize_arabic(w) for w in words)


_REPORTING = _folded(REPORTING_VERBS_AR)
_HONORIFICS = _folded(HONORIFICS_AR)
_OFFICES = _folded(OFFICES_AR)
_OUTLET_WORDS = _folded(OUTLET_WORDS_AR)
_FUNCTION = _folded(FUNCTION_WORDS_AR)


def _arabic_name_word(t: _Tok) -> bool:
    """Could this token be part of an Arabic personal name? (Not whether it is one.)"""
    f = t.fold
    if not t.word or t.place or t.text.isascii() or len(f) < 2 or any(c.isdigit() for c in f):
        return False
    if f in _FUNCTION or f in _CALENDAR or _bare(f) in _CALENDAR or _is(f, _REPORTING):
        return False
    return not (_is(f, _HONORIFICS) or _is(f, _OFFICES) or _is(f, _OUTLET_WORDS))


def _article(f: str) -> bool:
    return f.startswith(("ال", "لل", "وال", "بال", "فال", "كال"))


def _name_run(toks: list[_Tok], i: int, lead_article: bool = False) -> list[_Tok]:
    """The Arabic name starting at token ``i`` (quotes skipped): at most ``MAX_NAME_WORDS`` name-like words.

    An article word ends the name ("بشار الأسد") unless a particle calls for it ("عبد الله"); a word
    with و after the first is the next conjunct ("بوريطة ووزير"), not the name.
    """
    run: list[_Tok] = []
    while i < len(toks) and len(run) < MAX_NAME_WORDS:
        t = toks[i]
        if not t.word:
            if t.text in _SOFT and not run:
                i += 1
                continue
            break
        if len(run) >= 2 and t.fold.endswith(("يه", "ات")) or len(run) >= 2 and len(t.fold) >= 5 and t.fold.endswith("ا"):
            break  # "ناصر بوريطة اتفاقية": a feminine noun or an accusative after a full name is the verb's object
        if t.fold == "علي" and i + 1 < len(toks) and _article(toks[i + 1].fold):
            break  # folded على before its noun ("على التفاوض"): the preposition, not the name
        if run and t.fold in _nouns_and_names()[2]:
            break  # a frequent word the corpus never writes as a family name ("علي أيوب لتعزيز"): the clause goes on
        if not _arabic_name_word(t) or (
            run and t.fold.startswith("و") and not t.fold.startswith("وو") and len(run) >= 1 and _bare(t.fold) != t.fold
        ):
            break
        if _article(t.fold):
            if t.fold.startswith("ال") and (run and run[-1].fold in _NAME_PARTICLES):
                run.append(t)
                i += 1
                continue
            if (run or lead_article) and t.fold.startswith("ال"):
                run.append(t)
            break
        run.append(t)
        i += 1
    return run


def _next_word(toks: list[_Tok], i: int) -> int:
    """Index of the first token at or after ``i`` that is not a quote mark."""
    while i < len(toks) and not toks[i].word and toks[i].text in _SOFT:
        i += 1
    return i


def _closed(toks: list[_Tok], j: int) -> bool:
    """Does the text break (punctuation, end, a quote, a function word, a complementiser) at token ``j``?"""
    if j >= len(toks):
        return True
    t = toks[j]
    return not t.word or t.fold in _FUNCTION or t.fold == "علي" or _bare(t.fold) in _COMPLEMENTISERS or _is(t.fold, _REPORTING)


def _role_end(toks: list[_Tok], i: int) -> int:
    """Past the role phrase that an office word at ``i`` heads ("رئيس هيئة الأركان العامة للقوات المسلحة الإيرانية").

    Article words, places and demonyms belong to it; a bare noun only right after the
    office or another bare noun, and only when an article word follows (a construct:
    "هيئة الأركان", "دفاع النظام") — a bare word after an article word begins the name.
    """
    j = i + 1
    bare_ok = not _article(toks[i].fold)  # "الرئيس" takes no genitive: a bare word after it is a name
    while j < len(toks) and toks[j].word:
        t = toks[j]
        if _is(t.fold, _HONORIFICS) and not _is(t.fold, _OFFICES) and t.fold not in {"الرييس", "الوزير"}:
            break
        if t.fold.startswith("و") and j > i + 1:
            break
        if _article(t.fold) or (t.place and bare_ok):
            if t.fold in _FUNCTION or _is(t.fold, _REPORTING) or _bare(t.fold) in _CALENDAR:
                break
            bare_ok = False
            j += 1
            continue
        nxt = toks[j + 1] if j + 1 < len(toks) else None
        if bare_ok and nxt is not None and nxt.word and _article(nxt.fold) and _arabic_name_word(t):
            j += 1
            continue
        break
    return j


def _role_key(toks: list[_Tok], i: int, j: int) -> str:
    words = [toks[i].fold] + [t.fold for t in toks[i + 1 : j]]
    words[0] = words[0] if words[0] in _OFFICES | _HONORIFICS else _bare(words[0])
    if words[0].startswith("ال"):
        words[0] = words[0][2:]
    return "r:" + " ".join(words)


def _mention(text: str, run: list[_Tok], role: str | None, via: str) -> NameMention:
    s, e = run[0].start, run[-1].end
    return NameMention(person_key(text[s:e]), text[s:e], s, e, _family_name([t.fold for t in run]), role, via)


def _family(fold: str) -> str:
    """A folded family name less a conjunction ("وبوريطة" → "بوريطة", "فالأسد" → "الأسد"); other letters may be the
    name's own: ف opens foreign names ("فاراداي" is Faraday) far more often than it joins a bare name."""
    return fold[1:] if (fold[:1] == "و" or fold.startswith("فال")) and len(fold) > 4 and not fold.startswith("وو") else fold


#: A role or rank in text: (role key, start, end, the key of the person it names right there, if any).
_RoleSpan = tuple[str, int, int, "str | None"]


def _arabic_persons(text: str, toks: list[_Tok]) -> tuple[list[NameMention], list[_RoleSpan]]:
    """Named persons by rank, office, quotes and verbs of saying; and role-only mentions (role key, start, end)."""
    found: list[NameMention] = []
    roles: list[_RoleSpan] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if (not t.word and t.text not in _SOFT) or t.text.isascii() and t.word:
            i += 1
            continue
        office = _is(t.fold, _OFFICES) or t.fold in {"الرييس", "الوزير", "الرييسه", "الوزيره", "رييس", "وزير"}
        honorific = _is(t.fold, _HONORIFICS)
        if office:
            j = _role_end(toks, i)
            role = _role_key(toks, i, j)
            k = _next_word(toks, j)
            quoted = k > j
            after_comma = False
            if k < len(toks) and not toks[k].word and toks[k].text in "،," and j > i + 1:
                k, after_comma = _next_word(toks, k + 1), True
                quoted = quoted or (k > 0 and not toks[k - 1].word and toks[k - 1].text in _SOFT)
            ranked = k < len(toks) and toks[k].word and _is(toks[k].fold, _HONORIFICS) and not _is(toks[k].fold, _OFFICES)
            rank_end = toks[k].end if ranked else toks[j - 1].end
            if ranked:
                k = _next_word(toks, k + 1)
            run = _name_run(toks, k)
            end = k + len(run)
            ok = bool(run) and (ranked or quoted or len(run) >= 2 or _closed(toks, _next_word(toks, end)))
            if after_comma:
                ok = bool(run) and _closed(toks, _next_word(toks, end)) and (ranked or not _is(run[0].fold, _REPORTING))
            if ok:
                found.append(_mention(text, run, role, "title"))
                roles.append((role, toks[i].start, rank_end, found[-1].key))
                i = end
                continue
            if j > i + 1:
                roles.append((role, toks[i].start, toks[j - 1].end, None))
            i = max(j, i + 1)
            continue
        if honorific:
            run = _name_run(toks, _next_word(toks, i + 1))
            if run:
                found.append(_mention(text, run, None, "title"))
                roles.append(("r:" + _bare(t.fold), t.start, t.end, found[-1].key))  # the rank goes with the name
                i = toks.index(run[-1]) + 1
                continue
        if _is(t.fold, _REPORTING) and t.fold not in {"قايلا", "مضيفا"}:
            k = _next_word(toks, i + 1)
            run = _name_run(toks, k, lead_article=True)
            if run and run[0].fold == "علي":
                run = []  # "يؤكد على": the preposition after the verb
            if run and not (_article(run[0].fold) and not _closed(toks, k + 1)):
                run = run if _closed(toks, _next_word(toks, k + len(run))) else run[:1]
                if not (_article(run[0].fold) and len(run) == 1 and not _closed(toks, k + 1)):
                    found.append(_mention(text, run, None, "speaker"))
                    i = k + len(run)
                    continue
        if t.text in _SOFT and i + 1 < len(toks):
            prev = toks[i - 1] if i else None
            run = _name_run(toks, i + 1)
            close = i + 1 + len(run)
            after_outlet = prev is not None and prev.word and (_is(prev.fold, _OUTLET_WORDS) or _is(prev.fold, _REPORTING))
            if (
                run
                and close < len(toks)
                and toks[close].text in _SOFT
                and not after_outlet
                and not any(_article(r.fold) or _possessed_noun(r.text, r.fold) for r in run)  # "طويلة الأمد", "حل مشاكله"
                and not (len(run) == 1 and run[0].fold.endswith(("يه", "ات")))
            ):
                found.append(_mention(text, run, None, "quoted"))
                i = close + 1
                continue
        i += 1
    return found, roles


@lru_cache(maxsize=1)
def _country_heads() -> frozenset[str]:
    """First four letters of every CLDR country name in English: "Iranian" starts like Iran."""
    return frozenset(normalize_arabic(p.en)[:4] for p in places().values() if p.kind == "country" and len(p.en) >= 4)


def _english_demonym(word: str) -> bool:
    """ "Iranian", "Moroccan", "Turkish", "Israeli": shaped like a nationality adjective, not a name. Looser than
    ``demonym_country`` on purpose: a word that only may be one does not start a person's name."""
    w = normalize_arabic(word)
    return w.endswith(("ian", "ean", "an", "ese", "ish", "i", "ic")) and w[:4] in _country_heads()


#: Shortest stem a demonym is read from ("Iran|ian").
_MIN_DEMONYM_STEM = 4
#: English demonym endings and, for each, the endings that turn what is left back into a country's name ("Iran|ian",
#: "Ital|ian" → "Ital|y", "Leban|ese" → "Leban|on", "Turk|ish" → "Turk|ey", "Portug|uese" → "Portug|al", "Peru|vian" → "Peru", "Afghan" → "Afghan|istan"): morphology;
#: the names themselves are CLDR's (and the tz database's, ``language.places.tz_aliases``). Paired, not crossed:
#: "Franc|is" would read as France.
_DEMONYM_ENDINGS: dict[str, tuple[str, ...]] = {
    "ian": ("", "a", "ia", "y", "e", "o", "ium"),
    "ese": ("", "a", "on", "o"),
    "uese": ("al",),
    "vian": ("",),
    "ish": ("ey", "en"),
    "an": ("", "a", "o", "y", "any"),
    "ic": ("",),
    "n": ("",),
    "i": ("", "a", "ia"),
    "": ("istan", "stan"),
}


#: A demonym several countries share names the most populous only when it has this many times the people of the next
#: ("French": France, not French Polynesia; "Dominican": the Dominican Republic, not Dominica).
_DEMONYM_MARGIN = 10


@lru_cache(maxsize=1)
def _listed_demonyms() -> dict[str, str]:
    """English demonyms the countryinfo package lists (mledoze's country data), one word each, lower case → CLDR id.

    The irregular ones no ending reads ("French", "British", "Dutch", "Swiss", "Greek", "Emirati", "Thai",
    "Norwegian"); one that is a country's name ("Christmas Island") is none."""
    from countryinfo import CountryInfo

    ids = {p.id for p in places().values() if p.kind == "country"}
    seen: dict[str, list[tuple[int, str]]] = {}
    for info in CountryInfo.all().values():
        code, name = (info.get("ISO") or {}).get("alpha2"), info.get("name") or ""
        for demonym in (info.get("demonym") or "").split(","):
            demonym = demonym.strip()
            if code in ids and demonym.isalpha() and demonym.lower() != name.lower():
                seen.setdefault(demonym.lower(), []).append((info.get("population") or 0, code))
    out = {}
    for word, found in seen.items():
        (most, code), *rest = sorted(found, reverse=True)
        if not rest or most >= _DEMONYM_MARGIN * rest[0][0]:
            out[word] = code
    return out


@lru_cache(maxsize=4096)
def demonym_country(word: str) -> str | None:
    """The CLDR id of the country an English demonym names ("Iranian", "Iranians" → IR, "Chinese" → CN, "Turkish" →
    TR): the word less a demonym ending, plus a name ending, is the country's English name, the longest first
    ("Nigerian" is Nigeria's, not Niger's). Why: CLDR lists no English demonyms, and "the Iranian chief of staff"
    must find "الإيراني" as "Iran" finds "إيران". The demonyms countryinfo lists come first (the irregular
    "French", "Dutch"). Not a country's name itself ("Iran"), a word that merely starts like one ("Christian",
    "Roman"), nor the first word of a longer name ("American" alone is read from countryinfo's list, not as "America")."""
    word = word[:-1] if word.endswith(("ns", "is")) else word  # "Iranians", "Iraqis"
    if not word[:1].isupper() or not word.isalpha():
        return None
    if listed := _listed_demonyms().get(word.lower()):
        return listed
    names = {
        word[: len(word) - len(e)] + b
        for e, bases in _DEMONYM_ENDINGS.items()
        if word.endswith(e) and len(word) - len(e) >= _MIN_DEMONYM_STEM
        for b in bases
    }
    for name in sorted(names, key=len, reverse=True):
        found = find_places(name, demonyms=False)
        if found and found[0].text == name and found[0].kind == "country":
            return found[0].id
    return None


_EN_SEQ = re.compile(
    r"(?:[A-Z][\w'’\-]*\.?|(?:al|el|bin|ibn|abu|de|van|von)-[A-Z][\w'’\-]*)"
    r"(?:\s+(?:(?:al|el|bin|ibn|abu|de|van|von|der|da)[\s-])?[A-Z][\w'’\-]*\.?)*"
)
_EN_VERB = "|".join(REPORTING_VERBS_EN)
#: Title words that head an office ("minister", not "foreign"): a lower-case role needs one.
_EN_OFFICE_HEADS = frozenset(
    "minister president secretary chief spokesman spokeswoman spokesperson ambassador envoy general "
    "commander director governor premier king queen prince emir".split()
)
_EN_TITLE_WORDS = "|".join(sorted(TITLES_EN, key=len, reverse=True))
#: "France's foreign minister", "armed forces chief of staff", "minister of defence": a role in lower case.
_EN_ROLE = re.compile(
    r"(?:\b[A-Z][\w-]*(?:'s|’s)\s+)?(?:\b(?:%s)\s+){0,3}\b(?P<head>%s)\b(?:\s+of\s+(?:the\s+)?(?:%s)\b)?"
    % (_EN_TITLE_WORDS, "|".join(sorted(_EN_OFFICE_HEADS, key=len, reverse=True)), _EN_TITLE_WORDS),
    re.I,
)


#: An ISO 3166-2 subdivision kind names a site when this many subdivisions are of it ("Province", "Governorate").
_MIN_SUBDIVISION_KIND = 5


@lru_cache(maxsize=1)
def _site_heads() -> frozenset[str]:
    """``SITE_NOUNS_EN`` and the common one-word ISO 3166-2 subdivision kinds ("Province", "Governorate"), lower case."""
    kinds = Counter(s.type.lower() for s in pycountry.subdivisions)
    return SITE_NOUNS_EN | {k for k, n in kinds.items() if n >= _MIN_SUBDIVISION_KIND and k.isalpha()}


def _in_capitals(words: list[str]) -> bool:
    """Words all in capitals ("MANCHESTER", "COLOGNE |"): a dateline or an acronym; news prints a person's name so only
    after a title, if ever."""
    return bool(words) and all(sum(c.isalpha() for c in w) >= 2 and w.isupper() for w in words)


def _names_a_site(words: list[str]) -> bool:
    """Do capitalised words close on a noun of a site ("Meskel Square", "Gaza City", "Idlib Governorate")?"""
    return bool(words) and words[-1].rstrip(".").lower() in _site_heads()


def _english_persons(text: str) -> tuple[list[NameMention], list[_RoleSpan]]:
    """Capitalised sequences that a title heads or a verb of saying frames, or that hold a first and a last name."""
    found: list[NameMention] = []
    roles: list[_RoleSpan] = []
    places = [(p.start, p.end) for p in find_places(text)]
    for m in _EN_SEQ.finditer(text):
        words = list(re.finditer(r"\S+", m.group(0)))
        base = m.start()
        lower = [w.group(0).rstrip(".").lower() for w in words]
        last_title = max((k for k, w in enumerate(lower) if w in TITLES_EN), default=-1)
        name = words[last_title + 1 :]
        while name and (
            name[0].group(0).lower() in FUNCTION_WORDS_EN
            or _english_demonym(name[0].group(0))
            or any(a <= base + name[0].start() < b for a, b in places)
        ):
            name = name[1:]
        if (
            any(w.group(0).rstrip(".").lower() in ORGANISATION_WORDS_EN | OUTLET_WORDS_EN for w in name)
            or (last_title < 0 and _in_capitals([w.group(0) for w in name]))
            or _names_a_site([w.group(0) for w in name])
            or any(a <= base + w.start() < b for w in name for a, b in places)
            or any(w.group(0).lower() in _CALENDAR for w in name)
        ):
            continue
        if not name:
            if last_title >= 0:
                s, e = base + words[0].start(), base + words[last_title].end()
                roles.append(("r:" + " ".join(lower[: last_title + 1]), s, e, None))
            continue
        s, e = base + name[0].start(), base + name[-1].end()
        if text[e - 1] == "." and e - s > 2 and text[e - 3] != ".":
            e -= 1  # the sentence's full stop, not an initial ("J.")
        before, after = text[:s], text[e:]
        # "X said" / "..., said X." (the speaker closes the clause; "said Turkey should" is the said thing)
        speaker = bool(
            re.search(rf"\b(?:{_EN_VERB})\s+$", before)
            and re.match(r"\s*(?:[,.;:]|$)", after)
            or re.match(rf"\s*,?\s+(?:{_EN_VERB})\b", after)
        )
        sentence_start = not before.strip() or before.rstrip()[-1:] in '.!?:"“'
        if last_title < 0 and not speaker and len(name) < 2 and not sentence_start:
            continue  # one capitalised word inside a sentence: a name only with a title, a verb of saying, or known
        if last_title < 0 and not speaker and len(name) == 1 and sentence_start and name[0].group(0).lower() in FUNCTION_WORDS_EN:
            continue
        words_text = text[s:e]
        role = "r:" + " ".join(lower[: last_title + 1]) if last_title >= 0 else None
        via = "title" if last_title >= 0 else "speaker" if speaker else "capitalised"
        family = _family_name(re.split(r"[\s-]", words_text))
        found.append(NameMention(person_key(words_text), words_text, s, e, family, role, via))
        if last_title >= 0:
            roles.append((role, base + words[0].start(), base + words[last_title].end(), found[-1].key))
    for m in _EN_ROLE.finditer(text):  # "France's foreign minister": a role in lower case, named or not
        if m.group("head").lower() in _EN_OFFICE_HEADS and not any(a < m.end() and m.start() < b for _, a, b, _ in roles):
            roles.append(("r:" + " ".join(m.group(0).lower().split()), m.start(), m.end(), None))
    return found, roles


# ---------------------------------------------------------------- public


def _strong(text: str) -> tuple[list[NameMention], list[_RoleSpan]]:
    if not text.strip():
        return [], []
    ar, ar_roles = _arabic_persons(text, _tokens(text))
    en, en_roles = _english_persons(text)
    return ar + en, ar_roles + en_roles


def _teaches_family(m: NameMention) -> bool:
    """Is this mention sure enough that its last word, met alone elsewhere, is the same person?

    Not a lone article word after a verb of saying ("وقال الجانبان"), not a quoted phrase (scare quotes:
    "حل مشاكله"), not a lone capitalised word, and never a word that is also a particle once folded (على).
    """
    if len(m.family) < 3 or m.family in _FUNCTION or m.family == "علي":
        return False
    single = " " not in m.text.strip()
    if m.via == "capitalised":
        return not single
    if m.via == "quoted":
        return single and not _article(m.family)
    if m.via == "speaker":
        return not (single and _article(m.family))
    return True


def _unglued(found: list[NameMention], known: Iterable[str] = ()) -> list[NameMention]:
    """The mentions less a word glued onto a name that other mentions (or ``known`` names) end before it.

    Why: a name after a title runs on through bare words, so "وزير الداخلية إحسان إقبال ينتمي إلى" takes the verb
    for the family name. Across articles a person is named again and again; where another mention ends the same
    name earlier ("إحسان إقبال الأحد") and the extra word is in no other mention, that word is the clause, not the
    name. A word that two mentions carry ("كريم نصار سعيد" twice) is the name's own.
    """
    texts = [normalize_arabic(t).lower() for t in (*(m.text for m in found), *known)]
    names = set(texts)
    uses = Counter(w for t in texts for w in t.split())
    out = []
    for m in found:
        spans = list(re.finditer(r"\S+", m.text))
        words = [normalize_arabic(w.group(0)).lower() for w in spans]
        k = next((k for k in range(len(words) - 1, 1, -1) if " ".join(words[:k]) in names and all(uses[w] == 1 for w in words[k:])), 0)
        if not k:
            out.append(m)
            continue
        end = m.start + spans[k - 1].end()
        out.append(
            NameMention(
                person_key(m.text[: spans[k - 1].end()]), m.text[: spans[k - 1].end()], m.start, end, _family_name(words[:k]), m.role, m.via
            )
        )
    return out


def _book(found: list[NameMention]) -> NameBook:
    """What these mentions teach (``learn``)."""
    families: set[str] = set()
    keys: set[str] = set()
    roles: dict[str, str] = {}
    names: dict[str, str] = {}
    for m in found:
        if _teaches_family(m):
            families.add(m.family)
            keys.add(m.key)
            if len(m.text) > len(names.get(m.key, "")):
                names[m.key] = m.text
        if m.role and m.via == "title" and " " in m.role:  # one office word ("الرئيس") is not one post
            roles.setdefault(m.role, m.key)
    return NameBook(frozenset(families), tuple(roles.items()), frozenset(keys), tuple(names.items()))


def learn(texts: Iterable[str]) -> NameBook:
    """Family names named in full, and role → person links read from appositives, across ``texts``."""
    return _book(_unglued([m for text in texts for m in _strong(text)[0]]))


def _known_compound(toks: list[_Tok], i: int, families: frozenset[str], taken: list[tuple[int, int]]) -> NameMention | None:
    """The known compound family name (``_family_name``) that token ``i`` closes with the word before it ("عبد المهدي"
    once "عادل عبد المهدي" was named): met alone again, the two words together are the person."""
    prev = toks[i - 1] if i else None
    if prev is None or not prev.word or any(s <= prev.start < e for s, e in taken):
        return None
    family = _family_name([prev.text, toks[i].text])
    if family == _family_name([toks[i].text]) or family not in families:
        return None
    return NameMention(
        person_key(f"{prev.text} {toks[i].text}"), f"{prev.text} {toks[i].text}", prev.start, toks[i].end, family, None, "known"
    )


def find_persons(text: str, book: NameBook | None = None, roles: bool = True, unresolved: bool = False) -> list[NameMention]:
    """Persons in ``text``, in order, spans in the original: named ones, bare family names the text or
    ``book`` knows, and (``roles``) role-only mentions that the text or ``book`` ties to a person
    (``unresolved``: the others too, with an empty key: someone is there, nobody knows who)."""
    strong, role_spans = _strong(text)
    found = _unglued(strong, dict(book.names).values() if book else ())
    renamed = {a.key: b.key for a, b in zip(strong, found) if a.key != b.key}
    own = _book(found)
    families = own.families | (book.families if book else frozenset())
    keys = own.keys | (book.keys if book else frozenset())
    links = {**dict(book.roles if book else ()), **dict(own.roles)}
    taken = [(m.start, m.end) for m in found]
    toks = _tokens(text)
    for i, t in enumerate(toks):
        if not t.word or any(s <= t.start < e for s, e in taken):
            continue
        if compound := _known_compound(toks, i, families, taken):
            found.append(compound)
            taken.append((compound.start, compound.end))
            continue
        forms = {t.fold} if t.text.isascii() else {t.fold, _family(t.fold), _bare(t.fold)}
        bare = next((f for f in forms if f in families), None)
        key = person_key(bare) if bare else person_key(_family(t.fold) if not t.text.isascii() else t.text)
        # the other script: a capitalised word, or an Arabic word of three consonants or more, with a known key
        other_script = key in keys and not t.place and (t.text[:1].isupper() if t.text.isascii() else len(key) >= 5)
        if (bare or other_script) and (not t.text.isascii() or t.text[:1].isupper()) and _family(t.fold) not in _FUNCTION:
            found.append(NameMention(key, t.text, t.start, t.end, bare or t.fold, None, "known"))
            taken.append((t.start, t.end))
    if roles:
        for role, s, e, named in role_spans:
            key = renamed.get(named, named) if named else links.get(role, "")
            if (key or unresolved) and not any(a < e and s < b for a, b in taken):
                found.append(NameMention(key, text[s:e], s, e, "", role, "role"))
    return sorted(found, key=lambda m: m.start)


#: What a question asks a person's post or rank by ("What post did X hold?", "ما منصب X؟", "ما رتبة X؟"); not "role"
#: ("what role will Iran play") nor "title" (a book's): their answer is the role phrase the text writes before the name.
#: Singular and not before "on"/"about": "positions" are places held, a "position on" something is a stance.
_ROLE_ASKED_EN = re.compile(r"\b(?:post|position|rank|job|occupation)\b(?!\s+(?:on|about|toward|towards|regarding)\b)", re.IGNORECASE)
_ROLE_ASKED_AR = ("منصب", "رتبه", "رتبت", "وظيفه", "وظيفت", "مهنه", "مهنت")


_PORTFOLIO_EN = re.compile(rf"\b({'|'.join(sorted(PORTFOLIOS_EN))}) (?:minister|secretary)\b", re.IGNORECASE)
_PORTFOLIO_AR = re.compile(r"(?<!\w)[وفبل]?(?:ال)?وزير(?:ه)? (ال\w+)")


def asked_portfolio(question: str) -> str | None:
    """The portfolio of the minister a question names ("Who is Iran's foreign minister?" -> "foreign", "من هو وزير
    الخارجية الإيراني؟" -> "الخارجيه", folded); None for none, and for an adjective of nationality after the office
    ("الوزير الإيراني": a demonym, ``find_places``). Why: the office noun alone takes a defence minister's name for the
    foreign minister asked about."""
    if m := _PORTFOLIO_EN.search(question):
        return m.group(1).lower()
    m = _PORTFOLIO_AR.search(normalize_arabic(question))
    return m.group(1) if m and not find_places(m.group(1)) else None


def asks_role(question: str) -> str | None:
    """What a question asks of a person: "rank" ("what rank", "ما رتبة") or "post" (``_ROLE_ASKED_EN``,
    ``_ROLE_ASKED_AR``, folded, with the article and a pronoun suffix: "منصبه"); None for neither."""
    m = _ROLE_ASKED_EN.search(question)
    if m:
        return "rank" if m.group(0).lower().startswith("rank") else "post"
    for t in _tokens(question):
        w = _bare(t.fold).removeprefix("ال") if t.word else ""
        if w.startswith(_ROLE_ASKED_AR) and len(w) <= 7:
            return "rank" if w.startswith("رتب") else "post"
    return None


#: Fewest consonants of a lone word's key for it to stand for a family name (``family_keys``): "Safadi" (sfd), not "Ali" (l).
_MIN_FAMILY_SKELETON = 3


def family_keys(question: str, cased: bool = True) -> frozenset[str]:
    """Person keys a question may name: its named persons' and, since a question often names a person by the family
    name alone ("What is Safadi's post?", "ما منصب الصفدي؟"), every word that could be one (a capitalised English
    word, or any with ``cased`` off; an Arabic word no function word) whose key has at least ``_MIN_FAMILY_SKELETON``
    consonants."""
    keys = {n.key for n in named_persons(question)}
    for t in _tokens(question):
        word = without_possessive(t.text)
        if t.word and ((word[:1].isupper() or not cased) if word.isascii() else t.fold not in _FUNCTION):
            key = person_key(word)
            if len(key) - len("p:") >= _MIN_FAMILY_SKELETON:
                keys.add(key)
    return frozenset(keys)


@lru_cache(maxsize=4096)
def persons_asked_about(question: str, text: str) -> tuple[NameMention, ...]:
    """The persons ``text`` names by name whom ``question`` names too, in either script and either case: a question
    word's key is one of the name's words' (``person_key``: "Bagheri", "bagheri" and "باقري" are all one; a name run
    may hold a given name or a word after the name). Why: the learned bridge carries no names, so over a quote in the
    other language the person a question is about looked like a word the question does not have, which is what an
    answer looks like. Only the text's named persons are matched: a common word's skeleton may be a name's ("forces" /
    "فارس")."""
    keys = family_keys(question, cased=False)
    words = {t.fold for t in _tokens(question) if t.word}
    return tuple(
        m
        for m in named_persons(text)
        if m.key in keys or any(person_key(w) in keys for w in _TOKEN.findall(m.text)) or _short_family_named(m.family, words)
    )


#: How like a question's word a short family name must sound, romanised, to be the one it names ("ayub" / "ayoub" 0.89).
SHORT_FAMILY_LIKENESS = 0.8


def _short_family_named(family: str, words: set[str]) -> bool:
    """Does an English question (its folded words) name an Arabic family whose key is too short to tell it from common
    words (``_MIN_FAMILY_SKELETON``: "أيوب" and "Ayoub" are both "p:b", so is "by")? By a word of the same key that
    sounds like the romanised name (``SHORT_FAMILY_LIKENESS``). Not within one script: a short Arabic family written in
    an Arabic question is as often another word ("لاعب") or a namesake ("بوش")."""
    key, roman = person_key(family), romanise(family).lower().removeprefix("al-")
    return any(
        w.isascii() and len(w) > 2 and person_key(w) == key and SequenceMatcher(None, roman, w).ratio() >= SHORT_FAMILY_LIKENESS
        for w in words
    )


def _rank_word(fold: str) -> bool:
    """A rank or honorific written before a name ("اللواء", "العماد"), not an office that heads a role."""
    return _is(fold, _HONORIFICS) and not _is(fold, _OFFICES)


def roles_of(text: str, keys: frozenset[str], rank: bool = False) -> list[tuple[int, int]]:
    """Spans of the role phrases (office and rank: "وزير الخارجية الأردني", "قائد الجيش العميد") that
    ``text`` writes right before the persons ``keys`` name, a leading conjunction or preposition left out ("ووزير" →
    "وزير"); ``rank``: only the rank that closes such a phrase ("العميد"), and only phrases holding one."""
    out = []
    for m in find_persons(text):
        if m.via != "role" or m.key not in keys:
            continue
        words = [t for t in _tokens(text[m.start : m.end]) if t.word]
        if rank:
            words = words[next((i for i, t in enumerate(words) if _rank_word(t.fold)), len(words)) :]
        if not words:
            continue
        start = m.start + words[0].start
        bare = _bare(words[0].fold)
        if bare != words[0].fold and (_is(bare, _OFFICES) or _is(bare, _HONORIFICS)):
            start += len(words[0].fold) - len(bare)
        out.append((start, m.end))
    return out


def speaker_name(party: str) -> NameMention | None:
    """The person a party names ("مدير مكتب ... "سعيد الإدريسي"", "بوريطة", "Gen. X"): the last one found,
    else the party itself when all its words could be a name (a bare speaker, "وقال بوريطة"). Never words
    that news text uses as common nouns ("شرطة هاكني", "مصادر رسمية": ``describes``)."""
    found = [m for m in find_persons(party, roles=False) if m.via != "role" and not describes(_evidence_words(m))]
    if found:
        return _from_given_name(party, found[-1])
    toks = [t for t in _tokens(party) if t.word]
    if not toks:
        return None
    if all(t.text.isascii() for t in toks):
        if len(toks) > MAX_NAME_WORDS:
            return None
        if not _names_a_site([t.text for t in toks]) and all(
            t.text[:1].isupper()
            and t.fold not in FUNCTION_WORDS_EN
            and t.fold not in TITLES_EN
            and not _english_demonym(t.text)
            and t.fold not in ORGANISATION_WORDS_EN
            and not t.place
            for t in toks
        ):
            return NameMention(
                person_key(party[toks[0].start : toks[-1].end]),
                party[toks[0].start : toks[-1].end],
                toks[0].start,
                toks[-1].end,
                _family_name([t.fold for t in toks]),
                None,
                "speaker",
            )
        return None
    run = _name_run(toks, 0)
    if len(run) == len(toks) and not (len(run) == 1 and _article(run[0].fold)) and not describes(party):
        return _mention(party, run, None, "speaker")
    for i in range(max(0, len(toks) - MAX_NAME_WORDS), len(toks) - 1):  # the party ends with a full name
        tail = _name_run(toks, i)
        if len(tail) >= 2 and i + len(tail) == len(toks) and not describes(party[tail[0].start : tail[-1].end]):
            return _from_given_name(party, _mention(party, tail, None, "speaker"))
    return None


def _from_given_name(text: str, m: NameMention) -> NameMention:
    """A name that a first name opens further in: "محافظ منطقة تكيرداغ محمد جيلان" names "محمد جيلان"
    (the place of the office ran into the name)."""
    words = list(re.finditer(r"\S+", m.text))
    if not words or normalize_arabic(words[0].group(0)) in given_names():
        return m
    first = next((w for w in words[1:] if normalize_arabic(w.group(0)) in given_names()), None)
    if first is None:
        return m
    s = m.start + first.start()
    return NameMention(m.key, text[s : m.end], s, m.end, m.family, m.role, m.via)


def _evidence_words(m: NameMention) -> str:
    """The words of a mention that must not be common nouns: all of a name found by elimination (beside a
    verb of saying, capitalised); only the first of one a rank or quotes frame ("عبدالقادر فايز" is a name
    though الفائز is a word; "شرطة المنطقة" after "متحدث باسم" is not)."""
    return m.text if m.via in ("speaker", "capitalised") else (m.text.split() or [""])[0]


# ---------------------------------------------------------------- names or descriptions

#: Where the learned common nouns live (``learn_common_nouns``; ``python -m language.names ANT.jsonl.gz``).
_COMMON_NOUNS = Path(__file__).with_name("common_nouns.json")
#: A word seen this often is a common noun when at least this share of its uses take the article or a possessive.
COMMON_NOUN_MIN_COUNT = 20
COMMON_NOUN_SHARE = 0.15
#: A word is a first name when a rank heads it this often, in at least this share of its uses.
GIVEN_NAME_MIN_COUNT = 5
GIVEN_NAME_SHARE = 0.01
#: A word written this often, neither noun nor first name, and rarely (under this share) after a first name,
#: is a particle, verb or adverb.
FREQUENT_WORD_COUNT = 300
FAMILY_NAME_SHARE = 0.05
_ARABIC_WORD = re.compile(r"[\u0621-\u064a]+")
_POSSESSIVES = ("ها", "هم", "هما", "نا", "كم")


def learn_common_nouns(texts: Iterable[str]) -> tuple[list[str], list[str], list[str]]:
    """Folded words that news text uses as common nouns, not as names.

    Why from text: "شرطة هاكني" and "ناصر بوريطة" have one shape (a bare word, then another), and only
    usage tells a noun from a name: a noun takes the article ("الشرطة") or a possessive suffix
    ("وزارتها", "شركاتهم"); a name does not ("المحمد" is never written). A word that a rank or title
    heads as a first name ("اللواء تركي المالكي", "الرئيس عمر ...") stays a name whatever else it means.
    Words written very often that are neither (particles, verbs, adverbs: "حيث", "فقد", "لكنها") and never
    follow a first name as its family name are no name either. Returns the common nouns, the first names and
    those other frequent words, folded and sorted.
    """
    counts: Counter[str] = Counter()
    given: Counter[str] = Counter()
    family: Counter[str] = Counter()
    for text in texts:
        words = _ARABIC_WORD.findall(normalize_arabic(text))
        counts.update(words)
        for i, w in enumerate(words):
            if i and given[words[i - 1]] >= GIVEN_NAME_MIN_COUNT:  # "بنيامين نتنياهو": after a first name, a family name
                family[w] += 1
            if w in _HONORIFICS:  # "الرئيس الأمريكي دونالد ترامب": the first bare word after the rank's adjectives
                j = i + 1
                while j < len(words) and j - i <= 3 and words[j].startswith("ال") and words[j] not in _HONORIFICS:
                    j += 1
                if j + 1 < len(words) and not _article(words[j]) and words[j] not in _FUNCTION and words[j] not in _HONORIFICS:
                    given[words[j]] += 1
    nouns, names, other = [], [], []
    for w, bare in counts.items():
        if w.startswith(("ال", "لل")) or len(w) < 3:
            continue
        article = sum(counts[p + "ال" + w] for p in ("", "و", "ف", "ب", "وب", "ك")) + counts["لل" + w] + counts["ولل" + w]
        stem = w[:-1] + "ت" if w.endswith("ه") else w
        suffixed = sum(counts[stem + s] for s in _POSSESSIVES) + (counts[stem + "ه"] + counts[w[:-1] + "ات"] if w.endswith("ه") else 0)
        total = bare + article + suffixed
        if given[w] >= GIVEN_NAME_MIN_COUNT and given[w] / total >= GIVEN_NAME_SHARE and not _conjoined_noun(w, counts):
            names.append(w)
        elif total >= COMMON_NOUN_MIN_COUNT and (article + suffixed) / total >= COMMON_NOUN_SHARE:
            nouns.append(w)
        elif bare >= FREQUENT_WORD_COUNT and family[w] / bare < FAMILY_NAME_SHARE:
            other.append(w)
    return sorted(nouns), sorted(names), sorted(other)


def _conjoined_noun(word: str, counts: Counter[str]) -> bool:
    """Is ``word`` the conjunction on a possessed noun ("ونظيره": and his counterpart), by the corpus's ``counts``: the
    word less "و" and a pronoun, written with the article at least ``COMMON_NOUN_MIN_COUNT`` times? Why: the word
    after a rank's adjectives is learned as a first name, and "الوزير السوري ونظيره الإيراني" goes on to a second
    party there, so "ونظيره الإيراني" was read as a person. A first name that opens with و ("وليد", "وسام") is no
    article-taking noun once cut so."""
    rest = word[1:] if word.startswith("و") else ""
    return any(rest.endswith(s) and counts["ال" + rest[: -len(s)]] >= COMMON_NOUN_MIN_COUNT for s in (*_POSSESSIVES, "ه"))


def common_nouns() -> frozenset[str]:
    """The learned common nouns (``learn_common_nouns`` over the ANT news corpus), folded."""
    return _nouns_and_names()[0]


def given_names() -> frozenset[str]:
    """Folded words that the corpus shows as first names after a rank or title ("محمد", "تركي", "دونالد")."""
    return _nouns_and_names()[1]


@lru_cache(maxsize=1)
def _nouns_and_names() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Common nouns, first names, and frequent words that are neither (``learn_common_nouns``), loaded once."""
    data = json.loads(_COMMON_NOUNS.read_text(encoding="utf-8"))
    return frozenset(data["words"]), frozenset(data["given"]), frozenset(data["other"])


def describes(text: str) -> bool:
    """Are these Arabic words a description made of common nouns ("الناطق باسم وزارة الصحة", "شرطة هاكني",
    "مصادر رسمية"), not a proper name ("ناصر بوريطة", "أشرف القدرة")?

    A description opens with the article and goes on ("السلطات اليابانية"), or with a word that frames
    names (an office, a rank, a kind of medium, a function word), or holds a bare word that news text uses
    as a common noun. One article word alone is a description only when it is such a noun ("الشرطة"),
    never a family name ("المالكي", "الأسد"); a frequent word that is never a name ("لكنها") is no name either.
    Text with no Arabic word describes nothing.
    """
    folds = [_conjunct(normalize_arabic(w)) for w in _ARABIC_WORD.findall(text)]
    if not folds:
        return False
    if any(_framing(f) for f in folds) or (len(folds) == 1 and folds[0] in _nouns_and_names()[2]):
        return True  # one frequent word that is never a name ("حيث", "فقد"): no party's name
    head, nouns = folds[0], common_nouns()
    if head in given_names() or (head.startswith(("عبد", "ابو")) and len(head) > 4):
        return False  # "خالد عمر", "عبدالقادر فايز": a first name, then whatever the family name means
    if _article(head):
        return len(folds) > 1 or _articled_noun(head)
    # a name particle calls for the next word ("عبد الرحمن"); else a common noun, bare or ("وسائل الإعلام") articled
    named = {i + 1 for i, f in enumerate(folds) if f in _NAME_PARTICLES}
    return any((_articled_noun(f) if _article(f) else f in nouns or _bare(f) in nouns) for i, f in enumerate(folds) if i not in named)


def named_persons(text: str) -> list[NameMention]:
    """The persons ``text`` names by name, in order: ``find_persons``' mentions less descriptions, and names
    that a first name opens.

    Why: Arabic has no capitals, and news framing (a rank, a verb of saying, quotes) misses a name told
    plainly ("ولد أحمد شوقي في القاهرة"), while it also frames descriptions ("وأكد مصدر عسكري", "وقالت
    الوزارة": ``describes``). A run of name words that a first name the news corpus taught (``given_names``)
    opens is a name (via "given"), and so is one right after an articled demonym ("الرومانية سيمونا هاليب",
    "الإسباني رفايل نادال"): news introduces a foreigner by nationality, and a foreign first name is no learned
    one (via "demonym").
    """
    found = [m for m in find_persons(text, roles=False) if not _framed_description(m)]
    toks = _tokens(text)
    demonyms = {p.end for p in find_places(text) if p.via == "demonym"}
    for i, t in enumerate(toks):
        if not t.word or t.text.isascii() or any(m.start <= t.start < m.end for m in found):
            continue
        after_demonym = i > 0 and toks[i - 1].end in demonyms and _article(toks[i - 1].fold) and not t.place
        if not (_first_name(t.fold) or after_demonym):
            continue
        run = list(
            takewhile(lambda w: not (_on_noun(w.fold) or _is(w.fold, _FUNCTION) or w.fold in _nouns_and_names()[2]), _name_run(toks, i))
        )
        run = next((run[:k] for k in range(len(run), 1, -1) if not describes(text[run[0].start : run[k - 1].end])), [])
        if run:  # the longest run of two words or more that is no description ("رفايل نادال", not "... المصنف")
            found.append(_mention(text, run, None, "given" if _first_name(t.fold) else "demonym"))
    return sorted(found, key=lambda m: m.start)


def _on_noun(fold: str) -> bool:
    """A preposition or conjunction (ب ل و ف ك) on a word news uses as a common noun ("بلقب": ب + لقب): the
    clause going on after a name ("سيمونا هاليب بلقب فردي"), never a name word; a true name rarely is one ("لويس")."""
    return under_proclitic(fold, common_nouns(), PROCLITICS_AR + "ك")


def _first_name(fold: str) -> bool:
    """A learned first name (``given_names``) that is no preposition on a noun (``_on_noun``). Why: the corpus
    learns first names from the word after a rank's adjectives, and that word is sometimes the clause going on
    ("الرئيس ... بلقب"), so "بلقب فردي" read as a name."""
    return fold in given_names() and not _on_noun(fold)


def _framed_description(m: NameMention) -> bool:
    """A mention found by what frames it (a verb of saying, quotes) whose words are a description: "وأكد مصدر
    عسكري", "وقال الجانبان" (one article word beside a verb of saying is a party). A rank or an office before
    the words is trusted ("وزير الخارجية سليم الحداد": سليم is also an adjective)."""
    if m.via in ("title", "known"):
        return False
    lone_article = m.via == "speaker" and " " not in m.text.strip() and _article(normalize_arabic(m.text.strip()))
    return lone_article or describes(_evidence_words(m))


#: The third-person pronouns a noun carries, longest first ("مشاكلهم", "مشاكلها", "مشاكله").
_THIRD_PERSON = ("هما", "هم", "ها", "ه")


def _possessed_noun(word: str, fold: str) -> bool:
    """Is ``word`` (folded: ``fold``) a learned common noun carrying a possessive pronoun ("مشاكله": its problems;
    "أمنها": its security), which no name word is? Why: quotes also mark a phrase the outlet holds at arm's length
    ("من أجل "حل مشاكله" الأمنية"), and only the article ruled such a phrase out, so "حل مشاكله" was read as a
    person. The pronoun is read on the word as written: folding makes ة an ه, and a name in ة ("أمينة") is no
    possessed noun. Only third persons: foreign names end in "نا" ("مارينا"); and a lone ه only on a stem of four
    letters: first names are nouns in ه ("نبيه", "عبده"). A learned first name stays a name."""
    if word.endswith("ة") or fold in given_names():
        return False
    for suffix in _THIRD_PERSON:
        stem = fold[: -len(suffix)]
        if fold.endswith(suffix) and len(stem) >= (4 if suffix == "ه" else 3):
            nouns = common_nouns()
            return stem in nouns or (stem.endswith("ت") and stem[:-1] + "ه" in nouns)
    return False


def _articled_noun(fold: str) -> bool:
    """ "الشرطة", "الإعلام": a common noun with the article; never a nisba in ي ("المالكي": a family name)."""
    return _unarticled(fold) in common_nouns() and not fold.endswith("ي")


def _framing(fold: str) -> bool:
    """A word that frames names and is never one: an office, a rank, a kind of medium, a verb of saying, a particle."""
    return fold in _FUNCTION or any(_is(fold, words) for words in (_OFFICES, _HONORIFICS, _OUTLET_WORDS, _REPORTING))


def _conjunct(fold: str) -> str:
    """A folded word less a conjunction و where what is left is a known word ("ومسؤولون") and the whole is not."""
    known = common_nouns()
    rest = fold[1:]
    if fold.startswith("و") and len(fold) > 3 and fold not in known and (rest in known or _framing(rest)):
        return rest
    return fold


def _unarticled(fold: str) -> str:
    return fold[2:] if fold.startswith(("ال", "لل")) else fold[3:] if fold.startswith(("وال", "بال", "فال", "كال")) else fold


# ---------------------------------------------------------------- how English letters come out in Arabic

#: A mined pair's skeletons must agree this much (difflib ratio), and this much where their first letters differ.
PAIR_MIN_RATIO = 0.7
PAIR_SURE_RATIO = 0.8
#: A respelling is kept when it keys this many more pairs together than it merges pairs of different words.
SPELLING_MIN_GAIN = 3
#: The most respellings learned, and the most frequent candidates tried at each step.
MAX_SPELLINGS = 40
_CANDIDATES_TRIED = 1000
#: Right-hand contexts a respelling may look at: a letter, a front vowel (the soft "c" and "g"), a vowel, a consonant.
_RIGHT_CLASSES = {"F": "(?=[eiy])", "V": "(?=[aeiou])", "C": "(?=[^aeiou])"}
_CONSONANT = re.compile(r"[bcdfghjklmnpqrstvxz]")
_EN_NAME = re.compile(r"\b[A-Z][a-z]{2,}\b")
_ARABIC_SUFFIXES = ("يه", "ات", "يين", "يون")  # adjectives and plurals: no transliteration of an English word


def mine_name_pairs(paragraphs: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """(English word, Arabic word) transliteration pairs from parallel paragraphs: a capitalised English word the
    English text never writes in lower case (a name, no demonym) and the one Arabic word of the other paragraph whose
    skeleton is closest to it, where close enough (``PAIR_MIN_RATIO``) and each the other's best."""
    paragraphs = list(paragraphs)
    lower = {w for en, _ in paragraphs for w in re.findall(r"\b[a-z]{3,}\b", en)}
    nouns = common_nouns()
    pairs = []
    for en, ar in paragraphs:
        english = {w for w in _EN_NAME.findall(en) if w.lower() not in lower and not _english_demonym(w) and not demonym_country(w)}
        arabic = {b: skeleton(b) for w in _ARABIC_WORD.findall(normalize_arabic(ar)) for b in {w, _unarticled(w), _bare(w)}}
        arabic = {w: k for w, k in arabic.items() if len(k) >= 2 and w not in nouns and not w.endswith(_ARABIC_SUFFIXES)}
        best: dict[str, tuple[float, str]] = {}
        for word in sorted(english):  # a fixed order: a tie goes to the same word on every run
            key = skeleton(word)
            ranked = sorted(((SequenceMatcher(None, key, k).ratio(), a) for a, k in arabic.items()), reverse=True)
            if len(key) < 3 or not ranked:
                continue
            ratio, a = ranked[0]
            tied = len(ranked) > 1 and ranked[1][0] == ratio and arabic[ranked[1][1]] != arabic[a]
            close = ratio >= PAIR_MIN_RATIO and abs(len(key) - len(arabic[a])) <= 2 and (key[0] == arabic[a][0] or ratio >= PAIR_SURE_RATIO)
            if close and not tied and ratio > best.get(a, (0.0, ""))[0]:
                best[a] = (ratio, word)
        pairs += [(word, a) for a, (_, word) in best.items()]
    return pairs


def _candidate_spellings(english: str, arabic: str) -> set[tuple[str, str]]:
    """Rewrites of ``english``'s letters (with a letter or a class of letters on either side) toward the Arabic word's
    romanised letters where the two differ ("ce" against "س": c before a front vowel → s)."""
    roman = re.sub(r"^al-", "", _romanise_word(normalize_arabic(arabic)).lower())
    out = set()
    for op, i1, i2, j1, j2 in SequenceMatcher(None, english, roman, autojunk=False).get_opcodes():
        if op == "equal" or i2 - i1 > 3 or j2 - j1 > 3:
            continue
        core, left, right = re.escape(english[i1:i2]), english[i1 - 1 : i1], english[i2 : i2 + 1]
        lefts = ["", "^" if not i1 else f"(?<={re.escape(left)})"]
        rights = ["", "$" if i2 == len(english) else f"(?={re.escape(right)})", *_RIGHT_CLASSES.values()]
        if _CONSONANT.search(english[i1:i2] + roman[j1:j2]):  # a skeleton is consonants: vowels alone change no key
            out |= {(lp + core + rp, roman[j1:j2]) for lp in lefts for rp in rights if core or (lp and rp)}
    return out


def _keyed(pairs: list[tuple[str, str]], rules: list[tuple[re.Pattern[str], str]]) -> tuple[int, int]:
    """Pairs keyed together, and pairs of different words merged (an English word of one pair and the Arabic word of
    another keyed alike, where no pair ties them)."""
    same = {(e.lower(), a) for e, a in pairs}
    english = [(e.lower(), skeleton(respell(e, rules))) for e, _ in pairs]
    arabic = {a: skeleton(a) for _, a in pairs}
    together = sum(ek == arabic[a] for (_, ek), (_, a) in zip(english, pairs))
    by_key: dict[str, set[str]] = {}
    for a, k in arabic.items():
        by_key.setdefault(k, set()).add(a)
    merged = sum((e, a) not in same for e, k in set(english) for a in by_key.get(k, ()))
    return together, merged


def learn_spellings(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Rewrites of English name letters that key (English, Arabic) name pairs together, learned on each half of the
    pairs (split by English word, ``_greedy_spellings``) and kept where they also key more pairs together than they
    merge on the other half.

    Why learned: which English letters become which Arabic ones ("ch" تش or ش, "g" ج or غ, soft "c" س) depends on
    the language a name comes from; parallel text says which reading is the common one, and what it costs. Why the
    other half: a rewrite that only some names call for ("ch" as تش in "Charles", ش in "Chiang") helps the names it
    was learned on and hurts others."""
    halves: tuple[list[tuple[str, str]], list[tuple[str, str]]] = ([], [])
    for e, a in pairs:
        halves[zlib.crc32(e.lower().encode()) % 2].append((e, a))
    rules: list[tuple[str, str]] = []
    for fit, held in (halves, halves[::-1]):
        kept: list[tuple[re.Pattern[str], str]] = []
        for rule in _greedy_spellings(fit):
            before, after = _keyed(held, kept), _keyed(held, [*kept, (re.compile(rule[0]), rule[1])])
            if after[0] - before[0] > after[1] - before[1]:
                kept.append((re.compile(rule[0]), rule[1]))
                rules += [rule] if rule not in rules else []
    return rules


def _greedy_spellings(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Greedily, the rewrite that keys the most pairs together less different words merged, while that gain is at
    least ``SPELLING_MIN_GAIN``."""
    rules: list[tuple[str, str]] = []
    compiled: list[tuple[re.Pattern[str], str]] = []
    score = _keyed(pairs, compiled)
    while len(rules) < MAX_SPELLINGS:
        counts = Counter(
            c for e, a in pairs if skeleton(respell(e, compiled)) != skeleton(a) for c in _candidate_spellings(respell(e, compiled), a)
        )
        best = None
        for rule, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:_CANDIDATES_TRIED]:  # ties: a fixed order
            together, merged = _keyed(pairs, [*compiled, (re.compile(rule[0]), rule[1])])
            gain = together - score[0] - (merged - score[1])
            if gain >= SPELLING_MIN_GAIN and together > score[0] and (best is None or gain > best[0]):
                best = (gain, rule, (together, merged))
        if best is None:
            break
        rules.append(best[1])
        compiled.append((re.compile(best[1][0]), best[1][1]))
        score = best[2]
    return rules


__all__ = [
    "NameBook",
    "NameMention",
    "asks_role",
    "common_nouns",
    "demonym_country",
    "describes",
    "family_keys",
    "persons_asked_about",
    "find_persons",
    "given_names",
    "learn",
    "learn_common_nouns",
    "learn_spellings",
    "mine_name_pairs",
    "named_persons",
    "person_key",
    "respell",
    "without_possessive",
    "roles_of",
    "romanise",
    "skeleton",
    "speaker_name",
]


if (
    __name__ == "__main__" and sys.argv[1:2] == ["--spellings"] and len(sys.argv) == 3
):  # python -m language.names --spellings ../shared/data/xquad/xquad_dev.jsonl
    with open(sys.argv[2], encoding="utf-8") as lines:
        parallel = {(row["context_en"], row["context_ar"]) for row in map(json.loads, lines)}
    learned = {
        "provenance": f"language.names.learn_spellings over {Path(sys.argv[2]).name}",
        "rules": learn_spellings(mine_name_pairs(sorted(parallel))),
    }
    _SPELLINGS.write_text(json.dumps(learned, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
elif __name__ == "__main__" and len(sys.argv) == 2:  # python -m language.names ../shared/data/ant_multisource/ant_multisource_v2.1.jsonl.gz
    import gzip

    with gzip.open(sys.argv[1], "rt", encoding="utf-8") as lines:
        nouns, given, other = learn_common_nouns(json.loads(line).get("text") or "" for line in lines)
    provenance = f"language.names.learn_common_nouns over {Path(sys.argv[1]).name}"
    learned = {"provenance": provenance, "words": nouns, "given": given, "other": other}
    _COMMON_NOUNS.write_text(json.dumps(learned, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
elif __name__ == "__main__":
    sys.exit("usage: python -m language.names ANT.jsonl.gz | --spellings XQUAD.jsonl")
