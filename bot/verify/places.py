"""The place slot: the cities a text puts its event in, the towns CLDR does not list, and a sentence's place against the
claim's.
"""

from __future__ import annotations

import re

from bot.claims import Evidence
from bot.crosslingual import arabic_keywords
from bot.entities import find_entities, label, place_compatible
from bot.verify.frame import _PREFIX, _WORD, ClaimFrame, word_keys
from bot.verify.reasons import Check, _lang, _say
from language.lexicon import ASKED_NOUNS_AR, ASKED_NOUNS_EN
from language.names import common_nouns, skeleton
from language.normalize import detect_language, normalize_arabic
from language.places import find_places

_AR_PLACE_BEFORE = re.compile(r"(?:(?<!\w)(?:في|الي|in|at|to)\s+|(?<!\w)ب)$")
#: A noun of place (``language.lexicon``: "city", "capital", "مدينة", "العاصمة") and up to one adjective between the
#: preposition and the city, in either order of the two languages: "في العاصمة النمساوية فيينا", "بمدينة حلب", "in the
#: Austrian capital Vienna", "in the city of Aleppo".
_PLACE_NOUNS = "|".join(sorted({*ASKED_NOUNS_AR["place"].split(), *ASKED_NOUNS_EN["place"].split()}, key=len, reverse=True))
_APPOSED_PLACE = re.compile(
    rf"(?:(?<!\w)(?:في|الي|in|at|to)\s+(?:the\s+)?(?:\w+\s+)?|(?<!\w)ب)(?:ال)?(?:{_PLACE_NOUNS})(?:\s+\w+)?(?:\s+of)?[\s,]+$",
    re.I,
)
#: An Arabic noun of place in construct with the city, with no preposition before it: "قرية شرقي محافظة حمص", "قرب
#: مدينة حلب" — the city named as a place, not as an actor ("قالت حلب", "محافظ حلب"). Folded text: ة is written ه.
_CONSTRUCT_PLACE = re.compile(rf"(?<!\w)(?:[وب]?)(?:{'|'.join(ASKED_NOUNS_AR['place'].split())})\s+$")
#: A place the text puts its event in by a noun of place and a name ("in the city of Bhopal", "بمدينة اندور"): the
#: noun and the name (``_sites``); read on the text as written (a name's capital), the nouns' ه standing for ة too,
#: and a noun's feminine (بلد -> بلدة, "town").
_SITE = re.compile(
    rf"(?:(?<!\w)(?:في|إلى|الى|in|at|to)\s+(?:the\s+)?|(?<!\w)ب)((?:ال)?(?:{_PLACE_NOUNS.replace('ه', '[هة]')})[هة]?)(?:\s+of)?\s+(\w+)",
    re.I,
)


def _slot_places(text: str) -> dict[str, str]:
    """Cities the sentence puts an event *in* ("في دمشق", "إلى دمشق", "in Tehran"), not places acting: id -> words.

    Cities come from CLDR (``language.places``, Arabic and English alike), and a
    capital named by its country ("العاصمة السورية") from ``bot.entities``.
    Countries are too coarse to be a slot ("in Syria").
    """
    out: dict[str, str] = {}
    taken: list[tuple[int, int]] = []
    mentions = [(m.id, m.text, m.start, m.end) for m in find_places(text) if m.kind == "city"]
    mentions += [(m.id, m.text, m.start, m.end) for m in find_entities(text, frozenset({"place"})) if m.id.startswith("capital:")]
    for pid, words, start, end in mentions:
        if any(s < end and start < e for s, e in taken):
            continue
        before = normalize_arabic(text[max(0, start - 40) : start])
        if _AR_PLACE_BEFORE.search(before[-5:]) or _APPOSED_PLACE.search(before) or _CONSTRUCT_PLACE.search(before):
            out.setdefault(pid, words)
            taken.append((start, end))
    return out


def _sites(text: str) -> list[tuple[str, str]]:
    """Places CLDR does not list that the text puts its event in by a noun of place: (folded noun, name as written).

    A town too small for CLDR ("in the city of Bhopal", "بمدينة اندور") is a place slot all the same; a listed place,
    an adjective ("في العاصمة النمساوية", "في منطقة مزدحمة": articled, or a learned common word) or a lower-case
    English word is not such a name.
    """
    out = []
    for m in _SITE.finditer(text):
        noun, name = normalize_arabic(m.group(1)), m.group(2)
        folded = normalize_arabic(name)
        if (name.isascii() and not name[0].isupper()) or folded.startswith("ال") or folded in common_nouns():
            continue
        if len(skeleton(name)) >= PLACE_SKELETON and not find_places(name):
            out.append((noun, name))
    return out


def _noun_keys(noun: str) -> frozenset[str]:
    """A noun of place's keys in Arabic, whatever its language ("city" -> مدينه): the same noun in both sources."""
    return word_keys(noun) | word_keys(arabic_keywords(noun))


def _site_check(frame: ClaimFrame, ev: Evidence) -> Check | None:
    """The claim's unlisted place (``_sites``) against the sentence: its name anywhere, by consonant skeleton, states
    it; another name under the same noun of place clashes ("بمدينة اندور" against "in the city of Bhopal")."""
    wanted = {name for _, name in frame.sites}
    words = [w for w in _WORD.findall(ev.text) if not w.isascii() or w[0].isupper()]
    named = [w for w in words if _skeletons(w) & wanted]
    if named:
        return Check("place", "match", _say(frame, "place_match", named[0]), (named[0],))
    other = _other_sites(frame, ev.text)
    if not other:
        return None
    claimed = ", ".join(w for w in _WORD.findall(frame.text) if _site_word(frame, w))
    return Check("place", "clash", _say(frame, "place_clash", other[0], claimed), (other[0],))


def _site_word(frame: ClaimFrame, word: str) -> bool:
    """Is ``word`` the name of the claim's unlisted town (``_sites``)?"""
    return skeleton(normalize_arabic(word)) in {name for _, name in frame.sites}


def _other_sites(frame: ClaimFrame, text: str) -> list[str]:
    """The names the sentence gives under the claim's noun of place, other than the claim's town ("بمدينة اندور"
    against "in the city of Bhopal")."""
    nouns = frozenset().union(*(_noun_keys(noun) for noun, _ in frame.sites))
    return [name for noun, name in _sites(text) if _noun_keys(noun) & nouns and not _site_word(frame, name)]


def _place_check(frame: ClaimFrame, ev: Evidence) -> Check | None:
    if not frame.places:
        return _site_check(frame, ev) if frame.sites else None
    said = _slot_places(ev.text)
    judged = [place_compatible(c, s) for c in frame.places for s in said]
    if not any(j is not None for j in judged):
        return None
    where = tuple(said.values())
    shown = ", ".join(w if detect_language(w) == _lang(frame) else label(p, _lang(frame)) for p, w in said.items())
    if any(judged):
        return Check("place", "match", _say(frame, "place_match", shown), where)
    claimed = ", ".join(sorted(label(p, _lang(frame)) for p in frame.places))
    return Check("place", "clash", _say(frame, "place_clash", shown, claimed), where)


def _place_named(frame: ClaimFrame, ev: Evidence) -> Check | None:
    """The claimed city named anywhere in the sentence ("on a busy Toronto sidewalk", "TORONTO (Reuters)"), not as
    where the event was: it confirms the place only beside a count or a date the sentence itself confirms (``assess``),
    as a city alone is often an actor ("Damascus said")."""
    named = {m.id: m.text for m in find_places(ev.text) if m.kind == "city" and m.id in frame.places} or _spelled_otherwise(frame, ev.text)
    if not named:
        return None
    shown = ", ".join(w if detect_language(w) == _lang(frame) else label(p, _lang(frame)) for p, w in named.items())
    return Check("place", "match", _say(frame, "place_match", shown), tuple(named.values()))


def _spelled_otherwise(frame: ClaimFrame, text: str) -> dict[str, str]:
    """The claimed cities the sentence names in a spelling CLDR does not list ("كابل" for "كابول"/"Kabul"): a word of
    the sentence (an Arabic one, or an English one in capitals) with the consonant skeleton of the city's name."""
    wanted = {skeleton(label(p, lang)): p for p in frame.places for lang in ("ar", "en")}
    words = [w for w in _WORD.findall(text) if not w.isascii() or w[0].isupper()]
    found = {}
    for w in words:
        key = next((k for k in sorted(_skeletons(w), key=len, reverse=True) if len(k) >= PLACE_SKELETON and k in wanted), None)
        if key:
            found.setdefault(wanted[key], w)
    return found


def _skeletons(word: str) -> set[str]:
    """A name's consonant skeletons with its clitics off and as written: "بلوبك" is ب + لوبك, but "فالنسيا" is no
    ف + النسيا and "وارشو" no و + ارشو: a town's own first letters may look like a clitic."""
    return {skeleton(word), skeleton(_PREFIX.sub("", normalize_arabic(word)))}


#: The fewest consonants a city's skeleton needs (``_spelled_otherwise``): a claimed city beside a confirmed count, so
#: shorter than a name's (``NAME_SKELETON``).
PLACE_SKELETON = 3
