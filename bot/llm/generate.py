"""Have the configured model write the answer, check it, and fall back when it cannot.

The extractive answer is always built first and always returned; generation only
adds ``generated`` (the checked sentences) beside it. A model that is down, slow
or failing costs the user a note, never the request: every model error becomes
the extractive answer plus a note that says so. Streaming checks each sentence
as soon as the next one starts, so unchecked text never reaches a reader.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np
from langchain_core.embeddings import Embeddings
from langchain_core.runnables import Runnable

from bot.llm.checker import SentenceCheck, Similarity, check_sentence, split_generated
from bot.llm.prompt import answer_messages, quotes_of, rewrite_messages, templates
from bot.schema import Answer, UnsupportedSentence
from language.normalize import detect_language

log = logging.getLogger(__name__)

#: A citation marker still being written at the end of the text received so far.
_OPEN_MARKER = re.compile(r"\[[\d\s,،]*$")


@dataclass
class Generation:
    """What the model added to an answer: checked text, what was removed, and why it fell back if it did."""

    backend: str
    sentences: list[str] = field(default_factory=list)
    unsupported: list[SentenceCheck] = field(default_factory=list)
    note: str | None = None

    @property
    def text(self) -> str | None:
        return " ".join(self.sentences) or None

    def apply(self, answer: Answer) -> Answer:
        """The answer with the generation's fields set (the pipeline's fields untouched)."""
        return answer.model_copy(
            update={
                "generated": self.text,
                "unsupported_sentences": [
                    UnsupportedSentence(text=s.text, citations=list(s.citations), reasons=list(s.problems)) for s in self.unsupported
                ],
                "llm": self.backend,
                "llm_note": self.note,
            }
        )


def embedding_similarity(embeddings: Embeddings) -> Similarity:
    """Best cosine between a sentence and its quotes, in the evidence model's (multilingual) space."""

    def similarity(sentence: str, quotes: Sequence[str]) -> float:
        vectors = np.asarray(embeddings.embed_documents([sentence, *quotes]), dtype=float)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-12
        return float((vectors[1:] @ vectors[0]).max())

    return similarity


def is_silent(text: str, lang: str) -> bool:
    """Whether the model said only that the evidence does not answer (the prompt's fixed reply), in either language."""
    said = " ".join(text.split()).strip("«»\"' ")
    return said in {templates(x)["silent"] for x in {lang, "ar", "en"}}


def _reason(exc: BaseException) -> str:
    """A short, key-free description of a model failure for the note."""
    name = type(exc).__name__
    return "timed out" if "timeout" in name.lower() or isinstance(exc, TimeoutError) else name


class Writer:
    """Generates and checks answers with one chat model."""

    def __init__(self, model: Runnable, backend: str, similarity: Similarity | None = None):
        self.model, self.backend, self.similarity = model, backend, similarity

    def stream(self, answer: Answer, anchors: Mapping[str, date | None] | None = None) -> Iterator[str | Generation]:
        """Yield each supported sentence as it is complete, then the :class:`Generation`.

        Never called for an answer that abstains: the model gets no say when the
        collection has nothing to quote. ``anchors``: each cited article's anchor date, by doc id.
        """
        t = templates(answer.language)
        quotes = {q.n: q for q in quotes_of(answer, anchors)}
        gen = Generation(self.backend)
        buffer, done = "", 0

        def settle(sentences: list[str]) -> Iterator[str]:
            for sentence in sentences:
                result = check_sentence(sentence, quotes, answer.question, self.similarity)
                if result.supported:
                    gen.sentences.append(sentence)
                    yield sentence
                else:
                    gen.unsupported.append(result)

        try:
            for chunk in self.model.stream(answer_messages(answer)):
                buffer += chunk.content if isinstance(chunk.content, str) else ""
                sentences = split_generated(_OPEN_MARKER.sub("", buffer))  # "... أيام. [2" : its marker is still coming
                yield from settle(sentences[done:-1])  # the last one may still be growing
                done = max(done, len(sentences) - 1)
        except Exception as exc:  # any backend failure: the extractive answer stands, with a note
            log.warning("language model %s failed: %r", self.backend, exc)
            gen.note = t["fallback_error"].format(reason=_reason(exc))
            yield gen
            return
        yield from settle(split_generated(buffer)[done:])
        if is_silent(buffer, answer.language):  # the reply the prompt asks for when the quotes do not answer: not a claim
            gen.unsupported, gen.note = [], t["fallback_silent"]
        elif not gen.sentences:
            gen.note = t["fallback_empty"]
        yield gen

    def write(self, answer: Answer, anchors: Mapping[str, date | None] | None = None) -> Answer:
        """The answer with its checked generation (or the fallback note)."""
        *_, gen = self.stream(answer, anchors)
        return gen.apply(answer)

    def rewrite(self, history: list[str], question: str) -> str:
        """A follow-up as a standalone question (``bot.llm.conversation``); errors propagate to the caller."""
        reply = self.model.invoke(rewrite_messages(history, question, detect_language(question)))
        return reply.content if isinstance(reply.content, str) else ""
