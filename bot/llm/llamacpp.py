"""A local GGUF model (``llama-cpp-python``) as a LangChain chat model.

Written here rather than taken from ``langchain-community`` (a large package for
one class): it only maps LangChain messages onto ``Llama.create_chat_completion``,
which applies the chat template stored in the GGUF file. One model per path is
loaded per process; llama.cpp contexts are not thread-safe, so calls take turns.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult
from pydantic import ConfigDict

_ROLES = {"system": "system", "human": "user", "ai": "assistant"}
_LOCK = threading.Lock()


@lru_cache(maxsize=2)
def load_llama(path: str, n_ctx: int) -> Any:
    """The loaded model (imported lazily: the default install has no llama-cpp-python)."""
    from llama_cpp import Llama

    return Llama(model_path=path, n_ctx=n_ctx, verbose=False)


class ChatLlamaCpp(BaseChatModel):
    """Chat completions from a local GGUF file; ``timeout`` bounds one answer's wall time."""

    model_config = ConfigDict(arbitrary_types_allowed=True)
    model_path: str
    n_ctx: int = 4096
    max_tokens: int = 400
    temperature: float = 0.0
    timeout: float = 60.0

    @property
    def _llm_type(self) -> str:
        return "llamacpp"

    def _chat(self, messages: list[BaseMessage], stop: list[str] | None) -> Iterator[str]:
        llama = load_llama(self.model_path, self.n_ctx)
        payload = [{"role": _ROLES.get(m.type, "user"), "content": m.content} for m in messages]
        deadline = time.monotonic() + self.timeout
        with _LOCK:
            for part in llama.create_chat_completion(
                payload, max_tokens=self.max_tokens, temperature=self.temperature, stop=stop, stream=True
            ):
                if time.monotonic() > deadline:
                    raise TimeoutError(f"the local model took longer than {self.timeout:g} s")
                piece = part["choices"][0]["delta"].get("content")
                if piece:
                    yield piece

    def _generate(
        self, messages: list[BaseMessage], stop: list[str] | None = None, run_manager: CallbackManagerForLLMRun | None = None, **kwargs: Any
    ) -> ChatResult:
        return ChatResult(generations=[ChatGeneration(message=AIMessage("".join(self._chat(messages, stop))))])

    def _stream(
        self, messages: list[BaseMessage], stop: list[str] | None = None, run_manager: CallbackManagerForLLMRun | None = None, **kwargs: Any
    ) -> Iterator[ChatGenerationChunk]:
        for piece in self._chat(messages, stop):
            if run_manager:
                run_manager.on_llm_new_token(piece)
            yield ChatGenerationChunk(message=AIMessageChunk(piece))
