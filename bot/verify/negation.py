"""Negation and denial: whether a negation governs the claim's words or denies the deed a claimed count counts, rather
than hedging a saying ("لا يعني أن") or bounding a figure ("لا يقل عن").
"""

from __future__ import annotations

from bot.stance import DENIALS, NEGATIONS, PRIVATIVES
from bot.verify.frame import _WORD, ClaimFrame, _clauses, _present, word_keys
from bot.verify.parties import _entities_of
from language.normalize import normalize_arabic
from language.numbers import find_quantities

#: Words a particle negation governs: "لا يكون عبر التواجد على الأراضي السورية" reaches "السورية".
NEGATION_REACH = 6


def _negation_word(word: str) -> str | None:
    """The negation a folded word is (with its و/ف conjunction), else None."""
    if word in NEGATIONS:
        return word
    return word[1:] if word[:1] in "وف" and word[1:] in NEGATIONS else None


def _negated(text: str) -> bool:
    return any(_negation_word(w) for w in _WORD.findall(normalize_arabic(text)))


#: Complementisers: a particle negation right before one ("لا يعني أن", "not clear whether") hedges
#: the saying, not the event; after a verb of denial ("نفى أن") the clause is what is denied.
_COMPLEMENTISERS = frozenset("ان انه انها اذا that whether if".split())


def _without_figures(text: str) -> str:
    """``text`` less its figures' words: the "لا" of "ما لا يقل عن 128" and the "no" of "no fewer than 20" bound a
    figure (``language.numbers``); they negate nothing."""
    for q in sorted(find_quantities(text), key=lambda q: q.start, reverse=True):
        text = f"{text[: q.start]} {text[q.end :]}"
    return text


#: A partitive after a negated word ("لم يصب أي من الركاب", "not hurt any of the passengers"): the set it names is
#: presupposed, only the negated word is denied of it.
_PARTITIVE = (frozenset(("اي", "any")), frozenset(("من", "of")))


def _before_partitive(governed: list[str]) -> list[str]:
    """The governed words up to a partitive: "لم يصب أي من الركاب البالغ عددهم 35 راكبا" denies the hurt, not the
    passengers or their number."""
    starts, ofs = _PARTITIVE
    cut = next((i for i, (w, n) in enumerate(zip(governed, governed[1:])) if w in starts and n in ofs), len(governed))
    return governed[:cut]


def _negates_claim(frame: ClaimFrame, text: str) -> bool:
    """Does a negation in ``text`` govern one of the claim's words, in its own clause?

    "لكن ذلك لا يعني أن ..." and "دون توضيح" are negations, but not of the
    claim: only the words a negation governs (the next word after "دون"/"without",
    the next few after a particle or a verb of denial, up to the clause end)
    are negated, and they must be words the claim uses.
    """
    for clause in _clauses(text):
        words = _WORD.findall(normalize_arabic(_without_figures(clause)))
        for i, w in enumerate(words):
            neg = _negation_word(w)
            if not neg:
                continue
            after = words[i + 1 :]
            if neg in PRIVATIVES:
                governed = after[1:2] if after[:1] and after[0] in _COMPLEMENTISERS else after[:1]
            elif neg not in DENIALS and _COMPLEMENTISERS & set(after[:2]):
                continue
            else:
                governed = _before_partitive(after[:NEGATION_REACH])
            keys, entities = word_keys(" ".join(governed)), _entities_of(" ".join(governed), frame.book)
            if frame.places & entities or any(_present(g, keys, entities) for g in frame.groups):
                return True
    return False


def _counts_none(frame: ClaimFrame, text: str) -> bool:
    """Does the sentence deny the deed a count of the claim states ("لا قتلى" against "قتل 85 شخصا")?"""
    return bool(frame.quantities) and not frame.negated and _denies_deed(frame, text)


def _denies_deed(frame: ClaimFrame, text: str) -> bool:
    """Does a negation stand right before a word of the claim's deed ("لا قتلى", "لم يقتل أحد")? Only the next word:
    "لم يتضح عدد القتلى" (it is not clear how many) negates the telling, not the deaths."""
    deed = frame.deed()
    for clause in _clauses(text):
        words = _WORD.findall(normalize_arabic(_without_figures(clause)))
        if any(_negation_word(w) and any(_present(g, word_keys(n), set()) for g in deed) for w, n in zip(words, words[1:])):
            return True
    return False
