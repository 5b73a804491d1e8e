"""The risk form: every field, edits as one undo step each, refusals at the field, the amber note, links."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from align_desktop.domain.risk import RISK_FIELDS
from align_desktop.ui.open_workspace import OpenWorkspace
from align_desktop.ui.risks import display
from align_desktop.ui.risks.links import LinksModel
from align_desktop.ui.risks.view import RisksView
from tests.ui.risks.test_view import cell, opened, pick, seeded, stored, view

__all__ = ["opened", "seeded", "view"]  # fixtures shared with test_view


def type_into(qtbot: Any, edit: QLineEdit, text: str) -> None:
    """Replace the field's text by typing, then press Return (which finishes editing)."""
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def leave(widget: Any) -> None:
    """Take the focus away from a multi-line field, which finishes editing it."""
    widget.setFocus()
    QApplication.processEvents()
    widget.clearFocus()
    QApplication.processEvents()


def show(view: RisksView, key: str) -> None:
    assert view.select_key(key)
    assert view.form.heading.text() == key


def link_row(model: LinksModel, key: str) -> int:
    return next(row for row in range(model.rowCount()) if model.data(model.index(row)).startswith(key + "  "))


# showing


def test_the_form_has_a_widget_for_every_field_and_shows_the_risk(view: RisksView) -> None:
    show(view, "R-001")
    form = view.form
    for field in RISK_FIELDS:
        assert form.widget(field).accessibleName() == RISK_FIELDS[field]
    assert form.edits["title"].text() == "Fraud model declines thin-file customers"
    assert form.combos["category"].currentData() == "data bias"
    assert form.combos["impact_area"].currentData() == "customer trust"
    assert [form.spins[f].value() for f in ("likelihood", "impact", "residual_likelihood", "residual_impact")] == [
        4,
        4,
        3,
        4,
    ]
    assert [label.text() for label in form.score_labels] == ["16 critical", "⚠ 12 high"]
    assert form.edits["review_date"].text() == "2026-05-15"
    assert form.edits["acceptance_expiry"].text() == ""
    assert "above the appetite of 9" in form.marks.text()
    assert "Review overdue since 2026-05-15" in form.marks.text()
    assert not form.note.isVisible()
    assert form.links.summary.text() == "Threatens 1 initiative and 1 capability"


# edits


def test_title_edit_is_one_undo_step(qtbot: Any, view: RisksView, seeded: OpenWorkspace) -> None:
    show(view, "R-003")
    type_into(qtbot, view.form.edits["title"], "Demand forecast drifts after promotions")
    assert stored(seeded, "R-003").title == "Demand forecast drifts after promotions"
    assert seeded.undo_stack.count() == 1
    assert seeded.undo_stack.text(0) == "Edit R-003 Title"
    seeded.undo_stack.undo()
    assert stored(seeded, "R-003").title == "Forecast drifts after promotions"
    assert view.form.edits["title"].text() == "Forecast drifts after promotions"


def test_every_kind_of_field_is_saved(qtbot: Any, view: RisksView, seeded: OpenWorkspace) -> None:
    show(view, "R-003")
    form = view.form
    pick(form.combos["impact_area"], "retention")
    form.spins["impact"].setValue(4)
    form.spins["impact"].editingFinished.emit()
    form.texts["mitigation_plan"].setPlainText("Promotion calendar as a feature; weekly review")
    leave(form.texts["mitigation_plan"])
    type_into(qtbot, form.edits["trigger"], "MAPE above 25 %")
    type_into(qtbot, form.edits["review_date"], "2026-08-31")
    row = stored(seeded, "R-003")
    assert row.impact_area == "retention"
    assert row.impact == 4
    assert row.mitigation_plan == "Promotion calendar as a feature; weekly review"
    assert row.trigger == "MAPE above 25 %"
    assert row.review_date == date(2026, 8, 31)
    assert seeded.undo_stack.count() == 5
    assert cell(view, "R-003", display.INHERENT) == "12 high"
    assert view.form.score_labels[0].text() == "12 high"


def test_accepting_with_a_rationale_is_stored(qtbot: Any, view: RisksView, seeded: OpenWorkspace) -> None:
    show(view, "R-002")
    form = view.form
    form.texts["acceptance_rationale"].setPlainText("Consent banner fixed; residual exposure small")
    leave(form.texts["acceptance_rationale"])
    pick(form.combos["status"], "accepted")
    type_into(qtbot, form.edits["acceptance_expiry"], "2027-03-31")
    row = stored(seeded, "R-002")
    assert (row.status, row.acceptance_expiry) == ("accepted", date(2027, 3, 31))
    assert seeded.undo_stack.count() == 3


def test_an_unchanged_field_stores_nothing(qtbot: Any, view: RisksView, seeded: OpenWorkspace) -> None:
    show(view, "R-002")
    type_into(qtbot, view.form.edits["title"], "  Homepage personalisation without consent ")
    type_into(qtbot, view.form.edits["review_date"], "2026-09-30")
    assert seeded.undo_stack.count() == 0


# refusals, at the field


def test_a_score_of_six_is_refused_at_the_field(view: RisksView, seeded: OpenWorkspace) -> None:
    show(view, "R-002")
    view.form.field_edited.emit("residual_likelihood", 6)  # as a pasted or scripted value would arrive
    assert stored(seeded, "R-002").residual_likelihood == 2
    assert seeded.undo_stack.count() == 0
    message = view.form.error_text("residual_likelihood")
    assert message.startswith("Residual likelihood:")
    assert "1 to 5" in message
    assert view.form.error_field == "residual_likelihood"


def test_accepted_without_rationale_is_refused_at_the_status(view: RisksView, seeded: OpenWorkspace) -> None:
    show(view, "R-002")
    pick(view.form.combos["status"], "accepted")
    assert stored(seeded, "R-002").status == "open"
    assert seeded.undo_stack.count() == 0
    message = view.form.error_text("status")
    assert message.startswith("Acceptance rationale:")
    assert "needs a rationale" in message
    assert view.form.combos["status"].currentData() == "accepted"  # kept, to be put right

    pick(view.form.combos["treatment"], "accept")
    assert stored(seeded, "R-002").treatment == "mitigate"
    assert view.form.error_text("treatment").startswith("Acceptance rationale:")
    assert view.form.error_text("status") == ""  # one error at a time; status shows the stored value again
    assert view.form.combos["status"].currentData() == "open"


def test_impossible_dates_are_refused_at_the_field(qtbot: Any, view: RisksView, seeded: OpenWorkspace) -> None:
    show(view, "R-002")
    type_into(qtbot, view.form.edits["review_date"], "2026-02-30")
    assert view.form.error_text("review_date") == "Next review: '2026-02-30' is not a date in the calendar"
    assert view.form.edits["review_date"].text() == "2026-02-30"  # kept while it is put right
    type_into(qtbot, view.form.edits["acceptance_expiry"], "31/12/2026")
    assert view.form.error_text("acceptance_expiry").startswith("Acceptance expires: '31/12/2026' is not a date")
    assert "YYYY-MM-DD" in view.form.error_text("acceptance_expiry")
    assert view.form.error_text("review_date") == ""
    row = stored(seeded, "R-002")
    assert (row.review_date, row.acceptance_expiry) == (date(2026, 9, 30), None)
    assert seeded.undo_stack.count() == 0

    type_into(qtbot, view.form.edits["acceptance_expiry"], "2026-12-31")  # put right: stored, error gone
    assert stored(seeded, "R-002").acceptance_expiry == date(2026, 12, 31)
    assert view.form.error_text("acceptance_expiry") == ""


def test_a_blank_title_is_refused(qtbot: Any, view: RisksView, seeded: OpenWorkspace) -> None:
    show(view, "R-002")
    type_into(qtbot, view.form.edits["title"], "   ")
    assert view.form.error_text("title") == "Title: must not be empty"
    assert seeded.undo_stack.count() == 0


def test_the_error_clears_when_another_risk_is_selected(qtbot: Any, view: RisksView) -> None:
    show(view, "R-002")
    type_into(qtbot, view.form.edits["review_date"], "soon")
    assert view.form.error_text("review_date")
    show(view, "R-003")
    assert view.form.error_text("review_date") == ""
    assert view.form.edits["review_date"].text() == ""


# the amber note


def test_residual_above_inherent_is_saved_with_an_amber_note(view: RisksView, seeded: OpenWorkspace) -> None:
    show(view, "R-003")
    assert not view.form.note.isVisible()
    view.form.spins["residual_impact"].setValue(5)
    view.form.spins["residual_impact"].editingFinished.emit()
    assert stored(seeded, "R-003").residual_impact == 5  # warned, not forbidden
    assert view.form.note.isVisible()
    assert view.form.note.text() == (
        "The residual score (10) is above the inherent score (9): treatment usually lowers a risk. Check the ratings."
    )
    seeded.undo_stack.undo()
    assert not view.form.note.isVisible()


# links


def test_ticking_a_link_is_one_set_links_and_one_undo_step(view: RisksView, seeded: OpenWorkspace) -> None:
    show(view, "R-002")
    view.form.links.linked_only.setChecked(False)  # list everything that could be linked
    model = view.form.links.model
    assert model.data(model.index(link_row(model, "I-002")), Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert model.setData(model.index(link_row(model, "I-003")), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    row = stored(seeded, "R-002")
    assert (row.initiative_keys, row.capability_keys) == (("I-002", "I-003"), ())
    assert seeded.undo_stack.count() == 1
    assert seeded.undo_stack.text(0) == "Edit R-002 links"
    assert view.form.links.summary.text() == "Threatens 2 initiatives and 0 capabilities"

    model.setData(model.index(link_row(model, "C-002")), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    model.setData(model.index(link_row(model, "I-002")), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    row = stored(seeded, "R-002")
    assert (row.initiative_keys, row.capability_keys) == (("I-003",), ("C-002",))
    assert seeded.undo_stack.count() == 3
    assert cell(view, "R-002", display.LINKS) == "1 · 1"

    for _ in range(3):
        seeded.undo_stack.undo()
    row = stored(seeded, "R-002")
    assert (row.initiative_keys, row.capability_keys) == (("I-002",), ())
    assert model.data(model.index(link_row(model, "I-003")), Qt.ItemDataRole.CheckStateRole) == (
        Qt.CheckState.Unchecked
    )


def test_links_change_the_value_at_risk(view: RisksView, seeded: OpenWorkspace) -> None:
    show(view, "R-004")
    assert cell(view, "R-004", display.VALUE_AT_RISK) == "EUR 0"
    view.form.links.linked_only.setChecked(False)  # list everything that could be linked
    model = view.form.links.model
    model.setData(model.index(link_row(model, "I-002")), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert cell(view, "R-004", display.VALUE_AT_RISK) == cell(view, "R-002", display.VALUE_AT_RISK)
    view.order_by_value_at_risk()
    assert view.model.row_at(1).key == "R-004"  # ties with R-002 on value; the higher residual first


def test_links_search_and_linked_only(view: RisksView) -> None:
    show(view, "R-001")
    picker = view.form.links
    assert picker.linked_only.isChecked()  # a risk opens showing what it threatens

    def texts() -> list[str]:
        return [picker.model.data(picker.model.index(row)) for row in range(picker.model.rowCount())]

    assert texts() == ["Initiatives", "I-001  Fraud scoring", "Capabilities", "C-001  Feature store"]
    picker.search.setText("monitoring")  # a search finds what is not linked yet
    assert texts() == ["Initiatives: none match", "Capabilities", "C-002  Model monitoring"]
    picker.search.clear()
    picker.linked_only.setChecked(False)
    assert "I-001  Fraud scoring" in texts()
    assert "C-002  Model monitoring" in texts()
    header = picker.model.index(0)
    assert not picker.model.flags(header) & Qt.ItemFlag.ItemIsUserCheckable
    assert not picker.model.setData(header, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)


def test_links_model_keeps_the_contract(qtmodeltester: Any, view: RisksView) -> None:
    show(view, "R-001")
    qtmodeltester.check(view.form.links.model)
    view.form.links.search.setText("feature")
    qtmodeltester.check(view.form.links.model)
