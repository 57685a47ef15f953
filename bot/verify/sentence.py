"""How one sentence bears on the claim (``assess``): the slot checks, the date and place its article gives it, negation
and the stance model, made into support, contradiction, both, or neither.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.claims import Evidence
from bot.entities import is_person
from bot.schema import Comparison
from bot.verify.dates import _date_checks
from bot.verify.frame import ClaimFrame, _clauses, _present, sentence_keys, word_keys
from bot.verify.gate import RELEVANCE, STANCE_CONTRADICT, Gate, _relevances, counts
from bot.verify.negation import _counts_none, _negates_claim
from bot.verify.numbers import _below, _count_pairs, _deed_figures, _number_check, _risen_to, _tied_clash
from bot.verify.parties import SAME_DEED_WORDS, _agent_check, _deed_words, _entities_of, _party_check
from bot.verify.places import _place_check, _place_named, _site_check
from bot.verify.reasons import Check, _lang, _say
from language.calendar import resolve_times
from language.normalize import detect_language

#: Stance-model confidence at which its "contradict" is sure (see ``bot.verify.gate.STANCE_CONTRADICT``): under it a
#: contradiction only the model sees is weak (``Assessment.weak``), and only at it does a rebuttal that drops the
#: claimed date, place or count contradict (``_rebuts``).
STANCE_SURE = 0.7


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


def _names_missing(frame: ClaimFrame, text: str) -> bool:
    """Does the sentence lack a name the claim writes in capitals past its first word ("Kemerovo", "Muenster")? Such a
    sentence tells the claim's deed of somewhere or someone else. Arabic writes no capitals: the entity checks judge it."""
    keys, entities = sentence_keys(text), _entities_of(text, frame.book)
    return any(
        g.word[0].isupper() and g.word.isascii() and not frame.text.startswith(g.word) and not _present(g, keys, entities)
        for g in frame.groups
    )


#: Stance-model reasons that are slots verify reads itself (with units and calendars): not a second opinion.
_SLOT_REASONS = ("numbers differ", "days differ", "months differ", "a named day vs", "negation in")


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
        # A sentence confirming every slot the claim states ("اغتيال ثلاثة روس في أفريقيا الوسطى" for the three Russians
        # killed there) is contradicted by the model's word alone: weak, it does not outweigh sources stating the claim.
        confirms = bool(claimed) and claimed <= matched
        return Assessment(ev.n, rel, "contradict", shown, weak=comparison.score < STANCE_SURE or confirms)
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


#: The multilingual encoder's cosine of a claim and a sentence of the other language at which the sentence is taken to
#: tell the claim's event, its words unbridged: 0.53-0.65 for the sentences that state a claim's count or day ("48
#: migrants died when their boat sank off … Sfax" / "… غرق مركب مهاجرين … أدى إلى مقتل 48 شخصا"), at most 0.47 for
#: sentences on the same story that do not (the search resumed; survivors; another deed of the same persons).
CROSS_SIMILAR = 0.5

#: The share of the claim's words a sentence needs when a count in it has the claim count's predicate and noun
#: (``_tied``; in the claim's own language, with its capitalised names: ``_names_missing``): half of ``RELEVANCE``, as
#: the tied count already carries the deed, noun and figure.
CROSS_TIED = RELEVANCE / 2
