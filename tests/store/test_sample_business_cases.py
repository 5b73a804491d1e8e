"""Business cases in the samples: plausible retail cases, 10,000 stress cost lines, bad documents refused."""

from __future__ import annotations

import copy
import json
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from align_desktop.domain.roi import COST_CATEGORIES, evaluate
from align_desktop.store.business_cases import BusinessCaseService
from align_desktop.store.case_rows import BusinessCaseRow, PortfolioRows
from align_desktop.store.errors import WorkspaceError
from align_desktop.store.sample_loader import load_document
from align_desktop.store.samples import sample_document
from align_desktop.store.stress import generate
from align_desktop.store.workspace import Workspace


@pytest.fixture
def retail(sample_workspace: Workspace) -> PortfolioRows:
    return BusinessCaseService(sample_workspace).portfolio()


def _npvs(portfolio: PortfolioRows) -> dict[str, float]:
    settings = portfolio.settings
    return {
        row.initiative_key: evaluate(row.case(settings.horizon), settings.horizon, settings.discount_rate).npv
        for row in portfolio.cases
    }


def _cost(row: BusinessCaseRow, category: str, year: int) -> float:
    return sum(line.amounts[year] or 0.0 for line in row.cost_lines if line.category == category)


def test_every_retail_initiative_has_a_case(retail: PortfolioRows) -> None:
    assert len(retail.cases) == 28
    assert all(row.exists and row.cost_lines for row in retail.cases)
    assert (retail.settings.currency, retail.settings.horizon, retail.settings.discount_rate) == ("EUR", 3, 0.1)


def test_retail_costs_are_sized_like_real_ml_work(retail: PortfolioRows) -> None:
    used = Counter(line.category for row in retail.cases for line in row.cost_lines)
    assert set(used) == set(COST_CATEGORIES)
    for row in retail.cases:
        total = sum(amount or 0.0 for line in row.cost_lines for amount in line.amounts)
        if row.status == "retired":
            assert row.annual_benefit < 50_000, row.initiative_key
            assert total < 50_000, row.initiative_key
            continue
        assert 20_000 <= _cost(row, "data engineering", 0) <= 400_000, row.initiative_key
        for year in (1, 2, 3):
            assert _cost(row, "model training", year) > 0, row.initiative_key
            assert _cost(row, "deployment", year) > 0, row.initiative_key
            assert _cost(row, "monitoring", year) > 0, row.initiative_key
            assert _cost(row, "incident response", year) > 0, row.initiative_key
        assert 50_000 <= total <= 1_500_000, row.initiative_key
        assert 50_000 <= row.annual_benefit <= 2_000_000, row.initiative_key
        assert all(amount is None for line in row.cost_lines for amount in line.amounts[4:])


def test_retail_adoption_is_staged(retail: PortfolioRows) -> None:
    for row in retail.cases:
        shares = [share or 0.0 for share in row.adoption[1:4]]
        assert shares == sorted(shares), row.initiative_key
        assert all(share is None for share in row.adoption[4:])
    staged = [row for row in retail.cases if row.status not in ("live", "retired")]
    assert all((row.adoption[1] or 0.0) < 1.0 for row in staged)


def test_some_retail_benefits_show_their_working(retail: PortfolioRows) -> None:
    worked = [row for row in retail.cases if row.benefit_baseline is not None]
    assert len(worked) >= 5
    for row in worked:
        assert row.benefit_uplift is not None and row.benefit_value_per_unit is not None
        assert row.annual_benefit == pytest.approx(
            row.benefit_baseline * row.benefit_uplift * row.benefit_value_per_unit
        )
        assert 0 < row.benefit_uplift < 0.5
        assert row.benefit_unit


def test_retail_mixes_strong_marginal_and_losing_cases(retail: PortfolioRows) -> None:
    npvs = _npvs(retail)
    assert sum(npv > 500_000 for npv in npvs.values()) >= 5
    assert sum(abs(npv) < 100_000 for npv in npvs.values()) >= 3
    assert sum(npv < 0 for npv in npvs.values()) >= 3
    statuses = {row.initiative_key: row.status for row in retail.cases}
    assert all(npvs[key] > 0 for key, status in statuses.items() if status in ("scaling", "live"))
    assert all(npv < 0 for key, npv in npvs.items() if statuses[key] == "retired")


def test_cost_line_keys_follow_document_order_and_new_ones_continue(sample_workspace: Workspace) -> None:
    service = BusinessCaseService(sample_workspace)
    keys = [line.key for row in service.portfolio().cases for line in row.cost_lines]
    assert keys == [f"L-{n:03d}" for n in range(1, len(keys) + 1)]
    key, _ = service.add_cost_line("I-001", {"category": "other"}, {0: 1000})
    assert key == f"L-{len(keys) + 1:03d}"


def _stress_recipe() -> dict[str, Any]:
    text = resources.files("align_desktop.sample_workspaces").joinpath("stress.json").read_text("utf-8")
    document: dict[str, Any] = json.loads(text)
    return document


def test_stress_has_10000_cost_lines_over_2000_cases(stress_path: Path) -> None:
    workspace = Workspace.open(stress_path)
    try:
        portfolio = BusinessCaseService(workspace).portfolio()
    finally:
        workspace.close()
    assert len(portfolio.cases) == 2000
    assert all(row.exists for row in portfolio.cases)
    assert sum(len(row.cost_lines) for row in portfolio.cases) == 10_000
    assert all(row.cost_lines[0].category == "data engineering" for row in portfolio.cases)
    assert {line.category for row in portfolio.cases for line in row.cost_lines} == set(COST_CATEGORIES)
    assert sum(row.benefit_baseline is not None for row in portfolio.cases) > 100
    npvs = _npvs(portfolio)
    assert 200 < sum(npv < 0 for npv in npvs.values()) < 1800
    document = sample_document("stress")
    for row, item in zip(portfolio.cases[:50], document["initiatives"][:50], strict=True):
        lines = item["business_case"]["cost_lines"]
        assert [line.description for line in row.cost_lines] == [line["description"] for line in lines]
        assert [line.amounts[0] for line in row.cost_lines] == [line["amounts"].get("0") for line in lines]


def test_stress_business_cases_are_deterministic_and_leave_the_initiatives_alone() -> None:
    recipe = _stress_recipe()
    assert generate(recipe) == generate(copy.deepcopy(recipe)) == sample_document("stress")
    without = copy.deepcopy(recipe)
    del without["generator"]["cost_lines"]
    plain = generate(without)["initiatives"]
    assert all("business_case" not in item for item in plain)
    cased = generate(recipe)["initiatives"]
    assert [{k: v for k, v in item.items() if k != "business_case"} for item in cased] == plain


def _document() -> dict[str, Any]:
    return {
        "name": "Cases",
        "description": "two initiatives with business cases",
        "settings": {"horizon": 2},
        "outcomes": [{"key": "O-001", "name": "Grow"}],
        "initiatives": [
            {
                "key": "I-001",
                "title": "A",
                "outcome": "O-001",
                "lane": "Now",
                "business_case": {
                    "working": {"baseline": 100_000, "uplift": 0.02, "value_per_unit": 25, "unit": "orders"},
                    "adoption": {"1": 0.5, "2": 1},
                    "cost_lines": [
                        {"category": "Data engineering", "description": "Build", "amounts": {"0": 80_000}},
                        {"category": "monitoring", "amounts": {"1": 5_000, "2": "5000"}},
                    ],
                },
            },
            {"key": "I-002", "title": "B", "lane": "Next"},
            {
                "key": "I-003",
                "title": "C",
                "lane": "Next",
                "business_case": {"annual_benefit": 0, "cost_lines": [{"category": "other", "amounts": {"0": 9}}]},
            },
        ],
    }


def _build(path: Path, document: dict[str, Any]) -> Workspace:
    return Workspace.create(path, document["name"], lambda session: load_document(session, document))


def test_a_document_with_business_cases_loads(tmp_path: Path) -> None:
    workspace = _build(tmp_path / "cases.align", _document())
    try:
        first, second, third = BusinessCaseService(workspace).portfolio().cases
    finally:
        workspace.close()
    assert first.exists and not second.exists and third.exists
    assert first.annual_benefit == pytest.approx(50_000)
    assert (first.benefit_baseline, first.benefit_uplift, first.benefit_value_per_unit, first.benefit_unit) == (
        100_000,
        0.02,
        25,
        "orders",
    )
    assert first.adoption[:4] == (None, 0.5, 1.0, None)
    assert [(line.key, line.position, line.category) for line in first.cost_lines] == [
        ("L-001", 0, "data engineering"),
        ("L-002", 1, "monitoring"),
    ]
    assert first.cost_lines[1].description == ""
    assert first.cost_lines[1].amounts[:3] == (None, 5_000, 5_000)
    assert (third.annual_benefit, [line.key for line in third.cost_lines]) == (0, ["L-003"])


def _case(index: int, path: str, value: Any) -> Any:
    def change(document: dict[str, Any]) -> None:
        target: Any = document["initiatives"][index]["business_case"]
        *parents, last = path.split(".")
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        target[int(last) if last.isdigit() and isinstance(target, list) else last] = value

    return change


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (_case(0, "cost_lines.0.amounts.0", -5), r"I-001 cost line 1: Year 0: must not be negative"),
        (_case(0, "adoption.2", 1.5), r"I-001 business case: Adoption year 2: must be from 0 % to 100 %, not 150 %"),
        (_case(0, "cost_lines.1.category", "catering"), r"I-001 cost line 2: Category: 'catering' is not one of"),
        (_case(0, "cost_lines.1.amounts.3", 5), r"I-001 cost line 2: Year 3: year 3 is outside the horizon"),
        (_case(0, "adoption.3", 1), r"I-001 business case: Adoption year 3: year 3 is outside the horizon"),
        (_case(2, "annual_benefit", -1), r"I-003 business case: Annual benefit at full adoption: must not be neg"),
        (_case(2, "annual_benefit", "lots"), r"I-003 business case: .*'lots' is not a number"),
        (_case(0, "working.uplift", None), r"I-001 business case: give annual_benefit, or a working"),
        (_case(0, "annual_benefit", "49000"), r"I-001 business case: annual_benefit 49000.00 is not baseline"),
        (_case(0, "benefit", 1), r"I-001 business case: 'benefit' is not one of"),
        (_case(0, "working.margin", 1), r"I-001 business case working: 'margin' is not one of"),
        (_case(0, "adoption.one", 1), r"I-001 business case: adoption year 'one' is not a whole number"),
        (_case(0, "cost_lines", {"0": {}}), r"I-001 business case: cost_lines must be a list"),
        (_case(0, "cost_lines.0", "build"), r"I-001 cost line 1: must be an object"),
        (_case(0, "cost_lines.0.amount", {"0": 1}), r"I-001 cost line 1: 'amount' is not one of"),
    ],
)
def test_a_bad_business_case_is_refused_naming_the_item_and_leaves_no_file(
    tmp_path: Path, change: Any, message: str
) -> None:
    document = copy.deepcopy(_document())
    change(document)
    with pytest.raises(WorkspaceError, match=message):
        _build(tmp_path / "bad.align", document)
    assert list(tmp_path.iterdir()) == []


def test_a_business_case_that_is_not_an_object_is_refused(tmp_path: Path) -> None:
    document = _document()
    document["initiatives"][1]["business_case"] = [1, 2]
    with pytest.raises(WorkspaceError, match="I-002 business case: must be an object"):
        _build(tmp_path / "bad.align", document)
    assert list(tmp_path.iterdir()) == []
