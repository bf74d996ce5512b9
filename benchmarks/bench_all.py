"""povertytext against its peers, side by side in one run, and how its time grows with size.

Sections (each tool is warmed up once; the time is the best of ``--repeats`` rounds,
and in every round each tool of a section runs once, in turn, so that a busy machine
slows all of them alike; ratios are povertytext's speed divided by the peer's):

(a) ``parse`` against ``jieba.posseg.lcut`` and ``jieba.lcut``, one call per corpus file;
(b) ``extract_quantities`` against JioNLP ``extract_money``, cn2an ``transform``,
    chinese2digits ``takeNumberFromString`` and the limit of a plain ``re.finditer``
    over the numeral characters, one call per non-blank line of ``--copies-lines``
    corpus copies;
(c) ``extract_dates`` against JioNLP ``extract_time``, line by line (one corpus copy);
(d) ``extract_regions`` against ``cpca.transform`` (cpca takes the list of lines);
(e) ``parse`` of 10 and 80 corpus copies as one text, and the time against size
    (``--plot`` draws it with matplotlib);
(f) in fresh processes: ``import povertytext`` and the first ``parse`` of a signed
    speech (with the cache files of jieba's dictionary and model written, as in every
    process after the first on a machine, and without them: ``POVERTYTEXT_CACHE_DIR``
    set empty), and what the first parse spends importing povertytext's modules and
    parsing, and whether jieba was imported (1) or not (0);
    the peak and retained memory (RSS) after parsing the corpus; the bytes a Page keeps
    per input character (tracemalloc). The first of these processes runs with
    ``PYTHONDONTWRITEBYTECODE`` unset, so that the modules it imports are compiled to
    bytecode as an installation from a wheel has them (pip compiles on install);
    otherwise a shell that sets it would time the compiling of every changed module.

    python -m pip install -e '.[bench]'
    python benchmarks/bench_all.py [--repeats 5] [--json out.json] [--plot docs/x.png]
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import io
import json
import logging
import os
import platform
import re
import subprocess
import sys
import time
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

_ROOT = Path(__file__).resolve().parent.parent
_DEFAULT_CORPUS = _ROOT.parent / "shared" / "corpus"
_SIGNED_SPEECH = "000_1f7a12b0d6179104.txt"  # a speech with its speaker's name and title

_NUMERAL_CHARACTERS = "0-9０-９.,零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟萬億"

Run = Callable[[], Any]


def main(argv: Sequence[str] | None = None) -> int:
    """Run every section, print its table; write the figures as JSON and the plot if asked."""
    args = _parse_args(argv)
    texts = _read_corpus(args.corpus)
    if not texts:
        print(f"no *.txt file in {args.corpus}", file=sys.stderr)
        return 1
    report: dict[str, Any] = {"machine": _machine()}
    print(f"machine: {report['machine']}")
    _quiet_imports()
    report["parse"] = _section_parse(texts, args.repeats)
    report["quantities"] = _section_quantities(texts, args.copies_lines, args.repeats)
    report["dates"] = _section_dates(texts, args.repeats)
    report["regions"] = _section_regions(texts, args.repeats)
    report["size"] = _section_size(texts, args.sizes)
    report["start"] = _section_start(args.corpus)
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", "utf-8")
    if args.plot:
        _plot(report["size"], args.plot)
    return 0


def _parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=_DEFAULT_CORPUS, help="folder of *.txt")
    parser.add_argument("--repeats", type=int, default=5, help="rounds; the best counts")
    parser.add_argument("--copies-lines", type=int, default=10, help="corpus copies for (b)")
    parser.add_argument(
        "--sizes", type=lambda v: [int(x) for x in v.split(",")], default=[1, 5, 10, 20, 40, 80]
    )
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--plot", type=Path, help="draw time against size here (PNG)")
    return parser.parse_args(argv)


def _read_corpus(folder: Path) -> list[tuple[str, str]]:
    return [(path.name, path.read_text("utf-8")) for path in sorted(folder.glob("*.txt"))]


def _machine() -> str:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return f"{platform.machine()}, {cores} cores, Python {platform.python_version()}"


def _quiet_imports() -> None:
    """Import the peers once, silencing JioNLP's banner and jieba's start-up log."""
    warnings.simplefilter("ignore")
    logging.disable(logging.CRITICAL)  # JioNLP logs every time string it cannot parse
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        import jieba
        import jionlp  # noqa: F401

        jieba.setLogLevel(60)
        jieba.initialize()


def _lines(texts: list[tuple[str, str]], copies: int) -> list[str]:
    return [
        line for _ in range(copies) for _, t in texts for line in t.splitlines() if line.strip()
    ]


# ---------------------------------------------------------------- timing side by side


def _side_by_side(tools: list[tuple[str, Run]], repeats: int, chars: int) -> list[dict[str, Any]]:
    """Best time of each tool over ``repeats`` rounds, each round running every tool once."""
    with contextlib.redirect_stdout(io.StringIO()):
        for _, run in tools:
            run()  # warm-up: lazy tables and dictionaries load now
        best = [float("inf")] * len(tools)
        for _ in range(repeats):
            for index, (_, run) in enumerate(tools):
                started = time.perf_counter()
                run()
                best[index] = min(best[index], time.perf_counter() - started)
    return [
        {"tool": name, "seconds": s, "chars_per_s": chars / s, "ratio": s / best[0]}
        for (name, _), s in zip(tools, best, strict=True)
    ]


def _print_rows(title: str, rows: list[dict[str, Any]]) -> None:
    print(f"\n{title}")
    print(f"{'tool':<44} {'seconds':>8} {'chars/s':>12} {'povertytext ×':>14}")
    for row in rows:
        print(
            f"{row['tool']:<44} {row['seconds']:>8.3f} {row['chars_per_s']:>12,.0f}"
            f" {row['ratio']:>13.2f}×"
        )


def _each(function: Callable[[str], Any], items: Sequence[str]) -> Run:
    return lambda: [function(item) for item in items]


# ---------------------------------------------------------------- (a) to (d)


def _section_parse(texts: list[tuple[str, str]], repeats: int) -> list[dict[str, Any]]:
    import jieba
    import jieba.posseg

    import povertytext

    chars = sum(len(t) for _, t in texts)
    tools = [
        ("povertytext.parse", lambda: [povertytext.parse(t, source=n) for n, t in texts]),
        ("jieba.posseg.lcut", _each(jieba.posseg.lcut, [t for _, t in texts])),
        ("jieba.lcut", _each(jieba.lcut, [t for _, t in texts])),
    ]
    rows = _side_by_side(tools, repeats, chars)
    _print_rows(f"(a) parse, {len(texts)} files, {chars:,} characters, file by file", rows)
    return rows


def _numeral_limit() -> Callable[[str], list[re.Match[str]]]:
    """The floor: one ``re.finditer`` over runs of numeral characters, nothing read."""
    pattern = re.compile(
        "[0-9０-９.,零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟萬億]+"
    )
    return lambda text: list(pattern.finditer(text))


def _section_quantities(
    texts: list[tuple[str, str]], copies: int, repeats: int
) -> list[dict[str, Any]]:
    import chinese2digits
    import cn2an
    import jionlp

    import povertytext

    lines = _lines(texts, copies)
    tools = [
        ("povertytext.extract_quantities", _each(povertytext.extract_quantities, lines)),
        ("jionlp.ner.extract_money", _each(jionlp.ner.extract_money, lines)),
        ('cn2an.transform(text, "cn2an")', _each(lambda t: cn2an.transform(t, "cn2an"), lines)),
        ("chinese2digits.takeNumberFromString", _each(chinese2digits.takeNumberFromString, lines)),
        ("re.finditer over numeral characters", _each(_numeral_limit(), lines)),
    ]
    rows = _side_by_side(tools, repeats, sum(map(len, lines)))
    _print_rows(f"(b) quantities, {len(lines):,} lines ({copies} corpus copies)", rows)
    return rows


def _section_dates(texts: list[tuple[str, str]], repeats: int) -> list[dict[str, Any]]:
    import jionlp

    import povertytext

    lines = _lines(texts, 1)
    tools = [
        ("povertytext.extract_dates", _each(povertytext.extract_dates, lines)),
        ("jionlp.ner.extract_time", _each(jionlp.ner.extract_time, lines)),
    ]
    rows = _side_by_side(tools, repeats, sum(map(len, lines)))
    _print_rows(f"(c) dates, {len(lines):,} lines (one corpus copy)", rows)
    return rows


def _section_regions(texts: list[tuple[str, str]], repeats: int) -> list[dict[str, Any]]:
    import cpca

    import povertytext

    lines = _lines(texts, 1)
    tools = [
        ("povertytext.extract_regions", _each(povertytext.extract_regions, lines)),
        ("cpca.transform(lines)", lambda: cpca.transform(lines)),
    ]
    rows = _side_by_side(tools, repeats, sum(map(len, lines)))
    _print_rows(f"(d) regions, {len(lines):,} lines (one corpus copy)", rows)
    return rows


# ---------------------------------------------------------------- (e) size


def _section_size(texts: list[tuple[str, str]], sizes: list[int]) -> list[dict[str, Any]]:
    """Time of parse, extract_quantities and extract_regions on ``n`` copies as one text."""
    import povertytext

    corpus = "\n".join(t for _, t in texts)
    calls: list[tuple[str, Callable[[str], Any]]] = [
        ("parse", lambda t: povertytext.parse(t, source="copies")),
        ("extract_quantities", povertytext.extract_quantities),
        ("extract_regions", povertytext.extract_regions),
    ]
    rows = []
    print("\n(e) n corpus copies as one text")
    print(f"{'copies':>6} {'characters':>11} " + " ".join(f"{name:>20}" for name, _ in calls))
    for copies in sizes:
        text = "\n".join([corpus] * copies)
        seconds = {name: _once(functools.partial(call, text)) for name, call in calls}
        rows.append({"copies": copies, "chars": len(text), **seconds})
        print(f"{copies:>6} {len(text):>11,} " + " ".join(f"{s:>19.3f}s" for s in seconds.values()))
    _print_growth(rows)
    return rows


def _once(run: Run) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def _print_growth(rows: list[dict[str, Any]]) -> None:
    by_copies = {row["copies"]: row for row in rows}
    if 10 in by_copies and 80 in by_copies:
        ratio = by_copies[80]["parse"] / by_copies[10]["parse"]
        print(f"parse: 80 copies take {ratio:.1f}× the time of 10 (8× the characters)")


# ---------------------------------------------------------------- (f) start and memory

_START = """
import time, sys
started = time.perf_counter()
import povertytext
imported = time.perf_counter()
text = open(sys.argv[1], encoding="utf-8").read()
povertytext.parse(text, source="speech")
print(imported - started, time.perf_counter() - imported)
"""

_MEMORY = """
import gc, resource, sys, tracemalloc
from pathlib import Path
import povertytext
def rss():
    return int(open("/proc/self/statm").read().split()[1]) * resource.getpagesize()
texts = [p.read_text("utf-8") for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
after_import = rss()
for t in texts:
    povertytext.parse(t, source="warm")
gc.collect()
retained = rss()
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
big = "\\n".join(texts)
povertytext.parse(big, source="warm")  # the caches a parse of this text fills, filled
gc.collect()
tracemalloc.start()
before = tracemalloc.get_traced_memory()[0]
page = povertytext.parse(big, source="page")
gc.collect()
kept = tracemalloc.get_traced_memory()[0] - before
print(after_import, retained, peak, kept / len(big))
"""


_PARTS = """
import time, sys
started = time.perf_counter()
import povertytext.page
modules_imported = time.perf_counter()
import povertytext
povertytext.parse(open(sys.argv[1], encoding="utf-8").read(), source="speech")
done = time.perf_counter()
print(modules_imported - started, done - modules_imported, int("jieba" in sys.modules))
"""


def _python(code: str, *args: str, env: dict[str, str | None] | None = None) -> list[float]:
    """Run ``code`` in a fresh process (``env``: variables set, or unset when None)."""
    changed = {**os.environ, **(env or {})}
    out = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", code, *args],
        capture_output=True,
        text=True,
        check=True,
        env={name: value for name, value in changed.items() if value is not None},
    ).stdout
    return [float(value) for value in out.split()]


def _section_start(corpus: Path) -> dict[str, float]:
    """Import and first-call time (best of 3 fresh processes), memory of one process."""
    speech = str(corpus / _SIGNED_SPEECH)
    # writes the cache of jieba's dictionary if there is none, and the bytecode
    _python(_START, speech, env={"PYTHONDONTWRITEBYTECODE": None})
    runs = [_python(_START, speech) for _ in range(3)]
    uncached = [_python(_START, speech, env={"POVERTYTEXT_CACHE_DIR": ""}) for _ in range(3)]
    parts = [_python(_PARTS, speech) for _ in range(3)]
    after_import, retained, peak, per_char = _python(_MEMORY, str(corpus))
    best = min(parts, key=lambda part: part[0] + part[1])
    figures = {
        "import_s": min(r[0] for r in runs),
        "first_parse_s": min(r[1] for r in runs),
        "first_parse_no_cache_s": min(r[1] for r in uncached),
        "of_it_import_modules_s": best[0],
        "of_it_parse_s": best[1],
        "of_it_jieba_imported": best[2],
        "rss_after_import_mib": after_import / 2**20,
        "rss_retained_mib": retained / 2**20,
        "rss_peak_mib": peak / 2**20,
        "page_bytes_per_char": per_char,
    }
    print("\n(f) fresh processes")
    for name, value in figures.items():
        print(f"{name:<26} {value:>10.3f}")
    return figures


# ---------------------------------------------------------------- plot


def _plot(rows: list[dict[str, Any]], path: Path) -> None:
    """Seconds against characters, one line per call, on log-log axes."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(figsize=(6.4, 4.2))
    chars = [row["chars"] for row in rows]
    for name in ("parse", "extract_quantities", "extract_regions"):
        axes.plot(chars, [row[name] for row in rows], marker="o", label=name)
    axes.set_xscale("log")
    axes.set_yscale("log")
    axes.set_xlabel("characters in one text (corpus copies)")
    axes.set_ylabel("seconds")
    axes.set_title("povertytext: time against the size of one text")
    axes.grid(True, which="both", alpha=0.3)
    axes.legend()
    figure.tight_layout()
    figure.savefig(path, dpi=120)
    print(f"\nplot: {path}")


if __name__ == "__main__":
    sys.exit(main())
