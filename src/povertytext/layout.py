"""Layout: a page of text split into its documents (stub; being written)."""

from __future__ import annotations

from .models import Page

__all__ = ["parse"]


def parse(text: str, source: str | None = None) -> Page:
    """Split ``text`` into documents and extract everything in them."""
    return Page(source=source, length=len(text))
