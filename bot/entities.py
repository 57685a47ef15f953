"""Canonical entities and quantities in Arabic/English news sentences.

Why canonical ids: the same man is "علي أيوب", "علي عبد الله أيوب", "العماد علي
أيوب" and "وزير الدفاع السوري"; the same country is "سوريا" and "سورية". Claims
about one event must key on one id, or name variants would look like
disagreements. The gazetteer is data, not code: ``bot/gazetteer.json`` (its
``_about`` field documents the format). Matching runs on folded text
(``bot.textfold``) so spans still point into the verbatim sentence.

Quantities are intervals (``low``..``high``) because Arabic news counts with
words ("عشرات", "أكثر من ألف"): two counts conflict only when their intervals
cannot overlap.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from bot.textfold import fold_with_offsets, original_span
from vectorstore.normalize import normalize_arabic

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
        e["id"]: Entity(e["id"], e["type"], e["en"], e["ar"], tuple(e["variants"]), tuple(e.get("roles", ())), e.get("part_of"))
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


# ---------------------------------------------------------------- quantities


@dataclass(frozen=True)
class Quantity:
    """A count or measure: ``low``..``high`` (``high`` None = unbounded), with its unit word."""

    text: str
    start: int
    end: int
    low: float
    high: float | None
    unit: str | None
    approximate: bool

    def overlaps(self, other: Quantity) -> bool:
        """Could both be true? Intervals overlap (units must be compared by the caller)."""
        hi_a = float("inf") if self.high is None else self.high
        hi_b = float("inf") if other.high is None else other.high
        return self.low <= hi_b and other.low <= hi_a


# Folded number words → (low, high). Plural "tens/hundreds/thousands" are ranges.
_NUMBER_WORDS: dict[str, tuple[float, float]] = {
    "عشرات": (20, 99), "مئات": (200, 999), "مئات الالاف": (200_000, 999_999), "الاف": (2000, 9999), "الوف": (2000, 9999),
    "عشرات الالاف": (20_000, 99_999), "ملايين": (2_000_000, 9_999_999),
    "الف": (1000, 1000), "الفا": (1000, 1000), "الفين": (2000, 2000), "مئه": (100, 100), "مائه": (100, 100),
    "مئتين": (200, 200), "مليون": (1e6, 1e6), "مليار": (1e9, 1e9),
    "واحد": (1, 1), "اثنين": (2, 2), "اثنان": (2, 2), "ثلاثه": (3, 3), "اربعه": (4, 4), "خمسه": (5, 5), "سته": (6, 6),
    "سبعه": (7, 7), "ثمانيه": (8, 8), "تسعه": (9, 9), "عشره": (10, 10),
    "dozens": (24, 99), "hundreds": (200, 999), "thousands": (2000, 9999), "thousand": (1000, 1000), "hundred": (100, 100), "million": (1e6, 1e6),
}
_SCALES = {"الف": 1000, "الاف": 1000, "مليون": 1e6, "ملايين": 1e6, "مليار": 1e9, "thousand": 1000, "million": 1e6, "billion": 1e9}
_MORE = ("اكثر من", "ما يزيد عن", "ما يزيد على", "ما لا يقل عن", "more than", "over", "at least")
_LESS = ("اقل من", "ما لا يزيد عن", "less than", "fewer than", "under", "up to")
_ABOUT = ("نحو", "حوالي", "قرابه", "زهاء", "ما يقارب", "about", "around", "nearly", "some", "approximately")
_NUMBER_WORDS = {normalize_arabic(k): v for k, v in _NUMBER_WORDS.items()}  # "مئات" is matched as folded "ميات"
_UNIT_SKIP = {"من", "of"}
_QUANTITY = re.compile(
    rf"(?<!\w)(?:[وب](?=[^\s\d]))?(?P<mod>{'|'.join(map(re.escape, sorted(_MORE + _LESS + _ABOUT, key=len, reverse=True)))})?\s*"
    rf"(?P<num>\d[\d,]*(?:\.\d+)?(?:\s+(?:{'|'.join(_SCALES)}))?|{'|'.join(sorted(map(re.escape, _NUMBER_WORDS), key=len, reverse=True)).replace(chr(92) + ' ', chr(92) + 's+')})(?!\w)"
    rf"(?:\s+(?:(?:{'|'.join(_UNIT_SKIP)})\s+)?(?P<unit>[^\s\d،,.؛:()\"]+))?"
)


def _value(num: str) -> tuple[float, float]:
    parts = num.split()
    if parts[0][0].isdigit():
        v = float(parts[0].replace(",", ""))
        if len(parts) > 1:
            v *= _SCALES[parts[1]]
        return v, v
    return _NUMBER_WORDS[re.sub(r"\s+", " ", num)]


def find_quantities(text: str) -> list[Quantity]:
    """Counts in ``text`` with their unit word, skipping numbers that are dates or years."""
    from bot.timeexpr import resolve_times  # local: timeexpr is the heavier module

    folded, origin = fold_with_offsets(text)
    time_spans = [(t.start, t.end) for t in resolve_times(text, None)]
    out = []
    for m in _QUANTITY.finditer(folded):
        s, e = original_span(origin, m.start("mod") if m.group("mod") else m.start("num"), m.end())
        ns, ne = original_span(origin, m.start("num"), m.end("num"))
        if any(ts < ne and ns < te for ts, te in time_spans):
            continue
        low, high = _value(m.group("num"))
        mod = m.group("mod")
        approximate = bool(mod and mod in _ABOUT) or low != high
        if mod in _MORE:
            low, high = low + (0 if mod in ("ما لا يقل عن", "at least") else 1), None
        elif mod in _LESS:
            low, high = 0, high if mod in ("ما لا يزيد عن", "up to") else high - 1
        elif mod in _ABOUT:
            low, high = low * 0.9, high * 1.1
        unit = m.group("unit")
        out.append(Quantity(text[s:e].strip(), s, e, low, high, normalize_arabic(unit) if unit else None, approximate))
    return out
