"""Tooltips of the register: what a score, a mark, a value at risk or a link count stands for.

Worked out only when the pointer rests on a cell, so they cost nothing while the table paints.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject

from align_desktop.reports.formatting import money
from align_desktop.ui.risks import display
from align_desktop.ui.risks.display import ShownRisk

_LISTED = 12
"""A tooltip lists this many linked items, then says how many more."""


class Tips(QObject):
    """Tooltips of the register's cells and headers, given the workspace's appetite, currency and names."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.appetite = 0
        self.currency = ""
        self.today = date.min
        self.names: dict[str, str] = {}
        """Title of every initiative and name of every capability, by key."""
        self._headers = {
            display.LIKELIHOOD: self.tr("Likelihood before treatment: 1 (rare) to 5 (almost certain)"),
            display.IMPACT: self.tr("Impact before treatment: 1 (minor) to 5 (severe)"),
            display.INHERENT: self.tr("Inherent score: likelihood × impact before treatment, with its band"),
            display.RESIDUAL_LIKELIHOOD: self.tr("Residual likelihood, after treatment: 1 to 5"),
            display.RESIDUAL_IMPACT: self.tr("Residual impact, after treatment: 1 to 5"),
            display.RESIDUAL: self.tr(
                "Residual score: likelihood × impact after treatment; ⚠ marks open risks above the risk appetite"
            ),
            display.VALUE_AT_RISK: self.tr(
                "Risk-adjusted NPV of the initiatives the risk threatens (base scenario); click to order by it"
            ),
            display.REVIEW: self.tr("Next review date; marked overdue when it has passed and the risk is not closed"),
            display.LINKS: self.tr("Initiatives · capabilities the risk threatens"),
        }

    def header(self, column: int) -> str | None:
        return self._headers.get(column)

    def cell(self, shown: ShownRisk, column: int) -> str | None:
        risk = shown.risk
        if column == display.TITLE:
            return f"{risk.title}\n\n{risk.description}" if risk.description else risk.title
        if column == display.INHERENT:
            return self.tr("Inherent: likelihood {0} × impact {1} = {2}, {3}").format(
                risk.likelihood, risk.impact, risk.inherent_score, shown.inherent_band
            )
        if column == display.RESIDUAL:
            text = self.tr("Residual: likelihood {0} × impact {1} = {2}, {3}").format(
                risk.residual_likelihood, risk.residual_impact, risk.residual_score, shown.residual_band
            )
            if shown.above_appetite:
                text += "\n" + self.tr("Above the risk appetite of {0}").format(self.appetite)
            return text
        if column == display.REVIEW and shown.overdue and risk.review_date is not None:
            days = (self.today - risk.review_date).days
            return self.tr("The review was due on {0}: {1} overdue").format(
                risk.review_date.isoformat(), self.tr("1 day") if days == 1 else self.tr("{0} days").format(days)
            )
        if column == display.VALUE_AT_RISK:
            return self._value_tip(shown)
        if column == display.LINKS:
            return self._links_tip(shown)
        if column == display.OWNER and risk.owner:
            return risk.owner
        return None

    def _value_tip(self, shown: ShownRisk) -> str:
        if not shown.risk.initiative_keys:
            return self.tr("Threatens no initiative, so no value is at risk")
        if not shown.value_at_risk:
            return self.tr("The initiatives it threatens have no positive risk-adjusted NPV yet")
        return self.tr("{0}: the positive risk-adjusted NPVs of the initiatives it threatens").format(
            money(shown.value_at_risk, self.currency)
        )

    def _links_tip(self, shown: ShownRisk) -> str:
        keys = (*shown.risk.initiative_keys, *shown.risk.capability_keys)
        if not keys:
            return self.tr("Linked to no initiative or capability")
        lines = [f"{key} {self.names.get(key, '')}".rstrip() for key in keys[:_LISTED]]
        if len(keys) > _LISTED:
            lines.append(self.tr("and {0} more").format(len(keys) - _LISTED))
        return self.tr("Threatens:") + "\n" + "\n".join(lines)
