"""What the installed distribution ships: version, type marker, data, entry point, API."""

from __future__ import annotations

from importlib import metadata, resources

import pytest

import povertytext


def test_version_matches_the_installed_metadata() -> None:
    assert povertytext.__version__ == metadata.version("povertytext")


@pytest.mark.parametrize("name", ["py.typed", "data/example.txt"])
def test_file_is_shipped_in_the_package(name: str) -> None:
    assert resources.files("povertytext").joinpath(name).is_file()


def test_console_script_points_at_the_cli() -> None:
    [script] = metadata.entry_points(group="console_scripts", name="povertytext")
    assert script.value == "povertytext.cli:main"


def test_every_name_in_all_exists() -> None:
    missing = [name for name in povertytext.__all__ if not hasattr(povertytext, name)]
    assert missing == []
    assert len(set(povertytext.__all__)) == len(povertytext.__all__)
