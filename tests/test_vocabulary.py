"""A user's own vocabulary: files read, rows checked, applied to one call only."""

from __future__ import annotations

import pickle
import threading
from pathlib import Path

import pytest

import povertytext as pt
from povertytext import _data
from povertytext.vocabulary import VOCABULARY_TABLES

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
    for table in VOCABULARY_TABLES:
        assert _data.read_shipped(table)


def test_rows_apply_inside_the_block_only() -> None:
    v = pt.Vocabulary.from_rows("region_aliases.csv", [ALIAS])
    shipped = len(_data.read_table("region_aliases.csv"))
    with v:
        assert len(_data.read_table("region_aliases.csv")) == shipped + 1
        assert _data.read_table("region_aliases.csv")[-1]["alias"] == "大凉山"
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
