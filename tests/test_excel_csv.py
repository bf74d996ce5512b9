"""CSV for Excel (``--excel``): text cells that Excel would misread are written as ``="…"``.

A reader that evaluates the formula (Excel, and here :func:`evaluate`) gets the
text back exactly; numbers, offsets and booleans are written as they are.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from povertytext._export import excel_cell
from povertytext.cli import main

_CONSTANT = re.compile(r'"((?:[^"]|"")*)"')
_FORMULA = re.compile(r'="(?:[^"]|"")*"(?:&"(?:[^"]|"")*")*', re.DOTALL)


def evaluate(cell: str) -> str:
    """Return what Excel shows for ``cell``: the text of a ``="…"&"…"`` formula, else the cell."""
    if _FORMULA.fullmatch(cell) is None:
        return cell
    constants = _CONSTANT.findall(cell)
    assert all(len(part.replace('""', '"')) <= 255 for part in constants)
    return "".join(part.replace('""', '"') for part in constants)


@given(st.text())
def test_every_cell_is_recovered_exactly(text: str) -> None:
    assert evaluate(excel_cell(text)) == text


@pytest.mark.parametrize(
    ("text", "guarded"),
    [
        ("4048000000.00000000001", True),  # past 15 digits: rounded
        ("1234567890123456789", True),
        ("450000", True),  # a region code: a number
        ("0.33333333333333333333", True),
        ("2020-12", True),  # a month: a date, to the day
        ("2016-12/2021-04", True),
        ("12月31日", True),  # a date in Chinese Excel
        ("10:30", True),
        ("0.5%", True),
        ("1e5", True),
        ("１２３", True),  # full-width digits
        ("-5", True),
        ("=1+1", True),  # a formula
        ("@SUM(A1)", True),
        ("TRUE", True),
        ("false", True),
        ("128名", False),
        ("40.48亿元", False),
        ("毕节市", False),
        ("funds.fiscal_aid", False),
        ("CNY", False),
        ("", False),
    ],
)
def test_cells_excel_would_misread_are_guarded(text: str, guarded: bool) -> None:
    cell = excel_cell(text)
    assert (cell != text) is guarded
    assert evaluate(cell) == text


def test_a_long_cell_is_split_into_constants_of_255_characters() -> None:
    digits = "7" * 600
    cell = excel_cell(digits)
    assert cell.count("&") == 2
    assert evaluate(cell) == digits
    quotes = '=""' + "1" * 300
    assert evaluate(excel_cell(quotes)) == quotes


def test_a_cell_too_long_for_one_formula_is_written_as_it_is() -> None:
    digits = "1" * 8200
    assert excel_cell(digits) == digits


def _rows(path: Path, encoding: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding), newline="")))


def test_excel_csv_keeps_exact_values_codes_and_dates_as_text(tmp_path: Path) -> None:
    page = tmp_path / "guangzhou.txt"
    page.write_text(
        "山海携手\n\n广州\n\n周明远\n\n广州市人民政府副市长\n\n"
        "2020年，广州市与毕节市开展东西部扶贫协作，累计投入帮扶资金4048000000.00000000001元，"
        "贫困发生率降至0.5%。广州市2020年减少贫困人口12万人。\n",
        encoding="utf-8",
    )
    plain, excel = tmp_path / "plain.csv", tmp_path / "excel.csv"
    for out, extra in ((plain, []), (excel, ["--excel"])):
        argv = ["parse", str(page), "--table", "indicators", "-o", str(out), "-q", *extra]
        assert main(argv) == 0
    expected, written = _rows(plain, "utf-8"), _rows(excel, "utf-8-sig")
    assert [{k: evaluate(v) for k, v in row.items()} for row in written] == expected
    [money] = [row for row in written if row["kind"] == "money"]
    assert money["value_exact"] == '="4048000000.00000000001"'
    assert money["value"] == "4048000000.00000000001"  # the number column: a number
    assert money["date"] == '="2020"'
    assert money["start"].isdigit()  # offsets: numbers
    assert money["approximate"] == "false"
    [percent] = [row for row in written if row["kind"] == "percent"]
    assert percent["text"] == '="0.5%"'
    assert percent["value_exact"] == '="0.5"'
    [count] = [row for row in written if row["kind"] == "count"]
    assert count["region_code"] == '="440100"'  # a code: text, as in the other tables
    assert count["region_name"] == "广州市"
    assert excel.read_bytes().count(b'"=""') == sum(
        cell.startswith("=") for row in written for cell in row.values()
    )
