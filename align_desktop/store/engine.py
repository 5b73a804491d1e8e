"""SQLAlchemy engine for writing to one workspace file, over the connections of `connection.py`.

Its transactions begin with BEGIN IMMEDIATE, taking the write lock up front instead of
failing half-way through a change.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection

from align_desktop.store.connection import connect


def make_engine(path: Path) -> Engine:
    """An engine whose connections come from `connection.connect`, with explicit BEGIN IMMEDIATE."""
    engine = create_engine("sqlite://", creator=lambda: connect(path))

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine
