"""Officials: inline forms, who is not an official, names, merging, jieba's use, and the gold."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import povertytext as pt
from povertytext import bylines, names, officials
from povertytext.officials import extract_officials, looks_like_name, tagged_as_name, warmup

from ._shared import shared_path

Found = list[tuple[str, list[str]]]  # (name, full texts of its positions)


def found(text: str) -> Found:
    return [(o.name, [p.text for p in o.positions]) for o in extract_officials(text)]


# ---------------------------------------------------------------- inline forms

INLINE = [
    ("總書記習近平", [("習近平", ["中共中央总书记"])], "traditional characters"),
    ("省长王伟中讲话", [("王伟中", ["省长"])], "three-character name before a verb jieba joins"),
    (
        "本报北京3月2日电(记者张明)国务院扶贫办主任王五表示",
        [("王五", ["国务院扶贫办主任"])],
        "a bracketed reporter credit ends what comes before the posts",
    ),
    ("市长孟凡利率团考察", [("孟凡利", ["市长"])], "name before 率 (jieba: 孟凡/利率)"),
    ("副市长陶长海陪同考察", [("陶长海", ["副市长"])], "name before 陪同 (jieba: 陶/长海)"),
    ("省长王五等参加会议", [("王五", ["省长"])], "two-character name before 等"),
    ("副市长李强强调", [("李强", ["副市长"])], "two-character name before 强调"),
    ("国务院扶贫办主任刘永富到会讲话", [("刘永富", ["国务院扶贫办主任"])], "title before name"),
    (
        "湛江市委副书记刘小明、湛江市副市长王大华出席",
        [("刘小明", ["湛江市委副书记"]), ("王大华", ["湛江市副市长"])],
        "a list of title + name",
    ),
    (
        "山东省委农办、省扶贫办专职副主任赵一鸣主持会议",
        [("赵一鸣", ["山东省委农办专职副主任", "山东省扶贫办专职副主任"])],
        "one title for two bodies",
    ),
    (
        "河南省委农办主任、省农业农村厅厅长孙立平指出",
        [("孙立平", ["河南省委农办主任", "河南省农业农村厅厅长"])],
        "two posts before one name",
    ),
    (
        "湛江召开推进会。市委书记张建国出席",
        [("张建国", ["湛江市委书记"])],
        "bare 市委书记 under a known city",
    ),
    (
        "湛江市委书记刘小明、市长王大华到徐闻县调研",
        [("刘小明", ["湛江市委书记"]), ("王大华", ["湛江市市长"])],
        "bare 市长 after a city named before",
    ),
    (
        "工作得到国务院扶贫办刘永富主任批示",
        [("刘永富", ["国务院扶贫办主任"])],
        "body + name + title",
    ),
    (
        "这项工作得到国务院扶贫办王大华主任的批示",
        [("王大华", ["国务院扶贫办主任"])],
        "body + name + title, name cut by jieba (王/大华)",
    ),
    ("深入学习习近平总书记重要讲话", [("习近平", ["中共中央总书记"])], "leader + 总书记"),
    ("习近平主席出席峰会", [("习近平", ["国家主席"])], "主席 of a holder → 国家主席"),
    ("李克强总理作报告", [("李克强", ["国务院总理"])], "leader + 总理"),
    ("张明华县长带队调研", [("张明华", ["县长"])], "name + bare title"),
    ("陈立新主席讲话", [("陈立新", ["主席"])], "主席 of a non-holder stays 主席"),
    (
        "中共中央总书记、国家主席习近平发表讲话",
        [("习近平", ["中共中央总书记", "国家主席"])],
        "two national posts before the name",
    ),
    ("选派第一书记王平安到村", [("王平安", ["第一书记"])], "第一书记 before name"),
    ("河南省农业农村厅厅长□ 孙立平", [("孙立平", ["河南省农业农村厅厅长"])], "layout glyph gap"),
    ("会见了省长王伟中。", [("王伟中", ["省长"])], "name closed by punctuation, read whole"),
]


@pytest.mark.parametrize(
    ("text", "expected"), [row[:2] for row in INLINE], ids=[row[2] for row in INLINE]
)
def test_inline_forms(text: str, expected: Found) -> None:
    assert found(text) == expected


# ---------------------------------------------------------------- the grammar of lists and bodies

GRAMMAR = [
    (
        "省农业农村厅党组书记、厅长赵明远出席",
        [("赵明远", ["省农业农村厅党组书记", "省农业农村厅厅长"])],
        "head carried within one official's list",
    ),
    (
        "宜宾市委常委、副市长周立群出席",
        [("周立群", ["宜宾市委常委", "宜宾市副市长"])],
        "a region's committee gives its region as the head",
    ),
    (
        "宜宾市委副书记、市长周立群讲话",
        [("周立群", ["宜宾市委副书记", "宜宾市长"])],
        "a leading level replaced by the region of the head",
    ),
    (
        "科尔沁右翼前旗旗委副书记、旗长包文明讲话",
        [("包文明", ["科尔沁右翼前旗旗委副书记", "科尔沁右翼前旗长"])],
        "banner: 旗委 and 旗长",
    ),
    (
        "州委常委、副州长马志强出席",
        [("马志强", ["州委常委", "副州长"])],
        "a bare level is no head to glue on",
    ),
    (
        "江西省省长张文华、副省长刘建平出席",
        [("张文华", ["江西省省长"]), ("刘建平", ["江西省副省长"])],
        "a region carried across officials of one list",
    ),
    (
        "农业农村部办公厅副主任孙立新,发展规划司司长李海峰出席",
        [("孙立新", ["农业农村部办公厅副主任"]), ("李海峰", ["农业农村部发展规划司司长"])],
        "a department under the body of the official before",
    ),
    (
        "兰州分行党委书记李立军、副行长张晓红出席",
        [("李立军", ["兰州分行党委书记"]), ("张晓红", ["兰州分行副行长"])],
        "a bare title under the body of the official before",
    ),
    (
        "武川县委常委、宣传部部长刘海波出席",
        [("刘海波", ["武川县委常委", "武川县委宣传部部长"])],
        "a party department takes its committee",
    ),
    ("大湾村第一书记刘海涛介绍", [("刘海涛", ["大湾村第一书记"])], "a village post"),
    ("石门镇党委书记周文斌说", [("周文斌", ["石门镇党委书记"])], "a township post keeps its place"),
    ("中国农业银行董事长谷文清出席", [("谷文清", ["中国农业银行董事长"])], "a bank"),
    ("兴业银行成都分行行长林志远出席", [("林志远", ["兴业银行成都分行行长"])], "a branch"),
    ("民盟中央副主席陈启明出席", [("陈启明", ["民盟中央副主席"])], "a party"),
    ("前方指挥部副总指挥黄振华介绍", [("黄振华", ["前方指挥部副总指挥"])], "a 指挥部"),
    ("澳门青旅集团总裁梁文辉表示", [("梁文辉", ["澳门青旅集团总裁"])], "a company"),
    ("四级调研员陈晓东介绍", [("陈晓东", ["四级调研员"])], "a rank title"),
    ("大学生村官李小红介绍", [("李小红", ["大学生村官"])], "大学生村官"),
    ("会议由县扶贫办副主任王海军主持", [("王海军", ["县扶贫办副主任"])], "block after 由"),
    ("我县县委书记李大海讲话", [("李大海", ["县委书记"])], "我县 is no part of the post"),
    (
        "援藏干部、拉萨市城关区副区长郑一鸣说",
        [("郑一鸣", ["拉萨市城关区副区长"])],
        "a role is no post and takes no title",
    ),
    (
        "省扶贫基金会常务副理事长兼秘书长胡立明出席",
        [("胡立明", ["省扶贫基金会常务副理事长", "省扶贫基金会秘书长"])],
        "posts split at 兼",
    ),
    ("时任县长的赵国强来到村里", [("赵国强", ["县长"])], "former: 时任…的, marker dropped"),
    ("原副县长李立新说", [("李立新", ["副县长"])], "former: 原, marker dropped"),
    ("副县长王志刚、赵立新出席", [("王志刚", ["副县长"]), ("赵立新", ["副县长"])], "shared title"),
    ("副县长扎西多吉说", [("扎西多吉", ["副县长"])], "Tibetan name"),
    ("县委书记曲木阿呷出席", [("曲木阿呷", ["县委书记"])], "Yi name"),
    ("副县长艾尔肯·吐尼亚孜说", [("艾尔肯·吐尼亚孜", ["副县长"])], "name with a middle dot"),
    ("市长訚立新出席", [("訚立新", ["市长"])], "a rare surname"),
    ("副市長歐陽明華參加", [("歐陽明華", ["副市长"])], "traditional two-character surname"),
    ("县长王益和县委书记李海出席", [("王益", ["县长"]), ("李海", ["县委书记"])], "name, then 和"),
    ("副县长王益和出席", [("王益和", ["副县长"])], "a name ending in 和"),
    ("县长武林说", [("武林", ["县长"])], "a name that is a word"),
    ("副县长南宁说", [("南宁", ["副县长"])], "a name that is a place, before a follower"),
]


@pytest.mark.parametrize(
    ("text", "expected"), [row[:2] for row in GRAMMAR], ids=[row[2] for row in GRAMMAR]
)
def test_grammar_of_lists_bodies_and_names(text: str, expected: Found) -> None:
    assert found(text) == expected


def test_official_list_spans_slice_back() -> None:
    text = "省政协副主席高立新、陈明辉、刘海燕及秘书长王建明出席。"
    result = extract_officials(text)
    assert [(o.name, [p.text for p in o.positions]) for o in result] == [
        ("高立新", ["省政协副主席"]),
        ("陈明辉", ["省政协副主席"]),
        ("刘海燕", ["省政协副主席"]),
        ("王建明", ["省政协秘书长"]),
    ]
    for official in result:
        assert text[official.start : official.end] == official.name


# ---------------------------------------------------------------- not officials

NOT_OFFICIALS = [
    ("■采写:新快报记者 朱清海 图片:新快报记者 孙毅", "reporters"),
    ("记者张三主任", "记者 before a name + title"),
    ("责任编辑:蔡薇萍", "editor"),
    ("涌现出了无数个像李保国一样的好党员", "no office: 李保国"),
    ("柯洁的失败", "no office: 柯洁"),
    ("丘吉尔说:“国家有狮子般的雄心。”", "no office: 丘吉尔"),
    ("明代王廷相《慎言》中提到", "no office: 王廷相"),
    ("全省脱贫攻坚取得决定性胜利。", "no official at all"),
    ("", "empty text"),
    ("五级书记一起抓", "title with no name"),
    ("坚持由省委常委兼任农工委主任常态化", "title before a word (常态化)"),
    ("村党支部书记，注重把那些事业心强的人选出来", "title before punctuation"),
    ("城市长远发展", "市长 inside a word"),
    ("省长江流域", "a surname + a noun after a title"),
    ("各级负责同志参加会议", "同志 alone is no title"),
    ("王书记说", "surname + title, no name"),
    ("区领导黄立新出席", "a role, no post"),
    ("县长强调：", "a verb after a title"),
]


@pytest.mark.parametrize(
    "text", [row[0] for row in NOT_OFFICIALS], ids=[r[1] for r in NOT_OFFICIALS]
)
def test_not_officials(text: str) -> None:
    assert found(text) == []


def test_authors_are_never_officials(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "国务院扶贫办主任刘永富到会"
    author = pt.Author(text="刘永富", start=8, end=11, role="记者")
    monkeypatch.setattr(officials, "find_authors", lambda _: [author])
    assert found(text) == []


# ---------------------------------------------------------------- names


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("刘永富", True),
        ("梁健", True),
        ("欧阳修", True),
        ("司马光明", True),
        ("习近平", True),
        ("主任", False),
        ("扶贫办", False),
        ("扶贫", False),
        ("和平", False),
        ("中山", False),
        ("记者", False),
        ("王", False),
        ("王小明明", False),
        ("Wang", False),
    ],
    ids=[
        "three characters",
        "two characters",
        "two-character surname",
        "two-character surname, four in all",
        "习",
        "a title",
        "a body",
        "no surname",
        "a region name (和平 county)",
        "a region name (中山)",
        "a credit",
        "one character",
        "single surname, four in all",
        "not Han",
    ],
)
def test_looks_like_name(word: str, expected: bool) -> None:
    assert looks_like_name(word) is expected


@pytest.mark.parametrize(
    ("text", "start", "end", "expected"),
    [
        ("得到国务院扶贫办刘永富主任批示", 8, 11, True),
        ("广东省委农办、省扶贫办专职副主任梁健出席", 16, 18, True),
        ("坚持由省委常委兼任农工委主任常态化", 14, 16, False),
    ],
    ids=["name after a body", "name after a title", "a word after a title"],
)
def test_tagged_as_name(text: str, start: int, end: int, expected: bool) -> None:
    assert tagged_as_name(text, start, end) is expected


# ---------------------------------------------------------------- one official per name


def test_first_mention_mentions_and_merged_positions() -> None:
    text = "以习近平同志为核心的党中央。习近平总书记强调，习近平主席指出，习近平总书记说"
    [official] = extract_officials(text)
    assert (official.name, official.start, official.end) == ("习近平", 1, 4)
    assert official.mentions == 4
    assert [p.text for p in official.positions] == ["中共中央总书记", "国家主席"]
    assert [(p.as_written, p.start) for p in official.positions] == [
        ("总书记", 17),
        ("主席", 26),
    ]
    for p in official.positions:
        assert p.start is not None
        assert text[p.start : p.end] == p.as_written


def test_spans_of_officials_and_positions_slice_back() -> None:
    text = "会议由茂名市委副书记陈小绩主持，广东省委农办、省扶贫办专职副主任梁健出席。梁健指出"
    result = extract_officials(text)
    assert [(o.name, o.mentions) for o in result] == [("陈小绩", 1), ("梁健", 2)]
    for official in result:
        assert text[official.start : official.end] == official.name
        for p in official.positions:
            assert text[p.start : p.end] == p.as_written


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "主任",
                "市委书记",
                "刘永富",
                "习近平",
                "、",
                "，",
                "总书记",
                "省",
                "扶贫办",
                "记者",
                " ",
                "\n",
                "王",
                "同志",
            ]
        ),
        max_size=12,
    )
)
def test_no_text_raises_and_spans_hold(parts: list[str]) -> None:
    text = "".join(parts)
    for official in extract_officials(text):
        assert text[official.start : official.end] == official.name
        assert official.mentions == text.count(official.name)
        for p in official.positions:
            if p.start is not None:
                assert text[p.start : p.end] == p.as_written


# ---------------------------------------------------------------- jieba


def test_jieba_stays_private_and_lazy() -> None:
    """Importing loads no jieba; extracting uses a private tokenizer, never the global one."""
    code = (
        "import sys, povertytext as pt;"
        "before = 'jieba' in sys.modules;"
        "pt.extract_officials('国务院扶贫办主任刘永富到会');"
        "import jieba;"
        "print(before, jieba.dt.initialized, '经协办' in jieba.dt.FREQ)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False", "False"]


def test_warmup_loads_the_tokenizer() -> None:
    warmup()
    assert names._load_tokenizer.cache_size() >= 1


# ---------------------------------------------------------------- gold

GOLD = shared_path("gold")
CORPUS = shared_path("corpus")
BYLINE_OFFICIALS = {"梁为东", "陈永华", "陈慧贞", "唐棣邦", "刘志杰"}


def _gold() -> list[tuple[str, dict[str, Any]]]:
    pages = []
    for path in sorted(GOLD.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        pages.append(((CORPUS / gold["file"]).read_text(encoding="utf-8"), gold))
    return pages


def _scores(pages: list[tuple[str, dict[str, Any]]], skip: set[str]) -> dict[str, float]:
    """Name F1, and the share of gold officials found with exactly the gold's positions."""
    true_pos = false_pos = false_neg = exact = 0
    for text, gold in pages:
        wanted = {o["name"]: o for o in gold["officials"] if o["name"] not in skip}
        got = {o.name: o for o in extract_officials(text) if o.name not in skip}
        true_pos += len(wanted.keys() & got.keys())
        false_pos += len(got.keys() - wanted.keys())
        false_neg += len(wanted.keys() - got.keys())
        for name in wanted.keys() & got.keys():
            official, want = got[name], wanted[name]
            texts = {p.text for p in official.positions}
            exact += texts in ({*want["positions"]}, {*want.get("alt_positions", [])})
            assert (official.start, official.end, official.mentions) == (
                want["start"],
                want["end"],
                want["mentions"],
            )
    f1 = 2 * true_pos / (2 * true_pos + false_pos + false_neg)
    return {"f1": f1, "positions": exact / (true_pos + false_neg)}


@pytest.mark.needs_shared("gold", "corpus")
def test_gold_inline_officials(monkeypatch: pytest.MonkeyPatch) -> None:
    """The inline officials (习近平 in every file, 刘永富, 梁健, 陈绩, 崔剑), bylines left out."""
    monkeypatch.setattr(bylines, "find_bylines", lambda _: [])
    scores = _scores(_gold(), skip=BYLINE_OFFICIALS)
    assert scores == {"f1": 1.0, "positions": 1.0}


@pytest.mark.needs_shared("gold", "corpus")
def test_gold_all_officials() -> None:
    """All 14 gold officials, bylines included: F1 ≥ 0.95, exact positions for ≥ 90%."""
    scores = _scores(_gold(), skip=set())
    assert scores["f1"] >= 0.95
    assert scores["positions"] >= 0.90


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "得到国务院扶贫办刘永富 主任的批示肯定。",
            marks=pytest.mark.xfail(strict=True, reason="no gap read between a name and its title"),
            id="space between name and title",
        ),
    ],
)
def test_known_gaps(text: str) -> None:
    assert [o.name for o in extract_officials(text)] in (["习近平"], ["王伟中"], ["刘永富"])


def test_yu_of_guanyu_in_traditional_text_is_no_name() -> None:
    # 於 is missing from OpenCC's one-candidate characters; the supplement reads it as 于
    found = extract_officials("堅持以習近平總書記關於脫貧攻堅的重要講話")
    assert [(o.name, [p.text for p in o.positions]) for o in found] == [
        ("習近平", ["中共中央总书记"])
    ]
