"""The forms of pair sentences whose direction is written.

Part of the sentence reader (:class:`povertytext.pair_reader.PairReader`), on a
:class:`~povertytext.pair_body.Body`: a predicate with its written helpers and its
helped list (东莞市帮扶镇雄县), passives (由X帮扶Y, Y为X对口帮扶的), 在X的援助下,
[X]对Y…帮扶, X给予Y…支持, X向Y投入…资金, and the helper a clause leaves out (the
sentence's subject, the caller's region, the helper of the previous sentence).
The rules are in :mod:`povertytext.pairs`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Set as AbstractSet
from dataclasses import replace

from .models import Region
from .pair_body import MAX_HELPER_GAP, SCOPE_WINDOW, Body, Clause, Sentence
from .pair_grammar import BREAKS
from .pair_sides import Side, can_help

__all__ = ["StatedForms"]

_MAX_HELPED_GAP = 3  # characters between a predicate and its first helped unit
_MAX_TARGET_GAP = 24  # characters between "对Y" and its predicate
_MAX_SUBJECT_GAP = 80  # characters between a left-out helper's mention and the predicate


class StatedForms(Body):
    """The readers of the forms whose direction is written (see the module docstring)."""

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
            if len(gap) <= MAX_HELPER_GAP and not any(ch in BREAKS for ch in gap):
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
        own = self.clause_start(clause.start, s.start, SCOPE_WINDOW)
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
