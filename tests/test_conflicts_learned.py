"""The learned second opinion on whether two claims state one fact (``bot.conflicts._learned_same_claim``, fitted by
``python -m bench.pairmodel --train`` on the dev sets' gold pairs), asked only where the rules' named tests leave a
pair undecided (``bot.conflicts.rules_verdict``). Made-up sentences."""

from __future__ import annotations

import datetime as dt

import pytest

import bot.conflicts as cf
from bot.claims import Evidence, extract_all

DAY = dt.date(2031, 3, 3)
#: One attack's toll, worded apart by two outlets a day apart: "مقتل 28 شخصا على الأقل" / "خلفا 25 قتيلا".
FIRST = "أفادت السلطات أن الهدوء عاد إلى العاصمة غداة هجوم دام أسفر عن مقتل 28 شخصا على الأقل استهدف مقر قيادة الجيش."
SECOND = "دعا رئيس البلاد اليوم السبت المواطنين إلى التعاون مع القوات المسلحة بعد يوم من هجومين استهدفا مقر الجيش والسفارة، وخلفا 25 قتيلا."


def _relations(first: str, second: str, days: int = 0) -> set[str]:
    evidence = [Evidence(1, "d1", first, "Outlet A", DAY), Evidence(2, "d2", second, "Outlet B", DAY + dt.timedelta(days))]
    return {c.relation for c in cf.find_conflicts(extract_all(evidence))[0]}


def test_the_shipped_model_was_fitted_on_the_pair_features_it_is_given() -> None:
    model = cf._pair_model()
    assert model is not None and model.features == cf.PAIR_FEATURES and model.threshold is not None


def test_two_outlets_tolls_the_rules_thresholds_leave_apart_are_one_fact_for_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _relations(FIRST, SECOND, days=1) == {"conflict"}  # a lower count the next day than the other's floor
    assert _relations(FIRST, SECOND.replace("25", "31"), days=1) == {"update"}  # a higher one: the toll rising
    monkeypatch.setattr(cf, "_learned_same_claim", lambda a, b, model: False)
    assert _relations(FIRST, SECOND, days=1) == set()  # the rules alone: their frames share no cue


def test_pair_features_are_the_named_features_in_order() -> None:
    claims = [c for c in extract_all([Evidence(1, "d1", FIRST, "A", DAY), Evidence(2, "d2", SECOND, "B", DAY)]) if c.slot == "number"]
    features = cf.pair_features(claims[0], claims[-1])
    assert tuple(features) == cf.PAIR_FEATURES
    assert features["is_date"] == 0.0 and features["days_apart"] == 0.0


def test_the_model_never_joins_what_a_named_test_keeps_apart(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cf, "_learned_same_claim", lambda a, b, model: True)  # a model that would join anything
    killed = "قالت الشرطة إن 12 شخصا قتلوا في انفجار سيارة مفخخة وسط المدينة."
    injured = "وأضافت المصادر أن 30 شخصا أصيبوا بجروح في انفجار سيارة مفخخة وسط المدينة."
    assert _relations(killed, injured) == set()  # the killed and the injured: another deed, whatever the model says
    claims = [c for c in extract_all([Evidence(1, "d1", killed, "A", DAY), Evidence(2, "d2", injured, "B", DAY)]) if c.slot == "number"]
    assert cf.rules_verdict(claims[0], claims[-1]) is False


def test_the_model_decides_only_where_a_frame_threshold_fell_short() -> None:
    claims = [c for c in extract_all([Evidence(1, "d1", FIRST, "A", DAY), Evidence(2, "d2", SECOND, "B", DAY)]) if c.slot == "number"]
    assert cf.rules_verdict(claims[0], claims[-1]) is None
    assert cf._same_claim(claims[0], claims[-1]) == cf._learned_same_claim(claims[0], claims[-1], cf._pair_model())


#: Two outlets' counts of one named noun, the same day, in unlike clauses: the rules leave the pair to the model,
#: which scores it under its dev threshold (~0.75).
SCHOOLS = "وأعلنت الوزارة أن البرنامج سيمول بناء 320 مدرسة جديدة في المحافظات الجنوبية."
SCHOOLS_RIVAL = "وقال الوزير في مؤتمر صحفي إن الخطة تشمل 350 مدرسة و40 مستشفى."


def _counts(first: str, second: str, days: int = 0) -> list:
    evidence = [Evidence(1, "d1", first, "Outlet A", DAY), Evidence(2, "d2", second, "Outlet B", DAY + dt.timedelta(days))]
    return [c for c in extract_all(evidence) if c.slot == "number"]


def test_two_outlets_counts_of_one_named_noun_meet_at_the_lower_bar(monkeypatch: pytest.MonkeyPatch) -> None:
    claims = _counts(SCHOOLS, SCHOOLS_RIVAL)
    schools, rival = (c for c in claims if c.unit == claims[0].unit)  # not the hospitals
    assert cf.rules_verdict(schools, rival) is None and cf._one_named_noun(schools, rival)
    assert _relations(SCHOOLS, SCHOOLS_RIVAL) == {"conflict"}
    monkeypatch.setattr(cf, "SAME_CLAIM_ONE_NOUN", 1.0)  # the model's own threshold alone: the pair stays apart
    assert _relations(SCHOOLS, SCHOOLS_RIVAL) == set()


def test_a_noun_anyone_is_counted_by_or_days_apart_is_no_named_noun() -> None:
    hurt, carried = _counts("وأفادت الشرطة بأن 40 شخصا أصيبوا في الحادث.", "وقال مسعفون إن 55 شخصا نقلوا إلى المستشفى.")
    assert not cf._one_named_noun(hurt, carried)  # "شخص" counts the injured and the carried alike
    claims = _counts(SCHOOLS, SCHOOLS_RIVAL, days=5)
    schools, later = (c for c in claims if c.unit == claims[0].unit)
    assert not cf._one_named_noun(schools, later)  # days on, a higher count may be the plan grown
