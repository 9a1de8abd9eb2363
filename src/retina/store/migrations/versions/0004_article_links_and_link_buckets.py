"""Create article_links and link_buckets (duplicate groups, origins, the LSH index).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "article_links",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("url_key", sa.Text(), nullable=True),
        sa.Column("canonical_key", sa.Text(), nullable=True),
        sa.Column("shingles", sa.Integer(), nullable=False),
        sa.Column("signature", sa.LargeBinary(), nullable=False),
        sa.Column("relation", sa.String(length=16), nullable=False),
        sa.Column("matched_id", sa.Integer(), nullable=True),
        sa.Column("similarity", sa.Float(), nullable=True),
        sa.Column("copied_from", sa.Integer(), nullable=True),
        sa.Column("chain", sa.JSON(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("is_lead", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_article_links_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", name=op.f("pk_article_links")),
    )
    with op.batch_alter_table("article_links", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_article_links_group_id"), ["group_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_article_links_url_key"), ["url_key"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_article_links_canonical_key"), ["canonical_key"], unique=False
        )

    op.create_table(
        "link_buckets",
        sa.Column("key", sa.BigInteger(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_link_buckets_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("key", "article_id", name=op.f("pk_link_buckets")),
        sqlite_with_rowid=False,
    )


def downgrade() -> None:
    op.drop_table("link_buckets")
    with op.batch_alter_table("article_links", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_article_links_canonical_key"))
        batch_op.drop_index(batch_op.f("ix_article_links_url_key"))
        batch_op.drop_index(batch_op.f("ix_article_links_group_id"))
    op.drop_table("article_links")
