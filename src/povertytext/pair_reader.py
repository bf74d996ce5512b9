"""The sentence reader of the pair extractor: what each sentence of a body states.

Third stage of :func:`povertytext.extract_pairs`, after the grammar
(:mod:`povertytext.pair_grammar`) and the sides (:mod:`povertytext.pair_sides`).
A :class:`Body` holds one normalized body with its sides and reads it sentence by
sentence (:meth:`Body.read`) into :class:`Clause` objects: the stated forms (a
predicate with its helpers and helped list, passives, 对Y…帮扶, 给予, 向…投入, a helper
left out), then the forms whose direction is not written (X与Y开展协作, dash tables,
pair names, pairs of the reference table named together) and relays (接棒). The
edges of the clauses are made in :mod:`povertytext.pairs`; the rules are in its
docstring.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, replace

from .errors import PovertyTextError
from .models import PairDirection, PairStatus, Region
from .numerals import parse_number
from .pair_grammar import BREAKS, PairGrammar
from .pair_sides import Side, can_help, related
from .pairings import related_rows
from .regions import is_within, region_for_code

__all__ = ["Body", "Clause", "Parts", "Sentence"]

_SENTENCE_BREAKS = "。！？；!?;\n"
_BREAK_MARK = re.compile(f"[{re.escape(BREAKS)}]")
_CLAUSE_BREAKS = "，。；！？：,;!?:\n"  # brackets and quotes do not end a clause
_SOFT_BREAKS = "《》“”「」\"'‘’"  # quotes and titles a cooperative gap may cross
_MAX_HELPER_GAP = 8  # characters between a written helper and its predicate
_MAX_AMOUNT_GAP = 16  # the same gap when it states an amount (山东20年累计援助9亿多元帮扶)
_MAX_LIST_GAP = 40  # characters between two linked units of a helped list
_MAX_HELPED_GAP = 3  # characters between a predicate and its first helped unit
_MAX_HELPED_GAP_DE = 8  # the same gap when it ends in 的 (对口支援三峡库区的忠县)
_MAX_COOPERATION_GAP = 24  # characters between "X与Y" and its programme word
_MAX_TARGET_GAP = 24  # characters between "对Y" and its predicate
_SCOPE_WINDOW = 24  # how far back a scope phrase may start
_PROGRAMME_WINDOW = 60  # how far from a pair its programme word is looked for first
_MAX_SUBJECT_GAP = 80  # characters between a left-out helper's mention and the predicate
_MAX_COOCCURRING = 12  # regions of one sentence at most for pairs read from context
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


@dataclass
class Sentence:
    """One sentence: its span and the indices of its mentions."""

    start: int
    end: int
    first: int  # index of the first mention in the sentence
    last: int  # index after the last one
    clauses: list[Clause] = field(default_factory=list)


class Body:
    """The normalized body with its sides, in local offsets."""

    def __init__(self, norm: str, mentions: Sequence[Side], g: PairGrammar) -> None:
        self.norm = norm
        self.g = g
        self.mentions = [self.with_modifier(m) for m in mentions]
        self.by_start = {m.start: i for i, m in enumerate(self.mentions)}
        self.ends = [m.end for m in self.mentions]
        self.starts = [m.start for m in self.mentions]
        self.breaks = [match.start() for match in _BREAK_MARK.finditer(norm)]
        self.first_words: dict[int, re.Match[str] | None] = {}

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
        limit = _MAX_AMOUNT_GAP if re.search(r"[0-9０-９]", gap) else _MAX_HELPER_GAP
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
        for match in re.finditer(rf"[{re.escape(_SENTENCE_BREAKS)}]|$", self.norm):
            end = match.end() if match.group() else len(self.norm)
            if end > start:
                first = bisect.bisect_left(self.starts, start)
                last = bisect.bisect_left(self.starts, end)
                yield Sentence(start, end, first, last)
            start = end
            if start >= len(self.norm):
                break

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
        match = self.g.scope.search(self.norm, max(0, pos - _SCOPE_WINDOW), pos)
        return (match.start(), self.g.scope_relation[match["word"]]) if match else None

    def status_at(self, pos: int, relation: str, low: int) -> PairStatus:
        """Return the status given by a prefix before a programme predicate at ``pos``."""
        if self.g.former.search(self.norm, self.clause_start(pos, low, _SCOPE_WINDOW), pos):
            return "former"
        if relation == "other" or pos == 0:
            return "stated"
        prefix = self.norm[pos - 1]
        if prefix not in self.g.status or self.norm[pos - 2 : pos - 1] in self.g.not_status:
            return "stated"
        return self.g.status[prefix]

    # ------------------------------------------------ reading

    def read(self, implied: Region | None) -> list[Clause]:
        """Return what every sentence of the body states, in text order."""
        found: list[Clause] = []
        topic: tuple[Region, ...] = ()  # the last written helpers of the paragraph
        for s in self.sentences():
            stated = self.predicate_clauses(s, implied, topic)
            clauses = [c for c in stated if c.helpers or c.helper_region is not None]
            clauses += self.cooperations(s, clauses)
            clauses += self.named_pairs(s, clauses)
            if not clauses and not any(c.blocked for c in stated):
                clauses = self.cooccurring(s)
            clauses += self.relayed(s, clauses)
            found += [replace(c, sentence=s.start) for c in clauses]
            written = [m.region for c in clauses for m in c.helpers if m.region is not None]
            if written:
                topic = (written[-1],)
            if self.norm[s.end - 1 : s.end] == "\n":
                topic = ()
        return found

    def relayed(self, s: Sentence, clauses: Sequence[Clause]) -> list[Clause]:
        """Return the former pairings of ``X接棒Y``: Y helped what X now helps (status former)."""
        found = []
        for match in self.g.relay.finditer(self.norm, s.start, s.end):
            new, old = self.relay_sides(match, s)
            if new is None or old is None:
                continue
            for c in clauses:
                if c.helpers and c.helpers[0].start == new.start:
                    found.append(replace(c, helpers=(old,), status="former", carried=True))
        return found

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

    # ------------------------------------------------ predicates

    def predicate_clauses(
        self, s: Sentence, implied: Region | None, topic: tuple[Region, ...]
    ) -> list[Clause]:
        """Return the clauses of the predicates of sentence ``s``."""
        found: list[Clause] = []
        taken: set[int] = set()  # helped mentions of the clauses before
        for match in self.g.predicates.finditer(self.norm, s.start, s.end):
            clause = self.predicate_clause(s, match.start(), match.end(), match.group(), taken)
            if clause is not None:
                found.append(self.with_helper(s, clause, implied, topic))
                taken |= {m.start for m in clause.helped}
        for match in re.finditer("向", self.norm[s.start : s.end]):
            clause = self.transfer_clause(s, s.start + match.start())
            if clause is not None:
                found.append(self.with_helper(s, clause, implied, topic))
        for match in self.g.grant.finditer(self.norm, s.start, s.end):
            clause = self.grant_clause(s, match)
            if clause is not None:
                found.append(self.with_helper(s, clause, implied, topic))
        return found

    def predicate_clause(
        self,
        s: Sentence,
        start: int,
        end: int,
        word: str,
        taken: AbstractSet[int] = frozenset(),
    ) -> Clause | None:
        """Return the clause of the predicate ``word`` at ``[start, end)``, or None."""
        if self.norm.startswith(self.g.noun_endings, end):
            return None  # 志愿援建者: a person, not a statement
        relation = self.g.relation_of[word]
        status = self.status_at(start, relation, s.start)
        lead = start - (self.norm[start - 1 : start] in self.g.status and status != "stated")
        scope = self.scope_at(lead)
        base = Clause(
            (), (), lead, end, relation, (start, end), scope[1] if scope else None, status
        )
        if scope is not None:
            base = replace(base, start=min(lead, scope[0]))
        runs = self.within(self.helped_after(end, _MAX_HELPED_GAP), s)
        if runs and all(self.below_county(run) for run in runs):
            return replace(base, blocked=True)  # 对口援建青川的竹园镇: a town is helped
        runs = [run for run in runs if not self.below_county(run)]
        helpers = self.helpers_before(lead, s.start, helped_after=bool(runs))
        helpers = [i for i in helpers if self.mentions[i].start not in taken]
        agent = self.under_agent(lead, end, s)
        if agent is not None:
            helpers = agent
            runs = self.runs_after_agent(end, s)
        if runs:
            helped = [i for run in runs for i in run]
            stop = self.count_end(runs[-1]) or self.mentions[helped[-1]].end
            return self.sides(base, helpers, helped, stop)
        if helpers and self.is_passive_agent(self.mentions[helpers[0]]):
            helped = self.before_agent(helpers[0], s)
            return self.sides(base, helpers, helped, end) if helped else None
        target = self.target_before(lead, s)
        if target is not None:
            helped, helpers = target
            return self.sides(base, helpers, helped, end)
        return None

    def runs_after_agent(self, end: int, s: Sentence) -> list[list[int]]:
        """The helped run of ``在X的援助下，Y…``: the first mention after 下 in the sentence."""
        i = bisect.bisect_left(self.starts, end)
        if i >= s.last or self.mentions[i].modifier:
            return []
        return [self.run_after(i)]

    def below_county(self, run: list[int]) -> bool:
        """Tell whether a helped run is the parent of a town or village (青川的竹园镇)."""
        return self.g.below_county.match(self.norm, self.mentions[run[-1]].end) is not None

    def within(self, runs: list[list[int]], s: Sentence) -> list[list[int]]:
        """Keep the runs (and their mentions) that lie in sentence ``s``."""
        kept = [[i for i in run if s.first <= i < s.last] for run in runs]
        return [run for run in kept if run]

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

    def under_agent(self, lead: int, end: int, s: Sentence) -> list[int] | None:
        """Return X of ``在X的<predicate>下``, or None."""
        if self.norm[lead - 1 : lead] != "的" or self.norm[end : end + 1] != "下":
            return None
        i = self.last_before(lead - 1)
        if i is None or i < s.first or self.mentions[i].end != lead - 1:
            return None
        if self.norm[self.mentions[i].start - 1 : self.mentions[i].start] != "在":
            return None
        return [i]

    def before_agent(self, agent: int, s: Sentence) -> list[int]:
        """Return the helped run written before a passive agent (Y由X帮扶, Y为X对口帮扶的)."""
        i = agent - 1
        while i >= s.first and self.mentions[i].modifier:
            i -= 1
        if i < s.first:
            return []
        return [k for k in self.run_before(i) if k >= s.first]

    def target_before(self, lead: int, s: Sentence) -> tuple[list[int], list[int]] | None:
        """Return (helped, helpers) of ``[X]对Y…<predicate>`` (also 将Y…纳入帮扶) ending at
        ``lead``, or None."""
        i = self.last_before(lead)
        if i is None or i < s.first:
            return None
        gap = self.norm[self.mentions[i].end : lead]
        if len(gap) > _MAX_TARGET_GAP or any(ch in BREAKS for ch in gap):
            return None
        run = [k for k in self.run_before(i) if k >= s.first]
        first = self.mentions[run[0]]
        if self.norm[first.start - 1 : first.start] not in self.g.object_marks:
            return None
        helpers = self.helpers_before(first.start - 1, s.start)
        return run, helpers

    def grant_clause(self, s: Sentence, match: re.Match[str]) -> Clause | None:
        """Return the clause of ``X给予Y…支持`` (also 帮助, 援助), or None."""
        helped = self.mention_at(match.end("gap") - len(match["gap"]))
        if helped is None or self.mentions[helped].start != match.start("gap"):
            return None
        base = Clause((), (), match.start(), match.end(), "other", match.span("word"))
        i = self.last_before(match.start())
        helpers: list[int] = []
        if i is not None and i >= s.first:
            gap = self.norm[self.mentions[i].end : match.start()]
            if len(gap) <= _MAX_HELPER_GAP and not any(ch in BREAKS for ch in gap):
                helpers = [i]
        return self.sides(base, helpers, [helped], match.end())

    def transfer_clause(self, s: Sentence, pos: int) -> Clause | None:
        """Return the clause of ``向 <list> 投入…资金`` at ``pos``, or None."""
        runs = self.within(self.helped_after(pos + 1), s)
        if not runs or self.norm[pos + 1 : pos + 2] == "的":
            return None
        helped = [i for run in runs for i in run]
        match = self.g.transfer.match(self.norm, self.mentions[helped[-1]].end)
        if match is None:
            return None
        helpers = self.helpers_before(pos, s.start)
        scope = self.scope_at(pos)
        base = Clause((), (), pos, match.end(), "other", None, scope[1] if scope else None)
        return self.sides(base, helpers, helped, match.end())

    # ------------------------------------------------ a helper left out

    def with_helper(
        self, s: Sentence, clause: Clause, implied: Region | None, topic: tuple[Region, ...]
    ) -> Clause:
        """Give a clause without a written helper the one the text implies.

        The rules are in :mod:`povertytext.pairs`.
        """
        if clause.helpers or not clause.helped:
            return clause
        first = clause.helped[0]
        helped = first.region or (first.candidates[0] if first.candidates else None)
        if helped is None:
            return clause
        if self.organisation_subject(s, clause):
            return replace(clause, blocked=True)
        subject = self.subject(s, clause, helped)
        if subject is not None:
            return replace(
                clause, helpers=(subject,), start=min(clause.start, subject.start), carried=True
            )
        if implied is not None:
            return replace(clause, helper_region=implied, helper_implied=True)
        if topic and can_help(self.g, topic[0], helped):
            return replace(clause, helper_region=topic[0])
        return clause

    def subject(self, s: Sentence, clause: Clause, helped: Region) -> Side | None:
        """The nearest region of the sentence that can help ``helped`` (before, else after)."""
        taken = {m.start for m in clause.helped}
        own = self.clause_start(clause.start, s.start, _SCOPE_WINDOW)
        if self.g.other_subject.search(self.norm, own, clause.start):
            return None  # the clause names its own subject (中央启动对口支援西藏)
        i = self.last_before(clause.start)
        while i is not None and i >= s.first:
            m = self.mentions[i]
            if clause.start - m.end > _MAX_SUBJECT_GAP:
                break
            if self.may_be_subject(m, taken) and self.fits(m, helped):
                return m
            i -= 1
        nxt = bisect.bisect_left(self.starts, clause.end)
        if nxt < s.last and self.g.since.search(self.norm, clause.end, self.mentions[nxt].start):
            m = self.mentions[nxt]
            if not m.modifier and self.fits(m, helped):
                return m
        return None

    def may_be_subject(self, m: Side, taken: AbstractSet[int]) -> bool:
        """Tell whether ``m`` may be a left-out helper: not helped already, not a place or
        target (在昭通), not an organisation's place, not the former helper of a relay."""
        return (
            m.start not in taken
            and not m.modifier
            and not self.is_target(m)
            and not self.relayed_away(m)
        )

    def organisation_subject(self, s: Sentence, clause: Clause) -> bool:
        """Tell whether the clause's subject is an organisation of a place (广州…中心帮扶)."""
        i = self.last_before(clause.start)
        if i is None or i < s.first:
            return False
        between = self.norm[self.mentions[i].end : clause.start]
        return bool(self.g.organisation.search(between)) and self.clean(between)

    def fits(self, m: Side, helped: Region) -> bool:
        """Tell whether mention ``m`` can help ``helped``."""
        return any(can_help(self.g, unit, helped) for unit in m.units())

    # ------------------------------------------------ direction not written

    def chain_before(self, i: int, low: int) -> list[tuple[int, str]]:
        """Return the mentions joined to mention ``i`` going back, each with the separator
        before the next one: [(j, sep), …, (i, "")]."""
        chain = [(i, "")]
        while chain[0][0] > 0:
            j = chain[0][0]
            if self.mentions[j - 1].start < low:
                break
            sep = self.link_before(j)
            if not self.separator(sep):
                break
            chain.insert(0, (j - 1, sep))
        return chain

    def separator(self, sep: str) -> bool:
        """Tell whether ``sep`` joins two sides (、, 与, 分别与, ·, ——, or nothing)."""
        if sep in self.g.links or sep in self.g.joins or sep == "":
            return True
        return (
            len(sep) <= 6
            and not any(ch in BREAKS for ch in sep)
            and bool(self.g.ends_with_link.search(sep))
            and not re.search(r"[0-9的]", sep)
        )

    def split(self, chain: list[tuple[int, str]]) -> Parts | None:
        """Split a chain of sides into two lists at its pairing separator, or None."""
        seps = [sep for _, sep in chain[:-1]]
        for preferred in (self.g.pair_links, self.g.list_links, tuple(self.g.joins), ("",)):
            cut = [k for k, sep in enumerate(seps) if sep in preferred or sep[-1:] in preferred]
            if cut:
                k = cut[-1]
                left = [j for j, _ in chain[: k + 1]]
                right = [j for j, _ in chain[k + 1 :]]
                return left, right, seps[k]
        if len(chain) == 2:
            return [chain[0][0]], [chain[1][0]], seps[0]
        return None

    def cooperation(self, s: Sentence, lead: int) -> Parts | None:
        """Return the two lists of ``X与Y…<programme word>`` ending at ``lead``, or None."""
        i = self.last_before(lead)
        if i is None or i < s.first:
            return None
        gap = self.norm[self.mentions[i].end : lead]
        hard = [ch for ch in gap if ch in BREAKS and ch not in _SOFT_BREAKS]
        if len(gap) > _MAX_COOPERATION_GAP or hard or any(ch in self.g.target_marks for ch in gap):
            return None
        return self.split(self.chain_before(i, s.start))

    def cooperations(self, s: Sentence, stated: Sequence[Clause]) -> list[Clause]:
        """Return the pairs of sentence ``s`` whose direction is not written."""
        used = {m.start for c in stated for m in c.helped}
        used |= {m.start for c in stated if not c.carried for m in c.helpers}
        found = []
        candidates = []
        for match in self.g.join_context.finditer(self.norm, s.start, s.end):
            parts = self.cooperation(s, match.start())
            if parts is not None:
                candidates.append((parts, match))
        if self.context_word(s) is not None:
            candidates += self.clause_pairs(s) + self.coordinated(s)
        for parts, match in candidates:
            clause = self.undirected(parts, match, used)
            if clause.helpers and clause.helped:
                found.append(clause)
                used |= {m.start for m in (*clause.helpers, *clause.helped)}
        return found

    def coordinated(self, s: Sentence) -> list[tuple[Parts, re.Match[str]]]:
        """Return ``X与Y`` and ``X(代表团)赴Y`` of a programme sentence whose sides are two
        (the table or the tiers pair them): 浙江和四川…因东西协作…; 丰台区…赴扎赉特旗对接…协作."""
        word = self.context_word(s)
        assert word is not None
        found = []
        for i in range(s.first + 1, s.last):
            sep = self.link_before(i)
            near = self.programme(s, self.mentions[i].end) or word
            if (sep in self.g.pair_links or sep in self.g.list_links) and self.across(i - 1, i):
                found.append((([i - 1], [i], sep), near))
            elif self.visit(sep):
                run = self.run_after(i)
                after = self.norm[self.mentions[run[-1]].end : s.end]
                stated = self.g.predicates.search(after[:_MAX_COOPERATION_GAP])
                if self.across(i - 1, i) or (stated and self.clean(after[: stated.start()])):
                    found.append((([i - 1], run, "赴"), near))
        return found

    def visit(self, sep: str) -> bool:
        """Tell whether ``sep`` is the text of a visit (党政代表团赴, 率队到)."""
        return (
            len(sep) <= 10
            and not any(ch in BREAKS for ch in sep)
            and bool(self.g.visit.search(sep))
            and not self.g.predicates.search(sep)
        )

    def undirected(self, parts: Parts, word: re.Match[str], used: set[int]) -> Clause:
        """The implied clause of two lists and the programme word that joins them."""
        left, right, sep = parts
        nothing = Clause((), (), 0, 0, "other", None)
        sides = [self.mentions[i] for i in (*left, *right)]
        if any(m.start in used or m.modifier for m in sides):
            return nothing
        loose = sep == "、" or (sep == "" and len(left) == len(right) == 1)
        weak = not self.g.strong_context.fullmatch(word.group())  # 共建, 合作, 对接, 扶贫
        if (loose or weak) and not self.across(left[0], right[0]):
            return nothing
        relation = self.relation_of(word)
        base = Clause((), (), word.start(), word.end(), relation, word.span(), direction="implied")
        clause = self.sides(base, left, right, max(word.end(), self.mentions[right[-1]].end))
        even = len(left) == len(right) > 1
        return replace(clause, in_order=clause.in_order or even)

    def across(self, a: int, b: int) -> bool:
        """Tell whether two joined names are two sides (the table or the tiers pair them)."""
        ra, rb = self.mentions[a].region, self.mentions[b].region
        if ra is None or rb is None or related(ra, rb):
            return False
        return can_help(self.g, ra, rb) or can_help(self.g, rb, ra)

    def clause_pairs(self, s: Sentence) -> list[tuple[Parts, re.Match[str]]]:
        """Return the clauses of a programme sentence that are only ``X与Y`` or ``X——Y``."""
        word = self.context_word(s)
        assert word is not None
        found = []
        start = s.start
        for match in re.finditer(rf"[{re.escape(BREAKS)}]|$", self.norm[s.start : s.end]):
            end = s.start + match.start()
            parts = self.bare_clause(start, end, s)
            if parts is not None:
                found.append((parts, word))
            start = s.start + match.end()
            if start >= s.end:
                break
        return found

    def bare_clause(self, start: int, end: int, s: Sentence) -> Parts | None:
        """Return the two lists of a clause made of nothing but ``X与Y`` (or X——Y), or None."""
        i = self.last_before(end)
        if i is None or i < s.first or self.norm[self.mentions[i].end : end].strip():
            return None
        chain = self.chain_before(i, start)
        if self.norm[start : self.mentions[chain[0][0]].start].strip(" 　-—–:："):
            return None
        parts = self.split(chain)
        if parts is None or parts[2] in ("、", ""):
            return None
        return parts

    def named_pairs(self, s: Sentence, found_here: Sequence[Clause]) -> list[Clause]:
        """Return the pair names (闽宁, 莞铜) of a sentence with a programme word, unless
        the sentence pairs units of those two sides (江苏邳州与陕西扶风…苏陕协作)."""
        if self.g.names is None:
            return []
        inner = [
            (a.region, b.region)
            for c in found_here
            for a in c.helpers
            for b in c.helped
            if a.region is not None and b.region is not None
        ]
        found = []
        for match in self.g.names.finditer(self.norm, s.start, s.end):
            word = self.programme(s, match.end())
            if word is None or self.in_mention(match.start(), match.end()):
                continue
            helper_code, helped_code = self.g.name_sides[match.group()]
            helper, helped = region_for_code(helper_code), region_for_code(helped_code)
            if any(is_within(a, helper) and is_within(b, helped) for a, b in inner):
                continue
            found.append(
                Clause(
                    (),
                    (),
                    match.start(),
                    max(match.end(), word.end()) if word.start() >= match.start() else match.end(),
                    self.relation_of(word),
                    word.span(),
                    direction="implied",
                    helper_region=region_for_code(helper_code),
                    helped_region=region_for_code(helped_code),
                )
            )
        return found

    def in_mention(self, start: int, end: int) -> bool:
        """Tell whether ``[start, end)`` overlaps a region mention."""
        i = bisect.bisect_right(self.starts, end - 1) - 1
        return i >= 0 and self.mentions[i].end > start

    def cooccurring(self, s: Sentence) -> list[Clause]:
        """Return the pairs of the reference table named together in a programme sentence."""
        word = self.g.strong_context.search(self.norm, s.start, s.end)
        if word is None:
            return []
        indices = [i for i in range(s.first, s.last) if not self.mentions[i].modifier]
        if len(indices) > _MAX_COOCCURRING:
            return []  # a sentence naming so many regions is a list, not a pairing
        found = []
        end = s.end - (self.norm[s.end - 1 : s.end] in _SENTENCE_BREAKS)
        for i in indices:
            for j in indices:
                a, b = self.mentions[i], self.mentions[j]
                if a.region is None or b.region is None or not self.apart(i, j):
                    continue
                if a.region.code == b.region.code or related(a.region, b.region):
                    continue
                if related_rows(a.region, b.region) and not related_rows(b.region, a.region):
                    word = self.programme(s, max(a.end, b.end)) or word
                    relation = self.relation_of(word)
                    found.append(
                        Clause((a,), (b,), s.start, end, relation, word.span(), direction="implied")
                    )
        return found

    def apart(self, i: int, j: int) -> bool:
        """Tell whether mentions ``i`` and ``j`` stand in one clause but not in one list."""
        lo, hi = min(i, j), max(i, j)
        between = self.norm[self.mentions[lo].end : self.mentions[hi].start]
        if any(ch in _CLAUSE_BREAKS for ch in between):
            return False
        between_all = (self.link_before(k) for k in range(lo + 1, hi + 1))
        return not all(sep == "、" or sep in self.g.list_links for sep in between_all)
