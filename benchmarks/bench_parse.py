"""Speed of ``povertytext.parse``: against jieba's POS tagger, and over 1 and 2 processes.

(a) ``parse`` on every corpus file against ``jieba.posseg.lcut`` on the same
    texts: characters per second and the ratio. jieba's dictionary is loaded
    (``jieba.initialize()`` and one call) and ``parse`` is warmed up before
    timing, so neither pays its loading inside the measurement.
(b) ``parse_many`` with ``processes=1`` and ``processes=2`` on the corpus
    repeated to about ``--megabytes`` of UTF-8 (``(source, text)`` pairs, one per
    file copy): the time includes starting the pool and its workers' warm-up,
    as a caller sees it. The speed-up is time(1) / time(2).

Each time is the best of ``--repeats`` runs of ``time.perf_counter``.

    python -m pip install -e '.[bench]'
    python benchmarks/bench_parse.py [--corpus DIR] [--megabytes 3] [--repeats 3]
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

_ROOT = Path(__file__).resolve().parent.parent
_DEFAULT_CORPUS = _ROOT.parent / "shared" / "corpus"


def main(argv: Sequence[str] | None = None) -> int:
    """Run both benchmarks and print their figures.

    Returns:
        0, or 1 when the corpus folder holds no ``*.txt`` file.
    """
    args = _parse_args(argv)
    texts = _read_corpus(args.corpus)
    if not texts:
        print(f"no *.txt file in {args.corpus}", file=sys.stderr)
        return 1
    _describe_machine()
    _bench_against_jieba(texts, args.repeats)
    _bench_processes(texts, int(args.megabytes * 1_000_000), args.repeats)
    return 0


def _parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Return the command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=_DEFAULT_CORPUS, help="folder of *.txt")
    parser.add_argument("--megabytes", type=float, default=3.0, help="size of the (b) corpus")
    parser.add_argument("--repeats", type=int, default=3, help="runs per measure; the best counts")
    return parser.parse_args(argv)


def _read_corpus(folder: Path) -> list[tuple[str, str]]:
    """Return the ``*.txt`` files of ``folder`` as (name, text) pairs, in name order."""
    return [(path.name, path.read_text("utf-8")) for path in sorted(folder.glob("*.txt"))]


def _describe_machine() -> None:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"machine: {platform.machine()}, {cores} cores, Python {platform.python_version()}")


def _best(run: Callable[[], Any], repeats: int) -> float:
    """Return the best wall time of ``repeats`` calls of ``run``, in seconds."""
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - started)
    return best


# ---------------------------------------------------------------- (a) parse vs jieba.posseg


def _bench_against_jieba(texts: list[tuple[str, str]], repeats: int) -> None:
    """Time ``parse`` and ``jieba.posseg.lcut`` over the same texts, one call per file."""
    import jieba
    import jieba.posseg

    import povertytext

    chars = sum(len(text) for _, text in texts)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # jieba's pkg_resources warning on import
        jieba.setLogLevel(60)
        jieba.initialize()
        jieba.posseg.lcut(texts[0][1])
    for source, text in texts:  # warm-up: every lazy table loads now
        povertytext.parse(text, source=source)

    def run_parse() -> None:
        for source, text in texts:
            povertytext.parse(text, source=source)

    def run_jieba() -> None:
        for _, text in texts:
            jieba.posseg.lcut(text)

    ours = _best(run_parse, repeats)
    theirs = _best(run_jieba, repeats)
    print(f"\n(a) {len(texts)} files, {chars:,} characters, best of {repeats}")
    print(f"{'tool':<24} {'seconds':>8} {'chars/s':>12}")
    print(f"{'povertytext.parse':<24} {ours:>8.3f} {chars / ours:>12,.0f}")
    print(f"{'jieba.posseg.lcut':<24} {theirs:>8.3f} {chars / theirs:>12,.0f}")
    print(f"parse is {theirs / ours:.1f}× as fast as jieba.posseg")


# ---------------------------------------------------------------- (b) parse_many, 1 vs 2 processes


def _bench_processes(texts: list[tuple[str, str]], size: int, repeats: int) -> None:
    """Time ``parse_many`` over 1 and 2 processes on the corpus repeated to ``size`` bytes."""
    from povertytext.batch import parse_many

    items = _repeat_to_size(texts, size)
    chars = sum(len(text) for _, text in items)
    megabytes = sum(len(text.encode("utf-8")) for _, text in items) / 1e6
    parse_many(items[: len(texts)], processes=1)  # warm-up in this process
    one = _best(lambda: parse_many(items, processes=1), repeats)
    two = _best(lambda: parse_many(items, processes=2), repeats)
    print(f"\n(b) {len(items)} texts, {megabytes:.1f} MB, {chars:,} characters, best of {repeats}")
    print(f"{'parse_many':<24} {'seconds':>8} {'chars/s':>12}")
    print(f"{'processes=1':<24} {one:>8.3f} {chars / one:>12,.0f}")
    print(f"{'processes=2':<24} {two:>8.3f} {chars / two:>12,.0f}")
    print(f"2 processes: {one / two:.2f}× the throughput of 1")


def _repeat_to_size(texts: list[tuple[str, str]], size: int) -> list[tuple[str, str]]:
    """Return copies of ``texts``, each labelled ``copy/name``, until ``size`` bytes of UTF-8."""
    bytes_per_copy = sum(len(text.encode("utf-8")) for _, text in texts)
    copies = -(-size // bytes_per_copy)
    return [(f"{n}/{name}", text) for n in range(copies) for name, text in texts]


if __name__ == "__main__":
    sys.exit(main())
