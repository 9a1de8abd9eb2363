"""The page metadata Readability.js's extraction depends on: the article title (the first
heading repeating it is dropped from the text) and whether an author is named (if not, the
first byline-looking element is dropped). Ported from `_getArticleMetadata`,
`_getJSONLD` and `_getArticleTitle`, reduced to those two answers.
"""

from __future__ import annotations

import json
import re

from lxml import etree

from retina.clean.readability_dom import normalise

_TOKEN_SPLIT = re.compile(r"\W+", re.A)  # JavaScript's \W is ASCII-only
_TITLE_SEPARATOR = re.compile(r" [\|\-\\/>»] ")
_HIERARCHY_SEPARATOR = re.compile(r" [\\/>»] ")
_LD_CONTEXT = re.compile(r"^https?://schema\.org/?$")
_LD_ARTICLE = re.compile(
    r"^Article|AdvertiserContentArticle|NewsArticle|AnalysisNewsArticle|AskPublicNewsArticle"
    r"|BackgroundNewsArticle|OpinionNewsArticle|ReportageNewsArticle|ReviewNewsArticle|Report"
    r"|SatiricalArticle|ScholarlyArticle|MedicalScholarlyArticle|SocialMediaPosting|BlogPosting"
    r"|LiveBlogPosting|DiscussionForumPosting|TechArticle|APIReference$"
)
_META_PROPERTY = re.compile(
    r"\s*(article|dc|dcterm|og|twitter)\s*:\s*(author|creator|description|published_time|title"
    r"|site_name)\s*",
    re.I,
)
_META_NAME = re.compile(
    r"^\s*(?:(dc|dcterm|og|twitter|parsely|weibo:(article|webpage))\s*[-\.:]\s*)?(author|creator"
    r"|pub-date|description|title|site_name)\s*$",
    re.I,
)
_LD_SCRIPTS = etree.XPath('//script[@type="application/ld+json"]')
_META_TITLES = (
    "dc:title",
    "dcterm:title",
    "og:title",
    "weibo:article:title",
    "weibo:webpage:title",
    "title",
    "twitter:title",
    "parsely-title",
)
_META_BYLINES = ("dc:creator", "dcterm:creator", "author", "parsely-author")


def title_and_byline(tree: etree._Element) -> tuple[str, str]:
    """Readability.js's `_getArticleMetadata`, reduced to the title and the byline."""
    values: dict[str, str] = {}
    for meta in tree.iter("meta"):
        content = meta.get("content")
        if not content:
            continue
        prop = meta.get("property")
        match = _META_PROPERTY.search(prop) if prop else None
        if match:
            values[re.sub(r"\s", "", match.group(0).lower())] = content.strip()
            continue
        name = meta.get("name")
        if name and _META_NAME.match(name):
            values[re.sub(r"\s", "", name.lower()).replace(".", ":")] = content.strip()
    ld_title, ld_byline = _json_ld(tree)
    title = ld_title or next((values[k] for k in _META_TITLES if values.get(k)), "")
    byline = ld_byline or next((values[k] for k in _META_BYLINES if values.get(k)), "")
    return title or _article_title(tree), byline


def _json_ld(tree: etree._Element) -> tuple[str, str]:
    for script in _LD_SCRIPTS(tree):
        text = re.sub(r"^\s*<!\[CDATA\[|\]\]>\s*$", "", script.text or "")
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):  # RecursionError: JSON nested thousands deep
            continue
        if not isinstance(data, dict):
            continue
        context = data.get("@context")
        if not isinstance(context, str) or not _LD_CONTEXT.match(context):
            continue
        if "@type" not in data and isinstance(data.get("@graph"), list):
            data = next(
                (
                    item
                    for item in data["@graph"]
                    if isinstance(item, dict)
                    and isinstance(item.get("@type"), str)
                    and _LD_ARTICLE.search(item["@type"])
                ),
                None,
            )
        if not data or not isinstance(data.get("@type"), str):
            continue
        if not _LD_ARTICLE.search(data["@type"]):
            continue
        return _ld_title(tree, data), _ld_byline(data.get("author"))
    return "", ""


def _ld_title(tree: etree._Element, data: dict) -> str:
    name, headline = data.get("name"), data.get("headline")
    if isinstance(name, str) and isinstance(headline, str) and name != headline:
        title = _article_title(tree)
        if text_similarity(headline, title) > 0.75 >= text_similarity(name, title):
            return headline
        return name
    if isinstance(name, str):
        return name.strip()
    return headline.strip() if isinstance(headline, str) else ""


def _ld_byline(author: object) -> str:
    if isinstance(author, dict) and isinstance(author.get("name"), str):
        return author["name"].strip()
    if (
        isinstance(author, list)
        and author
        and isinstance(author[0], dict)
        and isinstance(author[0].get("name"), str)
    ):
        return ", ".join(
            a["name"].strip()
            for a in author
            if isinstance(a, dict) and isinstance(a.get("name"), str)
        )
    return ""


def _article_title(tree: etree._Element) -> str:
    """Readability.js's `_getArticleTitle`: the `<title>` without the site's name."""
    element = next(tree.iter("title"), None)
    original = normalise(element.text_content()) if element is not None else ""
    title = original
    hierarchical = False

    def words(text: str) -> int:
        return len(re.split(r"\s+", text))

    if _TITLE_SEPARATOR.search(title):
        hierarchical = bool(_HIERARCHY_SEPARATOR.search(title))
        title = re.sub(r"(.*)[\|\-\\/>»] .*", r"\1", original, flags=re.S)
        if words(title) < 3:
            title = re.sub(r"[^\|\-\\/>»]*[\|\-\\/>»](.*)", r"\1", original, flags=re.S)
    elif ": " in title:
        headings = (normalise(h.text_content()) for h in tree.iter("h1", "h2"))
        if title.strip() not in headings:
            title = original[original.rfind(":") + 1 :]
            if words(title) < 3:
                title = original[original.find(":") + 1 :]
            elif words(original[: original.find(":")]) > 5:
                title = original
    elif len(title) > 150 or len(title) < 15:
        h1s = list(tree.iter("h1"))
        if len(h1s) == 1:
            title = normalise(h1s[0].text_content())
    title = normalise(title)
    count = words(title)
    if count <= 4 and (
        not hierarchical or count != words(re.sub(r"[\|\-\\/>»]+", "", original)) - 1
    ):
        title = original
    return title


def text_similarity(a: str, b: str) -> float:
    """Share of `b`'s words (by length) that also appear in `a` (Readability.js's)."""
    tokens_a = [t for t in _TOKEN_SPLIT.split(a.lower()) if t]
    tokens_b = [t for t in _TOKEN_SPLIT.split(b.lower()) if t]
    if not tokens_a or not tokens_b:
        return 0.0
    known = set(tokens_a)
    unique = [t for t in tokens_b if t not in known]
    return 1 - len(" ".join(unique)) / len(" ".join(tokens_b))
