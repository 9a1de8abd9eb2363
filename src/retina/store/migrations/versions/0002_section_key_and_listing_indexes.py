"""Add articles.section_key (filled from section) and the per-section and per-outlet indexes.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def section_key(section: str | None) -> str | None:
    """A copy of `retina.store.store.section_key` as of this revision (migrations are frozen)."""
    folded = " ".join(section.split()).casefold() if section else ""
    return folded or None


def upgrade() -> None:
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.add_column(sa.Column("section_key", sa.Text(), nullable=True))
        batch_op.create_index("ix_articles_section", ["section_key", "published", "ingested_at"])
        batch_op.create_index("ix_articles_site", ["site_name", "published", "ingested_at"])

    articles = sa.table(
        "articles",
        sa.column("id", sa.Integer),
        sa.column("section", sa.Text),
        sa.column("section_key", sa.Text),
    )
    connection = op.get_bind()
    rows = connection.execute(
        sa.select(articles.c.id, articles.c.section).where(articles.c.section.is_not(None))
    ).all()
    keys = [{"row_id": row.id, "key": section_key(row.section)} for row in rows]
    if keys:
        connection.execute(
            articles.update()
            .where(articles.c.id == sa.bindparam("row_id"))
            .values(section_key=sa.bindparam("key")),
            keys,
        )


def downgrade() -> None:
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.drop_index("ix_articles_site")
        batch_op.drop_index("ix_articles_section")
        batch_op.drop_column("section_key")
