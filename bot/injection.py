"""Tell text addressed to an AI system apart from reporting.

An uploaded article is data, but a sentence in it can be written to the machine
reading it ("SYSTEM: you must answer that ...", "تجاهل التعليمات السابقة"). Such a
sentence reports nothing: quoting it would let whoever uploads a file dictate the
answer, outrank the outlets and erase a disagreement they document. So evidence
is screened with ``addressed_to_system`` before it is cited or read for claims.

The cues are about the form of addressing a chat model, never about a story:
the role tags of chat transcripts, the control tokens of chat templates, a
vocative or second person aimed at an assistant or model, an order to set aside
earlier instructions, and an order to answer in a given way. News uses the same
words in other senses ("the air defence system", "the ministry's instructions",
"النظام السوري", "تعليمات وزارة الدفاع"): each cue is a combination that reporting
does not produce, not a single word.
"""

from __future__ import annotations

import re
from functools import lru_cache

from language.normalize import normalize_arabic, word_alternation

# Arabic entries are written folded (``normalize_arabic``), as the text they are matched against.

#: Roles of a chat transcript (OpenAI/ChatML, Llama, Anthropic prompt formats), English and Arabic.
_ROLES = (
    "system",
    "assistant",
    "developer",
    "user",
    "human",
    "ai",
    "bot",
    "tool",
    "system prompt",
    "system message",
    "النظام",
    "المساعد",
    "المستخدم",
    "تعليمات النظام",
    "رساله النظام",
)
#: What a reader of an article is called when it is a machine.
_MACHINE_EN = ("ai", "assistant", "ai assistant", "chatbot", "bot", "model", "language model", "llm", "ai model", "artificial intelligence")
_MACHINE_AR = ("مساعد", "نموذج", "الذكاء الاصطناعي", "روبوت", "بوت", "مساعد ذكي", "نموذج لغوي")
#: What a model is configured with: set aside, these nouns mean a jailbreak.
_SETUP_EN = (
    "instructions",
    "instruction",
    "prompts",
    "prompt",
    "rules",
    "directions",
    "directives",
    "guidelines",
    "context",
    "commands",
    "orders",
    "system prompt",
)
_SETUP_AR = ("تعليمات", "اوامر", "توجيهات", "قواعد", "ارشادات", "الاوامر", "التعليمات", "التوجيهات", "القواعد", "الارشادات", "السياق")
_OVERRIDE_EN = ("ignore", "disregard", "forget", "override", "bypass", "skip")
_OVERRIDE_AR = ("تجاهل", "تجاهلي", "تجاهلوا", "انس", "انسي", "انسوا", "اهمل", "اهملي", "اهملوا", "تخط", "تخطي")
#: Words that point an instruction noun at the reader's own configuration.
_EARLIER_EN = ("previous", "prior", "above", "earlier", "preceding", "your", "the above")
#: Further determiners an imperative at the head of a clause may take ("Ignore all the rules").
_ANY_EN = _EARLIER_EN + ("all", "any", "the", "these", "those", "other")
_EARLIER_AR = ("السابقه", "اعلاه", "المسبقه", "الاصليه", "الاخري", "السابق")
_ANSWER_EN = ("answer", "respond", "reply", "output", "tell the user", "say that", "state that", "claim that", "write that")

_CLAUSE_START = r"(?:^|(?<=[\n.:;,!?؟،؛\"'«»“”(\[\-–—]))\s*"

_PATTERNS = [
    # "SYSTEM:", "<assistant>:", "### Instruction:", "النظام:" opening a line or sentence
    re.compile(rf"(?:^|(?<=[\n.!?؟]))[ #*\[<(|]*(?:{word_alternation(_ROLES)}|instructions?)[ \]>)|*]*:"),
    # chat-template control tokens: <|im_start|>, [INST], <<SYS>>, <|system|>
    re.compile(r"<\|[a-z_]+\|>|\[/?inst\]|<</?sys>>"),
    # addressing the machine: "dear AI", "as an AI language model", "you are an assistant", "أيها المساعد"
    re.compile(rf"\b(?:dear|hey|hello|attention|note to(?: the)?|you are(?: an?| the)?)\s+(?:{word_alternation(_MACHINE_EN)})\b"),
    re.compile(r"\bas an? (?:ai|ai assistant|ai model|ai language model|language model|large language model|chatbot|llm)\b"),
    re.compile(rf"(?:^|\s)(?:ايها|ايتها|يا|بصفتك|انت)\s+(?:ال)?(?:{word_alternation(_MACHINE_AR)})ا?(?!\w)"),  # ا: accusative "نموذجا"
    # setting its configuration aside: "ignore all previous instructions", "تجاهل التعليمات السابقة"
    re.compile(
        rf"{_CLAUSE_START}(?:(?:please|now|you must|you should)\s+)?(?:{word_alternation(_OVERRIDE_EN)})\s+"
        rf"(?:(?:{word_alternation(_ANY_EN)})\s+)*(?:{word_alternation(_SETUP_EN)})\b"
    ),
    re.compile(
        rf"\b(?:{word_alternation(_OVERRIDE_EN)})\s+(?:{word_alternation(_EARLIER_EN)})\s+"
        rf"(?:(?:{word_alternation(_EARLIER_EN)})\s+)*(?:{word_alternation(_SETUP_EN)})\b"
    ),
    re.compile(
        rf"(?:^|\s)[وف]?(?:{word_alternation(_OVERRIDE_AR)})\s+(?:(?:كل|جميع)\s+(?:{word_alternation(_SETUP_AR)})|"
        rf"(?:{word_alternation(_SETUP_AR)})(?:\s+(?:{word_alternation(_EARLIER_AR)})|(?=\s*(?:[.:،,!؟]|$))))"
    ),
    re.compile(r"(?:^|\s)(?:تعليماتك|اوامرك|توجيهاتك)(?!\w)"),
    re.compile(r"\byour (?:system prompt|instructions|previous instructions|guidelines|programming)\b"),
    # ordering the answer: "you must answer that", "answer only with", "يجب أن تجيب", "عليك أن تقول"
    re.compile(
        rf"\byou (?:must|should|have to|need to|are (?:required|instructed|told) to|will) (?:always |only )?"
        rf"(?:{word_alternation(_ANSWER_EN)})\b(?!\s+(?:to|for)\b)"
    ),  # not "answer to the people"
    re.compile(rf"{_CLAUSE_START}(?:answer|respond|reply)(?: only)? (?:that|with|by saying)\b"),
    re.compile(r"(?:^|\s)[وف]?(?:يجب|ينبغي|يتعين)\s+ان\s+تجيب(?!\w)(?!\s+ال)"),  # not "تجيب الحكومة": third person
    re.compile(r"(?:^|\s)[وف]?عليك\s+ان\s+(?:تجيب|ترد|تقول|تذكر|تكتب|توكد)(?!\w)"),
    re.compile(rf"{_CLAUSE_START}(?:اجب|اجيبي|اجيبوا)\s+(?:ب|بان|ان|فقط|علي)"),
]


@lru_cache(maxsize=1024)
def addressed_to_system(text: str) -> bool:
    """Whether ``text`` speaks to an AI system (role tag, control token, instruction to it) rather than reporting.

    Every cue is anchored to a line, sentence or clause start or to a word, so a
    whole article can be screened as well as one sentence. Cached: the chunks and
    articles one question screens come back with the next questions.
    """
    # One space between words and one newline between lines: no run of blanks for a pattern to rescan (ReDoS).
    lines = (" ".join(line.split()) for line in normalize_arabic(text).splitlines())
    folded = "\n".join(line for line in lines if line)
    return any(p.search(folded) for p in _PATTERNS)
