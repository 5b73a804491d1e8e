"""Identity of a workspace file: SQLite header checks done on raw bytes, before any connection,
and the tables and columns a workspace of this build's schema has.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from align_desktop.store.errors import (
    NotAWorkspace,
    WorkspaceMissing,
    WorkspaceReadOnly,
    WorkspaceTooNew,
)

APPLICATION_ID = 0x414C474E  # "ALGN": marks an SQLite file as an Align Desktop workspace
SCHEMA_VERSION = 8
"""Number of the newest migration this build knows; stored in `PRAGMA user_version`."""
HEAD_REVISION = "0008"
"""Alembic revision id of that migration."""
_VERSIONED = frozenset({"version", "changed_by", "changed_at"})
"""The columns every item table has (migration 0007)."""
TABLES: dict[str, frozenset[str]] = {
    "alembic_version": frozenset({"version_num"}),
    "workspace": frozenset(
        {
            "id",
            "name",
            "currency",
            "discount_rate",
            "horizon",
            "readiness_gate",
            "created_at",
            "pessimistic_benefit",
            "pessimistic_cost",
            "optimistic_benefit",
            "optimistic_cost",
            "risk_appetite",
        }
    ),
    "lane": frozenset({"id", "name", "position"}),
    "key_counter": frozenset({"prefix", "last"}),
    "outcome": frozenset({"id", "key", "name", "metric", "baseline", "target", "unit", "owner", "description"})
    | _VERSIONED,
    "initiative": frozenset(
        {
            "id",
            "key",
            "title",
            "description",
            "outcome_id",
            "decision_point",
            "lane_id",
            "position",
            "status",
            "team",
            "owner",
            "readiness_data",
            "readiness_model_risk",
            "readiness_monitoring",
            "readiness_compliance",
            "success_criteria",
            "acceptable_failure_modes",
            "assumptions",
            "confidence",
        }
    )
    | _VERSIONED,
    "gate_override": frozenset({"id", "initiative_id", "status", "reason", "decided_by", "decided_at"}),
    "business_case": frozenset(
        {
            "initiative_id",
            "annual_benefit",
            "benefit_baseline",
            "benefit_uplift",
            "benefit_value_per_unit",
            "benefit_unit",
            *(f"adoption_{year}" for year in range(11)),
        }
    )
    | _VERSIONED,
    "cost_line": frozenset(
        {"id", "key", "initiative_id", "position", "category", "description", *(f"amount_{year}" for year in range(11))}
    )
    | _VERSIONED,
    "capability": frozenset(
        {
            "id",
            "key",
            "name",
            "category",
            "description",
            "owner",
            "sla_target",
            "performance_metric",
            "annual_run_cost",
            "cost_owner",
            "current_maturity",
            "target_maturity",
            "status",
        }
    )
    | _VERSIONED,
    "capability_need": frozenset({"initiative_id", "capability_id", "required_level"}),
    "risk": frozenset(
        {
            "id",
            "key",
            "title",
            "description",
            "category",
            "impact_area",
            "likelihood",
            "impact",
            "residual_likelihood",
            "residual_impact",
            "treatment",
            "mitigation_plan",
            "trigger",
            "owner",
            "status",
            "review_date",
            "acceptance_rationale",
            "acceptance_expiry",
        }
    )
    | _VERSIONED,
    "risk_initiative": frozenset({"risk_id", "initiative_id"}),
    "risk_capability": frozenset({"risk_id", "capability_id"}),
    "workshop_session": frozenset({"id", "key", "title", "held_on", "started_at", "ended_at", "notes"}) | _VERSIONED,
    "session_participant": frozenset({"id", "session_id", "position", "name"}),
    "agenda_item": frozenset({"id", "session_id", "position", "title", "time_box_minutes", "spent_seconds", "current"}),
    "vote": frozenset(
        {"id", "session_id", "title", "subject", "dots_per_participant", "revealed", "written_to", "created_at"}
    ),
    "vote_dot": frozenset({"id", "vote_id", "participant_id", "item_key"}),
    "log_entry": frozenset(
        {"id", "key", "session_id", "kind", "text", "owner", "due_on", "done", "recorded_at", "recorded_by"}
    )
    | _VERSIONED,
    "log_link": frozenset({"entry_id", "item_key"}),
    "retrospective": frozenset({"initiative_id", "what_worked", "what_failed", "written_at", "written_by"}),
    "snapshot": frozenset({"id", "session_id", "label", "reason", "taken_at", "taken_by", "base_id", "payload"}),
    "audit_context": frozenset({"id", "who"}),
    "team_origin": frozenset({"id", "address", "copy_id", "downloaded_at", "downloaded_by", "base", "pushed_at"}),
    "pushed_copy": frozenset({"copy_id", "pushed_at", "pushed_by"}),
    "audit_entry": frozenset(
        {
            "id",
            "recorded_at",
            "who",
            "session_id",
            "item_kind",
            "item_key",
            "field",
            "detail",
            "old_value",
            "new_value",
        }
    ),
}
"""Every table of a workspace at `SCHEMA_VERSION` and its columns, as the migrations build them.

Opening checks a workspace against this, so that one whose schema was damaged (and still
parses) is refused at once rather than failing in the middle of a read; a new migration
updates it (tests/store/test_fuzz_open.py compares it with a new workspace).
"""

SQLITE_MAGIC = b"SQLite format 3\x00"
_HEADER_SIZE = 100
_WRITE_FORMAT_OFFSET = 18
"""The file format SQLite needs to write the file: 1 (rollback journal) or 2 (WAL); higher is read-only."""
_USER_VERSION_OFFSET = 60
_APPLICATION_ID_OFFSET = 68


def describe_version_too_new(path: Path, version: int) -> str:
    return (
        f"{path} was written by a newer Align Desktop (workspace schema {version}; "
        f"this version reads up to {SCHEMA_VERSION}). Update Align Desktop to open it."
    )


def inspect_file(path: Path, *, for_writing: bool) -> int:
    """Check that `path` is an Align Desktop workspace this build may open; return its schema.

    Only the first 100 bytes are read, so a refused file is never touched.
    """
    if not path.exists():
        raise WorkspaceMissing(f"There is no workspace at {path}.")
    if path.is_dir():
        raise NotAWorkspace(f"{path} is a folder, not a workspace file.")
    try:
        with path.open("rb") as handle:
            header = handle.read(_HEADER_SIZE)
    except PermissionError as exc:
        raise WorkspaceReadOnly(f"{path} cannot be read: permission denied.") from exc
    if len(header) < _HEADER_SIZE or not header.startswith(SQLITE_MAGIC):
        raise NotAWorkspace(f"{path} is not an Align Desktop workspace (not an SQLite database).")
    application_id = int.from_bytes(header[_APPLICATION_ID_OFFSET : _APPLICATION_ID_OFFSET + 4], "big")
    if application_id != APPLICATION_ID:
        raise NotAWorkspace(f"{path} is an SQLite database of another program, not an Align Desktop workspace.")
    version = int.from_bytes(header[_USER_VERSION_OFFSET : _USER_VERSION_OFFSET + 4], "big")
    if version > SCHEMA_VERSION:
        raise WorkspaceTooNew(describe_version_too_new(path, version))
    if for_writing:
        if header[_WRITE_FORMAT_OFFSET] > 2:
            raise NotAWorkspace(
                f"{path} cannot be opened for editing: its header asks for an SQLite file format "
                f"({header[_WRITE_FORMAT_OFFSET]}) that this version cannot write. It may be damaged."
            )
        ensure_writable(path)
    return version


def ensure_writable(path: Path) -> None:
    """Refuse a file whose write permission bits are all cleared, or that this user cannot write.

    The bits are checked too because root may write any file: a file marked read-only is
    treated as read-only whoever runs the app.
    """
    mode = path.stat().st_mode
    if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(path, os.W_OK):
        raise WorkspaceReadOnly(f"{path} is read-only. Make it writable, or copy it to a folder you can write to.")
    folder = path.parent
    if not os.access(folder, os.W_OK | os.X_OK):
        raise WorkspaceReadOnly(f"The folder {folder} is read-only; a workspace needs to write its journal beside it.")
