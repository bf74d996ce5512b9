"""Assistance pairs: who helps whom, as directed edges helper → helped.

A pair is stated by a *predicate* (对口帮扶, 扶贫协作, 对口支援, 定点帮扶, 结对帮扶, plain
帮扶 / 帮助 / 助力 / 援助 / 支援 / 帮) with regions around it, or by a funding transfer
(向凉山州投入财政援助资金). The words live in ``data/pair_words.csv``; the regions come
from :func:`povertytext.extract_regions`. One pass of one precompiled pattern finds
the predicates; everything else is a look at the region mentions next to them.

Forms (each gives one edge per helper and per helped unit):

* ``<helpers> <predicate> [的] <helped list>``: 东莞市尽锐出战帮扶镇雄县, 北京帮内蒙古,
  天津市、青岛市和厦门市对口支援甘肃省 (three edges). The helped list starts right
  after the predicate (or after 的) and runs on through 、 and through gaps that end
  in a link word (和, 及, 与) within the clause and hold no 的: 帮扶昭通市6个县…和韶关、
  揭阳两市 gives 昭通市, 韶关市, 揭阳市; 帮扶昭通市的干部和广州市的企业 gives 昭通市
  alone. The helpers are the region right before the predicate in the same clause (at
  most 8 characters between, no digits, no 的, no organisation word such as 中心 or 公司, not
  preceded by 在, 向, 对, 受 …), with the units linked to it.
* With no helper written, the ``helper`` argument is the helper (``helper_implied``):
  结对帮扶的昭通市大关、盐津4个县 in 中山's speech. Without one, no edge.
* ``X与Y(开展的)<predicate>`` with nothing helped after it: 东莞市与昭通市开展的扶贫协作.
  The text does not say who helps whom: the direction is the one the reference
  table knows, else Y → X when the ``helper`` argument is Y, else X → Y as written.
* ``[X] 向 <list> 投入…资金`` (also 拨付, 捐赠; 款物, 物资): relation ``other``.

Relation (from the predicate and the geography):

* 东西部扶贫协作 / 东西部协作 → 东西部扶贫协作; 对口支援 → 对口支援; 定点帮扶 → 定点帮扶;
* 对口帮扶, 扶贫协作, 对口扶贫协作 → 东西部扶贫协作 when helper and helped lie in
  different provinces, 省内对口帮扶 in the same one;
* 结对帮扶 → 结对帮扶, and plain 帮扶, 助力 … → ``other``, unless a programme phrase
  right before scopes them (东西部扶贫协作方面，结对帮扶的… → 东西部扶贫协作).

Status: 原 right before a programme predicate → ``former`` (原对口帮扶), 新 → ``new``
(新对口帮扶), else ``stated``; 创新, 平原 and the like are not status words.

Counts: a count written right after the list (4个县, 两市) is checked against the
units of the last run joined by 、. When it agrees, it joins the evidence; when it
does not, the listed units are still the edges (nothing is invented, nothing is
dropped) and the evidence ends at the last listed unit.

No edge: for a region that is the helper itself or inside it (or contains it),
for an ambiguous mention, for a helper that is an organisation
(广州国家农业科创中心), for unnamed sets (扶贫协作四省(区)).

The evidence span runs from the scope phrase, the written helper or the status
prefix (whichever comes first) to the last helped unit (or the count, or the
transfer's 资金).

Reference table (``data/pairings.csv``): the published pairings of the reference
notes (evidence A and B only), each with a period of ISO dates. An edge is
*covered* by a row when its helper is the row's helper or lies inside it and its
helped unit is the row's or lies inside it (中山→大关县 is covered by 中山→昭通;
深圳→百色 by 广东→广西). With a ``date`` (``2020``, ``2020-08``, ``2020-08-19``, read
as the whole year, month or day), ``known`` is True when a covering row's period
overlaps it, else False; without a date (or with one that is not ISO) ``known`` is
None. ``known_period`` and ``known_source`` come from the most specific covering
row (exact units first, then the latest period), for the date when one overlaps
it, else from any period: so 佛山→凉山 in 2022 has ``known=False`` and the period
``2016-12-07/2021-04-30`` that says why.
"""

from __future__ import annotations

import bisect
import calendar
import dataclasses
import datetime as dt
import functools
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass

from ._data import read_table
from .characters import read_simplified
from .errors import PovertyTextError, require_text
from .models import AssistancePair, PairStatus, Region, RegionMention, Relation
from .numerals import parse_number
from .regions import extract_regions, is_within, region_for_code, resolve_region

__all__ = ["KnownPairing", "extract_pairs", "find_pairs", "known_pairings", "pairing_for"]

_BY_GEOGRAPHY = "by_geography"
_EAST_WEST: Relation = "东西部扶贫协作"
_IN_PROVINCE: Relation = "省内对口帮扶"
_WEAK = frozenset({"结对帮扶", "other"})  # relations a programme phrase may override
_BREAKS = "，。；！？：,;!?:\n《》“”「」()（）"
_MAX_HELPER_GAP = 8  # characters between a written helper and its predicate
_MAX_LIST_GAP = 40  # characters between two linked units of a helped list
_SCOPE_WINDOW = 24  # how far back a scope phrase may start
_LOCK = threading.Lock()


# ---------------------------------------------------------------- word tables


@dataclass(frozen=True)
class _Grammar:
    """The compiled word tables of ``pair_words.csv``."""

    predicates: re.Pattern[str]
    relation_of: dict[str, str]
    scope: re.Pattern[str]
    scope_relation: dict[str, str]
    status: dict[str, PairStatus]
    not_status: frozenset[str]
    links: frozenset[str]
    ends_with_link: re.Pattern[str]
    cooperation_gap: re.Pattern[str]
    not_helper: re.Pattern[str]
    before_helper: frozenset[str]
    transfer: re.Pattern[str]
    count: re.Pattern[str]


def _alternation(words: Sequence[str]) -> str:
    """Return a regex alternation of ``words``, longest first (so 对口帮扶 beats 帮扶)."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _words(rows: Sequence[dict[str, str]], role: str) -> list[str]:
    """Return the words of one role."""
    return [row["word"] for row in rows if row["role"] == role]


def _statuses(rows: Sequence[dict[str, str]]) -> dict[str, PairStatus]:
    """Return the status prefixes (原 → former, 新 → new)."""
    known: dict[str, PairStatus] = {"former": "former", "new": "new"}
    return {row["word"]: known[row["relation"]] for row in rows if row["role"] == "status"}


@functools.cache
def _load_grammar() -> _Grammar:
    """Read and compile ``pair_words.csv`` (once)."""
    rows = read_table("pair_words.csv")
    relation = {row["word"]: row["relation"] for row in rows if row["role"] == "predicate"}
    scope = {row["word"]: row["relation"] for row in rows if row["role"] == "scope"}
    breaks = re.escape(_BREAKS)
    links = _words(rows, "link")
    return _Grammar(
        predicates=re.compile(_alternation(list(relation))),
        relation_of=relation,
        scope=re.compile(
            rf"(?P<word>{_alternation(list(scope))})(?:{_alternation(_words(rows, 'scope_tail'))})"
            r"\s*[，,：:]?\s*$"
        ),
        scope_relation=scope,
        status=_statuses(rows),
        not_status=frozenset(_words(rows, "not_status")),
        links=frozenset(links),
        ends_with_link=re.compile(rf"(?:{_alternation(links)})\s*$"),
        cooperation_gap=re.compile(rf"(?:{_alternation(_words(rows, 'cooperate'))})?了?的?"),
        not_helper=re.compile(_alternation(_words(rows, "not_helper")) + r"|[的\d０-９、]"),
        before_helper=frozenset(_words(rows, "before_helper")),
        transfer=re.compile(
            rf"[^{breaks}]{{0,4}}?(?:{_alternation(_words(rows, 'transfer_verb'))})"
            rf"[^{breaks}]{{0,12}}?(?:{_alternation(_words(rows, 'transfer_object'))})"
        ),
        count=re.compile(
            r"(?P<n>[0-9０-９]+|[一二两三四五六七八九十]+)个?"
            rf"(?:{_alternation(_words(rows, 'count_unit'))})"
        ),
    )


def _grammar() -> _Grammar:
    """Return the compiled grammar, loading it under a lock on first use."""
    with _LOCK:
        return _load_grammar()


# ---------------------------------------------------------------- reference table


@dataclass(frozen=True)
class KnownPairing:
    """One row of the reference table ``data/pairings.csv``: a published pairing.

    ``valid_to`` is None for a pairing still open. ``evidence`` is ``A`` (official
    text or outlet) or ``B`` (official local news); ``source`` a URL.
    """

    helper: Region
    helped: Region
    relation: str
    valid_from: dt.date
    valid_to: dt.date | None
    evidence: str
    source: str
    note: str = ""

    @property
    def period(self) -> str:
        """The period as an ISO interval, ``..`` for an open end (``2021-04-01/..``)."""
        end = self.valid_to.isoformat() if self.valid_to else ".."
        return f"{self.valid_from.isoformat()}/{end}"

    def overlaps(self, low: dt.date, high: dt.date) -> bool:
        """Tell whether the period shares a day with ``[low, high]``."""
        return self.valid_from <= high and (self.valid_to is None or low <= self.valid_to)


@functools.cache
def _load_pairings() -> tuple[KnownPairing, ...]:
    """Read ``pairings.csv`` (once)."""
    return tuple(
        KnownPairing(
            helper=region_for_code(row["helper_code"]),
            helped=region_for_code(row["helped_code"]),
            relation=row["relation"],
            valid_from=dt.date.fromisoformat(row["valid_from"]),
            valid_to=dt.date.fromisoformat(row["valid_to"]) if row["valid_to"] else None,
            evidence=row["evidence"],
            source=row["source"],
            note=row["note"],
        )
        for row in read_table("pairings.csv")
    )


def known_pairings() -> tuple[KnownPairing, ...]:
    """Return every row of the reference table of published pairings, in file order.

    >>> rows = [r for r in known_pairings() if r.helped.name == "凉山彝族自治州"]
    >>> [(r.helper.name, r.helped.name, r.period) for r in rows]
    [('佛山市', '凉山彝族自治州', '2016-12-07/2021-04-30')]
    """
    with _LOCK:
        return _load_pairings()


def _date_range(value: str | None) -> tuple[dt.date, dt.date] | None:
    """Return the first and last day of an ISO date (``2020``, ``2020-08``, ``2020-08-19``)."""
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value or "")
    if match is None:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    try:
        if month is None:
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        if day is None:
            return dt.date(year, month, 1), dt.date(
                year, month, calendar.monthrange(year, month)[1]
            )
        return dt.date(year, month, day), dt.date(year, month, day)
    except ValueError:
        return None


def _specificity(row: KnownPairing, helper: Region, helped: Region) -> tuple[int, int, dt.date]:
    """Rank covering rows: exact units first, then the latest period."""
    return (
        (row.helper.code == helper.code) + (row.helped.code == helped.code),
        len(row.helped.code.rstrip("0")) + len(row.helper.code.rstrip("0")),
        row.valid_from,
    )


def _covering(helper: Region, helped: Region) -> list[KnownPairing]:
    """Return the rows covering helper → helped, most specific first."""
    rows = [
        r
        for r in known_pairings()
        if is_within(helper, r.helper) and is_within(helped, r.helped)
    ]
    return sorted(rows, key=lambda r: _specificity(r, helper, helped), reverse=True)


def pairing_for(helper: Region, helped: Region, date: str | None = None) -> KnownPairing | None:
    """Return the most specific published pairing covering helper → helped, or None.

    With ``date`` (ISO, to any precision) only rows whose period overlaps it count.

    >>> from povertytext import resolve_region
    >>> row = pairing_for(resolve_region("佛山"), resolve_region("凉山"), "2019")
    >>> row.period, row.evidence
    ('2016-12-07/2021-04-30', 'A')
    >>> pairing_for(resolve_region("佛山"), resolve_region("凉山"), "2022") is None
    True
    """
    rows = _covering(helper, helped)
    if date is not None:
        span = _date_range(date)
        rows = [r for r in rows if span is not None and r.overlaps(*span)]
    return rows[0] if rows else None


def _known(
    helper: Region, helped: Region, date: str | None
) -> tuple[bool | None, str | None, str | None]:
    """Return ``known``, ``known_period`` and ``known_source`` for one edge."""
    rows = _covering(helper, helped)
    span = _date_range(date)
    if span is None:
        return None, (rows[0].period if rows else None), (rows[0].source if rows else None)
    current = [r for r in rows if r.overlaps(*span)]
    best = (current or rows)[0] if rows else None
    return bool(current), (best.period if best else None), (best.source if best else None)


# ---------------------------------------------------------------- the body


@dataclass(frozen=True)
class _Mention:
    """A region mention, offsets local to the body; ``region`` None when ambiguous."""

    start: int
    end: int
    region: Region | None


@dataclass(frozen=True)
class _Clause:
    """What one predicate states: helpers, helped runs and the evidence span (local)."""

    helpers: tuple[_Mention, ...]
    helped: tuple[_Mention, ...]
    start: int
    end: int
    relation: str
    scope: str | None
    status: PairStatus
    cooperation: bool = False  # the X与Y form, whose direction is not written


class _Body:
    """The normalized body with its region mentions, in local offsets."""

    def __init__(self, norm: str, mentions: Sequence[_Mention], g: _Grammar) -> None:
        self.norm = norm
        self.mentions = list(mentions)
        self.g = g
        self.by_start = {m.start: i for i, m in enumerate(self.mentions)}
        self.ends = [m.end for m in self.mentions]

    # ------------------------------------------------ looking around a position

    def mention_at(self, pos: int) -> int | None:
        """Return the index of the mention starting at ``pos`` (or after a 的 there)."""
        if pos in self.by_start:
            return self.by_start[pos]
        if self.norm[pos : pos + 1] == "的":
            return self.by_start.get(pos + 1)
        return None

    def last_before(self, pos: int) -> int | None:
        """Return the index of the last mention ending at or before ``pos``."""
        i = bisect.bisect_right(self.ends, pos) - 1
        return i if i >= 0 else None

    def clean(self, gap: str) -> bool:
        """Tell whether ``gap`` holds no clause break and no predicate."""
        return not any(ch in _BREAKS for ch in gap) and not self.g.predicates.search(gap)

    def is_target(self, m: _Mention) -> bool:
        """Tell whether the character before ``m`` makes it a place or target (在昭通, 向凉山)."""
        return m.start > 0 and self.norm[m.start - 1] in self.g.before_helper

    # ------------------------------------------------ lists

    def helped_after(self, pos: int) -> list[list[int]]:
        """Return the helped list starting at ``pos``, as runs of mention indices joined by 、."""
        first = self.mention_at(pos)
        if first is None:
            return []
        runs = [[first]]
        i = first
        while i + 1 < len(self.mentions):
            gap = self.norm[self.mentions[i].end : self.mentions[i + 1].start]
            if gap == "、":
                runs[-1].append(i + 1)
            elif (
                len(gap) <= _MAX_LIST_GAP
                and self.clean(gap)
                and "的" not in gap  # 帮扶昭通市的干部和广州市的企业: 广州 is no helped unit
                and (gap in self.g.links or self.g.ends_with_link.search(gap))
            ):
                runs.append([i + 1])
            else:
                break
            i += 1
        return runs

    def helpers_before(self, pos: int) -> list[int]:
        """Return the written helpers of a predicate at ``pos`` (see the module docstring)."""
        i = self.last_before(pos)
        if i is None:
            return []
        gap = self.norm[self.mentions[i].end : pos]
        if len(gap) > _MAX_HELPER_GAP or not self.clean(gap) or self.g.not_helper.search(gap):
            return []
        found = [i]
        while (
            i > 0 and self.norm[self.mentions[i - 1].end : self.mentions[i].start] in self.g.links
        ):
            i -= 1
            found.insert(0, i)
        return [] if self.is_target(self.mentions[found[0]]) else found

    def cooperation_before(self, pos: int) -> tuple[int, list[int]] | None:
        """Return X and the Ys of ``X与Y(、Z)开展的<predicate>`` ending at ``pos``, or None."""
        y = self.last_before(pos)
        if y is None or y == 0:
            return None
        if not self.g.cooperation_gap.fullmatch(self.norm, self.mentions[y].end, pos):
            return None
        ys = [y]
        while ys[0] > 1 and self.link_before(ys[0]) == "、":
            ys.insert(0, ys[0] - 1)
        x = ys[0] - 1
        link = self.link_before(ys[0])
        if link not in self.g.links or link == "、" or self.is_target(self.mentions[x]):
            return None
        return x, ys

    def link_before(self, i: int) -> str:
        """The text between mention ``i - 1`` and mention ``i``."""
        return self.norm[self.mentions[i - 1].end : self.mentions[i].start]

    def count_end(self, run: Sequence[int]) -> int | None:
        """Return the end of a count after ``run`` that agrees with its length (4个县), or None."""
        end = self.mentions[run[-1]].end
        match = self.g.count.match(self.norm, end)
        if match is None:
            return None
        try:
            value = parse_number(match["n"])
        except PovertyTextError:
            return None
        return match.end() if value == len(run) else None

    # ------------------------------------------------ predicates

    def scope_at(self, pos: int) -> tuple[int, str] | None:
        """Return the start and relation of a programme phrase ending at ``pos``, or None."""
        match = self.g.scope.search(self.norm, max(0, pos - _SCOPE_WINDOW), pos)
        return (match.start(), self.g.scope_relation[match["word"]]) if match else None

    def status_at(self, pos: int, relation: str) -> PairStatus:
        """Return the status given by a prefix right before a programme predicate at ``pos``."""
        if relation == "other" or pos == 0:
            return "stated"
        prefix = self.norm[pos - 1]
        if prefix not in self.g.status or self.norm[pos - 2 : pos - 1] in self.g.not_status:
            return "stated"
        return self.g.status[prefix]

    def clauses(self) -> list[_Clause]:
        """Return what every predicate and funding transfer of the body states."""
        found = []
        for match in self.g.predicates.finditer(self.norm):
            clause = self.predicate_clause(match.start(), match.end(), match.group())
            if clause is not None:
                found.append(clause)
        for match in re.finditer("向", self.norm):
            clause = self.transfer_clause(match.start())
            if clause is not None:
                found.append(clause)
        return sorted(found, key=lambda c: c.start)

    def predicate_clause(self, start: int, end: int, word: str) -> _Clause | None:
        """Return the clause of the predicate ``word`` at ``[start, end)``, or None."""
        relation = self.g.relation_of[word]
        status = self.status_at(start, relation)
        lead = start - (status != "stated")
        scope = self.scope_at(lead)
        runs = self.helped_after(end)
        if runs:
            helped = [i for run in runs for i in run]
            helpers = self.helpers_before(lead)
            last = self.mentions[helped[-1]].end
            stop = self.count_end(runs[-1]) or last
        else:
            pair = self.cooperation_before(lead)
            if pair is None:
                return None
            helpers, helped, stop = [pair[0]], pair[1], end
        clause = self.clause(helpers, helped, lead, stop, relation, scope, status)
        return dataclasses.replace(clause, cooperation=not runs)

    def clause(
        self,
        helpers: Sequence[int],
        helped: Sequence[int],
        lead: int,
        stop: int,
        relation: str,
        scope: tuple[int, str] | None,
        status: PairStatus,
    ) -> _Clause:
        """The clause of mentions ``helpers`` → ``helped``, its evidence from the first of
        the helper, the predicate at ``lead`` and the scope phrase up to ``stop``."""
        starts = [lead] + [self.mentions[i].start for i in helpers[:1]]
        if scope is not None:
            starts.append(scope[0])
        return _Clause(
            helpers=tuple(self.mentions[i] for i in helpers),
            helped=tuple(self.mentions[i] for i in helped),
            start=min(starts),
            end=stop,
            relation=relation,
            scope=scope[1] if scope else None,
            status=status,
        )

    def transfer_clause(self, pos: int) -> _Clause | None:
        """Return the clause of ``向 <list> 投入…资金`` at ``pos``, or None."""
        runs = self.helped_after(pos + 1)
        if not runs or self.norm[pos + 1 : pos + 2] == "的":
            return None
        helped = [i for run in runs for i in run]
        match = self.g.transfer.match(self.norm, self.mentions[helped[-1]].end)
        if match is None:
            return None
        helpers = self.helpers_before(pos)
        return self.clause(helpers, helped, pos, match.end(), "other", self.scope_at(pos), "stated")


# ---------------------------------------------------------------- edges


def _relation(clause: _Clause, helper: Region, helped: Region) -> Relation:
    """Return the relation of one edge (rules in the module docstring)."""
    relation = clause.relation
    if relation in _WEAK and clause.scope is not None:
        relation = clause.scope
    if relation == _BY_GEOGRAPHY:
        return _IN_PROVINCE if helper.code[:2] == helped.code[:2] else _EAST_WEST
    return relation  # type: ignore[return-value]


def _related(a: Region, b: Region) -> bool:
    """Tell whether one unit is the other or lies inside it."""
    return is_within(a, b) or is_within(b, a)


def _cooperation_order(clause: _Clause, implied: Region | None) -> _Clause:
    """Orient ``X与Y开展的扶贫协作``: as the table knows it, else from the implied helper."""
    if not clause.cooperation or len(clause.helped) != 1:
        return clause  # X与Y、Z: X is the one written with several partners
    x, y = clause.helpers[0].region, clause.helped[0].region
    if x is None or y is None:
        return clause
    forward, backward = bool(_covering(x, y)), bool(_covering(y, x))
    by_implied = implied is not None and y.code == implied.code
    swap = backward if forward != backward else by_implied
    if not swap:
        return clause
    return dataclasses.replace(clause, helpers=clause.helped, helped=clause.helpers)


def _edges(
    text: str, base: int, clause: _Clause, implied: Region | None, date: str | None
) -> list[AssistancePair]:
    """Return the edges of one clause, with offsets into ``text``."""
    written = [m.region for m in clause.helpers if m.region is not None]
    if clause.helpers and not written:
        return []  # the helper is written but ambiguous: no edge is invented
    helpers = written or ([implied] if implied is not None else [])
    start, end = base + clause.start, base + clause.end
    pairs = []
    for helper in helpers:
        for mention in clause.helped:
            helped = mention.region
            if helped is None or _related(helper, helped):
                continue
            known, period, source = _known(helper, helped, date)
            pairs.append(
                AssistancePair(
                    text=text[start:end],
                    start=start,
                    end=end,
                    helper=helper,
                    helped=helped,
                    relation=_relation(clause, helper, helped),
                    helper_implied=not written,
                    status=clause.status,
                    known=known,
                    known_period=period,
                    known_source=source,
                )
            )
    return pairs


def _local_mentions(
    text: str, start: int, end: int, regions: Sequence[RegionMention] | None
) -> list[_Mention]:
    """Return the region mentions of ``text[start:end]`` in local offsets."""
    if regions is None:
        return [_Mention(m.start, m.end, m.region) for m in extract_regions(text[start:end])]
    return [
        _Mention(m.start - start, m.end - start, m.region)
        for m in regions
        if start <= m.start and m.end <= end
    ]


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
    """
    require_text(text, "extract_pairs")
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
    :func:`extract_pairs`.

    >>> page = "标题\\n佛山对口帮扶湛江、云浮两市。"
    >>> [(p.helped.name, p.relation, p.start) for p in find_pairs(page, 3, len(page))]
    [('湛江市', '省内对口帮扶', 3), ('云浮市', '省内对口帮扶', 3)]
    """
    g = _grammar()
    implied = _helper_region(helper)
    start, end = max(0, start), min(len(text), end)
    if start >= end:
        return []
    body = _Body(text[start:end], _local_mentions(text, start, end, regions), g)
    pairs: list[AssistancePair] = []
    seen: set[tuple[str, str, int]] = set()
    for clause in body.clauses():
        for pair in _edges(text, start, _cooperation_order(clause, implied), implied, date):
            key = (pair.helper.code, pair.helped.code, pair.start)
            if key not in seen:
                seen.add(key)
                pairs.append(pair)
    return pairs
