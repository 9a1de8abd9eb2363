"""The reader: front page by section, section and outlet pages, outlet index, filtered API."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from article_factory import make_article
from retina.store import Store
from retina.web import create_app
from retina.web.pages import FRONT_PAGE_PER_SECTION

START = datetime(2024, 6, 1, 9, tzinfo=UTC)

# Starlette's TestClient decodes "%25" twice, so "%" is tested against a real server
# (tests/test_browser.py); every other character that matters in a URL is here.
ODD_SITE = 'Ledger / Daily? #1 <b>&"'
HOSTILE = '<script>alert("x")</script>'


def store_articles(home: Path, *specs: tuple[str, str | None, str | None, int | None]) -> None:
    """Store an article per (title, section, site, days after START or None)."""
    with Store.open(home) as store:
        for title, section, site, days in specs:
            published = None if days is None else START + timedelta(days=days)
            article = make_article(
                f"{title}.", title=title, section=section, site_name=site, published=published
            )
            store.upsert(article, key=title)


@pytest.fixture
def home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    store_articles(
        home,
        *[(f"Market {n}", "Business", "Courier", n) for n in range(7)],
        ("Flood", "World", ODD_SITE, 10),
        ("Summit", "world", "Courier", 2),
        ("Recipe", None, "Courier", 1),
        ("Letters", "Opinion", None, None),
    )
    return home


@pytest.fixture
def client(home: Path) -> Iterator[TestClient]:
    with TestClient(create_app(home)) as client:
        yield client


def plain_quotes(page: str) -> str:
    """`page` with Jinja's escaped double quotes put back, to compare with `html.escape`."""
    return page.replace("&#34;", '"')


def hrefs(page: str) -> list[str]:
    return [html.unescape(href) for href in re.findall(r'href="([^"]*)"', page)]


def path_of(href: str) -> str:
    return href.removeprefix("http://testserver")


def headings(page: str) -> list[str]:
    return [html.unescape(h) for h in re.findall(r'<h2 id="[^"]*"><a [^>]*>([^<]*)</a>', page)]


def test_front_page_groups_by_section_newest_section_first(client: TestClient) -> None:
    page = client.get("/").text
    assert headings(page) == ["World", "Business", "Opinion", "Other"]
    assert "11 articles by section, newest first" in page
    world = page[page.index(">World<") : page.index(">Business<")]
    assert world.index("Flood") < world.index("Summit")
    business = page[page.index(">Business<") : page.index(">Opinion<")]
    shown = re.findall(r">(Market \d)<", business)
    assert shown == [f"Market {n}" for n in range(6, 6 - FRONT_PAGE_PER_SECTION, -1)]
    assert "All 7 articles in Business →" in business
    other = page[page.index(">Other<") :]
    assert "Recipe" in other and "All 1 article" not in other


def test_front_page_links_each_section_to_its_page(client: TestClient) -> None:
    links = hrefs(client.get("/").text)
    for path in ("/sections/World", "/sections/Business", "/sections/Opinion", "/unsectioned"):
        assert f"http://testserver{path}" in links


def test_section_page_matches_any_case_and_names_the_section(client: TestClient) -> None:
    for spelling in ("World", "WORLD", "world"):
        response = client.get(f"/sections/{spelling}")
        assert response.status_code == 200
        page = response.text
        assert "<h1>World</h1>" in page and "2 articles, newest first" in page
        assert page.index("Flood") < page.index("Summit")
        assert "Market" not in page


def test_section_and_outlet_pages_are_paginated(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("retina.web.pages.PAGE_SIZE", 3)
    first = client.get("/sections/business").text
    assert re.findall(r">(Market \d)<", first) == ["Market 6", "Market 5", "Market 4"]
    assert "Page 1 of 3" in first
    assert "http://testserver/sections/Business?page=2" in hrefs(first)
    last = client.get("/sections/business", params={"page": 3}).text
    assert re.findall(r">(Market \d)<", last) == ["Market 0"]
    assert "http://testserver/sections/Business?page=2" in hrefs(last)
    courier = client.get("/sites/Courier", params={"page": 2}).text
    assert "Page 2 of 3" in courier and "9 articles, newest first" in courier


def test_unsectioned_articles_have_their_own_page(client: TestClient) -> None:
    page = client.get("/unsectioned").text
    assert "<h1>Other</h1>" in page and "Recipe" in page and "Flood" not in page


def test_unknown_section_or_outlet_is_a_404(client: TestClient) -> None:
    for path, message in [
        ("/sections/Sport", "There is no section named “Sport”."),
        ("/sites/Nowhere", "There is no outlet named “Nowhere”."),
    ]:
        response = client.get(path)
        assert response.status_code == 404 and message in response.text


def test_numbers_too_large_for_the_database_are_bad_requests_not_errors(
    client: TestClient,
) -> None:
    """SQLite's integers are 64-bit: a page number or offset past them used to answer 500."""
    huge = 10**20
    page = client.get(f"/articles?page={huge}")
    assert page.status_code == 422 and "Bad address" in page.text and "page:" in page.text
    assert client.get("/articles?page=abc").status_code == 422
    for path in (f"/api/articles?offset={huge}", f"/api/sources/{huge}"):
        response = client.get(path)
        assert response.status_code == 422 and response.json()["detail"]
    assert client.delete(f"/api/sources/{huge}").status_code == 422
    assert client.get("/api/articles?offset=1000000000000").json()["items"] == []


def test_empty_names_redirect_to_the_indexes(client: TestClient) -> None:
    for path, target in [("/sections/", "/"), ("/sites/", "/sites")]:
        response = client.get(path, follow_redirects=False)
        assert response.status_code == 307
        assert path_of(response.headers["location"]) == target


def test_outlet_index_lists_outlets_with_counts(client: TestClient) -> None:
    page = client.get("/sites").text
    names = [html.unescape(n) for n in re.findall(r'class="title" href="[^"]*">([^<]*)<', page)]
    assert names == ["Courier", ODD_SITE]
    assert "9 articles" in page and "1 article<" in page
    assert "latest <time" in page


def test_odd_outlet_names_are_encoded_in_links(client: TestClient) -> None:
    page = client.get("/sites").text
    encoded = "/sites/Ledger%20%2F%20Daily%3F%20%231%20%3Cb%3E%26%22"
    assert f"http://testserver{encoded}" in hrefs(page)
    outlet = client.get(encoded)
    assert outlet.status_code == 200
    assert f"<h1>{html.escape(ODD_SITE, quote=False)}</h1>" in plain_quotes(outlet.text)
    assert "Flood" in outlet.text and "Summit" not in outlet.text


def test_article_page_links_outlet_and_section(client: TestClient) -> None:
    flood = re.search(r'href="([^"]*)">Flood<', client.get("/").text)
    assert flood is not None
    links = hrefs(client.get(path_of(flood[1])).text)
    assert "http://testserver/sites/Ledger%20%2F%20Daily%3F%20%231%20%3Cb%3E%26%22" in links
    assert "http://testserver/sections/World" in links


def test_hostile_section_and_outlet_names_are_escaped(tmp_path: Path) -> None:
    home = tmp_path / "home"
    store_articles(home, ("Title", HOSTILE, HOSTILE, 0))
    with TestClient(create_app(home)) as client:
        pages = [client.get(path).text for path in ("/", "/sites")]
        links = [path_of(h) for h in hrefs(pages[0]) if "/sections/" in h or "/sites/" in h]
        assert len(links) >= 2
        pages += [client.get(link).text for link in links]
        pages += [client.get("/sections/x").text]  # the 404 repeats the name it was given
        for page in pages:
            assert "<script>" not in page
        assert all(html.escape(HOSTILE, quote=False) in plain_quotes(page) for page in pages[:-1])


def test_api_filters_articles_by_section_and_site(client: TestClient) -> None:
    def titles(**params: str) -> tuple[int, list[str]]:
        body = client.get("/api/articles", params=params).json()
        return body["total"], [item["title"] for item in body["items"]]

    assert titles(section="WORLD") == (2, ["Flood", "Summit"])
    assert titles(site="Courier", section="world") == (1, ["Summit"])
    assert titles(site=ODD_SITE) == (1, ["Flood"])
    assert titles(section="") == (1, ["Recipe"])
    assert titles(section="Sport") == (0, [])
    item = client.get("/api/articles", params={"section": "world"}).json()["items"][0]
    assert item["section"] == "World"


def test_api_lists_sections_and_sites_with_counts(client: TestClient) -> None:
    sections = client.get("/api/sections").json()["items"]
    assert [(s["name"], s["count"]) for s in sections] == [
        ("World", 2),
        ("Business", 7),
        ("Opinion", 1),
    ]
    assert datetime.fromisoformat(sections[0]["latest"]) == START + timedelta(days=10)
    assert sections[2]["latest"] is None
    sites = client.get("/api/sites").json()["items"]
    assert [(s["name"], s["count"]) for s in sites] == [("Courier", 9), (ODD_SITE, 1)]


def test_openapi_describes_the_reader_api(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    parameters = {p["name"] for p in spec["paths"]["/api/articles"]["get"]["parameters"]}
    assert parameters == {"limit", "offset", "section", "site", "grouped"}
    for path in ("/api/sections", "/api/sites"):
        response = spec["paths"][path]["get"]["responses"]["200"]
        schema = response["content"]["application/json"]["schema"]
        assert schema == {"$ref": "#/components/schemas/GroupList"}
    group = spec["components"]["schemas"]["Group"]
    assert set(group["properties"]) == {"name", "count", "latest"}


def test_api_docs_are_served_without_external_assets(tmp_path) -> None:
    from fastapi.testclient import TestClient

    from retina.web import create_app

    client = TestClient(create_app(tmp_path))
    page = client.get("/docs")
    assert page.status_code == 200
    assert "cdn" not in page.text.lower() and "https://" not in page.text
    assert client.get("/docs-assets/swagger-ui-bundle.js").status_code == 200


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Menu line\n\nThe harbour wall will be rebuilt.\n\nMore text.", False),
        ("The harbour wall will be rebuilt, the council said.\n\nMore text.", False),
        ("Menu\n\nKicker\n\nJane Roe | Marlow\n\nNews\n\nThe harbour wall will be rebuilt.", False),
        ("A\n\nB\n\nC\n\nD\n\nE\n\nThe harbour wall will be rebuilt.", True),
        ("Other text entirely.", True),
        ("The harbour wall will be rebuilt.", False),
    ],
)
def test_the_lead_is_shown_unless_the_text_opens_with_it(
    tmp_path: Path, text: str, shown: bool
) -> None:
    """A standfirst the text repeats within its first five blocks is not shown twice."""
    with Store.open(tmp_path / "home") as store:
        store.upsert(
            make_article(text, lead="The harbour wall will be rebuilt.", url="https://a.example/1"),
            key="https://a.example/1",
        )
    with TestClient(create_app(tmp_path / "home")) as client:
        page = client.get("/articles/1").text
    assert ('class="lead"' in page) is shown


@pytest.mark.parametrize(
    ("lead", "shown"),
    [
        ("By Jane Roe MARLOW (AP) — The council voted on Tuesday to rebuild the harb", False),
        ("The council voted on Tuesday to rebuild the harbour wall after the storms …", False),
        ("A vote on Tuesday settles a question the town has argued over for years.", True),
        ("MARLOW: the council voted", True),
    ],
)
def test_an_excerpt_of_the_opening_is_no_standfirst(tmp_path: Path, lead: str, shown: bool) -> None:
    """A description cut from the text's opening (after a byline, cut mid-word) repeats
    the text; a standfirst of its own is shown."""
    text = (
        "MARLOW (AP) — The council voted on Tuesday to rebuild the harbour wall after the "
        "storms of last winter.\n\nMore text follows here."
    )
    with Store.open(tmp_path / "home") as store:
        store.upsert(make_article(text, lead=lead, url="https://a.example/1"), key="k")
    with TestClient(create_app(tmp_path / "home")) as client:
        page = client.get("/articles/1").text
    assert ('class="lead"' in page) is shown


def test_the_outlet_is_no_byline_and_a_lowercase_section_is_capitalised(tmp_path: Path) -> None:
    """An outlet credited as its own author is shown once, in the kicker; a section the
    site wrote in lower case is shown with a capital, one it cased ("iPhone") as written."""
    with Store.open(tmp_path / "home") as store:
        for number, (authors, section) in enumerate(
            [(["SPIEGEL ONLINE"], "ciencia"), (["Jane Roe", "Spiegel Online"], "iPhone")]
        ):
            url = f"https://a.example/{number}"
            article = make_article(
                "Text.", url=url, site_name="SPIEGEL ONLINE", authors=authors, section=section
            )
            store.upsert(article, key=url)
    with TestClient(create_app(tmp_path / "home")) as client:
        first, second = client.get("/articles/1").text, client.get("/articles/2").text
        front = client.get("/").text
        section_page = client.get("/sections/ciencia").text
    assert 'class="byline"' not in first
    assert '<p class="byline">By Jane Roe</p>' in second
    assert ">Ciencia</a>" in first and ">iPhone</a>" in second
    assert ">Ciencia</a></h2>" in front
    assert "<h1>Ciencia</h1>" in section_page


def test_each_block_takes_the_direction_of_its_own_text(tmp_path: Path) -> None:
    """Arabic reads right to left; the page does not force the English UI's direction on
    the title and the text, each block decides by its own first letters."""
    text = "قال المرصد السوري لحقوق الإنسان.\n\nA quotation in English."
    with Store.open(tmp_path / "home") as store:
        store.upsert(
            make_article(text, title="معارضون يسيطرون", url="https://a.example/1", language="ar"),
            key="k",
        )
    with TestClient(create_app(tmp_path / "home")) as client:
        page = client.get("/articles/1").text
        listing = client.get("/articles").text
    assert '<h1 dir="auto">معارضون يسيطرون</h1>' in page
    assert '<p dir="auto">قال المرصد السوري لحقوق الإنسان.</p>' in page
    assert '<p dir="auto">A quotation in English.</p>' in page
    assert 'class="title" dir="auto"' in listing
