"""Countries and cities in Arabic and English text, with canonical ids and containment.

Why: claims about one event must key on one place id whatever the spelling or
language ("دمشق" = "Damascus" = Asia/Damascus; "سوريا"/"سورية" = "Syria" = SY),
and a city is compatible with its country ("in Damascus" does not contradict
"in Syria"). The names are not listed by hand: countries are CLDR territory
names (Babel ``Locale.territories``, ar + en), cities are CLDR time-zone
exemplar cities (``get_timezone_location``, ar + en) whose country is CLDR's
zone → territory mapping. Arabic relative adjectives ("السوري", "الإيرانيون")
are derived from the country name by the nisba rule and reported with
``via="demonym"``, so callers can choose whether an adjective locates an event.

CLDR's alternative names are not in Babel's data, so the ISO 3166 names that
pycountry ships (English common and official names, and the iso-codes Arabic
translations) are added as aliases: "السعودية" beside CLDR's "المملكة العربية
السعودية", "Palestine" from "Palestine, State of", "Iran" from "Iran, Islamic
Republic of". English names CLDR has replaced ("Turkey", now "Türkiye"; "Czech Republic", "Swaziland") come from
the IANA time-zone database's country table (``tz_aliases``). A surface that names two places ("عمان":
Oman / Amman) is reported with both ids (``alternatives``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import gettext
import json
from pathlib import Path

import pycountry
import pytz
from babel import Locale
from babel.core import get_global
from babel.dates import get_timezone_location

from language.normalize import fold_with_offsets, normalize_arabic, original_span, word_alternation

#: A one-word Arabic town name this short ("ترك" = Chuuk, "نوم" = Nome) is mostly a common word; it is
#: read only where the town's country has few time zones, so its exemplar city is a main city (غزة, دبي, عدن).
_SHORT_TOWN_LETTERS = 3
_SHORT_TOWN_MAX_ZONES = 2

#: CLDR codes that are groupings, not countries (unknown region, outlying Oceania, EU, eurozone, UN).
_NOT_COUNTRIES = {"ZZ", "QO", "EU", "EZ", "UN"}
#: Provinces and governorates, built by ``python -m language.subdivisions`` (ISO 3166-2 id, country, names).
_SUBDIVISIONS = Path(__file__).with_name("subdivisions.json")


@dataclass(frozen=True)
class Place:
    """A canonical place: ISO 3166 code for a country, IANA time-zone id for a city."""

    id: str
    kind: str  # "country" | "city" (a province too)
    country: str
    ar: str
    en: str
    aliases: tuple[str, ...] = ()  # more spellings (a province's ISO 3166-2 name beside the one news uses)


@dataclass(frozen=True)
class PlaceMention:
    """A place named in text; ``alternatives`` holds other ids the same words can name."""

    id: str
    kind: str
    country: str
    text: str
    start: int
    end: int
    via: str = "name"  # "name" | "demonym"
    alternatives: tuple[str, ...] = ()


def _clean(name: str) -> str:
    """ "ميانمار (بورما)" → "ميانمار": the parenthesised part is a second name, not spelling."""
    return re.sub(r"\s*\(.*?\)", "", name).strip()


@lru_cache(maxsize=1)
def places() -> dict[str, Place]:
    """Every place by id: CLDR's countries and exemplar cities, and the provinces of ``subdivisions.json``."""
    table = dict(cldr_places())
    for row in json.loads(_SUBDIVISIONS.read_text(encoding="utf-8"))["places"]:
        table[row["id"]] = Place(row["id"], "city", row["country"], row["ar"], row["en"][0], tuple(row["en"][1:]))
    return table


@lru_cache(maxsize=1)
def cldr_places() -> dict[str, Place]:
    """Every country and exemplar city CLDR names in both Arabic and English, by id."""
    ar, en = Locale("ar").territories, Locale("en").territories
    table: dict[str, Place] = {}
    for code, name in en.items():
        if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES and code in ar:
            table[code] = Place(code, "country", code, _clean(ar[code]), _clean(name))
    for zone, territory in get_global("zone_territories").items():
        if territory not in table or zone.startswith("Etc/") or territory == "AQ":
            continue
        try:
            city_ar = get_timezone_location(zone, "ar", return_city=True)
            city_en = get_timezone_location(zone, "en", return_city=True)
        except LookupError:
            continue
        if "," in city_en:  # "Knox, Indiana": a county seat named for its state, not a city news names
            continue
        if _minor_short_town(city_ar, territory):
            continue
        table[zone] = Place(zone, "city", territory, city_ar, city_en)
    return table


def _minor_short_town(name_ar: str, territory: str) -> bool:
    """A short Arabic town name in a country of many zones: more often a word ("ترك" left) than the town."""
    letters = normalize_arabic(name_ar).replace(" ", "")
    return len(letters) <= _SHORT_TOWN_LETTERS and len(get_global("territory_zones").get(territory, ())) > _SHORT_TOWN_MAX_ZONES


@lru_cache(maxsize=1)
def iso_aliases() -> dict[str, set[str]]:
    """ISO 3166 names beyond CLDR's, by country code: pycountry's English names and their Arabic translation.

    A name with a comma ("Korea, Republic of") is kept only as "X, State of" → "X": the head of the
    other comma names ("Korea", "Congo") names more than one country.
    """
    arabic = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"], fallback=True)
    aliases: dict[str, set[str]] = {}
    for country in pycountry.countries:
        names = {country.name, getattr(country, "common_name", None), getattr(country, "official_name", None)}
        forms: set[str] = set()
        for name in filter(None, names):
            head, _, tail = name.partition(", ")
            translated = arabic.gettext(name)
            if tail.startswith("State of"):  # "Palestine, State of" → "Palestine"; "دولة فلسطين" → "فلسطين"
                forms.add(head)
                translated = translated.removeprefix("دولة ")
            elif not tail:
                forms.add(name)
            if translated != name and "،" not in translated:
                forms.add(translated)
        aliases[country.alpha_2] = forms
    return aliases


@lru_cache(maxsize=1)
def tz_aliases() -> dict[str, str]:
    """English country names of the IANA time-zone database (``iso3166.tab``, through pytz) by code.

    Why: CLDR follows a country's own choice of English name ("Türkiye", "Czechia", "Eswatini") and Babel drops
    CLDR's alternative names, while the news and its readers still write "Turkey" (a question naming it named no
    place). The tz table keeps the names in common use. A name's parenthesised part
    is left out ("Britain (UK)" → "Britain"), and a head two countries share ("Korea (North)", "Korea (South)")
    names neither.
    """
    heads = {code: re.sub(r"\s*\(.*?\)", "", name).strip() for code, name in pytz.country_names.items()}
    counts = Counter(heads.values())
    return {code: head for code, head in heads.items() if counts[head] == 1}


def _arabic_forms(name: str) -> set[str]:
    """Folded spellings of an Arabic place name: سوريا/سورية alternate in news."""
    folded = normalize_arabic(name)
    forms = {folded}
    if folded.endswith("يا"):
        forms.add(folded[:-1] + "ه")
    return forms


def _demonym_stems(name: str) -> set[str]:
    """Nisba stems of a one-word Arabic country name: سوريا → سوري, العراق → عراقي, إيران → إيراني."""
    folded = normalize_arabic(name)
    if " " in folded or "-" in folded:
        return set()
    bare = folded[2:] if folded.startswith("ال") else folded
    for ending in ("يه", "يا", "ا"):
        if bare.endswith(ending) and len(bare) - len(ending) >= 3:
            bare = bare[: -len(ending)]
            break
    return {bare + "ي"} if len(bare) >= 3 else set()


@lru_cache(maxsize=1)
def _lexicon() -> tuple[re.Pattern[str], dict[str, list[tuple[str, str]]]]:
    """(regex over folded text, surface → [(place id, via)]): "سوريه" is a name and an adjective."""
    lookup: dict[str, list[tuple[str, str]]] = {}

    def add(surface: str, place_id: str, via: str) -> None:
        entries = lookup.setdefault(surface, [])
        if (place_id, via) not in entries:
            entries.append((place_id, via))

    for place in places().values():
        for form in _arabic_forms(place.ar):
            add(form, place.id, "name")
        for english in (place.en, *place.aliases):
            add(normalize_arabic(english), place.id, "name")
        if place.kind == "country" and place.id in tz_aliases():
            add(normalize_arabic(tz_aliases()[place.id]), place.id, "name")
        for alias in iso_aliases().get(place.id, ()) if place.kind == "country" else ():
            for form in _arabic_forms(alias):
                add(form, place.id, "name")
    for place in places().values():
        if place.kind == "country":
            for stem in set().union(*(_demonym_stems(name) for name in {place.ar} | iso_aliases().get(place.id, set()))):
                for suffix in ("", "ه", "ين", "ون", "يين", "يون"):
                    add(stem + suffix, place.id, "demonym")
    alternation = word_alternation(lookup)
    # proclitics (و ف ب ك ل, and the article for demonyms: "السوري") stay outside the span
    return re.compile(rf"(?<!\w)(?:[وفبك]|و?ل)?(?P<art>ال)?(?P<core>{alternation})(?!\w)"), lookup


_LAM_BEFORE_ARTICLE = re.compile(r"(?<!\w)[وف]?ل(?=ل\w{2})")


def _article_after_lam(folded: str, origin: list[int]) -> tuple[str, list[int]]:
    """The article's alif written back after the preposition ل ("للعراق" → "لالعراق"), mapped to the next letter.

    Why: Arabic drops the alif of "ال" after ل, so "المحاذية للعراق" never showed the name "العراق" the lexicon
    holds (after ب, ف, و, ك the alif stays: "بالعراق" always read)."""
    out: list[str] = []
    org: list[int] = []
    last = 0
    for m in _LAM_BEFORE_ARTICLE.finditer(folded):
        out += [folded[last : m.end()], "ا"]
        org += [*origin[last : m.end()], origin[m.end()]]
        last = m.end()
    return "".join(out) + folded[last:], org + origin[last:]


def find_places(text: str, demonyms: bool = True) -> list[PlaceMention]:
    """Countries and cities in ``text``, longest match first, spans in the original.

    English names must be capitalised in the original ("Jordan", not "jordan"
    inside a lowercase word list); Arabic has no case, so every match counts.
    """
    folded, origin = fold_with_offsets(text)
    found = _scan(text, folded, origin, demonyms)
    if _LAM_BEFORE_ARTICLE.search(folded):  # "للعراق" (ل + العراق), beside "لليبيا" (ل + ليبيا): read both ways
        more = _scan(text, *_article_after_lam(folded, origin), demonyms)
        found += [m for m in more if not any(m.start < f.end and f.start < m.end for f in found)]
        found.sort(key=lambda m: m.start)
    return found


def _scan(text: str, folded: str, origin: list[int], demonyms: bool) -> list[PlaceMention]:
    """The mentions the lexicon finds in one folded form of ``text`` (``find_places``)."""
    pattern, lookup = _lexicon()
    found: list[PlaceMention] = []
    for m in pattern.finditer(folded):
        key = re.sub(r"\s+", " ", m.group("core"))
        start = m.start("core")
        # with an article only an adjective reads ("السورية"; "المالي" is not Mali), unless the
        # article is part of a name ("السعودية" is the country and the adjective)
        named = [e for e in lookup.get("ال" + key, []) if e[1] == "name"] if m.group("art") else []
        if named:
            entries, start = named, m.start("art")
        else:
            wanted = ("demonym",) if m.group("art") else ("name", "demonym")
            entries = sorted((e for e in lookup[key] if e[1] in wanted), key=lambda e: wanted.index(e[1]))
        if not entries or (entries[0][1] == "demonym" and not demonyms):
            continue
        s, e = original_span(origin, start, m.end("core"))
        if text[s].isascii() and text[s].isalpha() and not text[s].isupper():
            continue
        place_id, via = entries[0]
        place = places()[place_id]
        others = tuple(dict.fromkeys(pid for pid, _ in entries if pid != place_id))
        found.append(PlaceMention(place_id, place.kind, place.country, text[s:e], s, e, via, others))
    return found


def is_place(text: str) -> bool:
    """Does all of ``text`` name one place ("روسيا", "Damascus")? A bracketed name or a credit slot that is a place is
    no outlet: one check for the dateline readers and the outlets learned from the corpus."""
    return any(p.start == 0 and p.end == len(text) for p in find_places(text))


def place_label(place_id: str, lang: str) -> str:
    """The place's CLDR name in ``lang`` ("Syria" / "سوريا")."""
    place = places()[place_id]
    return place.ar if lang == "ar" else place.en


def contains(outer: str, inner: str) -> bool:
    """Is ``inner`` the same place as ``outer`` or inside it (Asia/Damascus is in SY)?"""
    return outer == inner or places()[inner].country == outer


def compatible(a: str, b: str) -> bool:
    """Can one event be "in a" and "in b"? Same place, or one contains the other."""
    return contains(a, b) or contains(b, a)
