"""The reader in a real browser: Chromium (Debian's) driven by Playwright against uvicorn.

Saves the screenshots in docs/screenshots/. Skipped when Playwright or /usr/bin/chromium
is missing; `.ci/run` installs both.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import uvicorn

from article_factory import make_article
from retina import clean
from retina.model import Article
from retina.store import Store
from retina.web import create_app

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="Playwright is not installed (pip install -e '.[dev]')"
)

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)", allow_module_level=True)

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ROOT = Path(__file__).resolve().parents[1]
SCREENSHOTS = ROOT / "docs" / "screenshots"
MAX_SCREENSHOT_BYTES = 300_000
TIMEOUT_MS = 5_000

START = datetime(2026, 3, 12, 6, tzinfo=UTC)  # after both examples
ODD_OUTLET = "Hill & Vale 100% / News?"

# (title, section, outlet, hours after START); the bodies are filler.
HEADLINES = [
    ("Rail strike called off after late-night talks", "Business", "Northgate Herald", 30),
    ("Central bank holds rates for a third month", "Business", "Valdria Times", 26),
    ("Ferry operator orders two electric ships", "Business", "Coastal Ledger", 12),
    ("Ceasefire talks resume in the capital", "World", "Valdria Times", 40),
    ("Storm season arrives early on the east coast", "World", "Coastal Ledger", 22),
    ("Telescope finds water vapour on a distant moon", "Science", "Northgate Herald", 36),
    ("Bees learn to count, researchers say", "Science", ODD_OUTLET, 8),
    ("Valdria United sign a record striker", "Sport", "Northgate Herald", 44),
    ("Marathon returns to the old town route", "Sport", "Coastal Ledger", 4),
    ("Letters: the bus timetable, again", None, ODD_OUTLET, 16),
]


def filler(title: str) -> str:
    """Two paragraphs about `title`; different titles give different articles (articles
    sharing most of their text would be shown once, as copies of one article)."""
    subject = title.split(":")[0].lower()
    return "\n\n".join(
        [
            f"{title}. Officials confirmed it on Monday morning.",
            f"Residents said that {subject} was what they had waited for. Asked about "
            f"{subject}, several groups called for a public meeting.",
        ]
    )


def articles() -> list[Article]:
    """Both bundled examples, cleaned for real, and factory articles around them."""
    examples = sorted((ROOT / "examples").iterdir())
    built = [clean(path.read_bytes()) for path in examples]
    for title, section, outlet, hours in HEADLINES:
        published = START + timedelta(hours=hours)
        built.append(
            make_article(
                filler(title), title=title, section=section, site_name=outlet, published=published
            )
        )
    return built


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Article]]:
    home = tmp_path_factory.mktemp("browser") / "home"
    built = articles()
    with Store.open(home) as store:
        for n, article in enumerate(built):
            store.upsert(article, key=f"article-{n}")
    return home, built


@pytest.fixture(scope="module")
def base_url(stored: tuple[Path, list[Article]]) -> Iterator[str]:
    """The app served by uvicorn in a thread, on a free port of 127.0.0.1."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    config = uvicorn.Config(create_app(stored[0]), log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    try:
        for _ in range(200):
            if server.started or not thread.is_alive():
                break
            time.sleep(0.025)
        assert server.started, "uvicorn did not start"
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=5)
        listener.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[sync_api.Browser]:
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


def screenshot(page: sync_api.Page, name: str, *, full_page: bool = False) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / name
    page.screenshot(path=path, full_page=full_page)
    assert path.stat().st_size < MAX_SCREENSHOT_BYTES, f"{name} is too big"


def open_page(
    browser: sync_api.Browser, base_url: str, width: int, height: int
) -> tuple[sync_api.Page, list[str]]:
    """A new page of that size, and the list of every URL it will request."""
    context = browser.new_context(viewport={"width": width, "height": height}, color_scheme="light")
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    return page, requested


def test_read_an_article_and_its_outlet(
    browser: sync_api.Browser, base_url: str, stored: tuple[Path, list[Article]]
) -> None:
    expect = sync_api.expect
    built = stored[1]
    harbour = next(a for a in built if a.origin)  # the syndicated copy, with removals
    page, requested = open_page(browser, base_url, 1280, 900)

    page.goto(base_url + "/")
    expect(page.locator("h1")).to_have_text("Front page")
    headings = page.locator(".front-section h2").all_inner_texts()
    assert headings == ["Sport", "World", "Science", "Business", "Local", "Other"]
    screenshot(page, "front.png")

    page.get_by_role("link", name=harbour.title, exact=True).click()
    expect(page.locator("h1")).to_have_text(harbour.title or "")
    body = page.locator(".article-body")
    expect(body).to_contain_text(harbour.blocks[0].text)
    expect(page.locator(".origin")).to_have_text(f"Originally published by {harbour.origin}")
    removed = page.locator("details.removed")
    expect(removed.locator("summary")).to_have_text(f"Removed ({len(harbour.removed)})")
    first_removal = removed.locator("li blockquote").first
    expect(first_removal).to_be_hidden()
    removed.locator("summary").click()
    expect(first_removal).to_be_visible()
    expect(first_removal).to_have_text(min(harbour.removed, key=lambda r: r.position).text)
    screenshot(page, "article.png", full_page=True)  # with the removals open

    page.locator("a.outlet").click()
    expect(page.locator("h1")).to_have_text(harbour.site_name or "")
    titles = page.locator(".article-list .title").all_inner_texts()
    assert sorted(titles) == sorted(a.title for a in built if a.site_name == harbour.site_name)
    screenshot(page, "outlet.png")

    # An outlet name with "%", "/", "?" and "&" survives the round trip through its URL.
    page.get_by_role("link", name="Outlets", exact=True).click()
    page.get_by_role("link", name=ODD_OUTLET, exact=True).click()
    expect(page.locator("h1")).to_have_text(ODD_OUTLET)
    expect(page.locator(".article-list .title")).to_have_count(2)

    assert all(url.startswith(base_url) for url in requested), "external request"


def test_front_page_fits_a_phone(browser: sync_api.Browser, base_url: str) -> None:
    page, _ = open_page(browser, base_url, 375, 812)
    page.goto(base_url + "/")
    sync_api.expect(page.locator(".front-section").first).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    screenshot(page, "mobile.png")
