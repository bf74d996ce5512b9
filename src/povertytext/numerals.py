"""Numerals → ``Decimal``: povertytext's own grammar of written Chinese numbers.

The reader works on a *normalized* copy of the text, made by mapping numeral
characters one for one (壹 → 一, 萬 → 万, １ → 1, 〇 → 零; see
``data/numeral_chars.csv``), so every offset in the copy is an offset in the
original. It reads, left to right and in one pass:

* Arabic numbers with thousands separators and decimals (``82,225.00``),
  with a magnitude after them (``24.76万``, ``1.2万亿``, ``3.1千万``, ``15k``);
* Chinese numerals with units and sections (``一亿五千万零六千三百五十五``),
  Arabic integers in their place (``1万2千``, ``200亿零四千230``), colloquial
  endings (``三万五`` = 35000, ``一亿二`` = 120000000), 廿/卅/卌;
* decimals written with 点 (``一千六点五``, ``零点零零三四二万``);
* digit-by-digit readings (``二〇〇二``, ``一七二零点一``), and the pairs that
  colloquially mean a range (``七八十`` = 70–80, ``三五百`` = 300–500).

:func:`parse_number` takes one whole numeral and raises :class:`NumeralError`
when the string is anything else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import MAX_EMAX, MIN_EMIN, Context, Decimal, Inexact, localcontext
from typing import NamedTuple

from ._data import loader, read_table
from ._exact import exact_context
from ._substitute import Substitution
from ._text import ASCII_DIGITS, chinese_digits
from .errors import MaskedNumberError, NumeralError, require_text

__all__ = [
    "MAX_DIGITS",
    "MAX_EXPONENT",
    "Numeral",
    "divide_by_magnitude",
    "exact_context",
    "exact_power",
    "masked_end",
    "normalize",
    "normalized_chars",
    "parse_number",
    "read_numeral",
]

# The input-size limits of one numeral (see docs/numerals.md): digits in a row, the
# exponent of scientific notation (1e5) and the digits of a power (2^70). Longer
# numerals are no numerals: extractors leave them out, parse_* raise NumeralError.
MAX_DIGITS = 10_000
MAX_EXPONENT = 10_000
# Arithmetic while reading is exact: within the limits above no value needs more
# digits or a wider exponent than this context holds.
EXACT = Context(prec=1_000_000, Emax=MAX_EMAX, Emin=MIN_EMIN)
# Quotients that do not terminate (三分之一) are given to 20 significant digits.
FRACTION_CONTEXT = Context(prec=20)

_ARABIC = re.compile(r"\d{1,3}(?:,\d{3})+(?![\d])(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+")
_ARABIC_INT = re.compile(r"\d+")
_EXPONENT = re.compile(r"[eE]([+-]?\d+)|\^([+-]?-?\d+)")
MASK_CHARS = "*＊×xX"
_MASK_SET = frozenset(MASK_CHARS)
# A rendered number whose digits may be masked: digits and mask characters, groups
# joined by a decimal point or a thousands comma (**3, 3.**, *1, 1,2**,000).
_DIGITS_OR_MASKS = re.compile(
    r"[0-9*＊×xX]+(?:,[0-9*＊×xX]{3}(?![0-9*＊×xX]))*(?:[.．][0-9*＊×xX]+)?"
)
_SUFFIX_MAGNITUDES = {"k": 1000, "K": 1000, "w": 10000, "W": 10000, "M": 1000000}
_WHOLE_SUFFIX_MAGNITUDES = {**_SUFFIX_MAGNITUDES, "G": 1000000000}
_ZERO = Decimal(0)
_ONE = Decimal(1)
_PAIR_RANGES = frozenset({(1, 2), (2, 3), (3, 4), (4, 5), (5, 6), (6, 7), (7, 8), (8, 9), (3, 5)})


class Numeral(NamedTuple):
    """A numeral read from normalized text: ``[start, end)`` and its value.

    ``value`` is None for a colloquial range (七八十), whose ends are ``low`` and
    ``high``. ``magnitude`` is the product of the sections (万, 亿) or the unit
    it ends with (三百 → 100), and ``mantissa`` the value divided by it; they let
    a range inherit a magnitude (两到三万 → 20000–30000). ``digits`` is the digit
    string of a digit-by-digit reading (零零三 → ``"003"``). ``pair`` holds the
    two digits of a two-digit reading that may be a range (三五个).

    Immutable, as a named tuple rather than a frozen dataclass: every candidate of a
    scan builds one, and a frozen dataclass sets each field through
    ``object.__setattr__`` (about five times the cost of building the tuple).
    """

    start: int
    end: int
    value: Decimal | None
    low: Decimal | None = None
    high: Decimal | None = None
    magnitude: Decimal = Decimal(1)
    digits: str | None = None
    pair: tuple[int, int] | None = None
    arabic: bool = False

    @property
    def mantissa(self) -> Decimal | None:
        """The value without its trailing magnitude (两千万 → 2000, 3百 → 3)."""
        return None if self.value is None else divide_by_magnitude(self.value, self.magnitude)


def divide_by_magnitude(value: Decimal, magnitude: Decimal | int) -> Decimal:
    """``value / magnitude`` for a power of ten, exactly and fast (a shift of the exponent).

    Division under the reader's wide exact context would be slow; magnitudes are
    always 10^k (十, 百, 万, 亿 and their products), so the quotient is a shift.
    """
    digits = str(int(magnitude))
    if digits.strip("0") == "1":
        return value.scaleb(-(len(digits) - 1))
    return FRACTION_CONTEXT.divide(value, Decimal(magnitude))


@loader
def _substitution() -> Substitution:
    """The numeral characters that change, replaced in one pass (see ``_substitute``)."""
    return Substitution(
        {ord(row["char"]): row["canonical"] for row in read_table("numeral_chars.csv")}
    )


def normalized_chars() -> frozenset[str]:
    """The characters that :func:`normalize` changes (壹, 萬, １, 〇 …)."""
    return _substitution().sources()


@loader
def not_alone_chars() -> frozenset[str]:
    """Characters that are numerals only beside other numerals (陆, 伍, 拾, 肆 …)."""
    return frozenset(row["char"] for row in read_table("numeral_chars.csv") if row["alone"] == "no")


@loader
def _values() -> dict[str, tuple[int, str]]:
    return {
        row["char"]: (int(row["value"]), row["role"]) for row in read_table("numeral_values.csv")
    }


@loader
def _roles() -> tuple[dict[str, int], dict[str, int], dict[str, int], dict[str, int]]:
    digits: dict[str, int] = {}
    units: dict[str, int] = {}
    sections: dict[str, int] = {}
    tens: dict[str, int] = {}
    by_role = {"digit": digits, "unit": units, "section": sections, "tens": tens}
    for char, (value, role) in _values().items():
        by_role[role][char] = value
    return digits, units, sections, tens


def normalize(text: str) -> str:
    """Map numeral characters one for one to their canonical form; the length never changes.

    >>> normalize("壹佰萬元，２０２０年")
    '一百万元,2020年'
    """
    pattern, changes = _normalization()
    if pattern is None:
        return _substitution()(text)
    found = pattern.findall(text)
    if not found:
        return text  # most texts: nothing to change, no copy
    for char in set(found):
        text = text.replace(char, changes[char])
    return text


@loader
def _normalization() -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """The characters :func:`normalize` changes (one character class) and what each becomes.

    Replacing each character found, one ``str.replace`` each, is one pass of the
    substitution (``text.translate``) when no character becomes one that is itself
    replaced: then no replacement is replaced again. A table where one does gives no
    pattern, and the substitution is used.
    """
    changes = {char: _substitution()(char) for char in _substitution().sources()}
    if not changes or not set(changes).isdisjoint(changes.values()):
        return None, changes
    chars = "".join(re.escape(char) for char in sorted(changes))
    return re.compile(f"[{chars}]"), changes


@loader
def magnitude_values() -> dict[str, int]:
    """十 百 千 万 亿 兆 and the powers of ten they stand for."""
    _, units, sections, _ = _roles()
    return {**units, **sections}


@loader
def numeral_start_chars() -> frozenset[str]:
    """Canonical characters a numeral can start with."""
    digits, units, _sections, tens = _roles()
    return frozenset("0123456789") | frozenset(digits) | frozenset(units) | frozenset(tens)


def is_magnitude(char: str) -> bool:
    """True for 十 百 千 万 亿 兆 (canonical)."""
    _, units, sections, _ = _roles()
    return char in units or char in sections


@dataclass(slots=True)
class _State:
    """The running sum of a Chinese numeral while it is read."""

    groups: list[tuple[int, Decimal]]
    section: Decimal
    pending: Decimal | None = None
    pending_single: bool = False
    after_zero: bool = False
    last_unit: int | None = None
    last_magnitude: int | None = None
    trailing_magnitude: Decimal = Decimal(1)

    def total(self) -> Decimal:
        total = _ZERO
        for _, amount in self.groups:
            total += amount
        return total + self.section

    def value(self) -> Decimal:
        pending = self.pending or _ZERO
        colloquial = (
            self.pending is not None
            and self.pending_single
            and not self.after_zero
            and self.last_magnitude is not None
            and self.last_magnitude >= 100
        )
        if colloquial and self.last_magnitude is not None:
            pending *= Decimal(self.last_magnitude).scaleb(-1)
        return self.total() + pending


def read_numeral(s: str, i: int, *, whole: bool = False) -> Numeral | None:
    """Read the longest numeral of normalized text ``s`` starting at ``i``, or None.

    ``whole`` admits forms that are only safe when the caller says the string is
    one numeral: a leading 百/千/万 (千一 = 1100, 萬九 = 19000) and a ``G`` suffix.

    >>> n = read_numeral(normalize("有24.76万人"), 1)
    >>> n.value == 247600, n.end
    (True, 7)
    """
    n = len(s)
    if i >= n or overlong_run(s, i) is not None:
        return None
    c = s[i]
    if c == "." or c.isdigit():
        return _read_arabic(s, i, whole=whole)
    digit_values, continuations = _lone_digit_tables()
    value = digit_values.get(c)
    if value is None:
        return _read_chinese(s, i, whole=whole)
    nxt = s[i + 1] if i + 1 < n else ""
    if (c != "两" and nxt != "两" and nxt in digit_values) or (c == "一" and nxt == "两"):
        return _read_digit_sequence(s, i)
    if nxt not in continuations:
        return Numeral(i, i + 1, value)  # 一批, 三个: what _read_chinese reads
    return _read_chinese(s, i, whole=whole)


class _LoneDigitTables(NamedTuple):
    """What :func:`read_numeral` looks up before the grammar: each digit's value (the
    ``Decimal`` of a lone digit) and the characters that go on after a digit."""

    digit_values: dict[str, Decimal]
    continuations: frozenset[str]


@loader
def _lone_digit_tables() -> _LoneDigitTables:
    """One lookup of the loader per :func:`read_numeral` (they are read at every candidate)."""
    digits = _roles()[0]
    values = {char: Decimal(value) for char, value in digits.items()}
    return _LoneDigitTables(values, _chinese_continuations())


def lone_digit(s: str, i: int) -> Numeral | None:
    """``read_numeral(s, i)`` when it is the Chinese digit at ``i`` alone (一 in 一批), or
    None when that reader must decide.

    read_numeral reads the digit alone when no run of more than :data:`MAX_DIGITS` digits
    starts at ``i``, and the next character neither continues a Chinese numeral (every
    Chinese digit, 两 too, is a continuation: no digit-by-digit reading and no 一两) nor is
    a digit. A run of digits needs at ``i + 1`` a digit (Arabic, 〇, Chinese), a point or a
    thousands comma: :func:`lone_digit_readings` holds all of these.
    """
    digit_values, after_lone_digit = lone_digit_readings()
    value = digit_values.get(s[i])
    if value is None or s[i].isdigit() or i + 1 >= len(s) or s[i + 1] in after_lone_digit:
        return None  # no digit, an Arabic one (read_numeral's first branch) or no lone one
    return Numeral(i, i + 1, value)


@loader
def lone_digit_readings() -> tuple[dict[str, Decimal], frozenset[str]]:
    """Each digit's value, as read_numeral has it, and the characters after a Chinese
    digit at which :func:`lone_digit` leaves the reading to read_numeral: the
    continuations (the Chinese digits, 十百千万亿, ".", 点) and what else a run of digits
    goes on with. One lookup of the loader per call."""
    after = _chinese_continuations() | frozenset(ASCII_DIGITS + "〇,．")
    return _lone_digit_tables().digit_values, after


def masked_end(s: str, i: int) -> int | None:
    """The end of the rendered number at ``i`` when any of its digits is masked, else None.

    The one rule of masks: a run of digits and mask characters (``*`` ``＊`` ``×`` ``x``
    ``X``), its groups joined by a decimal point or a thousands comma, is masked as a
    whole as soon as one mask character stands in it (``**3``, ``*.*3``, ``3.**``,
    ``*1``, ``1,2**``): no digit of it has a value. ``x`` and ``X`` are letters too:
    a run that touches an ASCII letter (``0x1F``, ``FX361``) is no mask.

    >>> masked_end("3.**亿元", 0), masked_end("共*1万元", 1), masked_end("3.5亿元", 0)
    (4, 3, None)
    """
    match = _DIGITS_OR_MASKS.match(s, i)
    if match is None or _MASK_SET.isdisjoint(match.group()):
        return None
    end = match.end()
    if _letter_at(s, i - 1) or _letter_at(s, end):
        return None
    return end


@loader
def _long_run() -> re.Pattern[str]:
    """More than :data:`MAX_DIGITS` digits in a row (Arabic, 〇 and the Chinese digits),
    with thousands commas and a decimal point between them."""
    digit = f"[{ASCII_DIGITS}〇{chinese_digits()}]"
    run_char = rf"(?:{digit}|[,.．](?=[0-9]{{3}}(?![0-9]))|[.．](?=[0-9]))"
    return re.compile(f"{run_char}{{{MAX_DIGITS + 1},}}")


def overlong_run(s: str, i: int) -> int | None:
    """The end of a run of more than :data:`MAX_DIGITS` digits starting at ``i``, or None.

    Such a run is no numeral (the input-size limit): extractors skip it whole.
    """
    if len(s) - i <= MAX_DIGITS:
        return None  # too short for such a run: no regex needed
    match = _long_run().match(s, i)
    return None if match is None else match.end()


# A layout space or line break may stand between a number and its 万/亿 (1.1\n万, 9899 万).
_LAYOUT_GAP = " \n"


def _ascii_digit(char: str) -> bool:
    return "0" <= char <= "9"


def _read_arabic(s: str, i: int, *, whole: bool) -> Numeral | None:
    match = _ARABIC.match(s, i)
    if match is None:
        return None
    text = match.group()
    end = match.end()
    if "." in text and end + 1 < len(s) and s[end] == "." and _ascii_digit(s[end + 1]):
        # 2222.2222.222: a dotted sequence, not a decimal; read its first group only.
        int_match = _ARABIC_INT.match(s, i)
        if int_match is None:
            return None
        return Numeral(i, int_match.end(), Decimal(int_match.group()), arabic=True)
    value = Decimal(text.replace(",", ""))
    exponent = _EXPONENT.match(s, end) if whole else None
    if exponent is not None:
        return _read_exponent(i, exponent, value)
    if "." in text:
        if end + 1 < len(s) and s[end] in _LAYOUT_GAP and s[end + 1] in "万亿":
            end += 1
        magnitude, end = _read_magnitudes(s, end, whole=whole)
        return Numeral(i, end, value * magnitude, magnitude=magnitude, arabic=True)
    if end + 1 < len(s) and s[end] in _LAYOUT_GAP and s[end + 1] in "万亿" and "." not in text:
        magnitude, after = _read_magnitudes(s, end + 1, whole=whole)
        return Numeral(i, after, value * magnitude, magnitude=magnitude, arabic=True)
    suffixes = _WHOLE_SUFFIX_MAGNITUDES if whole else _SUFFIX_MAGNITUDES
    if end < len(s) and s[end] in suffixes and not _letter_at(s, end + 1):
        magnitude = Decimal(suffixes[s[end]])
        return Numeral(i, end + 1, value * magnitude, magnitude=magnitude, arabic=True)
    if "," in text:
        magnitude, end = _read_magnitudes(s, end, whole=whole)
        return Numeral(i, end, value * magnitude, magnitude=magnitude, arabic=True)
    if _ascii_digit(s[i]) and (end == len(s) or s[end] not in _chinese_continuations()):
        return Numeral(i, end, value, arabic=True)  # what _read_chinese reads: the integer alone
    return _read_chinese(s, i, whole=whole)


@loader
def arabic_read_on_chars() -> frozenset[str]:
    """The characters right after an Arabic number (``1200``, ``82,225.00``, ``24.76``, or
    one of them with 万/亿 after it) at which :func:`read_numeral` may read it otherwise,
    besides digits (``str.isdigit``) and whitespace (a layout gap before 万/亿).

    A point or a comma (a dotted sequence, a thousands group), a suffix magnitude (15k), a
    mask (:func:`masked_end` reads the run of digits, masks and separators as a whole) and
    what goes on inside a Chinese numeral (1万2千, 3百, 5点六).
    """
    suffixes = "".join(_WHOLE_SUFFIX_MAGNITUDES)
    return frozenset(".,．" + suffixes + MASK_CHARS) | _chinese_continuations()


@loader
def _chinese_continuations() -> frozenset[str]:
    """What may follow an Arabic integer inside a Chinese numeral (1万2千, 3百, 5点六)."""
    digits, units, sections, tens = _roles()
    return frozenset([*digits, *units, *sections, *tens, ".", "点"])


def _read_exponent(i: int, match: re.Match[str], value: Decimal) -> Numeral:
    """2e5, 12.32e+14, 2^5, 2.5^-1: scientific notation and powers (whole strings only).

    Exact or an error: an exponent beyond :data:`MAX_EXPONENT`, a power of more than
    :data:`MAX_DIGITS` digits or one with no exact decimal value raises NumeralError.
    """
    if match.group(1) is not None:
        exponent = _bounded_exponent(match.group(1), match.string)
        result = value.scaleb(exponent, context=EXACT)
    else:
        power = _bounded_exponent(match.group(2).replace("--", ""), match.string)
        result = exact_power(value, power, match.string)
    return Numeral(i, match.end(), result, arabic=True)


def _bounded_exponent(text: str, source: str) -> int:
    """``int(text)``, or NumeralError when its size is beyond :data:`MAX_EXPONENT`."""
    digits = text.lstrip("+-").lstrip("0")
    if len(digits) > len(str(MAX_EXPONENT)) or abs(int(text)) > MAX_EXPONENT:
        raise NumeralError(f"exponent beyond the limit of {MAX_EXPONENT}", input=source)
    return int(text)


def exact_power(value: Decimal, power: int, source: str = "") -> Decimal:
    """``value ** power`` exactly, or NumeralError (too many digits, no exact decimal).

    >>> exact_power(Decimal(2), 70)
    Decimal('1180591620717411303424')
    >>> exact_power(Decimal("2.5"), -1)
    Decimal('0.4')
    """
    if value == 0:
        if power < 0:
            raise NumeralError("zero to a negative power has no value", input=source)
        return Decimal(1) if power == 0 else Decimal(0)
    width = (len(value.as_tuple().digits) + 1) * abs(power) + 2
    if width > MAX_DIGITS:
        raise NumeralError(f"a power of more than {MAX_DIGITS} digits", input=source)
    context = Context(prec=width, Emax=MAX_EMAX, Emin=MIN_EMIN, traps=[Inexact])
    try:
        return context.power(value, power)
    except Inexact:
        raise NumeralError(
            f"no exact decimal value within {MAX_DIGITS} digits", input=source
        ) from None


def _letter_at(s: str, i: int) -> bool:
    return 0 <= i < len(s) and s[i].isascii() and s[i].isalpha()


def _read_magnitudes(s: str, i: int, *, whole: bool) -> tuple[Decimal, int]:
    """Read a chain of magnitude characters after a decimal (千万, 万亿); (product, end)."""
    _, units, sections, _ = _roles()
    product = Decimal(1)
    seen_section = 0
    last_unit = 10**9
    j = i
    while j < len(s):
        c = s[j]
        if c in units and not seen_section and units[c] < last_unit:
            last_unit = units[c]
            product *= units[c]
        elif c in sections and sections[c] > seen_section:
            seen_section = sections[c]
            product *= sections[c]
        else:
            break
        j += 1
    if j == i:
        suffixes = _WHOLE_SUFFIX_MAGNITUDES if whole else _SUFFIX_MAGNITUDES
        if j < len(s) and s[j] in suffixes and not _letter_at(s, j + 1):
            return Decimal(suffixes[s[j]]), j + 1
    return product, j


def _read_digit_sequence(s: str, i: int) -> Numeral | None:
    """Digit-by-digit reading (二〇〇二, 一七二零点一), or a colloquial pair (七八十)."""
    digits, units, sections, _ = _roles()
    j = i
    while j < len(s) and s[j] in digits and (s[j] != "两" or (j == i + 1 and s[i] == "一")):
        j += 1
    seq = [digits[c] for c in s[i:j]]
    after = s[j] if j < len(s) else ""
    if len(seq) == 2 and (seq[0], seq[1]) in _PAIR_RANGES:
        if after in units or after in sections:
            return _read_pair_range(s, i, j, seq[0], seq[1])
        pair: tuple[int, int] | None = (seq[0], seq[1])
    else:
        pair = None
    if "两" in s[i:j]:
        return None
    digit_string = "".join(str(d) for d in seq)
    value = Decimal(digit_string)
    if after == "点" and j + 1 < len(s):
        fraction, end = read_fraction_digits(s, j + 1)
        if fraction:
            digit_string += "." + fraction
            return Numeral(i, end, Decimal(digit_string), digits=digit_string)
    return Numeral(i, j, value, digits=digit_string, pair=pair)


def _read_pair_range(s: str, i: int, j: int, first: int, second: int) -> Numeral:
    """七八十 → 70–80, 三五百 → 300–500, 八九亿 → 8–9 亿, 一两千 → 1000–2000."""
    magnitude, end = _read_magnitudes(s, j, whole=False)
    low = Decimal(first) * magnitude
    high = Decimal(second) * magnitude
    return Numeral(i, end, None, low=low, high=high, magnitude=magnitude)


def read_fraction_digits(s: str, i: int) -> tuple[str, int]:
    """The digits after a decimal point, read one by one (两 is no decimal digit)."""
    digits, _, _, _ = _roles()
    j = i
    out: list[str] = []
    while j < len(s):
        c = s[j]
        if _ascii_digit(c):
            out.append(c)
        elif c in digits and c != "两":
            out.append(str(digits[c]))
        else:
            break
        j += 1
    return "".join(out), j


def _read_chinese(s: str, i: int, *, whole: bool) -> Numeral | None:
    """The place-value grammar: digits, units, sections, 零, colloquial endings, 点."""
    digits, units, sections, tens = _roles()
    state = _State(groups=[], section=_ZERO)
    n = len(s)
    j = i
    end = i
    arabic = False
    while j < n:
        c = s[j]
        if _ascii_digit(c) or c in digits:
            if state.pending is not None and not (state.pending == 0 and state.after_zero):
                break
            if _ascii_digit(c):
                match = _ARABIC_INT.match(s, j)
                assert match is not None
                state.pending = Decimal(match.group())
                state.pending_single = False
                arabic = True
                j = match.end()
                end = j
                continue
            if c == "零":
                if j == i:
                    state.pending = _ZERO
                    end = j + 1
                else:
                    state.after_zero = True
                    if state.pending is None:
                        state.pending = _ZERO
                j += 1
                continue
            state.pending = Decimal(digits[c])
            state.pending_single = True
            j += 1
            end = j
        elif c in units:
            unit = units[c]
            if state.last_unit is not None and unit >= state.last_unit:
                break
            if state.pending is None or state.pending == 0:
                if not _implicit_one_allowed(s, i, j, c, whole, state):
                    break
                multiplier = _ONE
            else:
                multiplier = state.pending
            state.section += multiplier * unit
            state.pending = None
            state.after_zero = False
            state.last_unit = unit
            state.last_magnitude = unit
            state.trailing_magnitude = Decimal(unit) if unit > 10 else _ONE
            j += 1
            end = j
        elif c in sections:
            if not _apply_section(state, sections[c], s, i, j, whole):
                break
            j += 1
            end = j
        elif c in tens:
            if state.pending not in (None, _ZERO) or (
                state.last_unit is not None and state.last_unit <= 10
            ):
                break
            state.section += tens[c]
            state.pending = None
            state.last_unit = 10
            state.last_magnitude = 10
            state.trailing_magnitude = _ONE
            j += 1
            end = j
        elif c in ".点" and end > i and j == end:
            return _read_decimal_tail(s, i, j, state, arabic=arabic, whole=whole) or _finish(
                i, end, state, arabic
            )
        else:
            break
    if end == i:
        return None
    return _finish(i, end, state, arabic)


def _implicit_one_allowed(s: str, i: int, j: int, c: str, whole: bool, state: _State) -> bool:
    """May unit ``c`` at ``j`` stand without a digit before it (十五, 一百十一, 千一)?"""
    digits, _, _, _ = _roles()
    if c == "十":
        return True
    if j > i:
        return True  # 一万零百一十一: a unit after 零 or a section takes an implied 一
    nxt = s[j + 1] if j + 1 < len(s) else ""
    return whole and nxt in digits and nxt != "零"


def _apply_section(state: _State, section: int, s: str, i: int, j: int, whole: bool) -> bool:
    """Multiply what was read since the last larger section by ``section`` (万, 亿)."""
    digits, _, _, _ = _roles()
    current = state.section + (state.pending or 0)
    smaller = sum((amount for size, amount in state.groups if size < section), _ZERO)
    if (
        section == 10000
        and state.groups
        and state.groups[-1][0] == 10000
        and current == 0
        and s[j - 1] == "万"
    ):
        # 四万万 = 4 亿: a doubled 万 is the old way of writing 亿
        _size, amount = state.groups.pop()
        state.groups.append((100000000, amount * 10000))
        state.trailing_magnitude *= 10000
        state.last_magnitude = 100000000
        return True
    if any(size == section for size, _ in state.groups):
        return False
    if current == 0 and smaller == 0:
        if state.groups or j != i:
            return False
        nxt = s[j + 1] if j + 1 < len(s) else ""
        if not (whole and nxt in digits and nxt != "零"):
            return False
        current = _ONE  # 萬九 = 一万九
    kept = [(size, amount) for size, amount in state.groups if size > section]
    state.groups = [*kept, (section, (current + smaller) * section)]
    state.section = _ZERO
    state.pending = None
    state.after_zero = False
    state.last_unit = None
    state.last_magnitude = section
    previous = state.trailing_magnitude if smaller and current == 0 else _ONE
    state.trailing_magnitude = previous * section
    return True


def _read_decimal_tail(
    s: str, i: int, j: int, state: _State, *, arabic: bool, whole: bool
) -> Numeral | None:
    """After the integer part, 点 and its digits, then a magnitude (十二点五万)."""
    fraction, end = read_fraction_digits(s, j + 1)
    if not fraction:
        return None
    integer = state.value()
    value = integer + Decimal("0." + fraction)
    magnitude = _ONE
    if not state.groups:
        magnitude, end = _read_magnitudes(s, end, whole=whole)
    return Numeral(i, end, value * magnitude, magnitude=magnitude, arabic=arabic)


def _finish(i: int, end: int, state: _State, arabic: bool) -> Numeral:
    value = state.value()
    magnitude = state.trailing_magnitude if state.pending is None else _ONE
    if magnitude == 0:
        magnitude = _ONE
    return Numeral(i, end, value, magnitude=magnitude, arabic=arabic)


def _strip_sign(s: str) -> tuple[int, int]:
    """(sign, index after the sign and any spaces) of a whole numeral string."""
    j = 0
    sign = 1
    if s and s[0] in "-负+":
        sign = -1 if s[0] in "-负" else 1
        j = 1
        while j < len(s) and s[j] == " ":
            j += 1
    return sign, j


def parse_number(text: str) -> Decimal:
    """Read ``text`` as one numeral and return its exact value.

    Raises :class:`~povertytext.NumeralError` (``code == "numeral"``) when the
    string is empty or anything but one numeral, naming the position where
    reading stopped; :class:`~povertytext.MaskedNumberError` for masked digits.

    >>> parse_number("二千三百万")
    Decimal('23000000')
    >>> parse_number("24.76万")
    Decimal('247600')
    >>> parse_number("壹仟玖佰")
    Decimal('1900')
    >>> parse_number("一亿二")
    Decimal('120000000')
    >>> parse_number("十一十二")
    Traceback (most recent call last):
    ...
    povertytext.errors.NumeralError: not a single numeral: unexpected '十' ...
    """
    require_text(text, "parse_number")
    with localcontext(EXACT):
        return _parse_number(text)


def _parse_number(text: str) -> Decimal:
    stripped = text.strip()
    offset = len(text) - len(text.lstrip())
    if not stripped:
        raise NumeralError("empty numeral", input=text, position=0)
    s = normalize(stripped)
    long_run = _long_run().search(s)
    if long_run is not None:
        raise NumeralError(
            f"more than {MAX_DIGITS} digits in a row (the limit of one numeral)",
            input=text[:40],
            position=offset + long_run.start(),
        )
    sign, j = _strip_sign(s)
    if masked_end(s, j) is not None:
        raise MaskedNumberError("masked digits have no value", input=text, position=offset + j)
    numeral = read_numeral(s, j, whole=True)
    if numeral is None or numeral.value is None:
        where = j if numeral is None else numeral.end
        raise NumeralError(
            f"not a numeral: unexpected {s[where : where + 1]!r}"
            if where < len(s)
            else "no digits",
            input=text,
            position=offset + where,
        )
    if numeral.end != len(s):
        raise NumeralError(
            f"not a single numeral: unexpected {stripped[numeral.end]!r}",
            input=text,
            position=offset + numeral.end,
        )
    return canonical(sign * numeral.value)


def canonical(value: Decimal) -> Decimal:
    """Drop exponent noise and trailing zeros after the point: 12.30 → 12.3, 1E+4 → 10000.

    Exact for any number of digits: the context is as wide as the number.
    """
    if value == 0:
        return Decimal(0)
    _, digits, exponent = value.as_tuple()
    if exponent == 0 or (isinstance(exponent, int) and exponent < 0 and digits[-1] != 0):
        return value  # already canonical: an integer, or a decimal with no trailing zero
    width = len(digits) + (exponent if isinstance(exponent, int) and exponent > 0 else 0) + 1
    context = Context(prec=max(width, 28))
    normalized = value.normalize(context)
    _, _, exponent = normalized.as_tuple()
    if isinstance(exponent, int) and exponent > 0:
        return normalized.quantize(Decimal(1), context=context)
    return normalized
