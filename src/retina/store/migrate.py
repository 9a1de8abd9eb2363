"""Schema migrations with Alembic, configured in code (no alembic.ini).

Opening a `Store` upgrades its database to the newest revision. To add a revision after
changing `retina.store.schema`, autogenerate it against a database at the current head::

    from alembic import command
    from retina.store import Store
    from retina.store.migrate import alembic_config

    with Store.open("dev-data") as store, store.engine.begin() as connection:
        command.revision(alembic_config(connection), message="add feeds", autogenerate=True)

then review the new file in `retina/store/migrations/versions/` (number it, as 0001 is).
"""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine

from retina.store.engine import WRITE

SCRIPT_LOCATION = "retina.store:migrations"


def alembic_config(connection: Connection) -> Config:
    """An Alembic configuration whose migrations run on `connection`."""
    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    config.set_main_option("path_separator", "os")
    config.attributes["connection"] = connection
    return config


def upgrade(engine: Engine) -> None:
    """Bring the database to the newest schema revision, in one transaction."""
    with engine.execution_options(**WRITE).begin() as connection:
        command.upgrade(alembic_config(connection), "head")
