"""The import graph of the package, read with ``ast``: the bottom modules form no cycle.

Only imports that run when a module is imported count: those at module level, outside
``if TYPE_CHECKING:`` blocks (imports inside functions run later and break no import).
"""

from __future__ import annotations

import ast
from pathlib import Path

import povertytext

PACKAGE = Path(povertytext.__file__).parent

# models at the bottom; the quantity stage and what it reads
BOTTOM = (
    "errors",
    "_exact",
    "_chinese",
    "models",
    "numerals",
    "characters",
    "dates",
    "units",
    "amounts",
    "nonamounts",
    "quantities",
)


def _is_type_checking(node: ast.stmt) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def _run_time_imports(module: str) -> set[str]:
    tree = ast.parse((PACKAGE / f"{module}.py").read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in tree.body:
        if _is_type_checking(node) or not isinstance(node, ast.ImportFrom) or node.level != 1:
            continue
        targets = [node.module] if node.module else [alias.name for alias in node.names]
        found.update(name.split(".")[0] for name in targets if name)
    return {name for name in found if (PACKAGE / f"{name}.py").exists()}


def _reachable(start: str) -> set[str]:
    seen: set[str] = set()
    todo = [start]
    while todo:
        for name in _run_time_imports(todo.pop()):
            if name not in seen:
                seen.add(name)
                todo.append(name)
    return seen


def test_no_bottom_module_imports_itself_back() -> None:
    cycles = [module for module in BOTTOM if module in _reachable(module)]
    assert cycles == []


def test_models_import_only_bottom_modules() -> None:
    assert _reachable("models") <= {"errors", "_exact", "_chinese"}


def test_the_graph_reader_sees_the_edges() -> None:
    """The reader is no test that cannot fail: the quantity stage does reach the models."""
    assert "models" in _reachable("quantities")
    assert "dates" in _reachable("nonamounts")
