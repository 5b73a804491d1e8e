"""Benefit, working, confidence and the year-by-year table of the picked business case.

The editor only reports: `edited(field, text)` on every keystroke and `finished(field, text)`
when a field's editing ends; the view parses, previews, stores and then calls `show_case`.
A field the user is typing into, or one whose text was refused, keeps its text across updates.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from align_desktop.domain.roi import Flows
from align_desktop.ui.emphasis import ERROR_COLOUR
from align_desktop.ui.roi import format as fmt
from align_desktop.ui.roi.delegates import INVALID_STYLE, CaseDelegate
from align_desktop.ui.roi.draft import ADOPTION, BENEFIT, CONFIDENCE, Field, has_working
from align_desktop.ui.roi.year_model import YearModel

EDIT_TRIGGERS = (
    QAbstractItemView.EditTrigger.DoubleClicked
    | QAbstractItemView.EditTrigger.EditKeyPressed
    | QAbstractItemView.EditTrigger.AnyKeyPressed
    | QAbstractItemView.EditTrigger.SelectedClicked
)


def heading(text: str) -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * 1.2)
    font.setBold(True)
    label.setFont(font)
    return label


def error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: bold;")
    label.hide()
    return label


def muted(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    label.setWordWrap(True)
    return label


class CaseEditor(QWidget):
    """Benefit at full adoption with its optional working, confidence, and adoption by year."""

    edited = Signal(object, str)
    finished = Signal(object, str)

    def __init__(self, delegate: CaseDelegate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edits: dict[Field, QLineEdit] = {}
        self._tips: dict[Field, str] = {}
        annual = self._edit(
            BENEFIT,
            "annual_benefit",
            self.tr("Annual benefit at full adoption"),
            "250000",
            16,
            self.tr("Yearly benefit once adoption reaches 100 %, in the workspace currency"),
        )
        baseline = self._edit(
            BENEFIT,
            "benefit_baseline",
            self.tr("Baseline volume"),
            "1200000",
            12,
            self.tr("How many units the benefit applies to per year, e.g. orders or visits"),
        )
        unit = self._edit(
            BENEFIT,
            "benefit_unit",
            self.tr("Unit"),
            self.tr("orders"),
            20,
            self.tr("What the baseline counts, e.g. orders"),
        )
        uplift = self._edit(
            BENEFIT,
            "benefit_uplift",
            self.tr("Uplift %"),
            "2.0",
            6,
            self.tr("Share of the baseline volume that the initiative improves, in percent"),
        )
        value = self._edit(
            BENEFIT,
            "benefit_value_per_unit",
            self.tr("Value per unit"),
            "12",
            8,
            self.tr("What one improved unit is worth, in the workspace currency"),
        )
        confidence = self._edit(
            CONFIDENCE,
            "",
            self.tr("Confidence %"),
            "80",
            5,
            self.tr("How sure the team is of the benefit, 0 to 100 %; the risk-adjusted NPV multiplies benefits by it"),
        )
        self.benefit_note = QLabel()
        self.working = muted()
        self.working.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.working.setAccessibleName(self.tr("Working behind the benefit"))
        self.assumptions = muted()

        working_row = QHBoxLayout()
        for widget in (baseline, unit, QLabel(" × "), uplift, QLabel("%  × "), value, QLabel(self.tr("per unit"))):
            working_row.addWidget(widget)
        working_row.addStretch()
        confidence_label = QLabel(self.tr("&Confidence"))
        confidence_label.setBuddy(confidence)
        benefit_row = QHBoxLayout()
        benefit_row.addWidget(annual)
        benefit_row.addSpacing(6)
        benefit_row.addWidget(self.benefit_note)
        benefit_row.addStretch()
        for widget in (confidence_label, confidence, QLabel("%")):
            benefit_row.addWidget(widget)
        form = QGridLayout()
        form.setHorizontalSpacing(10)
        form.setColumnStretch(1, 1)
        for row, (label, content) in enumerate(
            (
                (self.tr("Annual &benefit at full adoption"), benefit_row),
                (self.tr("&Working (optional)"), working_row),
                ("", self.working),
            )
        ):
            title = QLabel(label)
            title.setBuddy(annual if row == 0 else baseline)
            form.addWidget(title, row, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if isinstance(content, QLayout):
                form.addLayout(content, row, 1)
            elif isinstance(content, QWidget):
                form.addWidget(content, row, 1)

        self.year_model = YearModel(self)
        self.year_table = QTableView()
        self.year_table.setModel(self.year_model)
        self.year_table.setItemDelegate(delegate)
        self.year_table.setAccessibleName(self.tr("Adoption and cash flow by year"))
        self.year_table.setToolTip(
            self.tr("Type an adoption percentage per year; the other rows follow (base scenario)")
        )
        self.year_table.setEditTriggers(EDIT_TRIGGERS)
        self.year_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.year_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.year_table.horizontalHeader().setMinimumSectionSize(84)
        self.year_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.year_table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.year_model.modelReset.connect(self._fit_year_table)

        self.error_label = error_label()
        self.error_label.setAccessibleName(self.tr("Business case error"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        years_title = QHBoxLayout()
        years_title.addWidget(heading(self.tr("Year by year (base scenario)")))
        years_title.addSpacing(16)
        years_title.addWidget(self.assumptions, 1)
        layout.addLayout(form)
        layout.addSpacing(4)
        layout.addLayout(years_title)
        layout.addWidget(self.year_table)
        layout.addWidget(self.error_label)

    def _edit(self, kind: str, name: str, label: str, placeholder: str, characters: int, tip: str) -> QLineEdit:
        field = Field(kind, name)
        edit = QLineEdit()
        edit.setToolTip(tip)
        self._tips[field] = tip
        edit.setPlaceholderText(placeholder)
        edit.setAccessibleName(label)
        edit.setMinimumWidth(edit.fontMetrics().averageCharWidth() * characters + 16)
        edit.setMaximumWidth(edit.fontMetrics().averageCharWidth() * (characters + 10) + 16)
        if name != "benefit_unit":
            edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        edit.textEdited.connect(lambda text: self.edited.emit(field, text))
        edit.editingFinished.connect(lambda: self.finished.emit(field, edit.text()))
        self.edits[field] = edit
        return edit

    def _fit_year_table(self) -> None:
        table = self.year_table
        row_height = table.fontMetrics().height() + 9
        table.verticalHeader().setDefaultSectionSize(row_height)
        height = table.horizontalHeader().sizeHint().height() + row_height * self.year_model.rowCount() + 4
        table.setFixedHeight(height + 2 * table.frameWidth())

    def edit(self, name: str) -> QLineEdit:
        """The field of a benefit attribute (`annual_benefit`, …) or `confidence`."""
        return self.edits[Field(CONFIDENCE) if name == "confidence" else Field(BENEFIT, name)]

    def show_case(
        self,
        benefit: Mapping[str, Any],
        confidence: int,
        adoption: list[float | None],
        flows: Flows,
        currency: str,
        errors: Mapping[Field, str],
        typing: Collection[Field],
    ) -> None:
        """Show these values, except in fields being typed or refused; mark the refused ones."""
        for field, edit in self.edits.items():
            invalid = field in errors
            edit.setStyleSheet(INVALID_STYLE if invalid else "")
            edit.setToolTip(errors[field] if invalid else self._tips[field])
            if invalid or field in typing:
                continue
            text = self._text(field, benefit, confidence)
            if edit.text() != text:
                edit.setText(text)
                edit.setCursorPosition(0)
        annual = benefit["annual_benefit"]
        self.benefit_note.setText("" if annual is None else self.tr("{0} a year").format(fmt.money(annual, currency)))
        self.working.setText(self._working(benefit, currency))
        self.year_model.set_values(adoption, flows, errors)
        mine = [message for field, message in errors.items() if field.kind in (BENEFIT, CONFIDENCE, ADOPTION)]
        self.error_label.setText("\n".join(mine))
        self.error_label.setVisible(bool(mine))

    def show_assumptions(self, horizon: int, rate: float, currency: str) -> None:
        self.assumptions.setText(
            self.tr("Horizon {0} years · discount rate {1} · {2} (change these in Settings)").format(
                horizon, fmt.percent(rate), currency
            )
        )

    @staticmethod
    def _text(field: Field, benefit: Mapping[str, Any], confidence: int) -> str:
        if field.kind == CONFIDENCE:
            return str(confidence)
        value = benefit[field.name]
        if field.name == "benefit_unit":
            return str(value or "")
        if field.name == "benefit_uplift":
            return fmt.share_editable(value)
        return fmt.editable(value)

    def _working(self, benefit: Mapping[str, Any], currency: str) -> str:
        if not has_working(dict(benefit)):
            return self.tr(
                "Optional: baseline volume × uplift % × value per unit, to show the working behind the benefit"
            )
        unit = f" {benefit['benefit_unit']}" if benefit["benefit_unit"] else ""
        baseline = fmt.amount(benefit["benefit_baseline"])
        uplift = fmt.uplift(benefit["benefit_uplift"])
        per_unit = f"{currency} {benefit['benefit_value_per_unit']:,.2f}"
        return f"{baseline}{unit} × {uplift} × {per_unit} = {fmt.money(benefit['annual_benefit'] or 0.0, currency)}"
