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

A file is named for what it was built from (this layout, jieba's folder, and the size
and time of each of jieba's files it is read from, found without importing jieba): when
jieba or its dictionary changes, a new file is built (an old one may be deleted). Its
first line holds the magic words, the CRC-32 of the rest (a damaged file is told at
once) and the length of a marshalled index; the groups' strings follow one after the
other, and the file is mapped into memory, so that a group is read from it only when it
is opened (:class:`_Store`). A file that cannot be read or written is no error: the
entries are then read from jieba itself, as they would be without this module.

Words added to such a tokenizer by :func:`add_words` (the name check adds the titles
and bodies of its vocabulary) are kept the same way: what adding them changes is
written to a small file named for the words, and read back in the next process.
jieba's model of unknown words (``jieba.posseg``'s four tables) is kept in a third
file. With the three files, :func:`load_cutter` gives a
:class:`~povertytext.word_cut.WordCutter`, which cuts as jieba does without importing
jieba (importing ``jieba.posseg`` alone reads all 350,000 tags for its global
tokenizer); else it gives jieba's own tokenizer, and writes the files.

The folder is ``$POVERTYTEXT_CACHE_DIR`` when set (set and empty: no file is written
or read), else ``%LOCALAPPDATA%\\povertytext`` on Windows, or
``$XDG_CACHE_HOME/povertytext`` (by default ``~/.cache/povertytext``).
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import marshal
import mmap
import os
import sys
import tempfile
import threading
import zlib
from collections.abc import Iterator, MutableMapping, Sequence
from pathlib import Path
from typing import Any, Generic, TypeVar

from .word_cut import Cutter, HiddenMarkovModel, WordCutter

__all__ = [
    "Frequencies",
    "Tags",
    "add_words",
    "cache_dir",
    "cache_path",
    "hidden_markov_model",
    "load_cutter",
    "pos_tokenizer",
]

_FORMAT = 4  # the layout of the cache files; a file of another layout is built again
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

    The groups stay in the file, mapped into memory from ``base`` on (the mapping lives
    as long as the process): ``firsts`` holds the first character of each group in the
    file's order, and ``ends`` where each of its three strings ends (a group's words,
    frequencies and tags, one after the other; counted from ``base``). A group's dicts
    hold only strings and numbers, so that opening groups gives the garbage collector no
    objects to track.
    """

    def __init__(
        self, blob: bytes | mmap.mmap, base: int, firsts: str, ends: tuple[int, ...], total: int
    ):
        self.blob = blob
        self.base = base
        self.total = total
        self._index = dict(zip(firsts, range(0, 3 * len(firsts), 3), strict=True))
        self._ends = ends
        self._frequencies: dict[str, dict[str, int]] = {}
        self._tags: dict[str, dict[str, str]] = {}

    def firsts(self) -> Iterator[str]:
        """The first characters of the groups, in the file's order."""
        return iter(self._index)

    def frequencies(self, first: str) -> dict[str, int]:
        """The words of the group of ``first`` with their frequency."""
        found = self._frequencies.get(first)
        return self._open(first)[0] if found is None else found

    def tags(self, first: str) -> dict[str, str]:
        """The words of the group of ``first`` with their tag (a word start: ``""``)."""
        found = self._tags.get(first)
        return self._open(first)[1] if found is None else found

    def _open(self, first: str) -> tuple[dict[str, int], dict[str, str]]:
        at = self._index.get(first)
        if at is None:
            return {}, {}  # no word starts with it (not kept: no memo of every character)
        start = self.base + (self._ends[at - 1] if at else 0)
        words_end, counts_end, tags_end = (self.base + end for end in self._ends[at : at + 3])
        listed = self.blob[start:words_end].decode().split("\n")
        counts = self.blob[words_end:counts_end].split(b" ")
        tags = self.blob[counts_end:tags_end].decode().split(" ")  # a word start: ""
        frequencies = dict(zip(listed, map(int, counts), strict=True))
        found = dict(zip(listed, tags, strict=True))
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
        for first in self._store.firsts():
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


# jieba's files that the entries and the model are read from (jieba's DEFAULT_DICT_NAME
# is dict.txt); a cache file is named for their sizes and times
_JIEBA_FILES = (
    "__init__.py",
    "dict.txt",
    "posseg/__init__.py",
    "posseg/char_state_tab.py",
    "posseg/prob_start.py",
    "posseg/prob_trans.py",
    "posseg/prob_emit.py",
)


def _jieba_folder() -> Path:
    """The folder of the installed jieba, found without importing it."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("No module named 'jieba'", name="jieba")
    return Path(spec.origin).parent


def _source() -> str:
    """What the cache files are built from: this layout, jieba's folder, and the size and
    time of each of jieba's files that the entries and the model are read from."""
    folder = _jieba_folder()
    stats = []
    for name in _JIEBA_FILES:
        try:
            stat = (folder / name).stat()
        except OSError:
            stats.append(f"{name} -")
            continue
        stats.append(f"{name} {stat.st_size} {stat.st_mtime_ns}")
    return f"{_FORMAT} jieba {folder} " + " ".join(stats)


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


def _laid_out(groups: Groups) -> tuple[str, tuple[int, ...], bytes]:
    """The groups as the file keeps them: their first characters, where each of their
    strings ends, and the strings one after the other (see :class:`_Store`)."""
    ends: list[int] = []
    end = 0
    for strings in groups.values():
        for string in strings:
            end += len(string)
            ends.append(end)
    blob = b"".join(string for strings in groups.values() for string in strings)
    return "".join(groups), tuple(ends), blob


def _framed(data: dict[str, Any], blob: bytes = b"") -> bytes:
    """A cache file: a first line (the magic words, the CRC-32 of what follows it and the
    length of the marshalled ``data``), ``data`` marshalled, then ``blob``."""
    payload = marshal.dumps({"source": _source(), **data})
    rest = payload + blob
    return b"%s %08x %d\n%s" % (_MAGIC, zlib.crc32(rest), len(payload), rest)


def _mapped(path: Path) -> mmap.mmap | None:
    """The file at ``path`` mapped into memory to be read, or None when it cannot be."""
    try:
        with path.open("rb") as file:
            return mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):  # missing, unreadable, or empty
        return None


def _unframed(data: bytes | mmap.mmap) -> tuple[dict[Any, Any], int] | None:
    """The marshalled dict of a cache file and where its blob starts, or None when the
    first line, the CRC-32 (a check of every entry: the file was written whole from
    checked entries, and a changed byte changes the CRC) or the dict is wrong, or the
    dict is of another source."""
    newline = data.find(b"\n", 0, len(_MAGIC) + 40)
    if newline < 0:
        return None
    head = bytes(data[:newline]).split(b" ")
    if len(head) != 3 or head[0] != _MAGIC or not head[2].isdigit():
        return None
    with memoryview(data) as view, view[newline + 1 :] as rest:
        if head[1] != b"%08x" % zlib.crc32(rest):
            return None
    length = head[2]
    start = newline + 1 + int(length)
    try:
        read = marshal.loads(data[newline + 1 : start])
    except (EOFError, ValueError, TypeError):
        return None
    if not isinstance(read, dict) or read.get("source") != _source():
        return None
    return read, start


def _load_framed(path: Path) -> dict[Any, Any] | None:
    """The marshalled dict of the cache file at ``path``, or None (see :func:`_unframed`)."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    read = _unframed(data)
    return None if read is None else read[0]


def _read(path: Path) -> _Store | None:
    """The entries of a cache file, or None when it is missing or not one of this layout."""
    mapped = _mapped(path)
    read = _unframed(mapped) if mapped is not None else None
    if mapped is None or read is None:
        return None
    data, start = read
    firsts, ends, total = data.get("firsts"), data.get("ends"), data.get("total")
    if not isinstance(firsts, str) or not isinstance(ends, tuple) or type(total) is not int:
        return None
    if len(ends) != 3 * len(firsts) or (ends and ends[-1] != len(mapped) - start):
        return None
    return _Store(mapped, start, firsts, ends, total)


def _write(path: Path, data: dict[str, Any], blob: bytes = b"") -> None:
    """Write a cache file whole or not at all (a temporary file, then a rename)."""
    framed = _framed(data, blob)
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
            firsts, ends, blob = _laid_out(groups)
            _write(path, {"firsts": firsts, "ends": ends, "total": words.total}, blob)
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


# ---------------------------------------------------------------- the model of unknown words

_TABLES = ("states_of", "start", "trans", "emit")  # jieba.posseg's four tables, in this order
_MODELS: dict[Path | None, HiddenMarkovModel] = {}  # each model file read, once per process


def _model_path() -> Path | None:
    """The cache file of jieba's model of unknown words, or None when the cache is off."""
    folder = cache_dir()
    if folder is None:
        return None
    digest = hashlib.sha256(f"{_source()}\nmodel".encode()).hexdigest()[:16]
    return folder / f"jieba-model-{digest}.marshal"


def _read_model(path: Path) -> HiddenMarkovModel | None:
    """The model kept in the cache file at ``path``, or None (see :func:`_unframed`)."""
    data = _load_framed(path)
    if data is None or not all(isinstance(data.get(name), dict) for name in _TABLES):
        return None
    return HiddenMarkovModel(*(data[name] for name in _TABLES))


def _jiebas_model(path: Path | None) -> HiddenMarkovModel:
    """jieba's own tables (``jieba.posseg`` is imported), written to ``path`` when given."""
    import jieba.posseg

    tables = (
        jieba.posseg.char_state_tab_P,
        jieba.posseg.start_P,
        jieba.posseg.trans_P,
        jieba.posseg.emit_P,
    )
    if path is not None:
        _write(path, dict(zip(_TABLES, tables, strict=True)))
    return HiddenMarkovModel(*tables)


def hidden_markov_model() -> HiddenMarkovModel:
    """jieba's model of unknown words (``jieba.posseg``'s tables), from its cache file,
    else from jieba itself (and written to the file for the next process).

    >>> model = hidden_markov_model()
    >>> [tag for _, tag in model.cut("刘永富")]
    ['nr']
    """
    path = _model_path()
    with _LOCK:
        if path not in _MODELS:
            read = _read_model(path) if path is not None else None
            _MODELS[path] = read if read is not None else _jiebas_model(path)
        return _MODELS[path]


# ---------------------------------------------------------------- a cutter


class _JiebaCutter:
    """jieba's own part-of-speech tokenizer behind the :class:`~povertytext.word_cut.Cutter`
    interface."""

    def __init__(self, tokenizer: Any):
        self.tokenizer = tokenizer

    def cut(self, text: str) -> list[tuple[str, str]]:
        return [(pair.word, pair.flag) for pair in self.tokenizer.cut(text)]

    def frequency(self, word: str) -> int:
        return int(self.tokenizer.tokenizer.FREQ.get(word) or 0)


def load_cutter(words: Sequence[tuple[str, str]]) -> Cutter:
    """A cutter of jieba's default dictionary with ``words`` (each a word and its tag)
    added, as :func:`add_words` adds them to a :func:`pos_tokenizer`: the same cuts.

    When the cache files of the dictionary and of these words can be read, it is a
    :class:`~povertytext.word_cut.WordCutter` and jieba is not imported (the model of
    unknown words is read from its own cache file when a window first needs it). Else
    it is jieba's own tokenizer, and the files are written for the next process.

    >>> cutter = load_cutter([("东西部扶贫协作办", "nt")])
    >>> cutter.cut("东西部扶贫协作办刘永富主任")
    [('东西部扶贫协作办', 'nt'), ('刘永富', 'nr'), ('主任', 'b')]
    >>> cutter.frequency("扶贫") > 0
    True
    """
    cached = _cutter_from_cache(words)
    if cached is not None:
        return cached
    tokenizer = pos_tokenizer()
    if _fresh_from_store(tokenizer) is None and _store_written():
        tokenizer = pos_tokenizer()  # from the file just written: the words' file is written too
    add_words(tokenizer, words)
    model = _model_path()
    if model is not None and not model.exists():
        _jiebas_model(model)  # jieba.posseg is imported now: its tables for the next process
    return _JiebaCutter(tokenizer)


def _store_written() -> bool:
    """Tell whether the dictionary's cache file can be read now."""
    path = cache_path()
    return path is not None and _store(path) is not None


def _cutter_from_cache(words: Sequence[tuple[str, str]]) -> WordCutter | None:
    """A :class:`~povertytext.word_cut.WordCutter` of the cache files of the dictionary
    and of ``words``, or None when one of them cannot be read."""
    path = cache_path()
    entries = _store(path) if path is not None else None
    added = _words_path(words) if entries is not None else None
    saved = _saved_additions(added, words) if added is not None else None
    if entries is None or saved is None:
        return None
    frequencies = Frequencies(entries)
    frequencies._added.update(saved["added"])
    tags = Tags(entries)
    tags._added.update(saved["tags"])
    return WordCutter(frequencies, saved["total"], tags, hidden_markov_model)
