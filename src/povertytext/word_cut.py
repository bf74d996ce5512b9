"""jieba's part-of-speech cut, run on the cache files, without importing jieba.

The name check and the indicator stage cut short windows with a private copy of
jieba's part-of-speech tokenizer (``jieba.posseg.POSTokenizer``). Importing
``jieba.posseg`` costs about 0.3 s in every new process: jieba imports setuptools'
``pkg_resources``, and ``jieba.posseg`` reads the 350,000 tags of jieba's dictionary
for its own global tokenizer, although a window looks up a few dozen.

:class:`WordCutter` cuts as ``POSTokenizer.cut`` does, step by step:

1. the text is split into runs of the characters jieba reads as words (Han, Latin
   letters, digits, ``+#&._``); any other character is a word of its own, tagged ``x``
   (CR LF is one);
2. in a run, every word of the dictionary that starts at a character is a way on
   (a directed acyclic graph), and the route of the highest product of the words'
   frequencies (their sum of logarithms) is taken from the end backwards;
3. the words of the route are tagged from the dictionary; a stretch of single
   characters that is no word of the dictionary is cut by jieba's hidden Markov model,
   whose states are a place in a word (B, M, E, S) with a tag, decoded by Viterbi
   (digits and Latin letters in it are words tagged ``m`` and ``eng``).

The entries and the model's four tables are jieba's own, given by
:func:`povertytext.jieba_dictionary.load_cutter` from its cache files (where one is
missing, jieba itself is loaded, as before); ``tests/test_word_cut.py`` compares the
cuts with jieba's own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from math import inf, log
from typing import Protocol

__all__ = ["Cutter", "HiddenMarkovModel", "WordCutter"]

# jieba's model gives an unseen emission this log-probability, an impossible move -inf
# (scores of jieba's model, floats as in jieba; never values of results)
_UNSEEN = -3.14e100
_IMPOSSIBLE = -inf

# the characters jieba reads as part of a word (posseg's ``re_han_internal``), and what
# splits the other characters (``re_skip_internal``)
_WORD_RUN = re.compile("([\u4e00-\u9fd5a-zA-Z0-9+#&._]+)")
_SPACE = re.compile(r"(\r\n|\s)")
# in a stretch the model cuts: Han runs, and numbers and Latin words between them
_HAN_RUN = re.compile("([\u4e00-\u9fd5]+)")
_NOT_HAN = re.compile(r"([.0-9]+|[a-zA-Z0-9]+)")
_NUMBER = re.compile(r"[.0-9]+")
_LATIN = re.compile("[a-zA-Z0-9]+")

State = tuple[str, str]  # a place in a word (B, M, E or S) and a tag


class Cutter(Protocol):
    """What cuts a window into words with their tags."""

    def cut(self, text: str) -> list[tuple[str, str]]:
        """The words of ``text`` with their tags, in order."""
        ...

    def frequency(self, word: str) -> int:
        """How often ``word`` occurs in the dictionary (0: not a word of it)."""
        ...


class HiddenMarkovModel:
    """jieba's model of unknown words: the states each character may take, the start,
    move and emission log-probabilities (``jieba.posseg``'s four tables)."""

    __slots__ = ("_all", "emit", "start", "states_of", "trans")

    def __init__(
        self,
        states_of: dict[str, tuple[State, ...]],
        start: dict[State, float],
        trans: dict[State, dict[State, float]],
        emit: dict[State, dict[str, float]],
    ):
        self.states_of = states_of
        self.start = start
        self.trans = trans
        self.emit = emit
        self._all = tuple(trans)

    def decode(self, chars: str) -> list[State]:
        """The most likely state of each character (Viterbi), as jieba decodes them."""
        start, trans, emit, everyone = self.start, self.trans, self.emit, self._all
        first = chars[0]
        column = {
            state: start[state] + emit[state].get(first, _UNSEEN)
            for state in self.states_of.get(first, everyone)
        }
        back: list[dict[State, State]] = []  # per character after the first: each state's prior
        for char in chars[1:]:
            before = [state for state in column if trans[state]]
            reachable = {after for state in before for after in trans[state]}
            here = reachable.intersection(self.states_of.get(char, everyone))
            if not here:
                here = reachable or set(everyone)
            now: dict[State, float] = {}
            came: dict[State, State] = {}
            for state in here:
                seen = emit[state].get(char, _UNSEEN)
                now[state], came[state] = max(
                    (column[prior] + trans[prior].get(state, _IMPOSSIBLE) + seen, prior)
                    for prior in before
                )
            column = now
            back.append(came)
        last = max((probability, state) for state, probability in column.items())[1]
        path = [last]
        for came in reversed(back):
            last = came[last]
            path.append(last)
        path.reverse()
        return path

    def cut(self, chars: str) -> Iterator[tuple[str, str]]:
        """The words of a Han run and their tags, by the decoded states."""
        path = self.decode(chars)
        begin = done = 0
        for index, (place, tag) in enumerate(path):
            if place == "B":
                begin = index
            elif place == "E":
                yield chars[begin : index + 1], tag
                done = index + 1
            elif place == "S":
                yield chars[index], tag
                done = index + 1
        if done < len(chars):
            yield chars[done:], path[done][1]


class WordCutter:
    """jieba's part-of-speech cut over given entries (see the module docstring).

    ``frequencies`` and ``total`` are jieba's ``Tokenizer.FREQ`` and ``total``, ``tags``
    its ``POSTokenizer.word_tag_tab`` with the added words' tags already in it, and
    ``model`` gives the hidden Markov model when first needed.
    """

    def __init__(
        self,
        frequencies: Mapping[str, int],
        total: int,
        tags: Mapping[str, str],
        model: Callable[[], HiddenMarkovModel],
    ):
        self._frequencies = frequencies
        self._log_total = log(total)
        self._tags = tags
        self._model = model

    def frequency(self, word: str) -> int:
        """How often ``word`` occurs in the dictionary (0: not a word of it)."""
        return int(self._frequencies.get(word) or 0)

    def cut(self, text: str) -> list[tuple[str, str]]:
        """The words of ``text`` with their tags, as ``POSTokenizer.cut`` gives them."""
        found: list[tuple[str, str]] = []
        for run in _WORD_RUN.split(text):
            if _WORD_RUN.match(run):
                found.extend(self._cut_run(run))
            else:
                found.extend(_other_characters(run))
        return found

    def _tag(self, word: str) -> str:
        return self._tags.get(word, "x")

    def _cut_run(self, run: str) -> Iterator[tuple[str, str]]:
        """A run of word characters: the best route's words, single characters gathered."""
        route = self._route(run)
        singles = ""
        at = 0
        while at < len(run):
            end = route[at]
            if end - at == 1:
                singles += run[at]
            else:
                if singles:
                    yield from self._cut_singles(singles)
                    singles = ""
                word = run[at:end]
                yield word, self._tag(word)
            at = end
        if singles:
            yield from self._cut_singles(singles)

    def _route(self, run: str) -> list[int]:
        """Where the best route's word starting at each character ends (jieba's ``calc``
        over its ``get_DAG``: ties go to the longer word)."""
        frequencies = self._frequencies
        ends = [_word_ends(frequencies, run, at) for at in range(len(run))]
        best: list[tuple[float, int]] = [(0.0, 0)] * (len(run) + 1)
        for at in range(len(run) - 1, -1, -1):
            best[at] = max(
                (
                    log(frequencies.get(run[at : end + 1]) or 1)
                    - self._log_total
                    + best[end + 1][0],
                    end,
                )
                for end in ends[at]
            )
        return [last + 1 for _, last in best[:-1]]

    def _cut_singles(self, singles: str) -> Iterator[tuple[str, str]]:
        """Single characters of a route: one alone, a word of the dictionary character by
        character, anything else by the model."""
        if len(singles) == 1:
            yield singles, self._tag(singles)
        elif not self._frequencies.get(singles):
            yield from self._cut_unknown(singles)
        else:
            for char in singles:
                yield char, self._tag(char)

    def _cut_unknown(self, stretch: str) -> Iterator[tuple[str, str]]:
        """A stretch of no word of the dictionary: its Han runs by the model, numbers
        (``m``), Latin words (``eng``) and anything else (``x``) between them."""
        for piece in _HAN_RUN.split(stretch):
            if _HAN_RUN.match(piece):
                yield from self._model().cut(piece)
                continue
            for part in _NOT_HAN.split(piece):
                if not part:
                    continue
                if _NUMBER.match(part):
                    yield part, "m"
                elif _LATIN.match(part):
                    yield part, "eng"
                else:
                    yield part, "x"


def _word_ends(frequencies: Mapping[str, int], run: str, at: int) -> list[int]:
    """The last index of each word of the dictionary that starts at ``at`` (jieba's DAG:
    a character that starts no word is a word of its own)."""
    ends: list[int] = []
    end = at
    value = frequencies.get(run[at])
    while value is not None and end < len(run):
        if value:
            ends.append(end)
        end += 1
        value = frequencies.get(run[at : end + 1]) if end < len(run) else None
    return ends or [at]


def _other_characters(stretch: str) -> Iterator[tuple[str, str]]:
    """Characters jieba reads as no part of a word: each a word tagged ``x``, a space or
    CR LF as one (jieba's further tests for digits and Latin letters here cannot hold:
    those are word characters)."""
    for piece in _SPACE.split(stretch):
        if _SPACE.match(piece):
            yield piece, "x"
        else:
            yield from ((char, "x") for char in piece)
