"""Spot a torn Chroma store before Chroma reads it, and rebuild a store from Isnad's own data without embedding.

WHY: a process killed while Chroma 1.5.9 flushes a collection's HNSW index
leaves its files out of step (the header counts elements the id map never got,
``link_lists.bin`` claims hundreds of GB), and from then on every read of that
collection, even ``count()``, segfaults in Chroma's Rust loader (upstream
chroma-core/chroma #7510, #7238, #7678). Two things follow:

- `check_store` reads each segment's small files as chroma-hnswlib wrote them
  (header, link-list framing, id map) and raises `StoreDamaged` with the
  repair command, instead of letting the next reader crash;
- `rebuild` writes a new store from what survives: the article records
  (text and metadata, read from Chroma's SQLite file read-only, without its
  client, which would load the torn index) go through the ordinary write path
  (`ArticleStore.upsert_many`: same chunks, same ids, same metadata), and every
  chunk's vector comes from the copied vector cache (``vectors.sqlite``, by
  content): nothing is embedded unless a vector is missing, and the report
  counts those.

    python -m bot rebuild --from OLD_HOME --to NEW_HOME [--collection NAME]
"""

from __future__ import annotations

import pickle
import resource
import sqlite3
import struct
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path

from config import Settings
from vectorstore.ingestion import IngestReport, IngestStopped, estimated_chunks, stop_on_signals
from vectorstore.loaders import Article
from vectorstore.metadata import FIELDS
from vectorstore.store import DOCS_SUFFIX, ArticleStore, open_store

#: chroma-hnswlib's ``header.bin``: version, offsetLevel0, max_elements, cur_element_count, size_data_per_element,
#: label_offset, offsetData, maxlevel, enterpoint_node, maxM, maxM0, M, mult, ef_construction (hnswalg.h, version 1).
_HEADER = struct.Struct("<iQQQQQQiIQQQdQ")
#: In the target while a rebuild is under way: names its source, so the same command continues a stopped one.
MARKER = "REBUILDING"


class StoreDamaged(RuntimeError):
    """Chroma's files for a collection are torn: reading it would crash the process."""


class RebuildRefused(ValueError):
    """The source or target of a rebuild is not usable as given."""


class _NoObjects(pickle.Unpickler):
    """Loads the plain dict of ints and strings Chroma writes as ``index_metadata.pickle``, and nothing executable."""

    def find_class(self, module: str, name: str):
        raise pickle.UnpicklingError(f"{module}.{name} is not plain data")


def hnsw_problems(segment: Path) -> list[str]:
    """What is inconsistent in one persisted HNSW segment directory, read without loading it.

    Cheap (the header, then 4 bytes per element with upper-level links: ~30 ms
    at 85k elements) and only what the format itself forbids, so a healthy
    segment never fails it: the link lists must frame exactly the header's
    element count and end where the file ends, and the id map must know at least
    as many elements as the header counts (the header is written first in a
    flush, the id map last: a kill in between leaves the header ahead).
    """
    try:
        (version, _, _, count, _, _, _, max_level, _, max_m, *_rest) = _HEADER.unpack((segment / "header.bin").read_bytes()[: _HEADER.size])
    except (OSError, struct.error) as exc:
        return [f"{segment.name}/header.bin unreadable ({exc})"]
    if version != 1:
        return [f"{segment.name}/header.bin is version {version}, not 1: unknown format, not checked"]
    per_level = max_m * 4 + 4  # a level's link list: its size, then maxM neighbour ids
    links = segment / "link_lists.bin"
    size = links.stat().st_size
    with links.open("rb") as fh:
        framed = fh.read(min(size, count * (4 + per_level * max(max_level, 0))))
    problems: list[str] = []
    end = 0
    for element in range(count):
        if end + 4 > len(framed):
            problems.append(f"{links.name} ends at element {element} of {count}")
            break
        (length,) = struct.unpack_from("<I", framed, end)
        if length % per_level or length // per_level > max_level:
            problems.append(f"{links.name}: element {element} has {length} bytes of links, which fit no level")
            break
        end += 4 + length
    else:
        if size > end:
            problems.append(f"{links.name} is {size:,} bytes where its {count:,} elements take {end:,}")
    try:
        with (segment / "index_metadata.pickle").open("rb") as fh:
            meta = _NoObjects(fh).load()
        added = meta.get("total_elements_added") if isinstance(meta, dict) else None
    except (OSError, pickle.UnpicklingError, EOFError, ValueError):
        added = None  # another metadata format: not ours to judge
    if isinstance(added, int) and added < count:
        problems.append(f"header.bin counts {count:,} elements, the id map only {added:,}")
    return problems


def _read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def _segment_names(chroma_path: Path) -> dict[str, str]:
    """Segment id -> its collection's name, from Chroma's SQLite file (read-only)."""
    db = chroma_path / "chroma.sqlite3"
    if not db.exists():
        return {}
    with _read_only(db) as con:
        return dict(con.execute("SELECT s.id, c.name FROM segments s JOIN collections c ON s.collection = c.id"))


def damage(chroma_path: Path) -> dict[str, list[str]]:
    """Collection name (or segment directory) -> what is torn in its HNSW files, for every damaged one."""
    if not chroma_path.is_dir():
        return {}
    names = _segment_names(chroma_path)
    found: dict[str, list[str]] = {}
    for header in sorted(chroma_path.glob("*/header.bin")):
        if problems := hnsw_problems(header.parent):
            found.setdefault(names.get(header.parent.name, header.parent.name), []).extend(problems)
    return found


def check_store(settings: Settings) -> None:
    """Raise `StoreDamaged` (with the repair command) if the local store's HNSW files are torn; a server's are not ours to read."""
    if settings.chroma_host:
        return
    torn = damage(settings.chroma_path)
    if torn:
        detail = "; ".join(f"collection '{name}': {', '.join(problems)}" for name, problems in torn.items())
        raise StoreDamaged(
            f"the Chroma store in {settings.chroma_path} is damaged (a process was killed while Chroma wrote it), and "
            f"reading it would crash: {detail}. Rebuild it from its own records and vector cache, with no embedding: "
            f"python -m bot rebuild --from {settings.home} --to NEW_HOME, then use NEW_HOME (or delete {settings.home} to start over)"
        )


# -- reading what survives ------------------------------------------------------------


def _value(string: str | None, integer: int | None, real: float | None, boolean: int | None) -> str | int | float | bool | None:
    if string is not None:
        return string
    if integer is not None:
        return integer
    if real is not None:
        return real
    return None if boolean is None else bool(boolean)


@dataclass
class Source:
    """One Isnad collection of a store, as Chroma's SQLite file describes it."""

    name: str
    records_segment: str  # the metadata segment of NAME__docs: the article records
    model: str  # the embedding model the chunk collection was built with ("" if not recorded)
    unapplied: int  # writes to the records still only in Chroma's log (the rebuild cannot see them)


def sources(chroma_path: Path) -> dict[str, Source]:
    """Every Isnad collection of a store (one with an article-records companion), read from Chroma's SQLite file."""
    with _read_only(chroma_path / "chroma.sqlite3") as con:
        rows = con.execute(
            "SELECT c.name, c.id, s.id, (SELECT m.str_value FROM collections k JOIN collection_metadata m ON m.collection_id = k.id "
            "  WHERE k.name = substr(c.name, 1, length(c.name) - ?) AND m.key = 'embedding_model'), "
            "(SELECT count(*) FROM embeddings_queue q WHERE q.topic LIKE '%/' || c.id "
            "  AND q.seq_id > coalesce((SELECT seq_id FROM max_seq_id WHERE segment_id = s.id), 0)) "
            "FROM collections c JOIN segments s ON s.collection = c.id WHERE s.scope = 'METADATA' AND c.name LIKE ?",
            (len(DOCS_SUFFIX), "%" + DOCS_SUFFIX),
        ).fetchall()
    found = (Source(name[: -len(DOCS_SUFFIX)], segment, model or "", unapplied) for name, _, segment, model, unapplied in rows)
    return {s.name: s for s in found}


def read_records(chroma_path: Path, segment: str) -> Iterator[tuple[str, str, dict]]:
    """(doc_id, text, metadata) of every article record in a records segment, in the order they were written.

    Straight from SQLite, read-only: Chroma's client loads a collection's HNSW
    index for any read, and on a torn one that is a segfault.
    """
    with _read_only(chroma_path / "chroma.sqlite3") as con:
        rows = con.execute(
            "SELECT e.embedding_id, m.key, m.string_value, m.int_value, m.float_value, m.bool_value "
            "FROM embeddings e JOIN embedding_metadata m ON m.id = e.id WHERE e.segment_id = ? ORDER BY e.id",
            (segment,),
        )
        for doc_id, fields in groupby(rows, key=lambda row: row[0]):
            meta = {key: _value(*values) for _, key, *values in fields}
            yield doc_id, meta.pop("chroma:document", None) or "", meta


def write_batches(records: Iterable[tuple[str, str, dict]], store: ArticleStore) -> Iterator[list[tuple[str, str, dict]]]:
    """The records in batches closed as an ingest closes its own (`ArticleStore.batch_full`), so a stop between
    batches waits for about the same write whether the articles are read from files or from a store."""
    batch: list[tuple[str, str, dict]] = []
    chunks = 0
    for record in records:
        batch.append(record)
        chunks += estimated_chunks(record[1], store.max_chars)
        if store.batch_full(len(batch), chunks):
            yield batch
            batch, chunks = [], 0
    if batch:
        yield batch


def as_article(doc_id: str, text: str, meta: dict) -> Article:
    """The article a record was written from: the fields it was given; the ones read off its text are read again."""
    inferred = set(filter(None, str(meta.get("inferred", "")).split(",")))
    given = {k: str(meta[k]) for k in FIELDS if meta.get(k) and k not in inferred}
    return Article(doc_id, text, str(meta.get("source", doc_id)), given)


# -- writing the new store ------------------------------------------------------------


@dataclass
class Rebuilt:
    """One collection's rebuild: what went in, what had to be embedded (0 when the cache is whole), what differs."""

    name: str
    model: str
    articles: int = 0
    chunks: int = 0
    embedded: int = 0
    unapplied: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    differs: list[str] = field(default_factory=list)  # records whose rebuilt metadata is not the old one


def _copy_cache(source: Path, target: Path) -> None:
    """The vector cache, copied whole and consistent (SQLite's backup: its WAL included), the source opened read-only."""
    if not source.exists():
        return
    with _read_only(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)


def _target_ready(source: Path, target: Path) -> None:
    """The target is new, or a rebuild of the same source that was stopped (its stored articles are passed over)."""
    marker = target / MARKER
    if target.exists() and any(target.iterdir()):
        if not marker.exists() or marker.read_text(encoding="utf-8") != str(source.resolve()):
            raise RebuildRefused(f"{target} is not empty: give a new directory (the source stays as it is)")
        return
    target.mkdir(parents=True, exist_ok=True)
    marker.write_text(str(source.resolve()), encoding="utf-8")
    _copy_cache(source / "vectors.sqlite", target / "vectors.sqlite")


def rebuild(source: Path, target: Path, collections: list[str] | None = None, progress: bool = False) -> list[Rebuilt]:
    """Write every (or the named) Isnad collection of the store under ``source`` into a new store under ``target``.

    The source is only read. SIGTERM/SIGINT stop it after a batch; the same
    call continues (articles already in the target are unchanged, so skipped).
    """
    from tqdm import tqdm

    source_chroma = Settings(home=source).chroma_path
    if not (source_chroma / "chroma.sqlite3").exists():
        raise RebuildRefused(f"{source} holds no Chroma store (no {source_chroma / 'chroma.sqlite3'})")
    found = sources(source_chroma)
    wanted = collections or sorted(found)
    if missing := [c for c in wanted if c not in found]:
        raise RebuildRefused(f"no collection {', '.join(missing)} in {source} (it has: {', '.join(sorted(found)) or 'none'})")
    done: list[Rebuilt] = []
    with stop_on_signals() as stop:
        _target_ready(source, target)  # inside: a signal during the cache copy waits for it
        for name in wanted:
            origin = found[name]
            model = {"embedding_model": origin.model} if origin.model else {}
            settings = Settings(home=target, collection=name, chroma_host=None, **model)  # a local store, whatever ISNAD_CHROMA_HOST says
            store = open_store(settings)
            result = Rebuilt(name, settings.embedding_model, unapplied=origin.unapplied)
            bar = tqdm(unit="article", desc=name, disable=not progress, dynamic_ncols=True)
            records = read_records(source_chroma, origin.records_segment)
            for batch in write_batches(records, store):
                if stop.is_set():
                    raise IngestStopped(result.articles, IngestReport(), stop.signum)
                outcomes = store.upsert_many([as_article(*r) for r in batch])
                new = store.docs.get(ids=[r[0] for r in batch], include=["metadatas"])
                now = dict(zip(new["ids"], new["metadatas"]))
                for doc_id, _, old in batch:
                    if isinstance(outcomes[doc_id], ValueError):
                        result.skipped.append((doc_id, str(outcomes[doc_id])))
                    elif now.get(doc_id) != old:
                        result.differs.append(doc_id)
                result.articles += len(batch)
                bar.update(len(batch))
            bar.close()
            result.chunks, result.embedded = store.count(), store.embeddings.embedded
            done.append(result)
    (target / MARKER).unlink()
    return done


def peak_rss_mb() -> float:
    """This process's peak resident memory (the CLI is started from a shell, so ``ru_maxrss`` is its own)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def summary(results: list[Rebuilt], seconds: float) -> dict:
    """What a rebuild did, as the CLI prints it (JSON)."""
    return {
        "seconds": round(seconds, 1),
        "peak_rss_mb": peak_rss_mb(),
        "collections": [
            {
                "name": r.name,
                "model": r.model,
                "articles": r.articles,
                "chunks": r.chunks,
                "embedded": r.embedded,
                "records_only_in_chromas_log": r.unapplied,
                "skipped": len(r.skipped),
                "skipped_first": r.skipped[:5],
                "metadata_differs": len(r.differs),
                "metadata_differs_first": r.differs[:5],
            }
            for r in results
        ],
    }


def run(source: Path, target: Path, collections: list[str] | None, progress: bool) -> dict:
    """`rebuild`, timed, with the source's damage report: the CLI's whole job."""
    start = time.perf_counter()
    torn = damage(Settings(home=source).chroma_path)
    results = rebuild(source, target, collections, progress)
    out = summary(results, time.perf_counter() - start)
    out["source_damage"] = torn
    return out
