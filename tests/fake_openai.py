"""A fake OpenAI-compatible chat-completions server for tests: real HTTP, JSON and SSE streaming.

Shared by the LLM, /v1 and browser tests so that the real ``langchain-openai``
adapter, its timeouts and retries, and Isnad's fallback run exactly as they
would against vLLM or a llama.cpp server. It records requests (the model must
not be called when retrieval abstains), can fail or hang, and can hold a
stream mid-answer until the test releases it (what streaming to a reader is
checked with, instead of a guessed delay).
"""

from __future__ import annotations

import json
import re
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from config import Settings

_ITEM = re.compile(r'^\[(\d+)\] .*?: ["«](.*)["»]$', re.MULTILINE)

Reply = Callable[[list[dict]], str]


def honest(messages: list[dict]) -> str:
    """What a faithful model writes: the first two quotes of the evidence block, each with its number."""
    items = _ITEM.findall(messages[-1]["content"])
    return " ".join(f"{quote.rstrip('.')}. [{n}]" for n, quote in items[:2])


class FakeOpenAI:
    """A chat-completions server on a loopback port; ``reply`` decides what the 'model' says."""

    def __init__(self, reply: Reply = honest):
        self.reply = reply
        self.requests: list[dict] = []
        self.fail_with: int | None = None
        self.release = threading.Event()  # a hanging server waits on this
        self.hang = False
        self.hold_at: int | None = None  # a stream pauses after this many characters ...
        self.resume = threading.Event()  # ... until this is set

    @property
    def calls(self) -> int:
        return len(self.requests)

    def handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                fake.requests.append(body)
                if fake.hang:
                    fake.release.wait()
                if fake.fail_with:
                    self.send_error(fake.fail_with)
                    return
                text = fake.reply(body["messages"])
                if body.get("stream"):
                    self.send_response(200)
                    self.send_header("Content-Type", "text/event-stream")
                    self.end_headers()
                    held = len(text) if fake.hold_at is None else min(fake.hold_at, len(text))
                    self._pieces(text[:held])
                    if held < len(text):
                        fake.resume.wait()  # the rest of the answer is written when the test says so
                        self._pieces(text[held:])
                    self._event({"choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]})
                    self.wfile.write(b"data: [DONE]\n\n")
                else:
                    payload = json.dumps(
                        {
                            "id": "fake",
                            "object": "chat.completion",
                            "created": 0,
                            "model": body["model"],
                            "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
                            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
                        }
                    ).encode()
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)

            def _pieces(self, text: str) -> None:
                for i in range(0, len(text), 7):  # small pieces: sentences arrive split mid-word
                    self._event({"choices": [{"index": 0, "delta": {"content": text[i : i + 7]}, "finish_reason": None}]})

            def _event(self, body: dict) -> None:
                body = {"id": "fake", "object": "chat.completion.chunk", "created": 0, "model": "fake", **body}
                self.wfile.write(f"data: {json.dumps(body)}\n\n".encode())
                self.wfile.flush()

        return Handler


class _Server(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        """A client that gave up (a timed-out call) closes the socket mid-reply: expected here, not worth a traceback."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def fake_openai(reply: Reply = honest) -> Iterator[tuple[FakeOpenAI, str]]:
    fake = FakeOpenAI(reply)
    server = _Server(("127.0.0.1", 0), fake.handler())
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield fake, f"http://127.0.0.1:{server.server_address[1]}/v1"
    finally:
        fake.release.set()
        fake.resume.set()
        server.shutdown()
        server.server_close()


def llm_settings(base_url: str, **extra) -> Settings:
    return Settings(llm="openai:fake-model", llm_base_url=base_url, llm_retries=0, **extra)
