"""The ``povertytext`` command line, run through ``main`` with real inputs and outputs."""

from __future__ import annotations

import contextlib
import io
import json
import sys
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

import povertytext
from povertytext.cli import main

SAMPLE = "截至2020年12月底，投入帮扶资金3000万元，带动贫困户1.82万户增收。"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[dict[str, Any]], str]:
    """Return the exit status, the JSON records printed and standard error of one run."""
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, [json.loads(line) for line in out.splitlines()], err


def by_text(items: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Return the dumped mentions keyed by their text."""
    return {item["text"]: item for item in items}


def assert_sample(record: dict[str, Any], source: str) -> None:
    """Check the record printed for ``SAMPLE``, whatever encoding it was read from."""
    assert list(record) == ["source", "quantities", "dates"]
    assert record["source"] == source
    quantities = by_text(record["quantities"])
    assert Decimal(quantities["3000万元"]["value"]) == Decimal("30000000")
    assert quantities["3000万元"]["unit"] == "元"
    assert Decimal(quantities["1.82万户"]["value"]) == Decimal("18200")
    assert quantities["1.82万户"]["unit"] == "户"
    for quantity in record["quantities"]:
        assert SAMPLE[quantity["start"] : quantity["end"]] == quantity["text"]
    assert by_text(record["dates"])["2020年12月底"]["value"] == "2020-12"


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
    status, records, err = run(capsys, "parse", str(path))
    assert (status, err) == (0, "")
    [record] = records
    assert_sample(record, str(path))


def test_output_is_json_lines_with_chinese_unescaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(SAMPLE, encoding="utf-8")
    second.write_text("选派干部128名。", encoding="utf-8")
    assert main(["parse", str(first), str(second)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["source"] for line in lines] == [str(first), str(second)]
    assert "3000万元" in lines[0]
    assert "\\u" not in lines[0]


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
    assert_sample(record, "-")


class Terminal(io.StringIO):
    """Standard input attached to a terminal: nothing is piped."""

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
def example_record() -> dict[str, Any]:
    """The record printed by ``povertytext parse --example``."""
    capture = io.StringIO()
    with contextlib.redirect_stdout(capture):
        assert main(["parse", "--example"]) == 0
    [line] = capture.getvalue().splitlines()
    record: dict[str, Any] = json.loads(line)
    return record


def example_text() -> str:
    """The example speech, read straight from the installed package."""
    return resources.files("povertytext").joinpath("data/example.txt").read_text("utf-8")


@pytest.mark.parametrize(("text", "value", "unit", "qualifier"), EXAMPLE_QUANTITIES)
def test_example_quantity(
    example_record: dict[str, Any], text: str, value: str, unit: str, qualifier: str | None
) -> None:
    quantity = by_text(example_record["quantities"])[text]
    assert Decimal(quantity["value"]) == Decimal(value)
    assert (quantity["unit"], quantity["qualifier"]) == (unit, qualifier)


def test_example_range_and_mask(example_record: dict[str, Any]) -> None:
    quantities = by_text(example_record["quantities"])
    span = quantities["8-12个"]
    assert span["value"] is None
    assert (Decimal(span["low"]), Decimal(span["high"])) == (Decimal(8), Decimal(12))
    assert span["unit"] == "个"
    masked = quantities["*.**亿元"]
    assert (masked["masked"], masked["value"], masked["unit"]) == (True, None, "元")


def test_example_spans_and_slogans(example_record: dict[str, Any]) -> None:
    text = example_text()
    assert example_record["source"] == "example"
    for mention in example_record["quantities"] + example_record["dates"]:
        assert text[mention["start"] : mention["end"]] == mention["text"]
    for slogan in ("十三五", "两不愁三保障"):
        start = text.index(slogan)
        end = start + len(slogan)
        assert not [
            q for q in example_record["quantities"] if q["start"] < end and start < q["end"]
        ]


def test_example_dates(example_record: dict[str, Any]) -> None:
    dates = by_text(example_record["dates"])
    assert (dates["2020年12月底"]["value"], dates["2020年12月底"]["part"]) == ("2020-12", "底")
    days = dates["8月17日—18日"]
    assert (days["value"], days["month"]) == (None, 8)
    assert days["range"] is not None


def test_reference_resolves_a_year_less_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "news.txt"
    path.write_text("8月18日上午，协作会议召开。", encoding="utf-8")
    status, [record], _ = run(capsys, "parse", "--reference", "2020-08-19", str(path))
    assert status == 0
    [date] = record["dates"]
    assert (date["value"], date["resolved"]) == (None, "2020-08-18")


def test_bad_reference_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["parse", "--example", "--reference", "2020-13-01"])
    assert exit_info.value.code == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("name", "content"),
    [
        pytest.param("missing.txt", None, id="missing"),
        pytest.param("folder", "dir", id="directory"),
        pytest.param("binary.txt", b"\xff\xfe\x80\x00", id="undecodable"),
    ],
)
def test_bad_file_is_reported_and_others_still_parsed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: bytes | str | None
) -> None:
    bad = tmp_path / name
    if content == "dir":
        bad.mkdir()
    elif isinstance(content, bytes):
        bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text(SAMPLE, encoding="utf-8")
    status, records, err = run(capsys, "parse", str(bad), str(good))
    assert status == 1
    assert str(bad) in err
    [record] = records
    assert_sample(record, str(good))


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"povertytext {povertytext.__version__}\n"


class ClosedPipe(io.StringIO):
    """Standard output whose reader has gone away (``povertytext parse … | head``)."""

    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")


def test_closed_pipe_ends_quietly(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    assert main(["parse", "--example"]) == 1
