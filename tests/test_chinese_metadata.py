"""Chinese news pages: the site named at the end of the title, the info line's source and
author, and the language of text that declares none."""

from __future__ import annotations

import pytest

from retina import clean
from retina.clean.html import parse_tree
from retina.clean.language import detect_language
from retina.clean.metadata import extract_metadata

_TEXT = (
    "<p>　　新华社福州12月6日电（记者王明）记者从中国国家铁路集团有限公司获悉，我国首条跨海"
    "高铁——福厦高铁今天全线贯通，福州至厦门最快运行时间将缩短至55分钟。</p>"
    "<p>　　福厦高铁北起福州，途经莆田、泉州，南至厦门和漳州，线路全长277公里，设计时速350"
    "公里，是我国首条跨海高铁。</p>"
    "<p>　　据介绍，福厦高铁建成后，将进一步完善东南沿海铁路网布局，对促进海峡西岸经济区发展"
    "具有重要意义。</p>"
)


def _page(title: str, info: str, nav: str = "") -> str:
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head>"
        f"<body>{nav}<div class='article'><h1>我国首条跨海高铁全线贯通</h1>"
        f"<div class='info'>{info}</div><div id='content'>{_TEXT}</div></div></body></html>"
    )


def test_the_info_line_gives_the_source_and_the_author() -> None:
    page = _page(
        "我国首条跨海高铁全线贯通_新闻中心_海峡网",
        "2024-12-06 10:30:15　来源：新华社　作者：本报记者 王明　责任编辑：李华",
        "<div class='crumb'><a href='/'>首页</a> &gt; <a href='/news/'>新闻中心</a></div>",
    )
    article = clean(page, url="https://www.haixia.example/news/2024-12/06/content_123.htm")
    assert (article.site_name, article.origin, article.authors) == ("海峡网", "新华社", ["王明"])
    assert article.language == "zh"


@pytest.mark.parametrize(
    "info",
    [
        "2024-12-06 10:30　来源：海峡网",  # the site itself, as its title names it
        "2024-12-06 10:30　来源：海峡",  # … or without its "网"
        "2024-12-06 10:30　来源：网络",  # "the internet": no publication
        "转载须经版权人书面授权并注明来源",  # a notice, no field
    ],
)
def test_an_info_line_that_credits_no_other_publication(info: str) -> None:
    page = _page("我国首条跨海高铁全线贯通-海峡网", info)
    assert extract_metadata(parse_tree(page), None).origin is None


def test_the_site_is_the_title_segment_named_as_chinese_sites_are() -> None:
    """On a channel's subdomain the link home names the channel ("时政"); the title's last
    segment, "…网", is the site."""
    nav = "<a href='https://china.example.com.cn/'>时政</a>"
    page = _page("外国专家：中美合作共赢符合国际社会利益 - 中国日报网", "", nav)
    meta = extract_metadata(parse_tree(page), "https://china.example.com.cn/a/202311/17/x.html")
    assert meta.site_name == "中国日报网"


def test_mandarin_taken_for_wu_chinese_is_chinese() -> None:
    text = (
        "新华社福州12月6日电（记者王明）记者从中国国家铁路集团有限公司获悉，我国首条跨海高铁"
        "——福厦高铁今天全线贯通，福州至厦门最快运行时间将缩短至55分钟。福厦高铁北起福州，"
        "途经莆田、泉州，南至厦门和漳州，线路全长277公里，设计时速350公里，是我国首条跨海高铁。"
    )
    assert detect_language(text) == "zh"


@pytest.mark.parametrize(
    ("info", "authors"),
    [
        ('<span class="author">本报记者 李华</span><span>2024-03-05 18:30</span>', ["李华"]),
        ("<p>（记者 李华）</p>", ["李华"]),  # a reporter's credit in the text, no class name
    ],
)
def test_a_reporter_s_credit_names_the_author_and_leaves_the_text(
    info: str, authors: list[str]
) -> None:
    article = clean(_page("我国首条跨海高铁全线贯通", info))
    assert article.authors == authors
    assert not any("李华" in block.text for block in article.blocks)


def test_a_sentence_about_reporters_names_no_author() -> None:
    article = clean(_page("我国首条跨海高铁全线贯通", "<p>记者调查显示，港区预算获通过</p>"))
    assert article.authors == []
