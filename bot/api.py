"""The JSON API under ``/api``: thin HTTP wrappers over :class:`bot.service.Isnad`.

Every rule about *what* an answer is lives in the service; this module only
validates input (so bad input is a 4xx with a message, never a 500) and turns
uploads into files the service can ingest. The API key is checked for every
route at once, by `bot.security`.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, FastAPI, File, HTTPException, Request, UploadFile
from fastapi import Query as QueryParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse, StreamingResponse
from pydantic import AfterValidator, BaseModel, Field, StringConstraints

from bot import schema
from bot.errors import MAX_TEXT_CHARS, MAX_TOP_K, IsnadInputError, UnknownCollectionError
from bot.jobs import JobStatus
from vectorstore.loaders import SIDECAR_SUFFIX, SUPPORTED, ReadLimits, file_doc_id
from vectorstore.store import check_collection_name

#: Longest question, claim or query accepted (the service's own bound, so both refuse the same text).
MAX_QUERY_CHARS = MAX_TEXT_CHARS


def no_surrogates(text: str) -> str:
    """JSON can spell a lone UTF-16 surrogate (``"\\ud800"``) that no UTF-8 text can hold: refuse it at the door."""
    if any("\ud800" <= ch <= "\udfff" for ch in text):
        raise ValueError("text contains a lone surrogate (\\ud800-\\udfff), which is not valid Unicode text")
    return text


#: Any text field of a request: valid Unicode.
Text = Annotated[str, AfterValidator(no_surrogates)]
Query = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_QUERY_CHARS), AfterValidator(no_surrogates)]
#: A collection a request may name: the store's own ``NAME__docs`` companions are not collections.
CollectionName = Annotated[
    str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{1,61}[A-Za-z0-9]$"), AfterValidator(check_collection_name)
]

#: Upload types: what the loaders read, plus their metadata sidecars (matched on the lower-cased name).
UPLOAD_SUFFIXES = (*SUPPORTED, SIDECAR_SUFFIX)
_TEXT_SNIFF_BYTES = 8192
_GZIP_MAGIC = b"\x1f\x8b"


class AskRequest(BaseModel):
    question: Query
    top_k: int | None = Field(None, ge=1, le=MAX_TOP_K)
    collection: CollectionName | None = Field(None, description="Collection to ask (default: ISNAD_COLLECTION).")
    history: list[Query] = Field(
        [], max_length=8, description="The user's earlier questions in this conversation, oldest first: a follow-up is read with them."
    )


class VerifyRequest(BaseModel):
    claim: Query
    collection: CollectionName | None = Field(None, description="Collection to check against (default: ISNAD_COLLECTION).")


class CompareRequest(BaseModel):
    a: Query
    b: Query


class SearchRequest(BaseModel):
    query: Query
    k: int = Field(10, ge=1, le=100)


class Health(BaseModel):
    status: str
    collection: str
    chunks: int


class IngestResult(BaseModel):
    added: list[str] = []
    updated: list[str] = []
    unchanged: list[str] = []
    skipped: list[tuple[str, str]] = Field([], description="The first problems, (source, reason); the rest are only counted.")
    skipped_count: int = Field(0, description="All problems, listed or not.")


def install_error_handlers(app: FastAPI) -> None:
    """Bad input found by the service (not by pydantic) is the caller's fault: 400.

    Validation errors (422) say where and what, but never echo the input back:
    a 2 MB question would come back whole, and a lone surrogate in it made the
    default handler itself fail to encode its answer (a 500 about a 422).
    """

    async def invalid_request(_: Request, exc: Exception) -> JSONResponse:
        return JSONResponse(status_code=422, content={"detail": [_plain_error(e) for e in exc.errors()]})

    async def input_error(_: Request, exc: Exception) -> JSONResponse:
        return JSONResponse(status_code=400, content={"detail": str(exc)})

    async def not_found(_: Request, exc: Exception) -> JSONResponse:
        return JSONResponse(status_code=404, content={"detail": str(exc)})

    app.add_exception_handler(RequestValidationError, invalid_request)
    app.add_exception_handler(IsnadInputError, input_error)
    app.add_exception_handler(UnknownCollectionError, not_found)


def _plain_error(error: dict[str, Any]) -> dict[str, Any]:
    """One validation error without its ``input`` and ``ctx``, every string made encodable."""

    def safe(value: Any) -> Any:
        return value.encode("utf-8", "replace").decode("utf-8") if isinstance(value, str) else value

    return {"type": error["type"], "loc": [safe(part) for part in error["loc"]], "msg": safe(error["msg"])}


def health_router(service, settings) -> APIRouter:
    """``/healthz`` stays outside the key so load balancers can probe it."""
    router = APIRouter(tags=["health"])

    @router.get("/healthz", response_model=Health)
    def healthz() -> Health:
        return Health(status="ok", collection=settings.collection, chunks=service.count())

    return router


def api_router(service, settings) -> APIRouter:
    """The ``/api`` routes; endpoints are sync so FastAPI runs them in its thread pool."""
    router = APIRouter(prefix="/api", tags=["api"])

    @router.post("/ask", response_model=schema.Answer)
    def ask(req: AskRequest) -> schema.Answer:
        return service.ask(req.question, top_k=req.top_k, collection=req.collection, history=req.history)

    @router.post(
        "/ask/stream",
        response_class=StreamingResponse,
        responses={
            200: {
                "content": {"application/x-ndjson": {}},
                "description": (
                    "One JSON object a line: {'event': 'answer', 'data': Answer} (the extractive answer, at once), then "
                    "{'event': 'sentence', 'data': str} for each checked sentence the model writes, then {'event': 'final', 'data': Answer}."
                ),
            }
        },
    )
    def ask_stream(req: AskRequest) -> StreamingResponse:
        """``/api/ask`` as it happens: the pipeline's answer first, then the language model's checked sentences."""
        items = service.ask_stream(req.question, top_k=req.top_k, collection=req.collection, history=req.history)
        first = next(items)  # bad input fails here, as a 4xx, before the stream starts
        return StreamingResponse(_ndjson(first, items), media_type="application/x-ndjson")

    @router.post("/verify", response_model=schema.Verification)
    def verify(req: VerifyRequest) -> schema.Verification:
        return service.verify(req.claim, collection=req.collection)

    @router.post("/compare", response_model=schema.Comparison)
    def compare(req: CompareRequest) -> schema.Comparison:
        return service.compare(req.a, req.b)

    @router.post("/search", response_model=list[schema.Passage])
    def search(req: SearchRequest) -> list[schema.Passage]:
        return service.search(req.query, k=req.k)

    @router.get("/documents", response_model=list[schema.DocumentInfo])
    def documents() -> list[schema.DocumentInfo]:
        return service.documents()

    @router.get(
        "/documents/{doc_id}/text",
        response_class=PlainTextResponse,
        responses={200: {"content": {"text/plain": {}}, "description": "The article text every citation offset points into."}},
    )
    def document_text(doc_id: str) -> PlainTextResponse:
        """The stored text as ``text/plain; charset=utf-8``: ``text[start:end]`` of a citation is its quote."""
        try:
            return PlainTextResponse(service.document_text(doc_id))
        except KeyError:
            raise HTTPException(404, f"no document {doc_id!r}") from None

    jobs = service.jobs  # started with the app: it resumes the jobs a stopped server left

    @router.post(
        "/documents",
        response_model=IngestResult,
        responses={
            202: {
                "model": JobStatus,
                "description": "A background job (an upload over ISNAD_SYNC_INGEST_BYTES): follow its Location, GET /api/jobs/{id}.",
            }
        },
    )
    def upload(
        files: Annotated[list[UploadFile], File(description="Files: " + ", ".join(UPLOAD_SUFFIXES))],
        background: Annotated[
            bool | None, QueryParam(description="true: always a job (202); false: always within the request; unset: by size.")
        ] = None,
    ) -> IngestResult | JSONResponse:
        """Ingest the files: within the request when small, else as a background job answered 202."""
        if background or (background is None and sum(f.size or 0 for f in files) > settings.sync_ingest_bytes):
            folder = jobs.prepare()
            try:
                for f in files:
                    save_upload(f, folder, settings.max_upload_bytes)
            except BaseException:
                jobs.discard(folder)
                raise
            job = jobs.submit(folder, limits=ReadLimits.of(settings))
            return JSONResponse(job.model_dump(mode="json"), status_code=202, headers={"Location": f"/api/jobs/{job.id}"})
        with tempfile.TemporaryDirectory(prefix="isnad-upload-") as tmp:
            paths = [save_upload(f, Path(tmp), settings.max_upload_bytes) for f in files]
            result = IngestResult(**_report_fields(service.ingest_paths(paths, limits=ReadLimits.of(settings))))
        if result.skipped and not (result.added or result.updated or result.unchanged):
            reasons = "; ".join(f"{name}: {reason}" for name, reason in result.skipped)
            more = result.skipped_count - len(result.skipped)
            raise HTTPException(400, f"nothing could be ingested: {reasons}" + (f"; and {more:,} more problems" if more else ""))
        return result

    @router.get("/jobs", response_model=list[JobStatus])
    def job_list() -> list[JobStatus]:
        """Every ingest job kept, newest first."""
        return jobs.recent()

    @router.get("/jobs/{job_id}", response_model=JobStatus, responses={404: {"description": "No such job."}})
    def job(job_id: str) -> JobStatus:
        """A job's state, counts (items done of total, articles committed), problems per file; ids once it ends."""
        try:
            return jobs.get(job_id)
        except KeyError:
            raise HTTPException(404, f"no job {job_id[:64]!r} (job ids are 32 hex digits, from POST /api/documents)") from None

    @router.delete("/documents/{doc_id}")
    def delete(doc_id: str) -> dict[str, Any]:
        if not service.delete(doc_id):
            raise HTTPException(404, f"no document {doc_id!r}")
        return {"deleted": doc_id}

    return router


def _ndjson(first: schema.Answer, rest: Iterator[str | schema.Answer]) -> Iterator[str]:
    yield json.dumps({"event": "answer", "data": first.model_dump(mode="json")}, ensure_ascii=False) + "\n"
    last = first
    for item in rest:
        if isinstance(item, str):
            yield json.dumps({"event": "sentence", "data": item}, ensure_ascii=False) + "\n"
        else:
            last = item
    yield json.dumps({"event": "final", "data": last.model_dump(mode="json")}, ensure_ascii=False) + "\n"


def save_upload(upload: UploadFile, folder: Path, max_bytes: int) -> Path:
    """Check one upload's name, size and content, and copy it into ``folder``.

    The original file name is kept because the service derives the document id
    from it; only its last path component is used, so a name cannot escape ``folder``.
    """
    name = Path(upload.filename or "").name
    if not name.lower().endswith(UPLOAD_SUFFIXES):
        raise HTTPException(415, f"unsupported file type {name!r}; accepted: {', '.join(UPLOAD_SUFFIXES)}")
    try:
        file_doc_id(Path(name))
    except ValueError as exc:
        raise HTTPException(400, f"{name!r}: {exc}") from None
    data = upload.file.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise HTTPException(413, f"{name!r} is larger than the {max_bytes:,}-byte upload limit")
    if not data:
        raise HTTPException(400, f"{name!r} is empty")
    check_content(name, data)
    path = folder / name
    path.write_bytes(data)
    return path


def check_content(name: str, data: bytes) -> None:
    """Reject bytes that cannot be what the name says: a gzip without its magic, text with NULs."""
    if name.lower().endswith(".gz"):
        if not data.startswith(_GZIP_MAGIC):
            raise HTTPException(400, f"{name!r} is not gzip data")
    elif b"\x00" in data[:_TEXT_SNIFF_BYTES]:
        raise HTTPException(400, f"{name!r} looks binary, not text")


def _report_fields(report) -> dict[str, Any]:
    return {
        "added": list(report.added),
        "updated": list(report.updated),
        "unchanged": list(report.unchanged),
        "skipped": [(str(n), str(r)) for n, r in report.skipped],
        "skipped_count": report.skipped_count,
    }
