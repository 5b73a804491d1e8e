"""The dashboard's figures on the realistic sample equal what the domain computes from the other views' reads,
and the store's dashboard read is shared, yet never stale."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from align_desktop.domain.matrix import capability_metrics
from align_desktop.domain.portfolio import Assumptions, evaluate_case, totals
from align_desktop.domain.risk import above_appetite
from align_desktop.store.dashboard import DashboardService
from align_desktop.ui.dashboard.figures import TOP_CAPABILITIES, scenario_totals, value_by_outcome, work_out
from tests.ui.dashboard import TODAY


def test_portfolio_value_per_scenario_is_the_sum_of_the_cases_figures(open_sample: Any) -> None:
    rows = DashboardService(open_sample.workspace).read(TODAY)
    portfolio = open_sample.business_cases.portfolio()
    settings = portfolio.settings
    assumptions = Assumptions(settings.horizon, settings.discount_rate, settings.scenarios)
    figures = {
        row.initiative_key: evaluate_case(row.case(settings.horizon), assumptions)
        for row in portfolio.cases
        if row.exists
    }
    found = scenario_totals(rows)
    assert list(found) == ["pessimistic", "base", "optimistic"]
    for name, shown in found.items():
        expected = totals(figures, name, settings.horizon)
        assert shown.npv == pytest.approx(expected.npv, rel=1e-12)
        assert shown.risk_adjusted_npv == pytest.approx(expected.risk_adjusted_npv, rel=1e-12)
        assert shown.cash_flows == pytest.approx(expected.cash_flows, rel=1e-12)
    assert found["pessimistic"].npv < found["base"].npv < found["optimistic"].npv


def test_counts_gaps_and_risks_match_the_board_matrix_and_register(open_sample: Any) -> None:
    headline = work_out(DashboardService(open_sample.workspace).read(TODAY)).headline
    board = open_sample.initiatives.board()
    lane_names = {lane.id: lane.name for lane in board.lanes}
    assert headline.initiatives == len(board.initiatives) == 28
    assert headline.per_lane == {lane.name: 0 for lane in board.lanes} | Counter(
        lane_names[row.lane_id] for row in board.initiatives
    )
    assert {s: n for s, n in headline.per_status.items() if n} == Counter(row.status for row in board.initiatives)
    matrix = open_sample.capabilities.matrix()
    current = {capability.key: capability.current_maturity for capability in matrix.capabilities}
    metrics = capability_metrics(matrix.needs, current, {i.key: i.value for i in matrix.initiatives})
    assert headline.shortfalls == sum(len(m.blocked) for m in metrics.values()) > 0
    assert headline.capabilities_blocking == sum(1 for m in metrics.values() if m.blocked) > 0
    register = open_sample.risks.register()
    appetite = register.settings.risk_appetite
    open_risks = [risk for risk in register.risks if risk.status != "closed"]
    assert headline.open_risks == len(open_risks)
    assert headline.risks_above_appetite == 4  # the sample's README
    assert headline.risks_above_appetite == sum(above_appetite(r.residual_score, appetite) for r in open_risks)
    assert headline.alerts == 19
    assert headline.alerted == (8, 6)


def test_value_by_outcome_adds_up_to_the_risk_adjusted_npv(open_sample: Any) -> None:
    rows = DashboardService(open_sample.workspace).read(TODAY)
    names, values = value_by_outcome(rows)
    matrix = open_sample.capabilities.matrix()
    by_outcome: dict[str, float] = {}
    for initiative in matrix.initiatives:
        by_outcome[initiative.outcome] = by_outcome.get(initiative.outcome, 0.0) + initiative.value
    assert dict(zip(names, values, strict=True)) == pytest.approx(by_outcome)
    assert values == sorted(values, reverse=True)
    assert sum(values) == pytest.approx(scenario_totals(rows)["base"].risk_adjusted_npv)
    top_names, top_values = value_by_outcome(rows, top=4)
    assert top_names[:4] == names[:4]
    assert top_names[4] == "2 other outcomes"
    assert sum(top_values) == pytest.approx(sum(values))


def test_chart_inputs(open_sample: Any) -> None:
    rows = DashboardService(open_sample.workspace).read(TODAY)
    charts = work_out(rows).charts
    assert dict(charts.readiness) == rows.readiness
    board = open_sample.initiatives.board().initiatives
    for field, counts in rows.readiness.items():  # how many initiatives score 0 … 4, as the board's cards say
        assert counts == tuple(sum(1 for row in board if row.readiness[field] == score) for score in range(5))
    assert all(sum(counts) == len(board) for counts in rows.readiness.values())
    assert sum(n for _, n in charts.cells) == work_out(rows).headline.open_risks
    assert len(charts.points) == min(TOP_CAPABILITIES, len(rows.capabilities))
    values = [value for _, value, _ in charts.points]
    assert values == sorted(values, reverse=True)
    maturity = {capability.key: capability.current_maturity for capability in rows.capabilities}
    assert all(maturity[key] == level for key, _, level in charts.points)
    assert [name for name, _ in charts.flows] == ["pessimistic", "base", "optimistic"]


def test_the_read_is_shared_until_the_workspace_or_the_day_changes(open_sample: Any) -> None:
    service = DashboardService(open_sample.workspace)
    first = service.read(TODAY)
    assert DashboardService(open_sample.workspace).read(TODAY) is first  # the main window's count and the view
    assert service.alert_count(TODAY) == len(first.alerts) == 19
    later = service.read(TODAY.replace(year=2027))
    assert later is not first
    assert len(later.alerts) > len(first.alerts)  # more reviews overdue
    now_lane = open_sample.initiatives.board().lanes
    service.read(TODAY)
    open_sample.perform("Move", lambda: open_sample.initiatives.move("I-005", now_lane[2].id, 0))
    moved = service.read(TODAY)
    assert moved is not first
    assert not any(alert.key == "I-005" for alert in moved.alerts)  # no longer in Now
    assert service.alert_count(TODAY) == 17
    open_sample.undo_stack.undo()
    assert service.alert_count(TODAY) == 19
    service.forget()
    assert service.read(TODAY) is not first


def test_an_empty_workspace(workspace: Any) -> None:
    dashboard = work_out(DashboardService(workspace).read(TODAY))
    assert dashboard.headline.initiatives == 0
    assert dashboard.headline.scenarios["base"].npv == 0
    assert dashboard.charts.flows == ()
    assert dashboard.charts.outcomes == ()
    assert dashboard.headline.alerts == 0
