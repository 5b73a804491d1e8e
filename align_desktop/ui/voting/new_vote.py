"""The dialog that starts a dot vote: its question, what it is about, and how many dots each person gets."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QSpinBox, QVBoxLayout, QWidget

from align_desktop.domain.voting import DEFAULT_DOTS, DOTS_MAX, DOTS_MIN, VOTE_SUBJECTS
from align_desktop.ui.submit_dialog import SubmitDialog

Submit = Callable[[str, str, int], None]
"""Create the vote (title, subject, dots per participant); raises on refusal."""


class NewVoteDialog(SubmitDialog):
    """Title, subject (initiatives, capabilities or risks) and dots per participant; OK creates the vote."""

    def __init__(self, session_title: str, subject: str, submit: Submit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._submit = submit
        self.setWindowTitle(self.tr("New dot vote"))
        self.title = QLineEdit(self.tr("What matters most?"))
        self.title.setAccessibleName(self.tr("Question"))
        self.title.selectAll()
        self.subject = QComboBox()
        self.subject.setAccessibleName(self.tr("Vote on"))
        for value, label in VOTE_SUBJECTS.items():
            self.subject.addItem(self.tr(label), value)
        self.subject.setCurrentIndex(max(0, self.subject.findData(subject)))
        self.dots = QSpinBox()
        self.dots.setRange(DOTS_MIN, DOTS_MAX)
        self.dots.setValue(DEFAULT_DOTS)
        self.dots.setAccessibleName(self.tr("Dots per participant"))
        self.dots.setToolTip(
            self.tr("How many dots each person in the room places ({0}–{1})").format(DOTS_MIN, DOTS_MAX)
        )
        form = QFormLayout()
        form.addRow(self.tr("&Question"), self.title)
        form.addRow(self.tr("Vote &on"), self.subject)
        form.addRow(self.tr("&Dots per participant"), self.dots)
        note = QLabel(self.tr("In session: {0}. Totals stay hidden until you reveal them.").format(session_title))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.title.setFocus()

    def submit_changes(self) -> None:
        self._submit(self.title.text(), str(self.subject.currentData()), self.dots.value())
