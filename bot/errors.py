"""Errors that mean "the user's input is wrong", as opposed to a bug.

The API maps `IsnadInputError` to HTTP 4xx with its message and the CLI to a
message and exit code 2; anything else is a real failure and stays loud.
"""


class IsnadInputError(ValueError):
    """Bad user input (empty question, unknown document, unreadable upload...)."""


class UnknownCollectionError(IsnadInputError):
    """A question named a collection that does not exist (HTTP 404, not an empty answer)."""
