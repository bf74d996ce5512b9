"""Many documents: parse a corpus over a pool of processes, results in input order.

:func:`parse_many` takes texts, or ``(source, text)`` pairs (so a dict of
texts by file name goes in as ``texts.items()``), or ``(source, text, meta)``
triples whose ``meta`` dict gives the page's ``date`` and ``region`` (the
keywords of :func:`~povertytext.parse`), and returns one
:class:`~povertytext.Page` per input, in input order. With ``processes=1``,
or a single input, it runs in the calling process; otherwise each worker
process first calls :func:`warmup`, so tables and dictionaries load once per
worker and not inside the first chunk (where workers fork, the default on Linux,
the calling process warms up first and they start with everything loaded).
:func:`parse_iter` yields the same pages one by one, as they are ready, still in
input order; it streams, taking inputs from any iterable (a generator of files
read one by one) as they are needed, with a bounded window of texts and pages in
memory.

Files: :func:`read_text` reads a text, HTML or PDF file, its encoding detected,
and :func:`parse_file` is ``parse(read_text(path), source=str(path))``, an
HTML page's publication date kept (both
from :mod:`povertytext.readers`, see ``docs/inputs.md``); both are plain
module-level functions, so they pickle and serve as the map step of Dask or any
other engine (see ``docs/tutorial.md``). Pages pickle too.

>>> [page.source for page in parse_many([("a.txt", "选派干部128名。"), "投入3000万元。"])]
['a.txt', None]
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import signal
import sys
from collections import deque
from collections.abc import Generator, Iterable, Iterator, Mapping, Sized
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Union

from ._data import load_all
from ._meta import check_meta
from .errors import UnreadableTextError, UsageError, require_count
from .models import Page
from .page import parse
from .readers import decode, parse_file, read_text
from .vocabulary import Vocabulary, check_vocabulary

__all__ = [
    "AHEAD",
    "Item",
    "UnreadableTextError",
    "decode",
    "parse_file",
    "parse_iter",
    "parse_many",
    "read_text",
    "usable_cores",
    "warmup",
]

Item = Union[str, tuple[str | None, str], tuple[str | None, str, Mapping[str, Any]]]  # noqa: UP007
"""One input of :func:`parse_many`: a text, a ``(source, text)`` pair, or a
``(source, text, meta)`` triple (``meta``: ``{"date": "2020-09-01", "region": "韶关"}``)."""

_Checked = tuple[str | None, str, dict[str, Any]]

_CHUNKS_PER_WORKER = 4  # chunks of a sized input per worker: small enough to balance uneven texts
_MAX_CHUNK = 8  # inputs per chunk at most by default: the window of texts stays small

AHEAD = 4
"""Chunks per worker process that :func:`parse_iter` submits ahead of the page it yields."""


def warmup() -> None:
    """Load every table and dictionary that parsing uses, now rather than on first use.

    Called once in each worker process of :func:`parse_many`; call it in your
    own workers (Dask, a web server) before the first request. It runs every
    loader of the pipeline (the region gazetteer, the tables of units, titles,
    pairings…, jieba's dictionary), each of which is built once. Safe to call
    again: it costs almost nothing once loaded. A caller's
    :class:`~povertytext.Vocabulary` is built on its first use.

    >>> warmup()
    """
    load_all()


def parse_many(
    texts: Iterable[Item],
    processes: int | None = None,
    *,
    chunksize: int | None = None,
    progress: bool = False,
    vocabulary: Vocabulary | None = None,
) -> list[Page]:
    """Return the :class:`~povertytext.Page` of every input, in input order.

    Args:
        texts: texts, ``(source, text)`` pairs or ``(source, text, meta)``
            triples; ``source`` labels the page (``Page.source``), e.g. a file
            name; ``meta`` holds the page's ``date`` and ``region``, passed to
            :func:`~povertytext.parse`.
        processes: worker processes; None for one per CPU core, 1 to run in
            the calling process.
        chunksize: inputs sent to a worker at a time; by default a list (any
            sized input) is cut into about four chunks per worker, of at most
            eight inputs, and an iterator is sent one input at a time.
        progress: draw a progress bar on standard error (tqdm: pages done,
            pages per second, time left).
        vocabulary: the caller's own rows for the shipped tables, used for
            every input (:class:`~povertytext.Vocabulary`; sent to the workers).

    Raises:
        UsageError: when ``texts`` is no iterable of inputs (a text, a number), an
            input is neither a ``str`` nor a ``(source, text)`` pair or ``(source,
            text, meta)`` triple, ``meta`` has a key other than ``date`` and
            ``region``, or ``processes`` or ``chunksize`` is no whole number of at
            least 1, or ``vocabulary`` is no :class:`~povertytext.Vocabulary`.
        DateError, UnknownRegionError, AmbiguousRegionError: for a ``date`` or
            ``region`` of ``meta`` that :func:`~povertytext.parse` cannot use,
            naming the input.

    >>> pages = parse_many({"a.txt": "投入帮扶资金3000万元。"}.items(), processes=1)
    >>> [(page.source, page.length) for page in pages]
    [('a.txt', 13)]
    """
    if not progress:
        return list(parse_iter(texts, processes, chunksize=chunksize, vocabulary=vocabulary))
    from tqdm import tqdm

    total = len(texts) if isinstance(texts, Sized) else None
    with tqdm(total=total, unit="page", file=sys.stderr, dynamic_ncols=True) as bar:
        pages = []
        for page in parse_iter(texts, processes, chunksize=chunksize, vocabulary=vocabulary):
            pages.append(page)
            bar.update()
    return pages


def parse_iter(
    texts: Iterable[Item],
    processes: int | None = None,
    *,
    chunksize: int | None = None,
    vocabulary: Vocabulary | None = None,
) -> Generator[Page, None, None]:
    """Yield the :class:`~povertytext.Page` of every input, in input order, as each is ready.

    Arguments are those of :func:`parse_many`. It streams: inputs are taken from
    ``texts`` as they are needed (any iterable, a generator of any length), and at
    most :data:`AHEAD` chunks per worker process are read ahead of the page being
    yielded, so memory holds a bounded window of texts and pages, never the whole
    input. In the calling process (``processes=1``) one input is read per page.

    Raises:
        UsageError: at once, when ``texts`` is no iterable of inputs (a text, a
            number), ``processes`` or ``chunksize`` is below 1 or ``vocabulary`` is
            no :class:`~povertytext.Vocabulary`; when an input is
            read that is no text, pair or triple, or has a ``meta`` key of no page
            metadata (the pages before it have been yielded, or are being parsed).
        DateError, UnknownRegionError, AmbiguousRegionError: likewise, for a
            ``date`` or ``region`` of ``meta``.

    Closing the generator early (``close()``, or leaving a ``with
    contextlib.closing(...)`` block) stops the pool and drops the work not started.
    Worker processes leave Ctrl-C (SIGINT) to the calling process, which stops them.
    """
    inputs = _iterable(texts)
    workers = _workers(processes)
    size = require_count(chunksize, "chunksize")
    words = check_vocabulary(vocabulary, "parse_iter(vocabulary=...)")
    checked = (_checked(item, index) for index, item in enumerate(inputs))
    return _pages(checked, workers, size or _default_chunksize(inputs, workers), words)


def _pages(
    checked: Iterator[_Checked], workers: int, size: int, words: Vocabulary | None
) -> Generator[Page, None, None]:
    """The page of every checked input, in order: in this process, or over ``workers``
    processes when more than one input comes (as many as there are inputs, at most)."""
    head = list(itertools.islice(checked, min(workers, sys.maxsize) if workers > 1 else 1))
    if len(head) < 2:
        yield from (_parse_item(item, words) for item in itertools.chain(head, checked))
        return
    chunks = _chunks(itertools.chain(head, checked), size)
    yield from _pooled(chunks, min(workers, len(head)), words)


def _pooled(
    chunks: Iterator[list[_Checked]], workers: int, words: Vocabulary | None
) -> Generator[Page, None, None]:
    """The pages of ``chunks`` parsed over ``workers`` processes, in order, with at most
    :data:`AHEAD` chunks per worker submitted and not yet yielded."""
    _warm_parent()
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_start_worker)
    pending: deque[Future[list[Page]]] = deque()
    try:
        for chunk in chunks:
            pending.append(pool.submit(_parse_chunk, chunk, words))
            if len(pending) >= workers * AHEAD:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:  # also when the caller stops early: drop the work not yet started
        pool.shutdown(cancel_futures=True)


def _chunks(items: Iterator[_Checked], size: int) -> Iterator[list[_Checked]]:
    """``items`` in lists of ``size`` (the last one shorter)."""
    while chunk := list(itertools.islice(items, min(size, sys.maxsize))):
        yield chunk


def _default_chunksize(texts: Iterable[Item], workers: int) -> int:
    """Inputs per chunk when none is asked: about four chunks per worker of a sized
    input, at most :data:`_MAX_CHUNK`; one at a time from an iterator."""
    if not isinstance(texts, Sized):
        return 1
    return max(1, min(len(texts) // (workers * _CHUNKS_PER_WORKER), _MAX_CHUNK))


def _start_worker() -> None:
    """Start a worker process: Ctrl-C is the calling process's to handle; tables loaded."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    warmup()


def _warm_parent() -> None:
    """Warm up this process when workers fork from it: they start with its tables loaded.

    Their own :func:`warmup` then costs almost nothing; under ``spawn`` or ``forkserver``
    each worker loads everything itself, so the parent is left as it is.
    """
    if multiprocessing.get_start_method() == "fork":
        warmup()


def _workers(processes: int | None) -> int:
    """Return the number of worker processes asked for (None: one per usable CPU core).

    Raises:
        UsageError: when ``processes`` is below 1.
    """
    count = require_count(processes, "processes")
    return usable_cores() if count is None else count


def usable_cores() -> int:
    """Return the number of CPU cores this process may run on (``processes=None``)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _iterable(texts: object) -> Iterable[Item]:
    """``texts`` when it is an iterable of inputs; UsageError for one text or no iterable."""
    if isinstance(texts, (str, bytes, bytearray)) or not isinstance(texts, Iterable):
        kind = type(texts).__name__
        raise UsageError(f"parse_many() takes an iterable of texts (a list), not {kind}")
    return texts


def _checked(item: Item, index: int) -> _Checked:
    """Return ``item`` as a ``(source, text, meta)`` triple, its metadata checked.

    Raises:
        UsageError: when it is neither a text, a (source, text) pair of strings nor a
            (source, text, meta) triple, or ``meta`` has a key of no page metadata.
        DateError, UnknownRegionError, AmbiguousRegionError: for a value of ``meta``.
    """
    if isinstance(item, str):
        return None, item, {}
    if (
        isinstance(item, tuple)
        and len(item) in (2, 3)
        and (item[0] is None or isinstance(item[0], str))
        and isinstance(item[1], str)
        and (len(item) == 2 or isinstance(item[2], Mapping))
    ):
        if len(item) == 2:
            return item[0], item[1], {}
        where = f"input {index}" + (f" ({item[0]})" if item[0] is not None else "")
        return item[0], item[1], check_meta(item[2], where)
    raise UsageError(
        "expected a text, a (source, text) pair of strings or a (source, text, meta) "
        f"triple, got {item!r:.80}"
    )


def _parse_item(item: _Checked, words: Vocabulary | None) -> Page:
    """Return the page of one ``(source, text, meta)`` input."""
    source, text, meta = item
    return parse(text, source=source, vocabulary=words, **meta)


def _parse_chunk(chunk: list[_Checked], words: Vocabulary | None) -> list[Page]:
    """Return the pages of a chunk of inputs (the function workers run)."""
    return [_parse_item(item, words) for item in chunk]
