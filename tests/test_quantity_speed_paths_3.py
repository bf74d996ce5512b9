"""The fifth round's shortcuts of :func:`~povertytext.extract_quantities` give exactly
what the paths they replace give: the model built without its validator, the candidate
search that goes on from where the scan goes on, and the unit table of running text.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from povertytext import extract_numbers, extract_quantities, quantities
from povertytext.models import Quantity
from povertytext.numerals import normalize
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


# ---------------------------------------------------------------- the candidate search


def _consumed(starts: list[int], jumps: list[int]) -> list[tuple[int, int]]:
    """What a scan does with the candidate ``starts``: each start before where it goes
    on is skipped; each other one sets where it goes on (from ``jumps``, by its place)."""
    done = []
    floor = 0
    for start in starts:
        if start < floor:
            continue
        floor = start + jumps[start % len(jumps)]
        done.append((start, floor))
    return done


def _consumed_with_floor(s: str, jumps: list[int], *, lone_digits: bool) -> list[tuple[int, int]]:
    """:func:`_consumed` on the starts of :func:`quantities._candidate_starts` told where
    the scan goes on, as the scan tells it."""
    floor = [0]
    done = []
    for start in quantities._candidate_starts(s, lone_digits=lone_digits, floor=floor):
        if start < floor[0]:
            continue
        floor[0] = start + jumps[start % len(jumps)]
        done.append((start, floor[0]))
    return done


_CANDIDATE_CHARS = "一二两三十百千万亿点负-xX*＊×半数數个分之元年到至为 \n，,.0123456789abc公里亩户"


@given(
    st.text(alphabet=_CANDIDATE_CHARS, max_size=40),
    st.lists(st.integers(min_value=0, max_value=9), min_size=1, max_size=7),
    st.booleans(),
)
@settings(max_examples=3000, deadline=None)
def test_the_search_from_the_floor_gives_the_starts_the_scan_keeps(
    text: str, jumps: list[int], lone_digits: bool
) -> None:
    """Wherever the scan goes on, the starts it goes on with are those of the search
    that is not told (the candidate pattern's finditer, test_scanning): the starts that
    a search from there skips, the scan skips too."""
    s = normalize(text)
    every = list(quantities._candidate_starts(s, lone_digits=lone_digits))
    expected = _consumed(every, jumps)
    assert _consumed_with_floor(s, jumps, lone_digits=lone_digits) == expected


@pytest.mark.parametrize(
    "text",
    ["xx3万分之一", "万万万万分之三", "12xx5", "亿亿分之2", "3万亿亿亿分之4点五", "x2X万分之"],
)
def test_a_long_match_before_the_floor_still_hides_the_starts_in_it(text: str) -> None:
    s = normalize(text)
    every = [match.start() for match in quantities._candidate_pattern().finditer(s)]
    rng = random.Random(text)
    for _ in range(200):
        jumps = [rng.randrange(0, 8) for _ in range(5)]
        expected = _consumed(every, jumps)
        assert _consumed_with_floor(s, jumps, lone_digits=True) == expected


def test_the_scan_searches_from_where_it_goes_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """The digits of a long number are no candidates the scan is handed one by one."""
    handed: list[int] = []
    plain = quantities._scan_exactly

    def each(starts: Iterator[int]) -> Iterator[int]:
        for start in starts:
            handed.append(start)
            yield start

    def counting(
        text: str, s: str, starts: Iterator[int], floor: list[int], *, numbers: bool
    ) -> list[Quantity]:
        return plain(text, s, each(starts), floor, numbers=numbers)

    monkeypatch.setattr(quantities, "_scan_exactly", counting)
    found = extract_quantities("共投入123456789元，帮助98765432人")
    assert [q.text for q in found] == ["123456789元", "98765432人"]
    assert handed == [3, 16]


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
