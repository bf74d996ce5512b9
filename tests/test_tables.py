"""Tables: hand-built pages flattened to rows, data frames, CSV, Parquet, the pinned JSON Schema.

The pages here are built with the model constructors, so the table shapes are
tested whatever the extractors find. ``tests/data/page_schema.json`` pins
``json_schema()`` and ``docs/columns.md`` is ``tables.codebook()``; after a
deliberate change to the models or the columns, regenerate both with
``python tests/test_tables.py`` and review the diff.
"""

from __future__ import annotations

import csv
import io
import json
import pickle
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import povertytext as pt
from povertytext import tables
from povertytext.tables import (
    TABLES,
    MissingDependencyError,
    columns,
    json_schema,
    records,
    scalar_text,
    to_dataframe,
)

SCHEMA = Path(__file__).parent / "data" / "page_schema.json"
COLUMNS_DOC = Path(__file__).parent.parent / "docs" / "columns.md"

TEXT = (
    "携手奔小康\n"
    "东莞\n"
    "陈慧贞\n"
    "东莞市副市长\n"
    "东莞市与昭通市结对帮扶，累计投入帮扶资金约3000万元，带动贫困户1.82万户增收。\n"
    "产业园区\n"
    "两地共建产业园区8-12个。\n"
    "东莞市扶贫办主任王强"
)


def span(text: str) -> tuple[int, int]:
    """The span of the first ``text`` in ``TEXT``."""
    start = TEXT.index(text)
    return start, start + len(text)


def quantity(text: str, **fields: Any) -> pt.Quantity:
    start, end = span(text)
    return pt.Quantity(text=text, start=start, end=end, **fields)


def official(name: str, *positions: str) -> pt.Official:
    start, end = span(name)
    posts = []
    for post in positions:
        p_start, p_end = span(post)
        posts.append(pt.Position(text=post, as_written=post, start=p_start, end=p_end))
    return pt.Official(name=name, start=start, end=end, positions=tuple(posts))


def sentence(inside: str) -> tuple[int, int]:
    """The span of the sentence of ``TEXT`` holding ``inside`` (up to its 。)."""
    start, _ = span(inside)
    first = TEXT.rfind("\n", 0, start) + 1
    return first, TEXT.index("。", start) + 1


def build_page() -> pt.Page:
    """A speech and an article on one page, and an official in the footer outside both."""
    dongguan, zhaotong = pt.resolve_region("东莞"), pt.resolve_region("昭通")
    speaker = official("陈慧贞", "东莞市副市长")
    funds = pt.Indicator(
        quantity=quantity(
            "约3000万元",
            value=Decimal("30000000"),
            unit="元",
            kind="money",
            currency="CNY",
            qualifier="约",
            approximate=True,
        ),
        subject="帮扶资金",
        subject_start=span("帮扶资金")[0],
        subject_end=span("帮扶资金")[1],
        metric="funds.fiscal_aid",
        region=dongguan,
        date="2020",
        cumulative=True,
        sentence_start=sentence("约3000万元")[0],
        sentence_end=sentence("约3000万元")[1],
    )
    households = pt.Indicator(
        quantity=quantity("1.82万户", value=Decimal("18200"), unit="户"),
        sentence_start=sentence("1.82万户")[0],
        sentence_end=sentence("1.82万户")[1],
    )
    parks = pt.Indicator(
        quantity=quantity("8-12个", low=Decimal(8), high=Decimal(12), unit="个"),
        subject="产业园区",
        sentence_start=sentence("8-12个")[0],
        sentence_end=sentence("8-12个")[1],
    )
    evidence = "东莞市与昭通市结对帮扶"
    pair = pt.AssistancePair(
        text=evidence, start=span(evidence)[0], end=span(evidence)[1],
        helper=dongguan, helped=zhaotong, relation="结对帮扶",
    )  # fmt: skip
    speech = pt.Speech(
        title="携手奔小康",
        title_start=0,
        title_end=5,
        region=dongguan,
        speaker=speaker,
        body_start=span("东莞市与")[0],
        body_end=sentence("1.82万户")[1],
        officials=(speaker,),
        pairs=(pair,),
        indicators=(funds, households),
        quantities=(funds.quantity, households.quantity),
    )
    article = pt.Article(
        title="产业园区",
        title_start=span("产业园区\n")[0],
        title_end=span("产业园区\n")[0] + 4,
        source="农村工作通讯",
        authors=(pt.Author(text="王强", start=span("王强")[0], end=span("王强")[1], role="主任"),),
        body_start=sentence("8-12个")[0],
        body_end=sentence("8-12个")[1],
        indicators=(parks,),
        quantities=(parks.quantity,),
    )
    footer = official("王强", "东莞市扶贫办主任")
    return pt.Page(
        source="dongguan.txt",
        length=len(TEXT),
        documents=(speech, article),
        officials=(speaker, footer),
        pairs=(pair,),
        indicators=(funds, households, parks),
        quantities=(funds.quantity, households.quantity, parks.quantity),
    )


PAGE = build_page()


# ---------------------------------------------------------------- shapes


@pytest.mark.parametrize("table", TABLES)
def test_every_row_has_the_columns_in_order(table: tables.Table) -> None:
    rows = records(PAGE, table)
    assert rows
    for row in rows:
        assert tuple(row) == columns(table)
        assert all(v is None or isinstance(v, str | int | bool | Decimal) for v in row.values())


@pytest.mark.parametrize(
    ("table", "count"),
    [
        pytest.param("indicators", 3, id="indicators-one-per-indicator"),
        pytest.param("pairs", 1, id="pairs-one-per-edge"),
        pytest.param("officials", 2, id="officials-per-document-plus-outside"),
        pytest.param("documents", 2, id="documents-one-per-document"),
    ],
)
def test_row_count(table: tables.Table, count: int) -> None:
    assert len(records(PAGE, table)) == count


@pytest.mark.parametrize("table", ["indicators", "pairs", "officials"])
def test_rows_slice_back_to_their_text(table: tables.Table) -> None:
    for row in records(PAGE, table):
        key = "name" if table == "officials" else "text"
        assert TEXT[row["start"] : row["end"]] == row[key]  # type: ignore[index]


INDICATOR_CELLS = [
    # row index, column, value
    pytest.param(0, "source", "dongguan.txt", id="provenance-source"),
    pytest.param(0, "document", 0, id="provenance-document-index"),
    pytest.param(0, "document_title", "携手奔小康", id="provenance-title"),
    pytest.param(0, "document_kind", "speech", id="provenance-kind"),
    pytest.param(0, "value", Decimal("30000000"), id="value-stays-decimal"),
    pytest.param(0, "qualifier", "约", id="qualifier"),
    pytest.param(0, "approximate", True, id="approximate"),
    pytest.param(0, "currency", "CNY", id="currency"),
    pytest.param(0, "metric", "funds.fiscal_aid", id="metric"),
    pytest.param(0, "region_code", "441900", id="region-code"),
    pytest.param(0, "region_name", "东莞市", id="region-name"),
    pytest.param(0, "cumulative", True, id="cumulative"),
    pytest.param(0, "subject", "帮扶资金", id="subject"),
    pytest.param(1, "subject", None, id="no-subject-is-none"),
    pytest.param(1, "region_code", None, id="no-region-is-none"),
    pytest.param(2, "document", 1, id="second-document"),
    pytest.param(2, "document_kind", "article", id="second-document-kind"),
    pytest.param(2, "value", None, id="range-has-no-value"),
    pytest.param(2, "low", Decimal(8), id="range-low"),
    pytest.param(2, "high", Decimal(12), id="range-high"),
]


@pytest.mark.parametrize(("index", "column", "value"), INDICATOR_CELLS)
def test_indicator_cell(index: int, column: str, value: object) -> None:
    assert records(PAGE, "indicators")[index][column] == value


PAIR_CELLS = [
    pytest.param("helper_code", "441900", id="helper-code"),
    pytest.param("helper", "东莞市", id="helper-name"),
    pytest.param("helped_code", "530600", id="helped-code"),
    pytest.param("helped", "昭通市", id="helped-name"),
    pytest.param("relation", "结对帮扶", id="relation"),
    pytest.param("status", "stated", id="status"),
    pytest.param("helper_implied", False, id="helper-written"),
    pytest.param("known", None, id="not-checked"),
    pytest.param("text", "东莞市与昭通市结对帮扶", id="evidence"),
]


@pytest.mark.parametrize(("column", "value"), PAIR_CELLS)
def test_pair_cell(column: str, value: object) -> None:
    [row] = records(PAGE, "pairs")
    assert row[column] == value


def test_officials_rows_mark_the_speaker_and_keep_officials_outside_documents() -> None:
    speaker, outside = records(PAGE, "officials")
    assert (speaker["name"], speaker["speaker"], speaker["document"]) == ("陈慧贞", True, 0)
    assert speaker["positions"] == "东莞市副市长"
    assert (outside["name"], outside["speaker"], outside["document"]) == ("王强", False, None)
    assert outside["document_title"] is None


def test_positions_are_joined_with_a_full_width_semicolon() -> None:
    two = official("陈慧贞", "东莞市副市长", "东莞市")
    page = pt.Page(length=len(TEXT), officials=(two,))
    [row] = records(page, "officials")
    assert row["positions"] == "东莞市副市长；东莞市"


DOCUMENT_CELLS = [
    pytest.param(0, "document_title", "携手奔小康", id="title"),
    pytest.param(0, "speaker", "陈慧贞", id="speaker"),
    pytest.param(0, "speaker_positions", "东莞市副市长", id="speaker-positions"),
    pytest.param(0, "region_code", "441900", id="region"),
    pytest.param(0, "n_indicators", 2, id="indicator-count"),
    pytest.param(0, "n_pairs", 1, id="pair-count"),
    pytest.param(0, "n_officials", 1, id="official-count"),
    pytest.param(1, "speaker", None, id="article-has-no-speaker"),
    pytest.param(1, "publication", "农村工作通讯", id="publication"),
    pytest.param(1, "authors", "王强", id="authors"),
    pytest.param(1, "n_pairs", 0, id="no-pairs"),
]


@pytest.mark.parametrize(("index", "column", "value"), DOCUMENT_CELLS)
def test_document_cell(index: int, column: str, value: object) -> None:
    assert records(PAGE, "documents")[index][column] == value


def test_document_rows_give_body_spans() -> None:
    speech, _ = records(PAGE, "documents")
    assert TEXT[speech["body_start"] : speech["body_end"]].startswith("东莞市与昭通市")  # type: ignore[index]


def test_many_pages_give_rows_in_page_order() -> None:
    other = PAGE.model_copy(update={"source": "other.txt"})
    rows = records([PAGE, other], "pairs")
    assert [row["source"] for row in rows] == ["dongguan.txt", "other.txt"]
    assert records(iter([PAGE]), "indicators") == records(PAGE, "indicators")


def test_an_empty_page_has_no_rows() -> None:
    assert all(records(pt.Page(length=0), table) == [] for table in TABLES)


def test_unknown_table_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="indicators, pairs, officials, documents"):
        records(PAGE, "quantities")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "text"),
    [
        pytest.param(Decimal("4048000000"), "4048000000", id="decimal-integer"),
        pytest.param(Decimal("4.048E+9"), "4048000000", id="decimal-exponent-written-plain"),
        pytest.param(Decimal("0.000001"), "0.000001", id="decimal-small-not-exponent"),
        pytest.param(Decimal("87.50"), "87.50", id="decimal-keeps-stated-digits"),
        pytest.param(True, "true", id="true"),
        pytest.param(False, "false", id="false"),
        pytest.param(None, "", id="none-empty"),
        pytest.param(12, "12", id="int"),
        pytest.param("昭通市", "昭通市", id="text"),
    ],
)
def test_scalar_text(value: tables.Scalar, text: str) -> None:
    assert scalar_text(value) == text


# ---------------------------------------------------------------- pandas


def test_dataframe_has_floats_beside_exact_text_and_nullable_integers() -> None:
    frame = to_dataframe(PAGE, "indicators")
    assert list(frame.columns) == list(columns("indicators"))
    assert len(frame) == 3
    assert str(frame["value"].dtype) == "Float64"
    assert frame["value"][0] == 30000000.0
    assert frame["value_exact"].tolist()[:2] == ["30000000", "18200"]
    assert frame["value_exact"].isna().tolist() == [False, False, True]
    assert str(frame["value_exact"].dtype).startswith("str")
    assert str(frame["start"].dtype) == "Int64"
    assert str(frame["subject_start"].dtype) == "Int64"
    assert frame["subject_start"].isna().tolist() == [False, True, True]
    assert str(frame["approximate"].dtype) == "boolean"


@pytest.mark.parametrize("table", TABLES)
def test_empty_dataframe_has_the_columns(table: tables.Table) -> None:
    frame = to_dataframe([], table)
    assert (len(frame), list(frame.columns)) == (0, list(columns(table)))


def test_dataframe_csv_writes_amounts_exactly() -> None:
    buffer = io.StringIO()
    to_dataframe(PAGE, "indicators").to_csv(buffer, index=False)
    rows = list(csv.DictReader(io.StringIO(buffer.getvalue())))
    assert [row["value_exact"] for row in rows] == ["30000000", "18200", ""]
    assert rows[2]["low_exact"] == "8"


def test_dataframe_parquet_round_trip_keeps_exact_text(tmp_path: Path) -> None:
    import pandas

    path = tmp_path / "indicators.parquet"
    to_dataframe(PAGE, "indicators").to_parquet(path, index=False)
    back = pandas.read_parquet(path)
    assert back["value_exact"][0] == "30000000"
    assert back["value"][0] == 30000000.0
    assert back["text"].tolist() == ["约3000万元", "1.82万户", "8-12个"]


def test_missing_pandas_is_a_library_error_with_an_install_hint(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now fails
    with pytest.raises(MissingDependencyError) as error:
        to_dataframe(PAGE)
    assert error.value.code == "missing_dependency"
    assert isinstance(error.value, pt.PovertyTextError)
    assert isinstance(error.value, ImportError)
    assert "povertytext[pandas]" in str(error.value)


# ---------------------------------------------------------------- one schema per table

BATCHES = [
    # one batch of small whole numbers, one of a fraction to 20 places and a 30-digit
    # amount, one with no indicator at all: each once inferred a schema of its own
    ["选派干部128名。", "投入帮扶资金3000万元。"],
    ["三分之一的贫困户增收，累计投入123456789012345678901234567890元。"],
    ["没有数字的一句话。"],
]


def batch_pages(index: int) -> list[pt.Page]:
    return [pt.parse(text, source=f"b{index}-{n}.txt") for n, text in enumerate(BATCHES[index])]


@pytest.mark.parametrize("table", TABLES)
def test_schema_has_every_column_in_order_with_a_description(table: tables.Table) -> None:
    fixed = tables.schema(table)
    assert fixed.names == list(columns(table))
    assert all(field.metadata[b"description"] for field in fixed)
    assert fixed.metadata[b"povertytext.table"] == table.encode()
    assert fixed.metadata[b"povertytext.schema"] == tables.SCHEMA_VERSION.encode()


@pytest.mark.parametrize("table", TABLES)
def test_arrow_table_has_the_schema_whatever_the_rows(table: tables.Table) -> None:
    for index in range(len(BATCHES)):
        assert tables.to_arrow(batch_pages(index), table).schema == tables.schema(table)
    assert tables.to_arrow(PAGE, table).schema == tables.schema(table)


def test_amounts_are_doubles_beside_their_exact_text() -> None:
    fixed = tables.schema("indicators")
    for name in ("value", "low", "high"):
        assert str(fixed.field(name).type) == "double"
        assert str(fixed.field(f"{name}_exact").type) == "string"
    [row] = [r for r in records(batch_pages(1), "indicators") if r["unit"] == "元"]
    assert row["value"] == Decimal("123456789012345678901234567890")
    assert row["value_exact"] == "123456789012345678901234567890"


def test_parquet_files_of_separate_batches_read_back_as_one_dataset(tmp_path: Path) -> None:
    import pandas

    for index in range(len(BATCHES)):
        tables.write_parquet(batch_pages(index), "indicators", tmp_path / f"part-{index}.parquet")
    back = pandas.read_parquet(tmp_path)
    expected = records([page for i in range(len(BATCHES)) for page in batch_pages(i)])
    assert len(back) == len(expected)
    assert sorted(back["value_exact"].dropna()) == sorted(
        str(row["value_exact"]) for row in expected if row["value_exact"] is not None
    )
    assert "123456789012345678901234567890" in set(back["value_exact"])
    assert "0.33333333333333333333" in set(back["value_exact"])


def test_data_frames_of_separate_batches_write_one_parquet_schema(tmp_path: Path) -> None:
    import pandas

    for index in range(len(BATCHES)):
        frame = to_dataframe(batch_pages(index), "indicators")
        frame.to_parquet(tmp_path / f"part-{index}.parquet", index=False)
    back = pandas.read_parquet(tmp_path)
    assert len(back) == len(records([p for i in range(len(BATCHES)) for p in batch_pages(i)]))


def test_a_dask_run_reads_back_as_one_dataset(tmp_path: Path) -> None:
    import dask
    import dask.bag
    import pandas

    texts = [(f"{n}.txt", text) for n, text in enumerate(t for b in BATCHES for t in b)]
    bag = dask.bag.from_sequence(texts, npartitions=3).starmap(lambda s, t: pt.parse(t, source=s))
    writes = [
        dask.delayed(tables.write_parquet)(part, "indicators", tmp_path / f"part-{n}.parquet")
        for n, part in enumerate(bag.to_delayed())
    ]
    dask.compute(*writes, scheduler="synchronous")
    back = pandas.read_parquet(tmp_path)
    local = [pt.parse(text, source=source) for source, text in texts]
    assert sorted(back["value_exact"].dropna()) == sorted(
        str(r["value_exact"]) for r in records(local) if r["value_exact"] is not None
    )


# ---------------------------------------------------------------- Stata and the codebook

STATA_RESERVED = {  # Stata's manual, [U] 11.3 Naming conventions
    "_all", "_b", "byte", "_coef", "_cons", "double", "float", "if", "in", "int", "long", "_n",
    "_N", "_pi", "_pred", "_rc", "_skip", "strL", "using", "with", "end", "do", "for", "local",
}  # fmt: skip


@pytest.mark.parametrize("table", TABLES)
def test_stata_names_are_names_stata_accepts(table: tables.Table) -> None:
    names = tables.stata_names(table)
    assert list(names) == list(columns(table))
    assert len(set(names.values())) == len(names)
    for name in names.values():
        assert re.fullmatch(r"[a-z_][a-z0-9_]{0,31}", name), name
        assert name not in STATA_RESERVED
        assert not re.fullmatch(r"str\d+", name)
    assert names.get("end", "end_") == "end_"


@pytest.mark.parametrize("table", TABLES)
def test_stata_frame_round_trips_with_exact_text(table: tables.Table, tmp_path: Path) -> None:
    import pandas

    path = tmp_path / f"{table}.dta"
    frame = tables.to_stata_frame(PAGE, table)
    frame.to_stata(path, version=118, write_index=False, variable_labels=tables.stata_labels(table))
    back = pandas.read_stata(path)
    assert list(back.columns) == list(tables.stata_names(table).values())
    assert len(back) == len(records(PAGE, table))
    with pandas.io.stata.StataReader(path) as reader:
        labels = reader.variable_labels()
    assert labels == tables.stata_labels(table)


def test_stata_keeps_values_exact_in_their_string_column(tmp_path: Path) -> None:
    import pandas

    path = tmp_path / "indicators.dta"
    pages = batch_pages(1)
    tables.to_stata_frame(pages, "indicators").to_stata(path, version=118, write_index=False)
    back = pandas.read_stata(path)
    exact = [row["value_exact"] or "" for row in records(pages, "indicators")]
    assert back["value_exact"].tolist() == exact
    assert "123456789012345678901234567890" in exact


def test_codebook_is_docs_columns_md() -> None:
    assert COLUMNS_DOC.read_text("utf-8") == tables.codebook(), (
        "regenerate: python tests/test_tables.py"
    )


@pytest.mark.parametrize("table", TABLES)
def test_codebook_lists_every_column_of_the_schema(table: tables.Table) -> None:
    text = tables.codebook()
    section = text.split(f"## {table}\n", 1)[1].split("\n## ", 1)[0]
    listed = re.findall(r"^\| `(\w+)` \| (\w+) \|", section, flags=re.MULTILINE)
    fixed = tables.schema(table)
    assert [name for name, _ in listed] == fixed.names
    assert [kind for _, kind in listed] == [
        "bool" if str(f.type) == "bool" else str(f.type) for f in fixed
    ]


def test_import_povertytext_is_light() -> None:
    code = (
        "import sys, povertytext;"
        "print([m for m in ('pandas', 'pyarrow', 'networkx', 'matplotlib') if m in sys.modules])"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "[]", result.stderr


# ---------------------------------------------------------------- schema, pickle, JSON


def schema_text() -> str:
    return json.dumps(json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def test_json_schema_is_pinned() -> None:
    assert SCHEMA.read_text("utf-8") == schema_text(), "regenerate: python tests/test_tables.py"


def test_json_schema_modes() -> None:
    serialization, validation = json_schema(), json_schema("validation")
    assert serialization["title"] == validation["title"] == "Page"
    assert "documents" in serialization["properties"]


def test_page_pickles() -> None:
    assert pickle.loads(pickle.dumps(PAGE)) == PAGE


def test_page_survives_a_json_round_trip() -> None:
    back = pt.Page.model_validate_json(PAGE.model_dump_json())
    assert back == PAGE
    assert isinstance(back.documents[1], pt.Article)
    assert back.indicators[0].quantity.value == Decimal("30000000")


def test_records_of_a_round_tripped_page_are_the_same() -> None:
    back = pt.Page.model_validate_json(PAGE.model_dump_json())
    assert all(records(back, table) == records(PAGE, table) for table in TABLES)


if __name__ == "__main__":  # regenerate the pinned schema
    SCHEMA.parent.mkdir(exist_ok=True)
    SCHEMA.write_text(schema_text(), encoding="utf-8")
    print(f"wrote {SCHEMA}")
    COLUMNS_DOC.write_text(tables.codebook(), encoding="utf-8")
    print(f"wrote {COLUMNS_DOC}")


# ---------------------------------------------------------------- pages of the wrong type

NOT_PAGES = [None, 5, "page.txt", b"page", [pt.Page(length=0), "page.txt"], {"a": 1}, object()]


@pytest.mark.parametrize(
    "call",
    [records, tables.to_dataframe, tables.to_arrow, tables.to_stata_frame],
    ids=["records", "to_dataframe", "to_arrow", "to_stata_frame"],
)
@pytest.mark.parametrize("value", NOT_PAGES, ids=lambda v: type(v).__name__)
def test_pages_of_the_wrong_type_are_a_usage_error_naming_the_function(
    call: Any, value: object
) -> None:
    with pytest.raises(pt.UsageError, match=rf"^{call.__name__}\(pages=\.\.\.\): "):
        call(value, "documents")


def test_a_generator_of_pages_is_read() -> None:
    page = pt.parse("县里的报告\n\n投入帮扶资金1.2亿元。", source="a.txt")
    rows = records(iter([page, page]), "documents")
    assert rows == records([page, page], "documents")
    assert len(rows) == 2
