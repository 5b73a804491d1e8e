"""What the outcome, capability and risk forms share (`ItemForm`): an edit reported only when it changes the stored
value, and a refused field marked until its error is cleared."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from align_desktop.ui.capabilities.form import CapabilityForm
from align_desktop.ui.item_form import ItemForm
from align_desktop.ui.open_workspace import OpenWorkspace
from align_desktop.ui.outcomes.form import OutcomeForm
from align_desktop.ui.risks.display import shown_risks
from align_desktop.ui.risks.form import RiskForm


@pytest.fixture(params=["outcome", "capability", "risk"])
def show_first(request: pytest.FixtureRequest, qtbot: Any, open_sample: OpenWorkspace) -> Callable[[], ItemForm]:
    """Show the first item of its kind in a form (the same form each call), as the view does after a reload."""
    form: Any = {"outcome": OutcomeForm, "capability": CapabilityForm, "risk": RiskForm}[request.param]()
    qtbot.addWidget(form)

    def show() -> ItemForm:
        if request.param == "outcome":
            form.show_outcome(open_sample.outcomes.list()[0])
        elif request.param == "capability":
            form.show_capability(open_sample.capabilities.catalogue()[0])
        else:
            register = open_sample.risks.register()
            form.show_risk(shown_risks(register, date(2026, 11, 26))[0], register.settings.risk_appetite)
        return form

    return show


@pytest.fixture
def form(show_first: Callable[[], ItemForm]) -> ItemForm:
    return show_first()


def test_leaving_a_field_as_stored_reports_nothing_and_keeps_the_stored_spelling(qtbot: Any, form: ItemForm) -> None:
    owner = form.edits["owner"]
    stored = owner.text()
    owner.setText(f"  {stored}  ")
    with qtbot.assertNotEmitted(form.field_edited):
        owner.editingFinished.emit()
    assert owner.text() == stored


def test_a_changed_field_is_reported_with_its_value(qtbot: Any, form: ItemForm) -> None:
    form.edits["owner"].setText("Zoë Ndlovu")
    with qtbot.waitSignal(form.field_edited) as edited:
        form.edits["owner"].editingFinished.emit()
    assert edited.args == ["owner", "Zoë Ndlovu"]


def test_a_refused_field_keeps_what_was_typed_until_its_error_is_cleared(
    form: ItemForm, show_first: Callable[[], ItemForm]
) -> None:
    owner = form.edits["owner"]
    stored = owner.text()
    owner.setText("x" * 500)
    form.show_error("owner", "Owner: is too long")
    assert owner.property("invalid") is True
    assert owner.toolTip() == "Owner: is too long"
    show_first()  # the same item again (a reload)
    assert owner.text() == "x" * 500
    form.clear_error()
    assert owner.property("invalid") is False
    assert owner.text() == stored
    assert form.error_field is None
