"""The grammar of pair sentences: the compiled word tables of the pair reader.

First stage of :func:`povertytext.extract_pairs`. :func:`pair_grammar` compiles
``data/pair_words.csv`` (the words by role: predicates and their relations,
programme words, link words, passive and target marks, status prefixes …),
``data/pair_names.csv`` (pair names such as 闽宁, 莞铜, with their two sides) and the
tiers of ``data/pair_sides.csv`` (east 0, centre 1, west 2, by province) into one
:class:`PairGrammar`. The sides (:mod:`povertytext.pair_sides`) and the sentence reader
(:mod:`povertytext.pair_reader`) read through it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ._data import loader, read_table
from ._text import CLAUSE_BREAKS, HAN, char_class
from .models import PairStatus

__all__ = ["BREAKS", "PairGrammar", "pair_grammar"]

# characters that end a clause or open or close a title, quote or bracket
BREAKS = CLAUSE_BREAKS + "《》“”「」()（）"
_COUNT = "(?:[0-9０-９]+|[一二两三四五六七八九十百千]+)"  # a count written after a list


@dataclass(frozen=True)
class PairGrammar:
    """The compiled word tables of ``pair_words.csv``, ``pair_names.csv`` and ``pair_sides.csv``."""

    predicates: re.Pattern[str]
    relation_of: dict[str, str]
    word_relation: dict[str, str]  # the relation of every predicate and programme word
    context: re.Pattern[str]
    join_context: re.Pattern[str]
    scope: re.Pattern[str]
    scope_relation: dict[str, str]
    status: dict[str, PairStatus]
    not_status: frozenset[str]
    former: re.Pattern[str]
    links: frozenset[str]
    ends_with_link: re.Pattern[str]
    respective: re.Pattern[str]
    pair_links: tuple[str, ...]
    list_links: tuple[str, ...]
    target_marks: frozenset[str]
    since: re.Pattern[str]
    apposition_link: re.Pattern[str]
    apposition_tail: re.Pattern[str]
    other_subject: re.Pattern[str]
    below_county: re.Pattern[str]
    strong_context: re.Pattern[str]
    visit: re.Pattern[str]
    joins: frozenset[str]
    not_helper: re.Pattern[str]
    organisation: re.Pattern[str]
    organisation_ahead: re.Pattern[str]
    before_helper: frozenset[str]
    passive: frozenset[str]
    object_marks: frozenset[str]
    noun_endings: tuple[str, ...]
    relay: re.Pattern[str]
    grant: re.Pattern[str]
    not_side_after: re.Pattern[str]
    transfer: re.Pattern[str]
    count: re.Pattern[str]
    deictic: re.Pattern[str]
    deictic_level: dict[str, str]
    names: re.Pattern[str] | None
    name_firsts: re.Pattern[str] | None  # the first character of any pair name
    name_sides: dict[str, tuple[str, str]]
    tiers: dict[str, int]


def _alternation(words: Sequence[str]) -> str:
    """Return a regex alternation of ``words``, longest first (so 对口帮扶 beats 帮扶)."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _first_characters(words: Sequence[str]) -> re.Pattern[str] | None:
    """A class of the first characters of ``words`` (where one of them can start), or
    None when there are no words, or an empty one that starts anywhere."""
    if not words or not all(words):
        return None
    return re.compile(char_class(word[0] for word in words))


def _words(rows: Sequence[dict[str, str]], role: str) -> list[str]:
    """Return the words of one role."""
    return [row["word"] for row in rows if row["role"] == role]


def _statuses(rows: Sequence[dict[str, str]]) -> dict[str, PairStatus]:
    """Return the status prefixes (原 → former, 新 → new)."""
    kinds: dict[str, PairStatus] = {"former": "former", "new": "new"}
    return {row["word"]: kinds[row["relation"]] for row in rows if row["role"] == "status"}


def _pair_names() -> dict[str, tuple[str, str]]:
    """Return the pair names of ``pair_names.csv``: name → (helper code, helped code)."""
    try:
        rows = read_table("pair_names.csv")
    except FileNotFoundError:
        return {}
    return {row["name"]: (row["helper_code"], row["helped_code"]) for row in rows}


@loader
def pair_grammar() -> PairGrammar:
    """Read and compile the word tables (once per vocabulary)."""
    rows = read_table("pair_words.csv")
    relation = {row["word"]: row["relation"] for row in rows if row["role"] == "predicate"}
    scope = {row["word"]: row["relation"] for row in rows if row["role"] == "scope"}
    breaks = re.escape(BREAKS)
    links = _words(rows, "link")
    names = _pair_names()
    deictic = {row["word"]: row["relation"] for row in rows if row["role"] == "deictic"}
    return PairGrammar(
        predicates=re.compile(_alternation(list(relation))),
        relation_of=relation,
        word_relation={
            **{
                row["word"]: row["relation"] or "other"
                for row in rows
                if row["role"] in ("context", "join_context")
            },
            **relation,
        },
        context=re.compile(_alternation([*relation, *_words(rows, "context")])),
        join_context=re.compile(
            _alternation([*relation, *_words(rows, "context"), *_words(rows, "join_context")])
        ),
        scope=re.compile(
            rf"(?P<word>{_alternation(list(scope))})(?:{_alternation(_words(rows, 'scope_tail'))})"
            r"\s*[，,：:]?\s*$"
        ),
        scope_relation=scope,
        status=_statuses(rows),
        not_status=frozenset(_words(rows, "not_status")),
        former=re.compile(_alternation(_words(rows, "former"))),
        links=frozenset(links),
        ends_with_link=re.compile(rf"(?:{_alternation(links)})\s*$"),
        respective=re.compile(_alternation(_words(rows, "respective"))),
        pair_links=tuple(_words(rows, "pair_link")),
        list_links=tuple(_words(rows, "list_link")),
        target_marks=frozenset(_words(rows, "target_mark")),
        since=re.compile(_alternation(_words(rows, "since"))),
        apposition_link=re.compile(
            rf"等{_COUNT}个?[^，。；,;:：]{{0,10}}?"
            rf"(?:{_alternation(links)})"
        ),
        apposition_tail=re.compile(rf"等{_COUNT}个?[^，。；,;:：、]{{0,16}}"),
        other_subject=re.compile(_alternation(_words(rows, "other_subject"))),
        below_county=re.compile(
            rf"的[{HAN}]{{1,4}}?(?:{_alternation(_words(rows, 'below_county'))})"
        ),
        visit=re.compile(rf"(?:{_alternation(_words(rows, 'visit'))})$"),
        strong_context=re.compile(
            _alternation(
                [w for w in [*relation, *_words(rows, "context")] if w not in _words(rows, "weak")]
            )
        ),
        joins=frozenset(_words(rows, "join")),
        not_helper=re.compile(_alternation(_words(rows, "not_helper")) + r"|[的、]"),
        organisation=re.compile(_alternation(_words(rows, "not_helper"))),
        organisation_ahead=re.compile(
            rf"[{HAN}]{{0,8}}?(?:{_alternation(_words(rows, 'not_helper'))})"
        ),
        before_helper=frozenset(_words(rows, "before_helper")),
        passive=frozenset(_words(rows, "passive")),
        object_marks=frozenset(_words(rows, "object_mark")),
        noun_endings=tuple(_words(rows, "noun_ending")),
        relay=re.compile(_alternation(_words(rows, "relay"))),
        grant=re.compile(
            rf"(?:{_alternation(_words(rows, 'grant'))})(?P<gap>[^{breaks}]{{0,20}}?)"
            rf"(?P<word>{_alternation(_words(rows, 'grant_object'))})"
        ),
        not_side_after=re.compile(
            rf"(?:的)?(?:{_COUNT}(?:家|所|个|名)?"
            rf"[^{breaks}、]{{0,4}}?)?(?:{_alternation(_words(rows, 'not_side_after'))})"
        ),
        transfer=re.compile(
            rf"[^{breaks}]{{0,4}}?(?:{_alternation(_words(rows, 'transfer_verb'))})"
            rf"[^{breaks}]{{0,12}}?(?:{_alternation(_words(rows, 'transfer_object'))})"
        ),
        count=re.compile(
            rf"(?:等)?(?P<n>{_COUNT})[个座]?"
            rf"(?:{_alternation(_words(rows, 'count_unit'))})"
        ),
        deictic=re.compile(_alternation(list(deictic))) if deictic else re.compile(r"(?!)"),
        deictic_level=deictic,
        names=re.compile(_alternation(list(names))) if names else None,
        name_firsts=_first_characters(list(names)),
        name_sides=names,
        tiers={row["code"][:2]: int(row["tier"]) for row in read_table("pair_sides.csv")},
    )
