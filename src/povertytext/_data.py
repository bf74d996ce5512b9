"""Loading of the data tables shipped in ``povertytext/data``, and their caches.

Tables are CSV files whose lines starting with ``#`` are comments (their source
and meaning). Each is read once, on first use, never at import time.

Everything built from a table (a gazetteer, a compiled pattern, a lookup dict) is
built by a function decorated with :func:`loader`: it runs once per vocabulary,
under one lock, and its result is cached. A caller's vocabulary (see
:class:`povertytext.Vocabulary`) gives whole tables (the caller's rows merged
with the shipped ones) for the duration of one call; :func:`read_table` returns
them for the tables it holds, and :func:`loader` keeps one cache per vocabulary,
so that nothing built for one caller's vocabulary is seen by another. No global
state is changed by a vocabulary.
"""

from __future__ import annotations

import csv
import functools
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from importlib import resources
from typing import Any, ParamSpec, Protocol, TypeVar, cast

__all__ = [
    "Loader",
    "Rows",
    "active_rows",
    "load_all",
    "loader",
    "pop",
    "push",
    "read_shipped",
    "read_table",
    "read_text",
    "using",
    "words",
]

P = ParamSpec("P")
R = TypeVar("R")

Rows = tuple[dict[str, str], ...]

# the vocabularies in force in this context, innermost last: each a key naming it
# and its extra rows per table name (none: the shipped tables only)
_ACTIVE: ContextVar[tuple[tuple[object, Mapping[str, Rows]], ...]] = ContextVar(
    "povertytext_vocabulary", default=()
)
_LOCK = threading.RLock()
_LOADERS: list[Loader[Any, Any]] = []  # every loader, in the order they were defined


def push(key: object, rows: Mapping[str, Rows]) -> None:
    """Make ``rows`` (the rows of whole tables, by name) the vocabulary in force here.

    ``key`` names the vocabulary for the caches: two vocabularies with equal keys
    must hold the same rows. The innermost vocabulary in force applies alone.
    """
    _ACTIVE.set((*_ACTIVE.get(), (key, rows)))


def pop() -> None:
    """End the innermost :func:`push` of this context."""
    _ACTIVE.set(_ACTIVE.get()[:-1])


@contextmanager
def using(key: object, rows: Mapping[str, Rows]) -> Iterator[None]:
    """:func:`push` for the duration of a ``with`` block."""
    push(key, rows)
    try:
        yield
    finally:
        pop()


def active_rows(name: str) -> Rows | None:
    """The rows of table ``name`` in the vocabulary in force (None: the shipped rows)."""
    active = _ACTIVE.get()
    if not active:
        return None
    return active[-1][1].get(name)


def _key() -> object:
    active = _ACTIVE.get()
    return active[-1][0] if active else None


class Loader(Protocol[P, R]):
    """A function cached per vocabulary and per arguments, each result built once under one lock."""

    __wrapped__: Callable[P, R]

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> R: ...

    def takes_arguments(self) -> bool:
        """Whether the function takes arguments (then :func:`load_all` leaves it out)."""
        ...

    def cache_size(self) -> int:
        """How many results are cached (over all vocabularies and arguments)."""
        ...

    def cache_clear(self) -> None:
        """Forget every cached result."""
        ...


def load_all() -> int:
    """Build everything the loaders of the imported modules build without arguments.

    Returns how many loaders ran. The modules to load must have been imported.
    """
    ready = [each for each in list(_LOADERS) if not each.takes_arguments()]
    for each in ready:
        each()
    return len(ready)


def loader(func: Callable[P, R]) -> Loader[P, R]:
    """Cache ``func`` per vocabulary and per arguments, built once under one lock.

    Every function that builds something from a data table is decorated with it
    (instead of ``functools.cache``), so that a vocabulary reaches everything
    built from the tables it extends. The cached function is a plain closure (a
    lookup in a dict keyed by the vocabulary in force and the arguments): loaders
    are called in the innermost loops of the readers.
    """
    cache: dict[object, R] = {}
    active = _ACTIVE.get
    code = func.__code__
    takes = bool(code.co_argcount or code.co_kwonlyargcount or code.co_flags & 0x0C)

    def build(key: object, *args: P.args, **kwargs: P.kwargs) -> R:
        with _LOCK:
            if key not in cache:
                cache[key] = func(*args, **kwargs)
            return cache[key]

    def cached(*args: P.args, **kwargs: P.kwargs) -> R:
        stack = active()
        key: object = stack[-1][0] if stack else None
        if args or kwargs:
            key = (key, args, tuple(sorted(kwargs.items())) if kwargs else ())
        try:
            return cache[key]
        except KeyError:
            return build(key, *args, **kwargs)

    alone = cast("Callable[[], R]", func)

    def cached_without_arguments() -> R:
        """``cached()`` for a function that takes no arguments: no tuple or dict of them
        is packed (most loaders, called in the readers' innermost loops)."""
        stack = active()
        key = stack[-1][0] if stack else None
        try:
            return cache[key]
        except KeyError:
            with _LOCK:
                if key not in cache:
                    cache[key] = alone()
                return cache[key]

    def cache_clear() -> None:
        with _LOCK:
            cache.clear()

    chosen = cached if takes else cached_without_arguments
    functools.update_wrapper(chosen, func)
    made = cast("Loader[P, R]", chosen)
    made.takes_arguments = lambda: takes  # type: ignore[method-assign]
    made.cache_size = cache.__len__  # type: ignore[method-assign]
    made.cache_clear = cache_clear  # type: ignore[method-assign]
    _LOADERS.append(made)
    return made


@functools.cache
def read_text(name: str) -> str:
    """Return the text of the data file ``name`` (UTF-8)."""
    return (resources.files("povertytext") / "data" / name).read_text(encoding="utf-8")


@functools.cache
def read_shipped(name: str) -> Rows:
    """Return the rows of the shipped CSV table ``name``, without any vocabulary."""
    lines = [line for line in read_text(name).splitlines() if line and not line.startswith("#")]
    rows = list(csv.reader(lines))
    if rows and all(len(row) == len(rows[0]) for row in rows):
        header = rows[0]  # every row complete: the dicts DictReader makes, made in C
        return tuple(dict(zip(header, row, strict=True)) for row in rows[1:])
    return tuple(dict(row) for row in csv.DictReader(lines))


@loader
def read_table(name: str) -> Rows:
    """Return the rows of the CSV table ``name`` as dicts keyed by its header.

    A vocabulary in force that holds the table gives its rows (the caller's rows
    merged with the shipped ones) instead.

    >>> read_table("numeral_values.csv")[0]
    {'char': '零', 'value': '0', 'role': 'digit'}
    """
    rows = active_rows(name)
    return read_shipped(name) if rows is None else rows


@loader
def words(name: str, role: str) -> tuple[str, ...]:
    """The ``word`` column of the rows of table ``name`` whose ``role`` is ``role``, longest first.

    >>> words("page_words.csv", "reporter_role")
    ('见习记者', '通讯员', '实习生', '记者')
    """
    found = [row["word"] for row in read_table(name) if row["role"] == role]
    return tuple(sorted(found, key=len, reverse=True))
