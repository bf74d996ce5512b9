"""Where the shared corpus, gold and conformance suites live (beside the repository)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED = Path(os.environ.get("POVERTYTEXT_SHARED", Path(__file__).resolve().parents[2] / "shared"))


def shared_dir(name: str) -> Path:
    """The folder ``name`` of shared/, or skip the calling test module when it is absent."""
    path = SHARED / name
    if not path.is_dir():
        pytest.skip(f"{path} is not available", allow_module_level=True)
    return path
