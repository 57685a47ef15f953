"""What one upload costs the keyword side: a full rebuild (until session 13) vs the change-log delta.

N ANT articles (one per url, seeded sample) go through the real store path
(chunking, metadata, Chroma PersistentClient in a temporary folder) with a
constant 8-d vector in place of the embedder: the embedder is not what this
measures, and keeping it out lets N reach the thousands on 2 cores. Then:

* rebuild: what `LiveKeywordIndex` did whenever the store's version or count
  changed: fetch every committed chunk, tokenise, build a bm25s index (timed
  per part);
* startup: the new `LiveKeywordIndex`'s first build (fetch + tokenise + postings, and writing
  its snapshot), and a restart's: loading that snapshot and reading the change log;
* poll: a look at the change log that finds nothing (paid at most once a second);
* delta: one article written through *another* `ArticleStore` object (another
  worker) and one deleted, then the next ``current()``: what the next question waits;
* query: a BM25 search, the new index vs bm25s, at this size.

    python -m bench.keyword [--articles 2000 5000] [--out PATH]

Writes bench/results/keyword.json.
"""

from __future__ import annotations

import config  # noqa: F401, I001  (offline env first)

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import bm25s
from rich.console import Console
from rich.table import Table

from bench.ingest import sample_articles
from bench.metrics import write_results

RESULTS = Path(__file__).resolve().parent / "results" / "keyword.json"
QUERIES = ["متى وصل الوزير إلى العاصمة", "الرئيس الأمريكي", "أسعار النفط ارتفعت", "مقتل 20 شخصا في انفجار", "كرة القدم"]


class ConstantEmbeddings:
    """An 8-d constant vector per text: the store path without the embedder's cost."""

    name = "bench-constant-8d"

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [[1.0] + [0.0] * 7 for _ in texts]

    def embed_query(self, text: str) -> list[float]:
        return [1.0] + [0.0] * 7


def _timed(fn, *args):
    t = time.perf_counter()
    out = fn(*args)
    return out, time.perf_counter() - t


def measure(n: int, records: list[dict], workdir: Path) -> dict:
    from language.normalize import bm25_tokens
    from vectorstore.keyword import LiveKeywordIndex
    from vectorstore.loaders import Article
    from vectorstore.store import ArticleStore, make_client

    settings = config.Settings(home=workdir / f"home-{n}")
    client = make_client(settings)
    store = ArticleStore(client, "bench-keyword", ConstantEmbeddings(), cache_dir=workdir / f"cache-{n}")
    articles = [Article(r["docno"], r["text"], "bench") for r in records[: n + 1]]
    _, write_s = _timed(lambda: [store.upsert_many(articles[i : i + 256]) for i in range(0, n, 256)])
    chunks = store.count()

    fetched, fetch_s = _timed(lambda: list(store.all_chunks()))
    tokens, tokenise_s = _timed(lambda: [bm25_tokens(c.text) for c in fetched])
    bm25, bm25s_s = _timed(lambda: bm25s.BM25().index(tokens, show_progress=False) or None)

    _, startup_s = _timed(LiveKeywordIndex(store).current)
    live = LiveKeywordIndex(store)
    _, restart_s = _timed(live.current)
    assert live.stats["loads"] == 1
    live._polled = float("-inf")  # force a look at the log, as a second later
    _, poll_s = _timed(live.current)

    other = ArticleStore(client, "bench-keyword", ConstantEmbeddings())  # another worker's store object
    other.upsert(articles[n])
    live._polled = float("-inf")
    _, add_s = _timed(live.current)
    other.delete(articles[0].doc_id)
    live._polled = float("-inf")
    _, delete_s = _timed(live.current)
    index, corpus = live.current()
    assert any(corpus[h.index].doc_id == articles[n].doc_id for h in index.search(articles[n].text[:200], 50))
    assert not any(corpus[h.index].doc_id == articles[0].doc_id for h in index.search(articles[0].text[:200], 50))

    old = bm25s.BM25()
    old.index(tokens, show_progress=False)

    def bm25s_query(q: str) -> None:
        terms = [t for t in bm25_tokens(q) if t in old.vocab_dict]
        if terms:
            old.retrieve([terms], k=30, show_progress=False, n_threads=1)

    new_q = [_timed(index.search, q, 30)[1] for q in QUERIES for _ in range(3)]
    old_q = [_timed(bm25s_query, q)[1] for q in QUERIES for _ in range(3)]
    rebuild_s = fetch_s + tokenise_s + bm25s_s
    return {
        "articles": n,
        "chunks": chunks,
        "store_write_s": round(write_s, 1),
        "rebuild": {
            "fetch_s": round(fetch_s, 2),
            "tokenise_s": round(tokenise_s, 2),
            "bm25s_index_s": round(bm25s_s, 2),
            "total_s": round(rebuild_s, 2),
        },
        "new": {
            "startup_s": round(startup_s, 2),
            "restart_s": round(restart_s, 2),
            "poll_nothing_ms": round(1000 * poll_s, 1),
            "one_upload_ms": round(1000 * add_s, 1),
            "one_delete_ms": round(1000 * delete_s, 1),
        },
        "upload_speedup": round(rebuild_s / add_s, 1),
        "query_ms_median": {"new": round(1000 * statistics.median(new_q), 2), "bm25s": round(1000 * statistics.median(old_q), 2)},
    }


def render(rows: list[dict], console: Console) -> None:
    table = Table(title="keyword index: what one upload costs the next question (seconds unless ms)")
    for col in (
        "articles",
        "chunks",
        "rebuild: fetch",
        "tokenise",
        "bm25s",
        "= total",
        "new: startup",
        "restart",
        "poll ms",
        "1 upload ms",
        "1 delete ms",
        "speed-up",
        "query ms new/bm25s",
    ):
        table.add_column(col, justify="right")
    for r in rows:
        rb, new, q = r["rebuild"], r["new"], r["query_ms_median"]
        table.add_row(
            str(r["articles"]),
            str(r["chunks"]),
            f"{rb['fetch_s']:.2f}",
            f"{rb['tokenise_s']:.2f}",
            f"{rb['bm25s_index_s']:.2f}",
            f"{rb['total_s']:.2f}",
            f"{new['startup_s']:.2f}",
            f"{new['restart_s']:.2f}",
            f"{new['poll_nothing_ms']:.1f}",
            f"{new['one_upload_ms']:.1f}",
            f"{new['one_delete_ms']:.1f}",
            f"{r['upload_speedup']:.0f}x",
            f"{q['new']:.2f} / {q['bm25s']:.2f}",
        )
    console.print(table)


def main(argv: list[str] | None = None) -> list[dict]:
    parser = argparse.ArgumentParser(prog="python -m bench.keyword", description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[2000, 5000], help="collection sizes")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    if any(n < 1 for n in args.articles):
        parser.error("--articles: sizes must be positive")
    records = sample_articles(max(args.articles) + 1)
    with tempfile.TemporaryDirectory(prefix="isnad-bench-keyword-") as tmp:
        rows = [measure(n, records, Path(tmp)) for n in args.articles]
    render(rows, Console(width=180))
    write_results({"cpus": len(__import__("os").sched_getaffinity(0)), "sizes": rows}, args.out)
    return rows


if __name__ == "__main__":
    main()
