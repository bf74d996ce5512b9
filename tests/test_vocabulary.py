"""A user's own vocabulary: files read, rows checked, applied to one call only."""

from __future__ import annotations

import csv
import pickle
import threading
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import povertytext as pt
from povertytext import _data
from povertytext.vocabulary import vocabulary_tables

ALIAS = {"alias": "大凉山", "code": "513400", "note": "a name in reports"}


def write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = folder / name
    path.write_text(text, encoding=encoding)
    return path


def test_rows_get_every_column_of_the_table() -> None:
    v = pt.Vocabulary.from_rows("region_aliases.csv", [{"alias": "大凉山", "code": "513400"}])
    assert v.rows("region_aliases.csv") == ({"alias": "大凉山", "code": "513400", "note": ""},)
    assert v.tables() == ("region_aliases.csv",)
    assert len(v) == 1


def test_equal_vocabularies_are_equal_hash_alike_and_pickle() -> None:
    a = pt.Vocabulary.from_rows("region_aliases.csv", [ALIAS])
    b = pt.Vocabulary({"region_aliases.csv": [dict(ALIAS)]})
    assert a == b
    assert hash(a) == hash(b)
    assert pickle.loads(pickle.dumps(a)) == a
    assert a != pt.Vocabulary()
    assert (
        len(
            a
            + pt.Vocabulary.from_rows("organizations.csv", [{"word": "乡村振兴局", "kind": "body"}])
        )
        == 2
    )


def test_files_and_folders(tmp_path: Path) -> None:
    write(tmp_path, "region_aliases.csv", "# mine\nalias,code\n大凉山,513400\n")
    write(tmp_path, "Titles.CSV", "\ufefftitle,kind\n驻村第一书记,title\n")
    write(tmp_path, "notes.txt", "not a table")
    from_folder = pt.Vocabulary.from_files(tmp_path)
    assert from_folder.tables() == ("region_aliases.csv", "titles.csv")
    assert from_folder.rows("titles.csv")[0]["title"] == "驻村第一书记"
    one = pt.Vocabulary.from_files(tmp_path / "region_aliases.csv")
    assert one.tables() == ("region_aliases.csv",)


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("places.csv", "alias,code\n", "not a table a vocabulary extends"),
        ("region_aliases.csv", "alias,cod\n大凉山,513400\n", "missing code; unknown cod"),
        (
            "region_aliases.csv",
            "alias,code\n大凉山,999999\n",
            "line 2: code '999999' is not a division code",
        ),
        ("region_aliases.csv", "alias,code\n,513400\n", "line 2: alias is empty"),
        ("region_aliases.csv", "alias,code\n大凉山\n", "line 2: 1 fields where the header has 2"),
        ("titles.csv", "title,kind\n第一书记,boss\n", "kind 'boss' is not one of"),
        (
            "units.csv",
            "surface,unit,kind,scale,base,base_factor\n亩,亩,area,x,亩,1\n",
            "scale 'x' is not a number",
        ),
        (
            "pairings.csv",
            "helper_code,helped_code,relation,valid_from\n440000,450000,东西部扶贫协作,2016\n",
            "valid_from '2016' is not a date",
        ),
        ("titles.csv", "", "holds no header"),
    ],
)
def test_bad_files_name_the_file_and_line(
    tmp_path: Path, name: str, text: str, message: str
) -> None:
    path = write(tmp_path, name, text)
    with pytest.raises(pt.VocabularyError, match=message) as caught:
        pt.Vocabulary.from_files(path)
    assert str(path) in str(caught.value)
    assert isinstance(caught.value, pt.PovertyTextError)


def test_undecodable_and_missing_files(tmp_path: Path) -> None:
    path = write(tmp_path, "titles.csv", "title,kind\n第一书记,title\n", encoding="gb18030")
    with pytest.raises(pt.VocabularyError, match="is not UTF-8"):
        pt.Vocabulary.from_files(path)
    with pytest.raises(pt.VocabularyError, match="no such file"):
        pt.Vocabulary.from_files(tmp_path / "none.csv")
    with pytest.raises(pt.UsageError):
        pt.Vocabulary.from_files()
    with pytest.raises(pt.UsageError):
        pt.Vocabulary.from_files(5)  # type: ignore[arg-type]


def test_every_table_it_extends_is_shipped() -> None:
    for table in vocabulary_tables():
        assert _data.read_shipped(table)


def test_rows_apply_inside_the_block_only() -> None:
    v = pt.Vocabulary.from_rows("region_aliases.csv", [ALIAS])
    shipped = len(_data.read_table("region_aliases.csv"))
    with v:
        assert len(_data.read_table("region_aliases.csv")) == shipped + 1
        assert _data.read_table("region_aliases.csv")[0]["alias"] == "大凉山"
    assert len(_data.read_table("region_aliases.csv")) == shipped


def test_other_threads_see_the_shipped_tables() -> None:
    v = pt.Vocabulary.from_rows("region_aliases.csv", [ALIAS])
    seen: list[int] = []
    with v:
        thread = threading.Thread(
            target=lambda: seen.append(len(_data.read_table("region_aliases.csv")))
        )
        thread.start()
        thread.join()
    assert seen == [len(_data.read_shipped("region_aliases.csv"))]


# ---------------------------------------------------------------- the tables it reaches

METRIC = {
    "metric": "ecommerce.sales",
    "label_en": "rural e-commerce sales",
    "label_zh": "农村电商销售额",
    "kind": "money",
    "unit_base": "元",
    "units": "元",
    "subject_patterns": "电商销售额|网络零售额",
}
# a pairing of a provincial document, made up for the test: no published table has it
PAIRING = {
    "helper_code": "350203",
    "helped_code": "430626",
    "relation": "结对帮扶",
    "valid_from": "2018-01-01",
    "source": "test row",
}
PAIR_TEXT = "2019年，厦门市思明区对口帮扶湖南省平江县，投入资金3000万元。"


def officials_of(text: str) -> list[tuple[str, list[str]]]:
    return [(o.name, [p.text for p in o.positions]) for o in pt.extract_officials(text)]


def test_a_region_alias() -> None:
    v = pt.Vocabulary.from_rows("region_aliases.csv", [ALIAS])
    text = "大凉山深处的村庄通了公路"
    assert [r.text for r in pt.extract_regions(text)] == ["凉山"]
    with v:
        assert [(r.text, r.region and r.region.code) for r in pt.extract_regions(text)] == [
            ("大凉山", "513400")
        ]
    assert [r.text for r in pt.extract_regions(text)] == ["凉山"]


def test_a_unit() -> None:
    row = {"surface": "垧", "unit": "垧", "kind": "area", "scale": "1", "base": "Mu"}
    row |= {"base_factor": "15", "standalone": "yes"}
    with pt.Vocabulary.from_rows("units.csv", [row]):
        (found,) = pt.extract_quantities("新增耕地300垧")
    assert (found.text, found.value, found.unit) == ("300垧", Decimal(300), "垧")
    assert pt.extract_quantities("新增耕地300垧") == []


def test_a_title() -> None:
    v = pt.Vocabulary.from_rows("titles.csv", [{"title": "产业指导员", "kind": "title"}])
    assert officials_of("产业指导员王建国介绍") == []
    with v:
        assert officials_of("产业指导员王建国介绍") == [("王建国", ["产业指导员"])]


def test_a_metric_comes_before_the_shipped_ones() -> None:
    text = "2020年全县农村电商销售额达到3.5亿元。"
    assert [i.metric for i in pt.parse(text).indicators] == ["consumption.sales"]
    v = pt.Vocabulary.from_rows("metrics.csv", [METRIC])
    assert [i.metric for i in pt.parse(text, vocabulary=v).indicators] == ["ecommerce.sales"]


def test_a_pairing_and_parse_many_over_processes() -> None:
    v = pt.Vocabulary.from_rows("pairings.csv", [PAIRING])
    (before,) = pt.parse(PAIR_TEXT, date="2019-06-01").pairs
    assert before.known is False
    (after,) = pt.parse(PAIR_TEXT, date="2019-06-01", vocabulary=v).pairs
    assert after.known is True
    items = [("a", PAIR_TEXT, {"date": "2019-06-01"})] * 3
    pages = pt.parse_many(items, processes=2, vocabulary=v)
    assert [page.pairs[0].known for page in pages] == [True, True, True]
    assert [page.pairs[0].known for page in pt.parse_many(items, processes=1)] == [False] * 3


def test_a_shipped_row_of_the_same_key_is_replaced() -> None:
    shipped = {row["alias"]: row for row in _data.read_shipped("region_aliases.csv")}
    alias, row = next(iter(shipped.items()))
    other = "110000" if row["code"] != "110000" else "120000"
    with pt.Vocabulary.from_rows("region_aliases.csv", [{"alias": alias, "code": other}]):
        codes = [r["code"] for r in _data.read_table("region_aliases.csv") if r["alias"] == alias]
    assert codes == [other]


def test_parse_takes_only_a_vocabulary() -> None:
    with pytest.raises(pt.UsageError, match="vocabulary"):
        pt.parse("扶贫", vocabulary={"titles.csv": []})  # type: ignore[arg-type]
    with pytest.raises(pt.UsageError, match="vocabulary"):
        pt.parse_many(["扶贫"], vocabulary="titles.csv")  # type: ignore[arg-type]


def known_column(path: Path) -> list[str]:
    return [row["known"] for row in csv.DictReader(path.read_text("utf-8").splitlines())]


def test_the_command_line_reads_a_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from povertytext.cli import main

    words = tmp_path / "words"
    words.mkdir()
    write(words, "pairings.csv", f"{','.join(PAIRING)}\n{','.join(PAIRING.values())}\n")
    text = write(tmp_path, "a.txt", PAIR_TEXT)
    out = tmp_path / "pairs.csv"
    args = ["parse", str(text), "--date", "2019-06-01", "--tables", "pairs", "-o", str(out), "-q"]
    assert main([*args, "--vocabulary", str(words)]) == 0
    with_words = known_column(out)
    assert main(args) == 0
    assert (with_words, known_column(out)) == (["true"], ["false"])
    write(words, "units.csv", "surface,unit\n垧,垧\n")
    with pytest.raises(SystemExit):
        main([*args, "--vocabulary", str(words)])
    assert "--vocabulary: " in capsys.readouterr().err


def test_the_command_line_reads_region_names_with_the_vocabulary(tmp_path: Path) -> None:
    from povertytext.cli import main

    words = write(tmp_path, "region_aliases.csv", "alias,code\n大凉山,513400\n")
    text = write(tmp_path, "a.txt", "今年全州投入帮扶资金3亿元。")
    out = tmp_path / "pages.jsonl"
    args = ["parse", str(text), "--region", "大凉山", "-o", str(out), "-q"]
    assert main([*args, "--vocabulary", str(words)]) == 0
    assert '"code":"513400"' in out.read_text("utf-8").replace(" ", "")
    with pytest.raises(SystemExit):
        main(args)


@pytest.mark.parametrize(
    "make",
    [
        lambda: pt.Vocabulary(["titles.csv"]),  # type: ignore[arg-type]
        lambda: pt.Vocabulary({"titles.csv": "产业指导员"}),  # type: ignore[dict-item]
        lambda: pt.Vocabulary({"titles.csv": [("title", "x")]}),  # type: ignore[list-item]
        lambda: pt.Vocabulary.from_rows("titles.csv", 5),  # type: ignore[arg-type]
    ],
    ids=["list", "text-as-rows", "tuple-as-row", "number-as-rows"],
)
def test_rows_of_the_wrong_type_are_usage_errors(make: Any) -> None:
    with pytest.raises(pt.UsageError):
        make()


def test_an_empty_vocabulary_shares_what_the_shipped_tables_built() -> None:
    _data.read_table.cache_clear()
    with pt.Vocabulary():
        _data.read_table("region_aliases.csv")
    _data.read_table("region_aliases.csv")
    assert _data.read_table.cache_size() == 1
