"""The finance workbook: sheets and headers, live formulas, inputs marked and validated, safe text, cancel.

That the formulas compute the app's figures is checked by recalculating in LibreOffice
(test_libreoffice.py); here the workbook's structure is checked with openpyxl alone.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from align_desktop.cli import main
from align_desktop.domain.roi import COST_CATEGORIES
from align_desktop.exchange import format as fmt
from align_desktop.exchange.cells import escape
from align_desktop.exchange.finance_book import INPUT_FILL, put_text
from align_desktop.exchange.finance_export import export_finance
from align_desktop.exchange.finance_formulas import CASH_FLOWS, FIGURES, SUMMARY
from align_desktop.store.business_cases import BusinessCaseService
from align_desktop.store.errors import WorkspaceError
from align_desktop.store.initiatives import InitiativeService
from align_desktop.store.settings import SettingsService
from align_desktop.store.workspace import Workspace

FINANCE_SHEETS = [fmt.ASSUMPTIONS, "Benefits", "Cost lines", CASH_FLOWS, SUMMARY]
INJECTIONS = ("=1+1", "+SUM(1,2)", "-2+3", "@SUM(A1)", '=HYPERLINK("http://x","y")', "\x00=cmd|' /C calc'!A0")


def build_worked_example(path: Path) -> str:
    """DESIGN.md's worked example entered through the services, beside an initiative with no case.

    Returns the key of the initiative with the case.
    """
    workspace = Workspace.create(path, "Worked example")
    try:
        initiatives = InitiativeService(workspace)
        key, _ = initiatives.create({"title": "Worked example"})
        initiatives.create({"title": "No case yet"})
        initiatives.update(key, {"confidence": 80})
        cases = BusinessCaseService(workspace)
        cases.set_benefit(key, {"annual_benefit": 250_000})
        cases.set_adoption(key, {1: 0.25, 2: 0.75, 3: 1.0})
        cases.add_cost_line(key, {"category": "data engineering", "description": "Build-out"}, {0: 120_000})
        for category, amount in (
            ("model training", 30_000),
            ("deployment", 15_000),
            ("monitoring", 10_000),
            ("incident response", 5_000),
        ):
            cases.add_cost_line(key, {"category": category}, dict.fromkeys((1, 2, 3), amount))
    finally:
        workspace.close()
    return key


def build_edge_cases(path: Path) -> None:
    """Cases at the edges of the arithmetic: horizon 5, adoption in year 0, an IRR far below 0, no cost,
    flows that never change sign, payback exactly at a year's end, and titles that look like formulas."""
    workspace = Workspace.create(path, "=Edge cases")
    try:
        SettingsService(workspace).update(
            {"horizon": 5, "discount_rate": 0.07, "currency": "CHF", "optimistic_benefit": 1.5}
        )
        initiatives = InitiativeService(workspace)
        cases = BusinessCaseService(workspace)

        def case(title: str, benefit: float, adoption: dict[int, object], costs: dict[int, object]) -> str:
            key, _ = initiatives.create({"title": title})
            cases.set_benefit(key, {"annual_benefit": benefit})
            cases.set_adoption(key, adoption)
            if costs:
                cases.add_cost_line(key, {"category": "other", "description": "-costs"}, costs)
            return key

        case("=Year-0 adoption", 100_000, {0: 0.5, 1: 1.0, 2: 1.0}, {0: 80_000, 3: 10_000})
        case("+Far below zero", 10_000, {5: 1.0}, {0: 160_000, 1: 200_000, 2: 95_000})
        case("@No cost at all", 50_000, {1: 0.5, 2: 1.0}, {})
        case("-Never pays back", 0, {}, {0: 15_000})
        case("Pays back at the end of year 2", 100_000, {1: 1.0, 2: 1.0}, {0: 200_000})
        key = case("Two cost lines", 300_000, {1: 0.25, 2: 0.5, 3: 0.75, 4: 1.0, 5: 1.0}, {0: 250_000})
        cases.add_cost_line(key, {"category": "monitoring"}, dict.fromkeys(range(1, 6), 33_333.33))
        initiatives.update(key, {"confidence": 65})
        initiatives.create({"title": "No case"})
    finally:
        workspace.close()


@pytest.fixture
def worked_example_path(tmp_path: Path) -> Path:
    path = tmp_path / "example.align"
    build_worked_example(path)
    return path


@pytest.fixture
def finance(sample_path: Path, tmp_path: Path) -> Any:
    out = tmp_path / "finance.xlsx"
    export_finance(sample_path, out)
    return openpyxl.load_workbook(out)


def headers(ws: Any) -> list[Any]:
    return [cell.value for cell in ws[1]]


def test_sheets_and_exact_headers(finance: Any) -> None:
    assert finance.sheetnames == FINANCE_SHEETS
    assert headers(finance["Benefits"]) == [c.header for c in fmt.benefits_sheet(3).columns]
    assert headers(finance["Cost lines"]) == [c.header for c in fmt.cost_lines_sheet(3).columns]
    flows = headers(finance[CASH_FLOWS])
    assert flows[:9] == ["Initiative key", "Initiative", "Year 0", "Year 1", "Year 2", "Year 3", *FIGURES[:3]]
    assert flows[6 : 6 + len(FIGURES)] == list(FIGURES)
    names = [finance[fmt.ASSUMPTIONS].cell(row=r, column=1).value for r in range(2, 10)]
    assert names == [
        "Workspace name",
        "Currency",
        "Discount rate",
        "Horizon (years)",
        "Pessimistic benefits ×",
        "Pessimistic costs ×",
        "Optimistic benefits ×",
        "Optimistic costs ×",
    ]


def test_inputs_carry_the_workspace(finance: Any) -> None:
    assumptions = {row[0].value: row[1].value for row in finance[fmt.ASSUMPTIONS].iter_rows(min_row=2, max_row=12)}
    assert assumptions["Currency"] == "EUR"
    assert assumptions["Discount rate"] == pytest.approx(0.1)
    assert assumptions["Horizon (years)"] == 3
    assert assumptions["Scenario"] == "base"
    assert (assumptions["Pessimistic benefits ×"], assumptions["Optimistic costs ×"]) == (0.7, 0.9)
    benefits = finance["Benefits"]
    assert benefits.max_row == 29  # 28 business cases
    assert [benefits.cell(row=2, column=c).value for c in range(1, 8)] == [
        "I-001",
        "Learning-to-rank for on-site search",
        pytest.approx(1_346_400),
        80,
        0.5,
        1.0,
        1.0,
    ]
    lines = finance["Cost lines"]
    assert lines.max_row == 157  # 156 cost lines
    assert [lines.cell(row=2, column=c).value for c in range(1, 6)][:3] == ["L-001", "I-001", "data engineering"]
    assert all(lines.cell(row=r, column=3).value in COST_CATEGORIES for r in range(2, 158))


def test_cash_flows_and_summary_are_live_formulas(finance: Any) -> None:
    flows = finance[CASH_FLOWS]
    for row in flows.iter_rows(min_row=2, max_row=flows.max_row, min_col=3, max_col=6 + len(FIGURES)):
        assert all(cell.data_type == "f" for cell in row), [c.coordinate for c in row if c.data_type != "f"]
    npv, irr, payback = (flows.cell(row=2, column=c).value for c in (7, 8, 9))
    assert npv == "=C2+NPV(DiscountRate,D2:F2)"
    assert irr.startswith("=IF(ISNUMBER(")
    assert "n/a" in irr
    assert "not within horizon" in payback
    assert "SUMIFS('Cost lines'!" in flows.cell(row=2, column=3 + len(FIGURES) + 5 + 4).value
    summary = finance[SUMMARY]
    figures = {row[0].value: row[1] for row in summary.iter_rows(min_row=2, max_row=10)}
    for name in ("NPV", "Risk-adjusted NPV", "Total benefit", "Total cost", "ROI", "Business cases"):
        assert figures[name].data_type == "f", name
    assert figures["NPV"].value == "=SUM('Cash flows'!$G$2:$G$29)"
    names = {name: finance.defined_names[name].attr_text for name in finance.defined_names}
    assert names["DiscountRate"] == "Assumptions!$B$4"
    assert {"BenefitMultiplier", "CostMultiplier", "ScenarioChoice", "HorizonYears"} <= set(names)


def validations(ws: Any) -> list[Any]:
    return list(ws.data_validations.dataValidation)


def covering(ws: Any, cell: str) -> list[Any]:
    return [v for v in validations(ws) if cell in v.sqref]


def test_data_validation_on_the_inputs(finance: Any) -> None:
    [category] = covering(finance["Cost lines"], "C2")
    assert category.type == "list"
    assert category.formula1 == '"' + ",".join(COST_CATEGORIES) + '"'
    assert covering(finance["Cost lines"], "C5000") == [category]  # rows added later too
    [amount] = covering(finance["Cost lines"], "E2")
    assert (amount.type, amount.operator, amount.formula1) == ("decimal", "greaterThanOrEqual", "0")
    assert covering(finance["Cost lines"], "H900") == [amount]
    benefits = finance["Benefits"]
    [benefit] = covering(benefits, "C2")
    assert (benefit.type, benefit.operator, benefit.formula1) == ("decimal", "greaterThanOrEqual", "0")
    [confidence] = covering(benefits, "D2")
    assert (confidence.type, confidence.formula1, confidence.formula2) == ("whole", "0", "100")
    for cell in ("E2", "F30", "G2"):
        [adoption] = covering(benefits, cell)
        assert (adoption.type, adoption.operator, adoption.formula1, adoption.formula2) == (
            "decimal",
            "between",
            "0",
            "1",
        )
    assumptions = finance[fmt.ASSUMPTIONS]
    [rate] = covering(assumptions, "B4")
    assert (rate.type, rate.operator, rate.formula1) == ("decimal", "greaterThan", "-1")
    [scenario] = covering(assumptions, "B10")
    assert scenario.formula1 == '"pessimistic,base,optimistic"'
    assert all(v.showErrorMessage and v.error for ws in finance for v in validations(ws))


def test_inputs_are_marked_and_formulas_look_different(finance: Any) -> None:
    def colour(cell: Any) -> str:
        return str(cell.fill.fgColor.rgb)[-6:]

    assert colour(finance["Benefits"]["C2"]) == INPUT_FILL
    assert colour(finance["Benefits"]["E2"]) == INPUT_FILL
    assert colour(finance["Cost lines"]["E2"]) == INPUT_FILL
    assert colour(finance[fmt.ASSUMPTIONS]["B4"]) == INPUT_FILL
    assert colour(finance[fmt.ASSUMPTIONS]["B2"]) != INPUT_FILL  # the name is changed in the app
    assert colour(finance[CASH_FLOWS]["G2"]) not in (INPUT_FILL, "000000")
    assert colour(finance[SUMMARY]["B4"]) == colour(finance[CASH_FLOWS]["G2"])
    assert finance["Benefits"]["C1"].comment is not None
    assert "Input" in finance["Benefits"]["C1"].comment.text
    assert finance[CASH_FLOWS].protection.sheet
    assert not finance["Benefits"].protection.sheet
    assert finance[CASH_FLOWS].protection.password is None


def test_frozen_headers_formats_and_keys_as_text(finance: Any) -> None:
    for ws in finance:
        assert ws.freeze_panes is not None and ws.freeze_panes.endswith("2"), ws.title
    for sheet, columns in (("Benefits", "A"), ("Cost lines", "AB"), (CASH_FLOWS, "A")):
        ws = finance[sheet]
        for letter in columns:
            cells = [ws[f"{letter}{row}"] for row in range(2, ws.max_row + 1)]
            assert all(c.data_type == "s" and c.number_format == "@" for c in cells), (sheet, letter)
    assert finance["Benefits"]["C2"].number_format == '#,##0 "EUR";-#,##0 "EUR"'
    assert finance["Benefits"]["E2"].number_format == "0%"
    assert finance[CASH_FLOWS]["G2"].number_format == '#,##0.00 "EUR";-#,##0.00 "EUR"'
    assert finance["Benefits"].column_dimensions["B"].width >= 30


def test_formula_like_text_is_written_as_text(tmp_path: Path) -> None:
    path = tmp_path / "injection.align"
    workspace = Workspace.create(path, INJECTIONS[0])
    try:
        initiatives, cases = InitiativeService(workspace), BusinessCaseService(workspace)
        for text in INJECTIONS:
            key, _ = initiatives.create({"title": text})
            cases.set_benefit(key, {"annual_benefit": 1000})
            cases.add_cost_line(key, {"category": "other", "description": text}, {0: 10})
    finally:
        workspace.close()
    out = tmp_path / "finance.xlsx"
    export_finance(path, out)
    book = openpyxl.load_workbook(out)
    expected = [escape(text) for text in INJECTIONS]  # NUL as Excel writes it, _x0000_
    cells = {
        "Benefits": [book["Benefits"].cell(row=r, column=2) for r in range(2, 8)],
        "Cost lines": [book["Cost lines"].cell(row=r, column=4) for r in range(2, 8)],
        CASH_FLOWS: [book[CASH_FLOWS].cell(row=r, column=2) for r in range(2, 8)],
    }
    for sheet, written in cells.items():
        assert [c.value for c in written] == expected, sheet
        assert all(c.data_type == "s" and c.quotePrefix for c in written), sheet
    assert book[fmt.ASSUMPTIONS]["B2"].data_type == "s"


def test_put_text_keeps_formula_like_text_as_text(tmp_path: Path) -> None:
    ws = openpyxl.Workbook().active
    texts = ("\t=1+1", "\r=1+1", "\x00=1+1", "a\x01b\x1fc", "plain", "-5 % discount")
    for row, text in enumerate(texts, start=1):
        put_text(ws, row, 1, text)
    cells = [ws.cell(row=r, column=1) for r in range(1, len(texts) + 1)]
    assert [c.value for c in cells] == [escape(text) for text in texts]
    assert [c.data_type for c in cells] == ["s"] * len(texts)
    assert [bool(c.quotePrefix) for c in cells] == [True, True, True, False, False, True]


def test_adoption_in_year_0_gets_its_own_column(tmp_path: Path) -> None:
    path = tmp_path / "edge.align"
    build_edge_cases(path)
    out = tmp_path / "finance.xlsx"
    export_finance(path, out)
    book = openpyxl.load_workbook(out)
    assert headers(book["Benefits"]) == [*(c.header for c in fmt.benefits_sheet(5).columns), "Adoption Year 0"]
    assert headers(book["Cost lines"])[-1] == "Year 5"
    assert book["Benefits"].cell(row=2, column=14).value == 0.5
    assert "$N:$N" in book[CASH_FLOWS].cell(row=2, column=3 + 6 + len(FIGURES) + 1).value
    assert headers(book[CASH_FLOWS])[:8] == ["Initiative key", "Initiative", *(f"Year {t}" for t in range(6))]


def test_an_empty_workspace_gives_a_workbook_with_headers_only(workspace: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "finance.xlsx"
    export_finance(workspace.path, out)
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == FINANCE_SHEETS
    assert book[CASH_FLOWS].max_row == 1
    assert book[SUMMARY]["B3"].value == "=COUNTA('Cash flows'!$A$2:$A$2)"


Cancel = Callable[[int, int], bool]


def stop_after(calls: int, seen: list[tuple[int, int]]) -> Cancel:
    def progress(done: int, total: int) -> bool:
        seen.append((done, total))
        return len(seen) <= calls

    return progress


@pytest.mark.parametrize("calls", [0, 3])
def test_cancel_leaves_no_file(sample_path: Path, tmp_path: Path, calls: int) -> None:
    out = tmp_path / "out" / "finance.xlsx"
    out.parent.mkdir()
    seen: list[tuple[int, int]] = []
    assert export_finance(sample_path, out, stop_after(calls, seen)) is None
    assert list(out.parent.iterdir()) == []
    assert len(seen) == calls + 1


def test_cancel_keeps_an_existing_file_as_it_was(sample_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "finance.xlsx"
    out.write_bytes(b"earlier export")
    export_finance(sample_path, out, lambda done, total: done < total // 2)
    assert out.read_bytes() == b"earlier export"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_progress_counts_up_to_its_total(sample_path: Path, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    export_finance(sample_path, tmp_path / "finance.xlsx", stop_after(10_000, seen))
    assert seen[0] == (0, seen[0][1])
    assert seen[-1][0] == seen[-1][1]
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


def test_refuses_a_target_that_is_not_a_workbook_or_is_the_workspace(sample_path: Path, tmp_path: Path) -> None:
    with pytest.raises(WorkspaceError, match=r"must end in \.xlsx"):
        export_finance(sample_path, sample_path)
    with pytest.raises(WorkspaceError, match="does not exist"):
        export_finance(sample_path, tmp_path / "missing" / "finance.xlsx")


def test_command_line_export(worked_example_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "finance.xlsx"
    assert main(["export", "finance", str(worked_example_path), str(out)]) == 0
    assert openpyxl.load_workbook(out)[CASH_FLOWS]["A2"].value == "I-001"
    assert main(["export", "finance", str(tmp_path / "nothing.align"), str(out)]) == 1
    assert "nothing.align" in capsys.readouterr().err
