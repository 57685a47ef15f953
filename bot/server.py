"""One FastAPI app: the JSON API (``/healthz``, ``/api``), OpenAI-compatible ``/v1``, and the UI at ``/``.

One process and one port, so the UI, the API and chat front-ends share the same
service instance (and its loaded models) instead of each loading their own.
"""

from __future__ import annotations

import config  # noqa: F401  (first: sets the offline environment before gradio is imported)

import gradio as gr
import uvicorn
from fastapi import FastAPI

from bot.api import api_router, health_router, install_error_handlers
from bot.openai_compat import openai_router
from bot.ui import CSS, build_ui, theme


def build_app(service, settings: config.Settings | None = None) -> FastAPI:
    """The whole app over ``service`` (a :class:`bot.service.Isnad`); routes before the UI mount win.

    ``settings`` (default: the service's) supplies the HTTP-side knobs, the API key
    and the upload limit, so one loaded service can back differently configured apps.
    """
    settings = settings or service.settings
    app = FastAPI(
        title="Isnad",
        summary="Arabic-first news fact verification: cited answers, claim verification, source conflicts.",
        version="1.0",
    )
    install_error_handlers(app)
    app.include_router(health_router(service, settings))
    app.include_router(api_router(service, settings))
    app.include_router(openai_router(service, settings.api_key))
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


def serve(host: str | None = None, port: int | None = None, settings: config.Settings | None = None) -> None:
    """Start Isnad (ingesting the samples into an empty store first) and block until interrupted."""
    from bot.service import Isnad  # heavy: loads models, so only when actually serving

    settings = settings or config.get_settings()
    host, port = host or settings.host, port or settings.port
    service = Isnad(settings)
    report = service.ensure_samples()
    if report is not None:
        print(f"Ingested the sample collection: {len(report.added)} documents.", flush=True)
    app = build_app(service)
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    print(f"Isnad is running at http://{shown}:{port}/  (API docs: http://{shown}:{port}/docs)", flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
