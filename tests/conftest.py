"""The ``needs_shared`` marker: a test that reads ``../shared`` skips alone when it is absent.

``@pytest.mark.needs_shared("gold", "corpus")`` names the folders of shared/ a test reads
(``POVERTYTEXT_SHARED`` moves shared/). Without them only the marked tests skip, so a clone
without shared/ still runs every unit test; ``-m "not needs_shared"`` leaves them out anyway.
"""

from __future__ import annotations

import pytest

from ._shared import SHARED


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        for mark in item.iter_markers("needs_shared"):
            if not mark.args:
                raise pytest.UsageError(f"{item.nodeid}: needs_shared names no folder")
            missing = [name for name in mark.args if not (SHARED / name).is_dir()]
            if missing:
                reason = ", ".join(str(SHARED / name) for name in missing) + " not available"
                item.add_marker(pytest.mark.skip(reason=reason))
