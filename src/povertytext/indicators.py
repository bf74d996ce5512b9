"""Indicators: quantities bound to what they count (stub; being written)."""

from __future__ import annotations

from collections.abc import Sequence

from .models import AssistancePair, DateMention, Indicator, Quantity, Region

__all__ = ["extract_indicators", "find_indicators"]


def extract_indicators(
    text: str, *, region: str | Region | None = None, date: str | None = None
) -> list[Indicator]:
    """Every quantity in ``text`` bound to its subject, metric, region and date."""
    return find_indicators(text, 0, len(text), region=region, date=date)


def find_indicators(
    text: str,
    start: int,
    end: int,
    *,
    region: str | Region | None = None,
    date: str | None = None,
    quantities: Sequence[Quantity] | None = None,
    dates: Sequence[DateMention] | None = None,
    pairs: Sequence[AssistancePair] | None = None,
) -> list[Indicator]:
    """The indicators of ``text[start:end]``, with offsets into ``text``."""
    return []
