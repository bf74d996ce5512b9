"""Table writers of the command line: CSV, JSON Lines, JSON, Parquet and Stata.

Each writer takes the rows of one table page by page (:meth:`TableWriter.write`)
and finishes its file on :meth:`TableWriter.close`. CSV, JSON Lines and JSON
stream; Parquet writes a row group every :data:`_PARQUET_ROWS` rows with the
table's fixed schema; Stata (``.dta`` version 118) holds the rows until closed,
as a ``.dta`` file is written whole.
"""

from __future__ import annotations

import csv
import json
import os
import re
import sys
import textwrap
from collections.abc import Iterable
from decimal import Decimal
from typing import Any, Literal, Protocol, TextIO, get_args

from .tables import (
    Row,
    Table,
    columns,
    import_pyarrow,
    rows_to_arrow,
    rows_to_stata_frame,
    scalar_text,
    schema,
    stata_labels,
)

__all__ = [
    "FORMATS",
    "Format",
    "OutputError",
    "TableWriter",
    "escape_surrogates",
    "format_of",
    "open_writer",
    "write_array",
]

Format = Literal["jsonl", "json", "csv", "parquet", "dta"]
FORMATS: tuple[Format, ...] = get_args(Format)
BINARY: frozenset[Format] = frozenset({"parquet", "dta"})
"""Formats that cannot go to standard output."""

_EXTENSIONS: dict[str, Format] = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".dta": "dta",
}
_PARQUET_ROWS = 10_000  # rows per row group: memory stays flat on a large corpus
_STATA_STR_BYTES = 2045  # longest fixed-width string of a .dta 118; longer is a strL
_SURROGATE = re.compile("[\ud800-\udfff]")


class OutputError(Exception):
    """The output file cannot be written; the message names it."""


class TableWriter(Protocol):
    """Writes the rows of one table, batch by batch."""

    def write(self, rows: list[Row]) -> None: ...

    def close(self) -> None: ...


def format_of(path: str | None) -> Format | None:
    """Return the format that the file name ``path`` says (``pairs.csv``: csv), or None.

    >>> format_of("out/pairs.CSV"), format_of("edges.parquet"), format_of("notes.txt")
    ('csv', 'parquet', None)
    """
    if path is None:
        return None
    return _EXTENSIONS.get(os.path.splitext(path)[1].lower())


def extension(fmt: Format) -> str:
    """Return the file extension of ``fmt`` (``.csv``)."""
    return f".{fmt}"


def open_writer(table: Table, fmt: Format, path: str | None, *, excel: bool = False) -> TableWriter:
    """Return a writer of ``table`` in ``fmt`` to ``path`` (None: standard output).

    ``excel`` writes CSV as Excel reads it: UTF-8 with a byte-order mark, CRLF lines.

    Raises:
        OutputError: when ``path`` cannot be opened for writing.
        MissingDependencyError: for Parquet or Stata without pandas and pyarrow.
    """
    if fmt == "parquet":
        assert path is not None
        return _ParquetWriter(table, path)
    if fmt == "dta":
        assert path is not None
        return _StataWriter(table, path)
    out, owned = _open_text(path, "utf-8-sig" if excel else "utf-8")
    if fmt == "csv":
        return _CsvWriter(table, out, owned, excel=excel)
    return _JsonWriter(out, owned, array=fmt == "json")


def write_array(items: Iterable[str], out: TextIO) -> None:
    """Write JSON texts as one JSON array, one item after another (nothing held back)."""
    out.write("[")
    for index, item in enumerate(items):
        out.write(("," if index else "") + "\n" + textwrap.indent(item, "  "))
    out.write("\n]\n")


def escape_surrogates(text: str) -> str:
    r"""Return ``text`` with each lone surrogate written as a ``\uXXXX`` escape.

    A surrogate (from a file name that is not UTF-8, through :func:`os.fsdecode`)
    cannot be encoded in UTF-8; in a JSON string its escape is the same character.

    >>> escape_surrogates("a\udcffb.txt")
    'a\\udcffb.txt'
    """
    if _SURROGATE.search(text) is None:
        return text
    return _SURROGATE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def _escaped_rows(rows: list[Row]) -> list[Row]:
    """Return ``rows`` with the surrogates of their texts escaped (:func:`escape_surrogates`)."""
    return [
        {
            key: escape_surrogates(value) if isinstance(value, str) else value
            for key, value in row.items()
        }
        for row in rows
    ]


def _open_text(path: str | None, encoding: str) -> tuple[TextIO, bool]:
    """Return standard output, or ``path`` opened for writing, and whether it is ours to close.

    Raises:
        OutputError: when ``path`` cannot be opened.
    """
    if path is None:
        return sys.stdout, False
    try:
        return open(path, "w", encoding=encoding, newline=""), True
    except OSError as error:
        raise OutputError(f"cannot write {path}: {error.strerror or error}") from None


def _json_row(row: Row) -> dict[str, str | int | bool | None]:
    """Return ``row`` ready for JSON: amounts as plain decimal strings, as pydantic does."""
    return {
        key: scalar_text(value) if isinstance(value, Decimal) else value
        for key, value in row.items()
    }


class _CsvWriter:
    def __init__(self, table: Table, out: TextIO, owned: bool, *, excel: bool) -> None:
        self._out, self._owned = out, owned
        self._writer = csv.writer(out, lineterminator="\r\n" if excel else "\n")
        self._writer.writerow(columns(table))

    def write(self, rows: list[Row]) -> None:
        self._writer.writerows(
            [escape_surrogates(scalar_text(value)) for value in row.values()] for row in rows
        )

    def close(self) -> None:
        if self._owned:
            self._out.close()


class _JsonWriter:
    """JSON Lines (one row a line), or one JSON array written as the rows come."""

    def __init__(self, out: TextIO, owned: bool, *, array: bool) -> None:
        self._out, self._owned, self._array = out, owned, array
        self._count = 0
        if array:
            out.write("[")

    def write(self, rows: list[Row]) -> None:
        for row in rows:
            line = escape_surrogates(json.dumps(_json_row(row), ensure_ascii=False))
            if self._array:
                self._out.write(("," if self._count else "") + "\n" + textwrap.indent(line, "  "))
            else:
                self._out.write(line + "\n")
            self._count += 1

    def close(self) -> None:
        if self._array:
            self._out.write("\n]\n")
        if self._owned:
            self._out.close()


class _ParquetWriter:
    def __init__(self, table: Table, path: str) -> None:
        parquet = import_pyarrow("parquet")
        self._table = table
        self._pending: list[Row] = []
        try:
            self._writer: Any = parquet.ParquetWriter(path, schema(table))
        except OSError as error:
            raise OutputError(f"cannot write {path}: {error}") from None

    def write(self, rows: list[Row]) -> None:
        self._pending.extend(_escaped_rows(rows))
        if len(self._pending) >= _PARQUET_ROWS:
            self._flush()

    def _flush(self) -> None:
        if self._pending:
            self._writer.write_table(rows_to_arrow(self._pending, self._table))
            self._pending = []

    def close(self) -> None:
        self._flush()
        self._writer.close()


class _StataWriter:
    def __init__(self, table: Table, path: str) -> None:
        self._table, self._path = table, path
        self._rows: list[Row] = []
        _open_text(path, "utf-8")[0].close()  # fail now, not after parsing everything

    def write(self, rows: list[Row]) -> None:
        self._rows.extend(_escaped_rows(rows))

    def close(self) -> None:
        frame = rows_to_stata_frame(self._rows, self._table)
        long = [
            name
            for name in frame.columns
            if frame[name].dtype == object
            and frame[name].map(lambda v: len(str(v).encode("utf-8"))).max(skipna=True)
            > _STATA_STR_BYTES
        ]
        try:
            frame.to_stata(
                self._path,
                version=118,
                write_index=False,
                convert_strl=long,
                variable_labels=stata_labels(self._table),
                data_label=f"povertytext {self._table}",
            )
        except OSError as error:
            raise OutputError(f"cannot write {self._path}: {error}") from None
