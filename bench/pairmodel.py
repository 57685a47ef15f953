"""Does a learned same-claim decision transfer to unseen files better than ``bot.conflicts``' rules?

The rules were fitted on the dev files and find far fewer conflicts on held-out ones. This bench builds claim
pairs from each dev event's gold sentences (read as ``bench.pairs`` reads them): a pair is *positive* when both
claims hold gold values of the event (two outlets stating one fact, whether their values agree or not), negative
for every other cross-sentence pair of number or date claims of the event (gold pairs in two currencies or units,
one fact that can never be compared, are left out). Each pair gets general features from the helpers the rules
use (``bot.conflicts.pair_features``); a logistic regression is scored by leave-one-file-out cross-validation
(train on every dev file but one, test on it): the honest estimate of transfer. Two ways to use it are compared
with the rules on the same pairs: the model alone, and *gated*, as shipped (``bot.conflicts._same_claim``: the
rules' named tests decide where they can, the model only where a frame threshold fell short). Reported: pair
precision / recall of "same claim" and, per event, whether a conflict would be flagged (a pair judged one claim
whose values are incompatible, from two sources, reported within ``CONFLICT_DAYS`` for counts), pairwise and
end to end (``bench.pairs.found_relation`` with each fold's judge).

    python -m bench.pairmodel [--out F] [--variants ...] [--apply F ...] [--train]

Reads only ``bench.pairs.dev_files()`` unless ``--apply`` names files. ``--train`` writes the shipped model,
bot/models/sameclaim.json. Writes bench/results/pairmodel.json.
"""

from __future__ import annotations

import config  # noqa: F401, I001  (offline env before any model library is imported)

import argparse
import json
import math
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

import numpy as np
from rich.console import Console
from rich.table import Table

from bench.metrics import write_results
from bench.pairs import _day, dev_files
from bot import conflicts as cf
from bot.claims import Claim, Evidence, extract_all
from bot.ranker import Ranker

RESULTS = Path(__file__).resolve().parent / "results" / "pairmodel.json"
#: Share of a training fold's control events a model threshold may flag (chosen inside each fold).
CONTROL_BUDGET = 0.05


@dataclass
class Pair:
    """Two claims of one event from different sentences, whether gold says they state one fact, and features."""

    a: Claim
    b: Claim
    same: bool
    verdict: bool | None  # ``bot.conflicts.rules_verdict``: None where only a frame threshold said no
    clash: bool  # could be a conflict if judged one claim: incompatible values, two sources, close enough in time
    features: dict[str, float] = field(default_factory=dict)

    @property
    def rules(self) -> bool:
        return self.verdict is True


@dataclass
class EventPairs:
    file: str
    id: str
    label: str
    pairs: list[Pair]


def _squash(text: str) -> str:
    return "".join(text.split())


def _holds(c: Claim, value: dict) -> int:
    """How well a claim holds a gold value: 2 when its words overlap the value's, plus 1 when its interval holds
    the value's number (a value's words may span two figures: "بـ59 مقابل 42 صوتا" is 59)."""
    text, words = _squash(value.get("value") or ""), _squash(c.value)
    score = 2 * bool(text and words and (words in text or text in words))
    n = value.get("number")
    if c.slot == "number" and isinstance(n, (int, float)) and c.low is not None:
        high = c.low if c.high is None else c.high
        score += int(n in (c.about, c.floor_figure) or c.low <= n <= high)
    return score


def event_claims(event: dict) -> tuple[list[Claim], set[int]]:
    """The event's number and date claims (extracted as ``bench.pairs.found_relation`` does) and the indices of
    those holding a gold value: per value, the best-holding claims of its sentence (one per voice)."""
    sentences = {(v["docno"], v["sentence"]): v for v in event["values"]}
    evidence = [Evidence(n, d, t, v.get("outlet"), _day(v.get("published"))) for n, ((d, t), v) in enumerate(sentences.items(), 1)]
    number_of = {key: n for n, key in enumerate(sentences, 1)}
    claims = [c for c in extract_all(evidence) if c.slot in ("number", "date")]
    gold: set[int] = set()
    for v in event["values"]:
        n = number_of[(v["docno"], v["sentence"])]
        scored = [(_holds(c, v), i) for i, c in enumerate(claims) if c.evidence_n == n]
        best = max((s for s, _ in scored), default=0)
        gold |= {i for s, i in scored if s == best and best > 0}
    return claims, gold


def _clash(a: Claim, b: Claim) -> bool:
    """Would these two, judged one claim, be a conflict pair? Values incompatible (the existing logic), two
    sources, and for counts reported within ``CONFLICT_DAYS`` (a resolved date says one thing whenever told)."""
    if a.origin == b.origin:
        return False
    if a.slot == "date":
        return not cf._compatible_dates(a, b)
    close = a.anchor is None or b.anchor is None or abs((a.anchor - b.anchor).days) <= cf.CONFLICT_DAYS
    return close and not cf._compatible_numbers(a, b)


def event_pairs(event: dict, file: str = "") -> EventPairs:
    """Every cross-sentence pair of same-slot claims of an event (dates with dates, counts with counts: the
    rules never join the two), later claim first as ``find_conflicts``' grouping asks."""
    claims, gold = event_claims(event)
    cf._embed_frames(c.frame for c in claims)
    pairs = []
    for j, b in enumerate(claims):
        for i in range(j):
            a = claims[i]
            if a.evidence_n == b.evidence_n or a.slot != b.slot:
                continue
            later, earlier = (a, b) if a.evidence_n > b.evidence_n else (b, a)
            if i in gold and j in gold and a.slot == "number" and cf._incomparable(a, b):
                continue  # one fact in two currencies or units: neither a rival report nor another fact
            pairs.append(
                Pair(
                    later,
                    earlier,
                    i in gold and j in gold,
                    cf.rules_verdict(later, earlier),
                    _clash(later, earlier),
                    cf.pair_features(later, earlier),
                )
            )
    return EventPairs(file, event["id"], event["label"], pairs)


def build(files: list[Path]) -> list[EventPairs]:
    """Pairs of every dev event with values from more than one outlet (the events ``bench.pairs`` scores)."""
    out = []
    for path in files:
        for event in json.loads(path.read_text(encoding="utf-8"))["events"]:
            if len({v.get("outlet") for v in event.get("values", ())}) > 1:
                out.append(event_pairs(event, path.name))
    return out


#: Feature sets compared. "all": every feature; "value_blind": without the figures' log ratio, which partly says
#: whether the values agree (gold pairs of "none" events agree: it may teach "equal figures are one claim" and push
#: down the disagreeing pairs a conflict needs); "clash_only": all, trained only on the pairs whose
#: values clash (``Pair.clash``), the only pairs whose verdict can flag a conflict.
#: "lean": only what a claim's extraction and the encoder give (frame cosine, units, kinds, figures, days, the
#: extraction's flags), none of the rules' hand-written pair tests: how much do those tests carry?
VARIANTS = {"all": (), "value_blind": ("log_ratio",), "clash_only": (), "lean": ()}
_PAIR_TESTS = (
    "periods_match",
    "total_of",
    "other_nouns",
    "other_deeds",
    "other_measures",
    "other_things_measured",
    "other_names",
    "other_countries",
    "incomparable",
    "orders_apart",
    "other_predicates",
    "other_spans_of_time",
    "shared_cue",
    "close_rivals",
    "shared_noun",
    "one_span",
    "one_group",
)


def _names(events: list[EventPairs], variant: str) -> list[str]:
    dropped = _PAIR_TESTS if variant == "lean" else VARIANTS[variant]
    return [n for n in next(p.features for e in events for p in e.pairs) if n not in dropped]


def _matrix(events: list[EventPairs], names: list[str]) -> tuple[np.ndarray, np.ndarray]:
    rows = [[p.features[n] for n in names] for e in events for p in e.pairs]
    return np.asarray(rows, dtype=float).reshape(-1, len(names)), np.asarray([p.same for e in events for p in e.pairs], dtype=int)


def _fit(events: list[EventPairs], names: list[str], only_clash: bool = False) -> Ranker:
    """A logistic regression over ``names`` (in the one saved-model format), fitted on every pair or only on those
    whose values clash. Gated, it is fitted on every pair all the same: on the pairs the rules leave undecided alone
    it learns the rules' blind spots back to front (there, unlike units "say" one claim: the alike ones were joined)."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    x, y = _matrix(events, names)
    pairs = [p for e in events for p in e.pairs]
    keep = np.asarray([p.clash or not only_clash for p in pairs], dtype=bool)
    scaler = StandardScaler().fit(x[keep])
    logit = LogisticRegression(C=1.0, max_iter=5000, class_weight="balanced").fit(scaler.transform(x[keep]), y[keep])
    return Ranker(tuple(names), scaler.mean_, scaler.scale_, logit.coef_[0], float(logit.intercept_[0]), None, {})


def _probs(events: list[EventPairs], model: Ranker) -> list[np.ndarray]:
    return _split(events, model.probability(_matrix(events, list(model.features))[0]))


def _gated(events: list[EventPairs], probs: list[np.ndarray]) -> list[np.ndarray]:
    """What ``bot.conflicts._same_claim`` sees: the rules' verdict where they give one, the model's probability where not."""
    return [np.asarray([q if pair.verdict is None else float(pair.verdict) for q, pair in zip(p, e.pairs)]) for e, p in zip(events, probs)]


def _rules_share(events: list[EventPairs]) -> float:
    """Share of the control events the rules alone flag."""
    controls = [e for e in events if e.label == "none"]
    return sum(any(p.rules and p.clash for p in e.pairs) for e in controls) / max(1, len(controls))


def _fit_both(events: list[EventPairs], names: list[str], clash_only: bool, budget: float) -> tuple[Ranker, Ranker]:
    """One fit, two thresholds: the model alone (``budget`` of the controls) and gated as shipped (no more controls
    than the rules alone flag: at 1 or 2 points more, leave-one-file-out found one more conflict, and the model joined
    made-up counts of others, "8 still in hospital" to a toll, that the unit tests keep apart)."""
    model = _fit(events, names, clash_only)
    probs = _probs(events, model)
    alone = replace(model, threshold=_threshold(events, _event_scores(events, probs), budget))
    gated = _threshold(events, _event_scores(events, _gated(events, probs)), _rules_share(events))
    return alone, replace(model, threshold=max(gated, 1e-9))


def _split(events: list[EventPairs], flat: np.ndarray) -> list[np.ndarray]:
    """A flat per-pair array cut back into one array per event."""
    cuts = np.cumsum([len(e.pairs) for e in events])[:-1]
    return np.split(flat, cuts)


def _event_scores(events: list[EventPairs], probs: list[np.ndarray]) -> list[float]:
    """Per event, the highest same-claim probability among its clash pairs (-inf when none could clash): the
    event is flagged a conflict at any threshold at or below it."""
    return [max((float(q) for q, pair in zip(p, e.pairs) if pair.clash), default=-math.inf) for e, p in zip(events, probs)]


def _threshold(events: list[EventPairs], scores: list[float], allowed_share: float) -> float:
    """The lowest threshold flagging at most ``allowed_share`` of the (training) controls."""
    controls = sorted((s for e, s in zip(events, scores) if e.label == "none"), reverse=True)
    allowed = int(allowed_share * len(controls) + 1e-9)
    if allowed >= len(controls) or controls[allowed] == -math.inf:
        return 0.0
    return float(np.nextafter(controls[allowed], np.inf))


def _pr(pred: list[bool], gold: list[bool]) -> dict:
    tp = sum(p and g for p, g in zip(pred, gold))
    return {
        "tp": tp,
        "predicted": sum(pred),
        "gold": sum(gold),
        "precision": round(tp / sum(pred), 3) if sum(pred) else None,
        "recall": round(tp / sum(gold), 3) if sum(gold) else None,
    }


def _flags(events: list[EventPairs], judged: list[list[bool]]) -> dict:
    """Events flagged a conflict by pair judgements, by label: [found, total]."""
    counts = {}
    for label in ("conflict", "update", "none"):
        mine = [(e, j) for e, j in zip(events, judged) if e.label == label]
        counts[label] = [sum(any(s and p.clash for s, p in zip(j, e.pairs)) for e, j in mine), len(mine)]
    return counts


def _score(events: list[EventPairs], judged: list[list[bool]]) -> dict:
    gold = [p.same for e in events for p in e.pairs]
    return {**_pr([x for j in judged for x in j], gold), "flagged": _flags(events, judged)}


def _lofo(events: list[EventPairs], files: list[str], variant: str, budget: float) -> dict:
    """Leave-one-file-out: per held-out file, both models (``_fit_both``) fitted and thresholded on the other files.
    Returns per-file judgements ("model": alone; "gated": as shipped) and the alone model's out-of-fold probabilities."""
    names = _names(events, variant)
    per_file, oof = {}, {}
    for name in files:
        test = [e for e in events if e.file == name]
        train = [e for e in events if e.file != name]
        if not any(e.pairs for e in test):
            continue
        alone, gated = _fit_both(train, names, variant == "clash_only", budget)
        probs = _probs(test, alone)
        per_file[name] = {
            "threshold": round(alone.threshold, 4),
            "gated_threshold": round(gated.threshold, 4),
            "model": [[bool(q >= alone.threshold) for q in p] for p in probs],
            "gated": [[bool(q >= gated.threshold) for q in p] for p in _gated(test, _probs(test, gated))],
            "fitted": (alone, gated),
        }
        oof.update({id(e): p for e, p in zip(test, probs)})
    return {"per_file": per_file, "oof": oof, "names": names}


def _ranking(events: list[EventPairs], oof: dict) -> dict:
    """Threshold-free view of the pooled out-of-fold probabilities: pair ROC AUC / average precision, and the
    conflict events found when flagging as many controls as the rules do (pooled, so a post-hoc threshold)."""
    from sklearn.metrics import average_precision_score, roc_auc_score

    kept = [e for e in events if id(e) in oof]
    y = [p.same for e in kept for p in e.pairs]
    flat = np.concatenate([oof[id(e)] for e in kept])
    scores = _event_scores(kept, [oof[id(e)] for e in kept])
    rules_controls = sum(any(p.rules and p.clash for p in e.pairs) for e in kept if e.label == "none")
    n_controls = sum(e.label == "none" for e in kept)
    t = _threshold(kept, scores, rules_controls / n_controls + 1e-9)
    flagged = {lab: sum(s >= t for e, s in zip(kept, scores) if e.label == lab) for lab in ("conflict", "none")}
    clash = np.asarray([p.clash for e in kept for p in e.pairs], dtype=bool)
    return {
        "clash_pair_roc_auc": round(float(roc_auc_score(np.asarray(y)[clash], flat[clash])), 3),
        "pair_roc_auc": round(float(roc_auc_score(y, flat)), 3),
        "pair_average_precision": round(float(average_precision_score(y, flat)), 3),
        "at_rules_control_count": {"threshold": round(t, 4), "conflicts": flagged["conflict"], "controls": flagged["none"]},
    }


def _rules(a: Claim, b: Claim) -> bool:
    """``_same_claim`` without the model: a pair the rules leave undecided stays apart."""
    return bool(cf.rules_verdict(a, b))


def _alone(model: Ranker):
    """A drop-in for ``_same_claim`` with the model alone deciding the pairs it was fitted on (``model_judges``) and
    the rules everything else (one sentence's voices, actors, a date against a count)."""

    def same(a: Claim, b: Claim) -> bool:
        return cf._learned_same_claim(a, b, model) if cf.model_judges(a, b) else _rules(a, b)

    return same


def _judges(alone: Ranker, gated: Ranker) -> dict:
    """``_same_claim`` stand-ins by name: the rules alone, the model alone, and gated (the shipped code)."""
    return {"rules": _rules, "model": _alone(alone), "gated": partial(cf._same_claim, model=gated)}


def _found(raw: dict[str, list[dict]], same_claim_of: dict) -> dict:
    """``bench.pairs.found_relation`` on each file's events with ``_same_claim`` replaced by the file's predicate
    (the rules where none): the whole claim logic (grouping, updates, an article telling its figures apart) run
    with learned pairs. Per file and pooled: [hits, events] of conflicts found, updates found, controls flagged."""
    from bench.pairs import found_relation

    per_file, totals = {}, {"conflict": [0, 0], "update": [0, 0], "none": [0, 0]}
    shipped = cf._same_claim
    try:
        for name, events in raw.items():
            if name not in same_claim_of:
                continue
            cf._same_claim = same_claim_of[name]
            counts = {"conflict": [0, 0], "update": [0, 0], "none": [0, 0]}
            for event in events:
                found = found_relation(event)
                hit = found != "none" if event["label"] == "none" else found == event["label"]
                for c in (counts[event["label"]], totals[event["label"]]):
                    c[0] += hit
                    c[1] += 1
            per_file[name] = counts
    finally:
        cf._same_claim = shipped
    return {"per_file": per_file, "pooled": totals}


def _end_to_end(raw: dict[str, list[dict]], cv: dict, kind: str) -> dict:
    """End to end with each held-out file judged by its fold's models (``kind``: "model" or "gated")."""
    return _found(raw, {name: _judges(*fold["fitted"])[kind] for name, fold in cv["per_file"].items()})


def _raw(files: list[Path]) -> dict[str, list[dict]]:
    """The events ``bench.pairs`` scores (values from more than one outlet), by file name."""
    return {
        p.name: [e for e in json.loads(p.read_text(encoding="utf-8"))["events"] if len({v.get("outlet") for v in e.get("values", ())}) > 1]
        for p in files
    }


def fit_on_dev(variant: str = "all", budget: float = CONTROL_BUDGET) -> tuple[Ranker, Ranker]:
    """Both models (``_fit_both``) fitted and thresholded on every dev file."""
    events = build(dev_files())
    return _fit_both(events, _names(events, variant), variant == "clash_only", budget)


def apply(test_files: list[Path], variant: str = "all", budget: float = CONTROL_BUDGET) -> dict:
    """Train on every dev file, choose the thresholds on their controls, and run end to end on ``test_files``
    (rules, model alone, gated): the one-shot check on files nobody tuned on. The caller names the files."""
    alone, gated = fit_on_dev(variant, budget)
    raw = _raw(test_files)
    out = {"variant": variant, "threshold": round(alone.threshold, 4), "gated_threshold": round(gated.threshold, 4)}
    return out | {kind: _found(raw, dict.fromkeys(raw, judge)) for kind, judge in _judges(alone, gated).items()}


def train(budget: float = CONTROL_BUDGET) -> Ranker:
    """Fit the shipped second opinion (``bot.conflicts._learned_same_claim``: the gated model) on every dev file
    and save it at ``bot.conflicts.SAME_CLAIM_PATH``."""
    _, gated = fit_on_dev("all", budget)
    assert gated.features == cf.PAIR_FEATURES, "pair_features and PAIR_FEATURES disagree"
    gated.meta = {"trained_by": "python -m bench.pairmodel --train", "files": [p.name for p in dev_files()], "control_budget": budget}
    gated.save(cf.SAME_CLAIM_PATH)
    return gated


def run(files: list[Path], variants: list[str] | None = None, budget: float = CONTROL_BUDGET) -> dict:
    events = build(files)
    names = [p.name for p in files]
    raw = _raw(files)
    rules_judged = {name: [[p.rules for p in e.pairs] for e in events if e.file == name] for name in names}
    out: dict = {
        "files": names,
        "control_budget": budget,
        "variants": {},
        "end_to_end": {"rules": _found(raw, dict.fromkeys(raw, _rules))},
    }
    gold = [p.same for e in events for p in e.pairs]
    out["rules"] = {"pairs": len(gold), **_score(events, [[p.rules for p in e.pairs] for e in events])}
    clash = [p for e in events for p in e.pairs if p.clash]
    out["rules_on_clash_pairs"] = _pr([p.rules for p in clash], [p.same for p in clash])
    out["gold_pairs_flag"] = _flags(events, [[p.same for p in e.pairs] for e in events])  # the ceiling: same claim known
    out["rules_per_file"] = {n: _score([e for e in events if e.file == n], j) for n, j in rules_judged.items() if j}
    for variant in variants or VARIANTS:
        cv = _lofo(events, names, variant, budget)
        result: dict = {"per_file": {}, "pooled": {}}
        for kind in ("model", "gated"):
            pooled_events, pooled = [], []
            for name, fold in cv["per_file"].items():
                test = [e for e in events if e.file == name]
                result["per_file"].setdefault(name, {"threshold": fold["threshold"], "gated_threshold": fold["gated_threshold"]})
                result["per_file"][name][kind] = _score(test, fold[kind])
                pooled_events += test
                pooled += fold[kind]
            result["pooled"][kind] = _score(pooled_events, pooled)
        result["ranking"] = _ranking(events, cv["oof"])
        out["end_to_end"][variant] = _end_to_end(raw, cv, "model")
        out["end_to_end"][f"gated {variant}"] = _end_to_end(raw, cv, "gated")
        full = _fit(events, cv["names"], variant == "clash_only")
        weights = dict(zip(cv["names"], full.coef.round(3).tolist()))
        result["weights_standardized"] = dict(sorted(weights.items(), key=lambda kv: -abs(kv[1])))
        out["variants"][variant] = result
    return out


def _cell(s: dict) -> str:
    p = "-" if s["precision"] is None else f"{s['precision']:.2f}"
    r = "-" if s["recall"] is None else f"{s['recall']:.2f}"
    return f"{p}/{r}"


def _short(name: str) -> str:
    return name.removeprefix("generalization_").removesuffix(".json")


def show(results: dict) -> None:
    console = Console(width=200)
    variants = results["variants"]
    first = next(iter(variants.values()))
    rows = [(n, results["rules_per_file"][n], {v: r["per_file"][n] for v, r in variants.items()}) for n in first["per_file"]]
    rows.append(("pooled", results["rules"], {v: r["pooled"] for v, r in variants.items()}))
    pairs = Table(title="same-claim pairs, leave-one-file-out: precision/recall (threshold chosen in each training fold)")
    events = Table(
        title=f"events flagged a conflict: conflict events found | controls flagged (≤{results['control_budget']:.0%} training controls)"
    )
    for table in (pairs, events):
        table.add_column("file")
        table.add_column("rules", justify="right")
        for v in variants:
            table.add_column(v, justify="right")
            table.add_column(f"gated {v}", justify="right")
    for name, rules, by in rows:
        pairs.add_row(_short(name), _cell(rules), *(_cell(by[v][k]) for v in variants for k in ("model", "gated")))
        events.add_row(
            _short(name),
            *(
                f"{s['flagged']['conflict'][0]}/{s['flagged']['conflict'][1]} | {s['flagged']['none'][0]}/{s['flagged']['none'][1]}"
                for s in [rules, *(by[v][k] for v in variants for k in ("model", "gated"))]
            ),
        )
    console.print(pairs)
    console.print(events)
    e2e = Table(title="end to end: bench.pairs with _same_claim replaced by each fold's model (leave-one-file-out)")
    for col in ("same claim by", "conflicts found", "updates found", "controls flagged", "conflicts per file"):
        e2e.add_column(col, justify="left" if col == "same claim by" else "right")
    for key, r in results["end_to_end"].items():
        pooled = r["pooled"]
        e2e.add_row(
            key,
            *(f"{pooled[k][0]}/{pooled[k][1]}" for k in ("conflict", "update", "none")),
            " ".join(str(c["conflict"][0]) for c in r["per_file"].values()),
        )
    console.print(e2e)
    console.print(
        f"rules on clash pairs: {_cell(results['rules_on_clash_pairs'])}; gold same-claim pairs flag {results['gold_pairs_flag']}"
    )
    for v, r in variants.items():
        rank, top = r["ranking"], list(r["weights_standardized"].items())[:10]
        at = rank["at_rules_control_count"]
        console.print(
            f"[b]{v}[/b]: pair AUC {rank['pair_roc_auc']} (clash pairs {rank['clash_pair_roc_auc']}), AP {rank['pair_average_precision']}; at the rules' control count "
            f"(pooled, post hoc) {at['conflicts']} conflicts / {at['controls']} controls; top weights: "
            + ", ".join(f"{k} {w:+.2f}" for k, w in top)
        )


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(prog="python -m bench.pairmodel", description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--budget", type=float, default=CONTROL_BUDGET, help="Share of training controls a threshold may flag.")
    parser.add_argument("--variants", nargs="*", choices=list(VARIANTS), help="Feature sets (default: all of them).")
    parser.add_argument(
        "--apply", type=Path, nargs="*", help="Instead of cross-validating: train on all dev files, run end to end on these."
    )
    parser.add_argument("--train", action="store_true", help="Fit on every dev file and write bot/models/sameclaim.json.")
    args = parser.parse_args(argv)
    if args.train:
        model = train(args.budget)
        Console().print(f"wrote {cf.SAME_CLAIM_PATH} (threshold {model.threshold:.4f})")
        return {"threshold": model.threshold}
    if args.apply:
        results = {"files": [p.name for p in args.apply], **apply(args.apply, (args.variants or ["all"])[0], args.budget)}
        write_results(results, args.out.with_name("pairmodel_apply.json"))
        Console().print_json(data={k: v["pooled"] if isinstance(v, dict) else v for k, v in results.items()})
        return results
    results = run(dev_files(), args.variants, args.budget)
    write_results(results, args.out)
    show(results)
    return results


if __name__ == "__main__":
    main()
