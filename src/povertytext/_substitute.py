"""One-for-one character substitution in one regex pass over the characters that change.

``str.translate`` looks every character of a Chinese text up in its table (about
50 ms per million characters); :class:`Substitution` finds only the characters
that change, with one compiled character class, and replaces them where they are.
The result is ``text.translate(table)`` for any text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

__all__ = ["Substitution"]


class Substitution:
    """``text.translate(table)`` for a table of one character each, computed faster.

    >>> Substitution({ord("，"): ",", ord("萬"): "万"})("一萬，二")
    '一万,二'
    """

    __slots__ = ("_changes", "_pattern")

    def __init__(self, table: Mapping[int, str]) -> None:
        self._changes = {chr(code): new for code, new in table.items() if chr(code) != new}
        if any(len(new) != 1 for new in self._changes.values()):
            raise ValueError("a substitution maps one character to one character")
        chars = "".join(re.escape(char) for char in sorted(self._changes))
        self._pattern = re.compile(f"[{chars}]") if chars else None

    def __call__(self, text: str) -> str:
        """Return ``text`` with every character of the table replaced."""
        if self._pattern is None:
            return text
        return self._pattern.sub(self._replace, text)

    def _replace(self, match: re.Match[str]) -> str:
        return self._changes[match.group()]

    def sources(self) -> frozenset[str]:
        """The characters that the table changes."""
        return frozenset(self._changes)

    def changes(self, text: str) -> bool:
        """Tell whether ``text`` holds a character that the table changes."""
        return self._pattern is not None and self._pattern.search(text) is not None
