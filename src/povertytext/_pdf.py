"""The text of a PDF file, through pdfminer.six (the ``pdf`` extra), with wrapped lines joined.

pdfminer's layout analysis gives text boxes (paragraphs, headings) and their
lines with positions. Boxes are separated by a blank line; within a box, a line
break is kept unless it is a wrap, which :func:`join_lines` decides:

* a number split after its decimal point (``40.`` / ``48亿元``) is always joined;
* a line that reaches the right edge of the page's text (a *full* line) wraps
  into the next one unless that one is indented (a new paragraph): joined with
  nothing between Chinese characters or digits, with a space between two Latin
  letters. A short line (a title, the end of a paragraph) keeps its break.

>>> join_lines([Line("帮扶资金40.", full=False), Line("48亿元。", full=False)])
'帮扶资金40.48亿元。'
>>> join_lines([
...     Line("累计投入财政帮扶资金40.48亿", full=True),
...     Line("元，选派干部128名。", full=False),
...     Line("第二段", full=False, indented=True),
... ])
'累计投入财政帮扶资金40.48亿元，选派干部128名。\\n第二段'
"""

from __future__ import annotations

import io
import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from .errors import MissingDependencyError, UnreadableTextError

__all__ = ["Line", "join_lines", "pdf_text"]

_INSTALL = "pip install 'povertytext[pdf]'"
_SPLIT_DECIMAL = re.compile(r"\d[.．]\Z")
_LATIN = re.compile(r"[A-Za-z]")


@dataclass(frozen=True)
class Line:
    """One line of a text box: its text, whether it reaches the right edge, whether indented."""

    text: str
    full: bool
    indented: bool = False


def join_lines(lines: Sequence[Line]) -> str:
    """Return the lines of one text box as text, wrapped lines joined (see the module)."""
    if not lines:
        return ""
    parts = [lines[0].text]
    for previous, line in itertools.pairwise(lines):
        parts.append(_joint(previous, line))
        parts.append(line.text)
    return "".join(parts)


def _joint(previous: Line, line: Line) -> str:
    """Return what goes between two lines of a box: nothing, a space or a line break."""
    if _SPLIT_DECIMAL.search(previous.text) and line.text[:1].isdigit():
        return ""
    if not previous.full or line.indented or not previous.text or not line.text:
        return "\n"
    if _LATIN.match(previous.text[-1]) and _LATIN.match(line.text[0]):
        return " "
    return ""


def pdf_text(data: bytes, name: str) -> str:
    """Return the text of the PDF ``data``: page after page, boxes separated by blank lines.

    Raises:
        MissingDependencyError: when pdfminer.six (the ``pdf`` extra) is not installed.
        UnreadableTextError: naming ``name``, when the bytes are no PDF pdfminer reads.
    """
    try:
        from pdfminer.high_level import extract_pages
        from pdfminer.pdfexceptions import PDFException
        from pdfminer.psexceptions import PSException
    except ImportError:
        raise MissingDependencyError(
            f"reading the PDF {name} needs pdfminer.six: {_INSTALL}"
        ) from None
    try:
        pages = [_page_text(page) for page in extract_pages(io.BytesIO(data))]
    except (PDFException, PSException, ValueError, TypeError, KeyError) as error:
        raise UnreadableTextError(f"cannot read the PDF {name}: {error}", path=name) from None
    return "\n\n".join(page for page in pages if page)


def _page_text(page: Any) -> str:
    """Return the text of one pdfminer page layout, wrapped lines joined."""
    boxes = [rows for rows in (list(_lines(box)) for box in _text_boxes(page)) if rows]
    rows = [row for box in boxes for row in box]
    if not rows:
        return ""
    right = max(row.x1 for row in rows)
    slack = max(row.height for row in rows)  # about one character: what a justified line misses
    texts = [_box_text(box, right, slack) for box in boxes]
    return "\n\n".join(text for text in texts if text)


def _box_text(rows: Sequence[Any], right: float, slack: float) -> str:
    """Return the text of one box's lines; indents are measured from its leftmost line."""
    left = min(row.x0 for row in rows)
    return join_lines([_line(row, left, right, slack) for row in rows])


def _text_boxes(page: Any) -> Iterator[Any]:
    """Yield the text boxes of a page layout, in pdfminer's reading order."""
    from pdfminer.layout import LTTextBox

    for item in page:
        if isinstance(item, LTTextBox):
            yield item


def _lines(box: Any) -> Iterator[Any]:
    """Yield the non-empty text lines of a box."""
    from pdfminer.layout import LTTextLine

    for item in box:
        if isinstance(item, LTTextLine) and item.get_text().strip():
            yield item


def _line(row: Any, left: float, right: float, slack: float) -> Line:
    """Return a pdfminer text line as a :class:`Line`, full and indented judged by position."""
    return Line(
        text=row.get_text().strip("\n").rstrip(),
        full=row.x1 >= right - slack,
        indented=row.x0 > left + slack / 2,
    )
