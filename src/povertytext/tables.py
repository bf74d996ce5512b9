"""Tables: pages flattened to rows, one per indicator, pair, official or document.

:func:`records` turns one :class:`~povertytext.Page` or many into a list of
flat dicts, every value a scalar (``str``, ``int``, ``bool``, ``Decimal`` or
None), every row with the same keys in the same order (:func:`columns`):

* ``indicators``: one row per indicator (a quantity bound to what it counts);
* ``pairs``: one row per assistance edge, helper → helped (a network's edge list);
* ``officials``: one row per official and document;
* ``documents``: one row per speech, article or essay.

Every row starts with where it came from: ``source`` (the page's label, e.g. its
file name), ``document`` (the index of the document in the page, None for an
item found outside every document), ``document_title`` and ``document_kind``;
rows that stand for text keep its ``text``, ``start`` and ``end``, so
``page_text[row["start"]:row["end"]] == row["text"]``.

Values stay exact: an amount is two columns, ``value`` and ``value_exact``
(likewise ``low`` and ``high``). In the records ``value`` is a ``Decimal``; in
the data frame of :func:`to_dataframe`, in Parquet and in Stata it is a double
to compute with, and ``value_exact`` is the same amount as plain decimal text
(``4048000000``, never a float), exact in every format. :func:`scalar_text`
writes a cell for CSV (a ``Decimal`` in plain digits). Several positions or
authors in one cell are joined with ``；``.

Each table has one fixed pyarrow :func:`schema` (:func:`to_arrow`,
:func:`write_parquet`), so Parquet files of separate batches read back as one
dataset; :func:`to_stata_frame` and :func:`stata_labels` make a ``.dta``;
:func:`codebook` is ``docs/columns.md``.

>>> import povertytext as pt
>>> page = pt.Page(length=0, source="empty.txt")
>>> records(page, "pairs")
[]
>>> columns("pairs")[:4]
('source', 'document', 'document_title', 'document_kind')
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal, get_args

from .errors import MissingDependencyError, UsageError
from .models import AssistancePair, Document, Indicator, Official, Page, Region

if TYPE_CHECKING:
    import pandas  # type: ignore[import-untyped, unused-ignore]
    import pyarrow  # type: ignore[import-untyped, unused-ignore]

__all__ = [
    "JOIN",
    "SCHEMA_VERSION",
    "TABLES",
    "Column",
    "ColumnType",
    "MissingDependencyError",
    "Row",
    "Scalar",
    "Table",
    "codebook",
    "columns",
    "json_schema",
    "pages_of",
    "records",
    "rows_to_arrow",
    "rows_to_dataframe",
    "rows_to_stata_frame",
    "scalar_text",
    "schema",
    "stata_labels",
    "stata_names",
    "to_arrow",
    "to_dataframe",
    "to_stata_frame",
    "write_parquet",
]

Table = Literal["indicators", "pairs", "officials", "documents"]
TABLES: tuple[Table, ...] = get_args(Table)

Scalar = str | int | bool | Decimal | None
Row = dict[str, Scalar]

JOIN = "；"
"""What joins several values in one cell (positions, authors)."""

ColumnType = Literal["str", "int", "bool", "decimal", "exact"]
"""A column's type in the records: ``decimal`` is a ``Decimal`` (a double in files and
data frames), ``exact`` the same amount as plain decimal text (a string everywhere)."""

Column = tuple[str, ColumnType, str]
"""A column: its name, its type and what it holds (the codebook's text)."""

SCHEMA_VERSION = "1"
"""The version of the table schemas, in every schema's metadata; raised when a column changes."""

_PROVENANCE: tuple[Column, ...] = (
    ("source", "str", "The page's label: the file it was read from (its path as given)."),
    (
        "document",
        "int",
        "Index of the document in the page, from 0; empty for an item found in no document.",
    ),
    ("document_title", "str", "Title of the document, as printed; empty when it has none."),
    ("document_kind", "str", "Kind of document: speech, article or essay."),
)


def _amount(name: str, what: str) -> tuple[Column, Column]:
    """Return the two columns of one amount: a double, and the exact value as text."""
    return (
        (name, "decimal", f"{what}, as a double (rounded to 15-17 significant digits)."),
        (
            f"{name}_exact",
            "exact",
            f"{what}, exact, as plain decimal text (4048000000, 0.5); empty when none.",
        ),
    )


_COLUMNS: dict[Table, tuple[Column, ...]] = {
    "indicators": (
        *_PROVENANCE,
        ("text", "str", "The quantity as written (约3000万元)."),
        ("start", "int", "Offset of the quantity's first character in the page's text."),
        ("end", "int", "Offset just past the quantity's last character (text = page[start:end])."),
        *_amount("value", "The stated amount, magnitudes folded in (40.48亿元: 4048000000)"),
        *_amount("low", "Lower end of a range (8-12个: 8); empty for a single value"),
        *_amount("high", "Upper end of a range (8-12个: 12); empty for a single value"),
        ("unit", "str", "Unit of the value (元, 户, 人, %), magnitudes folded out."),
        ("kind", "str", "What the unit measures: count, money, percent, area, mass, …"),
        ("currency", "str", "ISO 4217 code of a money amount (CNY); empty otherwise."),
        ("qualifier", "str", "Word that bounds or hedges the amount (约, 超过, 多, 累计)."),
        ("approximate", "bool", "True when the amount is approximate (约, 左右, 多, 余)."),
        ("masked", "bool", "True when the digits are masked in the text (*.**亿元): no value."),
        ("subject", "str", "What the quantity counts, as written (帮扶资金, 贫困群众)."),
        ("subject_start", "int", "Offset of the subject's first character; empty without one."),
        ("subject_end", "int", "Offset just past the subject's last character."),
        ("metric", "str", "Canonical metric id (funds.fiscal_aid); empty when none applies."),
        ("region_code", "str", "6-digit administrative division code of the region meant."),
        ("region_name", "str", "Name of that region (东莞市)."),
        ("date", "str", "ISO 8601 date the figure is for, to the precision given (2020-12)."),
        ("cumulative", "bool", "True when the text gives the figure as a total (累计, 共)."),
        ("sentence_start", "int", "Offset of the first character of the sentence holding it."),
        ("sentence_end", "int", "Offset just past the end of that sentence."),
    ),
    "pairs": (
        *_PROVENANCE,
        ("helper_code", "str", "6-digit administrative division code of the helping region."),
        ("helper", "str", "Name of the helping region (广州市)."),
        ("helped_code", "str", "6-digit administrative division code of the helped region."),
        ("helped", "str", "Name of the helped region (毕节市)."),
        (
            "relation",
            "str",
            "Programme: 东西部扶贫协作, 省内对口帮扶, 对口支援, 定点帮扶, 结对帮扶 or other.",
        ),
        ("relation_text", "str", "The relation's word as written (结对, 援建, 扶贫协作)."),
        (
            "direction",
            "str",
            "stated: the text says who helps whom; implied: decided by the reference table.",
        ),
        ("status", "str", "stated; new for a pairing said to start; former for one said to end."),
        ("helper_implied", "bool", "True when the helper is not written: the text's own region."),
        ("known", "bool", "Whether the published pairings list the edge; empty when not checked."),
        ("known_period", "str", "ISO interval of the published pairing matched (2016-12/2021-04)."),
        ("known_source", "str", "Where the matching published pairing comes from."),
        ("text", "str", "The evidence: the clause that states the pair."),
        ("start", "int", "Offset of the evidence's first character in the page's text."),
        ("end", "int", "Offset just past the evidence's last character."),
    ),
    "officials": (
        *_PROVENANCE,
        ("name", "str", "The official's name, as written at the first mention."),
        ("positions", "str", "Every position given, full form, joined with ；."),
        ("speaker", "bool", "True for the official who signs the document."),
        ("start", "int", "Offset of the name's first mention in the page's text."),
        ("end", "int", "Offset just past that mention."),
        ("mentions", "int", "How many times the name occurs."),
    ),
    "documents": (
        *_PROVENANCE,
        ("title_start", "int", "Offset of the title's first character; empty without a title."),
        ("title_end", "int", "Offset just past the title's last character."),
        ("region_code", "str", "6-digit code of the city or province the document speaks for."),
        ("region_name", "str", "Name of that region."),
        ("speaker", "str", "Name of the official who signs the document; empty when none."),
        ("speaker_positions", "str", "The speaker's positions, full form, joined with ；."),
        ("authors", "str", "Reporters and other writers who are not officials, joined with ；."),
        ("date", "str", "ISO 8601 date of the document, to the precision given."),
        ("publication", "str", "The publication it appeared in (农村工作通讯)."),
        ("body_start", "int", "Offset of the body's first character in the page's text."),
        ("body_end", "int", "Offset just past the end of the body's last sentence."),
        ("n_officials", "int", "Officials found in the body, the speaker included."),
        ("n_pairs", "int", "Assistance pairs found in the body."),
        ("n_indicators", "int", "Indicators found in the body."),
        ("n_quantities", "int", "Quantities found in the body."),
    ),
}

# pandas dtypes that keep every column nullable (no float NaN in an int column), and
# pyarrow types: the same in every file written, whatever its rows hold.
_PANDAS_DTYPES: dict[ColumnType, str] = {
    "str": "string",
    "int": "Int64",
    "bool": "boolean",
    "decimal": "Float64",
    "exact": "string",
}
_ARROW_TYPES: dict[ColumnType, str] = {
    "str": "string",
    "int": "int64",
    "bool": "bool_",
    "decimal": "float64",
    "exact": "string",
}


def columns(table: Table = "indicators") -> tuple[str, ...]:
    """Return the column names of ``table``, in the order every row has them.

    Raises:
        UsageError: when ``table`` is not one of :data:`TABLES`.

    >>> columns("officials")
    ('source', 'document', 'document_title', 'document_kind', 'name', 'positions', 'speaker', 'start', 'end', 'mentions')
    """  # noqa: E501
    return tuple(name for name, _, _ in _spec(table))


def records(pages: Page | Iterable[Page], table: Table = "indicators") -> list[Row]:
    """Return the rows of ``table`` for one page or many, in page then text order.

    Rows come from each document's lists, tagged with the document's index; an
    indicator, pair or official of the page found in no document gets one row
    with ``document`` None, so nothing the page holds is dropped.

    Raises:
        UsageError: when ``table`` is not one of :data:`TABLES`, or ``pages`` is
            neither a page nor an iterable of pages (see :func:`pages_of`).

    >>> import povertytext as pt
    >>> page = pt.Page(length=20, documents=[pt.Essay(body_start=0, body_end=20)])
    >>> records(page, "documents")[0]["document_kind"], records(page, "documents")[0]["n_pairs"]
    ('essay', 0)
    """
    return _records(pages, table, "records")


def pages_of(pages: object, function: str) -> Iterator[Page]:
    """Return the pages of ``pages``, one :class:`~povertytext.Page` or an iterable of them.

    Raises:
        UsageError: naming ``function``, at once when ``pages`` is neither a page nor an
            iterable (a text is neither), and when an item that is no page is reached.

    >>> list(pages_of(Page(length=0), "records")) == [Page(length=0)]
    True
    >>> pages_of("page.txt", "records")
    Traceback (most recent call last):
    ...
    povertytext.errors.UsageError: records(pages=...): expected a Page or an iterable of Pages, got str
    """  # noqa: E501
    if isinstance(pages, Page):
        return iter((pages,))
    if isinstance(pages, (str, bytes, bytearray)) or not isinstance(pages, Iterable):
        raise UsageError(
            f"{function}(pages=...): expected a Page or an iterable of Pages, "
            f"got {type(pages).__name__}"
        )
    return _checked_pages(pages, function)


def _checked_pages(pages: Iterable[object], function: str) -> Iterator[Page]:
    """Yield each of ``pages``; UsageError for an item that is no page, naming its index."""
    for index, page in enumerate(pages):
        if not isinstance(page, Page):
            raise UsageError(
                f"{function}(pages=...): item {index} is {type(page).__name__}, not a Page"
            )
        yield page


def _records(pages: object, table: Table, function: str) -> list[Row]:
    """:func:`records`, its errors naming ``function``."""
    _spec(table)
    rows_of = _ROWS[table]
    return [row for page in pages_of(pages, function) for row in rows_of(page)]


def to_dataframe(pages: Page | Iterable[Page], table: Table = "indicators") -> pandas.DataFrame:
    """Return the rows of ``table`` as a pandas ``DataFrame`` (pandas is an optional extra).

    Columns are those of :func:`columns`, also when there is no row, with the
    types of :func:`schema`: integers and booleans are pandas' nullable
    ``Int64`` and ``boolean``, text is ``string``, an amount is a ``Float64``
    to compute with beside its exact text (``value`` and ``value_exact``). The
    frame writes the same Parquet schema whatever its rows hold; to be sure of
    it, write with :func:`write_parquet` or pass ``schema=schema(table)``.

    Raises:
        MissingDependencyError: when pandas is not installed
            (``pip install 'povertytext[pandas]'``).
        UsageError: when ``table`` is not one of :data:`TABLES`, or ``pages`` is
            neither a page nor an iterable of pages.

    >>> import povertytext as pt
    >>> frame = to_dataframe(pt.Page(length=0), "pairs")
    >>> len(frame), list(frame.columns) == list(columns("pairs"))
    (0, True)
    """
    return rows_to_dataframe(_records(pages, table, "to_dataframe"), table)


def rows_to_dataframe(rows: Iterable[Row], table: Table = "indicators") -> pandas.DataFrame:
    """Return rows of ``table`` (from :func:`records`) as :func:`to_dataframe` makes them."""
    spec = _spec(table)
    pd = _import_pandas()
    floated = [_floated(row) for row in rows]
    frame = pd.DataFrame.from_records(floated, columns=[name for name, _, _ in spec])
    return frame.astype({name: _PANDAS_DTYPES[kind] for name, kind, _ in spec})


def schema(table: Table = "indicators") -> pyarrow.Schema:
    """Return the fixed pyarrow schema of ``table`` (pyarrow is in the ``pandas`` extra).

    One schema per table, whatever the rows hold, so Parquet files written batch
    by batch (or by Dask's workers) read back as one dataset. An amount is two
    columns: a ``float64`` to compute with (``value``) and its exact text
    (``value_exact``, a string): no decimal type is wide enough for every value
    (a digit string of any length, a fraction to 20 places), and Stata, CSV and
    Excel have none. Each field's metadata holds its ``description`` (the
    codebook, ``docs/columns.md``); the schema's, the table's name and
    :data:`SCHEMA_VERSION`.

    Raises:
        MissingDependencyError: when pyarrow is not installed.
        UsageError: when ``table`` is not one of :data:`TABLES`.

    >>> schema("pairs").field("helper_code").type
    DataType(string)
    >>> schema("indicators").field("value").type, schema("indicators").field("value_exact").type
    (DataType(double), DataType(string))
    """
    spec = _spec(table)
    pa = _import_pyarrow()
    fields = [
        pa.field(name, getattr(pa, _ARROW_TYPES[kind])(), metadata={"description": text})
        for name, kind, text in spec
    ]
    return pa.schema(
        fields, metadata={"povertytext.table": table, "povertytext.schema": SCHEMA_VERSION}
    )


def to_arrow(pages: Page | Iterable[Page], table: Table = "indicators") -> pyarrow.Table:
    """Return the rows of ``table`` as a pyarrow ``Table`` of :func:`schema` (the ``pandas`` extra).

    Raises:
        MissingDependencyError: when pyarrow is not installed.
        UsageError: as :func:`records`.

    >>> import povertytext as pt
    >>> to_arrow(pt.Page(length=0), "documents").schema == schema("documents")
    True
    """
    return rows_to_arrow(_records(pages, table, "to_arrow"), table)


def rows_to_arrow(rows: Iterable[Row], table: Table = "indicators") -> pyarrow.Table:
    """Return rows of ``table`` (from :func:`records`) as :func:`to_arrow` makes them."""
    pa = _import_pyarrow()
    return pa.Table.from_pylist([_floated(row) for row in rows], schema=schema(table))


def write_parquet(pages: Page | Iterable[Page], table: Table, path: str | os.PathLike[str]) -> None:
    """Write the rows of ``table`` to the Parquet file ``path``, with :func:`schema`.

    Files written for separate batches of pages (or by separate Dask tasks) share
    one schema, so ``pandas.read_parquet`` reads a folder of them as one table.

    Raises:
        MissingDependencyError: when pyarrow is not installed.
        UsageError: as :func:`records`.
    """
    parquet = _import_pyarrow("parquet")
    rows = _records(pages, table, "write_parquet")
    parquet.write_table(rows_to_arrow(rows, table), path)


def to_stata_frame(pages: Page | Iterable[Page], table: Table = "indicators") -> pandas.DataFrame:
    """Return the rows of ``table`` as a data frame ready for ``DataFrame.to_stata``.

    Columns are named as :func:`stata_names` says: the name of :func:`columns`
    unless Stata reserves it (``end`` becomes ``end_``). Amounts are doubles beside their exact text
    (``value_exact``); booleans are 0/1; integers are doubles (Stata's ``long``
    is too short for every offset); empty text is ``""`` (Stata's missing
    string); missing numbers are Stata's ``.``.

    Raises:
        MissingDependencyError: when pandas is not installed.
        UsageError: as :func:`records`.
    """
    return rows_to_stata_frame(_records(pages, table, "to_stata_frame"), table)


def rows_to_stata_frame(rows: Iterable[Row], table: Table = "indicators") -> pandas.DataFrame:
    """Return rows of ``table`` (from :func:`records`) as :func:`to_stata_frame` makes them."""
    spec = _spec(table)
    frame = rows_to_dataframe(rows, table)
    pd = _import_pandas()
    for name, kind, _ in spec:
        if kind in ("str", "exact"):
            frame[name] = frame[name].fillna("").astype(object)
        else:
            frame[name] = pd.to_numeric(frame[name].astype("Float64")).astype("float64")
    return frame.rename(columns=stata_names(table))


def stata_names(table: Table = "indicators") -> dict[str, str]:
    """Return the Stata name of every column of ``table``: its own, or with ``_`` after it
    when Stata reserves the word.

    >>> stata_names("pairs")["end"], stata_names("pairs")["start"]
    ('end_', 'start')
    """
    return {name: f"{name}_" if name in _STATA_RESERVED else name for name in columns(table)}


def stata_labels(table: Table = "indicators") -> dict[str, str]:
    """Return Stata variable labels (at most 80 characters), by Stata name, for ``table``.

    >>> stata_labels("officials")["mentions"]
    'How many times the name occurs.'
    """
    names = stata_names(table)
    return {names[name]: _shortened(text, 80) for name, _, text in _spec(table)}


def codebook(tables: Iterable[Table] = TABLES) -> str:
    """Return the codebook of every column of ``tables`` as Markdown (``docs/columns.md``).

    Made from the same specification as :func:`schema`, so the two agree.
    """
    lines = [
        "# Columns",
        "",
        "<!-- Generated by povertytext.tables.codebook(), checked by tests/test_tables.py;",
        "     regenerate with: python tests/test_tables.py -->",
        "",
        "Every table povertytext writes, with the type of each column in Parquet (pyarrow),",
        "in Stata (`.dta`) and in the rows of `records`, and what the column holds. The same",
        "columns, in the same order, are in every format: CSV, JSON Lines, JSON, Parquet and",
        'Stata. An empty cell (`null` in Parquet and JSON, `.` or `""` in Stata) means',
        "the text gives no value.",
        "",
        "An amount is two columns: a double to compute with (`value`) and the exact value",
        "as plain decimal text (`value_exact`). No decimal type is wide enough for every",
        "value the library reads (a digit string of any length beside a fraction to 20",
        "places), and Stata, CSV and Excel have none; the text is exact everywhere. In",
        "`records` the amount is a Python `Decimal`, and CSV and JSON write it as its",
        "exact digits.",
        "",
        "Stata reserves a few words: a column so named has `_` after its name in `.dta`",
        "files (`end_`); the Stata column below gives the name where it differs.",
        "",
        f"Schema version {SCHEMA_VERSION} (`povertytext.schema` in each Parquet file's metadata).",
    ]
    for table in tables:
        lines += [
            "",
            f"## {table}",
            "",
            "| column | Parquet | Stata | records | description |",
            "| --- | --- | --- | --- | --- |",
        ]
        stata = stata_names(table)
        lines += [
            f"| `{name}` | {_ARROW_NAMES[kind]} | {_STATA_NAMES[kind]}"
            f"{'' if stata[name] == name else f' `{stata[name]}`'} | "
            f"{_PYTHON_NAMES[kind]} | {text} |"
            for name, kind, text in _spec(table)
        ]
    return "\n".join(lines) + "\n"


def json_schema(mode: Literal["validation", "serialization"] = "serialization") -> dict[str, Any]:
    """Return the JSON Schema of :class:`~povertytext.Page`.

    ``serialization`` (the default) describes the JSON that
    ``page.model_dump_json()`` and ``povertytext parse`` write, with amounts as
    strings; ``validation`` what ``Page.model_validate_json`` accepts.

    >>> json_schema()["title"]
    'Page'
    """
    if mode not in ("validation", "serialization"):
        raise UsageError(f"json_schema(mode=...): validation or serialization, not {mode!r:.40}")
    return Page.model_json_schema(mode=mode)


def scalar_text(value: Scalar) -> str:
    """Return a cell as text for CSV: ``Decimal`` in plain notation, booleans lower case.

    >>> [scalar_text(v) for v in (Decimal("4.048E+9"), True, None, 7, "元")]
    ['4048000000', 'true', '', '7', '元']
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


# ---------------------------------------------------------------- rows


def _spec(table: str) -> tuple[Column, ...]:
    """Return the (name, type, description) columns of ``table``.

    Raises:
        UsageError: naming the tables there are.
    """
    try:
        return _COLUMNS[table]  # type: ignore[index]
    except (KeyError, TypeError):  # TypeError: an unhashable table (a list)
        raise UsageError(f"unknown table {table!r}: choose one of {', '.join(TABLES)}") from None


def _import_pandas() -> Any:
    """Return the pandas module, imported on first use.

    Raises:
        MissingDependencyError: with the command that installs it.
    """
    try:
        import pandas
    except ImportError:
        raise MissingDependencyError(
            "pandas is needed for data frames: pip install 'povertytext[pandas]'"
        ) from None
    return pandas


def import_pyarrow(module: str = "") -> Any:
    """Return pyarrow (or its submodule ``module``), imported on first use.

    For the package's own modules (the command line's Parquet writer); not part
    of :data:`__all__`.

    Raises:
        MissingDependencyError: with the command that installs it.
    """
    try:
        return importlib.import_module(f"pyarrow.{module}" if module else "pyarrow")
    except ImportError:
        raise MissingDependencyError(
            "pyarrow is needed for Parquet: pip install 'povertytext[pandas]'"
        ) from None


_import_pyarrow = import_pyarrow  # the name this module's own functions call


def _floated(row: Row) -> dict[str, str | int | bool | float | None]:
    """Return ``row`` with its ``Decimal`` amounts as floats (their ``_exact`` text stays)."""
    return {key: float(v) if isinstance(v, Decimal) else v for key, v in row.items()}


def _shortened(text: str, limit: int) -> str:
    """Return ``text`` cut to at most ``limit`` characters, an ellipsis marking a cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


_STATA_RESERVED = frozenset(
    {
        "aggregate", "array", "boolean", "break", "byte", "case", "catch", "class",
        "colvector", "complex", "const", "continue", "default", "delegate", "delete", "do",
        "double", "else", "eltypedef", "end", "enum", "explicit", "export", "external",
        "float", "for", "friend", "function", "global", "goto", "if", "inline", "int",
        "local", "long", "NULL", "pragma", "protected", "quad", "rowvector", "short",
        "typedef", "typename", "virtual", "_all", "_N", "_skip", "_b", "_pi", "in", "_pred",
        "strL", "_coef", "_rc", "using", "_cons", "_se", "with", "_n",
    }
)  # fmt: skip
"""Words Stata keeps for itself, which no variable may be named (and ``str1`` … ``str2045``)."""

_ARROW_NAMES: dict[ColumnType, str] = {
    "str": "string",
    "int": "int64",
    "bool": "bool",
    "decimal": "double",
    "exact": "string",
}
_STATA_NAMES: dict[ColumnType, str] = {
    "str": "str",
    "int": "double",
    "bool": "double (0/1)",
    "decimal": "double",
    "exact": "str",
}
_PYTHON_NAMES: dict[ColumnType, str] = {
    "str": "str",
    "int": "int",
    "bool": "bool",
    "decimal": "Decimal",
    "exact": "str",
}


def _provenance(page: Page, index: int | None, document: Document | None) -> Row:
    """Return the columns that say which page and document a row came from."""
    return {
        "source": page.source,
        "document": index,
        "document_title": document.title if document else None,
        "document_kind": document.kind if document else None,
    }


def _joined(texts: Iterable[str]) -> str | None:
    """Return ``texts`` joined with :data:`JOIN`, or None when there is none."""
    return JOIN.join(texts) or None


def _exact(value: Decimal | None) -> str | None:
    """Return an amount as plain decimal text (``4048000000``), None for None."""
    return None if value is None else format(value, "f")


def _code(region: Region | None) -> str | None:
    return region.code if region else None


def _name(region: Region | None) -> str | None:
    return region.name if region else None


def _indicator_row(indicator: Indicator) -> Row:
    """Return the columns of one indicator, its quantity's fields flattened in."""
    q = indicator.quantity
    return {
        "text": q.text,
        "start": q.start,
        "end": q.end,
        "value": q.value,
        "value_exact": _exact(q.value),
        "low": q.low,
        "low_exact": _exact(q.low),
        "high": q.high,
        "high_exact": _exact(q.high),
        "unit": q.unit,
        "kind": q.kind,
        "currency": q.currency,
        "qualifier": q.qualifier,
        "approximate": q.approximate,
        "masked": q.masked,
        "subject": indicator.subject,
        "subject_start": indicator.subject_start,
        "subject_end": indicator.subject_end,
        "metric": indicator.metric,
        "region_code": _code(indicator.region),
        "region_name": _name(indicator.region),
        "date": indicator.date,
        "cumulative": indicator.cumulative,
        "sentence_start": indicator.sentence_start,
        "sentence_end": indicator.sentence_end,
    }


def pair_row(pair: AssistancePair) -> Row:
    """Return the columns of one assistance edge (its row of the ``pairs`` table, without
    the page and document columns)."""
    return {
        "helper_code": pair.helper.code,
        "helper": pair.helper.name,
        "helped_code": pair.helped.code,
        "helped": pair.helped.name,
        "relation": pair.relation,
        "relation_text": pair.relation_text,
        "direction": pair.direction,
        "status": pair.status,
        "helper_implied": pair.helper_implied,
        "known": pair.known,
        "known_period": pair.known_period,
        "known_source": pair.known_source,
        "text": pair.text,
        "start": pair.start,
        "end": pair.end,
    }


def _official_row(official: Official, speaker: Official | None) -> Row:
    """Return the columns of one official; ``speaker`` says whether it signs the document."""
    return {
        "name": official.name,
        "positions": _joined(p.text for p in official.positions),
        "speaker": speaker is not None and speaker.name == official.name,
        "start": official.start,
        "end": official.end,
        "mentions": official.mentions,
    }


def _document_row(document: Document) -> Row:
    """Return the columns of one document (title and kind are in its provenance)."""
    speaker = document.speaker
    return {
        "title_start": document.title_start,
        "title_end": document.title_end,
        "region_code": _code(document.region),
        "region_name": _name(document.region),
        "speaker": speaker.name if speaker else None,
        "speaker_positions": _joined(p.text for p in speaker.positions) if speaker else None,
        "authors": _joined(a.text for a in document.authors),
        "date": document.date,
        "publication": document.source,
        "body_start": document.body_start,
        "body_end": document.body_end,
        "n_officials": len(document.officials),
        "n_pairs": len(document.pairs),
        "n_indicators": len(document.indicators),
        "n_quantities": len(document.quantities),
    }


def _span_key(item: Indicator | AssistancePair) -> tuple[int, int, str]:
    return (item.start, item.end, item.text)


def _indicator_rows(page: Page) -> Iterator[Row]:
    yield from _item_rows(page, lambda d: d.indicators, page.indicators, _span_key, _indicator_row)


def _pair_rows(page: Page) -> Iterator[Row]:
    yield from _item_rows(page, lambda d: d.pairs, page.pairs, _span_key, pair_row)


def _item_rows(
    page: Page,
    items_of: Callable[[Document], tuple[Any, ...]],
    page_items: tuple[Any, ...],
    key: Callable[[Any], object],
    row_of: Callable[[Any], Row],
) -> Iterator[Row]:
    """Yield the rows of each document's items, then of the page's items found in none."""
    seen: set[object] = set()
    for index, document in enumerate(page.documents):
        for item in items_of(document):
            seen.add(key(item))
            yield {**_provenance(page, index, document), **row_of(item)}
    for item in page_items:
        if key(item) not in seen:
            yield {**_provenance(page, None, None), **row_of(item)}


def _official_rows(page: Page) -> Iterator[Row]:
    """Yield one row per official and document, then the page's officials found in none."""
    seen: set[str] = set()
    for index, document in enumerate(page.documents):
        for official in document.officials:
            seen.add(official.name)
            yield {
                **_provenance(page, index, document),
                **_official_row(official, document.speaker),
            }
    for official in page.officials:
        if official.name not in seen:
            yield {**_provenance(page, None, None), **_official_row(official, None)}


def _document_rows(page: Page) -> Iterator[Row]:
    for index, document in enumerate(page.documents):
        yield {**_provenance(page, index, document), **_document_row(document)}


_ROWS: dict[Table, Callable[[Page], Iterator[Row]]] = {
    "indicators": _indicator_rows,
    "pairs": _pair_rows,
    "officials": _official_rows,
    "documents": _document_rows,
}
