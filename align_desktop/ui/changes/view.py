"""The What Changed view: pick two snapshots (or a snapshot and now) and see what changed between them.

On top, the two moments to compare and a Take Snapshot… button; below, the summary (items
added, removed and changed, portfolio NPV per scenario, board moves, risk bands and scores) and
the list of every change. Taking a snapshot is a record, like a backup, and not an undo step.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from align_desktop.domain.validation import ValidationError
from align_desktop.store.errors import WorkspaceError
from align_desktop.store.snapshot_queries import SnapshotRow
from align_desktop.store.snapshots import SnapshotService
from align_desktop.ui.changes.change_list import ChangeList
from align_desktop.ui.changes.summary import ChangeSummary
from align_desktop.ui.changes.text import snapshot_tip, snapshot_title, tr
from align_desktop.ui.empty_state import EmptyState, EmptyStateStack
from align_desktop.ui.prompts import Prompter
from align_desktop.ui.view import WorkspaceView

NOW = -1
"""The "Now" entry of the second list: the workspace as it is."""


def default_pair(rows: list[SnapshotRow]) -> tuple[int, int]:
    """What to compare first: a session's start with its end when the latest snapshot ends one,
    else the latest snapshot with now."""
    latest = rows[-1]
    if latest.reason == "end":
        for row in reversed(rows):
            if row.reason == "start" and row.session_id is not None and row.session_id == latest.session_id:
                return row.id, latest.id
    return latest.id, NOW


class ChangesView(WorkspaceView):
    """What changed between two snapshots of the workspace, or between one and now."""

    def __init__(self, prompter: Prompter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._prompter = prompter
        self._chosen: tuple[int, int] | None = None
        self._listed: tuple[int, ...] = ()
        """The snapshots listed when the user last chose; a new or dropped one brings back `default_pair`."""
        self.before_combo = self._combo(tr("Compare from"), tr("The earlier moment: a snapshot"))
        self.after_combo = self._combo(tr("Compare to"), tr("The later moment: a snapshot, or the workspace now"))
        self.take_button = QPushButton(tr("Take Snapshot…"))
        self.take_button.setToolTip(
            tr("Record the whole workspace as it is now, under a label, to compare with later (not an undo step)")
        )
        self.take_button.clicked.connect(self.take_snapshot)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(tr("Compare")))
        bar.addWidget(self.before_combo, 1)
        bar.addWidget(QLabel(tr("with")))
        bar.addWidget(self.after_combo, 1)
        bar.addStretch()
        bar.addWidget(self.take_button)

        self.summary = ChangeSummary()
        self.change_list = ChangeList()
        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addLayout(bar)
        content_layout.addWidget(self.summary)
        content_layout.addWidget(self.change_list, 1)

        self.empty_state = EmptyState()
        self.empty_state.show_message(
            tr("No snapshots yet"),
            tr(
                "A snapshot records the whole workspace at one moment: lanes, scores, business cases, capabilities "
                "and risks. Workshop sessions take one when they start and when they end. Compare two snapshots, "
                "or one with the workspace now, to see every item and field that changed, the board moves, the "
                "portfolio NPV before and after, and the risks that changed band."
            ),
            tr("Take a snapshot now; after the next changes, come back here to see what changed."),
            tr("Take Snapshot…"),
        )
        self.empty_state.action_clicked.connect(self.take_snapshot)
        self.pages = EmptyStateStack(content, self.empty_state)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)

    def _combo(self, name: str, tip: str) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        combo.setToolTip(tip)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(28)
        combo.activated.connect(self._choose)
        return combo

    def _service(self) -> SnapshotService:
        assert self.workspace is not None
        return SnapshotService(self.workspace.workspace)

    def refresh(self) -> None:
        rows = self._service().list()
        self.pages.show_hint(not rows)
        if not rows:
            self._chosen, self._listed = None, ()
            return
        listed = tuple(row.id for row in rows)
        before, after = self._chosen if self._chosen and listed == self._listed else default_pair(rows)
        self._listed = listed
        self._fill(rows, before, after)
        self._compare()

    def _fill(self, rows: list[SnapshotRow], before: int, after: int) -> None:
        newest_first = list(reversed(rows))
        for combo, chosen, with_now in ((self.before_combo, before, False), (self.after_combo, after, True)):
            combo.blockSignals(True)
            combo.clear()
            if with_now:
                combo.addItem(tr("Now (the workspace as it is)"), NOW)
            for row in newest_first:
                combo.addItem(snapshot_title(row), row.id)
                combo.setItemData(combo.count() - 1, snapshot_tip(row), Qt.ItemDataRole.ToolTipRole)
            combo.setCurrentIndex(max(combo.findData(chosen), 0))
            combo.blockSignals(False)
        self._chosen = (before, after)

    def _choose(self) -> None:
        self._chosen = (self.before_combo.currentData(), self.after_combo.currentData())
        self._compare()

    def _compare(self) -> None:
        if self._chosen is None:
            return
        before, after = self._chosen
        service = self._service()
        try:
            comparison = service.compare_with_now(before) if after == NOW else service.compare(before, after)
        except (WorkspaceError, LookupError) as error:
            self._prompter.error(tr("Cannot compare"), str(error))
            return
        self.summary.show_comparison(comparison)
        self.change_list.show_comparison(comparison)

    def take_snapshot(self) -> None:
        """Ask for a label and record the workspace now; the view then compares that snapshot with now."""
        if self.workspace is None:
            return
        label = self._prompter.ask_text(
            tr("Take Snapshot"), tr("Label of the snapshot (for example: Before the pricing discussion):")
        )
        if label is None:
            return
        try:
            self._service().take(label)
        except ValidationError as error:
            self._prompter.error(tr("No snapshot taken"), error.message)
            return
        except WorkspaceError as error:
            self._prompter.error(tr("No snapshot taken"), str(error))
            return
        self.workspace.notify_committed()
