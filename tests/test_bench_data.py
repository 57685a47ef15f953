"""The dev sets are well formed: what ``bench.generalization`` and ``bench.seed_unseen`` score against must be there,
and every expected value must be read off its own article (a gold that is not in the text scores nothing)."""

from __future__ import annotations

import json
import re

import pytest

import config
from bench.generalization import load_events
from language.normalize import normalize_arabic

DATA = config.REPO_ROOT / "bench" / "data"
DEV = (
    "events",
    "dev2",
    "dev3",
    "dev4",
    "dev5",
    "dev6",
    "dev7",
    "dev8",
    "dev9",
    "dev10",
    "dev11",
    "dev12",
    "dev13",
    "holdout",
    "holdout2",
    "holdout3",
    "holdout4",
)
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")
SEED = (
    "seed_unseen",
    "seed_unseen_holdout",
    "seed_unseen_holdout2",
    "seed_unseen_holdout3",
    "seed_fresh_dev",
    "seed_fresh_dev2",
    "seed_fresh_dev3",
    "seed_fresh_dev4",
    "seed_fresh_dev5",
    "seed_fresh_dev6",
    "seed_fresh_dev7",
    "seed_fresh_dev8",
    "seed_unseen_holdout7",
)
_SAMPLES = {p.stem: p.read_text(encoding="utf-8") for p in (config.REPO_ROOT / "data" / "samples").glob("*.txt")}
_ARABIC = re.compile(r"[\u0600-\u06ff]")


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


def _fold(text: str) -> str:
    return normalize_arabic(text).lower()


@pytest.mark.parametrize("name", SEED)
def test_seed_questions_are_well_formed(name):
    """Each item asks in both languages; an answerable one's quote is verbatim in a listed sample article and one of
    its value forms (Arabic or digits) is there once folded; an unanswerable one carries no gold."""
    items = json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))["items"]
    assert items and len({i["id"] for i in items}) == len(items)
    for item in items:
        assert _ARABIC.search(item["ar"]) and item["en"].strip() and not _ARABIC.search(item["en"]), item["id"]
        if item.get("expect") == "abstain":
            assert not (item["docs"] or item["value_any"] or item["quote_any"]), item["id"]
            continue
        texts = [_SAMPLES[doc] for doc in item["docs"]]
        assert all(any(q in text for q in item["quote_any"]) for text in texts), (item["id"], "quote")
        forms = [v for v in item["value_any"] if _ARABIC.search(v) or v[:1].isdigit()]
        assert not forms or any(_fold(v) in _fold(text) for v in forms for text in texts), (item["id"], "value")
