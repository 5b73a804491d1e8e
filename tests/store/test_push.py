"""Pushing an offline copy's changes back to its team workspace: the three-way preview, and applying it."""

from __future__ import annotations

import random
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from align_desktop.domain.push import Action, ItemChange, PushPlan, preview_lines
from align_desktop.store.business_cases import BusinessCaseService
from align_desktop.store.check import check_workspace
from align_desktop.store.errors import WorkspaceError
from align_desktop.store.initiatives import InitiativeService
from align_desktop.store.log import LogService
from align_desktop.store.outcomes import OutcomeService
from align_desktop.store.push import plan_push, push
from align_desktop.store.push_content import read_pushed_content
from align_desktop.store.server import ServerAddress
from align_desktop.store.server_workspace import ServerWorkspace
from align_desktop.store.team_origin import origin_of
from align_desktop.store.transfer import download, publish
from align_desktop.store.workspace import Workspace
from tests.mock_session import run_mock_session
from tests.postgres import Cluster


@pytest.fixture
def address(postgres: Cluster, sample_path: Path) -> ServerAddress:
    """A team workspace holding the realistic sample."""
    published = ServerAddress.parse(postgres.database())
    publish(sample_path, published)
    return published


@pytest.fixture
def team(address: ServerAddress) -> Iterator[Workspace]:
    workspace = ServerWorkspace.open_on_server(address)
    workspace.author = "maria"
    yield workspace
    workspace.close()


@pytest.fixture
def copy(address: ServerAddress, tmp_path: Path) -> Iterator[Workspace]:
    """A copy of the team workspace, downloaded for an offline workshop and open."""
    path = tmp_path / "offline.align"
    download(address, path, who="priya")
    workspace = Workspace.open(path)
    workspace.author = "priya"
    yield workspace
    workspace.close()


def _change(plan: PushPlan, item: str) -> ItemChange:
    return next(change for change in plan.changes if change.item == item)


def _fields(change: ItemChange) -> dict[str, tuple[object, object, object, bool]]:
    return {field.field: (field.was, field.theirs, field.mine, field.conflict) for field in change.fields}


def test_a_downloaded_copy_knows_where_it_came_from(copy: Workspace, address: ServerAddress, team: Workspace) -> None:
    origin = origin_of(copy)
    assert origin is not None
    assert origin.address == address
    assert origin.downloaded_by == "priya"
    assert origin.pushed_at is None
    assert origin_of(team) is None


def test_a_file_not_downloaded_has_nothing_to_push(sample_path: Path, address: ServerAddress) -> None:
    workspace = Workspace.open(sample_path)
    try:
        assert origin_of(workspace) is None
        with pytest.raises(WorkspaceError, match="was not downloaded from a team workspace"):
            plan_push(workspace, address)
    finally:
        workspace.close()


def test_an_unchanged_copy_has_nothing_to_push_even_when_the_team_moved_on(
    copy: Workspace, address: ServerAddress, team: Workspace
) -> None:
    InitiativeService(team).update("I-001", {"title": "Renamed by the team"})
    assert plan_push(copy, address).empty


def test_a_field_only_the_copy_changed_is_pushed(copy: Workspace, address: ServerAddress, team: Workspace) -> None:
    before = InitiativeService(team).get("I-003")
    InitiativeService(copy).update("I-003", {"title": "Decided offline", "confidence": 80})
    InitiativeService(team).update("I-003", {"owner": "Changed by the team"})

    plan = plan_push(copy, address)
    change = _change(plan, "initiative I-003")
    assert (change.action, change.conflict) == (Action.CHANGE, "")
    assert _fields(change) == {
        "title": (before.title, before.title, "Decided offline", False),
        "confidence": (before.confidence, before.confidence, 80, False),
    }
    assert plan.conflicts == ()

    result = push(copy, address, plan, ())
    assert (result.pushed, result.kept_theirs) == (1, 0)
    after = InitiativeService(team).get("I-003")
    assert (after.title, after.confidence, after.owner) == ("Decided offline", 80, "Changed by the team")
    assert after.version > before.version
    with team.read() as db:
        assert db.execute("SELECT changed_by FROM initiative WHERE key = 'I-003'").fetchone()[0] == "priya"


def test_a_field_both_changed_is_a_conflict_that_keeps_the_teams_value_unless_mine_is_chosen(
    copy: Workspace, address: ServerAddress, team: Workspace, tmp_path: Path
) -> None:
    was = InitiativeService(team).get("I-002").title
    InitiativeService(copy).update("I-002", {"title": "Mine", "team": "Offline team"})
    InitiativeService(team).update("I-002", {"title": "Theirs"})

    plan = plan_push(copy, address)
    change = _change(plan, "initiative I-002")
    assert change.conflict == "changed on the team workspace too"
    assert _fields(change)["title"] == (was, "Theirs", "Mine", True)
    assert _fields(change)["team"][3] is False
    assert plan.conflicts == (plan.changes.index(change),)

    assert push(copy, address, plan, ()).kept_theirs == 1
    kept = InitiativeService(team).get("I-002")
    assert (kept.title, kept.team) == ("Theirs", "Offline team")

    second = tmp_path / "second.align"
    download(address, second)
    other = Workspace.open(second)
    try:
        InitiativeService(other).update("I-002", {"title": "Mine again"})
        InitiativeService(team).update("I-002", {"title": "Theirs again"})
        plan = plan_push(other, address)
        push(other, address, plan, plan.conflicts)
    finally:
        other.close()
    assert InitiativeService(team).get("I-002").title == "Mine again"


def test_a_copy_is_pushed_once(copy: Workspace, address: ServerAddress) -> None:
    InitiativeService(copy).update("I-004", {"title": "Pushed"})
    push(copy, address, plan_push(copy, address), ())
    origin = origin_of(copy)
    assert origin is not None and origin.pushed_at is not None
    with pytest.raises(WorkspaceError, match="a copy is pushed once"):
        plan_push(copy, address)


def test_a_copy_the_team_workspace_lists_as_pushed_is_refused_even_when_it_was_not_told(
    address: ServerAddress, tmp_path: Path
) -> None:
    first, second = tmp_path / "copy.align", tmp_path / "copied on a stick.align"
    download(address, first)
    shutil.copyfile(first, second)
    workspace = Workspace.open(first)
    workspace.author = "priya"
    try:
        InitiativeService(workspace).update("I-004", {"title": "Pushed"})
        push(workspace, None, plan_push(workspace), ())
    finally:
        workspace.close()
    stick = Workspace.open(second)
    try:
        origin = origin_of(stick)
        assert origin is not None and origin.pushed_at is None
        with pytest.raises(WorkspaceError, match=r"were pushed to .* by priya \(from this file or a copy of it\)"):
            plan_push(stick)
        with pytest.raises(WorkspaceError, match="a copy is pushed once"):
            push(stick, None, PushPlan(str(address), origin.downloaded_at, ()), ())
    finally:
        stick.close()


def test_items_added_on_both_sides_keep_apart_under_new_keys(
    copy: Workspace, address: ServerAddress, team: Workspace
) -> None:
    theirs, _ = InitiativeService(team).create({"title": "Added by the team"})
    mine, _ = InitiativeService(copy).create({"title": "Added offline", "description": "From the workshop"})
    assert mine == theirs  # both handed out the next key
    BusinessCaseService(copy).set_benefit(mine, {"annual_benefit": 125000})
    LogService(copy).record(
        "decision", {"text": "Go ahead with the offline idea"}, links=[mine], session_key=_session_key(copy)
    )

    plan = plan_push(copy, address)
    added = next(change for change in plan.changes if change.action is Action.ADD and "Added offline" in repr(change))
    assert added.item.startswith("initiative I-")
    assert added.item != f"initiative {mine}"
    assert f"{mine} was taken on the team workspace" in added.note
    new_key = added.item.removeprefix("initiative ")

    push(copy, address, plan, ())
    initiatives = InitiativeService(team)
    assert initiatives.get(theirs).title == "Added by the team"
    assert initiatives.get(new_key).title == "Added offline"
    assert BusinessCaseService(team).case(new_key).annual_benefit == 125000
    links = LogService(team).about(new_key)
    assert [row.text for row in links] == ["Go ahead with the offline idea"]
    created, _ = InitiativeService(team).create({"title": "Next one"})
    assert created not in (theirs, new_key)
    assert check_workspace(address) == []


def test_removing_an_item_the_team_left_alone_removes_it(
    copy: Workspace, address: ServerAddress, team: Workspace
) -> None:
    InitiativeService(copy).delete("I-005")
    plan = plan_push(copy, address)
    assert [(c.item, c.action) for c in plan.changes] == [("initiative I-005", Action.REMOVE)]
    push(copy, address, plan, ())
    assert "I-005" not in {row.key for row in InitiativeService(team).board().initiatives}
    assert check_workspace(address) == []


def test_removing_an_item_the_team_changed_is_a_conflict(
    copy: Workspace, address: ServerAddress, team: Workspace
) -> None:
    InitiativeService(copy).delete("I-006")
    InitiativeService(team).update("I-006", {"title": "Still wanted"})
    plan = plan_push(copy, address)
    change = _change(plan, "initiative I-006")
    assert (change.action, change.conflict) == (
        Action.REMOVE,
        "changed on the team workspace since you downloaded the copy",
    )
    push(copy, address, plan, ())
    assert InitiativeService(team).get("I-006").title == "Still wanted"


def _needs(workspace: Workspace, initiative: str) -> dict[str, int]:
    with workspace.read() as db:
        rows = db.execute(
            "SELECT c.key, n.required_level FROM capability_need n JOIN initiative i ON i.id = n.initiative_id"
            " JOIN capability c ON c.id = n.capability_id WHERE i.key = ?",
            (initiative,),
        ).fetchall()
    return dict(rows)


@pytest.mark.parametrize("use_mine", [False, True], ids=["keep theirs", "use mine"])
def test_removing_an_item_the_team_added_to_since_is_a_conflict_kept_whole(
    copy: Workspace, address: ServerAddress, team: Workspace, use_mine: bool
) -> None:
    from align_desktop.store.capabilities import CapabilityService

    InitiativeService(copy).delete("I-005")  # its six needs go with it in the copy
    CapabilityService(team).set_need("I-005", "C-001", 2)
    CapabilityService(team).set_need("I-005", "C-002", 5)
    needs = _needs(team, "I-005")
    plan = plan_push(copy, address)
    change = _change(plan, "initiative I-005")
    assert change.action is Action.REMOVE
    assert change.conflict == (
        "the team workspace added 1 capability need, and changed 1 capability need under it since you downloaded "
        "the copy; "
        "use mine removes them with it"
    )
    assert [c.item for c in plan.changes] == ["initiative I-005"]  # its needs go with it, not listed apart

    push(copy, address, plan, plan.conflicts if use_mine else ())
    if use_mine:
        assert "I-005" not in {row.key for row in InitiativeService(team).board().initiatives}
    else:
        assert _needs(team, "I-005") == needs  # not one of the needs the copy removed with it is gone
    assert check_workspace(address) == []


def test_removing_an_item_the_team_changed_and_added_to_names_both(
    copy: Workspace, address: ServerAddress, team: Workspace
) -> None:
    from align_desktop.store.capabilities import CapabilityService

    InitiativeService(copy).delete("I-006")
    InitiativeService(team).update("I-006", {"title": "Still wanted"})
    BusinessCaseService(team).add_cost_line("I-006", {"category": "monitoring", "description": "Drift alerts"})
    BusinessCaseService(team).add_cost_line("I-006", {"category": "monitoring", "description": "On-call"})
    CapabilityService(team).set_need("I-006", "C-001", 3)
    change = _change(plan_push(copy, address), "initiative I-006")
    assert change.conflict == (
        "changed on the team workspace since you downloaded the copy, which also added 1 capability need and "
        "2 cost lines under it; use mine removes them with it"
    )
    assert [field.field for field in change.fields] == ["title"]


def test_an_outcome_the_copy_emptied_and_removed_is_removed_after_its_initiatives_moved(
    copy: Workspace, address: ServerAddress, team: Workspace
) -> None:
    tied = [row.key for row in InitiativeService(copy).board().initiatives if row.outcome_key == "O-004"]
    assert tied
    for key in tied:
        InitiativeService(copy).update(key, {"outcome_key": "O-001"})
    OutcomeService(copy).delete("O-004")
    plan = plan_push(copy, address)
    assert plan.conflicts == ()
    push(copy, address, plan, ())
    board = InitiativeService(team).board()
    assert "O-004" not in {outcome.key for outcome in board.outcomes}
    assert {row.outcome_key for row in board.initiatives if row.key in tied} == {"O-001"}
    assert check_workspace(address) == []


def test_an_outcome_the_team_tied_an_initiative_to_since_stays(
    copy: Workspace, address: ServerAddress, team: Workspace
) -> None:
    for row in InitiativeService(copy).board().initiatives:
        if row.outcome_key == "O-004":
            InitiativeService(copy).update(row.key, {"outcome_key": "O-001"})
    OutcomeService(copy).delete("O-004")
    InitiativeService(team).update("I-001", {"outcome_key": "O-004"})
    plan = plan_push(copy, address)
    change = _change(plan, "outcome O-004")
    assert change.skipped
    assert change.conflict == (
        "not pushed: the team workspace changed 1 initiative tied to it since you downloaded the copy"
    )
    push(copy, address, plan, range(len(plan.changes)))
    assert "O-004" in {outcome.key for outcome in InitiativeService(team).board().outcomes}
    assert check_workspace(address) == []


def test_changes_to_an_item_the_team_deleted_are_listed_not_pushed(
    copy: Workspace, address: ServerAddress, team: Workspace
) -> None:
    InitiativeService(copy).update("I-007", {"title": "Edited offline"})
    BusinessCaseService(copy).set_benefit("I-007", {"annual_benefit": 1})
    InitiativeService(team).delete("I-007")
    plan = plan_push(copy, address)
    change = _change(plan, "initiative I-007")
    assert change.skipped and "deleted on the team workspace" in change.conflict
    result = push(copy, address, plan, range(len(plan.changes)))
    assert result.pushed == 0
    assert "I-007" not in {row.key for row in InitiativeService(team).board().initiatives}


def test_nothing_is_pushed_when_the_team_workspace_changed_since_the_preview(
    copy: Workspace, address: ServerAddress, team: Workspace
) -> None:
    InitiativeService(copy).update("I-008", {"title": "Mine"})
    plan = plan_push(copy, address)
    InitiativeService(team).update("I-008", {"title": "Theirs, after the preview"})
    with pytest.raises(WorkspaceError, match="changed since the preview"):
        push(copy, address, plan, ())
    assert InitiativeService(team).get("I-008").title == "Theirs, after the preview"
    origin = origin_of(copy)
    assert origin is not None and origin.pushed_at is None


def test_a_whole_offline_workshop_reaches_the_team_workspace(
    copy: Workspace, address: ServerAddress, team: Workspace
) -> None:
    run_mock_session(copy)
    OutcomeService(copy).update("O-001", {"owner": "Priya Shah"})
    plan = plan_push(copy, address)
    assert plan.conflicts == ()
    push(copy, address, plan, ())
    with copy.read() as db:
        mine = read_pushed_content(db)
    with team.read() as db:
        theirs = read_pushed_content(db)
    for table in ("workshop_session", "vote", "vote_dot", "log_entry", "log_link", "initiative", "outcome"):
        assert _without_bookkeeping(theirs[table]) == _without_bookkeeping(mine[table]), table
    assert check_workspace(address) == []


def _without_bookkeeping(table: object) -> set[tuple[object, ...]]:
    columns = table.columns  # type: ignore[attr-defined]
    kept = [i for i, name in enumerate(columns) if name not in ("version", "changed_by", "changed_at")]
    return {tuple(row[i] for i in kept) for row in table.rows.values()}  # type: ignore[attr-defined]


def _session_key(workspace: Workspace) -> str:
    from align_desktop.store.sessions import SessionService

    key, _ = SessionService(workspace).create({"title": "Offline workshop", "held_on": "2026-11-26"}, ["Priya"], [])
    return key


def test_a_capability_added_on_both_sides_under_one_name_is_one_capability(
    copy: Workspace, address: ServerAddress, team: Workspace
) -> None:
    from align_desktop.store.capabilities import CapabilityService

    CapabilityService(team).create({"name": "Vector search", "owner": "Platform team"})
    mine, _ = CapabilityService(copy).create({"name": "vector search", "owner": "Priya"})
    CapabilityService(copy).set_need("I-001", mine, 3)

    plan = plan_push(copy, address)
    change = _change(plan, f"capability {mine}")
    assert (change.action, change.conflict) == (Action.CHANGE, "added on the team workspace too")
    assert _fields(change)["owner"] == (None, "Platform team", "Priya", True)
    push(copy, address, plan, plan.conflicts)

    named = [row for row in CapabilityService(team).catalogue() if row.name.casefold() == "vector search"]
    assert len(named) == 1
    assert (named[0].name, named[0].owner) == ("vector search", "Priya")
    with team.read() as db:
        needs = db.execute(
            "SELECT n.required_level FROM capability_need n JOIN initiative i ON i.id = n.initiative_id "
            "JOIN capability c ON c.id = n.capability_id WHERE i.key = 'I-001' AND c.key = ?",
            (named[0].key,),
        ).fetchall()
    assert needs == [(3,)]


def test_what_the_copy_added_under_an_item_the_team_deleted_is_not_pushed(
    copy: Workspace, address: ServerAddress, team: Workspace
) -> None:
    from align_desktop.store.business_cases import BusinessCaseService as Cases

    line, _ = Cases(copy).add_cost_line("I-009", {"category": "model training", "description": "GPU hours"})
    InitiativeService(team).delete("I-009")
    plan = plan_push(copy, address)
    change = _change(plan, f"cost line {line}")
    assert change.skipped
    assert change.conflict.startswith("not pushed: its initiative I-009 was deleted on the team workspace")
    assert push(copy, address, plan, ()).pushed == 0


def test_restoring_a_backup_of_the_copy_keeps_it_pushed(address: ServerAddress, tmp_path: Path) -> None:
    from align_desktop.store.imports import restore_from_backup

    path = tmp_path / "copy.align"
    download(address, path)
    backup = tmp_path / "before the push.align"
    shutil.copyfile(path, backup)
    workspace = Workspace.open(path)
    try:
        InitiativeService(workspace).update("I-010", {"title": "Pushed once"})
        push(workspace, None, plan_push(workspace), ())
    finally:
        workspace.close()
    restore_from_backup(path, backup)
    workspace = Workspace.open(path)
    try:
        assert InitiativeService(workspace).get("I-010").title != "Pushed once"
        origin = origin_of(workspace)
        assert origin is not None and origin.pushed_at is not None
    finally:
        workspace.close()


def test_a_key_the_team_took_is_handed_out_anew_and_keys_it_did_not_take_are_kept(
    copy: Workspace, address: ServerAddress, team: Workspace
) -> None:
    taken, _ = InitiativeService(team).create({"title": "The team's"})
    first, _ = InitiativeService(copy).create({"title": "First offline"})
    second, _ = InitiativeService(copy).create({"title": "Second offline"})
    assert first == taken
    plan = plan_push(copy, address)
    added = {c.item: c.note for c in plan.changes if c.action is Action.ADD}
    assert added == {
        "initiative I-031": f"added as I-031: {first} was taken on the team workspace meanwhile",
        f"initiative {second}": "",
    }
    push(copy, address, plan, ())
    titles = {row.key: row.title for row in InitiativeService(team).board().initiatives}
    assert (titles[taken], titles["I-031"], titles[second]) == ("The team's", "First offline", "Second offline")
    assert InitiativeService(team).create({"title": "Next"})[0] == "I-032"


def test_a_card_moved_offline_lands_where_it_was_put_among_the_teams_cards(
    copy: Workspace, address: ServerAddress, team: Workspace
) -> None:
    def lane(workspace: Workspace, lane_id: int) -> list[str]:
        cards = [row for row in InitiativeService(workspace).board().initiatives if row.lane_id == lane_id]
        return [row.key for row in sorted(cards, key=lambda row: row.position)]

    board = InitiativeService(copy).board().initiatives
    now = board[0].lane_id
    before = lane(copy, now)
    moved = next(row.key for row in board if row.lane_id != now)
    InitiativeService(copy).move(moved, now, 1)
    InitiativeService(team).move(before[-1], now, 0)

    plan = plan_push(copy, address)
    assert [(c.item, [f.field for f in c.fields]) for c in plan.changes] == [(f"initiative {moved}", ["lane", "place"])]
    push(copy, address, plan, ())
    assert lane(team, now) == [before[-1], before[0], moved, *before[1:-1]]
    assert check_workspace(address) == []


def test_a_card_moved_within_its_lane_or_to_the_same_place_in_another_keeps_its_neighbours(
    copy: Workspace, address: ServerAddress, team: Workspace
) -> None:
    def lanes(workspace: Workspace) -> dict[int, list[str]]:
        found: dict[int, list[str]] = {}
        for row in sorted(InitiativeService(workspace).board().initiatives, key=lambda row: row.position):
            found.setdefault(row.lane_id, []).append(row.key)
        return found

    before = lanes(copy)
    first, second = sorted(before, key=lambda lane_id: -len(before[lane_id]))[:2]
    InitiativeService(copy).move(before[first][0], first, 2)  # down two places in its lane
    InitiativeService(copy).move(before[second][1], first, 1)  # to another lane, at the place it had
    expected = lanes(copy)
    push(copy, address, plan_push(copy, address), ())
    assert lanes(team) == expected
    assert check_workspace(address) == []


def _random_edits(workspace: Workspace, rng: random.Random, count: int, who: str) -> None:
    """`count` edits a facilitator might make, picked by `rng`: retitle, rescore, move, add, delete, re-benefit,
    add a cost line, link a risk."""
    from align_desktop.store.risks import RiskService

    initiatives, cases = InitiativeService(workspace), BusinessCaseService(workspace)
    for number in range(count):
        board = initiatives.board()
        cards = board.initiatives
        card = rng.choice(cards)
        kind = rng.choice(["title", "confidence", "move", "add", "delete", "benefit", "line", "risk"])
        if kind == "title":
            initiatives.update(card.key, {"title": f"{card.key} retitled by {who} ({number})"})
        elif kind == "confidence":
            initiatives.update(card.key, {"confidence": rng.randrange(0, 101)})
        elif kind == "move":
            lane = rng.choice(board.lanes)
            initiatives.move(card.key, lane.id, rng.randrange(0, 12))
        elif kind == "add":
            initiatives.create({"title": f"Added by {who} ({number})"})
        elif kind == "delete" and len(cards) > 10:
            initiatives.delete(card.key)
        elif kind == "benefit":
            cases.set_benefit(card.key, {"annual_benefit": rng.randrange(0, 500_000)})
        elif kind == "line":
            cases.add_cost_line(card.key, {"category": "monitoring", "description": f"{who} {number}"}, {1: 1000.0})
        elif kind == "risk":
            risks = RiskService(workspace)
            risk = rng.choice(risks.register().risks)
            risks.set_links(risk.key, [card.key], [])


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
@pytest.mark.parametrize("use_mine", [False, True], ids=["keep theirs", "use mine"])
def test_random_edits_on_both_sides_push_into_a_sound_team_workspace(
    copy: Workspace, address: ServerAddress, team: Workspace, seed: int, use_mine: bool
) -> None:
    rng = random.Random(seed)
    _random_edits(copy, rng, 25, "priya")
    _random_edits(team, rng, 25, "maria")
    keys = [{row.key for row in InitiativeService(side).board().initiatives} for side in (copy, team)]
    for key in rng.sample(sorted(keys[0] & keys[1]), 2):  # a conflict for sure
        for side, who in ((copy, "priya"), (team, "maria")):
            InitiativeService(side).update(key, {"title": f"{key} both retitled, by {who}"})
    plan = plan_push(copy, address)
    result = push(copy, address, plan, plan.conflicts if use_mine else ())
    assert result.pushed + sum(change.skipped for change in plan.changes) >= len(plan.changes) - len(plan.conflicts)
    assert check_workspace(address) == []
    titles = {f"initiative {row.key}": row.title for row in InitiativeService(team).board().initiatives}
    settled = [
        (change.item, field)
        for change in plan.changes
        if change.action is Action.CHANGE and change.conflict and not change.skipped
        for field in change.fields
        if field.field == "title" and field.conflict
    ]
    assert len(settled) >= 2
    for item, field in settled:
        assert titles[item] == (field.mine if use_mine else field.theirs), item


def test_a_change_with_a_nul_character_is_refused_at_the_preview_by_name(
    copy: Workspace, address: ServerAddress
) -> None:
    with copy.write() as session:
        session.execute(text("UPDATE initiative SET title = 'a' || char(0) || 'b' WHERE key = 'I-011'"))
    with pytest.raises(WorkspaceError, match=r"The title of initiative I-011 holds a NUL character .* push again"):
        plan_push(copy, address)


def test_a_session_still_running_in_the_copy_is_pushed_with_a_warning(copy: Workspace, address: ServerAddress) -> None:
    run_mock_session(copy, end=False)
    plan = plan_push(copy, address)
    session = next(change for change in plan.changes if change.item.startswith("workshop session "))
    assert session.note == "still running in the copy: it arrives running; end it in the copy first, then push"
    assert "still running" in "\n".join(preview_lines(plan))
