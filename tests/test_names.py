"""Name detection (povertytext.names) and the work officials do per title (issue 14).

The work is counted, never timed: characters handed to the region scanner and to
jieba while reading the officials of a hostile page of titles.
"""

from __future__ import annotations

import re

import pytest

from povertytext import blocks, names, officials

from .hostile import page

_SIZE = 4_000
_JIEBA_RUN = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&._]+")


class _Counter:
    """Wraps a function of a text, counting the characters it is given."""

    def __init__(self, function: object) -> None:
        self.function = function
        self.calls = 0
        self.characters = 0
        self.texts: list[str] = []

    def __call__(self, text: str) -> object:
        self.calls += 1
        self.characters += len(text)
        self.texts.append(text)
        return self.function(text)  # type: ignore[operator]


# a bare 市长 after a name, under no region and under one named before it
_BARE_TITLES = ("王大华市长说，", "肇庆市委书记王大华、市长李明，")


def _repeated(unit: str, size: int) -> str:
    return unit * (size // len(unit))


@pytest.mark.parametrize("unit", _BARE_TITLES)
def test_context_regions_are_not_rescanned_per_title(
    unit: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bare 市长 reads the regions of the page once and a short window before it."""
    counter = _Counter(officials.extract_regions)  # type: ignore[attr-defined]
    monkeypatch.setattr(officials, "extract_regions", counter)
    text = _repeated(unit, _SIZE)
    assert officials.extract_officials(text)
    assert counter.calls > 100  # a bare title is read many times
    assert counter.characters <= len(text) + officials._NEAR * counter.calls


@pytest.mark.parametrize("unit", _BARE_TITLES)
def test_regions_scanned_grow_linearly(unit: str, monkeypatch: pytest.MonkeyPatch) -> None:
    counter = _Counter(officials.extract_regions)  # type: ignore[attr-defined]
    monkeypatch.setattr(officials, "extract_regions", counter)
    officials.extract_officials(_repeated(unit, _SIZE))
    small = counter.characters
    counter.characters = 0
    officials.extract_officials(_repeated(unit, 4 * _SIZE))
    assert counter.characters <= 5 * small


@pytest.mark.parametrize("kind", ["titles", "bare_mayor"])
def test_hostile_titles_cost_no_region_scan(kind: str, monkeypatch: pytest.MonkeyPatch) -> None:
    counter = _Counter(officials.extract_regions)  # type: ignore[attr-defined]
    monkeypatch.setattr(officials, "extract_regions", counter)
    officials.extract_officials(page(kind, _SIZE))
    assert counter.characters <= _SIZE


def test_block_start_cuts_only_the_first_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """jieba sees the block's first run only (市委书记 of 市委书记、市长、…), not 60 characters."""
    counter = _Counter(blocks.cut)  # type: ignore[attr-defined]
    monkeypatch.setattr(blocks, "cut", counter)
    officials.extract_officials(page("titles", _SIZE))
    # the titles page is decided by the tables (issue 13): a block opened by a long run is not
    officials.extract_officials("组织扶贫系统干部深入学习习近平总书记重要讲话，" * 3)
    assert counter.calls > 0
    assert all(_JIEBA_RUN.fullmatch(text) for text in counter.texts), counter.texts[:5]


def test_block_start_is_the_same_with_the_first_run() -> None:
    text = "会议由市府办副主任杨某主持"
    assert text[blocks.block_start(text, 7).start : 9] == "市府办副主任"
    text = "选派第一书记、驻村干部、帮扶责任人李某"
    assert blocks.block_start(text, 4).start == 2


def _no_cut(window: str) -> list[tuple[str, str]]:
    raise AssertionError(f"jieba cut {window!r}")


@pytest.mark.parametrize(
    ("text", "start"),
    [("主任的工作是", 2), ("市长市长市长市长", 2), ("书记、", 2)],
)
def test_no_cut_where_no_name_can_start(
    text: str, start: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(names, "cut", _no_cut)
    assert names.name_after(text, start) is None


@pytest.mark.parametrize(("text", "end"), [("工作的主任", 3), ("的", 1), ("市长市长市长", 4)])
def test_no_cut_where_no_name_can_end(text: str, end: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(names, "cut", _no_cut)
    assert names.name_before(text, end) is None


@pytest.mark.parametrize(
    ("text", "start", "name"),
    [
        ("副市长孟凡利率团考察", 3, "孟凡利"),
        ("茂名市委副书记陈绩、", 7, "陈绩"),
        ("局长王大华出席", 2, "王大华"),
    ],
)
def test_names_after_a_title_are_still_read(text: str, start: int, name: str) -> None:
    span = names.name_after(text, start)
    assert span is not None
    assert text[span[0] : span[1]] == name


def test_name_before_a_title_is_still_read() -> None:
    text = "得到国务院扶贫办刘永富主任批示"
    assert names.name_before(text, 11) == (8, 11)


def test_name_detection_lives_in_names() -> None:
    """bylines reads names from names, not from officials (no import circle)."""
    import povertytext.bylines as bylines

    assert bylines.looks_like_name is names.looks_like_name  # type: ignore[attr-defined]
    assert officials.looks_like_name is names.looks_like_name
