"""The seventh round's shortcuts of the lone Chinese digit with a measure word give
exactly what the computations they replace give: :func:`~povertytext.amounts.digit_unit`
and :func:`~povertytext.amounts.digit_draft` what ``digit_with_unit`` built from
lone_digit and _with_plain_unit, and
:func:`~povertytext.nonamounts.digit_dropped_as_indefinite` what ``dropped_as_indefinite``
says of that draft. Each former computation is kept here as it was.
"""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from povertytext import amounts, nonamounts
from povertytext.amounts import Draft, digit_draft, digit_unit, digit_with_unit
from povertytext.nonamounts import digit_dropped_as_indefinite, dropped_as_indefinite
from povertytext.numerals import lone_digit, normalize
from povertytext.units import unit_table

from ._shared import sample_lines
from .test_quantity_speed_paths import _ALPHABET, _texts

_SURFACES = sorted(unit_table())
_DIGITS = "一二两三四五六七八九十零〇壹1"


def _digit_with_unit_as_it_was(s: str, i: int) -> Draft | None:
    """amounts.digit_with_unit before digit_unit: lone_digit, then _with_plain_unit."""
    if s[i] not in amounts.PLAIN_CHINESE_STARTS:
        return None
    numeral = lone_digit(s, i)
    if numeral is None:
        return None
    draft = amounts._with_plain_unit(s, i, numeral, amounts._ONE)
    if draft is None or amounts._tail_may_start(s, draft.end):
        return None
    return draft


@st.composite
def _digit_texts(draw: st.DrawFn) -> str:
    """Texts with digits before unit surfaces (and pieces of them), among other text."""
    parts = draw(
        st.lists(
            st.tuples(
                st.text(alphabet=_ALPHABET, max_size=3),
                st.sampled_from(_DIGITS),
                st.sampled_from(_SURFACES).flatmap(
                    lambda u: st.sampled_from([u, u[:1], u + u[:1]])
                ),
            ).map("".join)
            | _texts(),
            max_size=6,
        )
    )
    return normalize("".join(parts))


def _sample_lines() -> list[str]:
    return [normalize(line) for line in sample_lines()]


def _check_every_start(s: str) -> None:
    for i in range(len(s)):
        former = _digit_with_unit_as_it_was(s, i)
        unit = digit_unit(s, i)
        assert (unit is None) == (former is None), (s, i)
        if former is None or unit is None:
            assert digit_with_unit(s, i) is None
            continue
        assert unit is former.unit
        for draft in (digit_draft(s, i, unit), digit_with_unit(s, i)):
            assert draft is not None
            assert dataclasses.astuple(draft) == dataclasses.astuple(former)
            assert [type(v) for v in dataclasses.astuple(draft)] == [
                type(v) for v in dataclasses.astuple(former)
            ]
        assert digit_dropped_as_indefinite(s, i, unit) == dropped_as_indefinite(s, former)


@settings(max_examples=200, deadline=None)
@given(_digit_texts())
def test_a_digit_with_its_unit_is_the_former_draft(s: str) -> None:
    _check_every_start(s)


def test_a_digit_with_its_unit_on_sample_texts() -> None:
    for s in _sample_lines():
        _check_every_start(s)


def test_every_digit_before_every_unit() -> None:
    """Each digit before each unit surface, then what may go on after it."""
    for digit in _DIGITS:
        for surface in _SURFACES:
            for before in ("", "的", "翻"):
                for after in ("", "半", "个", "多", "以上", "、两", "年", " "):
                    _check_every_start(normalize(before + digit + surface + after))


def _is_indefinite_as_it_was(s: str, draft: Draft) -> bool:
    """nonamounts._is_indefinite before _indefinite_one."""
    if not draft.bare_chinese or draft.value != 1 or draft.unit is None:
        return False
    numeral = draft.numeral
    if numeral is None or numeral.end - numeral.start != 1:
        return False
    if draft.end - numeral.end == len(draft.unit.surface) + 1:
        return False
    if draft.unit.kind == "duration":
        return draft.start > 0 and s[draft.start - 1] in nonamounts._REFERENCE_WORDS
    if draft.unit.kind == "multiple":
        return not nonamounts._after_fan(s, draft.start)
    return (
        draft.unit.kind == "count" and not draft.qualifiers and not nonamounts._counts_one(s, draft)
    )


@settings(max_examples=150, deadline=None)
@given(_digit_texts())
def test_the_indefinite_test_is_the_former_one(s: str) -> None:
    for i in range(len(s)):
        draft = amounts.read_quantity(s, i, whole=False)
        if draft is not None:
            assert nonamounts._is_indefinite(s, draft) == _is_indefinite_as_it_was(s, draft)
