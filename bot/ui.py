"""The Gradio UI: chat with citations and conflict cards, claim verification, documents.

It calls the service in-process (never over HTTP), so it keeps working when the
HTTP API is locked behind ``ISNAD_API_KEY``. Everything it shows is built as
HTML here, per message, so an Arabic message is laid out right-to-left and an
English one left-to-right in the same conversation (``gr.Chatbot(rtl=True)``
would flip them all), and nothing is fetched from a network or CDN.
"""

from __future__ import annotations

import html
import math
import re
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import gradio as gr

from bot import schema
from bot.conflicts import topic_phrase
from bot.api import MAX_QUERY_CHARS, UPLOAD_SUFFIXES
from bot.bidi import Direction, block, direction, isolate
from bot.errors import IsnadInputError

EXAMPLES = [
    "متى وصل باقري إلى دمشق؟",
    "When did Bagheri arrive in Damascus?",
    "ماذا قال باقري عن وجود القوات الإيرانية في سوريا؟",
    "What did Hatami hope for when he visited Syria?",
    "متى دخل قانون قيصر حيز التنفيذ؟",
    "What did Iran give Syria in 2011?",
]
CLAIM_EXAMPLES = [
    "The agreement was signed on 8 July 2020.",
    "Bagheri said Turkey should keep its troops in Syria.",
    "وقعت إيران وسوريا اتفاقية عسكرية لتقوية الدفاعات الجوية السورية.",
]
#: Characters of article text shown on each side of a highlighted quote.
CONTEXT_CHARS = 150
#: Characters added per streamed update of an answer.
STREAM_PIECE = 24

CSS = """
.isnad-card { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 8px 10px; margin-bottom: 8px; }
.isnad-card .head { font-weight: 600; }
.isnad-card .attr { color: var(--body-text-color-subdued); font-size: 0.9em; }
.isnad-card .context { margin-top: 4px; line-height: 1.7; }
.isnad-card mark { background: #ffe58f; color: #000; padding: 0 2px; border-radius: 2px; }
.isnad-conflict { border-color: #e8590c; }
.isnad-conflict .positions { display: flex; gap: 8px; flex-wrap: wrap; }
.isnad-conflict .position { flex: 1 1 140px; border-inline-start: 3px solid #e8590c; padding-inline-start: 6px; }
.isnad-conflict .value { font-weight: 600; }
bdi.cite { color: var(--link-text-color); font-size: 0.85em; }
.verdict { display: inline-block; padding: 2px 10px; border-radius: 12px; color: #fff; font-weight: 700; }
.verdict-SUPPORTED { background: #2b8a3e; } .verdict-REFUTED { background: #c92a2a; }
.verdict-CONFLICTING { background: #e8590c; } .verdict-NOT_ENOUGH_INFO { background: #868e96; }
"""

_THEME_FONT = ["system-ui", "Noto Sans Arabic", "DejaVu Sans", "sans-serif"]


def theme() -> gr.themes.Base:
    """The default theme with system fonts: the stock one pulls fonts from Google's CDN."""
    return gr.themes.Default(font=_THEME_FONT, font_mono=["ui-monospace", "DejaVu Sans Mono", "monospace"])


# --- HTML pieces (pure functions of the answer and the document text) ----------


def message_html(text: str, base: Direction | None = None) -> str:
    return block(text, base, css_class="isnad-msg")


_BLANK_LINES = re.compile(r"\s*\n\s*")


def citation_card(c: schema.Citation, document_text: str | None) -> str:
    """One citation: who says it, when, and the quote highlighted inside its article."""
    base = direction(c.quote)
    if document_text is not None and document_text[c.start : c.end] == c.quote:
        before = document_text[max(0, c.start - CONTEXT_CHARS) : c.start]
        after = document_text[c.end : c.end + CONTEXT_CHARS]
        context = (
            ("…" if c.start > CONTEXT_CHARS else "")
            + isolate(before, base)
            + f"<mark>{isolate(c.quote, base)}</mark>"
            + isolate(after, base)
            + ("…" if c.end + CONTEXT_CHARS < len(document_text) else "")
        )
    else:
        context = f"<mark>{isolate(c.quote, base)}</mark>"
    head = " · ".join(html.escape(x) for x in (c.outlet or c.doc_id, c.published) if x)
    title = f'<div class="attr">{html.escape(c.title)}</div>' if c.title else ""
    return (
        f'<div class="isnad-card isnad-citation" dir="{base}">'
        f'<div class="head"><bdi class="cite">[{c.n}]</bdi> <bdi>{head}</bdi></div>'
        f'<div class="attr"><bdi>{html.escape(c.attributed_to)}</bdi></div>{title}'
        f'<div class="context" dir="{base}">{_BLANK_LINES.sub("<br>", context)}</div></div>'
    )


def citations_html(citations: list[schema.Citation], text_of) -> str:
    if not citations:
        return ""
    cards = "".join(citation_card(c, text_of(c.doc_id)) for c in citations)
    return f'<div class="isnad-citations"><h3>Sources · المصادر</h3>{cards}</div>'


_ISO = re.compile(r"(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})| (morning|noon|afternoon|evening|night))?")
#: Where in its day a part-of-day word puts a claim (fraction of the day).
_PART_OF_DAY = {"morning": 0.375, "noon": 0.5, "afternoon": 0.625, "evening": 0.75, "night": 0.875}


def claimed_span(normalized: str) -> tuple[float, float] | None:
    """Days since 1970 that a position's ``normalized`` value covers.

    A point ("2020-07-07", "2020-07-07T18:00", "2020-07-07 evening") or a range
    ("2020-06-28..2020-07-06", "a/b"); None when the value is not a date.
    """
    if not _ISO.match(normalized):
        return None
    points = []
    for m in _ISO.finditer(normalized):
        try:
            day = (date.fromisoformat(m.group(1)) - date(1970, 1, 1)).days
        except ValueError:
            return None
        if m.group(2):
            day += (int(m.group(2)) * 60 + int(m.group(3))) / 1440
        day += _PART_OF_DAY.get(m.group(4) or "", 0)
        points.append(day)
    return min(points), max(points)


_COLORS = ("#1c7ed6", "#e8590c", "#2b8a3e", "#862e9c")


def position_color(i: int) -> str:
    """The colour tying a position's card to its mark on the timeline."""
    return _COLORS[i % len(_COLORS)]


def timeline_svg(positions: list[schema.Position]) -> str:
    """A tiny inline SVG timeline of the dates each source claims ('' when none are dates)."""
    rows = [(p, span) for p in positions if (span := claimed_span(p.normalized))]
    if not rows:
        return ""
    lo = min(s[0] for _, s in rows) - 1
    hi = max(s[1] for _, s in rows) + 1
    width, left, right, row_h = 360, 24, 336, 26
    height = 30 + row_h * len(rows)

    def x(day: float) -> float:
        return left + (day - lo) / (hi - lo) * (right - left)

    parts = [f'<line x1="{left}" y1="{height - 20}" x2="{right}" y2="{height - 20}" stroke="#888"/>']
    first = date(1970, 1, 1) + timedelta(days=int(lo))
    step = max(1, math.ceil((hi - lo) / 6))  # at most ~6 labelled ticks, so labels never overlap
    for d in range(0, int(hi - lo) + 1, step):
        day = first + timedelta(days=d)
        tx = x(int(lo) + d)
        parts.append(f'<line x1="{tx:.1f}" y1="{height - 23}" x2="{tx:.1f}" y2="{height - 17}" stroke="#888"/>')
        parts.append(f'<text x="{tx:.1f}" y="{height - 5}" font-size="9" text-anchor="middle" fill="#666">{day:%d %b}</text>')
    for i, (p, (a, b)) in enumerate(rows):
        y = 14 + i * row_h
        color = position_color(positions.index(p))
        if b - a >= 0.05:
            parts.append(f'<rect x="{x(a):.1f}" y="{y - 4}" width="{x(b) - x(a):.1f}" height="8" rx="4" fill="{color}" opacity="0.6"/>')
        else:
            parts.append(f'<circle cx="{x(a):.1f}" cy="{y}" r="5" fill="{color}"/>')
        # The value only (its source is on the card of the same colour), anchored to stay inside the box.
        middle = x((a + b) / 2)
        anchor = "start" if middle < width / 3 else "end" if middle > 2 * width / 3 else "middle"
        label = html.escape(p.value)
        parts.append(f'<text x="{middle:.1f}" y="{y + 16}" font-size="10" text-anchor="{anchor}" fill="{color}">{label}</text>')
    return (
        f'<svg class="isnad-timeline" role="img" aria-label="timeline" width="100%" viewBox="0 0 {width} {height}" '
        f'xmlns="http://www.w3.org/2000/svg">{"".join(parts)}</svg>'
    )


def conflict_card(conflict: schema.Conflict) -> str:
    """The positions side by side, each with its source and citation markers, then the timeline."""
    cards = []
    for i, p in enumerate(conflict.positions):
        refs = " ".join(f'<bdi class="cite">[{n}]</bdi>' for n in p.citations)
        cards.append(
            f'<div class="position" dir="{direction(p.value)}" style="border-color: {position_color(i)}">'
            f'<div class="value">{isolate(p.value, direction(p.value))}</div>'
            f'<div class="attr"><bdi>{html.escape(p.attributed_to)}</bdi> {refs}</div>'
            f'<div class="attr">{p.independent_sources} independent · مصادر مستقلة</div></div>'
        )
    topic = html.escape(f"{topic_phrase(conflict.topic, 'en')} · {topic_phrase(conflict.topic, 'ar')}")
    return (
        f'<div class="isnad-card isnad-conflict"><div class="head" dir="auto">⚠ <bdi>{topic}</bdi> '
        f'<span class="attr">({conflict.kind})</span></div>'
        f'<div class="positions">{"".join(cards)}</div>{timeline_svg(conflict.positions)}</div>'
    )


def conflicts_html(conflicts: list[schema.Conflict]) -> str:
    if not conflicts:
        return ""
    return f'<div class="isnad-conflicts"><h3>Sources disagree · تعارض بين المصادر</h3>{"".join(map(conflict_card, conflicts))}</div>'


def verdict_html(v: schema.Verification) -> str:
    explanation = block(v.explanation)
    return f'<div class="isnad-verdict"><span class="verdict verdict-{v.verdict}">{v.verdict}</span>{explanation}</div>'


def answer_text(a: schema.Answer) -> str:
    """The chat message body: the answer, a pointer to the conflicts, and the service's notes."""
    lines = [a.answer]
    if a.conflicts:
        lines.append("⚠ المصادر مختلفة: انظر بطاقات التعارض." if a.language == "ar" else "⚠ Sources disagree: see the conflict cards.")
    lines.extend(a.notes)
    return "\n".join(lines)


# --- the Blocks app ------------------------------------------------------------


def build_ui(service) -> gr.Blocks:
    """The whole UI over one service instance."""

    def text_of(doc_id: str) -> str | None:
        try:
            return service.document_text(doc_id)
        except KeyError:
            return None

    def respond(question: str, history: list) -> Iterator[tuple[list, str, str, str]]:
        question = (question or "").strip()
        if not question:
            raise gr.Error("Type a question first. اكتب سؤالا أولا.")
        if len(question) > MAX_QUERY_CHARS:
            raise gr.Error(f"The question is longer than {MAX_QUERY_CHARS} characters.")
        history = list(history or []) + [{"role": "user", "content": message_html(question)}]
        yield history, "", "", ""  # clear the last answer's panels while this one is found
        try:
            answer = service.ask(question)
        except IsnadInputError as e:
            raise gr.Error(str(e)) from None
        base: Direction = "rtl" if answer.language == "ar" else "ltr"
        body = answer_text(answer)
        for end in range(STREAM_PIECE, len(body), STREAM_PIECE):
            yield history + [{"role": "assistant", "content": message_html(body[:end], base)}], "", gr.skip(), gr.skip()
            time.sleep(0.01)
        final = history + [{"role": "assistant", "content": message_html(body, base)}]
        yield final, "", citations_html(answer.citations, text_of), conflicts_html(answer.conflicts)

    def verify(claim: str) -> tuple[str, str, str]:
        claim = (claim or "").strip()
        if not claim or len(claim) > MAX_QUERY_CHARS:
            raise gr.Error(f"Enter a claim of 1 to {MAX_QUERY_CHARS} characters.")
        try:
            v = service.verify(claim)
        except IsnadInputError as e:
            raise gr.Error(str(e)) from None
        return verdict_html(v), citations_html(v.citations, text_of), conflicts_html(v.conflicts)

    def document_rows() -> tuple[list[list], gr.Dropdown]:
        docs = service.documents()
        rows = [
            [d.doc_id, d.title or "", d.outlet or "", d.published or "", d.language or "", d.chunks, d.chars, ", ".join(d.inferred)]
            for d in docs
        ]
        return rows, gr.Dropdown(choices=[d.doc_id for d in docs], value=None)

    def upload(files: list[str] | None) -> tuple[str, list[list], gr.Dropdown]:
        if not files:
            raise gr.Error("Choose one or more files to upload.")
        paths = [Path(f) for f in files]
        for p in paths:
            if not p.name.lower().endswith(UPLOAD_SUFFIXES):
                raise gr.Error(f"Unsupported file type {p.name!r}; accepted: {', '.join(UPLOAD_SUFFIXES)}")
        try:
            report = service.ingest_paths(paths)
        except IsnadInputError as e:
            raise gr.Error(str(e)) from None
        summary = (
            f"added: {len(report.added)} · updated: {len(report.updated)} · unchanged: {len(report.unchanged)}"
            + "".join(f"\n- skipped {name}: {reason}" for name, reason in report.skipped)
        )
        return summary, *document_rows()

    def delete(doc_id: str | None) -> tuple[str, list[list], gr.Dropdown]:
        if not doc_id:
            raise gr.Error("Pick a document to delete.")
        status = f"deleted {doc_id}" if service.delete(doc_id) else f"no document {doc_id}"
        return status, *document_rows()

    with gr.Blocks(title="Isnad · إسناد") as demo:
        gr.Markdown("# إسناد Isnad\nAnswers from the news collection, with the sources quoted and their disagreements shown.")
        with gr.Tab("Ask · اسأل", id="ask"):
            with gr.Row():
                with gr.Column(scale=3):
                    chat = gr.Chatbot(label="Chat", elem_id="isnad-chat", height=520, buttons=["copy"])
                    with gr.Row():
                        question = gr.Textbox(
                            show_label=False,
                            placeholder="Ask in Arabic or English · اسأل بالعربية أو بالإنجليزية",
                            elem_id="isnad-question",
                            max_length=MAX_QUERY_CHARS,
                            rtl=False,
                            scale=5,
                        )
                        ask_button = gr.Button("Ask · اسأل", variant="primary", elem_id="isnad-ask", scale=1)
                    gr.Examples(EXAMPLES, inputs=question, label="Examples · أمثلة")
                with gr.Column(scale=2):
                    conflicts = gr.HTML(elem_id="isnad-conflicts")
                    citations = gr.HTML(elem_id="isnad-citations")
            outputs = [chat, question, citations, conflicts]
            ask_button.click(respond, [question, chat], outputs, api_name="ask")
            question.submit(respond, [question, chat], outputs, api_name=False)

        with gr.Tab("Verify a claim · تحقق من ادعاء", id="verify"):
            claim = gr.Textbox(label="Claim · الادعاء", elem_id="isnad-claim", max_length=MAX_QUERY_CHARS)
            verify_button = gr.Button("Verify · تحقق", variant="primary")
            gr.Examples(CLAIM_EXAMPLES, inputs=claim)
            verdict = gr.HTML(elem_id="isnad-verdict")
            with gr.Row():
                evidence = gr.HTML()
                verify_conflicts = gr.HTML()
            verify_button.click(verify, claim, [verdict, evidence, verify_conflicts], api_name="verify")
            claim.submit(verify, claim, [verdict, evidence, verify_conflicts], api_name=False)

        with gr.Tab("Documents · الوثائق", id="documents"):
            files = gr.File(
                label="Upload " + " ".join(UPLOAD_SUFFIXES),
                file_count="multiple",
                file_types=list(UPLOAD_SUFFIXES),
                type="filepath",
            )
            upload_button = gr.Button("Add to the collection", variant="primary")
            status = gr.Markdown()
            table = gr.Dataframe(
                headers=["doc_id", "title", "outlet", "published", "language", "chunks", "chars", "inferred"],
                interactive=False,
                wrap=True,
            )
            with gr.Row():
                doomed = gr.Dropdown(label="Document", choices=[], scale=3)
                delete_button = gr.Button("Delete", variant="stop", scale=1)
            upload_button.click(upload, files, [status, table, doomed], api_name="upload")
            delete_button.click(delete, doomed, [status, table, doomed], api_name="delete")
            demo.load(document_rows, None, [table, doomed], api_name="documents")
    return demo
