"""The finance workbook's `Assumptions`: rates and multipliers, the scenario the formulas use, a legend.

Column A names an assumption, column B holds its value (DESIGN.md). Below the workspace's
settings, `Scenario` (a drop-down: pessimistic, base, optimistic) picks the multipliers that
`Benefits × in use` and `Costs × in use` pass on to every formula. The cells the formulas read
have workbook names: `DiscountRate`, `BenefitMultiplier`, `CostMultiplier`, `ScenarioChoice`,
`HorizonYears`.
"""

from __future__ import annotations

from typing import Any

from align_desktop.exchange import format as fmt
from align_desktop.exchange.finance_book import (
    FORMULA_FILL,
    INFO_FILL,
    INPUT_FILL,
    explain,
    fill,
    font,
    put_text,
    set_widths,
    write_header,
)
from align_desktop.store.board_rows import SettingsRow

SCENARIO_ROW = "Scenario"
BENEFIT_IN_USE = "Benefits × in use"
COST_IN_USE = "Costs × in use"
DISCOUNT_RATE_NAME = "DiscountRate"
BENEFIT_MULTIPLIER_NAME = "BenefitMultiplier"
COST_MULTIPLIER_NAME = "CostMultiplier"
SCENARIO_NAME = "ScenarioChoice"
HORIZON_NAME = "HorizonYears"


def assumptions(workbook: Any, settings: SettingsRow) -> None:
    """Name/value pairs (A: name, B: value), the scenario the formulas use, and how to read the workbook."""
    from openpyxl.styles import Alignment
    from openpyxl.workbook.defined_name import DefinedName
    from openpyxl.worksheet.datavalidation import DataValidation

    ws = workbook.active
    ws.title = fmt.ASSUMPTIONS
    write_header(ws, ("Assumption", "Value", "Notes"))
    info, inputs = fill(INFO_FILL), fill(INPUT_FILL)
    rows: list[tuple[str, Any, str, str, Any]] = [
        ("Workspace name", settings.name, "@", "Change it in Align Desktop.", info),
        ("Currency", settings.currency, "@", "Every amount is in this currency. Change it in Align Desktop.", info),
        ("Discount rate", settings.discount_rate, "0.00%", "Yearly rate for NPV; above −100 %.", inputs),
        ("Horizon (years)", settings.horizon, "0", "Years 0 to the horizon. Change it in Align Desktop.", info),
        ("Pessimistic benefits ×", settings.pessimistic_benefit, "0.00", "Multiplies every benefit.", inputs),
        ("Pessimistic costs ×", settings.pessimistic_cost, "0.00", "Multiplies every cost.", inputs),
        ("Optimistic benefits ×", settings.optimistic_benefit, "0.00", "Multiplies every benefit.", inputs),
        ("Optimistic costs ×", settings.optimistic_cost, "0.00", "Multiplies every cost.", inputs),
        (SCENARIO_ROW, "base", "@", "The scenario every formula uses: pessimistic, base or optimistic.", inputs),
    ]
    row_of = {}
    for row, (name, value, number_format, text, style) in enumerate(rows, start=2):
        ws.cell(row=row, column=1, value=name)
        cell = put_text(ws, row, 2, value) if isinstance(value, str) else ws.cell(row=row, column=2, value=value)
        cell.number_format = number_format
        cell.fill = style
        ws.cell(row=row, column=3, value=text)
        row_of[name] = row
    scenario = f"$B${row_of[SCENARIO_ROW]}"
    in_use = len(rows) + 2
    for row, label, pessimistic, optimistic in (
        (in_use, BENEFIT_IN_USE, "Pessimistic benefits ×", "Optimistic benefits ×"),
        (in_use + 1, COST_IN_USE, "Pessimistic costs ×", "Optimistic costs ×"),
    ):
        ws.cell(row=row, column=1, value=label)
        cell = ws.cell(
            row=row,
            column=2,
            value=f'=IF({scenario}="pessimistic",$B${row_of[pessimistic]},'
            f'IF({scenario}="optimistic",$B${row_of[optimistic]},1))',
        )
        cell.number_format = "0.00"
        cell.fill = fill(FORMULA_FILL)
        ws.cell(row=row, column=3, value="Follows the scenario (base: 1).")
    for name, row in (
        (DISCOUNT_RATE_NAME, row_of["Discount rate"]),
        (SCENARIO_NAME, row_of[SCENARIO_ROW]),
        (HORIZON_NAME, row_of["Horizon (years)"]),
        (BENEFIT_MULTIPLIER_NAME, in_use),
        (COST_MULTIPLIER_NAME, in_use + 1),
    ):
        workbook.defined_names[name] = DefinedName(name, attr_text=f"{fmt.ASSUMPTIONS}!$B${row}")

    choice = DataValidation(type="list", formula1='"pessimistic,base,optimistic"', allow_blank=False)
    explain(choice, "Scenario", "Choose pessimistic, base or optimistic.")
    choice.add(scenario)
    rate = DataValidation(type="decimal", operator="greaterThan", formula1="-1", allow_blank=False)
    explain(rate, "Discount rate", "A yearly rate above −100 %, such as 10 %.")
    rate.add(f"B{row_of['Discount rate']}")
    multipliers = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=False)
    explain(multipliers, "Multiplier", "A multiplier of 0 or more (1 leaves figures as they are).")
    multipliers.add(f"B{row_of['Pessimistic benefits ×']}:B{row_of['Optimistic costs ×']}")
    for validation in (choice, rate, multipliers):
        ws.add_data_validation(validation)

    legend = in_use + 3
    ws.cell(row=legend, column=1, value="How this workbook works").font = font(bold=True)
    for offset, (style, text) in enumerate(
        (
            (INPUT_FILL, "Input: change it, and every figure follows (Benefits, Cost lines, the rates above)."),
            (FORMULA_FILL, "Formula: computed from the inputs (Cash flows, Summary; protected without a password)."),
            (INFO_FILL, "From the app: change it in Align Desktop."),
            (None, "Add a cost line as a new row at the end of Cost lines: leave Key blank, give the Initiative key."),
            (None, "Adoption is the share of the full annual benefit reached in a year; confidence is 0 to 100."),
            (None, "NPV = Year 0 + NPV(discount rate, Year 1 … Year H); IRR shows n/a where it does not exist."),
            (None, "Payback: years until the cumulative cash flow reaches 0, interpolated within the year."),
        ),
        start=1,
    ):
        if style is not None:
            ws.cell(row=legend + offset, column=1).fill = fill(style)
        ws.cell(row=legend + offset, column=2, value=text).alignment = Alignment(wrap_text=False)
    set_widths(ws, (26, 44, 60))
