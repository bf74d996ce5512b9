"""Character classes that many modules read: Han characters, sentence and clause breaks,
digits and the level characters of region names.

Each class is a string of its characters, to test one character (``ch in SENTENCE_ENDS``),
to make a set (``frozenset(CLAUSE_BREAKS)``) or to put inside a regex class
(``f"[{SENTENCE_ENDS}]"``: none of them holds ``]``, ``\\``, ``^`` or ``-``).
:data:`HAN` and :data:`UNIFIED_HAN` are the bodies of regex classes (code point ranges);
:func:`is_han` tests one character. The Chinese digits are facts of
``data/numeral_values.csv`` and are read from it (:func:`chinese_digits`).
:func:`char_class` makes a regex class of characters, :func:`longest_word_pattern` the
regex of a word list read longest first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from ._data import loader, read_table

__all__ = [
    "ASCII_DIGITS",
    "CLAUSE_BREAKS",
    "CLAUSE_ENDS",
    "HAN",
    "LEVELS",
    "LEVELS_BELOW_COUNTY",
    "LINE_OR_SENTENCE_ENDS",
    "SENTENCE_BREAKS",
    "SENTENCE_ENDS",
    "SENTENCE_ENDS_FULL_WIDTH",
    "SENTENCE_ENDS_OR_SEMICOLON",
    "UNIFIED_HAN",
    "char_class",
    "chinese_digits",
    "is_han",
    "is_unified_han",
    "longest_word_pattern",
]

# Han characters: CJK Unified Ideographs Extension A (U+3400–U+4DBF) and the Unified
# Ideographs block (U+4E00–U+9FFF), as a regex class body. The Yijing hexagram symbols
# between them (U+4DC0–U+4DFF) are no ideographs.
HAN = "\u3400-\u4dbf\u4e00-\u9fff"
# The Unified Ideographs block alone, for a rule that needs everyday characters only
# (the mis-decoding check of readers: extension A is frequent in mis-decoded bytes).
UNIFIED_HAN = "\u4e00-\u9fff"

# Sentence ends: full stop, exclamation and question marks, full width only ...
SENTENCE_ENDS_FULL_WIDTH = "。！？"
# ... and in either width.
SENTENCE_ENDS = SENTENCE_ENDS_FULL_WIDTH + "!?"
# A sentence end or a semicolon (both widths): where a list or a byline stops.
SENTENCE_ENDS_OR_SEMICOLON = SENTENCE_ENDS + "；;"
# A sentence end or a line break (a semicolon does not end the sentence).
LINE_OR_SENTENCE_ENDS = SENTENCE_ENDS + "\n"
# A sentence end, a semicolon or a line break: the breaks a sentence-wide rule stops at.
SENTENCE_BREAKS = SENTENCE_ENDS_OR_SEMICOLON + "\n"
# A comma, a semicolon or a sentence end (both widths), no colon and no line break.
CLAUSE_ENDS = "，," + SENTENCE_ENDS_OR_SEMICOLON
# Every break of a clause: a sentence break, a comma or a colon (both widths).
CLAUSE_BREAKS = SENTENCE_BREAKS + "，,：:"

ASCII_DIGITS = "0123456789"

# The level characters that end a region name or a post (广东省, 茂名市委, 县长) ...
LEVELS = "省市县区州旗盟"
# ... and those of the units below a county, which no post of this library names alone.
LEVELS_BELOW_COUNTY = "镇乡村"


def is_han(ch: str) -> bool:
    """Whether ``ch`` (one character) is a Han character of :data:`HAN`."""
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def is_unified_han(ch: str) -> bool:
    """Whether ``ch`` (one character) is in the Unified Ideographs block (:data:`UNIFIED_HAN`)."""
    return "\u4e00" <= ch <= "\u9fff"


@loader
def chinese_digits() -> str:
    """The simplified digits 零 to 九, one per value in order (两 is a second 2, left out).

    >>> chinese_digits()
    '零一二三四五六七八九'
    """
    digits: dict[int, str] = {}
    for row in read_table("numeral_values.csv"):
        if row["role"] == "digit":
            digits.setdefault(int(row["value"]), row["char"])
    return "".join(digits[value] for value in sorted(digits))


def char_class(chars: Iterable[str]) -> str:
    """A regex character class of ``chars`` (escaped, in code point order).

    >>> char_class("。！，")
    '[。！，]'
    """
    return "[" + re.escape("".join(sorted(set(chars)))) + "]"


def longest_word_pattern(words: Iterable[str]) -> str:
    """A regex matching, at a place, the longest of ``words`` written there: what the
    alternation of the words (escaped, longest first) matches.

    The words are laid out as a tree of their characters, one branch per next character
    and the word ending there after the longer ones, so that the engine follows the one
    branch of the character it reads instead of trying every word in turn.

    >>> longest_word_pattern(["主任", "副主任", "主任科员", "局长"])
    '(?:主任(?:科员|)|副主任|局长)'
    """
    tree: dict[str, dict[str, Any]] = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _branches(tree)


def _branches(node: dict[str, dict[str, Any]]) -> str:
    """The alternation of the words below ``node`` (its key ``""`` ends a word there)."""
    branches = [re.escape(ch) + _branches(child) for ch, child in sorted(node.items()) if ch]
    if "" in node:
        branches.append("")  # the word ending here, after every longer one
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
