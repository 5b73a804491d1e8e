"""Which risks the register shows: every filter of the register in one immutable value.

Filters combine (a risk must pass all): words typed (each found in key, title, owner or
description), category, band of the residual score, owner, status, overdue review, above
appetite, and the heat-map cell clicked last (in the inherent or the residual map; the maps, and
so the cell filter, leave closed risks out).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from align_desktop.ui.risks.display import ShownRisk

NO_OWNER = ""
"""The owner filter's value for risks nobody owns yet."""


@dataclass(frozen=True)
class HeatCell:
    """A cell of a heat map: residual (after treatment) or inherent (before). It holds open risks only,
    as the maps show no closed risk."""

    residual: bool
    likelihood: int
    impact: int

    def holds(self, shown: ShownRisk) -> bool:
        risk = shown.risk
        if risk.status == "closed":
            return False
        if self.residual:
            return (risk.residual_likelihood, risk.residual_impact) == (self.likelihood, self.impact)
        return (risk.likelihood, risk.impact) == (self.likelihood, self.impact)


@dataclass(frozen=True)
class RegisterFilter:
    words: tuple[str, ...] = ()
    category: str | None = None
    band: str | None = None
    """Band of the residual score."""
    owner: str | None = None
    """An owner as typed, matched ignoring case; `NO_OWNER` for risks without one."""
    status: str | None = None
    overdue: bool = False
    above_appetite: bool = False
    cell: HeatCell | None = None

    @property
    def active(self) -> bool:
        return self != RegisterFilter()

    def with_text(self, text: str) -> RegisterFilter:
        return replace(self, words=tuple(text.casefold().split()))

    def accepts(self, shown: ShownRisk) -> bool:
        risk = shown.risk
        return (
            (self.category is None or risk.category == self.category)
            and (self.band is None or shown.residual_band == self.band)
            and (self.owner is None or risk.owner.casefold() == self.owner.casefold())
            and (self.status is None or risk.status == self.status)
            and (not self.overdue or shown.overdue)
            and (not self.above_appetite or shown.above_appetite)
            and (self.cell is None or self.cell.holds(shown))
            and all(word in shown.haystack for word in self.words)
        )
