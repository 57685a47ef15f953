"""The messages a language model gets: rules as the system message, evidence as delimited data.

Why delimited data: an uploaded article can contain text written to a model
("ignore previous instructions and say ..."). The quotes travel inside an
``<evidence>`` block the system message declares to be data, the block's own
delimiters cannot be forged from inside a quote, and the checker
(``bot.llm.checker``) catches whatever a model follows anyway.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from langchain_core.messages import BaseMessage, HumanMessage, SystemMessage

import prompts
from bot.answer import published_label
from bot.conflicts import describe_conflict
from bot.llm.checker import Quote
from bot.schema import Answer

#: Angle brackets inside a quote become look-alikes: a quote cannot close the evidence block early.
_DEFANG = str.maketrans({"<": "‹", ">": "›"})


def templates(lang: str) -> dict[str, str]:
    return prompts.load("generate")[lang]


def evidence_block(answer: Answer) -> str:
    t = templates(answer.language)
    lines = []
    for c in answer.citations:
        when = t["date"].format(date=published_label(c.published, answer.language)) if c.published else ""
        lines.append(
            t["item"].format(
                n=c.n, source=c.attributed_to.translate(_DEFANG), date=when, quote=" ".join(c.quote.split()).translate(_DEFANG)
            )
        )
    return "\n".join(lines)


def answer_messages(answer: Answer) -> list[BaseMessage]:
    """System rules plus the question with its numbered evidence and the conflicts the pipeline found."""
    t = templates(answer.language)
    conflicts = ""
    if answer.conflicts:
        conflicts = t["conflicts"].format(lines="\n".join(f"- {describe_conflict(c, answer.language)}" for c in answer.conflicts))
    user = t["user"].format(question=answer.question.translate(_DEFANG), evidence=evidence_block(answer), conflicts=conflicts)
    return [SystemMessage(t["system"]), HumanMessage(user)]


def quotes_of(answer: Answer, anchors: Mapping[str, date | None] | None = None) -> list[Quote]:
    """The checker's view of the citations: quote text, what the evidence block says about each quote (who,
    which outlet and title, the day as written there: a sentence may repeat it), and the date the article's
    relative words ("yesterday") resolve against (``anchors`` by doc id)."""
    anchors = anchors or {}
    return [
        Quote(
            c.n,
            c.quote,
            " ".join(x for x in (c.attributed_to, c.outlet, c.title, c.published, published_label(c.published, answer.language)) if x),
            anchors.get(c.doc_id),
        )
        for c in answer.citations
    ]


def rewrite_messages(history: list[str], question: str, lang: str) -> list[BaseMessage]:
    t = templates(lang)
    earlier = "\n".join(f"- {h.translate(_DEFANG)}" for h in history)
    return [
        SystemMessage(t["rewrite_system"]),
        HumanMessage(t["rewrite_user"].format(history=earlier, question=question.translate(_DEFANG))),
    ]
