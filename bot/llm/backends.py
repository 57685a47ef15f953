"""``ISNAD_LLM`` → a LangChain chat model, or None for the extractive default.

``none`` | ``ollama:MODEL`` | ``openai:MODEL`` (any OpenAI-compatible server at
``ISNAD_LLM_BASE_URL``: vLLM, llama.cpp server, LM Studio) | ``llamacpp:PATH.gguf``.
Each integration is imported only when it is configured, so the default install
needs none of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from langchain_core.runnables import Runnable

from config import Settings

KINDS = ("none", "ollama", "openai", "llamacpp")


@dataclass(frozen=True)
class BackendSpec:
    kind: str
    model: str = ""

    @property
    def label(self) -> str:
        return f"{self.kind}:{self.model}" if self.model else self.kind


def parse_backend(spec: str) -> BackendSpec:
    """Read ``KIND:MODEL``; a malformed value is a configuration error, said in words."""
    kind, _, model = (spec or "none").strip().partition(":")
    kind = kind.lower()
    if kind not in KINDS:
        raise ValueError(f"ISNAD_LLM={spec!r}: the backend must be one of {', '.join(KINDS)} (as KIND:MODEL)")
    if kind != "none" and not model.strip():
        raise ValueError(f"ISNAD_LLM={spec!r}: name the model after the colon, e.g. {kind}:MODEL")
    return BackendSpec(kind, "" if kind == "none" else model.strip())


def make_chat_model(settings: Settings) -> Runnable | None:
    """The configured chat model with the settings' timeout, retries and length; None when ``ISNAD_LLM=none``."""
    spec = parse_backend(settings.llm)
    if spec.kind == "openai":
        from langchain_openai import ChatOpenAI

        return ChatOpenAI(
            model=spec.model,
            base_url=settings.llm_base_url,
            api_key=settings.llm_api_key or "not-needed",  # local OpenAI-compatible servers take any key
            timeout=settings.llm_timeout,
            max_retries=settings.llm_retries,
            max_tokens=settings.llm_max_tokens,
            temperature=settings.llm_temperature,
        )
    if spec.kind == "ollama":
        from langchain_ollama import ChatOllama

        return ChatOllama(
            model=spec.model,
            base_url=settings.llm_base_url,
            num_predict=settings.llm_max_tokens,
            temperature=settings.llm_temperature,
            client_kwargs={"timeout": settings.llm_timeout},
        ).with_retry(stop_after_attempt=settings.llm_retries + 1)
    if spec.kind == "llamacpp":
        from bot.llm.llamacpp import ChatLlamaCpp

        if not Path(spec.model).is_file():
            raise ValueError(f"ISNAD_LLM={settings.llm!r}: no GGUF file at {spec.model} (scripts/setup_llm.sh makes one)")
        return ChatLlamaCpp(
            model_path=spec.model,
            n_ctx=settings.llm_context,
            max_tokens=settings.llm_max_tokens,
            temperature=settings.llm_temperature,
            timeout=settings.llm_timeout,
        )
    return None
