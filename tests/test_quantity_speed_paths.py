"""The scan of :func:`~povertytext.extract_quantities` and its shortcuts give exactly what
the plain scan gives.

The oracle here is the scan without any shortcut: every match of the candidate pattern
is tried, a date at every start, no candidate is refused before its draft is read,
every draft is read in full (each step of ``read_quantity`` always runs, every branch
of the amount reader is tried), every numeral is read where it is needed and every
result is a validated model. Results are compared field by field, values with
their exponents and types.

One rule of the scan stays in the oracle, as the rule it is: a Chinese digit that
:func:`~povertytext.quantities._lone_chinese_digit` calls lone is skipped. It is not
always what reading its draft would give (八.一个: read in full, 8.1个), so it is
a rule of the results rather than a shortcut to them.
"""

from __future__ import annotations

import re
from decimal import Decimal, localcontext

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from povertytext import amounts, extract_quantities, quantities
from povertytext.amounts import DATE_LIKE, read_quantity, reads_plain_numeral
from povertytext.models import Quantity
from povertytext.nonamounts import blocked_spans, is_amount, refused_at
from povertytext.numerals import (
    EXACT,
    masked_end,
    normalize,
    overlong_run,
    read_numeral,
)

from ._oracles import exact_fields, read_in_full, without_plain_units
from ._shared import sample_lines

# Numerals, measure words, units, qualifiers, the words the refusals and the lexicon
# know (一批, 一方面, 十三五), clause marks, quotes, spaces and a few plain characters.
_ALPHABET = (
    "一二两三四五六七八九十零〇百千万亿点负-xX*半数几个批项种名场次年月日号元块角分"
    "人户米%亩斤届期大整多余来以上下左右约超过近累计共仅只每分别翻番这那的是和、，。"
    "“”《》()（）含至到—~ \n0123456789.,kw村省市县区方面规三五十八_第"
)
_PIECES = (
    "一个", "一批", "一种", "一年", "一方面", "一大包", "一整天", "一打", "一块", "两个",
    "三个", "十个", "二个", "五大", "四个", "一两个", "两三天", "一个多月", "个亿", "一户",
    "每一个", "仅一个", "一位书记、两位", "四区一县", "这两个", "“三个统筹”", "十三五",
    "第一", "2020年", "8月", "3.5亿元", "约30公里", "1万(含)-5万元", "8-12个", "一次",
    "二次", "一点五", "一分之", "一又", "一*", "一 个", "一\n个", "一个万", "过去的一年",
)  # fmt: skip


def _validated(quantity: Quantity) -> Quantity:
    return Quantity.model_validate(dict(quantity))


def _plain_scan(text: str) -> list[Quantity]:
    """extract_quantities on a simplified ``text``, with no shortcut."""
    s = normalize(text)
    blocked = blocked_spans(s)
    found: list[Quantity] = []
    position = 0
    urls = [(m.start(), m.end()) for m in quantities._URL.finditer(s)]
    with localcontext(EXACT):
        for match in quantities._candidate_pattern().finditer(s):
            start = match.start()
            if start < position:
                continue
            url = next(((a, b) for a, b in urls if b > start), None)
            if url is not None and url[0] <= start:
                position = url[1]
                continue
            date = DATE_LIKE.match(s, start)
            if date is not None:
                position = date.end()
                continue
            if quantities._lone_chinese_digit(s, start):
                continue
            overlong = overlong_run(s, start)
            if overlong is not None:
                position = overlong
                continue
            draft = read_in_full(s, start)
            if draft is None:
                position = masked_end(s, start) or position
                continue
            if not is_amount(text, s, draft, blocked):
                position = draft.numeral.end if draft.numeral is not None else start + 1
                if draft.masked:
                    position = draft.end
                continue
            quantity = _validated(quantities._to_quantity(text, s, draft, with_leading=True))
            if found and quantity.start < found[-1].end:
                continue
            found.append(quantity)
            position = draft.end
    return found


def _exactly(found: list[Quantity]) -> list[tuple[object, ...]]:
    """Each quantity's fields with their types, Decimals with their digits and exponents,
    and the fields it was given."""
    return [
        (
            type(q),
            tuple(
                (name, type(value), value.as_tuple() if isinstance(value, Decimal) else value)
                for name, value in q.__dict__.items()
            ),
            frozenset(q.model_fields_set),
        )
        for q in found
    ]


@st.composite
def _texts(draw: st.DrawFn) -> str:
    parts = draw(
        st.lists(st.sampled_from(_PIECES) | st.text(alphabet=_ALPHABET, max_size=4), max_size=8)
    )
    return "".join(parts)


@given(_texts())
@settings(max_examples=3000, deadline=None)
def test_the_scan_finds_what_the_plain_scan_finds(text: str) -> None:
    assert _exactly(extract_quantities(text)) == _exactly(_plain_scan(text))


@given(st.text(alphabet=_ALPHABET, max_size=30))
@settings(max_examples=1500, deadline=None)
def test_the_scan_finds_what_the_plain_scan_finds_on_any_text(text: str) -> None:
    assert _exactly(extract_quantities(text)) == _exactly(_plain_scan(text))


def test_the_scan_finds_what_the_plain_scan_finds_on_the_sample_texts() -> None:
    lines = sample_lines()
    found = [_exactly(extract_quantities(line)) for line in lines]
    assert any(found)
    assert found == [_exactly(_plain_scan(line)) for line in lines]


# ---------------------------------------------------------------- the numeral handed over


@given(_texts(), st.data())
@settings(max_examples=2000, deadline=None)
def test_a_numeral_handed_over_is_the_one_read(text: str, data: st.DataObject) -> None:
    """The scan reads the numeral at a plain Chinese start once, for the refusal and for
    the draft: both answer as when they read it themselves."""
    s = normalize(text)
    if not s:
        return
    i = data.draw(st.integers(0, len(s) - 1))
    if not reads_plain_numeral(s, i):
        return
    with localcontext(EXACT):
        numeral = read_numeral(s, i)
        assert refused_at(s, i, numeral) == refused_at(s, i)
        handed = read_quantity(s, i, whole=False, numeral=numeral)
        assert exact_fields(handed) == exact_fields(read_quantity(s, i, whole=False))


@pytest.mark.parametrize("text", ["一个", "三个村", "十四五”", "两天", "九十万元"])
def test_a_numeral_handed_over_at_a_plain_start(text: str) -> None:
    s = normalize(text)
    assert reads_plain_numeral(s, 0)
    with localcontext(EXACT):
        handed = read_quantity(s, 0, whole=False, numeral=read_numeral(s, 0))
        assert exact_fields(handed) == exact_fields(read_quantity(s, 0, whole=False))


# ---------------------------------------------------------------- a unit right after the numeral

_UNIT_PIECES = (
    "个", "個", "座", "家", "批", "种", "年", "天", "个月", "%", "成", "折", "元", "块", "塊",
    "点", "分", "分之", "千米", "千克", "米", "公里", "亩", "万亩", "人", "户", "次", "届",
    "倍", "斤", "度", "打", "半", "多", "余", "来", "大", "整", "/", " ", "\n", "*", "又",
)  # fmt: skip
_NUMERAL_PIECES = (
    "一", "三", "两", "十", "十二", "三百", "四千", "五万", "1", "12", "3.5", "4.4万", "1,000",
    "-3", "负三", "七八", "一二", "零", "二〇二〇", "1亿", "十二点五", "三千",
)  # fmt: skip


@st.composite
def _numerals_with_units(draw: st.DrawFn) -> tuple[str, int]:
    before = draw(st.text(alphabet=_ALPHABET, max_size=2))
    numeral = draw(st.sampled_from(_NUMERAL_PIECES))
    after = draw(st.lists(st.sampled_from(_UNIT_PIECES), max_size=3))
    rest = draw(st.text(alphabet=_ALPHABET, max_size=2))
    return normalize(before + numeral + "".join(after) + rest), len(before)


@given(_numerals_with_units(), st.booleans())
@settings(max_examples=3000, deadline=None)
def test_a_plain_unit_is_read_as_every_step_reads_it(
    text_and_index: tuple[str, int], whole: bool
) -> None:
    """amounts._with_plain_unit: the draft with the unit right after the numeral is the
    draft every step between the numeral and the unit, and after it, reads."""
    s, i = text_and_index
    with localcontext(EXACT):
        fast = read_quantity(s, i, whole=whole)
        with without_plain_units():
            full = read_quantity(s, i, whole=whole)
    assert exact_fields(fast) == exact_fields(full)


@pytest.mark.parametrize(
    ("text", "shortcut"),
    [
        ("三个村", True),
        ("5479座", True),
        ("4.4万个", True),
        ("65%以上", True),  # the trailing qualifier is read after the unit, as always
        ("两个亿", False),  # 个亿
        ("一个多月", False),  # 个多
        ("12千米", False),  # the magnitude begins the unit
        ("三块地", False),  # 块: a piece or yuan
        ("三成", False),  # a scale
        ("3元", False),  # money
        ("一年半", False),  # 半
        ("七八个", False),  # a pair
        ("三大类", False),  # 大
    ],
)
def test_when_a_plain_unit_is_read(text: str, shortcut: bool) -> None:
    s = normalize(text)
    with localcontext(EXACT):
        numeral = read_numeral(s, 0)
        assert numeral is not None
        assert (amounts._with_plain_unit(s, 0, numeral, Decimal(1)) is not None) == shortcut


# ---------------------------------------------------------------- building the model


@given(_texts())
@settings(max_examples=500, deadline=None)
def test_a_quantity_is_built_as_the_model_builds_it(text: str) -> None:
    """quantities._validated_quantity is Quantity(**fields): the same fields, types, the
    fields given, frozen; and it still validates (a span that does not fit raises)."""
    for found in extract_quantities(text):
        fields = dict(found)
        built = quantities._validated_quantity(**fields)
        assert _exactly([built]) == _exactly([Quantity(**fields)])
        with pytest.raises(ValidationError):
            built.start = 0  # type: ignore[misc]
        with pytest.raises(ValidationError):
            quantities._validated_quantity(**{**fields, "end": fields["end"] + 1})


def test_the_written_starts_are_the_characters_whose_own_form_starts_a_candidate() -> None:
    from povertytext.characters import simplify, traditional_chars
    from povertytext.numerals import normalize, normalized_chars, numeral_start_chars

    firsts = numeral_start_chars() | frozenset(quantities._OTHER_STARTS)
    mapped = firsts | traditional_chars() | normalized_chars()
    one_by_one = sorted(c for c in mapped if normalize(simplify(c)) in firsts)
    assert quantities._written_starts().pattern == f"[{re.escape(''.join(one_by_one))}]"
