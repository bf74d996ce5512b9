"""Layout: a page of text split into the documents it holds, as document plans.

:func:`plan_page` finds where each document of a page lies (its kind, title, body,
speaker, date and source, a :class:`Plan`); :mod:`povertytext.page` extracts what
each body holds and assembles the :class:`~povertytext.Page`.

A page is read line by line (offsets into the caller's text, nothing stripped):

* **Signed speeches.** Each signature block (:mod:`povertytext.bylines`: region
  line, name line, position lines) with the title line just above it is a
  header. Headers that follow each other with nothing but blank lines between
  them form a group: a two-column page prints both headers first, then both
  bodies. A group's bodies are the paragraphs up to the next group's title,
  split in order between its headers: the split gives each body the paragraphs
  that name its header's region (or a place inside it), its speaker or a phrase
  of its title most often.
* **Articles.** A page with a meta line (日期:, 来源:, 作者:, 版次:, or a line that
  is a date and nothing else) under its title,
  or a reporter credit (新快报记者 朱清海) near the top. The title is the line above
  the meta lines (a part marker such as ``(1)`` at its end is left out); the
  body starts at the first paragraph after them, skipping photo captions (■…)
  and subheadlines (short lines without a sentence mark). The date is the first
  dated mention of the meta lines, the source the 来源 field (the publication
  before a ``-``) or the outlet of the reporter credit (新快报记者 → 新快报); an
  作者 field with positions makes its official the speaker.
* **Closing signatures.** A signature under the text it signs (paragraphs above it,
  none after it: ……谢谢大家。 / 肇庆市委书记 张三) is no header: the text above is read
  as an article or essay, and the signature's official is its speaker.
* **Stories.** Every story head starts an article: a title with a meta line or a
  credit line (文/王建国) under it, or a news lead opening a paragraph (本报讯,
  新华社北京9月1日电; a title above it is optional). A meta line with a paragraph run
  into it (来源:新华网 作者:张三 近日，……) ends where the paragraph starts. A section
  heading (相关阅读, 新闻推荐) ends the story above it; under it, each title with a
  paragraph below is one more article. A newspaper's issue line at a story's end
  (《人民日报》（2020年09月01日 第05版）) gives its date and source and is no body.
* **Essays.** Anything else is one essay: its first line is the title when it
  looks like one, the rest is the body. Its date is a year written in the title.
  A text with a sign of publication (a reporter credit, a news lead, an issue line,
  a 来源 or 责任编辑 line) is an article instead.

Site chrome (首页, 【打 印】, 字号 大 中 小, 当前位置:首页>正文) is never a title, and a
report's header line (——在…人民代表大会第一次会议上) is a subtitle: the headline above
it is the title. A page of 150 characters or more without line breaks is read in
pieces (runs between white space, sentences) when they show a speech or an article.

Every body ends at the end of its last sentence, before page chrome at the end
of the page (分享到, copyright lines, 责任编辑, site navigation, licence numbers).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from ._data import loader, read_table, words
from ._text import (
    ASCII_DIGITS,
    CLAUSE_ENDS,
    HAN,
    SENTENCE_ENDS,
    SENTENCE_ENDS_FULL_WIDTH,
    SENTENCE_ENDS_OR_SEMICOLON,
)
from .bylines import Byline, Line, find_bylines, lines_of, source_of_role
from .dates import extract_dates, parse_date
from .errors import PovertyTextError
from .models import (
    Author,
    DocumentKind,
    Official,
    Region,
    RegionMention,
)
from .regions import is_within

__all__ = ["Plan", "Spans", "plan_page", "starting_in", "within"]

_MAX_TITLE = 60  # characters of a title line
_MAX_DATE_LINE = 20  # characters of a line holding nothing but a date
_MAX_SUBHEADLINE = 40  # a short line without sentence marks before an article's body
_TOP_LINES = 6  # content lines at the top of a page where a reporter credit makes an article
_SOURCE_FIELD = re.compile(r"来源\s*[:：]\s*(?P<value>[^\s\xa0\u3000|]*)")
_PART_MARKER = re.compile(r"[\s\xa0\u3000]*[（(]\s*\d{1,2}\s*[)）]$")
_WORDS = "page_words.csv"  # field labels, caption marks and page chrome (see its header)
_SPLIT_TITLE = re.compile(r"[\s\xa0\u3000，,]+")
_MIN_ONE_LINE_PAGE = 150  # characters of a text without line breaks read as a page of pieces
_MIN_TITLE_HALF = 5  # characters of each half of a two-part headline on a one-line page
_CLAUSE_MARKS = CLAUSE_ENDS
_SENTENCE_END = re.compile(f".+?(?:[{SENTENCE_ENDS}][”’」』）)]*|$)")
_TOKEN = re.compile(r"[^\s\xa0\u3000]+")
_CHROME_GLUE = re.compile(r"[\s\xa0\u3000【】\[\]（）()<>＜＞»›|｜/／:：、·•\-—]+")
_CLOCK = re.compile(r"\d{1,2}[:：]\d{2}(?:[:：]\d{2})?")
_ISSUE_OUTLET = re.compile(r"《(?P<outlet>[^》]{2,12})》")
_BREADCRUMB = re.compile(r"[>＞»›]")
_DAY = r"(?:\d{1,2}|[〇一二三四五六七八九十]{1,3})"


class _Span(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


_S = TypeVar("_S", bound=_Span)


class Spans(list[_S]):
    """Spans of a page (quantities, mentions, authors) with their starts, for the range
    queries of :func:`starting_in` and :func:`within` by bisect; ``starts`` is None when
    they are not in order of their starts (the queries then scan)."""

    def __init__(self, spans: Sequence[_S]) -> None:
        super().__init__(spans)
        starts = [span.start for span in spans]
        ordered = all(a <= b for a, b in itertools.pairwise(starts))
        self.starts: list[int] | None = starts if ordered else None


@dataclass
class Plan:
    """Where one document of a page lies and what its head says, before its body is read.

    ``body_start``/``body_end`` and ``title`` are offsets into the page's text;
    ``region``, ``speaker``, ``date`` (ISO, any precision) and ``source`` are those the
    layout read (a speech's signature, an article's meta lines), None when it read none.
    """

    kind: DocumentKind
    body_start: int
    body_end: int
    title: tuple[int, int] | None = None
    region: Region | None = None
    speaker: Official | None = None
    date: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class _Header:
    """A speech header: the title line (if any) above a signature block."""

    byline: Byline
    title: tuple[int, int] | None
    start: int  # first character of the header (its title, else the block)


# --- lines ----------------------------------------------------------------------------------


def _alternation(role: str) -> str:
    return "|".join(re.escape(word) for word in words(_WORDS, role))


@loader
def _meta_field() -> re.Pattern[str]:
    """A field label of a meta line (日期:, 来源：)."""
    return re.compile(f"(?:{_alternation('meta_field')})\\s*[:：]")


@loader
def _footer_words() -> re.Pattern[str]:
    return re.compile(_alternation("footer_word"), re.IGNORECASE)


@loader
def _footer_starts() -> tuple[str, ...]:
    return tuple(word.lower() for word in words(_WORDS, "footer_start"))


class _Lines(Sequence[Line]):
    """The lines (or pieces) of a page, in order, with what range queries need: their
    starts and ends, and the content (non-blank) lines with theirs. Lines never
    overlap, so every one of these lists is sorted."""

    def __init__(self, lines: Sequence[Line]) -> None:
        self._lines = list(lines)
        self.starts = [line.start for line in self._lines]
        self.ends = [line.end for line in self._lines]
        self.content = [line for line in self._lines if not line.blank]
        self.content_starts = [line.start for line in self.content]
        self.content_ends = [line.end for line in self.content]
        self._positions: dict[int, int] | None = None
        self.first_paragraph_end: int | None = None  # see _paragraph_ends_by

    def __len__(self) -> int:
        return len(self._lines)

    def __iter__(self) -> Iterator[Line]:
        return iter(self._lines)

    def __getitem__(self, index: int) -> Line:  # type: ignore[override]
        return self._lines[index]

    def head(self, stop: int) -> _Lines:
        """The first ``stop`` lines."""
        return _Lines(self._lines[:stop])

    def index(self, line: object, start: int = 0, stop: int | None = None) -> int:
        """The index of ``line`` (by its start: lines never share one)."""
        if self._positions is None:
            self._positions = {item.start: k for k, item in enumerate(self._lines)}
        k = self._positions.get(line.start, -1) if isinstance(line, Line) else -1
        if k < 0 or self._lines[k] != line:
            return self._lines.index(line)  # type: ignore[arg-type]
        return k

    def content_between(self, lo: int, hi: int) -> list[Line]:
        """Content lines starting in ``[lo, hi)``."""
        first = bisect.bisect_left(self.content_starts, lo)
        return self.content[first : bisect.bisect_left(self.content_starts, hi)]


def _content(lines: Sequence[Line]) -> list[Line]:
    if isinstance(lines, _Lines):
        return lines.content
    return [line for line in lines if not line.blank]


@dataclass(frozen=True)
class _Piece(Line):
    """A piece of a page stored as one line: a run between white space, or a sentence."""


def _pieces(text: str) -> list[Line]:
    """A one-line page cut at white space and after each sentence, offsets kept."""
    pieces: list[Line] = []
    for token in _TOKEN.finditer(text):
        for sentence in _SENTENCE_END.finditer(token.group()):
            if sentence.group():
                start = token.start() + sentence.start()
                pieces.append(_Piece(start, start + len(sentence.group()), sentence.group()))
    return pieces


def _is_one_line_page(text: str) -> bool:
    return len(text.strip()) >= _MIN_ONE_LINE_PAGE and not re.search(r"[\r\n]", text.strip())


def _made_of(content: str, vocabulary: Sequence[str]) -> bool:
    """True when ``content`` is a run of words of ``vocabulary`` and nothing else."""
    reachable = [True] + [False] * len(content)
    for i in range(len(content)):
        if reachable[i]:
            for word in vocabulary:
                if content.startswith(word, i):
                    reachable[i + len(word)] = True
    return reachable[-1]


def _is_chrome(line: Line) -> bool:
    """Site navigation and page tools: 当前位置:首页>正文, 【打 印】, 字号 大 中 小, 返回."""
    content = line.stripped.lstrip("【[（(")
    if not content:
        return False
    if content.startswith(words(_WORDS, "chrome_start")):
        return True
    if _BREADCRUMB.search(content):  # 首页 > 新闻中心 > 正文: the trail starts at a chrome word
        content = _BREADCRUMB.split(content)[0]
    rest = _CHROME_GLUE.sub("", content)
    return not rest or _made_of(rest, words(_WORDS, "chrome_word"))


def _is_section_mark(line: Line) -> bool:
    """A heading over further stories: 相关阅读, 【新闻推荐】.

    A line whose first characters outnumber the longest mark with no glue among them
    keeps more characters than any mark once the glue is removed: it is told apart
    without removing the glue of the whole line.
    """
    marks = words(_WORDS, "section_mark")  # longest first
    longest = len(marks[0]) if marks else 0
    head = line.stripped[: longest + 1]
    if len(head) > longest and not _CHROME_GLUE.search(head):
        return False
    return _CHROME_GLUE.sub("", line.stripped) in marks


def _is_subtitle(line: Line) -> bool:
    """A report's header line: ——在韶关市第十五届人民代表大会第一次会议上."""
    content = line.stripped.strip("（()）")
    content = re.sub(r"^[—\-－]+\s*|\d{4}年\d{1,2}月\d{1,2}日\s*", "", content)
    return (
        0 < len(content) <= _MAX_TITLE
        and content.startswith(words(_WORDS, "subtitle_start"))
        and content.endswith(words(_WORDS, "subtitle_end"))
    )


@loader
def _news_lead() -> re.Pattern[str]:
    """How a news item's first paragraph opens: 本报讯, 新华社北京9月1日电."""
    outlets = _alternation("lead_outlet")
    day = f"{_DAY}月{_DAY}日"
    return re.compile(
        f"[（(【\\[]?(?:(?P<outlet>{outlets})[{HAN}]{{0,6}}?(?:{day})?|[{HAN}]{{2,12}}?{day})"
        f"(?:{_alternation('lead_end')})(?![{HAN}])"
    )


def _is_lead(line: Line) -> bool:
    return _news_lead().match(line.stripped) is not None


def _lead_source(line: Line) -> str | None:
    """The agency of a wire lead (新华社北京9月1日电 → 新华社); None for 本报讯."""
    match = _news_lead().match(line.stripped)
    outlet = match.group("outlet") if match is not None else None
    return None if outlet is None or outlet in words(_WORDS, "own_outlet") else outlet


def _is_issue_line(line: Line) -> bool:
    """A newspaper's issue line under a story: 《人民日报》（2020年09月01日 第05版）."""
    content = line.stripped
    return (
        len(content) <= _MAX_SUBHEADLINE
        and not any(mark in content for mark in SENTENCE_ENDS_FULL_WIDTH)
        and any(word in content for word in words(_WORDS, "edition_mark"))
        and any(m.value is not None and len(m.value) == 10 for m in extract_dates(content))
    )


@loader
def _source_mark() -> re.Pattern[str]:
    return re.compile(f"[（(【\\[]?(?:{_alternation('source_mark')})\\s*[:：]")


def _is_source_line(line: Line) -> bool:
    """A line naming where a text was published: 来源：人民日报, （责任编辑：张华）."""
    return _source_mark().match(line.stripped) is not None


def _is_title_like(line: Line) -> bool:
    content = line.stripped
    return (
        0 < len(content) <= _MAX_TITLE
        and "。" not in content
        and not content.endswith(("，", ",", ":", "：", "；", ";"))
        and _meta_field().search(content) is None
        and not _is_chrome(line)
        and not _is_section_mark(line)
    )


def _title_span(text: str, lines: Sequence[Line], index: int) -> tuple[int, int]:
    """The title's span on its line, without a trailing part marker such as (1).

    On a one-line page the piece before it joins it when both look like the halves of
    a two-part headline (加快产业发展 巩固脱贫成果).
    """
    line = lines[index]
    start, end = line.content_start, line.content_end
    before = lines[index - 1] if index > 0 else None
    if (
        isinstance(line, _Piece)
        and before is not None
        and before.end + 1 == line.start
        and _is_title_like(before)
        and min(len(before.stripped), len(line.stripped)) >= _MIN_TITLE_HALF
        and not _is_lead(before)
    ):
        start = before.content_start
    marker = _PART_MARKER.search(text, start, end)
    if marker is not None and marker.start() > start:
        end = marker.start()
    return start, end


def _is_footer(line: Line) -> bool:
    """A line of page chrome: share links, copyright, licences, site navigation."""
    content = line.stripped.lstrip("（(【[")
    return (
        _is_chrome(line)
        or content.lower().startswith(_footer_starts())
        or any(mark in content for mark in words(_WORDS, "footer_mark"))
        or len(_footer_words().findall(content)) >= 2
        or content.count("|") >= 3
    )


def _body_end(lines: Sequence[Line], start: int, end: int) -> int:
    """End of the last content line in ``[start, end)`` that is not page chrome."""
    candidates = _overlapping(lines, start, end)
    while (
        candidates
        and candidates[-1].content_start >= start  # not a meta line the body is run into
        and (_is_footer(candidates[-1]) or _is_issue_line(candidates[-1]))
    ):
        candidates.pop()
    return candidates[-1].content_end if candidates else start


def _content_between(lines: Sequence[Line], lo: int, hi: int) -> list[Line]:
    """Content lines starting in ``[lo, hi)``, in order."""
    if not isinstance(lines, _Lines):
        lines = _Lines(lines)
    return lines.content_between(lo, hi)


def _overlapping(lines: Sequence[Line], start: int, end: int) -> list[Line]:
    """Content lines that overlap ``[start, end)`` (ending after ``start``, starting before
    ``end``), in order."""
    if not isinstance(lines, _Lines):
        lines = _Lines(lines)
    first = bisect.bisect_right(lines.content_ends, start)
    return lines.content[first : bisect.bisect_left(lines.content_starts, end)]


# --- speeches --------------------------------------------------------------------------------


def _line_index(lines: Sequence[Line], offset: int) -> int:
    """The first line holding ``offset`` (its start to its end, both included), else the last.

    Lines are in order and never overlap, so the first line ending at or after ``offset``
    is the only candidate."""
    if not isinstance(lines, _Lines):
        lines = _Lines(lines)
    k = bisect.bisect_left(lines.ends, offset)
    if k < len(lines) and lines[k].start <= offset:
        return k
    return len(lines) - 1


def _header(text: str, lines: Sequence[Line], byline: Byline) -> _Header:
    title_index = _title_before(lines, _line_index(lines, byline.start))
    if title_index is None:
        return _Header(byline, None, byline.start)
    title = _title_span(text, lines, title_index)
    return _Header(byline, title, title[0])


def _groups(text: str, headers: Sequence[_Header]) -> list[list[_Header]]:
    """Headers split into runs that follow each other with only white space between."""
    groups: list[list[_Header]] = []
    for header in headers:
        if groups and not text[groups[-1][-1].byline.end : header.start].strip():
            groups[-1].append(header)
        else:
            groups.append([header])
    return groups


def _title_phrases(text: str, header: _Header) -> list[str]:
    if header.title is None:
        return []
    title = text[header.title[0] : header.title[1]]
    return [part for part in _SPLIT_TITLE.split(title) if len(part) >= 4]


def _affinity(
    text: str, paragraph: Line, header: _Header, mentions: Sequence[RegionMention]
) -> int:
    """How strongly a paragraph belongs to a header: its region, speaker and title phrases."""
    score = 0
    region = header.byline.region
    if region is not None:
        score += sum(
            1
            for m in starting_in(mentions, paragraph.start, paragraph.end)
            if m.region is not None and is_within(m.region, region)
        )
    paragraph_text = text[paragraph.start : paragraph.end]
    score += paragraph_text.count(header.byline.official.name)
    score += sum(2 for phrase in _title_phrases(text, header) if phrase in paragraph_text)
    return score


def starting_in(spans: Sequence[_S], lo: int, hi: int) -> Sequence[_S]:
    """The spans starting in ``[lo, hi)``, in order (by bisect for an index of spans)."""
    if isinstance(spans, Spans) and spans.starts is not None:
        starts = spans.starts
        return spans[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi)]
    return [span for span in spans if lo <= span.start < hi]


def within(spans: Sequence[_S], lo: int, hi: int) -> list[_S]:
    """The spans lying in ``[lo, hi]``, in order."""
    if isinstance(spans, Spans) and spans.starts is not None:
        starts = spans.starts
        candidates = spans[bisect.bisect_left(starts, lo) : bisect.bisect_right(starts, hi)]
        return [span for span in candidates if span.end <= hi]
    return [span for span in spans if _in(span.start, span.end, lo, hi)]


def _split_in_order(scores: Sequence[Sequence[int]], parts: int) -> list[int]:
    """Cut points splitting paragraphs into ``parts`` non-empty runs, best total score.

    ``scores[j][p]`` is paragraph p's affinity to part j; returns the index of the
    first paragraph of each part.
    """
    n = len(scores[0])
    best = {0: 0}  # first paragraph of the next part → best total so far
    back: list[dict[int, int]] = []  # per part: its end → its start
    for j in range(parts):
        prefix = list(itertools.accumulate(scores[j], initial=0))
        best, cuts = _next_part(best, prefix, n - (parts - j - 1))
        back.append(cuts)
    starts = [n]
    for cuts in reversed(back):
        starts.append(cuts[starts[-1]])
    return starts[:0:-1]


def _next_part(
    best: dict[int, int], prefix: list[int], last: int
) -> tuple[dict[int, int], dict[int, int]]:
    """One step of :func:`_split_in_order`: for each end of the next part up to ``last``,
    the best total and the start that reaches it (the first start on ties)."""
    totals: dict[int, int] = {}
    cuts: dict[int, int] = {}
    starts = sorted(best)
    k, lead, lead_start = 0, 0, -1
    for end in range(starts[0] + 1, last + 1):
        while k < len(starts) and starts[k] < end:
            value = best[starts[k]] - prefix[starts[k]]
            if lead_start < 0 or value > lead:
                lead, lead_start = value, starts[k]
            k += 1
        totals[end], cuts[end] = lead + prefix[end], lead_start
    return totals, cuts


def _bodies(
    text: str,
    lines: Sequence[Line],
    group: Sequence[_Header],
    zone: tuple[int, int],
    mentions: Sequence[RegionMention],
) -> list[tuple[int, int]]:
    """The body span of each header of a group, from the paragraphs of its zone."""
    zone_end = _body_end(lines, *zone)
    paragraphs = _content_between(lines, zone[0], zone_end)
    if len(group) == 1 or len(paragraphs) < len(group):
        if not paragraphs:
            return [(zone[0], zone[0])] * len(group)
        whole = (paragraphs[0].content_start, zone_end)
        return [whole] + [(zone_end, zone_end)] * (len(group) - 1)
    scores = [[_affinity(text, p, h, mentions) for p in paragraphs] for h in group]
    cuts = [*_split_in_order(scores, len(group)), len(paragraphs)]
    return [
        (paragraphs[cuts[j]].content_start, paragraphs[cuts[j + 1] - 1].content_end)
        for j in range(len(group))
    ]


def _speech_plans(
    text: str, lines: Sequence[Line], bylines: Sequence[Byline], mentions: Sequence[RegionMention]
) -> list[Plan]:
    headers = [_header(text, lines, b) for b in bylines]
    groups = _groups(text, headers)
    plans: list[Plan] = []
    for g, group in enumerate(groups):
        zone_end = groups[g + 1][0].start if g + 1 < len(groups) else len(text)
        zone = (group[-1].byline.end, zone_end)
        bodies = _bodies(text, lines, group, zone, mentions)
        for header, (start, end) in zip(group, bodies, strict=True):
            plans.append(
                Plan(
                    kind="speech",
                    body_start=start,
                    body_end=end,
                    title=header.title,
                    region=header.byline.region or _region_of_positions(header.byline.official),
                    speaker=header.byline.official,
                )
            )
    return plans


# --- articles and essays ------------------------------------------------------------------------


def _meta_lines(lines: Sequence[Line], first: int) -> list[int]:
    """Indices of the meta lines right after the line ``first`` (blank lines skipped)."""
    found: list[int] = []
    for j in range(first + 1, len(lines)):
        if lines[j].blank:
            continue
        if not _is_meta(lines[j]):
            break
        found.append(j)
        if _run_in(lines[j]) is not None:  # the body starts on this line
            break
    return found


def _last_meta(lines: Sequence[Line], first: int) -> int:
    """Index of the last meta line of the run starting at ``first``: the line itself when
    a paragraph is run into it."""
    if _run_in(lines[first]) is not None:
        return first
    return [first, *_meta_lines(lines, first)][-1]


def _is_date_line(line: Line) -> bool:
    """A line that is one dated expression and nothing else (2020年12月31日, 2020-08-19)."""
    content = line.stripped
    if not content or len(content) > _MAX_DATE_LINE or _numeral_chars().isdisjoint(content):
        return False
    try:
        return parse_date(content).value is not None
    except PovertyTextError:
        return False


@loader
def _numeral_chars() -> frozenset[str]:
    """The characters that write a digit or a numeral (7, ７, 〇, 二, 贰, 百): a dated line
    holds one in its year, so a line without any is read as no date without the date
    reader (a page of short lines stays fast)."""
    chars = set(ASCII_DIGITS)
    chars.update(row["char"] for row in read_table("numeral_values.csv"))
    chars.update(row["char"] for row in read_table("numeral_chars.csv"))
    return frozenset(chars)


def _is_meta(line: Line) -> bool:
    """A meta line under a title: labelled fields (日期:, 来源:, 作者:), a date alone or a
    clock time alone (the 10:20 after 发布时间：2020-09-01)."""
    return (
        _meta_field().search(line.text) is not None
        or _is_date_line(line)
        or _CLOCK.fullmatch(line.stripped) is not None
    )


def _first_meta(lines: Sequence[Line]) -> int | None:
    """Index of the first meta line among the first content lines of the page."""
    for line in _content(lines)[:_TOP_LINES]:
        if _is_meta(line):
            return lines.index(line)
    return None


def _is_caption(line: Line) -> bool:
    return line.text.lstrip(" \t\xa0\u3000").startswith(words(_WORDS, "caption"))


def _is_subheadline(line: Line) -> bool:
    content = line.stripped
    return len(content) <= _MAX_SUBHEADLINE and not any(
        c in content for c in SENTENCE_ENDS_OR_SEMICOLON
    )


def _first_paragraph(lines: Sequence[Line], after: int) -> int | None:
    """Index of the first body paragraph after line ``after``: no caption, no subheadline."""
    for j in range(after + 1, len(lines)):
        line = lines[j]
        if line.blank or _is_caption(line) or _is_subheadline(line):
            continue
        return j
    return None


def _title_before(lines: Sequence[Line], index: int) -> int | None:
    """The title line above line ``index``: site chrome and a report's subtitle
    (在…会议上) between them are passed over; the subtitle is the title only when
    no headline stands above it."""
    subtitle: int | None = None
    for j in range(index - 1, -1, -1):
        line = lines[j]
        if line.blank or _is_chrome(line):
            continue
        if _is_subtitle(line) and subtitle is None:
            subtitle = j
            continue
        return j if _is_title_like(line) else subtitle
    return subtitle


def _header_date(text: str, start: int, end: int) -> str | None:
    for mention in extract_dates(text[start:end]):
        if mention.value is not None:
            return mention.value
    return None


def _source(text: str, start: int, end: int, authors: Sequence[Author]) -> str | None:
    match = _SOURCE_FIELD.search(text, start, end)
    if match is not None and match.group("value"):
        return re.split(r"[-－—]", match.group("value"))[0] or None
    for author in authors:
        outlet = source_of_role(author.role)
        if outlet:
            return outlet
    return None


@dataclass(frozen=True)
class _Head:
    """Where a story starts: its title line (if any) and the line that shows it is
    published (a meta line, a reporter credit, a news lead, or the first paragraph
    of an item under 相关阅读). ``lead``: the body starts at that line."""

    title: int | None
    sign: int
    lead: bool = False

    @property
    def first(self) -> int:
        return self.sign if self.title is None else self.title


def _run_in(line: Line) -> int | None:
    """Offset of a paragraph run into a meta line (来源:新华网 作者:张三 近日，……)."""
    label = _meta_field().search(line.text)
    if label is None:
        return None
    for token in _TOKEN.finditer(line.text, label.end()):
        piece = token.group()
        if any(mark in piece for mark in _CLAUSE_MARKS) and _meta_field().match(piece) is None:
            return line.start + token.start()
    return None


def _issue(lines: Sequence[Line], start: int, end: int) -> Line | None:
    """The last issue line (《人民日报》（2020年09月01日 第05版）) in ``[start, end)``."""
    issues = [line for line in _content_between(lines, start, end) if _is_issue_line(line)]
    return issues[-1] if issues else None


def _issue_date(text: str, issue: Line | None) -> str | None:
    return None if issue is None else _header_date(text, issue.start, issue.end)


def _issue_source(issue: Line | None) -> str | None:
    match = _ISSUE_OUTLET.search(issue.text) if issue is not None else None
    return match.group("outlet") if match is not None else None


def _story_body(lines: Sequence[Line], head: _Head, end: int) -> tuple[int, int] | None:
    """(end of the head, start of the body) of a story, or None when it has no body."""
    sign = lines[head.sign]
    if head.lead:
        return sign.start, sign.content_start
    last = _last_meta(lines, head.sign)
    run_in = _run_in(lines[last])
    if run_in is not None:
        return run_in, run_in
    body_index = _first_paragraph(lines, last)
    if body_index is None or lines[body_index].start >= end:
        return None
    return lines[last].end, lines[body_index].content_start


def _story_plan(
    text: str,
    lines: Sequence[Line],
    head: _Head,
    authors: Sequence[Author],
    bylines: Sequence[Byline],
    end: int,
) -> Plan | None:
    """The article of ``head``, its body ending by ``end``."""
    span = _story_body(lines, head, end)
    if span is None:
        return None
    header_end, body_start = span
    header_start = lines[head.first].start
    issue = _issue(lines, body_start, end)
    lead = _lead_source(lines[head.sign]) if head.lead else None
    speaker = next(
        (
            b.official
            for b in starting_in(bylines, header_start, header_end + 1)
            if b.form == "author"
        ),
        None,
    )
    return Plan(
        kind="article",
        body_start=body_start,
        body_end=_body_end(lines, body_start, end),
        title=_title_span(text, lines, head.title) if head.title is not None else None,
        speaker=speaker,
        region=speaker.positions[0].region if speaker and speaker.positions else None,
        date=_header_date(text, header_start, header_end) or _issue_date(text, issue),
        source=_source(text, header_start, header_end, authors) or lead or _issue_source(issue),
    )


def _is_credit_line(line: Line, authors: Sequence[Author]) -> bool:
    """A line of its own crediting the writer: 文/王建国, 本报记者 李华."""
    return (
        _is_subheadline(line)
        and not _is_caption(line)
        and bool(starting_in(authors, line.start, line.end))
    )


def _next_content(lines: Sequence[Line], index: int) -> int | None:
    return next((j for j in range(index + 1, len(lines)) if not lines[j].blank), None)


def _head_at(
    text: str, lines: Sequence[Line], index: int, authors: Sequence[Author], listed: bool
) -> _Head | None:
    """The story head whose sign is ``lines[index]``; ``listed``: below a section mark."""
    line = lines[index]
    if _is_lead(line):
        return _Head(_title_before(lines, index), index, lead=True)
    if _is_meta(line) or _is_credit_line(line, authors):
        title = _title_before(lines, index)
        return None if title is None else _Head(title, index)
    following = _next_content(lines, index)
    if listed and following is not None and _is_title_like(line):
        below = lines[following]
        if _is_paragraph(below) and not _is_meta(below) and not _is_lead(below):
            return _Head(index, following, lead=True)
    return None


def _heads(text: str, lines: Sequence[Line], authors: Sequence[Author]) -> list[_Head]:
    """Every story head on the page, in order."""
    heads: list[_Head] = []
    listed = False
    index = 0
    while index < len(lines):
        line = lines[index]
        if _is_section_mark(line):
            listed = True
        elif not line.blank and (head := _head_at(text, lines, index, authors, listed)):
            heads.append(head)
            index = head.sign if head.lead else _last_meta(lines, head.sign)
        index += 1
    return heads


def _story_plans(
    text: str,
    lines: Sequence[Line],
    heads: Sequence[_Head],
    authors: Sequence[Author],
    bylines: Sequence[Byline],
) -> list[Plan]:
    """One article per head, each body running to the next head or section mark."""
    cuts = sorted(
        [lines[h.first].start for h in heads]
        + [line.start for line in lines if _is_section_mark(line)]
    )
    plans = []
    for head in heads:
        sign = lines[head.sign].start
        k = bisect.bisect_right(cuts, sign)
        end = cuts[k] if k < len(cuts) else len(text)
        own = Spans(starting_in(authors, lines[head.first].start, end))
        plan = _story_plan(text, lines, head, own, bylines, end)
        if plan is not None:
            plans.append(plan)
    return plans


def _is_published(lines: Sequence[Line], authors: Sequence[Author]) -> bool:
    """A sign that a text was published: a reporter credit, a news lead, an issue line,
    a 来源 or 责任编辑 line."""
    return bool(authors) or any(
        _is_lead(line) or _is_issue_line(line) or _is_source_line(line) for line in _content(lines)
    )


def _credited_article(text: str, lines: Sequence[Line], authors: Sequence[Author]) -> Plan | None:
    """An article recognized by a reporter credit among the first lines of the page."""
    content = _content(lines)[:_TOP_LINES]
    if not content or not authors or authors[0].start > content[-1].end:
        return None
    credit = _line_index(lines, authors[0].start)
    first = lines.index(content[0])
    title = first if first < credit and _is_title_like(lines[first]) else None
    credit_line = lines[credit]
    if _is_subheadline(credit_line) or _is_caption(credit_line):
        body_index = _first_paragraph(lines, credit)
    else:  # 本报讯（记者 李华）近日……: the credit opens the first paragraph
        body_index = credit
    if body_index is None:
        return None
    body_start = lines[body_index].content_start
    return Plan(
        kind="article",
        body_start=body_start,
        body_end=_body_end(lines, body_start, len(text)),
        title=_title_span(text, lines, title) if title is not None else None,
        source=_source(text, lines[first].start, lines[credit].end, authors),
    )


def _essay_plan(text: str, lines: Sequence[Line]) -> Plan | None:
    content = _content(lines)
    if not content:
        return None
    title: tuple[int, int] | None = None
    first = content[0]
    if len(content) > 1 and _is_title_like(first):
        title = _title_span(text, lines, lines.index(first))
        body_start = content[1].content_start
    else:
        body_start = first.content_start
    date = _title_year(text, title)
    return Plan(
        kind="essay",
        body_start=body_start,
        body_end=_body_end(lines, body_start, len(text)),
        title=title,
        date=date,
    )


def _title_year(text: str, title: tuple[int, int] | None) -> str | None:
    if title is None:
        return None
    return _header_date(text, *title)


# --- documents ----------------------------------------------------------------------------------


def _plans(
    text: str,
    lines: Sequence[Line],
    bylines: Sequence[Byline],
    authors: Sequence[Author],
    mentions: Sequence[RegionMention],
) -> list[Plan]:
    signatures = [b for b in bylines if b.form != "author"]
    closing = Spans([b for k, b in enumerate(signatures) if _is_closing(lines, signatures, k)])
    headers = [b for b in signatures if not _among(b, closing)]
    if headers:
        return _speech_plans(text, lines, headers, mentions)
    heads = _heads(text, lines, authors)
    stories = _story_plans(text, lines, heads, authors, bylines) if not closing else []
    if stories:
        return stories
    limit = lines[_line_index(lines, closing[0].start)].start if closing else len(text)
    cut = _head_lines(lines, _line_index(lines, limit) + (0 if closing else 1))
    meta = _first_meta(cut)
    head = _Head(_title_before(cut, meta), meta) if meta is not None else None
    plan = _story_plan(text, cut, head, authors, bylines, limit) if head is not None else None
    plan = plan or _credited_article(text, cut, authors) or _essay_plan(text, cut)
    if plan is None:
        return []
    if plan.kind == "essay" and _is_published(cut, authors):
        plan.kind = "article"
    return [_signed(plan, closing[-1]) if closing else plan]


def _head_lines(lines: Sequence[Line], stop: int) -> _Lines:
    """The first ``stop`` lines (all but the last when ``stop`` is -1)."""
    return _Lines(lines).head(stop) if not isinstance(lines, _Lines) else lines.head(stop)


def _is_closing(lines: Sequence[Line], signatures: Sequence[Byline], k: int) -> bool:
    """A signature under the text it signs: paragraphs above it and none after it."""
    signature = signatures[k]
    after_end = signatures[k + 1].start if k + 1 < len(signatures) else None
    after = _content_between(lines, signature.end, _END if after_end is None else after_end)
    return _paragraph_ends_by(lines, signature.start) and not any(
        _is_paragraph(line) and not _is_footer(line) for line in after
    )


_END = 1 << 62  # past the end of any text


def _paragraph_ends_by(lines: Sequence[Line], offset: int) -> bool:
    """True when a content line that is a paragraph ends by ``offset``."""
    if not isinstance(lines, _Lines):
        lines = _Lines(lines)
    if lines.first_paragraph_end is None:
        ends = (line.end for line in lines.content if _is_paragraph(line))
        lines.first_paragraph_end = next(ends, _END)
    return lines.first_paragraph_end <= offset


def _among(byline: Byline, bylines: Sequence[Byline]) -> bool:
    """``byline in bylines``, looking only at those with its start (equal ones share it)."""
    return any(b == byline for b in starting_in(bylines, byline.start, byline.start + 1))


def _is_paragraph(line: Line) -> bool:
    return not _is_subheadline(line)


def _region_of_positions(official: Official) -> Region | None:
    """The region of an official's first position (韶关市 of 韶关市委农办主任)."""
    return official.positions[0].region if official.positions else None


def _signed(plan: Plan, signature: Byline) -> Plan:
    """The plan with the closing signature's official as its speaker."""
    speaker = signature.official
    region = signature.region or _region_of_positions(speaker)
    plan.speaker = plan.speaker or speaker
    plan.region = plan.region or region
    return plan


def _in(start: int, end: int, lo: int, hi: int) -> bool:
    return lo <= start and end <= hi


def plan_page(
    text: str, authors: Sequence[Author], mentions: Sequence[RegionMention]
) -> tuple[list[Byline], list[Plan]]:
    """Return the bylines and the document plans of ``text`` (simplified characters).

    ``authors`` are the page's author credits and ``mentions`` its region mentions, both
    in text order. A long page without line breaks is read in pieces (runs between
    white space, sentences) when they show a speech or an article; otherwise as it
    stands.
    """
    if _is_one_line_page(text):
        pieces = _pieces(text)
        bylines = Spans(find_bylines(text, pieces))
        plans = _plans(text, _Lines(pieces), bylines, authors, mentions)
        if any(plan.kind != "essay" for plan in plans):
            return bylines, plans
    lines = lines_of(text)
    bylines = Spans(find_bylines(text, lines))
    return bylines, _plans(text, _Lines(lines), bylines, authors, mentions)
