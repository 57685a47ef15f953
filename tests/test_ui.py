"""The Gradio UI through ``gradio_client``, and the pure HTML builders behind it."""

from __future__ import annotations

import re

import pytest

from bot import schema
from bot.bidi import block, direction, isolate
from bot.answer import source_label
from bot.ui import attribution_html, citation_card, claimed_span, conflict_card, timeline_svg
from tests.conftest import SEED_IDS
from tests.live_server import live_server


@pytest.fixture(scope="module")
def ui(seeded_service):
    from gradio_client import Client

    from bot.server import build_app

    # With a key set the UI is locked too (tests/test_security.py); a caller holding the key uses it.
    app = build_app(seeded_service, seeded_service.settings.model_copy(update={"api_key": "ui-key"}))
    with live_server(app) as url:
        yield Client(url + "/", verbose=False, headers={"Authorization": "Bearer ui-key"})


def test_ask_streams_rtl_message_citations_and_cards(ui):
    chat, box, citations, conflicts = ui.predict("متى وصل باقري إلى دمشق؟", [], api_name="/ask")
    assert box == ""
    user, bot = chat[-2], chat[-1]
    assert user["role"] == "user" and 'dir="rtl"' in _text(user)
    assert bot["role"] == "assistant" and 'dir="rtl"' in _text(bot)
    assert "<mark>" in citations and re.search(r"\[\d+\]", citations)
    assert isinstance(conflicts, str)
    # Citation numbers run 1..n; no doc id and no ISO or English date where an Arabic reader looks.
    numbers = [int(n) for n in re.findall(r'<div class="head"><bdi class="cite">\[(\d+)\]', citations)]
    assert numbers == list(range(1, len(numbers) + 1))
    shown = _text(bot) + citations + conflicts
    if conflicts:  # the answer says once that sources disagree, and links to the cards
        assert "تختلف المصادر:<" not in _text(bot) and 'href="#isnad-conflicts"' in _text(bot)
    assert not [i for i in SEED_IDS if i in shown], shown
    assert not re.search(r"\d{4}-\d\d-\d\d|\d\d-\d\d-\d{4}|\((?:date|figure)\)|January|February|March|April|May|June|July|August", shown)
    assert re.search(r"\d{1,2} (?:يناير|فبراير|مارس|أبريل|إبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر) \d{4}", shown)


def test_english_question_is_ltr(ui):
    chat, _, citations, _ = ui.predict("When did Bagheri arrive in Damascus?", [], api_name="/ask")
    assert 'dir="ltr"' in _text(chat[-2]) and 'dir="ltr"' in _text(chat[-1])
    shown = _text(chat[-1]) + citations
    assert not re.search(r"\d{4}-\d\d-\d\d", shown) and re.search(r"\d{1,2} [A-Z][a-z]+ \d{4}", shown)  # "7 July 2020"
    assert not [i for i in SEED_IDS if i in shown], shown


def test_empty_question_gets_one_friendly_reply_and_one_log_line(ui, caplog):
    from bot.ui import EMPTY_QUESTION

    with caplog.at_level("INFO", logger="bot.ui"):
        chat, box, *_ = ui.predict("   ", [], api_name="/ask")  # no AppError: nothing is marked as failed
    assert [m["role"] for m in chat] == ["assistant"] and "اكتب سؤالاً أولاً" in _text(chat[0]) and box == ""
    lines = [r for r in caplog.records if r.name == "bot.ui"]
    assert len(lines) == 1 and lines[0].exc_info is None
    assert EMPTY_QUESTION.split(" · ")[0] in _text(chat[0])


def test_verify_tab(ui):
    verdict, evidence, _ = ui.predict("Bagheri said Turkey should keep its troops in Syria.", api_name="/verify")
    assert re.search(r'class="verdict verdict-(SUPPORTED|REFUTED|CONFLICTING|NOT_ENOUGH_INFO)"', verdict)


def test_documents_tab_lists_the_seeds(ui):
    table, dropdown = ui.predict(api_name="/documents")
    assert {row[0] for row in table["data"]} >= set(SEED_IDS)


def _text(message: dict) -> str:
    content = message["content"]
    return content if isinstance(content, str) else "".join(p.get("text", "") for p in content if isinstance(p, dict))


# --- pure builders ---------------------------------------------------------------

DOC = "Intro sentence. " * 30 + "Bagheri arrived in Damascus on Tuesday evening. " + "Outro sentence. " * 30


def _citation(quote: str, n: int = 1) -> schema.Citation:
    start = DOC.index(quote)
    return schema.Citation(
        n=n,
        doc_id="d",
        chunk_id="d:0",
        outlet="Xinhua",
        published="2020-07-08",
        quote=quote,
        start=start,
        end=start + len(quote),
        score=1.0,
        attributed_to="Xinhua",
    )


def test_citation_card_highlights_quote_in_context():
    html = citation_card(_citation("arrived in Damascus on Tuesday evening"), DOC)
    assert "<mark>arrived in Damascus on Tuesday evening</mark>" in html
    assert "Bagheri " in html and html.count("…") == 2
    assert 'dir="ltr"' in html


def test_extractive_answer_says_its_notes_once():
    from bot.answer import render
    from bot.ui import answer_text

    note = "These are two different events."
    citations = [_citation("arrived in Damascus on Tuesday evening")]
    answer = schema.Answer(
        question="When?", answer=render("en", citations, [], [note]), answerable=True, language="en", citations=citations, notes=[note]
    )
    assert answer_text(answer).count(note) == 1


def test_the_message_says_how_a_rewritten_question_was_read():
    """A spoken-Arabic question (or a follow-up) was searched as another text: the message says which, in its language."""
    from bot.ui import answer_text

    spoken = schema.Answer(question="وين وقعوا؟", answer="الجواب", answerable=True, language="ar", standalone_question="أين وقعوا؟")
    assert answer_text(spoken).endswith("(قُرئ السؤال: «أين وقعوا؟»)")
    typed = schema.Answer(question="Where?", answer="The answer.", answerable=True, language="en")
    assert answer_text(typed) == "The answer."


def test_citation_card_without_text_still_shows_quote():
    assert "<mark>arrived" in citation_card(_citation("arrived in Damascus"), None)


def test_citation_card_names_the_source_and_dates_it_in_the_readers_language():
    c = _citation("arrived in Damascus")
    assert "Xinhua · 8 July 2020" in citation_card(c, None, "en")
    assert "8 يوليو 2020" in citation_card(c, None, "ar")
    titled = c.model_copy(update={"outlet": None, "title": "Minister in Damascus"})
    assert "an unnamed source (“Minister in Damascus”) · 8 July 2020" in citation_card(
        titled, None, "en"
    )  # never a title posing as an outlet
    bare = c.model_copy(update={"outlet": None, "doc_id": "002_12e280588d4502f7"})
    assert "002_12e280588d4502f7" not in citation_card(bare, None, "en")
    assert source_label(None, None, "en") in citation_card(bare, None, "en")
    assert source_label(None, None, "ar") != source_label(None, None, "en")


def test_claimed_span_points_and_ranges():
    assert claimed_span("2020-07-07") == (18450, 18450)
    lo, hi = claimed_span("2020-07-04/2020-07-07")
    assert hi - lo == 3
    assert claimed_span("2020-07-07T18:00")[0] == pytest.approx(18450.75)
    assert claimed_span("2020-07-07 evening") == (pytest.approx(18450.75),) * 2
    assert claimed_span("2020-06-28..2020-07-06") == (18441, 18449)
    assert claimed_span("three") is None and claimed_span("2020-13-45") is None


def test_conflict_card_side_by_side_with_timeline():
    conflict = schema.Conflict(
        topic="ووصل باقري إلى دمشق أمس الثلاثاء",
        kind="date",
        positions=[
            schema.Position(value="مساء الثلاثاء", normalized="2020-07-07T18:00", attributed_to="العربية", citations=[1]),
            schema.Position(value="منذ أيام", normalized="2020-07-04/2020-07-07", attributed_to="الجزيرة", citations=[2]),
        ],
    )
    html = conflict_card(conflict)
    assert html.count('class="position"') == 2 and 'dir="rtl"' in html
    assert "«ووصل باقري إلى دمشق أمس الثلاثاء»" in html  # the claim in its source's words, once
    assert "1 independent" in html and "(date)" in html
    assert "<svg" in html and "<circle" in html
    # "days ago" is a hatched, outlined band, never a solid bar like a dated value
    assert re.search(r'<rect class="vague"[^>]*fill="url\(#isnad-hatch-', html) and 'opacity="0.6"' not in html
    arabic = conflict_card(conflict, "ar")
    assert "(تاريخ)" in arabic and "(date)" not in arabic and "مصادر مستقلة: 1" in arabic
    ticks = re.findall(r'fill="#666">([^<]+)<', arabic)
    assert ticks and all(re.fullmatch(r"\d+ \D+", t) and not re.search("[A-Za-z]", t) for t in ticks)
    assert "http" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")  # nothing to fetch
    non_dates = [schema.Position(value="5", normalized="5", attributed_to="A", citations=[1])]
    assert timeline_svg(non_dates) == ""


def test_direction_per_message():
    assert direction("متى وصل باقري إلى دمشق؟") == "rtl"
    assert direction("When did Bagheri arrive in Damascus?") == "ltr"
    assert direction("ما هو موقف BBC؟") == "rtl"


def test_a_quote_in_the_other_script_is_one_isolated_unit_with_its_marks():
    line = "- Xinhua (7 July 2020): “وصل باقري، يوم 7 يوليو، إلى دمشق” [1]"
    html = isolate(line, "ltr")
    assert html.count("<bdi") == 2  # the whole quote, and the marker
    assert '<bdi dir="rtl" class="quote">«وصل باقري، يوم 7 يوليو، إلى دمشق»</bdi>' in html
    rtl = isolate("قال Al Arabiya: «He said: yes, 3 days» و«وصل»", "rtl")
    assert '<bdi dir="ltr" class="quote">“He said: yes, 3 days”</bdi>' in rtl and "و«وصل»" in rtl  # same-script quotes stay inline


def test_attribution_is_one_box_per_name_with_the_markers_in_the_last():
    html = attribution_html("Al-Khaleej Al-Jadeed, citing Al Arabiya; Xinhua", [1, 2])
    assert re.findall(r'<span class="who">(.*?)</span>', html) == [
        '<bdi dir="ltr">Al-Khaleej Al-Jadeed</bdi>, citing',
        '<bdi dir="ltr">Al Arabiya</bdi>;',
        '<bdi dir="ltr">Xinhua</bdi>\u00a0<bdi class="cite">[1]</bdi><bdi class="cite">[2]</bdi>',
    ]
    arabic = attribution_html("الخليج الجديد, citing Al Arabiya", [3], "ar")
    assert '<bdi dir="rtl">الخليج الجديد</bdi>، نقلاً عن' in arabic and "citing" not in arabic


def test_isolate_wraps_markers_and_foreign_runs():
    assert isolate("Tuesday [1].", "ltr") == 'Tuesday <bdi class="cite">[1]</bdi>.'
    rtl = isolate("نقلا عن Al Arabiya [2]", "rtl")
    assert '<bdi dir="ltr">Al Arabiya</bdi>' in rtl and '<bdi class="cite">[2]</bdi>' in rtl
    assert isolate("a <b> & c", "ltr") == "a &lt;b&gt; &amp; c"


def test_block_keeps_lines_and_lists_in_the_message_direction():
    html = block("هذا ما تقوله المقالات:\n- Xinhua: «وصل» [1]\n- الخليج [2]\n\nتختلف المصادر")
    assert html.startswith('<div dir="rtl"')
    assert '<ul><li><bdi dir="ltr">Xinhua</bdi>: «وصل» <bdi class="cite">[1]</bdi></li>' in html
    assert html.count("<li>") == 2 and html.endswith("تختلف المصادر</div>")


def test_documents_tab_upload_and_delete(tmp_path):
    """On a store of its own, so the shared seeded collection is never changed."""
    from gradio_client import Client, handle_file

    from bot.server import build_app
    from bot.service import Isnad
    from config import Settings

    service = Isnad(Settings(home=tmp_path / "home", collection="ui-docs"))
    upload = tmp_path / "probe_doc.txt"
    upload.write_text("Test Wire, 3 March 2021. The minister arrived in Cairo on Monday evening.", encoding="utf-8")
    with live_server(build_app(service)) as url:
        client = Client(url + "/", verbose=False)
        status, table, _, files = client.predict([handle_file(str(upload))], api_name="/upload")
        assert status.startswith("added: 1") and [row[0] for row in table["data"]] == ["probe_doc"]
        assert not files  # the widget is emptied once the file is in
        status, *_, confirmed = client.predict("probe_doc", False, api_name="/delete")
        assert "confirm" in status and [d.doc_id for d in service.documents()] == ["probe_doc"]  # not without the tick
        status, table, _, confirmed = client.predict("probe_doc", True, api_name="/delete")
        assert status == "deleted probe_doc" and service.documents() == [] and confirmed is False
