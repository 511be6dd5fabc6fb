"""Phrase-shape questions, two-sentence sources and the option-form rules, on real sentences."""

from quizapp.seedgen.extract import Block, extract_blocks
from quizapp.seedgen.facts import article_facts
from quizapp.seedgen.gates import dangling_reference, distractor_form, run_gates
from quizapp.seedgen.generate import (
    mcq_entity_cloze,
    multi_same_kind,
    short_entity_cloze,
)
from quizapp.seedgen.phrasal import (
    multi_separated_parts,
    numeric_released,
    numeric_wait,
    short_attached,
    short_covered,
    short_expected,
    short_nickname,
)
from quizapp.seedgen.sentences import split_sentences
from quizapp.seedgen.truefalse import truefalse_statements

WAIT = "It will be at least a week before the rover starts driving."
INGENUITY = (
    "It will be at least one or two months until Perseverance will find a flat location to "
    "drop off Ingenuity, the mini-helicopter attached to the rover’s belly, and even longer "
    "before it finally hits the road, beginning its science mission and searching for its "
    "first sample of Martian rock and sediment."
)
DUST = (
    "The image is not sharp because the navigation camera that took the image was covered in a "
    "layer of dust just after landing."
)
MAST = (
    "Several pyrotechnic charges are expected to fire later on Friday, releasing Perseverance’s "
    "mast (the “head” of the rover) from where it is fixed on the rover’s deck."
)
VIDEO = (
    "On February 22, 2021, a unique video of the landing itself was published at the NASA press "
    "conference for the landing of the Perseverance probe. The video captures the landing "
    "maneuver, from throwing off the heat shield, to the actual landing of the probe on the "
    "surface of Mars in the exact desired location."
)
PARTS = (
    "During the landing maneuver, these separated automatically at the required time and landed "
    "on the surface at a safe distance from the probe itself. Individual parts: Parachute & Back "
    "Shell, Descent Stage, Perseverance rover, Heat Shield."
)


def facts_of(text, vocabulary):
    blocks = [Block(0, len(text), text)]
    return article_facts(text, split_sentences(text, blocks), vocabulary, None)


def one(rule, text, vocabulary):
    (candidate,) = rule(facts_of(text, vocabulary), vocabulary)
    assert run_gates(candidate, [text]) is None
    return candidate


def test_wait_asks_for_the_single_number_with_its_unit(vocabulary):
    candidate = one(numeric_wait, WAIT, vocabulary)
    assert candidate.prompt == "At least how many weeks will pass before the rover starts driving?"
    assert candidate.data == {"answer": 1, "tolerance": 0, "unit": "week"}
    assert list(numeric_wait(facts_of(INGENUITY, vocabulary), vocabulary)) == []  # a range


def test_attached_asks_where_without_the_pronoun_opening(vocabulary):
    candidate = one(short_attached, INGENUITY, vocabulary)
    assert candidate.prompt == "Where on the rover is Ingenuity, the mini-helicopter, attached?"
    assert "belly" in candidate.data["answers"] and "the rover's belly" in candidate.data["answers"]


def test_covered_asks_what_covered_it_without_the_picture(vocabulary):
    candidate = one(short_covered, DUST, vocabulary)
    assert candidate.prompt == "What covered the navigation camera just after landing?"
    assert candidate.data["answers"] == ["a layer of dust", "dust"]


def test_stale_time_words_and_nicknames_are_not_asked(vocabulary):
    (expected,) = short_expected(facts_of(MAST, vocabulary), vocabulary)
    assert "pyrotechnic charges" in expected.data["answers"]
    assert run_gates(expected, [MAST])[0] == "no_stale_time"  # "later on Friday"
    (nickname,) = short_nickname(facts_of(MAST, vocabulary), vocabulary)
    assert run_gates(nickname, [MAST])[0] == "not_trivia"  # the mast as the rover's "head"


def test_the_video_gets_its_referent_from_the_sentence_before(vocabulary):
    facts = facts_of(VIDEO, vocabulary)
    joined = [sf for sf in facts.sentences if sf.sentence.text == VIDEO]
    assert len(joined) == 1 and VIDEO[joined[0].sentence.start : joined[0].sentence.end] == VIDEO
    assert [m.text for m in joined[0].mentions] == ["heat shield"]  # facts of the second only
    shorts = [c for c in short_entity_cloze(facts, vocabulary) if c.answers == ("heat shield",)]
    alone, together = sorted(shorts, key=lambda c: len(c.sources[0].text))
    assert dangling_reference(alone) and dangling_reference(together) is None
    assert together.prompt.startswith("On February 22, 2021, a unique video")
    # two sentences make a statement too long to judge at a glance
    assert all(c.sources[0].text != VIDEO for c in truefalse_statements(facts, vocabulary))


def test_separated_parts_lists_landing_parts_against_rover_parts(vocabulary):
    candidate = one(multi_separated_parts, PARTS, vocabulary)
    assert candidate.prompt.startswith(
        "During the landing maneuver, which of these parts separated"
    )
    assert candidate.prompt.endswith("from the probe itself (select all that apply)?")
    assert candidate.data["answers"] == ["Descent Stage", "Heat Shield", "Parachute & Back Shell"]
    assert "Perseverance rover" not in candidate.data["options"]
    assert set(candidate.distractors) == {
        "Robotic Arm",
        "Remote Sensing Mast",
        "Ingenuity Helicopter",
    }
    assert distractor_form(candidate) is None


def test_the_picture_without_its_referent_dangles(vocabulary):
    text = (
        'Chief engineer Adam Steltzner called the picture "iconic," putting it right up there '
        "with photos of Apollo 11's Buzz Aldrin on the moon."
    )
    (cloze,) = short_entity_cloze(facts_of(text, vocabulary), vocabulary)
    assert dangling_reference(cloze) == "refers to missing context: 'the picture'"


def test_options_are_written_alike_and_agree_in_number(vocabulary):
    multi_text = (
        "The Navigation Cameras (Navcams), which are used for driving, share space on the mast "
        "with two science cameras: the zoomable Mastcam-Z and a laser instrument called SuperCam."
    )
    (multi,) = multi_same_kind(facts_of(multi_text, vocabulary), vocabulary)
    assert "Hazard Cameras" not in multi.data["options"]
    plural = (
        "The mast is scheduled to be raised Saturday, Feb. 20, after which the Navcams are "
        "expected to take panoramas of the rover’s deck and its surroundings."
    )
    for candidate in mcq_entity_cloze(facts_of(plural, vocabulary), vocabulary):
        assert candidate.data["answer"] != "Navcams"  # too few plural camera names to offer


def test_quoted_nickname_is_not_offered_among_plain_names(vocabulary):
    text = (
        "The six-wheeled robot delivered a first-of-its-kind image of the rover being lowered by "
        "its “jet pack” to the Martian surface while landing on Feb. 18."
    )
    assert all(
        c.data["answer"] != "jet pack"
        for c in mcq_entity_cloze(facts_of(text, vocabulary), vocabulary)
    )


def test_long_statements_are_not_true_false_items(vocabulary):
    text = (
        "Less than a day after NASA’s Mars 2020 Perseverance rover successfully landed on the "
        "surface of Mars, engineers and scientists at the agency’s Jet Propulsion Laboratory in "
        "Southern California were hard at work, awaiting the next transmissions from Perseverance."
    )
    assert list(truefalse_statements(facts_of(text, vocabulary), vocabulary)) == []


def test_whole_article_keeps_the_new_questions(raw_articles, vocabulary):
    raw = raw_articles["first-images-and-video"]
    facts = article_facts(raw, split_sentences(raw, extract_blocks(raw)), vocabulary, None)
    assert any(sf.sentence.text.startswith("On February 22") and "The video" in sf.sentence.text
               for sf in facts.sentences)  # fmt: skip


def test_released_keeps_the_bound_and_unit(vocabulary):
    text = (
        "Images were released by NASA Friday, less than 24 hours after the Perseverance rover "
        "successfully landed near an ancient river delta to search for signs of life."
    )
    candidate = one(numeric_released, text, vocabulary)
    assert candidate.prompt == (
        "Less than how many hours after the Perseverance rover successfully landed did NASA "
        "release images?"
    )
    assert candidate.data == {"answer": 24, "tolerance": 0, "unit": "hours"}
