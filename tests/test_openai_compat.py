"""``/v1`` through the official ``openai`` client and LangChain's ``ChatOpenAI``, over HTTP."""

from __future__ import annotations

import openai
import pytest

from bot import schema
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
    for c in answer.citations:
        assert c.quote in content
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
    assert all("isnad" not in (ch.model_extra or {}) for ch in chunks[:-1])


def test_verify_prefix_runs_verification(client):
    completion = client.chat.completions.create(
        model="isnad", messages=[{"role": "user", "content": "verify: Bagheri said Turkey should keep its troops in Syria."}]
    )
    v = schema.Verification.model_validate(completion.model_extra["isnad"])
    assert v.claim == "Bagheri said Turkey should keep its troops in Syria."
    assert completion.choices[0].message.content.startswith(f"**{v.verdict}**")


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


def test_render_markdown_lists_sources_and_conflicts():
    citation = schema.Citation(
        n=1, doc_id="d", chunk_id="d:0", outlet="Xinhua", published="2020-07-08", quote="arrived on Tuesday",
        start=0, end=18, score=1.0, attributed_to="Xinhua",
    )
    conflict = schema.Conflict(
        topic="arrival", kind="date",
        positions=[
            schema.Position(value="Tuesday evening", normalized="2020-07-07", attributed_to="Al Arabiya", citations=[1]),
            schema.Position(value="days earlier", normalized="2020-07-04", attributed_to="Al Jazeera", citations=[2]),
        ],
    )
    answer = schema.Answer(question="When?", answer="On Tuesday [1].", answerable=True, language="en",
                           citations=[citation], conflicts=[conflict], notes=["two sources"])
    text = render_markdown(answer)
    assert text.startswith("On Tuesday [1].")
    assert "[1] Xinhua, 2020-07-08: «arrived on Tuesday»" in text
    assert "**Conflicts between sources**" in text and "Tuesday evening (Al Arabiya) [1]" in text
    assert text.endswith("_two sources_")
