"""The finance workbook: inputs finance staff change, and live formulas that recompute NPV and IRR.

Sheets (DESIGN.md, "Workbook format v1"): `Assumptions` (discount rate, scenario multipliers and
the scenario the formulas use), `Benefits` and `Cost lines` (inputs, yellow, with data
validation), `Cash flows` and `Summary` (formulas, blue; see `finance_formulas`). Opened in
Excel or LibreOffice, every figure equals `align-desktop roi` for the scenario chosen.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from align_desktop.exchange import format as fmt
from align_desktop.exchange.finance_book import (
    Cancelled,
    Progress,
    Steps,
    add_styles,
    check_target,
    explain,
    note,
    print_setup,
    put_key,
    put_text,
    save_atomically,
    set_widths,
    write_header,
)
from align_desktop.store.board_rows import SettingsRow
from align_desktop.store.case_rows import BusinessCaseRow

if TYPE_CHECKING:
    from align_desktop.store.locations import Location

BUSINESS_CASES_SCHEMA = 2
LAST_ROW = 1_048_576
"""Validations and formats cover whole columns below the header, so rows added later get them too."""
ADOPTION_YEAR_0 = "Adoption Year 0"
"""Added after the format's columns only when some case has adoption in year 0 (rarely)."""


@dataclass(frozen=True)
class FinanceData:
    settings: SettingsRow
    cases: list[BusinessCaseRow]
    """Every initiative with a business case, by key (the rows `align-desktop roi` reports)."""


@dataclass(frozen=True)
class Layout:
    """Where the formulas find the inputs: sheet names and column letters."""

    horizon: int
    benefits: fmt.Sheet
    cost_lines: fmt.Sheet
    adoption_columns: dict[int, str]
    """Benefits column letter of the adoption in year t (year 0 only when exported)."""
    amount_columns: dict[int, str]
    """Cost lines column letter of the amounts in year t."""

    @property
    def years(self) -> range:
        return range(self.horizon + 1)


def export_finance(workspace_path: Location, out: Path, progress: Progress | None = None) -> None:
    """Write the finance workbook of the workspace at `workspace_path` to `out` (.xlsx).

    `progress(done, total)` returning False cancels: no file is left behind.
    """
    check_target(workspace_path, out)
    data = read_finance(workspace_path)
    from openpyxl import Workbook

    from align_desktop.exchange import finance_assumptions, finance_formulas

    lines = sum(len(case.cost_lines) for case in data.cases)
    steps = Steps(progress, 2 * len(data.cases) + lines + 3)
    try:
        steps.start()
        workbook = Workbook()
        add_styles(workbook, data.settings.currency)
        layout = _layout(data)
        finance_assumptions.assumptions(workbook, data.settings)
        steps.advance()
        _benefits(workbook.create_sheet(layout.benefits.name), layout, data, steps)
        _cost_lines(workbook.create_sheet(layout.cost_lines.name), layout, data, steps)
        finance_formulas.cash_flows(workbook.create_sheet(finance_formulas.CASH_FLOWS), layout, data, steps)
        finance_formulas.summary(workbook.create_sheet(finance_formulas.SUMMARY), layout, data)
        steps.advance()
        for sheet in workbook.worksheets:
            if sheet.title != finance_formulas.CASH_FLOWS:
                print_setup(sheet)
        workbook.calculation.fullCalcOnLoad = True
        save_atomically(workbook, out)
        steps.advance()
    except Cancelled:
        return


def read_finance(path: Location) -> FinanceData:
    """Settings and every business case with its cost lines, read in one read-only transaction."""
    from align_desktop.store import case_queries, queries
    from align_desktop.store.connection import transaction
    from align_desktop.store.errors import WorkspaceError
    from align_desktop.store.reading import read_only

    with read_only(path) as (connection, version):
        if version < BUSINESS_CASES_SCHEMA:
            raise WorkspaceError(
                f"{path} is a workspace from before business cases (schema {version}); "
                "open it in Align Desktop once to upgrade it."
            )
        with transaction(connection) as db:
            settings = queries.settings(db)
            cases = [case for case in case_queries.business_cases(db) if case.exists]
    return FinanceData(settings, cases)


def _layout(data: FinanceData) -> Layout:
    from openpyxl.utils import get_column_letter

    horizon = data.settings.horizon
    benefits = fmt.benefits_sheet(horizon)
    if any(case.adoption[0] for case in data.cases):
        benefits = fmt.Sheet(
            benefits.name, (*benefits.columns, fmt.Column(ADOPTION_YEAR_0, "adoption_0", fmt.Kind.SHARE, 10))
        )
    cost_lines = fmt.cost_lines_sheet(horizon)
    adoption = {
        t: get_column_letter(i + 1)
        for i, column in enumerate(benefits.columns)
        for t in range(horizon + 1)
        if column.field == f"adoption_{t}"
    }
    amounts = {
        t: get_column_letter(i + 1)
        for i, column in enumerate(cost_lines.columns)
        for t in range(horizon + 1)
        if column.field == f"amount_{t}"
    }
    return Layout(horizon, benefits, cost_lines, adoption, amounts)


def _benefits(ws: Any, layout: Layout, data: FinanceData, steps: Steps) -> None:
    """One row per business case: the annual benefit, confidence and adoption by year (all inputs)."""
    columns = layout.benefits.columns
    inputs = [i for i, column in enumerate(columns, start=1) if column.field not in ("initiative_key", "title")]
    write_header(ws, [column.header for column in columns], inputs=inputs)
    ws.freeze_panes = "C2"
    styles = {
        fmt.Kind.MONEY: "Input amount",
        fmt.Kind.PERCENT: "Input percent",
        fmt.Kind.SHARE: "Input share",
        fmt.Kind.NUMBER: "Input number",
    }
    special = {"benefit_uplift": "Input share (0.0 %)", "benefit_value_per_unit": "Input amount (cents)"}
    for row, case in enumerate(data.cases, start=2):
        values: dict[str, Any] = {
            "annual_benefit": case.annual_benefit,
            "confidence": case.confidence,
            "benefit_baseline": case.benefit_baseline,
            "benefit_uplift": case.benefit_uplift,
            "benefit_value_per_unit": case.benefit_value_per_unit,
        }
        values |= {f"adoption_{t}": case.adoption[t] for t in layout.years}
        for column_number, column in enumerate(columns, start=1):
            if column.field == "initiative_key":
                put_key(ws, row, column_number, case.initiative_key)
            elif column.field == "title":
                put_text(ws, row, column_number, case.title)
            elif column.field == "benefit_unit":
                put_text(ws, row, column_number, case.benefit_unit, "Input text")
            else:
                cell = ws.cell(row=row, column=column_number)
                cell.style = special.get(column.field) or styles.get(column.kind, "Input number")
                cell.value = values[column.field]
        steps.advance()
    _validate_benefits(ws, layout)
    ws.cell(row=1, column=3).comment = note(
        "Input: the yearly benefit once adoption reaches 100 %, before the scenario multiplier."
    )
    ws.cell(row=1, column=4).comment = note(
        "Input: how sure the benefit is, 0 to 100. Risk-adjusted NPV multiplies benefits by it."
    )
    ws.cell(row=1, column=5).comment = note(
        "Input: the share of the full annual benefit reached in each year, 0 % to 100 %. Year 0 has none."
    )
    working = next(i for i, c in enumerate(columns, start=1) if c.field == "benefit_baseline")
    ws.cell(row=1, column=working).comment = note(
        "The working behind the annual benefit: baseline volume × uplift × value per unit. "
        "The figures here use the annual benefit."
    )
    set_widths(ws, [40 if column.field == "title" else column.width for column in columns])
    ws.auto_filter.ref = f"A1:{_letter(len(columns))}{max(2, len(data.cases) + 1)}"


def _validate_benefits(ws: Any, layout: Layout) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    letters = {c.field: _letter(i) for i, c in enumerate(layout.benefits.columns, start=1)}
    amount = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True)
    explain(amount, "Amount", "An amount of 0 or more.")
    for field in ("annual_benefit", "benefit_baseline", "benefit_value_per_unit"):
        amount.add(_whole_column(letters[field]))
    confidence = DataValidation(type="whole", operator="between", formula1="0", formula2="100", allow_blank=True)
    explain(confidence, "Confidence", "A whole number from 0 to 100.")
    confidence.add(_whole_column(letters["confidence"]))
    share = DataValidation(type="decimal", operator="between", formula1="0", formula2="1", allow_blank=True)
    explain(share, "Share", "A percentage from 0 % to 100 %.")
    for t in layout.adoption_columns.values():
        share.add(_whole_column(t))
    share.add(_whole_column(letters["benefit_uplift"]))
    for validation in (amount, confidence, share):
        ws.add_data_validation(validation)


def _cost_lines(ws: Any, layout: Layout, data: FinanceData, steps: Steps) -> None:
    """One row per cost line, in each case's order: category, description and an amount per year."""
    from openpyxl.worksheet.datavalidation import DataValidation

    from align_desktop.domain.roi import COST_CATEGORIES

    columns = layout.cost_lines.columns
    write_header(ws, [column.header for column in columns], inputs=range(2, len(columns) + 1))
    ws.freeze_panes = "C2"
    row = 1
    for case in data.cases:
        for line in case.cost_lines:
            row += 1
            put_key(ws, row, 1, line.key)
            put_key(ws, row, 2, line.initiative_key, "Input key")
            put_text(ws, row, 3, line.category, "Input text")
            put_text(ws, row, 4, line.description, "Input text")
            for t, letter in layout.amount_columns.items():
                cell = ws[f"{letter}{row}"]
                cell.style = "Input amount"
                cell.value = line.amounts[t]
            steps.advance()
    category = DataValidation(type="list", formula1=f'"{",".join(COST_CATEGORIES)}"', allow_blank=False)
    explain(category, "Category", "Choose one of: " + ", ".join(COST_CATEGORIES) + ".")
    category.add(_whole_column("C"))
    amount = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True)
    explain(amount, "Amount", "An amount of 0 or more.")
    amount.add(f"{layout.amount_columns[0]}2:{layout.amount_columns[layout.horizon]}{LAST_ROW}")
    ws.add_data_validation(category)
    ws.add_data_validation(amount)
    ws.cell(row=1, column=1).comment = note("The cost line's key. Leave it blank on a new row: the app gives one.")
    ws.cell(row=1, column=2).comment = note("Input: the key of the initiative (I-…) the cost belongs to.")
    ws.cell(row=1, column=3).comment = note("Input: " + ", ".join(COST_CATEGORIES) + ".")
    ws.cell(row=1, column=5).comment = note("Input: the amount spent in each year, before the scenario multiplier.")
    set_widths(ws, [48 if column.field == "description" else column.width for column in columns])
    ws.auto_filter.ref = f"A1:{_letter(len(columns))}{max(2, row)}"


def _whole_column(letter: str) -> str:
    return f"{letter}2:{letter}{LAST_ROW}"


def _letter(column: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(column))
