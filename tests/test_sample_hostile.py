"""Hostile pages: generated small here, each with a truth record of the expected failure."""

from __future__ import annotations

import gzip
import json
import zlib
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from retina.sample import HostileOptions, generate, read_truth
from retina.sample.hostile import write_gzip_bomb

OPTIONS = HostileOptions(
    huge_bytes=3 * 1024 * 1024 + 123,
    bomb_expanded_bytes=16 * 1024 * 1024,
    nesting_depth=700,
    slow_seconds=0.1,
    trickle_seconds=0.1,
    entity_levels=6,
)


@pytest.fixture(scope="module")
def web(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    generate(folder, seed=2, outlets=2, articles=10, hostile=True, hostile_options=OPTIONS)
    return folder


@pytest.fixture(scope="module")
def cases(web: Path) -> dict[str, dict[str, Any]]:
    return {record["case"]: record for record in read_truth(web, hostile=True)}


def test_every_case_has_a_truth_record(web: Path, cases: dict[str, dict[str, Any]]) -> None:
    assert set(cases) == {
        "charset-cp1251-declared-utf8",
        "latin1-undeclared",
        "utf8-declared-latin1",
        "broken-markup",
        "deep-nesting",
        "huge-page",
        "gzip-bomb",
        "binary-as-html",
        "empty-page",
        "billion-laughs",
        "external-entity",
        "redirect-loop",
        "slow-headers",
        "slow-body",
    }
    for record in cases.values():
        assert record["expect"] in ("extract", "reject", "survive")
        assert record["description"] and record["url"].startswith("http://127.0.0.1:8765/")
        if record["path"]:
            assert (web / record["path"]).is_file()
            assert (web / record["path"]).stat().st_size == record["size_bytes"]
    ids = [r["id"] for r in read_truth(web, hostile=True)]
    assert ids == sorted(ids)


def test_wrong_charsets(web: Path, cases: dict[str, dict[str, Any]]) -> None:
    cp1251 = cases["charset-cp1251-declared-utf8"]
    data = (web / cp1251["path"]).read_bytes()
    assert b'<meta charset="utf-8">' in data
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    text = data.decode("cp1251")
    assert all(block["text"] in text for block in cp1251["blocks"])
    assert any("Северогорск" in block["text"] for block in cp1251["blocks"])

    latin1 = cases["latin1-undeclared"]
    data = (web / latin1["path"]).read_bytes()
    assert b"charset" not in data.lower()
    assert "café" in data.decode("latin-1")
    assert all(block["text"] in data.decode("latin-1") for block in latin1["blocks"])

    mislabelled = cases["utf8-declared-latin1"]
    data = (web / mislabelled["path"]).read_bytes()
    assert b"charset=iso-8859-1" in data
    assert "Zoë Brønner" in data.decode("utf-8")
    assert "cafÃ©" in data.decode("latin-1")  # what trusting the declaration gives


def test_markup_hazards(web: Path, cases: dict[str, dict[str, Any]]) -> None:
    broken = (web / cases["broken-markup"]["path"]).read_text()
    assert "</body>" not in broken and broken.rstrip().endswith("never ends")
    for block in cases["broken-markup"]["blocks"]:
        assert block["text"].replace("&", "&amp;") in broken
    deep = (web / cases["deep-nesting"]["path"]).read_text()
    assert deep.count("<div>") == deep.count("</div>") == 700
    assert cases["deep-nesting"]["nesting_depth"] == 700
    binary = (web / cases["binary-as-html"]["path"]).read_bytes()
    assert binary.startswith(b"\x89PNG")
    assert (web / cases["empty-page"]["path"]).stat().st_size == 0


def test_huge_page_has_the_requested_size(web: Path, cases: dict[str, dict[str, Any]]) -> None:
    path = web / cases["huge-page"]["path"]
    assert path.stat().st_size == OPTIONS.huge_bytes
    data = path.read_bytes()
    assert data.endswith(b"</html>\n") and cases["huge-page"]["title"].encode() in data[:4096]


def test_gzip_bomb_expands_to_the_requested_size(
    web: Path, cases: dict[str, dict[str, Any]]
) -> None:
    record = cases["gzip-bomb"]
    data = (web / record["path"]).read_bytes()
    assert len(data) < OPTIONS.bomb_expanded_bytes / 500
    expanded = gzip.decompress(data)  # also checks the CRC and length trailer
    assert len(expanded) == record["expanded_bytes"] == OPTIONS.bomb_expanded_bytes
    assert expanded.startswith(b"<!DOCTYPE html>")
    assert record["server"]["content_encoding"] == "gzip"


def test_gzip_bomb_sizes_that_are_not_whole_chunks(tmp_path: Path) -> None:
    path = tmp_path / "bomb.gz"
    write_gzip_bomb(path, 300_001, chunk_bytes=65_536)
    assert len(gzip.decompress(path.read_bytes())) == 300_001
    stream = zlib.decompressobj(wbits=31)
    assert len(stream.decompress(path.read_bytes(), 1000)) == 1000  # readers can stop early


def test_entity_bombs_do_not_expand_in_a_safe_parser(
    web: Path, cases: dict[str, dict[str, Any]]
) -> None:
    laughs = web / cases["billion-laughs"]["path"]
    assert b"<!ENTITY lol5" in laughs.read_bytes()
    assert cases["billion-laughs"]["expanded_bytes"] == 3 * 10**5
    safe = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    for case in ("billion-laughs", "external-entity"):
        try:
            root = etree.parse(str(web / cases[case]["path"]), safe).getroot()
        except etree.XMLSyntaxError:
            continue  # refusing the document is a right answer too
        text = etree.tostring(root, encoding="unicode")
        assert "root:" not in text and "lol" * 100 not in text


def test_server_behaviour_cases_are_routes(web: Path, cases: dict[str, dict[str, Any]]) -> None:
    routes = json.loads((web / "manifest.json").read_text())["routes"]
    loop = cases["redirect-loop"]
    assert loop["path"] is None
    assert routes["hostile/redirect-loop/a"]["redirect"] == loop["url_b"]
    assert routes["hostile/redirect-loop/b"]["redirect"] == loop["url"]
    assert routes["hostile/slow-headers.html"] == {"delay": 0.1}
    assert routes["hostile/slow-body.html"] == {"trickle": 0.1}
    assert routes["hostile/gzip-bomb.html"]["file"] == "hostile/gzip-bomb.html.gz"
