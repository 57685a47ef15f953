"""The direct answer: one line that says the answer itself, and who says it, before the quotes.

Read, not generated. The ranker (``bot.ranker``) chooses the sentence; inside
it a learned span chooser picks the value. Candidates come from the general
readers: dates (``language.calendar``, resolved against the article's anchor
date, and bare years), numbers with their counted noun (``language.numbers``;
an Arabic dual such as "يومين" is the number 2, its forms from CLDR's unit names), places
(``language.places``), persons named by name (``language.names.named_persons``: not a
role alone, not a description such as "مصدر عسكري"), and generic spans (word
runs of a clause that the question does not repeat, and clauses). A logistic
regression (``bot/models/span.json``, trained by ``python -m bench.spans
--train`` on ARCD and XQuAD gold answer spans) scores each candidate from
general signals: its kind against the kind the question asks for
(``language.lexicon.question_kind``), how many of its words the question repeats
(answers rarely repeat the question), its distance to the question's words in
the sentence, its length and position. For an English question over an
Arabic quote (or the reverse) the question's words are matched through the
learned bridge (``bot.crosslingual``), so "repeats" and "distance" still mean
something across languages. The first citation (in rank order) holding a
value of the kind asked for gives it (unless the ranker finds it far less likely
than the best, ``VALUE_RATIO``); for a count, the first whose figure counts
what the question names (``counts_asked``), and never a stretch of time when
it names a thing it counts (``counts_things``); over quotes in the other language than the question, the one
repeating most of the question among those near the first (``best_stated``). "Where" is answered by a place's name,
not an adjective ("the Iranian minister": ``names_kind_of_place``), "which country" by a name where the quote has one;
"which day / month / year" by a date that precise (``asked_grains``), "which province" by a province or city and "which
country" by a country, a city standing for its own (``asked_place_grains``, ``in_countries``); "where" by a place inside the one
the question names, never one holding it (``within_named``); "which minister" by the name whose title states the office and
portfolio asked (``titled_as_asked``, in the quotes too: ``asked_title``). A question of no kind gets a clause
(the quote cut at commas, semicolons and colons outside brackets) chosen by a second learned
chooser (``bot/models/clause.json``, ``read_clause``): the clause repeating
most of the question names the topic, the answer is as often the clause
right after or before it, so each clause is scored by its share of the
question's words (less the source it names, "according to X": ``claim_question``), its new words, its place
next to that clause and its form (a clause opening a reported claim on its complementiser, "، إن ...", is what the
source said, not a continuation: ``opens_claim``); of the quotes the
ranker finds near the best (``CLAUSE_RATIO``), the one whose clause repeats most of the
question, in either language, gives it (``best_clause``), shown with the clauses after it that continue it, or that a quotation it opens goes on into (``continued``, ``quoting``). Two values of no such kind have their own readers: a
named person's post or rank is the role phrase a quote writes before the name (``asked_role``), "which
agency / newspaper / channel" is the outlet a quote cites (``asked_outlet``), and "from which country" the nationality
a quote attaches to the noun asked about ("الميليشيات العراقية", ``asked_origin``), not another adjective of the sentence. Every citation
stating the same normalized value is credited. The value is shown in the reader's
language (a date formatted by the calendar, a number by its amount, a place
by its CLDR name, an Arabic name romanised); the verbatim words stay in the
quote. Wording lives in ``prompts/answer.toml``.

Over quotes all in the other language than the question, the quotes are read in the order of their closest
clause to the question by the multilingual retrieval encoder (``encoder_order``), not the ranker's: its
cross-language scores measure the topic every quote of the story shares. The encoder is the caller's (the service's
own retrieval embeddings, a bench's encoder), passed in: this module reads no settings.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import takewhile
from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings
from babel.numbers import format_compact_decimal, format_decimal
from babel.units import format_unit

import prompts
from bot.attribution import extract_attributions, format_attribution, holding, outlet_label, party_outlet
from bot.claims import Evidence, extract_claims, names_a_part, others_noun
from bot.conflicts import deeds_contrast, deeds_shared
from bot.crosslingual import Lexicon, bridge_text, load_lexicon, nearest_words, word_vectors
from bot.entities import known_outlets
from bot.evidence import aligned_units, naming_words
from bot.ranker import NAME_PATTERN, Ranker, read_model, value_kinds
from bot.retrieval import sound_index, sound_matches
from bot.schema import Citation, DirectAnswer
from language.calendar import TimeMention, describe_relative, find_years, format_day, format_month, is_dateline, resolve_times
from language.lexicon import (
    ASKED_NOUNS_AR,
    ASKED_NOUNS_EN,
    AUXILIARIES_EN,
    FUNCTION_WORDS_AR,
    FUNCTION_WORDS_EN,
    HONORIFICS_AR,
    INTERROGATIVES_EN,
    OFFICES_AR,
    OUTLET_WORDS_AR,
    OUTLET_WORDS_EN,
    PLACE_NOUNS,
    REPORTING_VERBS_AR,
    REPORTING_VERBS_EN,
    SETTING_ASIDE,
    SINCE_WORDS,
    asked_office,
    asks_age,
    asks_since,
    asks_change,
    asks_whether,
    english_plural,
    medium_kind,
    question_kind,
    refers_to_another,
)
from language.dialect import STANDARD_INTERROGATIVES
from language.names import asked_portfolio, asks_role, demonym_country, family_keys, named_persons, persons_asked_about, roles_of, romanise
from language.normalize import ARABIC_LETTER, bm25_tokens, detect_language, normalize_arabic, under_proclitic
from language.numbers import (
    Quantity,
    asked_kinds_of_measure,
    deed_key,
    find_duals,
    find_quantities,
    measure_kind,
    measure_units,
    reads_as_age,
    time_units,
    unit_key,
)
from language.places import contains, find_places, place_label, places

SPAN_PATH = Path(__file__).with_name("models") / "span.json"
CLAUSE_PATH = Path(__file__).with_name("models") / "clause.json"
#: Longest clause shown when the question asks for no particular kind of value.
MAX_CLAUSE_CHARS = 160
#: Longest generic word run offered as a candidate value.
MAX_SPAN_WORDS = 6
#: A typed value is read only from a quote the ranker finds at least this fraction as likely to answer
#: as the best one: further down, a date or a number is mostly about something else (held the gold answer
#: less often than the best quote's clause on ARCD and XQuAD, bench.answers direct_right).
VALUE_RATIO = 0.2
#: A clause answer is read from a quote the ranker finds at least this fraction as likely to answer as the best
#: one (``best_clause``): 0.3 / 0.5 / 0.7 gave ARCD 0.345 / 0.356 / 0.353, XQuAD English 0.362 / 0.362 / 0.359.
CLAUSE_RATIO = 0.5
#: Kinds a clause cannot answer: asked for a figure or a date that no quote states, the answer is "the collection does
#: not say", not a sentence without one ("how much is the deal worth?" answered by "the deal aims to strengthen...").
STRICT_KINDS = ("number", "date")
#: Candidate kinds: the typed readers', then the generic ones.
CANDIDATE_KINDS = ("date", "number", "person", "place", "span", "clause")
QUESTION_KINDS = ("date", "number", "person", "place", "none")
_TOKEN = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*", re.UNICODE)
_LETTERS = re.compile(r"[^\W\d_]+")
_CLAUSE_BREAK = re.compile(r"[،,;؛:.!?()\[\]«»\"“”]|\s[-–—]\s")
_COARSE_BREAK = re.compile(r"[،,;؛:]\s")
_CLOSING_STOP = re.compile(r"[\s.!۔]+$")
#: The noun a count question names right after its interrogative: "how many people", "كم عدد الركاب", and "كم" before an
#: accusative or feminine noun ("كم راكبا", "كم دولة"); "كم" before a verb ("كم استمرت", "how long") names none
#: (``counts_things``). A tally names what it counts too: "the death toll", "the number of X", "حصيلة/عدد X".
_COUNTED = re.compile(
    r"\bhow many ([^\W\d_]+)|(?<!\w)كم عدد ([^\W\d_]+)|(?<!\w)كم ([^\W\d_]{2,}[اه])(?!\w)"
    r"|\b(?:death|casualty|the) (toll)\b|\b(?:number|total) of (?:the )?([^\W\d_]+)|(?<!\w)[وب]?(?:ال)?(?:حصيله|عدد) (?:ال)?([^\W\d_]+)"
)
#: Arabic nouns of a stretch of time that CLDR names no unit by, folded: "كم مدة", "كم فترة", "كم عمره" ask how long or old.
_SPAN_NOUNS = ("مده", "فتره", "عمر")
#: What the clause chooser (``read_clause``) weighs; see ``clause_features``.
CLAUSE_FEATURES: tuple[str, ...] = (
    "cover", "repeat", "best", "after_best", "before_best", "no_overlap", "position", "first", "words", "fresh",
    "typed", "cross_cover", "cross_best", "best_fresh", "long", "function_head", "last", "from_best", "share",
)  # fmt: skip
_FUNCTION = frozenset(FUNCTION_WORDS_AR) | FUNCTION_WORDS_EN | frozenset("و ف ب ل ال and the of".split())
_OUTLET = frozenset(OUTLET_WORDS_AR) | OUTLET_WORDS_EN
_OUTLET_AR = frozenset(OUTLET_WORDS_AR)


@dataclass(frozen=True)
class Value:
    """A value read from a quote: its verbatim words, comparable form and display form."""

    words: str
    normalized: str
    display: str
    measure: str | None = None  # a figure's kind of measure (``language.numbers.measure_kind``)
    vague: bool = False  # a count word that states no figure ("عشرات القتلى", "thousands"): ``Quantity.vague``


@dataclass(frozen=True)
class Candidate:
    """One possible answer inside a sentence: where it is, what kind of reader found it, and its value."""

    kind: str  # one of CANDIDATE_KINDS
    start: int
    end: int
    value: Value
    unit_key: str | None = None  # what a number counts (``language.numbers.unit_key``), for numbers
    demonym: bool = False  # a place read from its adjective ("Iranian", "الإيراني"), not its name
    grain: str | None = None  # what a date names (``TimeMention.granularity``: "day", "month", ...); a place's kind ("country", "city")


# ---------------------------------------------------------------- typed readers


def _show_time(m: TimeMention, lang: str) -> str:
    if not m.resolved or m.value_start is None:  # no anchor date: the words, in English when the reader's is
        english = describe_relative(m.relative, m.part_of_day) if lang == "en" and m.relative and ARABIC_LETTER.search(m.text) else None
        return english or m.text
    if m.granularity == "day":
        return format_day(m.value_start, lang, m.part_of_day)
    if m.granularity == "month":
        return format_month(m.value_start.year, m.value_start.month, lang)
    if m.granularity == "year":
        return str(m.value_start.year)
    return m.text


def _time_value(m: TimeMention, lang: str) -> Value:
    return Value(m.text, m.normalized, _show_time(m, lang))


def read_date(quote: str, anchor: date | None, lang: str) -> Value | None:
    """The first date the quote states, resolved to the calendar (a resolved day preferred)."""
    mentions = [m for m in resolve_times(quote, anchor, detect_language(quote)) if not is_dateline(quote, m)]
    if not mentions:
        return None
    best = next((m for m in mentions if m.resolved and m.granularity == "day"), None) or next(
        (m for m in mentions if m.resolved), mentions[0]
    )
    return _time_value(best, lang)


def _plain(x: float) -> str:
    """A number in digits, every one of them: ``:g`` wrote 30.5 million as "3.05e+07" and 1234567 as "1.23457e+06"."""
    return f"{x:.15g}"


def _amount(q: Quantity) -> str:
    return _plain(q.low) if q.high == q.low else f"{_plain(q.low)}-{_plain(q.high)}" if q.high is not None else f"≥{_plain(q.low)}"


#: Scales an English reader reads a large amount in ("30.5 million"), largest first.
_SCALES = (1e12, 1e9, 1e6)


def _english_number(x: float) -> str:
    """An amount as an English reader writes it (CLDR through Babel): "30.5 million" where that is exact, else "1,234,567"."""
    scale = next((s for s in _SCALES if abs(x) >= s), None)
    if scale is not None and float(round(x / scale, 3)) * scale == x:
        return format_compact_decimal(x, format_type="long", locale="en", fraction_digits=3)
    return format_decimal(x, locale="en")


def _english_amount(q: Quantity) -> str:
    """The interval in English words a reader expects ("more than 1,000", "about 300", "10-15", "2,000-9,999" for "thousands")."""
    if q.bound == "ceiling" and q.stated is not None:  # "أقل من 15 دقيقة": less than 15, not "0-14"
        return f"{'less than' if q.high < q.stated else 'at most'} {_english_number(q.stated)}"
    if q.high is None:
        below = q.low - 1
        return f"more than {_english_number(below)}" if below > 0 and below % 10 == 0 else f"at least {_english_number(q.low)}"
    if q.high == q.low:
        return _english_number(q.low)
    if q.approx and q.high <= 2 * q.low:  # "about 300": a narrow interval; a vague one ("thousands") is said as its range
        return f"about {_english_number((q.low + q.high) / 2)}"
    return f"{_english_number(q.low)}-{_english_number(q.high)}"


#: Encoder cosine at which a learned translation of a counted noun is said: "امرأة" / "woman" 0.92, "حافلة" / "bus"
#: 0.89, "شخصا" / "people" 0.72, "طفلا" / "children" 0.65; below it the lexicon's word is noise ("soo" 0.42,
#: "desegregation" for "عنصرا" 0.47, "contrast" for "مقابل" 0.50) and no noun is better than a wrong one.
SAY_TRANSLATION = 0.6


def _english_unit(q: Quantity, aligner: Embeddings | None = None) -> str:
    """The counted noun in English: as written in an English quote, CLDR's name of a unit of time or measure, else
    the learned lexicon's word. Why CLDR first: the lexicon, learned from parallel questions, says "mi" for
    "كيلومترا" and "gigatons" for "طن"."""
    if not q.unit_text:
        return ""
    if not ARABIC_LETTER.search(q.unit_text):
        return q.unit_text
    if unit := measure_units().get(q.unit_key or ""):  # CLDR names units of time and measure: "دقيقة", "كيلومترا"
        return format_unit(1 if q.high == q.low == 1 else 2, unit, locale="en").split(" ", 1)[-1]
    words = load_lexicon().translations(normalize_arabic(q.unit_text))
    if aligner is not None:  # the encoder vets the lexicon's words, learned from a few hundred parallel questions
        words = nearest_words([q.unit_text], words, aligner, SAY_TRANSLATION).get(q.unit_text, [])
    if not words:
        return ""
    return words[0] if q.high == q.low == 1 else english_plural(words[0])


def _quantity_value(q: Quantity, lang: str, aligner: Embeddings | None = None) -> Value:
    normalized = f"{_amount(q)} {q.unit_text or q.unit or ''}".strip()
    if lang == "en" and ARABIC_LETTER.search(q.text) and q.kind == "percent":
        display = f"{_english_amount(q)}%"  # "44.5 في المئة": the unit is "%" in any language, not a counted noun
    elif lang == "en" and ARABIC_LETTER.search(q.text):
        display = format_unit(q.low, q.measure, locale="en") if q.measure else f"{_english_amount(q)} {_english_unit(q, aligner)}".strip()
    else:
        display = q.text
    return Value(q.text, normalized, display, measure_kind(q), q.vague)


def read_number(quote: str, question: str = "") -> Value | None:
    """A count or measure with its unit ("308 نقطة", "more than 1,000 people").

    The one counting what the question names ("كم عدد القتلى" → "10 قتلى", not "73 جريحا") when
    its unit shares a stem with the question, else the first with a unit, else the first.
    """
    quantities = find_quantities(quote)
    if not quantities:
        return None
    asked = set(bm25_tokens(question))
    q = next((q for q in quantities if q.unit_text and asked & set(bm25_tokens(q.unit_text))), None) or next(
        (q for q in quantities if q.unit), quantities[0]
    )
    return _quantity_value(q, "ar")


def read_person(quote: str) -> Value | None:
    """Who the quote names: a party it cites (reporting verbs), or a capitalised name."""
    for a in extract_attributions(quote):
        if a.party and a.party_start is not None:
            return Value(a.party, a.party, a.party)
    m = NAME_PATTERN.search(quote)
    return Value(m.group(0), m.group(0), m.group(0)) if m else None


def read_place(quote: str) -> Value | None:
    """The first country or city the quote names (``language.places``: CLDR, Arabic and English)."""
    found = find_places(quote, demonyms=False)
    return Value(found[0].text, found[0].id, found[0].text) if found else None


def shown_clause(text: str) -> str:
    """The text cut to a line (``MAX_CLAUSE_CHARS``) at a word boundary."""
    return text if len(text) <= MAX_CLAUSE_CHARS else text[:MAX_CLAUSE_CHARS].rsplit(" ", 1)[0] + "…"


def line_clause(text: str) -> str:
    """A clause as the answer line shows it: cut to a line, less the sentence's closing stop. Why: the line goes on
    (", according to ..."), and "نجا., according to" read as two sentences. The verbatim words keep the stop (the
    value and the quote stay the article's words); a question mark stays in both: the quote asked."""
    return _CLOSING_STOP.sub("", shown_clause(text))


def question_stems(question: str, quote: str, lexicon: Lexicon | None = None) -> frozenset[str]:
    """The question's keyword stems; over a quote in the other language, with its words' forms in that
    language too (the learned bridge, ``bot.crosslingual``) and the quote's names of the persons it names
    (``persons_asked_about``). Why: an English question shares no word with an Arabic quote, so without them every
    word of it looked new to the chooser and no clause matched; the bridge has no names ("Bagheri" / "باقري")."""
    words = bm25_tokens(question)
    if detect_language(question) != detect_language(quote):
        words += bm25_tokens(bridge_text(question, lexicon))
        words += [w for m in persons_asked_about(question, quote) for w in bm25_tokens(m.text)]
    return frozenset(words)


#: Words that ask: a party holding one is what the question asks for ("according to whom").
_ASKING = INTERROGATIVES_EN | frozenset(normalize_arabic(w) for w in STANDARD_INTERROGATIVES)
#: Verbs of saying: a question's attribution with one ("what did X say") may name the claim's own subject.
_SAYING = frozenset(REPORTING_VERBS_AR) | frozenset(REPORTING_VERBS_EN)


def speaker_spans(question: str) -> list[tuple[int, int]]:
    """Where the question names the source of the claim it asks about, with the words naming it as one: "according
    to X", "بحسب X", "حسب X" (``bot.attribution``'s source-after forms over the question); not a party that asks ("according
    to whom").

    Why: the quote names its source in the clause that introduces the claim, so with the source's words counted
    as asked, the clause chooser took that clause, the topic, instead of the claim that answers ("What made the
    pressure rise, according to the minister?" over "the minister expected X, adding that the pressure rose with
    Y"). Not "what did X say": there X is as often the subject of the claim that answers ("X stressed that...")."""
    out: list[tuple[int, int]] = []
    for a in extract_attributions(question):
        party = [normalize_arabic(w).lower() for w in _TOKEN.findall(a.party or "")]
        said = set(normalize_arabic(a.verb).lower().split()) & _SAYING
        if a.party and a.party_start is not None and party and not said and not any(w in _ASKING for w in party):
            out.append((a.party_start, a.party_start + len(a.party)))
    return out


@lru_cache(maxsize=256)
def claim_question(question: str) -> str:
    """The question less the words naming who made the claim (``speaker_spans``); the question itself when no other
    content word is left. Cached: the clause chooser asks it once for every quote of one question."""
    kept, start = [], 0
    for s, e in sorted(speaker_spans(question)):
        kept.append(question[start:s])
        start = max(start, e)
    rest = " ".join([*kept, question[start:]])
    return rest if rest != question and any(not _is_function(w) for w in _TOKEN.findall(rest)) else question


def coarse_clauses(quote: str) -> list[str]:
    """The quote cut at commas, semicolons and colons (Arabic and Latin): the pieces a clause answer is chosen among."""
    cuts = [m for m in _COARSE_BREAK.finditer(quote) if not _bracketed(quote, m.start())]
    pieces = [quote[a.end() if a else 0 : b.start() if b else len(quote)] for a, b in zip([None, *cuts], [*cuts, None])]
    return [c.strip() for c in pieces if c.strip()] or [quote]


def _bracketed(text: str, i: int) -> bool:
    """Is position ``i`` inside parentheses? Why: a list in brackets ("the axis (Iran, Syria, Hezbollah) responded") is one
    piece of its clause; cut at its commas, the chooser answered with "(Iran"."""
    return text.count("(", 0, i) > text.count(")", 0, i)


def clause_features(question: str, quote: str, lexicon: Lexicon | None = None) -> tuple[list[str], np.ndarray]:
    """The quote's clauses and one row of ``CLAUSE_FEATURES`` each.

    Why these: the clause repeating most of the question names the topic; the answer is often the
    clause right after (or before) it, or the new words inside it. So each clause is measured against
    the question (its share of the question's words, its share of repeated words, its new content words)
    and against the clause that repeats the question most (is it that one, right after it, right before it,
    how many clauses away), and by its form: whether it opens on a function word (a continuation of the clause
    before it: "مما يسبب", "which"; not the complementiser opening a reported claim, ``opens_claim``), whether it is
    the last, its share of the sentence. The last four raised the clause holding the gold span out of fold by 1-3
    points (bench.spans, Arabic and English; fitted on questions of no kind); their weights are learned, not set.
    """
    asked = question_stems(claim_question(question), quote, lexicon)
    clauses = coarse_clauses(quote)
    opens = opens_claim(quote, clauses)
    tokens = [_TOKEN.findall(c) for c in clauses]
    stems = [[set(bm25_tokens(w)) for w in words] for words in tokens]
    cover = [len(asked & set().union(*st)) / max(len(asked), 1) for st in stems]
    top = max(cover)
    best = [top > 0 and c == top for c in cover]
    cross = float(detect_language(question) != detect_language(quote))
    n = len(clauses)
    topic = int(np.argmax(cover))
    rows = []
    for i, (clause, words, st) in enumerate(zip(clauses, tokens, stems)):
        repeated = sum(1 for w in st if w & asked)
        fresh = sum(1 for w, t in zip(st, words) if not (w & asked) and not _is_function(t))
        rows.append(
            [
                cover[i],
                repeated / max(len(st), 1),
                float(best[i]),
                float(i > 0 and best[i - 1] and not best[i]),
                float(i + 1 < n and best[i + 1] and not best[i]),
                float(top == 0),
                i / (n - 1) if n > 1 else 0.0,
                float(i == 0),
                math.log1p(len(st)),
                math.log1p(fresh),
                float(bool(value_kinds(clause))),
                cross * cover[i],
                cross * float(best[i]),
                float(best[i]) * math.log1p(fresh),
                float(len(clause) > MAX_CLAUSE_CHARS),  # shown cut to a line: the answer may be past the cut
                float(bool(words) and _is_function(words[0]) and not opens[i]),
                float(i == n - 1),
                math.log1p(abs(i - topic)),
                len(clause) / max(len(quote), 1),
            ]
        )
    return clauses, np.array(rows, dtype=float).reshape(n, len(CLAUSE_FEATURES))


def opens_claim(quote: str, clauses: list[str]) -> list[bool]:
    """For each clause of the quote, does it open on the one word (a complementiser) that introduces a reported claim,
    the claim beginning with its second word ("، إن القوات ردت بقوة": ``bot.attribution``)? Why: the chooser takes a
    clause opening on a function word for a continuation of the one before it (``function_head``), but in news that
    clause is what the source said, the answer to "what / how did X say"."""
    starts = [a.claim_start for a in extract_attributions(quote)]
    out, at = [], 0
    for c in clauses:
        at = quote.find(c, at)
        words = [(at + m.start(), at + m.end()) for m in _TOKEN.finditer(c)][:2]
        out.append(len(words) == 2 and any(words[0][1] < s <= words[1][0] for s in starts))
        at += len(c)
    return out


@lru_cache(maxsize=2)
def load_clause_model(path: Path = CLAUSE_PATH) -> Ranker | None:
    """The learned clause chooser, or None before ``bench.spans --train`` wrote one (then the most-repeating clause)."""
    return read_model(path, CLAUSE_FEATURES)


def read_clause(question: str, quote: str, lexicon: Lexicon | None = None) -> Value:
    """The clause of the quote most likely to answer (``load_clause_model``; without one, or for a yes/no question,
    the clause sharing most words with the question, the first on a tie), cut to a line.

    Why yes/no apart: the chooser learned (on what/why/how questions) that the answer is the new words next to the
    clause repeating the question; a yes/no question is answered by that clause itself, the predicate asked stated or
    negated ("هل تنوي إيران الانسحاب" / "كما تؤكد أنها لا تنوي الانسحاب"), and was shown the clause before it. When no
    clause repeats a word of it (an English question the bridge does not reach), the learned chooser still answers."""
    clauses, X = clause_features(question, quote, lexicon)
    model = None if asks_whether(question) and X[:, 0].max() > 0 else load_clause_model()
    scores = model.scores(X) if model is not None else X[:, 0] - 1e-6 * np.arange(len(clauses))
    best = shown_clause(clauses[int(np.argmax(scores))])
    return Value(best, best, line_clause(best))


def continued(quote: str, value: Value, question: str = "", lexicon: Lexicon | None = None, aligner: Embeddings | None = None) -> Value:
    """A clause answer (``read_clause``) with the clauses of the quote after it that continue it, those opening on a
    function word ("، في سقوط قتلى ...", "، that ...", "، لا يكون ...") or inside a quotation the line has opened and
    not closed (``quoting``), or any while the line says nothing ``question`` does not (``says_more``), while the line
    holds them (``MAX_CLAUSE_CHARS``). Applied to the chosen clause only: the choosers compare the clauses themselves.

    Why: a comma in news often falls between a verb and its object; the clause repeating the question ("the strikes
    caused") was shown cut before what it caused, the answer. And a speaker's quoted words hold commas: 'عبر عن أمله
    "بتحرير ...، وعودة النازحين إلى بلداتهم"' was shown cut inside them, before the hope asked about. And a clause only repeating the question ("أشاد الوزير،
    بالعلاقات بين البلدين، واصفا إياها بأنها ..." for "بماذا وصف الوزير العلاقات بين البلدين") names the topic; what
    is said of it comes after."""
    clauses = coarse_clauses(quote)
    if value.words not in clauses:  # cut to a line already
        return value
    k = clauses.index(value.words)
    start = quote.find(value.words)
    end = start + len(value.words)
    for nxt in clauses[k + 1 :]:
        at = quote.find(nxt, end)
        words = _TOKEN.findall(nxt)
        goes_on = bool(words) and (
            _is_function(words[0]) or quoting(quote[start:end]) or not says_more(question, quote, quote[start:end], lexicon, aligner)
        )
        if not goes_on or at + len(nxt) - start > MAX_CLAUSE_CHARS:
            break
        end = at + len(nxt)
    words = quote[start:end]
    return Value(words, words, line_clause(words))


#: A line saying fewer words than this that the question does not names its topic: the one new word is most often the
#: verb or noun tying the question's words together ("أشاد", "قوات"), not what is asked.
NEW_WORDS = 2


def _stem_repeats(stem: str, asked: frozenset[str]) -> bool:
    """Is ``stem`` one of ``asked``, or one is the other's head by at most two letters ("ايرانيه" / "ايران", "ردت" /
    "رد")? The light stemmer leaves the adjective's, the plural's and the verb's endings on; they do not make a word new."""
    return stem in asked or any(
        min(len(stem), len(a)) >= 2 and abs(len(stem) - len(a)) <= 2 and (stem.startswith(a) or a.startswith(stem)) for a in asked
    )


def _crediting(start: int, word: str, parties: list[tuple[int, int]]) -> bool:
    """Is the word at ``start`` of a quote part of a source's credit, its party (``parties``: the spans of the quote's
    attributed parties) or verb of saying ("وقالت الوكالة السورية للأنباء (سانا) إن …")? The line credits the source
    apart: those words are no part of what was said."""
    folded = normalize_arabic(word).lower()
    said = folded in _SAYING or under_proclitic(folded, _SAYING)
    return said or any(s <= start < e for s, e in parties)


def says_more(question: str, quote: str, text: str, lexicon: Lexicon | None = None, aligner: Embeddings | None = None) -> bool:
    """Does ``text`` (words of ``quote``) say at least ``NEW_WORDS`` content words, not of a source's credit
    (``_crediting``), that the question does not: by stem (``question_stems``: bridged into the quote's language;
    ``_stem_repeats``) or, given the multilingual encoder ``aligner`` (a quote in the other language), by meaning
    (``nearest_words``: the bridge misses most words, "forcefully" / "بقوة"). True for no question: nothing is known asked."""
    if not question.strip():
        return True
    asked, at = question_stems(question, quote, lexicon), max(quote.find(text), 0)
    parties = [(a.party_start, a.party_end) for a in extract_attributions(quote) if a.party_start is not None]
    new = []
    for m in _TOKEN.finditer(text):
        stems = bm25_tokens(m.group(0))
        if stems and not _is_function(m.group(0)) and not _crediting(at + m.start(), m.group(0), parties):
            new += [m.group(0)] if not any(_stem_repeats(x, asked) for x in stems) else []
    if aligner is not None and len(new) >= NEW_WORDS:
        near = nearest_words(new, [w for w in naming_words(question) if normalize_arabic(w).lower() not in _ASKING], aligner)
        new = [w for w in new if w not in near]
    return len(new) >= NEW_WORDS


def quoting(text: str) -> bool:
    """Does ``text`` open a quotation it does not close: more opening than closing guillemets or curly quotes, or an odd
    number of straight double quotes the last of which opens words ('أمله "بتحرير كل سورية')? Then the clause stops inside
    the quoted words, which go on past the comma. A straight quote ending the text closes words opened before it."""
    straight = text.count('"') % 2 == 1 and bool(text.rsplit('"', 1)[1].strip())
    return straight or text.count("«") > text.count("»") or text.count("“") > text.count("”")


# ---------------------------------------------------------------- candidates


def _text_value(words: str, lang: str) -> Value:
    """A generic span: verbatim; quoted as a unit when it is in the other script than the reader's."""
    shown = line_clause(words)
    if lang == "en" and ARABIC_LETTER.search(words):
        shown = f"«{shown}»"
    return Value(words, normalize_arabic(words), shown)


def _person_value(text: str, lang: str) -> Value:
    shown = romanise(text) if lang == "en" and ARABIC_LETTER.search(text) else text
    return Value(text, normalize_arabic(text), shown)


def _is_function(word: str) -> bool:
    folded = normalize_arabic(word).lower()
    return folded in _FUNCTION or (len(folded) > 2 and under_proclitic(folded, _FUNCTION))


def _clauses(quote: str) -> list[tuple[int, int]]:
    """Spans between punctuation, trimmed of spaces."""
    out, start = [], 0
    for m in [*_CLAUSE_BREAK.finditer(quote), None]:
        end = m.start() if m else len(quote)
        piece = quote[start:end]
        s = start + len(piece) - len(piece.lstrip())
        e = start + len(piece.rstrip())
        if e > s:
            out.append((s, e))
        start = m.end() if m else end
    return out


def candidates(
    question: str, quote: str, anchor: date | None, lang: str, lexicon: Lexicon | None = None, aligner: Embeddings | None = None
) -> list[Candidate]:
    """Every value the readers find in ``quote``, plus word runs and clauses the question does not repeat
    (``aligner``: the evidence encoder, which vets an English name of an Arabic counted noun)."""
    found: list[Candidate] = []
    times = resolve_times(quote, anchor, detect_language(quote))
    for m in times:
        if not is_dateline(quote, m):  # when the report was filed, not when what it reports happened
            found.append(Candidate("date", m.start, m.end, _time_value(m, lang), grain=m.granularity))
    for q in [*find_quantities(quote), *find_duals(quote)]:
        found.append(Candidate("number", q.start, q.end, _quantity_value(q, lang, aligner), q.unit_key))
    for y in find_years(quote):
        if not any(m.start <= y.start < m.end for m in times):
            found.append(Candidate("date", y.start, y.end, _time_value(y, lang), grain=y.granularity))
    for p in find_places(quote):
        value = Value(p.text, p.id, place_label(p.id, lang))
        found.append(Candidate("place", p.start, p.end, value, demonym=p.via == "demonym", grain=p.kind))
    for n in named_persons(quote):  # a name, not a role alone ("وزير الدفاع") nor a description ("مصدر عسكري")
        found.append(Candidate("person", n.start, n.end, _person_value(n.text, lang)))
    asked = question_stems(question, quote, lexicon)
    for cs, ce in _clauses(quote):
        toks = list(_TOKEN.finditer(quote, cs, ce))
        if not toks:
            continue
        found.append(Candidate("clause", cs, ce, _text_value(quote[cs:ce], lang)))
        fresh = [not (set(bm25_tokens(t.group(0))) & asked) for t in toks]
        for i in range(len(toks)):
            if not fresh[i] or _is_function(toks[i].group(0)):
                continue
            for j in range(i, min(i + MAX_SPAN_WORDS, len(toks))):
                if not fresh[j]:
                    break
                if _is_function(toks[j].group(0)):
                    continue
                s, e = toks[i].start(), toks[j].end()
                if (s, e) != (cs, ce):
                    found.append(Candidate("span", s, e, _text_value(quote[s:e], lang)))
    return found


# ---------------------------------------------------------------- features and the learned chooser


SPAN_FEATURES: tuple[str, ...] = (
    *(f"{k}@{q}" for q in QUESTION_KINDS for k in CANDIDATE_KINDS),
    "repeat",
    "any_repeat",
    "words",
    "share",
    "position",
    "distance",
    "no_anchor",
    "after_anchor",
    "bounded",
    "outlet_head",
    "person_speaker",
    "q_cover",
    "q_cover@clause",
    "words@clause",
    "words@span",
    "repeat@span",
    "distance@typed",
    "named_in_question",
)


def cased(question: str) -> str:
    """A question typed all in lower case with its words capitalised, else as it is. Why: the English place and
    demonym readers read capitalised names ("Syria", "Iranian"); typed "push iran out of syria", the question named
    no place, so the chooser answered a "which country" question with a country the question itself names."""
    return question.title() if question == question.lower() and re.search(r"[a-z]", question) else question


def named_places(question: str) -> frozenset[str]:
    """The ids of the places a question names, typed capitalised or not (``cased``)."""
    return frozenset(p.id for text in dict.fromkeys((question, cased(question))) for p in find_places(text))


@dataclass(frozen=True)
class _Sentence:
    """What every candidate of one (question, sentence) pair is measured against."""

    asked: frozenset[str]
    qkind: str
    n_words: int
    anchors: tuple[int, ...]  # indices of sentence words the question also has
    word_starts: tuple[int, ...]
    word_ends: tuple[int, ...]
    speakers: tuple[tuple[int, int], ...]  # party spans of reporting verbs
    named: frozenset[str]  # places (ids, English demonyms too) and persons (folded names) the question itself names


def _sentence(question: str, quote: str, lexicon: Lexicon | None) -> _Sentence:
    asked = question_stems(question, quote, lexicon)
    toks = list(_TOKEN.finditer(quote))
    anchors = tuple(i for i, t in enumerate(toks) if set(bm25_tokens(t.group(0))) & asked)
    speakers = tuple(
        (a.party_start, a.party_start + len(a.party)) for a in extract_attributions(quote) if a.party and a.party_start is not None
    )
    named = (
        named_places(question)
        | frozenset(p for w in _LETTERS.findall(cased(question)) if (p := demonym_country(w)))  # "the Iranian-Syrian deal" names both
        | frozenset(normalize_arabic(n.text) for n in (*named_persons(question), *persons_asked_about(question, quote)))
    )
    return _Sentence(
        asked,
        question_kind(question) or "none",
        max(len(toks), 1),
        anchors,
        tuple(t.start() for t in toks),
        tuple(t.end() for t in toks),
        speakers,
        named,
    )


def _features(c: Candidate, s: _Sentence, quote: str) -> list[float]:
    kinds = [1.0 if (c.kind == k and s.qkind == q) else 0.0 for q in QUESTION_KINDS for k in CANDIDATE_KINDS]
    words = [w for w in _TOKEN.findall(quote[c.start : c.end])]
    stems = [set(bm25_tokens(w)) for w in words]
    repeated = sum(1 for st in stems if st & s.asked)
    cover = len(s.asked & set().union(*stems)) / max(len(s.asked), 1)
    first = next((i for i, e in enumerate(s.word_ends) if e > c.start), s.n_words - 1)
    last = max(first, next((i for i in range(len(s.word_starts) - 1, -1, -1) if s.word_starts[i] < c.end), first))
    outside = [a for a in s.anchors if a < first or a > last]
    distance = min((first - a if a < first else a - last for a in outside), default=s.n_words)
    after = any(0 < first - a <= 3 for a in outside)
    before_ok = c.start == 0 or bool(_CLAUSE_BREAK.match(quote[c.start - 1])) or quote[: c.start].rstrip()[-1:] in '،,;؛:(«"“'
    after_ok = c.end >= len(quote.rstrip(" .")) or quote[c.end :].lstrip()[:1] in '،,;؛:.)»"”'
    head = normalize_arabic(words[0]).lower() if words else ""
    speaker = any(a < c.end and c.start < b for a, b in s.speakers)
    return [
        *kinds,
        repeated / max(len(words), 1),
        float(repeated > 0),
        math.log1p(len(words)),
        len(words) / s.n_words,
        first / s.n_words,
        math.log1p(distance),
        float(not s.anchors),
        float(after),
        float(before_ok and after_ok),
        float(head in _OUTLET),
        float(c.kind == "person" and speaker),
        cover,
        cover * (c.kind == "clause"),
        math.log1p(len(words)) * (c.kind == "clause"),
        math.log1p(len(words)) * (c.kind == "span"),
        repeated / max(len(words), 1) * (c.kind == "span"),
        math.log1p(distance) * (c.kind in ("date", "number", "person", "place")),
        float(c.kind in ("place", "person") and c.value.normalized in s.named),  # the answer is not what is asked about
    ]


def span_features(question: str, quote: str, cands: list[Candidate], lexicon: Lexicon | None = None) -> np.ndarray:
    """One row of ``SPAN_FEATURES`` per candidate (``lexicon``: the bridge to use; None: the shipped one)."""
    s = _sentence(question, quote, lexicon)
    return np.array([_features(c, s, quote) for c in cands], dtype=float).reshape(len(cands), len(SPAN_FEATURES))


@lru_cache(maxsize=2)
def load_span_model(path: Path = SPAN_PATH) -> Ranker | None:
    """The trained chooser, or None before ``bench.spans --train`` wrote one (then the kind readers decide)."""
    return read_model(path, SPAN_FEATURES)


def _typed(kind: str) -> str:
    return kind if kind in ("date", "number", "person", "place") else "clause"


@lru_cache(maxsize=1024)
def counted_nouns(question: str, quote: str = "", lexicon: Lexicon | None = None, aligner: Embeddings | None = None) -> frozenset[str]:
    """The question's words as counted nouns (``unit_key``): "كم عدد قتلى ..." names "قتل".

    Over a quote in the other language, also the question's words in that language (the learned bridge,
    ``question_stems``' reason): "How many people were killed ...?" names "قتل" in "844 قتيلا", so the count of
    the killed competes, not the quake's "7.5 درجة" that a chooser judging position and shape may prefer; and, given
    the evidence encoder (``aligner``), the quote's counted nouns it puts next to a question word
    (``bot.evidence.aligned_units``): the bridge takes "people" to "الناس", never to the "شخصا" news counts in.
    Cached: the chooser (``read_value``) and ``counts_asked`` ask it of each quote, each time aligning its nouns.
    """
    words = _TOKEN.findall(question)
    if not quote or detect_language(question) == detect_language(quote):
        return frozenset(unit_key(w) for w in words)
    words += _TOKEN.findall(bridge_text(question, lexicon))
    aligned = (
        aligned_units(question, [quote], aligner, mutual=counted_words(question) or naming_words(question))
        if aligner is not None
        else frozenset()
    )
    return frozenset(unit_key(w) for w in words) | aligned


@lru_cache(maxsize=1024)
def asked_deeds(question: str, quote: str = "", lexicon: Lexicon | None = None, aligner: Embeddings | None = None) -> frozenset[str]:
    """The deeds a count question counts (``language.numbers.deed_key``, light stems: "كم شخصا أصيبوا" →
    the injured), read as ``counted_nouns`` reads its nouns: its own words and, over a quote in the other language,
    their bridge and the quote's deed words the evidence encoder puts next to them ("wounded" / "أصيب": the bridge
    knows "injured" only). Cached: one answer asks it of each quote up to three times (the deed filter, the tiers,
    the lower-ranked quotes), each time aligning words through the encoder."""
    words = [w for w in _TOKEN.findall(question) if not _is_function(w)]
    if quote and detect_language(question) != detect_language(quote):
        words += [w for w in _TOKEN.findall(bridge_text(question, lexicon)) if not _is_function(w)]
        if aligner is not None:
            told = [w for w in _TOKEN.findall(quote) if deed_key(normalize_arabic(w))]
            words += [w for found in nearest_words(naming_words(question), told, aligner).values() for w in found]
    return frozenset(k for w in words if (k := deed_key(normalize_arabic(w))))


@lru_cache(maxsize=1024)
def figure_deeds(quote: str) -> Mapping[str, frozenset[str]]:
    """Each figure of a quote (its words) -> the deeds its clause states of it (``bot.claims.Claim.deeds``: "قتل 23
    شخصا وأصيب 40 آخرون" → 23: the killed, 40: the injured). Cached, so read-only."""
    return {c.value: c.deeds for c in extract_claims(Evidence(0, "", quote, None, None)) if c.slot == "number"}


def deed_fit(asked: frozenset[str], told: frozenset[str]) -> int:
    """How a figure's deeds (``figure_deeds``) answer the deeds a question counts (``asked_deeds``): 2 it states one
    of them, 0 it states a deed news sets beside them (``bot.conflicts.deeds_contrast``: the killed for the injured),
    1 it says nothing either way."""
    if not asked or not told:
        return 1
    return 2 if deeds_shared(told, asked) else 0 if deeds_contrast(told, asked) else 1


def of_deeds_asked(
    question: str, quote: str, cands: list[Candidate], lexicon: Lexicon | None = None, aligner: Embeddings | None = None
) -> list[Candidate]:
    """The figures that fit the deed the question counts best (``deed_fit``), never one of another deed, and the
    other candidates. Why: "how many were wounded?" over "قتل 23 شخصا وأصيب 40 آخرون" was answered 23: the killed
    are counted in the noun the question names, the injured in "others"."""
    asked = asked_deeds(question, quote, lexicon, aligner)
    if not asked:
        return cands
    told = figure_deeds(quote)
    fit = {i: deed_fit(asked, told.get(c.value.words, frozenset())) for i, c in enumerate(cands) if c.kind == "number"}
    best = max((f for i, f in fit.items() if not cands[i].value.vague), default=max(fit.values(), default=0))
    # a vague count of the deed stays beside a figure that says nothing of it: a figure still wins (``best_candidate``)
    return [c for i, c in enumerate(cands) if c.kind != "number" or fit[i] > 0 and (fit[i] >= best or c.value.vague)]


#: Most words between a person's name and a span of years said of them ("زينب الأنصاري البالغة 7 أعوام", "Mary Jones, was 12").
APPOSED_WORDS = 3


def of_persons_asked(question: str, quote: str, cands: list[Candidate]) -> list[Candidate]:
    """For a question of a span of time naming a person ("how old was X", "كم عمر X"), the spans of years the quote
    sets right after that person's name (``APPOSED_WORDS``), where there are any; else every candidate. Only years:
    a name is followed by hours and days that are no age ("تكليفه بعد ساعتين من ..." beside a deadline of 30 days).

    Why: a court report gives the ages of the accused and of the victim in one sentence ("sentenced A, aged 24, for
    killing B, aged 7"); the chooser, judging position and shape, took the first age whoever it was said of."""
    if "duration" not in asked_kinds_of_measure(question):
        return cands
    names = persons_asked_about(question, quote)
    said = {
        i
        for i, c in enumerate(cands)
        if c.kind == "number"
        and time_units().get(c.unit_key or "") == "duration-year"
        and any(m.end <= c.start and len(_TOKEN.findall(quote[m.end : c.start])) <= APPOSED_WORDS for m in names)
    }
    return [c for i, c in enumerate(cands) if c.kind != "number" or i in said] if said else cands


#: Words ahead of a name that may be its title ("أكد مدير مكتب شبكة الجزيرة في إيران عبدالقادر فايز": six), and behind
#: it when a comma sets them in apposition ("Hatami, the Iranian defence minister, said").
TITLE_BEFORE, TITLE_AFTER = 6, 3
#: USE-m3 cosine from which a title word in the other language states the office asked ("minister"/"وزير" 0.93,
#: "chief"/"رئيس" 0.76, "ambassador"/"سفير" 0.72; "minister"/"رئيس" 0.49, "spokesman"/"قائد" 0.37).
OFFICE_SAID = 0.6
_APPOSED = re.compile(r"\s*[،,]")


def name_title(quote: str, start: int, end: int, names: list[tuple[int, int]]) -> str:
    """The words of ``quote`` that may title the name at ``start:end``: up to ``TITLE_BEFORE`` ahead of it, and up to
    ``TITLE_AFTER`` behind it after a comma; never past another name of ``names`` (spans), whose own title they are
    ("لقاء وزير الدفاع الإيراني حاتمي مع رئيس الأركان السوري أيوب": Ayoub's title is the chief of staff's)."""
    since = max((e for s, e in names if e <= start), default=0)
    until = min((s for s, e in names if s >= end), default=len(quote))
    ahead = _TOKEN.findall(quote[since:start])[-TITLE_BEFORE:]
    behind = _apposition(_TOKEN.findall(quote[end:until])[:TITLE_AFTER]) if _APPOSED.match(quote, end) else []
    return " ".join(ahead + behind)


_ARTICLES = frozenset({"the", "a", "an"})
_OFFICE_HEADS = frozenset(normalize_arabic(w) for w in (*OFFICES_AR, *HONORIFICS_AR))


def _apposition(words: list[str]) -> list[str]:
    """The words after a name's comma up to the first that opens something else: a function word other than an
    article ("Hatami, the Iranian defence minister", not "حاتمي، مع نظيره"), or a word joined by the conjunction
    ("باقري، ووزير الدفاع السوري": the next party, with its own title)."""

    def other(w: str) -> bool:
        folded = normalize_arabic(w).lower()
        joined = folded.startswith("و") and (folded[1:3] == "ال" or folded[1:] in _OFFICE_HEADS)
        return joined or (_is_function(w) and folded not in _ARTICLES)

    return list(takewhile(lambda w: not other(w), words))


def office_stated(office: str, title: str, lexicon: Lexicon | None = None, aligner: Embeddings | None = None) -> bool:
    """Does ``title`` state ``office`` (``language.lexicon.asked_office``)? By a form of it, in its language or through
    the learned lexicon; in the other language, also by the multilingual encoder's closest word (``OFFICE_SAID``):
    the lexicon takes "minister" to "وزراء" and "chief" nowhere."""
    if (lexicon or load_lexicon()).forms(office) & set(bm25_tokens(title)):
        return True
    words = [w for w in _LETTERS.findall(title) if not _is_function(w)]
    if aligner is None or not words or detect_language(title) == detect_language(office):
        return False
    return float((word_vectors([office], aligner) @ word_vectors(words, aligner).T).max()) >= OFFICE_SAID


def asked_title(question: str) -> tuple[str, ...]:
    """The words a name's title must state to answer a question asking by office: the office (``asked_office``) and
    the minister's portfolio it names (``language.names.asked_portfolio``: "the foreign minister"); () for none."""
    office = asked_office(question)
    return () if office is None else (office, *filter(None, [asked_portfolio(question)]))


def title_states(asked: tuple[str, ...], title: str, lexicon: Lexicon | None = None, aligner: Embeddings | None = None) -> bool:
    """Does ``title`` state every word of the office asked (``asked_title``, ``office_stated``)?"""
    return all(office_stated(w, title, lexicon, aligner) for w in asked)


def titled_as_asked(
    question: str, quote: str, cands: list[Candidate], lexicon: Lexicon | None = None, aligner: Embeddings | None = None
) -> frozenset[int]:
    """The persons among ``cands`` (indices) whose title (``name_title``) states the office the question asks by
    (``asked_office``: "which minister", "من هو سفير ..."); none for a question asking by no office.

    Why: a sentence naming the office holder asked for names others too ("وقع رئيس الأركان الإيراني باقري اتفاقية مع
    وزير الدفاع السوري أيوب"); judging position and shape, the chooser gave the chief of staff to "which minister"."""
    asked = asked_title(question)
    if not asked:
        return frozenset()
    names = [(c.start, c.end) for c in cands if c.kind == "person"]
    return frozenset(
        i
        for i, c in enumerate(cands)
        if c.kind == "person" and title_states(asked, name_title(quote, c.start, c.end, names), lexicon, aligner)
    )


def quoted_title(quote: str, words: str) -> str:
    """The title (``name_title``) of the name ``words`` where ``quote`` writes it; "" where it does not."""
    at = quote.find(words) if words else -1
    return name_title(quote, at, at + len(words), [(n.start, n.end) for n in named_persons(quote)]) if at >= 0 else ""


def told_as_age(quote: str, start: int, end: int, unit: str | None) -> bool:
    """Is the figure at ``start``:``end`` of ``quote``, counting ``unit``, a span of years told as a person's age
    ("البالغ من العمر 57 عاما", "(48 عاما)", "aged 81": ``language.numbers.reads_as_age``)? Only years: the cues
    also head other figures ("أسفر عن 12 قتيلا", "ما يناهز 40 كيلومترا"), and ``reads_as_age`` leaves the unit to us."""
    return time_units().get(unit or "") == "duration-year" and reads_as_age(quote[:start], quote[end:])


def states_age(quote: str, value: Value) -> bool:
    """Does ``quote`` tell ``value`` (a figure read from it) as a person's age, wherever in the quote it stands?"""
    return any(
        q.text == value.words and told_as_age(quote, q.start, q.end, q.unit_key) for q in [*find_quantities(quote), *find_duals(quote)]
    )


def told_as_start(quote: str, start: int, end: int) -> bool:
    """Is the date at ``start``:``end`` of ``quote`` told as the start of a period: a start word ("منذ", "since", under
    a proclitic: "ومنذ") in it or before it in its clause ("ومنذ بدء الحرب في سوريا في مارس عام 2011")?"""
    clause = _COARSE_BREAK.split(quote[:end])[-1]
    return any(under_proclitic(w, SINCE_WORDS) or w in SINCE_WORDS for w in (normalize_arabic(t).lower() for t in _TOKEN.findall(clause)))


def of_starts_asked(question: str, quote: str, cands: list[Candidate]) -> list[Candidate]:
    """For a question asking since when (``language.lexicon.asks_since``), the dates the quote tells as a start
    (``told_as_start``), where there are any. Why: "since when" over "خلال الأشهر الماضية تعرضت مواقع لغارات … ومنذ
    بدء الحرب في مارس 2011 شنت غارات" was answered "in recent months", a stretch of the period, not its start."""
    if not asks_since(question):
        return cands
    return [c for c in cands if c.kind == "date" and told_as_start(quote, c.start, c.end)] or cands


def of_ages_asked(question: str, quote: str, cands: list[Candidate]) -> list[Candidate]:
    """For a question of a person's age (``asks_age``), the figures the quote tells as an age, where there are any.
    Why: a profile gives a politician's age beside the years of a career ("ruled for 22 years", "about six decades in
    the party"), and the chooser took whichever span of years came first."""
    if not asks_age(question):
        return cands
    aged = [c for c in cands if c.kind == "number" and told_as_age(quote, c.start, c.end, c.unit_key)]
    return [c for c in cands if c.kind != "number" or c in aged] if aged else cands


#: A figure in brackets right after another ("222 مليون يورو (273.39 مليون دولار)", "10 miles (16 km)").
_BRACKETED = re.compile(r"\s*[(\[]\s*$")


def unconverted(quote: str, cands: list[Candidate]) -> list[Candidate]:
    """The candidates less each figure in brackets right after a figure of the same kind of measure: a conversion
    the writer added for the reader (another currency, another unit), not what the source said. Why: with both
    figures of one quote counted, "How much did the club pay?" was answered with the dollar sum in brackets."""
    figures = [c for c in cands if c.kind == "number" and c.value.measure is not None]
    converted = {
        id(b)
        for a in figures
        for b in figures
        if a.end <= b.start and a.value.measure == b.value.measure and _BRACKETED.fullmatch(quote[a.end : b.start])
    }
    return [c for c in cands if id(c) not in converted]


#: How many characters before a figure ``unreferenced`` reads: the marker and a figure with its noun before it.
REFERENCE_REACH = 40


def unreferenced(question: str, quote: str, cands: list[Candidate]) -> list[Candidate]:
    """The candidates less each figure stated as a point of reference for another (``refers_to_another``: a level
    compared with, the size of a change, a tally's other side), unless the question asks a change or the other side
    (``asks_change``) or no other figure is left: "How many were unemployed" over "بلغ 3.309 مليون بانخفاض 282 ألفا"
    is 3.309 million, "how many votes did the bill win" over "بغالبية 25 صوتا مقابل 20" is 25."""
    if asks_change(question):
        return cands
    kept = [c for c in cands if c.kind != "number" or not refers_to_another(quote[max(0, c.start - REFERENCE_REACH) : c.start])]
    return kept if any(c.kind == "number" for c in kept) else cands


def of_wholes(quote: str, cands: list[Candidate], counted: frozenset[str]) -> list[Candidate]:
    """The candidates less each figure counting part of a group the quote counts (``bot.claims.names_a_part``: "قتل 35
    مقاتلا بينهم 9 روس", "16 wounded, including 5 soldiers"), unless it counts a noun the question names
    (``counted``, ``counted_nouns``) and no other figure does: "how many soldiers were wounded" over "إصابة 23 شخصا
    بينهم 4 جنود" is 4. Why: a question naming the group's noun asks its total; the chooser, judging position and
    shape, took the part after "بينهم", the figure closest to the question's other words."""
    parts = {id(c) for c in cands if c.kind == "number" and names_a_part(quote, c.start, c.end)}
    if not parts:
        return cands
    whole_asked = any(c.unit_key in counted for c in cands if c.kind == "number" and id(c) not in parts)
    kept = [c for c in cands if id(c) not in parts or (c.unit_key in counted and not whole_asked)]
    return kept if any(c.kind == "number" for c in kept) else cands


#: Kinds of measure a figure shows by its own words (a currency, "%", "في المئة"), so that a figure without them is
#: surely no answer: a length read for a speed asked ("250 كيلومترا" of "250 كيلومترا في الساعة") still answers.
SELF_EVIDENT_MEASURES = frozenset({"money", "percent"})


def of_sum_or_share_asked(question: str, cands: list[Candidate]) -> list[Candidate]:
    """For a question of a sum or a share ("How much did X pay", "ما نسبة المشاركة"), only the figures of that kind:
    none where the quote has none, so that the answer is "the collection does not say" rather than another figure of
    the story ("the turnout" answered "10 million votes", "how much did exports bring in" answered "2 months").
    A question counting things asks no share: "how many people were unemployed" is not answered "12.4%"."""
    asked = asked_kinds_of_measure(question) & SELF_EVIDENT_MEASURES
    if asked:
        return [c for c in cands if c.kind != "number" or c.value.measure in asked]
    if counts_things(question):
        return [c for c in cands if c.kind != "number" or c.value.measure != "percent"]
    return cands


def states_deed_asked(question: str, cv: tuple[Citation, Value], lexicon: Lexicon | None = None, aligner: Embeddings | None = None) -> bool:
    """Does a quote's figure state the deed the question counts (``deed_fit`` 2)? Such quotes answer first: "إصابة
    16 شخصا" over another quote's "مقتل 25 شخصا", both counted in the noun asked."""
    c, v = cv
    return deed_fit(asked_deeds(question, c.quote, lexicon, aligner), figure_deeds(c.quote).get(v.words, frozenset())) == 2


def asked_spans(question: str) -> frozenset[str]:
    """The CLDR units of time a count question counts in ("for how many minutes", "كم دقيقة" → duration-minute), read
    from its own words: the bridge's are guesses ("senior" bridges to "عام")."""
    return frozenset(
        span
        for m in _COUNTED.finditer(normalize_arabic(question).lower())
        for w in m.groups()
        if w and (span := time_units().get(unit_key(w)))
    )


def counts_asked(
    question: str, citation: Citation, value: Value, lexicon: Lexicon | None = None, aligner: Embeddings | None = None
) -> bool:
    """Whether a figure counts a noun the question names (``counted_nouns``, across languages through the bridge),
    or is of the kind of measure it asks for (``asked_kinds_of_measure``: "what age" is a span of years, "how heavy" a mass).

    Why: the first quote holding a number may count something else ("a 7.5-degree quake" above "844 killed"
    for "how many were killed?"); the figure of what is asked, a quote further down, is the answer.
    """
    if value.measure is not None and value.measure in asked_kinds_of_measure(question):
        return True
    asked = counted_nouns(question, citation.quote, lexicon, aligner)
    return any(unit_key(w) in asked for w in _TOKEN.findall(value.words) if not w.isdigit()) or _stands_for(citation.quote, value) in asked


def _stands_for(quote: str, value: Value) -> str | None:
    """The noun key a figure of "others" counts (``bot.claims.others_noun``): "قتل 12 شخصا وأصيب 31 آخرون" — the 31
    wounded are people. Why: "how many people were wounded" counted no noun in "31 آخرون", so a count of people
    killed elsewhere in the quotes answered it."""
    quantities = find_quantities(quote)
    q = next((q for q in quantities if q.text == value.words), None)
    return others_noun(q, quantities) if q is not None else None


def _counted(question: str) -> list[str]:
    """The folded words a count question names as what it counts (``_COUNTED``): "how many missiles" → "missiles"."""
    return [w for m in _COUNTED.finditer(normalize_arabic(question).lower()) for w in m.groups() if w]


def counts_things(question: str) -> bool:
    """Does a count question name what it counts (``_COUNTED``), and is that no unit of time (CLDR's, ``time_units``)?
    "how many people", "كم عدد الركاب" do; "how many days", "كم عاما", "كم مدة", "كم عمره", "how long", "كم استمرت"
    (a verb: maybe a stretch of time) do not."""
    counted = _counted(question)
    return bool(counted) and not any(unit_key(w) in time_units() or w.startswith(_SPAN_NOUNS) for w in counted)


def counted_words(question: str) -> list[str]:
    """The question's words (as written, ``naming_words``) that name what it counts (``_counted``), less the nouns that
    name a tally rather than a thing ("toll": ``_KIND_NOUNS``): "How many MPs voted" → ["MPs"].

    Why: matched both ways across languages (``mutual_counted``), every content word of the question competed for
    the quote's nouns, so a verb or a topic word took one it does not count ("killed" / "22 ألف مصاب", "strikes" /
    "28 مقاتلة") and that figure was taken for the count asked; the noun after "how many" says what is counted."""
    counted = {w for w in _counted(question) if w not in _KIND_NOUNS}
    return [w for w in naming_words(question) if normalize_arabic(w).lower() in counted]


def names_kind_of_place(question: str) -> bool:
    """Does a place question name the kind of place it asks for ("which country", "من أي بلد", "ما المناطق"), rather than
    ask "where"? Only then may an adjective answer it ("Iraqi militias": Iraq), and only where the quote names no place by
    its name (``best_candidate``); "where" is answered by a place's name, and the adjectives around it describe people and forces
    ("the Iranian chief of staff said ... in Syria")."""
    words = {normalize_arabic(w).lower() for w in _TOKEN.findall(question)}
    return bool(PLACE_NOUNS & (words | {w.removeprefix("ال") for w in words}))


#: Nouns asking for a country, folded Arabic and English; the other nouns of ``PLACE_NOUNS`` below a country
#: (``_TOWN_NOUNS``) ask for a city or province. Neither: "place", "region", "state", "continent".
_COUNTRY_NOUNS = frozenset("country countries nation nations دوله دول بلد بلدان بلاد".split())
_TOWN_NOUNS = frozenset(
    "city cities town towns village villages capital province provinces governorate governorates district districts "
    "مدينه مدن عاصمه قريه قري محافظه محافظات".split()
)


def asked_place_grains(question: str) -> tuple[str, ...]:
    """The kind of place (``language.places``' "country" or "city", a province being one) a question naming it asks
    for ("which country", "ما المحافظة", "what city"); () when it names neither or both.

    Why: a news sentence names a country and its provinces together ("... in Syria, in the provinces of Hama and
    Suwayda"); the chooser, judging position and shape, answered "which province" with the country and "which
    country" with a city of the one asked for."""
    words = {normalize_arabic(w).lower() for w in _TOKEN.findall(question)}
    words |= {w.removeprefix("ال") for w in words}
    country, town = bool(words & _COUNTRY_NOUNS), bool(words & _TOWN_NOUNS)
    return ("country",) if country and not town else ("city",) if town and not country else ()


#: "from" in the question's and the quote's language: the origin a "من أي بلد" / "from which country" question asks for.
_FROM = frozenset(("من", "from"))


def origin_noun(question: str) -> str | None:
    """The noun whose country of origin a "from which country" question asks (folded), or None: the definite noun after
    "من أي بلد" and its verb ("من أي بلد جاءت الميليشيات"), the one before it ("الميليشيات من أي بلد", "militias from
    which country"), or the one after "which country's". Only "from": "which country did the minister visit" asks
    where he went, not where he is from."""
    words = [normalize_arabic(w).lower() for w in _TOKEN.findall(question)]
    for i, w in enumerate(words[1:], 1):
        head = w.removesuffix("'s").removesuffix("’s")
        if words[i - 1] not in ("اي", "which", "what") or head not in PLACE_NOUNS:
            continue
        if head != w:  # "which country's militias"
            return next((x for x in words[i + 1 :] if x not in _FUNCTION), None)
        if i < 2 or words[i - 2] not in _FROM:
            continue
        if i >= 3 and words[i - 3] not in _FUNCTION:  # "militias from which country", "الميليشيات من أي بلد"
            return words[i - 3]
        after = (
            x for x in words[i + 1 : i + 4] if x.startswith("ال") and len(x) > 3 or x.isascii() and x not in _FUNCTION | AUXILIARIES_EN
        )
        return next(after, None)  # "من أي بلد جاءت الميليشيات", "from which country did the volunteers come"
    return None


def origin_places(quote: str, noun_keys: frozenset[str]) -> list[tuple[int, int, str]]:
    """Where ``quote`` says the origin of a noun whose light stem (``unit_key``) is in ``noun_keys``: the nationality adjective
    next to it (after it in Arabic, "الميليشيات العراقية", before it in English, "Iraqi militias": two words at most, no
    comma between; "الحرس الثوري الإيراني والميليشيات" says nothing of the militias) or the place named right after
    it and "من"/"from" ("militias from Iraq"); (start, end, place id) in quote order. English adjectives are read by
    ``language.names.demonym_country`` (the place reader reads Arabic ones)."""
    toks = list(_TOKEN.finditer(quote))
    places = [(p.start, p.end, p.id, p.via == "demonym") for p in find_places(quote)]
    places += [(t.start(), t.end(), c, True) for t in toks if t.group(0).isascii() and (c := demonym_country(t.group(0)))]
    found = []
    for start, end, place, adjective in sorted(places):
        at = next((i for i, t in enumerate(toks) if t.start() <= start < t.end()), None)
        if at is None:
            continue
        if adjective:  # Arabic writes the adjective after its noun, English before
            near = [j for j in ((at + 1, at + 2) if toks[at].group(0).isascii() else (at - 1, at - 2)) if 0 <= j < len(toks)]
        else:
            near = [at - 2] if at >= 2 and toks[at - 1].group(0).lower() in _FROM else []
        joined = [j for j in near if not _CLAUSE_BREAK.search(quote, toks[min(j, at)].end(), toks[max(j, at)].start())]
        if any(unit_key(toks[j].group(0)) in noun_keys for j in joined):
            found.append((start, end, place))
    return found


def asked_origin(question: str, citations: list[Citation], lang: str, lexicon: Lexicon | None = None) -> tuple[Citation, Value] | None:
    """For a "from which country" question (``origin_noun``), the first place (rank order, however far down) a quote
    says that noun comes from (``origin_places``) that the question does not name; None otherwise.

    Why: a news sentence names several nationalities ("غارات إسرائيلية ... للحرس الثوري الإيراني وأذرعه من الميليشيات
    العراقية"); the one attached to the noun asked about answers, and an English question over that quote shares no other
    word with it, so the chooser read another adjective or the quote ranked under ``VALUE_RATIO``."""
    noun = origin_noun(question)
    if noun is None:
        return None
    keys = {unit_key(noun)} | {unit_key(w) for w in _TOKEN.findall(bridge_text(noun, lexicon))}
    named = named_places(question)
    for c in citations:
        for s, e, place in origin_places(c.quote, frozenset(keys - {""})):
            if place not in named:
                return c, Value(c.quote[s:e], place, place_label(place, lang))
    return None


#: The dates precise enough to say the day, month or year a question asks for: a day says its month and year.
_GRAINS = {"duration-day": ("day",), "duration-month": ("day", "month"), "duration-year": ("day", "month", "year")}


def asked_grains(question: str) -> tuple[str, ...]:
    """The date granularities that answer a question naming the unit it asks for right after its interrogative ("what day",
    "in which year", "أي يوم", "في أي شهر"; the unit words are CLDR's and dateparser's, ``time_units``); () otherwise.

    Why: "أي يوم وصل" over "وصل مساء الثلاثاء ... متواجد منذ أيام" was answered "for days" (a stretch before the
    article, closer to the question's words) instead of the day."""
    words = [normalize_arabic(w).lower() for w in _TOKEN.findall(question)]
    units = time_units()
    return next(
        (_GRAINS[u] for w, nxt in zip(words, words[1:]) if w in ("which", "what", "اي") and (u := units.get(unit_key(nxt))) in _GRAINS), ()
    )


def best_candidate(
    kind: str,
    cands: list[Candidate],
    X: np.ndarray,
    model: Ranker,
    counted: frozenset[str] = frozenset(),
    durations: bool = True,
    demonyms: bool = True,
    grains: tuple[str, ...] = (),
    measures: frozenset[str] = frozenset(),
    spans: frozenset[str] = frozenset(),
    titled: frozenset[int] = frozenset(),
) -> Candidate | None:
    """The best-scoring candidate of the kind asked for that the question does not itself name (a "which
    country" question naming one country asks for another); None when the quote holds no such candidate.
    Unless ``demonyms`` (the question names a kind of place, ``names_kind_of_place``), a place read from an adjective
    is no answer; with it, only where the quote names no place by its name ("the Russian-made dam lies near the border
    of Jordan": which country? Jordan, not Russia). A date question naming its unit (``asked_grains``) takes a date of
    that precision where there is one, a place question naming its kind (``asked_place_grains``) a place of that kind,
    a question asking by office a person whose title states it (``titled``: indices, ``titled_as_asked``).

    Where the question counts in a unit of time (``spans``: "for how many minutes"), only figures in that unit compete.
    Where the question names what it counts (``counted``) and the quote counts that noun, only those counts
    compete: "كم عدد قتلى ..." over "الحداد الوطني ليومين ... سقوط 107 قتلى" is 107, not the two days of
    mourning the chooser, judging position and shape, may prefer; so do the figures of the kind of measure a question
    of measure asks for (``measures``, ``asked_kinds_of_measure``: "how heavy" over "… 70 طنا … بتكلفة 90 مليون دولار" is
    the tonnes, not the cost), and before a figure of a noun the question names only by the way ("ما نسبة ... عام
    2016" is the share, not "20 عاما"); a figure before a vague count of the same ("عشرات"). Unless ``durations`` (the question names no
    counted thing but time, ``counts_things``), a count of time is no answer: "how many were on board?" over "crashed two
    days ago with 65 passengers on board" is 65, and over a quote with only "two days" no figure at all.
    """
    named = X[:, SPAN_FEATURES.index("named_in_question")]
    allowed = [i for i, c in enumerate(cands) if c.kind == kind and not named[i]]
    if kind == "number" and not durations:
        allowed = [i for i in allowed if cands[i].unit_key not in time_units()]
    by_name = [i for i in allowed if not cands[i].demonym]
    allowed = by_name if not demonyms else by_name or allowed
    if grains:
        allowed = [i for i in allowed if cands[i].grain in grains] or allowed
    allowed = [i for i in allowed if i in titled] or allowed
    if not allowed:
        return None
    by_noun = {i for i in allowed if cands[i].unit_key in counted}
    by_measure = {i for i in allowed if cands[i].value.measure in measures}
    by_span = {i for i in allowed if time_units().get(cands[i].unit_key or "") in spans}
    # the unit of time the question names ("for how many minutes": "15 دقيقة", not the player's "22 عاما"), then a
    # figure of the noun and the measure asked, then of the measure ("ما نسبة ... عام 2016": the share, not "20 عاما"
    # counting the year's noun), then of the noun
    allowed = sorted(next((tier for tier in (by_span, by_noun & by_measure, by_measure, by_noun) if tier), allowed))
    allowed = [i for i in allowed if not cands[i].value.vague] or allowed  # a figure over "dozens" of the same thing
    scores = model.scores(X)
    return cands[max(allowed, key=lambda i: scores[i])]


def in_countries(cands: list[Candidate], named: frozenset[str], lang: str) -> list[Candidate]:
    """The candidates with each city or province read as its country (``language.places``' containment), for a question
    asking which country; less the cities whose country or themselves the question names (``named``: "negotiate with
    Damascus" names Syria). Why: asked "which country will host the talks", a quote saying "Cairo will host them"
    answers Egypt; a city is no answer to it, and the chooser preferred one to the country named further on."""
    out = []
    for c in cands:
        if c.kind != "place" or c.grain != "city":
            out.append(c)
        elif (country := places()[c.value.normalized].country) not in named and c.value.normalized not in named:
            value = Value(c.value.words, country, place_label(country, lang))
            out.append(Candidate("place", c.start, c.end, value, demonym=c.demonym, grain="country"))
    return out


def within_named(cands: list[Candidate], named: frozenset[str]) -> list[Candidate]:
    """For a question asking where (not which country), the candidates less the places holding one the question names
    by name (``named``), and, where the quote names places inside one of them, less the places outside.

    Why: asked "apart from Deir ez-Zor, where else were they hit?", Syria, which holds Deir ez-Zor, tells nothing the
    question does not; asked "which areas of Syria did the raid hit?" over "the areas of Iran's presence in Syria, in
    the countryside of Hama", Iran is no area of Syria. A place named by its adjective ("the Iranian chief of staff")
    is who is asked about, not where: it bounds nothing."""
    inner = {v for c in cands if c.kind == "place" and (v := c.value.normalized) not in named and any(contains(n, v) for n in named)}

    def kept(c: Candidate) -> bool:
        v = c.value.normalized
        return c.kind != "place" or not (any(n != v and contains(v, n) for n in named) or (inner and v not in inner))

    return [c for c in cands if kept(c)]


def read_value(
    kind: str, question: str, quote: str, anchor: date | None, lang: str, lexicon: Lexicon | None = None, aligner: Embeddings | None = None
) -> Value | None:
    """The value of the kind asked for in ``quote``: the learned chooser's best candidate of that kind (or the
    hand readers' before a chooser is trained). A question of no kind gets a whole clause (``read_clause``):
    word runs chosen by the model held the gold answer less often in cross-validation (bench.spans). ``aligner``:
    the evidence encoder, which finds the quote's noun for the question's counted one (``counted_nouns``)."""
    if kind == "clause":
        return read_clause(question, quote, lexicon)
    model = load_span_model()
    if model is not None:
        grains = asked_grains(question) if kind == "date" else asked_place_grains(question) if kind == "place" else ()
        cands = candidates(question, quote, anchor, lang, lexicon, aligner)
        counted = counted_nouns(question, quote, lexicon, aligner)
        if kind == "number":
            cands = of_deeds_asked(question, quote, unreferenced(question, quote, unconverted(quote, cands)), lexicon, aligner)
            cands = of_wholes(
                quote, of_sum_or_share_asked(question, of_ages_asked(question, quote, of_persons_asked(question, quote, cands))), counted
            )
        if kind == "date":
            cands = of_starts_asked(question, quote, cands)
        if grains == ("country",):
            cands = in_countries(cands, named_places(question), lang)
        elif kind == "place":
            cands = within_named(cands, frozenset(p.id for text in {question, cased(question)} for p in find_places(text, demonyms=False)))
        if not cands:
            return None
        X = span_features(question, quote, cands, lexicon)
        chosen = best_candidate(
            kind,
            cands,
            X,
            model,
            counted,
            not counts_things(question),
            kind != "place" or names_kind_of_place(question),
            grains,
            asked_kinds_of_measure(question),
            asked_spans(question),
            titled_as_asked(question, quote, cands, lexicon, aligner) if kind == "person" else frozenset(),
        )
        return chosen.value if chosen else None
    if kind == "date":
        return read_date(quote, anchor, lang)
    if kind == "number":
        return read_number(quote, question)
    if kind == "person":
        return read_person(quote)
    return read_place(quote)


#: The most words of what a question sets aside: past them it goes on to what it asks.
SET_ASIDE_WORDS = 4


def set_aside(question: str) -> str:
    """The words a question sets aside as already told ("besides military support what else did they give" →
    "military support"), up to its next comma or interrogative, at most ``SET_ASIDE_WORDS``; "" for none."""
    m = SETTING_ASIDE.search(question.lower())
    words = _TOKEN.findall(m.group(1)) if m else []
    cut = next((i for i, w in enumerate(words) if normalize_arabic(w) in _ASKING), len(words))
    return " ".join(words[: min(cut, SET_ASIDE_WORDS)])


def besides_clause(
    question: str,
    read: list[tuple[Citation, Value]],
    chosen: Citation,
    lexicon: Lexicon | None = None,
    aligner: Embeddings | None = None,
) -> tuple[Citation, Value] | None:
    """For a question setting words aside (``set_aside``), the clause of the near quotes (``CLAUSE_RATIO``) repeating
    most of them, with the clause after it: the list they open goes on there ("قدمت دعما عسكريا للجيش، بالإضافة إلى
    مساعدات طبية" for "besides military support, what else"). Ties go to the quote the clause chooser took (``chosen``),
    then to rank. None when the question sets nothing aside or no clause repeats it.

    Why: the clause chooser takes the clause repeating the question, which is the part set aside, and cut it before
    the rest of the list, the answer."""
    told = set_aside(question)
    if not told:
        return None
    floor = CLAUSE_RATIO * read[0][0].score
    near = sorted((c for c, _ in read if c.score >= floor), key=lambda c: c.n != chosen.n)  # stable: rank order after
    pieces = {c.n: coarse_clauses(c.quote) for c in near}
    spans = [(c, clause) for c in near for clause in pieces[c.n]]

    def repeats(span: tuple[Citation, str]) -> int:
        return _repeated(told, span[0].quote, span[1], lexicon, _across(question, span[0].quote, aligner))

    scores = [repeats(s) for s in spans]
    best = max(range(len(spans)), key=lambda i: (scores[i], -i)) if spans else None
    if best is None or not scores[best]:
        return None
    c, clause = spans[best]
    start = c.quote.find(clause)
    after = pieces[c.n][pieces[c.n].index(clause) + 1 :]
    end = start + len(clause)
    if after and (at := c.quote.find(after[0], end)) + len(after[0]) - start <= MAX_CLAUSE_CHARS:
        end = at + len(after[0])
    words = c.quote[start:end]
    return c, Value(words, words, line_clause(words))


def _across(question: str, quote: str, aligner: Embeddings | None) -> Embeddings | None:
    """The aligner where the quote is in the other language than the question, else None: within one language the
    question's own words are matched, and the encoder's looser matches would only add noise."""
    return aligner if detect_language(question) != detect_language(quote) else None


def best_clause(
    question: str, read: list[tuple[Citation, Value]], lexicon: Lexicon | None = None, aligner: Embeddings | None = None
) -> tuple[Citation, Value]:
    """Of each quote's best clause (rank order), the one repeating most of the question's words, in either
    language (``question_stems``: an English question meets an Arabic quote through the bridge; given the
    multilingual encoder, ``said_words``), among the quotes the ranker finds at least ``CLAUSE_RATIO`` as likely to
    answer as the best one; ties go to the clause whose topic (``with_topic``) repeats more, then to rank.

    Why: the top-ranked sentence is often a headline or lead that names the topic, not the answer; among
    the quotes near the top, the clause repeating the question holds the answer more often. Out of fold on
    questions of no kind (bench.answers direct_right), against the top quote across languages and any quote
    in the question's language: ARCD 0.343 -> 0.356, XQuAD Arabic 0.496 -> 0.504, English 0.343 -> 0.362.
    """
    floor = CLAUSE_RATIO * read[0][0].score
    near = [(c, v) for c, v in read if c.score >= floor] or read[:1]
    question = claim_question(question)

    def repeats(cv: tuple[Citation, Value], words: str) -> int:
        return _repeated(question, cv[0].quote, words, lexicon, _across(question, cv[0].quote, aligner))

    return max(near, key=lambda cv: (repeats(cv, cv[1].words), repeats(cv, with_topic(cv[0].quote, cv[1].words)), -near.index(cv)))


def with_topic(quote: str, clause: str) -> str:
    """A clause of the quote (``coarse_clauses``) with the clause before it; the clause itself when it is the first or
    was cut to a line.

    Why: the chooser most often takes the clause right after the one repeating the question (the topic: "وأكد باقري،
    في مؤتمر صحفي" → what he affirmed), so that clause repeats little of the question, and between two quotes whose chosen
    clauses repeat as much, the one whose topic is the question's is the one answering it (``best_clause``'s tie-break)."""
    clauses = coarse_clauses(quote)
    if clause not in clauses or clauses.index(clause) == 0:
        return clause
    k = clauses.index(clause)
    return f"{clauses[k - 1]}، {clause}"


#: The count interrogatives, whose bridge ("كم عدد") any quote of a figure may repeat without repeating the question.
_COUNTING = "how many how much"
#: The nouns a question names the kind of value asked with ("what year", "which day", "في أي مدينة").
_KIND_NOUNS = frozenset(w for nouns in [*ASKED_NOUNS_EN.values(), *ASKED_NOUNS_AR.values()] for w in normalize_arabic(nouns).split())


def slot_stems(question: str, lexicon: Lexicon | None = None) -> frozenset[str]:
    """Stems of the words a question asks with rather than about, in both languages: the count interrogatives and the
    nouns naming the kind of value asked. Why: a quote stating any value of that kind repeats them ("عام 1960" for
    "what year", "يوم الأحد" for "which day"), so they tell no quote from another; counted as repeats they sent an
    English date question to the quote that writes its year with "عام" rather than to the one saying the event."""
    slot = " ".join([_COUNTING, *(w for w in _LETTERS.findall(normalize_arabic(question).lower()) if w in _KIND_NOUNS)])
    return frozenset(bm25_tokens(f"{slot} {bridge_text(slot, lexicon)}"))


#: English words that credit a source ("according to X", "citing X"): no content a quote says, yet the encoder puts
#: them next to the Arabic particles of any sentence ("أن", "خلاله").
_CREDITING = frozenset({"according", "citing", "quoting"})
#: Figures a question writes ("of 2015"): a constraint a quote repeats in digits in either language.
_FIGURES = re.compile(r"\d+")


def said_words(question: str, text: str, lexicon: Lexicon | None = None, aligner: Embeddings | None = None) -> int:
    """How many of the question's content words (``naming_words``, and its figures; less the words it asks with: ``slot_stems``) a
    text in the other language says: by the word's own stem, its bridge (``bridge_text``) or, given the multilingual
    encoder (``aligner``), a content word of the text it puts next to it (``nearest_words``).

    Why: one count per question word. Counted as shared stems, a word the bridge gives three forms of counted three
    times ("Iranian" → ايران, ايراني, ...), and a word it gives a rarer form of counted none ("minister" → "وزراء",
    the quote says "وزير"; "meetings" → "تجتمع", the quote says "الاجتماعات"), so an English question went to the
    quote repeating its topic words, not to the one stating what it asks about."""
    slot = slot_stems(question, lexicon)
    words = [
        w
        for w in [*naming_words(question), *_FIGURES.findall(question)]
        if normalize_arabic(w).lower() not in _ASKING | _CREDITING and not set(bm25_tokens(w)) <= slot
    ]
    told = set(bm25_tokens(text))
    unsaid = [w for w in words if not told & set(bm25_tokens(f"{w} {bridge_text(w, lexicon)}"))]
    if aligner is not None and unsaid:
        others = [w for w in _LETTERS.findall(text) if len(w) > 1 and not _is_function(w)]
        unsaid = [w for w in unsaid if w not in nearest_words(unsaid, others, aligner)]
    return len(words) - len(unsaid)


def best_stated(
    question: str, read: list[tuple[Citation, Value]], lexicon: Lexicon | None = None, aligner: Embeddings | None = None
) -> tuple[Citation, Value]:
    """Of the quotes stating a value of the kind asked (rank order): the first; when it is in the other language than
    the question, the one repeating most of the question's words through the bridge (``question_stems``, less the
    words it asks with: ``slot_stems``; given the multilingual encoder ``aligner``, each word once, by bridge or
    meaning: ``said_words``) among those the ranker finds at least ``CLAUSE_RATIO`` as likely to answer as the first,
    ties to rank.

    Why: across languages the ranker's first sentence holds the answer less often (XQuAD hit@1, English questions over
    the Arabic paragraphs 0.50, Arabic questions 0.67), so a quote further down that repeats the question's
    constraints ("in February", "of 2011") is more often the one stating the value asked for (bench.answers
    direct_right out of fold, XQuAD English questions over Arabic text 0.3429 -> 0.3445; the same rule over
    same-language quotes moved ARCD 0.4069 -> 0.4055 and XQuAD Arabic 0.5126 -> 0.5160, so it is not used there)."""
    if detect_language(question) == detect_language(read[0][0].quote):
        return read[0]
    floor = CLAUSE_RATIO * read[0][0].score
    near = [(c, v) for c, v in read if c.score >= floor]
    slot = slot_stems(question, lexicon)
    return max(near, key=lambda cv: (_repeated(question, cv[0].quote, cv[0].quote, lexicon, aligner, slot), -near.index(cv)))


def _repeated(
    question: str, quote: str, text: str, lexicon: Lexicon | None, aligner: Embeddings | None, asking: frozenset[str] = frozenset()
) -> int:
    """How many of the question's words ``text`` (a quote or its clause) repeats, for ``best_stated`` and
    ``best_clause``: given the encoder ``aligner``, each word once by bridge or meaning (``said_words``); else the
    question's stems and their bridge into ``quote``'s language (``question_stems``), less ``asking`` (the words it
    asks with, ``slot_stems``), that ``text`` holds."""
    if aligner is not None:
        return said_words(question, text, lexicon, aligner)
    return len((question_stems(question, quote, lexicon) - asking) & set(bm25_tokens(text)))


def _counting(
    question: str, kind: str, read: list[tuple[Citation, Value]], lexicon: Lexicon | None, aligner: Embeddings | None
) -> list[tuple[Citation, Value]]:
    """The quotes whose figure counts what a count question names or is of the measure it asks for (``counts_asked``)."""
    return [cv for cv in read if kind == "number" and counts_asked(question, *cv, lexicon, aligner)]


def _below_floor(
    question: str,
    kind: str,
    usable: list[tuple[Citation, Value]],
    stated: list[tuple[Citation, Value]],
    lexicon: Lexicon | None,
    aligner: Embeddings | None,
) -> list[tuple[Citation, Value]]:
    """Where no quote near the best one gives a figure of what is asked, the cited quotes ranked lower that do: a
    figure of the measure asked ("50.8 في المئة" for "what share of the vote", over the top quote's "6 people" killed
    in the campaign); for a question naming what it counts (``counts_things``), a count of it, but only where no quote
    near the best gives any figure (another noun there may count the same people: "12 عنصر استخبارات" / "11 من
    الضباط"), and of the deed asked where the question names one (a low quote's "مقتل أكثر من ألف إيراني" since 2012
    is no count of the soldiers killed in the last strikes). A question naming neither ("كم حقق الفيلم في نهاية
    الأسبوع") counts any of its words, a week too."""
    if kind != "number":
        return []
    if measures := asked_kinds_of_measure(question):
        return [cv for cv in stated if cv[1].measure in measures]
    if not counts_things(question) or _stated(usable):
        return []
    return [
        cv
        for cv in _counting(question, kind, stated, lexicon, aligner)
        if not asked_deeds(question, cv[0].quote, lexicon, aligner) or states_deed_asked(question, cv, lexicon, aligner)
    ]


#: A quote ranked under ``VALUE_RATIO`` of the best answers "since when" only where it says this many of the question's
#: words (``_repeated``): the start of another period ("منذ أيام", the envoy's stay) is then no answer.
START_MIN_SAID = 2


def _starts(
    question: str, stated: list[tuple[Citation, Value]], floor: float, lexicon: Lexicon | None, aligner: Embeddings | None
) -> list[tuple[Citation, Value]]:
    """For a question asking since when, the quotes whose date is told as a start (``told_as_start``): near the best
    (``floor``), or further down where they say ``START_MIN_SAID`` of the question's words.

    Why: over "خلال الأشهر الماضية تعرضت مواقع لغارات" ranked first and "ومنذ بدء الحرب في مارس 2011 شنت غارات" under
    the floor, "since when has it raided" was answered "in recent months", a stretch of the period, not its start."""

    def says(c: Citation) -> bool:
        across = _across(question, c.quote, aligner)
        return _repeated(question, c.quote, c.quote, lexicon, across, slot_stems(question, lexicon)) >= START_MIN_SAID

    return [
        (c, v)
        for c, v in stated
        if (i := c.quote.find(v.words)) >= 0 and told_as_start(c.quote, i, i + len(v.words)) and (c.score >= floor or says(c))
    ]


def _stated(read: list[tuple[Citation, Value]]) -> list[tuple[Citation, Value]]:
    """The quotes whose value states a figure, not a vague count ("22 شخصا على الأقل", not "عشرات الأشخاص").

    Why: how many is answered by a figure wherever one is quoted; a lead's "dozens were killed" ranks first because
    it names the event, and such a range ("20-99") was 15 of the wrong direct answers on the ANT development sets."""
    return [(c, v) for c, v in read if not v.vague]


def _same(kind: str, a: Value, b: Value) -> bool:
    """Do two quotes state the same answer? Dates compare by day ("evening" or not), the rest by normalized form."""
    if kind == "date":
        return a.normalized.split(" ")[0] == b.normalized.split(" ")[0]
    return a.normalized == b.normalized


def direct_answer(
    question: str,
    lang: str,
    citations: list[Citation],
    anchors: dict[str, date | None],
    lexicon: Lexicon | None = None,
    encoder: Embeddings | None = None,
    aligner: Embeddings | None = None,
) -> DirectAnswer | None:
    """The one-line answer from ranked citations (best first); None when there is nothing to quote, or the
    question asks for a figure or a date (``STRICT_KINDS``) that no quote states.

    ``anchors`` maps each cited article to the date its relative words resolve against; ``lexicon`` is the
    bridge between the languages (None: the shipped one; benches pass one learned without the test question);
    ``encoder`` the retrieval encoder that orders quotes in the other language (``encoder_order``; None: rank order);
    ``aligner`` the evidence encoder that finds a quote's noun for a question's counted one across languages
    (``counted_nouns``; None: the bridge alone).
    """
    if not citations:
        return None
    ranked, citations = citations, encoder_order(question, citations, encoder)
    floor = VALUE_RATIO * max(c.score for c in citations)
    near = [c for c in citations if c.score >= floor]
    named = (
        asked_role(question, citations, lang) or asked_outlet(question, near, lang) or asked_speaker(question, near, lang, lexicon, encoder)
    )
    if named is not None:
        return _line(lang, "clause", named[1], [named[0]])
    origin = asked_origin(question, citations, lang, lexicon)
    if origin is not None:
        return _line(lang, "place", origin[1], [origin[0]])
    kind = question_kind(question) or "clause"
    read = (
        [(c, read_value(kind, question, c.quote, anchors.get(c.doc_id), lang, lexicon, aligner)) for c in citations]
        if kind != "clause"
        else []
    )
    stated = [(c, v) for c, v in read if v is not None]
    usable = [(c, v) for c, v in stated if c.score >= floor]
    counting = _counting(question, kind, usable, lexicon, aligner) or _below_floor(question, kind, usable, stated, lexicon, aligner)
    deeded = [cv for cv in counting if states_deed_asked(question, cv, lexicon, aligner)]
    pool = next((tier for tier in (_stated(deeded), _stated(counting), deeded, counting, _stated(usable), usable) if tier), [])
    if kind == "number" and asks_age(question):  # an age told as one ("البالغ من العمر 57 عاما") over "نحو ستة عقود" in office
        pool = [(c, v) for c, v in pool if states_age(c.quote, v)] or pool
    if kind == "date" and asks_since(question):
        pool = _starts(question, stated, floor, lexicon, aligner) or pool
    if kind == "person" and (office := asked_title(question)):  # "which minister": a minister's name, not a nearer quote's chief of staff
        pool = [(c, v) for c, v in pool if title_states(office, quoted_title(c.quote, v.words), lexicon, aligner)] or pool
    # a count's quotes are told apart by the noun and deed counted (``counts_asked``, ``states_deed_asked``) and the bridge:
    # the encoder's looser matches of its topic words ("fighters" / "مقاتلات", jets) outweighed the deed asked
    found = best_stated(question, pool, lexicon, None if kind == "number" else aligner) if pool else None
    if kind in STRICT_KINDS and all(v is None for _, v in read):
        return None
    if found is None:  # a question of no kind, or no quote holds the kind asked for: say what the quotes say
        kind = "clause"
        read = [(c, read_clause(question, c.quote, lexicon)) for c in citations]
        found = best_clause(question, read, lexicon, aligner)
        found = besides_clause(question, read, found[0], lexicon, aligner) or found
    top, value = found
    credited = {c.n: v.words for c, v in read if v is not None and _same(kind, v, value)} or {top.n: value.words}
    if kind == "clause":  # the quotes stating the clause credited, the line goes on into its continuation
        value = continued(top.quote, value, question, lexicon, _across(question, top.quote, aligner))
    stating = sorted((c for c in citations if c.n in credited), key=ranked.index)  # credited in rank order, as quoted
    return _line(lang, kind, value, stating, credited)


def clause_closeness(question: str, quotes: list[str], encoder: Embeddings) -> np.ndarray:
    """Each quote's best cosine with the question (query) over its clauses (``coarse_clauses``, passages), by the
    retrieval encoder (e5: trained on query-passage pairs, in many languages). Clauses, not whole quotes: a
    sentence's vector mixes the clause that answers with the ones naming the topic."""
    clauses = [coarse_clauses(q) for q in quotes]
    unique = list(dict.fromkeys(c for cs in clauses for c in cs))
    cosine = dict(zip(unique, np.asarray(encoder.embed_documents(unique)) @ np.asarray(encoder.embed_query(question))))
    return np.array([max(cosine[c] for c in cs) for cs in clauses])


def encoder_order(question: str, citations: list[Citation], encoder: Embeddings | None) -> list[Citation]:
    """``citations`` by their closest clause to the question (``clause_closeness``, stable) where none is in the
    question's language; else, or with no ``encoder``, as ranked. Each keeps its ranker score, so the choosers' ratios still read it.

    Why: over quotes in the other language the ranker's order rests on cosines and bridged words that say what a
    quote is about, and every quote of a story is about it; the first quote was often one on the topic (the toll
    kept secret) rather than the one answering (who the dead were). Out of fold (bench.answers, the ranker's quotes
    of XQuAD English questions over Arabic paragraphs) the direct line was right 0.346 -> 0.361; only over the quotes
    near the best (``CLAUSE_RATIO``) 0.353. Over quotes in the question's language the ranker's order is better (the
    same reordering: XQuAD Arabic 0.513 -> 0.481, ARCD 0.421 -> 0.397)."""
    lang = detect_language(question)
    if encoder is None or len(citations) < 2 or any(detect_language(c.quote) == lang for c in citations):
        return citations
    closeness = clause_closeness(question, [c.quote for c in citations], encoder)
    return [citations[i] for i in np.argsort(-closeness, kind="stable")]


def asked_role(question: str, citations: list[Citation], lang: str) -> tuple[Citation, Value] | None:
    """For a question asking a named person's post or rank (``language.names.asks_role``), the role phrase the first
    quote (rank order, however far down: the phrase before the asked name is evidence enough) writes before that
    person's name ("وزير الخارجية الأردني أيمن الصفدي"); None otherwise.

    Why: a post or rank is a value of no kind the readers know (not a date, figure, place or name), so the clause
    chooser answered with the clause naming the person, which holds the name but is cut before or after the post."""
    asked = asks_role(question)
    keys = family_keys(question) if asked else frozenset()
    for c in citations if keys else []:
        spans = roles_of(c.quote, keys, rank=asked == "rank")
        if spans:
            return c, _text_value(c.quote[slice(*spans[0])], lang)
    return None


#: "Who" in a question asking whose claim it is ("who said …", "من قال …").
_WHO = frozenset({"who", "whom", "من"})
#: A party's claim must share this many of the question's words to be the claim asked about.
SPEAKER_MIN_SHARED = 2


def asks_speaker(question: str) -> bool:
    """Does the question ask who made a claim: "who" first, a verb of saying or quoting after it ("Who said the talks
    failed?", "من قال إن …", "who quoted X saying …": who carried X's words)?"""
    words = [normalize_arabic(w).lower() for w in _TOKEN.findall(question)]
    return bool(words) and words[0] in _WHO and any(w in _SAYING or w.startswith("quot") for w in words[1:4])


def written_across(question: str, party: str, sounds: dict[str, set[str]] | None = None) -> bool:
    """Does the question write a party's name in the other script ("who quoted Bagheri …" / "باقري"), by sound
    (``bot.retrieval.sound_matches``; a question typed in lower case read capitalised: ``cased``)? ``sounds``: the
    question's ``sound_index``, where the caller checks many parties against one question.

    Why: "who quoted X" asks for the voice carrying X's words, not X; an English question never spells X's Arabic name,
    so X, the relayed voice, was taken for the answer."""
    sounds = sound_index([cased(question)], latin=True) if sounds is None else sounds
    return bool(sound_matches(_TOKEN.findall(party), sounds))


def _named_by(question: str) -> Callable[[str], bool]:
    """Does the question itself name a party, as written or in the other script (``written_across``)? Folded and
    indexed once per question: a party so named is what the question asks about, never its answer."""
    asked, sounds = normalize_arabic(question).lower(), sound_index([cased(question)], latin=True)
    return lambda party: normalize_arabic(party).lower() in asked or written_across(question, party, sounds)


def asked_speaker(
    question: str, citations: list[Citation], lang: str, lexicon: Lexicon | None = None, encoder: Embeddings | None = None
) -> tuple[Citation, Value] | None:
    """For a question asking who made a claim (``asks_speaker``), the party of the near quotes whose claim is closest
    to the question: by the retrieval encoder where one is given (``clause_closeness``: it reaches across languages,
    where the learned word bridge is thin), else by the question's words it shares (bridged to the quote's language).
    None when no party's claim shares ``SPEAKER_MIN_SHARED`` of them and there is no encoder to judge.

    Why: a sentence often carries two voices ("A said he arrived on Tuesday, while B said he had been there for
    days"); the value readers answered with a person the claim names (its subject), never with the voice that
    makes it, which is what "who said" asks."""
    if not asks_speaker(question):
        return None
    named = _named_by(question)
    found = [
        (c, a) for c in citations for a in extract_attributions(c.quote) if a.party and a.party_start is not None and not named(a.party)
    ]
    if not found:
        return None
    claims = [c.quote[a.claim_start : a.claim_end] for c, a in found]
    if encoder is not None:
        scores = list(clause_closeness(question, claims, encoder))
    else:
        scores = [len(question_stems(question, c.quote, lexicon) & set(bm25_tokens(t))) for (c, _), t in zip(found, claims)]
        if max(scores) < SPEAKER_MIN_SHARED:
            return None
    # a relayed voice before its carrier where both make one claim ("ISNA quoted Hatami as saying …": Hatami said it)
    c, a = found[max(range(len(found)), key=lambda i: (scores[i], found[i][1].via is not None, -i))]
    words = c.quote[a.party_start : a.party_end]
    return c, Value(words, normalize_arabic(words), format_attribution(None, [a], lang))


#: Words that may stand between "which" and the medium it asks for ("which pro-government Syrian newspaper").
_OUTLET_ASKED_GAP = 3


def asks_outlet(question: str) -> bool:
    """Does the question ask which outlet ("which news agency", "what newspaper", "أي وكالة", "ما الصحيفة")? A kind of
    medium (``OUTLET_WORDS_*``) right after the interrogative, or a few modifiers after it: not after a verb ("what
    did the agency say" asks what it said). A bare English "agency" is a news agency only beside "news"/"press" or in
    a question about what was reported or quoted ("which UN agency warned" asks for a body)."""
    return asked_medium(question) == "outlet"


#: Words that make a "site" a website ("which news site", "which web site"); alone, "which site was struck" asks for a place.
_SITE_OF_NEWS = frozenset({"news", "web", "media"})


def asked_medium(question: str) -> str | None:
    """ "outlet" for a question asking which outlet (``asks_outlet``); "agency" for one asking which agency that says
    neither "news"/"press" nor a reporting verb ("which agency carried X's remarks", "which UN agency warned"): a news
    agency or another body; None when it asks for no medium."""
    words = [normalize_arabic(w).lower() for w in _TOKEN.findall(question)]
    reports = any(w in REPORTING_VERBS_EN or w.startswith("quot") for w in words)
    for i, w in enumerate(words):
        if w in ("which", "what"):
            for j, g in enumerate(words[i + 1 : i + 2 + _OUTLET_ASKED_GAP], i + 1):
                medium = next((m for m in (g, g.removesuffix("s")) if m in OUTLET_WORDS_EN), None)
                if g.removesuffix("s") == "site" and words[j - 1] in _SITE_OF_NEWS:  # "which news site": a website
                    return "outlet"
                if medium == "agency" and not (reports or words[j - 1] in ("news", "press")):
                    return "agency"
                if medium:
                    return "outlet"
                if g in AUXILIARIES_EN or g in FUNCTION_WORDS_EN:
                    break
        elif (which := w == "اي" or under_proclitic(w, {"اي"})) or w in ("ما", "ماهي"):  # "لأي وكالة": "according to which"
            rest = words[i + 1 :]
            nxt = rest[1] if len(rest) > 1 and rest[0] in ("هي", "هو") else next(iter(rest), "")
            if nxt in _OUTLET_AR and (which or nxt.startswith("ال")):
                return "outlet"
    return None


def asked_outlet(question: str, citations: list[Citation], lang: str) -> tuple[Citation, Value] | None:
    """For a question asking which outlet (``answering_outlets``), the first outlet the quotes name (rank order) that
    the question does not: a medium a reporting verb cites ('نقلت صحيفة "النهار"', ``bot.attribution.party_outlet``) in
    any quote before a wire agency the gazetteer finds elsewhere ("مراسل وكالة رويترز"); None otherwise.

    Why: an outlet is a value of no kind the readers know; an English question over Arabic text shares no word
    with the clause naming it, so the clause chooser answered with another clause."""
    found = answering_outlets(question, [c.quote for c in citations], [c.outlet for c in citations])
    if not found:
        return None
    i, outlet = found[0]
    return citations[i], Value(outlet, normalize_arabic(outlet), outlet_label(outlet, lang) or outlet)


def answering_outlets(question: str, quotes: list[str], publishers: list[str | None] | None = None) -> list[tuple[int, str]]:
    """The outlets that answer a question asking for one (``asked_medium``), each with its quote's position, in the
    order ``asked_outlet`` takes them: those the quotes name that the question does not, a medium a reporting verb cites,
    in any quote, before a wire agency the gazetteer finds elsewhere; for a bare "which agency" only a news agency the
    gazetteer spells ("فارس", "Reuters": "which UN agency warned" finds none, and the clause chooser answers it).
    When the quotes cite no medium the question does not name, the outlet that publishes the first quote (``publishers``,
    one per quote, rank order): "which site set Al Arabiya's and Al Jazeera's accounts side by side" asks for the site
    quoting both. The gate (``outlet_cited``) does not take that one for cited: it judges it as any answer.
    One reader for the direct line and for the gate (``bot.answerable``), which checks the outlet it is shown."""
    medium = asked_medium(question)
    if medium is None:
        return []
    named = _named_by(question)
    sources = [(i, party_outlet(a.party), a.party) for i, q in enumerate(quotes) for a in extract_attributions(q) if a.party]
    mentioned = [(i, m.text, m.text) for i, q in enumerate(quotes) for m in known_outlets(q)]
    found = [(i, outlet, said) for i, outlet, said in sources + mentioned if outlet and not named(outlet)]
    kind = asked_kind(question)
    found.sort(key=lambda f: -_kind_fit(kind, f[2]))  # stable: rank order within a fit
    cited = [(i, outlet) for i, outlet, _ in found if medium == "outlet" or known_outlets(outlet)]
    own = (publishers or [None])[0]  # the publisher of the quote that best states what was reported
    return cited or ([(0, own)] if own and medium == "outlet" and not named(own) else [])


def _medium_kinds(text: str) -> list[str]:
    """The kinds of medium a text's words name, in order (``language.lexicon.medium_kind``: "صحيفة", "channel")."""
    return [k for w in _TOKEN.findall(normalize_arabic(text).lower()) if (k := medium_kind(w))]


def asked_kind(question: str) -> str | None:
    """The kind of medium a question names ("which Syrian paper" → "paper"), or None."""
    return next(iter(_medium_kinds(question)), None)


def _kind_fit(asked: str | None, party: str) -> int:
    """How well an outlet's words fit the kind of medium asked: 2 they name that kind ('صحيفة "النهار"' for "which
    paper"), 1 they name no kind (a bare name: '"الوطن" السورية', "Reuters"), 0 they name another ("التلفزيون
    الرسمي" for "which paper"). Why: a quote may cite two media, and the first cited is not the kind asked for."""
    if asked is None:
        return 1
    kinds = _medium_kinds(party)
    return 2 if asked in kinds else 0 if kinds else 1


def _credit(citation: Citation, words: str, lang: str) -> str:
    """Who states ``words`` in a quote: the citation's credit, narrowed to the parties whose claim holds them."""
    parties = extract_attributions(citation.quote)
    stating = holding(parties, citation.quote, words)
    if stating == parties:
        return citation.attributed_to
    return format_attribution(citation.outlet, stating, lang, citation.title)


def _line(lang: str, kind: str, value: Value, stating: list[Citation], words: dict[int, str] | None = None) -> DirectAnswer:
    """The answer line: the value, who states it and the numbers of the citations stating it.

    In each quote only the parties whose claim holds the value's words (``words``: each citation's own, by number;
    default the value's) are credited, so a second voice of the same sentence is not put behind the value."""
    t = prompts.load("answer")[lang]
    said = words or {}
    sources = t["and"].join(dict.fromkeys(_credit(c, said.get(c.n, value.words), lang) for c in stating))
    refs = "".join(f"[{c.n}]" for c in stating)
    text = t["direct"].format(value=value.display, sources=sources, refs=refs)
    return DirectAnswer(text=text, value=value.words, normalized=value.normalized, kind=_typed(kind), citations=[c.n for c in stating])
