"""The ``povertytext`` command line.

``povertytext parse FILE…`` reads each file (``-`` for standard input) and
prints one JSON object per input, one per line (JSON Lines)::

    {"source": "speech.txt", "quantities": [...], "dates": [...]}

Files are read as UTF-8 (with or without a byte order mark), else as GB18030,
which also covers GBK and GB2312. A file that cannot be read or decoded is
reported on standard error; the other files are still parsed and the exit
status is 1.

>>> main(["--version"])  # doctest: +ELLIPSIS
povertytext ...
0
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import sys
from collections.abc import Sequence
from importlib import resources
from typing import Any

from . import __version__
from .dates import extract_dates
from .quantities import extract_quantities

__all__ = ["main"]

_PROG = "povertytext"
_STDIN = "-"
_EXAMPLE = "example"


class _InputError(Exception):
    """An input that cannot be read or decoded; the message names it."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``).

    Returns:
        The exit status: 0 when every input was parsed, 1 when some input
        could not be read or decoded or standard output was closed early,
        2 when no command was given.

    Raises:
        SystemExit: for ``--help`` (status 0) and usage errors (status 2),
            as argparse does.
    """
    parser = _build_parser()
    args = parser.parse_args(argv)
    if args.version:
        print(f"{_PROG} {__version__}")
        return 0
    if args.command != "parse":
        parser.print_help(sys.stderr)
        return 2
    try:
        return _run_parse(args, parser)
    except BrokenPipeError:  # the reader went away (povertytext parse … | head)
        _discard_stdout()
        return 1


def _discard_stdout() -> None:
    """Point standard output at the null device, so that exiting flushes nothing.

    Without this, Python reports a second broken pipe while flushing at exit.
    """
    try:
        fileno = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # not a real file: nothing to flush
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fileno)
    os.close(devnull)


def _build_parser() -> argparse.ArgumentParser:
    """Return the argument parser with its ``parse`` subcommand."""
    parser = argparse.ArgumentParser(
        prog=_PROG,
        description="Typed, exact, traceable data from Chinese poverty-alleviation texts.",
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    parse = commands.add_parser(
        "parse",
        help="print quantities and dates of each file as JSON Lines",
        description="Print one JSON object per input: source, quantities and dates.",
    )
    parse.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="text files (UTF-8 or GB18030); '-' or none reads standard input",
    )
    parse.add_argument(
        "--example", action="store_true", help="parse the example text shipped with povertytext"
    )
    parse.add_argument(
        "--reference",
        type=_iso_date,
        metavar="YYYY-MM-DD",
        help="date that resolves relative and year-less dates (今年, 8月18日)",
    )
    return parser


def _iso_date(text: str) -> datetime.date:
    """Return the date written as ``YYYY-MM-DD``.

    Raises:
        argparse.ArgumentTypeError: when ``text`` is not such a date.
    """
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {text!r}") from None


def _run_parse(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """Parse every input named in ``args`` and print one JSON line for each.

    Returns:
        0 when every input was parsed, else 1.
    """
    sources = _sources(args.files, args.example)
    if not sources:
        parser.error("no input: give FILE, '-' for standard input, or --example")
    status = 0
    for source in sources:
        try:
            text = _read_source(source)
        except _InputError as error:
            print(f"{_PROG}: {error}", file=sys.stderr)
            status = 1
            continue
        print(json.dumps(_parse_record(source, text, args.reference), ensure_ascii=False))
    return status


def _sources(files: list[str], example: bool) -> list[str]:
    """Return the inputs to parse: the example first, then files; stdin if none is piped."""
    sources = [_EXAMPLE] if example else []
    sources.extend(files)
    if not sources and sys.stdin is not None and not sys.stdin.isatty():
        sources.append(_STDIN)
    return sources


def _parse_record(source: str, text: str, reference: datetime.date | None) -> dict[str, Any]:
    """Return the JSON-ready record of one input: its source, quantities and dates."""
    return {
        "source": source,
        "quantities": [q.model_dump(mode="json") for q in extract_quantities(text)],
        "dates": [d.model_dump(mode="json") for d in extract_dates(text, reference=reference)],
    }


def _read_source(source: str) -> str:
    """Return the text of ``source``: a path, ``-`` (stdin) or ``example``.

    Raises:
        _InputError: when the input cannot be read or decoded.
    """
    if source == _EXAMPLE:
        return _example_text()
    if source == _STDIN:
        return _read_stdin()
    try:
        with open(source, "rb") as file:
            data = file.read()
    except OSError as error:
        raise _InputError(f"cannot read {source}: {error.strerror or error}") from None
    return _decode(data, source)


def _read_stdin() -> str:
    """Return standard input, decoded like a file when its bytes are at hand.

    Raises:
        _InputError: when its bytes are neither UTF-8 nor GB18030.
    """
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is None:  # replaced by a text-only stream (tests, embedding)
        return sys.stdin.read()
    return _decode(buffer.read(), "<stdin>")


def _decode(data: bytes, name: str) -> str:
    """Return ``data`` decoded as UTF-8 (a leading BOM dropped), else as GB18030.

    Raises:
        _InputError: naming ``name`` when neither encoding fits.
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError as error:
        raise _InputError(
            f"cannot decode {name}: neither UTF-8 nor GB18030 "
            f"(byte 0x{data[error.start]:02x} at offset {error.start})"
        ) from None


def _example_text() -> str:
    """Return the example speech shipped in the package (``data/example.txt``).

    >>> "东西部扶贫协作" in _example_text()
    True
    """
    return (resources.files("povertytext") / "data" / "example.txt").read_text("utf-8")
