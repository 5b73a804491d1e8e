"""File > Import and drag and drop: check, preview, then apply as one undo step after a backup."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from align_desktop.exchange.workbook_export import export_workbook
from align_desktop.store.backup import backup_folder
from align_desktop.store.connection import connect
from align_desktop.ui.exchange.import_dialog import ImportPreviewDialog
from align_desktop.ui.main_window import MainWindow
from align_desktop.ui.preferences import Preferences, user_settings
from align_desktop.ui.tasks import ImmediateRunner


@pytest.fixture
def window(qtbot: Any, prompter: Any, sample_path: Path) -> MainWindow:
    window = MainWindow(Preferences(user_settings()), prompter, ImmediateRunner())
    qtbot.addWidget(window)
    window.show()
    window.open_workspace(sample_path)
    return window


def _edited_workbook(sample_path: Path, tmp_path: Path, benefit: object) -> Path:
    """The sample exported as a workbook, with I-001's annual benefit changed as finance would."""
    out = tmp_path / "finance edit.xlsx"
    export_workbook(sample_path, out)
    book = openpyxl.load_workbook(out)
    sheet = book["Benefits"]
    headers = [cell.value for cell in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        if row[0].value == "I-001":
            row[headers.index("Annual benefit at full adoption")].value = benefit
    book.save(out)
    return out


def _accept_preview(monkeypatch: pytest.MonkeyPatch) -> list[ImportPreviewDialog]:
    shown: list[ImportPreviewDialog] = []

    def accept(dialog: ImportPreviewDialog) -> int:
        shown.append(dialog)
        return 1 if dialog.apply_button.isEnabled() else 0

    monkeypatch.setattr(ImportPreviewDialog, "exec", accept)
    return shown


def test_an_import_is_previewed_applied_and_undone_as_one_step(
    window: MainWindow, prompter: Any, sample_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.workspace is not None
    cases = window.workspace.business_cases
    before = cases.case("I-001").annual_benefit
    workbook = _edited_workbook(window.workspace.workspace.path, tmp_path, 999_999)
    shown = _accept_preview(monkeypatch)
    prompter.path_answers = [workbook]
    window.imports.choose_and_import()
    assert any("I-001" in line and "999" in line for line in shown[0].plan.preview)
    assert cases.case("I-001").annual_benefit == 999_999
    assert window.workspace.undo_stack.count() == 1
    assert list(backup_folder(window.workspace.workspace.path).glob("* before import.align"))
    window.workspace.undo_stack.undo()
    assert cases.case("I-001").annual_benefit == before
    window.workspace.undo_stack.redo()
    assert cases.case("I-001").annual_benefit == 999_999


def test_a_workbook_with_errors_cannot_be_applied(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.workspace is not None
    workbook = _edited_workbook(window.workspace.workspace.path, tmp_path, "lots")
    shown = _accept_preview(monkeypatch)
    window.imports.import_workbook(workbook)
    dialog = shown[0]
    assert not dialog.apply_button.isEnabled()
    assert any(line.startswith("Benefits!") for line in dialog.plan.errors)
    assert window.workspace.undo_stack.count() == 0


def test_an_item_deleted_while_the_preview_shows_stops_the_import_with_a_sentence_naming_it(
    window: MainWindow, prompter: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.workspace is not None
    path = window.workspace.workspace.path
    workbook = _edited_workbook(path, tmp_path, 999_999)

    def deleted_meanwhile(dialog: ImportPreviewDialog) -> int:
        with closing(connect(path)) as other_window:
            other_window.execute(
                "DELETE FROM business_case WHERE initiative_id = (SELECT id FROM initiative WHERE key = 'I-001')"
            )
        return 1

    monkeypatch.setattr(ImportPreviewDialog, "exec", deleted_meanwhile)
    window.imports.import_workbook(workbook)
    assert prompter.errors == [
        (
            "Not imported",
            "The business case of I-001 does not exist any more: it was deleted after the preview was made. "
            "Import the workbook again to see what it changes now.",
        )
    ]
    assert window.workspace.undo_stack.count() == 0


def test_an_unreadable_file_is_refused_in_one_sentence(window: MainWindow, prompter: Any, tmp_path: Path) -> None:
    bad = tmp_path / "notes.xlsx"
    bad.write_text("quarterly notes\n")
    window.imports.import_workbook(bad)
    assert len(prompter.errors) == 1
    assert "notes.xlsx" in prompter.errors[0][1]


def _drop(window: MainWindow, path: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    window.dropEvent(event)


def test_dropping_a_workbook_imports_it(window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert window.workspace is not None
    workbook = _edited_workbook(window.workspace.workspace.path, tmp_path, 123_456)
    _accept_preview(monkeypatch)
    _drop(window, workbook)
    assert window.workspace.business_cases.case("I-001").annual_benefit == 123_456


def test_dropping_a_workspace_opens_it(window: MainWindow, sample_path: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.align"
    other.write_bytes(sample_path.read_bytes())
    _drop(window, other)
    assert window.workspace is not None
    assert window.workspace.workspace.path == other.resolve()
