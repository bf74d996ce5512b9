"""The shortcuts parse takes for speed find exactly what the full path finds.

Each shortcut (a bisect instead of a scan, a sentence skipped, a test not repeated) is
checked against the plain computation it replaces, on generated inputs: a shortcut that
skipped or added anything would fail here.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from povertytext.layout import Spans, starting_in, within
from povertytext.models import DateMention
from povertytext.page import _outside_bodies

_OFFSET = st.integers(min_value=0, max_value=60)


def _mention(start: int, length: int) -> DateMention:
    return DateMention(text="年" * length, start=start, end=start + length)


_MENTIONS = st.lists(st.tuples(_OFFSET, st.integers(0, 8)), max_size=30).map(
    lambda pairs: [_mention(start, length) for start, length in sorted(pairs)]
)
_BODIES = st.lists(st.tuples(_OFFSET, st.integers(0, 30)), max_size=8).map(
    lambda pairs: [(start, start + length) for start, length in pairs]
)


@given(_MENTIONS, _BODIES)
def test_dates_outside_the_bodies_are_those_no_body_holds(
    mentions: list[DateMention], bodies: list[tuple[int, int]]
) -> None:
    """Bodies in any order, overlapping or nested, empty ones, mentions at their edges."""
    expected = [m for m in mentions if not any(lo <= m.start and m.end <= hi for lo, hi in bodies)]
    assert _outside_bodies(mentions, bodies) == expected


@given(_MENTIONS, _OFFSET, _OFFSET)
def test_range_queries_on_ordered_spans_are_those_of_a_scan(
    mentions: list[DateMention], lo: int, hi: int
) -> None:
    """The bisect of :class:`Spans` (page dates are ordered spans) gives what the scan does."""
    indexed = Spans(mentions)
    assert indexed.starts is not None
    assert within(indexed, lo, hi) == within(list(mentions), lo, hi)
    assert list(starting_in(indexed, lo, hi)) == starting_in(list(mentions), lo, hi)
