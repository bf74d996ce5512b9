"""``povertytext parse`` writing tables: formats from ``--format`` or ``-o``, every table in
one run, CSV for Excel, Parquet that reads back as one dataset, Stata."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

import povertytext as pt
from povertytext.cli import main
from povertytext.tables import TABLES, columns, records, scalar_text, stata_names

pandas = pytest.importorskip("pandas")
pytest.importorskip("pyarrow")

TEXTS = {
    "guangzhou.txt": (
        "山海携手 共奔小康\n\n广州\n\n周明远\n\n广州市人民政府副市长\n\n"
        "“十三五”以来，广州市与黔南州、毕节市开展东西部扶贫协作，累计投入财政帮扶资金"
        "12.5亿元，选派挂职干部360名，带动贫困人口8.2万人增收。\n"
    ),
    "report.txt": (
        "三分之一的贫困户增收，累计投入123456789012345678901234567890元，贫困发生率降至0.5%。\n"
    ),
}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def pages_of(folder: Path) -> list[pt.Page]:
    """The pages the command line makes of ``folder``, labelled as it labels them."""
    return [pt.parse(p.read_text("utf-8"), source=str(p)) for p in sorted(folder.glob("*.txt"))]


def exact_values(rows: list[dict[str, object]]) -> list[str]:
    return [str(row["value_exact"] or "") for row in rows]


def test_the_format_comes_from_the_output_extension(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "pairs.csv"
    assert main(["parse", str(corpus), "--table", "pairs", "-o", str(out), "-q"]) == 0
    header, *rows = list(csv.reader(io.StringIO(out.read_text("utf-8"))))
    assert header == list(columns("pairs"))
    assert len(rows) == len(records(pages_of(corpus), "pairs"))


@pytest.mark.parametrize(("name", "fmt"), [("rows.jsonl", "jsonl"), ("rows.json", "json")])
def test_json_formats_from_the_extension(corpus: Path, tmp_path: Path, name: str, fmt: str) -> None:
    out = tmp_path / name
    assert main(["parse", str(corpus), "--table", "indicators", "-o", str(out), "-q"]) == 0
    text = out.read_text("utf-8")
    rows = json.loads(text) if fmt == "json" else [json.loads(line) for line in text.splitlines()]
    assert exact_values(rows) == exact_values(records(pages_of(corpus), "indicators"))  # type: ignore[arg-type]


def test_format_wins_over_the_extension(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "rows.txt"
    assert (
        main(["parse", str(corpus), "--table", "pairs", "--format", "csv", "-o", str(out), "-q"])
        == 0
    )
    assert out.read_text("utf-8").startswith("source,document,")


def test_parquet_output(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "indicators.parquet"
    assert main(["parse", str(corpus), "--table", "indicators", "-o", str(out), "-q"]) == 0
    import pyarrow.parquet

    assert pyarrow.parquet.read_schema(out).remove_metadata() == (
        pt.tables.schema("indicators").remove_metadata()
    )
    back = pandas.read_parquet(out)
    expected = records(pages_of(corpus), "indicators")
    assert [v or "" for v in back["value_exact"]] == exact_values(expected)  # type: ignore[arg-type]
    assert "123456789012345678901234567890" in set(back["value_exact"])


def test_all_tables_in_one_run(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    argv = [
        "parse",
        str(corpus),
        "--tables",
        "all",
        "--format",
        "parquet",
        "--output-dir",
        str(out),
    ]
    assert main([*argv, "-q"]) == 0
    assert sorted(path.name for path in out.iterdir()) == sorted(f"{t}.parquet" for t in TABLES)
    pages = pages_of(corpus)
    for table in TABLES:
        back = pandas.read_parquet(out / f"{table}.parquet")
        assert list(back.columns) == list(columns(table))
        assert len(back) == len(records(pages, table))


def test_all_tables_default_to_csv(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert (
        main(["parse", str(corpus), "--tables", "pairs,documents", "--output-dir", str(out), "-q"])
        == 0
    )
    assert sorted(path.name for path in out.iterdir()) == ["documents.csv", "pairs.csv"]
    pages = pages_of(corpus)
    rows = list(csv.reader(io.StringIO((out / "documents.csv").read_text("utf-8"))))
    body = [[scalar_text(v) for v in row.values()] for row in records(pages, "documents")]
    assert rows == [list(columns("documents")), *body]


def test_parquet_of_separate_runs_reads_back_as_one_dataset(tmp_path: Path) -> None:
    folders = []
    for index, (name, text) in enumerate(TEXTS.items()):
        folder = tmp_path / f"batch-{index}"
        folder.mkdir()
        (folder / name).write_text(text, encoding="utf-8")
        folders.append(folder)
    out = tmp_path / "indicators"
    out.mkdir()
    for index, folder in enumerate(folders):
        target = out / f"part-{index}.parquet"
        assert main(["parse", str(folder), "--table", "indicators", "-o", str(target), "-q"]) == 0
    back = pandas.read_parquet(out)
    expected = records([page for folder in folders for page in pages_of(folder)], "indicators")
    assert [v or "" for v in back["value_exact"]] == exact_values(expected)  # type: ignore[arg-type]


def test_excel_csv_has_a_byte_order_mark(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "pairs.csv"
    assert main(["parse", str(corpus), "--table", "pairs", "--excel", "-o", str(out), "-q"]) == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfsource,")
    assert b"\r\n" in raw
    text = raw.decode("utf-8-sig")
    assert "广州市" in text
    [header, *_] = list(csv.reader(io.StringIO(text)))
    assert header == list(columns("pairs"))


def test_stata_output_keeps_values_exact_in_their_string_column(
    corpus: Path, tmp_path: Path
) -> None:
    out = tmp_path / "indicators.dta"
    assert (
        main(
            ["parse", str(corpus), "--table", "indicators", "--format", "dta", "-o", str(out), "-q"]
        )
        == 0
    )
    back = pandas.read_stata(out)
    assert list(back.columns) == list(stata_names("indicators").values())
    expected = records(pages_of(corpus), "indicators")
    assert back["value_exact"].tolist() == exact_values(expected)  # type: ignore[arg-type]
    assert "123456789012345678901234567890" in set(back["value_exact"])
    assert back["text"].tolist() == [row["text"] for row in expected]


def test_all_tables_as_stata(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert (
        main(
            [
                "parse",
                str(corpus),
                "--tables",
                "all",
                "--format",
                "dta",
                "--output-dir",
                str(out),
                "-q",
            ]
        )
        == 0
    )
    for table in TABLES:
        back = pandas.read_stata(out / f"{table}.dta")
        assert list(back.columns) == list(stata_names(table).values())


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        pytest.param(["--format", "parquet", "--table", "pairs"], "-o FILE", id="binary-to-stdout"),
        pytest.param(["--format", "dta"], "needs --table", id="pages-as-stata"),
        pytest.param(["-o", "pages.parquet"], "needs --table", id="pages-as-parquet-by-name"),
        pytest.param(["--tables", "all"], "--output-dir", id="several-tables-no-folder"),
        pytest.param(["--tables", "pairs,quantities"], "quantities", id="unknown-table"),
        pytest.param(["--table", "pairs", "--tables", "all"], "not both", id="table-and-tables"),
        pytest.param(
            ["--table", "pairs", "--excel", "--format", "json"], "--excel", id="excel-json"
        ),
        pytest.param(["--output-dir", "x"], "needs --table", id="output-dir-pages"),
    ],
)
def test_usage_errors(capsys: pytest.CaptureFixture[str], argv: list[str], message: str) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["parse", "--example", *argv])
    assert exit_info.value.code == 2
    assert message in capsys.readouterr().err
