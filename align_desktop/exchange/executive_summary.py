"""The executive workbook's `Summary`: key figures, small tables and native Excel charts beside them.

Charts (openpyxl.chart, so they stay live Excel charts): value by outcome (bar: NPV and
risk-adjusted NPV), value unlocked by capability (bar, the top `TOP_CAPABILITIES`), open risks by
band (column: inherent and residual counts). Each chart reads the table to its left.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from align_desktop.exchange.executive_values import BAND_FILLS
from align_desktop.exchange.finance_book import HEADER_FILL, fill, font, money_format, put_text, set_widths

if TYPE_CHECKING:
    from align_desktop.exchange.executive_export import ExecutiveData

TOP_CAPABILITIES = 10
CHART_ROWS = 18
"""Rows a chart section takes at least, so charts never overlap."""
NO_OUTCOME = "(no outcome)"


class _Writer:
    """Writes sections one under the other on the Summary sheet."""

    def __init__(self, ws: Any, currency: str) -> None:
        self.ws = ws
        self.row = 1
        self.money = money_format(currency)
        self.bold = font(bold=True, size=12, color=HEADER_FILL)
        self.header_font = font(bold=True, color="FFFFFF")

    def title(self, text: str) -> None:
        self.row += 1
        self.ws.cell(row=self.row, column=1, value=text).font = self.bold
        self.row += 1

    def header(self, *texts: str) -> int:
        from openpyxl.styles import Alignment

        for column, text in enumerate(texts, start=1):
            cell = self.ws.cell(row=self.row, column=column, value=text)
            cell.font, cell.fill = self.header_font, fill(HEADER_FILL)
            if column > 1:
                cell.alignment = Alignment(horizontal="right")
        self.row += 1
        return self.row - 1

    def page_break(self) -> None:
        """Start a new printed page (charts are not cut in two)."""
        from openpyxl.worksheet.pagebreak import Break

        self.ws.row_breaks.append(Break(id=self.row - 1))

    def line(self, label: str, *values: Any, formats: tuple[str, ...] = ()) -> int:
        put_text(self.ws, self.row, 1, label)
        for column, value in enumerate(values, start=2):
            cell = self.ws.cell(row=self.row, column=column, value=value)
            if column - 2 < len(formats):
                cell.number_format = formats[column - 2]
        self.row += 1
        return self.row - 1


def summary(ws: Any, data: ExecutiveData) -> None:
    settings = data.settings
    ws.title = "Summary"
    put_text(ws, 1, 1, settings.name).font = font(bold=True, size=16)
    ws.cell(
        row=2,
        column=1,
        value=f"Executive summary, {data.today.isoformat()}. Amounts in {settings.currency}; discount rate "
        f"{settings.discount_rate * 100:.2f} %; horizon {settings.horizon} years; NPV over years 0 to "
        f"{settings.horizon}.",
    )
    ws.freeze_panes = "A3"
    out = _Writer(ws, settings.currency)
    out.row = 3
    _value_by_scenario(out, data)
    _lanes_and_statuses(out, data)
    _key_figures(out, data)
    out.page_break()
    _value_by_outcome(out, data)
    _value_unlocked(out, data)
    out.page_break()
    _risk_bands(out, data)
    set_widths(ws, [46, 17, 17, 12, 14, 12, 12, 12, 12])


def _value_by_scenario(out: _Writer, data: ExecutiveData) -> None:
    out.title("Portfolio value by scenario")
    out.header("Scenario", "NPV", "Risk-adjusted NPV", "ROI", "Business cases")
    for name, report in data.reports.items():
        total = report["portfolio"]
        out.line(
            name,
            total["npv"],
            total["risk_adjusted_npv"],
            "n/a" if total["roi"] is None else total["roi"],
            total["initiatives"],
            formats=(out.money, out.money, "0.0%", "0"),
        )


def _lanes_and_statuses(out: _Writer, data: ExecutiveData) -> None:
    from align_desktop.domain.vocabulary import STATUSES

    counts: dict[tuple[int, str], int] = {}
    for item in data.initiatives:
        counts[item.lane_id, item.status] = counts.get((item.lane_id, item.status), 0) + 1
    used = [status for status in STATUSES if any(s == status for _, s in counts)]
    out.title("Initiatives by lane and status")
    out.header("Lane", *used, "Total")
    for lane in data.lanes:
        row = [counts.get((lane.id, status), 0) for status in used]
        out.line(lane.name, *row, sum(row))
    totals = [sum(counts.get((lane.id, status), 0) for lane in data.lanes) for status in used]
    last = out.line("Total", *totals, sum(totals))
    for column in range(1, len(used) + 3):
        out.ws.cell(row=last, column=column).font = font(bold=True)


def _key_figures(out: _Writer, data: ExecutiveData) -> None:
    from align_desktop.domain.matrix import gap
    from align_desktop.domain.risk import above_appetite

    current = {c.key: c.current_maturity for c in data.matrix.capabilities}
    gaps = [n for n in data.matrix.needs if gap(n.level, current[n.capability_key])]
    appetite = data.settings.risk_appetite
    open_risks = [r for r in data.register.risks if r.status != "closed"]
    out.title("Capability gaps and risks")
    out.header("Figure", "Count")
    out.line("Capability gaps (needs above current maturity)", len(gaps))
    out.line("Capabilities with a gap", len({n.capability_key for n in gaps}))
    out.line("Initiatives held back by a gap", len({n.initiative_key for n in gaps}))
    out.line(
        f"Open risks above appetite (residual score above {appetite})",
        sum(1 for r in open_risks if above_appetite(r.residual_score, appetite)),
    )
    out.line("Open risks", len(open_risks))
    out.line("Initiatives without a business case", len(data.base["without_business_case"]))


def _value_by_outcome(out: _Writer, data: ExecutiveData) -> None:
    from openpyxl.chart import BarChart, Reference

    figures = {item["key"]: item for item in data.base["initiatives"]}
    by_outcome: dict[str, list[float]] = {o.name: [0.0, 0.0, 0] for o in data.outcomes}
    for item in data.initiatives:
        case = figures.get(item.key)
        name = item.outcome_name or NO_OUTCOME
        totals = by_outcome.setdefault(name, [0.0, 0.0, 0])
        totals[2] += 1
        if case is not None:
            totals[0] += case["npv"]
            totals[1] += case["risk_adjusted_npv"]
    out.title("Value by outcome (base scenario)")
    first = out.header("Outcome", "NPV", "Risk-adjusted NPV", "Initiatives") + 1
    for name, (npv, risk_adjusted, count) in by_outcome.items():
        out.line(name, npv, risk_adjusted, count, formats=(out.money, out.money, "0"))
    last = out.row - 1
    chart = BarChart()
    chart.type = "bar"
    chart.title = "Value by outcome"
    chart.y_axis.title = data.settings.currency
    chart.y_axis.numFmt = "#,##0"
    chart.x_axis.scaling.orientation = "maxMin"
    chart.x_axis.tickLblPos = "low"
    chart.add_data(Reference(out.ws, min_col=2, max_col=3, min_row=first - 1, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(out.ws, min_col=1, min_row=first, max_row=last))
    _place(out, chart, first - 2, last)


def _value_unlocked(out: _Writer, data: ExecutiveData) -> None:
    from openpyxl.chart import BarChart, Reference

    from align_desktop.domain.matrix import capability_metrics, ranked

    matrix = data.matrix
    metrics = capability_metrics(
        matrix.needs,
        {c.key: c.current_maturity for c in matrix.capabilities},
        {i.key: i.value for i in matrix.initiatives},
    )
    names = {c.key: c.name for c in matrix.capabilities}
    top = ranked(metrics.values(), "value unlocked")[:TOP_CAPABILITIES]
    out.title(f"Value unlocked by capability (top {TOP_CAPABILITIES}, base scenario)")
    first = out.header("Capability", "Value unlocked", "Reuse count") + 1
    for item in top:
        out.line(f"{item.key} {names[item.key]}", item.value_unlocked, item.reuse, formats=(out.money, "0"))
    last = out.row - 1
    chart = BarChart()
    chart.type = "bar"
    chart.title = "Value unlocked by capability"
    chart.y_axis.title = data.settings.currency
    chart.y_axis.numFmt = "#,##0"
    chart.x_axis.scaling.orientation = "maxMin"
    chart.legend = None
    chart.add_data(Reference(out.ws, min_col=2, min_row=first - 1, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(out.ws, min_col=1, min_row=first, max_row=last))
    _place(out, chart, first - 2, last)


def _risk_bands(out: _Writer, data: ExecutiveData) -> None:
    from openpyxl.chart import BarChart, Reference

    from align_desktop.domain.risk import BANDS, band

    open_risks = [r for r in data.register.risks if r.status != "closed"]
    out.title("Open risks by band")
    first = out.header("Band", "Inherent", "Residual") + 1
    for name, low, high in BANDS:
        row = out.line(
            f"{name} ({low}–{high})",
            sum(1 for r in open_risks if band(r.inherent_score) == name),
            sum(1 for r in open_risks if band(r.residual_score) == name),
            formats=("0", "0"),
        )
        out.ws.cell(row=row, column=1).fill = fill(BAND_FILLS[name])
    last = out.row - 1
    chart = BarChart()
    chart.type = "col"
    chart.title = "Open risks by band"
    chart.y_axis.title = "Risks"
    chart.y_axis.numFmt = "0"
    chart.add_data(Reference(out.ws, min_col=2, max_col=3, min_row=first - 1, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(out.ws, min_col=1, min_row=first, max_row=last))
    _place(out, chart, first - 2, last)


def _place(out: _Writer, chart: Any, top: int, last: int) -> None:
    """Anchor `chart` right of its table and leave room below for it."""
    chart.width, chart.height = 20, 9
    chart.y_axis.delete = False
    chart.x_axis.delete = False
    out.ws.add_chart(chart, f"F{top}")
    out.row = max(last + 2, top + CHART_ROWS)
