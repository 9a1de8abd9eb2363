"""Render an Article as plain text or Markdown (the JSON form is `Article.to_dict`)."""

from __future__ import annotations

from retina.model import Article, BlockKind


def to_text(article: Article) -> str:
    """Title, then the clean main text."""
    parts = [article.title] if article.title else []
    parts.append(article.text)
    return "\n\n".join(p for p in parts if p) + "\n"


def to_markdown(article: Article) -> str:
    """A Markdown document: title, a metadata line, then the blocks with their structure."""
    lines: list[str] = []
    if article.title:
        lines += [f"# {article.title}", ""]
    meta = [
        ", ".join(article.authors) if article.authors else None,
        article.site_name,
        f"originally published by {article.origin}" if article.origin else None,
        article.published.isoformat() if article.published else None,
    ]
    meta_line = " · ".join(m for m in meta if m)
    if meta_line:
        lines += [f"*{meta_line}*", ""]
    for i, block in enumerate(article.blocks):
        previous = article.blocks[i - 1].kind if i else None
        if block.kind is BlockKind.LIST_ITEM and previous is BlockKind.LIST_ITEM:
            lines.pop()  # consecutive list items form one list
        if block.kind is BlockKind.HEADING:
            level = min(max(block.level or 2, 2), 6)
            lines.append(f"{'#' * level} {block.text}")
        elif block.kind is BlockKind.QUOTE:
            lines.append("\n".join(f"> {line}" for line in block.text.splitlines()))
        elif block.kind is BlockKind.LIST_ITEM:
            lines.append(f"- {block.text}")
        elif block.kind is BlockKind.CODE:
            lines.append(f"```\n{block.text}\n```")
        else:
            lines.append(block.text)
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
