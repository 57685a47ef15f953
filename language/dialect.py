"""Spoken Arabic questions read as Modern Standard Arabic.

Why: users type questions the way they speak — "وين وقّعوا الاتفاقية؟", "وصل سوريا إمتى؟", "قديش يوم…؟" —
while every reader downstream (the kind of value asked, ``language.lexicon.question_kind``; the keyword side of
retrieval; the answerability gate's count of the question's content words found in the quotes) knows the standard
interrogatives and function words only. A spoken "وين" was a content word nobody found, so the gate declined, and a
question word at the end ("… إمتى؟") asked for no kind of value at all. Rewriting the question once, before any of
them runs, lets each keep reading the standard language.

The words are the closed-class interrogatives and function words of the main spoken varieties (Levantine, Egyptian,
Gulf, Iraqi, Maghrebi): general like a stop-word list, no topic, no story. No well-kept source lists them (CLDR has
no dialect vocabulary, ../shared/data no spoken questions), so they are listed here once, and measured on
``bench/data/seed_dialect_dev.json`` (the dev questions asked again in spoken Arabic). A word that is also a
standard word of another meaning is left out ("دول" countries, "راح" went, "هادي" a name, "الي" folded إلى,
"دي" of "دي ميستورا").
"""

from __future__ import annotations

import re

from language.lexicon import ASKED_NOUNS_AR
from language.normalize import normalize_arabic

#: Spoken interrogatives (folded) and the standard word each stands for.
_INTERROGATIVES = {
    **dict.fromkeys("امتي ايمتي امتا ايمتا امته ايمته وقتاش فوقاش".split(), "متى"),
    **dict.fromkeys("وين فين فاين".split(), "أين"),
    "منين": "من أين",
    **dict.fromkeys("لوين لفين".split(), "إلى أين"),
    **dict.fromkeys("مين مينو منو شكون".split(), "من"),
    **dict.fromkeys("شو شنو شنهو ايش وش ايه".split(), "ماذا"),
    **dict.fromkeys("ليش ليه علاش لويش ليشو".split(), "لماذا"),
    **dict.fromkeys("كيفاش ازاي شلون كيفن".split(), "كيف"),
    **dict.fromkeys("قديش اديش قداش شحال كام".split(), "كم"),
    **dict.fromkeys("انهي انهو اشمن".split(), "أي"),
}
#: Spoken function words (folded) and their standard form; an empty form drops the word (a possessive particle, a filler).
_FUNCTION_WORDS = {
    "واش": "هل",  # the yes/no particle that opens a Maghrebi question ("واش وصل…؟" "has he arrived?")
    "اللي": "الذي",
    "انو": "أنه",
    **dict.fromkeys("مش مو موش".split(), "ليس"),
    **dict.fromkeys("هاد هادا هدا هيدا ده هاذ".split(), "هذا"),
    **dict.fromkeys("هاي هيدي هاذي".split(), "هذه"),
    **dict.fromkeys("هدول هذول".split(), "هؤلاء"),
    "هون": "هنا",
    **dict.fromkeys("هيك هكي كده كدا".split(), "هكذا"),
    **dict.fromkeys("هلق هلا دلوقتي دلوقت هسه هسا الحين".split(), "الآن"),
    **dict.fromkeys("امبارح مبارح البارح".split(), "أمس"),
    **dict.fromkeys("بكرا بكره".split(), "غدا"),
    **dict.fromkeys("عشان علشان مشان منشان كرمال".split(), "من أجل"),
    **dict.fromkeys("بدو بدها بدهم بدي عايز عاوز عايزه عاوزه".split(), "يريد"),
    **dict.fromkeys("لسا لسه".split(), "ما زال"),
    **dict.fromkeys("كمان برضو برضه".split(), "أيضا"),
    "كتير": "كثير",
    "شي": "شيء",
    **dict.fromkeys("رح غادي".split(), "سوف"),
    "ويا": "مع",
    **dict.fromkeys("ديال ديالو ديالها ديالهم متاع تاع يعني".split(), ""),
}
#: The standard interrogatives the spoken ones stand for, and the yes/no particle: words that ask, never what is asked.
STANDARD_INTERROGATIVES = frozenset(w for form in _INTERROGATIVES.values() for w in form.split()) | {"هل"}
#: Interrogatives a standard question puts first; "كم" and "أي" stay where they are ("سنة كم", "أي دولة" read in place).
_FRONTED = frozenset({"متى", "أين", "من أين", "إلى أين", "من", "ماذا", "لماذا", "كيف"})
_WORD = re.compile(r"[\w\u064b-\u065f\u0670\u0640]+")  # letters with their diacritics and tatweel, no ؟ or ،
_PROCLITIC = re.compile("^([وفب]?)(.+)$")
#: Nouns of a kind of value: an Egyptian "إيه" after one asks "which" ("يوم إيه" which day, "بلد إيه" which country).
_ASKED_NOUNS = frozenset(w for words in ASKED_NOUNS_AR.values() for w in words.split())


def _standard(word: str) -> tuple[str, bool] | None:
    """The standard form of one spoken word (a proclitic و/ف/ب kept) and whether it asks; None for a standard word.

    ("اش" "what" is not listed: "باش" "in order to" would read as ب + "اش".)"""
    folded = normalize_arabic(word)
    for table, asks in ((_INTERROGATIVES, True), (_FUNCTION_WORDS, False)):
        if folded in table:
            return table[folded], asks
    clitic, rest = _PROCLITIC.match(folded).groups()  # type: ignore[union-attr]
    if clitic and rest in _INTERROGATIVES:
        return clitic + _INTERROGATIVES[rest], True
    return None


def _core(token: str) -> str:
    """The word inside a token, without its punctuation, folded ("الاتفاقية؟" → "الاتفاقيه")."""
    match = _WORD.search(token)
    return normalize_arabic(match.group()) if match else ""


def standard_question(question: str) -> str:
    """``question`` with its spoken interrogatives and function words in standard Arabic, the asked word first.

    "وزير الدفاع وصل سوريا إمتى؟" → "متى وزير الدفاع وصل سوريا؟"; "وين وقعوا الاتفاقية؟" → "أين وقعوا الاتفاقية؟";
    "سنة كام" → "سنة كم" and "يوم إيه" → "أي يوم" (read in place). A question with no spoken word comes back unchanged.
    """
    out: list[str] = []
    fronted: str | None = None
    changed = False
    for token in question.split():
        match = _WORD.search(token)
        found = _standard(match.group()) if match else None
        if match is None or found is None:
            out.append(token)
            continue
        changed = True
        form, asks = found
        if asks and form == "ماذا" and out and _core(out[-1]) in _ASKED_NOUNS:
            out[-1], form = f"أي {out[-1]}", ""
        elif asks and form in _FRONTED and fronted is None and out:
            fronted, form = form, ""
        before, after = token[: match.start()], token[match.end() :]
        if form:
            out.append(before + form + after)
        elif out:
            out[-1] += after  # the question mark of a word moved to the front stays at the end
        elif before + after:
            out.append(before + after)
    if not changed:
        return question
    return " ".join([fronted, *out] if fronted else out)
