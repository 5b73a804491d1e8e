"""Planning an import of business cases: the `Benefits` and `Cost lines` sheets.

Benefits are keyed by initiative: a row for an initiative without a case gives it one. The
benefit and its working (baseline volume × uplift × value per unit) follow the app's rule
(`domain.business_case.apply_benefit`): a changed working sets the annual benefit, a changed
annual benefit alone clears the working; both changed must agree. The row's confidence is the
initiative's. Years run to the horizon the import leaves: a value in a later year is refused.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from align_desktop.domain.business_case import (
    WORKING_FIELDS,
    apply_benefit,
    validate_adoption,
    validate_amounts,
    validate_benefit,
    validate_cost_line,
)
from align_desktop.domain.initiative import validate_initiative
from align_desktop.domain.validation import ValidationError
from align_desktop.exchange import cells
from align_desktop.exchange import format as fmt
from align_desktop.exchange.import_plan import SKIP, Planner, RowEdit, cell_reader, differs
from align_desktop.exchange.reading import Row, Table
from align_desktop.store.imports import CASE_COLUMNS, ItemEdit

MAX_HORIZON = 10
BENEFIT_FIELDS = ("annual_benefit", "benefit_baseline", "benefit_uplift", "benefit_value_per_unit", "benefit_unit")
BLANK_CASE: dict[str, Any] = dict.fromkeys(CASE_COLUMNS) | {"annual_benefit": 0.0, "benefit_unit": ""}
ADOPTION_YEAR_0 = fmt.Column("Adoption Year 0", "adoption_0", fmt.Kind.SHARE, 10)


def benefits_sheet() -> fmt.Sheet:
    """`Benefits` with every year a workbook may carry (the finance export adds year 0 when used)."""
    sheet = fmt.benefits_sheet(MAX_HORIZON)
    return fmt.Sheet(sheet.name, (*sheet.columns, ADOPTION_YEAR_0))


def benefits(p: Planner) -> None:
    sheet = benefits_sheet()
    table = p.table(sheet, "initiative_key")
    if table is None:
        return
    seen: dict[str, int] = {}
    readers = {name: cell_reader(column) for name, (column, _) in table.columns.items()}
    for row in table.rows:
        try:
            key = p.reference("I", table.value(row, "initiative_key"), "Initiative key")
        except ValidationError as exc:
            p.error(table.address(row, "initiative_key"), exc)
            continue
        if key is None:
            p.error(table.address(row, "initiative_key"), "Initiative key: must not be blank")
            continue
        if key in seen:
            p.error(table.address(row), f"{key} appears twice in the sheet (rows {seen[key]} and {row.number})")
            continue
        seen[key] = row.number
        given = _read_benefit_row(p, table, row, key, readers)
        if given is not None:
            _plan_case(p, table, row, key, given)


def _read_benefit_row(
    p: Planner, table: Table, row: Row, key: str, readers: dict[str, Callable[[object], Any]]
) -> dict[str, Any] | None:
    """The clean values of a Benefits row (each cell read by `readers`, see `cell_reader`); None when a
    cell is refused (its error recorded)."""
    before = p.contents.benefits.get(key)
    given: dict[str, Any] = {}
    ok = True
    for name in table.columns:
        if name in ("initiative_key", "title"):
            continue
        raw = table.value(row, name)
        blank = cells.is_blank(raw)
        if blank and before is None and name != "confidence":
            continue
        try:
            if name == "confidence":
                if blank:
                    continue
                value = validate_initiative({name: readers[name](raw)})[name]
            elif name.startswith("adoption_"):
                year = int(name.removeprefix("adoption_"))
                if blank and year > p.horizon:
                    continue
                value = validate_adoption({year: readers[name](raw)}, p.horizon)[year]
            else:
                value = validate_benefit({name: readers[name](raw)})[name]
        except ValidationError as exc:
            ok = False
            p.error(table.address(row, name), ValidationError(exc.field, "must not be blank") if blank else exc)
            continue
        given[name] = value
    return given if ok else None


def _plan_case(p: Planner, table: Table, row: Row, key: str, given: dict[str, Any]) -> None:
    before = p.contents.benefits.get(key)
    base = before or BLANK_CASE
    if "confidence" in given:
        _confidence(p, key, given.pop("confidence"), table.address(row, "confidence"))
    benefit = {name: value for name, value in given.items() if name in BENEFIT_FIELDS}
    if before is not None:
        benefit = {name: value for name, value in benefit.items() if differs(base[name], value)}
    after = apply_benefit(dict(base), benefit) if benefit else dict(base)
    working = [name for name in WORKING_FIELDS if name in benefit]
    if "annual_benefit" in benefit and working and all(after[name] is not None for name in WORKING_FIELDS):
        typed, worked = benefit["annual_benefit"], after["annual_benefit"]
        if abs(typed - worked) >= 0.005:
            p.error(
                table.address(row, "annual_benefit"),
                f"Annual benefit at full adoption: {typed:,.2f} is not baseline volume × uplift × value per unit "
                f"({worked:,.2f}); change one or the other",
            )
            return
    after |= {name: value for name, value in given.items() if name.startswith("adoption_")}
    if before is None:
        p.counts["added"] += 1
        p.preview.append(f"{table.address(row)}: add the business case of {key}")
        p.changes.cases.append(ItemEdit(key, after, new=True))
        return
    changes = {column: after[column] for column in CASE_COLUMNS if differs(base[column], after[column])}
    if not changes:
        return
    p.counts["changed"] += 1
    headers = {column.field: column for column in benefits_sheet().columns}
    for name, value in changes.items():
        column = headers.get(name)
        header, kind = (column.header, column.kind) if column else (name, fmt.Kind.NUMBER)
        where = table.address(row, name) if table.has(name) and name in given else table.address(row)
        p.changed(where, f"{key} business case", header, kind, base[name], value)
    p.changes.cases.append(ItemEdit(key, changes, new=False))


def _confidence(p: Planner, key: str, value: int, address: str) -> None:
    """A confidence from Benefits: the initiative's. When the Initiatives sheet changes it too, they must agree."""
    edit = p.initiatives.get(key)
    existing = p.initiative_rows.get(key)
    stated = edit.fields.get("confidence") if edit is not None else None
    given_there = p.confidence_cells.get(key)
    if existing is None or (stated is not None and given_there is not None):
        if given_there is not None and stated is not None and differs(stated, value):
            if existing is None or differs(existing.confidence, value):
                p.error(address, f"Confidence: {value} % differs from {stated} % in {given_there}; give one value")
        elif existing is None and edit is not None:
            edit.fields["confidence"] = value
        return
    if not differs(existing.confidence, value):
        return
    if edit is None:
        edit = p.initiatives[key] = ItemEdit(key, {}, new=False)
        p.counts["changed"] += 1
    edit.fields["confidence"] = value
    p.changed(address, key, "Confidence", fmt.Kind.PERCENT, existing.confidence, value)


def cost_lines(p: Planner) -> None:
    sheet = fmt.cost_lines_sheet(MAX_HORIZON)
    table = p.table(sheet, "key")
    if table is None:
        return
    current = {
        line.key: {"initiative_key": line.initiative_key, "category": line.category, "description": line.description}
        | {f"amount_{t}": line.amounts[t] for t in range(MAX_HORIZON + 1)}
        for case in p.contents.cases
        for line in case.cost_lines
    }

    def initiative(edit: RowEdit, column: fmt.Column, raw: object) -> str:
        key = p.reference("I", raw, column.header)
        if key is None:
            raise ValidationError(column.header, "must not be blank")
        return key

    years = {
        column.field: (int(column.field.removeprefix("amount_")), cell_reader(column))
        for column in sheet.columns
        if column.field.startswith("amount_")
    }

    def amount(edit: RowEdit, column: fmt.Column, raw: object) -> Any:
        year, read = years[column.field]
        if year > p.horizon and cells.is_blank(raw):
            return SKIP
        return validate_amounts({year: read(raw)}, p.horizon)[year]

    special = {"initiative_key": initiative} | {f"amount_{t}": amount for t in range(MAX_HORIZON + 1)}
    for edit in p.read_items(table, "L", validate_cost_line, special):
        if edit.new:
            p.complete(edit, {"category": "other", "description": ""}, validate_cost_line)
            if edit.ok and "initiative_key" not in edit.values:
                edit.ok = False
                p.error(edit.address("initiative_key"), "Initiative key: give the initiative the cost line belongs to")
        if edit.ok and (item := p.record_item(edit, sheet, current.get(edit.key), "description", "cost line")):
            p.changes.cost_lines.append(item)
