"""The seed questions through the real local model (``scripts/setup_llm.sh``) and the checker.

Marked ``llm``: deselected by default; ``scripts/test.sh -m llm`` runs it where
the GGUF file and llama-cpp-python are installed (``ISNAD_LLM_GGUF`` names
another file).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from bot.llm import make_writer
from config import Settings
from tests.conftest import REPO

GGUF = Path(os.environ.get("ISNAD_LLM_GGUF", REPO / ".isnad" / "models" / "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"))
SEEDS = json.loads((REPO / "tests" / "data" / "seed_questions.json").read_text(encoding="utf-8"))["items"]

pytestmark = pytest.mark.llm


@pytest.fixture(scope="module")
def local_writer(seeded_service):
    pytest.importorskip("llama_cpp")
    if not GGUF.is_file():
        pytest.skip(f"no model at {GGUF}: run scripts/setup_llm.sh")
    return make_writer(Settings(llm=f"llamacpp:{GGUF}", llm_timeout=300), seeded_service.evidence_embeddings)


def test_seed_questions_through_the_local_model(seeded_service, local_writer, monkeypatch):
    monkeypatch.setattr(seeded_service, "writer", local_writer)
    answers = [seeded_service.ask(item["q"]) for item in SEEDS if item.get("answerable", True)]
    assert all(a.answerable for a in answers)
    assert all(a.llm_note is None or "extractive" in a.llm_note for a in answers)
    assert not any("could not be reached" in (a.llm_note or "") for a in answers)  # the model ran every time
    written = [a for a in answers if a.generated]
    assert len(written) >= len(answers) // 2, [(a.question, a.unsupported_sentences) for a in answers]
    arrival = next(a for a in answers if a.question == "متى وصل باقري إلى دمشق؟")
    assert arrival.generated and "الثلاثاء" in arrival.generated, (arrival.generated, arrival.unsupported_sentences)
