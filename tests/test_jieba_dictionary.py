"""jieba's dictionary from the cache file: the same entries, the same cuts.

The cache (:mod:`povertytext.jieba_dictionary`) stands for the dicts jieba builds; these
tests compare it with jieba's own, entry by entry and cut by cut, and check that a file
that is missing, damaged or cannot be written only costs time.
"""

from __future__ import annotations

import gc
import marshal
import mmap
import zlib
from pathlib import Path
from typing import Any

import jieba
import jieba.posseg
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from povertytext import jieba_dictionary
from povertytext.jieba_dictionary import (
    Frequencies,
    Tags,
    add_words,
    cache_dir,
    cache_path,
    pos_tokenizer,
)

from ._shared import SHARED, run_fresh

jieba.setLogLevel(60)


def _cached(tokenizer: Any) -> bool:
    """Tell whether ``tokenizer`` got its entries from the cache file."""
    return isinstance(tokenizer.tokenizer.FREQ, Frequencies)


@pytest.fixture(scope="module")
def jiebas() -> tuple[Any, Any]:
    """jieba's own POS tokenizer, and one given its entries from a cache file."""
    own = jieba.posseg.POSTokenizer(jieba.Tokenizer())
    own.tokenizer.initialize()
    pos_tokenizer()  # writes the file when this run has none
    cached = pos_tokenizer()
    assert _cached(cached)
    return own, cached


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache folder of this test alone, with nothing read from it yet."""
    monkeypatch.setenv("POVERTYTEXT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(jieba_dictionary, "_STORES", {})
    return tmp_path


def test_every_entry_and_the_total_are_jiebas(jiebas: tuple[Any, Any]) -> None:
    own, cached = jiebas
    assert isinstance(cached.word_tag_tab, Tags)
    assert cached.tokenizer.total == own.tokenizer.total
    assert len(cached.tokenizer.FREQ) == len(own.tokenizer.FREQ)
    assert dict(cached.tokenizer.FREQ.items()) == own.tokenizer.FREQ
    assert len(cached.word_tag_tab) == len(own.word_tag_tab)
    assert dict(cached.word_tag_tab.items()) == own.word_tag_tab


def _cuts(tokenizer: Any, text: str) -> list[tuple[str, str]]:
    return [(pair.word, pair.flag) for pair in tokenizer.cut(text)]


@pytest.mark.needs_shared("corpus")
def test_the_corpus_is_cut_as_jieba_cuts_it(jiebas: tuple[Any, Any]) -> None:
    own, cached = jiebas
    lines = [
        line
        for path in sorted((SHARED / "corpus").glob("*.txt"))
        for line in path.read_text("utf-8").splitlines()
        if line.strip()
    ]
    assert lines
    for line in lines:
        assert _cuts(cached, line) == _cuts(own, line)


_WINDOW = st.text(
    st.sampled_from(list("习近平总书记刘永富主任国务院扶贫办东西部协作县王大华江流域、1a"))
)


@settings(max_examples=300, deadline=None)
@given(_WINDOW)
def test_any_window_is_cut_as_jieba_cuts_it(jiebas: tuple[Any, Any], window: str) -> None:
    own, cached = jiebas
    assert _cuts(cached, window) == _cuts(own, window)


def test_added_words_stay_with_their_tokenizer(jiebas: tuple[Any, Any]) -> None:
    _, cached = jiebas
    other = pos_tokenizer()
    assert _cached(other)
    other.add_word("东西部扶贫协作办", 5, tag="nt")
    assert other.tokenizer.FREQ["东西部扶贫协作办"] == 5
    assert other.tokenizer.FREQ["东西部扶贫协作"] == 0  # a start of the word, as jieba adds
    assert "东西部扶贫协作" not in cached.tokenizer.FREQ
    assert other.tokenizer.FREQ["扶贫"] == cached.tokenizer.FREQ["扶贫"] > 0
    assert other.tokenizer.total == cached.tokenizer.total + 5
    assert _cuts(other, "东西部扶贫协作办") == [("东西部扶贫协作办", "nt")]
    assert "东西部扶贫协作办" not in cached.word_tag_tab


_WORDS = [("东西部扶贫协作办", "nt"), ("驻村第一书记", "n"), ("扶贫", "nt"), ("协作办", "nt")]


def _state(tokenizer: Any) -> tuple[list[tuple[str, int]], int, dict[str, str]]:
    """What adding words changes in a tokenizer: its added entries (in order), its total
    and the tags waiting to be moved into its tags."""
    inner = tokenizer.tokenizer
    return list(inner.FREQ._added.items()), inner.total, dict(inner.user_word_tag_tab)


def _by_jieba(words: list[tuple[str, str]]) -> Any:
    tokenizer = pos_tokenizer()
    for word, tag in words:
        tokenizer.add_word(word, tag=tag)
    return tokenizer


def _no_add_word(*args: object, **kwargs: object) -> None:
    raise AssertionError("jieba's add_word was called")


def test_added_words_are_read_back_as_jieba_adds_them(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pos_tokenizer()  # writes the dictionary's file in this folder
    expected = _by_jieba(_WORDS)
    assert _state(expected)[0]  # the words and their starts
    first = pos_tokenizer()
    add_words(first, _WORDS)  # by jieba's add_word, and written
    assert _state(first) == _state(expected)
    assert len(list(folder.glob("jieba-words-*.marshal"))) == 1
    monkeypatch.setattr(jieba.Tokenizer, "add_word", _no_add_word)
    again = pos_tokenizer()
    add_words(again, _WORDS)  # read from the file
    assert _state(again) == _state(expected)
    for window in ("东西部扶贫协作办主任", "驻村第一书记王大华", "扶贫协作办"):
        assert _cuts(again, window) == _cuts(expected, window)


def test_other_words_are_added_by_jieba(folder: Path) -> None:
    pos_tokenizer()
    add_words(pos_tokenizer(), _WORDS)
    fewer = pos_tokenizer()
    add_words(fewer, _WORDS[:2])
    assert _state(fewer) == _state(_by_jieba(_WORDS[:2]))
    assert len(list(folder.glob("jieba-words-*.marshal"))) == 2


def test_words_added_to_a_tokenizer_added_to_are_added_by_jieba(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pos_tokenizer()
    add_words(pos_tokenizer(), _WORDS)
    tokenizer = pos_tokenizer()
    tokenizer.add_word("乡村振兴局", 9, tag="nt")
    add_words(tokenizer, _WORDS)  # the file is of a fresh tokenizer: not read
    expected = pos_tokenizer()
    expected.add_word("乡村振兴局", 9, tag="nt")
    for word, tag in _WORDS:
        expected.add_word(word, tag=tag)
    assert _state(tokenizer) == _state(expected)


def test_a_damaged_words_file_is_written_again(folder: Path) -> None:
    pos_tokenizer()
    add_words(pos_tokenizer(), _WORDS)
    (path,) = folder.glob("jieba-words-*.marshal")
    path.write_bytes(_flipped(path.read_bytes()))
    tokenizer = pos_tokenizer()
    add_words(tokenizer, _WORDS)
    assert _state(tokenizer) == _state(_by_jieba(_WORDS))
    assert jieba_dictionary._saved_additions(path, _WORDS) is not None


def test_a_missing_file_is_written_then_read(folder: Path) -> None:
    path = cache_path()
    assert path is not None
    assert path.parent == folder
    assert not path.exists()
    assert not _cached(pos_tokenizer())  # from jieba, and written
    assert path.exists()
    assert _cached(pos_tokenizer())
    assert [p.name for p in folder.iterdir()] == [path.name]  # no temporary file left


_WORDS_OF_GROUP = "扶贫\n扶".encode()
_BLOB = _WORDS_OF_GROUP + b"3 0" + b"vn "  # one group: its words, frequencies and tags
_ENDS = (len(_WORDS_OF_GROUP), len(_WORDS_OF_GROUP) + 3, len(_BLOB))


def _file(data: object = None, blob: bytes = _BLOB, source: object = None) -> bytes:
    """A cache file as the module's docstring describes it (a group of 扶 by default)."""
    if source is None:
        source = jieba_dictionary._source()
    if data is None:
        data = {"firsts": "扶", "ends": _ENDS, "total": 1}
    fields = data if isinstance(data, dict) else {"value": data}
    payload = marshal.dumps({"source": source, **fields})
    rest = payload + blob
    return b"povertytext-jieba %08x %d\n%s" % (zlib.crc32(rest), len(payload), rest)


def _flipped(content: bytes) -> bytes:
    """``content`` with one byte in the middle of its payload changed by one bit (its
    CRC-32 left as it was): a frequency or a character of a word, still marshal."""
    middle = len(content) // 2 + len(content) // 4
    while content[middle] not in b"0123456789":
        middle += 1  # a digit of a frequency: another digit, and the file still loads
    return content[:middle] + bytes([content[middle] ^ 1]) + content[middle + 1 :]


def _misstated_length(by: int) -> bytes:
    """A file whose first line gives the length of its marshalled part ``by`` bytes off."""
    payload = marshal.dumps(
        {"source": jieba_dictionary._source(), "firsts": "扶", "ends": _ENDS, "total": 1}
    )
    rest = payload + _BLOB
    return b"povertytext-jieba %08x %d\n%s" % (zlib.crc32(rest), len(payload) + by, rest)


def _second_layout() -> bytes:
    payload = marshal.dumps({"source": "2 jieba", "groups": {}, "total": 1})
    return b"povertytext-jieba %08x\n%s" % (zlib.crc32(payload), payload)


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not marshal",
        marshal.dumps({"source": "1 jieba", "groups": {}, "total": 1}),  # the first layout
        _second_layout(),
        _file([1, 2]),
        _file(source="another jieba"),
        _file({"firsts": "扶", "ends": _ENDS, "total": "1"}),
        _file({"firsts": "扶", "ends": _ENDS[:2], "total": 1}),
        _file({"firsts": "扶", "ends": (1, 2, 3), "total": 1}),
        _file(blob=_BLOB + b"more"),
        _file().replace(b"povertytext-jieba", b"another-magic-w"),
        _flipped(_file()),
        _flipped(_file(blob=b"")),
        _file().replace(b"povertytext-jieba ", b"povertytext-jieba 0000000z", 1),
        _misstated_length(3),
        _misstated_length(-3),
    ],
)
def test_a_damaged_file_is_built_again(folder: Path, content: bytes) -> None:
    path = cache_path()
    assert path is not None
    path.write_bytes(content)
    tokenizer = pos_tokenizer()
    assert not _cached(tokenizer)
    assert tokenizer.tokenizer.FREQ.get("扶贫", 0) > 0
    assert _cached(pos_tokenizer())  # the file was written again, whole


def test_a_file_of_this_layout_is_read_as_it_was_written(folder: Path) -> None:
    path = cache_path()
    assert path is not None
    path.write_bytes(_file({"firsts": "扶", "ends": _ENDS, "total": 7}))
    tokenizer = pos_tokenizer()
    assert _cached(tokenizer)
    assert tokenizer.tokenizer.total == 7
    assert dict(tokenizer.tokenizer.FREQ.items()) == {"扶贫": 3, "扶": 0}
    assert dict(tokenizer.word_tag_tab.items()) == {"扶贫": "vn"}
    assert "扶贫办" not in tokenizer.tokenizer.FREQ
    assert "贫" not in tokenizer.tokenizer.FREQ


def test_opened_groups_give_the_collector_nothing_to_track(jiebas: tuple[Any, Any]) -> None:
    _, cached = jiebas
    assert cached.tokenizer.FREQ.get("扶贫") > 0
    store = cached.tokenizer.FREQ._store
    assert isinstance(store.blob, mmap.mmap)  # the groups are read from the file as needed
    assert not gc.is_tracked(store.frequencies("扶"))
    assert not gc.is_tracked(store.tags("扶"))


def test_a_folder_that_cannot_be_written_costs_only_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "a file"
    blocked.write_text("")
    monkeypatch.setenv("POVERTYTEXT_CACHE_DIR", str(blocked / "cache"))
    monkeypatch.setattr(jieba_dictionary, "_STORES", {})
    tokenizer = pos_tokenizer()
    assert not _cached(tokenizer)
    assert tokenizer.tokenizer.FREQ.get("扶贫", 0) > 0
    assert not _cached(pos_tokenizer())


def test_an_empty_setting_turns_the_cache_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POVERTYTEXT_CACHE_DIR", "")

    def no_grouping(*args: object) -> None:
        raise AssertionError("the entries were grouped for no file")

    monkeypatch.setattr(jieba_dictionary, "_grouped", no_grouping)
    assert cache_dir() is None
    assert cache_path() is None
    tokenizer = pos_tokenizer()
    assert not _cached(tokenizer)
    assert tokenizer.tokenizer.initialized
    assert tokenizer.word_tag_tab.get("扶贫") == "v"


def test_the_default_folder_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("POVERTYTEXT_CACHE_DIR")
    monkeypatch.setattr("sys.platform", "linux")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_dir() == tmp_path / "povertytext"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert cache_dir() == Path.home() / ".cache" / "povertytext"


_PAGE = (
    "得到国务院扶贫办刘永富主任批示。副市长孟凡利率团考察，县委书记陈增光、"
    "副县长王大华主持。省政协副主席德哇仓、张津梁出席。江流域综合治理。\n"
)
_FRESH_PARSE = """
import sys
import povertytext as pt
from povertytext import names
page = pt.parse(sys.stdin.read(), source="page")
print(type(names._tokenizer()).__name__)
print(page.model_dump_json())
"""


def _fresh_parse(cache: str) -> tuple[str, str]:
    out = run_fresh(_FRESH_PARSE, _PAGE, env={"POVERTYTEXT_CACHE_DIR": cache})
    kind, page = out.split("\n", 1)
    return kind, page


def test_a_page_parses_the_same_with_and_without_the_cache(tmp_path: Path) -> None:
    without = _fresh_parse("")
    first = _fresh_parse(str(tmp_path))  # writes the file
    cached = _fresh_parse(str(tmp_path))
    assert (without[0], first[0], cached[0]) == ("_JiebaCutter", "_JiebaCutter", "WordCutter")
    assert cached[1] == first[1] == without[1]
    assert '"name":"刘永富"' in cached[1]
