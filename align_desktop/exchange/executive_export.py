"""The executive workbook: the portfolio at a glance, for people who read rather than edit.

Sheets (DESIGN.md, "Workbook format v1"): `Summary` (value per scenario, initiatives per lane
and status, gaps and risks above appetite, native charts: see `executive_summary`), `Roadmap`,
`Capabilities`, `Capability matrix`, `Risks` and `Business cases` (see `executive_sheets`).
Figures are values, computed as `align-desktop roi` computes them (`build_report`), not formulas.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from align_desktop.exchange.finance_book import (
    Cancelled,
    Progress,
    Steps,
    add_styles,
    check_target,
    print_setup,
    save_atomically,
)
from align_desktop.store.board_rows import InitiativeRow, LaneRow, OutcomeRow, SettingsRow
from align_desktop.store.rows import MatrixRows, RegisterRows

if TYPE_CHECKING:
    from align_desktop.store.locations import Location

RISKS_SCHEMA = 4
"""The first schema with the risk register (migration 0004)."""


@dataclass(frozen=True)
class ExecutiveData:
    """Everything the executive workbook shows, read in one transaction."""

    settings: SettingsRow
    lanes: list[LaneRow]
    initiatives: list[InitiativeRow]
    """In board order: lane, then position."""
    outcomes: list[OutcomeRow]
    matrix: MatrixRows
    register: RegisterRows
    reports: dict[str, dict[str, Any]]
    """`align-desktop roi`'s report for each scenario, by scenario name."""
    today: date

    @property
    def base(self) -> dict[str, Any]:
        return self.reports["base"]

    @property
    def lane_names(self) -> dict[int, str]:
        return {lane.id: lane.name for lane in self.lanes}


def export_executive(workspace_path: Location, out: Path, progress: Progress | None = None) -> None:
    """Write the executive workbook of the workspace at `workspace_path` to `out` (.xlsx).

    `progress(done, total)` returning False cancels: no file is left behind.
    """
    check_target(workspace_path, out)
    data = read_executive(workspace_path)
    from openpyxl import Workbook

    from align_desktop.exchange import executive_sheets, executive_summary, executive_values

    rows = (
        2 * len(data.initiatives)
        + len(data.matrix.capabilities)
        + len(data.register.risks)
        + len(data.base["initiatives"])
    )
    steps = Steps(progress, rows + 2)
    try:
        steps.start()
        workbook = Workbook()
        add_styles(workbook, data.settings.currency)
        executive_summary.summary(workbook.active, data)
        steps.advance()
        executive_sheets.roadmap(workbook.create_sheet("Roadmap"), data, steps)
        executive_sheets.capabilities(workbook.create_sheet("Capabilities"), data, steps)
        executive_sheets.capability_matrix(workbook.create_sheet("Capability matrix"), data, steps)
        executive_values.risks(workbook.create_sheet("Risks"), data, steps)
        executive_values.business_cases(workbook.create_sheet("Business cases"), data, steps)
        for sheet in workbook.worksheets:
            print_setup(sheet, title_rows=None if sheet.title == "Summary" else "1:1")
        save_atomically(workbook, out)
        steps.advance()
    except Cancelled:
        return


def read_executive(path: Location, today: date | None = None) -> ExecutiveData:
    """Read the workspace at `path` read-only, in one transaction, and compute every scenario's figures."""
    from align_desktop.domain.roi import SCENARIOS
    from align_desktop.exchange.roi_document import build_report
    from align_desktop.store import capability_queries, case_queries, queries, risk_queries
    from align_desktop.store.case_rows import CaseSummaries
    from align_desktop.store.connection import transaction
    from align_desktop.store.errors import WorkspaceError
    from align_desktop.store.reading import read_only

    with read_only(path) as (connection, version):
        if version < RISKS_SCHEMA:
            raise WorkspaceError(
                f"{path} is a workspace from before the risk register (schema {version}); "
                "open it in Align Desktop once to upgrade it."
            )
        with transaction(connection) as db:
            settings = queries.settings(db)
            lanes = queries.lanes(db)
            initiatives = queries.initiatives(db)
            outcomes = queries.outcomes(db)
            portfolio = CaseSummaries(
                settings, case_queries.case_summaries(db, settings.horizon), case_queries.keys_without_case(db)
            )
            matrix = capability_queries.matrix(db)
            register = risk_queries.register(db)
    reports = {name: build_report(portfolio, name) for name in SCENARIOS}
    return ExecutiveData(settings, lanes, initiatives, outcomes, matrix, register, reports, today or date.today())
