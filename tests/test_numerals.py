"""parse_number: one row per phenomenon of the numeral grammar."""

from __future__ import annotations

from decimal import Context, Decimal, localcontext

import cn2an
import pytest
from hypothesis import given
from hypothesis import strategies as st

import povertytext as pt

NUMBERS = [
    ("arabic", "5969", "5969"),
    ("thousands separators", "82,225.00", "82225"),
    ("full-width separators", "１２３，４５６．７", "123456.7"),
    ("decimal with 万", "24.76万", "247600"),
    ("decimal with 万亿", "1.2万亿", "1200000000000"),
    ("decimal with 千万", "3.1千万", "31000000"),
    ("many decimals with 万", "12.345678万", "123456.78"),
    ("arabic then chinese", "1万2千", "12000"),
    ("arabic after 零", "200亿零四千230", "20000004230"),
    ("chinese numeral", "二千三百万", "23000000"),
    ("两", "两千五百", "2500"),
    ("〇 and 零", "一千零一", "1001"),
    ("financial", "壹仟玖佰", "1900"),
    ("traditional", "參萬肆仟伍佰陸拾柒", "34567"),
    ("traditional 萬 億 兩", "兩億三千萬", "230000000"),
    ("colloquial 一亿二", "一亿二", "120000000"),
    ("colloquial 三万五", "三万五", "35000"),
    ("colloquial 两千五", "两千五", "2500"),
    ("十 alone", "十五", "15"),
    ("廿", "廿二", "22"),
    ("decimal 点", "一千六点五", "1600.5"),
    ("decimal then magnitude", "十二点五万", "125000"),
    ("digit by digit", "二〇〇二", "2002"),
    ("digit by digit decimal", "一七二零点一", "1720.1"),
    ("negative", "负十一", "-11"),
    ("doubled 万 is 亿", "四万万", "400000000"),
    ("k suffix", "15k", "15000"),
    ("exponent", "2e5", "200000"),
]


@pytest.mark.parametrize(
    ("text", "expected"), [row[1:] for row in NUMBERS], ids=[row[0] for row in NUMBERS]
)
def test_parse_number(text: str, expected: str) -> None:
    assert pt.parse_number(text) == Decimal(expected)


ERRORS = [
    ("empty", ""),
    ("unit alone", "元整"),
    ("two numerals", "十一十二"),
    ("point without digits", "零点"),
    ("point first", "点一"),
    ("unit first", "百十一"),
    ("trailing text", "10.1万零100"),
]


@pytest.mark.parametrize("text", [row[1] for row in ERRORS], ids=[row[0] for row in ERRORS])
def test_parse_number_rejects(text: str) -> None:
    with pytest.raises(pt.NumeralError) as error:
        pt.parse_number(text)
    assert error.value.code in ("numeral", "masked")
    assert error.value.input == text


def test_masked_number_raises_masked_error() -> None:
    with pytest.raises(pt.MaskedNumberError) as error:
        pt.parse_number("*.**亿")
    assert error.value.code == "masked"


def test_errors_share_one_base() -> None:
    assert issubclass(pt.NumeralError, pt.PovertyTextError)
    assert issubclass(pt.QuantityError, pt.PovertyTextError)
    assert issubclass(pt.DateError, pt.PovertyTextError)


# Where cn2an is wrong and we are right (design: "a test says so").
def test_where_cn2an_truncates_we_are_exact() -> None:
    assert pt.parse_number("12.345678万") == Decimal("123456.78")
    assert pt.parse_number("1.1万亿") == Decimal("1100000000000")
    assert pt.parse_number("一亿二") == Decimal("120000000")


integers = st.integers(min_value=0, max_value=10**15)


@given(integers)
def test_cn2an_rendering_parses_back(number: int) -> None:
    assert pt.parse_number(cn2an.an2cn(number, "low")) == number
    assert pt.parse_number(cn2an.an2cn(number, "up")) == number


@given(st.decimals(min_value=0, max_value=10**9, places=4, allow_nan=False, allow_infinity=False))
def test_decimal_rendering_parses_back(number: Decimal) -> None:
    text = format(number, "f")
    assert pt.parse_number(text) == number
    assert pt.parse_number(cn2an.an2cn(text, "low")) == number


@given(st.integers(min_value=1, max_value=10**8))
def test_arabic_forms_parse_back(number: int) -> None:
    assert pt.parse_number(f"{number:,}") == number
    full_width = str(number).translate({ord(d): ord(d) + 0xFEE0 for d in "0123456789"})
    assert pt.parse_number(full_width) == number
    assert pt.parse_number(f"{number}万") == number * 10000
    assert pt.parse_number(f"{number}亿") == number * 10**8


# ---------------------------------------------------------------- exact or an error

EXACT_POWERS = [
    ("power of two", "2^70", "1180591620717411303424"),
    ("negative power that terminates", "2.5^-1", "0.4"),
    ("scientific notation", "12.32e+14", "1232000000000000"),
    ("small scientific notation", "1e-30", "1E-30"),
]


@pytest.mark.parametrize(
    ("text", "expected"), [row[1:] for row in EXACT_POWERS], ids=[row[0] for row in EXACT_POWERS]
)
def test_powers_and_exponents_are_exact(text: str, expected: str) -> None:
    assert pt.parse_number(text) == Decimal(expected)


REFUSED = [
    ("exponent beyond the limit", "1e9999999", "exponent beyond the limit of 10000"),
    ("negative exponent beyond the limit", "10^-999999999", "exponent beyond the limit"),
    ("power of too many digits", "9^9999", "a power of more than 10000 digits"),
    ("power with no exact decimal", "3^-1", "no exact decimal value"),
    ("zero to a negative power", "0^-2", "zero to a negative power"),
    ("too many digits in a row", "1" * 10_001, "more than 10000 digits in a row"),
    ("too many grouped digits", "1" + ",111" * 3_400, "more than 10000 digits in a row"),
]


@pytest.mark.parametrize(
    ("text", "message"), [row[1:] for row in REFUSED], ids=[row[0] for row in REFUSED]
)
def test_beyond_the_limits_is_a_numeral_error(text: str, message: str) -> None:
    with pytest.raises(pt.NumeralError, match=message):
        pt.parse_number(text)


def test_the_digit_limit_itself_is_read() -> None:
    assert pt.parse_number("9" * 10_000) == Decimal("9" * 10_000)


def test_extractors_skip_a_run_beyond_the_limit() -> None:
    text = "投入" + "1" * 1_000_001 + "元，另有3000万元"
    assert [q.text for q in pt.extract_quantities(text)] == ["3000万元"]
    assert [q.text for q in pt.extract_numbers(text)] == ["3000万元"]
    assert pt.extract_dates("1" * 1_000_001) == []
    assert [q.text for q in pt.parse(text).quantities] == ["3000万元"]


def test_reading_ignores_the_callers_context() -> None:
    with localcontext(Context(prec=3)):
        assert pt.parse_number("2^70") == 1180591620717411303424
        assert pt.parse_number("123456789.123") == Decimal("123456789.123")


# ---------------------------------------------------------------- masks: one rule

MASK_CHARS = "*＊×xX"


@st.composite
def masked_renderings(draw: st.DrawFn) -> tuple[str, int, int]:
    """A rendered number in a phrase, one or more of its digits masked: (text, start, end)."""
    number = draw(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False))
    form = draw(st.sampled_from(["plain", "grouped", "integer"]))
    rendered = {
        "plain": format(number, "f"),
        "grouped": f"{number:,f}",
        "integer": str(int(number)),
    }[form]
    positions = [k for k, char in enumerate(rendered) if char.isdigit()]
    chosen = draw(st.sets(st.sampled_from(positions), min_size=1))
    chars = list(rendered)
    for k in chosen:
        chars[k] = draw(st.sampled_from(MASK_CHARS))
    numeral = "".join(chars) + draw(st.sampled_from(["", "万", "亿", "万亿", "多万"]))
    prefix = draw(st.sampled_from(["", "共", "投入", "约", "累计", "，"]))
    unit = draw(st.sampled_from(["", "元", "人", "户", "亩", "%", "个", "。"]))
    return prefix + numeral + unit, len(prefix), len(prefix) + len(numeral)


@given(masked_renderings())
def test_a_masked_digit_anywhere_masks_the_number(case: tuple[str, int, int]) -> None:
    text, start, end = case
    with pytest.raises(pt.MaskedNumberError):
        pt.parse_number(text[start:end])
    for found in (pt.extract_quantities(text), pt.extract_numbers(text)):
        for q in found:
            if q.end >= start and q.start <= end:  # holds or touches the masked number
                assert (q.value, q.low, q.high) == (None, None, None), (text, q)


MASKED = [
    ("leading masks", "**3亿元", "**3亿元"),
    ("masked integer part", "*.*3亿元", "*.*3亿元"),
    ("masked decimals", "3.**亿元", "3.**亿元"),
    ("mask then digit", "共*1万元", "*1万元"),
    ("masked thousands group", "投入1,2**,000元", "1,2**,000元"),
    ("x in a digit position", "增加3x万人", "3x万人"),
    ("masked digits after a Chinese numeral", "十1*个", "十1*个"),
]


@pytest.mark.parametrize(
    ("text", "span"), [row[1:] for row in MASKED], ids=[row[0] for row in MASKED]
)
def test_partly_masked_numbers_are_masked(text: str, span: str) -> None:
    found = pt.extract_quantities(text)
    assert [(q.text, q.masked, q.value) for q in found] == [(span, True, None)]


@pytest.mark.parametrize("text", ["1元1*", "1/1*", "电话1234****5678"])
def test_digits_that_go_on_with_masks_have_no_value(text: str) -> None:
    assert pt.extract_quantities(text) == []
    masked = [q for q in pt.extract_quantities(text + "人") if "*" in q.text]
    assert masked
    assert all(q.value is None and q.masked for q in masked)


def test_letters_around_x_are_no_mask() -> None:
    assert [q.text for q in pt.extract_numbers("FX361")] == ["361"]
    with pytest.raises(pt.MaskedNumberError):
        pt.parse_quantity("*1")
