"""Which service call stores a field of a business case, and how its undo step is named.

Benefit, adoption and cost-line fields go to `BusinessCaseService`; the confidence is a field
of the initiative and goes to `InitiativeService`. Each is one call, so one undo step.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from align_desktop.store.business_cases import BusinessCaseService
from align_desktop.store.changes import Revert
from align_desktop.store.initiatives import InitiativeService
from align_desktop.ui.roi.draft import ADOPTION, AMOUNT, BENEFIT, CONFIDENCE, Field

Change = tuple[str, Callable[[], Revert]]
"""(undo text, the service call)"""


def tr(text: str) -> str:
    return QCoreApplication.translate("RoiChanges", text)


def change_for(
    cases: BusinessCaseService, initiatives: InitiativeService, initiative_key: str, field: Field, value: object
) -> Change:
    """The one service call that stores `value` in `field` of the initiative's case."""
    key = initiative_key
    if field.kind == BENEFIT:
        return tr("Edit {0} benefit").format(key), lambda: cases.set_benefit(key, {field.name: value})
    if field.kind == CONFIDENCE:
        return tr("Edit {0} confidence").format(key), lambda: initiatives.update(key, {"confidence": value})
    if field.kind == ADOPTION:
        text = tr("Edit {0} adoption year {1}").format(key, field.year)
        return text, lambda: cases.set_adoption(key, {field.year: value})
    if field.kind == AMOUNT:
        text = tr("Edit cost line {0} year {1}").format(field.name, field.year)
        return text, lambda: cases.update_cost_line(field.name, amounts={field.year: value})
    text = tr("Edit cost line {0} {1}").format(field.name, field.kind)
    return text, lambda: cases.update_cost_line(field.name, {field.kind: value})
