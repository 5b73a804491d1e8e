"""`align-desktop roi`: the worked example to the cent, the JSON against the arithmetic, exit codes, no Qt."""

from __future__ import annotations

import json
import math
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy_financial
import pytest
from hypothesis import given
from hypothesis import strategies as st

from align_desktop.cli import main
from align_desktop.domain.keys import key_sort_value
from align_desktop.domain.roi import irr, irrs
from align_desktop.store.business_cases import BusinessCaseService
from align_desktop.store.initiatives import InitiativeService
from align_desktop.store.settings import SettingsService
from align_desktop.store.workspace import Workspace

FIXTURES = Path(__file__).parent / "fixtures"
TOP_LEVEL = {
    "format",
    "format_version",
    "workspace",
    "assumptions",
    "years",
    "initiatives",
    "without_business_case",
    "portfolio",
}
INITIATIVE_FIELDS = {
    "key",
    "title",
    "status",
    "confidence",
    "benefits",
    "costs",
    "cash_flows",
    "total_benefit",
    "total_cost",
    "npv",
    "risk_adjusted_npv",
    "irr",
    "payback_years",
    "roi",
    "npv_per_cost",
}
CENT = 0.005


@pytest.fixture
def worked_example(tmp_path: Path) -> Path:
    """DESIGN.md's worked example entered through the services, beside an initiative with no case."""
    path = tmp_path / "example.align"
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
    return path


def roi_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    assert main(["roi", *args, "--json"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    report: dict[str, Any] = json.loads(out)
    return report


def discounted(flows: list[float], rate: float) -> float:
    return sum(cf / (1 + rate) ** t for t, cf in enumerate(flows))


def test_the_worked_example_to_the_cent(worked_example: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = roi_json(capsys, str(worked_example))
    assert report["assumptions"] == {
        "currency": "EUR",
        "discount_rate": 0.1,
        "horizon": 3,
        "scenario": "base",
        "benefit_multiplier": 1.0,
        "cost_multiplier": 1.0,
    }
    assert report["years"] == [0, 1, 2, 3]
    assert report["without_business_case"] == ["I-002"]
    [item] = report["initiatives"]
    assert (item["key"], item["title"], item["confidence"]) == ("I-001", "Worked example", 0.8)
    assert item["cash_flows"] == pytest.approx([-120_000, 2_500, 127_500, 190_000], abs=1e-6)
    assert abs(item["npv"] - 130_394.44) < CENT
    assert abs(item["irr"] - 0.4726) < 0.00005
    assert abs(item["payback_years"] - 1.92) < CENT
    assert abs(item["roi"] * 100 - 66.67) < CENT
    assert abs(item["risk_adjusted_npv"] - 50_473.33) < CENT
    assert item["total_cost"] == pytest.approx(300_000)
    assert item["total_benefit"] == pytest.approx(500_000)


def test_text_output_shows_the_figures_in_the_workspace_currency(
    worked_example: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["roi", str(worked_example)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    for figure in ("130,394.44", "50,473.33", "47.26 %", "1.92", "66.67 %", "-120,000", "127,500", "190,000"):
        assert figure in out
    assert "EUR" in out
    assert "discount rate 10.00 %" in out
    assert "Without a business case: I-002" in out
    row = next(line for line in out.splitlines() if line.startswith("I-001"))
    header = next(line for line in out.splitlines() if line.startswith("Key"))
    assert header.index("Year 3") + len("Year 3") == row.index("190,000") + len("190,000")


def test_scenarios_apply_the_workspace_multipliers(worked_example: Path, capsys: pytest.CaptureFixture[str]) -> None:
    workspace = Workspace.open(worked_example)
    try:
        SettingsService(workspace).update({"pessimistic_benefit": 0.5, "pessimistic_cost": 1.5})
    finally:
        workspace.close()
    base = roi_json(capsys, str(worked_example))["initiatives"][0]
    for scenario, benefit, cost in (("pessimistic", 0.5, 1.5), ("optimistic", 1.2, 0.9)):
        report = roi_json(capsys, str(worked_example), "--scenario", scenario)
        assert report["assumptions"]["scenario"] == scenario
        assert (report["assumptions"]["benefit_multiplier"], report["assumptions"]["cost_multiplier"]) == (
            benefit,
            cost,
        )
        item = report["initiatives"][0]
        assert item["benefits"] == pytest.approx([b * benefit for b in base["benefits"]])
        assert item["costs"] == pytest.approx([c * cost for c in base["costs"]])
        assert item["npv"] == pytest.approx(discounted(item["cash_flows"], 0.1))
    pessimistic = roi_json(capsys, str(worked_example), "--scenario", "pessimistic")["initiatives"][0]
    assert pessimistic["npv"] < base["npv"]


def check_report(report: dict[str, Any]) -> None:
    """Every figure of a report against its own flows, and the totals against the items."""
    assert set(report) == TOP_LEVEL
    assert (report["format"], report["format_version"]) == ("align-desktop roi", 1)
    rate = report["assumptions"]["discount_rate"]
    horizon = report["assumptions"]["horizon"]
    assert report["years"] == list(range(horizon + 1))
    items = report["initiatives"]
    keys = [item["key"] for item in items]
    assert keys == sorted(keys, key=key_sort_value)
    for item in items:
        assert set(item) == INITIATIVE_FIELDS
        benefits, costs, flows = item["benefits"], item["costs"], item["cash_flows"]
        assert len(benefits) == len(costs) == len(flows) == horizon + 1
        assert flows == pytest.approx([b - c for b, c in zip(benefits, costs, strict=True)], abs=1e-6)
        scale = 1 + sum(abs(b) + abs(c) for b, c in zip(benefits, costs, strict=True))
        assert abs(item["npv"] - discounted(flows, rate)) < 1e-9 * scale, item["key"]
        risk_adjusted = [item["confidence"] * b - c for b, c in zip(benefits, costs, strict=True)]
        assert abs(item["risk_adjusted_npv"] - discounted(risk_adjusted, rate)) < 1e-9 * scale
        assert item["total_benefit"] == pytest.approx(sum(benefits))
        assert item["total_cost"] == pytest.approx(sum(costs))
        if item["total_cost"]:
            assert item["roi"] == pytest.approx((item["total_benefit"] - item["total_cost"]) / item["total_cost"])
            assert item["npv_per_cost"] == pytest.approx(item["npv"] / item["total_cost"])
        else:
            assert item["roi"] is None
            assert item["npv_per_cost"] is None
        if item["irr"] is not None:
            assert abs(discounted(flows, item["irr"])) < 1e-6 * scale, item["key"]
        if item["payback_years"] is not None:
            assert 0 <= item["payback_years"] <= horizon
    total = report["portfolio"]
    assert total["initiatives"] == len(items)
    for field in ("npv", "risk_adjusted_npv", "total_benefit", "total_cost"):
        assert total[field] == pytest.approx(sum(item[field] for item in items))
    for field in ("benefits", "costs", "cash_flows"):
        assert total[field] == pytest.approx([sum(item[field][t] for item in items) for t in report["years"]])
    assert total["npv"] == pytest.approx(discounted(total["cash_flows"], rate))
    assert total["roi"] == pytest.approx((total["total_benefit"] - total["total_cost"]) / total["total_cost"])


@pytest.mark.parametrize("scenario", ["pessimistic", "base", "optimistic"])
def test_every_npv_of_the_retail_sample_is_its_own_flows_discounted(
    sample_path: Path, capsys: pytest.CaptureFixture[str], scenario: str
) -> None:
    report = roi_json(capsys, str(sample_path), "--scenario", scenario)
    check_report(report)
    assert len(report["initiatives"]) == 28
    assert report["without_business_case"] == []
    assert report["assumptions"]["currency"] == "EUR"


def test_the_stress_report_covers_2000_cases_and_its_irrs_are_the_domains(
    stress_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = roi_json(capsys, str(stress_path))
    check_report(report)
    assert len(report["initiatives"]) == 2000
    for item in report["initiatives"]:
        assert item["irr"] == irr(item["cash_flows"]), item["key"]


flows_strategy = st.lists(
    st.one_of(st.just(0), st.integers(-10_000_000, 10_000_000)).map(float), min_size=1, max_size=11
)


@given(st.lists(flows_strategy, max_size=30))
def test_a_batch_gives_each_series_its_own_irr(series: list[list[float]]) -> None:
    assert irrs(series) == [irrs([flows])[0] for flows in series]


@pytest.mark.parametrize(
    "flows",
    [
        [0.0, -100.0, 50.0, 60.0],
        [-100.0, 50.0, 60.0, 0.0],
        [0.0, 0.0, -5.0, 10.0],
        [-100.0, 100.0, 0.0, -7.0],
        [-5.0, 10.5, 1.0, -8.0, 1.0],
        [100.0, -50.0],
        [-100.0, 0.0, 0.0, 74.0],
        [0.0, 0.0, 0.0],
        [5.0, 5.0],
        [-1.0],
        [],
    ],
)
def test_irrs_at_the_edges_are_numpy_financials(flows: list[float]) -> None:
    expected = float(numpy_financial.irr(flows)) if flows else math.nan
    found = irrs([flows])[0]
    if math.isnan(expected) or len({cf > 0 for cf in flows if cf}) < 2:
        assert found is None
    else:
        assert found == pytest.approx(expected, rel=1e-9)


def test_an_empty_workspace_reports_no_cases(workspace: Workspace, capsys: pytest.CaptureFixture[str]) -> None:
    report = roi_json(capsys, str(workspace.path))
    assert report["initiatives"] == []
    assert report["portfolio"] | {"cash_flows": None} == {
        "initiatives": 0,
        "benefits": [0, 0, 0, 0],
        "costs": [0, 0, 0, 0],
        "cash_flows": None,
        "total_benefit": 0,
        "total_cost": 0,
        "npv": 0,
        "risk_adjusted_npv": 0,
        "roi": None,
    }
    assert main(["roi", str(workspace.path)]) == 0
    assert "Portfolio (0 business cases)" in capsys.readouterr().out


def test_roi_reads_without_changing_the_file_even_when_read_only(
    sample_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = sample_path.read_bytes()
    os.chmod(sample_path, stat.S_IRUSR | stat.S_IRGRP)
    try:
        report = roi_json(capsys, str(sample_path))
    finally:
        os.chmod(sample_path, stat.S_IRUSR | stat.S_IWUSR)
    assert len(report["initiatives"]) == 28
    assert sample_path.read_bytes() == before
    assert sorted(p.name for p in sample_path.parent.iterdir()) == [sample_path.name]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda folder: folder / "missing.align", "There is no workspace at"),
        (lambda folder: folder, "is a folder"),
        (lambda folder: _write(folder / "notes.align", b"not a database at all" * 10), "not an SQLite database"),
        (lambda folder: _copy(FIXTURES / "schema-1-retail.align", folder / "old.align"), "before business cases"),
    ],
    ids=["missing", "folder", "not-sqlite", "schema-1"],
)
def test_refused_input_exits_1_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make: Any, message: str
) -> None:
    path = make(tmp_path)
    before = path.read_bytes() if path.is_file() else None
    assert main(["roi", str(path), "--json"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("align-desktop: ")
    assert message in err
    assert err.count("\n") == 1
    if before is not None:
        assert path.read_bytes() == before


def _write(path: Path, content: bytes) -> Path:
    path.write_bytes(content)
    return path


def _copy(source: Path, target: Path) -> Path:
    shutil.copyfile(source, target)
    return target


@pytest.mark.parametrize(
    "argv",
    [["roi"], ["roi", "a.align", "--scenario", "worst"], ["roi", "a.align", "--scenario"], ["roi", "a", "b"]],
    ids=["no-path", "unknown-scenario", "scenario-no-name", "extra"],
)
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(argv)
    assert caught.value.code == 2
    assert "usage: align-desktop" in capsys.readouterr().err


def test_roi_imports_no_qt_no_matplotlib_and_no_sqlalchemy(sample_path: Path) -> None:
    script = (
        "import contextlib, io, json, sys\n"
        "from align_desktop.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
        f"    assert main(['roi', {str(sample_path)!r}, '--json']) == 0\n"
        "assert len(json.loads(out.getvalue())['initiatives']) == 28\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main(['roi', {str(sample_path)!r}, '--scenario', 'optimistic']) == 0\n"
        "assert main(['roi', 'missing.align']) == 1\n"
        "heavy = sorted(m for m in sys.modules\n"
        "               if m.startswith(('PySide6', 'shiboken6', 'matplotlib', 'sqlalchemy', 'alembic', 'openpyxl')))\n"
        "assert not heavy, heavy\n"
        "print('light')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=sample_path.parent,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith("light\n")


def test_the_installed_executable_prints_json(sample_path: Path) -> None:
    executable = Path(sys.executable).with_name("align-desktop")
    result = subprocess.run(
        [str(executable), "roi", str(sample_path), "--json", "--scenario", "pessimistic"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert json.loads(result.stdout)["assumptions"]["scenario"] == "pessimistic"
