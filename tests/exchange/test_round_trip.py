"""Round trip: export workbook → import into an empty workspace → export again gives identical cells.

Also the workspace itself: everything the workbook carries is recreated (keys, board order, links,
business cases with their working), on both samples and on generated small workspaces.
"""

from __future__ import annotations

import tempfile
from dataclasses import asdict, fields
from datetime import date
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from python_calamine import CalamineWorkbook

from align_desktop.domain.capability import CAPABILITY_CATEGORIES, CAPABILITY_STATUSES
from align_desktop.domain.risk import IMPACT_AREAS, RISK_CATEGORIES, RISK_STATUSES, TREATMENTS
from align_desktop.domain.roi import COST_CATEGORIES
from align_desktop.domain.vocabulary import DECISION_POINTS, GATED_STATUSES, STATUSES
from align_desktop.exchange.importer import apply_plan, plan_import
from align_desktop.exchange.workbook_export import export_workbook
from align_desktop.store.business_cases import BusinessCaseService
from align_desktop.store.capabilities import CapabilityService
from align_desktop.store.imports import WorkspaceContents, read_contents
from align_desktop.store.initiatives import InitiativeService
from align_desktop.store.outcomes import OutcomeService
from align_desktop.store.risks import RiskService
from align_desktop.store.settings import SettingsService
from align_desktop.store.versioned_rows import VersionedRow
from align_desktop.store.workspace import Workspace


def cells(path: Path) -> dict[str, list[list[object]]]:
    book = CalamineWorkbook.from_path(str(path))
    return {name: book.get_sheet_by_name(name).to_python(skip_empty_area=False) for name in book.sheet_names}


VERSION_FIELDS = {field.name for field in fields(VersionedRow)}


def _carried(items: list[tuple[str, Any]]) -> dict[str, Any]:
    """A row as a dict without its version, which is the workspace's, not the workbook's."""
    return {name: value for name, value in items if name not in VERSION_FIELDS}


def comparable(contents: WorkspaceContents) -> dict[str, Any]:
    """What a workbook carries of a workspace: everything but row ids, key counters, gate overrides and versions."""
    lanes = {lane.id: lane.name for lane in contents.lanes}
    return {
        "settings": asdict(contents.settings),
        "lanes": [lane.name for lane in contents.lanes],
        "outcomes": contents.outcomes,
        "initiatives": [
            asdict(i, dict_factory=_carried) | {"lane_id": lanes[i.lane_id], "gate_override": None}
            for i in contents.initiatives
        ],
        "capabilities": contents.capabilities,
        "needs": contents.needs,
        "risks": contents.risks,
        "cases": [asdict(c, dict_factory=_carried) | {"lane_id": lanes[c.lane_id]} for c in contents.cases],
        "benefits": contents.benefits,
    }


def round_trip(source: Path, folder: Path) -> tuple[Path, Path, Path]:
    """Export `source`, import the workbook into a new empty workspace, export that; return all three."""
    first, second = folder / "first.xlsx", folder / "second.xlsx"
    export_workbook(source, first)
    target = folder / "target.align"
    Workspace.create(target).close()
    plan = plan_import(target, first)
    assert plan.errors == []
    apply_plan(target, plan)
    export_workbook(target, second)
    return first, target, second


def test_round_trip_of_the_retail_sample(sample_path: Path, tmp_path: Path) -> None:
    first, target, second = round_trip(sample_path, tmp_path)
    assert cells(second) == cells(first)
    assert comparable(read_contents(target)) == comparable(read_contents(sample_path))
    assert plan_import(target, first).preview == []


def test_round_trip_of_the_stress_sample(stress_path: Path, tmp_path: Path) -> None:
    first, target, second = round_trip(stress_path, tmp_path)
    assert cells(second) == cells(first)
    assert comparable(read_contents(target)) == comparable(read_contents(stress_path))


# --- generated workspaces ------------------------------------------------------------------------

TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=30)
HOSTILE = st.sampled_from(["=1+1", "+SUM(A1)", "-x", "@cmd", "_x0041_ literal", "tab\tin", "line\r\nbreak", "\x00nul"])
SOME_TEXT = st.one_of(TEXT, HOSTILE)
NAME = SOME_TEXT.filter(lambda text: text.strip() != "")
AMOUNT = st.floats(min_value=0, max_value=1e9, allow_nan=False, allow_infinity=False)
NUMBER = st.floats(min_value=-1e9, max_value=1e9, allow_nan=False, allow_infinity=False)
SHARE = st.floats(min_value=0, max_value=1, allow_nan=False)
DAY = st.dates(min_value=date(1901, 1, 1), max_value=date(2200, 12, 31))


@st.composite
def workspaces(draw: st.DrawFn) -> dict[str, Any]:
    """A small workspace as the service calls that build it."""
    horizon = draw(st.integers(1, 10))
    gate = draw(st.integers(0, 4))
    lane_names = draw(st.lists(NAME.filter(lambda n: ";" not in n and len(n.strip()) <= 60), min_size=1, max_size=4))
    folded = [name.strip().casefold() for name in lane_names]
    assume(len(set(folded)) == len(folded))
    settings_ = {
        "name": draw(NAME.filter(lambda n: len(n.strip()) <= 200)),
        "currency": draw(st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=3, max_size=3)),
        "discount_rate": draw(st.floats(min_value=-0.99, max_value=1, allow_nan=False)),
        "horizon": horizon,
        "readiness_gate": gate,
        "risk_appetite": draw(st.integers(1, 25)),
        "pessimistic_benefit": draw(AMOUNT),
        "optimistic_cost": draw(AMOUNT),
    }
    outcomes = draw(
        st.lists(
            st.fixed_dictionaries(
                {"name": NAME, "metric": SOME_TEXT, "unit": st.text(max_size=10)},
                optional={"baseline": NUMBER, "target": NUMBER, "description": SOME_TEXT},
            ),
            max_size=3,
        )
    )
    initiatives = []
    for _ in range(draw(st.integers(0, 5))):
        readiness = {f: draw(st.integers(0, 4)) for f in ("data", "model_risk", "monitoring", "compliance")}
        status = draw(st.sampled_from(STATUSES))
        if status in GATED_STATUSES and min(readiness.values()) < gate:
            status = "pilot"
        initiatives.append(
            {
                "fields": {
                    "title": draw(NAME),
                    "status": status,
                    "decision_point": draw(st.sampled_from(DECISION_POINTS)),
                    "team": draw(SOME_TEXT),
                    "confidence": draw(st.integers(0, 100)),
                    "description": draw(SOME_TEXT),
                    "outcome_key": f"O-{draw(st.integers(1, len(outcomes))):03d}"
                    if outcomes and draw(st.booleans())
                    else None,
                }
                | {f"readiness_{k}": v for k, v in readiness.items()},
                "lane": draw(st.integers(0, len(lane_names) - 1)),
                "benefit": draw(
                    st.none()
                    | st.fixed_dictionaries({"annual_benefit": AMOUNT})
                    | st.fixed_dictionaries(
                        {
                            "benefit_baseline": AMOUNT,
                            "benefit_uplift": st.floats(0, 3),
                            "benefit_value_per_unit": AMOUNT,
                        }
                    )
                ),
                "adoption": draw(st.dictionaries(st.integers(0, horizon), SHARE | st.none(), max_size=horizon)),
                "lines": draw(
                    st.lists(
                        st.tuples(
                            st.sampled_from(COST_CATEGORIES),
                            SOME_TEXT,
                            st.dictionaries(st.integers(0, horizon), AMOUNT, max_size=3),
                        ),
                        max_size=3,
                    )
                ),
            }
        )
    capabilities = draw(
        st.lists(
            st.fixed_dictionaries(
                {
                    "name": NAME.filter(lambda n: len(n.strip()) <= 120),
                    "category": st.sampled_from(CAPABILITY_CATEGORIES),
                    "status": st.sampled_from(CAPABILITY_STATUSES),
                    "annual_run_cost": AMOUNT,
                    "current_maturity": st.integers(1, 5),
                    "sla_target": SOME_TEXT,
                }
            ),
            max_size=3,
            unique_by=lambda c: c["name"].strip().casefold(),
        )
    )
    needs = []
    if initiatives and capabilities:
        needs = draw(
            st.lists(
                st.tuples(st.integers(1, len(initiatives)), st.integers(1, len(capabilities)), st.integers(1, 5)),
                max_size=5,
                unique_by=lambda n: n[:2],
            )
        )
    risks = []
    for _ in range(draw(st.integers(0, 3))):
        status, treatment = draw(st.sampled_from(RISK_STATUSES)), draw(st.sampled_from(TREATMENTS))
        accepted = status == "accepted" or treatment == "accept"
        risks.append(
            {
                "fields": {
                    "title": draw(NAME),
                    "category": draw(st.sampled_from(RISK_CATEGORIES)),
                    "impact_area": draw(st.sampled_from(IMPACT_AREAS)),
                    "likelihood": draw(st.integers(1, 5)),
                    "residual_impact": draw(st.integers(1, 5)),
                    "status": status,
                    "treatment": treatment,
                    "review_date": draw(st.none() | DAY),
                    "acceptance_rationale": draw(NAME if accepted else SOME_TEXT),
                },
                "initiatives": draw(st.lists(st.integers(1, len(initiatives)), max_size=3)) if initiatives else [],
                "capabilities": draw(st.lists(st.integers(1, len(capabilities)), max_size=2)) if capabilities else [],
            }
        )
    return {
        "settings": settings_,
        "lanes": lane_names,
        "outcomes": outcomes,
        "initiatives": initiatives,
        "capabilities": capabilities,
        "needs": needs,
        "risks": risks,
    }


def build(path: Path, spec: dict[str, Any]) -> None:
    """Make the workspace of `spec` through the services, as a user would."""
    workspace = Workspace.create(path)
    try:
        settings_ = SettingsService(workspace)
        settings_.update(spec["settings"])
        settings_.set_lanes([(None, name) for name in spec["lanes"]])
        lanes = settings_.lanes()
        for fields in spec["outcomes"]:
            OutcomeService(workspace).create(fields)
        cases = BusinessCaseService(workspace)
        for item in spec["initiatives"]:
            key, _ = InitiativeService(workspace).create(item["fields"], lanes[item["lane"]].id)
            if item["benefit"] is not None:
                cases.set_benefit(key, item["benefit"])
            if item["adoption"]:
                cases.set_adoption(key, item["adoption"])
            for category, description, amounts in item["lines"]:
                cases.add_cost_line(key, {"category": category, "description": description}, amounts)
        capabilities = CapabilityService(workspace)
        for fields in spec["capabilities"]:
            capabilities.create(fields)
        for initiative, capability, level in spec["needs"]:
            capabilities.set_need(f"I-{initiative:03d}", f"C-{capability:03d}", level)
        risks = RiskService(workspace)
        for item in spec["risks"]:
            key, _ = risks.create(item["fields"])
            risks.set_links(
                key, [f"I-{i:03d}" for i in item["initiatives"]], [f"C-{c:03d}" for c in item["capabilities"]]
            )
    finally:
        workspace.close()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(spec=workspaces())
def test_round_trip_of_generated_workspaces(spec: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "source.align"
        build(source, spec)
        first, target, second = round_trip(source, Path(folder))
        assert cells(second) == cells(first)
        assert comparable(read_contents(target)) == comparable(read_contents(source))
