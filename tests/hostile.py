"""Hostile pages: texts built to make a careless scanner quadratic (issue 14).

Each kind repeats one unit (a separator, a masked amount, a table row, a real page)
until the text holds ``size`` characters. The tests parse two sizes and compare the
work done; ``benchmarks/bench_hostile.py`` times them.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

__all__ = ["KINDS", "corpus_text", "page", "unit"]

_CORPUS = (
    Path(os.environ.get("POVERTYTEXT_SHARED", Path(__file__).resolve().parents[2] / "shared"))
    / "corpus"
)

_SHORT_PAGE = 5_000  # characters of a corpus file repeated for the kind "pages"
_SAMPLE = (
    "大力发展特色产业 巩固脱贫成果\n\n肇庆\n\n梁为东\n\n肇庆市委农办主任\n"
    "市农业农村局局长、市扶贫办主任\n\n"
    "2020年全市累计投入帮扶资金1.2亿元，带动3000多户、1.5万人脱贫，"
    "贫困发生率由5.2%下降到0.3%。今年以来，市长走访了乳源县和新丰县。\n\n"
)


def corpus_text(limit: int | None = None) -> str:
    """The shared corpus as one text (a signed speech stands in when it is absent);
    with ``limit``, only its files of at most ``limit`` characters."""
    files = sorted(_CORPUS.glob("*.txt")) if _CORPUS.is_dir() else []
    texts = [path.read_text(encoding="utf-8") for path in files]
    texts = [t for t in texts if limit is None or len(t) <= limit]
    return "\n\n".join(texts) if texts else _SAMPLE


def unit(kind: str) -> str:
    """What a page of ``kind`` repeats."""
    return _UNITS[kind]()


def _one_line() -> str:
    return "".join(corpus_text().split())


_UNITS: dict[str, Callable[[], str]] = {
    "commas": lambda: "1,",
    "masks": lambda: "*.**亿元",
    "masked_text": lambda: "投入资金**万元，帮扶*户，占比*.*%。",
    "table_row": lambda: "| 乳源县 | 1,234户 | 3,456人 | 12.5% | 2,000万元 |\n",
    "separators": lambda: "——、，；|/",
    "newlines": lambda: "\n",
    "short_lines": lambda: "脱贫\n",
    "regions": lambda: "广东省韶关市乳源县、",
    "titles": lambda: "市委书记、市长、县长、",
    "bare_mayor": lambda: "市长",
    "dianshi": lambda: "点十",
    "numbers": lambda: "增长12.5%，",
    "one_line": _one_line,
    "pages": lambda: corpus_text(limit=_SHORT_PAGE),
}

KINDS: tuple[str, ...] = tuple(_UNITS)


def page(kind: str, size: int) -> str:
    """A hostile page of ``kind`` holding ``size`` characters."""
    repeated = unit(kind)
    return (repeated * (size // len(repeated) + 1))[:size]
