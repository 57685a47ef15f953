"""Check a generated answer sentence by sentence against the quotes it cites.

A language model writes fluent text, and also invents: a name the passages never
mention, a weekday shifted by one, a figure rounded into a different one. Isnad's
promise is that every statement can be checked against a quote, so each sentence
of generated text must (1) cite at least one quote with ``[n]``, (2) contain no
date, number or name that its cited quotes (or their sources' names) do not
contain once both are normalised by the same readers the pipeline uses
(``language.calendar``, ``language.numbers``, ``language.normalize``, the
gazetteer), (3) stay close to those quotes in wording or meaning, and (4) not be
an order to a model (``bot.injection``: a small model copies one out of a quote
verbatim, where every other check would pass it). A sentence
that fails is dropped and reported with its reasons, never silently rewritten.

Pure: the one non-textual input, a meaning similarity, is passed in.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from bot.entities import find_entities
from bot.injection import addressed_to_system
from language.calendar import TimeMention, resolve_times
from language.names import skeleton
from language.normalize import STOPWORDS, bm25_tokens, detect_language, normalize_arabic, stem
from language.numbers import find_quantities
from vectorstore.chunking import split_sentences

#: "[1]", "[1][3]", "[1, 3]", "[1،3]": citation markers as models write them.
_MARKER = re.compile(r"\[\s*(\d{1,3}(?:\s*[,،]\s*\d{1,3})*)\s*\]")
_LEADING_MARKERS = re.compile(r"^(?:\s*\[\s*\d{1,3}(?:\s*[,،]\s*\d{1,3})*\s*\])+[.!?؟]?")
#: A word that starts with a capital letter (a name in English text).
_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*")
_WORD = re.compile(r"\w+")
_ARABIC_WORD = re.compile(r"[\u0621-\u064a\u0671-\u06d3]{2,}")
#: The definite article, after an optional conjunction or preposition clitic: "ال", "وال", "بال", "لل".
_DEFINITE = re.compile(r"^[وفبك]?(?:ال|لل)")
#: Share of a sentence's content words found in its quotes (or the question) for it to count as close in wording.
MIN_OVERLAP = 0.5
#: Meaning similarity (USE cosine) to the closest cited quote that counts as close when the wording differs (a translation):
#: paraphrases of a quote score 0.48-0.79, a different fact about the same story ~0.25, an unrelated sentence ~0.
MIN_SIMILARITY = 0.4

Similarity = Callable[[str, Sequence[str]], float]


@dataclass(frozen=True)
class Quote:
    """One numbered piece of evidence: its verbatim text, who published it, and the date its relative words mean."""

    n: int
    text: str
    source: str = ""  # outlet / attribution / title / publication date: names a sentence may credit
    anchor: date | None = None


@dataclass(frozen=True)
class SentenceCheck:
    """A generated sentence, the quotes it cites, and why it is unsupported (empty: supported)."""

    text: str
    citations: tuple[int, ...]
    problems: tuple[str, ...] = ()

    @property
    def supported(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class CheckedAnswer:
    sentences: list[SentenceCheck] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The supported sentences, in order."""
        return " ".join(s.text for s in self.sentences if s.supported)

    @property
    def unsupported(self) -> list[SentenceCheck]:
        return [s for s in self.sentences if not s.supported]


def split_generated(text: str) -> list[str]:
    """Sentences of generated text, each with the ``[n]`` markers that belong to it.

    Models place markers two ways: after the sentence ("... Tuesday. [1] Next ..."), as the prompt asks, or,
    copying the numbered evidence block, before it ("[1] Xinhua: ... [2] ..."). Text that opens with a marker
    is read the second way: a marker belongs to the sentence it opens, and a sentence without one continues
    the item above it on the same line, so it inherits that item's markers (written in front of it).
    """
    leading = bool(_LEADING_MARKERS.match(text))
    out: list[str] = []
    item, last_end = "", 0
    for span in split_sentences(text):
        sentence = text[span.start : span.end].strip()
        lead = _LEADING_MARKERS.match(sentence)
        if leading:
            if lead:
                item = lead.group(0).strip()
            elif item and "\n" not in text[last_end : span.start] and not _MARKER.search(sentence):
                sentence = f"{item} {sentence}"
        elif lead and out:  # "... Tuesday. [1] Next ..." : the markers belong to the sentence before
            out[-1] = f"{out[-1]} {lead.group(0).strip()}"
            sentence = sentence[lead.end() :].strip()
        last_end = span.end
        if sentence and any(ch.isalnum() for ch in _MARKER.sub("", sentence)):
            out.append(sentence)
    return out


def cited_numbers(sentence: str) -> tuple[int, ...]:
    return tuple(dict.fromkeys(int(n) for group in _MARKER.findall(sentence) for n in re.split(r"\s*[,،]\s*", group)))


def _fold(text: str) -> str:
    return normalize_arabic(text).lower()


def _interval(m: TimeMention) -> tuple[date, date] | None:
    return (m.value_start, m.value_end) if m.resolved and m.value_start and m.value_end else None


def _date_supported(m: TimeMention, quotes: Sequence[Quote]) -> bool:
    """A date is supported when a quote writes it, or states a time inside it (the sentence may be less precise)."""
    folded = _fold(m.text)
    wanted = _interval(m)
    for q in quotes:
        if folded in _fold(q.text) or folded in _fold(q.source):
            return True
        for qm in resolve_times(q.text, q.anchor) + resolve_times(q.source, None):
            got = _interval(qm)
            if wanted and got and wanted[0] <= got[0] and got[1] <= wanted[1]:
                return True
            if (
                m.relative
                and m.relative.startswith("weekday:")
                and got
                and got[0] == got[1]
                and got[0].strftime("%A") == m.relative.split(":", 1)[1]
            ):
                return True
            if not wanted and m.relative and qm.relative == m.relative:
                return True
    return False


def _numbers_missing(sentence: str, quotes: Sequence[Quote]) -> list[str]:
    stated = [(q.low, q.high) for quote in quotes for q in find_quantities(quote.text)]
    folded_quotes = " ".join(_fold(q.text) for q in quotes)
    return [q.text for q in find_quantities(sentence) if (q.low, q.high) not in stated and _fold(q.text) not in folded_quotes]


def _arabic_name_runs(sentence: str, support: set[str]) -> list[str]:
    """Runs of two or more Arabic words that the support never uses and that carry no definite article.

    Arabic has no capitals; what marks a personal name is a run of undefined
    words ("علي أيوب", "أحمد كريمي"), where the model's own framing words are
    mostly defined nouns ("التقارير", "للمصادر") or single verbs.
    """
    runs: list[list[str]] = [[]]
    for m in _ARABIC_WORD.finditer(sentence):
        folded = normalize_arabic(m.group(0))
        novel = folded not in STOPWORDS and not _DEFINITE.match(folded) and stem(folded) not in support
        if novel:
            runs[-1].append(m.group(0))
        elif runs[-1]:
            runs.append([])
    return [" ".join(run) for run in runs if len(run) >= 2]


def _names(sentence: str, dates: Sequence[TimeMention], support: set[str]) -> list[str]:
    """Names in a sentence: gazetteer people/places/groups, capitalised English words after the first word
    (month and weekday names are dates, checked as such), and runs of unknown undefined Arabic words."""
    found = [
        m.text for m in find_entities(sentence, with_roles=False) if not (m.start == 0 and m.text.isascii() and " " not in m.text)
    ]  # "Another report ...": a capital, not a name
    words = [w for w in _CAPITALISED.finditer(sentence) if not any(d.start <= w.start() < d.end for d in dates)]
    found += [
        w.group(0) for w in words if w.start() > 0 and w.group(0).lower() not in STOPWORDS and not any(w.group(0) in name for name in found)
    ]
    found += _arabic_name_runs(sentence, support)
    return list(dict.fromkeys(found))


def _names_missing(sentence: str, dates: Sequence[TimeMention], quotes: Sequence[Quote], question: str) -> list[str]:
    support = " ".join(f"{q.text} {q.source}" for q in quotes) + " " + question
    folded = _fold(support)
    ids = {m.id for m in find_entities(support, with_roles=True)}
    skeletons = {skeleton(w) for w in _WORD.findall(support) if not w.isascii()}
    stems = {stem(normalize_arabic(w)) for w in _WORD.findall(support)}
    missing = []
    for name in _names(sentence, dates, stems):
        hits = find_entities(name, with_roles=False)
        if _fold(name) in folded or (hits and all(h.id in ids for h in hits)):
            continue
        words = [w for w in _WORD.findall(name) if len(skeleton(w)) >= 2]
        if words and all(skeleton(w) in skeletons for w in words):  # transliterated from an Arabic quote
            continue
        missing.append(name)
    return missing


def _overlap(sentence: str, quotes: Sequence[Quote], question: str) -> float:
    tokens = bm25_tokens(_MARKER.sub(" ", sentence))
    if not tokens:
        return 1.0
    support = set(bm25_tokens(" ".join(f"{q.text} {q.source}" for q in quotes) + " " + question))
    return sum(t in support for t in tokens) / len(tokens)


def check_sentence(sentence: str, quotes: dict[int, Quote], question: str = "", similarity: Similarity | None = None) -> SentenceCheck:
    """Check one generated sentence against the quotes it cites (see the module doc for the rules)."""
    cites = cited_numbers(sentence)
    problems: list[str] = []
    if not cites:
        problems.append("no citation")
    unknown = [n for n in cites if n not in quotes]
    if unknown:
        problems.append("cites no such evidence: " + ", ".join(f"[{n}]" for n in unknown))
    cited = [quotes[n] for n in cites if n in quotes]
    if addressed_to_system(_MARKER.sub(" ", sentence)):  # an order to a model copied out of a quote reports nothing
        problems.append("addressed to an AI system, not reporting")
    if cited:
        body = _MARKER.sub(" ", sentence).strip()  # "[3] Twelve ...": the first word is still the first
        dates = resolve_times(body, None)
        problems += [f"date not in the cited quotes: {m.text}" for m in dates if not _date_supported(m, cited)]
        problems += [f"number not in the cited quotes: {n}" for n in _numbers_missing(body, cited)]
        problems += [f"name not in the cited quotes: {n}" for n in _names_missing(body, dates, cited, question)]
        same_language = all(detect_language(q.text) == detect_language(body) for q in cited)
        close = same_language and _overlap(body, cited, question) >= MIN_OVERLAP
        if not close and not (similarity and similarity(body, [q.text for q in cited]) >= MIN_SIMILARITY):
            problems.append("not close to the cited quotes")
    return SentenceCheck(sentence, cites, tuple(problems))


def check_answer(text: str, quotes: Sequence[Quote], question: str = "", similarity: Similarity | None = None) -> CheckedAnswer:
    """Every sentence of ``text`` checked; ``.text`` keeps only the supported ones."""
    by_n = {q.n: q for q in quotes}
    return CheckedAnswer([check_sentence(s, by_n, question, similarity) for s in split_generated(text)])
