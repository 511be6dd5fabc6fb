"""Reported forecasts and guesses are not asked as facts, a reporting tail stays with a
hedged claim, and details of how an event went (an age, the timing of a step) rank as
asides that go when they trade answers with a kept question of their sentence."""

from dataclasses import replace

import pytest

from quizapp.seedgen import generate_bank
from quizapp.seedgen.centrality import is_aside
from quizapp.seedgen.focus import without_reporting_tail
from quizapp.seedgen.gates import not_a_reported_guess
from quizapp.seedgen.sentences import Sentence

from .test_generate_gates_select import candidate, number_cloze


def with_source(draft, text):
    return replace(draft, sources=(Sentence(0, 0, 0, len(text), text, text),))


@pytest.mark.parametrize(
    "sentence",
    [
        "The engineer said the bridge could carry ___ cars a day once it is widened.",
        "Officials believe the dam might hold for another ___ years.",
        "The new vaccine may protect for ___ months, the company estimated.",
        # a verb of forecasting before a modal or future verb
        "Analysts expect the new plant will employ ___ workers by the end of the decade.",
        # the blank is the subject of a verb of possibility
        "The mayor said ___ families could be moved before the winter.",
        # a bound asked with a modal
        "A spokesman said the tunnel would need at least ___ more years of work.",
        # a hypothetical "would" in a relative clause
        "The firm said its chip solved in an hour a puzzle that would take a laptop ___ weeks.",
    ],
)
def test_a_reported_guess_is_not_asked_as_a_fact(sentence):
    assert not_a_reported_guess(with_source(number_cloze(sentence, 5), sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        # the modal belongs to another predicate than the asked number
        "Engineers had said that lifting the span by just ___ centimeters would be enough.",
        # a modal in the writer's own voice, with nobody reported
        "The new ferry could carry ___ passengers at a time.",
        # reported, but stated as a finding
        "The survey team said the glacier shrank by ___ meters last year.",
        # a plain "would" reports "will" for something decided
        "She told reporters the new battery would last ___ hours on one charge.",
        "The committee said the two winners would share the award of ___ dollars equally.",
        "The ministry announced that ___ schools would reopen after the repairs.",
        # the blank belongs to the reported verb, not to the hypothetical beside it
        "The firm said its chip solved in ___ minutes a puzzle that would take a laptop a week.",
    ],
)
def test_a_reported_finding_or_an_unreported_modal_is_asked(sentence):
    assert not not_a_reported_guess(with_source(number_cloze(sentence, 5), sentence))


def test_a_statement_that_drops_the_speaker_of_a_guess_is_not_drafted():
    source = "The mayor said the city hoped the tunnel could open within three years."
    statement = "The city hoped the tunnel could open within six years."
    draft = candidate(
        type="truefalse", rule="truefalse.swap_number", prompt=statement, stem=statement,
        data={"answer": False}, answers=("three",), distractors=("six",), kind="number",
    )  # fmt: skip
    assert not_a_reported_guess(with_source(draft, source))


@pytest.mark.parametrize(
    ("stem", "expected"),
    [
        (
            "The ship left port on ___ and should reach the ice within days, and its crew "
            "could stay there a year, the expedition leader said.",
            None,
        ),
        (
            "The ship left port on ___ and reached the ice within days, the expedition "
            "leader said.",
            "The ship left port on ___ and reached the ice within days.",
        ),
    ],
)
def test_a_reporting_tail_stays_with_a_hedged_claim(stem, expected):
    assert without_reporting_tail(stem) == (expected or stem)


@pytest.mark.parametrize(
    "stem",
    [
        "The pilot, a ___-year-old veteran from Ohio, landed the plane on the river.",
        "The spacewalk lasted about ___ hours and ended with the hatch closed.",
        "The capsule splashed down roughly ___ minutes after the parachutes opened.",
        "The camera took a picture of the glacier every ___ seconds.",
    ],
)
def test_an_age_or_the_timing_of_a_step_is_an_aside(stem):
    assert is_aside(with_source(number_cloze(stem, 5), stem))


@pytest.mark.parametrize(
    "stem",
    [
        "The mission lasted ___ years and mapped the whole surface.",
        "The bridge is about ___ meters long.",
        "The rocket reached an altitude of ___ kilometers.",
    ],
)
def test_a_measure_of_the_thing_itself_is_no_aside(stem):
    assert not is_aside(with_source(number_cloze(stem, 5), stem))


def test_an_aside_that_trades_answers_with_the_sentences_own_claim_is_dropped(nlp):
    raw = (
        "The new suspension bridge opened to traffic on May 3, 2019, after a ceremony that "
        "lasted about three hours on its central span.\n"
    )
    bank, _ = generate_bank(raw, {"id": "bridge"})
    assert any(q["rule"] == "mcq.date_cloze" for q in bank["questions"])
    assert not any(q["type"] == "numeric" and q["answer"] == 3 for q in bank["questions"])


@pytest.mark.parametrize(
    ("stem", "backstory"),
    [
        ("The crew had spent ___ weeks at sea before the storm broke.", True),
        ("The town had built ___ shelters before the flood reached it.", True),
        ("Engineers had said beforehand that a drop of ___ meters would be safe.", False),
    ],
)
def test_the_past_perfect_of_an_irregular_verb_is_backstory(stem, backstory):
    assert is_aside(with_source(number_cloze(stem, 5), stem)) is backstory
