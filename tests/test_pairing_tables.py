"""The reference tables of published pairings (pairings.csv) and of pair names (pair_names.csv)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from povertytext import pairings
from povertytext._data import read_table, read_text, using
from povertytext.pairings import related_rows
from povertytext.pairs import known_pairings, pairing_for
from povertytext.regions import region_for_code

PAIRINGS = read_table("pairings.csv")
NAMES = read_table("pair_names.csv")
URL = re.compile(r"https?://\S+")


def test_every_pairing_row_loads() -> None:
    assert len(known_pairings()) >= len(PAIRINGS) > 50


@pytest.mark.parametrize(
    "row", PAIRINGS, ids=lambda r: f"{r['helper']}->{r['helped']}@{r['valid_from']}"
)
def test_pairing_row(row: dict[str, str]) -> None:
    helper, helped = region_for_code(row["helper_code"]), region_for_code(row["helped_code"])
    assert (helper.full_name, helped.full_name) == (row["helper"], row["helped"])
    assert helper.code != helped.code
    start = dt.date.fromisoformat(row["valid_from"])
    assert row["valid_to"] == "" or start <= dt.date.fromisoformat(row["valid_to"])
    assert URL.fullmatch(row["source"])
    assert row["evidence"] in {"A", "B"}
    assert row["relation"]


def test_pairings_header_comment() -> None:
    comments = [line for line in read_text("pairings.csv").splitlines() if line.startswith("#")]
    assert comments[0].startswith("# source:")
    assert any("2026-12-01" in line for line in comments)


@pytest.mark.parametrize("row", NAMES, ids=lambda r: r["name"])
def test_pair_name_row(row: dict[str, str]) -> None:
    helper, helped = region_for_code(row["helper_code"]), region_for_code(row["helped_code"])
    assert (helper.full_name, helped.full_name) == (row["helper"], row["helped"])
    assert 2 <= len(row["name"]) <= 4
    assert URL.fullmatch(row["source"])
    assert pairing_for(helper, helped) is not None


def test_pair_names_unique_and_sourced() -> None:
    names = [row["name"] for row in NAMES]
    assert len(names) == len(set(names))
    header = read_text("pair_names.csv").splitlines()[0]
    assert header.startswith("#")
    assert "gov.cn" in read_text("pair_names.csv").split("\nname,", 1)[0]


@pytest.mark.parametrize(
    ("helper", "helped", "date", "period"),
    [
        ("120110", "130821", "2019", "2017-04-06/2021-04-30"),  # 东丽区 → 承德县, 携手奔小康
        ("120110", "130821", "2022", None),
        ("320500", "520600", "2014", "2013-02-01/2016-12-06"),  # 苏州 → 铜仁, 国办发〔2013〕11号
        ("330200", "522300", "2005", "1996-01-01/2016-12-06"),  # 宁波 → 黔西南 since 1996
        ("371500", "500243", "2023", "2021-04-01/.."),  # 聊城 → 彭水, 2021 re-pairing
    ],
)
def test_pairing_periods(helper: str, helped: str, date: str, period: str | None) -> None:
    row = pairing_for(region_for_code(helper), region_for_code(helped), date)
    assert (row.period if row else None) == period


EXTRA_PAIRING = {
    "helper_code": "520000",
    "helper": "贵州省",
    "helped_code": "330200",
    "helped": "宁波市",
    "relation": "东西部扶贫协作",
    "valid_from": "2020-01-01",
    "valid_to": "",
    "evidence": "B",
    "source": "https://example.org/extra",
    "note": "a row of a caller's vocabulary",
}


def test_pairings_follow_the_vocabulary_in_force() -> None:
    guizhou, ningbo = region_for_code("520000"), region_for_code("330200")
    assert not related_rows(guizhou, ningbo)
    assert pairing_for(guizhou, ningbo) is None
    with using("extra pairing", {"pairings.csv": (*read_table("pairings.csv"), EXTRA_PAIRING)}):
        assert len(known_pairings()) == len(PAIRINGS) + 1
        assert related_rows(guizhou, ningbo)
        row = pairing_for(guizhou, ningbo, "2021")
        assert row is not None
        assert row.source == EXTRA_PAIRING["source"]
    assert not related_rows(guizhou, ningbo)
    assert len(known_pairings()) == len(PAIRINGS)


def test_the_rows_of_a_helper_are_looked_up_once_per_unit() -> None:
    foshan = region_for_code("440600")
    helped = [region_for_code(row["helped_code"]) for row in PAIRINGS]
    related_rows(foshan, helped[0])
    cached = pairings._rows_helped_by.cache_size()
    for unit in helped:
        related_rows(foshan, unit)
        pairing_for(foshan, unit)
    assert pairings._rows_helped_by.cache_size() == cached
