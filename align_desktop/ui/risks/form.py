"""The form that edits one risk: every field of `RISK_FIELDS` and its links, in four short columns.

No save button: a text is offered for saving when it is left (or Return is pressed), a choice as
soon as it is picked, a rating when its spin box is left. The form emits `field_edited(field,
value)` only when the value differs from the stored one, and `links_edited` when a box is ticked
or cleared; the view stores them and, when refused, asks the form to `show_error` at the field.
Residual above inherent is allowed but noted in amber under the heading.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from align_desktop.domain.risk import (
    DEFAULT_RISK_APPETITE,
    RISK_FIELDS,
    SCALE_MAX,
    SCALE_MIN,
    above_appetite,
    band,
    score,
    validate_risk,
    warnings,
)
from align_desktop.store.rows import RiskRow
from align_desktop.ui.capabilities.model import choice_text
from align_desktop.ui.emphasis import ERROR_COLOUR, strong_label
from align_desktop.ui.history_list import HistoryList
from align_desktop.ui.item_form import ItemForm
from align_desktop.ui.risks.display import CHOICES, ShownRisk, score_text
from align_desktop.ui.risks.links import LinksPicker
from align_desktop.ui.risks.style import ALERT_COLOUR, WARNING_BACKGROUND, WARNING_COLOUR
from align_desktop.ui.workshop.item_log import ItemLogList

_NOTE_STYLE = (
    f"color: {WARNING_COLOUR}; background: {WARNING_BACKGROUND}; border: 1px solid #ffb74d;"
    " border-radius: 3px; padding: 4px 8px;"
)
_RATINGS = (("likelihood", "impact"), ("residual_likelihood", "residual_impact"))
_RATING_FIELDS = tuple(field for pair in _RATINGS for field in pair)
_DATE_FIELDS = ("review_date", "acceptance_expiry")


def field_value(row: RiskRow, field: str) -> object:
    """What the widget for `field` shows: the stored value, a date as YYYY-MM-DD."""
    value = getattr(row, field)
    if field in _DATE_FIELDS:
        return value.isoformat() if value is not None else ""
    return value


class RiskForm(ItemForm):
    """Heading, an amber note, then the fields in four columns: the risk, ratings, treatment, links."""

    INVALID_STYLE = f"border: 2px solid {ERROR_COLOUR}; border-radius: 2px;"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._errors: dict[str, QLabel] = {}
        self.score_labels: list[QLabel] = []
        self._appetite = DEFAULT_RISK_APPETITE

        self.heading = self._make_heading(1.25)
        self.marks = QLabel()
        strong_label(self.marks, ALERT_COLOUR)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet(_NOTE_STYLE)
        self.note.setAccessibleName(self.tr("Warning"))
        self.note.hide()
        top = QHBoxLayout()
        top.setSpacing(16)
        top.addWidget(self.heading)
        top.addWidget(self.marks)
        top.addWidget(self.note)
        top.addStretch(1)

        self.links = LinksPicker()
        self.links_edited = self.links.links_edited

        columns = QHBoxLayout()
        columns.setSpacing(18)
        columns.addLayout(self._risk_column(), 5)
        columns.addLayout(self._ratings_column(), 4)
        columns.addLayout(self._treatment_column(), 5)
        threatens = QVBoxLayout()
        threatens.addWidget(self._section(self.tr("Threatens")))
        threatens.addWidget(self.links, 1)
        self.log = ItemLogList()
        """Decisions and actions about the risk; the view fills it."""
        threatens.addWidget(self.log, 1)
        columns.addLayout(threatens, 4)
        self.history = HistoryList()
        """The risk's recorded changes (ratings, treatment, status); the view fills it."""
        columns.addWidget(self.history, 5)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 8, 4)
        layout.addLayout(top)
        layout.addLayout(columns, 1)

    # building

    def _risk_column(self) -> QVBoxLayout:
        fields = self._form()
        fields.addRow(
            self.tr("&Title"), self._line("title", self.tr("e.g. Credit model treats thin-file customers unfairly"))
        )
        fields.addRow(
            self.tr("&Description"),
            self._text("description", self.tr("If … then …: what could happen and what it would cost")),
        )
        fields.addRow(self.tr("Cat&egory"), self._combo("category"))
        fields.addRow(self.tr("Impact &area"), self._combo("impact_area"))
        fields.addRow(self.tr("&Owner"), self._line("owner", self.tr("Who answers for the risk")))
        return self._column(self.tr("The risk"), fields)

    def _ratings_column(self) -> QVBoxLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        for column, title in enumerate((self.tr("Likelihood"), self.tr("Impact"), self.tr("Score")), start=1):
            grid.addWidget(QLabel(title), 0, column)
        for number, (title, pair) in enumerate(zip((self.tr("Inherent"), self.tr("Residual")), _RATINGS, strict=True)):
            grid.addWidget(QLabel(title), number + 1, 0, Qt.AlignmentFlag.AlignRight)
            grid.addWidget(self._rating(pair[0]), number + 1, 1)
            grid.addWidget(self._rating(pair[1]), number + 1, 2)
            label = QLabel()
            label.setMinimumWidth(label.fontMetrics().horizontalAdvance("⚠ 25 critical") + 12)
            self.score_labels.append(label)
            grid.addWidget(label, number + 1, 3)
        grid.setColumnStretch(4, 1)
        rating_error = self._make_error_label(strong=True)
        for field in _RATING_FIELDS:
            self._errors[field] = rating_error
        fields = self._form()
        fields.addRow(self.tr("&Status"), self._combo("status"))
        fields.addRow(self.tr("Trea&tment"), self._combo("treatment"))
        fields.addRow(self.tr("Next re&view"), self._line("review_date", self.tr("YYYY-MM-DD")))
        ratings = self._column(self.tr("Ratings 1–5 and status"), fields)
        ratings.insertLayout(1, grid)
        ratings.insertWidget(2, rating_error)
        return ratings

    def _treatment_column(self) -> QVBoxLayout:
        fields = self._form()
        fields.addRow(
            self.tr("&Mitigation plan"), self._text("mitigation_plan", self.tr("What is done to lower the risk"))
        )
        fields.addRow(self.tr("T&rigger"), self._line("trigger", self.tr("The leading indicator to watch")))
        fields.addRow(
            self.tr("Acceptance &rationale"),
            self._text("acceptance_rationale", self.tr("Why the business can live with it (needed when accepted)")),
        )
        fields.addRow(self.tr("Acceptance e&xpires"), self._line("acceptance_expiry", self.tr("YYYY-MM-DD")))
        return self._column(self.tr("Treatment"), fields)

    def _form(self) -> QFormLayout:
        fields = QFormLayout()
        fields.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        fields.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        fields.setVerticalSpacing(4)
        return fields

    def _column(self, title: str, fields: QFormLayout) -> QVBoxLayout:
        column = QVBoxLayout()
        column.setSpacing(4)
        column.addWidget(self._section(title))
        column.addLayout(fields)
        column.addStretch()
        return column

    def _section(self, title: str) -> QLabel:
        label = QLabel(title)
        font = QFont(label.font())
        font.setBold(True)
        label.setFont(font)
        label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        return label

    def _with_error(self, field: str, widget: QWidget) -> QWidget:
        """`widget` above its own error line (hidden until a refusal)."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        self._errors[field] = self._make_error_label(strong=True)
        layout.addWidget(self._errors[field])
        box.setFocusProxy(widget)
        return box

    def _line(self, field: str, placeholder: str) -> QWidget:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        edit.setAccessibleName(RISK_FIELDS[field])
        edit.editingFinished.connect(lambda: self._finished(field))
        self.edits[field] = edit
        return self._with_error(field, edit)

    def _text(self, field: str, placeholder: str) -> QWidget:
        edit = self._make_text(field, RISK_FIELDS[field], placeholder)
        edit.setMinimumHeight(44)
        edit.setMaximumHeight(64)
        return self._with_error(field, edit)

    def _combo(self, field: str) -> QWidget:
        combo = QComboBox()
        for choice in CHOICES[field]:
            combo.addItem(choice_text(choice), choice)
        combo.setAccessibleName(RISK_FIELDS[field])
        combo.activated.connect(lambda _row: self._finished(field))
        self.combos[field] = combo
        return self._with_error(field, combo)

    def _rating(self, field: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(SCALE_MIN, SCALE_MAX)
        spin.setAccessibleName(RISK_FIELDS[field])
        spin.setToolTip(self.tr("{0}: 1 (lowest) to 5 (highest)").format(RISK_FIELDS[field]))
        spin.setAlignment(Qt.AlignmentFlag.AlignCenter)
        spin.setFixedWidth(spin.fontMetrics().horizontalAdvance("0") * 3 + 40)
        spin.valueChanged.connect(self._show_scores)
        spin.editingFinished.connect(lambda: self._finished(field))
        self.spins[field] = spin
        return spin

    # showing

    def show_risk(self, shown: ShownRisk, appetite: int) -> None:
        """Show a risk; a field that shows an error keeps its value while the same risk is shown."""
        row = shown.risk
        self._show_row(row)
        self.heading.setText(row.key)
        self._appetite = appetite
        self.marks.setText(self._marks_text(shown, appetite))
        self._show_scores()
        self.links.show_links(row.initiative_keys, row.capability_keys)
        self.show_warnings(warnings({field: getattr(row, field) for field in RISK_FIELDS}))

    def _marks_text(self, shown: ShownRisk, appetite: int) -> str:
        marks = []
        if shown.above_appetite:
            marks.append(
                self.tr("⚠ Residual {0} is above the appetite of {1}").format(shown.risk.residual_score, appetite)
            )
        if shown.overdue and shown.risk.review_date is not None:
            marks.append(self.tr("Review overdue since {0}").format(shown.risk.review_date.isoformat()))
        return " · ".join(marks)

    def show_warnings(self, lines: list[str]) -> None:
        """A non-blocking amber note (residual above inherent); hidden when there is nothing to say."""
        self.note.setText(" ".join(lines))
        self.note.setVisible(bool(lines))

    def _validate(self, changes: dict[str, object]) -> dict[str, Any]:
        return validate_risk(changes)

    def _shown(self, field: str) -> object:
        return field_value(self.row, field)

    def _message_label(self, field: str) -> QLabel:
        return self._errors[field]

    def _show_scores(self) -> None:
        """The two scores as the spin boxes stand (before they are stored); ⚠ on a residual above appetite."""
        open_risk = self.row is not None and self.row.status != "closed"
        for residual, (label, (first, second)) in enumerate(zip(self.score_labels, _RATINGS, strict=True)):
            value = score(self.spins[first].value(), self.spins[second].value())
            label.setText(
                score_text(value, band(value), bool(residual) and open_risk and above_appetite(value, self._appetite))
            )

    def clear_error(self) -> None:
        """Drop the error message; the field it marked shows the stored value again, and the scores follow."""
        refused = self.error_field
        super().clear_error()
        if refused is not None and self.row is not None:
            self._show_scores()

    def error_text(self, field: str) -> str:
        """The message shown at `field`; blank when it shows none."""
        label = self._errors[field]
        return label.text() if not label.isHidden() else ""

    def focus_title(self) -> None:
        self.edits["title"].setFocus(Qt.FocusReason.OtherFocusReason)
        self.edits["title"].selectAll()
