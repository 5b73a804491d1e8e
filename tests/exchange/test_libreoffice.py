"""A real client: LibreOffice recalculates the finance workbook and gets the app's figures to the cent.

The workbooks are converted headless (`soffice --convert-to xlsx`, which loads, recalculates and
saves), then read back with python-calamine. Two conversions in all: the exports as written
(realistic sample in the base and optimistic scenarios, DESIGN.md's worked example, edge cases),
then the same files after finance-style edits made with openpyxl on LibreOffice's own output.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import warnings
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from align_desktop.exchange.finance_export import export_finance
from align_desktop.exchange.finance_formulas import CASH_FLOWS, NOT_AVAILABLE, NOT_WITHIN_HORIZON, SUMMARY
from align_desktop.exchange.roi_document import build_report
from align_desktop.store.business_cases import BusinessCaseService
from align_desktop.store.reading import read_case_summaries
from align_desktop.store.workspace import Workspace
from tests.exchange.test_finance_export import build_edge_cases, build_worked_example

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(
    SOFFICE is None,
    reason="LibreOffice (soffice) is not installed: run scripts/install-system-deps.sh --tests",
)
CENT = 0.005
RATE = 1e-6
TIMEOUT = 240
RECALCULATE_ON_LOAD = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse">
<value>0</value></prop></item>
</oor:items>
"""
"""LibreOffice's setting "recalculate on load: always" for Excel files, in the throwaway profile."""


def recalculate(files: list[Path], folder: Path, profile: Path) -> dict[str, Path]:
    """Open, recalculate and save each workbook in LibreOffice; the results land in `folder`, by name."""
    if not (profile / "user" / "registrymodifications.xcu").exists():
        (profile / "user").mkdir(parents=True, exist_ok=True)
        (profile / "user" / "registrymodifications.xcu").write_text(RECALCULATE_ON_LOAD)
    folder.mkdir(parents=True, exist_ok=True)
    assert SOFFICE is not None
    command = [
        SOFFICE,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        "xlsx",
        "--outdir",
        str(folder),
        *map(str, files),
    ]
    env = os.environ | {"HOME": str(profile)}
    result = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, env=env, check=False)
    converted = {path.name: folder / path.name for path in files}
    missing = [name for name, path in converted.items() if not path.exists()]
    assert result.returncode == 0 and not missing, (result.returncode, missing, result.stdout, result.stderr)
    return converted


def cash_flows(path: Path) -> dict[str, dict[str, Any]]:
    """The recalculated `Cash flows` rows by initiative key, as {header: value}."""
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(CASH_FLOWS).to_python()
    header = rows[0]
    return {row[0]: dict(zip(header, row, strict=True)) for row in rows[1:] if row[0]}


def summary(path: Path) -> dict[str, Any]:
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(SUMMARY).to_python()
    figures = {row[0]: row[1] for row in rows if row and row[0]}
    for row in rows:
        if row and row[0] == "Net cash flow":
            figures["cash_flows"] = [value for value in row[1:] if value != ""][:-1]
    return figures


def assert_equal_to_the_app(path: Path, report: dict[str, Any]) -> None:
    """Every figure of the recalculated workbook equals `align-desktop roi`'s (to the cent; IRR to 1e-6)."""
    rows = cash_flows(path)
    assert sorted(rows) == sorted(item["key"] for item in report["initiatives"])
    for item in report["initiatives"]:
        row = rows[item["key"]]
        where = f"{path.name} {item['key']}"
        assert row["Initiative"] == item["title"], where
        for t, flow in enumerate(item["cash_flows"]):
            assert abs(row[f"Year {t}"] - flow) < CENT, (where, t)
        for header, field in (
            ("NPV", "npv"),
            ("Risk-adjusted NPV", "risk_adjusted_npv"),
            ("Total benefit", "total_benefit"),
            ("Total cost", "total_cost"),
        ):
            assert abs(row[header] - item[field]) < CENT, (where, header, row[header], item[field])
        if item["irr"] is None:
            assert row["IRR"] == NOT_AVAILABLE, where
        else:
            assert abs(row["IRR"] - item["irr"]) < RATE, (where, row["IRR"], item["irr"])
        if item["payback_years"] is None:
            assert row["Payback (years)"] == NOT_WITHIN_HORIZON, where
        else:
            assert abs(row["Payback (years)"] - item["payback_years"]) < CENT, (where, row["Payback (years)"])
        if item["roi"] is None:
            assert row["ROI"] == NOT_AVAILABLE, where
        else:
            assert abs(row["ROI"] - item["roi"]) < RATE, where
    totals, portfolio = summary(path), report["portfolio"]
    assert totals["Scenario"] == report["assumptions"]["scenario"]
    assert totals["Business cases"] == portfolio["initiatives"]
    for name, field in (
        ("NPV", "npv"),
        ("Risk-adjusted NPV", "risk_adjusted_npv"),
        ("Total benefit", "total_benefit"),
        ("Total cost", "total_cost"),
    ):
        assert abs(totals[name] - portfolio[field]) < CENT, (path.name, name, totals[name], portfolio[field])
    assert abs(totals["ROI"] - portfolio["roi"]) < RATE
    assert totals["cash_flows"] == pytest.approx(portfolio["cash_flows"], abs=CENT)


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory, _built_samples: dict[str, Path]) -> dict[str, Any]:
    """Workspaces, their finance exports, and LibreOffice's recalculation of them (one conversion)."""
    folder = tmp_path_factory.mktemp("libreoffice")
    workspaces = {"retail": folder / "retail.align", "example": folder / "example.align", "edge": folder / "edge.align"}
    shutil.copyfile(_built_samples["retail"], workspaces["retail"])
    build_worked_example(workspaces["example"])
    build_edge_cases(workspaces["edge"])
    exports = {}
    for name, path in workspaces.items():
        exports[name] = folder / f"{name}.xlsx"
        export_finance(path, exports[name])
    exports["optimistic"] = folder / "optimistic.xlsx"
    book = openpyxl.load_workbook(exports["retail"])
    book["Assumptions"]["B10"] = "optimistic"
    book.save(exports["optimistic"])
    profile = folder / "profile"
    results = recalculate(list(exports.values()), folder / "recalculated", profile)
    return {"folder": folder, "profile": profile, "workspaces": workspaces, "results": results}


def report_of(workspace: Path, scenario: str = "base") -> dict[str, Any]:
    return build_report(read_case_summaries(workspace), scenario)


def test_libreoffice_computes_the_apps_figures(converted: dict[str, Any]) -> None:
    results, workspaces = converted["results"], converted["workspaces"]
    assert_equal_to_the_app(results["retail.xlsx"], report_of(workspaces["retail"]))
    assert_equal_to_the_app(results["optimistic.xlsx"], report_of(workspaces["retail"], "optimistic"))
    assert_equal_to_the_app(results["edge.xlsx"], report_of(workspaces["edge"]))
    assert_equal_to_the_app(results["example.xlsx"], report_of(workspaces["example"]))


def test_the_worked_example_to_the_cent_in_libreoffice(converted: dict[str, Any]) -> None:
    [row] = cash_flows(converted["results"]["example.xlsx"]).values()
    assert [row[f"Year {t}"] for t in range(4)] == pytest.approx([-120_000, 2_500, 127_500, 190_000], abs=1e-9)
    assert abs(row["NPV"] - 130_394.44) < CENT
    assert abs(row["IRR"] - 0.4726) < 0.00005
    assert abs(row["Payback (years)"] - 1.92) < CENT
    assert abs(row["ROI"] * 100 - 66.67) < CENT
    assert abs(row["Risk-adjusted NPV"] - 50_473.33) < CENT


def edit_workbook(path: Path, benefit_key: str, new_benefit: float, line: dict[str, Any]) -> None:
    """What finance does: raise a benefit, and add a cost line as a new row with a blank key."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl notes parts of LibreOffice's file it does not keep
        book = openpyxl.load_workbook(path)
    benefits = book["Benefits"]
    [row] = [r for r in range(2, benefits.max_row + 1) if benefits.cell(row=r, column=1).value == benefit_key]
    benefits.cell(row=row, column=3).value = new_benefit
    lines = book["Cost lines"]
    new = lines.max_row + 1
    lines.cell(row=new, column=2).value = line["initiative"]
    lines.cell(row=new, column=3).value = line["category"]
    lines.cell(row=new, column=4).value = line["description"]
    for year, amount in line["amounts"].items():
        lines.cell(row=new, column=5 + year).value = amount
    book.save(path)


def edit_workspace(path: Path, benefit_key: str, new_benefit: float, line: dict[str, Any]) -> None:
    """The same edit through the app's services, for the figures it should give."""
    workspace = Workspace.open(path)
    try:
        cases = BusinessCaseService(workspace)
        cases.set_benefit(benefit_key, {"annual_benefit": new_benefit})
        cases.add_cost_line(
            line["initiative"], {"category": line["category"], "description": line["description"]}, line["amounts"]
        )
    finally:
        workspace.close()


def test_edits_in_the_workbook_move_npv_as_the_app_computes(converted: dict[str, Any], tmp_path: Path) -> None:
    edits = {
        "retail": (
            "I-003",
            1_126_000.0,
            {
                "initiative": "I-002",
                "category": "monitoring",
                "description": "Extra drift monitoring",
                "amounts": {1: 12_345.67, 2: 12_345.67, 3: 12_345.67},
            },
        ),
        "example": (
            "I-001",
            300_000.0,
            {"initiative": "I-001", "category": "other", "description": "=Audit", "amounts": {0: 10_000.0}},
        ),
    }
    before = {name: report_of(converted["workspaces"][name]) for name in edits}
    edited = []
    for name, (key, benefit, line) in edits.items():
        workbook = tmp_path / f"{name}.xlsx"
        shutil.copyfile(converted["results"][f"{name}.xlsx"], workbook)  # LibreOffice's own file
        edit_workbook(workbook, key, benefit, line)
        edited.append(workbook)
        workspace = tmp_path / f"{name}.align"
        shutil.copyfile(converted["workspaces"][name], workspace)
        edit_workspace(workspace, key, benefit, line)
    results = recalculate(edited, tmp_path / "recalculated", converted["profile"])
    for name, (key, _, line) in edits.items():
        after = report_of(tmp_path / f"{name}.align")
        assert_equal_to_the_app(results[f"{name}.xlsx"], after)
        rows = cash_flows(results[f"{name}.xlsx"])
        old = {item["key"]: item["npv"] for item in before[name]["initiatives"]}
        moved = {k for k, row in rows.items() if abs(row["NPV"] - old[k]) >= CENT}
        assert moved == {key, line["initiative"]}, (name, moved)
