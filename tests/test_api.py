"""The JSON API over HTTP: the real app under uvicorn, the real service over the seeds."""

from __future__ import annotations

import gzip

import httpx
import pytest

from bot import schema
from bot.api import MAX_QUERY_CHARS
from tests.conftest import SEED_IDS
from tests.live_server import live_server

UPLOAD_LIMIT = 4096
KEY = "test-key-123"


@pytest.fixture(scope="module")
def service(own_seeded_service):
    """A service of this module's own: the upload and delete tests change its collection."""
    return own_seeded_service("api")


@pytest.fixture(scope="module")
def client(service):
    from bot.server import build_app

    app = build_app(service, service.settings.model_copy(update={"max_upload_bytes": UPLOAD_LIMIT}))
    with live_server(app) as url, httpx.Client(base_url=url, timeout=120) as c:
        yield c


@pytest.fixture(scope="module")
def secured(service):
    """The same service behind an API key."""
    from bot.server import build_app

    with live_server(build_app(service, service.settings.model_copy(update={"api_key": KEY}))) as url:
        with httpx.Client(base_url=url, timeout=120) as c:
            yield c


def detail_text(response: httpx.Response) -> str:
    """The error message(s) of a 4xx, whether FastAPI's list of validation errors or one string."""
    detail = response.json()["detail"]
    return detail if isinstance(detail, str) else " ".join(e["msg"] for e in detail)


def test_healthz_reports_collection_size(client, service):
    r = client.get("/healthz")
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "ok" and body["collection"] == "api"
    assert body["chunks"] == service.count() > 0


def test_openapi_documents_every_endpoint(client):
    assert client.get("/docs").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    for path in (
        "/healthz",
        "/api/ask",
        "/api/verify",
        "/api/compare",
        "/api/search",
        "/api/documents",
        "/api/documents/{doc_id}",
        "/v1/chat/completions",
        "/v1/models",
    ):
        assert path in paths, path


def test_ask_returns_answer_with_exact_quotes(client):
    r = client.post("/api/ask", json={"question": "متى وصل باقري إلى دمشق؟"})
    assert r.status_code == 200, r.text
    answer = schema.Answer.model_validate(r.json())
    assert answer.language == "ar" and answer.answerable and answer.citations
    for c in answer.citations:
        r = client.get(f"/api/documents/{c.doc_id}/text")
        assert r.headers["content-type"] == "text/plain; charset=utf-8"
        text = r.text
        assert text[c.start : c.end] == c.quote


def test_ask_accepts_top_k_and_default_collection(client):
    r = client.post("/api/ask", json={"question": "When did Bagheri arrive in Damascus?", "top_k": 4, "collection": "api"})
    assert r.status_code == 200, r.text
    assert schema.Answer.model_validate(r.json()).language == "en"


def test_unknown_collection_is_404_and_not_created(client, service):
    r = client.post("/api/ask", json={"question": "When did Bagheri arrive?", "collection": "nosuch"})
    assert r.status_code == 404 and r.json()["detail"] == "no collection 'nosuch'"
    assert "nosuch" not in service._collection_names()


@pytest.mark.parametrize(
    ("body", "needle"),
    [
        ({"question": ""}, "at least 1 character"),
        ({"question": "   \n "}, "at least 1 character"),
        ({"question": "x" * (MAX_QUERY_CHARS + 1)}, f"at most {MAX_QUERY_CHARS} characters"),
        ({}, "Field required"),
        ({"question": "ok?", "top_k": 0}, "greater than or equal to 1"),
        ({"question": "ok?", "collection": "../etc"}, "should match pattern"),
        ({"question": ["not", "a", "string"]}, "valid string"),
    ],
)
def test_bad_ask_input_is_422_with_message(client, body, needle):
    r = client.post("/api/ask", json=body)
    assert r.status_code == 422
    assert needle in detail_text(r)


def test_malformed_json_is_422(client):
    r = client.post("/api/ask", content=b"{not json", headers={"content-type": "application/json"})
    assert r.status_code == 422
    assert "JSON" in detail_text(r)


@pytest.mark.parametrize(
    ("path", "raw"),
    [
        ("/api/ask", '{"question": "\\ud800"}'),
        ("/api/ask", '{"question": "\\ud800", "top_k": 0}'),  # the 422 handler itself once crashed on this
        ("/api/ask", '{"\\udfff": 1}'),
        ("/api/compare", '{"a": "\\ud800", "b": "x"}'),
        ("/api/search", '{"query": "ok \\udc00"}'),
        ("/api/verify", '{"claim": "\\ud800"}'),
        ("/v1/chat/completions", '{"messages": [{"role": "user", "content": "\\ud800"}]}'),
        ("/v1/chat/completions", '{"messages": [{"role": "user", "content": [{"type": "text", "text": "\\ud800"}]}]}'),
    ],
)
def test_lone_surrogates_are_422_not_500(client, path, raw):
    r = client.post(path, content=raw.encode(), headers={"content-type": "application/json"})
    assert r.status_code == 422, r.text
    assert r.json()["detail"]


def test_validation_errors_do_not_echo_the_input(client):
    r = client.post("/api/ask", json={"question": "x" * 2_000_000})
    assert r.status_code == 422 and f"at most {MAX_QUERY_CHARS} characters" in detail_text(r)
    assert len(r.content) < 1000 and "xxxx" not in r.text


def test_internal_collections_are_refused_and_not_created(client, service):
    r = client.post("/api/ask", json={"question": "When did Bagheri arrive?", "collection": "api__docs"})
    assert r.status_code == 422 and "reserved" in detail_text(r)
    assert "api__docs__docs" not in service._collection_names()


@pytest.mark.parametrize(("a", "b"), [("\u0000\u0000", "وصل الوزير"), ("وصل الوزير", "\u064b\u064e\u0650"), ("?!", "...")])
def test_compare_of_text_without_content_is_400(client, a, b):
    r = client.post("/api/compare", json={"a": a, "b": b})
    assert r.status_code == 400 and "no content" in detail_text(r)


def test_orphan_chunk_is_not_cited(client, service):
    """A chunk whose article record is missing (killed or refused write) is dropped, not a KeyError 500."""
    from tests.test_ingest import plant_orphan

    text = plant_orphan(service.store, "ghost_probe")
    try:
        r = client.post("/api/ask", json={"question": text[:300]})
        assert r.status_code == 200, r.text
        assert "ghost_probe" not in {c["doc_id"] for c in r.json()["citations"]}
        r = client.post("/api/search", json={"query": text[:300], "k": 50})
        assert r.status_code == 200 and "ghost_probe" not in {p["doc_id"] for p in r.json()}
    finally:
        assert service.store.repair() == 1


def test_verify(client):
    r = client.post("/api/verify", json={"claim": "Bagheri said Turkey should keep its troops in Syria."})
    assert r.status_code == 200, r.text
    v = schema.Verification.model_validate(r.json())
    assert v.verdict in ("SUPPORTED", "REFUTED", "CONFLICTING", "NOT_ENOUGH_INFO")
    assert client.post("/api/verify", json={"claim": " "}).status_code == 422


def test_compare(client):
    r = client.post("/api/compare", json={"a": "وصل باقري إلى دمشق مساء الثلاثاء", "b": "وصل باقري إلى دمشق يوم الثلاثاء"})
    assert r.status_code == 200, r.text
    assert schema.Comparison.model_validate(r.json()).relation in ("agree", "contradict", "unrelated")
    assert client.post("/api/compare", json={"a": "x"}).status_code == 422


def test_search_respects_k(client):
    r = client.post("/api/search", json={"query": "باقري دمشق", "k": 3})
    assert r.status_code == 200, r.text
    passages = [schema.Passage.model_validate(p) for p in r.json()]
    assert 0 < len(passages) <= 3
    assert client.post("/api/search", json={"query": "x", "k": 0}).status_code == 422


def test_documents_lists_the_seeds(client):
    r = client.get("/api/documents")
    assert r.status_code == 200
    ids = {schema.DocumentInfo.model_validate(d).doc_id for d in r.json()}
    assert set(SEED_IDS) <= ids


ARTICLE = (
    "Test Wire, 3 March 2021. The minister arrived in Cairo on Monday evening, officials said. "
    "He met his counterpart to discuss water sharing on the Nile."
)


def test_upload_then_delete(client):
    r = client.post("/api/documents", files=[("files", ("upload_probe.txt", ARTICLE.encode(), "text/plain"))])
    assert r.status_code == 200, r.text
    assert r.json()["added"] == ["upload_probe"]
    assert "upload_probe" in {d["doc_id"] for d in client.get("/api/documents").json()}
    assert client.get("/api/documents/upload_probe/text").text.startswith("Test Wire")

    assert client.delete("/api/documents/upload_probe").json() == {"deleted": "upload_probe"}
    assert "upload_probe" not in {d["doc_id"] for d in client.get("/api/documents").json()}
    r = client.delete("/api/documents/upload_probe")
    assert r.status_code == 404 and "upload_probe" in detail_text(r)


def test_unknown_document_is_404(client):
    assert client.delete("/api/documents/no-such-doc").status_code == 404
    r = client.get("/api/documents/no-such-doc/text")
    assert r.status_code == 404 and "no-such-doc" in detail_text(r)


def test_oversized_upload_is_413(client):
    big = ("word " * UPLOAD_LIMIT).encode()
    r = client.post("/api/documents", files=[("files", ("big.txt", big, "text/plain"))])
    assert r.status_code == 413
    assert "upload limit" in detail_text(r)


@pytest.mark.parametrize(
    ("name", "data", "status", "needle"),
    [
        ("blob.txt", bytes(range(256)) * 4, 400, "binary"),
        ("blob.json.gz", b"plain text, not gzip", 400, "not gzip"),
        ("empty.md", b"", 400, "empty"),
        ("report.pdf", b"%PDF-1.7", 415, "unsupported file type"),
        (".txt", ARTICLE.encode(), 400, "empty document id"),
    ],
)
def test_bad_upload_is_4xx_with_message(client, name, data, status, needle):
    r = client.post("/api/documents", files=[("files", (name, data, "application/octet-stream"))])
    assert r.status_code == status
    assert needle in detail_text(r)


def test_sidecar_that_is_not_an_object_is_400(client):
    files = [
        ("files", ("side_probe.txt", ARTICLE.encode(), "text/plain")),
        ("files", ("side_probe.meta.json", b"[1, 2]", "application/json")),
    ]
    r = client.post("/api/documents", files=files)
    assert r.status_code == 400 and "JSON object" in detail_text(r)


def test_upload_without_files_is_422(client):
    assert client.post("/api/documents").status_code == 422


def test_gzip_jsonl_upload(client):
    line = '{"docno": "gz_probe", "title": "Probe", "src": "Test Wire", "time": "2021-03-03", "text": "%s"}\n' % ARTICLE
    r = client.post("/api/documents", files=[("files", ("gz_probe.json.gz", gzip.compress(line.encode()), "application/gzip"))])
    assert r.status_code == 200, r.text
    body = r.json()
    added = body["added"] + body["updated"]
    assert added, body
    for doc_id in added:
        assert client.delete(f"/api/documents/{doc_id}").status_code == 200


def test_api_key_guards_api_v1_and_ui(secured):
    for method, path, body in (("post", "/api/ask", {"question": "?"}), ("get", "/api/documents", None), ("get", "/v1/models", None)):
        r = secured.request(method, path, json=body)
        assert r.status_code == 401, path
        assert "API key" in r.json()["detail"]
        r = secured.request(method, path, json=body, headers={"Authorization": "Bearer wrong"})
        assert r.status_code == 401, path
    ok = secured.get("/api/documents", headers={"Authorization": f"Bearer {KEY}"})
    assert ok.status_code == 200 and ok.json()
    assert secured.get("/healthz").status_code == 200
    assert secured.get("/").status_code == 401  # the UI needs a login too: tests/test_security.py


def test_no_key_needed_when_unset(client):
    assert client.get("/api/documents").status_code == 200
    assert client.get("/v1/models", headers={"Authorization": "Bearer anything"}).status_code == 200


REQUEST_LIMIT = 20_000


@pytest.fixture(scope="module")
def limited(service):
    """The same service with small request, decompression and record limits, and a key."""
    from bot.server import build_app

    tight = service.settings.model_copy(
        update={
            "max_request_bytes": REQUEST_LIMIT,
            "max_upload_bytes": 15_000,
            "max_decompressed_bytes": 2_000_000,
            "max_records": 500,
            "api_key": KEY,
        }
    )
    with live_server(build_app(service, tight)) as url:
        with httpx.Client(base_url=url, timeout=120, headers={"authorization": f"Bearer {KEY}"}) as c:
            yield c


def test_body_over_the_request_limit_is_413_before_parsing(limited):
    r = limited.post("/api/ask", json={"question": "x" * (2 * REQUEST_LIMIT)})
    assert r.status_code == 413 and "ISNAD_MAX_REQUEST_BYTES" in r.json()["detail"]


def test_multi_file_upload_over_the_request_limit_is_413(limited):
    files = [("files", (f"part{n}.txt", ("قال المتحدث. " * 500).encode()[:9000], "text/plain")) for n in range(3)]
    assert limited.post("/api/documents", files=files).status_code == 413


def test_chunked_body_is_counted_as_it_streams(limited):
    def body():
        for _ in range(10):
            yield b'{"question": "' + b"x" * 5000

    r = limited.post("/api/ask", content=body(), headers={"content-type": "application/json"})
    assert "content-length" not in r.request.headers
    assert r.status_code == 413


def test_key_is_checked_before_the_body(limited):
    r = httpx.post(f"{limited.base_url}/api/ask", json={"question": "x" * (2 * REQUEST_LIMIT)})
    assert r.status_code == 401


def test_gzip_bomb_upload_is_400_with_the_limit(limited):
    data = gzip.compress(b"\x00" * 10_000_000, compresslevel=9)
    assert len(data) < 15_000
    r = limited.post("/api/documents", files=[("files", ("bomb.jsonl.gz", data, "application/gzip"))])
    assert r.status_code == 400 and "decompresses to more than 2,000,000 bytes" in detail_text(r)


def test_many_empty_records_give_a_short_report(limited):
    data = gzip.compress(b"{}\n" * 100_000)
    r = limited.post("/api/documents", files=[("files", ("empty.jsonl.gz", data, "application/gzip"))])
    assert r.status_code == 400
    # 500 records read, then the record limit: 501 problems, of which the first 100 are spelled out
    assert detail_text(r).count("record has no 'text'") == 100 and detail_text(r).endswith("and 401 more problems")
    assert len(r.content) < 20_000
