"""Indicators: each quantity bound to what it counts, its metric, region, date and scope.

:func:`find_indicators` makes one :class:`~povertytext.Indicator` per quantity of a
document body (every quantity, even one that measures nothing known);
:func:`extract_indicators` does the same for a whole text. Neither raises on text.

**Subject**, the counted noun as written (``data/subjects.csv`` gives the words:
*heads* that end a subject, *events* counted on their own, *breaks* a subject never
runs across, *scope* words that say where rather than what; longest match first).
The first rule that gives one wins:

1. an anniversary (100周年) counts the event written right before it (建党100周年);
2. *after* the quantity, past an optional 的, up to the last head before a break,
   a punctuation mark or the next quantity: 874个贫困村, 1.3万人的年度目标任务;
   、 and 和 join nouns (50多个市直单位、市属企业, 172家企业和社会组织) unless another
   quantity follows in the clause; an attribute ending in 的 is skipped
   (7000多万现行标准下的贫困人口); 在 + a place is skipped (36万在佛山贫困人口);
3. a list of short names joined by 、 right before it (肇庆、潮州两市, 省、市、县三级);
4. *before* it: the last head of its clause at most a few characters before the
   number (dates do not count), with the modifiers before that head, back to a break,
   a scope word, a place name, a date or a punctuation mark (累计统筹落实帮扶资金40.48亿元,
   贫困发生率由11.5%, 专柜运营数量超过2000台); a noun that the previous quantity took
   is not taken again;
5. an amount joined by 、 to the next one shares its subject (十块、八块的零用钱);
6. an amount with the unit of an earlier one of its sentence takes that one's subject
   (由11.5%下降到2.7% → 贫困发生率 for both);
7. for places counted (六省, 九市), a short word (at most four characters) right before
   it names the group (中部六省).

Otherwise the subject is None (5969户 in 131条村、5969户、17249人).

Where the table is silent, jieba's tags (on a short window, loaded on first use) fill in:
a noun it tags ends a subject like a head (建起12个温室大棚, 某村共有客栈15家); a subject
never starts with a verb, preposition, adverb or pronoun (改造农村危房 → 农村危房; a
two-character verb only before two words or more: 测评结果 stays); a place said with a
pronoun (某村, 该县) is no subject; a unit that begins a head gives it (2万人口 → 人口);
rule 6 reaches an earlier clause only when the quantity's own clause names no noun.

**Metric**: the first row of ``data/metrics.csv`` whose kind fits the quantity, whose
subject words occur in the subject (or whose bare units fit a quantity with no
subject), and whose verbs, if it names any, stand un-negated in the clause. No row
fits → None: an unrelated number (七个方面, 还有136天) gets no metric, never a wrong one.

**Region**: names joined by 、/和 written right before the quantity (昭通市大关、盐津4个县
→ their smallest common unit, 昭通市); else the helped region of an assistance pair
whose evidence starts before the quantity in its sentence; else the nearest place named
before it in its clause, then in its sentence, then after it in its clause; else the
``region`` given. Names without a common unit, or ambiguous, give None.

**Date**: the last date mention before the quantity in its clause, else the one of its
sentence nearest to it (its ``value``, or ``resolved``); None when that mention has no
value (20__年底); the ``date`` given when the sentence names no date.

**Cumulative**: a running-total word earlier in the sentence (``data/cumulative.csv``:
累计, 共计, 总计, 合计, “十三五”期间, 五年来, 2016年以来 …).

>>> [str(i) for i in extract_indicators("累计投入帮扶资金40.48亿元，帮助24.76万贫困群众摆脱贫困。")]
['40.48亿元 帮扶资金 [funds.fiscal_aid]', '24.76万 贫困群众 [poverty.people_lifted]']
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ._data import loader, read_table
from ._meta import check_context
from .characters import read_simplified
from .dates import extract_dates
from .errors import DateError, require_text
from .models import AssistancePair, DateMention, Indicator, Quantity, Region, RegionMention
from .names import cut
from .quantities import extract_quantities
from .regions import extract_regions, is_within, resolve_region, self_and_above

__all__ = ["extract_indicators", "find_indicators"]

_SENTENCE_BREAKS = frozenset("。！？!?\n")
_CLAUSE_BREAKS = _SENTENCE_BREAKS | frozenset("，,；;：:")
_SENTENCE_BREAK = re.compile("[" + re.escape("".join(sorted(_SENTENCE_BREAKS))) + "]")
_CLAUSE_BREAK = re.compile("[" + re.escape("".join(sorted(_CLAUSE_BREAKS))) + "]")
_JOINERS = frozenset("、和及与")
_REGION_JOINERS = ("", "、", "和", "及", "与")
_QUOTES = {"“": "”", '"': '"', "「": "」"}
_CLOSING_QUOTES = frozenset(_QUOTES.values())
_NO_UNIT = "-"  # in metrics.csv: no unit written
_NEGATION_REACH = 3  # 未全部脱贫: 未 negates a verb up to three characters on
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


# ---------------------------------------------------------------- data tables


@dataclass(frozen=True, slots=True)
class _Lexicon:
    roles: dict[str, str]
    lengths: tuple[int, ...]  # longest first


@loader
def _lexicon() -> _Lexicon:
    """The subject words of ``subjects.csv`` by role, and their lengths (once per vocabulary)."""
    roles = {row["word"]: row["role"] for row in read_table("subjects.csv")}
    return _Lexicon(roles, tuple(sorted({len(w) for w in roles}, reverse=True)))


@dataclass(frozen=True, slots=True)
class _Metric:
    metric: str
    kinds: frozenset[str]
    units: frozenset[str]
    patterns: tuple[str, ...]
    bare_units: frozenset[str]
    verbs: tuple[str, ...]


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part for part in cell.split("|") if part)


@loader
def _metrics() -> tuple[_Metric, ...]:
    """The rows of ``metrics.csv``, in file order (once per vocabulary)."""
    return tuple(
        _Metric(
            metric=row["metric"],
            kinds=frozenset(_split(row["kind"])),
            units=frozenset(_split(row["units"])),
            patterns=_split(row["subject_patterns"]),
            bare_units=frozenset(_split(row["bare_units"])),
            verbs=_split(row["verbs"]),
        )
        for row in read_table("metrics.csv")
    )


@loader
def _cumulative_pattern() -> re.Pattern[str]:
    """The running-total patterns of ``cumulative.csv`` as one regex (once per vocabulary)."""
    return re.compile("|".join(f"(?:{row['pattern']})" for row in read_table("cumulative.csv")))


# ---------------------------------------------------------------- the window


@dataclass(frozen=True, slots=True)
class _Place:
    start: int
    end: int
    region: Region


@dataclass(frozen=True, slots=True)
class _Token:
    start: int
    end: int
    tag: str


@dataclass(frozen=True, slots=True)
class _Tokens:
    by_start: dict[int, _Token]
    by_end: dict[int, _Token]


def _tokens(text: str, lo: int, hi: int) -> _Tokens:
    by_start: dict[int, _Token] = {}
    by_end: dict[int, _Token] = {}
    pos = lo
    for word, tag in cut(text[lo:hi]) if lo < hi else ():
        token = _Token(pos, pos + len(word), tag)
        by_start[token.start] = by_end[token.end] = token
        pos = token.end
    return _Tokens(by_start, by_end)


@dataclass
class _Window:
    """A document body with what was found in it, indexed for lookups by offset."""

    text: str
    start: int
    end: int
    quantities: list[Quantity]
    dates: list[DateMention]
    places: list[_Place]
    pairs: list[AssistancePair]
    sentence_breaks: list[int]
    clause_breaks: list[int]
    quantity_starts: list[int]
    quantity_ends: dict[int, int]  # end → start
    date_ends: dict[int, int]
    date_starts: set[int]
    date_start_list: list[int]
    place_ends: dict[int, _Place]
    place_starts: dict[int, _Place]
    place_end_list: list[int]
    tokens: dict[tuple[int, int], _Tokens] = field(default_factory=dict)
    cumulative_words: dict[int, re.Match[str] | None] = field(default_factory=dict)
    pair_starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.pair_starts = [p.start for p in self.pairs]

    def cut(self, lo: int, hi: int) -> _Tokens:
        """jieba's words of ``text[lo:hi]``, indexed by where they start and end (cached)."""
        found = self.tokens.get((lo, hi))
        if found is None:
            found = self.tokens[(lo, hi)] = _tokens(self.text, lo, hi)
        return found

    def bounds(self, i: int, breaks: list[int]) -> tuple[int, int]:
        """The sentence (or clause) around offset ``i``: from after a break through the next."""
        k = bisect.bisect_left(breaks, i)
        lo = breaks[k - 1] + 1 if k > 0 else self.start
        hi = breaks[k] + 1 if k < len(breaks) else self.end
        return max(lo, self.start), min(hi, self.end)

    def next_quantity_start(self, i: int) -> int:
        k = bisect.bisect_left(self.quantity_starts, i)
        return self.quantity_starts[k] if k < len(self.quantity_starts) else self.end


def _window(
    text: str,
    start: int,
    end: int,
    quantities: Sequence[Quantity],
    dates: Sequence[DateMention],
    pairs: Sequence[AssistancePair],
    regions: Sequence[RegionMention] | None,
) -> _Window:
    if regions is None:
        regions = [
            m.model_copy(update={"start": m.start + start, "end": m.end + start})
            for m in extract_regions(text[start:end])
        ]
    places = [
        _Place(m.start, m.end, m.region)
        for m in sorted(regions, key=lambda m: m.start)
        if m.region is not None and start <= m.start and m.end <= end
    ]
    sentence_breaks = [m.start() for m in _SENTENCE_BREAK.finditer(text, start, end)]
    clause_breaks = [m.start() for m in _CLAUSE_BREAK.finditer(text, start, end)]
    return _Window(
        text=text,
        start=start,
        end=end,
        quantities=list(quantities),
        dates=list(dates),
        places=places,
        pairs=sorted(pairs, key=lambda p: p.start),
        sentence_breaks=sentence_breaks,
        clause_breaks=clause_breaks,
        quantity_starts=[q.start for q in quantities],
        quantity_ends={q.end: q.start for q in quantities},
        date_ends={d.end: d.start for d in dates},
        date_starts={d.start for d in dates},
        date_start_list=[d.start for d in dates],
        place_ends={p.end: p for p in places},
        place_starts={p.start: p for p in places},
        place_end_list=[p.end for p in places],
    )


# ---------------------------------------------------------------- words


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def _word_at(text: str, i: int) -> tuple[str, str] | None:
    """The longest table word starting at ``i``, with its role."""
    lexicon = _lexicon()
    for length in lexicon.lengths:
        role = lexicon.roles.get(text[i : i + length])
        if role is not None:
            return text[i : i + length], role
    return None


def _word_before(text: str, j: int, floor: int) -> tuple[str, str] | None:
    """The longest table word ending at ``j`` and starting at or after ``floor``."""
    lexicon = _lexicon()
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


def _read_forward(w: _Window, i: int) -> _Run:
    text = w.text
    _, clause_end = w.bounds(i, w.clause_breaks)
    limit = min(clause_end, w.next_quantity_start(i), i + _MAX_SUBJECT)
    tokens = w.cut(i, limit)
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
        token = _noun_at(tokens.by_start.get(pos), limit)
        if token is not None and (nouns_only or _ends_with_head(text, token)):
            pos = token.end
            if _ends_with_head(text, token):
                head_end = pos  # 产业园: the table's head 园 ends jieba's noun
            else:
                noun_end = pos
            continue
        start_token = tokens.by_start.get(pos)
        nouns_only = nouns_only and (start_token is None or start_token.tag in _MODIFIER_TAGS)
        pos += 1
    return _Run(head_end, pos, "edge", noun_end)


def _noun_at(token: _Token | None, limit: int) -> _Token | None:
    """``token`` when it is a noun jieba tags, of two characters or more, ending by ``limit``."""
    if token is None or token.tag not in _NOUN_TAGS or token.end > limit:
        return None
    return token if token.end - token.start >= 2 else None


def _ends_with_head(text: str, token: _Token) -> bool:
    word = _word_before(text, token.end, token.start)
    return word is not None and word[1] == _HEAD


def _unit_start(w: _Window, q: Quantity) -> int | None:
    """Where a unit that begins a longer head starts (3.2万人口: 人 of 人口), or None."""
    unit = q.unit
    if not unit or not w.text.endswith(unit, q.start, q.end):
        return None
    word = _word_at(w.text, q.end - len(unit))
    if word is None or word[1] != _HEAD or len(word[0]) <= len(unit):
        return None
    return q.end - len(unit)


def _subject_after(w: _Window, q: Quantity) -> tuple[int, int] | None:
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
    ends_clause = run.stop >= w.end or text[run.stop] in _CLAUSE_BREAKS
    if run.reason == "edge" and ends_clause and 0 < run.stop - i <= _MAX_SHORT:
        return i, run.stop
    end = run.end()
    return None if end is None else (i, end)


# ---------------------------------------------------------------- subject before the quantity


def _is_boundary(w: _Window, k: int, floor: int) -> bool:
    """True when nothing of a subject written before can lie at ``k - 1``."""
    if k <= floor or k in w.quantity_ends or k in w.date_ends or k in w.place_ends:
        return True
    ch = w.text[k - 1]
    return not _is_han(ch) or ch == "的"


def _extend_back(w: _Window, k: int, floor: int, limit: int) -> tuple[int, bool]:
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


def _strip_first(w: _Window, start: int, head_start: int, end: int) -> int:
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


def _strippable(w: _Window, token: _Token, tokens: _Tokens, end: int) -> bool:
    """True when ``token`` cannot start a subject: a function word, a one-character verb, or
    a verb before two or more words (改造|农村危房, but 测评结果 is one noun)."""
    word = _word_at(w.text, token.start)
    if token.tag not in _NOT_FIRST_TAGS or (word is not None and word[1] != _BREAK):
        return False
    if not token.tag.startswith("v") or token.end - token.start == 1:
        return True
    after = tokens.by_start.get(token.end)
    return after is not None and after.end < end


def _subject_from(w: _Window, head_start: int, end: int, floor: int) -> tuple[int, int]:
    """The subject ending with the head at ``head_start``: its modifiers, without a verb first."""
    start, _ = _extend_back(w, head_start, floor, end - _MAX_SUBJECT)
    return _strip_first(w, start, head_start, end), end


def _subject_before(w: _Window, q: Quantity, floor: int) -> tuple[int, int] | None:
    text = w.text
    tokens = w.cut(max(floor, q.start - _MAX_SUBJECT - _MAX_GAP), q.start)
    j, gap, attribute = q.start, 0, False
    while j > floor and gap <= _MAX_GAP:
        if j in w.date_ends:  # 距离年底还有136天: no untabled noun across a date either
            j, attribute = w.date_ends[j], True
            continue
        if j in w.place_ends:
            j = w.place_ends[j].start
            gap += 1
            continue
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


def _short_run_back(w: _Window, k: int, floor: int) -> int | None:
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


def _list_before(w: _Window, q: Quantity, floor: int) -> tuple[int, int] | None:
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


def _event_before(w: _Window, q: Quantity, floor: int) -> tuple[int, int] | None:
    """What an anniversary is of: the words right before it (是建党100周年 → 建党)."""
    text, k = w.text, q.start
    while k > floor and k > q.start - _MAX_SUBJECT and not _is_boundary(w, k, floor):
        word = _word_before(text, k, floor)
        if word is not None and word[1] in (_BREAK, _SCOPE):
            break
        k -= len(word[0]) if word is not None else 1
    return (k, q.start) if k < q.start else None


# ---------------------------------------------------------------- subjects of a window


def _subjects(w: _Window) -> list[tuple[int, int] | None]:
    """The subject span of every quantity of the window, in order."""
    after = [_subject_after(w, q) for q in w.quantities]
    found: list[tuple[int, int] | None] = []
    latest: dict[tuple[str | None, str], int] = {}  # (unit, kind) → last amount with a subject
    for n, q in enumerate(w.quantities):
        if n > 0 and found[n - 1] is not None:
            before = w.quantities[n - 1]
            latest[(before.unit, before.kind)] = n - 1
        clause_start, _ = w.bounds(q.start, w.clause_breaks)
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
    w: _Window, n: int, after: list[tuple[int, int] | None]
) -> tuple[int, int] | None:
    """十块、八块的零用钱: an amount joined by 、 to the next shares the next one's subject."""
    if n + 1 >= len(w.quantities):
        return None
    q, following = w.quantities[n], w.quantities[n + 1]
    if w.text[q.end : following.start] == "、":
        return after[n + 1]
    return None


def _inherited(
    w: _Window,
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
    sentence_start, _ = w.bounds(q.start, w.sentence_breaks)
    clause_start, _ = w.bounds(q.start, w.clause_breaks)
    earlier = w.quantities[m]
    if earlier.start < sentence_start:
        return None
    if earlier.start < clause_start and _names_a_noun(w, floor, q.start):
        return None
    return found[m]


def _names_a_noun(w: _Window, lo: int, hi: int) -> bool:
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


# ---------------------------------------------------------------- metric


def _negated(text: str, lo: int, k: int) -> bool:
    """True when the verb at ``k`` is negated: 不 right before it, 未 or 没有 shortly before."""
    before = text[max(lo, k - _NEGATION_REACH) : k]
    return text.endswith("不", lo, k) or "未" in before or "没有" in text[max(lo, k - 4) : k]


def _has_verb(text: str, lo: int, hi: int, verbs: tuple[str, ...]) -> bool:
    """True when one of ``verbs`` stands in ``text[lo:hi]`` and is not negated."""
    for verb in verbs:
        k = text.find(verb, lo, hi)
        while k >= 0:
            if not _negated(text, lo, k):
                return True
            k = text.find(verb, k + 1, hi)
    return False


def _metric(w: _Window, q: Quantity, subject: str | None) -> str | None:
    lo, hi = w.bounds(q.start, w.clause_breaks)
    for row in _metrics():
        if q.kind not in row.kinds or (row.units and (q.unit or _NO_UNIT) not in row.units):
            continue
        if subject is None:
            if q.unit not in row.bare_units:
                continue
        elif not any(p in subject for p in row.patterns):
            continue
        if row.verbs and not _has_verb(w.text, lo, hi, row.verbs):
            continue
        return row.metric
    return None


# ---------------------------------------------------------------- region


def _common_unit(regions: Sequence[Region]) -> Region | None:
    """The smallest unit containing every one of ``regions`` (itself for one region)."""
    codes = [{r.code for r in self_and_above(region)} for region in regions[1:]]
    for candidate in self_and_above(regions[0]):
        if all(candidate.code in chain for chain in codes):
            return candidate
    return None


def _group_ending_at(w: _Window, place: _Place, lo: int) -> list[Region]:
    """The place and the places joined to it by 、/和 before it (昭通市大关、盐津)."""
    group = [place.region]
    k = bisect.bisect_left(w.place_end_list, place.start + 1) - 1
    current = place
    while k >= 0:
        before = w.places[k]
        if before.start < lo or w.text[before.end : current.start] not in _REGION_JOINERS:
            break
        group.append(before.region)
        current, k = before, k - 1
    return group


def _place_before(w: _Window, i: int, lo: int) -> list[Region] | None:
    k = bisect.bisect_right(w.place_end_list, i) - 1
    if k < 0 or w.places[k].start < lo:
        return None
    return _group_ending_at(w, w.places[k], lo)


def _helped_place_before(w: _Window, i: int, lo: int, helped: Sequence[Region]) -> _Place | None:
    """The last place in ``[lo, i)`` that is one of a pair's helped units (or inside one):
    帮扶云南省昭通市6个贫困县…和韶关、揭阳两市323个村 → 昭通市 for 6个, 揭阳 for 323个."""
    k = bisect.bisect_right(w.place_end_list, i) - 1
    while k >= 0 and w.places[k].start >= lo:
        place = w.places[k]
        if any(is_within(place.region, unit) for unit in helped):
            return place
        k -= 1
    return None


def _last_statement(w: _Window, lo: int, hi: int) -> int | None:
    """The start of the last pair stated in ``[lo, hi]``, if any."""
    k = bisect.bisect_right(w.pair_starts, hi) - 1
    return w.pair_starts[k] if k >= 0 and w.pair_starts[k] >= lo else None


def _helped_at(w: _Window, start: int) -> list[Region]:
    """The helped units of the pairs stated at ``start``, in order."""
    first = bisect.bisect_left(w.pair_starts, start)
    last = bisect.bisect_right(w.pair_starts, start)
    return [p.helped for p in w.pairs[first:last]]


def _region(w: _Window, q: Quantity, default: Region | None) -> Region | None:
    clause_start, clause_end = w.bounds(q.start, w.clause_breaks)
    sentence_start, _ = w.bounds(q.start, w.sentence_breaks)
    adjacent = w.place_ends.get(q.start)
    if adjacent is not None:
        return _common_unit(_group_ending_at(w, adjacent, clause_start))
    stated = _last_statement(w, sentence_start, q.start)
    if stated is not None:  # the last statement before the quantity; its edges share the evidence
        helped = _helped_at(w, stated)
        near = _helped_place_before(w, q.start, stated, helped)
        return _common_unit(_group_ending_at(w, near, stated) if near else helped)
    for lo in (clause_start, sentence_start):
        group = _place_before(w, q.start, lo)
        if group is not None:
            return _common_unit(group)
    k = bisect.bisect_left(w.place_end_list, q.end + 1)
    if k < len(w.places) and w.places[k].end <= clause_end:
        return w.places[k].region
    return default


# ---------------------------------------------------------------- date and scope


def _date(w: _Window, q: Quantity, default: str | None) -> str | None:
    lo, hi = w.bounds(q.start, w.sentence_breaks)
    clause_start, _ = w.bounds(q.start, w.clause_breaks)
    first = bisect.bisect_left(w.date_start_list, lo)
    last = bisect.bisect_left(w.date_start_list, hi)
    in_sentence = [d for d in w.dates[first:last] if d.end <= hi]
    before = [d for d in in_sentence if clause_start <= d.start and d.end <= q.start]
    if before:
        best = before[-1]
    elif in_sentence:
        best = min(in_sentence, key=lambda d: _distance(d, q))
    else:
        return default
    return best.value or best.resolved


def _distance(mention: DateMention, q: Quantity) -> int:
    return q.start - mention.end if mention.end <= q.start else mention.start - q.end


def _cumulative(w: _Window, q: Quantity) -> bool:
    """True when a running-total word (累计, 五年来) stands in the sentence before ``q``.

    The sentence's first such word is found once: none before ``q`` when it starts at or
    after ``q``, one when it ends before ``q`` (a lookahead of the table reads at most the
    character after it); else the short stretch from it to ``q`` is searched. The table's
    patterns hold no negative lookahead and no end anchor, so a search stopping earlier
    finds no match that a longer one does not."""
    lo, hi = w.bounds(q.start, w.sentence_breaks)
    if lo not in w.cumulative_words:
        w.cumulative_words[lo] = _cumulative_pattern().search(w.text, lo, hi)
    first = w.cumulative_words[lo]
    if first is None or first.start() >= q.start:
        return False
    if first.end() < q.start:
        return True
    return _cumulative_pattern().search(w.text, first.start(), q.start) is not None


# ---------------------------------------------------------------- public


def extract_indicators(
    text: str, *, region: str | Region | None = None, date: str | None = None
) -> list[Indicator]:
    """Every quantity in ``text`` bound to its subject, metric, region and date.

    ``region`` (a :class:`Region` or a name) and ``date`` (ISO) are what the text is
    about when a sentence does not say: a speech's city, an article's date. Raises
    only for a ``region`` name that does not resolve (see :func:`resolve_region`).

    >>> [i.metric for i in extract_indicators("选派党政干部51名，转移贫困劳动力就业24047人")]
    ['cadres.dispatched', 'labor.employed']
    >>> i = extract_indicators("昭通市大关、盐津4个县全部脱贫摘帽")[0]
    >>> i.subject, i.metric, i.region.name
    ('县', 'poverty.counties_lifted', '昭通市')
    """
    require_text(text, "extract_indicators")
    check_context("extract_indicators", region=region, date=date)
    return read_simplified(
        text, lambda work: find_indicators(work, 0, len(work), region=region, date=date)
    )


def find_indicators(
    text: str,
    start: int,
    end: int,
    *,
    region: str | Region | None = None,
    date: str | None = None,
    quantities: Sequence[Quantity] | None = None,
    dates: Sequence[DateMention] | None = None,
    pairs: Sequence[AssistancePair] | None = None,
    regions: Sequence[RegionMention] | None = None,
) -> list[Indicator]:
    """The indicators of ``text[start:end]``, with offsets into ``text``.

    ``quantities``, ``dates`` and ``regions`` (place mentions) may be given precomputed
    for the whole text, with offsets into it (they are filtered to the window); ``pairs``
    are the assistance pairs of the window; ``region`` and ``date`` are the document's.
    """
    start, end = max(0, start), min(len(text), end)
    if quantities is None:
        quantities = extract_quantities(text)
    if dates is None:
        dates = _dates_of(text, date)
    default_region = resolve_region(region) if isinstance(region, str) else region
    w = _window(
        text,
        start,
        end,
        sorted((q for q in quantities if start <= q.start and q.end <= end), key=_start),
        sorted((d for d in dates if start <= d.start and d.end <= end), key=_start),
        [p for p in pairs or () if start <= p.start and p.end <= end],
        regions,
    )
    indicators = []
    for q, span in zip(w.quantities, _subjects(w), strict=True):
        subject = None if span is None else text[span[0] : span[1]]
        sentence_start, sentence_end = w.bounds(q.start, w.sentence_breaks)
        indicators.append(
            Indicator(
                quantity=q,
                subject=subject,
                subject_start=None if span is None else span[0],
                subject_end=None if span is None else span[1],
                metric=_metric(w, q, subject),
                region=_region(w, q, default_region),
                date=_date(w, q, date),
                cumulative=_cumulative(w, q),
                sentence_start=sentence_start,
                sentence_end=sentence_end,
            )
        )
    return indicators


def _start(span: Quantity | DateMention) -> int:
    return span.start


def _dates_of(text: str, reference: str | None) -> list[DateMention]:
    """The dates of ``text``, resolved against ``reference`` when the date reader reads it."""
    try:
        return extract_dates(text, reference=reference)
    except DateError:  # a reference such as 2021-01 that is not a full date expression
        return extract_dates(text)
