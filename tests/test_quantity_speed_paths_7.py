"""The seventh round's shortcuts of the per-line path give exactly what the computations
they replace give: the scan read by :func:`~povertytext.characters.read_simplified` with
``nests=False`` (no closure, no context variable, no test for nested readers), and the
search for web addresses started only where one may stand. Each former computation is
kept here as it was.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from povertytext import quantities
from povertytext.characters import read_simplified, simplify
from povertytext.models import Quantity

from .test_quantity_speed_paths import _ALPHABET, _exactly, _texts

_TEXTS = Path(__file__).parent / "data" / "texts"
_CORPUS = Path(__file__).parents[2] / "shared" / "corpus"

# traditional and full-width forms, and the characters of web addresses
_MORE = "萬億壹貳參１２３，。薴苧苎於後資金額w/:.htps"


def _lines() -> list[str]:
    """Every line of the test texts and of the corpus (when it is there), and each one
    in traditional characters too."""
    paths = sorted(_TEXTS.glob("*.txt")) + sorted(_CORPUS.glob("*.txt"))
    lines = [line for path in paths for line in path.read_text("utf-8").splitlines()]
    table = {ord(s): t for t, s in (("萬", "万"), ("億", "亿"), ("資", "资"), ("於", "于"))}
    return lines + [line.translate(table) for line in lines]


_LINES = _lines()


def _texts_more() -> st.SearchStrategy[str]:
    return _texts() | st.text(alphabet=_ALPHABET + _MORE, max_size=40)


# ---------------------------------------------------------------- former computations


def _former_quantities(text: str) -> list[Quantity]:
    """extract_quantities as it read before read_simplified was told the scan nests no reader."""
    if quantities._written_starts().search(text) is None:
        return []
    return read_simplified(text, lambda work: quantities._scan(work, numbers=False))


def _former_numbers(text: str) -> list[Quantity]:
    if quantities._written_starts().search(text) is None:
        return []
    return read_simplified(text, lambda work: quantities._scan(work, numbers=True))


# ---------------------------------------------------------------- the scan


def test_the_lines_give_what_read_simplified_gave() -> None:
    assert len(_LINES) > 100
    for line in _LINES:
        assert _exactly(quantities.extract_quantities(line)) == _exactly(_former_quantities(line))
        assert _exactly(quantities.extract_numbers(line)) == _exactly(_former_numbers(line))


@given(_texts_more())
@settings(max_examples=2000, deadline=None)
def test_texts_give_what_read_simplified_gave(text: str) -> None:
    assert _exactly(quantities.extract_quantities(text)) == _exactly(_former_quantities(text))
    assert _exactly(quantities.extract_numbers(text)) == _exactly(_former_numbers(text))


def test_traditional_characters_come_back() -> None:
    text = "投入資金5億元，薴苧1萬株"
    found = quantities.extract_quantities(text)
    assert [q.text for q in found] == [q.text for q in _former_quantities(text)]
    assert found[0].text == "5億元"
    assert simplify(text) != text


# ---------------------------------------------------------------- web addresses


@given(st.text(alphabet=_MORE + "0123456789一二", max_size=30))
@settings(max_examples=3000, deadline=None)
def test_a_web_address_is_searched_wherever_one_may_stand(text: str) -> None:
    if quantities._URL.search(text) is not None:
        assert quantities._may_hold_url(text)


def test_the_lines_search_web_addresses_where_they_stand() -> None:
    samples = ["见http://www.cpad.gov.cn/1.html", "www.gov.cn2020", "https://a.b/12", "ftp://x"]
    for line in _LINES + samples:
        if quantities._URL.search(line) is not None:
            assert quantities._may_hold_url(line)
