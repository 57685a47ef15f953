"""Canonical entities in Arabic/English news sentences: persons, places, outlets.

Why canonical ids: the same man is "ناصر بوريطة", "بوريطة", "الوزير ناصر
بوريطة" and "Nasser Bourita"; the same country is "سوريا", "سورية" and "Syria".
Claims about one event must key on one id, or name variants would look like
disagreements. Nothing here lists a story's people or places:

* persons come from ``language.names`` (titles, offices, verbs of saying,
  quotes, capitalisation, family names repeated), keyed ``p:<skeleton>`` so
  Arabic and English spellings meet; a role alone names a person only where
  the texts at hand tie it to a name (``NameBook``);
* places come from CLDR (``language.places``); "العاصمة السورية" (the capital
  and a country adjective) is ``capital:SY``, inside that country;
* outlets are found by structure inside attribution parties (``bot.attribution``);
  ``bot/gazetteer.json`` only adds the spellings of the international wire
  agencies ("رويترز" = "Reuters"), general knowledge no text states.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from language.lexicon import OUTLET_WORDS_AR
from bot.crosslingual import load_lexicon
from language.names import NameBook, NameMention, common_nouns, describes, find_persons, romanise, without_possessive
from language.normalize import fold_with_offsets, normalize_arabic, original_span, word_alternation
from language.places import compatible as _cldr_compatible
from language.places import find_places, place_label, places

GAZETTEER_PATH = Path(__file__).with_name("gazetteer.json")
_DEFAULT_TYPES = frozenset({"person", "place"})


@dataclass(frozen=True)
class Entity:
    """A name whose spellings no text states: an international agency's Arabic and English forms."""

    id: str
    type: str
    en: str
    ar: str
    variants: tuple[str, ...]
    exact: tuple[str, ...] = ()  # common words ("العربية", "الجزيرة") that name the outlet only as a whole name


@dataclass(frozen=True)
class EntityMention:
    """An entity found in text; ``via_role`` when only a job title named it."""

    id: str
    type: str
    text: str
    start: int
    end: int
    via_role: bool = False


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, Entity]:
    """Spelling variants by id, loaded once from ``bot/gazetteer.json``."""
    data = json.loads(GAZETTEER_PATH.read_text(encoding="utf-8"))
    return {
        e["id"]: Entity(e["id"], e["type"], e["en"], e["ar"], tuple(e["variants"]), tuple(e.get("exact", ()))) for e in data["entities"]
    }


@lru_cache(maxsize=1)
def _variants() -> tuple[re.Pattern[str], dict[str, str]]:
    lookup = {normalize_arabic(v): e.id for e in gazetteer().values() for v in (*e.variants, e.en, e.ar) if v not in e.exact}
    return re.compile(rf"(?<!\w)(?:[وفب]|و?ل)?(?P<core>{word_alternation(lookup)})(?!\w)"), lookup


def _bare_name(name: str) -> str:
    """An outlet's name folded, without quotes or a leading kind of medium ('قناة "الجزيرة"' → "الجزيره")."""
    words = re.sub(r'["«»“”]', "", normalize_arabic(name)).split()
    return " ".join(words[1:] if len(words) > 1 and words[0] in OUTLET_WORDS_AR else words)


@lru_cache(maxsize=1)
def _whole_names() -> dict[str, str]:
    return {_bare_name(v): e.id for e in gazetteer().values() for v in (*e.variants, *e.exact, e.en, e.ar)}


def outlet_id(name: str) -> str | None:
    """The gazetteer id of an outlet name already known to be an outlet (by the attribution's structure):
    the whole name may be a common word ("العربية"), which never counts inside running text."""
    if hit := _whole_names().get(_bare_name(name)):
        return hit
    found = known_outlets(name)
    return found[0].id if found else None


def known_outlets(text: str) -> list[EntityMention]:
    """Outlets the gazetteer spells unambiguously, in ``text``."""
    folded, origin = fold_with_offsets(text)
    pattern, lookup = _variants()
    out = []
    for m in pattern.finditer(folded):
        s, e = original_span(origin, m.start("core"), m.end("core"))
        out.append(EntityMention(lookup[re.sub(r"\s+", " ", m.group("core"))], "outlet", text[s:e], s, e))
    return out


_CAPITAL = re.compile(r"(?<!\w)(?:[وفب]|و?ل)?(?P<core>ال?عاصم[ةه]\s+(?P<adj>ال\w+))", re.UNICODE)


def _capitals(text: str) -> list[EntityMention]:
    """ "العاصمة السورية": the capital of the country the adjective names (CLDR demonym of its name)."""
    out = []
    for m in _CAPITAL.finditer(text):
        adj = [p for p in find_places(m.group("adj")) if p.kind == "country" and p.via == "demonym"]
        if adj:
            out.append(EntityMention(f"capital:{adj[0].id}", "place", m.group("core"), m.start("core"), m.end("core")))
    return out


def find_entities(
    text: str, types: frozenset[str] = _DEFAULT_TYPES, with_roles: bool = True, book: NameBook | None = None, anonymous: bool = False
) -> list[EntityMention]:
    """Persons, places (``types``) and wire agencies ("outlet") in ``text``, in order, spans in the original.

    Persons named in full, by a bare family name the text (or ``book``) names in full, or (``with_roles``)
    by a role the text or ``book`` ties to a name; ``anonymous`` adds roles tied to nobody, with id "".
    Places are CLDR countries and cities, not adjectives.
    """
    found: list[EntityMention] = []
    if "outlet" in types:
        found += known_outlets(text)
    if "place" in types:
        found += _capitals(text)
        found += [
            EntityMention(p.id, "place", p.text, p.start, p.end)
            for p in find_places(text, demonyms=False)
            if not any(m.start <= p.start < m.end for m in found)
        ]
    if "person" in types:
        outlets = found if "outlet" in types else known_outlets(text)
        for m in find_persons(text, book, roles=with_roles, unresolved=anonymous):
            if _common_word(m):
                continue
            if m.via == "role":  # a role holds the places it names ("France's foreign minister")
                found = [f for f in found if not (f.type == "place" and m.start <= f.start and f.end <= m.end)]
            if not any(o.start < m.end and m.start < o.end for o in found + outlets):
                found.append(EntityMention(m.key, "person", m.text, m.start, m.end, m.via == "role"))
    return sorted(found, key=lambda m: (m.start, -m.end))


def _common_word(m: NameMention) -> bool:
    """A lone capitalised word found only by its capital ("Students clashed ...", "Troops ..."), which the learned word
    lexicon translates to an Arabic common noun: a sentence's first word, no person. A family name is still found
    where the texts name its person in full ("known")."""
    if m.via != "capitalised" or " " in m.text.strip():
        return False
    word = without_possessive(m.text.strip()).lower()
    nouns = common_nouns()
    return any(normalize_arabic(w).removeprefix("ال") in nouns for w in load_lexicon().translations(word))


def canonical(surface: str, types: frozenset[str] = frozenset({"person", "place", "outlet"})) -> str | None:
    """The entity id a surface form names, or None ("سورية" → "SY", "رويترز" → "reuters")."""
    hits = find_entities(surface, types)
    return max(hits, key=lambda h: h.end - h.start).id if hits else None


def is_person(entity_id: str) -> bool:
    return entity_id.startswith("p:")


def label(entity_id: str, lang: str = "en") -> str:
    """A place's or agency's name in ``lang`` (persons have no label: show their own words, ``display``)."""
    if entity_id in gazetteer():
        ent = gazetteer()[entity_id]
        return ent.en if lang == "en" else ent.ar
    if entity_id.startswith("capital:"):
        country = place_label(entity_id.split(":", 1)[1], lang)
        return f"عاصمة {country}" if lang == "ar" else f"the capital of {country}"
    return place_label(entity_id, lang)


def display(text: str, lang: str, name: bool = False) -> str:
    """Words as the text gives them; for an English reader, a name in another script romanised and a
    description («الناطق باسم وزارة الصحة») in its own words, in quotes. ``name``: the words are known to
    be a name (an outlet's, a person's found by ``language.names``), whatever words it is made of.

    Why not romanise a description: "Sharta Hakni" tells an English reader less than the Arabic does,
    and no translation here is good enough to put in a source's mouth (the learned word bridge is a
    retrieval aid, sense-blind, with no word order). A name is only ever spelt, so romanising it is
    the honest rendering; which words are a name is ``language.names.describes``.
    """
    foreign = any(ch.isalpha() and ord(ch) > 0x24F for ch in text)
    if lang != "en" or not foreign:
        return text
    words = text.strip(_QUOTE_MARKS)
    whole = [p for p in find_places(words) if p.start == 0 and p.end == len(words)]
    if whole:  # "روسيا": a place has its English name in CLDR
        return place_label(whole[0].id, "en")
    return f"«{words}»" if not name and describes(words) else romanise(text)


_QUOTE_MARKS = "\"'«»“” \t"


def place_compatible(a: str, b: str) -> bool:
    """Two place ids can both be true of one event: equal, one inside the other, or a capital and a city of
    its country (CLDR does not say which city is the capital)."""

    def country(x: str) -> str | None:
        if x.startswith("capital:"):
            return x.split(":", 1)[1]
        return places()[x].country if x in places() else None

    if a.startswith("capital:") or b.startswith("capital:"):
        return country(a) == country(b) and country(a) is not None
    return _cldr_compatible(a, b)


def country_of(place_id: str) -> str | None:
    """The country a city (or capital) id is in: news names a country by its capital city."""
    if place_id.startswith("capital:"):
        return place_id.split(":", 1)[1]
    place = places().get(place_id)
    return place.country if place and place.kind == "city" else None
