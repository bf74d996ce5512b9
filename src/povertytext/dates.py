"""Date mentions: 2020年12月底, 2020-08-19, 8月17日—18日, 今年, 20__年 → :class:`DateMention`.

The reader works on a *normalized* copy of the text, made by mapping characters one
for one (full-width ``２０２０`` → ``2020``, traditional 過 → 过 by
:func:`povertytext.characters.simplify`), so every offset in the copy is an offset in the original.
A trigger pattern finds the places where a date can start; from each, small anchored
patterns read one date left to right (year → month → day or part word), then the
other end of a range. Every pattern repeats a bounded number of times, so a scan is
linear in the length of the text. The words (今年, 年底, 中旬 …) and the contexts
that rule them out (过去年, 如今年轻人) are data: ``data/date_words.csv`` and
``data/date_contexts.csv``.

The span is the date expression itself, part words included (底, 初, 中旬, 年度,
下半年, 中叶); relators (截至, 以来, 前, 内) stay outside. The judgment calls:

* **Years** are four Arabic or Chinese digits (2020年, 二〇二〇年) from 1000 to 2199,
  or an ISO-like date (2020-08-19, 2020/08/19, 2020.08.19, read with python-dateutil).
  One space may stand before 年, 月, 日 and between the parts (2019 年 4 月 8 日). A
  year glued to its month when 年 is left out (20184月) is read as 2018-04. A year
  without 年 listed before one with it (the 2018 of 2018、2019年) is a year mention.
* **Years of the Republic of China** (民国108年, 民國三十八年; in a text in traditional
  characters also three-digit years 101-149, 107年9月20日, unless a duration word is
  around them: 成立110年, 120年历史) are converted (1911 added) and have ``era="民国"``.
* **Two-digit years** (97年) are years only when no duration reading is left: when a
  month follows (10年3月 → 2010-03), or when the number starts with 0 or 5-9 (08年,
  97年; 10年-49年 are left to durations, which are common at that length) and the
  year has a part word (97年底), a preposition before it (于, 在, 从,
  自, 至, 到) or a point-in-time word after it (出生, 毕业, 时 …), and no duration word
  after it (代, 来, 里, 间, 多, 左右 …). 5年 and 50年来 are never dates. 00-49 are read
  as 20xx, 50-99 as 19xx.
* **A bare year** with no 年 is a date only at the start or the end of a short title
  line (``2024脱贫攻坚…``, ``…心得体会2024``), between 1949 and 2100, and not next to a
  measure word (2024个) or a counting word (第2024).
* **Month and day without a year** (8月18日) have ``value=None``; with a reference
  date, ``resolved`` takes the year (and for a day alone, 18日上午, the month) from it.
  A Chinese-numeral month alone (十月) is not read: 十月革命 and 十月怀胎 are not dates.
* **Relative dates** (今年, 去年, 前年, 明年, 本年, 上年, 年底, 年初, 上半年, 下半年,
  本世纪中叶, 本月, 上个月, 今天上午) have ``relative=True`` and ``value=None``; with a
  reference date, ``resolved`` is the year (今年 → ``2020``, 去年 → ``2019``), the month
  (上个月 → ``2020-07``), the day (今天 → ``2020-08-19``) or, for a century, the ISO
  century (本世纪中叶 → ``20``, precision ``part``). 今天, 昨天 are read only before a
  time of day or a bracketed date (the figurative 今天的中国 is none); 当年, 同年, 次年
  only with a month (当年10月), and are never resolved: their year is another date's.
* **Anonymized dates** (20__年, 20××年, 20XX 年, ××××年, 20__年__月) have
  ``anonymized=True`` and never a value or a resolved date. Two masks alone (xx年)
  are read like a two-digit year: with a month, a part word or a point-in-time
  context, or at the start of a clause.
* **Ranges** (8月17日—18日, 2020年8月17日至18日, 2019年至2020年, 2019-2020年) are one
  mention with ``value=None`` and ``range`` = the two ends: ISO when the year is
  written, else ISO 8601 truncated forms (``--08-17``). With a reference date and no
  written year, ``resolved`` is the ISO interval ``2020-08-17/2020-08-18``. Both ends
  have the same precision and no part word but 年度 on both (2016至2017年度,
  2016年度至2017年度); otherwise they are two mentions.
* **Names and numbers**: a bare year in a title line before an event name is part of
  the name (2026沪滇产业协作大会); a day alone after a bracket is a document number
  (国发〔2016〕8号); a day alone is a date before a time of day, a dateline or a news
  verb (胡春华7日指出).

:func:`parse_date` reads one whole date expression and raises :class:`DateError`.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from ._data import loader, read_table
from ._substitute import Substitution
from ._text import CLAUSE_BREAKS, SENTENCE_ENDS_OR_SEMICOLON, UNIFIED_HAN, is_unified_han
from .characters import simplify, within_simplified_reading
from .errors import DateError, UsageError, require_text
from .models import DateMention, DatePrecision

__all__ = ["extract_dates", "parse_date", "starts_a_date"]

# Written years outside these bounds are amounts (5000年文明), not dates.
_FIRST_YEAR, _LAST_YEAR = 1000, 2199
# A bare year (no 年) in a title line: the People's Republic onward, and short lines only.
_FIRST_TITLE_YEAR, _LAST_TITLE_YEAR = 1949, 2100
_TITLE_LINE_MAX = 60
# Matched in the normalized text, where ！ is ! (the full-width forms never stand there).
_SENTENCE_ENDS = frozenset(SENTENCE_ENDS_OR_SEMICOLON)
# Two-digit years with no month: only these leading digits can be read as a year.
_TWO_DIGIT_YEAR_LEADS = frozenset("056789")

_CHINESE_DIGITS = {c: d for d, chars in enumerate(["〇○零", *"一二三四五六七八九"]) for c in chars}
_DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_AS_ARABIC = str.maketrans({c: str(d) for c, d in _CHINESE_DIGITS.items()})

# A space may stand between a number and its unit (2019 年 4 月 8 日), never a line break.
_SPACE = r"[ \u00a0\u3000]"
_ARABIC_YEAR = re.compile(
    rf"(?<![0-9A-Za-z_×*])(?<![0-9]\.)(?:([0-9]{{4}}){_SPACE}?|([0-9]{{2}}))年"
)
# A four-digit year glued to its month when 年 is left out (20184月 → 2018-04).
_GLUED_YEAR = re.compile(
    r"(?<![0-9A-Za-z_×*])(?<![0-9]\.)((?:19|20)[0-9]{2})(?=(?:1[0-2]|0?[1-9])月)"
)
# A year of the Republic of China (民国108年; 107年 in a text in traditional characters).
_ROC_YEAR = re.compile(
    rf"民国{_SPACE}?([0-9]{{1,3}}|[〇○零一二三四五六七八九十百]{{1,5}}){_SPACE}?年"
)
_BARE_ROC_YEAR = re.compile(rf"(?<![0-9A-Za-z_×*])(?<![0-9]\.)([0-9]{{3}}){_SPACE}?年")
_ROC_OFFSET = 1911
# Without 民国, only three-digit years in this span are read, in traditional text only.
_FIRST_BARE_ROC_YEAR, _LAST_BARE_ROC_YEAR = 101, 149
# A year listed before another that carries 年: the 2018 of 2018、2019年.
_LISTED_YEAR = re.compile(
    r"(?<![0-9A-Za-z_×*])(?<![0-9]\.)((?:19|20)[0-9]{2})"
    rf"(?=(?:[、和及与](?:19|20)[0-9]{{2}}){{0,8}}[、和及与](?:19|20)[0-9]{{2}}{_SPACE}?年)"
)
_CHINESE_YEAR = re.compile(
    r"(?<![〇○零一二三四五六七八九十百千万两])([〇○零一二三四五六七八九]{4})年"
)
_MASKED_YEAR = re.compile(
    r"(?<![0-9A-Za-z_×*])(?:(?:1[89]|20)(?:[0-9][_×Xx*]|[_×Xx*]{1,3})|[_×Xx*]{4})"
    rf"{_SPACE}?年"
)
# Two masks alone (xx年) may be a masked duration: read like a two-digit year.
_MASKED_SHORT_YEAR = re.compile(r"(?<![0-9A-Za-z_×*])[_×Xx*]{2}年")
_ISO_DATE = re.compile(
    r"(?<![0-9A-Za-z./-])([0-9]{4})([-/.])([0-9]{1,2})\2([0-9]{1,2})(?![0-9]|[-/.][0-9])"
)
_MONTH_BODY = rf"([0-9]{{1,2}}|十[一二]?|[一二三四五六七八九]){_SPACE}?月(?:份)?"
_MONTH = re.compile(rf"(?<![0-9〇○零一二三四五六七八九十百千万两几第]){_MONTH_BODY}")
_MONTH_AFTER_YEAR = re.compile(_MONTH_BODY)  # after 年 or a glued year (20184月)
_MASKED_MONTH = re.compile(rf"[_×Xx*]{{1,2}}{_SPACE}?月(?:份)?")
_DAY = re.compile(
    r"([0-9]{1,2}|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])"
    rf"{_SPACE}?[日号]"
)
_MASKED_DAY = re.compile(rf"[_×Xx*]{{1,2}}{_SPACE}?[日号]")
# A day alone after these is a count, an ordinal or a document number (〔2016〕8号).
_NOT_BEFORE_LONE_DAY = frozenset("0123456789月第每近前后数〕]】")
_CLAUSE_STARTS = frozenset(CLAUSE_BREAKS + '、()“"')  # normalized: ， is ,
_SPACES = frozenset(" \u00a0\u3000")
_LINE = re.compile(r"[^\n]+")
_WORDS = re.compile(f"[{UNIFIED_HAN}]+")  # the run of Chinese characters a name is made of
# What may follow the run of Arabic digits a date starts with, in any of the readers of
# _read_at: a space, 年 月 日 号, a mask (20__年), an ISO separator (2020-08-19, 2020.8),
# a list word (2018、2019年) or the first character of a range separator (see
# _digit_trigger). Where anything else follows, no reader can read a date there.
_AFTER_DATE_DIGITS = " \u00a0\u3000年月日号_×Xx*-/.、和及与"


def _digit_trigger(separators: tuple[str, ...]) -> str:
    """The trigger of a date that starts with an Arabic digit (an Arabic year, ISO date,
    month or day): the first digit of a run, when what follows the run may go on a date.

    The lookahead refuses in the regex engine the starts where every reader would fail
    (the 1 of 1,234户 or of 12.5%), so the Python readers run only where one may succeed.
    """
    follow = sorted(set(_AFTER_DATE_DIGITS) | {separator[0] for separator in separators})
    return rf"(?<![0-9A-Za-z_×*])(?<![0-9]\.)[0-9](?=[0-9]*[{re.escape(''.join(follow))}])"


_TRIGGERS = (
    r"(?<![〇○零一二三四五六七八九十百千万两几第])[〇○零一二三四五六七八九十](?=[〇○零一二三四五六七八九十]{0,3}[年月])",
    r"(?<![0-9A-Za-z_×*])[_×Xx*](?=[_×Xx*]{1,3}[ \u00a0\u3000]?年)",  # ××××年, xx年
    r"民国(?=[ \u00a0\u3000]?[0-9〇○零一二三四五六七八九十百])",  # 民国108年
)
_TRIGGER_FIRSTS = "0123456789〇○零一二三四五六七八九十_×Xx*民"  # what the triggers above start with


def _trigger(triggers: list[str], firsts: str) -> re.Pattern[str]:
    """A pattern matching the character where one of ``triggers`` matches, each of which
    starts with one of ``firsts``.

    The class of ``firsts`` comes first, so that the engine skips the characters no
    trigger starts with at C speed (an alternation of many triggers is tried at every
    place); the triggers are then tried at that character (a lookahead inside a
    one-character lookbehind). Only where a match starts counts; it ends after one
    character.
    """
    alternation = "|".join(triggers)
    if not firsts:
        return re.compile(alternation)
    return re.compile(f"[{re.escape(''.join(sorted(set(firsts))))}](?<=(?=(?:{alternation})).)")


@dataclass(frozen=True, slots=True)
class _Point:
    """One date as read: its written components and the words that gave the rest."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    part: str | None = None
    precision: DatePrecision = "unknown"
    masked: bool = False
    year_offset: int | None = None  # 今年 0, 去年 -1: the reference year plus this
    century_offset: int | None = None  # 本世纪 0, 上世纪 -1
    month_offset: int | None = None  # 本月 0, 上个月 -1: the reference month plus this
    day_offset: int | None = None  # 今天 0, 昨天 -1: the reference day plus this
    contextual: bool = False  # 当年10月: a year named from another date, never resolved
    two_digit: bool = False
    era: str | None = None  # 民国: the written year counted from 1912

    @property
    def relative(self) -> bool:
        offsets = (self.year_offset, self.century_offset, self.month_offset, self.day_offset)
        return self.contextual or any(offset is not None for offset in offsets)


@dataclass(frozen=True, slots=True)
class _Read:
    """A date read at ``[start, end)`` of the normalized text; ``last`` ends a range."""

    start: int
    end: int
    first: _Point
    last: _Point | None = None


@dataclass(frozen=True, slots=True)
class _Reference:
    """The date that relative and yearless dates are resolved against."""

    year: int
    month: int | None = None
    day: int | None = None


@dataclass(frozen=True)
class _Tables:
    """The data tables, with the patterns built from them."""

    translation: Substitution  # full-width and traditional characters, one for one
    relative_years: tuple[tuple[str, int], ...]
    relative_months: tuple[tuple[str, int], ...]
    relative_days: tuple[tuple[str, int], ...]
    context_years: tuple[str, ...]
    relative_parts: tuple[tuple[str, str], ...]
    centuries: tuple[tuple[str, int], ...]
    century_parts: tuple[tuple[str, str], ...]
    year_parts: tuple[tuple[str, str], ...]
    month_parts: tuple[tuple[str, str], ...]
    separators: tuple[str, ...]
    not_before: dict[str, tuple[str, ...]]
    not_after: dict[str, tuple[str, ...]]
    contexts: dict[tuple[str, str], tuple[str, ...]]
    trigger: re.Pattern[str]
    shared_years: re.Pattern[str]
    shared_roc_years: re.Pattern[str]
    shared_months: re.Pattern[str]
    shared_days: re.Pattern[str]


_RELATIVE_ROLES = ("relative_year", "relative_part", "century", "relative_month", "relative_day")


def _longest_first(pairs: list[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))


def _words_of(rows: tuple[dict[str, str], ...], role: str) -> list[tuple[str, str]]:
    return [(row["word"], row["part"] or row["offset"]) for row in rows if row["role"] == role]


def _offsets_of(rows: tuple[dict[str, str], ...], role: str) -> tuple[tuple[str, int], ...]:
    return tuple((word, int(offset)) for word, offset in _longest_first(_words_of(rows, role)))


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


def _translation() -> dict[int, str]:
    """Full-width ASCII forms (！ to ～) by code point (traditional ones: :func:`_normalize`)."""
    table = {code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)}
    table[ord("〜")] = "~"
    return table


@loader
def _tables() -> _Tables:
    words = read_table("date_words.csv")
    not_before: dict[str, tuple[str, ...]] = {}
    not_after: dict[str, tuple[str, ...]] = {}
    contexts: dict[tuple[str, str], tuple[str, ...]] = {}
    for row in read_table("date_contexts.csv"):
        listed = tuple(row["contexts"].split(" "))
        if row["rule"] == "not_date":
            side = not_before if row["side"] == "before" else not_after
            side[row["word"]] = listed
        else:
            contexts[row["rule"], row["side"]] = listed
    separators = tuple(sorted((w for w, _ in _words_of(words, "range_separator")), key=len)[::-1])
    relative = [w for role in (*_RELATIVE_ROLES, "context_year") for w, _ in _words_of(words, role)]
    return _Tables(
        translation=Substitution(_translation()),
        relative_years=_offsets_of(words, "relative_year"),
        relative_months=_offsets_of(words, "relative_month"),
        relative_days=_offsets_of(words, "relative_day"),
        context_years=tuple(w for w, _ in _longest_first(_words_of(words, "context_year"))),
        relative_parts=_longest_first(_words_of(words, "relative_part")),
        centuries=_offsets_of(words, "century"),
        century_parts=_longest_first(_words_of(words, "century_part")),
        year_parts=_longest_first(_words_of(words, "year_part")),
        month_parts=_longest_first(_words_of(words, "month_part")),
        separators=separators,
        not_before=not_before,
        not_after=not_after,
        contexts=contexts,
        trigger=_trigger(
            [_digit_trigger(separators), *_TRIGGERS, _alternation(relative)],
            _TRIGGER_FIRSTS + "".join(word[0] for word in relative) if all(relative) else "",
        ),
        shared_years=_shared_unit_range(r"[0-9]{4}", separators, r"年(度)?"),
        shared_roc_years=_shared_unit_range(r"[0-9]{3}", separators, r"年(度)?"),
        shared_months=_shared_unit_range(r"[0-9]{1,2}", separators, r"月(?:份)?"),
        shared_days=_shared_unit_range(r"[0-9]{1,2}", separators, r"[日号]"),
    )


def _shared_unit_range(number: str, separators: tuple[str, ...], unit: str) -> re.Pattern[str]:
    """Two numbers that share the unit written after the second: 2019—2020年, 1-6月, 17至18日."""
    separator = _alternation(list(separators))
    return re.compile(
        rf"(?<![0-9A-Za-z_×*])(?<![0-9]\.)({number}){_SPACE}?(?:{separator}){_SPACE}?"
        rf"({number}){_SPACE}?{unit}"
    )


def _normalize(text: str) -> str:
    """Map full-width and traditional characters one for one; the length never changes."""
    return _tables().translation(simplify(text))


# ---------------------------------------------------------------------------
# Small readers over the normalized text ``s``: each returns what it read and where
# it stopped, or None.


def _context(rule: str, side: str) -> tuple[str, ...]:
    return _tables().contexts.get((rule, side), ())


def _ends_with_any(s: str, at: int, contexts: tuple[str, ...]) -> bool:
    return any(s.endswith(context, 0, at) for context in contexts)


def _starts_with_any(s: str, at: int, contexts: tuple[str, ...]) -> bool:
    return any(s.startswith(context, at) for context in contexts)


def _blocked(s: str, start: int, end: int, word: str, *, before: bool = True) -> bool:
    """True when the text around ``word`` at ``[start, end)`` makes it no date word.

    ``before=False`` looks only after the word: a part word right after 年 or 月
    (2020年年底) has a date before it, whatever the rules for the word alone say.
    """
    tables = _tables()
    for key in (word, "*" + word[-1]):
        if before and _ends_with_any(s, start, tables.not_before.get(key, ())):
            return True
        if _starts_with_any(s, end, tables.not_after.get(key, ())):
            return True
    return False


def _part_at(s: str, i: int, words: tuple[tuple[str, str], ...]) -> tuple[str, str] | None:
    """The first part word of ``words`` (longest first) at ``i`` that what follows allows,
    as (word, part)."""
    for word, part in words:
        if s.startswith(word, i) and not _blocked(s, i, i + len(word), word, before=False):
            return word, part
    return None


def _small_number(text: str) -> int:
    """The value of 1-31 written in Arabic or Chinese digits (8, 08, 十八, 二十一, 三十)."""
    if text.isascii():
        return int(text)
    tens, _, units = text.rpartition("十")
    if "十" not in text:
        return _CHINESE_DIGITS[text]
    return (_CHINESE_DIGITS[tens] if tens else 1) * 10 + (_CHINESE_DIGITS[units] if units else 0)


def _is_valid(year: int | None, month: int | None, day: int | None) -> bool:
    if year is not None and not 1 <= year <= 9999:
        return False
    if month is None:
        return day is None or 1 <= day <= 31
    if not 1 <= month <= 12:
        return False
    return day is None or 1 <= day <= _last_day(year, month)


def _last_day(year: int | None, month: int) -> int:
    """The last day of ``month``; with the year unknown, 2月29日 may stand."""
    leap = year is None or (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0))
    return 29 if month == 2 and leap else _DAYS_IN_MONTH[month - 1]


def _two_digit_year(digits: int) -> int:
    return 2000 + digits if digits < 50 else 1900 + digits


def _chinese_number(text: str) -> int:
    """The value of a Chinese numeral below 1000 (三十八, 一百零八, 一〇八), or of Arabic digits."""
    if text.isascii():
        return int(text)
    if "百" not in text and "十" not in text:
        return int(text.translate(_AS_ARABIC))
    hundreds, _, rest = text.rpartition("百")
    value = (_CHINESE_DIGITS.get(hundreds, 1) * 100) if "百" in text else 0
    rest = rest.lstrip("〇○零")
    return value + (_small_number(rest) if rest else 0)


def _read_roc_year(s: str, i: int) -> tuple[_Point, int] | None:
    """A year of the Republic of China written with its era: 民国108年 → 2019."""
    match = _ROC_YEAR.match(s, i)
    if match is None:
        return None
    try:
        number = _chinese_number(match.group(1))
    except (KeyError, ValueError):
        return None
    if number < 1:
        return None
    return _Point(year=number + _ROC_OFFSET, precision="year", era="民国"), match.end()


def _read_year(s: str, i: int) -> tuple[_Point, int] | None:
    """A year ending in 年: 2020年, 二〇二〇年, 97年 (flagged ``two_digit``), 20__年,
    民国108年; or a year glued to its month (2018 of 20184月)."""
    masked = _MASKED_YEAR.match(s, i) or _MASKED_SHORT_YEAR.match(s, i)
    if masked is not None:
        short = masked.re is _MASKED_SHORT_YEAR
        return _Point(masked=True, two_digit=short, precision="year"), masked.end()
    arabic = _ARABIC_YEAR.match(s, i)
    if arabic is not None and arabic.group(2) is not None:
        year = _two_digit_year(int(arabic.group(2)))
        return _Point(year=year, two_digit=True, precision="year"), arabic.end()
    match = arabic or _CHINESE_YEAR.match(s, i) or _GLUED_YEAR.match(s, i)
    if match is None:
        return _read_roc_year(s, i)
    year = int(match.group(1).translate(_AS_ARABIC))
    if not _FIRST_YEAR <= year <= _LAST_YEAR:
        return None
    return _Point(year=year, precision="year"), match.end()


def _after_space(s: str, i: int) -> int:
    """``i`` moved past one space, when one is there (2004 年 9 月)."""
    return i + 1 if i < len(s) and s[i] in _SPACES else i


def _read_month(
    s: str, i: int, point: _Point, *, masks: bool, after_year: bool = False
) -> tuple[_Point, int] | None:
    """A month after ``point`` (8月, 十二月, 8月份; with ``masks`` also __月), checked;
    ``after_year`` reads it even after a digit (the 4月 of 20184月)."""
    month = (_MONTH_AFTER_YEAR if after_year else _MONTH).match(s, i)
    if month is not None:
        value = _small_number(month.group(1))
        if not _is_valid(None if point.masked else point.year, value, None):
            return None
        return replace(point, month=value, precision="month"), month.end()
    masked = _MASKED_MONTH.match(s, i) if masks else None
    if masked is None:
        return None
    return replace(point, masked=True, precision="month"), masked.end()


def _read_day(s: str, i: int, point: _Point, *, masks: bool) -> tuple[_Point, int] | None:
    """A day after ``point`` (18日, 十八日, 18号; with ``masks`` also __日), checked."""
    day = _DAY.match(s, i)
    if day is not None:
        value = _small_number(day.group(1))
        year = None if point.masked else point.year
        if not _is_valid(year, point.month, value):
            return None
        return replace(point, day=value, precision="day"), day.end()
    masked = _MASKED_DAY.match(s, i) if masks else None
    if masked is None:
        return None
    return replace(point, masked=True, precision="day"), masked.end()


def _read_after_month(s: str, i: int, point: _Point) -> tuple[_Point, int]:
    """``point`` extended by a day or a month part (8月18日, 8月中旬), or as it is."""
    day = _read_day(s, _after_space(s, i), point, masks=point.masked)
    if day is not None:
        return day
    part = _part_at(s, i, _tables().month_parts)
    if part is not None:
        return replace(point, part=part[1]), i + len(part[0])
    return point, i


def _read_after_year(s: str, i: int, point: _Point) -> tuple[_Point, int]:
    """``point`` extended by a part word, or a month and what follows it, or as it is."""
    part = _part_at(s, i, _tables().year_parts)
    if part is not None:
        return replace(point, part=part[1]), i + len(part[0])
    month = _read_month(s, _after_space(s, i), point, masks=point.masked, after_year=True)
    if month is None:
        return point, i
    return _read_after_month(s, month[1], month[0])


def _two_digit_year_stands(s: str, start: int, after_year: int, point: _Point, end: int) -> bool:
    """True when a two-digit year (97年, or masked: xx年) has no duration reading; see the
    module docstring."""
    if point.month is not None or (point.masked and point.part is not None):
        return True
    if _starts_with_any(s, after_year, _context("not_year", "after")):
        return False
    if not point.masked and s[start] not in _TWO_DIGIT_YEAR_LEADS:
        return False
    return (
        point.part is not None
        or _ends_with_any(s, start, _context("year_point", "before"))
        or _starts_with_any(s, end, _context("year_point", "after"))
        or (point.masked and (start == 0 or s[start - 1] in _CLAUSE_STARTS))
    )


def _read_year_led(s: str, i: int, *, in_text: bool) -> tuple[_Point, int] | None:
    """A date that starts with its year: 2020年12月底, 20__年度, 97年 (when it stands)."""
    year = _read_year(s, i)
    if year is None:
        return None
    point, end = _read_after_year(s, year[1], year[0])
    if point.two_digit and in_text and not _two_digit_year_stands(s, i, year[1], point, end):
        return None
    return point, end


def _read_iso(s: str, i: int) -> tuple[_Point, int] | None:
    """An ISO-like date (2020-08-19, 2020/8/19, 2020.08.19), checked with python-dateutil."""
    match = _ISO_DATE.match(s, i)
    if match is None:
        return None
    from dateutil.parser import isoparse  # imported on first use: keeps `import povertytext` light

    year, _, month, day = match.groups()
    try:
        date = isoparse(f"{year}-{month:0>2}-{day:0>2}").date()
    except ValueError:
        return None
    if not _FIRST_YEAR <= date.year <= _LAST_YEAR:
        return None
    return _Point(year=date.year, month=date.month, day=date.day, precision="day"), match.end()


def _read_relative_year(s: str, i: int, *, in_text: bool) -> tuple[_Point, int] | None:
    """A year named from the reference year (今年, 去年, 上年), without what follows it."""
    for word, offset in _tables().relative_years:
        if s.startswith(word, i):
            if in_text and _blocked(s, i, i + len(word), word):
                return None
            return _Point(year_offset=offset, precision="year"), i + len(word)
    return None


def _read_relative(s: str, i: int, *, in_text: bool) -> tuple[_Point, int] | None:
    """A date named from the reference: 今年, 去年底, 今年8月, 年底, 下半年, 本世纪中叶."""
    tables = _tables()
    year = _read_relative_year(s, i, in_text=in_text)
    if year is not None:
        return _read_after_year(s, year[1], year[0])
    for word, offset in tables.centuries:
        if s.startswith(word, i):
            point = _Point(century_offset=offset, precision="part")
            part = _part_at(s, i + len(word), tables.century_parts)
            if part is None:
                return point, i + len(word)
            return replace(point, part=part[1]), i + len(word) + len(part[0])
    for word, part_name in tables.relative_parts:
        if s.startswith(word, i):
            if in_text and _blocked(s, i, i + len(word), word):
                return None
            return _Point(year_offset=0, part=part_name, precision="year"), i + len(word)
    return _read_relative_month(s, i, in_text=in_text) or _read_relative_day(s, i)


def _read_relative_month(s: str, i: int, *, in_text: bool) -> tuple[_Point, int] | None:
    """A month named from the reference month (本月, 上个月底), or a month of a year named
    from another date (当年10月, 次年3月: ``contextual``, never resolved)."""
    tables = _tables()
    for word, offset in tables.relative_months:
        if s.startswith(word, i):
            if in_text and _blocked(s, i, i + len(word), word):
                return None
            point = _Point(month_offset=offset, precision="month")
            part = _part_at(s, i + len(word), tables.month_parts)
            if part is None:
                return point, i + len(word)
            return replace(point, part=part[1]), i + len(word) + len(part[0])
    for word in tables.context_years:
        if s.startswith(word, i):
            month = _read_month(s, i + len(word), _Point(contextual=True), masks=False)
            return None if month is None else _read_after_month(s, month[1], month[0])
    return None


def _read_relative_day(s: str, i: int) -> tuple[_Point, int] | None:
    """A day named from the reference day (今天, 昨天), only where a time of day or the
    written date follows it (今天上午, 今天(8日)): the figurative 今天 is no date."""
    for word, offset in _tables().relative_days:
        if s.startswith(word, i):
            if not _starts_with_any(s, i + len(word), _context("day_word_point", "after")):
                return None
            return _Point(day_offset=offset, precision="day"), i + len(word)
    return None


def _read_month_led(s: str, i: int, *, in_text: bool) -> tuple[_Point, int] | None:
    """A date without a year: 8月18日, 8月底, 8月份; a Chinese month alone only in parse_date."""
    month = _read_month(s, i, _Point(), masks=False)
    if month is None:
        return None
    point, end = _read_after_month(s, month[1], month[0])
    if in_text and not s[i].isascii() and point.day is None and point.part is None:
        return None
    return point, end


def _read_lone_day(s: str, i: int, *, in_text: bool) -> tuple[_Point, int] | None:
    """A day without its month (18日); in text only Arabic digits after no counting word."""
    if in_text and (not s[i].isascii() or (i > 0 and s[i - 1] in _NOT_BEFORE_LONE_DAY)):
        return None
    return _read_day(s, i, _Point(), masks=False)


def _read_point(s: str, i: int, *, in_text: bool) -> tuple[_Point, int] | None:
    """One date (not a range) written at ``i``."""
    return (
        _read_iso(s, i)
        or _read_year_led(s, i, in_text=in_text)
        or _read_relative(s, i, in_text=in_text)
        or _read_month_led(s, i, in_text=in_text)
        or _read_lone_day(s, i, in_text=in_text)
    )


def _can_end_range(point: _Point) -> bool:
    """True for a date that can be an end of a range: no part word, mask, century or
    two-digit year (今年8月17日 can: the other end takes its year)."""
    return not (
        point.masked
        or point.part not in (None, "年度")
        or point.century_offset is not None
        or point.month_offset is not None
        or point.day_offset is not None
        or point.two_digit
    )


def _inherit(first: _Point, last: _Point) -> _Point | None:
    """``last`` completed with the components it leaves out (8月17日—18日: the month)."""
    if last.year is None and last.month is None:
        last = replace(last, month=first.month)
    if last.year is None:
        last = replace(last, year=first.year, year_offset=first.year_offset)
    if not _is_valid(last.year, last.month, last.day):
        return None
    return last


def _ordered(first: _Point, last: _Point) -> bool:
    def key(point: _Point) -> tuple[int, int, int]:
        return (point.year or 0, point.month or 0, point.day or 0)

    return key(first) < key(last)


def _read_range_end(s: str, i: int, first: _Point) -> tuple[_Point, int] | None:
    """The far end of a range after ``first`` (—18日, 至2020年, -9月5日, 2019 年 - 2020 年),
    or None."""
    i = _after_space(s, i)
    separator = next((sep for sep in _tables().separators if s.startswith(sep, i)), None)
    if separator is None:
        return None
    j = _after_space(s, i + len(separator))
    got = (
        _read_iso(s, j)
        or _read_year_led(s, j, in_text=False)
        or _read_month_led(s, j, in_text=False)
        or _read_lone_day(s, j, in_text=False)
    )
    if got is None or not _can_end_range(got[0]) or got[0].precision != first.precision:
        return None
    if got[0].part != first.part or got[0].era != first.era:
        return None  # 2016年度至2017年: two mentions
    if first.year is None and got[0].year is not None:
        return None  # 今年至2021年, 8月至2021年9月: the ends are not alike
    last = _inherit(first, got[0])
    if last is None or not _ordered(first, last):
        return None
    return last, got[1]


def _read_shared_years(s: str, i: int) -> _Read | None:
    """A range of years that share one 年: 2019—2020年, 2016-2020年."""
    match = _tables().shared_years.match(s, i)
    if match is None:
        return None
    first, last = int(match.group(1)), int(match.group(2))
    if not _FIRST_YEAR <= first < last <= _LAST_YEAR:
        return None
    return _Read(
        i, match.end(), _Point(year=first, precision="year"), _Point(year=last, precision="year")
    )


def _read_range_prefix(s: str, i: int, *, in_text: bool) -> tuple[_Point, int]:
    """The written year (2020年) or relative year (今年) at ``i``, then a month (8月) if
    written: what a range of months or days shares. ``_Point()`` when none is written."""
    year = _read_relative_year(s, i, in_text=in_text) or _read_year(s, i)
    point, j = (_Point(), i) if year is None or year[0].masked or year[0].two_digit else year
    return _read_month(s, j, point, masks=False) or (point, j)


def _read_shared_unit(s: str, i: int, *, in_text: bool) -> _Read | None:
    """A range of months or days that share one unit, after what they share:
    1-6月, 2020年1至6月, 今年1—7月份, 8月17—18日."""
    prefix, j = _read_range_prefix(s, i, in_text=in_text)
    tables = _tables()
    if prefix.month is None:
        match = tables.shared_months.match(s, j)
        if match is None:
            return None
        first, last = (replace(prefix, month=int(m), precision="month") for m in match.groups())
    else:
        match = tables.shared_days.match(s, j)
        if match is None:
            return None
        first, last = (replace(prefix, day=int(d), precision="day") for d in match.groups())
    ends_valid = all(_is_valid(end.year, end.month, end.day) for end in (first, last))
    if not ends_valid or not _ordered(first, last):
        return None
    return _Read(i, match.end(), first, last)


def _read_at(s: str, i: int, *, in_text: bool) -> _Read | None:
    """The date (or range) written at ``i``; ``in_text`` applies the context rules."""
    shared = _read_shared_years(s, i) or _read_shared_unit(s, i, in_text=in_text)
    if shared is not None:
        return shared
    point = _read_point(s, i, in_text=in_text)
    if point is None:
        return _read_listed_year(s, i) if in_text else None
    first, end = point
    last = _read_range_end(s, end, first) if _can_end_range(first) else None
    if last is not None:
        return _Read(i, last[1], first, last[0])
    lone_day = first.day is not None and first.month is None and first.year is None
    if in_text and lone_day and not _starts_with_any(s, end, _context("day_point", "after")):
        return None
    return _Read(i, end, first)


def _read_listed_year(s: str, i: int) -> _Read | None:
    """A year without 年 listed before one with it: the 2018 of 2018、2019年."""
    match = _LISTED_YEAR.match(s, i)
    if match is None:
        return None
    return _Read(i, match.end(), _Point(year=int(match.group(1)), precision="year"))


def _roc_point(s: str, match: re.Match[str] | None) -> tuple[_Point, int] | None:
    """The date a three-digit year match starts (107年, 107年9月20日), or None."""
    if match is None:
        return None
    number = int(match.group(1))
    if not _FIRST_BARE_ROC_YEAR <= number <= _LAST_BARE_ROC_YEAR:
        return None
    point = _Point(year=number + _ROC_OFFSET, precision="year", era="民国")
    return _read_after_year(s, match.end(), point)


def _roc_range_end(s: str, i: int, first: _Point) -> tuple[_Point, int] | None:
    """The far end of a range of three-digit years after ``first``: 107年至108年."""
    separator = next((sep for sep in _tables().separators if s.startswith(sep, i)), None)
    if separator is None or first.month is not None:
        return None
    last = _roc_point(s, _BARE_ROC_YEAR.match(s, i + len(separator)))
    if last is None or last[0].month is not None or last[0].part != first.part:
        return None
    return last if _ordered(first, last[0]) else None


def _roc_years(s: str) -> Iterator[_Read]:
    """Three-digit years of the Republic of China in a traditional text (107年9月20日,
    107至108年): 101–149, with a duration test like a two-digit year's (not 110年来,
    120年历史, 成立110年)."""
    for match in _tables().shared_roc_years.finditer(s):
        low, high = (int(group) + _ROC_OFFSET for group in match.groups()[:2])
        bounds = (_FIRST_BARE_ROC_YEAR + _ROC_OFFSET, _LAST_BARE_ROC_YEAR + _ROC_OFFSET)
        if bounds[0] <= low < high <= bounds[1]:
            ends = (_Point(year=year, precision="year", era="民国") for year in (low, high))
            yield _Read(match.start(), match.end(), *ends)
    for match in _BARE_ROC_YEAR.finditer(s):
        read = _roc_point(s, match)
        if read is None:
            continue
        point, end = read
        if point.month is None and _roc_year_is_duration(s, match.start(), match.end()):
            continue
        last = _roc_range_end(s, end, point)
        yield (
            _Read(match.start(), end, point)
            if last is None
            else _Read(match.start(), last[1], point, last[0])
        )


def _roc_year_is_duration(s: str, start: int, end: int) -> bool:
    """True for a three-digit year with no month that its context makes a duration."""
    return _starts_with_any(s, end, _context("not_year", "after")) or _ends_with_any(
        s, start, _context("not_roc_year", "before")
    )


def _scan(s: str) -> Iterator[_Read]:
    """Every date of normalized text ``s``, left to right, none overlapping."""
    trigger = _tables().trigger
    i = 0
    while (found := trigger.search(s, i)) is not None:
        read = _read_at(s, found.start(), in_text=True)
        if read is None:
            i = found.start() + 1
        else:
            yield read
            i = read.end


def _title_year_at(
    s: str, start: int, outside: int, line_start: int, line_end: int
) -> _Read | None:
    """The bare year at ``[start, start+4)`` of a title line whose next character inward is
    at ``outside``, when the rules of the module docstring hold."""
    if not line_start <= outside < line_end:
        return None
    digits = s[start : start + 4]
    neighbour = s[outside]
    if not (len(digits) == 4 and digits.isascii() and digits.isdigit()):
        return None
    if not is_unified_han(neighbour):
        return None
    side = "after" if outside > start else "before"
    if neighbour in _context("not_title_year", side):
        return None
    if side == "after" and _names_event(s, outside, line_end):
        return None
    year = int(digits)
    if not _FIRST_TITLE_YEAR <= year <= _LAST_TITLE_YEAR:
        return None
    return _Read(start, start + 4, _Point(year=year, precision="year"))


def _names_event(s: str, start: int, end: int) -> bool:
    """True when the words from ``start`` to the first punctuation name an event
    (2026沪滇产业协作大会): the year before them is part of the name."""
    words = _WORDS.match(s, start, end)
    name = "" if words is None else words.group()
    return any(name.endswith(event) for event in _context("event_name", "after"))


def _title_years(s: str) -> Iterator[_Read]:
    """Bare years (no 年) at the start or the end of short title lines: 2024脱贫攻坚…."""
    for line in _LINE.finditer(s):
        start, end = line.span()
        while start < end and s[start].isspace():
            start += 1
        while end > start and s[end - 1].isspace():
            end -= 1
        if end - start > _TITLE_LINE_MAX or any(c in _SENTENCE_ENDS for c in s[start:end]):
            continue
        at_start = _title_year_at(s, start, start + 4, start, end)
        if at_start is not None:
            yield at_start
        at_end = _title_year_at(s, end - 4, end - 5, start, end)
        if at_end is not None:
            yield at_end


# ---------------------------------------------------------------------------
# From what was read to DateMention.


def _format(year: int, month: int | None, day: int | None) -> str:
    text = f"{year:04d}"
    if month is not None:
        text += f"-{month:02d}"
        if day is not None:
            text += f"-{day:02d}"
    return text


def _value(point: _Point) -> str | None:
    """ISO to the precision written, when the year is written and nothing is masked."""
    if point.masked or point.year is None:
        return None
    return _format(point.year, point.month, point.day)


def _truncated(point: _Point) -> str:
    """ISO 8601 truncated form of a yearless date: --08-17, --08, ---18."""
    if point.month is None:
        return f"---{point.day or 0:02d}"
    return f"--{point.month:02d}" + ("" if point.day is None else f"-{point.day:02d}")


def _resolved(point: _Point, reference: _Reference | None) -> str | None:
    """The ISO date ``point`` names once the reference gives what is not written."""
    if reference is None or point.masked or point.contextual:
        return None
    if point.century_offset is not None:
        return f"{reference.year // 100 + point.century_offset:02d}"
    if point.month_offset is not None or point.day_offset is not None:
        return _resolved_from_reference(point, reference)
    year = point.year if point.year is not None else reference.year + (point.year_offset or 0)
    month = point.month
    if point.day is not None and month is None:
        month = reference.month
        if month is None:
            return None
    if not _is_valid(year, month, point.day):
        return None
    return _format(year, month, point.day)


def _resolved_from_reference(point: _Point, reference: _Reference) -> str | None:
    """本月, 上个月 → the reference month moved; 今天, 昨天 → the reference day moved."""
    if reference.month is None:
        return None
    if point.month_offset is not None:
        months = reference.year * 12 + reference.month - 1 + point.month_offset
        return _format(months // 12, months % 12 + 1, None)
    if reference.day is None:
        return None
    day = datetime.date(reference.year, reference.month, reference.day)
    return (day + datetime.timedelta(days=point.day_offset or 0)).isoformat()


def _shared(first: int | None, last: int | None) -> int | None:
    return first if first == last else None


def _mention(text: str, read: _Read, reference: _Reference | None) -> DateMention:
    """The :class:`DateMention` of ``read``, its span taken from the original ``text``."""
    first, last = read.first, read.last
    surface = text[read.start : read.end]
    if last is None:
        value = _value(first)
        return DateMention(
            text=surface,
            start=read.start,
            end=read.end,
            year=first.year,
            month=first.month,
            day=first.day,
            precision=first.precision,
            part=first.part,
            relative=first.relative,
            anonymized=first.masked,
            era=first.era,
            value=value,
            resolved=None if value is not None else _resolved(first, reference),
        )
    ends = (_value(first) or _truncated(first), _value(last) or _truncated(last))
    resolved = None
    if first.year is None:
        low, high = _resolved(first, reference), _resolved(last, reference)
        resolved = f"{low}/{high}" if low and high else None
    return DateMention(
        text=surface,
        start=read.start,
        end=read.end,
        year=_shared(first.year, last.year),
        month=_shared(first.month, last.month),
        day=_shared(first.day, last.day),
        precision=first.precision,
        relative=first.relative,
        era=first.era,
        range=ends,
        resolved=resolved,
    )


def _reference_of(reference: datetime.date | datetime.datetime | str | None) -> _Reference | None:
    """The reference as year, month, day; a string is read with :func:`parse_date`."""
    if reference is None:
        return None
    if isinstance(reference, str):
        mention = parse_date(reference)
        if mention.value is None or mention.year is None:
            raise DateError(
                "a reference date must have its year written", input=reference, position=0
            )
        return _Reference(mention.year, mention.month, mention.day)
    if not isinstance(reference, datetime.date):
        raise UsageError(
            "reference: expected a date, a datetime or an ISO date string, "
            f"not {type(reference).__name__}"
        )
    return _Reference(reference.year, reference.month, reference.day)


def extract_dates(
    text: str, reference: datetime.date | datetime.datetime | str | None = None
) -> list[DateMention]:
    """Return every date mention of ``text``, in text order.

    ``reference`` (a ``date``, a ``datetime`` or a string that :func:`parse_date`
    reads with its year, such as ``"2020-08-19"``) is the date the text was written:
    it fills ``resolved`` for relative and yearless dates. Never raises on the text;
    raises :class:`~povertytext.DateError` when ``reference`` is a string that is not
    a date with its year.

    >>> [str(d) for d in extract_dates("截至2020年12月底，今年8月18日上午", reference="2020-08-19")]
    ['2020年12月底 = 2020-12', '今年8月18日 = 2020-08-18']
    """
    require_text(text, "extract_dates")
    resolved_reference = _reference_of(reference)
    return [_mention(text, read, resolved_reference) for read in _reads(text)]


def _reads(text: str) -> list[_Read]:
    """The dates read in ``text``, in text order, none overlapping (the first start wins)."""
    simplified = text if within_simplified_reading() else simplify(text)
    s = _tables().translation(simplified)  # _normalize(text), simplified once
    roc = list(_roc_years(s)) if simplified != text else []
    reads = sorted([*roc, *_scan(s), *_title_years(s)], key=lambda read: read.start)
    kept: list[_Read] = []
    end = 0
    for read in reads:
        if read.start >= end:
            kept.append(read)
            end = read.end
    return kept


# How far either side of a position :func:`starts_a_date` reads (within its line).
_DATE_WINDOW = 120


def starts_a_date(text: str, position: int) -> bool:
    """Whether a date that :func:`extract_dates` reads starts at ``position`` of ``text``.

    The year decision that quantities share with the date reader: 2020年, 97年出生 and
    a title's bare 2024 are dates, 5000年 and 50年来 are amounts. Only the line around
    ``position`` is read, at most 120 characters either side, so the cost stays local.

    >>> starts_a_date("截至2020年底", 2), starts_a_date("5000年文明", 0)
    (True, False)
    """
    require_text(text, "starts_a_date")
    window_start = max(0, position - _DATE_WINDOW)
    window_end = min(len(text), position + _DATE_WINDOW)
    line_start = text.rfind("\n", window_start, position) + 1 or window_start
    line_end = text.find("\n", position, window_end)
    line_end = window_end if line_end < 0 else line_end
    offset = position - line_start
    return any(read.start == offset for read in _reads(text[line_start:line_end]))


def parse_date(
    text: str, reference: datetime.date | datetime.datetime | str | None = None
) -> DateMention:
    """Read ``text`` as one whole date expression and return its :class:`DateMention`.

    Surrounding whitespace is allowed; the span then leaves it out. A bare four-digit
    year (``"2020"``) and a two-digit year (``"97年"`` → 1997) are read without the
    context that :func:`extract_dates` asks for. Raises :class:`~povertytext.DateError`
    (``code == "date"``) with the input and the position where reading stopped when
    the string is empty or anything but one date expression.

    >>> parse_date("2020年12月底").value
    '2020-12'
    >>> parse_date("下半年", reference="2020-08-19").resolved
    '2020'
    >>> try:
    ...     parse_date("2020年的")
    ... except DateError as error:
    ...     print(error.code, error.position, error.message)
    date 5 not a single date expression: unexpected '的'
    """
    require_text(text, "parse_date")
    resolved_reference = _reference_of(reference)
    start = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    if start >= end:
        raise DateError("empty date expression", input=text, position=0)
    s = _normalize(text[:end])
    read = _read_bare_year(s, start) or _read_at(s, start, in_text=False)
    if read is None:
        raise DateError(
            f"not a date expression: unexpected {text[start]!r}", input=text, position=start
        )
    if read.end != end:
        raise DateError(
            f"not a single date expression: unexpected {text[read.end]!r}",
            input=text,
            position=read.end,
        )
    return _mention(text, read, resolved_reference)


def _read_bare_year(s: str, i: int) -> _Read | None:
    """A whole string of four Arabic digits read as a year (parse_date only)."""
    digits = s[i:]
    if len(digits) != 4 or not (digits.isascii() and digits.isdigit()):
        return None
    year = int(digits)
    if not _FIRST_YEAR <= year <= _LAST_YEAR:
        return None
    return _Read(i, i + 4, _Point(year=year, precision="year"))
