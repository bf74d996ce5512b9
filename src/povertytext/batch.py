"""Many documents: parse a corpus over a pool of processes, results in input order.

:func:`parse_many` takes texts, or ``(source, text)`` pairs (so a dict of
texts by file name goes in as ``texts.items()``), and returns one
:class:`~povertytext.Page` per input, in input order. With ``processes=1``,
or a single input, it runs in the calling process; otherwise each worker
process first calls :func:`warmup`, so tables and dictionaries load once per
worker and not inside the first chunk. :func:`parse_iter` yields the same
pages one by one, as they are ready, still in input order.

Files: :func:`read_text` reads a text, HTML or PDF file, its encoding detected,
and :func:`parse_file` is ``parse(read_text(path), source=str(path))`` (both
from :mod:`povertytext.readers`, see ``docs/inputs.md``); both are plain
module-level functions, so they pickle and serve as the map step of Dask or any
other engine (see ``docs/tutorial.md``). Pages pickle too.

>>> [page.source for page in parse_many([("a.txt", "选派干部128名。"), "投入3000万元。"])]
['a.txt', None]
"""

from __future__ import annotations

import os
from collections.abc import Generator, Iterable
from concurrent.futures import ProcessPoolExecutor
from typing import Union

from . import regions
from ._data import read_text as _read_data_text
from .errors import UnreadableTextError, UsageError
from .layout import parse
from .models import Page
from .readers import decode, parse_file, read_text

__all__ = [
    "Item",
    "UnreadableTextError",
    "decode",
    "parse_file",
    "parse_iter",
    "parse_many",
    "read_text",
    "warmup",
]

Item = Union[str, tuple[str | None, str]]  # noqa: UP007
"""One input of :func:`parse_many`: a text, or a ``(source, text)`` pair."""

_CHUNKS_PER_WORKER = 4  # chunks handed to each worker: small enough to balance uneven texts


def warmup() -> None:
    """Load every table and dictionary that parsing uses, now rather than on first use.

    Called once in each worker process of :func:`parse_many`; call it in your
    own workers (Dask, a web server) before the first request. It preloads the
    region gazetteer and parses the example speech shipped in the package, which
    loads whatever else the pipeline reads lazily. Safe to call again: it costs
    almost nothing once loaded.

    >>> warmup()
    """
    regions.preload()
    parse(_read_data_text("example.txt"))


def parse_many(
    texts: Iterable[Item], processes: int | None = None, *, chunksize: int | None = None
) -> list[Page]:
    """Return the :class:`~povertytext.Page` of every input, in input order.

    Args:
        texts: texts, or ``(source, text)`` pairs; ``source`` labels the page
            (``Page.source``), e.g. a file name.
        processes: worker processes; None for one per CPU core, 1 to run in
            the calling process.
        chunksize: inputs sent to a worker at a time; by default the inputs
            are cut into about four chunks per worker.

    Raises:
        TypeError: when an input is neither a ``str`` nor a ``(source, text)`` pair.
        UsageError: when ``processes`` or ``chunksize`` is below 1.

    >>> pages = parse_many({"a.txt": "投入帮扶资金3000万元。"}.items(), processes=1)
    >>> [(page.source, page.length) for page in pages]
    [('a.txt', 13)]
    """
    return list(parse_iter(texts, processes, chunksize=chunksize))


def parse_iter(
    texts: Iterable[Item], processes: int | None = None, *, chunksize: int | None = None
) -> Generator[Page, None, None]:
    """Yield the :class:`~povertytext.Page` of every input, in input order, as each is ready.

    Arguments and errors are those of :func:`parse_many`, raised when iteration
    starts: the inputs are all read and checked before the first page is made.
    Closing the generator early (``close()``, or leaving a ``with
    contextlib.closing(...)`` block) stops the pool and drops the work not started.
    """
    items = [_checked(item) for item in texts]
    workers = _workers(processes)
    if chunksize is not None and chunksize < 1:
        raise UsageError(f"chunksize must be at least 1, not {chunksize}")
    if workers == 1 or len(items) < 2:
        yield from (_parse_item(item) for item in items)
        return
    workers = min(workers, len(items))
    size = chunksize or max(1, len(items) // (workers * _CHUNKS_PER_WORKER))
    pool = ProcessPoolExecutor(max_workers=workers, initializer=warmup)
    try:
        yield from pool.map(_parse_item, items, chunksize=size)
    finally:  # also when the caller stops early: drop the work not yet started
        pool.shutdown(cancel_futures=True)


def _workers(processes: int | None) -> int:
    """Return the number of worker processes asked for (None: one per usable CPU core).

    Raises:
        UsageError: when ``processes`` is below 1.
    """
    if processes is None:
        return _cpu_count()
    if processes < 1:
        raise UsageError(f"processes must be at least 1, not {processes}")
    return processes


def _cpu_count() -> int:
    """Return the CPU cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _checked(item: Item) -> tuple[str | None, str]:
    """Return ``item`` as a ``(source, text)`` pair.

    Raises:
        TypeError: when it is neither a text nor a (source, text) pair of strings.
    """
    if isinstance(item, str):
        return None, item
    if (
        isinstance(item, tuple)
        and len(item) == 2
        and (item[0] is None or isinstance(item[0], str))
        and isinstance(item[1], str)
    ):
        return item
    raise UsageError(f"expected a text or a (source, text) pair of strings, got {item!r:.80}")


def _parse_item(item: tuple[str | None, str]) -> Page:
    """Return the page of one ``(source, text)`` input (the function workers run)."""
    source, text = item
    return parse(text, source=source)
