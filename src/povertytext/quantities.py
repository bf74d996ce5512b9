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
from decimal import Decimal, localcontext
from typing import Any, get_args

from ._data import loader
from .amounts import (
    DATE_FIRST_CHARS,
    DATE_LIKE,
    SIGN_CHARS,
    VAGUE_DIGITS,
    Draft,
    arabic_draft,
    bare_decimal,
    chinese_digit_chars,
    digit_draft,
    digit_unit,
    read_quantity,
    reads_plain_numeral,
)
from .characters import (
    read_simplified,
    simplify,
    traditional_chars,
)
from .errors import MaskedNumberError, NumeralError, QuantityError, require_text
from .models import Quantity, QuantityBound, QuantityKind, validated_copy
from .nonamounts import (
    blocked_spans,
    digit_dropped_as_indefinite,
    is_amount,
    is_date_part,
    is_number,
    refused_at,
)
from .numerals import (
    EXACT,
    MAX_DIGITS,
    canonical,
    masked_end,
    normalize,
    normalized_chars,
    numeral_start_chars,
    overlong_run,
    read_numeral,
)
from .units import (
    currency_words,
    leading_qualifier,
    match_unit,
    qualifier_bound,
    qualifier_table,
    scope_qualifier,
    temperature_prefix,
    temperature_scales,
    to_base_unit,
    unit_table,
)

__all__ = [
    "extract_numbers",
    "extract_quantities",
    "parse_quantity",
    "quantity_interval",
    "to_base_unit",
]


def _to_quantity(text: str, s: str, draft: Draft, *, with_leading: bool) -> Quantity:
    start = draft.start
    unit = draft.unit
    qualifiers = draft.qualifiers  # read only: a new list when a qualifier is added
    if with_leading:
        magnitude_like = draft.bare_magnitude or (unit is not None and unit.kind == "age")
        found = leading_qualifier(s, start, bare_magnitude=magnitude_like)
        if found is not None:
            leading, leading_start = found
            if leading.in_span:
                start = leading_start
            qualifiers = [*qualifiers, leading.text]
        if not qualifiers:
            scope = scope_qualifier(s, start)
            if scope is not None:
                qualifiers = [scope]
    value = draft.value
    if unit is not None and unit.kind == "temperature":
        start, unit, value = temperature_prefix(s, start, unit, value)
    kind: QuantityKind = draft.kind or (unit.kind if unit else "count")
    currency = draft.currency or (unit.currency if unit else None)
    table = qualifier_table()
    if draft.value is None and not draft.masked:
        approximate = True
    else:
        approximate = bool(qualifiers) and any(
            table[q].approximate for q in qualifiers if q in table
        )
    qualifier = qualifiers[0] if qualifiers else None
    named = None if qualifier is None else table.get(qualifier)
    return _built_quantity(
        {
            "text": text[start : draft.end],
            "start": start,
            "end": draft.end,
            "value": None if value is None else _canonical(value),
            "low": None if draft.low is None else _canonical(draft.low),
            "high": None if draft.high is None else _canonical(draft.high),
            "unit": unit.unit if unit else None,
            "kind": kind,
            "currency": currency if kind == "money" else None,
            "qualifier": qualifier,
            "approximate": approximate,
            "masked": draft.masked,
            "bound": named.bound if named is not None else "exact",  # qualifier_bound(qualifier)
        }
    )


def _canonical(value: Decimal) -> Decimal:
    """:func:`~povertytext.numerals.canonical` of ``value``, the value itself when it is
    canonical already, as canonical finds it: a nonzero integer of exponent 0 (written
    without point or exponent) or a number with a point whose last digit is no 0.

    Why: the written form of a Decimal has a point only for a negative exponent, an
    ``E`` for a positive one (or a small one), and ends with its last digit; it is read
    at a third of the cost of the digits' tuple.
    """
    if value:
        written = str(value)
        if (
            "E" not in written
            and written[-1].isdigit()
            and (written[-1] != "0" or "." not in written)
        ):
            return value
    return canonical(value)


def _validated_quantity(**fields: object) -> Quantity:
    """``Quantity(**fields)``: the model's own validator, called without the keyword
    call of the model's ``__init__`` (a quarter of the cost of building one)."""
    built = Quantity.__pydantic_validator__.validate_python(fields)
    assert isinstance(built, Quantity)
    return built


# The field names of Quantity, and the values its two Literal fields admit.
_QUANTITY_FIELDS = frozenset(Quantity.model_fields)
_QUANTITY_KINDS = frozenset(get_args(QuantityKind))
_QUANTITY_BOUNDS = frozenset(get_args(QuantityBound))
_new_model = object.__new__
_set_slot = object.__setattr__


def _built_quantity(fields: dict[str, Any]) -> Quantity:
    """``Quantity(**fields)`` for the fields :func:`_to_quantity` builds: every field
    of the model, in its order, each of its type (str, int, a finite Decimal or None, bool).

    What the model's validation may fail on besides is checked here: the two Literal
    fields, the span (``Span._check_span``) and that no Decimal is a NaN or infinite.
    The model is then set up as the validator sets it up (its dict as given, every field
    given, no extra and no private values), at a third of the cost. Fields that fail a
    check go to the validator, which raises.
    """
    start, end = fields["start"], fields["end"]
    if (
        fields["kind"] not in _QUANTITY_KINDS
        or fields["bound"] not in _QUANTITY_BOUNDS
        or not 0 <= start <= end
        or end - start != len(fields["text"])
        or not _all_finite(fields["value"], fields["low"], fields["high"])
    ):
        return _validated_quantity(**fields)
    quantity = _new_model(Quantity)
    _set_slot(quantity, "__dict__", fields)
    _set_slot(quantity, "__pydantic_fields_set__", set(_QUANTITY_FIELDS))
    _set_slot(quantity, "__pydantic_extra__", None)
    _set_slot(quantity, "__pydantic_private__", None)
    return quantity


def _all_finite(value: Decimal | None, low: Decimal | None, high: Decimal | None) -> bool:
    """Whether each of the three is None or a finite Decimal."""
    return (
        (value is None or value.is_finite())
        and (low is None or low.is_finite())
        and (high is None or high.is_finite())
    )


def quantity_interval(quantity: Quantity) -> tuple[Decimal | None, Decimal | None]:
    """The (low, high) bounds a quantity stands for: :meth:`Quantity.interval`."""
    return quantity.interval()


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
    s = normalize(simplify(text))
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
            return validated_copy(
                number, {"text": text[start:end], "start": start, "kind": "ordinal"}
            )
    compact = core.replace(" ", "").replace("\u3000", "")
    if compact != core:
        number = _parse_or_none(compact, compact, 0, len(compact))
        if number is not None:
            return validated_copy(number, {"text": text[start:end], "start": start, "end": end})
    return _parse_vague(text, s, start, end)


def _parse_or_none(text: str, s: str, start: int, end: int) -> Quantity | None:
    try:
        return _parse_whole(text, s, start, end)
    except (NumeralError, QuantityError):
        return None


def _parse_vague(text: str, s: str, start: int, end: int) -> Quantity | None:
    """几十万 → 100000–1000000, 十几 → 10–20, 数十亿元: a vague digit gives a range."""
    position = next((k for k in range(start, end) if s[k] in VAGUE_DIGITS), None)
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
    return validated_copy(
        low, {"value": None, "low": low.value, "high": high_value, "approximate": True}
    )


def _place_after(s: str, position: int, magnitude: Decimal) -> Decimal:
    """The place value of a trailing vague digit: 十几 → 1, 十几万 → 10000."""
    after = s[position + 1 : position + 2]
    return magnitude if after in ("万", "亿") else Decimal(1)


def _parse_whole(text: str, s: str, start: int, stripped_end: int) -> Quantity:
    """One whole quantity in ``s[start:stripped_end]`` (normalized), offsets into ``text``."""
    j = _skip_leading_words(s, start)
    prefix_currency, j = _prefix_currency(s, j)
    draft = read_quantity(s, j, whole=True)
    if draft is None:
        if masked_end(s, j + (s[j : j + 1] in SIGN_CHARS)) is not None:
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
            draft.unit = unit_table()["元"]
    quantity = _to_quantity(text, s, draft, with_leading=False)
    qualifier = _qualifier_before(s, start, j)
    if qualifier is not None and quantity.qualifier is None:
        approximate = quantity.approximate or qualifier_table()[qualifier].approximate
        quantity = validated_copy(
            quantity,
            {
                "text": text[start : draft.end],
                "start": start,
                "qualifier": qualifier,
                "approximate": approximate,
                "bound": qualifier_bound(qualifier),
            },
        )
    return quantity


def _skip_leading_words(s: str, i: int) -> int:
    """Skip a leading qualifier and 从 (从8500到3万) in a whole-string parse."""
    if s.startswith("从", i):
        i += 1
    for prefix in (*temperature_scales(), "零下"):
        if s.startswith(prefix, i):
            return i + len(prefix)
    for length in (3, 2, 1):
        word = s[i : i + length]
        qualifier = qualifier_table().get(word)
        if qualifier is not None and qualifier.position == "before":
            return i + length
    return i


def _qualifier_before(s: str, start: int, j: int) -> str | None:
    between = s[start:j].lstrip("从")
    for word in currency_words():
        between = between.replace(word, "").strip()
    return between if between in qualifier_table() else None


def _prefix_currency(s: str, i: int) -> tuple[str | None, int]:
    """人民币3.14, 港币两千九百六十元, 新台币 177.1 亿元, ￥300: a currency before the amount."""
    for word, currency in sorted(currency_words().items(), key=lambda item: -len(item[0])):
        if s.startswith(word, i):
            j = i + len(word)
            while j < len(s) and s[j] == " ":
                j += 1
            return currency, j
    for symbol, currency in (("￥", "CNY"), ("¥", "CNY"), ("$", "USD")):
        if s.startswith(symbol, i):
            return currency, i + 1
    return None, i


def _read_trailing_words(s: str, draft: Draft) -> None:
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
    if _written_starts().search(text) is None:
        return []  # most lines: no character that could start a numeral
    return read_simplified(text, _scan_amounts, nests=False)


def extract_numbers(text: str) -> list[Quantity]:
    """Find every numeral in ``text``, also those inside dates, ordinals and names.

    This is the reading of a numeral converter (cn2an's ``transform``): each
    numeral as a :class:`Quantity`, with its unit when one is written. Only
    characters that are not numerals at all (一切, 四川, 陆地) are left out.

    >>> [(q.text, q.value) for q in extract_numbers("二〇〇二年的第一场雪")]
    [('二〇〇二', Decimal('2002')), ('一场', Decimal('1'))]
    """
    require_text(text, "extract_numbers")
    if _written_starts().search(text) is None:
        return []
    return read_simplified(text, _scan_numerals, nests=False)


def _scan_amounts(text: str) -> list[Quantity]:
    """The scan of :func:`extract_quantities` (a function of its own: no closure per call)."""
    return _scan(text, numbers=False)


def _scan_numerals(text: str) -> list[Quantity]:
    """The scan of :func:`extract_numbers`."""
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
    blocked = blocked_spans(s, words_only=numbers)
    digits = chinese_digit_chars()  # only these may be lone (_lone_chinese_digit)
    found: list[Quantity] = []
    position = 0
    urls = _URL.finditer(s) if _may_hold_url(s) else iter(())
    url = next(urls, None)
    for start in starts:
        if start < position:
            continue
        while url is not None and url.end() <= start:
            url = next(urls, None)
        if url is not None and url.start() <= start:
            position = url.end()  # numbers inside a web address are part of it
            continue
        date = None if numbers or s[start] not in _YEAR_FIRST_DIGITS else DATE_LIKE.match(s, start)
        if date is not None:
            position = date.end()
            continue
        draft: Draft | None
        unit = digit_unit(s, start) if not numbers and s[start] in digits else None
        if unit is not None:  # digit_with_unit(s, start) has this unit
            if digit_dropped_as_indefinite(s, start, unit):
                position = start + 1  # its numeral's end, as below
                continue
            draft = digit_draft(s, start, unit)
        elif not numbers and s[start] in digits and _lone_chinese_digit(s, start):
            continue
        else:
            overlong = None if len(s) - start <= MAX_DIGITS else overlong_run(s, start)
            if overlong is not None:
                position = overlong  # beyond the input-size limit of a numeral: no numeral
                continue
            # the common shape at an Arabic digit, where refused_at is None; else the reader
            draft = arabic_draft(s, start) if "0" <= s[start] <= "9" else None
            if draft is None:
                numeral = read_numeral(s, start) if reads_plain_numeral(s, start) else None
                refused = None if numbers else refused_at(s, start, numeral)
                if refused is not None:
                    position = refused  # certainly no amount: its draft is not read
                    continue
                draft = read_quantity(s, start, whole=False, numeral=numeral)
            if draft is None:
                position = masked_end(s, start) or position  # no digit of a mask is read alone
                continue
        if numbers and draft.numeral is not None and is_date_part(s, draft):
            draft.unit, draft.end = None, draft.numeral.end
        keep = is_number(text, s, draft, blocked) if numbers else is_amount(text, s, draft, blocked)
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


_YEAR_FIRST_DIGITS = DATE_FIRST_CHARS  # DATE_LIKE starts with a year of 18xx, 19xx or 20xx

# What may follow a single Chinese digit in an amount: more numerals, 点, qualifiers, 个 …
_AFTER_DIGIT = "万亿兆点多余来个大整分之又半几数%"


def _lone_chinese_digit(s: str, start: int) -> bool:
    """一 in 一些, 三 in 三农: a Chinese digit with nothing after it that could make an amount.

    A fast path: such a numeral has no unit and no magnitude, so it is never reported.
    """
    char = s[start]
    digits, goes_on = _lone_digit_sets()
    if "0" <= char <= "9" or char not in digits:
        return False
    nxt = s[start + 1] if start + 1 < len(s) else ""
    if char == "零" and start > 0 and s[start - 1] in "到至为":
        return False  # 下降到零
    if nxt == "" or nxt in goes_on:
        return False
    return match_unit(s, start + 1, whole=False) is None


@loader
def _lone_digit_sets() -> tuple[frozenset[str], frozenset[str]]:
    """The Chinese digits, and what may go on after one without a unit: numerals,
    :data:`_AFTER_DIGIT`, a space or a line break (one lookup per candidate)."""
    goes_on = numeral_start_chars() | frozenset(_AFTER_DIGIT) | frozenset(" \n")
    return chinese_digit_chars(), goes_on


# Masks that start a candidate of one character, like the numeral characters.
_MASK_STARTS = "*＊×"


@loader
def _candidate_pattern() -> re.Pattern[str]:
    chars = "".join(sorted(numeral_start_chars()))
    return re.compile(
        f"[{re.escape(chars)}{_MASK_STARTS}]|负|-(?=\\d)|[xX]{{2}}|[万亿]{{1,4}}分之|{bare_decimal().pattern}"
        "|半|[数數](?=[十百千万亿])|(?<![A-Za-z])[xX](?![A-Za-z])|[万亿](?![万亿]*分之)"
    )


_URL = re.compile(r"(?:https?://|www\.)[!-~]+")


def _may_hold_url(s: str) -> bool:
    """Whether ``s`` holds ``//`` or ``www.``, one of which every match of ``_URL`` holds
    (most lines hold neither: no regex search is started)."""
    return "//" in s or "www." in s


# The characters that can start a match of _candidate_pattern(), besides the numerals'.
_OTHER_STARTS = "*＊×负-xX万亿点半数數"


@loader
def _candidate_scan(lone_digits: bool) -> re.Pattern[str]:
    """Where a candidate may start: one character class first, so that the regex engine
    skips every other character in C; then, unless ``lone_digits``, a Chinese digit only
    when something that could make an amount may follow it (see :func:`_lone_chinese_digit`).
    """
    chars = "".join(sorted(numeral_start_chars() | frozenset(_OTHER_STARTS)))
    first = f"[{re.escape(chars)}]"
    if lone_digits:
        return re.compile(first)
    digits = re.escape("".join(sorted(chinese_digit_chars())))
    following = "".join(sorted(_may_follow_a_digit()))
    return re.compile(
        f"{first}(?:(?<![{digits}])|(?=[{re.escape(following)}])|\\Z|(?<=[到至为]零))"
    )


@loader
def _may_follow_a_digit() -> frozenset[str]:
    """The characters after which a lone Chinese digit is not skipped by
    :func:`_lone_chinese_digit`: numerals, _AFTER_DIGIT, a space or line break, and the
    first character of every unit that may stand in running text."""
    units = frozenset(surface[0] for surface, unit in unit_table().items() if unit.standalone)
    return numeral_start_chars() | frozenset(_AFTER_DIGIT) | frozenset(" \n") | units


@loader
def _written_starts() -> re.Pattern[str]:
    """The characters of the caller's text that may become the first character of a
    candidate (:func:`_candidate_scan`) once simplified and normalized (萬, 億, 壹, １ …).

    Both maps replace one character by one, so a text holding none of them has no
    candidate: it is answered without copying it.
    """
    firsts = numeral_start_chars() | frozenset(_OTHER_STARTS)
    mapped = sorted(firsts | traditional_chars() | normalized_chars())
    forms = normalize(simplify("".join(mapped)))  # one for one: each character's own form
    chars = [char for char, form in zip(mapped, forms, strict=True) if form in firsts]
    return re.compile(f"[{re.escape(''.join(chars))}]")


def _candidate_starts(s: str, *, lone_digits: bool = True) -> Iterator[int]:
    """The starts of the matches of ``_candidate_pattern().finditer(s)``, computed faster.

    Only where :func:`_candidate_scan` finds a possible first character is the whole
    pattern tried; a match hides the starts inside it, as ``finditer`` does. Without
    ``lone_digits``, the Chinese digits that :func:`_lone_chinese_digit` skips are left
    out: they are one-character matches, so leaving them out hides no other start.
    """
    scan, pattern, single = _candidate_tables(lone_digits)
    end = 0
    run_end = 0  # the end of the run of 万/亿 that the current start lies in
    for hit in scan.finditer(s):
        start = hit.start()
        if start < end:
            continue
        if s[start] in single:
            end = start + 1  # the first branch of the pattern matches this one character
            yield start
            continue
        if s[start] in _MAGNITUDE_RUN:
            if start >= run_end:
                run_end = _run_end(s, start)
            match_end = _magnitude_match_end(s, start, run_end)
        else:
            match = pattern.match(s, start)
            match_end = None if match is None else match.end()
        if match_end is not None:
            end = match_end
            yield start


@loader
def _candidate_tables(
    lone_digits: bool,
) -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
    """:func:`_candidate_scan`, :func:`_candidate_pattern` and
    :func:`_single_char_candidates`: one lookup of the loader per scanned text."""
    return _candidate_scan(lone_digits), _candidate_pattern(), _single_char_candidates()


@loader
def _single_char_candidates() -> frozenset[str]:
    """The characters of the first branch of :func:`_candidate_pattern`: at each of them
    the pattern matches that one character (the first branch that matches wins)."""
    return numeral_start_chars() | frozenset(_MASK_STARTS)


# The characters of _candidate_pattern()'s two magnitude branches, [万亿]{1,4}分之 and
# [万亿](?![万亿]*分之): matched here without the lookahead, which would read the whole
# run again at each of its characters (万 repeated would take quadratic time).
_MAGNITUDE_RUN = "万亿"
_MAGNITUDE_PER_REACH = 4


def _run_end(s: str, start: int) -> int:
    """Where the run of 万/亿 that starts at ``start`` ends."""
    k = start
    while k < len(s) and s[k] in _MAGNITUDE_RUN:
        k += 1
    return k


def _magnitude_match_end(s: str, start: int, run_end: int) -> int | None:
    """The end of the candidate match at a 万/亿 at ``start`` inside a run ending at ``run_end``."""
    if not s.startswith("分之", run_end):
        return start + 1  # [万亿](?![万亿]*分之)
    if run_end - start <= _MAGNITUDE_PER_REACH:
        return run_end + 2  # [万亿]{1,4}分之
    return None
