"""Listing pages (front, section, tag pages): teasers of other articles, refused with a
reason; articles that carry teasers, or links, are still articles."""

from __future__ import annotations

import pytest

from conftest import shared_path
from retina import clean
from retina.errors import InputError, NotAnArticle
from retina.sample import generate

_TOPICS = [
    ("Harbour board approves the new ferry terminal", "harbour-terminal"),
    ("Council delays the vote on school closures", "school-closures"),
    ("Storm warning issued for the northern coast", "storm-warning"),
    ("Local bakery wins the national bread award", "bread-award"),
    ("Rail strike called off after late night talks", "rail-strike"),
    ("New cycle lanes open across the city centre", "cycle-lanes"),
    ("Hospital opens a second emergency department", "hospital-emergency"),
    ("Museum returns stolen paintings to their owners", "museum-paintings"),
]


def _blurb(headline: str) -> str:
    return (
        f"{headline}, officials said on Tuesday. The decision follows months of debate and "
        "a public consultation that drew thousands of responses from residents."
    )


def _page(body: str, title: str = "News | The Coastal Ledger") -> str:
    return (
        f"<!DOCTYPE html><html lang='en'><head><title>{title}</title></head><body>"
        "<header><nav><a href='/'>Home</a> <a href='/news/'>News</a> "
        "<a href='/sport/'>Sport</a></nav></header>"
        f"<main>{body}</main><footer><p>© The Coastal Ledger</p></footer></body></html>"
    )


def _wordpress_archive() -> str:
    posts = "".join(
        f"<article class='post'><header><h2 class='entry-title'>"
        f"<a href='/2024/05/{slug}/'>{headline}</a></h2>"
        f"<time datetime='2024-05-0{n + 1}'>May {n + 1}, 2024</time></header>"
        f"<div class='entry-summary'><p>{_blurb(headline)}</p></div>"
        f"<a class='more-link' href='/2024/05/{slug}/'>Continue reading</a></article>"
        for n, (headline, slug) in enumerate(_TOPICS)
    )
    return _page(f"<h1 class='archive-title'>Category: News</h1>{posts}")


def _front_page() -> str:
    teasers = "".join(
        f"<div class='card'><span class='kicker'>Coast</span>"
        f"<a href='https://coastal-ledger.example/news/{slug}'><h3>{headline}</h3></a>"
        f"<p class='dek'>{_blurb(headline)}</p><p class='byline'>By Ana Ruiz</p></div>"
        for headline, slug in _TOPICS
    )
    return _page(f"<section class='top-stories'>{teasers}</section>", "The Coastal Ledger")


def _chinese_front_page() -> str:
    headlines = [
        "国务院常务会议部署进一步稳定外贸工作",
        "全国铁路暑运发送旅客再创历史新高",
        "多地出台措施支持新能源汽车消费",
        "科学家在南海发现大型冷泉生态系统",
        "今年夏粮收购进度快于去年同期水平",
        "城市更新行动推动老旧小区改造提速",
    ]
    items = "".join(
        f"<li><h3><a href='/news/{n}.html'>{h}</a></h3>"
        f"<p>{h}。记者从有关部门获悉，相关工作正在有序推进。</p></li>"
        for n, h in enumerate(headlines)
    )
    return _page(f"<ul class='news-list'>{items}</ul>", "新闻中心_海岸日报")


@pytest.mark.parametrize(
    ("page", "teased"),
    [(_wordpress_archive(), 8), (_front_page(), 8), (_chinese_front_page(), 6)],
    ids=["wordpress-archive", "front-page-cards", "chinese-list"],
)
def test_a_listing_page_is_refused_with_its_reason(page: str, teased: int) -> None:
    with pytest.raises(InputError) as raised:
        clean(page, url="https://coastal-ledger.example/news/")
    message = str(raised.value)
    assert message.startswith("a listing page (front, section or tag page), not an article")
    assert f"teasers of {teased} other articles" in message


def test_a_listing_page_is_kept_when_asked() -> None:
    """A feed item's own text may be a digest of links: it is the item."""
    article = clean(_wordpress_archive(), keep_listing=True)
    assert "Harbour board approves the new ferry terminal" in article.text


_ARTICLE = (
    "<article><h1>Harbour board approves the new ferry terminal</h1>"
    "<p>The harbour board approved plans for a new ferry terminal on Tuesday, ending a "
    "dispute that had divided the town for more than two years.</p>"
    "<p>The terminal will replace the ageing pier and is expected to open in 2027, the "
    "board's chair told reporters after the meeting.</p>"
    "</article>"
)


def test_an_article_followed_by_teasers_of_others_is_an_article() -> None:
    more = "".join(
        f"<div class='teaser'><a href='/news/{slug}'><h3>{headline}</h3></a>"
        f"<p>{_blurb(headline)}</p></div>"
        for headline, slug in _TOPICS[1:]
    )
    page = _page(f"{_ARTICLE}<section><h2>More from the Ledger</h2>{more}</section>")
    article = clean(page, url="https://coastal-ledger.example/news/harbour-terminal")
    assert "ending a dispute that had divided the town" in article.text


def test_a_short_post_ending_with_its_link_is_an_article() -> None:
    """A blog post of two lines whose last line is a link (to the story it comments on),
    followed by teasers of the next posts: the post's words come before its link, so the
    post is no teaser of it."""
    post = (
        "<article><h1>Hating millennials</h1><div class='entry'>"
        "<p>Cartoonist Matt Bors wrote a scathing critique of the story of the lazy, "
        "narcissistic generation that older people love to tell.</p>"
        "<p><a href='https://news.example/opinion/generation-we-love-to-dump-on'>"
        "The generation we love to dump on</a></p></div></article>"
    )
    nexts = "".join(
        f"<div class='nextstory'><a href='/2019/09/{slug}.html'><h3>{headline}</h3></a>"
        f"<p>{_blurb(headline)}</p></div>"
        for headline, slug in _TOPICS
    )
    article = clean(_page(post + nexts), url="https://blog.example/2013/07/hating-millennials")
    assert article.text.startswith("Cartoonist Matt Bors")


def test_a_digest_with_an_introduction_is_an_article() -> None:
    """A newsletter's digest of stories opens with its own words."""
    items = "".join(
        f"<li><a href='https://elsewhere.example/{slug}'>{headline}</a> — {_blurb(headline)}</li>"
        for headline, slug in _TOPICS
    )
    intro = (
        "<h1>The morning briefing</h1><p>Good morning. Ferries, schools and the weather "
        "lead today's briefing, with a strike that ended before it began and a prize for "
        "the town's favourite bakery. Here is what you need to know before you leave.</p>"
    )
    article = clean(_page(f"<article>{intro}<ul>{items}</ul></article>"))
    assert "Good morning. Ferries, schools and the weather" in article.text
    assert "Museum returns stolen paintings to their owners" in article.text


def test_links_inside_running_text_make_no_teasers() -> None:
    paragraphs = "".join(
        f"<p>In a separate development, <a href='/news/{slug}'>{headline.lower()}</a>, "
        f"according to a statement released by the council on Monday evening.</p>"
        for headline, slug in _TOPICS
    )
    article = clean(_page(f"<article><h1>Week in review</h1>{paragraphs}</article>"))
    assert article.text.count("according to a statement released by the council") == len(_TOPICS)


def test_the_sample_webs_fronts_and_sections_are_listings_and_its_articles_are_not(
    tmp_path,
) -> None:
    generate(tmp_path, seed=11, outlets=4, articles=120)
    refused = kept = 0
    for page in sorted(tmp_path.rglob("*.html")):
        if page.name == "index.html" and page.parent != tmp_path:
            try:
                clean(page.read_bytes())
            except InputError as error:
                refused += "listing page" in str(error)
            continue
        clean(page.read_bytes())  # an article page: must not raise
        kept += 1
    fronts = len([p for p in tmp_path.iterdir() if (p / "index.html").is_file()])
    assert kept >= 100
    assert refused >= fronts


def test_real_front_pages_are_refused() -> None:
    folder = shared_path("data", "extraction", "newspaper4k", "html")
    with pytest.raises(InputError, match="listing page"):
        clean((folder / "yahoo_main_site.html").read_bytes(), url="https://uk.yahoo.com/")


def _live_blog() -> str:
    entries = "".join(
        f"<div class='entry'><p class='time'>{10 + n}:00 GMT</p>"
        f"<h2><a href='/news/live/storm?entry={n}'>{headline}</a></h2>"
        f"<p>{_blurb(headline)}</p></div>"
        for n, (headline, _slug) in enumerate(_TOPICS)
    )
    return _page(f"<h1>Storm live: the latest</h1><div class='live'>{entries}</div>", "Live")


@pytest.mark.parametrize("url", ["https://coastal-ledger.example/news/live/storm", None])
def test_a_live_blog_whose_posts_link_to_themselves_is_an_article(url: str | None) -> None:
    """A live blog's posts, each under a headline linking to the post ("?entry=3"), look
    like teasers; they are posts of the page itself."""
    article = clean(_live_blog(), url=url)
    assert "Rail strike called off after late night talks, officials said" in article.text


def test_a_section_page_of_three_dated_headlines_is_a_listing() -> None:
    """A small section page: three headlines, each with its date on the same line."""
    items = "".join(
        f"<li><a href='/politics/{slug}'>{headline}</a> 2 July 2024</li>"
        for headline, slug in _TOPICS[:3]
    )
    with pytest.raises(NotAnArticle, match="teasers of 3 other articles"):
        clean(_page(f"<h1>Politics</h1><ul>{items}</ul>", "Politics | The Coastal Ledger"))


def test_a_gallery_whose_captions_link_to_their_pictures_is_an_article() -> None:
    photos = "".join(
        f"<div class='photo'><p><a href='/media/{slug}.JPG'>View the full size image</a></p>"
        f"<p>{_blurb(headline)}</p></div>"
        for headline, slug in _TOPICS
    )
    article = clean(_page(f"<article><h1>The storm in pictures</h1>{photos}</article>"))
    assert "Harbour board approves the new ferry terminal, officials said" in article.text
    assert "View the full size image" not in article.text  # a picture's link label
