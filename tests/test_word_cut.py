"""jieba's part-of-speech cut without jieba: the same words and tags as jieba's own.

:class:`povertytext.word_cut.WordCutter` stands for ``jieba.posseg.POSTokenizer`` in
the name check; these tests cut the same texts with both, given the same entries and
the same added words, and check when jieba is imported and what the cache files keep.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import jieba
import jieba.posseg
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from povertytext import jieba_dictionary, names
from povertytext.jieba_dictionary import hidden_markov_model, load_cutter
from povertytext.word_cut import HiddenMarkovModel, WordCutter

from ._shared import SHARED, run_fresh

jieba.setLogLevel(60)

# words of the kinds the name check adds, some of them prefixes of one another
_WORDS = [
    ("东西部扶贫协作办", "nt"),
    ("驻村第一书记", "n"),
    ("协作办", "nt"),
    ("扶贫", "nt"),
    ("乡村振兴局", "nt"),
]


def _jiebas(words: list[tuple[str, str]]) -> Any:
    """jieba's own POS tokenizer of its default dictionary, with ``words`` added by jieba."""
    tokenizer = jieba.posseg.POSTokenizer(jieba.Tokenizer())
    tokenizer.tokenizer.initialize()
    for word, tag in words:
        tokenizer.add_word(word, tag=tag)
    return tokenizer


@pytest.fixture(scope="module")
def both() -> tuple[Any, WordCutter]:
    """jieba's own tokenizer and the name check's cutter, with the library's words."""
    words = names._added_words()
    load_cutter(words)  # writes the cache files when this run has none
    cutter = load_cutter(words)
    assert isinstance(cutter, WordCutter)
    return _jiebas(words), cutter


def _cut(tokenizer: Any, text: str) -> list[tuple[str, str]]:
    return [(pair.word, pair.flag) for pair in tokenizer.cut(text)]


def _lines(folder: Path) -> list[str]:
    return [
        line
        for path in sorted(folder.glob("*.txt"))
        for line in path.read_text("utf-8").splitlines()
        if line.strip()
    ]


@pytest.mark.needs_shared("corpus")
def test_the_corpus_is_cut_as_jieba_cuts_it(both: tuple[Any, WordCutter]) -> None:
    own, cutter = both
    lines = _lines(SHARED / "corpus")
    assert len(lines) > 100
    for line in lines:
        assert cutter.cut(line) == _cut(own, line), line


@pytest.mark.needs_shared("devset")
def test_the_dev_set_is_cut_as_jieba_cuts_it(both: tuple[Any, WordCutter]) -> None:
    own, cutter = both
    texts = [
        json.loads(line)["text"]
        for name in ("pairs", "officials", "quantities")
        for line in (SHARED / "devset" / f"{name}.jsonl").read_text("utf-8").splitlines()
    ]
    assert len(texts) > 500
    for text in texts:
        assert cutter.cut(text) == _cut(own, text), text


# characters of every kind the cut tells apart: common and rare Han (some the model has
# no states for), Latin letters and digits, the other word characters, spaces (CR LF is
# one word), punctuation, full-width forms and characters beyond the BMP
_ALPHABET = [
    *"习近平总书记刘永富主任国务院扶贫办东西部协作县王大华江流域驻村第一书记乡村振兴局",
    *"的了是在和与及等年月日万亿元名户人口镇乡村组一二三两十百千",
    *"龘齉爨㐀䶵鿕鿖",
    *"aZx9.0+#&_ \t\n\r，、。；：“”（）《》—…·０１ＡＢ①\u3000😀",
    "\r\n",
]

_WINDOW = st.lists(st.sampled_from(_ALPHABET), max_size=24).map("".join)


@settings(max_examples=600, deadline=None)
@given(_WINDOW)
def test_any_window_is_cut_as_jieba_cuts_it(both: tuple[Any, WordCutter], window: str) -> None:
    own, cutter = both
    assert cutter.cut(window) == _cut(own, window)


def test_long_random_runs_are_cut_as_jieba_cuts_them(both: tuple[Any, WordCutter]) -> None:
    own, cutter = both
    rng = random.Random(13)
    for _ in range(200):
        window = "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(20, 120)))
        assert cutter.cut(window) == _cut(own, window), window


def test_frequencies_are_jiebas(both: tuple[Any, WordCutter]) -> None:
    own, cutter = both
    for word in ("扶贫", "东西部扶贫协作办", "东西部扶贫协作", "驻村第一书记", "龘", "不是一个词"):
        assert cutter.frequency(word) == int(own.tokenizer.FREQ.get(word) or 0), word


def test_the_model_is_jiebas() -> None:
    model = hidden_markov_model()
    assert model.states_of == jieba.posseg.char_state_tab_P
    assert model.start == jieba.posseg.start_P
    assert model.trans == jieba.posseg.trans_P
    assert model.emit == jieba.posseg.emit_P


def test_a_model_decodes_as_jiebas_viterbi() -> None:
    from jieba.posseg.viterbi import viterbi

    model = hidden_markov_model()
    tables = (model.states_of, model.start, model.trans, model.emit)
    rng = random.Random(7)
    han = [char for char in _ALPHABET if "\u4e00" <= char <= "\u9fd5"]
    for _ in range(300):
        run = "".join(rng.choice(han) for _ in range(rng.randint(1, 12)))
        assert model.decode(run) == viterbi(run, *tables)[1], run


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache folder of this test alone, with nothing read from it yet."""
    monkeypatch.setenv("POVERTYTEXT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(jieba_dictionary, "_STORES", {})
    monkeypatch.setattr(jieba_dictionary, "_MODELS", {})
    return tmp_path


def test_one_process_writes_every_file_the_next_reads(folder: Path) -> None:
    first = load_cutter(_WORDS)
    assert not isinstance(first, WordCutter)  # jieba's own, and the files written
    kinds = sorted(path.name.split("-")[1] for path in folder.iterdir())
    assert kinds == ["dictionary", "model", "words"]
    again = load_cutter(_WORDS)
    assert isinstance(again, WordCutter)
    assert again.cut("驻村第一书记王大华") == first.cut("驻村第一书记王大华")


def test_a_damaged_model_file_is_written_again(folder: Path) -> None:
    load_cutter(_WORDS)
    (path,) = folder.glob("jieba-model-*.marshal")
    content = path.read_bytes()
    middle = len(content) // 2
    path.write_bytes(content[:middle] + bytes([content[middle] ^ 1]) + content[middle + 1 :])
    assert jieba_dictionary._read_model(path) is None
    model = hidden_markov_model()  # from jieba, and written whole again
    assert model.emit == jieba.posseg.emit_P
    assert isinstance(jieba_dictionary._read_model(path), HiddenMarkovModel)


def test_no_file_without_the_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POVERTYTEXT_CACHE_DIR", "")
    cutter = load_cutter(_WORDS)
    assert not isinstance(cutter, WordCutter)
    assert cutter.cut("东西部扶贫协作办主任") == [("东西部扶贫协作办", "nt"), ("主任", "b")]


def test_files_are_named_for_jiebas_files(
    folder: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    installed = (jieba_dictionary.cache_path(), jieba_dictionary._model_path())
    other = tmp_path_factory.mktemp("jieba")
    for name in jieba_dictionary._JIEBA_FILES:
        (other / name).parent.mkdir(parents=True, exist_ok=True)
        (other / name).write_text("x")
    monkeypatch.setattr(jieba_dictionary, "_jieba_folder", lambda: other)
    named = (jieba_dictionary.cache_path(), jieba_dictionary._model_path())
    assert named[0] != installed[0]
    assert named[1] != installed[1]
    (other / "posseg" / "prob_emit.py").write_text("a changed table")
    assert jieba_dictionary._model_path() != named[1]


def test_jiebas_dictionary_name_is_the_one_listed() -> None:
    assert jieba.DEFAULT_DICT_NAME in jieba_dictionary._JIEBA_FILES
    assert jieba_dictionary._jieba_folder() == Path(jieba.__file__).parent


_FRESH_NAMES = """
import json, sys
import povertytext as pt
page = pt.parse(sys.stdin.read(), source="page")
officials = [o.name for d in page.documents for o in d.officials]
print(json.dumps(["jieba" in sys.modules, officials], ensure_ascii=False))
"""

_PAGE = "得到国务院扶贫办刘永富主任批示。副县长王大华主持会议，县委书记陈增光出席。\n"


def test_a_process_with_the_files_cuts_without_jieba(tmp_path: Path) -> None:
    env = {"POVERTYTEXT_CACHE_DIR": str(tmp_path)}
    first = json.loads(run_fresh(_FRESH_NAMES, _PAGE, env=env))
    again = json.loads(run_fresh(_FRESH_NAMES, _PAGE, env=env))
    assert first == [True, again[1]]
    assert again[0] is False
    assert "刘永富" in again[1]
