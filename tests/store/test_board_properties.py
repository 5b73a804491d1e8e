"""Property test: any sequence of board edits keeps positions dense and undoes/redoes exactly.

A plain Python model of the lanes predicts every layout; the store must agree after each edit,
after each undo (newest first) and after each redo.
"""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from align_desktop.store.changes import Revert
from align_desktop.store.initiatives import InitiativeService
from align_desktop.store.workspace import Workspace

Layout = dict[int, list[str]]


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workspace with 3, 2 and 0 cards in its three lanes, built once for every example."""
    path = tmp_path_factory.mktemp("board") / "base.align"
    workspace = Workspace.create(path)
    service = InitiativeService(workspace)
    lanes = [lane.id for lane in service.board().lanes]
    for n, lane in enumerate([0, 0, 0, 1, 1]):
        service.create({"title": f"Card {n + 1}"}, lane_id=lanes[lane])
    workspace.close()
    return path


def stored_layout(service: InitiativeService) -> Layout:
    board = service.board()
    result: Layout = {lane.id: [] for lane in board.lanes}
    for row in board.initiatives:
        assert row.position == len(result[row.lane_id]), "positions are not dense"
        result[row.lane_id].append(row.key)
    return result


def apply(model: Layout, data: st.DataObject, service: InitiativeService, counter: list[int]) -> Revert:
    """Draw one edit that fits the current `model`, make it in the store and in the model."""
    lanes = list(model)
    cards = [key for keys in model.values() for key in keys]
    kinds = ["create"] + (["move", "move", "delete"] if cards else [])
    kind = data.draw(st.sampled_from(kinds), label="kind")
    if kind == "create":
        lane = data.draw(st.sampled_from(lanes), label="lane")
        counter[0] += 1
        key, revert = service.create({"title": "new"}, lane_id=lane)
        assert key == f"I-{counter[0]:03d}"
        model[lane].append(key)
        return revert
    key = data.draw(st.sampled_from(cards), label="key")
    for keys in model.values():
        if key in keys:
            keys.remove(key)
    if kind == "delete":
        return service.delete(key)
    lane = data.draw(st.sampled_from(lanes), label="lane")
    index = data.draw(st.integers(-2, 8), label="index")
    model[lane].insert(max(0, min(index, len(model[lane]))), key)
    return service.move(key, lane, index)


def _copy(layout: Layout) -> Layout:
    return {lane: list(keys) for lane, keys in layout.items()}


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), steps=st.integers(1, 8))
def test_any_edit_sequence_keeps_positions_dense_and_undoes_exactly(
    base: Path, data: st.DataObject, steps: int
) -> None:
    path = base.with_name(f"{uuid.uuid4().hex}.align")
    shutil.copyfile(base, path)
    workspace = Workspace.open(path)
    try:
        service = InitiativeService(workspace)
        model = stored_layout(service)
        counter = [5]
        history: list[tuple[Layout, Layout, Revert]] = []
        for _ in range(steps):
            before = _copy(model)
            revert = apply(model, data, service, counter)
            assert stored_layout(service) == model
            history.append((before, _copy(model), revert))
        redos = []
        for before, _after, revert in reversed(history):
            redos.append(revert())
            assert stored_layout(service) == before
        for (_before, after, _revert), redo in zip(history, reversed(redos), strict=True):
            redo()
            assert stored_layout(service) == after
    finally:
        workspace.close()
        path.unlink()
