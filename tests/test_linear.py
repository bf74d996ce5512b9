"""Every stage of parse does work linear in the page (issue 14): counted, never timed.

The work is the number of calls into povertytext's own functions (generators resumed
count too), counted with ``sys.setprofile``; a page four times the size must cost at
most five times the work (a quadratic stage costs sixteen). Each test also has a time
limit, far above what it takes (seconds) but below what a runaway stage takes: a scanner
that backtracks without end never returns a count, and the limit stops it with a failure.
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

import povertytext

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
