"""The indicator stage does constant work per quantity (issue 14): jieba's cuts kept per
window, a sentence's dates found by bisection, a statement's helped places sorted out
once, no unvalidated copies (issue 12 item 9)."""

from __future__ import annotations

import random
import re
from pathlib import Path
from typing import Any

import pytest

import povertytext
from povertytext import indicators, names
from povertytext.indicator_window import Window, build_window
from povertytext.models import AssistancePair, DateMention, Quantity, Region, RegionMention
from povertytext.regions import is_within, resolve_region

_SOURCE = Path(povertytext.__file__).resolve().parent


class _CountingTokenizer:
    """Stands for jieba's tokenizer: counts the windows it cuts."""

    def __init__(self, real: Any) -> None:
        self.real = real
        self.windows: list[str] = []

    def cut(self, window: str) -> Any:
        self.windows.append(window)
        return self.real.cut(window)


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> _CountingTokenizer:
    tokenizer = _CountingTokenizer(names._load_tokenizer())
    monkeypatch.setattr(names, "_tokenizer", lambda: tokenizer)
    names._cut_memo.cache_clear()
    return tokenizer


def test_a_repeated_template_cuts_each_window_once(counted: _CountingTokenizer) -> None:
    text = "投入资金**万元，帮扶*户，占比*.*%。" * 200
    found = povertytext.extract_indicators(text)
    assert len(found) == 600
    assert counted.windows
    assert len(counted.windows) == len(set(counted.windows))


def test_a_memo_hit_gives_the_cut_of_the_window(counted: _CountingTokenizer) -> None:
    first = names.cut("改造农村危房")
    again = names.cut("改造农村危房")
    assert first == again == counted.real.cut("改造农村危房")
    assert counted.windows == ["改造农村危房"]
    again.append(("x", "x"))  # a caller's list is its own
    assert names.cut("改造农村危房") == first


def test_the_memo_is_bounded(counted: _CountingTokenizer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(names, "_CUT_MEMO_SIZE", 8)
    for n in range(30):
        names.cut(f"帮扶{n}户")
        assert len(names._cut_memo()) <= 8
    assert len(counted.windows) == 30


# ---------------------------------------------------------------- dates by bisection


def _dates(rng: random.Random, text: str) -> list[DateMention]:
    """Disjoint dates at random places of ``text``, each a span of it."""
    pairs = rng.randint(0, min(6, (len(text) + 1) // 2))
    cuts = sorted(rng.sample(range(len(text) + 1), 2 * pairs))
    spans = [(cuts[k], cuts[k + 1]) for k in range(0, len(cuts), 2)]
    return [
        DateMention(text=text[a:b], start=a, end=b, value=f"2020-{n + 1:02d}")
        for n, (a, b) in enumerate(spans)
        if a < b
    ]


def _quantities(rng: random.Random, text: str) -> list[Quantity]:
    starts = sorted(rng.sample(range(len(text)), rng.randint(1, min(5, len(text)))))
    return [Quantity(text=text[s : s + 1], start=s, end=s + 1, value=1) for s in starts]


def test_dates_bisected_as_scanned() -> None:
    rng = random.Random(14)
    for _ in range(3000):
        text = "".join(rng.choice("年月，。日数") for _ in range(rng.randint(1, 30)))
        dates = _dates(rng, text)
        w = build_window(text, 0, len(text), [], dates, [], [])
        assert w.dates_disjoint
        for q in _quantities(rng, text):
            lo, hi = w.sentence(q.start)
            clause_start, _ = w.clause(q.start)
            in_sentence = [d for d in dates if lo <= d.start < hi]
            scanned = indicators._date_scanned(q, in_sentence, hi, clause_start)
            expected = "none" if scanned is None else scanned.value
            bisected = indicators._date(w, q, "none")
            assert bisected == expected, (text, q, dates)


def test_overlapping_dates_are_scanned() -> None:
    text = "2020年1月投入1万元"
    dates = [
        DateMention(text="2020年1月", start=0, end=7, value="2020-01"),
        DateMention(text="1月", start=5, end=7, value="2021-01"),
    ]
    w = build_window(text, 0, len(text), [], dates, [], [])
    assert not w.dates_disjoint
    q = Quantity(text="1万元", start=9, end=12, value=10000, unit="元")
    assert indicators._date(w, q, None) == "2021-01"


# ---------------------------------------------------------------- helped places


_NAMES = ("乳源县", "韶关市", "广东省", "百色市", "广西壮族自治区", "田阳区")


def _places(rng: random.Random, text: str) -> list[RegionMention]:
    """Disjoint place mentions at random places of ``text``, of random regions."""
    cuts = sorted(rng.sample(range(len(text) + 1), 2 * rng.randint(0, min(8, len(text) // 2))))
    return [
        RegionMention(text=text[a:b], start=a, end=b, region=resolve_region(rng.choice(_NAMES)))
        for a, b in zip(cuts[::2], cuts[1::2], strict=True)
        if a < b
    ]


def _pairs(rng: random.Random, text: str) -> list[AssistancePair]:
    starts = rng.sample(range(len(text)), rng.randint(0, min(3, len(text))))
    return [
        AssistancePair(
            text=text[s : s + 1],
            start=s,
            end=s + 1,
            helper=resolve_region("广东省"),
            helped=resolve_region(rng.choice(_NAMES)),
        )
        for s in sorted(starts)
    ]


def _helped_place_scanned(w: Window, i: int, lo: int, helped: list[Region]) -> int | None:
    """The start of the last place in ``[lo, i)`` inside one of ``helped``: the places
    walked back from ``i`` one by one."""
    for place in reversed(w.places):
        inside = any(is_within(place.region, unit) for unit in helped)
        if place.end <= i and place.start >= lo and inside:
            return place.start
    return None


def test_helped_places_bisected_as_scanned() -> None:
    rng = random.Random(14)
    for _ in range(1500):
        text = "".join(rng.choice("县市，。帮数") for _ in range(rng.randint(2, 40)))
        w = build_window(text, 0, len(text), [], [], _pairs(rng, text), _places(rng, text))
        for i in sorted(rng.sample(range(len(text) + 1), min(6, len(text)))):
            lo, hi = w.sentence(i)
            stated = indicators._last_statement(w, lo, i)
            if stated is None:
                continue
            helped = indicators._helped_at(w, stated)
            near = indicators._helped_place_before(w, i, stated, hi)
            expected = _helped_place_scanned(w, i, stated, helped)
            assert (None if near is None else near.start) == expected, (text, i, w.places)


def _stated_then_places(n: int) -> str:
    """A stated pair, then in the same sentence places outside the helped region, each
    before an amount, then a list of such places and as many amounts again."""
    return (
        "广东省帮扶广西壮族自治区，" + "乳源县投入1万元，" * n + "乳源县、" * n + "投入1万元，" * n
    )


def _is_within_calls(monkeypatch: pytest.MonkeyPatch, text: str) -> tuple[int, int]:
    """Calls of :func:`is_within` from the indicator reader while ``text`` is parsed, and
    the amounts read."""
    calls = 0

    def counting(region: Region, unit: Region) -> bool:
        nonlocal calls
        calls += 1
        return is_within(region, unit)

    monkeypatch.setattr(indicators, "is_within", counting)
    page = povertytext.parse(text)
    monkeypatch.undo()
    assert len(page.pairs) == 1
    return calls, len(page.indicators)


def test_a_statement_reads_its_places_once(monkeypatch: pytest.MonkeyPatch) -> None:
    small, amounts = _is_within_calls(monkeypatch, _stated_then_places(200))
    large, more = _is_within_calls(monkeypatch, _stated_then_places(800))
    assert (amounts, more) == (400, 1600)
    assert small <= 2 + 400  # once per place of the sentence (the pair's two as well)
    assert large <= 2 + 1600
    assert large <= 4 * small


# ---------------------------------------------------------------- validated copies


def test_no_unvalidated_copy_is_left() -> None:
    calls = re.compile(r"\.model_copy\(")
    found = [
        f"{path.name}:{n}"
        for path in sorted(_SOURCE.glob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if calls.search(line)
    ]
    assert found == []
