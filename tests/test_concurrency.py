"""Reads during writes: answers stay whole and true while documents are replaced and deleted.

A real server, reader threads asking questions and writer threads replacing,
deleting and restoring the articles those questions cite, for a fixed number
of iterations (no wall-clock duration). Every answer must be a 2xx and every
citation must be a sentence of *one* version of its article.

Why that check is sound: a citation's quote is always ``text[start:end]`` of
whatever text the server read, so comparing the quote with a fresh download
(or with any version at those offsets) proves nothing. Each version here is the
article behind a prefix of a different length, so its sentence spans differ
from every other version's; the offsets of one version applied to another give
a ``(start, end, quote)`` that is a sentence of no version, which is exactly
the fault (old offsets on new text) the test must catch.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from tests.conftest import SAMPLES, SEED_IDS
from tests.live_server import live_server
from vectorstore.chunking import chunk_text

READERS = 3
QUESTIONS_PER_READER = 4
WRITE_ROUNDS = 2
#: The articles the writers change (two per writer); the rest stay put.
CHANGED = SEED_IDS[:4]
CLAIM = "وصل باقري إلى دمشق يوم الثلاثاء"
QUESTIONS = [
    "متى وصل باقري إلى دمشق؟",
    "When did Bagheri arrive in Damascus?",
    "ما الاتفاقية العسكرية التي وقعتها إيران وسوريا؟",
    "What did Iran and Syria sign?",
]


def variant(text: str, round_: int, writer: int) -> str:
    """The article behind a note whose length differs per (round, writer): every sentence moves."""
    return f"Editor's note {writer}.{round_}:" + " revised" * (3 * round_ + writer + 1) + ".\n\n" + text


def sentence_triples(text: str, max_chars: int) -> set[tuple[int, int, str]]:
    """Every ``(start, end, sentence)`` a citation of this exact text may carry (the ingest splitter)."""
    return {(s.start, s.end, text[s.start : s.end]) for c in chunk_text(text, max_chars) for s in c.sentences}


@pytest.fixture(scope="module")
def server(own_seeded_service):
    from bot.server import build_app

    service = own_seeded_service("concurrency")
    with live_server(build_app(service)) as url:
        yield url, service.settings.chunk_max_chars


def test_answers_stay_consistent_while_documents_change(server):
    url, max_chars = server
    originals = {doc_id: (SAMPLES / f"{doc_id}.txt").read_text(encoding="utf-8") for doc_id in SEED_IDS}
    versions: dict[str, list[str]] = {doc_id: [text] for doc_id, text in originals.items()}
    for writer in range(2):
        for round_ in range(WRITE_ROUNDS):
            for doc_id in CHANGED[2 * writer : 2 * writer + 2]:
                versions[doc_id].append(variant(originals[doc_id], round_, writer))
    allowed = {doc_id: set().union(*(sentence_triples(t, max_chars) for t in texts)) for doc_id, texts in versions.items()}

    failures: list[str] = []
    answers: list[dict] = []
    lock = threading.Lock()

    def record(what: str, r: httpx.Response) -> None:
        if r.status_code >= 500:
            with lock:
                failures.append(f"{what}: {r.status_code} {r.text[:300]}")

    def write(writer: int) -> None:
        with httpx.Client(base_url=url, timeout=None) as c:
            for round_ in range(WRITE_ROUNDS):
                for doc_id in CHANGED[2 * writer : 2 * writer + 2]:
                    new = variant(originals[doc_id], round_, writer).encode()
                    record("replace", c.post("/api/documents", files=[("files", (f"{doc_id}.txt", new, "text/plain"))]))
                    record("delete", c.delete(f"/api/documents/{doc_id}"))
                    old = originals[doc_id].encode()
                    record("restore", c.post("/api/documents", files=[("files", (f"{doc_id}.txt", old, "text/plain"))]))

    def read(reader: int) -> None:
        with httpx.Client(base_url=url, timeout=None) as c:
            for i in range(QUESTIONS_PER_READER):
                question = QUESTIONS[(reader + i) % len(QUESTIONS)]
                if i == QUESTIONS_PER_READER - 1:  # the claim checker builds citations the same way: one per reader
                    r = c.post("/api/verify", json={"claim": CLAIM})
                else:
                    r = c.post("/api/ask", json={"question": question})
                record(f"request {i} of reader {reader}", r)
                if r.status_code == 200:
                    with lock:
                        answers.append(r.json())

    with ThreadPoolExecutor(READERS + 2) as pool:
        jobs = [pool.submit(read, n) for n in range(READERS)] + [pool.submit(write, n) for n in range(2)]
        for job in jobs:
            job.result()

    assert not failures, failures
    assert len(answers) == READERS * QUESTIONS_PER_READER
    cited = [c for a in answers for c in a["citations"]]
    assert cited, "no answer cited anything: the check below would be vacuous"
    for a in answers:
        if "verdict" not in a:  # a verification keeps the citations its verdict rests on, so its numbers may skip
            assert [c["n"] for c in a["citations"]] == list(range(1, len(a["citations"]) + 1)), a["citations"]
    wrong = [c for c in cited if (c["start"], c["end"], c["quote"]) not in allowed[c["doc_id"]]]
    assert not wrong, wrong

    # Quiet again: every article is back to its original, and its download is what citations point into.
    with httpx.Client(base_url=url, timeout=None) as c:
        for doc_id, text in originals.items():
            r = c.get(f"/api/documents/{doc_id}/text")
            assert r.status_code == 200 and r.headers["content-type"] == "text/plain; charset=utf-8"
            assert r.text == text
