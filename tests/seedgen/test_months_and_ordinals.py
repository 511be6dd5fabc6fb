"""Month-and-year dates of an event, ranks ("the fourth country to ..."), and the place
that came first, asked from sentences written for these tests."""

import pytest

from quizapp.seedgen.extract import Block
from quizapp.seedgen.facts import article_facts
from quizapp.seedgen.monthyears import month_year_questions
from quizapp.seedgen.ordinals import first_place_questions, ordinal_questions
from quizapp.seedgen.sentences import split_sentences
from quizapp.seedgen.vocabulary import Vocabulary

DATELINE = "Published June 3, 2024. "


def drafts(rule, *sentences):
    text = DATELINE + " ".join(sentences)
    blocks = [Block(0, len(text), text)]
    facts = article_facts(text, split_sentences(text, blocks), Vocabulary(), None)
    return list(rule(facts, Vocabulary()))


def test_the_month_and_year_of_a_past_event_is_asked_with_nearby_months():
    (draft,) = drafts(month_year_questions, "The ferry entered service in October 2022.")
    assert draft.rule == "mcq.event_month"
    assert draft.data["answer"] == "October 2022"
    assert draft.stem == "The ferry entered service in ___."
    assert sorted(draft.data["options"]) == sorted(
        ["August 2022", "October 2022", "December 2022", "June 2022"]
    )


def test_a_past_event_gets_no_option_after_the_pages_latest_year():
    (draft,) = drafts(month_year_questions, "The bridge was opened in November 2023.")
    assert all(option.endswith(("2023", "2024")) for option in draft.data["options"])
    options = drafts(month_year_questions, "The dam was finished in December 2024.")[0]
    assert "February 2025" not in options.data["options"]


def test_a_future_event_in_the_main_clause_may_have_later_months():
    (draft,) = drafts(month_year_questions, "The probe will reach the comet in March 2031.")
    assert draft.data["answer"] == "March 2031"
    assert "May 2031" in draft.data["options"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The agency was expected to decide on the drug in December 2023.",
        "The glacier, which began to retreat in May 2019, is now half its size.",
        "The crew repaired the hull before it sailed in April 2022.",
        "The telescope could start work in July 2027.",
        "The museum reopened in March 2021 and in May 2022.",
    ],
)
def test_a_month_that_is_not_the_main_events_time_is_not_asked(sentence):
    assert not drafts(month_year_questions, sentence)


def test_a_rank_in_the_main_clause_is_asked_with_the_ordinals_around_it():
    (draft,) = drafts(ordinal_questions, "The island became the third nation to ban plastic bags.")
    assert draft.rule == "mcq.ordinal"
    assert draft.data["answer"] == "third"
    assert draft.stem == "The island became the ___ nation to ban plastic bags."
    assert sorted(draft.data["options"]) == ["first", "fourth", "second", "third"]


def test_a_rank_joined_to_a_second_rank_is_asked_alone_and_never_offers_the_other():
    (draft,) = drafts(
        ordinal_questions,
        "A small rover landed on the plain, making Japan the fifth country to land "
        "softly on the moon and the first to land with such precision.",
    )
    assert draft.data["answer"] == "fifth"
    assert draft.stem.endswith("the ___ country to land softly on the moon.")
    assert "first" not in draft.data["options"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The team found the first signs of the disease in the north.",
        "The company, which became the second firm to sell the drug, grew fast.",
        "Lightning struck twice in the first hour of the storm.",
        "It was the first journey to an ocean world.",
    ],
)
def test_a_first_a_side_clause_rank_or_an_unranked_ordinal_is_not_blanked(sentence):
    assert not drafts(ordinal_questions, sentence)


PLACES = (
    "Trials ran at four sites in Peru, Chile, Bolivia and Ecuador.",
    "Farmers in Colombia, which in May became the first country to approve the seed, "
    "and in Brazil have planted it.",
)


def test_the_place_that_came_first_is_asked_with_other_listed_places_as_options():
    (draft,) = drafts(first_place_questions, *PLACES)
    assert draft.rule == "mcq.first_place"
    assert draft.prompt == "Which country was the first to approve the seed?"
    assert draft.data["answer"] == "Colombia"
    assert sorted(draft.data["options"]) == ["Bolivia", "Chile", "Colombia", "Peru"]


def test_a_first_place_needs_other_places_of_the_page():
    assert not drafts(first_place_questions, PLACES[1])


def test_the_articles_own_subject_is_never_the_first_place():
    repeated = " ".join(f"Colombia grew more of it in {year}." for year in (2001, 2002, 2003))
    assert not drafts(first_place_questions, *PLACES, repeated)
