"""The year of a sentence's main past event, asked with nearby years as options."""

import pytest

from quizapp.seedgen.extract import Block
from quizapp.seedgen.facts import article_facts
from quizapp.seedgen.sentences import split_sentences
from quizapp.seedgen.vocabulary import Vocabulary
from quizapp.seedgen.years import event_year_questions

DATELINE = "Published June 3, 2024. "


def year_drafts(sentence):
    text = DATELINE + sentence
    blocks = [Block(0, len(text), text)]
    facts = article_facts(text, split_sentences(text, blocks), Vocabulary(), None)
    return list(event_year_questions(facts, Vocabulary()))


@pytest.mark.parametrize(
    ("sentence", "answer"),
    [
        ("In 1962, a farmer near Lyon found the first fossil of the species.", "1962"),
        ("The bridge over the estuary was opened in 1998 by the regional council.", "1998"),
        (
            "The old harbour town was buried by ash in A.D. 62, long before the port grew.",
            "A.D. 62",
        ),
        ("The first vaccine for the disease was approved in 2021, after a long trial.", "2021"),
    ],
)
def test_the_year_of_the_main_past_event_is_asked(sentence, answer):
    (draft,) = year_drafts(sentence)
    assert draft.rule == "mcq.event_year"
    assert draft.data["answer"] == answer
    assert draft.prompt.endswith("Which year fills the blank?")
    assert "___" in draft.stem and answer not in draft.stem
    assert len(draft.data["options"]) == 4


@pytest.mark.parametrize(
    "sentence",
    [
        "The lake, whose flood in 1987 drowned the valley, is now a reserve for birds.",
        "The museum shows tools from digs that began at the site in 2003 under a new law.",
        "The company will open a second factory near the coast in 2027.",
        "Two ferries were built for the island in 2015 and 2016 by a yard in Gdansk.",
        "The glacier has shrunk by half since the survey, which was made in 1990.",
    ],
)
def test_a_year_that_is_not_the_time_of_the_main_event_is_not_asked(sentence):
    assert year_drafts(sentence) == []


def test_wrong_years_are_never_later_than_the_page_and_never_in_the_stem():
    (draft,) = year_drafts(
        "The survey of the reef, planned since 2020, was finished in 2022 by divers."
    )
    wrong = [o for o in draft.data["options"] if o != "2022"]
    assert all(int(y) <= 2024 for y in wrong)
    assert "2020" not in wrong


@pytest.mark.parametrize(
    "sentence",
    [
        "The lizard was last seen in 1961 on a wooded slope above the river.",
        "The beetle was described in 1998 from a single specimen kept in a drawer.",
        "Divers only realised that the wreck belonged to a lost warship in 2004, "
        "when a bell was raised.",
    ],
)
def test_a_passive_or_reported_past_event_gives_its_year(sentence):
    (draft,) = year_drafts(sentence)
    assert draft.rule == "mcq.event_year"


def test_a_year_in_a_relative_clause_after_that_is_still_not_asked():
    assert not year_drafts("The skull that a farmer collected in 1961 sits in a museum.")
