"""The region scan's candidate regex finds every position where a name may start.

The scan tries names only at the positions :meth:`regions._Scan.candidates` yields: the
regex of :func:`regions._starts` finds them and the set of the names' first two
characters checks them. Whatever grouping the regex uses, those positions must be
exactly the ones where the first two characters of some name are written.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from povertytext import regions
from povertytext.characters import simplify

from ._shared import sample_texts


def _plain_candidates(text: str) -> list[int]:
    """Every position where the first two characters of a name are written."""
    bigrams = regions._gazetteer().bigrams
    return [start for start in range(len(text) - 1) if text[start : start + 2] in bigrams]


def _scan_candidates(text: str) -> list[int]:
    """The positions the scan tries."""
    return list(regions._Scan(text, regions._gazetteer()).candidates())


def _name_chars() -> str:
    """The first and second characters of every name, and a few others."""
    names = regions._gazetteer().surfaces
    return "".join(sorted({ch for name in names for ch in name[:2]})) + "。，的\n a1"


@given(st.data())
@settings(max_examples=500, deadline=None)
def test_candidates_are_every_written_name_start(data: st.DataObject) -> None:
    text = data.draw(st.text(alphabet=_name_chars(), max_size=40))
    assert _scan_candidates(text) == _plain_candidates(text)


@given(st.data())
@settings(max_examples=300, deadline=None)
def test_candidates_find_names_written_side_by_side(data: st.DataObject) -> None:
    names = sorted(regions._gazetteer().surfaces)
    picked = data.draw(st.lists(st.sampled_from(names), max_size=6))
    glue = data.draw(st.lists(st.sampled_from(["", "和", "。", "x"]), min_size=len(picked)))
    text = "".join(name + sep for name, sep in zip(picked, glue, strict=False))
    assert _scan_candidates(text) == _plain_candidates(text)


def test_every_first_two_characters_are_found() -> None:
    bigrams = sorted(regions._gazetteer().bigrams)
    text = "".join(bigrams)
    assert set(_plain_candidates(text)) <= set(_scan_candidates(text))
    assert all(_scan_candidates(bigram) == [0] for bigram in bigrams)


@pytest.mark.parametrize("path", sample_texts(), ids=lambda p: p.name)
def test_candidates_on_real_pages(path: object) -> None:
    from pathlib import Path

    assert isinstance(path, Path)
    text = simplify(path.read_text("utf-8"))
    assert _scan_candidates(text) == _plain_candidates(text)
