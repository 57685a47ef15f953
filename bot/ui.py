"""The Gradio UI: chat with citations and conflict cards, claim verification, documents.

It calls the service in-process (never over HTTP); with ``ISNAD_API_KEY`` set it
is behind the same key as the API, via a login (`bot.security`). Everything it shows is built as
HTML here, per message, so an Arabic message is laid out right-to-left and an
English one left-to-right in the same conversation (``gr.Chatbot(rtl=True)``
would flip them all), and nothing is fetched from a network or CDN.
"""

from __future__ import annotations

import html
import logging
import math
import re
import shutil
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import gradio as gr
from babel.dates import format_date

from bot import schema
from bot.answer import published_label, source_label
from bot.conflicts import topic_phrase
from bot.api import MAX_QUERY_CHARS, UPLOAD_SUFFIXES
from bot.bidi import Direction, block, direction, isolate
from bot.errors import IsnadInputError
from bot.jobs import FINISHED, JobStatus

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
log = logging.getLogger(__name__)

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
.isnad-conflict .who { display: inline-block; }
bdi.cite { color: var(--link-text-color); font-size: 0.85em; white-space: nowrap; }
#isnad-docs [role=columnheader] *, #isnad-docs [role=gridcell] * { font-family: system-ui, "Noto Sans Arabic", "DejaVu Sans", sans-serif !important; }
#isnad-docs [role=columnheader] * { word-break: normal !important; overflow-wrap: normal !important; hyphens: none; }
#isnad-docs [role=gridcell] * { white-space: normal !important; overflow-wrap: anywhere !important; unicode-bidi: plaintext; text-align: start; }
.verdict { display: inline-block; padding: 2px 10px; border-radius: 12px; color: #fff; font-weight: 700; }
.verdict-SUPPORTED { background: #2b8a3e; } .verdict-REFUTED { background: #c92a2a; }
.verdict-CONFLICTING { background: #e8590c; } .verdict-NOT_ENOUGH_INFO { background: #868e96; }
"""

#: Panel and card labels, in the reader's language.
LABELS = {
    "sources": {"en": "Sources", "ar": "المصادر"},
    "disagree": {"en": "Sources disagree", "ar": "تعارض بين المصادر"},
    "see_conflicts": {"en": "Sources disagree: see the conflict cards", "ar": "المصادر مختلفة: انظر بطاقات التعارض"},
    "citing": {"en": ", citing", "ar": "، نقلاً عن"},
    "and": {"en": ";", "ar": "؛"},
    "independent": {"en": "{n} independent", "ar": "مصادر مستقلة: {n}"},
    "date": {"en": "date", "ar": "تاريخ"},
    "number": {"en": "figure", "ar": "رقم"},
    "entity": {"en": "name", "ar": "اسم"},
    "statement": {"en": "statement", "ar": "تصريح"},
    "read_as": {"en": "(Read as: “{question}”)", "ar": "(قُرئ السؤال: «{question}»)"},
}
#: The documents table: short words that fit their columns, the title given the room.
DOCUMENT_HEADERS = [
    "ID · المعرّف",
    "Title · العنوان",
    "Outlet · المصدر",
    "Published · النشر",
    "Lang · اللغة",
    "Chunks · مقاطع",
    "Chars · أحرف",
    "Inferred · مستنتج",
]
DOCUMENT_WIDTHS = ["16%", "30%", "12%", "12%", "7%", "7%", "7%", "9%"]
#: What an empty question gets: one friendly line in the chat, in both languages (it has none of its own).
EMPTY_QUESTION = "Type a question first. · اكتب سؤالاً أولاً."


def _label(key: str, lang: str, **values: object) -> str:
    return LABELS[key]["ar" if lang == "ar" else "en"].format(**values)


_THEME_FONT = ["system-ui", "Noto Sans Arabic", "DejaVu Sans", "sans-serif"]


def theme() -> gr.themes.Base:
    """The default theme with system fonts: the stock one pulls fonts from Google's CDN."""
    return gr.themes.Default(font=_THEME_FONT, font_mono=["ui-monospace", "DejaVu Sans Mono", "monospace"])


# --- HTML pieces (pure functions of the answer and the document text) ----------


def message_html(text: str, base: Direction | None = None) -> str:
    return block(text, base, css_class="isnad-msg")


_BLANK_LINES = re.compile(r"\s*\n\s*")


def citation_card(c: schema.Citation, document_text: str | None, lang: str = "en") -> str:
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
    name = source_label(c.outlet, c.title, lang)
    head = " · ".join(html.escape(x) for x in (name, published_label(c.published, lang)) if x)
    title = f'<div class="attr">{html.escape(c.title)}</div>' if c.title and c.title.strip() != name else ""
    return (
        f'<div class="isnad-card isnad-citation" dir="{base}">'
        f'<div class="head" dir="{"rtl" if lang == "ar" else "ltr"}"><bdi class="cite">[{c.n}]</bdi> <bdi>{head}</bdi></div>'
        f'<div class="attr"><bdi>{html.escape(c.attributed_to)}</bdi></div>{title}'
        f'<div class="context" dir="{base}">{_BLANK_LINES.sub("<br>", context)}</div></div>'
    )


def citations_html(citations: list[schema.Citation], text_of, lang: str = "en") -> str:
    if not citations:
        return ""
    cards = "".join(citation_card(c, text_of(c.doc_id), lang) for c in citations)
    base = "rtl" if lang == "ar" else "ltr"
    return f'<div class="isnad-citations" dir="{base}"><h3>{_label("sources", lang)}</h3>{cards}</div>'


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


def timeline_svg(positions: list[schema.Position], lang: str = "en") -> str:
    """A tiny inline SVG timeline of the dates each source claims ('' when none are dates).

    A claimed day or hour is a dot; a range ("days ago", "last week") is a faded,
    hatched band with a dashed outline, so a vague value never looks as exact as a
    dated one. Ticks are labelled in the reader's language.
    """
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
        tick = format_date(day, "d MMM", locale="ar" if lang == "ar" else "en")
        parts.append(f'<text x="{tx:.1f}" y="{height - 5}" font-size="9" text-anchor="middle" fill="#666">{tick}</text>')
    for i, (p, (a, b)) in enumerate(rows):
        y = 14 + i * row_h
        color = position_color(positions.index(p))
        if b - a >= 0.05:
            hatch = f"isnad-hatch-{color[1:]}"
            parts.append(
                f'<defs><pattern id="{hatch}" patternUnits="userSpaceOnUse" width="5" height="5" patternTransform="rotate(45)">'
                f'<line x1="0" y1="0" x2="0" y2="5" stroke="{color}" stroke-width="2"/></pattern></defs>'
                f'<rect class="vague" x="{x(a):.1f}" y="{y - 5}" width="{x(b) - x(a):.1f}" height="10" fill="url(#{hatch})" '
                f'fill-opacity="0.5" stroke="{color}" stroke-dasharray="3 2" stroke-opacity="0.8"/>'
            )
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


#: How a source's chain of attribution ("X, citing Y") and a position's sources ("A; B") are stored.
_CITING, _AND = ", citing ", "; "


def attribution_html(attributed_to: str, citations: list[int], lang: str = "en") -> str:
    """Who says it: each name one box in its own direction, the markers inside the last one.

    Laid out as one string, an English chain in an Arabic card is reordered by the
    bidi algorithm and wraps anywhere ("citing Al / [2] [1] Arabiya"); as boxes,
    a line breaks only between names, and a marker never lands inside one.
    """
    refs = "".join(f'<bdi class="cite">[{n}]</bdi>' for n in citations)
    citing, joiner = _label("citing", lang), _label("and", lang)
    sources = attributed_to.split(_AND)
    out = []
    for i, source in enumerate(sources):
        names = source.split(_CITING)
        for k, name in enumerate(names):
            last = i == len(sources) - 1 and k == len(names) - 1
            tail = f"\u00a0{refs}" if last else (citing if k < len(names) - 1 else joiner)
            out.append(f'<span class="who"><bdi dir="{direction(name)}">{html.escape(name)}</bdi>{tail}</span>')
    return f'<div class="attr">{" ".join(out)}</div>'


def conflict_card(conflict: schema.Conflict, lang: str = "en") -> str:
    """The positions side by side, each with its source and citation markers, then the timeline."""
    cards = []
    for i, p in enumerate(conflict.positions):
        cards.append(
            f'<div class="position" dir="{direction(p.value)}" style="border-color: {position_color(i)}">'
            f'<div class="value">{isolate(p.value, direction(p.value))}</div>'
            f"{attribution_html(p.attributed_to, p.citations, lang)}"
            f'<div class="attr">{_label("independent", lang, n=p.independent_sources)}</div></div>'
        )
    topic = html.escape(topic_phrase(conflict.topic, "ar" if direction(conflict.topic) == "rtl" else "en"))  # the source's words
    base = "rtl" if lang == "ar" else "ltr"
    return (
        f'<div class="isnad-card isnad-conflict" dir="{base}"><div class="head">⚠ <bdi>{topic}</bdi> '
        f'<span class="attr">({_label(conflict.kind, lang)})</span></div>'
        f'<div class="positions">{"".join(cards)}</div>{timeline_svg(conflict.positions, lang)}</div>'
    )


def conflicts_html(conflicts: list[schema.Conflict], lang: str = "en") -> str:
    if not conflicts:
        return ""
    cards = "".join(conflict_card(c, lang) for c in conflicts)
    base = "rtl" if lang == "ar" else "ltr"
    return f'<div class="isnad-conflicts" dir="{base}"><h3>{_label("disagree", lang)}</h3>{cards}</div>'


def verdict_html(v: schema.Verification) -> str:
    explanation = block(v.explanation)
    return f'<div class="isnad-verdict"><span class="verdict verdict-{v.verdict}">{v.verdict}</span>{explanation}</div>'


def _notice(text: str) -> dict:
    """A chat reply that is a message to the user, not an answer."""
    return {"role": "assistant", "content": message_html(text)}


def answer_text(a: schema.Answer) -> str:
    """The chat message body: the model's checked answer under the direct line (else the extractive answer), the notes,
    and the question as it was read when that differs from what was typed."""
    main = (f"{a.direct.text}\n\n{a.generated}" if a.direct else a.generated) if a.generated else a.answer
    notes = a.notes if a.generated else []  # the extractive answer ends with its notes already (bot.answer.render)
    # How the question was read when it was not taken as typed (a follow-up with its context, spoken Arabic in standard
    # Arabic): a fact-checker sees what was actually searched.
    read_as = [_label("read_as", a.language, question=a.standalone_question)] if a.standalone_question else []
    return "\n".join([main, *notes, *([a.llm_note] if a.llm_note else []), *read_as])


_TAG = re.compile(r"<[^>]+>")
_ISOLATES = re.compile("[\u2066-\u2069\u200e\u200f]")


def user_questions(history: list) -> list[str]:
    """The user's earlier questions, as text, from the chat's messages (whose content is the HTML we rendered)."""
    out = []
    for message in history:
        if message.get("role") != "user":
            continue
        content = message.get("content")
        if isinstance(content, list):  # typed parts
            content = " ".join(p.get("text", "") for p in content if isinstance(p, dict))
        text = _ISOLATES.sub("", html.unescape(_TAG.sub(" ", str(content or "")))).strip()
        if text:
            out.append(" ".join(text.split()))
    return out


def conflicts_link(lang: str) -> str:
    """A link from the answer to its conflict cards, which a phone shows below the chat and its input."""
    base = "rtl" if lang == "ar" else "ltr"
    return f'<div dir="{base}" style="text-align: {"right" if base == "rtl" else "left"}"><a class="isnad-jump" href="#isnad-conflicts">⚠ {_label("see_conflicts", lang)}</a></div>'


def job_progress(job: JobStatus) -> str:
    """One line of an ingest job's progress for the Documents tab."""
    if job.state == "queued":
        return "Queued: waiting for the ingest before it… · في الانتظار…"
    if job.total is None:
        return "Reading the files… · قراءة الملفات…"
    current = next((f.name for f in job.files if f.done < f.items), "")
    return (
        f"Ingesting: {job.done:,} / {job.total:,} items · {job.committed:,} articles committed"
        + (f" · {job.skipped:,} problems" if job.skipped else "")
        + (f" · {current}" if current else "")
        + f" · جارٍ الإدخال: {job.done:,} / {job.total:,}"
    )


def job_summary(job: JobStatus) -> str:
    """An ended job's report: the counts, then its first problems, one per line."""
    head = f"added: {job.added} · updated: {job.updated} · unchanged: {job.unchanged}"
    if job.state == "failed":
        head = f"{job.message or 'failed'} · {head}"
    more = job.skipped - len(job.problems)
    return (
        head
        + "".join(f"\n- skipped {name}: {reason}" for name, reason in job.problems)
        + (f"\n- and {more:,} more problems" if more > 0 else "")
    )


# --- the Blocks app ------------------------------------------------------------


def build_ui(service) -> gr.Blocks:
    """The whole UI over one service instance."""

    def text_of(doc_id: str) -> str | None:
        try:
            return service.document_text(doc_id)
        except KeyError:
            return None

    def respond(question: str, history: list) -> Iterator[tuple[list, str, str, str]]:
        history = list(history or [])
        question = (question or "").strip()
        if not question:
            # A reply in the chat, not an error: nothing went wrong, and one log line is enough.
            log.info("ui: empty question, asked for one")
            yield history + [{"role": "assistant", "content": message_html(EMPTY_QUESTION, "ltr")}], "", gr.skip(), gr.skip()
            return
        earlier = user_questions(history)[-8:]  # a follow-up is read with the conversation's earlier questions
        history.append({"role": "user", "content": message_html(question)})
        if len(question) > MAX_QUERY_CHARS:
            log.info("ui: question of %d characters refused", len(question))
            yield history + [_notice(f"The question is longer than {MAX_QUERY_CHARS} characters.")], question, gr.skip(), gr.skip()
            return
        yield history, "", "", ""  # clear the last answer's panels while this one is found
        try:
            items = service.ask_stream(question, history=earlier)
            answer = next(items)
        except IsnadInputError as e:
            log.info("ui: question refused: %s", e)
            yield history + [_notice(str(e))], question, gr.skip(), gr.skip()
            return
        base: Direction = "rtl" if answer.language == "ar" else "ltr"
        written = answer.direct.text + "\n\n" if answer.direct else ""
        for item in items:  # a language model's checked sentences, as each is written (none without a model)
            if isinstance(item, str):
                written += item + " "
                yield history + [{"role": "assistant", "content": message_html(written.strip(), base)}], "", gr.skip(), gr.skip()
            else:
                answer = item
        body = answer_text(answer)
        for end in range(STREAM_PIECE, len(body), STREAM_PIECE) if answer.llm is None else ():
            yield history + [{"role": "assistant", "content": message_html(body[:end], base)}], "", gr.skip(), gr.skip()
            time.sleep(0.01)
        link = conflicts_link(answer.language) if answer.conflicts else ""
        final = history + [{"role": "assistant", "content": message_html(body, base) + link}]
        yield (final, "", citations_html(answer.citations, text_of, answer.language), conflicts_html(answer.conflicts, answer.language))

    def verify(claim: str) -> tuple[str, str, str]:
        claim = (claim or "").strip()
        if not claim or len(claim) > MAX_QUERY_CHARS:
            log.info("ui: claim of %d characters refused", len(claim))
            return message_html(f"Enter a claim of 1 to {MAX_QUERY_CHARS} characters. · اكتب ادعاءً.", "ltr"), "", ""
        try:
            v = service.verify(claim)
        except IsnadInputError as e:
            log.info("ui: claim refused: %s", e)
            return message_html(str(e)), "", ""
        lang = "ar" if direction(claim) == "rtl" else "en"
        return verdict_html(v), citations_html(v.citations, text_of, lang), conflicts_html(v.conflicts, lang)

    def document_rows() -> tuple[list[list], gr.Dropdown]:
        docs = service.documents()
        rows = [
            [
                d.doc_id,
                d.title or "",
                d.outlet or "",
                published_label(d.published, d.language or "en") or "",
                d.language or "",
                d.chunks,
                d.chars,
                ", ".join(d.inferred),
            ]
            for d in docs
        ]
        choices = [(f"{source_label(d.outlet, d.title, d.language or 'en')} · {d.doc_id}", d.doc_id) for d in docs]
        return rows, gr.Dropdown(choices=choices, value=None)

    def upload(files: list[str] | None) -> Iterator[tuple[str, object, object, object]]:
        """Add the files as a background job, showing its progress; the widget is emptied once they are in.

        The job runs on the service's worker, not in this handler: closing the
        tab does not stop it, and it resumes if the server restarts.
        """
        if not files:
            yield "Choose one or more files to upload. · اختر ملفاً أو أكثر.", gr.skip(), gr.skip(), None
            return
        paths = [Path(f) for f in files]
        for p in paths:
            if not p.name.lower().endswith(UPLOAD_SUFFIXES):
                yield f"Unsupported file type {p.name!r}; accepted: {', '.join(UPLOAD_SUFFIXES)}", gr.skip(), gr.skip(), None
                return
        folder = service.jobs.prepare()
        for p in paths:
            shutil.copyfile(p, folder / p.name)
        job = service.jobs.submit(folder)
        while job.state not in FINISHED:
            yield job_progress(job), gr.skip(), gr.skip(), gr.skip()
            job = service.jobs.wait(job.id, job)
        yield job_summary(job), *document_rows(), None

    def delete(doc_id: str | None, confirmed: bool) -> tuple[str, object, object, bool]:
        """Delete only once the box is ticked: a deleted article is gone from every answer."""
        if not doc_id:
            return "Pick a document to delete. · اختر وثيقة لحذفها.", gr.skip(), gr.skip(), False
        if not confirmed:
            return f"Tick the box to confirm deleting {doc_id}. · أكّد الحذف أولاً.", gr.skip(), gr.skip(), False
        status = f"deleted {doc_id}" if service.delete(doc_id) else f"no document {doc_id}"
        return status, *document_rows(), False

    with gr.Blocks(title="Isnad · إسناد") as demo:
        gr.Markdown("# إسناد Isnad\nAnswers from the news collection, with the sources quoted and their disagreements shown.")
        with gr.Tab("Ask · اسأل", id="ask"):
            with gr.Row():
                with gr.Column(scale=3):
                    chat = gr.Chatbot(show_label=False, elem_id="isnad-chat", height=520, buttons=["copy"])
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
                # The cards come right after the chat and its input, the examples after the cards: a phone,
                # which stacks the columns, shows an answer's cards just below it, not below the examples.
                with gr.Column(scale=2):
                    conflicts = gr.HTML(elem_id="isnad-conflicts")
                    citations = gr.HTML(elem_id="isnad-citations")
                    gr.Examples(EXAMPLES, inputs=question, label="Examples · أمثلة", elem_id="isnad-examples")
            outputs = [chat, question, citations, conflicts]
            ask_button.click(respond, [question, chat], outputs, api_name="ask")
            question.submit(respond, [question, chat], outputs, api_name=False)

        with gr.Tab("Verify a claim · تحقق من ادعاء", id="verify"):
            claim = gr.Textbox(label="Claim · الادعاء", elem_id="isnad-claim", max_length=MAX_QUERY_CHARS)
            verify_button = gr.Button("Verify · تحقق", variant="primary")
            gr.Examples(CLAIM_EXAMPLES, inputs=claim, label="Examples · أمثلة")
            verdict = gr.HTML(elem_id="isnad-verdict")
            with gr.Row():
                evidence = gr.HTML()
                verify_conflicts = gr.HTML()
            verify_button.click(verify, claim, [verdict, evidence, verify_conflicts], api_name="verify")
            claim.submit(verify, claim, [verdict, evidence, verify_conflicts], api_name=False)

        with gr.Tab("Documents · الوثائق", id="documents"):
            files = gr.File(
                label="Upload · رفع " + " ".join(UPLOAD_SUFFIXES),
                file_count="multiple",
                file_types=list(UPLOAD_SUFFIXES),
                type="filepath",
            )
            upload_button = gr.Button("Add to the collection · أضف إلى المجموعة", variant="primary")
            status = gr.Markdown(elem_id="isnad-doc-status")
            table = gr.Dataframe(
                headers=DOCUMENT_HEADERS,
                interactive=False,
                wrap=True,
                column_widths=DOCUMENT_WIDTHS,
                elem_id="isnad-docs",
            )
            with gr.Row():
                doomed = gr.Dropdown(label="Document · الوثيقة", choices=[], scale=3)
                confirm = gr.Checkbox(label="Yes, delete it · نعم، احذفها", value=False, scale=1, elem_id="isnad-confirm")
                delete_button = gr.Button("Delete · احذف", variant="stop", scale=1, elem_id="isnad-delete")
            upload_button.click(upload, files, [status, table, doomed, files], api_name="upload")
            delete_button.click(delete, [doomed, confirm], [status, table, doomed, confirm], api_name="delete")
            demo.load(document_rows, None, [table, doomed], api_name="documents")
    return demo
