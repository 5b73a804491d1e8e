"""The Risks view: register order and marks, every filter, the heat maps' clicks and drags, inline edits, undo.

The seeded workspace (also used by `test_form.py`) has three initiatives, two with a business case,
two capabilities and five risks; "today" is fixed at 2026-06-01 and the risk appetite is 9.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QSpinBox, QWidget

from align_desktop.domain.risk import RISK_FIELDS
from align_desktop.store.business_cases import BusinessCaseService
from align_desktop.store.errors import NotFound
from align_desktop.store.initiatives import InitiativeService
from align_desktop.store.risks import RiskService
from align_desktop.store.rows import RiskRow
from align_desktop.ui.open_workspace import OpenWorkspace
from align_desktop.ui.risks import display
from align_desktop.ui.risks.filters import HeatCell
from align_desktop.ui.risks.model import ABOVE_APPETITE_ROLE, BAND_ROLE, OVERDUE_ROLE
from align_desktop.ui.risks.view import RisksView

TODAY = date(2026, 6, 1)
RISKS: list[dict[str, Any]] = [
    {
        "title": "Fraud model declines thin-file customers",
        "description": "If chargebacks skew the training data, then first-time buyers are declined.",
        "category": "data bias",
        "impact_area": "customer trust",
        "likelihood": 4,
        "impact": 4,
        "residual_likelihood": 3,
        "residual_impact": 4,
        "owner": "Katarzyna Nowak",
        "status": "mitigating",
        "review_date": "2026-05-15",
    },
    {
        "title": "Homepage personalisation without consent",
        "category": "privacy",
        "impact_area": "legal/compliance",
        "likelihood": 3,
        "impact": 5,
        "residual_likelihood": 2,
        "residual_impact": 3,
        "owner": "Miriam Adler",
        "review_date": "2026-09-30",
    },
    {
        "title": "Forecast drifts after promotions",
        "category": "model risk",
        "impact_area": "revenue",
        "likelihood": 3,
        "impact": 3,
        "residual_likelihood": 2,
        "residual_impact": 2,
        "mitigation_plan": "Promotion calendar as a feature",
    },
    {
        "title": "Shopping assistant invents return policies",
        "category": "reputational",
        "impact_area": "customer trust",
        "likelihood": 4,
        "impact": 4,
        "residual_likelihood": 4,
        "residual_impact": 4,
        "owner": "miriam adler",
        "review_date": "2026-01-31",
    },
    {
        "title": "A/B tests stopped early",
        "category": "operational",
        "impact_area": "conversion",
        "likelihood": 3,
        "impact": 3,
        "residual_likelihood": 3,
        "residual_impact": 4,
        "owner": "Sofia Marchetti",
        "status": "closed",
        "review_date": "2026-01-01",
    },
]
LINKS = {
    "R-001": (["I-001"], ["C-001"]),
    "R-002": (["I-002"], []),
    "R-003": (["I-003"], ["C-002"]),
    "R-005": (["I-001", "I-002"], []),
}
BY_VALUE = ["R-005", "R-002", "R-001", "R-004", "R-003"]
"""Value at risk, highest first; R-004 and R-003 threaten no value, so the residual score orders them."""


@pytest.fixture
def opened(qapp: Any, workspace: Any) -> Iterator[OpenWorkspace]:
    ws = OpenWorkspace(workspace)
    yield ws
    ws.undo_stack.clear()


@pytest.fixture
def seeded(opened: OpenWorkspace) -> OpenWorkspace:
    """I-001 … I-003 (benefits 100,000 and 300,000 a year; none), C-001, C-002, R-001 … R-005; no undo history."""
    workspace = opened.workspace
    initiatives = InitiativeService(workspace)
    cases = BusinessCaseService(workspace)
    for title, benefit in (("Fraud scoring", 100_000), ("Personalised homepage", 300_000), ("Demand forecast", 0)):
        key, _ = initiatives.create({"title": title})
        if benefit:
            cases.set_benefit(key, {"annual_benefit": benefit})
            cases.set_adoption(key, {1: 1.0, 2: 1.0, 3: 1.0})
    opened.capabilities.create({"name": "Feature store"})
    opened.capabilities.create({"name": "Model monitoring"})
    service = RiskService(workspace)
    for fields in RISKS:
        service.create(fields)
    for key, (initiative_keys, capability_keys) in LINKS.items():
        service.set_links(key, initiative_keys, capability_keys)
    return opened


def make_view(qtbot: Any, prompter: Any, opened: OpenWorkspace) -> RisksView:
    view = RisksView(prompter, today=lambda: TODAY)
    qtbot.addWidget(view)
    view.set_workspace(opened)
    view.resize(1450, 930)
    view.show()
    return view


@pytest.fixture
def view(qtbot: Any, prompter: Any, seeded: OpenWorkspace) -> RisksView:
    return make_view(qtbot, prompter, seeded)


def stored(opened: OpenWorkspace, key: str) -> RiskRow:
    return RiskService(opened.workspace).get(key)


def shown_keys(view: RisksView) -> list[str]:
    return [view.model.row_at(row).key for row in range(view.model.rowCount())]


def cell(view: RisksView, key: str, column: int, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
    row = view.model.index_of_key(key)
    assert row is not None
    return view.model.data(view.model.index(row, column), role)


def open_editor(view: RisksView, key: str, column: int) -> QWidget:
    row = view.model.index_of_key(key)
    assert row is not None
    index = view.model.index(row, column)
    view.table.setCurrentIndex(index)
    view.table.edit(index)
    editor = view.table.indexWidget(index)
    assert editor is not None
    return editor


def press_return(qtbot: Any, editor: QWidget) -> None:
    """Finish a cell edit: the delegate commits and closes the editor in a queued call."""
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()


def edit_cell(qtbot: Any, view: RisksView, key: str, column: int, text: str) -> None:
    editor = open_editor(view, key, column)
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, text)  # the editor opens with its text selected
    press_return(qtbot, editor)


def pick(combo: QComboBox, value: object) -> None:
    """Choose the item holding `value`, as a user would."""
    row = combo.findData(value)
    assert row >= 0
    combo.setCurrentIndex(row)
    combo.activated.emit(row)


def selected_on_map(view: RisksView, residual: bool) -> list[str]:
    """The keys the view marked selected on a map."""
    return [point.key for point in view.maps.points[residual] if point.selected]


# the register


def test_opens_ordered_by_value_at_risk_with_the_first_selected(view: RisksView) -> None:
    assert shown_keys(view) == BY_VALUE
    assert view.selected_key() == "R-005"
    assert view.form.heading.text() == "R-005"
    assert view.table.horizontalHeader().sortIndicatorSection() == display.VALUE_AT_RISK
    assert view.count_label.text() == (
        "5 risks · ⚠ 2 above the appetite of 9 · 2 reviews overdue · 1 closed (not on the heat maps)"
    )


def test_order_by_value_at_risk_is_one_click(view: RisksView) -> None:
    view.table.sortByColumn(display.TITLE, Qt.SortOrder.AscendingOrder)
    assert shown_keys(view) == ["R-005", "R-003", "R-001", "R-002", "R-004"]
    view.order_button.click()
    assert shown_keys(view) == BY_VALUE
    assert view.table.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder


def test_marks_use_the_workspace_appetite_and_the_injected_today(view: RisksView) -> None:
    assert cell(view, "R-001", display.RESIDUAL) == "⚠ 12 high"
    assert cell(view, "R-001", display.RESIDUAL, ABOVE_APPETITE_ROLE) is True
    assert cell(view, "R-001", display.RESIDUAL, BAND_ROLE) == "high"
    assert cell(view, "R-001", display.REVIEW) == "2026-05-15 overdue"
    assert cell(view, "R-001", display.REVIEW, OVERDUE_ROLE) is True
    assert cell(view, "R-002", display.REVIEW, OVERDUE_ROLE) is False
    assert cell(view, "R-005", display.RESIDUAL, ABOVE_APPETITE_ROLE) is False  # closed
    assert cell(view, "R-005", display.REVIEW, OVERDUE_ROLE) is False
    assert cell(view, "R-001", display.LINKS) == "1 · 1"
    assert cell(view, "R-004", display.VALUE_AT_RISK) == "EUR 0"


def test_a_later_today_makes_more_reviews_overdue(qtbot: Any, prompter: Any, seeded: OpenWorkspace) -> None:
    later = RisksView(prompter, today=lambda: date(2026, 10, 1))
    qtbot.addWidget(later)
    later.set_workspace(seeded)
    later.show()
    assert cell(later, "R-002", display.REVIEW) == "2026-09-30 overdue"
    assert cell(later, "R-002", display.REVIEW, OVERDUE_ROLE) is True


def test_empty_register_shows_the_hint(qtbot: Any, prompter: Any, opened: OpenWorkspace) -> None:
    view = make_view(qtbot, prompter, opened)
    assert view.empty_state.isVisible()
    assert "No risks yet" in view.empty_state.title.text()
    assert view.empty_state.button.text() == "New risk"
    assert view.count_label.text() == "0 risks"
    assert not view.delete_button.isEnabled()


def test_names_and_accessibility(view: RisksView) -> None:
    filters = view.filters
    widgets: list[QWidget] = [view.table, filters.text, filters.category, filters.band, filters.owner]
    widgets += [filters.status, filters.overdue, filters.above, view.form.links.search, view.form.links.list]
    widgets += [view.form.widget(field) for field in RISK_FIELDS]
    assert all(widget.accessibleName() for widget in widgets)
    for button in (view.order_button, view.new_button, view.delete_button):
        assert button.toolTip()


# filters


def test_text_filter_matches_key_title_owner_and_description(qtbot: Any, view: RisksView) -> None:
    qtbot.keyClicks(view.filters.text, "miriam")
    assert sorted(shown_keys(view)) == ["R-002", "R-004"]
    view.filters.text.setText("first-time buyers")  # in R-001's description only
    assert shown_keys(view) == ["R-001"]
    view.filters.text.setText("r-003")
    assert shown_keys(view) == ["R-003"]
    assert view.count_label.text().startswith("1 of 5 risks shown")
    view.filters.text.clear()
    assert len(shown_keys(view)) == 5


def test_choice_filters(view: RisksView) -> None:
    filters = view.filters
    filters.category.setCurrentIndex(filters.category.findData("privacy"))
    assert shown_keys(view) == ["R-002"]
    filters.category.setCurrentIndex(0)
    filters.band.setCurrentIndex(filters.band.findData("high"))  # the residual band
    assert sorted(shown_keys(view)) == ["R-001", "R-005"]
    filters.band.setCurrentIndex(0)
    filters.status.setCurrentIndex(filters.status.findData("closed"))
    assert shown_keys(view) == ["R-005"]
    filters.status.setCurrentIndex(0)


def test_owner_filter_lists_each_owner_once_and_the_unowned(view: RisksView) -> None:
    owner = view.filters.owner
    items = [owner.itemText(row) for row in range(owner.count())]
    assert items == ["All owners", "Katarzyna Nowak", "Miriam Adler", "Sofia Marchetti", "No owner"]
    owner.setCurrentIndex(owner.findText("Miriam Adler"))
    assert sorted(shown_keys(view)) == ["R-002", "R-004"]  # ignoring case
    owner.setCurrentIndex(owner.findText("No owner"))
    assert shown_keys(view) == ["R-003"]


def test_mark_toggles(view: RisksView) -> None:
    view.filters.overdue.click()
    assert sorted(shown_keys(view)) == ["R-001", "R-004"]
    view.filters.above.click()
    assert sorted(shown_keys(view)) == ["R-001", "R-004"]
    view.filters.overdue.click()
    assert sorted(shown_keys(view)) == ["R-001", "R-004"]
    view.filters.category.setCurrentIndex(view.filters.category.findData("reputational"))
    assert shown_keys(view) == ["R-004"]
    assert view.selected_key() == "R-004"


def test_clicking_a_heat_map_cell_filters_and_clicking_it_again_clears(view: RisksView) -> None:
    view.residual_cell_clicked(3, 4)
    assert shown_keys(view) == ["R-001"]  # R-005 is in that cell too, but closed: not on the maps
    assert view.filters.chip.isVisible()
    assert view.filters.chip.text() == "Residual: likelihood 3 × impact 4  ✕"
    assert view.maps.filter_cell == HeatCell(True, 3, 4)

    view.inherent_cell_clicked(4, 4)
    assert sorted(shown_keys(view)) == ["R-001", "R-004"]
    assert view.maps.filter_cell == HeatCell(False, 4, 4)
    assert view.filters.chip.text().startswith("Inherent")

    view.inherent_cell_clicked(4, 4)
    assert len(shown_keys(view)) == 5
    assert not view.filters.chip.isVisible()
    assert view.maps.filter_cell is None


def test_the_chip_clears_the_cell_filter(view: RisksView) -> None:
    view.inherent_cell_clicked(3, 5)
    assert shown_keys(view) == ["R-002"]
    view.filters.chip.click()
    assert len(shown_keys(view)) == 5
    assert view.maps.filter_cell is None


def test_an_empty_cell_shows_the_no_match_hint(view: RisksView) -> None:
    view.residual_cell_clicked(1, 1)
    assert shown_keys(view) == []
    assert "No risk matches the filters" in view.hint.text()
    assert view.hint.isVisible()


def test_the_maps_show_open_risks_and_mark_the_selected(view: RisksView) -> None:
    assert view.maps.keys_in(False, 4, 4) == ["R-001", "R-004"]
    assert view.maps.keys_in(True, 3, 4) == ["R-001"]  # R-005 is closed
    assert view.select_key("R-002")
    assert selected_on_map(view, residual=False) == ["R-002"]
    assert selected_on_map(view, residual=True) == ["R-002"]
    view.table.selectRow(view.model.index_of_key("R-004") or 0)
    assert selected_on_map(view, residual=True) == ["R-004"]


# inline edits


def test_inline_title_edit_is_one_undo_step(qtbot: Any, view: RisksView, seeded: OpenWorkspace) -> None:
    edit_cell(qtbot, view, "R-002", display.TITLE, "Personalisation without valid consent")
    assert stored(seeded, "R-002").title == "Personalisation without valid consent"
    assert seeded.undo_stack.count() == 1
    assert seeded.undo_stack.text(0) == "Edit R-002 Title"
    assert cell(view, "R-002", display.TITLE) == "Personalisation without valid consent"
    seeded.undo_stack.undo()
    assert stored(seeded, "R-002").title == "Homepage personalisation without consent"
    assert cell(view, "R-002", display.TITLE) == "Homepage personalisation without consent"


def test_inline_edits_of_text_and_date_columns(qtbot: Any, view: RisksView, seeded: OpenWorkspace) -> None:
    edit_cell(qtbot, view, "R-003", display.OWNER, "Lars Eriksson")
    edit_cell(qtbot, view, "R-003", display.REVIEW, "2026-07-01")
    row = stored(seeded, "R-003")
    assert (row.owner, row.review_date) == ("Lars Eriksson", date(2026, 7, 1))
    assert seeded.undo_stack.count() == 2
    assert view.filters.owner.findText("Lars Eriksson") > 0


def test_inline_choices_are_stored_when_picked(view: RisksView, seeded: OpenWorkspace) -> None:
    for column, field, value in (
        (display.CATEGORY, "category", "security"),
        (display.IMPACT_AREA, "impact_area", "revenue"),
        (display.STATUS, "status", "mitigating"),
        (display.TREATMENT, "treatment", "transfer"),
    ):
        editor = open_editor(view, "R-002", column)
        assert isinstance(editor, QComboBox)
        pick(editor, value)
        assert getattr(stored(seeded, "R-002"), field) == value
    assert seeded.undo_stack.count() == 4
    assert cell(view, "R-002", display.TREATMENT) == "Transfer"


def test_inline_rating_uses_a_spin_box_and_rescores(qtbot: Any, view: RisksView, seeded: OpenWorkspace) -> None:
    editor = open_editor(view, "R-002", display.RESIDUAL_IMPACT)
    assert isinstance(editor, QSpinBox)
    assert (editor.minimum(), editor.maximum(), editor.value()) == (1, 5, 3)
    editor.setValue(5)
    press_return(qtbot, editor)
    assert stored(seeded, "R-002").residual_impact == 5
    assert cell(view, "R-002", display.RESIDUAL) == "⚠ 10 high"
    assert seeded.undo_stack.text(0) == "Edit R-002 Residual impact"
    seeded.undo_stack.undo()
    assert cell(view, "R-002", display.RESIDUAL) == "6 medium"


def test_inline_score_outside_one_to_five_is_refused(view: RisksView, seeded: OpenWorkspace) -> None:
    row = view.model.index_of_key("R-002")
    assert row is not None
    assert not view.model.setData(view.model.index(row, display.LIKELIHOOD), 6)
    assert stored(seeded, "R-002").likelihood == 3
    assert seeded.undo_stack.count() == 0
    message = view.table_message.text()
    assert view.table_message.isVisible()
    assert "R-002" in message
    assert "Likelihood" in message
    assert "1 to 5" in message


def test_inline_impossible_dates_are_refused(qtbot: Any, view: RisksView, seeded: OpenWorkspace) -> None:
    edit_cell(qtbot, view, "R-002", display.REVIEW, "2026-02-30")
    assert "not a date in the calendar" in view.table_message.text()
    edit_cell(qtbot, view, "R-002", display.REVIEW, "31/12/2026")
    assert "YYYY-MM-DD" in view.table_message.text()
    assert "Next review" in view.table_message.text()
    assert stored(seeded, "R-002").review_date == date(2026, 9, 30)
    assert seeded.undo_stack.count() == 0


def test_inline_status_accepted_without_rationale_is_refused(view: RisksView, seeded: OpenWorkspace) -> None:
    editor = open_editor(view, "R-002", display.STATUS)
    assert isinstance(editor, QComboBox)
    pick(editor, "accepted")
    assert stored(seeded, "R-002").status == "open"
    assert "Acceptance rationale" in view.table_message.text()
    assert seeded.undo_stack.count() == 0


# heat maps: drag to rescore


def test_dropping_on_the_residual_map_rescores_as_one_undo_step(view: RisksView, seeded: OpenWorkspace) -> None:
    view.residual_risk_dropped("R-001", 1, 2)
    row = stored(seeded, "R-001")
    assert (row.residual_likelihood, row.residual_impact) == (1, 2)
    assert (row.likelihood, row.impact) == (4, 4)
    assert seeded.undo_stack.count() == 1
    assert cell(view, "R-001", display.RESIDUAL) == "2 low"
    assert view.maps.keys_in(True, 1, 2) == ["R-001"]
    assert view.selected_key() == "R-001"

    seeded.undo_stack.undo()
    row = stored(seeded, "R-001")
    assert (row.residual_likelihood, row.residual_impact) == (3, 4)
    assert view.maps.keys_in(True, 1, 2) == []
    seeded.undo_stack.redo()
    assert stored(seeded, "R-001").residual_likelihood == 1


def test_dropping_on_the_inherent_map_changes_likelihood_and_impact(view: RisksView, seeded: OpenWorkspace) -> None:
    view.inherent_risk_dropped("R-003", 5, 5)
    row = stored(seeded, "R-003")
    assert (row.likelihood, row.impact, row.residual_likelihood, row.residual_impact) == (5, 5, 2, 2)
    assert seeded.undo_stack.count() == 1
    assert cell(view, "R-003", display.INHERENT) == "25 critical"
    seeded.undo_stack.undo()
    assert (stored(seeded, "R-003").likelihood, stored(seeded, "R-003").impact) == (3, 3)


def test_dropping_on_the_same_cell_stores_nothing(view: RisksView, seeded: OpenWorkspace) -> None:
    view.inherent_risk_dropped("R-003", 3, 3)
    assert seeded.undo_stack.count() == 0


def test_a_drop_that_raises_residual_above_inherent_is_kept_with_a_note(view: RisksView, seeded: OpenWorkspace) -> None:
    view.residual_risk_dropped("R-002", 5, 5)
    assert stored(seeded, "R-002").residual_impact == 5
    assert view.form.note.isVisible()
    assert "above the inherent score" in view.form.note.text()


# new and delete


def test_new_risk_is_one_undo_step_and_clears_hiding_filters(view: RisksView, seeded: OpenWorkspace) -> None:
    view.filters.category.setCurrentIndex(view.filters.category.findData("privacy"))
    view.new_risk()
    assert seeded.undo_stack.count() == 1
    assert seeded.undo_stack.text(0) == "New risk"
    assert stored(seeded, "R-006").title == "New risk"
    assert view.selected_key() == "R-006"
    assert view.filters.category.currentIndex() == 0
    assert view.form.edits["title"].text() == "New risk"
    view.new_risk()
    assert stored(seeded, "R-007").title == "New risk 2"
    seeded.undo_stack.undo()
    seeded.undo_stack.undo()
    with pytest.raises(NotFound):
        stored(seeded, "R-006")


def test_delete_asks_and_undo_brings_the_links_back(view: RisksView, seeded: OpenWorkspace, prompter: Any) -> None:
    assert view.select_key("R-001")
    prompter.confirm_answers.append(False)
    view.delete_button.click()
    assert "R-001 Fraud model declines thin-file customers" in prompter.confirmations[0]
    assert "1 initiatives and 1 capabilities" in prompter.confirmations[0]
    assert seeded.undo_stack.count() == 0

    prompter.confirm_answers.append(True)
    view.delete_selected()
    assert view.model.index_of_key("R-001") is None
    assert seeded.undo_stack.count() == 1
    seeded.undo_stack.undo()
    row = stored(seeded, "R-001")
    assert (row.initiative_keys, row.capability_keys) == (("I-001",), ("C-001",))
    assert view.model.index_of_key("R-001") is not None


def test_hidden_view_reloads_when_shown(view: RisksView, seeded: OpenWorkspace) -> None:
    view.hide()
    RiskService(seeded.workspace).update("R-003", {"title": "Changed elsewhere"})
    seeded.changed.emit()
    view.show()
    assert cell(view, "R-003", display.TITLE) == "Changed elsewhere"


def test_focus_find_selects_the_filter_text(view: RisksView) -> None:
    view.filters.text.setText("bias")
    view.focus_find()
    assert view.filters.text.selectedText() == "bias"
