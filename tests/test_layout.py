"""Layout: ``parse`` splits a page into speeches, articles and essays.

Each form of page is a small text of our own below; the shared corpus and its
gold are tested end to end in ``test_gold_documents.py``.
"""

from __future__ import annotations

import pickle

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import povertytext as pt
from povertytext.bylines import find_authors, find_bylines, lines_of, source_of_role

TWO_SPEECHES = (
    "\n\n加快产业发展 巩固脱贫成果\n\n韶关\n\n\n王建国\n\n韶关市委农办主任\n市扶贫办主任\n\n"
    "韶关坚持产业带动，全市累计投入帮扶资金3.5亿元。\n\n韶关将继续努力。\n\n"
    "做好有效衔接 推进乡村振兴\n\n湛江\n\n李明华\n\n湛江市扶贫办主任\n\n"
    "湛江全年实现1.2万人稳定就业。\n\n湛江的工作还要加强。\n"
)

TWO_COLUMNS = (
    "攻坚克难再出发\n\n潮州\n\n张志强\n\n潮州市扶贫办主任\n\n"
    "奋力书写新篇章\n\n汕尾\n\n陈海燕\n\n汕尾市委农办主任、市扶贫办主任\n\n"
    "一年来，潮州全市上下齐心协力，潮州的帮扶工作成效明显。\n\n"
    "潮州还将继续巩固成果。\n\n"
    "汕尾坚持精准方略，汕尾全市脱贫人口稳定增收。\n\n"
    "展望未来，汕尾将奋力书写新篇章。\n"
)

NEWS = (
    "站内搜索:\n产业扶贫推进会召开(2)\n日期:[2020-09-01]  版次:[A05]\n"
    "■9月1日,与会代表参观产业园。\n\n会议在梅州召开\n\n"
    "9月1日,全省产业扶贫推进会在梅州召开。今年以来,全省新增就业2万人。\n\n"
    "■采写:南方日报记者 黄志明\n\n会议要求继续努力。\n\n"
    "分享到:\n  以上内容版权均属本报所有,未经授权不得转载。\n"
)

MAGAZINE = (
    "聚焦能力提升 推进乡村振兴\n"
    "时间: 来源:农村工作通讯-中国农村网 作者:河南省委农办主任、省农业农村厅厅长□ 赵国强 字号:【\n\n"
    "  河南是农业大省。全省脱贫攻坚取得全面胜利。\n\n  我们将继续努力。\n\n"
    "责任编辑:周丽\n中国农村杂志社| 关于本网| 版权声明| 联系我们|\n"
)

ESSAY = "脱贫攻坚心得体会(通用5篇)\n脱贫攻坚是一场硬仗。要坚持精准方略。\n乡村振兴要久久为功。\n"


def name_of(item: pt.Region | pt.Official | None) -> str | None:
    return None if item is None else item.name


def kinds(page: pt.Page) -> list[str]:
    return [d.kind for d in page.documents]


def test_signed_speeches_one_after_the_other() -> None:
    page = pt.parse(TWO_SPEECHES)
    assert kinds(page) == ["speech", "speech"]
    first, second = page.documents
    assert first.title == "加快产业发展 巩固脱贫成果"
    assert name_of(first.region) == "韶关市"
    assert name_of(first.speaker) == "王建国"
    assert first.body(TWO_SPEECHES).startswith("韶关坚持产业带动")
    assert first.body(TWO_SPEECHES).endswith("韶关将继续努力。")
    assert second.title == "做好有效衔接 推进乡村振兴"
    assert name_of(second.speaker) == "李明华"
    assert second.body(TWO_SPEECHES) == "湛江全年实现1.2万人稳定就业。\n\n湛江的工作还要加强。"
    assert [q.text for q in first.quantities] == ["3.5亿元"]
    assert [q.text for q in second.quantities] == ["1.2万人"]


def test_two_column_page_matches_bodies_to_headers_in_order() -> None:
    page = pt.parse(TWO_COLUMNS)
    assert kinds(page) == ["speech", "speech"]
    chaozhou, shanwei = page.documents
    assert name_of(chaozhou.region) == "潮州市"
    assert chaozhou.body(TWO_COLUMNS).startswith("一年来，潮州")
    assert chaozhou.body(TWO_COLUMNS).endswith("潮州还将继续巩固成果。")
    assert name_of(shanwei.region) == "汕尾市"
    assert shanwei.body(TWO_COLUMNS).startswith("汕尾坚持精准方略")
    assert shanwei.title == "奋力书写新篇章"


def test_news_article_with_date_line_caption_credit_and_footer() -> None:
    page = pt.parse(NEWS)
    assert kinds(page) == ["article"]
    (article,) = page.documents
    assert article.title == "产业扶贫推进会召开"  # the part marker (2) is left out
    assert article.date == "2020-09-01"
    assert article.source == "南方日报"
    assert article.speaker is None
    assert [(a.text, a.role) for a in article.authors] == [("黄志明", "南方日报记者")]
    assert article.body(NEWS).startswith("9月1日,全省产业扶贫推进会")
    assert article.body(NEWS).endswith("会议要求继续努力。")


def test_news_article_resolves_relative_dates_with_its_date_line() -> None:
    page = pt.parse(NEWS)
    this_year = [d for d in page.documents[0].dates if d.text == "今年"]
    assert [d.resolved for d in this_year] == ["2020"]


def test_magazine_article_author_field_gives_the_speaker() -> None:
    page = pt.parse(MAGAZINE)
    (article,) = page.documents
    assert article.kind == "article"
    assert article.title == "聚焦能力提升 推进乡村振兴"
    assert article.source == "农村工作通讯"
    assert name_of(article.speaker) == "赵国强"
    assert name_of(article.region) == "河南省"
    body = "河南是农业大省。全省脱贫攻坚取得全面胜利。\n\n  我们将继续努力。"
    assert article.body(MAGAZINE) == body


def test_report_with_a_date_line_alone_is_a_dated_article() -> None:
    text = "全省脱贫攻坚取得决定性成就\n\n2020年12月31日\n\n今年以来，全省新增就业2万人。\n"
    (document,) = pt.parse(text).documents
    assert (document.kind, document.title, document.date) == (
        "article",
        "全省脱贫攻坚取得决定性成就",
        "2020-12-31",
    )
    assert document.body(text) == "今年以来，全省新增就业2万人。"
    assert [d.resolved for d in document.dates] == ["2020"]


@pytest.mark.parametrize(
    "byline",
    [
        pytest.param("王建国 韶关市委农办主任、市扶贫办主任", id="name-then-positions"),
        pytest.param("韶关市委农办主任、市扶贫办主任　王建国", id="positions-then-name"),
        pytest.param("王建国（韶关市委农办主任、市扶贫办主任）", id="positions-in-brackets"),
    ],
)
def test_byline_on_one_line(byline: str) -> None:
    text = f"加快产业发展\n\n{byline}\n\n韶关坚持产业带动，全市累计投入帮扶资金3.5亿元。\n"
    (speech,) = pt.parse(text).documents
    assert (speech.kind, speech.title, name_of(speech.speaker)) == (
        "speech",
        "加快产业发展",
        "王建国",
    )
    assert speech.speaker is not None
    assert [p.text for p in speech.speaker.positions] == ["韶关市委农办主任", "韶关市扶贫办主任"]
    assert name_of(speech.region) == "韶关市"
    assert speech.body(text).startswith("韶关坚持")


def test_closing_signature_signs_the_text_above() -> None:
    text = (
        "致全市扶贫干部的一封信\n\n同志们：全市累计投入资金3亿元。\n\n谢谢大家。\n\n"
        "韶关市委书记 王建国\n2020年12月\n"
    )
    (document,) = pt.parse(text).documents
    assert document.kind == "essay"
    assert name_of(document.speaker) == "王建国"
    assert name_of(document.region) == "韶关市"
    assert document.body(text).endswith("谢谢大家。")


def test_a_name_opening_a_body_line_is_no_byline() -> None:
    text = "会议由县长王强主持。\n\n王强 指出，要抓好落实。\n"
    (document,) = pt.parse(text).documents
    assert (document.kind, document.speaker) == ("essay", None)


def test_article_below_site_navigation() -> None:
    text = (
        "首页\n新闻中心\n扶贫动态\n图片新闻\n视频\n专题\n当前位置：首页 > 扶贫动态 > 正文\n\n"
        "全县脱贫攻坚推进会召开\n发布时间：2020-09-01 10:20  来源：县扶贫办\n\n"
        "9月1日，全县脱贫攻坚推进会召开。\n\n上一篇：脱贫攻坚简报\n下一篇：乡村振兴简报\n"
    )
    (article,) = pt.parse(text).documents
    assert (article.kind, article.title, article.date, article.source) == (
        "article",
        "全县脱贫攻坚推进会召开",
        "2020-09-01",
        "县扶贫办",
    )
    assert article.body(text) == "9月1日，全县脱贫攻坚推进会召开。"


def test_several_dated_articles_on_one_page() -> None:
    text = (
        "产业扶贫推进会召开\n日期:[2020-09-01]  版次:[A05]\n\n全省新增就业2万人。\n\n"
        "消费扶贫月启动\n日期:[2020-09-02]  版次:[A06]\n\n全省销售扶贫产品3亿元。\n\n分享到:\n"
    )
    page = pt.parse(text)
    assert [(d.kind, d.title, d.date) for d in page.documents] == [
        ("article", "产业扶贫推进会召开", "2020-09-01"),
        ("article", "消费扶贫月启动", "2020-09-02"),
    ]
    assert [d.body(text) for d in page.documents] == [
        "全省新增就业2万人。",
        "全省销售扶贫产品3亿元。",
    ]
    assert [[q.text for q in d.quantities] for d in page.documents] == [["2万人"], ["3亿元"]]


def test_writer_credit_with_a_slash_makes_an_article() -> None:
    text = "乡村振兴的几点思考\n文/王建国\n\n乡村振兴是一项系统工程。\n"
    (document,) = pt.parse(text).documents
    assert (document.kind, document.title) == ("article", "乡村振兴的几点思考")
    assert [(a.text, a.role) for a in document.authors] == [("王建国", "文")]
    assert document.body(text) == "乡村振兴是一项系统工程。"


def test_credit_that_opens_the_first_paragraph_stays_in_the_body() -> None:
    text = "本报讯（记者 李华 通讯员 张明）近日，全县召开推进会。\n会议指出，要巩固成果。\n"
    (document,) = pt.parse(text).documents
    assert document.kind == "article"
    assert [a.text for a in document.authors] == ["李华", "张明"]
    assert document.body(text).startswith("本报讯")
    assert document.body(text).endswith("要巩固成果。")


def test_compilation_without_headers_is_one_essay() -> None:
    page = pt.parse(ESSAY)
    (essay,) = page.documents
    assert essay.kind == "essay"
    assert essay.title == "脱贫攻坚心得体会(通用5篇)"
    assert essay.speaker is None
    assert essay.body(ESSAY).startswith("脱贫攻坚是一场硬仗")
    assert essay.body(ESSAY).endswith("久久为功。")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("", [], id="empty"),
        pytest.param(" \n\n\t\n", [], id="white-space-only"),
        pytest.param("全县脱贫3000户。", [("essay", None)], id="one-sentence-no-title"),
        pytest.param(
            "一段没有任何署名的文字，讲的是扶贫。\n第二段也没有。\n",
            [("essay", None)],
            id="no-byline-no-title",
        ),
    ],
)
def test_text_without_layout(text: str, expected: list[tuple[str, str | None]]) -> None:
    page = pt.parse(text)
    assert [(d.kind, d.title) for d in page.documents] == expected
    for document in page.documents:
        assert document.speaker is None
        assert document.body(text).strip() == document.body(text)


def test_every_span_slices_back_and_lies_in_its_body() -> None:
    for text in (TWO_SPEECHES, TWO_COLUMNS, NEWS, MAGAZINE, ESSAY):
        page = pt.parse(text, source="x.txt")
        assert page.source == "x.txt"
        assert page.length == len(text)
        for document in page.documents:
            if document.title is not None:
                assert text[document.title_start : document.title_end] == document.title
            for item in (*document.quantities, *document.dates, *document.regions):
                assert text[item.start : item.end] == item.text
                assert document.body_start <= item.start <= item.end <= document.body_end


@pytest.mark.parametrize(
    "footer",
    [
        pytest.param("分享到:", id="share"),
        pytest.param("（责任编辑：张华）", id="editor-in-brackets"),
        pytest.param("责任编辑:周丽", id="editor"),
        pytest.param("关于本网| 版权声明| 联系我们|", id="site-navigation"),
        pytest.param("京ICP备14010675号-1", id="licence"),
        pytest.param("以上内容版权均属本报所有,未经授权不得转载。", id="copyright"),
    ],
)
def test_page_chrome_at_the_end_is_not_body(footer: str) -> None:
    text = f"标题\n日期:[2020-09-01]\n\n正文第一段。\n\n正文最后一段。\n\n{footer}\n"
    (document,) = pt.parse(text).documents
    assert document.body(text) == "正文第一段。\n\n正文最后一段。"


def test_page_pickles_and_survives_json() -> None:
    page = pt.parse(TWO_SPEECHES, source="speeches.txt")
    assert pickle.loads(pickle.dumps(page)) == page
    assert pt.Page.model_validate_json(page.model_dump_json()) == page


# --- articles, essays and what makes a page published (issue 11) ---------------------------

_BODY = "近日，全县召开消费扶贫推进会，销售扶贫产品3000万元。\n\n会议要求继续努力。"


@pytest.mark.parametrize(
    ("text", "title", "source"),
    [
        pytest.param(f"全县推进会召开\n\n本报讯 {_BODY}\n", "全县推进会召开", None,
                     id="titled-own-lead"),
        pytest.param(f"本报讯（记者 李华）{_BODY}\n", None, None, id="untitled-own-lead"),
        pytest.param(f"新华社北京9月1日电 {_BODY}\n", None, "新华社", id="untitled-wire"),
        pytest.param(f"扶贫见实效\n中新社广州十月八日电（记者 王明）{_BODY}\n", "扶贫见实效",
                     "中新社", id="titled-wire-chinese-date"),
        pytest.param(f"全县推进会召开\n\n{_BODY}\n\n来源：韶关日报\n", "全县推进会召开",
                     None, id="source-line-at-the-end"),
        pytest.param(f"全县推进会召开\n\n{_BODY}\n\n（记者 李华 通讯员 张明）\n",
                     "全县推进会召开", None, id="credit-at-the-end"),
    ],
)  # fmt: skip
def test_news_items_without_a_date_line_are_articles(
    text: str, title: str | None, source: str | None
) -> None:
    (document,) = pt.parse(text).documents
    assert (document.kind, document.title, document.source) == ("article", title, source)
    assert "销售扶贫产品3000万元" in document.body(text)
    assert [q.text for q in document.quantities] == ["3000万元"]


def test_a_text_with_no_sign_of_publication_stays_an_essay() -> None:
    text = f"全县召开消费扶贫推进会\n\n{_BODY}\n"
    (document,) = pt.parse(text).documents
    assert (document.kind, document.title) == ("essay", "全县召开消费扶贫推进会")


@pytest.mark.parametrize(
    "chrome",
    [
        "当前位置:首页>正文",
        "首页",
        "打印",
        "【打 印】",
        "返回",
        "【关闭窗口】",
        "字号 大 中 小",
        "分享到：微信 微博",
        "【打印】 【返回】 【关闭窗口】",
    ],
)
def test_site_chrome_is_never_a_title(chrome: str) -> None:
    text = (
        f"乡村振兴推进会召开\n{chrome}\n发布时间：2020-09-01\n\n"
        f"9月1日，全县召开推进会。\n\n{chrome}\n"
    )
    (article,) = pt.parse(text).documents
    assert (article.kind, article.title, article.date) == (
        "article",
        "乡村振兴推进会召开",
        "2020-09-01",
    )
    assert article.body(text) == "9月1日，全县召开推进会。"


@pytest.mark.parametrize(
    "chrome", ["首页 > 新闻中心 > 正文", "【打 印】【关闭窗口】", "字号 大 中 小"]
)
def test_chrome_above_an_article_without_date_is_no_title(chrome: str) -> None:
    text = f"{chrome}\n本报讯 全县召开推进会，销售扶贫产品3000万元。\n"
    (article,) = pt.parse(text).documents
    assert (article.kind, article.title) == ("article", None)


@pytest.mark.parametrize(
    "subtitle",
    [
        "——2021年1月20日在韶关市第十五届人民代表大会第一次会议上",
        "（2021年1月20日在韶关市第十五届人民代表大会第一次会议上）",
        "在全市脱贫攻坚总结表彰大会上的讲话",
    ],
)
def test_a_reports_header_is_its_subtitle_not_its_title(subtitle: str) -> None:
    text = (
        f"政府工作报告\n{subtitle}\n韶关市市长 王建国\n\n"
        "各位代表：现在，我代表市人民政府向大会报告工作。全市累计投入帮扶资金3亿元。\n"
    )
    (speech,) = pt.parse(text).documents
    assert (speech.kind, speech.title, name_of(speech.speaker)) == (
        "speech",
        "政府工作报告",
        "王建国",
    )
    assert speech.body(text).startswith("各位代表")


_FILLER = "会议强调，要巩固拓展脱贫攻坚成果，做好与乡村振兴的有效衔接，让群众生活更加美好。"


def test_one_line_page_yields_its_speech() -> None:
    text = (
        "加快产业发展 巩固脱贫成果 韶关 王建国 韶关市委农办主任 市扶贫办主任 "
        "韶关坚持产业带动，全市累计投入帮扶资金3.5亿元，带动2万名贫困群众稳定增收。" + _FILLER * 2
    )
    assert "\n" not in text
    (speech,) = pt.parse(text).documents
    assert (speech.kind, speech.title, name_of(speech.speaker), name_of(speech.region)) == (
        "speech",
        "加快产业发展 巩固脱贫成果",
        "王建国",
        "韶关市",
    )
    assert speech.body(text).startswith("韶关坚持产业带动")
    assert speech.body(text).endswith("更加美好。")
    assert [q.text for q in speech.quantities] == ["3.5亿元", "2万名"]


def test_one_line_page_yields_its_article() -> None:
    text = (
        "当前位置：首页 > 扶贫动态 > 正文 全县脱贫攻坚推进会召开 发布时间：2020-09-01 10:20 "
        "来源：县扶贫办 9月1日，全县脱贫攻坚推进会召开。今年以来全县新增就业2万人。"
        + _FILLER * 2
        + " 责任编辑：张华 【打印】 【关闭窗口】"
    )
    (article,) = pt.parse(text).documents
    assert (article.kind, article.title, article.date, article.source) == (
        "article",
        "全县脱贫攻坚推进会召开",
        "2020-09-01",
        "县扶贫办",
    )
    assert article.body(text).startswith("9月1日，全县")
    assert article.body(text).endswith("更加美好。")
    assert [d.resolved for d in article.dates if d.text == "今年"] == ["2020"]


def test_short_one_line_text_stays_whole() -> None:
    text = "王强 县委书记 全县累计投入帮扶资金3亿元。"
    (document,) = pt.parse(text).documents
    assert document.kind == "essay"
    assert document.body(text) == text


@pytest.mark.parametrize(
    "meta",
    [
        "来源：韶关日报 作者：李华",
        "作者：李华 来源：韶关日报",
        "发布时间：2020-09-01 来源：韶关日报",
    ],
)
def test_meta_line_run_into_the_first_paragraph_keeps_it_in_the_body(meta: str) -> None:
    text = (
        f"全县召开消费扶贫推进会\n{meta} 近日，全县召开推进会，销售扶贫产品3000万元。\n"
        "会议要求继续努力。\n"
    )
    (article,) = pt.parse(text).documents
    assert (article.kind, article.title, article.source) == (
        "article",
        "全县召开消费扶贫推进会",
        "韶关日报",
    )
    assert article.body(text) == "近日，全县召开推进会，销售扶贫产品3000万元。\n会议要求继续努力。"
    assert "李华" not in article.body(text)


def test_run_in_paragraph_that_is_the_whole_body() -> None:
    text = "全县推进会召开\n来源：韶关日报 作者：李华 近日，全县召开推进会。\n\n分享到：\n"
    (article,) = pt.parse(text).documents
    assert article.body(text) == "近日，全县召开推进会。"
    assert [a.text for a in article.authors] == ["李华"]


def test_reprint_and_related_stories_are_several_articles() -> None:
    text = (
        "全县脱贫攻坚推进会召开\n来源：人民日报 2020-09-01\n\n"
        "9月1日，全县脱贫攻坚推进会召开，全县新增就业2万人。\n\n会议要求继续努力。\n\n"
        "【相关阅读】\n\n消费扶贫月启动\n全省销售扶贫产品3亿元。\n\n"
        "产业扶贫见实效\n本报讯 全省新增产业园20个。\n\n新闻推荐\n\n"
        "就业帮扶再加力\n全省新增就业5万人。\n\n分享到：\n"
    )
    page = pt.parse(text)
    assert [(d.kind, d.title, d.date, d.source) for d in page.documents] == [
        ("article", "全县脱贫攻坚推进会召开", "2020-09-01", "人民日报"),
        ("article", "消费扶贫月启动", None, None),
        ("article", "产业扶贫见实效", None, None),
        ("article", "就业帮扶再加力", None, None),
    ]
    assert [d.body(text) for d in page.documents] == [
        "9月1日，全县脱贫攻坚推进会召开，全县新增就业2万人。\n\n会议要求继续努力。",
        "全省销售扶贫产品3亿元。",
        "本报讯 全省新增产业园20个。",
        "全省新增就业5万人。",
    ]


def test_feed_of_articles_with_issue_lines() -> None:
    stories = [
        ("全县脱贫攻坚推进会召开", "李华", "全县新增就业2万人。", "2020年09月01日 第05版"),
        (
            "消费扶贫月启动",
            "王明",
            "全省销售扶贫产品3亿元。\n活动持续一个月。",
            "2020年09月02日 06版",
        ),
        ("产业扶贫见实效", "张强", "全省新增产业园20个。", "2020年9月3日 第4版"),
    ]
    text = "".join(
        f"{title}\n作者：{author}\n{body}\n《人民日报》（{issue}）\n"
        for title, author, body, issue in stories
    )
    page = pt.parse(text)
    assert [(d.kind, d.title, d.date, d.source) for d in page.documents] == [
        ("article", "全县脱贫攻坚推进会召开", "2020-09-01", "人民日报"),
        ("article", "消费扶贫月启动", "2020-09-02", "人民日报"),
        ("article", "产业扶贫见实效", "2020-09-03", "人民日报"),
    ]
    assert [[a.text for a in d.authors] for d in page.documents] == [["李华"], ["王明"], ["张强"]]
    assert [d.body(text) for d in page.documents] == [s[2] for s in stories]


# --- bylines ---------------------------------------------------------------------------------


def test_signature_block_with_region_line() -> None:
    (byline,) = find_bylines(TWO_SPEECHES[: TWO_SPEECHES.index("韶关坚持")])
    assert byline.form == "block"
    assert name_of(byline.region) == "韶关市"
    assert byline.official.name == "王建国"
    assert [p.text for p in byline.official.positions] == ["韶关市委农办主任", "韶关市扶贫办主任"]


def test_author_field_with_positions() -> None:
    (byline,) = find_bylines(MAGAZINE)
    assert byline.form == "author"
    assert byline.official.name == "赵国强"
    assert MAGAZINE[byline.official.start : byline.official.end] == "赵国强"


def test_body_sentences_are_not_bylines() -> None:
    assert find_bylines("王建国\n\n在会上讲话，强调要抓好落实。\n") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("新快报记者 朱清海", [("朱清海", "新快报记者")], id="outlet-reporter"),
        pytest.param(
            "本报记者 王明 通讯员 李强", [("王明", "本报记者"), ("李强", "通讯员")], id="two"
        ),
        pytest.param("作者:张三", [("张三", "作者")], id="bare-author-field"),
        pytest.param("记者们都来了。", [], id="not-a-credit"),
        pytest.param("文/王建国", [("王建国", "文")], id="writer-with-slash"),
        pytest.param("论文/报告", [], id="slash-inside-a-word"),
    ],
)
def test_authors(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(a.text, a.role) for a in find_authors(text)] == expected


@pytest.mark.parametrize(
    ("role", "outlet"),
    [("新快报记者", "新快报"), ("本报记者", None), ("通讯员", None), (None, None)],
)
def test_source_of_role(role: str | None, outlet: str | None) -> None:
    assert source_of_role(role) == outlet


def test_lines_keep_offsets() -> None:
    text = "甲\r\n乙\n\n丙"
    assert [(line.start, line.end, line.text) for line in lines_of(text)] == [
        (0, 1, "甲"),
        (3, 4, "乙"),
        (5, 5, ""),
        (6, 7, "丙"),
    ]


# --- properties ------------------------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        "肇庆",
        "梁为东",
        "市委农办主任",
        "市扶贫办主任",
        "、",
        "，",
        "。",
        "\n",
        "\n\n",
        " ",
        "日期:[2020-08-19]",
        "来源:新快报",
        "作者:",
        "新快报记者 朱清海",
        "■",
        "(1)",
        "帮扶",
        "对口帮扶",
        "昭通市",
        "大关、盐津4个县",
        "与",
        "东西部扶贫协作",
        "累计投入帮扶资金40.48亿元",
        "24.76万贫困群众",
        "*.**亿元",
        "20__年",
        "习近平总书记",
        "国务院扶贫办刘永富主任",
        "分享到:",
        "責任編輯",
        "雲南",
        "1至10月",
        "第一",
        "两不愁三保障",
    ]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_PIECES, st.text(max_size=6)), max_size=30).map("".join))
def test_parse_never_raises_and_every_span_slices_back(text: str) -> None:
    page = pt.parse(text)
    assert page.length == len(text)
    spans = [*page.quantities, *page.dates, *page.regions, *page.authors, *page.pairs]
    for document in page.documents:
        assert 0 <= document.body_start <= document.body_end <= len(text)
        if document.title is not None:
            assert text[document.title_start : document.title_end] == document.title
        spans.extend([*document.quantities, *document.dates, *document.pairs])
    for item in spans:
        assert text[item.start : item.end] == item.text
    for official in page.officials:
        assert text[official.start : official.end] == official.name
        for position in official.positions:
            if position.start is not None:
                assert text[position.start : position.end] == position.as_written
    for indicator in page.indicators:
        assert text[indicator.start : indicator.end] == indicator.text
        if indicator.subject is not None:
            assert text[indicator.subject_start : indicator.subject_end] == indicator.subject


def test_page_words_table_has_known_roles_and_no_duplicates() -> None:
    from povertytext._data import read_table

    rows = read_table("page_words.csv")
    roles = {
        "meta_field", "caption", "footer_start", "footer_mark", "footer_word",
        "reporter_role", "own_outlet", "writer_role", "name_end", "chrome_word",
        "chrome_start", "section_mark", "subtitle_start", "subtitle_end", "lead_outlet",
        "lead_end", "edition_mark", "source_mark",
    }  # fmt: skip
    assert {row["role"] for row in rows} == roles
    pairs = [(row["word"], row["role"]) for row in rows]
    assert len(set(pairs)) == len(pairs)
    assert all(row["word"] for row in rows)
