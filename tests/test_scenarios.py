"""'A new source arrives' (bench/scenarios.py): the checker on hand-made answers, and three scenarios end to end.

End to end means the real pipeline: the sample articles ingested into a real
Chroma store in a temp dir, one scenario article added, asked, verified and
deleted again. The three: an English Reuters-style article (dateline read)
that agrees with the seeds, one that puts the signing in another city
(verify must show both sides), and an Arabic article without a dateline with
a vague "recently" that must not become a dated position.
"""

from __future__ import annotations

import pytest

import config
from bench.scenarios import SCENARIOS, check, load_scenarios, run_scenarios
from bot.schema import Answer, Citation, Conflict, Position, Verification

RUN = ("en-signing-wednesday-agrees", "en-signing-tehran-contradicts-place", "ar-vague-recently")
DEV2 = config.REPO_ROOT / "bench" / "data" / "new_source_dev2.json"
DEV3 = config.REPO_ROOT / "bench" / "data" / "new_source_dev3.json"
DEV4 = config.REPO_ROOT / "bench" / "data" / "new_source_dev4.json"
DEV5 = config.REPO_ROOT / "bench" / "data" / "new_source_dev5.json"
DEV6 = config.REPO_ROOT / "bench" / "data" / "new_source_dev6.json"
DEV7 = config.REPO_ROOT / "bench" / "data" / "new_source_dev7.json"
DEV8 = config.REPO_ROOT / "bench" / "data" / "new_source_dev8.json"
DEV9 = config.REPO_ROOT / "bench" / "data" / "new_source_dev9.json"
DEV10 = config.REPO_ROOT / "bench" / "data" / "new_source_dev10.json"


def _citation(n: int, doc_id: str) -> Citation:
    return Citation(n=n, doc_id=doc_id, chunk_id=f"{doc_id}:0", quote="q", start=0, end=1, score=1.0, attributed_to="x")


def _answer(text: str, positions: list[Position], docs: list[str]) -> Answer:
    return Answer(
        question="q",
        answer=text,
        answerable=True,
        language="ar",
        citations=[_citation(n, d) for n, d in enumerate(docs, 1)],
        conflicts=[Conflict(topic="t", kind="date", positions=positions)] if positions else [],
    )


SCENARIO = {
    "expect": {
        "published": "2020-07-06",
        "retrieved": True,
        "conflict": True,
        "verdict": "CONFLICTING",
        "new_position": {"value_has": ["الاثنين"], "parties": ["تشرين"], "excludes": ["الجزيرة"], "alone": True},
    }
}
OK_VERIFY = Verification(claim="c", verdict="CONFLICTING", explanation="المصادر متضاربة")


def test_check_passes_a_right_answer():
    answer = _answer(
        "الجواب",
        [
            Position(value="صباح الاثنين", normalized="2020-07-06 morning", attributed_to="تشرين", citations=[1]),
            Position(value="منذ أيام", normalized="2020-06-28..2020-07-06", attributed_to="الخليج الجديد، نقلاً عن الجزيرة", citations=[2]),
        ],
        ["new", "000"],
    )
    assert check(SCENARIO, "new", "2020-07-06", answer, OK_VERIFY) == []


def test_check_names_each_failure():
    merged = _answer(
        "arrival:bagheri:damascus",
        [
            Position(value="صباح الاثنين", normalized="2020-07-06", attributed_to="تشرين و الجزيرة", citations=[1, 2]),
        ],
        ["new", "000"],
    )
    wrong = Verification(claim="c", verdict="REFUTED", explanation="000_2330c4a5d8c05031")
    failures = check(SCENARIO, "new", None, merged, wrong)
    assert any("published" in f for f in failures)
    assert any("names one of" in f for f in failures)  # Al Jazeera merged into the Monday position
    assert any("merged with citations [2]" in f for f in failures)
    assert any("verdict REFUTED" in f for f in failures)
    assert any("topic key" in f and "arrival:bagheri:damascus" in f for f in failures)
    assert any("explanation" in f and "000_2330c4a5d8c05031" in f for f in failures)


def test_check_wants_the_new_article_cited():
    failures = check(SCENARIO, "new", "2020-07-06", _answer("x", [], ["000"]), OK_VERIFY)
    assert "the new article is not cited" in failures
    assert any("conflict flagged: False" in f for f in failures)


def test_check_compares_the_outlet_read_from_the_dateline():
    """An ``outlet`` expectation checks what ingest read (dateline or sidecar); a scenario without one checks nothing."""
    want = {"expect": {"outlet": "Reuters"}}
    answer = _answer("x", [], ["new"])
    assert check(want, "new", None, answer, OK_VERIFY, "Reuters") == []
    assert check(want, "new", None, answer, OK_VERIFY, None) == ["outlet None, expected 'Reuters'"]
    assert check({"expect": {}}, "new", None, answer, OK_VERIFY, None) == []


def test_check_compares_the_relation_of_the_conflicts():
    """``relation``: an update (a later, larger toll) must be shown as one, not as a conflict, and the reverse."""
    answer = _answer("x", [Position(value="39", normalized="39", attributed_to="a", citations=[1])], ["new"])
    update = answer.model_copy(update={"conflicts": [c.model_copy(update={"relation": "update"}) for c in answer.conflicts]})
    want = {"expect": {"relation": "update"}}
    assert check(want, "new", None, update, OK_VERIFY) == []
    assert check(want, "new", None, answer, OK_VERIFY) == ["conflict relations ['conflict'], expected ['update']"]
    assert check(want, "new", None, _answer("x", [], ["new"]), OK_VERIFY) == ["conflict relations [], expected ['update']"]


@pytest.mark.parametrize("path", [SCENARIOS, DEV2, DEV3, DEV4, DEV5, DEV6, DEV7, DEV8, DEV9, DEV10])
def test_scenario_data_is_well_formed(path):
    items = load_scenarios(path)
    assert len(items) >= 10 and len({s["id"] for s in items}) == len(items)
    assert {s["lang"] for s in items} == {"ar", "en"}
    assert {s["stance"] for s in items} >= {"agrees", "contradicts"}
    for s in items:
        assert s["article"]["name"] and s["article"]["text"] and s["ask"] and s["verify"] and s["expect"]
        names = [a["name"] for a in (*s.get("context", ()), s["article"])]
        assert len(set(names)) == len(names) and all(a["text"] for a in s.get("context", ()))


@pytest.fixture(scope="module")
def seeded(own_seeded_service):
    return own_seeded_service("scenarios")


def test_three_scenarios_end_to_end(seeded, tmp_path):
    scenarios = [s for s in load_scenarios() if s["id"] in RUN]
    rows = run_scenarios(seeded, scenarios, tmp_path)
    assert [r["id"] for r in rows] == list(RUN)
    for r in rows:
        assert r["ok"], (r["id"], r["failures"], r["answer"])
    assert sorted(d.doc_id for d in seeded.documents()) == sorted(
        p.stem for p in config.REPO_ROOT.joinpath("data", "samples").glob("*.txt")
    )


def test_a_scenario_with_context_articles_end_to_end(seeded, tmp_path):
    """A ``context`` article (a real ANT report of another story) is ingested before the new one and deleted after it:
    an English wire story whose dateline names only its agency ("(AFP) -") agrees with it, asked in Arabic."""
    scenario = next(s for s in load_scenarios(DEV2) if s["id"] == "ar-humboldt-en-bare-agency-dateline-agrees")
    assert scenario["context"]
    (row,) = run_scenarios(seeded, [scenario], tmp_path)
    assert row["ok"], (row["failures"], row["answer"])
    assert not {d.doc_id for d in seeded.documents()} & {"ctx_humboldt_14", "wire_humboldt_14"}
