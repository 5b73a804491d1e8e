"""Plain, immutable rows of business cases and their cost lines, for the ROI view, the board's NPV and the exports."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from align_desktop.domain.roi import BusinessCase, CostLine
from align_desktop.store.versioned_rows import VersionedRow

if TYPE_CHECKING:
    from align_desktop.store.board_rows import SettingsRow


@dataclass(frozen=True)
class CostLineRow(VersionedRow):
    key: str
    initiative_key: str
    position: int
    category: str
    description: str
    amounts: tuple[float | None, ...]
    """Amount for each year 0 … 10; None where nothing was entered."""


@dataclass(frozen=True)
class BusinessCaseRow(VersionedRow):
    """One initiative's business case as stored; `exists` is False until anything is entered.

    Its version is that of its benefit and adoption (0 until they are entered); each cost line has its own.
    """

    initiative_key: str
    title: str
    lane_id: int
    status: str
    confidence: int
    exists: bool
    annual_benefit: float
    benefit_baseline: float | None
    benefit_uplift: float | None
    benefit_value_per_unit: float | None
    benefit_unit: str
    adoption: tuple[float | None, ...]
    """Share of the full benefit (0…1) reached in each year 0 … 10; None where not entered."""
    cost_lines: tuple[CostLineRow, ...]

    def case(self, horizon: int) -> BusinessCase:
        """The case for the calculator, over years 0 … `horizon`; blanks count as zero."""
        years = range(horizon + 1)
        return BusinessCase(
            annual_benefit=self.annual_benefit,
            adoption=tuple(self.adoption[t] or 0.0 for t in years),
            cost_lines=tuple(
                CostLine(line.category, tuple(line.amounts[t] or 0.0 for t in years)) for line in self.cost_lines
            ),
            confidence=self.confidence / 100,
        )


@dataclass(frozen=True)
class CaseSummary:
    """An initiative's business case with its cost lines summed per year (years 0 … horizon)."""

    initiative_key: str
    title: str
    status: str
    confidence: int
    annual_benefit: float
    adoption: tuple[float, ...]
    costs: tuple[float, ...]

    def case(self) -> BusinessCase:
        """The case for the calculator: one cost line holding the yearly totals."""
        return BusinessCase(self.annual_benefit, self.adoption, (CostLine("all", self.costs),), self.confidence / 100)


@dataclass(frozen=True)
class CaseSummaries:
    """What `align-desktop roi` reports on, read in one transaction."""

    settings: SettingsRow
    summaries: list[CaseSummary]
    without_case: list[str]


@dataclass(frozen=True)
class PortfolioRows:
    """Settings and every initiative's business case, read in one transaction."""

    settings: SettingsRow
    cases: list[BusinessCaseRow]
