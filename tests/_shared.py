"""Where the shared corpus, gold and conformance suites live (beside the repository)."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest

SHARED = Path(os.environ.get("POVERTYTEXT_SHARED", Path(__file__).resolve().parents[2] / "shared"))


def shared_dir(name: str) -> Path:
    """The folder ``name`` of shared/, or skip the calling test module when it is absent."""
    path = SHARED / name
    if not path.is_dir():
        pytest.skip(f"{path} is not available", allow_module_level=True)
    return path


ROOT = Path(__file__).resolve().parents[1]


def load_script(name: str) -> ModuleType:
    """The module of ``scripts/<name>.py`` (a generator script), loaded without running it."""
    path = ROOT / "scripts" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = script  # dataclasses look their module up while it loads
    try:
        spec.loader.exec_module(script)
    finally:
        del sys.modules[spec.name]
    return script
