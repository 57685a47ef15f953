"""Pick the evidence sentences inside retrieved chunks, and score them.

A citation must be a sentence a reader can check, not a 700-character chunk, so
every retrieved chunk is re-split (the same pure splitter as at ingest) and each
sentence is scored against the question by the learned ranker (``bot.ranker``):
the probability that the sentence holds the answer, from meaning (USE cosine of
the sentence, e5 cosine of its chunk: what lets an English question match
Arabic text), coverage of the question's rare words (IDF-weighted), the chunk's
retrieval rank and fusion score, and whether the sentence holds the kind of
value asked for. That probability is also what Isnad abstains on. A question
asking for a figure or a date quotes each outlet's own statement of it
(``_figures``), so differing and updated figures can be seen side by side.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import takewhile

import numpy as np
from langchain_core.embeddings import Embeddings

from bot.claims import Evidence, extract_claims
from bot.crosslingual import mutual_counted, nearest_words
from bot.injection import addressed_to_system
from bot.ranker import CandidateSignals, Ranker, candidate_features, load_ranker, value_kinds
from bot.retrieval import Hit
from language.calendar import find_years, months_named
from language.lexicon import AUXILIARIES_EN, FUNCTION_WORDS_EN, question_kind
from language.numbers import asked_kinds_of_measure, find_quantities, measure_kind, time_units, unit_key
from language.normalize import ARABIC_LETTER, FOLDED_STOPWORDS, LATIN_LETTER, STOPWORDS, bm25_tokens, detect_language, normalize_arabic
from vectorstore.keyword import KeywordIndex

#: USE cosine (multilingual sentence encoder) from which a sentence of another article restates the best
#: sentence: another outlet's report of the same fact. On the 28 events of bench/data/generalization_events.json
#: (Arabic and English questions), the closest sentence to the best one reaches 0.6 in 72 of the 95 other
#: retrieved articles of the event, and in 13 of 199 retrieved articles about something else (most of them
#: other reports of the same story); reports of another event of the same kind (a crash, a bombing) lie below.
RESTATES = 0.6
#: A sentence this share as likely to answer as the best one is a near tie the ranker cannot settle (a prior,
#: not fitted): when it does not restate the best, it may be the answer, and keeps its place ahead of restatements.
NEAR_TIE = 0.9


@dataclass
class EvidenceSentence:
    doc_id: str
    chunk_id: str
    start: int  # offsets into the original article
    end: int
    text: str
    score: float  # the ranker's probability that this sentence answers the question
    cosine: float  # USE cosine with the question
    coverage: float
    version: str = ""  # content hash of the article version the chunk was cut from (see build_citations)
    restates: float = 0.0  # USE cosine with the best-scored sentence: how closely it restates it (``RESTATES``)
    published: str | None = None  # the article's publication date (ISO), to tell a past event recalled from the news
    figure: bool = False  # chosen as its article's statement of the figure or date asked (``_figures``)
    article_score: float = 0.0  # its article's best score, set with ``figure``
    vector: np.ndarray | None = field(default=None, repr=False, compare=False)  # its USE vector (unit length), set by ``choose_quotes``
    headline: bool = False  # the sentence is its article's title (``is_headline``)

    @property
    def quote_score(self) -> float:
        """What the sentence is quoted on: its own score, or, for an article's figure, the article's best.

        The ranker judges one sentence at a time, and a figure stated deep in an
        article that answers the question scores low on its own (0.003 beside
        its lead's 0.8); the article's lead is what shows it is about the question.
        """
        return max(self.score, self.article_score) if self.figure else self.score


def _script(term: str) -> str:
    return "ar" if ARABIC_LETTER.search(term) else "en" if LATIN_LETTER.search(term) else ""


def coverage(query_terms: list[str], sentence: str, index: KeywordIndex) -> float:
    """Share of the question's IDF mass whose terms occur in the sentence (0..1), in the better-covered script.

    A bridged question (``bot.crosslingual``) holds its words in both languages,
    and an Arabic sentence can share only the Arabic ones: each script's terms
    (with the digits, which both share) are weighed on their own and the better
    share counts. A question in one script is weighed as a whole, as before.
    """
    if not query_terms:
        return 0.0
    present = set(bm25_tokens(sentence))
    weights = {t: index.idf(t) for t in set(query_terms)}
    shares = []
    for script in {_script(t) for t in weights} - {""} or {""}:
        mass = {t: w for t, w in weights.items() if _script(t) in (script, "")}
        total = sum(mass.values())
        shares.append(sum(w for t, w in mass.items() if t in present) / total if total else 0.0)
    return max(shares)


def _sentences(hit: Hit) -> list[tuple[int, int]]:
    """Sentence spans (article offsets) stored with the chunk at ingest."""
    return [tuple(s) for s in json.loads(hit.chunk.meta["sentences"])]


def select_evidence(
    question: str,
    hits: list[Hit],
    embeddings: Embeddings,
    index: KeywordIndex,
    limit: int,
    per_doc: int = 2,
    keyword_query: str | None = None,
    ranker: Ranker | None = None,
) -> list[EvidenceSentence]:
    """Best sentences first, at most ``per_doc`` from one article so sources stay diverse.

    ``embeddings`` embeds sentences (USE); the e5 side is the chunk's cosine the
    dense retriever already computed (``Hit.dense``). ``keyword_query`` is what
    word coverage is measured with (the question plus its Arabic bridge for
    English questions); the cosines always use the question.
    """
    flagged = {hit.chunk.doc_id for hit in hits if addressed_to_system(hit.chunk.text)}  # speaks to the system: not a source
    hits = [hit for hit in hits if hit.chunk.doc_id not in flagged]  # nor a rank or a per-document slot taken from one
    candidates: list[tuple[Hit, int, int, int, str]] = []
    for rank, hit in enumerate(hits, 1):
        for start, end in _sentences(hit):
            text = hit.chunk.text[start - hit.chunk.start : end - hit.chunk.start]
            candidates.append((hit, rank, start, end, text))
    if not candidates:
        return []
    q = np.asarray(embeddings.embed_query(question))
    vectors = np.asarray(embeddings.embed_documents([c[4] for c in candidates]))
    cosines = vectors @ q
    terms = bm25_tokens(keyword_query or question)
    signals = CandidateSignals(
        texts=[c[4] for c in candidates],
        use_cos=cosines,
        e5_cos=np.array([np.nan if c[0].dense is None else c[0].dense for c in candidates]),
        coverage=np.array([coverage(terms, c[4], index) for c in candidates]),
        fusion=np.array([c[0].score for c in candidates]),
        rank=np.array([float(c[1]) for c in candidates]),
        docs=[c[0].chunk.doc_id for c in candidates],
    )
    probs = (ranker or load_ranker()).probability(candidate_features(question, signals))
    scored = [
        EvidenceSentence(
            hit.chunk.doc_id,
            hit.chunk.chunk_id,
            start,
            end,
            text,
            float(p),
            float(cos),
            float(cov),
            hit.chunk.meta.get("content_hash", ""),
            published=hit.chunk.meta.get("published"),
            headline=is_headline(text, hit.chunk.meta.get("title")),
        )
        for (hit, _, start, end, text), p, cos, cov in zip(candidates, probs, cosines, signals.coverage)
    ]
    asked, bridged = nouns_asked(question, keyword_query)
    asked |= aligned_units(question, signals.texts, embeddings) | {measured(kind) for kind in asked_kinds_of_measure(question)}
    years, months = question_years(question), months_named(question)
    return choose_quotes(scored, vectors, limit, per_doc, question_kind(question), asked, bridged, years, months)


#: A title that ends like a sentence is an article's first paragraph read as its title at ingest (no headline line).
_SENTENCE_END = re.compile(r"[.!?؟…]\s*$")


def is_headline(text: str, title: str | None) -> bool:
    """Whether a sentence is its article's headline, by its folded words: a headline names the story, and the
    answerability gate (``bot.answerable``) will not let it stand in for a detail of it. A lead paragraph taken for
    the title (``_SENTENCE_END``) is no headline: it tells the story's facts."""
    return bool(title) and not _SENTENCE_END.search(title) and bm25_tokens(text) == bm25_tokens(title)


def question_years(question: str) -> frozenset[int]:
    """The years a question names ("How many refugees were there in 2017?"): a count of such a year is the one
    asked, not a past event recalled (``recalls_past``)."""
    return frozenset(m.value_start.year for m in find_years(question) if m.value_start)


#: Function words in both spellings (as written and folded): a bridged question's words come folded ("علي").
_FUNCTION_WORDS = STOPWORDS | FOLDED_STOPWORDS


def asked_nouns(question: str) -> frozenset[str]:
    """The question's words as counted nouns (``unit_key``: "كم مدنيا قتلوا" names "مدن" and "قتل"), function words
    left out ("على" would name "العائلات": both are "عل"). Pass the question with its bridge (``bot.crosslingual``)
    so that an English question names the Arabic nouns its figure is counted in."""
    return frozenset(unit_key(w) for w in re.findall(r"[^\W\d_]+", question) if normalize_arabic(w).lower() not in _FUNCTION_WORDS)


def nouns_asked(question: str, keyword_query: str | None = None) -> tuple[frozenset[str], frozenset[str]]:
    """The nouns ``question`` names, and those only its bridge into the other language (``keyword_query``) adds."""
    asked = asked_nouns(question)
    return asked, asked_nouns(keyword_query or question) - asked


#: Words of a question that name nothing counted: function words of both languages, auxiliaries, "how many / much".
_NOT_NAMING = _FUNCTION_WORDS | FUNCTION_WORDS_EN | AUXILIARIES_EN | {"many", "much"}


def naming_words(question: str) -> list[str]:
    """The question's words that may name what its figure counts, as written ("How many people were killed" ->
    "people", "killed"); the words ``asked_nouns`` keys, less the interrogative."""
    words = re.findall(r"[^\W\d_]{3,}", question)
    return list(dict.fromkeys(w for w in words if normalize_arabic(w).lower() not in _NOT_NAMING))


def aligned_units(question: str, texts: list[str], embeddings: Embeddings, mutual: Sequence[str] = ()) -> frozenset[str]:
    """The unit keys of the figures in ``texts`` whose counted noun is, in the other language, a word of the
    question (``naming_words``), found by meaning (``bot.crosslingual.nearest_words``): what ``asked_nouns`` finds
    by spelling in the question's own language.

    Why: an English question's words never spell an Arabic figure's noun ("How many people were killed" / "65
    شخصا", "844 قتيلا"; "How old" / "81 عاما"), and its bridge often misses it ("people" bridges to "الناس"), so
    each outlet's figure of the thing asked ranked as any other figure (``_figure_rank``); an Arabic question over an
    English wire story alike. Only the sentences' counted nouns are matched, so the cost is a few dozen words.
    ``mutual`` (words of the question) also takes the nouns one of them and they rank first both ways
    (``mutual_counted``): the direct line's choice among one quote's figures. The quote chooser keeps to ``nearest_words``: taking them there changed
    which sentences four ANT dev sets quoted, and English conflict recall fell (one dev set 0.61 → 0.56).
    """
    if question_kind(question) not in ("number", None):
        return frozenset()  # a date, a place or a person is not read by what it counts (``_choose``)
    words = naming_words(question)
    arabic = detect_language(question) == "ar"
    units = {
        q.unit_text: q.unit_key
        for text in texts
        for q in find_quantities(text)
        if q.unit_text and q.unit_key and not q.vague and bool(ARABIC_LETTER.search(q.unit_text)) != arabic
    }
    nearest = [u for found in nearest_words(words, list(units), embeddings).values() for u in found]
    both_ways = mutual_counted(list(mutual), list(units), embeddings) if mutual else []
    return frozenset(units[u] for u in [*nearest, *both_ways])


def choose_quotes(
    scored: list[EvidenceSentence],
    vectors: np.ndarray,
    limit: int,
    per_doc: int,
    asks: str | None,
    asked: frozenset[str] = frozenset(),
    bridged: frozenset[str] = frozenset(),
    years: frozenset[int] = frozenset(),
    months: frozenset[int] = frozenset(),
) -> list[EvidenceSentence]:
    """The sentences to quote, best first, from the scored sentences and their USE vectors (one row each, unit length).

    Apart so that what bench.answers measures is the service's own choice (``_choose``), not a copy of it.
    Sets each sentence's ``restates`` (its cosine with the best one). ``asked``: the question's counted nouns
    (``asked_nouns``; in the other language's sentences, ``aligned_units``), which tell each article's figure of the
    thing asked from its other figures; ``bridged``: those of its bridge into the other language
    (``bot.crosslingual``), a weaker sign (it holds the question's topic words too: "registration centre" bridges
    to "مركز", and "four centres were attacked" is no toll); ``years``: the years the question names
    (``question_years``), whose counts are no past event recalled; ``months``: the months it names (``months_named``),
    whose figure is the one asked. Also sets each sentence's ``vector``: an article whose figure restates the
    answer's reports the same event (``_figures``).
    """
    if not scored:
        return []
    best = min(range(len(scored)), key=lambda i: _order(scored[i]))
    for ev, restates, vector in zip(scored, vectors @ vectors[best], vectors):
        ev.restates, ev.vector = float(restates), vector
    return _choose(sorted(scored, key=_order), limit, per_doc, asks, asked, bridged, years, months)


#: Scores closer than this are one score: the encoders' batched float arithmetic moves the last digits.
SCORE_TIE = 1e-6


def _order(ev: EvidenceSentence) -> tuple[float, str, int]:
    """Best first; (near-)equal scores by article and position, so a tie never depends on retrieval order."""
    return (-round(ev.score / SCORE_TIE) * SCORE_TIE, ev.doc_id, ev.start)


def holds_kind(text: str, kind: str | None) -> bool:
    """The sentence holds a value of the kind asked: a date for "when" (``bot.ranker.value_kinds``), a figure for
    "how many / how much" (``find_quantities`` skips dates and years): a whole count, stated or hedged ("نحو 19
    شخصا"), an amount of money or a share; a fraction of a count ("بلغت شدته 5,3 درجات") is a measure, which no
    "how many" asks for."""
    if kind == "number":
        return any(q.kind != "count" or q.approx or float(q.low).is_integer() for q in find_quantities(text))
    return kind == "date" and "date" in value_kinds(text)


def _counted(text: str) -> set[str]:
    """What the sentence's figures count (``unit_key``: a noun's light stem, a currency code, "%"). A vague count
    ("آلاف الفلسطينيين", "dozens of people": ``Quantity.vague``) states no figure: "Thousands of Palestinians took
    part" is not the toll a "how many Palestinians were killed" asks for."""
    return {q.unit_key for q in find_quantities(text) if q.unit_key and not q.vague}


def measured(kind: str) -> str:
    """The key a kind of measure (``asked_kinds_of_measure``, ``measure_kind``) has among ``select_evidence``'s asked nouns:
    apart from every noun's stem."""
    return f"measure:{kind}"


def _measures(text: str) -> set[str]:
    """The kinds of measure the sentence's figures are (``measured`` keys): "70 طنا" a mass, "500 يورو" money."""
    return {measured(kind) for q in find_quantities(text) if not q.vague and (kind := measure_kind(q))}


#: "the number of X ... N", "عدد/حصيلة X ... N": the noun after a word of tally is what the sentence's figure counts,
#: whatever noun the figure itself is written with ("ارتفع عدد ضحايا الحرائق إلى 88 قتيلا" tallies the victims); so
#: is the noun after a word of share or rate ("نسبة المشاركة بلغت 60 بالمئة", "the unemployment rate", "the share of
#: X"), which a percentage is of. Not a tally of coordinated nouns ("عدد اللاجئين والنازحين", "the number of refugees
#: and migrants"): that is their sum.
_TALLY = re.compile(
    r"(?<!\w)[وبل]?(?:ال)?(?:عدد|حصيله|نسبه|معدل) (?:ال)?([^\W\d_]{3,})\b(?! و)"
    r"|\b(?:number|share|percentage|proportion|rate) of (?:the )?([a-z]{3,})\b(?! and )|\b([a-z]{3,}) rate\b"
)


def _tallied(text: str) -> set[str]:
    """The nouns (``unit_key``) a sentence names after a word of tally (``_TALLY``) with a figure stated after them
    ("rose to 12", "إلى 88 قتيلا"); a figure before the tally ("300 ألف ... تضاعف عدد اللاجئين") is another count."""
    folded = normalize_arabic(text).lower()
    starts = [q.start for q in find_quantities(folded) if not q.vague]
    return {unit_key(w) for m in _TALLY.finditer(folded) if any(at >= m.end() for at in starts) for w in m.groups() if w}


def _figure_rank(text: str, asks: str, asked: frozenset[str], answer_units: set[str], bridged: frozenset[str] = frozenset()) -> int:
    """How surely a sentence states the figure asked: 0 it counts a noun the question names ("كم مدنيا" / "28
    مدنيا", "كم هدفا" / "29 هدفا"), 1 it counts what the answer's own figure counts (``answer_units``: "57 عاما"
    for "كم يبلغ عمر") or is of the kind of measure the question asks for (``measured`` keys in ``asked``: "how
    heavy" / "70 طنا"), 2 it counts a noun of the question's bridge (``bridged``), 3 it holds some value of the
    kind asked (``holds_kind``), 4 none."""
    units = _counted(text) | _tallied(text) if asks == "number" else set()
    if units & asked:
        return 0
    if units & answer_units or (asks == "number" and _measures(text) & asked):
        return 1
    if units & bridged:
        return 2
    return 3 if holds_kind(text, asks) else 4


#: Question kinds whose answer is a figure each outlet states on its own, and may state differently.
FIGURE_KINDS = frozenset({"number", "date"})


def _choose(
    scored: list[EvidenceSentence],
    limit: int,
    per_doc: int,
    asks: str | None,
    asked: frozenset[str] = frozenset(),
    bridged: frozenset[str] = frozenset(),
    years: frozenset[int] = frozenset(),
    months: frozenset[int] = frozenset(),
) -> list[EvidenceSentence]:
    """At most ``limit`` sentences, at most ``per_doc`` per article, best first.

    Other articles holding a sentence that restates the best one (``RESTATES``:
    other outlets reporting the same fact) each get one slot before any other
    sentence but the best one and its near ties (``NEAR_TIE``) that say something
    else: an English question over Arabic reports scores the other outlets'
    sentences low (cosines run lower across languages), and one article's second
    sentence, or a report of another event of the same kind, took their places;
    yet the outlets' figures must be quoted side by side to be compared at all.

    A question asking for a figure or a date (``FIGURE_KINDS``) is answered by
    ``_figures``; so is one whose interrogative asks for no kind ("ما حصيلة
    قتلى ...", "what is the death toll") when its best sentence counts a noun
    the question names (``asked``). The best sentence stays first whatever else
    is chosen, so abstention does not change.
    """
    if not scored:
        return []
    best = scored[0]
    firsts = {ev.doc_id: ev for ev in reversed(scored)}  # each article's best sentence
    restating = [firsts[d] for d in {ev.doc_id for ev in scored if ev.restates >= RESTATES} - {best.doc_id}]
    ties = [ev for ev in scored[1:] if ev.score >= NEAR_TIE * best.score and ev.restates < RESTATES]
    ahead = sorted({id(ev): ev for ev in [best, *ties, *restating]}.values(), key=_order)
    taken = {id(ev) for ev in ahead}
    ranked = ahead + [ev for ev in scored if id(ev) not in taken]
    if asks is None and _counted(best.text) & (asked | bridged):
        asks = "number"
    if asks in FIGURE_KINDS:
        return _figures(scored, ranked, limit, per_doc, asks, asked, bridged, years, months)
    slots: dict[str, int] = {}
    for ev in ranked:
        if sum(slots.values()) == limit:
            break
        if slots.get(ev.doc_id, 0) < per_doc:
            slots[ev.doc_id] = slots.get(ev.doc_id, 0) + 1
    return sorted((ev for doc_id, n in slots.items() for ev in [e for e in scored if e.doc_id == doc_id][:n]), key=_order)


#: Logistic weights (ratio of the article's best score to the best one, the article's closest restatement of the
#: best sentence, intercept) of "this retrieved article reports the same event as the best sentence". Fitted on the
#: 28 events of bench/data/generalization_events.json, Arabic and English questions: 294 other retrieved articles,
#: 95 of them the event's own; at probability 0.5 it keeps 76 of those and 8 of the 199 others (reports of another
#: crash, bombing or flood, whose figures must not be quoted as the event's). With the restatement test (``same_event``),
#: refitted 4-fold by event: 83 of 95 kept out of fold (restatement alone: 72), 15 of 199 others (13). The weights
#: held on a boosted-tree ranker's scores too (86 of 96, 19 of 198), so they are not tied to one ranker's calibration.
SAME_EVENT = (4.55, 4.08, -3.91)


def same_event(ratio: float, restates: float) -> bool:
    """Does a retrieved article report the event the best sentence is about?

    It restates the best sentence (``RESTATES``), or its best sentence and its
    closest restatement together say so (``SAME_EVENT``).
    """
    a, b, c = SAME_EVENT
    return restates >= RESTATES or a * ratio + b * restates + c >= 0.0


def recalls_past(text: str, published: str | None, asked_years: frozenset[int] = frozenset()) -> bool:
    """Are the sentence's counts all of a past year: a past event recalled ("وفي يوليو 2004 قتل 41 شخصا") or a
    running total since one ("قتل 1500 شخصا منذ 2012"), not the news?

    Only a count is judged so: the answer to "when" may well be a past year. A count is dated by the time its
    own clause names (``bot.claims``: its period, or a year in its phrase), so a year in another clause ("قُتل نحو
    19 شخصا ... في شبه جزيرة القرم التي ضمتها روسيا عام 2014") dates something else; and a count the number
    reader reads is no year ("قتل 1500 شخص"). A year the question names (``asked_years``) is the one asked, not
    the past.
    """
    year = int(published[:4]) if published and published[:4].isdigit() else None
    if year is None or not _names_past_year(text, year, asked_years):
        return False  # no past year named: nothing to date a count by (and no need to read the claims)
    anchor = dt.date.fromisoformat(published[:10]) if len(published) >= 10 else dt.date(year, 12, 31)
    counts = [c for c in extract_claims(Evidence(0, "", text, None, anchor)) if c.slot == "number" and c.unit not in time_units()]
    return bool(counts) and all(
        (c.period_start is not None and c.period_start.year < year and c.period_start.year not in asked_years)
        or _names_past_year(_with_year_after(text, c.phrase), year, asked_years)
        for c in counts
    )


#: A year written right after a count's phrase dates it, though the claim reader ends the phrase before it ("قتلت
#: أمواج مد عاتية 226 ألف شخص في 2004", "killed 230,000 people in 2004"); a year further on, past other words, may
#: be another clause's ("... في شبه جزيرة القرم التي ضمتها روسيا عام 2014").
_YEAR_AFTER = re.compile(r"[\s,،]*(?:(?:في|خلال|منذ|عام|سنة|العام|in|during|since)\s+){0,2}[12٢١][0-9٠-٩]{3}(?![0-9٠-٩])")


def _with_year_after(text: str, phrase: str) -> str:
    """The count's phrase and the year written right after it in ``text``, if any (``_YEAR_AFTER``)."""
    at = text.find(phrase)
    m = _YEAR_AFTER.match(text, at + len(phrase)) if at >= 0 else None
    return phrase + (m.group(0) if m else "")


def _names_past_year(text: str, year: int, asked_years: frozenset[int] = frozenset()) -> bool:
    """Does the text name a year before ``year``, other than ``asked_years``? Years are the calendar's
    (``find_years``) less the numbers the number reader takes for counts ("قتل 1500 شخص" is a toll, not a year)."""
    counts = [(q.start, q.end) for q in find_quantities(text)]
    return any(
        m.value_start.year < year and m.value_start.year not in asked_years and not any(s <= m.start < e for s, e in counts)
        for m in find_years(text)
        if m.value_start
    )


def _echo(ev: EvidenceSentence, refs: list[EvidenceSentence]) -> float:
    """How closely the sentence restates the closest of ``refs`` (USE cosine; 0 without vectors)."""
    return max((float(ev.vector @ r.vector) for r in refs if ev.vector is not None and r.vector is not None), default=0.0)


def _restated(refs: list[EvidenceSentence], others: list[EvidenceSentence], best: EvidenceSentence) -> EvidenceSentence | None:
    """The statement of the thing asked, other than the best sentence, that another article's figure restates most
    closely (``RESTATES``), or None.

    Why: when the best sentence states the figure itself, the article's second slot went by rank, and the article
    often words the figure twice ("اجتمعا ... لمدة 48 دقيقة" / "بعد محادثات أولية استمرت قرابة 48 دقيقة"); the
    other outlet's figure ("استمرت قرابة 40 دقيقة") can be compared only with the wording that says the same thing.
    """
    echoes = [(_echo(other, [ref]), ref) for ref in refs if ref is not best for other in others]
    score, ref = max(echoes, key=lambda e: e[0], default=(0.0, None))
    return ref if score >= RESTATES else None


def _figures(
    scored: list[EvidenceSentence],
    ranked: list[EvidenceSentence],
    limit: int,
    per_doc: int,
    asks: str,
    asked: frozenset[str] = frozenset(),
    bridged: frozenset[str] = frozenset(),
    years: frozenset[int] = frozenset(),
    months: frozenset[int] = frozenset(),
) -> list[EvidenceSentence]:
    """Each article's statement of the figure asked, one article after another, before any second sentence.

    Outlets often lead with a sentence that names the event but not its toll
    ("سقوط قتلى ومصابين") and state the figure deeper down, where the ranker,
    judging one sentence at a time, scores it low; and each outlet, or each
    later report of one outlet, may state a different figure. A figure that is
    not quoted can be neither answered nor compared, so every article reporting
    the same event (``same_event``), in the order the articles earn their place
    (``ranked``), gives its slot to its statement of the figure asked, quoted on
    its article's score (``quote_score``). Which of an article's figures that is,
    ``_figure_rank`` says: first one counting a noun the question names
    (``asked``: "كم هدفا سجل" is "29 هدفا", not "الستة عشر" of a cup round),
    then one counting what the answer's figure counts, then a noun of the
    question's bridge, then any of the kind; within one of these, a sentence
    naming a month the question names (``months``: "sentenced in February"
    / "في شباط/فبراير") goes first, since across languages the ranker cannot
    tell the month's figure from the week's; the ranker's order settles the
    rest. The answer's figure is the best article's: one counting a noun the
    question names, else its best-scored figure (a bridge's topic word is no
    sign there). Not the best article's own date, though: nearly every
    article names some day or year, so a date sentence of the one article that
    best matches the question is no sign of the date asked (in a collection that
    lacks the answer, it turned a declined answer into a wrong date); a second
    report of the event vouches for its own. An article whose figure restates
    one of the best article's statements of the thing asked (``refs``: its
    figures counting a noun the question names; ``RESTATES``) reports the same
    event too, however low its lead scores: another outlet's copy of the story,
    whose figure may differ ("وصل 420 مهاجرا إلى الجزيرة" / "وصل 380 مهاجرا إلى
    الجزيرة"). When the slots run short, an article whose figure counts a noun
    the question names, or what the answer counts (``_figure_rank`` up to 2),
    goes before one whose figure is merely of the kind asked ("تبعد الجزيرة 140
    كيلومترا" is no answer to "how many migrants arrived"). The best article
    also keeps its best sentence, and when that sentence holds no figure, it is
    quoted beyond ``limit``. The rest, up to ``limit``, go by rank, as for any
    question.
    """
    best = scored[0]
    cap = limit + (not holds_kind(best.text, asks))  # the best sentence names the event without a figure: the figures keep ``limit``
    own: dict[str, list[EvidenceSentence]] = {}
    for ev in scored:
        own.setdefault(ev.doc_id, []).append(ev)

    def statements(
        doc_id: str, answer_units: set[str], bridge: frozenset[str], refs: list[EvidenceSentence] | None = None
    ) -> Iterator[tuple[int, EvidenceSentence]]:
        """The article's sentences holding a value of the kind asked, with their ``_figure_rank``, surest first (within
        a rank, one naming a month the question names, then by the ranker's score plus its restatement of ``refs``), a
        count of a past year left out.

        Why the restatement: another outlet words the figure's sentence as the answer's article does ("وأحرز مع الفريق
        29 هدفا" / "وسجل نيمار 28 هدفا"), and a cosine between two sentences of one language says so where the
        ranker's score against a question in the other language is low and flat over all of an article's sentences
        ("بثلاثة أهداف مقابل هدف" of a match result outscored the season's goals for an English question). Added to the
        score, not put before it: a restatement of a wrong reference (a past figure the best article recalls) must not
        outvote a sentence the ranker finds answers the question."""
        ranks = sorted(
            (
                _figure_rank(ev.text, asks, asked, answer_units, bridge),
                not months or months.isdisjoint(months_named(ev.text)),
                -(ev.score + _echo(ev, refs or [])),
                i,
            )
            for i, ev in enumerate(own[doc_id])
        )
        fit = ((rank, own[doc_id][i]) for rank, _, _, i in ranks if rank < 4)
        return ((rank, ev) for rank, ev in fit if not (asks == "number" and recalls_past(ev.text, ev.published, years)))

    stated = statements(best.doc_id, set(), frozenset())
    top, answer = next(stated, (4, None))
    refs = [answer, *(ev for _, ev in takewhile(lambda f: f[0] == top, stated))] if top < 3 else []  # its statements of the thing asked
    answer_units = (_counted(answer.text) & asked or _counted(answer.text)) if answer is not None and asks == "number" else set()
    figures: dict[str, tuple[int, EvidenceSentence]] = {}
    for doc_id in dict.fromkeys(ev.doc_id for ev in ranked if ev.doc_id != best.doc_id):
        lead = own[doc_id][0]
        reports = same_event(lead.score / best.score if best.score else 0.0, max(ev.restates for ev in own[doc_id]))
        found = next(statements(doc_id, answer_units, bridged, refs), None) if reports or refs else None
        if found and (reports or _echo(found[1], refs) >= RESTATES):  # or its figure restates the answer's: the same report
            figures[doc_id] = found
    chosen: list[EvidenceSentence] = [best]

    def second(ev: EvidenceSentence | None, room: int) -> None:
        """The best article's second slot: its statement of the figure asked, when there is room."""
        if ev is not None and per_doc > 1 and len(chosen) < room:
            chosen.append(replace(ev, figure=True, article_score=best.score) if asks == "number" else ev)

    second(answer if answer is not best else None, min(cap, 2))
    for doc_id in sorted(figures, key=lambda d: figures[d][0] > 2):  # an article naming the thing asked before one that only holds a value
        if len(chosen) < cap:
            chosen.append(replace(figures[doc_id][1], figure=True, article_score=own[doc_id][0].score))
    if answer is best:  # after the other articles' figures: a restatement to compare them with, not a figure of its own
        second(_restated(refs, [ev for _, ev in figures.values()], best), limit)
    done = {(ev.doc_id, ev.start) for ev in chosen}
    for ev in ranked:
        if len(chosen) >= limit:
            break
        if (ev.doc_id, ev.start) not in done and sum(c.doc_id == ev.doc_id for c in chosen) < per_doc:
            chosen.append(ev)
            done.add((ev.doc_id, ev.start))
    return sorted(chosen, key=_order)
