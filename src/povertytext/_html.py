"""The text of an HTML page: markup removed by the standard library's HTML parser.

Block elements end lines, entities are decoded, scripts, styles and navigation
are dropped; ``<title>`` and the publication date of a ``<meta>`` element are
kept apart as metadata.

>>> page = html_text(
...     "<html><head><title>协作 之路</title><meta name='PubDate' content='2020-12-31 10:00'>"
...     "<script>var x = 1;</script></head><body><nav>首页 | 新闻</nav>"
...     "<h1>协作之路再出发</h1><p>投入帮扶资金12.6亿元&#65292;选派干部128名&nbsp;。</p>"
...     "</body></html>"
... )
>>> page.text
'协作之路再出发\\n投入帮扶资金12.6亿元，选派干部128名 。'
>>> page.title, page.date
('协作 之路', datetime.date(2020, 12, 31))
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from html.parser import HTMLParser

__all__ = ["HtmlText", "html_text", "looks_like_markup"]

# Elements whose whole content is no part of the text (page furniture and code).
_DROPPED = frozenset(
    {"script", "style", "noscript", "template", "nav", "footer", "aside", "iframe", "svg",
     "canvas", "object", "select", "button"}
)  # fmt: skip
# ARIA roles of page furniture, on any element.
_DROPPED_ROLES = frozenset({"navigation", "contentinfo", "banner", "search", "menu"})
# Elements that start and end a line (HTML's block-level and line-breaking elements).
_BLOCKS = frozenset(
    {"address", "article", "blockquote", "br", "caption", "center", "dd", "div", "dl", "dt",
     "figcaption", "figure", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
     "main", "ol", "p", "pre", "section", "table", "tbody", "thead", "tfoot", "tr", "ul"}
)  # fmt: skip
_CELLS = frozenset({"td", "th"})
# <meta> names and properties that carry a publication date, Chinese portals' among them.
_DATE_META = frozenset(
    {"pubdate", "publishdate", "publish_date", "publishtime", "firstpublishedtime",
     "article:published_time", "og:published_time", "datepublished", "date", "dc.date",
     "dc.date.issued", "dcterms.issued", "dcterms.date", "citation_publication_date",
     "citation_date"}
)  # fmt: skip
_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})|(\d{4})(\d{2})(\d{2})")
_MARKUP = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
    re.IGNORECASE | re.DOTALL,
)
_WIDE = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"  # CJK scripts, symbols, full-width forms
# A line break in the source between two wide characters is no space (CSS Text 3).
_WIDE_BREAK = re.compile(rf"(?<=[{_WIDE}])[ \t\r\f]*\n\s*(?=[{_WIDE}])")
_SPACES = re.compile(r"[ \t\r\n\f\xa0]+")
_LINE_EDGES = re.compile(r"[ \t\xa0]*\n[ \t\xa0\n]*")


@dataclass(frozen=True)
class HtmlText:
    """The text of an HTML page, and its ``<title>`` and publication date."""

    text: str
    title: str | None
    date: datetime.date | None


def looks_like_markup(text: str) -> bool:
    """Return whether ``text`` is an HTML document (it opens with a doctype, html, head or body).

    >>> looks_like_markup("<!DOCTYPE html><p>扶贫</p>"), looks_like_markup("扶贫<br>")
    (True, False)
    """
    return _MARKUP.match(text) is not None


def html_text(markup: str) -> HtmlText:
    """Return the text of the HTML document ``markup``, with its title and date."""
    parser = _TextParser()
    parser.feed(markup)
    parser.close()
    text = _LINE_EDGES.sub("\n", "".join(parser.pieces)).strip(" \t\n\xa0")
    title = _SPACES.sub(" ", "".join(parser.title)).strip() or None
    return HtmlText(text, title, parser.date)


def meta_date(content: str) -> datetime.date | None:
    """Return the date at the start of a ``<meta>`` content, or None.

    >>> meta_date("2020-12-31T10:00:00+08:00"), meta_date("2020年8月1日"), meta_date("soon")
    (datetime.date(2020, 12, 31), datetime.date(2020, 8, 1), None)
    """
    match = _DATE.search(content)
    if match is None:
        return None
    year, month, day = (int(part) for part in match.groups() if part is not None)
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


class _TextParser(HTMLParser):
    """Collects the text pieces, the title and the first publication date of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self.title: list[str] = []
        self.date: datetime.date | None = None
        self._dropped: list[str] = []  # open dropped elements, outermost first
        self._in_title = False
        self._in_pre = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._dropped:
            if tag == self._dropped[0]:  # nested like the outermost: its end is not the end
                self._dropped.append(tag)
            return
        attributes = {name: value or "" for name, value in attrs}
        if tag in _DROPPED or attributes.get("role", "").lower() in _DROPPED_ROLES:
            self._dropped.append(tag)
        elif tag == "meta":
            self._meta(attributes)
        elif tag == "title":
            self._in_title = True
        else:
            if tag == "pre":
                self._in_pre += 1
            self._boundary(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta" and not self._dropped:
            self._meta({name: value or "" for name, value in attrs})
        elif not self._dropped:
            self._boundary(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._dropped:
            if tag == self._dropped[0]:
                self._dropped.pop()
            return
        if tag == "title":
            self._in_title = False
            return
        if tag == "pre" and self._in_pre:
            self._in_pre -= 1
        self._boundary(tag)

    def handle_data(self, data: str) -> None:
        if self._dropped:
            return
        if self._in_title:
            self.title.append(data)
        elif self._in_pre:
            self.pieces.append(data)
        else:
            self.pieces.append(_SPACES.sub(" ", _WIDE_BREAK.sub("", data)))

    def _boundary(self, tag: str) -> None:
        if tag in _BLOCKS:
            self.pieces.append("\n")
        elif tag in _CELLS:
            self.pieces.append(" ")

    def _meta(self, attributes: dict[str, str]) -> None:
        key = attributes.get("name") or attributes.get("property") or attributes.get("itemprop")
        if self.date is None and key and key.lower() in _DATE_META:
            self.date = meta_date(attributes.get("content", ""))
