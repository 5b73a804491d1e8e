"""Workbook format v1: the sheets and columns exports write and imports read (DESIGN.md).

Row 1 of every table sheet is the header; headers are matched ignoring case and surrounding
spaces. The first column of every sheet of items is `Key`, a text cell. Choice columns match
ignoring case. Each column names the item field it carries, so exporters and the importer share
one definition. Years run 0 … H (the workspace horizon): `Year 0` … `Year H` for cost lines,
`Adoption Year 1` … `Adoption Year H` for benefits.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

FORMAT_VERSION = 1


class Kind(Enum):
    """How a column's cells are written and read."""

    TEXT = "text"
    KEY = "key"
    """An item key, always a text cell (never a number)."""
    KEYS = "keys"
    """Several keys in one cell, separated by commas."""
    NUMBER = "number"
    MONEY = "money"
    """A number in the workspace currency."""
    WHOLE = "whole"
    """A whole number, such as a score or a level."""
    SHARE = "share"
    """A fraction shown as a percentage: 0.25 or 25 % both read as 25 %."""
    PERCENT = "percent"
    """A whole percentage 0–100 (confidence), shown as a number with a % format."""
    CHOICE = "choice"
    DATE = "date"


@dataclass(frozen=True)
class Column:
    header: str
    field: str
    """The item field (as the store's services name it) the column carries."""
    kind: Kind = Kind.TEXT
    width: int = 14
    """Column width in characters, for exports."""


@dataclass(frozen=True)
class Sheet:
    name: str
    columns: tuple[Column, ...]

    def column(self, field: str) -> Column:
        return next(c for c in self.columns if c.field == field)


ASSUMPTIONS = "Assumptions"
"""Sheet of name/value pairs (A: name, B: value) rather than a table of items."""

ASSUMPTION_ROWS: tuple[Column, ...] = (
    Column("Workspace name", "name"),
    Column("Currency", "currency"),
    Column("Discount rate", "discount_rate", Kind.SHARE),
    Column("Horizon (years)", "horizon", Kind.WHOLE),
    Column("Readiness gate", "readiness_gate", Kind.WHOLE),
    Column("Risk appetite", "risk_appetite", Kind.WHOLE),
    Column("Pessimistic benefits ×", "pessimistic_benefit", Kind.NUMBER),
    Column("Pessimistic costs ×", "pessimistic_cost", Kind.NUMBER),
    Column("Optimistic benefits ×", "optimistic_benefit", Kind.NUMBER),
    Column("Optimistic costs ×", "optimistic_cost", Kind.NUMBER),
    Column("Lanes", "lanes"),
)
"""The rows of the Assumptions sheet: column A holds the header, column B the value.

`Lanes` lists the board's lanes left to right, separated by semicolons.
"""

OUTCOMES = Sheet(
    "Outcomes",
    (
        Column("Key", "key", Kind.KEY, 8),
        Column("Name", "name", width=36),
        Column("Metric", "metric", width=30),
        Column("Baseline", "baseline", Kind.NUMBER),
        Column("Target", "target", Kind.NUMBER),
        Column("Unit", "unit", width=10),
        Column("Owner", "owner", width=20),
        Column("Description", "description", width=50),
    ),
)

INITIATIVES = Sheet(
    "Initiatives",
    (
        Column("Key", "key", Kind.KEY, 8),
        Column("Title", "title", width=40),
        Column("Outcome key", "outcome_key", Kind.KEY, 11),
        Column("Lane", "lane", width=12),
        Column("Status", "status", Kind.CHOICE, 12),
        Column("ML decision point", "decision_point", Kind.CHOICE, 18),
        Column("Team", "team", width=20),
        Column("Owner", "owner", width=20),
        Column("Data availability", "readiness_data", Kind.WHOLE, 10),
        Column("Model risk", "readiness_model_risk", Kind.WHOLE, 10),
        Column("Monitoring", "readiness_monitoring", Kind.WHOLE, 10),
        Column("Compliance", "readiness_compliance", Kind.WHOLE, 10),
        Column("Confidence", "confidence", Kind.PERCENT, 11),
        Column("Description", "description", width=50),
        Column("Success criteria", "success_criteria", width=40),
        Column("Acceptable failure modes", "acceptable_failure_modes", width=40),
        Column("Assumptions", "assumptions", width=40),
    ),
)
"""Rows are in board order: by lane, then position; a new row goes to the end of its lane."""

CAPABILITIES = Sheet(
    "Capabilities",
    (
        Column("Key", "key", Kind.KEY, 8),
        Column("Name", "name", width=32),
        Column("Category", "category", Kind.CHOICE, 16),
        Column("Status", "status", Kind.CHOICE, 12),
        Column("Owner", "owner", width=22),
        Column("Current maturity", "current_maturity", Kind.WHOLE, 10),
        Column("Target maturity", "target_maturity", Kind.WHOLE, 10),
        Column("Annual run cost", "annual_run_cost", Kind.MONEY),
        Column("Cost owner", "cost_owner", width=22),
        Column("SLA target", "sla_target", width=30),
        Column("Performance metric", "performance_metric", width=30),
        Column("Description", "description", width=50),
    ),
)

CAPABILITY_NEEDS = Sheet(
    "Capability needs",
    (
        Column("Initiative key", "initiative_key", Kind.KEY, 12),
        Column("Capability key", "capability_key", Kind.KEY, 12),
        Column("Required level", "level", Kind.WHOLE, 12),
    ),
)
"""One row per need; a pair absent from the sheet is left alone (a blank level removes it)."""

RISKS = Sheet(
    "Risks",
    (
        Column("Key", "key", Kind.KEY, 8),
        Column("Title", "title", width=40),
        Column("Description", "description", width=50),
        Column("Category", "category", Kind.CHOICE, 14),
        Column("Business impact area", "impact_area", Kind.CHOICE, 16),
        Column("Likelihood", "likelihood", Kind.WHOLE, 10),
        Column("Impact", "impact", Kind.WHOLE, 10),
        Column("Residual likelihood", "residual_likelihood", Kind.WHOLE, 10),
        Column("Residual impact", "residual_impact", Kind.WHOLE, 10),
        Column("Treatment", "treatment", Kind.CHOICE, 11),
        Column("Mitigation plan", "mitigation_plan", width=40),
        Column("Trigger", "trigger", width=30),
        Column("Owner", "owner", width=20),
        Column("Status", "status", Kind.CHOICE, 11),
        Column("Next review", "review_date", Kind.DATE, 12),
        Column("Acceptance rationale", "acceptance_rationale", width=40),
        Column("Acceptance expires", "acceptance_expiry", Kind.DATE, 12),
        Column("Initiatives", "initiative_keys", Kind.KEYS, 20),
        Column("Capabilities", "capability_keys", Kind.KEYS, 16),
    ),
)


def benefits_sheet(horizon: int) -> Sheet:
    """`Benefits` for years 1 … `horizon` (adoption in year 0 is not exchanged: it is 0 unless set)."""
    return Sheet(
        "Benefits",
        (
            Column("Initiative key", "initiative_key", Kind.KEY, 12),
            Column("Initiative", "title", width=36),
            Column("Annual benefit at full adoption", "annual_benefit", Kind.MONEY, 16),
            Column("Confidence", "confidence", Kind.PERCENT, 11),
            *(Column(f"Adoption Year {t}", f"adoption_{t}", Kind.SHARE, 10) for t in range(1, horizon + 1)),
            Column("Baseline volume", "benefit_baseline", Kind.NUMBER, 14),
            Column("Uplift", "benefit_uplift", Kind.SHARE, 10),
            Column("Value per unit", "benefit_value_per_unit", Kind.MONEY, 12),
            Column("Unit", "benefit_unit", width=12),
        ),
    )


def cost_lines_sheet(horizon: int) -> Sheet:
    """`Cost lines` with an amount for each year 0 … `horizon`."""
    return Sheet(
        "Cost lines",
        (
            Column("Key", "key", Kind.KEY, 8),
            Column("Initiative key", "initiative_key", Kind.KEY, 12),
            Column("Category", "category", Kind.CHOICE, 18),
            Column("Description", "description", width=36),
            *(Column(f"Year {t}", f"amount_{t}", Kind.MONEY, 12) for t in range(horizon + 1)),
        ),
    )


ITEM_SHEETS: tuple[Sheet, ...] = (OUTCOMES, INITIATIVES, CAPABILITIES, CAPABILITY_NEEDS, RISKS)
"""The sheets whose columns do not depend on the horizon."""

WORKBOOK_SHEETS = (
    ASSUMPTIONS,
    OUTCOMES.name,
    INITIATIVES.name,
    CAPABILITIES.name,
    CAPABILITY_NEEDS.name,
    RISKS.name,
    "Benefits",
    "Cost lines",
)
"""The sheets of the `workbook` export, in order: everything editable."""
