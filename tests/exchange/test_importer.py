"""Importing a workbook: upsert by key, the preview, every kind of error (and nothing changed), quirks, the CLI."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from align_desktop.cli import main
from align_desktop.exchange import cells
from align_desktop.exchange.errors import ExchangeError
from align_desktop.exchange.importer import apply_plan, plan_import
from align_desktop.exchange.workbook_export import export_workbook
from align_desktop.store.imports import ImportService, read_contents
from align_desktop.store.initiatives import InitiativeService
from align_desktop.store.workspace import Workspace
from tests.store.test_imports import dump

Edit = Callable[[Any], None]


@pytest.fixture(scope="module")
def retail_book(_built_samples: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The workbook export of the retail sample, written once for the module (tests edit copies)."""
    out = tmp_path_factory.mktemp("exports") / "retail.xlsx"
    export_workbook(_built_samples["retail"], out)
    return out


def edited(book: Path, folder: Path, *edits: Edit, name: str = "edited.xlsx") -> Path:
    """A copy of `book` with `edits` made by openpyxl, as a user would in Excel."""
    workbook = load_workbook(book)
    for edit in edits:
        edit(workbook)
    out = folder / name
    workbook.save(out)
    return out


def column(ws: Any, header: str) -> int:
    return next(cell.column for cell in ws[1] if cell.value == header)


def row_of(ws: Any, key: str, at: int = 1) -> int:
    for (cell,) in ws.iter_rows(min_row=2, min_col=at, max_col=at):
        if cell.value == key:
            return int(cell.row)
    raise KeyError(key)


def put(sheet: str, key: str, header: str, value: object, *, key_column: int = 1) -> Edit:
    def edit(book: Any) -> None:
        ws = book[sheet]
        ws.cell(row=row_of(ws, key, key_column), column=column(ws, header)).value = value

    return edit


def append(sheet: str, values: dict[str, object]) -> Edit:
    def edit(book: Any) -> None:
        ws = book[sheet]
        row = ws.max_row + 1
        for header, value in values.items():
            ws.cell(row=row, column=column(ws, header), value=value)

    return edit


def write_book(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        ws = book.create_sheet(name)
        for row in rows:
            ws.append(row)
    book.save(path)
    return path


def initiative(path: Path, key: str) -> Any:
    return next(i for i in read_contents(path).initiatives if i.key == key)


# --- upsert by key -------------------------------------------------------------------------------


def test_an_unchanged_export_changes_nothing(sample_path: Path, retail_book: Path) -> None:
    plan = plan_import(sample_path, retail_book)
    assert plan.errors == []
    assert plan.preview == []
    assert plan.summary == "nothing to change"
    assert plan.changes.is_empty()


def test_a_known_key_updates_only_the_fields_that_differ(sample_path: Path, retail_book: Path, tmp_path: Path) -> None:
    before = initiative(sample_path, "I-003")
    book = edited(
        retail_book,
        tmp_path,
        put("Initiatives", "I-003", "Title", "Complete-the-look, v2"),
        put("Initiatives", "I-003", "Lane", "later"),
        put("Initiatives", "I-003", "Team", before.team),
    )
    plan = plan_import(sample_path, book)
    row = row_of(load_workbook(book)["Initiatives"], "I-003")
    assert plan.errors == []
    assert plan.preview == [
        f"Initiatives!B{row}: I-003 Title: '{before.title}' → 'Complete-the-look, v2'",
        f"Initiatives!D{row}: I-003 Lane: 'Now' → 'Later'",
    ]
    assert plan.summary == "0 added, 1 changed"
    others = [i for i in read_contents(sample_path).initiatives if i.key != "I-003"]

    backup = apply_plan(sample_path, plan)

    assert backup.is_file()
    after = initiative(sample_path, "I-003")
    assert (after.title, after.team, after.description) == ("Complete-the-look, v2", before.team, before.description)
    contents = read_contents(sample_path)
    later = next(lane.id for lane in contents.lanes if lane.name == "Later")
    assert [i.key for i in contents.initiatives if i.lane_id == later][-1] == "I-003"
    unmoved = [i for i in contents.initiatives if i.key != "I-003"]
    assert [replace(i, position=0) for i in unmoved] == [replace(i, position=0) for i in others]


def test_an_unknown_key_adds_under_it_and_new_keys_continue_after_it(sample_path: Path, tmp_path: Path) -> None:
    book = write_book(
        tmp_path / "new.xlsx",
        {
            "Initiatives": [
                ["Key", "Title", "Lane", "Outcome key"],
                ["", "Blank key first", "Next", "O-001"],
                ["i-50", "Fifty", "Later", ""],
                [None, "Blank key last", None, None],
            ],
            "Outcomes": [["Key", "Name"], ["O-040", "Forty"]],
        },
    )
    plan = plan_import(sample_path, book)
    assert plan.errors == []
    assert plan.preview == [
        "Outcomes!A2: add outcome O-040 'Forty'",
        "Initiatives!A2: add initiative I-051 (a new key) 'Blank key first'",
        "Initiatives!A3: add initiative I-050 'Fifty'",
        "Initiatives!A4: add initiative I-052 (a new key) 'Blank key last'",
    ]
    assert plan.summary == "4 added, 0 changed"
    count = len(read_contents(sample_path).initiatives)

    apply_plan(sample_path, plan)

    contents = read_contents(sample_path)
    assert len(contents.initiatives) == count + 3
    lanes = {lane.id: lane.name for lane in contents.lanes}
    added = {
        i.key: (i.title, lanes[i.lane_id], i.outcome_key)
        for i in contents.initiatives
        if i.key in {"I-050", "I-051", "I-052"}
    }
    assert added == {
        "I-050": ("Fifty", "Later", None),
        "I-051": ("Blank key first", "Next", "O-001"),
        "I-052": ("Blank key last", "Now", None),
    }
    workspace = Workspace.open(sample_path)
    try:
        assert InitiativeService(workspace).create({"title": "Typed later"})[0] == "I-053"
    finally:
        workspace.close()


def test_rows_and_columns_absent_from_the_sheet_are_left_alone(sample_path: Path, tmp_path: Path) -> None:
    before = dump(sample_path)
    book = write_book(tmp_path / "one.xlsx", {"Initiatives": [["Key", "Team"], ["I-002", "Payments squad"]]})
    plan = plan_import(sample_path, book)
    assert plan.errors == []
    assert plan.preview[0].startswith("Initiatives!B2: I-002 Team: ")
    assert len(plan.preview) == 1
    apply_plan(sample_path, plan)
    after = dump(sample_path)
    assert {t: rows for t, rows in after.items() if t not in ("initiative",)} == {
        t: rows for t, rows in before.items() if t not in ("initiative",)
    }
    changed = set(after["initiative"]) ^ set(before["initiative"])
    assert {row[1] for row in changed} == {"I-002"}


def test_preview_lists_every_add_and_change(sample_path: Path, retail_book: Path, tmp_path: Path) -> None:
    contents = read_contents(sample_path)
    need = contents.needs[0]
    case = next(c for c in contents.cases if c.cost_lines and c.benefit_baseline is not None)
    line = case.cost_lines[0]
    target = "I-002" if case.initiative_key != "I-002" else "I-003"
    book = edited(
        retail_book,
        tmp_path,
        put("Assumptions", "Discount rate", "Value", 0.08),
        put("Assumptions", "Lanes", "Value", "Now; Next; Later; Someday"),
        put("Capability needs", need.initiative_key, "Required level", None),
        put("Risks", "R-001", "Capabilities", "C-001, c-2"),
        put("Benefits", case.initiative_key, "Annual benefit at full adoption", 123456.5),
        put("Cost lines", line.key, "Initiative key", target),
        put("Cost lines", line.key, "Year 1", "1,500.25"),
        append("Capability needs", {"Initiative key": "I-001", "Capability key": "C-014", "Required level": 2}),
    )
    plan = plan_import(sample_path, book)
    assert plan.errors == []
    text = "\n".join(plan.preview)
    assert "Assumptions!B4: Discount rate: 10 % → 8 %" in text
    assert "Lanes: 'Now; Next; Later' → 'Now; Next; Later; Someday'" in text
    assert f"remove need: {need.initiative_key} no longer needs {need.capability_key}" in text
    assert ": add need: I-001 needs C-014 at level 2" in text
    assert "R-001 Capabilities: " in text and "→ C-001, C-002" in text
    assert f"{case.initiative_key} business case Annual benefit at full adoption: " in text
    assert "→ 123,456.50" in text
    assert f"{case.initiative_key} business case Baseline volume: " in text and "→ (blank)" in text
    assert f"{line.key} Initiative key: '{case.initiative_key}' → '{target}'" in text
    assert f"{line.key} Year 1: " in text and "→ 1,500.25" in text
    assert plan.counts["removed"] == 1 and plan.counts["added"] == 1


# --- errors: each names its cell, and nothing is applied -----------------------------------------

ERRORS: dict[str, tuple[list[Edit], str]] = {
    "choice": (
        [put("Initiatives", "I-001", "Status", "wizard")],
        "Initiatives!E{I-001}: Status: 'wizard' is not one of",
    ),
    "range": (
        [put("Initiatives", "I-001", "Model risk", 7)],
        "Initiatives!J{I-001}: Model risk: must be a whole number from 0 to 4",
    ),
    "whole number": (
        [put("Capabilities", "C-001", "Current maturity", 2.5)],
        "Capabilities!F{C-001}: Current maturity: must be a whole number",
    ),
    "number": ([put("Outcomes", "O-001", "Target", "lots")], "Outcomes!E{O-001}: Target: 'lots' is not a number"),
    "too long": ([put("Outcomes", "O-001", "Unit", "x" * 41)], "Outcomes!F{O-001}: Unit: is 41 characters long"),
    "blank required": ([put("Risks", "R-001", "Treatment", None)], "Risks!J{R-001}: Treatment: must not be blank"),
    "bad key": ([put("Outcomes", "O-002", "Key", "X-9")], "Outcomes!A{O-002}: Key: 'X-9' is not an outcome key"),
    "key made a number": ([put("Outcomes", "O-002", "Key", 7)], "Outcomes!A{O-002}: Key: '7' is not an outcome key"),
    "twice": ([put("Outcomes", "O-002", "Key", "O-001")], "Outcomes!A{O-002}: O-001 appears twice in the sheet"),
    "missing outcome": (
        [put("Initiatives", "I-001", "Outcome key", "O-099")],
        "Initiatives!C{I-001}: Outcome key: O-099 does not exist",
    ),
    "missing lane": (
        [put("Initiatives", "I-001", "Lane", "Someday")],
        "Initiatives!D{I-001}: Lane: 'Someday' is not a lane",
    ),
    "missing capability": (
        [append("Capability needs", {"Initiative key": "I-001", "Capability key": "C-999", "Required level": 2})],
        "Capability needs!B{new}: Capability key: C-999 does not exist",
    ),
    "missing initiative": (
        [append("Cost lines", {"Initiative key": "I-999", "Category": "other", "Year 0": 5})],
        "Cost lines!B{new}: Initiative key: I-999 does not exist",
    ),
    "missing link": (
        [put("Risks", "R-001", "Initiatives", "I-001, I-777")],
        "Risks!R{R-001}: Initiatives: I-777 does not exist",
    ),
    "gate": (
        [put("Initiatives", "I-001", "Status", "live"), put("Initiatives", "I-001", "Compliance", 0)],
        "Initiatives!E{I-001}: Status: I-001 cannot move to live: Compliance is below the readiness gate of 2",
    ),
    "accepted risk": (
        [put("Risks", "R-001", "Status", "accepted"), put("Risks", "R-001", "Acceptance rationale", "")],
        "Risks!P{R-001}: Acceptance rationale: an accepted risk needs a rationale",
    ),
    "capability name": (
        [append("Capabilities", {"Name": "FEATURE STORE", "Category": "other"})],
        "Capabilities!B{new}: Name: 'FEATURE STORE' is already the name of C-",
    ),
    "adoption": (
        [put("Benefits", "I-001", "Adoption Year 1", 150)],
        "Benefits!E{I-001}: Adoption year 1: must be from 0 % to 100 %, not 150 %",
    ),
    "negative amount": (
        [put("Cost lines", "L-001", "Year 0", -5)],
        "Cost lines!E{L-001}: Year 0: must not be negative",
    ),
    "beyond horizon": (
        [put("Assumptions", "Horizon (years)", "Value", 2)],
        "Benefits!G{I-001}: Adoption year 3: year 3 is outside the horizon (years 0 to 2)",
    ),
    "date": (
        [put("Risks", "R-001", "Next review", "31/02/2027")],
        "Risks!O{R-001}: Next review: '31/02/2027' is not a date",
    ),
    "currency": ([put("Assumptions", "Currency", "Value", "EURO")], "Assumptions!B3: Currency: is 4 characters long"),
    "untitled": ([append("Initiatives", {"Lane": "Now"})], "Initiatives!B{new}: Title: must not be empty"),
    "orphan cost line": (
        [append("Cost lines", {"Category": "other", "Year 1": 10})],
        "Cost lines!B{new}: Initiative key: give the initiative",
    ),
    "working": (
        [put("Benefits", "I-001", "Annual benefit at full adoption", 1), put("Benefits", "I-001", "Uplift", 0.5)],
        "Benefits!C{I-001}: Annual benefit at full adoption: 1.00 is not baseline volume × uplift × value per unit",
    ),
    "confidence twice": (
        [put("Benefits", "I-001", "Confidence", 11), put("Initiatives", "I-001", "Confidence", 12)],
        "Benefits!D{I-001}: Confidence: 11 % differs from 12 % in Initiatives!M",
    ),
    "lane left out": (
        [put("Assumptions", "Lanes", "Value", "Now; Next")],
        "Assumptions!B12: Lanes: 'Later' is left out but still holds",
    ),
}


def _cell(expected: str, original: Path, book: Path) -> str:
    """`Sheet!E{I-001}` with the row of I-001 in that sheet of `original` (`{new}`: the last row of `book`)."""
    if "{" not in expected:
        return expected
    sheet = expected.split("!", 1)[0]
    key = expected.split("{", 1)[1].split("}", 1)[0]
    if key == "new":
        row = load_workbook(book)[sheet].max_row
    else:
        row = row_of(load_workbook(original)[sheet], key)
    return expected.replace("{" + key + "}", str(row))


@pytest.mark.parametrize("name", list(ERRORS))
def test_every_error_names_its_cell_and_nothing_is_applied(
    name: str, sample_path: Path, retail_book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edits, expected = ERRORS[name]
    book = edited(retail_book, tmp_path, *edits, put("Initiatives", "I-002", "Title", "A valid change"))
    before, raw = dump(sample_path), sample_path.read_bytes()

    plan = plan_import(sample_path, book)

    message = _cell(expected, retail_book, book)
    assert any(error.startswith(message) for error in plan.errors), (message, plan.errors)
    with pytest.raises(ExchangeError, match="Nothing was imported"):
        apply_plan(sample_path, plan)
    assert main(["import", str(sample_path), str(book)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert message in err
    assert dump(sample_path) == before
    assert sample_path.read_bytes() == raw
    assert not sample_path.with_name(f"{sample_path.stem}.backups").exists()


def test_whole_sheet_problems_are_plain_sentences(sample_path: Path, tmp_path: Path) -> None:
    book = write_book(
        tmp_path / "bad.xlsx",
        {
            "Cost lines": [["Initiative key", "Category", "Year 0"], ["I-001", "other", 5]],
            "Outcomes": [["Key", "Name", " name "], ["O-001", "a", "b"]],
        },
    )
    plan = plan_import(sample_path, book)
    assert "Cost lines: the header has no Key column, so the sheet cannot be read" in plan.errors
    assert "Outcomes: the header has two Name columns (B and C); keep one" in plan.errors


def test_a_workbook_without_any_v1_sheet_is_refused(sample_path: Path, tmp_path: Path) -> None:
    book = write_book(tmp_path / "other.xlsx", {"Budget": [["Line", "Amount"], ["Rent", 5]]})
    with pytest.raises(ExchangeError, match="has none of the sheets"):
        plan_import(sample_path, book)


# --- workbooks as Excel and LibreOffice save them ------------------------------------------------


def test_values_as_spreadsheets_save_them(sample_path: Path, tmp_path: Path) -> None:
    book = write_book(
        tmp_path / "quirks.xlsx",
        {
            "Notes": [["Anything", "at all"]],
            "  risks ": [
                ["  next REVIEW", "KEY ", "acceptance expires", "Title", "Unknown column"],
                [46477, "R-001", datetime(2027, 6, 30, 0, 0), "Serial and datetime dates", "ignored"],
                [],
                ["2027-01-31", "R-002", None, "Text date", None],
            ],
            "BENEFITS": [
                [
                    "Initiative key",
                    "Adoption Year 1",
                    "Adoption Year 2",
                    "Adoption Year 3",
                    "annual benefit at full adoption",
                    "Confidence",
                ],
                [None, None, None, None, None, None],
                ["I-001", "25%", 75, 0.5, "1,250.50", "80 %"],
                ["I-002", "10 %", "0.2", 1, 2000, 0.65],
            ],
            "Cost lines": [
                ["Key", "Year 1", "Initiative key", "Category"],
                ["L-001", "1,000", "i-1", "DATA ENGINEERING"],
            ],
        },
    )
    plan = plan_import(sample_path, book)
    assert plan.errors == []
    apply_plan(sample_path, plan)
    contents = read_contents(sample_path)
    risks = {r.key: r for r in contents.risks}
    assert risks["R-001"].review_date == date(2027, 3, 31)
    assert risks["R-001"].acceptance_expiry == date(2027, 6, 30)
    assert risks["R-002"].review_date == date(2027, 1, 31)
    cases = {c.initiative_key: c for c in contents.cases}
    assert cases["I-001"].adoption[1:4] == (0.25, 0.75, 0.5)
    assert cases["I-001"].annual_benefit == 1250.5
    assert cases["I-002"].adoption[1:4] == (0.1, 0.2, 1.0)
    assert (initiative(sample_path, "I-001").confidence, initiative(sample_path, "I-002").confidence) == (80, 65)
    line = next(line for c in contents.cases for line in c.cost_lines if line.key == "L-001")
    assert (line.initiative_key, line.category, line.amounts[1]) == ("I-001", "data engineering", 1000.0)


@pytest.mark.parametrize(
    ("read", "raw", "expected"),
    [
        (lambda v: cells.share("Adoption", v), 0.25, 0.25),
        (lambda v: cells.share("Adoption", v), 25, 0.25),
        (lambda v: cells.share("Adoption", v), "25 %", 0.25),
        (lambda v: cells.share("Adoption", v), "25%", 0.25),
        (lambda v: cells.share("Adoption", v), 1, 1.0),
        (lambda v: cells.share("Adoption", v), "0.5", 0.5),
        (lambda v: cells.share("Uplift", v, beyond_whole=True), 1.5, 1.5),
        (lambda v: cells.share("Uplift", v, beyond_whole=True), "150 %", 1.5),
        (lambda v: cells.share("Discount rate", v), -5, -0.05),
        (lambda v: cells.percent("Confidence", v), 80.0, 80),
        (lambda v: cells.percent("Confidence", v), 0.8, 80),
        (lambda v: cells.percent("Confidence", v), "80 %", 80),
        (lambda v: cells.percent("Confidence", v), 1, 1),
        (lambda v: cells.number("Amount", v), "1,250.50", 1250.5),
        (lambda v: cells.number("Amount", v), "EUR 1,250.50", 1250.5),
        (lambda v: cells.number("Amount", v), "1 250,5", 1250.5),
        (lambda v: cells.number("Amount", v), "", None),
        (lambda v: cells.whole("Level", v), 3.0, 3),
        (lambda v: cells.whole("Level", v), " 3 ", 3),
        (lambda v: cells.day("Next review", v), 46477, date(2027, 3, 31)),
        (lambda v: cells.day("Next review", v), datetime(2027, 3, 31, 0, 0), date(2027, 3, 31)),
        (lambda v: cells.day("Next review", v), "2027-03-31 00:00:00", "2027-03-31"),
        (cells.key_text, 7.0, "7"),
        (cells.text, 2027.0, "2027"),
        (cells.text, True, "TRUE"),
    ],
)
def test_cells_read_as_spreadsheets_write_them(read: Callable[[object], object], raw: object, expected: object) -> None:
    assert read(raw) == expected


def _soffice(source: Path, folder: Path) -> Path:
    """`source` opened, recalculated and saved again as .xlsx by LibreOffice (headless)."""
    soffice = shutil.which("soffice") or "/usr/bin/soffice"
    if not Path(soffice).exists():
        pytest.skip("LibreOffice (soffice) is not installed here, so workbooks it saved cannot be made")
    out = folder / "libreoffice"
    out.mkdir()
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{folder / 'profile'}",
            "--headless",
            "--calc",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
            str(out),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return out / source.name


def test_a_workbook_saved_by_libreoffice_with_formulas(sample_path: Path, retail_book: Path, tmp_path: Path) -> None:
    line = read_contents(sample_path).cases[0].cost_lines[0]
    book = edited(
        retail_book,
        tmp_path,
        put("Cost lines", line.key, "Year 1", "=1000*3+0.5"),
        append(
            "Cost lines",
            {
                "Initiative key": "I-002",
                "Category": "monitoring",
                "Description": '="GPU "&"hours"',
                "Year 2": "=SUM(100,200)",
            },
        ),
        put("Initiatives", "I-004", "Confidence", "=40+2"),
    )
    saved = _soffice(book, tmp_path)

    plan = plan_import(sample_path, saved)

    assert plan.errors == []
    assert plan.summary == "1 added, 2 changed"
    apply_plan(sample_path, plan)
    lines = {line.key: line for c in read_contents(sample_path).cases for line in c.cost_lines}
    assert lines[line.key].amounts[1] == 3000.5
    added = next(line for line in lines.values() if line.description == "GPU hours")
    assert (added.initiative_key, added.amounts[2]) == ("I-002", 300.0)
    assert initiative(sample_path, "I-004").confidence == 42


# --- applying: one step, after a backup ----------------------------------------------------------


def test_the_gui_path_is_one_undo_step(sample_path: Path, retail_book: Path, tmp_path: Path) -> None:
    book = edited(
        retail_book,
        tmp_path,
        put("Initiatives", "I-001", "Title", "Undo me"),
        append("Outcomes", {"Name": "Added then undone"}),
    )
    plan = plan_import(sample_path, book)
    before = dump(sample_path)
    workspace = Workspace.open(sample_path)
    try:
        revert = ImportService(workspace).apply(plan.changes)
        after = dump(sample_path)
        assert initiative(sample_path, "I-001").title == "Undo me"
        redo = revert()
        assert dump(sample_path) == before
        redo()
        assert dump(sample_path) == after
    finally:
        workspace.close()


def test_cli_dry_run_then_import(
    sample_path: Path, retail_book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = edited(retail_book, tmp_path, put("Outcomes", "O-001", "Owner", "Finance team"))
    raw = sample_path.read_bytes()

    assert main(["import", str(sample_path), str(book), "--dry-run"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert out.splitlines()[0].startswith("Outcomes!G2: O-001 Owner: ")
    assert out.splitlines()[-1] == "Dry run: 0 added, 1 changed; nothing was changed."
    assert sample_path.read_bytes() == raw

    assert main(["import", str(sample_path), str(book)]) == 0
    out, _ = capsys.readouterr()
    assert "Imported: 0 added, 1 changed. The workspace before the import is kept in " in out
    backups = list(sample_path.with_name(f"{sample_path.stem}.backups").iterdir())
    assert len(backups) == 1 and backups[0].name.endswith("before import.align")
    assert next(o for o in read_contents(sample_path).outcomes if o.key == "O-001").owner == "Finance team"


def test_cli_errors_go_to_stderr_with_their_cells(sample_path: Path, retail_book: Path, tmp_path: Path) -> None:
    book = edited(retail_book, tmp_path, put("Initiatives", "I-001", "Status", "wizard"))
    executable = Path(sys.executable).with_name("align-desktop")
    result = subprocess.run(
        [str(executable), "import", str(sample_path), str(book), "--dry-run"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0].startswith("Initiatives!E") and ": Status: 'wizard' is not one of" in lines[0]
    assert lines[-1].startswith("align-desktop: nothing imported: 1 error(s)")


def test_two_imports_in_one_second_keep_two_backups(sample_path: Path, retail_book: Path, tmp_path: Path) -> None:
    first = apply_plan(
        sample_path, plan_import(sample_path, edited(retail_book, tmp_path, put("Outcomes", "O-001", "Owner", "A")))
    )
    second = apply_plan(
        sample_path, plan_import(sample_path, edited(retail_book, tmp_path, put("Outcomes", "O-001", "Owner", "B")))
    )
    assert first != second and first.is_file() and second.is_file()
