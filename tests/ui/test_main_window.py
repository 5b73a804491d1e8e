"""The main window: opening workspaces (and refusing bad ones), recent files, geometry, menus, dropped files."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any, cast

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QFont, QFontMetrics
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QListWidget, QWidget

from align_desktop.store import schema
from align_desktop.ui.dashboard import targets
from align_desktop.ui.dashboard.targets import Target
from align_desktop.ui.main_window import FIRST_SIZE, MainWindow
from align_desktop.ui.matrix.chart import TOP
from align_desktop.ui.matrix.ranking import CAPABILITY_MIN_WIDTH
from align_desktop.ui.matrix.ranking_model import CAPABILITY
from align_desktop.ui.matrix.view import MatrixView
from align_desktop.ui.preferences import Preferences, user_settings
from align_desktop.ui.views import VIEWS
from tests.ui.board.conftest import lane_keys


def _window(qtbot: Any, prompter: Any) -> MainWindow:
    window = MainWindow(Preferences(user_settings()), prompter)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def window(qtbot: Any, prompter: Any) -> MainWindow:
    return _window(qtbot, prompter)


def _foreign_sqlite(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    connection.commit()
    connection.close()


def _newer_schema(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version={schema.SCHEMA_VERSION + 5}")
    connection.commit()
    connection.close()


@pytest.mark.parametrize(
    ("make", "phrase"),
    [
        (None, "There is no workspace"),
        (lambda p: p.write_text("quarterly plan, draft 3\n"), "not an SQLite database"),
        (lambda p: p.write_bytes(bytes(range(256)) * 40), "not an SQLite database"),
        (_foreign_sqlite, "another program"),
        ("newer", "newer Align Desktop"),
        ("read-only", "read-only"),
    ],
)
def test_bad_files_are_refused_with_a_dialog_and_left_untouched(
    window: MainWindow, prompter: Any, sample_path: Path, tmp_path: Path, make: Any, phrase: str
) -> None:
    path = tmp_path / "bad.align"
    if make == "newer":
        path = sample_path
        _newer_schema(path)
    elif make == "read-only":
        path = sample_path
        path.chmod(0o444)
    elif make is not None:
        make(path)
    before = path.read_bytes() if path.exists() else None
    assert window.open_workspace(path) is False
    assert len(prompter.errors) == 1
    assert phrase in prompter.errors[0][1]
    assert (path.read_bytes() if path.exists() else None) == before
    assert window.workspace is None
    assert window.current_view() is window.welcome


def test_opening_a_workspace_shows_the_board_and_remembers_it(
    qtbot: Any, window: MainWindow, prompter: Any, sample_path: Path
) -> None:
    assert window.open_workspace(sample_path)
    assert window.current_view() is window.board
    assert "Northwind" in window.windowTitle()
    assert len(window.board.scene.cards) == 28
    window.close()
    again = _window(qtbot, prompter)
    recent = again.welcome._recent
    assert recent.item(0).data(Qt.ItemDataRole.UserRole) == sample_path.resolve()


def test_window_geometry_is_restored(qtbot: Any, window: MainWindow, prompter: Any) -> None:
    window.resize(780, 640)
    window.close()
    again = _window(qtbot, prompter)
    assert (again.width(), again.height()) == (780, 640)


def test_the_first_window_fits_the_screen(qtbot: Any, prompter: Any) -> None:
    window = _window(qtbot, prompter)  # no size saved yet; the test screen is 800 × 800
    free = window.screen().availableGeometry().size()
    assert free.width() < FIRST_SIZE.width() and free.height() < FIRST_SIZE.height()
    assert window.height() <= free.height()
    assert window.width() <= max(free.width(), window.minimumSizeHint().width())


def test_edits_survive_closing_and_reopening(qtbot: Any, window: MainWindow, prompter: Any, sample_path: Path) -> None:
    window.open_workspace(sample_path)
    key = lane_keys(window.board)["Later"][0]
    window.board.scene.select(key)
    window.board.nudge(-1, 0)
    moved = lane_keys(window.board)
    window.close()
    again = _window(qtbot, prompter)
    again.open_workspace(sample_path)
    assert lane_keys(again.board) == moved


def test_new_from_sample_creates_and_opens_it(window: MainWindow, prompter: Any, tmp_path: Path) -> None:
    target = tmp_path / "workshop.align"
    prompter.path_answers = [target]
    window.new_from_sample("retail")
    assert target.exists()
    assert window.workspace is not None
    assert window.workspace.workspace.path == target.resolve()


def test_new_over_an_existing_file_is_refused(window: MainWindow, prompter: Any, sample_path: Path) -> None:
    before = sample_path.read_bytes()
    prompter.path_answers = [sample_path]
    window.new_workspace()
    assert "already exists" in prompter.errors[0][1]
    assert sample_path.read_bytes() == before
    assert window.workspace is None


def test_keyboard_shortcuts_reach_the_board(qtbot: Any, window: MainWindow, sample_path: Path) -> None:
    window.open_workspace(sample_path)
    window.activateWindow()
    qtbot.waitActive(window)
    key = lane_keys(window.board)["Now"][0]
    window.board.scene.select(key)
    window.board.canvas.setFocus()
    QTest.keyClick(window.board.canvas, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert lane_keys(window.board)["Next"][0] == key
    QTest.keyClick(window.board.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert lane_keys(window.board)["Now"][0] == key
    QTest.keyClick(
        window.board.canvas,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert lane_keys(window.board)["Next"][0] == key
    QTest.keyClick(window.board.canvas, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.board.search.hasFocus()


def test_navigation_switches_views(window: MainWindow, sample_path: Path) -> None:
    window.open_workspace(sample_path)
    window.show_view("outcomes")
    assert window.current_view() is window.view("outcomes")
    window.show_view("board")
    assert window.current_view() is window.board


def test_closing_returns_to_the_welcome_screen(window: MainWindow, sample_path: Path) -> None:
    window.open_workspace(sample_path)
    window.close_workspace()
    assert window.workspace is None
    assert window.current_view() is window.welcome
    assert window.windowTitle() == "Align Desktop"


def test_the_navigation_counts_the_alerts_and_a_dashboard_click_opens_its_view(
    qtbot: Any, prompter: Any, sample_path: Path
) -> None:
    window = MainWindow(Preferences(user_settings()), prompter)
    qtbot.addWidget(window)
    window.show()
    window.open_workspace(sample_path)
    navigation = window.findChild(QListWidget)
    assert navigation is not None
    qtbot.waitUntil(lambda: navigation.item(0).text().startswith("Dashboard ("))
    count = int(navigation.item(0).text().removeprefix("Dashboard (").removesuffix(")"))
    assert count > 0
    window.open_target("risks", Target(targets.RISK, "R-003"))
    assert window.current_view() is window.view("risks")
    assert window.view("risks").selected_key() == "R-003"
    window.close_workspace()
    assert navigation.item(0).text() == "Dashboard"


def test_the_navigation_widens_to_show_a_large_alert_count_whole(window: MainWindow, sample_path: Path) -> None:
    window.open_workspace(sample_path)
    navigation = window.findChild(QListWidget)
    assert navigation is not None
    narrow = navigation.width()
    window.view("dashboard").alerts_counted.emit(123456)
    text = navigation.item(0).text()
    assert text == "Dashboard (123456)"
    bold = QFont(navigation.font())
    bold.setBold(True)
    assert QFontMetrics(bold).horizontalAdvance(text) + 28 <= navigation.width()
    assert navigation.width() > narrow


def _drag_file(target: QWidget, path: Path) -> tuple[bool, bool]:
    """Drag `path` over `target` and drop it there, as a file manager would: (entry accepted, drop accepted)."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    button, no_keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(20, 20), Qt.DropAction.CopyAction, mime, button, no_keys)
    QApplication.sendEvent(target, enter)
    if not enter.isAccepted():
        return False, False
    drop = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime, button, no_keys)
    QApplication.sendEvent(target, drop)
    return True, drop.isAccepted()


def test_a_workspace_dropped_on_the_welcome_screen_opens(window: MainWindow, sample_path: Path) -> None:
    assert _drag_file(window.welcome, sample_path) == (True, True)
    assert window.workspace is not None
    assert window.workspace.workspace.path == sample_path.resolve()
    assert window.current_view() is window.board


def test_a_workspace_dropped_on_the_board_opens_in_place_of_the_open_one(
    window: MainWindow, sample_path: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.align"
    other.write_bytes(sample_path.read_bytes())
    window.open_workspace(sample_path)
    assert _drag_file(window.board.canvas.viewport(), other) == (True, True)
    assert window.workspace is not None
    assert window.workspace.workspace.path == other.resolve()


def test_other_files_are_not_taken(window: MainWindow, tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("agenda")
    assert _drag_file(window, notes) == (False, False)
    assert window.workspace is None


def test_opening_from_the_welcome_screen_leaves_one_page_showing(window: MainWindow, sample_path: Path) -> None:
    window.activateWindow()
    window.welcome.try_sample_button.setFocus()  # the welcome screen has the focus, as after a click on it
    assert window.open_workspace(sample_path)
    for name in ("matrix", "risks", "board"):
        window.show_view(name)
        pages = [window._pages.widget(index) for index in range(window._pages.count())]
        assert [page for page in pages if page.isVisible()] == [window.view(name)]


def test_the_window_fits_a_1280_by_720_screen_with_every_view_built(window: MainWindow, sample_path: Path) -> None:
    assert window.open_workspace(sample_path)
    for spec in VIEWS:
        window.show_view(spec.name)
        QApplication.processEvents()
    hint = window.minimumSizeHint()
    assert hint.width() <= 1280 and hint.height() <= 720, (hint.width(), hint.height())


def test_the_matrix_on_a_1280_by_720_screen_keeps_room_for_the_grid_and_a_readable_chart(
    qtbot: Any, window: MainWindow, sample_path: Path
) -> None:
    assert window.open_workspace(sample_path)
    window.resize(1280, 720)
    window.show_view("matrix")
    view = cast(MatrixView, window.view("matrix"))
    chart = view.ranking.chart
    qtbot.waitUntil(lambda: chart.figure is not None and not chart.pending(), timeout=10_000)
    grid = view.body.sizes()[0]
    assert grid >= 500  # two capability columns beside the initiatives (it was one)
    capability = view.ranking.table.horizontalHeader().sectionSize(CAPABILITY)
    assert capability >= CAPABILITY_MIN_WIDTH - 2  # "C-003 Feature store" reads
    shown_bars = len(chart.figure.axes[0].get_yticklabels())  # type: ignore[union-attr]
    assert shown_bars == chart.bars_fitting() < TOP  # as many bars as the height reads, not all twelve crammed
    assert f"(top {shown_bars})" in chart.figure.axes[0].get_title("left")  # type: ignore[union-attr]
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: len(chart.figure.axes[0].get_yticklabels()) == TOP, timeout=10_000)  # type: ignore[union-attr]
