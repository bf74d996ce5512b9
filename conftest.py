"""Docs are tests: run the examples in README.md, docs/*.md and the package's docstrings.

* Markdown (README.md, docs/*.md): a fenced ```python block that starts with
  ``>>>`` is a doctest; any other ```python block is run as code. Blocks of a
  page share one namespace, in order.
* Python sources (src/povertytext/**.py): ``>>>`` examples in docstrings.

Doctests compare with NORMALIZE_WHITESPACE and ELLIPSIS.

The cache of jieba's word frequencies (:mod:`povertytext.jieba_dictionary`) goes to a
folder of this run, not the user's cache folder, unless ``POVERTYTEXT_CACHE_DIR`` is set.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from doctest import ELLIPSIS, NORMALIZE_WHITESPACE

from sybil import Sybil
from sybil.parsers.markdown import PythonCodeBlockParser
from sybil.parsers.rest import DocTestParser

_FLAGS = NORMALIZE_WHITESPACE | ELLIPSIS

if "POVERTYTEXT_CACHE_DIR" not in os.environ:
    _CACHE = tempfile.mkdtemp(prefix="povertytext-test-cache-")
    os.environ["POVERTYTEXT_CACHE_DIR"] = _CACHE
    atexit.register(shutil.rmtree, _CACHE, ignore_errors=True)

_markdown = Sybil(
    parsers=[PythonCodeBlockParser(doctest_optionflags=_FLAGS)],
    patterns=["README.md", "docs/*.md"],
    name="docs",
)

_docstrings = Sybil(
    parsers=[DocTestParser(optionflags=_FLAGS)],
    patterns=["src/povertytext/*.py", "src/povertytext/*/*.py"],
    name="docstrings",
)

pytest_collect_file = (_markdown + _docstrings).pytest()
