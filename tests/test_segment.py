"""The segmenter gives jieba's own cuts, tags and frequencies without importing jieba."""

from __future__ import annotations

import random
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from povertytext import names
from povertytext._data import read_text
from povertytext._segment import Lexicon, Segmenter, jieba_dir
from povertytext.positions import organization_words, titles

from ._shared import SHARED, generated_on, load_script

EDGE_CASES = [
    "",
    " ",
    "\r\n",
    "abc def",
    "3.5亿元",
    "AT&T和c#",
    "GDP增长6.5%",
    "副市长张小平、程鳌参加",
    "国务院扶贫办主任刘永富到会",
    "习近平总书记指出，\t扶贫先扶志。",
    "１２３全角ＡＢＣ",
    "艾尔肯·吐尼亚孜",
    "市长孟凡利率团考察",
    "扎西彭措和县委常委",
]


@pytest.fixture(scope="module")
def jieba_tokenizer() -> Any:
    """jieba's own private POS tokenizer, given the same words as the library's."""
    jieba = pytest.importorskip("jieba")
    posseg = pytest.importorskip("jieba.posseg")
    jieba.setLogLevel(40)
    tokenizer = posseg.POSTokenizer(jieba.Tokenizer())
    tokenizer.tokenizer.initialize()
    for title in titles():
        if len(title) > 1:
            tokenizer.add_word(title, tag="n")
    for word, kind in organization_words().items():
        if len(word) > 1 and kind in ("national", "body", "department"):
            tokenizer.add_word(word, tag="nt")
    return tokenizer


@pytest.fixture(scope="module")
def segmenter() -> Segmenter:
    return names._load_tokenizer()


def _texts() -> list[str]:
    texts = [read_text("example.txt")]
    corpus = SHARED / "corpus"
    if corpus.is_dir():
        texts += [path.read_text(encoding="utf-8") for path in sorted(corpus.glob("*.txt"))]
    return texts


def _windows(count: int) -> Iterator[str]:
    """Short windows of the texts, of 1-24 characters, as the library cuts them."""
    chooser = random.Random(13)
    texts = _texts()
    for _ in range(count):
        text = chooser.choice(texts)
        start = chooser.randrange(len(text))
        yield text[start : start + chooser.randint(1, 24)]


def test_frequencies_and_tags_are_jiebas(jieba_tokenizer: Any, segmenter: Segmenter) -> None:
    """Every entry of jieba's prefix dictionary (words, prefixes, added words) and every tag."""
    freq = jieba_tokenizer.tokenizer.FREQ
    assert segmenter.total == jieba_tokenizer.tokenizer.total
    assert [k for k, v in freq.items() if segmenter.freq(k) != v] == []
    jieba_tokenizer.makesure_userdict_loaded()
    tags = jieba_tokenizer.word_tag_tab
    assert [w for w, tag in tags.items() if segmenter.tag(w) != tag] == []
    absent = ["扶贫办主任刘", "zzzz", "刘永富", "。"]
    assert [segmenter.freq(w) for w in absent] == [freq.get(w) for w in absent]


def test_cuts_are_jiebas(jieba_tokenizer: Any, segmenter: Segmenter) -> None:
    """Edge cases, whole sentences and 20,000 random windows of the texts cut alike."""
    sentences = [s for text in _texts() for s in text.split("。")]
    for window in [*EDGE_CASES, *sentences, *_windows(20_000)]:
        expected = [(pair.word, pair.flag) for pair in jieba_tokenizer.cut(window)]
        assert segmenter.cut(window) == expected, window


def test_a_word_listed_twice_keeps_its_last_line(segmenter: Segmenter) -> None:
    lines = (jieba_dir() / "dict.txt").read_text(encoding="utf-8").splitlines()
    seen: dict[str, str] = {}
    twice = {}
    for line in lines:
        word = line.split(" ")[0]
        if word in seen:
            twice[word] = line
        seen[word] = line
    for word, line in twice.items():
        _, freq, tag = line.split(" ")
        assert (segmenter.freq(word), segmenter.tag(word)) == (int(freq), tag)


def test_cutting_imports_no_jieba() -> None:
    code = (
        "import sys; from povertytext import names;"
        "print(('刘永富', 'nr') in names.cut('国务院扶贫办主任刘永富到会'), 'jieba' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "False"]


def test_the_csv_is_what_the_script_builds() -> None:
    pytest.importorskip("jieba")
    script = load_script("build_jieba_dict")
    built = script.build(generated_on("jieba_dict.csv", "build_jieba_dict"))
    assert built == read_text("jieba_dict.csv")


def test_an_unknown_dictionary_is_summed(tmp_path: Path) -> None:
    path = tmp_path / "dict.txt"
    path.write_text("扶贫 30 v\n扶贫办 20 nt\n扶 5 v\n扶贫 7 vn\n", encoding="utf-8")
    lexicon = Lexicon(path)
    assert lexicon.total == 62
    assert (lexicon.entry("扶贫"), lexicon.entry("扶贫办"), lexicon.entry("贫")) == (
        (7, "vn"),
        (20, "nt"),
        None,
    )
    assert (lexicon.has_prefix("扶贫"), lexicon.has_prefix("贫")) == (True, False)
