"""Initiatives on the board: create, edit, move, delete, each undoable, positions always dense."""

from __future__ import annotations

import pytest

from align_desktop.domain.validation import ValidationError
from align_desktop.store.changes import Revert
from align_desktop.store.errors import NotFound
from align_desktop.store.initiatives import InitiativeService
from align_desktop.store.keys import last_numbers
from align_desktop.store.workspace import Workspace


@pytest.fixture
def service(workspace: Workspace) -> InitiativeService:
    return InitiativeService(workspace)


@pytest.fixture
def lanes(service: InitiativeService) -> list[int]:
    return [lane.id for lane in service.board().lanes]


@pytest.fixture
def board(service: InitiativeService, lanes: list[int]) -> InitiativeService:
    """Now: I-001..I-004, Next: I-005..I-006, Later: empty."""
    for n in range(1, 7):
        service.create({"title": f"Card {n}"}, lane_id=lanes[0] if n <= 4 else lanes[1])
    return service


def layout(service: InitiativeService) -> dict[int, list[str]]:
    """Keys per lane in position order, after asserting that positions are dense."""
    board = service.board()
    result: dict[int, list[str]] = {lane.id: [] for lane in board.lanes}
    for row in board.initiatives:
        assert row.position == len(result[row.lane_id]), f"{row.key} at {row.position} in {result}"
        result[row.lane_id].append(row.key)
    return result


def keys(service: InitiativeService, lane_id: int) -> list[str]:
    return layout(service)[lane_id]


def test_create_assigns_keys_in_order_and_appends_to_the_first_lane(
    service: InitiativeService, lanes: list[int]
) -> None:
    first, _ = service.create({"title": "Search ranking"})
    second, _ = service.create({"title": "Fraud scoring"})
    third, _ = service.create({"title": "Churn"}, lane_id=lanes[2])
    assert (first, second, third) == ("I-001", "I-002", "I-003")
    assert layout(service) == {lanes[0]: ["I-001", "I-002"], lanes[1]: [], lanes[2]: ["I-003"]}
    row = service.get("I-001")
    assert (row.title, row.status, row.decision_point, row.confidence) == (
        "Search ranking",
        "idea",
        "other",
        50,
    )
    assert row.gate_override is None


def test_create_refuses_bad_fields_and_stores_nothing(service: InitiativeService) -> None:
    with pytest.raises(ValidationError, match="Title"):
        service.create({"title": "  "})
    with pytest.raises(ValidationError, match="Outcome"):
        service.create({"title": "x", "outcome_key": "O-404"})
    with pytest.raises(ValidationError, match="Lane"):
        service.create({"title": "x"}, lane_id=999)
    assert service.board().initiatives == []
    assert service.create({"title": "first real one"})[0] == "I-001"


def test_create_undo_redo(board: InitiativeService, lanes: list[int]) -> None:
    key, revert = board.create({"title": "New"}, lane_id=lanes[1])
    assert keys(board, lanes[1]) == ["I-005", "I-006", "I-007"]
    redo = revert()
    assert keys(board, lanes[1]) == ["I-005", "I-006"]
    with pytest.raises(NotFound):
        board.get(key)
    redo()
    assert keys(board, lanes[1]) == ["I-005", "I-006", "I-007"]
    assert board.get(key).title == "New"


def test_keys_are_never_reused_after_delete(service: InitiativeService, workspace: Workspace) -> None:
    service.create({"title": "a"})
    last, _ = service.create({"title": "b"})
    service.delete(last)
    assert service.create({"title": "c"})[0] == "I-003"
    _, revert = service.create({"title": "d"})
    revert()
    assert service.create({"title": "e"})[0] == "I-005"
    with workspace.write() as session:
        assert last_numbers(session) == {"I": 5}


def test_update_changes_fields_and_undo_redo_swaps_them(board: InitiativeService) -> None:
    revert = board.update("I-002", {"title": " Renamed ", "team": "Growth", "readiness_data": 3})
    row = board.get("I-002")
    assert (row.title, row.team, row.readiness_data) == ("Renamed", "Growth", 3)
    redo = revert()
    row = board.get("I-002")
    assert (row.title, row.team, row.readiness_data) == ("Card 2", "", 0)
    redo()
    assert board.get("I-002").title == "Renamed"


def test_update_refuses_unknown_key_and_outcome(board: InitiativeService) -> None:
    with pytest.raises(NotFound, match="I-404"):
        board.update("I-404", {"title": "x"})
    with pytest.raises(ValidationError, match="O-404 does not exist"):
        board.update("I-001", {"outcome_key": "O-404", "title": "changed"})
    assert board.get("I-001").title == "Card 1"


def test_outcome_reference_is_stored_and_undone(workspace: Workspace, board: InitiativeService) -> None:
    from align_desktop.store.outcomes import OutcomeService

    outcome, _ = OutcomeService(workspace).create({"name": "Fewer stock-outs"})
    revert = board.update("I-003", {"outcome_key": outcome.lower()})
    row = board.get("I-003")
    assert (row.outcome_key, row.outcome_name) == (outcome, "Fewer stock-outs")
    redo = revert()
    assert board.get("I-003").outcome_key is None
    redo()
    assert board.get("I-003").outcome_key == outcome
    board.update("I-003", {"outcome_key": ""})
    assert board.get("I-003").outcome_key is None


@pytest.mark.parametrize(
    ("key", "index", "expected"),
    [
        ("I-001", 2, ["I-002", "I-003", "I-001", "I-004"]),
        ("I-001", 3, ["I-002", "I-003", "I-004", "I-001"]),
        ("I-004", 0, ["I-004", "I-001", "I-002", "I-003"]),
        ("I-003", 1, ["I-001", "I-003", "I-002", "I-004"]),
        ("I-002", 2, ["I-001", "I-003", "I-002", "I-004"]),
        ("I-002", 1, ["I-001", "I-002", "I-003", "I-004"]),
        ("I-002", 99, ["I-001", "I-003", "I-004", "I-002"]),
        ("I-003", -5, ["I-003", "I-001", "I-002", "I-004"]),
    ],
)
def test_move_within_a_lane(
    board: InitiativeService, lanes: list[int], key: str, index: int, expected: list[str]
) -> None:
    before = layout(board)
    revert = board.move(key, lanes[0], index)
    assert keys(board, lanes[0]) == expected
    redo = revert()
    assert layout(board) == before
    redo()
    assert keys(board, lanes[0]) == expected


@pytest.mark.parametrize(
    ("index", "now", "nxt"),
    [
        (0, ["I-001", "I-003", "I-004"], ["I-002", "I-005", "I-006"]),
        (1, ["I-001", "I-003", "I-004"], ["I-005", "I-002", "I-006"]),
        (2, ["I-001", "I-003", "I-004"], ["I-005", "I-006", "I-002"]),
        (50, ["I-001", "I-003", "I-004"], ["I-005", "I-006", "I-002"]),
    ],
)
def test_move_across_lanes(
    board: InitiativeService, lanes: list[int], index: int, now: list[str], nxt: list[str]
) -> None:
    before = layout(board)
    revert = board.move("I-002", lanes[1], index)
    assert layout(board) == {lanes[0]: now, lanes[1]: nxt, lanes[2]: []}
    assert board.get("I-002").lane_id == lanes[1]
    redo = revert()
    assert layout(board) == before
    redo()
    assert layout(board) == {lanes[0]: now, lanes[1]: nxt, lanes[2]: []}


def test_move_to_an_empty_lane_and_to_a_missing_one(board: InitiativeService, lanes: list[int]) -> None:
    board.move("I-006", lanes[2], 3)
    assert layout(board)[lanes[2]] == ["I-006"]
    assert layout(board)[lanes[1]] == ["I-005"]
    with pytest.raises(ValidationError, match="Lane"):
        board.move("I-001", 999, 0)
    with pytest.raises(NotFound):
        board.move("I-404", lanes[0], 0)


def test_delete_closes_the_gap_and_undo_restores_key_lane_and_place(board: InitiativeService, lanes: list[int]) -> None:
    board.update("I-002", {"description": "kept", "readiness_compliance": 4})
    before = board.board()
    revert = board.delete("I-002")
    assert keys(board, lanes[0]) == ["I-001", "I-003", "I-004"]
    with pytest.raises(NotFound):
        board.get("I-002")
    redo = revert()
    assert board.board() == before
    undo_again = redo()
    assert keys(board, lanes[0]) == ["I-001", "I-003", "I-004"]
    undo_again()
    assert board.board() == before


def test_a_long_undo_redo_chain_returns_to_every_state(board: InitiativeService, lanes: list[int]) -> None:
    steps: list[tuple[dict[int, list[str]], Revert]] = []
    operations = [
        lambda: board.move("I-001", lanes[1], 1),
        lambda: board.delete("I-005"),
        lambda: board.create({"title": "late"}, lane_id=lanes[2])[1],
        lambda: board.move("I-004", lanes[0], 0),
        lambda: board.move("I-007", lanes[0], 2),
        lambda: board.delete("I-004"),
        lambda: board.update("I-003", {"status": "pilot"}),
    ]
    for operation in operations:
        before = layout(board)
        steps.append((before, operation()))
    final = layout(board)
    redos = []
    for before, revert in reversed(steps):
        redos.append(revert())
        assert layout(board) == before
    for redo in reversed(redos):
        redo()
    assert layout(board) == final
    assert board.get("I-003").status == "pilot"


def test_get_of_a_missing_key_raises_not_found(service: InitiativeService) -> None:
    with pytest.raises(NotFound) as caught:
        service.get("I-001")
    assert caught.value.key == "I-001"


def test_positions_are_dense_in_the_stored_rows(board: InitiativeService, workspace: Workspace) -> None:
    board.move("I-001", board.board().lanes[1].id, 0)
    board.delete("I-003")
    with workspace.read() as db:
        rows = db.execute("SELECT lane_id, position FROM initiative ORDER BY lane_id, position")
        by_lane: dict[int, list[int]] = {}
        for lane_id, position in rows:
            by_lane.setdefault(lane_id, []).append(position)
    assert all(positions == list(range(len(positions))) for positions in by_lane.values())
