"""A page's metadata given by the caller: its publication date and its region.

:func:`page_date` and :func:`page_region` check a value given to
:func:`povertytext.parse` (or ``parse_file``, ``parse_many``, the command line)
and return it in the form the pipeline uses; :func:`read_meta_table` reads the
command line's ``--meta FILE.csv`` (columns ``path,date,region,source``).
"""

from __future__ import annotations

import csv
import datetime
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .errors import AmbiguousRegionError, DateError, UnknownRegionError, UsageError
from .models import Region
from .regions import resolve_region

__all__ = [
    "META_COLUMNS",
    "META_KEYS",
    "MetaRow",
    "check_context",
    "check_meta",
    "page_date",
    "page_region",
    "read_meta_table",
]  # fmt: skip

META_KEYS = ("date", "region")
"""The keyword arguments of :func:`povertytext.parse` that describe the page."""

META_COLUMNS = ("path", "date", "region", "source")
"""The columns of a ``--meta`` file: ``path`` is required, the others may be empty."""

_ISO = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?")


def page_date(value: object, where: str = "parse(date=...)") -> str | None:
    """Return the publication date ``value`` as an ISO string, or None for None.

    ``value`` is an ISO date to any precision (``"2020"``, ``"2020-09"``,
    ``"2020-09-01"``) or a :class:`datetime.date` (a ``datetime`` gives its day).

    Raises:
        DateError: naming ``where``, for any other value (a string of another form, a
            number) or a date that does not exist.

    >>> page_date("2020-09"), page_date(datetime.date(2020, 9, 1)), page_date(None)
    ('2020-09', '2020-09-01', None)
    >>> try:
    ...     page_date("2020/9/1")
    ... except DateError as error:
    ...     print(error)
    parse(date=...): expected an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), got '2020/9/1'
    """
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    expected = "expected an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)"
    if not isinstance(value, str):
        raise DateError(f"{where}: {expected}, got {type(value).__name__} {value!r:.40}")
    match = _ISO.fullmatch(value.strip())
    if match is None:
        raise DateError(f"{where}: {expected}, got {value!r:.40}")
    year, month, day = (int(part) if part else 1 for part in match.group("year", "month", "day"))
    try:
        datetime.date(year, month, day)
    except ValueError as error:
        raise DateError(f"{where}: {value.strip()!r} is no date ({error})") from None
    return match.group()


def check_context(where: str, *, region: object = None, date: object = None) -> None:
    """Raise :class:`UsageError` unless ``region`` is None, a name or a :class:`Region`
    and ``date`` None or a string (the context arguments of the extractors).

    >>> check_context("extract_pairs", date=2021)
    Traceback (most recent call last):
    ...
    povertytext.errors.UsageError: extract_pairs(date=...): expected an ISO date string, got int
    """
    if region is not None and not isinstance(region, (str, Region)):
        raise UsageError(
            f"{where}(region=...): expected a region name or a Region, got {type(region).__name__}"
        )
    if date is not None and not isinstance(date, str):
        kind = type(date).__name__
        raise UsageError(f"{where}(date=...): expected an ISO date string, got {kind}")


def page_region(value: object, where: str = "parse(region=...)") -> Region | None:
    """Return the region ``value`` stands for: a :class:`Region`, or a name that
    :func:`povertytext.resolve_region` reads (韶关, 韶关市, 广东省韶关市); None for None.

    Raises:
        UnknownRegionError: naming ``where``, when no unit has the name.
        AmbiguousRegionError: naming ``where`` and listing the candidates, when several
            units have it (give the province too: 广东省 + the name, or a Region).
        UsageError: when ``value`` is neither a name nor a Region.

    >>> page_region("韶关").code
    '440200'
    """
    if value is None or isinstance(value, Region):
        return value
    if not isinstance(value, str):
        raise UsageError(f"{where}: expected a region name or a Region, got {type(value).__name__}")
    try:
        return resolve_region(value.strip())
    except AmbiguousRegionError as error:
        names = "、".join(region.full_name for region in error.candidates[:6])
        raise AmbiguousRegionError(
            f"{where}: {value!r} names several units ({names}); "
            "write it in full (广东省韶关市) or give a Region",
            candidates=error.candidates,
        ) from None
    except UnknownRegionError:
        raise UnknownRegionError(f"{where}: no administrative unit is named {value!r}") from None


def check_meta(meta: Mapping[str, Any], where: str) -> dict[str, Any]:
    """Return ``meta`` (keys among :data:`META_KEYS`) with its values checked.

    Raises:
        UsageError: for a key that is no page metadata.
        DateError, UnknownRegionError, AmbiguousRegionError: for a value, naming ``where``.
    """
    unknown = sorted(set(meta) - set(META_KEYS))
    if unknown:
        raise UsageError(
            f"{where}: unknown page metadata {', '.join(unknown)}; expected {', '.join(META_KEYS)}"
        )
    return {
        "date": page_date(meta.get("date"), f"{where} date"),
        "region": page_region(meta.get("region"), f"{where} region"),
    }


@dataclass(frozen=True)
class MetaRow:
    """One row of a ``--meta`` file: its line number and its checked values."""

    line: int
    date: str | None
    region: Region | None
    source: str | None


def read_meta_table(path: str) -> dict[str, MetaRow]:
    """Return the rows of the metadata file ``path`` by the real path of the file they describe.

    A relative ``path`` cell is read from the folder of the metadata file, or, when no
    such file is there, from the current folder. Empty cells give no value.

    Raises:
        UsageError: naming the file and line, when the file cannot be read, has no
            ``path`` column or a column of no known name, or names a file twice.
        DateError, UnknownRegionError, AmbiguousRegionError: for a cell, naming the
            file, line and column.
    """
    try:
        with open(path, encoding="utf-8-sig", newline="") as file:
            reader = csv.DictReader(file)
            header = [name.strip() for name in reader.fieldnames or []]
            unknown = [name for name in header if name not in META_COLUMNS]
            if "path" not in header or unknown:
                found = ", ".join(header) or "nothing"
                raise UsageError(
                    f"{path}: the header must name the columns {', '.join(META_COLUMNS)} "
                    f"(path required, the others optional); found {found}"
                )
            reader.fieldnames = header
            rows: dict[str, MetaRow] = {}
            for row in reader:
                line = reader.line_num
                cells = {key: (value or "").strip() for key, value in row.items() if key}
                if not cells.get("path"):
                    raise UsageError(f"{path}, line {line}: the path cell is empty")
                where = f"{path}, line {line},"
                entry = MetaRow(
                    line=line,
                    date=page_date(cells.get("date") or None, f"{where} date"),
                    region=page_region(cells.get("region") or None, f"{where} region"),
                    source=cells.get("source") or None,
                )
                key = _resolved(cells["path"], os.path.dirname(path))
                if key in rows:
                    raise UsageError(
                        f"{path}, line {line}: {cells['path']} is described on line "
                        f"{rows[key].line} already"
                    )
                rows[key] = entry
    except OSError as error:
        raise UsageError(f"cannot read {path}: {error.strerror or error}") from None
    except (UnicodeDecodeError, csv.Error) as error:
        raise UsageError(f"{path}: not a CSV file in UTF-8 ({error})") from None
    return rows


def _resolved(name: str, folder: str) -> str:
    """Return the real path of ``name``: from ``folder`` when the file is there, else as given."""
    beside = os.path.join(folder, name)
    return real_path(beside if os.path.isabs(name) or os.path.exists(beside) else name)


def real_path(name: str) -> str:
    """Return the normalized absolute path of ``name``, the key of a metadata row."""
    return os.path.realpath(name)
