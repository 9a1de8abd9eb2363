"""OPML subscription lists: read one into (feed URL, title, folder) entries, write one.

OPML 1.0/2.0 as feed readers exchange it: `<outline type="rss" xmlUrl="..." text="...">`
entries, nested in folder outlines whose `text` (or `title`) names the folder. Retina's
folder is a source's `section`; nested folders are joined with " / ".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from typing import Any
from xml.sax.saxutils import quoteattr

from retina.errors import InputError
from retina.store import Store
from retina.store.sources import Source, add_source, get_source
from retina.url_parts import split_url

UNKNOWN_KIND = "feed"
"""The kind of an imported source until its first poll says what it is."""

MAX_ENTRIES = 10_000


@dataclass(frozen=True, slots=True)
class OpmlEntry:
    """One feed of a subscription list; `problem` is set when it cannot be followed."""

    url: str
    title: str | None
    section: str | None
    problem: str | None = None


def read_opml(body: bytes, *, name: str = "OPML") -> list[OpmlEntry]:
    """The feeds listed in an OPML document; `InputError` when it is not one."""
    from lxml import etree

    if not body.strip():
        raise InputError(f"{name}: empty file")
    if b"<!ENTITY" in body[:65536]:
        raise InputError(f"{name}: the document declares XML entities (refused)")
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError as error:
        raise InputError(f"{name}: not well-formed XML ({error})") from None
    if etree.QName(root).localname.lower() != "opml":
        raise InputError(f"{name}: not an OPML document (its root is <{root.tag}>)")
    body_element = next((c for c in root if _local(c) == "body"), None)
    if body_element is None:
        raise InputError(f"{name}: an OPML document without a <body>")
    entries: list[OpmlEntry] = []
    _walk(body_element, [], entries)
    if len(entries) > MAX_ENTRIES:
        raise InputError(f"{name}: more than {MAX_ENTRIES:,} feeds")
    return entries


def _walk(parent: Any, folders: list[str], entries: list[OpmlEntry]) -> None:
    for outline in parent:
        if _local(outline) != "outline":
            continue
        label = (outline.get("text") or outline.get("title") or "").strip() or None
        url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
        if url:
            entries.append(
                OpmlEntry(
                    url=url,
                    title=label,
                    section=" / ".join(folders) or None,
                    problem=_url_problem(url),
                )
            )
        _walk(outline, [*folders, label] if label and not url else folders, entries)


def _url_problem(url: str) -> str | None:
    parts = split_url(url)
    if parts is None:
        return "not a valid URL"
    if parts.scheme not in ("http", "https"):
        return "only http and https feeds can be followed"
    if not parts.hostname:
        return "the URL has no host"
    return None


def _local(element: Any) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def write_opml(sources: list[Source], *, title: str = "Retina subscriptions") -> str:
    """An OPML 2.0 document listing `sources`, in folders by section."""
    folders: dict[str | None, list[Source]] = {}
    for source in sources:
        folders.setdefault(source.section, []).append(source)
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<opml version="2.0">',
        "<head>",
        f"<title>{_escape(title)}</title>",
        f"<dateCreated>{format_datetime(datetime.now(UTC))}</dateCreated>",
        "</head>",
        "<body>",
    ]
    for section, members in folders.items():
        indent = ""
        if section is not None:
            lines.append(f"<outline text={quoteattr(section)} title={quoteattr(section)}>")
            indent = "  "
        for source in members:
            label = source.title or source.url
            kind = "rss" if source.kind in ("rss", "rdf", "atom", "json_feed") else source.kind
            lines.append(
                f"{indent}<outline type={quoteattr(kind)} text={quoteattr(label)} "
                f"title={quoteattr(label)} xmlUrl={quoteattr(source.url)}/>"
            )
        if section is not None:
            lines.append("</outline>")
    lines += ["</body>", "</opml>", ""]
    return "\n".join(lines)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@dataclass(slots=True)
class ImportReport:
    added: list[Source]
    known: list[str]
    """URLs that were already sources."""
    failed: list[tuple[str, str]]
    """(URL, why) for entries that cannot be followed."""


def import_entries(
    store: Store, entries: list[OpmlEntry], *, section: str | None = None
) -> ImportReport:
    """Follow every entry not followed yet, each in its own transaction. Feeds are not
    fetched here: their kind is found at their first poll, and the address guard checks
    them then. `section` is the folder for entries outside any folder."""
    report = ImportReport([], [], [])
    for entry in entries:
        if entry.problem:
            report.failed.append((entry.url, entry.problem))
            continue
        if get_source(store, entry.url) is not None:
            report.known.append(entry.url)
            continue
        report.added.append(
            add_source(
                store,
                entry.url,
                kind=UNKNOWN_KIND,
                title=entry.title,
                section=entry.section or section,
            )
        )
    return report
