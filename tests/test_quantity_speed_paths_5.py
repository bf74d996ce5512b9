"""The sixth round's shortcuts of the amount tests and of the building of results give
exactly what the computations they replace give: the lexicon looked up by two
characters, :func:`~povertytext.nonamounts.is_amount` trying each drop only where it
may hold, the parts of dates tested without a joined string, the leading qualifier's
last characters fetched without arguments and the canonical value read off its written
form. Each former computation is kept here as it was.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from decimal import Decimal, localcontext

from hypothesis import given, settings
from hypothesis import strategies as st

from povertytext import nonamounts, quantities, units
from povertytext._data import read_table
from povertytext.amounts import Draft, digit_with_unit, looks_like_date, read_quantity
from povertytext.dates import starts_a_date
from povertytext.models import Quantity, QuantityKind
from povertytext.numerals import EXACT, canonical, normalize
from povertytext.units import Qualifier, qualifier_table

from ._shared import sample_lines
from .test_quantity_speed_paths import _ALPHABET, _exactly, _texts

# ---------------------------------------------------------------- inputs


def _phrases() -> list[str]:
    return sorted({normalize(row["phrase"]) for row in read_table("non_quantities.csv")})


_PHRASES = _phrases()


@st.composite
def _lexicon_texts(draw: st.DrawFn) -> str:
    """Texts of lexicon phrases, their pieces and the characters of the other tests."""
    phrase = st.sampled_from(_PHRASES)
    piece = phrase.flatmap(lambda p: st.sampled_from([p[k:] for k in range(len(p))] + [p[:-1]]))
    parts = draw(st.lists(phrase | piece | st.text(alphabet=_ALPHABET, max_size=3), max_size=8))
    return normalize("".join(parts))


def _sample_lines() -> list[str]:
    return [normalize(line) for line in sample_lines()]


def _drafts(s: str) -> Iterator[Draft]:
    """Every draft the scan may test at any start of ``s``: read, and a digit with its
    unit (the scan's first try at a Chinese digit)."""
    with localcontext(EXACT):
        for i in range(len(s)):
            for draft in (read_quantity(s, i, whole=False), digit_with_unit(s, i)):
                if draft is not None:
                    yield draft


# ---------------------------------------------------------------- the lexicon


def _covers_as_it_was(blocked: nonamounts.Blocked, start: int, end: int) -> bool:
    """Blocked.covers before the lexicon was keyed by two characters: every group of
    the phrases holding the character at ``start``."""
    text = blocked.text
    if start >= len(text):
        return False
    for offset, length, phrases in nonamounts.phrases_by_char(blocked.words_only).get(
        text[start], ()
    ):
        begin = start - offset
        if begin >= 0 and end <= begin + length and text[begin : begin + length] in phrases:
            return True
    return False


def _assert_covers_as_it_was(s: str) -> None:
    for words_only in (False, True):
        blocked = nonamounts.blocked_spans(s, words_only=words_only)
        for start in range(len(s) + 1):
            for end in range(start, len(s) + 2):
                expected = _covers_as_it_was(blocked, start, end)
                assert blocked.covers(start, end) == expected, (s, start, end, words_only)


@given(_lexicon_texts())
@settings(max_examples=1500, deadline=None)
def test_the_lexicon_covers_what_it_covered(s: str) -> None:
    _assert_covers_as_it_was(s)


def test_the_lexicon_covers_what_it_covered_on_every_phrase() -> None:
    """Each phrase alone, and each phrase inside a phrase of the lexicon (一个一批)."""
    for phrase in _PHRASES:
        _assert_covers_as_it_was(phrase)
        _assert_covers_as_it_was("的" + phrase + "一个")


def test_the_lexicon_covers_what_it_covered_on_the_sample_texts() -> None:
    for s in _sample_lines():
        for words_only in (False, True):
            blocked = nonamounts.blocked_spans(s, words_only=words_only)
            for draft in _drafts(s):
                expected = _covers_as_it_was(blocked, draft.start, draft.end)
                assert blocked.covers(draft.start, draft.end) == expected


# ---------------------------------------------------------------- is_amount


def _is_date_part_as_it_was(s: str, draft: Draft) -> bool:
    """nonamounts.is_date_part before the parts of dates were tested one by one."""
    numeral = draft.numeral
    assert numeral is not None
    end = numeral.end
    after_space = s[draft.end + 1 : draft.end + 2] if s[draft.end : draft.end + 1] == " " else ""
    if draft.unit is None and frozenset("月日号").intersection(
        s[end : end + 1] + s[draft.end : draft.end + 1] + after_space
    ):
        return True
    if looks_like_date(s, draft.start):
        return True
    if draft.unit is not None and draft.unit.unit == "年":
        if numeral.end - numeral.start == 4 and (numeral.arabic or numeral.digits):
            return True
        return numeral.end - numeral.start == 2 and starts_a_date(s, numeral.start)
    return s.startswith("__", end)


def _is_amount_as_it_was(
    text: str, s: str, draft: Draft, covers: Callable[[int, int], bool]
) -> bool:
    """nonamounts.is_amount before each drop was tried only where it may hold."""
    n = nonamounts
    start, end = draft.start, draft.end
    if covers(start, end):
        return False
    before = s[start - 1] if start > 0 else ""
    after = s[end] if end < len(s) else ""
    if before == "第" or (before == "." and draft.unit is None):
        return False
    if draft.numeral is not None and _is_date_part_as_it_was(s, draft):
        return False
    if n._is_list_marker(s, draft, before, after):
        return False
    if n._is_quoted_name(s, start, end):
        return False
    if draft.masked:
        return not n._is_masked_date_or_name(s, draft)
    if n._is_lone_ambiguous_char(text, draft):
        return False
    if draft.unit is None and draft.kind is None:
        return n._unitless_is_amount(s, draft, after)
    if n._is_indefinite(s, draft) or n._is_session_name(s, draft, after):
        return False
    if n._is_issue_or_phase(s, draft) or n._is_clock_time(s, draft):
        return False
    if n._is_back_reference(s, draft) or n._is_ordinal_er(s, draft):
        return False
    if n._after_demonstrative(s, draft):
        return False
    return not (draft.numeral is not None and draft.numeral.digits and draft.unit is None)


def _assert_tests_as_they_were(text: str) -> None:
    s = normalize(text)
    blocked = nonamounts.blocked_spans(s)
    for draft in _drafts(s):
        if draft.numeral is not None:
            assert nonamounts.is_date_part(s, draft) == _is_date_part_as_it_was(s, draft)
        expected = _is_amount_as_it_was(
            text, s, draft, lambda a, b: _covers_as_it_was(blocked, a, b)
        )
        assert nonamounts.is_amount(text, s, draft, blocked) == expected, (text, draft)


@given(_texts())
@settings(max_examples=2000, deadline=None)
def test_the_amount_tests_decide_as_they_did(text: str) -> None:
    _assert_tests_as_they_were(text)


@given(_lexicon_texts())
@settings(max_examples=1000, deadline=None)
def test_the_amount_tests_decide_as_they_did_around_the_lexicon(text: str) -> None:
    _assert_tests_as_they_were(text)


# Units and words of the drops tried only where they may hold (届, 次, 期, 点, the
# region nouns, 这/那, 二, the articles), and the dates' parts.
_DROP_PIECES = (
    "十九届", "六届六次", "七次全会", "届", "次", "全会", "2020年12期", "二期工程", "期",
    "下午3点", "10点多钟", "点", "钟", "两省区", "两市", "福建、广东两省", "九县区", "三市",
    "这两个", "那三个", "二次", "二级", "两次", "一个", "一批", "一年", "的一年", "翻一番",
    "一番", "8月", "17日", "1至10月", "17—18日", "2021 年1 月26 日", "20__", "97年", "2020年",
)  # fmt: skip


@given(st.lists(st.sampled_from(_DROP_PIECES) | st.text(alphabet=_ALPHABET, max_size=3)))
@settings(max_examples=2000, deadline=None)
def test_the_amount_tests_decide_as_they_did_on_their_words(pieces: list[str]) -> None:
    _assert_tests_as_they_were("".join(pieces))


def test_the_amount_tests_decide_as_they_did_on_the_sample_texts() -> None:
    for line in _sample_lines():
        _assert_tests_as_they_were(line)


# ---------------------------------------------------------------- building the result


def _leading_qualifier_as_it_was(
    s: str, start: int, *, bare_magnitude: bool = False
) -> tuple[Qualifier, int] | None:
    """units.leading_qualifier before its last characters were fetched without arguments."""
    end = start - 1 if start > 0 and s[start - 1] == " " else start
    if end == 0 or s[end - 1] not in units._leading_last_chars(bare_magnitude):
        return None
    positions = ("before", "magnitude") if bare_magnitude else ("before",)
    table = qualifier_table()
    for length in (3, 2, 1):
        if end - length < 0:
            continue
        qualifier = table.get(s[end - length : end])
        if qualifier is not None and qualifier.position in positions:
            return None if units._ends_in_word(s, end) else (qualifier, end - length)
    return None


def _scope_qualifier_as_it_was(s: str, start: int) -> str | None:
    """units.scope_qualifier before its window's start was found without max()."""
    window_start = max(0, start - units._SCOPE_WINDOW)
    if units._scope_pattern().search(s, window_start, start) is None:
        return None
    window = s[window_start:start]
    words = [word for word in units._scope_words() if word in window]
    sentence_start = max(s.rfind(mark, window_start, start) for mark in units._SENTENCE_END)
    clause = s[max(sentence_start, window_start) : start]
    return next((word for word in words if word in clause), None)


def _to_quantity_as_it_was(text: str, s: str, draft: Draft, *, with_leading: bool) -> Quantity:
    """quantities._to_quantity before the qualifiers were copied only when one is added
    and the canonical values read off their written form."""
    start = draft.start
    qualifiers = list(draft.qualifiers)
    if with_leading:
        magnitude_like = draft.bare_magnitude or (
            (draft.unit.kind if draft.unit is not None else None) == "age"
        )
        found = _leading_qualifier_as_it_was(s, start, bare_magnitude=magnitude_like)
        if found is not None:
            leading, leading_start = found
            if leading.in_span:
                start = leading_start
            qualifiers.append(leading.text)
        if not qualifiers:
            scope = _scope_qualifier_as_it_was(s, start)
            if scope is not None:
                qualifiers.append(scope)
    unit = draft.unit
    value = draft.value
    if unit is not None and unit.kind == "temperature":
        start, unit, value = units.temperature_prefix(s, start, unit, value)
    kind: QuantityKind = draft.kind or (unit.kind if unit else "count")
    currency = draft.currency or (unit.currency if unit else None)
    table = qualifier_table()
    approximate = (draft.value is None and not draft.masked) or any(
        table[q].approximate for q in qualifiers if q in table
    )
    qualifier = qualifiers[0] if qualifiers else None
    named = table.get(qualifier or "")
    return Quantity(
        text=text[start : draft.end],
        start=start,
        end=draft.end,
        value=None if value is None else canonical(value),
        low=None if draft.low is None else canonical(draft.low),
        high=None if draft.high is None else canonical(draft.high),
        unit=unit.unit if unit else None,
        kind=kind,
        currency=currency if kind == "money" else None,
        qualifier=qualifier,
        approximate=approximate,
        masked=draft.masked,
        bound=named.bound if named is not None else "exact",
    )


def _assert_built_as_it_was(text: str) -> None:
    s = normalize(text)
    with localcontext(EXACT):
        for draft in _drafts(s):
            for with_leading in (True, False):
                before = dataclasses.replace(draft, qualifiers=list(draft.qualifiers))
                built = quantities._to_quantity(text, s, draft, with_leading=with_leading)
                assert draft == before  # the draft is left as it was
                expected = _to_quantity_as_it_was(text, s, draft, with_leading=with_leading)
                assert _exactly([built]) == _exactly([expected]), (text, draft)


@given(_texts())
@settings(max_examples=2000, deadline=None)
def test_a_result_is_built_as_it_was(text: str) -> None:
    _assert_built_as_it_was(text)


# Qualifiers before and after, the scope words, temperatures and ages.
_BUILD_PIECES = (
    "约", "超过", "近", "上万", "过亿元", "不过万元", "签约", "累计", "共计", "总计", "。",
    "\n", "，", "摄氏", "零下", "华氏温度", "37度", "98.6度", "30岁", "以上", "左右", "多",
    " ", "3.50", "1E+4", "0.0", "10000", "12.30元", "1万(含)-5万元", "8-12个",
)  # fmt: skip


@given(st.lists(st.sampled_from(_BUILD_PIECES) | st.text(alphabet=_ALPHABET, max_size=3)))
@settings(max_examples=2000, deadline=None)
def test_a_result_is_built_as_it_was_with_qualifiers(pieces: list[str]) -> None:
    _assert_built_as_it_was("".join(pieces))


def test_a_result_is_built_as_it_was_on_the_sample_texts() -> None:
    for line in _sample_lines():
        _assert_built_as_it_was(line)


def test_the_leading_qualifiers_last_characters_are_as_they_were() -> None:
    for bare_magnitude in (False, True):
        expected = units._leading_last_chars(bare_magnitude)
        assert units._leading_last_char_sets()[bare_magnitude] == expected


# ---------------------------------------------------------------- canonical values

_decimals = st.decimals(allow_nan=True, allow_infinity=True) | st.builds(
    lambda sign, digits, exponent: Decimal((sign, tuple(digits), exponent)),
    st.integers(0, 1),
    st.lists(st.integers(0, 9), min_size=1, max_size=30),
    st.integers(-40, 40),
)


def _outcome(function: Callable[[Decimal], Decimal], value: Decimal) -> object:
    """What ``function`` gives: the digits, exponent and sign, whether it is the very
    value, or the exception it raises (a signalling NaN)."""
    try:
        found = function(value)
    except ArithmeticError as error:
        return type(error)
    return str(found), found.as_tuple(), found is value


@given(_decimals)
@settings(max_examples=5000, deadline=None)
def test_a_canonical_value_is_found_as_it_was(value: Decimal) -> None:
    """The same digits, exponent and sign as numerals.canonical, the very value where
    canonical gives the value itself back, the same exception where it raises."""
    with localcontext(EXACT):
        assert _outcome(quantities._canonical, value) == _outcome(canonical, value)
    assert _outcome(quantities._canonical, value) == _outcome(canonical, value)
