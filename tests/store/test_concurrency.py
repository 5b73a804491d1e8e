"""Optimistic concurrency: each item's version, made new by every write path, and edits against an old one refused.

Everything here runs on a workspace file and on a team workspace; the last tests run two Align Desktop
processes against one team workspace.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from align_desktop.store.business_cases import BusinessCaseService
from align_desktop.store.capabilities import CapabilityService
from align_desktop.store.changes import Revert
from align_desktop.store.errors import StaleEdit
from align_desktop.store.imports import ImportChanges, ImportService, ItemEdit
from align_desktop.store.initiatives import InitiativeService
from align_desktop.store.log import LogService
from align_desktop.store.outcomes import OutcomeService
from align_desktop.store.rescue import rescue
from align_desktop.store.risks import RiskService
from align_desktop.store.server import ServerAddress
from align_desktop.store.server_workspace import ServerWorkspace
from align_desktop.store.sessions import SessionService
from align_desktop.store.snapshots import SnapshotService
from align_desktop.store.votes import VoteService
from align_desktop.store.workspace import Workspace
from tests.postgres import Cluster

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
REPOSITORY = Path(__file__).resolve().parents[2]


def _versions(workspace: Workspace) -> dict[str, int]:
    return {row.key: row.version for row in InitiativeService(workspace).board().initiatives}


STAMPS = {
    "initiative": "SELECT version, changed_by, changed_at FROM initiative WHERE key = ?",
    "outcome": "SELECT version, changed_by, changed_at FROM outcome WHERE key = ?",
    "business case": "SELECT bc.version, bc.changed_by, bc.changed_at FROM business_case bc "
    "JOIN initiative i ON i.id = bc.initiative_id WHERE i.key = ?",
}


def _stamp(workspace: Workspace, key: str, kind: str = "initiative") -> tuple[int, str, datetime | None]:
    """An item's version, who made it and when, as stored (the rows the services read carry the version only)."""
    with workspace.read() as db:
        version, who, at = db.execute(STAMPS[kind], (key,)).fetchone()
    return version, who, None if at is None else datetime.fromisoformat(at)


def _session(workspace: Workspace) -> str:
    key, _ = SessionService(workspace).create(
        {"title": "Q1 review", "held_on": date(2026, 11, 26)}, ["Ann", "Ben"], [(None, "Vote", 15)]
    )
    return key


def test_a_new_item_is_at_version_one_stamped_with_its_author(workspace: Workspace) -> None:
    workspace.author = "Dana"
    service = InitiativeService(workspace)
    key, _ = service.create({"title": "Churn"})
    version, who, at = _stamp(workspace, key)
    assert (version, who, service.get(key).version) == (1, "Dana", 1)
    assert at is not None
    assert abs(at - datetime.now(UTC).replace(tzinfo=None)) < timedelta(minutes=1)


def test_an_update_is_a_new_version_naming_who_made_it_and_when(sample_workspace: Workspace) -> None:
    service = InitiativeService(sample_workspace)
    before = _stamp(sample_workspace, "I-001")
    sample_workspace.author = "Ben"
    service.update("I-001", {"title": "Size recommendations", "confidence": 65})
    after = _stamp(sample_workspace, "I-001")
    assert after[:2] == (before[0] + 1, "Ben")
    assert after[2] is not None and after[2] != before[2]
    assert service.get("I-001").version == after[0]
    service.update("I-001", {"title": "Size recommendations"})  # the same value: no change
    assert service.get("I-001").version == after[0]


def test_a_move_to_another_lane_is_a_new_version_and_reordering_a_lane_is_none(sample_workspace: Workspace) -> None:
    service = InitiativeService(sample_workspace)
    board = service.board()
    lane, other = board.lanes[0].id, board.lanes[1].id
    in_lane = [row.key for row in board.initiatives if row.lane_id == lane]
    before = _versions(sample_workspace)
    service.move(in_lane[-1], lane, 0)
    assert _versions(sample_workspace) == before
    service.move(in_lane[0], other, 0)
    assert _versions(sample_workspace) == before | {in_lane[0]: before[in_lane[0]] + 1}


def test_a_vote_written_into_confidence_is_a_new_version_of_each_item_it_changes(sample_workspace: Workspace) -> None:
    sessions, votes = SessionService(sample_workspace), VoteService(sample_workspace)
    key = _session(sample_workspace)
    sessions.start(key)
    vote_id, _ = votes.create(key, "What matters most?", "initiative", 2)
    for participant in sessions.get(key).participants:
        votes.add_dot(vote_id, participant.id, "I-001")
        votes.add_dot(vote_id, participant.id, "I-002")
    votes.reveal(vote_id)
    before = {row.key: row for row in InitiativeService(sample_workspace).board().initiatives}
    votes.write_scores(vote_id, "confidence")
    after = {row.key: row for row in InitiativeService(sample_workspace).board().initiatives}
    changed = {key for key, row in after.items() if row.confidence != before[key].confidence}
    assert "I-001" in changed
    assert {key: row.version - before[key].version for key, row in after.items()} == {
        key: int(key in changed) for key in after
    }


@pytest.mark.file_only  # an import works on a workspace file
def test_an_import_makes_new_versions_and_its_undo_puts_the_old_ones_back(sample_workspace: Workspace) -> None:
    before = _versions(sample_workspace)
    lines = {line.key: line.version for line in BusinessCaseService(sample_workspace).case("I-001").cost_lines}
    changes = ImportChanges(
        initiatives=[ItemEdit("I-002", {"title": "Imported title"}, new=False)],
        cost_lines=[ItemEdit("L-001", {"description": "Imported line"}, new=False)],
    )
    undo = ImportService(sample_workspace).apply(changes)
    assert _versions(sample_workspace) == before | {"I-002": before["I-002"] + 1}
    assert BusinessCaseService(sample_workspace).case("I-001").cost_lines[0].version == lines["L-001"] + 1
    undo()  # the rows come back from the copy taken before, with the versions they had
    assert _versions(sample_workspace) == before
    assert BusinessCaseService(sample_workspace).case("I-001").cost_lines[0].version == lines["L-001"]


def test_an_edit_against_an_older_version_is_refused_and_writes_nothing(sample_workspace: Workspace) -> None:
    service = InitiativeService(sample_workspace)
    shown = service.get("I-001")
    sample_workspace.author = "Ben"
    service.update("I-001", {"title": "Ben's title", "confidence": 90})
    theirs = service.get("I-001")
    _, _, their_time = _stamp(sample_workspace, "I-001")
    sample_workspace.author = "Ann"
    with pytest.raises(StaleEdit) as refused:
        service.update("I-001", {"title": "Ann's title", "owner": "Ann"}, expected_version=shown.version)
    stale = refused.value
    assert (stale.kind, stale.key, stale.changed_by, stale.version) == ("initiative", "I-001", "Ben", theirs.version)
    assert stale.changed_at == their_time
    assert str(stale) == f"Initiative I-001 was changed by Ben at {their_time:%Y-%m-%d %H:%M} UTC since you opened it."
    assert stale.theirs == {"title": "Ben's title", "owner": shown.owner}
    assert stale.yours == {"title": "Ann's title", "owner": "Ann"}
    now = service.get("I-001")
    assert (now, now.version, _stamp(sample_workspace, "I-001")[1]) == (theirs, theirs.version, "Ben")

    undo = service.update("I-001", stale.yours, expected_version=stale.version)  # reapplied
    reapplied = service.get("I-001")
    assert (reapplied.title, reapplied.owner, reapplied.confidence) == ("Ann's title", "Ann", 90)
    assert (reapplied.version, _stamp(sample_workspace, "I-001")[1]) == (theirs.version + 1, "Ann")
    redo = undo()  # undo and redo name no version, and make new ones
    assert (service.get("I-001"), service.get("I-001").version) == (theirs, theirs.version + 2)
    redo()
    assert (service.get("I-001"), service.get("I-001").version) == (reapplied, theirs.version + 3)


@dataclass(frozen=True)
class Edited:
    """One item of a kind: its version as its row says, and an edit of its `field` to a text."""

    kind: str
    key: str
    field: str
    version: Callable[[], int]
    edit: Callable[[str, int | None], Revert]


def _edited(workspace: Workspace, kind: str) -> Edited:
    if kind == "outcome":
        outcomes = OutcomeService(workspace)
        return Edited(
            kind,
            "O-001",
            "name",
            lambda: next(row.version for row in outcomes.list() if row.key == "O-001"),
            lambda text, version: outcomes.update("O-001", {"name": text}, expected_version=version),
        )
    if kind == "business case":
        cases = BusinessCaseService(workspace)
        return Edited(
            kind,
            "I-001",
            "benefit_unit",
            lambda: cases.case("I-001").version,
            lambda text, version: cases.set_benefit("I-001", {"benefit_unit": text}, expected_version=version),
        )
    if kind == "cost line":
        cases = BusinessCaseService(workspace)
        return Edited(
            kind,
            "L-001",
            "description",
            lambda: cases.case("I-001").cost_lines[0].version,
            lambda text, version: cases.update_cost_line("L-001", {"description": text}, expected_version=version),
        )
    if kind == "capability":
        capabilities = CapabilityService(workspace)
        return Edited(
            kind,
            "C-001",
            "description",
            lambda: capabilities.get("C-001").version,
            lambda text, version: capabilities.update("C-001", {"description": text}, expected_version=version),
        )
    if kind == "risk":
        risks = RiskService(workspace)
        return Edited(
            kind,
            "R-001",
            "description",
            lambda: risks.get("R-001").version,
            lambda text, version: risks.update("R-001", {"description": text}, expected_version=version),
        )
    sessions = SessionService(workspace)
    session_key = _session(workspace)
    if kind == "session":
        return Edited(
            kind,
            session_key,
            "title",
            lambda: sessions.get(session_key).version,
            lambda text, version: sessions.update(
                session_key, {"title": text}, ["Ann", "Ben"], [(None, "Vote", 15)], expected_version=version
            ),
        )
    log = LogService(workspace)
    entry, _ = log.record("decision", {"text": "Go"}, ["I-001"], session_key)
    return Edited(
        kind,
        entry,
        "text",
        lambda: log.session_log(session_key)[0].version,
        lambda text, version: log.update(entry, {"text": text}, expected_version=version),
    )


@pytest.mark.parametrize(
    "kind", ["outcome", "business case", "cost line", "capability", "risk", "session", "log entry"]
)
def test_every_kind_of_item_refuses_an_edit_against_an_older_version(sample_workspace: Workspace, kind: str) -> None:
    item = _edited(sample_workspace, kind)
    shown = item.version()
    sample_workspace.author = "Ben"
    item.edit("theirs", None)
    assert item.version() == shown + 1
    with pytest.raises(StaleEdit, match=rf"^{kind.capitalize()} {item.key} was changed by Ben at ") as refused:
        item.edit("yours", shown)
    stale = refused.value
    assert (stale.kind, stale.key, stale.version) == (kind, item.key, shown + 1)
    assert (stale.theirs[item.field], stale.yours[item.field]) == ("theirs", "yours")
    assert item.version() == shown + 1
    undo = item.edit("yours", stale.version)
    assert item.version() == shown + 2
    undo()
    assert item.version() == shown + 3


def test_a_business_case_is_at_version_zero_until_entered(workspace: Workspace) -> None:
    key, _ = InitiativeService(workspace).create({"title": "Churn"})
    cases = BusinessCaseService(workspace)
    assert cases.case(key).version == 0
    workspace.author = "Ben"
    cases.set_benefit(key, {"annual_benefit": 1000}, expected_version=0)
    assert (cases.case(key).version, _stamp(workspace, key, "business case")[1]) == (1, "Ben")
    with pytest.raises(StaleEdit, match=f"^Business case {key} was changed by Ben") as refused:
        cases.set_adoption(key, {1: 0.5}, expected_version=0)
    assert (refused.value.theirs, refused.value.yours) == ({"adoption_1": None}, {"adoption_1": 0.5})


def test_participants_agenda_and_links_are_part_of_their_items_version(workspace: Workspace) -> None:
    InitiativeService(workspace).create({"title": "Churn"})
    sessions, log = SessionService(workspace), LogService(workspace)
    key = _session(workspace)
    version = sessions.get(key).version
    sessions.update(key, {}, ["Ann", "Ben", "Cleo"], [(None, "Vote", 15)])
    sessions.update(key, {}, ["Ann", "Ben", "Cleo"], [(None, "Vote", 20)])
    sessions.update(key, {"title": "Q1 roadmap"}, ["Ann", "Ben", "Cleo"], [(None, "Decide", 20)])  # one version
    assert sessions.get(key).version == version + 3
    entry, _ = log.record("decision", {"text": "Go"}, [], key)
    log.update(entry, {}, ["I-001"])
    log.update(entry, {"text": "Go ahead"}, ["I-001"])
    assert log.session_log(key)[0].version == 3
    with pytest.raises(StaleEdit) as refused:
        sessions.update(key, {}, ["Ann"], [], expected_version=version)
    assert refused.value.theirs == {"participants": ("Ann", "Ben", "Cleo"), "agenda": (("Decide", 20),)}


def test_a_capability_renamed_in_another_case_is_a_new_version(workspace: Workspace) -> None:
    service = CapabilityService(workspace)
    key, _ = service.create({"name": "feature store"})
    service.update(key, {"name": "Feature Store"})
    assert service.get(key).version == 2


def test_undoing_a_delete_puts_the_item_back_at_its_version(workspace: Workspace) -> None:
    outcomes = OutcomeService(workspace)
    key, _ = outcomes.create({"name": "Grow"})
    workspace.author = "Ben"
    outcomes.update(key, {"name": "Grow more"})
    before = _stamp(workspace, key, "outcome")
    workspace.author = "Ann"
    outcomes.delete(key)()
    (after,) = outcomes.list()
    assert after.version == 2
    assert _stamp(workspace, key, "outcome") == before


@pytest.mark.file_only  # rescue copies a workspace file
def test_a_rescue_keeps_every_version(sample_path: Path, tmp_path: Path) -> None:
    workspace = Workspace.open(sample_path)
    try:
        InitiativeService(workspace).update("I-003", {"title": "Renamed"})
        before = _versions(workspace)
    finally:
        workspace.close()
    target = tmp_path / "rescued.align"
    assert rescue(sample_path, target) == []
    rescued = Workspace.open(target)
    try:
        assert _versions(rescued) == before
    finally:
        rescued.close()


def test_a_schema_6_workspace_upgrades_at_version_one_and_reads_its_snapshots(tmp_path: Path) -> None:
    path = tmp_path / "old.align"
    shutil.copyfile(FIXTURES / "schema-6-retail.align", path)
    workspace = Workspace.open(path)
    try:
        assert set(_versions(workspace).values()) == {1}
        assert _stamp(workspace, "I-001") == (1, "", None)
        snapshots = SnapshotService(workspace)
        taken = [row.id for row in snapshots.list()]
        assert len(taken) == 4
        assert snapshots.compare(taken[0], taken[-1]).count("changed") > 0
        InitiativeService(workspace).update("I-001", {"title": "After the upgrade"})
        newest = snapshots.take("After the upgrade")
        (change,) = snapshots.compare(taken[-1], newest).changes
        assert change.key == "I-001"
        assert [c.key for c in snapshots.compare_with_now(taken[-1]).changes] == ["I-001"]
    finally:
        workspace.close()


def test_a_team_workspace_of_schema_6_upgrades_at_version_one(postgres: Cluster) -> None:
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine, text

    url = postgres.database()
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    try:
        with engine.begin() as connection:
            config = Config()
            config.set_main_option("script_location", "align_desktop.store:migrations")
            config.attributes["connection"] = connection
            command.upgrade(config, "0006")
            connection.execute(
                text(
                    "INSERT INTO outcome (key, name, metric, unit, owner, description) "
                    "VALUES ('O-001', 'Grow', '', '', '', '')"
                )
            )
    finally:
        engine.dispose()
    workspace = ServerWorkspace.open_on_server(ServerAddress.parse(url))
    try:
        outcomes = OutcomeService(workspace)
        assert [row.version for row in outcomes.list()] == [1]
        assert _stamp(workspace, "O-001", "outcome") == (1, "", None)
        workspace.author = "Ben"
        outcomes.update("O-001", {"name": "Grow more"}, expected_version=1)
        assert [row.version for row in outcomes.list()] == [2]
        assert _stamp(workspace, "O-001", "outcome")[:2] == (2, "Ben")
    finally:
        workspace.close()


SAVE = """
import sys
from align_desktop.store.errors import StaleEdit
from align_desktop.store.initiatives import InitiativeService
from align_desktop.store.server import ServerAddress
from align_desktop.store.server_workspace import ServerWorkspace

url, author, title, version = sys.argv[1:]
workspace = ServerWorkspace.open_on_server(ServerAddress.parse(url))
workspace.author = author
try:
    InitiativeService(workspace).update("I-001", {"title": title}, expected_version=int(version))
    print("saved")
except StaleEdit as refused:
    print(f"refused: {refused.changed_by} {refused.version}")
finally:
    workspace.close()
"""
"""The second editor: saves a new title of I-001 made against `version`, says whether it was saved."""


@pytest.fixture
def team(postgres: Cluster) -> ServerAddress:
    from align_desktop.store.sample_loader import load_document
    from align_desktop.store.samples import sample_document

    address = ServerAddress.parse(postgres.database())
    document = sample_document("retail")
    ServerWorkspace.create_on_server(address, document["name"], lambda s: load_document(s, document)).close()
    return address


def _second_editor(address: ServerAddress, author: str, title: str, version: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", SAVE, address.url, author, title, str(version)],
        cwd=REPOSITORY,
        stdout=subprocess.PIPE,
        text=True,
    )


def test_two_processes_edit_one_item_and_the_later_save_is_refused_naming_the_first(team: ServerAddress) -> None:
    workspace = ServerWorkspace.open_on_server(team)
    workspace.author = "Ann"
    try:
        service = InitiativeService(workspace)
        shown = service.get("I-001")
        ben = _second_editor(team, "Ben", "Ben's title", shown.version)  # read at the same version, saved first
        assert ben.communicate(timeout=60)[0].strip() == "saved"
        with pytest.raises(StaleEdit, match=r"^Initiative I-001 was changed by Ben at ") as refused:
            service.update("I-001", {"title": "Ann's title"}, expected_version=shown.version)
        assert (refused.value.theirs, refused.value.yours) == ({"title": "Ben's title"}, {"title": "Ann's title"})
        assert service.get("I-001").title == "Ben's title"
    finally:
        workspace.close()


def test_a_save_waits_for_one_in_progress_and_is_checked_against_its_outcome(team: ServerAddress) -> None:
    """The check and the write are one: a save made while another holds the item waits, then is refused."""
    import psycopg

    workspace = ServerWorkspace.open_on_server(team)
    try:
        shown = InitiativeService(workspace).get("I-001")
    finally:
        workspace.close()
    # another save in the middle of its transaction; it leaves `audit_context` alone, on whose row the store's
    # writes wait for each other too
    with psycopg.connect(**team.connection_options()) as other:
        other.execute("UPDATE initiative SET title = 'Their title' WHERE key = 'I-001'")
        ben = _second_editor(team, "Ben", "Ben's title", shown.version)
        time.sleep(2)
        assert ben.poll() is None  # waiting for the other transaction
        other.commit()
    assert ben.communicate(timeout=60)[0].split() == ["refused:", str(shown.version + 1)]
