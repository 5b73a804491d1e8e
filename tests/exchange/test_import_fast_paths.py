"""The import's fast paths give exactly what the plain paths give.

- A row of a sheet of keyed items is read at once (`import_plan._read_row`, one validator call
  for its plain cells) and only read cell by cell when a cell is refused: that relies on each
  domain validator checking every field on its own, and (in `Planner.complete`) on a validator
  taking its own output unchanged.
- `cells.number` reads a finite float without the general path; `require_choice` looks a
  choice up by its folded spelling; `safety._Extent` looks only at addresses while every cell tag
  begins with one.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from align_desktop.domain.business_case import validate_cost_line
from align_desktop.domain.capability import NEW_CAPABILITY, validate_capability
from align_desktop.domain.initiative import NEW_INITIATIVE, validate_initiative
from align_desktop.domain.outcome import NEW_OUTCOME, validate_outcome
from align_desktop.domain.risk import NEW_RISK, validate_risk
from align_desktop.domain.validation import ValidationError, optional_number, require_choice
from align_desktop.exchange import cells, safety
from align_desktop.exchange import format as fmt
from align_desktop.exchange.import_plan import SKIP, Planner, RowEdit, _read_row, cell_reader
from align_desktop.exchange.reading import Row, Table, Workbook
from align_desktop.exchange.workbook_export import export_workbook
from align_desktop.store.imports import read_contents

VALIDATORS = [
    (validate_outcome, NEW_OUTCOME),
    (validate_initiative, NEW_INITIATIVE),
    (validate_capability, NEW_CAPABILITY),
    (validate_risk, NEW_RISK),
    (validate_cost_line, {"category": "other", "description": ""}),
]

cell_values = st.one_of(
    st.none(),
    st.text(max_size=8),
    st.sampled_from(["", "  ", "idea", "LIVE ", "Other", "mitigate", "open", "2027-03-31", "7", "x" * 300]),
    st.integers(-3, 120),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(),
)


def _outcome(validate: Any, values: dict[str, Any]) -> tuple[str, Any]:
    try:
        return "ok", validate(values)
    except ValidationError as exc:
        return "refused", str(exc)


@pytest.mark.parametrize(("validate", "fields"), VALIDATORS, ids=lambda v: getattr(v, "__name__", ""))
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_a_validator_checks_each_field_on_its_own(validate: Any, fields: dict[str, Any], data: st.DataObject) -> None:
    names = data.draw(st.lists(st.sampled_from(sorted(fields)), unique=True, max_size=len(fields)))
    row = {name: data.draw(cell_values) for name in names}
    one_by_one = [_outcome(validate, {name: value}) for name, value in row.items()]
    refusals = [found for kind, found in one_by_one if kind == "refused"]
    kind, whole = _outcome(validate, row)
    if refusals:
        assert (kind, whole) == ("refused", refusals[0])
    else:
        assert kind == "ok"
        assert whole == {name: found[name] for (_, found), name in zip(one_by_one, row, strict=True)}
        assert validate(whole) == whole  # its own output passes unchanged (what `complete` relies on)


@given(st.floats(allow_nan=True, allow_infinity=True))
def test_a_float_cell_reads_as_the_general_path_reads_it(value: float) -> None:
    def general(raw: object) -> tuple[str, Any]:
        try:
            return "ok", optional_number("Year 1", raw)
        except ValidationError as exc:
            return "refused", str(exc)

    try:
        found: tuple[str, Any] = ("ok", cells.number("Year 1", value))
    except ValidationError as exc:
        found = ("refused", str(exc))
    expected = general(value)
    assert found[0] == expected[0]
    if found[0] == "ok" and not math.isnan(expected[1]):
        assert found[1] == expected[1] and math.copysign(1, found[1]) == math.copysign(1, expected[1])
    else:
        assert found == expected


CHOICES = ("idea", "discovery", "Pilot", "scaling", "live", "ÜBERSETZUNG", "ss")


def _choice_by_loop(field: str, value: object, choices: tuple[str, ...]) -> str:
    """`require_choice` as it was written before its lookup: the reference for the test below."""
    if isinstance(value, str):
        wanted = value.strip().casefold()
        for choice in choices:
            if choice.casefold() == wanted:
                return choice
    raise ValidationError(field, f"'{value}' is not one of: {', '.join(choices)}")


@given(
    st.one_of(
        st.sampled_from([*CHOICES, " PILOT ", "Live", "übersetzung", "ß", "SS", "", None, 3]),
        st.text(max_size=6),
    )
)
def test_a_choice_is_found_as_the_loop_found_it(value: object) -> None:
    def outcome(check: Any) -> tuple[str, str]:
        try:
            return "ok", check("Status", value, CHOICES)
        except ValidationError as exc:
            return "refused", str(exc)

    assert outcome(require_choice) == outcome(_choice_by_loop)


def test_a_choice_that_folds_like_an_earlier_one_is_never_chosen() -> None:
    assert require_choice("Status", "SS", ("ß", "ss")) == "ß"  # 'ß'.casefold() is 'ss'


# --- reading a row at once ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def planner(_built_samples: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Planner:
    book = tmp_path_factory.mktemp("fast") / "retail.xlsx"
    export_workbook(_built_samples["retail"], book)
    return Planner(read_contents(_built_samples["retail"]), Workbook(book))


SHEETS = [
    (fmt.OUTCOMES, "O", validate_outcome),
    (fmt.INITIATIVES, "I", validate_initiative),
    (fmt.CAPABILITIES, "C", validate_capability),
    (fmt.RISKS, "R", validate_risk),
]


def _specials(p: Planner, prefix: str) -> dict[str, Any]:
    def reference(target: str) -> Any:
        return lambda edit, column, raw: p.reference(target, raw, column.header)

    if prefix == "I":
        return {"outcome_key": reference("O"), "lane": lambda edit, column, raw: cells.text(raw).strip() or SKIP}
    if prefix == "R":
        return {"initiative_keys": lambda edit, column, raw: cells.key_list(raw)}
    return {}


def _both_ways(p: Planner, table: Table, row: Row, prefix: str, validate: Any, *, new: bool) -> tuple[Any, Any]:
    special = _specials(p, prefix)
    fields = [(n, c, i, cell_reader(c), special.get(n)) for n, (c, i) in table.columns.items() if n != "key"]
    fast = RowEdit(table, row, "X-1", new, False)
    errors_before = len(p.errors)
    read = _read_row(fast, fields, validate)
    assert len(p.errors) == errors_before  # the fast path never records an error
    slow = RowEdit(table, row, "X-1", new, False)
    p._read_cells(slow, validate, special)
    slow_errors = p.errors[errors_before:]
    del p.errors[errors_before:]
    if read:
        return (fast.values, list(fast.values), fast.checked, fast.ok), (
            slow.values,
            list(slow.values),
            slow.checked,
            slow.ok and not slow_errors,
        )
    return "refused", "refused" if slow_errors and not slow.ok else "read"


@pytest.mark.parametrize(("sheet", "prefix", "validate"), SHEETS, ids=[s[0].name for s in SHEETS])
@pytest.mark.parametrize("new", [False, True])
def test_a_row_read_at_once_is_the_row_read_cell_by_cell(
    planner: Planner, sheet: fmt.Sheet, prefix: str, validate: Any, new: bool
) -> None:
    table = planner.book.table(sheet, [])
    assert table is not None and table.rows
    for row in table.rows:
        fast, slow = _both_ways(planner, table, row, prefix, validate, new=new)
        assert fast == slow


@pytest.mark.parametrize(("sheet", "prefix", "validate"), SHEETS, ids=[s[0].name for s in SHEETS])
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_a_row_with_any_cells_is_read_at_once_only_when_nothing_is_refused(
    planner: Planner, sheet: fmt.Sheet, prefix: str, validate: Any, data: st.DataObject
) -> None:
    table = planner.book.table(sheet, [])
    assert table is not None
    width = max(index for _, index in table.columns.values()) + 1
    template = table.rows[0].values
    values = [data.draw(st.one_of(st.just(v), cell_values)) for v in template[:width]]
    row = Row(2, values)
    new = data.draw(st.booleans())
    fast, slow = _both_ways(planner, table, row, prefix, validate, new=new)
    assert fast == slow


# --- the safety check's extent ------------------------------------------------------------------


def _cell_tag(column: int, row: int, style: int) -> bytes:
    address = f"{safety._column_letters(column)}{row}".encode()
    return [
        b'<c r="' + address + b'" t="n"><v>1</v></c>',
        b'<c r="' + address + b'"/>',
        b"<c><v>1</v></c>",
        b'<c\n r="' + address + b'"/>',
        b"<c s='1' r='" + address + b"'/>",
    ][style]


@settings(max_examples=200, deadline=None)
@given(
    rows=st.lists(
        st.tuples(
            st.integers(1, 300),
            st.lists(st.tuples(st.integers(1, 40), st.integers(0, 4)), max_size=5),
        ),
        max_size=12,
    ),
    chunk=st.integers(3, 90),
    addressed_only=st.booleans(),
)
def test_the_extent_by_addresses_is_the_extent_tag_by_tag(
    rows: list[tuple[int, list[tuple[int, int]]]], chunk: int, addressed_only: bool
) -> None:
    parts = [b"<worksheet><sheetData>"]
    for number, row_cells in rows:
        parts.append(b'<row r="' + str(number).encode() + b'">')
        parts += [_cell_tag(column, number, 0 if addressed_only else style) for column, style in row_cells]
        parts.append(b"</row>")
    parts.append(b"</sheetData></worksheet>")
    text = b"".join(parts)

    quick = safety._Extent(b"", "refused")
    one_by_one = safety._Extent(b"", "refused")
    one_by_one._one_by_one = True
    for start in range(0, len(text), chunk):
        quick.feed(text[start : start + chunk])
        one_by_one.feed(text[start : start + chunk])
    unaddressed = any(style >= 2 for _, row_cells in rows for _, style in row_cells) and not addressed_only
    assert quick._one_by_one == unaddressed  # `<c>`, `<c\n r=…` and `<c s='1' r='…'` are followed tag by tag
    if unaddressed:  # from where the addresses before had got to: never less far
        assert quick.rows >= one_by_one.rows and quick.columns >= one_by_one.columns
    else:
        assert (quick.rows, quick.columns) == (one_by_one.rows, one_by_one.columns)
