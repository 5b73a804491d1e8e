"""The executive workbook's tables of what is at stake: Risks (scores coloured by band) and Business cases.

Figures are those of `align-desktop roi` (`build_report`) and of the risk register's reads,
written as values; the Business cases table ends with a portfolio total row.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from align_desktop.exchange.executive_sheets import GAP_FILL, Col, write_table
from align_desktop.exchange.finance_book import FORMULA_FILL, fill, font, note

if TYPE_CHECKING:
    from align_desktop.exchange.executive_export import ExecutiveData
    from align_desktop.exchange.finance_book import Steps

BAND_FILLS = {"low": "C6EFCE", "medium": "FFEB9C", "high": "F8CBAD", "critical": "FF7C80"}
"""Fill of a risk score by band: green, yellow, orange, red."""


def risks(ws: Any, data: ExecutiveData, steps: Steps) -> None:
    """The register: inherent and residual scores coloured by band, above appetite, value at risk."""
    from align_desktop.domain.risk import above_appetite, band

    appetite = data.settings.risk_appetite
    columns = (
        Col("Key", 8, "key"),
        Col("Title", 44),
        Col("Category", 14),
        Col("Business impact area", 16),
        Col("Owner", 18),
        Col("Status", 11),
        Col("Treatment", 11),
        Col("Likelihood", 11, "whole"),
        Col("Impact", 10, "whole"),
        Col("Inherent score", 10, "whole"),
        Col("Inherent band", 10),
        Col("Residual likelihood", 10, "whole"),
        Col("Residual impact", 10, "whole"),
        Col("Residual score", 10, "whole"),
        Col("Residual band", 10),
        Col("Above appetite", 10),
        Col("Value at risk", 16, "money"),
        Col("Next review", 12, "date"),
        Col("Initiatives", 20),
        Col("Capabilities", 16),
    )
    rows = [
        (
            r.key,
            r.title,
            r.category,
            r.impact_area,
            r.owner,
            r.status,
            r.treatment,
            r.likelihood,
            r.impact,
            r.inherent_score,
            band(r.inherent_score),
            r.residual_likelihood,
            r.residual_impact,
            r.residual_score,
            band(r.residual_score),
            "yes" if above_appetite(r.residual_score, appetite) else "no",
            data.register.value_at_risk.get(r.key, 0.0),
            r.review_date,
            ", ".join(r.initiative_keys),
            ", ".join(r.capability_keys),
        )
        for r in data.register.risks
    ]
    write_table(ws, columns, rows, data.settings.currency, steps)
    ws.freeze_panes = "C2"
    for row, r in enumerate(data.register.risks, start=2):
        for score_column, score in ((10, r.inherent_score), (14, r.residual_score)):
            colour = fill(BAND_FILLS[band(score)])
            ws.cell(row=row, column=score_column).fill = colour
            ws.cell(row=row, column=score_column + 1).fill = colour
        if above_appetite(r.residual_score, appetite):
            ws.cell(row=row, column=16).fill = fill(GAP_FILL)
    ws.cell(row=1, column=16).comment = note(f"Residual score above the risk appetite ({appetite}).")
    ws.cell(row=1, column=17).comment = note(
        "Σ of the positive risk-adjusted NPVs (base scenario) of the initiatives the risk threatens."
    )


def business_cases(ws: Any, data: ExecutiveData, steps: Steps) -> None:
    """Per initiative with a business case: NPV, risk-adjusted NPV, IRR, payback, ROI; pessimistic and
    optimistic NPV; a portfolio total row."""
    columns = (
        Col("Key", 8, "key"),
        Col("Initiative", 40),
        Col("Status", 11),
        Col("Confidence", 12, "percent"),
        Col("Total benefit", 16, "money"),
        Col("Total cost", 16, "money"),
        Col("NPV", 18, "cents"),
        Col("Risk-adjusted NPV", 18, "cents"),
        Col("IRR", 10, "share"),
        Col("Payback (years)", 12, "years"),
        Col("ROI", 10, "share"),
        Col("NPV pessimistic", 18, "cents"),
        Col("NPV optimistic", 18, "cents"),
    )
    pessimistic = {i["key"]: i["npv"] for i in data.reports["pessimistic"]["initiatives"]}
    optimistic = {i["key"]: i["npv"] for i in data.reports["optimistic"]["initiatives"]}
    rows = [
        (
            i["key"],
            i["title"],
            i["status"],
            round(i["confidence"] * 100),
            i["total_benefit"],
            i["total_cost"],
            i["npv"],
            i["risk_adjusted_npv"],
            "n/a" if i["irr"] is None else i["irr"],
            "not within horizon" if i["payback_years"] is None else i["payback_years"],
            "n/a" if i["roi"] is None else i["roi"],
            pessimistic[i["key"]],
            optimistic[i["key"]],
        )
        for i in data.base["initiatives"]
    ]
    last = write_table(ws, columns, rows, data.settings.currency, steps)
    ws.freeze_panes = "C2"
    total = data.base["portfolio"]
    row = last + 1
    values = {
        2: f"Portfolio ({total['initiatives']:,} business cases)",
        5: total["total_benefit"],
        6: total["total_cost"],
        7: total["npv"],
        8: total["risk_adjusted_npv"],
        11: "n/a" if total["roi"] is None else total["roi"],
        12: data.reports["pessimistic"]["portfolio"]["npv"],
        13: data.reports["optimistic"]["portfolio"]["npv"],
    }
    bold = font(bold=True)
    for column, value in values.items():
        cell = ws.cell(row=row, column=column, value=value)
        cell.font = bold
        cell.number_format = ws.cell(row=max(2, last), column=column).number_format
    for column in range(1, len(columns) + 1):
        ws.cell(row=row, column=column).fill = fill(FORMULA_FILL)
    ws.cell(row=1, column=8).comment = note("NPV with every benefit multiplied by the confidence.")
