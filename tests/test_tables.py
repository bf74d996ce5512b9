"""Tables: hand-built pages flattened to rows, data frames, CSV, Parquet, the pinned JSON Schema.

The pages here are built with the model constructors, so the table shapes are
tested whatever the extractors find. ``tests/data/page_schema.json`` pins
``json_schema()``; after a deliberate change to the models, regenerate it with
``python tests/test_tables.py`` and review the diff.
"""

from __future__ import annotations

import csv
import io
import json
import pickle
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
        assert TEXT[row["start"] : row["end"]] == row[key]  # type: ignore[misc]


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
    assert TEXT[speech["body_start"] : speech["body_end"]].startswith("东莞市与昭通市")  # type: ignore[misc]


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


def test_dataframe_keeps_decimals_and_nullable_integers() -> None:
    frame = to_dataframe(PAGE, "indicators")
    assert list(frame.columns) == list(columns("indicators"))
    assert len(frame) == 3
    assert frame["value"][0] == Decimal("30000000")
    assert isinstance(frame["value"][0], Decimal)
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
    assert [row["value"] for row in rows] == ["30000000", "18200", ""]
    assert rows[2]["low"] == "8"


def test_dataframe_parquet_round_trip_keeps_decimals(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    import pandas

    path = tmp_path / "indicators.parquet"
    to_dataframe(PAGE, "indicators").to_parquet(path, index=False)
    back = pandas.read_parquet(path)
    assert back["value"][0] == Decimal("30000000")
    assert isinstance(back["value"][0], Decimal)
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
