"""The catalogue's and the register's tables (`ItemTable`): columns at least as wide as their header and choices,
and the name or title column taking what the others leave, down to a minimum, then scrolling sideways."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from align_desktop.ui.capabilities import model as capability_columns
from align_desktop.ui.capabilities.model import CHOICES as CAPABILITY_CHOICES
from align_desktop.ui.capabilities.model import COLUMNS as CAPABILITY_COLUMNS
from align_desktop.ui.capabilities.model import CapabilityTableModel, choice_text
from align_desktop.ui.capabilities.table import CapabilityTable
from align_desktop.ui.item_table import CELL_PADDING, SORT_ARROW, ItemTable
from align_desktop.ui.risks import display
from align_desktop.ui.risks.display import CHOICES as RISK_CHOICES
from align_desktop.ui.risks.display import COLUMNS as RISK_COLUMNS
from align_desktop.ui.risks.model import RegisterModel
from align_desktop.ui.risks.table import RegisterTable


@pytest.fixture(params=["capabilities", "risks"])
def table(request: pytest.FixtureRequest, qtbot: Any) -> ItemTable:
    shown: ItemTable
    if request.param == "capabilities":
        shown = CapabilityTable(CapabilityTableModel())
    else:
        shown = RegisterTable(RegisterModel())
    qtbot.addWidget(shown)
    shown.show()
    return shown


def _filling(table: ItemTable) -> int:
    return capability_columns.NAME if isinstance(table, CapabilityTable) else display.TITLE


def test_the_filling_column_takes_what_the_others_leave(table: ItemTable) -> None:
    header = table.horizontalHeader()
    table.resize(2400, 400)
    QApplication.processEvents()
    assert sum(header.sectionSize(c) for c in range(header.count())) == table.viewport().width()


def test_below_its_minimum_the_filling_column_stops_shrinking_and_the_table_scrolls(table: ItemTable) -> None:
    header = table.horizontalHeader()
    table.resize(2400, 400)
    QApplication.processEvents()
    table.resize(500, 400)
    QApplication.processEvents()
    minimum = header.sectionSize(_filling(table))
    assert minimum >= 24 * table.fontMetrics().averageCharWidth()
    assert sum(header.sectionSize(c) for c in range(header.count())) > table.viewport().width()
    assert table.horizontalScrollBar().maximum() > 0


def test_every_column_fits_its_header_and_its_widest_choice(table: ItemTable) -> None:
    header = table.horizontalHeader()
    model = table.model()
    choices = CAPABILITY_CHOICES if isinstance(table, CapabilityTable) else RISK_CHOICES
    fields = [column.field for column in (CAPABILITY_COLUMNS if isinstance(table, CapabilityTable) else RISK_COLUMNS)]
    for column, field in enumerate(fields):
        if column == _filling(table):
            continue
        title = str(model.headerData(column, Qt.Orientation.Horizontal))
        assert header.sectionSize(column) >= header.fontMetrics().horizontalAdvance(title) + SORT_ARROW
        widest = max((table.fontMetrics().horizontalAdvance(choice_text(c)) for c in choices.get(field, ())), default=0)
        assert header.sectionSize(column) >= widest + CELL_PADDING, field
