"""Loading of the data tables shipped in ``povertytext/data``.

Tables are CSV files whose lines starting with ``#`` are comments (their source
and meaning). Each is read once, on first use, never at import time.
"""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources

__all__ = ["read_table", "read_text", "words"]


@cache
def read_text(name: str) -> str:
    """Return the text of the data file ``name`` (UTF-8)."""
    return (resources.files("povertytext") / "data" / name).read_text(encoding="utf-8")


@cache
def read_table(name: str) -> tuple[dict[str, str], ...]:
    """Return the rows of the CSV table ``name`` as dicts keyed by its header.

    >>> read_table("numeral_values.csv")[0]
    {'char': '零', 'value': '0', 'role': 'digit'}
    """
    lines = [line for line in read_text(name).splitlines() if line and not line.startswith("#")]
    return tuple(dict(row) for row in csv.DictReader(lines))


@cache
def words(name: str, role: str) -> tuple[str, ...]:
    """The ``word`` column of the rows of table ``name`` whose ``role`` is ``role``, longest first.

    >>> words("page_words.csv", "reporter_role")
    ('见习记者', '通讯员', '实习生', '记者')
    """
    found = [row["word"] for row in read_table(name) if row["role"] == role]
    return tuple(sorted(found, key=len, reverse=True))
