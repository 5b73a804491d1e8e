"""The decision log (decisions, actions, parking lot) with links to items, and retrospectives; each change undoable."""

from __future__ import annotations

from datetime import date

import pytest

from align_desktop.domain.validation import ValidationError
from align_desktop.store.capabilities import CapabilityService
from align_desktop.store.initiatives import InitiativeService
from align_desktop.store.log import LogService
from align_desktop.store.retrospectives import RetrospectiveService
from align_desktop.store.risks import RiskService
from align_desktop.store.sessions import SessionService
from align_desktop.store.workspace import Workspace


@pytest.fixture
def items(workspace: Workspace) -> dict[str, str]:
    """An initiative, a capability and a risk, and a running session."""
    initiative, _ = InitiativeService(workspace).create({"title": "Churn prediction"})
    capability, _ = CapabilityService(workspace).create({"name": "Feature store"})
    risk, _ = RiskService(workspace).create({"title": "Bias against thin-file customers"})
    sessions = SessionService(workspace)
    session, _ = sessions.create({"title": "Q3 workshop", "held_on": "2026-12-01"}, ["Ann"], [])
    sessions.start(session)
    return {"initiative": initiative, "capability": capability, "risk": risk, "session": session}


def test_entries_get_keys_by_kind_and_show_on_the_items_they_link_to(
    workspace: Workspace, items: dict[str, str]
) -> None:
    log = LogService(workspace)
    decision, _ = log.record("decision", {"text": "Build the feature store first"}, ["c-1", items["initiative"]])
    action, _ = log.record(
        "action", {"text": "Draft the bias review", "owner": "Ann", "due_on": "2026-12-15"}, [items["risk"]]
    )
    parked, _ = log.record("parking", {"text": "Pricing model?"})
    assert (decision, action, parked) == ("D-001", "A-001", "P-001")
    about_capability = log.about(items["capability"])
    assert [e.key for e in about_capability] == ["D-001"]
    entry = about_capability[0]
    assert entry.link_keys == [items["capability"], items["initiative"]]
    assert entry.links[0].title == "Feature store"
    assert (entry.session_key, entry.session_title, entry.recorded_by) == (
        items["session"],
        "Q3 workshop",
        workspace.author,
    )
    (risk_entry,) = log.about(items["risk"])
    assert (risk_entry.kind, risk_entry.owner, risk_entry.due_on, risk_entry.done) == (
        "action",
        "Ann",
        date(2026, 12, 15),
        False,
    )
    assert [e.key for e in log.session_log(items["session"])] == ["D-001", "A-001", "P-001"]


@pytest.mark.parametrize(
    ("kind", "fields", "links", "field"),
    [
        ("decision", {"text": " "}, [], "Text"),
        ("action", {"text": "Do it"}, [], "Owner"),
        ("action", {"text": "Do it", "owner": "Ann", "due_on": "next week"}, [], "Due date"),
        ("decision", {"text": "Go", "owner": "Ann"}, [], "Owner"),
        ("parking", {"text": "Later"}, ["X-1"], "Links"),
        ("parking", {"text": "Later"}, ["I-099"], "Links"),
    ],
)
def test_bad_entries_are_refused_by_field(
    workspace: Workspace, items: dict[str, str], kind: str, fields: dict[str, object], links: list[str], field: str
) -> None:
    log = LogService(workspace)
    with pytest.raises(ValidationError) as refused:
        log.record(kind, fields, links)
    assert refused.value.field == field
    assert log.session_log(items["session"]) == []


def test_nothing_is_recorded_without_a_running_session_unless_one_is_named(workspace: Workspace) -> None:
    sessions = SessionService(workspace)
    key, _ = sessions.create({"title": "Retro", "held_on": "2026-12-01"}, [], [])
    log = LogService(workspace)
    with pytest.raises(ValidationError, match="no session is running"):
        log.record("decision", {"text": "Go"})
    entry, _ = log.record("decision", {"text": "Go"}, session_key=key)
    assert [e.key for e in log.session_log(key)] == [entry]


def test_edit_mark_done_and_delete_are_each_undoable(workspace: Workspace, items: dict[str, str]) -> None:
    log = LogService(workspace)
    key, _ = log.record("action", {"text": "Size the GPU budget", "owner": "Ben"}, [items["initiative"]])
    revert = log.update(key, {"text": "Size the GPU budget for Q1", "due_on": "2027-01-10"}, [items["capability"]])
    (entry,) = log.session_log(items["session"])
    assert (entry.text, entry.due_on, entry.link_keys) == (
        "Size the GPU budget for Q1",
        date(2027, 1, 10),
        [items["capability"]],
    )
    revert()
    (entry,) = log.session_log(items["session"])
    assert (entry.text, entry.due_on, entry.link_keys) == ("Size the GPU budget", None, [items["initiative"]])
    undo_done = log.set_done(key, True)
    assert log.session_log(items["session"])[0].done
    undo_done()
    assert not log.session_log(items["session"])[0].done
    with pytest.raises(ValidationError, match="needs an owner"):
        log.update(key, {"owner": " "})
    redo_delete = log.delete(key)()
    assert [e.key for e in log.about(items["initiative"])] == [key]
    redo_delete()
    assert log.about(items["initiative"]) == []


def test_a_link_to_an_item_deleted_since_is_kept_and_shown_without_a_title(
    workspace: Workspace, items: dict[str, str]
) -> None:
    log = LogService(workspace)
    key, _ = log.record("decision", {"text": "Stop it"}, [items["initiative"], items["risk"]])
    InitiativeService(workspace).delete(items["initiative"])
    (entry,) = log.about(items["initiative"])
    assert entry.links[0].title is None
    log.update(key, {"text": "Stop it now"}, [items["initiative"], items["risk"]])
    assert log.about(items["risk"])[0].text == "Stop it now"


def test_a_retrospective_is_written_once_an_initiative_is_live(workspace: Workspace, items: dict[str, str]) -> None:
    key = items["initiative"]
    retrospectives = RetrospectiveService(workspace)
    with pytest.raises(ValidationError, match="once the initiative is live"):
        retrospectives.write(key, "Data was ready", "")
    InitiativeService(workspace).update(key, {"status": "live"}, "Shipped after review")
    undo_write = retrospectives.write(key, "Data was ready", "Monitoring came late")
    written = retrospectives.get(key)
    assert written is not None and (written.what_worked, written.what_failed) == (
        "Data was ready",
        "Monitoring came late",
    )
    assert written.written_by == workspace.author
    undo_edit = retrospectives.write(key, "Data was ready", "Alerts were noisy")
    redo_edit = undo_edit()
    assert retrospectives.get(key) == written
    redo_write = undo_write()
    assert retrospectives.get(key) is None
    redo_write()
    redo_edit()
    assert retrospectives.get(key).what_failed == "Alerts were noisy"  # type: ignore[union-attr]
    InitiativeService(workspace).update(key, {"status": "retired"})
    undo_remove = retrospectives.write(key, " ", "")  # still editable once retired; blank removes it
    assert retrospectives.get(key) is None
    undo_remove()
    assert retrospectives.get(key).what_worked == "Data was ready"  # type: ignore[union-attr]


def test_deleting_an_initiative_and_undoing_keeps_its_retrospective(
    workspace: Workspace, items: dict[str, str]
) -> None:
    key = items["initiative"]
    InitiativeService(workspace).update(key, {"status": "live"}, "Shipped")
    RetrospectiveService(workspace).write(key, "Good data", "Late monitoring")
    InitiativeService(workspace).delete(key)()
    assert RetrospectiveService(workspace).get(key) is not None
