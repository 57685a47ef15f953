"""Check one claim against retrieved evidence: SUPPORTED, REFUTED, CONFLICTING or NOT_ENOUGH_INFO.

Why slots and not only the stance model: claims are often English while the
collection is Arabic, and a claim is usually wrong in exactly one *slot* — the
day ("arrived on Monday" vs "مساء الثلاثاء"), the place ("signed in Tehran" vs
"في دمشق"), a count, or its polarity ("should keep its troops" vs "لا يكون عبر
التواجد"). Those compare across languages once both sides are resolved to dates
(``language.calendar``), person and place ids (``bot.entities``) and numbers. The stance
model (``bot.stance``) adds its judgement where claim and evidence share a
language, the only setting it was trained for.

Relevance first: a sentence counts only if it covers most of the claim's
content words (IDF-weighted over the evidence list, bridged to Arabic by
``bot.crosslingual``) and every rare name it uses — or, when the stance model,
in the claim's language, is sure it agrees or contradicts, at least
``RELEVANCE_FLOOR`` of them (a rebuttal rarely reuses the claim's words), and
when it is sure of a contradiction, without the rare names (a rebuttal drops the
detail it rebuts); ``counts``, fitted on ANS train. So "Russia signed the agreement too" finds signing
sentences that never mention Russia, and a Russia sentence that is not about a
signing: neither is relevant, and the verdict is NOT_ENOUGH_INFO rather than a
false REFUTED. Across languages the learned lexicon is sparse, so ``verify`` also
aligns each claim word with its translations in the evidence by the multilingual
encoder (``align_words``: "people"/"أشخاص", "explosion"/"انفجار"), and a name
the lexicon cannot bridge is matched by its consonant skeleton ("مونستر" /
"Muenster"), a name of short words by the run of their skeletons ("Karina Mey" /
"كارينا مي"); a word neither reaches is left out for a sentence in the other
language, as it could only be matched in its own. Where the words still miss
("ferry"/"العبارة"), a sentence of the other language that the same encoder
puts close to the whole claim (``CROSS_SIMILAR``) counts, but only to confirm a
slot value it states: an uploaded wire story in the other language is otherwise
NOT_ENOUGH_INFO for every claim it makes.

Verdict rules (``verify_claim``):

* a relevant sentence *contradicts* when a slot the claim states (date, place,
  count of the same unit, person) clashes with the sentence's value for it, or
  another party (person, country, city) does the claim's deed in its place ("Algeria
  cuts the internet" against "Egypt cuts ..."; not for an additive claim, "Russia signed
  too"; never words that only look like a person: "Police name woman …", "أفادت تقارير
  إعلامية", "in the Sahel, claimed"), or
  a negation governs the claim's words (not "لا يعني أن", not "دون توضيح"), or
  (same language) the stance model says "contradict" for a reason verify does
  not check itself — surely so (``STANCE_SURE``) even where the sentence drops the
  claimed date, place or count, since a rebuttal drops the detail it rebuts ("the
  court acquits him" against "jailed for 5 years"; then only where no source states
  the claim); a sentence with two voices, one matching the claimed date
  and one clashing, is *both* (a supporter and a contradictor); the voice a
  sentence is told by ("…, Governor X said") is no other doer of the deed, unless
  the claim reports a saying, and another person stands in for the claim's only where
  the sentence holds the deed word the claim's person does ("King X ordered a grant":
  the minister who welcomed the grant did not order it);
* it *supports* when every slot the claim states is stated and none clashes
  (a claim with no slot: it covers the claim and nothing clashes); a count no
  sentence gives leaves the claim NOT_ENOUGH_INFO;
* an earlier report contradicting on the figure alone is superseded by a later one
  that states the claim's figure (tolls rise: an update, not a contradiction), and
  an update whose latest figure the claim states does not dispute it (stated by an
  article that supports the claim: its headline is no other source than its body);
* a vague count ("عشرات القتلى", "dozens") neither confirms nor refutes a precise
  figure, nor does a bound short of it ("at least 9" for 15); a count of none ("لا قتلى") refutes any, across
  languages too in a sentence close to the claim;
* a count is the claim's only under the claim's deed: not under a predicate the news sets against it
  (``language.numbers.contrasting_predicates``: "أصيب 85" is no count of "قتل 85"), and of two counts in one
  sentence, the one whose own predicate is the claim count's ("killed four and injured 15" for "15 killed"; an
  Arabic count's verb may follow its noun, "30 شخصا أصيبوا"); a bare count after a count of the claim's noun counts
  that noun under its own predicate ("killing three people and injuring 20" for "20 injured"), and a count of a part
  "of" the claim's noun counts that noun ("3 أشخاص من العمال" for "ثلاثة عمال");
  such a tied count, or the total a toll rose to ("rises to 49"), also lets a sentence under the relevance cut count
  (across languages; in the claim's own, where it names the claim's capitalised names) and rivals the claim's figure,
  where closeness alone only confirms; a claim count's noun is matched against the other language's count nouns too
  ("people"/"شخصا"), so a figure no source gives meets the sources' figures;
* a support that says the toll rose to the claimed figure ("rose to six") supersedes a smaller figure not
  reported after it, whatever the dates; a later, smaller figure never supersedes a larger one (they conflict);
* a wire's dateline date ("VIENNA, March 12 (APA) -") dates the report, not the event, where the story gives its own;
* a sentence naming every person of a one-word deed tells it in whatever verb ("received" for "met"), and where it
  gives no day it takes the day its article's other sentences give the deed, if they agree (a story dates it once);
* a town CLDR does not list, named after a noun of place ("in the city of Bhopal", "في بلدة …"), is a place slot:
  its name (by consonant skeleton) states it, another name under the same noun of place clashes; a listed city is
  where the event was after a preposition or in construct with a noun of place ("شرقي محافظة حمص"), and named
  anywhere else only beside a count or a date the sentence itself confirms ("TUNIS (Reuters) - … on May 5");
* the evidence is retrieved for the claim, for the claim without its values, and for the question its count
  answers ("How many people were killed in …?"), which quotes each article's own statement of the figure: a rival
  figure told deeper in an article is seen;
* supporters and contradictors both → CONFLICTING; so too supporters that are
  one side of a conflict (``bot.conflicts``) on the slot the claim states
  ("arrived on Tuesday evening" while Al Jazeera's bureau chief says he had
  been there for days); only contradictors → REFUTED; only supporters →
  SUPPORTED; neither → NOT_ENOUGH_INFO.

The package, one job a module, each building only on those before it: ``frame`` (the claim's words and the keys
they are matched by), ``reasons`` (a check's result and its words), the slot readers and checks ``places``,
``parties``, ``numbers``, ``negation`` and ``dates``, ``claim`` (reading a claim into its frame), ``gate``
(relevance), ``sentence`` (one sentence against the claim), ``verdict`` (``verify_claim``), ``align`` (the
encoder's help across languages) and ``pipeline`` (retrieval and ``verify``).
"""

from __future__ import annotations

# The public names of the one-module ``bot.verify`` this package replaced, all importable from it as before.
from bot.verify.align import PREDICATE_ALIGN, align_words, sentence_similarity
from bot.verify.claim import claim_frame
from bot.verify.dates import SAME_EVENT_DAYS
from bot.verify.frame import NAME_RUN, NAME_SKELETON, ClaimFrame, Group, sentence_keys, word_keys
from bot.verify.gate import (
    RELEVANCE,
    RELEVANCE_FLOOR,
    STANCE_CONTRADICT,
    STANCE_FOCUS,
    STANCE_RELATED,
    Gate,
    counts,
    gate_inputs,
    relevance,
)
from bot.verify.negation import NEGATION_REACH
from bot.verify.numbers import ELIDED_GAP_WORDS
from bot.verify.parties import SAME_DEED_WORDS
from bot.verify.pipeline import count_question, masked_claim, verify
from bot.verify.places import PLACE_SKELETON
from bot.verify.reasons import Check
from bot.verify.sentence import CROSS_SIMILAR, CROSS_TIED, STANCE_SURE, Assessment, assess
from bot.verify.verdict import Judgement, verify_claim

__all__ = [
    "RELEVANCE",
    "STANCE_CONTRADICT",
    "STANCE_SURE",
    "RELEVANCE_FLOOR",
    "STANCE_RELATED",
    "STANCE_FOCUS",
    "NEGATION_REACH",
    "SAME_DEED_WORDS",
    "SAME_EVENT_DAYS",
    "Group",
    "ClaimFrame",
    "word_keys",
    "NAME_SKELETON",
    "NAME_RUN",
    "sentence_keys",
    "claim_frame",
    "Assessment",
    "relevance",
    "Check",
    "PLACE_SKELETON",
    "ELIDED_GAP_WORDS",
    "Gate",
    "counts",
    "gate_inputs",
    "assess",
    "Judgement",
    "verify_claim",
    "align_words",
    "PREDICATE_ALIGN",
    "CROSS_SIMILAR",
    "CROSS_TIED",
    "sentence_similarity",
    "masked_claim",
    "count_question",
    "verify",
]
