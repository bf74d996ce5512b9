"""The sixth round's shortcut of :func:`~povertytext.extract_quantities` gives exactly
what the path it replaces gives: ``amounts.arabic_draft``, the common shape at an
Arabic digit, compared with ``read_quantity`` read in full (and the refusal it skips),
on generated text around the forms it takes and on the sample texts.
"""

from __future__ import annotations

from decimal import localcontext
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from povertytext import Vocabulary, extract_quantities
from povertytext.amounts import DATE_PART_CHARS, arabic_draft, read_quantity
from povertytext.nonamounts import _date_part_ends, refused_at
from povertytext.numerals import EXACT, normalize

from ._oracles import exact_fields, read_in_full

# Numbers (thousands groups, decimals, zeros, a dotted sequence), 万/亿 and the other
# magnitudes, units (money, scaled, read further, of ASCII letters, beginning with a
# magnitude), what may follow (masks, 多, a range, a qualifier, 半, 角/分, a currency,
# dates) and a few plain characters.
_NUMBERS = (
    "0", "00", "7", "12", "2020", "1,200", "82,225.00", "1,2345", "24.76", "0.5", "3.", ".5",
    "1.2.3", "12,3", "10000", "0,000",
)  # fmt: skip
_AFTER = (
    "万", "亿", "万亿", "亿万", "万万", "千", "十", "兆", "k", "W", "元", "亿元", "万元", "块",
    "人", "个", "个月", "个亿", "个多", "个百分点", "%", "成", "点", "分", "分钟", "年", "月",
    "日", "号", "_", "__", "公里", "千米", "kg", "km", "m", "L", "℃", "美元", "人民币", "日元",
    "元5角", "元整", "元钱", "元零", "元港币", "半", "以上", "左右", "多", "余", "来", "—",
    "-", "~", "至", "到", "(含)", "*", "x", "×", ".", ",", "．", "/", "/2", " ", "\n", "　",
    "١", "²", "贫困", "的", "在", "，", "。", ")", "”", "大", "整", "又", "之",
)  # fmt: skip
_PLAIN = "的人口村年，。、 \n"


@st.composite
def _texts(draw: st.DrawFn) -> tuple[str, int]:
    """A normalized text and the offset of the Arabic number in it."""
    before = draw(st.text(alphabet=_PLAIN, max_size=2))
    number = draw(st.sampled_from(_NUMBERS))
    after = draw(st.lists(st.sampled_from(_AFTER), max_size=3))
    rest = draw(st.text(alphabet=_PLAIN + "0123456789", max_size=2))
    return normalize(before + number + "".join(after) + rest), len(before)


def _check(s: str, i: int) -> bool:
    """Where arabic_draft answers at ``i``: the draft read in full and by read_quantity,
    and no refusal. Whether it answered."""
    with localcontext(EXACT):
        fast = arabic_draft(s, i)
        if fast is None:
            return False
        assert exact_fields(fast) == exact_fields(read_in_full(s, i))
        assert exact_fields(fast) == exact_fields(read_quantity(s, i, whole=False))
        assert refused_at(s, i) is None
        return True


@given(_texts(), st.data())
@settings(max_examples=4000, deadline=None)
def test_an_arabic_draft_is_the_draft_read_in_full(
    case: tuple[str, int], data: st.DataObject
) -> None:
    s, i = case
    _check(s, data.draw(st.sampled_from([i, *range(i, len(s))])))


@given(st.text(alphabet="0123456789.,万亿元个人%年月日多以上-—半*x 　\n的", max_size=14))
@settings(max_examples=3000, deadline=None)
def test_an_arabic_draft_is_the_draft_read_in_full_on_any_text(text: str) -> None:
    s = normalize(text)
    for i in range(len(s)):
        _check(s, i)


def test_an_arabic_draft_is_the_draft_read_in_full_on_the_sample_texts() -> None:
    root = Path(__file__).parent / "data"
    answered = 0
    for path in sorted(root.rglob("*.txt")):
        for line in path.read_text("utf-8").splitlines():
            s = normalize(line)
            answered += sum(_check(s, i) for i, char in enumerate(s) if "0" <= char <= "9")
    assert answered > 0


def test_the_date_parts_it_leaves_to_the_refusal() -> None:
    """_refused_arabic refuses only before a character arabic_draft leaves alone."""
    assert set(_date_part_ends()) <= set(DATE_PART_CHARS)


@pytest.mark.parametrize(
    ("text", "shortcut"),
    [("40.48亿元", True), ("2000万元", True), ("24.76万贫困", True), ("85%", True),
     ("3个", True), ("1,200人", True), ("12万亿元", True), ("7", True), ("12”", True),
     ("0.5万元", True), ("12万人以上", True), ("65%左右", True), ("3天多", True),
     ("5元以上", True), ("0万元", False), ("3个亿", False), ("5元5角", False),
     ("5元港币", False), ("12千米", False), ("3成", False), ("2020年", False), ("8月", False),
     ("5块", False), ("12万万", False), ("3*", False), ("1.提", False), ("12 万", False),
     ("5k", False), ("3年半", False), ("50多个", False), ("8-12个", False), ("3个—5个", False),
     ("5元(含)", False), ("3天半", False), ("5人 以上", False)],
)  # fmt: skip
def test_when_an_arabic_draft_is_taken_at_once(text: str, shortcut: bool) -> None:
    s = normalize(text)
    assert _check(s, 0) == shortcut


def test_a_vocabulary_reaches_the_shape() -> None:
    """A unit that begins with 万 (whose reading takes the 万 back from the numeral) keeps
    the shortcut from folding 万; a new unit is taken at once."""
    rows = [
        {"surface": "万亩", "unit": "万亩", "kind": "area", "scale": "1", "standalone": "yes"},
        {"surface": "垧", "unit": "垧", "kind": "area", "scale": "1", "standalone": "yes"},
    ]
    for row in rows:
        row |= {"base": "Mu", "base_factor": "1"}
    assert _check(normalize("12万亩"), 0)
    with Vocabulary.from_rows("units.csv", rows):
        assert not _check(normalize("12万亩"), 0)
        assert not _check(normalize("2.5万亩地"), 0)
        assert _check(normalize("300垧"), 0)
        assert [q.text for q in extract_quantities("新增12万亩、300垧")] == ["12万亩", "300垧"]
    with localcontext(EXACT):
        draft = arabic_draft(normalize("300垧"), 0)
    assert draft is not None
    assert draft.unit is None  # no unit: the number with nothing going on
