"""Assistance pairs: who helps whom (stub; being written)."""

from __future__ import annotations

from collections.abc import Sequence

from .models import AssistancePair, Region, RegionMention

__all__ = ["extract_pairs", "find_pairs"]


def extract_pairs(
    text: str, helper: str | Region | None = None, *, date: str | None = None
) -> list[AssistancePair]:
    """Every assistance relation stated in ``text``, as directed edges helper → helped."""
    return find_pairs(text, 0, len(text), helper=helper, date=date)


def find_pairs(
    text: str,
    start: int,
    end: int,
    *,
    helper: str | Region | None = None,
    date: str | None = None,
    regions: Sequence[RegionMention] | None = None,
) -> list[AssistancePair]:
    """The pairs stated in ``text[start:end]``, with offsets into ``text``."""
    return []
