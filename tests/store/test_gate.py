"""The readiness gate: scaling/live need every score at the gate, or a reason stored with who/when."""

from __future__ import annotations

import getpass
from datetime import UTC, datetime, timedelta

import pytest

from align_desktop.domain.readiness import GateBlocked
from align_desktop.store.initiative_writes import current_user
from align_desktop.store.initiatives import InitiativeService
from align_desktop.store.settings import SettingsService
from align_desktop.store.workspace import Workspace

READY = {"readiness_data": 2, "readiness_model_risk": 3, "readiness_monitoring": 2, "readiness_compliance": 4}
LOW = READY | {"readiness_monitoring": 1, "readiness_data": 0}


@pytest.fixture
def service(workspace: Workspace) -> InitiativeService:
    service = InitiativeService(workspace)
    service.create({"title": "Low scores", "status": "pilot", **LOW})
    service.create({"title": "Ready", "status": "pilot", **READY})
    return service


def _override_count(workspace: Workspace) -> int:
    with workspace.read() as db:
        return int(db.execute("SELECT count(*) FROM gate_override").fetchone()[0])


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


@pytest.mark.parametrize("status", ["scaling", "live"])
def test_low_scores_block_the_move_and_change_nothing(
    service: InitiativeService, workspace: Workspace, status: str
) -> None:
    with pytest.raises(GateBlocked) as caught:
        service.update("I-001", {"status": status, "title": "changed too"})
    assert caught.value.failures == ["Data availability", "Monitoring"]
    assert caught.value.gate == 2
    assert f"I-001 cannot move to {status}" in str(caught.value)
    row = service.get("I-001")
    assert (row.status, row.title, row.gate_override) == ("pilot", "Low scores", None)
    assert _override_count(workspace) == 0


def test_a_blank_reason_is_no_reason(service: InitiativeService) -> None:
    with pytest.raises(GateBlocked):
        service.update("I-001", {"status": "scaling"}, override_reason="   \n ")


def test_scores_at_the_gate_pass_without_an_override(service: InitiativeService, workspace: Workspace) -> None:
    service.update("I-002", {"status": "scaling"}, override_reason="not needed")
    assert service.get("I-002").status == "scaling"
    assert service.get("I-002").gate_override is None
    assert _override_count(workspace) == 0


def test_raising_scores_in_the_same_change_passes(service: InitiativeService) -> None:
    service.update("I-001", {"status": "live", "readiness_data": 2, "readiness_monitoring": 3})
    assert service.get("I-001").status == "live"


def test_an_override_is_stored_with_who_and_when_and_undone(service: InitiativeService, workspace: Workspace) -> None:
    start = _now()
    revert = service.update("I-001", {"status": "scaling"}, override_reason="  Pilot results signed off  ")
    row = service.get("I-001")
    assert row.status == "scaling"
    override = row.gate_override
    assert override is not None
    assert (override.status, override.reason) == ("scaling", "Pilot results signed off")
    assert override.decided_by == current_user() == getpass.getuser()
    assert start - timedelta(seconds=1) <= override.decided_at <= _now() + timedelta(seconds=1)

    redo = revert()
    assert service.get("I-001").status == "pilot"
    assert service.get("I-001").gate_override is None
    assert _override_count(workspace) == 0

    undo_again = redo()
    assert service.get("I-001").status == "scaling"
    assert service.get("I-001").gate_override == override
    undo_again()
    assert service.get("I-001").gate_override is None


def test_scaling_to_live_needs_the_gate_again_and_shows_the_latest_override(
    service: InitiativeService,
) -> None:
    service.update("I-001", {"status": "scaling"}, override_reason="first")
    with pytest.raises(GateBlocked):
        service.update("I-001", {"status": "live"})
    revert = service.update("I-001", {"status": "live"}, override_reason="second")
    assert service.get("I-001").gate_override is not None
    assert service.get("I-001").gate_override.reason == "second"
    revert()
    override = service.get("I-001").gate_override
    assert override is not None
    assert (override.status, override.reason) == ("scaling", "first")


def test_other_edits_of_a_gated_initiative_need_no_new_override(service: InitiativeService) -> None:
    service.update("I-001", {"status": "live"}, override_reason="exec call")
    service.update("I-001", {"title": "Still low", "readiness_compliance": 0})
    assert service.get("I-001").gate_override is not None
    assert service.get("I-001").gate_override.reason == "exec call"


def test_the_workspace_gate_setting_is_the_threshold(workspace: Workspace, service: InitiativeService) -> None:
    SettingsService(workspace).update({"readiness_gate": 4})
    with pytest.raises(GateBlocked) as caught:
        service.update("I-002", {"status": "scaling"})
    assert caught.value.gate == 4
    SettingsService(workspace).update({"readiness_gate": 0})
    service.update("I-001", {"status": "scaling"})
    assert service.get("I-001").gate_override is None


def test_create_in_a_gated_status_is_gated_too(service: InitiativeService, workspace: Workspace) -> None:
    with pytest.raises(GateBlocked):
        service.create({"title": "Straight to live", "status": "live", **LOW})
    key, revert = service.create({"title": "Straight to live", "status": "live", **LOW}, override_reason="legacy")
    assert key == "I-003"
    override = service.get(key).gate_override
    assert override is not None
    assert (override.status, override.reason) == ("live", "legacy")
    revert()
    assert _override_count(workspace) == 0


def test_delete_and_restore_keeps_the_override(service: InitiativeService, workspace: Workspace) -> None:
    service.update("I-001", {"status": "scaling"}, override_reason="board decision")
    before = service.get("I-001")
    revert = service.delete("I-001")
    assert _override_count(workspace) == 0
    redo = revert()
    assert service.get("I-001") == before
    redo()
    assert _override_count(workspace) == 0
