"""Writes behind `CapabilityService`, inside the caller's transaction."""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import Table, bindparam, delete, literal, select, update
from sqlalchemy.orm import Session

from align_desktop.domain.keys import CAPABILITY_PREFIX
from align_desktop.domain.validation import ValidationError
from align_desktop.store import dependents
from align_desktop.store.bulk_insert import insert_rows
from align_desktop.store.errors import NotFound
from align_desktop.store.initiative_writes import find_initiative
from align_desktop.store.keyed_writes import KEYS_PER_QUERY, find_keyed, insert_keyed
from align_desktop.store.keys import next_key
from align_desktop.store.models import Capability, CapabilityNeed, Initiative, RiskCapability
from align_desktop.store.versions import CAPABILITY, check_version, values_of

_COLUMNS = [c.name for c in Capability.__table__.columns]


def find_capability(session: Session, key: str) -> Capability:
    capability = session.scalar(select(Capability).where(Capability.key == key))
    if capability is None:
        raise NotFound(key)
    return capability


def _check_name_free(session: Session, name: str, own_id: int | None) -> None:
    """Names are unique ignoring case: say which capability already has this one.

    Compared in Python: SQLite's `lower()` and NOCASE fold only A–Z, so 'ÜBERSETZUNG' and
    'Übersetzung' would slip past a check in SQL (and then fail the unique index with a raw error).
    """
    wanted = name.casefold()
    for other_id, key, other_name in session.execute(select(Capability.id, Capability.key, Capability.name)):
        if other_id != own_id and other_name.casefold() == wanted:
            raise ValidationError("Name", f"'{name}' is already the name of {key}")


def create_capability(session: Session, clean: dict[str, Any]) -> str:
    _check_name_free(session, clean["name"], None)
    key = next_key(session, CAPABILITY_PREFIX)
    session.add(Capability(key=key, **clean))
    return key


def insert_capabilities(session: Session, rows: list[dict[str, Any]]) -> None:
    """Add validated capabilities under their own keys (an import); names stay unique ignoring case."""
    taken = {name.casefold(): key for key, name in session.execute(select(Capability.key, Capability.name))}
    for row in rows:
        other = taken.setdefault(row["name"].casefold(), row["key"])
        if other != row["key"]:
            raise ValidationError("Name", f"'{row['name']}' is already the name of {other}")
    insert_keyed(session, cast(Table, Capability.__table__), CAPABILITY_PREFIX, rows)


def park_names(session: Session, keys: list[str]) -> None:
    """Give these capabilities interim names no one types, so that renames among them never clash."""
    for start in range(0, len(keys), KEYS_PER_QUERY):
        chunk = keys[start : start + KEYS_PER_QUERY]
        session.execute(
            update(Capability).where(Capability.key.in_(chunk)).values(name=literal("\x01") + Capability.key)
        )


def update_capabilities(session: Session, changes: list[tuple[str, dict[str, Any]]]) -> None:
    """Store validated fields of existing capabilities (an import), loaded together. A new name must be free among
    the others: renamed ones are parked first (`park_names`), so that names may swap."""
    loaded = find_keyed(session, Capability, [key for key, _ in changes])
    taken = {name.casefold(): key for key, name in session.execute(select(Capability.key, Capability.name))}
    for key, clean in changes:
        capability = loaded.get(key)
        if capability is None:
            raise NotFound(key)
        if "name" in clean:
            owner = taken.setdefault(clean["name"].casefold(), key)
            if owner != key:
                raise ValidationError("Name", f"'{clean['name']}' is already the name of {owner}")
        for field, value in clean.items():
            setattr(capability, field, value)


def update_capability(
    session: Session, key: str, clean: dict[str, Any], *, expected_version: int | None = None
) -> dict[str, Any]:
    """Store validated fields, unless the capability has moved on from `expected_version`; return their previous
    values."""
    check_version(
        session, CAPABILITY, key, expected_version, clean, lambda: values_of(find_capability(session, key), clean)
    )
    capability = find_capability(session, key)
    if "name" in clean:
        _check_name_free(session, clean["name"], capability.id)
    previous = values_of(capability, clean)
    for field, value in clean.items():
        setattr(capability, field, value)
    return previous


_OWNED = dependents.tables(CapabilityNeed, RiskCapability)
"""Rows that go with a capability: the needs of it and the risks' links to it."""


def delete_capability(session: Session, key: str) -> tuple[dict[str, Any], dependents.Dependents]:
    """Delete a capability with its needs and risk links; return what restores them."""
    capability = find_capability(session, key)
    row = {column: getattr(capability, column) for column in _COLUMNS}
    kept = dependents.keep(session, _OWNED, "capability_id", capability.id)
    session.delete(capability)
    session.flush()
    for table in _OWNED:
        session.execute(delete(table).where(table.c.capability_id == row["id"]))
    return row, kept


def restore_capability(session: Session, row: dict[str, Any], kept: dependents.Dependents) -> None:
    """Put a deleted capability back under its key with everything that went with it."""
    capability_id = dependents.reinsert(session, Capability, row)
    dependents.put_back(session, _OWNED, "capability_id", capability_id, kept)


def set_need(session: Session, initiative_key: str, capability_key: str, level: int | None) -> int | None:
    """Make the need exactly `level` (None: no need); return the level before."""
    initiative_id = find_initiative(session, initiative_key).id
    capability_id = find_capability(session, capability_key).id
    need = session.get(CapabilityNeed, (initiative_id, capability_id))
    before = None if need is None else need.required_level
    if level is None:
        if need is not None:
            session.delete(need)
    elif need is None:
        session.add(CapabilityNeed(initiative_id=initiative_id, capability_id=capability_id, required_level=level))
    else:
        need.required_level = level
    return before


def apply_needs(session: Session, needs: list[tuple[str, str, int | None]]) -> None:
    """Make each need (initiative key, capability key) exactly its level, None removing it; in bulk."""
    if not needs:
        return
    initiative_ids = dict(session.execute(select(Initiative.key, Initiative.id)).all())
    capability_ids = dict(session.execute(select(Capability.key, Capability.id)).all())
    table = cast(Table, CapabilityNeed.__table__)
    existing: set[tuple[int, int]] = {
        (row[0], row[1]) for row in session.execute(select(table.c.initiative_id, table.c.capability_id))
    }
    added, changed, removed = [], [], []
    for initiative_key, capability_key, level in needs:
        if initiative_key not in initiative_ids:
            raise NotFound(initiative_key)
        if capability_key not in capability_ids:
            raise NotFound(capability_key)
        pair = (initiative_ids[initiative_key], capability_ids[capability_key])
        row = {"i": pair[0], "c": pair[1], "level": level}
        if level is None:
            if pair in existing:
                removed.append(row)
        elif pair in existing:
            changed.append(row)
        else:
            added.append({"initiative_id": pair[0], "capability_id": pair[1], "required_level": level})
            existing.add(pair)
    same = (table.c.initiative_id == bindparam("i")) & (table.c.capability_id == bindparam("c"))
    if removed:
        session.execute(delete(table).where(same), removed)
    if changed:
        session.execute(update(table).where(same).values(required_level=bindparam("level")), changed)
    if added:
        insert_rows(session, table, added)
