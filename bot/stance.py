"""Does sentence B agree with, contradict, or not bear on sentence A?

Why a small feature model and not an LLM or a fine-tuned BERT: Isnad runs
offline on a laptop CPU, and contradiction in news mostly lives in a few *slots*
(a number, a day, a place, a negation, a verb flipped to its opposite). So the
classifier sees

* multilingual-e5-small embedding features (``|u-v|``, ``u*v``, cosine) of the
  two sentences, for "same event or not" across paraphrase and languages,
* the same features for the words each sentence has that the other lacks (the
  words that changed are where a contradiction hides: "ارتفاع" vs "انخفاض"),
* explicit slot checks over Arabic-normalised text: numbers, weekdays/months,
  a named day against a stretch of days ("مساء الثلاثاء" / "منذ أيام"),
  negation words and an antonym lexicon (an antonym counts only beside words
  the other sentence shares: not in a page banner), whose hits also become
  the human-readable ``reasons``,
* lexical overlap of stems.

e5 rather than the retrieval default USE: on the ANS dev split it lifts
macro-F1 from 0.72 to 0.81 with the same classifier.

The weights are a plain logistic regression trained on the ANS stance corpus
(Khouja 2020, train split only; C tuned on dev) and shipped as
``bot/models/stance.npz`` (29 KB of arrays, no pickle). Rebuild it with
``python -m bot.stance train`` (about 3 minutes on 2 cores). A slot clash
overrides a model "agree"; a restatement with every stem of the other and no
slot clash is "agree"; few shared words but the same persons and places with
clashing dates is "contradict" (see ``compare_many``). ANS dev macro-F1 with
feature version 2: 0.835 (3-class), as before the slot changes.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from bot.entities import country_of, find_entities
from bot.schema import Comparison, Relation
from language.calendar import MONTHS, WEEKDAYS, WEEKDAYS_EN, resolve_times
from vectorstore.embeddings import load_embeddings
from language.normalize import bm25_tokens, detect_language, normalize_arabic

MODEL_PATH = Path(__file__).resolve().parent / "models" / "stance.npz"
#: Bump when the features change: a model trained on other features is refused.
FEATURE_VERSION = 2
EMBED_DIM = 384
#: ANS labels -> Isnad relations.
LABELS: dict[str, Relation] = {"agree": "agree", "disagree": "contradict", "other": "unrelated"}
CLASSES: tuple[Relation, ...] = ("agree", "contradict", "unrelated")

# ---------------------------------------------------------------- lexicons
# All entries are written already normalised (ا for أ/إ/آ, ه for ة, ي for ى).

#: Verbs of denial: the clause they introduce ("نفى أن يكون ...") is the denied claim.
DENIALS = frozenset("نفي نفت ينفي تنفي ينفون نفوا deny denies denied".split())
#: "Without": negates only the noun that follows ("دون توضيح" negates the explaining, not the event).
PRIVATIVES = frozenset("دون بدون without".split())
NEGATIONS = frozenset("لا لم لن ليس ليست لسنا غير عدم not no never".split()) | DENIALS | PRIVATIVES
#: Additive particles: "Russia signed too" adds a party to those the sources name; another party doing it is no clash.
ADDITIVES = frozenset("ايضا كذلك بدوره بدورها too also".split())

#: Pairs of opposite poles; each pole lists the surface forms news headlines use.
ANTONYMS: tuple[tuple[str, str], ...] = (
    (
        "ارتفاع ارتفع ارتفعت يرتفع ترتفع صعود صعد صعدت يصعد تصعد قفز قفزت يقفز تقفز زياده زاد زادت يزيد تزيد مكاسب يكسب"
        " rise rises rose increase increased up gain gains",
        "انخفاض انخفض انخفضت ينخفض تنخفض هبوط هبط هبطت يهبط تهبط تراجع تراجعت يتراجع تتراجع نقص ينقص تدهور يتدهور تتدهور"
        " انهيار انهار ينهار تنهار خسائر fall falls fell decrease decreased down drop drops dropped",
    ),
    ("اعلي اكثر اكبر اقصي highest higher more", "ادني اقل اصغر lowest lower less"),
    (
        "استمرار يستمر تستمر استمر مواصله يواصل تواصل continue continues continued",
        "توقف يتوقف تتوقف توقفت وقف يوقف ايقاف تعليق يعلق تعلق stop stops stopped halt suspend suspended",
    ),
    (
        "تاجيل يؤجل تؤجل اجل ارجاء postpone postponed delay delayed",
        "يباشر يباشرون تباشر بدء يبدا تبدا بدات انطلاق تنطلق انطلقت start started begin began",
    ),
    ("فوز فاز يفوز تفوز انتصار ينتصر win wins won victory", "خساره خسر يخسر تخسر هزيمه هزم يهزم lose loses lost defeat"),
    ("قتل مقتل قتلي مصرع killed kill dead", "نجاه نجا ينجو نجت survive survived survives"),
    (
        "رفض يرفض ترفض رفضت رفضه reject rejects rejected refuse refused",
        "قبول يقبل تقبل قبلت وافق يوافق توافق وافقت موافقه تاييد يؤيد تؤيد ايد accept accepts accepted approve approved agree agreed",
    ),
    ("اتهام يتهم تتهم اتهم اتهمت ادانه يدين تدين مدان accuse accused convicted guilty", "براءه تبرئه يبرئ برئ acquit acquitted innocent"),
    ("فتح يفتح تفتح افتتاح افتتح open opens opened", "اغلاق يغلق تغلق اغلق اغلقت close closes closed shut"),
    ("افراج الافراج اطلاق يطلق سراح release released freed", "اعتقال اعتقل يعتقل تعتقل احتجاز يحتجز القبض arrest arrested detained"),
    ("رفع يرفع ترفع lift lifts lifted", "فرض يفرض تفرض impose imposes imposed"),
    ("هدوء هادئ تهدئه calm", "مواجهات اشتباكات اشتباك معارك تصعيد clashes fighting"),
    ("سلام peace", "حرب war"),
    ("دعم يدعم تدعم مؤيد support supports supported", "معارضه يعارض تعارض معارض oppose opposes opposed"),
    (
        "اشاد يشيد تشيد اشاده مدح يمدح praise praised",
        "انتقد ينتقد تنتقد انتقاد انتقادات هاجم يهاجم criticise criticised criticize criticized",
    ),
    ("اكد يؤكد تؤكد تاكيد confirm confirms confirmed", "نفي نفت ينفي تنفي deny denies denied"),
    ("نجاح نجح ينجح تنجح success succeeded", "فشل يفشل تفشل فشلت failure failed fails"),
    ("سماح يسمح تسمح سمح سمحت allow allows allowed", "منع يمنع تمنع حظر يحظر تحظر ban bans banned forbid"),
    ("انسحاب ينسحب تنسحب انسحب سحب يسحب withdraw withdrew withdrawal", "بقاء يبقي تبقي ابقاء stay stays remain keep"),
    ("توقيع يوقع توقع وقع وقعت sign signs signed", "الغاء يلغي تلغي الغي cancel cancels cancelled"),
    ("كبير كبيره ضخم large big huge", "صغير صغيره small little"),
    ("عوده يعود تعود عاد return returns returned", "مغادره يغادر تغادر غادر leave leaves left"),
    ("مستقر مستقره استقرار stable", "متدهور متدهوره اضطراب unstable"),
)


_WORD = re.compile(r"\w+", re.UNICODE)
#: Words either side of an antonym that must include one the other sentence shares.
_ANTONYM_REACH = 3
#: Share of the shorter sentence's stems found in the other at which, with no slot clash, one restates the
#: other: every stem (a corrupted headline with one word changed is below it, and may contradict).
NEAR_COPY = 1.0
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
#: Clitics glued to Arabic words: conjunction, preposition, article.
_PREFIX = re.compile(r"^(?:و|ف)?(?:ب|ل|ك)?(?:ال)?(?=\w{3})")


def _forms(token: str) -> set[str]:
    """A token, without its clitics: how lexicon entries are matched."""
    return {token, _PREFIX.sub("", token)}


@lru_cache(maxsize=1)
def _poles() -> dict[str, tuple[int, int]]:
    """Surface form -> (antonym pair index, pole 0/1)."""
    index: dict[str, tuple[int, int]] = {}
    for i, pair in enumerate(ANTONYMS):
        for pole, words in enumerate(pair):
            for word in words.split():
                index.setdefault(word, (i, pole))
    return index


# ---------------------------------------------------------------- slots


@dataclass(frozen=True)
class Slots:
    """What one sentence says in the slots that contradictions hide in."""

    words: tuple[str, ...]
    stems: frozenset[str]
    numbers: frozenset[str]
    weekdays: frozenset[str]
    months: frozenset[int]
    negations: tuple[str, ...]
    poles: frozenset[tuple[int, int, str, int]]  # (antonym pair, pole, word, word position)
    day_precise: bool = False  # names a day: a weekday, a date, "yesterday"
    days_vague: bool = False  # "منذ أيام" / "for days": a stretch of days before, no day named
    entities: frozenset[str] = frozenset()  # canonical ids of the persons and places named


def _canonical_number(n: str) -> str:
    """'1,000' -> '1000', '2.50' -> '2.5', '07' -> '7': one spelling per value."""
    head, _, tail = re.sub(r",(?=\d{3}\b)", "", n).replace(",", ".").partition(".")
    head, tail = head.lstrip("0") or "0", tail.rstrip("0")
    return f"{head}.{tail}" if tail else head


def slots(text: str) -> Slots:
    norm = normalize_arabic(text)
    words = tuple(_WORD.findall(norm))
    poles = _poles()
    found_poles = set()
    negations = []
    for i, w in enumerate(words):
        forms = _forms(w)
        if forms & NEGATIONS:
            negations.append(w)
        for f in forms:
            if f in poles:
                found_poles.add((*poles[f], w, i))
                break
    numbers = frozenset(_canonical_number(n) for n in _NUMBER.findall(norm))
    weekdays = frozenset(WEEKDAYS_EN[WEEKDAYS[f]] for w in words for f in _forms(w) if f in WEEKDAYS)
    months = frozenset(MONTHS[f] for w in words for f in _forms(w) if f in MONTHS)
    times = resolve_times(text, None, detect_language(text))
    return Slots(
        words,
        frozenset(bm25_tokens(text)),
        numbers,
        weekdays,
        months,
        tuple(negations),
        frozenset(found_poles),
        day_precise=any(t.granularity == "day" for t in times),
        days_vague=any(t.granularity == "days-range" for t in times),
        entities=_story_entities(text),
    )


def _story_entities(text: str) -> frozenset[str]:
    """Persons and places as one story names them: a city or capital is also "a town of its country"
    ("دمشق" and "العاصمة السورية" both give SY and SY*), since CLDR does not say which city is the capital."""
    ids = {m.id for m in find_entities(text, frozenset({"person", "place"}))}
    towns = {c for i in ids if (c := country_of(i))}
    return frozenset(ids | towns | {f"{c}*" for c in towns})


def _anchored(s: Slots, index: int, other: Slots) -> bool:
    """Is the word at ``index`` next to words the other sentence shares? A "closed"/"urgent"
    in a page banner is not about the claim; an antonym beside the shared subject is."""
    near = s.words[max(0, index - _ANTONYM_REACH) : index] + s.words[index + 1 : index + 1 + _ANTONYM_REACH]
    return any(set(bm25_tokens(w)) & other.stems for w in near)


@dataclass(frozen=True)
class SlotDiff:
    """The slot-level differences between A and B, with their readable reasons."""

    jaccard: float
    containment: float
    numbers_a_only: int
    numbers_b_only: int
    numbers_clash: bool
    date_clash: bool
    neg_a: int
    neg_b: int
    antonyms: int
    reasons: tuple[str, ...]
    common_entities: int = 0  # persons and places both name (canonical ids)
    entity_share: float = 0.0  # common / all named: the same story told with other words

    @property
    def clashes(self) -> bool:
        """A slot says the two cannot both be true (given they tell the same story)."""
        return self.numbers_clash or self.date_clash or self.antonyms > 0 or (self.neg_a > 0) != (self.neg_b > 0)


def diff(a: Slots, b: Slots) -> SlotDiff:
    reasons: list[str] = []
    inter = len(a.stems & b.stems)
    union = len(a.stems | b.stems) or 1
    jaccard = inter / union
    containment = inter / (min(len(a.stems), len(b.stems)) or 1)
    a_only, b_only = a.numbers - b.numbers, b.numbers - a.numbers
    numbers_clash = bool(a_only and b_only)
    if numbers_clash:
        reasons.append(f"numbers differ: {', '.join(sorted(a_only))} vs {', '.join(sorted(b_only))}")
    day_clash = bool(a.weekdays and b.weekdays and not a.weekdays & b.weekdays)
    # "arrived on Tuesday evening" vs "has been there for days": a named day against days before it.
    vague_clash = (a.day_precise and b.days_vague and not b.day_precise) or (b.day_precise and a.days_vague and not a.day_precise)
    if vague_clash:
        reasons.append("a named day vs a stretch of days")
    month_clash = bool(a.months and b.months and not a.months & b.months)
    if day_clash:
        reasons.append(f"days differ: {', '.join(sorted(a.weekdays))} vs {', '.join(sorted(b.weekdays))}")
    if month_clash:
        reasons.append(f"months differ: {', '.join(map(str, sorted(a.months)))} vs {', '.join(map(str, sorted(b.months)))}")
    if bool(a.negations) != bool(b.negations):
        side, words = ("A", a.negations) if a.negations else ("B", b.negations)
        reasons.append(f"negation in {side}: {' '.join(words)}")
    antonyms = 0
    for pair, pole, word, i in a.poles:
        for pair_b, pole_b, word_b, j in b.poles:
            if pair == pair_b and pole != pole_b and _anchored(a, i, b) and _anchored(b, j, a):
                antonyms += 1
                reasons.append(f"antonyms: {word} / {word_b}")
    if jaccard < 0.1:
        reasons.append("low topical overlap")
    common = a.entities & b.entities
    return SlotDiff(
        jaccard,
        containment,
        len(a_only),
        len(b_only),
        numbers_clash,
        day_clash or month_clash or vague_clash,
        len(a.negations),
        len(b.negations),
        antonyms,
        tuple(reasons),
        len(common),
        len(common) / (len(a.entities | b.entities) or 1),
    )


def changed_words(a: Slots, b: Slots) -> str:
    """A's words whose stem B lacks, in A's order: what the pair's difference is about."""
    return " ".join(w for w in a.words if (stems := bm25_tokens(w)) and not set(stems) <= b.stems) or "-"


def _pair_features(u: np.ndarray, v: np.ndarray) -> np.ndarray:
    u = u / (np.linalg.norm(u) or 1.0)
    v = v / (np.linalg.norm(v) or 1.0)
    return np.concatenate([np.abs(u - v), u * v, [float(u @ v)]])


def features(a: Slots, b: Slots, d: SlotDiff, u: np.ndarray, v: np.ndarray, du: np.ndarray, dv: np.ndarray) -> np.ndarray:
    """One pair's feature vector; symmetric in A and B so order never flips a verdict.

    ``d`` is ``diff(a, b)``; ``u``/``v`` embed the sentences, ``du``/``dv`` their :func:`changed_words`.
    """
    slot = np.array(
        [
            d.jaccard,
            d.containment,
            min(d.numbers_a_only, d.numbers_b_only),
            max(d.numbers_a_only, d.numbers_b_only),
            float(d.numbers_clash),
            float(d.date_clash),
            float((d.neg_a > 0) != (d.neg_b > 0)),
            abs(d.neg_a - d.neg_b),
            min(d.antonyms, 3),
            abs(len(a.words) - len(b.words)) / max(len(a.words), len(b.words), 1),
        ]
    )
    return np.concatenate([slot, _pair_features(u, v), _pair_features(du, dv)])


# ---------------------------------------------------------------- embeddings


def embed(texts: Sequence[str], batch: int = 64) -> np.ndarray:
    """e5 'passage' vectors, each distinct text embedded once.

    multilingual-e5-small puts Arabic and English in one space and is CPU-fast;
    it is loaded through the project's one embedding path (shared with retrieval).
    """
    unique = list(dict.fromkeys(texts))
    if not unique:
        return np.zeros((0, EMBED_DIM))
    vectors = np.asarray(load_embeddings("e5-small-q4", batch_size=batch).embed_documents(unique))
    row = {t: i for i, t in enumerate(unique)}
    return np.asarray(vectors, dtype=np.float64)[[row[t] for t in texts]]


def featurize(pairs: Sequence[tuple[str, str]]) -> tuple[np.ndarray, list[SlotDiff]]:
    parsed = [(slots(a), slots(b)) for a, b in pairs]
    texts = [t for a, b in pairs for t in (a, b)]
    texts += [t for sa, sb in parsed for t in (changed_words(sa, sb), changed_words(sb, sa))]
    vectors = embed(texts)
    n = 2 * len(pairs)
    diffs = [diff(sa, sb) for sa, sb in parsed]
    rows = [
        features(sa, sb, d, vectors[2 * i], vectors[2 * i + 1], vectors[n + 2 * i], vectors[n + 2 * i + 1])
        for i, ((sa, sb), d) in enumerate(zip(parsed, diffs))
    ]
    return np.vstack(rows) if rows else np.zeros((0, 0)), diffs


# ---------------------------------------------------------------- model


@dataclass(frozen=True)
class StanceModel:
    """Standardise, then multinomial logistic regression: stored as plain arrays."""

    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: np.ndarray

    def proba(self, x: np.ndarray) -> np.ndarray:
        z = ((x - self.mean) / self.scale) @ self.coef.T + self.intercept
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(
            path,
            version=FEATURE_VERSION,
            mean=self.mean.astype(np.float32),
            scale=self.scale.astype(np.float32),
            coef=self.coef.astype(np.float32),
            intercept=self.intercept.astype(np.float32),
        )

    @classmethod
    def load(cls, path: Path) -> StanceModel:
        with np.load(path) as z:
            if int(z["version"]) != FEATURE_VERSION:
                raise RuntimeError(f"{path} was trained on feature version {int(z['version'])}; retrain with `python -m bot.stance train`")
            return cls(*(z[k].astype(np.float64) for k in ("mean", "scale", "coef", "intercept")))


def read_pairs(path: Path) -> tuple[list[tuple[str, str]], list[Relation]]:
    """ANS stance CSV (s1, s2, stance) -> pairs and Isnad relations."""
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    return [(r["s1"], r["s2"]) for r in rows], [LABELS[r["stance"]] for r in rows]


def train(pairs: Sequence[tuple[str, str]], labels: Sequence[Relation], c: float = 0.001) -> StanceModel:
    """Fit deterministically (lbfgs, fixed data order); class-balanced because 'other' is rare in ANS."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    x, _ = featurize(pairs)
    scaler = StandardScaler().fit(x)
    scale = np.where(scaler.scale_ > 0, scaler.scale_, 1.0)
    clf = LogisticRegression(C=c, max_iter=2000, class_weight="balanced")
    clf.fit((x - scaler.mean_) / scale, [CLASSES.index(y) for y in labels])
    assert list(clf.classes_) == list(range(len(CLASSES)))
    return StanceModel(scaler.mean_, scale, clf.coef_, clf.intercept_)


@lru_cache(maxsize=1)
def model() -> StanceModel:
    return StanceModel.load(MODEL_PATH)


# ---------------------------------------------------------------- public API


def _entity_story(d: SlotDiff) -> float:
    return 0.5 + 0.4 * d.entity_share


def compare_many(pairs: Iterable[tuple[str, str]]) -> list[Comparison]:
    """Classify many (A, B) pairs with one embedding batch."""
    pairs = list(pairs)
    if not pairs:
        return []
    x, diffs = featurize(pairs)
    out = []
    for p, d in zip(model().proba(x), diffs):
        relation, score = CLASSES[int(p.argmax())], float(p.max())
        # How sure we are that A and B tell one story: the model (trained on Arabic headlines), or
        # the persons and places both name, which read the same in any language.
        same_story = max(float(p[0] + p[1]), _entity_story(d) if d.common_entities >= 2 else 0.0)
        if relation == "agree" and d.clashes:
            # Same story, but a slot clashes: the model under-weights these rare features (ANS
            # has 32 number clashes in 2,652 pairs); on dev the rule lifts macro-F1 .822 -> .835.
            relation, score = "contradict", same_story
        elif relation == "contradict" and not d.clashes and d.containment >= NEAR_COPY:
            # B restates A word for word and no slot differs: a copy, whatever the model's weights say.
            relation, score = "agree", same_story
        elif relation == "unrelated" and d.date_clash and d.common_entities >= 2:
            # Few shared words, but the same persons and places with clashing dates ("Bourita arrived
            # Tuesday evening" / "the Iranian chief of staff has been in the Syrian capital for days").
            relation, score = "contradict", same_story
        elif relation == "contradict" and d.clashes:
            score = max(score, same_story)  # the slot decides the direction; the score, the story
        out.append(Comparison(relation=relation, score=round(score, 4), reasons=list(d.reasons)))
    return out


def compare(a: str, b: str) -> Comparison:
    """Does B agree with A, contradict it, or not bear on it? ``reasons`` name the slots that differ.

    ``score`` is the model's probability of ``relation``; when a slot clash turns
    the model's "agree" into "contradict" it is the probability that the two are
    related at all (the slot decides the direction).
    """
    return compare_many([(a, b)])[0]


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def main(argv: Sequence[str] | None = None) -> None:
    import config  # noqa: F401  (offline environment before any model loads)

    parser = argparse.ArgumentParser(prog="python -m bot.stance", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("train", help="Rebuild bot/models/stance.npz from the ANS train split.")
    t.add_argument("--train", type=Path, default=Path("../shared/data/ans/stance/train.csv"))
    t.add_argument("--out", type=Path, default=MODEL_PATH)
    p = sub.add_parser("pairs", help="Compare the s1,s2 columns of a CSV file.")
    p.add_argument("file", type=Path)
    args = parser.parse_args(argv)
    if args.cmd == "train":
        pairs, labels = read_pairs(args.train)
        train(pairs, labels).save(args.out)
        print(f"wrote {args.out} from {args.train} (sha256 {file_digest(args.train)}, {len(pairs)} pairs)")
    else:
        with open(args.file, encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        for row, c in zip(rows, compare_many([(r["s1"], r["s2"]) for r in rows])):
            print(f"{c.relation}\t{c.score:.2f}\t{'; '.join(c.reasons)}\t{row['s1']} || {row['s2']}")


if __name__ == "__main__":
    main()
