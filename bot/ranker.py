"""A learned ranker of answer sentences, whose probability is also what Isnad abstains on.

Why learned: the hand-weighted score (USE cosine + word coverage + fusion) was
fitted on 22 seed questions; English questions over Arabic text share almost no
words with it, so they scored below the threshold and abstained. A logistic
regression over a few general signals, trained on ARCD (Arabic) and XQuAD
(English and Arabic questions over Arabic paragraphs), ranks the sentence that
holds the answer first more often and gives a probability that means the same
in both languages. Negatives include questions asked of a collection that lacks
their paragraph, so an off-topic question gets a low probability everywhere.

Signals per (question, candidate sentence): cosine with USE (sentence) and with
e5 (the chunk the sentence sits in: its vector is already in the store, so it
costs nothing at query time), each also relative to the best sentence of the
same article; BM25
IDF coverage of the question's words; the chunk's fusion score and rank;
whether question and sentence are in different languages (an English question
over Arabic text, an Arabic one over an English wire story: cosines run lower
across languages), alone and times the USE cosine and the coverage; and
whether the sentence holds the kind of value the question asks for
(``language.lexicon.question_kind``: a date for "when"/"متى", a number for "how
many"/"كم", a name for "who"/"من", a place for "where"/"أين"/"which country").
Dates are month and weekday names (CLDR) or what the calendar reader
(``language.calendar``) reads ("الشهر الماضي"); places are what the one place
reader (``language.places``) finds: CLDR countries and time-zone exemplar
cities in Arabic and English, so the answer to "what is the capital of..." ("باريس",
"Paris") counts as a place, not only country names.

    python -m bench.answers --train   # rebuild bot/models/ranker.json from ../shared/data
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

import numpy as np

from language.calendar import MONTHS, WEEKDAYS, resolve_times
from language.lexicon import question_kind
from language.normalize import detect_language, normalize_arabic
from language.numerals import number_phrase_pattern
from language.places import find_places

RANKER_PATH = Path(__file__).with_name("models") / "ranker.json"

ValueKind = Literal["date", "number", "person", "place"]
KINDS: tuple[ValueKind, ...] = ("date", "number", "person", "place")


@lru_cache(maxsize=1)
def _calendar_pattern() -> re.Pattern[str]:
    """A month or weekday name (CLDR, every Arabic locale and English) or a plausible year."""
    names = sorted({*MONTHS, *WEEKDAYS}, key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, names))})(?!\w)|(?<!\d)(?:1[0-9]|20)\d\d(?!\d)")


@lru_cache(maxsize=1)
def _number_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{number_phrase_pattern()})(?!\w)")


NAME_PATTERN = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+")


@lru_cache(maxsize=65536)
def value_kinds(sentence: str) -> frozenset[ValueKind]:
    """Which kinds of value a sentence holds, by simple general readers.

    A person is approximated by a run of capitalised Latin words (Arabic has no
    capitals; there the embeddings carry the signal).
    """
    folded = normalize_arabic(sentence)
    kinds: set[ValueKind] = set()
    if _calendar_pattern().search(folded) or resolve_times(sentence, None, detect_language(sentence)):
        kinds.add("date")
    if _number_pattern().search(folded):
        kinds.add("number")
    if find_places(sentence, demonyms=False):  # an adjective ("السورية") does not say where
        kinds.add("place")
    if NAME_PATTERN.search(sentence):
        kinds.add("person")
    return frozenset(kinds)


FEATURES = (
    "use_cos", "use_rel", "e5_cos", "e5_rel", "e5_missing", "coverage", "coverage_rel", "fusion", "inv_rank",
    "cross", "cross_use", "cross_coverage",
    *(f"match_{k}" for k in KINDS), "kind_missing", "log_len",
)  # fmt: skip


@dataclass
class CandidateSignals:
    """Per-candidate raw signals, one array entry per sentence of the retrieved chunks."""

    texts: list[str]
    use_cos: np.ndarray
    e5_cos: np.ndarray  # NaN where the dense retriever did not return the chunk
    coverage: np.ndarray
    fusion: np.ndarray  # fused score of the chunk (bot.retrieval.fuse)
    rank: np.ndarray  # 1-based rank of the chunk
    docs: list[str]  # the article each sentence comes from


def _minus_doc_best(values: np.ndarray, docs: list[str]) -> np.ndarray:
    """Each value minus the best value of the same article.

    Relative to the article, not to all candidates: news repeats a fact across
    outlets, and each outlet's best sentence must keep a fair probability so it
    can be quoted beside the others (and disagreements between them seen).
    """
    out = np.empty_like(values)
    keys = np.array(docs)
    for doc in set(docs):
        mask = keys == doc
        out[mask] = values[mask] - values[mask].max()
    return out


def candidate_features(question: str, s: CandidateSignals) -> np.ndarray:
    """(n, len(FEATURES)) feature matrix; pure, shared by training and serving."""
    n = len(s.texts)
    if not n:
        return np.zeros((0, len(FEATURES)))
    e5_missing = np.isnan(s.e5_cos)
    e5 = np.where(e5_missing, np.nanmin(s.e5_cos) if not e5_missing.all() else 0.0, s.e5_cos)
    lang = detect_language(question)
    cross = np.array([float(detect_language(t) != lang) for t in s.texts])  # question and sentence in different languages
    kind = question_kind(question)
    held = [value_kinds(t) for t in s.texts]
    match = np.array([[float(kind == k and k in h) for k in KINDS] for h in held]).reshape(n, len(KINDS))
    missing = np.array([float(kind is not None and kind not in h) for h in held])
    cols = [
        s.use_cos, _minus_doc_best(s.use_cos, s.docs), e5, _minus_doc_best(e5, s.docs), e5_missing.astype(float),
        s.coverage, _minus_doc_best(s.coverage, s.docs), s.fusion, 1.0 / s.rank,
        cross, cross * s.use_cos, cross * s.coverage,
        *match.T, missing, np.array([math.log1p(len(t)) / 5.0 for t in s.texts]),
    ]  # fmt: skip
    return np.column_stack(cols).astype(float)


@dataclass
class Ranker:
    """Standardised logistic regression over named features: the one saved-model format of ``bot/models``.

    Three kinds of model share it: the answer-sentence ranker here (``probability``, with the
    abstention ``threshold``), the answerability gate (``bot.answerable``) and the value and clause
    choosers of the direct line (``bot.direct``, conditional logits compared by ``scores`` within one
    sentence; ``mean`` 0, ``scale`` 1, no threshold). One format means one loader and one check that
    a model was fitted on the features it is used with (``read_model``).
    """

    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    threshold: float | None  # the ranker and gate abstain below it; a chooser has none
    meta: dict

    def scores(self, X: np.ndarray) -> np.ndarray:
        """Log-odds of each row of ``X``."""
        return ((X - self.mean) / self.scale) @ self.coef + self.intercept

    def probability(self, X: np.ndarray) -> np.ndarray:
        if not len(X):
            return np.zeros(0)
        return 1.0 / (1.0 + np.exp(-self.scores(X)))

    def to_json(self) -> dict:
        return {
            "features": list(self.features), "mean": self.mean.tolist(), "scale": self.scale.tolist(),
            "coef": self.coef.tolist(), "intercept": self.intercept, "threshold": self.threshold, "meta": self.meta,
        }  # fmt: skip

    @classmethod
    def from_json(cls, data: dict) -> Ranker:
        """The model ``to_json`` wrote."""
        threshold = data.get("threshold")
        return cls(
            tuple(data["features"]), np.asarray(data["mean"], dtype=float), np.asarray(data["scale"], dtype=float),
            np.asarray(data["coef"], dtype=float), float(data["intercept"]), None if threshold is None else float(threshold),
            data.get("meta", {}),
        )  # fmt: skip

    def save(self, path: Path = RANKER_PATH) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.to_json(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def linear(features: tuple[str, ...], coef: np.ndarray, meta: dict | None = None) -> Ranker:
    """A model of raw (unstandardised) features with no intercept or threshold: a conditional logit's weights."""
    n = len(features)
    return Ranker(tuple(features), np.zeros(n), np.ones(n), np.asarray(coef, dtype=float), 0.0, None, meta or {})


def fit(X: np.ndarray, y: np.ndarray, threshold: float = 0.5, meta: dict | None = None, features: tuple[str, ...] = FEATURES) -> Ranker:
    """Fit the logistic regression (sklearn) and keep only the numbers serving needs."""
    from sklearn.linear_model import LogisticRegression

    mean, scale = X.mean(axis=0), X.std(axis=0)
    scale = np.where(scale > 1e-9, scale, 1.0)
    model = LogisticRegression(C=1.0, max_iter=2000).fit((X - mean) / scale, y)
    return Ranker(tuple(features), mean, scale, model.coef_[0], float(model.intercept_[0]), threshold, meta or {})


def read_model(path: Path, features: tuple[str, ...]) -> Ranker | None:
    """The model saved at ``path``, or None when there is none or it was fitted on other features (stale: do not guess)."""
    if not path.exists():
        return None
    model = Ranker.from_json(json.loads(path.read_text(encoding="utf-8")))
    return model if model.features == tuple(features) else None


@lru_cache(maxsize=1)
def load_ranker(path: Path = RANKER_PATH) -> Ranker:
    model = read_model(path, FEATURES)
    if model is None:
        raise RuntimeError(f"{path} is missing or was trained on other features; rebuild it with `python -m bench.answers --train`")
    return model
