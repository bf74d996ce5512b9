"""Reading files: plain text in any common Chinese encoding, HTML pages and PDF files.

:func:`read_file` returns a :class:`SourceText`: the text to parse, the kind
of file it came from, the encoding it was decoded from, and the ``<title>``
and publication date of an HTML page. :func:`read_text` returns the text
alone, and :func:`parse_file` parses it. The kind of a file:

* ``pdf``: a ``.pdf`` name, or bytes that open with ``%PDF-``. Read through
  pdfminer.six (``pip install 'povertytext[pdf]'``); lines wrapped inside a
  number, a unit or a word are joined (``40.`` / ``48亿元`` → ``40.48亿元``);
* ``html``: a ``.html``, ``.htm`` or ``.xhtml`` name, or text that opens as an
  HTML document. Markup is removed by the standard library's HTML parser:
  block elements end lines, entities are decoded, scripts, styles and
  navigation are dropped;
* ``text``: anything else.

Bytes are decoded as their byte order mark says (UTF-8, UTF-16, UTF-32), else
as the charset that a ``<meta>`` near their start declares (not for a ``text``
file), else as UTF-8 when they are, else as charset-normalizer detects among
UTF-16, UTF-32, GB18030 (which covers GBK and GB2312) and Big5. A text that still holds a
replacement character, a private-use character or a control character was not
decoded right: that is an :class:`~povertytext.UnreadableTextError`, never
garbage.

>>> import pathlib, tempfile
>>> folder = tempfile.TemporaryDirectory()
>>> path = pathlib.Path(folder.name, "big5.txt")
>>> _ = path.write_bytes("累計投入財政幫扶資金12.6億元，選派掛職幹部128名。".encode("big5"))
>>> source = read_file(path)
>>> source.text, source.kind, source.encoding
('累計投入財政幫扶資金12.6億元，選派掛職幹部128名。', 'text', 'big5')
>>> folder.cleanup()
"""

from __future__ import annotations

import datetime
import os
import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from ._html import html_text, looks_like_markup
from ._pdf import pdf_text
from ._text import UNIFIED_HAN
from .errors import UnreadableTextError, UsageError
from .models import Page
from .page import parse

__all__ = ["KINDS", "Kind", "SourceText", "decode", "kind_of", "parse_file", "path_name",
           "read_bytes", "read_file", "read_text"]  # fmt: skip

Kind = Literal["text", "html", "pdf"]

KINDS: dict[str, Kind] = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".pdf": "pdf",
}
"""The file name extensions povertytext reads, lower case, and the kind of each."""

# Byte order marks, longest first (UTF-32 LE's starts with UTF-16 LE's), and their codecs.
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
# What charset-normalizer chooses among when the bytes are no UTF-8 and have no mark.
_CANDIDATES = ["utf_16", "utf_16_le", "utf_16_be", "utf_32", "gb18030", "big5", "big5hkscs"]
# Characters a right decoding of a real text does not give: the replacement character,
# private-use characters, and control characters other than tab, line and page breaks.
_UNCLEAN = re.compile("[\ufffd\ue000-\uf8ff\U000f0000-\U0010ffff\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
# Characters outside the blocks Chinese texts are written in (ASCII, Latin-1 and general
# punctuation, CJK symbols, unified ideographs, full-width forms): kana, Hangul, Cyrillic,
# rare ideographs and radicals tell a wrong guess between encodings.
_UNLIKELY = re.compile(
    f"[^\t\n\r\f\x20-\x7e\xa0-\xff\u2000-\u206f\u3000-\u303f{UNIFIED_HAN}\uff00-\uffef]"
)
_PDF_MAGIC = b"%PDF-"
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_CHARSET_SCAN = 4096  # bytes of an HTML page searched for its <meta charset>
# Declared charsets that pages use for a wider one.
_WIDER = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "big5": "big5hkscs"}


class SourceText(BaseModel):
    """The text of one file, what kind of file it was, and what the file says about itself.

    ``text`` is what :func:`parse_file` parses, so the offsets of the page's spans
    index it. ``encoding`` is the codec the bytes were decoded with (None for a
    PDF). ``title`` and ``date`` are an HTML page's ``<title>`` and the
    publication date of its ``<meta>`` elements, when it has them.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str
    kind: Kind
    encoding: str | None = None
    title: str | None = None
    date: datetime.date | None = None


def kind_of(path: str | os.PathLike[str]) -> Kind | None:
    """Return the kind of file ``path`` names by its extension, in any case, or None.

    >>> kind_of("A.TXT"), kind_of("news/page.Html"), kind_of("scan.pdf"), kind_of("notes.md")
    ('text', 'html', 'pdf', None)
    """
    return KINDS.get(os.path.splitext(path_name(path, "kind_of"))[1].lower())


def read_file(path: str | os.PathLike[str]) -> SourceText:
    """Return the text of the file at ``path``, with its kind, encoding and metadata.

    Raises:
        UnreadableTextError: naming the file, when it cannot be opened or read
            (missing, a directory, no permission), decoded, or opened as a PDF.
        MissingDependencyError: for a PDF, when the ``pdf`` extra is not installed.
        UsageError: when ``path`` is no path (see :func:`path_name`).
    """
    return _read_file(path_name(path, "read_file"))


def _read_file(name: str) -> SourceText:
    """:func:`read_file` of a checked path."""
    try:
        with open(name, "rb") as file:
            data = file.read()
    except OSError as error:
        raise UnreadableTextError(
            f"cannot read {name}: {error.strerror or error}", path=name
        ) from None
    return read_bytes(data, name, kind_of(name))


def read_text(path: str | os.PathLike[str]) -> str:
    """Return the text of the file at ``path``: what :func:`read_file` reads, without metadata.

    Raises:
        UnreadableTextError: as :func:`read_file`.
        MissingDependencyError: as :func:`read_file`.
        UsageError: when ``path`` is no path (see :func:`path_name`).
    """
    return _read_file(path_name(path, "read_text")).text


def path_name(path: object, function: str) -> str:
    """Return ``path`` (a ``str`` or an :class:`os.PathLike` of one) as a ``str``.

    Raises:
        UsageError: naming ``function``, for anything else (bytes, None, a number) or
            a name holding a NUL character, which no file has.

    >>> path_name(__import__("pathlib").Path("a", "b.txt"), "read_file")
    'a/b.txt'
    >>> path_name(5, "read_file")
    Traceback (most recent call last):
    ...
    povertytext.errors.UsageError: read_file(path=...): expected a file path (str or os.PathLike), got int
    """  # noqa: E501
    try:
        name = os.fspath(path) if isinstance(path, (str, os.PathLike)) else None
    except TypeError:  # an os.PathLike whose __fspath__ gives no path
        name = None
    if not isinstance(name, str):
        kind = type(path).__name__
        raise UsageError(
            f"{function}(path=...): expected a file path (str or os.PathLike), got {kind}"
        )
    if "\x00" in name:
        raise UsageError(f"{function}(path=...): {name!r:.60} holds a NUL character")
    return name


def parse_file(path: str | os.PathLike[str], **meta: Any) -> Page:
    """Return the :class:`~povertytext.Page` of the file at ``path``, labelled with its path.

    ``meta`` are keyword arguments of :func:`povertytext.parse`, passed on:
    ``source``, the label kept on the page (default: ``path``), ``date`` and
    ``region``, the page's publication date and region. An HTML page's
    publication date (:func:`read_file`'s ``date``) is the date when none is given.

    Raises:
        UnreadableTextError: when the file cannot be read or decoded.
        MissingDependencyError: for a PDF, when the ``pdf`` extra is not installed.
        UsageError: when ``path`` is no path (see :func:`path_name`), for a
            keyword that ``parse`` does not take, or a ``source`` that is no ``str``.
        DateError, UnknownRegionError, AmbiguousRegionError: for a ``date`` or
            ``region`` that ``parse`` cannot use.
    """
    name = path_name(path, "parse_file")
    options: dict[str, Any] = {"source": name, **meta}
    unknown = sorted(set(options) - set(_parse_options()))
    if unknown:
        raise UsageError(
            f"parse_file() got {', '.join(unknown)}; it passes on {', '.join(_parse_options())}"
        )
    source = _read_file(name)
    if options.get("date") is None and source.date is not None:
        options["date"] = source.date
    return parse(source.text, **options)


def _parse_options() -> list[str]:
    """Return the keyword arguments of :func:`parse` after the text."""
    import inspect

    return list(inspect.signature(parse).parameters)[1:]


def read_bytes(data: bytes, name: str, kind: Kind | None = None) -> SourceText:
    """Return the text of the bytes of a file named ``name``, of ``kind`` (None: sniffed).

    >>> read_bytes("<html><title>t</title><p>扶贫&amp;协作</p></html>".encode(), "<stdin>").text
    '扶贫&协作'

    Raises:
        UnreadableTextError: as :func:`read_file`.
        MissingDependencyError: as :func:`read_file`.
        UsageError: when ``data`` is no ``bytes`` or ``name`` no ``str``.
    """
    _require_bytes(data, name, "read_bytes")
    if kind == "pdf" or (kind is None and data.startswith(_PDF_MAGIC)):
        return SourceText(text=_checked(pdf_text(data, name), name, "PDF"), kind="pdf")
    text, encoding = _decoded(data, name, kind)
    if kind == "html" or (kind is None and looks_like_markup(text)):
        page = html_text(text)
        return SourceText(
            text=page.text, kind="html", encoding=encoding, title=page.title, date=page.date
        )
    return SourceText(text=text, kind="text", encoding=encoding)


def decode(data: bytes, name: str) -> str:
    """Return ``data`` decoded as its byte order mark says, else as a ``<meta>`` charset
    near its start declares, else as UTF-8, else as detected.

    Raises:
        UnreadableTextError: naming ``name``, when no encoding gives a clean text.
        UsageError: when ``data`` is no ``bytes`` or ``name`` no ``str``.

    >>> decode("扶贫".encode("gbk"), "old.txt"), decode("扶貧".encode("utf-16"), "hk.txt")
    ('扶贫', '扶貧')
    """
    _require_bytes(data, name, "decode")
    return _decoded(data, name)[0]


def _require_bytes(data: object, name: object, function: str) -> None:
    """Raise :class:`UsageError` unless ``data`` is ``bytes`` and ``name`` a ``str``."""
    if not isinstance(data, (bytes, bytearray)):
        raise UsageError(f"{function}(data=...): expected bytes, got {type(data).__name__}")
    if not isinstance(name, str):
        raise UsageError(f"{function}(name=...): expected a str, got {type(name).__name__}")


def _decoded(data: bytes, name: str, kind: Kind | None = None) -> tuple[str, str]:
    """Return ``data`` decoded, and the codec (see :func:`decode`); HTML may declare its own.

    Raises:
        UnreadableTextError: when no encoding gives a clean text.
    """
    marked = _bom_codec(data)
    if marked is not None:  # a byte order mark does not lie
        text = _strict(data, marked)
        if text is None:
            raise UnreadableTextError(
                f"cannot decode {name}: its byte order mark says {marked}, its bytes are not",
                path=name,
            )
        return _checked(text, name, marked), marked
    declared = _declared_charset(data) if kind != "text" else None
    for codec in (declared, "utf-8"):
        text = _strict(data, codec) if codec is not None else None
        if text is not None and _UNCLEAN.search(text) is None:
            return text, str(codec)
    return _detected(data, name)


def _detected(data: bytes, name: str) -> tuple[str, str]:
    """Return ``data`` decoded as charset-normalizer detects, and the codec.

    On a short text several encodings decode cleanly (4 bytes of GBK are also 2
    characters of Big5): of charset-normalizer's matches, the one with the fewest
    characters that Chinese texts seldom hold wins, then the least chaotic.

    Raises:
        UnreadableTextError: when no candidate encoding gives a clean text.
    """
    from charset_normalizer import from_bytes

    decodings = []
    for rank, match in enumerate(from_bytes(data, cp_isolation=_CANDIDATES)):
        codec = match.encoding.replace("_", "-")
        text = _strict(data, codec)
        if text is not None and _UNCLEAN.search(text) is None:
            decodings.append((len(_UNLIKELY.findall(text)), match.chaos, rank, text, codec))
    if not decodings:
        raise UnreadableTextError(
            f"cannot decode {name}: no encoding reads it cleanly "
            "(tried UTF-8, UTF-16, UTF-32, GB18030, Big5)",
            path=name,
        )
    *_, text, codec = min(decodings)
    return text, codec


def _checked(text: str, name: str, encoding: str) -> str:
    """Return ``text`` when it holds no character a right decoding does not give.

    Raises:
        UnreadableTextError: naming ``name``, with the first such character and its offset.
    """
    bad = _UNCLEAN.search(text)
    if bad is None:
        return text
    raise UnreadableTextError(
        f"cannot decode {name}: as {encoding} it holds U+{ord(bad.group()):04X} "
        f"at character {bad.start()}, no character of a real text",
        path=name,
    )


def _strict(data: bytes, codec: str) -> str | None:
    """Return ``data`` decoded strictly with ``codec``, or None when it does not decode."""
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _bom_codec(data: bytes) -> str | None:
    """Return the codec that the byte order mark at the start of ``data`` names, or None."""
    return next((codec for bom, codec in _BOMS if data.startswith(bom)), None)


def _declared_charset(data: bytes) -> str | None:
    """Return the charset an HTML page declares in a ``<meta>`` near its start, or None."""
    match = _CHARSET.search(data[:_CHARSET_SCAN])
    if match is None:
        return None
    declared = match.group(1).decode("ascii", "replace").lower()
    return _WIDER.get(declared, declared)
