"""Ground truth of the sample web agrees with the pages, feeds, sitemaps and robots.txt."""

from __future__ import annotations

import difflib
import json
import re
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import lxml.html
import pytest
from lxml import etree

from retina.sample import generate, read_truth

NS = {
    "atom": "http://www.w3.org/2005/Atom",
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
    "content": "http://purl.org/rss/1.0/modules/content/",
}


@pytest.fixture(scope="module")
def web(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("web")
    generate(folder, seed=4, outlets=8, articles=500)
    return folder


@pytest.fixture(scope="module")
def truth(web: Path) -> list[dict[str, Any]]:
    return list(read_truth(web))


def norm(text: str) -> str:
    return " ".join(text.split())


def page_text(web: Path, record: dict[str, Any]) -> str:
    """The visible text of a page, whitespace-normalised (<br> and blocks separate words)."""
    data = (web / record["path"]).read_bytes()
    if record["format"] == "txt":
        return norm(data.decode("utf-8"))
    doc = lxml.html.fromstring(data)
    for element in doc.iter("script", "style", "title"):
        element.drop_tree()
    for element in doc.iter("br", "p", "div", "li", "h1", "h2", "h3", "h4", "blockquote", "td"):
        element.tail = " " + (element.tail or "")
    return norm(doc.text_content())


def url_to_record(truth: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {r["url"]: r for r in truth}


def test_every_page_exists_and_has_its_title_and_blocks(
    web: Path, truth: list[dict[str, Any]]
) -> None:
    for record in truth:
        text = page_text(web, record)
        assert norm(record["title"]) in text
        for block in record["blocks"]:
            assert norm(block["text"]) in text, (record["path"], block["text"])
        assert record["language"] == "en"
        published = datetime.fromisoformat(record["published"])
        assert published.utcoffset() is not None
        if record["updated"]:
            assert datetime.fromisoformat(record["updated"]) > published


def test_the_corpus_has_every_kind_of_page(truth: list[dict[str, Any]]) -> None:
    roles = Counter(r["role"] for r in truth)
    assert {"original", "coverage", "syndicated"} <= set(roles)
    families = {r["template_family"] for r in truth}
    assert families == {
        "broadsheet",
        "modern",
        "tabloid",
        "wire",
        "magazine",
        "portal",
        "text-dump",
    }
    assert any(r["is_exact_repost"] for r in truth)
    assert any(r["lookalikes"] for r in truth)
    assert any(r["pull_quotes"] for r in truth)
    assert any(b["kind"] == "quote" for r in truth for b in r["blocks"])
    assert any(b["kind"] == "heading" for r in truth for b in r["blocks"])
    assert any(b["kind"] == "list_item" for r in truth for b in r["blocks"])
    kinds = Counter(i["kind"] for r in truth for i in r["injected"])
    assert {"related_link", "attribution", "ad", "newsletter_prompt"} <= set(kinds)
    markers = {i["marker"] for r in truth for i in r["injected"] if i["kind"] == "related_link"}
    assert len(markers) >= 8
    stories = Counter(r["story_id"] for r in truth)
    assert max(stories.values()) >= 4  # some events are covered widely


def test_stories_share_facts_across_outlets(truth: list[dict[str, Any]]) -> None:
    by_story: dict[str, list[dict[str, Any]]] = {}
    for record in truth:
        by_story.setdefault(record["story_id"], []).append(record)
    for records in by_story.values():
        assert len({json.dumps(r["event"], sort_keys=True) for r in records}) == 1
        assert len({r["section"] for r in records}) == 1
        originals = [r for r in records if r["role"] == "original"]
        assert len(originals) <= 1
        outlets = [r["outlet"] for r in records if r["role"] in ("original", "coverage")]
        assert len(outlets) == len(set(outlets))


def test_copies_point_at_real_pages(web: Path, truth: list[dict[str, Any]]) -> None:
    pages = url_to_record(truth)
    for record in truth:
        source_url = record["syndicated_from"]
        if record["role"] in ("original", "coverage"):
            assert source_url is None and record["origin"] is None
            continue
        source = pages[source_url]
        assert source["story_id"] == record["story_id"]
        published = datetime.fromisoformat(record["published"])
        assert datetime.fromisoformat(source["published"]) < published
        source_blocks = [norm(b["text"]) for b in source["blocks"]]
        copy_blocks = [norm(b["text"]) for b in record["blocks"]]
        if record["is_exact_repost"]:
            assert copy_blocks == source_blocks
        else:
            assert copy_blocks != source_blocks  # small edits...
            unchanged = sum(block in source_blocks for block in copy_blocks)
            assert unchanged >= len(source_blocks) - 4  # ...but small ones
        if record["role"] == "syndicated":
            assert record["origin"] == source["outlet"] != record["outlet"]
            credits = [i for i in record["injected"] if i["kind"] == "attribution"]
            assert len(credits) == 1 and record["origin"] in credits[0]["text"]
        if record["canonical_url"] not in (None, record["url"]):
            assert record["canonical_url"] == source_url


def test_injected_blocks_are_in_the_page_but_not_in_the_main_text(
    web: Path, truth: list[dict[str, Any]]
) -> None:
    for record in truth:
        text = page_text(web, record)
        blocks = [norm(b["text"]) for b in record["blocks"]]
        for item in record["injected"]:
            assert norm(item["text"]) in text, (record["path"], item)
            assert norm(item["text"]) not in blocks
            assert 0 <= item["position"] <= len(blocks)
            if item["kind"] == "related_link":
                headline = norm(item["headline"])
                assert not any(headline in block for block in blocks)
                assert item["headline"] != record["title"]


def test_related_links_point_at_other_stories(truth: list[dict[str, Any]]) -> None:
    pages = url_to_record(truth)
    linked = 0
    for record in truth:
        for item in record["injected"]:
            if item["kind"] == "related_link" and item["link"]:
                target = pages[item["link"]]
                assert target["story_id"] != record["story_id"]
                assert target["title"] == item["headline"]
                linked += 1
    assert linked > 20


def test_pull_quotes_repeat_a_body_sentence_with_small_edits(
    web: Path, truth: list[dict[str, Any]]
) -> None:
    seen = 0
    for record in truth:
        text = page_text(web, record)
        for quote in record["pull_quotes"]:
            seen += 1
            source = norm(quote["source_text"])
            assert norm(quote["text"]) in text
            assert source in norm(record["blocks"][quote["source_block"]]["text"])
            assert norm(quote["text"]) != source
            assert norm(quote["text"]) not in [norm(b["text"]) for b in record["blocks"]]
            similarity = difflib.SequenceMatcher(None, source, norm(quote["text"])).ratio()
            assert similarity > 0.6, (quote, similarity)
            assert quote["position"] > quote["source_block"]
    assert seen > 20


def test_entities_are_named_in_the_title_or_main_text(truth: list[dict[str, Any]]) -> None:
    types = Counter()
    for record in truth:
        text = record["title"] + " " + " ".join(b["text"] for b in record["blocks"])
        for entity in record["entities"]:
            assert entity["text"] in text
            types[entity["type"]] += 1
        event = record["event"]
        names = [p["name"] for p in event["people"]] + event["organisations"]
        for name in names:
            if name in text:
                assert any(e["text"] == name for e in record["entities"]), name
    assert set(types) == {"PERSON", "ORG", "PLACE", "COUNTRY"}


def test_lookalikes_are_main_text(truth: list[dict[str, Any]]) -> None:
    found = [
        record["blocks"][item["block"]]["text"] for record in truth for item in record["lookalikes"]
    ]
    assert found
    starts = re.compile(r"^(Also, read|Read more|More broadly|Related|Recommended|See,|Source|Via)")
    assert all(starts.match(text) for text in found)


def test_text_dumps_follow_the_seed_format(web: Path, truth: list[dict[str, Any]]) -> None:
    dumps = [r for r in truth if r["format"] == "txt"]
    assert dumps
    for record in dumps:
        raw = (web / record["path"]).read_text(encoding="utf-8")
        paragraphs = raw.split("\n\n")
        assert paragraphs[0] == record["title"]
        assert paragraphs[1] == record["outlet"]
        assert not raw.endswith("\n")
        assert record["authors"] == []
        attributions = [i for i in record["injected"] if i["kind"] == "attribution"]
        if attributions and attributions[0]["position"] == len(record["blocks"]):
            assert paragraphs[-1] == attributions[0]["text"]
    seed_like = [
        i["text"]
        for r in dumps
        for i in r["injected"]
        if i["kind"] == "attribution" and i["text"].startswith("Source: ") and " – " in i["text"]
    ]
    assert seed_like


def test_dump_injections_look_like_the_seed_article(
    truth: list[dict[str, Any]], seed_bytes: bytes
) -> None:
    seed = seed_bytes.decode("utf-8")
    seed_marker = re.search(r"^Also Read:\s+", seed, re.M)
    assert seed_marker is not None
    ours = {i["marker"] + i["separator"] for r in truth for i in r["injected"] if "marker" in i}
    assert seed_marker.group(0) in ours  # "Also Read:" + space + no-break space + space
    seed_source = seed.rsplit("\n\n", 1)[1]
    assert re.fullmatch(r"Source: \w+ – .+", seed_source)
    assert any(
        re.fullmatch(r"Source: \w+ – .+", i["text"])
        for r in truth
        if r["format"] == "txt"
        for i in r["injected"]
    )


def test_feeds_parse_and_reference_existing_pages(web: Path, truth: list[dict[str, Any]]) -> None:
    pages = url_to_record(truth)
    outlets = json.loads((web / "outlets.json").read_text())
    for outlet in outlets:
        folder = web / outlet["folder"]
        rss = etree.parse(str(folder / "rss.xml"))
        items = rss.findall("channel/item")
        atom = etree.parse(str(folder / "atom.xml")).getroot().findall("atom:entry", NS)
        feed = json.loads((folder / "feed.json").read_text())
        assert feed["version"] == "https://jsonfeed.org/version/1.1"
        assert len(items) == len(atom) == len(feed["items"]) > 0
        rss_links = [i.findtext("link") for i in items]
        atom_links = [e.find("atom:link", NS).get("href") for e in atom]
        json_links = [i["url"] for i in feed["items"]]
        assert rss_links == atom_links == json_links
        for link in rss_links:
            parts = urlsplit(link)
            record = pages[link.split("?")[0]]
            assert record["outlet_slug"] == outlet["slug"]
            assert (parts.query or None) == outlet["feed_tracking"]
        full = outlet["feed_content"] == "full"
        assert all((i.find("content:encoded", NS) is not None) == full for i in items)
        assert all(("content_html" in i) == full for i in feed["items"])
        dates = [datetime.fromisoformat(i["date_published"]) for i in feed["items"]]
        assert dates == sorted(dates, reverse=True)


def test_news_sitemaps_are_valid(web: Path, truth: list[dict[str, Any]]) -> None:
    pages = url_to_record(truth)
    for outlet in json.loads((web / "outlets.json").read_text()):
        root = etree.parse(str(web / outlet["folder"] / "sitemap-news.xml")).getroot()
        assert root.tag == f"{{{NS['sm']}}}urlset"
        urls = root.findall("sm:url", NS)
        assert urls
        for url in urls:
            record = pages[url.findtext("sm:loc", namespaces=NS)]
            news = url.find("news:news", NS)
            assert news.findtext("news:publication/news:name", namespaces=NS) == outlet["name"]
            assert news.findtext("news:publication/news:language", namespaces=NS) == "en"
            assert news.findtext("news:title", namespaces=NS) == record["title"]
            published = news.findtext("news:publication_date", namespaces=NS)
            assert datetime.fromisoformat(published) == datetime.fromisoformat(record["published"])


def test_outlets_json_robots_and_listings(web: Path, truth: list[dict[str, Any]]) -> None:
    outlets = json.loads((web / "outlets.json").read_text())
    assert len({o["name"] for o in outlets}) == len(outlets) == 9
    assert [o["kind"] for o in outlets].count("aggregator") == 1
    root_robots = (web / "robots.txt").read_text()
    for outlet in outlets:
        for key in ("feeds", "sitemap", "template_family", "poll", "base_url", "robots"):
            assert outlet[key]
        robots = (web / outlet["folder"] / "robots.txt").read_text()
        for path in outlet["robots"]["disallow"]:
            assert f"Disallow: {path}" in robots and f"Disallow: {path}" in root_robots
        if outlet["robots"]["crawl_delay"]:
            assert f"Crawl-delay: {outlet['robots']['crawl_delay']}" in robots
        front = (web / outlet["folder"] / "index.html").read_text()
        assert "rss.xml" in front
        if any(p.endswith("/drafts/") for p in outlet["robots"]["disallow"]):
            assert (web / outlet["folder"] / "drafts" / "index.html").is_file()
    index = (web / "index.html").read_text()
    assert all(o["front_page"] in index for o in outlets)
    sections = "".join(p.read_text() for p in web.glob("*/*/index.html"))
    listed = set(re.findall(r'href="([^"]+)"', sections))
    assert sum(1 for r in truth if r["url"] in listed) > len(truth) // 2
