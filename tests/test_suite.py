"""The test suite runs anywhere: without ``../shared`` only the tests that read it skip."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest

from . import conftest
from ._shared import sample_texts, shared_rows

TESTS = Path(__file__).resolve().parent
# Modules whose every test reads shared/ (gold, dev set, conformance): they may skip whole.
SHARED_ONLY = {"test_conformance", "test_devset", "test_gold_dates", "test_gold_documents"}


def _module_level_skips(path: Path) -> list[int]:
    """Lines of ``path`` that skip the module: shared_dir() or pytest.skip() outside a def."""
    lines = []

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                continue
            if isinstance(child, ast.Call):
                name = ast.unparse(child.func)
                if name in {"shared_dir", "pytest.skip", "skip"}:
                    lines.append(child.lineno)
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    return lines


def test_only_shared_only_modules_skip_whole() -> None:
    skipping = {path.stem for path in TESTS.glob("test_*.py") if _module_level_skips(path)}
    assert skipping == SHARED_ONLY


class _Item:
    """What the marker hook reads of a collected test."""

    def __init__(self, *folders: str) -> None:
        self.nodeid = "tests/test_x.py::test_x"
        self.marks: list[Any] = [pytest.mark.needs_shared(*folders).mark] if folders else []
        self.added: list[Any] = []

    def iter_markers(self, name: str) -> list[Any]:
        return [mark for mark in self.marks if mark.name == name]

    def add_marker(self, marker: Any) -> None:
        self.added.append(marker.mark)


def test_needs_shared_skips_only_when_a_folder_is_absent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "gold").mkdir()
    monkeypatch.setattr(conftest, "SHARED", tmp_path)
    there, absent, plain = _Item("gold"), _Item("gold", "corpus"), _Item()
    conftest.pytest_collection_modifyitems([there, absent, plain])  # type: ignore[list-item]
    assert (there.added, plain.added) == ([], [])
    [skip] = absent.added
    assert skip.name == "skip"
    assert skip.kwargs["reason"] == f"{tmp_path / 'corpus'} not available"


def test_needs_shared_must_name_a_folder() -> None:
    unnamed = _Item()
    unnamed.marks = [pytest.mark.needs_shared.mark]
    with pytest.raises(pytest.UsageError, match="names no folder"):
        conftest.pytest_collection_modifyitems([unnamed])  # type: ignore[list-item]


def test_absent_rows_become_one_placeholder(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests import _shared

    assert shared_rows([1, 2]) == [1, 2]
    monkeypatch.setattr(_shared, "SHARED", Path("/nonexistent-shared"))
    [placeholder] = shared_rows([])
    assert placeholder.id == "no-shared"  # type: ignore[attr-defined]


def test_sample_texts_are_there_without_shared() -> None:
    texts = sample_texts()
    assert len(texts) >= 3
    assert all(path.read_text(encoding="utf-8").strip() for path in texts)
