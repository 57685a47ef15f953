"""`python -m bot verify|compare` as a user runs them: JSON out, clear errors, exit codes."""

from __future__ import annotations

import csv
import json
import subprocess
import sys

import pytest

from tests.conftest import REPO, SHARED


def _bot(env_home, *args: str) -> subprocess.CompletedProcess:
    env = {"ISNAD_HOME": str(env_home), "ISNAD_COLLECTION": "seeds", "PATH": "/usr/bin:/bin"}
    return subprocess.run([sys.executable, "-m", "bot", *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=300)


def test_verify_json(seeded_home, seeded_service):
    out = _bot(seeded_home, "verify", "Bagheri arrived in Damascus on Monday.", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["verdict"] == "REFUTED" and data["citations"] and data["explanation"]


def test_compare_two_statements(tmp_path):
    out = _bot(tmp_path, "compare", "ارتفاع أسعار النفط اليوم", "انخفاض أسعار النفط اليوم", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["relation"] == "contradict" and any("antonyms" in r for r in data["reasons"])


def test_compare_pairs_file_one_json_line_per_pair(tmp_path):
    dev = SHARED / "data" / "ans" / "stance" / "dev.csv"
    if not dev.exists():
        pytest.skip("ANS data not found in ../shared")
    with open(dev, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))[:6]
    pairs = tmp_path / "pairs.csv"
    with open(pairs, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=["s1", "s2"])
        writer.writeheader()
        writer.writerows({"s1": r["s1"], "s2": r["s2"]} for r in rows)
    out = _bot(tmp_path, "compare", "--pairs", str(pairs))
    assert out.returncode == 0, out.stderr
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(lines) == 6
    assert all(set(line) == {"relation", "score"} and line["relation"] in {"agree", "contradict", "unrelated"} for line in lines)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["compare", "only one"], "compare needs two statements"),
        (["compare", "--pairs", "/nonexistent.csv"], "No such file"),
        (["verify", "  "], "claim is empty"),
    ],
)
def test_bad_input_is_a_message_and_exit_2(tmp_path, args, message):
    out = _bot(tmp_path, *args)
    assert out.returncode == 2 and message in out.stderr and "Traceback" not in out.stderr


def test_pairs_file_without_columns(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\nx,y\n", encoding="utf-8")
    out = _bot(tmp_path, "compare", "--pairs", str(bad))
    assert out.returncode == 2 and "needs columns s1,s2" in out.stderr
