"""A slot check's result (``Check``) and its reason in the reader's language, shared by the date, place, number and party
checks so that each explains a sentence in the same words.
"""

from __future__ import annotations

from typing import NamedTuple

from bot.verify.frame import ClaimFrame

#: Why a sentence counts, in the reader's language: {0} the source's words, {1} the claim's.
_REASONS = {
    "en": {
        "date_match": "date matches: {0}",
        "date_clash": "date differs: {0}",
        "place_match": "place matches: {0}",
        "place_clash": "place differs: {0} vs {1}",
        "number_match": "number matches: {0}",
        "number_clash": "numbers differ: {1} vs {0}",
        "agent_match": "person matches: {0}",
        "agent_clash": "person differs: {0}",
        "party_clash": "another party: {0}",
        "unrelated": "not about the claim",
        "slot_missing": "does not state the claimed date, place or number",
        "negated_claim": "negated in the claim",
        "negated_source": "negated in the source",
        "says_otherwise": "the source says otherwise",
        "states": "states the claim",
    },
    "ar": {
        "date_match": "التاريخ مطابق: {0}",
        "date_clash": "التاريخ مختلف: {0}",
        "place_match": "المكان مطابق: {0}",
        "place_clash": "المكان مختلف: {0} لا {1}",
        "number_match": "العدد مطابق: {0}",
        "number_clash": "العدد مختلف: {0} لا {1}",
        "agent_match": "الشخص مطابق: {0}",
        "agent_clash": "شخص آخر: {0}",
        "party_clash": "طرف آخر: {0}",
        "unrelated": "لا يتناول الادعاء",
        "slot_missing": "لا يذكر التاريخ أو المكان أو العدد المدعى",
        "negated_claim": "الادعاء منفي",
        "negated_source": "المصدر ينفيه",
        "says_otherwise": "يقول المصدر خلاف ذلك",
        "states": "يذكر الادعاء",
    },
}


def _lang(frame: ClaimFrame) -> str:
    return frame.lang if frame.lang in _REASONS else "en"


def _say(frame: ClaimFrame, key: str, *words: str) -> str:
    return _REASONS[_lang(frame)][key].format(*words)


class Check(NamedTuple):
    slot: str  # "date" | "place" | "number" | "agent"
    kind: str  # "match" | "clash"
    reason: str
    where: tuple[str, ...]  # the sentence's words for the slot, to find their clause
