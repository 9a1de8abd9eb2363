"""Alembic environment: runs migrations on the connection `retina.store.migrate` provides."""

from __future__ import annotations

from typing import Any

from alembic import context

from retina.store.schema import UTCDateTime, metadata


def render_item(type_: str, obj: Any, _autogen_context: Any) -> str | bool:
    """Write UTCDateTime as the plain type it stores, so migrations never import app code."""
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False


connection = context.config.attributes.get("connection")
if connection is None or context.is_offline_mode():
    raise RuntimeError("run Retina migrations through retina.store.migrate, with a connection")

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_item=render_item,
    # SQLite cannot ALTER most things: autogenerate copy-and-move "batch" operations.
    render_as_batch=connection.dialect.name == "sqlite",
    # The engine emits BEGIN itself, so DDL on SQLite is transactional too.
    transactional_ddl=True,
)
with context.begin_transaction():
    context.run_migrations()
