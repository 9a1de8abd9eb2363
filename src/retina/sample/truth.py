"""Ground truth: what a perfect pipeline would report for each generated page.

One JSON object per article page in `truth.jsonl` (format in docs/sample-web.md),
written in page-id order, which is generation order and so deterministic.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from retina.sample.article import PULL_QUOTE, ArticlePage

TRUTH_FILE = "truth.jsonl"
HOSTILE_TRUTH_FILE = "hostile/truth.jsonl"


def article_truth(page: ArticlePage) -> dict[str, Any]:
    """The truth record of one article page."""
    draft = page.draft
    entities = dict.fromkeys(draft.title_entities)
    for block in draft.blocks:
        entities.update(dict.fromkeys(block.entities))
    injected = []
    pull_quotes = []
    for inj in sorted(page.injections, key=lambda i: i.position):
        record = {"kind": inj.kind, "text": inj.text, "position": inj.position, **inj.details}
        (pull_quotes if inj.kind == PULL_QUOTE else injected).append(record)
    image = page.image
    return {
        "id": page.id,
        "path": page.file_path,
        "url": page.url,
        "aliases": [page.outlet.url(a) for a in page.aliases],
        "format": "txt" if page.outlet.is_text else "html",
        "outlet": page.outlet.name,
        "outlet_slug": page.outlet.slug,
        "template_family": page.outlet.family,
        "role": page.role,
        "story_id": page.event.story_id,
        "event": page.event.facts,
        "syndicated_from": page.source.url if page.source else None,
        "origin": page.origin,
        "is_exact_repost": page.is_exact_repost,
        "canonical_url": page.canonical,
        "title": draft.title,
        "authors": list(page.authors),
        "published": page.published.isoformat(),
        "updated": page.updated.isoformat() if page.updated else None,
        "section": page.section,
        "section_label": page.section_label,
        "language": "en",
        "blocks": [
            {"kind": b.kind, "text": b.text, **({"level": b.level} if b.level else {})}
            for b in draft.blocks
        ],
        "lookalikes": [
            {"block": i, "reason": b.lookalike} for i, b in enumerate(draft.blocks) if b.lookalike
        ],
        "injected": injected,
        "pull_quotes": pull_quotes,
        "entities": [{"text": name, "type": kind} for name, kind in entities],
        "images": (
            [{"url": image.url, "alt": image.alt, "caption": image.caption, "credit": image.credit}]
            if image
            else []
        ),
    }


def dumps(record: dict[str, Any]) -> str:
    """One JSON line, byte-stable across runs."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"


def read_truth(folder: str | Path, *, hostile: bool = False) -> Iterator[dict[str, Any]]:
    """The truth records of a generated sample web (or of its hostile area)."""
    path = Path(folder) / (HOSTILE_TRUTH_FILE if hostile else TRUTH_FILE)
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line)
