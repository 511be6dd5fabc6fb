"""Approximate figures and bounds are keyed with a tolerance from how they are written."""

import pytest

from quizapp.seedgen.extract import extract_blocks
from quizapp.seedgen.facts import article_facts
from quizapp.seedgen.generate import numeric_quantity
from quizapp.seedgen.sentences import split_sentences
from quizapp.seedgen.tolerances import tolerance_for
from quizapp.seedgen.vocabulary import Vocabulary


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


def test_a_tolerance_never_accepts_the_other_figure_the_stem_gives():
    page = "Surveyors put the crack at about 3.5 km on Monday and later at roughly 4 km."
    sentences = split_sentences(page, extract_blocks(page))
    facts = article_facts(page, sentences, Vocabulary(), None)
    (later,) = [c for c in numeric_quantity(facts, Vocabulary()) if c.data["answer"] == 4]
    assert later.data["tolerance"] < 0.5
    assert abs(3.5 - 4) > later.data["tolerance"]
    (first,) = [c for c in numeric_quantity(facts, Vocabulary()) if c.data["answer"] == 3.5]
    assert abs(4 - 3.5) > first.data["tolerance"]
