"""Every question the app asks the user goes through one `Prompter`, which tests replace."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

WORKSPACE_FILTER = "Align workspaces (*.align);;All files (*)"
WORKBOOK_FILTER = "Excel workbooks (*.xlsx);;All files (*)"
PDF_FILTER = "PDF documents (*.pdf);;All files (*)"


def documents_folder() -> Path:
    """Where new files are suggested: the user's Documents folder, or home if there is none."""
    documents = Path.home() / "Documents"
    return documents if documents.is_dir() else Path.home()


def tr(text: str) -> str:
    return QCoreApplication.translate("Prompter", text)


class Prompter:
    """Modal dialogs parented to one window: errors, confirmations, text and file questions."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self._parent = parent

    def set_parent(self, parent: QWidget) -> None:
        self._parent = parent

    def error(self, title: str, message: str) -> None:
        QMessageBox.warning(self._parent, title, message)

    def inform(self, title: str, message: str) -> None:
        QMessageBox.information(self._parent, title, message)

    def confirm(self, title: str, message: str, action: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, message, parent=self._parent)
        ok = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(ok)
        box.exec()
        return box.clickedButton() is ok

    def choose(self, title: str, message: str, choices: list[str]) -> int | None:
        """Which of `choices` the user picked (its index), or None when they cancel: a button each for a
        few short choices, else a list (so that long titles are read whole)."""
        if as_list(choices):
            picked, ok = QInputDialog.getItem(self._parent, title, message, choices, 0, False)
            return choices.index(picked) if ok and picked in choices else None
        box = QMessageBox(QMessageBox.Icon.Question, title, message, parent=self._parent)
        buttons = [box.addButton(choice, QMessageBox.ButtonRole.ActionRole) for choice in choices]
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        clicked = box.clickedButton()
        return next((i for i, button in enumerate(buttons) if button is clicked), None)

    def ask_text(self, title: str, label: str) -> str | None:
        """Text the user typed (several lines allowed), or None when they cancel."""
        text, ok = QInputDialog.getMultiLineText(self._parent, title, label)
        return text if ok else None

    def ask_line(self, title: str, label: str, suggested: str = "") -> str | None:
        """One line the user typed (an address, say), or None when they cancel."""
        text, ok = QInputDialog.getText(self._parent, title, label, QLineEdit.EchoMode.Normal, suggested)
        return text if ok else None

    def ask_password(self, title: str, label: str) -> str | None:
        """A password, typed unseen; None when they cancel. The caller keeps it in memory only."""
        text, ok = QInputDialog.getText(self._parent, title, label, QLineEdit.EchoMode.Password)
        return text if ok else None

    def open_path(self, title: str, file_filter: str = WORKSPACE_FILTER) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(self._parent, title, str(Path.home()), file_filter)
        return Path(name) if name else None

    def save_path(self, title: str, suggested: Path, file_filter: str = WORKSPACE_FILTER) -> Path | None:
        """Where to save; a name typed without an extension gets the suggested one."""
        name, _ = QFileDialog.getSaveFileName(self._parent, title, str(suggested), file_filter)
        if not name:
            return None
        path = Path(name)
        return path if path.suffix else path.with_suffix(suggested.suffix)


BUTTONS_AT_MOST = 3
BUTTON_TEXT_AT_MOST = 28
"""Choices beyond these (more of them, or a longer one) are offered as a list instead of buttons."""


def as_list(choices: list[str]) -> bool:
    """Whether `choices` are offered as a list: more than a few, or one too long for a button."""
    return len(choices) > BUTTONS_AT_MOST or any(len(choice) > BUTTON_TEXT_AT_MOST for choice in choices)
