"""Numbers are parsed whole, units glued or slashed are read, and dates move by calendar."""

import datetime as dt

import pytest

from quizapp.seedgen.extract import extract_blocks
from quizapp.seedgen.facts import article_facts
from quizapp.seedgen.generate import mcq_date_cloze
from quizapp.seedgen.quantities import find_dates, find_quantities, without_conversion
from quizapp.seedgen.sentences import split_sentences
from quizapp.seedgen.vocabulary import Vocabulary


@pytest.mark.parametrize(
    ("sentence", "value", "unit", "written"),
    [
        ("The ice sheet holds 23,000 tonnes of water.", 23000, "tonnes", "23,000"),
        ("The capsule reached 19,300 km/hour on entry.", 19300, "km/hour", "19,300"),
        ("The probe fell 12km before the parachute opened.", 12, "km", "12"),
        ("Its engines fired in 400m/s bursts.", 400, "m/s", "400"),
        ("The lander weighs 2.5 tonnes.", 2.5, "tonnes", "2.5"),
    ],
)
def test_numbers_are_read_whole_with_their_unit(sentence, value, unit, written):
    (quantity,) = find_quantities(sentence)
    assert (quantity.value, quantity.unit, quantity.number_text) == (value, unit, written)


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("Both machines are designed to work for one lunar day.", "lunar day"),
        ("The probe spent two solar years in orbit.", "years"),
        ("The rover carries a tiny 3 kilogram drill.", "kilogram"),
        ("The mirror is made of 18 hexagonal segments.", "segments"),
    ],
)
def test_an_adjective_is_never_the_unit_the_counted_noun_is(sentence, unit):
    (quantity,) = find_quantities(sentence)
    assert quantity.unit == unit


def test_a_number_before_an_adjective_and_no_noun_is_not_a_quantity():
    assert find_quantities("Its sister probe came in at one small, in a dusty valley.") == []


def test_a_time_of_day_is_not_a_quantity():
    assert find_quantities("It settled onto the surface at 6:04 p.m. India time.") == []


def test_an_amount_restated_in_another_currency_is_one_quantity():
    sentence = "The mission cost about 6.15 billion rupees, or roughly $75 million, in all."
    (quantity,) = find_quantities(sentence)
    assert (quantity.value, quantity.unit) == (6.15, "billion rupees")


def test_a_capitalised_unit_keeps_its_capital():
    (quantity,) = find_quantities("The air in the hall reached 40 Celsius by noon.")
    assert quantity.unit == "Celsius"


def test_a_name_before_the_counted_noun_is_not_the_unit():
    (quantity,) = find_quantities("Both machines work for about 14 Earth days in all.")
    assert (quantity.unit, quantity.end) == (
        "days",
        len("Both machines work for about 14 Earth days"),
    )


def test_a_comparative_is_not_a_unit():
    assert find_quantities("The new rover did one better than its twin.") == []


@pytest.mark.parametrize(
    ("sentence", "next_day"),
    [
        ("It launched on Feb. 28, 2021.", "March 1, 2021"),
        ("It landed on Feb. 29.", "March 1"),
        ("The mission ended on Dec. 31, 2021.", "Jan. 1, 2022"),
        ("The video came out on February 22, 2021.", "February 23, 2021"),
    ],
)
def test_shifted_dates_use_the_calendar(sentence, next_day):
    (date,) = find_dates(sentence)
    assert date.shifted(1) == next_day


@pytest.mark.parametrize(
    ("page_year", "day_before"),
    [(2023, "February 28"), (2024, "February 29"), (None, "February 28")],
)
def test_a_date_without_its_year_moves_within_the_pages_year(page_year, day_before):
    (date,) = find_dates("The advisers met on March 1 and voted 12 to 0.")
    assert date.shifted(-1, page_year) == day_before


def test_a_date_cloze_never_offers_a_day_its_year_did_not_have():
    page = (
        "At a March 1 meeting, the agency's outside advisers voted 12 to 0 that the "
        "vaccine worked and 10 to 2 that it was safe enough to approve for adults."
    )
    sentences = split_sentences(page, extract_blocks(page))
    facts = article_facts(page, sentences, Vocabulary(), dt.date(2023, 5, 3))
    drafts = [c for c in mcq_date_cloze(facts, Vocabulary()) if c.answers == ("March 1",)]
    assert drafts
    for draft in drafts:
        assert "Feb. 29" not in draft.data["options"]
        assert "February 29" not in draft.data["options"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The jury said the four would divide the award between them.",
        "Of the finalists, the two who finished first were invited back.",
        "The league announced that the six had qualified for the final round.",
    ],
)
def test_a_number_used_as_a_pronoun_is_not_a_quantity(sentence):
    assert find_quantities(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("A letter naming the five finalists was sent to the newspaper.", "finalists"),
        ("The nine engineers were flown home after the test.", "engineers"),
        ("Each of the 30 rangers was given a radio.", "rangers"),
    ],
)
def test_a_unit_ends_with_its_noun_before_a_verb(sentence, unit):
    (quantity,) = find_quantities(sentence)
    assert quantity.unit == unit


@pytest.mark.parametrize(
    ("rest", "expected"),
    [
        (" Celsius, or 59 degrees Fahrenheit, at noon.", " Celsius at noon."),
        (" Celsius (59 degrees Fahrenheit) at noon.", " Celsius at noon."),
        (", or nearly 12 miles, a long walk.", ", a long walk."),
        (", or almost 9,000 feet.", "."),
        (" of snow fell overnight.", " of snow fell overnight."),
    ],
)
def test_an_amount_restated_in_other_units_is_dropped_after_the_blank(rest, expected):
    assert without_conversion(rest) == expected


def test_a_restated_amount_is_not_asked_on_its_own():
    sentence = "The lake reached 15 degrees Celsius, or almost 59 degrees Fahrenheit, in May."
    assert [q.number_text for q in find_quantities(sentence)] == ["15"]


def test_the_comma_after_a_conversion_goes_before_a_phrase_of_the_predicate():
    from quizapp.seedgen.quantities import without_conversion

    assert without_conversion(", or 13,000 pounds, at launch.") == " at launch."
    assert without_conversion(", or about 100 feet, from tip to tip.") == " from tip to tip."
    assert without_conversion(", or 20 pounds, the heaviest yet.") == ", the heaviest yet."
