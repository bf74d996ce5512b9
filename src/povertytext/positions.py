"""Positions: posts of office read from a block of text and expanded to their full form.

A block of positions is what a byline or a sentence writes before or after a
name: 肇庆市委农办主任 / 市农业农村局局长、市扶贫办主任. :func:`expand_positions` reads
it (in simplified characters: the public extractors map traditional ones first,
see :mod:`povertytext.characters`) by these rules:

* **Posts** are split at 、 ， , ; □ spaces and line breaks. A break made of white
  space only (a line break, or a space) may also wrap *one* post: the two pieces
  join when the first does not end in a title and the second does not start a
  new body (市农业\\n农村局局长 is one post; 市扶贫办主任\\n佛山市南海区政协主席 are two).
* **Titles** come from ``data/titles.csv``; the longest one written at the end of
  a post is its title (专职副主任 before 副主任 before 主任), the rest is its
  body (the ``organization``).
* **A shared head**: a post with no title of its own takes the title of the next
  post that has one (广东省委农办、省扶贫办专职副主任 → 广东省委农办专职副主任 and
  广东省扶贫办专职副主任); its ``as_written`` is the part (广东省委农办).
* **A bare level** (a post starting with 省, 市, 县, 区 or 州 and no region name)
  takes a region: the ``region`` given (the byline's region line), else the
  region of the previous post in the block. Of that region and the units above
  it, the one the character names is used: 省 a province, 市 a unit named …市, 县
  …县, 区 …区, 州 …州 (under 肇庆市, 省扶贫办 is 广东省扶贫办). A title that starts
  with the level (市长) keeps it: 市长 under 肇庆 is 肇庆市市长. No such region:
  the post stays as written, ``region=None``.
* **Regions written** at the start of a post are read with
  :func:`povertytext.extract_regions` (佛山市南海区政协主席 → 南海区).

:func:`body_start` finds, reading backward, where the body written right before a
title or a name begins (国务院扶贫办 in 得到国务院扶贫办刘永富主任): words of
``data/organizations.csv``, then a region name or a bare level before them; a
word not in the table counts when it ends in a body's last character (办, 局,
委 …) and a region comes right before it (东莞市经协办).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ._data import loader, read_table
from ._text import HAN, LEVELS, LEVELS_BELOW_COUNTY
from .models import Position, Region
from .regions import extract_regions, self_and_above

__all__ = [
    "body_start",
    "carried_post",
    "credits",
    "expand_positions",
    "head_of",
    "is_credit",
    "is_role",
    "parent_body",
    "roles",
    "title_at_end",
    "titles",
]

_LEVELS = LEVELS  # a bare level that takes the region of the byline or of the post before
_HEADS = _LEVELS + LEVELS_BELOW_COUNTY  # a bare level that may open a body written before a title
_POST_SEPARATORS = re.compile(r"[、，,;；□\s\u3000\xa0]+")
_HAN = re.compile(f"[{HAN}]+")
_JOINERS = "兼暨"  # a post joined to the next one: 常务副会长兼秘书长
_PREDICATE_AFTER_JOINER = "任职顾管"  # 兼任, 兼职, 兼顾, 兼管: a predicate, no second post
# the party organ of a body, left out of the head a later post takes (国务院扶贫办党组成员、副主任
# → 国务院扶贫办副主任), and a region's party committee (玉屏县委, 扎赉特旗旗委 → 玉屏县, 扎赉特旗)
_PARTY_ORGAN = re.compile(r"(?:党委|党组|党工委|党总支|党支部)$")
_REGION_COMMITTEE = re.compile(f"(.+?[{_HEADS}])[{LEVELS}]?委")
# the level a title names (市长, 副市长, 常务副县长, 代区长: 市, 市, 县, 区)
_TITLE_LEVEL = re.compile(f"(?:常务副|专职副|副|代)?([{_HEADS}])")
_MAX_REGION_NAME = 16  # characters looked at for a region name before a body
_MAX_STEM = 4  # characters of a body's name not in the table (经协 of 经协办)


@dataclass(frozen=True)
class Title:
    """A row of ``titles.csv``."""

    title: str
    kind: str  # "title" or "credit"
    bare_full: str | None
    holders: frozenset[str]


@dataclass(frozen=True)
class _Tables:
    """The loaded tables of titles and bodies."""

    titles: dict[str, Title]  # kind == "title"
    credits: frozenset[str]
    roles: frozenset[str]  # kind == "role": what a person is, no post (干部, 领导)
    title_lengths: tuple[int, ...]  # longest first
    words: dict[str, str]  # organization word → kind
    word_lengths: tuple[int, ...]


@loader
def _load() -> _Tables:
    """Read titles.csv and organizations.csv (once per vocabulary)."""
    rows = [
        Title(
            title=row["title"],
            kind=row["kind"],
            bare_full=row["bare_full"] or None,
            holders=frozenset(h for h in row["holders"].split("|") if h),
        )
        for row in read_table("titles.csv")
    ]
    titles = {t.title: t for t in rows if t.kind == "title"}
    words = {row["word"]: row["kind"] for row in read_table("organizations.csv")}
    return _Tables(
        titles=titles,
        credits=frozenset(t.title for t in rows if t.kind == "credit"),
        roles=frozenset(t.title for t in rows if t.kind == "role"),
        title_lengths=tuple(sorted({len(t) for t in titles}, reverse=True)),
        words=words,
        word_lengths=tuple(sorted({len(w) for w in words}, reverse=True)),
    )


def _tables() -> _Tables:
    """The loaded tables, loaded on first use."""
    return _load()


def titles() -> dict[str, Title]:
    """The titles of office of ``titles.csv`` (credits such as 记者 left out), by title."""
    return _tables().titles


def organization_words() -> dict[str, str]:
    """The words of ``organizations.csv`` with their kind (national, body, suffix, prefix)."""
    return _tables().words


def credits() -> frozenset[str]:
    """The credit words of ``titles.csv`` (记者, 责任编辑): a name after one is no official."""
    return _tables().credits


def roles() -> frozenset[str]:
    """The role words of ``titles.csv`` (干部, 领导): what a person is, no post."""
    return _tables().roles


def is_credit(word: str) -> bool:
    """Tell whether ``word`` credits a writer (记者, 责任编辑), so a name after it is no official.

    >>> is_credit("记者"), is_credit("主任")
    (True, False)
    """
    return word in _tables().credits


def is_role(post: str) -> bool:
    """Tell whether ``post`` ends in a word for a role that is no post (援藏干部, 区领导).

    >>> is_role("天津援藏干部"), is_role("区领导"), is_role("扶贫办")
    (True, True, False)
    """
    return any(post.endswith(role) for role in _tables().roles)


def title_at_end(post: str) -> str | None:
    """The longest title of office written at the end of ``post``, or None.

    >>> [title_at_end(post) for post in ("广东省扶贫办专职副主任", "茂名市委副书记", "扶贫办")]
    ['专职副主任', '副书记', None]
    """
    tables = _tables()
    for length in tables.title_lengths:
        if length <= len(post) and post[-length:] in tables.titles:
            return post[-length:]
    return None


# ---------------------------------------------------------------- regions


def _region_at_start(post: str) -> tuple[int, Region | None] | None:
    """(length, region) of the region name that opens ``post``, or None when none does."""
    for mention in extract_regions(post[:_MAX_REGION_NAME]):
        return (mention.end, mention.region) if mention.start == 0 else None
    return None


def _region_ending_at(text: str, end: int, low: int) -> int | None:
    """Start of a region name written right before ``end`` (not before ``low``), or None."""
    first = max(low, end - _MAX_REGION_NAME)
    window = text[first:end]
    for mention in extract_regions(window):
        if mention.end == len(window):
            return first + mention.start
    return None


def _names_level(region: Region, level: str) -> bool:
    """Tell whether a bare level character (省, 市 …) names this unit."""
    if level == "省":
        return region.level == "province"
    return region.name.endswith(level)


def level_region(level: str, *candidates: Region | None) -> Region | None:
    """The unit a bare level character names: of each candidate and the units above it in turn.

    >>> from povertytext import resolve_region
    >>> level_region("省", resolve_region("肇庆")).name
    '广东省'
    """
    for candidate in candidates:
        if candidate is None:
            continue
        for unit in self_and_above(candidate):
            if _names_level(unit, level):
                return unit
    return None


# ---------------------------------------------------------------- bodies written before a title


def _word_ending_at(text: str, end: int, low: int) -> str | None:
    """The longest word of organizations.csv (prefixes aside) written right before ``end``."""
    tables = _tables()
    for length in tables.word_lengths:
        start = end - length
        if start < low:
            continue
        kind = tables.words.get(text[start:end])
        if kind is not None and kind != "prefix":
            return text[start:end]
    return None


def _with_prefix(text: str, start: int, low: int) -> int:
    """Move ``start`` back over a prefix word (中共) written right before it."""
    for word, kind in _tables().words.items():
        if (
            kind == "prefix"
            and start - len(word) >= low
            and text.startswith(word, start - len(word))
        ):
            return start - len(word)
    return start


def _head_ending_at(text: str, end: int, low: int, bare: bool) -> int | None:
    """Start of a region name (or, when ``bare``, a bare level) written right before ``end``."""
    start = _region_ending_at(text, end, low)
    if start is None and bare and end - 1 >= low and text[end - 1] in _HEADS:
        start = end - 1
    return None if start is None else _with_prefix(text, start, low)


def _stem_head(text: str, end: int, low: int) -> int | None:
    """Start of a region + unknown stem written before ``end`` (东莞市 + 经协 before 办)."""
    for size in range(1, _MAX_STEM + 1):
        stem_start = end - size
        if stem_start < low or not _HAN.fullmatch(text[stem_start:end]):
            return None
        start = _region_ending_at(text, stem_start, low)
        if start is not None:
            return _with_prefix(text, start, low)
    return None


def body_start(text: str, end: int, low: int = 0) -> int:
    """Where the body written right before ``end`` starts (``end`` itself when there is none).

    ``low`` bounds the search. The rules are in the module docstring.

    >>> s = "得到国务院扶贫办刘永富主任批示"
    >>> s[body_start(s, 8):8]
    '国务院扶贫办'
    >>> s = "会议召开。茂名市委副书记陈绩"
    >>> s[body_start(s, 9):9]
    '茂名市委'
    """
    words = _tables().words
    position = end
    kinds: list[str] = []
    while (word := _word_ending_at(text, position, low)) is not None:
        kinds.append(words[word])
        position -= len(word)
    head = _head_ending_at(text, position, low, bare=bool(kinds))
    if head is not None:
        return head
    if kinds and kinds[-1] == "suffix":
        stem = _stem_head(text, position, low)
        if stem is not None:
            return stem
    if any(kind != "suffix" for kind in kinds):
        return position
    return end


# ---------------------------------------------------------------- expanding a block


@dataclass(frozen=True)
class _Piece:
    """One post of a block as written: ``text[start:end]``."""

    start: int
    end: int
    compact: str  # without white space


def _compact(written: str) -> str:
    """``written`` without white space (a wrapped post joined)."""
    return "".join(written.split())


def _opens_body(piece: str) -> bool:
    """Tell whether a piece starts a new body (a region name, a bare level, a national body)."""
    if not piece:
        return False
    if piece[0] in _LEVELS or _region_at_start(piece) is not None:
        return True
    return any(piece.startswith(w) for w, k in _tables().words.items() if k == "national")


def _pieces(text: str, start: int, end: int) -> list[_Piece]:
    """The posts of ``text[start:end]``, wrapped posts joined, joined posts (兼, 暨) split."""
    pieces: list[_Piece] = []
    position = start
    for sep in [*_POST_SEPARATORS.finditer(text, start, end), None]:
        sep_start = end if sep is None else sep.start()
        if sep_start > position:
            piece = _Piece(position, sep_start, _compact(text[position:sep_start]))
            pieces = _joined(text, pieces, piece)
        if sep is None:
            break
        position = sep.end()
    return [part for piece in pieces for part in _split_joined(text, piece)]


def _split_joined(text: str, piece: _Piece) -> list[_Piece]:
    """``piece`` cut at each 兼 or 暨 written right after a title (常务副会长兼秘书长)."""
    parts: list[_Piece] = []
    start = piece.start
    for i in range(piece.start + 1, piece.end - 1):
        if text[i] not in _JOINERS or text[i + 1] in _PREDICATE_AFTER_JOINER:
            continue
        before = _compact(text[start:i])
        if title_at_end(before) is not None:
            parts.append(_Piece(start, i, before))
            start = i + 1
    parts.append(_Piece(start, piece.end, _compact(text[start : piece.end])))
    return parts


def _joined(text: str, pieces: list[_Piece], piece: _Piece) -> list[_Piece]:
    """``pieces`` with ``piece`` added, or joined to the last one when it wraps it."""
    if pieces:
        last = pieces[-1]
        between = text[last.end : piece.start]
        wraps = between.strip() == "" and title_at_end(last.compact) is None
        if wraps and not _opens_body(piece.compact):
            merged = _Piece(last.start, piece.end, last.compact + piece.compact)
            return [*pieces[:-1], merged]
    return [*pieces, piece]


def _shared_titles(pieces: list[_Piece]) -> list[tuple[str | None, bool]]:
    """Each piece's title and whether it is its own (False: carried from a later post).

    A piece that ends in a role (援藏干部) takes no title: it is no post.
    """
    found: list[tuple[str | None, bool]] = []
    carried: str | None = None
    for piece in reversed(pieces):
        own = title_at_end(piece.compact)
        if own is not None:
            carried = own
            found.append((own, True))
        elif is_role(piece.compact):
            found.append((None, False))
        else:
            found.append((carried, False))
    return found[::-1]


def head_of(position: Position) -> str | None:
    """The head a later post of the same list takes from ``position``, or None.

    The body without its party organ (国务院扶贫办党组 → 国务院扶贫办) or, for a region's
    party committee, the region as written (玉屏县委 → 玉屏县). None for a bare level (市委).

    >>> [p.text for p in expand_positions("国务院扶贫办党组成员、副主任", 0, 14)]
    ['国务院扶贫办党组成员', '国务院扶贫办副主任']
    """
    head = _PARTY_ORGAN.sub("", position.organization or "")
    committee = _REGION_COMMITTEE.fullmatch(head)
    if committee is not None:
        head = committee.group(1)
    return head if len(head) > 1 else None


def carried_post(head: str, title: str) -> str | None:
    """The post ``title`` under a carried ``head``, or None when the title names another level.

    A title naming the head's level replaces it (龙井市 + 市长 → 龙井市长, + 副市长 →
    龙井市副市长); one naming another level is not carried (龙井市 + 副县长).

    >>> carried_post("龙井市", "市长"), carried_post("国务院扶贫办", "副主任")
    ('龙井市长', '国务院扶贫办副主任')
    """
    level = _TITLE_LEVEL.match(title)
    if level is None:
        return head + title
    if not head.endswith(level.group(1)):
        return None
    return head + (title[1:] if title.startswith(level.group(1)) else title)


def _carried_position(text: str, piece: _Piece, title: str, before: Position) -> Position | None:
    """A bare title (副市长) after a post of the same list, under that post's head."""
    head = head_of(before)
    full = carried_post(head, title) if head is not None else None
    if full is None or head is None:
        return None
    return Position(
        text=full,
        as_written=text[piece.start : piece.end],
        organization=head,
        title=title,
        region=before.region,
        start=piece.start,
        end=piece.end,
    )


def parent_body(organization: str) -> str | None:
    """The body that ``organization`` is a department of (农业农村部办公厅 → 农业农村部), or None.

    The organization without its last word of ``organizations.csv``, when what is left
    ends in such a word too (a body, a national body or a department).

    >>> parent_body("农业农村部办公厅"), parent_body("国务院扶贫办"), parent_body("兰州分行")
    ('农业农村部', '国务院', None)
    """
    words = _tables().words
    last = _word_ending_at(organization, len(organization), 0)
    if last is None or words[last] == "suffix" or len(last) == len(organization):
        return None
    parent = organization[: -len(last)]
    above = _word_ending_at(parent, len(parent), 0)
    return parent if above is not None and words[above] != "suffix" else None


def _committee_department(text: str, piece: _Piece, before: Position) -> Position | None:
    """A party committee's department after a post of it (成武县委常委、组织部部长)."""
    committee = before.organization or ""
    match = _REGION_COMMITTEE.fullmatch(committee)
    if match is None or len(match.group(1)) < 2:
        return None
    departments = (w for w, kind in _tables().words.items() if kind == "department")
    if not any(piece.compact.startswith(word) for word in departments):
        return None
    full = committee + piece.compact
    title = title_at_end(full)
    return Position(
        text=full,
        as_written=text[piece.start : piece.end],
        organization=full[: len(full) - len(title)] if title else full,
        title=title,
        region=before.region,
        start=piece.start,
        end=piece.end,
    )


def _written_region(post: str) -> tuple[str, Region | None] | None:
    """The region name written at the start of ``post`` (贵州铜仁市委常委 → 贵州铜仁市), or None."""
    for mention in extract_regions(post[:_MAX_REGION_NAME]):
        return (mention.text, mention.region) if mention.start == 0 else None
    return None


def _under_previous(post: str, before: Position | None) -> tuple[str, Region | None] | None:
    """A bare-level post (市人大常委会主任) under the region written in the post before."""
    if before is None or len(post) < 2 or post[0] not in _LEVELS:
        return None
    written = _written_region(before.text)
    if written is None or not written[0].endswith(post[0]) or _region_at_start(post):
        return None
    return written[0] + post[1:], written[1]


def full_form(
    post: str, title: str | None, given: Region | None, previous: Region | None
) -> tuple[str, Region | None]:
    """The full form of ``post`` (as written, without white space) and the region it belongs to.

    ``title`` is the post's title, ``given`` the region of the block, ``previous``
    the region of the post before. The title is not added here.

    >>> from povertytext import resolve_region
    >>> text, region = full_form("市农业农村局局长", "局长", resolve_region("肇庆"), None)
    >>> text, region.name
    ('肇庆市农业农村局局长', '肇庆市')
    """
    written = _region_at_start(post)
    if written is not None:
        return post, written[1]
    if len(post) < 2 or post[0] not in _LEVELS:
        return post, None
    region = level_region(post[0], given, previous)
    if region is None:
        return post, None
    keeps_level = title is not None and post == title  # 市长 → 肇庆市市长
    return region.name + (post if keeps_level else post[1:]), region


def _position(
    text: str,
    piece: _Piece,
    title: str | None,
    own: bool,
    region: Region | None,
    before: tuple[Position | None, Region | None],
) -> Position:
    """The position a piece stands for; ``before``: the position before and the last region."""
    previous = before[1]
    under = _under_previous(piece.compact, before[0]) if region is None else None
    if under is not None:
        base, unit = under
    else:
        base, unit = full_form(piece.compact, title if own else None, region, previous)
    full = base if own or title is None else base + title
    organization = full[: len(full) - len(title)] if title is not None else full
    return Position(
        text=full,
        as_written=text[piece.start : piece.end],
        organization=organization or None,
        title=title,
        region=unit,
        start=piece.start,
        end=piece.end,
    )


def expand_positions(
    text: str, start: int, end: int, region: Region | None = None
) -> tuple[Position, ...]:
    """The positions written in ``text[start:end]``, each expanded to its full form.

    ``region`` is the block's region (a byline's region line), given to posts that
    start with a bare 市 or 省. Returns ``()`` when no post in the block has a
    title of office. Each position's ``start``/``end`` slices ``as_written`` out
    of ``text``. Never raises on text. The rules are in the module docstring.

    >>> from povertytext import resolve_region
    >>> block = "肇庆市委农办主任\\n市农业农村局局长、市扶贫办主任"
    >>> [p.text for p in expand_positions(block, 0, len(block), resolve_region("肇庆"))]
    ['肇庆市委农办主任', '肇庆市农业农村局局长', '肇庆市扶贫办主任']
    >>> [p.text for p in expand_positions("广东省委农办、省扶贫办专职副主任", 0, 16)]
    ['广东省委农办专职副主任', '广东省扶贫办专职副主任']
    """
    start, end = max(0, start), min(len(text), end)
    pieces = _pieces(text, start, end) if start < end else []
    heads = _shared_titles(pieces)
    if all(title is None for title, _ in heads):
        return ()
    positions: list[Position] = []
    previous: Region | None = None
    for piece, (title, own) in zip(pieces, heads, strict=True):
        if title is None and is_role(piece.compact):
            continue  # 援藏干部: no post
        before = positions[-1] if positions else None
        position = None
        if before is not None and own and title is not None and piece.compact == title:
            position = _carried_position(text, piece, title, before)
        elif before is not None and own:
            position = _committee_department(text, piece, before)
        if position is None:
            position = _position(text, piece, title, own, region, (before, previous))
        previous = position.region or previous
        positions.append(position)
    return tuple(positions)
