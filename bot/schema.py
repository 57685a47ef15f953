"""The JSON shapes Isnad returns, shared by the CLI, the HTTP API and the UI.

One definition here means `python -m bot ask --json`, `POST /api/ask` and the
chat UI can never drift apart.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

Verdict = Literal["SUPPORTED", "REFUTED", "CONFLICTING", "NOT_ENOUGH_INFO"]
Relation = Literal["agree", "contradict", "unrelated"]


class Citation(BaseModel):
    """A verbatim quote and where it sits: ``original[start:end] == quote``."""

    n: int
    doc_id: str
    chunk_id: str
    outlet: str | None = None
    title: str | None = None
    published: str | None = None
    quote: str
    start: int
    end: int
    score: float
    attributed_to: str = Field(description="Outlet, and the party it cites: 'Al-Khaleej Al-Jadeed, citing Al Arabiya'.")


class Speaker(BaseModel):
    """A party an outlet cites, in the article's own words, with its English label when one is known."""

    name: str
    name_en: str | None = None


class Party(BaseModel):
    """One voice behind a value: the outlet that publishes it and the chain of parties it cites, outermost first.

    Kept as fields so each answer renders the names once, in its own language.
    """

    outlet: str | None = Field(None, description="The publishing outlet as given (any script); None: unknown source.")
    cited: list[Speaker] = Field(default_factory=list, description="Parties the outlet cites, outermost first.")
    title: str | None = Field(None, description="The article's title when it names no outlet: how a reader tells it apart.")


class Position(BaseModel):
    """One value of a conflict: what exactly it is, exactly who states it, and the citations that show it."""

    value: str = Field(description="The value's words in the first citation stating it (one value, never a list).")
    normalized: str
    attributed_to: str = Field(description="The parties, rendered in the answer's language.")
    citations: list[int]
    parties: list[Party] = Field(default_factory=list, description="Exactly the parties that state this value.")
    side: int = Field(0, description="Positions with the same side hold compatible values (one more precise): they agree.")
    independent_sources: int = Field(1, description="Sources behind this position, reprints of one wire copy counted once.")
    reported_at: str | None = Field(None, description="ISO date of the earliest article reporting this value (timeline of an update).")


class Conflict(BaseModel):
    """Values of one claim that differ: between sources at one time (conflict), or over time (update)."""

    topic: str = Field(description="The claim, in a source's own words.")
    kind: Literal["date", "number", "entity", "statement"]
    relation: Literal["conflict", "update"] = Field(
        "conflict", description="'update': a later report changed the figure (positions in time order)."
    )
    positions: list[Position]


class DirectAnswer(BaseModel):
    """The answer itself, in one line of the question's language, read from the top-ranked quote."""

    text: str = Field(description="The rendered line: the value and who says it.")
    value: str = Field(description="The words the value was read from, verbatim from the quote.")
    normalized: str = Field(description="Comparable form: ISO date ('2020-07-07'), number and unit ('308 نقطة'), or the value.")
    kind: Literal["date", "number", "person", "place", "clause"]
    citations: list[int] = Field(description="Numbers of the citations that state it.")


class UnsupportedSentence(BaseModel):
    """A generated sentence removed because its cited quotes do not bear it out."""

    text: str
    citations: list[int] = []
    reasons: list[str] = Field(description="E.g. 'no citation', 'name not in the cited quotes: X'.")


class Answer(BaseModel):
    question: str
    answer: str
    answerable: bool
    language: Literal["ar", "en"]
    direct: DirectAnswer | None = None
    citations: list[Citation] = []
    conflicts: list[Conflict] = []
    notes: list[str] = Field(default_factory=list, description="E.g. 'these are two different events'.")
    standalone_question: str | None = Field(
        None,
        description="The question as retrieval saw it: a follow-up rewritten with the earlier turns, spoken Arabic in "
        "standard Arabic; None when asked as is.",
    )
    generated: str | None = Field(
        None, description="The language model's answer (ISNAD_LLM), only the sentences the checker found in their cited quotes."
    )
    unsupported_sentences: list[UnsupportedSentence] = Field(
        default_factory=list, description="Sentences the model wrote that the checker removed, with why."
    )
    llm: str | None = Field(None, description="The backend that wrote `generated` ('openai:MODEL', ...); None: extractive only.")
    llm_note: str | None = Field(None, description="Why `generated` is missing or partial (backend down or slow, nothing checkable).")


class Verification(BaseModel):
    claim: str
    verdict: Verdict
    explanation: str
    citations: list[Citation] = []
    conflicts: list[Conflict] = []


class Comparison(BaseModel):
    relation: Relation
    score: float
    reasons: list[str] = []


class Passage(BaseModel):
    doc_id: str
    chunk_id: str
    text: str
    start: int
    end: int
    score: float


class DocumentInfo(BaseModel):
    doc_id: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    language: str | None = None
    chunks: int = 0
    chars: int = 0
    inferred: list[str] = Field(default_factory=list, description="Metadata fields inferred from the text, not given.")
