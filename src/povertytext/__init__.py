"""povertytext: typed, exact, traceable data from Chinese poverty-alleviation texts.

>>> import povertytext as pt
>>> pt.parse_number("二千三百万")
Decimal('23000000')
>>> [str(q) for q in pt.extract_quantities("帮助24.76万贫困群众摆脱贫困，累计投入40.48亿元")]
['24.76万 = 247600', '40.48亿元 = 4048000000 元']
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from .batch import parse_iter, parse_many, warmup
from .dates import extract_dates, parse_date
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
)
from .graph import network
from .indicators import extract_indicators
from .layout import parse
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
from .pairs import extract_pairs
from .quantities import extract_numbers, extract_quantities, parse_quantity
from .readers import SourceText, parse_file, read_file, read_text
from .regions import extract_regions, region_for_code, resolve_region
from .tables import json_schema, records, to_dataframe

try:
    __version__ = version("povertytext")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0+unknown"

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
