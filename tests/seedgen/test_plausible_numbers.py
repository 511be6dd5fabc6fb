"""A false statement's changed number stays one a student could believe."""

import pytest

from quizapp.seedgen.plausible import plausible_wrong_value


def test_a_percentage_is_never_changed_above_one_hundred():
    text = "About 80 percent of the seeds sprouted."
    assert plausible_wrong_value(80, "percent", text, text.index("80")) == 40


def test_the_top_of_a_range_is_not_moved_below_its_bottom():
    text = "Between 70 and 90 percent of the seeds sprouted."
    assert plausible_wrong_value(90, "percent", text, text.index("90")) is None


def test_a_count_spelled_out_by_a_list_is_not_changed():
    text = "The club sent three boats, one at dawn, one at noon and one at dusk."
    assert plausible_wrong_value(3, "boats", text, text.index("three")) is None


def test_a_small_decimal_is_never_changed_by_an_order_of_magnitude():
    text = "The lake is now 1.5 metres deeper than a century ago."
    wrong = plausible_wrong_value(1.5, "metres", text, text.index("1.5"))
    assert wrong is not None and 0.75 <= wrong <= 3


def test_a_temperature_changes_by_a_degree_not_by_doubling():
    text = "The kiln averaged 14.98°C at dawn."
    assert plausible_wrong_value(14.98, "°C", text, text.index("14")) == pytest.approx(15.98)
