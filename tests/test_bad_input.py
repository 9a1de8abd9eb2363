"""Hostile and broken input: one clear error each, never a crash."""

from __future__ import annotations

import gzip
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import BODY, dump
from retina import clean
from retina.errors import InputError
from retina.raw.decode import decode, gunzip, repair_mojibake

ARTICLE_TEXT = dump(*BODY)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"   \n\n\t ", "empty"),
        (bytes(range(256)) * 40, "binary"),
        (b"%PDF-1.7\n" + bytes(200), "PDF"),
        (b"\x89PNG\r\n\x1a\n" + bytes(100), "PNG"),
        (gzip.compress(ARTICLE_TEXT.encode())[:-30], "truncated gzip"),
        (b"\x1f\x8b\x08\x00garbage-not-deflate", "gzip"),
        (b'<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>', "feed"),
        (b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "no article text"),
        # a page that writes its text with JavaScript says so
        (
            b'<html><head><script src="/app.js"></script></head><body><div id="root"></div>'
            b"<noscript>Enable JavaScript</noscript></body></html>",
            "may be written by JavaScript",
        ),
        # a page of furniture alone says which
        (
            b"<html><body><div><p>We use cookies to improve your experience. By continuing"
            b" you agree to our cookie policy.</p></div><p>Read more \xc2\xbb</p></body></html>",
            "furniture (a cookie notice; a link label",
        ),
    ],
)
def test_bad_input_raises_one_line_error(data: bytes, message: str) -> None:
    with pytest.raises(InputError) as error:
        clean(data)
    text = str(error.value)
    assert message.lower() in text.lower()
    assert "\n" not in text


def test_gzip_bomb_is_refused_without_expanding() -> None:
    bomb = gzip.compress(b"\0" * (64 * 1024 * 1024), compresslevel=9)
    assert len(bomb) < 200_000
    with pytest.raises(InputError, match="limit"):
        gunzip(bomb, max_bytes=8 * 1024 * 1024)


def test_gzipped_article() -> None:
    article = clean(gzip.compress(ARTICLE_TEXT.encode()))
    assert [b.text for b in article.blocks] == BODY


def test_cp1251_undeclared() -> None:
    text = "Новости\n\nЛента\n\n" + "\n\n".join(
        ["Городской совет проголосовал за расширение гавани во вторник, завершив долгий спор."] * 1
        + ["Сторонники плана заявили, что расширение принесёт сотни рабочих мест в город."]
    )
    decoded = decode(text.encode("cp1251"))
    assert "Городской совет" in decoded.text


def test_wrong_charset_declaration_is_repaired() -> None:
    body = (
        "<p>Der Stadtrat hat am Dienstag über die Erweiterung des Hafens abgestimmt. "
        "Größere Schiffe können anlegen.</p>"
    )
    html = (
        '<html><head><meta charset="utf-8"><title>Hafen</title></head>'
        f"<body><article>{body * 3}</article></body></html>"
    )
    decoded = decode(html.encode("latin-1"))
    assert "Größere" in decoded.text
    declared_latin = html.replace('charset="utf-8"', 'charset="iso-8859-1"').encode("utf-8")
    assert "Größere" in decode(declared_latin).text


def test_latin1_plain_text() -> None:
    text = (
        "Café society\n\nLe Journal\n\nLe conseil municipal a voté mardi l'agrandissement "
        "du port, après des années de débat à Marseille et ailleurs."
    )
    article = clean(text.encode("latin-1"))
    assert article.title == "Café society"
    assert "à Marseille" in article.text


CLI = [sys.executable, "-m", "retina.cli"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (bytes(range(256)) * 10, "binary"),
        (gzip.compress(ARTICLE_TEXT.encode())[:-20], "truncated gzip"),
    ],
)
def test_cli_clean_bad_file(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = subprocess.run([*CLI, "clean", str(path)], capture_output=True, text=True)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0].lower()


def test_cli_clean_huge_file_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    with path.open("wb") as handle:
        handle.truncate(100 * 1024 * 1024)  # sparse 100 MB file
    result = subprocess.run([*CLI, "clean", str(path)], capture_output=True, text=True)
    assert result.returncode != 0
    assert "larger than" in result.stderr and "Traceback" not in result.stderr


def test_cli_clean_missing_file(tmp_path: Path) -> None:
    result = subprocess.run(
        [*CLI, "clean", str(tmp_path / "nope.txt")], capture_output=True, text=True
    )
    assert result.returncode != 0 and "no such file" in result.stderr


def test_stray_nul_bytes_in_a_real_page_are_dropped() -> None:
    text = ARTICLE_TEXT.replace("harbour", "harbour\x00", 2)
    article = clean(text.encode())
    assert "\x00" not in article.text
    assert article.title == "Marlow council approves harbour expansion"


def test_error_messages_stay_on_one_line() -> None:
    """lxml's messages, quoted in Retina's, carry line breaks (found by `make fuzz`)."""
    from retina.errors import InputError
    from retina.ingest.opml import read_opml

    with pytest.raises(InputError) as caught:
        read_opml(b'<?xml version="1.0"?><opml><head>\x00</head></opml>')
    assert "\n" not in str(caught.value) and "not well-formed XML" in str(caught.value)
    assert str(InputError("two\nlines  and\tspaces")) == "two lines and spaces"


@pytest.mark.parametrize("url", ["http://[::1", "http://example.com:99999/a"])
def test_a_page_url_that_does_not_parse_is_refused_in_one_line(url: str) -> None:
    from retina import clean
    from retina.errors import InputError

    with pytest.raises(InputError, match="the page URL is not a valid URL"):
        clean(
            b"<html><body><p>Enough text to be an article, in one paragraph.</p></body></html>",
            url=url,
        )


@pytest.mark.parametrize("charset", ["base64", "zlib", "rot13", "undefined", "hex"])
def test_a_declared_charset_that_is_no_text_encoding_is_ignored(charset: str) -> None:
    """Python has codecs by those names that are not text encodings; a page or a server
    naming one used to crash the decoder."""
    from retina import clean

    page = (
        "<html><head><title>Café</title></head><body><p>Le café est ouvert depuis lundi, et "
        "les habitants du quartier sont ravis de le retrouver.</p></body></html>"
    ).encode("latin-1")
    declared = page.replace(b"<head>", f'<head><meta charset="{charset}">'.encode())
    by_server = clean(declared, content_type=f"text/html; charset={charset}")
    assert by_server.text.startswith("Le café est ouvert")
    assert clean(declared).text.startswith("Le café est ouvert")


def test_a_page_of_more_elements_than_any_article_is_refused_with_a_reason() -> None:
    """A hostile page of 100,000 elements would hold a worker for minutes: it is refused
    at once, with the reason, and a large real page is not."""
    from retina.clean.html import MAX_PAGE_ELEMENTS

    paragraphs = "<p>x</p>" * MAX_PAGE_ELEMENTS
    with pytest.raises(InputError, match="more than 100,000 elements"):
        clean(f"<html><head><title>Flood</title></head><body>{paragraphs}</body></html>")


@pytest.mark.parametrize(
    "attributes",
    [
        " ".join(f"a{i}='x'" for i in range(20_000)),
        " ".join(f"a{i}" for i in range(20_000)),  # without values
        # a quoted ">" every hundred attributes does not hide the tag's length
        " ".join(f"a{i}='>'" if i % 100 == 0 else f"a{i}" for i in range(20_000)),
    ],
)
def test_an_element_of_thousands_of_attributes_is_refused_before_parsing(attributes: str) -> None:
    """libxml2 checks each attribute against all the others: 80,000 on one element held
    the parser for 9 s. Such a page is refused at once, with the reason."""
    page = f"<html><body><p {attributes}>{' '.join(BODY)}</p></body></html>"
    with pytest.raises(InputError, match="more than 1,000 attributes"):
        clean(page)
    # a script left open does not hide it: libxml2 may end the script at the next end tag
    hidden = f"<html><body><script>[[[<p>{BODY[0]}</p><p {attributes}>x</p></body></html>"
    with pytest.raises(InputError, match="more than 1,000 attributes"):
        clean(hidden)


def test_long_attribute_values_and_scripts_are_no_crowded_element() -> None:
    """A data attribute of 100 kB of JSON, or a script whose code reads like tags
    ("if (i <n && ok) {…"), are what real pages hold; they are cleaned as usual."""
    props = "{" + ",".join(f"&quot;k{i}&quot;: &quot;v {i} = {i}&quot;" for i in range(5000)) + "}"
    code = "if (i <n && ok) {" + " ".join(f"x{i} = {i};" for i in range(3000)) + "}"
    paragraphs = "".join(f"<p>{text}</p>" for text in BODY)
    page = (
        f"<html><head><title>Vote</title><script>{code}</script></head>"
        f'<body><article data-props="{props}">{paragraphs}</article></body></html>'
    )
    assert [block.text for block in clean(page).blocks] == BODY


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "seen by millions of watchers. â\x80¦ How are you",
            "seen by millions of watchers. … How are you",
        ),
        ("CafÃ© owners", "Café owners"),
        ("â€œQuotedâ€\x9d, itâ€™s", "“Quoted”, it’s"),
        ("mixed: â\x80¦ and a real\xa0no-break space", "mixed: … and a real\xa0no-break space"),
        ("pâte brisée, Müller, «voilà»", "pâte brisée, Müller, «voilà»"),
        ("新华网 Привет café €5", "新华网 Привет café €5"),
    ],
)
def test_utf8_read_as_latin1_is_read_again(text: str, expected: str) -> None:
    assert repair_mojibake(text) == expected


def test_a_declared_body_in_mojibake_still_holds_its_paragraphs() -> None:
    """The page's JSON-LD was written with UTF-8 read as Latin-1; its paragraphs with an
    ellipsis must still be found in it, or they would be dropped as outside the article."""
    import json

    from helpers import BODY
    from retina import clean

    quote = "“They matter a lot,” she said. “You can’t retract what you said … Never.”"
    paragraphs = [*BODY, quote]
    declared = " ".join(paragraphs).encode("utf-8").decode("latin-1")
    ld = {"@type": "NewsArticle", "headline": "Vote", "articleBody": declared}
    page = (
        f"<html><head><title>Vote</title><script type='application/ld+json'>{json.dumps(ld)}"
        "</script></head><body><article>"
        + "".join(f"<p>{p}</p>" for p in paragraphs)
        + "</article></body></html>"
    )
    assert [block.text for block in clean(page).blocks] == paragraphs


def test_mojibake_repair_stops_after_a_bounded_number_of_runs() -> None:
    """Each run costs a call: a hostile text of millions is repaired up to the bound and
    the rest is left as it came, in time linear in the bound, not the text."""
    from retina.raw.decode import _MAX_MOJIBAKE_RUNS

    repaired = repair_mojibake("Ã©" * (_MAX_MOJIBAKE_RUNS + 5))
    assert repaired == "é" * _MAX_MOJIBAKE_RUNS + "Ã©" * 5
