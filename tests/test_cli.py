"""The ``povertytext`` command line, run through ``main`` with real inputs and outputs.

What the command prints is checked against the library itself (``parse`` and
``tables.records`` on the same text), so the tests hold whatever the extractors
find; the shipped example's quantities are checked value by value.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
import sys
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

import povertytext
import povertytext as pt
from povertytext.cli import main
from povertytext.tables import TABLES, Table, columns, records, scalar_text

from ._shared import text_folder

SAMPLE = "截至2020年12月底，投入帮扶资金3000万元，带动贫困户1.82万户增收。"
SUMMARY = re.compile(
    r"povertytext: (\d+) files?, (\d+) documents?, (\d+) indicators?, (\d+) pairs?, (\d+) errors?"
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[dict[str, Any]], str]:
    """Return the exit status, the JSON records printed and standard error of one run."""
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, [json.loads(line) for line in out.splitlines()], err


def summary(err: str) -> tuple[int, ...]:
    """Return files, documents, indicators, pairs and errors of the summary line in ``err``."""
    [line] = [line for line in err.splitlines() if SUMMARY.fullmatch(line)]
    match = SUMMARY.fullmatch(line)
    assert match is not None
    return tuple(int(group) for group in match.groups())


def assert_page(record: dict[str, Any], text: str, source: str) -> None:
    """Check that ``record`` is the full page of ``text``, as ``parse`` makes it."""
    assert list(record) == list(pt.Page.model_fields)
    assert (record["source"], record["length"]) == (source, len(text))
    assert pt.Page.model_validate(record) == pt.parse(text, source=source)


def write(folder: Path, name: str, text: str = SAMPLE) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------- inputs


@pytest.mark.parametrize(
    "encoding",
    [
        pytest.param("utf-8", id="utf-8"),
        pytest.param("utf-8-sig", id="utf-8-with-bom"),
        pytest.param("gb18030", id="gb18030"),
        pytest.param("gbk", id="gbk"),
    ],
)
def test_file_in_each_encoding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], encoding: str
) -> None:
    path = tmp_path / "speech.txt"
    path.write_bytes(SAMPLE.encode(encoding))
    status, records_, err = run(capsys, "parse", str(path))
    assert status == 0
    assert (summary(err)[0], summary(err)[-1]) == (1, 0)
    [record] = records_
    assert_page(record, SAMPLE, str(path))


def test_output_is_json_lines_one_page_per_file_unescaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = write(tmp_path, "a.txt"), write(tmp_path, "b.txt", "选派干部128名。")
    assert main(["parse", str(first), str(second)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["source"] for line in lines] == [str(first), str(second)]
    assert lines[0] == pt.parse(SAMPLE, source=str(first)).model_dump_json()
    assert "\\u" not in lines[0]


def test_json_format_is_one_array_of_pages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = write(tmp_path, "a.txt"), write(tmp_path, "b.txt", "选派干部128名。")
    assert main(["parse", "--format", "json", str(first), str(second)]) == 0
    out = capsys.readouterr().out
    pages = json.loads(out)
    assert [page["source"] for page in pages] == [str(first), str(second)]
    assert_page(pages[1], "选派干部128名。", str(second))
    assert "\n  " in out  # indented for people


@pytest.mark.parametrize(
    "argv",
    [pytest.param(["parse", "-"], id="dash"), pytest.param(["parse"], id="piped-no-file")],
)
def test_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SAMPLE.encode("gb18030"))))
    status, [record], _ = run(capsys, *argv)
    assert status == 0
    assert_page(record, SAMPLE, "-")


class Terminal(io.StringIO):
    """A stream attached to a terminal: nothing is piped into it, people read it."""

    def isatty(self) -> bool:
        return True


def test_no_input_from_a_terminal_is_a_usage_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", Terminal())
    with pytest.raises(SystemExit) as exit_info:
        main(["parse"])
    assert exit_info.value.code == 2
    assert "no input" in capsys.readouterr().err


def test_directories_are_walked_for_txt_files_in_sorted_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = [write(tmp_path, name) for name in ("b.txt", "a.txt", "sub/c.txt", "sub/a/z.txt")]
    write(tmp_path, "notes.md")
    single = write(tmp_path.parent / f"{tmp_path.name}-other", "x.txt")
    status, records_, err = run(capsys, "parse", str(tmp_path), str(single))
    assert status == 0
    expected = [*sorted(str(path) for path in paths), str(single)]
    assert [record["source"] for record in records_] == expected
    assert summary(err)[0] == 5


def test_a_folder_without_texts_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    good = write(tmp_path, "good.txt")
    status, [record], err = run(capsys, "parse", str(empty), str(good))
    assert status == 1
    assert f"no file of a known kind (.htm, .html, .pdf, .text, .txt, .xhtml) in {empty}" in err
    assert record["source"] == str(good)
    assert summary(err)[-1] == 1


@pytest.mark.parametrize(
    ("name", "content"),
    [
        pytest.param("missing.txt", None, id="missing"),
        pytest.param("folder.txt", "dir", id="directory-named-like-a-file"),
        pytest.param("binary.txt", b"\xff\xfe\x80\x00", id="undecodable"),
    ],
)
def test_bad_file_is_reported_and_others_still_parsed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: bytes | str | None
) -> None:
    bad = tmp_path / name
    if content == "dir":
        bad.mkdir()
        write(bad, "inside.md")  # a folder: walked, but holds no text
    elif isinstance(content, bytes):
        bad.write_bytes(content)
    good = write(tmp_path, "good.txt")
    status, records_, err = run(capsys, "parse", str(bad), str(good))
    assert status == 1
    assert str(bad) in err
    [record] = records_
    assert_page(record, SAMPLE, str(good))
    assert (summary(err)[0], summary(err)[-1]) == (1, 1)


# ---------------------------------------------------------------- the example


def example_text() -> str:
    """The example speech, read straight from the installed package."""
    return resources.files("povertytext").joinpath("data/example.txt").read_text("utf-8")


def test_example_prints_its_page(capsys: pytest.CaptureFixture[str]) -> None:
    status, [record], _ = run(capsys, "parse", "--example")
    assert status == 0
    assert_page(record, example_text(), "example")
    for mention in record["quantities"] + record["dates"]:
        assert example_text()[mention["start"] : mention["end"]] == mention["text"]


EXAMPLE_QUANTITIES = [
    # text, value, unit, qualifier. The 累计 that opens a sentence of the example
    # scopes every amount in it (the gold's convention), so it is their qualifier.
    pytest.param("12.6亿元", "1260000000", "元", "累计", id="money-yi-leiji"),
    pytest.param("236个", "236", "个", "累计", id="count-ge-leiji-scopes-sentence"),
    pytest.param("1.82万户", "18200", "户", None, id="households-wan"),
    pytest.param("约3.5亿元", "350000000", "元", "约", id="qualifier-yue"),
    pytest.param("6000多万元", "60000000", "元", "多", id="qualifier-duo"),
    pytest.param("2.3万人", "23000", "人", None, id="people-wan"),
    pytest.param("87.5%", "87.5", "%", None, id="percent"),
    pytest.param("1500元", "1500", "元", None, id="money-yuan"),
    pytest.param("128名", "128", "名", None, id="count-ming"),
    pytest.param("超过1000名", "1000", "名", "超过", id="qualifier-chaoguo"),
    pytest.param("超过60家", "60", "家", "超过", id="count-jia"),
    pytest.param("4800余人次", "4800", "人次", "余", id="qualifier-yu-renci"),
    pytest.param("约600人", "600", "人", "约", id="people-yue"),
]


@pytest.fixture(scope="module")
def example_quantities() -> dict[str, pt.Quantity]:
    """The quantities of the shipped example speech, keyed by their text."""
    return {q.text: q for q in pt.extract_quantities(example_text())}


@pytest.mark.parametrize(("text", "value", "unit", "qualifier"), EXAMPLE_QUANTITIES)
def test_example_quantity(
    example_quantities: dict[str, pt.Quantity],
    text: str,
    value: str,
    unit: str,
    qualifier: str | None,
) -> None:
    quantity = example_quantities[text]
    assert (quantity.value, quantity.unit, quantity.qualifier) == (Decimal(value), unit, qualifier)


def test_example_range_mask_and_slogans(example_quantities: dict[str, pt.Quantity]) -> None:
    span = example_quantities["8-12个"]
    assert (span.value, span.low, span.high, span.unit) == (None, Decimal(8), Decimal(12), "个")
    masked = example_quantities["*.**亿元"]
    assert (masked.masked, masked.value, masked.unit) == (True, None, "元")
    text = example_text()
    for slogan in ("十三五", "两不愁三保障"):
        start = text.index(slogan)
        end = start + len(slogan)
        assert not [q for q in example_quantities.values() if q.start < end and start < q.end]


# ---------------------------------------------------------------- tables


@pytest.fixture(scope="module")
def corpus_pages() -> list[pt.Page]:
    """The corpus parsed by the library, labelled as the command line labels them."""
    return [pt.parse(path.read_text("utf-8"), str(path)) for path in corpus_files()]


def corpus_files() -> list[Path]:
    return sorted(text_folder().glob("*.txt"))


def csv_rows(table: Table, pages: list[pt.Page]) -> list[list[str]]:
    """The CSV the command line should print for ``table``: header, then every row."""
    body = [[scalar_text(v) for v in row.values()] for row in records(pages, table)]
    return [list(columns(table)), *body]


@pytest.mark.parametrize("table", TABLES)
def test_corpus_table_as_csv(
    capsys: pytest.CaptureFixture[str], corpus_pages: list[pt.Page], table: Table
) -> None:
    folder = str(text_folder())
    status = main(["parse", folder, "--table", table, "--format", "csv"])
    out, err = capsys.readouterr()
    assert status == 0
    assert list(csv.reader(io.StringIO(out))) == csv_rows(table, corpus_pages)
    files, documents, indicators, pairs, errors = summary(err)
    assert (files, errors) == (len(corpus_pages), 0)
    assert documents == sum(len(page.documents) for page in corpus_pages)
    assert indicators == sum(len(page.indicators) for page in corpus_pages)
    assert pairs == sum(len(page.pairs) for page in corpus_pages)


@pytest.mark.parametrize(
    "fmt", [pytest.param("jsonl", id="json-lines"), pytest.param("json", id="json-array")]
)
@pytest.mark.parametrize("table", TABLES)
def test_corpus_table_as_json(
    capsys: pytest.CaptureFixture[str], corpus_pages: list[pt.Page], table: Table, fmt: str
) -> None:
    assert main(["parse", str(text_folder()), "--table", table, "--format", fmt]) == 0
    out = capsys.readouterr().out
    rows = json.loads(out) if fmt == "json" else [json.loads(line) for line in out.splitlines()]
    expected = [
        {k: scalar_text(v) if isinstance(v, Decimal) else v for k, v in row.items()}
        for row in records(corpus_pages, table)
    ]
    assert rows == expected


def test_table_cells_keep_amounts_exact(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "a.txt")
    assert main(["parse", str(path), "--table", "indicators", "--format", "csv"]) == 0
    header, *rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert header == list(columns("indicators"))
    for row in rows:
        cells = dict(zip(header, row, strict=True))
        assert SAMPLE[int(cells["start"]) : int(cells["end"])] == cells["text"]
        assert re.fullmatch(r"(-?\d+(\.\d+)?)?", cells["value"])  # plain decimal, or empty


def test_csv_needs_a_table(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["parse", "--example", "--format", "csv"])
    assert exit_info.value.code == 2
    assert "--table" in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv",
    [
        pytest.param(["--table", "quantities"], id="unknown-table"),
        pytest.param(["--format", "xml"], id="unknown-format"),
        pytest.param(["--processes", "-1"], id="negative-processes"),
        pytest.param(["--processes", "two"], id="processes-not-a-number"),
    ],
)
def test_usage_errors(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["parse", "--example", *argv])
    assert exit_info.value.code == 2
    assert capsys.readouterr().err


# ---------------------------------------------------------------- output, processes, stderr


def test_output_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "pairs.csv"
    status = main(["parse", "--example", "--table", "pairs", "--format", "csv", "-o", str(out)])
    assert status == 0
    assert capsys.readouterr().out == ""
    [header, *_] = list(csv.reader(io.StringIO(out.read_text("utf-8"))))
    assert header == list(columns("pairs"))


def test_unwritable_output_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "no-such-folder" / "pages.jsonl"
    assert main(["parse", "--example", "-o", str(out)]) == 1
    assert f"cannot write {out}" in capsys.readouterr().err


def test_processes_give_the_same_output(capsys: pytest.CaptureFixture[str]) -> None:
    folder = str(text_folder())
    assert main(["parse", folder, "--processes", "1"]) == 0
    one = capsys.readouterr().out
    assert main(["parse", folder, "--processes", "2"]) == 0
    two = capsys.readouterr().out
    assert one == two
    assert len(one.splitlines()) == len(corpus_files())


@pytest.mark.parametrize(
    ("files", "tty", "quiet", "shown"),
    [
        pytest.param(12, True, False, True, id="many-files-terminal"),
        pytest.param(3, True, False, False, id="few-files"),
        pytest.param(12, False, False, False, id="not-a-terminal"),
        pytest.param(12, True, True, False, id="quiet"),
    ],
)
def test_progress_line(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    files: int,
    tty: bool,
    quiet: bool,
    shown: bool,
) -> None:
    for index in range(files):
        write(tmp_path, f"{index:02}.txt")
    stderr = Terminal() if tty else io.StringIO()
    monkeypatch.setattr(sys, "stderr", stderr)
    argv = ["parse", str(tmp_path), *(["-q"] if quiet else [])]
    assert main(argv) == 0
    err = stderr.getvalue()
    # tqdm's bar: count, time spent<left, rate ("1/12 [00:01<00:14,  1.29s/file]")
    bar = re.search(rf"\d+/{files} \[\d\d:\d\d<[\d:?]+, +[\d.?]+(?:file/s|s/file)\]", err)
    assert (bar is not None) == shown
    assert (SUMMARY.search(err) is None) == quiet
    assert len(capsys.readouterr().out.splitlines()) == files


def test_summary_line_counts_what_was_written(capsys: pytest.CaptureFixture[str]) -> None:
    status, [record], err = run(capsys, "parse", "--example")
    assert status == 0
    page = pt.Page.model_validate(record)
    assert summary(err) == (1, len(page.documents), len(page.indicators), len(page.pairs), 0)


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"povertytext {povertytext.__version__}\n"


class ClosedPipe(io.StringIO):
    """Standard output whose reader has gone away (``povertytext parse … | head``)."""

    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")


def test_closed_pipe_ends_quietly(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    with contextlib.redirect_stderr(io.StringIO()):
        assert main(["parse", "--example"]) == 1


def test_python_dash_m_runs_the_command_line() -> None:
    import subprocess

    done = subprocess.run(
        [sys.executable, "-m", "povertytext", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stdout.split()[0]) == (0, "povertytext")
