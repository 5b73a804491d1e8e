"""Planning an import sheet by sheet: settings and lanes, outcomes, initiatives, capabilities, needs, risks.

Each function reads one sheet of format v1 (when the workbook has it) into the planner, after
the sheets it refers to, and keeps the app's rules: the readiness gate on a move to scaling or
live (a workbook cannot carry a reason to override it), capability names unique ignoring case,
an accepted risk's rationale, lanes that exist after the import.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from align_desktop.domain.capability import CAPABILITY_FIELDS, NEW_CAPABILITY, validate_capability, validate_level
from align_desktop.domain.initiative import INITIATIVE_FIELDS, NEW_INITIATIVE, validate_initiative
from align_desktop.domain.keys import key_sort_value
from align_desktop.domain.outcome import NEW_OUTCOME, OUTCOME_FIELDS, validate_outcome
from align_desktop.domain.readiness import GateBlocked, check_gate
from align_desktop.domain.risk import NEW_RISK, RISK_FIELDS, check_acceptance, validate_risk
from align_desktop.domain.settings import validate_lane_names, validate_settings
from align_desktop.domain.validation import ValidationError
from align_desktop.exchange import cells
from align_desktop.exchange import format as fmt
from align_desktop.exchange.import_plan import Planner, RowEdit, differs, read_cell
from align_desktop.exchange.reading import Row, Table, normal

LINKS = ("initiative_keys", "capability_keys")


def assumptions(p: Planner) -> None:
    """Settings (A: name, B: value) and the `Lanes` row; unknown names are ignored."""
    found = p.book.pairs(fmt.ASSUMPTIONS)
    if found is None:
        return
    sheet, rows = found
    by_name = {normal(column.header): column for column in fmt.ASSUMPTION_ROWS}
    current = asdict(p.contents.settings)
    seen: dict[str, int] = {}
    for number, name, raw in rows:
        column = by_name.get(normal(name))
        if column is None:
            continue
        address = f"{sheet}!B{number}"
        if column.field in seen:
            p.error(f"{sheet}!A{number}", f"{column.header} appears twice (rows {seen[column.field]} and {number})")
            continue
        seen[column.field] = number
        try:
            if column.field == "lanes":
                _lanes(p, address, raw)
                continue
            value = validate_settings({column.field: read_cell(column, raw)})[column.field]
        except ValidationError as exc:
            p.error(address, ValidationError(exc.field, "must not be blank") if cells.is_blank(raw) else exc)
            continue
        if differs(current[column.field], value):
            p.changes.settings[column.field] = value
            p.changed(address, "", column.header, column.kind, current[column.field], value)
    if p.changes.settings:
        p.counts["changed"] += 1
    p.horizon = p.changes.settings.get("horizon", p.horizon)
    p.gate = p.changes.settings.get("readiness_gate", p.gate)
    if p.horizon < p.contents.settings.horizon:
        _horizon_note(p, f"{sheet}!B{seen['horizon']}")


def _lanes(p: Planner, address: str, raw: object) -> None:
    names = validate_lane_names([part for part in cells.text(raw).split(";") if part.strip()])
    p.lanes_cell = address
    if names != p.lanes:
        p.changed(address, "", "Lanes", fmt.Kind.TEXT, "; ".join(p.lanes), "; ".join(names))
        p.changes.lanes = names
        p.lanes = names
        p.counts["changed"] += 1


def _horizon_note(p: Planner, address: str) -> None:
    later = range(p.horizon + 1, 11)
    amounts = sum(line.amounts[t] is not None for case in p.contents.cases for line in case.cost_lines for t in later)
    adoption = sum(row[f"adoption_{t}"] is not None for row in p.contents.benefits.values() for t in later)
    if amounts or adoption:
        p.preview.append(
            f"{address}: a horizon of {p.horizon} years clears {amounts} cost amount(s) and {adoption} "
            f"adoption value(s) entered for later years"
        )


def outcomes(p: Planner) -> None:
    table = p.table(fmt.OUTCOMES, "key")
    if table is None:
        return
    current = {o.key: {f: getattr(o, f) for f in OUTCOME_FIELDS} for o in p.contents.outcomes}
    for edit in p.read_items(table, "O", validate_outcome):
        if edit.new:
            p.complete(edit, NEW_OUTCOME, validate_outcome)
        if edit.ok and (item := p.record_item(edit, fmt.OUTCOMES, current.get(edit.key), "name", "outcome")):
            p.changes.outcomes.append(item)


def initiatives(p: Planner) -> None:
    table = p.table(fmt.INITIATIVES, "key")
    if table is None:
        return
    lanes = {name.casefold(): name for name in p.lanes}
    lane_names = {lane.id: lane.name for lane in p.contents.lanes}
    current = {
        i.key: {f: getattr(i, f) for f in INITIATIVE_FIELDS} | {"lane": lane_names[i.lane_id]}
        for i in p.contents.initiatives
    }

    def lane(edit: RowEdit, column: fmt.Column, raw: object) -> str:
        name = cells.text(raw).strip()
        if name.casefold() not in lanes:
            listed = "; ".join(p.lanes)
            raise ValidationError(
                "Lane", f"'{name}' is not a lane of the workspace or the Assumptions (lanes: {listed})"
            )
        return lanes[name.casefold()]

    def outcome(edit: RowEdit, column: fmt.Column, raw: object) -> str | None:
        return p.reference("O", raw, column.header)

    for edit in p.read_items(table, "I", validate_initiative, {"lane": lane, "outcome_key": outcome}):
        before = current.get(edit.key)
        if "confidence" in edit.values:
            p.confidence_cells[edit.key] = edit.address("confidence")
        if edit.new:
            p.complete(edit, NEW_INITIATIVE, validate_initiative)
            edit.values.setdefault("lane", p.lanes[0])
        elif (
            "lane" in edit.values and before is not None and edit.values["lane"].casefold() == before["lane"].casefold()
        ):
            edit.values["lane"] = before["lane"]
        if not edit.ok:
            continue
        after = (before or NEW_INITIATIVE) | edit.values
        try:
            check_gate(edit.key, before["status"] if before else "idea", after, p.gate, "")
        except GateBlocked as exc:
            failures = ", ".join(exc.failures)
            p.error(
                edit.address("status"),
                f"Status: {edit.key} cannot move to {exc.status}: {failures} "
                f"{'is' if len(exc.failures) == 1 else 'are'} below the readiness gate of {exc.gate}; "
                "raise the scores first (a workbook cannot give a reason to override the gate: do that in the app)",
            )
            continue
        item = p.record_item(edit, fmt.INITIATIVES, before, "title", "initiative")
        if item is not None:
            p.initiatives[edit.key] = item


def check_lanes(p: Planner) -> None:
    """Lanes left out of the Assumptions' Lanes row must be empty once the import has moved cards."""
    if p.changes.lanes is None:
        return
    kept = {name.casefold() for name in p.lanes}
    lane_names = {lane.id: lane.name for lane in p.contents.lanes}
    stranded: Counter[str] = Counter()
    for item in p.contents.initiatives:
        edit = p.initiatives.get(item.key)
        lane = edit.fields.get("lane") if edit is not None else None
        name = lane if isinstance(lane, str) else lane_names[item.lane_id]
        if name.casefold() not in kept:
            stranded[name] += 1
    for name, count in stranded.items():
        p.error(
            p.lanes_cell or fmt.ASSUMPTIONS,
            f"Lanes: '{name}' is left out but still holds {count} initiative(s); "
            "keep the lane, or move them to another lane in the Initiatives sheet",
        )


def capabilities(p: Planner) -> None:
    table = p.table(fmt.CAPABILITIES, "key")
    if table is None:
        return
    current = {c.key: {f: getattr(c, f) for f in CAPABILITY_FIELDS} for c in p.contents.capabilities}
    names = {key: values["name"] for key, values in current.items()}
    edits = p.read_items(table, "C", validate_capability)
    named: list[RowEdit] = []
    for edit in edits:
        if edit.new:
            p.complete(edit, NEW_CAPABILITY, validate_capability)
        if edit.ok and "name" in edit.values:
            names[edit.key] = edit.values["name"]
            named.append(edit)
    holders: dict[str, list[str]] = {}
    for key, name in names.items():
        holders.setdefault(name.casefold(), []).append(key)
    for edit in named:
        others = [key for key in holders[edit.values["name"].casefold()] if key != edit.key]
        if others:
            edit.ok = False
            p.error(edit.address("name"), f"Name: '{edit.values['name']}' is already the name of {others[0]}")
    for edit in edits:
        if edit.ok and (item := p.record_item(edit, fmt.CAPABILITIES, current.get(edit.key), "name", "capability")):
            p.changes.capabilities.append(item)


def needs(p: Planner) -> None:
    """One row per need; a blank level removes a need; pairs absent from the sheet are left alone."""
    table = p.table(fmt.CAPABILITY_NEEDS, "initiative_key", "capability_key", "level")
    if table is None:
        return
    current = {(n.initiative_key, n.capability_key): n.level for n in p.contents.needs}
    seen: dict[tuple[str, str], int] = {}

    def required(prefix: str) -> Callable[[Row, str], str | None]:
        def read(row: Row, name: str) -> str | None:
            header = table.columns[name][0].header
            key = p.reference(prefix, table.value(row, name), header)
            if key is None:
                raise ValidationError(header, "must not be blank")
            return key

        return read

    def level(row: Row, name: str) -> int | None:
        raw = table.value(row, name)
        return None if cells.is_blank(raw) else validate_level("Required level", cells.whole("Required level", raw))

    initiative_key, capability_key = required("I"), required("C")
    for row in table.rows:
        initiative = _cell(p, table, row, "initiative_key", initiative_key)
        capability = _cell(p, table, row, "capability_key", capability_key)
        wanted = _cell(p, table, row, "level", level)
        if initiative is FAILED or capability is FAILED or wanted is FAILED:
            continue
        assert isinstance(initiative, str) and isinstance(capability, str)
        pair = (initiative, capability)
        if pair in seen:
            p.error(
                table.address(row), f"{initiative} and {capability} appear twice (rows {seen[pair]} and {row.number})"
            )
            continue
        seen[pair] = row.number
        before = current.get(pair)
        if before == wanted:
            continue
        p.changes.needs.append((initiative, capability, wanted))
        if before is None:
            p.counts["added"] += 1
            p.preview.append(f"{table.address(row)}: add need: {initiative} needs {capability} at level {wanted}")
        elif wanted is None:
            p.counts["removed"] += 1
            p.preview.append(f"{table.address(row, 'level')}: remove need: {initiative} no longer needs {capability}")
        else:
            p.counts["changed"] += 1
            p.changed(
                table.address(row, "level"),
                f"{initiative} need of {capability}",
                "Required level",
                fmt.Kind.WHOLE,
                before,
                wanted,
            )


FAILED = object()


def _cell(p: Planner, table: Table, row: Row, name: str, read: Any) -> Any:
    """`read(row, name)`, or `FAILED` with the error recorded at the cell."""
    try:
        return read(row, name)
    except ValidationError as exc:
        p.error(table.address(row, name), exc)
        return FAILED


def risks(p: Planner) -> None:
    table = p.table(fmt.RISKS, "key")
    if table is None:
        return
    current = {
        r.key: {f: getattr(r, f) for f in RISK_FIELDS}
        | {"initiative_keys": list(r.initiative_keys), "capability_keys": list(r.capability_keys)}
        for r in p.contents.risks
    }

    def links(prefix: str) -> Any:
        def read(edit: RowEdit, column: fmt.Column, raw: object) -> list[str]:
            keys = [p.reference(prefix, part, column.header) for part in cells.key_list(raw)]
            return sorted({key for key in keys if key is not None}, key=key_sort_value)

        return read

    for edit in p.read_items(table, "R", validate_risk, {"initiative_keys": links("I"), "capability_keys": links("C")}):
        before = current.get(edit.key)
        if edit.new:
            p.complete(edit, NEW_RISK, validate_risk)
        if not edit.ok:
            continue
        after = (before or NEW_RISK) | edit.values
        try:
            check_acceptance(after)
        except ValidationError as exc:
            where = next((f for f in ("acceptance_rationale", "status", "treatment") if table.has(f)), None)
            p.error(edit.address(where), exc)
            continue
        item = p.record_item(edit, fmt.RISKS, before, "title", "risk")
        if item is not None:
            p.changes.risks.append(item)
