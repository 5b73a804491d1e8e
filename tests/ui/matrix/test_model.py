"""The matrix and ranking models: Qt's model contract, what the cells and headers say, colours, order, groups."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from align_desktop.store.capabilities import CapabilityService
from align_desktop.ui.matrix import style
from align_desktop.ui.matrix.grid import MatrixGrid
from align_desktop.ui.matrix.model import MatrixModel
from align_desktop.ui.matrix.ranking_model import RankingModel
from tests.ui.matrix import A, B, C, X, Y, seed_realistic, seed_small

DISPLAY, EDIT = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole
BACKGROUND, TOOLTIP = Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole


@pytest.fixture
def small(qapp: Any, workspace: Any) -> MatrixModel:
    seed_small(workspace)
    model = MatrixModel()
    model.set_grid(MatrixGrid(CapabilityService(workspace).matrix()))
    return model


@pytest.fixture
def realistic(qapp: Any, sample_workspace: Any) -> MatrixGrid:
    seed_realistic(sample_workspace)
    return MatrixGrid(CapabilityService(sample_workspace).matrix())


def cell(model: MatrixModel, initiative: str, capability: str) -> Any:
    grid = model.grid
    row = model.row_of(grid.initiative_index[initiative])
    return model.index(row, model.column_of(grid.capability_index[capability]))


def column_keys(model: MatrixModel) -> list[str]:
    return [model.capability_at(column).key for column in range(model.columnCount())]


def row_texts(model: MatrixModel) -> list[str]:
    return [model.headerData(row, Qt.Orientation.Vertical) for row in range(model.rowCount())]


def test_matrix_model_contract_on_realistic_data(qtmodeltester: Any, realistic: MatrixGrid) -> None:
    assert len(realistic.capabilities) >= 10 and len(realistic.levels) >= 50
    model = MatrixModel()
    model.set_grid(realistic)
    qtmodeltester.check(model)
    model.set_grouping("outcome")
    model.set_order("reuse")
    qtmodeltester.check(model)


def test_ranking_model_contract_on_realistic_data(qtmodeltester: Any, realistic: MatrixGrid) -> None:
    model = RankingModel()
    model.set_grid(realistic)
    qtmodeltester.check(model)
    model.set_by("reuse")
    qtmodeltester.check(model)


def test_empty_models_keep_the_contract(qtmodeltester: Any, qapp: Any) -> None:
    qtmodeltester.check(MatrixModel())
    qtmodeltester.check(RankingModel())


def test_headers_show_the_domain_figures_of_the_small_case(small: MatrixModel) -> None:
    assert column_keys(small) == [X, Y]  # by weighted gap, the default
    assert small.headerData(0, Qt.Orientation.Horizontal) == ("C-001 Feature store\nmaturity 2 → 4\nreuse 1\nEUR 100k")
    assert small.headerData(1, Qt.Orientation.Horizontal) == "C-002 Model serving\nmaturity 1 → 3\nreuse 2\nEUR 40k"
    tip = small.headerData(0, Qt.Orientation.Horizontal, TOOLTIP)
    assert "Current maturity 2, target 4" in tip
    assert "value unlocked EUR 100,000" in tip
    assert "Blocks 1 initiative worth EUR 100,000 (1 level missing)" in tip
    assert "I-001 Alpha" in tip
    assert "Blocks no initiative" not in tip
    # Charlie's negative NPV counts 0 in Model serving's value, and it is what Model serving blocks
    assert "Blocks 1 initiative worth EUR 0 (3 levels missing)" in small.headerData(
        1, Qt.Orientation.Horizontal, TOOLTIP
    )


def test_rows_are_grouped_with_title_rows(small: MatrixModel) -> None:
    assert row_texts(small) == [
        "Now · 2 initiatives · EUR 100k",
        "I-001 Alpha",
        "I-003 Charlie",
        "Next · 1 initiative · EUR 40k",
        "I-002 Bravo",
    ]
    assert small.flags(small.index(0, 0)) == Qt.ItemFlag.ItemIsEnabled  # a title row is not editable
    assert small.data(small.index(0, 0), BACKGROUND) is style.GROUP_BRUSH
    assert small.flags(small.index(1, 0)) & Qt.ItemFlag.ItemIsEditable
    small.set_grouping("outcome")
    assert row_texts(small) == [
        "Grow · 2 initiatives · EUR 140k",
        "I-001 Alpha",
        "I-002 Bravo",
        "No outcome · 1 initiative · EUR 0",
        "I-003 Charlie",
    ]
    assert "Waits for 1 capability below" in small.headerData(4, Qt.Orientation.Vertical, TOOLTIP)


def test_cells_show_the_level_and_are_coloured_by_gap(small: MatrixModel) -> None:
    short_one, met, short_three, empty = cell(small, A, X), cell(small, B, Y), cell(small, C, Y), cell(small, A, Y)
    assert [small.data(index, DISPLAY) for index in (short_one, met, short_three, empty)] == ["3 ▲1", "1", "4 ▲3", None]
    assert [small.data(index, EDIT) for index in (short_one, met, short_three, empty)] == [3, 1, 4, None]
    backgrounds = [small.data(index, BACKGROUND) for index in (short_one, met, short_three, empty)]
    assert backgrounds == [style.GAP_BRUSHES[0], style.MET_BRUSH, style.GAP_BRUSHES[2], None]
    assert backgrounds[0].color() != backgrounds[1].color()  # a gap looks different from a met need
    assert backgrounds[2].color().red() > backgrounds[2].color().green() * 2  # and a big gap is strongly red
    assert small.data(short_three, Qt.ItemDataRole.ForegroundRole).color() == style.WHITE
    assert small.data(short_one, Qt.ItemDataRole.FontRole).bold()
    assert small.data(met, Qt.ItemDataRole.FontRole) is None
    assert "3 levels missing" in small.data(short_three, TOOLTIP)
    assert small.data(met, TOOLTIP).endswith(": met.")
    assert "does not need" in small.data(empty, TOOLTIP)


def test_columns_order_by_reuse_value_and_gap(small: MatrixModel) -> None:
    small.set_order("reuse")
    assert column_keys(small) == [Y, X]
    small.set_order("value unlocked")
    assert column_keys(small) == [X, Y]
    small.set_order("gap")
    assert column_keys(small) == [Y, X]
    assert cell(small, C, Y).column() == 0
    assert small.data(cell(small, C, Y), DISPLAY) == "4 ▲3"  # cells move with their column


def test_a_changed_cell_updates_itself_and_its_headers(qtbot: Any, small: MatrixModel) -> None:
    index = cell(small, B, X)
    with (
        qtbot.waitSignal(small.dataChanged) as changed,
        qtbot.waitSignals([small.headerDataChanged, small.headerDataChanged]),
    ):
        small.cell_changed(small.grid.initiative_index[B], small.grid.capability_index[X], 5)
    assert changed.args[0] == index
    assert small.data(index, DISPLAY) == "5 ▲3"
    assert small.headerData(index.column(), Qt.Orientation.Horizontal).endswith("reuse 2\nEUR 140k")
    assert small.order_is_current()  # X still leads by weighted gap: 100k + 3 × 40k
    assert column_keys(small) == [X, Y]


def test_set_data_goes_to_commit_and_refuses_title_rows(small: MatrixModel) -> None:
    calls: list[tuple[int, int, int | None]] = []
    small.commit = lambda row, column, level: calls.append((row, column, level)) is None
    assert small.setData(cell(small, A, Y), 2)
    assert small.setData(cell(small, A, X), 0)
    assert not small.setData(small.index(0, 0), 3)
    assert calls == [(1, 1, 2), (1, 0, None)]


def test_ranking_orders_and_tooltips(small: MatrixModel) -> None:
    ranking = RankingModel()
    ranking.set_grid(small.grid)
    assert ranking.keys() == [X, Y]
    assert [ranking.data(ranking.index(0, column)) for column in range(8)] == [
        "1",
        "C-001 Feature store",
        "100k",
        "1",
        "100k",
        "100k",
        "1",
        "1",
    ]
    assert ranking.data(ranking.index(0, 2), Qt.ItemDataRole.FontRole).bold()  # the figure it is ranked by
    ranking.set_by("reuse")
    assert ranking.keys() == [Y, X]
    assert ranking.data(ranking.index(0, 6), Qt.ItemDataRole.FontRole).bold()
    ranking.set_by("value unlocked")
    assert ranking.keys() == [X, Y]
    tip = ranking.data(ranking.index(0, 1), TOOLTIP)
    assert "I-001 Alpha · needs 3 · EUR 100,000" in tip
