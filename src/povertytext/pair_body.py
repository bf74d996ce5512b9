"""The body the pair reader reads: its sides, its sentences and the lookups around them.

Third stage of :func:`povertytext.extract_pairs`, after the grammar
(:mod:`povertytext.pair_grammar`) and the sides (:mod:`povertytext.pair_sides`).
A :class:`Body` holds one normalized body with its sides (local offsets) and
answers the questions every form asks: the mention at or before a position, the
lists joined by 、 and link words, the written helpers of a predicate, the
sentences and clauses, the scope and status of a predicate, the programme word of
a sentence and the relays (接棒). What one statement says is a :class:`Clause`. The
forms are read by :mod:`povertytext.pair_stated` (direction written) and
:mod:`povertytext.pair_implied` (direction not written), put together in
:class:`povertytext.pair_reader.PairReader`.
"""

from __future__ import annotations

import bisect
import functools
import heapq
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from ._text import SENTENCE_BREAKS as _SENTENCE_BREAKS
from .errors import PovertyTextError
from .models import PairDirection, PairStatus, Region
from .numerals import parse_number
from .pair_grammar import BREAKS, PairGrammar
from .pair_sides import Side
from .regions import is_within

__all__ = [
    "MAX_HELPER_GAP",
    "SCOPE_WINDOW",
    "SENTENCE_BREAKS",
    "Body",
    "Clause",
    "Parts",
    "Sentence",
]

SENTENCE_BREAKS = _SENTENCE_BREAKS
_BREAK_MARK = re.compile(f"[{re.escape(BREAKS)}]")
_SENTENCE_BREAK_MARK = re.compile(f"[{re.escape(SENTENCE_BREAKS)}]")
MAX_HELPER_GAP = 8  # characters between a written helper and its predicate
_MAX_AMOUNT_GAP = 16  # the same gap when it states an amount (山东20年累计援助9亿多元帮扶)
_MAX_LIST_GAP = 40  # characters between two linked units of a helped list
_MAX_HELPED_GAP_DE = 8  # the same gap when it ends in 的 (对口支援三峡库区的忠县)
SCOPE_WINDOW = 24  # how far back a scope phrase may start
_PROGRAMME_WINDOW = 60  # how far from a pair its programme word is looked for first
_DATELINE = re.compile(r"\s*[0-9０-９]{1,2}月[0-9０-９]{1,2}日(?:电|讯)")  # 新华网西安9月29日电
_QUOTES = "“”\"'‘’「」"


@dataclass(frozen=True)
class Clause:
    """What one statement says: its sides, how they pair, and its evidence (local offsets)."""

    helpers: tuple[Side, ...]
    helped: tuple[Side, ...]
    start: int
    end: int
    relation: str
    word: tuple[int, int] | None  # the predicate as written
    scope: str | None = None
    status: PairStatus = "stated"
    direction: PairDirection = "stated"
    in_order: bool = False  # pair the two lists in order (分别, equal lengths)
    helper_region: Region | None = None  # a helper not written as a mention
    helper_implied: bool = False
    helped_region: Region | None = None  # a helped side not written as a mention (我州)
    sentence: int = 0  # start of the sentence that states it
    blocked: bool = False  # the helper is an organisation of a place: no pair
    carried: bool = False  # the helper is the sentence's subject, not written at the predicate


Parts = tuple[list[int], list[int], str]  # two lists of mention indices and what joins them


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: its span and the indices of its mentions."""

    start: int
    end: int
    first: int  # index of the first mention in the sentence
    last: int  # index after the last one


class Body:
    """The normalized body with its sides, in local offsets."""

    def __init__(self, norm: str, mentions: Sequence[Side], g: PairGrammar) -> None:
        self.norm = norm
        self.g = g
        self.mentions = [self.with_modifier(m) for m in mentions]
        self.by_start = {m.start: i for i, m in enumerate(self.mentions)}
        self.ends = [m.end for m in self.mentions]
        self.starts = [m.start for m in self.mentions]
        self.first_words: dict[int, re.Match[str] | None] = {}
        firsts = g.name_firsts
        # where a pair name can start (None: anywhere)
        self.name_starts = None if firsts is None else [m.start() for m in firsts.finditer(norm)]

    def with_modifier(self, m: Side) -> Side:
        """Mark a mention that names an organisation or a set below the county."""
        after = self.g.not_side_after.match(self.norm, m.end)
        ahead = self.g.organisation_ahead.match(self.norm, m.end)
        dateline = _DATELINE.match(self.norm, m.end)
        return replace(m, modifier=True) if after or ahead or dateline else m

    # ------------------------------------------------ looking around a position

    def mention_at(self, pos: int, gap: int = 0) -> int | None:
        """Return the index of the first mention starting at ``pos`` (or within ``gap``
        characters after it, none of them a break or a digit; a 的 may stand there)."""
        i = bisect.bisect_left(self.starts, pos)
        if i >= len(self.mentions):
            return None
        between = self.norm[pos : self.mentions[i].start]
        if between in ("", "的"):
            return i
        if gap == 0 or re.search(rf"[{re.escape(BREAKS)}0-9、]", between):
            return None
        if len(between) <= gap or (len(between) <= _MAX_HELPED_GAP_DE and between[-1] == "的"):
            return i
        return None

    def last_before(self, pos: int) -> int | None:
        """Return the index of the last mention ending at or before ``pos``."""
        i = bisect.bisect_right(self.ends, pos) - 1
        return i if i >= 0 else None

    def clean(self, gap: str) -> bool:
        """Tell whether ``gap`` holds no clause break and no predicate."""
        return not any(ch in BREAKS for ch in gap) and not self.g.predicates.search(gap)

    def is_target(self, m: Side) -> bool:
        """Tell whether the character before ``m`` makes it a place or target (在昭通, 向凉山)."""
        return m.start > 0 and self.norm[m.start - 1] in self.g.before_helper

    def is_passive_agent(self, m: Side) -> bool:
        """Tell whether ``m`` is the agent of a passive (由X, 受X, 被X)."""
        return m.start > 0 and self.norm[m.start - 1] in self.g.passive

    def link_before(self, i: int) -> str:
        """The text between mention ``i - 1`` and mention ``i``."""
        return self.norm[self.mentions[i - 1].end : self.mentions[i].start]

    # ------------------------------------------------ lists

    def run_after(self, i: int) -> list[int]:
        """Return mention ``i`` and the mentions joined to it by 、 (a run)."""
        run = [i]
        while run[-1] + 1 < len(self.mentions) and (
            self.link_before(run[-1] + 1) == "、"
            or (self.link_before(run[-1] + 1) == "" and self.inside(run[-1] + 1, run[-1]) is False)
        ):
            run.append(run[-1] + 1)
        return run

    def run_before(self, i: int) -> list[int]:
        """Return mention ``i`` and the mentions joined to it by 、 or a link word before it."""
        run = [i]
        while run[0] > 0 and (
            self.link_before(run[0]) in self.g.links
            or self.g.apposition_link.fullmatch(self.link_before(run[0]))
        ):
            run.insert(0, run[0] - 1)
        return run

    def helped_after(self, pos: int, gap: int = 0) -> list[list[int]]:
        """Return the helped list starting at ``pos``, as runs of mention indices joined by 、."""
        first = self.mention_at(pos, gap)
        if first is None:
            return []
        runs = [[first]]
        i = first
        while i + 1 < len(self.mentions):
            between = self.norm[self.mentions[i].end : self.mentions[i + 1].start]
            if between == "、" or (between == "" and self.inside(i + 1, i) is False):
                runs[-1].append(i + 1)
            elif (
                len(between) <= _MAX_LIST_GAP
                and self.clean(between)
                and "的" not in between  # 帮扶昭通市的干部和广州市的企业: 广州 is no helped unit
                and (between in self.g.links or self.g.ends_with_link.search(between))
            ):
                runs.append([i + 1])
            else:
                break
            i += 1
        return self.under_parent(runs)

    def inside(self, i: int, parent: int) -> bool | None:
        """Tell whether mention ``i`` lies inside mention ``parent`` (None if unknown)."""
        a, b = self.mentions[i].region, self.mentions[parent].region
        if a is None or b is None:
            return None
        return is_within(a, b) and a.code != b.code

    def under_parent(self, runs: list[list[int]]) -> list[list[int]]:
        """Replace a parent ending the list and followed by ``的`` and its units
        (承德市的承德县、平泉县; 内蒙古和河北的保定张家口)."""
        parent = runs[-1][-1]
        end = self.mentions[parent].end
        if self.norm[end : end + 1] != "的":
            return runs
        nxt = self.mention_at(end + 1)
        if nxt is None or not self.inside(nxt, parent):
            return runs
        units = []
        for i in self.run_after(nxt):
            if not self.inside(i, parent):
                break
            units.append(i)
        return [*runs[:-1], [*runs[-1][:-1], *units]]

    def helpers_before(self, pos: int, low: int, helped_after: bool = False) -> list[int]:
        """Return the written helpers of a predicate at ``pos`` (rules in :mod:`.pairs`)."""
        i = self.last_before(pos)
        if i is None or self.mentions[i].start < low:
            return []
        gap = self.norm[self.mentions[i].end : pos]
        limit = _MAX_AMOUNT_GAP if re.search(r"[0-9０-９]", gap) else MAX_HELPER_GAP
        if not self.helper_gap(gap, limit):
            return []
        found = self.run_before(i)
        relay = self.relay_before(self.mentions[found[0]])
        if relay is not None:  # 南通市接替无锡市结对帮扶: the helper is the one before the relay
            return self.helpers_before(relay, low, helped_after)
        first = self.mentions[found[0]]
        mark = self.norm[first.start - 1 : first.start]
        if (
            self.is_target(first)
            and not self.is_passive_agent(first)
            and not (helped_after and mark == "对")
        ):
            return []
        return found

    def helper_gap(self, gap: str, limit: int) -> bool:
        """Tell whether ``gap`` may stand between a written helper and its predicate: an
        apposition (昆山等5个…县级市), an opening bracket (浙江省(对口支援…)), an amount
        (20年累计援助9亿多元), or a few characters without a break, 的 or organisation."""
        if gap in ("(", "（") or self.g.apposition_tail.fullmatch(gap):
            return True
        if len(gap) > limit or any(ch in BREAKS for ch in gap) or self.g.not_helper.search(gap):
            return False
        return limit == _MAX_AMOUNT_GAP or not self.g.predicates.search(gap)

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
        return match.end() if value == len(run) or "等" in match.group() else None

    # ------------------------------------------------ sentences

    def sentences(self) -> Iterator[Sentence]:
        """Yield the sentences of the body with their mentions."""
        start = 0
        for match in re.finditer(rf"[{re.escape(SENTENCE_BREAKS)}]|$", self.norm):
            end = match.end() if match.group() else len(self.norm)
            if end > start:
                first = bisect.bisect_left(self.starts, start)
                last = bisect.bisect_left(self.starts, end)
                yield Sentence(start, end, first, last)
            start = end
            if start >= len(self.norm):
                break

    def sentences_to_read(self) -> Iterator[Sentence]:
        """The sentences (as :meth:`sentences` cuts them) holding a mention or the first
        character of a pair name, in order: the others state nothing (see
        :meth:`povertytext.pair_reader.PairReader.sentence_clauses`). All of them when
        any place may start a pair name."""
        if self.name_starts is None:
            yield from self.sentences()
            return
        ends = [match.end() for match in _SENTENCE_BREAK_MARK.finditer(self.norm)]
        start = -1
        for position in heapq.merge(self.starts, self.name_starts):
            k = bisect.bisect_right(ends, position)
            if (ends[k - 1] if k else 0) == start:
                continue  # the sentence read last
            start = ends[k - 1] if k else 0
            end = ends[k] if k < len(ends) else len(self.norm)
            first, last = (
                bisect.bisect_left(self.starts, start),
                bisect.bisect_left(self.starts, end),
            )
            yield Sentence(start, end, first, last)

    @functools.cached_property
    def breaks(self) -> list[int]:
        """The offsets of the clause breaks, in order (found on first need: only
        :meth:`clause_start` reads them)."""
        return [match.start() for match in _BREAK_MARK.finditer(self.norm)]

    def clause_start(self, pos: int, low: int, window: int | None = None) -> int:
        """Return the start of the clause holding ``pos`` (not before ``low``, nor more
        than ``window`` characters back)."""
        if window is not None:
            low = max(low, pos - window)
        k = bisect.bisect_left(self.breaks, pos) - 1
        return max(low, self.breaks[k] + 1) if k >= 0 else low

    # ------------------------------------------------ predicates

    def scope_at(self, pos: int) -> tuple[int, str] | None:
        """Return the start and relation of a programme phrase ending at ``pos``, or None."""
        match = self.g.scope.search(self.norm, max(0, pos - SCOPE_WINDOW), pos)
        return (match.start(), self.g.scope_relation[match["word"]]) if match else None

    def status_at(self, pos: int, relation: str, low: int) -> PairStatus:
        """Return the status given by a prefix before a programme predicate at ``pos``."""
        if self.g.former.search(self.norm, self.clause_start(pos, low, SCOPE_WINDOW), pos):
            return "former"
        if relation == "other" or pos == 0:
            return "stated"
        prefix = self.norm[pos - 1]
        if prefix not in self.g.status or self.norm[pos - 2 : pos - 1] in self.g.not_status:
            return "stated"
        return self.g.status[prefix]

    # ------------------------------------------------ relays and programme words

    def relay_sides(self, match: re.Match[str], s: Sentence) -> tuple[Side | None, Side | None]:
        """The new and the former helper around a relay word (佛山市“接棒”杭州市)."""
        before = self.last_before(match.start())
        after = bisect.bisect_left(self.starts, match.end())
        new = old = None
        if before is not None and before >= s.first:
            m = self.mentions[before]
            if not self.norm[m.end : match.start()].strip(_QUOTES):
                new = m
        if after < s.last:
            m = self.mentions[after]
            if not self.norm[match.end() : m.start].strip(_QUOTES):
                old = m
        return new, old

    def relayed_away(self, m: Side) -> bool:
        """Tell whether ``m`` is the former helper after a relay word (接棒杭州市)."""
        return self.relay_before(m) is not None

    def relay_before(self, m: Side) -> int | None:
        """The position where the text before ``m`` ends once a relay word (and its
        quotes) is taken off (佛山市“接棒”杭州市 → right after 佛山市), or None."""
        before = self.norm[max(0, m.start - 6) : m.start].rstrip(_QUOTES)
        match = self.g.relay.search(before)
        if match is None or match.end() != len(before):
            return None
        start = m.start - len(self.norm[max(0, m.start - 6) : m.start]) + match.start()
        return len(self.norm[:start].rstrip(_QUOTES))

    def context_word(self, s: Sentence) -> re.Match[str] | None:
        """The first programme word of the sentence, if any (looked for once per sentence)."""
        key = -1 - s.start
        if key not in self.first_words:
            self.first_words[key] = self.g.context.search(self.norm, s.start, s.end)
        return self.first_words[key]

    def programme(self, s: Sentence, near: int) -> re.Match[str] | None:
        """The programme word of the sentence that names the pairing at ``near``: the
        nearest one naming a programme (扶贫协作 rather than 对接), else the nearest, looked
        for within a window around ``near``, else the first of the sentence."""
        lo, hi = max(s.start, near - _PROGRAMME_WINDOW), min(s.end, near + _PROGRAMME_WINDOW)
        words = list(self.g.join_context.finditer(self.norm, lo, hi))
        if not words:
            return self.first_word(s)
        named = [w for w in words if self.g.word_relation.get(w.group(), "other") != "other"]
        return min(named or words, key=lambda w: abs(w.start() - near))

    def first_word(self, s: Sentence) -> re.Match[str] | None:
        """The first programme word of sentence ``s`` (looked for once per sentence)."""
        if s.start not in self.first_words:
            self.first_words[s.start] = self.g.join_context.search(self.norm, s.start, s.end)
        return self.first_words[s.start]

    def relation_of(self, word: re.Match[str]) -> str:
        """The relation a programme word names."""
        return self.g.word_relation.get(word.group(), "other")

    # ------------------------------------------------ the sides of a clause

    def sides(
        self, base: Clause, helpers: Sequence[int], helped: Sequence[int], stop: int
    ) -> Clause:
        """``base`` with its sides and its evidence running from the first side to ``stop``."""
        starts = [base.start] + [self.mentions[i].start for i in helpers[:1]]
        starts += [self.mentions[i].start for i in helped[:1]]
        order = len(helpers) > 1 and len(helped) > 1 and self.respective(helpers, helped)
        return replace(
            base,
            helpers=tuple(self.mentions[i] for i in helpers),
            helped=tuple(self.mentions[i] for i in helped),
            start=min(starts),
            end=max(stop, base.end),
            in_order=order,
        )

    def respective(self, helpers: Sequence[int], helped: Sequence[int]) -> bool:
        """Tell whether 分别 stands between or before two lists (分别由X、Y帮扶的A、B)."""
        lo = min(self.mentions[helpers[0]].start, self.mentions[helped[0]].start)
        hi = max(self.mentions[helpers[-1]].start, self.mentions[helped[-1]].start)
        return self.g.respective.search(self.norm, max(0, lo - 4), hi) is not None
