"""Retrieval at scale through the real store: does an ARCD question find its paragraph among N news articles?

    python -m bench.recall [--home /tmp/isnad-recall] [--articles 500] [--paragraphs 0] [--limit 0] [--xquad] [--out PATH]

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
and MRR. ``--xquad`` also ingests XQuAD's 239 Arabic paragraphs and asks
its questions in Arabic and in English (the English ones reach Arabic text by
the dense side and the keyword bridge; the bridge's lexicon was learned from
XQuAD's own question pairs, so English hybrid/BM25 numbers are an upper bound
and the dense one is the clean number). Writes bench/results/recall.json.
"""

from __future__ import annotations

import config  # noqa: F401, I001  (offline env first)

import argparse
import gzip
import json
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from bench.latency import build_collection
from bench.metrics import first_gold_rank, machine, summarize, write_results
from bench.retrieval import Question, load_arcd

RESULTS = Path(__file__).resolve().parent / "results" / "recall.json"
DEPTH = 30  # the fusion depth of bot.retrieval.HybridSearcher: ranks beyond it are misses anyway
KS = (1, 5, 10)


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
    """Recall@k, MRR and time per question of each side of retrieval."""
    methods = {}
    for name, rank in rankers(isnad).items():
        t = time.perf_counter()
        ranks = [first_gold_rank(rank(q.text), q.gold) for q in questions]
        methods[name] = {
            **{k: round(v, 4) for k, v in summarize(ranks, KS).items()},
            "ms_per_question": round(1000 * (time.perf_counter() - t) / max(len(questions), 1), 1),
        }
    return methods


def rankers(isnad) -> dict[str, Callable[[str], list[str]]]:
    """Each side of the service's retrieval as question -> ranked article ids."""
    searcher = isnad.searcher()

    def hybrid(q: str) -> list[str]:
        return distinct(p.doc_id for p in isnad.search(q, k=DEPTH))

    def dense(q: str) -> list[str]:
        return distinct(c.doc_id for c, _ in searcher.store.dense_search(isnad.embeddings.embed_query(q), DEPTH))

    def bm25(q: str) -> list[str]:
        index, chunks = searcher.keyword.current()
        return distinct(chunks[h.index].doc_id for h in index.search(q, DEPTH))

    return {"hybrid": hybrid, "dense": dense, "bm25": bm25}


def run(home: Path, articles: int, limit: int, paragraphs_n: int = 0, xquad: bool = False) -> dict:
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
            lang: {"questions": len(qs), "methods": measure(isnad, qs[:limit] if limit else qs)} for lang, qs in xquad_questions.items()
        }
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


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(prog="python -m bench.recall", description=__doc__.split("\n\n")[0])
    parser.add_argument("--home", type=Path, default=Path("/tmp/isnad-recall"), help="store kept between runs")
    parser.add_argument("--articles", type=int, default=500, help="news articles in the collection beside ARCD")
    parser.add_argument("--paragraphs", type=int, default=0, help="first N ARCD paragraphs and their questions only (0: all 231)")
    parser.add_argument("--limit", type=int, default=0, help="first N questions only (0: all)")
    parser.add_argument("--xquad", action="store_true", help="also XQuAD's Arabic paragraphs, asked in Arabic and English")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    if args.articles < 1 or args.limit < 0 or args.paragraphs < 0:
        parser.error("--articles must be positive, --limit and --paragraphs not negative")
    results = run(args.home, args.articles, args.limit, args.paragraphs, args.xquad)
    render(results)
    write_results(results, args.out)
    return results


if __name__ == "__main__":
    main()
