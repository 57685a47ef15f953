"""The UI in a real browser: system Chromium driven by Playwright, no network.

Chromium comes from apt via scripts/ensure_chromium.sh (never ``playwright
install``, which downloads from a CDN). The test asks the Arabic arrival
question, expects the conflict card and a highlighted citation, checks that the
Arabic message is laid out right-to-left and an English one left-to-right, and
saves screenshots under test-output/ at 1400x1000 and 390x844 (the README's
docs/screenshot*.png are copied from there by hand: a test run must not modify
tracked files). Layout is measured, not read from markup: where each word of an
Arabic quote lands, whether a name breaks across lines, whether a table overflows.
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
def browser(chromium):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def server(seeded_service):
    from bot.server import build_app

    with live_server(build_app(seeded_service)) as url:
        yield url


def open_page(browser, url: str, width: int, height: int):
    page = browser.new_page(viewport={"width": width, "height": height})
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith((url, "data:", "blob:")) else None)
    page.goto(url + "/")
    page.outside_requests = outside
    return page


@pytest.fixture(scope="module")
def page(browser, server):
    page = open_page(browser, server, 1400, 1000)
    yield page
    page.close()


def ask(page, question: str) -> None:
    before = page.locator("#isnad-chat .isnad-msg").count()
    page.locator("#isnad-question textarea").fill(question)
    page.locator("#isnad-ask").click()
    # user message + finished assistant message (the citations panel is filled last)
    page.locator("#isnad-chat .isnad-msg").nth(before + 1).wait_for(timeout=120_000)
    page.wait_for_function("() => !document.querySelector('#isnad-chat .pending, #isnad-ask[disabled]')", timeout=120_000)
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


# Where the words of an Arabic quote inside an English line land: one rect per word, and the quote's marks.
QUOTE_LAYOUT_JS = """(bdi) => {
  const walker = document.createTreeWalker(bdi, NodeFilter.SHOW_TEXT);
  const words = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const m of node.data.matchAll(/[\\u0600-\\u06FF]+/g)) {
      const r = document.createRange(); r.setStart(node, m.index); r.setEnd(node, m.index + m[0].length);
      const rect = r.getClientRects()[0]; words.push({x: rect.left, top: Math.round(rect.top)});
    }
  }
  const first = document.createRange(); first.setStart(bdi.firstChild, 0); first.setEnd(bdi.firstChild, 1);
  return {words, open: first.getClientRects()[0].left, right: bdi.getBoundingClientRect().right};
}"""


def test_arabic_quote_in_an_english_line_reads_right_to_left(browser):
    from bot.bidi import block

    line = "- Xinhua (7 July 2020): “وصل باقري، يوم 7 يوليو، إلى دمشق بعد ظهر الثلاثاء” [1]"
    page = browser.new_page(viewport={"width": 1400, "height": 400})
    page.set_content(f'<html><body style="font: 16px DejaVu Sans">{block(line, "ltr")}</body></html>')
    quotes = page.locator("bdi.quote")
    assert quotes.count() == 1
    layout = quotes.first.evaluate(QUOTE_LAYOUT_JS)
    page.close()
    xs = [w["x"] for w in layout["words"]]
    assert len(xs) == 9 and len({w["top"] for w in layout["words"]}) == 1
    assert xs == sorted(xs, reverse=True)  # each word left of the one before it: read right to left, in order
    assert layout["open"] >= max(xs) and layout["right"] - layout["open"] < 20  # the opening mark is at the right end


def test_english_answer_quotes_arabic_in_reading_order(page):
    ask(page, QUESTION_EN)
    answer = page.locator("#isnad-chat .isnad-msg").last
    for i in range(answer.locator("bdi.quote[dir=rtl]").count()):
        layout = answer.locator("bdi.quote[dir=rtl]").nth(i).evaluate(QUOTE_LAYOUT_JS)
        by_line: dict[int, list[float]] = {}
        for w in layout["words"]:
            by_line.setdefault(w["top"], []).append(w["x"])
        assert all(xs == sorted(xs, reverse=True) for xs in by_line.values())


def test_empty_question_is_one_friendly_message_and_no_error_badge(page):
    before = page.locator("#isnad-chat .isnad-msg").count()
    page.locator("#isnad-question textarea").fill("")
    page.locator("#isnad-ask").click()
    page.locator("#isnad-chat .isnad-msg").nth(before).wait_for(timeout=60_000)
    assert "اكتب سؤالاً أولاً" in page.locator("#isnad-chat .isnad-msg").last.inner_text()
    assert page.locator(".toast-body.error, .error:visible").count() == 0


# Which of an element's words (space-separated) are split across lines.
BROKEN_WORDS_JS = """(el) => {
  const broken = [];
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const m of node.data.matchAll(/\\S+/g)) {
      const r = document.createRange(); r.setStart(node, m.index); r.setEnd(node, m.index + m[0].length);
      const tops = new Set([...r.getClientRects()].filter(x => x.width > 0).map(x => Math.round(x.top)));
      if (tops.size > 1) broken.push(m[0]);
    }
  }
  return broken;
}"""


def test_documents_tab_fits_wraps_and_reads(page):
    page.get_by_role("tab", name="Documents · الوثائق").click()
    page.wait_for_function("() => document.querySelectorAll('#isnad-docs [role=gridcell]').length > 8", timeout=60_000)
    box = page.locator("#isnad-docs").first
    assert box.evaluate("e => e.scrollWidth - e.clientWidth") <= 1  # no column pushed off screen
    headers = page.locator("#isnad-docs [role=columnheader]")
    assert headers.count() == 8
    for i in range(headers.count()):
        assert headers.nth(i).evaluate(BROKEN_WORDS_JS) == []  # "language" never comes out as "lan/gua/ge"
    cells = page.locator("#isnad-docs [role=gridcell]")
    fonts = {cells.nth(i).evaluate("e => getComputedStyle(e.querySelector('*') || e).fontFamily") for i in range(16)}
    assert not any("mono" in f.lower() for f in fonts), fonts
    widest = max(cells.nth(i).evaluate("e => e.scrollWidth - e.clientWidth") for i in range(16))
    assert widest <= 1  # long titles wrap inside their column
    page.screenshot(path=str(OUTPUT / "browser_documents.png"), full_page=True)
    page.get_by_role("tab", name="Ask · اسأل").click()


# Lines a name box's text takes, and whether it would fit on one line of its card.
NAME_LINES_JS = """(e) => {
  const r = document.createRange(); r.selectNodeContents(e);
  const middles = [...r.getClientRects()].filter(x => x.width > 0).map(x => x.top + x.height / 2);
  const line = parseFloat(getComputedStyle(e).fontSize) * 1.2;
  e.style.whiteSpace = 'nowrap'; const natural = e.getBoundingClientRect().width; e.style.whiteSpace = '';
  return [Math.max(...middles) - Math.min(...middles) < line / 2 ? 1 : 2, natural <= e.parentElement.clientWidth];
}"""


#: Where each part of the Ask tab sits on the page: [top, bottom] in page pixels.
BOXES_JS = """() => Object.fromEntries(
  ['#isnad-chat', '#isnad-question', '#isnad-conflicts', '#isnad-citations', '#isnad-examples'].map(s => {
    const r = document.querySelector(s).getBoundingClientRect();
    return [s.slice(7), [r.top + window.scrollY, r.bottom + window.scrollY]];
  }))"""


def test_phone_layout_keeps_names_whole(browser, server):
    page = open_page(browser, server, 390, 844)
    try:
        ask(page, QUESTION_AR)
        box = page.evaluate(BOXES_JS)
        # Stacked on a phone: the answer, its input, then its cards (within half a screen of the chat), then the examples.
        assert box["chat"][1] <= box["question"][0] < box["conflicts"][0] <= box["citations"][0] < box["examples"][0], box
        assert box["conflicts"][0] - box["chat"][1] < 844 / 2, box
        cards = page.locator("#isnad-conflicts .isnad-conflict")
        if cards.count():
            names = page.locator("#isnad-conflicts .who")
            for i in range(names.count()):  # a name and its markers on one line, unless the name is wider than the card
                lines, fits = names.nth(i).evaluate(NAME_LINES_JS)
                assert lines == 1 or not fits, names.nth(i).inner_text()
            jump = page.locator("#isnad-chat a.isnad-jump[href='#isnad-conflicts']")
            assert jump.is_visible()  # the answer links to its cards, which a phone shows below the input
        OUTPUT.mkdir(exist_ok=True)
        page.locator("#isnad-chat .isnad-msg").last.scroll_into_view_if_needed()
        page.screenshot(path=str(OUTPUT / "browser_ask_ar_mobile_view.png"))
        if cards.count():
            jump.click()  # the link brings the cards into view
            page.wait_for_function("() => Math.abs(document.querySelector('#isnad-conflicts').getBoundingClientRect().top) < 200")
            page.screenshot(path=str(OUTPUT / "browser_ask_ar_mobile_cards.png"))
        page.screenshot(path=str(OUTPUT / "browser_ask_ar_mobile.png"), full_page=True)
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    finally:
        page.close()


LAST_MESSAGE_HAS = """([words, index]) => {
  const m = document.querySelectorAll('#isnad-chat .isnad-msg');
  return m.length > index && m[index].innerText.replace(/[\\u2066-\\u2069\\u200e\\u200f]/g, '').includes(words);
}"""


def test_model_answer_streams_into_the_chat_sentence_by_sentence(browser, server, seeded_service, monkeypatch):
    """With a language model the chat shows each checked sentence as it is written, not the whole answer at the end.

    The model is a real OpenAI-compatible HTTP server (SSE) behind the real adapter; it holds its stream a few
    characters into the second sentence until the test lets it go, so the first sentence must be on screen
    while the rest does not exist yet (no timing guess).
    """
    from bot.llm import make_writer
    from tests.fake_openai import fake_openai, honest, llm_settings

    quotes = [c.quote for c in seeded_service.ask(QUESTION_AR).citations[:2]]  # what the faithful fake will write, in order
    first, second = (" ".join(q.split()[:4]) for q in quotes)
    assert first != second
    with fake_openai() as (fake, url):

        def held(messages: list[dict]) -> str:
            text = honest(messages)
            fake.hold_at = text.index("[1]") + len("[1] ") + 5  # the first sentence is complete, the second has begun
            return text

        fake.reply = held
        monkeypatch.setattr(seeded_service, "writer", make_writer(llm_settings(url), seeded_service.evidence_embeddings))
        page = open_page(browser, server, 1000, 900)
        try:
            page.locator("#isnad-question textarea").fill(QUESTION_AR)
            page.locator("#isnad-ask").click()
            page.wait_for_function(LAST_MESSAGE_HAS, arg=[first, 1], timeout=120_000)
            message = page.locator("#isnad-chat .isnad-msg").nth(1)
            partial = message.inner_text()
            assert second not in partial, partial
            assert page.locator("#isnad-citations .isnad-citation").count() == 0  # the final update has not come
            fake.resume.set()
            page.wait_for_function(LAST_MESSAGE_HAS, arg=[second, 1], timeout=120_000)
            page.locator("#isnad-citations .isnad-citation").first.wait_for(timeout=120_000)
            assert page.evaluate(LAST_MESSAGE_HAS, [first, 1]) and direction_of(message) == "rtl"
            assert page.outside_requests == []
        finally:
            page.close()
    assert fake.calls == 1
