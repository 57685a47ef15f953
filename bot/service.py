"""`Isnad`: the one service object the CLI, the HTTP API and the UI all call.

Routers and UI handlers stay thin (PrivateGPT-style): they validate transport
concerns and delegate here, so every front end answers identically.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from bot.answer import SourceDoc, compose_answer
from bot.crosslingual import bridge_text
from bot.errors import UnknownCollectionError, clean_text
from bot.evidence import EvidenceSentence, select_evidence
from bot.llm import Generation, make_writer
from bot.llm.conversation import standalone_question
from bot.ranker import load_ranker
from bot.retrieval import HybridSearcher, IsnadRetriever
from bot.schema import Answer, Comparison, DocumentInfo, Passage, Verification
from language.calendar import find_anchor
from language.dialect import standard_question
from config import Settings, get_settings
from vectorstore.embeddings import CachedEmbeddings, load_embeddings
from vectorstore.ingestion import Checkpoints, IngestReport, ingest_paths
from vectorstore.loaders import ReadLimits
from language.normalize import detect_language
from vectorstore.store import ArticleStore, make_client, open_store
from vectorstore.metadata import machine_date

if TYPE_CHECKING:
    from bot.jobs import JobRunner

__all__ = ["Isnad", "IngestReport", "clean_text"]


class Isnad:
    """Ask, verify, compare, search and manage documents over one Chroma collection."""

    def __init__(self, settings: Settings | None = None):
        self.settings = settings or get_settings()
        self.embeddings = load_embeddings(self.settings.embedding_model, self.settings.embed_batch_size)
        # Retrieval and evidence scoring use different models on purpose: e5 ranks
        # chunks best, but its cosines are compressed (off-topic ~0.91, on-topic
        # ~0.93), while USE's spread (0.50 vs 0.67 after coverage) is what a
        # threshold can separate answerable from off-topic questions with.
        # Cached: the chunks a collection's questions retrieve recur, and each of their sentences is embedded.
        self.evidence_embeddings = CachedEmbeddings(load_embeddings(self.settings.evidence_model, self.settings.embed_batch_size))
        #: The retrieval encoder again, remembering the clauses it embedded: the direct line orders quotes in the other
        #: language than the question by it (``bot.direct.encoder_order``), and follow-ups quote the same sentences.
        self.clause_embeddings = CachedEmbeddings(self.embeddings)
        self._client = make_client(self.settings)
        self._searchers: dict[str, HybridSearcher] = {}
        self._lock = threading.Lock()
        self._jobs: JobRunner | None = None
        self.searcher(self.settings.collection)
        #: Writes fluent answers from the evidence when ISNAD_LLM names a model (None: extractive only).
        self.writer = make_writer(self.settings, self.evidence_embeddings)

    # -- collections -----------------------------------------------------------
    def searcher(self, collection: str | None = None, create: bool = False) -> HybridSearcher:
        """The searcher of a collection; reading one that does not exist is an error.

        Only ingestion creates collections (``create=True``): a typo in a
        question's collection name must say so, not answer from an empty store.
        """
        name = collection or self.settings.collection
        with self._lock:
            if name not in self._searchers:
                if not create and name != self.settings.collection and name not in self._collection_names():
                    raise UnknownCollectionError(f"no collection '{name}'")
                store = open_store(self.settings, name, self._client)
                self._searchers[name] = HybridSearcher(store, self.embeddings)
            return self._searchers[name]

    def _collection_names(self) -> set[str]:
        return {c if isinstance(c, str) else c.name for c in self._client.list_collections()}

    @property
    def store(self) -> ArticleStore:
        return self.searcher().store

    # -- documents -----------------------------------------------------------
    def ingest_paths(
        self,
        paths: list[Path],
        progress: bool = False,
        collection: str | None = None,
        limits: ReadLimits | None = None,
        checkpoints: Checkpoints | None = None,
        stop: threading.Event | None = None,
    ) -> IngestReport:
        """Ingest files; ``limits`` (default: this service's settings) bound what one JSONL file may expand to.

        ``checkpoints`` make the ingest resumable (background jobs, `bot.jobs`); ``stop`` ends it at its next
        checkpoint (`vectorstore.ingestion.IngestStopped`).
        """
        store = self.searcher(collection, create=True).store
        limits = limits or ReadLimits.of(self.settings)
        return ingest_paths(store, paths, progress=progress, limits=limits, checkpoints=checkpoints, stop=stop)

    @property
    def jobs(self) -> JobRunner:
        """The background ingest queue (one worker: one job writes at a time), started on first use.

        Starting it resumes the jobs a stopped server left unfinished, so the
        server touches it once it has repaired the store (`bot.server.serve`).
        """
        with self._lock:
            if self._jobs is None:
                from bot.jobs import JobRunner

                self._jobs = JobRunner(self, self.settings.home / "jobs")
            return self._jobs

    def stop_jobs(self) -> None:
        """Let a job in flight store its batch and checkpoint, then stop the worker (server shutdown).

        Why: the worker is a daemon thread, so without this a stopped server
        ended it wherever it was, possibly inside a Chroma write.
        """
        with self._lock:
            jobs, self._jobs = self._jobs, None  # a later `jobs` starts a runner that resumes what this one left
        if jobs is not None:
            jobs.close()

    def ensure_samples(self) -> IngestReport | None:
        """Load the sample collection into an empty store (first start)."""
        if self.store.document_count():
            return None
        return self.ingest_paths([self.settings.samples_dir])

    def delete(self, doc_id: str, collection: str | None = None) -> bool:
        return self.searcher(collection).store.delete(doc_id)

    def count(self, collection: str | None = None) -> int:
        return self.searcher(collection).store.count()

    def documents(self, collection: str | None = None) -> list[DocumentInfo]:
        return [
            DocumentInfo(
                doc_id=doc_id,
                title=meta.get("title"),
                outlet=meta.get("outlet"),
                published=meta.get("published"),
                url=meta.get("url"),
                language=meta.get("language"),
                chunks=meta.get("chunks", 0),
                chars=meta.get("chars", 0),
                inferred=[f for f in meta.get("inferred", "").split(",") if f],
            )
            for doc_id, meta in self.searcher(collection).store.documents()
        ]

    def document_text(self, doc_id: str, collection: str | None = None) -> str:
        return self.searcher(collection).store.document(doc_id)[0]

    def source(self, doc_id: str, collection: str | None = None) -> SourceDoc:
        """An article's text, metadata and anchor date (what citations and claims need)."""
        text, meta = self.searcher(collection).store.document(doc_id)
        return SourceDoc(text, meta, _anchor(text, meta.get("published")))

    # -- questions -----------------------------------------------------------
    def search(self, query: str, k: int = 10, collection: str | None = None) -> list[Passage]:
        query = clean_text(query, "query")
        return [
            Passage(
                doc_id=h.chunk.doc_id,
                chunk_id=h.chunk.chunk_id,
                text=h.chunk.text,
                start=h.chunk.start,
                end=h.chunk.end,
                score=round(h.score, 6),
            )
            for h in self.searcher(collection).search(query, k, bridge_text(query))
        ]

    def retriever(self, collection: str | None = None, k: int | None = None) -> IsnadRetriever:
        """The hybrid search as a LangChain Retriever, to compose Isnad into other chains."""
        return IsnadRetriever(searcher=self.searcher(collection), k=k or self.settings.top_k)

    def evidence(
        self, text: str, top_k: int | None = None, limit: int | None = None, collection: str | None = None
    ) -> list[EvidenceSentence]:
        searcher = self.searcher(collection)
        bridge = bridge_text(text)
        hits = searcher.search(text, top_k or self.settings.top_k, bridge=bridge)
        index, _ = searcher.keyword.current()
        return select_evidence(
            text, hits, self.evidence_embeddings, index, limit or self.settings.max_citations, keyword_query=f"{text} {bridge}"
        )

    def ask(self, question: str, top_k: int | None = None, collection: str | None = None, history: list[str] | None = None) -> Answer:
        """The answer; ``history``: the user's earlier questions in this conversation, oldest first."""
        *_, answer = self.ask_stream(question, top_k, collection, history)
        return answer

    def ask_stream(
        self, question: str, top_k: int | None = None, collection: str | None = None, history: list[str] | None = None
    ) -> Iterator[str | Answer]:
        """The extractive :class:`Answer`, then the model's checked sentences as they are written, then the final Answer.

        The extractive answer is composed first and never depends on the model:
        with ``ISNAD_LLM=none``, or when retrieval abstains, the model is not
        called and that Answer is all that is yielded. The last item is always the answer.
        """
        question = clean_text(question, "question")
        asked = standalone_question(history or [], question, self.writer.rewrite if self.writer else None)
        asked = standard_question(asked) if detect_language(asked) == "ar" else asked
        evidence = self.evidence(asked, top_k, collection=collection)
        answer = compose_answer(
            asked,
            detect_language(question),
            evidence,
            lambda doc_id: self.source(doc_id, collection),
            load_ranker().threshold if self.settings.abstain_threshold is None else self.settings.abstain_threshold,
            encoder=self.clause_embeddings,
            aligner=self.evidence_embeddings,
        ).model_copy(update={"question": question, "standalone_question": asked if asked != question else None})
        yield answer
        if self.writer is None or not answer.answerable:
            return
        anchors = {c.doc_id: self.source(c.doc_id, collection).anchor for c in answer.citations}
        for item in self.writer.stream(answer, anchors):
            yield item.apply(answer) if isinstance(item, Generation) else item

    def compare(self, a: str, b: str) -> Comparison:
        from bot.stance import compare

        return compare(clean_text(a, "a"), clean_text(b, "b"))

    def verify(self, claim: str, collection: str | None = None) -> Verification:
        from bot.verify import verify

        return verify(self, clean_text(claim, "claim"), collection=collection)


#: A date an article states is its own day only this many days before its publication stamp, or on it.
STATED_DAY_MAX_DAYS = 2


@lru_cache(maxsize=4096)
def _anchor(text: str, published: str | None) -> date | None:
    """The date relative time words in an article resolve against.

    A dateline the article states ("دمشق 8 يوليو 2020") wins over the
    publication stamp: a copy republished the next morning still says "today"
    about the day of its dateline. A stated date further before the stamp, or
    after it, is a date of the story (a past attack recalled in the lead, a
    vote to come), not the article's day: then the stamp is. A yearless dateline
    ("القاهرة، السبت 28 أبريل (أ ش أ) -") is read in the year nearest the stamp, so
    it too wins when it is the stamp's day or one or two days before it.
    """
    given = machine_date(published) if published else None
    stated = find_anchor(text, year_near=given)  # a yearless dateline's year is the stamp's
    if stated and (given is None or 0 <= (given - stated).days <= STATED_DAY_MAX_DAYS):
        return stated
    return given
