"""A user's own vocabulary: rows added to the shipped tables for one call.

Research projects meet words the shipped tables do not hold: a county's own
title of office, a local body, a nickname of a prefecture, a metric of their
own, a unit, a pairing published in a provincial document. A
:class:`Vocabulary` reads such rows from CSV files with the columns of the
shipped table of the same name, and applies them to one call:

* ``titles.csv`` — titles of office (``title,kind,bare_full,holders``);
* ``organizations.csv`` — bodies and their parts (``word,kind``);
* ``region_aliases.csv`` — other names of a region (``alias,code,note``);
* ``metrics.csv`` — indicator metrics (the columns of the shipped table);
* ``units.csv`` — units of measure (the columns of the shipped table);
* ``pairings.csv`` — published assistance pairings (the columns of the shipped table).

A vocabulary changes no global state: ``parse(text, vocabulary=v)`` uses it for
that call only, and ``with v:`` uses it for the calls inside the block (in this
thread or task only; see :mod:`contextvars`). Other callers, threads and later
calls see the shipped tables.

>>> import povertytext as pt
>>> v = pt.Vocabulary.from_rows(
...     "region_aliases.csv", [{"alias": "红河", "code": "532500", "note": "short name"}]
... )
>>> v.tables()
('region_aliases.csv',)
>>> len(v)
1
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from os import PathLike, fspath
from pathlib import Path
from types import MappingProxyType, TracebackType
from typing import Any

from . import _data
from .errors import UnknownRegionError, UsageError, VocabularyError
from .regions import region_for_code

__all__ = ["Vocabulary", "VocabularyError", "vocabulary_tables"]


@dataclass(frozen=True)
class _Spec:
    """What a vocabulary table must hold."""

    key: tuple[str, ...]  # a row with the key of a shipped row replaces it
    required: tuple[str, ...]  # non-empty in every row
    optional: tuple[str, ...] = ()  # may be left out of the header or empty
    enumerated: tuple[str, ...] = ()  # values must be ones the shipped table uses
    codes: tuple[str, ...] = ()  # six-digit division codes of regions.csv
    decimals: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()


@_data.loader
def _specs() -> dict[str, _Spec]:
    """The tables a vocabulary may extend, and the checks of their rows (a data table)."""

    def names(value: str) -> tuple[str, ...]:
        return tuple(value.split("|")) if value else ()

    return {
        row["table"]: _Spec(**{name: names(row[name]) for name in _SPEC_COLUMNS})
        for row in _data.read_shipped("vocabulary_tables.csv")
    }


_SPEC_COLUMNS = ("key", "required", "optional", "enumerated", "codes", "decimals", "dates")


def vocabulary_tables() -> tuple[str, ...]:
    """The names of the shipped tables a vocabulary may extend.

    >>> vocabulary_tables()[:2]
    ('titles.csv', 'organizations.csv')
    """
    return tuple(_specs())


class Vocabulary:
    """Rows that extend shipped tables, for the calls that use them.

    Build one with :meth:`from_files` (CSV files named like the shipped tables,
    or folders of them) or :meth:`from_rows`; combine two with ``+``. A
    vocabulary is immutable, hashable and can be sent to worker processes;
    equal vocabularies share what is built from them. Inside ``with v:`` the
    innermost vocabulary applies alone.
    """

    __slots__ = ("_key", "_rows")

    def __init__(self, rows: Mapping[str, Sequence[Mapping[str, str]]] | None = None) -> None:
        if rows is not None and not isinstance(rows, Mapping):
            kind = type(rows).__name__
            raise UsageError(f"Vocabulary() takes a mapping of table names to rows, not {kind}")
        checked: dict[str, tuple[dict[str, str], ...]] = {}
        for table in sorted(rows or {}, key=str):
            spec = _spec_of(table, path=None)
            found = tuple(
                _checked_row(table, spec, _row_of(table, r), None, None)
                for r in _rows_of(table, (rows or {})[table])
            )
            if found:
                checked[table] = found
        self._rows: Mapping[str, tuple[dict[str, str], ...]] = MappingProxyType(checked)
        listed = [(name, [sorted(row.items()) for row in found]) for name, found in checked.items()]
        self._key = hashlib.sha256(repr(listed).encode("utf-8")).hexdigest()

    @classmethod
    def from_rows(cls, table: str, rows: Iterable[Mapping[str, str]]) -> Vocabulary:
        """A vocabulary of ``rows`` (dicts keyed by the columns) for the shipped table ``table``."""
        _spec_of(table, path=None)
        return cls({table: list(_rows_of(table, rows))})  # type: ignore[arg-type]

    @classmethod
    def from_files(cls, *paths: str | PathLike[str]) -> Vocabulary:
        """A vocabulary read from CSV files, or from the ``*.csv`` files of folders.

        A file's name says which table it extends (``titles.csv``,
        ``my-project/region_aliases.csv``); its columns are those of that table,
        optional ones may be left out, and lines starting with ``#`` are comments.
        Files are read as UTF-8 (with or without a byte-order mark).
        """
        tables: dict[str, list[dict[str, str]]] = {}
        for path in _csv_files(paths):
            table = path.name.lower()
            tables.setdefault(table, []).extend(_read_file(path, _spec_of(table, path=str(path))))
        return cls(tables)

    def tables(self) -> tuple[str, ...]:
        """The names of the tables this vocabulary extends."""
        return tuple(self._rows)

    def rows(self, table: str) -> tuple[dict[str, str], ...]:
        """The rows this vocabulary adds to ``table`` (each with every column of the table)."""
        _spec_of(table, path=None)
        return tuple(dict(row) for row in self._rows.get(table, ()))

    def __len__(self) -> int:
        return sum(len(rows) for rows in self._rows.values())

    def __repr__(self) -> str:
        counts = ", ".join(f"{name}: {len(rows)}" for name, rows in self._rows.items())
        return f"Vocabulary({{{counts}}})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Vocabulary) and other._key == self._key

    def __hash__(self) -> int:
        return hash(self._key)

    def __add__(self, other: object) -> Vocabulary:
        if not isinstance(other, Vocabulary):
            return NotImplemented
        names = set(self._rows) | set(other._rows)
        return Vocabulary({n: self._rows.get(n, ()) + other._rows.get(n, ()) for n in names})

    def __enter__(self) -> Vocabulary:
        if self._rows:
            _data.push(self._key, _merged(self._key, self._rows))
        else:  # no rows: the shipped tables, and what is built from them, as they are
            _data.push(None, {})
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        _data.pop()

    def __reduce__(self) -> tuple[Any, ...]:
        return (Vocabulary, ({name: list(rows) for name, rows in self._rows.items()},))


_MERGED: dict[str, Mapping[str, tuple[dict[str, str], ...]]] = {}  # by vocabulary key


def _merged(
    key: str, rows: Mapping[str, tuple[dict[str, str], ...]]
) -> Mapping[str, tuple[dict[str, str], ...]]:
    """The whole tables a vocabulary gives: its rows first, then the shipped rows of other keys."""
    found = _MERGED.get(key)
    if found is None:
        found = MappingProxyType({name: _merge(name, own) for name, own in rows.items()})
        _MERGED[key] = found
    return found


def _merge(table: str, own: tuple[dict[str, str], ...]) -> tuple[dict[str, str], ...]:
    spec = _specs()[table]
    keys = {tuple(row[name] for name in spec.key) for row in own}
    shipped = _data.read_shipped(table)
    return own + tuple(row for row in shipped if tuple(row[n] for n in spec.key) not in keys)


def _rows_of(table: str, rows: object) -> Iterable[object]:
    if isinstance(rows, (str, bytes, Mapping)) or not isinstance(rows, Iterable):
        raise UsageError(f"the rows of {table} must be a list of dicts, not {type(rows).__name__}")
    return rows


def _row_of(table: str, row: object) -> dict[str, str]:
    if not isinstance(row, Mapping):
        raise UsageError(
            f"a row of {table} must be a dict of its columns, not {type(row).__name__}"
        )
    return dict(row)


def check_vocabulary(vocabulary: object, argument: str = "vocabulary") -> Vocabulary | None:
    """``vocabulary`` if it is a :class:`Vocabulary` or ``None``, else a :class:`UsageError`."""
    if vocabulary is None or isinstance(vocabulary, Vocabulary):
        return vocabulary
    raise UsageError(
        f"{argument} must be a povertytext.Vocabulary or None, not {type(vocabulary).__name__}"
    )


def _spec_of(table: object, *, path: str | None) -> _Spec:
    specs = _specs()
    if not isinstance(table, str) or table not in specs:
        names = ", ".join(specs)
        raise VocabularyError(f"{table!r} is not a table a vocabulary extends ({names})", path=path)
    return specs[table]


def _csv_files(paths: Sequence[str | PathLike[str]]) -> Iterator[Path]:
    if not paths:
        raise UsageError("Vocabulary.from_files needs at least one file or folder")
    for given in paths:
        if not isinstance(given, (str, PathLike)):
            raise UsageError(
                f"a vocabulary path must be a str or a path, not {type(given).__name__}"
            )
        path = Path(fspath(given))
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix.lower() == ".csv" and p.is_file())
            if not found:
                raise VocabularyError("the folder holds no .csv file", path=str(path))
            yield from found
        elif path.is_file():
            yield path
        else:
            raise VocabularyError("no such file or folder", path=str(path))


def _read_file(path: Path, spec: _Spec) -> list[dict[str, str]]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as error:
        raise VocabularyError(f"cannot be read ({error.strerror})", path=str(path)) from error
    except UnicodeDecodeError as error:
        raise VocabularyError(f"is not UTF-8 (byte {error.start})", path=str(path)) from error
    numbered = [
        (number, line)
        for number, line in enumerate(text.splitlines(), start=1)
        if line.strip() and not line.startswith("#")
    ]
    if not numbered:
        raise VocabularyError("holds no header and no row", path=str(path))
    reader = csv.reader(io.StringIO("\n".join(line for _, line in numbered)))
    header = [name.strip() for name in next(reader)]
    _check_header(path.name.lower(), spec, header, str(path), numbered[0][0])
    rows = []
    for (number, _), values in zip(numbered[1:], reader, strict=False):
        if len(values) != len(header):
            raise VocabularyError(
                f"{len(values)} fields where the header has {len(header)}",
                path=str(path),
                line=number,
            )
        row = dict(zip(header, (value.strip() for value in values), strict=True))
        rows.append(_checked_row(path.name.lower(), spec, row, str(path), number))
    return rows


def _check_header(table: str, spec: _Spec, header: list[str], path: str, line: int) -> None:
    columns = _columns(table)
    unknown = [name for name in header if name not in columns]
    missing = [name for name in spec.required if name not in header]
    if unknown or missing or len(set(header)) != len(header):
        parts = []
        if missing:
            parts.append("missing " + ", ".join(missing))
        if unknown:
            parts.append("unknown " + ", ".join(unknown))
        if len(set(header)) != len(header):
            parts.append("a column named twice")
        raise VocabularyError(
            f"the header does not fit {table} ({'; '.join(parts)}); its columns are "
            + ",".join(columns),
            path=path,
            line=line,
        )


def _columns(table: str) -> tuple[str, ...]:
    return tuple(_data.read_shipped(table)[0])


def _checked_row(
    table: str, spec: _Spec, row: dict[str, str], path: str | None, line: int | None
) -> dict[str, str]:
    columns = _columns(table)
    for name, value in row.items():
        if name not in columns:
            raise VocabularyError(f"{name!r} is not a column of {table}", path=path, line=line)
        if not isinstance(value, str):
            raise VocabularyError(
                f"{name} must be text, not {type(value).__name__}", path=path, line=line
            )
    full = {name: row.get(name, "").strip() for name in columns}
    for name in spec.required:
        if not full[name]:
            raise VocabularyError(f"{name} is empty", path=path, line=line)
    for name, value in full.items():
        if value:
            _check_value(table, spec, name, value, path, line)
    return full


def _check_value(
    table: str, spec: _Spec, name: str, value: str, path: str | None, line: int | None
) -> None:
    if name in spec.enumerated:
        allowed = _allowed(table, name)
        if value not in allowed:
            raise VocabularyError(
                f"{name} {value!r} is not one of {', '.join(allowed)}", path=path, line=line
            )
    if name in spec.codes and not _known_code(value):
        raise VocabularyError(
            f"{name} {value!r} is not a division code of regions.csv", path=path, line=line
        )
    if name in spec.decimals:
        try:
            Decimal(value)
        except InvalidOperation:
            raise VocabularyError(
                f"{name} {value!r} is not a number", path=path, line=line
            ) from None
    if name in spec.dates:
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            raise VocabularyError(
                f"{name} {value!r} is not a date as YYYY-MM-DD", path=path, line=line
            ) from None


@_data.loader
def _allowed(table: str, name: str) -> tuple[str, ...]:
    """The values the shipped ``table`` uses in column ``name``, sorted."""
    return tuple(sorted({row[name] for row in _data.read_shipped(table) if row[name]}))


def _known_code(code: str) -> bool:
    try:
        region_for_code(code)
    except (UnknownRegionError, UsageError):
        return False
    return True
