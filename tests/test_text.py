"""The shared character classes of ``_text``."""

from __future__ import annotations

import re

from povertytext import _text
from povertytext._text import HAN, chinese_digits, is_han


def test_is_han_agrees_with_the_class() -> None:
    pattern = re.compile(f"[{HAN}]")
    for ch in "\u33ff\u3400\u4dbf\u4dc0\u4dff\u4e00\u9fff\ua000中㐀䷀a，":
        assert is_han(ch) == (pattern.fullmatch(ch) is not None), hex(ord(ch))


def test_chinese_digits_come_from_the_table() -> None:
    assert chinese_digits() == "零一二三四五六七八九"


def test_each_break_class_holds_its_narrower_ones() -> None:
    assert set(_text.SENTENCE_ENDS_FULL_WIDTH) < set(_text.SENTENCE_ENDS)
    assert set(_text.SENTENCE_ENDS) < set(_text.SENTENCE_ENDS_OR_SEMICOLON)
    assert set(_text.SENTENCE_ENDS_OR_SEMICOLON) < set(_text.SENTENCE_BREAKS)
    assert set(_text.LINE_OR_SENTENCE_ENDS) < set(_text.SENTENCE_BREAKS)
    assert set(_text.SENTENCE_BREAKS) < set(_text.CLAUSE_BREAKS)
    assert set(_text.CLAUSE_ENDS) < set(_text.CLAUSE_BREAKS)
    for chars in (_text.CLAUSE_BREAKS, _text.LEVELS + _text.LEVELS_BELOW_COUNTY):
        assert not set(chars) & set("]\\^-")
        assert len(set(chars)) == len(chars)
