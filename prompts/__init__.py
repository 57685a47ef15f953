"""Text templates (TOML) for the wording Isnad adds around quoted evidence."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path

_DIR = Path(__file__).resolve().parent


@lru_cache(maxsize=None)
def load(name: str) -> dict:
    """The template table ``prompts/NAME.toml``."""
    with open(_DIR / f"{name}.toml", "rb") as fh:
        return tomllib.load(fh)
