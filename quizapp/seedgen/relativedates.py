"""Calendar dates of days and months a news page names relative to its publication.

News writes the day of an event relative to the day it is published: "on Thursday",
"in January", "on Jan. 6". By news convention each names the latest such day or month
on or before publication: "on Thursday" in a Friday paper is the day before, and the
weekday of publication is that very day; "in January" in a July paper is that year's
January, and in a January paper that same January; "on Dec. 28" in a January paper is
the year before's.

A page updated after it was published may have been written up to its last update
("Shares rose on Tuesday" added to a Monday story on Tuesday): a weekday that also falls
after publication and on or before the update names no single day and is not resolved.
"""

from __future__ import annotations

import calendar
import datetime as dt

from dateutil.relativedelta import relativedelta

WEEKDAY_NAMES = tuple(calendar.day_name)
MAX_YEARS_BACK = 8  # "Feb. 29" is found within two leap years, even across 2100


def weekday_number(name: str) -> int:
    """Monday 0 to Sunday 6, from a weekday's name in any case."""
    return [n.lower() for n in WEEKDAY_NAMES].index(name.lower())


def weekday_on_or_before(weekday: int, published: dt.date) -> dt.date:
    """The latest day of ``weekday`` (Monday 0) on or before ``published``."""
    return published - dt.timedelta(days=(published.weekday() - weekday) % 7)


def resolved_weekday(
    weekday: int, published: dt.date, updated: dt.date | None = None
) -> dt.date | None:
    """The day a weekday names on a page published on ``published`` and last updated on
    ``updated``, or None when a later day of that weekday also falls on or before the
    update (see module docstring)."""
    day = weekday_on_or_before(weekday, published)
    if updated is not None and day + dt.timedelta(days=7) <= updated:
        return None
    return day


def month_on_or_before(month: int, published: dt.date) -> dt.date:
    """The first day of the latest month ``month`` (January 1) on or before ``published``."""
    first = dt.date(published.year, month, 1)
    return first if first <= published else first - relativedelta(years=1)


def month_day_on_or_before(month: int, day: int, published: dt.date) -> dt.date | None:
    """The latest date with this month and day on or before ``published`` (Feb. 29 in
    the latest leap year), or None when no year has it ("Feb. 30")."""
    for year in range(published.year, published.year - MAX_YEARS_BACK, -1):
        try:
            date = dt.date(year, month, day)
        except ValueError:
            continue
        if date <= published:
            return date
    return None
