"""The capability matrix as plain arrays: who needs what, each capability's metrics, one-cell updates.

Built once from `MatrixRows`. `set_level` changes one cell and recomputes the metrics of that one
capability with `domain.matrix.capability_metrics` (so every figure shown is the domain's), and
the gap count of that one initiative. No Qt here: the table model and the ranking read these.
Initiatives and capabilities are addressed by their index in `initiatives` / `capabilities`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from align_desktop.domain.keys import key_sort_value
from align_desktop.domain.matrix import RANKINGS, CapabilityMetrics, Need, capability_metrics
from align_desktop.store.rows import CapabilityRow, MatrixInitiative, MatrixRows

GROUPINGS = ("lane", "outcome")
"""How the rows can be grouped."""
ORDERS = ("weighted gap", "gap", "value unlocked", "reuse")
"""How the capabilities can be ordered (keys of `domain.matrix.RANKINGS`), highest first."""
NO_OUTCOME = "No outcome"


@dataclass(frozen=True)
class Group:
    """A run of rows under one lane or outcome."""

    title: str
    members: tuple[int, ...]
    """Initiative indexes, in board order."""
    value: float
    """Σ of the members' positive risk-adjusted NPVs."""


class MatrixGrid:
    """Initiatives × capabilities → required level, with metrics kept up to date cell by cell."""

    def __init__(self, rows: MatrixRows) -> None:
        self.currency = rows.currency
        self.initiatives: list[MatrixInitiative] = list(rows.initiatives)
        self.capabilities: list[CapabilityRow] = list(rows.capabilities)
        self.width = len(self.capabilities)
        self.current = [capability.current_maturity for capability in self.capabilities]
        self.values = {initiative.key: initiative.value for initiative in self.initiatives}
        self.initiative_index = {initiative.key: n for n, initiative in enumerate(self.initiatives)}
        self.capability_index = {capability.key: n for n, capability in enumerate(self.capabilities)}
        self.levels: dict[int, int] = {}
        """Required level by `cell(i, c)`; absent where nothing is needed."""
        self.column_levels: list[dict[int, int]] = [{} for _ in self.capabilities]
        """For each capability: initiative index → required level."""
        self.row_gaps = [0] * len(self.initiatives)
        """For each initiative: how many capabilities are below the level it needs."""
        for need in rows.needs:
            i = self.initiative_index.get(need.initiative_key)
            c = self.capability_index.get(need.capability_key)
            if i is not None and c is not None:
                self._put(i, c, need.level)
        current = {capability.key: capability.current_maturity for capability in self.capabilities}
        by_key = capability_metrics(
            (need for need in rows.needs if need.initiative_key in self.initiative_index), current, self.values
        )
        self.metrics: list[CapabilityMetrics] = [by_key[capability.key] for capability in self.capabilities]
        self._by_key = sorted(range(self.width), key=lambda c: key_sort_value(self.capabilities[c].key))

    def cell(self, i: int, c: int) -> int:
        return i * self.width + c

    def level(self, i: int, c: int) -> int | None:
        return self.levels.get(i * self.width + c)

    def gap(self, i: int, c: int) -> int:
        """Levels missing in this cell (0 when nothing is needed or the need is met)."""
        level = self.levels.get(i * self.width + c)
        return 0 if level is None else max(0, level - self.current[c])

    def set_level(self, i: int, c: int, level: int | None) -> None:
        """Make one cell `level` (None: empty) and bring the figures it affects up to date."""
        old = self.levels.pop(self.cell(i, c), None)
        self.column_levels[c].pop(i, None)
        if old is not None and old > self.current[c]:
            self.row_gaps[i] -= 1
        if level is not None:
            self._put(i, c, level)
        self.metrics[c] = self._metrics_of(c)

    def _put(self, i: int, c: int, level: int) -> None:
        self.levels[self.cell(i, c)] = level
        self.column_levels[c][i] = level
        if level > self.current[c]:
            self.row_gaps[i] += 1

    def _metrics_of(self, c: int) -> CapabilityMetrics:
        capability = self.capabilities[c]
        needs = [Need(self.initiatives[i].key, capability.key, level) for i, level in self.column_levels[c].items()]
        return capability_metrics(needs, {capability.key: capability.current_maturity}, self.values)[capability.key]

    def order(self, by: str) -> list[int]:
        """Capability indexes, highest first by one of `ORDERS`, ties by key: `domain.matrix.ranked`'s order.

        The same two stable sorts as `ranked`, with the first one (by key) done once per grid.
        """
        figures: Callable[[CapabilityMetrics], tuple[float, ...]] = RANKINGS[by]
        metrics = self.metrics
        return sorted(self._by_key, key=lambda c: figures(metrics[c]), reverse=True)

    def blocked(self, c: int) -> list[int]:
        """Initiatives needing more of capability `c` than it has: most valuable first, then board order."""
        current = self.current[c]
        members = [i for i, level in self.column_levels[c].items() if level > current]
        return sorted(members, key=lambda i: (-max(0.0, self.initiatives[i].value), i))

    def needed_by(self, c: int) -> list[int]:
        """Every initiative that needs capability `c`, in board order."""
        return sorted(self.column_levels[c])

    def groups(self, by: str) -> list[Group]:
        """Rows grouped by lane (board order) or by outcome (by name; initiatives without one last)."""
        members: dict[str, list[int]] = {}
        for n, initiative in enumerate(self.initiatives):
            title = initiative.lane if by == "lane" else initiative.outcome or NO_OUTCOME
            members.setdefault(title, []).append(n)
        titles = list(members)
        if by != "lane":
            titles.sort(key=lambda title: (title == NO_OUTCOME, title.casefold()))
        return [
            Group(title, tuple(members[title]), sum(max(0.0, self.initiatives[i].value) for i in members[title]))
            for title in titles
        ]
