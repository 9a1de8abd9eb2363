"""Reading feeds, sitemaps and pages: real publishers' feeds from ../shared, the sample web's
feeds, and hostile documents."""

from __future__ import annotations

import html
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from retina.errors import InputError
from retina.ingest.feeds import SourceKind, parse_source
from retina.sample import generate

FEEDS = Path(__file__).resolve().parents[2] / "shared" / "data" / "feeds"
needs_feeds = pytest.mark.skipif(
    not FEEDS.is_dir(), reason=f"the real-feed corpus is not there ({FEEDS})"
)
URL = "https://news.example.com/feed"


def corpus() -> list[Path]:
    if not FEEDS.is_dir():
        return []
    return sorted(p for p in FEEDS.rglob("*") if p.suffix in (".xml", ".json"))


@needs_feeds
@pytest.mark.parametrize("path", corpus(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_real_feed_parses_into_items(path: Path) -> None:
    parsed = parse_source(path.read_bytes(), url=URL)
    assert parsed.kind in (SourceKind.RSS, SourceKind.RDF, SourceKind.ATOM, SourceKind.JSON_FEED)
    assert parsed.title and parsed.items
    assert len({item.key for item in parsed.items}) == len(parsed.items)
    for item in parsed.items:
        assert item.url is None or item.url.startswith(("http://", "https://"))
        assert item.published is None or item.published.tzinfo is UTC
        assert "\ufffd" not in (item.title or "") + (item.summary or "")
    if ".malformed." in path.name:
        assert parsed.recovered and "read leniently" in parsed.recovered


@needs_feeds
def test_what_is_not_a_feed_fails_with_a_reason() -> None:
    for path in (FEEDS / "README.txt", FEEDS / "miniflux" / "LICENSE_miniflux_Apache2.txt"):
        with pytest.raises(InputError, match=r"not a feed, sitemap or HTML page \(.+ at line \d+"):
            parse_source(path.read_bytes(), url=URL)


@needs_feeds
@pytest.mark.parametrize(
    ("name", "codec", "expected"),
    [
        ("encoding_ISO-8859-1.xml", "iso-8859-1", 40),
        ("no_encoding_ISO-8859-1.xml", "iso-8859-1", 9),  # and one empty <item>
        ("encoding_WINDOWS-1251.xml", "windows-1251", 50),
    ],
)
def test_charsets_come_out_right(name: str, codec: str, expected: int) -> None:
    """Every title is in the file as decoded with the charset it really uses, and the
    feeds' non-ASCII letters survive (no mojibake, no replacement characters)."""
    body = (FEEDS / "miniflux" / name).read_bytes()
    reference = " ".join(html.unescape(body.decode(codec)).split())
    parsed = parse_source(body, url=URL)
    assert len(parsed.items) == expected
    text = " ".join((i.title or "") + " " + (i.summary or "") for i in parsed.items)
    for item in parsed.items:
        assert item.title and " ".join(item.title.split()) in reference
    assert "Ã" not in text and "Ð" not in text
    assert any(ord(ch) > 127 for ch in text)


@needs_feeds
def test_malformed_feeds_keep_all_their_items() -> None:
    """Lenient recovery: as many items as the file has <item> elements."""
    for name in ("elpais.malformed.xml", "europapress.malformed.xml"):
        body = (FEEDS / "mocks_jmanuelbr" / name).read_bytes()
        parsed = parse_source(body, url=URL)
        assert len(parsed.items) == body.count(b"<item>") + body.count(b"<item ")
        assert all(item.title and item.url for item in parsed.items)


@pytest.fixture(scope="module")
def web(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("feeds-web")
    generate(folder, seed=5, outlets=2, articles=40, hostile=True)
    return folder


def test_the_sample_webs_feeds_agree(web: Path) -> None:
    """RSS, Atom, JSON Feed and the news sitemap of an outlet list the same articles."""
    outlet = json.loads((web / "outlets.json").read_text())[0]
    folder = web / outlet["folder"]
    found = {}
    for name, kind in (
        ("rss.xml", SourceKind.RSS),
        ("atom.xml", SourceKind.ATOM),
        ("feed.json", SourceKind.JSON_FEED),
        ("sitemap-news.xml", SourceKind.NEWS_SITEMAP),
    ):
        parsed = parse_source((folder / name).read_bytes(), url=outlet["feeds"]["rss"])
        assert parsed.kind is kind
        assert all(item.title and item.published for item in parsed.items)
        found[name] = {item.url: item for item in parsed.items}
    assert found["rss.xml"].keys() == found["atom.xml"].keys() == found["feed.json"].keys()
    assert found["rss.xml"].keys() <= found["sitemap-news.xml"].keys()
    for url, item in found["rss.xml"].items():
        assert found["atom.xml"][url].title == item.title == found["sitemap-news.xml"][url].title
        assert found["feed.json"][url].published == item.published
    if outlet["feed_content"] == "full":
        assert all(item.content for item in found["atom.xml"].values())


def test_a_page_declares_its_feeds(web: Path) -> None:
    outlet = json.loads((web / "outlets.json").read_text())[0]
    page = (web / outlet["folder"] / "index.html").read_bytes()
    parsed = parse_source(page, url=outlet["front_page"], content_type="text/html")
    assert parsed.kind is SourceKind.HTML
    assert parsed.feed_links == [outlet["feeds"][k] for k in ("rss", "atom", "json")]


def test_relative_feed_links_follow_the_base() -> None:
    page = (
        b'<!doctype html><html><head><base href="https://cdn.example.org/news/">'
        b'<link rel="alternate" type="application/atom+xml" href="atom.xml">'
        b'<link rel="alternate" type="text/html" href="/fr/">'
        b'<link rel="stylesheet" type="text/css" href="x.css"></head><body></body></html>'
    )
    parsed = parse_source(page, url="https://example.org/")
    assert parsed.feed_links == ["https://cdn.example.org/news/atom.xml"]


def test_a_sitemap_index_lists_its_sitemaps() -> None:
    body = (
        b'<?xml version="1.0" encoding="UTF-8"?>\n'
        b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        b"<sitemap><loc>https://example.org/sitemap-1.xml</loc></sitemap>"
        b"<sitemap><loc>/sitemap-2.xml</loc></sitemap>"
        b"<sitemap><loc>javascript:alert(1)</loc></sitemap></sitemapindex>"
    )
    parsed = parse_source(body, url="https://example.org/sitemap.xml")
    assert parsed.kind is SourceKind.SITEMAP_INDEX
    assert parsed.sitemaps == [
        "https://example.org/sitemap-1.xml",
        "https://example.org/sitemap-2.xml",
    ]


def test_a_plain_sitemap_lists_newest_first() -> None:
    body = (
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        b"<url><loc>https://example.org/old</loc><lastmod>2020-01-01</lastmod></url>"
        b"<url><loc>https://example.org/new</loc><lastmod>2024-05-01T10:00:00+02:00</lastmod></url>"
        b"<url><loc>https://example.org/undated</loc></url></urlset>"
    )
    parsed = parse_source(body, url="https://example.org/sitemap.xml")
    assert parsed.kind is SourceKind.SITEMAP
    assert [i.url.rsplit("/", 1)[1] for i in parsed.items if i.url] == ["new", "old", "undated"]
    assert parsed.items[0].published == datetime(2024, 5, 1, 8, tzinfo=UTC)


def test_json_feed_1_0_author_and_text_content() -> None:
    body = json.dumps(
        {
            "version": "https://jsonfeed.org/version/1",
            "title": "T",
            "author": {"name": "Ann Lee"},
            "items": [{"id": "1", "url": "/a", "content_text": "Hello there.", "title": "A"}],
        }
    ).encode()
    (item,) = parse_source(body, url="https://example.org/feed.json").items
    assert item.url == "https://example.org/a" and item.authors == ("Ann Lee",)
    assert item.content == "Hello there."


@pytest.mark.parametrize(
    ("name", "message"),
    [("billion-laughs.xml", "entity-expansion"), ("external-entity.xml", "external entity")],
)
def test_hostile_xml_is_refused(web: Path, name: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_source((web / "hostile" / "feeds" / name).read_bytes(), url=URL)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"", "empty document"),
        (b"  \n", "empty document"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
        (b"<rss><channel><item><title>&#xFFFFFFFF; &#0; &#xD800;</title></item>", None),
        (b'{"items": []}', "not a JSON Feed"),
        (b'{"version": "https://jsonfeed.org/version/1.1"}', "without an items list"),
        (b"{not json", "not valid JSON"),
        (b"[" * 200_000, "nested too deeply"),
        (b'{"version": "https://jsonfeed.org/version/1", "items": ' + b"[" * 100_000, "deeply"),
        (b"<rss><channel>" + b"<a>" * 200_000, "nested more than 200 deep"),
        (b"<rss><channel>" + b"<item><title>x</title></item>" * 30_000, "more than 50,000"),
        (b"<rss><channel><item>" + b"<b>" * 150 + b"x" + b"</b>" * 150 + b"</item>", None),
        (b"<rss><channel><title>x", None),
    ],
)
def test_bad_documents(body: bytes, message: str | None) -> None:
    if message is None:  # truncated, but a feed: read leniently
        parsed = parse_source(body, url=URL)
        assert parsed.kind is SourceKind.RSS and parsed.recovered
        return
    with pytest.raises(InputError, match=message):
        parse_source(body, url=URL)


def test_the_body_decides_not_the_content_type() -> None:
    rss = b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item>'
    rss += b"<title>A</title><link>https://example.org/a</link></item></channel></rss>"
    assert parse_source(rss, url=URL, content_type="application/json").kind is SourceKind.RSS
    assert parse_source(rss, url=URL, content_type="text/html").kind is SourceKind.RSS


def test_an_entity_declared_past_the_first_bytes_is_refused() -> None:
    padding = "".join(f'<!ENTITY pad{i} "&#160;">\n' for i in range(400))
    body = (
        f'<?xml version="1.0"?>\n<!DOCTYPE rss [\n{padding}'
        '<!ENTITY secret SYSTEM "file:///etc/passwd">\n]>\n'
        "<rss><channel><title>&secret;</title></channel></rss>"
    ).encode()
    assert len(body) > 4096
    with pytest.raises(InputError, match="external entity"):
        parse_source(body, url=URL)


def test_item_links_that_do_not_parse_are_dropped() -> None:
    rss = b'<rss version="2.0"><channel><title>T</title>'
    for link in (b"http://[::1", b"http://example.org:99999/a", b"https://example.org/b"):
        rss += b"<item><title>x</title><link>" + link + b"</link></item>"
    parsed = parse_source(rss + b"</channel></rss>", url=URL)
    assert [i.url for i in parsed.items if i.url] == ["https://example.org/b"]


def test_a_sitemap_entry_whose_text_references_a_surrogate_is_dropped() -> None:
    """Fuzzing (seed 42): the recovering parser keeps "&#xD800;" as bytes lxml cannot
    decode, and reading the entry's address raised UnicodeDecodeError."""
    sitemap = (
        b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        b"<url><loc>https://example.org/x&#xD800;</loc></url>"
        b"<url><loc>https://example.org/ok</loc></url></urlset>"
    )
    parsed = parse_source(sitemap, url=URL)
    assert [i.url for i in parsed.items] == ["https://example.org/ok"]


def test_item_links_keep_the_parameters_that_name_the_article() -> None:
    """Tracking parameters and fragments go; a SPIP site's "?article8532" and a PHP site's
    "?story=55" name the article and stay (courlan's normalisation dropped them, and every
    item of such a feed pointed at one page)."""
    rss = b'<rss version="2.0"><channel><title>T</title>'
    for link in (
        b"https://example.org/spip.php?article8532",
        b"https://example.org/news.php?story=55&amp;utm_source=rss#top",
        b"https://web.archive.org/web/2016/http://example.org/a",
    ):
        rss += b"<item><title>x</title><link>" + link + b"</link></item>"
    parsed = parse_source(rss + b"</channel></rss>", url=URL)
    assert [i.url for i in parsed.items] == [
        "https://example.org/spip.php?article8532",
        "https://example.org/news.php?story=55",
        "https://web.archive.org/web/2016/http://example.org/a",
    ]


def test_impossible_character_references_become_replacement_characters() -> None:
    """feedparser's HTML sanitiser crashes on a reference beyond Unicode."""
    rss = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item>'
        b"<title>Bad &#xFFFFFFFF; ref</title><link>https://example.org/a</link>"
        b"<description>&lt;p&gt;x &amp;#99999999999; y&lt;/p&gt;</description>"
        b"</item></channel></rss>"
    )
    (item,) = parse_source(rss, url=URL).items
    assert item.title == "Bad \ufffd ref"
    assert item.summary is not None and "&#xfffd;" in item.summary.lower()


def test_a_large_undeclared_feed_comes_out_right() -> None:
    """Undeclared and not UTF-8: Retina guesses the charset from the first 200 kB (the
    fuzzer found feedparser's own guess, chardet over all of it, taking minutes)."""
    title = "Новости дня: в Москве открылась новая станция метро"
    item = f"<item><title>{title}</title><link>https://example.org/a</link></item>"
    rss = "<rss><channel><title>T</title>" + item + " " * 2_000_000 + "</channel></rss>"
    parsed = parse_source(rss.encode("cp1251"), url=URL)
    assert [i.title for i in parsed.items] == [title]


@pytest.mark.parametrize(
    ("declaration", "line"),
    [
        ('<?xml version="1.0" encoding="iso-8859-1"?>\n', 4),
        ("", 3),
        ('\n\n<?xml version="1.0"?>\n', 6),  # blank lines first: read as if they were not
    ],
)
def test_a_leniently_read_feed_names_the_line_of_its_own_text(declaration: str, line: int) -> None:
    """Retina puts its own UTF-8 declaration on a line above the feed; the line a problem
    is reported on is still the feed's."""
    feed = (
        f'{declaration}<rss version="2.0"><channel><title>Harbour</title>\n'
        "<item><title>Vote</title><link>http://x.example/a</link></item>\n"
        "<item><title>Fees &nbsp; rise</title><link>http://x.example/b</link></item>\n"
        "</channel></rss>"
    )
    parsed = parse_source(feed.encode("latin-1"), url="http://x.example/feed")
    assert parsed.recovered == f"read leniently: undefined entity at line {line}, column 18"
    assert [item.url for item in parsed.items] == ["http://x.example/a", "http://x.example/b"]


@pytest.mark.parametrize(
    "document",
    [
        "<rss version='2.0'><channel><item {attributes}><title>x</title></item></channel></rss>",
        "<html><head><title>x</title></head><body><p {attributes}>x</p></body></html>",
    ],
)
def test_an_element_of_thousands_of_attributes_is_refused(document: str) -> None:
    """feedparser looks each attribute up among the others, libxml2's HTML parser checks
    each against the others: 50,000 on one element held either for minutes."""
    attributes = " ".join(f"a{i}='v'" for i in range(50_000))
    with pytest.raises(InputError, match="more than 1,000 attributes"):
        parse_source(document.format(attributes=attributes).encode(), url="http://x.example/")
