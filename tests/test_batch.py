"""Many documents: parse_many over processes, file reading, and the Dask recipe of the tutorial.

Consistency tests run the sample pages (``tests._shared.sample_texts``: the real corpus
too when ``../shared`` is there): whatever the extractors find, a process pool and Dask
must give the same pages, and the same rows, as one process, in input order.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterator
from pathlib import Path

import pytest

import povertytext as pt
from povertytext.batch import (
    AHEAD,
    Item,
    UnreadableTextError,
    parse_file,
    parse_iter,
    parse_many,
    read_text,
    warmup,
)
from povertytext.errors import UsageError
from povertytext.tables import TABLES, Row, Table, records

from ._shared import sample_texts

CORPUS = sample_texts()
SAMPLE = "截至2020年12月底，投入帮扶资金3000万元，带动贫困户1.82万户增收。"


@pytest.fixture(scope="module")
def corpus() -> list[tuple[str, str]]:
    """The corpus as (source, text) pairs, in file name order."""
    return [(str(path), path.read_text("utf-8")) for path in CORPUS]


@pytest.fixture(scope="module")
def single(corpus: list[tuple[str, str]]) -> list[pt.Page]:
    """The corpus parsed one text after another by ``parse``."""
    return [pt.parse(text, source=source) for source, text in corpus]


# ---------------------------------------------------------------- parse_many


def test_in_process_equals_parse(corpus: list[tuple[str, str]], single: list[pt.Page]) -> None:
    assert parse_many(corpus, processes=1) == single


@pytest.mark.parametrize(
    "chunksize",
    [pytest.param(None, id="default-chunks"), pytest.param(1, id="one-per-chunk")],
)
def test_two_processes_equal_one_in_input_order(
    corpus: list[tuple[str, str]], single: list[pt.Page], chunksize: int | None
) -> None:
    reversed_corpus = corpus[::-1]
    pages = parse_many(reversed_corpus, processes=2, chunksize=chunksize)
    assert [page.source for page in pages] == [source for source, _ in reversed_corpus]
    assert pages == single[::-1]


def test_parse_iter_yields_the_same_pages(
    corpus: list[tuple[str, str]], single: list[pt.Page]
) -> None:
    assert list(parse_iter(iter(corpus), processes=2)) == single


def test_parse_iter_can_stop_early(corpus: list[tuple[str, str]], single: list[pt.Page]) -> None:
    pages = parse_iter(corpus * 4, processes=2, chunksize=1)
    assert next(pages) == single[0]
    pages.close()  # the pool shuts down, work not started is dropped


def _numbered(count: int, taken: list[int]) -> Iterator[tuple[str, str]]:
    """``count`` inputs made one at a time, each index put in ``taken`` when it is made."""
    for index in range(count):
        taken.append(index)
        yield f"{index}.txt", f"第{index}篇。" + SAMPLE


@pytest.mark.parametrize("processes", [1, 2])
def test_parse_iter_takes_a_generator_lazily(processes: int) -> None:
    taken: list[int] = []
    pages = parse_iter(_numbered(200, taken), processes=processes)
    assert taken == []  # nothing is read before the first page is asked for
    assert next(pages).source == "0.txt"
    assert len(taken) <= processes * AHEAD < 50  # a window ahead, never the whole input
    pages.close()
    assert len(taken) <= processes * AHEAD


def test_parse_iter_over_processes_keeps_the_order_of_a_generator() -> None:
    taken: list[int] = []
    sources = [page.source for page in parse_iter(_numbered(40, taken), processes=2)]
    assert sources == [f"{index}.txt" for index in range(40)]
    assert taken == list(range(40))


def test_parse_iter_checks_its_arguments_at_once() -> None:
    with pytest.raises(UsageError, match="iterable"):
        parse_iter(SAMPLE)
    with pytest.raises(UsageError, match="processes"):
        parse_iter([SAMPLE], processes="2")  # type: ignore[arg-type]


def test_a_bad_input_stops_the_pages_where_it_stands() -> None:
    pages = parse_iter(iter([SAMPLE, ("b.txt", SAMPLE), b"x"]), processes=1)  # type: ignore[arg-type]
    assert [next(pages).source, next(pages).source] == [None, "b.txt"]
    with pytest.raises(UsageError, match="source, text"):
        next(pages)


@pytest.mark.parametrize(
    ("texts", "sources"),
    [
        pytest.param([SAMPLE], [None], id="plain-text-no-source"),
        pytest.param([("a.txt", SAMPLE)], ["a.txt"], id="source-text-pair"),
        pytest.param({"a.txt": SAMPLE, "b.txt": "选派干部128名。"}.items(), ["a.txt", "b.txt"],
                     id="dict-items"),
        pytest.param([SAMPLE, ("b.txt", SAMPLE)], [None, "b.txt"], id="mixed"),
        pytest.param([(None, SAMPLE)], [None], id="pair-with-no-source"),
        pytest.param([], [], id="nothing"),
    ],
)  # fmt: skip
def test_inputs(texts: list[Item], sources: list[str | None]) -> None:
    pages = parse_many(texts, processes=1)
    assert [page.source for page in pages] == sources
    assert all(page == pt.parse(SAMPLE, source=page.source) for page in pages[:1])


@pytest.mark.parametrize(
    "item",
    [
        pytest.param(b"bytes", id="bytes"),
        pytest.param(("a.txt",), id="one-tuple"),
        pytest.param(("a.txt", SAMPLE, "x"), id="three-tuple"),
        pytest.param((SAMPLE, 1), id="text-not-str"),
        pytest.param(["a.txt", SAMPLE], id="list-not-tuple"),
    ],
)
def test_bad_input_is_a_type_error(item: object) -> None:
    with pytest.raises(UsageError, match="source, text"):
        parse_many([SAMPLE, item], processes=1)  # type: ignore[list-item]


@pytest.mark.parametrize(
    ("processes", "chunksize"),
    [pytest.param(0, None, id="no-processes"), pytest.param(2, 0, id="empty-chunks")],
)
def test_bad_counts_are_value_errors(processes: int, chunksize: int | None) -> None:
    with pytest.raises(ValueError, match="at least 1"):
        parse_many([SAMPLE, SAMPLE], processes=processes, chunksize=chunksize)


def test_pages_pickle(single: list[pt.Page]) -> None:
    assert pickle.loads(pickle.dumps(single)) == single


def test_warmup_can_be_called_again() -> None:
    warmup()
    warmup()


# ---------------------------------------------------------------- files


@pytest.mark.parametrize(
    "encoding",
    [
        pytest.param("utf-8", id="utf-8"),
        pytest.param("utf-8-sig", id="utf-8-bom-dropped"),
        pytest.param("gb18030", id="gb18030"),
        pytest.param("gbk", id="gbk"),
    ],
)
def test_read_text(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "speech.txt"
    path.write_bytes(SAMPLE.encode(encoding))
    assert read_text(path) == SAMPLE


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        pytest.param(None, "cannot read", id="missing"),
        pytest.param("dir", "cannot read", id="directory"),
        pytest.param(b"\xff\xfe\x80\x00", "cannot decode", id="undecodable"),
    ],
)
def test_unreadable_file_is_named(tmp_path: Path, content: bytes | str | None, reason: str) -> None:
    path = tmp_path / "bad.txt"
    if content == "dir":
        path.mkdir()
    elif isinstance(content, bytes):
        path.write_bytes(content)
    with pytest.raises(UnreadableTextError) as error:
        parse_file(path)
    assert (error.value.code, error.value.path) == ("unreadable", str(path))
    assert reason in str(error.value)
    assert str(path) in str(error.value)


def test_parse_file_labels_the_page_with_its_path(single: list[pt.Page]) -> None:
    assert parse_file(CORPUS[0]) == single[0]
    assert parse_file(str(CORPUS[0])).source == str(CORPUS[0])


# ---------------------------------------------------------------- Dask (the tutorial's recipe)


def rows(pages: list[pt.Page], table: Table) -> list[Row]:
    return [row for page in pages for row in records(page, table)]


@pytest.mark.parametrize(
    "scheduler",
    [pytest.param("synchronous", id="synchronous"), pytest.param("processes", id="processes")],
)
def test_dask_bag_gives_the_rows_of_one_process(single: list[pt.Page], scheduler: str) -> None:
    dask = pytest.importorskip("dask")
    bag = pytest.importorskip("dask.bag")
    paths = [str(path) for path in CORPUS]
    pages = bag.from_sequence(paths, npartitions=2).map(parse_file)
    tables = [pages.map(records, table=table).flatten() for table in TABLES]
    dask_pages, *dask_tables = dask.compute(pages, *tables, scheduler=scheduler)
    assert dask_pages == single
    for table, dask_rows in zip(TABLES, dask_tables, strict=True):
        assert dask_rows == rows(single, table), table


def test_workers_that_fork_start_warm(monkeypatch: pytest.MonkeyPatch) -> None:
    import multiprocessing

    from povertytext import batch

    calls: list[str] = []
    monkeypatch.setattr(batch, "warmup", lambda: calls.append("warm"))
    for method in ("fork", "spawn"):
        monkeypatch.setattr(multiprocessing, "get_start_method", lambda m=method: m)
        batch._warm_parent()
    assert calls == ["warm"]


def test_counts_beyond_a_machine_word_are_taken_as_they_come() -> None:
    """processes or chunksize of 2**63 (found by the fuzz test): the pages, no ValueError."""
    texts = ["投入资金3000万元。", "投入资金5000万元。", "帮扶。"]
    pages = parse_many(texts, processes=2**63)
    assert [len(page.quantities) for page in pages] == [1, 1, 0]
    pages = parse_many(texts, processes=2, chunksize=2**63)
    assert [len(page.quantities) for page in pages] == [1, 1, 0]
