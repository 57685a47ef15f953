"""The `isnad` command (bot/cli.py) as a user runs it: answers, JSON, clear errors and exit codes,
and a running server asked over real HTTP instead of loading models.

Most tests call the entry point in-process (the session's one model load is
shared); the subprocess tests run a real ``python -m bot`` and report which
heavy modules that process imported, so "validates first" and "asks the server
instead of loading models" are checked by what happened, not by how long it took.
"""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys

import pytest

import config
from bot.cli import main
from tests.conftest import REPO, SHARED
from tests.live_server import free_port, live_server

KEY = "cli-key"
QUESTION = "When did Bagheri arrive in Damascus?"
#: What loading a model imports; a CLI that only checks input or talks HTTP must import none of it.
HEAVY = ("torch", "sentence_transformers", "transformers", "onnxruntime", "chromadb", "gradio", "sklearn")
#: ``python -m bot ARGS`` exactly (runpy is what -m runs), then one stderr line naming the heavy modules imported.
PROBE = f"""
import json, runpy, sys
code = 0
try:
    runpy.run_module("bot", run_name="__main__", alter_sys=True)
except SystemExit as exit:
    code = exit.code
print("PROBE " + json.dumps({{"rc": code, "heavy": sorted(m for m in {HEAVY!r} if m in sys.modules)}}), file=sys.stderr)
"""


def probe(*args: str, **env: str) -> tuple[dict, subprocess.CompletedProcess]:
    """Run ``python -m bot *args`` in a fresh process (no model cache, no ISNAD_* from this shell)."""
    out = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        cwd=REPO,
        env={"PATH": "/usr/bin:/bin", "ISNAD_HOME": str(REPO / ".isnad-cli-test-unused"), **env},
        capture_output=True,
        text=True,
        timeout=600,
    )
    report = json.loads(out.stderr.rsplit("PROBE ", 1)[1]) if "PROBE " in out.stderr else {}
    assert report, out.stderr[-3000:]
    return report, out


@pytest.fixture
def cli_env(monkeypatch, seeded_home):
    """The process settings the CLI reads, pointed at the seeded store; no server, no key from the caller's shell."""
    monkeypatch.setenv("ISNAD_HOME", str(seeded_home))
    monkeypatch.setenv("ISNAD_COLLECTION", "seeds")
    monkeypatch.delenv("ISNAD_URL", raising=False)
    monkeypatch.delenv("ISNAD_API_KEY", raising=False)
    config.get_settings.cache_clear()
    yield monkeypatch
    config.get_settings.cache_clear()


@pytest.fixture(scope="module")
def server(seeded_service):
    from bot.server import build_app

    with live_server(build_app(seeded_service)) as url:
        yield url


@pytest.fixture(scope="module")
def keyed_server(seeded_service):
    from bot.server import build_app

    with live_server(build_app(seeded_service, seeded_service.settings.model_copy(update={"api_key": KEY}))) as url:
        yield url


def run(capsys, *args: str) -> tuple[int, str, str]:
    rc = main(list(args))
    out = capsys.readouterr()
    return rc, out.out, out.err


# --- in this process ------------------------------------------------------------


def test_verify_json(cli_env, capsys, seeded_service):
    rc, out, err = run(capsys, "verify", "Bagheri arrived in Damascus on Monday.", "--json")
    assert rc == 0, err
    data = json.loads(out)
    assert data["verdict"] == "REFUTED" and data["citations"] and data["explanation"]
    shown = [c["n"] for c in data["citations"]]
    assert shown == list(range(1, len(shown) + 1))  # the citations shown are numbered without gaps
    assert {int(n) for n in re.findall(r"\[(\d+)\]", data["explanation"])} <= set(shown)


def test_compare_two_statements(cli_env, capsys):
    rc, out, err = run(capsys, "compare", "ارتفاع أسعار النفط اليوم", "انخفاض أسعار النفط اليوم", "--json")
    assert rc == 0, err
    data = json.loads(out)
    assert data["relation"] == "contradict" and any("antonyms" in r for r in data["reasons"])


def _pairs_file(tmp_path, n: int):
    dev = SHARED / "data" / "ans" / "stance" / "dev.csv"
    if not dev.exists():
        pytest.skip("ANS data not found in ../shared")
    with open(dev, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))[:n]
    pairs = tmp_path / "pairs.csv"
    with open(pairs, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=["s1", "s2"])
        writer.writeheader()
        writer.writerows({"s1": r["s1"], "s2": r["s2"]} for r in rows)
    return pairs


def test_compare_pairs_file_one_json_line_per_pair(cli_env, capsys, tmp_path):
    rc, out, err = run(capsys, "compare", "--pairs", str(_pairs_file(tmp_path, 6)))
    assert rc == 0, err
    lines = [json.loads(line) for line in out.splitlines()]
    assert len(lines) == 6
    assert all(set(line) == {"relation", "score"} and line["relation"] in {"agree", "contradict", "unrelated"} for line in lines)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["compare", "only one"], "compare needs two statements"),
        (["compare", "", "x"], "A is empty"),
        (["compare", "x", "؟!"], "B has no content"),
        (["compare", "--pairs", "/nonexistent.csv"], "No such file"),
        (["compare", "a", "b", "--pairs", "/nonexistent.csv"], "not both"),
        (["verify", "  "], "claim is empty"),
        (["ask", "x" * 2001], "question is too long"),
        (["ask", "caf\udce9"], "not valid Unicode"),
        (["--server", "localhost:7860", "ask", "hi"], "http:// or https:// URL"),
        (["--server", "http://127.0.0.1:1", "ingest", "x"], "ingest reads files into this machine's store"),
    ],
)
def test_bad_input_is_a_message_and_exit_2(cli_env, capsys, args, message):
    rc, out, err = run(capsys, *args)
    assert rc == 2 and message in err and "Traceback" not in err and not out


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--top-k", "0", "must be a whole number from 1 to 100"),
        ("--top-k", "101", "must be a whole number from 1 to 100"),
        ("--top-k", "many", "must be a whole number from 1 to 100"),
        ("--timeout", "0", "must be a number of seconds above 0"),
        ("--timeout", "nan", "must be a number of seconds above 0"),
    ],
)
def test_option_out_of_range_is_a_usage_error(cli_env, capsys, option, value, message):
    with pytest.raises(SystemExit) as exit:
        main(["ask", "hi", option, value])
    assert exit.value.code == 2 and f"{option}: {message}" in capsys.readouterr().err


def test_pairs_file_without_columns_or_with_an_empty_cell(cli_env, capsys, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\nx,y\n", encoding="utf-8")
    rc, _, err = run(capsys, "compare", "--pairs", str(bad))
    assert rc == 2 and "needs columns s1,s2" in err
    bad.write_text("s1,s2\nx,y\nz,\n", encoding="utf-8")
    rc, _, err = run(capsys, "compare", "--pairs", str(bad))
    assert rc == 2 and "row 3 s2 is empty" in err


# --- a running server, over real HTTP ------------------------------------------


def test_server_answers_what_the_service_answers(cli_env, capsys, server, seeded_service):
    rc, out, err = run(capsys, "--server", server, "ask", QUESTION, "--json")
    assert rc == 0, err
    remote = json.loads(out)
    local = seeded_service.ask(QUESTION).model_dump(mode="json")
    assert remote["answer"] == local["answer"] and remote["citations"]
    assert [(c["doc_id"], c["start"], c["end"]) for c in remote["citations"]] == [
        (c["doc_id"], c["start"], c["end"]) for c in local["citations"]
    ]
    assert "loading the models" not in err
    rc, out, err = run(capsys, "ask", QUESTION, "--server", server)  # the option after the command, plain text out
    assert rc == 0 and out.strip() == local["answer"]


def test_server_verify_and_compare_from_isnad_url(cli_env, capsys, server):
    cli_env.setenv("ISNAD_URL", server)
    config.get_settings.cache_clear()
    rc, out, err = run(capsys, "verify", "Bagheri arrived in Damascus on Monday.", "--collection", "seeds")
    assert rc == 0 and out.startswith("REFUTED: "), err
    rc, out, err = run(capsys, "compare", "ارتفاع أسعار النفط اليوم", "انخفاض أسعار النفط اليوم", "--json")
    assert rc == 0 and json.loads(out)["relation"] == "contradict", err


@pytest.mark.parametrize("command", [["ask", QUESTION], ["verify", "Bagheri arrived on Monday."]])
def test_server_refusal_is_the_users_error(cli_env, capsys, server, command):
    rc, out, err = run(capsys, "--server", server, *command, "--collection", "nosuch")
    assert rc == 2 and "the server refused it: no collection 'nosuch'" in err and not out


def test_api_key_from_the_environment(cli_env, capsys, keyed_server):
    rc, _, err = run(capsys, "--server", keyed_server, "compare", "a cat", "a dog")
    assert rc == 1 and "needs an API key: set ISNAD_API_KEY" in err
    cli_env.setenv("ISNAD_API_KEY", "wrong")
    config.get_settings.cache_clear()
    rc, _, err = run(capsys, "--server", keyed_server, "compare", "a cat", "a dog")
    assert rc == 1 and "the key in ISNAD_API_KEY was refused" in err
    cli_env.setenv("ISNAD_API_KEY", KEY)
    config.get_settings.cache_clear()
    rc, out, err = run(capsys, "--server", keyed_server, "compare", "a cat", "a dog", "--json")
    assert rc == 0 and json.loads(out)["relation"] in {"agree", "contradict", "unrelated"}, err


def test_unreachable_server_is_a_message_and_exit_1(cli_env, capsys):
    url = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    rc, out, err = run(capsys, "--server", url, "ask", QUESTION)
    assert rc == 1 and f"cannot reach the Isnad server at {url}" in err and "Traceback" not in err and not out


# --- real processes: what they import -------------------------------------------


def test_bad_input_exits_before_any_model_is_imported():
    report, out = probe("compare", "", "x")
    assert report == {"rc": 2, "heavy": []} and "error: A is empty" in out.stderr and "Traceback" not in out.stderr


def test_server_mode_process_loads_no_model(server):
    report, out = probe("ask", QUESTION, "--json", ISNAD_URL=server)
    assert report == {"rc": 0, "heavy": []}, out.stderr[-3000:]
    assert json.loads(out.stdout)["citations"]


def test_a_reader_that_closes_the_pipe_ends_the_command_quietly(server):
    """`isnad ask … | head`: an answer written into a pipe nobody reads any more is no traceback; the exit is SIGPIPE's."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # before the child starts: its first write fails, whatever the timing
    try:
        done = subprocess.run(
            [sys.executable, "-m", "bot", "--server", server, "ask", QUESTION],
            cwd=REPO,
            env={"PATH": "/usr/bin:/bin", "ISNAD_HOME": str(REPO / ".isnad-cli-test-unused")},
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            timeout=600,
        )
    finally:
        os.close(write_end)
    assert done.returncode == 141 and "Traceback" not in done.stderr, done.stderr[-3000:]


def test_rebuild_writes_a_new_store_without_embedding_and_refuses_unusable_dirs(cli_env, capsys, seeded_service, tmp_path):
    """`isnad rebuild`: the seed collection again from its records and vector cache (0 embedded); bad dirs are exit 2."""
    home, target = str(seeded_service.settings.home), str(tmp_path / "new")
    rc, out, err = run(capsys, "rebuild", "--from", home, "--to", target, "--collection", "seeds", "--quiet")
    assert rc == 0, err
    (seeds,) = json.loads(out)["collections"]
    assert (seeds["name"], seeds["articles"], seeds["embedded"], seeds["skipped"], seeds["metadata_differs"]) == ("seeds", 5, 0, 0, 0)
    assert seeds["chunks"] == seeded_service.count() > 5
    for args, message in [
        (("--from", home, "--to", target), "is not empty"),
        (("--from", str(tmp_path / "nothing"), "--to", str(tmp_path / "other")), "holds no Chroma store"),
        (("--from", home, "--to", str(tmp_path / "other"), "--collection", "nope"), "no collection nope"),
    ]:
        rc, out, err = run(capsys, "rebuild", *args, "--quiet")
        assert rc == 2 and message in err and "Traceback" not in err, err
