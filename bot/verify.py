"""Check one claim against retrieved evidence: SUPPORTED, REFUTED, CONFLICTING or NOT_ENOUGH_INFO.

Why slots and not only the stance model: claims are often English while the
collection is Arabic, and a claim is usually wrong in exactly one *slot* — the
day ("arrived on Monday" vs "مساء الثلاثاء"), the place ("signed in Tehran" vs
"في دمشق"), a count, or its polarity ("should keep its troops" vs "لا يكون عبر
التواجد"). Those compare across languages once both sides are resolved to dates
(``language.calendar``), person and place ids (``bot.entities``) and numbers. The stance
model (``bot.stance``) adds its judgement where claim and evidence share a
language, the only setting it was trained for.

Relevance first: a sentence counts only if it covers most of the claim's
content words (IDF-weighted over the evidence list, bridged to Arabic by
``bot.crosslingual``) and every rare name it uses — or, when the stance model,
in the claim's language, is sure it agrees or contradicts, at least
``RELEVANCE_FLOOR`` of them (a rebuttal rarely reuses the claim's words), and
when it is sure of a contradiction, without the rare names (a rebuttal drops the
detail it rebuts); ``counts``, fitted on ANS train. So "Russia signed the agreement too" finds signing
sentences that never mention Russia, and a Russia sentence that is not about a
signing: neither is relevant, and the verdict is NOT_ENOUGH_INFO rather than a
false REFUTED. Across languages the learned lexicon is sparse, so ``verify`` also
aligns each claim word with its translations in the evidence by the multilingual
encoder (``align_words``: "people"/"أشخاص", "explosion"/"انفجار"), and a name
the lexicon cannot bridge is matched by its consonant skeleton ("مونستر" /
"Muenster"), a name of short words by the run of their skeletons ("Karina Mey" /
"كارينا مي"); a word neither reaches is left out for a sentence in the other
language, as it could only be matched in its own. Where the words still miss
("ferry"/"العبارة"), a sentence of the other language that the same encoder
puts close to the whole claim (``CROSS_SIMILAR``) counts, but only to confirm a
slot value it states: an uploaded wire story in the other language is otherwise
NOT_ENOUGH_INFO for every claim it makes.

Verdict rules (``verify_claim``):

* a relevant sentence *contradicts* when a slot the claim states (date, place,
  count of the same unit, person) clashes with the sentence's value for it, or
  another party (person, country, city) does the claim's deed in its place ("Algeria
  cuts the internet" against "Egypt cuts ..."; not for an additive claim, "Russia signed
  too"; never words that only look like a person: "Police name woman …", "أفادت تقارير
  إعلامية", "in the Sahel, claimed"), or
  a negation governs the claim's words (not "لا يعني أن", not "دون توضيح"), or
  (same language) the stance model says "contradict" for a reason verify does
  not check itself — surely so (``STANCE_SURE``) even where the sentence drops the
  claimed date, place or count, since a rebuttal drops the detail it rebuts ("the
  court acquits him" against "jailed for 5 years"; then only where no source states
  the claim); a sentence with two voices, one matching the claimed date
  and one clashing, is *both* (a supporter and a contradictor); the voice a
  sentence is told by ("…, Governor X said") is no other doer of the deed, unless
  the claim reports a saying, and another person stands in for the claim's only where
  the sentence holds the deed word the claim's person does ("King X ordered a grant":
  the minister who welcomed the grant did not order it);
* it *supports* when every slot the claim states is stated and none clashes
  (a claim with no slot: it covers the claim and nothing clashes); a count no
  sentence gives leaves the claim NOT_ENOUGH_INFO;
* an earlier report contradicting on the figure alone is superseded by a later one
  that states the claim's figure (tolls rise: an update, not a contradiction), and
  an update whose latest figure the claim states does not dispute it (stated by an
  article that supports the claim: its headline is no other source than its body);
* a vague count ("عشرات القتلى", "dozens") neither confirms nor refutes a precise
  figure, nor does a bound short of it ("at least 9" for 15); a count of none ("لا قتلى") refutes any, across
  languages too in a sentence close to the claim;
* a count is the claim's only under the claim's deed: not under a predicate the news sets against it
  (``language.numbers.contrasting_predicates``: "أصيب 85" is no count of "قتل 85"), and of two counts in one
  sentence, the one whose own predicate is the claim count's ("killed four and injured 15" for "15 killed"; an
  Arabic count's verb may follow its noun, "30 شخصا أصيبوا"); a bare count after a count of the claim's noun counts
  that noun under its own predicate ("killing three people and injuring 20" for "20 injured"), and a count of a part
  "of" the claim's noun counts that noun ("3 أشخاص من العمال" for "ثلاثة عمال");
  such a tied count, or the total a toll rose to ("rises to 49"), also lets a sentence under the relevance cut count
  (across languages; in the claim's own, where it names the claim's capitalised names) and rivals the claim's figure,
  where closeness alone only confirms; a claim count's noun is matched against the other language's count nouns too
  ("people"/"شخصا"), so a figure no source gives meets the sources' figures;
* a support that says the toll rose to the claimed figure ("rose to six") supersedes a smaller figure not
  reported after it, whatever the dates; a later, smaller figure never supersedes a larger one (they conflict);
* a wire's dateline date ("VIENNA, March 12 (APA) -") dates the report, not the event, where the story gives its own;
* a sentence naming every person of a one-word deed tells it in whatever verb ("received" for "met"), and where it
  gives no day it takes the day its article's other sentences give the deed, if they agree (a story dates it once);
* a town CLDR does not list, named after a noun of place ("in the city of Bhopal", "في بلدة …"), is a place slot:
  its name (by consonant skeleton) states it, another name under the same noun of place clashes; a listed city is
  where the event was after a preposition or in construct with a noun of place ("شرقي محافظة حمص"), and named
  anywhere else only beside a count or a date the sentence itself confirms ("TUNIS (Reuters) - … on May 5");
* the evidence is retrieved for the claim, for the claim without its values, and for the question its count
  answers ("How many people were killed in …?"), which quotes each article's own statement of the figure: a rival
  figure told deeper in an article is seen;
* supporters and contradictors both → CONFLICTING; so too supporters that are
  one side of a conflict (``bot.conflicts``) on the slot the claim states
  ("arrived on Tuesday evening" while Al Jazeera's bureau chief says he had
  been there for days); only contradictors → REFUTED; only supporters →
  SUPPORTED; neither → NOT_ENOUGH_INFO.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from bot.answer import as_evidence, build_citations, detect_conflicts
from bot.attribution import extract_attributions, format_attribution
from bot.claims import Evidence, extract_claims
from bot.conflicts import about_same_event, describe_conflict
from bot.crosslingual import ALIGN, arabic_keywords, bridge_text, nearest_words
from bot.entities import EntityMention, country_of, display, find_entities, is_person, label, place_compatible
from language.names import NameBook, NameMention, common_nouns, demonym_country, describes, find_persons, learn, skeleton
from language.lexicon import (
    ASKED_NOUNS_AR,
    ASKED_NOUNS_EN,
    AUXILIARIES_EN,
    FUNCTION_WORDS_AR,
    FUNCTION_WORDS_EN,
    REPORTING_VERBS_AR,
    REPORTING_VERBS_EN,
)
from language.places import find_places
from bot.schema import Comparison, Conflict, Verdict, Verification
from bot.stance import ADDITIVES, DENIALS, NEGATIONS, PRIVATIVES, compare_many
from language.calendar import (
    DATELINE_REACH,
    MONTHS,
    PARTS_OF_DAY,
    RELATIVE_DAYS,
    WEEKDAYS,
    WEEKDAYS_EN,
    TimeMention,
    format_day,
    resolve_times,
)
from language.normalize import bm25_tokens, detect_language, normalize_arabic
from language.numbers import Quantity, contrasting_predicates, find_noun_duals, find_quantities

if TYPE_CHECKING:
    from langchain_core.embeddings import Embeddings

    from bot.evidence import EvidenceSentence
    from bot.service import Isnad

#: IDF-weighted share of the claim's content a sentence must cover to count.
RELEVANCE = 0.6
#: Stance-model confidence needed before its "contradict" alone refutes: the model's majority. Below
#: ``STANCE_SURE`` it is a weak contradiction: it refutes where no source states the claim, and is set
#: aside where one does (the model reads some paraphrases as contradictions).
STANCE_CONTRADICT = 0.5
STANCE_SURE = 0.7
#: When a sentence under ``RELEVANCE`` still counts (``counts``): it covers at least ``RELEVANCE_FLOOR`` of the
#: claim and the stance model (same language) contradicts (``STANCE_CONTRADICT``) or is ``STANCE_RELATED`` sure
#: it agrees; at ``STANCE_FOCUS`` sure of a contradiction, the claim's rare names are not required. The three are
#: fitted on ANS train by ``python -m bench.conflicts --fit`` (macro-F1 of verify, train 0.565 -> 0.653); the floor
#: is searched from 0.1 up only: ANS pairs are nearly all on one story, so they cannot teach what a retrieved
#: distractor needs, and a floor of 0 would let the model alone turn any same-language sentence into evidence.
RELEVANCE_FLOOR = 0.1
STANCE_RELATED = 0.5
STANCE_FOCUS = 0.6
#: Words a particle negation governs: "لا يكون عبر التواجد على الأراضي السورية" reaches "السورية".
NEGATION_REACH = 6
#: Words of the claim's deed (not names, not "said") a sentence must share before another party in it
#: stands in for the claim's: fewer, and the sentence is about something else.
SAME_DEED_WORDS = 2
#: Two day-dates further apart than this are two events, not a clash ("the 2018 agreement").
SAME_EVENT_DAYS = 31

_EN_NEGATION = re.compile(r"\b(?:not|no|never|none|without|deny|denied|denies)\b|n't\b", re.I)
_EN_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
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
#: English calendar words (CLDR names, relative days): checked as the date slot, not matched as words.
_DATE_WORDS = frozenset(w for w in (*MONTHS, *WEEKDAYS, *RELATIVE_DAYS, *PARTS_OF_DAY) if w.isascii())
#: Verbs of saying (``language.lexicon``): news paraphrases "said" as قال, أكد, قائلا ...; any is the same word here.
_REPORTING_EN = frozenset(REPORTING_VERBS_EN)
_REPORTING_AR = " ".join(REPORTING_VERBS_AR)
_WORD = re.compile(r"\w+", re.UNICODE)
_NOT_CONTENT_EN = FUNCTION_WORDS_EN | AUXILIARIES_EN | {w for w in ADDITIVES if w.isascii()}
_CLAUSE = re.compile(r"[،,؛;]|(?<!\w)(?:فيما|بينما|while|but)(?!\w)")
_PREFIX = re.compile(r"^(?:و|ف)?(?:ب|ل)?(?:ال)?(?=\w{3})")
#: Arabic day and month names: the claim's date is checked as a slot, not matched as a word.
_AR_DATE_WORDS = frozenset(w for w in (*MONTHS, *WEEKDAYS, *PARTS_OF_DAY) if " " not in w) | frozenset(
    w[2:] for w in WEEKDAYS if w.startswith("ال")
)


# ---------------------------------------------------------------- the claim


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
    if lang == "en":
        skip = set(said.values()) | figure
        groups = _en_groups(claim, skip, mentions)
        negated = bool(_EN_NEGATION.search(claim))
    else:
        skip = {normalize_arabic(w) for w in (*said.values(), *figure)}
        groups = _ar_groups(claim, skip, mentions)
        negated = _negated(claim)
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


def _clauses(text: str) -> list[str]:
    return [c for c in _CLAUSE.split(text) if c.strip()]


def _negation_word(word: str) -> str | None:
    """The negation a folded word is (with its و/ف conjunction), else None."""
    if word in NEGATIONS:
        return word
    return word[1:] if word[:1] in "وف" and word[1:] in NEGATIONS else None


def _negated(text: str) -> bool:
    return any(_negation_word(w) for w in _WORD.findall(normalize_arabic(text)))


#: Complementisers: a particle negation right before one ("لا يعني أن", "not clear whether") hedges
#: the saying, not the event; after a verb of denial ("نفى أن") the clause is what is denied.
_COMPLEMENTISERS = frozenset("ان انه انها اذا that whether if".split())


def _without_figures(text: str) -> str:
    """``text`` less its figures' words: the "لا" of "ما لا يقل عن 128" and the "no" of "no fewer than 20" bound a
    figure (``language.numbers``); they negate nothing."""
    for q in sorted(find_quantities(text), key=lambda q: q.start, reverse=True):
        text = f"{text[: q.start]} {text[q.end :]}"
    return text


def _negates_claim(frame: ClaimFrame, text: str) -> bool:
    """Does a negation in ``text`` govern one of the claim's words, in its own clause?

    "لكن ذلك لا يعني أن ..." and "دون توضيح" are negations, but not of the
    claim: only the words a negation governs (the next word after "دون"/"without",
    the next few after a particle or a verb of denial, up to the clause end)
    are negated, and they must be words the claim uses.
    """
    for clause in _clauses(text):
        words = _WORD.findall(normalize_arabic(_without_figures(clause)))
        for i, w in enumerate(words):
            neg = _negation_word(w)
            if not neg:
                continue
            after = words[i + 1 :]
            if neg in PRIVATIVES:
                governed = after[1:2] if after[:1] and after[0] in _COMPLEMENTISERS else after[:1]
            elif neg not in DENIALS and _COMPLEMENTISERS & set(after[:2]):
                continue
            else:
                governed = after[:NEGATION_REACH]
            keys, entities = word_keys(" ".join(governed)), _entities_of(" ".join(governed), frame.book)
            if frame.places & entities or any(_present(g, keys, entities) for g in frame.groups):
                return True
    return False


def _counts_none(frame: ClaimFrame, text: str) -> bool:
    """Does the sentence deny the deed a count of the claim states ("لا قتلى" against "قتل 85 شخصا")?"""
    return bool(frame.quantities) and not frame.negated and _denies_deed(frame, text)


def _denies_deed(frame: ClaimFrame, text: str) -> bool:
    """Does a negation stand right before a word of the claim's deed ("لا قتلى", "لم يقتل أحد")? Only the next word:
    "لم يتضح عدد القتلى" (it is not clear how many) negates the telling, not the deaths."""
    deed = frame.deed()
    for clause in _clauses(text):
        words = _WORD.findall(normalize_arabic(_without_figures(clause)))
        if any(_negation_word(w) and any(_present(g, word_keys(n), set()) for g in deed) for w, n in zip(words, words[1:])):
            return True
    return False


# ---------------------------------------------------------------- one sentence


@dataclass(frozen=True)
class Assessment:
    n: int
    relevance: float
    status: str  # "support" | "contradict" | "both" (two voices, each one side) | "neutral"
    reason: str
    weak: bool = False  # a contradiction only the stance model sees, and not surely (< STANCE_SURE)
    figure_only: bool = False  # a contradiction on the figure alone (every clash is of a count): a later report may update it
    below: bool = False  # every clashing figure is smaller than the claim's (``_below``)
    risen: bool = False  # a support giving the claim's figure as the total a toll rose to (``_risen_to``)


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


def _present(group: Group, keys: frozenset[str], entities: set[str]) -> bool:
    if group.entity and (group.entity in entities or country_of(group.entity) in entities):
        return True
    return bool(group.keys & keys)


def _weights(frame: ClaimFrame, evidence: Sequence[Evidence]) -> list[float]:
    """IDF of each claim word over the evidence list: the rare words are what the claim is about."""
    n = len(evidence) or 1
    seen = [(sentence_keys(e.text), _entities_of(e.text, frame.book)) for e in evidence]
    return [math.log(1 + n / (1 + sum(_present(g, s, ents) for s, ents in seen))) for g in frame.groups]


def relevance(frame: ClaimFrame, text: str, weights: Sequence[float], focus: float) -> float:
    """IDF-weighted share of the claim's words in ``text``; 0 when it lacks a focus name.

    A name rarer than ``focus`` (an IDF weight) is what the claim is about: a sentence
    on the signing that never names Russia says nothing about "Russia signed too".
    Common names (Iran, Syria in this collection) are not required: "كما وقعا"
    ("the two also signed") names neither.
    """
    if not frame.groups:
        return 0.0
    keys, entities = sentence_keys(text), _entities_of(text, frame.book)
    english = detect_language(text) == "en"
    # Not counted: a person the claim names when the sentence names another one for the same deed
    # ("Smith signed" against "Jones signed": the agent check judges it), and an English word
    # the lexicon cannot bridge, in an Arabic sentence (it can only be matched in English).
    present = [_present(g, keys, entities) or _counted(frame, g, text) or _encounter(frame, g, entities) for g in frame.groups]
    deed = {kind: _same_deed(frame, keys, entities, person=kind == "person") for kind in ("person", "place")}
    # Nor a figure the claim states ("500", "2012"): a sentence giving another figure for the same deed is about
    # the claim, and the number and date checks judge the figure.
    # Nor the claim's unlisted town where the sentence names another under the same noun ("بمدينة اندور" for "in the
    # city of Bhopal"): the place check judges it.
    rival_site = bool(frame.sites) and bool(_other_sites(frame, text))
    excluded = [
        bool(g.entity and not p and deed[_party_kind(g.entity)] and _rivals(frame, g.entity, entities - _weak_persons(text, frame.book)))
        or (not p and rival_site and _site_word(frame, g.word))
        or (not p and not g.matchable_in(english))
        or any(c.isdigit() for c in g.word)
        for g, p in zip(frame.groups, present)
    ]
    if any(g.entity and w >= focus and not p and not x for g, w, p, x in zip(frame.groups, weights, present, excluded)):
        return 0.0
    total = sum(w for w, x in zip(weights, excluded) if not x)
    return sum(w for p, w, x in zip(present, weights, excluded) if p and not x) / (total or 1.0)


def _encounter(frame: ClaimFrame, group: Group, entities: frozenset[str]) -> bool:
    """Is ``group`` the one word of a deed between the claim's persons, and does the sentence name them all? Their
    meeting is told in many verbs ("received", "استقبل", "خلال لقائه" for "met"): the persons together are the deed,
    as ``_speaks_to_claim`` reads a clause."""
    persons = frame.persons()
    return len(persons) >= 2 and persons <= entities and frame.deed() == (group,)


def _counted(frame: ClaimFrame, group: Group, text: str) -> bool:
    """Is ``group`` the noun a claimed figure counts, and does the sentence count the same thing ("Eleven people"
    against "11 شخصا")? The figure's unit is judged with its unit keys (``_same_unit``), not as a word to find."""
    units = [q for q in frame.quantities if q.unit_text and group.word in _WORD.findall(q.unit_text)]
    return bool(units) and any(_counts_alike(frame, c, s) for c in units for s in find_quantities(text))


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


def _day_values(times: Sequence[TimeMention]) -> tuple[list[tuple[dt.date, dt.date]], set[str]]:
    """Resolved intervals, and the weekday names unresolved mentions state (``TimeMention.weekday``: "الثلاثاء",
    and "أمس الثلاثاء" in an undated article, which is on no calendar but still names its day of the week)."""
    intervals, weekdays = [], set()
    for t in times:
        if t.resolved and t.value_start and t.value_end:
            intervals.append((t.value_start, t.value_end))
        elif t.weekday is not None:
            weekdays.add(WEEKDAYS_EN[t.weekday])
    return intervals, weekdays


#: Why a sentence counts, in the reader's language: {0} the source's words, {1} the claim's.
_REASONS = {
    "en": {
        "date_match": "date matches: {0}",
        "date_clash": "date differs: {0}",
        "place_match": "place matches: {0}",
        "place_clash": "place differs: {0} vs {1}",
        "number_match": "number matches: {0}",
        "number_clash": "numbers differ: {1} vs {0}",
        "agent_match": "person matches: {0}",
        "agent_clash": "person differs: {0}",
        "party_clash": "another party: {0}",
        "unrelated": "not about the claim",
        "slot_missing": "does not state the claimed date, place or number",
        "negated_claim": "negated in the claim",
        "negated_source": "negated in the source",
        "says_otherwise": "the source says otherwise",
        "states": "states the claim",
    },
    "ar": {
        "date_match": "التاريخ مطابق: {0}",
        "date_clash": "التاريخ مختلف: {0}",
        "place_match": "المكان مطابق: {0}",
        "place_clash": "المكان مختلف: {0} لا {1}",
        "number_match": "العدد مطابق: {0}",
        "number_clash": "العدد مختلف: {0} لا {1}",
        "agent_match": "الشخص مطابق: {0}",
        "agent_clash": "شخص آخر: {0}",
        "party_clash": "طرف آخر: {0}",
        "unrelated": "لا يتناول الادعاء",
        "slot_missing": "لا يذكر التاريخ أو المكان أو العدد المدعى",
        "negated_claim": "الادعاء منفي",
        "negated_source": "المصدر ينفيه",
        "says_otherwise": "يقول المصدر خلاف ذلك",
        "states": "يذكر الادعاء",
    },
}


def _lang(frame: ClaimFrame) -> str:
    return frame.lang if frame.lang in _REASONS else "en"


def _say(frame: ClaimFrame, key: str, *words: str) -> str:
    return _REASONS[_lang(frame)][key].format(*words)


class Check(NamedTuple):
    slot: str  # "date" | "place" | "number" | "agent"
    kind: str  # "match" | "clash"
    reason: str
    where: tuple[str, ...]  # the sentence's words for the slot, to find their clause


#: Claim dates that name a calendar day or month but no year ("on Monday", "أمس الاثنين", "on 24 June", "في حزيران"):
#: a source reads them against its own date, and so does verify. A bare "yesterday" in a claim has no such name.
_NAMED_NO_YEAR = ("date-without-year:", "month-without-year:")


def _claim_days(frame: ClaimFrame, anchor: dt.date | None) -> tuple[list[tuple[dt.date, dt.date]], set[str]]:
    """The claim's dates; a weekday, or a day or month with no year, read against the source's own date, as the
    source would read it ("24 June" in an article of 8 July 2020 is 24 June 2020)."""
    if anchor is None:
        return _day_values(frame.times)
    read = {t.start: t for t in resolve_times(frame.text, anchor, frame.lang)}
    named = [read.get(t.start, t) if t.weekday is not None or (t.relative or "").startswith(_NAMED_NO_YEAR) else t for t in frame.times]
    return _day_values(named)


def _speaks_to_claim(frame: ClaimFrame, clause: str, stretch: bool = False) -> bool:
    """Does a clause speak to the claim: a word of its deed (else, for a claim of names only, a name; never a verb of
    saying), or, for a stretch of days (``stretch``: "متواجد بالعاصمة السورية منذ أيام"), the place it locates the event in?

    "بعد توقيعهما على الاتفاقية صباح الأربعاء" dates the signing, not the visitor's
    arrival; "الذي وصل إلى دمشق مساء أمس الثلاثاء" dates the arrival, not the signing; "ووصل باقري إلى دمشق أمس
    الثلاثاء" dates another deed of Bagheri's than "التقى الأسد باقري في دمشق يوم الخميس".
    """
    keys, ids = sentence_keys(clause), _entities_of(clause, frame.book)
    english = detect_language(clause) == "en"
    usable = [g for g in frame.groups if g.keys != _reporting_keys() and g.matchable_in(english)]
    deed = [g for g in usable if not g.entity]
    if any(_present(g, keys, ids) for g in deed or usable):
        return True
    persons = frame.persons()
    if len(persons) >= 2 and persons <= ids:
        return True  # the claim's persons together in one clause: their encounter, in whatever verb ("استقبل" for "التقى")
    if not stretch and deed:
        return False
    named = set(_slot_places(clause)) | {i for i in ids if i.startswith("capital:")}
    return bool(
        named & frame.places
        or any(p in ids for p in frame.places)
        or any(place_compatible(c, p) for c in frame.places for p in named if p.startswith("capital:"))
    )


def _content_words(text: str) -> list[str]:
    """The words of ``text`` that are not function words (Arabic or English)."""
    words = [_PREFIX.sub("", w) for w in _WORD.findall(normalize_arabic(text).lower())]
    return [w for w in words if len(w) > 2 and w not in FUNCTION_WORDS_AR | FUNCTION_WORDS_EN]


def _time_words(t: TimeMention, frame: ClaimFrame) -> str:
    """A date as the reason shows it: the source's own words in the reader's language, else the day they resolve to
    (an Arabic reader sees "6 يوليو 2020", not "July 6, 2020")."""
    if detect_language(t.text) == _lang(frame) or not (t.resolved and t.value_start and t.value_start == t.value_end):
        return t.text
    return format_day(t.value_start, _lang(frame), t.part_of_day)


#: What closes a wire story's dateline after its date: the agency in brackets and a dash ("VIENNA, March 12, 2018 (APA) -",
#: "أنقرة - 30 آذار/مارس 2018 (أ ف ب) -").
_DATELINE_CLOSE = re.compile(r"\s*(?:[(（][^()（）\n]{1,30}[)）])?\s*[-–—ـ]")


def _dateline_date(text: str, t: TimeMention) -> bool:
    """Is ``t`` the date of a dateline opening the sentence? It dates the report, not the event: "VIENNA, March 12,
    2018 (APA) - A man … was shot dead late on Sunday" tells a Sunday attack, filed on Monday (``_date_checks`` judges
    it only where the story gives no date of its own)."""
    return t.start <= DATELINE_REACH and bool(_DATELINE_CLOSE.match(text, t.end))


def _date_checks(frame: ClaimFrame, ev: Evidence) -> list[Check]:
    """The claim's date against each date the sentence gives in a clause about the claim's persons or places.

    A named day matches or clashes; a stretch of days ("منذ أيام", resolved from the
    article's date) only clashes, when the claimed day falls outside it: it never
    states the claimed day. One sentence can do both ("Al Arabiya said Tuesday
    evening, Al Jazeera's bureau chief said for days").
    """
    if not frame.times:
        return []
    claim_iv, claim_wd = _claim_days(frame, ev.anchor)
    if not claim_iv and not claim_wd:
        return []
    # A month or a year states the claim's date when the claim gives one of that grain ("منذ عام 2012" for "since
    # 2012"); against a claimed day it is only a bound, like a stretch of days.
    grains = {"day"} | {t.granularity for t in frame.times}
    times = resolve_times(ev.text, ev.anchor, detect_language(ev.text))
    mentions = [t for t in times if t.granularity in grains or t.granularity == "days-range"]
    clauses = _clauses(ev.text)
    checks = []
    # A dateline's date dates the report: where the story gives the event's own date, that one is judged.
    story = [t for t in mentions if not _dateline_date(ev.text, t)]
    for t in story or mentions:
        i = next((i for i, c in enumerate(clauses) if t.text in c), None)
        clause = ev.text if i is None else clauses[i]
        if i and not _content_words(clause.replace(t.text, " ")):
            clause = clauses[i - 1] + clause  # a clause that is only the date ("، في 24 يونيو،") dates the clause before it
        vague = t.granularity not in grains
        if not _speaks_to_claim(frame, clause, vague):
            continue
        ev_iv, ev_wd = _day_values([t])
        ev_wd |= {WEEKDAYS_EN[s.weekday()] for s, e in ev_iv if s == e}
        if claim_iv and ev_iv:
            if any(cs <= ee and es <= ce for cs, ce in claim_iv for es, ee in ev_iv):
                if not vague:
                    checks.append(Check("date", "match", _say(frame, "date_match", _time_words(t, frame)), (t.text,)))
                continue
            gap = min(min(abs((es - ce).days), abs((cs - ee).days)) for cs, ce in claim_iv for es, ee in ev_iv)
            if gap <= SAME_EVENT_DAYS:
                checks.append(Check("date", "clash", _say(frame, "date_clash", _time_words(t, frame)), (t.text,)))
            continue
        wanted = claim_wd | {WEEKDAYS_EN[s.weekday()] for s, e in claim_iv if s == e}
        if wanted and ev_wd and not vague:
            kind = "match" if wanted & ev_wd else "clash"
            checks.append(Check("date", kind, _say(frame, f"date_{kind}", _time_words(t, frame)), (t.text,)))
    return checks


def _story(frame: ClaimFrame, evidence: Sequence[Evidence]) -> dict[int, list[Check]]:
    """Evidence number -> the date and place checks its article's other sentences give, for a sentence that gives
    none of that slot itself.

    A story states its event's day and town once: "أعرب الأسد، يوم الخميس، عن ارتياحه لنتائج الاجتماعات" and then
    "وقال الأسد، خلال لقائه باقري …" tell a Thursday meeting, though the second sentence, the one naming both
    persons, gives no day (taken only by a sentence naming the claim's persons and no date at all); "قتل 68 شخصا في
    فالنسيا" and then "أسفر حريق عن مقتل 68 شخصا" tell the same town's fire (a town ``_sites`` reads). Only where the
    article's other sentences agree: all match or all clash.
    """
    dated = {e.n: _date_checks(frame, e) for e in evidence} if frame.times else {}
    undated = {
        e.n
        for e in evidence
        if frame.times
        and not dated[e.n]
        and not resolve_times(e.text, e.anchor, detect_language(e.text))
        and (agent := _agent_check(frame, e))
        and agent.kind == "match"
    }
    placed = {e.n: [c] if (c := _site_check(frame, e)) else [] for e in evidence} if frame.sites and not frame.places else {}
    unplaced = {n for n, checks in placed.items() if not checks}
    taken: dict[int, list[Check]] = {}
    for own, bare in ((dated, undated), (placed, unplaced)):
        for ev in evidence:
            siblings = [c for s in evidence if s.doc_id == ev.doc_id and s.n != ev.n for c in own.get(s.n, ())]
            if ev.n in bare and len({c.kind for c in siblings}) == 1:
                taken.setdefault(ev.n, []).extend(dict.fromkeys(siblings))
    return taken


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


def _demonym(word: str) -> str | None:
    """The country an English nationality word names, singular or plural ("Iranian", "Iranians" -> IR)."""
    return demonym_country(word) or (demonym_country(word[:-1]) if word.endswith("s") else None)


def _unit_keys(unit: str | None) -> frozenset[str]:
    """A unit word's Arabic forms (an English unit through the lexicon, a nationality through its country's names:
    "600 Iranians" counts what "ألف إيراني" counts), to compare counts of one thing."""
    if not unit:
        return frozenset()
    if detect_language(unit) != "en":
        return word_keys(unit)
    keys = word_keys(arabic_keywords(unit) or unit)
    if country := _demonym(unit):
        keys |= word_keys(f"{label(country, 'ar')} {label(country, 'en')}")
    return keys


def _same_unit(c: Quantity, s: Quantity) -> bool:
    """Counts of one thing: both bare numbers, one unit key, or an English unit the lexicon bridges to the other."""
    if c.kind != s.kind:
        return False
    if c.unit_key is None or s.unit_key is None:
        return c.unit_key is None and s.unit_key is None
    return c.unit_key == s.unit_key or bool(_unit_keys(c.unit) & _unit_keys(s.unit))


def _unit_group_keys(frame: ClaimFrame, q: Quantity) -> frozenset[str]:
    """The keys of the claim words a count counts ("20 شخصا" -> شخصا's, with its translations found in the evidence)."""
    words = set(_WORD.findall(q.unit_text or ""))
    return frozenset(k for g in frame.groups if g.word in words for k in g.keys)


def _counts_alike(frame: ClaimFrame, c: Quantity, s: Quantity) -> bool:
    """``_same_unit``, or a sentence's count whose noun is a translation of the claim's ("Four people" / "أربعة أشخاص"),
    or names the claim's deed ("أربعة قتلى", the killed, against "Five people were killed")."""
    if _same_unit(c, s):
        return True
    if c.kind != s.kind or not s.unit or c.unit_key is None:
        return False
    deed = frozenset(k for g in frame.deed() for k in g.keys)
    return bool((word_keys(s.unit) | {s.unit_key}) & (_unit_group_keys(frame, c) | deed))


#: The word a total's new figure follows ("rose to 39", "ارتفعت الحصيلة إلى 53"), folded.
_REACHED = re.compile(r"(?<!\w)(?:to|الي)\s*$")


def _total_reached(frame: ClaimFrame, c: Quantity, s: Quantity, text: str) -> bool:
    """Is a bare figure a total the sentence says rose to it, of what the claim counts ("The number of people killed …
    rose to 39", "The death toll … has risen to 49" for "قتل 49 شخصا")? Its clause names the counted noun or the deed;
    a bare figure after anything else ("Boeing 737", "An-26") counts nothing."""
    if s.unit is not None or s.vague or s.kind != "count" or c.kind != "count" or c.unit_key is None:
        return False
    if not _REACHED.search(normalize_arabic(text[: s.start]).lower()):
        return False
    clause = next((x for x in _clauses(text) if s.text in x), text)
    keys = sentence_keys(clause)
    return bool(keys & (_unit_group_keys(frame, c) | _unit_keys(c.unit))) or any(_present(g, keys, set()) for g in frame.deed())


def _predicate_words(text: str, q: Quantity, noun: bool = True) -> list[str]:
    """The words that say what happened to a count: the word right before it ("قتل 4", "killing two people", "وإصابة
    15 آخرين", "بمقتل 9 أشخاص"), in English the first word after it past auxiliaries ("Ten people were killed"), and
    with ``noun`` its counted noun, which may be the deed itself ("10 قتلى و73 جريحا", "15 injured")."""
    words = _WORD.findall(normalize_arabic(text[: q.start]))[-1:]
    if noun:
        words += _WORD.findall(normalize_arabic(q.unit_text or ""))[-1:]
    if q.text.isascii():
        words += [w for w in _EN_WORD.findall(text[q.end :])[:3] if w.lower() not in AUXILIARIES_EN][:1]
    elif q.unit_text:
        words += _verb_after(text[q.end :])
    return words


def _verb_after(rest: str) -> list[str]:
    """The word right after an Arabic count's noun, where the count is its subject ("30 شخصا أصيبوا", "19 شخصا قتلوا"):
    not a function word, nor one opening the next clause with و/ف ("20 شخصا وأصيب 30" gives the next count's deed)."""
    after = _WORD.findall(normalize_arabic(rest))[:1]
    return [w for w in after if w not in FUNCTION_WORDS_AR and not (w[0] in "وف" and len(w) > 3)]


def _claim_predicate(frame: ClaimFrame, c: Quantity) -> frozenset[str]:
    """The keys of the claim count's predicate, with the translations its claim word carries ("killed" -> قتل)."""
    keys = word_keys(" ".join(_predicate_words(frame.text, c, noun=False)))
    return keys | frozenset(k for g in frame.deed() if word_keys(g.word) & keys for k in g.keys)


def _in_arabic(words: Sequence[str]) -> list[str]:
    """Words with the Arabic forms the lexicon gives the English ones ("injured" -> اصيب): contrasts are learned from
    Arabic news."""
    return [*words, *(a for w in words if w.isascii() for a in arabic_keywords(w).split())]


def _other_deed(frame: ClaimFrame, text: str, c: Quantity, s: Quantity) -> bool:
    """Is the sentence's count of another deed than the claim's, by predicates the news sets side by side with two
    figures (``contrasting_predicates``: "قتل 85 شخصا" against "أصيب نحو 85 شخصا", "Fifteen people were killed"
    against "وإصابة 15 آخرين")? Two wordings of one deed ("قتل"/"لقي حتفه") never contrast."""
    mine = _predicate_words(frame.text, c, noun=False)
    claimed = _in_arabic(mine) + [k for g in frame.deed() if g.word in mine for k in g.keys if not k.isascii()]
    stated = _in_arabic(_predicate_words(text, s))
    return any(contrasting_predicates(a, b) for a in claimed for b in stated)


def _tied(frame: ClaimFrame, text: str, pairs: Sequence[tuple[Quantity, Quantity]]) -> list[tuple[Quantity, Quantity]]:
    """The pairs whose sentence count has the claim count's predicate ("killing two people" / "قتل 60 شخصا")."""
    return [(c, s) for c, s in pairs if word_keys(" ".join(_predicate_words(text, s))) & _claim_predicate(frame, c)]


def _own_counts(frame: ClaimFrame, text: str, pairs: list[tuple[Quantity, Quantity]]) -> list[tuple[Quantity, Quantity]]:
    """Of two or more counts a sentence gives of the claim's noun, those its predicate says are the claim's deed:
    "بمقتل 9 أشخاص وإصابة 15 آخرين" counts the killed once, so "15 killed" is not confirmed by the 15 injured.
    Counts no predicate ties to the claim's deed all stay (nothing tells them apart)."""
    kept = []
    for c in frame.quantities:
        mine = [(cc, s) for cc, s in pairs if cc is c]
        tied = _tied(frame, text, mine)
        kept += tied if len(mine) > 1 and tied else mine
    return kept


def _names_missing(frame: ClaimFrame, text: str) -> bool:
    """Does the sentence lack a name the claim writes in capitals past its first word ("Kemerovo", "Muenster")? Such a
    sentence tells the claim's deed of somewhere or someone else. Arabic writes no capitals: the entity checks judge it."""
    keys, entities = sentence_keys(text), _entities_of(text, frame.book)
    return any(
        g.word[0].isupper() and g.word.isascii() and not frame.text.startswith(g.word) and not _present(g, keys, entities)
        for g in frame.groups
    )


def _deed_figures(frame: ClaimFrame, text: str, pairs: Sequence[tuple[Quantity, Quantity]]) -> list[tuple[Quantity, Quantity]]:
    """The pairs whose sentence figure is one of the claim's deed: its predicate is the claim count's (``_tied``), or it
    is the total a toll of that deed rose to ("The death toll … has risen to 49")."""
    return [*_tied(frame, text, pairs), *((c, s) for c, s in pairs if _total_reached(frame, c, s, text))]


def _tied_clash(frame: ClaimFrame, text: str, pairs: Sequence[tuple[Quantity, Quantity]]) -> bool:
    """Does a figure of the claim's deed (``_deed_figures``: "killing two people" / "قتل 60 شخصا", "rises to 49") clash
    with the claim's? Then it is another figure for the same deed, not a count of something else ("إنقاذ 120
    مهاجرا")."""
    return any(_clashes(c, s) for c, s in _deed_figures(frame, text, pairs))


#: Words that may stand between a count and a bare count that leaves its noun out ("killing three people and injuring
#: 20", "قتل 77 شخصا، وأصيب 143"): a conjunction and the bare count's own predicate.
ELIDED_GAP_WORDS = 3


#: Nouns that only point back to the noun of a count before them ("wounding 60 others", "وأصيب 20 آخرون"), folded.
_ANAPHORS = frozenset({"others", "more", "اخرون", "اخرين"})


def _bare(q: Quantity) -> bool:
    """A count with no noun, with a function word read as one ("injuring 20 before shooting himself"), or with one
    that points back to the count before it (``_ANAPHORS``: "killing 14 people and wounding 60 others")."""
    return q.unit is None or normalize_arabic(q.unit_text or "").lower() in FUNCTION_WORDS_AR | FUNCTION_WORDS_EN | _ANAPHORS


def _elided_of(text: str, s: Quantity, found: Sequence[Quantity]) -> Quantity | None:
    """The count a bare count leaves its noun to: the one right before it in the sentence, with a noun, joined to it
    by a conjunction and its predicate ("killing three people and injuring 20": the 20 are people too)."""
    if not _bare(s) or s.vague:
        return None
    before = [q for q in found if q.end <= s.start and not _bare(q)]
    if not before:
        return None
    q = before[-1]
    gap = normalize_arabic(text[q.end : s.start]).lower()
    words = _WORD.findall(gap)
    joined = "," in gap or "،" in gap or any(w == "and" or w.startswith("و") for w in words)
    return q if joined and len(words) <= ELIDED_GAP_WORDS else None


def _elided_alike(frame: ClaimFrame, c: Quantity, s: Quantity, text: str, found: Sequence[Quantity]) -> bool:
    """Is a bare count one of the claim's noun by ellipsis (``_elided_of``) under the claim count's own predicate
    ("injuring 20" for "أصيب 20 شخصا")? Without the predicate it may count anything the sentence goes on to."""
    q = _elided_of(text, s, found)
    return bool(q and c.kind == s.kind == "count" and _counts_alike(frame, c, q) and _tied(frame, text, [(c, s)]))


#: "four people of the workers", "3 أشخاص من العمال": the noun after a count's own noun and "of"/"من" is what it
#: counts a part of.
_PARTITIVE = re.compile(r"^\s*(?:من|of)\s+(?:the\s+)?(\w+)", re.I)


def _partitive_alike(frame: ClaimFrame, c: Quantity, s: Quantity, text: str) -> bool:
    """Is the sentence's count a part of the claim count's noun ("قتل 3 أشخاص من العمال" for "قتل ثلاثة عمال")? The
    persons counted are workers: the count is the claim's, whatever noun it is written with first."""
    m = _PARTITIVE.match(text[s.end :])
    return bool(m and c.kind == s.kind == "count" and s.unit and word_keys(m.group(1)) & _unit_group_keys(frame, c))


def _count_pairs(frame: ClaimFrame, ev: Evidence, same_figure: bool = False) -> list[tuple[Quantity, Quantity]]:
    """The claim's counts paired with the sentence's counts of the same thing: "300 jets" is not refuted by "2
    agreements", only by another count of jets. A vague count ("عشرات القتلى", "dozens were killed") states no figure:
    it neither confirms nor refutes a precise one. ``same_figure`` (a sentence close to the claim in meaning, across
    languages): a count of a noun no bridge reaches ("24 schoolchildren" / "24 تلميذا") is the claim's when it states
    the very figure. Not a count of another deed (``_other_deed``: the injured for the killed), and of several counts,
    those of the claim's deed (``_own_counts``)."""
    found = _counts_in(ev.text)
    pairs = [
        (c, s)
        for c in frame.quantities
        for s in found
        if (c.vague or not s.vague)
        and (
            _counts_alike(frame, c, s)
            or _total_reached(frame, c, s, ev.text)
            or _elided_alike(frame, c, s, ev.text, found)
            or _partitive_alike(frame, c, s, ev.text)
            or (same_figure and _same_figure(c, s))
        )
        and not _other_deed(frame, ev.text, c, s)
    ]
    return _own_counts(frame, ev.text, pairs)


def _counts_in(text: str) -> tuple[Quantity, ...]:
    """The figures ``text`` gives, with the two an Arabic dual noun counts ("شرطيتين" for "two policewomen")."""
    return (*find_quantities(text), *find_noun_duals(text))


def _confirms(c: Quantity, s: Quantity) -> bool:
    """Does the sentence's figure confirm the claim's? Both could be true, and a one-sided bound reaches the claim's
    figure: "at least 9 killed" allows 15 but does not state it (nor refute it)."""
    short = (s.bound == "floor" and s.high is None and s.low < c.low) or (
        s.bound == "ceiling" and c.high is not None and s.high is not None and s.high > c.high
    )
    return c.overlaps(s) and not short


def _clashes(c: Quantity, s: Quantity) -> bool:
    """Can the two figures not both be true? Two floors are two estimates of one figure, read at the figures they
    state: "more than 22 million" is another figure than the claim's "more than 500 million", a higher floor no
    rival to a lower one."""
    if c.bound == s.bound == "floor" and c.high is None and s.high is None:
        return s.low < c.low
    return not c.overlaps(s)


def _number_check(frame: ClaimFrame, pairs: Sequence[tuple[Quantity, Quantity]]) -> Check | None:
    """The count slot from ``_count_pairs``: a pair that confirms it (``_confirms``) matches, a pair that cannot both be
    true (``_clashes``) clashes, a bound short of the claim's figure says nothing."""
    where = tuple(dict.fromkeys(s.text for _, s in pairs))
    shown = ", ".join(dict.fromkeys(_figure_words(s) for _, s in pairs))
    if any(_confirms(c, s) for c, s in pairs):
        return Check("number", "match", _say(frame, "number_match", shown), where)
    if not any(_clashes(c, s) for c, s in pairs):
        return None
    claimed = ", ".join(dict.fromkeys(c.text for c, _ in pairs))
    return Check("number", "clash", _say(frame, "number_clash", shown, claimed), where)


def _figure_words(q: Quantity) -> str:
    """A count as a reason shows it: without a function word read as its noun ("20", not "20 before")."""
    return q.text[: -len(q.unit_text)].strip() if q.unit_text and _bare(q) and q.text.endswith(q.unit_text) else q.text


def _risen_to(text: str, pairs: Sequence[tuple[Quantity, Quantity]]) -> bool:
    """Does the sentence give the claim's figure as the total a toll rose to ("rises to six", "bringing the death toll
    to nine", "ارتفعت الحصيلة إلى 53 قتيلا")? Then a lower figure is that toll's past, whatever the dates say."""
    return any(_confirms(c, s) and _REACHED.search(normalize_arabic(text[: s.start]).lower()) for c, s in pairs)


def _below(pairs: Sequence[tuple[Quantity, Quantity]]) -> bool:
    """Is every figure of the sentence that clashes with the claim's smaller than it (a toll before it rose)?"""
    clashing = [(c, s) for c, s in pairs if _clashes(c, s)]
    return bool(clashing) and all((s.low if s.high is None else s.high) < c.low for c, s in clashing)


def _same_figure(c: Quantity, s: Quantity) -> bool:
    """Two counts of a noun stating one exact figure ("48 migrants" / "48 شخصا", "at least 180" / "180 missing")."""
    return c.kind == s.kind == "count" and s.unit is not None and not s.approx and c.stated is not None and c.stated == s.stated


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


#: Stance-model reasons that are slots verify reads itself (with units and calendars): not a second opinion.
_SLOT_REASONS = ("numbers differ", "days differ", "months differ", "a named day vs", "negation in")


class Gate(NamedTuple):
    """When a sentence counts as about the claim: fitted on ANS train (``python -m bench.conflicts --fit``)."""

    relevance: float = RELEVANCE
    floor: float = RELEVANCE_FLOOR
    related: float = STANCE_RELATED
    focus: float = STANCE_FOCUS


def counts(rel: float, loose: float, comparison: Comparison | None, gate: Gate = Gate()) -> bool:
    """Is a sentence about the claim? ``rel`` is its relevance, ``loose`` the same without the rare-name veto,
    ``comparison`` the stance model's judgement where claim and sentence share a language (else None).

    A rebuttal rarely reuses the claim's words ("liberated" for "seized") and often drops the detail it
    rebuts ("Lavrov meets de Mistura to discuss Syria" against "the Lavrov–de Mistura meeting is postponed"):
    where the model is sure of its relation, a sentence covering ``gate.floor`` of the claim counts, and where
    it is sure of a contradiction (``gate.focus``), the claim's rare names are not required.
    """
    if rel >= gate.relevance:
        return True
    if comparison is None:
        return False
    if comparison.relation == "contradict" and comparison.score >= gate.focus:
        rel = loose
    sure = (comparison.relation == "contradict" and comparison.score >= STANCE_CONTRADICT) or (
        comparison.relation == "agree" and comparison.score >= gate.related
    )
    return sure and rel >= gate.floor


def _relevances(frame: ClaimFrame, text: str, weights: Sequence[float], focus: float) -> tuple[float, float]:
    """The sentence's relevance, and the same without the rare-name veto (``counts``); an additive claim keeps the
    veto ("Egypt cuts the internet too": a sentence without Egypt cannot speak to what the claim adds)."""
    rel = relevance(frame, text, weights, focus)
    return rel, relevance(frame, text, weights, math.inf) if rel < RELEVANCE and not frame.additive else rel


def gate_inputs(claim: str, evidence: Sequence[Evidence]) -> list[tuple[float, float]]:
    """``_relevances`` of each evidence sentence as ``verify_claim`` computes them: what ``bench.conflicts --fit`` fits on."""
    frame = claim_frame(claim, learn([claim, *(e.text for e in evidence)]))
    weights, focus = _weights(frame, evidence), _focus(evidence)
    return [_relevances(frame, e.text, weights, focus) for e in evidence]


def _focus(evidence: Sequence[Evidence]) -> float:
    """The IDF weight of a name found in at most a third of the evidence sentences."""
    return math.log(1 + len(evidence) / (1 + len(evidence) / 3))


def assess(
    frame: ClaimFrame,
    ev: Evidence,
    comparison: Comparison | None,
    weights: Sequence[float],
    focus: float,
    gate: Gate = Gate(),
    similarity: float = 0.0,
    story: Sequence[Check] = (),
) -> Assessment:
    """How one sentence bears on the claim; ``similarity``: the claim's and the sentence's cosine in the multilingual
    encoder (``sentence_similarity``), which lets a sentence of the other language count (``CROSS_SIMILAR``);
    ``story``: the date and place checks its article gives it where it gives none itself (``_story``)."""
    rel, loose = _relevances(frame, ev.text, weights, focus)
    same_language = comparison is not None and detect_language(ev.text) == frame.lang
    counted = counts(rel, loose, comparison if same_language else None, gate)
    # Across languages the word bridges miss much ("boat"/"مركب", "ferry"/"العبارة"): a sentence the encoder puts close
    # to the claim as a whole counts, but only through a slot it states (below), never on its words alone; and its count
    # of a noun no bridge reaches is the claim's where it states the very figure.
    other = detect_language(ev.text) != frame.lang
    close = other and similarity >= CROSS_SIMILAR
    pairs = _count_pairs(frame, ev, close)
    # So does one that counts the claim's noun under the claim's very predicate ("killing two people" for "قتل 60 شخصا"),
    # or gives the total its toll rose to, and holds ``CROSS_TIED`` of its words: that count is the claim's deed, noun
    # and figure at once.
    # In the claim's own language too, where the sentence names every name the claim writes in capitals: "Eighteen
    # people were killed … in Qingyuan" is another fire than "37 people were killed … in Kemerovo".
    tied = rel >= CROSS_TIED and bool(_deed_figures(frame, ev.text, pairs)) and (other or not _names_missing(frame, ev.text))
    by_meaning = (close or tied) and not counted
    if not counted and close and _counts_none(frame, ev.text):
        # "لا قتلى في تحطم الطائرة" close to "85 people were killed when the plane crashed": no bridge reaches the
        # count of none, and it states no figure for the closeness to confirm.
        return Assessment(ev.n, rel, "contradict", _say(frame, "negated_source"))
    if not counted and not by_meaning:
        return Assessment(ev.n, rel, "neutral", _say(frame, "unrelated"))
    place = _place_check(frame, ev) or next((c for c in story if c.slot == "place"), None)
    slots = (place, _number_check(frame, pairs), _agent_check(frame, ev), _party_check(frame, ev))
    own_dates = _date_checks(frame, ev)
    story_dates = [c for c in story if c.slot == "date"]
    checks = (own_dates or story_dates) + [c for c in slots if c]
    # The claimed city named anywhere beside another slot the sentence confirms itself, a count or a date, is where.
    confirmed = (slots[1] and slots[1].kind == "match") or any(c.kind == "match" for c in own_dates)
    if slots[0] is None and confirmed and (named := _place_named(frame, ev)):
        checks.append(named)
    if by_meaning:
        # Closeness confirms a value the sentence states; it does not make its other values rivals: "إنقاذ 120 مهاجرا"
        # (120 migrants rescued) in a sentence close to "48 migrants died" is no other count of the dead.
        # A figure whose own predicate is the claim's deed is a rival figure all the same: "killing two people" against
        # "قتل 60 شخصا".
        checks = [c for c in checks if c.kind == "match" or (c.slot == "number" and _tied_clash(frame, ev.text, pairs))]
        if not any(c.slot in _claimed_slots(frame) for c in checks):
            return Assessment(ev.n, rel, "neutral", _say(frame, "unrelated"))
    clashes = [c.reason for c in checks if c.kind == "clash"]
    split = {c.slot for c in checks if c.kind == "clash"} & {c.slot for c in checks if c.kind == "match"}
    if split and not any(c.kind == "clash" for c in checks if c.slot not in split):
        # Two voices in one sentence, one stating the claimed value and one another: both sides are here.
        matches = [c.reason for c in checks if c.kind == "match" and c.slot in split]
        return Assessment(ev.n, rel, "both", "; ".join(matches + clashes))
    if clashes:
        figure_only = all(c.slot == "number" for c in checks if c.kind == "clash")
        return Assessment(ev.n, rel, "contradict", "; ".join(dict.fromkeys(clashes)), figure_only=figure_only, below=_below(pairs))
    claimed = _claimed_slots(frame)
    if not claimed <= {c.slot for c in checks}:
        if _counts_none(frame, ev.text):
            # "لا قتلى في تحطم الطائرة" against "قتل 85 شخصا": a count of none states no figure, yet refutes any.
            return Assessment(ev.n, rel, "contradict", _say(frame, "negated_source"))
        if same_language and _rebuts(comparison):
            # A rebuttal drops the detail it rebuts: "a court acquits him" states no term against "jailed for 8 years".
            return Assessment(ev.n, rel, "contradict", _say(frame, "says_otherwise"), weak=True)
        # "arrived in Damascus on Monday": a sentence that only confirms Damascus says nothing on Monday.
        return Assessment(ev.n, rel, "neutral", _say(frame, "slot_missing"))
    # A matched slot pins down which clause speaks to the claim: "signed on Wednesday, while the
    # details were not (لم) disclosed" is not a negated signing.
    # The agent is often the speaker, not the clause's event: it does not pin a clause.
    scope = [c for c in _clauses(ev.text) if any(w in c for m in checks if m.slot != "agent" for w in m.where)] or [ev.text]
    if frame.negated != any(_negates_claim(frame, c) for c in scope):
        return Assessment(ev.n, rel, "contradict", _say(frame, "negated_claim" if frame.negated else "negated_source"))
    reasons = comparison.reasons if comparison else []
    own_reasons = [r for r in reasons if not r.startswith(_SLOT_REASONS)]
    slot_only = comparison is not None and _slot_only(comparison)
    # A sentence naming the claim's persons and every word of its deed restates it: the stance model has scored
    # such near copies "contradict" ("Zarif signed … with Ayoub" for "Zarif signed with Ayoub").
    held, deed = _deed_words(frame, word_keys(ev.text), _entities_of(ev.text, frame.book))
    restated = any(c.slot == "agent" and c.kind == "match" for c in checks) and held == deed >= SAME_DEED_WORDS
    # So does one matching every slot the claim states, its persons included: the model's unsure "contradict" is then
    # on the wording ("استقبل الأسد … باقري … اليوم الخميس" for "التقى الأسد باقري يوم الخميس").
    needed = claimed | ({"agent"} if any(g.entity and is_person(g.entity) for g in frame.groups) else set())
    matched = {c.slot for c in checks if c.kind == "match"}
    restated = restated or (comparison is not None and comparison.score < STANCE_SURE and bool(claimed) and needed <= matched)
    # The model read a sentence dated only by its article (``_story``): its "contradict" is on the date it did not
    # see ("الرئيس الأسد يستقبل اللواء باقري" for "التقى الأسد باقري يوم الخميس").
    restated = restated or (not own_dates and bool(story_dates) and needed <= matched)
    if same_language and comparison.relation == "contradict" and comparison.score >= STANCE_CONTRADICT and not slot_only and not restated:
        # The stance model's reasons are English slot notes: shown as such to English readers only.
        shown = "; ".join(own_reasons) if _lang(frame) == "en" and own_reasons else _say(frame, "says_otherwise")
        return Assessment(ev.n, rel, "contradict", shown, weak=comparison.score < STANCE_SURE)
    reason = "; ".join(dict.fromkeys(c.reason for c in checks)) or _say(frame, "states")
    return Assessment(ev.n, rel, "support", reason, risen=_risen_to(ev.text, pairs))


def _slot_only(comparison: Comparison) -> bool:
    """Does the stance model contradict only on a slot verify checks itself (a figure, a day, a negation)?"""
    reasons = comparison.reasons
    return any(r.startswith(_SLOT_REASONS) for r in reasons) and all(r.startswith((*_SLOT_REASONS, "low topical")) for r in reasons)


def _rebuts(comparison: Comparison | None) -> bool:
    """Is the stance model sure a sentence contradicts the claim on something verify does not check itself?"""
    return comparison is not None and comparison.relation == "contradict" and comparison.score >= STANCE_SURE and not _slot_only(comparison)


def _claimed_slots(frame: ClaimFrame) -> set[str]:
    """The slots the claim states a value for."""
    slots = (("date", frame.times), ("place", frame.places or frame.sites), ("number", frame.quantities))
    return {slot for slot, stated in slots if stated}


# ---------------------------------------------------------------- the verdict


class Judgement(NamedTuple):
    verdict: Verdict
    explanation: str
    cited: tuple[int, ...]  # evidence numbers the explanation rests on
    conflicts: tuple[Conflict, ...] = ()  # those about the claim's event among the cited sentences


_TEMPLATES = {
    "en": {
        "SUPPORTED": "Supported: {support}.",
        "REFUTED": "Refuted: {contra}.",
        "CONFLICTING": "Sources disagree: {support}; but {contra}.",
        "DISPUTED": "Sources disagree: {support}; but not every source agrees.",
        "NOT_ENOUGH_INFO": "Not enough information: none of the retrieved sources states this.",
        "support": "reported by {who} [{n}] ({reason})",
        "contra": "contradicted by {who} [{n}] ({reason})",
        "and": " and ",
    },
    "ar": {
        "SUPPORTED": "صحيح: {support}.",
        "REFUTED": "غير صحيح: {contra}.",
        "CONFLICTING": "المصادر متضاربة: {support}؛ لكن {contra}.",
        "DISPUTED": "المصادر متضاربة: {support}؛ لكن لا تتفق كل المصادر على ذلك.",
        "NOT_ENOUGH_INFO": "لا تتوفر معلومات كافية: لا يذكر أي من المصادر المسترجعة ذلك.",
        "support": "تؤكده {who} [{n}] ({reason})",
        "contra": "تقول {who} خلاف ذلك [{n}] ({reason})",
        "and": " و",
    },
}


def _sources(items: list[Assessment], evidence: dict[int, Evidence], lang: str, titles: Mapping[str, str]) -> tuple[str, str, str]:
    # An article without a known outlet is "an unnamed source" with its title, in the reader's language, never its doc id.
    names = list(dict.fromkeys(format_attribution(e.outlet, [], lang, titles.get(e.doc_id)) for e in (evidence[a.n] for a in items)))
    return _TEMPLATES[lang]["and"].join(names), "][".join(str(a.n) for a in items), "; ".join(dict.fromkeys(a.reason for a in items))


def _current(conflict: Conflict, supporting: set[int]) -> bool:
    """Is ``conflict`` an update whose latest figure the supporting sentences state? A toll that rose (37, then 53)
    does not dispute the claim of the 53: the earlier figure is the update's past, not a rival report."""
    return conflict.relation == "update" and bool(conflict.positions) and bool(supporting & set(conflict.positions[-1].citations))


def _articles_of(numbers: set[int], evidence: Sequence[Evidence]) -> set[int]:
    """The evidence numbers of every sentence from the articles ``numbers`` come from: an article cannot stand
    against itself (its headline "… rises to 5" is no rival of its body's "rose … to 5 dead")."""
    docs = {e.doc_id for e in evidence if e.n in numbers}
    return {e.n for e in evidence if e.doc_id in docs}


def _superseded(item: Assessment, support: Sequence[Assessment], evidence: Mapping[int, Evidence]) -> bool:
    """Is a contradiction on the figure alone an earlier report that a later supporting one updates? Tolls rise:
    "9 killed" on 23 April does not refute "10 killed" stated on 24 April (``bot.conflicts`` shows it as an update);
    a later, smaller figure is no update of a larger one ("37 killed" on Wednesday, "34" on Thursday: they conflict).
    A support saying the toll rose to the claim's figure updates a lower one not reported after it, the same day or
    undated: "4 killed" against "the death toll … rose to six"."""
    if not item.figure_only or item.status != "contradict" or not item.below:
        return False
    said = evidence[item.n].anchor
    dated = [(a, evidence[a.n].anchor) for a in support if a.status == "support"]
    if said and any(d and d > said for _, d in dated):
        return True
    return any(a.risen and not (said and d and said > d) for a, d in dated)


def verify_claim(
    claim: str,
    evidence: Sequence[Evidence],
    comparisons: Sequence[Comparison | None],
    conflicts: Sequence[Conflict] = (),
    titles: Mapping[str, str] | None = None,
    context: Sequence[str] = (),
    gate: Gate = Gate(),
    aligned: Mapping[str, Sequence[str]] | None = None,
    similar: Mapping[str, float] | None = None,
) -> Judgement:
    """The verdict on ``claim`` from evidence sentences and their stance comparisons (same order).

    Pure: no retrieval, no model calls. ``conflicts`` (from ``bot.conflicts``)
    matter only where they involve the cited sentences: described always, and
    turning SUPPORTED into CONFLICTING when they are about the claimed slot. ``titles`` (doc id -> title)
    name the articles that name no outlet. ``context``: the whole articles the
    sentences come from, read only for who is who: a sentence that names a speaker by his office alone
    ("وقال رئيس الأركان") is his where any of them ties that office to his name. ``gate``: when a sentence
    counts as about the claim (``counts``; the fitted one unless a bench fits it). ``aligned``: the claim's words'
    translations found in the evidence (``align_words``). ``similar``: sentence text -> its cosine with the claim
    (``sentence_similarity``).
    """
    titles = titles or {}
    frame = claim_frame(claim, learn([claim, *context, *(e.text for e in evidence)]), aligned)
    lang = frame.lang if frame.lang in _TEMPLATES else "en"
    weights = _weights(frame, evidence)
    focus = _focus(evidence)
    comparisons = list(comparisons) + [None] * (len(evidence) - len(comparisons))
    similar = similar or {}
    story = _story(frame, evidence)
    assessed = [
        assess(frame, ev, c, weights, focus, gate, similar.get(ev.text, 0.0), story.get(ev.n, ())) for ev, c in zip(evidence, comparisons)
    ]
    support = [a for a in assessed if a.status in ("support", "both")]
    contra = [a for a in assessed if a.status in ("contradict", "both")]
    if support and all(a.weak for a in contra):
        contra = []  # the model's unsure "contradict" on a paraphrase does not outweigh sources that state the claim
    by_n = {e.n: e for e in evidence}
    contra = [a for a in contra if not _superseded(a, support, by_n)]
    t = _TEMPLATES[lang]
    parts = {}
    if support:
        who, n, reason = _sources(support, by_n, lang, titles)
        parts["support"] = t["support"].format(who=who, n=n, reason=reason)
    if contra:
        who, n, reason = _sources(contra, by_n, lang, titles)
        parts["contra"] = t["contra"].format(who=who, n=n, reason=reason)
    cited = tuple(dict.fromkeys(a.n for a in support + contra))
    events = _claim_events(claim)
    related = [
        c for c in conflicts if any(set(p.citations) & set(cited) for p in c.positions) and any(_same_event(c.topic, e) for e in events)
    ]
    # The supporting sources are one side of a conflict on the very event and slot the claim states. A supporting
    # sentence backs its whole article: its headline restating the figure is the same report, not another source.
    backed = _articles_of({a.n for a in support}, evidence)
    disputed = bool(support) and any(c.kind in _slot_kinds(frame) and not _current(c, backed) for c in related)
    verdict: Verdict = (
        "CONFLICTING" if support and (contra or disputed) else "REFUTED" if contra else "SUPPORTED" if support else "NOT_ENOUGH_INFO"
    )
    explanation = t["DISPUTED" if disputed and not contra else verdict].format(**parts)
    if related:
        explanation += " " + " ".join(describe_conflict(c, lang) for c in related)
    return Judgement(verdict, explanation, cited, tuple(related))


def align_words(claim: str, texts: Sequence[str], embeddings: Embeddings) -> dict[str, list[str]]:
    """Each content word of ``claim`` -> the words of the other language in ``texts`` the multilingual encoder puts
    closest to it (``bot.crosslingual.nearest_words``). The learned lexicon knows a few thousand words; a claim in Arabic checked
    against an English wire story ("قتل أربعة أشخاص" / "Four people … were killed") needs its every word."""
    english = detect_language(claim) == "en"
    # Not names (an English word in capitals): the encoder puts "باقري" beside "Bashar"; names are matched by their
    # entity ids and skeletons.
    mine = [w for w in _content_words_raw(claim) if not w[0].isupper() and w.isascii() == english]
    theirs = [w for t in texts for w in _content_words_raw(t) if w.isascii() != english and not w[0].isupper()]
    aligned = nearest_words(mine, theirs, embeddings)
    # A count's noun is also matched against the other language's count nouns alone: among all words the encoder puts
    # "people" nearest "الناس", and the count "50 شخصا" beyond its margin, so a figure no source shares met no count.
    # So is a count's predicate against the other language's count predicates: "أصيب 50 شخصا" meets "wounding 60 others"
    # only so (among all words, "أصيب" falls nearest no English one within the margin).
    for words, floor in ((_count_nouns, ALIGN), (_count_predicates, PREDICATE_ALIGN)):
        counted = {normalize_arabic(w).lower() for w in words([claim])}
        claimed = [w for w in mine if normalize_arabic(w).lower() in counted]
        for w, found in nearest_words(claimed, [w for w in words(texts) if w.isascii() != english], embeddings, floor).items():
            aligned[w] = list(dict.fromkeys([*aligned.get(w, []), *found]))
    return aligned


#: The encoder's cosine at which a count's predicate translates one of the other language's count predicates: 0.71-0.91
#: for a deed and its translation ("أصيب"/"wounding", "قتل"/"killed"), 0.42-0.58 for the contrasting deed ("أصيب"/
#: "killed", "قتل"/"wounded"). Lower than ``ALIGN``, as only count predicates compete.
PREDICATE_ALIGN = 0.65


def _counts_stated(text: str) -> list[Quantity]:
    """The counts ``text`` states a figure for: not a vague count ("عشرات الناس"), which states no figure to confirm or
    rival."""
    return [q for q in find_quantities(text) if q.kind == "count" and not q.vague]


def _count_nouns(texts: Sequence[str]) -> list[str]:
    """The content words that name what the texts' figures count ("people" in "20 people were killed")."""
    return [w for t in texts for q in _counts_stated(t) for w in _content_words_raw(q.unit_text or "")]


def _count_predicates(texts: Sequence[str]) -> list[str]:
    """The content words that say what happened to the texts' figures ("wounding" in "wounding 60 others", "أصيب" in
    "أصيب 50 شخصا": ``_predicate_words``)."""
    return [w for t in texts for q in _counts_stated(t) for w in _content_words_raw(" ".join(_predicate_words(t, q, noun=False)))]


#: The multilingual encoder's cosine of a claim and a sentence of the other language at which the sentence is taken to
#: tell the claim's event, its words unbridged: 0.53-0.65 for the sentences that state a claim's count or day ("48
#: migrants died when their boat sank off … Sfax" / "… غرق مركب مهاجرين … أدى إلى مقتل 48 شخصا"), at most 0.47 for
#: sentences on the same story that do not (the search resumed; survivors; another deed of the same persons).
CROSS_SIMILAR = 0.5
#: The share of the claim's words a sentence needs when a count in it has the claim count's predicate and noun
#: (``_tied``; in the claim's own language, with its capitalised names: ``_names_missing``): half of ``RELEVANCE``, as
#: the tied count already carries the deed, noun and figure.
CROSS_TIED = RELEVANCE / 2


def sentence_similarity(claim: str, texts: Sequence[str], embeddings: Embeddings) -> dict[str, float]:
    """Each sentence of the other language than ``claim``'s -> its cosine with the claim in the multilingual encoder."""
    lang = detect_language(claim)
    others = list(dict.fromkeys(t for t in texts if detect_language(t) != lang))
    if not others:
        return {}
    vectors = np.asarray(embeddings.embed_documents([claim, *others]), dtype=np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
    return dict(zip(others, (vectors[1:] @ vectors[0]).tolist()))


def _content_words_raw(text: str) -> list[str]:
    """The words of ``text`` as written, less function words and figures: what ``align_words`` embeds."""
    out = []
    for w in _WORD.findall(text):
        folded = normalize_arabic(w).lower()
        if len(w) < 3 or any(c.isdigit() for c in w) or {folded, _PREFIX.sub("", folded)} & (FUNCTION_WORDS_AR | _NOT_CONTENT_EN):
            continue
        out.append(w)
    return out


def masked_claim(claim: str) -> str:
    """The claim without the words of its slot values (places, dates, counts): what the event is, not its values.
    A count keeps its counted noun ("600 Iranians" -> "Iranians"): who was counted is the event, the figure its value."""
    frame = claim_frame(claim)
    spans = [(t.start, t.end, "") for t in frame.times]
    spans += [(q.start, q.end, q.unit_text if q.unit_text and q.text.endswith(q.unit_text) else "") for q in frame.quantities]
    for words in _slot_places(claim).values():
        i = claim.find(words)
        if i >= 0:
            spans.append((i, i + len(words), ""))
    out = claim
    for s, e, kept in sorted(spans, reverse=True):
        out = f"{out[:s]} {kept} {out[e:]}"
    return re.sub(r"\s+", " ", out).strip()


#: The interrogative that asks for a count, per claim language (``language.lexicon.question_kind`` reads it as "number").
_ASK_COUNT = {"ar": "كم {}؟", "en": "How many {}?"}


def count_question(claim: str) -> str | None:
    """The question a claim's count answers: the interrogative and the claim without its values (``masked_claim``),
    "How many people were killed in …?" for "Five people were killed in …". Asked, it quotes each article's own
    statement of the figure (``bot.evidence``). None for a claim that counts nothing."""
    if not any(q.kind == "count" for q in claim_frame(claim).quantities):
        return None
    return _ASK_COUNT.get(detect_language(claim), _ASK_COUNT["en"]).format(masked_claim(claim).rstrip("."))


def _claim_events(claim: str) -> set[str]:
    """The frames of the claim's own values, read the way sources are read."""
    return {c.event for c in extract_claims(Evidence(0, "claim", claim, None, None))}


def _same_event(topic: str, event: str) -> bool:
    """The conflict's claim (a source's clause) and the claim's frame are about one event (``bot.conflicts``)."""
    return about_same_event(topic, event)


def _slot_kinds(frame: ClaimFrame) -> set[str]:
    """The ``Conflict.kind`` values that are about a slot the claim states."""
    kinds = {"statement"}
    if frame.times:
        kinds.add("date")
    if frame.places:
        kinds.add("entity")
    if frame.quantities:
        kinds.add("number")
    return kinds


def verify(isnad: Isnad, claim: str, collection: str | None = None) -> Verification:
    """Retrieve evidence for ``claim``, compare it sentence by sentence, and judge."""

    @lru_cache(maxsize=None)
    def docs(doc_id: str):
        return isnad.source(doc_id, collection)

    limit = 2 * isnad.settings.max_citations
    queries = [claim]
    masked = masked_claim(claim)
    if masked != claim and masked.strip():
        # A wrong value pulls retrieval toward itself ("signed in Tehran" finds Tehran sentences):
        # the claim without its values finds the sentences that state the event's true values.
        queries.append(masked)
    if asked := count_question(claim):
        # An article states its figure deeper down than the lead the claim's words find ("قد يكون سقط أربعة قتلى"):
        # asking for it quotes each article's statement of it, so a rival figure is seen.
        queries.append(asked)
    found: list[EvidenceSentence] = []
    for query in queries:  # each search adds the sentences the earlier ones did not find
        seen = {(e.doc_id, e.start) for e in found}
        found += [e for e in isnad.evidence(query, limit=limit, collection=collection) if (e.doc_id, e.start) not in seen]
    lang = detect_language(claim)
    citations = build_citations(found, docs, lang)
    evidence = as_evidence(citations, docs)
    comparisons = compare_many([(claim, e.text) for e in evidence])
    conflicts, _ = detect_conflicts(evidence, lang)  # positions named in the claim's language, like the explanation
    titles = {c.doc_id: c.title for c in citations if c.title}
    articles = [docs(d).text for d in dict.fromkeys(c.doc_id for c in citations)]
    aligned = align_words(claim, [e.text for e in evidence], isnad.evidence_embeddings)
    similar = sentence_similarity(claim, [e.text for e in evidence], isnad.evidence_embeddings)
    judgement = verify_claim(claim, evidence, comparisons, conflicts, titles, articles, aligned=aligned, similar=similar)
    kept = set(judgement.cited) | {n for c in judgement.conflicts for p in c.positions for n in p.citations}
    # Only the sentences the judgement rests on are shown: number them 1..k with no gaps and judge again
    # under those numbers (the same sentences, so the same verdict), so the explanation cites what is shown.
    number = {c.n: i for i, c in enumerate(sorted(citations, key=lambda c: (c.n not in kept, c.n)), 1)}
    if any(old != new for old, new in number.items()):
        evidence = [replace(e, n=number[e.n]) for e in evidence]
        conflicts = [_renumbered(c, number) for c in conflicts]
        judgement = verify_claim(claim, evidence, comparisons, conflicts, titles, articles, aligned=aligned, similar=similar)
    return Verification(
        claim=claim,
        verdict=judgement.verdict,
        explanation=judgement.explanation,
        citations=[c.model_copy(update={"n": number[c.n]}) for c in citations if c.n in kept],
        conflicts=list(judgement.conflicts),
    )


def _renumbered(conflict: Conflict, number: dict[int, int]) -> Conflict:
    """``conflict`` citing the same sentences under new citation numbers."""
    positions = [p.model_copy(update={"citations": [number[n] for n in p.citations]}) for p in conflict.positions]
    return conflict.model_copy(update={"positions": positions})
