"""Documents against the hand-checked gold of the shared corpus, whole pages end to end.

Every gold document must be found, in order, with its kind, title (and title
span), region (full name), speaker, date and source exactly, and its body start
and end within 3 characters.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import povertytext as pt
from tests._shared import shared_dir

GOLD = shared_dir("gold")
CORPUS = shared_dir("corpus")
BODY_TOLERANCE = 3


def gold_pages() -> list[tuple[str, str, dict[str, Any]]]:
    pages = []
    for path in sorted(GOLD.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = (CORPUS / gold["file"]).read_text(encoding="utf-8")
        pages.append((Path(gold["file"]).stem, text, gold))
    return pages


PAGES = gold_pages()


def _full_name(region: pt.Region | None) -> str | None:
    return None if region is None else region.name


@pytest.mark.parametrize(("stem", "text", "gold"), PAGES, ids=[p[0] for p in PAGES])
def test_documents_match_gold(stem: str, text: str, gold: dict[str, Any]) -> None:
    page = pt.parse(text, source=stem)
    expected = gold["documents"]
    assert [d.kind for d in page.documents] == [g["kind"] for g in expected]
    for found, want in zip(page.documents, expected, strict=True):
        assert found.title == want["title"]
        assert (found.title_start, found.title_end) == (want["title_start"], want["title_end"])
        # the gold gives the region's own name (肇庆市, 广东省)
        assert _full_name(found.region) == want["region"]
        want_speaker = (want["speaker"] or {}).get("name")
        assert (found.speaker.name if found.speaker else None) == want_speaker
        assert found.date == want["date"]
        assert found.source == want["source"]
        assert abs(found.body_start - want["body_start"]) <= BODY_TOLERANCE
        assert abs(found.body_end - want["body_end"]) <= BODY_TOLERANCE


@pytest.mark.parametrize(("stem", "text", "gold"), PAGES, ids=[p[0] for p in PAGES])
def test_speaker_positions_match_gold(stem: str, text: str, gold: dict[str, Any]) -> None:
    page = pt.parse(text, source=stem)
    for found, want in zip(page.documents, gold["documents"], strict=True):
        if want["speaker"] is None:
            continue
        assert found.speaker is not None
        assert [p.text for p in found.speaker.positions] == want["speaker"]["positions"]


@pytest.mark.parametrize(("stem", "text", "gold"), PAGES, ids=[p[0] for p in PAGES])
def test_page_lists_are_consistent(stem: str, text: str, gold: dict[str, Any]) -> None:
    page = pt.parse(text, source=stem)
    assert page.length == len(text)
    for item in (*page.quantities, *page.dates, *page.regions, *page.authors, *page.pairs):
        assert text[item.start : item.end] == item.text
    for official in page.officials:
        assert text[official.start : official.end] == official.name
    body_indicators = [i for d in page.documents for i in d.indicators]
    assert list(page.indicators) == body_indicators
    assert sorted(page.dates, key=lambda d: d.start) == list(page.dates)
