"""parse_quantity and extract_quantities: tables of phenomena, gold spans, properties."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any, NamedTuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import povertytext as pt

from ._shared import shared_path, shared_rows


class Whole(NamedTuple):
    """A quantity read whole by parse_quantity: the test id, its text, what it reads as."""

    id: str
    text: str
    value: str
    unit: str | None
    kind: str
    currency: str | None
    qualifier: str | None
    approximate: bool


WHOLE = [
    Whole("money 亿元", "40.48亿元", "4048000000", "元", "money", "CNY", None, False),
    Whole("money 万元", "6000多万元", "60000000", "元", "money", "CNY", "多", True),
    Whole("people 万人", "6.9万人", "69000", "人", "count", None, None, False),
    Whole("households 万户", "1.2万户", "12000", "户", "count", None, None, False),
    Whole("area 万亩", "1293万亩", "12930000", "亩", "area", None, None, False),
    Whole("mass 万吨", "3万吨", "30000", "吨", "mass", None, None, False),
    Whole("no unit", "24.76万", "247600", None, "count", None, None, False),
    Whole("percent sign", "65%", "65", "%", "percent", None, None, False),
    Whole("百分之", "百分之六十五", "65", "%", "percent", None, None, False),
    Whole("千分之", "千分之三", "0.3", "%", "percent", None, None, False),
    Whole("percentage points", "2.4个百分点", "2.4", "百分点", "percent", None, None, False),
    Whole("成", "三成", "30", "%", "percent", None, None, False),
    Whole("fraction", "三分之一", "0.33333333333333333333", None, "fraction", None, None, False),
    Whole("multiple", "3倍", "3", "倍", "multiple", None, None, False),
    Whole("番", "两番", "2", "番", "multiple", None, None, False),
    Whole("qualifier 约", "约1000万", "10000000", None, "count", None, "约", True),
    Whole("qualifier 近", "近1亿人", "100000000", "人", "count", None, "近", True),
    Whole("qualifier 超过", "超过2000台", "2000", "台", "count", None, "超过", True),
    Whole("qualifier 以上", "65%以上", "65", "%", "percent", None, "以上", True),
    Whole("qualifier 左右", "5年左右", "5", "年", "duration", None, "左右", True),
    Whole("qualifier 余", "2000余元", "2000", "元", "money", "CNY", "余", True),
    Whole("qualifier 不低于", "不低于50%", "50", "%", "percent", None, "不低于", True),
    Whole("dollars", "1200亿美元", "120000000000", "美元", "money", "USD", None, False),
    Whole("块钱", "十块钱", "10", "元", "money", "CNY", None, False),
    Whole("yuan jiao fen", "123元1角1分", "123.11", "元", "money", "CNY", None, False),
    Whole("traditional", "肆佰叁拾萬圓整", "4300000", "元", "money", "CNY", None, False),
    Whole("measure 村", "131条", "131", "条", "count", None, None, False),
    Whole("kilometres", "九百六十多万平方公里", "9600000", "平方公里", "area", None, "多", True),
    Whole("3千多", "3千多", "3000", None, "count", None, "多", True),
    Whole("千米 is a unit, not 千", "12千米", "12", "公里", "length", None, None, False),
    Whole("千克", "2.3千克", "2.3", "公斤", "mass", None, None, False),
    Whole("and a half", "三斤半", "3.5", "斤", "mass", None, None, False),
    Whole("three and a half tenths", "三成半", "35", "%", "percent", None, None, False),
    Whole("a half", "半公升", "0.5", "升", "volume", None, None, False),
    Whole("below zero", "零下四摄氏度", "-4", "摄氏度", "temperature", None, None, False),
    Whole(
        "Fahrenheit prefix", "华氏温度98.6度", "98.6", "华氏度", "temperature", None, None, False
    ),
    Whole("块 零 分", "三块零四", "3.04", "元", "money", "CNY", None, False),
    Whole("毛 then 分", "两毛五", "0.25", "元", "money", "CNY", None, False),
    Whole("fraction of a unit", "四分之一公升", "0.25", "升", "volume", None, None, False),
    Whole("百分之百", "百分之百", "100", "%", "percent", None, None, False),
]


@pytest.mark.parametrize("row", WHOLE, ids=[row.id for row in WHOLE])
def test_parse_quantity(row: Whole) -> None:
    text = row.text
    q = pt.parse_quantity(text)
    assert (q.value, q.unit, q.kind, q.currency, q.qualifier, q.approximate) == (
        Decimal(row.value),
        row.unit,
        row.kind,
        row.currency,
        row.qualifier,
        row.approximate,
    )
    assert (q.start, q.end, q.text) == (0, len(text), text)


RANGES = [
    ("dash", "8-12个", "8", "12", "个"),
    ("至", "8至12个", "8", "12", "个"),
    ("到 with magnitude", "5到10万元", "50000", "100000", "元"),
    ("inherited 万", "两到三万港元", "20000", "30000", "港元"),
    ("colloquial pair", "三五个", "3", "5", "个"),
    ("colloquial 七八十", "七八十人", "70", "80", "人"),
    ("colloquial 一两千", "一两千元", "1000", "2000", "元"),
    ("vague 几十万", "几十万元", "100000", "1000000", "元"),
]


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"), [row[1:] for row in RANGES], ids=[row[0] for row in RANGES]
)
def test_ranges(text: str, low: str, high: str, unit: str) -> None:
    q = pt.parse_quantity(text)
    assert (q.value, q.low, q.high, q.unit, q.approximate) == (
        None,
        Decimal(low),
        Decimal(high),
        unit,
        True,
    )


@pytest.mark.parametrize("text", ["*.**亿元", "**万", "××人", "XX万元"])
def test_masked_numbers_have_no_value(text: str) -> None:
    q = pt.parse_quantity(text)
    assert q.masked
    assert q.value is None
    assert q.low is None


def test_masked_number_in_text_keeps_its_unit() -> None:
    [q] = pt.extract_quantities("投入资金*.**亿元")
    assert (q.text, q.masked, q.value, q.unit, q.currency) == ("*.**亿元", True, None, "元", "CNY")


@pytest.mark.parametrize(
    "text",
    ["两个亿卢布x", "", "   ", "元", "亿万", "第"],
    ids=["trailing letter", "empty", "blank", "unit only", "vague word", "ordinal mark only"],
)
def test_parse_quantity_rejects(text: str) -> None:
    with pytest.raises(pt.PovertyTextError) as error:
        pt.parse_quantity(text)
    assert error.value.code in ("numeral", "quantity")


NOT_QUANTITIES = [
    ("slogan", "实现两不愁三保障"),
    ("plan name", "“十三五”期间"),
    ("plan name bare", "十四五规划"),
    ("congress", "党的十九大以来"),
    ("ordinal", "排在全省第一"),
    ("first secretary", "驻村第一书记"),
    ("idiom", "一鼓作气、千方百计、一脉相承"),
    ("word", "进一步加强，一些地方"),
    ("list marker", "一是加强领导；二是压实责任"),
    ("list marker 、", "二、主要做法"),
    ("year", "2020年12月底"),
    ("date line", "日期:[2020-08-19]"),
    ("indefinite", "推上一个新台阶"),
    ("quoted platform", "“832”平台"),
    ("sectors", "一二三产业融合"),
    ("place", "四川省六盘水市"),
    ("telephone", "新闻热线:010-68251888"),
    ("session", "市委六届六次、七次全会"),
    ("web address", "详见 https://www.example.com/a?q=30%25%2020%"),
    ("title year", "关于脱贫攻坚的心得体会2024\n正文"),
    ("month range", "今年1至10月，共有"),
    ("month range dash", "2020年3-5月"),
]


@pytest.mark.parametrize(
    "text", [row[1] for row in NOT_QUANTITIES], ids=[row[0] for row in NOT_QUANTITIES]
)
def test_not_quantities(text: str) -> None:
    assert pt.extract_quantities(text) == []


def test_extract_keeps_adjacent_qualifiers_and_scope() -> None:
    text = "累计统筹落实帮扶资金40.48亿元，产值突破2万亿元，近1亿人"
    found = [(q.text, q.qualifier) for q in pt.extract_quantities(text)]
    assert found == [("40.48亿元", "累计"), ("2万亿元", "突破"), ("近1亿人", "近")]


def test_currency_word_after_unit_stays_outside_span() -> None:
    [q] = pt.extract_quantities("投入6000多万元人民币")
    assert (q.text, q.value, q.currency) == ("6000多万元", Decimal("60000000"), "CNY")


def test_interval() -> None:
    assert pt.parse_quantity("3000多").interval() == (Decimal(3000), Decimal(4000))
    assert pt.parse_quantity("不足1.9万").interval() == (None, Decimal(19000))
    assert pt.parse_quantity("8-12个").interval() == (Decimal(8), Decimal(12))


def test_extract_numbers_reads_dates_and_ordinals() -> None:
    found = [(q.text, q.value) for q in pt.extract_numbers("二〇〇二年的第一场雪")]
    assert found == [("二〇〇二", Decimal(2002)), ("一场", Decimal(1))]


# ---------------------------------------------------------------- gold

GOLD = shared_path("gold")
CORPUS = shared_path("corpus")
# Measured on the seed gold; the test fails below it (target of the issue: 0.97).
GOLD_F1_RATCHET = 1.0


def _gold_key(item: dict[str, Any]) -> tuple[Any, ...]:
    return (
        item["start"],
        item["end"],
        item.get("value"),
        item.get("value_low"),
        item.get("value_high"),
        item["unit"],
    )


def _our_key(q: pt.Quantity) -> tuple[Any, ...]:
    dump = q.model_dump(mode="json")
    return (q.start, q.end, dump["value"], dump["low"], dump["high"], q.unit)


@pytest.mark.needs_shared("gold", "corpus")
def test_gold_quantities_f1(capsys: pytest.CaptureFixture[str]) -> None:
    true_positive = false_positive = false_negative = 0
    for path in sorted(GOLD.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = (CORPUS / gold["file"]).read_text(encoding="utf-8")
        expected = {_gold_key(item) for item in gold["quantities"]}
        found = {_our_key(q) for q in pt.extract_quantities(text)}
        true_positive += len(expected & found)
        false_positive += len(found - expected)
        false_negative += len(expected - found)
    precision = true_positive / (true_positive + false_positive)
    recall = true_positive / (true_positive + false_negative)
    f1 = 2 * precision * recall / (precision + recall)
    with capsys.disabled():
        print(f"\ngold quantities: P={precision:.3f} R={recall:.3f} F1={f1:.3f}")
    assert f1 >= GOLD_F1_RATCHET


@pytest.mark.parametrize("path", shared_rows(sorted(GOLD.glob("*.json"))), ids=lambda p: p.stem[:3])
@pytest.mark.needs_shared("gold", "corpus")
def test_gold_non_quantities_are_not_reported(path: Any) -> None:
    gold = json.loads(path.read_text(encoding="utf-8"))
    text = (CORPUS / gold["file"]).read_text(encoding="utf-8")
    spans = [(q.start, q.end) for q in pt.extract_quantities(text)]
    for item in gold["non_quantities"]:
        overlapping = [s for s in spans if s[0] < item["end"] and item["start"] < s[1]]
        assert not overlapping, item["text"]


# ---------------------------------------------------------------- properties


@given(st.text())
@settings(max_examples=300)
def test_extractors_never_raise_and_spans_slice_back(text: str) -> None:
    for q in [*pt.extract_quantities(text), *pt.extract_numbers(text)]:
        assert text[q.start : q.end] == q.text


numeral_soup = st.text(
    alphabet="0123456789.,-~至到万亿千百十一二两三四五六七八九零点分之负多余个元%年月日第*×",
    max_size=60,
)


@given(numeral_soup)
@settings(max_examples=500)
def test_numeral_soup_never_raises(text: str) -> None:
    for q in pt.extract_quantities(text):
        assert text[q.start : q.end] == q.text


@pytest.mark.parametrize(
    "text",
    [
        "1" * 1_000_000,
        "万" * 100_000,
        "点十" * 50_000,
        "一二" * 50_000,
        "1," * 50_000,
        "*" * 100_000,
        "十分之" * 30_000,
    ],
    ids=["million digits", "万万万", "点十点十", "digit pairs", "separators", "masks", "分之"],
)
def test_adversarial_inputs_finish(text: str) -> None:
    """Each finishes in linear time (a quadratic reader would not finish at these sizes)."""
    found = pt.extract_quantities(text)
    assert all(text[q.start : q.end] == q.text for q in found)


def test_import_loads_no_table_and_no_jieba() -> None:
    """``import povertytext`` stays light: tables load on first use, jieba not at all."""
    import subprocess
    import sys

    code = (
        "import sys, povertytext, povertytext._data as d;"
        "print(d.read_table.cache_size(), 'jieba' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["0", "False"]


# ---------------------------------------------------------------- issue 11: grammar rules

# id, text, [(span, value or (low, high), unit)]
EXTRACTED = [
    ("份", "双方共签下协议12份", [("12份", "12", "份")]),
    ("款 and 种", "上架茶叶9款、菌菇60多种", [("9款", "9", "款"), ("60多种", "60", "种")]),
    ("口 counts wells", "新打机井8口", [("8口", "8", "口")]),
    ("载 is years", "携手走过十五载", [("十五载", "15", "年")]),
    ("批次", "先后5批次组团", [("5批次", "5", "批次")]),
    ("部门", "七部门联合发文", [("七部门", "7", "部门")]),
    ("县区", "覆盖全市十一县区", [("十一县区", "11", "县区")]),
    ("縣市 traditional", "涉及六縣市", [("六縣市", "6", "县市")]),
    ("千伏 is a unit", "新建线路220千伏", [("220千伏", "220", "千伏")]),
    ("平方千米 kept", "面积3.2万平方千米", [("3.2万平方千米", "32000", "平方千米")]),
    ("个多月", "用了两个多月", [("两个多月", "2", "月")]),
    ("个多小时", "车程三个多小时", [("三个多小时", "3", "小时")]),
    ("个小时 is 小时", "培训48个小时", [("48个小时", "48", "小时")]),
    ("大类", "分为6大类", [("6大类", "6", "类")]),
    ("一两 before a measure word", "每村派一两名", [("一两名", ("1", "2"), "名")]),
    ("line break before 万", "面积2.5\n万亩", [("2.5\n万亩", "25000", "亩")]),
    ("line break before the unit", "共有14\n个村", [("14\n个", "14", "个")]),
    ("Chinese digit, line break", "与六\n部门会商", [("六\n部门", "6", "部门")]),
    ("line break after 多亿", "损失300多亿\n元。", [("300多亿\n元", "30000000000", "元")]),
    ("签约 is no 约", "签约17个项目", [("17个", "17", "个")]),
    ("appositive count", "甘肃、青海两省", [("两省", "2", "省")]),
    ("compact list", "川滇黔三省交界", [("三省", "3", "省")]),
    ("上万", "吸引上万名游客", [("上万名", "10000", "名")]),
    ("近千", "搬迁近千户", [("近千户", "1000", "户")]),
    ("过亿", "年产值过亿元", [("过亿元", "100000000", "元")]),
    ("超亿", "三个超亿元项目", [("三个", "3", "个"), ("超亿元", "100000000", "元")]),
    ("不过万", "单笔不过万元", [("不过万元", "10000", "元")]),
    ("千万以上", "每县投入千万以上", [("千万以上", "10000000", None)]),
    ("上百", "人均上百元", [("上百元", "100", "元")]),
    ("千余", "修复水毁千余处", [("千余处", "1000", "处")]),
    ("数十 is a range", "吸纳数十户", [("数十户", ("10", "100"), "户")]),
    ("余 inside a decimal", "捐赠12.5余万元", [("12.5余万元", "125000", "元")]),
    ("个亿 after digits", "总投资5个亿", [("5个亿", "500000000", None)]),
    ("多 then 万 after 亿", "约2亿4千多万", [("约2亿4千多万", "240000000", None)]),
    (
        "spaces inside",
        "约 25 公里、600 多米",
        [("约 25 公里", "25", "公里"), ("600 多米", "600", "米")],
    ),
    (
        "two amounts by 到",
        "月薪从两千多到四五千",
        [("两千多", "2000", None), ("四五千", ("4000", "5000"), None)],
    ),
    ("一 in a rate", "每8户就有一户", [("8户", "8", "户"), ("一户", "1", "户")]),
    ("一 in a frequency", "每季度开展一次", [("一次", "1", "次")]),
    ("每一个 is no count", "每一个村都通了路", []),
    ("一 beside another count", "一名组长、三名组员", [("一名", "1", "名"), ("三名", "3", "名")]),
    ("半 with a time noun", "每半年轮换，培训半天", [("半年", "0.5", "年"), ("半天", "0.5", "天")]),
    ("一番多 after 翻", "收入翻了一番多", [("一番多", "1", "番")]),
    ("年多", "坚持了三年多", [("三年多", "3", "年")]),
    ("块 of land", "流转三块地", [("三块", "3", "块")]),
    ("块 of money", "每斤涨了两块", [("两块", "2", "元")]),
    ("masked count", "覆盖X个乡镇", [("X个", None, "个")]),
    ("masked with a space", "带动XX 多万人", [("XX 多万人", None, "人")]),
    ("两三 before a measure word", "每户养两三头", [("两三头", ("2", "3"), "头")]),
    ("两三 before 万", "年增收两三万元", [("两三万元", ("20000", "30000"), "元")]),
    ("多 then 万 without a unit", "惠及一百多万", [("一百多万", "1000000", None)]),
    ("个 between a count and 万亩", "建成3个万亩基地", [("3个", "3", "个")]),
    ("半个多月", "停工半个多月", [("半个多月", "0.5", "月")]),
    ("zero reached", "失学率降为零。", [("零", "0", None)]),
    ("春秋 is years", "走过十五个春秋", [("十五个春秋", "15", "年")]),
    ("过 before an age", "年过七旬仍在劳动", [("过七旬", "7", "旬")]),
    ("以内", "半径3公里以内", [("3公里以内", "3", "公里")]),
    (
        "traditional 餘",
        "吸納二十餘家企業、300餘萬元",
        [("二十餘家", "20", "家"), ("300餘萬元", "3000000", "元")],
    ),
    ("traditional 個多月", "歷時兩個多月", [("兩個多月", "2", "月")]),
]


@pytest.mark.parametrize(
    ("text", "expected"), [row[1:] for row in EXTRACTED], ids=[row[0] for row in EXTRACTED]
)
def test_extracted_quantities(text: str, expected: list[tuple[str, Any, str | None]]) -> None:
    found = []
    for q in pt.extract_quantities(text):
        got = q.value if q.value is not None else (q.low, q.high)
        found.append((q.text, None if q.masked else got, q.unit))
    want: list[tuple[str, object, str | None]] = []
    for span, value, unit in expected:
        if value is None:
            want.append((span, None, unit))
        elif isinstance(value, tuple):
            want.append((span, (Decimal(value[0]), Decimal(value[1])), unit))
        else:
            want.append((span, Decimal(value), unit))
    assert found == want


NOT_AMOUNTS_11 = [
    ("back-reference 两省区", "会后两省区签署协议"),
    ("back-reference 两市", "陕鲁两市共建园区"),
    ("back-reference at clause start", "此后，三县联合行动"),
    ("footnote marker", "完成改造任务 [2]"),
    ("hotline", "拨打12345热线"),
    ("generation", "不少80后返乡"),
    ("road number", "沿着省道203线"),
    ("issue number", "农村经济 2019年8期"),
    ("phase", "启动三期工程"),
    ("clock time", "晚上9点多钟到达"),
    ("clock time after a part of day", "下午3点召开"),
    ("二次 is an ordinal", "防止二次塌方"),
    ("date with layout spaces", "2019 年 7 月 3 日"),
    ("masked year", "****年脱贫"),
    ("masked year in letters", "xx年工作总结"),
    ("masked township", "××乡党委"),
    ("masked county", "XX县人民政府"),
    ("千万 is an adverb", "千万不要松懈"),
    ("一番 is an article", "经过一番努力"),
    ("上半年", "上半年完成"),
    ("一块 as an article", "啃下一块硬骨头"),
    ("idiom 一亩三分地", "守着一亩三分地"),
    ("idiom 两篇文章", "做好两篇文章"),
    ("一体化", "推进一体化发展"),
    ("clock time with a colon", "上午8:30集合"),
    ("year of a document number", "按照政办发〔2019〕"),
    ("postcode", "(某某学院,四川 成都 610000)"),
    ("name 三省一市", "长三角三省一市"),
    ("count after a demonstrative", "这三个村率先脱贫"),
]


@pytest.mark.parametrize(
    "text", [row[1] for row in NOT_AMOUNTS_11], ids=[row[0] for row in NOT_AMOUNTS_11]
)
def test_not_amounts_issue_11(text: str) -> None:
    assert [q.text for q in pt.extract_quantities(text)] == []


def test_masked_fraction() -> None:
    [q] = pt.extract_quantities("完成率X/X")
    assert (q.text, q.masked, q.value, q.kind) == ("X/X", True, None, "fraction")


def test_bare_magnitude_keeps_its_qualifier() -> None:
    [q] = pt.extract_quantities("惠及上万名群众")
    assert (q.qualifier, q.approximate, q.interval()) == ("上", True, (Decimal(10000), None))


# ---------------------------------------------------------------- exact, whatever the context


def test_interval_and_base_unit_ignore_the_callers_context() -> None:
    from decimal import Context, localcontext

    from povertytext.quantities import to_base_unit

    with localcontext(Context(prec=3)):
        assert pt.parse_quantity("3000多欧元").interval() == (Decimal(3000), Decimal(4000))
        assert pt.parse_quantity("123456789多元").interval()[1] == Decimal(123456790)
        assert to_base_unit(pt.parse_quantity("1293.12345万亩")) == ("Mu", Decimal("12931234.5"))


def test_a_quantity_beyond_the_limits_is_an_error() -> None:
    with pytest.raises(pt.NumeralError, match="exponent beyond the limit"):
        pt.parse_quantity("10^999999999元")


# ---------------------------------------------------------------- arguments and serialization

BAD_ARGUMENTS = [
    ("reference of no date", lambda: pt.extract_dates("今年", reference=5)),  # type: ignore[arg-type]
    ("source of no str", lambda: pt.parse("x", source=5)),  # type: ignore[arg-type]
    ("source of bytes", lambda: pt.parse("x", source=b"x")),  # type: ignore[arg-type]
    ("processes of a str", lambda: pt.parse_many(["a", "b"], processes="2")),  # type: ignore[arg-type]
    ("processes of a bool", lambda: pt.parse_many(["a", "b"], processes=True)),
    ("chunksize of zero", lambda: pt.parse_many(["a", "b"], chunksize=0)),
]


@pytest.mark.parametrize(
    "call", [row[1] for row in BAD_ARGUMENTS], ids=[row[0] for row in BAD_ARGUMENTS]
)
def test_bad_keyword_arguments_are_usage_errors(call: Any) -> None:
    with pytest.raises(pt.UsageError):
        call()


def test_a_lone_surrogate_is_escaped_in_json() -> None:
    page = pt.parse("投入\ud800帮扶资金3000万元。")
    dumped = page.model_dump_json()
    assert "\\ud800" in dumped
    assert json.loads(dumped)["text"] == page.text
    assert json.loads(page.model_dump_json(indent=2)) == json.loads(dumped)


# ---------------------------------------------------------------- signs

SIGNED = [
    ("minus after a word", "同比-12.3%", "-12.3%", "-12.3"),
    ("minus before 万元", "利润-500万元", "-500万元", "-5000000"),
    ("minus before degrees", "气温-3℃", "-3℃", "-3"),
    ("minus after 增长", "增长-5%", "-5%", "-5"),
    ("minus after 温度 (no unit there)", "温度-3℃", "-3℃", "-3"),
    ("minus after 为", "增速为-2.1%", "-2.1%", "-2.1"),
    ("负 after a word", "同比负12%", "负12%", "-12"),
    ("下降 keeps its meaning", "同比下降5%", "5%", "5"),
]


@pytest.mark.parametrize(
    ("text", "span", "value"), [row[1:] for row in SIGNED], ids=[row[0] for row in SIGNED]
)
def test_a_minus_is_read_wherever_it_stands(text: str, span: str, value: str) -> None:
    assert [(q.text, q.value) for q in pt.extract_quantities(text)] == [(span, Decimal(value))]


DASHES = [
    ("digit range", "8-12个", "8", "12"),
    ("range of units", "5万元-8万元", "50000", "80000"),
    ("range of counts", "3个-5个", "3", "5"),
]


@pytest.mark.parametrize(
    ("text", "low", "high"), [row[1:] for row in DASHES], ids=[row[0] for row in DASHES]
)
def test_a_dash_between_numbers_stays_a_range(text: str, low: str, high: str) -> None:
    [q] = pt.extract_quantities(text)
    assert (q.low, q.high, q.value) == (Decimal(low), Decimal(high), None)


@pytest.mark.parametrize("text", ["3号-1", "2020年-2025年", "电话010-68251888"])
def test_a_joining_dash_is_no_sign(text: str) -> None:
    assert all(q.value is None or q.value >= 0 for q in pt.extract_quantities(text))
