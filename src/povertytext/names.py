"""Names: the personal names written beside a title of office.

A name is 2-4 Han characters that start with a surname of ``data/surnames.txt`` (a
single one with 1-2 characters after it, a two-character one, such as 欧阳 or the Yi
clan name 曲木, with 1-2), or a Tibetan name made of one or two of the name elements
of ``data/name_elements.txt`` (扎西, 扎西彭措), or a transcribed name with a middle dot
(艾尔肯·吐尼亚孜); never a title, a body or a region name (:func:`looks_like_name`).

After a title (:func:`name_after`) a name is read, in turn, as:

* a name with a middle dot;
* a name that a follower word of ``data/name_followers.txt`` ends (孟凡利|率团, 王益|和中国银行
  …, 王益和|出席, 扎西彭措|和县委常委; the rules for three characters are in that file);
* a run of 2-3 characters closed by punctuation, when jieba cuts it into a person or into
  single characters (陈/绩、);
* jieba's first word, when it is tagged as a person (``nr``), or a surname tagged alone
  and the given name after it (王/nr 大华/nz).

Several names may share the title: 副市长张小平、程鳌 and 省政协副主席德哇仓、张津梁、…
(:func:`names_after`): the names after the first are written after 、 and end at
punctuation, at 及/和/等 or at a follower; in a list of three or more, a member that
starts with no listed surname is read too when most members are names.

jieba runs on a short window beside the title only, in a private tokenizer that gets
the library's titles and bodies as words (:func:`warmup` loads it ahead).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ._data import loader, read_text
from ._text import HAN, is_han
from .errors import AmbiguousRegionError, PovertyTextError
from .jieba_dictionary import load_cutter
from .positions import credits, is_credit, is_role, organization_words, roles, titles
from .regions import resolve_region
from .word_cut import Cutter

__all__ = [
    "cut",
    "looks_like_name",
    "name_after",
    "name_before",
    "name_before_follower",
    "names_after",
    "tagged_as_name",
    "warmup",
]

_PERSON_TAGS = frozenset({"nr", "nrfg", "nrt"})
# jieba tags of words that are not read as a given name after a surname (江/nr 流域/n):
# nouns, verbs, places, bodies and function words; 大华/nz, 国庆/t, 明亮/a may be names.
_NOT_GIVEN_NAME_TAGS = frozenset(
    {"n", "v", "vn", "vd", "f", "s", "ns", "nt", "p", "c", "r", "m", "q", "d", "u", "uj", "ul"}
)
_HAN_WORD = re.compile(f"[{HAN}]+")
_HAN_RUN = re.compile(f"[{HAN}]{{1,8}}")
_DOT_NAME = re.compile(f"[{HAN}]{{2,6}}[·・•‧．](?P<tail>[{HAN}]{{2,8}})")
# what jieba's POS cut reads as part of a word; any other character is a word of its own
# tagged x (and \r\n together)
_JIEBA_WORD_CHAR = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&._]")
_NON_WORD_PIECE = re.compile(r"\r\n|.", re.DOTALL)
_NAME_WINDOW = 8  # characters jieba sees beside a title
_MAX_CLOSED_NAME = 3  # a name closed by punctuation right after a title (陈绩、) is read whole
_COMMON_WORD = 2000  # jieba frequency from which a word is a common word, not a given name
_LIST_ENDS = "及和等与"  # what may end the last member of a list of names (…、马文云及秘书长)
_MIN_OPEN_LIST = 3  # members of a list in which a name with no listed surname is read
_NAME_SIZES = (2, 3, 4)  # characters of a name
_CUT_MEMO_SIZE = 4096  # windows whose cut is kept (short strings: a few MB at most)


# ---------------------------------------------------------------- tables


def _lines(name: str) -> list[str]:
    lines = (line.split("#", 1)[0].strip() for line in read_text(name).splitlines())
    return [line for line in lines if line]


@loader
def _surnames() -> tuple[frozenset[str], frozenset[str]]:
    """The single- and two-character surnames of surnames.txt."""
    names = _lines("surnames.txt")
    return frozenset(n for n in names if len(n) == 1), frozenset(n for n in names if len(n) == 2)


@loader
def _elements() -> frozenset[str]:
    """The Tibetan name elements of name_elements.txt."""
    return frozenset(_lines("name_elements.txt"))


@loader
def _followers() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The follower words of name_followers.txt: (words that end any name, words also in names)."""
    text = read_text("name_followers.txt")
    strong, _, weak = text.partition("# also in names")

    def words(part: str) -> tuple[str, ...]:
        found = (line.split("#", 1)[0].strip() for line in part.splitlines())
        return tuple(sorted((w for w in found if w), key=len, reverse=True))

    return words(strong), words(weak)


def _is_region_name(word: str) -> bool:
    """Tell whether ``word`` names an administrative unit (和平, 中山)."""
    try:
        resolve_region(word)
    except AmbiguousRegionError:
        return True
    except PovertyTextError:
        return False
    return True


@dataclass(frozen=True)
class _Forms:
    """What a name may start with or be made of: the surnames and the Tibetan name elements."""

    singles: frozenset[str]
    doubles: frozenset[str]
    elements: frozenset[str]
    table_words: frozenset[str]  # titles, words of bodies, credits: never a name
    roles: tuple[str, ...]  # role words: a word ending in one is no name (干部, 领导)


@loader
def _forms() -> _Forms:
    """The surnames, name elements and table words, in one structure for the checks per word."""
    singles, doubles = _surnames()
    table_words = frozenset(titles()) | frozenset(organization_words()) | credits()
    return _Forms(singles, doubles, _elements(), table_words, tuple(roles()))


def _is_element_name(word: str, elements: frozenset[str] | None = None) -> bool:
    """Tell whether ``word`` is one or two Tibetan name elements (扎西, 扎西彭措)."""
    elements = _elements() if elements is None else elements
    return word in elements or (len(word) == 4 and word[:2] in elements and word[2:] in elements)


def _is_word(word: str) -> bool:
    """Tell whether ``word`` is a title, a body, a credit, a role or a region's name."""
    if word in titles() or word in organization_words() or is_credit(word) or is_role(word):
        return True
    return _is_region_name(word)


def _could_be_name(word: str) -> bool:
    """Tell whether ``word`` has the form of a name (a surname or Tibetan elements; no table word).

    Unlike :func:`looks_like_name` a region's name may be a name here (王益, 南宁): it is
    used where the text leaves no other reading (a name that a follower word ends).
    """
    if not _NAME_SIZES[0] <= len(word) <= _NAME_SIZES[-1]:
        return False
    forms = _forms()
    surnamed = (len(word) >= 3 and word[:2] in forms.doubles) or (
        len(word) <= 3 and word[0] in forms.singles
    )
    if not (surnamed or _is_element_name(word, forms.elements)) or not _HAN_WORD.fullmatch(word):
        return False
    return word not in forms.table_words and not word.endswith(forms.roles)


def looks_like_name(word: str) -> bool:
    """Tell whether ``word`` could be a personal name (cheap; no jieba).

    True for 2-4 Han characters starting with a surname of ``data/surnames.txt``
    (a single one with 1-2 characters after it, a two-character one with 1-2), or
    made of Tibetan name elements, that are not a title of office, a body's name or
    a region's name.

    >>> [looks_like_name(w) for w in ("刘永富", "欧阳修", "扎西彭措", "主任", "扶贫", "和平")]
    [True, True, True, False, False, False]
    """
    return _could_be_name(word) and not _is_region_name(word)


# ---------------------------------------------------------------- jieba


@loader
def _load_tokenizer() -> Cutter:
    """A private cutter of jieba's dictionary with the library's titles and bodies as words.

    Built once per vocabulary (its titles and bodies are words of it), under the lock
    of :func:`povertytext._data.loader`, by :func:`povertytext.jieba_dictionary.load_cutter`:
    jieba's part-of-speech cut over jieba's entries, from cache files that open in
    milliseconds without importing jieba (else jieba's own tokenizer). jieba's own
    global tokenizers are not used.
    """
    return load_cutter(_added_words())


def _added_words() -> list[tuple[str, str]]:
    """The words the cutter gets besides jieba's (with their tags): the titles and the
    bodies of the vocabulary, of two characters or more."""
    words = [(title, "n") for title in titles() if len(title) > 1]
    words += [
        (word, "nt")
        for word, kind in organization_words().items()
        if len(word) > 1 and kind in ("national", "body", "department")
    ]
    return words


def _tokenizer() -> Cutter:
    """The cutter, loaded on first use."""
    return _load_tokenizer()


def warmup() -> None:
    """Load jieba and the tables now rather than on first use (for worker processes).

    >>> warmup()
    """
    _tokenizer()
    _surnames()
    _elements()
    _followers()


def _frequency(word: str) -> int:
    """How often ``word`` occurs in jieba's dictionary (0 for a word not in it)."""
    return _tokenizer().frequency(word)


def cut(window: str) -> list[tuple[str, str]]:
    """jieba's (word, tag) pairs for a short window.

    A window with no character jieba reads as part of a word (Han, Latin letters, digits,
    ``+#&._``) is cut as jieba cuts it without loading jieba: a pair per character
    (CR LF is one), each tagged ``x``.

    >>> cut("，、")
    [('，', 'x'), ('、', 'x')]
    """
    if _JIEBA_WORD_CHAR.search(window) is None:
        return [(piece, "x") for piece in _NON_WORD_PIECE.findall(window)]
    tokenizer = _tokenizer()
    memo = _cut_memo()
    found = memo.get(window)
    if found is None:
        found = tuple(tokenizer.cut(window))
        if len(memo) >= _CUT_MEMO_SIZE:
            memo.clear()
        memo[window] = found
    return list(found)


@loader
def _cut_memo() -> dict[str, tuple[tuple[str, str], ...]]:
    """jieba's cuts of recent windows, of this vocabulary's tokenizer (emptied when full).

    A page repeats its phrases (a template, a table of rows), and every reader cuts a
    short window beside what it reads: a window cut once is not cut again. The cut is
    asked for the tokenizer first, so that it is loaded (and counted) as without a memo.
    """
    return {}


def tagged_as_name(text: str, start: int, end: int) -> bool:
    """Tell whether jieba tags ``text[start:end]`` as a person's name, cut on a short window.

    >>> tagged_as_name("得到国务院扶贫办刘永富主任批示", 8, 11)
    True
    """
    window_start = max(0, start - _NAME_WINDOW)
    window = text[window_start : min(len(text), end + _NAME_WINDOW)]
    position = window_start
    for word, tag in cut(window):
        if position == start and position + len(word) == end:
            return tag in _PERSON_TAGS
        position += len(word)
    return False


def _given_name_part(word: str, tag: str) -> bool:
    """Tell whether a word jieba cut after a surname may be (part of) a given name."""
    return len(word) == 1 or (len(word) == 2 and tag not in _NOT_GIVEN_NAME_TAGS)


# ---------------------------------------------------------------- after a title


def _starts_with(text: str, words: tuple[str, ...]) -> bool:
    return text.startswith(words) if words else False


def name_before_follower(run: str) -> int:
    """Length of a name (4, 3, else 2 characters) that a follower word ends, or 0.

    >>> runs = ("孟凡利率团", "王益和中国银行", "王益和出席", "王五等参加")
    >>> [name_before_follower(run) for run in runs]
    [3, 2, 3, 2]
    """
    strong, weak = _followers()
    for size in (4, 3, 2):
        if len(run) <= size or (size == 3 and _starts_with(run[2:], strong)):
            continue  # 王五等参加: 等 ends a two-character name
        followed = _starts_with(run[size:], strong) or _starts_with(run[size:], weak)
        if followed and _could_be_name(run[:size]):
            return size
    return 0


def _closed_name(run: str, pairs: list[tuple[str, str]]) -> bool:
    """Tell whether a run closed by punctuation right after a title is a name as a whole.

    Three characters starting with a surname (four with a two-character one) are
    (陈增光, 孙永春: jieba reads 增光, 永春 as a verb and a place), unless the given name is a
    title, a body, a follower word (王表示) or a common word of jieba's dictionary (江|流域);
    two characters are when jieba cuts them into a person or into two characters (陈/绩),
    not one word (项目, 强调).
    """
    double = run[:2] in _surnames()[1]
    if len(run) > _MAX_CLOSED_NAME + double or not _could_be_name(run):
        return False
    if len(run) == _MAX_CLOSED_NAME + double and len(pairs[0][0]) <= 1 + double:
        rest = run[1 + double :]
        strong, weak = _followers()
        if rest in titles() or rest in organization_words() or rest in strong + weak:
            return False
        return _frequency(rest) < _COMMON_WORD
    first, tag = pairs[0]
    surname_first = tag in _PERSON_TAGS or len(first) == 1
    return surname_first and all(_given_name_part(*pair) for pair in pairs[1:])


def _dotted(text: str, start: int) -> tuple[int, int] | None:
    """Span of a name with a middle dot at ``start`` (艾尔肯·吐尼亚孜), up to a follower word."""
    match = _DOT_NAME.match(text, start)
    if match is None:
        return None
    strong, weak = _followers()
    tail = match.group("tail")
    for size in range(len(tail) - 1, 1, -1):  # the longest tail a follower ends
        if _starts_with(tail[size:], strong) or _starts_with(tail[size:], weak):
            return start, match.start("tail") + size
    return match.span()


def _name_start_in_doubt(run: str) -> bool:
    """Tell whether a reading of :func:`name_after` past the follower and element rules may
    find a name in ``run``, whatever jieba's cut: a whole run closed by punctuation that has
    the form of a name, or a start of it that looks like one (jieba is only asked then)."""
    double = run[:2] in _surnames()[1]
    if len(run) <= _MAX_CLOSED_NAME + double and _could_be_name(run):
        return True
    return any(looks_like_name(run[:size]) for size in _NAME_SIZES)


def name_after(text: str, start: int) -> tuple[int, int] | None:
    """Span of a name written at ``start`` (after a title), or None. Rules: module docstring.

    >>> s = "副市长孟凡利率团考察"
    >>> s[slice(*name_after(s, 3))]
    '孟凡利'
    """
    dotted = _dotted(text, start)
    if dotted is not None:
        return dotted
    run = _HAN_RUN.match(text, start)
    if run is None:
        return None
    followed = name_before_follower(run.group())
    if followed:
        return start, start + followed
    if _is_element_name(run.group()) and not _is_word(run.group()):
        return run.span()
    if not _name_start_in_doubt(run.group()):
        return None  # every reading below is a name-like start of the run: no cut needed
    pairs = cut(run.group())
    if _closed_name(run.group(), pairs):
        return run.span()
    first, tag = pairs[0]
    rest = pairs[1:]
    if tag in _PERSON_TAGS and looks_like_name(first):
        return start, start + len(first)
    if tag in _PERSON_TAGS and len(first) == 1 and rest and _given_name_part(*rest[0]):
        given = rest[0][0]  # 王/nr 大华/nz: a surname tagged alone, then the given name
        if looks_like_name(first + given):
            return start, start + 1 + len(given)
    return None


def _member(text: str, start: int) -> tuple[int, int] | None:
    """Span of a member of a list of names at ``start``: 2-4 Han characters up to its end."""
    dotted = _dotted(text, start)
    if dotted is not None:
        return dotted
    run = _HAN_RUN.match(text, start)
    if run is None:
        return None
    followed = name_before_follower(run.group())
    if followed:
        return start, start + followed
    end = run.end()
    for size in (4, 3, 2):  # …马文云及秘书长: a list end after the member
        if len(run.group()) > size and run.group()[size] in _LIST_ENDS:
            end = start + size
            break
    return (start, end) if 2 <= end - start <= 4 else None


def names_after(text: str, first: tuple[int, int] | None, start: int) -> list[tuple[int, int]]:
    """Spans of the names sharing one title: ``first`` (or None) and those after 、.

    ``start`` is where the first name is written.

    >>> s = "副市长张小平、程鳌参加"
    >>> [s[a:b] for a, b in names_after(s, name_after(s, 3), 3)]
    ['张小平', '程鳌']
    """
    members: list[tuple[int, int]] = []
    member = first if first is not None else _member(text, start)
    while member is not None:
        members.append(member)
        if member[1] >= len(text) or text[member[1]] != "、":
            break
        member = _member(text, member[1] + 1)
    named = [m for m in members if looks_like_name(text[m[0] : m[1]])]
    if len(members) >= _MIN_OPEN_LIST and 2 * len(named) > len(members):
        return [m for m in members if not _is_word(text[m[0] : m[1]])]
    if first is None:
        return []
    chain = [first]
    for member in members[1:]:
        if member not in named:
            break
        chain.append(member)
    return chain


# ---------------------------------------------------------------- before a title


def name_before(text: str, end: int) -> tuple[int, int] | None:
    """Span of a name written right before ``end`` (before a title), or None.

    jieba's last word when it is tagged as a person, or a surname tagged alone and the
    word after it (王/nr 大华/nz).
    """
    first = end
    while first > 0 and end - first < _NAME_WINDOW and is_han(text[first - 1]):
        first -= 1
    if first == end or not any(
        looks_like_name(text[max(first, end - size) : end]) for size in _NAME_SIZES
    ):
        return None  # every reading below is a name-like end of the window: no cut needed
    pairs = cut(text[first:end])
    last, tag = pairs[-1]
    if tag in _PERSON_TAGS and looks_like_name(last):
        return end - len(last), end
    if len(pairs) > 1 and _given_name_part(last, tag):
        surname, surname_tag = pairs[-2]  # 王/nr 大华/nz 主任
        if len(surname) == 1 and surname_tag in _PERSON_TAGS and looks_like_name(surname + last):
            return end - len(last) - 1, end
    return None
