"""Security over real HTTP: the key guards every route (Gradio's too), logins, cross-site refusal, headers.

The route walk reads the real app's route table (FastAPI's routers and the
mounted Gradio app), so a route added tomorrow, by us or by a Gradio upgrade,
is walked without anyone listing it here.
"""

from __future__ import annotations

import json
import re
from contextlib import closing

import httpx
import pytest
from starlette.routing import Mount

from bot.security import OPEN_PATHS, SESSION_COOKIE, SessionSigner, TokenBucket
from tests.live_server import live_server

KEY = "sec-key-456"
PARAM = re.compile(r"\{[^}]+\}")
ARTICLE = b"Test Wire, 3 March 2021. The minister arrived in Cairo on Monday evening, officials said."


def walk_routes(routes, prefix: str = ""):
    """(path, method) of every HTTP route, descending into included routers and mounted apps."""
    for route in routes:
        if isinstance(route, Mount):
            yield from walk_routes(route.routes, prefix + route.path)
        elif hasattr(route, "original_router"):  # FastAPI's view of an included APIRouter
            yield from walk_routes(route.original_router.routes, prefix + route.include_context.prefix)
        else:
            for method in sorted(getattr(route, "methods", None) or {"GET"}):
                yield PARAM.sub("probe", prefix + route.path), method


@pytest.fixture(scope="module")
def secured(seeded_service):
    from bot.server import build_app

    app = build_app(seeded_service, seeded_service.settings.model_copy(update={"api_key": KEY}))
    with live_server(app) as url:
        yield app, url


@pytest.fixture(scope="module")
def open_app(seeded_service):
    """The default mode: no key."""
    from bot.server import build_app

    with live_server(build_app(seeded_service)) as url, httpx.Client(base_url=url, timeout=120) as c:
        yield c


def login(url: str) -> httpx.Client:
    client = httpx.Client(base_url=url, timeout=120)
    r = client.post("/login", data={"key": KEY}, follow_redirects=False)
    assert r.status_code == 303, r.text
    return client


def queue_join(client: httpx.Client, api_name: str) -> httpx.Response:
    """Submit a UI event the way the browser does, by fn_index from the public-to-the-browser /config."""
    config = client.get("/config")
    fn_index = next(i for i, d in enumerate(config.json()["dependencies"]) if d.get("api_name") == api_name)
    return client.post(
        "/gradio_api/queue/join",
        json={"data": [], "fn_index": fn_index, "session_hash": "probe", "event_data": None, "trigger_id": None},
    )


def test_every_route_refuses_anonymous_calls(secured):
    app, url = secured
    routes = sorted(set(walk_routes(app.routes)))
    paths = {p for p, _ in routes}
    # the walk reaches our routers and Gradio's: it cannot pass by walking nothing
    assert {"/api/ask", "/v1/chat/completions", "/config", "/gradio_api/queue/join", "/gradio_api/upload", "/"} <= paths
    opened = []
    with httpx.Client(base_url=url, timeout=120) as c:
        for path, method in routes:
            if path in OPEN_PATHS:
                continue
            r = c.request(method, path)
            if r.status_code not in (401, 403):
                opened.append((method, path, r.status_code))
        assert opened == []
        assert c.post("/gradio_api/queue/join", json={"data": [], "fn_index": 0, "session_hash": "x"}).status_code == 401
        assert c.get("/config", headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert c.get("/config", cookies={SESSION_COOKIE: "forged.9999999999.00"}).status_code == 401
        assert c.get("/healthz").status_code == 200
        assert c.get("/login").status_code == 200


def test_browser_without_login_gets_the_login_form(secured):
    _, url = secured
    r = httpx.get(url + "/", headers={"Accept": "text/html"})
    assert r.status_code == 401 and '<form method="post"' in r.text and 'name="key"' in r.text


def test_login_issues_a_strict_httponly_cookie_that_opens_the_ui(secured):
    _, url = secured
    with httpx.Client(base_url=url, timeout=120) as c:
        wrong = c.post("/login", data={"key": "nope"}, follow_redirects=False)
        assert wrong.status_code == 401 and SESSION_COOKIE not in wrong.headers.get("set-cookie", "")
    with closing(login(url)) as c:
        r = c.post("/login", data={"key": KEY}, follow_redirects=False)
        cookie = r.headers["set-cookie"]
        assert cookie.startswith(SESSION_COOKIE + "=") and "HttpOnly" in cookie and "SameSite=strict" in cookie
        assert r.headers["location"] == "./"
        assert c.get("/").status_code == 200
        assert c.get("/config").status_code == 200
        joined = queue_join(c, "documents")
        assert joined.status_code == 200 and "event_id" in joined.json()
        assert c.get("/api/documents").status_code == 200  # the session is a credential like the key
        c.post("/logout")
        assert c.get("/config").status_code == 401


def test_gradio_client_needs_the_key(secured, seeded_service):
    from gradio_client import Client

    _, url = secured
    with pytest.raises(Exception, match="credentials|401|nauthori"):
        Client(url + "/", verbose=False)
    client = Client(url + "/", verbose=False, headers={"Authorization": f"Bearer {KEY}"})
    table, _ = client.predict(api_name="/documents")
    assert len(table["data"]) == len(seeded_service.documents())


def test_session_cookies_are_signed_and_expire():
    signer = SessionSigner(KEY, max_age=60)
    cookie = signer.issue(now=1000.0)
    assert signer.valid(cookie, now=1030.0)
    assert not signer.valid(cookie, now=1061.0)  # expired
    sid, expiry, signature = cookie.split(".")
    assert not signer.valid(f"{sid}.{int(expiry) + 10**6}.{signature}", now=1030.0)  # expiry edited
    assert not SessionSigner("another-key", max_age=60).valid(cookie, now=1030.0)  # key changed: logged out
    assert not SessionSigner(KEY, secret="rotated", max_age=60).valid(cookie, now=1030.0)
    assert not signer.valid("garbage") and not signer.valid("") and not signer.valid("é.99999999999.é")


def test_logout_revokes_the_cookie_on_the_server(secured):
    """A copy of the cookie (another tab, a stolen one) stops working once its session logs out."""
    _, url = secured
    with closing(login(url)) as c:
        cookie = c.cookies[SESSION_COOKIE]
        with httpx.Client(base_url=url, timeout=120, cookies={SESSION_COOKIE: cookie}) as copy:
            assert copy.get("/api/documents").status_code == 200
            assert c.post("/logout", follow_redirects=False).status_code == 303
            assert copy.get("/api/documents").status_code == 401
            assert copy.post("/logout").status_code == 401  # logging out twice needs a session too


def test_revocations_outlive_a_restart(tmp_path):
    path = tmp_path / "revoked.json"
    signer = SessionSigner(KEY, max_age=60, revoked_path=path)
    kept, gone = signer.issue(now=1000.0), signer.issue(now=1000.0)
    signer.revoke(gone, now=1010.0)
    restarted = SessionSigner(KEY, max_age=60, revoked_path=path)
    assert restarted.valid(kept, now=1020.0) and not restarted.valid(gone, now=1020.0)
    restarted.revoke(signer.issue(now=2000.0), now=2000.0)  # the first logout has expired: it is dropped from the list
    assert len(json.loads(path.read_text())) == 1
    signer.revoke("forged.99999999999.00")
    assert len(json.loads(path.read_text())) == 1  # an invalid cookie is not recorded


def test_token_bucket_allows_a_burst_then_refills():
    clock = [0.0]
    bucket = TokenBucket(per_minute=6, clock=lambda: clock[0])
    assert [bucket.take("a") for _ in range(6)] == [0.0] * 6
    assert bucket.take("a") == pytest.approx(10.0)  # one token every 10 s
    assert bucket.take("b") == 0.0  # per client
    clock[0] = 10.0
    assert bucket.take("a") == 0.0 and bucket.take("a") > 0


def test_login_attempts_are_rate_limited(seeded_service):
    """Guessing the key: after the burst, 429 with Retry-After and a message, even for the right key."""
    from bot.server import build_app

    tight = seeded_service.settings.model_copy(update={"api_key": KEY, "login_attempts_per_minute": 3})
    with live_server(build_app(seeded_service, tight)) as url, httpx.Client(base_url=url, timeout=120) as c:
        assert [c.post("/login", data={"key": f"guess{i}"}).status_code for i in range(3)] == [401] * 3
        r = c.post("/login", data={"key": KEY}, follow_redirects=False)
        assert r.status_code == 429 and int(r.headers["retry-after"]) > 0
        assert "Too many login attempts" in r.text and SESSION_COOKIE not in r.headers.get("set-cookie", "")
        assert c.get("/api/documents", headers={"Authorization": f"Bearer {KEY}"}).status_code == 200  # the key still works


@pytest.mark.parametrize(
    "headers",
    [{"Origin": "https://evil.example"}, {"Referer": "https://evil.example/page"}, {"Origin": "null"}],
)
def test_cross_site_writes_are_refused(open_app, headers):
    r = open_app.post("/api/documents", headers=headers, files=[("files", ("csrf_probe.txt", ARTICLE, "text/plain"))])
    assert r.status_code == 403 and "cross-site" in r.json()["detail"]
    assert open_app.delete("/api/documents/csrf_probe", headers=headers).status_code == 403
    assert open_app.post("/gradio_api/queue/join", headers=headers, json={}).status_code == 403
    assert "csrf_probe" not in {d["doc_id"] for d in open_app.get("/api/documents").json()}


def test_same_origin_and_non_browser_writes_pass(open_app):
    own = str(open_app.base_url).rstrip("/")
    r = open_app.post("/api/compare", headers={"Origin": own}, json={"a": "it rained", "b": "it was dry"})
    assert r.status_code == 200, r.text
    assert open_app.post("/api/compare", json={"a": "it rained", "b": "it was dry"}).status_code == 200  # no Origin: curl
    assert open_app.get("/api/documents", headers={"Origin": "https://evil.example"}).status_code == 200  # reads are not writes


def test_no_cors_for_other_origins(open_app):
    for origin in ("http://localhost:9999", "https://evil.example", "null"):
        r = open_app.get("/config", headers={"Origin": origin})
        assert "access-control-allow-origin" not in r.headers
        pre = open_app.options("/api/ask", headers={"Origin": origin, "Access-Control-Request-Method": "POST"})
        assert "access-control-allow-origin" not in pre.headers and "access-control-allow-credentials" not in pre.headers


def test_security_headers_and_script_nonces(open_app):
    for path in ("/", "/api/documents", "/config"):
        r = open_app.get(path)
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["x-frame-options"] == "DENY"
        csp = r.headers["content-security-policy"]
        assert "frame-ancestors 'none'" in csp and "default-src 'self'" in csp and "object-src 'none'" in csp
    page = open_app.get("/")
    nonce = re.search(r"'nonce-([^']+)'", page.headers["content-security-policy"]).group(1)
    scripts = re.findall(r"<script\b[^>]*>", page.text)
    assert scripts and all(f'nonce="{nonce}"' in s for s in scripts)
    assert nonce not in open_app.get("/").headers["content-security-policy"]  # a fresh nonce per response


def test_other_html_gets_no_nonce():
    """HTML that is not one of our pages (an uploaded article served back) must not have its scripts blessed."""
    from starlette.applications import Starlette
    from starlette.responses import HTMLResponse
    from starlette.routing import Route
    from starlette.testclient import TestClient

    from bot.security import SecurityMiddleware

    def page(_):
        return HTMLResponse("<p>article</p><script>alert(1)</script>")

    app = SecurityMiddleware(Starlette(routes=[Route("/", page), Route("/gradio_api/file=x.html", page)]), None, None)
    with TestClient(app) as c:
        assert "nonce=" in c.get("/").text
        served = c.get("/gradio_api/file=x.html")
        assert "nonce=" not in served.text and "script-src 'nonce-" in served.headers["content-security-policy"]
