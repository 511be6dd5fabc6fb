"""A stem cut from its sentence keeps the clause every remaining word depends on: a
subject for its verb, the clause a colon hangs on, a comma between two phrases."""

from dataclasses import replace

import pytest

from quizapp.seedgen.gates import cut_is_well_formed
from quizapp.seedgen.sentences import Sentence

from .test_generate_gates_select import number_cloze


def cut_from(source, stem, answer):
    draft = replace(number_cloze(stem, answer), answers=(answer,))
    return replace(draft, sources=(Sentence(0, 0, 0, len(source), source, source),))


@pytest.mark.parametrize(
    ("source", "stem", "answer"),
    [
        (  # the verb's subject went with the dropped clause
            "The storm reached the coast at dawn, when the sea rose and a gauge in the harbour, "
            "beside the old pier, measured 4.2 meters of water.",
            "The storm reached the coast at dawn beside the old pier, measured ___ meters of "
            "water.",
            "4.2",
        ),
        (  # the colon now follows another clause
            "The lab met the goal it had set when the project began in May: nine samples of at "
            "least 30 grams each.",
            "The project began in May: ___ samples of at least 30 grams each.",
            "nine",
        ),
        (  # two noun phrases run together where a list item was dropped
            "The crew are Ana Ruiz, a pilot from Lima, Tom Berg, an engineer at the University "
            "of Oslo, and Mei Lin, a doctor who has flown 3 missions.",
            "The crew are Ana Ruiz an engineer at the University of Oslo, and Mei Lin, a doctor "
            "who has flown ___ missions.",
            "3",
        ),
        (  # the stem opens with a verb
            "Rangers who counted the herd found 212 animals on the plain.",
            "Found ___ animals on the plain.",
            "212",
        ),
    ],
)
def test_a_cut_that_breaks_the_sentence_is_gated(source, stem, answer):
    assert cut_is_well_formed(cut_from(source, stem, answer))


@pytest.mark.parametrize(
    ("source", "stem", "answer"),
    [
        (  # an aside between subject and verb may go
            "The ferry, which was built in Norway, carries 300 cars on each crossing.",
            "The ferry carries ___ cars on each crossing.",
            "300",
        ),
        (  # a relative clause after the subject may go
            "The patient, a 40-year-old teacher, who has a heart condition, was walking ten "
            "meters a day.",
            "The patient, a 40-year-old teacher, was walking ___ meters a day.",
            "ten",
        ),
        (  # a leading adverbial before a colon's clause may go
            "In 2020, the museum set a goal: 500 new objects a year.",
            "The museum set a goal: ___ new objects a year.",
            "500",
        ),
        (  # the colon of a time of day is no clause break
            "The train left at 6:15 p.m. on Friday and covered 80 kilometers in an hour.",
            "The train left at 6:15 p.m. and covered ___ kilometers in an hour.",
            "80",
        ),
        (  # a participle phrase that names a thing
            "The satellite, called Aster, flew over the pole, carrying 4 cameras.",
            "The satellite, called Aster, flew over the pole, carrying ___ cameras.",
            "4",
        ),
    ],
)
def test_a_cut_that_keeps_the_sentence_passes(source, stem, answer):
    assert cut_is_well_formed(cut_from(source, stem, answer)) is None


@pytest.mark.parametrize(
    ("source", "stem", "answer"),
    [
        (  # the comma that closed a dropped conversion stands before a phrase of the predicate
            "The bridge weighs about 900 tonnes, or 990 short tons, at completion, with two "
            "towers.",
            "The bridge weighs about ___ tonnes, at completion, with two towers.",
            "900",
        ),
        (  # a list of examples was cut and its next item runs onto the noun
            "The ship carries six cranes, including hoists, winches that lift containers and a "
            "ramp.",
            "The ship carries ___ cranes winches that lift containers and a ramp.",
            "six",
        ),
    ],
)
def test_a_stray_comma_or_a_run_on_list_item_is_gated(source, stem, answer):
    assert cut_is_well_formed(cut_from(source, stem, answer))


def test_a_comma_the_sentence_already_had_before_a_phrase_passes():
    source = "The river flooded 40 towns since early last year, from the hills to the sea."
    stem = "The river flooded ___ towns, from the hills to the sea."
    assert cut_is_well_formed(cut_from(source, stem, "40")) is None
