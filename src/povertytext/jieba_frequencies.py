"""jieba's word frequencies, kept on disk in a form that opens in milliseconds.

jieba's tokenizer keeps its dictionary as one dict of about 500,000 words and word
starts (``Tokenizer.FREQ``: a word's frequency, 0 for a start of a longer word) and
their sum (``Tokenizer.total``). Building that dict costs about half a second in
every new process, from jieba's own cache file, although the short windows that the
name check cuts look up a few hundred entries.

This module writes the same entries once, grouped by their first character, each
group one string, to a cache file of its own (:func:`cache_dir`), and gives them
back as :class:`Frequencies`, a mapping that turns a group into a dict only when a
word of it is looked up. A tokenizer given that mapping cuts exactly as jieba's own:
the entries are jieba's, read from a tokenizer that jieba initialized, and nothing
else changes (``tests/test_jieba_frequencies.py`` compares every entry and the cuts).

The cache file is named for what it was built from (jieba's version and the size
and time of its dictionary file): when jieba or its dictionary changes, a new file
is built. A file that cannot be read or written is not an error: the entries are
then read from jieba itself, as without this module.

The folder is ``$POVERTYTEXT_CACHE_DIR`` when set (an empty value: no file is
written or read), else ``$XDG_CACHE_HOME/povertytext``, ``%LOCALAPPDATA%\\povertytext``
on Windows, or ``~/.cache/povertytext``.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
import threading
from collections.abc import Iterator, MutableMapping
from pathlib import Path
from typing import Any

__all__ = ["Frequencies", "cache_dir", "cache_path", "frequencies", "tokenizer"]

_FORMAT = 1  # the layout of the cache file; a file of another layout is built again
_ENV = "POVERTYTEXT_CACHE_DIR"
_LOCK = threading.Lock()
# the groups and total read from each cache file, with the groups opened so far (shared
# by every tokenizer given them: a group is read only, the words added are kept apart)
_STORES: dict[Path, tuple[dict[str, tuple[str, str]], int, dict[str, dict[str, int]]]] = {}


class Frequencies(MutableMapping[str, int]):
    """jieba's ``FREQ``, opened one first character at a time.

    ``groups`` maps a first character to two strings: the words starting with it,
    one per line, and their frequencies, separated by spaces, in the same order.
    Words a caller adds (``Tokenizer.add_word``) are kept apart, so that one set of
    groups serves every tokenizer.
    """

    __slots__ = ("_added", "_groups", "_opened")

    def __init__(self, groups: dict[str, tuple[str, str]], opened: dict[str, dict[str, int]]):
        self._groups = groups
        self._opened = opened  # shared by the tokenizers of one set of groups
        self._added: dict[str, int] = {}

    def _group(self, first: str) -> dict[str, int]:
        found = self._opened.get(first)
        if found is None:
            words, counts = self._groups.get(first, ("", ""))
            if not words:
                self._opened[first] = {}
                return self._opened[first]
            found = dict(zip(words.split("\n"), map(int, counts.split(" ")), strict=True))
            self._opened[first] = found
        return found

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str) or not word:
            return False
        return word in self._added or word in self._group(word[0])

    def __getitem__(self, word: str) -> int:
        if word in self._added:
            return self._added[word]
        if not word:
            raise KeyError(word)
        return self._group(word[0])[word]

    def get(self, word: str, default: Any = None) -> Any:
        """The frequency of ``word``, else ``default`` (dict.get: jieba's lookup)."""
        if word in self._added:
            return self._added[word]
        if not word:
            return default
        return self._group(word[0]).get(word, default)

    def __setitem__(self, word: str, frequency: int) -> None:
        self._added[word] = frequency

    def __delitem__(self, word: str) -> None:
        del self._added[word]

    def __iter__(self) -> Iterator[str]:
        for first in self._groups:
            yield from (word for word in self._group(first) if word not in self._added)
        yield from self._added

    def __len__(self) -> int:
        return sum(1 for _ in self)


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
    return f"jieba {jieba.__version__} {dictionary} {stat.st_size} {stat.st_mtime_ns}"


def cache_path() -> Path | None:
    """The cache file for the installed jieba, or None when the cache is turned off.

    >>> path = cache_path()
    >>> path is None or path.name.startswith("jieba-frequencies-")
    True
    """
    folder = cache_dir()
    if folder is None:
        return None
    digest = hashlib.sha256(f"{_FORMAT} {_source()}".encode()).hexdigest()[:16]
    return folder / f"jieba-frequencies-{digest}.marshal"


def _group_entries(frequencies: dict[str, int]) -> dict[str, tuple[str, str]] | None:
    """jieba's entries grouped by first character (None when a word could not be stored)."""
    grouped: dict[str, tuple[list[str], list[str]]] = {}
    for word, frequency in frequencies.items():
        if not word or "\n" in word or type(frequency) is not int:
            return None
        words, counts = grouped.setdefault(word[0], ([], []))
        words.append(word)
        counts.append(str(frequency))
    return {first: ("\n".join(w), " ".join(c)) for first, (w, c) in grouped.items()}


def _read(path: Path) -> tuple[dict[str, tuple[str, str]], int] | None:
    """The groups and total of a cache file, or None when it is missing or not one."""
    try:
        data = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not isinstance(data, dict) or data.get("format") != _FORMAT:
        return None
    groups, total = data.get("groups"), data.get("total")
    if not isinstance(groups, dict) or type(total) is not int:
        return None
    if not all(_is_group(first, group) for first, group in groups.items()):
        return None
    return groups, total


def _is_group(first: object, group: object) -> bool:
    """Tell whether a read entry is a first character and its two strings."""
    return (
        isinstance(first, str)
        and len(first) == 1
        and isinstance(group, tuple)
        and len(group) == 2
        and all(isinstance(part, str) for part in group)
        and group[0].count("\n") == group[1].count(" ")  # as many frequencies as words
    )


def _write(path: Path, groups: dict[str, tuple[str, str]], total: int) -> None:
    """Write the cache file whole or not at all (a temporary file, then a rename)."""
    data = marshal.dumps({"format": _FORMAT, "source": _source(), "groups": groups, "total": total})
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".jieba-frequencies-")
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(data)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError:
        return  # a folder that cannot be written: the entries are read from jieba next time


def _from_jieba(words: Any) -> tuple[dict[str, int], int]:
    """jieba's own entries and total, from ``words`` (a ``jieba.Tokenizer``) initialized."""
    words.initialize()
    return words.FREQ, words.total


def frequencies(words: Any) -> bool:
    """Give ``words`` (a fresh ``jieba.Tokenizer``) jieba's entries; True when from the cache.

    From the cache file when there is one for the installed jieba; else ``words`` is
    initialized by jieba and its entries are written to the cache for the next process.
    """
    path = cache_path()
    stored = _stored(path) if path is not None else None
    if stored is None:
        entries, total = _from_jieba(words)
        groups = _group_entries(entries)
        if path is not None and groups is not None:
            _write(path, groups, total)
        return False
    groups, total, opened = stored
    words.FREQ = Frequencies(groups, opened)
    words.total = total
    words.initialized = True
    return True


def _stored(
    path: Path,
) -> tuple[dict[str, tuple[str, str]], int, dict[str, dict[str, int]]] | None:
    """The cache file's groups and total (read once per process), or None."""
    with _LOCK:
        if path not in _STORES:
            read = _read(path)
            if read is None:
                return None
            _STORES[path] = (*read, {})
        return _STORES[path]


def tokenizer() -> Any:
    """A new ``jieba.Tokenizer`` of jieba's default dictionary, its entries given.

    >>> tokenizer().FREQ.get("扶贫") > 0
    True
    """
    import jieba

    words = jieba.Tokenizer()
    frequencies(words)
    return words
