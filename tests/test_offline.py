"""Nothing may call home: env set by the app itself, and no non-loopback traffic.

The conftest network guard records every non-loopback connection or DNS lookup
of the session; here we exercise the libraries known to phone home (chromadb's
telemetry, onnxruntime, gradio analytics, the hub) and check none tried.
"""

import os
import subprocess
import sys
import time

import pytest

from config import OFFLINE_ENV
from tests.conftest import NETWORK_ATTEMPTS, REPO


def test_app_sets_offline_environment_itself():
    code = "import os, config; print({k: os.environ.get(k) for k in config.OFFLINE_ENV})"
    env = {k: v for k, v in os.environ.items() if k not in OFFLINE_ENV}
    env["HF_HUB_OFFLINE"] = "0"  # a user's shell saying otherwise must not win
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, check=True)
    assert eval(out.stdout) == OFFLINE_ENV  # noqa: S307 - our own dict repr


def test_no_connection_attempts_while_working(settings):
    from bot.service import Isnad

    import gradio  # noqa: F401  (analytics would ping on import/launch)
    import onnxruntime  # noqa: F401

    service = Isnad(settings)
    service.ensure_samples()
    service.ask("When did Bagheri arrive in Damascus?")
    time.sleep(3)  # telemetry threads report a few seconds in
    assert NETWORK_ATTEMPTS == []


def test_unknown_model_never_reaches_for_the_hub():
    from vectorstore.embeddings import load_embeddings

    before = len(NETWORK_ATTEMPTS)
    with pytest.raises(ValueError, match="paraphrase-multilingual"):
        load_embeddings("sentence-transformers/paraphrase-multilingual-MiniLM-L12-v2")
    assert len(NETWORK_ATTEMPTS) == before
