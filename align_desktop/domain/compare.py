"""What changed between two workspace states: every item and field, and how the portfolio moved.

`compare(before, after)` lists each item added, removed or changed (with every changed field,
old and new), kind by kind as `workspace_state.KINDS` orders them and by key within a kind; and
the movement a workshop cares about: initiatives that changed lane, changed scores (readiness,
confidence, capability maturity, risk ratings), portfolio NPV per scenario before and after
(the arithmetic of `domain.roi`, as `align-desktop roi` computes it), and risks whose inherent
or residual band changed. Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from align_desktop.domain.keys import key_sort_value
from align_desktop.domain.portfolio import Assumptions, PortfolioCalculator, totals
from align_desktop.domain.risk import band, score
from align_desktop.domain.roi import SCENARIOS, BusinessCase, CostLine, Scenario
from align_desktop.domain.vocabulary import READINESS_FIELDS
from align_desktop.domain.workspace_state import KINDS, Item, WorkspaceState, field_label, field_order

SCORE_FIELDS: dict[str, tuple[str, ...]] = {
    "initiative": (*READINESS_FIELDS, "confidence"),
    "capability": ("current_maturity", "target_maturity"),
    "risk": ("likelihood", "impact", "residual_likelihood", "residual_impact"),
}
"""The scores whose changes the movement summary lists."""
RATINGS: dict[str, tuple[str, str]] = {
    "inherent": ("likelihood", "impact"),
    "residual": ("residual_likelihood", "residual_impact"),
}


RISK_ADJUSTED = "risk-adjusted"
NPV_TITLES = {
    "pessimistic": "Pessimistic",
    "base": "Base",
    "optimistic": "Optimistic",
    RISK_ADJUSTED: "Base, risk-adjusted",
}
"""How the rows of the NPV movement are named (a vote written into confidence moves the risk-adjusted one)."""


@dataclass(frozen=True)
class FieldChange:
    field: str
    label: str
    old: object
    new: object


@dataclass(frozen=True)
class ItemChange:
    """An item `added`, `removed` or `changed` (then with its changed fields, in form order)."""

    kind: str
    key: str
    name: str
    change: str
    fields: tuple[FieldChange, ...] = ()


@dataclass(frozen=True)
class LaneMove:
    key: str
    name: str
    old_lane: str
    new_lane: str


@dataclass(frozen=True)
class ScoreChange:
    kind: str
    key: str
    name: str
    field: str
    label: str
    old: int
    new: int


@dataclass(frozen=True)
class NpvChange:
    """The portfolio's NPV under one scenario (or `RISK_ADJUSTED`: the base NPV with each benefit weighted
    by its initiative's confidence), before and after."""

    scenario: str
    before: float
    after: float


@dataclass(frozen=True)
class BandChange:
    """A risk's `inherent` or `residual` score moved into another band."""

    key: str
    name: str
    rating: str
    old_score: int
    new_score: int
    old_band: str
    new_band: str


@dataclass(frozen=True)
class Comparison:
    changes: tuple[ItemChange, ...]
    lane_moves: tuple[LaneMove, ...]
    score_changes: tuple[ScoreChange, ...]
    npv: tuple[NpvChange, ...]
    band_changes: tuple[BandChange, ...]
    currency: str

    def count(self, change: str) -> int:
        """How many items were `added`, `removed` or `changed`."""
        return sum(1 for item in self.changes if item.change == change)


def compare(before: WorkspaceState, after: WorkspaceState) -> Comparison:
    """Everything that differs from `before` to `after`."""
    changes: list[ItemChange] = []
    for kind in KINDS:
        changes.extend(_changes_of(kind, before.of(kind), after.of(kind)))
    pairs = {kind: _in_both(before.of(kind), after.of(kind)) for kind in ("initiative", "capability", "risk")}
    calculator = PortfolioCalculator()
    npv_before, npv_after = portfolio_npv(before, calculator), portfolio_npv(after, calculator)
    settings = next(iter(after.of("settings").values()), None)
    return Comparison(
        changes=tuple(changes),
        lane_moves=tuple(
            LaneMove(new.key, new.name, str(old.fields["lane"]), str(new.fields["lane"]))
            for old, new in pairs["initiative"]
            if new.differs(old, "lane")
        ),
        score_changes=tuple(_score_changes(pairs)),
        npv=tuple(NpvChange(name, npv_before[name], npv_after[name]) for name in (*SCENARIOS, RISK_ADJUSTED)),
        band_changes=tuple(_band_changes(pairs["risk"])),
        currency=str(settings.fields["currency"]) if settings else "",
    )


def portfolio_npv(state: WorkspaceState, calculator: PortfolioCalculator | None = None) -> dict[str, float]:
    """The portfolio's NPV under each scenario, and risk-adjusted under the base one (`RISK_ADJUSTED`): the
    sum over every initiative with a business case."""
    settings = next(iter(state.of("settings").values()), None)
    if settings is None:
        return dict.fromkeys((*SCENARIOS, RISK_ADJUSTED), 0.0)
    values = settings.fields
    horizon = _int(settings, "horizon")
    assumptions = Assumptions(
        horizon=horizon,
        rate=float(_number(values["discount_rate"])),
        scenarios={
            "pessimistic": Scenario(
                "pessimistic", _number(values["pessimistic_benefit"]), _number(values["pessimistic_cost"])
            ),
            "base": Scenario("base"),
            "optimistic": Scenario(
                "optimistic", _number(values["optimistic_benefit"]), _number(values["optimistic_cost"])
            ),
        },
    )
    figures = (calculator or PortfolioCalculator()).evaluate(assumptions, _cases(state, horizon))
    npv = {name: totals(figures, name, horizon).npv for name in SCENARIOS}
    return npv | {RISK_ADJUSTED: totals(figures, "base", horizon).risk_adjusted_npv}


def _cases(state: WorkspaceState, horizon: int) -> dict[str, BusinessCase]:
    """Every initiative's business case (an initiative with a benefit row or cost lines has one)."""
    years = range(horizon + 1)
    lines: dict[str, list[CostLine]] = {}
    for line in state.of("cost line").values():
        amounts = tuple(_number(line.fields.get(f"amount_{year}")) for year in years)
        lines.setdefault(str(line.fields["initiative_key"]), []).append(CostLine(str(line.fields["category"]), amounts))
    benefits = state.of("business case")
    cases = {}
    for key, initiative in state.of("initiative").items():
        benefit = benefits.get(key)
        if benefit is None and key not in lines:
            continue
        fields: Mapping[str, object] = benefit.fields if benefit else {}
        cases[key] = BusinessCase(
            annual_benefit=_number(fields.get("annual_benefit")),
            adoption=tuple(_number(fields.get(f"adoption_{year}")) for year in years),
            cost_lines=tuple(lines.get(key, ())),
            confidence=_int(initiative, "confidence") / 100,
        )
    return cases


def _changes_of(kind: str, before: Mapping[str, Item], after: Mapping[str, Item]) -> list[ItemChange]:
    found = []
    for identity in before.keys() | after.keys():
        old, new = before.get(identity), after.get(identity)
        if old is None and new is not None:
            found.append(ItemChange(kind, new.key, new.name, "added"))
        elif new is None and old is not None:
            found.append(ItemChange(kind, old.key, old.name, "removed"))
        elif old is not None and new is not None:
            names = {field for field in old.fields.keys() | new.fields.keys() if new.differs(old, field)}
            if names:
                fields = tuple(
                    FieldChange(field, field_label(kind, field), old.fields.get(field), new.fields.get(field))
                    for field in field_order(kind, names)
                )
                found.append(ItemChange(kind, new.key, new.name, "changed", fields))
    return sorted(found, key=lambda item: (key_sort_value(item.key), item.name.casefold(), item.change))


def _score_changes(pairs: Mapping[str, list[tuple[Item, Item]]]) -> list[ScoreChange]:
    found = []
    for kind, fields in SCORE_FIELDS.items():
        for old, new in pairs[kind]:
            for field in fields:
                before, after = old.fields.get(field), new.fields.get(field)
                if before != after and isinstance(before, int) and isinstance(after, int):
                    found.append(ScoreChange(kind, new.key, new.name, field, field_label(kind, field), before, after))
    return found


def _band_changes(pairs: list[tuple[Item, Item]]) -> list[BandChange]:
    found = []
    for old, new in pairs:
        for rating, (likelihood, impact) in RATINGS.items():
            old_score = score(_int(old, likelihood), _int(old, impact))
            new_score = score(_int(new, likelihood), _int(new, impact))
            if band(old_score) != band(new_score):
                found.append(
                    BandChange(new.key, new.name, rating, old_score, new_score, band(old_score), band(new_score))
                )
    return found


def _in_both(before: Mapping[str, Item], after: Mapping[str, Item]) -> list[tuple[Item, Item]]:
    common = sorted(before.keys() & after.keys(), key=lambda identity: key_sort_value(after[identity].key))
    return [(before[identity], after[identity]) for identity in common]


def _int(item: Item, field: str) -> int:
    value = item.fields[field]
    if not isinstance(value, int):
        raise TypeError(f"{item.key} {field} is {value!r}, not a whole number")
    return value


def _number(value: object) -> float:
    """A stored amount or share as a number; blank counts as zero (as the ROI arithmetic has it)."""
    return float(value) if isinstance(value, int | float) else 0.0
