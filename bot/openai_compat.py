"""An OpenAI-compatible ``/v1`` (chat completions and models) over the Isnad service.

So the official ``openai`` client, LangChain's ``ChatOpenAI`` and ordinary chat
front-ends can talk to Isnad unchanged. The last user message is the question;
one starting with ``verify:`` / ``تحقق:`` is checked as a claim instead. The
reply's text carries ``[n]`` markers and a markdown sources/conflicts section
for humans; the same evidence travels as structured JSON in an extra ``isnad``
field (the whole response when not streaming, the final chunk when streaming)
for programs. Earlier user messages are the conversation: a follow-up question
is read with them. With a language model configured (``ISNAD_LLM``), a streamed
reply carries the model's sentences as each is checked.
"""

from __future__ import annotations

import json
import re
import time
import uuid
from collections.abc import AsyncIterator, Iterable, Iterator
from itertools import chain
from typing import Any, Literal

from fastapi import APIRouter, HTTPException
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, ConfigDict, Field

from bot import schema
from bot.answer import citation_line
from bot.api import MAX_QUERY_CHARS, Text
from bot.bidi import direction
from bot.conflicts import describe_conflict

MODEL_ID = "isnad"
_VERIFY_PREFIX = re.compile(r"^\s*(verify|تحقق)\s*[:：]\s*", re.IGNORECASE)
#: Characters per streamed delta: small enough to look live, large enough to be cheap.
_STREAM_PIECE = 48
#: Earlier user questions a follow-up is read with.
MAX_HISTORY = 8


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


def history_of(req: ChatCompletionRequest) -> list[str]:
    """The user's earlier questions in this conversation (a follow-up is read with them), oldest first."""
    users = [message_text(m).strip() for m in req.messages if m.role == "user"]
    return [u[:MAX_QUERY_CHARS] for u in users[:-1] if u and not is_verify(u)][-MAX_HISTORY:]


def is_verify(text: str) -> bool:
    return bool(_VERIFY_PREFIX.match(text))


def run_question(service, question: str, history: list[str] | None = None) -> schema.Answer | schema.Verification:
    """Ask (reading a follow-up with the earlier questions), or verify when the message says so."""
    claim = _VERIFY_PREFIX.sub("", question, count=1)
    if claim != question:
        if not claim.strip():
            raise HTTPException(400, "nothing to verify after the 'verify:' prefix")
        return service.verify(claim.strip())
    return service.ask(question, history=history or [])


def _lead(result: schema.Answer | schema.Verification) -> list[str]:
    """What opens the reply: the verdict, or the direct answer in bold."""
    if isinstance(result, schema.Verification):
        return [f"**{result.verdict}**", result.explanation]
    return [f"**{result.direct.text}**"] if result.direct else []


def _body(result: schema.Answer) -> str:
    """The model's checked answer when there is one; else nothing but an abstention (the quotes follow in the tail).

    Not the extractive prose (``Answer.answer``): it quotes every source and describes
    every conflict itself, and the tail renders them from the structure, once.
    """
    if result.generated:
        return result.generated
    return "" if result.citations else result.answer


def _tail(result: schema.Answer | schema.Verification) -> list[str]:
    """Sources, conflicts and notes, each said once, in the reader's language: what follows the answer's text."""
    lang = result.language if isinstance(result, schema.Answer) else "ar" if direction(result.claim) == "rtl" else "en"
    parts = []
    if result.citations:
        heading = "**المصادر**" if lang == "ar" else "**Sources**"
        parts.append("\n".join([heading, *(citation_line(c, lang) for c in result.citations)]))
    if isinstance(result, schema.Answer):  # a verdict's explanation (in the lead) already describes its conflicts
        parts += [describe_conflict(c, lang) for c in result.conflicts]
    notes = [*getattr(result, "notes", []), *([result.llm_note] if getattr(result, "llm_note", None) else [])]
    return parts + [f"_{note}_" for note in notes]


def render_markdown(result: schema.Answer | schema.Verification) -> str:
    """The human-readable reply: answer (or verdict), then sources, conflicts and notes."""
    body = [] if isinstance(result, schema.Verification) else [_body(result)]
    return "\n\n".join(p for p in _lead(result) + body + _tail(result) if p)


def live_reply(items: Iterable[str | schema.Answer]) -> Iterator[str | schema.Answer]:
    """The reply's markdown in pieces as the model writes it, then the final Answer.

    ``items`` is what ``Isnad.ask_stream`` yields; joined, the pieces are exactly
    ``render_markdown`` of the final Answer.
    """
    final: schema.Answer | None = None
    wrote, sep = False, ""  # sep: what goes before the next piece
    for item in items:
        if isinstance(item, str):
            yield sep + item
            wrote, sep = True, " "
        elif final is None:  # the extractive answer: its direct line can be shown at once
            final = item
            lead = "\n\n".join(p for p in _lead(item) if p)
            if lead:
                yield lead
                sep = "\n\n"
        else:
            final = item
    rest = "\n\n".join(p for p in ([] if wrote else [_body(final)]) + _tail(final) if p)
    if rest:
        yield ("\n\n" if sep else "") + rest
    yield final


def openai_router(service) -> APIRouter:
    """The ``/v1`` routes (the API key, when set, is checked for every route by `bot.security`)."""
    router = APIRouter(prefix="/v1", tags=["openai"])

    @router.get("/models")
    def models() -> dict[str, Any]:
        return {"object": "list", "data": [{"id": MODEL_ID, "object": "model", "created": 0, "owned_by": "isnad"}]}

    @router.post("/chat/completions", response_model=None)
    async def chat_completions(req: ChatCompletionRequest) -> dict[str, Any] | StreamingResponse:
        question = question_of(req)
        history = history_of(req)
        completion_id, created = f"chatcmpl-{uuid.uuid4().hex}", int(time.time())
        if req.stream and service.writer is not None and not is_verify(question):
            # the model writes while the client reads; each sentence is checked before it is sent
            items = service.ask_stream(question, history=history)
            first = await run_in_threadpool(next, items)  # bad input fails here, as a 4xx, before the stream starts
            return StreamingResponse(
                _live_stream(completion_id, created, live_reply(chain([first], items))), media_type="text/event-stream"
            )
        result = await run_in_threadpool(run_question, service, question, history)
        content = render_markdown(result)
        if req.stream:
            return StreamingResponse(_stream(completion_id, created, content, result), media_type="text/event-stream")
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


def _chunk(completion_id: str, created: int, delta: dict[str, Any], finish: Literal["stop"] | None = None, **extra: Any) -> str:
    """One server-sent event in OpenAI's chunk format."""
    body = {
        "id": completion_id,
        "object": "chat.completion.chunk",
        "created": created,
        "model": MODEL_ID,
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
        **extra,
    }
    return f"data: {json.dumps(body, ensure_ascii=False)}\n\n"


def _live_stream(completion_id: str, created: int, pieces: Iterator[str | schema.Answer]) -> Iterator[str]:
    """Events as the model's checked sentences arrive (a sync generator: Starlette runs it in its thread pool)."""
    yield _chunk(completion_id, created, {"role": "assistant", "content": ""})
    for piece in pieces:
        if isinstance(piece, str):
            yield _chunk(completion_id, created, {"content": piece})
        else:
            yield _chunk(completion_id, created, {}, "stop", isnad=piece.model_dump(mode="json"))
    yield "data: [DONE]\n\n"


async def _stream(completion_id: str, created: int, content: str, result: BaseModel) -> AsyncIterator[str]:
    """Server-sent events in OpenAI's chunk format; the evidence rides on the last chunk."""

    def chunk(delta: dict[str, Any], finish: Literal["stop"] | None = None, **extra: Any) -> str:
        return _chunk(completion_id, created, delta, finish, **extra)

    yield chunk({"role": "assistant", "content": ""})
    for i in range(0, len(content), _STREAM_PIECE):
        yield chunk({"content": content[i : i + _STREAM_PIECE]})
    yield chunk({}, "stop", isnad=result.model_dump(mode="json"))
    yield "data: [DONE]\n\n"


def _usage(question: str, content: str) -> dict[str, int]:
    """Whitespace-token counts: no tokenizer is involved, but clients expect the field."""
    prompt, completion = len(question.split()), len(content.split())
    return {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion}
