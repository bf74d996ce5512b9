"""Shortcuts of the amount reader give exactly the draft its full reading gives.

``read_quantity`` stops after the unit when no masked tail, range or trailing
qualifier can start at the draft's end (amounts._tail_may_start); the oracle here
runs those three steps always, as the reader did before the shortcut. A plain Chinese
digit goes straight to the numeral reader (amounts.reads_plain_numeral); the oracle
tries every branch. Drafts are compared field by field, values with their exponents.
"""

from __future__ import annotations

from decimal import localcontext

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from povertytext import amounts, quantities
from povertytext.amounts import read_quantity
from povertytext.numerals import EXACT, normalize

from ._oracles import exact_fields, read_in_full

# Numerals, units, masks, the inclusive mark, range separators, trailing qualifiers,
# spaces of several kinds, and plain words.
_ALPHABET = (
    "一二两三四五六七八九十零百千万亿点负-xX*＊×半数个项批大整年月日元角分人户米%"
    "之又/多余来以上下左右出头至到—~〜～－（(含)） \n\t\u3000\u00a0,.0123456789kw的村"
)


# An amount built of pieces, so that a unit is often followed by what goes on after it.
_NUMERALS = (
    "1", "3", "12", "2.5", "三", "十五", "两", "五十", "十", "零", "**", "一两", "两三",
    "百", "千", "万", "数十", "半", "点五零", "百分之五", "负三", "-3",
)  # fmt: skip
_UNITS = ("", "万", "个", "年", "天", "元", "块", "米", "%", "人", "万元")
_TAILS = (
    " (含)", "(含)", "（含）", "以上", "左右", "多", "余", "出头", "-", "—", "至", "到", "~",
    " ", "\n", "\u3000", "\u00a0", "*", "1*", "1", "3", "万", "元", "的", "村", "半", "整",
)  # fmt: skip


@st.composite
def _amounts(draw: st.DrawFn) -> tuple[str, int]:
    """A text and the index to read at: mostly where the built amount starts."""
    before = draw(st.text(alphabet=_ALPHABET, max_size=2))
    numeral = draw(st.sampled_from(_NUMERALS))
    unit = draw(st.sampled_from(_UNITS))
    tails = draw(st.lists(st.sampled_from(_TAILS), max_size=4))
    after = draw(st.text(alphabet=_ALPHABET, max_size=2))
    s = normalize(before + numeral + unit + "".join(tails) + after)
    at_the_amount = draw(st.booleans())
    return s, len(before) if at_the_amount else draw(st.integers(0, len(s) - 1))


@given(_amounts(), st.booleans())
@settings(max_examples=3000, deadline=None)
def test_read_quantity_reads_what_the_full_reading_reads(
    text_and_index: tuple[str, int], whole: bool
) -> None:
    s, i = text_and_index
    with localcontext(EXACT):
        assert exact_fields(read_quantity(s, i, whole=whole)) == exact_fields(
            read_in_full(s, i, whole=whole)
        )


@given(st.text(alphabet=_ALPHABET, min_size=1, max_size=14), st.data(), st.booleans())
@settings(max_examples=1000, deadline=None)
def test_read_quantity_reads_what_the_full_reading_reads_on_any_text(
    text: str, data: st.DataObject, whole: bool
) -> None:
    s = normalize(text)
    i = data.draw(st.integers(0, len(s) - 1))
    with localcontext(EXACT):
        assert exact_fields(read_quantity(s, i, whole=whole)) == exact_fields(
            read_in_full(s, i, whole=whole)
        )


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("3个村", 2),  # nothing can go on after 个: the shortcut
        ("3个以上", 4),  # a trailing qualifier
        ("8-12个", 5),  # a range
        ("1万(含)-5万元", 9),  # the inclusive mark, then a range
        ("1万 (含)-5万元", 10),  # the mark after a space
        ("5年左右", 4),
    ],
)
def test_what_goes_on_after_the_unit(text: str, end: int) -> None:
    with localcontext(EXACT):
        draft = read_quantity(normalize(text), 0, whole=False)
    assert draft is not None
    assert draft.end == end


def test_a_masked_tail_after_the_unit() -> None:
    """1元1*: the money tail 1 (角) goes on with a mask, so the whole amount is masked
    and, with nothing after the mask, no amount (read as 1.1元 without the tail step)."""
    with localcontext(EXACT):
        assert read_quantity("1元1*", 0, whole=False) is None


_DATE_PIECES = ("2020", "1999", "1850", "2019-08", "2021/3/5", "2021.3.5", "-", "/", ".", "年")


@given(
    st.lists(st.sampled_from(_DATE_PIECES) | st.text(alphabet="0123456789", max_size=3), min_size=1)
    .map("".join)
    .filter(bool),
    st.data(),
)
@settings(max_examples=1000, deadline=None)
def test_a_date_starts_with_a_year_digit(text: str, data: st.DataObject) -> None:
    """The scan tries DATE_LIKE only at 1 and 2 (quantities._YEAR_FIRST_DIGITS)."""
    i = data.draw(st.integers(0, len(text) - 1))
    if text[i] not in quantities._YEAR_FIRST_DIGITS:
        assert amounts.DATE_LIKE.match(text, i) is None
