"""povertytext: typed, exact, traceable data from Chinese poverty-alleviation texts.

>>> import povertytext as pt
>>> pt.parse_number("二千三百万")
Decimal('23000000')
>>> [str(q) for q in pt.extract_quantities("帮助24.76万贫困群众摆脱贫困，累计投入40.48亿元")]
['24.76万 = 247600', '40.48亿元 = 4048000000 元']
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .errors import (
    AmbiguousRegionError,
    DateError,
    MaskedNumberError,
    MissingDependencyError,
    NotTextError,
    NumeralError,
    PovertyTextError,
    QuantityError,
    UnknownRegionError,
    UnreadableTextError,
    UsageError,
    VocabularyError,
)

if TYPE_CHECKING:  # the names below load on first use (__getattr__), so importing stays quick
    from .batch import parse_iter, parse_many, warmup
    from .dates import extract_dates, parse_date
    from .graph import network
    from .indicators import extract_indicators
    from .models import (
        Article,
        AssistancePair,
        Author,
        DateMention,
        Document,
        Essay,
        Indicator,
        Official,
        Page,
        Position,
        Quantity,
        Region,
        RegionMention,
        Span,
        Speech,
    )
    from .numerals import parse_number
    from .officials import extract_officials
    from .page import parse
    from .pairs import extract_pairs
    from .quantities import extract_numbers, extract_quantities, parse_quantity
    from .readers import SourceText, parse_file, read_file, read_text
    from .regions import extract_regions, region_for_code, resolve_region
    from .tables import json_schema, records, to_dataframe
    from .vocabulary import Vocabulary

_MODELS = "Article AssistancePair Author DateMention Document Essay Indicator Official Page"
_LAZY = {
    "batch": "parse_iter parse_many warmup",
    "dates": "extract_dates parse_date",
    "graph": "network",
    "indicators": "extract_indicators",
    "models": _MODELS + " Position Quantity Region RegionMention Span Speech",
    "numerals": "parse_number",
    "officials": "extract_officials",
    "page": "parse",
    "pairs": "extract_pairs",
    "quantities": "extract_numbers extract_quantities parse_quantity",
    "readers": "SourceText parse_file read_file read_text",
    "regions": "extract_regions region_for_code resolve_region",
    "tables": "json_schema records to_dataframe",
    "vocabulary": "Vocabulary",
}
_HOME = {name: module for module, names in _LAZY.items() for name in names.split()}


def _version() -> str:
    """The installed distribution's version (importlib.metadata is slow to import)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("povertytext")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "0+unknown"


def __getattr__(name: str) -> Any:
    """A public name, imported from its module on first use, then kept here."""
    if name == "__version__":
        value: Any = _version()
    elif name in _HOME:
        value = getattr(importlib.import_module(f".{_HOME[name]}", __name__), name)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = [
    "AmbiguousRegionError",
    "Article",
    "AssistancePair",
    "Author",
    "DateError",
    "DateMention",
    "Document",
    "Essay",
    "Indicator",
    "MaskedNumberError",
    "MissingDependencyError",
    "NotTextError",
    "NumeralError",
    "Official",
    "Page",
    "Position",
    "PovertyTextError",
    "Quantity",
    "QuantityError",
    "Region",
    "RegionMention",
    "SourceText",
    "Span",
    "Speech",
    "UnknownRegionError",
    "UnreadableTextError",
    "UsageError",
    "Vocabulary",
    "VocabularyError",
    "__version__",
    "extract_dates",
    "extract_indicators",
    "extract_numbers",
    "extract_officials",
    "extract_pairs",
    "extract_quantities",
    "extract_regions",
    "json_schema",
    "network",
    "parse",
    "parse_date",
    "parse_file",
    "parse_iter",
    "parse_many",
    "parse_number",
    "parse_quantity",
    "read_file",
    "read_text",
    "records",
    "region_for_code",
    "resolve_region",
    "to_dataframe",
    "warmup",
]
