"""Oracles shared by the tests of the quantity readers' shortcuts: the plain paths the
shortcuts are compared with, and an exact form of what they return."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from unittest import mock

from povertytext import amounts
from povertytext.amounts import Draft


def exact_fields(value: object) -> object:
    """``value`` (a draft, a numeral and what they hold) with every Decimal written out
    (digits and exponent), recursively, so that 1 and 1.0 compare unequal."""
    if isinstance(value, Decimal):
        return ("Decimal", value.as_tuple())
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return tuple(exact_fields(getattr(value, f.name)) for f in dataclasses.fields(value))
    if isinstance(value, (tuple, list)):
        return tuple(exact_fields(item) for item in value)
    return value


def _no_plain_unit(*args: object) -> None:
    return None


@contextmanager
def without_plain_units() -> Iterator[None]:
    """The amount reader with ``amounts._with_plain_unit`` taking no draft: every step
    between the numeral and the unit runs."""
    with mock.patch.object(amounts, "_with_plain_unit", _no_plain_unit):
        yield


def read_in_full(s: str, i: int, *, whole: bool = False) -> Draft | None:
    """``read_quantity`` without any shortcut: every branch of the amount reader, no
    unit taken before the steps that may come first, then each step after the unit."""
    with without_plain_units():
        draft = amounts._read_amount_by_branches(s, i, whole=whole)
        if draft is None:
            return None
        amounts._read_unit_and_tail(s, draft, whole=whole)
        tail_end = None if draft.value is None else amounts._masked_tail(s, draft.start, draft.end)
        if tail_end is not None:
            return amounts._read_masked(s, i, tail_end)
        amounts._read_range(s, draft, whole=whole)
        amounts._read_trailing_qualifier(s, draft)
        return draft
