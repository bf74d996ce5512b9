"""Numerals that are not amounts: years and dates, ordinals, list markers, names,
slogans, identifiers, clock times and words.

One stage: :func:`is_amount` (for :func:`~povertytext.extract_quantities`) and
:func:`is_number` (for :func:`~povertytext.extract_numbers`) decide whether a read
:class:`~povertytext.amounts.Draft` is kept. The lexicon ``data/non_quantities.csv``
lists phrases whose numerals are names, slogans or words: a draft is dropped when one
phrase covers its first character and it ends inside that phrase (十三五, 四川, 一批);
one that runs past the phrase (一点五 against 一点) is kept.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import NamedTuple

from ._data import loader, read_table
from ._text import CLAUSE_BREAKS, CLAUSE_ENDS
from .amounts import (
    DATE_FIRST_CHARS,
    DATE_LIKE,
    FUNCTION_CHARS,
    LIANG_PAIR_WORDS,
    MORE_CHARS,
    PLAIN_CHINESE_STARTS,
    SIGN_CHARS,
    Draft,
    chinese_digit_chars,
    extension_chars,
    is_cjk_at,
)
from .dates import starts_a_date
from .numerals import (
    MASK_CHARS,
    Numeral,
    magnitude_values,
    normalize,
    not_alone_chars,
    numeral_start_chars,
    read_numeral,
)
from .units import Unit, is_ascii_letter, match_unit

# Kinds whose numeral characters are not numerals at all (一切, 四川, 陆地): these are
# left out even when every numeral is wanted (extract_numbers).
WORD_KINDS = frozenset({"word", "idiom", "place"})


@loader
def phrases_by_char(
    words_only: bool = False,
) -> dict[str, tuple[tuple[int, int, frozenset[str]], ...]]:
    """For each character: (offset, length, phrases) groups of the phrases holding it.

    Grouping by where the character sits and how long the phrase is turns the lookup
    into one slice and one set test per group instead of one comparison per phrase.
    """
    groups: dict[str, dict[tuple[int, int], set[str]]] = defaultdict(lambda: defaultdict(set))
    for row in read_table("non_quantities.csv"):
        if words_only and row["kind"] not in WORD_KINDS:
            continue
        phrase = normalize(row["phrase"])
        for offset, char in enumerate(phrase):
            groups[char][(offset, len(phrase))].add(phrase)
    return {
        char: tuple((place[0], place[1], frozenset(found)) for place, found in by_place.items())
        for char, by_place in groups.items()
    }


# (offset, length, phrases): the phrases of one length holding a character at one offset.
PhraseGroups = tuple[tuple[int, int, frozenset[str]], ...]


@loader
def phrase_groups(
    words_only: bool = False,
) -> tuple[dict[str, PhraseGroups], dict[str, PhraseGroups]]:
    """:func:`phrases_by_char` keyed by two characters, and the rest keyed by the last one.

    The first table holds, for each pair of characters written at ``offset`` and
    ``offset + 1`` of a phrase, the groups of the phrases holding that pair there; the
    second, for each character, the groups of the phrases that end with it (its offset is
    ``length - 1``). A span of two characters and more that a phrase covers from its
    first character on has both of them in the phrase, so the pair decides which groups
    are worth a look (一个 instead of every phrase with 一).
    """
    pairs: dict[str, dict[tuple[int, int], set[str]]] = defaultdict(lambda: defaultdict(set))
    lasts: dict[str, dict[tuple[int, int], set[str]]] = defaultdict(lambda: defaultdict(set))
    for char, groups in phrases_by_char(words_only).items():
        for offset, length, phrases in groups:
            if offset == length - 1:
                lasts[char][(offset, length)].update(phrases)
                continue
            for phrase in phrases:
                pairs[phrase[offset : offset + 2]][(offset, length)].add(phrase)
    return _frozen_groups(pairs), _frozen_groups(lasts)


def _frozen_groups(
    groups: dict[str, dict[tuple[int, int], set[str]]],
) -> dict[str, PhraseGroups]:
    """The groups as tuples of (offset, length, frozenset of phrases)."""
    return {
        key: tuple((place[0], place[1], frozenset(found)) for place, found in by_place.items())
        for key, by_place in groups.items()
    }


class Blocked(NamedTuple):
    """Answers whether a span of normalized text lies inside a lexicon phrase.

    Immutable, as a named tuple (built once per scanned text, at a fifth of the cost of
    a frozen dataclass).
    """

    text: str
    words_only: bool
    # phrase_groups(words_only), fetched once per text by blocked_spans
    by_pair: dict[str, PhraseGroups]
    by_last: dict[str, PhraseGroups]

    def covers(self, start: int, end: int) -> bool:
        """True when a phrase covers ``start`` and the span ends within that phrase.

        Only phrases holding ``text[start : start + 2]`` may cover a span from ``start``
        on past ``start + 1``, and the phrases ending with ``text[start]`` only a span
        that ends at ``start + 1`` (as :func:`phrases_by_char` tried one by one).
        """
        text = self.text
        for offset, length, phrases in self.by_pair.get(text[start : start + 2], ()):
            begin = start - offset
            if begin >= 0 and end <= begin + length and text[begin : begin + length] in phrases:
                return True
        if end - start > 1:
            return False
        for offset, length, phrases in self.by_last.get(text[start : start + 1], ()):
            begin = start - offset
            if begin >= 0 and text[begin : begin + length] in phrases:
                return True  # end <= start + 1 == begin + length
        return False


def blocked_spans(normalized: str, *, words_only: bool = False) -> Blocked:
    """The lexicon view of ``normalized`` text (phrases are looked up lazily)."""
    return Blocked(normalized, words_only, *phrase_groups(words_only))


def is_number(text: str, s: str, draft: Draft, blocked: Blocked) -> bool:
    """In numeral reading, drop only words whose characters are no numerals (一切, 陆地)."""
    if blocked.covers(draft.start, draft.end) or _is_lone_ambiguous_char(text, draft):
        return False
    numeral = draft.numeral
    if numeral is None or draft.unit is not None or numeral.end - numeral.start != 1:
        return True
    after = s[numeral.end] if numeral.end < len(s) else ""
    return not (after.isascii() and after.isalpha())


def is_amount(text: str, s: str, draft: Draft, blocked: Blocked) -> bool:
    """Keep a draft only when it is an amount, not a date, name, ordinal or word.

    Every test after the unitless draft is a drop, so each is tried only where it may
    hold: a unit for all of them, 届/次/期/点 for the names and times, a bare Chinese
    numeral for the articles, back references and demonstratives, a count for 二次.
    """
    start, end = draft.start, draft.end
    if blocked.covers(start, end):
        return False
    unit, numeral = draft.unit, draft.numeral
    before = s[start - 1] if start > 0 else ""
    after = s[end] if end < len(s) else ""
    if before == "第" or (before == "." and unit is None):
        return False
    if numeral is not None and is_date_part(s, draft):
        return False
    if unit is None and draft.kind is None and _is_list_marker(s, draft, before, after):
        return False
    if _is_quoted_name(s, start, end):
        return False
    if draft.masked:
        return not _is_masked_date_or_name(s, draft)
    lone = numeral is not None and numeral.end - numeral.start == 1
    if lone and _is_lone_ambiguous_char(text, draft):
        return False
    if unit is None:
        if draft.kind is None:
            return _unitless_is_amount(s, draft, after)
        return not (numeral is not None and numeral.digits)
    return not _is_named_or_referring(s, draft, unit, before, after, lone=lone)


# The units of the drafts that _is_session_name, _is_issue_or_phase and _is_clock_time
# may drop: 届 and 次 (sessions), 期 (issues and phases), 点 (clock times).
_NAMING_UNITS = frozenset("届次期点")
# What _after_demonstrative drops a count after.
_DEMONSTRATIVES = frozenset("这那這")


def _is_named_or_referring(
    s: str, draft: Draft, unit: Unit, before: str, after: str, *, lone: bool
) -> bool:
    """The drops of :func:`is_amount` for a draft with a unit: an article (一个), a
    session (十九届), an issue or phase, a clock time, a back reference (两省), an
    ordinal 二 or a count after 这/那. Each is tried only where it may hold: an article
    and 二 only after a numeral of one character (``lone``), a back reference only with a
    region noun, a demonstrative only when ``before`` is one."""
    if unit.unit in _NAMING_UNITS and (
        _is_session_name(s, draft, after)
        or _is_issue_or_phase(s, draft)
        or _is_clock_time(s, draft)
    ):
        return True
    if draft.bare_chinese and (
        (lone and _is_indefinite(s, draft))
        or (unit.unit in _REGION_NOUNS and _is_back_reference(s, draft))
        or (before in _DEMONSTRATIVES and _after_demonstrative(s, draft))
    ):
        return True
    return lone and unit.kind == "count" and _is_ordinal_er(s, draft)


def dropped_as_indefinite(s: str, draft: Draft) -> bool:
    """True only where :func:`is_amount` is False: a draft with a unit, not masked, that
    :func:`_is_indefinite` calls an article (一个, 一批), decided without the other tests.

    Why: every test :func:`is_amount` runs before _is_indefinite either drops the draft
    or goes on; the two that return a keep (a masked draft, a draft without unit or
    kind) do not apply to it, so _is_indefinite true means the draft is dropped.
    """
    return draft.unit is not None and not draft.masked and _is_indefinite(s, draft)


def digit_dropped_as_indefinite(s: str, start: int, unit: Unit) -> bool:
    """``dropped_as_indefinite(s, digit_with_unit(s, start))`` where
    :func:`~povertytext.amounts.digit_unit` gives ``unit``, without the draft.

    Why: that draft (amounts.digit_draft) has a unit, is not masked, is bare Chinese,
    has no qualifier, and its numeral is the digit at ``start`` alone, whose value is 1
    only for 一; its unit ends it (never 一大包). So _is_indefinite decides on 一 and the
    kind of the unit alone, as :func:`_indefinite_one` does.
    """
    return s[start] == "一" and _indefinite_one(s, start, start + 1 + len(unit.surface), unit)


def _indefinite_one(s: str, start: int, end: int, unit: Unit) -> bool:
    """The tests of :func:`_is_indefinite` by kind, for 一 at ``start`` with ``unit``
    written right after it up to ``end``, no qualifier: an article (一批) or not."""
    kind = unit.kind
    if kind == "duration":
        return start > 0 and s[start - 1] in _REFERENCE_WORDS
    if kind == "multiple":
        return not _after_fan(s, start)
    return kind == "count" and not _counts_one_at(s, start, end, unit.surface)


_DATE_PARTS = frozenset("月日号")


def is_date_part(s: str, draft: Draft) -> bool:
    """2020年, 8月, 17日, 2020-08-19: parts of dates are not quantities."""
    numeral = draft.numeral
    assert numeral is not None
    end, unit, draft_end = numeral.end, draft.unit, draft.end
    if unit is None and (
        s[end : end + 1] in _DATE_PARTS
        or s[draft_end : draft_end + 1] in _DATE_PARTS
        or (s[draft_end : draft_end + 1] == " " and s[draft_end + 1 : draft_end + 2] in _DATE_PARTS)
    ):
        return True  # 8月, and a range of months or days (1至10月, 17—18日, 17 日)
    start = draft.start
    if s[start : start + 1] in _DATE_FIRSTS and DATE_LIKE.match(s, start) is not None:
        return True  # looks_like_date(s, start)
    if unit is not None and unit.unit == "年":
        # 2020年 and 二〇二〇年 are always years; a shorter number (97年出生, 5年) is left
        # to the date reader.
        if numeral.end - numeral.start == 4 and (numeral.arabic or numeral.digits):
            return True
        return numeral.end - numeral.start == 2 and starts_a_date(s, numeral.start)
    return s.startswith("__", end)


# What DATE_LIKE may start with, as looks_like_date tests it.
_DATE_FIRSTS = frozenset(DATE_FIRST_CHARS)


def _after_space(s: str, i: int) -> str:
    """The character after one layout space at ``i`` (2021 年1 月26 日), else ''."""
    return s[i + 1 : i + 2] if s[i : i + 1] == " " else ""


def _is_list_marker(s: str, draft: Draft, before: str, after: str) -> bool:
    """一是, 二、, (三), 1. and 1、 at the start of a clause."""
    if draft.unit is not None or draft.kind is not None:
        return False
    if after != "" and after in "、是" and (draft.bare_chinese or before in ("\n", " ", "　", "")):
        return True
    if before in ("(", "（") and after in (")", "）"):
        return True
    return after in (".", "．") and before in ("\n", "")


_QUOTE_OPEN = '“"「『《'
_QUOTE_CLOSE = re.compile(r"[^”\"」』》“「『《]{0,6}[”\"」』》]")
_QUOTED_NAME_REACH = 6


def _is_quoted_name(s: str, start: int, end: int) -> bool:
    """“832”平台, “扶贫832”, “三个统筹”: a short quoted phrase with a numeral is a name."""
    if _QUOTE_CLOSE.match(s, end) is None:
        return False
    opening = s[max(0, start - _QUOTED_NAME_REACH) : start]
    return any(quote in opening for quote in _QUOTE_OPEN)


def _is_lone_ambiguous_char(text: str, draft: Draft) -> bool:
    """陆, 伍, 拾, 肆 alone are everyday words (陆地, 队伍), not numerals."""
    numeral = draft.numeral
    if numeral is None or numeral.end - numeral.start != 1:
        return False
    return text[numeral.start] in not_alone_chars() and not (
        draft.unit is not None and draft.unit.kind == "money"
    )


def _unitless_is_amount(s: str, draft: Draft, after: str) -> bool:
    """Without a unit, keep Arabic numbers and numerals with 万/亿: 24.76万, 平均年龄27."""
    numeral = draft.numeral
    if numeral is None:
        return False
    if _is_zero_result(s, draft, after):
        return True
    if not numeral.arabic and numeral.magnitude >= 100 and _linked_by_range_word(s, draft):
        return True  # 一千多到三四千: two amounts, the second a colloquial range
    if numeral.value is None:
        return False
    if numeral.arabic:
        return not (
            _is_identifier(s, draft, after)
            or _is_bare_year(s, draft)
            or _is_marker_or_label(s, draft, after)
        )
    return numeral.magnitude >= 10000 or s[draft.end - 1] in "万亿"  # 一百多万


_CLOSING_QUOTES = '”"」』》’'


def _is_marker_or_label(s: str, draft: Draft, after: str) -> bool:
    """[1] (a footnote), 12345热线, 80后, 500强, 国道321线, 体验馆4.0”: no amount.

    A plain Arabic number (no 万/亿, no unit) glued to the word after it names or labels
    that word; amounts without a unit are written with a magnitude (24.76万) or stand alone.
    """
    numeral = draft.numeral
    assert numeral is not None
    before = s[draft.start - 1] if draft.start > 0 else ""
    if before in ("[", "【") and after in ("]", "】"):
        return True
    if numeral.magnitude != 1 or draft.qualifiers:
        return False
    if is_cjk_at(s, draft.end) and after not in FUNCTION_CHARS:
        return True
    return after != "" and after in _CLOSING_QUOTES and is_cjk_at(s, draft.start - 1)


def _is_zero_result(s: str, draft: Draft, after: str) -> bool:
    """下降到零, 降为零: a lone 零 reached by 到/至/为 at the end of a clause is 0."""
    if s[draft.start : draft.end] != "零" or draft.start == 0:
        return False
    return s[draft.start - 1] in "到至为" and (after == "" or not is_cjk_at(s, draft.end))


_RANGE_WORDS = "到至"


def _linked_by_range_word(s: str, draft: Draft) -> bool:
    """一千多 | 到 | 三四千: an amount joined to another numeral by 到 or 至."""
    after = s[draft.end : draft.end + 2]
    if len(after) == 2 and after[0] in _RANGE_WORDS and after[1] in numeral_start_chars():
        return True
    before = s[max(0, draft.start - 2) : draft.start]
    return (
        len(before) == 2
        and before[1] in _RANGE_WORDS
        and (before[0] in numeral_start_chars() or before[0] in MORE_CHARS)
    )


_YEAR_SPAN = (1900, 2100)


def _is_bare_year(s: str, draft: Draft) -> bool:
    """A four-digit year written alone (a title's "…心得体会2024"): the date reader decides."""
    numeral = draft.numeral
    if numeral is None or numeral.value is None or numeral.end - numeral.start != 4:
        return False
    return _YEAR_SPAN[0] <= numeral.value <= _YEAR_SPAN[1] and starts_a_date(s, numeral.start)


def _is_identifier(s: str, draft: Draft, after: str) -> bool:
    """Telephone, licence and page numbers: 010-68251888, A08, 126.com, 电话:12321."""
    numeral = draft.numeral
    assert numeral is not None
    written = s[numeral.start : numeral.end]
    before = s[draft.start - 1] if draft.start > 0 else ""
    if (after.isascii() and after.isalpha()) or (before.isascii() and before.isalpha()):
        return True
    if before == "-" and draft.start > 1 and s[draft.start - 2] not in " \n":
        return True
    if after in (":", "：") and s[draft.end + 1 : draft.end + 3].isdigit():
        return True  # 9:30, a clock time
    if before in ("〔", "[", "［", "【") and after in ("〕", "]", "］", "】"):
        return True  # 国发〔2016〕64号: the year of a document number, a footnote [1]
    if (
        (after != "" and after in "@-_/")
        or (before != "" and before in "@_/:：")
        or (after == "." and is_ascii_letter(s, draft.end + 1))
    ):
        return True
    digits = written.replace(",", "").split(".")[0]
    if len(digits) == 6 and written == digits and _stands_alone(s, draft, before, after):
        return True  # 江苏 南京 210095: a postcode after the place it belongs to
    return (len(digits) > 1 and digits.startswith("0")) or (len(digits) >= 7 and "," not in written)


def _stands_alone(s: str, draft: Draft, before: str, after: str) -> bool:
    """A number set off by a layout space after a word and closed by a bracket or the line."""
    return before == " " and is_cjk_at(s, draft.start - 2) and (after == "" or after in ")）\n ")


def _is_session_name(s: str, draft: Draft, after: str) -> bool:
    """六届六次、七次全会, 十九届四中全会: numbered sessions are names, not counts."""
    if draft.unit is None:
        return False
    if draft.unit.unit == "届":
        return True
    preceded = draft.start > 0 and s[draft.start - 1] == "届"
    return draft.unit.unit == "次" and (preceded or s.startswith("全会", draft.end))


# Words after 二期 / 三期 that make the numeral a phase (二期工程), not a count of issues.
_PHASE_NOUNS = ("工程", "项目", "項目", "建设", "建設")


def _is_issue_or_phase(s: str, draft: Draft) -> bool:
    """2020年12期 (an issue number after its year) and 二期工程 (a phase): ordinals."""
    if draft.unit is None or draft.unit.unit != "期" or draft.qualifiers:
        return False
    before = s[draft.start - 1] if draft.start > 0 else ""
    return before == "年" or s.startswith(_PHASE_NOUNS, draft.end)


# Parts of the day written before a clock time (下午3点, 深夜1点).
_DAY_PARTS = (
    "上午",
    "下午",
    "中午",
    "晚上",
    "凌晨",
    "深夜",
    "早上",
    "早晨",
    "傍晚",
    "夜里",
    "清晨",
)


def _is_clock_time(s: str, draft: Draft) -> bool:
    """10点多钟, 下午3点, 深夜1点: 点 after a part of the day or before 钟 is a clock time."""
    if draft.unit is None or draft.unit.unit != "点":
        return False
    if s.startswith(("钟", "多钟", "鐘", "多鐘"), draft.end):
        return True
    return any(s[max(0, draft.start - len(p)) : draft.start] == p for p in _DAY_PARTS)


# Region nouns that a small count names back (两省区, 两市) or in apposition (福建、广东两省).
_REGION_NOUNS = frozenset(
    {"省", "省区", "省市", "市", "县", "区", "县区", "县市", "州", "镇", "乡"}
)
_APPOSITION_REACH = 8
_CLAUSE_MARKS = CLAUSE_BREAKS + '（(“"「《'


def _is_back_reference(s: str, draft: Draft) -> bool:
    """两省区, 两市, 三市一起: a count of regions that refers back to sides just named.

    A count in apposition to a list (廣西、貴州兩省區, 莎车、泽普、叶城、巴楚四县) is a
    quantity; so is any other count of regions written after a word (黔湘渝三省, 在九县区).
    """
    unit = draft.unit
    if unit is None or unit.unit not in _REGION_NOUNS or not draft.bare_chinese:
        return False
    if draft.qualifiers or draft.value is None:
        return False
    if _after_a_list(s, draft.start):
        return False
    at_clause_start = draft.start == 0 or s[draft.start - 1] in _CLAUSE_MARKS
    return draft.value == 2 or at_clause_start


def _after_demonstrative(s: str, draft: Draft) -> bool:
    """这两个城市, 那三个县: a count after 这/那 names things already known, not an amount."""
    if draft.unit is None or draft.unit.kind != "count" or not draft.bare_chinese:
        return False
    return draft.start > 0 and s[draft.start - 1] in "这那這"


def _after_a_list(s: str, start: int) -> bool:
    """Whether a list joined by 、 ends right before ``start`` (福建、广东 两省)."""
    k = start - 1
    while k >= 0 and start - k <= _APPOSITION_REACH and is_cjk_at(s, k):
        k -= 1
    return k >= 0 and k < start - 1 and s[k] == "、"


def _is_ordinal_er(s: str, draft: Draft) -> bool:
    """二次塌方, 二次分配, 二级: a lone 二 (not 两) before a measure word is an ordinal."""
    numeral = draft.numeral
    if numeral is None or draft.unit is None or draft.unit.kind != "count":
        return False
    return numeral.end - numeral.start == 1 and s[numeral.start] == "二" and not draft.qualifiers


# Units after a mask that make it a masked date (****年, xx月) or place name (××乡, XX县).
_MASKED_NAME_UNITS = _REGION_NOUNS | {"年", "村"}


def _is_masked_date_or_name(s: str, draft: Draft) -> bool:
    """****年, xx年 (a masked year), ××乡, XX县 (a masked name): not masked amounts."""
    unit = draft.unit
    if unit is None:
        return False
    if unit.unit in _MASKED_NAME_UNITS and draft.end - draft.start - len(unit.surface) >= 2:
        return True
    return s[draft.end : draft.end + 1] in ("月", "日", "号")


# 一年 after these is "the year" (过去的一年, 这一年), not a duration of one year.
_REFERENCE_WORDS = "的这那每同上下前后"


def _is_indefinite(s: str, draft: Draft) -> bool:
    """一个, 一批, 一场: 一 with a measure word is an article unless the amount matters."""
    unit = draft.unit
    if not draft.bare_chinese or draft.value != 1 or unit is None:
        return False
    numeral = draft.numeral
    if numeral is None or numeral.end - numeral.start != 1:
        return False
    if draft.end - numeral.end == len(unit.surface) + 1:
        return False  # 一大包, 一整天
    if unit.kind == "count" and draft.qualifiers:
        return False
    return _indefinite_one(s, draft.start, draft.end, unit)


# Words right before 一 + measure word that make it a count (仅一个, 只有一户).
_ONE_COUNT_WORDS = ("仅", "只", "僅", "唯一", "就有")
# Words earlier in the clause that make 一 + measure word a count: a rate (每5户就有一户,
# 每年召开一次) or a distribution (21个省份分别对口支援…的一个重灾县).
_ONE_COUNT_SCOPES = ("每", "分别", "分別")
_ONE_REACH = 30
_ONE_COUNT_SCOPE = re.compile("|".join(map(re.escape, _ONE_COUNT_SCOPES)))
# Where the clause of a count of one ends: a comma, a semicolon, a sentence end, a line.
_CLAUSE_END_OR_LINE = CLAUSE_ENDS + "\n"


def _scoped_clause_before(s: str, start: int) -> bool:
    """Whether a word of :data:`_ONE_COUNT_SCOPES` stands in the clause before ``start``:
    the text back to the last clause end or line break, at most :data:`_ONE_REACH`
    characters. Most windows hold no such word at all, and are answered by that test."""
    window_start = max(0, start - _ONE_REACH)
    if _ONE_COUNT_SCOPE.search(s, window_start, start) is None:
        return False  # one search of the window for every word (most windows hold none)
    window = s[window_start:start]
    clause = window[max(window.rfind(char) for char in _CLAUSE_END_OR_LINE) + 1 :]
    return any(word in clause for word in _ONE_COUNT_SCOPES)


def _counts_one(s: str, draft: Draft) -> bool:
    """一户 in 每5户就有一户, 一位 in 一位书记、两位副书记, 一县 in 四区一县: counts of one."""
    assert draft.unit is not None
    return _counts_one_at(s, draft.start, draft.end, draft.unit.surface)


def _counts_one_at(s: str, start: int, end: int, surface: str) -> bool:
    """:func:`_counts_one` for a draft from ``start`` to ``end`` whose unit is written
    ``surface``."""
    if start > 0 and s[start - 1] == "每":
        return False  # 每一个: "every single", not a count
    if s.endswith(_ONE_COUNT_WORDS, 0, start) or _scoped_clause_before(s, start):
        return True
    if start >= 2 and s[start - 2] in chinese_digit_chars():
        previous = match_unit(s, start - 1, whole=False)
        if previous is not None and len(previous.surface) == 1:
            return True  # 四区一县: a count right after another count
    return _parallel_count_at(s, end, surface)


def _parallel_count(s: str, draft: Draft) -> bool:
    """一位…、两位…: the same measure word counted again after 、 in the same clause."""
    assert draft.unit is not None
    return _parallel_count_at(s, draft.end, draft.unit.surface)


def _parallel_count_at(s: str, end: int, surface: str) -> bool:
    """:func:`_parallel_count` for a draft ending at ``end`` with its unit ``surface``."""
    if s.find("、", end, end + _ONE_REACH) < 0:
        return False  # most clauses: no list after the count
    window = s[end : end + _ONE_REACH]
    stop = min((k for char in _CLAUSE_END_OR_LINE if (k := window.find(char)) >= 0), default=None)
    k = window.find("、", 0, stop)
    while k >= 0:
        numeral = read_numeral(s, end + k + 1)
        if numeral is not None and s.startswith(surface, numeral.end):
            return True
        k = window.find("、", k + 1, stop)
    return False


def _after_fan(s: str, start: int) -> bool:
    """翻一番, 翻了两番: 番 is a multiple only after 翻; 一番 alone is an article (一番努力)."""
    return "翻" in s[max(0, start - 2) : start]


# ---------------------------------------------------------------- refused before reading
#
# Candidates whose draft, read in full, is certainly no amount: decided on the characters
# around them, before the draft is read. Each test names the path of read_quantity and of
# is_amount that the candidate takes in every context passing it. The answer is where the
# scan goes on, the same place as after the draft is read and dropped (its numeral's end),
# or the candidate itself when read_quantity would find no draft.


def refused_at(s: str, i: int, numeral: Numeral | None = None) -> int | None:
    """Where the scan of normalized ``s`` goes on when the candidate at ``i`` is certainly
    no amount, or None when its draft must be read.

    ``numeral`` is ``read_numeral(s, i)`` when the caller has read it at a start that
    :func:`~povertytext.amounts.reads_plain_numeral` accepts (the scan hands the same
    numeral to :func:`~povertytext.amounts.read_quantity`); None: it is read here.
    """
    char = s[i]
    if "0" <= char <= "9":
        return _refused_arabic(s, i)
    if char == "负":
        return _refused_sign(s, i)
    if char in PLAIN_CHINESE_STARTS:
        return _refused_chinese(s, i, numeral)
    return None


_ARABIC_RUN = re.compile("[0-9]+")


def _refused_arabic(s: str, i: int) -> int | None:
    """8月, 30日, 11010802021749号, 20__ and 2020年: parts of dates.

    The ASCII digits s[i:k], followed by a character of :func:`_date_part_ends`, are a
    whole numeral (_read_arabic: no comma, point, gap, suffix or continuation), and no
    fraction, mask, qualifier, range or trailing word goes on from k. With 月/号, 日 not
    starting a unit (日元) or __, the draft is s[i:k] without a unit, which is_date_part
    drops; four digits and the unit 年 are a year (a range 2020年—2025年 keeps that unit),
    which is_date_part drops too. Every test of is_amount before it drops as well.
    """
    match = _ARABIC_RUN.match(s, i)
    assert match is not None
    k = match.end()
    after = s[k : k + 1]
    if after == "" or after not in _date_part_ends():
        return None
    if after == "年":
        unit = match_unit(s, k, whole=False) if k - i == 4 else None
        return k if unit is not None and unit.unit == "年" else None
    if after == "_":
        return k if s.startswith("__", k) else None
    return k if match_unit(s, k, whole=False) is None else None


@loader
def _date_part_ends() -> frozenset[str]:
    """月, 日, 号, 年 and _, kept only while no reading of an Arabic number goes on with
    them: no numeral character, magnitude, point, suffix or draft extension but units."""
    numeral_chars = numeral_start_chars() | frozenset(magnitude_values()) | frozenset(".,点")
    goes_on = numeral_chars | frozenset("kKwWMeE^") | extension_chars(False)
    return frozenset(char for char in "月日号年_" if char not in goes_on)


def _refused_chinese(s: str, i: int, numeral: Numeral | None) -> int | None:
    """十四五”, 十九届: a Chinese numeral with nothing after it that makes an amount.

    _read_amount reads read_numeral(s, i); no numeral means no draft. A numeral followed by
    no character of :func:`~povertytext.amounts.extension_chars` (units included) and no
    whitespace is the whole draft, without unit or qualifier; is_amount keeps such a
    Chinese numeral only with 万/亿 or a magnitude of 100 and more (_unitless_is_amount).
    """
    if s.startswith(LIANG_PAIR_WORDS, i):
        return None
    if numeral is None:
        numeral = read_numeral(s, i)
    if numeral is None:
        return i
    end = numeral.end
    if end < len(s) and (s[end].isspace() or s[end] in extension_chars(True)):
        return None
    if numeral.arabic or numeral.magnitude >= 100 or s[end - 1] in "万亿":
        return None
    return end


def _refused_sign(s: str, i: int) -> int | None:
    """负责, 负总责: 负 before a character no numeral, mask, sign or percent may start with.

    _read_amount then reads no numeral after the sign (read_numeral returns None on such
    a character) and i != j rules out a bare magnitude: no draft.
    """
    after = s[i + 1 : i + 2]
    if after != "" and (after.isdigit() or after in _sign_followers()):
        return None
    return i


@loader
def _sign_followers() -> frozenset[str]:
    """What may follow 负 in a draft: numeral characters, magnitudes, signs, masks, a point,
    百分之, 半 and the vague 数."""
    extra = SIGN_CHARS + MASK_CHARS + "百千万亿点.半数數"
    return numeral_start_chars() | frozenset(magnitude_values()) | frozenset(extra)
