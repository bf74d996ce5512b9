"""Every stage of parse does work linear in the page (issue 14): counted, never timed.

The work is the number of calls into povertytext's own functions (generators resumed
count too), counted with ``sys.setprofile``; a page four times the size must cost at
most five times the work (a quadratic stage costs sixteen). Each test also has a time
limit, far above what it takes (seconds) but below what a runaway stage takes: a scanner
that backtracks without end never returns a count, and the limit stops it with a failure.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

import povertytext
from povertytext.indicators import find_indicators

from .hostile import KINDS, page, unit

_PACKAGE = str(Path(povertytext.__file__).resolve().parent)
_SMALL = 2_000
_GROWTH = 5.0  # allowed work for four times the characters
_LIMIT = 120  # seconds per test (pytest-timeout): a hang fails instead of stalling CI


def _work(text: str) -> int:
    """Calls into povertytext's functions while parsing ``text``."""
    calls = 0

    def count(frame: FrameType, event: str, arg: Any) -> None:
        nonlocal calls
        if event == "call" and frame.f_code.co_filename.startswith(_PACKAGE):
            calls += 1

    sys.setprofile(count)
    try:
        povertytext.parse(text)
    finally:
        sys.setprofile(None)
    return calls


@pytest.fixture(scope="module", autouse=True)
def _warm() -> None:
    povertytext.parse("肇庆市长说：投入1.2亿元，增长12.5%。")


@pytest.mark.timeout(_LIMIT)
@pytest.mark.parametrize("kind", KINDS)
def test_work_grows_linearly(kind: str) -> None:
    size = max(_SMALL, len(unit(kind)))  # whole units: a page of pages holds whole pages
    small, large = _work(page(kind, size)), _work(page(kind, 4 * size))
    assert large <= _GROWTH * max(small, 1), (kind, small, large)


@pytest.mark.timeout(_LIMIT)
def test_pages_are_what_they_say() -> None:
    for kind in KINDS:
        assert len(page(kind, 1234)) == 1234


def _stated_then_places(size: int) -> str:
    """A stated pair, then in one sentence places outside the helped region before amounts."""
    return ("广东省帮扶广西壮族自治区，" + "乳源县投入1万元，" * (size // 9 + 1))[:size]


@pytest.mark.timeout(_LIMIT)
def test_a_statement_before_many_places_and_amounts_is_linear() -> None:
    small, large = _work(_stated_then_places(_SMALL)), _work(_stated_then_places(4 * _SMALL))
    assert large <= _GROWTH * small, (small, large)


# ---------------------------------------------------------------- the indicator stage

_PER_QUANTITY = 1.25  # allowed work per quantity at four times the size, to the small size


def _places_then_amounts(size: int) -> str:
    """A list of places joined by 、, then amounts in the same sentence: each amount's
    region is the list's common unit, read once, not once per amount."""
    half = size // 2
    places = ("乳源县、" * (half // 4 + 1))[:half].rstrip("、")
    return (places + "，" + "投入1万元，" * (size // 12 + 1))[:size]


def _repeated(unit_text: str) -> Callable[[int], str]:
    return lambda size: (unit_text * (size // len(unit_text) + 1))[:size]


def _hostile(kind: str) -> Callable[[int], str]:
    return lambda size: page(kind, size)


_INDICATOR_PAGES: dict[str, Callable[[int], str]] = {
    **{kind: _hostile(kind) for kind in KINDS},
    "places_then_amounts": _places_then_amounts,
    "dated_amounts": _repeated("2020年投入1万元，"),  # a date before each, one sentence
    "amounts_dated_after": _repeated("投入1万元，2020年，"),  # the nearest date is after
    "subjects_before": _repeated("累计统筹落实帮扶资金40.48亿元，"),
}


def _indicator_work(text: str) -> tuple[int, int]:
    """Calls into povertytext's functions while the indicators of ``text`` are read from
    its quantities, dates and places (read first, not counted), and what the work is
    measured by: the quantities, or the characters of a page without any."""
    quantities = povertytext.extract_quantities(text)
    dates = povertytext.extract_dates(text)
    regions = povertytext.extract_regions(text)
    calls = 0

    def count(frame: FrameType, event: str, arg: Any) -> None:
        nonlocal calls
        if event == "call" and frame.f_code.co_filename.startswith(_PACKAGE):
            calls += 1

    sys.setprofile(count)
    try:
        find_indicators(text, 0, len(text), quantities=quantities, dates=dates, regions=regions)
    finally:
        sys.setprofile(None)
    return calls, len(quantities) or len(text)


@pytest.mark.timeout(_LIMIT)
@pytest.mark.parametrize("kind", list(_INDICATOR_PAGES))
def test_indicator_work_per_quantity_is_constant(kind: str) -> None:
    make = _INDICATOR_PAGES[kind]
    size = max(_SMALL, len(unit(kind))) if kind in KINDS else _SMALL
    small, small_measure = _indicator_work(make(size))
    large, large_measure = _indicator_work(make(4 * size))
    per_small, per_large = small / small_measure, large / large_measure
    assert per_large <= _PER_QUANTITY * per_small, (
        kind,
        small,
        large,
        small_measure,
        large_measure,
    )
