"""The `workbook` export: its sheets, headers and formats, text that stays text, cancel and errors leaving nothing."""

from __future__ import annotations

import re
import zipfile
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from python_calamine import CalamineWorkbook

from align_desktop.exchange import format as fmt
from align_desktop.exchange.workbook_export import export_workbook
from align_desktop.store.business_cases import BusinessCaseService
from align_desktop.store.capabilities import CapabilityService
from align_desktop.store.errors import WorkspaceError
from align_desktop.store.initiatives import InitiativeService
from align_desktop.store.outcomes import OutcomeService
from align_desktop.store.risks import RiskService
from align_desktop.store.workspace import Workspace

HOSTILE = {
    "equals": '=HYPERLINK("http://evil.example","click me")',
    "plus": "+cmd|' /C calc'!A0",
    "minus": "-2+3",
    "at": "@SUM(A1:A9)",
    "nul": "\x00=1+1",
}


def _read(path: Path) -> dict[str, list[list[object]]]:
    book = CalamineWorkbook.from_path(str(path))
    return {name: book.get_sheet_by_name(name).to_python(skip_empty_area=False) for name in book.sheet_names}


def test_every_editable_sheet_with_a_frozen_header(sample_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "book.xlsx"
    export_workbook(sample_path, out)

    book = load_workbook(out)
    assert book.sheetnames == list(fmt.WORKBOOK_SHEETS)
    for sheet in fmt.ITEM_SHEETS:
        ws = book[sheet.name]
        assert ws.freeze_panes == "A2"
        assert [cell.value for cell in ws[1]] == [column.header for column in sheet.columns]
        assert all(cell.font.b for cell in ws[1])
        assert ws.column_dimensions["A"].width == sheet.columns[0].width
    headers = [cell.value for cell in book["Benefits"][1]]
    assert headers == [column.header for column in fmt.benefits_sheet(3).columns]
    assert [cell.value for cell in book["Cost lines"][1]] == [c.header for c in fmt.cost_lines_sheet(3).columns]
    assumptions = {row[0].value: row[1] for row in book["Assumptions"].iter_rows(min_row=2)}
    assert list(assumptions) == [column.header for column in fmt.ASSUMPTION_ROWS]
    assert assumptions["Lanes"].value == "Now; Next; Later"
    assert assumptions["Discount rate"].value == 0.1
    assert assumptions["Discount rate"].number_format.endswith("%")


def test_number_formats_and_keys_as_text(sample_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "book.xlsx"
    export_workbook(sample_path, out)
    book = load_workbook(out)

    benefits = book["Benefits"]
    key, _, benefit, confidence, adoption = (cell for cell in benefits[2][:5])
    assert key.data_type == "s" and re.fullmatch(r"I-\d{3}", key.value)
    assert "EUR" in benefit.number_format and "#,##0.00" in benefit.number_format
    assert confidence.number_format == '0" %"'
    assert adoption.number_format == "0.0%"
    assert 0 <= adoption.value <= 1
    initiatives = book["Initiatives"]
    assert initiatives.cell(row=2, column=9).number_format == "0"
    risks = book["Risks"]
    review = risks.cell(row=2, column=15)
    assert review.number_format == "yyyy-mm-dd" and review.is_date
    for ws in book.worksheets[1:]:
        for row in ws.iter_rows(min_row=2, max_col=1):
            assert row[0].data_type == "s", (ws.title, row[0].coordinate)


def test_user_text_is_never_written_as_a_formula(sample_workspace: Workspace, tmp_path: Path) -> None:
    InitiativeService(sample_workspace).update("I-001", {"title": HOSTILE["equals"], "team": HOSTILE["at"]})
    OutcomeService(sample_workspace).update("O-001", {"name": HOSTILE["plus"], "description": HOSTILE["nul"]})
    RiskService(sample_workspace).update("R-001", {"description": HOSTILE["minus"]})
    CapabilityService(sample_workspace).update("C-001", {"owner": HOSTILE["minus"]})
    out = tmp_path / "book.xlsx"
    export_workbook(sample_workspace.path, out)

    with zipfile.ZipFile(out) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name) and b"<f " not in archive.read(name), name
    book = load_workbook(out)
    title = next(row[1] for row in book["Initiatives"].iter_rows(min_row=2) if row[0].value == "I-001")
    assert title.value == HOSTILE["equals"]
    assert title.data_type == "s" and title.quotePrefix
    values = _read(out)
    outcome = next(row for row in values["Outcomes"] if row[0] == "O-001")
    assert outcome[1] == HOSTILE["plus"] and outcome[7] == HOSTILE["nul"]
    assert any(row[2] == HOSTILE["minus"] for row in values["Risks"])


def test_text_with_control_characters_and_escapes_reads_back(sample_workspace: Workspace, tmp_path: Path) -> None:
    text = "line one\r\nline two\ttab _x0041_ literal \x01 control"
    InitiativeService(sample_workspace).update("I-002", {"description": text})
    out = tmp_path / "book.xlsx"
    export_workbook(sample_workspace.path, out)
    row = next(row for row in _read(out)["Initiatives"] if row[0] == "I-002")
    assert row[13] == text


def test_adoption_in_year_0_gets_its_own_column(sample_workspace: Workspace, tmp_path: Path) -> None:
    BusinessCaseService(sample_workspace).set_adoption("I-001", {0: 0.1})
    out = tmp_path / "book.xlsx"
    export_workbook(sample_workspace.path, out)
    benefits = _read(out)["Benefits"]
    assert benefits[0][-1] == "Adoption Year 0"
    assert next(row for row in benefits if row[0] == "I-001")[-1] == 0.1


def test_progress_runs_to_the_total(sample_path: Path, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    export_workbook(sample_path, tmp_path / "book.xlsx", lambda done, total: seen.append((done, total)) is None)
    assert seen[0][0] == 0
    assert seen[-1][0] == seen[-1][1]
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


@pytest.mark.parametrize("at", [0, 50])
def test_cancel_leaves_nothing(sample_path: Path, tmp_path: Path, at: int) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    export_workbook(sample_path, folder / "book.xlsx", lambda done, total: done < at)
    assert list(folder.iterdir()) == []


def test_an_error_while_writing_leaves_nothing(
    sample_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from align_desktop.exchange import cells

    folder = tmp_path / "out"
    folder.mkdir()
    existing = folder / "book.xlsx"
    existing.write_bytes(b"an older export")

    def broken(self: object, values: list[object]) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cells.RowWriter, "append", broken)
    with pytest.raises(OSError, match="No space"):
        export_workbook(sample_path, existing)
    assert [p.name for p in folder.iterdir()] == ["book.xlsx"]
    assert existing.read_bytes() == b"an older export"


def test_a_missing_folder_is_refused(sample_path: Path, tmp_path: Path) -> None:
    with pytest.raises(WorkspaceError, match="does not exist"):
        export_workbook(sample_path, tmp_path / "nowhere" / "book.xlsx")


def test_dates_are_dates(sample_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "book.xlsx"
    export_workbook(sample_path, out)
    reviews = [row[14] for row in _read(out)["Risks"][1:]]
    assert all(isinstance(value, date) or value == "" for value in reviews)
    assert any(isinstance(value, date) for value in reviews)
