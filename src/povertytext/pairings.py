"""The reference table of published pairings (``data/pairings.csv``) and the lookups on it.

Each row is one published pairing, helper → helped, with its programme, its period
of ISO dates, its evidence level (``A`` official text or outlet, ``B`` official local
news) and its source. An edge is *covered* by a row when its helper is the row's
helper or lies inside it and its helped unit is the row's or lies inside it
(中山→大关县 is covered by 中山→昭通; 深圳→百色 by 广东→广西). The pair reader uses
the table for ``known`` and to orient pairs whose direction the text leaves open.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from ._data import loader, read_table
from .models import Region
from .regions import is_within, region_for_code, self_and_above

__all__ = ["KnownPairing", "covering", "known", "known_pairings", "pairing_for", "related_rows"]


@dataclass(frozen=True)
class KnownPairing:
    """One row of the reference table ``data/pairings.csv``: a published pairing.

    ``valid_to`` is None for a pairing still open. ``evidence`` is ``A`` (official
    text or outlet) or ``B`` (official local news); ``source`` a URL.
    """

    helper: Region
    helped: Region
    relation: str
    valid_from: dt.date
    valid_to: dt.date | None
    evidence: str
    source: str
    note: str = ""

    @property
    def period(self) -> str:
        """The period as an ISO interval, ``..`` for an open end (``2021-04-01/..``)."""
        end = self.valid_to.isoformat() if self.valid_to else ".."
        return f"{self.valid_from.isoformat()}/{end}"

    def overlaps(self, low: dt.date, high: dt.date) -> bool:
        """Tell whether the period shares a day with ``[low, high]``."""
        return self.valid_from <= high and (self.valid_to is None or low <= self.valid_to)


@loader
def _load_pairings() -> tuple[KnownPairing, ...]:
    """Read ``pairings.csv`` (once per vocabulary)."""
    return tuple(
        KnownPairing(
            helper=region_for_code(row["helper_code"]),
            helped=region_for_code(row["helped_code"]),
            relation=row["relation"],
            valid_from=dt.date.fromisoformat(row["valid_from"]),
            valid_to=dt.date.fromisoformat(row["valid_to"]) if row["valid_to"] else None,
            evidence=row["evidence"],
            source=row["source"],
            note=row["note"],
        )
        for row in read_table("pairings.csv")
    )


def known_pairings() -> tuple[KnownPairing, ...]:
    """Return every row of the reference table of published pairings, in file order.

    >>> rows = [r for r in known_pairings() if r.helped.name == "凉山彝族自治州"]
    >>> [(r.helper.name, r.helped.name, r.period) for r in rows]
    [('佛山市', '凉山彝族自治州', '2016-12-07/2021-04-30')]
    """
    return _load_pairings()


def _date_range(value: str | None) -> tuple[dt.date, dt.date] | None:
    """Return the first and last day of an ISO date (``2020``, ``2020-08``, ``2020-08-19``)."""
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value or "")
    if match is None:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    try:
        if month is None:
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        if day is None:
            return dt.date(year, month, 1), dt.date(
                year, month, calendar.monthrange(year, month)[1]
            )
        return dt.date(year, month, day), dt.date(year, month, day)
    except ValueError:
        return None


def _specificity(row: KnownPairing, helper: Region, helped: Region) -> tuple[int, int, dt.date]:
    """Rank covering rows: exact units first, then the latest period."""
    return (
        (row.helper.code == helper.code) + (row.helped.code == helped.code),
        len(row.helped.code.rstrip("0")) + len(row.helper.code.rstrip("0")),
        row.valid_from,
    )


def covering(helper: Region, helped: Region) -> list[KnownPairing]:
    """Return the rows covering helper → helped, most specific first."""
    rows = [r for r in _rows_helped_by(helper) if is_within(helped, r.helped)]
    return sorted(rows, key=lambda r: _specificity(r, helper, helped), reverse=True)


@loader
def _rows_by_helper() -> dict[str, tuple[tuple[int, KnownPairing], ...]]:
    """The rows of the table by the code of their helper, each with its position in the file."""
    grouped: dict[str, list[tuple[int, KnownPairing]]] = {}
    for position, row in enumerate(known_pairings()):
        grouped.setdefault(row.helper.code, []).append((position, row))
    return {code: tuple(rows) for code, rows in grouped.items()}


@loader
def _rows_helped_by(helper: Region) -> tuple[KnownPairing, ...]:
    """The rows whose helper is ``helper`` or holds it, in file order (cached per unit)."""
    index = _rows_by_helper()
    found = [entry for unit in self_and_above(helper) for entry in index.get(unit.code, ())]
    return tuple(row for _, row in sorted(found, key=lambda entry: entry[0]))


def _related(a: Region, b: Region) -> bool:
    """Tell whether one unit is the other or lies inside it."""
    return is_within(a, b) or is_within(b, a)


def related_rows(helper: Region, helped: Region) -> bool:
    """Tell whether the table pairs these sides in this direction at any level.

    Looser than :func:`covering`: the helped side may also *contain* the row's
    unit, so 宁波 → 贵州 is related through the row 宁波 → 黔西南 (the helper side
    may not: 浙江 is not related to 贵州 through 杭州 → 黔东南). Used to orient a pair whose
    direction the text does not write, and to accept a pairing read from context.

    >>> from povertytext import resolve_region
    >>> related_rows(resolve_region("宁波"), resolve_region("贵州"))
    True
    >>> related_rows(resolve_region("贵州"), resolve_region("宁波"))
    False
    """
    return any(_related(helped, r.helped) for r in _rows_helped_by(helper))


def pairing_for(helper: Region, helped: Region, date: str | None = None) -> KnownPairing | None:
    """Return the most specific published pairing covering helper → helped, or None.

    With ``date`` (ISO, to any precision) only rows whose period overlaps it count.

    >>> from povertytext import resolve_region
    >>> row = pairing_for(resolve_region("佛山"), resolve_region("凉山"), "2019")
    >>> row.period, row.evidence
    ('2016-12-07/2021-04-30', 'A')
    >>> pairing_for(resolve_region("佛山"), resolve_region("凉山"), "2022") is None
    True
    """
    rows = covering(helper, helped)
    if date is not None:
        span = _date_range(date)
        rows = [r for r in rows if span is not None and r.overlaps(*span)]
    return rows[0] if rows else None


def known(
    helper: Region, helped: Region, date: str | None
) -> tuple[bool | None, str | None, str | None]:
    """Return ``known``, ``known_period`` and ``known_source`` for one edge."""
    rows = covering(helper, helped)
    span = _date_range(date)
    if span is None:
        return None, (rows[0].period if rows else None), (rows[0].source if rows else None)
    current = [r for r in rows if r.overlaps(*span)]
    best = (current or rows)[0] if rows else None
    return bool(current), (best.period if best else None), (best.source if best else None)
