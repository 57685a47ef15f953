"""Citations for tests of the direct line: one quote of one outlet, whole, as retrieval would hand it on."""

from __future__ import annotations

from bot.schema import Citation


def cite(n: int, quote: str, score: float = 0.9) -> Citation:
    """Citation ``n`` of document ``d{n}``: all of ``quote``, attributed to one outlet."""
    return Citation(n=n, doc_id=f"d{n}", chunk_id=f"d{n}:0", quote=quote, start=0, end=len(quote), score=score, attributed_to="Outlet A")
