"""An item's history from the audit trail: every watched kind of change, named in the product's words,
with who made it, when and in which session."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from align_desktop.domain.history import field_label, value_text
from align_desktop.store.audit import AuditService
from align_desktop.store.business_cases import BusinessCaseService
from align_desktop.store.capabilities import CapabilityService
from align_desktop.store.initiatives import InitiativeService
from align_desktop.store.lock import current_user
from align_desktop.store.risks import RiskService
from align_desktop.store.votes import VoteService
from align_desktop.store.workspace import Workspace
from tests.store.session_rows import add_session, end_session


def changes(workspace: Workspace, key: str) -> list[tuple[str, str | None, str | None]]:
    """The item's history, oldest first: (field, old, new) of a change, (what, "added" or "removed", what it held)."""
    return [
        (entry.field, entry.old, entry.new)
        if entry.event == "changed"
        else (entry.field, entry.event, entry.old if entry.event == "removed" else entry.new)
        for entry in reversed(AuditService(workspace).history(key))
    ]


def test_lane_status_readiness_and_confidence_of_an_initiative(workspace: Workspace) -> None:
    service = InitiativeService(workspace)
    lanes = service.board().lanes
    key, _ = service.create({"title": "Churn"})
    service.move(key, lanes[1].id, 0)
    service.update(key, {"status": "discovery"})
    service.update(key, {"readiness_data": 3})
    service.update(key, {"readiness_model_risk": 2})
    service.update(key, {"confidence": 70})
    assert changes(workspace, key) == [
        ("Lane", "Now", "Next"),
        ("Status", "idea", "discovery"),
        ("Readiness: data", "0", "3"),
        ("Readiness: model risk", "0", "2"),
        ("Confidence", "50 %", "70 %"),
    ]


def test_business_case_inputs(workspace: Workspace) -> None:
    key, _ = InitiativeService(workspace).create({"title": "Churn"})
    cases = BusinessCaseService(workspace)
    cases.set_benefit(key, {"annual_benefit": 250000})
    cases.set_benefit(key, {"annual_benefit": 262500.5})
    cases.set_adoption(key, {1: 0.25})
    cases.set_benefit(key, {"benefit_uplift": 0.125, "benefit_baseline": 1000, "benefit_value_per_unit": 2})
    recorded = changes(workspace, key)
    assert recorded[:3] == [
        ("Business case", "added", "annual benefit 250,000"),
        ("Annual benefit at full adoption", "250,000", "262,500.50"),
        ("Adoption year 1", None, "25 %"),
    ]
    assert sorted(recorded[3:]) == [  # one UPDATE: its triggers fire in no promised order
        ("Annual benefit at full adoption", "262,500.50", "250"),  # the working sets the benefit
        ("Benefit working: baseline volume", None, "1,000"),
        ("Benefit working: uplift", None, "12.5 %"),
        ("Benefit working: value per unit", None, "2"),
    ]


def test_cost_lines_are_named_in_the_initiative_history(workspace: Workspace) -> None:
    key, _ = InitiativeService(workspace).create({"title": "Churn"})
    cases = BusinessCaseService(workspace)
    line, _ = cases.add_cost_line(key, {"category": "model training", "description": "GPU hours"}, {1: 30000})
    cases.update_cost_line(line, amounts={1: 35000})
    cases.update_cost_line(line, {"category": "deployment"})
    assert changes(workspace, key) == [
        (f"Cost line {line} (GPU hours)", "added", None),
        (f"Cost line {line} (GPU hours): year 1", "30,000", "35,000"),
        (f"Cost line {line} (GPU hours): category", "model training", "deployment"),
    ]
    cases.delete_cost_line(line)
    assert changes(workspace, key)[-1] == (f"Cost line {line} (GPU hours)", "removed", None)
    assert changes(workspace, key)[-2] == (f"Cost line {line}: category", "model training", "deployment")


def test_capability_maturity_and_status(workspace: Workspace) -> None:
    service = CapabilityService(workspace)
    key, _ = service.create({"name": "Feature store", "current_maturity": 2, "target_maturity": 4})
    service.update(key, {"current_maturity": 3, "status": "building"})
    service.update(key, {"target_maturity": 5})
    assert sorted(changes(workspace, key)[:2]) == [("Current maturity", "2", "3"), ("Status", "proposed", "building")]
    assert changes(workspace, key)[2] == ("Target maturity", "4", "5")


def test_risk_ratings_and_treatment(workspace: Workspace) -> None:
    service = RiskService(workspace)
    key, _ = service.create({"title": "Drift", "likelihood": 3, "impact": 3})
    service.update(key, {"residual_likelihood": 1})
    service.update(key, {"impact": 5})
    service.update(key, {"treatment": "transfer"})
    assert changes(workspace, key) == [
        ("Residual likelihood", "2", "1"),
        ("Impact", "3", "5"),
        ("Treatment", "mitigate", "transfer"),
    ]


def test_the_author_and_the_time_are_named(workspace: Workspace) -> None:
    service = InitiativeService(workspace)
    key, _ = service.create({"title": "Churn"})
    before = datetime.now(UTC)
    service.update(key, {"confidence": 60})
    workspace.author = "Dana Facilitator"
    service.update(key, {"confidence": 65})
    newest, oldest = AuditService(workspace).history(key)
    assert (oldest.who, newest.who) == (current_user(), "Dana Facilitator")
    assert before - timedelta(seconds=1) <= newest.when <= datetime.now(UTC) + timedelta(seconds=1)
    assert newest.when.tzinfo is UTC


def test_the_running_session_is_named_and_none_outside_one(workspace: Workspace) -> None:
    service = InitiativeService(workspace)
    key, _ = service.create({"title": "Churn"})
    service.update(key, {"status": "discovery"})
    add_session(workspace, "Q3 planning", ["Ana"])
    service.update(key, {"status": "experiment"})
    end_session(workspace)
    service.update(key, {"status": "pilot"})
    assert [entry.session_title for entry in AuditService(workspace).history(key)] == [None, "Q3 planning", None]


def test_a_vote_written_into_confidence_shows_in_each_history(workspace: Workspace) -> None:
    service = InitiativeService(workspace)
    first, _ = service.create({"title": "Churn"})
    second, _ = service.create({"title": "Search"})
    (ana,) = add_session(workspace, "Q3 planning", ["Ana"])
    votes = VoteService(workspace)
    vote_id, _ = votes.create("W-001", "Top", "initiative", 4)
    for key in (first, first, first, second):
        votes.add_dot(vote_id, ana, key)
    votes.reveal(vote_id)
    votes.write_scores(vote_id, "confidence")
    assert changes(workspace, first) == [("Confidence", "50 %", "100 %")]
    assert changes(workspace, second) == [("Confidence", "50 %", "33 %")]
    assert AuditService(workspace).history(first)[0].session_title == "Q3 planning"


def test_labels_and_values_in_the_domain() -> None:
    assert field_label("readiness_compliance") == "Readiness: compliance"
    assert field_label("adoption_10") == "Adoption year 10"
    assert field_label("amount_0", "L-004 (Feature pipeline)") == "Cost line L-004 (Feature pipeline): year 0"
    assert field_label("cost_line", "L-004") == "Cost line L-004"
    assert value_text("adoption_2", "0.75") == "75 %"
    assert value_text("amount_3", "1234.5") == "1,234.50"
    assert value_text("status", "pilot") == "pilot"
    assert value_text("benefit_unit", None) is None
