"""The shortcuts the indicator stage takes for speed find exactly what the plain reading finds.

Each one is checked against the computation it replaces, on generated texts and on every
offset of the shared corpus: a shortcut that dropped or added anything would fail here.
"""

from __future__ import annotations

import bisect
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from povertytext import indicator_subjects, indicators
from povertytext._text import CLAUSE_BREAKS, LINE_OR_SENTENCE_ENDS
from povertytext.indicator_window import build_window

from ._shared import shared_path

_CLAUSE_BREAK = re.compile("[" + re.escape(CLAUSE_BREAKS) + "]")


def _plain_clause(text: str, start: int, end: int, i: int) -> tuple[int, int]:
    """The clause around ``i`` from every clause break of ``text[start:end]``, as before."""
    breaks = [m.start() for m in _CLAUSE_BREAK.finditer(text, start, end)]
    k = bisect.bisect_left(breaks, i)
    lo = breaks[k - 1] + 1 if k > 0 else start
    hi = breaks[k] + 1 if k < len(breaks) else end
    return max(lo, start), min(hi, end)


def _check_every_offset(text: str, start: int, end: int) -> None:
    w = build_window(text, start, end, [], [], [], [])
    for i in range(start, end + 1):
        assert w.clause(i) == _plain_clause(text, start, end, i), (start, end, i)


def test_every_sentence_break_breaks_a_clause() -> None:
    assert set(LINE_OR_SENTENCE_ENDS) <= set(CLAUSE_BREAKS)


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=CLAUSE_BREAKS + LINE_OR_SENTENCE_ENDS + "人户村的 a1", max_size=40),
    st.integers(0, 40),
    st.integers(0, 40),
)
def test_a_clause_read_within_its_sentence_is_the_clause(text: str, a: int, b: int) -> None:
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    _check_every_offset(text, start, end)


@pytest.mark.needs_shared("corpus")
def test_a_clause_read_within_its_sentence_is_the_clause_on_the_corpus() -> None:
    for path in sorted(Path(shared_path("corpus")).glob("*.txt")):
        text = path.read_text("utf-8")
        w = build_window(text, 0, len(text), [], [], [], [])
        breaks = [m.start() for m in _CLAUSE_BREAK.finditer(text)]
        for i in range(len(text) + 1):
            k = bisect.bisect_left(breaks, i)
            lo = breaks[k - 1] + 1 if k > 0 else 0
            hi = breaks[k] + 1 if k < len(breaks) else len(text)
            assert w.clause(i) == (lo, hi), (path.name, i)


def _plain_word_at(text: str, i: int) -> tuple[str, str] | None:
    """The longest table word starting at ``i``: every length tried, no gate."""
    lexicon = indicator_subjects._lexicon()
    for length in lexicon.lengths:
        role = lexicon.roles.get(text[i : i + length])
        if role is not None:
            return text[i : i + length], role
    return None


def _plain_word_before(text: str, j: int, floor: int) -> tuple[str, str] | None:
    """The longest table word ending at ``j`` from ``floor`` on: every length tried, no gate."""
    lexicon = indicator_subjects._lexicon()
    for length in lexicon.lengths:
        if j - length >= floor and (role := lexicon.roles.get(text[j - length : j])) is not None:
            return text[j - length : j], role
    return None


def _check_words(text: str) -> None:
    for i in range(len(text) + 1):
        assert indicator_subjects._word_at(text, i) == _plain_word_at(text, i), i
        for floor in range(max(0, i - 5), i + 1):
            found = indicator_subjects._word_before(text, i, floor)
            assert found == _plain_word_before(text, i, floor), (i, floor)


_TABLE_CHARS = "".join(sorted({ch for w in indicator_subjects._lexicon().roles for ch in w}))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(_TABLE_CHARS + "的，。1a "), max_size=30))
def test_a_table_word_is_found_past_the_character_gate(text: str) -> None:
    _check_words(text)


@pytest.mark.needs_shared("corpus")
def test_a_table_word_is_found_past_the_character_gate_on_the_corpus() -> None:
    for path in sorted(Path(shared_path("corpus")).glob("*.txt")):
        _check_words(path.read_text("utf-8"))


_PATTERN_CHARS = "".join(
    sorted({ch for row in indicators._metrics() for p in row.patterns for ch in p})
)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(_PATTERN_CHARS + "的1a"), max_size=12))
def test_a_metric_row_fits_a_subject_exactly_when_one_of_its_patterns_occurs(subject: str) -> None:
    for row in indicators._metrics():
        assert row.fits(subject) == any(p in subject for p in row.patterns), (row.metric, subject)


def test_every_metric_row_fits_each_of_its_own_patterns() -> None:
    for row in indicators._metrics():
        for p in row.patterns:
            assert row.fits(p)
            assert row.fits("的" + p + "的")
