"""Retrieval at scale through the real store: does an ARCD question find its paragraph among N news articles?

    python -m bench.recall [--home /tmp/isnad-recall] [--articles 500] [--paragraphs 0] [--limit 0] [--xquad] [--fit] [--out PATH]

Unlike bench/retrieval.py (exact cosine in numpy), everything here goes
through what the service runs: the collection is bench/latency.py's (the
generalization events' ANT articles plus a seeded sample of other ANT news
articles, ``--articles`` in all), and ARCD's Wikipedia paragraphs (one
article each, ``arcd-N``) are ingested into the same collection through
``Isnad.ingest_paths`` (loader, chunker, SQLite vector cache, Chroma). Each
ARCD question (Arabic) is then asked three ways:

* hybrid: ``Isnad.search`` (dense + BM25 + the cross-language bridge, fused), what ``/api/search`` answers;
* dense: ``ArticleStore.dense_search`` on the e5 query vector (Chroma HNSW);
* BM25: the service's live keyword index (``LiveKeywordIndex``).

A question's rank is that of the first chunk of its gold paragraph, counted in
distinct articles (two chunks of one article take one place): recall@1/5/10
and MRR. Where hybrid misses the top 5, ``lost@5`` says where the paragraph
was: in dense's or BM25's own top 5 (lost in fusion), lower in one of their
top 30 (both ranked it low), or in neither (not retrieved at all). ``--xquad`` also ingests XQuAD's 239 Arabic paragraphs and asks
its questions in Arabic and in English (the English ones reach Arabic text by
the dense side and the keyword bridge; the bridge's lexicon was learned from
XQuAD's own question pairs, so English hybrid/BM25 numbers are an upper bound
and the dense one is the clean number). ``--fit`` also chooses the fusion's
weights and depth (``bot.retrieval.WEIGHTS``, ``DEPTH``) by cross-validation
over the same questions: folds by paragraph, each fold's choice (best mean
recall@5 of the question sets on the other folds) scored on that fold, the
held-out numbers reported per set. Writes bench/results/recall.json.
"""

from __future__ import annotations

import config  # noqa: F401, I001  (offline env first)

import argparse
import gzip
import itertools
import json
import random
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from bench.latency import build_collection
from bench.metrics import first_gold_rank, machine, summarize, write_results
from bench.retrieval import Question, load_arcd

RESULTS = Path(__file__).resolve().parent / "results" / "recall.json"
DEPTH = 30  # chunks read from each ranking: more than recall@10 needs (a few articles hold several of them)
KS = (1, 5, 10)
#: What ``--fit`` chooses among: candidates per side, and weights of (dense, BM25, bridge) in fusion.
FIT_DEPTHS = (30, 50, 100)
FIT_WEIGHTS = tuple(itertools.product((0.8, 1.0, 1.2), (1.0,), (0.5, 1.0, 1.25, 1.5)))
FOLDS = 5


def distinct(doc_ids: Iterable[str]) -> list[str]:
    """Articles in the order their first chunk was ranked."""
    return list(dict.fromkeys(doc_ids))


def paragraphs_jsonl(paragraphs: dict[str, str], path: Path, source: str) -> Path:
    """Paragraphs as an Isnad JSONL upload, one article each (the docno is the paragraph id)."""
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        for pid, text in paragraphs.items():
            fh.write(json.dumps({"docno": pid, "title": pid, "src": source, "text": text}, ensure_ascii=False) + "\n")
    return path


def load_xquad() -> tuple[dict[str, str], dict[str, list[Question]]]:
    """XQuAD's Arabic paragraphs (ids as bench.answers numbers them) and its questions by language."""
    from bench.answers import ENGLISH_TEXT, load_items

    items, asked = load_items()
    paragraphs = {pid: text for pid, text in items.items() if pid.startswith("xquad-") and not pid.endswith(ENGLISH_TEXT)}
    by_lang: dict[str, list[Question]] = {"ar": [], "en": []}
    for q in asked:
        if q.source == "xquad" and q.pid in paragraphs:
            by_lang[q.lang].append(Question(q.text, frozenset([q.pid])))
    return paragraphs, by_lang


def measure(isnad, questions: list[Question]) -> dict[str, dict]:
    """Recall@k, MRR and time per question of each side of retrieval; where hybrid's misses were."""
    methods, ranks = {}, {}
    for name, rank in rankers(isnad).items():
        t = time.perf_counter()
        ranks[name] = [first_gold_rank(rank(q.text), q.gold) for q in questions]
        methods[name] = {
            **{k: round(v, 4) for k, v in summarize(ranks[name], KS).items()},
            "ms_per_question": round(1000 * (time.perf_counter() - t) / max(len(questions), 1), 1),
        }
    methods["hybrid"]["lost@5"] = losses(ranks["hybrid"], [ranks["dense"], ranks["bm25"]])
    return methods


def losses(hybrid: list[int | None], sides: list[list[int | None]], at: int = 5) -> dict[str, int]:
    """Hybrid's misses at ``at`` by where the sides ranked the gold: fusion lost it, both ranked it low, or neither found it."""
    out = {"in_a_side_top5": 0, "in_a_side_top30": 0, "not_retrieved": 0}
    for h, *ranked in zip(hybrid, *sides):
        if h is None or h > at:
            best = min((r for r in ranked if r is not None), default=None)
            out["not_retrieved" if best is None else "in_a_side_top5" if best <= at else "in_a_side_top30"] += 1
    return out


def rankers(isnad) -> dict[str, Callable[[str], list[str]]]:
    """Each side of the service's retrieval as question -> ranked article ids."""
    searcher = isnad.searcher()

    def hybrid(q: str) -> list[str]:
        return distinct(p.doc_id for p in isnad.search(q, k=DEPTH))

    def dense(q: str) -> list[str]:
        return distinct(c.doc_id for c, _ in searcher.store.dense_search(isnad.embeddings.embed_query(q), DEPTH))

    def bm25(q: str) -> list[str]:
        index, chunks = searcher.keyword.current()
        return distinct(chunks.doc_id(h.index) for h in index.search(q, DEPTH))

    return {"hybrid": hybrid, "dense": dense, "bm25": bm25}


def fit(isnad, sets: dict[str, list[Question]], at: int = 5) -> dict:
    """Fusion weights and depth chosen by cross-validation of recall@``at`` (see the module's docstring)."""
    from bot.crosslingual import bridge_text
    from bot.retrieval import fuse

    searcher, doc_of = isnad.searcher(), {}
    ranked: dict[str, list] = {}
    for name, qs in sets.items():
        ranked[name] = []
        for q in qs:
            sides = searcher.rankings(q.text, max(FIT_DEPTHS), bridge_text(q.text))
            doc_of.update((c.chunk_id, c.doc_id) for side in sides for c, _ in side)
            ranked[name].append([[(c.chunk_id, score) for c, score in side] for side in sides])
    grid = list(itertools.product(FIT_DEPTHS, FIT_WEIGHTS))

    def hit(q: Question, sides: list, depth: int, weights: tuple) -> bool:
        fused = fuse(*(side[:depth] for side in sides), k=DEPTH, weights=weights)
        return first_gold_rank(distinct(doc_of[c] for c, _ in fused), q.gold) in range(1, at + 1)

    hits = {name: [[hit(q, r, *g) for q, r in zip(sets[name], ranked[name])] for g in grid] for name in sets}
    paragraphs = sorted({min(q.gold) for qs in sets.values() for q in qs})
    random.Random(0).shuffle(paragraphs)
    fold = {p: i % FOLDS for i, p in enumerate(paragraphs)}
    folds = {name: [fold[min(q.gold)] for q in qs] for name, qs in sets.items()}

    def mean_recall(g: int, keep) -> float:
        per_set = [[h for h, f in zip(hits[name][g], folds[name]) if keep(f)] for name in sets]
        return sum(sum(h) / max(len(h), 1) for h in per_set) / len(per_set)

    picked, held = [], {name: 0 for name in sets}
    for f in range(FOLDS):
        best = max(range(len(grid)), key=lambda g: mean_recall(g, lambda x: x != f))
        picked.append(grid[best])
        for name in sets:
            held[name] += sum(h for h, x in zip(hits[name][best], folds[name]) if x == f)
    overall = max(range(len(grid)), key=lambda g: mean_recall(g, lambda x: True))
    return {
        "folds": FOLDS,
        "picked_per_fold": [{"depth": d, "weights": list(w)} for d, w in picked],
        f"held_out_recall@{at}": {name: round(held[name] / max(len(qs), 1), 4) for name, qs in sets.items()},
        "best_on_all": {"depth": grid[overall][0], "weights": list(grid[overall][1])},
    }


def run(home: Path, articles: int, limit: int, paragraphs_n: int = 0, xquad: bool = False, fit_fusion: bool = False) -> dict:
    from bot.service import Isnad

    home.mkdir(parents=True, exist_ok=True)
    isnad = Isnad(config.Settings(home=home))
    t = time.perf_counter()
    news = build_collection(isnad, home, articles)
    news_s = time.perf_counter() - t
    paragraphs, questions = load_arcd()
    if paragraphs_n:  # the first N paragraphs and their questions (a small-scale run, e.g. the slow test)
        paragraphs = dict(list(paragraphs.items())[:paragraphs_n])
        questions = [q for q in questions if q.gold <= paragraphs.keys()]
    t = time.perf_counter()
    report = isnad.ingest_paths([paragraphs_jsonl(paragraphs, home / "arcd_paragraphs.jsonl.gz", "ARCD")])
    arcd_s = time.perf_counter() - t
    xquad_paragraphs, xquad_questions = load_xquad() if xquad else ({}, {})
    if xquad_paragraphs:
        isnad.ingest_paths([paragraphs_jsonl(xquad_paragraphs, home / "xquad_paragraphs.jsonl.gz", "XQuAD")])
    questions = questions[:limit] if limit else questions
    results: dict = {
        "machine": machine(),
        "collection": {
            "articles": isnad.store.document_count(),
            "chunks": isnad.store.count(),
            "news_articles": isnad.store.document_count() - len(paragraphs) - len(xquad_paragraphs),
            "arcd_paragraphs": len(paragraphs),
            "xquad_paragraphs": len(xquad_paragraphs),
            "news_ingest": news if news == "cached" else f"{news} ({news_s:.0f} s)",
            "arcd_ingest": f"{report.summary()} ({arcd_s:.0f} s)",
        },
        "embedding_model": isnad.settings.embedding_model,
        "questions": len(questions),
        "language": "ar",
        "methods": measure(isnad, questions),
    }
    if xquad_questions:
        results["xquad"] = {
            lang: {"questions": len(qs[:limit] if limit else qs), "methods": measure(isnad, qs[:limit] if limit else qs)}
            for lang, qs in xquad_questions.items()
        }
    if fit_fusion:
        sets = {"arcd_ar": questions} | {f"xquad_{lang}": qs[:limit] if limit else qs for lang, qs in xquad_questions.items()}
        results["fit"] = fit(isnad, sets)
    return results


def render(results: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    c = results["collection"]
    table = Table(
        title=f"Recall through the real store: {c['arcd_paragraphs']} ARCD + {c.get('xquad_paragraphs', 0)} XQuAD paragraphs "
        f"among {c['news_articles']} news articles ({c['chunks']} chunks)"
    )
    for col in ("questions", "method", *(f"recall@{k}" for k in KS), "MRR", "ms/question"):
        table.add_column(col, justify="right")
    sets = {f"ARCD ar ({results['questions']})": results["methods"]}
    sets |= {f"XQuAD {lang} ({s['questions']})": s["methods"] for lang, s in results.get("xquad", {}).items()}
    for label, methods in sets.items():
        for name, row in methods.items():
            cells = (f"{row[f'recall@{k}']:.3f}" for k in KS)
            table.add_row(label, name, *cells, f"{row['mrr']:.3f}", f"{row['ms_per_question']:.0f}")
    Console().print(table)
    for label, methods in sets.items():
        print(f"{label} hybrid misses@5 by where the sides ranked the gold paragraph: {methods['hybrid'].get('lost@5')}")
    if fitted := results.get("fit"):
        print(f"fusion fit ({fitted['folds']} folds by paragraph): per fold {fitted['picked_per_fold']}")
        print(f"  held out: {fitted['held_out_recall@5']}; best on all: {fitted['best_on_all']}")


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(prog="python -m bench.recall", description=__doc__.split("\n\n")[0])
    parser.add_argument("--home", type=Path, default=Path("/tmp/isnad-recall"), help="store kept between runs")
    parser.add_argument("--articles", type=int, default=500, help="news articles in the collection beside ARCD")
    parser.add_argument("--paragraphs", type=int, default=0, help="first N ARCD paragraphs and their questions only (0: all 231)")
    parser.add_argument("--limit", type=int, default=0, help="first N questions only (0: all)")
    parser.add_argument("--xquad", action="store_true", help="also XQuAD's Arabic paragraphs, asked in Arabic and English")
    parser.add_argument("--fit", action="store_true", help="also choose the fusion's weights and depth by cross-validation")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    if args.articles < 1 or args.limit < 0 or args.paragraphs < 0:
        parser.error("--articles must be positive, --limit and --paragraphs not negative")
    results = run(args.home, args.articles, args.limit, args.paragraphs, args.xquad, args.fit)
    render(results)
    write_results(results, args.out)
    return results


if __name__ == "__main__":
    main()
