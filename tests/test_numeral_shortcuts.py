"""Shortcuts of the numeral reader give exactly what its full grammar reads.

``read_numeral`` answers a lone Chinese digit (一批, 三个) without running the
place-value grammar of ``_read_chinese``; the oracle here is ``read_numeral`` as it was
before that shortcut. Values are compared with their exponents (``Decimal("2")`` and
``Decimal("2.0")`` are equal but not the same result).
"""

from __future__ import annotations

from decimal import Decimal, localcontext

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from povertytext.numerals import (
    EXACT,
    Numeral,
    _read_chinese,
    _read_digit_sequence,
    _roles,
    normalize,
    overlong_run,
    read_numeral,
)

# Every numeral character (numeral_values.csv), points, Arabic digits, and what follows.
_ALPHABET = "零〇一二两三四五六七八九十百千万亿兆廿卅卌点.0123456789个批年元多余 \n、"


def _exactly(numeral: Numeral | None) -> object:
    if numeral is None:
        return None
    return tuple(
        (field.as_tuple(), str(field)) if isinstance(field, Decimal) else field for field in numeral
    )


def _read_in_full(s: str, i: int, *, whole: bool) -> Numeral | None:
    """read_numeral without the shortcut: digit sequences, else the whole grammar."""
    n = len(s)
    if i >= n or overlong_run(s, i) is not None:
        return None
    c = s[i]
    if c == "." or c.isdigit():
        return read_numeral(s, i, whole=whole)  # Arabic: no shortcut there
    digits = _roles()[0]
    if c in digits and c != "两" and i + 1 < n and s[i + 1] in digits and s[i + 1] != "两":
        return _read_digit_sequence(s, i)
    if c in digits and i + 1 < n and s[i + 1] == "两" and c == "一":
        return _read_digit_sequence(s, i)
    return _read_chinese(s, i, whole=whole)


@given(st.text(alphabet=_ALPHABET, min_size=1, max_size=10), st.data(), st.booleans())
@settings(max_examples=2000, deadline=None)
def test_read_numeral_reads_what_the_grammar_reads(
    text: str, data: st.DataObject, whole: bool
) -> None:
    s = normalize(text)
    i = data.draw(st.integers(0, len(s) - 1))
    with localcontext(EXACT):
        assert _exactly(read_numeral(s, i, whole=whole)) == _exactly(
            _read_in_full(s, i, whole=whole)
        )


@pytest.mark.parametrize(
    ("text", "end", "value"),
    [
        ("一批", 1, "1"),
        ("三个", 1, "3"),
        ("两", 1, "2"),
        ("九十", 2, "90"),  # a unit goes on
        ("三万", 2, "30000"),  # a section goes on
        ("五点五", 3, "5.5"),  # a point goes on
        ("七八", 2, "78"),  # a digit sequence
    ],
)
def test_lone_digits_and_what_goes_on(text: str, end: int, value: str) -> None:
    with localcontext(EXACT):
        numeral = read_numeral(normalize(text), 0)
    assert numeral is not None
    assert (numeral.end, str(numeral.value)) == (end, value)
