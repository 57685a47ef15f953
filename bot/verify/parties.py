"""Who does the deed: the persons, countries and cities a text names, the words that only look like persons, and whether
another party or person stands in for the claim's.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.attribution import extract_attributions
from bot.claims import Evidence
from bot.entities import EntityMention, country_of, display, find_entities, is_person, label
from bot.verify.frame import _CLAUSE, _NOT_CONTENT_EN, _WORD, ClaimFrame, Group, _present, word_keys
from bot.verify.reasons import Check, _lang, _say
from language.lexicon import FUNCTION_WORDS_AR
from language.names import NameBook, NameMention, describes, find_persons
from language.normalize import normalize_arabic
from language.numbers import find_quantities

#: Words of the claim's deed (not names, not "said") a sentence must share before another party in it
#: stands in for the claim's: fewer, and the sentence is about something else.
SAME_DEED_WORDS = 2


def _named(text: str, book: NameBook, types: frozenset[str] = frozenset({"person", "place"})) -> list[EntityMention]:
    """``find_entities`` less the words of a figure: "About 600 Iranians", "More than 600" open a sentence in capitals,
    yet "About" and "More" are nobody (a claim naming them would need a sentence to name them too)."""
    figures = [(q.start, q.end) for q in find_quantities(text)]
    return [m for m in find_entities(text, types, book=book) if not any(s <= m.start < e for s, e in figures)]


@lru_cache(maxsize=4096)
def _entities_of(text: str, book: NameBook) -> frozenset[str]:
    """Person and place ids of ``text``; a city (or capital) also names its country ("Ankara must realise ...")."""
    ids = {m.id for m in _named(text, book) if m.id}
    return frozenset(ids | {c for i in ids if (c := country_of(i))})


_THE_BEFORE = re.compile(r"\bthe\s+$", re.I)


@lru_cache(maxsize=4096)
def _weak_persons(text: str, book: NameBook, lone: bool = True) -> frozenset[str]:
    """Person ids ``text`` names only by words that need not be anyone (``_weak``). Such a "person" may be the
    claim's own where the claim names it, but never someone else doing the claim's deed in its place: "Police name
    woman who opened fire …" does not say the police, not the woman the claim names, opened fire. ``lone=False`` for
    a claim, which opens on its subject's name ("Assad signed …")."""
    weak, sure = set(), set()
    for m in find_persons(text, book):
        (weak if _weak(m, text, book, lone) else sure).add(m.key)
    return frozenset(weak - sure)


def _weak(m: NameMention, text: str, book: NameBook, lone: bool = True) -> bool:
    """Does a mention only look like a name? An Arabic description framed by a verb of saying or quotes ("أفادت تقارير
    إعلامية", «مسؤول»: ``language.names.describes``), a capitalised thing after "the" ("al-Qaeda's affiliate in the
    Sahel, claimed"), or a lone capitalised word opening a sentence or title that no text names as a person, in either script ("Police name
    woman …"). A title, a role, or a family name the texts name in full (``known``) is someone."""
    if m.via in ("title", "known", "role") or not m.key:
        return False
    if not m.text.isascii():
        return describes(m.text)
    alone = lone and m.via == "capitalised" and " " not in m.text.strip() and m.key not in book.keys
    return alone or bool(_THE_BEFORE.search(text[: m.start]))


def _deed_words(frame: ClaimFrame, keys: frozenset[str], entities: frozenset[str]) -> tuple[int, int]:
    """How many of the claim's deed words (its words other than names and "said") the sentence holds, of how many."""
    deed = frame.deed()
    return sum(_present(g, keys, entities) for g in deed), len(deed)


def _same_deed(frame: ClaimFrame, keys: frozenset[str], entities: frozenset[str], person: bool = False) -> bool:
    """Does the sentence tell the claim's deed (``SAME_DEED_WORDS`` of its words)? Only then can another party in it
    stand in for the claim's: "the capital" alone does not make "the capital of Australia" Syria's. A person's deed
    may be one verb ("التقى الأسد باقري"): for a ``person``, all of a one-word deed is enough."""
    held, total = _deed_words(frame, keys, entities)
    return held >= (min(total, SAME_DEED_WORDS) if person else SAME_DEED_WORDS) and held > 0


def _party_kind(entity: str) -> str:
    """Persons stand in for persons; countries and cities for each other ("Ankara" acts for Turkey)."""
    return "person" if is_person(entity) else "place"


def _rivals(frame: ClaimFrame, entity: str, entities: frozenset[str] | set[str]) -> set[str]:
    """The sentence's parties of ``entity``'s kind that the claim does not name: who does the deed in its place
    ("Algeria cuts the internet" against the claim "Egypt cuts the internet"). None for an additive claim
    ("Russia signed too"), which adds a party rather than replacing one."""
    if frame.additive:
        return set()
    claimed = frame.parties() | {c for e in frame.parties() if (c := country_of(e))}
    kind = _party_kind(entity)
    if kind == "person" and _another_occurrence(frame, entities):
        return set()
    return {e for e in entities if _party_kind(e) == kind and e not in claimed and country_of(e) not in claimed}


def _another_occurrence(frame: ClaimFrame, entities: frozenset[str] | set[str]) -> bool:
    """Does the sentence tell the deed of other persons altogether? A claim naming two or more persons ("التقى الأسد
    باقري") is one occurrence of its deed; a sentence naming none of them ("حاتمي التقى مع أيوب") tells another one
    (another meeting), not someone in their place. One shared person keeps it the claim's occurrence ("وقع حاتمي
    وأيوب" against "وقع باقري وأيوب")."""
    persons = frame.persons()
    return len(persons) >= 2 and not persons & set(entities)


def _party_check(frame: ClaimFrame, ev: Evidence) -> Check | None:
    """A country or city the claim names as a party, absent from the sentence, which names another in its place."""
    keys, entities = word_keys(ev.text), _entities_of(ev.text, frame.book)
    if not _same_deed(frame, keys, entities):
        return None
    missing = [g for g in frame.groups if g.entity and not is_person(g.entity) and not _present(g, keys, entities)]
    rivals = sorted({r for g in missing for r in _rivals(frame, g.entity, entities)})
    if not rivals:
        return None
    names = tuple(label(r, _lang(frame)) for r in rivals)
    return Check("agent", "clash", _say(frame, "party_clash", ", ".join(names)), names)


def _person_words(m: EntityMention, frame: ClaimFrame) -> str:
    """A person in the reader's script, by name rather than office: the sentence's words where they are a name in that
    script, else the claim's word or the texts' fullest name for the same person ("Mohammad Bagheri" -> "باقري"
    for an Arabic reader; "وزير الخارجية المغربي" -> "Bourita"), else the words romanised."""
    lang = _lang(frame)
    if m.text.isascii() == (lang == "en") and not m.via_role or not m.id:
        return display(m.text, lang)
    # the claim's own word for the person, else the fullest name the texts give, in the reader's script
    named = [g.word for g in frame.groups if g.entity == m.id] + [frame.book.name(m.id) or ""]
    return next((w for w in named if w and w.isascii() == (lang == "en")), display(m.text, lang))


def _claimed_name_in(frame: ClaimFrame, m: EntityMention) -> bool:
    """Does the mention hold a word the claim names its person by? Then it is that person with a word too many read
    into the name ("مستشار ترامب لمصر" read as "ترامب لمصر"), not another person."""
    claimed = {normalize_arabic(g.word).lower() for g in frame.groups if g.entity and is_person(g.entity)}
    return bool(claimed & {normalize_arabic(w).lower() for w in _WORD.findall(m.text) if len(w) > 2})


#: "with X" ("مع الأسد", "with Syrian Defence Minister Ali Ayoub"): X is the one the deed was done with, not its doer;
#: up to four words (a title) may stand between.
_WITH = re.compile(r"(?<!\w)(?:و?مع|with|alongside)\s+(?:\S+\s+){0,4}$", re.I)


def _counterpart(text: str, start: int) -> bool:
    """Is the person named at ``start`` the deed's counterpart ("with X") rather than someone doing it in the claim's
    person's place? "الاتفاقية العسكرية مع الأسد" does not say Assad signed instead of Ayoub."""
    before = _CLAUSE.split(text[max(0, start - 80) : start])[-1]
    return bool(_WITH.search(before))


@lru_cache(maxsize=4096)
def _voices(text: str) -> tuple[tuple[int, int, int, int], ...]:
    """The parties a sentence reports through ("…, Governor X said", "وقال وزير الداخلية …"): each party's span and
    the span of the words it is said to have said."""
    return tuple((a.party_start, a.party_end, a.claim_start, a.claim_end) for a in extract_attributions(text) if a.party_start is not None)


def _voice(frame: ClaimFrame, text: str, m: EntityMention) -> bool:
    """Is the person only the voice telling the sentence's deed? "…, killing 10 people, Governor X said" names no
    other killer than the claim's; but where the sentence tells the deed outside the words he said ("the chief of
    staff, who signed it with Ayoub, said …"), he may well be its doer. Not where the claim itself reports a saying
    ("X said …"): then the speaker is the claim's agent."""
    if _voices(frame.text):
        return False
    held = _deed_words(frame, word_keys(text), _entities_of(text, frame.book))[0]
    for party_start, party_end, said_start, said_end in _voices(text):
        said = text[said_start:said_end]
        if party_start <= m.start and m.end <= party_end:
            return 0 < held == _deed_words(frame, word_keys(said), _entities_of(said, frame.book))[0]
    return False


def _agent_predicate(frame: ClaimFrame) -> Group | None:
    """The claim's deed word its first person does: the content word after the name in English ("King X ordered …"),
    in Arabic the one before it (a verb leads: "التقى X …"), else after. Another person of a sentence stands in for
    the claim's only as the doer of that word; one who welcomes or reports the deed does not. None where the word
    next to the name is no deed word."""
    words = [normalize_arabic(w).lower() for w in _WORD.findall(frame.text)]
    persons = {normalize_arabic(w).lower() for g in frame.groups if g.entity and is_person(g.entity) for w in _WORD.findall(g.word)}
    deed = {normalize_arabic(g.word).lower(): g for g in frame.deed()}
    at = [i for i, w in enumerate(words) if w in persons]
    if not at:
        return None
    skip = persons | FUNCTION_WORDS_AR | _NOT_CONTENT_EN
    after = [w for w in words[at[0] + 1 :] if w not in skip][:1]
    before = [w for w in words[: at[0]] if w not in skip][-1:] if frame.lang == "ar" else []
    return next((deed[w] for w in (*before, *after) if w in deed), None)


def _agent_check(frame: ClaimFrame, ev: Evidence) -> Check | None:
    """The persons the claim names against those the sentence names: another person in their place clashes (not one
    the deed was done with)."""
    claimed = {g.entity for g in frame.groups if g.entity and is_person(g.entity)}
    mentions = [m for m in _named(ev.text, frame.book, frozenset({"person"})) if m.id]
    stated = {m.id for m in mentions}
    if not claimed or not stated:
        return None
    where = tuple(dict.fromkeys(m.text for m in mentions))
    weak = _weak_persons(ev.text, frame.book) - claimed
    if claimed <= stated:
        named = [m for m in mentions if m.id not in weak]
        return Check("agent", "match", _say(frame, "agent_match", ", ".join(dict.fromkeys(_person_words(m, frame) for m in named))), where)
    # Another person stands in for the claim's only in a sentence that tells its deed (``_same_deed``), where the
    # claim has one: "جرى توقيع الاتفاقية ... برئاسة باقري ووزير الدفاع السوري أيوب" names no meeting of Assad's.
    keys, entities = word_keys(ev.text), _entities_of(ev.text, frame.book)
    others = [
        m
        for m in mentions
        if m.id in stated - claimed - weak
        and not _counterpart(ev.text, m.start)
        and not _claimed_name_in(frame, m)
        and not _voice(frame, ev.text, m)
    ]
    predicate = _agent_predicate(frame)
    if (
        others
        and (predicate is None or _present(predicate, keys, entities))
        and not _another_occurrence(frame, stated)
        and (not _deed_words(frame, keys, entities)[1] or _same_deed(frame, keys, entities, person=True))
    ):
        named = [m for m in others if not m.via_role] or others  # a name rather than its role, where both are given
        names = ", ".join(dict.fromkeys(_person_words(m, frame) for m in named))
        return Check("agent", "clash", _say(frame, "agent_clash", names), where)
    return None
