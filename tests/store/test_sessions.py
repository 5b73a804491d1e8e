"""Workshop sessions: plan, edit, delete, start and end, time spent per agenda item; each change undoable."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from align_desktop.domain.validation import ValidationError
from align_desktop.store.initiatives import InitiativeService
from align_desktop.store.sessions import SessionService
from align_desktop.store.snapshots import SnapshotService
from align_desktop.store.votes import VoteService
from align_desktop.store.workspace import Workspace

AGENDA = [(None, "Review the roadmap", 20), (None, "Vote on the next bets", 15), (None, "Decisions and actions", 10)]


def _plan(service: SessionService, title: str = "Q3 roadmap workshop") -> str:
    key, _ = service.create({"title": title, "held_on": "2026-12-01"}, ["Ann", "Ben", "Chidi"], AGENDA)
    return key


def _table(workspace: Workspace, sql: str) -> list[tuple[object, ...]]:
    with workspace.read() as db:
        return db.execute(sql).fetchall()


def test_a_session_is_planned_with_participants_in_order_and_a_time_boxed_agenda(workspace: Workspace) -> None:
    service = SessionService(workspace)
    key = _plan(service)
    assert key == "W-001"
    row = service.get(key)
    assert (row.title, row.held_on, row.state) == ("Q3 roadmap workshop", date(2026, 12, 1), "planned")
    assert row.participant_names == ["Ann", "Ben", "Chidi"]
    assert [(item.title, item.time_box_minutes, item.spent_seconds) for item in row.agenda] == [
        ("Review the roadmap", 20, 0),
        ("Vote on the next bets", 15, 0),
        ("Decisions and actions", 10, 0),
    ]
    assert _plan(service, "Second") == "W-002"
    assert [s.key for s in service.sessions()] == ["W-002", "W-001"]


@pytest.mark.parametrize(
    ("fields", "participants", "agenda", "field"),
    [
        ({"title": "  ", "held_on": "2026-12-01"}, [], [], "Title"),
        ({"title": "Plan", "held_on": "1 Dec"}, [], [], "Date"),
        ({"title": "Plan"}, [], [], "Date"),
        ({"title": "Plan", "held_on": "2026-12-01"}, ["Ann", "ann "], [], "Participants"),
        ({"title": "Plan", "held_on": "2026-12-01"}, [], [(None, "Talk", 0)], "Time box"),
        ({"title": "Plan", "held_on": "2026-12-01"}, [], [(None, "Talk", 601)], "Time box"),
        ({"title": "Plan", "held_on": "2026-12-01"}, [], [(None, "Talk", "ten")], "Time box"),
        ({"title": "Plan", "held_on": "2026-12-01"}, [], [(None, " ", 10)], "Agenda item"),
    ],
)
def test_bad_input_is_refused_by_field_and_nothing_is_stored(
    workspace: Workspace,
    fields: dict[str, object],
    participants: list[str],
    agenda: list[tuple[None, str, object]],
    field: str,
) -> None:
    service = SessionService(workspace)
    with pytest.raises(ValidationError) as refused:
        service.create(fields, participants, agenda)
    assert refused.value.field == field
    assert service.sessions() == []


def test_an_edit_is_one_undo_step_and_keeps_what_stays(workspace: Workspace) -> None:
    service = SessionService(workspace)
    key = _plan(service)
    before = service.get(key)
    first, second, third = before.agenda
    service.record_spent(key, first.id, 1250, second.id)
    revert = service.update(
        key,
        {"title": "Q3 planning", "held_on": "2026-12-02"},
        ["ben", "Dana"],  # Ann and Chidi leave, Ben's name is recased, Dana joins
        [(third.id, "Wrap up", 5), (first.id, "Review the roadmap", 25), (None, "Parking lot", 5)],
    )
    after = service.get(key)
    assert after.title == "Q3 planning" and after.held_on == date(2026, 12, 2)
    assert after.participant_names == ["ben", "Dana"]
    assert after.participants[0].id == before.participants[1].id
    assert [(i.title, i.time_box_minutes, i.spent_seconds) for i in after.agenda] == [
        ("Wrap up", 5, 0),
        ("Review the roadmap", 25, 1250),
        ("Parking lot", 5, 0),
    ]
    redo = revert()
    restored = service.get(key)
    assert restored.participant_names == before.participant_names
    assert [(i.title, i.time_box_minutes) for i in restored.agenda] == [
        (i.title, i.time_box_minutes) for i in before.agenda
    ]
    assert [i.spent_seconds for i in restored.agenda] == [1250, 0, 0]
    assert (restored.agenda[0].id, restored.agenda[2].id) == (first.id, third.id)
    assert second.title == restored.agenda[1].title
    redo()
    assert service.get(key).participant_names == ["ben", "Dana"]


def test_two_participants_may_swap_names(workspace: Workspace) -> None:
    service = SessionService(workspace)
    key, _ = service.create({"title": "Plan", "held_on": "2026-12-01"}, ["Ann", "Ben"], [])
    service.update(key, {}, ["Ben", "Ann"], [])
    assert service.get(key).participant_names == ["Ben", "Ann"]


def test_a_removed_participant_comes_back_with_their_dots_on_undo(workspace: Workspace, engine: str) -> None:
    service = SessionService(workspace)
    key, _ = service.create({"title": "Plan", "held_on": "2026-12-01"}, ["Ben", "Ann"], [])
    ann = service.get(key).participants[1].id
    with workspace.write() as session:
        connection = session.connection()
        connection.exec_driver_sql(
            "INSERT INTO vote (session_id, title, subject, dots_per_participant, created_at)"
            " SELECT id, 'Bets', 'initiative', 3, '2026-12-01 10:00:00' FROM workshop_session"
        )
        connection.execute(
            text(
                "INSERT INTO vote_dot (vote_id, participant_id, item_key) VALUES (1, :ann, 'I-001'), (1, :ann, 'I-002')"
            ),
            {"ann": ann},
        )
    revert = service.update(key, {}, ["Ben", "Cleo"], [])  # in a file, Cleo is given the id Ann had
    assert _table(workspace, "SELECT count(*) FROM vote_dot") == [(0,)]
    redo = revert()
    ann_again = service.get(key).participants[1]
    assert ann_again.name == "Ann"
    assert ann_again.id != ann or engine == "server"  # a server's sequence never hands an id out twice
    assert _table(workspace, "SELECT participant_id, item_key FROM vote_dot ORDER BY id") == [
        (ann_again.id, "I-001"),
        (ann_again.id, "I-002"),
    ]
    redo()()
    assert service.get(key).participant_names == ["Ben", "Ann"]
    assert _table(workspace, "SELECT count(*) FROM vote_dot") == [(2,)]


def test_starting_and_ending_take_snapshots_and_one_session_runs_at_a_time(workspace: Workspace) -> None:
    service = SessionService(workspace)
    key, other = _plan(service), _plan(service, "Another")
    undo_start = service.start(key)
    assert service.running() is not None and service.running().key == key  # type: ignore[union-attr]
    with pytest.raises(ValidationError, match="still running"):
        service.start(other)
    items = service.get(key).agenda
    undo_end = service.end(key, {items[0].id: 1300, items[1].id: 840})
    ended = service.get(key)
    assert ended.state == "ended" and service.running() is None
    assert [i.spent_seconds for i in ended.agenda] == [1300, 840, 0]
    assert _table(workspace, "SELECT reason, label, session_id IS NOT NULL FROM snapshot ORDER BY id") == [
        ("start", f"Start of {key} Q3 roadmap workshop", 1),
        ("end", f"End of {key} Q3 roadmap workshop", 1),
    ]
    with pytest.raises(ValidationError, match="already held"):
        service.start(key)
    redo_end = undo_end()
    assert service.get(key).state == "running"
    assert [i.spent_seconds for i in service.get(key).agenda] == [0, 0, 0]
    assert [r[0] for r in _table(workspace, "SELECT reason FROM snapshot")] == ["start"]
    redo_end()
    assert service.get(key).state == "ended"
    assert service.get(key).ended_at == ended.ended_at  # a redo keeps the time the session really ended
    service.start(other)
    assert service.running().key == other  # type: ignore[union-attr]
    with pytest.raises(ValidationError, match="only one session runs"):
        undo_end()
    assert callable(undo_start)


def test_undoing_a_start_plans_the_session_again_and_drops_its_snapshot(workspace: Workspace) -> None:
    service = SessionService(workspace)
    key = _plan(service)
    undo = service.start(key)
    started = service.get(key).started_at
    redo = undo()
    assert service.get(key).state == "planned"
    assert _table(workspace, "SELECT count(*) FROM snapshot") == [(0,)]
    redo()
    assert service.get(key).state == "running"
    assert service.get(key).started_at == started  # a redo keeps the time the session really started
    with pytest.raises(ValidationError, match="not running"):
        service.end(_plan(service, "Later"))


def test_changes_during_the_running_session_are_audited_under_it(workspace: Workspace) -> None:
    service = SessionService(workspace)
    initiatives = InitiativeService(workspace)
    initiative, _ = initiatives.create({"title": "Churn"})
    key = _plan(service)
    service.start(key)
    initiatives.update(initiative, {"status": "discovery"})
    assert _table(workspace, "SELECT s.key FROM audit_entry a JOIN workshop_session s ON s.id = a.session_id") == [
        (key,)
    ]


def test_time_spent_is_recorded_as_the_facilitator_moves_on_and_undone(workspace: Workspace) -> None:
    service = SessionService(workspace)
    key = _plan(service)
    item = service.get(key).agenda[1]
    revert = service.record_spent(key, item.id, 610, item.id)
    assert service.get(key).agenda[1].spent_seconds == 610
    assert [row.current for row in service.get(key).agenda] == [False, True, False]
    moved_on = service.record_spent(key, item.id, 700, service.get(key).agenda[2].id)
    assert [row.current for row in service.get(key).agenda] == [False, False, True]
    moved_on()
    assert service.get(key).agenda[1].spent_seconds == 610
    assert [row.current for row in service.get(key).agenda] == [False, True, False]
    revert()
    assert service.get(key).agenda[1].spent_seconds == 0
    assert not any(row.current for row in service.get(key).agenda)
    with pytest.raises(LookupError):
        service.record_spent(key, 9999, 10, None)
    with pytest.raises(LookupError):
        service.record_spent(key, item.id, 10, 9999)
    assert service.get(key).agenda[1].spent_seconds == 0


def test_deleting_a_session_takes_everything_of_it_and_undo_brings_it_all_back(workspace: Workspace) -> None:
    from align_desktop.store.log import LogService

    service = SessionService(workspace)
    initiative, _ = InitiativeService(workspace).create({"title": "Churn"})
    key = _plan(service)
    service.start(key)
    LogService(workspace).record("decision", {"text": "Go"}, [initiative])
    InitiativeService(workspace).update(initiative, {"status": "discovery"})
    tables = ("workshop_session", "session_participant", "agenda_item", "log_entry", "log_link", "snapshot")

    def everything() -> list[list[tuple[object, ...]]]:
        found = [_table(workspace, f"SELECT * FROM {table} ORDER BY 1") for table in tables]
        return [*found, _table(workspace, "SELECT id, session_id FROM audit_entry ORDER BY id")]

    before = everything()
    redo = service.delete(key)
    assert service.sessions() == []
    assert _table(workspace, "SELECT count(*) FROM log_entry") == [(0,)]
    assert _table(workspace, "SELECT session_id FROM snapshot") == [(None,)]
    redo_delete = redo()
    assert everything() == before
    redo_delete()
    assert service.sessions() == []


@pytest.mark.file_only  # a server checks every foreign key on each write; SQLite is asked here
def test_foreign_keys_stay_sound(workspace: Workspace) -> None:
    service = SessionService(workspace)
    key = _plan(service)
    service.update(key, {}, ["Ann"], [(None, "Only item", 30)])()
    with workspace.read() as db:
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_a_start_snapshot_another_is_built_on_stays_as_one_taken_by_hand_when_the_start_is_undone(
    workspace: Workspace,
) -> None:
    service = SessionService(workspace)
    key = _plan(service)
    undo_start = service.start(key)
    InitiativeService(workspace).create({"title": "Churn"})
    SnapshotService(workspace).take("During the session")
    undo_start()
    assert service.get(key).state == "planned"
    assert _table(workspace, "SELECT label, reason, session_id FROM snapshot ORDER BY id") == [
        (f"Start of {key} Q3 roadmap workshop (undone)", "manual", None),
        ("During the session", "manual", None),
    ]


def test_who_gave_dots_in_a_revealed_vote_stays_on_the_list(workspace: Workspace) -> None:
    service = SessionService(workspace)
    key = _plan(service)
    initiative, _ = InitiativeService(workspace).create({"title": "Churn"})
    service.start(key)
    votes = VoteService(workspace)
    vote, _ = votes.create(key, "What matters most?", "initiative", 2)
    ben = service.get(key).participants[1]
    votes.add_dot(vote, ben.id, initiative)
    service.update(key, {"title": "Q3 roadmap workshop"}, ["Ann", "Chidi"], AGENDA)()  # not revealed: allowed
    votes.reveal(vote)
    before = _table(workspace, "SELECT * FROM session_participant ORDER BY id")
    with pytest.raises(ValidationError, match="Ben gave dots in the revealed vote 'What matters most\\?'"):
        service.update(key, {"title": "Q3 roadmap workshop"}, ["Ann", "Chidi"], AGENDA)
    assert _table(workspace, "SELECT * FROM session_participant ORDER BY id") == before
