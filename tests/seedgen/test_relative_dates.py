"""Days and months a page names relative to its publication (``relativedates``)."""

import datetime as dt

import pytest

from quizapp.seedgen.relativedates import (
    month_day_on_or_before,
    month_on_or_before,
    resolved_weekday,
    weekday_number,
    weekday_on_or_before,
)

MONDAY, TUESDAY, THURSDAY, FRIDAY, SUNDAY = 0, 1, 3, 4, 6


def test_a_weekday_is_the_latest_such_day_on_or_before_publication():
    friday = dt.date(2023, 6, 16)
    assert weekday_on_or_before(THURSDAY, friday) == dt.date(2023, 6, 15)
    assert weekday_on_or_before(FRIDAY, friday) == friday  # the day of publication
    assert weekday_on_or_before(SUNDAY, friday) == dt.date(2023, 6, 11)


def test_a_weekday_across_a_month_boundary():
    assert weekday_on_or_before(MONDAY, dt.date(2022, 3, 2)) == dt.date(2022, 2, 28)


def test_a_weekday_across_a_year_boundary():
    assert weekday_on_or_before(FRIDAY, dt.date(2024, 1, 2)) == dt.date(2023, 12, 29)


def test_a_weekday_on_a_leap_day():
    assert weekday_on_or_before(THURSDAY, dt.date(2024, 3, 2)) == dt.date(2024, 2, 29)
    assert weekday_on_or_before(TUESDAY, dt.date(2023, 3, 1)) == dt.date(2023, 2, 28)


def test_a_weekday_that_also_falls_before_the_update_names_no_single_day():
    monday, tuesday = dt.date(2024, 12, 9), dt.date(2024, 12, 10)
    assert resolved_weekday(TUESDAY, monday, tuesday) is None
    assert resolved_weekday(SUNDAY, monday, tuesday) == dt.date(2024, 12, 8)
    assert resolved_weekday(MONDAY, monday, tuesday) == monday
    assert resolved_weekday(TUESDAY, monday) == dt.date(2024, 12, 3)


def test_weekday_numbers_from_names():
    assert weekday_number("Monday") == MONDAY
    assert weekday_number("sunday") == SUNDAY


@pytest.mark.parametrize(
    ("month", "published", "expected"),
    [
        (1, dt.date(2024, 1, 10), dt.date(2024, 1, 1)),  # January in a January paper
        (12, dt.date(2024, 1, 10), dt.date(2023, 12, 1)),  # December, across the new year
        (1, dt.date(2023, 12, 31), dt.date(2023, 1, 1)),
        (2, dt.date(2024, 1, 31), dt.date(2023, 2, 1)),
        (7, dt.date(2023, 7, 1), dt.date(2023, 7, 1)),
    ],
)
def test_a_month_without_a_year_is_the_latest_on_or_before_publication(month, published, expected):
    assert month_on_or_before(month, published) == expected


def test_a_day_and_month_without_a_year_across_january():
    published = dt.date(2024, 1, 3)
    assert month_day_on_or_before(12, 28, published) == dt.date(2023, 12, 28)
    assert month_day_on_or_before(1, 2, published) == dt.date(2024, 1, 2)
    assert month_day_on_or_before(1, 3, published) == published
    assert month_day_on_or_before(1, 4, published) == dt.date(2023, 1, 4)


def test_a_leap_day_without_a_year_is_the_latest_leap_year():
    assert month_day_on_or_before(2, 29, dt.date(2025, 3, 10)) == dt.date(2024, 2, 29)
    assert month_day_on_or_before(2, 29, dt.date(2024, 2, 28)) == dt.date(2020, 2, 29)
    assert month_day_on_or_before(2, 30, dt.date(2024, 3, 1)) is None
