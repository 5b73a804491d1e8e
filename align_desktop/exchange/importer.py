"""Import a workbook: read → validate → preview (`plan_import`), then apply after a backup (`apply_plan`).

`plan_import` reads every v1 sheet the workbook has (others are ignored) and checks every cell
against the workspace as it is, changing nothing: the plan lists every add and every changed
field (old → new) and every error as `Sheet!C12: message`. A workbook that cannot be read at all
(see `safety`) raises `ExchangeError` with one sentence. `apply_plan` refuses a plan with
errors; otherwise it backs the workspace up and applies the plan in one transaction
(`store.imports.ImportService`, which the GUI calls directly, after a backup, to get
the undo step). A team workspace is backed up by downloading it into the user's data folder
(`store.team_imports`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from align_desktop.exchange import format as fmt
from align_desktop.exchange.errors import ExchangeError
from align_desktop.store.backup import take_backup
from align_desktop.store.collector import collector_paused
from align_desktop.store.imports import BACKUP_REASON, ImportChanges
from align_desktop.store.server import ServerAddress

if TYPE_CHECKING:
    from align_desktop.store.locations import Location


@dataclass
class ImportPlan:
    """What importing a workbook would do; nothing may be applied while `errors` is not empty."""

    workbook: Path
    changes: ImportChanges
    errors: list[str] = field(default_factory=list)
    """Each as `Sheet!C12: message`, or a plain sentence for a whole sheet."""
    preview: list[str] = field(default_factory=list)
    """Every add and every changed field (old → new), in workbook order."""
    counts: Counter[str] = field(default_factory=Counter)
    """Items `added`, `changed` and `removed`."""

    @property
    def summary(self) -> str:
        """`3 added, 12 changed` (and `1 removed` when a need is removed), or `nothing to change`."""
        if not (self.counts["added"] or self.counts["changed"] or self.counts["removed"]):
            return "nothing to change"
        parts = [f"{self.counts['added']} added", f"{self.counts['changed']} changed"]
        if self.counts["removed"]:
            parts.append(f"{self.counts['removed']} removed")
        return ", ".join(parts)


def plan_import(workspace_path: Location, workbook_path: Path) -> ImportPlan:
    """Read and check `workbook_path` against the workspace at `workspace_path`; change nothing.

    Raises `ExchangeError` (a `WorkspaceError`) when the file cannot be read as a workbook or
    has none of the v1 sheets, and `WorkspaceError` when the workspace cannot be read.
    """
    with collector_paused():
        return _plan(workspace_path, workbook_path)


def _plan(workspace_path: Location, workbook_path: Path) -> ImportPlan:
    from align_desktop.exchange import import_cases, import_sheets
    from align_desktop.exchange.import_plan import Planner
    from align_desktop.exchange.reading import Workbook
    from align_desktop.store.imports import read_contents

    book = Workbook(workbook_path)
    if not any(book.has_sheet(name) for name in fmt.WORKBOOK_SHEETS):
        listed = ", ".join(fmt.WORKBOOK_SHEETS)
        raise ExchangeError(
            f"{Path(workbook_path).name} has none of the sheets an Align Desktop workbook has ({listed}); "
            "nothing to import."
        )
    planner = Planner(read_contents(workspace_path), book)
    import_sheets.assumptions(planner)
    import_sheets.outcomes(planner)
    import_sheets.initiatives(planner)
    import_sheets.capabilities(planner)
    import_sheets.needs(planner)
    import_sheets.risks(planner)
    import_cases.benefits(planner)
    import_cases.cost_lines(planner)
    import_sheets.check_lanes(planner)
    planner.changes.initiatives = list(planner.initiatives.values())
    return ImportPlan(Path(workbook_path), planner.changes, planner.errors, planner.preview, planner.counts)


def apply_plan(workspace_path: Location, plan: ImportPlan, data_folder: Path | None = None) -> Path:
    """Back the workspace up, then apply `plan` in one transaction; return the backup's path.

    A plan with errors is refused. The workspace is opened for writing (an older schema is
    upgraded first, then backed up), and closed again. A team workspace's backup goes into
    its folder under `data_folder` (default: `store.team_imports.user_data_folder()`).
    """
    from align_desktop.store.imports import ImportService
    from align_desktop.store.locations import open_location

    if plan.errors:
        raise ExchangeError(f"Nothing was imported: {plan.workbook.name} has {len(plan.errors)} error(s).")
    workspace = open_location(workspace_path)
    try:
        if isinstance(workspace_path, ServerAddress):
            from align_desktop.store.team_imports import take_team_backup, user_data_folder

            backup = take_team_backup(workspace_path, data_folder or user_data_folder())
        else:
            backup = take_backup(workspace.path, BACKUP_REASON)
        ImportService(workspace).apply(plan.changes, backup)
    finally:
        workspace.close()
    return backup
