"""Bylines: the signature blocks of speeches and articles, and reporter credits.

A byline names who speaks or writes. Three forms are read:

* a **signature block** under a speech's title: an optional region line (肇庆), a
  name line (梁为东) and one or more position lines (肇庆市委农办主任 /
  市农业农村局局长、市扶贫办主任), each a short line of its own, blank lines
  allowed between the region, the name and the positions, none inside the
  positions. The positions are expanded under the region line's region
  (:func:`povertytext.positions.expand_positions`);
* a **one-line byline**: the name and its positions on one line, either order, or
  the positions in brackets (梁为东 肇庆市委农办主任, 肇庆市委农办主任 梁为东,
  梁为东（肇庆市委农办主任）), under an optional region line;
* an **author field** in an article's meta line: ``作者:`` followed by positions and
  a name (作者:山西省委农办主任、省农业农村厅厅长□ 刘志杰). With positions it is an
  official; with a bare name it is an author;
* a **reporter credit**: ``新快报记者 朱清海``, ``通讯员 张三``, or a writer's credit
  with a slash (``文/王建国``). Reporters are people but not officials: they become
  :class:`~povertytext.Author` rows, with the role as written (新快报记者, 文).

Lines are found by offsets into the caller's text, so every span slices back.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from ._data import loader, words
from ._text import CLAUSE_ENDS, HAN, SENTENCE_ENDS_OR_SEMICOLON, is_han
from .errors import PovertyTextError
from .models import Author, Official, Region
from .names import looks_like_name
from .positions import expand_positions
from .regions import resolve_region

__all__ = ["Byline", "Line", "find_authors", "find_bylines", "lines_of", "source_of_role"]

BylineForm = Literal["block", "line", "author"]

_MAX_REGION_LINE = 12  # characters of a region line (肇庆, 云南省昭通市)
_MAX_POSITION_LINE = 40  # characters of one position line
_SENTENCE_MARKS = frozenset(SENTENCE_ENDS_OR_SEMICOLON)
_HAN_NAME = re.compile(f"[{HAN}]{{2,4}}")
_LINE_BREAK = re.compile(r"[\r\n]")
_LAYOUT_GLYPHS = "□■◆●▲△○◇·•\u3000\xa0 \t"
_MAX_OUTLET = 8  # Han characters of an outlet written before the role word (新快报记者)
_WORDS = "page_words.csv"  # reporter roles, writer roles, own outlets (see its header)
_HAN = f"[{HAN}]"


def _alternation(role: str) -> str:
    return "|".join(re.escape(word) for word in words(_WORDS, role))


@loader
def _reporter() -> re.Pattern[str]:
    """A reporter credit: the role word, then names (记者 李华、张明), none starting a role."""
    roles = _alternation("reporter_role")
    name = f"(?!{_HAN}{{0,6}}?(?:{roles})){_HAN}{{2,4}}"
    return re.compile(f"(?:{roles})[\\s\u00a0:：]*(?P<names>{name}(?:[、\\s\u00a0]+{name})*)")


@loader
def _author_field() -> re.Pattern[str]:
    """An 作者 field of a meta line, up to the next field label (字号:, 来源:), a paragraph
    run into the line (作者:张三 近日，……) or the line end."""
    labels = f"{_alternation('meta_field')}|责任编辑|编辑"
    paragraph = f"[\\s\u00a0\u3000]+[^\\s\u00a0\u3000]*[{CLAUSE_ENDS}]"  # run into the line
    return re.compile(
        f"作\\s*者\\s*[:：]\\s*(?P<value>.*?)\\s*(?=(?:{labels})\\s*[:：]|{paragraph}|$)"
    )


@loader
def _writer() -> re.Pattern[str]:
    """A writer's credit with a slash (文/王建国, 撰文｜李明), the role not yet checked to
    follow no Chinese character (see :func:`_writers`).

    The pattern starts with the role words, not with the lookbehind, so that the engine
    skips at C speed the characters no role word starts with.
    """
    return re.compile(
        f"(?P<role>{_alternation('writer_role')})\\s*[/／|｜]\\s*(?P<name>{_HAN}{{2,4}})(?!{_HAN})"
    )


def _writers(text: str) -> Iterator[re.Match[str]]:
    """The writer's credits of ``text`` whose role follows no Chinese character, as
    ``finditer`` finds them with that condition as a lookbehind at the pattern's start:
    the leftmost match from where the last one ended; where the role follows a Chinese
    character the scan goes on from the next character."""
    pattern, position = _writer(), 0
    while (match := pattern.search(text, position)) is not None:
        start = match.start()
        if start and is_han(text[start - 1]):
            position = start + 1
            continue
        yield match
        position = match.end()


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the text: ``text[start:end]`` without its line break.

    What the readers ask of every line is computed when it is made (a line has no
    ``__dict__``, so a page of many lines is light for the collector): ``stripped``,
    the line without surrounding white space (full-width and no-break spaces too);
    ``blank``, whether nothing else is left; ``content_start`` and ``content_end``,
    the offsets of its first character that is not white space and just after its
    last. Equality and hashing stay those of ``start``, ``end`` and ``text``.
    """

    start: int
    end: int
    text: str
    stripped: str = field(init=False, repr=False, compare=False)
    blank: bool = field(init=False, repr=False, compare=False)
    content_start: int = field(init=False, repr=False, compare=False)
    content_end: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        stripped = self.text.strip(_LAYOUT_GLYPHS)
        lead = len(self.text) - len(self.text.lstrip(_LAYOUT_GLYPHS))
        object.__setattr__(self, "stripped", stripped)
        object.__setattr__(self, "blank", not stripped)
        object.__setattr__(self, "content_start", self.start + lead)
        object.__setattr__(self, "content_end", self.start + len(self.text.rstrip(_LAYOUT_GLYPHS)))


@dataclass(frozen=True)
class Byline:
    """One signature block or author field: the official it names and where it lies.

    ``official`` carries the block's positions expanded under ``region``
    (``official.start``/``end`` is the name's span). ``start`` is the first
    character of the block (its region line, when it has one), ``end`` the end
    of its last position line. ``region_start``/``region_end`` is the span of
    the region line's name (None without one). ``form`` is ``block`` for a
    signature block, ``line`` for a byline on one line (梁为东 肇庆市委农办主任),
    ``author`` for an 作者 field.
    """

    official: Official
    region: Region | None
    start: int
    end: int
    region_start: int | None = None
    region_end: int | None = None
    form: BylineForm = "block"


def lines_of(text: str) -> list[Line]:
    """The lines of ``text`` with their offsets (``\\r\\n`` and ``\\r`` breaks too)."""
    lines: list[Line] = []
    for match in re.finditer(r"[^\r\n]*(?:\r\n|\r|\n|$)", text):
        raw = match.group()
        if not raw and match.start() == len(text) and lines:
            break
        body = raw.rstrip("\r\n")
        lines.append(Line(match.start(), match.start() + len(body), body))
    return lines


def _lines_holding(text: str, char: str) -> Iterator[Line]:
    """The lines of ``text`` (as :func:`lines_of` cuts them) that hold ``char``, in order;
    ``char`` is no line break. Only those lines are made, not every line of the text.

    >>> [line.text for line in _lines_holding("作者:张三\\n正文\\r\\n工作", "作")]
    ['作者:张三', '工作']
    """
    low = 0  # the break ending the last line made (each stretch is searched once)
    position = text.find(char)
    while position >= 0:
        start = max(text.rfind("\n", low, position), text.rfind("\r", low, position)) + 1
        found = _LINE_BREAK.search(text, position)
        end = len(text) if found is None else found.start()
        yield Line(start, end, text[start:end])
        low = end
        position = text.find(char, end)


def _region_of_line(line: Line) -> Region | None:
    """The region a short line names (肇庆 → 肇庆市), None when it names none or several."""
    name = line.stripped
    if not name or len(name) > _MAX_REGION_LINE:
        return None
    try:
        return resolve_region(name)
    except PovertyTextError:
        return None


def _is_name_line(line: Line) -> bool:
    name = line.stripped
    return 2 <= len(name) <= 4 and _HAN_NAME.fullmatch(name) is not None and looks_like_name(name)


def _is_position_line(line: Line) -> bool:
    content = line.stripped
    return (
        0 < len(content) <= _MAX_POSITION_LINE
        and not any(mark in content for mark in _SENTENCE_MARKS)
        and not content.endswith(("，", ","))
    )


def _previous_content(lines: list[Line], index: int) -> int | None:
    """Index of the nearest non-blank line before ``index``, or None."""
    for j in range(index - 1, -1, -1):
        if not lines[j].blank:
            return j
    return None


def _position_block(lines: list[Line], index: int) -> tuple[int, int] | None:
    """First and last index of the position lines after the name line at ``index``."""
    first = index + 1
    while first < len(lines) and lines[first].blank:
        first += 1
    last = first
    while last < len(lines) and not lines[last].blank and _is_position_line(lines[last]):
        last += 1
    return (first, last - 1) if last > first else None


def _block_at(text: str, lines: list[Line], index: int) -> Byline | None:
    """The signature block whose name line is ``lines[index]``, if it is one."""
    block = _position_block(lines, index)
    if block is None:
        return None
    first, last = block
    region_index = _previous_content(lines, index)
    region_line = lines[region_index] if region_index is not None else None
    region = _region_of_line(region_line) if region_line is not None else None
    positions = expand_positions(text, lines[first].content_start, lines[last].content_end, region)
    if not positions:
        return None
    name_line = lines[index]
    official = Official(
        name=name_line.stripped,
        start=name_line.content_start,
        end=name_line.content_end,
        positions=positions,
    )
    has_region = region is not None and region_line is not None
    return Byline(
        official=official,
        region=region,
        start=region_line.content_start if has_region and region_line else name_line.content_start,
        end=lines[last].content_end,
        region_start=region_line.content_start if has_region and region_line else None,
        region_end=region_line.content_end if has_region and region_line else None,
    )


_ONE_LINE_FORMS = (
    re.compile(rf"(?P<name>{_HAN}{{2,4}})[\s\u3000\xa0]+(?P<posts>\S.*)"),
    re.compile(rf"(?P<posts>.*\S)[\s\u3000\xa0□]+(?P<name>{_HAN}{{2,4}})"),
    re.compile(rf"(?P<name>{_HAN}{{2,4}})[（(](?P<posts>[^（()）]+)[)）]"),
)


def _one_line_at(text: str, lines: list[Line], index: int) -> Byline | None:
    """A byline written on one line: 梁为东 肇庆市委农办主任, 肇庆市委农办主任 梁为东,
    梁为东（肇庆市委农办主任）, under an optional region line."""
    line = lines[index]
    content = line.stripped
    if len(content) > _MAX_POSITION_LINE or not _is_position_line(line):
        return None
    offset = line.content_start
    for form in _ONE_LINE_FORMS:
        match = form.fullmatch(content)
        if match is None or not looks_like_name(match["name"]):
            continue
        region_index = _previous_content(lines, index)
        region_line = lines[region_index] if region_index is not None else None
        region = _region_of_line(region_line) if region_line is not None else None
        positions = expand_positions(
            text, offset + match.start("posts"), offset + match.end("posts"), region
        )
        if not positions:
            continue
        name_start = offset + match.start("name")
        official = Official(
            name=match["name"],
            start=name_start,
            end=name_start + len(match["name"]),
            positions=positions,
        )
        first = region_line if region is not None and region_line is not None else line
        return Byline(
            official=official,
            region=region,
            start=first.content_start,
            end=line.content_end,
            region_start=first.content_start if first is not line else None,
            region_end=first.content_end if first is not line else None,
            form="line",
        )
    return None


def _trailing_name(value: str) -> tuple[int, int] | None:
    """Span (within ``value``) of the name that ends an author field, if it has one."""
    stripped = value.rstrip(_LAYOUT_GLYPHS)
    match = re.search(rf"{_HAN}{{2,4}}$", stripped)
    if match is None:
        return None
    for size in (4, 3, 2):
        if size <= len(match.group()):
            start = len(stripped) - size
            if looks_like_name(stripped[start:]) and (
                start == 0 or stripped[start - 1] in _LAYOUT_GLYPHS or size == len(match.group())
            ):
                return start, len(stripped)
    return None


def _author_fields(text: str, line: Line) -> Iterator[tuple[int, int, int, int]]:
    """(positions start, positions end, name start, name end) of each 作者 field of a line."""
    for match in _author_field().finditer(line.text):
        value = match.group("value")
        name = _trailing_name(value)
        if name is None:
            continue
        base = line.start + match.start("value")
        head = value[: name[0]].rstrip(_LAYOUT_GLYPHS)
        yield base, base + len(head), base + name[0], base + name[1]


def _author_bylines(text: str, line: Line) -> Iterator[Byline]:
    for pos_start, pos_end, name_start, name_end in _author_fields(text, line):
        if pos_end <= pos_start:
            continue
        positions = expand_positions(text, pos_start, pos_end, None)
        if not positions:
            continue
        official = Official(
            name=text[name_start:name_end], start=name_start, end=name_end, positions=positions
        )
        region = positions[0].region
        yield Byline(official, region, line.content_start, line.content_end, form="author")


def find_bylines(text: str, lines: list[Line] | None = None) -> list[Byline]:
    """Every signature block and author field with positions in ``text``, in text order.

    Never raises on text. A name line needs position lines after it that read as
    positions; a region line before it is optional. ``lines`` are the lines to read
    (by default :func:`lines_of`; the layout passes the pieces of a one-line page).
    """
    lines = lines_of(text) if lines is None else lines
    found: list[Byline] = []
    for index, line in enumerate(lines):
        if line.blank:
            continue
        if "作" in line.text and "者" in line.text:
            found.extend(_author_bylines(text, line))
        elif _is_name_line(line):
            byline = _block_at(text, lines, index)
            if byline is not None:
                found.append(byline)
        elif (one_line := _one_line_at(text, lines, index)) is not None:
            found.append(one_line)
    return found


def _reporter_names(names: str, base: int) -> Iterator[tuple[int, int]]:
    """Spans of the names in a reporter credit's name list (朱清海、孙毅)."""
    for match in _HAN_NAME.finditer(names):
        word = match.group()
        for stop in words(_WORDS, "name_end"):
            if word.endswith(stop) and len(word) - len(stop) >= 2:
                word = word[: -len(stop)]
                break
        if looks_like_name(word):
            yield base + match.start(), base + match.start() + len(word)


def _plain_author(text: str, line: Line) -> Iterator[Author]:
    """Authors of 作者 fields without positions (作者:张三)."""
    for pos_start, pos_end, name_start, name_end in _author_fields(text, line):
        if pos_end <= pos_start:
            name = text[name_start:name_end]
            yield Author(text=name, start=name_start, end=name_end, role="作者")


def _role_start(text: str, word_start: int, low: int) -> int:
    """Start of a reporter's role: the outlet's Han characters before the role word."""
    start = word_start
    while start > max(low, word_start - _MAX_OUTLET) and _is_han(text[start - 1]):
        start -= 1
    return start


def _is_han(char: str) -> bool:
    return is_han(char)


def find_authors(text: str) -> list[Author]:
    """Reporters and other credited writers who are not given as officials, in text order.

    >>> [(a.text, a.role) for a in find_authors("■采写:新快报记者 朱清海 图片:新快报记者 孙毅")]
    [('朱清海', '新快报记者'), ('孙毅', '新快报记者')]
    """
    authors: list[Author] = []
    previous_end = 0
    for match in _reporter().finditer(text):
        role = text[_role_start(text, match.start(), previous_end) : match.start("names")]
        role = role.rstrip(" \t\u00a0:：")
        previous_end = match.end()
        for start, end in _reporter_names(match.group("names"), match.start("names")):
            authors.append(Author(text=text[start:end], start=start, end=end, role=role))
    for match in _writers(text):
        if looks_like_name(match.group("name")):
            start, end = match.span("name")
            authors.append(Author(text=text[start:end], start=start, end=end, role=match["role"]))
    for line in _lines_holding(text, "作"):
        authors.extend(_plain_author(text, line))
    return sorted(authors, key=lambda a: a.start)


def source_of_role(role: str | None) -> str | None:
    """The outlet named in a reporter's role (新快报记者 → 新快报), None for 本报记者 and the like.

    >>> source_of_role("新快报记者"), source_of_role("本报记者")
    ('新快报', None)
    """
    if not role or not role.endswith(words(_WORDS, "reporter_role")):
        return None  # a writer's role (作者, 文) names no outlet
    outlet = re.sub(f"(?:{_alternation('reporter_role')})$", "", role)
    return None if not outlet or outlet in words(_WORDS, "own_outlet") else outlet
