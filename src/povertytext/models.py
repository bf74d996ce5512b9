"""The typed results of povertytext: frozen pydantic models.

Every model that stands for a piece of text carries ``text``, ``start`` and
``end``: Python string offsets into the caller's original string, so that
``source[m.start:m.end] == m.text`` always holds. Values are ``Decimal``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeVar, Union

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from pydantic_core import PydanticSerializationError

from ._chinese import chinese_numeral, chinese_yuan
from ._exact import exact_context
from .errors import QuantityError

if TYPE_CHECKING:
    from typing_extensions import Self

__all__ = [
    "AnyDocument",
    "Article",
    "AssistancePair",
    "Author",
    "DateMention",
    "Document",
    "Essay",
    "Indicator",
    "Official",
    "Page",
    "Position",
    "Quantity",
    "QuantityBound",
    "QuantityKind",
    "Region",
    "RegionLevel",
    "RegionMention",
    "Relation",
    "Span",
    "Speech",
    "validated_copy",
]

ModelT = TypeVar("ModelT", bound=BaseModel)


def validated_copy(model: ModelT, changes: Mapping[str, Any]) -> ModelT:
    """A copy of ``model`` with ``changes``, validated as a new model is.

    Unlike pydantic's ``model_copy(update=...)``, which skips validation, a value of
    the wrong type or a span that does not fit its text raises here, so that every
    result survives ``model_validate_json(model_dump_json())``.

    >>> span = Span(text="5亿元", start=0, end=3)
    >>> validated_copy(span, {"start": 2, "end": 5})
    Span(text='5亿元', start=2, end=5)
    """
    if not changes:
        return model
    return type(model).model_validate({**dict(model), **changes})


QuantityKind = Literal[
    "count",
    "money",
    "percent",
    "fraction",
    "multiple",
    "area",
    "mass",
    "length",
    "volume",
    "duration",
    "temperature",
    "age",
    "anniversary",
    "data",
    "frequency",
    "power",
    "energy",
    "speed",
    "ordinal",
    "other",
]

# What the stated value of a quantity is to the amount meant (the ``bound`` column of
# data/qualifiers.csv): exact or about it, a lower bound (超过), an upper bound (不足), or
# a lower bound less than one step of its last digit below the amount (3000多).
QuantityBound = Literal["exact", "about", "lower", "upper", "step"]


_SURROGATE = re.compile("[\ud800-\udfff]")


def _escape_surrogate(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


class _Model(BaseModel):
    """The base of every model: JSON of text with lone surrogates escapes them."""

    def model_dump_json(self, *args: Any, **kwargs: Any) -> str:
        """Pydantic's JSON; a lone surrogate in a string (which UTF-8 cannot encode) is
        written as a JSON escape (``\\ud800``) instead of raising, so ``json.loads``
        gives the same string back."""
        try:
            return super().model_dump_json(*args, **kwargs)
        except PydanticSerializationError as error:
            if "surrogates not allowed" not in str(error):
                raise
        indent = kwargs.pop("indent", None)
        ensure_ascii = bool(kwargs.pop("ensure_ascii", False))
        data = self.model_dump(mode="json", **kwargs)
        separators = (",", ":") if indent is None else (",", ": ")
        text = json.dumps(data, indent=indent, ensure_ascii=ensure_ascii, separators=separators)
        return _SURROGATE.sub(_escape_surrogate, text)

    @classmethod
    def model_validate_json(cls, json_data: str | bytes | bytearray, **kwargs: Any) -> Self:
        """Pydantic's JSON reading; JSON whose strings escape a lone surrogate (as
        :meth:`model_dump_json` writes text holding one), which pydantic's parser
        refuses, is read by :func:`json.loads` and validated, so the round trip holds."""
        try:
            return super().model_validate_json(json_data, **kwargs)
        except ValidationError as error:
            if not any(detail["type"] == "json_invalid" for detail in error.errors()):
                raise
            try:
                data = json.loads(json_data)
            except ValueError:
                raise error from None
        return cls.model_validate(data, **kwargs)


class Span(_Model):
    """A piece of the caller's text: ``text == source[start:end]``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str
    start: int
    end: int

    @model_validator(mode="after")
    def _check_span(self) -> Span:
        if not 0 <= self.start <= self.end or self.end - self.start != len(self.text):
            raise ValueError(f"span [{self.start}, {self.end}) does not fit text {self.text!r}")
        return self


class Quantity(Span):
    """A number with its unit, as written in the text.

    ``value`` is the stated amount with magnitudes folded in (40.48亿元 →
    4048000000, unit 元). A range (8-12个) has ``value=None`` and ``low`` /
    ``high``; a masked number (*.**亿元) has ``value=None`` and ``masked=True``.
    ``kind`` is ``ordinal`` for a number read after 第 (``parse_quantity("第三")``).
    ``bound`` is what the ``qualifier`` makes of the value (its row of
    ``data/qualifiers.csv``, set when the quantity is read; ``exact`` on a quantity
    built by hand unless given): see :meth:`interval`.

    >>> import povertytext as pt
    >>> q = pt.parse_quantity("约40.48亿元")
    >>> q.value, q.unit, q.currency, q.kind, q.qualifier, q.approximate
    (Decimal('4048000000'), '元', 'CNY', 'money', '约', True)
    >>> str(q)
    '约40.48亿元 = 4048000000 元'
    """

    value: Decimal | None = None
    low: Decimal | None = None
    high: Decimal | None = None
    unit: str | None = None
    kind: QuantityKind = "count"
    currency: str | None = None
    qualifier: str | None = None
    approximate: bool = False
    masked: bool = False
    bound: QuantityBound = "exact"

    @property
    def is_range(self) -> bool:
        """True when the quantity is a range (``low`` and/or ``high`` given, no ``value``)."""
        return self.value is None and (self.low is not None or self.high is not None)

    def interval(self) -> tuple[Decimal | None, Decimal | None]:
        """The amount meant, as (low, high) bounds; None for an open or unknown end.

        A range gives its ends; a qualifier turns the stated value into a bound
        (超过5000万元 → (50000000, None), 不足1.9万 → (None, 19000)); 多 and 余
        give the step of the last digit (3000多 → (3000, 4000)); 约 and 左右
        give (value, value), the stated value being the best estimate.

        >>> import povertytext as pt
        >>> pt.parse_quantity("3000多欧元").interval()
        (Decimal('3000'), Decimal('4000'))
        >>> pt.parse_quantity("超过2000台").interval()
        (Decimal('2000'), None)
        """
        if self.value is None:
            return self.low, self.high
        value = self.value
        if self.bound == "lower":
            return value, None
        if self.bound == "upper":
            return None, value
        if self.bound == "step":
            step = _last_digit_step(value)
            return value, exact_context(value, step).add(value, step)
        return value, value

    def to_chinese(self, *, financial: bool = False, unit: bool = True) -> str:
        """The value written in Chinese numerals, with its unit (``unit=False``: without).

        Exact: every digit of ``value`` is written (the integer part by cn2an, the
        decimals one by one after 点), so :func:`povertytext.parse_number` reads the
        numeral back to the same ``Decimal``. A percent is written 百分之…; a range
        ``low至high`` (百分之八至百分之十二). ``financial=True`` writes the financial
        digits (壹贰叁, 拾佰仟) that cannot be altered, and an amount of yuan as a
        cheque does (元, 角, 分, 整).
        What qualifies the value (约, 多, 超过) is not written: see ``qualifier``.

        >>> import povertytext as pt
        >>> pt.parse_quantity("40.48亿元").to_chinese()
        '四十亿四千八百万元'
        >>> pt.parse_quantity("40.48亿元").to_chinese(financial=True)
        '肆拾亿肆仟捌佰万元整'
        >>> pt.parse_quantity("12.34元").to_chinese(financial=True)
        '壹拾贰元叁角肆分'
        >>> pt.parse_quantity("12.5%").to_chinese(), pt.parse_quantity("8-12个").to_chinese()
        ('百分之十二点五', '八至十二个')
        >>> pt.parse_quantity("24.76万").to_chinese(), pt.parse_quantity("1.2万亩").to_chinese()
        ('二十四万七千六百', '一万二千亩')

        Raises:
            QuantityError: when the value is unknown (a masked number, a range with
                an open end) or has more than 16 integer digits (beyond 千万亿).
        """
        if self.value is not None:
            amounts: tuple[Decimal, ...] = (self.value,)
        elif self.low is not None and self.high is not None:
            amounts = (self.low, self.high)
        else:
            what = "masked" if self.masked else "an open range"
            raise QuantityError(f"{self.text!r} is {what}: its value is unknown")
        if unit and financial and self.currency == "CNY" and self.unit == "元":
            return "至".join(chinese_yuan(amount) for amount in amounts)
        per = "百分之" if unit and self.unit == "%" else ""
        written = "至".join(per + chinese_numeral(a, financial=financial) for a in amounts)
        return written + (self.unit or "" if unit and not per else "")

    def __str__(self) -> str:
        unit = f" {self.unit}" if self.unit else ""
        if self.masked:
            amount = "masked"
        elif self.is_range:
            low = "" if self.low is None else format(self.low, "f")
            high = "" if self.high is None else format(self.high, "f")
            amount = f"{low}–{high}"
        else:
            amount = format(self.value, "f")
        return f"{self.text} = {amount}{unit}"


def _last_digit_step(value: Decimal) -> Decimal:
    """One unit of the last non-zero digit of an integer: 3000 → 1000, 1300 → 100."""
    integer = int(value)
    step = 1
    while integer and integer % (step * 10) == 0:
        step *= 10
    return Decimal(step)


DatePrecision = Literal["year", "month", "day", "part", "unknown"]


class DateMention(Span):
    """A date expression in the text.

    ``value`` is ISO 8601 to the precision written (``2020``, ``2020-12``,
    ``2020-08-19``) when the year is written, else None. ``resolved`` is the
    same for a date whose year (or whole value) came from the ``reference``
    date given to :func:`povertytext.extract_dates` (今年 → ``2020``). A range
    (8月17日—18日) has ``value=None`` and ``range`` = its two ends (ISO, or
    ``--08-17`` when the year is unknown). An anonymized year (20__年) has
    ``anonymized=True`` and no value: no year is invented. ``era`` names the
    calendar of a year not counted from the Common Era (``"民国"``: 民国108年 and
    107年 in a Taiwanese text; ``year`` and ``value`` are then Gregorian).
    """

    year: int | None = None
    month: int | None = None
    day: int | None = None
    precision: DatePrecision = "unknown"
    part: str | None = None
    relative: bool = False
    anonymized: bool = False
    era: str | None = None
    value: str | None = None
    resolved: str | None = None
    range: tuple[str, str] | None = None

    def __str__(self) -> str:
        shown = self.value or self.resolved or ("–".join(self.range) if self.range else "?")
        return f"{self.text} = {shown}"


RegionLevel = Literal["province", "city", "county"]


class Region(_Model):
    """An administrative division of China with its national code.

    ``code`` is the 6-digit administrative division code, ``parent`` the code
    of the unit above (None for a province). A unit abolished or renamed has
    ``valid_to`` set and ``successor`` naming the code of the unit that took
    its place.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    full_name: str
    code: str
    level: RegionLevel
    parent: str | None = None
    valid_from: int | None = None
    valid_to: int | None = None
    successor: str | None = None

    def __str__(self) -> str:
        return f"{self.full_name} ({self.code})"


class RegionMention(Span):
    """A place name found in text, resolved to a :class:`Region` when unambiguous.

    An ambiguous name (several units share it and the context does not
    decide) has ``region=None`` and its ``candidates`` listed.
    """

    region: Region | None = None
    candidates: tuple[Region, ...] = ()


class Position(_Model):
    """One office an official holds, expanded to its full form.

    ``text`` is the full form (肇庆市农业农村局局长); ``as_written`` is the form on
    the page (市农业农村局局长, or 市农业\\n农村局局长 when a line break splits
    it; 总书记 for 中共中央总书记), and ``start``/``end`` its span at the first
    mention that gives it (None only for a position built without text). ``organization``
    is the body (肇庆市农业农村局), ``title`` the post in it (局长), ``region``
    the place the body belongs to, when it has one.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str
    as_written: str
    organization: str | None = None
    title: str | None = None
    region: Region | None = None
    start: int | None = None
    end: int | None = None

    def __str__(self) -> str:
        return self.text


class Official(_Model):
    """A named person holding office, once per text, with every position it gives.

    ``start``/``end`` is the span of the name's first mention (``source[start:end]
    == name``); ``mentions`` counts the name's occurrences.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    start: int
    end: int
    positions: tuple[Position, ...] = ()
    mentions: int = 1

    @property
    def text(self) -> str:
        """The name as written at the first mention (same as ``name``)."""
        return self.name

    def __str__(self) -> str:
        posts = "、".join(p.text for p in self.positions)
        return f"{self.name} ({posts})" if posts else self.name


class Author(Span):
    """A person credited with writing a text who is not given as an official.

    ``text`` is the name (朱清海); ``role`` what the page calls them (新快报记者).
    """

    role: str | None = None


Relation = Literal["东西部扶贫协作", "省内对口帮扶", "对口支援", "定点帮扶", "结对帮扶", "other"]
PairStatus = Literal["stated", "new", "former"]
PairDirection = Literal["stated", "implied"]


class AssistancePair(Span):
    """One directed assistance edge, helper → helped, with the text that states it.

    ``text``/``start``/``end`` is the evidence. ``relation`` is the programme
    (东西部扶贫协作, 省内对口帮扶, 对口支援, 定点帮扶, 结对帮扶, or ``other`` for a plain
    帮扶 or 助力). ``helper_implied`` is True when the helper is not written in
    the clause but given by the caller (the speech's own city). ``status`` is
    ``new`` for a pairing said to start (新对口帮扶), ``former`` for one said
    to have ended (原对口帮扶). ``known`` says whether the reference table of
    published pairings lists this edge for the date checked (None when it was
    not checked), with the ``known_period`` (ISO interval such as
    ``2016-12/2021-04``) and ``known_source`` of the matching row.
    ``relation_text`` is the predicate or programme word as written (结对, 援建,
    扶贫协作), at ``relation_start``/``relation_end``. ``direction`` is ``stated``
    when the text says who helps whom, ``implied`` when it only names the two
    sides (X与Y开展协作, 闽宁协作) and the reference table or the east–west
    division decided it.
    """

    helper: Region
    helped: Region
    relation: Relation = "other"
    relation_text: str | None = None
    relation_start: int | None = None
    relation_end: int | None = None
    direction: PairDirection = "stated"
    helper_implied: bool = False
    status: PairStatus = "stated"
    known: bool | None = None
    known_period: str | None = None
    known_source: str | None = None

    def __str__(self) -> str:
        return f"{self.helper.name} → {self.helped.name} ({self.relation})"


class Indicator(_Model):
    """A quantity bound to what it counts.

    ``subject`` is the counted thing as written (贫困群众, 帮扶资金), with its span
    ``subject_start``/``subject_end``; ``metric`` a canonical id from
    ``data/metrics.csv`` (``poverty.people_lifted``, ``funds.fiscal_aid``) or
    None when the number measures nothing the table knows; ``region`` the place
    it is about; ``date`` an ISO date (or None); ``cumulative`` True when the
    text says 累计, 共 or "十三五"期间; ``sentence_start``/``sentence_end`` the
    sentence it stands in.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    quantity: Quantity
    subject: str | None = None
    subject_start: int | None = None
    subject_end: int | None = None
    metric: str | None = None
    region: Region | None = None
    date: str | None = None
    cumulative: bool = False
    sentence_start: int
    sentence_end: int

    @property
    def text(self) -> str:
        """The quantity as written."""
        return self.quantity.text

    @property
    def value(self) -> Decimal | None:
        """The quantity's value (``quantity.value``): None for a range or a masked number.

        >>> import povertytext as pt
        >>> pt.extract_indicators("累计投入帮扶资金40.48亿元")[0].value
        Decimal('4048000000')
        """
        return self.quantity.value

    @property
    def start(self) -> int:
        """Start of the quantity's span."""
        return self.quantity.start

    @property
    def end(self) -> int:
        """End of the quantity's span."""
        return self.quantity.end

    def __str__(self) -> str:
        subject = f" {self.subject}" if self.subject else ""
        metric = f" [{self.metric}]" if self.metric else ""
        return f"{self.quantity.text}{subject}{metric}"


DocumentKind = Literal["speech", "article", "essay"]
TableName = Literal["indicators", "pairs", "officials", "documents"]


class Document(_Model):
    """A speech, article or essay found on a page (use its subclasses).

    ``title``/``title_start``/``title_end`` is the title as printed (None when
    none is found). ``region`` is the city or province the text speaks for,
    ``speaker`` the official who signs it, ``authors`` reporters and other
    writers who are not officials, ``date`` an ISO date to the precision given,
    ``source`` the publication. ``body_start``/``body_end`` is the body, from
    its first character to the end of its last sentence; the lists hold what
    was found inside the body (officials: those mentioned there, plus the
    speaker).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: DocumentKind
    title: str | None = None
    title_start: int | None = None
    title_end: int | None = None
    region: Region | None = None
    speaker: Official | None = None
    authors: tuple[Author, ...] = ()
    date: str | None = None
    source: str | None = None
    body_start: int
    body_end: int
    quantities: tuple[Quantity, ...] = ()
    dates: tuple[DateMention, ...] = ()
    regions: tuple[RegionMention, ...] = ()
    officials: tuple[Official, ...] = ()
    pairs: tuple[AssistancePair, ...] = ()
    indicators: tuple[Indicator, ...] = ()

    def body(self, text: str) -> str:
        """The body's text, cut from ``text``, the string this document was parsed from."""
        return text[self.body_start : self.body_end]

    def __str__(self) -> str:
        who = f" — {self.speaker.name}" if self.speaker else ""
        return f"{self.kind}: {self.title or '(untitled)'}{who}"


class Speech(Document):
    """A signed speech: title, region line, speaker with positions, body."""

    kind: Literal["speech"] = "speech"


class Article(Document):
    """A news or magazine article: headline, date or source line, author, body."""

    kind: Literal["article"] = "article"


class Essay(Document):
    """A text with no headers that can be told apart, kept whole."""

    kind: Literal["essay"] = "essay"


AnyDocument = Annotated[Union[Speech, Article, Essay], Field(discriminator="kind")]  # noqa: UP007


class Page(_Model):
    """Everything :func:`povertytext.parse` found in one text.

    ``documents`` in text order; the flat lists are in text order. Quantities,
    regions and officials are read on the whole text, header and footer included;
    dates too, except that inside a document's body its own dates are given (for an
    article, or on a page given a date, read again with the document's date as the
    reference); pairs and indicators are those of the documents' bodies. ``source``
    is the caller's label (a file name), ``text`` the text parsed (the string
    every span's offsets index: ``page.text[q.start:q.end] == q.text``; None on a
    page built by hand) and ``length`` its length. ``date`` and ``region`` are the
    publication date (ISO, to the precision given) and the region given to
    :func:`povertytext.parse`, or read from an HTML page's ``<meta>`` by
    :func:`povertytext.parse_file`; None when nothing gave them.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    source: str | None = None
    text: str | None = None
    date: str | None = None
    region: Region | None = None
    length: int
    documents: tuple[AnyDocument, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    dates: tuple[DateMention, ...] = ()
    regions: tuple[RegionMention, ...] = ()
    officials: tuple[Official, ...] = ()
    authors: tuple[Author, ...] = ()
    pairs: tuple[AssistancePair, ...] = ()
    indicators: tuple[Indicator, ...] = ()

    @model_validator(mode="after")
    def _check_text(self) -> Page:
        if self.text is not None and len(self.text) != self.length:
            raise ValueError(f"length {self.length} is not the length of text ({len(self.text)})")
        return self

    def to_records(self, table: TableName = "indicators") -> list[dict[str, Any]]:
        """One flat dict per indicator, pair, official or document of the page.

        Columns are :func:`povertytext.tables.columns` of ``table``; amounts stay
        ``Decimal``. Raises :class:`~povertytext.UsageError` for an unknown table.

        >>> import povertytext as pt
        >>> rows = pt.parse("全县累计投入帮扶资金1.2亿元。").to_records("indicators")
        >>> rows[0]["text"], rows[0]["value"], rows[0]["subject"]
        ('1.2亿元', Decimal('120000000'), '帮扶资金')
        """
        from .tables import records

        return records(self, table)

    def __str__(self) -> str:
        label = self.source or "page"
        counts = (
            f"{len(self.documents)} documents, {len(self.indicators)} indicators, "
            f"{len(self.pairs)} pairs"
        )
        return f"{label}: {counts}"
