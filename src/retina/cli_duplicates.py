"""`retina duplicates ARTICLE`: an article's copies, their origin and chains."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from retina.cli_options import DEFAULT_HOME, HomeOption, fail
from retina.errors import RetinaError


def duplicates(
    article: Annotated[
        str,
        typer.Argument(
            metavar="ARTICLE", help="An article id, its URL (any variant) or its stored key."
        ),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")] = False,
    home: HomeOption = DEFAULT_HOME,
) -> None:
    """Show every stored copy of an article: who published it, the origin and each copy's
    chain back to it, and the evidence."""
    from retina.store import Store

    try:
        with Store.open(home) as store:
            article_id = store.find(article)
            if article_id is None:
                raise fail(f"no article {article!r} (give an id, URL or key from `retina list`)")
            members = store.duplicates(article_id)
    except RetinaError as error:
        raise fail(str(error)) from None
    if as_json:
        body = {"id": article_id, "items": [m.to_dict() for m in members]}
        sys.stdout.write(json.dumps(body, ensure_ascii=False, indent=2) + "\n")
        return
    me = next(m for m in members if m.id == article_id)
    others = len(members) - 1
    if not others:
        typer.echo(f"article {article_id} has no stored copies")
    else:
        typer.echo(f"article {article_id}: {len(members)} postings of one article")
    for m in members:
        mark = "*" if m.is_lead else " "
        date = m.published.date().isoformat() if m.published else "undated"
        how = m.relation
        if m.similarity is not None and m.relation != "exact":
            how += f" {m.similarity:.2f}"
        source = f", copied from {m.copied_from}" if m.copied_from is not None else ""
        why = f" ({m.reason})" if m.reason != how else ""
        typer.echo(f"{mark} {m.id:>6}  {m.publication}  {date}  {how}{source}{why}")
    typer.echo(f"chain: {' ← '.join(me.chain)}")
