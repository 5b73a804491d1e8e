"""The participant picker of the vote panel: one button per person, with the dots they have left.

The facilitator enters the room's votes one participant at a time: the checked button says whose
dots a click places. Keys 1–9 pick the first nine participants (the panel binds them).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QPushButton, QWidget

from align_desktop.store.vote_rows import VoteBoard

_BUTTON_STYLE = (
    "QPushButton { padding: 6px 14px; border: 1px solid #90a4ae; border-radius: 6px; }"
    " QPushButton:checked { background: #1565c0; color: white; border-color: #0d47a1; }"
)


PER_ROW = 3
"""Participant buttons on one row; more go on the next."""


class ParticipantBar(QWidget):
    """Exclusive buttons "1 Ana · 2 left"; `picked` carries the participant's id."""

    picked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._group.idClicked.connect(self.picked)
        self.buttons: list[QPushButton] = []
        self._layout = QGridLayout(self)  # rows of `PER_ROW`, so that a large room still fits the panel
        self._layout.setContentsMargins(0, 0, 0, 0)

    def current(self) -> int | None:
        """The id of the participant whose dots a click places, if anyone's."""
        checked = self._group.checkedId()
        return None if checked == -1 else checked

    def show_board(self, board: VoteBoard) -> None:
        """One button per participant with the dots they have left; the current one stays picked."""
        ids = [person.id for person in board.participants]
        if [self._group.id(button) for button in self.buttons] != ids:
            self._rebuild(ids)
        for number, (button, person) in enumerate(zip(self.buttons, board.participants, strict=True), start=1):
            left = board.left(person.id)
            button.setText(self._label(number, person.name, left))
            key = self.tr("; key {0}").format(number) if number <= 9 else ""
            button.setToolTip(
                self.tr("Place {0}'s dots ({1} of {2} left){3}").format(
                    person.name, left, board.vote.dots_per_participant, key
                )
            )
        current = self.current()
        if ids:
            self.pick(current if current in ids else ids[0])

    def _rebuild(self, ids: list[int]) -> None:
        for button in self.buttons:
            self._group.removeButton(button)
            button.deleteLater()
        self.buttons = []
        for index, participant_id in enumerate(ids):
            button = QPushButton()
            button.setCheckable(True)
            button.setStyleSheet(_BUTTON_STYLE)
            self._group.addButton(button, participant_id)
            self._layout.addWidget(button, *divmod(index, PER_ROW))
            self.buttons.append(button)

    def _label(self, number: int, name: str, left: int) -> str:
        prefix = f"{number}  " if number <= 9 else ""
        if left == 0:
            return prefix + self.tr("{0} · no dots left").format(name)
        return prefix + (self.tr("{0} · 1 dot left") if left == 1 else self.tr("{0} · {1} dots left")).format(
            name, left
        )

    def pick(self, participant_id: int) -> None:
        button = self._group.button(participant_id)
        if button is not None and not button.isChecked():
            button.setChecked(True)
            self.picked.emit(participant_id)

    def pick_number(self, number: int) -> None:
        """Pick the `number`th participant (1-based), as key 1–9 does."""
        if 1 <= number <= len(self.buttons):
            self.pick(self._group.id(self.buttons[number - 1]))
