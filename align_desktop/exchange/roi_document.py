"""The report behind `align-desktop roi`: every business case's figures under one scenario.

`build_report` turns a portfolio read from the store into the stable JSON document described in
docs/roi-json.md (amounts unrounded, in the workspace currency; rates and shares as fractions);
`render_text` lays the same document out as an aligned table. Text and JSON therefore never
disagree. Nothing here imports Qt or matplotlib.
IRRs of all cases are computed in one batch (`domain.roi.irrs`), which matters for `stress`.
"""

from __future__ import annotations

from typing import Any

from align_desktop.domain.roi import Figures, evaluate, irrs, portfolio_totals
from align_desktop.store.case_rows import CaseSummaries

FORMAT = "align-desktop roi"
FORMAT_VERSION = 1
TITLE_WIDTH = 40


def build_report(portfolio: CaseSummaries, scenario_name: str) -> dict[str, Any]:
    """The JSON-ready report of every initiative that has a business case, by key."""
    settings = portfolio.settings
    scenario = settings.scenarios[scenario_name]
    horizon, rate = settings.horizon, settings.discount_rate
    initiatives: list[dict[str, Any]] = []
    figures: list[Figures] = []
    series: list[tuple[float, ...]] = []
    for row in portfolio.summaries:
        case = row.case()
        result = evaluate(case, horizon, rate, scenario, with_irr=False)
        figures.append(result)
        cash_flows = result.flows.cash_flows
        series.append(cash_flows)
        initiatives.append(
            {
                "key": row.initiative_key,
                "title": row.title,
                "status": row.status,
                "confidence": case.confidence,
                "benefits": list(result.flows.benefits),
                "costs": list(result.flows.costs),
                "cash_flows": list(cash_flows),
                "total_benefit": result.total_benefit,
                "total_cost": result.total_cost,
                "npv": result.npv,
                "risk_adjusted_npv": result.risk_adjusted_npv,
                "irr": None,
                "payback_years": result.payback,
                "roi": result.roi,
                "npv_per_cost": result.npv_per_cost,
            }
        )
    for item, rate_of_return in zip(initiatives, irrs(series), strict=True):
        item["irr"] = rate_of_return
    totals = portfolio_totals(figures, horizon)
    years = range(horizon + 1)
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "workspace": settings.name,
        "assumptions": {
            "currency": settings.currency,
            "discount_rate": rate,
            "horizon": horizon,
            "scenario": scenario.name,
            "benefit_multiplier": scenario.benefit,
            "cost_multiplier": scenario.cost,
        },
        "years": list(years),
        "initiatives": initiatives,
        "without_business_case": portfolio.without_case,
        "portfolio": {
            "initiatives": len(initiatives),
            "benefits": [sum(item["benefits"][t] for item in initiatives) for t in years],
            "costs": [sum(item["costs"][t] for item in initiatives) for t in years],
            "cash_flows": list(totals.cash_flows),
            "total_benefit": totals.total_benefit,
            "total_cost": totals.total_cost,
            "npv": totals.npv,
            "risk_adjusted_npv": totals.risk_adjusted_npv,
            "roi": totals.roi,
        },
    }


def render_text(report: dict[str, Any]) -> str:
    """The report as a table: cash flows in whole units, NPVs to the cent, rates in percent."""
    assumptions = report["assumptions"]
    header = [
        f"{report['workspace']}: return on investment, {assumptions['scenario']} scenario",
        f"Benefits x{assumptions['benefit_multiplier']:.2f}, costs x{assumptions['cost_multiplier']:.2f}; "
        f"discount rate {_percent(assumptions['discount_rate'])}; horizon {assumptions['horizon']} years; "
        f"amounts in {assumptions['currency']}",
        "",
    ]
    years = [f"Year {t}" for t in report["years"]]
    columns = ["Key", "Initiative", *years, "NPV", "Risk-adj. NPV", "IRR", "Payback (years)", "ROI"]
    rows = [
        [
            item["key"],
            _shorten(item["title"]),
            *[_money(cf, 0) for cf in item["cash_flows"]],
            _money(item["npv"], 2),
            _money(item["risk_adjusted_npv"], 2),
            "n/a" if item["irr"] is None else _percent(item["irr"]),
            "not within horizon" if item["payback_years"] is None else f"{item['payback_years']:.2f}",
            "n/a" if item["roi"] is None else _percent(item["roi"]),
        ]
        for item in report["initiatives"]
    ]
    total = report["portfolio"]
    rows.append(
        [
            "Total",
            f"Portfolio ({total['initiatives']:,} business cases)",
            *[_money(cf, 0) for cf in total["cash_flows"]],
            _money(total["npv"], 2),
            _money(total["risk_adjusted_npv"], 2),
            "",
            "",
            "n/a" if total["roi"] is None else _percent(total["roi"]),
        ]
    )
    lines = header + _table(columns, rows, left=2)
    currency, horizon = assumptions["currency"], assumptions["horizon"]
    lines += [
        "",
        f"Total benefit {currency} {_money(total['total_benefit'], 2)}, total cost {currency} "
        f"{_money(total['total_cost'], 2)} (undiscounted, years 0 to {horizon})",
    ]
    if report["without_business_case"]:
        lines.append(f"Without a business case: {', '.join(report['without_business_case'])}")
    return "\n".join(lines) + "\n"


def _table(columns: list[str], rows: list[list[str]], *, left: int) -> list[str]:
    """Columns padded to their widest cell: the first `left` to the left, the others to the right."""
    widths = [max(len(cell) for cell in column) for column in zip(columns, *rows, strict=True)]

    def line(cells: list[str]) -> str:
        padded = [
            cell.ljust(width) if i < left else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(cells, widths, strict=True))
        ]
        return "  ".join(padded).rstrip()

    rule = "  ".join("-" * width for width in widths)
    return [line(columns), rule, *[line(row) for row in rows[:-1]], rule, line(rows[-1])]


def _money(amount: float, decimals: int) -> str:
    # adding 0.0 turns a negative zero (a tiny loss rounded away) into a plain zero
    return f"{round(amount, decimals) + 0.0:,.{decimals}f}"


def _percent(share: float) -> str:
    return f"{share * 100:.2f} %"


def _shorten(title: str) -> str:
    return title if len(title) <= TITLE_WIDTH else title[: TITLE_WIDTH - 3].rstrip() + "..."
