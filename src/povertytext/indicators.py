"""Indicators: each quantity bound to what it counts, its metric, region, date and scope.

:func:`find_indicators` makes one :class:`~povertytext.Indicator` per quantity of a
document body (every quantity, even one that measures nothing known);
:func:`extract_indicators` does the same for a whole text. Neither raises on text.

**Subject**, the counted noun as written (``data/subjects.csv`` gives the words:
*heads* that end a subject, *events* counted on their own, *breaks* a subject never
runs across, *scope* words that say where rather than what; longest match first).
The first rule that gives one wins:

1. an anniversary (100周年) counts the event written right before it (建党100周年);
2. *after* the quantity, past an optional 的, up to the last head before a break,
   a punctuation mark or the next quantity: 874个贫困村, 1.3万人的年度目标任务;
   、 and 和 join nouns (50多个市直单位、市属企业, 172家企业和社会组织) unless another
   quantity follows in the clause; an attribute ending in 的 is skipped
   (7000多万现行标准下的贫困人口); 在 + a place is skipped (36万在佛山贫困人口);
3. a list of short names joined by 、 right before it (肇庆、潮州两市, 省、市、县三级);
4. *before* it: the last head of its clause at most a few characters before the
   number (dates do not count), with the modifiers before that head, back to a break,
   a scope word, a place name, a date or a punctuation mark (累计统筹落实帮扶资金40.48亿元,
   贫困发生率由11.5%, 专柜运营数量超过2000台); a noun that the previous quantity took
   is not taken again;
5. an amount joined by 、 to the next one shares its subject (十块、八块的零用钱);
6. an amount with the unit of an earlier one of its sentence takes that one's subject
   (由11.5%下降到2.7% → 贫困发生率 for both);
7. for places counted (六省, 九市), a short word (at most four characters) right before
   it names the group (中部六省).

Otherwise the subject is None (5969户 in 131条村、5969户、17249人).

Where the table is silent, jieba's tags (on a short window, loaded on first use) fill in:
a noun it tags ends a subject like a head (建起12个温室大棚, 某村共有客栈15家); a subject
never starts with a verb, preposition, adverb or pronoun (改造农村危房 → 农村危房; a
two-character verb only before two words or more: 测评结果 stays); a place said with a
pronoun (某村, 该县) is no subject; a unit that begins a head gives it (2万人口 → 人口);
rule 6 reaches an earlier clause only when the quantity's own clause names no noun.

**Metric**: the first row of ``data/metrics.csv`` whose kind fits the quantity, whose
subject words occur in the subject (or whose bare units fit a quantity with no
subject), and whose verbs, if it names any, stand un-negated in the clause. No row
fits → None: an unrelated number (七个方面, 还有136天) gets no metric, never a wrong one.

**Region**: names joined by 、/和 written right before the quantity (昭通市大关、盐津4个县
→ their smallest common unit, 昭通市); else the helped region of an assistance pair
whose evidence starts before the quantity in its sentence; else the nearest place named
before it in its clause, then in its sentence, then after it in its clause; else the
``region`` given. Names without a common unit, or ambiguous, give None.

**Date**: the last date mention before the quantity in its clause, else the one of its
sentence nearest to it (its ``value``, or ``resolved``); None when that mention has no
value (20__年底); the ``date`` given when the sentence names no date.

**Cumulative**: a running-total word earlier in the sentence (``data/cumulative.csv``:
累计, 共计, 总计, 合计, “十三五”期间, 五年来, 2016年以来 …).

>>> [str(i) for i in extract_indicators("累计投入帮扶资金40.48亿元，帮助24.76万贫困群众摆脱贫困。")]
['40.48亿元 帮扶资金 [funds.fiscal_aid]', '24.76万 贫困群众 [poverty.people_lifted]']

Stages: :mod:`povertytext.indicator_window` indexes the body,
:mod:`povertytext.indicator_subjects` reads the subjects, and this module the
metric, region, date and scope of each quantity and the :class:`~povertytext.Indicator`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ._data import loader, read_table
from ._meta import check_context
from .characters import read_simplified
from .dates import extract_dates
from .errors import DateError, require_text
from .indicator_subjects import subjects
from .indicator_window import Place, Window, build_window
from .models import AssistancePair, DateMention, Indicator, Quantity, Region, RegionMention
from .quantities import extract_quantities
from .regions import is_within, resolve_region, self_and_above

__all__ = ["extract_indicators", "find_indicators"]

_REGION_JOINERS = ("", "、", "和", "及", "与")
_NO_UNIT = "-"  # in metrics.csv: no unit written
_NEGATION_REACH = 3  # 未全部脱贫: 未 negates a verb up to three characters on


# ---------------------------------------------------------------- data tables


@dataclass(frozen=True, slots=True)
class _Metric:
    metric: str
    kinds: frozenset[str]
    units: frozenset[str]
    patterns: tuple[str, ...]
    bare_units: frozenset[str]
    verbs: tuple[str, ...]
    # Any of ``patterns`` as one regex, searched in a subject in one call (None: no pattern,
    # no subject fits).
    pattern: re.Pattern[str] | None

    def fits(self, subject: str) -> bool:
        """True when one of the row's subject patterns occurs in ``subject``."""
        return self.pattern is not None and self.pattern.search(subject) is not None


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part for part in cell.split("|") if part)


def _any_of(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    """A regex found in a string exactly when one of ``patterns`` (literal, non-empty) is."""
    return re.compile("|".join(map(re.escape, patterns))) if patterns else None


@loader
def _metrics() -> tuple[_Metric, ...]:
    """The rows of ``metrics.csv``, in file order (once per vocabulary)."""
    return tuple(
        _Metric(
            metric=row["metric"],
            kinds=frozenset(_split(row["kind"])),
            units=frozenset(_split(row["units"])),
            patterns=_split(row["subject_patterns"]),
            bare_units=frozenset(_split(row["bare_units"])),
            verbs=_split(row["verbs"]),
            pattern=_any_of(_split(row["subject_patterns"])),
        )
        for row in read_table("metrics.csv")
    )


@dataclass(frozen=True, slots=True)
class _MetricIndex:
    """The rows of :func:`_metrics` by what a quantity's kind and unit let fit, in file order.

    ``by_unit`` holds, for each kind and each unit some row of it names (``-``: none
    written), the rows whose units admit it; ``any_unit`` the rows of each kind that name
    no unit (all a unit no row names may fit); ``bare`` the rows that fit a quantity of that
    kind and unit with no subject (the unit in their ``bare_units``)."""

    by_unit: dict[tuple[str, str], tuple[_Metric, ...]]
    any_unit: dict[str, tuple[_Metric, ...]]
    bare: dict[tuple[str, str], tuple[_Metric, ...]]

    def with_subject(self, kind: str, unit: str | None) -> tuple[_Metric, ...]:
        """The rows whose kind and units fit a quantity of ``kind`` written with ``unit``."""
        return self.by_unit.get((kind, unit or _NO_UNIT), self.any_unit.get(kind, ()))

    def without_subject(self, kind: str, unit: str | None) -> tuple[_Metric, ...]:
        """The rows that also fit such a quantity when it has no subject."""
        return self.bare.get((kind, unit), ()) if unit else ()


@loader
def _metric_index() -> _MetricIndex:
    """:class:`_MetricIndex` of :func:`_metrics` (once per vocabulary)."""
    rows = _metrics()
    kinds = {kind for row in rows for kind in row.kinds}
    of_kind = {kind: tuple(row for row in rows if kind in row.kinds) for kind in kinds}
    named = {(kind, unit) for row in rows for kind in row.kinds for unit in row.units}
    by_unit = {
        (kind, unit): tuple(row for row in of_kind[kind] if not row.units or unit in row.units)
        for kind, unit in named
    }
    any_unit = {kind: tuple(row for row in of_kind[kind] if not row.units) for kind in kinds}
    bare_units = {(kind, unit) for row in rows for kind in row.kinds for unit in row.bare_units}
    bare = {
        (kind, unit): tuple(
            row for row in by_unit.get((kind, unit), any_unit[kind]) if unit in row.bare_units
        )
        for kind, unit in bare_units
    }
    return _MetricIndex(by_unit, any_unit, bare)


@loader
def _cumulative_pattern() -> re.Pattern[str]:
    """The running-total patterns of ``cumulative.csv`` as one regex (once per vocabulary)."""
    return re.compile("|".join(f"(?:{row['pattern']})" for row in read_table("cumulative.csv")))


# ---------------------------------------------------------------- metric


def _negated(text: str, lo: int, k: int) -> bool:
    """True when the verb at ``k`` is negated: 不 right before it, 未 or 没有 shortly before."""
    before = text[max(lo, k - _NEGATION_REACH) : k]
    return text.endswith("不", lo, k) or "未" in before or "没有" in text[max(lo, k - 4) : k]


def _has_verb(text: str, lo: int, hi: int, verbs: tuple[str, ...]) -> bool:
    """True when one of ``verbs`` stands in ``text[lo:hi]`` and is not negated."""
    for verb in verbs:
        k = text.find(verb, lo, hi)
        while k >= 0:
            if not _negated(text, lo, k):
                return True
            k = text.find(verb, k + 1, hi)
    return False


def _metric(w: Window, q: Quantity, subject: str | None, index: _MetricIndex) -> str | None:
    """The first row of ``index`` (:func:`_metric_index`) that fits ``q`` and its subject."""
    if subject is None:
        rows = index.without_subject(q.kind, q.unit)
    else:
        rows = index.with_subject(q.kind, q.unit)
    clause: tuple[int, int] | None = None
    for row in rows:
        if subject is not None and not row.fits(subject):
            continue
        if row.verbs:
            lo, hi = clause = clause or w.clause(q.start)
            if not _has_verb(w.text, lo, hi, row.verbs):
                continue
        return row.metric
    return None


# ---------------------------------------------------------------- region


def _common_unit(regions: Sequence[Region]) -> Region | None:
    """The smallest unit containing every one of ``regions`` (itself for one region)."""
    codes = [{r.code for r in self_and_above(region)} for region in regions[1:]]
    for candidate in self_and_above(regions[0]):
        if all(candidate.code in chain for chain in codes):
            return candidate
    return None


def _group_ending_at(w: Window, place: Place, lo: int) -> list[Region]:
    """The place and the places joined to it by 、/和 before it (昭通市大关、盐津)."""
    group = [place.region]
    k = bisect.bisect_left(w.place_end_list, place.start + 1) - 1
    current = place
    while k >= 0:
        before = w.places[k]
        if before.start < lo or w.text[before.end : current.start] not in _REGION_JOINERS:
            break
        group.append(before.region)
        current, k = before, k - 1
    return group


def _group_unit(w: Window, place: Place, lo: int) -> Region | None:
    """The common unit of the group ending at ``place`` (:func:`_group_ending_at`), kept per
    place and floor: the quantities after a long list of places share one reading of it."""
    key = (place.end, lo)  # the window's places have distinct ends (``place_ends``)
    if key not in w.group_units:
        w.group_units[key] = _common_unit(_group_ending_at(w, place, lo))
    return w.group_units[key]


def _place_before(w: Window, i: int, lo: int) -> Place | None:
    """The last place ending by ``i`` and starting at or after ``lo``, if any."""
    k = bisect.bisect_right(w.place_end_list, i) - 1
    if k < 0 or w.places[k].start < lo:
        return None
    return w.places[k]


def _helped_place_before(w: Window, i: int, stated: int, hi: int) -> Place | None:
    """The last place in ``[stated, i)`` that is one of the helped units of the pairs stated
    at ``stated`` (or inside one), ``hi`` the end of their sentence:
    帮扶云南省昭通市6个贫困县…和韶关、揭阳两市323个村 → 昭通市 for 6个, 揭阳 for 323个.

    The places a statement's quantities may take are sorted out once per statement
    (:func:`_helped_places`), not once per quantity: many places and amounts after one
    statement stay linear."""
    found = w.helped_places.get(stated)
    if found is None:
        found = w.helped_places[stated] = _helped_places(w, stated, hi)
    k = bisect.bisect_right(w.place_end_list, i) - 1  # the last place ending by i
    j = bisect.bisect_right(found, k) - 1
    return w.places[found[j]] if j >= 0 else None


def _helped_places(w: Window, stated: int, hi: int) -> list[int]:
    """The indices, rising, of the places starting at or after ``stated`` and before the
    next statement and ``hi`` that lie in one of the helped units stated at ``stated``."""
    helped = _helped_at(w, stated)
    later = bisect.bisect_right(w.pair_starts, stated)
    if later < len(w.pair_starts):
        hi = min(hi, w.pair_starts[later])
    first = bisect.bisect_left(w.place_start_list, stated)
    last = bisect.bisect_left(w.place_start_list, hi, first)
    return [
        k for k in range(first, last) if any(is_within(w.places[k].region, unit) for unit in helped)
    ]


def _last_statement(w: Window, lo: int, hi: int) -> int | None:
    """The start of the last pair stated in ``[lo, hi]``, if any."""
    k = bisect.bisect_right(w.pair_starts, hi) - 1
    return w.pair_starts[k] if k >= 0 and w.pair_starts[k] >= lo else None


def _helped_at(w: Window, start: int) -> list[Region]:
    """The helped units of the pairs stated at ``start``, in order."""
    first = bisect.bisect_left(w.pair_starts, start)
    last = bisect.bisect_right(w.pair_starts, start)
    return [p.helped for p in w.pairs[first:last]]


def _region(w: Window, q: Quantity, default: Region | None) -> Region | None:
    clause_start, clause_end = w.clause(q.start)
    sentence_start, sentence_end = w.sentence(q.start)
    adjacent = w.place_ends.get(q.start)
    if adjacent is not None:
        return _group_unit(w, adjacent, clause_start)
    stated = _last_statement(w, sentence_start, q.start)
    if stated is not None:  # the last statement before the quantity; its edges share the evidence
        near = _helped_place_before(w, q.start, stated, sentence_end)
        return _group_unit(w, near, stated) if near else _common_unit(_helped_at(w, stated))
    for lo in (clause_start, sentence_start):
        place = _place_before(w, q.start, lo)
        if place is not None:
            return _group_unit(w, place, lo)
    k = bisect.bisect_left(w.place_end_list, q.end + 1)
    if k < len(w.places) and w.places[k].end <= clause_end:
        return w.places[k].region
    return default


# ---------------------------------------------------------------- date and scope


def _date(w: Window, q: Quantity, default: str | None) -> str | None:
    lo, hi = w.sentence(q.start)
    clause_start, _ = w.clause(q.start)
    first = bisect.bisect_left(w.date_start_list, lo)
    last = bisect.bisect_left(w.date_start_list, hi)
    if w.dates_disjoint:
        last = min(last, bisect.bisect_right(w.date_end_list, hi))
        best = _date_bisected(w, q, first, last, clause_start)
    else:
        best = _date_scanned(q, w.dates[first:last], hi, clause_start)
    if best is None:
        return default
    return best.value or best.resolved


def _date_scanned(
    q: Quantity, dates: Sequence[DateMention], hi: int, clause_start: int
) -> DateMention | None:
    """The date of ``q`` among ``dates`` (those starting in its sentence): the last one
    before it in its clause, else the nearest one of the sentence (the first of equals)."""
    in_sentence = [d for d in dates if d.end <= hi]
    before = [d for d in in_sentence if clause_start <= d.start and d.end <= q.start]
    if before:
        return before[-1]
    return min(in_sentence, key=lambda d: _distance(d, q)) if in_sentence else None


def _date_bisected(
    w: Window, q: Quantity, first: int, last: int, clause_start: int
) -> DateMention | None:
    """What :func:`_date_scanned` finds in ``w.dates[first:last]`` (the dates of the sentence),
    for disjoint dates (their starts and ends rise strictly): the last one ending by ``q``
    is the nearest before it, the next one the nearest after; no scan of the sentence."""
    if first >= last:
        return None
    k = bisect.bisect_right(w.date_end_list, q.start) - 1  # the last date ending by q
    before = w.dates[k] if k >= first else None
    if before is not None and before.start >= clause_start:
        return before
    following = max(k + 1, first)  # the first date of the sentence ending after q starts
    after = w.dates[following] if following < last else None
    if before is None or (after is not None and _distance(after, q) < _distance(before, q)):
        return after
    return before


def _distance(mention: DateMention, q: Quantity) -> int:
    return q.start - mention.end if mention.end <= q.start else mention.start - q.end


def _cumulative(w: Window, q: Quantity) -> bool:
    """True when a running-total word (累计, 五年来) stands in the sentence before ``q``.

    The sentence's first such word is found once: none before ``q`` when it starts at or
    after ``q``, one when it ends before ``q`` (a lookahead of the table reads at most the
    character after it); else the short stretch from it to ``q`` is searched. The table's
    patterns hold no negative lookahead and no end anchor, so a search stopping earlier
    finds no match that a longer one does not."""
    lo, hi = w.sentence(q.start)
    if lo not in w.cumulative_words:
        w.cumulative_words[lo] = _cumulative_pattern().search(w.text, lo, hi)
    first = w.cumulative_words[lo]
    if first is None or first.start() >= q.start:
        return False
    if first.end() < q.start:
        return True
    return _cumulative_pattern().search(w.text, first.start(), q.start) is not None


# ---------------------------------------------------------------- public


def extract_indicators(
    text: str, *, region: str | Region | None = None, date: str | None = None
) -> list[Indicator]:
    """Every quantity in ``text`` bound to its subject, metric, region and date.

    ``region`` (a :class:`Region` or a name) and ``date`` (ISO) are what the text is
    about when a sentence does not say: a speech's city, an article's date. Raises
    only for a ``region`` name that does not resolve (see :func:`resolve_region`).

    >>> [i.metric for i in extract_indicators("选派党政干部51名，转移贫困劳动力就业24047人")]
    ['cadres.dispatched', 'labor.employed']
    >>> i = extract_indicators("昭通市大关、盐津4个县全部脱贫摘帽")[0]
    >>> i.subject, i.metric, i.region.name
    ('县', 'poverty.counties_lifted', '昭通市')
    """
    require_text(text, "extract_indicators")
    check_context("extract_indicators", region=region, date=date)
    return read_simplified(
        text, lambda work: find_indicators(work, 0, len(work), region=region, date=date)
    )


def find_indicators(
    text: str,
    start: int,
    end: int,
    *,
    region: str | Region | None = None,
    date: str | None = None,
    quantities: Sequence[Quantity] | None = None,
    dates: Sequence[DateMention] | None = None,
    pairs: Sequence[AssistancePair] | None = None,
    regions: Sequence[RegionMention] | None = None,
) -> list[Indicator]:
    """The indicators of ``text[start:end]``, with offsets into ``text``.

    ``quantities``, ``dates`` and ``regions`` (place mentions) may be given precomputed
    for the whole text, with offsets into it (they are filtered to the window); ``pairs``
    are the assistance pairs of the window; ``region`` and ``date`` are the document's.
    """
    start, end = max(0, start), min(len(text), end)
    if quantities is None:
        quantities = extract_quantities(text)
    if dates is None:
        dates = _dates_of(text, date)
    default_region = resolve_region(region) if isinstance(region, str) else region
    w = build_window(
        text,
        start,
        end,
        sorted((q for q in quantities if start <= q.start and q.end <= end), key=_start),
        sorted((d for d in dates if start <= d.start and d.end <= end), key=_start),
        [p for p in pairs or () if start <= p.start and p.end <= end],
        regions,
    )
    indicators = []
    index = _metric_index()
    for q, span in zip(w.quantities, subjects(w), strict=True):
        subject = None if span is None else text[span[0] : span[1]]
        sentence_start, sentence_end = w.sentence(q.start)
        indicators.append(
            Indicator(
                quantity=q,
                subject=subject,
                subject_start=None if span is None else span[0],
                subject_end=None if span is None else span[1],
                metric=_metric(w, q, subject, index),
                region=_region(w, q, default_region),
                date=_date(w, q, date),
                cumulative=_cumulative(w, q),
                sentence_start=sentence_start,
                sentence_end=sentence_end,
            )
        )
    return indicators


def _start(span: Quantity | DateMention) -> int:
    return span.start


def _dates_of(text: str, reference: str | None) -> list[DateMention]:
    """The dates of ``text``, resolved against ``reference`` when the date reader reads it."""
    try:
        return extract_dates(text, reference=reference)
    except DateError:  # a reference such as 2021-01 that is not a full date expression
        return extract_dates(text)
