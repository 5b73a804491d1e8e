"""The register's filter row: words, category, residual band, owner, status, two marks, the heat-map cell.

The bar only holds the choices; `current()` gives them as one `RegisterFilter` and `changed` says
when any of them moved. The heat-map cell filter shows as a chip that clears it when clicked.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QPushButton, QWidget

from align_desktop.domain.risk import BANDS, RISK_CATEGORIES, RISK_STATUSES
from align_desktop.ui.capabilities.model import choice_text
from align_desktop.ui.risks.filters import NO_OWNER, HeatCell, RegisterFilter
from align_desktop.ui.risks.style import ALERT_COLOUR

_CHIP_STYLE = (
    "QPushButton { background: #e3f2fd; color: #0d47a1; border: 1px solid #64b5f6; border-radius: 11px;"
    " padding: 3px 12px; font-weight: bold; }"
    " QPushButton:hover { background: #bbdefb; }"
)
_MARK_STYLE = f"QPushButton:checked {{ color: {ALERT_COLOUR}; font-weight: bold; }}"


class FilterBar(QWidget):
    """The widgets that narrow the register."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._cell: HeatCell | None = None
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("Filter risks: key, title, owner, description…"))
        self.text.setAccessibleName(self.tr("Filter risks"))
        self.text.setToolTip(self.tr("Show risks whose key, title, owner or description contains every word typed"))
        self.text.setClearButtonEnabled(True)
        self.text.textChanged.connect(self.changed)
        self.category = self._combo(self.tr("All categories"), [(choice_text(c), c) for c in RISK_CATEGORIES])
        self.category.setAccessibleName(self.tr("Category filter"))
        self.category.setToolTip(self.tr("Show only risks of this category"))
        self.band = self._combo(self.tr("All residual bands"), [(choice_text(b[0]), b[0]) for b in BANDS])
        self.band.setAccessibleName(self.tr("Residual band filter"))
        self.band.setToolTip(self.tr("Show only risks whose residual score is in this band"))
        self.owner = self._combo(self.tr("All owners"), [])
        self.owner.setAccessibleName(self.tr("Owner filter"))
        self.owner.setToolTip(self.tr("Show only the risks this person owns"))
        self.owner.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.owner.setMinimumContentsLength(16)  # long owner names are elided, not widening the row
        self.status = self._combo(self.tr("All statuses"), [(choice_text(s), s) for s in RISK_STATUSES])
        self.status.setAccessibleName(self.tr("Status filter"))
        self.status.setToolTip(self.tr("Show only risks with this status"))
        self.overdue = self._toggle(
            self.tr("Overdue review"), self.tr("Show only open risks whose review date has passed")
        )
        self.above = self._toggle(
            self.tr("⚠ Above appetite"), self.tr("Show only open risks whose residual score exceeds the risk appetite")
        )
        self.chip = QPushButton()
        self.chip.setStyleSheet(_CHIP_STYLE)
        self.chip.setToolTip(self.tr("Showing the risks in one heat-map cell; click to show them all again"))
        self.chip.setAccessibleName(self.tr("Clear the heat-map cell filter"))
        self.chip.clicked.connect(lambda: self.set_cell(None))
        self.chip.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.text.setMinimumWidth(self.text.fontMetrics().averageCharWidth() * 24)
        layout.addWidget(self.text, 1)
        for widget in (self.category, self.band, self.owner, self.status, self.overdue, self.above, self.chip):
            layout.addWidget(widget)

    def _combo(self, everything: str, choices: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox()
        combo.addItem(everything, None)
        for text, value in choices:
            combo.addItem(text, value)
        combo.currentIndexChanged.connect(lambda _row: self.changed.emit())
        return combo

    def _toggle(self, text: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setCheckable(True)
        button.setToolTip(tip)
        button.setAccessibleName(text.lstrip("⚠ "))
        button.setStyleSheet(_MARK_STYLE)
        button.toggled.connect(lambda _on: self.changed.emit())
        return button

    def set_owners(self, owners: list[str]) -> None:
        """Offer every owner once (ignoring case), by name, then "No owner" when some risk has none."""
        names: dict[str, str] = {}
        for owner in owners:
            names.setdefault(owner.casefold(), owner)
        listed = sorted((name for folded, name in names.items() if folded), key=str.casefold)
        current = self.owner.currentData()
        wanted = [(name, name) for name in listed]
        if NO_OWNER in names:
            wanted.append((self.tr("No owner"), NO_OWNER))
        present = [(self.owner.itemText(n), self.owner.itemData(n)) for n in range(1, self.owner.count())]
        if present == wanted:
            return
        self.owner.blockSignals(True)
        self.owner.clear()
        self.owner.addItem(self.tr("All owners"), None)
        for text, value in wanted:
            self.owner.addItem(text, value)
        kept = self.owner.findData(current) if current is not None else 0
        self.owner.setCurrentIndex(max(kept, 0))
        self.owner.blockSignals(False)
        if current is not None and kept < 0:
            self.changed.emit()  # the owner filtered by is gone

    @property
    def cell(self) -> HeatCell | None:
        return self._cell

    def set_cell(self, cell: HeatCell | None) -> None:
        """Filter by one heat-map cell (None: no cell); shown as a chip that clears it."""
        if cell == self._cell:
            return
        self._cell = cell
        if cell is not None:
            which = self.tr("Residual") if cell.residual else self.tr("Inherent")
            self.chip.setText(
                self.tr("{0}: likelihood {1} × impact {2}  ✕").format(which, cell.likelihood, cell.impact)
            )
        self.chip.setVisible(cell is not None)
        self.changed.emit()

    def current(self) -> RegisterFilter:
        return RegisterFilter(
            category=self.category.currentData(),
            band=self.band.currentData(),
            owner=self.owner.currentData(),
            status=self.status.currentData(),
            overdue=self.overdue.isChecked(),
            above_appetite=self.above.isChecked(),
            cell=self._cell,
        ).with_text(self.text.text())

    def clear(self) -> None:
        """Show every risk again."""
        self.blockSignals(True)
        self.text.clear()
        for combo in (self.category, self.band, self.owner, self.status):
            combo.setCurrentIndex(0)
        self.overdue.setChecked(False)
        self.above.setChecked(False)
        self.set_cell(None)
        self.blockSignals(False)
        self.changed.emit()
