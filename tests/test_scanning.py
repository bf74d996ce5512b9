"""The fast scans give exactly what the plain scans they replace gave.

Candidates first: a compiled regex finds where a numeral or a region name may start,
and the Python readers run only there. Each test checks the fast path against the
slow one it stands for, on any text.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from povertytext import quantities, regions
from povertytext._substitute import Substitution
from povertytext.numerals import normalize

_NUMERAL_CHARS = (
    "一二两三四五六七八九零〇十百千万亿兆廿点负-xX*＊×半数數几个"
    "元年月日人到至为分之%多余 \n，,.0123456789abc公里亩户"
)
_REGION_GLUE = "市县区省和与、的在了。\n 东西南北中山"


@given(st.text(alphabet=_NUMERAL_CHARS, max_size=30))
@settings(max_examples=400, deadline=None)
def test_candidate_starts_are_the_finditer_starts(text: str) -> None:
    s = normalize(text)
    every = [match.start() for match in quantities._candidate_pattern().finditer(s)]
    assert list(quantities._candidate_starts(s)) == every


@given(st.text(alphabet=_NUMERAL_CHARS, max_size=30))
@settings(max_examples=400, deadline=None)
def test_only_lone_digits_are_left_out(text: str) -> None:
    s = normalize(text)
    every = list(quantities._candidate_starts(s))
    kept = set(quantities._candidate_starts(s, lone_digits=False))
    assert kept <= set(every)
    assert all(quantities._lone_chinese_digit(s, start) for start in set(every) - kept)


def _region_text() -> st.SearchStrategy[str]:
    names = sorted(regions._gazetteer().surfaces)[::7]
    pieces = st.sampled_from(names) | st.text(alphabet=_REGION_GLUE, max_size=3)
    return st.lists(pieces, max_size=8).map("".join)


def _every_position(norm: str) -> list[tuple[int, int]]:
    """The scan as it was: every position tried in turn."""
    scan = regions._Scan(norm, regions._gazetteer())
    position = 0
    while position < len(norm):
        if norm[position] in scan.g.lengths and scan.match_at(position):
            position = scan.found[-1].end
        else:
            position += 1
    return [(found.start, found.end) for found in scan.found]


@given(_region_text())
@settings(max_examples=300, deadline=None)
def test_region_scan_tries_every_name(text: str) -> None:
    scan = regions._Scan(text, regions._gazetteer())
    assert [(found.start, found.end) for found in scan.run()] == _every_position(text)


@given(st.text(alphabet="壹萬１，兩點亞來a b\n一", max_size=20))
def test_substitution_is_translate(text: str) -> None:
    table = {ord("壹"): "一", ord("萬"): "万", ord("１"): "1", ord("，"): ",", ord("兩"): "两"}
    assert Substitution(table)(text) == text.translate(table)
