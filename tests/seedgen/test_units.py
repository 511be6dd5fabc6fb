"""Numbers are read with their real unit: a unit of measure, a glued symbol, or the head
noun a count counts; vague amounts are no numbers at all."""

import pytest

from quizapp.seedgen.quantities import find_quantities


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("The museum sent five restored Viking longships to the fair.", 5, "longships"),
        ("Engineers flew four small Aurora Borealis IV survey drones.", 4, "drones"),
        ("The kiln held its load at 1,180C for the whole night.", 1180, "°C"),
        ("The pond froze at 28F last week and stayed frozen.", 28, "°F"),
        ("Methane in the cave reached 12 parts per billion on Monday.", 12, "parts per billion"),
        ("The comet passed at 42 kilometres per second.", 42, "kilometres per second"),
        ("The reserve covers 3,200 square kilometres of marsh.", 3200, "square kilometres"),
        ("The sample was kept at 37.5 degrees Celsius overnight.", 37.5, "degrees Celsius"),
    ],
)
def test_a_number_is_read_with_its_real_unit(sentence, value, unit):
    (quantity,) = find_quantities(sentence)
    assert (quantity.value, quantity.unit) == (value, unit)


@pytest.mark.parametrize(
    "sentence",
    [
        "A queue of 200 formed outside and waited for the doors.",
        "The keeper said 12 went missing overnight.",
    ],
)
def test_a_number_with_no_noun_or_unit_after_it_is_not_a_quantity(sentence):
    assert find_quantities(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "A team of several hundred volunteered for the survey.",
        "A few thousand birds stopped at the lake.",
        "Hundreds of boats joined the race.",
        "Dozens of 3 metre sharks were tagged.",
        "Tens of thousands of people marched.",
        "The club has hundred members.",
    ],
)
def test_a_vague_amount_is_never_a_number(sentence):
    assert find_quantities(sentence) == []


def test_a_number_word_before_hundred_keeps_the_scale_in_its_unit():
    (quantity,) = find_quantities("The choir has two hundred singers.")
    assert (quantity.value, quantity.unit) == (2, "hundred singers")


def test_an_english_word_pint_also_knows_is_not_a_unit():
    assert find_quantities("The three are in town.") == []
