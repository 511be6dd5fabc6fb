"""A pronoun in a stem needs its antecedent in the stem, wherever it stands."""

from types import SimpleNamespace

import pytest

from quizapp.seedgen.pronouns import pronoun_kept_from_source, unresolved_pronoun


@pytest.mark.parametrize(
    ("stem", "pronoun"),
    [
        ("Within a few short minutes it crossed ___ valleys.", "it"),
        ("In 1990 soundings taken with it found ___ caves.", "it"),
        ("Soon after dawn they had counted ___ nests.", "they"),
        ("The ferry sailed ___ miles before it turned back.", None),
        ("Oxfam said it would send ___ lorries.", None),
        ("Rangers said they had counted ___ nests.", None),
    ],
)
def test_a_pronoun_needs_an_antecedent_in_the_stem(stem, pronoun):
    assert unresolved_pronoun(stem) == pronoun


def test_a_reworded_stem_keeps_its_sources_unresolved_pronoun():
    source = SimpleNamespace(clean="Within an hour it crossed 12 valleys, from Alba to Brora.")
    reworded = "From Alba to Brora within an hour it crossed 24 valleys."
    assert pronoun_kept_from_source(reworded, [source]) == "it"
