"""Units and qualifiers: the tables ``units.csv``, ``qualifiers.csv``,
``qualifier_blockers.csv`` and ``temperature_prefixes.csv``, and their matchers.

A unit is matched at a position of normalized text (the longest surface first); a
qualifier is looked up before or after an amount (约, 超过, 以上, 累计). Each table is
read by a :func:`~povertytext._data.loader` function, so a vocabulary reaches it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ._data import loader, read_table
from ._text import LINE_OR_SENTENCE_ENDS
from .models import Quantity, QuantityKind
from .numerals import canonical, exact_context, normalize


@dataclass(frozen=True, slots=True)
class Unit:
    surface: str
    unit: str
    kind: QuantityKind
    currency: str | None
    scale: Decimal
    base: str | None
    base_factor: Decimal
    standalone: bool


@dataclass(frozen=True, slots=True)
class Qualifier:
    text: str
    position: str
    bound: str
    approximate: bool
    in_span: bool


@loader
def unit_table() -> dict[str, Unit]:
    units: dict[str, Unit] = {}
    for row in read_table("units.csv"):
        units[normalize(row["surface"])] = Unit(
            surface=row["surface"],
            unit=row["unit"],
            kind=row["kind"],  # type: ignore[arg-type]
            currency=row["currency"] or None,
            scale=Decimal(row["scale"]),
            base=row["base"] or None,
            base_factor=Decimal(row["base_factor"]),
            standalone=row["standalone"] == "yes",
        )
    return units


@loader
def qualifier_table() -> dict[str, Qualifier]:
    return {
        row["qualifier"]: Qualifier(
            row["qualifier"],
            row["position"],
            row["bound"],
            row["approximate"] == "yes",
            row["in_span"] == "yes",
        )
        for row in read_table("qualifiers.csv")
    }


@loader
def currency_words() -> dict[str, str]:
    """Currency names that may stand before an amount or after 元 (人民币, 港币, 日币)."""
    return {
        surface: unit.currency
        for surface, unit in unit_table().items()
        if unit.kind == "money" and unit.currency and unit.scale == 1 and len(surface) >= 2
    }


@loader
def _units_by_char() -> dict[str, tuple[tuple[int, dict[str, Unit]], ...]]:
    """For each first character of a unit: (length, the units of that length starting
    with it), longest first; one lookup of the loader per :func:`match_unit`."""
    return _grouped_by_first_char(unit_table())


@loader
def _standalone_units_by_char() -> dict[str, tuple[tuple[int, dict[str, Unit]], ...]]:
    """:func:`_units_by_char` of the units that may stand in running text (``whole=False``):
    the others are skipped there, as if they were not in the table."""
    standalone = {surface: unit for surface, unit in unit_table().items() if unit.standalone}
    return _grouped_by_first_char(standalone)


def _grouped_by_first_char(
    units: dict[str, Unit],
) -> dict[str, tuple[tuple[int, dict[str, Unit]], ...]]:
    grouped: dict[str, dict[int, dict[str, Unit]]] = {}
    for surface, unit in units.items():
        grouped.setdefault(surface[:1], {}).setdefault(len(surface), {})[surface] = unit
    return {
        char: tuple((length, by_length[length]) for length in sorted(by_length, reverse=True))
        for char, by_length in grouped.items()
    }


def match_unit(s: str, i: int, *, whole: bool) -> Unit | None:
    """The longest unit written at ``i`` (one space before it is allowed)."""
    table = _units_by_char() if whole else _standalone_units_by_char()
    for length, units in table.get(s[i : i + 1], ()):
        surface = s[i : i + length]
        unit = units.get(surface)
        if unit is None:
            continue
        if surface[-1].isascii() and surface[-1].isalpha() and is_ascii_letter(s, i + length):
            continue  # 8m but not "8 miles" read as m
        return unit
    return None


def is_ascii_letter(s: str, i: int) -> bool:
    return i < len(s) and s[i].isascii() and s[i].isalpha()


def leading_qualifier(
    s: str, start: int, *, bare_magnitude: bool = False
) -> tuple[Qualifier, int] | None:
    """The qualifier written right before ``start`` (约, 超过, 上万), and where it starts.

    One layout space may stand between (约 30 公里). 上, 过 and 不过 qualify only a
    magnitude written without a digit (上万名, 过亿元, 不过万元): position ``magnitude``.
    """
    end = start - 1 if start > 0 and s[start - 1] == " " else start
    if end == 0 or s[end - 1] not in _leading_last_char_sets()[bare_magnitude]:
        return None  # no qualifier of these positions ends with the character before
    positions = ("before", "magnitude") if bare_magnitude else ("before",)
    table = qualifier_table()
    for length in (3, 2, 1):
        if end - length < 0:
            continue
        qualifier = table.get(s[end - length : end])
        if qualifier is not None and qualifier.position in positions:
            return None if _ends_in_word(s, end) else (qualifier, end - length)
    return None


@loader
def _leading_last_char_sets() -> tuple[frozenset[str], frozenset[str]]:
    """:func:`_leading_last_chars` without and with ``bare_magnitude``, in that order:
    one loader call without arguments (a bool indexes the pair)."""
    return _leading_last_chars(False), _leading_last_chars(True)


@loader
def _leading_last_chars(bare_magnitude: bool) -> frozenset[str]:
    """The last characters of the qualifiers that :func:`leading_qualifier` may find."""
    positions = ("before", "magnitude") if bare_magnitude else ("before",)
    return frozenset(
        word[-1] for word, qualifier in qualifier_table().items() if qualifier.position in positions
    )


@loader
def trailing_first_chars() -> frozenset[str]:
    """The first characters of the qualifiers written after an amount (以上, 左右, 多)."""
    return frozenset(
        word[0] for word, qualifier in qualifier_table().items() if qualifier.position == "after"
    )


@loader
def _qualifier_blockers() -> frozenset[str]:
    return frozenset(normalize(row["word"]) for row in read_table("qualifier_blockers.csv"))


def _ends_in_word(s: str, start: int) -> bool:
    """签约 before 34个: the qualifier-like characters end a word of their own."""
    return any(s[max(0, start - len(word)) : start] == word for word in _qualifier_blockers())


_SENTENCE_END = LINE_OR_SENTENCE_ENDS
_SCOPE_WINDOW = 120


def scope_qualifier(s: str, start: int) -> str | None:
    """累计 (or 共计, 总计) earlier in the same sentence: it scopes the amounts after it."""
    window_start = start - _SCOPE_WINDOW if start > _SCOPE_WINDOW else 0
    if _scope_pattern().search(s, window_start, start) is None:
        return None  # the clause lies inside the window: none of them is in it either
    window = s[window_start:start]
    words = [word for word in _scope_words() if word in window]
    sentence_start = max(s.rfind(mark, window_start, start) for mark in _SENTENCE_END)
    clause = s[max(sentence_start, window_start) : start]
    return next((word for word in words if word in clause), None)


@loader
def _scope_pattern() -> re.Pattern[str]:
    """Any of the scope words (one search of the window instead of a slice per word)."""
    return re.compile("|".join(re.escape(word) for word in _scope_words()) or "(?!)")


@loader
def _scope_words() -> tuple[str, ...]:
    """The qualifiers that scope the amounts after them (累计, 共计), in table order."""
    return tuple(
        word for word, qualifier in qualifier_table().items() if qualifier.position == "scope"
    )


# ---------------------------------------------------------------- building the model


@loader
def temperature_scales() -> dict[str, str]:
    """Scale words written before a temperature (摄氏, 华氏温度) → the unit they make."""
    return {normalize(row["prefix"]): row["unit"] for row in read_table("temperature_prefixes.csv")}


def temperature_prefix(
    s: str, start: int, unit: Unit, value: Decimal | None
) -> tuple[int, Unit, Decimal | None]:
    """华氏温度98.6度, 摄氏37°: the scale written before; 零下四摄氏度: below zero."""
    if s[max(0, start - 2) : start] == "零下" and value is not None:
        start, value = start - 2, -value
    if unit.unit in ("度",):
        for prefix, scale in temperature_scales().items():
            if s[max(0, start - len(prefix)) : start] == prefix:
                return start - len(prefix), unit_table()[scale], value
    return start, unit, value


@loader
def _base_of_unit() -> dict[str, tuple[str, Decimal]]:
    bases: dict[str, tuple[str, Decimal]] = {}
    for unit in unit_table().values():
        if unit.base and unit.kind != "money":
            bases.setdefault(unit.unit, (unit.base, unit.base_factor))
    return bases


def to_base_unit(quantity: Quantity) -> tuple[str, Decimal | None] | None:
    """The quantity's unit in English and its value in that unit, or None if unknown.

    >>> from povertytext import parse_quantity
    >>> to_base_unit(parse_quantity("1293万亩"))
    ('Mu', Decimal('12930000'))
    >>> to_base_unit(parse_quantity("五打"))
    ('dozen', Decimal('60'))
    """
    base = _base_of_unit().get(quantity.unit or "")
    if base is None:
        return None
    name, factor = base
    if quantity.value is None:
        return name, None
    return name, canonical(exact_context(quantity.value, factor).multiply(quantity.value, factor))


def qualifier_bound(word: str | None) -> str:
    """The ``bound`` of qualifier ``word`` in the table (``exact`` for no qualifier)."""
    qualifier = qualifier_table().get(word or "")
    return qualifier.bound if qualifier is not None else "exact"
