"""Backup thinning: all of today, the newest of each day for a week, of each week for a month."""

from __future__ import annotations

from datetime import datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from align_desktop.domain.retention import backups_to_keep

NOW = datetime(2026, 11, 26, 15, 0)


def test_everything_from_today_is_kept() -> None:
    today = [NOW.replace(hour=h) for h in range(0, 15)]
    assert backups_to_keep(today, NOW) == set(today)


def test_the_last_week_keeps_the_newest_of_each_day() -> None:
    yesterday_morning = datetime(2026, 11, 25, 9, 0)
    yesterday_evening = datetime(2026, 11, 25, 18, 0)
    four_days_ago = datetime(2026, 11, 22, 11, 0)
    kept = backups_to_keep([yesterday_morning, yesterday_evening, four_days_ago], NOW)
    assert kept == {yesterday_evening, four_days_ago}


def test_the_last_month_keeps_the_newest_of_each_iso_week() -> None:
    monday = datetime(2026, 11, 9, 10, 0)  # ISO week 46
    thursday = datetime(2026, 11, 12, 10, 0)  # week 46 too
    earlier_week = datetime(2026, 11, 3, 10, 0)  # week 45
    kept = backups_to_keep([monday, thursday, earlier_week], NOW)
    assert kept == {thursday, earlier_week}


def test_nothing_older_than_a_month_is_kept() -> None:
    assert backups_to_keep([NOW - timedelta(days=32), NOW - timedelta(days=400)], NOW) == set()


def test_a_backup_from_a_clock_set_ahead_is_kept() -> None:
    tomorrow = NOW + timedelta(days=1)
    assert backups_to_keep([tomorrow], NOW) == {tomorrow}


moments = st.datetimes(min_value=datetime(2026, 9, 1), max_value=datetime(2026, 11, 27))


@given(st.lists(moments, max_size=60))
def test_thinning_keeps_a_subset_and_the_newest_backup_of_the_month(taken: list[datetime]) -> None:
    kept = backups_to_keep(taken, NOW)
    assert kept <= set(taken)
    recent = [moment for moment in taken if NOW - moment <= timedelta(days=31)]
    if recent:
        assert max(recent) in kept
    assert backups_to_keep(kept, NOW) == kept
