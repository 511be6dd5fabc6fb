"""A number counts the head noun after its modifiers and names."""

from quizapp.seedgen.quantities import find_quantities


def test_a_count_may_have_several_modifiers_before_its_noun():
    (quantity,) = find_quantities("The city runs four electric harbour ferries.")
    assert (quantity.value, quantity.unit) == (4, "ferries")


def test_a_number_before_no_noun_is_still_no_quantity():
    assert find_quantities("The team did one better than before.") == []


def test_a_word_that_only_looks_plural_is_never_the_counted_noun():
    assert find_quantities("The drug went into a phase 2 study known as Bright.") == []
