"""Date questions on times a page gives relative to its publication
(``relative_questions``).

The page is written for these tests; it was published on Friday, Jan. 3, 2025, so its
"Tuesday" is the last day of 2024.
"""

import datetime as dt
import re
from dataclasses import replace

import pytest
from dateutil import parser

from quizapp.seedgen import generate_bank
from quizapp.seedgen.extract import extract_blocks
from quizapp.seedgen.facts import article_facts
from quizapp.seedgen.gates import no_stale_time
from quizapp.seedgen.relative_questions import relative_time_questions
from quizapp.seedgen.sentences import split_sentences
from quizapp.seedgen.stems import WEEKDAY
from quizapp.seedgen.vocabulary import Vocabulary

SENTENCES = (
    "The Ardent lander touched down on a frozen plain of the moon Callisto on Tuesday, "
    "ending a journey of six years.",
    "On Wednesday night, mission controllers in Darmstadt received the first panorama from "
    "the mast camera of the lander.",
    "Engineers picked the landing site in November after a long study of radar maps.",
    "The lander entered orbit around Callisto on Dec. 20 after a final engine burn of nine "
    "minutes.",
    "The lander will drill into the ice on Monday to look for salts from an ocean below.",
    "Flight controllers could start the drill on Sunday if the lander stays warm enough.",
    "The first images showed ridges of dark ice, the mission scientists said on Thursday.",
    "Thursday's briefing in Darmstadt drew reporters from twelve countries to the control room.",
    "The probe left Earth in 2018 and reached the Jupiter system in March after a long cruise.",
    "The echo the radar picked up in October was the faintest ever returned by an icy moon.",
)
PAGE = (
    "ORBITAL TIMES\nHome | Space | Science | Opinion\n\n"
    "European lander settles on the icy moon Callisto\n"
    "Published Jan. 3, 2025 at 9:15 a.m. ET\nBy Sam Ortega, Space Reporter\n\n"
    + "\n\n".join(SENTENCES)
    + "\n"
)
PUBLISHED = dt.date(2025, 1, 3)


@pytest.fixture(scope="module")
def questions(nlp):
    sentences = split_sentences(PAGE, extract_blocks(PAGE))
    facts = article_facts(PAGE, sentences, Vocabulary(), PUBLISHED)
    return {q.sources[0].clean: q for q in relative_time_questions(facts, Vocabulary())}


def test_a_weekday_is_asked_as_the_date_it_names(questions):
    question = questions[SENTENCES[0]]
    assert question.rule == "mcq.relative_date"
    assert question.stem == (
        "The Ardent lander touched down on a frozen plain of the moon Callisto on ___, "
        "ending a journey of six years."
    )
    assert question.data["answer"] == "December 31, 2024"
    assert sorted(question.data["options"]) == sorted(
        ["December 31, 2024", "December 30, 2024", "January 1, 2025", "December 29, 2024"]
    )


def test_wrong_days_are_around_the_key_and_never_in_a_later_year(questions):
    assert sorted(questions[SENTENCES[1]].data["options"]) == sorted(
        ["December 30, 2024", "December 31, 2024", "January 1, 2025", "January 2, 2025"]
    )
    for question in questions.values():
        for option in question.data["options"]:
            assert parser.parse(option, default=dt.datetime(2000, 1, 1)).year <= PUBLISHED.year


def test_the_source_is_the_sentence_as_written_and_the_explanation_says_how(questions):
    question = questions[SENTENCES[0]]
    assert question.sources[0].clean == SENTENCES[0]
    assert PAGE[question.source_start : question.source_end] == SENTENCES[0]
    assert 'gives the day as "on Tuesday"' in question.explanation
    assert "published on January 3, 2025" in question.explanation


def test_a_part_of_the_day_goes_into_the_blank_with_its_weekday(questions):
    question = questions[SENTENCES[1]]
    assert question.stem.startswith("On ___, mission controllers")
    assert 'gives the day as "On Wednesday night"' in question.explanation
    assert question.data["answer"] == "January 1, 2025"


def test_a_month_without_a_year_is_asked_as_month_and_year(questions):
    question = questions[SENTENCES[2]]
    assert question.rule == "mcq.relative_month"
    assert question.stem == (
        "Engineers picked the landing site in ___ after a long study of radar maps."
    )
    assert question.data["answer"] == "November 2024"
    assert "Which month and year fill the blank?" in question.prompt


def test_a_day_without_a_year_gets_the_year_before_publication(questions):
    question = questions[SENTENCES[3]]
    assert question.data["answer"] == "Dec. 20, 2024"
    assert "Dec. 19, 2024" in question.data["options"]


@pytest.mark.parametrize(
    "sentence",
    [
        SENTENCES[4],  # a plan: "will drill on Monday"
        SENTENCES[5],  # hedged: "could start the drill on Sunday"
        SENTENCES[6],  # when the claim was reported, not when it happened
        SENTENCES[7],  # a possessive weekday
        SENTENCES[8],  # "in March" after another year
        SENTENCES[9],  # the time of a clause describing the subject
    ],
)
def test_times_that_do_not_date_a_past_event_are_not_asked(questions, sentence):
    assert sentence not in questions


def test_no_stem_keeps_a_weekday(questions):
    assert len(questions) == 4
    for question in questions.values():
        assert not re.search(WEEKDAY, question.prompt)
        assert no_stale_time(question) is None


def test_a_stem_that_still_holds_a_weekday_stays_stale(questions):
    question = questions[SENTENCES[0]]
    stale = question.prompt.replace("six years", "six years, as planned on Monday")
    assert no_stale_time(replace(question, prompt=stale)) is not None


def test_the_page_header_dates_the_bank_without_metadata(nlp):
    bank, _ = generate_bank(PAGE, {"id": "callisto"})
    dated = [q for q in bank["questions"] if q["rule"] == "mcq.relative_date"]
    assert any(q["answer"] == "December 31, 2024" for q in dated)
    for question in dated:
        assert not re.search(WEEKDAY, question["prompt"])
        source = question["sources"][0]
        assert PAGE[source["start"] : source["end"]] == source["text"]
