"""The alert rules: one case per rule, the retired exemption, the gate failures listed, closed risks
left alone, overdue reviews against an injected day; and (through the store's dashboard read)
that "Now" is the board's first lane whatever it is called."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from align_desktop.domain.alerts import (
    AlertKind,
    InitiativeFacts,
    RiskFacts,
    all_alerts,
    initiative_alerts,
    risk_alerts,
)

GATE = 2
APPETITE = 9
TODAY = date(2026, 5, 1)


def scores(data: int = 3, model_risk: int = 3, monitoring: int = 3, compliance: int = 3) -> dict[str, int]:
    return {
        "readiness_data": data,
        "readiness_model_risk": model_risk,
        "readiness_monitoring": monitoring,
        "readiness_compliance": compliance,
    }


def initiative(**changes: Any) -> InitiativeFacts:
    """A healthy initiative in a later lane: no alert unless a test changes something."""
    values: dict[str, Any] = {
        "key": "I-001",
        "title": "Search ranking",
        "in_now": False,
        "status": "pilot",
        "readiness": scores(),
        "npv": 100_000.0,
        "capability_gaps": (),
    }
    return InitiativeFacts(**(values | changes))


def risk(**changes: Any) -> RiskFacts:
    values: dict[str, Any] = {
        "key": "R-001",
        "title": "Model drift",
        "residual_score": 6,
        "status": "open",
        "review_date": date(2026, 6, 30),
    }
    return RiskFacts(**(values | changes))


def kinds(alerts: list[Any]) -> list[AlertKind]:
    return [alert.kind for alert in alerts]


def test_a_healthy_initiative_and_risk_raise_nothing() -> None:
    assert initiative_alerts(initiative(), GATE) == []
    assert initiative_alerts(initiative(in_now=True), GATE) == []
    assert risk_alerts(risk(), APPETITE, TODAY) == []


class TestReadinessGate:
    def test_now_lane_initiative_below_the_gate(self) -> None:
        (alert,) = initiative_alerts(initiative(in_now=True, readiness=scores(monitoring=1)), GATE)
        assert alert.kind is AlertKind.READINESS
        assert alert.key == "I-001"
        assert alert.view == "board"
        assert alert.message == (
            "I-001 Search ranking is in the Now lane but Monitoring is below the readiness gate (2)."
        )
        assert alert.action

    @pytest.mark.parametrize("status", ["scaling", "live"])
    def test_scaling_or_live_initiative_below_the_gate_in_any_lane(self, status: str) -> None:
        (alert,) = initiative_alerts(initiative(status=status, readiness=scores(data=0)), GATE)
        assert alert.kind is AlertKind.READINESS
        assert f"is {status} but Data availability is below" in alert.message

    def test_lists_every_failing_score_in_vocabulary_order(self) -> None:
        facts = initiative(in_now=True, readiness=scores(compliance=0, data=1, monitoring=1))
        (alert,) = initiative_alerts(facts, GATE)
        assert "but Data availability, Monitoring, Compliance are below the readiness gate (2)." in alert.message

    def test_a_score_at_the_gate_passes(self) -> None:
        assert initiative_alerts(initiative(in_now=True, readiness=scores(2, 2, 2, 2)), GATE) == []

    def test_a_later_lane_idea_below_the_gate_is_not_alerted(self) -> None:
        assert initiative_alerts(initiative(status="idea", readiness=scores(0, 0, 0, 0)), GATE) == []


class TestCapabilityGap:
    GAPS = ("C-003 Feature store: needs level 4, is at 2", "C-008 Monitoring: needs level 3, is at 2")

    def test_now_lane_initiative_needing_more_than_the_platform_has(self) -> None:
        (alert,) = initiative_alerts(initiative(in_now=True, capability_gaps=self.GAPS), GATE)
        assert alert.kind is AlertKind.CAPABILITY_GAP
        assert alert.view == "matrix"
        assert alert.message == (
            "I-001 Search ranking is in the Now lane but needs more than the platform has: "
            "C-003 Feature store: needs level 4, is at 2; C-008 Monitoring: needs level 3, is at 2."
        )

    def test_gaps_outside_the_now_lane_are_not_alerted(self) -> None:
        assert initiative_alerts(initiative(status="live", capability_gaps=self.GAPS), GATE) == []


class TestBusinessCase:
    @pytest.mark.parametrize("status", ["experiment", "pilot", "scaling", "live"])
    def test_missing_past_discovery(self, status: str) -> None:
        (alert,) = initiative_alerts(initiative(status=status, npv=None), GATE)
        assert alert.kind is AlertKind.CASE_MISSING
        assert alert.view == "roi"
        assert alert.message == f"I-001 Search ranking is in {status} without a business case."

    @pytest.mark.parametrize("status", ["idea", "discovery"])
    def test_not_needed_up_to_discovery(self, status: str) -> None:
        assert initiative_alerts(initiative(status=status, npv=None), GATE) == []

    def test_negative_base_npv(self) -> None:
        (alert,) = initiative_alerts(initiative(status="idea", npv=-94_369.4), GATE)
        assert alert.kind is AlertKind.NEGATIVE_NPV
        assert alert.message == "I-001 Search ranking loses value in the base scenario (NPV -94,369)."

    def test_zero_npv_is_not_negative(self) -> None:
        assert initiative_alerts(initiative(npv=0.0), GATE) == []


def test_a_retired_initiative_raises_nothing_whatever_its_state() -> None:
    facts = initiative(
        status="retired",
        in_now=True,
        readiness=scores(0, 0, 0, 0),
        npv=-1_000.0,
        capability_gaps=("C-001 Ingestion: needs level 5, is at 1",),
    )
    assert initiative_alerts(facts, GATE) == []


def test_one_initiative_can_raise_several_alerts_in_rule_order() -> None:
    facts = initiative(
        in_now=True, readiness=scores(data=0), npv=-5.0, capability_gaps=("C-001 Ingestion: needs 3, is at 1",)
    )
    assert kinds(initiative_alerts(facts, GATE)) == [
        AlertKind.READINESS,
        AlertKind.CAPABILITY_GAP,
        AlertKind.NEGATIVE_NPV,
    ]


class TestRisks:
    def test_residual_above_appetite(self) -> None:
        (alert,) = risk_alerts(risk(residual_score=12), APPETITE, TODAY)
        assert alert.kind is AlertKind.RISK_ABOVE_APPETITE
        assert alert.view == "risks"
        assert alert.message == "R-001 Model drift has a residual score of 12, above the risk appetite of 9."

    def test_residual_at_appetite_is_acceptable(self) -> None:
        assert risk_alerts(risk(residual_score=APPETITE), APPETITE, TODAY) == []

    @pytest.mark.parametrize("status", ["mitigating", "accepted"])
    def test_open_in_any_way_but_closed_is_alerted(self, status: str) -> None:
        assert kinds(risk_alerts(risk(residual_score=16, status=status), APPETITE, TODAY)) == [
            AlertKind.RISK_ABOVE_APPETITE
        ]

    def test_a_closed_risk_is_never_alerted(self) -> None:
        closed = risk(residual_score=25, status="closed", review_date=date(2020, 1, 1))
        assert risk_alerts(closed, APPETITE, TODAY) == []

    def test_review_overdue_against_the_day_given(self) -> None:
        due = risk(review_date=date(2026, 4, 30))
        (alert,) = risk_alerts(due, APPETITE, TODAY)
        assert alert.kind is AlertKind.REVIEW_OVERDUE
        assert alert.message == "R-001 Model drift was due for review on 2026-04-30."
        # the same risk, a day earlier: due today is not overdue
        assert risk_alerts(due, APPETITE, date(2026, 4, 30)) == []

    def test_no_review_date_is_never_overdue(self) -> None:
        assert risk_alerts(risk(review_date=None), APPETITE, date(2099, 1, 1)) == []


def test_all_alerts_lists_initiatives_first_then_risks() -> None:
    found = all_alerts(
        [initiative(key="I-002", npv=-1.0), initiative(key="I-001", status="live", readiness=scores(data=0))],
        [risk(key="R-009", residual_score=20), risk(key="R-001", review_date=date(2026, 1, 1))],
        GATE,
        APPETITE,
        TODAY,
    )
    assert [(alert.key, alert.kind) for alert in found] == [
        ("I-002", AlertKind.NEGATIVE_NPV),
        ("I-001", AlertKind.READINESS),
        ("R-009", AlertKind.RISK_ABOVE_APPETITE),
        ("R-001", AlertKind.REVIEW_OVERDUE),
    ]


class TestNowIsTheFirstLane:
    """The store decides which initiatives are "in Now": those of the leftmost lane, by position."""

    def alerted(self, workspace: Any) -> dict[str, list[AlertKind]]:
        from align_desktop.store.dashboard import DashboardService

        found: dict[str, list[AlertKind]] = {}
        for alert in DashboardService(workspace).read(TODAY).alerts:
            found.setdefault(alert.key, []).append(alert.kind)
        return found

    def test_renamed_and_reordered_lanes(self, workspace: Any) -> None:
        from align_desktop.store.initiatives import InitiativeService
        from align_desktop.store.settings import SettingsService

        settings, initiatives = SettingsService(workspace), InitiativeService(workspace)
        first, second, third = settings.lanes()
        low = {"readiness_monitoring": 0}
        left, _ = initiatives.create({"title": "In the first lane"} | low, first.id)
        right, _ = initiatives.create({"title": "In the last lane"} | low, third.id)
        assert self.alerted(workspace) == {left: [AlertKind.READINESS]}

        settings.set_lanes([(first.id, "Q3 2027"), (second.id, "Q4 2027"), (third.id, "Q1 2027")])
        assert self.alerted(workspace) == {left: [AlertKind.READINESS]}  # renamed, still first

        settings.set_lanes([(third.id, "Q1 2027"), (first.id, "Q3 2027"), (second.id, "Q4 2027")])
        assert self.alerted(workspace) == {right: [AlertKind.READINESS]}  # moved leftmost: now "Now"
