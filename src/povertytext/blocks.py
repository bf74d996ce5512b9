"""Blocks: where the posts written before a name begin, in running text.

A block of posts is what a sentence writes before a name: 国务院扶贫办党组成员、副主任 in
国务院扶贫办党组成员、副主任夏更生出席. :func:`block_start` finds its first character,
reading backward from the title before the name:

* the block stays inside its clause: it stops at punctuation (，。；：！？ and their
  half-width forms), white space, 【】 and 《》, and never crosses the name of the
  official before it (``low``). Quotation marks and brackets are kept when they are
  closed inside the block (省扶贫“两会”会长, 展示中心(福州上下杭店)店长), but a bracketed
  reporter credit ends what comes before (…电(记者某某)国务院扶贫办主任);
* it starts after the last **lead word** of ``data/post_leads.csv`` written in it:
  prepositions, conjunctions and verbs (会议由|市府办副主任, 代表团与|兴安盟委委员,
  会见|中国农业银行行长), markers (我市|市委常委, 南浔挂职|广安市政府副秘书长,
  奋进奖获得者|云南瑞丽市大学生村官), and the former markers 时任, 曾任, 原任 and a leading
  原 (dropped: 时任|易贡茶场场长的帕甲). A one-character lead word counts only when what
  follows it opens a post (a region, a bare 省/市/县…, a body or a title), so that
  住房和城乡建设局 and 对外友协 stay whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ._data import loader, read_table, words
from ._text import LEVELS, LEVELS_BELOW_COUNTY, char_class
from .names import cut
from .positions import organization_words, titles
from .regions import starts_with_region

__all__ = ["Block", "block_start", "opens_post"]

_STOPS = frozenset("，,。；;：:！!？?…【】《》<>|/\\—")
_OPENERS = "“‘(（「『〔"
_CLOSERS = "”’)）」』〕"
_CONNECTORS = "、和及与暨"  # written between the official before and this block
_LEVELS = LEVELS + LEVELS_BELOW_COUNTY
_MAX_BLOCK = 60  # characters of the longest block read
_MAX_REGION_NAME = 16
# jieba tags of a word written before a post: verbs, adverbs and function words
_LEAD_TAGS = frozenset("vdpcru")
# the characters jieba cuts as one run (any other character ends it, and jieba cuts each run
# on its own): the first word of a block is the first word of its first run
_JIEBA_RUN = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&._]+")
_STOP_OR_SPACE = re.compile(char_class(_STOPS) + r"|\s")
_BRACKET = re.compile("[" + re.escape(_OPENERS + _CLOSERS) + "]")


@dataclass(frozen=True)
class Block:
    """Where a block of posts starts and whether a former marker (时任) opens it."""

    start: int
    former: bool


@dataclass(frozen=True)
class _Leads:
    words: dict[str, str]  # word → kind
    lengths: tuple[int, ...]  # longest first
    ends: re.Pattern[str]  # where, in a reversed text, a lead word ends


@loader
def _leads() -> _Leads:
    words = {row["word"]: row["kind"] for row in read_table("post_leads.csv")}
    lengths = tuple(sorted({len(w) for w in words}, reverse=True))
    backwards = sorted((w[::-1] for w in words if w), key=len, reverse=True)
    last = "".join(sorted({w[0] for w in backwards}))
    pattern = f"(?=[{re.escape(last)}])(?=" + "|".join(map(re.escape, backwards)) + ")"
    return _Leads(words, lengths, re.compile(pattern if backwards else "(?!)"))


@loader
def _post_openers() -> re.Pattern[str]:
    """A pattern matching the body words (national, body, department) and titles posts open with."""
    kinds = ("national", "body", "department")
    bodies = [w for w, kind in organization_words().items() if kind in kinds]
    found = sorted({*bodies, *titles()}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, found)) if found else "(?!)")


def _clause_start(text: str, end: int, low: int) -> int:
    """The first character of the clause that ends at ``end`` (not before ``low``)."""
    first = max(low, end - _MAX_BLOCK)
    for stop in _STOP_OR_SPACE.finditer(text, first, end):
        first = stop.end()  # after the last stop of the window
    if _BRACKET.search(text, first, end) is None:
        return first  # no bracket to keep: the clause starts after the last stop
    return _clause_start_bracketed(text, end, low)


def _clause_start_bracketed(text: str, end: int, low: int) -> int:
    """:func:`_clause_start` read character by character, keeping closed brackets."""
    position = end
    closers: list[int] = []
    while position > low and end - position < _MAX_BLOCK:
        char = text[position - 1]
        if char in _STOPS or char.isspace():
            break
        if char in _CLOSERS:
            closers.append(position - 1)
        elif char in _OPENERS:
            if not closers:
                break
            closer = closers.pop()
            if any(
                word in text[position:closer] for word in words("page_words.csv", "reporter_role")
            ):
                return closer + 1  # a reporter credit (记者侯某) ends what comes before
        position -= 1
    return closers[0] + 1 if closers else position


def opens_post(post: str) -> bool:
    """Tell whether ``post`` opens a post: a region, a bare level, a body word or a title.

    >>> opens_post("市府办副主任"), opens_post("城乡建设局局长"), opens_post("副主任")
    (True, False, True)
    """
    if not post:
        return False
    if post[0] in _LEVELS or _post_openers().match(post) is not None:
        return True
    return starts_with_region(post[:_MAX_REGION_NAME])


def _after_leads(text: str, start: int, end: int) -> tuple[int, bool]:
    """Where the block starts after the last lead word in ``text[start:end]``, and if former."""
    leads = _leads()
    backwards = text[start:end][::-1]  # right to left: the last lead word first
    for found in leads.ends.finditer(backwards):  # a lead word ends at ``position``
        position = end - found.start()
        for size in leads.lengths:
            word = text[position - size : position]
            kind = leads.words.get(word) if position - size >= start else None
            if kind is None or kind == "former":
                continue
            if size > 1 or position == end or opens_post(text[position:end]):
                return _after_former(text, position, end)
    return _after_former(text, start, end)


def _after_former(text: str, start: int, end: int) -> tuple[int, bool]:
    """``start`` moved over a former marker (时任, 原任, 原) written right there."""
    leads = _leads()
    for size in leads.lengths:
        word = text[start : start + size]
        if start + size <= end and leads.words.get(word) == "former":
            return start + size, True
    return start, False


def block_start(text: str, title_start: int, low: int = 0) -> Block:
    """Where the block of posts written before the title at ``title_start`` begins.

    ``low`` bounds the search (the end of the name of the official before).

    >>> s = "会议由市府办副主任杨某主持"
    >>> s[block_start(s, 7).start:9]
    '市府办副主任'
    >>> s = "为此,时任易贡茶场场长的帕甲来到雅安"
    >>> b = block_start(s, 9)
    >>> s[b.start:11], b.former
    ('易贡茶场场长', True)
    """
    start = _clause_start(text, title_start, low)
    while start < title_start and text[start] in _CONNECTORS:
        start += 1
    first, former = _after_leads(text, start, title_start)
    return Block(_after_verb(text, first, title_start), former)


def _after_verb(text: str, start: int, end: int) -> int:
    """``start`` moved over a verb or function word that opens the block (选派|第一书记).

    Only when the block does not open a post itself and what follows the word does (or
    is the title): 惠州市援建三江工作组 keeps its 援建.
    """
    body = text[start:end]
    if not body or opens_post(body):
        return start
    run = _JIEBA_RUN.match(body)
    stretch = run.group() if run is not None else body
    if not any(_opens_after(text, start + size, end) for size in range(1, len(stretch) + 1)):
        return start  # whatever jieba's first word, what follows it opens no post
    word, tag = cut(stretch)[0]
    rest = start + len(word)
    if tag[:1] in _LEAD_TAGS and _opens_after(text, rest, end):
        return rest
    return start


def _opens_after(text: str, rest: int, end: int) -> bool:
    """Tell whether a first word ending at ``rest`` leaves a post (or the title) after it."""
    return rest == end or opens_post(text[rest:end])


def only_connectors(text: str, start: int, end: int) -> bool:
    """Tell whether ``text[start:end]`` holds only list punctuation and connectors (、 , 和 及)."""
    return all(char in _CONNECTORS or char in "，, " for char in text[start:end])
