"""How the What Changed view words values, NPV movements and snapshots."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from align_desktop.store.snapshot_queries import SnapshotRow
from align_desktop.ui.changes.text import item_title, npv_delta, short, snapshot_tip, snapshot_title, value_text


@pytest.mark.parametrize(
    ("field", "value", "text"),
    [
        ("adoption_2", 0.75, "75 %"),
        ("discount_rate", 0.0725, "7.25 %"),
        ("amount_0", 120000.0, "EUR 120,000"),
        ("annual_benefit", 1026000.5, "EUR 1,026,000.5"),
        ("confidence", 80, "80 %"),
        ("benefit_baseline", 1900000.0, "1,900,000"),
        ("readiness_data", 3, "3"),
        ("lane", "Next", "Next"),
        ("owner", "", "—"),
        ("benefit_uplift", None, "—"),
    ],
)
def test_values_read_as_their_forms_show_them(field: str, value: object, text: str) -> None:
    assert value_text(field, value, "EUR") == text


def test_long_texts_are_cut_to_one_short_line() -> None:
    assert short("two\nlines") == "two lines"
    cut = short("word " * 40)
    assert len(cut) == 90
    assert cut.endswith("…")
    assert item_title("", "Later") == "Later"
    assert item_title("I-004", "Size advice") == "I-004  Size advice"


def test_npv_movements_are_signed_in_the_currency() -> None:
    assert npv_delta(100.0, 1_250.4, "EUR") == "EUR +1,150"
    assert npv_delta(1_000.0, 100.0, "EUR") == "EUR \u2212900"
    assert npv_delta(5.0, 5.4, "EUR") == "no change"


def test_a_snapshot_is_offered_by_label_and_local_time_with_all_else_in_its_tooltip() -> None:
    taken = datetime(2026, 11, 26, 9, 5)
    row = SnapshotRow(3, "Start of Q1 review", "start", taken, "Fay", 1, "Q1 review", 151_272)
    local = taken.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M")

    assert snapshot_title(row) == f"Start of Q1 review — {local}"
    assert snapshot_tip(row).splitlines() == [
        "Start of Q1 review",
        f"Taken {local} by Fay (session start)",
        "Session: Q1 review",
        "Stored in 151.3 kB",
    ]
