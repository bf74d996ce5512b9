"""The forms of pair sentences whose direction is not written.

Part of the sentence reader (:class:`povertytext.pair_reader.PairReader`), on a
:class:`~povertytext.pair_body.Body`: X与Y…<programme word> (X与Y开展东西部协作),
clauses that are only X与Y or X——Y in a programme sentence, X赴Y visits, pair
names (闽宁协作), and two regions of a programme sentence that a row of the
reference table pairs. The helper of each is decided by the reference table,
then the tiers (:func:`povertytext.pair_sides.orient`). The rules are in
:mod:`povertytext.pairs`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import replace

from ._text import CLAUSE_BREAKS
from .pair_body import SENTENCE_BREAKS, Body, Clause, Parts, Sentence
from .pair_grammar import BREAKS
from .pair_sides import can_help, related
from .pairings import related_rows
from .regions import is_within, region_for_code

__all__ = ["ImpliedForms"]

_CLAUSE_BREAKS = CLAUSE_BREAKS  # brackets and quotes do not end a clause
_SOFT_BREAKS = "《》“”「」\"'‘’"  # quotes and titles a cooperative gap may cross
_MAX_COOPERATION_GAP = 24  # characters between "X与Y" and its programme word
_MAX_COOCCURRING = 12  # regions of one sentence at most for pairs read from context


class ImpliedForms(Body):
    """The readers of the forms whose direction is not written (see the module docstring)."""

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
        end = s.end - (self.norm[s.end - 1 : s.end] in SENTENCE_BREAKS)
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
