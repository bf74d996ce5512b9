"""The import graph of ``src/povertytext`` (issue 12), read from the sources with ``ast``.

A module imports another of the package with ``from .x import y``, ``from . import x``,
``import povertytext.x`` or ``from povertytext.x import y``, at the top of the file or
inside a function. Imports under ``if TYPE_CHECKING:`` are left out: they never run.
The graph must have no cycle, few imports hidden in functions (each one hides an edge
from the reader of the module's head), and no private name taken from another module
(an underscore module such as ``_data`` is private to the package, so its names are not).
"""

from __future__ import annotations

import ast
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "povertytext"
MODULES = sorted(path.stem for path in PACKAGE.glob("*.py"))
IN_FUNCTION_LIMIT = 2


@dataclass(frozen=True)
class Import:
    """One intra-package import: who imports, from which module, which names, where."""

    module: str  # the importing module (``__init__`` for the package)
    target: str  # the imported module (``__init__`` for names of the package itself)
    names: tuple[str, ...]  # names taken from ``target``; empty for ``import povertytext.x``
    function: str | None  # the enclosing function, None at module level
    line: int


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _targets(
    node: ast.Import | ast.ImportFrom, modules: set[str]
) -> list[tuple[str, tuple[str, ...]]]:
    """The modules of the package (named ``modules``) an import statement reads, each with
    the names it takes."""
    found: list[tuple[str, tuple[str, ...]]] = []
    if isinstance(node, ast.Import):
        for alias in node.names:
            parts = alias.name.split(".")
            if parts[0] == "povertytext":
                found.append((parts[1] if len(parts) > 1 else "__init__", ()))
        return found
    if node.level == 1:
        dotted = node.module
    elif node.level == 0 and node.module and node.module.split(".")[0] == "povertytext":
        dotted = node.module.partition(".")[2] or None
    else:
        return found  # another library, or a level that leaves the package
    names = tuple(alias.name for alias in node.names)
    if dotted:
        return [(dotted.split(".")[0], names)]
    for name in names:  # from . import x: a module of the package, or a name of __init__
        found.append((name, ()) if name in modules else ("__init__", (name,)))
    return found


def _collect(
    module: str, node: ast.AST, function: str | None, modules: set[str], out: list[Import]
) -> None:
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.If) and _is_type_checking(child):
            for other in child.orelse:
                _collect(module, other, function, modules, out)
            continue
        if isinstance(child, ast.Import | ast.ImportFrom):
            for target, names in _targets(child, modules):
                out.append(Import(module, target, names, function, child.lineno))
        inner = child.name if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef) else None
        _collect(module, child, inner or function, modules, out)


def imports(package: Path = PACKAGE) -> list[Import]:
    """Every intra-package import of the modules of ``package``, in file and line order."""
    found: list[Import] = []
    paths = sorted(package.glob("*.py"))
    modules = {path.stem for path in paths}
    for path in paths:
        _collect(path.stem, ast.parse(path.read_text(encoding="utf-8")), None, modules, found)
    return found


def cycles(edges: set[tuple[str, str]]) -> list[list[str]]:
    """The strongly connected parts of more than one module (or a module importing itself)."""
    graph: dict[str, set[str]] = {}
    for source, target in edges:
        graph.setdefault(source, set()).add(target)
        graph.setdefault(target, set())
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    parts: list[list[str]] = []

    def visit(node: str) -> None:  # Tarjan's algorithm; the package is a few dozen modules
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for after in sorted(graph[node]):
            if after not in index:
                visit(after)
                low[node] = min(low[node], low[after])
            elif after in on_stack:
                low[node] = min(low[node], index[after])
        if low[node] == index[node]:
            part = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                part.append(top)
                if top == node:
                    break
            if len(part) > 1 or node in graph[node]:
                parts.append(sorted(part))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(parts)


def is_private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


# ---------------------------------------------------------------- the reader itself


def _write(folder: Path, sources: dict[str, str]) -> Path:
    for name, source in sources.items():
        (folder / f"{name}.py").write_text(source, encoding="utf-8")
    return folder


def test_the_reader_sees_every_form_of_import(tmp_path: Path) -> None:
    package = _write(
        tmp_path,
        {
            "a": "from .b import x\nfrom . import c\nimport povertytext.d\n",
            "b": "def f():\n    from povertytext.c import _y\n    return _y\n",
            "c": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .a import z\n",
            "d": "import os\nfrom . import __version__\n",
        },
    )
    found = {(i.module, i.target, i.names, i.function) for i in imports(package)}
    assert found == {
        ("a", "b", ("x",), None),
        ("a", "c", (), None),
        ("a", "d", (), None),
        ("b", "c", ("_y",), "f"),
        ("d", "__init__", ("__version__",), None),
    }


def test_cycles_are_found_and_a_chain_is_none() -> None:
    chain = {("a", "b"), ("b", "c")}
    assert cycles(chain) == []
    assert cycles({*chain, ("c", "a"), ("d", "d"), ("e", "f"), ("f", "e")}) == [
        ["a", "b", "c"],
        ["d"],
        ["e", "f"],
    ]


def test_the_package_is_read() -> None:
    """The checks below read real imports: the package has modules and they import."""
    found = imports()
    assert {"models", "layout", "quantities"} <= set(MODULES)
    assert any(i.module == "layout" and i.function is None for i in found)


# ---------------------------------------------------------------- the package (issue 12)

# the imports inside functions the design allows: Page.to_records, the one documented
# convenience of the models that reaches the tables (users may call tables.records instead)
ALLOWED_INSIDE = {("models", "tables")}


def test_no_import_cycle() -> None:
    """No cycle among the imports that run when a module is imported."""
    edges = {(i.module, i.target) for i in imports() if i.target != i.module and not i.function}
    assert cycles(edges) == []


def test_no_cycle_but_through_the_allowed_imports_inside_functions() -> None:
    edges = {
        (i.module, i.target)
        for i in imports()
        if i.target != i.module and (i.module, i.target) not in ALLOWED_INSIDE
    }
    assert cycles(edges) == []


def test_few_imports_inside_functions() -> None:
    hidden = [f"{i.module}.{i.function}:{i.line} -> {i.target}" for i in imports() if i.function]
    assert len(hidden) <= IN_FUNCTION_LIMIT, "\n".join(hidden)


def test_no_private_name_crosses_modules() -> None:
    crossing = [
        f"{i.module}:{i.line} takes {name} from {i.target}"
        for i in imports()
        if i.target == "__init__" or not i.target.startswith("_")
        for name in i.names
        if is_private(name)
    ]
    assert crossing == []


def test_import_povertytext_loads_no_other_library() -> None:
    """``import povertytext`` runs no pydantic, jieba or other dependency: names load lazily."""
    code = (
        "import sys; before = set(sys.modules); import povertytext;"
        "new = {m.split('.')[0] for m in set(sys.modules) - before};"
        "print(sorted(new - set(sys.stdlib_module_names) - {'povertytext'}))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert (result.returncode, result.stdout.strip()) == (0, "[]"), result.stderr


def _reached_at_import(start: str) -> set[str]:
    """The modules that importing ``start`` imports, directly or not (module level only)."""
    edges: dict[str, set[str]] = {}
    for i in imports():
        if not i.function and i.target != i.module:
            edges.setdefault(i.module, set()).add(i.target)
    seen: set[str] = set()
    todo = [start]
    while todo:
        for name in edges.get(todo.pop(), set()) - seen:
            seen.add(name)
            todo.append(name)
    return seen


def test_models_sit_at_the_bottom() -> None:
    """The models import only the errors and the two helpers their methods need."""
    assert _reached_at_import("models") <= {"errors", "_exact", "_chinese"}
    assert "models" in _reached_at_import("quantities")  # the reader sees the edges
