"""``/docs`` works with no internet: Swagger UI from the installed package, under the app's CSP.

The HTTP test checks the page names only local assets; the browser test is the
proof that matters: Chromium renders the operations list, no request leaves
loopback, and the Content-Security-Policy refused nothing.
"""

from __future__ import annotations

import re

import httpx
import pytest

from tests.live_server import live_server
from tests.test_browser import CHROMIUM_ARGS, chromium  # noqa: F401  (the fixture)


@pytest.fixture(scope="module")
def url(seeded_service):
    from bot.server import build_app

    with live_server(build_app(seeded_service)) as base:
        yield base


def test_docs_page_loads_only_local_assets(url):
    r = httpx.get(url + "/docs")
    assert r.status_code == 200 and "content-security-policy" in r.headers
    assets = re.findall(r'(?:src|href)="([^"]+)"', r.text)
    assert assets and all(a.startswith("/") and not a.startswith("//") for a in assets), assets
    for asset in assets:
        assert httpx.get(url + asset).status_code == 200, asset
    nonce = re.search(r"'nonce-([^']+)'", r.headers["content-security-policy"]).group(1)
    assert r.text.count(f'<script nonce="{nonce}"') == r.text.count("<script") == 2


def test_docs_render_offline_in_chromium(url, chromium):  # noqa: F811
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        page = browser.new_page()
        outside: list[str] = []
        refused: list[str] = []
        page.on("request", lambda r: outside.append(r.url) if not r.url.startswith((url, "data:", "blob:")) else None)
        page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
        page.goto(url + "/docs")
        page.locator(".opblock-summary-path", has_text="/api/ask").first.wait_for(timeout=120_000)
        paths = page.locator(".opblock-summary-path").all_inner_texts()
        browser.close()
    assert "/api/documents/{doc_id}/text" in {p.replace("\u200b", "") for p in paths}, paths
    assert not outside, outside
    assert not refused, refused
