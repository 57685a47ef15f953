"""bench.pairmodel builds same-claim pairs from an event's gold sentences: the two outlets' values make a positive."""

import json

from bench.pairmodel import event_pairs
from bench.pairs import dev_files


def test_a_small_dev_events_gold_values_make_a_positive_pair():
    path = next(p for p in dev_files() if p.name == "generalization_dev2.json")
    event = next(e for e in json.loads(path.read_text(encoding="utf-8"))["events"] if e["id"] == "aseman_crash_minutes_after_takeoff")
    pairs = event_pairs(event, path.name).pairs
    positives = [p for p in pairs if p.same]
    assert positives and all(p.a.evidence_n != p.b.evidence_n for p in pairs)
    assert any("45" in p.a.value + p.b.value and "50" in p.a.value + p.b.value for p in positives)  # 45 / 50 minutes
    assert any(not p.same for p in pairs)  # the 66 / 65 on board are other facts
    assert "frame_similarity" in positives[0].features
