"""Reading one amount at a position: the numeral with its sign, fraction, mask,
magnitude, unit, money tail, range and trailing qualifier.

:func:`read_quantity` returns a :class:`Draft` (offsets into normalized text) or None;
whether the draft is an amount at all is decided by :mod:`povertytext.nonamounts`,
and :mod:`povertytext.quantities` builds the :class:`~povertytext.Quantity`.
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple

from ._data import loader
from ._text import chinese_digits, is_unified_han
from .models import QuantityKind
from .numerals import (
    FRACTION_CONTEXT,
    MASK_CHARS,
    MAX_DIGITS,
    Numeral,
    arabic_read_on_chars,
    canonical,
    divide_by_magnitude,
    lone_digit_readings,
    magnitude_values,
    masked_end,
    numeral_start_chars,
    read_fraction_digits,
    read_numeral,
)
from .units import (
    Unit,
    currency_words,
    leading_qualifier,
    match_unit,
    qualifier_table,
    trailing_first_chars,
    unit_table,
)

_RANGE_SEPARATOR = re.compile(r"——|--|[—\-~〜～至到－]")
_RANGE_FIRST_CHARS = "—-~〜～至到－"  # the characters _RANGE_SEPARATOR starts with
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
MORE_CHARS = "多余餘"
_GE_MORE = ("个多", "个余", "個多", "個余", "个餘", "個餘")
_SPACED_MORE = (" 多", " 余", " 餘")
_INCLUSIVE_MARK = re.compile(r"\s?[(（]含[)）]")
SIGN_CHARS = "负-"
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
    if not is_unified_han(before) or before in _JOINING_CHARS:
        return False
    if before in numeral_start_chars() or before in magnitude_values():
        return False
    return not _unit_ends_at(s, i)


def _unit_ends_at(s: str, i: int) -> bool:
    """Does a unit after a numeral (5万元, 3公斤) end just before ``i``? (温度 is no unit.)"""
    units = unit_table()
    numeral_chars = numeral_start_chars()
    return any(
        i - k >= 1 and s[i - k : i] in units and s[i - k - 1] in numeral_chars for k in range(1, 5)
    )


_ONE = Decimal(1)
_MINUS_ONE = Decimal(-1)
_ROUND_MONEY_SUFFIX = ("整", "正")
_DIVISION_WORD = "分之"


@dataclass(slots=True)
class Draft:
    """A quantity while it is being read: offsets into the normalized text."""

    start: int
    end: int
    value: Decimal | None
    low: Decimal | None = None
    high: Decimal | None = None
    unit: Unit | None = None
    currency: str | None = None
    kind: QuantityKind | None = None
    qualifiers: list[str] = field(default_factory=list)
    masked: bool = False
    numeral: Numeral | None = None
    bare_chinese: bool = False
    bare_magnitude: bool = False


# ---------------------------------------------------------------- reading one quantity


def read_quantity(s: str, i: int, *, whole: bool, numeral: Numeral | None = None) -> Draft | None:
    """Read the quantity whose numeral starts at ``i`` in normalized text ``s``.

    ``numeral`` is ``read_numeral(s, i)`` when the caller has read it already at a start
    that :func:`reads_plain_numeral` accepts (the refusals read it first): it is not
    read again. None: the reader reads what it needs.
    """
    draft = _read_amount(s, i, whole=whole, numeral=numeral)
    if draft is None:
        return None
    _read_unit_and_tail(s, draft, whole=whole)
    if not _tail_may_start(s, draft.end):
        return draft
    tail_end = None if draft.value is None else _masked_tail(s, draft.start, draft.end)
    if tail_end is not None:
        return _read_masked(s, i, tail_end)  # 1元1*: the last digits are masked
    _read_range(s, draft, whole=whole)
    _read_trailing_qualifier(s, draft)
    return draft


def _tail_may_start(s: str, end: int) -> bool:
    """Whether a masked tail, a range or a trailing qualifier may start at ``end``.

    Each of the three steps after the unit starts by testing the character at ``end``
    (see :func:`_tail_first_chars`) or, for the inclusive mark (含) after a space, whitespace.
    """
    return end < len(s) and (s[end] in _tail_first_chars() or s[end].isspace())


@loader
def _tail_first_chars() -> frozenset[str]:
    """The characters the steps after the unit may start with, besides whitespace: a mask
    (_masked_tail), the inclusive mark's bracket, a range separator and a trailing
    qualifier."""
    return frozenset(MASK_CHARS + "(（" + _RANGE_FIRST_CHARS) | trailing_first_chars()


# Chinese digits that _read_amount hands to read_numeral as they stand (百千万亿, 半, 点, 数
# take other paths; 零 may be a result, 下降到零); 一两 and 两三 are colloquial pairs.
PLAIN_CHINESE_STARTS = "一二三四五六七八九十两"


def reads_plain_numeral(s: str, i: int) -> bool:
    """Whether the amount at ``i`` in running text starts as ``read_numeral(s, i)``: a digit
    of :data:`PLAIN_CHINESE_STARTS` that begins no colloquial pair (一两, 两三).

    No branch of :func:`_read_amount_by_branches` but its last takes such a character: it
    is no percent prefix, sign, mask, Arabic digit, pair, 点, 半, vague digit or magnitude.
    """
    return s[i] in PLAIN_CHINESE_STARTS and not s.startswith(LIANG_PAIR_WORDS, i)


def digit_with_unit(s: str, i: int) -> Draft | None:
    """``read_quantity(s, i, whole=False)`` for a lone Chinese digit with a plain unit and
    nothing after it (一批, 三个, 两天), or None when the full reading must decide.

    Why it is the same draft: the digit at ``i`` is one of :data:`PLAIN_CHINESE_STARTS`
    that :func:`~povertytext.numerals.lone_digit` reads alone, so it begins no pair (一两,
    两三: 两 and 三 are not lone-digit followers) and :func:`reads_plain_numeral` holds;
    _read_amount hands that numeral to _read_after_numeral, whose first step is
    :func:`_with_plain_unit`. Its draft has a unit, so _read_unit_and_tail returns at
    once, and :func:`_tail_may_start` false ends read_quantity with that draft.
    :func:`digit_unit` makes these tests without building the draft.
    """
    unit = digit_unit(s, i)
    return None if unit is None else digit_draft(s, i, unit)


def digit_unit(s: str, i: int) -> Unit | None:
    """The unit of ``digit_with_unit(s, i)``, or None where that is None; no draft is built.

    The tests of lone_digit and _with_plain_unit on one character: the digit has a value
    (:func:`_digit_unit_tables`), the next character is none that lone_digit leaves to
    read_numeral nor one of :data:`_BEFORE_UNIT_STEPS`, and it begins a unit that may be
    plain. A numeral of one character has no magnitude a unit could take back. A unit of
    one character, the only unit its character begins, is looked up at once (match_unit
    returns it: no longer surface, no ASCII letter); any other is read by match_unit.
    """
    tables = _digit_unit_tables()
    end = i + 1
    if s[i] not in tables.values or end >= len(s):
        return None
    char = s[end]
    if char not in tables.unit_firsts:
        return None
    if char in _MEASURE_FORMS and end + 1 < len(s) and s[end + 1] in _AFTER_MEASURE_STEPS:
        return None  # 两个亿, 一个多月
    unit = tables.single.get(char)
    if unit is None:
        unit = match_unit(s, end, whole=False)
        if unit is None or unit.scale != 1 or unit.kind == "money":
            return None
        if unit.surface in _UNITS_READ_FURTHER:
            return None
    end += len(unit.surface)
    if s.startswith("半", end) or _tail_may_start(s, end):
        return None
    return unit


def digit_draft(s: str, i: int, unit: Unit) -> Draft:
    """``digit_with_unit(s, i)`` where :func:`digit_unit` gives ``unit``: the draft
    _with_plain_unit builds from the digit's numeral (no sign, no pair, no range)."""
    value = _digit_unit_tables().values[s[i]]
    return Draft(
        i,
        i + 1 + len(unit.surface),
        value,
        unit=unit,
        numeral=Numeral(i, i + 1, value),
        bare_chinese=True,
    )


class _DigitUnitTables(NamedTuple):
    """The tables of :func:`digit_unit` (one lookup of the loader per call)."""

    values: dict[str, Decimal]  # the digits lone_digit reads alone, with their values
    unit_firsts: frozenset[str]  # where a plain unit may begin right after such a digit
    single: dict[str, Unit]  # a plain unit of one character, the only one it begins


@loader
def _digit_unit_tables() -> _DigitUnitTables:
    """:func:`digit_unit`'s tables, from the numeral and unit tables.

    ``values``: each of :data:`PLAIN_CHINESE_STARTS` that lone_digit reads (a value, no
    ASCII digit). ``unit_firsts``: the first characters of the standalone units (those
    match_unit reads in running text), but neither a character after which lone_digit
    reads nothing nor one of :data:`_BEFORE_UNIT_STEPS`, nor one whose only unit is a
    single character and not plain (money, a scale, 块, 点, 分). ``single``: for a
    character not ASCII whose only standalone unit is itself, that unit when plain.
    """
    digit_values, after_lone_digit = lone_digit_readings()
    values = {
        char: value
        for char in PLAIN_CHINESE_STARTS
        if (value := digit_values.get(char)) is not None and not char.isdigit()
    }
    standalone = {surface: unit for surface, unit in unit_table().items() if unit.standalone}
    firsts: dict[str, list[str]] = {}
    for surface in standalone:
        firsts.setdefault(surface[:1], []).append(surface)
    single: dict[str, Unit] = {}
    unit_firsts = set()
    for char, surfaces in firsts.items():
        if char in after_lone_digit or char in _BEFORE_UNIT_STEPS:
            continue
        if surfaces == [char] and not char.isascii():
            unit = standalone[char]
            if unit.scale != 1 or unit.kind == "money" or unit.surface in _UNITS_READ_FURTHER:
                continue
            single[char] = unit
        unit_firsts.add(char)
    return _DigitUnitTables(values, frozenset(unit_firsts), single)


def arabic_draft(s: str, i: int) -> Draft | None:
    """``read_quantity(s, i, whole=False)`` for the common shape at an Arabic digit: a
    number (12, 1,200, 24.76), perhaps 万/亿 after it, then a plain unit or a character
    that goes on with nothing (2000万元, 24.76万贫困, 85%, 3个); None when the full
    reading must decide. Where it answers, ``refused_at(s, i)`` (nonamounts) is None.

    Why it is the same draft, under the scan's exact context: the number is what
    _read_arabic reads (see :func:`_arabic_shape`), no mask stands in its run of digits
    and separators (masked_end is None), and the character after it, when it is no unit,
    is none of :func:`extension_chars` nor whitespace: nothing goes on (_read_after_numeral
    and _read_unit_and_tail add nothing, _tail_may_start is false). A unit is read by
    :func:`_arabic_with_unit`. The ASCII digits at ``i`` end before a separator, 万/亿 or
    that character, never before a date part (_refused_arabic refuses only there).
    """
    shape = _arabic_shape()
    match = shape.number.match(s, i)
    if match is None or len(s) - i > MAX_DIGITS:
        return None  # no Arabic digit at i, or a run that the input-size limit may stop
    end = match.end()
    char = s[end] if end < len(s) else ""
    with_unit = char in shape.unit_starts
    if not with_unit and char and (char in shape.goes_on or char.isspace() or char.isdigit()):
        return None
    digits, magnitude = match.group(1, 2)
    numeral = _arabic_numeral(digits, magnitude, i, end, shape)
    if numeral is None:
        return None
    if with_unit:
        return _arabic_with_unit(s, numeral, shape)
    return Draft(i, end, numeral.value, None, None, None, None, None, [], False, numeral)


def _arabic_numeral(
    digits: str, magnitude: str | None, i: int, end: int, shape: _ArabicShape
) -> Numeral | None:
    """The numeral ``s[i:end]`` of a match of ``shape.number`` (``digits``, then 万/亿 or
    None), as read_numeral reads it under the exact context, or None.

    _read_arabic keeps a plain integer's ``Decimal``, multiplies a number with a point or
    a comma by its magnitudes (_read_magnitudes; by 1, which changes no digit in that
    context, when there are none) and hands an integer before 万/亿 to _read_chinese,
    whose sections fold the same product (12万亿 = 12 × 10¹²) but take no zero (0万:
    None here, that reader decides).
    """
    if magnitude is None:
        value = Decimal(digits.replace(",", "") if "," in digits else digits)
        return Numeral(i, end, value, None, None, _ONE, None, None, True)
    if "." not in digits and "," not in digits and not Decimal(digits):
        return None
    scale = shape.scales[magnitude]
    value = Decimal(digits.replace(",", "")) * scale
    return Numeral(i, end, value, None, None, scale, None, None, True)


def _arabic_with_unit(s: str, numeral: Numeral, shape: _ArabicShape) -> Draft | None:
    """:func:`arabic_draft` when a unit may begin right after ``numeral`` (whose value is
    not None and which is no pair): the draft of _with_plain_unit or, for a unit of money
    of scale 1, the one _read_unit_and_tail reads, or None.

    The character after the numeral (``shape.unit_starts``) begins no step between the
    numeral and its unit, no magnitude that a unit takes back (12千米) and no mask. The
    unit is one of ``shape.plain_units``: of scale 1 and read no further (块, 点, 分).
    After a unit of money, no digit of 角/分 (_money_digit), 整/正/钱 or currency word
    goes on. After the unit, read_quantity's steps start at a mask, a bracket or space
    (含), a range separator or a trailing qualifier (_tail_may_start): only the last,
    when ``shape.qualifier_starts`` holds the character, is read here, by that step.
    """
    end = numeral.end
    unit = match_unit(s, end, whole=False)
    if unit is None:
        return None
    money = shape.plain_units.get(unit.surface)
    if money is None:
        return None
    if s[end] in _MEASURE_FORMS and end + 1 < len(s) and s[end + 1] in _AFTER_MEASURE_STEPS:
        return None  # 两个亿, 3个多月
    after = end + len(unit.surface)
    char = s[after] if after < len(s) else ""
    if money and char and (char in shape.after_money or char.isdigit()):
        return None
    qualified = char in shape.qualifier_starts
    if not qualified and char and (char in shape.after_unit or char.isspace()):
        return None  # 半 (三斤半), a range, a masked tail
    draft = Draft(
        numeral.start, after, numeral.value, None, None, unit, None, None, [], False, numeral
    )
    if qualified:
        _read_trailing_qualifier(s, draft)  # 65%以上: no mask, 含 or range comes first
    return draft


class _ArabicShape(NamedTuple):
    """The tables of :func:`arabic_draft` (one lookup of the loader per call)."""

    number: re.Pattern[str]  # the number, then the 万/亿 it folds
    scales: dict[str, Decimal]  # each magnitude word of ``number`` and its product
    unit_starts: frozenset[str]  # where :func:`_arabic_with_unit` reads a unit
    plain_units: dict[str, bool]  # the units it takes, and whether each is money
    goes_on: frozenset[str]  # where a draft may go on after the number (or it reads on)
    after_unit: frozenset[str]  # where a draft may go on after its unit
    qualifier_starts: frozenset[str]  # where only a trailing qualifier may go on after it
    after_money: frozenset[str]  # where a reading of money goes on after its unit


# The characters after ASCII digits at which nonamounts._refused_arabic may refuse them
# as a part of a date (a superset of its _date_part_ends()).
DATE_PART_CHARS = "月日号年_"


def _plain_units() -> dict[str, bool]:
    """The surfaces (``Unit.surface``) of the units that _with_plain_unit or, for money,
    _read_unit_and_tail take at once: standalone, of scale 1, read no further (块, 点,
    分); each with whether it is money. A surface shared by units that differ is left out."""
    seen: dict[str, bool | None] = {}
    for unit in unit_table().values():
        plain = unit.standalone and unit.scale == 1 and unit.surface not in _UNITS_READ_FURTHER
        money = unit.kind == "money" if plain else None
        seen[unit.surface] = money if seen.get(unit.surface, money) == money else None
    return {surface: money for surface, money in seen.items() if money is not None}


@loader
def _arabic_shape() -> _ArabicShape:
    """:func:`arabic_draft`'s number and character sets, from the numeral and unit tables.

    ``number`` matches what _read_arabic matches when neither a digit nor a point, comma
    or 万/亿 (which the sets exclude) follows: thousands groups or digits, a decimal part;
    then a chain of 万 and 亿 in rising order as the readers fold it, of those magnitudes
    that begin no unit that may stand in running text (whose unit would take them back).
    """
    standalone = [surface for surface, unit in unit_table().items() if unit.standalone]
    sections = [m for m in "万亿" if not any(len(u) > 1 and u[0] == m for u in standalone)]
    values = magnitude_values()
    scales: dict[str, Decimal] = {}
    for size in range(len(sections), 0, -1):
        for chain in itertools.combinations(sections, size):
            scales["".join(chain)] = Decimal(math.prod(values[m] for m in chain))
    words = "|".join(scales) or "(?!)"
    number = re.compile(
        rf"([0-9]{{1,3}}(?:,[0-9]{{3}})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)({words})?"
    )
    blocked = arabic_read_on_chars() | _BEFORE_UNIT_STEPS | frozenset(DATE_PART_CHARS)
    unit_starts = frozenset(
        char
        for char in (surface[0] for surface in standalone)
        if char not in blocked and not char.isdigit() and not char.isspace()
    )
    after_unit = _tail_first_chars() | frozenset("半")
    money = numeral_start_chars() | frozenset(".零" + "".join(_ROUND_MONEY_SUFFIX) + "钱")
    currencies = frozenset(word[0] for word in currency_words())
    plain_units = _plain_units()
    # the first characters of the steps after a unit but the trailing qualifier's, and 半
    others = frozenset(MASK_CHARS + "(（" + _RANGE_FIRST_CHARS + "半")
    return _ArabicShape(
        number,
        scales,
        unit_starts,
        plain_units,
        extension_chars(True) | blocked,
        after_unit,
        trailing_first_chars() - others,
        money | currencies,
    )


def _read_amount(s: str, i: int, *, whole: bool, numeral: Numeral | None = None) -> Draft | None:
    """The numeral itself: percent prefixes, signs, fractions, masks, magnitudes.

    A plain Chinese digit in running text (the most common start) goes straight to the
    numeral reader, where the branches of :func:`_read_amount_by_branches` lead it;
    ``numeral``, when given, is what that reader read there.
    """
    if whole or i >= len(s) or not reads_plain_numeral(s, i):
        return _read_amount_by_branches(s, i, whole=whole)
    if numeral is None:
        numeral = read_numeral(s, i)
    return None if numeral is None else _read_after_numeral(s, i, numeral, _ONE, whole=False)


def _read_amount_by_branches(s: str, i: int, *, whole: bool) -> Draft | None:
    """:func:`_read_amount`, trying each form in turn."""
    per = _PER_PREFIX.match(s, i) if s.startswith(_PER_FIRST, i) else None
    if per is not None:
        return _read_percent_prefix(s, i, per.group(), _per_scale(per.group()))
    sign = _ONE
    j = i
    if i >= len(s):
        return None
    if s[i] in SIGN_CHARS:
        if i + 1 >= len(s) or s[i + 1] in SIGN_CHARS:
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
        sign = _MINUS_ONE
        j = i + 1
        while whole and j < len(s) and s[j] == " ":
            j += 1
    mask = masked_end(s, j)
    if mask is not None:
        return _read_masked(s, i, mask)
    numeral: Numeral | None
    if j < len(s) and "0" <= s[j] <= "9":
        numeral = read_numeral(s, j, whole=whole)  # an Arabic digit: none of the forms below
    elif whole and s.startswith("半", j) and match_unit(s, j + 1, whole=True) is not None:
        numeral = Numeral(j, j + 1, Decimal("0.5"))  # 半公升, 半个: one half
    elif not whole and _liang_pair(s, j) is not None:
        numeral = _liang_pair(s, j)  # 一两个, 两三天, 两三万
    elif bare_decimal().match(s, j) and (j == 0 or s[j - 1] not in numeral_start_chars()):
        fraction, end = read_fraction_digits(s, j + 1)
        numeral = Numeral(j, end, Decimal("0." + fraction))
    elif not whole and _half_of_a_duration(s, j):
        numeral = Numeral(j, j + 1, Decimal("0.5"), digits="0.5")  # 半年, 半天, 半小时
    elif not whole and s[j] in VAGUE_IN_TEXT:
        return _read_vague_magnitude(s, i, j)
    elif not whole and s[j] in _BARE_MAGNITUDES:
        numeral = None  # in running text no numeral starts with a magnitude (上万, 千余)
    else:
        numeral = read_numeral(s, j, whole=whole)
    if numeral is None and not whole:
        return _read_bare_magnitude(s, i, j)
    if numeral is None:
        return None
    return _read_after_numeral(s, i, numeral, sign, whole=whole)


def _read_after_numeral(
    s: str, i: int, numeral: Numeral, sign: Decimal, *, whole: bool
) -> Draft | None:
    """The draft of ``numeral``, its sign written at ``i``: a fraction after it, a masked
    tail, 多/余/来 and 个亿; in running text, a unit right after it (:func:`_with_plain_unit`)."""
    if not whole:
        plain = _with_plain_unit(s, i, numeral, sign)
        if plain is not None:
            return plain
    draft = Draft(i, numeral.end, numeral.value, numeral.low, numeral.high, numeral=numeral)
    draft.bare_chinese = not numeral.arabic and numeral.digits is None
    _read_fraction(s, draft, whole=whole)
    tail_end = _masked_tail(s, i, draft.end)
    if tail_end is not None:
        return _read_masked(s, i, tail_end)
    if draft.value is not None and sign < 0:
        draft.value = -draft.value
    _read_inner_qualifier(s, draft)
    return draft


# The characters right after a numeral at which a step before the unit may start: a
# fraction (分之, 又, /, " 4/3"), a mask, 多/余/来 (and " 多"), 大/整, a layout gap.
_BEFORE_UNIT_STEPS = frozenset("分又/ \n" + MASK_CHARS + MORE_CHARS + "来大整")
# 个 before 万/亿 (两个亿) or before 多/余 (一个多月): the inner qualifier's forms of 个.
_MEASURE_FORMS = ("个", "個")
_AFTER_MEASURE_STEPS = "万亿" + MORE_CHARS
# Units whose reading looks further (块 a piece or yuan, 点 a time, 分 before 之).
_UNITS_READ_FURTHER = frozenset({"块", "塊", "点", "分"})


def _with_plain_unit(s: str, i: int, numeral: Numeral, sign: Decimal) -> Draft | None:
    """三个, 5479座, 4.4万个 in running text: a numeral with a unit written right after it
    that folds nothing into its value, as :func:`_read_after_numeral` and
    :func:`_read_unit_and_tail` read it; None when any of their other steps may apply.

    A shortcut for most drafts: every step between the numeral and the unit starts by
    testing the character after the numeral (:data:`_BEFORE_UNIT_STEPS`, 个 before
    万/亿/多/余), a magnitude at the numeral's end may begin the unit (12千米), and after
    the unit a scale, 半, a money tail or a currency, or a pair of digits change the draft.
    (:func:`_read_unit_and_tail` returns at once on a draft with its unit.)
    """
    end = numeral.end
    if numeral.value is None or numeral.pair is not None or end >= len(s):
        return None
    char = s[end]
    if char in _BEFORE_UNIT_STEPS:
        return None
    if char in _MEASURE_FORMS and end + 1 < len(s) and s[end + 1] in _AFTER_MEASURE_STEPS:
        return None
    if end - 1 != numeral.start and _magnitude_of_unit(s, numeral, whole=False) is not None:
        # 12千米: _give_back_unit_prefix gives the magnitude to the unit (a numeral of one
        # character has none: the first test of _magnitude_of_unit, made here without a call)
        return None
    unit = match_unit(s, end, whole=False)
    if unit is None or unit.scale != 1 or unit.kind == "money":
        return None
    if unit.surface in _UNITS_READ_FURTHER or s.startswith("半", end + len(unit.surface)):
        return None
    return Draft(
        i,
        end + len(unit.surface),
        -numeral.value if sign < 0 else numeral.value,
        numeral.low,
        numeral.high,
        unit=unit,
        numeral=numeral,
        bare_chinese=not numeral.arabic and numeral.digits is None,
    )


# Characters before 半 that make it part of a word (上半年, 一半, 大半, 多半, 过半).
_HALF_WORDS = "上下前后一大多过夜"


def _half_of_a_duration(s: str, j: int) -> bool:
    """半年, 半天, 半个月, 半小时: 半 before a time noun is one half (not 上半年, 一半)."""
    if not s.startswith("半", j) or (j > 0 and s[j - 1] in _HALF_WORDS):
        return False
    if s.startswith(_GE_MORE, j + 1):
        j += 2  # 半个多月: 个 + 多 + the time noun
        probe = "个" + s[j + 1 : j + 5]
        unit = match_unit(probe, 0, whole=False)
    else:
        unit = match_unit(s, j + 1, whole=False)
    return unit is not None and unit.kind == "duration"


# Magnitudes that may stand without a digit (上万名, 近千户, 过亿元, 千余处, 千万以上).
_BARE_MAGNITUDES = "百千万亿"


def _magnitude_chain(s: str, j: int) -> tuple[Decimal, int]:
    """The product of the magnitude characters at ``j`` (千万 → 10⁷) and where they end."""
    value, k = Decimal(1), j
    magnitudes = magnitude_values()
    while k < len(s) and k - j < 3 and s[k] in _BARE_MAGNITUDES:
        value *= magnitudes[s[k]]
        k += 1
    return value, k


def _read_bare_magnitude(s: str, i: int, j: int) -> Draft | None:
    """上万名, 近千户, 过亿元, 超亿元, 千余处, 上百元, 千万以上: a magnitude with no digit.

    Read only when a qualifier marks it as an amount: one before it (上, 近, 过, 超),
    余/多 after it, or 以上/以下/左右 after it; a bare 千万 is the adverb (千万不要).
    """
    if i != j or j >= len(s) or s[j] not in _BARE_MAGNITUDES:
        return None
    if j > 0 and (s[j - 1] in numeral_start_chars() or s[j - 1] in VAGUE_DIGITS):
        return None
    value, k = _magnitude_chain(s, j)
    numeral = Numeral(j, k, value, magnitude=value)
    draft = Draft(i, k, value, numeral=numeral, bare_magnitude=True)
    marked = False
    if k < len(s) and s[k] in MORE_CHARS:
        draft.qualifiers.append(s[k])
        draft.end = k + 1
        marked = True
    after_unit = match_unit(s, draft.end, whole=False)
    tail = draft.end + (len(after_unit.surface) if after_unit else 0)
    trailing = qualifier_table().get(s[tail : tail + 2])
    if after_unit is None and (value < 10000 or trailing is None):
        return None  # neither a unit nor 以上/左右 after a big magnitude (千万不要)
    if trailing is not None and trailing.position == "after":
        marked = True
    if not marked and leading_qualifier(s, j, bare_magnitude=True) is None:
        return None
    return draft


def _read_vague_magnitude(s: str, i: int, j: int) -> Draft | None:
    """数十户, 几百名, 数千万元: a vague digit before a magnitude, the range 1×–10× of it."""
    if j + 1 >= len(s) or s[j + 1] not in "十" + _BARE_MAGNITUDES:
        return None
    if s[j + 1] == "十":
        value, k = _magnitude_chain(s, j + 2)
        value, k = value * 10, k
    else:
        value, k = _magnitude_chain(s, j + 1)
    numeral = Numeral(j, k, None, low=value, high=value * 10, magnitude=value)
    unit = match_unit(s, k, whole=False)
    if unit is None and value < 10000:
        return None
    return Draft(i, k, None, low=value, high=value * 10, numeral=numeral)


# Colloquial pairs written with 两 (the digit reader pairs only 一二三…九 without 两).
_LIANG_PAIRS = {"一两": (1, 2), "两三": (2, 3)}
LIANG_PAIR_WORDS = tuple(_LIANG_PAIRS)


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
    unit = match_unit(s, j + 2, whole=False)
    if unit is None or unit.kind not in ("count", "duration"):
        return None
    digits = f"{pair[0]}{pair[1]}"
    return Numeral(j, j + 2, Decimal(digits), digits=digits, pair=pair)


def _read_percent_prefix(s: str, i: int, prefix: str, scale: Decimal) -> Draft | None:
    """百分之六十五 → 65 %, 千分之三 → 0.3 %, 百分之负三点八, 百分之点二八."""
    j = i + len(prefix)
    sign = Decimal(1)
    if j < len(s) and s[j] in SIGN_CHARS:
        sign, j = Decimal(-1), j + 1
    if j + 1 < len(s) and s[j] == "点":
        fraction, end = read_fraction_digits(s, j + 1)
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
    return Draft(i, end, sign * value * scale, unit=unit_table()["%"], kind="percent")


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


def _read_masked(s: str, i: int, j: int) -> Draft | None:
    """``*.**亿元``, ``**万``, ``××人``, ``XX 多万人``, ``X个``, ``X/X``: masked amounts.

    A magnitude or a unit must follow the mask (a slash and a second mask make a masked
    fraction); a single X only counts before a unit.
    """
    second = masked_end(s, j + 1) if s.startswith("/", j) else None
    if second is not None:
        return Draft(i, second, None, kind="fraction", masked=True)
    k = j
    if s.startswith(_SPACED_MORE, k):
        k += 1
    if k < len(s) and s[k] in MORE_CHARS:
        k += 1
    while k < len(s) and s[k] in "十百千万亿":
        k += 1
    unit = match_unit(s, k, whole=False)
    if unit is None and (k == j or s[k - 1] not in "十百千万亿"):
        return None
    if unit is None and j - i == 1 and s[i] in "xX":
        return None
    return Draft(i, k + (len(unit.surface) if unit else 0), None, unit=unit, masked=True)


def _read_fraction(s: str, draft: Draft, *, whole: bool) -> None:
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
    s: str, draft: Draft, whole_part: Decimal, denominator: Decimal, j: int
) -> None:
    sign = Decimal(1)
    if j < len(s) and s[j] == "负":
        sign, j = Decimal(-1), j + 1
    numerator = read_numeral(s, j)
    if numerator is None or numerator.value is None or denominator == 0:
        return
    share = FRACTION_CONTEXT.divide(sign * numerator.value, denominator)
    draft.value = canonical(whole_part + share)
    draft.end = numerator.end
    draft.kind = "fraction"
    draft.bare_chinese = False


# 1/2 (a numerator already read, then /denominator) and the mixed 1 4/3 (whole, then
# " numerator/denominator").
_SLASH_FRACTION = re.compile(r"(?: (\d{1,3}))?/(\d{1,4})(?![\d/])")


def _read_slash_fraction(s: str, draft: Draft) -> None:
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
    draft.value = canonical(whole_part + FRACTION_CONTEXT.divide(numerator, denominator))
    draft.end = match.end()
    draft.kind = "fraction"


def _read_inner_qualifier(s: str, draft: Draft) -> None:
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
    if j >= len(s) or s[j] not in MORE_CHARS + "来":
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
    has_unit = match_unit(s, k, whole=False) is not None
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


def _is_ge_yi(s: str, j: int, draft: Draft) -> bool:
    """两个亿, 3个亿: 个 before 亿 (or 两个万) is no measure word; not 4个万亩基地."""
    if not s.startswith(("个", "個"), j) or j + 1 >= len(s) or s[j + 1] not in "万亿":
        return False
    if draft.bare_chinese:
        return True
    numeral = draft.numeral
    if numeral is None or not numeral.arabic or numeral.magnitude != 1 or s[j + 1] != "亿":
        return False
    unit = match_unit(s, j + 2, whole=False)
    return unit is None or unit.kind == "money"


def _read_measure_then_qualifier(s: str, draft: Draft, j: int) -> bool:
    """一个多月, 两个多小时: 个, then 多/余, then a time noun, which is the unit."""
    if not s.startswith(_GE_MORE, j):
        return False
    probe = s[j] + s[j + 2 : j + 6]  # 个 + the time noun: 个月, 个小时
    unit = match_unit(probe, 0, whole=False)
    if unit is None or unit.kind != "duration" or len(unit.surface) < 2:
        return False
    draft.qualifiers.append(s[j + 1])
    draft.unit = unit
    draft.end = j + 1 + len(unit.surface)
    return True


def _read_unit_and_tail(s: str, draft: Draft, *, whole: bool) -> None:
    """The unit after the amount, money sub-units (元5角), 整, a currency after 元."""
    if draft.unit is not None:
        return
    if draft.kind == "fraction":
        unit = match_unit(s, draft.end, whole=whole)
        if unit is not None and unit.kind in _HALF_KINDS and unit.kind != "percent":
            draft.unit, draft.kind = unit, unit.kind  # 四分之一公升
            draft.end += len(unit.surface)
        return
    j = draft.end
    if j < len(s) and _big_or_whole(s, j, draft):
        unit = match_unit(s, j + 1, whole=whole)
        if unit is not None and unit.kind in ("count", "duration"):
            draft.unit, draft.end = unit, j + 1 + len(unit.surface)
            return
    _give_back_unit_prefix(s, draft, whole=whole)
    j = _skip_layout_gap(s, draft.end, whole=whole)
    unit = match_unit(s, j, whole=whole)
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
        draft.value = canonical(draft.value * _scale(unit, draft))
    if unit.kind == "money" and unit.currency == "CNY" and unit.scale in (1, Decimal("0.1")):
        _read_money_tail(s, draft, whole=whole)
    if unit.unit in ("%",) or unit.kind != "money":
        return
    _read_currency_after(s, draft, whole=whole)


_PIECE = Unit("块", "块", "count", None, Decimal(1), None, Decimal(1), standalone=True)


def _piece_or_yuan(s: str, j: int, unit: Unit) -> Unit:
    """三块地, 一块硬骨头: 块 before a noun counts pieces; 十块钱, 两块五, 三块 are yuan."""
    if unit.surface not in ("块", "塊"):
        return unit
    after = j + len(unit.surface)
    if not is_cjk_at(s, after) or s[after] in "钱錢" or s[after] in numeral_start_chars():
        return unit
    if s[after] in FUNCTION_CHARS or _trailing_word_at(s, after):
        return unit  # 八块的零用钱, 3块以上
    return _PIECE


def _trailing_word_at(s: str, i: int) -> bool:
    """Whether a trailing qualifier (多, 以上, 左右) is written at ``i``."""
    return any(
        (q := qualifier_table().get(s[i : i + length])) is not None and q.position == "after"
        for length in (2, 1)
    )


def _skip_layout_gap(s: str, j: int, *, whole: bool) -> int:
    """One layout space or line break between an amount and its unit (约 30 公里, 19\n个)."""
    if j >= len(s) or s[j] not in " \n":
        return j
    if s[j] == "\n" and not (is_cjk_at(s, j + 1) and j > 0 and _cjk_or_digit(s[j - 1])):
        return j
    if whole or not s[j - 1].isdigit() or is_cjk_at(s, j + 1):
        return j + 1
    return j


def _cjk_or_digit(char: str) -> bool:
    return char.isdigit() or is_unified_han(char)


# Measure words of kinds, which a count may write after 大 (4大类, 七大类, 三大项).
_KIND_WORDS = frozenset({"类", "种", "项", "方面", "板块", "领域"})
_NO_UNIT = Unit("", "", "other", None, Decimal(1), None, Decimal(1), standalone=False)


def _big_or_whole(s: str, j: int, draft: Draft) -> bool:
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
            and (match_unit(s, j + 1, whole=False) or _NO_UNIT).unit in _KIND_WORDS
        )
    return char == "整" and draft.value == 1 and draft.bare_chinese


# Units after which 半 means "and a half" (三斤半 = 3.5 斤, 一年半, 三成半 = 35 %).
_HALF_KINDS = frozenset({"mass", "length", "area", "volume", "duration", "percent"})


def _give_back_unit_prefix(s: str, draft: Draft, *, whole: bool) -> None:
    """12千米, 2.3千克, 五十兆字节: a magnitude that begins the unit is not part of the number."""
    numeral = draft.numeral
    end = draft.end
    if numeral is None or draft.value is None or end != numeral.end or end == numeral.start:
        return
    magnitude = _magnitude_of_unit(s, numeral, whole=whole)
    if magnitude is None:
        return
    draft.value = divide_by_magnitude(draft.value, magnitude)
    draft.end = end - 1


def _magnitude_of_unit(s: str, numeral: Numeral, *, whole: bool) -> int | None:
    """The magnitude that ends ``numeral`` (as its last place, after other characters) and
    begins a unit of two characters or more written there (千米), or None."""
    end = numeral.end
    if end - 1 == numeral.start:
        return None  # a numeral of one character (the test with no table first)
    last = s[end - 1]
    magnitude = magnitude_values().get(last)
    if magnitude is None or numeral.magnitude != magnitude:
        return None
    unit = match_unit(s, end - 1, whole=whole)
    if unit is None or unit.surface[0] != last or len(unit.surface) < 2:
        return None
    return magnitude


def _scale(unit: Unit, draft: Draft) -> Decimal:
    """The factor a unit folds into the value; 五五折 is 55 %, 八折 is 80 %."""
    numeral = draft.numeral
    two_digits = numeral is not None and (
        (numeral.digits is not None and len(numeral.digits) == 2)
        or (numeral.arabic and numeral.value is not None and 10 <= numeral.value < 100)
    )
    if unit.surface == "折" and two_digits:
        return Decimal(1)
    return unit.scale


def is_cjk_at(s: str, i: int) -> bool:
    return i < len(s) and is_unified_han(s[i])


def _unit_fits(s: str, j: int, unit: Unit, draft: Draft) -> bool:
    """Reject unit readings that are something else: 8点半 (a time), 年 after a year."""
    after = s[j + len(unit.surface) : j + len(unit.surface) + 1]
    if unit.surface == "点" and (
        after in numeral_start_chars() or (after != "" and after in "半钟") or draft.value == 0
    ):
        return False
    return not (unit.surface == "分" and after == "之")


def _read_money_tail(s: str, draft: Draft, *, whole: bool) -> None:
    """元 followed by 角/毛 and 分 (123元1角1分, 十块三毛, 三块零四, 两毛五), or 整/正."""
    if draft.value is None or draft.unit is None:
        return
    j = draft.end
    if (
        j < len(s)
        and s[j] in _ROUND_MONEY_SUFFIX
        and (whole or j + 1 >= len(s) or not is_cjk_at(s, j + 1) or s[j] == "整")
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
        elif not _cjk_unit_after(s, after) and not is_cjk_at(s, after + 1 if mark else after):
            total, j = total + value * place, after  # 十块三, 两毛五
            break
        else:
            break
    if j != draft.end and total != draft.value:
        draft.value, draft.end = canonical(total), j
    if draft.end < len(s) and s[draft.end] == "钱":
        draft.end += 1


def _money_scale(mark: str) -> Decimal | None:
    """0.1 for 角/毛/毫 and 0.01 for 分/仙 (yuan sub-units of units.csv), else None."""
    unit = unit_table().get(mark)
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
    return match_unit(s, i, whole=False) is not None


def _read_currency_after(s: str, draft: Draft, *, whole: bool) -> None:
    """9000元日币: the currency named after 元 (kept outside the span when extracting)."""
    for word, currency in currency_words().items():
        if s.startswith(word, draft.end):
            draft.currency = currency
            if whole:
                draft.end += len(word)
            return


def _read_range(s: str, draft: Draft, *, whole: bool) -> None:
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
        and looks_like_date(s, draft.start)
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


def _inherit_magnitude(first: Draft, second: Draft) -> Decimal:
    """两到三万 → 20000: the low end takes the high end's 万 when it has none of its own."""
    assert first.value is not None
    if first.unit is not None or second.numeral is None or first.numeral is None:
        return first.value
    magnitude = second.numeral.magnitude
    mantissa = second.numeral.mantissa
    if first.numeral.magnitude < magnitude and mantissa is not None and first.value <= mantissa:
        return first.value * magnitude
    return first.value


DATE_LIKE = re.compile(
    r"(?:1[89]|20)\d\d(?:[-/](?:0?[1-9]|1[0-2])(?:[-/](?:0?[1-9]|[12]\d|3[01]))?"
    r"|\.(?:0?[1-9]|1[0-2])\.(?:0?[1-9]|[12]\d|3[01]))(?!\d)"
)


# The characters DATE_LIKE starts with (a year of 18xx, 19xx or 20xx).
DATE_FIRST_CHARS = "12"


def looks_like_date(s: str, i: int) -> bool:
    """Whether DATE_LIKE matches at ``i`` (tried only at a character it may start with)."""
    return s[i : i + 1] in _DATE_FIRSTS and DATE_LIKE.match(s, i) is not None


_DATE_FIRSTS = frozenset(DATE_FIRST_CHARS)  # no "": a test of the slice at the end too


def _read_trailing_qualifier(s: str, draft: Draft) -> None:
    """以上, 以下, 左右, 上下, 出头 written right after the unit (65%以上, 5年左右)."""
    j = draft.end
    inclusive = _INCLUSIVE_MARK.match(s, j)
    k = inclusive.end() if inclusive is not None else j
    if k >= len(s) or s[k] not in trailing_first_chars():
        return
    table = qualifier_table()
    for length in (2, 1):
        word = s[k : k + length]
        qualifier = table.get(word)
        if qualifier is None or qualifier.position != "after" or len(word) != length:
            continue
        if word == "来" or (
            word in MORE_CHARS and not (draft.unit and draft.unit.kind in ("duration", "multiple"))
        ):
            continue
        if word in ("多", "余") and (
            draft.unit is None or draft.unit.kind not in ("duration", "multiple")
        ):
            continue
        draft.qualifiers.append(word)
        draft.end = k + length
        return


VAGUE_DIGITS = "几数幾數"
# Vague digits read in running text: 数十户 (a range); 几千元 stays a vague word.
VAGUE_IN_TEXT = "数數"


# Particles and conjunctions after which a plain number may still be an amount (年龄27的).
FUNCTION_CHARS = "的了和与及或是为在至到等也而就都"


@loader
def bare_decimal() -> re.Pattern[str]:
    """点五零: a decimal written without its leading 零, read only when two or more digits
    follow."""
    return re.compile(f"点(?=[{chinese_digits()}]{{2}})")


@loader
def extension_chars(with_units: bool) -> frozenset[str]:
    """The characters a draft may go on with right after its numeral, besides whitespace:
    fractions (分之, 又, /), masks, 个/多/余/来, 大/整, 半, the inclusive mark, range
    separators, trailing qualifiers and, ``with_units``, every character of a unit.

    A numeral followed by none of them (and by no whitespace) is the whole draft: every
    step of :func:`read_quantity` after the numeral starts by testing that character.
    """
    chars = set("分又/" + MASK_CHARS + "个個" + MORE_CHARS + "来大整半(（—-~〜～至到－")
    chars |= trailing_first_chars()
    if with_units:
        chars |= {char for surface in unit_table() for char in surface}
    return frozenset(chars)


@loader
def chinese_digit_chars() -> frozenset[str]:
    """The Chinese digits (two as 两 too), without 〇 and the financial forms."""
    return frozenset(chinese_digits() + "两")
