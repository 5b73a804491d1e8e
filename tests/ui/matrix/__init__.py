"""Helpers for the matrix view tests: a hand-checked 3 × 2 matrix, a realistic one, and the view on them.

The small case, in an empty workspace (EUR; a year-0 benefit only, so risk-adjusted NPV = benefit × confidence):

    initiative       lane  outcome  value      needs
    I-001 Alpha      Now   Grow     100,000    X at 3 (X is at 2: 1 level short)
    I-002 Bravo      Next  Grow      40,000    Y at 1 (met)
    I-003 Charlie    Now   —        −30,000    Y at 4 (Y is at 1: 3 levels short; a negative NPV counts 0)

By DESIGN.md: X reuse 1, value unlocked 100,000, levels missing 1, value blocked 100,000, weighted gap 1 × 100,000;
Y reuse 2, value unlocked 40,000 (+0), levels missing 3, value blocked 0, weighted gap 3 × 0 = 0.
So X leads by weighted gap and by value unlocked, Y by reuse and by levels missing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from align_desktop.store.business_cases import BusinessCaseService
from align_desktop.store.capabilities import CapabilityService
from align_desktop.store.initiatives import InitiativeService
from align_desktop.store.outcomes import OutcomeService
from align_desktop.ui.matrix.view import MatrixView
from align_desktop.ui.open_workspace import OpenWorkspace

A, B, C = "I-001", "I-002", "I-003"
X, Y = "C-001", "C-002"


def seed_small(workspace: Any) -> None:
    """The hand-checked 3 × 2 case above, created outside any undo history."""
    initiatives, cases = InitiativeService(workspace), BusinessCaseService(workspace)
    capabilities = CapabilityService(workspace)
    grow, _ = OutcomeService(workspace).create({"name": "Grow"})
    now, next_ = (lane.id for lane in initiatives.board().lanes[:2])
    initiatives.create({"title": "Alpha", "confidence": 100, "outcome_key": grow}, now)
    initiatives.create({"title": "Bravo", "confidence": 80, "outcome_key": grow}, next_)
    initiatives.create({"title": "Charlie", "confidence": 50}, now)
    for key, benefit in ((A, 100_000), (B, 50_000)):
        cases.set_benefit(key, {"annual_benefit": benefit})
        cases.set_adoption(key, {0: 1.0})
    cases.add_cost_line(C, {"category": "other", "description": "Build"}, {0: 30_000})
    capabilities.create({"name": "Feature store", "current_maturity": 2, "target_maturity": 4})
    capabilities.create({"name": "Model serving", "current_maturity": 1, "target_maturity": 3})
    capabilities.set_need(A, X, 3)
    capabilities.set_need(B, Y, 1)
    capabilities.set_need(C, Y, 4)


REALISTIC_CAPABILITIES = (
    ("Feature store", "feature store", 2, 4),
    ("Online model serving", "model serving", 3, 4),
    ("Model monitoring and drift detection", "monitoring", 1, 4),
    ("Training pipelines", "training", 3, 4),
    ("Experimentation platform", "experimentation", 2, 4),
    ("Model registry and governance", "governance", 2, 3),
    ("Clickstream ingestion", "data ingestion", 4, 4),
    ("Batch scoring", "model serving", 4, 4),
    ("Vector search", "other", 1, 3),
    ("Data quality monitoring", "monitoring", 2, 3),
    ("GPU training cluster", "training", 2, 3),
    ("Labelling service", "other", 1, 2),
)


def seed_realistic(workspace: Any) -> None:
    """Twelve capabilities and a need of 2–5 capabilities per initiative of the realistic sample (if it has none)."""
    capabilities = CapabilityService(workspace)
    if capabilities.catalogue():
        return
    for name, category, current, target in REALISTIC_CAPABILITIES:
        capabilities.create(
            {"name": name, "category": category, "current_maturity": current, "target_maturity": target}
        )
    keys = [row.key for row in capabilities.catalogue()]
    for n, initiative in enumerate(capabilities.matrix().initiatives):
        for k in range(2 + n % 4):
            capabilities.set_need(initiative.key, keys[(n * 5 + k * 3) % len(keys)], 1 + (n + k) % 5)


@dataclass
class Shown:
    view: MatrixView
    opened: OpenWorkspace


def show_view(qtbot: Any, workspace: Any, prompter: Any) -> Shown:
    """The matrix view on `workspace`, shown at a screen-like size."""
    opened = OpenWorkspace(workspace)
    view = MatrixView(prompter)
    qtbot.addWidget(view)
    view.resize(1450, 930)
    view.set_workspace(opened)
    view.show()
    qtbot.waitExposed(view)
    return Shown(view, opened)
