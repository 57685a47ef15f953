"""Hybrid retrieval: dense (Chroma) + BM25, fused by reciprocal rank fusion.

RRF needs no score calibration between the two very different scorers, which is
why it is the fusion here: dense cosine and BM25 scores live on unrelated scales.
BM25 runs twice: on the question's own words, and on its bridge (the same words
in the other language, ``bot.crosslingual``) over the articles written in that
language, so an Arabic question also reaches an English wire story by keyword.
The names an English question holds that no dictionary knows (a town, a base)
join the bridge as the store's Arabic words with the same consonant skeleton
("Peshawar" / بيشاور): often the one word that tells the event's articles from
other reports of the same kind (a bombing, a crash).
`IsnadRetriever` exposes the same search through LangChain's Retriever
interface, so the pipeline composes with any LangChain chain.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.embeddings import Embeddings
from langchain_core.retrievers import BaseRetriever

from bot.crosslingual import bridge_text, untranslated_names
from language.names import romanise, skeleton
from language.normalize import detect_language, normalize_arabic
from vectorstore.keyword import LiveKeywordIndex
from vectorstore.store import ArticleStore, StoredChunk


#: Weight in fusion of the keyword ranking searched with the bridge (the question's words in the other
#: language, ``bot.crosslingual``), which only ranks chunks of that other language. Translated words are a
#: noisier query than the reader's own: on XQuAD's English questions over Arabic paragraphs, the bridge at
#: full weight put the right paragraph first for 57% of questions, at half weight 61% (own words only: 64%,
#: dense alone: 72%), with the most paragraphs in the top 8 at half weight (96.6%).
BRIDGE_WEIGHT = 0.5


def rrf_fuse(rankings: list[list[str]], k: int = 60, weights: list[float] | None = None) -> list[tuple[str, float]]:
    """Reciprocal rank fusion: score(id) = sum over rankings of weight / (k + rank)."""
    scores: dict[str, float] = {}
    for ranking, weight in zip(rankings, weights or [1.0] * len(rankings)):
        for rank, item in enumerate(ranking, 1):
            scores[item] = scores.get(item, 0.0) + weight / (k + rank)
    return sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))


#: Top places kept for the best chunks the bridge found. A chunk in the other language never gets the
#: question's own keyword vote, and e5 ranks a same-language chunk above a translation of it, so without
#: a reserved place an English wire story never reached an Arabic question's evidence (it fused below
#: every Arabic chunk that both sides found). The sentence ranker still decides whether it is quoted.
BRIDGE_SLOTS = 2


def fuse(dense: list[str], keyword: list[str], bridged: list[str], k: int, rrf_k: int = 60) -> list[tuple[str, float]]:
    """The top ``k`` of the three rankings fused, keeping the ``BRIDGE_SLOTS`` best-fused chunks of ``bridged``."""
    fused = rrf_fuse([dense, keyword, bridged], rrf_k, [1.0, 1.0, BRIDGE_WEIGHT])
    reached = set(bridged)
    kept = [f for f in fused if f[0] in reached][:BRIDGE_SLOTS]
    rest = [f for f in fused if f not in kept][: max(0, k - len(kept))]
    return sorted(rest + kept, key=lambda kv: (-kv[1], kv[0]))[:k]


def in_language(texts: list[str], lang: str) -> list[int]:
    """Positions of the texts written in ``lang`` (what a bridge in that language may rank)."""
    return [i for i, text in enumerate(texts) if detect_language(text) == lang]


#: Shortest consonant skeleton matched by sound: two consonants ("Osaka" → "sk") match too many Arabic words.
MIN_SKELETON = 3
_ARABIC_WORD = re.compile("[\u0621-\u064a]{3,}")
_PROCLITIC = "وبلفك"


def sound_index(texts: list[str]) -> dict[str, set[str]]:
    """Arabic words of ``texts`` by consonant skeleton (``language.names.skeleton``), also without one proclitic.

    How an English question reaches the Arabic spelling of a name no dictionary
    holds: "Peshawar" and "بيشاور" (or "وبيشاور") share the skeleton "bsr".
    """
    index: dict[str, set[str]] = {}
    for word in {w for text in texts for w in _ARABIC_WORD.findall(normalize_arabic(text))}:
        forms = [word, word[1:]] if word[0] in _PROCLITIC and len(word) > 4 else [word]
        for form in forms:
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


def sound_matches(names: list[str], index: dict[str, set[str]]) -> list[str]:
    """The Arabic words that sound most like each of ``names`` (sorted, for a stable query)."""
    found: set[str] = set()
    for name in names:
        if len(key := skeleton(name)) < MIN_SKELETON or not (words := index.get(key)):
            continue
        if len(key) >= DISTINCT_SKELETON:
            found.update(words)
            continue
        alike = {w: SequenceMatcher(None, name.lower(), romanise(w).lower()).ratio() for w in words}
        best = max(alike.values())
        found.update(w for w, r in alike.items() if r > best - SOUND_MARGIN)
    return sorted(found)


@dataclass
class Hit:
    chunk: StoredChunk
    score: float  # fused RRF score
    dense: float | None  # cosine similarity, when the dense side found it
    keyword: float | None  # BM25 score, when the keyword side found it


class HybridSearcher:
    """Runs both retrievers over one store and fuses them."""

    def __init__(self, store: ArticleStore, embeddings: Embeddings, rrf_k: int = 60, depth: int = 30):
        self.store = store
        self.embeddings = embeddings
        self.keyword = LiveKeywordIndex(store)
        self.rrf_k = rrf_k
        self.depth = depth  # candidates taken from each side before fusion
        self._sounds: tuple[int, int, dict[str, set[str]]] = (0, -1, {})  # (corpus id, size, index) it was built for

    def sounds(self, corpus: list[StoredChunk]) -> dict[str, set[str]]:
        """``sound_index`` of the keyword corpus: extended by the chunks appended since, rebuilt after a compaction.

        Extended on a copy whose touched keys get new sets, so a thread still matching against the old index
        never sees it change, and an upload costs the words it adds rather than a copy of every set.
        """
        built_for, size, index = self._sounds
        if (built_for, size) != (id(corpus), len(corpus)):
            if built_for == id(corpus) and size <= len(corpus):
                added, index = sound_index([c.text for c in corpus[size:]]), dict(index)
                index.update({key: index.get(key, set()) | words for key, words in added.items()})
            else:
                index = sound_index([c.text for c in corpus])
            self._sounds = (id(corpus), len(corpus), index)
        return self._sounds[2]

    def warm(self) -> int:
        """Build the keyword and sound indexes now (returns the chunks indexed).

        WHY: both are built on first use; over a large archive that is tens of
        seconds, which the first question after a start should not wait for.
        """
        _, corpus = self.keyword.current()
        self.sounds(corpus)
        return len(corpus)

    def search(self, query: str, k: int, bridge: str | None = None) -> list[Hit]:
        """Top ``k`` chunks: dense, BM25 on the query, and BM25 on ``bridge`` over chunks in the bridge's language.

        The bridge ranking is how a question reaches articles in the other
        language (an Arabic question, an English wire story); limited to those
        articles, it cannot reorder the ones the question's own words rank.
        Names the bridge lacks join it by sound (``sound_matches``).
        """
        depth = max(self.depth, k)
        dense = self.store.dense_search(self.embeddings.embed_query(query), depth)
        index, corpus = self.keyword.current()
        keyword = [(corpus[h.index], h.score) for h in index.search(query, depth)]
        bridged: list[tuple[StoredChunk, float]] = []
        if names := untranslated_names(query):
            bridge = " ".join([bridge or "", *sound_matches(names, self.sounds(corpus))]).strip()
        if bridge:
            found = [(corpus[h.index], h.score) for h in index.search(bridge, depth)]
            bridged = [found[i] for i in in_language([c.text for c, _ in found], detect_language(bridge))]
        by_id: dict[str, StoredChunk] = {c.chunk_id: c for c, _ in dense + keyword + bridged}
        dense_score = {c.chunk_id: s for c, s in dense}
        keyword_score = {c.chunk_id: s for c, s in bridged + keyword}  # own words' score where both found it
        fused = fuse(*([c.chunk_id for c, _ in ranked] for ranked in (dense, keyword, bridged)), k=k, rrf_k=self.rrf_k)
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
