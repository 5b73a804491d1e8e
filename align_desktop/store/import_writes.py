"""Writes behind `ImportService`: an import's changes, inside the caller's one transaction.

Order matters: settings (a shorter horizon clears the years it drops) and lanes first, then
each kind of item after the items it refers to. Every write keeps the app's rules (the
readiness gate, an accepted risk's rationale, capability names unique ignoring case): a
refusal raises and rolls the whole import back.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from align_desktop.domain.validation import ValidationError
from align_desktop.store import (
    business_case_writes,
    capability_writes,
    initiative_writes,
    outcome_writes,
    risk_writes,
    settings_writes,
)
from align_desktop.store.audit_pause import audit_paused
from align_desktop.store.errors import NotFound
from align_desktop.store.imports import ImportChanges, ItemEdit
from align_desktop.store.keyed_writes import find_keyed
from align_desktop.store.models import Initiative, Lane

LINK_FIELDS = ("initiative_keys", "capability_keys")
END = 1 << 30
"""An index past the end of any lane: `move_initiative` clamps it to the end."""


def apply_changes(session: Session, changes: ImportChanges) -> None:
    if changes.settings:
        settings_writes.update_settings(session, changes.settings)
    left_out = settings_writes.arrange_lanes(session, changes.lanes) if changes.lanes is not None else []
    outcome_writes.insert_outcomes(session, [{"key": e.key} | e.fields for e in changes.outcomes if e.new])
    for edit in changes.outcomes:
        if not edit.new:
            outcome_writes.update_outcome(session, edit.key, edit.fields)
    _initiatives(session, changes.initiatives)
    settings_writes.remove_lanes(session, left_out)
    _capabilities(session, changes.capabilities)
    session.flush()
    capability_writes.apply_needs(session, changes.needs)
    _risks(session, changes.risks)
    session.flush()
    initiative_ids = dict(session.execute(select(Initiative.key, Initiative.id)).all())
    created = {edit.key for edit in changes.initiatives if edit.new}
    creating = [e.new and e.fields.get("initiative_key") in created for e in changes.cost_lines]
    # the business cases and cost lines of initiatives this import creates are part of creating them,
    # which (as every creation) the item history does not record; those of existing ones it does
    with audit_paused(session):
        _cases(session, [e for e in changes.cases if e.key in created], initiative_ids)
        _cost_lines(session, [e for e, new in zip(changes.cost_lines, creating, strict=True) if new], initiative_ids)
    _cases(session, [e for e in changes.cases if e.key not in created], initiative_ids)
    _cost_lines(session, [e for e, new in zip(changes.cost_lines, creating, strict=True) if not new], initiative_ids)


def _initiatives(session: Session, edits: list[ItemEdit]) -> None:
    """Changes, then lane moves (a moved card goes to the end of its new lane, in workbook order), then new cards.

    The cards changed are looked up together, and their changes written together, as one batch: a query and a flush
    for each card would cost round trips per card, which on a team workspace are most of an import's time. The
    moves renumber lanes with statements of their own, after the changes are written."""
    lanes = {name.casefold(): lane_id for name, lane_id in session.execute(select(Lane.name, Lane.id))}
    added, moves = [], []
    loaded = find_keyed(session, Initiative, [edit.key for edit in edits if not edit.new])
    gate = initiative_writes.readiness_gate(session)
    with session.no_autoflush:
        for edit in edits:
            fields = dict(edit.fields)
            lane = fields.pop("lane", None)
            if edit.new:
                added.append((edit.key, fields, _lane_id(lanes, lane)))
                continue
            if fields:
                initiative_writes.update_initiative(
                    session, edit.key, fields, "", found=loaded.get(edit.key), gate=gate
                )
            if lane is not None:
                moves.append((edit.key, _lane_id(lanes, lane)))
    session.flush()
    for key, lane_id in moves:
        initiative_writes.move_initiative(session, key, lane_id, END)
    session.flush()
    initiative_writes.insert_initiatives(session, added)


def _lane_id(lanes: dict[str, int], name: str | None) -> int:
    """The id of the lane called `name` (ignoring case); a new initiative always names its lane."""
    if name is None or name.casefold() not in lanes:
        raise ValidationError("Lane", f"'{name}' is not a lane of the workspace")
    return lanes[name.casefold()]


def _capabilities(session: Session, edits: list[ItemEdit]) -> None:
    capability_writes.park_names(session, [e.key for e in edits if not e.new and "name" in e.fields])
    capability_writes.insert_capabilities(session, [{"key": e.key} | e.fields for e in edits if e.new])
    capability_writes.update_capabilities(session, [(e.key, e.fields) for e in edits if not e.new])


def _risks(session: Session, edits: list[ItemEdit]) -> None:
    def own(fields: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in fields.items() if k not in LINK_FIELDS}

    risk_writes.insert_risks(session, [{"key": e.key} | own(e.fields) for e in edits if e.new])
    risk_writes.update_risks(session, [(e.key, own(e.fields)) for e in edits if not e.new and own(e.fields)])
    session.flush()
    risk_writes.replace_links(
        session,
        [
            (e.key, e.fields.get("initiative_keys"), e.fields.get("capability_keys"))
            for e in edits
            if any(field in e.fields for field in LINK_FIELDS)
        ],
    )


def _id(initiative_ids: dict[str, int], key: str) -> int:
    if key not in initiative_ids:
        raise NotFound(key)
    return initiative_ids[key]


def _cases(session: Session, edits: list[ItemEdit], initiative_ids: dict[str, int]) -> None:
    business_case_writes.insert_cases(session, [(_id(initiative_ids, e.key), e.fields) for e in edits if e.new])
    business_case_writes.update_cases(
        session, [(edit.key, _id(initiative_ids, edit.key), edit.fields) for edit in edits if not edit.new]
    )


def _cost_lines(session: Session, edits: list[ItemEdit], initiative_ids: dict[str, int]) -> None:
    """Moves to another initiative first (a moved line goes to its end), then changes (in one statement per set of
    columns), then new lines."""
    added, changed = [], []
    for edit in edits:
        fields = dict(edit.fields)
        initiative_key = fields.pop("initiative_key", None)
        if edit.new:
            added.append((edit.key, _id(initiative_ids, initiative_key), fields))
            continue
        if initiative_key is not None:
            business_case_writes.move_line(session, edit.key, _id(initiative_ids, initiative_key))
        changed.append((edit.key, fields))
    business_case_writes.update_lines(session, changed)
    business_case_writes.insert_lines(session, added)
