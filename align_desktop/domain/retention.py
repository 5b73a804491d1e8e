"""Which backups to keep: everything from today, one a day for a week, one a week for a month."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

WEEK = timedelta(days=7)
MONTH = timedelta(days=31)


def backups_to_keep(taken: Iterable[datetime], now: datetime) -> set[datetime]:
    """The moments (of backups taken at `taken`) that thinning keeps.

    All of today's; for the last week, the newest of each day; for the last month, the newest of
    each ISO week; nothing older. A backup from the future (a clock set wrong) is kept.
    """
    kept: set[datetime] = set()
    newest_of_day: dict[object, datetime] = {}
    newest_of_week: dict[object, datetime] = {}
    for moment in taken:
        age = now - moment
        if moment.date() >= now.date():
            kept.add(moment)
        elif age <= WEEK:
            day = moment.date()
            newest_of_day[day] = max(moment, newest_of_day.get(day, moment))
        elif age <= MONTH:
            week = moment.isocalendar()[:2]
            newest_of_week[week] = max(moment, newest_of_week.get(week, moment))
    return kept | set(newest_of_day.values()) | set(newest_of_week.values())
