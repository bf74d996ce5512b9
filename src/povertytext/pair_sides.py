"""The sides of a pair: region mentions as the pair reader sees them, and who can help whom.

Second stage of :func:`povertytext.extract_pairs`, after the grammar
(:mod:`povertytext.pair_grammar`): the region mentions of a body become
:class:`Side` objects in local offsets (:func:`local_sides`), with 我市, 我省, 本县 …
added for the units they stand for (:func:`with_deictics`). :func:`can_help`,
:func:`orient` and :func:`decide` tell, from the reference table
(:mod:`povertytext.pairings`) and the tiers of ``data/pair_sides.csv``, which of two
units helps the other and which unit an ambiguous name is; the sentence reader
(:mod:`povertytext.pair_reader`) and the edges (:mod:`povertytext.pairs`) use them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .models import Region, RegionMention
from .pair_grammar import PairGrammar
from .pairings import related_rows
from .regions import extract_regions, is_within

__all__ = ["Side", "can_help", "decide", "local_sides", "orient", "related", "with_deictics"]


# ---------------------------------------------------------------- who can help whom


def related(a: Region, b: Region) -> bool:
    """Tell whether one unit is the other or lies inside it."""
    return is_within(a, b) or is_within(b, a)


def _tier(g: PairGrammar, region: Region) -> int | None:
    """The tier of the province of ``region`` in ``pair_sides.csv`` (0 east … 2 west)."""
    return g.tiers.get(region.code[:2])


def can_help(g: PairGrammar, helper: Region, helped: Region) -> bool:
    """Tell whether ``helper`` can help ``helped``: the table pairs them, or its tier is lower."""
    if related(helper, helped):
        return False
    if related_rows(helper, helped):
        return True
    a, b = _tier(g, helper), _tier(g, helped)
    return a is not None and b is not None and a < b and not related_rows(helped, helper)


def orient(g: PairGrammar, a: Region, b: Region) -> tuple[Region, Region]:
    """Return (helper, helped) of a pair written without direction.

    The rules are in :mod:`povertytext.pairs`.
    """
    forward, backward = related_rows(a, b), related_rows(b, a)
    if forward != backward:
        return (a, b) if forward else (b, a)
    ta, tb = _tier(g, a), _tier(g, b)
    if ta is not None and tb is not None and ta != tb:
        return (a, b) if ta < tb else (b, a)
    return a, b


@dataclass(frozen=True)
class Side:
    """A side: a region mention, offsets local to the body.

    ``region`` is None when the name is ambiguous (``candidates`` then lists the
    units); ``modifier`` is True when it names an organisation or a set below the
    county (天津市10家医院), which is no side.
    """

    start: int
    end: int
    region: Region | None
    candidates: tuple[Region, ...] = ()
    modifier: bool = False

    def units(self) -> tuple[Region, ...]:
        """The unit, or the candidates of an ambiguous name."""
        return (self.region,) if self.region is not None else self.candidates


def decide(g: PairGrammar, mention: Side, other: Region | None, helps: bool) -> Region | None:
    """Return the unit of ``mention``, deciding an ambiguous one by the other side."""
    if mention.region is not None or other is None:
        return mention.region
    fits = [
        c for c in mention.candidates if (can_help(g, c, other) if helps else can_help(g, other, c))
    ]
    return fits[0] if len(fits) == 1 else None


# ---------------------------------------------------------------- the sides of a body


def _deictic_region(
    g: PairGrammar,
    norm: str,
    match: re.Match[str],
    implied: Region | None,
    mentions: Sequence[Side],
) -> Region | None:
    """Return the unit that 我市, 我省, 本县 … stand for, or None."""
    level = g.deictic_level[match.group()]
    if implied is not None and _has_level(implied, level):
        return implied
    for m in reversed([m for m in mentions if m.end <= match.start()]):
        if m.region is not None and _has_level(m.region, level):
            return m.region
    return None


def _has_level(region: Region, level: str) -> bool:
    """Tell whether ``region`` is a unit of the kind 省, 市, 县, 区, 州 … names."""
    return region.full_name.endswith(level) or (
        level == "区" and region.level == "province" and region.full_name.endswith("自治区")
    )


def with_deictics(
    g: PairGrammar, norm: str, mentions: list[Side], implied: Region | None
) -> list[Side]:
    """Add 我市, 我省, 本县 … as mentions of the units they stand for."""
    added = list(mentions)
    for match in g.deictic.finditer(norm):
        region = _deictic_region(g, norm, match, implied, mentions)
        if region is not None:
            added.append(Side(match.start(), match.end(), region))
    return sorted(added, key=lambda m: m.start)


def local_sides(
    text: str, start: int, end: int, regions: Sequence[RegionMention] | None
) -> list[Side]:
    """Return the region mentions of ``text[start:end]`` in local offsets."""
    if regions is None:
        regions = extract_regions(text[start:end])
        start_of = 0
    else:
        regions = [m for m in regions if start <= m.start and m.end <= end]
        start_of = start
    return [
        Side(m.start - start_of, m.end - start_of, m.region, tuple(m.candidates)) for m in regions
    ]
