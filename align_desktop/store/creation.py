"""Build a new workspace (a file, or a server's empty database): run every migration, then seed settings and lanes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import insert
from sqlalchemy.orm import Session

from align_desktop.domain.vocabulary import (
    DEFAULT_CURRENCY,
    DEFAULT_DISCOUNT_RATE,
    DEFAULT_HORIZON,
    DEFAULT_LANES,
    DEFAULT_READINESS_GATE,
)
from align_desktop.store import models
from align_desktop.store.engine import make_engine
from align_desktop.store.migrate import upgrade_to_head


def build_workspace(path: Path, name: str, populate: Callable[[Session], None] | None) -> None:
    """Create the schema in a new file at `path` and fill it, in one transaction after migrating."""
    engine = make_engine(path)
    try:
        upgrade_to_head(engine)
        with Session(engine) as session, session.begin():
            fill_workspace(session, name, populate)
    finally:
        engine.dispose()


def fill_workspace(session: Session, name: str, populate: Callable[[Session], None] | None) -> None:
    """Seed the settings and lanes of a workspace whose schema has just been made, and fill it, in `session`."""
    _seed(session, name)
    if populate is not None:
        populate(session)


def _seed(session: Session, name: str) -> None:
    session.execute(
        insert(models.WorkspaceSettings),
        [
            {
                "id": 1,
                "name": name,
                "currency": DEFAULT_CURRENCY,
                "discount_rate": DEFAULT_DISCOUNT_RATE,
                "horizon": DEFAULT_HORIZON,
                "readiness_gate": DEFAULT_READINESS_GATE,
                "created_at": datetime.now(UTC).replace(tzinfo=None),
            }
        ],
    )
    session.execute(insert(models.Lane), [{"name": lane, "position": i} for i, lane in enumerate(DEFAULT_LANES)])
