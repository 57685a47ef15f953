"""One gate in front of every route of the app: the API, ``/v1`` and the whole Gradio UI.

Why a middleware and not per-router dependencies: Gradio mounts dozens of its
own routes (``/config``, ``/gradio_api/queue/join``, uploads, files) that a
dependency on our routers never sees, so a key that guarded only ``/api`` left
upload and delete open through the UI's queue. Everything passes through here:

- **authentication** when ``ISNAD_API_KEY`` is set: ``Authorization: Bearer KEY``
  or a session cookie issued by ``POST /login`` (the key typed into a form).
  The cookie is ``id.expiry.HMAC`` signed with a key derived from the API key,
  so changing the key logs every session out; it is HttpOnly and
  SameSite=Strict. ``POST /logout`` revokes the cookie on the server (a copy
  of it stops working too), and ``POST /login`` is rate-limited per client
  (429). Only ``/healthz`` and the login page stay open, and an
  unknown path is closed, not open (the list is of what is open);
- **cross-site request refusal** in every mode: a state-changing request whose
  ``Origin`` (or, lacking one, ``Referer``) is another site is a 403. Clients
  that send neither (curl, SDKs) are not browsers and cannot be forged into
  sending a victim's cookie;
- **headers** on every response: ``nosniff``, no framing (Delete cannot be
  clickjacked), and a Content-Security-Policy whose scripts run only with a
  per-response nonce (``'strict-dynamic'`` lets Gradio's module load its chunks)
  and nothing is fetched from, or sent to, another origin.
"""

from __future__ import annotations

import hashlib
import hmac
import html
import json
import math
import os
import re
import secrets
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.datastructures import Headers, MutableHeaders
from starlette.requests import HTTPConnection
from starlette.types import ASGIApp, Message, Receive, Scope, Send

SESSION_COOKIE = "isnad_session"
LOGIN_PATH = "/login"
LOGOUT_PATH = "/logout"
#: The only paths reachable without credentials when a key is set.
OPEN_PATHS = frozenset({"/healthz", LOGIN_PATH})
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
#: Pages whose own ``<script>`` tags get the nonce: the UI and the API docs. Any other HTML
#: (an uploaded article served back as a file, say) gets the policy but no nonce, so its scripts never run.
SCRIPTED_PAGES = frozenset({"/", "/docs", "/redoc"})
KEY_MESSAGE = "missing or invalid API key: send 'Authorization: Bearer <ISNAD_API_KEY>' or log in at /login"

_SCRIPT_TAG = re.compile(rb"<script(?=[\s>])")


def content_security_policy(nonce: str) -> str:
    """The policy the Gradio UI works under: nothing from other origins, scripts only by nonce.

    Styles may be inline because Gradio's components and Isnad's own cards set
    ``style`` attributes; a style cannot run code. ``'unsafe-eval'`` because
    Gradio's HTML component compiles its templates with ``new Function``: what
    it compiles is Gradio's own template, and an injected ``<script>`` or
    ``onclick=`` still cannot run without the nonce.
    """
    return "; ".join(
        (
            "default-src 'self'",
            f"script-src 'nonce-{nonce}' 'strict-dynamic' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "media-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "worker-src 'self' blob:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        )
    )


class SessionSigner:
    """Issues and checks session cookies ``id.expiry.signature``, and remembers the ones logged out.

    The signature makes a cookie unforgeable without a server-side session
    table; logging out needs state all the same, or a copied cookie would
    keep working until it expires. So `revoke` records the cookie's id until
    its expiry (in ``revoked_path`` when given, so a restart does not revive
    it); the list holds only unexpired logouts, so it stays small.
    """

    def __init__(self, api_key: str, secret: str | None = None, max_age: int = 12 * 3600, revoked_path: Path | None = None):
        self._key = hmac.new(api_key.encode(), b"isnad-session|" + (secret or "").encode(), hashlib.sha256).digest()
        self.max_age = max_age
        self._revoked_path = revoked_path
        self._revoked: dict[str, int] = {}  # session id -> expiry
        self._lock = threading.Lock()
        if revoked_path and revoked_path.exists():
            try:
                self._revoked = {str(k): int(v) for k, v in json.loads(revoked_path.read_text(encoding="utf-8")).items()}
            except (ValueError, AttributeError, OSError):  # unreadable: start empty rather than refuse to serve
                self._revoked = {}

    def _sign(self, payload: str) -> str:
        return hmac.new(self._key, payload.encode(), hashlib.sha256).hexdigest()

    def issue(self, now: float | None = None) -> str:
        payload = f"{secrets.token_urlsafe(18)}.{int((now or time.time()) + self.max_age)}"
        return f"{payload}.{self._sign(payload)}"

    def _verified(self, value: str, now: float | None) -> tuple[str, int] | None:
        """(session id, expiry) of a cookie that is ours and unexpired, else None."""
        payload, _, signature = value.rpartition(".")
        sid, _, expiry = payload.rpartition(".")
        if not (payload and expiry.isdigit() and secrets.compare_digest(signature.encode(), self._sign(payload).encode())):
            return None
        return (sid, int(expiry)) if int(expiry) > (now or time.time()) else None

    def valid(self, value: str, now: float | None = None) -> bool:
        found = self._verified(value, now)
        return found is not None and found[0] not in self._revoked

    def revoke(self, value: str, now: float | None = None) -> None:
        """Log a cookie out for good (a no-op for one that is invalid already)."""
        found = self._verified(value, now)
        if found is None:
            return
        current = now or time.time()
        with self._lock:
            self._revoked = {sid: exp for sid, exp in self._revoked.items() if exp > current}
            self._revoked[found[0]] = found[1]
            if self._revoked_path:
                self._revoked_path.parent.mkdir(parents=True, exist_ok=True)
                tmp = self._revoked_path.with_suffix(".tmp")
                tmp.write_text(json.dumps(self._revoked), encoding="utf-8")
                os.replace(tmp, self._revoked_path)


class TokenBucket:
    """Per-client token buckets: ``burst`` attempts at once, refilled at ``per_minute``.

    Guards ``POST /login`` against guessing the key: a client past its bucket
    waits for a token (the answer says how long). Buckets that have refilled
    are forgotten, so memory stays bounded by the clients currently throttled.
    """

    def __init__(self, per_minute: float, burst: int | None = None, clock=time.monotonic):
        self.rate = per_minute / 60.0
        self.burst = burst or max(1, int(per_minute))
        self.clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}  # client -> (tokens, when)
        self._lock = threading.Lock()

    def take(self, client: str) -> float:
        """0.0 when ``client`` may go ahead (one token spent), else the seconds until it may."""
        now = self.clock()
        with self._lock:
            tokens, when = self._buckets.get(client, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - when) * self.rate)
            if len(self._buckets) > 10_000:  # forget the clients whose buckets are full again
                self._buckets = {c: (t, w) for c, (t, w) in self._buckets.items() if t + (now - w) * self.rate < self.burst}
            if tokens >= 1.0:
                self._buckets[client] = (tokens - 1.0, now)
                return 0.0
            self._buckets[client] = (tokens, now)
            return (1.0 - tokens) / self.rate


def bearer_ok(headers: Headers, api_key: str) -> bool:
    scheme, _, token = headers.get("authorization", "").partition(" ")
    return scheme.lower() == "bearer" and secrets.compare_digest(token.strip().encode(), api_key.encode())


def request_origin(headers: Headers) -> str | None:
    """``scheme://host`` a browser says the request came from (Origin, else Referer); None if neither."""
    origin = headers.get("origin")
    if origin is not None:
        return origin.strip()
    referer = headers.get("referer")
    if referer:
        parts = urlsplit(referer)
        return f"{parts.scheme}://{parts.netloc}"
    return None


def is_foreign(origin: str, headers: Headers) -> bool:
    """True when ``origin`` is not this server's own host (``null`` and garbage are foreign).

    The host is the one the browser addressed: ``Host``, or ``X-Forwarded-Host``
    behind a proxy that rewrites ``Host``. A page on another site cannot make
    a browser send that header (it would need a CORS preflight, which is refused).
    """
    netloc = urlsplit(origin).netloc.lower()
    own = {h.split(",")[0].strip().lower() for h in (headers.get("host"), headers.get("x-forwarded-host")) if h}
    return not netloc or netloc not in own


def login_page(message: str = "") -> str:
    """A plain form (no script, so the strict CSP applies unchanged) that posts the key."""
    note = f'<p class="error" role="alert">{html.escape(message)}</p>' if message else ""
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Isnad · إسناد — log in</title>'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:4rem auto;padding:0 1rem}"
        "input,button{font-size:1rem;padding:.4rem;margin:.3rem 0;width:100%}.error{color:#c92a2a}</style></head>"
        f"<body><h1>إسناد Isnad</h1><p>This server needs its API key. · هذا الخادم يحتاج إلى مفتاحه.</p>{note}"
        f'<form method="post" action="{LOGIN_PATH.lstrip("/")}"><label for="key">API key · المفتاح</label>'
        '<input id="key" name="key" type="password" autocomplete="current-password" required autofocus>'
        '<button type="submit">Log in · دخول</button></form></body></html>'
    )


def login_router(api_key: str, signer: SessionSigner, attempts_per_minute: float = 5.0) -> APIRouter:
    """``/login`` (the form, and the key it posts) and ``/logout``: a session cookie for the browser UI.

    Login attempts are rate-limited per client address (`TokenBucket`): 429
    with ``Retry-After``. Behind a reverse proxy every client shares its
    address, so the limit then applies to all of them together.
    """
    router = APIRouter(include_in_schema=False)
    attempts = TokenBucket(attempts_per_minute)

    @router.get(LOGIN_PATH)
    def login_form() -> HTMLResponse:
        return HTMLResponse(login_page())

    @router.post(LOGIN_PATH, response_model=None)
    async def login(request: Request) -> HTMLResponse | RedirectResponse:
        wait = attempts.take(request.client.host if request.client else "")
        if wait:
            seconds = math.ceil(wait)
            message = f"Too many login attempts: try again in {seconds} s. · محاولات كثيرة: أعد المحاولة بعد {seconds} ثانية."
            return HTMLResponse(login_page(message), status_code=429, headers={"Retry-After": str(seconds)})
        form = await request.form()
        key = form.get("key")
        if not isinstance(key, str) or not secrets.compare_digest(key.encode(), api_key.encode()):
            return HTMLResponse(login_page("Wrong key. · مفتاح خاطئ."), status_code=401)
        response = RedirectResponse("./", status_code=303)
        response.set_cookie(
            SESSION_COOKIE,
            signer.issue(),
            max_age=signer.max_age,
            httponly=True,
            samesite="strict",
            secure=request.url.scheme == "https",
        )
        return response

    @router.post(LOGOUT_PATH)
    def logout(request: Request) -> RedirectResponse:
        """End the session here too: the cookie is revoked, so a copy of it no longer opens anything."""
        cookie = request.cookies.get(SESSION_COOKIE)
        if cookie:
            signer.revoke(cookie)
        response = RedirectResponse(LOGIN_PATH.lstrip("/"), status_code=303)
        response.delete_cookie(SESSION_COOKIE, httponly=True, samesite="strict")
        return response

    return router


class SecurityMiddleware:
    """Pure ASGI (streams and server-sent events pass through untouched), outermost in the app."""

    def __init__(self, app: ASGIApp, api_key: str | None, signer: SessionSigner | None):
        self.app = app
        self.api_key = api_key
        self.signer = signer

    def authenticated(self, conn: HTTPConnection) -> bool:
        if not self.api_key:
            return True
        if bearer_ok(conn.headers, self.api_key):
            return True
        cookie = conn.cookies.get(SESSION_COOKIE)
        return bool(cookie and self.signer and self.signer.valid(cookie))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        conn = HTTPConnection(scope)
        origin = request_origin(conn.headers)
        cross_site = origin is not None and is_foreign(origin, conn.headers)
        if scope["type"] == "websocket":  # none today; a future one gets the same rules, a handshake being a write
            if cross_site or not (self.authenticated(conn) or scope["path"] in OPEN_PATHS):
                await send({"type": "websocket.close", "code": 1008})
            else:
                await self.app(scope, receive, send)
            return
        nonce = secrets.token_urlsafe(16)
        send = _with_headers(send, nonce, rewrite_html=scope["method"] != "HEAD" and scope["path"] in SCRIPTED_PAGES)
        if scope["method"] in UNSAFE_METHODS and cross_site:
            await _respond(send, 403, {"detail": f"cross-site request from {origin!r} refused"})
            return
        if scope["path"] in OPEN_PATHS or self.authenticated(conn):
            await self.app(scope, receive, send)
            return
        if scope["method"] in ("GET", "HEAD") and "text/html" in conn.headers.get("accept", ""):
            await _respond(send, 401, login_page(), html_body=True)  # a browser: show the way in
            return
        await _respond(send, 401, {"detail": KEY_MESSAGE}, extra={"www-authenticate": "Bearer"})


class BodyLimitMiddleware:
    """Refuse a request body over ``max_bytes`` with 413 before anything parses it.

    Runs inside `SecurityMiddleware`, so the key is checked before a byte of the
    body is read. A declared ``Content-Length`` over the limit is refused at once;
    a chunked body is counted as it streams and refused when it passes the limit
    (raised as an HTTPException so FastAPI's body parsing answers 413, not 400).
    """

    def __init__(self, app: ASGIApp, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        message = f"request body larger than the {self.max_bytes:,}-byte limit (ISNAD_MAX_REQUEST_BYTES)"
        declared = Headers(scope=scope).get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            await _respond(send, 413, {"detail": message}, extra={"connection": "close"})
            return
        received = 0
        started = False

        async def counted() -> Message:
            nonlocal received
            incoming = await receive()
            if incoming["type"] == "http.request":
                received += len(incoming.get("body", b""))
                if received > self.max_bytes:
                    raise HTTPException(413, message)
            return incoming

        async def tracked(outgoing: Message) -> None:
            nonlocal started
            started = started or outgoing["type"] == "http.response.start"
            await send(outgoing)

        try:
            await self.app(scope, counted, tracked)
        except HTTPException as exc:  # raised where no FastAPI handler turned it into a response
            if exc.status_code != 413 or started:
                raise
            await _respond(send, 413, {"detail": message}, extra={"connection": "close"})


def _with_headers(send: Send, nonce: str, rewrite_html: bool) -> Send:
    """Wrap ``send`` to add the security headers, and the CSP nonce to every ``<script>`` of an HTML page."""
    state: dict = {"html": False, "start": None, "body": []}

    async def wrapped(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = MutableHeaders(scope=message)
            headers["x-content-type-options"] = "nosniff"
            headers["x-frame-options"] = "DENY"
            headers["referrer-policy"] = "same-origin"
            headers["content-security-policy"] = content_security_policy(nonce)
            html_page = headers.get("content-type", "").startswith("text/html") and "content-encoding" not in headers
            if rewrite_html and html_page:
                state["html"], state["start"] = True, message  # held until the body is complete
                return
            await send(message)
        elif message["type"] == "http.response.body" and state["html"]:
            state["body"].append(message.get("body", b""))
            if message.get("more_body"):
                return
            body = _SCRIPT_TAG.sub(f'<script nonce="{nonce}"'.encode(), b"".join(state["body"]))
            start = state["start"]
            MutableHeaders(scope=start)["content-length"] = str(len(body))
            await send(start)
            await send({"type": "http.response.body", "body": body})
        else:
            await send(message)

    return wrapped


async def _respond(send: Send, status: int, content, html_body: bool = False, extra: dict[str, str] | None = None) -> None:
    body = (content if html_body else json.dumps(content)).encode()
    headers = [
        (b"content-type", b"text/html; charset=utf-8" if html_body else b"application/json"),
        (b"content-length", str(len(body)).encode()),
        *((k.encode(), v.encode()) for k, v in (extra or {}).items()),
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
