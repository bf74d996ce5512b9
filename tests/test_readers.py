"""Readers: encodings detected, HTML without its markup, PDF with wrapped lines joined, folders."""

from __future__ import annotations

import contextlib
import datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import povertytext as pt
from povertytext._pdf import Line, join_lines
from povertytext.cli import main
from povertytext.readers import decode, kind_of, read_bytes

SAMPLE = "截至2020年12月底，投入帮扶资金3000万元，带动贫困户1.82万户增收。"
PAGE = (
    "协作之路再出发\n\n珠海\n\n林振华\n\n珠海市人民政府副市长\n\n"
    "珠海对口帮扶怒江州，累计投入财政帮扶资金12.6亿元，选派挂职干部128名。\n"
)
# The same page in traditional characters, as a Hong Kong or Taiwan site writes it.
TRADITIONAL = (
    "協作之路再出發\n\n珠海\n\n林振華\n\n珠海市人民政府副市長\n\n"
    "珠海對口幫扶怒江州，累計投入財政幫扶資金12.6億元，選派掛職幹部128名。\n"
)
PAGE_HTML = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <title>协作之路再出发_珠海市人民政府</title>
  <meta name="PubDate" content="2020-12-31 10:30">
  <style>p { margin: 0 }</style>
  <script>var total = "1000万元";</script>
</head>
<body>
  <nav><a href="/">首页</a> | <a href="/news">2020年要闻</a></nav>
  <div role="navigation">当前位置：首页 &gt; 新闻</div>
  <article>
    <h1>协作之路再出发</h1>
    <p>珠海</p>
    <p>林振华</p>
    <p>珠海市人民政府副市长</p>
    <p>珠海对口帮扶怒江州&#65292;累计投入财政帮扶资金12.6亿元&#xff0c;
       选派挂职干部128名&#12290;</p>
  </article>
  <footer>&copy; 2020 珠海市人民政府 版权所有</footer>
</body>
</html>
"""


def _any(function: object) -> Any:
    """``function`` typed as Any: the tests call it with arguments of the wrong type."""
    return function


def facts(
    page: pt.Page,
) -> tuple[list[str], list[str], list[tuple[str | None, str | None, Any]]]:
    """The pairs, the officials' positions and the indicators of a page, as compared."""
    pairs = [str(pair) for pair in page.pairs]
    positions = [
        position.text for document in page.documents for official in document.officials
        for position in official.positions
    ]  # fmt: skip
    indicators = [(i.subject, i.metric, i.quantity.value) for i in page.indicators]
    return pairs, positions, indicators


def write_bytes(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


# ---------------------------------------------------------------- plain text, encodings


@pytest.mark.parametrize(
    ("encoding", "reported"),
    [
        pytest.param("utf-8", "utf-8", id="utf-8"),
        pytest.param("utf-8-sig", "utf-8-sig", id="utf-8-with-bom"),
        pytest.param("utf-16", "utf-16", id="utf-16"),
        pytest.param("utf-16-le", "utf-16-le", id="utf-16-le-without-bom"),
        pytest.param("gb18030", "gb18030", id="gb18030"),
        pytest.param("gbk", "gb18030", id="gbk"),
        pytest.param("gb2312", "gb18030", id="gb2312"),
    ],
)
def test_simplified_text_in_each_encoding(tmp_path: Path, encoding: str, reported: str) -> None:
    path = write_bytes(tmp_path, "speech.txt", SAMPLE.encode(encoding))
    source = pt.read_file(path)
    assert (source.text, source.kind, source.encoding) == (SAMPLE, "text", reported)
    assert pt.read_text(path) == SAMPLE


@pytest.mark.parametrize("encoding", ["big5", "utf-16", "utf-8", "gb18030"])
def test_traditional_text_in_each_encoding(tmp_path: Path, encoding: str) -> None:
    path = write_bytes(tmp_path, "hk.txt", TRADITIONAL.encode(encoding))
    assert pt.read_text(path) == TRADITIONAL


@pytest.mark.parametrize(
    ("text", "encoding"),
    [("扶贫", "gbk"), ("扶貧", "big5"), ("扶贫协作", "gbk"), ("選派幹部", "big5")],
)
def test_short_texts_are_not_taken_for_another_script(text: str, encoding: str) -> None:
    assert decode(text.encode(encoding), "short.txt") == text


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"\xff\xfe\x80\x00", id="control-character-behind-a-utf-16-mark"),
        pytest.param(bytes(range(256)) * 4, id="every-byte"),
        pytest.param("扶贫".encode() + b"\xff\xfe\xfd" + "协作".encode(), id="broken-utf-8"),
        pytest.param("\ue000扶贫".encode(), id="private-use"),
        pytest.param("扶贫\ufffd协作".encode(), id="replacement-character"),
    ],
)
def test_undecodable_file_is_an_error_naming_it(tmp_path: Path, data: bytes) -> None:
    path = write_bytes(tmp_path, "bad.txt", data)
    with pytest.raises(pt.UnreadableTextError) as error:
        pt.read_text(path)
    assert isinstance(error.value, pt.PovertyTextError)
    assert (error.value.code, error.value.path) == ("unreadable", str(path))
    assert f"cannot decode {path}" in str(error.value)


def test_missing_file_is_an_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(pt.UnreadableTextError, match=r"cannot read .*missing\.txt"):
        pt.parse_file(tmp_path / "missing.txt")


# ---------------------------------------------------------------- parse_file


def test_parse_file_passes_its_keywords_to_parse(tmp_path: Path) -> None:
    path = write_bytes(tmp_path, "speech.txt", PAGE.encode())
    assert pt.parse_file(path) == pt.parse(PAGE, source=str(path))
    assert pt.parse_file(path, source="珠海.txt").source == "珠海.txt"
    with pytest.raises(pt.UsageError, match="parse_file\\(\\) got colour"):
        pt.parse_file(path, colour="red")


def test_big5_copy_gives_what_the_utf8_copy_gives(tmp_path: Path) -> None:
    utf8 = pt.parse_file(write_bytes(tmp_path, "a.txt", TRADITIONAL.encode()))
    big5 = pt.parse_file(write_bytes(tmp_path, "b.txt", TRADITIONAL.encode("big5")))
    assert big5.model_copy(update={"source": utf8.source}) == utf8
    assert facts(big5) == facts(utf8)
    simplified_pairs, simplified_positions, _ = facts(pt.parse(PAGE))
    assert facts(big5)[:2] == (simplified_pairs, simplified_positions)


# ---------------------------------------------------------------- HTML


def test_html_loses_markup_scripts_navigation_and_keeps_title_and_date(tmp_path: Path) -> None:
    source = pt.read_file(write_bytes(tmp_path, "page.html", PAGE_HTML.encode()))
    assert (source.kind, source.encoding) == ("html", "utf-8")
    assert source.title == "协作之路再出发_珠海市人民政府"
    assert source.date == datetime.date(2020, 12, 31)
    assert source.text == (
        "协作之路再出发\n珠海\n林振华\n珠海市人民政府副市长\n"
        "珠海对口帮扶怒江州，累计投入财政帮扶资金12.6亿元，选派挂职干部128名。"
    )
    for furniture in ("<", "&", "var", "首页", "©", "版权", "1000万元", "2020年要闻"):
        assert furniture not in source.text


def test_html_copy_gives_what_the_utf8_copy_gives(tmp_path: Path) -> None:
    text = pt.parse_file(write_bytes(tmp_path, "page.txt", PAGE.encode()))
    html = pt.parse_file(write_bytes(tmp_path, "page.HTML", PAGE_HTML.encode()))
    assert facts(html) == facts(text)
    assert [q.value for q in html.quantities] == [q.value for q in text.quantities]


def test_html_spans_index_the_text_read(tmp_path: Path) -> None:
    path = write_bytes(tmp_path, "page.htm", PAGE_HTML.encode())
    text, page = pt.read_text(path), pt.parse_file(path)
    assert all(text[q.start : q.end] == q.text for q in page.quantities)
    assert page.length == len(text)


@pytest.mark.parametrize(
    ("declared", "encoding"), [("gb2312", "gbk"), ("GBK", "gb18030"), ("big5", "big5")]
)
def test_html_in_its_declared_charset(tmp_path: Path, declared: str, encoding: str) -> None:
    body = TRADITIONAL if encoding == "big5" else PAGE
    markup = f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={declared}">'
    markup += f"<title>t</title></head><body><p>{body}</p></body></html>"
    path = write_bytes(tmp_path, "page.htm", markup.encode(encoding))
    assert pt.read_text(path) == body.replace("\n", "")  # breaks between Chinese: no space


def test_markup_is_recognized_whatever_the_name() -> None:
    source = read_bytes(b"<!doctype html><p>a&lt;b</p><p>c</p>", "page.txt")
    assert (source.kind, source.text) == ("html", "a<b\nc")
    assert read_bytes("扶贫<br>协作".encode(), "notes.txt", "text").text == "扶贫<br>协作"


def test_line_breaks_of_the_source_are_spaces_but_not_between_chinese() -> None:
    markup = "<html><body><p>帮扶\n  资金 and\nmore</p><pre>a\n  b</pre>一<br>二</body></html>"
    assert read_bytes(markup.encode(), "x.html").text == "帮扶资金 and more\na\nb\n一\n二"


# ---------------------------------------------------------------- PDF


def test_wrapped_lines_are_joined() -> None:
    assert join_lines([Line("资金40.", full=False), Line("48亿元", full=False)]) == "资金40.48亿元"
    wrapped = [Line("累计投入资金12", full=True), Line("0万元。", full=False)]
    assert join_lines(wrapped) == "累计投入资金120万元。"
    assert join_lines([Line("poverty", full=True), Line("alleviation", full=False)]) == (
        "poverty alleviation"
    )
    table = [Line("128", full=False), Line("360", full=False)]
    assert join_lines(table) == "128\n360"
    paragraphs = [Line("第一段。", full=True), Line("第二段", full=False, indented=True)]
    assert join_lines(paragraphs) == "第一段。\n第二段"


def make_pdf(path: Path, lines: list[str]) -> Path:
    """Write a one-page PDF with ``lines`` (Chinese, in a CID font), one under another."""
    pytest.importorskip("pdfminer", reason="the pdf extra is not installed")
    canvas = pytest.importorskip("reportlab.pdfgen.canvas")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    pdf = canvas.Canvas(str(path))
    pdf.setFont("STSong-Light", 12)
    y = 800.0
    for line in lines:
        if line:
            pdf.drawString(72, y, line)
        y -= 16
    pdf.save()
    return path


def test_pdf_number_wrapped_across_lines_reads_whole(tmp_path: Path) -> None:
    path = make_pdf(
        tmp_path / "report.pdf",
        [
            "协作之路再出发",
            "",
            "珠海对口帮扶怒江州，累计投入帮扶资金40.",
            "48亿元，选派干部128名。",
        ],
    )
    source = pt.read_file(path)
    assert (source.kind, source.encoding) == ("pdf", None)
    assert source.text == (
        "协作之路再出发\n\n珠海对口帮扶怒江州，累计投入帮扶资金40.48亿元，选派干部128名。"
    )
    page = pt.parse_file(path)
    assert [q.text for q in page.quantities] == ["40.48亿元", "128名"]
    assert page.quantities[0].value == 4048000000
    assert all(source.text[q.start : q.end] == q.text for q in page.quantities)


def test_pdf_unit_wrapped_after_a_full_line_is_joined(tmp_path: Path) -> None:
    path = make_pdf(
        tmp_path / "wrap.PDF",
        ["珠海对口帮扶怒江州，累计投入财政帮扶资金40.48亿", "元。", "", "选派干部128名。"],
    )
    expected = "珠海对口帮扶怒江州，累计投入财政帮扶资金40.48亿元。\n\n选派干部128名。"
    assert pt.read_text(path) == expected


def test_a_broken_pdf_is_an_error_naming_it(tmp_path: Path) -> None:
    pytest.importorskip("pdfminer", reason="the pdf extra is not installed")
    path = write_bytes(tmp_path, "broken.pdf", b"%PDF-1.4\nnot really a pdf")
    with pytest.raises(pt.UnreadableTextError, match=r"broken\.pdf"):
        pt.read_text(path)


# ---------------------------------------------------------------- folders and the CLI


def test_kind_of_ignores_the_case_of_extensions() -> None:
    assert [kind_of(name) for name in ("A.TXT", "b.HTM", "c.Pdf", "d.xhtml", "e.doc")] == [
        "text", "html", "pdf", "html", None,
    ]  # fmt: skip


def test_cli_reads_every_known_kind_in_a_folder_and_names_what_it_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "downloads"
    upper = write_bytes(folder, "A.TXT", PAGE.encode("gb18030"))
    html = write_bytes(folder, "news/page.HTML", PAGE_HTML.encode())
    big5 = write_bytes(folder, "hk/b.txt", TRADITIONAL.encode("big5"))
    skipped = [write_bytes(folder, name, b"x") for name in ("notes.doc", "scan.jpg")]
    write_bytes(folder, ".hidden/c.txt", b"hidden")
    write_bytes(folder, ".DS_Store", b"\x00")
    status = main(["parse", str(folder)])
    out, err = capsys.readouterr()
    assert status == 0
    sources = [pt.Page.model_validate_json(line).source for line in out.splitlines()]
    assert sources == sorted(str(path) for path in (upper, html, big5))
    names = ", ".join(sorted(str(path) for path in skipped))
    assert f"povertytext: skipped 2 files of no known kind: {names}\n" in err
    assert "povertytext: 3 files, " in err
    assert "0 errors" in err


def test_cli_pages_of_the_copies_agree(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = [
        write_bytes(tmp_path, "a.txt", PAGE.encode()),
        write_bytes(tmp_path, "b.htm", PAGE_HTML.encode()),
        write_bytes(tmp_path, "c.txt", PAGE.encode("utf-16")),
    ]
    assert main(["parse", "-q", *map(str, paths)]) == 0
    pages = [pt.Page.model_validate_json(line) for line in capsys.readouterr().out.splitlines()]
    assert [facts(page) for page in pages] == [facts(pages[0])] * 3


def test_cli_reports_an_undecodable_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = write_bytes(tmp_path, "bad.txt", bytes(range(256)) * 4)
    good = write_bytes(tmp_path, "good.txt", SAMPLE.encode())
    assert main(["parse", str(bad), str(good)]) == 1
    out, err = capsys.readouterr()
    assert f"cannot decode {bad}" in err
    assert [pt.Page.model_validate_json(line).source for line in out.splitlines()] == [str(good)]


# ---------------------------------------------------------------- arguments of the wrong type

NOT_A_PATH = [None, 5, 2.5, b"a.txt", ["a.txt"], {"a.txt": 1}, object()]


@pytest.mark.parametrize(
    "call",
    [pt.read_text, pt.read_file, pt.parse_file, kind_of],
    ids=["read_text", "read_file", "parse_file", "kind_of"],
)
@pytest.mark.parametrize("value", NOT_A_PATH, ids=lambda v: type(v).__name__)
def test_a_path_of_the_wrong_type_is_a_usage_error_naming_it(call: Any, value: object) -> None:
    with pytest.raises(pt.UsageError, match=r"\(path=\.\.\.\): expected a file path"):
        call(value)


def test_a_path_with_a_nul_character_is_a_usage_error() -> None:
    with pytest.raises(pt.UsageError, match="NUL"):
        pt.read_text("a\x00b.txt")


def test_a_path_like_is_read(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("投入3000万元。", encoding="utf-8")
    assert pt.read_text(path) == pt.read_text(str(path)) == "投入3000万元。"
    assert pt.parse_file(path).source == str(path)


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: _any(decode)("扶贫", "a.txt"), r"decode\(data=\.\.\.\): expected bytes, got str"),
        (lambda: _any(decode)(b"x", 5), r"decode\(name=\.\.\.\): expected a str, got int"),
        (lambda: _any(read_bytes)(None, "a.txt"), r"read_bytes\(data=\.\.\.\): expected bytes"),
    ],
    ids=["text-as-data", "name-not-str", "none-as-data"],
)
def test_bytes_of_the_wrong_type_are_usage_errors(call: Any, match: str) -> None:
    with pytest.raises(pt.UsageError, match=match):
        call()


@settings(max_examples=40, deadline=None)
@given(value=st.one_of(st.none(), st.integers(), st.floats(), st.binary(max_size=6),
                       st.lists(st.text(max_size=3), max_size=2), st.dates(),
                       st.text(max_size=8).map(lambda t: f"missing/{t}")))  # fmt: skip
def test_readers_raise_only_our_errors_on_any_argument(value: object) -> None:
    for call in (pt.read_text, pt.read_file, pt.parse_file, kind_of):
        with contextlib.suppress(pt.PovertyTextError):  # any other error fails the test
            _any(call)(value)
