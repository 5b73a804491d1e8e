"""Optimistic concurrency: an edit made against a version of an item that is no longer current is refused.

Every item — outcome, initiative, business case, cost line, capability, risk, workshop session, log
entry — has a version, which the triggers of migration 0007 bump with each change to it, naming who
made the change and when. A form shows an item at one version and hands that version back with the
edit (`expected_version`). `check_version`, called in the edit's write transaction before anything
is written, locks the item's row (SELECT … FOR UPDATE: on a server two people may save at once; a
file's write transaction holds the whole file already) and raises `StaleEdit` when the item has
moved on, so that the check and the write are one. Reverts (undo and redo) pass no expected version:
they put back what they hold whatever came between, and bump the version as any change does.

The triggers see the item's own row only. Edits that change the parts an item keeps in tables of
its own — a session's participants and agenda, a log entry's links — bump its version with `touch`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import ColumnElement, Table, func, select, update
from sqlalchemy.orm import Session

from align_desktop.store.errors import NotFound, StaleEdit
from align_desktop.store.models import (
    AuditContext,
    BusinessCase,
    Capability,
    CostLine,
    Initiative,
    LogEntry,
    Outcome,
    Risk,
    WorkshopSession,
)


@dataclass(frozen=True)
class Item:
    """A kind of item whose edits are checked: how messages name it, its table, and its row by key."""

    kind: str
    table: Table
    row: Callable[[str], ColumnElement[bool]]
    missing_version: int | None = None
    """The version of an item that has no row (yet): 0 for a business case; None where the row must exist."""


def _keyed(kind: str, table: Any) -> Item:
    table = cast(Table, table)
    return Item(kind, table, lambda key: table.c.key == key)


def _case_of(key: str) -> ColumnElement[bool]:
    initiative = select(Initiative.id).where(Initiative.key == key).scalar_subquery()
    return BusinessCase.__table__.c.initiative_id == initiative


OUTCOME = _keyed("outcome", Outcome.__table__)
INITIATIVE = _keyed("initiative", Initiative.__table__)
BUSINESS_CASE = Item("business case", BusinessCase.__table__, _case_of, missing_version=0)
"""Keyed by its initiative's key; an initiative without a case yet has one at version 0."""
COST_LINE = _keyed("cost line", CostLine.__table__)
CAPABILITY = _keyed("capability", Capability.__table__)
RISK = _keyed("risk", Risk.__table__)
SESSION = _keyed("session", WorkshopSession.__table__)
LOG_ENTRY = _keyed("log entry", LogEntry.__table__)


def check_version(
    session: Session,
    item: Item,
    key: str,
    expected: int | None,
    yours: Mapping[str, Any],
    theirs: Callable[[], Mapping[str, Any]],
) -> None:
    """Lock the row of `item` `key` and refuse the edit unless it is at version `expected` (None: no check).

    The refusal, a `StaleEdit`, carries `yours` (each field the edit changes, with the value it would write)
    and what `theirs` returns (the same fields as they are now), called only then.
    """
    if expected is None:
        return
    table = item.table
    found = session.execute(
        select(table.c.version, table.c.changed_by, table.c.changed_at).where(item.row(key)).with_for_update()
    ).first()
    if found is None:
        if item.missing_version is None:
            raise NotFound(key)
        version, changed_by, changed_at = item.missing_version, "", None
    else:
        version, changed_by, changed_at = found
    if version != expected:
        raise StaleEdit(
            item.kind,
            key,
            changed_by=changed_by,
            changed_at=changed_at,
            version=version,
            theirs=theirs(),
            yours=yours,
        )


def values_of(found: object, fields: Iterable[str]) -> dict[str, Any]:
    """The attributes `fields` of the model object `found`, by name: what `theirs` of `check_version` returns."""
    return {field: getattr(found, field) for field in fields}


def current_version(session: Session, item: Item, key: str) -> int:
    """The version `item` `key` is at, as this transaction sees it."""
    version = session.scalar(select(item.table.c.version).where(item.row(key)))
    if version is None:
        raise NotFound(key)
    return int(version)


def touch(session: Session, item: Item, key: str, version: int) -> None:
    """Make a new version of `item` `key`, stamped as the triggers stamp one, unless this transaction has already
    made one (it is no longer at `version`): its parts kept in other tables changed."""
    table = item.table
    author = select(AuditContext.who).where(AuditContext.id == 1).scalar_subquery()
    session.execute(
        update(table)
        .where(item.row(key), table.c.version == version)
        .values(
            version=table.c.version + 1,
            changed_by=func.coalesce(author, ""),
            changed_at=datetime.now(UTC).replace(tzinfo=None),
        )
    )
