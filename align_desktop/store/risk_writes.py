"""Writes behind `RiskService`, inside the caller's transaction."""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import Table, delete, insert, select
from sqlalchemy.orm import Session

from align_desktop.domain.keys import RISK_PREFIX
from align_desktop.domain.risk import RISK_FIELDS, check_acceptance
from align_desktop.store import dependents
from align_desktop.store.bulk_insert import insert_rows
from align_desktop.store.capability_writes import find_capability
from align_desktop.store.errors import NotFound
from align_desktop.store.initiative_writes import find_initiative
from align_desktop.store.keyed_writes import find_keyed, insert_keyed
from align_desktop.store.keys import next_key
from align_desktop.store.models import Risk, RiskCapability, RiskInitiative
from align_desktop.store.versions import RISK, check_version, values_of

_COLUMNS = [c.name for c in Risk.__table__.columns]


def find_risk(session: Session, key: str) -> Risk:
    risk = session.scalar(select(Risk).where(Risk.key == key))
    if risk is None:
        raise NotFound(key)
    return risk


def create_risk(session: Session, clean: dict[str, Any]) -> str:
    check_acceptance(clean)
    key = next_key(session, RISK_PREFIX)
    session.add(Risk(key=key, **clean))
    return key


def insert_risks(session: Session, rows: list[dict[str, Any]]) -> None:
    """Add validated risks under their own keys (an import); an accepted one needs a rationale."""
    for row in rows:
        check_acceptance(row)
    insert_keyed(session, cast(Table, Risk.__table__), RISK_PREFIX, rows)


def update_risks(session: Session, changes: list[tuple[str, dict[str, Any]]]) -> None:
    """Store validated fields of existing risks (an import), loaded together, each risk as a whole still
    consistent."""
    loaded = find_keyed(session, Risk, [key for key, _ in changes])
    for key, clean in changes:
        risk = loaded.get(key)
        if risk is None:
            raise NotFound(key)
        check_acceptance(values_of(risk, RISK_FIELDS) | clean)
        for field, value in clean.items():
            setattr(risk, field, value)


def update_risk(
    session: Session, key: str, clean: dict[str, Any], *, expected_version: int | None = None
) -> dict[str, Any]:
    """Store validated fields, the risk as a whole still consistent, unless it has moved on from
    `expected_version`; return their previous values."""
    check_version(session, RISK, key, expected_version, clean, lambda: values_of(find_risk(session, key), clean))
    risk = find_risk(session, key)
    check_acceptance(values_of(risk, RISK_FIELDS) | clean)
    previous = values_of(risk, clean)
    for field, value in clean.items():
        setattr(risk, field, value)
    return previous


def links(session: Session, risk_id: int) -> tuple[list[str], list[str]]:
    """Keys of the initiatives and capabilities a risk threatens."""
    from align_desktop.store.models import Capability, Initiative

    initiatives = session.scalars(
        select(Initiative.key)
        .join(RiskInitiative, RiskInitiative.initiative_id == Initiative.id)
        .where(RiskInitiative.risk_id == risk_id)
    ).all()
    capabilities = session.scalars(
        select(Capability.key)
        .join(RiskCapability, RiskCapability.capability_id == Capability.id)
        .where(RiskCapability.risk_id == risk_id)
    ).all()
    return list(initiatives), list(capabilities)


Links = tuple[list[str], list[str]]
"""A risk's links: the keys of the initiatives and of the capabilities it threatens."""


def set_links(
    session: Session, key: str, initiatives: list[str], capabilities: list[str], shown: Links | None = None
) -> tuple[Links, Links]:
    """Make a risk threaten these initiatives and capabilities; given the links the user was `shown`, change only
    what the user changed of those, leaving links others made or removed since as they are. Return the links
    before and after."""
    risk = find_risk(session, key)
    before = links(session, risk.id)
    if shown is None:
        after = (list(dict.fromkeys(initiatives)), list(dict.fromkeys(capabilities)))
    else:
        after = (
            _edited(before[0], initiatives, shown[0]),
            _edited(before[1], capabilities, shown[1]),
        )
    initiative_ids = [find_initiative(session, k).id for k in after[0]]
    capability_ids = [find_capability(session, k).id for k in after[1]]
    session.execute(delete(RiskInitiative).where(RiskInitiative.risk_id == risk.id))
    session.execute(delete(RiskCapability).where(RiskCapability.risk_id == risk.id))
    if initiative_ids:
        session.execute(insert(RiskInitiative), [{"risk_id": risk.id, "initiative_id": i} for i in initiative_ids])
    if capability_ids:
        session.execute(insert(RiskCapability), [{"risk_id": risk.id, "capability_id": c} for c in capability_ids])
    return before, after


def _edited(now: list[str], wanted: list[str], shown: list[str]) -> list[str]:
    """`now`, with the keys the user ticked (in `wanted`, not `shown`) and without those cleared (the reverse)."""
    kept = [key for key in now if key in wanted or key not in shown]
    return kept + [key for key in dict.fromkeys(wanted) if key not in shown and key not in kept]


def replace_links(session: Session, links: list[tuple[str, list[str] | None, list[str] | None]]) -> None:
    """Make risks threaten exactly these initiatives and capabilities, by key; None leaves that kind alone.

    In bulk, for an import: (risk key, initiative keys or None, capability keys or None).
    """
    from align_desktop.store.models import Capability, Initiative

    if not links:
        return
    ids = {
        "risk": dict(session.execute(select(Risk.key, Risk.id)).all()),
        "initiative": dict(session.execute(select(Initiative.key, Initiative.id)).all()),
        "capability": dict(session.execute(select(Capability.key, Capability.id)).all()),
    }

    def id_of(kind: str, key: str) -> int:
        if key not in ids[kind]:
            raise NotFound(key)
        return ids[kind][key]

    for model, kind, column, position in (
        (RiskInitiative, "initiative", "initiative_id", 1),
        (RiskCapability, "capability", "capability_id", 2),
    ):
        table = cast(Table, model.__table__)
        given = [(id_of("risk", link[0]), link[position]) for link in links if link[position] is not None]
        if not given:
            continue
        risk_ids = [risk_id for risk_id, _ in given]
        for start in range(0, len(risk_ids), 500):
            session.execute(delete(table).where(table.c.risk_id.in_(risk_ids[start : start + 500])))
        rows = [
            {"risk_id": risk_id, column: id_of(kind, key)}
            for risk_id, keys in given
            for key in dict.fromkeys(keys or ())
        ]
        if rows:
            insert_rows(session, table, rows)


def delete_risk(session: Session, key: str) -> tuple[dict[str, Any], tuple[list[str], list[str]]]:
    """Delete a risk and its links; return what restores them."""
    risk = find_risk(session, key)
    row = {column: getattr(risk, column) for column in _COLUMNS}
    before = links(session, risk.id)
    session.delete(risk)
    session.flush()
    return row, before


def restore_risk(session: Session, row: dict[str, Any], linked: tuple[list[str], list[str]]) -> None:
    dependents.reinsert(session, Risk, row)
    set_links(session, row["key"], *linked)
