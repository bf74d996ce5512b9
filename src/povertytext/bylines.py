"""Bylines: the signature blocks of speeches and articles (stub; being written).

A byline is the block under a title that names who speaks or writes: a region
line (肇庆), a name line (梁为东) and position lines (肇庆市委农办主任 /
市农业农村局局长、市扶贫办主任); or a 作者: line with positions and a name; or a
reporter credit (新快报记者 朱清海), which names an author, not an official.
"""

from __future__ import annotations

from dataclasses import dataclass

from .models import Author, Official, Region

__all__ = ["Byline", "find_authors", "find_bylines"]


@dataclass(frozen=True)
class Byline:
    """One signature block: the official it names and where the block lies.

    ``official`` is built with the block's positions expanded under ``region``
    (``official.start``/``end`` is the name's span in the block). ``start`` is
    the first character of the block (its region line, when it has one),
    ``end`` the end of its last position line. ``region_start``/``region_end``
    is the span of the region line's name (None without one).
    """

    official: Official
    region: Region | None
    start: int
    end: int
    region_start: int | None = None
    region_end: int | None = None


def find_bylines(text: str) -> list[Byline]:
    """Every signature block in ``text``, in text order."""
    return []


def find_authors(text: str) -> list[Author]:
    """Reporters and other credited writers who are not given as officials (记者 朱清海)."""
    return []
