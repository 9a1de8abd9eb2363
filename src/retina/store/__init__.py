"""Store stage: cleaned articles in a SQL database (SQLite file in the data directory)."""

from retina.store.store import DATABASE_FILE, Store, StoredArticle, UpsertResult, UpsertStatus

__all__ = ["DATABASE_FILE", "Store", "StoredArticle", "UpsertResult", "UpsertStatus"]
