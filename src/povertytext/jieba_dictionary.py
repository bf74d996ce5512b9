"""jieba's dictionary, kept on disk in a form that opens in milliseconds.

jieba's part-of-speech tokenizer keeps its dictionary as two dicts: about 500,000
words and word starts with their frequency (``Tokenizer.FREQ``; 0 for a start of a
longer word) and their sum (``Tokenizer.total``), and 350,000 words with their tag
(``POSTokenizer.word_tag_tab``). Building them costs about half a second in every new
process, each time jieba's dictionary is read, although the short windows that the
name check cuts look up a few hundred entries.

This module writes the same entries once, grouped by their first character, each
group three strings, to a cache file of its own (:func:`cache_path`), and gives them
back as two mappings, :class:`Frequencies` and :class:`Tags`, that turn a group into a
dict only when a word of it is looked up. A tokenizer given them cuts exactly as
jieba's own: the entries are those of a tokenizer that jieba initialized, and nothing
else changes (``tests/test_jieba_dictionary.py`` compares every entry and the cuts).

The file is named for what it was built from (this layout, jieba's version, and the
size and time of jieba's dictionary file): when jieba or its dictionary changes, a new
file is built. A file that cannot be read or written is no error: the entries are then
read from jieba itself, as they would be without this module.

The folder is ``$POVERTYTEXT_CACHE_DIR`` when set (set and empty: no file is written
or read), else ``%LOCALAPPDATA%\\povertytext`` on Windows, or
``$XDG_CACHE_HOME/povertytext`` (by default ``~/.cache/povertytext``).
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import os
import sys
import tempfile
import threading
from collections.abc import Iterator, MutableMapping
from pathlib import Path
from typing import Any, Generic, TypeVar

__all__ = ["Frequencies", "Tags", "cache_dir", "cache_path", "pos_tokenizer"]

_FORMAT = 1  # the layout of the cache file; a file of another layout is built again
_ENV = "POVERTYTEXT_CACHE_DIR"
_LOCK = threading.Lock()

V = TypeVar("V")

# a first character → its words (one per line), their frequencies and their tags (each
# separated by single spaces, in the order of the words; no tag: an empty string)
Groups = dict[str, tuple[str, str, str]]


class _Store:
    """The entries of one cache file; a group is made a dict when first looked up."""

    def __init__(self, groups: Groups, total: int):
        self.groups = groups
        self.total = total
        self._opened: dict[str, dict[str, tuple[int, str]]] = {}

    def group(self, first: str) -> dict[str, tuple[int, str]]:
        found = self._opened.get(first)
        if found is None:
            words, counts, tags = self.groups.get(first, ("", "", ""))
            entries = (
                zip(map(int, counts.split(" ")), tags.split(" "), strict=True) if words else ()
            )
            found = dict(zip(words.split("\n"), entries, strict=True)) if words else {}
            self._opened[first] = found  # the same dict whichever thread opened it first
        return found


class _View(MutableMapping[str, V], Generic[V]):
    """One column of a store, with the entries a tokenizer adds kept apart.

    Only added entries can be deleted (an entry of the file raises ``KeyError``); jieba
    never deletes one: its ``del_word`` gives the word a frequency of 0.
    """

    __slots__ = ("_added", "_store")
    _COLUMN = 0

    def __init__(self, store: _Store):
        self._store = store
        self._added: dict[str, V] = {}

    def _stored(self, word: str) -> V | None:
        if not word:
            return None
        entry = self._store.group(word[0]).get(word)
        value: V | None = entry[self._COLUMN] if entry is not None else None  # type: ignore[assignment]
        return value if value != "" else None  # a word start has no tag

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        return word in self._added or self._stored(word) is not None

    def __getitem__(self, word: str) -> V:
        if word in self._added:
            return self._added[word]
        value = self._stored(word)
        if value is None:
            raise KeyError(word)
        return value

    def get(self, word: str, default: Any = None) -> Any:
        """The entry of ``word``, else ``default`` (jieba's lookup: ``dict.get``)."""
        if word in self._added:
            return self._added[word]
        value = self._stored(word)
        return default if value is None else value

    def __setitem__(self, word: str, value: V) -> None:
        self._added[word] = value

    def __delitem__(self, word: str) -> None:
        del self._added[word]

    def __iter__(self) -> Iterator[str]:
        for first in self._store.groups:
            for word in self._store.group(first):
                if word not in self._added and self._stored(word) is not None:
                    yield word
        yield from self._added

    def __len__(self) -> int:
        return sum(1 for _ in self)


class Frequencies(_View[int]):
    """jieba's ``Tokenizer.FREQ``: words and word starts with their frequency."""

    __slots__ = ()
    _COLUMN = 0


class Tags(_View[str]):
    """jieba's ``POSTokenizer.word_tag_tab``: words with their part-of-speech tag."""

    __slots__ = ()
    _COLUMN = 1


# ---------------------------------------------------------------- the cache file

_STORES: dict[Path, _Store] = {}  # each cache file read, once per process


def cache_dir() -> Path | None:
    """The folder of the cache file (see the module docstring), or None when turned off."""
    chosen = os.environ.get(_ENV)
    if chosen is not None:
        return Path(chosen) if chosen else None
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "povertytext"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "povertytext"


def _source() -> str:
    """What the entries are built from: jieba's version and its dictionary file's size and time."""
    import jieba

    dictionary = Path(jieba.__file__).parent / jieba.DEFAULT_DICT_NAME
    stat = dictionary.stat()
    return f"{_FORMAT} jieba {jieba.__version__} {dictionary} {stat.st_size} {stat.st_mtime_ns}"


def cache_path() -> Path | None:
    """The cache file for the installed jieba, or None when the cache is turned off.

    >>> path = cache_path()
    >>> path is None or path.name.startswith("jieba-dictionary-")
    True
    """
    folder = cache_dir()
    if folder is None:
        return None
    digest = hashlib.sha256(_source().encode()).hexdigest()[:16]
    return folder / f"jieba-dictionary-{digest}.marshal"


def _grouped(frequencies: dict[str, int], tags: dict[str, str]) -> Groups | None:
    """jieba's entries grouped by first character (None when one could not be stored)."""
    grouped: dict[str, tuple[list[str], list[str], list[str]]] = {}
    for word, frequency in frequencies.items():
        tag = tags.get(word, "")
        if not word or "\n" in word or type(frequency) is not int or " " in tag:
            return None
        if word in tags and not tag:
            return None  # an empty tag would be read back as no tag
        words, counts, tag_column = grouped.setdefault(word[0], ([], [], []))
        words.append(word)
        counts.append(str(frequency))
        tag_column.append(tag)
    if any(word not in frequencies for word in tags):
        return None  # a tag of a word with no frequency: not stored, jieba is read instead
    return {first: ("\n".join(w), " ".join(c), " ".join(t)) for first, (w, c, t) in grouped.items()}


def _is_group(first: object, group: object) -> bool:
    """Tell whether a read entry is a first character and its three strings, of one length."""
    if not (isinstance(first, str) and len(first) == 1 and isinstance(group, tuple)):
        return False
    if len(group) != 3 or not all(isinstance(part, str) for part in group):
        return False
    words, counts, tags = group
    return bool(words.count("\n") == counts.count(" ") == tags.count(" "))


def _read(path: Path) -> _Store | None:
    """The entries of a cache file, or None when it is missing or not one of this layout."""
    try:
        data = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not isinstance(data, dict) or data.get("source") != _source():
        return None
    groups, total = data.get("groups"), data.get("total")
    if not isinstance(groups, dict) or type(total) is not int:
        return None
    if not all(_is_group(first, group) for first, group in groups.items()):
        return None
    return _Store(groups, total)


def _write(path: Path, groups: Groups, total: int) -> None:
    """Write the cache file whole or not at all (a temporary file, then a rename)."""
    data = marshal.dumps({"source": _source(), "groups": groups, "total": total})
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".jieba-dictionary-")
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(data)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError:
        return  # a folder that cannot be written: the entries are read from jieba next time


def _store(path: Path) -> _Store | None:
    """The entries of the cache file at ``path`` (read once per process), or None."""
    with _LOCK:
        if path not in _STORES:
            read = _read(path)
            if read is None:
                return None
            _STORES[path] = read
        return _STORES[path]


# ---------------------------------------------------------------- tokenizers


def pos_tokenizer() -> Any:
    """A new ``jieba.posseg.POSTokenizer`` of jieba's default dictionary, loaded.

    Its entries come from the cache file when there is one for the installed jieba;
    else jieba reads its dictionary, and the entries are written to the cache file for
    the next process. jieba's global tokenizers are not used or changed; the one global
    setting touched is the level of jieba's logger, raised to WARNING while jieba reads
    its dictionary (it announces that at DEBUG level) and put back after.

    >>> pos_tokenizer().word_tag_tab.get("扶贫")
    'v'
    """
    fresh = "jieba.posseg" not in sys.modules
    import jieba
    import jieba.posseg

    path = cache_path()
    store = _store(path) if path is not None else None
    words = jieba.Tokenizer()
    tokenizer = object.__new__(jieba.posseg.POSTokenizer)
    tokenizer.tokenizer = words  # what POSTokenizer.__init__ sets; the tags are set below
    if store is not None:
        words.FREQ, words.total, words.initialized = Frequencies(store), store.total, True
        tokenizer.word_tag_tab = Tags(store)
        return tokenizer
    level = jieba.default_logger.level
    jieba.default_logger.setLevel(logging.WARNING)
    try:
        words.initialize()
    finally:
        jieba.default_logger.setLevel(level)
    if fresh and jieba.posseg.dt.tokenizer.dictionary == words.dictionary:
        # importing jieba.posseg has just read these tags for its global tokenizer, and
        # nothing can have added to them yet: a copy, rather than reading them again
        tokenizer.word_tag_tab = dict(jieba.posseg.dt.word_tag_tab)
    else:
        tokenizer.load_word_tag(words.get_dict_file())
    if path is not None:
        groups = _grouped(words.FREQ, tokenizer.word_tag_tab)
        if groups is not None:
            _write(path, groups, words.total)
    return tokenizer
