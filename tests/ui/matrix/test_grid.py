"""The matrix arrays: the hand-checked figures, and one-cell updates that agree with a full recomputation."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from align_desktop.domain.matrix import Need, capability_metrics
from align_desktop.store.capabilities import CapabilityService
from align_desktop.store.rows import CapabilityRow, MatrixInitiative, MatrixRows
from align_desktop.ui.matrix.grid import NO_OUTCOME, MatrixGrid
from tests.ui.matrix import A, B, C, X, Y, seed_small


@pytest.fixture
def small(workspace: Any) -> MatrixGrid:
    seed_small(workspace)
    return MatrixGrid(CapabilityService(workspace).matrix())


def test_the_small_case_has_the_hand_checked_figures(small: MatrixGrid) -> None:
    assert [i.value for i in small.initiatives] == [100_000, -30_000, 40_000]  # board order: Now (A, C), Next (B)
    x = small.metrics[small.capability_index[X]]
    y = small.metrics[small.capability_index[Y]]
    assert (x.reuse, x.value_unlocked, x.levels_missing, x.value_blocked, x.weighted_gap) == (
        1,
        100_000,
        1,
        100_000,
        100_000,
    )
    assert (y.reuse, y.value_unlocked, y.levels_missing, y.value_blocked, y.weighted_gap) == (2, 40_000, 3, 0, 0)
    assert x.blocked == [A]
    assert y.blocked == [C]
    row = {i.key: n for n, i in enumerate(small.initiatives)}
    assert small.row_gaps[row[A]] == 1
    assert small.row_gaps[row[B]] == 0
    assert small.row_gaps[row[C]] == 1


def test_orders_and_groups(small: MatrixGrid) -> None:
    def keys(order: list[int]) -> list[str]:
        return [small.capabilities[c].key for c in order]

    assert keys(small.order("weighted gap")) == [X, Y]
    assert keys(small.order("value unlocked")) == [X, Y]
    assert keys(small.order("reuse")) == [Y, X]
    assert keys(small.order("gap")) == [Y, X]
    by_lane = small.groups("lane")
    assert [(g.title, [small.initiatives[i].key for i in g.members]) for g in by_lane] == [
        ("Now", [A, C]),
        ("Next", [B]),
    ]
    assert [g.value for g in by_lane] == [100_000, 40_000]
    by_outcome = small.groups("outcome")
    assert [(g.title, [small.initiatives[i].key for i in g.members]) for g in by_outcome] == [
        ("Grow", [A, B]),
        (NO_OUTCOME, [C]),
    ]


def test_setting_a_cell_updates_that_capability_and_that_initiative(small: MatrixGrid) -> None:
    a, b = small.initiative_index[A], small.initiative_index[B]
    x = small.capability_index[X]
    small.set_level(b, x, 4)  # B now needs X at 4: 2 levels short, worth 40,000
    metrics = small.metrics[x]
    assert (metrics.reuse, metrics.value_unlocked, metrics.levels_missing) == (2, 140_000, 3)
    assert metrics.weighted_gap == 1 * 100_000 + 2 * 40_000
    assert small.row_gaps[b] == 1
    assert small.blocked(x) == [a, b]  # most valuable first
    small.set_level(b, x, None)
    small.set_level(a, x, 2)  # met now
    assert small.metrics[x].blocked == []
    assert small.row_gaps[a] == 0
    assert small.level(a, x) == 2
    assert small.gap(a, x) == 0


def _rows(current: list[int], values: list[float]) -> MatrixRows:
    initiatives = [MatrixInitiative(f"I-{n:03d}", f"T{n}", "Now", "", v) for n, v in enumerate(values, 1)]
    capabilities = [
        CapabilityRow(f"C-{n:03d}", f"N{n}", "other", "", "", "", "", 0.0, "", level, 5, "operational", 0)
        for n, level in enumerate(current, 1)
    ]
    return MatrixRows("EUR", initiatives, capabilities, [])


@settings(max_examples=60, deadline=None)
@given(
    current=st.lists(st.integers(1, 5), min_size=1, max_size=4),
    values=st.lists(st.floats(-1e6, 1e6, allow_nan=False), min_size=1, max_size=5),
    edits=st.lists(st.tuples(st.integers(0, 4), st.integers(0, 3), st.sampled_from([None, 1, 2, 3, 4, 5]))),
)
def test_one_cell_updates_agree_with_the_domain_over_all_needs(
    current: list[int], values: list[float], edits: list[tuple[int, int, int | None]]
) -> None:
    grid = MatrixGrid(_rows(current, values))
    for i, c, level in edits:
        grid.set_level(i % len(values), c % len(current), level)
    needs = [
        Need(grid.initiatives[i].key, grid.capabilities[c].key, level)
        for i in range(len(values))
        for c in range(len(current))
        if (level := grid.level(i, c)) is not None
    ]
    expected = capability_metrics(needs, {r.key: r.current_maturity for r in grid.capabilities}, grid.values)
    for c, capability in enumerate(grid.capabilities):
        got, want = grid.metrics[c], expected[capability.key]
        assert (got.reuse, got.levels_missing, sorted(got.blocked)) == (
            want.reuse,
            want.levels_missing,
            sorted(want.blocked),
        )
        assert got.value_unlocked == pytest.approx(want.value_unlocked)
        assert got.weighted_gap == pytest.approx(want.weighted_gap)
        assert got.value_blocked == pytest.approx(want.value_blocked)
    for i in range(len(values)):
        assert grid.row_gaps[i] == sum(1 for c in range(len(current)) if grid.gap(i, c) > 0)
