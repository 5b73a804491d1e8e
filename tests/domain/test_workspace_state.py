"""What kind of value a compared field holds, so that every place words it as the forms show it."""

from __future__ import annotations

import pytest

from align_desktop.domain.workspace_state import MONEY, NUMBER, PERCENT, SHARE, TEXT, value_kind


@pytest.mark.parametrize(
    ("field", "value", "kind"),
    [
        ("adoption_2", 0.75, SHARE),
        ("discount_rate", 0.1, SHARE),
        ("amount_0", 120_000.0, MONEY),
        ("annual_run_cost", 90_000, MONEY),
        ("confidence", 80, PERCENT),
        ("readiness_data", 3, NUMBER),
        ("lane", "Next", TEXT),
        ("adoption_2", None, TEXT),
        ("confidence", True, TEXT),
    ],
)
def test_what_kind_of_value_a_compared_field_holds(field: str, value: object, kind: str) -> None:
    assert value_kind(field, value) == kind
