"""Page metadata (issue 10, item 2): a page's publication date and region, given by the
caller to parse, parse_file, parse_many and the command line, or read from HTML."""

from __future__ import annotations

import datetime
import json
import re
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import povertytext as pt
from povertytext.cli import main

# A speech without a date: 今年 and 去年 resolve only with a publication date, and the
# pair 中山 → 六盘水 is in the reference table from 2021-04 (东西部扶贫协作 after 2021).
SPEECH = (
    "携手奔小康\n\n中山\n\n王建国\n\n中山市扶贫办主任\n\n"
    "今年以来，我市与六盘水市开展东西部扶贫协作，去年投入帮扶资金3.2亿元，"
    "帮助2.6万名贫困人口脱贫。\n"
)
# An article with its own date line.
ARTICLE = (
    "脱贫攻坚取得决定性成就\n2019年05月01日 来源：人民日报\n\n"
    "今年以来，全县累计投入帮扶资金1.2亿元。去年3000户脱贫。\n"
)
ESSAY = "全县投入帮扶资金1.2亿元，带动3000多户脱贫。"


def speech(page: pt.Page) -> pt.Document:
    [document] = page.documents
    assert document.kind == "speech"
    return document


# ---------------------------------------------------------------- parse(date=, region=)


def test_a_speech_without_a_date_has_no_dates_and_unchecked_pairs() -> None:
    page = pt.parse(SPEECH)
    assert (page.date, page.region, speech(page).date) == (None, None, None)
    assert [d.resolved for d in page.dates] == [None, None]
    assert [i.date for i in page.indicators] == [None, None]
    assert [p.known for p in page.pairs] == [None]


def test_a_publication_date_dates_a_speech_its_indicators_and_checks_its_pairs() -> None:
    page = pt.parse(SPEECH, date="2021-06-01")
    assert page.date == "2021-06-01"
    assert speech(page).date == "2021-06-01"
    assert [(d.text, d.resolved) for d in page.dates] == [("今年", "2021"), ("去年", "2020")]
    assert [(i.text, i.date) for i in page.indicators] == [("3.2亿元", "2020"), ("2.6万名", "2020")]
    [pair] = page.pairs
    assert (str(pair), pair.known, pair.known_period) == (
        "中山市 → 六盘水市 (东西部扶贫协作)", True, "2021-04-01/..",
    )  # fmt: skip
    assert pt.parse(SPEECH, date="2020-09").pairs[0].known is False  # before 2021-04


@pytest.mark.parametrize(
    ("given_date", "document_date", "today"),
    [
        pytest.param(None, "2019-05-01", "2019", id="no-date-given"),
        pytest.param("2020-09-01", "2019-05-01", "2019", id="written-date-wins"),
        pytest.param("2019", "2019-05-01", "2019", id="coarser-date-given"),
    ],
)
def test_a_date_written_in_the_head_wins(
    given_date: str | None, document_date: str, today: str
) -> None:
    page = pt.parse(ARTICLE, date=given_date)
    assert page.date == given_date  # the page keeps what it was given
    [article] = page.documents
    assert (article.kind, article.date) == ("article", document_date)
    assert [d.resolved for d in article.dates if d.text == "今年"] == [today]


def test_a_given_date_that_refines_the_written_one_is_taken() -> None:
    text = "2020年脱贫攻坚工作总结\n\n今年全县投入帮扶资金1.2亿元，去年带动3000户脱贫。"
    assert pt.parse(text).documents[0].date == "2020"
    refined = pt.parse(text, date="2020-12-20")
    assert refined.documents[0].date == "2020-12-20"
    assert pt.parse(text, date="2021-01-15").documents[0].date == "2020"  # another year


def test_a_given_date_dates_an_essay_and_resolves_its_relative_dates() -> None:
    page = pt.parse("今年全县投入帮扶资金1.2亿元。", date=datetime.date(2020, 9, 1))
    assert (page.date, page.documents[0].date) == ("2020-09-01", "2020-09-01")
    assert [d.resolved for d in page.dates] == ["2020"]
    assert [i.date for i in page.indicators] == ["2020"]


@pytest.mark.parametrize(
    ("value", "iso"),
    [("2020", "2020"), ("2020-09", "2020-09"), (" 2020-09-01 ", "2020-09-01"),
     (datetime.date(2020, 9, 1), "2020-09-01"),
     (datetime.datetime(2020, 9, 1, 10, 30), "2020-09-01")],
)  # fmt: skip
def test_dates_to_any_precision(value: object, iso: str) -> None:
    assert pt.parse(ESSAY, date=value).date == iso  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "reason"),
    [("2020/9/1", "expected an ISO date"), ("2020年9月1日", "expected an ISO date"),
     ("20-09-01", "expected an ISO date"), ("2020-9-1", "expected an ISO date"),
     ("2020-02-30", "is no date"), ("2020-13", "is no date"), ("", "expected an ISO date"),
     (2020, "got int")],
)  # fmt: skip
def test_a_bad_date_is_a_date_error_naming_the_argument(value: object, reason: str) -> None:
    with pytest.raises(pt.DateError) as error:
        pt.parse(ESSAY, date=value)  # type: ignore[arg-type]
    assert error.value.code == "date"
    assert str(error.value).startswith("parse(date=...): ")
    assert reason in str(error.value)


def test_a_region_is_a_name_or_a_region() -> None:
    shaoguan = pt.resolve_region("韶关")
    by_name = pt.parse(ESSAY, region="韶关")
    assert by_name.region == shaoguan
    assert by_name.documents[0].region == shaoguan
    assert by_name.indicators[0].region == shaoguan
    assert pt.parse(ESSAY, region=shaoguan) == by_name
    assert pt.parse(ESSAY, region="广东省韶关市").region == shaoguan


def test_a_bad_region_is_a_region_error_naming_the_argument() -> None:
    with pytest.raises(pt.UnknownRegionError, match=r"^parse\(region=\.\.\.\): .*'火星'"):
        pt.parse(ESSAY, region="火星")
    with pytest.raises(pt.AmbiguousRegionError, match=r"^parse\(region=\.\.\.\): '鼓楼'") as many:
        pt.parse(ESSAY, region="鼓楼")
    assert len(many.value.candidates) >= 2
    with pytest.raises(pt.UsageError, match="expected a region name or a Region"):
        pt.parse(ESSAY, region=440200)  # type: ignore[arg-type]


def test_the_region_the_text_states_wins() -> None:
    page = pt.parse(SPEECH, region="广东省")
    assert page.region == pt.resolve_region("广东省")
    assert speech(page).region == pt.resolve_region("中山")


def test_the_given_region_comes_before_the_place_most_names_lie_in() -> None:
    text = "毕节市七星关区、大方县、织金县累计投入帮扶资金1.2亿元。"
    assert pt.parse(text).documents[0].region.name == "毕节市"  # type: ignore[union-attr]
    inside = pt.parse(text, region="贵州")  # 毕节 lies inside 贵州: the finer place is kept
    assert inside.documents[0].region.name == "毕节市"  # type: ignore[union-attr]
    other = pt.parse(text, region="广州")  # the caller knows better than the guess
    assert other.documents[0].region.name == "广州市"  # type: ignore[union-attr]


# ---------------------------------------------------------------- Page.text, Indicator.value


@pytest.mark.parametrize("text", [SPEECH, ARTICLE, "累計投入財政幫扶資金12.6億元。", ""])
def test_page_text_is_the_text_its_spans_index(text: str) -> None:
    page = pt.parse(text)
    assert page.text == text
    assert page.length == len(text)
    for span in [*page.quantities, *page.dates, *page.regions, *page.authors, *page.pairs]:
        assert page.text[span.start : span.end] == span.text
    for document in page.documents:
        assert document.body(page.text) == text[document.body_start : document.body_end]


def test_page_text_and_length_agree() -> None:
    with pytest.raises(ValueError, match="length"):
        pt.Page(length=3, text="扶贫")
    assert pt.Page(length=3).text is None


def test_indicator_value_is_its_quantity_value() -> None:
    values = [i.value for i in pt.parse(SPEECH).indicators]
    assert values == [Decimal("320000000"), Decimal("26000")]
    [ranged] = pt.extract_indicators("帮扶8-12个村")
    assert (ranged.value, ranged.quantity.low) == (None, Decimal(8))


# ---------------------------------------------------------------- parse_file, parse_many

HTML = (
    "<html><head><title>协作之路_中山市人民政府</title>"
    '<meta name="PubDate" content="2021-06-01 10:30"></head><body>'
    + "".join(f"<p>{line}</p>" for line in SPEECH.split("\n\n"))
    + "</body></html>"
)


def test_parse_file_takes_an_html_pages_date(tmp_path: Path) -> None:
    path = tmp_path / "speech.html"
    path.write_text(HTML, encoding="utf-8")
    page = pt.parse_file(path)
    assert page.date == "2021-06-01"
    assert [p.known for p in page.pairs] == [True]
    assert pt.parse_file(path, date="2020-09").date == "2020-09"  # a given date wins
    assert pt.parse_file(path, region="中山").region == pt.resolve_region("中山")


def test_parse_file_of_text_has_the_given_metadata(tmp_path: Path) -> None:
    path = tmp_path / "speech.txt"
    path.write_text(SPEECH, encoding="utf-8")
    assert pt.parse_file(path).date is None
    assert pt.parse_file(path, date="2021-06-01") == pt.parse(
        SPEECH, source=str(path), date="2021-06-01"
    )
    with pytest.raises(pt.DateError, match=r"parse\(date=\.\.\.\)"):
        pt.parse_file(path, date="yesterday")


@pytest.mark.parametrize("processes", [1, 2])
def test_parse_many_takes_metadata_per_input(processes: int) -> None:
    items: list[pt.batch.Item] = [
        ("a.txt", SPEECH, {"date": "2021-06-01"}),
        ("b.txt", SPEECH),
        ("c.txt", ESSAY, {"region": "韶关", "date": datetime.date(2020, 1, 2)}),
        SPEECH,
    ]
    pages = pt.parse_many(items, processes=processes)
    assert [(p.source, p.date) for p in pages] == [
        ("a.txt", "2021-06-01"), ("b.txt", None), ("c.txt", "2020-01-02"), (None, None),
    ]  # fmt: skip
    assert pages[0] == pt.parse(SPEECH, source="a.txt", date="2021-06-01")
    assert pages[2].region == pt.resolve_region("韶关")


def test_parse_many_checks_metadata_before_it_starts() -> None:
    with pytest.raises(pt.DateError, match=r"^input 1 \(b\.txt\) date: "):
        pt.parse_many([("a.txt", ESSAY, {}), ("b.txt", ESSAY, {"date": "2020/1/2"})])
    with pytest.raises(pt.UnknownRegionError, match=r"^input 0 region: "):
        pt.parse_many([(None, ESSAY, {"region": "火星"})])
    with pytest.raises(pt.UsageError, match="unknown page metadata title"):
        pt.parse_many([("a.txt", ESSAY, {"title": "x"})])


def test_parse_many_draws_progress_with_rate_and_time_left(
    capsys: pytest.CaptureFixture[str],
) -> None:
    pages = pt.parse_many([ESSAY] * 3, processes=1, progress=True)
    assert len(pages) == 3
    err = capsys.readouterr().err
    assert re.search(r"3/3 \[\d\d:\d\d<\d\d:\d\d, +[\d.]+(?:page/s|s/page)\]", err), err
    pt.parse_many([ESSAY], processes=1)
    assert capsys.readouterr().err == ""


def test_the_batch_and_table_functions_are_at_the_top_level() -> None:
    assert pt.parse_iter is pt.batch.parse_iter
    assert pt.records is pt.tables.records
    assert pt.region_for_code("440200") == pt.resolve_region("韶关")
    assert next(pt.parse_iter([ESSAY])) == pt.parse(ESSAY)


# ---------------------------------------------------------------- the command line


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[pt.Page], str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, [pt.Page.model_validate(json.loads(line)) for line in out.splitlines()], err


def test_cli_date_and_region_for_every_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text(SPEECH, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ESSAY, encoding="utf-8")
    status, pages, _ = run(capsys, "parse", str(tmp_path), "--date", "2021-06-01",
                           "--region", "中山")  # fmt: skip
    assert status == 0
    assert [(p.date, p.region and p.region.name) for p in pages] == [("2021-06-01", "中山市")] * 2
    assert [p.known for p in pages[0].pairs] == [True]


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [("--date", "2020/09/01", "--date: expected an ISO date"),
     ("--region", "火星", "--region: no administrative unit is named '火星'")],
)  # fmt: skip
def test_cli_bad_date_or_region_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], option: str, value: str, message: str
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["parse", "--example", option, value])
    assert exit_.value.code == 2
    assert message in capsys.readouterr().err


def test_cli_meta_file_gives_each_file_its_date_region_and_source(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    (downloads / "zhongshan.txt").write_text(SPEECH, encoding="utf-8")
    (downloads / "essay.txt").write_text(ESSAY, encoding="utf-8")
    (downloads / "page.html").write_text(HTML, encoding="utf-8")
    meta = downloads / "meta.csv"
    meta.write_text(
        "path,date,region,source\n"
        "zhongshan.txt,2021-06-01,,中山日报\n"
        "essay.txt,,韶关,\n"
        "missing.txt,2020,,\n",
        encoding="utf-8",
    )
    status, pages, err = run(capsys, "parse", str(downloads), "--meta", str(meta),
                             "--date", "2020-01-01")  # fmt: skip
    assert status == 0
    by_source = {p.source: p for p in pages}
    files = {str(downloads / "essay.txt"), str(downloads / "page.html")}
    assert set(by_source) == {*files, "中山日报"}
    assert [p.known for p in by_source["中山日报"].pairs] == [True]
    assert by_source["中山日报"].date == "2021-06-01"
    essay = by_source[str(downloads / "essay.txt")]
    assert (essay.date, essay.region and essay.region.name) == ("2020-01-01", "韶关市")
    assert by_source[str(downloads / "page.html")].date == "2020-01-01"  # --date wins over HTML
    assert f"{meta}: 1 row named no input (lines 4)" in err
    assert "meta.csv" in err  # the CSV itself is of no known kind: listed as skipped


def test_cli_meta_paths_from_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("texts").mkdir()
    Path("texts", "zhongshan.txt").write_text(SPEECH, encoding="utf-8")
    Path("meta").mkdir()
    Path("meta", "m.csv").write_text("path,date\ntexts/zhongshan.txt,2021-06\n", encoding="utf-8")
    status, [page], err = run(capsys, "parse", "texts", "--meta", "meta/m.csv")
    assert (status, page.date) == (0, "2021-06")
    assert "named no input" not in err


def test_cli_html_date_without_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "page.html").write_text(HTML, encoding="utf-8")
    status, [page], _ = run(capsys, "parse", str(tmp_path))
    assert (status, page.date, [p.known for p in page.pairs]) == (0, "2021-06-01", [True])


@pytest.mark.parametrize(
    ("content", "message"),
    [("file,date\na.txt,2020\n", "the header must name the columns path, date, region, source"),
     ("path,date,regoin\na.txt,2020,韶关\n", "found path, date, regoin"),
     ("path,date\na.txt,2020/1/1\n", "meta.csv, line 2, date: expected an ISO date"),
     ("path,region\na.txt,鼓楼\n", "meta.csv, line 2, region: '鼓楼' names several units"),
     ("path,date\n,2020\n", "meta.csv, line 2: the path cell is empty"),
     ("path,date\na.txt,2020\na.txt,2021\n", "line 3: a.txt is described on line 2 already")],
)  # fmt: skip
def test_cli_bad_meta_file_is_a_usage_error_naming_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, message: str
) -> None:
    (tmp_path / "a.txt").write_text(ESSAY, encoding="utf-8")
    meta = tmp_path / "meta.csv"
    meta.write_text(content, encoding="utf-8")
    with pytest.raises(SystemExit) as exit_:
        main(["parse", str(tmp_path / "a.txt"), "--meta", str(meta)])
    assert exit_.value.code == 2
    assert message in capsys.readouterr().err


def test_cli_missing_meta_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["parse", "--example", "--meta", str(tmp_path / "none.csv")])
    assert f"--meta: cannot read {tmp_path / 'none.csv'}" in capsys.readouterr().err


def test_cli_meta_of_stdin_and_example_is_the_run_wide_one(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io

    monkeypatch.setattr(sys, "stdin", io.StringIO(SPEECH))
    status, [page], _ = run(capsys, "parse", "-", "--date", "2021-06-01")
    assert (status, page.date, [p.known for p in page.pairs]) == (0, "2021-06-01", [True])


# ---------------------------------------------------------------- Quantity.to_chinese (item 7)


@pytest.mark.parametrize(
    ("text", "financial", "chinese"),
    [("40.48亿元", False, "四十亿四千八百万元"), ("40.48亿元", True, "肆拾亿肆仟捌佰万元整"),
     ("12.34元", True, "壹拾贰元叁角肆分"), ("20.05元", True, "贰拾元零伍分"),
     ("0.125元", True, "零点壹贰伍元"), ("100美元", True, "壹佰美元"),
     ("12.5%", False, "百分之十二点五"), ("-3.5%", False, "百分之负三点五"),
     ("8%-12%", False, "百分之八至百分之十二"), ("8-12个", False, "八至十二个"),
     ("1.2万亩", False, "一万二千亩"), ("24.76万", False, "二十四万七千六百"),
     ("10010户", False, "一万零一十户"), ("3000多户", False, "三千户"),
     ("1.5万亿元", False, "一万五千亿元")],
)  # fmt: skip
def test_to_chinese(text: str, financial: bool, chinese: str) -> None:
    assert pt.parse_quantity(text).to_chinese(financial=financial) == chinese


def test_to_chinese_without_unit() -> None:
    assert pt.parse_quantity("40.48亿元").to_chinese(unit=False) == "四十亿四千八百万"
    assert pt.parse_quantity("12.34元").to_chinese(financial=True, unit=False) == "壹拾贰点叁肆"


@pytest.mark.parametrize(
    ("text", "message"),
    [("*.**亿元", "masked"), ("1" * 17 + "元", "more than 16 integer digits")],
)
def test_to_chinese_of_what_has_no_numeral_is_a_quantity_error(text: str, message: str) -> None:
    with pytest.raises(pt.QuantityError, match=message):
        pt.parse_quantity(text).to_chinese()


def test_to_chinese_of_an_open_range() -> None:
    open_range = pt.Quantity(text="x", start=0, end=1, low=Decimal(5))
    with pytest.raises(pt.QuantityError, match="open range"):
        open_range.to_chinese()


@given(
    st.decimals(
        min_value=Decimal("-9999999999999999.99999999"),
        max_value=Decimal("9999999999999999.99999999"),
        places=8,
        allow_nan=False,
        allow_infinity=False,
    ),
    st.booleans(),
)
def test_to_chinese_reads_back_exactly(value: Decimal, financial: bool) -> None:
    quantity = pt.Quantity(text="x", start=0, end=1, value=value)
    chinese = quantity.to_chinese(financial=financial)
    assert pt.parse_number(chinese) == value
