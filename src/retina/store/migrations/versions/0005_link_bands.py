"""Replace link_buckets (one row per LSH band) with link_bands (one BLOB per article).

The LSH index moves to memory (retina.store.band_index), built from link_bands when the
store first writes; the band keys are computed here from the stored signatures.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import numpy as np
import sqlalchemy as sa
from alembic import op

from retina.link.lsh import band_keys
from retina.link.similarity import MIN_SHINGLES

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BATCH = 10_000


def upgrade() -> None:
    link_bands = op.create_table(
        "link_bands",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("bands", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_link_bands_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", name=op.f("pk_link_bands")),
        sa.UniqueConstraint("seq", name=op.f("uq_link_bands_seq")),
    )
    links = sa.table(
        "article_links",
        sa.column("article_id", sa.Integer()),
        sa.column("shingles", sa.Integer()),
        sa.column("signature", sa.LargeBinary()),
    )
    connection = op.get_bind()
    last = 0
    while True:
        rows = connection.execute(
            sa.select(links.c.article_id, links.c.shingles, links.c.signature)
            .where(links.c.article_id > last)
            .order_by(links.c.article_id)
            .limit(_BATCH)
        ).all()
        if not rows:
            break
        signatures = np.frombuffer(b"".join(r.signature for r in rows), "<u4").reshape(
            len(rows), -1
        )
        keys = band_keys(signatures).astype("<u4")
        op.bulk_insert(
            link_bands,
            [
                {
                    "article_id": r.article_id,
                    "seq": r.article_id,
                    "bands": keys[n].tobytes() if r.shingles >= MIN_SHINGLES else b"",
                }
                for n, r in enumerate(rows)
            ],
        )
        last = rows[-1].article_id
    op.drop_table("link_buckets")


def downgrade() -> None:
    # The older index is not rebuilt here: its links are dropped, and the Retina of
    # revision 0004 links every stored article again when it opens the store.
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
    op.execute(sa.text("DELETE FROM article_links"))
    op.drop_table("link_bands")
