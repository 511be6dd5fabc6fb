"""Approximate figures and bounds are keyed with a tolerance from how they are written."""

import pytest

from quizapp.seedgen.tolerances import tolerance_for


@pytest.mark.parametrize(
    ("before", "number", "precision", "tolerance"),
    [
        ("The reserve covers about ", "45,000", 1, 500),
        ("Methane stood at around ", "419", 1, 0.5),
        ("The trip took roughly ", "two", 1, 0.5),
        ("The probe moved at nearly ", "11.2", 0.1, 0.05),
        ("The rocks are some ", "4.5", 0.1, 0.05),
        ("The fair drew more than ", "7,000", 1, 500),
        ("The fair drew ", "7,000", 1, 0),
        ("The kiln reached ", "14.98", 0.01, 0.005),
    ],
)
def test_an_approximate_figure_is_keyed_to_half_its_last_written_place(
    before, number, precision, tolerance
):
    assert tolerance_for(before, number, precision) == pytest.approx(tolerance)
