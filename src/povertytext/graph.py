"""The assistance network: regions as nodes, one edge per pair, as a networkx graph.

:func:`network` turns pages into a networkx ``MultiDiGraph`` (the ``network``
extra: ``pip install 'povertytext[network]'``): a node per region, keyed by its
6-digit national code (names repeat across provinces), an edge helper → helped
per assistance pair, so a pair stated in three texts is three edges, each with
where it was read. :func:`plot_network` draws it with matplotlib: helpers on the
left, the regions they help on the right, every region coloured by its province.

Node attributes: ``name``, ``full_name``, ``level`` (province, city, county),
``province`` (the province's code) and ``province_name``. Edge attributes: the
pair's ``relation``, ``relation_text``, ``direction``, ``status``,
``helper_implied``, ``known``, ``known_period``, ``known_source``, the ``date``
of the document that states it, where it was read (``source``, ``document``,
``document_title``) and the ``evidence`` with its ``start`` and ``end``. An
attribute with no value is left out, so ``networkx.write_graphml`` writes the
graph as it is.

>>> import povertytext as pt
>>> graph = pt.network(pt.parse("广州市对口帮扶毕节市。"))
>>> [(u, v, data["relation"]) for u, v, data in graph.edges(data=True)]
[('440100', '520500', '东西部扶贫协作')]
>>> graph.nodes["520500"]["province_name"]
'贵州省'
"""

from __future__ import annotations

import importlib
import os
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Literal

from .errors import MissingDependencyError
from .models import AssistancePair, Document, Page, Region
from .regions import ancestor_at
from .tables import pages_of, pair_row

if TYPE_CHECKING:
    import networkx

__all__ = ["Labels", "import_extra", "network", "plot_network"]

Labels = Literal["auto", "name", "code"]
"""What :func:`plot_network` writes beside a node: its name, its code, or ``auto``:
the name when a font with Chinese characters is installed, else the code."""

# Fonts with Chinese characters that matplotlib may find, most common first.
_CJK_FONTS = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "SimHei",
    "PingFang SC",
    "Heiti SC",
    "STHeiti",
    "Hiragino Sans GB",
    "Noto Sans CJK JP",
    "AR PL UMing CN",
    "Droid Sans Fallback",
    "Arial Unicode MS",
)


# the columns of a pair row that its two nodes hold
_NODE_COLUMNS = frozenset({"helper_code", "helper", "helped_code", "helped"})


def network(pages: Page | Iterable[Page]) -> networkx.MultiDiGraph:
    """Return the assistance network of ``pages``: one edge per pair, helper → helped.

    Pairs come from each document in text order, then the page's pairs found in
    no document (``document`` left out), as in the ``pairs`` table.

    Raises:
        UsageError: when ``pages`` is neither a page nor an iterable of pages.
        MissingDependencyError: when networkx is not installed
            (``pip install 'povertytext[network]'``).
    """
    checked = pages_of(pages, "network")
    nx = import_extra("networkx", "networkx is needed for the network")
    graph = nx.MultiDiGraph()
    for page in checked:
        for index, document, pair in _pairs(page):
            for region in (pair.helper, pair.helped):
                if region.code not in graph:
                    graph.add_node(region.code, **_node(region))
            graph.add_edge(pair.helper.code, pair.helped.code, **_edge(page, index, document, pair))
    return graph


def plot_network(
    graph: networkx.MultiDiGraph,
    path: str | os.PathLike[str],
    *,
    labels: Labels = "auto",
    title: str | None = None,
) -> None:
    """Draw ``graph`` (from :func:`network`) to the image file ``path`` (PNG, SVG, PDF…).

    Helpers stand on the left, the regions they help on the right (a region that
    does both, in the middle), grouped and coloured by province, with a legend of
    the provinces; an arrow per helper → helped, as wide as the number of edges
    between them. ``labels`` says what is written beside each node.

    Raises:
        MissingDependencyError: when matplotlib is not installed
            (``pip install 'povertytext[network]'``).
    """
    import_extra("matplotlib", "matplotlib is needed to draw the network")
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.patches import FancyArrowPatch

    font = _cjk_font()
    by_name = labels == "name" or (labels == "auto" and font is not None)
    columns = _columns(graph)
    rows = max((len(nodes) for nodes in columns), default=1)
    figure = Figure(figsize=(10, max(4.0, 0.32 * rows + 1.5)))
    axes = figure.add_subplot()
    axes.set_axis_off()
    text_style: dict[str, Any] = {"fontfamily": font} if font and by_name else {}
    provinces = sorted({graph.nodes[n].get("province", "") for n in graph})
    colours = {code: _colour(i) for i, code in enumerate(provinces)}
    where: dict[str, tuple[float, float]] = {}
    for x, nodes in zip((0.0, 0.5, 1.0), columns, strict=True):
        for rank, node in enumerate(nodes):
            where[node] = (x, 1.0 - (rank + 0.5) / rows)
    widths = Counter((u, v) for u, v, _ in graph.edges(keys=True))
    for (u, v), count in widths.items():
        axes.add_patch(
            FancyArrowPatch(
                where[u],
                where[v],
                arrowstyle="-|>",
                mutation_scale=10,
                linewidth=0.6 + 0.6 * min(count, 8),
                color="#8c8c8c",
                alpha=0.7,
                shrinkA=6,
                shrinkB=6,
                connectionstyle="arc3,rad=0.08" if u != v else "arc3,rad=0.6",
            )
        )
    for node, (x, y) in where.items():
        data = graph.nodes[node]
        axes.scatter([x], [y], s=90, color=colours[data.get("province", "")], zorder=3)
        label = str(data.get("name", node)) if by_name else str(node)
        side = {0.0: ("right", -0.02), 0.5: ("center", 0.0), 1.0: ("left", 0.02)}[x]
        axes.text(
            x + side[1],
            y + (0.012 if x == 0.5 else 0.0),
            label,
            ha=side[0],
            va="bottom" if x == 0.5 else "center",
            fontsize=8,
            **text_style,
        )
    handles = [
        Line2D(
            [],
            [],
            marker="o",
            linestyle="",
            color=colours[code],
            label=_province_label(graph, code, by_name),
        )
        for code in provinces
    ]
    if handles:
        axes.legend(
            handles=handles,
            loc="upper center",
            bbox_to_anchor=(0.5, 0.0),
            ncol=min(len(handles), 6),
            frameon=False,
            fontsize=8,
            prop={"family": font, "size": 8} if font and by_name else None,
        )
    axes.set_xlim(-0.35, 1.35)
    axes.set_ylim(0.0, 1.0)
    heading = title or f"{graph.number_of_nodes()} regions, {graph.number_of_edges()} pairs"
    axes.set_title(heading, fontsize=10, **text_style)
    figure.savefig(os.fspath(path), dpi=150, bbox_inches="tight")


def _pairs(page: Page) -> Iterator[tuple[int | None, Document | None, AssistancePair]]:
    """Yield each pair of ``page`` with its document, then the pairs found in no document."""
    seen: set[tuple[int, int, str]] = set()
    for index, document in enumerate(page.documents):
        for pair in document.pairs:
            seen.add((pair.start, pair.end, pair.text))
            yield index, document, pair
    for pair in page.pairs:
        if (pair.start, pair.end, pair.text) not in seen:
            yield None, None, pair


def _node(region: Region) -> dict[str, str]:
    """Return the attributes of a region's node."""
    province = region if region.level == "province" else ancestor_at(region, "province")
    attributes = {"name": region.name, "full_name": region.full_name, "level": region.level}
    if province is not None:
        attributes["province"] = province.code
        attributes["province_name"] = province.name
    return attributes


def _edge(
    page: Page, index: int | None, document: Document | None, pair: AssistancePair
) -> dict[str, str | int | bool]:
    """Return the attributes of one pair's edge, those without a value left out."""
    row: dict[str, object] = {
        key: value for key, value in pair_row(pair).items() if key not in _NODE_COLUMNS
    }
    row["evidence"] = row.pop("text")
    attributes: dict[str, object] = {
        **row,
        "date": document.date if document else None,
        "source": page.source,
        "document": index,
        "document_title": document.title if document else None,
    }
    return {key: value for key, value in attributes.items() if isinstance(value, (str, int))}


def _columns(graph: networkx.MultiDiGraph) -> tuple[list[str], list[str], list[str]]:
    """Return the helpers only, the regions that help and are helped, the helped only."""
    helpers = {u for u, v in graph.edges() if u != v}
    helped = {v for u, v in graph.edges() if u != v}

    def order(nodes: set[str]) -> list[str]:
        return sorted(nodes, key=lambda n: (graph.nodes[n].get("province", ""), n))

    both = helpers & helped
    alone = set(graph) - helpers - helped
    return order(helpers - both), order(both | alone), order(helped - both)


def _colour(index: int) -> tuple[float, float, float, float]:
    """Return the ``index``-th colour of matplotlib's tab10 palette, cycled."""
    from matplotlib import colormaps

    colour: tuple[float, float, float, float] = colormaps["tab10"](index % 10)
    return colour


def _province_label(graph: networkx.MultiDiGraph, code: str, by_name: bool) -> str:
    """Return the legend's label of the province ``code``."""
    if by_name:
        for node in graph:
            if graph.nodes[node].get("province") == code:
                return str(graph.nodes[node].get("province_name", code))
    return code or "?"


def _cjk_font() -> str | None:
    """Return the name of an installed font with Chinese characters, or None."""
    from matplotlib import font_manager

    installed = {font.name for font in font_manager.fontManager.ttflist}
    return next((name for name in _CJK_FONTS if name in installed), None)


def import_extra(module: str, why: str) -> Any:
    """Return ``module`` of the ``network`` extra (networkx, matplotlib), imported on first use.

    Raises:
        MissingDependencyError: saying ``why`` and how to install it.
    """
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingDependencyError(f"{why}: pip install 'povertytext[network]'") from None
