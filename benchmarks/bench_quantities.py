"""Speed of ``povertytext.extract_quantities`` against its peers, on the same text.

Peers: JioNLP's money extractor (``jionlp.ner.extract_money``), cn2an's
``transform(text, "cn2an")`` and chinese2digits' ``takeNumberFromString``.

The corpus texts are joined and repeated to about ``--megabytes`` of UTF-8, then
split into lines: every tool is called once per non-blank line, on the same
lines in the same order (the peers slow down badly on one huge string). Each
tool is warmed up once on the first line (lazy tables and dictionaries load
outside the timing); the time reported is the best of ``--repeats`` runs of
``time.perf_counter``. Warnings (cn2an warns for every numeral it cannot read)
are silenced for every tool alike.

    python -m pip install -e '.[bench]'
    python benchmarks/bench_quantities.py [--corpus DIR] [--megabytes 3] [--repeats 3]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_ROOT = Path(__file__).resolve().parent.parent
_DEFAULT_CORPUS = _ROOT.parent / "shared" / "corpus"

Extractor = Callable[[str], Any]


@dataclass(frozen=True)
class Timing:
    """The best time of one tool over all chunks, and how many results it returned."""

    tool: str
    seconds: float
    results: int


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print its table.

    Returns:
        0, or 1 when the corpus folder holds no ``*.txt`` file.
    """
    args = _parse_args(argv)
    corpus = _read_corpus(args.corpus)
    if not corpus:
        print(f"no *.txt file in {args.corpus}", file=sys.stderr)
        return 1
    text = _repeat_to_size(corpus, int(args.megabytes * 1_000_000))
    chunks = _chunks(text)
    chars = sum(len(chunk) for chunk in chunks)
    _describe_input(args.corpus, text, chunks, chars, args.repeats)
    timings = [_time_tool(name, fn, chunks, args.repeats) for name, fn in _tools()]
    _print_table(timings, chars)
    return 0


def _parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Return the command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=_DEFAULT_CORPUS, help="folder of *.txt")
    parser.add_argument("--megabytes", type=float, default=3.0, help="size of the text (UTF-8)")
    parser.add_argument("--repeats", type=int, default=3, help="runs per tool; the best counts")
    return parser.parse_args(argv)


def _read_corpus(folder: Path) -> str:
    """Return the ``*.txt`` files of ``folder`` joined by newlines, in name order."""
    return "\n".join(path.read_text("utf-8") for path in sorted(folder.glob("*.txt")))


def _repeat_to_size(text: str, size: int) -> str:
    """Return ``text`` repeated until its UTF-8 encoding is at least ``size`` bytes."""
    copies = -(-size // len(text.encode("utf-8")))
    return "\n".join([text] * copies)


def _chunks(text: str) -> list[str]:
    """Return the non-blank lines of ``text``: the units every tool is fed."""
    return [line for line in text.splitlines() if line.strip()]


def _describe_input(corpus: Path, text: str, chunks: list[str], chars: int, repeats: int) -> None:
    """Print what is measured and how the input is fed."""
    megabytes = len(text.encode("utf-8")) / 1e6
    print(f"corpus: {corpus}")
    print(f"text: {megabytes:.1f} MB of UTF-8, {len(text):,} characters")
    print(
        f"input: fed line by line, {len(chunks):,} non-blank lines ({chars:,} characters),"
        " the same lines for every tool"
    )
    print(f"timing: best of {repeats} runs after one warm-up call, warnings silenced\n")


def _tools() -> list[tuple[str, Extractor]]:
    """Return the tools to time, povertytext first, importing each quietly."""
    with contextlib.redirect_stdout(io.StringIO()):  # JioNLP prints a banner on import
        import chinese2digits
        import cn2an
        import jionlp

        import povertytext

    def cn2an_transform(chunk: str) -> Any:
        return cn2an.transform(chunk, "cn2an")

    return [
        ("povertytext.extract_quantities", povertytext.extract_quantities),
        ("jionlp.ner.extract_money", jionlp.ner.extract_money),
        ('cn2an.transform(text, "cn2an")', cn2an_transform),
        ("chinese2digits.takeNumberFromString", chinese2digits.takeNumberFromString),
    ]


def _time_tool(name: str, extract: Extractor, chunks: list[str], repeats: int) -> Timing:
    """Return the best time of ``extract`` over all ``chunks`` in ``repeats`` runs."""
    with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()):
        warnings.simplefilter("ignore")
        extract(chunks[0])
        best = float("inf")
        results = 0
        for _ in range(repeats):
            started = time.perf_counter()
            results = _run(extract, chunks)
            best = min(best, time.perf_counter() - started)
    print(f"  {name}: {best:.2f} s", file=sys.stderr)
    return Timing(name, best, results)


def _run(extract: Extractor, chunks: list[str]) -> int:
    """Call ``extract`` on every chunk; return how many results it returned in all."""
    results = 0
    for chunk in chunks:
        found = extract(chunk)
        results += _count(found)
    return results


def _count(found: Any) -> int:
    """Return the number of mentions in one tool's result for one chunk."""
    if isinstance(found, list):
        return len(found)
    if isinstance(found, dict):  # chinese2digits: the numerals it converted
        return len(found.get("digitsStringList", ()))
    return 0  # cn2an.transform returns the rewritten string


def _print_table(timings: list[Timing], chars: int) -> None:
    """Print characters per second and povertytext's speed relative to each tool."""
    ours = timings[0]
    header = f"{'tool':<38} {'chars/s':>12} {'povertytext ×':>14} {'results':>9}"
    print(header)
    print("-" * len(header))
    for timing in timings:
        speed = chars / timing.seconds
        ratio = timing.seconds / ours.seconds
        results = str(timing.results) if timing.results else "-"
        print(f"{timing.tool:<38} {speed:>12,.0f} {ratio:>13.2f}× {results:>9}")
    print(
        "\npovertytext × = povertytext's characters/second divided by the tool's"
        " (above 1: povertytext is faster)."
        "\nresults: mentions returned (cn2an rewrites text and returns no list)."
    )


if __name__ == "__main__":
    sys.exit(main())
