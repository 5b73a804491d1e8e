"""The push preview: what pushing an offline copy would change on its team workspace, and where it conflicts.

One top row per item (added, changed or removed), with a child row per field: its value when the copy
was downloaded, on the team workspace now, and in the copy. A conflicting item is marked with a warning
icon, a colour that suits the palette and its reason; where the user may settle it with the copy's
values, it has a "Use mine" box (unticked: the team's values are kept, shown in bold). An item that
cannot be pushed says why. Nothing is pushed until the user presses Push.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QSize
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from align_desktop.domain.push import Action, FieldChange, ItemChange, PushPlan
from align_desktop.domain.push import shown as shown_value

ITEM, ACTION, FIELD, WAS, THEIRS, MINE, RESOLUTION = range(7)
"""The table's columns."""
INITIAL_SIZE = QSize(1120, 620)
WIDEST_ITEM = 360
"""Pixels: the items' column grows no wider (a longer name shows whole in its tooltip)."""
ROW_PADDING = 2
"""Pixels a row has beyond the height of a check box."""
ITEM_PADDING = 24
"""Pixels around an item's name in its column: the cell's margins and the gap after the warning icon."""

_WARNING_ON_LIGHT = QColor("#a14a00")
_WARNING_ON_DARK = QColor("#ffb454")


def tr(text: str) -> str:
    return QCoreApplication.translate("PushPreviewDialog", text)


class PushPreviewDialog(QDialog):
    """Shows a `PushPlan`; Push is offered when something can be pushed, and `use_mine()` says how conflicts end."""

    def __init__(self, plan: PushPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle(tr("Push changes to the team workspace"))
        self.resize(INITIAL_SIZE)
        self._warning = warning_colour(self.palette())
        self._warning_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self._row_height = QCheckBox().sizeHint().height() + ROW_PADDING
        self._checks: dict[int, QCheckBox] = {}
        """The "Use mine" box of each conflicting item that has one, by its position in the plan."""
        self._kept: dict[int, list[QTreeWidgetItem]] = {}
        """The rows of each such item's conflicting fields, whose kept value is shown in bold."""

        self.heading = QLabel(self._heading())
        self.heading.setWordWrap(True)
        font = QFont(self.heading.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.heading.setFont(font)
        self.explanation = QLabel(self._explanation())
        self.explanation.setWordWrap(True)

        self.tree = QTreeWidget()
        self.tree.setAccessibleName(tr("Changes to push"))
        self.tree.setColumnCount(RESOLUTION + 1)
        self.tree.setHeaderLabels(
            [
                tr("Item"),
                tr("Action"),
                tr("Field"),
                tr("At download"),
                tr("Team's now"),
                tr("Yours"),
                tr("Conflict"),
            ]
        )
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        for index, change in enumerate(plan.changes):
            self._add_item(index, change)
        self.tree.expandAll()
        self._fit_columns()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.push_button = buttons.addButton(tr("Push"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.push_button.setEnabled(any(not change.skipped for change in plan.changes))
        self.push_button.setDefault(True)
        self.push_button.setToolTip(tr("Make these changes on the team workspace, in one step"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setToolTip(tr("Push nothing"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.explanation)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.push_button.setFocus()  # not the table: Enter pushes, as the default button shows (a disabled one refuses)

    def use_mine(self) -> frozenset[int]:
        """The positions in the plan of the conflicting items whose values the user chose over the team's."""
        return frozenset(index for index, check in self._checks.items() if check.isChecked())

    # rows

    def _add_item(self, index: int, change: ItemChange) -> None:
        row = self._row(self.tree, [change.heading, action_text(change.action)])
        bold = QFont(row.font(ITEM))
        bold.setBold(True)
        row.setFont(ITEM, bold)
        row.setToolTip(ITEM, change.heading)
        if change.skipped:
            row.setText(RESOLUTION, tr("Not pushed"))
            row.setToolTip(RESOLUTION, change.conflict)
            self._explain(row, change.conflict[:1].upper() + change.conflict[1:], warning=True)
        elif change.conflict:
            self._explain(row, tr("Conflict: {0}").format(change.conflict), warning=True)
        if change.conflict:
            row.setIcon(ITEM, self._warning_icon)
            for column in (ITEM, ACTION, RESOLUTION):
                row.setForeground(column, self._warning)
        if change.note:
            self._explain(row, change.note, warning=False)
        fields = [self._add_field(row, field, change.skipped) for field in change.fields]
        if change.conflict and change.can_use_mine:
            self._kept[index] = [child for child, field in zip(fields, change.fields, strict=True) if field.conflict]
            check = QCheckBox(tr("Use mine"))
            check.setAccessibleName(tr("Use mine for {0}").format(change.item))
            check.setToolTip(
                tr("Push your values of the conflicting fields of {0}; unticked, the team's are kept").format(
                    change.item
                )
            )
            check.toggled.connect(lambda _checked, at=index: self._show_kept(at))
            self._checks[index] = check
            self.tree.setItemWidget(row, RESOLUTION, check)
            self._show_kept(index)

    def _row(self, parent: QTreeWidget | QTreeWidgetItem, texts: list[str]) -> QTreeWidgetItem:
        """A row as tall as one holding a "Use mine" box, so that every row is (the table reads evenly)."""
        row = QTreeWidgetItem(parent, texts)
        row.setSizeHint(ITEM, QSize(0, self._row_height))
        return row

    def _add_field(self, parent: QTreeWidgetItem, field: FieldChange, skipped: bool) -> QTreeWidgetItem:
        values = {WAS: field.was, THEIRS: field.theirs, MINE: field.mine}
        row = self._row(parent, [])
        row.setText(FIELD, field.field)
        row.setToolTip(FIELD, field.field)
        for column, value in values.items():
            row.setText(column, shown(value))
            row.setToolTip(column, shown(value, whole=True))
        if field.conflict:
            row.setIcon(FIELD, self._warning_icon)
            row.setText(RESOLUTION, tr("Both changed it"))
            row.setToolTip(RESOLUTION, tr("Changed on the team workspace and in your copy, differently"))
            for column in (FIELD, THEIRS, MINE, RESOLUTION):
                row.setForeground(column, self._warning)
        if skipped:
            greyed = self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
            for column in range(self.tree.columnCount()):
                row.setForeground(column, greyed)
        return row

    def _explain(self, parent: QTreeWidgetItem, text: str, *, warning: bool) -> None:
        """A row under the item, across the table, with why it conflicts or a note on what pushing does."""
        row = self._row(parent, [text])
        row.setFirstColumnSpanned(True)
        row.setToolTip(ITEM, text)
        font = QFont(row.font(ITEM))
        font.setItalic(not warning)
        row.setFont(ITEM, font)
        if warning:
            row.setForeground(ITEM, self._warning)

    def _show_kept(self, index: int) -> None:
        """In bold, the value each conflicting field of item `index` ends with: the team's, or the user's."""
        mine = self._checks[index].isChecked()
        for row in self._kept[index]:
            for column, kept in ((THEIRS, not mine), (MINE, mine)):
                font = QFont(row.font(column))
                font.setBold(kept)
                row.setFont(column, font)

    def _fit_columns(self) -> None:
        """The items' column as wide as their names (not the rows across the table), the action, field and conflict
        columns fitted to their contents, and the three values sharing the room left."""
        bold = QFont(self.tree.font())
        bold.setBold(True)
        names = max((QFontMetrics(bold).horizontalAdvance(change.heading) for change in self.plan.changes), default=0)
        icon = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        self.tree.setColumnWidth(ITEM, min(self.tree.indentation() + icon + names + ITEM_PADDING, WIDEST_ITEM))
        for column in (ACTION, FIELD, RESOLUTION):
            self.tree.resizeColumnToContents(column)
        header = self.tree.header()
        header.setStretchLastSection(False)
        for column in (WAS, THEIRS, MINE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)

    # sentences

    def _heading(self) -> str:
        plan = self.plan
        total, conflicts = len(plan.changes), len(plan.conflicts)
        downloaded = day(plan.downloaded_at)
        if plan.empty:
            text = tr(
                "Nothing to push to {0}: since you downloaded the copy on {1}, it has changed nothing that the team "
                "workspace does not already hold."
            )
        elif total == 1 and conflicts == 0:
            text = tr(
                "1 change to push to {0}; it does not conflict with changes made on the team workspace "
                "since you downloaded the copy on {1}."
            )
        elif total == 1:
            text = tr(
                "1 change to push to {0}; it conflicts with changes made on the team workspace "
                "since you downloaded the copy on {1}."
            )
        elif conflicts == 0:
            text = tr(
                "{2} changes to push to {0}; none of them conflicts with changes made on the team workspace "
                "since you downloaded the copy on {1}."
            )
        elif conflicts == 1:
            text = tr(
                "{2} changes to push to {0}, 1 of them conflicts with changes made on the team workspace "
                "since you downloaded the copy on {1}."
            )
        else:
            text = tr(
                "{2} changes to push to {0}, {3} of them conflict with changes made on the team workspace "
                "since you downloaded the copy on {1}."
            )
        return text.format(plan.origin, downloaded, total, conflicts)

    def _explanation(self) -> str:
        sentences = [
            tr(
                "Pushing makes these changes on the team workspace in one step; the copy is then marked as "
                "pushed and cannot be pushed again."
            )
        ]
        if any(change.can_use_mine and change.conflict for change in self.plan.changes):
            sentences.append(
                tr(
                    "Where a field was changed on both sides, the team's value is kept (in bold) unless you "
                    "tick Use mine for the item."
                )
            )
        skipped = sum(change.skipped for change in self.plan.changes)
        if skipped == 1:
            sentences.append(tr("1 change cannot be pushed; its row says why."))
        elif skipped:
            sentences.append(tr("{0} changes cannot be pushed; their rows say why.").format(skipped))
        return " ".join(sentences)


def action_text(action: Action) -> str:
    """What a change does to its item, as the table says it."""
    texts = {
        Action.ADD: tr("Add"),
        Action.CHANGE: tr("Change"),
        Action.REMOVE: tr("Remove"),
    }
    return texts[action]


def shown(value: object, *, whole: bool = False) -> str:
    """A field's value as people read it (`domain.push.shown`), yes and no in the user's language."""
    if isinstance(value, bool):
        return tr("Yes") if value else tr("No")
    return shown_value(value, whole=whole)


def day(moment: datetime) -> str:
    """The local day of `moment` (UTC when it names no zone, as the store keeps times), as "26 Nov 2026" in the
    user's language."""
    local = (moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)).astimezone()
    return QLocale().toString(QDate(local.year, local.month, local.day), "d MMM yyyy")


def warning_colour(palette: QPalette) -> QColor:
    """An amber that reads on the palette's background, light or dark."""
    return _WARNING_ON_DARK if palette.color(QPalette.ColorRole.Base).lightness() < 128 else _WARNING_ON_LIGHT
