"""Relevance: whether a sentence is about the claim at all, from the IDF-weighted share of the claim's words it covers,
the claim's rare names, and how sure the stance model is (``counts`` with the ``Gate`` fitted on ANS train).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import NamedTuple

from bot.claims import Evidence
from bot.schema import Comparison
from bot.verify.claim import claim_frame
from bot.verify.frame import _WORD, ClaimFrame, Group, _present, sentence_keys
from bot.verify.numbers import _counts_alike
from bot.verify.parties import _entities_of, _party_kind, _rivals, _same_deed, _weak_persons
from bot.verify.places import _other_sites, _site_word
from language.names import learn
from language.normalize import detect_language
from language.numbers import find_quantities

#: IDF-weighted share of the claim's content a sentence must cover to count.
RELEVANCE = 0.6
#: Stance-model confidence needed before its "contradict" alone refutes: the model's majority. Below
#: ``STANCE_SURE`` it is a weak contradiction: it refutes where no source states the claim, and is set
#: aside where one does (the model reads some paraphrases as contradictions).
STANCE_CONTRADICT = 0.5
#: When a sentence under ``RELEVANCE`` still counts (``counts``): it covers at least ``RELEVANCE_FLOOR`` of the
#: claim and the stance model (same language) contradicts (``STANCE_CONTRADICT``) or is ``STANCE_RELATED`` sure
#: it agrees; at ``STANCE_FOCUS`` sure of a contradiction, the claim's rare names are not required. The three are
#: fitted on ANS train by ``python -m bench.conflicts --fit`` (macro-F1 of verify, train 0.565 -> 0.653); the floor
#: is searched from 0.1 up only: ANS pairs are nearly all on one story, so they cannot teach what a retrieved
#: distractor needs, and a floor of 0 would let the model alone turn any same-language sentence into evidence.
RELEVANCE_FLOOR = 0.1
STANCE_RELATED = 0.5
STANCE_FOCUS = 0.6


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
