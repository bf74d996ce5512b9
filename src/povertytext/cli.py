"""The ``povertytext`` command line.

``povertytext parse DIR_OR_FILE…`` parses every input and writes either the
pages or one of their tables:

* pages (the default): one :class:`~povertytext.Page` per input, as JSON Lines
  (``--format jsonl``, the default: one page per line) or as one pretty JSON
  array (``--format json``);
* a table (``--table indicators|pairs|officials|documents``): the rows of
  :func:`povertytext.tables.records`, as CSV with a header line
  (``--format csv``), JSON Lines, a JSON array, Parquet (``parquet``, the
  table's fixed :func:`~povertytext.tables.schema`) or Stata (``dta``, version
  118). Amounts are written as plain decimal strings (``4048000000``), never as
  floats; empty cells are empty. ``--tables all --output-dir DIR`` (or
  ``--tables pairs,documents``) writes each table to ``DIR/TABLE.EXT`` in one
  pass; ``--excel`` writes CSV as UTF-8 with a byte-order mark, for Excel.
  Without ``--format`` the format is the one ``-o``'s extension names
  (``.csv``, ``.jsonl``, ``.json``, ``.parquet``, ``.dta``), else csv with
  ``--output-dir`` or ``--excel``, else jsonl.

``povertytext network DIR_OR_FILE… -o edges.graphml --plot network.png``
writes the assistance network (:func:`povertytext.network`; the ``network``
extra) as GraphML (or ``.gexf``) and draws it. It reads its inputs as ``parse``
does, with the same options.

Inputs: files, directories (every file of a known kind below them, in sorted
order: ``.txt``, ``.html``, ``.htm``, ``.xhtml``, ``.pdf``, in any case; hidden
files and folders, whose names start with a dot, are left out), ``-`` for
standard input (also read when nothing is named and input is piped),
``--example`` for the example speech shipped in the package. Files are read by
:func:`povertytext.readers.read_file`: text in UTF-8, UTF-16, GB18030 (GBK,
GB2312) or Big5, detected; HTML without its markup; PDF with the ``pdf`` extra.
``-o OUT`` writes to a file instead of standard output (UTF-8); ``--processes
N`` parses over N processes (0: one per CPU core). Inputs are read, parsed and
written one at a time (over processes, a few per process ahead, in input order):
memory does not grow with the number of files.

Outputs: ``-o OUT`` and each ``--output-dir`` file are written to a hidden
temporary file beside the target, renamed over it when the run ends; a run
that fails, is interrupted (Ctrl-C: exit status 130, a line saying what was
written) or reads no input at all leaves the old file as it was, and says so.
``-o`` naming an input is refused (a usage error). Lone surrogates (a file
name that is not UTF-8, as :func:`os.fsdecode` gives it) are written as
``\\udcXX`` escapes.

Page metadata: ``--date 2020-09-01`` and ``--region 韶关`` give every input its
publication date and region (the ``date`` and ``region`` of
:func:`povertytext.parse`); ``--meta FILE.csv`` gives them file by file, in
columns ``path,date,region,source`` (``path`` relative to the CSV's folder;
empty cells give nothing; ``source`` replaces the path as the page's label). A
row's value wins over ``--date``/``--region``, which win over an HTML page's own
publication date.

Your own vocabulary: ``--vocabulary DIR`` adds the rows of the CSV files in
``DIR`` (``titles.csv``, ``organizations.csv``, ``region_aliases.csv``,
``metrics.csv``, ``units.csv``, ``pairings.csv``, with the columns of the shipped
tables) to the shipped tables for this run (:class:`povertytext.Vocabulary`).

Standard error gets a progress bar while many files are parsed (when it is a
terminal; tqdm: files done, files per second, time left), then the files of a
folder that are of no known kind, by name (skipped, not errors), then a summary
line: files, documents, indicators, pairs, errors. A file that cannot be read or
decoded, or a folder that cannot be listed, is reported there by name; the other
files are still parsed and written, and the exit status is 1. ``-q``
keeps standard error for errors alone.

>>> main(["--version"])  # doctest: +ELLIPSIS
povertytext ...
0
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TextIO

from pydantic_core import PydanticSerializationError

from . import __version__
from ._export import (
    BINARY,
    FORMATS,
    Format,
    OutputError,
    TableWriter,
    escape_surrogates,
    extension,
    format_of,
    open_writer,
    write_array,
)
from ._meta import MetaRow, page_date, page_region, read_meta_table, real_path
from ._staging import Staged
from .batch import AHEAD, Item, parse_iter, parse_many, usable_cores
from .errors import PovertyTextError
from .graph import import_extra, network, plot_network
from .models import Page
from .readers import KINDS, SourceText, kind_of, read_bytes, read_file
from .tables import TABLES, Table, records
from .vocabulary import Vocabulary

__all__ = ["main"]

_PROG = "povertytext"
_STDIN = "-"
_EXAMPLE = "example"
_HIDDEN = "."  # names that start with it are hidden files and folders
_PROGRESS_FROM = 10  # files: fewer finish before a progress line would help
_AHEAD = AHEAD  # texts read ahead per worker process: memory stays that of a few files
_INTERRUPTED = 130  # the exit status of a run stopped by SIGINT (128 + 2), as shells give


class _OutputError(Exception):
    """The output file cannot be written; the message names it."""


@dataclass
class _Summary:
    """What one run did, for the line on standard error."""

    files: int = 0
    documents: int = 0
    indicators: int = 0
    pairs: int = 0
    errors: int = 0
    skipped: list[str] = field(default_factory=list)

    def add(self, page: Page) -> None:
        self.files += 1
        self.documents += len(page.documents)
        self.indicators += len(page.indicators)
        self.pairs += len(page.pairs)

    def __str__(self) -> str:
        return (
            f"{_PROG}: {_count(self.files, 'file')}, {_count(self.documents, 'document')}, "
            f"{_count(self.indicators, 'indicator')}, {_count(self.pairs, 'pair')}, "
            f"{_count(self.errors, 'error')}"
        )

    def skipped_line(self) -> str | None:
        """Return the line that names the files skipped, or None when none was."""
        if not self.skipped:
            return None
        files = _count(len(self.skipped), "file")
        return f"{_PROG}: skipped {files} of no known kind: {', '.join(self.skipped)}"


class _Progress:
    """A progress bar on standard error (tqdm: ``12/340 files, 8.1 files/s, 00:40 left``),
    erased when the run ends; nothing when not ``shown``."""

    def __init__(self, total: int, shown: bool) -> None:
        from tqdm import tqdm

        self.done = 0
        self._bar = (
            tqdm(total=total, unit="file", file=sys.stderr, leave=False, dynamic_ncols=True)
            if shown
            else None
        )

    def step(self) -> None:
        self.done += 1
        if self._bar is not None:
            self._bar.update()

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``).

    Returns:
        The exit status: 0 when every input was parsed, 1 when some input
        could not be read or decoded, or standard output was closed early,
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
    if args.command not in ("parse", "network"):
        parser.print_help(sys.stderr)
        return 2
    try:
        if args.command == "network":
            return _run_network(args, parser)
        return _run_parse(args, parser)
    except (_OutputError, OutputError) as error:
        print(f"{_PROG}: {error}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # the reader went away (povertytext parse … | head)
        _discard_stdout()
        return 1
    except KeyboardInterrupt:  # before any input was read: nothing written
        print(f"{_PROG}: interrupted; nothing written", file=sys.stderr)
        return _INTERRUPTED


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
    inputs = _input_options()
    parse = commands.add_parser(
        "parse",
        parents=[inputs],
        help="parse texts into pages (JSON) or tables (CSV, JSON, Parquet, Stata)",
        description=(
            "Parse every input and write its page (JSON Lines, or a JSON array) or, "
            "with --table or --tables, the rows of tables (CSV, JSON Lines, a JSON array, "
            "Parquet or Stata)."
        ),
    )
    parse.add_argument(
        "--table", choices=TABLES, help="write the rows of this table instead of the pages"
    )
    parse.add_argument(
        "--tables",
        type=_tables,
        metavar="all|T1,T2",
        help="write these tables (all: " + ", ".join(TABLES) + "), one file each in --output-dir",
    )
    parse.add_argument(
        "--format",
        choices=FORMATS,
        help=(
            "jsonl (one JSON object per line), json (one array), csv, parquet or dta "
            "(Stata 14+); tables only but jsonl and json; default: from -o's extension, "
            "else jsonl (csv with --output-dir)"
        ),
    )
    parse.add_argument(
        "-o", "--output", metavar="OUT", help="write to the file OUT instead of standard output"
    )
    parse.add_argument(
        "--output-dir",
        metavar="DIR",
        help="write each table to DIR/TABLE.EXT (made if missing)",
    )
    parse.add_argument(
        "--excel",
        action="store_true",
        help="CSV that Excel opens with Chinese intact: UTF-8 with a byte-order mark",
    )
    network = commands.add_parser(
        "network",
        parents=[inputs],
        help="write the assistance network as GraphML, and draw it",
        description=(
            "Parse every input and write its assistance network: regions as nodes, one "
            "edge per pair (networkx; pip install 'povertytext[network]')."
        ),
    )
    network.add_argument(
        "-o",
        "--output",
        metavar="EDGES.graphml",
        help="write the graph to this file: .graphml, or .gexf",
    )
    network.add_argument(
        "--plot",
        metavar="NETWORK.png",
        help="draw the network to this image (.png, .svg, .pdf), coloured by province",
    )
    return parser


def _input_options() -> argparse.ArgumentParser:
    """Return the options of every command that reads inputs (a parent parser)."""
    parse = argparse.ArgumentParser(add_help=False)
    parse.add_argument(
        "inputs",
        nargs="*",
        metavar="DIR_OR_FILE",
        help=("text, HTML or PDF files, or folders of them; '-' or none reads standard input"),
    )
    parse.add_argument(
        "--example", action="store_true", help="parse the example text shipped with povertytext"
    )
    parse.add_argument(
        "--processes",
        type=_processes,
        default=1,
        metavar="N",
        help="parse over N processes (default 1; 0: one per CPU core)",
    )
    parse.add_argument(
        "-q", "--quiet", action="store_true", help="no progress or summary line, errors only"
    )
    parse.add_argument(
        "--date",
        type=_cli_date,
        metavar="YYYY[-MM[-DD]]",
        help="publication date of every input: the reference of 今年, 去年 and yearless dates",
    )
    parse.add_argument("--region", metavar="NAME", help="region every input comes from (韶关)")
    parse.add_argument(
        "--meta",
        metavar="FILE.csv",
        help="date, region and source of each file: CSV with columns path,date,region,source",
    )
    parse.add_argument(
        "--vocabulary",
        metavar="DIR_OR_CSV",
        action="append",
        help=(
            "your own rows for the shipped tables: a folder of titles.csv, organizations.csv, "
            "region_aliases.csv, metrics.csv, units.csv, pairings.csv (their columns), or "
            "such files; may be given again"
        ),
    )
    return parse


def _tables(text: str) -> tuple[Table, ...]:
    """Return the ``--tables`` value: ``all``, or table names separated by commas.

    Raises:
        argparse.ArgumentTypeError: for a name that is no table.
    """
    if text == "all":
        return TABLES
    names = tuple(name.strip() for name in text.split(",") if name.strip())
    unknown = [name for name in names if name not in TABLES]
    if unknown or not names:
        raise argparse.ArgumentTypeError(
            f"unknown table {', '.join(unknown) or text!r}: choose all or {', '.join(TABLES)}"
        )
    return names  # type: ignore[return-value]


def _cli_date(text: str) -> str | None:
    """Return the ``--date`` value checked (see :func:`povertytext._meta.page_date`)."""
    try:
        return page_date(text, "--date")
    except PovertyTextError as error:
        raise argparse.ArgumentTypeError(error.message) from None


def _processes(text: str) -> int | None:
    """Return the ``--processes`` value: a count, or None (0 given) for one per core.

    Raises:
        argparse.ArgumentTypeError: when ``text`` is not a whole number ≥ 0.
    """
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"not a number of processes (0 or more): {text!r}")
    return int(text) or None


def _run_parse(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """Parse every input named in ``args`` and write the pages or the tables asked for.

    Returns:
        0 when every input was parsed, else 1.
    """
    plan = _plan(args, parser)
    if plan.tables is None:

        def write(pages: Iterator[Page], staged: Staged) -> None:
            with _output(args.output, staged) as out:
                _write_pages(pages, plan.fmt, out)

        return _run_inputs(args, parser, [args.output] if args.output else [], write)
    return _run_inputs(args, parser, plan.targets(), plan.write_tables)


def _run_network(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """Parse every input named in ``args`` and write its network as a graph file and a picture.

    Returns:
        0 when every input was parsed, else 1.
    """
    if args.output is None and args.plot is None:
        parser.error("give -o EDGES.graphml, --plot NETWORK.png, or both")
    if args.output is not None and _graph_format(args.output) is None:
        parser.error(f"-o {args.output}: write the graph to a .graphml or .gexf file")
    try:
        nx = import_extra("networkx", "networkx is needed for the network")
        if args.plot is not None:
            import_extra("matplotlib", "matplotlib is needed to draw the network")
    except PovertyTextError as error:
        parser.error(str(error))

    targets = [path for path in (args.output, args.plot) if path is not None]

    def write(pages: Iterator[Page], staged: Staged) -> None:
        paths = {target: staged.path(target) for target in targets}  # fail before parsing
        graph = network(pages)
        try:
            if args.output is not None:
                writer = nx.write_gexf if _graph_format(args.output) == "gexf" else nx.write_graphml
                writer(graph, paths[args.output])
            if args.plot is not None:
                plot_network(graph, paths[args.plot])
        except OSError as error:
            raise _OutputError(f"cannot write: {error}") from None

    return _run_inputs(args, parser, targets, write)


def _graph_format(path: str) -> str | None:
    """Return ``graphml`` or ``gexf`` for a graph file's name, None for another."""
    suffix = os.path.splitext(path)[1].lower()
    return {".graphml": "graphml", ".gexf": "gexf"}.get(suffix)


@dataclass
class _Plan:
    """What ``parse`` writes: the pages, or tables each in its file, in one format."""

    fmt: Format
    tables: tuple[Table, ...] | None
    paths: dict[Table, str | None] = field(default_factory=dict)
    excel: bool = False

    def targets(self) -> list[str]:
        """Return the files the plan writes (none: standard output)."""
        return [path for path in self.paths.values() if path is not None]

    def write_tables(self, pages: Iterable[Page], staged: Staged) -> None:
        """Write the rows of every table of the plan, page by page, one pass over the pages."""
        assert self.tables is not None
        writers: dict[Table, TableWriter] = {}
        try:
            for table in self.tables:
                target = self.paths[table]
                path = staged.path(target) if target is not None else None
                writers[table] = open_writer(table, self.fmt, path, excel=self.excel)
            for page in pages:
                for table, writer in writers.items():
                    writer.write(records(page, table))
        finally:
            for writer in writers.values():
                writer.close()


def _plan(args: argparse.Namespace, parser: argparse.ArgumentParser) -> _Plan:
    """Return what to write, from ``--table``/``--tables``, ``--format``, ``-o``, ``--output-dir``.

    The format is ``--format``, else the one ``-o``'s extension names, else csv for
    ``--excel`` or ``--output-dir``, else jsonl.
    """
    if args.table is not None and args.tables is not None:
        parser.error("give --table or --tables, not both")
    tables: tuple[Table, ...] | None = (args.table,) if args.table else args.tables
    if args.output is not None and args.output_dir is not None:
        parser.error("give -o or --output-dir, not both")
    fmt: Format = (
        args.format
        or format_of(args.output)
        or ("csv" if args.excel or args.output_dir is not None else "jsonl")
    )
    if args.excel and fmt != "csv":
        parser.error(f"--excel writes CSV, not {fmt}")
    if tables is None:
        if fmt not in ("jsonl", "json"):
            parser.error(
                f"--format {fmt} needs --table or --tables (indicators, pairs, officials or "
                "documents): pages are written as jsonl or json"
            )
        if args.output_dir is not None:
            parser.error("--output-dir needs --table or --tables")
        return _Plan(fmt, None)
    if args.output_dir is None:
        if len(tables) > 1:
            parser.error("several tables need --output-dir DIR (one file each)")
        if fmt in BINARY and args.output is None:
            parser.error(f"--format {fmt} writes a binary file: give -o FILE or --output-dir")
        return _Plan(fmt, tables, {tables[0]: args.output}, excel=args.excel)
    try:
        os.makedirs(args.output_dir, exist_ok=True)
    except OSError as error:
        raise _OutputError(f"cannot write {args.output_dir}: {error.strerror or error}") from None
    paths: dict[Table, str | None] = {
        table: os.path.join(args.output_dir, table + extension(fmt)) for table in tables
    }
    return _Plan(fmt, tables, paths, excel=args.excel)


def _run_inputs(
    args: argparse.Namespace,
    parser: argparse.ArgumentParser,
    targets: list[str],
    write: Callable[[Iterator[Page], Staged], None],
) -> int:
    """Read and parse every input named in ``args``, handing the pages to ``write``.

    Inputs are read, parsed and written one at a time. ``write`` writes each of
    ``targets`` (none: standard output) to a temporary file of ``staged``; they are
    renamed over their targets when the run ends, unless no input could be read.

    Returns:
        0 when every input was parsed, 1 when some was not, 130 when interrupted.
    """
    summary = _Summary()
    sources = _sources(args.inputs, args.example, summary)
    if not sources and not summary.errors:
        parser.error("no input: give DIR_OR_FILE, '-' for standard input, or --example")
    _refuse_inputs_as_outputs(targets, sources, parser)
    try:
        vocabulary = Vocabulary.from_files(*args.vocabulary) if args.vocabulary else None
    except PovertyTextError as error:
        parser.error(f"--vocabulary: {error}")
    meta = _run_meta(args, parser, vocabulary)
    progress = _Progress(len(sources), shown=_show_progress(len(sources), args.quiet))
    staged = Staged()
    try:
        pages = _pages(sources, summary, meta, progress, args.processes, vocabulary)
        with contextlib.closing(pages):  # closing: stops the pool
            write(_counted(pages, summary, progress), staged)
    except KeyboardInterrupt:
        progress.close()
        print(_interrupted_line(summary, staged.discard()), file=sys.stderr)
        return _INTERRUPTED
    except BaseException:
        progress.close()
        _print_kept(staged.discard())
        raise
    progress.close()
    _finish(summary, staged)
    if not args.quiet:
        unused = meta.unused_line(args.meta)
        if unused is not None:
            print(unused, file=sys.stderr)
        _print_summary(summary)
    return 1 if summary.errors else 0


def _run_meta(
    args: argparse.Namespace, parser: argparse.ArgumentParser, vocabulary: Vocabulary | None
) -> _Meta:
    """The page metadata of the run, its region names read with the run's vocabulary."""
    with vocabulary if vocabulary is not None else contextlib.nullcontext():
        try:
            table = read_meta_table(args.meta) if args.meta else {}
        except PovertyTextError as error:
            parser.error(f"--meta: {error.message}")
        try:
            region = page_region(args.region, "--region") if args.region else None
        except PovertyTextError as error:
            parser.error(f"argument --region: {error.message}")
    return _Meta(args.date, region, table)


def _refuse_inputs_as_outputs(
    targets: list[str], sources: list[str], parser: argparse.ArgumentParser
) -> None:
    """Stop with a usage error when an output file is also an input: it would be lost."""
    inputs = {os.path.realpath(source) for source in sources if source not in _SPECIAL}
    for target in targets:
        if os.path.realpath(target) in inputs:
            parser.error(f"{target} is an input: refusing to write over it")


def _finish(summary: _Summary, staged: Staged) -> None:
    """Rename the outputs over their targets; keep the old ones when no input was read."""
    if summary.files == 0 and summary.errors:
        kept = staged.discard()
        if kept:
            print(f"{_PROG}: no input was read: {', '.join(kept)} left as it was", file=sys.stderr)
        return
    staged.commit()


def _print_kept(kept: list[str]) -> None:
    """Print that the files ``kept`` were left as they were, if any."""
    if kept:
        print(f"{_PROG}: {', '.join(kept)} left as it was", file=sys.stderr)


def _interrupted_line(summary: _Summary, kept: list[str]) -> str:
    """Return the line that says what an interrupted run wrote: nothing to a file."""
    done = f"{_PROG}: interrupted after {_count(summary.files, 'file')}"
    if kept:
        return f"{done}: nothing written, {', '.join(kept)} left as it was"
    return f"{done}: the output of those written to standard output"


def _pages(
    sources: list[str],
    summary: _Summary,
    meta: _Meta,
    progress: _Progress,
    processes: int | None,
    vocabulary: Vocabulary | None,
) -> Generator[Page, None, None]:
    """Return the pages of ``sources``, in order, each read and parsed as its turn comes.

    Over several processes (:func:`povertytext.parse_iter`, one text per chunk), at
    most :data:`_AHEAD` texts per process are read ahead.
    """
    items = _readable(sources, summary, meta, progress)
    workers = min(processes or usable_cores(), len(sources))
    if workers <= 1:
        return (_parse_one(item, vocabulary) for item in items)
    return parse_iter(items, workers, chunksize=1, vocabulary=vocabulary)


def _parse_one(item: Item, vocabulary: Vocabulary | None) -> Page:
    """Return the page of one ``(source, text, metadata)`` input."""
    return parse_many([item], processes=1, vocabulary=vocabulary)[0]


def _print_summary(summary: _Summary) -> None:
    """Print the files skipped, if any, then the summary line, on standard error."""
    skipped = summary.skipped_line()
    if skipped is not None:
        print(skipped, file=sys.stderr)
    print(summary, file=sys.stderr)


def _sources(inputs: list[str], example: bool, summary: _Summary) -> list[str]:
    """Return the inputs to parse, directories expanded; stdin when none is given and piped.

    A directory with no file of a known kind in it is reported and counted as an
    error; the files of no known kind in it are added to ``summary.skipped``.
    """
    sources = [_EXAMPLE] if example else []
    for name in inputs:
        if name != _STDIN and os.path.isdir(name):
            sources.extend(_folder_files(name, summary))
        else:
            sources.append(name)
    if not sources and not inputs and sys.stdin is not None and not sys.stdin.isatty():
        sources.append(_STDIN)
    return sources


def _folder_files(folder: str, summary: _Summary) -> list[str]:
    """Return the files of a known kind below ``folder``, in sorted order; note the others.

    A folder below it that cannot be read is reported and counted as an error.
    """
    files = sorted(str(path) for path in _visible_files(folder, summary))
    found = [name for name in files if kind_of(name) is not None]
    summary.skipped.extend(name for name in files if kind_of(name) is None)
    if not found:
        known = ", ".join(sorted(KINDS))
        _report(f"no file of a known kind ({known}) in {folder}", summary)
    return found


def _visible_files(folder: str, summary: _Summary) -> Iterator[Path]:
    """Yield the files below ``folder`` that are not hidden, nor in a hidden folder.

    A folder that cannot be listed is reported and counted as an error.
    """

    def unreadable(error: OSError) -> None:
        name = os.fsdecode(error.filename) if error.filename is not None else folder
        _report(f"cannot read folder {name}: {error.strerror or error}", summary)

    for parent, folders, names in os.walk(folder, onerror=unreadable):
        folders[:] = sorted(name for name in folders if not name.startswith(_HIDDEN))
        for name in names:
            path = Path(parent, name)
            if not name.startswith(_HIDDEN) and path.is_file():
                yield path


@dataclass
class _Meta:
    """The page metadata of a run: ``--date``, ``--region`` and the ``--meta`` rows."""

    date: str | None = None
    region: object = None
    rows: dict[str, MetaRow] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)

    def of(self, source: str, read: SourceText) -> tuple[str, dict[str, object]]:
        """Return the label and the ``parse`` metadata of the input ``source``."""
        key = real_path(source) if source not in _SPECIAL else ""
        row = self.rows.get(key, _NO_ROW)
        if row is not _NO_ROW:
            self.used.add(key)
        date = row.date or self.date or read.date
        region = row.region or self.region
        return row.source or source, {"date": date, "region": region}

    def unused_line(self, path: str | None) -> str | None:
        """Return the warning naming the ``--meta`` rows that matched no input, or None."""
        unused = sorted(row.line for key, row in self.rows.items() if key not in self.used)
        if not unused:
            return None
        lines = ", ".join(map(str, unused))
        return f"{_PROG}: {path}: {_count(len(unused), 'row')} named no input (lines {lines})"


_NO_ROW = MetaRow(line=0, date=None, region=None, source=None)


_SPECIAL = (_STDIN, _EXAMPLE)


def _readable(
    sources: Iterable[str], summary: _Summary, meta: _Meta, progress: _Progress
) -> Iterator[Item]:
    """Yield ``(source, text, metadata)`` for every input that reads; report the others.

    Errors are those of the readers: a file that cannot be read or decoded, a
    PDF without the ``pdf`` extra installed.
    """
    for source in sources:
        try:
            read = _read_source(source)
        except PovertyTextError as error:
            _report(str(error), summary)
            progress.step()
            continue
        label, options = meta.of(source, read)
        yield label, read.text, options


def _report(message: str, summary: _Summary) -> None:
    """Print ``message`` on standard error and count it as an error."""
    print(f"{_PROG}: {message}", file=sys.stderr)
    summary.errors += 1


def _show_progress(files: int, quiet: bool) -> bool:
    """Return whether to draw the progress line: many files, not quiet, stderr a terminal."""
    isatty = getattr(sys.stderr, "isatty", None)
    return files >= _PROGRESS_FROM and not quiet and isatty is not None and isatty()


def _counted(pages: Iterable[Page], summary: _Summary, progress: _Progress) -> Iterator[Page]:
    """Yield ``pages``, adding each to ``summary`` and advancing ``progress``."""
    for page in pages:
        summary.add(page)
        progress.step()
        yield page


def _write_pages(pages: Iterable[Page], fmt: str, out: TextIO) -> None:
    """Write ``pages`` as JSON Lines (``jsonl``) or one indented JSON array (``json``)."""
    if fmt == "jsonl":
        for page in pages:
            out.write(_page_json(page) + "\n")
        return
    write_array((_page_json(page, indent=2) for page in pages), out)


def _page_json(page: Page, indent: int | None = None) -> str:
    """Return ``page`` as JSON, a lone surrogate (a name not in UTF-8) as its ``\\u`` escape."""
    try:
        return page.model_dump_json(indent=indent)
    except PydanticSerializationError:  # a surrogate: pydantic encodes to UTF-8
        separators = None if indent else (",", ":")
        data = page.model_dump(mode="json")
        return escape_surrogates(
            json.dumps(data, ensure_ascii=False, indent=indent, separators=separators)
        )


@contextlib.contextmanager
def _output(path: str | None, staged: Staged) -> Iterator[TextIO]:
    """Yield standard output, or the temporary file of ``path`` opened for writing in UTF-8.

    Raises:
        OutputError: when ``path`` cannot be opened for writing.
    """
    if path is None:
        yield sys.stdout
        return
    temp = staged.path(path)
    try:
        file = open(temp, "w", encoding="utf-8", newline="")  # noqa: SIM115
    except OSError as error:
        raise _OutputError(f"cannot write {path}: {error.strerror or error}") from None
    with file:
        yield file


def _count(n: int, noun: str) -> str:
    """Return ``n noun`` with the noun in the plural unless n is 1 (``2 files``)."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _read_source(source: str) -> SourceText:
    """Return the text of ``source``: a path, ``-`` (stdin) or ``example``.

    Raises:
        UnreadableTextError: when the input cannot be read or decoded.
    """
    if source == _EXAMPLE:
        return SourceText(text=_example_text(), kind="text", encoding="utf-8")
    if source == _STDIN:
        return _read_stdin()
    return read_file(source)


def _read_stdin() -> SourceText:
    """Return standard input, read like a file (kind sniffed) when its bytes are at hand.

    Raises:
        UnreadableTextError: when its bytes decode to no clean text.
    """
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is None:  # replaced by a text-only stream (tests, embedding)
        return SourceText(text=sys.stdin.read(), kind="text")
    return read_bytes(buffer.read(), "<stdin>")


def _example_text() -> str:
    """Return the example speech shipped in the package (``data/example.txt``).

    >>> "东西部扶贫协作" in _example_text()
    True
    """
    return (resources.files("povertytext") / "data" / "example.txt").read_text("utf-8")
