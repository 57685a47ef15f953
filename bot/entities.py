"""Canonical entities in Arabic/English news sentences.

Why canonical ids: the same man is "علي أيوب", "علي عبد الله أيوب", "العماد علي
أيوب" and "وزير الدفاع السوري"; the same country is "سوريا" and "سورية". Claims
about one event must key on one id, or name variants would look like
disagreements. The gazetteer is data, not code: ``bot/gazetteer.json`` (its
``_about`` field documents the format). Matching runs on folded text
(``language.normalize``) so spans still point into the verbatim sentence.

Quantities (``find_quantities``, ``Quantity``) live in ``language.numbers``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from language.normalize import fold_with_offsets, normalize_arabic, original_span

GAZETTEER_PATH = Path(__file__).with_name("gazetteer.json")


@dataclass(frozen=True)
class Entity:
    id: str
    type: str
    en: str
    ar: str
    variants: tuple[str, ...]
    roles: tuple[str, ...] = ()
    part_of: str | None = None
    capital: bool = False  # news names the country (``part_of``) by its capital


@dataclass(frozen=True)
class EntityMention:
    """A gazetteer entity found in text; ``via_role`` when only a job title named it."""

    id: str
    type: str
    text: str
    start: int
    end: int
    via_role: bool = False


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, Entity]:
    """All entities by id, loaded once from ``bot/gazetteer.json``."""
    data = json.loads(GAZETTEER_PATH.read_text(encoding="utf-8"))
    return {
        e["id"]: Entity(e["id"], e["type"], e["en"], e["ar"], tuple(e["variants"]), tuple(e.get("roles", ())), e.get("part_of"),
                        bool(e.get("capital")))
        for e in data["entities"]
    }


def _forms(surface: str) -> list[str]:
    """Folded surface plus its "لل" form (ل + الأسد → للاسد) for ال-initial words."""
    f = normalize_arabic(surface)
    return [f, "ل" + f[2:]] if f.startswith("ال") else [f]


@lru_cache(maxsize=8)
def _matcher(types: frozenset[str], with_roles: bool) -> tuple[re.Pattern[str], dict[str, tuple[str, bool]]]:
    lookup: dict[str, tuple[str, bool]] = {}
    for ent in gazetteer().values():
        if ent.type not in types:
            continue
        for surface in ent.variants:
            for form in _forms(surface):
                lookup.setdefault(form, (ent.id, False))
        if with_roles:
            for surface in ent.roles:
                for form in _forms(surface):
                    lookup.setdefault(form, (ent.id, True))
    alternation = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(lookup, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:[وفبك]|ل(?=ل)|و?ل(?=ل))?(?P<core>{alternation})(?!\w)"), lookup


def find_entities(text: str, types: frozenset[str] = frozenset({"person", "place", "group"}), with_roles: bool = True) -> list[EntityMention]:
    """Gazetteer entities in ``text``, longest match first, spans in the original text."""
    folded, origin = fold_with_offsets(text)
    pattern, lookup = _matcher(types, with_roles)
    found = []
    for m in pattern.finditer(folded):
        key = re.sub(r"\s+", " ", m.group("core"))
        ent_id, via_role = lookup[key]
        s, e = original_span(origin, m.start("core"), m.end("core"))
        found.append(EntityMention(ent_id, gazetteer()[ent_id].type, text[s:e], s, e, via_role))
    return found


def canonical(surface: str, types: frozenset[str] = frozenset({"person", "place", "group", "outlet"})) -> str | None:
    """The entity id a surface form names, or None ("سورية" → "syria")."""
    hits = find_entities(surface, types)
    return max(hits, key=lambda h: h.end - h.start).id if hits else None


def label(entity_id: str, lang: str = "en") -> str:
    ent = gazetteer()[entity_id]
    return ent.en if lang == "en" else ent.ar


def place_compatible(a: str, b: str) -> bool:
    """Two place ids can both be true of one event when equal or one contains the other."""
    def ancestors(x: str) -> set[str]:
        seen = {x}
        while (parent := gazetteer().get(x) and gazetteer()[x].part_of) and parent not in seen:
            seen.add(parent)
            x = parent
        return seen

    return a in ancestors(b) or b in ancestors(a)
