"""Risks in the samples: a believable retail register that tells a story, 1,000 stress risks, bad documents."""

from __future__ import annotations

import copy
import json
from collections import Counter
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from align_desktop.domain.keys import key_sort_value
from align_desktop.domain.risk import IMPACT_AREAS, RISK_CATEGORIES, RISK_STATUSES, TREATMENTS, review_overdue
from align_desktop.store.capabilities import CapabilityService
from align_desktop.store.errors import WorkspaceError
from align_desktop.store.initiatives import InitiativeService
from align_desktop.store.risks import RiskService
from align_desktop.store.rows import RegisterRows
from align_desktop.store.sample_loader import load_document
from align_desktop.store.samples import sample_document
from align_desktop.store.stress import generate
from align_desktop.store.workspace import Workspace

OPENED = date(2026, 11, 26)
"""The sample is meant to be opened around this day: some reviews have passed by then."""


@pytest.fixture
def retail(sample_workspace: Workspace) -> RegisterRows:
    return RiskService(sample_workspace).register()


def test_retail_has_a_believable_register(retail: RegisterRows) -> None:
    risks = retail.risks
    assert 18 <= len(risks) <= 22
    assert [row.key for row in risks] == [f"R-{n:03d}" for n in range(1, len(risks) + 1)]
    assert {row.category for row in risks} == set(RISK_CATEGORIES)
    assert {row.impact_area for row in risks} == set(IMPACT_AREAS)
    assert {row.treatment for row in risks} == set(TREATMENTS)
    assert {row.status for row in risks} == set(RISK_STATUSES)
    assert len({row.title.casefold() for row in risks}) == len(risks)
    for row in risks:
        assert row.title and row.mitigation_plan and row.trigger and row.owner, row.key
        assert row.description.startswith("If ") and ", then " in row.description, row.key
        assert row.residual_score <= row.inherent_score, row.key
        assert row.review_date is not None, row.key
    assert retail.settings.risk_appetite == 9


def test_accepted_retail_risks_say_why_and_until_when(retail: RegisterRows) -> None:
    accepted = [row for row in retail.risks if row.status == "accepted" or row.treatment == "accept"]
    assert len(accepted) >= 2
    for row in accepted:
        assert (row.status, row.treatment) == ("accepted", "accept"), row.key
        assert len(row.acceptance_rationale) > 80, row.key
        assert row.acceptance_expiry is not None and row.acceptance_expiry > OPENED, row.key
    assert all(not row.acceptance_rationale for row in retail.risks if row not in accepted)


def test_every_retail_risk_threatens_initiatives_that_exist(retail: RegisterRows) -> None:
    initiatives = {key for key, _ in retail.initiatives}
    capabilities = {key for key, _ in retail.capabilities}
    for row in retail.risks:
        assert 1 <= len(row.initiative_keys) <= 4, row.key
        assert set(row.initiative_keys) <= initiatives, row.key
        assert len(row.capability_keys) <= 2, row.key
        assert set(row.capability_keys) <= capabilities, row.key
    assert sum(bool(row.capability_keys) for row in retail.risks) >= len(retail.risks) // 2
    # most of the roadmap is threatened by something, the live systems above all
    threatened = {key for row in retail.risks for key in row.initiative_keys}
    assert len(threatened) >= 20


def test_some_retail_risks_are_above_appetite_and_marked_on_the_board(
    sample_workspace: Workspace, retail: RegisterRows
) -> None:
    appetite = retail.settings.risk_appetite
    above = [row for row in retail.risks if row.residual_score > appetite and row.status != "closed"]
    assert 3 <= len(above) <= 6
    assert any(row.status == "accepted" for row in above), "one is accepted beyond appetite, by name"
    assert any(row.residual_score == appetite for row in retail.risks), "some sit exactly at the appetite"
    marks = InitiativeService(sample_workspace).board().risks_above_appetite
    assert set(marks) == {key for row in above for key in row.initiative_keys}
    assert sum(len(lines) for lines in marks.values()) == sum(len(row.initiative_keys) for row in above)


def test_some_retail_reviews_are_overdue_when_the_sample_is_opened(retail: RegisterRows) -> None:
    overdue = [row.key for row in retail.risks if review_overdue(row.review_date, OPENED, row.status)]
    assert 2 <= len(overdue) <= 4
    passed_but_closed = [
        row for row in retail.risks if row.review_date and row.review_date < OPENED and row.status == "closed"
    ]
    assert passed_but_closed, "a closed risk whose review date has passed is not overdue"
    upcoming = [row.review_date for row in retail.risks if row.review_date and row.review_date >= OPENED]
    assert min(upcoming) >= date(2026, 12, 1)
    assert max(upcoming) <= date(2027, 6, 30)


def test_value_at_risk_orders_the_retail_register(retail: RegisterRows) -> None:
    values = retail.value_at_risk
    assert set(values) == {row.key for row in retail.risks}
    ranked = sorted(values, key=lambda key: -values[key])
    assert values[ranked[0]] > 4_000_000, "on-call gaps threaten search, fraud and recommendations at once"
    zero = [key for key, value in values.items() if value == 0]
    assert 3 <= len(zero) < len(values) // 2, "risks to ideas with a negative risk-adjusted NPV put nothing at risk"


def test_new_risks_continue_after_the_sample_keys(sample_workspace: Workspace, retail: RegisterRows) -> None:
    key, _ = RiskService(sample_workspace).create({"title": "A new risk"})
    assert key == f"R-{len(retail.risks) + 1:03d}"


def _stress_recipe() -> dict[str, Any]:
    text = resources.files("align_desktop.sample_workspaces").joinpath("stress.json").read_text("utf-8")
    document: dict[str, Any] = json.loads(text)
    return document


def test_stress_has_1000_risks(stress_path: Path) -> None:
    workspace = Workspace.open(stress_path)
    try:
        register = RiskService(workspace).register()
        key, _ = RiskService(workspace).create({"title": "One more"})
    finally:
        workspace.close()
    risks = register.risks
    assert [row.key for row in risks] == [f"R-{n:03d}" for n in range(1, 1001)]
    assert key == "R-1001"
    assert {row.category for row in risks} == set(RISK_CATEGORIES)
    assert {row.status for row in risks} == set(RISK_STATUSES)
    assert {row.treatment for row in risks} == set(TREATMENTS)
    initiative_links = Counter(len(row.initiative_keys) for row in risks)
    capability_links = Counter(len(row.capability_keys) for row in risks)
    assert set(initiative_links) == {0, 1, 2, 3, 4, 5}
    assert set(capability_links) == {0, 1, 2}
    assert all(row.acceptance_rationale for row in risks if row.status == "accepted")
    assert 0 < sum(review_overdue(row.review_date, OPENED, row.status) for row in risks) < 1000
    assert sum(value > 0 for value in register.value_at_risk.values()) > 300


def test_stress_risks_are_deterministic_and_leave_everything_else_alone() -> None:
    recipe = _stress_recipe()
    full = generate(recipe)
    assert full == generate(copy.deepcopy(recipe)) == sample_document("stress")
    assert len(full["risks"]) == recipe["generator"]["risks"] == 1000
    without = copy.deepcopy(recipe)
    del without["generator"]["risks"]
    plain = generate(without)
    # outcomes, initiatives, business cases, cost lines, capabilities and needs are exactly as before
    assert {k: v for k, v in full.items() if k != "risks"} == plain
    # without a catalogue, the same risks threaten the same initiatives, and no capability
    no_catalogue = copy.deepcopy(recipe)
    del no_catalogue["generator"]["capabilities"], no_catalogue["generator"]["needs"]
    assert generate(no_catalogue)["risks"] == [
        {k: v for k, v in risk.items() if k != "capabilities"} for risk in full["risks"]
    ]
    for risk in full["risks"]:
        assert risk["initiatives"] == sorted(set(risk["initiatives"]), key=key_sort_value)
        assert risk["capabilities"] == sorted(set(risk["capabilities"]), key=key_sort_value)


def _document() -> dict[str, Any]:
    return {
        "name": "Risks",
        "description": "two initiatives, a capability, two risks",
        "settings": {"risk_appetite": 6},
        "capabilities": [{"key": "C-001", "name": "Feature store"}],
        "initiatives": [
            {"key": "I-001", "title": "Fraud scoring", "lane": "Now"},
            {"key": "I-002", "title": "Size advice", "lane": "Next"},
        ],
        "risks": [
            {
                "key": "R-001",
                "title": "Bias in fraud scoring",
                "description": "If the model learns from one market, then others are declined.",
                "category": "Data Bias",
                "impact_area": "conversion",
                "likelihood": 4,
                "impact": "4",
                "residual_likelihood": 2,
                "residual_impact": 4,
                "owner": "Katarzyna Nowak",
                "status": "mitigating",
                "review_date": "2026-09-30",
                "initiatives": ["I-001", "I-002", "I-001"],
                "capabilities": ["C-001"],
            },
            {
                "key": "R-004",
                "title": "Vendor lock-in",
                "category": "operational",
                "treatment": "Accept",
                "status": "accepted",
                "acceptance_rationale": "Switching costs more than the exposure",
                "acceptance_expiry": "2027-06-30",
                "initiatives": ["I-002"],
            },
        ],
    }


def _build(path: Path, document: dict[str, Any]) -> Workspace:
    return Workspace.create(path, document["name"], lambda session: load_document(session, document))


def test_a_document_with_risks_loads(tmp_path: Path) -> None:
    workspace = _build(tmp_path / "risks.align", _document())
    try:
        service = RiskService(workspace)
        register = service.register()
        marks = InitiativeService(workspace).board().risks_above_appetite
        reuse = CapabilityService(workspace).get("C-001").reuse
        next_key, _ = service.create({"title": "Drift"})
    finally:
        workspace.close()
    first, second = register.risks
    assert (first.key, first.category, first.impact, first.residual_score, first.review_date) == (
        "R-001",
        "data bias",
        4,
        8,
        date(2026, 9, 30),
    )
    assert (first.initiative_keys, first.capability_keys) == (("I-001", "I-002"), ("C-001",))
    assert (second.key, second.treatment, second.acceptance_expiry, second.initiative_keys) == (
        "R-004",
        "accept",
        date(2027, 6, 30),
        ("I-002",),
    )
    assert (second.likelihood, second.impact, second.residual_likelihood, second.residual_impact) == (3, 3, 2, 3)
    assert (second.description, second.mitigation_plan, second.review_date) == ("", "", None)
    assert register.settings.risk_appetite == 6
    assert marks == {
        "I-001": ["R-001 Bias in fraud scoring: residual 8 above appetite 6"],
        "I-002": ["R-001 Bias in fraud scoring: residual 8 above appetite 6"],
    }
    assert reuse == 0, "a risk's link to a capability is not a need"
    assert next_key == "R-005"


def _change(path: str, value: Any) -> Any:
    def change(document: dict[str, Any]) -> None:
        target: Any = document
        *parents, last = path.split(".")
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        target[int(last) if isinstance(target, list) else last] = value

    return change


def _drop(path: str) -> Any:
    def change(document: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target: Any = document
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        del target[last]

    return change


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (_change("risks.0.likelihood", 0), r"R-001: Likelihood: must be a whole number from 1 to 5, not 0"),
        (_change("risks.0.residual_impact", 6), r"R-001: Residual impact: must be a whole number from 1 to 5"),
        (_change("risks.1.acceptance_rationale", " "), r"R-004: Acceptance rationale: an accepted risk needs a"),
        (_drop("risks.1.acceptance_rationale"), r"R-004: Acceptance rationale: an accepted risk needs a rationale"),
        (_change("risks.0.treatment", "accept"), r"R-001: Acceptance rationale: an accepted risk needs a rationale"),
        (_change("risks.0.review_date", "31/12/2026"), r"R-001: Next review: '31/12/2026' is not a date; write it as"),
        (
            _change("risks.1.acceptance_expiry", "2027-02-30"),
            r"R-004: Acceptance expires: .*not a date in the calendar",
        ),
        (_change("risks.0.initiatives.1", "I-009"), r"R-001: threatens 'I-009', which is not one of the sample's init"),
        (
            _change("risks.0.capabilities", ["C-002"]),
            r"R-001: threatens 'C-002', which is not one of the sample's capa",
        ),
        (_change("risks.1.initiatives", "I-002"), r"R-004: initiatives must be a list of keys"),
        (_change("risks.0.category", "financial"), r"R-001: Category: 'financial' is not one of"),
        (_change("risks.0.title", ""), r"R-001: Title: must not be empty"),
        (_change("risks.0.score", 16), r"R-001: score: is not a risk field"),
        (_change("risks.1.key", "R-001"), r"R-001: the key appears twice"),
        (_change("risks.1.key", "I-003"), r"risks item 2: key 'I-003' is not of the form R-001"),
        (_change("settings.risk_appetite", 30), r"settings: Risk appetite: must be a whole number from 1 to 25"),
    ],
)
def test_a_bad_document_is_refused_naming_the_item_and_leaves_no_file(
    tmp_path: Path, change: Any, message: str
) -> None:
    document = copy.deepcopy(_document())
    change(document)
    with pytest.raises(WorkspaceError, match=message):
        _build(tmp_path / "bad.align", document)
    assert list(tmp_path.iterdir()) == []
