"""Answers written by a language model from Isnad's evidence, checked sentence by sentence (optional: ISNAD_LLM)."""

from __future__ import annotations

from langchain_core.embeddings import Embeddings

from bot.llm.backends import make_chat_model, parse_backend
from bot.llm.generate import Generation, Writer, embedding_similarity
from config import Settings

__all__ = ["Generation", "Writer", "make_writer"]


def make_writer(settings: Settings, embeddings: Embeddings | None = None) -> Writer | None:
    """The configured writer, or None when ``ISNAD_LLM=none``; a malformed setting raises ValueError now, not per question."""
    model = make_chat_model(settings)
    if model is None:
        return None
    return Writer(model, parse_backend(settings.llm).label, embedding_similarity(embeddings) if embeddings else None)
