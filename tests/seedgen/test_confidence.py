"""Drafts are kept only when they have the shape of a good question: a cut that keeps its
sentence's claim, a blank in that claim, references a student can identify, options
that cannot give themselves away, and true/false statements of one checkable claim.
Every sentence here was written for these tests."""

from dataclasses import replace

import pytest

from quizapp.seedgen import confidence, generate_bank
from quizapp.seedgen.extract import extract_blocks
from quizapp.seedgen.grounding import Page, page_context
from quizapp.seedgen.sentences import Sentence, split_sentences
from quizapp.seedgen.vocabulary import Vocabulary

from .test_generate_gates_select import candidate, number_cloze

PAGE = Page("", frozenset({"glacier", "ice", "win", "probe", "spacecraft"}), Vocabulary())


def cut_from(source, stem, answer):
    """A numeric cloze cut from ``source``; ``answer`` as the sentence writes it."""
    draft = replace(number_cloze(stem, answer), answers=(answer,))
    return replace(draft, sources=(Sentence(0, 0, 0, len(source), source, source),))


def statement(text):
    return candidate(
        type="truefalse", rule="truefalse.as_stated", prompt=text, stem=text,
        data={"answer": True}, answers=(), distractors=(), kind="statement",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("source", "stem", "answer"),
    [
        (  # a relative clause and a trailing participle go, the main clause stays
            "The ferry, which entered service in 2009, carries 412 passengers on each crossing, "
            "making it the largest on the lake.",
            "The ferry carries ___ passengers on each crossing.",
            "412",
        ),
        (  # an opening that only dates the event
            "In March, the council approved 14 new bus routes across the city.",
            "The council approved ___ new bus routes across the city.",
            "14",
        ),
        (  # a clause that states an event of its own stands without its main clause
            "The village celebrated after a team of divers recovered 37 bronze coins from the "
            "harbour.",
            "A team of divers recovered ___ bronze coins from the harbour.",
            "37",
        ),
        (  # a last coordinated phrase at the sentence's end
            "The rover became the fourth craft to land there and the first to reach the plains.",
            "The rover became the ___ craft to land there.",
            "fourth",
        ),
        (  # a time word that only made sense on the day
            "The glacier lost 12 metres of ice on Tuesday, the survey team said.",
            "The glacier lost ___ metres of ice.",
            "12",
        ),
    ],
)
def test_a_cut_that_keeps_the_main_clause_and_its_opening_is_confident(source, stem, answer):
    assert confidence.cut_keeps_its_claim(cut_from(source, stem, answer), PAGE) is None


@pytest.mark.parametrize(
    ("source", "stem", "answer", "fault"),
    [
        (  # the bound dropped: the old record is now stated as standing
            "Before the new survey, the tallest known tree was a redwood measured at 112 metres.",
            "The tallest known tree was a redwood measured at ___ metres.",
            "112",
            "opening",
        ),
        (  # the opening clause dropped, its appositive name left fused to the clause
            "When the crew reached a second valley, Kessel Gorge, they measured a wind speed of "
            "140 kilometres an hour.",
            "Kessel Gorge they measured a wind speed of ___ kilometres an hour.",
            "140",
            "opening",
        ),
        (  # a circumstance made a sentence: it times nothing any more
            "When the results came back on May 4 after 9 days, the doctors changed the treatment.",
            "The results came back on May 4 after ___ days.",
            "9",
            "'when' clause",
        ),
        (  # a clause from inside another subordinate clause
            "Farmers planted early because the forecasters said that the rains would arrive 12 "
            "days sooner.",
            "The rains would arrive ___ days sooner.",
            "12",
            "inside another",
        ),
        (  # a full stop added after an abbreviation's own
            "The museum holds 6 looms, lent by a collector in Salem, Ore., and plans to add more.",
            "The museum holds ___ looms, lent by a collector in Salem, Ore..",
            "6",
            "doubled",
        ),
        (  # the closing comma of a dropped restatement left behind
            "The reef lies more than 40 kilometres, or 25 miles, offshore, past the shipping "
            "lanes.",
            "The reef lies more than ___ kilometres, offshore.",
            "40",
            "comma",
        ),
    ],
)
def test_a_cut_that_changes_or_breaks_the_claim_is_set_aside(source, stem, answer, fault):
    assert fault in confidence.cut_keeps_its_claim(cut_from(source, stem, answer), PAGE)


def test_an_opening_it_named_from_the_sentence_before_is_no_cut():
    source = "It will pass the moon 12 times before it returns."
    draft = cut_from(
        source, "The Lunar Scout will pass the moon ___ times before it returns.", "12"
    )
    assert confidence.cut_keeps_its_claim(draft, PAGE) is None


@pytest.mark.parametrize(
    ("source", "answer"),
    [
        # a quotation of someone's words
        ('The curator said "the collection has grown by 300 pieces in a single year" at the '
         "opening.", "300"),
        # an appositive that describes a named person
        ("The prize went to Ana Ruiz, a chemist at the University of Lima who has studied soils "
         "for 20 years.", "20"),
        # a relative clause about a person
        ("The award was shared with the engineer Tom Berg, who spent 14 months at the station.",
         "14"),
        # a clause of circumstance
        ("The ceremony was delayed by an hour, when 3 buses broke down on the way.", "3"),
        # a restatement tacked on after a comma
        ("The storm struck the island on March 3, about 300 kilometres from the coast.", "300"),
        # a part set off between the subject and its verb
        ("The bridge, which cost about 40 million dollars, was opened by the mayor.", "40"),
    ],
)  # fmt: skip
def test_a_blank_outside_the_sentences_claim_is_set_aside(source, answer):
    stem = source.replace(answer, "___", 1)
    assert confidence.asks_the_claim(cut_from(source, stem, answer), PAGE)


@pytest.mark.parametrize(
    ("source", "answer"),
    [
        # a trailing relative clause about a thing carries the sentence's news
        ("The data came from a survey known as Coastwatch, which counted 2,400 seabirds along "
         "the shore.", "2,400"),
        # a noun phrase after a measure sums up the clause
        ("The day on the moonlet now lasts 11 hours and 23 minutes, a change of 32 minutes.",
         "32"),
        # "when" after a date says what happened then
        ("The lake froze on January 9, when the ice reached 12 centimetres.", "12"),
        # the main clause's verb after a relative clause of its subject
        ("The bridge, which was opened in 2019, carries 9,000 cars a day.", "9,000"),
        # a term in quotation marks is a name, not someone's words
        ('Engineers call the lifting rig the "sky hook" and used it 7 times.', "7"),
    ],
)  # fmt: skip
def test_a_blank_in_the_sentences_claim_is_confident(source, answer):
    stem = source.replace(answer, "___", 1)
    assert confidence.asks_the_claim(cut_from(source, stem, answer), PAGE) is None


def test_a_count_presented_as_known_is_set_aside():
    source = "The two companies that built the dam shared the cost."
    draft = cut_from(source, "The ___ companies that built the dam shared the cost.", "two")
    assert "known" in confidence.asks_the_claim(draft, PAGE)


@pytest.mark.parametrize(
    "stem",
    [
        "The reply reached the ground station on ___.",
        "The organizers announced a prize of ___ dollars.",
        "The nearby lake rose by ___ centimetres.",
        "Prices rose ___ percent after the announcement.",
    ],
)
def test_a_description_the_stem_does_not_ground_is_set_aside(stem):
    assert "not defined" in confidence.references_grounded(number_cloze(stem, 5), PAGE)


@pytest.mark.parametrize(
    "stem",
    [
        "The glacier lost ___ metres of ice.",  # the page's topic
        "The team measured ___ metres of ice.",  # a participant of any report
        "The summit of Mount Kessel rose by ___ metres.",  # defined by what follows
        "The drug, called Zentra, cut relapses by ___ percent.",  # named after it
        "The winners shared ___ dollars.",  # the doers of the headline's verb
        "Snow fell on ___ days over the following year.",  # a time
        "A crew found ___ cracks in an old dam, and the engineers fixed them.",  # refers back
        "The glacier lost ___ metres of ice, which surprised the organizers.",  # context only
        "The probe sent ___ images of the world's highest peak.",  # there is one world
    ],
)
def test_a_description_a_student_can_identify_is_confident(stem):
    assert confidence.references_grounded(number_cloze(stem, 5), PAGE) is None


def test_an_abbreviation_of_a_term_must_be_spelled_out_unless_common():
    page = replace(
        PAGE,
        text="The ground control unit, or GCU, failed. The Polar Research Institute (PRI) "
        "sent help. NASA watched.",
    )
    assert "GCU" in confidence.references_grounded(
        number_cloze("Engineers restarted the GCU after ___ hours.", 5), page
    )
    for stem in ("PRI sent ___ ships.", "NASA sent ___ ships.", "The ground control unit, or "
                 "GCU, restarted after ___ hours."):  # fmt: skip
        assert confidence.references_grounded(number_cloze(stem, 5), page) is None


def page_of(raw):
    return page_context(raw, split_sentences(raw, extract_blocks(raw)), Vocabulary())


def test_the_page_is_about_its_headline_and_the_nouns_after_its_subjects_name():
    raw = (
        "Capsule carrying moon rock lands in the Kestrel desert\n"
        "Scientists hope the samples will show how the early moon formed\n\n"
        "The Kestrel probe released the capsule four hours before it touched down safely.\n"
        "Engineers tracked the Kestrel probe from a station on the coast of Chile.\n"
    )
    topic = page_of(raw).topic_nouns
    assert {"capsule", "sample", "probe", "spacecraft"} <= topic
    assert "station" not in topic


def test_a_page_without_a_headline_is_about_its_first_sentence():
    raw = "The old lighthouse on the cape was rebuilt with 3,000 new bricks last spring.\n"
    assert {"lighthouse", "brick"} <= page_of(raw).topic_nouns


OPTIONS = {"person": ["Ana Ruiz", "Tom Berg", "Mei Lin"], "place": ["Chile", "Peru", "Bolivia"]}


def name_question(stem, kind, options=None):
    options = options or OPTIONS[kind]
    return candidate(stem=stem, kind=kind, data={"options": options, "answer": options[0]},
                     answers=(options[0],), distractors=tuple(options[1:]))  # fmt: skip


@pytest.mark.parametrize(
    ("draft", "fault"),
    [
        (name_question("The lead author, ___, is a Peruvian geologist.", "person"), "national"),
        (name_question("The Chilean probe was built in ___.", "place"), "points to"),
        (name_question("The rock was found by ___.", "person", ["Ana Ruiz", "Jezero Crater",
                                                              "Tom Berg"]), "a place"),
        (name_question("The flight left from ___.", "place", ["Denver", "Lake City", "Boise"]),
         "longer name"),
    ],
)  # fmt: skip
def test_options_that_give_themselves_away_are_set_aside(draft, fault):
    page = replace(PAGE, text="The flight left from Denver, not from Salt Lake City or Boise.")
    assert fault in confidence.options_cannot_give_away(draft, page)


def test_a_nationality_that_describes_something_else_gives_nothing_away():
    draft = name_question("A Peruvian llama farm was bought by ___, a firm in Lima.", "person")
    assert confidence.options_cannot_give_away(draft, PAGE) is None


@pytest.mark.parametrize(
    ("text", "fault"),
    [
        ("The bridge opened in 2019, and traffic doubled.", "two claims"),
        ("The rover landed in 2021 and then drove 40 metres.", "two claims"),
        ("The announcement was delayed by an unusual mistake.", "nothing checkable"),
        ("The Royal Society of Chemists.", "only a name"),
    ],
)
def test_a_statement_of_two_claims_or_nothing_checkable_is_set_aside(text, fault):
    assert fault in confidence.one_claim_statement(statement(text), PAGE)


def test_a_statement_of_one_checkable_claim_is_confident():
    assert confidence.one_claim_statement(statement("The bridge opened in 2019."), PAGE) is None


def test_the_first_failing_condition_names_the_reason():
    draft = number_cloze("The reply reached the ground station after ___ hours.", 5)
    name, reason = confidence.confidence_failure(draft, PAGE)
    assert name == "references_grounded" and "the reply" in reason
    assert (
        confidence.confidence_failure(number_cloze("The glacier lost ___ metres.", 5), PAGE) is None
    )


HEADLINE = "Survey finds the mountain glaciers shrinking fast\n\n"
ARTICLE = (
    HEADLINE + "The glacier on Mount Kessel lost 12 metres of ice in 2021, and the survey found "
    "30 new crevasses.\nThe reply reached the station after 14 hours of silence.\n"
)


def test_a_draft_set_aside_is_counted_under_its_condition(nlp):
    bank, stats = generate_bank(ARTICLE, {"id": "kessel"})
    assert stats.rejected["references_grounded"] == 1 and len(stats.set_aside) == 1
    assert not any("reply" in q["prompt"] for q in bank["questions"])


def test_a_reviewer_can_restore_a_draft_set_aside(nlp):
    _, stats = generate_bank(ARTICLE, {"id": "kessel"})
    bank, restored = generate_bank(ARTICLE, {"id": "kessel"}, restored=frozenset(stats.set_aside))
    assert [q["id"] for q in bank["questions"] if "reply" in q["prompt"]] == stats.set_aside
    assert restored.restored == stats.set_aside and not restored.set_aside
    assert restored.kept_anyway == {"restored by review (references_grounded)": 1}


def test_an_article_whose_drafts_are_all_set_aside_keeps_its_best_one(nlp):
    raw = HEADLINE + "The reply reached the station after 14 hours of silence, engineers said.\n"
    bank, stats = generate_bank(raw, {"id": "reply"})
    assert len(bank["questions"]) == 1
    assert stats.kept_anyway == {"the article's only draft (references_grounded)": 1}
