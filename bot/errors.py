"""Errors that mean "the user's input is wrong", as opposed to a bug, and the one check of user text.

The API maps `IsnadInputError` to HTTP 4xx with its message and the CLI to a
message and exit code 2; anything else is a real failure and stays loud.
`clean_text` lives here, beside the error it raises and away from any model,
so the CLI can refuse an empty question before it loads anything.
"""

#: Longest question, claim or query: long enough for any real question, short
#: enough that nobody pastes a whole article into the retriever.
MAX_TEXT_CHARS = 2000
#: Most chunks one question may retrieve (``top_k``).
MAX_TOP_K = 100


class IsnadInputError(ValueError):
    """Bad user input (empty question, unknown document, unreadable upload...)."""


class UnknownCollectionError(IsnadInputError):
    """A question named a collection that does not exist (HTTP 404, not an empty answer)."""


def clean_text(value: str, what: str, limit: int = MAX_TEXT_CHARS) -> str:
    """Strip and bound user text; empty or oversized input is a user error, not a crash."""
    text = (value or "").strip()
    if not text:
        raise IsnadInputError(f"{what} is empty")
    if not any(ch.isalnum() for ch in text):  # NULs, punctuation or diacritics only: nothing to compare or find
        raise IsnadInputError(f"{what} has no content (no letters or digits)")
    if len(text) > limit:
        raise IsnadInputError(f"{what} is too long ({len(text)} characters; the limit is {limit})")
    if any("\ud800" <= ch <= "\udfff" for ch in text):  # bytes that were not UTF-8 (a shell's surrogateescape)
        raise IsnadInputError(f"{what} is not valid Unicode text (it holds bytes that are not UTF-8)")
    return text
