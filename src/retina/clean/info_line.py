"""The info line of a Chinese news page, under its headline: "2024-12-06 10:30:15　来源：
新华社　作者：王明　责任编辑：李华".

Chinese portals republish each other's stories all day and say so there, and nowhere in
the markup: "来源" (source) names the publication the story comes from, "作者" (author)
the writer. Both are read from the first short element that holds the field.
"""

from __future__ import annotations

import re

from lxml import etree

_HAN = re.compile(r"[\u4e00-\u9fff]")
_SOURCE_FIELD = etree.XPath(
    "//text()[contains(., '来源') or contains(., '來源') or contains(., '稿源')]/.."
)
_AUTHOR_FIELD = etree.XPath("//text()[contains(., '作者')]/..")
_MAX_LINE_CHARS = 150
"""An info line holds a date, a source, an author and an editor; more is prose that
mentions a source."""
_FIELD_END = r"(?=[\s　|｜,，;；()（）【】\[\]]|作者|编辑|責任|责任|时间|時間|发布|發布|$)"
_SOURCE = re.compile(r"(?:来源|來源|稿源)\s*[：:]\s*(.{2,20}?)" + _FIELD_END)
_AUTHOR = re.compile(
    r"作者\s*[：:]\s*(?:(?:本报|本刊|本网)?(?:特约)?(?:记者|通讯员)\s*)?(.{2,12}?)" + _FIELD_END
)
"""The writer's name, without "reporter" ("记者", "本报记者": our reporter) before it."""
_NO_PUBLICATION = frozenset(
    "网络 本站 本网 综合 原创 互联网 网友投稿 未知 网络整理 综合整理".split()
)
"""Sources that name no publication: "the internet", "this site", "compiled"."""
_SKIPPED = frozenset({"script", "style", "textarea", "option"})


def info_source(tree: etree._Element, title: str | None) -> str | None:
    """The publication the info line names as the story's source, or None. `title` is the
    page's `<title>`: a page whose title is not in Chinese is not searched, and a source
    that ends it is the site itself ("来源：半月谈网" under "益阳：“数字”是优长-半月谈"),
    named there with or without its "网" (net)."""
    if not title or not _HAN.search(title):
        return None
    name = _field(tree, _SOURCE_FIELD, _SOURCE)
    if name is None or name in _NO_PUBLICATION:
        return None
    if title.rstrip().rstrip("网網").endswith(name.rstrip("网網")):
        return None
    return name


def info_author(tree: etree._Element, title: str | None) -> str | None:
    """The writer the info line names, or None (a page whose title is not in Chinese is
    not searched)."""
    if not title or not _HAN.search(title):
        return None
    return _field(tree, _AUTHOR_FIELD, _AUTHOR)


def _field(tree: etree._Element, holders: etree.XPath, pattern: re.Pattern[str]) -> str | None:
    for element in holders(tree):
        if not isinstance(element.tag, str) or element.tag in _SKIPPED:
            continue
        line = " ".join(str(element.xpath("string()")).split())
        if len(line) > _MAX_LINE_CHARS:
            continue
        found = pattern.search(line)
        if found:
            return found.group(1).strip()
    return None
