"""Quantities: a numeral with its magnitude, unit, qualifier and range, as written.

:func:`extract_quantities` scans free text and never raises; :func:`parse_quantity`
reads one whole quantity and raises :class:`~povertytext.QuantityError` (or a
:class:`~povertytext.NumeralError`) on anything else. Both follow the span
convention of the design: from an adjacent leading qualifier (约, 超过) through the
numeral, its magnitude and the unit written right after it, to an adjacent
trailing qualifier (多, 以上, 左右); the counted noun stays outside.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal, localcontext
from functools import cache

from . import _lexicon
from ._data import read_table
from .dates import extract_dates
from .errors import MaskedNumberError, NumeralError, QuantityError, require_text
from .models import Quantity, QuantityKind
from .numerals import (
    EXACT,
    FRACTION_CONTEXT,
    MASK_CHARS,
    Numeral,
    _canonical,
    _read_fraction_digits,
    divide_by_magnitude,
    exact_context,
    magnitude_values,
    masked_end,
    normalize,
    not_alone_chars,
    numeral_start_chars,
    overlong_run,
    read_numeral,
)

__all__ = [
    "extract_numbers",
    "extract_quantities",
    "parse_quantity",
    "quantity_interval",
    "to_base_unit",
]

_RANGE_SEPARATOR = re.compile(r"——|--|[—\-~〜～至到－]")
# 百分之, 千分之, 万分之, 百万分之, 万万分之 …: "per hundred/thousand/…", read as a percent.
_PER_PREFIX = re.compile(r"[百千万亿]{1,6}分之")
_PER_FIRST = tuple("百千万亿")  # the characters _PER_PREFIX can start with


def _per_scale(prefix: str) -> Decimal:
    """百分之 → 1, 千分之 → 0.1, 百万分之 → 0.0001: the percent one unit of N stands for."""
    denominator = Decimal(1)
    for char in prefix[: -len("分之")]:
        denominator *= magnitude_values()[char]
    return divide_by_magnitude(Decimal(100), denominator)


# 多 / 余 (餘) after a numeral: "more than"; 个多 before a time noun; one layout space before.
_MORE = "多余餘"
_GE_MORE = ("个多", "个余", "個多", "個余", "个餘", "個餘")
_SPACED_MORE = (" 多", " 余", " 餘")
_INCLUSIVE_MARK = re.compile(r"\s?[(（]含[)）]")
_SIGN_CHARS = "负-"
# A "-" is a minus sign only at the start or after a space or one of these; elsewhere it
# joins identifiers (010-68251888, 号-1) or ranges.
_SIGN_CONTEXT = " \n\t,，:：(（=[【、;；"
# Characters before a "-" that join it to what follows (3号-1, 2020年-2025年, 5万元-8万元).
_JOINING_CHARS = "号年月日时分秒期届版第"


def _minus_stands(s: str, i: int) -> bool:
    """Is the "-" at ``i`` a minus sign? At the start, after a space or punctuation, and
    after a word (同比-12.3%, 利润-500万元, 气温-3℃); not after a digit (8-12个: a range),
    a numeral, a letter, a unit (5万元-8万元) or a joining character (3号-1)."""
    if i == 0 or s[i - 1] in _SIGN_CONTEXT:
        return True
    before = s[i - 1]
    if not "\u4e00" <= before <= "\u9fff" or before in _JOINING_CHARS:
        return False
    if before in numeral_start_chars() or before in magnitude_values():
        return False
    return not _unit_ends_at(s, i)


def _unit_ends_at(s: str, i: int) -> bool:
    """Does a unit after a numeral (5万元, 3公斤) end just before ``i``? (温度 is no unit.)"""
    units = _units()
    numeral_chars = numeral_start_chars()
    return any(
        i - k >= 1 and s[i - k : i] in units and s[i - k - 1] in numeral_chars for k in range(1, 5)
    )


# 一年 after these is "the year" (过去的一年, 这一年), not a duration of one year.
_REFERENCE_WORDS = "的这那每同上下前后"
_ROUND_MONEY_SUFFIX = ("整", "正")
_DIVISION_WORD = "分之"


@dataclass(frozen=True, slots=True)
class _Unit:
    surface: str
    unit: str
    kind: QuantityKind
    currency: str | None
    scale: Decimal
    base: str | None
    base_factor: Decimal
    standalone: bool


@dataclass(frozen=True, slots=True)
class _Qualifier:
    text: str
    position: str
    bound: str
    approximate: bool
    in_span: bool


@cache
def _units() -> dict[str, _Unit]:
    units: dict[str, _Unit] = {}
    for row in read_table("units.csv"):
        units[normalize(row["surface"])] = _Unit(
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


@cache
def _qualifiers() -> dict[str, _Qualifier]:
    return {
        row["qualifier"]: _Qualifier(
            row["qualifier"],
            row["position"],
            row["bound"],
            row["approximate"] == "yes",
            row["in_span"] == "yes",
        )
        for row in read_table("qualifiers.csv")
    }


@cache
def _currency_words() -> dict[str, str]:
    """Currency names that may stand before an amount or after 元 (人民币, 港币, 日币)."""
    return {
        surface: unit.currency
        for surface, unit in _units().items()
        if unit.kind == "money" and unit.currency and unit.scale == 1 and len(surface) >= 2
    }


@cache
def _unit_lengths_by_char() -> dict[str, tuple[int, ...]]:
    """For each first character of a unit, the lengths of the units it starts, longest first."""
    lengths: dict[str, set[int]] = {}
    for surface in _units():
        lengths.setdefault(surface[:1], set()).add(len(surface))
    return {char: tuple(sorted(found, reverse=True)) for char, found in lengths.items()}


def _match_unit(s: str, i: int, *, whole: bool) -> _Unit | None:
    """The longest unit written at ``i`` (one space before it is allowed)."""
    units = _units()
    for length in _unit_lengths_by_char().get(s[i : i + 1], ()):
        surface = s[i : i + length]
        unit = units.get(surface)
        if unit is None or (not unit.standalone and not whole):
            continue
        if surface[-1].isascii() and surface[-1].isalpha() and _is_ascii_letter(s, i + length):
            continue  # 8m but not "8 miles" read as m
        return unit
    return None


def _is_ascii_letter(s: str, i: int) -> bool:
    return i < len(s) and s[i].isascii() and s[i].isalpha()


@dataclass(slots=True)
class _Draft:
    """A quantity while it is being read: offsets into the normalized text."""

    start: int
    end: int
    value: Decimal | None
    low: Decimal | None = None
    high: Decimal | None = None
    unit: _Unit | None = None
    currency: str | None = None
    kind: QuantityKind | None = None
    qualifiers: list[str] = field(default_factory=list)
    masked: bool = False
    numeral: Numeral | None = None
    bare_chinese: bool = False
    bare_magnitude: bool = False


# ---------------------------------------------------------------- reading one quantity


def _read_quantity(s: str, i: int, *, whole: bool) -> _Draft | None:
    """Read the quantity whose numeral starts at ``i`` in normalized text ``s``."""
    draft = _read_amount(s, i, whole=whole)
    if draft is None:
        return None
    _read_unit_and_tail(s, draft, whole=whole)
    masked_tail = None if draft.value is None else _masked_tail(s, draft.start, draft.end)
    if masked_tail is not None:
        return _read_masked(s, i, masked_tail)  # 1元1*: the last digits are masked
    _read_range(s, draft, whole=whole)
    _read_trailing_qualifier(s, draft)
    return draft


def _read_amount(s: str, i: int, *, whole: bool) -> _Draft | None:
    """The numeral itself: percent prefixes, signs, fractions, masks, magnitudes."""
    per = _PER_PREFIX.match(s, i) if s.startswith(_PER_FIRST, i) else None
    if per is not None:
        return _read_percent_prefix(s, i, per.group(), _per_scale(per.group()))
    sign = Decimal(1)
    j = i
    if i >= len(s):
        return None
    if s[i] in _SIGN_CHARS:
        if i + 1 >= len(s) or s[i + 1] in _SIGN_CHARS:
            return None
        if s[i] == "-" and not _minus_stands(s, i):
            return None
        per = _PER_PREFIX.match(s, i + 1)
        if per is not None:
            draft = _read_percent_prefix(s, i + 1, per.group(), _per_scale(per.group()))
            if draft is not None and draft.value is not None:
                draft.start = i
                draft.value = -draft.value
            return draft
        sign = Decimal(-1)
        j = i + 1
        while whole and j < len(s) and s[j] == " ":
            j += 1
    mask = masked_end(s, j)
    if mask is not None:
        return _read_masked(s, i, mask)
    numeral: Numeral | None
    if whole and s.startswith("半", j) and _match_unit(s, j + 1, whole=True) is not None:
        numeral = Numeral(j, j + 1, Decimal("0.5"))  # 半公升, 半个: one half
    elif not whole and _liang_pair(s, j) is not None:
        numeral = _liang_pair(s, j)  # 一两个, 两三天, 两三万
    elif _BARE_DECIMAL.match(s, j) and (j == 0 or s[j - 1] not in numeral_start_chars()):
        fraction, end = _read_fraction_digits(s, j + 1)
        numeral = Numeral(j, end, Decimal("0." + fraction))
    elif not whole and _half_of_a_duration(s, j):
        numeral = Numeral(j, j + 1, Decimal("0.5"), digits="0.5")  # 半年, 半天, 半小时
    elif not whole and s[j] in _VAGUE_IN_TEXT:
        return _read_vague_magnitude(s, i, j)
    else:
        numeral = read_numeral(s, j, whole=whole)
    if numeral is None and not whole:
        return _read_bare_magnitude(s, i, j)
    if numeral is None:
        return None
    draft = _Draft(i, numeral.end, numeral.value, numeral.low, numeral.high, numeral=numeral)
    draft.bare_chinese = not numeral.arabic and numeral.digits is None
    _read_fraction(s, draft, whole=whole)
    masked_tail = _masked_tail(s, i, draft.end)
    if masked_tail is not None:
        return _read_masked(s, i, masked_tail)
    if draft.value is not None and sign < 0:
        draft.value = -draft.value
    _read_inner_qualifier(s, draft)
    return draft


# Characters before 半 that make it part of a word (上半年, 一半, 大半, 多半, 过半).
_HALF_WORDS = "上下前后一大多过夜"


def _half_of_a_duration(s: str, j: int) -> bool:
    """半年, 半天, 半个月, 半小时: 半 before a time noun is one half (not 上半年, 一半)."""
    if not s.startswith("半", j) or (j > 0 and s[j - 1] in _HALF_WORDS):
        return False
    if s.startswith(_GE_MORE, j + 1):
        j += 2  # 半个多月: 个 + 多 + the time noun
        probe = "个" + s[j + 1 : j + 5]
        unit = _match_unit(probe, 0, whole=False)
    else:
        unit = _match_unit(s, j + 1, whole=False)
    return unit is not None and unit.kind == "duration"


# Magnitudes that may stand without a digit (上万名, 近千户, 过亿元, 千余处, 千万以上).
_BARE_MAGNITUDES = "百千万亿"


def _magnitude_chain(s: str, j: int) -> tuple[Decimal, int]:
    """The product of the magnitude characters at ``j`` (千万 → 10⁷) and where they end."""
    value, k = Decimal(1), j
    while k < len(s) and k - j < 3 and s[k] in _BARE_MAGNITUDES:
        value *= magnitude_values()[s[k]]
        k += 1
    return value, k


def _read_bare_magnitude(s: str, i: int, j: int) -> _Draft | None:
    """上万名, 近千户, 过亿元, 超亿元, 千余处, 上百元, 千万以上: a magnitude with no digit.

    Read only when a qualifier marks it as an amount: one before it (上, 近, 过, 超),
    余/多 after it, or 以上/以下/左右 after it; a bare 千万 is the adverb (千万不要).
    """
    if i != j or j >= len(s) or s[j] not in _BARE_MAGNITUDES:
        return None
    if j > 0 and (s[j - 1] in numeral_start_chars() or s[j - 1] in _VAGUE_DIGITS):
        return None
    value, k = _magnitude_chain(s, j)
    numeral = Numeral(j, k, value, magnitude=value)
    draft = _Draft(i, k, value, numeral=numeral, bare_magnitude=True)
    marked = _leading_qualifier(s, j, bare_magnitude=True) is not None
    if k < len(s) and s[k] in _MORE:
        draft.qualifiers.append(s[k])
        draft.end = k + 1
        marked = True
    after_unit = _match_unit(s, draft.end, whole=False)
    tail = draft.end + (len(after_unit.surface) if after_unit else 0)
    trailing = _qualifiers().get(s[tail : tail + 2])
    if trailing is not None and trailing.position == "after":
        marked = True
    if not marked or (after_unit is None and (value < 10000 or trailing is None)):
        return None
    return draft


def _read_vague_magnitude(s: str, i: int, j: int) -> _Draft | None:
    """数十户, 几百名, 数千万元: a vague digit before a magnitude, the range 1×–10× of it."""
    if j + 1 >= len(s) or s[j + 1] not in "十" + _BARE_MAGNITUDES:
        return None
    if s[j + 1] == "十":
        value, k = _magnitude_chain(s, j + 2)
        value, k = value * 10, k
    else:
        value, k = _magnitude_chain(s, j + 1)
    numeral = Numeral(j, k, None, low=value, high=value * 10, magnitude=value)
    unit = _match_unit(s, k, whole=False)
    if unit is None and value < 10000:
        return None
    return _Draft(i, k, None, low=value, high=value * 10, numeral=numeral)


# Colloquial pairs written with 两 (the digit reader pairs only 一二三…九 without 两).
_LIANG_PAIRS = {"一两": (1, 2), "两三": (2, 3)}


def _liang_pair(s: str, j: int) -> Numeral | None:
    """一两个, 两三天: one or two, two or three; 两三万 folds its magnitude (20000–30000).

    Read before a count or time word, or before 十/百/千/万/亿; 一两 of weight stays out.
    """
    pair = _LIANG_PAIRS.get(s[j : j + 2])
    if pair is None:
        return None
    low, high = Decimal(pair[0]), Decimal(pair[1])
    if j + 2 < len(s) and s[j + 2] in "十" + _BARE_MAGNITUDES:
        if s[j + 2] == "十":
            magnitude, end = _magnitude_chain(s, j + 3)
            magnitude *= 10
        else:
            magnitude, end = _magnitude_chain(s, j + 2)
        return Numeral(
            j, end, None, low=low * magnitude, high=high * magnitude, magnitude=magnitude
        )
    unit = _match_unit(s, j + 2, whole=False)
    if unit is None or unit.kind not in ("count", "duration"):
        return None
    digits = f"{pair[0]}{pair[1]}"
    return Numeral(j, j + 2, Decimal(digits), digits=digits, pair=pair)


def _read_percent_prefix(s: str, i: int, prefix: str, scale: Decimal) -> _Draft | None:
    """百分之六十五 → 65 %, 千分之三 → 0.3 %, 百分之负三点八, 百分之点二八."""
    j = i + len(prefix)
    sign = Decimal(1)
    if j < len(s) and s[j] in _SIGN_CHARS:
        sign, j = Decimal(-1), j + 1
    if j + 1 < len(s) and s[j] == "点":
        fraction, end = _read_fraction_digits(s, j + 1)
        if not fraction:
            return None
        value = Decimal("0." + fraction)  # 百分之点二八
    elif s.startswith("百", j) and (j + 1 >= len(s) or s[j + 1] not in numeral_start_chars()):
        value, end = Decimal(100), j + 1  # 百分之百
    else:
        numeral = read_numeral(s, j)
        if numeral is None or numeral.value is None:
            return None
        value, end = numeral.value, numeral.end
        if s.startswith(_DIVISION_WORD, end) and numeral.magnitude > 1:
            # 百分之四百三十二万分之四: the 万 belongs to the next 万分之
            end -= 1
            value = divide_by_magnitude(value, numeral.magnitude)
    return _Draft(i, end, sign * value * scale, unit=_units()["%"], kind="percent")


def _masked_tail(s: str, start: int, end: int) -> int | None:
    """The end of the masked run that the last digits of ``s[start:end]`` belong to (十1*,
    1/1*), or None: a numeral whose Arabic digits go on with masks is masked as a whole."""
    if end >= len(s) or s[end] not in MASK_CHARS:
        return None
    k = end
    while k > start and ("0" <= s[k - 1] <= "9" or s[k - 1] in ".,"):
        k -= 1
    while k < end and s[k] in ".,":
        k += 1
    return None if k == end else masked_end(s, k)


def _read_masked(s: str, i: int, j: int) -> _Draft | None:
    """``*.**亿元``, ``**万``, ``××人``, ``XX 多万人``, ``X个``, ``X/X``: masked amounts.

    A magnitude or a unit must follow the mask (a slash and a second mask make a masked
    fraction); a single X only counts before a unit.
    """
    second = masked_end(s, j + 1) if s.startswith("/", j) else None
    if second is not None:
        return _Draft(i, second, None, kind="fraction", masked=True)
    k = j
    if s.startswith(_SPACED_MORE, k):
        k += 1
    if k < len(s) and s[k] in _MORE:
        k += 1
    while k < len(s) and s[k] in "十百千万亿":
        k += 1
    unit = _match_unit(s, k, whole=False)
    if unit is None and (k == j or s[k - 1] not in "十百千万亿"):
        return None
    if unit is None and j - i == 1 and s[i] in "xX":
        return None
    return _Draft(i, k + (len(unit.surface) if unit else 0), None, unit=unit, masked=True)


def _read_fraction(s: str, draft: _Draft, *, whole: bool) -> None:
    """三分之一, 二十五分之一百四十四, 十一又十四分之一, 1/2, 1 4/3."""
    end = draft.end
    if draft.value is None:
        return
    if s.startswith(_DIVISION_WORD, end):
        _apply_fraction(s, draft, Decimal(0), draft.value, end + 2)
        return
    if s.startswith("又", end):
        denominator = read_numeral(s, end + 1)
        if (
            denominator is not None
            and denominator.value
            and s.startswith(_DIVISION_WORD, denominator.end)
        ):
            _apply_fraction(s, draft, draft.value, denominator.value, denominator.end + 2)
        return
    numeral = draft.numeral
    if numeral is not None and numeral.arabic and numeral.digits is None:
        _read_slash_fraction(s, draft)


def _apply_fraction(
    s: str, draft: _Draft, whole_part: Decimal, denominator: Decimal, j: int
) -> None:
    sign = Decimal(1)
    if j < len(s) and s[j] == "负":
        sign, j = Decimal(-1), j + 1
    numerator = read_numeral(s, j)
    if numerator is None or numerator.value is None or denominator == 0:
        return
    share = FRACTION_CONTEXT.divide(sign * numerator.value, denominator)
    draft.value = _canonical(whole_part + share)
    draft.end = numerator.end
    draft.kind = "fraction"
    draft.bare_chinese = False


# 1/2 (a numerator already read, then /denominator) and the mixed 1 4/3 (whole, then
# " numerator/denominator").
_SLASH_FRACTION = re.compile(r"(?: (\d{1,3}))?/(\d{1,4})(?![\d/])")


def _read_slash_fraction(s: str, draft: _Draft) -> None:
    """1/2 and the mixed 1 4/3, after an Arabic integer or number."""
    assert draft.value is not None
    match = _SLASH_FRACTION.match(s, draft.end)
    if match is None:
        return
    denominator = Decimal(match.group(2))
    if match.group(1) is not None:
        whole_part, numerator = draft.value, Decimal(match.group(1))
    elif draft.value == draft.value.to_integral_value():
        whole_part, numerator = Decimal(0), draft.value
    else:
        return
    if denominator == 0:
        return
    draft.value = _canonical(whole_part + FRACTION_CONTEXT.divide(numerator, denominator))
    draft.end = match.end()
    draft.kind = "fraction"


def _read_inner_qualifier(s: str, draft: _Draft) -> None:
    """多/余/来 between the numeral and its magnitude or unit (6000多万元, 十来个)."""
    if draft.kind == "fraction" or draft.value is None:
        return
    j = draft.end
    if _is_ge_yi(s, j, draft):
        draft.value *= magnitude_values()[s[j + 1]]  # 两个亿 = 2 亿
        draft.end = j + 2
        return
    if _read_measure_then_qualifier(s, draft, j):
        return
    if s.startswith(_SPACED_MORE, j):
        j += 1  # 800 多米
    if j >= len(s) or s[j] not in _MORE + "来":
        return
    integral = draft.value == draft.value.to_integral_value()
    if not integral and not (j + 1 < len(s) and s[j + 1] in "万亿"):
        return  # 56.3余万元, but not 2.5余
    k = j + 1
    magnitude = Decimal(1)
    while k < len(s) and s[k] in "十百千万亿":
        factor = magnitude_values()[s[k]]
        magnitude *= factor
        k += 1
    has_unit = _match_unit(s, k, whole=False) is not None
    if s[j] == "来" and not has_unit:
        return
    if magnitude == 1 and not has_unit and s[j] != "多" and s[j] != "余":
        return
    draft.qualifiers.append(s[j])
    draft.value = _times_lower_section(draft.value, magnitude)
    draft.end = k
    draft.bare_chinese = draft.bare_chinese and magnitude == 1


def _times_lower_section(value: Decimal, magnitude: Decimal) -> Decimal:
    """1亿3千多万: a magnitude after 多 scales only the part below the higher 亿 (1.3 亿)."""
    for section in (Decimal(10) ** 8, Decimal(10) ** 4):
        if magnitude < section <= value:
            high = (value // section) * section
            return high + (value - high) * magnitude
    return value * magnitude


def _is_ge_yi(s: str, j: int, draft: _Draft) -> bool:
    """两个亿, 3个亿: 个 before 亿 (or 两个万) is no measure word; not 4个万亩基地."""
    if not s.startswith(("个", "個"), j) or j + 1 >= len(s) or s[j + 1] not in "万亿":
        return False
    if draft.bare_chinese:
        return True
    numeral = draft.numeral
    if numeral is None or not numeral.arabic or numeral.magnitude != 1 or s[j + 1] != "亿":
        return False
    unit = _match_unit(s, j + 2, whole=False)
    return unit is None or unit.kind == "money"


def _read_measure_then_qualifier(s: str, draft: _Draft, j: int) -> bool:
    """一个多月, 两个多小时: 个, then 多/余, then a time noun, which is the unit."""
    if not s.startswith(_GE_MORE, j):
        return False
    probe = s[j] + s[j + 2 : j + 6]  # 个 + the time noun: 个月, 个小时
    unit = _match_unit(probe, 0, whole=False)
    if unit is None or unit.kind != "duration" or len(unit.surface) < 2:
        return False
    draft.qualifiers.append(s[j + 1])
    draft.unit = unit
    draft.end = j + 1 + len(unit.surface)
    return True


def _read_unit_and_tail(s: str, draft: _Draft, *, whole: bool) -> None:
    """The unit after the amount, money sub-units (元5角), 整, a currency after 元."""
    if draft.unit is not None:
        return
    if draft.kind == "fraction":
        unit = _match_unit(s, draft.end, whole=whole)
        if unit is not None and unit.kind in _HALF_KINDS and unit.kind != "percent":
            draft.unit, draft.kind = unit, unit.kind  # 四分之一公升
            draft.end += len(unit.surface)
        return
    j = draft.end
    if j < len(s) and _big_or_whole(s, j, draft):
        unit = _match_unit(s, j + 1, whole=whole)
        if unit is not None and unit.kind in ("count", "duration"):
            draft.unit, draft.end = unit, j + 1 + len(unit.surface)
            return
    _give_back_unit_prefix(s, draft, whole=whole)
    j = _skip_layout_gap(s, draft.end, whole=whole)
    unit = _match_unit(s, j, whole=whole)
    if unit is None or not _unit_fits(s, j, unit, draft):
        return
    unit = _piece_or_yuan(s, j, unit)
    draft.unit = unit
    draft.end = j + len(unit.surface)
    half = draft.end < len(s) and s[draft.end] == "半" and unit.kind in _HALF_KINDS
    if half and draft.value is not None:
        draft.value += Decimal("0.5")  # 三斤半, 一年半, 三成半
        draft.end += 1
    numeral = draft.numeral
    if numeral is not None and numeral.pair is not None and unit.kind != "percent":
        # 三五个: two neighbouring digits before a measure word are a range
        draft.low, draft.high, draft.value = (
            Decimal(numeral.pair[0]),
            Decimal(numeral.pair[1]),
            None,
        )
        return
    if unit.scale != 1 and draft.value is not None:
        draft.value = _canonical(draft.value * _scale(unit, draft))
    if unit.kind == "money" and unit.currency == "CNY" and unit.scale in (1, Decimal("0.1")):
        _read_money_tail(s, draft, whole=whole)
    if unit.unit in ("%",) or unit.kind != "money":
        return
    _read_currency_after(s, draft, whole=whole)


_PIECE = _Unit("块", "块", "count", None, Decimal(1), None, Decimal(1), standalone=True)


def _piece_or_yuan(s: str, j: int, unit: _Unit) -> _Unit:
    """三块地, 一块硬骨头: 块 before a noun counts pieces; 十块钱, 两块五, 三块 are yuan."""
    if unit.surface not in ("块", "塊"):
        return unit
    after = j + len(unit.surface)
    if not _cjk(s, after) or s[after] in "钱錢" or s[after] in numeral_start_chars():
        return unit
    if s[after] in _FUNCTION_CHARS or _trailing_word_at(s, after):
        return unit  # 八块的零用钱, 3块以上
    return _PIECE


def _trailing_word_at(s: str, i: int) -> bool:
    """Whether a trailing qualifier (多, 以上, 左右) is written at ``i``."""
    return any(
        (q := _qualifiers().get(s[i : i + length])) is not None and q.position == "after"
        for length in (2, 1)
    )


def _skip_layout_gap(s: str, j: int, *, whole: bool) -> int:
    """One layout space or line break between an amount and its unit (约 30 公里, 19\n个)."""
    if j >= len(s) or s[j] not in " \n":
        return j
    if s[j] == "\n" and not (_cjk(s, j + 1) and j > 0 and _cjk_or_digit(s[j - 1])):
        return j
    if whole or not s[j - 1].isdigit() or _cjk(s, j + 1):
        return j + 1
    return j


def _cjk_or_digit(char: str) -> bool:
    return char.isdigit() or "\u4e00" <= char <= "\u9fff"


# Measure words of kinds, which a count may write after 大 (4大类, 七大类, 三大项).
_KIND_WORDS = frozenset({"类", "种", "项", "方面", "板块", "领域"})
_NO_UNIT = _Unit("", "", "other", None, Decimal(1), None, Decimal(1), standalone=False)


def _big_or_whole(s: str, j: int, draft: _Draft) -> bool:
    """一大包, 一整天, and 4大类 / 七大类: 大 before a measure word counts kinds."""
    char = s[j]
    if draft.value is None or draft.qualifiers:
        return False
    if char == "大" and draft.value == 1 and draft.bare_chinese:
        return True
    if char == "大":
        return (
            draft.value == draft.value.to_integral_value()
            and draft.value > 0
            and (_match_unit(s, j + 1, whole=False) or _NO_UNIT).unit in _KIND_WORDS
        )
    return char == "整" and draft.value == 1 and draft.bare_chinese


# Units after which 半 means "and a half" (三斤半 = 3.5 斤, 一年半, 三成半 = 35 %).
_HALF_KINDS = frozenset({"mass", "length", "area", "volume", "duration", "percent"})


def _give_back_unit_prefix(s: str, draft: _Draft, *, whole: bool) -> None:
    """12千米, 2.3千克, 五十兆字节: a magnitude that begins the unit is not part of the number."""
    numeral = draft.numeral
    end = draft.end
    if numeral is None or draft.value is None or end != numeral.end or end == numeral.start:
        return
    last = s[end - 1]
    magnitude = magnitude_values().get(last)
    if magnitude is None or numeral.magnitude != magnitude or end - 1 == numeral.start:
        return
    unit = _match_unit(s, end - 1, whole=whole)
    if unit is None or unit.surface[0] != last or len(unit.surface) < 2:
        return
    draft.value = divide_by_magnitude(draft.value, magnitude)
    draft.end = end - 1


def _scale(unit: _Unit, draft: _Draft) -> Decimal:
    """The factor a unit folds into the value; 五五折 is 55 %, 八折 is 80 %."""
    numeral = draft.numeral
    two_digits = numeral is not None and (
        (numeral.digits is not None and len(numeral.digits) == 2)
        or (numeral.arabic and numeral.value is not None and 10 <= numeral.value < 100)
    )
    if unit.surface == "折" and two_digits:
        return Decimal(1)
    return unit.scale


def _cjk(s: str, i: int) -> bool:
    return i < len(s) and "\u4e00" <= s[i] <= "\u9fff"


def _unit_fits(s: str, j: int, unit: _Unit, draft: _Draft) -> bool:
    """Reject unit readings that are something else: 8点半 (a time), 年 after a year."""
    after = s[j + len(unit.surface) : j + len(unit.surface) + 1]
    if unit.surface == "点" and (
        after in numeral_start_chars() or (after != "" and after in "半钟") or draft.value == 0
    ):
        return False
    return not (unit.surface == "分" and after == "之")


def _read_money_tail(s: str, draft: _Draft, *, whole: bool) -> None:
    """元 followed by 角/毛 and 分 (123元1角1分, 十块三毛, 三块零四, 两毛五), or 整/正."""
    if draft.value is None or draft.unit is None:
        return
    j = draft.end
    if (
        j < len(s)
        and s[j] in _ROUND_MONEY_SUFFIX
        and (whole or j + 1 >= len(s) or not _cjk(s, j + 1) or s[j] == "整")
    ):
        draft.end = j + 1
        return
    place = draft.unit.scale.scaleb(-1)  # the place of a bare digit after the unit
    total = draft.value
    if s.startswith("零", j) and place == Decimal("0.1"):
        place, j = Decimal("0.01"), j + 1  # 三块零四: 零 skips the 角
    while place >= Decimal("0.01"):
        digit = _money_digit(s, j)
        if digit is None:
            break
        value, after = digit
        mark = s[after] if after < len(s) else ""
        if mark and _money_scale(mark) == Decimal("0.1") and place == Decimal("0.1"):
            total, j, place = total + value.scaleb(-1), after + 1, Decimal("0.01")
        elif mark and _money_scale(mark) == Decimal("0.01"):
            total, j = total + value.scaleb(-2), after + 1
            break
        elif not _cjk_unit_after(s, after) and not _cjk(s, after + 1 if mark else after):
            total, j = total + value * place, after  # 十块三, 两毛五
            break
        else:
            break
    if j != draft.end and total != draft.value:
        draft.value, draft.end = _canonical(total), j
    if draft.end < len(s) and s[draft.end] == "钱":
        draft.end += 1


def _money_scale(mark: str) -> Decimal | None:
    """0.1 for 角/毛/毫 and 0.01 for 分/仙 (yuan sub-units of units.csv), else None."""
    unit = _units().get(mark)
    if unit is None or unit.currency != "CNY" or unit.scale == 1:
        return None
    return unit.scale


def _money_digit(s: str, j: int) -> tuple[Decimal, int] | None:
    """One digit of 角 or 分 (Chinese, or a single Arabic digit) at ``j``."""
    numeral = read_numeral(s, j)
    if numeral is None or numeral.value is None or numeral.end - numeral.start != 1:
        return None
    if numeral.value >= 10:
        return None
    return numeral.value, numeral.end


def _cjk_unit_after(s: str, i: int) -> bool:
    return _match_unit(s, i, whole=False) is not None


def _read_currency_after(s: str, draft: _Draft, *, whole: bool) -> None:
    """9000元日币: the currency named after 元 (kept outside the span when extracting)."""
    for word, currency in _currency_words().items():
        if s.startswith(word, draft.end):
            draft.currency = currency
            if whole:
                draft.end += len(word)
            return


def _read_range(s: str, draft: _Draft, *, whole: bool) -> None:
    """8-12个, 5到10万元, 两到三万港元, 1万元--5万元, 1万(含)-5万元."""
    if draft.value is None or draft.masked or draft.kind == "fraction":
        return
    j = draft.end
    inclusive = _INCLUSIVE_MARK.match(s, j)
    if inclusive is not None:
        j = inclusive.end()
    found = _RANGE_SEPARATOR.match(s, j)
    if found is None:
        return
    separator = found.group()
    k = found.end()
    if k < len(s) and s[k] == " ":
        k += 1
    if (
        draft.numeral is not None
        and draft.numeral.arabic
        and separator in "-—－"
        and _looks_like_date(s, draft.start)
    ):
        return
    second = _read_amount(s, k, whole=whole)
    if second is None or second.value is None or second.masked or second.kind == "fraction":
        return
    _read_unit_and_tail(s, second, whole=whole)
    if second.value is None:
        return  # the far end is itself a range (二三年)
    if draft.unit is not None and second.unit is not None and draft.unit.unit != second.unit.unit:
        return
    if draft.unit is None and second.unit is None and separator in "-—－" and not whole:
        return  # 2019-2020, 8-9: without a unit a dash is no range
    low = _inherit_magnitude(draft, second)
    if low > second.value:
        return
    draft.low, draft.high, draft.value = low, second.value, None
    draft.unit = second.unit or draft.unit
    draft.currency = second.currency or draft.currency
    draft.end = second.end


def _inherit_magnitude(first: _Draft, second: _Draft) -> Decimal:
    """两到三万 → 20000: the low end takes the high end's 万 when it has none of its own."""
    assert first.value is not None
    if first.unit is not None or second.numeral is None or first.numeral is None:
        return first.value
    magnitude = second.numeral.magnitude
    mantissa = second.numeral.mantissa
    if first.numeral.magnitude < magnitude and mantissa is not None and first.value <= mantissa:
        return first.value * magnitude
    return first.value


_DATE_LIKE = re.compile(
    r"(?:1[89]|20)\d\d(?:[-/](?:0?[1-9]|1[0-2])(?:[-/](?:0?[1-9]|[12]\d|3[01]))?"
    r"|\.(?:0?[1-9]|1[0-2])\.(?:0?[1-9]|[12]\d|3[01]))(?!\d)"
)


def _looks_like_date(s: str, i: int) -> bool:
    return _DATE_LIKE.match(s, i) is not None


def _read_trailing_qualifier(s: str, draft: _Draft) -> None:
    """以上, 以下, 左右, 上下, 出头 written right after the unit (65%以上, 5年左右)."""
    j = draft.end
    inclusive = _INCLUSIVE_MARK.match(s, j)
    k = inclusive.end() if inclusive is not None else j
    for length in (2, 1):
        word = s[k : k + length]
        qualifier = _qualifiers().get(word)
        if qualifier is None or qualifier.position != "after" or len(word) != length:
            continue
        if word == "来" or (
            word in _MORE and not (draft.unit and draft.unit.kind in ("duration", "multiple"))
        ):
            continue
        if word in ("多", "余") and (
            draft.unit is None or draft.unit.kind not in ("duration", "multiple")
        ):
            continue
        draft.qualifiers.append(word)
        draft.end = k + length
        return


def _leading_qualifier(
    s: str, start: int, *, bare_magnitude: bool = False
) -> tuple[_Qualifier, int] | None:
    """The qualifier written right before ``start`` (约, 超过, 上万), and where it starts.

    One layout space may stand between (约 30 公里). 上, 过 and 不过 qualify only a
    magnitude written without a digit (上万名, 过亿元, 不过万元): position ``magnitude``.
    """
    end = start - 1 if start > 0 and s[start - 1] == " " else start
    positions = ("before", "magnitude") if bare_magnitude else ("before",)
    for length in (3, 2, 1):
        if end - length < 0:
            continue
        qualifier = _qualifiers().get(s[end - length : end])
        if qualifier is not None and qualifier.position in positions:
            return None if _ends_in_word(s, end) else (qualifier, end - length)
    return None


@cache
def _qualifier_blockers() -> frozenset[str]:
    return frozenset(normalize(row["word"]) for row in read_table("qualifier_blockers.csv"))


def _ends_in_word(s: str, start: int) -> bool:
    """签约 before 34个: the qualifier-like characters end a word of their own."""
    return any(s[max(0, start - len(word)) : start] == word for word in _qualifier_blockers())


_SENTENCE_END = "。！？!?\n"
_SCOPE_WINDOW = 120


def _scope_qualifier(s: str, start: int) -> str | None:
    """累计 (or 共计, 总计) earlier in the same sentence: it scopes the amounts after it."""
    window_start = max(0, start - _SCOPE_WINDOW)
    sentence_start = max(s.rfind(mark, window_start, start) for mark in _SENTENCE_END)
    clause = s[max(sentence_start, window_start) : start]
    return next((word for word in _scope_words() if word in clause), None)


@cache
def _scope_words() -> tuple[str, ...]:
    """The qualifiers that scope the amounts after them (累计, 共计), in table order."""
    return tuple(word for word, qualifier in _qualifiers().items() if qualifier.position == "scope")


# ---------------------------------------------------------------- building the model


@cache
def _temperature_scales() -> dict[str, str]:
    """Scale words written before a temperature (摄氏, 华氏温度) → the unit they make."""
    return {normalize(row["prefix"]): row["unit"] for row in read_table("temperature_prefixes.csv")}


def _temperature_prefix(
    s: str, start: int, unit: _Unit, value: Decimal | None
) -> tuple[int, _Unit, Decimal | None]:
    """华氏温度98.6度, 摄氏37°: the scale written before; 零下四摄氏度: below zero."""
    if s[max(0, start - 2) : start] == "零下" and value is not None:
        start, value = start - 2, -value
    if unit.unit in ("度",):
        for prefix, scale in _temperature_scales().items():
            if s[max(0, start - len(prefix)) : start] == prefix:
                return start - len(prefix), _units()[scale], value
    return start, unit, value


def _unit_kind(draft: _Draft) -> str | None:
    return draft.unit.kind if draft.unit is not None else None


def _to_quantity(text: str, s: str, draft: _Draft, *, with_leading: bool) -> Quantity:
    start = draft.start
    qualifiers = list(draft.qualifiers)
    if with_leading:
        magnitude_like = draft.bare_magnitude or (_unit_kind(draft) == "age")
        found = _leading_qualifier(s, start, bare_magnitude=magnitude_like)
        if found is not None:
            leading, leading_start = found
            if leading.in_span:
                start = leading_start
            qualifiers.append(leading.text)
        if not qualifiers:
            scope = _scope_qualifier(s, start)
            if scope is not None:
                qualifiers.append(scope)
    unit = draft.unit
    value = draft.value
    if unit is not None and unit.kind == "temperature":
        start, unit, value = _temperature_prefix(s, start, unit, value)
    kind: QuantityKind = draft.kind or (unit.kind if unit else "count")
    currency = draft.currency or (unit.currency if unit else None)
    table = _qualifiers()
    approximate = (draft.value is None and not draft.masked) or any(
        table[q].approximate for q in qualifiers if q in table
    )
    return Quantity(
        text=text[start : draft.end],
        start=start,
        end=draft.end,
        value=None if value is None else _canonical(value),
        low=None if draft.low is None else _canonical(draft.low),
        high=None if draft.high is None else _canonical(draft.high),
        unit=unit.unit if unit else None,
        kind=kind,
        currency=currency if kind == "money" else None,
        qualifier=qualifiers[0] if qualifiers else None,
        approximate=approximate,
        masked=draft.masked,
    )


@cache
def _base_of_unit() -> dict[str, tuple[str, Decimal]]:
    bases: dict[str, tuple[str, Decimal]] = {}
    for unit in _units().values():
        if unit.base and unit.kind != "money":
            bases.setdefault(unit.unit, (unit.base, unit.base_factor))
    return bases


def to_base_unit(quantity: Quantity) -> tuple[str, Decimal | None] | None:
    """The quantity's unit in English and its value in that unit, or None if unknown.

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
    return name, _canonical(exact_context(quantity.value, factor).multiply(quantity.value, factor))


def quantity_interval(quantity: Quantity) -> tuple[Decimal | None, Decimal | None]:
    """The (low, high) bounds a quantity stands for; see :meth:`Quantity.interval`."""
    if quantity.value is None:
        return quantity.low, quantity.high
    value = quantity.value
    qualifier = _qualifiers().get(quantity.qualifier or "")
    bound = qualifier.bound if qualifier is not None else "exact"
    if bound == "lower":
        return value, None
    if bound == "upper":
        return None, value
    if bound == "step":
        step = _last_digit_step(value)
        return value, exact_context(value, step).add(value, step)
    return value, value


def _last_digit_step(value: Decimal) -> Decimal:
    """One unit of the last non-zero digit of an integer: 3000 → 1000, 1300 → 100."""
    integer = int(value)
    step = 1
    while integer and integer % (step * 10) == 0:
        step *= 10
    return Decimal(step)


# ---------------------------------------------------------------- public functions


def parse_quantity(text: str) -> Quantity:
    """Read ``text`` as one quantity: a numeral with its unit, qualifier or range.

    Offsets in the result are offsets into ``text``. A string that holds
    anything besides one quantity raises :class:`~povertytext.QuantityError`
    (``code == "quantity"``); a string with no numeral raises
    :class:`~povertytext.NumeralError`.

    >>> q = parse_quantity("40.48亿元")
    >>> q.value, q.unit, q.currency, q.kind
    (Decimal('4048000000'), '元', 'CNY', 'money')
    >>> parse_quantity("8-12个").low, parse_quantity("8-12个").high
    (Decimal('8'), Decimal('12'))
    >>> parse_quantity("*.**亿元").masked
    True
    >>> parse_quantity("百分之六十五").value
    Decimal('65')
    """
    require_text(text, "parse_quantity")
    with localcontext(EXACT):
        return _parse_quantity(text)


def _parse_quantity(text: str) -> Quantity:
    s = normalize(text)
    start = len(s) - len(s.lstrip())
    stripped_end = len(s.rstrip())
    if start == stripped_end:
        raise NumeralError("empty quantity", input=text, position=0)
    try:
        return _parse_whole(text, s, start, stripped_end)
    except (NumeralError, QuantityError):
        retried = _retry_whole(text, s, start, stripped_end)
        if retried is None:
            raise
        return retried


def _retry_whole(text: str, s: str, start: int, end: int) -> Quantity | None:
    """Second readings of a whole string: spaces inside (三千 九百), 第 (an ordinal), 几/数."""
    core = s[start:end]
    if core.startswith("第") and len(core) > 1:
        number = _parse_or_none(text, s[:start] + " " + core[1:], start + 1, end)
        if number is not None:
            return number.model_copy(
                update={"text": text[start:end], "start": start, "kind": "ordinal"}
            )
    compact = core.replace(" ", "").replace("\u3000", "")
    if compact != core:
        number = _parse_or_none(compact, compact, 0, len(compact))
        if number is not None:
            return number.model_copy(update={"text": text[start:end], "start": start, "end": end})
    return _parse_vague(text, s, start, end)


def _parse_or_none(text: str, s: str, start: int, end: int) -> Quantity | None:
    try:
        return _parse_whole(text, s, start, end)
    except (NumeralError, QuantityError):
        return None


_VAGUE_DIGITS = "几数幾數"
# Vague digits read in running text: 数十户 (a range); 几千元 stays a vague word.
_VAGUE_IN_TEXT = "数數"


def _parse_vague(text: str, s: str, start: int, end: int) -> Quantity | None:
    """几十万 → 100000–1000000, 十几 → 10–20, 数十亿元: a vague digit gives a range."""
    position = next((k for k in range(start, end) if s[k] in _VAGUE_DIGITS), None)
    if position is None:
        return None
    leading = position == start or (position + 1 < end and s[position + 1] in "十百千")
    low_text = s[:position] + ("一" if leading else "零") + s[position + 1 :]
    low = _parse_or_none(text, low_text, start, end)
    if low is None or low.value is None:
        return None
    if leading:
        high_value = low.value * 10
    else:
        numeral = read_numeral(low_text, start if low_text[start] not in "约近" else start + 1)
        magnitude = numeral.magnitude if numeral is not None else Decimal(1)
        high_value = low.value + 10 * _place_after(low_text, position, magnitude)
    return low.model_copy(
        update={"value": None, "low": low.value, "high": high_value, "approximate": True}
    )


def _place_after(s: str, position: int, magnitude: Decimal) -> Decimal:
    """The place value of a trailing vague digit: 十几 → 1, 十几万 → 10000."""
    after = s[position + 1 : position + 2]
    return magnitude if after in ("万", "亿") else Decimal(1)


def _parse_whole(text: str, s: str, start: int, stripped_end: int) -> Quantity:
    """One whole quantity in ``s[start:stripped_end]`` (normalized), offsets into ``text``."""
    j = _skip_leading_words(s, start)
    prefix_currency, j = _prefix_currency(s, j)
    draft = _read_quantity(s, j, whole=True)
    if draft is None:
        if masked_end(s, j + (s[j : j + 1] in _SIGN_CHARS)) is not None:
            raise MaskedNumberError("masked digits have no value", input=text, position=j)
        raise NumeralError("no numeral", input=text, position=j)
    _read_trailing_words(s, draft)
    if draft.end != stripped_end:
        raise QuantityError(
            f"unexpected {text[draft.end]!r} after the quantity", input=text, position=draft.end
        )
    if prefix_currency and (draft.unit is None or draft.unit.unit == "元"):
        draft.currency = prefix_currency
        if draft.unit is None:
            draft.unit = _units()["元"]
    quantity = _to_quantity(text, s, draft, with_leading=False)
    qualifier = _qualifier_before(s, start, j)
    if qualifier is not None and quantity.qualifier is None:
        approximate = quantity.approximate or _qualifiers()[qualifier].approximate
        quantity = quantity.model_copy(
            update={
                "text": text[start : draft.end],
                "start": start,
                "qualifier": qualifier,
                "approximate": approximate,
            }
        )
    return quantity


def _skip_leading_words(s: str, i: int) -> int:
    """Skip a leading qualifier and 从 (从8500到3万) in a whole-string parse."""
    if s.startswith("从", i):
        i += 1
    for prefix in (*_temperature_scales(), "零下"):
        if s.startswith(prefix, i):
            return i + len(prefix)
    for length in (3, 2, 1):
        word = s[i : i + length]
        qualifier = _qualifiers().get(word)
        if qualifier is not None and qualifier.position == "before":
            return i + length
    return i


def _qualifier_before(s: str, start: int, j: int) -> str | None:
    between = s[start:j].lstrip("从")
    for word in _currency_words():
        between = between.replace(word, "").strip()
    return between if between in _qualifiers() else None


def _prefix_currency(s: str, i: int) -> tuple[str | None, int]:
    """人民币3.14, 港币两千九百六十元, 新台币 177.1 亿元, ￥300: a currency before the amount."""
    for word, currency in sorted(_currency_words().items(), key=lambda item: -len(item[0])):
        if s.startswith(word, i):
            j = i + len(word)
            while j < len(s) and s[j] == " ":
                j += 1
            return currency, j
    for symbol, currency in (("￥", "CNY"), ("¥", "CNY"), ("$", "USD")):
        if s.startswith(symbol, i):
            return currency, i + 1
    return None, i


def _read_trailing_words(s: str, draft: _Draft) -> None:
    """A currency word after the unit (元人民币) and 钱 after 块, in a whole-string parse."""
    j = draft.end
    for word in ("人民币", "钱"):
        if s.startswith(word, j):
            draft.end = j + len(word)
            return


def extract_quantities(text: str) -> list[Quantity]:
    """Find every quantity in ``text``, in text order. Never raises on any ``str``.

    Numerals that are not amounts are left out: years and dates, ordinals (第一),
    list markers (一是, 二、), names and slogans (十三五, 两不愁三保障, “832”平台),
    idioms and words (一鼓作气, 进一步), and 一 + measure word used as an article.

    >>> [q.text for q in extract_quantities("累计投入40.48亿元，超过2000台，帮助24.76万贫困群众")]
    ['40.48亿元', '超过2000台', '24.76万']
    >>> extract_quantities("两不愁三保障，“十三五”期间")
    []
    """
    require_text(text, "extract_quantities")
    return _scan(text, numbers=False)


def extract_numbers(text: str) -> list[Quantity]:
    """Find every numeral in ``text``, also those inside dates, ordinals and names.

    This is the reading of a numeral converter (cn2an's ``transform``): each
    numeral as a :class:`Quantity`, with its unit when one is written. Only
    characters that are not numerals at all (一切, 四川, 陆地) are left out.

    >>> [(q.text, q.value) for q in extract_numbers("二〇〇二年的第一场雪")]
    [('二〇〇二', Decimal('2002')), ('一场', Decimal('1'))]
    """
    require_text(text, "extract_numbers")
    return _scan(text, numbers=True)


def _scan(text: str, *, numbers: bool) -> list[Quantity]:
    s = normalize(text)
    starts = _candidate_starts(s, lone_digits=numbers)
    first = next(starts, None)
    if first is None:
        return []  # most lines: no numeral character at all
    with localcontext(EXACT):
        return _scan_exactly(text, s, itertools.chain((first,), starts), numbers=numbers)


def _scan_exactly(text: str, s: str, starts: Iterator[int], *, numbers: bool) -> list[Quantity]:
    blocked = _lexicon.blocked_spans(s, words_only=numbers)
    found: list[Quantity] = []
    position = 0
    urls = _URL.finditer(s)
    url = next(urls, None)
    for start in starts:
        if start < position:
            continue
        while url is not None and url.end() <= start:
            url = next(urls, None)
        if url is not None and url.start() <= start:
            position = url.end()  # numbers inside a web address are part of it
            continue
        date = None if numbers else _DATE_LIKE.match(s, start)
        if date is not None:
            position = date.end()
            continue
        if not numbers and _lone_chinese_digit(s, start):
            continue
        overlong = overlong_run(s, start)
        if overlong is not None:
            position = overlong  # beyond the input-size limit of a numeral: no numeral
            continue
        draft = _read_quantity(s, start, whole=False)
        if draft is None:
            position = masked_end(s, start) or position  # no digit of a mask is read alone
            continue
        if numbers and draft.numeral is not None and _is_date_part(s, draft):
            draft.unit, draft.end = None, draft.numeral.end
        keep = (
            _is_number(text, s, draft, blocked) if numbers else _is_amount(text, s, draft, blocked)
        )
        if not keep:
            position = draft.numeral.end if draft.numeral is not None else start + 1
            if draft.masked:
                position = draft.end  # ****年: the whole mask goes with its date
            continue
        quantity = _to_quantity(text, s, draft, with_leading=not numbers)
        if found and quantity.start < found[-1].end:
            continue
        found.append(quantity)
        position = draft.end
    return found


# What may follow a single Chinese digit in an amount: more numerals, 点, qualifiers, 个 …
_AFTER_DIGIT = "万亿兆点多余来个大整分之又半几数%"


def _lone_chinese_digit(s: str, start: int) -> bool:
    """一 in 一些, 三 in 三农: a Chinese digit with nothing after it that could make an amount.

    A fast path: such a numeral has no unit and no magnitude, so it is never reported.
    """
    char = s[start]
    if "0" <= char <= "9" or char not in _chinese_digits():
        return False
    nxt = s[start + 1] if start + 1 < len(s) else ""
    if char == "零" and start > 0 and s[start - 1] in "到至为":
        return False  # 下降到零
    if nxt == "" or nxt in numeral_start_chars() or nxt in _AFTER_DIGIT or nxt in " \n":
        return False
    return _match_unit(s, start + 1, whole=False) is None


@cache
def _chinese_digits() -> frozenset[str]:
    return frozenset("零一二两三四五六七八九")


def _is_number(text: str, s: str, draft: _Draft, blocked: _lexicon.Blocked) -> bool:
    """In numeral reading, drop only words whose characters are no numerals (一切, 陆地)."""
    if blocked.covers(draft.start, draft.end) or _is_lone_ambiguous_char(text, draft):
        return False
    numeral = draft.numeral
    if numeral is None or draft.unit is not None or numeral.end - numeral.start != 1:
        return True
    after = s[numeral.end] if numeral.end < len(s) else ""
    return not (after.isascii() and after.isalpha())


@cache
def _candidate_pattern() -> re.Pattern[str]:
    chars = "".join(sorted(numeral_start_chars()))
    return re.compile(
        f"[{re.escape(chars)}*＊×]|负|-(?=\\d)|[xX]{{2}}|[万亿]{{1,4}}分之|{_BARE_DECIMAL.pattern}"
        "|半|[数數](?=[十百千万亿])|(?<![A-Za-z])[xX](?![A-Za-z])|[万亿](?![万亿]*分之)"
    )


_URL = re.compile(r"(?:https?://|www\.)[!-~]+")
# 点五零: a decimal written without its leading 零, read only when two or more digits follow.
_BARE_DECIMAL = re.compile(r"点(?=[零一二三四五六七八九]{2})")


# The characters that can start a match of _candidate_pattern(), besides the numerals'.
_OTHER_STARTS = "*＊×负-xX万亿点半数數"


@cache
def _candidate_scan(lone_digits: bool) -> re.Pattern[str]:
    """Where a candidate may start: one character class first, so that the regex engine
    skips every other character in C; then, unless ``lone_digits``, a Chinese digit only
    when something that could make an amount may follow it (see :func:`_lone_chinese_digit`).
    """
    chars = "".join(sorted(numeral_start_chars() | frozenset(_OTHER_STARTS)))
    first = f"[{re.escape(chars)}]"
    if lone_digits:
        return re.compile(first)
    digits = re.escape("".join(sorted(_chinese_digits())))
    following = "".join(sorted(_may_follow_a_digit()))
    return re.compile(
        f"{first}(?:(?<![{digits}])|(?=[{re.escape(following)}])|\\Z|(?<=[到至为]零))"
    )


@cache
def _may_follow_a_digit() -> frozenset[str]:
    """The characters after which a lone Chinese digit is not skipped by
    :func:`_lone_chinese_digit`: numerals, _AFTER_DIGIT, a space or line break, and the
    first character of every unit that may stand in running text."""
    units = frozenset(surface[0] for surface, unit in _units().items() if unit.standalone)
    return numeral_start_chars() | frozenset(_AFTER_DIGIT) | frozenset(" \n") | units


def _candidate_starts(s: str, *, lone_digits: bool = True) -> Iterator[int]:
    """The starts of the matches of ``_candidate_pattern().finditer(s)``, computed faster.

    Only where :func:`_candidate_scan` finds a possible first character is the whole
    pattern tried; a match hides the starts inside it, as ``finditer`` does. Without
    ``lone_digits``, the Chinese digits that :func:`_lone_chinese_digit` skips are left
    out: they are one-character matches, so leaving them out hides no other start.
    """
    pattern = _candidate_pattern()
    end = 0
    for hit in _candidate_scan(lone_digits).finditer(s):
        start = hit.start()
        if start < end:
            continue
        match = pattern.match(s, start)
        if match is not None:
            end = match.end()
            yield start


def _is_amount(text: str, s: str, draft: _Draft, blocked: _lexicon.Blocked) -> bool:
    """Keep a draft only when it is an amount, not a date, name, ordinal or word."""
    start, end = draft.start, draft.end
    if blocked.covers(start, end):
        return False
    before = s[start - 1] if start > 0 else ""
    after = s[end] if end < len(s) else ""
    if before == "第" or (before == "." and draft.unit is None):
        return False
    if draft.numeral is not None and _is_date_part(s, draft):
        return False
    if _is_list_marker(s, draft, before, after):
        return False
    if _is_quoted_name(s, start, end):
        return False
    if draft.masked:
        return not _is_masked_date_or_name(s, draft)
    if _is_lone_ambiguous_char(text, draft):
        return False
    if draft.unit is None and draft.kind is None:
        return _unitless_is_amount(s, draft, after)
    if _is_indefinite(s, draft) or _is_session_name(s, draft, after):
        return False
    if _is_issue_or_phase(s, draft) or _is_clock_time(s, draft):
        return False
    if _is_back_reference(s, draft) or _is_ordinal_er(s, draft):
        return False
    if _after_demonstrative(s, draft):
        return False
    return not (draft.numeral is not None and draft.numeral.digits and draft.unit is None)


_DATE_PARTS = frozenset("月日号")


def _is_date_part(s: str, draft: _Draft) -> bool:
    """2020年, 8月, 17日, 2020-08-19: parts of dates are not quantities."""
    numeral = draft.numeral
    assert numeral is not None
    end = numeral.end
    if draft.unit is None and _DATE_PARTS.intersection(
        s[end : end + 1] + s[draft.end : draft.end + 1] + _after_space(s, draft.end)
    ):
        return True  # 8月, and a range of months or days (1至10月, 17—18日)
    if _looks_like_date(s, draft.start):
        return True
    if draft.unit is not None and draft.unit.unit == "年":
        # 2020年 and 二〇二〇年 are always years; a shorter number (97年出生, 5年) is left
        # to the date reader.
        if numeral.end - numeral.start == 4 and (numeral.arabic or numeral.digits):
            return True
        return numeral.end - numeral.start == 2 and _read_as_date(s, numeral.start)
    return s.startswith("__", end)


def _after_space(s: str, i: int) -> str:
    """The character after one layout space at ``i`` (2021 年1 月26 日), else ''."""
    return s[i + 1 : i + 2] if s[i : i + 1] == " " else ""


def _is_list_marker(s: str, draft: _Draft, before: str, after: str) -> bool:
    """一是, 二、, (三), 1. and 1、 at the start of a clause."""
    if draft.unit is not None or draft.kind is not None:
        return False
    if after != "" and after in "、是" and (draft.bare_chinese or before in ("\n", " ", "　", "")):
        return True
    if before in ("(", "（") and after in (")", "）"):
        return True
    return after in (".", "．") and before in ("\n", "")


_QUOTE_OPEN = '“"「『《'
_QUOTE_CLOSE = re.compile(r"[^”\"」』》“「『《]{0,6}[”\"」』》]")
_QUOTED_NAME_REACH = 6


def _is_quoted_name(s: str, start: int, end: int) -> bool:
    """“832”平台, “扶贫832”, “三个统筹”: a short quoted phrase with a numeral is a name."""
    if _QUOTE_CLOSE.match(s, end) is None:
        return False
    opening = s[max(0, start - _QUOTED_NAME_REACH) : start]
    return any(quote in opening for quote in _QUOTE_OPEN)


def _is_lone_ambiguous_char(text: str, draft: _Draft) -> bool:
    """陆, 伍, 拾, 肆 alone are everyday words (陆地, 队伍), not numerals."""
    numeral = draft.numeral
    if numeral is None or numeral.end - numeral.start != 1:
        return False
    return text[numeral.start] in not_alone_chars() and not (
        draft.unit is not None and draft.unit.kind == "money"
    )


def _unitless_is_amount(s: str, draft: _Draft, after: str) -> bool:
    """Without a unit, keep Arabic numbers and numerals with 万/亿: 24.76万, 平均年龄27."""
    numeral = draft.numeral
    if numeral is None:
        return False
    if _is_zero_result(s, draft, after):
        return True
    if not numeral.arabic and numeral.magnitude >= 100 and _linked_by_range_word(s, draft):
        return True  # 一千多到三四千: two amounts, the second a colloquial range
    if numeral.value is None:
        return False
    if numeral.arabic:
        return not (
            _is_identifier(s, draft, after)
            or _is_bare_year(s, draft)
            or _is_marker_or_label(s, draft, after)
        )
    return numeral.magnitude >= 10000 or s[draft.end - 1] in "万亿"  # 一百多万


# Particles and conjunctions after which a plain number may still be an amount (年龄27的).
_FUNCTION_CHARS = "的了和与及或是为在至到等也而就都"
_CLOSING_QUOTES = '”"」』》’'


def _is_marker_or_label(s: str, draft: _Draft, after: str) -> bool:
    """[1] (a footnote), 12345热线, 80后, 500强, 国道321线, 体验馆4.0”: no amount.

    A plain Arabic number (no 万/亿, no unit) glued to the word after it names or labels
    that word; amounts without a unit are written with a magnitude (24.76万) or stand alone.
    """
    numeral = draft.numeral
    assert numeral is not None
    before = s[draft.start - 1] if draft.start > 0 else ""
    if before in ("[", "【") and after in ("]", "】"):
        return True
    if numeral.magnitude != 1 or draft.qualifiers:
        return False
    if _cjk(s, draft.end) and after not in _FUNCTION_CHARS:
        return True
    return after != "" and after in _CLOSING_QUOTES and _cjk(s, draft.start - 1)


def _is_zero_result(s: str, draft: _Draft, after: str) -> bool:
    """下降到零, 降为零: a lone 零 reached by 到/至/为 at the end of a clause is 0."""
    if s[draft.start : draft.end] != "零" or draft.start == 0:
        return False
    return s[draft.start - 1] in "到至为" and (after == "" or not _cjk(s, draft.end))


_RANGE_WORDS = "到至"


def _linked_by_range_word(s: str, draft: _Draft) -> bool:
    """一千多 | 到 | 三四千: an amount joined to another numeral by 到 or 至."""
    after = s[draft.end : draft.end + 2]
    if len(after) == 2 and after[0] in _RANGE_WORDS and after[1] in numeral_start_chars():
        return True
    before = s[max(0, draft.start - 2) : draft.start]
    return (
        len(before) == 2
        and before[1] in _RANGE_WORDS
        and (before[0] in numeral_start_chars() or before[0] in _MORE)
    )


_YEAR_SPAN = (1900, 2100)


def _is_bare_year(s: str, draft: _Draft) -> bool:
    """A four-digit year written alone (a title's "…心得体会2024"): the date reader decides."""
    numeral = draft.numeral
    if numeral is None or numeral.value is None or numeral.end - numeral.start != 4:
        return False
    return _YEAR_SPAN[0] <= numeral.value <= _YEAR_SPAN[1] and _read_as_date(s, numeral.start)


_DATE_WINDOW = 120


def _read_as_date(s: str, start: int) -> bool:
    """Whether the date reader finds a date starting at ``start`` (2020年, 97年出生, 2024).

    Only the line around ``start`` is read, at most ``_DATE_WINDOW`` characters either
    side, so the cost stays local.
    """
    line_start = max(s.rfind("\n", 0, start) + 1, start - _DATE_WINDOW)
    line_end = s.find("\n", start)
    line_end = min(len(s) if line_end < 0 else line_end, start + _DATE_WINDOW)
    line = s[line_start:line_end]
    return any(d.start == start - line_start for d in extract_dates(line))


def _is_identifier(s: str, draft: _Draft, after: str) -> bool:
    """Telephone, licence and page numbers: 010-68251888, A08, 126.com, 电话:12321."""
    numeral = draft.numeral
    assert numeral is not None
    written = s[numeral.start : numeral.end]
    before = s[draft.start - 1] if draft.start > 0 else ""
    if (after.isascii() and after.isalpha()) or (before.isascii() and before.isalpha()):
        return True
    if before == "-" and draft.start > 1 and s[draft.start - 2] not in " \n":
        return True
    if after in (":", "：") and s[draft.end + 1 : draft.end + 3].isdigit():
        return True  # 9:30, a clock time
    if before in ("〔", "[", "［", "【") and after in ("〕", "]", "］", "】"):
        return True  # 国发〔2016〕64号: the year of a document number, a footnote [1]
    if (
        (after != "" and after in "@-_/")
        or (before != "" and before in "@_/:：")
        or (after == "." and _is_ascii_letter(s, draft.end + 1))
    ):
        return True
    digits = written.replace(",", "").split(".")[0]
    if len(digits) == 6 and written == digits and _stands_alone(s, draft, before, after):
        return True  # 江苏 南京 210095: a postcode after the place it belongs to
    return (len(digits) > 1 and digits.startswith("0")) or (len(digits) >= 7 and "," not in written)


def _stands_alone(s: str, draft: _Draft, before: str, after: str) -> bool:
    """A number set off by a layout space after a word and closed by a bracket or the line."""
    return before == " " and _cjk(s, draft.start - 2) and (after == "" or after in ")）\n ")


def _is_session_name(s: str, draft: _Draft, after: str) -> bool:
    """六届六次、七次全会, 十九届四中全会: numbered sessions are names, not counts."""
    if draft.unit is None:
        return False
    if draft.unit.unit == "届":
        return True
    preceded = draft.start > 0 and s[draft.start - 1] == "届"
    return draft.unit.unit == "次" and (preceded or s.startswith("全会", draft.end))


# Words after 二期 / 三期 that make the numeral a phase (二期工程), not a count of issues.
_PHASE_NOUNS = ("工程", "项目", "項目", "建设", "建設")


def _is_issue_or_phase(s: str, draft: _Draft) -> bool:
    """2020年12期 (an issue number after its year) and 二期工程 (a phase): ordinals."""
    if draft.unit is None or draft.unit.unit != "期" or draft.qualifiers:
        return False
    before = s[draft.start - 1] if draft.start > 0 else ""
    return before == "年" or s.startswith(_PHASE_NOUNS, draft.end)


# Parts of the day written before a clock time (下午3点, 深夜1点).
_DAY_PARTS = (
    "上午",
    "下午",
    "中午",
    "晚上",
    "凌晨",
    "深夜",
    "早上",
    "早晨",
    "傍晚",
    "夜里",
    "清晨",
)


def _is_clock_time(s: str, draft: _Draft) -> bool:
    """10点多钟, 下午3点, 深夜1点: 点 after a part of the day or before 钟 is a clock time."""
    if draft.unit is None or draft.unit.unit != "点":
        return False
    if s.startswith(("钟", "多钟", "鐘", "多鐘"), draft.end):
        return True
    return any(s[max(0, draft.start - len(p)) : draft.start] == p for p in _DAY_PARTS)


# Region nouns that a small count names back (两省区, 两市) or in apposition (福建、广东两省).
_REGION_NOUNS = frozenset(
    {"省", "省区", "省市", "市", "县", "区", "县区", "县市", "州", "镇", "乡"}
)
_APPOSITION_REACH = 8
_CLAUSE_MARKS = '，,。；;：:！？!?\n（(“"「《'


def _is_back_reference(s: str, draft: _Draft) -> bool:
    """两省区, 两市, 三市一起: a count of regions that refers back to sides just named.

    A count in apposition to a list (廣西、貴州兩省區, 莎车、泽普、叶城、巴楚四县) is a
    quantity; so is any other count of regions written after a word (黔湘渝三省, 在九县区).
    """
    unit = draft.unit
    if unit is None or unit.unit not in _REGION_NOUNS or not draft.bare_chinese:
        return False
    if draft.qualifiers or draft.value is None:
        return False
    if _after_a_list(s, draft.start):
        return False
    at_clause_start = draft.start == 0 or s[draft.start - 1] in _CLAUSE_MARKS
    return draft.value == 2 or at_clause_start


def _after_demonstrative(s: str, draft: _Draft) -> bool:
    """这两个城市, 那三个县: a count after 这/那 names things already known, not an amount."""
    if draft.unit is None or draft.unit.kind != "count" or not draft.bare_chinese:
        return False
    return draft.start > 0 and s[draft.start - 1] in "这那這"


def _after_a_list(s: str, start: int) -> bool:
    """Whether a list joined by 、 ends right before ``start`` (福建、广东 两省)."""
    k = start - 1
    while k >= 0 and start - k <= _APPOSITION_REACH and _cjk(s, k):
        k -= 1
    return k >= 0 and k < start - 1 and s[k] == "、"


def _is_ordinal_er(s: str, draft: _Draft) -> bool:
    """二次塌方, 二次分配, 二级: a lone 二 (not 两) before a measure word is an ordinal."""
    numeral = draft.numeral
    if numeral is None or draft.unit is None or draft.unit.kind != "count":
        return False
    return numeral.end - numeral.start == 1 and s[numeral.start] == "二" and not draft.qualifiers


# Units after a mask that make it a masked date (****年, xx月) or place name (××乡, XX县).
_MASKED_NAME_UNITS = _REGION_NOUNS | {"年", "村"}


def _is_masked_date_or_name(s: str, draft: _Draft) -> bool:
    """****年, xx年 (a masked year), ××乡, XX县 (a masked name): not masked amounts."""
    unit = draft.unit
    if unit is None:
        return False
    if unit.unit in _MASKED_NAME_UNITS and draft.end - draft.start - len(unit.surface) >= 2:
        return True
    return s[draft.end : draft.end + 1] in ("月", "日", "号")


def _is_indefinite(s: str, draft: _Draft) -> bool:
    """一个, 一批, 一场: 一 with a measure word is an article unless the amount matters."""
    if not draft.bare_chinese or draft.value != 1 or draft.unit is None:
        return False
    numeral = draft.numeral
    if numeral is None or numeral.end - numeral.start != 1:
        return False
    if draft.end - numeral.end == len(draft.unit.surface) + 1:
        return False  # 一大包, 一整天
    if draft.unit.kind == "duration":
        return draft.start > 0 and s[draft.start - 1] in _REFERENCE_WORDS
    if draft.unit.kind == "multiple":
        return not _after_fan(s, draft.start)
    return draft.unit.kind == "count" and not draft.qualifiers and not _counts_one(s, draft)


# Words right before 一 + measure word that make it a count (仅一个, 只有一户).
_ONE_COUNT_WORDS = ("仅", "只", "僅", "唯一", "就有")
# Words earlier in the clause that make 一 + measure word a count: a rate (每5户就有一户,
# 每年召开一次) or a distribution (21个省份分别对口支援…的一个重灾县).
_ONE_COUNT_SCOPES = ("每", "分别", "分別")
_ONE_REACH = 30


def _clause_before(s: str, start: int) -> str:
    k = start - 1
    while k >= 0 and start - k <= _ONE_REACH and s[k] not in "，,。；;！？!?\n":
        k -= 1
    return s[k + 1 : start]


def _counts_one(s: str, draft: _Draft) -> bool:
    """一户 in 每5户就有一户, 一位 in 一位书记、两位副书记, 一县 in 四区一县: counts of one."""
    assert draft.unit is not None
    start = draft.start
    if start > 0 and s[start - 1] == "每":
        return False  # 每一个: "every single", not a count
    if any(s[max(0, start - len(w)) : start] == w for w in _ONE_COUNT_WORDS):
        return True
    if any(word in _clause_before(s, start) for word in _ONE_COUNT_SCOPES):
        return True
    previous = _match_unit(s, start - 1, whole=False) if start >= 2 else None
    if previous is not None and len(previous.surface) == 1 and s[start - 2] in _chinese_digits():
        return True  # 四区一县: a count right after another count
    return _parallel_count(s, draft)


def _parallel_count(s: str, draft: _Draft) -> bool:
    """一位…、两位…: the same measure word counted again after 、 in the same clause."""
    assert draft.unit is not None
    k = draft.end
    limit = min(len(s), k + _ONE_REACH)
    while k < limit and s[k] not in "，,。；;！？!?\n":
        if s[k] == "、":
            numeral = read_numeral(s, k + 1)
            if numeral is not None and s.startswith(draft.unit.surface, numeral.end):
                return True
        k += 1
    return False


def _after_fan(s: str, start: int) -> bool:
    """翻一番, 翻了两番: 番 is a multiple only after 翻; 一番 alone is an article (一番努力)."""
    return "翻" in s[max(0, start - 2) : start]
