"""Bring a workspace's schema to this build's head with Alembic, imported only when needed."""

from __future__ import annotations

from sqlalchemy import Connection, Engine


def upgrade_to_head(bind: Engine | Connection) -> None:
    """Apply every missing migration step: each in its own transaction on an engine, or all of them
    in the transaction a connection is already in."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", "align_desktop.store:migrations")
    if isinstance(bind, Connection):
        config.attributes["connection"] = bind
        command.upgrade(config, "head")
        return
    with bind.connect() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def alembic_head() -> str:
    """The newest revision id in the migration scripts (used to check `schema.HEAD_REVISION`)."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", "align_desktop.store:migrations")
    head = ScriptDirectory.from_config(config).get_current_head()
    assert head is not None
    return head
