"""The fifth round's shortcuts of :func:`~povertytext.extract_quantities` give exactly
what the paths they replace give: the model built without its validator, and the unit
table of running text.
"""

from __future__ import annotations

import re
from decimal import Decimal, localcontext

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from povertytext import extract_numbers, extract_quantities, nonamounts, quantities
from povertytext.amounts import (
    DATE_FIRST_CHARS,
    DATE_LIKE,
    Draft,
    chinese_digit_chars,
    digit_with_unit,
    looks_like_date,
)
from povertytext.models import Quantity
from povertytext.numerals import EXACT, normalize, read_numeral
from povertytext.units import Unit, match_unit, unit_table

from .test_quantity_speed_paths import _ALPHABET, _exactly, _texts

# ---------------------------------------------------------------- building the model


@given(_texts())
@settings(max_examples=1000, deadline=None)
def test_a_built_quantity_is_the_validated_model(text: str) -> None:
    """quantities._built_quantity is Quantity(**fields): the same fields in the same
    order, types, Decimal exponents and fields given; it keeps its span; it is frozen."""
    for found in [*extract_quantities(text), *extract_numbers(text)]:
        assert text[found.start : found.end] == found.text
        fields = dict(found)
        built = quantities._built_quantity(dict(fields))
        validated = Quantity(**fields)
        assert _exactly([built]) == _exactly([validated])
        assert list(built.__dict__) == list(validated.__dict__)
        assert built == validated
        assert hash(built) == hash(validated)
        assert built.model_dump_json() == validated.model_dump_json()
        assert Quantity.model_validate_json(built.model_dump_json()) == built
        with pytest.raises(ValidationError):
            built.start = 0  # type: ignore[misc]


_FIELDS = {
    "text": "3.5亿元",
    "start": 2,
    "end": 7,
    "value": Decimal("350000000"),
    "low": None,
    "high": None,
    "unit": "元",
    "kind": "money",
    "currency": "CNY",
    "qualifier": None,
    "approximate": False,
    "masked": False,
    "bound": "exact",
}


@pytest.mark.parametrize(
    "changes",
    [
        {"end": 8},  # a span that does not fit its text
        {"start": 8, "end": 3},
        {"start": -1, "end": 4},
        {"kind": "weight"},  # no kind of the model
        {"bound": "roughly"},
        {"value": Decimal("NaN")},
        {"low": Decimal("Infinity")},
        {"high": Decimal("-Infinity")},
    ],
)
def test_fields_the_model_refuses_still_raise(changes: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        Quantity(**{**_FIELDS, **changes})
    with pytest.raises(ValidationError):
        quantities._built_quantity({**_FIELDS, **changes})


def test_fields_the_model_takes_are_built_without_it() -> None:
    built = quantities._built_quantity(dict(_FIELDS))
    assert _exactly([built]) == _exactly([Quantity(**_FIELDS)])


# ---------------------------------------------------------------- the unit table


def _match_unit_plainly(s: str, i: int, *, whole: bool) -> Unit | None:
    """The longest unit of the whole table written at ``i``; in running text a unit
    that may not stand alone is passed over (then a shorter one may match)."""
    table = unit_table()
    for length in sorted({len(surface) for surface in table}, reverse=True):
        surface = s[i : i + length]
        unit = table.get(surface)
        if len(surface) != length or unit is None or (not unit.standalone and not whole):
            continue
        after = s[i + length : i + length + 1]
        if re.fullmatch("[A-Za-z]", surface[-1]) and re.fullmatch("[A-Za-z]", after):
            continue
        return unit
    return None


def _unit_texts() -> st.SearchStrategy[str]:
    surfaces = sorted(unit_table())
    pieces = st.sampled_from(surfaces) | st.text(alphabet=_ALPHABET + "abmkgKM", max_size=2)
    return st.lists(pieces, max_size=5).map("".join)


@given(_unit_texts(), st.booleans())
@settings(max_examples=3000, deadline=None)
def test_the_unit_tables_match_what_the_whole_table_matches(text: str, whole: bool) -> None:
    s = normalize(text)
    for i in range(len(s) + 1):
        assert match_unit(s, i, whole=whole) == _match_unit_plainly(s, i, whole=whole)


def test_units_that_may_not_stand_alone_are_matched_in_whole_strings_only() -> None:
    alone = [surface for surface, unit in unit_table().items() if not unit.standalone]
    assert alone
    for surface in alone:
        assert match_unit(surface, 0, whole=True) == unit_table()[surface]
        assert match_unit(surface, 0, whole=False) == _match_unit_plainly(surface, 0, whole=False)


# ---------------------------------------------------------------- dates


_DATE_PIECES = ("18", "19", "20", "2020", "1999", "-", "/", ".", "0", "1", "3", "12", "08", "31")


@given(st.lists(st.sampled_from(_DATE_PIECES) | st.text("0123456789-/.年 x", max_size=2)))
@settings(max_examples=3000, deadline=None)
def test_a_date_is_looked_for_where_the_pattern_matches(pieces: list[str]) -> None:
    """amounts.looks_like_date tries DATE_LIKE only at the characters it may start with:
    it is True exactly where the pattern matches."""
    text = "".join(pieces)
    for i in range(len(text) + 1):
        assert looks_like_date(text, i) == (DATE_LIKE.match(text, i) is not None)


def test_every_date_starts_with_a_first_character() -> None:
    for year in ("1800", "1899", "1900", "2000", "2099"):
        assert DATE_LIKE.match(f"{year}-1-2") is not None
        assert year[0] in DATE_FIRST_CHARS
        assert looks_like_date(f"年{year}.1.2", 1)
    for first in "0345678 9":
        assert DATE_LIKE.match(f"{first}999-1-2") is None


# ---------------------------------------------------------------- counts of one


def _counts_one_as_it_was(s: str, draft: Draft) -> bool:
    """nonamounts._counts_one before its searches were made without slices (and the
    digit before a count tested before its unit): each test on a slice of the text."""
    assert draft.unit is not None
    reach, ends = nonamounts._ONE_REACH, nonamounts._CLAUSE_END_OR_LINE
    scopes = nonamounts._ONE_COUNT_SCOPES
    start = draft.start
    if start > 0 and s[start - 1] == "每":
        return False
    if s.endswith(nonamounts._ONE_COUNT_WORDS, 0, start):
        return True
    window = s[max(0, start - reach) : start]
    if any(word in window for word in scopes):
        clause = window[max(window.rfind(char) for char in ends) + 1 :]
        if any(word in clause for word in scopes):
            return True
    previous = match_unit(s, start - 1, whole=False) if start >= 2 else None
    if (
        previous is not None
        and len(previous.surface) == 1
        and s[start - 2] in chinese_digit_chars()
    ):
        return True
    after = s[draft.end : draft.end + reach]
    if "、" not in after:
        return False
    stop = min((k for char in ends if (k := after.find(char)) >= 0), default=None)
    k = after.find("、", 0, stop)
    while k >= 0:
        numeral = read_numeral(s, draft.end + k + 1)
        if numeral is not None and s.startswith(draft.unit.surface, numeral.end):
            return True
        k = after.find("、", k + 1, stop)
    return False


_ONE_PIECES = (
    "一个", "一户", "一位", "一县", "一次", "两位", "三个", "四区", "每", "分别", "分別",
    "仅", "只", "僅", "唯一", "就有", "、", "，", "。", "；", "\n", "书记", "的", "和",
)  # fmt: skip


@given(st.lists(st.sampled_from(_ONE_PIECES) | st.text(alphabet=_ALPHABET, max_size=3)))
@settings(max_examples=3000, deadline=None)
def test_a_count_of_one_is_found_as_it_was(pieces: list[str]) -> None:
    s = normalize("".join(pieces))
    with localcontext(EXACT):
        for i in range(len(s)):
            draft = digit_with_unit(s, i)
            if draft is not None:
                assert nonamounts._counts_one(s, draft) == _counts_one_as_it_was(s, draft)
