"""One FastAPI app: the JSON API (``/healthz``, ``/api``), OpenAI-compatible ``/v1``, and the UI at ``/``.

One process and one port, so the UI, the API and chat front-ends share the same
service instance (and its loaded models) instead of each loading their own.
`bot.security` wraps all of it: the API key (and the UI's login), cross-site
refusal and security headers apply to every route, Gradio's included.
"""

from __future__ import annotations

import config  # noqa: F401  (first: sets the offline environment before gradio is imported)
import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import gradio as gr
import uvicorn
from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from starlette.middleware.cors import CORSMiddleware
from swagger_ui_bundle import swagger_ui_path

from bot.api import api_router, health_router, install_error_handlers
from bot.openai_compat import openai_router
from bot.security import BodyLimitMiddleware, SecurityMiddleware, SessionSigner, login_router
from bot.ui import CSS, build_ui, theme
from vectorstore.rebuild import check_store


def build_app(service, settings: config.Settings | None = None) -> FastAPI:
    """The whole app over ``service`` (a :class:`bot.service.Isnad`); routes before the UI mount win.

    ``settings`` (default: the service's) supplies the HTTP-side knobs, the API key
    and the upload limit, so one loaded service can back differently configured apps.
    """
    settings = settings or service.settings

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        await asyncio.to_thread(service.stop_jobs)  # the upload job in flight reaches a checkpoint first

    app = FastAPI(
        lifespan=lifespan,
        title="Isnad",
        summary="Arabic-first news fact verification: cited answers, claim verification, source conflicts.",
        version="1.0",
        docs_url=None,  # served below from local assets; FastAPI's own pages load Swagger UI and ReDoc from CDNs
        redoc_url=None,
    )
    mount_docs(app)
    install_error_handlers(app)
    signer = (
        SessionSigner(settings.api_key, settings.session_secret, settings.session_max_age, settings.home / "revoked_sessions.json")
        if settings.api_key
        else None
    )
    if signer:
        app.include_router(login_router(settings.api_key, signer, settings.login_attempts_per_minute))
    app.include_router(health_router(service, settings))
    app.include_router(api_router(service, settings))
    app.include_router(openai_router(service))
    # An empty CORS policy of our own: Gradio then adds none of its own, which
    # answered any localhost origin with credentials allowed.
    app.add_middleware(CORSMiddleware, allow_origins=[])
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_request_bytes)  # inside the key check
    app.add_middleware(SecurityMiddleware, api_key=settings.api_key, signer=signer)  # added last: outermost
    return gr.mount_gradio_app(
        app,
        build_ui(service),
        path="/",
        theme=theme(),
        css=CSS,
        footer_links=["api", "settings"],
        max_file_size=settings.max_upload_bytes,
        ssr_mode=False,
        run_history=False,
    )


#: Where the Swagger UI files shipped by the ``swagger-ui-bundle-v2`` package are served.
DOCS_ASSETS = "/docs-assets"


def mount_docs(app: FastAPI) -> None:
    """``/docs`` with Swagger UI 5 from the ``swagger-ui-bundle-v2`` package, so the API docs render with no internet.

    The page's scripts get the CSP nonce from `bot.security` (``/docs`` is a
    scripted page); the validator badge and the favicon would otherwise be
    fetched from other hosts.
    """
    app.mount(DOCS_ASSETS, StaticFiles(directory=swagger_ui_path), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    def docs(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        return get_swagger_ui_html(
            openapi_url=root + (app.openapi_url or "/openapi.json"),
            title=f"{app.title} — API docs",
            swagger_js_url=f"{root}{DOCS_ASSETS}/swagger-ui-bundle.js",
            swagger_css_url=f"{root}{DOCS_ASSETS}/swagger-ui.css",
            swagger_favicon_url=f"{root}{DOCS_ASSETS}/favicon-32x32.png",
            swagger_ui_parameters={"validatorUrl": None},
        )


def serve(host: str | None = None, port: int | None = None, settings: config.Settings | None = None) -> None:
    """Start Isnad (ingesting the samples into an empty store first) and block until interrupted."""
    from bot.service import Isnad  # heavy: loads models, so only when actually serving

    settings = settings or config.get_settings()
    host, port = host or settings.host, port or settings.port
    check_store(settings)  # a torn HNSW file would crash Chroma's loader: refuse first, with the repair command
    print(f"Loading the retrieval ({settings.embedding_model}) and evidence ({settings.evidence_model}) models…", flush=True)
    service = Isnad(settings)
    # Repair deletes chunks whose article record is missing, which is also what an
    # upload in flight looks like: on a shared Chroma server another worker may be
    # writing, so there it is left to `ingest.py --repair` run while nobody writes.
    repaired = 0 if settings.chroma_host else service.store.repair()
    if repaired:
        print(f"Removed {repaired} orphan chunks (left by an interrupted or refused write).", flush=True)
    if not service.store.document_count():
        print(f"The collection is empty: ingesting the sample collection from {settings.samples_dir}…", flush=True)
    report = service.ensure_samples()
    if report is not None:
        print(f"Ingested the sample collection: {len(report.added)} documents.", flush=True)
    t = time.perf_counter()
    chunks = service.searcher().warm()
    print(f"Keyword index ready: {chunks} chunks in {time.perf_counter() - t:.1f} s.", flush=True)
    app = build_app(service)
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    print(f"Isnad is running at http://{shown}:{port}/  (API docs: http://{shown}:{port}/docs)", flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
