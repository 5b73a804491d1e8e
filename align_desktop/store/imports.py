"""Workbook imports, store side: what a workspace holds, the changes an import makes, and applying them.

`read_contents` reads everything a workbook exchanges in one read-only transaction (the export
writes it, the importer compares against it). `ImportChanges` is a validated import: settings,
lanes and items to add (each under its key) or change (only the fields that differ).
`ImportService.apply` makes those changes in one write transaction and returns the `Revert` that
undoes them: it puts back every table from the backup taken just before, so an undo restores
the workspace exactly; its redo applies the same changes again. On a team workspace the backup is
a download, and the undo puts it back only if nobody changed the team workspace since
(`store.team_imports`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from align_desktop.domain.keys import key_sort_value
from align_desktop.domain.matrix import Need
from align_desktop.store import capability_queries, case_queries, queries, risk_queries, schema
from align_desktop.store.board_rows import InitiativeRow, LaneRow, OutcomeRow, SettingsRow
from align_desktop.store.case_rows import BusinessCaseRow
from align_desktop.store.changes import Revert
from align_desktop.store.collector import collector_paused
from align_desktop.store.connection import connect, transaction
from align_desktop.store.errors import WorkspaceError
from align_desktop.store.locations import Location
from align_desktop.store.reading import read_only
from align_desktop.store.rows import CapabilityRow, RiskRow
from align_desktop.store.server import ServerAddress
from align_desktop.store.workspace import Workspace

CASE_COLUMNS: tuple[str, ...] = (
    "annual_benefit",
    "benefit_baseline",
    "benefit_uplift",
    "benefit_value_per_unit",
    "benefit_unit",
    *(f"adoption_{year}" for year in range(11)),
)
"""The columns of a business-case row, as `WorkspaceContents.benefits` holds them."""


@dataclass(frozen=True)
class WorkspaceContents:
    """Everything a workbook exchanges, read in one transaction."""

    settings: SettingsRow
    lanes: list[LaneRow]
    outcomes: list[OutcomeRow]
    """By key."""
    initiatives: list[InitiativeRow]
    """In board order: lane, then position."""
    capabilities: list[CapabilityRow]
    """By key."""
    needs: list[Need]
    """By initiative key, then capability key."""
    risks: list[RiskRow]
    """By key."""
    cases: list[BusinessCaseRow]
    """Every initiative's case (cost lines in their order), by initiative key."""
    benefits: dict[str, dict[str, Any]]
    """Initiative key → its business-case row (`CASE_COLUMNS`), for initiatives that have one."""
    counters: dict[str, int]
    """The last key number handed out, per prefix."""


def read_contents(path: Location) -> WorkspaceContents:
    """The contents of the workspace at `path` (a file or a team workspace), read-only; an older schema
    is refused with a sentence."""
    with read_only(path) as (connection, version):
        if version < schema.SCHEMA_VERSION:
            raise WorkspaceError(
                f"{path} is in an older workspace format (schema {version}); "
                "open it in Align Desktop once to upgrade it, then try again."
            )
        with transaction(connection) as db:
            return contents(db)


def contents(db: sqlite3.Connection) -> WorkspaceContents:
    needs = capability_queries.needs(db)
    needs.sort(key=lambda n: (key_sort_value(n.initiative_key), key_sort_value(n.capability_key)))
    names = ", ".join(f"bc.{column}" for column in CASE_COLUMNS)
    benefits = {
        row[0]: dict(zip(CASE_COLUMNS, row[1:], strict=True))
        for row in db.execute(
            f"SELECT i.key, {names} FROM business_case bc JOIN initiative i ON i.id = bc.initiative_id"
        )
    }
    return WorkspaceContents(
        settings=queries.settings(db),
        lanes=queries.lanes(db),
        outcomes=queries.outcomes(db),
        initiatives=queries.initiatives(db),
        capabilities=capability_queries.capabilities(db),
        needs=needs,
        risks=risk_queries.risks(db),
        cases=case_queries.business_cases(db),
        benefits=benefits,
        counters=dict(db.execute("SELECT prefix, last FROM key_counter").fetchall()),
    )


@dataclass
class ItemEdit:
    """One item an import adds (all its fields) or changes (only the fields that differ)."""

    key: str
    fields: dict[str, Any]
    new: bool


@dataclass
class ImportChanges:
    """A validated import, ready to apply. Keys of added items are decided (blank keys included).

    Item fields are as the services validate them, plus: an initiative's `lane` (a lane's name)
    and `outcome_key`; a risk's `initiative_keys` and `capability_keys` (the exact links); a cost
    line's `initiative_key` and `amount_<year>`; a business case's `CASE_COLUMNS`.
    Edits are in workbook order: new initiatives and those moved to another lane go to the end
    of their lane in that order, new cost lines to the end of their initiative's lines.
    """

    settings: dict[str, Any] = field(default_factory=dict)
    lanes: list[str] | None = None
    """The board's lanes left to right, or None to leave them; a lane left out is removed."""
    outcomes: list[ItemEdit] = field(default_factory=list)
    initiatives: list[ItemEdit] = field(default_factory=list)
    capabilities: list[ItemEdit] = field(default_factory=list)
    needs: list[tuple[str, str, int | None]] = field(default_factory=list)
    """(initiative key, capability key, required level); None removes the need."""
    risks: list[ItemEdit] = field(default_factory=list)
    cases: list[ItemEdit] = field(default_factory=list)
    """Keyed by initiative key."""
    cost_lines: list[ItemEdit] = field(default_factory=list)

    def is_empty(self) -> bool:
        return not (
            self.settings
            or self.lanes is not None
            or self.outcomes
            or self.initiatives
            or self.capabilities
            or self.needs
            or self.risks
            or self.cases
            or self.cost_lines
        )


class ImportService:
    """Apply an import to an open workspace as one transaction and one undo step."""

    def __init__(self, workspace: Workspace) -> None:
        self._workspace = workspace

    def apply(self, changes: ImportChanges, backup: Path | None = None) -> Revert:
        """Make `changes` in one write transaction; the revert restores the workspace from `backup`.

        `backup` is a copy of the workspace taken just before (`store.backup.take_backup`, or for a team
        workspace `store.team_imports.take_team_backup`, which only the caller can take: it needs the
        user's data folder); for a file, when None, one is taken here ("before import"). Everything is
        checked again while applying: any refusal rolls the whole import back.
        """
        if isinstance(self._workspace.location, ServerAddress):
            return self._apply_to_team_workspace(changes, backup)
        from align_desktop.store import import_writes

        if backup is None:
            from align_desktop.store.backup import take_backup

            backup = take_backup(self._workspace.path, BACKUP_REASON)
        with collector_paused(), self._workspace.write() as session:
            import_writes.apply_changes(session, changes)
        kept = backup
        return lambda: self._restore(kept, changes)

    def _restore(self, backup: Path, changes: ImportChanges) -> Revert:
        restore_from_backup(self._workspace.path, backup)
        return lambda: self.apply(changes, backup)

    def _apply_to_team_workspace(self, changes: ImportChanges, backup: Path | None) -> Revert:
        from align_desktop.store.team_imports import apply_after_backup

        if backup is None:
            raise WorkspaceError(
                f"{self._workspace.location} is a team workspace on a server, not a file: importing into it needs "
                "its backup downloaded first (store.team_imports.take_team_backup)."
            )
        applied = apply_after_backup(self._workspace, changes, backup)
        return lambda: self._restore_team_workspace(backup, changes, applied)

    def _restore_team_workspace(self, backup: Path, changes: ImportChanges, applied: str) -> Revert:
        from align_desktop.store.team_imports import restore_unless_changed

        restore_unless_changed(self._workspace, backup, applied)
        return lambda: self.apply(changes, backup)


BACKUP_REASON = "before import"


def app_tables() -> list[str]:
    """The workspace's tables, parents before children (everything but Alembic's bookkeeping).

    `audit_context` comes last: emptied first and filled last, it keeps the audit triggers quiet
    while rows are put back wholesale.
    """
    from align_desktop.store.models import Base

    names = [table.name for table in Base.metadata.sorted_tables]
    return [name for name in names if name != "audit_context"] + ["audit_context"]


KEPT_THROUGH_RESTORE = "snapshot"
"""Snapshots are records, like backups, not part of the plan: undoing an import keeps those taken since."""
ORIGIN_TABLE = "team_origin"
"""Where a downloaded copy came from, and whether it was pushed back: kept through a restore (a copy pushed
once must stay pushed), never copied between a file and a server."""


def restore_from_backup(path: Path, backup: Path) -> None:
    """Make every table of the workspace at `path` exactly as in `backup`, in one transaction, but keep its
    snapshots (`KEPT_THROUGH_RESTORE`), each still naming its session if that session is in the copy."""
    if not backup.is_file():
        raise WorkspaceError(f"The copy taken before the import ({backup}) is gone, so the import cannot be undone.")
    db = connect(path)
    try:
        db.execute("ATTACH DATABASE ? AS backup", (str(backup),))
        try:
            _copy_tables(db)
        finally:
            db.execute("DETACH DATABASE backup")
    except sqlite3.Error as exc:
        raise WorkspaceError(f"The workspace could not be restored from {backup}: {exc}") from exc
    finally:
        db.close()


def _copy_tables(db: sqlite3.Connection) -> None:
    mine = db.execute("PRAGMA main.user_version").fetchone()[0]
    theirs = db.execute("PRAGMA backup.user_version").fetchone()[0]
    if mine != theirs:
        raise sqlite3.DatabaseError(f"the copy is of workspace schema {theirs}, the workspace of {mine}")
    tables = [table for table in app_tables() if table not in (KEPT_THROUGH_RESTORE, ORIGIN_TABLE)]
    db.execute("BEGIN IMMEDIATE")
    try:
        db.execute("PRAGMA defer_foreign_keys = ON")
        sessions_of_snapshots = db.execute("SELECT session_id, id FROM main.snapshot").fetchall()
        for table in reversed(tables):
            db.execute(f"DELETE FROM main.{table}")  # table names from the models, never user text
        for table in tables:
            columns = ", ".join(_columns(db, table))
            db.execute(f"INSERT INTO main.{table} ({columns}) SELECT {columns} FROM backup.{table}")
        db.executemany(  # deleting the sessions cleared these; sessions the copy has are named again
            "UPDATE main.snapshot SET session_id = ?1 WHERE id = ?2 AND ?1 IN (SELECT id FROM main.workshop_session)",
            sessions_of_snapshots,
        )
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def _columns(db: sqlite3.Connection, table: str) -> Iterator[str]:
    for row in db.execute(f"PRAGMA main.table_info({table})"):
        yield f'"{row[1]}"'
