"""Positions: titles read at the end of a post, blocks split and expanded to full form."""

from __future__ import annotations

import json
from typing import Any, NamedTuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import povertytext as pt
from povertytext.positions import body_start, expand_positions, title_at_end

from ._shared import shared_path, shared_rows


def _expand(block: str, region: str | None = None) -> list[str]:
    context = pt.resolve_region(region) if region else None
    return [p.text for p in expand_positions(block, 0, len(block), context)]


@pytest.mark.parametrize(
    ("post", "title"),
    [
        ("肇庆市委农办主任", "主任"),
        ("广东省扶贫办专职副主任", "专职副主任"),
        ("茂名市委副书记", "副书记"),
        ("茂名市副市长", "副市长"),
        ("省农业农村厅厅长", "厅长"),
        ("市农业农村局局长", "局长"),
        ("佛山市南海区政协主席", "主席"),
        ("中共中央总书记", "总书记"),
        ("驻村第一书记", "第一书记"),
        ("市委常委", "常委"),
        ("国务院扶贫办党组成员", "党组成员"),
        ("省政府四级调研员", "四级调研员"),
        ("前方指挥部副总指挥", "副总指挥"),
        ("扶贫办", None),
        ("新快报记者", None),
    ],
    ids=[
        "主任",
        "longest: 专职副主任",
        "副书记 before 书记",
        "副市长",
        "厅长",
        "局长",
        "主席",
        "总书记 before 书记",
        "第一书记",
        "常委",
        "党组成员",
        "a rank",
        "副总指挥",
        "a body, no title",
        "a credit is no title",
    ],
)
def test_title_at_end(post: str, title: str | None) -> None:
    assert title_at_end(post) == title


@pytest.mark.parametrize(
    ("block", "region", "expected"),
    [
        (
            "肇庆市委农办主任\n市农业农村局局长、市扶贫办主任",
            "肇庆",
            ["肇庆市委农办主任", "肇庆市农业农村局局长", "肇庆市扶贫办主任"],
        ),
        (
            "佛山市委农办主任、市农业\n农村局局长、市扶贫办主任\n佛山市南海区政协主席",
            "佛山",
            [
                "佛山市委农办主任",
                "佛山市农业农村局局长",
                "佛山市扶贫办主任",
                "佛山市南海区政协主席",
            ],
        ),
        (
            "山西省委农办主任、省农业农村厅厅长",
            None,
            ["山西省委农办主任", "山西省农业农村厅厅长"],
        ),
        (
            "广东省委农办、省扶贫办专职副主任",
            None,
            ["广东省委农办专职副主任", "广东省扶贫办专职副主任"],
        ),
        ("市扶贫办主任 市农业农村局局长", "湛江", ["湛江市扶贫办主任", "湛江市农业农村局局长"]),
        ("省扶贫办副主任", "湛江", ["广东省扶贫办副主任"]),
        ("佛山市南海区政协主席、区委书记", "佛山", ["佛山市南海区政协主席", "南海区委书记"]),
        ("市长", "肇庆", ["肇庆市市长"]),
        ("州委书记", "凉山", ["凉山彝族自治州委书记"]),
        ("县委书记", "肇庆", ["县委书记"]),
        ("市扶贫办主任", None, ["市扶贫办主任"]),
        ("国务院扶贫办主任", None, ["国务院扶贫办主任"]),
        ("东莞市经协办主任", "东莞", ["东莞市经协办主任"]),
        ("国务院扶贫办党组成员、副主任", None, ["国务院扶贫办党组成员", "国务院扶贫办副主任"]),
        ("宜宾市委副书记、市长", None, ["宜宾市委副书记", "宜宾市长"]),
        ("宜宾市委常委、副市长", None, ["宜宾市委常委", "宜宾市副市长"]),
        ("市委常委、常务副市长", None, ["市委常委", "常务副市长"]),
        ("省扶贫基金会副理事长兼秘书长", None, ["省扶贫基金会副理事长", "省扶贫基金会秘书长"]),
        ("天津援疆干部、和田县委常务副书记", None, ["和田县委常务副书记"]),
        ("武川县委常委、宣传部部长", None, ["武川县委常委", "武川县委宣传部部长"]),
        ("县委常委、宣传部部长", None, ["县委常委", "宣传部部长"]),
        ("石门村党支部书记、村主任", None, ["石门村党支部书记", "石门村主任"]),
        ("坚决打好产业扶贫持久战", None, []),
        ("", None, []),
    ],
    ids=[
        "bare 市 takes the byline region",
        "wrapped line joined, last line a new body",
        "bare 省 takes the previous post's region",
        "shared head carried to the body without a title",
        "posts split at a space",
        "bare 省 takes the province of a city region",
        "bare 区 takes the county of the post before",
        "a title starting with its level keeps it",
        "bare 州 takes the autonomous prefecture",
        "no unit named 县 above the region: as written",
        "bare level, no region: as written",
        "national body",
        "unknown body ending in 办",
        "a body's party organ is left out of the head",
        "a level title replaces the level of the head",
        "a region's committee gives the region",
        "a bare level gives no head",
        "split at 兼",
        "a role is no post",
        "a party department takes its committee",
        "a bare committee gives no department head",
        "a village head",
        "no title: no positions",
        "empty block",
    ],
)
def test_expand_positions(block: str, region: str | None, expected: list[str]) -> None:
    assert _expand(block, region) == expected


def test_position_fields_and_spans() -> None:
    text = "梁为东\n\n肇庆市委农办主任\n市农业农村局局长、市扶贫办主任\n\n正文"
    start = text.index("肇庆市委")
    end = text.index("\n\n正文")
    positions = expand_positions(text, start, end, pt.resolve_region("肇庆"))
    assert [(p.organization, p.title, p.region and p.region.code) for p in positions] == [
        ("肇庆市委农办", "主任", "441200"),
        ("肇庆市农业农村局", "局长", "441200"),
        ("肇庆市扶贫办", "主任", "441200"),
    ]
    assert [p.as_written for p in positions] == [
        "肇庆市委农办主任",
        "市农业农村局局长",
        "市扶贫办主任",
    ]
    assert all(text[p.start : p.end] == p.as_written for p in positions)


def test_wrapped_post_keeps_its_line_break_as_written() -> None:
    text = "佛山市委农办主任、市农业\n农村局局长"
    wrapped = expand_positions(text, 0, len(text), pt.resolve_region("佛山"))[1]
    assert (wrapped.as_written, wrapped.text) == ("市农业\n农村局局长", "佛山市农业农村局局长")
    assert text[wrapped.start : wrapped.end] == wrapped.as_written


def test_shared_head_is_the_part_as_written() -> None:
    text = "广东省委农办、省扶贫办专职副主任"
    first, second = expand_positions(text, 0, len(text))
    assert (first.as_written, first.title, first.organization) == (
        "广东省委农办",
        "专职副主任",
        "广东省委农办",
    )
    assert (second.as_written, second.region and second.region.name) == (
        "省扶贫办专职副主任",
        "广东省",
    )


@pytest.mark.parametrize(
    ("text", "end", "body"),
    [
        ("得到国务院扶贫办刘永富主任批示", 8, "国务院扶贫办"),
        ("会议召开。茂名市委副书记陈绩", 9, "茂名市委"),
        ("并讲话,茂名市副市长崔剑", 7, "茂名市"),
        ("东莞市经协办主任", 6, "东莞市经协办"),
        ("任命中共肇庆市委书记", 8, "中共肇庆市委"),
        ("贫困村党支部书记", 6, "村党支部"),
        ("深入学习贯彻习近平", 9, ""),
    ],
    ids=[
        "national body after a verb",
        "region + 委 after a full stop",
        "a region alone",
        "region + unknown stem + 办",
        "中共 before the region",
        "bare 村 + body",
        "no body",
    ],
)
def test_body_start(text: str, end: int, body: str) -> None:
    assert text[body_start(text, end) : end] == body


@pytest.mark.parametrize(
    ("block", "region", "expected"),
    [
        pytest.param(
            "中共肇庆市委书记、市扶贫办主任",
            None,
            ["中共肇庆市委书记", "肇庆市扶贫办主任"],
            marks=pytest.mark.xfail(strict=True, reason="中共 before a region hides the region"),
            id="中共 prefix, then a bare 市",
        ),
    ],
)
def test_known_gaps(block: str, region: str | None, expected: list[str]) -> None:
    assert _expand(block, region) == expected


_PIECES = [
    "肇庆市委农办主任",
    "市农业",
    "农村局局长",
    "省扶贫办",
    "专职副主任",
    "国务院",
    "主任",
    "扶贫",
]
_SEPARATORS = ["、", "，", " ", "\n", "\r\n", "□", ""]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(_SEPARATORS)), max_size=6),
    st.integers(0, 3),
)
def test_spans_slice_back_and_nothing_raises(parts: list[tuple[str, str]], cut: int) -> None:
    text = "正文。" + "".join(piece + sep for piece, sep in parts) + "。正文"
    positions = expand_positions(text, 3 + cut, len(text) - 3, pt.resolve_region("肇庆"))
    for p in positions:
        assert p.start is not None
        assert p.end is not None
        assert text[p.start : p.end] == p.as_written
        assert p.title is None or p.text.endswith(p.title)


# ---------------------------------------------------------------- the gold's byline blocks

GOLD = shared_path("gold")
CORPUS = shared_path("corpus")


class Block(NamedTuple):
    """A gold official written as a block: the page, the block's span, its region, the gold."""

    text: str
    start: int
    end: int
    region: str | None
    official: dict[str, Any]


def _gold_blocks() -> list[Any]:
    """Each gold official written as a block (as_written given): text, span, region, gold."""
    cases = []
    for path in sorted(GOLD.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = (CORPUS / gold["file"]).read_text(encoding="utf-8")
        regions = {(doc["speaker"] or {}).get("name"): doc["region"] for doc in gold["documents"]}
        for official in gold["officials"]:
            written = official.get("as_written")
            if not written:
                continue
            # the block lies right after the name (a signature block) or right before it
            start = text.index(written[0], max(0, official["start"] - 40))
            end = text.index(written[-1], start) + len(written[-1])
            region = regions.get(official["name"])
            cases.append(
                pytest.param(
                    Block(text, start, end, region, official),
                    id=f"{path.stem[:3]} {official['name']}",
                )
            )
    return cases


@pytest.mark.parametrize("block", shared_rows(_gold_blocks()))
@pytest.mark.needs_shared("gold", "corpus")
def test_gold_byline_blocks(block: Block) -> None:
    """The gold's blocks (000, 001 佛山 with its wrapped line, 002's shared head, 003 山西)."""
    context = pt.resolve_region(block.region) if block.region else None
    positions = expand_positions(block.text, block.start, block.end, context)
    assert [p.text for p in positions] == block.official["positions"]
    assert [p.as_written for p in positions] == block.official["as_written"]
