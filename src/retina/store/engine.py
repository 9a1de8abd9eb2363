"""Create the SQLAlchemy engine, with the per-connection settings SQLite needs."""

from __future__ import annotations

from typing import Any

from sqlalchemy import URL, Connection, Engine, create_engine, event, make_url

SQLITE_BUSY_TIMEOUT_SECONDS = 10.0
"""How long a writer waits for another process's write (e.g. two ingests) before failing."""

WRITE = {"sqlite_begin": "IMMEDIATE"}
"""Execution options for a transaction that will write: on SQLite it takes the write lock
at BEGIN, so a read-then-write transaction waits for other writers instead of failing."""


def make_engine(url: str | URL) -> Engine:
    """An engine for `url`; on SQLite: WAL journal, foreign keys on, real transactions."""
    if make_url(url).get_backend_name() != "sqlite":
        return create_engine(url)
    engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_SECONDS})
    event.listen(engine, "connect", _configure_sqlite)
    event.listen(engine, "begin", _begin_sqlite)
    return engine


def _configure_sqlite(dbapi_connection: Any, _record: Any) -> None:
    # The sqlite3 module's own transaction handling does not BEGIN before SELECTs or DDL,
    # so reads are not isolated and migrations are not atomic; SQLAlchemy emits BEGIN
    # instead (see _begin_sqlite), as the SQLAlchemy SQLite documentation recommends.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
    finally:
        cursor.close()


def _begin_sqlite(connection: Connection) -> None:
    mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
    connection.exec_driver_sql(f"BEGIN {mode}")
