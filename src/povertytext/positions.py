"""Positions: titles of office read and expanded to their full form (stub; being written)."""

from __future__ import annotations

from .models import Position, Region

__all__ = ["expand_positions"]


def expand_positions(
    text: str, start: int, end: int, region: Region | None = None
) -> tuple[Position, ...]:
    """The positions written in ``text[start:end]``, each expanded to its full form."""
    return ()
