"""Who says what: reporting verbs, the party they attribute to, and the clause asserted.

Why: Isnad must never present an outlet's report of someone else's claim as the
outlet's own. In "وبينما ذكرت قناة "العربية" أن ... ، أكد مراسل قناة
"الجزيرة" ... أن ..." one sentence carries two parties with opposite claims;
conflicts are only visible if each clause keeps its own speaker.

Heuristics (Arabic news is verb-first):

* A reporting verb (قال، أكد، ذكرت، نقلت، أفاد، أشار...) opens an attribution
  only at a clause start: sentence start or after a comma, with at most three
  connector words before it ("وبينما"، "من جهتها"، "كما"). A verb inside an
  open claim without a comma before it is nested speech and stays in the claim.
* The party is the text between the verb and the complementiser (أن/إن/بأن/إلى
  أن, "قوله"/"تأكيده", a colon), cut at the first comma or circumstantial phrase
  (خلال، للصحفيين، بخصوص...). "نقلت X عن Y" gives two parties: relay X, speaker Y.
  An empty party ("وأضاف أن...") is an implicit speaker: ``party=None``.
* The claim runs from the complementiser to the next clause-initial reporting
  verb or the sentence end. With no complementiser, a speaker's noun phrase
  followed by its object ("أعلنت وزارة الصحة مقتل 12 شخصا", "أفادت تقارير
  بمقتل ...", 'قال الوالي للصحفيين "..."') gives the speaker and, after it, the
  claim; failing that, the claim is the text after the sentence's last comma, so
  relative clauses about the subject ("الذي وصل إلى دمشق...") stay in the
  narrator's voice.
* A dateline's dash or slashes ("موسكو - 17 أكتوبر (إنترفاكس) - قالت",
  "/شينخوا/", "CAIRO (Reuters) -") end it: a clause, and its speaker, begin after.
* Source-after forms (بحسب، حسب، وفق ما أفاد، نقلا عن، according to) attribute
  the clause before them (or after them when they open the sentence).
* Relays stay chains, the source speaking through its carrier: Y through X in
  "نقلت X عن Y", "X نقلا عن Y", "…, X reported, citing Y", "X quoted Y as
  saying"; X through Y in "X, quoted by Y, said".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from bot.entities import display, gazetteer, known_outlets, label, outlet_id
from language.calendar import PARTS_OF_DAY, RELATIVE_DAYS, calendar_word, resolve_times
from language.lexicon import (
    FUNCTION_WORDS_AR,
    FUNCTION_WORDS_EN,
    HONORIFICS_AR,
    OFFICES_AR,
    OUTLET_WORDS_AR,
    OUTLET_WORDS_EN,
    PERSON_NOUNS_AR,
    REPORTING_VERBS_AR,
    REPORTING_VERBS_EN,
    STAFF_ROLES,
)
from language.names import common_nouns, describes, given_names, speaker_name
from language.normalize import fold_with_offsets, normalize_arabic, original_span, under_proclitic
from language.numbers import count_predicates, find_quantities, proclitic_words, unit_key
from language.places import find_places, place_label

#: Verbs of saying, the one list (``language.lexicon``): attribution opens a party's clause at them.
_VERBS = REPORTING_VERBS_AR
_OUTLET_WORDS = frozenset(normalize_arabic(w) for w in OUTLET_WORDS_AR)
#: Offices, ranks and nouns of a person, folded: a party headed by one is somebody, whom the texts may name elsewhere.
_PERSON_HEADS = frozenset(normalize_arabic(w) for w in (*OFFICES_AR, *HONORIFICS_AR, *PERSON_NOUNS_AR.split()))
_VERB_RE = re.compile(rf"(?<!\w)[وف]?(?P<verb>{'|'.join(sorted(_VERBS, key=len, reverse=True))})(?!\w)")
_COMP_RE = re.compile(
    r"(?<![\w.])(?:(?:الي\s+)?[بف]?ان(?:ه|ها|هم)?(?!\w)|(?:قوله|قولها|قولهم|تاكيده|تاكيدها|تصريحه)(?!\w)(?:[^\"«:]{0,60}?(?<!\w)ان(?!\w))?)\s*|:\s*"
)
_CUT_RE = re.compile(
    r"[،,]|(?<!\w)(?:خلال|للصحفيين|لصحفيين|بخصوص|بشان|حول|عند|لدي|امام|اثناء|عن|عبر|فان|في\s+مؤتمر|في\s+بيان|في\s+تصريح|في\s+تغريد\w*|في\s+حديث"
    r"|علي\s+(?:موقع\w*|حساب\w*|صفح\w*|منص\w*|(?=[\"«“]))|قايلا|اليوم|امس|الذي|التي|الذين|لم|لن|قد|نقلا(?=\s+عن))(?!\w)|\.(?![\d\w])"
)
#: Who a party spoke to ("لشبكة ...", "للتلفزيون الرسمي", "لـ"): a kind of medium after ل, or the written-apart ل.
_ADDRESSEE_RE = re.compile(
    rf"(?<!\w)(?:لـ|ل(?:{'|'.join(sorted(w for w in _OUTLET_WORDS if not w.startswith('ال')))})|لل(?:{'|'.join(sorted(w[2:] for w in _OUTLET_WORDS if w.startswith('ال')))}))"
)
#: "بحسب ما أعلنته الشرطة", "حسبما ذكرت", "وفق ما أفادت": the verb (with its object pronoun) is part of the source-after form.
_AFTER_VERBS = "|".join(sorted({*_VERBS, "اورد", "اوردت", "اظهر", "اظهرت"}, key=len, reverse=True))
_AFTER_RE = re.compile(
    rf"(?<!\w)[وف]?(?P<verb>(?:بحسب|حسب|وفقا\s+ل|وفق)\s*ما\s+(?:{_AFTER_VERBS})(?:ه|ها|هم)?(?:\s+عن(?:ه|ها|هم))?|بحسب|حسب|وفقا\s+ل|نقلا\s+عن|according\s+to)(?!\w)\s*"
)
_EN_SAID_RE = re.compile(
    rf"(?<!\w)(?P<verb>told\s+\w+|{'|'.join(v for v in REPORTING_VERBS_EN if v != 'told')})(?P<that>\s+that)?(?!\w)\s*"
)
#: Words after an English reporting verb, up to a comma, that still leave the claim before it ("..., he said on
#: Wednesday.", "..., police said Tuesday, as rescuers searched ...": the clause after that comma is circumstance).
_EN_TAIL_WORDS = 4
#: Connectors that may open a clause before its Arabic subject ("وبينما الوزير قال ...").
_CONNECTORS = {"و", "بينما", "وبينما", "فيما", "كما", "ثم"}
_PRONOUN_PARTIES = {"زعمه", "زعمها", "قوله", "قولها", "تعبيره", "تعبيرها", "رايه", "رايها", "ما", "مصادرها"}
_CONNECTORS_MAX = 3
#: The auxiliary كان ("had") and قد before a subject-first speaker: "وكانت الوزارة أعلنت" is the ministry's.
_AUXILIARIES = {"كان", "كانت", "وكان", "وكانت", "فكان", "فكانت", "قد", "وقد"}
_QUOTES = "\"'«»“”()[] \t"


@dataclass(frozen=True)
class Attribution:
    """One party asserting one clause: ``sentence[claim_start:claim_end]``."""

    party: str | None
    party_en: str | None
    verb: str
    claim_start: int
    claim_end: int
    party_start: int | None = None
    party_end: int | None = None
    via: str | None = None


def party_outlet(party: str) -> str | None:
    """The outlet a party names, found by structure, in the party's own words.

    A wire agency the gazetteer spells; else a kind of medium and its name
    ('قناة "العربية"' → "العربية", "الوكالة السورية للأنباء (سانا)" → "سانا",
    "التلفزيون الرسمي الإيراني" → itself, "Iranian state television" → itself);
    else a quoted name that is no person and opens the party ('"الوطن" السورية' after نقلت).
    """
    if agencies := known_outlets(party):
        return agencies[0].text
    words = list(re.finditer(r"[^\s\"'«»“”()]+", party))
    for i, w in enumerate(words):
        folded = normalize_arabic(w.group(0))
        bare = folded[1:] if folded[:1] in "وب" else folded
        if folded in _OUTLET_WORDS or bare in _OUTLET_WORDS or folded in OUTLET_WORDS_EN:
            if folded in OUTLET_WORDS_EN:
                return party.strip(_QUOTES)
            rest = party[w.end() :]
            short = re.search(r"\(([^()]{2,30})\)", rest)
            quoted = re.match(r"\s*[\"«“]([^\"»”]{2,40})[\"»”]", rest)
            if short:
                return short.group(1).strip()
            if quoted:
                return quoted.group(1).strip()
            cut = re.search(r"(?<!\w)(?:في|من|عن|على)(?!\w)|[،,]|\s+لل\w+\s*$", rest)  # "وكالة كيودو للأنباء": not "of news"
            phrase = party[w.start() : w.end() + (cut.start() if cut else len(rest))].strip(_QUOTES)
            return phrase if folded.startswith("ال") else phrase[len(w.group(0)) :].strip(_QUOTES) or phrase
    quoted = re.match(r"\s*[\"«“]([^\"»”]{2,40})[\"»”]", party)  # opening the party: 'نقلت "الوطن"', not 'X على "تويتر"'
    if quoted and speaker_name(party) is None:
        return quoted.group(1).strip()
    return None


def party_label(party: str) -> str | None:
    """English label for a party's words; None when it names no outlet, no person and no body.

    Media staff keep their outlet: 'مدير مكتب شبكة "الجزيرة" في إيران "عبدالقادر
    الإدريسي"' → "Al-Ghd's Morocco correspondent S'id Al-Idrisi" (Arabic names romanised).
    A body ("لجنة التحقيق الروسية", "وسائل إعلام رسمية") is its own words, quoted (``display``), so no reader takes
    a word of it for a person's name; a role ("رئيس الأركان الإيراني") stays None: the texts may name its holder.
    """
    outlet = party_outlet(party)
    person = speaker_name(party)
    if outlet and person and (person.text in outlet or outlet in person.text):
        person = None
    outlet_en = _outlet_en(outlet, party) if outlet else None
    person_en = display(person.text, "en", name=True) if person else None
    if outlet_en and person_en:
        folded = fold_with_offsets(party)[0]
        role = next((en for ar, en in STAFF_ROLES.items() if normalize_arabic(ar) in folded), None)
        if role:
            countries = [p for p in find_places(party, demonyms=False) if p.kind == "country"]
            where = f"{place_label(countries[0].id, 'en')} " if countries else ""
            return f"{outlet_en}'s {where}{role} {person_en}"
        return outlet_en  # "الوطن السورية الموالية للأسد": the person only qualifies the outlet
    return outlet_en or person_en or _body_label(party)


def _body_label(party: str) -> str | None:
    """An Arabic description made of common nouns, places and function words (its head may be a plural the learned
    nouns lack, "وسائل"), headed by no office, rank or person noun ("لجنة التحقيق الروسية", "وسائل إعلام محلية"),
    quoted; a name in it ("نجيب دانيش وهو متحدث …", "شرطة هاكني") leaves it to the reader of names."""
    words = list(re.finditer(r"[\u0621-\u064a]+", party))
    if not words or not describes(party):
        return None
    placed = [(p.start, p.end) for p in find_places(party)]
    cores = [_core(normalize_arabic(w.group(0))) for w in words]
    head = cores[0][2:] if cores[0].startswith("ال") else cores[0]
    if {cores[0], head, "ال" + head} & _PERSON_HEADS:
        return None
    nouns = common_nouns()
    unknown = [
        i
        for i, (c, w) in enumerate(zip(cores, words))
        if not (
            c in FUNCTION_WORDS_AR or c in nouns or c[2:] in nouns and c[:2] in ("ال", "لل") or any(a <= w.start() < b for a, b in placed)
        )
    ]
    return display(party, "en") if not unknown or (unknown == [0] and len(words) > 1) else None


#: Latin-script words inside an Arabic outlet name: its English spelling, as the article gives it.
_LATIN_GLOSS = re.compile(r"[A-Za-z][\w.'’&-]*(?:\s+[A-Za-z][\w.'’&-]*)*")


def _outlet_en(outlet: str, party: str) -> str:
    """A known outlet's English name; a name the party quotes ('قناة "الغد"') romanised; else ``display``
    tells a name ("وكالة كيودو") from a description ("التلفزيون الرسمي الإيراني", "وكالة الأنباء الفرنسية",
    "صحيفة محلية"), which keeps its own words, the kind of medium with them."""
    known = outlet_id(outlet)
    if known:
        return label(known, "en")
    if gloss := _LATIN_GLOSS.search(outlet):  # 'صحيفة "ديلي إكسبريس Daily Express"': the article's own English spelling
        return gloss.group(0)
    if re.search(rf"[\"«“(]\s*{re.escape(outlet)}\s*[\"»”)]", party):
        return display(outlet, "en", name=True)
    if describes(outlet):
        medium = re.search(rf"\S*\s*{re.escape(outlet)}", party)
        return display(medium.group(0) if medium else outlet, "en")
    return display(outlet, "en", name=True)


def _clean_party(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Trim spaces/commas and wrapping quotes, and what is not the party (``_party_extent``); None when empty
    or a pronoun (حسب زعمه)."""
    start, end = _party_extent(text, start, end)
    while start < end and text[start] in " \t\n،,":
        start += 1
    while end > start and text[end - 1] in " \t\n،,.":
        end -= 1
    pairs = {'"': '"', "«": "»", "“": "”", "(": ")"}
    if (
        end - start > 2
        and text[start] in pairs
        and text[end - 1] == pairs[text[start]]
        and text[start + 1 : end - 1].count(text[start]) == 0
    ):
        start, end = start + 1, end - 1
    words = text[start:end].split()
    if not words or (len(words) == 1 and fold_with_offsets(words[0])[0] in _PRONOUN_PARTIES):
        return None
    return start, end


def _party_extent(text: str, start: int, end: int) -> tuple[int, int]:
    """The party's own words within ``text[start:end]``: no time, no addressee, no quoted speech.

    "أعلنت السلطات اليابانية الاثنين أن": a time word (CLDR weekday or month, a relative day, a part of
    the day, any time expression ``language.calendar`` reads) ends the party and none opens it; "قال
    محافظ المنطقة فلان لشبكة ..." ends at whom he told (after two words: "مراسل لرويترز" is
    Reuters' correspondent); a quote mark left open begins the speech ('... للتلفزيون الرسمي "بعد'); a
    count begins what was announced, with the noun before it ("أعلنت الشرطة الباكستانية مقتل 12 شخصا").
    Function words left dangling at the end ("في", "يوم") go too. A place that opens the party and is
    followed by a definite noun is the party alone ("أعلنت كوبا الحداد الوطني": a name takes no definite
    noun in apposition; CLDR's multi-word names, "كوريا الشمالية", are matched whole).
    """
    span = text[start:end]
    cuts = [len(span)]
    opened = [m.start() for m in re.finditer(r'["«“]', span)]
    if span.count('"') % 2 or (opened and span[opened[-1]] in "«“" and not re.search(r"[»”]", span[opened[-1] :])):
        cuts.append(opened[-1])
    times = sorted((m.start, m.end) for m in resolve_times(span, None))
    words = list(re.finditer(r"[^\s\"'«»“”()/]+", span))
    for w, after in zip(words, [*words[1:], None]):
        if _time_word(w.group(0)) or (after and _time_word(f"{w.group(0)} {after.group(0)}")):  # "كانون الأول"
            times.append((w.start(), w.end()))
    lead = 0
    for ts, te in sorted(times):
        if not span[lead:ts].strip(" \t\n،,\"'«»“”"):
            lead = te  # a time that opens the party ("قال الاثنين وزير ...")
        else:
            cuts.append(ts)
            break
    for i, w in enumerate(words):
        if i >= 2 and (_ADDRESSEE_RE.match(normalize_arabic(w.group(0))) or _told_outlet(w.group(0))):
            cuts.append(w.start())
            break
    if on := _ON_PLATFORM_RE.search(span):  # "خدمة الإسعاف على تويتر": where it spoke, not who
        cuts.append(on.start())
    outlets = [(o.start, o.end) for o in known_outlets(span)]
    for i, w in enumerate(words[2:], start=2):  # "أعلن متحدث باسم الجيش مقتل 71 شخصا": the said thing, not "فرانس 24"
        if w.group(0)[0].isdigit() and not any(a <= w.start() < b for a, b in outlets):
            cuts.append(words[i - 1].start())
            break
    opening = lead + len(span[lead:]) - len(span[lead:].lstrip(" \t\n،,"))
    for place in find_places(span, demonyms=False):
        if place.start == opening and re.match(r"\s+[وفبل]?ال", normalize_arabic(span[place.end :])):
            cuts.append(place.end)  # "أعلنت كوبا الحداد الوطني": a country is the whole party, what follows was announced
    cut = min(cuts)
    if lead >= cut:  # nothing but a time ("أعلنت، الأسبوع الماضي، أنها"): no party named here
        return start + cut, start + cut
    body = span[lead:cut].split()
    while (
        body
        and not _articled_adjective(body)
        and (normalize_arabic(body[-1]).lower() in FUNCTION_WORDS_AR | FUNCTION_WORDS_EN or _time_word(body[-1]))
    ):
        cut = span.rindex(body.pop(), lead, cut)
    return start + lead, start + cut


#: "على" and one bare word ending the party: the medium it spoke on ("على إنستغرام"); written with ى, as folded
#: "علي" is also the name Ali ("علي مرداني"); an articled word ("على الحدود") may be where the speaker serves.
_ON_PLATFORM_RE = re.compile(r"(?<!\w)على\s+(?!ال)[^\s،,\"«“]+\s*$")


def _articled_adjective(words: list[str]) -> bool:
    """Does the last word, articled after an articled word, qualify it ("الأمين العام", "النائب العام") rather than
    dangle as a function word ("العام" alone is a year)?"""
    last, prev = (normalize_arabic(w) for w in words[-1:-3:-1]) if len(words) > 1 else ("", "")
    return prev.startswith("ال") and last.startswith("ال") and last[2:] in common_nouns()


def _told_outlet(word: str) -> bool:
    """ "لرويترز", "لفرانس": ل on an outlet's name is whom the party spoke to, not the party."""
    return word[:1] == "ل" and len(word) > 3 and bool(known_outlets(word[1:]))


def _time_word(word: str) -> bool:
    """A calendar word by itself: a CLDR month or weekday name, a relative day, a part of the day."""
    fold = normalize_arabic(word).lower()
    bare = fold[1:] if fold[:1] in "وفبل" and len(fold) > 3 else fold
    return any(calendar_word(f) is not None or f in RELATIVE_DAYS or f in PARTS_OF_DAY for f in (fold, bare))


#: A dateline's dash or slashes end it, and a clause opens after it: "موسكو - 17 أكتوبر (إنترفاكس) - قالت", "هافانا 19
#: مايو 2018 /شينخوا/ أعلنت", "DAMASCUS (Reuters) — ...". Spaced, so a hyphen inside a word ("آن-26") is none.
_DASH_RE = re.compile(r"\s[-–—/]+(?=\s)|[—–]|\s/[^\s/]{1,20}/(?=\s)")


def _clause_boundary(before: str) -> int:
    """Where the clause holding the end of ``before`` begins: after its last comma, full stop, colon or dateline dash
    (-1: the sentence start)."""
    dashes = [m.end() - 1 for m in _DASH_RE.finditer(before)]
    return max(before.rfind("،"), before.rfind(","), before.rfind("."), before.rfind(":"), *dashes, -1)


def _clause_initial(folded: str, pos: int, in_claim: bool) -> bool:
    """Does a verb at ``pos`` start a clause (see module docstring)?"""
    before = folded[:pos]
    boundary = _clause_boundary(before)
    words = before[boundary + 1 :].split()
    if in_claim:
        return boundary >= 0 and len(words) <= 1 and all(w in {"و", "بينما", "وبينما", "فيما", "كما", "ثم"} for w in words)
    # a subject ("باقري قال") or a pronoun's phrase ("من جهتها قالت") may stand before the verb; a noun's may not:
    # in "عن تحطم طائرة نقل" the word is the noun "transport"
    return len(words) <= _CONNECTORS_MAX and not any(
        w in FUNCTION_WORDS_AR and w not in _CONNECTORS and not (nxt or "").endswith(("ه", "ها", "هم"))
        for w, nxt in zip(words, [*words[1:], None])
    )


def _sentence_end(text: str) -> int:
    end = len(text.rstrip())
    while end > 0 and text[end - 1] in ".。!?؟ \n":
        end -= 1
    return end


def extract_attributions(sentence: str) -> list[Attribution]:
    """All (party, verb, claim span) attributions in one sentence, in reading order."""
    folded, origin = fold_with_offsets(sentence)
    sent_end = _sentence_end(sentence)
    found: list[Attribution] = []
    after_spans = [(m.start(), m.end()) for m in _AFTER_RE.finditer(folded)]
    verbs = [m for m in _VERB_RE.finditer(folded) if not any(s <= m.start() < e for s, e in after_spans)]
    claim_open_until = -1
    for i, vm in enumerate(verbs):
        if not _clause_initial(folded, vm.start(), in_claim=vm.start() < claim_open_until):
            continue
        next_verbs = [v for v in verbs[i + 1 :] if _clause_initial(folded, v.start(), in_claim=True)]
        limit = next_verbs[0].start() if next_verbs else len(folded)
        comp = _COMP_RE.search(folded, vm.end(), limit)
        verb_word = sentence[slice(*original_span(origin, vm.start("verb"), vm.end("verb")))]
        obj = None
        if comp:
            region_end, claim_fs = comp.start(), comp.end()
        elif (
            not _transport(verb_word, folded[vm.end() : limit])
            and (obj := _object_start(sentence, folded, origin, vm.end(), limit)) is not None
        ):
            region_end = claim_fs = obj  # "أعلنت وزارة الصحة مقتل 12 شخصا": the speaker, then what it announced
        else:
            last_comma = max(folded.rfind("،", vm.end(), limit), folded.rfind(",", vm.end(), limit))
            region_end = claim_fs = last_comma + 1 if last_comma >= 0 else vm.end()
        claim_fe = _trim_end(folded, claim_fs, limit)
        while claim_fs < claim_fe and folded[claim_fs] in " \t\n":
            claim_fs += 1
        cs = origin[claim_fs] if claim_fs < len(folded) else len(sentence)
        ce = origin[claim_fe] if claim_fe < len(folded) else sent_end
        ce = min(ce, sent_end)
        parties = _parties(sentence, folded, origin, vm.end(), region_end, verb_word)
        if obj is not None and (spans := [span for span, _, _ in parties if span]):
            cs = _skip_glue(sentence, max(e for _, e in spans), cs)  # "أعلنت الجماعة مساء السبت مسؤوليتها عن …": all it said
        if all(span is None for span, _, _ in parties) and (subject := _subject_before(sentence, folded, origin, vm.start())):
            parties = [(subject, verb_word, None)]  # "بوريطة قال إن ...": the speaker stands before the verb
        for party_span, role_verb, via in parties:
            p_text = sentence[party_span[0] : party_span[1]] if party_span else None
            found.append(
                Attribution(
                    party=p_text,
                    party_en=party_label(p_text) if p_text else None,
                    verb=role_verb,
                    claim_start=cs,
                    claim_end=ce,
                    party_start=party_span[0] if party_span else None,
                    party_end=party_span[1] if party_span else None,
                    via=via,
                )
            )
        claim_open_until = claim_fe
    found.extend(_source_after(sentence, folded, origin, found, sent_end))
    found.extend(_english_said(sentence, folded, origin, found))
    found.extend(_citing(sentence, folded, origin, found))
    found.extend(_quoted_as_saying(sentence, folded, origin))
    return sorted(found, key=lambda a: a.claim_start)


def _object_start(sentence: str, folded: str, origin: list[int], start: int, end: int) -> int | None:
    """Where what a speaker states begins when no complementiser introduces it (a folded offset in
    ``[start, end)``), or None when the words after the verb show no speaker followed by an object.

    Arabic puts the speaker's noun phrase right after the verb, then the object: "أعلنت وزارة الصحة مقتل 12
    شخصا", "أفادت تقارير بمقتل 37", 'وقال الوالي للصحفيين "نقلنا 25 جريحا"', "أكدت الشرطة سقوط ضحايا". A noun
    phrase runs on through construct nouns, names, asides in brackets and, once it holds an article, articled
    words; so its end is the first of: speech in quotes (``_speech``), or, within ``SPEAKER_WORDS``, the deed before
    a count, or a word that opens an object (``_opens_object``: a bare common noun, derived verbal noun or counting
    word right after an articled one, "مقتل", "انتشال", "سقوط"; a preposition on a noun, "بمقتل"). A preposition's
    noun ("في نيبال") is still the speaker's; speech right after the verb has no speaker here (the start)."""
    words = list(re.finditer(r"[^\s،,:;]+", folded[start:end]))
    if words and _speech(folded, start + words[0].start(), end):
        return start
    counts = {q.start for q in find_quantities(sentence[origin[start] : origin[min(end, len(folded))]])}
    asides = [(m.start(), m.end()) for m in re.finditer(r"\([^()]*\)", folded[start:end])]
    prev = _core(words[0].group(0)) if words else ""
    for i, w in enumerate(words[1:], start=1):
        word, at = w.group(0).lstrip("#"), start + w.start()
        if _speech(folded, at, end) and not _names_outlet(words[i - 1].group(0), word[1:]):
            return at
        if any(a <= w.start() < b for a, b in asides):
            continue  # "(يونسكو)", "(شمال غربي البلاد)": an aside, the phrase goes on after it
        if i <= SPEAKER_WORDS:  # a long run is no speaker's phrase
            if i + 1 < len(words) and origin[start + words[i + 1].start()] - origin[start] in counts:
                return at  # the deed right before a count ("مقتل نحو 46": the hedge is the count's own)
            if prev not in FUNCTION_WORDS_AR and _opens_object(word, articled=prev.startswith("ال")):
                return at
        prev = _core(w.group(0))
    return None


#: The most words a speaker's noun phrase runs to before an object that no quote marks ("متحدث باسم الشرطة في
#: نيبال الاثنين مقتل": 6); past it, a verbal noun is more likely the speaker's own ("... العثور على الفتيان").
SPEAKER_WORDS = 8
#: Quoted words that are speech, not a name ('"يويفا"', 'منظمة "أوميه"'): at least this many, or left open.
SPEECH_WORDS = 3


def _speech(folded: str, at: int, end: int) -> bool:
    """Does a quote open speech at ``at``: ``SPEECH_WORDS`` words or more before it closes, or no close before ``end``?"""
    if folded[at : at + 1] not in ('"', "«", "“"):
        return False
    close = re.search(r'["»”]', folded[at + 1 : end])
    return close is None or len(folded[at + 1 : at + 1 + close.start()].split()) >= SPEECH_WORDS


def _transport(verb: str, region: str) -> bool:
    """ "نقل" with no "عن" after it carries goods or people ("طائرة نقل عسكرية"), not words."""
    return "نقل" in normalize_arabic(verb) and not re.search(r"(?<!\w)عن(?!\w)", region)


def _core(word: str) -> str:
    """A folded word less a hashtag and a conjunction or preposition before its article ("والانقاذ", "للهجره")."""
    word = word.lstrip("#").strip("\"«»“”'")
    return word[1:] if word[:1] in "وفبل" and word[1:3] in ("ال", "لل") else word


def _names_outlet(before: str, quoted: str) -> bool:
    """A quote that names a medium ('قناة "النهار"', '"قناة الحدث"'), not speech."""
    return any(w in _OUTLET_WORDS or under_proclitic(w, _OUTLET_WORDS, "وبل") for w in (before, quoted))


def _opens_object(word: str, articled: bool) -> bool:
    """Does this folded word begin what is stated rather than continue the speaker's noun phrase? Right after an
    articled word: a bare common noun, a derived verbal noun (``_DERIVED_MASDAR``) or a word the corpus counts with,
    not a first name ("ايمان") nor a rank ("جنرال"). Anywhere: "ب" on a bare noun ("بمقتل", "بسقوط"; "بالحادث" is
    circumstance), not "باسم" (the spokesman's "متحدث باسم الشرطة")."""
    if len(word) < 3 or word in FUNCTION_WORDS_AR:
        return False
    if word[0] == "ب" and word[1:3] != "ال" and len(word) > 4 and (word in proclitic_words() or unit_key(word[1:]) in count_predicates()):
        return True
    if not articled or _core(word).startswith(("ال", "لل")) or word[0] == "ل" or word in given_names() or "ال" + word in _PERSON_HEADS:
        return False
    return word in common_nouns() or bool(_DERIVED_MASDAR.match(word)) or (len(word) >= 4 and unit_key(word) in count_predicates())


#: Verbal nouns of the derived forms VIII (افتعال: "انتشال", "اعتقال", "ارتفاع"), VII (انفعال: "انفجار") and X
#: (استفعال: "استهداف"), folded: a deed announced, never a name's pattern.
_DERIVED_MASDAR = re.compile(r"^(?:ا.ت.ا.|ان..ا.|است..ا.)[هة]?$")


def _skip_glue(sentence: str, start: int, end: int) -> int:
    """The first offset in ``[start, end]`` past spaces and commas."""
    while start < end and sentence[start] in " \t\n،,":
        start += 1
    return start


def _subject_before(sentence: str, folded: str, origin: list[int], pos: int) -> tuple[int, int] | None:
    """The words between the clause start and a verb at ``pos``, less connectors: a subject-first speaker."""
    before = folded[:pos]
    start = _clause_boundary(before) + 1
    words = before[start:].split()
    while words and words[0] in _CONNECTORS | _AUXILIARIES:
        start = before.index(words[0], start) + len(words[0])
        words = words[1:]
    if not words:
        return None
    return _clean_party(sentence, *original_span(origin, start, pos))


def _trim_end(folded: str, start: int, end: int) -> int:
    """Drop the '، وبينما' / ', و' glue between a claim and the next verb."""
    glue = re.search(r"(?:\s*[،,.]?\s*(?:(?<!\w)(?:و|بينما|وبينما|فيما|كما|ثم))?\s*)$", folded[start:end])
    return start + glue.start() if glue else end


def _parties(sentence: str, folded: str, origin: list[int], start: int, end: int, verb: str):
    """Party spans between verb and complementiser; 'نقلت X عن Y' yields relay and speaker."""
    region = folded[start:end]
    an = re.search(r"(?<!\w)عن(?!\w)", region) if folded[start - 4 : start].endswith("نقل") or "نقل" in verb else None
    segments = (
        [(start, start + an.start(), verb, None), (start + an.end(), end, f"{verb} عن", "relay")] if an else [(start, end, verb, None)]
    )
    out = []
    relay_label = None
    for s, e, v, role in segments:
        cut = _CUT_RE.search(folded, s, e)
        # a comma right after the verb ("قال، ...") is not a party boundary
        while cut and not folded[s : cut.start()].strip() and cut.end() < e:
            s = cut.end()
            cut = _CUT_RE.search(folded, s, e)
        pe = cut.start() if cut else e
        span = _clean_party(sentence, *original_span(origin, s, pe)) if pe > s else None
        if role == "relay":
            out.append((span, v, relay_label))
        else:
            relay_label = (party_label(sentence[span[0] : span[1]]) or sentence[span[0] : span[1]]) if span else None
            if span or not an:
                out.append((span, v, None))
    return out


def _source_after(sentence: str, folded: str, origin: list[int], found: list[Attribution], sent_end: int) -> list[Attribution]:
    out = []
    for m in _AFTER_RE.finditer(folded):
        cut = _CUT_RE.search(folded, m.end())
        pe = cut.start() if cut else len(folded)
        span = _clean_party(sentence, *original_span(origin, m.end(), pe)) if pe > m.end() else None
        if span is None:
            continue
        party = sentence[span[0] : span[1]]
        ms = origin[m.start()]
        verb = sentence[ms : origin[m.end("verb") - 1] + 1]
        prefix = sentence[:ms].strip(" \t\"'،,و")
        carrier = _carrier(sentence, found, ms) if m["verb"].startswith("نقلا") else None
        if carrier:
            # "وذكرت الوكالة نقلا عن مصدر أمني أن …": the source speaks the carrier's clause, through the carrier.
            out.append(_relayed(carrier, party, verb, span, ms))
            continue
        if not prefix:  # "بحسب X، CLAIM"
            cs, ce = (span[1] + 1, sent_end)
        else:
            cs = max([a.claim_end for a in found if a.claim_end <= ms] + [0])
            ce = ms
            while ce > cs and sentence[ce - 1] in " ،,":
                ce -= 1
        while cs < ce and sentence[cs] in " ،,":
            cs += 1
        out.append(Attribution(party, party_label(party), verb, cs, ce, span[0], span[1]))
    return out


def _carrier(sentence: str, found: list[Attribution], pos: int) -> Attribution | None:
    """The attribution whose party ends right before ``pos``, but for its verb and a few words of circumstance
    (``_EN_TAIL_WORDS``): a relay form follows it ("الوكالة نقلا عن", "the agency reported on Monday, citing"), and it
    carries the next party's words."""
    near = [a for a in found if a.party and a.party_end is not None and a.party_end <= pos]
    near = [
        a
        for a in near
        if len(sentence[a.party_end : pos].split()) <= _EN_TAIL_WORDS and not re.search(r"[.;]", sentence[a.party_end : pos])
    ]
    return max(near, key=lambda a: a.party_end or 0, default=None)


def _relayed(carrier: Attribution, party: str, verb: str, span: tuple[int, int], pos: int) -> Attribution:
    """``party`` speaking the carrier's clause through the carrier: a chain, "Agency, citing Ministry"; the clause
    ends before the relay form at ``pos`` where it ran on past it ("X said 12 were killed, citing Y")."""
    end = min(carrier.claim_end, pos) if carrier.claim_start < pos else carrier.claim_end
    via = carrier.party_en or carrier.party
    return Attribution(party, party_label(party), verb, carrier.claim_start, end, span[0], span[1], via=via)


#: "…, the agency reported, citing the health ministry": the party after "citing" speaks through the one before.
_CITING_RE = re.compile(r"[,،]?\s*(?<!\w)(?P<verb>citing|quoting)\s+")


def _citing(sentence: str, folded: str, origin: list[int], found: list[Attribution]) -> list[Attribution]:
    """A relay after an English speaker ("…, officials said, citing the health ministry"): a chain, not a second
    independent party nor the outlet's own words."""
    out = []
    for m in _CITING_RE.finditer(folded):
        pos = origin[m.start()]
        carrier = _carrier(sentence, found, pos) or _claiming(found, pos)
        cut = _CUT_RE.search(folded, m.end())
        span = _clean_party(sentence, origin[m.end()], origin[cut.start()] if cut else _sentence_end(sentence))
        if carrier and span:
            out.append(_relayed(carrier, sentence[span[0] : span[1]], m["verb"], span, pos))
    return out


def _claiming(found: list[Attribution], pos: int) -> Attribution | None:
    """The named party whose claim runs on to ``pos`` ("The UN said at least 12 were killed, citing …"): it carries
    the cited party's words."""
    return next((a for a in found if a.party and a.claim_start < pos <= a.claim_end), None)


def _english_said(sentence: str, folded: str, origin: list[int], found: list[Attribution]) -> list[Attribution]:
    """English reporting, the speaker before or after the verb, the claim after or before it.

    'Outlet B reported that X' (claim after); 'X, Syrian state media said.' and
    'X, said Bourita.' (claim before: what follows the verb is only the speaker or
    a few words of circumstance).
    """
    out = []
    sent_end = _sentence_end(sentence)
    for m in _EN_SAID_RE.finditer(folded):
        before = folded[: m.start()]
        if _after_figure(before):
            continue  # "raising its estimate from the 128 reported a day earlier": a participle, no one saying
        boundary = max(before.rfind(","), before.rfind("."), before.rfind(";"))
        verb = sentence[slice(*original_span(origin, m.start("verb"), m.end("verb")))]
        cs = origin[m.end()] if m.end() < len(folded) else len(sentence)
        # the speaker begins after a dateline's dash ("CAIRO (Reuters) - Egypt's health ministry said") and after the
        # quote that closes the speech ('"We found 12 bodies," the governor told reporters')
        party_from = max([boundary, *(d.end() - 1 for d in _DASH_RE.finditer(before))]) + 1
        while party_from < m.start() and folded[party_from] in "\"”’' ":
            party_from += 1
        span = _clean_party(sentence, *original_span(origin, party_from, m.start())) if party_from < m.start() else None
        if span is None and (aside := _QUOTED_BY_RE.search(before)):
            out.extend(_quoted_by(sentence, origin, aside, verb, cs, sent_end))
            continue
        tail = sentence[cs:sent_end]
        claim_before = boundary > 0 and folded[boundary] == "," and not m["that"] and len(tail.split(",")[0].split()) <= _EN_TAIL_WORDS
        if span is None and boundary > 0 and folded[boundary] == ",":
            # "X, said Bourita, the chief of staff.": the speaker follows the verb
            cut = _CUT_RE.search(folded, m.end())
            span = _clean_party(sentence, cs, origin[cut.start()] if cut and cut.start() < len(folded) else sent_end)
            # "The ministry, quoted by the agency, said 12 people were killed": a count after the verb is what is said,
            # not who says it.
            span = None if span and find_quantities(sentence[span[0] : span[1]]) else span
            claim_before = span is not None
        if span is None:
            continue
        party = sentence[span[0] : span[1]]
        if claim_before:
            start = max([a.claim_end for a in found if a.claim_end <= origin[boundary]] + [0])
            out.append(Attribution(party, party_label(party), verb, start, origin[boundary], span[0], span[1]))
        else:
            out.append(Attribution(party, party_label(party), verb, cs, sent_end, span[0], span[1]))
    return out


#: "The health ministry, quoted by the state news agency, said …": the speaker, then the carrier in an aside.
_QUOTED_BY_RE = re.compile(r"(?:^|[,.;]\s*)(?P<speaker>[^,.;]+?),\s*(?:quoted|cited)\s+by\s+(?P<carrier>[^,.;]+?),\s*$")
#: "Reuters quoted a police official as saying 12 people had died": the carrier, the speaker, the claim.
_QUOTED_AS_RE = re.compile(r"(?:^|(?<=[,.;]))\s*(?P<carrier>[^,.;]+?)\s+quoted\s+(?P<speaker>[^,.;]+?)\s+as\s+saying(?:\s+that)?\s+")


def _quoted_by(sentence: str, origin: list[int], aside: re.Match, verb: str, cs: int, end: int) -> list[Attribution]:
    """The carrier of an aside ("quoted by the agency") and the speaker through it, both saying what follows."""
    speaker = _clean_party(sentence, *original_span(origin, aside.start("speaker"), aside.end("speaker")))
    carrier = _clean_party(sentence, *original_span(origin, aside.start("carrier"), aside.end("carrier")))
    if speaker is None or carrier is None:
        return []
    return _chain(sentence, carrier, speaker, verb, cs, end)


def _chain(sentence: str, carrier: tuple[int, int], speaker: tuple[int, int], verb: str, cs: int, end: int) -> list[Attribution]:
    """A carrier and the speaker it relays, both asserting ``sentence[cs:end]``: "Carrier, citing Speaker"."""
    c_text, s_text = sentence[slice(*carrier)], sentence[slice(*speaker)]
    c_label = party_label(c_text)
    return [
        Attribution(c_text, c_label, verb, cs, end, *carrier),
        Attribution(s_text, party_label(s_text), verb, cs, end, *speaker, via=c_label or c_text),
    ]


def _quoted_as_saying(sentence: str, folded: str, origin: list[int]) -> list[Attribution]:
    """ "X quoted Y as saying CLAIM": Y speaks through X, a chain."""
    out = []
    for m in _QUOTED_AS_RE.finditer(folded):
        carrier = _clean_party(sentence, *original_span(origin, m.start("carrier"), m.end("carrier")))
        speaker = _clean_party(sentence, *original_span(origin, m.start("speaker"), m.end("speaker")))
        if carrier and speaker:
            out.extend(_chain(sentence, carrier, speaker, "quoted", origin[m.end()], _sentence_end(sentence)))
    return out


def _after_figure(before: str) -> bool:
    """Does an English reporting verb follow a figure ("the 128 reported a day earlier", "the 37 announced on Sunday")?
    Then it is a participle describing the figure, not a speaker's verb: a speaker is a noun, not a count."""
    words = before.split()
    return bool(words) and any(q.unit_text is None and q.end == len(words[-1]) for q in find_quantities(words[-1]))


#: The connective words of an attribution in each language (used by answers and conflict cards alike).
ATTRIBUTION_WORDS = {
    "en": {"citing": ", citing ", "and": " and ", "unknown": "unknown source", "unnamed": "an unnamed source (“{title}”)"},
    "ar": {"citing": "، نقلاً عن ", "and": " و", "unknown": "مصدر غير معروف", "unnamed": "مصدر غير مسمى («{title}»)"},
}


#: How close a source's handle must be to a spelling the gazetteer gives, letters only (a dropped or doubled letter).
HANDLE_SIMILARITY = 0.85
#: The shortest handle that may stand for a longer name it begins (the name without its region or medium).
HANDLE_PREFIX_CHARS = 5


def _compact(name: str) -> str:
    return "".join(ch for ch in name.casefold() if ch.isalnum())


@lru_cache(maxsize=1)
def _outlet_spellings() -> dict[str, str]:
    return {_compact(v): e.id for e in gazetteer().values() if e.type == "outlet" for v in (e.en, e.ar, *e.variants) if _compact(v)}


@lru_cache(maxsize=4096)
def handle_outlet_id(name: str) -> str | None:
    """The outlet a feed's handle stands for: a corpus names its sources by
    handles — no spaces, lower case, their own transliteration — so no exact spelling matches. The one outlet
    whose spelling (letters only) begins with the handle or is nearly the same; None when none or several are."""
    key = _compact(name)
    if not key:
        return None
    hits = {
        oid
        for spelling, oid in _outlet_spellings().items()
        if spelling == key
        or (len(key) >= HANDLE_PREFIX_CHARS and spelling.startswith(key))
        or SequenceMatcher(None, key, spelling).ratio() >= HANDLE_SIMILARITY
    }
    return hits.pop() if len(hits) == 1 else None


def outlet_label(outlet: str | None, lang: str = "en") -> str | None:
    """The outlet's name in ``lang`` as the article gives it: a known outlet (also by its feed's handle) in its
    spelling for ``lang``, an Arabic name romanised for an English reader, else its own words."""
    if not outlet or not outlet.strip():
        return None
    name = outlet.strip()
    if known := outlet_id(name):
        return name if lang == "ar" and not name.isascii() else label(known, lang)
    if known := handle_outlet_id(name):
        return label(known, lang)
    return display(name, lang, name=True)


def _party_name(p: Attribution, lang: str) -> str | None:
    """A cited party in ``lang``: for an English reader its label (an outlet, a person), else its words as ``display``
    renders them (a description stays in its words, in quotes); for an Arabic reader its own Arabic words, and an
    English party (an English wire story's "police said") a known outlet or place in its Arabic name, else its own
    words in quotes, as an English reader sees an Arabic description: no bare English fragment in Arabic prose."""
    surface = p.party.strip(_QUOTES).replace('"', "") if p.party else None
    if not surface:
        return surface
    if lang == "en":
        return p.party_en or display(surface, "en")
    if not surface.isascii():
        return surface
    if known := outlet_id(surface):
        return label(known, lang)
    whole = [m for m in find_places(surface) if m.start == 0 and m.end == len(surface)]
    return place_label(whole[0].id, lang) if whole else f"«{surface}»"


def format_attribution(outlet: str | None, parties: list[Attribution], lang: str = "en", title: str | None = None) -> str:
    """'Outlet A, citing Outlet B and Outlet C's ...': who says it, in ``lang``.

    Independent parties of one sentence (each asserting its own clause) are
    joined with "and"; a party reported through another (``via``) nests as a
    chain ("Outlet B, citing Bourita"). Unnamed parties are skipped and a party
    equal to the outlet is not repeated; unknown names keep their own words. An
    article without an outlet is an unnamed source named by its ``title``
    (``unnamed_source``), never by its title as if it were an outlet's name.
    """
    words = ATTRIBUTION_WORDS[lang]
    head = outlet_label(outlet, lang) or (unnamed_source(title, lang) if title and title.strip() else None)
    groups: list[list[str]] = []
    seen: set[str] = set()
    for p in parties:
        name = _party_name(p, lang)
        if not name or name == head or name in seen:
            continue
        seen.add(name)
        if p.via and groups:
            groups[-1].append(name)
        else:
            groups.append([name])
    cited = words["and"].join(words["citing"].join(g) for g in groups)
    if head is None:
        return cited or words["unknown"]
    return words["citing"].join([head, cited]) if cited else head


def holding(parties: list[Attribution], sentence: str, words: str) -> list[Attribution]:
    """The parties of ``sentence`` whose claim overlaps ``words`` (none: the outlet's own narration); all of them when
    the words are not found verbatim. A sentence can carry two voices with two values ("A said Tuesday, while B
    said for days"): a value read from it is A's alone, never B's. Words naming a voice (the answer to "who said")
    are credited to the parties relaying that voice, if any."""
    at = sentence.find(words) if words else -1
    if at < 0:
        return parties
    voice = next((p for p in parties if p.party_start is not None and p.party_start <= at < (p.party_end or 0)), None)
    if voice is not None:  # the words name a voice ("who said …"): it is credited through the parties relaying it
        return [p for p in parties if p is not voice and voice.via in (p.party, p.party_en)]
    return [p for p in parties if p.claim_start < at + len(words) and at < p.claim_end]


def unnamed_source(title: str | None, lang: str = "en") -> str:
    """An article that names no outlet, in its text or metadata: "an unnamed source" with its title, so a reader
    can still tell two such articles apart ("unknown source" when it has no title either); never its doc id."""
    words = ATTRIBUTION_WORDS[lang]
    title = " ".join((title or "").split())
    return words["unnamed"].format(title=title) if title else words["unknown"]


__all__ = [
    "ATTRIBUTION_WORDS",
    "REPORTING_VERBS_AR",
    "REPORTING_VERBS_EN",
    "Attribution",
    "extract_attributions",
    "format_attribution",
    "holding",
    "outlet_label",
    "party_label",
    "party_outlet",
    "unnamed_source",
]
