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

Values stay exact: amounts are ``Decimal`` in the records and in the data
frame of :func:`to_dataframe` (an ``object`` column; Parquet stores them as
decimals), and are written as plain decimal strings (``4048000000``, never a
float) by :func:`scalar_text`, which the command line uses for CSV. Several
positions or authors in one cell are joined with ``；``.

>>> import povertytext as pt
>>> page = pt.Page(length=0, source="empty.txt")
>>> records(page, "pairs")
[]
>>> columns("pairs")[:4]
('source', 'document', 'document_title', 'document_kind')
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal, get_args

from .errors import MissingDependencyError, UsageError
from .models import AssistancePair, Document, Indicator, Official, Page, Region

if TYPE_CHECKING:
    import pandas  # type: ignore[import-untyped, unused-ignore]

__all__ = [
    "JOIN",
    "TABLES",
    "MissingDependencyError",
    "Row",
    "Scalar",
    "Table",
    "columns",
    "json_schema",
    "records",
    "scalar_text",
    "to_dataframe",
]

Table = Literal["indicators", "pairs", "officials", "documents"]
TABLES: tuple[Table, ...] = get_args(Table)

Scalar = str | int | bool | Decimal | None
Row = dict[str, Scalar]

JOIN = "；"
"""What joins several values in one cell (positions, authors)."""

ColumnType = Literal["str", "int", "bool", "decimal"]

_PROVENANCE: tuple[tuple[str, ColumnType], ...] = (
    ("source", "str"),
    ("document", "int"),
    ("document_title", "str"),
    ("document_kind", "str"),
)

_COLUMNS: dict[Table, tuple[tuple[str, ColumnType], ...]] = {
    "indicators": (
        *_PROVENANCE,
        ("text", "str"),
        ("start", "int"),
        ("end", "int"),
        ("value", "decimal"),
        ("low", "decimal"),
        ("high", "decimal"),
        ("unit", "str"),
        ("kind", "str"),
        ("currency", "str"),
        ("qualifier", "str"),
        ("approximate", "bool"),
        ("masked", "bool"),
        ("subject", "str"),
        ("subject_start", "int"),
        ("subject_end", "int"),
        ("metric", "str"),
        ("region_code", "str"),
        ("region_name", "str"),
        ("date", "str"),
        ("cumulative", "bool"),
        ("sentence_start", "int"),
        ("sentence_end", "int"),
    ),
    "pairs": (
        *_PROVENANCE,
        ("helper_code", "str"),
        ("helper", "str"),
        ("helped_code", "str"),
        ("helped", "str"),
        ("relation", "str"),
        ("relation_text", "str"),
        ("direction", "str"),
        ("status", "str"),
        ("helper_implied", "bool"),
        ("known", "bool"),
        ("known_period", "str"),
        ("known_source", "str"),
        ("text", "str"),
        ("start", "int"),
        ("end", "int"),
    ),
    "officials": (
        *_PROVENANCE,
        ("name", "str"),
        ("positions", "str"),
        ("speaker", "bool"),
        ("start", "int"),
        ("end", "int"),
        ("mentions", "int"),
    ),
    "documents": (
        *_PROVENANCE,
        ("title_start", "int"),
        ("title_end", "int"),
        ("region_code", "str"),
        ("region_name", "str"),
        ("speaker", "str"),
        ("speaker_positions", "str"),
        ("authors", "str"),
        ("date", "str"),
        ("publication", "str"),
        ("body_start", "int"),
        ("body_end", "int"),
        ("n_officials", "int"),
        ("n_pairs", "int"),
        ("n_indicators", "int"),
        ("n_quantities", "int"),
    ),
}

# pandas dtypes that keep every column exact and nullable (no float NaN in an int column).
_PANDAS_DTYPES: dict[ColumnType, str] = {
    "str": "string",
    "int": "Int64",
    "bool": "boolean",
    "decimal": "object",
}



def columns(table: Table = "indicators") -> tuple[str, ...]:
    """Return the column names of ``table``, in the order every row has them.

    Raises:
        UsageError: when ``table`` is not one of :data:`TABLES`.

    >>> columns("officials")
    ('source', 'document', 'document_title', 'document_kind', 'name', 'positions', 'speaker', 'start', 'end', 'mentions')
    """  # noqa: E501
    return tuple(name for name, _ in _spec(table))


def records(pages: Page | Iterable[Page], table: Table = "indicators") -> list[Row]:
    """Return the rows of ``table`` for one page or many, in page then text order.

    Rows come from each document's lists, tagged with the document's index; an
    indicator, pair or official of the page found in no document gets one row
    with ``document`` None, so nothing the page holds is dropped.

    Raises:
        UsageError: when ``table`` is not one of :data:`TABLES`.

    >>> import povertytext as pt
    >>> page = pt.Page(length=20, documents=[pt.Essay(body_start=0, body_end=20)])
    >>> records(page, "documents")[0]["document_kind"], records(page, "documents")[0]["n_pairs"]
    ('essay', 0)
    """
    _spec(table)
    rows_of = _ROWS[table]
    one_or_many = [pages] if isinstance(pages, Page) else pages
    return [row for page in one_or_many for row in rows_of(page)]


def to_dataframe(pages: Page | Iterable[Page], table: Table = "indicators") -> pandas.DataFrame:
    """Return the rows of ``table`` as a pandas ``DataFrame`` (pandas is an optional extra).

    Columns are those of :func:`columns`, also when there is no row. Integers
    and booleans are pandas' nullable ``Int64`` and ``boolean``, text is
    ``string``, amounts stay ``Decimal`` objects: nothing passes through float.

    Raises:
        MissingDependencyError: when pandas is not installed
            (``pip install 'povertytext[pandas]'``).
        UsageError: when ``table`` is not one of :data:`TABLES`.

    >>> import povertytext as pt
    >>> frame = to_dataframe(pt.Page(length=0), "pairs")
    >>> len(frame), list(frame.columns) == list(columns("pairs"))
    (0, True)
    """
    spec = _spec(table)
    pd = _import_pandas()
    frame = pd.DataFrame.from_records(records(pages, table), columns=[name for name, _ in spec])
    return frame.astype({name: _PANDAS_DTYPES[kind] for name, kind in spec})


def json_schema(mode: Literal["validation", "serialization"] = "serialization") -> dict[str, Any]:
    """Return the JSON Schema of :class:`~povertytext.Page`.

    ``serialization`` (the default) describes the JSON that
    ``page.model_dump_json()`` and ``povertytext parse`` write, with amounts as
    strings; ``validation`` what ``Page.model_validate_json`` accepts.

    >>> json_schema()["title"]
    'Page'
    """
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


def _spec(table: str) -> tuple[tuple[str, ColumnType], ...]:
    """Return the (name, type) columns of ``table``.

    Raises:
        UsageError: naming the tables there are.
    """
    try:
        return _COLUMNS[table]  # type: ignore[index]
    except KeyError:
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
        "low": q.low,
        "high": q.high,
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


def _pair_row(pair: AssistancePair) -> Row:
    """Return the columns of one assistance edge."""
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
    yield from _item_rows(page, lambda d: d.pairs, page.pairs, _span_key, _pair_row)


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
