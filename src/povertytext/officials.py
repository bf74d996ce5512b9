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

jieba loads on first use (:func:`warmup` loads it ahead, e.g. in worker
processes) into a private ``jieba.Tokenizer`` that gets the library's titles and
bodies as words; the global jieba state is never touched.
"""

from __future__ import annotations

import functools
import logging
import re
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ._data import read_text
from .characters import read_simplified
from .errors import PovertyTextError, require_text
from .models import Author, Official, Position, Region
from .positions import (
    body_start,
    expand_positions,
    is_credit,
    level_region,
    organization_words,
    title_at_end,
    titles,
)

if TYPE_CHECKING:
    from .bylines import Byline

__all__ = ["extract_officials", "looks_like_name", "tagged_as_name", "warmup"]

_PERSON_TAGS = frozenset({"nr", "nrfg", "nrt"})
# jieba tags of words that are not read as a given name after a surname (江/nr 流域/n):
# nouns, verbs, places, bodies and function words; 大华/nz, 国庆/t, 明亮/a may be names.
_NOT_GIVEN_NAME_TAGS = frozenset(
    {"n", "v", "vn", "vd", "f", "s", "ns", "nt", "p", "c", "r", "m", "q", "d", "u", "uj", "ul"}
)
_HAN_CHAR = re.compile(r"[\u3400-\u9fff]")
_GAP = re.compile(r"[ \u3000\xa0□]{0,2}")  # layout between a title and a name (厅长□ 刘志杰)
_HAN_RUN = re.compile(r"[\u3400-\u9fff]{1,8}")
_NAME_WINDOW = 8  # characters jieba sees beside a title
_MAX_CONTEXT = 2000  # characters searched back for the region of a bare 市委书记
_LEVELS = "省市县区州"
_MAX_CREDIT = 4  # characters of the longest credit word
_MAX_CLOSED_NAME = 3  # a name closed by punctuation right after a title (陈绩、) is read whole
_LOCK = threading.Lock()


# ---------------------------------------------------------------- names


@functools.cache
def _surnames() -> tuple[frozenset[str], frozenset[str]]:
    """The single- and two-character surnames of surnames.txt."""
    lines = (line.split("#", 1)[0].strip() for line in read_text("surnames.txt").splitlines())
    names = [line for line in lines if line]
    return frozenset(n for n in names if len(n) == 1), frozenset(n for n in names if len(n) == 2)


def _is_region_name(word: str) -> bool:
    """Tell whether ``word`` names an administrative unit (和平, 中山)."""
    from .regions import AmbiguousRegionError, resolve_region

    try:
        resolve_region(word)
    except AmbiguousRegionError:
        return True
    except PovertyTextError:
        return False
    return True


def looks_like_name(word: str) -> bool:
    """Tell whether ``word`` could be a Chinese personal name (cheap; no jieba).

    True for 2-4 Han characters starting with a surname of ``data/surnames.txt``
    (a single one with 1-2 characters after it, a two-character one with 1-2),
    that are not a title of office, a body's name or a region's name.

    >>> [looks_like_name(w) for w in ("刘永富", "欧阳修", "主任", "扶贫", "和平")]
    [True, True, False, False, False]
    """
    if not 2 <= len(word) <= 4 or not all(_HAN_CHAR.fullmatch(ch) for ch in word):
        return False
    singles, doubles = _surnames()
    if not ((word[:2] in doubles and len(word) >= 3) or (word[0] in singles and len(word) <= 3)):
        return False
    if word in titles() or word in organization_words() or is_credit(word):
        return False
    return not _is_region_name(word)


@functools.cache
def _load_tokenizer() -> Any:
    """A private jieba POS tokenizer with the library's titles and bodies as words."""
    import jieba
    import jieba.posseg

    tokenizer = jieba.posseg.POSTokenizer(jieba.Tokenizer())
    # jieba announces its dictionary load at DEBUG level on its own stderr handler;
    # keep it quiet for this one load and put the caller's level back.
    level = jieba.default_logger.level
    jieba.default_logger.setLevel(logging.WARNING)
    try:
        tokenizer.tokenizer.initialize()
    finally:
        jieba.default_logger.setLevel(level)
    for title in titles():
        if len(title) > 1:
            tokenizer.add_word(title, tag="n")
    for word, kind in organization_words().items():
        if len(word) > 1 and kind in ("national", "body"):
            tokenizer.add_word(word, tag="nt")
    return tokenizer


def _tokenizer() -> Any:
    """The tokenizer, loaded under a lock on first use."""
    with _LOCK:
        return _load_tokenizer()


def warmup() -> None:
    """Load jieba and the tables now rather than on first use (for worker processes).

    >>> warmup()
    """
    _tokenizer()
    _surnames()


def _cut(window: str) -> list[tuple[str, str]]:
    """jieba's (word, tag) pairs for a short window."""
    return [(pair.word, pair.flag) for pair in _tokenizer().cut(window)]


def tagged_as_name(text: str, start: int, end: int) -> bool:
    """Tell whether jieba tags ``text[start:end]`` as a person's name, cut on a short window.

    >>> tagged_as_name("得到国务院扶贫办刘永富主任批示", 8, 11)
    True
    """
    window_start = max(0, start - _NAME_WINDOW)
    window = text[window_start : min(len(text), end + _NAME_WINDOW)]
    position = window_start
    for word, tag in _cut(window):
        if position == start and position + len(word) == end:
            return tag in _PERSON_TAGS
        position += len(word)
    return False


def _name_after(text: str, start: int) -> tuple[int, int] | None:
    """Span of a name written at ``start`` (after a title), or None.

    The name is jieba's first word when it is tagged as a person; a run of 2-3 Han
    characters closed by punctuation is taken whole when its first word is a person
    (王伟中 cut as 王伟/中) or jieba cuts it into single characters (陈/绩); a surname
    tagged as a person on its own joins the word after it (王/nr 大华/nz → 王大华).
    """
    run = _HAN_RUN.match(text, start)
    if run is None:
        return None
    followed = _name_before_follower(run.group())
    if followed:
        return start, start + followed
    pairs = _cut(run.group())
    first, tag = pairs[0]
    rest = pairs[1:]
    closed = len(run.group()) <= _MAX_CLOSED_NAME and looks_like_name(run.group())
    surname_first = tag in _PERSON_TAGS or len(first) == 1
    if closed and surname_first and all(_given_name_part(*pair) for pair in rest):
        return run.span()
    if tag in _PERSON_TAGS and looks_like_name(first):
        return start, start + len(first)
    if tag in _PERSON_TAGS and len(first) == 1 and rest and _given_name_part(*rest[0]):
        given = rest[0][0]  # 王/nr 大华/nz: a surname tagged alone, then the given name
        if looks_like_name(first + given):
            return start, start + 1 + len(given)
    return None


@functools.cache
def _followers() -> tuple[str, ...]:
    """Words that end a name written before them (name_followers.txt), longest first."""
    lines = (line.split("#", 1)[0].strip() for line in read_text("name_followers.txt").splitlines())
    return tuple(sorted((word for word in lines if word), key=len, reverse=True))


def _name_before_follower(run: str) -> int:
    """Length of a name (3, else 2 characters) that a follower word ends (孟凡利|率团), or 0."""
    followers = _followers()
    for size in (3, 2):
        if size == 3 and run[2:3] in followers:
            continue  # 王五等参加: 等 ends a two-character name
        if len(run) > size and run.startswith(followers, size) and looks_like_name(run[:size]):
            return size
    return 0


def _given_name_part(word: str, tag: str) -> bool:
    """Tell whether a word jieba cut after a surname may be (part of) a given name."""
    return len(word) == 1 or (len(word) == 2 and tag not in _NOT_GIVEN_NAME_TAGS)


def _name_before(text: str, end: int) -> tuple[int, int] | None:
    """Span of a name written right before ``end`` (before a title), or None.

    jieba's last word when it is tagged as a person, or a surname tagged alone and the
    word after it (王/nr 大华/nz).
    """
    first = end
    while first > 0 and end - first < _NAME_WINDOW and _HAN_CHAR.fullmatch(text[first - 1]):
        first -= 1
    if first == end:
        return None
    pairs = _cut(text[first:end])
    last, tag = pairs[-1]
    if tag in _PERSON_TAGS and looks_like_name(last):
        return end - len(last), end
    if len(pairs) > 1 and _given_name_part(last, tag):
        surname, surname_tag = pairs[-2]  # 王/nr 大华/nz 主任
        if len(surname) == 1 and surname_tag in _PERSON_TAGS and looks_like_name(surname + last):
            return end - len(last) - 1, end
    return None


def _credited(text: str, start: int) -> bool:
    """Tell whether a credit word (记者, 责任编辑) is written right before ``start``."""
    before = text[max(0, start - _MAX_CREDIT - 3) : start].rstrip(" \u3000\xa0□:：")
    return any(is_credit(before[-size:]) for size in range(2, _MAX_CREDIT + 1))


# ---------------------------------------------------------------- positions


@dataclass(frozen=True)
class _Found:
    """A name found beside a title, with the positions the text gives it there."""

    name: str
    start: int
    positions: tuple[Position, ...]


@functools.cache
def _title_pattern() -> re.Pattern[str]:
    """One pattern matching every title of office, longest first."""
    words = sorted(titles(), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


def _block_start(text: str, end: int) -> int:
    """Start of the block of posts written before ``end`` (several joined by 、)."""
    start = body_start(text, end)
    while start > 0 and text[start - 1] == "、":
        before = start - 1
        title = title_at_end(text[max(0, before - 6) : before])
        if title is not None:
            head = body_start(text, before - len(title))
            if head == before - len(title):
                break
        else:
            head = body_start(text, before)
            if head == before:
                break
        start = head
    return start


def _context_region(text: str, start: int, level: str) -> Region | None:
    """The nearest region named before ``start`` that a bare level character can stand for."""
    from .regions import extract_regions

    first = max(0, start - _MAX_CONTEXT)
    for mention in reversed(extract_regions(text[first:start])):
        region = level_region(level, mention.region)
        if region is not None:
            return region
    return None


def _bare_title(text: str, name: str, title: str, start: int, end: int) -> Position:
    """The position of a title written with no body (习近平总书记, 张三县长)."""
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
    if title[0] in _LEVELS:  # 市长 under a city named before: 湛江市市长
        return _one_position(text, start, end, _bare_region(text, start))
    return Position(text=title, as_written=title, title=title, start=start, end=end)


def _block_positions(text: str, name: str, start: int, end: int) -> tuple[Position, ...]:
    """The positions of the block ``text[start:end]`` written before or after ``name``."""
    title = title_at_end(text[start:end])
    if title is not None and end - start == len(title):
        return (_bare_title(text, name, title, start, end),)
    return expand_positions(text, start, end, _bare_region(text, start))


def _split_position(
    text: str, name: tuple[int, int], body: int, title: tuple[int, int]
) -> Position:
    """The position of body + name + title (国务院扶贫办刘永富主任 → 国务院扶贫办主任)."""
    joined = text[body : name[0]] + text[title[0] : title[1]]
    position = _one_position(joined, 0, len(joined), _bare_region(text, body))
    return position.model_copy(
        update={"as_written": text[body : title[1]], "start": body, "end": title[1]}
    )


def _one_position(text: str, start: int, end: int, region: Region | None) -> Position:
    """The position of a single post ``text[start:end]`` that ends in a title."""
    found = expand_positions(text, start, end, region)
    if found:
        return found[-1]
    written = text[start:end]  # not reached for a post ending in a title; kept total
    return Position(text=written, as_written=written, start=start, end=end)


def _bare_region(text: str, start: int) -> Region | None:
    """The context region for a body that starts with a bare level character, else None."""
    return _context_region(text, start, text[start]) if text[start] in _LEVELS else None


def _found_at(text: str, match: re.Match[str]) -> _Found | None:
    """The official a title match stands beside, if any."""
    title_start, title_end = match.span()
    gap = _GAP.match(text, title_end)
    after = _name_after(text, gap.end() if gap else title_end)
    if after is not None:
        if _credited(text, after[0]):
            return None
        name = text[after[0] : after[1]]
        positions = _block_positions(text, name, _block_start(text, title_start), title_end)
        return _Found(name, after[0], positions) if positions else None
    before = _name_before(text, title_start)
    if before is None or _credited(text, before[0]):
        return None
    name = text[before[0] : before[1]]
    body = body_start(text, before[0])
    if body < before[0]:
        position = _split_position(text, before, body, (title_start, title_end))
    else:
        position = _bare_title(text, name, match.group(), title_start, title_end)
    return _Found(name, before[0], (position,))


def _inline(text: str) -> Iterator[_Found]:
    """Every name found beside a title of office, in text order."""
    for match in _title_pattern().finditer(text):
        found = _found_at(text, match)
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
    from .bylines import find_authors, find_bylines

    return read_simplified(
        text, lambda work: officials_of(work, find_bylines(work), find_authors(work))
    )


def officials_of(
    text: str, bylines: Sequence[Byline], authors: Sequence[Author]
) -> list[Official]:
    """:func:`extract_officials` of a simplified text whose bylines and authors are known."""
    found = [_Found(b.official.name, b.official.start, b.official.positions) for b in bylines]
    found.extend(_inline(text))
    return _merged(found, text, {author.text for author in authors})
