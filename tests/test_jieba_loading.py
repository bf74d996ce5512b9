"""When jieba is loaded (issue 13 item 4): only where its cut can change an answer.

Counted, never timed: calls to the private tokenizer, and ``jieba`` in ``sys.modules`` of a
fresh process after a parse.
"""

from __future__ import annotations

import json
import random

import pytest

import povertytext as pt
from povertytext import blocks, names
from povertytext.indicator_window import build_window
from povertytext.jieba_dictionary import pos_tokenizer

from ._shared import run_fresh

# a page whose names and subjects the tables decide: a title with no name after it, a name
# that a follower word ends (李明|主持), and counts of table heads (乡镇, 村)
_CLEAR_PAGE = (
    "全县扶贫工作会议召开\n\n会议指出，全县共有3个乡镇、12个村。\n"
    "县扶贫办主任出席会议并讲话，副县长李明主持会议。\n"
)

_FRESH_PARSE = """
import json, sys
import povertytext as pt
page = pt.parse(sys.stdin.read())
officials = [o.name for d in page.documents for o in d.officials]
subjects = [i.subject for d in page.documents for i in d.indicators]
print(json.dumps(["jieba" in sys.modules, officials, subjects], ensure_ascii=False))
"""


def test_clear_page_does_not_load_jieba() -> None:
    loaded, officials, subjects = json.loads(run_fresh(_FRESH_PARSE, _CLEAR_PAGE))
    assert not loaded
    assert officials == ["李明"]
    assert subjects == ["乡镇", "村"]


class _NoTokenizer:
    """Stands for the tokenizer: counts the calls that would load it."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> object:
        self.calls += 1
        raise AssertionError("jieba asked")


def test_clear_page_never_asks_the_tokenizer(monkeypatch: pytest.MonkeyPatch) -> None:
    counter = _NoTokenizer()
    monkeypatch.setattr(names, "_tokenizer", counter)
    page = pt.parse(_CLEAR_PAGE)
    assert counter.calls == 0
    assert [o.name for d in page.documents for o in d.officials] == ["李明"]


def test_window_cuts_on_first_lookup_only(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = names.cut

    def counted(window: str) -> list[tuple[str, str]]:
        calls.append(window)
        return real(window)

    monkeypatch.setattr("povertytext.indicator_window.cut", counted)
    text = "改造农村危房3000户"
    w = build_window(text, 0, len(text), [], [], [], [])
    tokens = w.cut(0, 6)
    assert calls == []
    assert tokens.by_end[6].tag == tokens.by_start[tokens.by_end[6].start].tag
    assert w.cut(0, 6).by_start is tokens.by_start
    assert calls == ["改造农村危房"]


_NON_WORD = list(
    "，。、；：！？“”‘’（）《》【】—…·\r\n\t ,;:!?()[]<>/\\%@$~`'\"-=*^|{}０１ＡａⅠ①㈠\u3000㐀"
)


def test_windows_without_word_characters_cut_as_jieba_cuts_them() -> None:
    tokenizer = pos_tokenizer()
    rng = random.Random(13)
    for _ in range(500):
        window = "".join(rng.choice(_NON_WORD) for _ in range(rng.randint(1, 8)))
        expected = [(pair.word, pair.flag) for pair in tokenizer.cut(window)]
        assert names.cut(window) == expected, window


def test_after_verb_asks_jieba_only_when_a_post_could_follow(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    counter = _NoTokenizer()
    monkeypatch.setattr(names, "_tokenizer", counter)
    text = "大家，热烈讨论主任"
    # no first word of the run 大家 leaves a post (or the bare title) after it
    assert blocks._after_verb(text, 0, text.index("主任")) == 0
    assert counter.calls == 0
    with pytest.raises(AssertionError):  # 热烈讨论 as one word would reach the title
        blocks._after_verb(text, 3, text.index("主任"))
    assert counter.calls == 1


_FRESH_TABLE = """
import jieba, jieba.posseg
from povertytext.jieba_dictionary import pos_tokenizer
copied = pos_tokenizer().word_tag_tab
read = jieba.posseg.POSTokenizer(jieba.Tokenizer()).word_tag_tab
print(copied == read and copied is not jieba.posseg.dt.word_tag_tab and len(copied) > 300000)
"""


def test_tag_table_copied_on_first_import_equals_the_one_read() -> None:
    # with the cache off, the tags are jieba's: copied from jieba.posseg's global table
    assert run_fresh(_FRESH_TABLE, env={"POVERTYTEXT_CACHE_DIR": ""}).strip() == "True"
