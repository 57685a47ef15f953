"""An OpenAI-compatible ``/v1`` (chat completions and models) over the Isnad service.

So the official ``openai`` client, LangChain's ``ChatOpenAI`` and ordinary chat
front-ends can talk to Isnad unchanged. The last user message is the question;
one starting with ``verify:`` / ``تحقق:`` is checked as a claim instead. The
reply's text carries ``[n]`` markers and a markdown sources/conflicts section
for humans; the same evidence travels as structured JSON in an extra ``isnad``
field (the whole response when not streaming, the final chunk when streaming)
for programs.
"""

from __future__ import annotations

import json
import re
import time
import uuid
from collections.abc import AsyncIterator
from typing import Any, Literal

from fastapi import APIRouter, HTTPException
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, ConfigDict, Field

from bot import schema
from bot.api import MAX_QUERY_CHARS, Text
from bot.bidi import direction

MODEL_ID = "isnad"
_VERIFY_PREFIX = re.compile(r"^\s*(verify|تحقق)\s*[:：]\s*", re.IGNORECASE)
#: Characters per streamed delta: small enough to look live, large enough to be cheap.
_STREAM_PIECE = 48


class ContentPart(BaseModel):
    """One typed part of a message; only ``text`` parts carry the question (images etc. are ignored)."""

    model_config = ConfigDict(extra="allow")
    type: str
    text: Text | None = None


class ChatMessage(BaseModel):
    model_config = ConfigDict(extra="allow")
    role: str
    content: Text | list[ContentPart] | None = None


class ChatCompletionRequest(BaseModel):
    """The fields Isnad uses; sampling knobs (temperature, ...) are accepted and ignored."""

    model_config = ConfigDict(extra="allow")
    model: str = MODEL_ID
    messages: list[ChatMessage] = Field(min_length=1)
    stream: bool = False


def message_text(message: ChatMessage) -> str:
    """The text of a message whose content is a string or a list of typed parts."""
    if isinstance(message.content, str):
        return message.content
    return "".join(p.text or "" for p in message.content or [] if p.type == "text")


def question_of(req: ChatCompletionRequest) -> str:
    users = [message_text(m).strip() for m in req.messages if m.role == "user"]
    if not users or not users[-1]:
        raise HTTPException(400, "the last user message is empty: nothing to answer")
    if len(users[-1]) > MAX_QUERY_CHARS:
        raise HTTPException(400, f"the question is longer than {MAX_QUERY_CHARS} characters")
    return users[-1]


def run_question(service, question: str) -> schema.Answer | schema.Verification:
    """Ask, or verify when the message says so."""
    claim = _VERIFY_PREFIX.sub("", question, count=1)
    if claim != question:
        if not claim.strip():
            raise HTTPException(400, "nothing to verify after the 'verify:' prefix")
        return service.verify(claim.strip())
    return service.ask(question)


def render_markdown(result: schema.Answer | schema.Verification) -> str:
    """The human-readable reply: answer (or verdict), then sources, conflicts and notes."""
    arabic = direction(getattr(result, "question", None) or getattr(result, "claim", "")) == "rtl"
    if isinstance(result, schema.Verification):
        parts = [f"**{result.verdict}**", result.explanation]
    elif result.direct:  # the direct answer opens the reply, in bold
        parts = [f"**{result.direct.text}**", result.answer.removeprefix(result.direct.text).lstrip()]
    else:
        parts = [result.answer]
    if result.citations:
        lines = ["**المصادر**" if arabic else "**Sources**"]
        for c in result.citations:
            head = ", ".join(x for x in (c.attributed_to or c.outlet, c.published) if x)
            lines.append(f"[{c.n}] {head}: «{c.quote}»")
        parts.append("\n".join(lines))
    if result.conflicts:
        lines = ["**تعارض بين المصادر**" if arabic else "**Conflicts between sources**"]
        for conflict in result.conflicts:
            lines.append(f"- {conflict.topic}:")
            for p in conflict.positions:
                refs = "".join(f"[{n}]" for n in p.citations)
                lines.append(f"  - {p.value} ({p.attributed_to}) {refs}".rstrip())
        parts.append("\n".join(lines))
    for note in getattr(result, "notes", []):
        parts.append(f"_{note}_")
    return "\n\n".join(p for p in parts if p)


def openai_router(service) -> APIRouter:
    """The ``/v1`` routes (the API key, when set, is checked for every route by `bot.security`)."""
    router = APIRouter(prefix="/v1", tags=["openai"])

    @router.get("/models")
    def models() -> dict[str, Any]:
        return {"object": "list", "data": [{"id": MODEL_ID, "object": "model", "created": 0, "owned_by": "isnad"}]}

    @router.post("/chat/completions", response_model=None)
    async def chat_completions(req: ChatCompletionRequest) -> dict[str, Any] | StreamingResponse:
        question = question_of(req)
        result = await run_in_threadpool(run_question, service, question)
        content = render_markdown(result)
        completion_id, created = f"chatcmpl-{uuid.uuid4().hex}", int(time.time())
        if req.stream:
            return StreamingResponse(
                _stream(completion_id, created, content, result), media_type="text/event-stream"
            )
        return {
            "id": completion_id,
            "object": "chat.completion",
            "created": created,
            "model": MODEL_ID,
            "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}],
            "usage": _usage(question, content),
            "isnad": result.model_dump(mode="json"),
        }

    return router


async def _stream(completion_id: str, created: int, content: str, result: BaseModel) -> AsyncIterator[str]:
    """Server-sent events in OpenAI's chunk format; the evidence rides on the last chunk."""

    def chunk(delta: dict[str, Any], finish: Literal["stop"] | None = None, **extra: Any) -> str:
        body = {
            "id": completion_id,
            "object": "chat.completion.chunk",
            "created": created,
            "model": MODEL_ID,
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
            **extra,
        }
        return f"data: {json.dumps(body, ensure_ascii=False)}\n\n"

    yield chunk({"role": "assistant", "content": ""})
    for i in range(0, len(content), _STREAM_PIECE):
        yield chunk({"content": content[i : i + _STREAM_PIECE]})
    yield chunk({}, "stop", isnad=result.model_dump(mode="json"))
    yield "data: [DONE]\n\n"


def _usage(question: str, content: str) -> dict[str, int]:
    """Whitespace-token counts: no tokenizer is involved, but clients expect the field."""
    prompt, completion = len(question.split()), len(content.split())
    return {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion}
