"""The subjects of indicators: what each quantity of a window counts, as written.

Second stage of :func:`povertytext.find_indicators`, on a
:class:`~povertytext.indicator_window.Window`:
:func:`subjects` gives the subject span of every quantity, by the rules of
:mod:`povertytext.indicators` (the words of ``data/subjects.csv`` by role, then
jieba's tags where the table is silent). The metric, region and date of each
quantity are read in :mod:`povertytext.indicators`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ._data import loader, read_table
from ._text import is_han
from .indicator_window import CLAUSE_BREAKS, Token, Tokens, Window
from .models import Quantity

__all__ = ["subjects"]

_JOINERS = frozenset("、和及与")
_QUOTES = {"“": "”", '"': '"', "「": "」"}
_CLOSING_QUOTES = frozenset(_QUOTES.values())
_MAX_SUBJECT = 16  # characters in a subject
_MAX_GAP = 8  # characters between a subject written before and its quantity
_MAX_SHORT = 4  # characters of a short word or list item
_MAX_QUOTED = 8  # characters inside quotes that a subject may hold (“三品一标”)

# Places counted by a measure word (中部六省, 珠三角九市) are named as a group right before.
_GROUP_UNITS = frozenset({"省", "市", "县", "区", "州", "乡", "镇", "村", "省区"})

_HEAD, _EVENT, _BREAK, _SCOPE, _WORD = "head", "event", "break", "scope", "word"

# jieba's part-of-speech tags (its dictionary's, on a short window): nouns that can end a
# subject the table does not list (客栈, 危房), and words a subject never starts with
# (a verb, preposition, conjunction, adverb or pronoun: 改造农村危房 → 农村危房).
_NOUN_TAGS = frozenset({"n", "nz", "ng", "nl", "ns"})  # ns: not a place the region reader knows
_NOT_FIRST_TAGS = frozenset({"v", "vd", "vg", "p", "c", "d", "r", "rr", "rz", "u", "uj", "f"})
_MODIFIER_TAGS = _NOUN_TAGS | {"b", "vn", "a"}  # words a noun may follow in a subject
_STOP_TAGS = frozenset({"r", "rr", "rz"})  # 某村, 本县: a place said with a pronoun


# ---------------------------------------------------------------- data table


@dataclass(frozen=True, slots=True)
class _Lexicon:
    roles: dict[str, str]
    lengths: tuple[int, ...]  # longest first
    # The first and the last characters of the words: no word starts (ends) at another
    # character. None when a word is empty (it starts and ends anywhere).
    firsts: frozenset[str] | None
    lasts: frozenset[str] | None


@loader
def _lexicon() -> _Lexicon:
    """The subject words of ``subjects.csv`` by role, their lengths, first and last
    characters (once per vocabulary)."""
    roles = {row["word"]: row["role"] for row in read_table("subjects.csv")}
    lengths = tuple(sorted({len(w) for w in roles}, reverse=True))
    if "" in roles:
        return _Lexicon(roles, lengths, None, None)
    firsts, lasts = frozenset(w[0] for w in roles), frozenset(w[-1] for w in roles)
    return _Lexicon(roles, lengths, firsts, lasts)


# ---------------------------------------------------------------- words


def _is_han(ch: str) -> bool:
    return is_han(ch)


def _word_at(text: str, i: int) -> tuple[str, str] | None:
    """The longest table word starting at ``i``, with its role."""
    lexicon = _lexicon()
    if lexicon.firsts is not None and text[i : i + 1] not in lexicon.firsts:
        return None
    for length in lexicon.lengths:
        role = lexicon.roles.get(text[i : i + length])
        if role is not None:
            return text[i : i + length], role
    return None


def _word_before(text: str, j: int, floor: int) -> tuple[str, str] | None:
    """The longest table word ending at ``j`` (at most ``len(text)``) and starting at or
    after ``floor``."""
    lexicon = _lexicon()
    if lexicon.lasts is not None and (j <= floor or text[j - 1] not in lexicon.lasts):
        return None
    for length in lexicon.lengths:
        if j - length < floor:
            continue
        role = lexicon.roles.get(text[j - length : j])
        if role is not None:
            return text[j - length : j], role
    return None


def _quoted_end(text: str, i: int, limit: int) -> int | None:
    """The end of a short quoted name opening at ``i`` (“三品一标”), or None."""
    close = _QUOTES.get(text[i])
    if close is None:
        return None
    j = text.find(close, i + 1, min(limit, i + 2 + _MAX_QUOTED))
    if j < 0 or any(not _is_han(ch) for ch in text[i + 1 : j]):
        return None
    return j + 1


def _quoted_start(text: str, j: int, floor: int) -> int | None:
    """The start of a short quoted name closing at ``j - 1``, or None."""
    close = text[j - 1]
    opens = [o for o, c in _QUOTES.items() if c == close]
    if not opens:
        return None
    for k in range(j - 2, max(floor, j - 2 - _MAX_QUOTED) - 1, -1):
        if text[k] in opens:
            return k if all(_is_han(ch) for ch in text[k + 1 : j - 1]) else None
    return None


# ---------------------------------------------------------------- subject after the quantity


@dataclass(frozen=True, slots=True)
class _Run:
    """Nouns read forward: where the last head ends, where reading stopped, and why.

    ``noun_end`` is where the last noun jieba tags ends (a head the table does not list).
    """

    head_end: int | None
    stop: int
    reason: str  # "de", "break", "edge"
    noun_end: int | None = None

    def end(self) -> int | None:
        """Where the subject read ends: the last head, else the last noun."""
        return self.noun_end if self.head_end is None else self.head_end


def _read_forward(w: Window, i: int) -> _Run:
    text = w.text
    _, clause_end = w.clause(i)
    limit = min(clause_end, w.next_quantity_start(i), i + _MAX_SUBJECT)
    head_end: int | None = None
    noun_end: int | None = None
    nouns_only = True  # 6市与粤东西北地区: an untabled noun counts only before any other word
    pos = i
    while pos < limit:
        ch = text[pos]
        if pos in w.date_starts or pos in w.place_starts:
            return _Run(head_end, pos, "edge", noun_end)
        if ch in _JOINERS and head_end == pos:
            if w.next_quantity_start(pos) < clause_end:
                return _Run(head_end, pos, "edge", noun_end)
            pos += 1
            continue
        quoted = _quoted_end(text, pos, limit) if ch in _QUOTES else None
        if quoted is not None:
            pos = quoted
            continue
        if not _is_han(ch):
            return _Run(head_end, pos, "edge", noun_end)
        word = _word_at(text, pos)
        if word is not None and pos + len(word[0]) <= limit:
            surface, role = word
            if role in (_BREAK, _SCOPE):
                return _Run(head_end, pos, "break", noun_end)
            pos += len(surface)
            if role == _WORD:
                continue
            head_end = pos
            if role == _EVENT:
                return _Run(head_end, pos, "edge", noun_end)
            continue
        if ch == "的":
            return _Run(head_end, pos, "de", noun_end)
        by_start = w.cut(i, limit).by_start  # looked up only where the table is silent
        token = _noun_at(by_start.get(pos), limit)
        if token is not None and (nouns_only or _ends_with_head(text, token)):
            pos = token.end
            if _ends_with_head(text, token):
                head_end = pos  # 产业园: the table's head 园 ends jieba's noun
            else:
                noun_end = pos
            continue
        start_token = by_start.get(pos)
        nouns_only = nouns_only and (start_token is None or start_token.tag in _MODIFIER_TAGS)
        pos += 1
    return _Run(head_end, pos, "edge", noun_end)


def _noun_at(token: Token | None, limit: int) -> Token | None:
    """``token`` when it is a noun jieba tags, of two characters or more, ending by ``limit``."""
    if token is None or token.tag not in _NOUN_TAGS or token.end > limit:
        return None
    return token if token.end - token.start >= 2 else None


def _ends_with_head(text: str, token: Token) -> bool:
    word = _word_before(text, token.end, token.start)
    return word is not None and word[1] == _HEAD


def _unit_start(w: Window, q: Quantity) -> int | None:
    """Where a unit that begins a longer head starts (3.2万人口: 人 of 人口), or None."""
    unit = q.unit
    if not unit or not w.text.endswith(unit, q.start, q.end):
        return None
    word = _word_at(w.text, q.end - len(unit))
    if word is None or word[1] != _HEAD or len(word[0]) <= len(unit):
        return None
    return q.end - len(unit)


def _subject_after(w: Window, q: Quantity) -> tuple[int, int] | None:
    text = w.text
    i = q.end
    inside = _unit_start(w, q)
    if inside is not None:
        end = _read_forward(w, inside).end()
        return None if end is None else (inside, end)
    if text.startswith("在", i) and i + 1 in w.place_starts:
        i = w.place_starts[i + 1].end
    if text.startswith("的", i):
        if q.unit is None:
            return None  # 年龄只有27的员工: a bare number before 的 is a value, not a count
        i += 1
    run = _read_forward(w, i)
    if run.head_end is not None:
        return i, run.head_end
    if run.reason == "de":
        second = _read_forward(w, run.stop + 1)  # 三年的同窗共事: an untabled noun is no head here
        if second.head_end is not None:
            return run.stop + 1, second.head_end
    ends_clause = run.stop >= w.end or text[run.stop] in CLAUSE_BREAKS
    if run.reason == "edge" and ends_clause and 0 < run.stop - i <= _MAX_SHORT:
        return i, run.stop
    end = run.end()
    return None if end is None else (i, end)


# ---------------------------------------------------------------- subject before the quantity


def _is_boundary(w: Window, k: int, floor: int) -> bool:
    """True when nothing of a subject written before can lie at ``k - 1``."""
    if k <= floor or k in w.quantity_ends or k in w.date_ends or k in w.place_ends:
        return True
    ch = w.text[k - 1]
    return not _is_han(ch) or ch == "的"


def _extend_back(w: Window, k: int, floor: int, limit: int) -> tuple[int, bool]:
    """Where the modifiers before a head starting at ``k`` begin, and whether a table
    word (a verb, a scope word) stopped them."""
    text = w.text
    while k > max(floor, limit):
        if text[k - 1] in _CLOSING_QUOTES:
            quoted = _quoted_start(text, k, floor)
            if quoted is None:
                break
            k = quoted
            continue
        if _is_boundary(w, k, floor):
            break
        word = _word_before(text, k, floor)
        if word is not None:
            if word[1] not in (_HEAD, _WORD):
                return k, True
            k -= len(word[0])
            continue
        k -= 1
    return k, False


def _strip_first(w: Window, start: int, head_start: int, end: int) -> int:
    """Past the verbs, prepositions and pronouns a subject starts with (改造农村危房 →
    农村危房, 至于少数民族人口比重 → 少数民族人口比重, 有客栈 → 客栈); table words stay."""
    tokens = w.cut(start, end)
    k = start
    while k < head_start:
        token = tokens.by_start.get(k)
        if token is None or not _strippable(w, token, tokens, end) or token.end > head_start:
            break
        k = token.end
    return k


def _strippable(w: Window, token: Token, tokens: Tokens, end: int) -> bool:
    """True when ``token`` cannot start a subject: a function word, a one-character verb, or
    a verb before two or more words (改造|农村危房, but 测评结果 is one noun)."""
    word = _word_at(w.text, token.start)
    if token.tag not in _NOT_FIRST_TAGS or (word is not None and word[1] != _BREAK):
        return False
    if not token.tag.startswith("v") or token.end - token.start == 1:
        return True
    after = tokens.by_start.get(token.end)
    return after is not None and after.end < end


def _subject_from(w: Window, head_start: int, end: int, floor: int) -> tuple[int, int]:
    """The subject ending with the head at ``head_start``: its modifiers, without a verb first."""
    start, _ = _extend_back(w, head_start, floor, end - _MAX_SUBJECT)
    return _strip_first(w, start, head_start, end), end


def _subject_before(w: Window, q: Quantity, floor: int) -> tuple[int, int] | None:
    text = w.text
    lo = max(floor, q.start - _MAX_SUBJECT - _MAX_GAP)
    tokens: Tokens | None = None  # the window before q, looked up once something is there
    j, gap, attribute = q.start, 0, False
    while j > floor and gap <= _MAX_GAP:
        if j in w.date_ends:  # 距离年底还有136天: no untabled noun across a date either
            j, attribute = w.date_ends[j], True
            continue
        if j in w.place_ends:
            j = w.place_ends[j].start
            gap += 1
            continue
        tokens = tokens or w.cut(lo, q.start)
        token = tokens.by_end.get(j)
        if token is not None and token.tag in _STOP_TAGS and token.start >= floor:
            return None  # 某村共有15家, 该县共有15个: a place said with a pronoun is where
        word = _word_before(text, j, floor)
        if word is not None and word[1] in (_HEAD, _EVENT):
            head_start = j - len(word[0])
            if word[1] == _EVENT:
                return head_start, j
            return _subject_from(w, head_start, j, floor)
        noun = None if attribute or word is not None else _noun_at(token, j)
        if noun is not None and noun.start >= floor:
            return _subject_from(w, noun.start, j, floor)
        # 因病致贫的占27%, 深度贫困地区为1.2%: no untabled noun across 的 or a scope word
        attribute = attribute or text[j - 1] == "的" or (word is not None and word[1] == _SCOPE)
        j -= 1
        gap += 1
    return None


def _short_run_back(w: Window, k: int, floor: int) -> int | None:
    """The start of a word of at most four characters ending at ``k`` and starting at a boundary."""
    text = w.text
    i = k
    while i > floor and k - i <= _MAX_SHORT:
        if _is_boundary(w, i, floor) or text[i - 1] == "、":
            break
        word = _word_before(text, i, floor)
        if word is not None and word[1] not in (_HEAD, _WORD):
            break
        i -= len(word[0]) if word is not None else 1
    if i == k or k - i > _MAX_SHORT:
        return None
    return i


def _list_before(w: Window, q: Quantity, floor: int) -> tuple[int, int] | None:
    """A list of short names joined by 、 ending right at the quantity: 省、市、县三级."""
    k, items = q.start, 0
    while True:
        place = w.place_ends.get(k)
        start = place.start if place is not None else _short_run_back(w, k, floor)
        if start is None:
            break
        items, k = items + 1, start
        if k - 1 > floor and w.text[k - 1] == "、":
            k -= 1
            continue
        break
    return (k, q.start) if items >= 2 else None


def _event_before(w: Window, q: Quantity, floor: int) -> tuple[int, int] | None:
    """What an anniversary is of: the words right before it (是建党100周年 → 建党)."""
    text, k = w.text, q.start
    while k > floor and k > q.start - _MAX_SUBJECT and not _is_boundary(w, k, floor):
        word = _word_before(text, k, floor)
        if word is not None and word[1] in (_BREAK, _SCOPE):
            break
        k -= len(word[0]) if word is not None else 1
    return (k, q.start) if k < q.start else None


# ---------------------------------------------------------------- subjects of a window


def subjects(w: Window) -> list[tuple[int, int] | None]:
    """The subject span of every quantity of the window, in order."""
    after = [_subject_after(w, q) for q in w.quantities]
    found: list[tuple[int, int] | None] = []
    latest: dict[tuple[str | None, str], int] = {}  # (unit, kind) → last amount with a subject
    for n, q in enumerate(w.quantities):
        if n > 0 and found[n - 1] is not None:
            before = w.quantities[n - 1]
            latest[(before.unit, before.kind)] = n - 1
        clause_start, _ = w.clause(q.start)
        floor = clause_start
        if n > 0:
            floor = max(floor, w.quantities[n - 1].end)
            previous = found[n - 1]
            if previous is not None and previous[1] <= q.start:
                floor = max(floor, previous[1])
        if q.kind == "anniversary":
            found.append(_event_before(w, q, floor))
            continue
        span = after[n] or _list_before(w, q, floor) or _subject_before(w, q, floor)
        span = span or _shared_with_next(w, n, after) or _inherited(w, n, found, floor, latest)
        if span is None and q.unit in _GROUP_UNITS:
            start = _short_run_back(w, q.start, floor)
            span = None if start is None else (start, q.start)
        found.append(span)
    return found


def _shared_with_next(
    w: Window, n: int, after: list[tuple[int, int] | None]
) -> tuple[int, int] | None:
    """十块、八块的零用钱: an amount joined by 、 to the next shares the next one's subject."""
    if n + 1 >= len(w.quantities):
        return None
    q, following = w.quantities[n], w.quantities[n + 1]
    if w.text[q.end : following.start] == "、":
        return after[n + 1]
    return None


def _inherited(
    w: Window,
    n: int,
    found: list[tuple[int, int] | None],
    floor: int,
    latest: dict[tuple[str | None, str], int],
) -> tuple[int, int] | None:
    """由11.5%下降到2.7%: the subject of an earlier amount of the sentence with the same unit;
    from an earlier clause only when the quantity's own clause names no noun between
    ``floor`` (past what an earlier amount took: 6年时间) and the quantity.

    ``latest`` holds, for each (unit, kind), the last earlier amount with a subject: the
    amounts are in order of their starts, so it is the one a scan back would stop at, and
    the amounts between it and this one start later than it does."""
    q = w.quantities[n]
    m = latest.get((q.unit, q.kind))
    if m is None:
        return None
    sentence_start, _ = w.sentence(q.start)
    clause_start, _ = w.clause(q.start)
    earlier = w.quantities[m]
    if earlier.start < sentence_start:
        return None
    if earlier.start < clause_start and _names_a_noun(w, floor, q.start):
        return None
    return found[m]


def _names_a_noun(w: Window, lo: int, hi: int) -> bool:
    """True when ``text[lo:hi]`` names what it counts: a head of the table, a noun jieba tags
    (not a place or a scope word), or an attribute ending in 的 (因病致贫的占20%)."""
    for token in w.cut(lo, hi).by_start.values():
        if token.start in w.place_starts or token.start in w.date_starts:
            continue
        word = _word_before(w.text, token.end, token.start)
        if word is not None and word[1] == _SCOPE:
            continue
        if _noun_at(token, hi) is not None or (word is not None and word[1] == _HEAD):
            return True
        if w.text[token.start : token.end] == "的" and token.start not in w.date_ends:
            return True
    return False
