"""jieba's word frequencies from the cache file: the same entries, the same cuts.

The cache (:mod:`povertytext.jieba_frequencies`) stands for the dict jieba builds; these
tests compare it with jieba's own, entry by entry and cut by cut, and check that a file
that is missing, damaged or cannot be written only costs time.
"""

from __future__ import annotations

import marshal
from pathlib import Path
from typing import Any

import jieba
import jieba.posseg
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from povertytext import jieba_frequencies
from povertytext.jieba_frequencies import Frequencies, cache_dir, cache_path, frequencies

from ._shared import SHARED

jieba.setLogLevel(60)


@pytest.fixture(scope="module")
def jiebas() -> tuple[Any, Any]:
    """jieba's own tokenizer, and one given its entries from a cache file."""
    own = jieba.Tokenizer()
    own.initialize()
    frequencies(jieba.Tokenizer())  # writes the file when this run has none
    cached = jieba.Tokenizer()
    assert frequencies(cached)
    return own, cached


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache folder of this test alone, with nothing read from it yet."""
    monkeypatch.setenv("POVERTYTEXT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(jieba_frequencies, "_STORES", {})
    return tmp_path


def test_every_entry_and_the_total_are_jiebas(jiebas: tuple[Any, Any]) -> None:
    own, cached = jiebas
    assert isinstance(cached.FREQ, Frequencies)
    assert cached.total == own.total
    assert len(cached.FREQ) == len(own.FREQ)
    assert dict(cached.FREQ.items()) == own.FREQ


def _pos(words: Any) -> Any:
    tokenizer = jieba.posseg.POSTokenizer.__new__(jieba.posseg.POSTokenizer)
    tokenizer.tokenizer = words
    tokenizer.word_tag_tab = jieba.posseg.dt.word_tag_tab
    return tokenizer


def _cuts(tokenizer: Any, text: str) -> list[tuple[str, str]]:
    return [(pair.word, pair.flag) for pair in tokenizer.cut(text)]


@pytest.mark.needs_shared("corpus")
def test_the_corpus_is_cut_as_jieba_cuts_it(jiebas: tuple[Any, Any]) -> None:
    own, cached = (_pos(words) for words in jiebas)
    lines = [
        line
        for path in sorted((SHARED / "corpus").glob("*.txt"))
        for line in path.read_text("utf-8").splitlines()
        if line.strip()
    ]
    assert lines
    for line in lines:
        assert _cuts(cached, line) == _cuts(own, line)


_WINDOW_CHARS = st.sampled_from(
    list("习近平总书记刘永富主任国务院扶贫办东西部协作帮扶县长王大华江流域、，1a")
)


@settings(max_examples=300, deadline=None)
@given(st.text(_WINDOW_CHARS, max_size=20))
def test_any_window_is_cut_as_jieba_cuts_it(jiebas: tuple[Any, Any], window: str) -> None:
    own, cached = (_pos(words) for words in jiebas)
    assert _cuts(cached, window) == _cuts(own, window)


def test_added_words_stay_with_their_tokenizer(jiebas: tuple[Any, Any]) -> None:
    _, cached = jiebas
    other = jieba.Tokenizer()
    assert frequencies(other)
    other.add_word("东西部扶贫协作办", 5)
    assert other.FREQ["东西部扶贫协作办"] == 5
    assert "东西部扶贫协作办" not in cached.FREQ
    assert other.FREQ["东西部扶贫协作"] == 0  # a start of the word, as jieba adds it
    assert "东西部扶贫协作" not in cached.FREQ
    assert other.FREQ["扶贫"] == cached.FREQ["扶贫"] > 0
    assert other.total == cached.total + 5


def test_a_missing_file_is_written_then_read(folder: Path) -> None:
    path = cache_path()
    assert path is not None
    assert path.parent == folder
    assert not path.exists()
    assert not frequencies(jieba.Tokenizer())  # from jieba, and written
    assert path.exists()
    assert frequencies(jieba.Tokenizer())  # from the file
    assert [p.name for p in folder.iterdir()] == [path.name]  # no temporary file left


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not marshal",
        marshal.dumps({"format": 0, "groups": {}, "total": 1}),
        marshal.dumps({"format": 1, "groups": {"扶": ("扶贫", 3)}, "total": 1}),
        marshal.dumps({"format": 1, "groups": {}, "total": "1"}),
        marshal.dumps({"format": 1, "groups": {"扶": ("扶贫\n扶", "3")}, "total": 1}),
        marshal.dumps([1, 2]),
    ],
)
def test_a_damaged_file_is_built_again(folder: Path, content: bytes) -> None:
    path = cache_path()
    assert path is not None
    path.write_bytes(content)
    words = jieba.Tokenizer()
    assert not frequencies(words)
    assert words.FREQ.get("扶贫", 0) > 0
    assert frequencies(jieba.Tokenizer())  # the file was written again, whole


def test_a_folder_that_cannot_be_written_costs_only_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "a file"
    blocked.write_text("")
    monkeypatch.setenv("POVERTYTEXT_CACHE_DIR", str(blocked / "cache"))
    monkeypatch.setattr(jieba_frequencies, "_STORES", {})
    words = jieba.Tokenizer()
    assert not frequencies(words)
    assert words.FREQ.get("扶贫", 0) > 0
    assert not frequencies(jieba.Tokenizer())


def test_an_empty_setting_turns_the_cache_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POVERTYTEXT_CACHE_DIR", "")
    assert cache_dir() is None
    assert cache_path() is None
    words = jieba.Tokenizer()
    assert not frequencies(words)
    assert words.initialized
    assert words.FREQ.get("扶贫", 0) > 0


def test_the_default_folder_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("POVERTYTEXT_CACHE_DIR")
    monkeypatch.setattr("sys.platform", "linux")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_dir() == tmp_path / "povertytext"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert cache_dir() == Path.home() / ".cache" / "povertytext"


def test_the_file_is_named_for_the_dictionary_it_was_built_from(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = cache_path()
    monkeypatch.setattr(jieba, "__version__", "0.0-other")
    assert cache_path() != before
