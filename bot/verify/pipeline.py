"""The service's entry (``verify``): retrieve evidence for the claim, for the claim without its values and for the
question its count answers, then compare and judge.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from bot.answer import as_evidence, build_citations, detect_conflicts
from bot.schema import Conflict, Verification
from bot.stance import compare_many
from bot.verify.align import align_words, sentence_similarity
from bot.verify.claim import claim_frame
from bot.verify.places import _slot_places
from bot.verify.verdict import verify_claim
from language.normalize import detect_language

if TYPE_CHECKING:
    from bot.evidence import EvidenceSentence
    from bot.service import Isnad


def masked_claim(claim: str) -> str:
    """The claim without the words of its slot values (places, dates, counts): what the event is, not its values.
    A count keeps its counted noun ("600 Iranians" -> "Iranians"): who was counted is the event, the figure its value."""
    frame = claim_frame(claim)
    spans = [(t.start, t.end, "") for t in frame.times]
    spans += [(q.start, q.end, q.unit_text if q.unit_text and q.text.endswith(q.unit_text) else "") for q in frame.quantities]
    for words in _slot_places(claim).values():
        i = claim.find(words)
        if i >= 0:
            spans.append((i, i + len(words), ""))
    out = claim
    for s, e, kept in sorted(spans, reverse=True):
        out = f"{out[:s]} {kept} {out[e:]}"
    return re.sub(r"\s+", " ", out).strip()


#: The interrogative that asks for a count, per claim language (``language.lexicon.question_kind`` reads it as "number").
_ASK_COUNT = {"ar": "كم {}؟", "en": "How many {}?"}


def count_question(claim: str) -> str | None:
    """The question a claim's count answers: the interrogative and the claim without its values (``masked_claim``),
    "How many people were killed in …?" for "Five people were killed in …". Asked, it quotes each article's own
    statement of the figure (``bot.evidence``). None for a claim that counts nothing."""
    if not any(q.kind == "count" for q in claim_frame(claim).quantities):
        return None
    return _ASK_COUNT.get(detect_language(claim), _ASK_COUNT["en"]).format(masked_claim(claim).rstrip("."))


def verify(isnad: Isnad, claim: str, collection: str | None = None) -> Verification:
    """Retrieve evidence for ``claim``, compare it sentence by sentence, and judge."""

    @lru_cache(maxsize=None)
    def docs(doc_id: str):
        return isnad.source(doc_id, collection)

    limit = 2 * isnad.settings.max_citations
    queries = [claim]
    masked = masked_claim(claim)
    if masked != claim and masked.strip():
        # A wrong value pulls retrieval toward itself ("signed in Tehran" finds Tehran sentences):
        # the claim without its values finds the sentences that state the event's true values.
        queries.append(masked)
    if asked := count_question(claim):
        # An article states its figure deeper down than the lead the claim's words find ("قد يكون سقط أربعة قتلى"):
        # asking for it quotes each article's statement of it, so a rival figure is seen.
        queries.append(asked)
    found: list[EvidenceSentence] = []
    for query in queries:  # each search adds the sentences the earlier ones did not find
        seen = {(e.doc_id, e.start) for e in found}
        found += [e for e in isnad.evidence(query, limit=limit, collection=collection) if (e.doc_id, e.start) not in seen]
    lang = detect_language(claim)
    citations = build_citations(found, docs, lang)
    evidence = as_evidence(citations, docs)
    comparisons = compare_many([(claim, e.text) for e in evidence])
    conflicts, _ = detect_conflicts(evidence, lang)  # positions named in the claim's language, like the explanation
    titles = {c.doc_id: c.title for c in citations if c.title}
    articles = [docs(d).text for d in dict.fromkeys(c.doc_id for c in citations)]
    aligned = align_words(claim, [e.text for e in evidence], isnad.evidence_embeddings)
    similar = sentence_similarity(claim, [e.text for e in evidence], isnad.evidence_embeddings)
    judgement = verify_claim(claim, evidence, comparisons, conflicts, titles, articles, aligned=aligned, similar=similar)
    kept = set(judgement.cited) | {n for c in judgement.conflicts for p in c.positions for n in p.citations}
    # Only the sentences the judgement rests on are shown: number them 1..k with no gaps and judge again
    # under those numbers (the same sentences, so the same verdict), so the explanation cites what is shown.
    number = {c.n: i for i, c in enumerate(sorted(citations, key=lambda c: (c.n not in kept, c.n)), 1)}
    if any(old != new for old, new in number.items()):
        evidence = [replace(e, n=number[e.n]) for e in evidence]
        conflicts = [_renumbered(c, number) for c in conflicts]
        judgement = verify_claim(claim, evidence, comparisons, conflicts, titles, articles, aligned=aligned, similar=similar)
    return Verification(
        claim=claim,
        verdict=judgement.verdict,
        explanation=judgement.explanation,
        citations=[c.model_copy(update={"n": number[c.n]}) for c in citations if c.n in kept],
        conflicts=list(judgement.conflicts),
    )


def _renumbered(conflict: Conflict, number: dict[int, int]) -> Conflict:
    """``conflict`` citing the same sentences under new citation numbers."""
    positions = [p.model_copy(update={"citations": [number[n] for n in p.citations]}) for p in conflict.positions]
    return conflict.model_copy(update={"positions": positions})
