"""The executive workbook: its sheets, figures equal to the app's, colours that carry meaning, native charts."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from align_desktop.domain.matrix import capability_metrics
from align_desktop.domain.risk import band
from align_desktop.exchange.cells import escape
from align_desktop.exchange.executive_export import export_executive, read_executive
from align_desktop.exchange.executive_sheets import GAP_FILL, MET_FILL
from align_desktop.exchange.executive_summary import TOP_CAPABILITIES
from align_desktop.exchange.executive_values import BAND_FILLS
from align_desktop.exchange.roi_document import build_report
from align_desktop.store.initiatives import InitiativeService
from align_desktop.store.reading import read_case_summaries
from align_desktop.store.workspace import Workspace
from tests.exchange.test_finance_export import INJECTIONS, stop_after

SHEETS = ["Summary", "Roadmap", "Capabilities", "Capability matrix", "Risks", "Business cases"]


@pytest.fixture
def executive(sample_path: Path, tmp_path: Path) -> Any:
    out = tmp_path / "executive.xlsx"
    export_executive(sample_path, out)
    return openpyxl.load_workbook(out)


def table(ws: Any) -> list[dict[str, Any]]:
    """Rows of a table sheet as {header: value}, up to the first row without a key."""
    header = [cell.value for cell in ws[1]]
    rows = []
    for row in ws.iter_rows(min_row=2, values_only=True):
        if not row[0]:
            break
        rows.append(dict(zip(header, row, strict=True)))
    return rows


def same(value: float) -> Any:
    """Equal as written to the file: openpyxl keeps 16 significant digits."""
    return pytest.approx(value, rel=1e-15, abs=1e-9)


def colour(cell: Any) -> str:
    return str(cell.fill.fgColor.rgb)[-6:]


def test_sheets_frozen_headers_and_keys_as_text(executive: Any) -> None:
    assert executive.sheetnames == SHEETS
    for ws in executive.worksheets[1:]:
        assert ws.freeze_panes is not None, ws.title
        keys = [ws.cell(row=r, column=1) for r in range(2, ws.max_row + 1) if ws.cell(row=r, column=1).value]
        assert keys and all(c.data_type == "s" and c.number_format == "@" for c in keys), ws.title
    assert executive["Summary"].freeze_panes == "A3"
    assert [c.value for c in executive["Roadmap"][1]][:6] == [
        "Key",
        "Initiative",
        "Lane",
        "Outcome",
        "ML decision point",
        "Status",
    ]
    assert "Reuse count" in [c.value for c in executive["Capabilities"][1]]
    assert "Value unlocked" in [c.value for c in executive["Capabilities"][1]]


def test_business_cases_equal_the_roi_report(executive: Any, sample_path: Path) -> None:
    portfolio = read_case_summaries(sample_path)
    base, pessimistic = build_report(portfolio, "base"), build_report(portfolio, "pessimistic")
    rows = {row["Key"]: row for row in table(executive["Business cases"])}
    assert list(rows) == [item["key"] for item in base["initiatives"]]
    worst = {item["key"]: item["npv"] for item in pessimistic["initiatives"]}
    for item in base["initiatives"]:
        row = rows[item["key"]]
        assert row["NPV"] == same(item["npv"])
        assert row["Risk-adjusted NPV"] == same(item["risk_adjusted_npv"])
        assert row["IRR"] == ("n/a" if item["irr"] is None else same(item["irr"]))
        assert row["Payback (years)"] == (
            "not within horizon" if item["payback_years"] is None else same(item["payback_years"])
        )
        assert row["ROI"] == same(item["roi"])
        assert row["NPV pessimistic"] == same(worst[item["key"]])
    ws = executive["Business cases"]
    total = [c.value for c in ws[ws.max_row]]
    assert total[1] == "Portfolio (28 business cases)"
    assert total[6] == same(base["portfolio"]["npv"])
    scenarios = {
        row[0].value: row[1].value for row in executive["Summary"].iter_rows(min_row=4, max_row=9) if row[0].value
    }
    assert scenarios["base"] == same(base["portfolio"]["npv"])
    assert scenarios["pessimistic"] == same(pessimistic["portfolio"]["npv"])


def test_capabilities_with_reuse_and_value_unlocked(executive: Any, sample_path: Path) -> None:
    data = read_executive(sample_path)
    metrics = capability_metrics(
        data.matrix.needs,
        {c.key: c.current_maturity for c in data.matrix.capabilities},
        {i.key: i.value for i in data.matrix.initiatives},
    )
    rows = table(executive["Capabilities"])
    assert len(rows) == 14
    for row in rows:
        assert row["Reuse count"] == metrics[row["Key"]].reuse
        assert row["Value unlocked"] == pytest.approx(metrics[row["Key"]].value_unlocked)
    assert sum(row["Reuse count"] for row in rows) == len(data.matrix.needs) == 118


def test_capability_matrix_marks_gaps(executive: Any, sample_path: Path) -> None:
    data = read_executive(sample_path)
    ws = executive["Capability matrix"]
    columns = {str(ws.cell(row=1, column=c).value).split(" ")[0]: c for c in range(4, ws.max_column + 1)}
    rows = {ws.cell(row=r, column=1).value: r for r in range(3, ws.max_row + 1)}
    current = {c.key: c.current_maturity for c in data.matrix.capabilities}
    assert len(columns) == 14
    assert len(rows) == 28
    gaps = 0
    for need in data.matrix.needs:
        cell = ws.cell(row=rows[need.initiative_key], column=columns[need.capability_key])
        assert cell.value == need.level
        gap = need.level > current[need.capability_key]
        gaps += gap
        assert colour(cell) == (GAP_FILL if gap else MET_FILL)
    assert gaps == 59
    assert [ws.cell(row=2, column=columns[key]).value for key in sorted(current)] == [
        current[key] for key in sorted(current)
    ]


def test_risks_coloured_by_band(executive: Any, sample_path: Path) -> None:
    ws = executive["Risks"]
    rows = table(ws)
    assert len(rows) == 22
    for row_number, row in enumerate(rows, start=2):
        assert row["Residual band"] == band(row["Residual score"])
        assert colour(ws.cell(row=row_number, column=14)) == BAND_FILLS[row["Residual band"]]
        assert colour(ws.cell(row=row_number, column=10)) == BAND_FILLS[band(row["Inherent score"])]
    data = read_executive(sample_path)
    assert {row["Key"]: row["Value at risk"] for row in rows} == {
        key: same(value) for key, value in data.register.value_at_risk.items()
    }


def categories(series: Any) -> int:
    """Cells in the categories' reference, such as `'Summary'!$A$30:$A$35`."""
    reference = series.cat.numRef or series.cat.strRef
    first, last = re.findall(r"\$?[A-Z]+\$?(\d+)", reference.f)
    return int(last) - int(first) + 1


def test_native_charts(executive: Any) -> None:
    charts = executive["Summary"]._charts
    assert len(charts) == 3
    by_outcome, unlocked, bands = charts
    assert [len(chart.series) for chart in charts] == [2, 1, 2]
    assert categories(by_outcome.series[0]) == 6  # outcomes
    assert categories(unlocked.series[0]) == TOP_CAPABILITIES
    assert categories(bands.series[0]) == 4  # low, medium, high, critical
    assert bands.type == "col" and by_outcome.type == "bar"
    for chart in charts:
        assert all(series.val.numRef.f.startswith("'Summary'!") for series in chart.series)


def test_summary_counts(executive: Any) -> None:
    figures = {row[0].value: row[1].value for row in executive["Summary"].iter_rows(min_row=3) if row[0].value}
    assert figures["Capability gaps (needs above current maturity)"] == 59
    assert figures["Open risks above appetite (residual score above 9)"] == 4
    assert figures["Total"] == 8  # ideas across the lanes: the first status column


def test_formula_like_text_is_text(workspace: Workspace, tmp_path: Path) -> None:
    initiatives = InitiativeService(workspace)
    for text in INJECTIONS:
        initiatives.create({"title": text})
    out = tmp_path / "executive.xlsx"
    export_executive(workspace.path, out)
    ws = openpyxl.load_workbook(out)["Roadmap"]
    cells = [ws.cell(row=r, column=2) for r in range(2, 2 + len(INJECTIONS))]
    assert [c.value for c in cells] == [escape(text) for text in INJECTIONS]
    assert all(c.data_type == "s" for c in cells)


def test_read_executive_takes_the_date(sample_path: Path) -> None:
    assert read_executive(sample_path, date(2027, 1, 31)).today == date(2027, 1, 31)


def test_cancel_leaves_no_file(sample_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "executive.xlsx"
    out.parent.mkdir()
    seen: list[tuple[int, int]] = []
    export_executive(sample_path, out, stop_after(5, seen))
    assert list(out.parent.iterdir()) == []
    assert len(seen) == 6
