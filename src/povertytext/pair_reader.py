"""The sentence reader of the pair extractor: what each sentence of a body states.

Third stage of :func:`povertytext.extract_pairs`, after the grammar
(:mod:`povertytext.pair_grammar`) and the sides (:mod:`povertytext.pair_sides`).
A :class:`PairReader` reads one body (:class:`~povertytext.pair_body.Body`)
sentence by sentence into :class:`~povertytext.pair_body.Clause` objects: first
the forms whose direction is written (:mod:`povertytext.pair_stated`), then those
whose direction is not (:mod:`povertytext.pair_implied`), then the relays (接棒).
The edges of the clauses are made in :mod:`povertytext.pairs`; the rules are in
its docstring.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from .models import Region
from .pair_body import Clause, Sentence
from .pair_implied import ImpliedForms
from .pair_stated import StatedForms

__all__ = ["PairReader"]


class PairReader(StatedForms, ImpliedForms):
    """Reads a body sentence by sentence: the stated forms, the implied ones, the relays."""

    # ------------------------------------------------ reading

    def read(self, implied: Region | None) -> list[Clause]:
        """Return what every sentence of the body states, in text order.

        A sentence without a mention is only searched for pair names, and only when it
        holds the first character of one (see :meth:`sentence_clauses`); the others are
        not read, but a line break ending one still ends the paragraph's topic.
        """
        found: list[Clause] = []
        topic: tuple[Region, ...] = ()  # the last written helpers of the paragraph
        read_to = 0  # the end of the last sentence read
        for s in self.sentences_to_read():
            if self.norm.find("\n", read_to, s.start) >= 0:
                topic = ()  # a sentence not read ended its line
            read_to = s.end
            if s.first == s.last:  # no mention: only a pair name (粤桂) can state a pair
                clauses = self.named_pairs(s, ())
            else:
                clauses = self.sentence_clauses(s, implied, topic)
            found += [replace(c, sentence=s.start) for c in clauses]
            written = [m.region for c in clauses for m in c.helpers if m.region is not None]
            if written:
                topic = (written[-1],)
            if self.norm[s.end - 1 : s.end] == "\n":
                topic = ()
        return found

    def sentence_clauses(
        self, s: Sentence, implied: Region | None, topic: tuple[Region, ...]
    ) -> list[Clause]:
        """What sentence ``s`` states, every form tried (``topic``: the helpers last written).

        A sentence without a mention states nothing but its pair names: every other form
        takes its sides (or the side it gives a helper to) from the sentence's mentions.
        """
        stated = self.predicate_clauses(s, implied, topic)
        clauses = [c for c in stated if c.helpers or c.helper_region is not None]
        clauses += self.cooperations(s, clauses)
        clauses += self.named_pairs(s, clauses)
        if not clauses and not any(c.blocked for c in stated):
            clauses = self.cooccurring(s)
        return clauses + self.relayed(s, clauses)

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
