"""The exceptions povertytext raises.

Every error is a :class:`PovertyTextError`; each subclass has a stable ``code``
that callers and tests can rely on, the offending ``input`` and the
``position`` (a string offset into ``input``) where the problem was seen::

    PovertyTextError            code "povertytext"
    ├── NumeralError            code "numeral"      a numeral cannot be read
    │   └── MaskedNumberError   code "masked"       digits are masked (*.**, ××)
    ├── QuantityError           code "quantity"     a numeral reads, the rest is no unit
    ├── DateError               code "date"         a date expression cannot be read
    ├── UnknownRegionError      code "region_unknown"    no administrative unit has the name
    ├── AmbiguousRegionError    code "region_ambiguous"  several units have it; .candidates
    ├── UnreadableTextError     code "unreadable"   a file cannot be read or decoded; .path
    ├── MissingDependencyError  code "missing_dependency"  an optional extra is not installed
    ├── VocabularyError         code "vocabulary"   a vocabulary file or row that does not fit
    │                                               its table; .path, .line
    ├── UsageError              code "usage"        an argument out of range or of the wrong
    │                                               type (processes=0, processes="2",
    │                                               source=b"x", an unknown table name)
    └── NotTextError            code "not_text"     a text argument that is no str (bytes,
                                                    None); also a TypeError

Parse functions that take a whole string (``parse_number``,
``parse_quantity``) raise these. Extractors that scan free text never raise on
text: they return what they found.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .models import Region

__all__ = [
    "AmbiguousRegionError",
    "DateError",
    "MaskedNumberError",
    "MissingDependencyError",
    "NotTextError",
    "NumeralError",
    "PovertyTextError",
    "QuantityError",
    "UnknownRegionError",
    "UnreadableTextError",
    "UsageError",
    "VocabularyError",
    "require_count",
    "require_label",
    "require_text",
]


class PovertyTextError(ValueError):
    """Base class of every error raised by povertytext."""

    code = "povertytext"

    def __init__(self, message: str, *, input: str = "", position: int | None = None) -> None:
        self.input = input
        self.position = position
        where = f" at position {position}" if position is not None else ""
        detail = f" in {input!r}{where}" if input else where
        super().__init__(f"{message}{detail}")
        self.message = message


class NumeralError(PovertyTextError):
    """A string that should be one numeral is not (empty, stray characters, bad grammar)."""

    code = "numeral"


class MaskedNumberError(NumeralError):
    """The numeral's digits are masked (``*.**``, ``××``): its value is unknown."""

    code = "masked"


class QuantityError(PovertyTextError):
    """A string that should be one quantity has no readable numeral or an unknown unit."""

    code = "quantity"


class DateError(PovertyTextError):
    """A string that should be one date expression cannot be read."""

    code = "date"


class UnknownRegionError(PovertyTextError):
    """No administrative unit has this name."""

    code = "region_unknown"

    def __init__(self, message: str, *, input: str = "", position: int | None = None) -> None:
        super().__init__(message, input=input, position=position)
        self.candidates: tuple[Region, ...] = ()


class AmbiguousRegionError(PovertyTextError):
    """Several administrative units have this name and nothing decides between them."""

    code = "region_ambiguous"

    def __init__(
        self,
        message: str,
        *,
        candidates: Sequence[Region],
        input: str = "",
        position: int | None = None,
    ) -> None:
        super().__init__(message, input=input, position=position)
        self.candidates: tuple[Region, ...] = tuple(candidates)


class UnreadableTextError(PovertyTextError):
    """A file that cannot be read, or whose bytes no encoding reads cleanly, or a broken PDF.

    ``path`` is the file as given; the message names it and says why.
    """

    code = "unreadable"

    def __init__(self, message: str, *, path: str) -> None:
        super().__init__(message)
        self.path = path


class MissingDependencyError(PovertyTextError, ImportError):
    """An optional dependency (pandas, pyarrow, dask) is not installed; the message says how."""

    code = "missing_dependency"


class VocabularyError(PovertyTextError):
    """A vocabulary file or row that cannot extend the shipped tables.

    ``path`` names the file (``None`` for rows given in code) and ``line`` its
    line (1-based, or ``None``).
    """

    code = "vocabulary"

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        where = path if line is None else f"{path}, line {line}"
        super().__init__(f"{where}: {message}" if where else message)
        self.path = path
        self.line = line


class UsageError(PovertyTextError):
    """An argument the function cannot use: an unknown table name, ``processes=0``, a
    keyword argument of the wrong type (``reference=5``, ``source=b"x"``)."""

    code = "usage"


class NotTextError(PovertyTextError, TypeError):
    """A function that reads text was given something else (bytes, None, a number)."""

    code = "not_text"


def require_text(value: object, function: str) -> None:
    """Raise :class:`NotTextError` unless ``value`` is a ``str``.

    >>> try:
    ...     require_text(b"abc", "parse")
    ... except NotTextError as error:
    ...     print(error.code, error.message.split(":")[0])
    not_text parse() reads a str, not bytes
    """
    if isinstance(value, str):
        return
    kind = type(value).__name__
    hint = (
        ": decode the bytes first (povertytext.readers.decode detects their encoding)"
        if isinstance(value, (bytes, bytearray))
        else ""
    )
    raise NotTextError(f"{function}() reads a str, not {kind}{hint}")


def require_label(value: object, where: str) -> None:
    """Raise :class:`UsageError` unless ``value`` is None or a ``str`` (a page's source).

    >>> require_label(b"x", "parse(source=...)")
    Traceback (most recent call last):
    ...
    povertytext.errors.UsageError: parse(source=...): expected a str or None, got bytes
    """
    if value is not None and not isinstance(value, str):
        raise UsageError(f"{where}: expected a str or None, got {type(value).__name__}")


def require_count(value: object, where: str) -> int | None:
    """``value`` as a whole number of at least 1 (None stays None), else :class:`UsageError`.

    >>> require_count("2", "processes")
    Traceback (most recent call last):
    ...
    povertytext.errors.UsageError: processes must be a whole number (int) of at least 1, not '2'
    """
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise UsageError(f"{where} must be a whole number (int) of at least 1, not {value!r:.40}")
    return value
