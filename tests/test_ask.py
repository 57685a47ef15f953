"""End-to-end answers over the seed collection: right articles cited, exact spans, abstention."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import REPO

A000, A004 = "000_2330c4a5d8c05031", "004_992054940200dc08"
_ITEMS = json.loads((REPO / "tests" / "data" / "seed_questions.json").read_text(encoding="utf-8"))["items"]
QUESTIONS = [(i["q"], set(i["cite_all"]), set(i["cite_any"])) for i in _ITEMS if i.get("answerable", True)]
OFF_TOPIC = [i["q"] for i in _ITEMS if not i.get("answerable", True)]


@pytest.mark.parametrize(("question", "cite_all", "cite_any"), QUESTIONS)
def test_cites_the_right_articles(seeded_service, question, cite_all, cite_any):
    answer = seeded_service.ask(question)
    cited = {c.doc_id for c in answer.citations}
    assert answer.answerable, answer.answer
    assert cite_all <= cited, (cited, answer.answer)
    assert not cite_any or cite_any & cited, (cited, answer.answer)


@pytest.mark.parametrize("question", OFF_TOPIC)
def test_abstains_when_the_collection_does_not_say(seeded_service, question):
    answer = seeded_service.ask(question)
    assert not answer.answerable and not answer.citations, answer.answer
    assert ("does not say" in answer.answer) if answer.language == "en" else ("لا تذكر" in answer.answer)


def test_citations_are_exact_spans_with_sources(seeded_service, seed_texts):
    answer = seeded_service.ask("متى وصل باقري إلى دمشق؟")
    assert answer.language == "ar"
    for c in answer.citations:
        assert seed_texts[c.doc_id][c.start : c.end] == c.quote
        assert f"[{c.n}]" in answer.answer and c.quote in answer.answer
        assert c.attributed_to
    assert [c.n for c in answer.citations] == list(range(1, len(answer.citations) + 1))
    by_doc = {c.doc_id: c for c in answer.citations}
    assert by_doc[A000].outlet == "الخليج الجديد" and by_doc[A000].published == "2020-07-08"


def test_english_question_gets_english_framing_with_arabic_quotes(seeded_service):
    answer = seeded_service.ask("When did Bagheri arrive in Damascus?")
    assert answer.language == "en"
    assert answer.direct is not None and answer.answer.startswith(answer.direct.text)
    assert answer.direct.text.startswith("Answer:") and "\nHere is what the collection says:\n" in answer.answer
    assert any("باقري" in c.quote for c in answer.citations)


def test_cli_ask_json(seeded_home):
    env = {"ISNAD_HOME": str(seeded_home), "ISNAD_COLLECTION": "seeds", "PATH": "/usr/bin:/bin"}
    out = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "What did Iran give Syria in 2011?", "--json"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert set(data) >= {"answer", "answerable", "language", "citations", "conflicts"}
    assert data["answerable"] and A004 in {c["doc_id"] for c in data["citations"]}
    assert set(data["citations"][0]) >= {"n", "doc_id", "outlet", "title", "published", "quote", "start", "end", "score"}
    empty = subprocess.run([sys.executable, "-m", "bot", "ask", "   "], cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
    assert empty.returncode == 2 and "question is empty" in empty.stderr and "Traceback" not in empty.stderr
