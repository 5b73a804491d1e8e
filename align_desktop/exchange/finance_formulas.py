"""The finance workbook's formula sheets, `Cash flows` and `Summary`: live formulas over the inputs.

Per initiative (row r) and year t, following DESIGN.md's "ROI arithmetic":
- benefit_t = annual benefit × adoption_t × BenefitMultiplier (looked up in `Benefits` by key)
- cost_t = SUMIFS(Cost lines year t, Cost lines initiative key, key) × CostMultiplier
- CF_t = benefit_t − cost_t
- NPV = CF_0 + NPV(DiscountRate, CF_1:CF_H)
- IRR = IRR(CF_0:CF_H, guess), "n/a" where no rate above −100 % is found: IRR searches from the
  app's rate at export (then from 10 %, −50 %, −90 %), see `_irr_guesses`
- payback from a cumulative row: 0 when cum_0 ≥ 0, else the least of (t−1) − cum_{t−1} / CF_t over
  the years where the cumulative crosses from below 0 to 0 or above; "not within horizon" if none.
Working columns (benefits, costs, cumulative, crossings, the Benefits row) sit to the right,
grouped so they can be folded away. Only functions that Excel and LibreOffice share are used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from align_desktop.exchange.finance_book import (
    FORMULA_FILL,
    HEADER_FILL,
    fill,
    font,
    money_format,
    note,
    print_setup,
    put_key,
    put_text,
    set_widths,
    write_header,
)

if TYPE_CHECKING:
    from align_desktop.exchange.finance_book import Steps
    from align_desktop.exchange.finance_export import FinanceData, Layout

CASH_FLOWS = "Cash flows"
SUMMARY = "Summary"
NOT_WITHIN_HORIZON = "not within horizon"
NOT_AVAILABLE = "n/a"
FIGURES = ("NPV", "IRR", "Payback (years)", "Risk-adjusted NPV", "ROI", "Total benefit", "Total cost")
"""The columns after `Year H`; the first three are the format's."""
WORKING_FILL = "7F7F7F"


class Columns:
    """Column numbers of the `Cash flows` sheet for a horizon."""

    def __init__(self, horizon: int) -> None:
        self.horizon = horizon
        self.years = range(horizon + 1)
        self.cash = {t: 3 + t for t in self.years}
        figures = 4 + horizon
        self.figure = {name: figures + i for i, name in enumerate(FIGURES)}
        working = figures + len(FIGURES) + 1
        self.benefit = {t: working + t for t in self.years}
        self.cost = {t: working + horizon + 1 + t for t in self.years}
        self.cumulative = {t: working + 2 * (horizon + 1) + t for t in self.years}
        self.crossing = {t: working + 3 * (horizon + 1) + t - 1 for t in range(1, horizon + 1)}
        self.irr_search = working + 4 * (horizon + 1) - 1
        self.match = self.irr_search + 1
        self.working = working

    def headers(self) -> list[str]:
        names = ["Initiative key", "Initiative", *(f"Year {t}" for t in self.years), *FIGURES, ""]
        names += [f"Benefit Year {t}" for t in self.years]
        names += [f"Cost Year {t}" for t in self.years]
        names += [f"Cumulative Year {t}" for t in self.years]
        names += [f"Payback in Year {t}" for t in range(1, self.horizon + 1)]
        return [*names, "IRR search", "Benefits row"]


def cash_flows(ws: Any, layout: Layout, data: FinanceData, steps: Steps) -> None:
    """One row per business case, every figure a formula over `Benefits`, `Cost lines` and `Assumptions`."""
    columns = Columns(layout.horizon)
    headers = columns.headers()
    write_header(ws, headers)
    ws.freeze_panes = "C2"
    grey = fill(WORKING_FILL)
    for column in range(columns.working, len(headers) + 1):
        ws.cell(row=1, column=column).fill = grey
    spacer = ws.cell(row=1, column=columns.working - 1)
    spacer.value, spacer.fill = None, fill("FFFFFF")
    styles = {
        "NPV": "Formula amount (cents)",
        "IRR": "Formula share",
        "Payback (years)": "Formula years",
        "Risk-adjusted NPV": "Formula amount (cents)",
        "ROI": "Formula share",
        "Total benefit": "Formula amount",
        "Total cost": "Formula amount",
    }
    style = {column: styles[name] for name, column in columns.figure.items()}
    style |= {columns.match: "Formula number", columns.irr_search: "Formula share"}
    style |= dict.fromkeys(columns.crossing.values(), "Formula years")
    for row, (case, guess) in enumerate(zip(data.cases, _irr_guesses(data), strict=True), start=2):
        put_key(ws, row, 1, case.initiative_key)
        put_text(ws, row, 2, case.title)
        for column, formula in _row_formulas(columns, layout, row, guess).items():
            cell = ws.cell(row=row, column=column)
            cell.style = style.get(column, "Formula amount")
            cell.value = formula
        steps.advance()
    ws.cell(row=1, column=columns.figure["Payback (years)"]).comment = note(
        "Years until the cumulative cash flow reaches 0, interpolated within the year: "
        "(t − 1) + (−cumulative in year t − 1) / cash flow in year t."
    )
    ws.cell(row=1, column=columns.figure["Risk-adjusted NPV"]).comment = note(
        "NPV with every benefit multiplied by the confidence (Benefits, column D)."
    )
    widths = [12, 40, *[13] * len(columns.years), 16, 10, 18, 16, 10, 14, 14, 3]
    set_widths(ws, widths + [13] * (len(headers) - len(widths)))
    from openpyxl.utils import get_column_letter

    ws.column_dimensions.group(
        get_column_letter(columns.working), get_column_letter(len(headers)), outline_level=1, hidden=False
    )
    table = f"A1:{get_column_letter(columns.figure['Total cost'])}{max(2, len(data.cases) + 1)}"
    ws.auto_filter.ref = table
    print_setup(ws, area=table)
    _protect(ws)


def _irr_guesses(data: FinanceData) -> list[float | None]:
    """Each case's IRR as the app finds it (base scenario): where the spreadsheet's IRR starts its search.

    Excel's and LibreOffice's IRR search from a guess (10 % by default) and give up on rates far
    from it, such as −72 %; starting from the app's rate they find the same one, and after an
    edit they find the rate nearest to it.
    """
    from align_desktop.domain.roi import flows, irrs

    horizon = data.settings.horizon
    return irrs([flows(case.case(horizon), horizon).cash_flows for case in data.cases])


def _row_formulas(columns: Columns, layout: Layout, row: int, guess: float | None) -> dict[int, str | float]:
    from openpyxl.utils import get_column_letter as letter

    def at(column: int) -> str:
        return f"{letter(column)}{row}"

    def span(first: int, last: int) -> str:
        return f"{at(first)}:{at(last)}"

    h = columns.horizon
    found = f"${letter(columns.match)}{row}"
    cells: dict[int, str | float] = {columns.match: f"=IFERROR(MATCH($A{row},Benefits!$A:$A,0),0)"}
    for t in columns.years:
        adoption = layout.adoption_columns.get(t)
        cells[columns.benefit[t]] = (
            f"=IF({found}=0,0,INDEX(Benefits!$C:$C,{found})*INDEX(Benefits!${adoption}:${adoption},{found})"
            "*BenefitMultiplier)"
            if adoption
            else 0.0
        )
        amount = layout.amount_columns[t]
        cells[columns.cost[t]] = f"=SUMIFS('Cost lines'!${amount}:${amount},'Cost lines'!$B:$B,$A{row})*CostMultiplier"
        cells[columns.cash[t]] = f"={at(columns.benefit[t])}-{at(columns.cost[t])}"
        cells[columns.cumulative[t]] = (
            f"={at(columns.cash[0])}" if t == 0 else f"={at(columns.cumulative[t - 1])}+{at(columns.cash[t])}"
        )
    for t, column in columns.crossing.items():
        before, now = at(columns.cumulative[t - 1]), at(columns.cumulative[t])
        cells[column] = f'=IF(AND({before}<0,{now}>=0),{t - 1}-{before}/{at(columns.cash[t])},"")'
    crossings = span(columns.crossing[1], columns.crossing[h])
    figure = columns.figure
    cells[figure["NPV"]] = f"={at(columns.cash[0])}+NPV(DiscountRate,{span(columns.cash[1], columns.cash[h])})"
    flows = span(columns.cash[0], columns.cash[h])
    start = "0.1" if guess is None else f"{min(max(guess, -0.99999), 1000.0):.6f}"
    cells[columns.irr_search] = (
        f"=IFERROR(IRR({flows},{start}),IFERROR(IRR({flows}),IFERROR(IRR({flows},-0.5),"
        f'IFERROR(IRR({flows},-0.9),"{NOT_AVAILABLE}"))))'
    )
    search = at(columns.irr_search)
    cells[figure["IRR"]] = f'=IF(ISNUMBER({search}),IF({search}>-1,{search},"{NOT_AVAILABLE}"),"{NOT_AVAILABLE}")'
    cells[figure["Payback (years)"]] = (
        f'=IF({at(columns.cumulative[0])}>=0,0,IF(COUNT({crossings})=0,"{NOT_WITHIN_HORIZON}",MIN({crossings})))'
    )
    discounted_benefit = f"({at(columns.benefit[0])}+NPV(DiscountRate,{span(columns.benefit[1], columns.benefit[h])}))"
    discounted_cost = f"({at(columns.cost[0])}+NPV(DiscountRate,{span(columns.cost[1], columns.cost[h])}))"
    cells[figure["Risk-adjusted NPV"]] = (
        f"=IF({found}=0,0,INDEX(Benefits!$D:$D,{found})/100)*{discounted_benefit}-{discounted_cost}"
    )
    total_benefit, total_cost = at(figure["Total benefit"]), at(figure["Total cost"])
    cells[figure["Total benefit"]] = f"=SUM({span(columns.benefit[0], columns.benefit[h])})"
    cells[figure["Total cost"]] = f"=SUM({span(columns.cost[0], columns.cost[h])})"
    cells[figure["ROI"]] = f'=IF({total_cost}=0,"{NOT_AVAILABLE}",({total_benefit}-{total_cost})/{total_cost})'
    return cells


SUMMARY_FIGURES = (
    "Scenario",
    "Business cases",
    "NPV",
    "Risk-adjusted NPV",
    "Total benefit",
    "Total cost",
    "ROI",
    "Discount rate",
    "Horizon (years)",
)


def summary(ws: Any, layout: Layout, data: FinanceData) -> None:
    """Portfolio totals and the portfolio's cash flow per year, as formulas over `Cash flows`."""
    from openpyxl.utils import get_column_letter as letter

    columns = Columns(layout.horizon)
    last = max(2, len(data.cases) + 1)

    def whole(column: int) -> str:
        return f"'{CASH_FLOWS}'!${letter(column)}$2:${letter(column)}${last}"

    write_header(ws, ("Portfolio", "Value"))
    money = money_format(data.settings.currency)
    cents = money_format(data.settings.currency, 2)
    blue = fill(FORMULA_FILL)
    row_of = {name: row for row, name in enumerate(SUMMARY_FIGURES, start=2)}
    total_benefit, total_cost = f"B{row_of['Total benefit']}", f"B{row_of['Total cost']}"
    figures: dict[str, tuple[str, str]] = {
        "Scenario": ("=ScenarioChoice", "@"),
        "Business cases": (f"=COUNTA({whole(1)})", "0"),
        "NPV": (f"=SUM({whole(columns.figure['NPV'])})", cents),
        "Risk-adjusted NPV": (f"=SUM({whole(columns.figure['Risk-adjusted NPV'])})", cents),
        "Total benefit": (f"=SUM({whole(columns.figure['Total benefit'])})", cents),
        "Total cost": (f"=SUM({whole(columns.figure['Total cost'])})", cents),
        "ROI": (f'=IF({total_cost}=0,"{NOT_AVAILABLE}",({total_benefit}-{total_cost})/{total_cost})', "0.00%"),
        "Discount rate": ("=DiscountRate", "0.00%"),
        "Horizon (years)": ("=HorizonYears", "0"),
    }
    for name, row in row_of.items():
        ws.cell(row=row, column=1, value=name)
        formula, number_format = figures[name]
        cell = ws.cell(row=row, column=2, value=formula)
        cell.number_format = number_format
        cell.fill = blue

    top = len(SUMMARY_FIGURES) + 3
    header_font = font(bold=True, color="FFFFFF")
    for column, text in enumerate(["Per year", *(f"Year {t}" for t in columns.years), "Total"], start=1):
        cell = ws.cell(row=top, column=column, value=text)
        cell.font, cell.fill = header_font, fill(HEADER_FILL)
    rows = {"Benefits": columns.benefit, "Costs": columns.cost, "Net cash flow": columns.cash}
    for offset, (name, source) in enumerate(rows.items(), start=1):
        row = top + offset
        ws.cell(row=row, column=1, value=name)
        for t in columns.years:
            ws.cell(row=row, column=2 + t, value=f"=SUM({whole(source[t])})")
        ws.cell(row=row, column=3 + layout.horizon, value=f"=SUM(B{row}:{letter(2 + layout.horizon)}{row})")
    cumulative, discounted = top + len(rows) + 1, top + len(rows) + 2
    net = top + len(rows)
    ws.cell(row=cumulative, column=1, value="Cumulative cash flow")
    ws.cell(row=discounted, column=1, value="Discounted cash flow")
    for t in columns.years:
        here = letter(2 + t)
        ws.cell(
            row=cumulative,
            column=2 + t,
            value=f"={here}{net}" if t == 0 else f"={letter(1 + t)}{cumulative}+{here}{net}",
        )
        ws.cell(row=discounted, column=2 + t, value=f"={here}{net}/(1+DiscountRate)^{t}")
    ws.cell(
        row=discounted, column=3 + layout.horizon, value=f"=SUM(B{discounted}:{letter(2 + layout.horizon)}{discounted})"
    )
    for row in range(top + 1, discounted + 1):
        for column in range(2, 4 + layout.horizon):
            cell = ws.cell(row=row, column=column)
            if cell.value is not None:
                cell.number_format, cell.fill = money, blue
    ws.cell(
        row=discounted + 2,
        column=1,
        value="Every figure is a formula over the Benefits, Cost lines and Assumptions sheets.",
    )
    set_widths(ws, [24, *[16] * (len(columns.years) + 1)])
    _protect(ws)


def _protect(ws: Any) -> None:
    """Protect formulas from slips, without a password: Review > Unprotect sheet lifts it."""
    protection = ws.protection
    protection.sheet = True
    protection.formatColumns = False
    protection.formatRows = False
    protection.autoFilter = False
    protection.sort = False
