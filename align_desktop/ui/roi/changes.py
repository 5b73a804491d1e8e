"""Which service call stores a field of a business case, and how its undo step is named.

Benefit, adoption and cost-line fields go to `BusinessCaseService`; the confidence is a field
of the initiative and goes to `InitiativeService`. Each is one call, so one undo step, made against
the version of the item the view showed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from align_desktop.store.business_cases import BusinessCaseService
from align_desktop.store.case_rows import BusinessCaseRow
from align_desktop.store.changes import Revert
from align_desktop.store.initiatives import InitiativeService
from align_desktop.ui.roi.draft import ADOPTION, AMOUNT, BENEFIT, CONFIDENCE, Field, find_line

Change = tuple[str, Callable[[int | None], Revert], int | None]
"""(undo text, the service call made against a version, the version of the item the view showed)"""


def tr(text: str) -> str:
    return QCoreApplication.translate("RoiChanges", text)


def change_for(
    cases: BusinessCaseService,
    initiatives: InitiativeService,
    row: BusinessCaseRow,
    initiative_version: int | None,
    field: Field,
    value: object,
) -> Change:
    """The one service call that stores `value` in `field` of the case `row`, checked against the version shown:
    the case's, a cost line's, or for the confidence the initiative's (`initiative_version`)."""
    key = row.initiative_key
    if field.kind == BENEFIT:
        text = tr("Edit {0} benefit").format(key)
        return text, lambda version: cases.set_benefit(key, {field.name: value}, expected_version=version), row.version
    if field.kind == CONFIDENCE:
        text = tr("Edit {0} confidence").format(key)
        return (
            text,
            lambda version: initiatives.update(key, {"confidence": value}, expected_version=version),
            initiative_version,
        )
    if field.kind == ADOPTION:
        text = tr("Edit {0} adoption year {1}").format(key, field.year)
        return text, lambda version: cases.set_adoption(key, {field.year: value}, expected_version=version), row.version
    line = find_line(row, field.name)
    line_version = None if line is None else line.version
    if field.kind == AMOUNT:
        text = tr("Edit cost line {0} year {1}").format(field.name, field.year)
        return (
            text,
            lambda version: cases.update_cost_line(field.name, amounts={field.year: value}, expected_version=version),
            line_version,
        )
    text = tr("Edit cost line {0} {1}").format(field.name, field.kind)
    return (
        text,
        lambda version: cases.update_cost_line(field.name, {field.kind: value}, expected_version=version),
        line_version,
    )
