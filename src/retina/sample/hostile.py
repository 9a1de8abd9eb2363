"""Hostile pages: inputs that break naive fetchers, decoders, parsers and feed readers.

Each case is a file under `hostile/` (or only a server route) with a truth record
saying what a robust pipeline should do: `extract` (and get these blocks), `reject`
(with a clean one-line error), or `survive` (no crash, no hang, bounded memory).
Sizes and delays are `HostileOptions` so tests can use small ones; the big files are
written in chunks and the gzip bomb is built from one compressed chunk repeated, so
even the defaults cost a few seconds and a few MB of disk.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from retina.sample.article import HEADING, PARAGRAPH, Block
from retina.sample.corpus import WINDOW_END
from retina.sample.events import make_event
from retina.sample.outlets import Style
from retina.sample.randomness import rng_for
from retina.sample.templates import text
from retina.sample.writer import Writer

_MIB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class HostileOptions:
    """Sizes and delays of the hostile cases (defaults: the realistic, expensive ones)."""

    huge_bytes: int = 30 * _MIB
    bomb_expanded_bytes: int = 2 * 1024 * _MIB
    nesting_depth: int = 5000
    slow_seconds: float = 10.0
    trickle_seconds: float = 30.0
    entity_levels: int = 10


@dataclass(frozen=True, slots=True)
class HostileCase:
    """One hostile page: its truth record and the server route that serves it, if any."""

    truth: dict[str, Any]
    routes: dict[str, dict[str, Any]] = field(default_factory=dict)


_PLAIN_STYLE = Style(",", "{} per cent", "long", True, False, False)
_CP1251_PARAGRAPHS = (
    "Жители Северогорска провели ночь в школьных спортзалах.",
    "«Вода поднялась за считанные минуты», — рассказала местная жительница.",
)
_LATIN1_PARAGRAPH = (
    "The café on Rue de l'Église in Vallée-Sainte-Anne reopened on Friday, and its owner, "
    "Zoë Brønner, said prices would stay at £3 a cup « for as long as possible »."
)


def _article(seed: int, number: int) -> tuple[str, list[Block]]:
    """A short invented article (title, blocks) for a hostile page to carry."""
    rng = rng_for(seed, "hostile", number)
    event = make_event(rng, number, WINDOW_END - timedelta(days=30), timedelta(days=30))
    draft = Writer(event, _PLAIN_STYLE, event.when, rng).write()
    blocks = [b for b in draft.blocks if b.kind in (PARAGRAPH, HEADING)][:8]
    return draft.title, blocks


def _html(title: str, blocks: list[Block], head: str = '<meta charset="utf-8">') -> str:
    body = "".join(
        f"<h2>{text(b.text)}</h2>\n" if b.kind == HEADING else f"<p>{text(b.text)}</p>\n"
        for b in blocks
    )
    return (
        f'<!DOCTYPE html>\n<html lang="en">\n<head>\n{head}\n<title>{text(title)}</title>\n'
        f"</head>\n<body>\n<article>\n<h1>{text(title)}</h1>\n{body}</article>\n</body>\n</html>\n"
    )


def _blocks_truth(blocks: list[Block]) -> list[dict[str, Any]]:
    return [
        {"kind": b.kind, "text": b.text, **({"level": b.level} if b.level else {})} for b in blocks
    ]


class HostileWriter:
    """Writes the hostile area of a sample web and returns its cases."""

    def __init__(self, root: Path, base_url: str, seed: int, options: HostileOptions):
        self.root = root
        self.base_url = base_url.rstrip("/")
        self.seed = seed
        self.options = options
        (root / "hostile" / "feeds").mkdir(parents=True, exist_ok=True)

    def write_all(self) -> list[HostileCase]:
        makers: list[Callable[[], HostileCase]] = [
            self.cp1251_declared_utf8,
            self.latin1_undeclared,
            self.utf8_declared_latin1,
            self.broken_markup,
            self.deep_nesting,
            self.huge_page,
            self.gzip_bomb,
            self.binary_as_html,
            self.empty_page,
            self.billion_laughs_feed,
            self.external_entity_feed,
            self.redirect_loop,
            self.slow_headers,
            self.slow_body,
        ]
        cases = [make() for make in makers]
        for i, case in enumerate(cases, start=1):
            case.truth["id"] = f"h{i:02d}"
        return cases

    # -- helpers --

    def _url(self, path: str) -> str:
        return f"{self.base_url}/{path}"

    def _record(
        self, case: str, path: str | None, expect: str, description: str, **extra: Any
    ) -> dict[str, Any]:
        """A truth record; `path` is the file, or None for a case that is only a route."""
        record: dict[str, Any] = {
            "id": "",
            "case": case,
            "path": path,
            "url": self._url(path if path else extra.pop("route")),
            "format": extra.pop("format", "html"),
            "expect": expect,
            "description": description,
        }
        if path:
            record["size_bytes"] = (self.root / path).stat().st_size
        record.update(extra)
        return record

    def _write(self, path: str, data: bytes) -> None:
        (self.root / path).write_bytes(data)

    # -- decoding --

    def cp1251_declared_utf8(self) -> HostileCase:
        title, blocks = self._cyrillic_article()
        path = "hostile/charset-cp1251-declared-utf8.html"
        self._write(path, _html(title, blocks).encode("cp1251"))
        route = {"content_type": "text/html; charset=utf-8"}
        return HostileCase(
            self._record(
                "charset-cp1251-declared-utf8",
                path,
                "extract",
                "windows-1251 bytes while the meta tag and the HTTP header say UTF-8; the bytes "
                "are not valid UTF-8, so the decoder must detect the real charset",
                true_charset="windows-1251",
                declared_charset="utf-8",
                title=title,
                blocks=_blocks_truth(blocks),
                server=route,
            ),
            {path: route},
        )

    def _cyrillic_article(self) -> tuple[str, list[Block]]:
        title, blocks = _article(self.seed, 1)
        extra = [Block(PARAGRAPH, p) for p in _CP1251_PARAGRAPHS]
        return title, blocks[:2] + extra + blocks[2:]

    def latin1_undeclared(self) -> HostileCase:
        title, blocks = _article(self.seed, 2)
        blocks = [*blocks[:1], Block(PARAGRAPH, _LATIN1_PARAGRAPH), *blocks[1:]]
        path = "hostile/latin1-undeclared.html"
        self._write(path, _html(title, blocks, head="").encode("latin-1"))
        route = {"content_type": "text/html"}
        return HostileCase(
            self._record(
                "latin1-undeclared",
                path,
                "extract",
                "ISO-8859-1 bytes with no charset anywhere (no meta tag, no HTTP charset)",
                true_charset="iso-8859-1",
                declared_charset=None,
                title=title,
                blocks=_blocks_truth(blocks),
                server=route,
            ),
            {path: route},
        )

    def utf8_declared_latin1(self) -> HostileCase:
        title, blocks = _article(self.seed, 3)
        blocks = [*blocks[:1], Block(PARAGRAPH, _LATIN1_PARAGRAPH), *blocks[1:]]
        path = "hostile/utf8-declared-latin1.html"
        head = '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
        self._write(path, _html(title, blocks, head=head).encode("utf-8"))
        route = {"content_type": "text/html; charset=iso-8859-1"}
        return HostileCase(
            self._record(
                "utf8-declared-latin1",
                path,
                "extract",
                "UTF-8 bytes declared ISO-8859-1 in the meta tag and HTTP header: trusting the "
                "declaration gives mojibake such as 'cafÃ©'",
                true_charset="utf-8",
                declared_charset="iso-8859-1",
                title=title,
                blocks=_blocks_truth(blocks),
                server=route,
            ),
            {path: route},
        )

    # -- parsing --

    def broken_markup(self) -> HostileCase:
        title, blocks = _article(self.seed, 4)
        parts = [
            "<html><head><title>" + text(title) + "</title><meta charset=utf-8>",
            "<body><div class=page><div id=main><table><tr><td>",
            f"<h1 class=title>{text(title)}",
        ]
        for i, b in enumerate(blocks):
            tag = "h2" if b.kind == HEADING else "p"
            close = f"</{tag}>" if i % 3 == 0 else ""  # most elements left unclosed
            stray = ("</span>", "</td></tr>", "<b><i>", "</b></i>", "</div></div>")[i % 5]
            parts.append(f"<{tag} class=x{i}>{text(b.text)}{close}{stray}\n")
        parts.append("<div class=footer>Footer links <a href=/about>About")
        parts.append("<!-- a comment that never ends")
        path = "hostile/broken-markup.html"
        self._write(path, "".join(parts).encode("utf-8"))
        return HostileCase(
            self._record(
                "broken-markup",
                path,
                "extract",
                "unclosed elements, unquoted attributes, stray and misnested end tags, no "
                "</body></html>, and an unterminated comment at the end",
                title=title,
                blocks=_blocks_truth(blocks),
            )
        )

    def deep_nesting(self) -> HostileCase:
        title, blocks = _article(self.seed, 5)
        depth = self.options.nesting_depth
        article = "".join(f"<p>{text(b.text)}</p>\n" for b in blocks if b.kind == PARAGRAPH)
        data = (
            f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{text(title)}</title>'
            f"</head><body>{'<div>' * depth}<h1>{text(title)}</h1>\n{article}{'</div>' * depth}"
            "</body></html>\n"
        )
        path = "hostile/deep-nesting.html"
        self._write(path, data.encode("utf-8"))
        return HostileCase(
            self._record(
                "deep-nesting",
                path,
                "survive",
                f"the article sits inside {depth} nested <div> elements: recursive tree walks "
                "overflow the stack; extract the text or reject the page, but do not crash",
                nesting_depth=depth,
                title=title,
                blocks=_blocks_truth([b for b in blocks if b.kind == PARAGRAPH]),
            )
        )

    def huge_page(self) -> HostileCase:
        title, blocks = _article(self.seed, 6)
        path = "hostile/huge-page.html"
        head = _html(title, blocks).removesuffix("</article>\n</body>\n</html>\n")
        filler = (
            '<div class="comment"><p>' + "This comment repeats itself. " * 30 + "</p></div>\n"
        ).encode()
        total = self.options.huge_bytes
        with (self.root / path).open("wb") as handle:
            written = handle.write(
                head.encode("utf-8") + b'</article>\n<section class="comments">\n'
            )
            tail = b"</section>\n</body>\n</html>\n"
            chunk = filler * max(1, _MIB // len(filler))
            while written + len(tail) < total:
                written += handle.write(chunk[: total - len(tail) - written])
            handle.write(tail)
        return HostileCase(
            self._record(
                "huge-page",
                path,
                "reject",
                f"a {total // _MIB} MB page (a normal article followed by megabytes of "
                "comments): a size limit must stop it before it is parsed",
                title=title,
                blocks=_blocks_truth(blocks),
            )
        )

    def gzip_bomb(self) -> HostileCase:
        expanded = self.options.bomb_expanded_bytes
        path = "hostile/gzip-bomb.html.gz"
        write_gzip_bomb(self.root / path, expanded)
        served = "hostile/gzip-bomb.html"
        route = {
            "file": path,
            "content_type": "text/html; charset=utf-8",
            "content_encoding": "gzip",
        }
        return HostileCase(
            self._record(
                "gzip-bomb",
                path,
                "reject",
                f"{(self.root / path).stat().st_size} bytes of gzip expanding to {expanded} "
                "bytes; served at hostile/gzip-bomb.html with Content-Encoding: gzip and as "
                "the .gz file itself: decompression must stop at a size limit",
                expanded_bytes=expanded,
                served_url=self._url(served),
                server=route,
            ),
            {served: route},
        )

    def binary_as_html(self) -> HostileCase:
        path = "hostile/binary-as-html.html"
        data = b"\x89PNG\r\n\x1a\n" + bytes(
            rng_for(self.seed, "png").randrange(256) for _ in range(4096)
        )
        self._write(path, data)
        route = {"content_type": "text/html; charset=utf-8"}
        return HostileCase(
            self._record(
                "binary-as-html",
                path,
                "reject",
                "a PNG image served as text/html",
                server=route,
            ),
            {path: route},
        )

    def empty_page(self) -> HostileCase:
        path = "hostile/empty.html"
        self._write(path, b"")
        return HostileCase(self._record("empty-page", path, "reject", "a zero-byte page"))

    # -- feeds --

    def billion_laughs_feed(self) -> HostileCase:
        levels = self.options.entity_levels
        entities = ['<!ENTITY lol0 "lol">']
        entities += [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, levels)]
        top = f"&lol{levels - 1};"
        data = (
            '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE rss [\n'
            + "\n".join(entities)
            + "\n]>\n"
            '<rss version="2.0"><channel><title>Laughs</title><link>http://127.0.0.1/</link>'
            f"<description>{top}</description><item><title>{top}</title>"
            "<link>http://127.0.0.1/item</link></item></channel></rss>\n"
        )
        path = "hostile/feeds/billion-laughs.xml"
        self._write(path, data.encode("utf-8"))
        return HostileCase(
            self._record(
                "billion-laughs",
                path,
                "reject",
                f"an RSS feed whose DTD nests entities {levels} deep (10**{levels - 1} copies of "
                "'lol'): parsers must refuse to expand entities",
                format="xml",
                expanded_bytes=3 * 10 ** (levels - 1),
            )
        )

    def external_entity_feed(self) -> HostileCase:
        data = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<!DOCTYPE rss [\n<!ENTITY secret SYSTEM "file:///etc/passwd">\n]>\n'
            '<rss version="2.0"><channel><title>External</title><link>http://127.0.0.1/</link>'
            "<description>&secret;</description><item><title>Item &secret;</title>"
            "<link>http://127.0.0.1/item</link></item></channel></rss>\n"
        )
        path = "hostile/feeds/external-entity.xml"
        self._write(path, data.encode("utf-8"))
        return HostileCase(
            self._record(
                "external-entity",
                path,
                "reject",
                "an RSS feed with an external entity pointing at file:///etc/passwd: it must "
                "never be resolved (reject the feed, or parse it with the entity left empty)",
                format="xml",
            )
        )

    # -- server behaviour --

    def redirect_loop(self) -> HostileCase:
        first, second = "hostile/redirect-loop/a", "hostile/redirect-loop/b"
        targets = {first: self._url(second), second: self._url(first)}
        routes = {path: {"redirect": target, "status": 302} for path, target in targets.items()}
        return HostileCase(
            self._record(
                "redirect-loop",
                None,
                "reject",
                "hostile/redirect-loop/a redirects (302) to .../b, which redirects back to .../a",
                format="http",
                route=first,
                url_b=self._url(second),
                server=routes,
            ),
            routes,
        )

    def slow_headers(self) -> HostileCase:
        title, blocks = _article(self.seed, 7)
        path = "hostile/slow-headers.html"
        self._write(path, _html(title, blocks).encode("utf-8"))
        route = {"delay": self.options.slow_seconds}
        return HostileCase(
            self._record(
                "slow-headers",
                path,
                "reject",
                f"the server waits {self.options.slow_seconds} s before answering: fetchers need "
                "a timeout",
                title=title,
                blocks=_blocks_truth(blocks),
                server=route,
            ),
            {path: route},
        )

    def slow_body(self) -> HostileCase:
        title, blocks = _article(self.seed, 8)
        path = "hostile/slow-body.html"
        self._write(path, _html(title, blocks).encode("utf-8"))
        route = {"trickle": self.options.trickle_seconds}
        return HostileCase(
            self._record(
                "slow-body",
                path,
                "reject",
                f"headers arrive at once, then the body trickles in over "
                f"{self.options.trickle_seconds} s: fetchers need an overall deadline, not only "
                "a per-read timeout",
                title=title,
                blocks=_blocks_truth(blocks),
                server=route,
            ),
            {path: route},
        )


def write_gzip_bomb(path: Path, expanded_bytes: int, chunk_bytes: int = _MIB) -> None:
    """Write a gzip file that decompresses to `expanded_bytes` of HTML-looking spaces.

    One chunk is deflated with a full flush (which resets the compressor), so every
    further chunk compresses to the same bytes: the file is written by repeating them,
    and only the CRC needs a pass over the (never stored) expanded data.
    """
    prefix = b"<!DOCTYPE html><html><body>"
    chunks, rest = divmod(max(expanded_bytes, chunk_bytes), chunk_bytes)
    blank = b" " * chunk_bytes
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = compressor.compress(prefix + blank[len(prefix) :]) + compressor.flush(zlib.Z_FULL_FLUSH)
    repeated = compressor.compress(blank) + compressor.flush(zlib.Z_FULL_FLUSH)
    crc = zlib.crc32(prefix + blank[len(prefix) :])
    with path.open("wb") as handle:
        handle.write(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff")
        handle.write(first)
        for _ in range(chunks - 1):
            handle.write(repeated)
            crc = zlib.crc32(blank, crc)
        handle.write(compressor.compress(blank[:rest]) + compressor.flush(zlib.Z_FINISH))
        crc = zlib.crc32(blank[:rest], crc)
        total = chunks * chunk_bytes + rest
        handle.write(struct.pack("<II", crc & 0xFFFFFFFF, total & 0xFFFFFFFF))
