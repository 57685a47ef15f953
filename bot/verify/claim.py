"""Reading a claim into its ``ClaimFrame``: its content words bridged to the other language, its slots and its persons.

It sits above the slot readers (places, counts, negation, persons) because it runs each of them on the claim's own text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from bot.crosslingual import arabic_keywords, bridge_text
from bot.entities import EntityMention, is_person, label
from bot.stance import ADDITIVES
from bot.verify.frame import (
    _EN_WORD,
    _NOT_CONTENT_EN,
    _PREFIX,
    _REPORTING_EN,
    _WORD,
    NAME_RUN,
    ClaimFrame,
    Group,
    _demonym,
    _nationality_key,
    _reporting_keys,
    _run_keys,
    _skeleton_key,
    word_keys,
)
from bot.verify.negation import _negated, _without_figures
from bot.verify.numbers import _counts_in
from bot.verify.parties import _named, _weak_persons
from bot.verify.places import _sites, _slot_places
from language.calendar import MONTHS, PARTS_OF_DAY, RELATIVE_DAYS, WEEKDAYS, resolve_times
from language.lexicon import FUNCTION_WORDS_AR
from language.names import NameBook, learn, skeleton
from language.normalize import bm25_tokens, detect_language, normalize_arabic
from language.places import find_places

_EN_NEGATION = re.compile(r"\b(?:not|no|never|none|without|deny|denied|denies)\b|n't\b", re.I)
#: English calendar words (CLDR names, relative days): checked as the date slot, not matched as words.
_DATE_WORDS = frozenset(w for w in (*MONTHS, *WEEKDAYS, *RELATIVE_DAYS, *PARTS_OF_DAY) if w.isascii())
#: Arabic day and month names: the claim's date is checked as a slot, not matched as a word.
_AR_DATE_WORDS = frozenset(w for w in (*MONTHS, *WEEKDAYS, *PARTS_OF_DAY) if " " not in w) | frozenset(
    w[2:] for w in WEEKDAYS if w.startswith("ال")
)


def _entity(word: str, mentions: Sequence[EntityMention]) -> str | None:
    """The entity a claim word belongs to: persons and places are found in the whole claim (a title or a
    verb of saying makes a name), then each word takes the mention it is part of."""
    folded = normalize_arabic(word)
    hit = next(
        (m for m in mentions if len(folded) >= 3 and (folded in normalize_arabic(m.text) or normalize_arabic(m.text) in folded)), None
    )
    return hit.id if hit and hit.id else None


def _en_groups(claim: str, skip: set[str], mentions: Sequence[EntityMention]) -> list[Group]:
    """English words (longest known phrase first) bridged to their Arabic forms."""
    words = _EN_WORD.findall(claim)
    used = [False] * len(words)
    groups = []
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            if any(used[i : i + n]):
                continue
            phrase = " ".join(words[i : i + n])
            if phrase.lower() in _DATE_WORDS | _NOT_CONTENT_EN or phrase in skip:
                continue  # a function word ("its") or an additive ("also": the frame's ``additive``) is no content
            if phrase.lower() in _REPORTING_EN:
                used[i] = True
                groups.append(Group(phrase, _reporting_keys(), None))
                continue
            arabic = arabic_keywords(phrase)
            if n > 1 and set(arabic.split()) == {a for w in words[i : i + n] for a in arabic_keywords(w).split()}:
                continue  # not a phrase the lexicon knows, only its words
            if arabic:
                used[i : i + n] = [True] * n
                groups.append(Group(phrase, word_keys(arabic) | word_keys(phrase), _entity(phrase, mentions)))
    skipped = {w for phrase in skip for w in _EN_WORD.findall(phrase)}
    for word, was_used in zip(words, used):
        if not was_used and word not in skipped and word.lower() not in _DATE_WORDS | _NOT_CONTENT_EN and bm25_tokens(word):
            entity = _entity(word, mentions)  # a name is matched by its id in either script
            if entity is None and (country := _demonym(word)):
                # "Syrian" is matched as its country's names are ("السورية" folds to سوري), but it is a modifier, not a party
                groups.append(Group(word, word_keys(word) | _country_keys(country), None))
                continue
            name = {k} if word[0].isupper() and (k := _skeleton_key(word)) else set()
            groups.append(Group(word, word_keys(word) | name, entity, english_only=entity is None))
    return groups


def _country_keys(country: str) -> frozenset[str]:
    """A nationality adjective's keys: its country's names in both languages, and the country's own key."""
    return word_keys(f"{label(country, 'ar')} {label(country, 'en')}") | {_nationality_key(country)}


def _nationality(word: str) -> str | None:
    """The country an Arabic word is the nationality adjective of ("الروسية" -> RU), when that is all it is."""
    found = find_places(word)
    whole = (
        len(found) == 1
        and found[0].via == "demonym"
        and found[0].kind == "country"
        and _PREFIX.sub("", normalize_arabic(word)) == normalize_arabic(found[0].text)
    )
    return found[0].id if whole else None


def _in_longer_name(folded: str, mentions: Sequence[EntityMention]) -> bool:
    """Is the (folded) word one word of a name of several ("رئيس الأركان الإيراني باقري")?"""
    return any(folded in (name := normalize_arabic(m.text)) and len(name.split()) > 1 for m in mentions)


def _ar_groups(claim: str, skip: set[str], mentions: Sequence[EntityMention]) -> list[Group]:
    """Arabic content words (not particles such as "إلى", "يوم"), with their English forms from the learned bridge:
    an Arabic claim is matched against an English wire story as an English claim is against Arabic text."""
    groups = []
    for word in _WORD.findall(claim):
        stems = bm25_tokens(word)
        folded = normalize_arabic(word)
        if {folded, _PREFIX.sub("", folded)} & (FUNCTION_WORDS_AR | ADDITIVES):
            continue
        if stems and folded not in skip and _PREFIX.sub("", folded) not in _AR_DATE_WORDS:
            if (country := _nationality(word)) and not _in_longer_name(folded, mentions):
                # "الروسية" modifies ("طائرة النقل الروسية"), as "Russian" does in English: never a party or a person
                # (the name learner has read it as one), and matched by its country in either language. In a longer
                # name ("رئيس الأركان الإيراني باقري") it is matched as that name.
                groups.append(Group(word, word_keys(word) | _country_keys(country), None))
                continue
            english = bridge_text(word)
            keys = word_keys(word) | word_keys(english) | ({k} if not english and (k := _skeleton_key(word)) else set())
            if keys & _reporting_keys():
                keys |= _reporting_keys()
            entity = _entity(word, mentions)
            groups.append(Group(word, keys, entity, arabic_only=not english and entity is None))
    return groups


def claim_frame(claim: str, book: NameBook | None = None, aligned: Mapping[str, Sequence[str]] | None = None) -> ClaimFrame:
    """The claim's words, slots and persons; ``book``: what the evidence teaches about names; ``aligned``: each claim
    word's translations found in the evidence (``align_words``), matched as the word itself."""
    book = book or learn([claim])
    lang = detect_language(claim)
    named = _named(claim, book)
    # A role's words are words, unless the claim also names its holder ("رئيس الأركان الإيراني باقري", "Syrian
    # President Bashar al-Assad"): then the role only restates the person, and is matched as the person is.
    by_name = {m.id for m in named if not m.via_role}
    # Nor is a description the claim's person ("أعلنت جماعة …": ``_weak_persons``): its words are matched as words.
    weak = _weak_persons(claim, book, lone=False)
    mentions = [m for m in named if (not m.via_role or m.id in by_name) and m.id not in weak]
    places: set[str] = set()
    skip: set[str] = set()
    said = _slot_places(claim)
    places.update(said)
    sites = [] if said else _sites(claim)
    quantities = _counts_in(claim)
    # A figure's words but its counted noun ("About 600", "نحو 500"): the number check judges them, not the word overlap.
    figure = {w for q in quantities for w in _WORD.findall(q.text) if w not in _WORD.findall(q.unit_text or "")}
    # A figure's bound ("بما لا يقل عن 400 مليار", "no fewer than 20") negates nothing: the claim is read without it.
    if lang == "en":
        skip = set(said.values()) | figure
        groups = _en_groups(claim, skip, mentions)
        negated = bool(_EN_NEGATION.search(_without_figures(claim)))
    else:
        skip = {normalize_arabic(w) for w in (*said.values(), *figure)}
        groups = _ar_groups(claim, skip, mentions)
        negated = _negated(_without_figures(claim))
    # A person the claim names in several words is also found by their run in the other script (``_run_keys``): by
    # its last two or three words, a title before them ("وزيرة الخارجية كارينا مي") being no part of the spelling.
    runs = {m.id: _run_keys(_WORD.findall(m.text)[-NAME_RUN:]) for m in mentions if m.id and is_person(m.id)}
    groups = [replace(g, keys=g.keys | runs[g.entity]) if g.entity in runs else g for g in groups]
    if aligned:
        groups = [replace(g, keys=g.keys | word_keys(" ".join(aligned.get(g.word, ())))) if g.entity is None else g for g in groups]
    additive = any(w in ADDITIVES for w in _WORD.findall(normalize_arabic(claim).lower()))
    return ClaimFrame(
        claim,
        lang,
        tuple(groups),
        frozenset(places),
        tuple(resolve_times(claim, None, lang)),
        negated,
        quantities,
        book,
        additive,
        tuple((noun, skeleton(name)) for noun, name in sites),
    )
