"""The second round of shortcuts of the quantity scan give what the full paths give.

Each shortcut is compared with the path it stands for, on generated text around the
forms it takes (a lone Chinese digit and a measure word, lists, clause marks):
``numerals.lone_digit`` with ``read_numeral``, ``amounts.digit_with_unit`` with
``read_quantity`` read in full, ``nonamounts.dropped_as_indefinite`` with ``is_amount``,
and the window searches of ``_counts_one`` with the character loops they replace.
"""

from __future__ import annotations

from decimal import localcontext
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from povertytext import nonamounts, numerals
from povertytext._substitute import Substitution
from povertytext.amounts import Draft, digit_with_unit, read_quantity
from povertytext.nonamounts import blocked_spans, dropped_as_indefinite, is_amount, refused_at
from povertytext.numerals import (
    EXACT,
    MAX_DIGITS,
    lone_digit,
    normalize,
    read_numeral,
)

from ._oracles import exact_fields, read_in_full

# Digits, measure words and units (some read further: 块, 点, 分; some scaled: 成, 万元),
# what follows a unit (a range, a qualifier, 半, a mask), the words _counts_one looks for,
# clause marks and a few plain characters.
_ALPHABET = (
    "一二两三四五六七八九十零〇百千万亿点0123456789.,．个批种场次年天位户县区省名项番"
    "块分成元大整多余来以上左右半*xX—-~至到仅只每别別翻这那的第、，,。；;！？\n 村人"
)
_PIECES = (
    "一个", "一批", "一种", "一年", "一场", "一位", "一户", "一县", "一番", "翻一番", "一次",
    "三个", "两天", "两三", "一两", "二〇", "一1", "一.5", "一万", "一元", "一块", "一成",
    "仅一个", "只有一户", "唯一", "就有一户", "每一个", "每5户就有一户", "分别", "分別",
    "四区一县", "一位书记、两位", "一个、三个", "一个、二", "的一年", "这一年", "一个多月",
    "一个亿", "一大包", "一整天", "一年半", "一个以上", "一个*", "一个—", "第一个",
    "“一个”", "一方面", "十三五", "、三个", "，三个、五个", "、一位", "；一户、两户",
)  # fmt: skip


@st.composite
def _texts(draw: st.DrawFn) -> str:
    parts = draw(
        st.lists(st.sampled_from(_PIECES) | st.text(alphabet=_ALPHABET, max_size=5), max_size=10)
    )
    return normalize("".join(parts))


# ---------------------------------------------------------------- numerals.lone_digit


@given(_texts(), st.data())
@settings(max_examples=3000, deadline=None)
def test_a_lone_digit_is_what_the_numeral_reader_reads(text: str, data: st.DataObject) -> None:
    if not text:
        return
    i = data.draw(st.integers(0, len(text) - 1))
    numeral = lone_digit(text, i)
    if numeral is not None:
        assert exact_fields(numeral) == exact_fields(read_numeral(text, i))


def test_a_lone_digit_before_a_long_run_is_what_the_numeral_reader_reads() -> None:
    """A run of more than MAX_DIGITS digits is no numeral: no lone digit starts it. Every
    way a run goes on after the digit, at lengths around the limit."""
    for digit in "一两九":
        for second in ["", *"0〇一,.．个"]:
            for fill in ["0", "〇", "三", ",000", "．5", ".5"]:
                for length in (MAX_DIGITS - 4, MAX_DIGITS, MAX_DIGITS + 4):
                    text = digit + second + fill * (length // len(fill)) + "个"
                    numeral = lone_digit(text, 0)
                    if numeral is not None:
                        assert exact_fields(numeral) == exact_fields(read_numeral(text, 0)), text[
                            :5
                        ]


@pytest.mark.parametrize(
    ("text", "alone"),
    [("一批", True), ("三个", True), ("两天", True), ("一两", False), ("两三", False),
     ("二〇", False), ("一1", False), ("一.5", False), ("一万", False), ("一", False),
     ("十个", False), ("1个", False)],
)  # fmt: skip
def test_when_a_digit_is_read_alone(text: str, alone: bool) -> None:
    assert (lone_digit(text, 0) is not None) == alone


# ---------------------------------------------------------------- amounts.digit_with_unit


@given(_texts(), st.data())
@settings(max_examples=3000, deadline=None)
def test_a_digit_with_its_unit_is_the_draftread_in_full(text: str, data: st.DataObject) -> None:
    """The draft, and that the refusal before reading would not have refused it."""
    if not text:
        return
    i = data.draw(st.integers(0, len(text) - 1))
    with localcontext(EXACT):
        fast = digit_with_unit(text, i)
        if fast is None:
            return
        assert exact_fields(fast) == exact_fields(read_in_full(text, i))
        assert refused_at(text, i) is None


@pytest.mark.parametrize(
    ("text", "shortcut"),
    [("一批", True), ("三个村", True), ("两天", True), ("一个以上", False), ("一个—三个", False),
     ("一个*", False), ("一个多月", False), ("一个亿", False), ("一块", False), ("一成", False),
     ("一元", False), ("一年半", False), ("一大包", False), ("一两个", False), ("十个", False)],
)  # fmt: skip
def test_when_a_digit_with_its_unit_is_taken_at_once(text: str, shortcut: bool) -> None:
    with localcontext(EXACT):
        assert (digit_with_unit(normalize(text), 0) is not None) == shortcut


# ---------------------------------------------------------------- nonamounts.dropped_as_indefinite


@given(_texts(), st.data())
@settings(max_examples=3000, deadline=None)
def test_an_indefinite_article_is_what_is_amount_drops(text: str, data: st.DataObject) -> None:
    if not text:
        return
    i = data.draw(st.integers(0, len(text) - 1))
    with localcontext(EXACT):
        draft = read_quantity(text, i, whole=False)
        if draft is None or not dropped_as_indefinite(text, draft):
            return
        assert not is_amount(text, text, draft, blocked_spans(text))


def test_articles_are_dropped_early_and_counts_are_not() -> None:
    with localcontext(EXACT):
        for text, early in [("建立一批", True), ("仅一个", False), ("四区一县", False),
                            ("翻一番", False), ("这一年", True), ("一年", False)]:  # fmt: skip
            s = normalize(text)
            draft = read_quantity(s, s.index("一"), whole=False)
            assert draft is not None
            assert dropped_as_indefinite(s, draft) == early


# ---------------------------------------------------------------- the windows of _counts_one


def _scope_in_clause_by_loop(s: str, start: int) -> bool:
    """The clause before ``start`` read back one character at a time."""
    k = start - 1
    while k >= 0 and start - k <= nonamounts._ONE_REACH and s[k] not in "，,。！？!?；;\n":
        k -= 1
    clause = s[k + 1 : start]
    return any(word in clause for word in ("每", "分别", "分別"))


def _parallel_by_loop(s: str, draft: Draft) -> bool:
    """The same measure word after 、, read forward one character at a time."""
    assert draft.unit is not None
    k = draft.end
    limit = min(len(s), k + nonamounts._ONE_REACH)
    while k < limit and s[k] not in "，,。！？!?；;\n":
        if s[k] == "、":
            numeral = read_numeral(s, k + 1)
            if numeral is not None and s.startswith(draft.unit.surface, numeral.end):
                return True
        k += 1
    return False


@given(_texts(), st.data())
@settings(max_examples=3000, deadline=None)
def test_the_windows_of_a_count_of_one_are_the_loops(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    assert nonamounts._scoped_clause_before(text, start) == _scope_in_clause_by_loop(text, start)
    if start == len(text):
        return
    with localcontext(EXACT):
        draft = read_quantity(text, start, whole=False)
    if draft is not None and draft.unit is not None:
        assert nonamounts._parallel_count(text, draft) == _parallel_by_loop(text, draft)


@pytest.mark.parametrize(
    ("text", "parallel"),
    [("一位书记、两位副书记", True), ("一位书记，两位、三位", False), ("一户、两户", True),
     ("一户；一户、两户", False), ("一户、两人", False)],
)  # fmt: skip
def test_a_parallel_count_stops_at_the_clause_end(text: str, parallel: bool) -> None:
    with localcontext(EXACT):
        draft = read_quantity(text, 0, whole=False)
    assert draft is not None
    assert nonamounts._parallel_count(text, draft) == parallel


def test_the_clause_marks_are_the_modules() -> None:
    assert set(nonamounts._CLAUSE_END_OR_LINE) == set("，,。！？!?；;\n")


# ---------------------------------------------------------------- numerals.normalize


def _normalized_by_translation(text: str) -> str:
    return text.translate({ord(char): numerals._substitution()(char) for char in _SOURCES})


_SOURCES = "".join(sorted(numerals.normalized_chars()))


@given(st.text(alphabet=_SOURCES + "".join(numerals._normalization()[1].values()) + "年月ab "))
@settings(max_examples=2000, deadline=None)
def test_normalize_replaces_as_one_translation(text: str) -> None:
    """Each character found replaced in turn is the one-pass substitution of the table."""
    assert numerals.normalize(text) == _normalized_by_translation(text)
    assert numerals.normalize(text) == numerals._substitution()(text)


def test_a_table_that_replaces_a_replacement_is_not_replaced_in_turn() -> None:
    """A → B, B → C: replacing A then B would give C for A; the table is then left to the
    substitution, which gives B."""
    chained = Substitution({ord("A"): "B", ord("B"): "C"})
    with mock.patch.object(numerals, "_substitution", return_value=chained):
        pattern, changes = numerals._normalization.__wrapped__()
    assert pattern is None
    assert changes == {"A": "B", "B": "C"}
