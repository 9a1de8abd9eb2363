"""The sample web generator: determinism, the in-memory API, arguments, output folder."""

from __future__ import annotations

import hashlib
import json
from datetime import timedelta
from pathlib import Path

import pytest

from retina.sample import (
    HostileOptions,
    SampleWebError,
    generate,
    iter_articles,
    read_truth,
)
from retina.sample.corpus import WINDOW_END
from retina.sample.events import EVENT_TYPES, Event, make_event
from retina.sample.outlets import make_outlets
from retina.sample.phrasebook import GENERIC, LOOKALIKES, PHRASES, QUOTE_FORMS, QUOTE_LEAD_INS
from retina.sample.randomness import rng_for
from retina.sample.vocabulary import COUNTRIES
from retina.sample.writer import Writer

SMALL_HOSTILE = HostileOptions(
    huge_bytes=256 * 1024,
    bomb_expanded_bytes=4 * 1024 * 1024,
    nesting_depth=300,
    slow_seconds=0.1,
    trickle_seconds=0.1,
)


def tree_hashes(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_same_arguments_give_byte_identical_output(tmp_path: Path) -> None:
    args = {"seed": 7, "outlets": 6, "articles": 250, "hostile": True}
    generate(tmp_path / "a", **args, hostile_options=SMALL_HOSTILE)
    generate(tmp_path / "b", **args, hostile_options=SMALL_HOSTILE)
    first, second = tree_hashes(tmp_path / "a"), tree_hashes(tmp_path / "b")
    assert len(first) > 250
    assert first == second
    # Modification times are the pages' own dates, so Last-Modified is stable too.
    some_page = next(iter(read_truth(tmp_path / "a")))["path"]
    assert (tmp_path / "a" / some_page).stat().st_mtime == (
        tmp_path / "b" / some_page
    ).stat().st_mtime


def test_another_seed_gives_another_web(tmp_path: Path) -> None:
    generate(tmp_path / "a", seed=1, outlets=4, articles=120)
    generate(tmp_path / "b", seed=2, outlets=4, articles=120)
    a, b = tree_hashes(tmp_path / "a"), tree_hashes(tmp_path / "b")
    assert a["truth.jsonl"] != b["truth.jsonl"]
    assert a["outlets.json"] != b["outlets.json"]


def test_parallel_generation_writes_the_same_files(tmp_path: Path) -> None:
    generate(tmp_path / "one", seed=5, outlets=5, articles=600, workers=1)
    summary = generate(tmp_path / "two", seed=5, outlets=5, articles=600, workers=2)
    assert summary.workers == 2
    assert tree_hashes(tmp_path / "one") == tree_hashes(tmp_path / "two")


def test_iter_articles_yields_what_generate_writes(tmp_path: Path) -> None:
    summary = generate(tmp_path, seed=3, outlets=5, articles=150)
    pages = list(iter_articles(3, 5, 150))
    truth = list(read_truth(tmp_path))
    assert len(pages) == len(truth) == summary.articles == 150
    for page, record in zip(pages, truth, strict=True):
        assert page.truth == record
        assert page.path == record["path"] and page.url == record["url"]
        assert (tmp_path / page.path).read_bytes() == page.body
        assert page.content_type.startswith("text/")


def test_truth_is_in_page_order_and_counts_match(tmp_path: Path) -> None:
    summary = generate(tmp_path, seed=11, outlets=3, articles=80)
    ids = [r["id"] for r in read_truth(tmp_path)]
    assert ids == sorted(ids) and len(set(ids)) == 80
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    assert manifest["counts"]["stories"] == summary.stories
    assert manifest["counts"]["feeds"] == summary.feeds == 3 * (3 + 1)
    assert summary.outlets == 4  # three newsrooms and the aggregator


def _event_of_type(name: str) -> Event:
    start, span = WINDOW_END - timedelta(days=30), timedelta(days=30)
    for i in range(2000):
        event = make_event(rng_for(0, "check", i), i, start, span)
        if event.type.name == name:
            return event
    raise AssertionError(f"no {name} event in 2000 tries")


def test_every_template_renders_for_every_event_type() -> None:
    style = make_outlets(1, 1, "http://127.0.0.1:8765")[0].style
    for etype in EVENT_TYPES:
        event = _event_of_type(etype.name)
        writer = Writer(event, style, event.when, rng_for(0, "writer", etype.name))
        ph = PHRASES[etype.name]
        templates = [*ph.headlines, *ph.leads, *ph.facts, *ph.context, *ph.headings, *ph.points]
        templates += [text for _, text in ph.quotes] + list(GENERIC) + list(LOOKALIKES)
        for template in templates:
            filled = writer.fill(template, [])
            assert "{" not in filled and "}" not in filled, (etype.name, template)
        for speaker, _ in ph.quotes:
            for form in (*QUOTE_FORMS, *QUOTE_LEAD_INS):
                form = form.replace("{speaker}", "{" + speaker + "}")
                form = form.replace("{role}", "{r" + speaker[1:] + "}")
                writer.fill(form, [], {"quote": "Q.", "quote_comma": "Q,"})


def test_bad_arguments_raise_sample_web_errors(tmp_path: Path) -> None:
    with pytest.raises(SampleWebError, match="outlets"):
        generate(tmp_path / "x", outlets=0)
    with pytest.raises(SampleWebError, match="articles"):
        generate(tmp_path / "x", articles=0)
    with pytest.raises(SampleWebError, match="base URL"):
        generate(tmp_path / "x", base_url="ftp://example.test")
    with pytest.raises(SampleWebError, match="path"):
        generate(tmp_path / "x", base_url="http://127.0.0.1:8765/news")
    with pytest.raises(SampleWebError, match="per-outlet"):
        generate(tmp_path / "x", base_url="http://10.0.0.1:80", per_outlet_hosts=True)


def test_refuses_a_foreign_folder_but_replaces_a_previous_web(tmp_path: Path) -> None:
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("keep me")
    with pytest.raises(SampleWebError, match="not a sample web"):
        generate(foreign, articles=5)
    assert (foreign / "notes.txt").read_text() == "keep me"
    web = tmp_path / "web"
    generate(web, seed=1, outlets=2, articles=30)
    (web / "stale.html").write_text("left over")
    generate(web, seed=1, outlets=2, articles=20)
    assert not (web / "stale.html").exists()
    assert len(list(read_truth(web))) == 20


def test_per_outlet_hosts_give_each_outlet_its_own_address(tmp_path: Path) -> None:
    generate(tmp_path, seed=2, outlets=3, articles=40, per_outlet_hosts=True)
    outlets = json.loads((tmp_path / "outlets.json").read_text())
    hosts = [o["host"] for o in outlets]
    assert hosts == ["127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.0.5"]
    for outlet in outlets:
        assert outlet["base_url"] == f"http://{outlet['host']}:8765/"
        robots = (tmp_path / outlet["folder"] / "robots.txt").read_text()
        assert all(
            line.startswith("Disallow: /") and not line.startswith(f"Disallow: /{outlet['folder']}")
            for line in robots.splitlines()
            if line.startswith("Disallow: /") and line != "Disallow: /"
        )
    for record in read_truth(tmp_path):
        host = record["url"].split("/")[2].split(":")[0]
        assert host == next(o["host"] for o in outlets if o["slug"] == record["outlet_slug"])


def test_no_country_name_contains_another() -> None:
    """Entity checks use substring tests, which "Niger" / "Nigeria" would confuse."""
    assert not [(a, b) for a in COUNTRIES for b in COUNTRIES if a != b and a in b]
