"""The What Changed view: its hint without snapshots, Take Snapshot… (not an undo step), and the
summary and list of what changed between two snapshots or a snapshot and now."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QTreeWidgetItem

from align_desktop.store.snapshots import SnapshotService
from align_desktop.ui.changes.view import NOW, ChangesView
from align_desktop.ui.open_workspace import OpenWorkspace
from tests.store.session_rows import add_session


@pytest.fixture
def view(qtbot: Any, prompter: Any, open_sample: OpenWorkspace) -> ChangesView:
    view = ChangesView(prompter)
    qtbot.addWidget(view)
    view.set_workspace(open_sample)
    view.resize(1600, 900)
    view.show()
    return view


def listed(view: ChangesView) -> list[list[str]]:
    """Every row of the list as its three column texts, depth-first."""
    rows: list[list[str]] = []

    def walk(item: QTreeWidgetItem) -> None:
        rows.append([item.text(column) for column in range(3)])
        for index in range(item.childCount()):
            walk(item.child(index))

    for index in range(view.change_list.topLevelItemCount()):
        walk(view.change_list.topLevelItem(index))
    return rows


def take(view: ChangesView, prompter: Any, label: str) -> None:
    prompter.text_answers.append(label)
    view.take_button.click()


def edit_during_workshop(opened: OpenWorkspace) -> None:
    """A board move of I-001 to the last lane, its data readiness to 0, and R-001's residual to 5 × 5."""
    last_lane = opened.settings.lanes()[-1]
    opened.perform("Move", lambda: opened.initiatives.move("I-001", last_lane.id, 0))
    opened.perform("Score", lambda: opened.initiatives.update("I-001", {"readiness_data": 0}))
    opened.perform("Rating", lambda: opened.risks.update("R-001", {"residual_likelihood": 5, "residual_impact": 5}))


def test_without_snapshots_the_view_explains_snapshots_and_offers_to_take_one(
    view: ChangesView, prompter: Any, open_sample: OpenWorkspace
) -> None:
    assert view.pages.currentWidget() is view.empty_state
    prompter.text_answers.append("Before the workshop")
    view.empty_state.button.click()

    assert view.pages.currentWidget() is not view.empty_state
    assert [row.label for row in SnapshotService(open_sample.workspace).list()] == ["Before the workshop"]
    assert view.before_combo.currentText().startswith("Before the workshop — ")
    assert view.after_combo.currentData() == NOW
    assert listed(view) == [["Nothing changed between these two moments.", "", ""]]
    assert open_sample.undo_stack.count() == 0


def test_edits_after_a_snapshot_show_in_the_summary_and_the_list(
    view: ChangesView, prompter: Any, open_sample: OpenWorkspace
) -> None:
    take(view, prompter, "Start")
    old_lane = open_sample.initiatives.get("I-001").lane_id
    lanes = {lane.id: lane.name for lane in open_sample.settings.lanes()}
    old_score = open_sample.initiatives.get("I-001").readiness_data
    edit_during_workshop(open_sample)

    new_lane = lanes[open_sample.initiatives.get("I-001").lane_id]
    assert f"I-001</b> {lanes[old_lane]} → <b>{new_lane}</b>" in view.summary.lanes.body.text()
    assert "<b>R-001</b> Residual high (12) → <b>critical (25)</b>" in view.summary.risks.body.text()
    assert f"I-001</b> Readiness: data {old_score} → <b>0</b>" in view.summary.risks.body.text()
    assert "<b>2</b>&nbsp;</td><td>changed" in view.summary.counts.body.text()
    assert "Base" in view.summary.npv.body.text()
    assert "no&nbsp;change" in view.summary.npv.body.text()
    rows = listed(view)
    title = open_sample.initiatives.get("I-001").title
    risk = open_sample.risks.get("R-001").title
    assert rows == [
        ["Initiatives (1)", "", ""],
        [f"I-001  {title}", "", ""],
        ["Lane", lanes[old_lane], new_lane],
        ["Readiness: data", str(old_score), "0"],
        ["Risks (1)", "", ""],
        [f"R-001  {risk}", "", ""],
        ["Residual likelihood", "3", "5"],
        ["Residual impact", "4", "5"],
    ]


def test_two_snapshots_can_be_compared_and_the_choice_is_kept_on_reload(
    view: ChangesView, prompter: Any, open_sample: OpenWorkspace
) -> None:
    take(view, prompter, "Start")
    edit_during_workshop(open_sample)
    take(view, prompter, "End")
    open_sample.perform("Later edit", lambda: open_sample.outcomes.update("O-001", {"owner": "Someone new"}))
    start, end = (row.id for row in SnapshotService(open_sample.workspace).list())

    view.before_combo.setCurrentIndex(view.before_combo.findData(start))
    view.before_combo.activated.emit(view.before_combo.currentIndex())
    view.after_combo.setCurrentIndex(view.after_combo.findData(end))
    view.after_combo.activated.emit(view.after_combo.currentIndex())
    assert [row[0] for row in listed(view) if row[0].endswith(")")] == ["Initiatives (1)", "Risks (1)"]

    view.reload()
    assert (view.before_combo.currentData(), view.after_combo.currentData()) == (start, end)
    view.after_combo.setCurrentIndex(view.after_combo.findData(NOW))
    view.after_combo.activated.emit(view.after_combo.currentIndex())
    assert "Outcomes (1)" in [row[0] for row in listed(view)]


def test_a_cancelled_or_blank_label_takes_no_snapshot(
    view: ChangesView, prompter: Any, open_sample: OpenWorkspace
) -> None:
    take_none: Any = None
    prompter.text_answers.append(take_none)
    view.take_button.click()
    take(view, prompter, "   ")

    assert SnapshotService(open_sample.workspace).list() == []
    assert prompter.errors == [("No snapshot taken", "A snapshot needs a label.")]
    assert view.pages.currentWidget() is view.empty_state


def test_items_added_and_removed_say_so_in_words(view: ChangesView, prompter: Any, open_sample: OpenWorkspace) -> None:
    take(view, prompter, "Start")
    created: list[str] = []

    def create() -> Any:
        key, revert = open_sample.outcomes.create({"name": "Grow basket size"})
        created.append(key)
        return revert

    open_sample.perform("New outcome", create)
    open_sample.perform("Delete risk", lambda: open_sample.risks.delete("R-002"))

    rows = [row[0] for row in listed(view)]
    assert rows[:2] == ["Outcomes (1)", f"{created[0]}  Grow basket size   (added)"]
    assert rows[2] == "Risks (1)"
    assert rows[3].startswith("R-002  ") and rows[3].endswith("   (removed)")
    assert "<b>1</b>&nbsp;</td><td>added" in view.summary.counts.body.text()


def test_when_a_session_has_just_ended_its_start_is_compared_with_its_end(
    view: ChangesView, prompter: Any, open_sample: OpenWorkspace
) -> None:
    add_session(open_sample.workspace, "Q1 roadmap review", ["Ana", "Ben"])
    with open_sample.workspace.read() as db:
        (session_id,) = db.execute("SELECT id FROM workshop_session").fetchone()
    service = SnapshotService(open_sample.workspace)
    start = service.take("Start of Q1 roadmap review", "start", session_id)
    take(view, prompter, "Mid-session")
    assert (view.before_combo.currentData(), view.after_combo.currentData()) == (start + 1, NOW)
    edit_during_workshop(open_sample)
    end = service.take("End of Q1 roadmap review", "end", session_id)
    open_sample.notify_committed()

    assert (view.before_combo.currentData(), view.after_combo.currentData()) == (start, end)
    assert [row[0] for row in listed(view) if row[0].endswith(")")] == ["Initiatives (1)", "Risks (1)"]
