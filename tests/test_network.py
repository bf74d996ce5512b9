"""The assistance network: the graph ``network`` builds, GraphML read back, the picture drawn."""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

import pytest

import povertytext as pt
from povertytext import graph as graphs
from povertytext.cli import main

nx = pytest.importorskip("networkx")
pytest.importorskip("matplotlib")

TEXTS = {
    "guangzhou.txt": (
        "山海携手 共奔小康\n\n广州\n\n周明远\n\n广州市人民政府副市长\n\n"
        "“十三五”以来，广州市与黔南州、毕节市开展东西部扶贫协作，累计投入财政帮扶资金12.5亿元。\n"
    ),
    "foshan.txt": "佛山市与凉山州开展东西部扶贫协作以来，共建产业园区6个。\n",
    "none.txt": "投入帮扶资金3000万元。\n",
}


@pytest.fixture(scope="module")
def pages() -> list[pt.Page]:
    return [pt.parse(text, source=name) for name, text in TEXTS.items()]


def test_one_edge_per_pair_keyed_by_region_code(pages: list[pt.Page]) -> None:
    graph = pt.network(pages)
    assert isinstance(graph, nx.MultiDiGraph)
    rows = pt.tables.records(pages, "pairs")
    assert graph.number_of_edges() == len(rows) > 0
    edges = sorted((u, v, d["source"], d["evidence"]) for u, v, d in graph.edges(data=True))
    expected = sorted((r["helper_code"], r["helped_code"], r["source"], r["text"]) for r in rows)
    assert edges == expected
    assert set(graph) == {r["helper_code"] for r in rows} | {r["helped_code"] for r in rows}


def test_edge_and_node_attributes(pages: list[pt.Page]) -> None:
    graph = pt.network(pages)
    [(helper, helped, data)] = [
        (u, v, d) for u, v, d in graph.edges(data=True) if d["source"] == "foshan.txt"
    ]
    assert (helper, helped) == ("440600", "513400")
    assert data["relation"] == "东西部扶贫协作"
    assert data["direction"] in ("stated", "implied")
    assert data["status"] == "stated"
    assert data["relation_text"]
    assert TEXTS["foshan.txt"][data["start"] : data["end"]] == data["evidence"]
    assert None not in data.values()
    node = graph.nodes["513400"]
    assert (node["name"], node["level"], node["province"], node["province_name"]) == (
        "凉山彝族自治州",
        "city",
        "510000",
        "四川省",
    )


def test_a_pair_stated_in_several_texts_is_several_edges(pages: list[pt.Page]) -> None:
    twice = pt.network([pages[1], pages[1].model_copy(update={"source": "again.txt"})])
    assert twice.number_of_edges("440600", "513400") == 2


def test_graphml_reads_back_with_networkx(pages: list[pt.Page], tmp_path: Path) -> None:
    graph = pt.network(pages)
    path = tmp_path / "edges.graphml"
    nx.write_graphml(graph, path)
    back = nx.read_graphml(path, force_multigraph=True)
    assert isinstance(back, nx.MultiDiGraph)
    assert sorted(back.edges()) == sorted(graph.edges())
    assert back.nodes["513400"]["province_name"] == "四川省"


def test_plot_writes_a_png(pages: list[pt.Page], tmp_path: Path) -> None:
    path = tmp_path / "network.png"
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no missing-glyph warning, whatever fonts there are
        graphs.plot_network(pt.network(pages), path)
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    import matplotlib.image

    height, width, _ = matplotlib.image.imread(path).shape
    assert width > 500
    assert height > 300


@pytest.mark.parametrize("labels", ["code", "auto"])
def test_plot_an_empty_network(tmp_path: Path, labels: graphs.Labels) -> None:
    path = tmp_path / "empty.png"
    graphs.plot_network(pt.network([]), path, labels=labels)
    assert path.stat().st_size > 0


def test_missing_networkx_is_a_library_error_with_an_install_hint(
    monkeypatch: pytest.MonkeyPatch, pages: list[pt.Page]
) -> None:
    monkeypatch.setitem(sys.modules, "networkx", None)
    with pytest.raises(pt.MissingDependencyError, match=r"povertytext\[network\]"):
        pt.network(pages)


# ---------------------------------------------------------------- the command line


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_cli_writes_graphml_and_a_png(
    corpus: Path, tmp_path: Path, pages: list[pt.Page], capsys: pytest.CaptureFixture[str]
) -> None:
    edges, png = tmp_path / "edges.graphml", tmp_path / "network.png"
    assert main(["network", str(corpus), "-o", str(edges), "--plot", str(png)]) == 0
    back = nx.read_graphml(edges, force_multigraph=True)
    files = sorted(corpus.iterdir())
    expected = pt.network(pt.parse(p.read_text("utf-8"), source=str(p)) for p in files)
    assert sorted(back.edges()) == sorted(expected.edges())
    assert png.read_bytes()[:4] == b"\x89PNG"
    assert "pair" in capsys.readouterr().err


def test_cli_network_needs_an_output(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["network", str(corpus)])
    assert exit_info.value.code == 2
    assert "-o" in capsys.readouterr().err


def test_cli_network_rejects_an_unknown_graph_format(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["network", str(corpus), "-o", str(tmp_path / "edges.xyz")])
    assert exit_info.value.code == 2
    assert ".graphml" in capsys.readouterr().err


@pytest.mark.parametrize(
    "value",
    [None, 5, "page.txt", b"page", [pt.Page(length=0), 5], object()],
    ids=lambda v: type(v).__name__,
)
def test_pages_of_the_wrong_type_are_a_usage_error(value: object) -> None:
    with pytest.raises(pt.UsageError, match=r"^network\(pages=\.\.\.\): "):
        pt.network(value)  # type: ignore[arg-type]
