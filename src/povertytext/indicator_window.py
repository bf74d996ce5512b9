"""The window of the indicator reader: a document body with what was found in it.

First stage of :func:`povertytext.find_indicators`: :func:`build_window` indexes the
quantities, dates, places (region mentions) and assistance pairs of one body, and its
sentence and clause breaks, for lookups by offset; :meth:`Window.cut` gives jieba's
words of a stretch (cached per window). The subjects (:mod:`povertytext.indicator_subjects`)
and the metric, region, date and scope (:mod:`povertytext.indicators`) read through it.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from ._text import CLAUSE_BREAKS as _CLAUSE_BREAK_CHARS
from ._text import LINE_OR_SENTENCE_ENDS, char_class
from .models import (
    AssistancePair,
    DateMention,
    Quantity,
    Region,
    RegionMention,
    validated_copy,
)
from .names import cut
from .regions import extract_regions

__all__ = ["CLAUSE_BREAKS", "Place", "Token", "Tokens", "Window", "build_window"]

_SENTENCE_BREAKS = frozenset(LINE_OR_SENTENCE_ENDS)
CLAUSE_BREAKS = frozenset(_CLAUSE_BREAK_CHARS)
# Every sentence break breaks a clause too: a clause lies inside its sentence, and
# :meth:`Window.clause` reads the clause breaks of that sentence only.
_SENTENCE_BREAK = re.compile(char_class(_SENTENCE_BREAKS))
_CLAUSE_BREAK = re.compile(char_class(CLAUSE_BREAKS))


@dataclass(frozen=True, slots=True)
class Place:
    """A region mention of the window that names one unit."""

    start: int
    end: int
    region: Region


class Token(NamedTuple):
    """One of jieba's words: its span and its part-of-speech tag (a named tuple: a window's
    words are made by the hundred, and a tuple is made faster than a frozen dataclass)."""

    start: int
    end: int
    tag: str


class Tokens:
    """jieba's words of ``text[lo:hi]``, by where they start and by where they end.

    The stretch is cut on first use of :attr:`by_start` or :attr:`by_end`: a reader that
    decides from the tables alone never cuts it, and jieba is not loaded for it.
    """

    __slots__ = ("_by_end", "_by_start", "_hi", "_lo", "_text")

    def __init__(self, text: str, lo: int, hi: int) -> None:
        self._text, self._lo, self._hi = text, lo, hi
        self._by_start: dict[int, Token] | None = None
        self._by_end: dict[int, Token] = {}

    @property
    def by_start(self) -> dict[int, Token]:
        """The words by where they start (cut on first use)."""
        if self._by_start is None:
            self._by_start = self._cut()
        return self._by_start

    @property
    def by_end(self) -> dict[int, Token]:
        """The words by where they end (cut on first use)."""
        if self._by_start is None:
            self._by_start = self._cut()
        return self._by_end

    def _cut(self) -> dict[int, Token]:
        """jieba's words of the stretch, in offsets into the text; fills ``_by_end`` too."""
        by_start: dict[int, Token] = {}
        pos, lo, hi = self._lo, self._lo, self._hi
        for word, tag in cut(self._text[lo:hi]) if lo < hi else ():
            token = Token(pos, pos + len(word), tag)
            by_start[token.start] = self._by_end[token.end] = token
            pos = token.end
        return by_start


@dataclass
class Window:
    """A document body with what was found in it, indexed for lookups by offset."""

    text: str
    start: int
    end: int
    quantities: list[Quantity]
    dates: list[DateMention]
    places: list[Place]
    pairs: list[AssistancePair]
    sentence_breaks: list[int]
    quantity_starts: list[int]
    quantity_ends: dict[int, int]  # end → start
    date_ends: dict[int, int]
    date_starts: set[int]
    date_start_list: list[int]
    place_ends: dict[int, Place]
    place_starts: dict[int, Place]
    place_end_list: list[int]
    tokens: dict[tuple[int, int], Tokens] = field(default_factory=dict)
    cumulative_words: dict[int, re.Match[str] | None] = field(default_factory=dict)
    group_units: dict[tuple[int, int], Region | None] = field(default_factory=dict, init=False)
    pair_starts: list[int] = field(default_factory=list)
    place_start_list: list[int] = field(default_factory=list, init=False)
    helped_places: dict[int, list[int]] = field(default_factory=dict, init=False)
    date_end_list: list[int] = field(default_factory=list, init=False)
    dates_disjoint: bool = field(default=False, init=False)
    _clauses: dict[int, tuple[int, int]] = field(default_factory=dict, init=False)
    _clause_breaks: dict[int, list[int]] = field(default_factory=dict, init=False)
    _sentences: dict[int, tuple[int, int]] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        self.pair_starts = [p.start for p in self.pairs]
        self.place_start_list = [p.start for p in self.places]
        self.date_end_list = [d.end for d in self.dates]
        self.dates_disjoint = _disjoint(self.dates)

    def cut(self, lo: int, hi: int) -> Tokens:
        """jieba's words of ``text[lo:hi]``, indexed by where they start and end (cached; cut
        on first lookup)."""
        found = self.tokens.get((lo, hi))
        if found is None:
            found = self.tokens[(lo, hi)] = Tokens(self.text, lo, hi)
        return found

    def clause(self, i: int) -> tuple[int, int]:
        """The clause around offset ``i``: from after a clause break through the next (kept).

        Its sentence's ends are clause breaks too, so the clause is found among the
        clause breaks of the sentence (:meth:`sentence`), read once per sentence: the
        clause breaks of a long body with few quantities are mostly never read."""
        found = self._clauses.get(i)
        if found is None:
            lo, hi = self.sentence(i)
            found = self._clauses[i] = _bounds(i, self._clause_breaks_of(lo, hi), lo, hi)
        return found

    def _clause_breaks_of(self, lo: int, hi: int) -> list[int]:
        """The offsets of the clause breaks of the sentence ``text[lo:hi]``, rising (kept)."""
        found = self._clause_breaks.get(lo)
        if found is None:
            found = self._clause_breaks[lo] = [
                m.start() for m in _CLAUSE_BREAK.finditer(self.text, lo, hi)
            ]
        return found

    def sentence(self, i: int) -> tuple[int, int]:
        """The sentence around offset ``i``: from after a sentence break through the next (kept)."""
        found = self._sentences.get(i)
        if found is None:
            found = self._sentences[i] = _bounds(i, self.sentence_breaks, self.start, self.end)
        return found

    def next_quantity_start(self, i: int) -> int:
        """Where the first quantity starting at or after ``i`` starts (the end if none)."""
        k = bisect.bisect_left(self.quantity_starts, i)
        return self.quantity_starts[k] if k < len(self.quantity_starts) else self.end


def _bounds(i: int, breaks: list[int], lo: int, hi: int) -> tuple[int, int]:
    """The stretch of ``[lo, hi)`` around offset ``i`` that ``breaks`` (rising offsets in
    it) cut: from after the last break before ``i`` through the first at or after it."""
    k = bisect.bisect_left(breaks, i)
    start = breaks[k - 1] + 1 if k > 0 else lo
    end = breaks[k] + 1 if k < len(breaks) else hi
    return max(start, lo), min(end, hi)


def _disjoint(dates: Sequence[DateMention]) -> bool:
    """True when every date is non-empty and ends at or before the next one starts: their
    starts and their ends then both rise strictly, and a lookup by either is a bisection."""
    if any(d.start >= d.end for d in dates):
        return False
    return all(a.end <= b.start for a, b in itertools.pairwise(dates))


def build_window(
    text: str,
    start: int,
    end: int,
    quantities: Sequence[Quantity],
    dates: Sequence[DateMention],
    pairs: Sequence[AssistancePair],
    regions: Sequence[RegionMention] | None,
) -> Window:
    """The window of ``text[start:end]`` with its quantities, dates and pairs (in order).

    ``regions`` are the place mentions of the whole text (None: read from the window).
    """
    if regions is None:
        regions = [
            validated_copy(m, {"start": m.start + start, "end": m.end + start})
            for m in extract_regions(text[start:end])
        ]
    places = [
        Place(m.start, m.end, m.region)
        for m in sorted(regions, key=lambda m: m.start)
        if m.region is not None and start <= m.start and m.end <= end
    ]
    sentence_breaks = [m.start() for m in _SENTENCE_BREAK.finditer(text, start, end)]
    return Window(
        text=text,
        start=start,
        end=end,
        quantities=list(quantities),
        dates=list(dates),
        places=places,
        pairs=sorted(pairs, key=lambda p: p.start),
        sentence_breaks=sentence_breaks,
        quantity_starts=[q.start for q in quantities],
        quantity_ends={q.end: q.start for q in quantities},
        date_ends={d.end: d.start for d in dates},
        date_starts={d.start for d in dates},
        date_start_list=[d.start for d in dates],
        place_ends={p.end: p for p in places},
        place_starts={p.start: p for p in places},
        place_end_list=[p.end for p in places],
    )
