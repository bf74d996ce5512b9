"""A page assembled: :func:`parse`, and each document's body read into its contents.

:func:`parse` reads the page's region mentions and author credits, asks
:func:`povertytext.layout.plan_page` where its documents lie, reads the page's
quantities, officials and dates once, then gives each document what lies in its
body: its quantities, region mentions and dates (an article's dates read again
with its own date as the reference), the officials named in it, its speaker,
its region (the one its head states, else the given one or the place most of its
place names lie in), its assistance pairs and its indicators. The page keeps its
quantities, mentions, officials and authors as read on the whole text, and the
pairs and indicators of its documents.
"""

from __future__ import annotations

import bisect
import datetime
import itertools
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ._meta import page_date, page_region
from .bylines import find_authors
from .characters import read_simplified
from .dates import extract_dates
from .errors import require_label, require_text
from .indicators import find_indicators
from .layout import Plan, Spans, plan_page, starting_in, within
from .models import (
    Article,
    AssistancePair,
    Author,
    DateMention,
    Essay,
    Indicator,
    Official,
    Page,
    Quantity,
    Region,
    RegionLevel,
    RegionMention,
    Speech,
    validated_copy,
)
from .officials import officials_of
from .pairs import find_pairs
from .quantities import extract_quantities
from .regions import ancestor_at, extract_regions, is_within, region_for_code
from .vocabulary import Vocabulary, check_vocabulary

__all__ = ["parse"]

_Document = Speech | Article | Essay  # what a plan becomes


@dataclass(frozen=True)
class _Meta:
    """What the caller says of the page: its publication date (ISO) and region."""

    date: str | None = None
    region: Region | None = None


@dataclass(frozen=True)
class _Read:
    """What is read once on the whole page (simplified characters), shared by its documents."""

    text: str
    quantities: Sequence[Quantity]
    mentions: Sequence[RegionMention]
    officials: Sequence[Official]
    dates: Sequence[DateMention]
    meta: _Meta


def parse(
    text: str,
    source: str | None = None,
    *,
    date: str | datetime.date | None = None,
    region: str | Region | None = None,
    vocabulary: Vocabulary | None = None,
) -> Page:
    """Split ``text`` into its documents and extract everything in them.

    ``source`` is a label of your choice (a file name) kept on the page. Never
    raises on text: a text with no recognizable layout is one :class:`Essay`,
    an empty one has no documents.

    ``date`` is the page's publication date, an ISO date to any precision
    (``"2020"``, ``"2020-09"``, ``"2020-09-01"``) or a :class:`datetime.date`;
    ``region`` the place it comes from, a name that
    :func:`~povertytext.resolve_region` reads or a :class:`Region`. Both are
    kept on the page (``Page.date``, ``Page.region``). A date written in a
    document's head (an article's date line, a year in a title) wins for that
    document, unless the given date is the same date told more precisely
    (``2020`` written, ``2020-09-01`` given); otherwise the given date is the
    document's date and the reference of its relative dates (今年, 去年, 8月18日),
    of its indicators' dates and of the check of its pairs against the table of
    published pairings. Likewise a region the text states (a speech's region line,
    an author's position) wins; the given region comes before the place most of
    an article's place names lie in, unless that place lies inside it.

    ``vocabulary`` adds the caller's own rows (titles, organizations, region
    aliases, metrics, units, pairings) to the shipped tables for this call only
    (see :class:`~povertytext.Vocabulary`); ``None`` keeps the vocabulary in force,
    if any (``with vocabulary:``), or the shipped tables.

    Raises:
        NotTextError: when ``text`` is no ``str`` (bytes: decode them first).
        UsageError: when ``source`` is neither None nor a ``str``, or ``region`` is
            neither a name nor a :class:`Region`.
        DateError: when ``date`` is no ISO date (a string of another form, a number).
        UsageError: when ``vocabulary`` is neither None nor a :class:`Vocabulary`.
        UnknownRegionError, AmbiguousRegionError: when ``region`` names no single unit.

    >>> import povertytext as pt
    >>> page = pt.parse("县里的报告\\n\\n今年全县累计投入帮扶资金1.2亿元，带动3000多户脱贫。")
    >>> [(d.kind, d.title) for d in page.documents]
    [('essay', '县里的报告')]
    >>> [str(q) for q in page.quantities]
    ['1.2亿元 = 120000000 元', '3000多户 = 3000 户']
    """
    require_text(text, "parse")
    require_label(source, "parse(source=...)")
    words = check_vocabulary(vocabulary, "parse(vocabulary=...)")
    if words is not None:
        with words:
            return parse(text, source, date=date, region=region)
    meta = _Meta(page_date(date), page_region(region))
    return read_simplified(text, lambda work: _page(work, source, meta, original=text))


def _page(text: str, source: str | None, meta: _Meta, *, original: str) -> Page:
    """:func:`parse` of a text in simplified characters (``original``: the caller's)."""
    mentions = Spans(extract_regions(text))
    authors = Spans(find_authors(text))
    bylines, plans = plan_page(text, authors, mentions)
    read = _Read(
        text=text,
        quantities=Spans(extract_quantities(text)),
        mentions=mentions,
        officials=officials_of(text, bylines, authors),
        dates=Spans(_reference_dates(text, meta.date)),
        meta=meta,
    )
    documents = _documents(read, plans, authors)
    return Page(
        source=source,
        text=original,
        date=meta.date,
        region=meta.region,
        length=len(text),
        documents=tuple(documents),
        quantities=tuple(read.quantities),
        dates=tuple(_page_dates(read.dates, documents)),
        regions=tuple(mentions),
        officials=tuple(read.officials),
        authors=tuple(authors),
        pairs=tuple(p for d in documents for p in d.pairs),
        indicators=tuple(i for d in documents for i in d.indicators),
    )


def _documents(read: _Read, plans: Sequence[Plan], authors: Sequence[Author]) -> list[_Document]:
    """The document of each plan, in order, with the authors credited since the last body."""
    documents: list[_Document] = []
    previous_end = -1
    for plan in plans:
        own_authors = starting_in(authors, previous_end + 1, plan.body_end)
        plan = _with_meta(plan, read.meta)
        documents.append(_document(read, plan, own_authors))
        previous_end = plan.body_end
    return documents


def _document(read: _Read, plan: Plan, authors: Sequence[Author]) -> _Document:
    """The document of ``plan``: its head as the layout read it, its body's contents."""
    text, lo, hi = read.text, plan.body_start, plan.body_end
    mentions = within(read.mentions, lo, hi)
    region = _document_region(plan, mentions, read.meta)
    dates = _body_dates(
        text, plan, read.dates, reread=plan.kind == "article" or bool(read.meta.date)
    )
    quantities = within(read.quantities, lo, hi)
    pairs, indicators = _findings(read, plan, region, quantities, dates, mentions)
    speaker = _speaker(plan, read.officials)
    return _KINDS[plan.kind](
        title=text[plan.title[0] : plan.title[1]] if plan.title else None,
        title_start=plan.title[0] if plan.title else None,
        title_end=plan.title[1] if plan.title else None,
        region=region,
        speaker=speaker,
        authors=tuple(a for a in authors if speaker is None or a.text != speaker.name),
        date=plan.date,
        source=plan.source,
        body_start=lo,
        body_end=hi,
        quantities=tuple(quantities),
        dates=tuple(dates),
        regions=tuple(mentions),
        officials=tuple(_officials_in(text, plan, read.officials)),
        pairs=tuple(pairs),
        indicators=tuple(indicators),
    )


def _document_region(plan: Plan, mentions: Sequence[RegionMention], meta: _Meta) -> Region | None:
    """The region the head states, else the given one or (not for a speech) the dominant
    region of the body's mentions (see :func:`_given_or_dominant`)."""
    if plan.region is not None:
        return plan.region
    dominant = None if plan.kind == "speech" else _dominant_region(mentions)
    return _given_or_dominant(meta.region, dominant)


def _findings(
    read: _Read,
    plan: Plan,
    region: Region | None,
    quantities: Sequence[Quantity],
    dates: Sequence[DateMention],
    mentions: Sequence[RegionMention],
) -> tuple[list[AssistancePair], list[Indicator]]:
    """The assistance pairs and indicators of a body (a speech's region is the helper)."""
    lo, hi = plan.body_start, plan.body_end
    helper = region if plan.kind == "speech" else None
    pairs = find_pairs(read.text, lo, hi, helper=helper, date=plan.date, regions=mentions)
    indicators = find_indicators(
        read.text,
        lo,
        hi,
        region=region,
        date=plan.date,
        quantities=quantities,
        dates=dates,
        pairs=pairs,
        regions=mentions,
    )
    return pairs, indicators


def _dominant_region(mentions: Sequence[RegionMention]) -> Region | None:
    """The province (or city) that at least two thirds of the mentions lie in, if any."""
    resolved = [m.region for m in mentions if m.region is not None]
    if len(resolved) < 2:
        return None
    levels: tuple[RegionLevel, ...] = ("city", "province")
    for level in levels:
        units = [unit for region in resolved if (unit := ancestor_at(region, level))]
        if units:
            code, count = Counter(unit.code for unit in units).most_common(1)[0]
            if 3 * count >= 2 * len(resolved):
                return region_for_code(code)
    return None


def _body_dates(
    text: str, plan: Plan, page_dates: Sequence[DateMention], *, reread: bool
) -> list[DateMention]:
    """The body's dates; with ``reread`` (an article, or a page given a date) they are
    read again with the document's date as the reference."""
    lo, hi = plan.body_start, plan.body_end
    if not reread or plan.date is None:
        return within(page_dates, lo, hi)
    try:
        mentions = extract_dates(text[lo:hi], reference=plan.date)
    except ValueError:  # a date line the reader cannot use as a reference
        return within(page_dates, lo, hi)
    return [validated_copy(m, {"start": m.start + lo, "end": m.end + lo}) for m in mentions]


def _document_date(written: str | None, given: str | None) -> str | None:
    """The date of a document: the one written in its head, unless the given date is the
    same date told more precisely (2020 written, 2020-09-01 given); else the given one.

    >>> _document_date("2020", "2020-09-01"), _document_date("2019", "2020-01-15")
    ('2020-09-01', '2019')
    >>> _document_date(None, "2020-09"), _document_date("2020-08-19", None)
    ('2020-09', '2020-08-19')
    """
    if written is None:
        return given
    if given is not None and len(given) > len(written) and given.startswith(written):
        return given
    return written


def _with_meta(plan: Plan, meta: _Meta) -> Plan:
    """``plan`` with the page's given date where the text gives none (see _document_date)."""
    plan.date = _document_date(plan.date, meta.date)
    return plan


def _given_or_dominant(given: Region | None, dominant: Region | None) -> Region | None:
    """The given region, or the dominant one of the body when it lies inside it (or
    none is given)."""
    if given is None or (dominant is not None and is_within(dominant, given)):
        return dominant or given
    return given


def _reference_dates(text: str, date: str | None) -> list[DateMention]:
    """The page's dates, read with the given publication date as the reference."""
    if date is None:
        return extract_dates(text)
    try:
        return extract_dates(text, reference=date)
    except ValueError:  # pragma: no cover - page_date gives what extract_dates reads
        return extract_dates(text)


def _officials_in(text: str, plan: Plan, officials: Sequence[Official]) -> list[Official]:
    found = [o for o in officials if text.find(o.name, plan.body_start, plan.body_end) >= 0]
    if plan.speaker is not None and all(o.name != plan.speaker.name for o in found):
        found.insert(0, plan.speaker)
    return found


def _speaker(plan: Plan, officials: Sequence[Official]) -> Official | None:
    """The page's record of the speaker (all positions merged), else the byline's."""
    if plan.speaker is None:
        return None
    return next((o for o in officials if o.name == plan.speaker.name), plan.speaker)


_KINDS: dict[str, type[Speech] | type[Article] | type[Essay]] = {
    "speech": Speech,
    "article": Article,
    "essay": Essay,
}


def _outside_bodies(
    mentions: Sequence[DateMention], bodies: Sequence[tuple[int, int]]
) -> list[DateMention]:
    """The mentions lying in none of the ``bodies`` (``(start, end)`` offsets), in order.

    A mention lies in a body when the body starts at or before it and ends at or after
    its end: among the bodies starting at or before ``mention.start`` (a bisect over the
    sorted starts), the one ending last decides, so each mention costs a bisect, not a
    look at every body (a page of many documents and dates stays linear).
    """
    ordered = sorted(bodies)
    starts = [start for start, _ in ordered]
    last_end = list(itertools.accumulate((end for _, end in ordered), max))
    outside = []
    for mention in mentions:
        count = bisect.bisect_right(starts, mention.start)
        if count == 0 or last_end[count - 1] < mention.end:
            outside.append(mention)
    return outside


def _page_dates(
    page_dates: Sequence[DateMention], documents: Sequence[_Document]
) -> list[DateMention]:
    """Dates outside the bodies as read on the whole text, and each body's own."""
    outside = _outside_bodies(page_dates, [(d.body_start, d.body_end) for d in documents])
    inside = [m for d in documents for m in d.dates]
    return sorted([*outside, *inside], key=lambda m: m.start)
