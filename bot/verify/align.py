"""What the multilingual encoder adds across languages: each claim word's translations in the evidence (``align_words``)
and each sentence's closeness to the claim (``sentence_similarity``), computed once and handed to the pure verdict.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from bot.crosslingual import ALIGN, nearest_words
from bot.verify.frame import _NOT_CONTENT_EN, _PREFIX, _WORD
from bot.verify.numbers import _predicate_words
from language.lexicon import FUNCTION_WORDS_AR
from language.normalize import detect_language, normalize_arabic
from language.numbers import Quantity, find_quantities

if TYPE_CHECKING:
    from langchain_core.embeddings import Embeddings


def align_words(claim: str, texts: Sequence[str], embeddings: Embeddings) -> dict[str, list[str]]:
    """Each content word of ``claim`` -> the words of the other language in ``texts`` the multilingual encoder puts
    closest to it (``bot.crosslingual.nearest_words``). The learned lexicon knows a few thousand words; a claim in Arabic checked
    against an English wire story ("قتل أربعة أشخاص" / "Four people … were killed") needs its every word."""
    english = detect_language(claim) == "en"
    # Not names (an English word in capitals): the encoder puts "باقري" beside "Bashar"; names are matched by their
    # entity ids and skeletons.
    mine = [w for w in _content_words_raw(claim) if not w[0].isupper() and w.isascii() == english]
    theirs = [w for t in texts for w in _content_words_raw(t) if w.isascii() != english and not w[0].isupper()]
    aligned = nearest_words(mine, theirs, embeddings)
    # A count's noun is also matched against the other language's count nouns alone: among all words the encoder puts
    # "people" nearest "الناس", and the count "50 شخصا" beyond its margin, so a figure no source shares met no count.
    # So is a count's predicate against the other language's count predicates: "أصيب 50 شخصا" meets "wounding 60 others"
    # only so (among all words, "أصيب" falls nearest no English one within the margin).
    for words, floor in ((_count_nouns, ALIGN), (_count_predicates, PREDICATE_ALIGN)):
        counted = {normalize_arabic(w).lower() for w in words([claim])}
        claimed = [w for w in mine if normalize_arabic(w).lower() in counted]
        for w, found in nearest_words(claimed, [w for w in words(texts) if w.isascii() != english], embeddings, floor).items():
            aligned[w] = list(dict.fromkeys([*aligned.get(w, []), *found]))
    return aligned


#: The encoder's cosine at which a count's predicate translates one of the other language's count predicates: 0.71-0.91
#: for a deed and its translation ("أصيب"/"wounding", "قتل"/"killed"), 0.42-0.58 for the contrasting deed ("أصيب"/
#: "killed", "قتل"/"wounded"). Lower than ``ALIGN``, as only count predicates compete.
PREDICATE_ALIGN = 0.65


def _counts_stated(text: str) -> list[Quantity]:
    """The counts ``text`` states a figure for: not a vague count ("عشرات الناس"), which states no figure to confirm or
    rival."""
    return [q for q in find_quantities(text) if q.kind == "count" and not q.vague]


def _count_nouns(texts: Sequence[str]) -> list[str]:
    """The content words that name what the texts' figures count ("people" in "20 people were killed")."""
    return [w for t in texts for q in _counts_stated(t) for w in _content_words_raw(q.unit_text or "")]


def _count_predicates(texts: Sequence[str]) -> list[str]:
    """The content words that say what happened to the texts' figures ("wounding" in "wounding 60 others", "أصيب" in
    "أصيب 50 شخصا": ``_predicate_words``)."""
    return [w for t in texts for q in _counts_stated(t) for w in _content_words_raw(" ".join(_predicate_words(t, q, noun=False)))]


def sentence_similarity(claim: str, texts: Sequence[str], embeddings: Embeddings) -> dict[str, float]:
    """Each sentence of the other language than ``claim``'s -> its cosine with the claim in the multilingual encoder."""
    lang = detect_language(claim)
    others = list(dict.fromkeys(t for t in texts if detect_language(t) != lang))
    if not others:
        return {}
    vectors = np.asarray(embeddings.embed_documents([claim, *others]), dtype=np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
    return dict(zip(others, (vectors[1:] @ vectors[0]).tolist()))


def _content_words_raw(text: str) -> list[str]:
    """The words of ``text`` as written, less function words and figures: what ``align_words`` embeds."""
    out = []
    for w in _WORD.findall(text):
        folded = normalize_arabic(w).lower()
        if len(w) < 3 or any(c.isdigit() for c in w) or {folded, _PREFIX.sub("", folded)} & (FUNCTION_WORDS_AR | _NOT_CONTENT_EN):
            continue
        out.append(w)
    return out
