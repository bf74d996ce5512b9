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
import unicodedata
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
    "excel_cell",
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
_EXCEL_CONSTANT = 255  # characters of one text constant in an Excel formula
_EXCEL_FORMULA = 8192  # characters of one Excel formula
_EXCEL_DATE_WORDS = frozenset("年月日时分秒時")  # Chinese dates Excel reads as dates
_EXCEL_VALUES = frozenset({"TRUE", "FALSE"})  # read as booleans, in any case


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

    ``excel`` writes CSV as Excel reads it: UTF-8 with a byte-order mark, CRLF lines,
    and each text cell that Excel would take for a number, a date or a formula as
    ``="…"`` (:func:`excel_cell`); numbers, offsets and booleans stay as they are.

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


def excel_cell(text: str) -> str:
    """Return the text cell ``text`` as Excel keeps it text: ``="…"`` when Excel would misread it.

    Excel converts a CSV cell that looks like a number (``4048000000.00000000001``,
    ``450000``, ``0.5%``, ``1e5``), a date or a time (``2020-12``, ``12月31日``) or a
    boolean, rounding numbers to 15 significant digits and dates to a day; a cell
    that starts with ``=``, ``+``, ``-`` or ``@`` it takes for a formula. Such a
    cell is written as a formula whose value is the text itself, quotes doubled,
    split into constants of at most 255 characters joined with ``&`` (Excel's
    limit); any other cell, and one whose formula would pass Excel's 8,192
    characters, as it is. A cell holding a Chinese character other than
    年月日时分秒 is never a number or a date.

    >>> [excel_cell(t) for t in ("450000", "2020-12", "0.5%", "128名", "CNY", "")]
    ['="450000"', '="2020-12"', '="0.5%"', '128名', 'CNY', '']
    >>> excel_cell('=HYPERLINK("x")')
    '="=HYPERLINK(""x"")"'
    """
    if not text or not _excel_misreads(text):
        return text
    constants: list[str] = []
    current: list[str] = []
    size = 0
    for char in text:
        width = 2 if char == '"' else 1
        if size + width > _EXCEL_CONSTANT:
            constants.append("".join(current))
            current, size = [], 0
        current.append(char)
        size += width
    constants.append("".join(current))
    formula = "=" + "&".join('"' + part.replace('"', '""') + '"' for part in constants)
    return formula if len(formula) <= _EXCEL_FORMULA else text


def _excel_misreads(text: str) -> bool:
    """Return whether Excel would read the CSV cell ``text`` as other than its text."""
    if text[0] in "=+-@" or text.strip().upper() in _EXCEL_VALUES:
        return True
    if not any(char.isdigit() for char in text):
        return False
    return not any(
        unicodedata.category(char) == "Lo" and char not in _EXCEL_DATE_WORDS for char in text
    )


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
        self._out, self._owned, self._excel = out, owned, excel
        self._writer = csv.writer(out, lineterminator="\r\n" if excel else "\n")
        self._writer.writerow(columns(table))

    def write(self, rows: list[Row]) -> None:
        self._writer.writerows([self._cell(value) for value in row.values()] for row in rows)

    def _cell(self, value: Any) -> str:
        text = escape_surrogates(scalar_text(value))
        return excel_cell(text) if self._excel and isinstance(value, str) else text

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
