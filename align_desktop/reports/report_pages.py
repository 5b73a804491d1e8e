"""The executive report's sections, each planned as one or more pages before anything is drawn.

A section function returns `Page`s: a title, a subtitle and a function that draws the page's
content on a figure that already has its title and footer. Planning first gives the page count
for "Page n of N" and the cover's contents. Long lists are capped so that the report of `stress`
(2,000 initiatives) stays a few pages: see the `*_PER_*` and `TOP_*` constants.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from align_desktop.domain.risk import above_appetite
from align_desktop.domain.roi import irr, payback
from align_desktop.reports import report_charts
from align_desktop.reports.formatting import MINUS
from align_desktop.reports.report_data import ReportData, risk_text
from align_desktop.reports.report_layout import (
    CONTENT_BOTTOM,
    CONTENT_TOP,
    CONTENT_WIDTH,
    INK,
    MARGIN,
    MUTED,
    Column,
    Row,
    chart_areas,
    fx,
    fy,
    paginate,
    settle,
    table,
)

if TYPE_CHECKING:
    from matplotlib.figure import Figure

ROADMAP_PER_LANE = 12
"""Initiatives listed per lane, in board order; the rest are counted ("… and N more in Next")."""
TOP_CAPABILITIES = 15
TOP_RISKS = 14
TOP_CASES = 20
ALERTS_PER_KIND = 8
"""Alerts listed per kind; the rest are counted."""


@dataclass(frozen=True)
class Page:
    title: str
    subtitle: str
    draw: Callable[[Figure], object]
    section: str = ""
    """The section's name on the cover's contents, on its first page only."""
    charts: bool = False
    """Whether the page draws charts (which then need constrained layout)."""


def amount(value: float) -> str:
    """`1,234,567`, `−94,369`: whole units, a true minus sign."""
    text = f"{abs(value):,.0f}"
    return (MINUS if value < 0 and text != "0" else "") + text


def percent(share: float | None) -> str:
    return "n/a" if share is None else f"{share * 100:.2f} %".replace("-", MINUS)


def years(value: float | None) -> str:
    return "not within horizon" if value is None else f"{value:.2f}"


def headline(data: ReportData) -> list[Page]:
    settings = data.rows.settings
    count = len(data.figures)
    subtitle = (
        f"Base scenario unless named · {count:,} business cases over {settings.horizon} years at a "
        f"{settings.discount_rate * 100:g} % discount rate · amounts in {data.currency}"
    )

    def draw(figure: Figure) -> None:
        charts_top = CONTENT_TOP + 2.1
        left, right = chart_areas(
            figure, charts_top, CONTENT_BOTTOM - charts_top, [(MARGIN, 5.6), (MARGIN + 5.9, CONTENT_WIDTH - 5.9)]
        )
        outcomes, values = data.value_by_outcome()
        report_charts.value_by_outcome(left, outcomes, values, data.currency, title="Risk-adjusted NPV by outcome")
        report_charts.cumulative_cash_flow_portfolio(right, data.portfolio_flows(), data.currency)
        settle(figure)
        scenarios = [
            Row((name.capitalize(), amount(totals.npv), amount(totals.risk_adjusted_npv), percent(totals.roi)))
            for name, totals in data.totals.items()
        ]
        value_columns = (
            Column("Scenario", 1.0),
            Column("Portfolio NPV", 1.2, "right"),
            Column("Risk-adjusted NPV", 1.5, "right"),
            Column("ROI", 0.8, "right"),
        )
        table(figure, MARGIN, CONTENT_TOP, value_columns, scenarios)
        lanes = [Row((lane, f"{number:,}")) for lane, number in data.rows.initiatives_per_lane.items()]
        table(figure, MARGIN + 4.7, CONTENT_TOP, (Column("Lane", 0.95), Column("Initiatives", 0.95, "right")), lanes)
        statuses = [Row((status, f"{n:,}")) for status, n in data.rows.initiatives_per_status.items() if n]
        table(
            figure, MARGIN + 6.8, CONTENT_TOP, (Column("Status", 1.0), Column("Initiatives", 0.95, "right")), statuses
        )
        figures = (
            (len(data.rows.alerts), "alerts to act on"),
            (len(data.risks_above_appetite()), f"risks above appetite ({data.appetite})"),
            (data.capability_gaps(), "capability gaps"),
        )
        for line, (number, label) in enumerate(figures):
            top = CONTENT_TOP + 0.1 + line * 0.62
            figure.text(
                fx(MARGIN + 9.05),
                fy(top + 0.32),
                f"{number:,}",
                fontsize=20,
                fontweight="bold",
                color=INK,
                parse_math=False,
            )
            figure.text(fx(MARGIN + 9.05), fy(top + 0.5), label, fontsize=8, color=MUTED, parse_math=False)

    return [Page("Headline figures", subtitle, draw, "Headline figures", charts=True)]


def roadmap(data: ReportData) -> list[Page]:
    columns = (
        Column("Key", 0.6),
        Column("Initiative", 3.1),
        Column("Status", 0.85),
        Column("Outcome", 3.05),
        Column("Readiness", 1.7),
        Column(f"NPV ({data.currency})", 1.25, "right"),
    )
    by_lane: dict[str, list[Row]] = {lane: [] for lane in data.rows.lanes}
    lane_of = data.lane_of
    for initiative in data.initiatives:
        case = data.figures.get(initiative.key)
        by_lane[lane_of[initiative.key]].append(
            Row(
                (
                    initiative.key,
                    initiative.title,
                    initiative.status,
                    initiative.outcome_name or "No outcome",
                    data.readiness_verdict(initiative),
                    "no business case" if case is None else amount(case["base"].npv),
                )
            )
        )
    rows: list[Row] = []
    for lane, items in by_lane.items():
        rows.append(Row((f"{lane} · {len(items):,} initiative{'' if len(items) == 1 else 's'}",), "group"))
        rows += items[:ROADMAP_PER_LANE]
        if len(items) > ROADMAP_PER_LANE:
            rows.append(Row((f"… and {len(items) - ROADMAP_PER_LANE:,} more in {lane} (board order)",), "more"))
    below = sum(1 for i in data.initiatives if data.readiness_verdict(i).startswith("below"))
    subtitle = (
        f"Each lane in board order · readiness against the gate of {data.gate}: "
        f"{below:,} of {len(data.initiatives):,} initiatives have a score below it · NPV of the base scenario"
    )
    height = CONTENT_BOTTOM - CONTENT_TOP
    return _table_pages("Roadmap by lane", subtitle, columns, rows, height, height)


def capabilities(data: ReportData) -> list[Page]:
    columns = (
        Column("Key", 0.6),
        Column("Capability", 2.0, wrap=True, max_lines=2),
        Column("Maturity now → target", 0.95, wrap=True),
        Column("Reuse", 0.55, "right"),
        Column("Value unlocked", 1.05, "right", wrap=True),
        Column("Gap: initiatives held back", 1.7, wrap=True, max_lines=2),
    )
    top = data.top_capabilities(TOP_CAPABILITIES)
    rows = [
        Row(
            (
                capability.key,
                capability.name,
                f"{capability.current_maturity} → {capability.target_maturity}",
                f"{metrics.reuse:,}",
                amount(metrics.value_unlocked),
                f"{len(metrics.blocked):,}: {', '.join(metrics.blocked[:12])}" if metrics.blocked else "none",
            )
        )
        for capability, metrics in top
    ]
    more = len(data.rows.capabilities) - len(top)
    if more > 0:
        rows.append(Row((f"… and {more:,} more capabilities",), "more"))
    subtitle = (
        f"Value unlocked: Σ of the positive risk-adjusted NPVs ({data.currency}) of the initiatives that need it · "
        f"{data.capability_gaps():,} needs are above current maturity"
    )

    def draw(figure: Figure) -> None:
        (area,) = chart_areas(figure, CONTENT_TOP, 5.2, [(MARGIN + 7.15, CONTENT_WIDTH - 7.15)])
        points = [(c.key, m.value_unlocked, c.current_maturity) for c, m in top]
        report_charts.value_vs_maturity(area, points, data.currency, title="Value vs current maturity")
        settle(figure)
        table(figure, MARGIN, CONTENT_TOP, columns, rows)

    return [Page("Top capabilities by value unlocked", subtitle, draw, "Top capabilities", charts=True)]


def risks(data: ReportData) -> list[Page]:
    columns = (
        Column("Key", 0.55),
        Column("Risk", 2.3, wrap=True, max_lines=2),
        Column("Residual", 0.95),
        Column("Owner", 1.1, wrap=True, max_lines=2),
        Column("Status", 0.8),
        Column("Value at risk", 0.95, "right"),
    )
    top = data.top_risks(TOP_RISKS)
    rows = [
        Row(
            (
                risk.key,
                risk.title,
                risk_text(risk) + (" ▲" if above_appetite(risk.residual_score, data.appetite) else ""),
                risk.owner,
                risk.status,
                amount(data.value_at_risk.get(risk.key, 0.0)),
            )
        )
        for risk in top
    ]
    more = len(data.open_risks()) - len(top)
    if more > 0:
        rows.append(Row((f"… and {more:,} more open risks",), "more"))
    above = len(data.risks_above_appetite())
    subtitle = (
        f"{len(data.open_risks()):,} open risks, {above:,} above the appetite of {data.appetite} (▲) · "
        f"residual score = likelihood × impact after treatment · value at risk in {data.currency}"
    )

    def draw(figure: Figure) -> None:
        (area,) = chart_areas(figure, CONTENT_TOP, 5.0, [(MARGIN, 3.6)])
        report_charts.risk_heat_map(area, data.heat_counts(), data.appetite, title="Open risks, residual")
        settle(figure)
        table(figure, MARGIN + 3.85, CONTENT_TOP, columns, rows)

    return [Page("Risks: residual heat map and top risks", subtitle, draw, "Risks", charts=True)]


def business_cases(data: ReportData) -> list[Page]:
    columns = (
        Column("Key", 0.6),
        Column("Initiative", 3.1),
        Column("Lane", 0.75),
        Column("Status", 0.8),
        Column("NPV", 1.15, "right"),
        Column("Risk-adjusted NPV", 1.3, "right"),
        Column("IRR", 0.8, "right"),
        Column("Payback (years)", 1.2, "right"),
        Column("ROI", 0.85, "right"),
    )
    lane_of = data.lane_of
    top = data.top_cases(TOP_CASES)
    rows = [
        Row(
            (
                initiative.key,
                initiative.title,
                lane_of[initiative.key],
                initiative.status,
                amount(figures.npv),
                amount(figures.risk_adjusted_npv),
                percent(rate),
                years(figures.payback),
                percent(figures.roi),
            )
        )
        for initiative, figures, rate in top
    ]
    more = len(data.figures) - len(top)
    if more > 0:
        rows.append(Row((f"… and {more:,} more business cases (lower NPV)",), "more"))
    base = data.totals["base"]
    rows.append(
        Row(
            (
                "Total",
                f"Portfolio ({len(data.figures):,} business cases)",
                "",
                "",
                amount(base.npv),
                amount(base.risk_adjusted_npv),
                percent(irr(base.cash_flows)) if data.figures else "",
                years(payback(base.cash_flows)) if data.figures else "",
                percent(base.roi),
            ),
            "total",
        )
    )
    subtitle = (
        f"Top {min(TOP_CASES, len(data.figures))} of {len(data.figures):,} business cases by NPV, base scenario, "
        f"amounts in {data.currency} · risk-adjusted: benefits × confidence · payback and ROI undiscounted"
    )
    height = CONTENT_BOTTOM - CONTENT_TOP
    return _table_pages("Business cases", subtitle, columns, rows, height, height)


def alerts(data: ReportData) -> list[Page]:
    columns = (Column("What is wrong", CONTENT_WIDTH, wrap=True),)
    rows: list[Row] = []
    for kind, group in data.alerts_by_kind().items():
        count = f"{len(group):,} alert{'' if len(group) == 1 else 's'}"
        rows.append(Row((f"{kind[0].upper()}{kind[1:]} ({count}). What to do: {group[0].action}",), "group"))
        rows += [Row((alert.message,)) for alert in group[:ALERTS_PER_KIND]]
        if len(group) > ALERTS_PER_KIND:
            rows.append(Row((f"… and {len(group) - ALERTS_PER_KIND:,} more {kind} alerts",), "more"))
    if not rows:
        rows.append(Row(("No alerts: the plan passes every check.",), "more"))
    subtitle = (
        f"{len(data.rows.alerts):,} alerts on {data.today:%Y-%m-%d}, by kind; "
        f"up to {ALERTS_PER_KIND} of each listed (the dashboard lists them all)"
    )
    height = CONTENT_BOTTOM - CONTENT_TOP
    return _table_pages("Alerts", subtitle, columns, rows, height, height)


def _table_pages(
    title: str, subtitle: str, columns: tuple[Column, ...], rows: list[Row], first: float, later: float
) -> list[Page]:
    chunks = paginate(columns, rows, first, later)

    def drawer(chunk: list[Row]) -> Callable[[Figure], object]:
        return lambda figure: table(figure, MARGIN, CONTENT_TOP, columns, chunk)

    return [
        Page(
            title if number == 0 else f"{title} (continued)",
            subtitle,
            drawer(chunk),
            title if number == 0 else "",
        )
        for number, chunk in enumerate(chunks)
    ]
