"""Capability matrix metrics: gaps, reuse, value unlocked and the value each gap blocks.

Definitions (DESIGN.md): a need is initiative × capability → required maturity 1–5; a gap where
required > current. Reuse count = number of initiatives that need the capability. Value
unlocked = Σ of the positive risk-adjusted NPVs of the initiatives that need it. The weighted
gap answers "which platform investment first?": Σ over the initiatives it blocks of
(levels missing × that initiative's positive risk-adjusted NPV).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from align_desktop.domain.keys import key_sort_value


@dataclass(frozen=True)
class Need:
    initiative_key: str
    capability_key: str
    level: int


def gap(required: int, current: int) -> int:
    """Levels missing: how far the current maturity is below the required one (0 when met)."""
    return max(0, required - current)


@dataclass
class CapabilityMetrics:
    """What one capability means for the portfolio."""

    key: str
    reuse: int = 0
    value_unlocked: float = 0.0
    levels_missing: int = 0
    """Σ of the gaps over the initiatives that need more than the current maturity."""
    weighted_gap: float = 0.0
    value_blocked: float = 0.0
    """Σ of the positive risk-adjusted NPVs of the initiatives it blocks."""
    blocked: list[str] = field(default_factory=list)
    """Keys of the initiatives that need more than its current maturity."""


def capability_metrics(
    needs: Iterable[Need], current: Mapping[str, int], value: Mapping[str, float]
) -> dict[str, CapabilityMetrics]:
    """Metrics of every capability in `current` (by key).

    `value` is each initiative's risk-adjusted NPV (base scenario); negative or missing counts 0.
    """
    metrics = {key: CapabilityMetrics(key) for key in current}
    for need in needs:
        item = metrics[need.capability_key]
        worth = max(0.0, value.get(need.initiative_key, 0.0))
        item.reuse += 1
        item.value_unlocked += worth
        missing = gap(need.level, current[need.capability_key])
        if missing:
            item.levels_missing += missing
            item.weighted_gap += missing * worth
            item.value_blocked += worth
            item.blocked.append(need.initiative_key)
    return metrics


RANKINGS = {
    "weighted gap": lambda m: (m.weighted_gap, m.value_blocked, m.reuse),
    "value unlocked": lambda m: (m.value_unlocked, m.reuse),
    "reuse": lambda m: (m.reuse, m.value_unlocked),
    "gap": lambda m: (m.levels_missing, m.weighted_gap),
}
"""Orders of the ranking, each highest first; ties broken by the figures after the first."""


def ranked(metrics: Iterable[CapabilityMetrics], by: str) -> list[CapabilityMetrics]:
    """Capabilities highest first by one of `RANKINGS`, then by key."""
    order = RANKINGS[by]
    return sorted(sorted(metrics, key=lambda m: key_sort_value(m.key)), key=order, reverse=True)


def initiative_gaps(needs: Iterable[Need], current: Mapping[str, int]) -> dict[str, list[Need]]:
    """For each initiative with a need above current maturity, those needs."""
    result: dict[str, list[Need]] = {}
    for need in needs:
        if gap(need.level, current[need.capability_key]):
            result.setdefault(need.initiative_key, []).append(need)
    return result
