"""Names an article introduces with an appositive, a kind noun or a title, and the
questions asked about them."""

import pytest

from quizapp.seedgen.candidate import Candidate
from quizapp.seedgen.extract import Block
from quizapp.seedgen.facts import article_facts
from quizapp.seedgen.gates import distractor_form
from quizapp.seedgen.introduced import introduced_names
from quizapp.seedgen.introduced_questions import introduced_name_questions
from quizapp.seedgen.keys import with_fair_key
from quizapp.seedgen.name_gates import make_people_introduced, name_not_split, points_back
from quizapp.seedgen.sentences import split_sentences
from quizapp.seedgen.vocabulary import Vocabulary

ARTICLE = (
    "Engineers at a brewery in Leeds have turned spent grain into a cheap filter for "
    "drinking water, the brewery said. "
    "The filter was designed by Aquarion, a water technology company in Bristol, England, "
    "whose chemists tested it on samples from three rivers. "
    "The grain is first baked by the start-up company Husk Materials to remove its oils. "
    "Dr. Helen Okafor, a chemist at the University of Leeds who was not involved, said the "
    "result was promising. "
    "A rival company, Clearbed Systems, sells a filter made from coconut shells. "
    "The first grain filters were tested in the town of Otley in 2019, long before the "
    "brewery joined the project. "
    "Okafor said the team had measured the flow of water through the filter for six months."
)


def facts_of(text):
    blocks = [Block(0, len(text), text)]
    return article_facts(text, split_sentences(text, blocks), Vocabulary(), None)


def found(text):
    return {(i.kind, i.sort, i.name) for i in introduced_names(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The pump was built by Fluxa, a robotics firm near Oslo, for the museum.",
            {("organisation", "company", "Fluxa")},
        ),
        (
            "The bones were dated by the geologist Maria Santos of Lisbon last spring.",
            {("person", "person", "Maria Santos")},
        ),
        (
            "Prof. Ken Ito and Dr. Lea Berg, the two researchers who ran the survey, agreed.",
            {("person", "person", "Ken Ito"), ("person", "person", "Lea Berg")},
        ),
        (
            "The ferry sails to Rurutu, a small island south of Tahiti, twice a month.",
            {("place", "island", "Rurutu")},
        ),
        (
            "The drug is sold by vaxogen, a maker of vaccines in Ghent, across Europe.",
            set(),  # a word with no capital is no name
        ),
    ],
)
def test_a_name_is_introduced_by_its_appositive_kind_noun_or_title(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Instead, the team used a camera that was mounted on a balloon over the bay.",
        "Santos, a geologist at the museum, studied the bones for three years.",
        "The rover reached Kilauea, the largest of the island's five volcanoes, in May.",
        "The fish were found near the capital of Peru, where the river meets the sea.",
    ],
)
def test_no_name_is_read_from_a_common_opener_a_surname_or_a_plural(text):
    assert found(text) == set()


def test_a_camel_case_company_is_introduced_and_offered_like_other_names():
    assert found("It was made by eVolt, a battery company in Lyon, France.") == {
        ("organisation", "company", "eVolt")
    }
    options = Candidate("mcq", "r", "p", {}, "", (), "", ("eVolt",), "organisation",
                        ("Husk Materials", "Clearbed Systems"))  # fmt: skip
    assert distractor_form(options) is None


def test_an_introduced_company_is_asked_with_companies_of_the_article_as_options():
    drafts = list(introduced_name_questions(facts_of(ARTICLE), Vocabulary()))
    aquarion = next(d for d in drafts if d.answers == ("Aquarion",))
    assert aquarion.type == "mcq"
    assert aquarion.prompt.startswith("The filter was designed by ___, a water technology")
    assert aquarion.prompt.endswith("Which company fills the blank?")
    assert set(aquarion.data["options"]) == {"Aquarion", "Husk Materials", "Clearbed Systems"}


def test_a_person_without_enough_people_is_typed_with_a_fair_key():
    facts = facts_of(ARTICLE)
    drafts = list(introduced_name_questions(facts, Vocabulary()))
    okafor = next(d for d in drafts if d.answers == ("Helen Okafor",))
    assert okafor.type == "short"
    assert okafor.prompt.startswith("Dr. ___, a chemist at the University of Leeds")
    assert okafor.prompt.endswith("Who fills the blank?")
    keyed = with_fair_key(okafor, facts, Vocabulary())
    assert {"Helen Okafor", "Dr. Helen Okafor", "Okafor"} <= set(keyed.data["answers"])


def test_the_article_subject_is_never_asked():
    subject = (
        "Volta, a battery company in Turin, Italy, has built a cell that charges in a minute. "
        "The company said the cell lasts ten years. "
        "The company will sell the cell in 2026. "
        "Analysts said the company could soon be worth more than its rivals. "
    )
    drafts = list(introduced_name_questions(facts_of(subject), Vocabulary()))
    assert not [d for d in drafts if d.answers == ("Volta",)]


def test_a_stem_must_introduce_every_person_it_names():
    facts = facts_of(ARTICLE)
    gate = make_people_introduced(facts)
    bare = "Okafor said the team measured ___ months."
    full = "Dr. Helen Okafor said the team measured ___ months."
    bare, full = (Candidate("numeric", "r", "p", {}, "", (), s, ("6",), "n") for s in (bare, full))
    assert "Okafor" in gate(bare)
    assert gate(full) is None


@pytest.mark.parametrize(
    ("stem", "split"),
    [
        ("The study was led by the University of Nebraska-___ and two museums.", True),
        ("The ___-Lincoln team described the fossil.", True),
        ("A ___-year-old woman from Otley found the fossil.", False),
        ("The fossil was found by ___, a student from Otley.", False),
    ],
)
def test_a_blank_never_splits_a_hyphenated_name(stem, split):
    candidate = Candidate("short", "r", "p", {}, "", (), stem, ("x",), "place")
    assert (name_not_split(candidate) is not None) is split


@pytest.mark.parametrize(
    ("stem", "points"),
    [
        ("Dr. ___, who led that operation, later won a prize.", True),
        ("The dogs in these trials were fed twice a day by ___.", True),
        ("Scientists said that ___ grams of grain filter a liter.", False),
        ("The grain that ___ bakes is dried in the sun.", False),
    ],
)
def test_a_stem_does_not_point_back_at_an_earlier_sentence(stem, points):
    candidate = Candidate("short", "r", "p", {}, "", (), stem, ("x",), "place")
    assert (points_back(candidate) is not None) is points
