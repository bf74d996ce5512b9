"""Time ``povertytext.parse`` on hostile pages and on copies of the corpus as one text.

Prints, for each hostile kind of ``tests/hostile.py``, the seconds to parse it at each
size (25 K, 100 K and 400 K characters by default) and the ratio of the largest to the
one a quarter of its size; then the time of 10 and of 80 copies of the corpus
(``../shared/corpus/*.txt``) joined into one text, and their ratio. Every figure is the
median of ``--repeats`` runs (the machine may be shared).

    python benchmarks/bench_hostile.py [--sizes 25000 100000 400000] [--kinds commas masks]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

import hostile

import povertytext


def _median_seconds(text: str, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        povertytext.parse(text)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _hostile_table(kinds: list[str], sizes: list[int], repeats: int) -> None:
    print("kind".ljust(12) + "".join(f"{size // 1000:>8d}K" for size in sizes) + "   ×4 ratio")
    for kind in kinds:
        seconds = [_median_seconds(hostile.page(kind, size), repeats) for size in sizes]
        ratio = seconds[-1] / seconds[-2] if len(seconds) > 1 and seconds[-2] > 0 else 0.0
        cells = "".join(f"{s:9.2f}" for s in seconds)
        print(f"{kind:<12}{cells}   {ratio:6.1f}", flush=True)


def _copies(repeats: int) -> None:
    corpus = hostile.corpus_text()
    ten = _median_seconds("\n\n".join([corpus] * 10), repeats)
    eighty = _median_seconds("\n\n".join([corpus] * 80), repeats)
    print(
        f"corpus ({len(corpus)} characters) × 10: {ten:.2f} s, × 80: {eighty:.2f} s, "
        f"ratio {eighty / ten:.1f} (8× the characters)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[25_000, 100_000, 400_000])
    parser.add_argument("--kinds", nargs="+", default=list(hostile.KINDS))
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--no-copies", action="store_true", help="skip the corpus copies")
    args = parser.parse_args()
    povertytext.parse("肇庆市长说：投入1.2亿元。")  # load tables and dictionaries first
    _hostile_table(args.kinds, sorted(args.sizes), args.repeats)
    if not args.no_copies:
        _copies(args.repeats)


if __name__ == "__main__":
    main()
