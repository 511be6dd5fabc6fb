"""Stems that lean on a sentence the student has not read, claims the article itself
hedges, names cut out of a longer name, approximate figures and which draft of a
sentence is kept. Every sentence here is written for the test."""

import pytest

from quizapp.seedgen import gates, generate_bank
from quizapp.seedgen.candidate import Candidate
from quizapp.seedgen.entities import find_mentions
from quizapp.seedgen.generate import approximate_figure
from quizapp.seedgen.hedges import hedged_claim
from quizapp.seedgen.vocabulary import Vocabulary

from .test_generate_gates_select import number_cloze
from .test_reported_guesses_and_details import with_source


def tf(statement):
    data = {"answer": True}
    return Candidate("truefalse", "truefalse.swap_number", statement, data, "", (), "", (), "")


@pytest.mark.parametrize(
    ("stem", "gated"),
    [
        ("At the other end of the valley, the river rose by ___ metres in a week.", True),
        ("By then the herd had grown to ___ animals.", True),
        ("In that case the pump would run for ___ hours.", True),
        ("Meanwhile, the orchard lost ___ trees to the frost.", True),
        ("On the other hand, the lake froze ___ days early.", True),
        ("However, the dam held back ___ million cubic metres.", True),
        # an opening adverbial that carries its own reference is fine
        ("At the northern end of the valley, the river rose by ___ metres in a week.", False),
        ("By 2020 the herd had grown to ___ animals.", False),
        ("In the case of the old bridge, engineers added ___ beams.", False),
    ],
)
def test_an_opening_that_needs_the_sentence_before_is_gated(stem, gated):
    assert bool(gates.introduced_reference(number_cloze(stem, 5))) is gated


@pytest.mark.parametrize(
    ("stem", "gated"),
    [
        ("The center counts a lake as frozen when ___ percent of it is ice.", True),
        ("The office said the river carried ___ tonnes of silt.", True),
        ("The consortium mapped ___ caves.", True),
        # a centre the stem names, or a centre that is a place, not an organisation
        ("The Alpine Weather Center said the center logged ___ storms.", False),
        ("The rock is hotter than the center of the sun by ___ degrees.", False),
        ("The team counted ___ storks along the river.", False),
    ],
)
def test_an_organisation_named_only_by_its_head_noun_is_unintroduced(stem, gated):
    assert bool(gates.introduced_reference(number_cloze(stem, 5))) is gated


@pytest.mark.parametrize(
    ("stem", "hedged"),
    [
        ("The glacier probably reached its smallest size on ___, after a warm summer.", True),
        ("The bridge was likely built around ___ by local masons.", True),
        ("The wreck may have sunk in ___ metres of water.", True),
        ("The comet is thought to be ___ kilometres wide.", True),
        ("Possibly ___ wolves crossed the pass that winter.", True),
        # the hedge is in another clause joined by ", and"
        ("The lake froze on ___, and the rangers said it had probably frozen solid.", False),
        ("The glacier reached its smallest size on ___, after a warm summer.", False),
    ],
)
def test_a_claim_the_article_hedges_is_not_asked(stem, hedged):
    draft = with_source(number_cloze(stem, 5), stem.replace("___", "5"))
    assert hedged_claim(draft) is hedged


def test_a_hedged_true_false_statement_is_not_asked():
    assert hedged_claim(with_source(tf("The wreck probably sank in a storm."), "x"))
    assert not hedged_claim(with_source(tf("The wreck sank in a storm."), "x"))


def test_a_name_is_never_the_end_of_a_longer_capitalised_run():
    text = "The balloon came down west of Salt Lake City, near Cape Canaveral's twin."
    mentions, _ = find_mentions(text, Vocabulary())
    assert "Lake City" not in {m.text for m in mentions}


def test_a_one_word_name_after_a_modifier_and_a_name_after_a_possessive_stay():
    text = "Russia's Luna-25 spacecraft crashed, and the Mars Curiosity rover landed."
    mentions, _ = find_mentions(text, Vocabulary())
    assert {"Luna-25", "Curiosity"} <= {m.text for m in mentions}


def test_a_body_in_space_is_not_a_place():
    text = "The probe left Cape Canaveral for the asteroid Ryugu and the comet Wirtanen."
    mentions, _ = find_mentions(text, Vocabulary())
    kinds = {m.text: m.kind for m in mentions}
    assert kinds["Ryugu"] == kinds["Wirtanen"] == "body"
    assert kinds.get("Cape Canaveral") != "body"


@pytest.mark.parametrize(
    ("before", "number", "approximate"),
    [
        ("The reef began growing some ", "4.5", True),
        ("The glacier is roughly ", "1.8", True),
        ("The glacier is ", "1.8", False),  # an exact figure
        ("The glacier is roughly ", "1.83", False),  # three figures: the page is precise
        ("The herd has about ", "450", False),  # no decimal point to round
    ],
)
def test_a_rounded_two_figure_number_is_asked_as_the_article_gives_it(before, number, approximate):
    assert approximate_figure(before, number) is approximate


def test_the_prompt_of_a_rounded_figure_asks_for_the_article_s_figure(nlp):
    raw = (
        "Old rocks on the island\n\n"
        "Geologists said on Monday that the oldest rocks on the island formed some 3.2 "
        "billion years ago, long before the first plants appeared on land.\n"
    )
    bank, _ = generate_bank(raw, {"id": "rocks"})
    prompts = [q["prompt"] for q in bank["questions"] if q["type"] == "numeric"]
    assert any(p.endswith("as the article gives it?") for p in prompts), prompts
