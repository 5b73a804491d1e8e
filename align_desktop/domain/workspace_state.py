"""A workspace's content as compared between two moments: items of each kind with their fields.

The store builds a `WorkspaceState` from a snapshot (or from the workspace now); `compare` finds
what changed between two. Each item has the key people see (`I-004`; none for lanes and the
settings), a name, and its fields under the product's field names, references given by key or
name (an initiative's `lane` is the lane's name, its `outcome_key` the outcome's key).

Links are fields too: an initiative's capability needs are `need:C-003` (the level required),
its gate overrides `gate_overrides`; a risk's links are `initiatives` and `capabilities` (keys,
comma-separated).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from align_desktop.domain.business_case import BENEFIT_FIELDS, COST_LINE_FIELDS
from align_desktop.domain.capability import CAPABILITY_FIELDS
from align_desktop.domain.initiative import INITIATIVE_FIELDS
from align_desktop.domain.outcome import OUTCOME_FIELDS
from align_desktop.domain.risk import RISK_FIELDS
from align_desktop.domain.settings import SCENARIO_FIELDS
from align_desktop.domain.vocabulary import READINESS_SCORE_LABELS

YEARS = range(11)
NEED_PREFIX = "need:"

KINDS: tuple[str, ...] = (
    "settings",
    "lane",
    "outcome",
    "initiative",
    "business case",
    "cost line",
    "capability",
    "risk",
)
"""Kinds of item, in the order a comparison lists them."""

FIELD_LABELS: dict[str, dict[str, str]] = {
    "settings": {
        "name": "Workspace name",
        "currency": "Currency",
        "discount_rate": "Discount rate",
        "horizon": "Horizon (years)",
        "readiness_gate": "Readiness gate",
        "risk_appetite": "Risk appetite",
        **SCENARIO_FIELDS,
    },
    "lane": {"name": "Name", "position": "Position"},
    "outcome": OUTCOME_FIELDS,
    "initiative": {
        "title": "Title",
        "lane": "Lane",
        **INITIATIVE_FIELDS,
        **READINESS_SCORE_LABELS,
        "gate_overrides": "Gate overrides",
    },
    "business case": {**BENEFIT_FIELDS, **{f"adoption_{year}": f"Adoption year {year}" for year in YEARS}},
    "cost line": {
        "initiative_key": "Initiative",
        **COST_LINE_FIELDS,
        **{f"amount_{year}": f"Year {year}" for year in YEARS},
    },
    "capability": CAPABILITY_FIELDS,
    "risk": {**RISK_FIELDS, "initiatives": "Threatened initiatives", "capabilities": "Threatened capabilities"},
}
"""Each kind's fields and their labels, in the order a change lists them."""


@dataclass(frozen=True)
class Item:
    """One item as it stood: the key people know it by ("" for lanes and settings), its name, its fields."""

    key: str
    name: str
    fields: Mapping[str, object]
    identities: Mapping[str, object] = field(default_factory=dict)
    """For a field shown by a name (an initiative's lane), what it refers to: renaming the lane moves no card."""

    def differs(self, other: Item, name: str) -> bool:
        """Whether field `name` changed from `other` to this item (by what it refers to, where known)."""
        if name in self.identities or name in other.identities:
            return self.identities.get(name) != other.identities.get(name)
        return self.fields.get(name) != other.fields.get(name)


@dataclass(frozen=True)
class WorkspaceState:
    """Every item of a workspace, by kind (of `KINDS`) and then by an identity stable between moments."""

    items: Mapping[str, Mapping[str, Item]]

    def of(self, kind: str) -> Mapping[str, Item]:
        return self.items.get(kind, {})


SHARE = "share"
MONEY = "money"
PERCENT = "percent"
NUMBER = "number"
TEXT = "text"
_SHARES = {"discount_rate", "benefit_uplift", *(f"adoption_{year}" for year in YEARS)}
_MONEY = {"annual_benefit", "annual_run_cost", "benefit_value_per_unit", *(f"amount_{year}" for year in YEARS)}
_PERCENTS = {"confidence"}


def value_kind(field: str, value: object) -> str:
    """What a compared field's value is: `share` (0.25 is 25 %), `money`, `percent` (85 is 85 %), `number` or `text`;
    the What Changed view, the minutes PDF and the minutes workbook each write it as the forms show it."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return TEXT
    if field in _SHARES:
        return SHARE
    if field in _MONEY:
        return MONEY
    if field in _PERCENTS:
        return PERCENT
    return NUMBER


def field_label(kind: str, field: str) -> str:
    """The label of a field as its form shows it; a capability need is "Needs C-003"."""
    if field.startswith(NEED_PREFIX):
        return f"Needs {field.removeprefix(NEED_PREFIX)}"
    return FIELD_LABELS[kind].get(field, field)


def field_order(kind: str, fields: set[str]) -> list[str]:
    """`fields` in form order: labelled fields first as `FIELD_LABELS` lists them, then the rest by name."""
    labelled = [field for field in FIELD_LABELS[kind] if field in fields]
    return labelled + sorted(fields - set(labelled))
