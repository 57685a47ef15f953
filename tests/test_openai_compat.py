"""``/v1`` through the official ``openai`` client and LangChain's ``ChatOpenAI``, over HTTP."""

from __future__ import annotations

import re

import openai
import pytest

from bot import schema
from bot.answer import render
from bot.conflicts import describe_conflict
from bot.openai_compat import ChatCompletionRequest, question_of, render_markdown
from tests.live_server import live_server

KEY = "v1-key"
QUESTION = "When did Bagheri arrive in Damascus?"


@pytest.fixture(scope="module")
def base_url(seeded_service):
    from bot.server import build_app

    with live_server(build_app(seeded_service)) as url:
        yield url + "/v1"


@pytest.fixture(scope="module")
def client(base_url):
    return openai.OpenAI(base_url=base_url, api_key="unused", max_retries=0, timeout=120)


def test_models(client):
    assert "isnad" in [m.id for m in client.models.list()]


def test_non_stream_carries_text_and_structured_citations(client):
    completion = client.chat.completions.create(
        model="isnad", messages=[{"role": "system", "content": "be brief"}, {"role": "user", "content": QUESTION}]
    )
    content = completion.choices[0].message.content
    answer = schema.Answer.model_validate(completion.model_extra["isnad"])
    assert answer.question == QUESTION and answer.citations
    assert "[1]" in content and "**Sources**" in content
    assert_said_once(content, answer)
    assert completion.choices[0].finish_reason == "stop" and completion.usage.total_tokens > 0


def test_stream_matches_non_stream_and_ends_with_citations(client):
    messages = [{"role": "user", "content": "متى وصل باقري إلى دمشق؟"}]
    full = client.chat.completions.create(model="isnad", messages=messages)
    chunks = list(client.chat.completions.create(model="isnad", messages=messages, stream=True))
    text = "".join(ch.choices[0].delta.content or "" for ch in chunks)
    assert text == full.choices[0].message.content
    assert len(chunks) > 3  # really streamed, not one blob
    assert chunks[-1].choices[0].finish_reason == "stop"
    streamed = schema.Answer.model_validate(chunks[-1].model_extra["isnad"])
    assert streamed.citations and streamed == schema.Answer.model_validate(full.model_extra["isnad"])
    assert "**المصادر**" in text
    assert_said_once(text, streamed)
    assert all("isnad" not in (ch.model_extra or {}) for ch in chunks[:-1])


def test_verify_prefix_runs_verification(client):
    completion = client.chat.completions.create(
        model="isnad", messages=[{"role": "user", "content": "verify: Bagheri said Turkey should keep its troops in Syria."}]
    )
    v = schema.Verification.model_validate(completion.model_extra["isnad"])
    assert v.claim == "Bagheri said Turkey should keep its troops in Syria."
    assert completion.choices[0].message.content.startswith(f"**{v.verdict}**")
    shown = [c.n for c in v.citations]
    assert shown == list(range(1, len(shown) + 1))  # no gaps: [1][2][3], never [1][2][4]
    assert {int(n) for n in re.findall(r"\[(\d+)\]", v.explanation)} <= set(shown)


@pytest.mark.parametrize("content", ["", "   ", "x" * 2001, "verify:  "])
def test_bad_question_is_400(client, content):
    with pytest.raises(openai.BadRequestError) as e:
        client.chat.completions.create(model="isnad", messages=[{"role": "user", "content": content}])
    assert e.value.status_code == 400


def test_no_messages_is_422(client):
    with pytest.raises(openai.UnprocessableEntityError):
        client.chat.completions.create(model="isnad", messages=[])


def test_langchain_chat_openai(base_url):
    from langchain_openai import ChatOpenAI

    llm = ChatOpenAI(base_url=base_url, api_key="unused", model="isnad", max_retries=0, timeout=120)
    reply = llm.invoke("What did Hatami hope for when he visited Syria?")
    assert "[1]" in reply.content
    streamed = "".join(chunk.content for chunk in llm.stream("What did Hatami hope for when he visited Syria?"))
    assert streamed == reply.content


def test_api_key_enforced_on_v1(seeded_service):
    from bot.server import build_app

    app = build_app(seeded_service, seeded_service.settings.model_copy(update={"api_key": KEY}))
    with live_server(app) as url:
        with pytest.raises(openai.AuthenticationError):
            openai.OpenAI(base_url=url + "/v1", api_key="wrong", max_retries=0).models.list()
        assert openai.OpenAI(base_url=url + "/v1", api_key=KEY, max_retries=0).models.list().data


@pytest.mark.parametrize(
    "content",
    [[{"type": "text", "text": 5}], [{"type": "text", "text": ["a"]}], [{"text": "no type"}], 42, [7]],
)
def test_malformed_content_is_422(base_url, content):
    import httpx

    r = httpx.post(base_url + "/chat/completions", json={"messages": [{"role": "user", "content": content}]}, timeout=120)
    assert r.status_code == 422, r.text
    assert r.json()["detail"][0]["loc"][:3] == ["body", "messages", 0]


def test_question_is_the_last_user_message_text_parts():
    req = ChatCompletionRequest.model_validate(
        {
            "messages": [
                {"role": "user", "content": "first question"},
                {"role": "assistant", "content": "an answer"},
                {"role": "user", "content": [{"type": "text", "text": "second "}, {"type": "text", "text": "question"}]},
            ]
        }
    )
    assert question_of(req) == "second question"


def _citation(n: int, quote: str, outlet: str) -> schema.Citation:
    return schema.Citation(
        n=n,
        doc_id=f"d{n}",
        chunk_id=f"d{n}:0",
        outlet=outlet,
        published="2020-07-08",
        quote=quote,
        start=0,
        end=len(quote),
        score=1.0,
        attributed_to=outlet,
    )


CITATIONS = [_citation(1, "arrived on Tuesday evening", "Al Arabiya"), _citation(2, "has been there for days", "Al Jazeera")]
CONFLICT = schema.Conflict(
    topic="arrived",
    kind="date",
    positions=[
        schema.Position(value="Tuesday evening", normalized="2020-07-07 evening", attributed_to="Al Arabiya", citations=[1]),
        schema.Position(value="for days", normalized="2020-07-01..2020-07-07", attributed_to="Al Jazeera", citations=[2], side=1),
    ],
)


def assert_said_once(text: str, result) -> None:
    """Every quote and every conflict of ``result`` appears exactly once in the reply."""
    lang = getattr(result, "language", "en")
    for c in result.citations:
        assert text.count(c.quote) == 1, c.quote
    for conflict in result.conflicts:
        assert text.count(describe_conflict(conflict, lang)) == 1


def test_render_markdown_says_each_quote_and_conflict_once():
    answer = schema.Answer(
        question="When?",
        answer=render("en", CITATIONS, [CONFLICT], ["two sources"]),
        answerable=True,
        language="en",
        citations=CITATIONS,
        conflicts=[CONFLICT],
        notes=["two sources"],
    )
    text = render_markdown(answer)
    assert_said_once(text, answer)
    assert "**Sources**\n- Al Arabiya (8 July 2020): “arrived on Tuesday evening” [1]" in text  # the reader's date format
    assert text.count("two sources") == 1 and text.endswith("_two sources_")


def test_render_markdown_of_a_verdict_lists_sources_once_and_its_conflicts_once():
    verification = schema.Verification(
        claim="He arrived on Monday.",
        verdict="REFUTED",
        explanation="Refuted [1]. " + describe_conflict(CONFLICT, "en"),
        citations=CITATIONS,
        conflicts=[CONFLICT],
    )
    text = render_markdown(verification)
    assert text.startswith("**REFUTED**\n\nRefuted [1].")
    assert_said_once(text, verification)


def test_abstention_is_the_answer_itself():
    answer = schema.Answer(question="Who won?", answer=render("en", [], [], []), answerable=False, language="en")
    assert render_markdown(answer) == answer.answer
