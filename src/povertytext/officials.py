"""Officials: the named people a text gives an office, once each, with every position.

Where an official comes from (:func:`extract_officials`):

1. **Bylines** (:func:`povertytext.bylines.find_bylines`): signature blocks and
   作者 fields with positions.
2. **Inline forms**, found from the titles of office of ``data/titles.csv``
   (one precompiled pattern over the text), each checked for a name beside it:

   * title before the name: 国务院扶贫办主任刘永富; a list of them (茂名市委副书记陈绩、
     茂名市副市长崔剑); several bodies sharing one title (广东省委农办、省扶贫办专职副主任梁健
     gives two positions); a bare 市 or 省 (市委书记张三) takes the nearest region
     named before it, a bare level after 、 the region of the post before;
   * body, name, title: 国务院扶贫办刘永富主任 → 国务院扶贫办主任;
   * name and title: 习近平总书记. A title written with no body after a leader's name
     takes its full form from the table (总书记 → 中共中央总书记, 总理 → 国务院总理,
     主席 → 国家主席 for those who held it); such a position has no span of its own.

   Posts are expanded by :mod:`povertytext.positions`.

Names: a candidate must pass :func:`looks_like_name` (2-4 Han characters starting
with a surname of ``data/surnames.txt``, not a title or a body) and be tagged as a
person (``nr``) by jieba on a short window right beside the title, never over the
whole text. A name written right after the title and closed by punctuation (陈绩、)
is taken when jieba cuts it into single characters. Not officials: names after a
credit (新快报记者 朱清海, 责任编辑:蔡薇萍), the authors that
:func:`povertytext.bylines.find_authors` returns, and people with no title beside
them.

Each official is reported once: ``start``/``end`` is the first occurrence of the
name in the text, ``mentions`` the number of its occurrences (习近平同志 counts),
``positions`` every position found, in order, the same full text once.

Name detection is :mod:`povertytext.names`: jieba loads on first use (:func:`warmup`
loads it ahead, e.g. in worker processes) into a private ``jieba.Tokenizer`` that gets
the library's titles and bodies as words; jieba's global tokenizer is not used, and the
one global setting touched is jieba's logger level, raised to WARNING while the
dictionary loads and put back after.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ._data import loader
from ._text import LEVELS, LEVELS_BELOW_COUNTY, longest_word_pattern
from .blocks import block_start, only_connectors, opens_post
from .bylines import Byline, find_authors, find_bylines
from .characters import read_simplified
from .errors import require_text
from .models import Author, Official, Position, Region, RegionMention, validated_copy
from .names import (
    looks_like_name,
    name_after,
    name_before,
    names_after,
    tagged_as_name,
    warmup,
)
from .positions import (
    body_start,
    carried_post,
    expand_positions,
    head_of,
    is_credit,
    level_region,
    parent_body,
    title_at_end,
    titles,
)
from .regions import extract_regions

__all__ = ["extract_officials", "looks_like_name", "tagged_as_name", "warmup"]

_GAP = re.compile(r"[ \u3000\xa0□]{0,2}")  # layout between a title and a name (厅长□ 刘志杰)
_MAX_CONTEXT = 2000  # characters searched back for the region of a bare 市委书记
_NEAR = 32  # of them, the characters right before the title read on their own
_LEVELS = LEVELS
_TITLE_LEVEL = re.compile(f"(?:常务副|专职副|副|代)?([{LEVELS}{LEVELS_BELOW_COUNTY}])")
_MAX_CREDIT = 4  # characters of the longest credit word
_FORMER_LINK = "的"  # 时任易贡茶场场长的帕甲


def _credited(text: str, start: int) -> bool:
    """Tell whether a credit word (记者, 责任编辑) is written right before ``start``."""
    before = text[max(0, start - _MAX_CREDIT - 3) : start].rstrip(" \u3000\xa0□:：")
    return any(is_credit(before[-size:]) for size in range(2, _MAX_CREDIT + 1))


# ---------------------------------------------------------------- positions


@dataclass(frozen=True)
class _Found:
    """A name found beside a title, with the positions the text gives it there.

    ``end`` is the end of the name; ``regions`` the regions of the positions of this
    official and of those before it in the same list (for a bare title after them).
    """

    name: str
    start: int
    positions: tuple[Position, ...]
    end: int = -1
    regions: tuple[Region, ...] = ()


@loader
def _title_pattern() -> re.Pattern[str]:
    """One pattern matching every title of office, the longest written at a place."""
    return re.compile(longest_word_pattern(titles()))


class _Page:
    """The text officials are read from, with its region mentions found once (on first need).

    The region of a bare 市委书记 is the nearest region named in the ``_MAX_CONTEXT``
    characters before it: the last ``_NEAR`` characters are read on their own (so that
    肇庆 in 肇庆市长 is read as written before the title), the rest as the whole text reads
    them, so each bare title costs a short scan, not a rescan of ``_MAX_CONTEXT`` characters.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._mentions: list[RegionMention] | None = None
        self._ends: list[int] = []

    def _all(self) -> list[RegionMention]:
        if self._mentions is None:
            self._mentions = sorted(extract_regions(self.text), key=lambda m: m.end)
            self._ends = [m.end for m in self._mentions]
        return self._mentions

    def context_region(self, start: int, level: str) -> Region | None:
        """The nearest region named before ``start`` that a bare level character can stand for."""
        first = max(0, start - _MAX_CONTEXT)
        near = max(first, start - _NEAR)
        for mention in reversed(extract_regions(self.text[near:start])):
            region = level_region(level, mention.region)
            if region is not None:
                return region
        mentions = self._all() if near > first else []
        for index in range(bisect.bisect_right(self._ends, near) - 1, -1, -1):
            if mentions[index].start < first:
                break
            region = level_region(level, mentions[index].region)
            if region is not None:
                return region
        return None


def _leader_title(name: str, title: str, start: int, end: int) -> Position:
    """A title written with no body: its full form for a leader (总书记), else as written."""
    row = titles()[title]
    if row.bare_full is not None and (not row.holders or name in row.holders):
        return Position(
            text=row.bare_full,
            as_written=title,
            organization=row.bare_full[: -len(title)] or None,
            title=title,
            start=start,
            end=end,
        )
    return Position(text=title, as_written=title, title=title, start=start, end=end)


def _bare_title(page: _Page, name: str, title: str, start: int, end: int) -> Position:
    """The position of a title written after a name with no body (习近平总书记, 张三县长)."""
    row = titles()[title]
    if row.bare_full is None and title[0] in _LEVELS:  # 市长 under a city named before
        return _one_position(page.text, start, end, _bare_region(page, start))
    return _leader_title(name, title, start, end)


def _listed_title(text: str, title: str, start: int, end: int, before: _Found) -> Position | None:
    """A bare title after an official of the same list, under that official's region or body.

    A title naming a level (副省长, 市长) takes the region of that level named in the
    list (湛江市市长); any other (副行长, 秘书长) the head of the post before (兰州分行副行长).
    """
    level = _TITLE_LEVEL.match(title)
    if level is not None:
        region = level_region(level.group(1), *reversed(before.regions))
        if region is None:
            return None
        full, organization = region.name + title, region.name
    else:
        last = before.positions[-1] if before.positions else None
        head = head_of(last) if last is not None else None
        carried = carried_post(head, title) if head is not None else None
        if carried is None or head is None or last is None:
            return None
        full, organization, region = carried, head, last.region
    return Position(
        text=full,
        as_written=text[start:end],
        organization=organization,
        title=title,
        region=region,
        start=start,
        end=end,
    )


def _block_positions(
    page: _Page, name: str, start: int, end: int, before: _Found | None
) -> tuple[Position, ...]:
    """The positions of the block ``text[start:end]`` written before ``name``."""
    text = page.text
    title = title_at_end(text[start:end])
    if title is not None and end - start == len(title):
        listed = _listed_title(text, title, start, end, before) if before is not None else None
        return (listed or _leader_title(name, title, start, end),)
    return expand_positions(text, start, end, _bare_region(page, start))


def _split_position(
    page: _Page, name: tuple[int, int], body: int, title: tuple[int, int]
) -> Position:
    """The position of body + name + title (国务院扶贫办刘永富主任 → 国务院扶贫办主任)."""
    text = page.text
    joined = text[body : name[0]] + text[title[0] : title[1]]
    position = _one_position(joined, 0, len(joined), _bare_region(page, body))
    return validated_copy(
        position, {"as_written": text[body : title[1]], "start": body, "end": title[1]}
    )


def _one_position(text: str, start: int, end: int, region: Region | None) -> Position:
    """The position of a single post ``text[start:end]`` that ends in a title."""
    found = expand_positions(text, start, end, region)
    if found:
        return found[-1]
    written = text[start:end]  # not reached for a post ending in a title; kept total
    return Position(text=written, as_written=written, start=start, end=end)


def _bare_region(page: _Page, start: int) -> Region | None:
    """The context region for a body that starts with a bare level character, else None."""
    level = page.text[start]
    return page.context_region(start, level) if level in _LEVELS else None


def _in_list(text: str, before: _Found | None, start: int) -> _Found | None:
    """``before`` when the block at ``start`` follows it in the same list (only 、 , 和 between)."""
    if before is None or before.end < 0 or before.end > start:
        return None
    return before if only_connectors(text, before.end, start) else None


def _names_after_title(text: str, title_end: int, former: bool) -> list[tuple[int, int]]:
    """The names written right after a title (one, or several sharing it)."""
    gap = _GAP.match(text, title_end)
    start = gap.end() if gap else title_end
    if former and text.startswith(_FORMER_LINK, start):
        start += len(_FORMER_LINK)
    spans = names_after(text, name_after(text, start), start)
    return [span for span in spans if not _credited(text, span[0])]


def _under_parent(positions: tuple[Position, ...], before: _Found) -> tuple[Position, ...]:
    """A block opening with a department (发展规划司) under the body of the official before it.

    农业农村部办公厅副主任孙某,发展规划司司长李某 → 农业农村部发展规划司司长.
    """
    first = positions[0]
    if first.organization is None or opens_post(_compact(first.as_written)) or not before.positions:
        return positions
    parent = parent_body(before.positions[0].organization or "")
    if parent is None:
        return positions
    moved = validated_copy(
        first, {"text": parent + first.text, "organization": parent + first.organization}
    )
    return (moved, *positions[1:])


def _compact(written: str) -> str:
    return "".join(written.split())


def _found_after(page: _Page, match: re.Match[str], before: _Found | None) -> list[_Found]:
    """The officials named right after the title ``match``, with the block before it."""
    text = page.text
    title_start, title_end = match.span()
    low = before.end if before is not None and 0 <= before.end <= title_start else 0
    block = block_start(text, title_start, low)
    spans = _names_after_title(text, title_end, block.former)
    if not spans:
        return []
    listed = _in_list(text, before, block.start)
    name = text[spans[0][0] : spans[0][1]]
    positions = _block_positions(page, name, block.start, title_end, listed)
    if not positions:
        return []
    if listed is not None:
        positions = _under_parent(positions, listed)
    regions = listed.regions if listed else ()
    if _bare_region(page, block.start) is None:  # a region written in the list, not taken
        regions = (*regions, *(p.region for p in positions if p.region))
    return [_Found(text[a:b], a, positions, b, regions) for a, b in spans]


def _found_before(page: _Page, match: re.Match[str]) -> _Found | None:
    """The official named right before the title ``match`` (刘永富主任, 习近平总书记)."""
    text = page.text
    title_start, title_end = match.span()
    before = name_before(text, title_start)
    if before is None or _credited(text, before[0]):
        return None
    name = text[before[0] : before[1]]
    body = body_start(text, before[0])
    if body < before[0]:
        position = _split_position(page, before, body, (title_start, title_end))
    else:
        position = _bare_title(page, name, match.group(), title_start, title_end)
    return _Found(name, before[0], (position,))


def _inline(text: str) -> Iterator[_Found]:
    """Every name found beside a title of office, in text order."""
    before: _Found | None = None
    page = _Page(text)
    for match in _title_pattern().finditer(text):
        if before is not None and match.start() < before.end:
            continue  # a title inside the name just read
        after = _found_after(page, match, before)
        if after:
            yield from after
            before = after[-1]
            continue
        found = _found_before(page, match)
        if found is not None:
            yield found


# ---------------------------------------------------------------- merging


def _merged(found: list[_Found], text: str, excluded: set[str]) -> list[Official]:
    """One official per name, positions merged (same full text once), in text order."""
    by_name: dict[str, list[Position]] = {}
    for item in found:
        if item.name in excluded:
            continue
        positions = by_name.setdefault(item.name, [])
        for position in item.positions:
            if all(position.text != p.text for p in positions):
                positions.append(position)
    officials = []
    for name, positions in by_name.items():
        start = text.find(name)
        officials.append(
            Official(
                name=name,
                start=start,
                end=start + len(name),
                positions=tuple(positions),
                mentions=text.count(name),
            )
        )
    return sorted(officials, key=lambda o: o.start)


def extract_officials(text: str) -> list[Official]:
    """Every named official in ``text``, once, with all positions the text gives.

    In order of first mention. Never raises on text. The forms read are in the
    module docstring.

    >>> [str(o) for o in extract_officials("湛江市委书记刘小明、市长王大华到徐闻县调研")]
    ['刘小明 (湛江市委书记)', '王大华 (湛江市市长)']
    >>> [str(o) for o in extract_officials("深入学习贯彻习近平总书记重要讲话精神")]
    ['习近平 (中共中央总书记)']
    """
    require_text(text, "extract_officials")
    return read_simplified(
        text, lambda work: officials_of(work, find_bylines(work), find_authors(work))
    )


def officials_of(text: str, bylines: Sequence[Byline], authors: Sequence[Author]) -> list[Official]:
    """:func:`extract_officials` of a simplified text whose bylines and authors are known."""
    found = [_Found(b.official.name, b.official.start, b.official.positions) for b in bylines]
    found.extend(_inline(text))
    return _merged(found, text, {author.text for author in authors})
