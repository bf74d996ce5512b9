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


# The public surface, pinned: a name added or removed here is a change users see (and
# a line in CHANGELOG.md).
PUBLIC = {
    "models": [
        "Article", "AssistancePair", "Author", "DateMention", "Document", "Essay",
        "Indicator", "Official", "Page", "Position", "Quantity", "Region", "RegionMention",
        "SourceText", "Span", "Speech", "Vocabulary",
    ],
    "errors": [
        "AmbiguousRegionError", "DateError", "MaskedNumberError", "MissingDependencyError",
        "NotTextError", "NumeralError", "PovertyTextError", "QuantityError", "UnknownRegionError",
        "UnreadableTextError", "UsageError", "VocabularyError",
    ],
    "functions": [
        "extract_dates", "extract_indicators", "extract_numbers", "extract_officials",
        "extract_pairs", "extract_quantities", "extract_regions", "json_schema", "network",
        "parse",
        "parse_date", "parse_file", "parse_iter", "parse_many", "parse_number", "parse_quantity",
        "read_file", "read_text", "records", "region_for_code", "resolve_region", "to_dataframe",
        "warmup",
    ],
}  # fmt: skip


def test_all_is_pinned() -> None:
    expected = {"__version__", *(name for names in PUBLIC.values() for name in names)}
    assert set(povertytext.__all__) == expected


def test_every_public_error_derives_from_the_base_error() -> None:
    for name in PUBLIC["errors"]:
        error = getattr(povertytext, name)
        assert issubclass(error, povertytext.PovertyTextError)
        assert isinstance(error.code, str)
        assert error.code


TEXT_FUNCTIONS = [
    "extract_dates", "extract_indicators", "extract_numbers", "extract_officials",
    "extract_pairs", "extract_quantities", "extract_regions", "parse", "parse_date",
    "parse_number", "parse_quantity", "resolve_region",
]  # fmt: skip


@pytest.mark.parametrize("name", TEXT_FUNCTIONS)
@pytest.mark.parametrize("value", [b"\xe6\x89\xb6", None, 12], ids=["bytes", "none", "int"])
def test_text_functions_reject_what_is_no_text(name: str, value: object) -> None:
    with pytest.raises(povertytext.NotTextError) as error:
        getattr(povertytext, name)(value)
    assert error.value.code == "not_text"
    assert name in str(error.value)
    assert isinstance(error.value, TypeError)
