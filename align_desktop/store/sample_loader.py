"""Fill a new workspace from a sample document (see docs/samples.md), with bulk inserts."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import delete, insert, update
from sqlalchemy.orm import Session

from align_desktop.domain.initiative import NEW_INITIATIVE, validate_initiative
from align_desktop.domain.keys import INITIATIVE_PREFIX, OUTCOME_PREFIX, parse_key
from align_desktop.domain.outcome import validate_outcome
from align_desktop.domain.settings import validate_settings
from align_desktop.domain.validation import ValidationError
from align_desktop.domain.vocabulary import DEFAULT_LANES
from align_desktop.store.errors import WorkspaceError
from align_desktop.store.keys import reserve_up_to
from align_desktop.store.models import Initiative, Lane, Outcome, WorkspaceSettings


def load_document(session: Session, document: dict[str, Any]) -> None:
    """Fill a freshly created workspace from a sample document, with bulk inserts.

    Everything is checked before anything is written; a bad document raises `WorkspaceError`
    naming the item and field.
    """
    settings = _checked("settings", validate_settings, document.get("settings", {}))
    lanes: list[str] = document.get("lanes") or list(DEFAULT_LANES)
    lane_ids = {name.casefold(): i for i, name in enumerate(lanes, start=1)}
    if len(lane_ids) != len(lanes):
        raise WorkspaceError("Sample lanes: a lane name appears twice")
    outcomes = [_outcome(i, item) for i, item in enumerate(_items(document, "outcomes", OUTCOME_PREFIX), start=1)]
    outcome_ids = {o["key"]: o["id"] for o in outcomes}
    positions: dict[int, int] = {}
    initiatives = []
    for item in _items(document, "initiatives", INITIATIVE_PREFIX):
        row = _initiative(item, lane_ids, outcome_ids)
        row["position"] = positions.get(row["lane_id"], 0)
        positions[row["lane_id"]] = row["position"] + 1
        initiatives.append(row)

    if settings:
        session.execute(update(WorkspaceSettings).where(WorkspaceSettings.id == 1).values(settings))
    session.execute(delete(Lane))
    session.execute(insert(Lane), [{"id": i, "name": n, "position": i - 1} for i, n in enumerate(lanes, 1)])
    for model, rows, prefix in (
        (Outcome, outcomes, OUTCOME_PREFIX),
        (Initiative, initiatives, INITIATIVE_PREFIX),
    ):
        if rows:
            session.execute(insert(model), rows)
            reserve_up_to(session, prefix, max(_number(r["key"]) for r in rows))


def _items(document: dict[str, Any], section: str, prefix: str) -> list[dict[str, Any]]:
    """The items of a section, each with a well-formed, unique key of `prefix`."""
    items: list[dict[str, Any]] = document.get(section, [])
    seen: set[str] = set()
    for number, item in enumerate(items, start=1):
        key = item.get("key")
        parsed = parse_key(key) if isinstance(key, str) else None
        if parsed is None or parsed[0] != prefix or not isinstance(key, str):
            raise WorkspaceError(f"Sample {section} item {number}: key {key!r} is not of the form {prefix}-001")
        if key in seen:
            raise WorkspaceError(f"Sample item {key}: the key appears twice")
        seen.add(key)
    return items


def _number(key: str) -> int:
    parsed = parse_key(key)
    assert parsed is not None
    return parsed[1]


def _outcome(row_id: int, item: dict[str, Any]) -> dict[str, Any]:
    fields = {k: v for k, v in item.items() if k != "key"}
    return {"id": row_id, "key": item["key"]} | _checked(item["key"], validate_outcome, fields)


def _initiative(item: dict[str, Any], lane_ids: dict[str, int], outcome_ids: dict[str, int]) -> dict[str, Any]:
    key = item["key"]
    fields = {k: v for k, v in item.items() if k not in ("key", "lane", "outcome", "readiness")}
    fields["outcome_key"] = item.get("outcome")
    fields |= {f"readiness_{k}": v for k, v in item.get("readiness", {}).items()}
    clean = NEW_INITIATIVE | _checked(key, validate_initiative, fields)
    lane = item.get("lane")
    if not isinstance(lane, str) or lane.casefold() not in lane_ids:
        raise WorkspaceError(f"Sample item {key}: lane {lane!r} is not one of the sample's lanes")
    outcome_key = clean.pop("outcome_key")
    if outcome_key is not None and outcome_key not in outcome_ids:
        raise WorkspaceError(f"Sample item {key}: outcome {outcome_key} does not exist")
    return clean | {
        "key": key,
        "lane_id": lane_ids[lane.casefold()],
        "outcome_id": outcome_ids.get(outcome_key) if outcome_key else None,
    }


def _checked(
    where: str, validate: Callable[[dict[str, Any]], dict[str, Any]], fields: dict[str, Any]
) -> dict[str, Any]:
    try:
        return validate(fields)
    except ValidationError as exc:
        raise WorkspaceError(f"Sample item {where}: {exc}") from exc
