"""The non-quantity lexicon: phrases whose numerals are names, slogans or words.

A quantity is dropped when one phrase of ``data/non_quantities.csv`` covers its
first character and it ends inside that phrase (十三五, 四川, 一批); a quantity
that runs past the phrase (一点五 against 一点) is kept.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from ._data import read_table
from .numerals import normalize

__all__ = ["Blocked", "blocked_spans", "phrases_by_char"]


# Kinds whose numeral characters are not numerals at all (一切, 四川, 陆地): these are
# left out even when every numeral is wanted (extract_numbers).
WORD_KINDS = frozenset({"word", "idiom", "place"})


@cache
def phrases_by_char(
    words_only: bool = False,
) -> dict[str, tuple[tuple[int, int, frozenset[str]], ...]]:
    """For each character: (offset, length, phrases) groups of the phrases holding it.

    Grouping by where the character sits and how long the phrase is turns the lookup
    into one slice and one set test per group instead of one comparison per phrase.
    """
    groups: dict[str, dict[tuple[int, int], set[str]]] = defaultdict(lambda: defaultdict(set))
    for row in read_table("non_quantities.csv"):
        if words_only and row["kind"] not in WORD_KINDS:
            continue
        phrase = normalize(row["phrase"])
        for offset, char in enumerate(phrase):
            groups[char][(offset, len(phrase))].add(phrase)
    return {
        char: tuple((place[0], place[1], frozenset(found)) for place, found in by_place.items())
        for char, by_place in groups.items()
    }


@dataclass(frozen=True, slots=True)
class Blocked:
    """Answers whether a span of normalized text lies inside a lexicon phrase."""

    text: str
    words_only: bool = False

    def covers(self, start: int, end: int) -> bool:
        """True when a phrase covers ``start`` and the span ends within that phrase."""
        if start >= len(self.text):
            return False
        for offset, length, phrases in phrases_by_char(self.words_only).get(self.text[start], ()):
            begin = start - offset
            if (
                begin >= 0
                and end <= begin + length
                and self.text[begin : begin + length] in phrases
            ):
                return True
        return False


def blocked_spans(normalized: str, *, words_only: bool = False) -> Blocked:
    """The lexicon view of ``normalized`` text (phrases are looked up lazily)."""
    return Blocked(normalized, words_only)
