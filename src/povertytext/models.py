"""The typed results of povertytext: frozen pydantic models.

Every model that stands for a piece of text carries ``text``, ``start`` and
``end``: Python string offsets into the caller's original string, so that
``source[m.start:m.end] == m.text`` always holds. Values are ``Decimal``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, model_validator

__all__ = [
    "DateMention",
    "Quantity",
    "QuantityKind",
    "Region",
    "RegionLevel",
    "RegionMention",
    "Span",
]

QuantityKind = Literal[
    "count",
    "money",
    "percent",
    "fraction",
    "multiple",
    "area",
    "mass",
    "length",
    "volume",
    "duration",
    "temperature",
    "age",
    "anniversary",
    "data",
    "frequency",
    "power",
    "energy",
    "speed",
    "other",
]


class Span(BaseModel):
    """A piece of the caller's text: ``text == source[start:end]``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str
    start: int
    end: int

    @model_validator(mode="after")
    def _check_span(self) -> Span:
        if not 0 <= self.start <= self.end or self.end - self.start != len(self.text):
            raise ValueError(f"span [{self.start}, {self.end}) does not fit text {self.text!r}")
        return self


class Quantity(Span):
    """A number with its unit, as written in the text.

    ``value`` is the stated amount with magnitudes folded in (40.48亿元 →
    4048000000, unit 元). A range (8-12个) has ``value=None`` and ``low`` /
    ``high``; a masked number (*.**亿元) has ``value=None`` and ``masked=True``.

    >>> import povertytext as pt
    >>> q = pt.parse_quantity("约40.48亿元")
    >>> q.value, q.unit, q.currency, q.kind, q.qualifier, q.approximate
    (Decimal('4048000000'), '元', 'CNY', 'money', '约', True)
    >>> str(q)
    '约40.48亿元 = 4048000000 元'
    """

    value: Decimal | None = None
    low: Decimal | None = None
    high: Decimal | None = None
    unit: str | None = None
    kind: QuantityKind = "count"
    currency: str | None = None
    qualifier: str | None = None
    approximate: bool = False
    masked: bool = False

    @property
    def is_range(self) -> bool:
        """True when the quantity is a range (``low`` and/or ``high`` given, no ``value``)."""
        return self.value is None and (self.low is not None or self.high is not None)

    def interval(self) -> tuple[Decimal | None, Decimal | None]:
        """The amount meant, as (low, high) bounds; None for an open or unknown end.

        A range gives its ends; a qualifier turns the stated value into a bound
        (超过5000万元 → (50000000, None), 不足1.9万 → (None, 19000)); 多 and 余
        give the step of the last digit (3000多 → (3000, 4000)); 约 and 左右
        give (value, value), the stated value being the best estimate.

        >>> import povertytext as pt
        >>> pt.parse_quantity("3000多欧元").interval()
        (Decimal('3000'), Decimal('4000'))
        >>> pt.parse_quantity("超过2000台").interval()
        (Decimal('2000'), None)
        """
        from .quantities import quantity_interval

        return quantity_interval(self)

    def __str__(self) -> str:
        unit = f" {self.unit}" if self.unit else ""
        if self.masked:
            amount = "masked"
        elif self.is_range:
            low = "" if self.low is None else format(self.low, "f")
            high = "" if self.high is None else format(self.high, "f")
            amount = f"{low}–{high}"
        else:
            amount = format(self.value, "f")
        return f"{self.text} = {amount}{unit}"


DatePrecision = Literal["year", "month", "day", "part", "unknown"]


class DateMention(Span):
    """A date expression in the text.

    ``value`` is ISO 8601 to the precision written (``2020``, ``2020-12``,
    ``2020-08-19``) when the year is written, else None. ``resolved`` is the
    same for a date whose year (or whole value) came from the ``reference``
    date given to :func:`povertytext.extract_dates` (今年 → ``2020``). A range
    (8月17日—18日) has ``value=None`` and ``range`` = its two ends (ISO, or
    ``--08-17`` when the year is unknown). An anonymized year (20__年) has
    ``anonymized=True`` and no value: no year is invented.
    """

    year: int | None = None
    month: int | None = None
    day: int | None = None
    precision: DatePrecision = "unknown"
    part: str | None = None
    relative: bool = False
    anonymized: bool = False
    value: str | None = None
    resolved: str | None = None
    range: tuple[str, str] | None = None

    def __str__(self) -> str:
        shown = self.value or self.resolved or ("–".join(self.range) if self.range else "?")
        return f"{self.text} = {shown}"


RegionLevel = Literal["province", "city", "county"]


class Region(BaseModel):
    """An administrative division of China with its national code.

    ``code`` is the 6-digit administrative division code, ``parent`` the code
    of the unit above (None for a province). A unit abolished or renamed has
    ``valid_to`` set and ``successor`` naming the code of the unit that took
    its place.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    full_name: str
    code: str
    level: RegionLevel
    parent: str | None = None
    valid_from: int | None = None
    valid_to: int | None = None
    successor: str | None = None

    def __str__(self) -> str:
        return f"{self.full_name} ({self.code})"


class RegionMention(Span):
    """A place name found in text, resolved to a :class:`Region` when unambiguous.

    An ambiguous name (several units share it and the context does not
    decide) has ``region=None`` and its ``candidates`` listed.
    """

    region: Region | None = None
    candidates: tuple[Region, ...] = ()
