"""Store stage: cleaned articles in a SQL database (SQLite file in the data directory)."""

from retina.store.schema import MAX_SQL_INTEGER
from retina.store.store import (
    DATABASE_FILE,
    Group,
    Store,
    StoredArticle,
    UpsertResult,
    UpsertStatus,
    section_key,
)

__all__ = [
    "DATABASE_FILE",
    "MAX_SQL_INTEGER",
    "Group",
    "Store",
    "StoredArticle",
    "UpsertResult",
    "UpsertStatus",
    "section_key",
]
