"""Assistance pairs: who helps whom, as directed edges helper → helped.

The reader works sentence by sentence over the region mentions of
:func:`povertytext.extract_regions`, the words of ``data/pair_words.csv`` and the
pair names of ``data/pair_names.csv`` (粤桂, 沪滇, 莞铜). Every form below gives one
edge per helper and per helped unit; ``relation_text`` keeps the predicate as
written, ``relation`` its programme.

Direction written (``direction="stated"``):

* active ``<helpers> <predicate> [的] <helped list>``: 东莞市尽锐出战帮扶镇雄县,
  天津市、青岛市和厦门市对口支援甘肃省, 山东20年累计援助9亿多元帮扶重庆 (an amount may
  stand between helper and verb). The helped list runs on through 、 and link
  words (和, 及, 与) within the clause; ``Y的A、B`` lists units under a parent
  (帮扶承德市的承德县、平泉县 gives the two counties), and a count after the list
  (4个县, 两市) joins the evidence;
* passive: 由X帮扶Y, Y由X帮扶, 受X帮扶的Y, 在X的援助下…Y, Y为X对口帮扶的贫困县,
  分别由X1、X2帮扶的Y1、Y2 (pairs in order);
* nominal: X对Y(开展…)的帮扶, X给予Y…支持, X向Y投入…资金;
* a helper left out: the nearest region before the predicate in the sentence that
  can help the helped unit (see *sides*), else the ``helper`` argument (the
  speech's own city, ``helper_implied=True``), else the helper of the previous
  sentence of the paragraph; 我市, 我省, 本县 … stand for the ``helper`` argument
  when it has that level, else for the last region of that level named before.

Direction implied (``direction="implied"``): the text names both sides but not who
helps whom: X与Y开展东西部协作, 苏州与铜仁结成对口帮扶关系, 甘肃省·山东省东西部协作,
太仓玉屏扶贫协作座谈会, dash tables (密云区——玉树市), X与Y clauses after 具体为, pair names
(闽宁协作, 鲁渝两地), and, in a sentence with a programme word and no other pair,
two regions that a row of the reference table pairs (广州市党政代表团赴贵州毕节市 … 东西部协作).
Lists of equal length pair in order (A、B分别与C、D; A、B与C、D结成协作关系), others
multiply out. The helper is the side the reference table names (at any level:
宁波 → 贵州 through 宁波 → 黔西南), else the side of the lower tier of
``data/pair_sides.csv`` (east before centre before west), else the side written first.

Sides: a region is no side when it names an organisation or a set below the county
(天津市10家医院, 黔西南州181个贫困村, 甘南藏族自治州人民医院), when one side lies inside
the other, and for unnamed sets (8个东部城市). An ambiguous name (普陀区) is decided by
the other side through the reference table, then the tiers.

Relation (from the predicate and the geography): 东西部扶贫协作 / 东西部协作 / 东西协作 →
东西部扶贫协作; 对口支援, 对口援建, 援疆, 援藏 → 对口支援; 定点帮扶; 对口帮扶, 扶贫协作,
对口协作 → 东西部扶贫协作 across provinces, 省内对口帮扶 within one; 结对(帮扶) → 结对帮扶;
plain 帮扶, 援助, 援建, 携手 … → ``other``, unless a programme phrase right before scopes
them (东西部扶贫协作方面，结对帮扶的… → 东西部扶贫协作).

Status: 原 right before a programme predicate, or 此前 / 原来 in the clause → ``former``;
新 → ``new``; else ``stated``.

Reference table (:mod:`povertytext.pairings`): with a ``date`` (``2020``, ``2020-08``,
``2020-08-19``), ``known`` is True when a covering row's period overlaps it, else False;
without one ``known`` is None; ``known_period`` and ``known_source`` name the most
specific covering row.

Stages: :mod:`povertytext.pair_grammar` compiles the word tables;
:mod:`povertytext.pair_sides` turns region mentions into sides and tells who can
help whom; :mod:`povertytext.pair_reader` reads each sentence into clauses, over
the body of :mod:`povertytext.pair_body`, with the forms of
:mod:`povertytext.pair_stated` (direction written) and :mod:`povertytext.pair_implied`
(direction not written); this module makes the edges of the clauses
(:class:`~povertytext.AssistancePair`).
"""

from __future__ import annotations

from collections.abc import Sequence

from ._meta import check_context
from .characters import read_simplified
from .errors import require_text
from .models import AssistancePair, Region, RegionMention, Relation
from .pair_body import Clause
from .pair_grammar import PairGrammar, pair_grammar
from .pair_reader import PairReader
from .pair_sides import Side, decide, local_sides, orient, related, with_deictics
from .pairings import KnownPairing, known, known_pairings, pairing_for
from .regions import resolve_region

__all__ = ["KnownPairing", "extract_pairs", "find_pairs", "known_pairings", "pairing_for"]

_BY_GEOGRAPHY = "by_geography"
_EAST_WEST: Relation = "东西部扶贫协作"
_IN_PROVINCE: Relation = "省内对口帮扶"
_WEAK = frozenset({"结对帮扶", "other"})  # relations a programme phrase may override


# ---------------------------------------------------------------- edges


def _relation(clause: Clause, helper: Region, helped: Region) -> Relation:
    """Return the relation of one edge (rules in the module docstring)."""
    relation = clause.relation
    if relation in _WEAK and clause.scope is not None:
        relation = clause.scope
    if relation == _BY_GEOGRAPHY:
        return _IN_PROVINCE if helper.code[:2] == helped.code[:2] else _EAST_WEST
    return relation  # type: ignore[return-value]


def _side_pairs(g: PairGrammar, clause: Clause) -> list[tuple[Region, Region]]:
    """Return the (helper, helped) units of one clause, ambiguous names decided."""
    helpers: list[Region | Side] = list(clause.helpers) or (
        [clause.helper_region] if clause.helper_region is not None else []
    )
    helped: list[Region | Side] = list(clause.helped) or (
        [clause.helped_region] if clause.helped_region is not None else []
    )
    if clause.in_order and len(helpers) != len(helped):
        return []  # 分别 with lists of different lengths: the order is not known
    if clause.in_order:
        combos = list(zip(helpers, helped, strict=True))
    else:
        combos = [(a, b) for a in helpers for b in helped]
    found = []
    for a, b in combos:
        unit_a = a if isinstance(a, Region) else decide(g, a, _unit(b), helps=True)
        unit_b = b if isinstance(b, Region) else decide(g, b, unit_a, helps=False)
        if unit_a is None or unit_b is None or related(unit_a, unit_b):
            continue
        if clause.direction == "implied":
            unit_a, unit_b = orient(g, unit_a, unit_b)
        found.append((unit_a, unit_b))
    return found


def _unit(side: Region | Side) -> Region | None:
    """The unit of a side, None for an ambiguous mention."""
    return side if isinstance(side, Region) else side.region


def _edges(
    text: str, base: int, g: PairGrammar, clause: Clause, date: str | None
) -> list[AssistancePair]:
    """Return the edges of one clause, with offsets into ``text``."""
    if clause.helpers and all(m.modifier for m in clause.helpers):
        return []
    start, end = base + clause.start, base + clause.end
    word_start, word_end = (
        (base + clause.word[0], base + clause.word[1])
        if clause.word
        else (
            None,
            None,
        )
    )
    pairs = []
    for helper, helped in _side_pairs(g, clause):
        is_known, period, source = known(helper, helped, date)
        pairs.append(
            AssistancePair(
                text=text[start:end],
                start=start,
                end=end,
                helper=helper,
                helped=helped,
                relation=_relation(clause, helper, helped),
                relation_text=text[word_start:word_end] if word_start is not None else None,
                relation_start=word_start,
                relation_end=word_end,
                direction=clause.direction,
                helper_implied=clause.helper_implied,
                status=clause.status,
                known=is_known,
                known_period=period,
                known_source=source,
            )
        )
    return pairs


# ---------------------------------------------------------------- public


def _helper_region(helper: str | Region | None) -> Region | None:
    """Return the implied helper as a Region (a name is resolved)."""
    if helper is None or isinstance(helper, Region):
        return helper
    return resolve_region(helper)


def extract_pairs(
    text: str, helper: str | Region | None = None, *, date: str | None = None
) -> list[AssistancePair]:
    """Return every assistance relation stated in ``text``, as directed edges helper → helped.

    ``helper`` is the implied helper (the speech's own city), used where no helper
    is written; ``date`` (ISO, any precision) is the date checked against the
    reference table (``known``). Never raises on text.

    Raises:
        UnknownRegionError, AmbiguousRegionError: ``helper`` is a name that does not
            resolve to one unit.

    >>> [str(p) for p in extract_pairs("天津市和厦门市对口支援甘肃省")]
    ['天津市 → 甘肃省 (对口支援)', '厦门市 → 甘肃省 (对口支援)']
    >>> p = extract_pairs("去年新对口帮扶贵州省六盘水市", helper="中山", date="2021")[0]
    >>> p.helper.name, p.relation, p.status, p.helper_implied, p.known, p.text
    ('中山市', '东西部扶贫协作', 'new', True, True, '新对口帮扶贵州省六盘水市')
    >>> p = extract_pairs("自苏州与铜仁结成对口帮扶关系以来")[0]
    >>> p.helper.name, p.helped.name, p.direction, p.relation_text
    ('苏州市', '铜仁市', 'implied', '对口帮扶')
    """
    require_text(text, "extract_pairs")
    check_context("extract_pairs", region=helper, date=date)
    return read_simplified(
        text, lambda work: find_pairs(work, 0, len(work), helper=helper, date=date)
    )


def find_pairs(
    text: str,
    start: int,
    end: int,
    *,
    helper: str | Region | None = None,
    date: str | None = None,
    regions: Sequence[RegionMention] | None = None,
) -> list[AssistancePair]:
    """Return the pairs stated in ``text[start:end]``, with offsets into ``text``.

    ``text`` is in simplified characters (:func:`extract_pairs` maps traditional
    ones first). ``regions`` may be the precomputed ``extract_regions(text)`` of the
    whole text (then the body is not scanned again). Other arguments as for
    :func:`extract_pairs`. A sentence states an edge once: when two of its forms
    give the same helper → helped, the first one naming a programme (else the
    first one) is reported, with its evidence.

    >>> page = "标题\\n佛山对口帮扶湛江、云浮两市。"
    >>> [(p.helped.name, p.relation, p.start) for p in find_pairs(page, 3, len(page))]
    [('湛江市', '省内对口帮扶', 3), ('云浮市', '省内对口帮扶', 3)]
    """
    g = pair_grammar()
    implied = _helper_region(helper)
    start, end = max(0, start), min(len(text), end)
    if start >= end:
        return []
    norm = text[start:end]
    mentions = with_deictics(g, norm, local_sides(text, start, end, regions), implied)
    body = PairReader(norm, mentions, g)
    chosen: dict[tuple[str, str, int], AssistancePair] = {}
    for clause in sorted(body.read(implied), key=lambda c: c.start):
        for pair in _edges(text, start, g, clause, date):
            key = (pair.helper.code, pair.helped.code, clause.sentence)
            if key not in chosen or (chosen[key].relation == "other" != pair.relation):
                chosen[key] = pair
    return sorted(chosen.values(), key=lambda p: p.start)
