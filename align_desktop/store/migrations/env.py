"""Alembic environment: runs on the connection the store hands over, one transaction per step.

After each step, inside its transaction, a workspace file's `PRAGMA user_version` is set to the
step's schema version, so the file header always says which schema the file holds. A server
database has no such header: its `alembic_version` row says it.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from alembic import context
from alembic.migration import MigrationContext, MigrationInfo

from align_desktop.store.models import Base

connection = context.config.attributes["connection"]


def _record_schema_version(
    ctx: MigrationContext, step: MigrationInfo, heads: Collection[Any], run_args: Mapping[str, Any]
) -> None:
    if step.is_upgrade and step.up_revision_id is not None and connection.dialect.name == "sqlite":
        connection.exec_driver_sql(f"PRAGMA user_version={int(step.up_revision_id)}")


context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    transaction_per_migration=True,
    render_as_batch=True,
    on_version_apply=_record_schema_version,
)
with context.begin_transaction():
    context.run_migrations()
