"""The UI in a real browser: system Chromium driven by Playwright, no network.

Chromium comes from apt via scripts/ensure_chromium.sh (never ``playwright
install``, which downloads from a CDN). The test asks the Arabic arrival
question, expects the conflict card and a highlighted citation, checks that the
Arabic message is laid out right-to-left and an English one left-to-right, and
saves screenshots under test-output/ (the README's docs/screenshot.png is one,
copied by hand: a test run must not modify tracked files).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.live_server import live_server

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
OUTPUT = REPO / "test-output"
QUESTION_AR = "متى وصل باقري إلى دمشق؟"
QUESTION_EN = "When did Bagheri arrive in Damascus?"


@pytest.fixture(scope="session")
def chromium() -> Path:
    result = subprocess.run(["bash", str(REPO / "scripts" / "ensure_chromium.sh")], capture_output=True, text=True)
    if result.returncode == 2:
        pytest.skip(f"no Chromium and no apt-get to install it: {result.stderr.strip()}")
    assert result.returncode == 0 and CHROMIUM.exists(), result.stderr[-2000:]
    return CHROMIUM


@pytest.fixture(scope="module")
def page(chromium, seeded_service):
    from playwright.sync_api import sync_playwright

    from bot.server import build_app

    with live_server(build_app(seeded_service)) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        outside: list[str] = []
        page.on("request", lambda r: outside.append(r.url) if not r.url.startswith((url, "data:", "blob:")) else None)
        page.goto(url + "/")
        page.outside_requests = outside
        yield page
        browser.close()


def ask(page, question: str) -> None:
    before = page.locator("#isnad-chat .isnad-msg").count()
    page.locator("#isnad-question textarea").fill(question)
    page.locator("#isnad-ask").click()
    # user message + finished assistant message (the citations panel is filled last)
    page.locator("#isnad-chat .isnad-msg").nth(before + 1).wait_for(timeout=120_000)
    page.wait_for_function(
        "() => !document.querySelector('#isnad-chat .pending, #isnad-ask[disabled]')", timeout=120_000
    )
    page.locator("#isnad-citations .isnad-citation").first.wait_for(timeout=120_000)


def direction_of(locator) -> str:
    return locator.evaluate("e => getComputedStyle(e).direction")


def test_arabic_question_shows_conflict_highlight_and_rtl(page):
    ask(page, QUESTION_AR)
    messages = page.locator("#isnad-chat .isnad-msg")
    assert messages.nth(0).inner_text().strip() == QUESTION_AR
    assert direction_of(messages.nth(0)) == "rtl"
    assert direction_of(messages.nth(1)) == "rtl"

    mark = page.locator("#isnad-citations mark").first
    assert mark.is_visible() and mark.inner_text().strip()
    context = page.locator("#isnad-citations .context").first
    assert len(context.inner_text()) > len(mark.inner_text())  # the quote sits inside its article text

    OUTPUT.mkdir(exist_ok=True)
    shot = OUTPUT / "browser_ask_ar.png"
    try:
        page.locator("#isnad-conflicts .isnad-conflict").first.wait_for(timeout=10_000)
    finally:
        page.screenshot(path=str(shot), full_page=True)
    card = page.locator("#isnad-conflicts .isnad-conflict").first
    assert card.locator(".position").count() >= 2
    assert page.locator("#isnad-conflicts svg.isnad-timeline").count() >= 1


def test_english_message_is_ltr_in_the_same_chat(page):
    ask(page, QUESTION_EN)
    messages = page.locator("#isnad-chat .isnad-msg")
    user = messages.nth(messages.count() - 2)
    assert user.inner_text().strip() == QUESTION_EN
    assert direction_of(user) == "ltr"
    assert direction_of(messages.nth(0)) == "rtl"  # the earlier Arabic message keeps its own direction
    page.screenshot(path=str(OUTPUT / "browser_ask_en.png"), full_page=True)


def test_no_requests_leave_the_machine(page):
    assert page.outside_requests == []
