"""The claim's frame as data, and the keys its words are matched by: the one vocabulary every check shares.

A word is matched by its folded forms and stems and, for a name, its consonant skeleton (``word_keys``,
``sentence_keys``), so an English claim word finds an Arabic sentence's. ``Group`` and ``ClaimFrame`` hold what a
claim says; ``bot.verify.claim`` reads a claim into them. Nothing here reads a slot, so every slot module can build on it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from bot.entities import country_of, is_person
from bot.stance import ADDITIVES
from language.calendar import TimeMention
from language.lexicon import AUXILIARIES_EN, FUNCTION_WORDS_EN, REPORTING_VERBS_AR, REPORTING_VERBS_EN
from language.names import NameBook, demonym_country, skeleton
from language.normalize import bm25_tokens, normalize_arabic
from language.numbers import Quantity
from language.places import find_places

_EN_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
#: Verbs of saying (``language.lexicon``): news paraphrases "said" as قال, أكد, قائلا ...; any is the same word here.
_REPORTING_EN = frozenset(REPORTING_VERBS_EN)
_REPORTING_AR = " ".join(REPORTING_VERBS_AR)
_WORD = re.compile(r"\w+", re.UNICODE)
_NOT_CONTENT_EN = FUNCTION_WORDS_EN | AUXILIARIES_EN | {w for w in ADDITIVES if w.isascii()}
_CLAUSE = re.compile(r"[،,؛;]|(?<!\w)(?:فيما|بينما|while|but)(?!\w)")
_PREFIX = re.compile(r"^(?:و|ف)?(?:ب|ل)?(?:ال)?(?=\w{3})")


@dataclass(frozen=True)
class Group:
    """One content word of the claim: its Arabic stems, and its entity id when it names one."""

    word: str
    keys: frozenset[str]  # see word_keys
    entity: str | None
    english_only: bool = False  # an English word the lexicon cannot bridge: matched in English sentences only
    arabic_only: bool = False  # an Arabic word the bridge cannot carry into English: matched in Arabic sentences only

    def matchable_in(self, english: bool) -> bool:
        """Can a sentence of that language show the word at all (``english_only``/``arabic_only`` say where not)?"""
        return not (self.english_only and not english or self.arabic_only and english)


@dataclass(frozen=True)
class ClaimFrame:
    text: str
    lang: str
    groups: tuple[Group, ...]
    places: frozenset[str]  # place ids the claim locates its event in
    times: tuple[TimeMention, ...]
    negated: bool
    quantities: tuple[Quantity, ...] = ()
    book: NameBook = NameBook()  # persons as the claim and its evidence name them (``language.names.learn``)
    additive: bool = False  # "X signed too": X is added to the parties the sources name, not put in their place
    sites: tuple[tuple[str, str], ...] = ()  # a place slot CLDR does not list: (noun of place, name's skeleton), ``_sites``

    def parties(self) -> frozenset[str]:
        """The persons, countries and cities the claim's words name (not the place slot: "in Tehran")."""
        return frozenset(g.entity for g in self.groups if g.entity)

    def persons(self) -> frozenset[str]:
        """The persons among the parties."""
        return frozenset(e for e in self.parties() if is_person(e))

    def deed(self) -> tuple[Group, ...]:
        """The words of the claim's deed: neither a name nor a verb of saying ("killed", "arrived", "قتل")."""
        return tuple(g for g in self.groups if not g.entity and g.keys != _reporting_keys())


def word_keys(text: str) -> frozenset[str]:
    """Every form a word is matched by: folded, without clitics, and stemmed both ways.

    Snowball stems "الاتفاقية" and "اتفاقية" differently; matching on the union
    keeps one spelling from hiding a sentence.
    """
    keys: set[str] = set()
    for word in _WORD.findall(normalize_arabic(text)):
        bare = _PREFIX.sub("", word)
        keys.update((word, bare), bm25_tokens(word), bm25_tokens(bare))
        if len(bare) > 4 and bare.endswith(("يه", "ي")):
            keys.add(bare[:-1])  # nisba adjective to its name: "السورية" -> سوري, "الإيراني" -> ايران
        if len(bare) == 4 and bare[0] == "م":
            keys.add(bare[1:])  # a noun of place or event to its verb: "مقتل" -> قتل, "مصرع" -> صرع
        core = bare[:-1] if len(bare) == 5 and bare.endswith(("ه", "ا")) else bare
        if len(core) == 4 and core[2] == "ي":
            keys.add(core[:2] + core[3])  # the pattern فعيل to its root: "الأخيرة" -> اخر, "قتيلا" -> قتل
        if len(bare) >= 4 and bare.endswith("ات"):
            keys.add(bare[:-2] + "ه")  # a sound feminine plural to its singular: "قوات" -> قوه, "اتفاقيات" -> اتفاقيه
        if len(bare) == 5 and bare[0] == bare[3] == "ا":
            keys.add(bare[1:3] + bare[4])  # the broken plural أفعال to its singular: "أشخاص" -> شخص, "أطفال" -> طفل
    return frozenset(keys)


#: The fewest consonants a name's skeleton needs to match across scripts: shorter ones collide with common words.
NAME_SKELETON = 4


def _skeleton_key(word: str) -> str | None:
    """A name's cross-script key: its consonant skeleton ("فردريكتون" and "Fredericton" -> "~frdrktn")."""
    key = skeleton(word)
    return f"~{key}" if len(key) >= NAME_SKELETON else None


#: The most words of a name matched as one run of skeletons (``_run_keys``): a first and a family name, or three.
NAME_RUN = 3


def _run_keys(words: Sequence[str]) -> set[str]:
    """The cross-script keys of a name written in several words: the skeletons of each run of 2 to ``NAME_RUN`` of
    them, word by word ("Karina Mey" and "كارينا مي" -> "~krn+m"). A name of short words has no one-word key
    (``NAME_SKELETON``: "مي" alone is too short to tell), yet the run of its words is as telling as one long word."""
    runs = (words[i : i + n] for n in range(2, NAME_RUN + 1) for i in range(len(words) - n + 1))
    keys = ("+".join(skeleton(w) for w in run) for run in runs)
    return {f"~{k}" for k in keys if len(k.replace("+", "")) >= NAME_SKELETON and all(k.split("+"))}


@lru_cache(maxsize=4096)
def sentence_keys(text: str) -> frozenset[str]:
    """``word_keys`` and, for a name the lexicon cannot bridge, its skeleton: an Arabic sentence's words and an
    English one's capitalised words. "مونستر" is found in "the German city of Muenster" only so; a name of several
    short words by their run (``_run_keys``). A nationality adjective also gives its country's key
    (``_nationality_key``): "الروسية" is found in "a Russian plane"."""
    named = [w for w in _WORD.findall(text) if w[0].isupper() or not w.isascii()]
    names = {k for w in named if (k := _skeleton_key(w))}
    return word_keys(text) | names | _run_keys(named) | _nationality_keys(text)


def _nationality_key(country: str) -> str:
    """The key a nationality adjective is matched by in either language: its country's id."""
    return f"@{country}"


def _nationality_keys(text: str) -> set[str]:
    """The countries ``text``'s nationality adjectives name: Arabic nisbas (``find_places``, "الروسية") and English
    demonyms ("Russian"), neither of which the word stems or the lexicon carry across languages."""
    arabic = {m.id for m in find_places(text) if m.via == "demonym" and m.kind == "country"}
    english = {c for w in _EN_WORD.findall(text) if w[0].isupper() and (c := _demonym(w))}
    return {_nationality_key(c) for c in arabic | english}


@lru_cache(maxsize=1)
def _reporting_keys() -> frozenset[str]:
    return word_keys(f"{_REPORTING_AR} {' '.join(_REPORTING_EN)}")


def _clauses(text: str) -> list[str]:
    return [c for c in _CLAUSE.split(text) if c.strip()]


def _present(group: Group, keys: frozenset[str], entities: set[str]) -> bool:
    if group.entity and (group.entity in entities or country_of(group.entity) in entities):
        return True
    return bool(group.keys & keys)


def _demonym(word: str) -> str | None:
    """The country an English nationality word names, singular or plural ("Iranian", "Iranians" -> IR)."""
    return demonym_country(word) or (demonym_country(word[:-1]) if word.endswith("s") else None)
