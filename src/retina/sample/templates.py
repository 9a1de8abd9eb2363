"""Outlet page families: the same article in six very different kinds of markup.

Each family has its own class names, navigation, cookie banner, ads, share bar,
comments, related-stories box, newsletter prompt and footer, and its own way of
giving metadata (Open Graph tags, JSON-LD, `<time datetime>`, byline markup, or
only visible text). Body elements are `Markup` format strings so rendering is plain
string formatting, fast enough for 100,000 pages a minute.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from retina.sample.article import (
    AD,
    ATTRIBUTION,
    HEADING,
    LIST_ITEM,
    NEWSLETTER_PROMPT,
    PARAGRAPH,
    PULL_QUOTE,
    QUOTE,
    RELATED_LINK,
    ArticlePage,
    Block,
    Injection,
)
from retina.sample.events import SECTIONS
from retina.sample.outlets import TEXT_DUMP, Outlet, slugify
from retina.sample.vocabulary import MONTHS, WEEKDAYS

_COMMENTS = (
    ("ravenwing", "Finally someone is asking the right questions."),
    ("old_mill_reader", "I live nearby and this matches what we have been seeing for months."),
    ("K. Delmar", "Where is the follow-up on last year's promises?"),
    ("sunny_side", "Good reporting, thank you."),
    ("harbourmaster", "The comments here are always more interesting than the article."),
    ("Pell", "Nothing will change until people vote differently."),
)


def text(value: str) -> str:
    """Escape text for an HTML text node."""
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def attr(value: str) -> str:
    """Escape text for a double-quoted HTML attribute."""
    return text(value).replace('"', "&quot;")


def tz_label(when: datetime) -> str:
    offset = when.utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset else 0
    if not minutes:
        return "UTC"
    sign = "+" if minutes > 0 else "-"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _clock12(when: datetime) -> str:
    return f"{(when.hour % 12) or 12}:{when.minute:02d} {'AM' if when.hour < 12 else 'PM'}"


@dataclass(frozen=True, slots=True)
class Markup:
    """How a family writes body elements. `{}` is the (escaped) content."""

    paragraph: str
    heading: str  # {level} and {text}
    quote: str
    list_open: str
    list_item: str
    list_close: str
    pull_quote: str
    ad: str
    newsletter: str
    attribution: str
    related: str  # {marker} (may be bold), {sep}, {headline} (may be a link), {cls}
    related_two_lines: str
    bold: str  # "strong" or "b"
    related_class: str


MARKUP = {
    "broadsheet": Markup(
        paragraph="<p>{}</p>\n",
        heading='<h{level} class="article-subheading">{text}</h{level}>\n',
        quote="<blockquote><p>{}</p></blockquote>\n",
        list_open='<ul class="article-list">\n',
        list_item="<li>{}</li>\n",
        list_close="</ul>\n",
        pull_quote='<aside class="pullquote" aria-hidden="true"><p>{}</p></aside>\n',
        ad='<div class="ad ad--inline"><span class="ad__label">{}</span>'
        '<div class="ad__slot" data-slot="article-mid"></div></div>\n',
        newsletter='<div class="newsletter-inline"><p>{}</p></div>\n',
        attribution='<p class="source-note"><em>{}</em></p>\n',
        related='<p class="{cls}">{marker}{sep}{headline}</p>\n',
        related_two_lines='<p class="{cls}">{marker}</p>\n<p class="{cls}">{headline}</p>\n',
        bold="strong",
        related_class="inline-related",
    ),
    "modern": Markup(
        paragraph='<p class="c-article__para">{}</p>\n',
        heading='<h{level} class="c-article__heading">{text}</h{level}>\n',
        quote='<blockquote class="c-quote"><p>{}</p></blockquote>\n',
        list_open='<ul class="c-article__list">\n',
        list_item='<li class="c-article__item">{}</li>\n',
        list_close="</ul>\n",
        pull_quote='<blockquote class="pull-quote c-pullquote"><p>{}</p></blockquote>\n',
        ad='<div class="c-ad" data-ad-unit="inline"><p class="c-ad__label">{}</p></div>\n',
        newsletter='<section class="c-newsletter-promo"><p>{}</p>'
        '<a class="c-button" href="#newsletter">Sign up</a></section>\n',
        attribution='<p class="c-article__credit">{}</p>\n',
        related='<div class="{cls}"><span>{marker}{sep}</span>{headline}</div>\n',
        related_two_lines='<div class="{cls}"><span>{marker}</span><br>{headline}</div>\n',
        bold="strong",
        related_class="c-inline-link",
    ),
    "tabloid": Markup(
        paragraph='<p class="para">{}</p>\n',
        heading='<h{level} class="sub-head">{text}</h{level}>\n',
        quote='<blockquote class="quote-block"><p>{}</p></blockquote>\n',
        list_open='<ul class="bullets">\n',
        list_item="<li>{}</li>\n",
        list_close="</ul>\n",
        pull_quote='<div class="big-quote"><span class="big-quote__mark">“</span><p>{}</p></div>\n',
        ad='<div class="dfp-ad dfp-ad--mpu"><div class="dfp-ad__label">{}</div></div>\n',
        newsletter='<div class="nl-signup"><b>{}</b></div>\n',
        attribution='<p class="para credit">{}</p>\n',
        related='<p class="{cls}">{marker}{sep}{headline}</p>\n',
        related_two_lines='<p class="{cls}">{marker}<br>{headline}</p>\n',
        bold="strong",
        related_class="read-more",
    ),
    "wire": Markup(
        paragraph="<p>{}</p>\n",
        heading="<h{level}>{text}</h{level}>\n",
        quote="<blockquote>{}</blockquote>\n",
        list_open="<ul>\n",
        list_item="<li>{}</li>\n",
        list_close="</ul>\n",
        pull_quote='<p class="highlight">{}</p>\n',
        ad="<p>{}</p>\n",
        newsletter="<p><i>{}</i></p>\n",
        attribution="<p><i>{}</i></p>\n",
        related="<p>{marker}{sep}{headline}</p>\n",
        related_two_lines="<p>{marker}</p>\n<p>{headline}</p>\n",
        bold="b",
        related_class="",
    ),
    "magazine": Markup(
        paragraph="<p>{}</p>\n",
        heading='<h{level} class="wp-block-heading">{text}</h{level}>\n',
        quote='<blockquote class="wp-block-quote"><p>{}</p></blockquote>\n',
        list_open='<ul class="wp-block-list">\n',
        list_item="<li>{}</li>\n",
        list_close="</ul>\n",
        pull_quote=(
            '<figure class="wp-block-pullquote"><blockquote><p>{}</p></blockquote></figure>\n'
        ),
        ad='<div class="code-block code-block-3"><small>{}</small></div>\n',
        newsletter='<div class="wp-block-group mc4wp-prompt"><p>{}</p></div>\n',
        attribution='<p class="has-small-font-size"><em>{}</em></p>\n',
        related='<p class="{cls}">{marker}{sep}{headline}</p>\n',
        related_two_lines='<h4 class="{cls}">{marker}</h4>\n<p>{headline}</p>\n',
        bold="strong",
        related_class="wp-block-related",
    ),
    "portal": Markup(
        paragraph="{}<br><br>\n",
        heading="<b>{text}</b><br><br>\n",
        quote="<blockquote>{}</blockquote>\n",
        list_open="",
        list_item="&bull; {}<br>\n",
        list_close="<br>\n",
        pull_quote="<blockquote>{}</blockquote>\n",
        ad='<center><font size="1" color="#999999">{}</font></center><br>\n',
        newsletter='<font size="2"><i>{}</i></font><br><br>\n',
        attribution="<i>{}</i><br><br>\n",
        related="{marker}{sep}{headline}<br><br>\n",
        related_two_lines="{marker}<br>\n{headline}<br><br>\n",
        bold="b",
        related_class="",
    ),
}


def render_body(page: ArticlePage, markup: Markup) -> str:
    """The article body: main blocks and injections in order, in the family's markup."""
    out: list[str] = []
    in_list = False
    for item in page.body():
        is_item = isinstance(item, Block) and item.kind == LIST_ITEM
        if in_list and not is_item:
            out.append(markup.list_close)
            in_list = False
        if isinstance(item, Block):
            if is_item and not in_list:
                out.append(markup.list_open)
                in_list = True
            out.append(_block(item, markup))
        else:
            out.append(_injection(item, markup))
    if in_list:
        out.append(markup.list_close)
    return "".join(out)


def _block(block: Block, markup: Markup) -> str:
    kind = block.kind
    if kind == PARAGRAPH:
        return markup.paragraph.format(text(block.text))
    if kind == HEADING:
        return markup.heading.format(level=block.level or 2, text=text(block.text))
    if kind == QUOTE:
        return markup.quote.format(text(block.text))
    return markup.list_item.format(text(block.text))


def _injection(item: Injection, markup: Markup) -> str:
    kind = item.kind
    if kind == RELATED_LINK:
        d = item.details
        marker = text(d["marker"])
        separator: str = d["separator"]
        sep_mark = separator.rstrip()
        if d["bold"]:
            marker = f"<{markup.bold}>{marker}{text(sep_mark)}</{markup.bold}>"
            sep = text(separator[len(sep_mark) :])
        else:
            sep = text(separator)
        headline = text(d["headline"])
        if d["link"]:
            headline = f'<a href="{attr(d["link"])}">{headline}</a>'
        if separator == "\n":
            return markup.related_two_lines.format(
                marker=marker, headline=headline, cls=markup.related_class
            )
        return markup.related.format(
            marker=marker, sep=sep, headline=headline, cls=markup.related_class
        )
    if kind == PULL_QUOTE:
        return markup.pull_quote.format(text(item.text))
    if kind == AD:
        return markup.ad.format(text(item.text))
    if kind == NEWSLETTER_PROMPT:
        return markup.newsletter.format(text(item.text))
    if kind == ATTRIBUTION:
        return markup.attribution.format(text(item.text))
    raise ValueError(f"unknown injection kind {kind!r}")


def render_text_dump(page: ArticlePage) -> str:
    """A plain-text dump in the seed's format: title, site line, paragraphs, attribution."""
    parts = [page.draft.title, page.outlet.name]
    for item in page.body():
        if isinstance(item, Block):
            parts.append(f"• {item.text}" if item.kind == LIST_ITEM else item.text)
        else:
            parts.append(item.text)
    return "\n\n".join(parts)


def render_article(page: ArticlePage) -> str:
    """The page's full document (HTML, or the text dump for the aggregator)."""
    if page.outlet.family == TEXT_DUMP:
        return render_text_dump(page)
    family = page.outlet.family
    return _ARTICLE_LAYOUTS[family](page, render_body(page, MARKUP[family]))


# --- shared page pieces -----------------------------------------------------------


@lru_cache(maxsize=1024)
def _sections(outlet: Outlet) -> tuple[tuple[str, str], ...]:
    return tuple(
        (outlet.section_labels[s], outlet.url(outlet.section_slug(s) + "/")) for s in SECTIONS
    )


@lru_cache(maxsize=1024)
def _nav(outlet: Outlet, cls: str, item_cls: str = "") -> str:
    item = f' class="{item_cls}"' if item_cls else ""
    links = "".join(
        f'<li{item}><a href="{attr(u)}">{text(label)}</a></li>' for label, u in _sections(outlet)
    )
    home = f'<li{item}><a href="{attr(outlet.url(""))}">Home</a></li>'
    return f'<nav class="{cls}"><ul>{home}{links}</ul></nav>\n'


def _og(page: ArticlePage, *, full: bool = True) -> str:
    tags = [
        ("og:title", page.draft.title),
        ("og:site_name", page.outlet.name),
    ]
    if full:
        tags += [("og:type", "article"), ("og:url", page.canonical or page.url)]
        tags.append(("article:published_time", page.published.isoformat()))
        if page.updated:
            tags.append(("article:modified_time", page.updated.isoformat()))
        tags.append(("article:section", page.section_label))
        tags += [("article:author", a) for a in page.authors]
        if page.image:
            tags.append(("og:image", page.image.url))
    return "".join(f'<meta property="{p}" content="{attr(v)}">\n' for p, v in tags)


def _json_ld(data: dict[str, object]) -> str:
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return f'<script type="application/ld+json">{payload}</script>\n'


def _news_article(page: ArticlePage) -> dict[str, object]:
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.draft.title,
        "datePublished": page.published.isoformat(),
        "articleSection": page.section_label,
        "inLanguage": "en",
        "publisher": {"@type": "Organization", "name": page.outlet.name},
        "mainEntityOfPage": page.canonical or page.url,
    }
    if page.updated:
        data["dateModified"] = page.updated.isoformat()
    if page.authors:
        data["author"] = [{"@type": "Person", "name": a} for a in page.authors]
    if page.image:
        data["image"] = [page.image.url]
    return data


def _canonical(page: ArticlePage) -> str:
    return f'<link rel="canonical" href="{attr(page.canonical)}">\n' if page.canonical else ""


def _figure(page: ArticlePage, cls: str) -> str:
    image = page.image
    if image is None:
        return ""
    return (
        f'<figure class="{cls}"><img src="{attr(image.url)}" alt="{attr(image.alt)}" width="1200" '
        f'height="675"><figcaption>{text(image.caption)} <span class="credit">'
        f"{text(image.credit)}</span></figcaption></figure>\n"
    )


def _related_box(page: ArticlePage, box_cls: str, heading: str) -> str:
    if not page.related:
        return ""
    items = "".join(f'<li><a href="{attr(u)}">{text(t)}</a></li>' for t, u in page.related)
    return f'<aside class="{box_cls}"><h3>{heading}</h3><ul>{items}</ul></aside>\n'


def _comments(page: ArticlePage, cls: str) -> str:
    count = page.number % 4
    items = "".join(
        f'<li class="{cls}__item"><span class="{cls}__user">{text(user)}</span> '
        f"<p>{text(body)}</p></li>"
        for user, body in (_COMMENTS[(page.number + i) % len(_COMMENTS)] for i in range(count))
    )
    return (
        f'<section id="comments" class="{cls}"><h3>Comments ({count})</h3><ol>{items}</ol>'
        f'<p class="{cls}__login">Log in or register to join the discussion.</p></section>\n'
    )


def _share(cls: str, page_url: str) -> str:
    targets = ("Facebook", "X", "WhatsApp", "Email")
    links = "".join(
        f'<li><a href="#share-{t.lower()}" data-url="{attr(page_url)}">{t}</a></li>'
        for t in targets
    )
    return f'<div class="{cls}"><span>Share this article</span><ul>{links}</ul></div>\n'


@lru_cache(maxsize=1024)
def _cookie(cls: str) -> str:
    return (
        f'<div class="{cls}" role="dialog"><p>We use cookies to improve your experience and to '
        f"show you personalised advertising. By continuing you agree to our cookie policy.</p>"
        f"<button>Accept all</button> <button>Manage choices</button></div>\n"
    )


@lru_cache(maxsize=1024)
def _footer(outlet: Outlet, cls: str) -> str:
    return (
        f'<footer class="{cls}"><p>&copy; 2024 {text(outlet.name)}. All rights reserved.</p>'
        f'<ul><li><a href="{attr(outlet.url("about.html"))}">About us</a></li>'
        f'<li><a href="{attr(outlet.url("rss.xml"))}">RSS</a></li>'
        f"<li>Privacy</li><li>Terms</li><li>Contact</li></ul></footer>\n"
    )


def _head(page_title: str, extra: str, css: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{text(page_title)}</title>\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'{extra}<link rel="stylesheet" href="{css}">\n</head>\n'
    )


@lru_cache(maxsize=1024)
def _alternate_feeds(outlet: Outlet) -> str:
    return (
        f'<link rel="alternate" type="application/rss+xml" title="{attr(outlet.name)}" '
        f'href="{attr(outlet.url("rss.xml"))}">\n'
        f'<link rel="alternate" type="application/atom+xml" '
        f'href="{attr(outlet.url("atom.xml"))}">\n'
        f'<link rel="alternate" type="application/feed+json" '
        f'href="{attr(outlet.url("feed.json"))}">\n'
    )


# --- article layouts, one per family ---------------------------------------------
# Each layout is a format string over the fields of `_fields` plus its own.

_BROADSHEET = """\
{head}<body class="article-page">
{cookie}<div id="wrapper"><header class="masthead">
<a class="masthead__logo" href="{home}">{name}</a>
<div class="masthead__support">Support independent journalism</div></header>
{nav}<div class="ad ad--leaderboard"><span class="ad__label">Advertisement</span></div>
<main id="content"><article class="story">
<p class="story__section"><a href="{section_url}">{section}</a></p>
<h1 class="story__headline">{title}</h1>
{byline}<p class="dateline"><time datetime="{published_iso}">{shown}</time>{updated}</p>
{figure}<div class="story__body">
{body}</div>
{share}</article>
{related}</main>
{comments}{footer}</div>
</body>
</html>
"""

_MODERN = """\
{head}<body>
<div id="__app">{cookie}<header class="c-header">
<a class="c-header__brand" href="{home}">{name}</a><button class="c-header__menu">Menu</button>
<a class="c-header__subscribe" href="#subscribe">Subscribe</a></header>
{nav}<main class="l-main">
<article class="c-article" itemscope itemtype="https://schema.org/NewsArticle">
<header class="c-article__header"><a class="c-kicker" href="{section_url}">{section}</a>
<h1 class="c-article__title" itemprop="headline">{title}</h1>
{byline}<time class="c-timestamp" datetime="{published_iso}" itemprop="datePublished">\
{shown}</time>{updated}</header>
{figure}{share}<div class="c-article__body" itemprop="articleBody">
{body}</div>
</article>
{related}<section class="c-newsletter"><h3>The Briefing</h3>
<p>Our best journalism, in your inbox every morning.</p>
<form><input type="email" placeholder="Email address"><button>Sign up</button></form></section>
</main>
{comments}{footer}</div>
</body>
</html>
"""

_TABLOID = """\
{head}<body class="tmpl-article">
<div class="top-strip"><a href="{home}" class="logo">{upper_name}</a>
<span class="date-today">{today}</span></div>
{nav}{cookie}<div class="dfp-ad dfp-ad--billboard">
<div class="dfp-ad__label">Advertisement</div></div>
<div class="trending"><b>TRENDING</b><ul>{trending}</ul></div>
<div class="article-wrap"><div class="article-main">
<h1 class="headline">{title}</h1>
{byline}<span class="publish-date" data-ts="{timestamp}">Published {shown}</span>
{updated}{share}{figure}<div class="article-body__content">
{body}</div>
</div>
<div class="sidebar"><div class="dfp-ad dfp-ad--sidebar">
<div class="dfp-ad__label">Advertisement</div></div>
{related}</div></div>
{comments}{footer}</body>
</html>
"""

_WIRE = """\
{head}<body>
<div class="hdr"><a href="{home}">{name}</a> | {section_links}</div>
<div class="story"><h1>{title}</h1>
<div class="story-meta">{shown}</div>
<div class="story-text">
{body}</div>
{byline}<p class="story-rights">Our standards: {name}'s trust principles.</p></div>
{related}{footer}</body>
</html>
"""

_MAGAZINE = """\
{head}<body class="post-template-default single single-post">
<div id="page" class="site">{cookie}<header id="masthead" class="site-header">
<p class="site-title"><a href="{home}" rel="home">{name}</a></p>
<p class="site-description">Long reads and sharp takes</p></header>
{nav}<div id="content" class="site-content"><div id="primary" class="content-area">
<main id="main" class="site-main">
<article class="post type-post status-publish format-standard hentry category-{section_slug}">
<header class="entry-header"><span class="cat-links">{section}</span>
<h1 class="entry-title">{title}</h1>
<div class="entry-meta"><span class="posted-on">\
<time class="entry-date published" datetime="{published_iso}">{shown}</time>{updated}</span>\
{byline}</div></header>
{figure}<div class="entry-content">
{body}</div>
<footer class="entry-footer"><div class="sharedaddy"><h3 class="sd-title">Share this:</h3>
{share}</div></footer>
</article>
{related}{comments}</main></div>
<aside id="secondary" class="widget-area"><section class="widget widget_text">
<h2 class="widget-title">Newsletter</h2><p>Get the week's best stories from {name}.</p></section>
</aside></div>
{footer}</div>
</body>
</html>
"""

_PORTAL = """\
<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{name} :: {title}</title>
<meta name="keywords" content="{keywords}">
{feeds}</head>
<body bgcolor="#ffffff" topmargin="0">
<table width="980" cellpadding="0" cellspacing="0" border="0" align="center">
<tr><td colspan="3" class="top"><a href="{home}"><font size="6"><b>{name}</b></font></a>
<div class="cookie-bar">This site uses cookies. <a href="#">OK</a></div></td></tr>
<tr><td width="160" valign="top" class="menu">{menu}<br>
<center><font size="1">Advertisement</font></center></td>
<td valign="top" class="content"><div class="headline"><font size="5"><b>{title}</b></font></div>
<font size="1" color="#666666">Posted: {shown}{byline}</font><br><br>
<div class="article">
{body}</div>
<font size="2"><b>Related news</b><br>{related}</font><br>
<font size="1"><a href="#">Print</a> | <a href="#">Send to a friend</a></font></td>
<td width="160" valign="top" class="right"><font size="1">Advertisement</font><br>
<b>Poll</b><br>Should the council act sooner?<br>( ) Yes ( ) No<br></td></tr>
<tr><td colspan="3">{footer}</td></tr>
</table>
</body>
</html>
"""


def _fields(page: ArticlePage, body: str) -> dict[str, str]:
    """The fields every layout uses."""
    o = page.outlet
    return {
        "home": attr(o.url("")),
        "name": text(o.name),
        "title": text(page.draft.title),
        "section": text(page.section_label),
        "section_url": attr(o.url(o.section_slug(page.section) + "/")),
        "published_iso": page.published.isoformat(),
        "body": body,
    }


def _day_month_year(when: datetime) -> str:
    return f"{when.day} {MONTHS[when.month - 1]} {when.year}"


def _author_meta(page: ArticlePage) -> str:
    return "".join(f'<meta name="author" content="{attr(a)}">\n' for a in page.authors)


def _broadsheet(page: ArticlePage, body: str) -> str:
    o, p, u = page.outlet, page.published, page.updated
    links = ", ".join(
        f'<a rel="author" href="{attr(o.url("profile/" + slugify(a)))}">{text(a)}</a>'
        for a in page.authors
    )
    updated = ""
    if u:
        updated = (
            f' <span class="dateline__updated">Last modified on <time datetime="{u.isoformat()}">'
            f"{u.day} {MONTHS[u.month - 1][:3]} {u:%H.%M}</time></span>"
        )
    day = f"{WEEKDAYS[p.weekday()][:3]} {p.day} {MONTHS[p.month - 1][:3]} {p.year}"
    meta = _canonical(page) + _og(page) + _author_meta(page) + _alternate_feeds(o)
    return _BROADSHEET.format_map(
        _fields(page, body)
        | {
            "head": _head(f"{page.draft.title} | {page.section_label} | {o.name}", meta, "/b.css"),
            "cookie": _cookie("cookie-consent"),
            "nav": _nav(o, "primary-nav"),
            "byline": f'<p class="byline">By {links}</p>\n' if page.authors else "",
            "shown": f"{day} {p:%H.%M} {tz_label(p)}",
            "updated": updated,
            "figure": _figure(page, "story__figure"),
            "share": _share("share-tools", page.url),
            "related": _related_box(page, "related-stories", "More on this story"),
            "comments": _comments(page, "comments"),
            "footer": _footer(o, "site-footer"),
        }
    )


def _modern(page: ArticlePage, body: str) -> str:
    o, p, u = page.outlet, page.published, page.updated
    authors = " and ".join(
        f'<span class="c-byline__author" itemprop="author">{text(a)}</span>' for a in page.authors
    )
    meta = _canonical(page) + _og(page) + _json_ld(_news_article(page)) + _alternate_feeds(o)
    updated = ""
    if u:
        updated = (
            f' <span class="c-timestamp__updated">Updated {MONTHS[u.month - 1]} {u.day}</span>'
        )
    return _MODERN.format_map(
        _fields(page, body)
        | {
            "head": _head(f"{page.draft.title} – {o.name}", meta, "/assets/app.css"),
            "cookie": _cookie("c-consent-banner"),
            "nav": _nav(o, "c-nav", "c-nav__item"),
            "byline": f'<div class="c-byline">By {authors}</div>\n' if page.authors else "",
            "shown": f"{MONTHS[p.month - 1]} {p.day}, {p.year} · {_clock12(p)}",
            "updated": updated,
            "figure": _figure(page, "c-article__media"),
            "share": _share("c-share c-share--top", page.url),
            "related": _related_box(page, "c-related", "Related stories"),
            "comments": _comments(page, "c-comments"),
            "footer": _footer(o, "c-footer"),
        }
    )


def _tabloid(page: ArticlePage, body: str) -> str:
    o, p, u = page.outlet, page.published, page.updated
    meta = _canonical(page) + _og(page, full=False) + _alternate_feeds(o)
    authors = " & ".join(text(a) for a in page.authors)
    trending = "".join(
        f'<li><a href="{attr(url)}">{text(t)}</a></li>' for t, url in page.related[:2]
    )
    updated = ""
    if u:
        updated = f'<span class="update-date">Updated {u:%H:%M}, {_day_month_year(u)}</span>\n'
    return _TABLOID.format_map(
        _fields(page, body)
        | {
            "head": _head(f"{page.draft.title} | {o.name}", meta, "/css/main.min.css"),
            "upper_name": text(o.name.upper()),
            "today": _day_month_year(p),
            "nav": _nav(o, "main-menu"),
            "cookie": _cookie("cc-window cc-banner"),
            "trending": trending,
            "byline": f'<div class="author-name">By {authors}</div>\n' if page.authors else "",
            "timestamp": str(int(p.timestamp())),
            "shown": f"{p:%H:%M}, {_day_month_year(p)}",
            "updated": updated,
            "share": _share("social-share", page.url),
            "figure": _figure(page, "article-image"),
            "related": _related_box(page, "more-stories", "MORE STORIES"),
            "comments": _comments(page, "comment-box"),
            "footer": _footer(o, "footer"),
        }
    )


def _wire(page: ArticlePage, body: str) -> str:
    o, p = page.outlet, page.published
    meta = _canonical(page) + f'<meta name="date" content="{p.isoformat()}">\n'
    meta += _author_meta(page) + _alternate_feeds(o)
    reporters = text(" and ".join(page.authors))
    offset = tz_label(p).replace(":00", "")
    return _WIRE.format_map(
        _fields(page, body)
        | {
            "head": _head(page.draft.title, meta, "/s.css"),
            "section_links": " | ".join(
                f'<a href="{attr(u)}">{text(label)}</a>' for label, u in _sections(o)
            ),
            "shown": f"{MONTHS[p.month - 1]} {p.day}, {p.year} {_clock12(p)} {offset}",
            "byline": (
                f'<p class="story-byline">Reporting by {reporters}</p>\n' if page.authors else ""
            ),
            "related": _related_box(page, "more", "More from " + text(o.name)),
            "footer": _footer(o, "ftr"),
        }
    )


def _magazine(page: ArticlePage, body: str) -> str:
    o, p, u = page.outlet, page.published, page.updated
    article = _news_article(page)
    article["@type"] = "Article"
    crumbs = [
        {"@type": "ListItem", "position": 1, "name": "Home", "item": o.url("")},
        {"@type": "ListItem", "position": 2, "name": page.section_label},
    ]
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            article,
            {"@type": "WebSite", "name": o.name, "url": o.url("")},
            {"@type": "BreadcrumbList", "itemListElement": crumbs},
        ],
    }
    meta = _canonical(page) + _og(page) + _json_ld(graph) + _alternate_feeds(o)
    authors = ", ".join(
        f'<span class="author vcard"><a class="url fn n" '
        f'href="{attr(o.url("author/" + slugify(a) + "/"))}">{text(a)}</a></span>'
        for a in page.authors
    )
    updated = f'<time class="updated" datetime="{u.isoformat()}"></time>' if u else ""
    return _MAGAZINE.format_map(
        _fields(page, body)
        | {
            "head": _head(f"{page.draft.title} - {o.name}", meta, "/wp-content/style.css"),
            "cookie": _cookie("cookie-notice-container"),
            "nav": _nav(o, "main-navigation"),
            "section_slug": o.section_slug(page.section),
            "shown": _day_month_year(p),
            "updated": updated,
            "byline": f' <span class="byline">by {authors}</span>' if page.authors else "",
            "figure": _figure(page, "post-thumbnail wp-block-image"),
            "share": _share("sd-content", page.url),
            "related": _related_box(page, "jp-relatedposts", "Related"),
            "comments": _comments(page, "comments-area"),
            "footer": _footer(o, "site-footer"),
        }
    )


def _portal(page: ArticlePage, body: str) -> str:
    o = page.outlet
    keywords = ", ".join([page.section_label, page.event.place, page.event.country])
    return _PORTAL.format_map(
        _fields(page, body)
        | {
            "keywords": attr(keywords),
            "feeds": _alternate_feeds(o),
            "menu": "".join(
                f'<a href="{attr(u)}">{text(label)}</a><br>' for label, u in _sections(o)
            ),
            "shown": f"{page.published:%d/%m/%Y %H:%M}",
            "byline": f"<br>By {text(', '.join(page.authors))}" if page.authors else "",
            "related": "".join(
                f'&raquo; <a href="{attr(u)}">{text(t)}</a><br>' for t, u in page.related
            ),
            "footer": _footer(o, "bottom"),
        }
    )


_ARTICLE_LAYOUTS: dict[str, Callable[[ArticlePage, str], str]] = {
    "broadsheet": _broadsheet,
    "modern": _modern,
    "tabloid": _tabloid,
    "wire": _wire,
    "magazine": _magazine,
    "portal": _portal,
}


# --- listing pages (front pages, section pages, the site index) --------------------

ListItem = tuple[str, str, datetime]  # (title, url, published)


def render_listing(
    outlet: Outlet,
    heading: str,
    items: list[ListItem],
    *,
    newer: str | None = None,
    older: str | None = None,
    extra_links: list[tuple[str, str]] | None = None,
) -> str:
    """A front page or section page in the outlet's look, linking to `items`."""
    cls = "text-dump" if outlet.family == TEXT_DUMP else outlet.family
    rows = "".join(
        f'<li class="{cls}-teaser"><a href="{attr(u)}">{text(t)}</a> '
        f'<time datetime="{when.isoformat()}">{_day_month_year(when)}</time></li>\n'
        for t, u, when in items
    )
    pager = ""
    if newer:
        pager += f'<a rel="prev" href="{attr(newer)}">Newer stories</a> '
    if older:
        pager += f'<a rel="next" href="{attr(older)}">Older stories</a>'
    extras = "".join(f'<li><a href="{attr(u)}">{text(t)}</a></li>' for t, u in extra_links or [])
    return (
        f"{_head(f'{heading} | {outlet.name}', _alternate_feeds(outlet), f'/{cls}.css')}"
        f'<body class="{cls}-listing">\n{_cookie(f"{cls}-cookies")}'
        f'<header><a href="{attr(outlet.url(""))}">{text(outlet.name)}</a></header>\n'
        f"{_nav(outlet, f'{cls}-nav')}<main><h1>{text(heading)}</h1>\n<ul>\n{rows}</ul>\n"
        f'<div class="pager">{pager}</div>\n<ul class="extra-links">{extras}</ul>\n'
        f'<form action="{attr(outlet.url("search"))}">'
        '<input name="q"><button>Search</button></form>\n'
        f"</main>\n{_footer(outlet, f'{cls}-footer')}</body>\n</html>\n"
    )


def render_site_index(title: str, outlets: list[Outlet]) -> str:
    """The site-wide index page linking every outlet."""
    rows = "".join(
        f'<li><a href="{attr(o.url(""))}">{text(o.name)}</a> '
        f'(<a href="{attr(o.url("rss.xml"))}">RSS</a>, '
        f'<a href="{attr(o.url("atom.xml"))}">Atom</a>, '
        f'<a href="{attr(o.url("feed.json"))}">JSON Feed</a>, '
        f'<a href="{attr(o.url("sitemap-news.xml"))}">news sitemap</a>)</li>\n'
        for o in outlets
    )
    return (
        f"{_head(title, '', '/index.css')}<body>\n<h1>{text(title)}</h1>\n"
        "<p>An invented news web generated by Retina for testing. Every outlet, person, "
        "place and organisation on it is fictional.</p>\n"
        f"<ul>\n{rows}</ul>\n</body>\n</html>\n"
    )


_NOINDEX = '<meta name="robots" content="noindex">\n'


def render_drafts_page(outlet: Outlet) -> str:
    """A page under a robots.txt Disallow: polite crawlers never fetch it."""
    return (
        f"{_head(f'Drafts | {outlet.name}', _NOINDEX, '/d.css')}"
        "<body><h1>Unpublished drafts</h1><p>Crawlers that respect robots.txt never see this "
        "page.</p></body>\n</html>\n"
    )


def render_about_page(outlet: Outlet) -> str:
    staff = "".join(f"<li>{text(name)}</li>" for name in outlet.staff)
    return (
        f"{_head(f'About | {outlet.name}', '', '/a.css')}<body><h1>About {text(outlet.name)}</h1>"
        f"<p>{text(outlet.name)} is an invented publication.</p><h2>Our journalists</h2>"
        f"<ul>{staff}</ul>{_footer(outlet, 'about-footer')}</body>\n</html>\n"
    )


def render_media(index: int) -> str:
    """A small placeholder picture (SVG) for article images."""
    hue = (index * 47) % 360
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675" viewBox="0 0 1200 675">'
        f'<rect width="1200" height="675" fill="hsl({hue},40%,60%)"/>'
        f'<circle cx="{300 + index * 110}" cy="300" r="140" '
        f'fill="hsl({(hue + 90) % 360},50%,80%)"/>'
        "</svg>\n"
    )
