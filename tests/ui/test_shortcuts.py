"""Reading a window's shortcuts from its actions: menus in order, submenus named, the views' own actions, and
standard keys that hold their conventional keys on every platform."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QTableView, QVBoxLayout, QWidget

from align_desktop.ui.shortcuts import Shortcut, ShortcutGroup, action_text, collect_shortcuts, standard_keys


def _window(qtbot: Any) -> QMainWindow:
    window = QMainWindow()
    qtbot.addWidget(window)
    file_menu = window.menuBar().addMenu("&File")
    file_menu.addAction("&Open…").setShortcut(QKeySequence("Ctrl+O"))
    file_menu.addAction("&Print")  # no shortcut: not listed
    export = file_menu.addMenu("&Export")
    export.addAction("&PDF Report…").setShortcut(QKeySequence("Ctrl+Shift+P"))
    window.menuBar().addMenu("&Help").addAction("&About")
    view = QWidget()
    view.setWindowTitle("Outcomes")
    table = QTableView(view)
    delete = QAction("Delete outcome", table)
    delete.setShortcut(QKeySequence("Del"))
    table.addAction(delete)
    QVBoxLayout(view).addWidget(table)
    window.setCentralWidget(view)
    return window


def test_menus_come_first_in_order_then_each_view_s_own_actions(qtbot: Any) -> None:
    assert collect_shortcuts(_window(qtbot)) == [
        ShortcutGroup("File", (Shortcut("Open…", "Ctrl+O"), Shortcut("Export › PDF Report…", "Ctrl+Shift+P"))),
        ShortcutGroup("Outcomes view", (Shortcut("Delete outcome", "Del"),)),
    ]


def test_every_key_of_an_action_is_listed(qtbot: Any) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    redo = window.menuBar().addMenu("&Edit").addAction("&Redo")
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    assert collect_shortcuts(window) == [ShortcutGroup("Edit", (Shortcut("Redo", "Ctrl+Shift+Z, Ctrl+Y"),))]


def test_mnemonics_are_dropped_and_a_literal_ampersand_kept() -> None:
    assert action_text("&Import Workbook…") == "Import Workbook…"
    assert action_text("Risks && &Issues") == "Risks & Issues"


def test_standard_keys_start_with_the_conventional_ones_and_skip_dedicated_keys(qapp: Any) -> None:
    close = standard_keys(QKeySequence.StandardKey.Close, "Ctrl+W")
    assert close[0] == QKeySequence("Ctrl+W")
    platform = QKeySequence.keyBindings(QKeySequence.StandardKey.Close)
    with_modifier = [key for key in platform if "+" in key.toString()]
    assert all(key in close for key in with_modifier)  # Ctrl+F4 on Windows and KDE stays
    assert all("+" in key.toString() or key.toString().startswith("F") for key in close)  # no lone "Close" key
    assert standard_keys(QKeySequence.StandardKey.Quit, "Ctrl+Q")[0] == QKeySequence("Ctrl+Q")
    redo = standard_keys(QKeySequence.StandardKey.Redo, "Ctrl+Shift+Z", "Ctrl+Y")
    assert redo[:2] == [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")]
    assert len(redo) == len({key.toString() for key in redo})
