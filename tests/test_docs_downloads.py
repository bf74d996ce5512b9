"""The picture of ``docs/downloads.md`` is the one its network command draws.

``python tests/test_docs_downloads.py`` runs the page's examples and copies the
picture they draw to ``docs/downloads_network.png`` (with a font that has Chinese
characters installed, so that the nodes carry their names).
"""

from __future__ import annotations

import doctest
import shutil
import struct
import sys
from pathlib import Path
from typing import Any

import pytest

DOCS = Path(__file__).resolve().parent.parent / "docs"
PAGE = DOCS / "downloads.md"
PICTURE = DOCS / "downloads_network.png"


def run_page() -> dict[str, Any]:
    """Run the examples of the page, all but its last (the clean-up); return their names."""
    script = doctest.script_from_examples(PAGE.read_text("utf-8"))
    body = script.rsplit("workspace.cleanup()", 1)[0]
    namespace: dict[str, Any] = {"__name__": "downloads"}
    exec(compile(body, str(PAGE), "exec"), namespace)
    return namespace


def png_size(path: Path) -> tuple[int, int]:
    """Return the width and height of the PNG image ``path``, from its header."""
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", head[16:24])
    return width, height


def test_the_page_shows_the_picture_it_draws() -> None:
    pytest.importorskip("matplotlib")
    pytest.importorskip("reportlab")
    assert f"]({PICTURE.name})" in PAGE.read_text("utf-8")
    namespace = run_page()
    try:
        assert png_size(PICTURE) == png_size(namespace["picture"])
    finally:
        namespace["workspace"].cleanup()


if __name__ == "__main__":
    names = run_page()
    shutil.copyfile(names["picture"], PICTURE)
    names["workspace"].cleanup()
    print(f"wrote {PICTURE} {png_size(PICTURE)}", file=sys.stderr)
