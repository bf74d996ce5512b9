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
file is built (an old one may be deleted). Its first line holds the CRC-32 of the rest,
so that a damaged file is told at once. A file that cannot be read or written is no
error: the entries are then read from jieba itself, as they would be without this module.

Words added to such a tokenizer by :func:`add_words` (the name check adds the titles
and bodies of its vocabulary) are kept the same way: what adding them changes is
written to a small file named for the words, and read back in the next process.

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
import zlib
from collections.abc import Iterator, MutableMapping, Sequence
from pathlib import Path
from typing import Any, Generic, TypeVar

__all__ = ["Frequencies", "Tags", "add_words", "cache_dir", "cache_path", "pos_tokenizer"]

_FORMAT = 2  # the layout of the cache files; a file of another layout is built again
_MAGIC = b"povertytext-jieba"  # a cache file starts with it and the CRC-32 of what follows
_ENV = "POVERTYTEXT_CACHE_DIR"
_LOCK = threading.Lock()

V = TypeVar("V")

# a first character → its words (one per line), their frequencies and their tags (each
# separated by single spaces, in the order of the words; no tag: an empty string), in
# UTF-8, decoded when the group is first looked up
Groups = dict[str, tuple[bytes, bytes, bytes]]


class _Store:
    """The entries of one cache file; a group is made two dicts when first looked up.

    A group's dicts hold only strings and numbers, so that opening groups gives the
    garbage collector no objects to track.
    """

    def __init__(self, groups: Groups, total: int, source: str):
        self.groups = groups
        self.total = total
        self.source = source
        self._frequencies: dict[str, dict[str, int]] = {}
        self._tags: dict[str, dict[str, str]] = {}

    def frequencies(self, first: str) -> dict[str, int]:
        """The words of the group of ``first`` with their frequency."""
        found = self._frequencies.get(first)
        return self._open(first)[0] if found is None else found

    def tags(self, first: str) -> dict[str, str]:
        """The words of the group of ``first`` with their tag (a word start: ``""``)."""
        found = self._tags.get(first)
        return self._open(first)[1] if found is None else found

    def _open(self, first: str) -> tuple[dict[str, int], dict[str, str]]:
        words, counts, tags = self.groups.get(first, (b"", b"", b""))
        frequencies: dict[str, int] = {}
        found: dict[str, str] = {}  # a word start has an empty tag
        if words:
            listed = words.decode().split("\n")
            frequencies = dict(zip(listed, map(int, counts.split(b" ")), strict=True))
            found = dict(zip(listed, tags.decode().split(" "), strict=True))
        # the same dicts whichever thread opened the group first
        return self._frequencies.setdefault(first, frequencies), self._tags.setdefault(first, found)


class _View(MutableMapping[str, V], Generic[V]):
    """One column of a store, with the entries a tokenizer adds kept apart.

    Only added entries can be deleted (an entry of the file raises ``KeyError``); jieba
    never deletes one: its ``del_word`` gives the word a frequency of 0.
    """

    __slots__ = ("_added", "_store")

    def __init__(self, store: _Store):
        self._store = store
        self._added: dict[str, V] = {}

    def _column(self, first: str) -> dict[str, V]:
        raise NotImplementedError

    def _stored(self, word: str) -> V | None:
        value = self._column(word[0]).get(word) if word else None
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
            for word, value in self._column(first).items():
                if value != "" and word not in self._added:
                    yield word
        yield from self._added

    def __len__(self) -> int:
        return sum(1 for _ in self)


class Frequencies(_View[int]):
    """jieba's ``Tokenizer.FREQ``: words and word starts with their frequency."""

    __slots__ = ()

    def _column(self, first: str) -> dict[str, int]:
        return self._store.frequencies(first)


class Tags(_View[str]):
    """jieba's ``POSTokenizer.word_tag_tab``: words with their part-of-speech tag."""

    __slots__ = ()

    def _column(self, first: str) -> dict[str, str]:
        return self._store.tags(first)


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
    return {
        first: ("\n".join(words).encode(), " ".join(counts).encode(), " ".join(column).encode())
        for first, (words, counts, column) in grouped.items()
    }


def _framed(payload: bytes) -> bytes:
    """``payload`` after a first line of the magic words and its CRC-32."""
    return b"%s %08x\n%s" % (_MAGIC, zlib.crc32(payload), payload)


def _unframed(data: bytes) -> memoryview | None:
    """The payload of a framed file (not copied), or None when its first line or its
    CRC-32 is wrong."""
    newline = data.find(b"\n", 0, len(_MAGIC) + 10)
    payload = memoryview(data)[newline + 1 :]
    if newline < 0 or data[:newline] != b"%s %08x" % (_MAGIC, zlib.crc32(payload)):
        return None
    return payload


def _load_framed(path: Path) -> dict[Any, Any] | None:
    """The dict a framed cache file holds, or None when it is missing, damaged or of
    another source (the CRC-32 stands for a check of every entry: the file was written
    whole from checked entries, and a changed byte changes the CRC)."""
    try:
        payload = _unframed(path.read_bytes())
        data = marshal.loads(payload) if payload is not None else None
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not isinstance(data, dict) or data.get("source") != _source():
        return None
    return data


def _read(path: Path) -> _Store | None:
    """The entries of a cache file, or None when it is missing or not one of this layout."""
    data = _load_framed(path)
    if data is None:
        return None
    groups, total = data.get("groups"), data.get("total")
    if not isinstance(groups, dict) or type(total) is not int:
        return None
    return _Store(groups, total, data["source"])


def _write(path: Path, data: dict[str, Any]) -> None:
    """Write a cache file whole or not at all (a temporary file, then a rename)."""
    framed = _framed(marshal.dumps({"source": _source(), **data}))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".jieba-")
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(framed)
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
            _write(path, {"groups": groups, "total": words.total})
    return tokenizer


# ---------------------------------------------------------------- added words


def _words_path(words: Sequence[tuple[str, str]]) -> Path | None:
    """The cache file of what adding ``words`` to a fresh tokenizer does, or None."""
    folder = cache_dir()
    if folder is None:
        return None
    listed = "\n".join(f"{word}\t{tag}" for word, tag in words)
    digest = hashlib.sha256(f"{_source()}\n{listed}".encode()).hexdigest()[:16]
    return folder / f"jieba-words-{digest}.marshal"


def _fresh_from_store(tokenizer: Any) -> Frequencies | None:
    """The entries of a tokenizer of :func:`pos_tokenizer` read from a cache file and
    not added to yet, or None."""
    inner = tokenizer.tokenizer
    frequencies = inner.FREQ
    if not isinstance(frequencies, Frequencies) or frequencies._added:
        return None
    if inner.user_word_tag_tab or inner.total != frequencies._store.total:
        return None
    return frequencies


def _saved_additions(path: Path, words: Sequence[tuple[str, str]]) -> dict[str, Any] | None:
    """What adding ``words`` did, as the cache file at ``path`` keeps it, or None."""
    data = _load_framed(path)
    if data is None or data.get("words") != [list(pair) for pair in words]:
        return None  # not written for these words (a clash of the 16-digit name)
    added, total, tags = data.get("added"), data.get("total"), data.get("tags")
    if not isinstance(added, dict) or type(total) is not int or not isinstance(tags, dict):
        return None
    return data


def add_words(tokenizer: Any, words: Sequence[tuple[str, str]]) -> None:
    """Add ``words`` (each a word and its tag) to ``tokenizer``, as jieba's
    ``add_word(word, tag=tag)`` adds them one after the other.

    jieba gives each added word a frequency from a cut of the word over the dictionary
    (``suggest_freq``): hundreds of words take tens of milliseconds. For a tokenizer of
    :func:`pos_tokenizer` read from the cache file, what the words change (the entries
    added, the total and the tags) is kept in a cache file of its own, named for the
    words and jieba's dictionary, and read back in the next process.

    >>> tokenizer = pos_tokenizer()
    >>> add_words(tokenizer, [("东西部扶贫协作办", "nt")])
    >>> [(pair.word, pair.flag) for pair in tokenizer.cut("东西部扶贫协作办")]
    [('东西部扶贫协作办', 'nt')]
    """
    frequencies = _fresh_from_store(tokenizer)
    path = _words_path(words) if frequencies is not None else None
    saved = _saved_additions(path, words) if path is not None else None
    inner = tokenizer.tokenizer
    if frequencies is not None and saved is not None:
        frequencies._added.update(saved["added"])
        inner.total = saved["total"]
        inner.user_word_tag_tab.update(saved["tags"])
        return
    for word, tag in words:
        tokenizer.add_word(word, tag=tag)
    if frequencies is not None and path is not None and all(inner.FREQ[w] for w, _ in words):
        # (a word given a frequency of 0 is also split by force in jieba's global HMM
        # cutter: not a change a file could give back, so none is written then)
        additions = {"added": dict(frequencies._added), "total": inner.total}
        tags = dict(inner.user_word_tag_tab)
        _write(path, {"words": [list(pair) for pair in words], **additions, "tags": tags})
