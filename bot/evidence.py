"""Pick the evidence sentences inside retrieved chunks, and score them.

A citation must be a sentence a reader can check, not a 700-character chunk, so
every retrieved chunk is re-split (the same pure splitter as at ingest) and each
sentence is scored against the question by the learned ranker (``bot.ranker``):
the probability that the sentence holds the answer, from meaning (USE cosine of
the sentence, e5 cosine of its chunk: what lets an English question match
Arabic text), coverage of the question's rare words (IDF-weighted), the chunk's
retrieval rank and fusion score, and whether the sentence holds the kind of
value asked for. That probability is also what Isnad abstains on.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import numpy as np
from langchain_core.embeddings import Embeddings

from bot.injection import addressed_to_system
from bot.ranker import CandidateSignals, Ranker, candidate_features, load_ranker
from bot.retrieval import Hit
from language.lexicon import question_kind
from language.numbers import find_quantities
from language.normalize import ARABIC_LETTER, LATIN_LETTER, bm25_tokens
from vectorstore.keyword import KeywordIndex

#: An article quoted once gives its one slot to its best sentence holding a count when that sentence is at
#: least this share as likely to answer as the article's best (a prior, not fitted: "half as likely").
COUNT_SLOT_RATIO = 0.5
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
            hit.chunk.doc_id, hit.chunk.chunk_id, start, end, text, float(p), float(cos), float(cov), hit.chunk.meta.get("content_hash", "")
        )
        for (hit, _, start, end, text), p, cos, cov in zip(candidates, probs, cosines, signals.coverage)
    ]
    best = min(range(len(scored)), key=lambda i: _order(scored[i]))
    for ev, restates in zip(scored, vectors @ vectors[best]):
        ev.restates = float(restates)
    scored.sort(key=_order)
    return _choose(scored, limit, per_doc, question_kind(question) == "number")


#: Scores closer than this are one score: the encoders' batched float arithmetic moves the last digits.
SCORE_TIE = 1e-6


def _order(ev: EvidenceSentence) -> tuple[float, str, int]:
    """Best first; (near-)equal scores by article and position, so a tie never depends on retrieval order."""
    return (-round(ev.score / SCORE_TIE) * SCORE_TIE, ev.doc_id, ev.start)


def _holds_count(text: str) -> bool:
    """A count is in the sentence (``find_quantities`` skips dates and years)."""
    return any(q.kind == "count" for q in find_quantities(text))


def _choose(scored: list[EvidenceSentence], limit: int, per_doc: int, asks_count: bool) -> list[EvidenceSentence]:
    """At most ``per_doc`` sentences per article, best first.

    Other articles holding a sentence that restates the best one (``RESTATES``:
    other outlets reporting the same fact) each get one slot before any other
    sentence but the best one and its near ties (``NEAR_TIE``) that say something
    else: an English question over Arabic reports scores the other outlets'
    sentences low (cosines run lower across languages), and one article's second
    sentence, or a report of another event of the same kind, took their places;
    yet the outlets' figures must be quoted side by side to be compared at all.

    For a "how many" question an article's slots go to its best sentence and then
    to its best sentence holding a count: outlets often lead with a sentence that
    names the event but not its toll ("سقوط قتلى ومصابين"), and a figure that is
    not quoted can be neither answered nor compared with another outlet's. The
    best sentence stays first whatever else is chosen, so abstention does not change.
    """
    if not scored:
        return []
    best = scored[0]
    firsts = {ev.doc_id: ev for ev in reversed(scored)}  # each article's best sentence
    restating = [firsts[d] for d in {ev.doc_id for ev in scored if ev.restates >= RESTATES} - {best.doc_id}]
    ties = [ev for ev in scored[1:] if ev.score >= NEAR_TIE * best.score and ev.restates < RESTATES]
    ahead = sorted({id(ev): ev for ev in [best, *ties, *restating]}.values(), key=_order)
    taken = {id(ev) for ev in ahead}
    slots: dict[str, int] = {}
    for ev in ahead + [ev for ev in scored if id(ev) not in taken]:
        if sum(slots.values()) == limit:
            break
        if slots.get(ev.doc_id, 0) < per_doc:
            slots[ev.doc_id] = slots.get(ev.doc_id, 0) + 1
    chosen: list[EvidenceSentence] = []
    for doc_id, n in slots.items():
        own = [ev for ev in scored if ev.doc_id == doc_id]
        if asks_count and not any(_holds_count(ev.text) for ev in own[:n]):
            counted = next((ev for ev in own if _holds_count(ev.text)), None)
            if counted is not None:
                # One slot: the figure, unless that slot holds the answer's lead or the figure's sentence is far less likely to answer.
                alone = n == 1 and own[0] is not scored[0] and counted.score >= COUNT_SLOT_RATIO * own[0].score
                lead = None if alone else own[0]
                own = [ev for ev in (lead, counted) if ev is not None] + [ev for ev in own[1:] if ev is not counted]
        chosen.extend(own[:n])
    return sorted(chosen, key=_order)
