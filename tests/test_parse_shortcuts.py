"""The shortcuts parse takes for speed find exactly what the full path finds.

Each shortcut (a bisect instead of a scan, a sentence skipped, a test not repeated) is
checked against the plain computation it replaces, on generated inputs: a shortcut that
skipped or added anything would fail here.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

import povertytext as pt
from povertytext import (
    bylines,
    characters,
    dates,
    indicators,
    layout,
    officials,
    page,
    pairs,
    quantities,
    regions,
)
from povertytext._data import read_table, words
from povertytext._text import HAN, longest_word_pattern
from povertytext.bylines import Line, _lines_holding, lines_of
from povertytext.characters import traditional_chars
from povertytext.layout import Spans, starting_in, within
from povertytext.models import DateMention, Region, Span
from povertytext.page import _outside_bodies
from povertytext.pair_body import Clause
from povertytext.pair_grammar import pair_grammar
from povertytext.pair_reader import PairReader
from povertytext.pair_sides import local_sides, with_deictics
from povertytext.positions import titles
from povertytext.regions import resolve_region, starts_with_region
from tests._shared import sample_texts
from tests.test_characters import to_traditional

T = TypeVar("T")

_OFFSET = st.integers(min_value=0, max_value=60)


def _mention(start: int, length: int) -> DateMention:
    return DateMention(text="年" * length, start=start, end=start + length)


_MENTIONS = st.lists(st.tuples(_OFFSET, st.integers(0, 8)), max_size=30).map(
    lambda pairs: [_mention(start, length) for start, length in sorted(pairs)]
)
_BODIES = st.lists(st.tuples(_OFFSET, st.integers(0, 30)), max_size=8).map(
    lambda pairs: [(start, start + length) for start, length in pairs]
)


@given(_MENTIONS, _BODIES)
def test_dates_outside_the_bodies_are_those_no_body_holds(
    mentions: list[DateMention], bodies: list[tuple[int, int]]
) -> None:
    """Bodies in any order, overlapping or nested, empty ones, mentions at their edges."""
    expected = [m for m in mentions if not any(lo <= m.start and m.end <= hi for lo, hi in bodies)]
    assert _outside_bodies(mentions, bodies) == expected


@given(_MENTIONS, _OFFSET, _OFFSET)
def test_range_queries_on_ordered_spans_are_those_of_a_scan(
    mentions: list[DateMention], lo: int, hi: int
) -> None:
    """The bisect of :class:`Spans` (page dates are ordered spans) gives what the scan does."""
    indexed = Spans(mentions)
    assert indexed.starts is not None
    assert within(indexed, lo, hi) == within(list(mentions), lo, hi)
    assert list(starting_in(indexed, lo, hi)) == starting_in(list(mentions), lo, hi)


# ---------------------------------------------------------------- nested readings

# 薴 simplifies to 苧, itself traditional (→ 苎): a text holding it is not free of
# traditional characters once simplified, so its nested readers must test again.
_TRICKY = "薴苧乾於著"


@cache
def _pages() -> tuple[str, ...]:
    """Real pages, as written and in traditional characters, and short ones with 薴."""
    written = [path.read_text(encoding="utf-8") for path in sample_texts()]
    tricky = [f"{_TRICKY}乳源县投入1.2亿元。2020年8月，市长走访苧县。", "薴" + written[0][:400]]
    return (*written, *(to_traditional(text) for text in written), *tricky)


_FRAGMENT = st.sampled_from(_pages()).flatmap(
    lambda page: st.tuples(st.integers(0, len(page)), st.integers(0, 300)).map(
        lambda cut: page[cut[0] : cut[0] + cut[1]]
    )
)
_MIXED = st.lists(st.one_of(_FRAGMENT, st.text(alphabet=_TRICKY, max_size=3)), max_size=4).map(
    "".join
)


# the modules that call read_simplified (tests/test_parse_shortcuts.py checks the list)
_READING_MODULES = (indicators, officials, pairs, page, quantities, regions)


def test_the_reading_modules_are_those_calling_read_simplified() -> None:
    calling = {
        path.stem
        for path in Path(characters.__file__).parent.glob("*.py")
        if "read_simplified(" in path.read_text(encoding="utf-8") and path.stem != "characters"
    }
    assert calling == {module.__name__.rsplit(".", 1)[1] for module in _READING_MODULES}


def _recording(read: Callable[..., T], texts: list[str]) -> Callable[..., T]:
    """``read``, recording the text of each call made inside a simplified reading."""

    def recorded(text: str, *args: Any, **kwargs: Any) -> T:
        if characters.within_simplified_reading():
            texts.append(text)
        return read(text, *args, **kwargs)

    return recorded


def _texts_read_without_a_test(monkeypatch: pytest.MonkeyPatch, text: str) -> list[str]:
    """The texts that nested readers take as simplified without testing them, while
    ``text`` is parsed: those of every nested read_simplified and date reading."""
    texts: list[str] = []
    for module in _READING_MODULES:
        wrapped = _recording(characters.read_simplified, texts)
        monkeypatch.setattr(module, "read_simplified", wrapped)
    monkeypatch.setattr(dates, "_reads", _recording(dates._reads, texts))
    pt.parse(text)
    return texts


def _never_skipping(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every reader tests its text again, as before the shortcut."""
    for module in (characters, dates):
        monkeypatch.setattr(module, "within_simplified_reading", lambda: False)


@pytest.mark.parametrize("index", range(len(_pages())))
def test_what_nested_readers_take_as_simplified_is_simplified(
    monkeypatch: pytest.MonkeyPatch, index: int
) -> None:
    text = _pages()[index]
    with monkeypatch.context() as patched:
        taken = _texts_read_without_a_test(patched, text)
    free = traditional_chars().isdisjoint(characters.simplify(text))
    assert bool(taken) == (free and bool(text.strip()))  # the shortcut is taken, or not
    assert all(traditional_chars().isdisjoint(piece) for piece in taken)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_MIXED)
def test_a_page_reads_the_same_with_every_reader_testing_again(text: str) -> None:
    expected = pt.parse(text).model_dump_json()
    with pytest.MonkeyPatch.context() as patched:
        _never_skipping(patched)
        assert pt.parse(text).model_dump_json() == expected
    with pytest.MonkeyPatch.context() as patched:
        taken = _texts_read_without_a_test(patched, text)
    assert all(traditional_chars().isdisjoint(piece) for piece in taken)


# ---------------------------------------------------------------- sentences without a mention

_PLACES = (
    "广东省",
    "广西",
    "佛山",
    "湛江、云浮两市",
    "东莞市",
    "镇雄县",
    "昭通市大关",
    "苏州市",
    "铜仁",
)
_DEICTICS = ("我州", "我市", "本县", "我省")


@cache
def _pair_words() -> tuple[str, ...]:
    """Every word of the pair grammar, the pair names, places and marks between them."""
    words = [row["word"] for row in read_table("pair_words.csv")]
    names = [row["name"] for row in read_table("pair_names.csv")]
    marks = [
        "。",
        "，",
        "、",
        "；",
        "\n",
        "的",
        "在",
        "由",
        "向",
        "对",
        "下",
        "给予",
        "9亿元",
        "4个县",
    ]
    return tuple(sorted({*words, *names, *marks, *_PLACES, *_DEICTICS}))


_GRAMMAR_TEXT = st.lists(st.sampled_from(_pair_words()), max_size=24).map("".join)
_HELPER = resolve_region("广东省")


def _reader(text: str, implied: Region | None) -> PairReader:
    """The pair reader of ``text`` as one body, as find_pairs builds it."""
    g = pair_grammar()
    return PairReader(
        text, with_deictics(g, text, local_sides(text, 0, len(text), None), implied), g
    )


def _read_every_form(reader: PairReader, implied: Region | None) -> list[Clause]:
    """:meth:`PairReader.read` with every form tried on every sentence (no shortcut)."""
    found: list[Clause] = []
    topic: tuple[Region, ...] = ()
    for s in reader.sentences():
        clauses = reader.sentence_clauses(s, implied, topic)
        found += [replace(c, sentence=s.start) for c in clauses]
        written = [m.region for c in clauses for m in c.helpers if m.region is not None]
        if written:
            topic = (written[-1],)
        if reader.norm[s.end - 1 : s.end] == "\n":
            topic = ()
    return found


def _mentionless_sentences_state_only_pair_names(text: str) -> int:
    """Check every form on every sentence of ``text`` without a mention, whatever helper
    the caller or the sentence before gives; return how many such sentences there were."""
    checked = 0
    for implied in (None, _HELPER):
        reader = _reader(text, implied)
        for s in reader.sentences():
            if s.first != s.last:
                continue
            for topic in ((), (_HELPER,)):
                assert reader.sentence_clauses(s, implied, topic) == reader.named_pairs(s, ())
            checked += 1
        assert reader.read(implied) == _read_every_form(_reader(text, implied), implied)
    return checked


@settings(max_examples=300, deadline=None)
@given(_GRAMMAR_TEXT)
def test_a_sentence_without_a_mention_states_only_its_pair_names(text: str) -> None:
    _mentionless_sentences_state_only_pair_names(text)


@pytest.mark.parametrize("index", range(len(_pages())))
def test_real_sentences_without_a_mention_state_only_their_pair_names(index: int) -> None:
    text = characters.simplify(_pages()[index])
    assert _mentionless_sentences_state_only_pair_names(text) > 0 or not text.strip()


@pytest.mark.parametrize(
    ("text", "helped"),
    [
        pytest.param(
            "广东省帮扶百色市。对口帮扶河池市。", ["百色市", "河池市"], id="topic-carried"
        ),
        pytest.param("广东省帮扶百色市。\n对口帮扶河池市。", ["百色市"], id="line-break-alone"),
        pytest.param(
            "广东省帮扶百色市。\n今天下雨。\n对口帮扶河池市。", ["百色市"], id="unread-line"
        ),
        pytest.param(
            "广东省帮扶百色市。今天下雨。对口帮扶河池市。", ["百色市", "河池市"], id="unread"
        ),
    ],
)
def test_a_line_break_in_a_sentence_not_read_ends_the_topic(text: str, helped: list[str]) -> None:
    """The helper of the sentence before is carried to a clause without one in the same
    paragraph only: sentences that are not read still end it with their line break."""
    assert [p.helped.name for p in pt.extract_pairs(text)] == helped
    _mentionless_sentences_state_only_pair_names(text)  # read() is every form's reading


def test_a_pair_name_is_read_in_a_sentence_without_a_mention() -> None:
    reader = _reader("粤桂协作成效明显。", None)
    assert [s.first == s.last for s in reader.sentences()] == [True]
    assert [(c.helper_region, c.helped_region) for c in reader.read(None)] == [
        (resolve_region("广东省"), resolve_region("广西壮族自治区"))
    ]


# ---------------------------------------------------------------- restoring the caller's characters


def _restored_plainly(value: Any, original: str) -> Any:
    """:func:`characters.restore` as a plain walk: every object as often as it stands."""
    if isinstance(value, (list, tuple)):
        new = [_restored_plainly(item, original) for item in value]
        return type(value)(new) if isinstance(value, tuple) else new
    if not isinstance(value, BaseModel):
        return value
    updates = {name: _restored_plainly(field, original) for name, field in value}
    if isinstance(value, Span):
        updates["text"] = original[value.start : value.end]
    for name, start, end in characters._SLICES:
        bounds = (getattr(value, start, None), getattr(value, end, None))
        if getattr(value, name, None) is not None and None not in bounds:
            updates[name] = original[bounds[0] : bounds[1]]
    return type(value).model_validate({**dict(value), **updates})


@pytest.mark.parametrize("index", range(len(_pages())))
def test_a_page_is_restored_as_a_plain_walk_restores_it(index: int) -> None:
    """Parts shared by a page (its quantities are its documents' and its indicators') are
    restored once: the page is the one restoring each part where it stands gives."""
    original = _pages()[index]
    simplified = pt.parse(characters.simplify(original))
    restored = characters.restore(simplified, original)
    assert restored.model_dump_json() == _restored_plainly(simplified, original).model_dump_json()


def test_the_traditional_values_are_what_simplified_text_can_hold() -> None:
    survivors = {characters.simplify(ch) for ch in traditional_chars()} & traditional_chars()
    assert survivors == set(characters._traditional_values())


# ---------------------------------------------------------------- lines holding a character


@given(st.text(alphabet="作者a\r\n ", max_size=40))
def test_the_lines_holding_a_character_are_those_of_every_line_that_hold_it(text: str) -> None:
    expected = [line for line in lines_of(text) if "作" in line.text]
    assert list(_lines_holding(text, "作")) == expected


@given(st.integers(0, 50), st.text(alphabet="作 \t\u3000\xa0□■·a", max_size=12))
def test_what_a_line_computes_when_made_is_what_its_text_gives(start: int, text: str) -> None:
    """The fields a line computes once are the definitions they replace (cached properties)."""
    line = Line(start, start + len(text), text)
    glyphs = "□■◆●▲△○◇·•\u3000\xa0 \t"
    assert line.stripped == text.strip(glyphs)
    assert line.blank == (not text.strip(glyphs))
    assert line.content_start == start + len(text) - len(text.lstrip(glyphs))
    assert line.content_end == start + len(text.rstrip(glyphs))
    assert line == Line(start, start + len(text), text)
    assert hash(line) == hash((start, start + len(text), text))  # the fields', as before


# ---------------------------------------------------------------- a region at the start


def _opens_with_a_mention(text: str) -> bool:
    return any(m.start == 0 for m in pt.extract_regions(text))


_REGION_TEXT = st.lists(
    st.sampled_from(
        (*_PLACES, "市", "县", "区", "省", "委", "书记", "大关", "盐津", "、", "和", "的")
    ),
    max_size=5,
).map("".join)


@given(_REGION_TEXT)
def test_a_region_starts_a_text_when_a_mention_starts_at_its_start(text: str) -> None:
    assert starts_with_region(text) == _opens_with_a_mention(text)


@pytest.mark.parametrize("index", range(len(_pages())))
def test_a_region_starts_every_window_of_a_page_that_a_mention_starts(index: int) -> None:
    """Every ten characters of real pages (as written and traditional), as opens_post asks."""
    page = _pages()[index][:6000]
    windows = [page[i : i + 10] for i in range(len(page))]
    assert [starts_with_region(w) for w in windows] == [_opens_with_a_mention(w) for w in windows]
    assert any(starts_with_region(w) for w in windows) or not page.strip()


# ---------------------------------------------------------------- where a date can start


def _plain_trigger() -> re.Pattern[str]:
    """The trigger as one alternation of the triggers, tried at every place."""
    words = read_table("date_words.csv")
    relative = [
        w
        for role in (*dates._RELATIVE_ROLES, "context_year")
        for w, _ in dates._words_of(words, role)
    ]
    separators = dates._tables().separators
    return re.compile(
        "|".join([dates._digit_trigger(separators), *dates._TRIGGERS, dates._alternation(relative)])
    )


_DATE_TEXT = st.lists(
    st.sampled_from(
        (
            "2020",
            "年",
            "月",
            "日",
            "8",
            "1",
            ".",
            "-",
            "—",
            "至",
            "今年",
            "去年",
            "上半年",
            "本月",
            "二〇二〇",
            "十",
            "一",
            "第",
            "xx",
            "××",
            "_",
            "民国",
            "108",
            "、",
            " ",
            "\n",
            "A",
            "号",
        )
    ),
    max_size=12,
).map("".join)


def _trigger_places(pattern: re.Pattern[str], text: str) -> list[int]:
    return [i for i in range(len(text) + 1) if pattern.match(text, i)]


@given(_DATE_TEXT)
def test_the_trigger_matches_where_one_of_its_triggers_does(text: str) -> None:
    assert _trigger_places(dates._tables().trigger, text) == _trigger_places(_plain_trigger(), text)


@pytest.mark.parametrize("index", range(len(_pages())))
def test_the_trigger_matches_in_real_pages_where_one_of_its_triggers_does(index: int) -> None:
    text = dates._normalize(_pages()[index])
    places = _trigger_places(dates._tables().trigger, text)
    assert places == _trigger_places(_plain_trigger(), text)
    assert places or not text.strip()


def test_every_trigger_starts_with_one_of_the_listed_characters() -> None:
    """Every character of the Basic Multilingual Plane, before what each trigger looks for."""
    tails = ("", "0000年", "年", "___年", "国108年", "年月日", "0-")
    digits = dates._digit_trigger(dates._tables().separators)
    triggers = [re.compile(t) for t in (digits, *dates._TRIGGERS)]
    starting = {
        chr(code)
        for code in range(0x10000)
        if not 0xD800 <= code < 0xE000
        for trigger in triggers
        for tail in tails
        if trigger.match(chr(code) + tail)
    }
    assert starting
    assert starting <= set(dates._TRIGGER_FIRSTS)


# ---------------------------------------------------------------- the longest word at a place


def _plain_alternation(words: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [match.span() for match in pattern.finditer(text)]


@given(
    st.lists(st.text(alphabet="主任副局长.*", max_size=4), max_size=8),
    st.text(alphabet="主任副局长.*的", max_size=30),
)
def test_the_longest_word_pattern_matches_what_the_alternation_does(
    words: list[str], text: str
) -> None:
    """Words that are prefixes of one another, repeated, empty, with regex characters."""
    trie = re.compile(longest_word_pattern(words))
    assert _spans(trie, text) == _spans(_plain_alternation(words), text)


@pytest.mark.parametrize("index", range(len(_pages())))
def test_the_title_pattern_finds_in_real_pages_what_the_alternation_does(index: int) -> None:
    text = characters.simplify(_pages()[index])
    found = _spans(officials._title_pattern(), text)
    assert found == _spans(_plain_alternation(list(titles())), text)


# ---------------------------------------------------------------- writer's credits


def _plain_writer() -> re.Pattern[str]:
    """The writer's credit with its lookbehind at the pattern's start."""
    return re.compile(f"(?<![{HAN}]){bylines._writer().pattern}")


def _credits(matches: Iterable[re.Match[str]]) -> list[tuple[int, int, str, str]]:
    return [(m.start(), m.end(), m["role"], m["name"]) for m in matches]


_WRITER_TEXT = st.lists(
    st.sampled_from(["文", "撰文", "作者", "文图", "图文", "图", "/", "｜", " ", "李明", "王"]),
    max_size=14,
).map("".join)


@example("王文/文图/李明")  # a credit starting inside a rejected one
@given(_WRITER_TEXT)
def test_the_writers_credits_are_those_of_the_pattern_with_its_lookbehind(text: str) -> None:
    """Roles inside a credit, after a Chinese character, after a rejected one, at the start."""
    assert _credits(bylines._writers(text)) == _credits(_plain_writer().finditer(text))


@pytest.mark.parametrize("index", range(len(_pages())))
def test_the_writers_credits_in_real_pages_are_those_of_the_plain_pattern(index: int) -> None:
    text = _pages()[index]
    assert _credits(bylines._writers(text)) == _credits(_plain_writer().finditer(text))


# ---------------------------------------------------------------- section marks


def _plain_section_mark(line: Line) -> bool:
    """The line with all its glue removed is a section mark."""
    return layout._CHROME_GLUE.sub("", line.stripped) in words("page_words.csv", "section_mark")


_SECTION_TEXT = st.lists(
    st.sampled_from(
        ["相关", "阅读", "新闻推荐", "推荐", "读", "【", "】", " ", "\u3000", "-", "》", "a"]
    ),
    max_size=10,
).map("".join)


@example("相关阅读】")  # a mark's length, then glue
@example("相关阅读者")  # one character more than a mark, no glue
@given(_SECTION_TEXT)
def test_a_line_is_a_section_mark_as_the_line_without_its_glue_tells(text: str) -> None:
    line = Line(0, len(text), text)
    assert layout._is_section_mark(line) == _plain_section_mark(line)


@pytest.mark.parametrize("index", range(len(_pages())))
def test_the_section_marks_of_real_pages_are_those_the_plain_check_finds(index: int) -> None:
    for line in lines_of(_pages()[index]):
        assert layout._is_section_mark(line) == _plain_section_mark(line)


def _dict_reader_rows(name: str) -> tuple[dict[str, Any], ...]:
    from povertytext._data import read_text

    lines = [line for line in read_text(name).splitlines() if line and not line.startswith("#")]
    return tuple(dict(row) for row in csv.DictReader(lines))


def test_every_shipped_table_is_read_as_dict_reader_reads_it() -> None:
    from povertytext import _data

    names = sorted(path.name for path in (Path(_data.__file__).parent / "data").glob("*.csv"))
    assert len(names) > 10
    for name in names:
        assert _data.read_shipped(name) == _dict_reader_rows(name), name


def test_a_table_with_a_row_short_or_long_is_read_as_dict_reader_reads_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from povertytext import _data

    ragged = "# a comment\na,b\n1,2\n3\n4,5,6\n"
    monkeypatch.setattr(_data, "read_text", lambda name: ragged)
    _data.read_shipped.cache_clear()
    try:
        rows = _data.read_shipped("ragged.csv")
    finally:
        _data.read_shipped.cache_clear()
    assert rows == ({"a": "1", "b": "2"}, {"a": "3", "b": None}, {"a": "4", "b": "5", None: ["6"]})
