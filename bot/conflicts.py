"""Find claims that cannot all be true — or a figure that changed — and say so in one answer sentence.

Same claim (why "وصل الوزير إلى دمشق مساء الثلاثاء" meets "متواجد بالعاصمة
السورية منذ أيام", and "مقتل 11 شخصا" meets "11 killed"): two claims are about
the same thing when their *frames* (``bot.claims``: the value's clause with
dates, numbers, persons and places masked) are close in a multilingual sentence
embedding (the service's evidence model, multilingual USE by default: its
cosines spread same-claim frames, 0.6–0.9, from different ones such as "killed"
vs "injured", 0.4–0.6; e5's compressed cosines, 0.87–0.97 for both, cannot).
Frames that share a predicate stem next to their counts ("مقتل # شخصا" /
"# قتيلا") need less; counts of different nouns of one language ("# شخصا" /
"# طفلا", or a count and a bare number) need more, unless one noun names what
the other's predicate states ("# مصابا" / "# شخصا أصيبوا"), both nouns take one
qualifier ("# رجال أمن" / "# عناصر أمن"), or one count has no noun and its
predicate is the other's ("عن مقتل #" / "مقتل # شخصا"). Two spans of time
("البالغ من العمر # عاما" / "يحكم منذ # عاما") meet only over a shared word
about what the span is of. One voice of one sentence
never restates itself; amounts or shares of different measures ("a # loan" /
"# dollars in aid", "a # rise" / "a # fall") and a coordinated noun against
another noun ("# passengers and crew" / "# people on board") never meet, however
close their frames; reports more than ``REPORT_WINDOW_DAYS`` apart are
about different events. A count over a long or past period ("منذ عام 2012",
"last February's crash") is background and meets only counts over the same
kind of period. One unit word does not make one claim: a part never meets its
whole ("بينهم 3 صحفيين", "24.5 مليون من أصل 68.5"), nor same-day figures an
order of magnitude apart ("271 in one town" / "160,000 in all"), nor frames
naming different places or persons, nor amounts in two currencies or figures in
two units, nor measures said of different things (each frame holds words the
other lacks: "ارتفاع جبل X" / "ارتفاع جبل Y"). Within a claim, occurrences split into *episodes* when both
sides know the year and the years differ, or each names a person the other does
not (a 2018 signing by one minister is not a 2020 one by another): those become
notes ("different events"), never conflicts. The thresholds on frame cosines were
set on the dev sets; where only one of them kept two counts or dates apart, a
logistic regression over the same tests (``pair_features``, fitted on the dev
sets' gold pairs: ``python -m bench.pairmodel --train``) has the last word,
never where a named test did (``rules_verdict``).

Compatibility: a date claim is an interval of days ("مساء الثلاثاء" in an
article of Wednesday 8 July is [7 Jul] evening; "منذ أيام" bounds the event to
[28 Jun, 6 Jul], ``DAYS_AGO_RANGE``); two dates are compatible when the
intervals overlap and, on one day, parts of day agree; an unplaced weekday
("أمس الثلاثاء" in an undated article) agrees only with dates of that weekday. Counts are intervals too
(``language.numbers.Quantity``: "أكثر من 100" is [101, ∞)), as precise as their
written form: "4.7 مليار" is 4.65–4.75 billion (``rounding``), and a round
measure ("250 km/h", "41%") agrees with the precise figure it may round
(``coarseness``), never with another round or hedged one. Two sources' floors
stating different figures on one report day ("at least 120" / "at least 132"),
two approximations of different figures ("قرابة 48" / "قرابة 40"), or an
approximation and a floor ("حوالي 390 ألف" / "ما لا يقل عن 156 ألف") disagree,
though their intervals overlap.

Conflict or update: figures change over time. Values of one claim are laid out
by the date their article reports them (its anchor). Incompatible values from
different sources on the same day are a **conflict**. Counts that only grow
from one report day to the next (10 killed on Sunday, 24 on Monday) are an
**update**: one position per value, in time order, each with ``reported_at``.

Positions: one per value, never two values in one. Each lists exactly the
parties that state its value (``schema.Party``: outlet and the chain it cites,
rendered once, in the answer's language). In a conflict, compatible values of
different precision ("مساء الثلاثاء", "أمس الثلاثاء") are separate positions
sharing a ``side``: they agree; a value off the calendar ("أمس" in an undated
article) keeps its own words and agrees with no side, unless it names a weekday
("أمس الثلاثاء"): then it sides with the dates of that weekday.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Iterable, Sequence
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path

import numpy as np

from bot import schema
from bot.attribution import ATTRIBUTION_WORDS, outlet_label, unnamed_source
from bot.claims import CLAUSE_BREAK, Claim, Evidence, extract_claims
from bot.crosslingual import COUNTED, word_vectors
from bot.entities import display, is_person
from bot.ranker import Ranker, read_model
from language.calendar import DAYS_AGO_RANGE, describe_relative, format_day, format_month, parts_overlap, resolve_times
from language.lexicon import REPORTING_VERBS_AR
from language.names import common_nouns
from language.normalize import ARABIC_LETTER, FOLDED_STOPWORDS, LATIN_LETTER, normalize_arabic, under_proclitic
from language.numbers import (
    anyone_units,
    contrasting_predicates,
    count_predicates,
    deed_predicates,
    hedge_stems,
    is_measure,
    measure_units,
    people_deeds,
    reads_as_age,
    same_deed,
    time_units,
    unit_key,
)
from language.places import find_places, places

#: Character-shingle Jaccard at or above which two sentences are one wire copy.
NEAR_DUPLICATE_JACCARD = 0.6
_SHINGLE = 5
#: Cosine of two masked frames (multilingual USE) at or above which they make the same claim.
#: Fitted on the seed articles and bench/data/generalization_events.json (see bench.generalization).
SAME_FRAME = 0.62
#: Frames that share a predicate stem next to their values need only be loosely related in meaning.
SAME_FRAME_WITH_CUE = 0.3
#: The same for two counts reported days apart (``_days_apart``): a later toll is told in a later story's words
#: ("ارتفعت الحصيلة ... إلى # قتيلا" / "# شخصا قتلوا"), and such figures can only rise into an update.
UPDATE_FRAME_WITH_CUE = 0.2
#: Reports of one figure of one event come within days of each other (a toll rises over a week at most).
REPORT_WINDOW_DAYS = 10
#: A count is a figure of its report day: outlets disagree on it when they report within this many days of each
#: other; a different toll a week later is a later (or another) report, not a disagreement. Dates are not bound
#: by it: a resolved day says the same thing whenever it is reported.
CONFLICT_DAYS = 2
#: Frames this close describe the same kind of event: two occurrences of it are worth a note.
RELATED_EVENT = 0.5
#: A dated occurrence (a day, a month, a season), not a period such as "since 2011": only those get notes.
OCCURRENCE_DAYS = 92
#: Two sources' years of one event are at most this far apart: a season or a fiscal year across the turn of a
#: year, a move agreed in one year and made in the next. Years further apart are two occurrences (a 2018 signing
#: and a 2020 one).
RIVAL_YEARS = 1
#: ``_greedy_groups`` quorum meaning "fits at least one member".
SINGLE_LINK = 1e-9
#: Counts of different nouns of one language ("شخصا" vs "طفلا") must be closer still: a subset
#: ("بينهم 12 طفلا") is not the total. Across languages the nouns' stems cannot be compared.
SAME_FRAME_OTHER_UNIT = 0.75
#: Rival reports of one figure on one day are of one order of magnitude (the dev sets' same-day conflicts differ
#: by at most 6 times: 25 / 150 killed), so same-day figures more apart than this count different things ("271
#: in one town" / "160,000 in all"), not one thing told two ways. Days apart, a toll may grow more (40, then 300).
RIVAL_RATIO = 10.0
#: Two sources' figures of one measure on one report day within this ratio of each other are rival reports of it
#: worded two ways ("غرامة مالية تقدر بـ 500 يورو" / "الغرامة الى 450 يورو", "يصل وزنها إلى 70 طنا" / "حمولة تبلغ
#: 64 طنا"), not measures of two things; different measures of one unit in one story are mostly further apart
#: ("على بعد 67 كيلومترا" / "على عمق نحو 100 كيلومتر").
CLOSE_RIVALS = 1.25
#: The place of a floor's last digit from which the floor is a round figure holding any count up to that digit's next
#: step ("أكثر من 500" holds 597), not a count of its own ("40 على الأقل" is no 49) (``_rival_bounds``).
ROUND_FLOOR = 100
#: Spans of time that close rivals may be (CLDR units): how long one event took, not an age or a term.
_CLOCK = ("duration-hour", "duration-minute", "duration-second")
#: Name similarity (``difflib`` ratio of folded spellings) at or above which two names are one ("فردريكتون" / "فريدريكتون").
SAME_NAME = 0.8
#: Words either side of a span of clock time, outside its own words, that may say what it is of ("تحطمت بعد 50 دقيقة
#: من إقلاعها" / "بعد إقلاعها من المطار بحوالي 50 دقيقة").
SPAN_WORDS = 4
#: Encoder cosine (a word alone and as a counted noun, averaged: ``bot.crosslingual.COUNTED``) at or above which two
#: counted nouns of two languages are one noun: "people" / "شخصا" 0.80, "schoolchildren" / "تلميذا" 0.72, "police" /
#: "شرطيا" 0.68; other nouns stay under it ("children" / "شخصا" 0.57, "migrants" / "شخصا" 0.40, "houses" / "شخصا" 0.47).
ONE_NOUN_ACROSS = 0.65
#: The learned same-claim probability that joins two counts of one noun told in two languages (``_one_noun_across``).
#: The model's strongest evidence is the frame cosine, and a restatement in the other language scores 0.4-0.6 on it
#: where one in the same language scores 0.8 and more: on the new-source dev sets' cross-language rivals ("At least
#: 24 schoolchildren drowned" / "22 تلميذا ... لقوا مصرعهم", "78 people died" / "لقي 68 شخصا حتفهم") the model gives
#: 0.77-0.79, against 0.42-0.43 for counts of the same noun that differ by a story's other figures (19 dead / 160 on
#: board).
SAME_CLAIM_ACROSS = 0.7
#: The learned same-claim probability that joins two same-language counts of one named noun (``_one_named_noun``):
#: two outlets word one figure of a thing in unlike clauses ("ستوفر التقنية # وثيقة" / "# ساعة عمل و# وثيقة",
#: "لتوقيع # مشروعاً مشتركاً" / "و# مشروعا"), frame cosine 0.25-0.6, so the model gives 0.73-0.89, under the
#: threshold its dev pairs set; the noun, not the clause, says what is counted. The cross-language bar, for the same
#: reason.
SAME_CLAIM_ONE_NOUN = SAME_CLAIM_ACROSS


# ------------------------------------------------------------------ frames


@lru_cache(maxsize=1)
def _frame_model():
    """The service's evidence model itself (``load_embeddings`` caches by name and batch size), not a second copy.

    Frames are embedded as documents so a claim set's frames go in one batch
    (``_embed_frames``); USE has no query/passage prompts, so the vectors are
    the ones ``embed_query`` gave.
    """
    from config import get_settings
    from vectorstore.embeddings import CachedEmbeddings, load_embeddings

    settings = get_settings()
    return CachedEmbeddings(load_embeddings(settings.evidence_model, settings.embed_batch_size), max_texts=8192)


def _embed_frames(frames: Iterable[str]) -> None:
    """Embed the frames not seen yet in one model call (pairwise comparisons then only look them up)."""
    _frame_model().embed_documents(list(dict.fromkeys(frames)))


@lru_cache(maxsize=8192)
def _frame_vector(frame: str) -> np.ndarray:
    return np.asarray(_frame_model().embed_documents([frame])[0], dtype=np.float32)


def frame_similarity(a: str, b: str) -> float:
    """Cosine of two frames in the multilingual embedding (1.0 for identical text)."""
    if a == b:
        return 1.0
    va, vb = _frame_vector(a), _frame_vector(b)
    return float(va @ vb / (np.linalg.norm(va) * np.linalg.norm(vb) or 1.0))


def same_frame(a: str, b: str) -> bool:
    """Do two frames (``Claim.frame``, ``Conflict.topic``'s claim) say the same thing about their values?"""
    return frame_similarity(a, b) >= SAME_FRAME


def about_same_event(topic: str, frame: str) -> bool:
    """Is a conflict (``Conflict.topic``: a source's clause) about the claim framed by ``frame``?

    The topic is read as claims are (values, persons and places masked), so a clause that names
    its place meets a frame that masks it, in either language.
    """
    frames = _topic_frames(topic)
    _embed_frames([frame, *frames])
    return max(frame_similarity(f, frame) for f in frames) >= RELATED_EVENT


@lru_cache(maxsize=1024)
def _topic_frames(topic: str) -> frozenset[str]:
    """The masked frames of a conflict topic's values (the topic itself when it holds none)."""
    return frozenset(c.frame for c in extract_claims(Evidence(0, "topic", topic, None, None)) if c.slot != "actor") or frozenset({topic})


def _periods_match(a: Claim, b: Claim) -> bool:
    """A running total or past figure is compared only with one counted over a like period. A person's age is one
    whenever it is told ("طفلة عمرها ست سنوات الشهر الماضي": the time is the deed's, not the age's)."""
    if _age(a) and _age(b):
        return True
    if a.background != b.background:
        return _recalled_undated(a, b) or _recalled_undated(b, a)
    if a.background and a.period_start and b.period_start:
        return a.period_start.year == b.period_start.year
    if a.period_start and a.period_end and b.period_start and b.period_end:  # Monday's toll is not Tuesday's
        return a.period_start <= b.period_end and b.period_start <= a.period_end
    return True


def _recalled_undated(undated: Claim, past: Claim) -> bool:
    """Is a count with no period of its own told in the pluperfect (``Claim.recalled``: "وكان التنظيم قد ادعى ...
    وقتل فيه 14 شخصا"), and the other a past figure another outlet dates ("وفي فبراير الماضي ... مقتل 12 شخصا")?
    Both recall an earlier event, one dating it and one not: their periods may be one."""
    return undated.recalled and undated.period_start is None and not undated.running and past.background and not past.running


def _shared_cue(a: Claim, b: Claim) -> bool:
    """The same predicate next to both values ("مقتل 11 شخصا" / "11 قتيلا"), or a noun naming what the other's
    predicate states anywhere before its value (``_noun_states_predicate``: "إلى # عدد القتلى" / "الذين قتلوا ... إلى #
    شخصا"), not merely the same counted noun
    ("# شخصا" / "# شخصا") unless that noun is itself a predicate ("مئة قتيل" / "141 قتيلا": both count the killed),
    nor the same qualifier of two nouns ("رجل إطفاء و# سيارة إطفاء": what is counted, not said of it), nor a word of
    time ("منذ 15 عاما", "years"), which any two spans of time share."""
    units = {a.unit, b.unit} - count_predicates() if _noun(a) == _noun(b) else set()
    ignored = units | ({a.qualifier} & {b.qualifier}) | time_units().keys()
    said = any(u and u not in ignored and _noun_states_predicate(u, o) for u, o in ((a.unit, b), (b.unit, a)))
    return said or any(_deeds_meet(x, y) for x in a.cues - ignored for y in b.cues - ignored)


def _other_spans_of_time(a: Claim, b: Claim, sim: float) -> bool:
    """Counts of time that say different things: an age ("البالغ من العمر 64 عاما"), a term ("يحكم منذ 15 عاما"),
    a time ago. Their frames are short and alike (cosine ~0.7), so only a shared word about what the span is
    (``_shared_cue``), frames alike as a restatement's (``SAME_FRAME_OTHER_UNIT``), or two sources' close
    figures of how long one event took (``_close_rivals``: "تحطمت بعد 50 دقيقة" / "بعد حوالي 45 دقيقة من إقلاعها")
    makes them one claim. Spans of two units of time never meet (``_incomparable``)."""
    return a.unit in time_units() and not _shared_cue(a, b) and sim < SAME_FRAME_OTHER_UNIT and not _close_rivals(a, b)


#: Letters that open Arabic derived forms of one root: a participle (م: "مصاب"), a verb (ا ت ي ن: "أصيب").
_DERIVING = frozenset("امتين")


def _stems_meet(x: str, y: str) -> bool:
    """Light stems of one word family: equal, one inside the other ("قتل" in "مقتل"), or one root under two
    derivational prefixes ("مصب" of "مصابا", "اصب" of "أصيبوا": the injured are those who were injured)."""
    if x == y or (min(len(x), len(y)) >= 3 and (x in y or y in x)):
        return True
    return len(x) == len(y) >= 3 and x[1:] == y[1:] and {x[0], y[0]} <= _DERIVING


def _deeds_meet(x: str, y: str) -> bool:
    """Two words of one family (``_stems_meet``) or two wordings of one counted deed (``language.numbers.same_deed``:
    "مقتل" / "لقوا", "أصيب" / "جرح")."""
    return _stems_meet(x, y) or same_deed(x, y)


def _same_claim(a: Claim, b: Claim, model: Ranker | None = None) -> bool:
    """Do two claims state one fact? The rules' verdict (``rules_verdict``) where a named test decides; where only
    a frame threshold would have said no, the learned second opinion (``_learned_same_claim``). Why both: the
    thresholds were set on the dev sets and miss most conflicts of sets nobody tuned on, while the named tests
    (another town, another deed, another thing measured) hold anywhere, so the model may never overrule them."""
    verdict = rules_verdict(a, b)
    return _learned_same_claim(a, b, model or _pair_model()) if verdict is None else verdict


def rules_verdict(a: Claim, b: Claim) -> bool | None:
    """True when the rules join two claims, False when a named test keeps them apart, None when only their frames'
    cosine fell short of a threshold (the one judgement the rules make by a number fitted on the dev sets)."""
    if (a.slot == "number") != (b.slot == "number"):
        return False  # counts meet counts; the dates and the actors of one event meet
    if a.slot == b.slot and a.evidence_n == b.evidence_n and a.origin == b.origin:
        return False  # one voice of one sentence does not restate itself
    if a.anchor and b.anchor and abs((a.anchor - b.anchor).days) > REPORT_WINDOW_DAYS:
        return False  # reports months apart are about different events, however alike their words
    total = a.slot == "number" and (_total_of(a, b) or _total_of(b, a))
    if a.slot == "number" and (a.kind != b.kind or not (_periods_match(a, b) or total)):
        return False  # a share is not an amount, an amount not a head count; a total's day is the day it rose to it
    if a.slot == "number" and (a.partial or b.partial) and a.unit != b.unit and not _one_kind_across(a, b):
        return False  # "107 passengers and crew" is no rival to "110 people on board": a part of them
    if a.slot == "number" and (a.subset != b.subset or _incomparable(a, b) or _orders_apart(a, b) or _other_names(a, b)):
        return False  # a part and its whole, dollars and euros, metres and kilometres, one town and another
    if a.slot == "number" and (_other_deeds(a, b) or _other_countries(a, b)):
        return False  # the killed and the injured of one story; a fire in one country and a fire in another
    if total:
        return True  # "the death toll ... rose to six" / "قتل 4 أشخاص": one toll, told in two languages
    if a.slot == "number" and _one_span(a, b):
        return True  # "عن 85 عاما" / "عن عمر يناهز 81 عاما": one person's age, two outlets
    sim = frame_similarity(a.frame, b.frame)
    if _other_measures(a, b) or _other_things_measured(a, b) or (a.slot == "number" and _other_spans_of_time(a, b, sim)):
        return False
    if a.slot == "number" and _other_nouns(a, b):  # a coordinated count's frame is its neighbour's predicate
        return sim >= SAME_FRAME_OTHER_UNIT and not (a.coordinated or b.coordinated or _other_predicates(a, b))
    if a.slot == "number" and ((a.kind == "count" and _shared_cue(a, b)) or (_close_rivals(a, b) and _shared_noun(a, b))):
        if sim >= (UPDATE_FRAME_WITH_CUE if _days_apart(a, b) or _one_group(a, b) else SAME_FRAME_WITH_CUE):
            return True
    if a.slot == "number" and _deed_against_predicate(a, b):
        return False
    return True if sim >= SAME_FRAME else None


#: The learned same-claim model (``bot.ranker.Ranker`` format; ``python -m bench.pairmodel --train``).
SAME_CLAIM_PATH = Path(__file__).with_name("models") / "sameclaim.json"
#: Days apart beyond which reports count as far apart alike (a feature of ``pair_features``).
PAIR_MAX_DAYS = 30


def _learned_same_claim(a: Claim, b: Claim, model: Ranker | None) -> bool:
    """The learned model's verdict on two counts or two dates of two sentences (``model_judges``); False for any
    other pair, or when no model fitted on ``PAIR_FEATURES`` ships."""
    if model is None or model.threshold is None or not model_judges(a, b):
        return False
    f = pair_features(a, b)
    threshold = model.threshold
    if _one_noun_across(a, b):
        threshold = min(threshold, SAME_CLAIM_ACROSS)
    elif _one_named_noun(a, b):
        threshold = min(threshold, SAME_CLAIM_ONE_NOUN)
    return float(model.probability(np.array([[f[n] for n in model.features]]))[0]) >= threshold


def _one_noun_across(a: Claim, b: Claim) -> bool:
    """Do two head counts of two languages count one noun ("24 schoolchildren" / "22 تلميذا")? Their stems never meet
    across scripts, so the multilingual encoder judges the nouns as written (``ONE_NOUN_ACROSS``). A deed only one of
    them states ("still missing", "أصيب"), or two that do not meet, makes them two counts of the noun."""
    if a.slot != "number" or a.kind != "count" or b.kind != "count" or _one_script(a, b):
        return False
    if (a.deeds or b.deeds) and not deeds_shared(a.deeds, b.deeds):
        return False
    x, y = _noun_written(a), _noun_written(b)
    return bool(x and y) and _noun_similarity(x, y) >= ONE_NOUN_ACROSS


def _one_named_noun(a: Claim, b: Claim) -> bool:
    """Do two head counts of one language, from two sources on one report day, count one noun that names a kind of
    thing or person ("# وثيقة" / "# وثيقة", "# لاجئ" / "# لاجئ")? Not a noun anyone is counted by (``anyone_units``:
    "# شخصا" counts the killed and the evacuated of one story alike), a unit of measure (``_close_rivals`` judges those),
    a part of a group or the whole a part is of ("five of the eight missiles"), nor counts that state different deeds
    of it, or a deed that tells a story's counts apart (``deed_predicates``: the killed, the injured) only one states."""
    if a.slot != "number" or a.kind != "count" or b.kind != "count" or not _one_script(a, b) or _days_apart(a, b):
        return False
    if a.origin == b.origin or a.unit is None or a.unit != b.unit or a.unit in anyone_units() | measure_units().keys():
        return False
    if a.subset or b.subset or a.whole or b.whole or a.vague or b.vague or _other_predicates(a, b):
        return False
    return not ((a.deeds | b.deeds) & deed_predicates()) or _one_deed(a, b)


def _one_kind_across(a: Claim, b: Claim) -> bool:
    """Do a count beside another noun ("22 تلميذا وامرأة") and a count in the other language count one kind of
    person or thing ("24 schoolchildren")? Not when the noun is anyone's (``anyone_units``): "14 people" counts the
    "11 people on board and three farmers" both, so the 11 are a part of them."""
    return _one_noun_across(a, b) and not {a.unit, b.unit} & anyone_units()


def _noun_written(c: Claim) -> str | None:
    """The counted noun as its value writes it ("At least 24 schoolchildren" -> "schoolchildren"), else None."""
    return next((w for w in re.findall(r"[^\W\d_]+", c.value) if c.unit and unit_key(w) == c.unit), None)


@lru_cache(maxsize=4096)
def _noun_similarity(x: str, y: str) -> float:
    """Encoder cosine of two counted nouns, alone and as counted (``bot.crosslingual.COUNTED``), averaged: the numeral
    tells the encoder the word is a noun counted, which lifts a translation a word alone leaves low."""
    model = _frame_model()
    alone = word_vectors([x, y], model)
    counted = word_vectors([COUNTED.format(x), COUNTED.format(y)], model)
    return float((alone[0] @ alone[1] + counted[0] @ counted[1]) / 2)


def model_judges(a: Claim, b: Claim) -> bool:
    """Is a pair of the kind the same-claim model was fitted on: two counts or two dates of two sentences?"""
    return a.slot == b.slot and a.slot in ("number", "date") and a.evidence_n != b.evidence_n


@lru_cache(maxsize=1)
def _pair_model() -> Ranker | None:
    return read_model(SAME_CLAIM_PATH, PAIR_FEATURES)


def _mid_or_none(c: Claim) -> float | None:
    return None if c.low is None else _mid(c)


def pair_features(a: Claim, b: Claim) -> dict[str, float]:
    """General evidence that two claims state one fact: the frame cosine, the claims' own flags, how far apart their
    figures and reports are, and the rules' pair tests as 0/1 flags (count tests are 0 for dates, which ``is_date``
    tells). None names a story: what a story looks like is learned from the dev sets' gold pairs."""
    num = a.slot == "number"
    days = abs((a.anchor - b.anchor).days) if a.anchor and b.anchor else None
    ma, mb = _mid_or_none(a), _mid_or_none(b)
    ratio = abs(math.log((abs(ma) + 1) / (abs(mb) + 1))) if ma is not None and mb is not None else 0.0
    if not num and a.value_start and b.value_start:
        ratio = math.log1p(abs((a.value_start - b.value_start).days))
    sim = frame_similarity(a.frame, b.frame)

    def flag(test: Callable[[Claim, Claim], bool]) -> float:
        return float(bool(num and test(a, b)))

    return {
        "frame_similarity": sim,
        "is_date": float(not num),
        "same_unit": float(a.unit == b.unit),
        "unit_missing_one": float((a.unit is None) != (b.unit is None)),
        "same_kind": float(a.kind == b.kind),
        "same_language": float(_one_script(a, b)),
        "same_origin": float(a.origin == b.origin),
        "same_doc": float(a.doc_id == b.doc_id),
        "log_ratio": ratio,
        "days_apart": float(min(days, PAIR_MAX_DAYS)) if days is not None else 0.0,
        "anchor_missing": float(days is None),
        "beyond_report_window": float(days is not None and days > REPORT_WINDOW_DAYS),
        "subset_differs": float(a.subset != b.subset),
        "partial_any": float(a.partial or b.partial),
        "coordinated_any": float(a.coordinated or b.coordinated),
        "background_differs": float(a.background != b.background),
        "vague_any": float(a.vague or b.vague),
        "periods_match": flag(_periods_match),
        "total_of": flag(lambda x, y: _total_of(x, y) or _total_of(y, x)),
        "other_nouns": flag(_other_nouns),
        "other_deeds": flag(_other_deeds),
        "other_measures": flag(_other_measures),
        "other_things_measured": flag(_other_things_measured),
        "other_names": flag(_other_names),
        "other_countries": flag(_other_countries),
        "incomparable": flag(_incomparable),
        "orders_apart": flag(_orders_apart),
        "other_predicates": flag(_other_predicates),
        "other_spans_of_time": flag(lambda x, y: _other_spans_of_time(x, y, sim)),
        "shared_cue": float(_shared_cue(a, b)),
        "close_rivals": flag(_close_rivals),
        "shared_noun": flag(_shared_noun),
        "one_span": flag(_one_span),
        "one_group": float(_one_group(a, b)),
    }


#: ``pair_features``' names, in order: what a saved same-claim model must have been fitted on.
PAIR_FEATURES = (
    "frame_similarity", "is_date", "same_unit", "unit_missing_one", "same_kind", "same_language", "same_origin", "same_doc",
    "log_ratio", "days_apart", "anchor_missing", "beyond_report_window", "subset_differs", "partial_any", "coordinated_any",
    "background_differs", "vague_any", "periods_match", "total_of", "other_nouns", "other_deeds", "other_measures",
    "other_things_measured", "other_names", "other_countries", "incomparable", "orders_apart", "other_predicates",
    "other_spans_of_time", "shared_cue", "close_rivals", "shared_noun", "one_span", "one_group",
)  # fmt: skip


def _other_countries(a: Claim, b: Claim) -> bool:
    """Is one of two counts undated (a wire story whose dateline gives no year), and do their sentences each name
    countries, none in common ("… in a mall in Siberia, Russia" / "… in a bar in south China")? Then nothing but
    the words say they are one event, and the places say they are two. Dated reports are kept apart by their dates
    (``REPORT_WINDOW_DAYS``): there a country named in passing ("ميليشيات إيران", "اتفاقية روما") would mislead."""
    undated = a.anchor is None or b.anchor is None
    return undated and bool(a.countries and b.countries and not a.countries & b.countries)


def _deed_against_predicate(a: Claim, b: Claim) -> bool:
    """Does one count state a deed that tells a story's counts apart (``deed_predicates``: the killed) and the other
    another predicate, neither's noun naming the other's ("قتل # شخصا" / "كانت تقل # شخص": the dead and those on
    board)? Two verbs one letter apart read alike to the encoder, and frames without a shared cue meet by it alone."""
    if not _other_predicates(a, b) or not (a.deeds | b.deeds) & deed_predicates():
        return False
    return not (a.unit and _noun_states_predicate(a.unit, b)) and not (b.unit and _noun_states_predicate(b.unit, a))


def _one_group(a: Claim, b: Claim) -> bool:
    """Do two counts name one group in two words, both nouns taking one qualifier ("ثلاثة رجال أمن" / "أربعة عناصر
    أمن")? With a shared predicate that is what both count, however short and unlike their frames (cosine ~0.25)."""
    return a.qualifier is not None and a.qualifier == b.qualifier


#: The word a total's new figure follows ("rose to 39", "bringing the death toll to nine", "ارتفعت الحصيلة إلى 53").
_REACHED = re.compile(r"(?<!\w)(?:to|الي)\s*$")
#: Encoder cosine at which a word of a total's clause names the count predicate nearest it: "death" / "مقتل" 0.73-0.76,
#: while "crash" is nearest "جرح" at 0.60 and "knife" nearest nothing above 0.57.
TOTAL_OF_DEED = 0.65


def _before_figure(c: Claim) -> str:
    """The words of a claim's sentence before its figure (empty when the figure opens it or is not found)."""
    return c.sentence[: max(c.sentence.find(c.value), 0)]


def _after_figure(c: Claim) -> str:
    """The words of a claim's sentence after its figure (empty when the figure is not found)."""
    at = c.sentence.find(c.value)
    return c.sentence[at + len(c.value) :] if at >= 0 else ""


def _reached(c: Claim) -> bool:
    """Is a count the figure a total rose to ("rose to six", "bringing the death toll to nine")?"""
    head_count = c.slot == "number" and c.kind == "count" and not is_measure(c.kind, c.unit)
    return head_count and bool(_REACHED.search(normalize_arabic(_before_figure(c)).lower()))


def _total_of(total: Claim, other: Claim) -> bool:
    """Is a figure a total rose to ("The death toll from the collapse ... rose to six") a count of what the other
    count's predicate states ("قتل 4 أشخاص")? A word of its clause before the figure names that deed in the
    multilingual encoder (``TOTAL_OF_DEED``): the death toll is of the killed, not of the injured. A total that names
    its noun counts only that noun ("ارتفاع حصيلة قتلى الهجوم إلى أربعة مدنيين" / "قتل مدنيان"). Where no predicate
    stands by the other count, its sentence's deeds are what it states of its noun when the total names that noun
    ("عدد الركاب الذين أصيبوا ... ارتفع إلى 12" / "عشرة ركاب على متن رحلة ... أصيبوا": Arabic may tell the verb
    a clause after its subject)."""
    if total.unit not in (None, other.unit) or not _reached(total) or total.low is None or other.low is None:
        return False
    clause = re.split(r"[،,;؛:]|\s[-–—]\s", _before_figure(total))[-1]
    named = {p for w in re.findall(r"[^\W\d_]+", clause) if len(w) > 3 and (p := _deed_named(w))}
    said = other.deeds
    if not said and total.unit:  # both count one noun: the deeds the other's sentence and the total's clause state
        said = _sentence_stems(other.sentence) & deed_predicates()
        named |= _sentence_stems(clause) & deed_predicates()
    return any(_stems_meet(x, y) for x in named for y in said)


@lru_cache(maxsize=4096)
def _deed_named(word: str) -> str | None:
    """The count predicate (``count_predicates``, learned from Arabic news) a word of either language names: its
    nearest in the multilingual encoder at ``TOTAL_OF_DEED`` or closer ("death" -> مقتل; "knife", "crash" none)."""
    preds = _predicate_vectors()
    v = _frame_vector(word)
    sims = preds[1] @ (v / (np.linalg.norm(v) or 1.0))
    best = int(np.argmax(sims))
    return preds[0][best] if sims[best] >= TOTAL_OF_DEED else None


@lru_cache(maxsize=1)
def _predicate_vectors() -> tuple[list[str], np.ndarray]:
    stems = sorted(count_predicates())
    _embed_frames(stems)
    m = np.stack([_frame_vector(p) for p in stems])
    return stems, m / np.linalg.norm(m, axis=1, keepdims=True)


def _days_apart(a: Claim, b: Claim) -> bool:
    """Reported further apart than ``CONFLICT_DAYS``: two such figures can only be steps of an update, never a clash."""
    return bool(a.anchor and b.anchor and abs((a.anchor - b.anchor).days) > CONFLICT_DAYS)


def _other_nouns(a: Claim, b: Claim) -> bool:
    """Do two counts count different nouns of one language ("# شخصا" / "# طفلا"), or a noun and nothing ("على متنها #
    أشخاص" / "بوينغ #")? Not when one noun names what the other's predicate states ("# قتيلا" / "مقتل # شخصا"), when
    a bare count's predicate is the other's ("عن مقتل #" / "مقتل # شخصا": the toll of the same dead), or when both
    nouns take one qualifier ("ثلاثة رجال أمن" / "أربعة عناصر أمن": one group in two words), or one noun is "others"
    standing for the other's noun and both state one deed ("قتل 17 شخصا وأصيب 36 آخرون" / "25 شخصا أصيبوا")."""
    if a.qualifier and a.qualifier == b.qualifier:
        return False
    if (a.unit is None) != (b.unit is None):
        bare, counted = (a, b) if a.unit is None else (b, a)
        return not _bare_count_of(bare, counted)
    if a.unit and b.unit and _noun(a) != _noun(b) and (a.others_of or b.others_of):
        return (a.others_of or a.unit) != (b.others_of or b.unit) or not _one_deed(a, b)
    return bool(
        a.unit
        and b.unit
        and _noun(a) != _noun(b)
        and a.unit.isascii() == b.unit.isascii()
        and not _noun_states_predicate(a.unit, b)
        and not _noun_states_predicate(b.unit, a)
        and not _anyone_and_whom(a, b)
    )


def _anyone_and_whom(a: Claim, b: Claim) -> bool:
    """Does one count name its people only as people ("قتل 9 أشخاص", ``anyone_units``) and the other say who they
    were ("قتل 16 مدنيا", "أصيب 4 رجال"), both stating one deed that befalls people (``_one_deed``: the killed, the
    injured; or one whose counts news text mostly gives of people, ``people_deeds``: the arrested), reported within ``CONFLICT_DAYS``? Then both count the people that deed befell, told two ways. A part
    named beside its whole is kept apart by ``Claim.subset``; days apart, a count of whom may be of another span
    ("2300 مدني خلال ثلاثة أشهر"). A shared word of the setting is not enough ("تحطم طائرة ركاب ... 107 قتلى" / "طائرة
    ركاب على متنها 104 أشخاص"), nor a verb any two counts take ("تضم 40 منظمة" / "وفد يضم 12 شخصا"), nor a vague
    count of whom ("عشرات من قادتها", killed in a raid two weeks before: a clause's own time no claim carries)."""
    anyone = anyone_units()
    if a.vague or b.vague or (a.unit in anyone) == (b.unit in anyone) or _days_apart(a, b):
        return False
    return _one_deed(a, b) or deeds_shared(a.deeds & people_deeds(), b.deeds & people_deeds())


def _noun(c: Claim) -> str | None:
    """What a count counts: its unit of measure where its noun names one ("كيلومترا", "كلم": length-kilometer), else
    its noun's key. Two spellings of one unit count one thing. A span of time keeps its word: two persons' ages in one
    story share their frame ("يبلغ من العمر # عاما" / "# سنة"), and only the span tests (``_one_span``) tell them."""
    unit = measure_units().get(c.unit or "")
    return unit if unit and c.unit not in time_units() else c.unit


def _one_deed(a: Claim, b: Claim) -> bool:
    """Do two counts state one deed of those that tell a story's counts apart (``deed_predicates``: the killed, the
    injured), not merely share a word before their figures ("فضلا عن" of a place, a verb of saying)?"""
    deeds = deed_predicates()
    return deeds_shared(a.deeds & deeds, b.deeds & deeds)


def _bare_count_of(bare: Claim, counted: Claim) -> bool:
    """Does a count with no noun state what the other count's predicate or noun does ("وأسفر القصف عن مقتل #" /
    "أدى إلى مقتل # شخصا", "ليرتفع العدد الرسمي للقتلى إلى #" / "# قتيلا")? Then it counts the same things. A count
    whose noun is left out after another count's (``Claim.elided``) counts that noun, which may be another."""
    if bare.elided:
        return False  # "قتل 77 شخصا، وأصيب 143": the 143 are persons, whatever the other counts
    said = bare.cues & count_predicates()
    return deeds_shared(said, (counted.cues | counted.lead | {counted.unit or ""}) & count_predicates())


def _incomparable(a: Claim, b: Claim) -> bool:
    """Figures in different currencies or units of measure ("$500 million" / "300 million euros", metres /
    kilometres, a length / a head count): without a rate they cannot be rival reports of one figure."""
    if a.kind == "money":
        return a.unit != b.unit
    units = measure_units()
    return units.get(a.unit or "") != units.get(b.unit or "")


def _orders_apart(a: Claim, b: Claim) -> bool:
    """Are two figures reported within ``CONFLICT_DAYS`` more than ``RIVAL_RATIO`` times apart (the larger's floor
    over the smaller's ceiling)? A floor's figure is the one it states: "more than 300" counts other things than
    "more than 300,000" or "about 350,000" of the same day."""
    if a.low is None or b.low is None or (a.anchor and b.anchor and abs((a.anchor - b.anchor).days) > CONFLICT_DAYS):
        return False
    ceiling = min(a.low if a.high is None else a.high, b.low if b.high is None else b.high)
    return 0 < ceiling < max(a.low, b.low) / RIVAL_RATIO


def _other_names(a: Claim, b: Claim) -> bool:
    """Do two figures' frames each name a place (or each a person), and none in common ("28 km north of one town" /
    "300 km north of another", "one missile towards one city" / "two towards another")? Then they are figures of
    different things, however alike their masked frames. A frame that names nothing proves nothing, nor does a
    country against a city of it ("في سوريا" / "في دمشق"), nor a place against a person."""
    if not (a.names and b.names) or not _one_script(a, b):
        return False
    kinds = {x in places() for x in a.names} & {y in places() for y in b.names}
    return any(not any(_same_name(x, y) for x in a.names if (x in places()) == k for y in b.names if (y in places()) == k) for k in kinds)


def _same_name(x: str, y: str) -> bool:
    """One place or person: one id, spellings alike (``SAME_NAME``), or a country and a city in it."""
    if x == y or SequenceMatcher(None, x, y).ratio() >= SAME_NAME:
        return True
    px, py = places().get(x), places().get(y)
    return bool(px and py and {px.kind, py.kind} == {"country", "city"} and px.country == py.country)


#: Words before an age within which a name must stand for two outlets' ages far apart to be one person's: the name
#: and the words of an age ("فلان، البالغ من العمر #", "فلان محمد فلان، # سنة"), not a verb opening both sentences.
AGE_NAME_WORDS = 8

#: Relative pronouns as claim contexts key them (``unit_key``): they stand for a noun outside the frame ("القاعدة
#: ... التي تقع على بعد #"), so they name nothing a figure is of.
_RELATIVES = frozenset(unit_key(w) for w in ("الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "which", "that", "who"))


def _other_things_measured(a: Claim, b: Claim) -> bool:
    """Are two measures of one unit said of different things ("ارتفاع جبل ... 5895 مترا" / "ارتفاع جبل آخر ... 5137
    مترا", "حصل حزب ... على 43%" / "حصل حزب آخر على 12%")? Their masked frames are alike and a multilingual embedder
    cannot tell the things apart, so the words tell: each frame holds a word the other lacks (a name, the thing's
    noun, "على عمق" / "على بعد") rather than one frame's words being all in the other's (a restatement, shorter
    or longer). Close rivals (``_close_rivals``) worded apart, sharing no more words than the wordier one holds
    alone ("دفع غرامة مالية تقدر بـ #" / "ورفعت الغرامة الى #"), are one figure told two ways: two things of one
    kind are told in parallel frames that differ only in the word naming each ("ارتفاع جبل X يبلغ #" / "ارتفاع
    جبل Y يبلغ #"). A head count is left to the frames: outlets word one toll in many ways. Frames alike as a
    restatement's (``SAME_FRAME``) whose odd words one side's whole sentence holds are one figure too: two outlets
    put one clause's words in another order ("على السيارات المستوردة ستخصم نحو #" / "#الرسوم_الجمركية_الأميركية على
    #السيارات المستوردة ستخصم نحو #"), and a frame's window cuts off a word the other keeps."""
    if a.slot != "number" or not (is_measure(a.kind, a.unit) and is_measure(b.kind, b.unit)) or not _one_script(a, b):
        return False
    only_a = [x for x in _measured_words(a) if not any(_stems_meet(x, y) for y in b.context)]
    only_b = [y for y in _measured_words(b) if not any(_stems_meet(x, y) for x in a.context)]
    shared = len(a.context) - len(only_a)
    if not (only_a and only_b) or (_close_rivals(a, b) and shared <= max(len(only_a), len(only_b))):
        return False
    return frame_similarity(a.frame, b.frame) < SAME_FRAME or bool(_unsaid(only_a, b) and _unsaid(only_b, a))


def _unsaid(words: list[str], other: Claim) -> list[str]:
    """The words (stems) that ``other``'s whole sentence does not hold: what it cannot be saying of its figure."""
    said = _sentence_stems(other.sentence)
    return [x for x in words if not any(_stems_meet(x, y) for y in said)]


@lru_cache(maxsize=4096)
def _sentence_stems(sentence: str) -> frozenset[str]:
    """Light stems (``unit_key``) of a sentence's words, as claim contexts key them: all it speaks of."""
    return frozenset(k for w in re.findall(r"[^\W\d_]+", sentence) if len(k := unit_key(w)) >= 3)


def _measured_words(c: Claim) -> list[str]:
    """A measure's context words that may say what it is of: not a relative pronoun, nor a word that hedges or bounds
    the figure ("تصل سرعتها إلى #" / "تفوق سرعتها #": one speed, forecast two ways; ``hedge_stems``)."""
    return [x for x in c.context - _RELATIVES if not any(_stems_meet(x, h) for h in hedge_stems())]


def _one_span(a: Claim, b: Claim) -> bool:
    """Are two sources' close spans of time of one day one measure of one thing, worded apart (frames ~0.3-0.5)?
    A span of clock time when a word beside both says what it is of ("تحطمت بعد 50 دقيقة من إقلاعها" / "بعد حوالي
    45 دقيقة من إقلاعها"; "وصلت فرق الإنقاذ بعد 45 دقيقة" is of something else). A span of years when both are ages
    (``reads_as_age``) of one subject both sentences name before them ("توفيت فلانة ... عن 85 عاما" / "توفيت فلانة،
    ... عن عمر يناهز 81 عاما"): one person has one age on one day; two persons of one story are two names. Ages far
    apart, or told on two days within ``CONFLICT_DAYS``, meet only on a name among the ``AGE_NAME_WORDS`` words
    right before each ("فادي البطش، البالغ من العمر 35 عاما" / "فادي محمد البطش، 25 سنة" the next day): a verb
    both sentences open with ("أصدرت محكمة ... على فلان، 24 عاما" / "... طفلة عمرها ست سنوات") names nobody."""
    span = time_units().get(a.unit or "")
    if span is None:
        return False
    if span in _CLOCK:
        return _rival_figures(a, b) and any(_stems_meet(x, y) for x in _span_words(a) for y in _span_words(b))
    if a.origin == b.origin or _days_apart(a, b) or not (_age(a) and _age(b)):
        return False
    near = None if _rival_figures(a, b) else AGE_NAME_WORDS
    return bool(_named_before(a, near) & _named_before(b, near))


def _age(c: Claim) -> bool:
    """Is a claim a span of years told as a person's age (``reads_as_age``)?"""
    return time_units().get(c.unit or "") == "duration-year" and reads_as_age(_before_figure(c), _after_figure(c))


def _naming_words(text: str) -> list[str]:
    """Folded words of a text that may name something: not function words, units of time nor places."""
    words = (normalize_arabic(w).lower() for w in re.findall(r"[^\W\d_]+", text))
    function = FOLDED_STOPWORDS
    return [
        w
        for w in words
        if len(w) >= 3 and w not in function and not under_proclitic(w, function) and unit_key(w) not in time_units() and not find_places(w)
    ]


def _span_words(c: Claim) -> frozenset[str]:
    """Stems of the ``SPAN_WORDS`` words either side of a span's own words: what the span is of."""
    before, after = CLAUSE_BREAK.split(_before_figure(c))[-1], CLAUSE_BREAK.split(_after_figure(c))[0]
    near = _naming_words(before)[-SPAN_WORDS:] + _naming_words(after)[:SPAN_WORDS]
    return frozenset(k for w in near if len(k := unit_key(w)) >= 3)


def _named_before(c: Claim, words: int | None = None) -> frozenset[str]:
    """Words before a figure in its sentence (its last ``words`` words, if given) that may name whom it is said of:
    none under the article ("الطالب": a given name takes none), a common noun of news Arabic, a verb of saying
    ("وقالت") or a deed a count states ("وأصيب"), which two persons of one story share."""
    before = _before_figure(c)
    if words is not None:
        before = " ".join(before.split()[-words:])
    return frozenset(w for w in _naming_words(before) if not _said_of_anyone(w))


def _said_of_anyone(word: str) -> bool:
    """Is a folded word one any person of a story may share: a common noun, a verb of saying, a counted deed?"""
    bare = word[1:] if word[0] in "وف" else word
    return word.startswith("ال") or word in common_nouns() or bare in REPORTING_VERBS_AR or unit_key(bare) in count_predicates()


def _close_rivals(a: Claim, b: Claim) -> bool:
    """Are two figures of one measure (an amount, a share, a figure in a unit: never a head count) from two sources,
    reported on one day, within ``CLOSE_RIVALS`` of each other? Then their other words may be two ways of telling one
    figure, which is what a disagreement between outlets looks like. A span of time is one only when it is how long
    an event took (``_CLOCK``: minutes, hours)."""
    span = time_units().get(a.unit or "")
    if span is not None and span not in _CLOCK:
        return False  # spans of days or years: ages or terms of two persons of one story are close ("45 عاما" / "43 عاما")
    return _rival_figures(a, b)


def _rival_figures(a: Claim, b: Claim) -> bool:
    """Two sources' figures of one measure, reported on one day, within ``CLOSE_RIVALS`` of each other."""
    if a.origin == b.origin or a.anchor is None or a.anchor != b.anchor or not (is_measure(a.kind, a.unit) and is_measure(b.kind, b.unit)):
        return False
    x, y = sorted((_mid(a), _mid(b)))
    return 0 < x and y <= x * CLOSE_RIVALS


def _shared_noun(a: Claim, b: Claim) -> bool:
    """Does a common noun of one frame, what a figure may be of, stand in the other ("غرامة" in "دفع غرامة مالية تقدر
    بـ #" / "الغرامة الى #", "مصمم لوضع حمولة" / "صمم الصاروخ لنقل")? A shared verb ("حصل"), particle ("بعد") or name
    ("حصل فلان على #" / "التحالف بزعامة فلان على #") says nothing of what is measured."""
    return any(_stems_meet(n, w) for one, other in ((a, b), (b, a)) for n in _frame_nouns(one.frame) for w in other.context)


@lru_cache(maxsize=8192)
def _frame_nouns(frame: str) -> frozenset[str]:
    """Light stems of a frame's words that news Arabic uses as common nouns (``language.names.common_nouns``)."""
    words = (normalize_arabic(w) for w in re.findall(r"[^\W\d_]+", frame))
    return frozenset(unit_key(w) for w in words if w in common_nouns() or (w.startswith("ال") and w[2:] in common_nouns()))


def _noun_states_predicate(unit: str, other: Claim) -> bool:
    """Does a counted noun name what the other claim's predicate states? "# قتيلا" / "مقتل # شخصا", "# مصابا" /
    "# شخصا أصيبوا" count one thing; a noun merely near the other value ("استشهاد رجل أمن وإصابة # آخرين")
    is no predicate (``language.numbers.count_predicates``). The predicate may stand anywhere before the other's
    value in its frame ("قتلى الزلزال ارتفع إلى # شخصا" is "# قتيلا"); a word after it is the noun's own
    ("# امرأة تركية")."""
    return any(_deeds_meet(unit, y) for y in other.cues | other.lead if y in count_predicates())


def _other_predicates(a: Claim, b: Claim) -> bool:
    """Do two counts state different things of their nouns ("سقوط # قتلى" / "على متنها # أشخاص")? Frames that
    share a setting ("a passenger plane") can be close however their predicates differ."""
    pa, pb = a.deeds, b.deeds
    return bool(pa and pb) and not deeds_shared(pa, pb)


def _other_deeds(a: Claim, b: Claim) -> bool:
    """Do two counts state deeds that news text gives side by side as two figures (``deeds_contrast``)? Then they
    count different people of one story, however alike their nouns and clauses."""
    return deeds_contrast(a.deeds, b.deeds)


def deeds_shared(pa: Iterable[str], pb: Iterable[str]) -> bool:
    """Do two sets of count deeds share one deed, in one wording or two (``_deeds_meet``: "قتل" / "مقتل" / "لقوا")?"""
    return any(_deeds_meet(x, y) for x in pa for y in pb)


def deeds_contrast(pa: Iterable[str], pb: Iterable[str]) -> bool:
    """Do two sets of count deeds (``Claim.deeds``, a question's) name deeds that news text gives side by side as two
    figures ("قتل # أشخاص" / "أصيب نحو # شخصا", "# قتلى" / "# جريحا": ``language.numbers.contrasting_predicates``),
    neither stating the other's ("قتل وأصيب #" states both)? Then they count different people of one story."""
    pa, pb = frozenset(pa), frozenset(pb)
    return any(
        contrasting_predicates(x, y) and not any(_deeds_meet(x, w) for w in pb) and not any(_deeds_meet(y, w) for w in pa)
        for x in pa
        for y in pb
    )


def _one_script(a: Claim, b: Claim) -> bool:
    """Are two claims' sentences in one language? Told by Arabic letters, not by ASCII: an English wire sentence
    holds dashes and curly quotes ("CAIRO (Sunday) — Egypt’s economy"), and was taken for Arabic."""
    return bool(ARABIC_LETTER.search(a.sentence)) == bool(ARABIC_LETTER.search(b.sentence))


def _other_measures(a: Claim, b: Claim) -> bool:
    """Amounts or shares of different things: "a $500 million loan" is not "3 billion dollars in aid", "a 15% rise"
    not "a 27% fall". Their currency or "%" is all they share, and their frames differ in that one word only, so
    however close the frames are they are different claims (a predicate next to both proves nothing either). Only
    within one language: stems of two languages never meet ("23.9 percent in September" / "24.5% في سبتمبر"), so
    across languages the frames judge, as they do for counts."""
    return a.kind != "count" and bool(a.measure and b.measure) and _one_script(a, b) and not _stems_meet(a.measure, b.measure)


# ------------------------------------------------------------------ episodes


def _related_event(a: Claim, b: Claim) -> bool:
    """Loosely the same kind of event (a signing and another signing): enough to tell two occurrences apart."""
    return (a.evidence_n != b.evidence_n or a.slot != b.slot) and frame_similarity(a.frame, b.frame) >= RELATED_EVENT


def _same_episode(a: Claim, b: Claim) -> bool:
    """Could these two claims be about the same occurrence?"""
    if a.year and b.year and a.year != b.year and not _rival_years(a, b):
        return False
    if not _one_script(a, b):
        return True  # names across scripts rarely meet ("ميامي ديد" / "MIAMI"): only the years tell occurrences apart
    people_a, people_b = set(a.actors), set(b.actors)
    return not (people_a and people_b and (people_a - people_b) and (people_b - people_a))


def _rival_years(a: Claim, b: Claim) -> bool:
    """Are two dates two sources' years of one event ("انضم إلى النادي عام 2016" / "قبل الانضمام إلى النادي في العام
    2015"), not two occurrences? Each states a bare year, so its year is the very value compared, not a date of the
    occurrence besides it; the sources differ; the years are neighbours (``RIVAL_YEARS``)."""
    return (
        a.slot == b.slot == "date"
        and a.origin != b.origin
        and _bare_year(a)
        and _bare_year(b)
        and abs((a.year or 0) - (b.year or 0)) <= RIVAL_YEARS
    )


def _bare_year(c: Claim) -> bool:
    """Does a date claim state a whole year and nothing finer ("عام 2016", "in 2015")?"""
    start, end = c.value_start, c.value_end
    return bool(start and end and (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year)


def _episodes(claims: list[Claim]) -> list[list[Claim]]:
    """Greedy grouping: best-described claims seed episodes, the rest join the first fitting one."""
    ordered = sorted(claims, key=lambda c: (-(bool(c.year) + bool(c.actors)), c.evidence_n))
    return _greedy_groups(ordered, _same_episode)


# ------------------------------------------------------------------ values


def _compatible_dates(a: Claim, b: Claim) -> bool:
    """Can both dates of one event be true? Their intervals overlap and, on one day, parts of day agree. A date off
    the calendar that names a weekday ("أمس الثلاثاء" in an undated article) falls on some day of that weekday: it
    agrees with a dated interval holding such a day, on that day by the same rule, and with nothing else."""
    if a.value_start is None and b.value_start is not None:
        a, b = b, a
    if a.value_start is None or a.value_end is None:
        return True  # neither on the calendar: no evidence of disagreement
    if b.value_start is None or b.value_end is None:
        if b.weekday is None:
            return True  # unresolved: no evidence of disagreement
        days = [a.value_start + dt.timedelta(days=i) for i in range(min((a.value_end - a.value_start).days + 1, 7))]
        if not any(d.weekday() == b.weekday for d in days):
            return False
        return not (a.value_start == a.value_end and _parts_disagree(a, b))
    if a.value_end < b.value_start or b.value_end < a.value_start:
        return False
    return not (a.value_start == a.value_end == b.value_start == b.value_end and _parts_disagree(a, b))


def _parts_disagree(a: Claim, b: Claim) -> bool:
    """Do both name a part of the day, and ones that share no hours ("صباح" / "مساء")? On one day, that is a clash;
    "مساء" / "ليل" may be one hour told two ways."""
    return bool(a.part_of_day and b.part_of_day and not parts_overlap(a.part_of_day, b.part_of_day))


def _compatible_numbers(a: Claim, b: Claim) -> bool:
    """Can both figures be true? Intervals overlap, a round measure counting as the precise figure it may round
    ("250 km/h" / "249 km/h", "41%" / "41.42%"), but not against another round or hedged one ("500" / "450")."""
    if a.low is None or b.low is None:
        return True
    if _age(a) and _age(b):
        return _figure(a) == _figure(b)  # told to the year: "عن عمر يناهز 81 عاما" states 81, not 73-89
    if _rival_bounds(a, b):
        return False
    if _floor_of(a, b) or _floor_of(b, a) or _cut_short(a, b) or _cut_short(b, a):
        return True
    pad_a, pad_b = (x.coarse if _finer(y) else 0.0 for x, y in ((a, b), (b, a)))
    hi_a = float("inf") if a.high is None else a.high + pad_a
    hi_b = float("inf") if b.high is None else b.high + pad_b
    return a.low - pad_a <= hi_b and b.low - pad_b <= hi_a


_DECIMAL = re.compile(r"\d+[.٫](\d+)")


def _decimals(c: Claim) -> int | None:
    """How many decimals a figure is written to ("6.16 مليون", "٦٫١٦ مليون" → 2), None for a whole figure."""
    m = _DECIMAL.search(c.value)
    return len(m.group(1)) if m else None


def _cut_short(short: Claim, long: Claim) -> bool:
    """Is a measure written to fewer decimals the other's exact figure with its last decimals dropped ("6.1 مليون
    كيلومتر" / "6.16 مليون كيلومتر")? Outlets shorten a figure as often as they round it: one figure."""
    ds, dl = _decimals(short), _decimals(long)
    if ds is None or dl is None or ds >= dl or not is_measure(short.kind, short.unit) or short.unit != long.unit:
        return False
    if None in (short.low, short.high, long.low, long.high) or short.bound or long.bound or short.about or long.about:
        return False
    figure, place = _mid(short), short.high - short.low  # "6.1 مليون" is read as 6.05-6.15 million: its last place
    return figure <= _mid(long) < figure + place


def _floor_of(floor: Claim, exact: Claim) -> bool:
    """Is a floor stated at the very figure another claim states exactly ("أكثر من مئة دولة" / "100 دولة")? Its
    interval opens just above that figure, yet it says no more than it: one figure, rounded down in the telling."""
    return floor.floor_figure is not None and exact.bound is None and exact.about is None and exact.low == exact.high == floor.floor_figure


def _rival_bounds(a: Claim, b: Claim) -> bool:
    """Two hedged figures that state different numbers, from two sources on one report day: two floors (or two
    ceilings) at different figures ("at least 120" / "132 at least", "28 على الأقل" / "أكثر من 28", i.e. [28, ∞) /
    [29, ∞)), two approximations of different figures ("قرابة 48 دقيقة" / "قرابة 40 دقيقة"), or an approximation
    and a floor ("حوالي 390 ألف" / "ما لا يقل عن 156 ألف")? Their intervals overlap, but each source states the
    figure it counted that day, so they disagree on it; "أكثر من عشرة" and "11 على الأقل" state one floor, "نحو 70"
    and "حوالى 70" one figure. A floor and another source's exact figure above it disagree too ("11 على الأقل" / "13
    قتيلا": each is that day's count), unless either figure is round enough to hold the other ("more than 100" /
    "107", "أكثر من 170" / "171", "53 at least" / "a hundred": ``_half_last_digit``); a floor is told by cutting the
    count down to its round hundreds or more (``ROUND_FLOOR``), so it holds a figure up to its last digit's next step
    ("أكثر من 500 مرشح" / "597 مرشحا": five hundred and some); a floor of tens or units is a count ("40 على الأقل" /
    "49" differ). A hedge still agrees with an exact
    figure inside it ("نحو 30" / 29), a ceiling with an approximation under it ("did not exceed 45%" / "about
    44.5%"), one source may raise its own floor, and days apart a floor rising is an update."""
    if a.origin == b.origin or a.anchor is None or a.anchor != b.anchor:
        return False
    floor, exact = (a, b) if a.floor_figure is not None else (b, a)
    if floor.floor_figure is not None and exact.bound is None and exact.about is None and _finer(exact):
        half = _half_last_digit(floor.floor_figure)
        held = 2 * half if 2 * half >= ROUND_FLOOR else half  # how far above its figure the floor holds a count
        return exact.low - floor.floor_figure > max(held, _half_last_digit(_mid(exact)))
    if a.bound == b.bound == "floor":  # "540 على الأقل" / "أكثر من 540" state one floor, its figure 540
        return a.low != b.low and (a.floor_figure is None or a.floor_figure != b.floor_figure)
    if a.bound is not None and a.bound == b.bound:
        return a.high != b.high
    # a floor's figure as stated: "أكثر من 260 ألف" states 260,000 (its interval opens at 260,001), which "نحو 262 ألف"
    # rounds to
    hedged = [
        c.about if c.about is not None else c.floor_figure if c.floor_figure is not None else c.low if c.bound == "floor" else None
        for c in (a, b)
    ]
    if None in hedged or (a.about is None and b.about is None):
        return False  # an exact figure or a ceiling: the intervals decide
    x, y = hedged
    return abs(x - y) > max(_half_last_digit(x), _half_last_digit(y))


def _half_last_digit(x: float) -> float:
    """Half the place of a figure's last significant digit: how far a hedged figure written so may round another
    ("نحو 4 أمتار" / "نحو 4.3 متر" and "نحو 3.3 مليون" / "نحو 3.31 مليون" state one figure to two precisions;
    "قرابة 48" / "قرابة 40" two figures)."""
    text = f"{abs(x):.12g}"
    if "." in text:
        return 0.5 * 10 ** -len(text.split(".")[1])
    return 0.5 * 10 ** (len(text) - len(text.rstrip("0")))


def _finer(c: Claim) -> bool:
    """Is a figure stated to the unit or finer (not round, hedged or a bound)?"""
    return c.coarse == 0 and c.low is not None and c.high is not None and c.high - c.low <= 1


_COMPATIBLE: dict[str, Callable[[Claim, Claim], bool]] = {"date": _compatible_dates, "number": _compatible_numbers}


def _clusters(claims: list[Claim], compatible) -> list[list[Claim]]:
    """Mutually compatible groups, narrowest values first so they anchor the groups."""

    def width(c: Claim) -> float:
        if c.value_start and c.value_end:
            return (c.value_end - c.value_start).days
        if c.low is not None:
            return float("inf") if c.high is None else c.high - c.low
        return float("inf")

    return _greedy_groups(sorted(claims, key=lambda c: (width(c), c.part_of_day is None, c.evidence_n)), compatible)


def _greedy_groups(ordered: list[Claim], fits, quorum: float = 1.0) -> list[list[Claim]]:
    """Each claim joins the first group with at least ``quorum`` of whose members it ``fits``, else starts one.

    Values need all (1.0: every pair compatible); frames need half, because a
    paraphrase can be close to one wording of a claim and far from another.
    Order matters (earlier claims seed the groups), which is why callers sort first.
    """
    groups: list[list[Claim]] = []
    for c in ordered:
        group = next((g for g in groups if sum(fits(c, o) for o in g) >= quorum * len(g)), None)
        if group is None:
            groups.append([c])
        else:
            group.append(c)
    return groups


def _rejoin_singletons(groups: list[list[Claim]], fits, quorum: float) -> list[list[Claim]]:
    """A claim left alone only because it came before the claims it restates (a new source cited first,
    before the wording it shares with older reports) joins the first group it fits once all are formed."""
    out = [g for g in groups if len(g) > 1]
    for g in groups:
        if len(g) > 1:
            continue
        (c,) = g
        home = next((h for h in out if len(h) > 1 and sum(fits(c, o) for o in h) >= quorum * len(h)), None)
        if home is None:
            out.append(g)
        else:
            home.append(c)
    return out


def _reported_at(group: list[Claim]) -> str | None:
    days = [c.anchor for c in group if c.anchor]
    return min(days).isoformat() if days else None


def _positions(sides: list[list[Claim]], lang: str) -> list[schema.Position]:
    """One position per value: a side's compatible values of different precision ("مساء الثلاثاء" and
    "أمس الثلاثاء") stay apart, each with exactly the parties that state it, and share ``side``."""
    out: list[schema.Position] = []
    lone = len(sides)  # side numbers past the real sides, one per value that agrees with nothing in particular
    for side, claims in enumerate(sides):
        by_value: dict[str, list[Claim]] = {}
        for c in claims:  # narrowest first (see _clusters), so the most precise value leads its side
            by_value.setdefault(c.normalized, []).append(c)
        for group in by_value.values():
            parties = _distinct_parties(group)
            own_side = side
            if group[0].value_start is None and group[0].weekday is None and group[0].low is None:  # on no calendar or number line
                own_side, lone = lone, lone + 1
            out.append(
                schema.Position(
                    value=group[0].value,
                    normalized=group[0].normalized,
                    attributed_to=attribution_text(parties, lang),
                    citations=sorted({c.evidence_n for c in group}),
                    parties=parties,
                    side=own_side,
                    independent_sources=independent_sources(group),
                    reported_at=_reported_at(group),
                )
            )
    return out


def _distinct_parties(claims: list[Claim]) -> list[schema.Party]:
    """The parties of these claims, each once, in order of citation."""
    seen: dict[str, schema.Party] = {}
    for c in sorted(claims, key=lambda c: c.evidence_n):
        for p in c.parties:
            seen.setdefault(p.model_dump_json(), p)
    return list(seen.values())


def _mid(c: Claim) -> float:
    return c.low if c.high is None else (c.low + c.high) / 2


def _steps(ordered: list[Claim]) -> list[list[Claim]]:
    """The counts grouped by figure, one step per figure, in the order its first claim comes. The figure, not the
    figure with its noun: "387 قتيلا" of one day and a later article's "387 شخصا لقوا حتفهم" recalling it are one
    step of the toll, not a fall from the 436 reported between them."""
    steps: list[list[Claim]] = []
    for c in ordered:
        step = next((s for s in steps if (s[0].low, s[0].high, s[0].about) == (c.low, c.high, c.about)), None)
        if step is None:
            steps.append([c])
        else:
            step.append(c)
    return steps


def _timeline(claims: list[Claim]) -> list[list[Claim]] | None:
    """The claims as a rising series of report days, one step per value; None when they are not one.

    An update needs two report days, no clash between sources on one day, and
    counts that never fall from one day to the next and end higher than they began.
    A vague word ("عشرات القتلى") states no figure: it may open a series (the first
    report, before any count: "dozens", then "39" or "14"), but on or after a figure's day
    it is no step, clashes with no figure of its day, and links none (figures it
    alone joined into one group, a day's toll and a two months' total, are no
    series). Two sources' floors of a later day, both above every earlier day's
    figure ("37", then "53 at least" and "64 at least"), are the toll still rising
    that day, each counted at its own hour: no clash.
    """
    figures = [c for c in claims if not (c.vague and _counted_by(c.anchor, claims))]
    if len(figures) < len(claims) and not _linked(figures):
        return None
    claims = figures
    if any(c.anchor is None or c.low is None for c in claims):
        return None
    if len({c.anchor for c in claims}) < 2 or _clash_on_a_day(claims):
        return None
    steps = _steps(sorted(claims, key=lambda c: (c.anchor, _mid(c))))
    first_days = [min(c.anchor for c in s) for s in steps]
    if len(steps) < 2 or len(set(first_days)) < 2:
        return None
    # A vague opener left (before every figure) states no figure to rise from: "dozens", then "14" is the first count.
    counted = [s for s in steps if not all(c.vague for c in s)] or steps
    lows = [min(c.low for c in s) for s in counted]
    first, last = min(_figure(c) for c in counted[0]), min(_figure(c) for c in counted[-1])
    if len(counted) > 1 and (first == last or any(c.floor_figure == first for c in counted[-1])):
        return None  # "at least 39", then "39"; "نحو 85", then "85"; "100", then "more than 100": the same figure, not a
        # change ("more than 100", then 107, is)
    if _one_outlet(claims) and len(steps) == len(set(first_days)) and not _restated(steps[0], steps[-1]):
        return steps  # one outlet's figure of a later day replaces its own of the day before, lower or higher: a revision
    return None if last < first or any(b < a for a, b in zip(lows, lows[1:])) else steps


def _restated(first: list[Claim], last: list[Claim]) -> bool:
    """Can a figure of the last step be one of the first told again ("أكثر من عشرين" / "نحو 20")? Then the outlet
    revised nothing."""
    return any(_compatible_numbers(a, b) for a in first for b in last)


def _one_outlet(claims: list[Claim]) -> bool:
    """Are all claims told by one outlet (whomever it cites)?"""
    return len({c.parties[0].outlet if c.parties else None for c in claims}) == 1


def _clash_on_a_day(claims: list[Claim]) -> bool:
    """Do two sources' figures of one report day disagree, other than as floors of a toll still rising that day
    (``_rising_floors``)? Then they are rivals, not steps of one series. Undated claims are one day of their own."""
    for day in {c.anchor for c in claims}:
        same_day = [c for c in claims if c.anchor == day]
        before = [_figure(c) for c in claims if day and c.anchor and c.anchor < day]
        if any(
            not _compatible_numbers(a, b) and a.origin != b.origin and not _rising_floors(a, b, before) for a in same_day for b in same_day
        ):
            return True
    return False


def _counted_by(day: dt.date | None, claims: list[Claim]) -> bool:
    """Has one of the claims stated a figure (no vague word) on or before ``day``?"""
    return day is not None and any(not c.vague and c.anchor is not None and c.anchor <= day for c in claims)


def _linked(claims: list[Claim]) -> bool:
    """Does every claim meet the others (``_same_claim``) directly or through claims of the list?"""
    reached, frontier = {0}, [0]
    while frontier:
        i = frontier.pop()
        for j, c in enumerate(claims):
            if j not in reached and _same_claim(claims[i], c):
                reached.add(j)
                frontier.append(j)
    return len(reached) == len(claims)


def _rising_floors(a: Claim, b: Claim, before: list[float]) -> bool:
    """Are two sources' figures of one day rival floors (``_rival_bounds``: "53 at least" / "64 at least"), both above
    every figure reported on an earlier day? Their intervals overlap, and after a lower count the day before, two
    floors are two hours' counts of a toll still rising, not two sources' rival counts of one day."""
    return bool(before) and a.bound == b.bound == "floor" and min(a.low, b.low) > max(before)


def _figure(c: Claim) -> float:
    """The figure a count states: an approximation's own ("نحو 85" → 85, where its interval starts near 77), else its
    interval's low end ("more than 170" → 171: then "171" is no change)."""
    return c.about if c.about is not None else c.low


def _risen(claims: list[Claim]) -> list[list[Claim]] | None:
    """Steps of a toll said to have risen: its highest figure is a total a source says it rose to ("rose to six"), and
    every other figure is lower and not reported after it. An update whatever the report days: the same day, or an
    undated wire copy ("XI'AN, April 28 (Xinhua) -- ... bringing the death toll to nine")."""
    top = max(_mid(c) for c in claims)
    risen = [c for c in claims if _mid(c) == top and _reached(c)]
    if not risen:
        return None
    latest = max((c.anchor for c in risen if c.anchor), default=None)
    lower = [c for c in claims if _mid(c) != top]
    if any(_reached(c) and c.anchor == r.anchor and _report(c)[1] != _report(r)[1] for c in lower for r in risen):
        return None  # two outlets' totals of one day, each the figure the toll "rose to" as it told it: rivals, not steps
    if not lower or any((c.low if c.high is None else c.high) >= top or (latest and c.anchor and c.anchor > latest) for c in lower):
        return None
    if _clash_on_a_day(lower) and not {_report(c) for c in lower} & {_report(r) for r in risen}:
        return None  # "at least 48" and "at least 70" of two outlets the day a third says it rose to 150: three rivals
    steps = _steps(sorted(claims, key=_mid))
    return steps if len(steps) > 1 and all(_mid(c) == top for c in steps[-1]) else None


def _relation(slot: str, claims: list[Claim], quoted: Sequence[Claim] = ()) -> tuple[str, list[list[Claim]]] | None:
    """("conflict", sides) or ("update", steps) for one claim's values in one episode, or None. ``quoted`` are all
    claims of the answer's sentences: an article that states a figure of two sides tells them apart."""
    if len({_report(c) for c in claims}) < 2 and len({c.anchor for c in claims}) < 2:
        return None
    if slot == "number" and (steps := _timeline(claims) or _risen(claims)):
        return "update", steps
    sides = _clusters(claims, _COMPATIBLE[slot])
    if len(sides) > 1 and len({_report(c) for c in claims}) > 1 and (slot != "number" or _clash_in_time(sides, quoted)):
        return "conflict", sides
    return None


def _report(c: Claim) -> tuple[str, str | None]:
    """Who reports a claim: its first-hand source as one outlet tells it. Two outlets quoting one source ("بحسب
    السلطات") with different figures disagree on what it said: one misreports it, or tells an older figure."""
    return c.origin, c.parties[0].outlet if c.parties else None


def _clash_in_time(sides: list[list[Claim]], quoted: Sequence[Claim] = ()) -> bool:
    """Do two sides, not told apart by one article (``_told_apart``), hold claims of different sources reported
    within ``CONFLICT_DAYS`` of each other?"""
    return any(
        _report(a) != _report(b) and (a.anchor is None or b.anchor is None or abs((a.anchor - b.anchor).days) <= CONFLICT_DAYS)
        for i, x in enumerate(sides)
        for y in sides[i + 1 :]
        if not (_told_apart(x, y, quoted) or _told_apart(y, x, quoted))
        for a in x
        for b in y
    )


def _told_apart(side: list[Claim], rival: list[Claim], quoted: Sequence[Claim]) -> bool:
    """Does an article with a figure of ``side`` also state the rival's figure of the same noun? An article does not
    contradict itself: its two figures are two things (last month's rate and this month's, the fighters killed the
    day before and today's toll), so another outlet's figure that equals one of them is no rival of the other. Two
    figures of one sentence may be parts of one statement (the killed and the injured, five of the eight fired) that
    another outlet words otherwise, so a figure outside the rival side counts only where it restates a rival figure
    (``_same_claim``: left out of the rival's group only by the greedy grouping) or comes from another sentence, of
    no other deed than the rival's. A vague word's range ("مئات") states no figure: beside the source's own figure in
    one article it is a loose retelling, not another thing."""
    return any(
        c.doc_id == a.doc_id
        and not (a.vague or c.vague)
        and _one_voice(a, c)
        and c.kind == a.kind
        and c.unit == b.unit
        and _compatible_numbers(c, b)
        and not _compatible_numbers(c, a)
        and (c in rival or _same_claim(c, b) or (c.evidence_n != a.evidence_n and not _other_deeds(c, b)))
        for a in side
        for c in quoted
        if c.slot == "number"
        for b in rival
    )


def _one_voice(a: Claim, c: Claim) -> bool:
    """Does one article give both figures in one voice: one first-hand source (named in full or short: "الجهاز
    المركزي للإحصاء" / "جهاز الإحصاء"), or one of them in the outlet's own words? Two sources it cites by name may
    disagree in it ("the police said 10 were hurt, a newspaper about 30"): that is a clash it reports."""
    if a.origin == c.origin or not (any(p.cited for p in a.parties) and any(p.cited for p in c.parties)):
        return True
    words = [[unit_key(w) for w in re.findall(r"[^\W\d_]+", normalize_arabic(x.origin))] for x in (a, c)]
    short, long_ = sorted(words, key=len)
    return all(any(_stems_meet(x, y) for y in long_) for x in short)


def _topic(claims: list[Claim]) -> str:
    """The clause of the best-described claim: what the disagreement is about, in the source's words."""
    return max(claims, key=lambda c: (len(c.actors), len(c.phrase) <= 160, -c.evidence_n)).phrase


def find_conflicts(claims: list[Claim], lang: str = "en") -> tuple[list[schema.Conflict], list[str]]:
    """Conflicts and updates among claims of different sources, plus notes on distinct events.

    ``lang`` is the answer's language: the positions' ``attributed_to`` is rendered in it.
    """
    conflicts: list[schema.Conflict] = []
    _embed_frames(c.frame for c in claims)
    ordered = sorted(claims, key=lambda c: (c.slot == "number", c.evidence_n))
    others_by_main: dict[str, list[str]] = {}
    for group in _greedy_groups([c for c in ordered if c.slot != "number"], _related_event, quorum=SINGLE_LINK):
        if len(episodes := _episodes(group)) > 1:
            for main, others in _episode_notes(episodes).items():
                others_by_main.setdefault(main, []).extend(others)
    notes = [_note(main, others) for main, others in others_by_main.items()]
    for group in _rejoin_singletons(_greedy_groups(ordered, _same_claim, quorum=0.5), _same_claim, quorum=0.5):
        if len(group) < 2:
            continue
        for episode in _episodes(group):
            for slot in ("date", "number"):
                valued = [c for c in episode if c.slot == slot]
                if len(valued) < 2 or (found := _relation(slot, valued, claims)) is None:
                    continue
                relation, sides = found
                conflicts.append(schema.Conflict(topic=_topic(valued), kind=slot, relation=relation, positions=_positions(sides, lang)))
    return conflicts, notes


def _episode_notes(episodes: list[list[Claim]]) -> dict[str, list[str]]:
    """Other occurrences of an event, by the occurrence they are not: only sides dated and named enough to tell."""
    described = [
        e
        for e in episodes
        if any(c.actors for c in e)
        and any(c.slot == "date" and c.value_start and c.value_end and (c.value_end - c.value_start).days <= OCCURRENCE_DAYS for c in e)
    ]
    if len(described) < 2:
        return {}
    main = max(described, key=lambda g: (len({c.evidence_n for c in g}), -min(c.evidence_n for c in g)))
    others = []
    for other in described:
        if other is not main:
            docs = attribution_text(_distinct_parties(other), "en")  # who reports it, never a doc id
            cites = "".join(f"[{n}]" for n in sorted({c.evidence_n for c in other}))
            others.append(f"{docs} {cites}: {_episode_phrase(other)}")
    return {_episode_phrase(main): others}


def _note(main: str, others: list[str]) -> str:
    """One note per occurrence the answer is about, listing every other occurrence the citations describe."""
    return f"Different events: {'; '.join(dict.fromkeys(others))} — not {main}."


def _episode_phrase(episode: list[Claim]) -> str:
    """'the one of summer 2018 involving Htmi and Aywb' (persons in the episode's own words, romanised)."""
    names = {k: v for c in episode for k, v in c.actor_names}
    # Most named first; ties by key, not by set order (which the process's hash seed sets: one answer's note named
    # its two persons in either order from run to run).
    people = sorted(
        {a for c in episode for a in c.actors if is_person(a) and a in names}, key=lambda a: (-sum(a in c.actors for c in episode), a)
    )
    dated = [c for c in episode if c.slot == "date" and c.value_start]
    when = _pretty_when(min(dated, key=lambda c: (c.value_end - c.value_start).days), "en") if dated else None
    parts = ["the one"]
    if when:
        parts.append(f"of {when}")
    if people:
        parts.append(f"involving {' and '.join(display(names[p], 'en') for p in people[:2])}")
    return " ".join(parts)


# ------------------------------------------------------------------ independence


def _shingles(text: str) -> set[str]:
    t = re.sub(r"\W+", " ", text).strip()
    return {t[i : i + _SHINGLE] for i in range(max(1, len(t) - _SHINGLE + 1))}


def jaccard(a: str, b: str) -> float:
    sa, sb = _shingles(a), _shingles(b)
    return len(sa & sb) / len(sa | sb) if sa or sb else 1.0


def independent_sources(claims: list[Claim]) -> int:
    """How many independent sources back these claims.

    Two claims count once when they share a first-hand origin (both cite Al
    Arabiya) or their sentences are near-duplicates (character 5-gram Jaccard
    ≥ ``NEAR_DUPLICATE_JACCARD``: one wire story republished).
    """
    parent = list(range(len(claims)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(claims):
        for j in range(i):
            b = claims[j]
            if a.origin == b.origin or jaccard(a.sentence or a.value, b.sentence or b.value) >= NEAR_DUPLICATE_JACCARD:
                parent[find(i)] = find(j)
    return len({find(i) for i in range(len(claims))})


# ------------------------------------------------------------------ wording


def _pretty_when(c: Claim, lang: str) -> str:
    return _pretty_span(c.value_start, c.value_end, c.part_of_day, lang)


def _pretty_span(s: dt.date, e: dt.date, part: str | None, lang: str) -> str:
    if s == e:
        return format_day(s, lang, part)
    if s.day == 1 and e.month == s.month and e.year == s.year:
        return format_month(s.year, s.month, lang)
    if (s.month, s.day, e.month, e.day) == (1, 1, 12, 31) and s.year == e.year:
        return str(s.year)
    if (s.month, e.month) == (6, 8) and s.year == e.year:
        return f"صيف {s.year}" if lang == "ar" else f"summer {s.year}"
    if lang == "ar":
        return f"بين {format_day(s, lang, weekday=False)} و{format_day(e, lang, weekday=False)}"
    return f"between {format_day(s, lang, weekday=False)} and {format_day(e, lang, weekday=False)}"


def _position_phrase(p: schema.Position, kind: str, lang: str) -> str:
    """What one side says, e.g. 'Tuesday evening, 7 July 2020' or 'he had been there for days'."""
    if kind != "date":
        return (_bounds_phrase(p.normalized, lang) or p.value) if lang == "ar" and LATIN_LETTER.search(p.value) else p.value
    rel = resolve_times(p.value, None)
    m = re.match(r"(\d{4}-\d\d-\d\d)(?:\.\.(\d{4}-\d\d-\d\d))?(?: (\w+))?$", p.normalized)
    if not m:  # off the calendar: a day it can still name ("أمس" under "8 يوليو"), else the source's words, never a key
        key, _, part = p.normalized.partition(" ")
        return describe_relative(key, part or None, lang) or p.value
    start = dt.date.fromisoformat(m.group(1))
    end = dt.date.fromisoformat(m.group(2)) if m.group(2) else start
    if rel and rel[0].relative == "days-before-anchor":
        anchor = end + dt.timedelta(days=DAYS_AGO_RANGE[1])
        if lang == "ar":
            return f"أنه كان هناك منذ أيام قبل {format_day(anchor, lang, weekday=False)}"
        return f"he had already been there for days before {format_day(anchor, lang, weekday=False)}"
    return _pretty_span(start, end, m.group(3), lang)


_BOUNDS = re.compile(r"(?P<about>~)?(?P<low>\d+(?:\.\d+)?)(?:\.\.(?P<high>\d+(?:\.\d+)?)?)?(?: |$)")
_AT_LEAST_WORDS = {"ar": "{low} على الأقل"}
_ABOUT_WORDS = {"ar": "نحو {low}"}


def _bounds_phrase(normalized: str, lang: str) -> str | None:
    """An English source's figure in an Arabic answer, said by its bounds ("12", "5 على الأقل", "10–20"): no
    English words in Arabic text, and the source's own words stay in its quote; "~300" is "نحو 300". (An English answer keeps an
    Arabic source's words, as it keeps its dates' words.)"""
    m = _BOUNDS.match(normalized)
    if m is None:
        return None
    low, high = m.group("low"), m.group("high")
    if m.group("about"):
        return _ABOUT_WORDS[lang].format(low=low)
    if ".." not in m.group(0):
        return low
    return f"{low}–{high}" if high else _AT_LEAST_WORDS[lang].format(low=low)


#: Latin-script words inside an Arabic name (a gloss: "صحيفة ديلي إكسبريس Daily Express البريطانية").
_LATIN_WORDS = re.compile(r"\s*\(?[A-Za-z][\w.'’&-]*(?:\s+[A-Za-z][\w.'’&-]*)*\)?")


def _speaker(s: schema.Speaker, lang: str) -> str:
    """A cited party's name in ``lang``: its own words in an Arabic answer (less any Latin-script gloss), its
    English label (or its words romanised) in an English one."""
    if lang == "ar":
        bare = " ".join(_LATIN_WORDS.sub(" ", s.name).split())
        return bare if ARABIC_LETTER.search(bare) else s.name
    return s.name_en or display(s.name, "en")


def _chain(party: schema.Party, lang: str) -> list[str]:
    """The party's names in ``lang``, outlet first; empty when nothing is known."""
    head = outlet_label(party.outlet, lang)
    return ([head] if head else []) + [_speaker(s, lang) for s in party.cited]


def attribution_text(parties: list[schema.Party], lang: str) -> str:
    """'Outlet A, citing Outlet B; Outlet D' in ``lang``; an article with no outlet as ``unnamed_source`` names it."""
    words = ATTRIBUTION_WORDS[lang]
    texts = [words["citing"].join(chain) if (chain := _chain(p, lang)) else unnamed_source(p.title, lang) for p in parties]
    return ("؛ " if lang == "ar" else "; ").join(dict.fromkeys(texts)) or unnamed_source(None, lang)


def _who(p: schema.Position, lang: str) -> tuple[str, int]:
    """'Outlet B (via Outlet A) and Outlet D', and how many parties that names."""
    if not p.parties:  # a position built without structure: its text is all there is
        return p.attributed_to, 1
    via = "عبر" if lang == "ar" else "via"
    names = []
    for party in p.parties:
        chain = _chain(party, lang)
        if not chain:
            names.append(unnamed_source(party.title, lang))
        elif len(chain) == 1:
            names.append(chain[0])
        else:
            names.append(f"{chain[-1]} ({via} {', '.join(reversed(chain[:-1]))})")
    names = list(dict.fromkeys(names))
    if lang == "ar":
        return " و".join(names), len(names)
    return " and ".join(filter(None, [", ".join(names[:-1]), names[-1]])), len(names)


_SUBJECT = {("date", "ar"): "التاريخ", ("date", "en"): "the date", ("number", "ar"): "الرقم", ("number", "en"): "the figure"}


def topic_phrase(topic: str, lang: str) -> str:
    """The claim a conflict is about: the source's own clause (shown as a quote, in its language)."""
    return f"«{topic}»" if lang == "ar" else f"“{topic}”"


def describe_conflict(conflict: schema.Conflict, lang: str = "en") -> str:
    """One answer sentence naming each side (or each step of an update), what it says, and its citations."""
    subject = _SUBJECT.get((conflict.kind, lang), _SUBJECT[("number", lang)])
    sides = []
    for i, p in enumerate(conflict.positions):
        cites = "".join(f"[{n}]" for n in p.citations)
        who, count = _who(p, lang)
        what = _position_phrase(p, conflict.kind, lang)
        agrees = next((q for q in conflict.positions[:i] if q.side == p.side), None)
        if agrees is not None and conflict.relation == "conflict":  # a less precise value of an earlier side
            cites += f" ({'يتفق مع' if lang == 'ar' else 'consistent with'} {''.join(f'[{n}]' for n in agrees.citations)})"
        when = format_day(dt.date.fromisoformat(p.reported_at), lang, weekday=False) if p.reported_at else None
        if conflict.relation == "update":
            if lang == "ar":
                sides.append(f"{what} ({who}{'، ' + when if when else ''}) {cites}")
            else:
                sides.append(f"{what} ({who}{', ' + when if when else ''}) {cites}")
        elif lang == "ar":
            sides.append(f"{who}: {what} {cites}")
        else:
            sides.append(f"{who} say{'' if count > 1 else 's'} {what} {cites}")
    if conflict.relation == "update":
        if lang == "ar":
            return f"تغيّر {subject} مع الوقت: " + " ← ".join(sides) + "."
        return f"The {subject.removeprefix('the ')} changed over time: " + " → ".join(sides) + "."
    if lang == "ar":
        return f"تختلف المصادر حول {subject}: " + "؛ ".join(sides) + "."
    return f"Sources disagree on {subject}: " + "; ".join(sides) + "."
