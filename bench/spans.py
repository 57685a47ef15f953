"""Which words of the answer sentence are the answer: the learned value chooser of the direct line.

Run: ``python -m bench.spans`` (cross-validated table) or ``python -m bench.spans --train``
(also writes ``bot/models/span.json`` and ``bot/models/clause.json``); ``--clauses``: the clause chooser alone.
Results go to ``bench/results/spans.json``.
A second table scores the clause chooser (``bot.direct.read_clause``) on questions of no kind: which
clause of the gold sentence, cut to a line, holds the gold span.

Why learned: the sentence the ranker chooses usually holds the answer, but the
hand readers took the first date, number or "party" in it, so the line said
"الأسبوع الماضي" to a "who" question. Here every candidate the general readers
find in the gold answer sentence (``bot.direct.candidates``) is labelled by its
word overlap with the gold answer span (ARCD train, Arabic; XQuAD dev, English
and Arabic questions over Arabic paragraphs), and a logistic regression over
``bot.direct.SPAN_FEATURES`` is fitted. Evaluation is 5-fold cross-validation
grouped by paragraph, so no paragraph is both trained and tested on; Arabic
and English questions are reported apart. An English question is matched to
its Arabic sentence through the bridge lexicon, here one learned without the
question's own paragraph (``bench.answers.held_out_lexicons``), as in retrieval. "holds" is bench.answers' direct_right
test (the value and the gold span contain one another); F1 is word overlap.
"""

from __future__ import annotations

import argparse
import os
import pickle
import re
from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

import config
from bench.answers import ARCD, MIXED, XQUAD, Question, held_out_lexicons, load_items, paragraph_group
from bench.metrics import write_results
from bot.crosslingual import Lexicon, load_lexicon
from bot.ranker import Ranker, linear
from bot.direct import (
    CLAUSE_FEATURES,
    CLAUSE_PATH,
    SPAN_FEATURES,
    SPAN_PATH,
    Candidate,
    Value,
    best_candidate,
    candidates,
    clause_features,
    read_clause,
    read_date,
    read_number,
    read_person,
    read_place,
    shown_clause,
    span_features,
)
from language.lexicon import question_kind
from language.normalize import normalize_arabic
from vectorstore.chunking import split_sentences

RESULTS = config.REPO_ROOT / "bench" / "results" / "spans.json"
CACHE = Path(os.environ.get("ISNAD_BENCH_CACHE", "/tmp/isnad-bench-cache")) / "spans-v17.pkl"
#: Bump the version when ``bot.direct.coarse_clauses`` cuts clauses differently or ``clause_features`` computes one
#: differently: the key below sees only the features' names (v2: session 23, commas inside brackets no longer cut a
#: clause; v3: session 24, a clause opening a reported claim is no ``function_head``; v17 / v4: session 34, a person the
#: question names is a question word in a quote of the other script; v5: session 42, built from the questions alone).
CLAUSE_CACHE = CACHE.with_name("spans-clauses-v5.pkl")
#: A candidate is "the answer" when its words overlap the gold span this much (F1).
POSITIVE_F1 = 0.5
FOLDS = 5
#: Ridge penalty on the chooser's weights.
L2 = 1e-3
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


@dataclass
class Item:
    """One question with its gold sentence and that sentence's candidates."""

    question: Question
    sentence: str
    texts: list[str]  # each candidate's verbatim words
    kinds: list[str]  # each candidate's reader (bot.direct.CANDIDATE_KINDS)
    X: np.ndarray
    f1: np.ndarray  # each candidate's word F1 with the gold answer
    baseline: str  # what the hand readers read from the sentence
    clause: str  # the clause sharing most words with the question (what a question of no kind got before the clause chooser)


def _words(text: str) -> list[str]:
    return _WORD.findall(normalize_arabic(text).lower())


def word_f1(a: str, b: str) -> float:
    """SQuAD-style word overlap of two strings (after Arabic folding)."""
    x, y = _words(a), _words(b)
    common = sum(min(x.count(w), y.count(w)) for w in set(x))
    if not common:
        return 0.0
    p, r = common / len(x), common / len(y)
    return 2 * p * r / (p + r)


def holds(value: str, gold: str) -> bool:
    """bench.answers' direct_right: one of value and gold span contains the other (folded)."""
    v, g = normalize_arabic(value).strip(), normalize_arabic(gold).strip()
    return bool(v) and (g in v or v in g)


def hand_reader(question: str, sentence: str, lexicon: Lexicon | None = None) -> str:
    """The value the readers before the chooser took: the first of the asked kind, else the question's clause."""
    kind = question_kind(question)
    readers = {
        "date": lambda: read_date(sentence, None, "ar"),
        "number": lambda: read_number(sentence, question),
        "person": lambda: read_person(sentence),
        "place": lambda: read_place(sentence),
    }
    value = readers[kind]() if kind else None
    return (value or read_clause(question, sentence, lexicon)).words


def gold_sentence(paragraph: str, q: Question) -> str | None:
    """The sentence that holds the whole gold answer span, or None when the span crosses sentences."""
    end = q.answer_start + len(q.answer)
    return next((paragraph[s.start : s.end] for s in split_sentences(paragraph) if s.start <= q.answer_start and end <= s.end), None)


def build(limit: int | None = None) -> list[Item]:
    """Candidates and features of every question's gold sentence (cached: the readers are slow on 2 cores)."""
    if CACHE.exists() and limit is None:
        cached = pickle.loads(CACHE.read_bytes())
        if cached["features"] == SPAN_FEATURES and cached["sources"] == [str(ARCD), str(XQUAD)]:
            return [Item(*row) for row in cached["items"]]
    paragraphs, questions = load_items()
    held_out = held_out_lexicons()  # an XQuAD question is bridged without its own paragraph's translations
    items = []
    for q in [q for q in questions if q.source != MIXED][:limit]:
        sentence = gold_sentence(paragraphs[q.pid], q)
        if not sentence:
            continue
        lexicon = held_out.get(paragraph_group(q), load_lexicon())
        cands = candidates(q.text, sentence, None, q.lang, lexicon)
        if not cands:
            continue
        texts = [c.value.words for c in cands]
        items.append(
            Item(
                q,
                sentence,
                texts,
                [c.kind for c in cands],
                span_features(q.text, sentence, cands, lexicon),
                np.array([word_f1(t, q.answer) for t in texts]),
                hand_reader(q.text, sentence, lexicon),
                read_clause(q.text, sentence, lexicon).words,
            )
        )
    if limit is None:
        CACHE.parent.mkdir(parents=True, exist_ok=True)
        CACHE.write_bytes(
            pickle.dumps(
                {
                    "features": SPAN_FEATURES,
                    "sources": [str(ARCD), str(XQUAD)],
                    "items": [tuple(getattr(it, f.name) for f in fields(it)) for it in items],
                }
            )
        )
    return items


def _allowed(it: Item) -> np.ndarray:
    """The candidates the line chooses among for this question: those of the kind it asks for."""
    return np.array([k == question_kind(it.question.text) for k in it.kinds])


def _targets(it: Item) -> np.ndarray:
    """What the chooser should put first: among the candidates that hold the gold span (the line's test), or
    else overlap it (F1 >= POSITIVE_F1), those with the best word F1 (ties share)."""
    ok = np.array([holds(t, it.question.answer) for t in it.texts]) | (it.f1 >= POSITIVE_F1)
    if not ok.any():
        return np.zeros(len(it.texts))
    best = it.f1[ok].max()
    t = ok & (it.f1 >= best - 1e-9)
    return t / t.sum()


def fit_softmax(usable: Sequence[tuple[np.ndarray, np.ndarray]], features: Sequence[str], l2: float = L2) -> Ranker:
    """Conditional logit over groups of choices ((X, target distribution) pairs): the choice is relative within
    a sentence, so it is fitted as one."""
    from scipy.optimize import minimize

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        nll, grad = 0.0, np.zeros_like(w)
        for X, t in usable:
            z = X @ w
            p = np.exp(z - z.max())
            p /= p.sum()
            nll -= float(t @ np.log(p + 1e-12))
            grad += X.T @ (p - t)
        return nll / len(usable) + l2 * float(w @ w), grad / len(usable) + 2 * l2 * w

    return linear(tuple(features), minimize(loss, np.zeros(len(features)), jac=True, method="L-BFGS-B").x)


def fit(items: Sequence[Item], l2: float = L2) -> Ranker:
    """The value chooser: softmax over one sentence's candidates of the kind asked for; items whose sentence has
    no candidate overlapping the gold span teach nothing."""
    usable = [(it.X[m], t[m] / t[m].sum()) for it in items if (m := _allowed(it)).sum() > 1 and (t := _targets(it))[m].any()]
    return fit_softmax(usable, SPAN_FEATURES, l2)


@dataclass
class ClauseItem:
    """The clauses of one question's gold sentence, their features, and which (cut to a line) hold the gold span."""

    question: Question
    X: np.ndarray
    holds: np.ndarray


def asks_no_kind(q: Question) -> bool:
    """A question the clause chooser answers: of no value kind (what, why, how).

    Why the chooser is fitted on these only: where a date, number, person or place is asked, the clause holding it
    is placed otherwise (near the value, not the question's topic); fitted on all questions, the chooser held the
    gold span 1-2 points less often on the questions it serves (ARCD, XQuAD Arabic and English, out of fold)."""
    return not question_kind(q.text)


def build_clauses(limit: int | None = None) -> list[ClauseItem]:
    """Clause features of the gold sentence of every question of no kind (``asks_no_kind``), an English question
    bridged without its own paragraph's translations (``held_out_lexicons``). Built from the questions alone, not from
    the span candidates (``build``): minutes, not an hour, on 2 cores. Cached; the key is the features' names."""
    if CLAUSE_CACHE.exists() and limit is None:
        cached = pickle.loads(CLAUSE_CACHE.read_bytes())
        if cached["features"] == CLAUSE_FEATURES:
            return cached["items"]
    paragraphs, questions = load_items()
    held_out = held_out_lexicons()
    out = []
    for q in [q for q in questions if q.source != MIXED and asks_no_kind(q)][:limit]:
        sentence = gold_sentence(paragraphs[q.pid], q)
        if not sentence:
            continue
        clauses, X = clause_features(q.text, sentence, held_out.get(paragraph_group(q), load_lexicon()))
        out.append(ClauseItem(q, X, np.array([holds(shown_clause(c), q.answer) for c in clauses], dtype=float)))
    if limit is None:
        CLAUSE_CACHE.parent.mkdir(parents=True, exist_ok=True)
        CLAUSE_CACHE.write_bytes(pickle.dumps({"features": CLAUSE_FEATURES, "items": out}))
    return out


def fit_clauses(items: Sequence[ClauseItem], l2: float = L2) -> Ranker:
    """The clause chooser: softmax over a sentence's clauses towards those holding the gold span."""
    usable = [(c.X, c.holds / c.holds.sum()) for c in items if len(c.holds) > 1 and c.holds.any()]
    return fit_softmax(usable, CLAUSE_FEATURES, l2)


def cross_validate_clauses(items: Sequence[ClauseItem], folds: int = FOLDS) -> dict[str, dict[str, float]]:
    """Per group: how often the clause shown holds the gold span, chosen as before (most words shared with the
    question) and by the learned chooser out of fold (folds grouped by paragraph)."""
    from sklearn.model_selection import GroupKFold

    before, after = np.zeros(len(items)), np.zeros(len(items))
    pids = [paragraph_group(c.question) for c in items]
    for train, test in GroupKFold(n_splits=folds).split(np.zeros(len(items)), groups=pids):
        model = fit_clauses([items[i] for i in train])
        for i in test:
            c = items[i]
            after[i] = c.holds[int(np.argmax(model.scores(c.X)))]
            before[i] = c.holds[int(np.argmax(c.X[:, 0] - 1e-6 * np.arange(len(c.holds))))]
    out = {}
    for name in sorted({_group(c.question) for c in items}):
        idx = [i for i, c in enumerate(items) if _group(c.question) == name]
        out[name] = {
            "n": len(idx),
            "clause_before": round(float(before[idx].mean()), 3),
            "clause_after": round(float(after[idx].mean()), 3),
            "clause_oracle": round(float(np.mean([items[i].holds.any() for i in idx])), 3),
        }
    return out


def _group(q: Question) -> str:
    return f"{q.source} {q.lang}"


def group(it: Item) -> str:
    return _group(it.question)


def choose(it: Item, model: Ranker) -> str:
    """The value the direct line reads from the gold sentence: the chooser's best candidate of the kind asked
    for, else the clause sharing most words with the question (the learned clause chooser is scored apart:
    ``cross_validate_clauses``)."""
    kind = question_kind(it.question.text)
    cands = [Candidate(k, 0, 0, Value(t, t, t)) for k, t in zip(it.kinds, it.texts)]
    chosen = best_candidate(kind, cands, it.X, model) if kind else None
    return chosen.value.words if chosen else it.clause


def cross_validate(items: Sequence[Item], folds: int = FOLDS) -> list[str]:
    """Out-of-fold value per item, folds grouped by paragraph."""
    from sklearn.model_selection import GroupKFold

    chosen = [""] * len(items)
    pids = [it.question.pid for it in items]
    for train, test in GroupKFold(n_splits=folds).split(np.zeros(len(items)), groups=pids):
        model = fit([items[i] for i in train])
        for i in test:
            chosen[i] = choose(items[i], model)
    return chosen


def evaluate(items: Sequence[Item], chosen: Sequence[str]) -> dict[str, dict[str, float]]:
    """Per group: the value holds the gold span (before: hand readers; after: chooser), mean word F1, oracle."""
    out: dict[str, dict[str, float]] = {}
    for name in sorted({group(it) for it in items}):
        idx = [i for i, it in enumerate(items) if group(it) == name]
        mean = lambda xs: round(float(np.mean(list(xs))), 3)  # noqa: E731
        out[name] = {
            "n": len(idx),
            "holds_before": mean(holds(items[i].baseline, items[i].question.answer) for i in idx),
            "holds_after": mean(holds(chosen[i], items[i].question.answer) for i in idx),
            "f1_before": mean(word_f1(items[i].baseline, items[i].question.answer) for i in idx),
            "f1_after": mean(word_f1(chosen[i], items[i].question.answer) for i in idx),
            "oracle_f1": mean(items[i].f1.max() for i in idx),
        }
    return out


SPAN_LABEL = f"softmax over a sentence's candidates; target: best word F1 with the gold span (>= {POSITIVE_F1})"
CLAUSE_LABEL = "softmax over a sentence's clauses (cut at , ; :), questions of no value kind; target: the clauses that, cut to a line, hold the gold span"


def save(model: Ranker, results: dict, path: Path = SPAN_PATH, label: str = SPAN_LABEL) -> None:
    """Ship a chooser in the one model format (``bot.ranker.Ranker``), with where it came from and how it did."""
    provenance = {
        "trained_on": ["ARCD train (Arabic)", "XQuAD dev (English and Arabic questions over Arabic paragraphs)"],
        "files": [str(ARCD.relative_to(config.REPO_ROOT.parent)), str(XQUAD.relative_to(config.REPO_ROOT.parent))],
        "label": label,
        "trainer": "python -m bench.spans --train",
        "cross_validation": results,
        "trained_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }
    linear(model.features, np.round(model.coef, 6), provenance).save(path)


def render(results: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    values = {name: r for name, r in results.items() if name != "clauses"}  # none with --clauses
    if values:
        t = Table(title=f"value chooser inside the gold sentence ({FOLDS}-fold CV grouped by paragraph)")
        for col in ("group", "n", "holds before", "holds after", "F1 before", "F1 after", "oracle F1"):
            t.add_column(col)
        for name, r in values.items():
            t.add_row(name, str(r["n"]), *(str(r[k]) for k in ("holds_before", "holds_after", "f1_before", "f1_after", "oracle_f1")))
        Console().print(t)
    c = Table(title="clause chooser, questions of no kind (what/why/how): the clause shown holds the gold span")
    for col in ("group", "n", "before (most shared words)", "after (learned)", "oracle"):
        c.add_column(col)
    for name, r in results["clauses"].items():
        c.add_row(name, str(r["n"]), *(str(r[k]) for k in ("clause_before", "clause_after", "clause_oracle")))
    Console().print(c)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.spans", description=__doc__.split("\n")[0])
    parser.add_argument("--train", action="store_true", help="also fit on everything and write bot/models/span.json")
    parser.add_argument("--limit", type=int, default=None, help="first N questions only (a quick look)")
    parser.add_argument("--clauses", action="store_true", help="the clause chooser only (no span candidates: minutes)")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    clauses = build_clauses(args.limit)
    results = {} if args.clauses else evaluate(items := build(args.limit), cross_validate(items))
    results["clauses"] = cross_validate_clauses(clauses)
    render(results)
    write_results(results, args.out)
    if args.train:
        if not args.clauses:
            save(fit(items), {k: v for k, v in results.items() if k != "clauses"})
        save(fit_clauses(clauses), results["clauses"], CLAUSE_PATH, CLAUSE_LABEL)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
