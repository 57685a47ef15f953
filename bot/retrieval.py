"""Hybrid retrieval: dense (Chroma) + BM25, fused by their scores standardised per question.

Dense cosine and BM25 scores live on unrelated scales, so each side's scores are
standardised over its own candidates for the question before they are added
(``fuse``). Not reciprocal rank fusion, which this used until session 17: RRF
forgets how far apart the candidates are, and at 11,808 news articles that lost
the gold paragraph (``bench.recall``): with k=60 a chunk both sides found
anywhere in their top 30 (2/90) outranks one that one side ranked first (1/61),
and the more news there is, the more news chunks both sides find halfway down.
BM25 runs twice: on the question's own words, and on its bridge (the same words
in the other language, ``bot.crosslingual``) over the articles written in that
language, so an Arabic question also reaches an English wire story by keyword.
The names a question holds that no dictionary knows (a town, a base, a person)
join the bridge as the store's words of the other script with the same consonant
skeleton ("Peshawar" / بيشاور, باقري / "Bagheri"): often the one word that tells
the event's articles from other reports of the same kind (a bombing, a crash).
`IsnadRetriever` exposes the same search through LangChain's Retriever
interface, so the pipeline composes with any LangChain chain.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from difflib import SequenceMatcher

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.embeddings import Embeddings
from langchain_core.retrievers import BaseRetriever

from bot.crosslingual import bridge_text, unknown_arabic_words, untranslated_names
from language.names import romanise, skeleton
from language.normalize import ARABIC_LETTER, detect_language, normalize_arabic
from vectorstore.keyword import Corpus, LiveKeywordIndex
from vectorstore.store import ArticleStore, StoredChunk


#: Weights in fusion of the three rankings: dense, BM25 on the question's own words, and BM25 on the bridge
#: (the question's words in the other language, ``bot.crosslingual``, which only ranks chunks of that other
#: language). Chosen by cross-validation of recall@5 through the real store at 11,808 ANT news articles +
#: ARCD's and XQuAD's paragraphs (``python -m bench.recall --xquad --fit``: folds by paragraph, the mean of
#: ARCD ar, XQuAD ar and XQuAD en; bench/README.md "recall at scale"): every fold chose depth 100, dense 1.2
#: (held out 0.905 / 0.938 / 0.887; RRF k=60: 0.859 / 0.928 / 0.808) and a bridge of 1.5, 0.003 above 1.25 on
#: XQuAD en only; 1.25 is what the downstream benches were run with. At 30,337 articles: 0.902 / 0.914 / 0.845
#: (RRF: 0.867 / 0.916 / 0.726). Min-max scaling did as well on those (0.899 / 0.946 / 0.892) but reordered the
#: few chunks of a small collection against the evidence ranker (a follow-up over the five seed articles lost
#: its quote). The bridge weighs more than the question's own words because it only competes with them on an
#: English question (whose own words rarely match Arabic text).
WEIGHTS = (1.2, 1.0, 1.25)

#: Top places kept for the best chunks the bridge found. A chunk in the other language never gets the
#: question's own keyword vote, and e5 ranks a same-language chunk above a translation of it, so without
#: a reserved place an English wire story never reached an Arabic question's evidence (it fused below
#: every Arabic chunk that both sides found). The sentence ranker still decides whether it is quoted.
BRIDGE_SLOTS = 2


def rrf_fuse(rankings: list[list[str]], k: int = 60, weights: list[float] | None = None) -> list[tuple[str, float]]:
    """Reciprocal rank fusion: score(id) = sum over rankings of weight / (k + rank) (bench.retrieval's baseline)."""
    scores: dict[str, float] = {}
    for ranking, weight in zip(rankings, weights or [1.0] * len(rankings)):
        for rank, item in enumerate(ranking, 1):
            scores[item] = scores.get(item, 0.0) + weight / (k + rank)
    return sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))


def standardised(ranked: list[tuple[str, float]]) -> dict[str, float]:
    """One side's scores as standard deviations from the mean of its candidates (all 1 when they tie).

    WHY per question: a cosine of 0.85 is a good e5 match for one question and a
    poor one for the next, and BM25 scores grow with the query's length; how far
    a candidate stands out from the side's other candidates is what is comparable.
    A candidate a side did not return counts as that side's mean (0).
    """
    if not ranked:
        return {}
    scores = [score for _, score in ranked]
    mean, sd = statistics.fmean(scores), statistics.pstdev(scores)
    return {item: (score - mean) / sd if sd > 0 else 1.0 for item, score in ranked}


def fuse(
    dense: list[tuple[str, float]],
    keyword: list[tuple[str, float]],
    bridged: list[tuple[str, float]],
    k: int,
    weights: tuple[float, float, float] = WEIGHTS,
) -> list[tuple[str, float]]:
    """The top ``k`` of the three scored rankings by the ``weights``-weighted sum of their ``standardised`` scores.

    The ``BRIDGE_SLOTS`` best-fused chunks of ``bridged`` keep a place in the top ``k``.
    """
    fused: dict[str, float] = {}
    for ranked, weight in zip((dense, keyword, bridged), weights):
        for item, score in standardised(ranked).items():
            fused[item] = fused.get(item, 0.0) + weight * score
    ordered = sorted(fused.items(), key=lambda kv: (-kv[1], kv[0]))
    reached = {item for item, _ in bridged}
    kept = [f for f in ordered if f[0] in reached][:BRIDGE_SLOTS]
    rest = [f for f in ordered if f not in kept][: max(0, k - len(kept))]
    return sorted(rest + kept, key=lambda kv: (-kv[1], kv[0]))[:k]


def in_language(texts: list[str], lang: str) -> list[int]:
    """Positions of the texts written in ``lang`` (what a bridge in that language may rank)."""
    return [i for i, text in enumerate(texts) if detect_language(text) == lang]


#: Shortest consonant skeleton matched by sound: two consonants ("Osaka" → "sk") match too many Arabic words.
MIN_SKELETON = 3
_ARABIC_WORD = re.compile("[\u0621-\u064a]{3,}")
#: A capitalised Latin word (a name in English text: "Bagheri", "Assad" of "al-Assad", "DAMASCUS").
_LATIN_NAME = re.compile(r"\b[A-Z][A-Za-z]{2,}\b")
_PROCLITIC = "وبلفك"


def sound_words(text: str) -> set[str]:
    """The words of ``text`` a ``sound_index`` may hold (the keyword index collects them per chunk): its normalised
    Arabic words and its capitalised Latin ones."""
    return set(_ARABIC_WORD.findall(normalize_arabic(text))) | set(_LATIN_NAME.findall(text))


def _forms(word: str) -> list[str]:
    """A word, and an Arabic one also without one proclitic ("وبيشاور" is "بيشاور" after "and")."""
    return [word, word[1:]] if word[0] in _PROCLITIC and len(word) > 4 else [word]


def sound_index(texts: list[str], latin: bool = False) -> dict[str, set[str]]:
    """Arabic words of ``texts`` (and with ``latin`` their capitalised Latin words) by consonant skeleton
    (``language.names.skeleton``), an Arabic word also without one proclitic.

    How an English question reaches the Arabic spelling of a name no dictionary
    holds: "Peshawar" and "بيشاور" (or "وبيشاور") share the skeleton "bsr"; and,
    with ``latin``, how an Arabic question reaches an English one: باقري / "Bagheri" ("bkr").
    """
    index: dict[str, set[str]] = {}
    for word in {w for text in texts for w in sound_words(text)}:
        if not latin and not ARABIC_LETTER.search(word):
            continue
        for form in _forms(word):
            if len(key := skeleton(form)) >= MIN_SKELETON:
                index.setdefault(key, set()).add(word)
    return index


#: How much less alike than the best match a sound-alike may spell (``difflib`` ratio of the Latin forms): a
#: three-consonant skeleton ("Peshawar" → "bsr") is shared by unrelated words (بشار, بسوريا); the name's own
#: spelling is the closest (بيشاور).
SOUND_MARGIN = 0.05
#: A skeleton this long is one name's, whatever the spelling: every word with it matches (فريدريكتون and
#: فردريكتون both spell "Fredericton", the first less alike by letters).
DISTINCT_SKELETON = 5


def _latin(word: str) -> str:
    """A word as lower-case Latin letters, to compare spellings across scripts."""
    return (romanise(word) if ARABIC_LETTER.search(word) else word).lower()


def sound_matches(names: list[str], index: dict[str, set[str]]) -> list[str]:
    """The words of the other script that sound most like each of ``names`` (sorted, for a stable query)."""
    found: set[str] = set()
    for name in names:
        arabic = bool(ARABIC_LETTER.search(name))
        keys = {k for form in (_forms(name) if arabic else [name]) if len(k := skeleton(form)) >= MIN_SKELETON}
        words = {w for k in keys for w in index.get(k, ()) if bool(ARABIC_LETTER.search(w)) != arabic}
        if not words:
            continue
        if min(map(len, keys)) >= DISTINCT_SKELETON:
            found.update(words)
            continue
        alike = {w: SequenceMatcher(None, _latin(name), _latin(w)).ratio() for w in words}
        best = max(alike.values())
        found.update(w for w, r in alike.items() if r > best - SOUND_MARGIN)
    return sorted(found)


#: Candidates taken from each side before fusion. Deeper than the top ``k`` because the scores are standardised
#: over the candidates and because English questions reach Arabic text low in both the dense and the bridge
#: ranking: the cross-validation above chose 100 over 30 and 50.
DEPTH = 100


@dataclass
class Hit:
    chunk: StoredChunk
    score: float  # fused score (``fuse``): weighted standard scores, higher is better
    dense: float | None  # cosine similarity, when the dense side found it
    keyword: float | None  # BM25 score, when the keyword side found it


class HybridSearcher:
    """Runs both retrievers over one store and fuses them."""

    def __init__(self, store: ArticleStore, embeddings: Embeddings, depth: int = DEPTH):
        self.store = store
        self.embeddings = embeddings
        self.keyword = LiveKeywordIndex(store, words=sound_words)
        self.depth = depth  # candidates taken from each side before fusion
        self._sounds: tuple[int, int, dict[str, set[str]]] = (0, -1, {})  # (corpus id, size, index) it was built for

    def sounds(self, corpus: Corpus) -> dict[str, set[str]]:
        """``sound_index`` of the keyword corpus's words: extended by the words added since, rebuilt after a compaction.

        Extended on a copy whose touched keys get new sets, so a thread still matching against the old index
        never sees it change, and an upload costs the words it adds rather than a copy of every set.
        """
        built_for, size, index = self._sounds
        words = corpus.words
        if (built_for, size) != (id(corpus), len(words)):
            if built_for == id(corpus) and size <= len(words):
                added, index = sound_index(words[size:], latin=True), dict(index)
                index.update({key: index.get(key, set()) | found for key, found in added.items()})
            else:
                index = sound_index(words, latin=True)
            self._sounds = (id(corpus), len(words), index)
        return self._sounds[2]

    def warm(self) -> int:
        """Build the keyword and sound indexes now (returns the chunks indexed).

        WHY: both are built on first use; over a large archive that is tens of
        seconds, which the first question after a start should not wait for.
        """
        _, corpus = self.keyword.current()
        self.sounds(corpus)
        return len(corpus)

    def rankings(self, query: str, depth: int, bridge: str | None = None) -> tuple[list[tuple[StoredChunk, float]], ...]:
        """The top ``depth`` of each side: dense, BM25 on the query, BM25 on ``bridge`` over chunks in its language.

        The bridge ranking is how a question reaches articles in the other
        language (an Arabic question, an English wire story); limited to those
        articles, it cannot reorder the ones the question's own words rank.
        Names the bridge lacks join it by sound (``sound_matches``).
        """
        dense = self.store.dense_search(self.embeddings.embed_query(query), depth)
        index, corpus = self.keyword.current()
        if names := untranslated_names(query) + unknown_arabic_words(query):
            bridge = " ".join([bridge or "", *sound_matches(names, self.sounds(corpus))]).strip()
        keyword, found = corpus.hits(index.search(query, depth), index.search(bridge, depth) if bridge else [])
        bridged = [found[i] for i in in_language([c.text for c, _ in found], detect_language(bridge))] if bridge else []
        return dense, keyword, bridged

    def search(self, query: str, k: int, bridge: str | None = None) -> list[Hit]:
        """Top ``k`` chunks of the three ``rankings``, fused (``fuse``)."""
        dense, keyword, bridged = self.rankings(query, max(self.depth, k), bridge)
        by_id: dict[str, StoredChunk] = {c.chunk_id: c for c, _ in dense + keyword + bridged}
        dense_score = {c.chunk_id: s for c, s in dense}
        keyword_score = {c.chunk_id: s for c, s in bridged + keyword}  # own words' score where both found it
        fused = fuse(*([(c.chunk_id, score) for c, score in ranked] for ranked in (dense, keyword, bridged)), k=k)
        return [Hit(by_id[cid], score, dense_score.get(cid), keyword_score.get(cid)) for cid, score in fused]


class IsnadRetriever(BaseRetriever):
    """LangChain view of `HybridSearcher`: chunks as Documents with offsets in metadata."""

    searcher: HybridSearcher
    k: int = 8

    model_config = {"arbitrary_types_allowed": True}

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        return [
            Document(
                page_content=h.chunk.text,
                id=h.chunk.chunk_id,
                metadata={**h.chunk.meta, "chunk_id": h.chunk.chunk_id, "score": h.score, "dense": h.dense, "keyword": h.keyword},
            )
            for h in self.searcher.search(query, self.k, bridge_text(query))
        ]
