"""The Gradio UI through ``gradio_client``, and the pure HTML builders behind it."""

from __future__ import annotations

import re

import pytest

from bot import schema
from bot.bidi import block, direction, isolate
from bot.ui import citation_card, claimed_span, conflict_card, timeline_svg
from tests.conftest import SEED_IDS
from tests.live_server import live_server


@pytest.fixture(scope="module")
def ui(seeded_service):
    from gradio_client import Client

    from bot.server import build_app

    # The UI must keep working when the HTTP API is locked.
    app = build_app(seeded_service, seeded_service.settings.model_copy(update={"api_key": "api-only"}))
    with live_server(app) as url:
        yield Client(url + "/", verbose=False)


def test_ask_streams_rtl_message_citations_and_cards(ui):
    chat, box, citations, conflicts = ui.predict("متى وصل باقري إلى دمشق؟", [], api_name="/ask")
    assert box == ""
    user, bot = chat[-2], chat[-1]
    assert user["role"] == "user" and 'dir="rtl"' in _text(user)
    assert bot["role"] == "assistant" and 'dir="rtl"' in _text(bot)
    assert "<mark>" in citations and re.search(r"\[\d+\]", citations)
    assert isinstance(conflicts, str)


def test_english_question_is_ltr(ui):
    chat, *_ = ui.predict("When did Bagheri arrive in Damascus?", [], api_name="/ask")
    assert 'dir="ltr"' in _text(chat[-2]) and 'dir="ltr"' in _text(chat[-1])


def test_empty_question_is_an_error_not_a_crash(ui):
    from gradio_client.exceptions import AppError

    with pytest.raises(AppError, match="question"):
        ui.predict("   ", [], api_name="/ask")


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
    return schema.Citation(n=n, doc_id="d", chunk_id="d:0", outlet="Xinhua", published="2020-07-08", quote=quote,
                           start=start, end=start + len(quote), score=1.0, attributed_to="Xinhua")


def test_citation_card_highlights_quote_in_context():
    html = citation_card(_citation("arrived in Damascus on Tuesday evening"), DOC)
    assert "<mark>arrived in Damascus on Tuesday evening</mark>" in html
    assert "Bagheri " in html and html.count("…") == 2
    assert 'dir="ltr"' in html


def test_citation_card_without_text_still_shows_quote():
    assert "<mark>arrived" in citation_card(_citation("arrived in Damascus"), None)


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
        topic="arrival:bagheri:damascus", kind="date",
        positions=[
            schema.Position(value="مساء الثلاثاء", normalized="2020-07-07T18:00", attributed_to="العربية", citations=[1]),
            schema.Position(value="منذ أيام", normalized="2020-07-04/2020-07-07", attributed_to="الجزيرة", citations=[2]),
        ],
    )
    html = conflict_card(conflict)
    assert html.count('class="position"') == 2 and 'dir="rtl"' in html
    assert "when Bagheri arrived in Damascus" in html and "موعد وصول باقري إلى دمشق" in html
    assert "1 independent" in html
    assert "<svg" in html and "<circle" in html and "<rect" in html
    assert "http" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")  # nothing to fetch
    non_dates = [schema.Position(value="5", normalized="5", attributed_to="A", citations=[1])]
    assert timeline_svg(non_dates) == ""


def test_direction_per_message():
    assert direction("متى وصل باقري إلى دمشق؟") == "rtl"
    assert direction("When did Bagheri arrive in Damascus?") == "ltr"
    assert direction("ما هو موقف BBC؟") == "rtl"


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
        status, table, _ = client.predict([handle_file(str(upload))], api_name="/upload")
        assert status.startswith("added: 1") and [row[0] for row in table["data"]] == ["probe_doc"]
        status, table, _ = client.predict("probe_doc", api_name="/delete")
        assert status == "deleted probe_doc" and service.documents() == []
