"""The generalization dev sets (``bench/data/generalization_*.json``) are well formed: what ``bench.generalization``
scores against must be there, and every expected value must be read off its own article's sentence."""

from __future__ import annotations

import pytest

import config
from bench.generalization import load_events

DATA = config.REPO_ROOT / "bench" / "data"
DEV = ("events", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "holdout", "holdout2", "holdout3", "holdout4")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")


@pytest.mark.parametrize("name", DEV)
def test_generalization_events_are_well_formed(name):
    events = load_events(DATA / f"generalization_{name}.json")
    assert events and len({e["id"] for e in events}) == len(events)
    assert {e["label"] for e in events} <= {"conflict", "update", "none"}
    for e in events:
        assert e["question"]["ar"] and e["question"]["en"] and len(set(e["docnos"])) >= 2, e["id"]
        for v in e["values"]:
            assert v["docno"] in e["docnos"] and v["outlet"] and isinstance(v["number"], (int, float)), e["id"]
            sentence = v["sentence"].translate(_DIGITS)
            assert v["value"] in v["sentence"] or f"{v['number']:g}" in sentence.replace(",", ""), (e["id"], v["value"])
