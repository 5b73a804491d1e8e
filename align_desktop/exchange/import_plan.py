"""The state of planning an import: what the workspace holds, what the workbook changes, what is wrong.

`Planner` reads one sheet after another (`import_sheets`), each after the sheets it may refer to,
collecting the changes (`store.imports.ImportChanges`), a preview line for every add and every
changed field (old → new), and an error for every refused cell as `Sheet!C12: message`.
`read_items` is the upsert by key that every sheet of keyed items shares: a known key updates
(only the fields that differ become changes), an unknown well-formed key adds the item under that
key, a blank key adds it under a new key (after every key in use or named in the sheet).
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from align_desktop.domain.keys import format_key, parse_key
from align_desktop.domain.validation import ValidationError
from align_desktop.exchange import cells
from align_desktop.exchange import format as fmt
from align_desktop.exchange.reading import Row, Table, Workbook
from align_desktop.store.imports import ImportChanges, ItemEdit, WorkspaceContents

SKIP = object()
"""A field reader's answer for a cell that changes nothing (a blank year beyond the horizon)."""
NOUNS = {"O": "outcome", "I": "initiative", "C": "capability", "R": "risk", "L": "cost line"}


@dataclass
class RowEdit:
    """One row of a sheet of keyed items, read: the item's key and the values its cells give."""

    table: Table
    row: Row
    key: str
    new: bool
    fresh: bool
    """The key was blank: the item gets a new key."""
    values: dict[str, Any] = field(default_factory=dict)
    """Clean values of the cells read (for a new item, only cells that are not blank)."""
    ok: bool = True
    """No cell of the row was refused."""
    checked: set[str] = field(default_factory=set)
    """Fields whose values the sheet's validator cleaned (not a special reader)."""

    def address(self, field_name: str | None = None) -> str:
        """The cell of a field in this row (the key's cell when the sheet has no such column)."""
        if field_name is not None and self.table.has(field_name):
            return self.table.address(self.row, field_name)
        return self.table.address(self.row, "key" if self.table.has("key") else None)


FieldReader = Callable[[RowEdit, fmt.Column, Any], Any]
"""Reads one cell of a row into a clean value, or raises `ValidationError`; may answer `SKIP`."""


class Planner:
    """Everything learnt so far while planning one import."""

    def __init__(self, contents: WorkspaceContents, book: Workbook) -> None:
        self.contents = contents
        self.book = book
        self.changes = ImportChanges()
        self.errors: list[str] = []
        self.preview: list[str] = []
        self.counts: Counter[str] = Counter()
        settings = contents.settings
        self.horizon = settings.horizon
        self.gate = settings.readiness_gate
        self.lanes = [lane.name for lane in contents.lanes]
        self.lanes_cell: str | None = None
        self.initiatives: dict[str, ItemEdit] = {}
        """Initiative edits by key, in sheet order (Benefits may add a confidence to them)."""
        self.initiative_rows = {i.key: i for i in contents.initiatives}
        self.confidence_cells: dict[str, str] = {}
        """Initiatives whose confidence the Initiatives sheet gives: the cell that gives it."""
        self._keys_seen: dict[tuple[str, str], str] = {}
        self.known: dict[str, set[str]] = {
            "O": {o.key for o in contents.outcomes},
            "I": {i.key for i in contents.initiatives},
            "C": {c.key for c in contents.capabilities},
            "R": {r.key for r in contents.risks},
            "L": {line.key for case in contents.cases for line in case.cost_lines},
        }

    # --- messages ---------------------------------------------------------------------------------

    def error(self, address: str, problem: ValidationError | str) -> None:
        self.errors.append(f"{address}: {problem}")

    def sheet_error(self, sentence: str) -> None:
        self.errors.append(sentence)

    def added(self, address: str, noun: str, key: str, label: str = "", *, fresh: bool = False) -> None:
        self.counts["added"] += 1
        named = f" {show_text(label)}" if label else ""
        self.preview.append(f"{address}: add {noun} {key}{' (a new key)' if fresh else ''}{named}")

    def changed(self, address: str, subject: str, header: str, kind: fmt.Kind, old: Any, new: Any) -> None:
        about = f"{subject} " if subject else ""
        self.preview.append(f"{address}: {about}{header}: {show(kind, old)} → {show(kind, new)}")

    # --- keys and references ----------------------------------------------------------------------

    def canonical(self, prefix: str, raw: object, label: str) -> str | None:
        """A key as the app writes it (`i-7` is `I-007`); blank is None; anything else is refused."""
        if isinstance(raw, str) and (seen := self._keys_seen.get((prefix, raw))) is not None:
            return seen  # the same key in many rows: read it once
        found = cells.key_text(raw)
        if not found:
            return None
        parsed = parse_key(found)
        if parsed is None or parsed[0] != prefix:
            raise ValidationError(label, f"'{found}' is not {_a(NOUNS[prefix])} key (such as {format_key(prefix, 1)})")
        key = format_key(prefix, parsed[1])
        if isinstance(raw, str):
            self._keys_seen[prefix, raw] = key
        return key

    def reference(self, prefix: str, raw: object, label: str) -> str | None:
        """A key that must name an item in the workspace or added by this workbook; blank is None."""
        key = self.canonical(prefix, raw, label)
        if key is not None and key not in self.known[prefix]:
            raise ValidationError(
                label, f"{key} does not exist: no {NOUNS[prefix]} has that key, in the workspace or in this workbook"
            )
        return key

    def _fresh_keys(self, prefix: str, named: list[str]) -> Callable[[], str]:
        """New keys for rows with a blank key: after every key in use, counted, or named in the sheet."""
        taken = (*self.known[prefix], *named)
        last: int | None = None

        def fresh() -> str:
            nonlocal last
            if last is None:  # worked out at the first blank key: most sheets have none
                numbers = [self.contents.counters.get(prefix, 0)]
                numbers += [parsed[1] for key in taken if (parsed := parse_key(key)) is not None]
                last = max(numbers)
            last += 1
            return format_key(prefix, last)

        return fresh

    # --- reading a sheet of keyed items -----------------------------------------------------------

    def read_items(
        self,
        table: Table,
        prefix: str,
        validate: Callable[[dict[str, Any]], dict[str, Any]],
        special: dict[str, FieldReader] | None = None,
    ) -> list[RowEdit]:
        """Every row of `table` with its key decided and its cells read and validated.

        Cells of fields in `special` are read by those functions, the others through `cells`
        and `validate` (a domain validator). A blank cell of a new item is left out (the item
        gets the value a new item gets in the app); a blank cell of an existing item clears
        the field, which fields that cannot be blank refuse.
        """
        special = special or {}
        keyed: list[tuple[Row, str | None]] = []
        seen: dict[str, int] = {}
        for row in table.rows:
            try:
                key = self.canonical(prefix, table.value(row, "key"), "Key")
            except ValidationError as exc:
                self.error(table.address(row, "key"), exc)
                continue
            if key is not None:
                if key in seen:
                    self.error(
                        table.address(row, "key"),
                        f"{key} appears twice in the sheet (rows {seen[key]} and {row.number})",
                    )
                    continue
                seen[key] = row.number
            keyed.append((row, key))
        fresh = self._fresh_keys(prefix, list(seen))
        fields = [
            (name, column, index, cell_reader(column), special.get(name))
            for name, (column, index) in table.columns.items()
            if name != "key"
        ]
        edits = []
        for row, key in keyed:
            new = key is None or key not in self.known[prefix]
            edit = RowEdit(table, row, key or fresh(), new, key is None)
            if not _read_row(edit, fields, validate):
                self._read_cells(edit, validate, special)
            edits.append(edit)
        self.known[prefix].update(edit.key for edit in edits)
        return edits

    def _read_cells(
        self, edit: RowEdit, validate: Callable[[dict[str, Any]], dict[str, Any]], special: dict[str, FieldReader]
    ) -> None:
        """Read a row cell by cell, recording an error for each cell refused (`_read_row` refused the row)."""
        for name, (column, _) in edit.table.columns.items():
            if name == "key":
                continue
            raw = edit.table.value(edit.row, name)
            blank = cells.is_blank(raw)
            if blank and edit.new:
                continue
            try:
                if name in special:
                    value = special[name](edit, column, raw)
                else:
                    value = validate({name: read_cell(column, raw)})[name]
                    edit.checked.add(name)
            except ValidationError as exc:
                edit.ok = False
                self.error(edit.address(name), ValidationError(exc.field, "must not be blank") if blank else exc)
                continue
            if value is not SKIP:
                edit.values[name] = value

    def complete(
        self, edit: RowEdit, defaults: dict[str, Any], validate: Callable[[dict[str, Any]], dict[str, Any]]
    ) -> None:
        """Give a new item every field (defaults where the row has none) and check it whole.

        Values that `validate` cleaned already are not checked again: the validators take their
        own output unchanged (tests/exchange/test_import_fast_paths.py holds them to it).
        """
        edit.values = defaults | edit.values
        unchecked = {name: edit.values[name] for name in defaults if name not in edit.checked}
        try:
            if unchecked:
                validate(unchecked)
        except ValidationError as exc:
            edit.ok = False
            columns = {column.header.casefold(): column.field for column, _ in edit.table.columns.values()}
            self.error(edit.address(columns.get(exc.field.casefold())), exc)

    def table(self, sheet: fmt.Sheet, *required: str) -> Table | None:
        """The workbook's sheet of that name, if it has one whose header has the `required` columns."""
        table = self.book.table(sheet, self.errors)
        if table is None or (not table.rows and not table.columns):
            return None  # absent, or an empty sheet: nothing to read
        for name in required:
            if not table.has(name):
                header = sheet.column(name).header
                self.sheet_error(f"{table.name}: the header has no {header} column, so the sheet cannot be read")
                return None
        return table

    def record_item(
        self, edit: RowEdit, sheet: fmt.Sheet, current: dict[str, Any] | None, label_field: str, noun: str
    ) -> ItemEdit | None:
        """The change an item's row makes, with its preview lines; None when it changes nothing."""
        if edit.new:
            self.added(edit.address(), noun, edit.key, str(edit.values.get(label_field, "")), fresh=edit.fresh)
            return ItemEdit(edit.key, dict(edit.values), new=True)
        assert current is not None
        changes = {name: value for name, value in edit.values.items() if differs(current[name], value)}
        if not changes:
            return None
        self.counts["changed"] += 1
        headers = {column.field: column for column in sheet.columns}
        for name, value in changes.items():
            column = headers.get(name)
            header, kind = (column.header, column.kind) if column else (name, fmt.Kind.TEXT)
            self.changed(edit.address(name), edit.key, header, kind, current[name], value)
        return ItemEdit(edit.key, changes, new=False)


_Field = tuple[str, fmt.Column, int, Callable[[object], Any], FieldReader | None]
"""A column of a sheet of keyed items as `_read_row` reads it: field, column, index, `cell_reader`, and
the field's special reader (None: the cell is read by `cell_reader`, then checked by the validator)."""


def _read_row(edit: RowEdit, fields: list[_Field], validate: Callable[[dict[str, Any]], dict[str, Any]]) -> bool:
    """Read a whole row at once, the plain cells checked by one call of `validate`; False when any
    cell is refused, with nothing recorded (`Planner._read_cells` then reads it cell by cell).

    The domain validators check each field on its own, so one call over the row cleans each value
    exactly as a call per cell would (tests/exchange/test_import_fast_paths.py holds them to it).
    """
    values = edit.row.values
    width = len(values)
    new = edit.new
    found: dict[str, Any] = {}
    plain: dict[str, Any] = {}
    try:
        for name, column, index, read, reader in fields:
            raw = values[index] if index < width else None
            if new and cells.is_blank(raw):
                continue
            if reader is None:
                plain[name] = read(raw)
                found[name] = None  # in column order; the clean value follows
            elif (value := reader(edit, column, raw)) is not SKIP:
                found[name] = value
        clean = validate(plain) if plain else plain
    except ValidationError:
        return False
    for name, value in clean.items():
        found[name] = value
    edit.values.update(found)
    edit.checked.update(clean)
    return True


def read_cell(column: fmt.Column, raw: object) -> Any:
    """A cell's value as the validators take it, by the column's kind."""
    return cell_reader(column)(raw)


@functools.cache
def cell_reader(column: fmt.Column) -> Callable[[object], Any]:
    """The function that reads a cell of `column` as the validators take it (see `read_cell`)."""
    kind, label = column.kind, column.header
    if kind in (fmt.Kind.NUMBER, fmt.Kind.MONEY):
        return functools.partial(cells.number, label)
    if kind is fmt.Kind.SHARE:
        return functools.partial(cells.share, label, beyond_whole=column.field == "benefit_uplift")
    if kind is fmt.Kind.PERCENT:
        return functools.partial(cells.percent, label)
    if kind is fmt.Kind.WHOLE:
        return functools.partial(cells.whole, label)
    if kind is fmt.Kind.DATE:
        return functools.partial(cells.day, label)
    return _plain_text


def _plain_text(raw: object) -> str | None:
    return None if cells.is_blank(raw) else cells.text(raw)


def differs(old: Any, new: Any) -> bool:
    """Whether a value read differs from the stored one (floats within a rounding of 1e-12)."""
    if isinstance(old, float | int) and isinstance(new, float | int) and not isinstance(old, bool):
        return abs(old - new) > 1e-12 * max(1.0, abs(old), abs(new))
    if isinstance(old, tuple | list) and isinstance(new, tuple | list):
        return list(old) != list(new)
    return bool(old != new)


def show(kind: fmt.Kind, value: Any) -> str:
    """A value as the preview shows it."""
    if value is None or value == "" or value == () or value == []:
        return "(blank)"
    if isinstance(value, tuple | list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool) or not isinstance(value, int | float):
        return show_text(str(value))
    if kind is fmt.Kind.SHARE:
        return f"{value * 100:.6g} %"
    if kind is fmt.Kind.PERCENT:
        return f"{value} %"
    if kind is fmt.Kind.MONEY:
        return f"{value:,.2f}"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.6f}".rstrip("0")


def show_text(text: str, limit: int = 60) -> str:
    one_line = " ".join(text.split())
    if len(one_line) > limit:
        one_line = one_line[: limit - 1] + "…"
    return f"'{one_line}'"


def _a(noun: str) -> str:
    return f"an {noun}" if noun[0] in "aeiou" else f"a {noun}"
