"""Provinces and governorates of the Arabic-writing countries, in Arabic and English: build ``subdivisions.json``.

    python -m language.subdivisions ../shared/data/ant_multisource/ant_multisource_v2.1.jsonl.gz
    (rewrites language/subdivisions.json; needs requirements-dev.txt; ~10 min on 2 cores)

Why: CLDR names countries and one exemplar city per time zone, so most places a news story happens in
(حماة، دير الزور، الأنبار، الحديدة) were no place at all: "in Hama" and "in Idlib" never differed, and a
question "in which province" had no value to answer with. ISO 3166-2 (pycountry) is the well-kept list of
subdivisions, but in Latin letters only ("Ḩamāh", "Dayr az Zawr"); the countries-states-cities database
(``countrystatecity-countries``, ODbL) adds each one's native name and the English spelling news uses
("Deir ez-Zor"), with errors (one country's names are mistranscribed). So a native name is kept only where

- its consonant skeleton agrees with the ISO name's or the database's English one (``language.names.skeleton``,
  the reader that matches a person's name across scripts), and it is no other subdivision's name and no country
  or city CLDR already names;
- the news uses it as a place of that country: in at least ``MIN_ARTICLES`` articles of the ANT corpus, most of
  which (``MIN_COUNTRY_SHARE``) also name the country. A province named by a common word is no place in the news
  ("العاصمة", "شمال", "الشرقية" (Egypt's Sharqia; Syria's eastern Ghouta), "الجزيرة": the country is named in 2-12 %
  of their articles); a real one is (Idlib 99 %, Basra 98 %, Doha 95 %); a name another country's town also bears
  is dropped too ("صيدا": Algeria's Saida, in the news Lebanon's Sidon, 0 %).

Only countries whose own name is written in Arabic letters are read: elsewhere the native name is no Arabic
spelling. The result is data (like ``common_nouns.json``) that ``language.places`` reads with no dependency on
either package or the corpus at run time.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from collections import Counter
from pathlib import Path

from anyascii import anyascii

from language.normalize import normalize_arabic

SUBDIVISIONS = Path(__file__).with_name("subdivisions.json")
#: Fewer letters than this (less the article) and an Arabic name is as often a word ("حب", "عن").
MIN_LETTERS = 3
#: A name is a place of its country where at least this many news articles use it, and this share of them name
#: the country: common words score 0.02-0.12 on ANT, places 0.8-1.0 (module docstring).
MIN_ARTICLES = 3
MIN_COUNTRY_SHARE = 0.6
_ARABIC = re.compile(r"[\u0621-\u064a\u067e\u0686\u06a9\u06af\u06cc]")
#: Latin transcriptions of the Arabic article, written as a word ("Dayr az Zawr", "Ash Shimal").
_LATIN_ARTICLE = re.compile(r"^(?:a|e)(?:l|[tdszrn]h?)$", re.IGNORECASE)


def name_skeleton(name: str) -> str:
    """The consonant skeleton of a multi-word place name, articles left out: "دير الزور" = "Dayr az Zawr"."""
    from language.names import skeleton

    words = []
    for word in re.split(r"[\s\-‐'’]+", name):
        if not word or _LATIN_ARTICLE.match(word):
            continue
        folded = normalize_arabic(word) if _ARABIC.search(word) else anyascii(word)
        if folded.startswith("ال") and len(folded) > 3:
            folded = folded[2:]
        words.append(skeleton(folded))
    return "".join(words)


def agrees(native: str, latin: list[str]) -> bool:
    """Does the Arabic ``native`` name spell one of the ``latin`` names (same skeleton, or one letter apart)?"""
    mine = name_skeleton(native)
    return any(mine == other or (min(len(mine), len(other)) >= 3 and _one_apart(mine, other)) for other in map(name_skeleton, latin))


def _one_apart(a: str, b: str) -> bool:
    """One letter added, dropped or changed: transcriptions differ by a letter ("بابل" "bbl", "Babylon" "bbln")."""
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) <= 1
    short, long_ = sorted((a, b), key=len)
    return len(long_) - len(short) == 1 and any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def _letters(native: str) -> int:
    folded = normalize_arabic(native).replace(" ", "")
    return len(folded[2:] if folded.startswith("ال") else folded)


def candidates() -> list[dict]:
    """Each subdivision whose native name spells its ISO 3166-2 or English name: code, country, Arabic, English."""
    import countrystatecity_countries as csc
    import pycountry

    from language.places import cldr_places

    known = {normalize_arabic(n) for p in cldr_places().values() for n in (p.ar, p.en)}
    rows = []
    for country in csc.get_countries():
        if not _ARABIC.search(country.native or ""):
            continue
        for state in csc.get_states_of_country(country.iso2):
            iso = pycountry.subdivisions.get(code=state.iso3166_2 or "")
            latin = [state.name] + ([iso.name] if iso else [])
            native = (state.native or "").strip()
            if not (iso and _ARABIC.search(native) and _letters(native) >= MIN_LETTERS and agrees(native, latin)):
                continue
            english = list(dict.fromkeys(anyascii(n).strip() for n in latin))
            if not {normalize_arabic(n) for n in (native, *english)} & known:
                rows.append({"id": iso.code, "country": country.iso2, "ar": native, "en": english})
    counts = Counter(normalize_arabic(r["ar"]) for r in rows)
    return [r for r in rows if counts[normalize_arabic(r["ar"])] == 1]


def news_evidence(rows: list[dict], texts) -> dict[str, tuple[int, int]]:
    """Per subdivision id: (articles naming it, of those the ones that also name its country)."""
    from language.places import find_places

    by_name = {normalize_arabic(r["ar"]): r for r in rows}
    alternation = "|".join(sorted(map(re.escape, by_name), key=len, reverse=True))
    pattern = re.compile(rf"(?<![\u0621-\u064a])(?:[وفب]|و?ل)?({alternation})(?![\u0621-\u064a])")
    seen: Counter[str] = Counter()
    with_country: Counter[str] = Counter()
    for text in texts:
        named = {by_name[m.group(1)]["id"]: by_name[m.group(1)]["country"] for m in pattern.finditer(normalize_arabic(text))}
        if not named:
            continue
        countries = {p.country for p in find_places(text) if p.kind == "country"}
        for sid, country in named.items():
            seen[sid] += 1
            with_country[sid] += country in countries
    return {r["id"]: (seen[r["id"]], with_country[r["id"]]) for r in rows}


def build(corpus: Path) -> list[dict]:
    """The candidates the news in ``corpus`` (ANT jsonl.gz) uses as places of their country."""
    from tqdm import tqdm

    rows = candidates()
    with gzip.open(corpus, "rt", encoding="utf-8") as lines:
        evidence = news_evidence(rows, (json.loads(line).get("text") or "" for line in tqdm(lines, unit=" articles")))
    return [r for r in rows if evidence[r["id"]][0] >= MIN_ARTICLES and evidence[r["id"]][1] >= MIN_COUNTRY_SHARE * evidence[r["id"]][0]]


if __name__ == "__main__":
    kept = build(Path(sys.argv[1]))
    provenance = (
        "language.subdivisions.build: ISO 3166-2 (pycountry) x countrystatecity-countries native names,"
        f" kept where {Path(sys.argv[1]).name} names the country beside them"
    )
    SUBDIVISIONS.write_text(json.dumps({"provenance": provenance, "places": kept}, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(kept)} subdivisions written to {SUBDIVISIONS}")
