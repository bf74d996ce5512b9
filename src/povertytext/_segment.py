"""jieba's part-of-speech cut, read from jieba's own files without building its dictionary.

``jieba.posseg.POSTokenizer`` builds a 580,000-entry prefix dictionary and a 349,000-entry
tag table before its first cut (about 1.4 s and 175 MiB; importing ``jieba.posseg``
builds the tag table once more for jieba's global tokenizer). A cut of a short window
asks that dictionary a few dozen questions, so :class:`Lexicon` keeps jieba's
``dict.txt`` as one sorted list of its lines and answers them by bisection (about 0.1 s
to load; the total of its frequencies comes from ``data/jieba_dict.csv``, built by
``scripts/build_jieba_dict.py``, for a dictionary of known SHA-256).

:class:`Segmenter` is jieba 0.42.1's algorithm line for line (MIT licence): the word
graph and its best route (``Tokenizer.get_DAG``, ``calc``), the part-of-speech cut
(``POSTokenizer.cut``), its HMM for runs of unknown characters (read from jieba's
``posseg`` tables) and ``add_word`` with its suggested frequency. jieba itself is never
imported; ``tests/test_segment.py`` compares the cuts with jieba's own.
"""

from __future__ import annotations

import bisect
import hashlib
import importlib.util
import re
import sys
from collections.abc import Iterator
from math import log
from pathlib import Path
from typing import Any

from ._data import read_table

__all__ = ["Lexicon", "Segmenter", "jieba_dir", "load_segmenter"]

Pair = tuple[str, str]

# the patterns of jieba/posseg/__init__.py (POS cut) and jieba/__init__.py (plain cut)
_HAN_DETAIL = re.compile("([\u4e00-\u9fd5]+)")
_SKIP_DETAIL = re.compile(r"([\.0-9]+|[a-zA-Z0-9]+)")
_HAN_INTERNAL = re.compile(r"([\u4E00-\u9FD5a-zA-Z0-9+#&\._]+)")
_SKIP_INTERNAL = re.compile(r"(\r\n|\s)")
_ENG = re.compile("[a-zA-Z0-9]+")
_NUM = re.compile(r"[\.0-9]+")
_HAN_DEFAULT = re.compile(r"([\u4E00-\u9FD5a-zA-Z0-9+#&\._%\-]+)")
_SKIP_DEFAULT = re.compile(r"(\r\n|\s)")
_ENG_CHAR = re.compile("[a-zA-Z0-9]")
_MIN_FLOAT = -3.14e100
_MIN_INF = float("-inf")
_CACHE_LIMIT = 1 << 18  # fragments whose frequency is remembered before the memo is cleared
_HMM_TABLES = ("char_state_tab", "prob_start", "prob_trans", "prob_emit")


def jieba_dir() -> Path:
    """The folder of the installed jieba package (found, not imported)."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("No module named 'jieba'", name="jieba")
    return Path(spec.origin).parent


class Lexicon:
    """jieba's ``dict.txt`` (``word freq tag`` lines), sorted, looked up by bisection."""

    def __init__(self, path: Path) -> None:
        self._path = path
        data = path.read_bytes()
        text = data.decode("utf-8")
        self.total = _known_total(data) or _total(text)
        lines = text.split("\n")
        if lines and not lines[-1]:
            lines.pop()
        lines.sort()  # nearly sorted already: a line sorts as its word, as no word holds a space
        self._lines = lines

    def _first(self, key: str) -> int:
        """Index of the first line not below ``key``."""
        return bisect.bisect_left(self._lines, key)

    def has_prefix(self, fragment: str) -> bool:
        """Tell whether a word of the dictionary starts with ``fragment`` (or is it)."""
        index = self._first(fragment)
        return index < len(self._lines) and self._lines[index].startswith(fragment)

    def entry(self, word: str) -> tuple[int, str] | None:
        """``(frequency, tag)`` of ``word`` (its last line when listed twice), or None."""
        key = word + " "
        index = self._first(key)
        lines = self._lines
        if index >= len(lines) or not lines[index].startswith(key):
            return None
        line = lines[index]
        if index + 1 < len(lines) and lines[index + 1].startswith(key):
            line = self._last_line(key)
        _, freq, tag = line.split(" ")
        return int(freq), tag

    def _last_line(self, key: str) -> str:
        """The last line of the file for a word listed twice (jieba keeps the last one)."""
        text = "\n" + self._path.read_text(encoding="utf-8")
        start = text.rindex("\n" + key) + 1
        end = text.find("\n", start)
        return text[start : end if end >= 0 else len(text)]


def _total(text: str) -> int:
    """jieba's total of a dictionary: the frequencies of all its lines (a word twice, twice)."""
    return sum(map(int, text.split()[1::3]))


def _known_total(data: bytes) -> int | None:
    """The total of a dictionary listed in ``data/jieba_dict.csv`` (jieba's own), or None."""
    digest = hashlib.sha256(data).hexdigest()
    rows = (row for row in read_table("jieba_dict.csv") if row["sha256"] == digest)
    return next((int(row["total"]) for row in rows), None)


def _hmm_table(name: str) -> Any:
    """One table of jieba's part-of-speech HMM, jieba's own if jieba.posseg is loaded."""
    loaded = sys.modules.get("jieba.posseg")
    attributes = dict(
        zip(_HMM_TABLES, ("char_state_tab_P", "start_P", "trans_P", "emit_P"), strict=True)
    )
    if loaded is not None:
        return getattr(loaded, attributes[name])
    path = jieba_dir() / "posseg" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"povertytext._jieba_{name}", path)
    if spec is None or spec.loader is None:  # pragma: no cover - a broken jieba install
        raise ModuleNotFoundError(f"jieba's table {path} cannot be read", name="jieba")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.P


def _viterbi(obs: str, states: Any, start_p: Any, trans_p: Any, emit_p: Any) -> list[Any]:
    """jieba.posseg.viterbi.viterbi: the best (position, tag) state of each character."""
    path: list[dict[Any, Any]] = [{}]
    scores: list[dict[Any, float]] = [{}]
    all_states = trans_p.keys()
    for y in states.get(obs[0], all_states):
        scores[0][y] = start_p[y] + emit_p[y].get(obs[0], _MIN_FLOAT)
        path[0][y] = ""
    for t in range(1, len(obs)):
        scores.append({})
        path.append({})
        prev_states = [x for x in path[t - 1] if len(trans_p[x]) > 0]
        expect_next = {y for x in prev_states for y in trans_p[x]}
        obs_states = set(states.get(obs[t], all_states)) & expect_next
        if not obs_states:
            obs_states = expect_next if expect_next else set(all_states)
        for y in obs_states:
            prob, state = max(
                (
                    scores[t - 1][y0]
                    + trans_p[y0].get(y, _MIN_INF)
                    + emit_p[y].get(obs[t], _MIN_FLOAT),
                    y0,
                )
                for y0 in prev_states
            )
            scores[t][y] = prob
            path[t][y] = state
    _, state = max((scores[-1][y], y) for y in path[-1])
    route: list[Any] = [None] * len(obs)
    for i in range(len(obs) - 1, -1, -1):
        route[i] = state
        state = path[i][state]
    return route


class Segmenter:
    """A private ``jieba.posseg.POSTokenizer`` over a :class:`Lexicon`, words added on top."""

    def __init__(self, lexicon: Lexicon, hmm: tuple[Any, Any, Any, Any]) -> None:
        self._lexicon = lexicon
        self._hmm = hmm
        self.total = lexicon.total
        self._added: dict[str, int] = {}  # add_word: FREQ of added words and their new prefixes
        self._added_tags: dict[str, str] = {}
        self._memo: dict[str, int | None] = {}

    # ------------------------------------------------------------ the dictionary

    def freq(self, fragment: str) -> int | None:
        """jieba's ``FREQ.get(fragment)``: a word's frequency, 0 for a mere prefix, else None."""
        found = self._memo.get(fragment, -1)
        if found != -1:
            return found
        if fragment in self._added:
            found = self._added[fragment]
        else:
            entry = self._lexicon.entry(fragment)
            found = entry[0] if entry else (0 if self._lexicon.has_prefix(fragment) else None)
        if len(self._memo) >= _CACHE_LIMIT:
            self._memo.clear()
        self._memo[fragment] = found
        return found

    def tag(self, word: str) -> str:
        """jieba's ``word_tag_tab.get(word, 'x')``."""
        if word in self._added_tags:
            return self._added_tags[word]
        entry = self._lexicon.entry(word)
        return entry[1] if entry else "x"

    def add_word(self, word: str, tag: str) -> None:
        """jieba's ``add_word(word, tag=tag)``: its suggested frequency, its prefixes as 0."""
        freq = self._suggest_freq(word)
        self._memo.clear()
        self._added[word] = freq
        self.total += freq
        self._added_tags[word] = tag
        for size in range(1, len(word) + 1):
            if self.freq(word[:size]) is None:
                self._added[word[:size]] = 0
                self._memo.pop(word[:size], None)

    def _suggest_freq(self, word: str) -> int:
        """jieba's ``suggest_freq(word, False)``."""
        ftotal = float(self.total)
        freq: float = 1
        for seg in self._plain_cut(word):
            found = self.freq(seg)
            freq *= (1 if found is None else found) / ftotal
        own = self.freq(word)
        return max(int(freq * self.total) + 1, 1 if own is None else own)

    # ------------------------------------------------------------ word graph

    def _dag(self, sentence: str) -> list[list[int]]:
        """jieba's ``get_DAG``: where each word starting at each position ends."""
        dag = []
        size = len(sentence)
        for k in range(size):
            ends = []
            i = k
            frag = sentence[k]
            while i < size and (found := self.freq(frag)) is not None:
                if found:
                    ends.append(i)
                i += 1
                frag = sentence[k : i + 1]
            dag.append(ends or [k])
        return dag

    def _route(self, sentence: str, dag: list[list[int]]) -> list[tuple[float, int]]:
        """jieba's ``calc``: the best (log probability, word end) from each position."""
        size = len(sentence)
        route: list[tuple[float, int]] = [(0, 0)] * (size + 1)
        logtotal = log(self.total)
        for idx in range(size - 1, -1, -1):
            route[idx] = max(
                (log(self.freq(sentence[idx : x + 1]) or 1) - logtotal + route[x + 1][0], x)
                for x in dag[idx]
            )
        return route

    def _words(self, sentence: str) -> Iterator[str]:
        """The words of the best route through ``sentence``."""
        route = self._route(sentence, self._dag(sentence))
        x = 0
        while x < len(sentence):
            y = route[x][1] + 1
            yield sentence[x:y]
            x = y

    # ------------------------------------------------------------ plain cut (suggest_freq)

    def _plain_cut(self, sentence: str) -> Iterator[str]:
        """jieba's ``Tokenizer.cut(sentence, HMM=False)``."""
        for block in _HAN_DEFAULT.split(sentence):
            if not block:
                continue
            if _HAN_DEFAULT.match(block):
                yield from self._cut_no_hmm(block)
                continue
            for x in _SKIP_DEFAULT.split(block):
                if _SKIP_DEFAULT.match(x):
                    yield x
                else:
                    yield from x

    def _cut_no_hmm(self, sentence: str) -> Iterator[str]:
        """jieba's ``Tokenizer.__cut_DAG_NO_HMM``: single Latin letters and digits joined."""
        buf = ""
        for word in self._words(sentence):
            if _ENG_CHAR.match(word) and len(word) == 1:
                buf += word
                continue
            if buf:
                yield buf
                buf = ""
            yield word
        if buf:
            yield buf

    # ------------------------------------------------------------ part-of-speech cut

    def cut(self, sentence: str) -> list[Pair]:
        """jieba's ``POSTokenizer.lcut(sentence)``, as (word, tag) pairs."""
        pairs: list[Pair] = []
        for block in _HAN_INTERNAL.split(sentence):
            if _HAN_INTERNAL.match(block):
                pairs.extend(self._cut_dag(block))
            else:
                pairs.extend(_cut_other(block))
        return pairs

    def _cut_dag(self, sentence: str) -> Iterator[Pair]:
        """jieba's ``POSTokenizer.__cut_DAG``: dictionary words, runs of single characters."""
        buf = ""
        for word in self._words(sentence):
            if len(word) == 1:
                buf += word
                continue
            if buf:
                yield from self._cut_buffer(buf)
                buf = ""
            yield word, self.tag(word)
        if buf:
            yield from self._cut_buffer(buf)

    def _cut_buffer(self, buf: str) -> Iterator[Pair]:
        """A run of single characters: the HMM's words unless the run is a dictionary word."""
        if len(buf) == 1:
            yield buf, self.tag(buf)
        elif not self.freq(buf):
            yield from self._cut_detail(buf)
        else:
            for char in buf:
                yield char, self.tag(char)

    def _cut_detail(self, sentence: str) -> Iterator[Pair]:
        """jieba's ``POSTokenizer.__cut_detail``."""
        for block in _HAN_DETAIL.split(sentence):
            if _HAN_DETAIL.match(block):
                yield from self._cut_hmm(block)
                continue
            for x in _SKIP_DETAIL.split(block):
                if x:
                    yield x, "m" if _NUM.match(x) else "eng" if _ENG.match(x) else "x"

    def _cut_hmm(self, sentence: str) -> Iterator[Pair]:
        """jieba's ``POSTokenizer.__cut``: words and tags of the HMM's best states."""
        states = _viterbi(sentence, *self._hmm)
        begin = nexti = 0
        for i, char in enumerate(sentence):
            position, tag = states[i]
            if position == "B":
                begin = i
            elif position == "E":
                yield sentence[begin : i + 1], tag
                nexti = i + 1
            elif position == "S":
                yield char, tag
                nexti = i + 1
        if nexti < len(sentence):
            yield sentence[nexti:], states[nexti][1]


def _cut_other(block: str) -> Iterator[Pair]:
    """jieba's POS cut of a block of neither Han characters nor Latin letters and digits."""
    for x in _SKIP_INTERNAL.split(block):
        if _SKIP_INTERNAL.match(x):
            yield x, "x"
            continue
        for xx in x:
            yield xx, "m" if _NUM.match(xx) else "eng" if _ENG.match(x) else "x"


def load_segmenter() -> Segmenter:
    """A segmenter over the installed jieba's dictionary and HMM tables (no word added)."""
    folder = jieba_dir()
    hmm = tuple(_hmm_table(name) for name in _HMM_TABLES)
    return Segmenter(Lexicon(folder / "dict.txt"), (hmm[0], hmm[1], hmm[2], hmm[3]))
