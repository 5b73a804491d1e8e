"""The register's rows as shown: cell texts, bands and marks, worked out once per reload.

`shown_risks` turns the service's `RegisterRows` into `ShownRisk`s; the table model then only
looks texts up. `sort_value` orders a column the way its values read: scores, ratings and value at
risk as numbers, dates by the calendar, keys naturally (R-009 before R-010), text ignoring case.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from align_desktop.domain.keys import key_sort_value
from align_desktop.domain.risk import (
    IMPACT_AREAS,
    RISK_CATEGORIES,
    RISK_STATUSES,
    SCALE_MAX,
    SCALE_MIN,
    TREATMENTS,
    above_appetite,
    band,
    review_overdue,
)
from align_desktop.reports.formatting import money_short
from align_desktop.store.rows import RegisterRows, RiskRow
from align_desktop.ui.capabilities.model import choice_text
from align_desktop.ui.risks.style import APPETITE_MARK


@dataclass(frozen=True)
class Column:
    field: str
    """The `RiskRow` field the column shows or edits; a few are worked out (scores, value, links)."""
    kind: str = "text"
    """key, text, choice, rating (1–5), score, money, date or count."""
    editable: bool = True


COLUMNS: tuple[Column, ...] = (
    Column("key", "key", editable=False),
    Column("title"),
    Column("category", "choice"),
    Column("impact_area", "choice"),
    Column("owner"),
    Column("status", "choice"),
    Column("treatment", "choice"),
    Column("likelihood", "rating"),
    Column("impact", "rating"),
    Column("inherent", "score", editable=False),
    Column("residual_likelihood", "rating"),
    Column("residual_impact", "rating"),
    Column("residual", "score", editable=False),
    Column("value_at_risk", "money", editable=False),
    Column("review_date", "date"),
    Column("links", "count", editable=False),
)
(
    KEY,
    TITLE,
    CATEGORY,
    IMPACT_AREA,
    OWNER,
    STATUS,
    TREATMENT,
    LIKELIHOOD,
    IMPACT,
    INHERENT,
    RESIDUAL_LIKELIHOOD,
    RESIDUAL_IMPACT,
    RESIDUAL,
    VALUE_AT_RISK,
    REVIEW,
    LINKS,
) = range(len(COLUMNS))
CHOICES: dict[str, tuple[str, ...]] = {
    "category": RISK_CATEGORIES,
    "impact_area": IMPACT_AREAS,
    "status": RISK_STATUSES,
    "treatment": TREATMENTS,
}


@dataclass(frozen=True)
class ShownRisk:
    """A risk with what its row shows and what the filters ask of it."""

    risk: RiskRow
    texts: tuple[str, ...]
    haystack: str
    """Key, title, owner and description, folded, for the text filter."""
    inherent_band: str
    residual_band: str
    above_appetite: bool
    """Not closed, and the residual score exceeds the workspace's appetite."""
    overdue: bool
    """Not closed, and the next review date has passed."""
    value_at_risk: float
    order: tuple[str, int, str]
    """Where the key sorts: R-009 before R-010 before R-1000."""

    @property
    def key(self) -> str:
        return self.risk.key

    @property
    def link_count(self) -> int:
        return len(self.risk.initiative_keys) + len(self.risk.capability_keys)


def score_text(score: int, band_name: str, marked: bool = False) -> str:
    """`12 high`; `⚠ 16 critical` when above appetite."""
    text = f"{score} {band_name}"
    return f"{APPETITE_MARK} {text}" if marked else text


def links_text(initiatives: int, capabilities: int) -> str:
    """`2 · 1`: initiatives, then capabilities it threatens; blank when none."""
    return f"{initiatives} · {capabilities}" if initiatives or capabilities else ""


def review_text(review_date: date | None, overdue: bool) -> str:
    if review_date is None:
        return ""
    return f"{review_date.isoformat()} overdue" if overdue else review_date.isoformat()


# worked out once: a register of 1,000 risks repeats these few texts
_SCORES = range(SCALE_MIN * SCALE_MIN, SCALE_MAX * SCALE_MAX + 1)
_BAND_OF = {value: band(value) for value in _SCORES}
_SCORE_TEXT = {
    (value, marked): score_text(value, _BAND_OF[value], marked) for value in _SCORES for marked in (False, True)
}
_CHOICE_TEXT = {value: choice_text(value) for values in CHOICES.values() for value in values}
_RATING_TEXT = {value: str(value) for value in range(SCALE_MIN, SCALE_MAX + 1)}


def shown_risk(risk: RiskRow, appetite: int, value: float, currency: str, today: date) -> ShownRisk:
    inherent = risk.likelihood * risk.impact
    residual = risk.residual_likelihood * risk.residual_impact
    closed = risk.status == "closed"
    above = not closed and above_appetite(residual, appetite)
    overdue = review_overdue(risk.review_date, today, risk.status)
    choices, ratings = _CHOICE_TEXT, _RATING_TEXT
    texts = (
        risk.key,
        risk.title,
        choices[risk.category],
        choices[risk.impact_area],
        risk.owner,
        choices[risk.status],
        choices[risk.treatment],
        ratings[risk.likelihood],
        ratings[risk.impact],
        _SCORE_TEXT[inherent, False],
        ratings[risk.residual_likelihood],
        ratings[risk.residual_impact],
        _SCORE_TEXT[residual, above],
        money_short(value, currency),
        review_text(risk.review_date, overdue),
        links_text(len(risk.initiative_keys), len(risk.capability_keys)),
    )
    haystack = "\n".join((risk.key, risk.title, risk.owner, risk.description)).casefold()
    return ShownRisk(
        risk, texts, haystack, _BAND_OF[inherent], _BAND_OF[residual], above, overdue, value, key_sort_value(risk.key)
    )


def shown_risks(register: RegisterRows, today: date) -> list[ShownRisk]:
    """Every risk of the register as a row, in key order."""
    appetite, currency = register.settings.risk_appetite, register.settings.currency
    values = register.value_at_risk
    return [shown_risk(risk, appetite, values.get(risk.key, 0.0), currency, today) for risk in register.risks]


def _text(field: str) -> Callable[[ShownRisk], Any]:
    return lambda shown: str(getattr(shown.risk, field)).casefold()


def sort_value(column: Column) -> Callable[[ShownRisk], Any]:
    """What orders `column`: numbers for scores and money, the calendar for dates, folded text otherwise."""
    if column.kind == "key":
        return lambda shown: shown.order
    if column.kind == "rating":
        return lambda shown: getattr(shown.risk, column.field)
    if column.field == "inherent":
        return lambda shown: shown.risk.inherent_score
    if column.field == "residual":
        return lambda shown: shown.risk.residual_score
    if column.kind == "money":
        # equal values (no business case yet) fall back on the residual score
        return lambda shown: (shown.value_at_risk, shown.risk.residual_score)
    if column.kind == "count":
        return lambda shown: shown.link_count
    if column.kind == "choice":
        return lambda shown: choice_text(getattr(shown.risk, column.field)).casefold()
    if column.kind == "date":
        return lambda shown: shown.risk.review_date
    return _text(column.field)


def is_blank(shown: ShownRisk, column: Column) -> bool:
    """Blank cells (no owner, no review date) sort last whichever the direction."""
    if column.kind == "date":
        return shown.risk.review_date is None
    if column.kind == "text":
        return not getattr(shown.risk, column.field)
    return False
