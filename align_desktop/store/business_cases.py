"""Business cases: an initiative's benefit, staged adoption and cost lines, each edit undoable.

Shares are fractions (0.25 is 25 %). A case comes into being with its first edit; undoing that
edit removes it again.
"""

from __future__ import annotations

from typing import Any

from align_desktop.domain.business_case import (
    apply_benefit,
    check_year,
    validate_adoption,
    validate_amounts,
    validate_benefit,
    validate_cost_line,
    validate_fill_amount,
)
from align_desktop.store import case_queries, queries
from align_desktop.store.case_rows import BusinessCaseRow, PortfolioRows
from align_desktop.store.changes import Revert
from align_desktop.store.workspace import Workspace


class BusinessCaseService:
    """Everything the ROI view, the board and `align-desktop roi` ask of business cases."""

    def __init__(self, workspace: Workspace) -> None:
        self._workspace = workspace

    def portfolio(self) -> PortfolioRows:
        """Settings and every initiative's case, read in one transaction."""
        with self._workspace.read() as db:
            return queries.portfolio(db)

    def case(self, initiative_key: str) -> BusinessCaseRow:
        with self._workspace.read() as db:
            return case_queries.business_cases(db, initiative_key)[0]

    def set_benefit(
        self, initiative_key: str, changes: dict[str, Any], *, expected_version: int | None = None
    ) -> Revert:
        """Change the annual benefit or its working (baseline volume × uplift × value per unit); refused with a
        `StaleEdit` if the case is no longer at `expected_version` (0: it has none yet)."""
        from align_desktop.store import business_case_writes as writes

        clean = validate_benefit(changes)
        with self._workspace.write() as session:
            writes.check_case(session, initiative_key, expected_version, clean)
            initiative_id, before = writes.case_values(session, initiative_key)
            after = apply_benefit(before or writes.BLANK_CASE, clean)
            writes.put_case(session, initiative_id, after)
        return lambda: self._put_case(initiative_key, before)

    def set_adoption(
        self, initiative_key: str, adoption: dict[int, object], *, expected_version: int | None = None
    ) -> Revert:
        """Set the share of the full benefit reached in some years (None clears a year); refused with a
        `StaleEdit` if the case is no longer at `expected_version` (0: it has none yet)."""
        from align_desktop.store import business_case_writes as writes
        from align_desktop.store.models import adoption_column

        with self._workspace.write() as session:
            clean = validate_adoption(adoption, writes.horizon(session))
            columns = {adoption_column(y): v for y, v in clean.items()}
            writes.check_case(session, initiative_key, expected_version, columns)
            initiative_id, before = writes.case_values(session, initiative_key)
            after = (before or writes.BLANK_CASE) | columns
            writes.put_case(session, initiative_id, after)
        return lambda: self._put_case(initiative_key, before)

    def _put_case(self, initiative_key: str, values: dict[str, Any] | None) -> Revert:
        from align_desktop.store import business_case_writes as writes

        with self._workspace.write() as session:
            initiative_id, before = writes.case_values(session, initiative_key)
            writes.put_case(session, initiative_id, values)
        return lambda: self._put_case(initiative_key, before)

    def add_cost_line(
        self, initiative_key: str, fields: dict[str, Any], amounts: dict[int, object] | None = None
    ) -> tuple[str, Revert]:
        """Append a cost line (category, description, amounts by year) to an initiative's case."""
        from align_desktop.store import business_case_writes as writes

        clean = validate_cost_line({"category": "other", "description": ""} | fields)
        with self._workspace.write() as session:
            money = validate_amounts(amounts or {}, writes.horizon(session))
            initiative_id, _ = writes.case_values(session, initiative_key)
            key = writes.add_line(session, initiative_id, clean | writes.amounts_to_columns(money))
        return key, lambda: self.delete_cost_line(key)

    def update_cost_line(
        self,
        line_key: str,
        fields: dict[str, Any] | None = None,
        amounts: dict[int, object] | None = None,
        *,
        expected_version: int | None = None,
    ) -> Revert:
        """Change a cost line's category, description or amounts by year (None clears a year); refused with a
        `StaleEdit` (its fields named as columns: `amount_3`) if the line is no longer at `expected_version`."""
        from align_desktop.store import business_case_writes as writes

        clean = validate_cost_line(fields or {})
        with self._workspace.write() as session:
            money = validate_amounts(amounts or {}, writes.horizon(session))
            columns = clean | writes.amounts_to_columns(money)
            previous = writes.update_line(session, line_key, columns, expected_version=expected_version)
        return lambda: self._set_line_columns(line_key, previous)

    def _set_line_columns(self, line_key: str, values: dict[str, Any]) -> Revert:
        from align_desktop.store import business_case_writes as writes

        with self._workspace.write() as session:
            previous = writes.update_line(session, line_key, values)
        return lambda: self._set_line_columns(line_key, previous)

    def fill_recurring(
        self, line_key: str, from_year: int, amount: object, *, expected_version: int | None = None
    ) -> Revert:
        """Put the same amount in every year from `from_year` to the end of the horizon (checked against
        `expected_version` as `update_cost_line`)."""

        with self._workspace.read() as db:
            horizon = queries.settings(db).horizon
        check_year("Fill from year", from_year, horizon)
        value = validate_fill_amount(amount)
        return self.update_cost_line(
            line_key, amounts=dict.fromkeys(range(from_year, horizon + 1), value), expected_version=expected_version
        )

    def delete_cost_line(self, line_key: str) -> Revert:
        from align_desktop.store import business_case_writes as writes

        with self._workspace.write() as session:
            row = writes.delete_line(session, line_key)
        return lambda: self._restore_line(row)

    def _restore_line(self, row: dict[str, Any]) -> Revert:
        from align_desktop.store import business_case_writes as writes

        with self._workspace.write() as session:
            writes.restore_line(session, row)
        key = row["key"]
        return lambda: self.delete_cost_line(key)
