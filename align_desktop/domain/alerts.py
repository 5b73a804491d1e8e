"""Alerts that keep the plan honest, computed from the workspace: each says what is wrong and what to do.

The "Now" lane is the board's first (leftmost) lane, whatever it is called.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import Enum

from align_desktop.domain.readiness import gate_failures
from align_desktop.domain.risk import above_appetite, review_overdue

PAST_DISCOVERY: frozenset[str] = frozenset({"experiment", "pilot", "scaling", "live"})
"""Statuses in which an initiative should have a business case."""

GATED: frozenset[str] = frozenset({"scaling", "live"})


class AlertKind(Enum):
    READINESS = "readiness gate"
    CAPABILITY_GAP = "capability gap"
    RISK_ABOVE_APPETITE = "risk above appetite"
    REVIEW_OVERDUE = "review overdue"
    CASE_MISSING = "business case missing"
    NEGATIVE_NPV = "negative NPV"


@dataclass(frozen=True)
class Alert:
    kind: AlertKind
    key: str
    """The item the alert is about: an initiative or a risk."""
    message: str
    action: str
    """What to do about it."""
    view: str
    """The view that shows the item (`board`, `roi`, `matrix`, `risks`)."""


@dataclass(frozen=True)
class InitiativeFacts:
    key: str
    title: str
    in_now: bool
    status: str
    readiness: dict[str, int]
    npv: float | None
    """Base-scenario NPV; None without a business case."""
    capability_gaps: tuple[str, ...] = ()
    """One line per needed capability below the required maturity."""


@dataclass(frozen=True)
class RiskFacts:
    key: str
    title: str
    residual_score: int
    status: str
    review_date: date | None


def initiative_alerts(facts: InitiativeFacts, gate: int) -> list[Alert]:
    """Readiness, capability, business-case and value alerts; none for a retired initiative."""
    if facts.status == "retired":
        return []
    alerts = []
    failures = gate_failures(facts.readiness, gate)
    if failures and (facts.in_now or facts.status in GATED):
        where = f"is {facts.status}" if facts.status in GATED else "is in the Now lane"
        alerts.append(
            Alert(
                AlertKind.READINESS,
                facts.key,
                f"{facts.key} {facts.title} {where} but {', '.join(failures)} "
                f"{'is' if len(failures) == 1 else 'are'} below the readiness gate ({gate}).",
                "Raise those readiness scores, or move it to a later lane or status.",
                "board",
            )
        )
    if facts.in_now and facts.capability_gaps:
        alerts.append(
            Alert(
                AlertKind.CAPABILITY_GAP,
                facts.key,
                f"{facts.key} {facts.title} is in the Now lane but needs more than the platform has: "
                + "; ".join(facts.capability_gaps)
                + ".",
                "Invest in those capabilities first, or move the initiative to a later lane.",
                "matrix",
            )
        )
    if facts.npv is None and facts.status in PAST_DISCOVERY:
        alerts.append(
            Alert(
                AlertKind.CASE_MISSING,
                facts.key,
                f"{facts.key} {facts.title} is in {facts.status} without a business case.",
                "Enter its costs, benefit and adoption on the ROI view.",
                "roi",
            )
        )
    if facts.npv is not None and facts.npv < 0:
        alerts.append(
            Alert(
                AlertKind.NEGATIVE_NPV,
                facts.key,
                f"{facts.key} {facts.title} loses value in the base scenario (NPV {facts.npv:,.0f}).",
                "Rework its business case or reconsider the initiative.",
                "roi",
            )
        )
    return alerts


def risk_alerts(facts: RiskFacts, appetite: int, today: date) -> list[Alert]:
    alerts = []
    if facts.status != "closed" and above_appetite(facts.residual_score, appetite):
        alerts.append(
            Alert(
                AlertKind.RISK_ABOVE_APPETITE,
                facts.key,
                f"{facts.key} {facts.title} has a residual score of {facts.residual_score}, "
                f"above the risk appetite of {appetite}.",
                "Strengthen its treatment, or accept it explicitly with a rationale and an expiry.",
                "risks",
            )
        )
    if review_overdue(facts.review_date, today, facts.status):
        alerts.append(
            Alert(
                AlertKind.REVIEW_OVERDUE,
                facts.key,
                f"{facts.key} {facts.title} was due for review on {facts.review_date:%Y-%m-%d}.",
                "Review it with its owner and set the next review date.",
                "risks",
            )
        )
    return alerts


def all_alerts(
    initiatives: Iterable[InitiativeFacts], risks: Iterable[RiskFacts], gate: int, appetite: int, today: date
) -> list[Alert]:
    """Every alert of the workspace: initiatives' first (board order), then risks'."""
    found = [alert for facts in initiatives for alert in initiative_alerts(facts, gate)]
    found += [alert for facts in risks for alert in risk_alerts(facts, appetite, today)]
    return found
