"""The count slot: which of a sentence's figures count what the claim counts, under the claim's deed, and whether they
confirm or clash with the claim's figure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.claims import Evidence
from bot.crosslingual import arabic_keywords
from bot.entities import label
from bot.verify.frame import _EN_WORD, _WORD, ClaimFrame, _clauses, _demonym, _present, sentence_keys, word_keys
from bot.verify.reasons import Check, _say
from language.lexicon import AUXILIARIES_EN, FUNCTION_WORDS_AR, FUNCTION_WORDS_EN
from language.normalize import detect_language, normalize_arabic
from language.numbers import Quantity, contrasting_predicates, find_noun_duals, find_quantities, time_units


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
    """Is every figure of the sentence that clashes with the claim's smaller than it (a toll before it rose)? Not a
    span of time: a term, an age or a stay does not rise from report to report as a toll does ("تسع سنوات ونصف" the
    day before "more than 12 years" is a rival term, not its past)."""
    clashing = [(c, s) for c, s in pairs if _clashes(c, s)]
    spans = any(q.unit_key in time_units() for c, s in clashing for q in (c, s))
    return bool(clashing) and not spans and all((s.low if s.high is None else s.high) < c.low for c, s in clashing)


def _same_figure(c: Quantity, s: Quantity) -> bool:
    """Two counts of a noun stating one exact figure ("48 migrants" / "48 شخصا", "at least 180" / "180 missing")."""
    return c.kind == s.kind == "count" and s.unit is not None and not s.approx and c.stated is not None and c.stated == s.stated
