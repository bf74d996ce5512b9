"""Officials: names and positions (stub; being written)."""

from __future__ import annotations

from .models import Official

__all__ = ["extract_officials"]


def extract_officials(text: str) -> list[Official]:
    """Every named official in ``text``, once, with all positions the text gives."""
    return []
