"""Landing-hardware names, role-aware topics and article-grounded name swaps."""

from quizapp.seedgen.classify import topic
from quizapp.seedgen.extract import Block
from quizapp.seedgen.facts import article_facts
from quizapp.seedgen.gates import dangling_reference
from quizapp.seedgen.generate import (
    mcq_entity_cloze,
    numeric_quantity,
    short_entity_cloze,
)
from quizapp.seedgen.matching import matching_described
from quizapp.seedgen.names import pick_distractors
from quizapp.seedgen.select import select
from quizapp.seedgen.sentences import split_sentences
from quizapp.seedgen.truefalse import truefalse_statements
from quizapp.seedgen.whq import seen_in_image, which_relative


def facts_of(text, vocabulary):
    blocks = [Block(0, len(text), text)]
    return article_facts(text, split_sentences(text, blocks), vocabulary, None)


CRANE = (
    "The rover is shown in stunning detail just 6 1/2 feet (2 meters) off the ground, being "
    "lowered by cables attached to an overhead sky crane, the red dust kicked up by rocket "
    "engines."
)
JET_PACK = (
    "The six-wheeled robot delivered a first-of-its-kind image of the rover being lowered by "
    "its “jet pack” to the Martian surface while landing on Feb. 18."
)
DESCENT = (
    "The descent stage holding NASA's Perseverance rover can be seen falling through the "
    "Martian atmosphere in an image taken on Feb. 18, 2021 by the HiRISE camera aboard the Mars "
    "Reconnaissance Orbiter."
)
MAST = (
    "The Navigation Cameras (Navcams), which are used for driving, share space on the mast "
    "with two science cameras: the zoomable Mastcam-Z and a laser instrument called SuperCam."
)


def test_landing_hardware_is_a_kind_with_same_part_aliases(vocabulary):
    facts = facts_of(CRANE, vocabulary)
    kinds = {m.text: m.kind for m in facts.sentences[0].mentions}
    assert kinds == {"cables": "hardware", "sky crane": "hardware", "rocket engines": "hardware"}
    wrong = pick_distractors("jet pack", "hardware", "lowered by its ___", facts, vocabulary, 6)
    assert "descent stage" not in wrong and "sky crane" not in wrong  # the same part
    assert "heat shield" in wrong


def test_hardware_cloze_offers_other_parts(vocabulary):
    mcqs = list(mcq_entity_cloze(facts_of(CRANE, vocabulary), vocabulary))
    engines = next(c for c in mcqs if c.data["answer"] == "rocket engines")
    assert engines.prompt.endswith(
        "kicked up by ___. Which part of the landing system fills the blank?"
    )
    assert set(engines.distractors) <= {"heat shield", "parachute", "back shell", "descent stage"}


def test_short_hardware_answer_accepts_the_same_part_by_another_name(vocabulary):
    shorts = list(short_entity_cloze(facts_of(JET_PACK, vocabulary), vocabulary))
    answers = shorts[0].data["answers"]
    assert answers[0] == "jet pack" and "sky crane" in answers and "descent stage" in answers


def test_topic_follows_what_the_question_asks(vocabulary):
    observer = next(
        c for c in seen_in_image(facts_of(DESCENT, vocabulary), vocabulary) if c.type == "short"
    )
    assert observer.kind == "camera" and topic(observer) == "landing"  # an image of the landing
    mast = next(c for c in which_relative(facts_of(MAST, vocabulary), vocabulary))
    assert topic(mast) == "instruments"  # what the cameras are used for
    cloze = next(c for c in short_entity_cloze(facts_of(DESCENT, vocabulary), vocabulary)
                 if c.kind == "camera")  # fmt: skip
    assert topic(cloze) == "instruments"  # a fill-in asks for the camera itself


def test_organisation_swaps_use_names_the_article_gives(vocabulary):
    text = (
        "JPL, a division of Caltech in Pasadena, California, manages the Mars 2020 mission. "
        "JPL leads the orbiter’s mission, while the HiRISE instrument is led by the University "
        "of Arizona. Subsequent NASA missions, in cooperation with ESA (European Space Agency), "
        "will send spacecraft to Mars."
    )
    swaps = [
        c.prompt
        for c in truefalse_statements(facts_of(text, vocabulary), vocabulary)
        if c.rule == "truefalse.swap_entity"
    ]
    assert "ESA manages the Mars 2020 mission." in swaps  # the appositive is not the claim
    assert not any("Los Alamos" in s for s in swaps)  # a name only the vocabulary knows
    assert "The HiRISE instrument is led by JPL." not in swaps  # said of the orbiter
    assert all("with ESA (European Space Agency)" in s for s in swaps if "cooperation" in s)


def test_matching_described_pairs_names_with_what_the_article_says(vocabulary):
    hazcams = (
        "After landing, two of the Hazard Cameras (Hazcams) captured views from the front and "
        "rear of the rover, showing one of its wheels in the Martian dirt."
    )
    (matching,) = matching_described(facts_of(f"{MAST} {hazcams}", vocabulary), vocabulary)
    assert matching.data["pairs"] == [
        ["Navcams", "cameras used for driving"],
        ["Mastcam-Z", "a zoomable science camera"],
        ["SuperCam", "a laser instrument"],
        ["Hazcams", "cameras that captured views from the front and rear of the rover"],
    ]
    assert "used for driving" in matching.answers and "laser instrument" in matching.answers


def test_two_numbers_of_different_things_from_one_sentence_are_both_kept(vocabulary):
    text = (
        "NASA equipped the spacecraft with a record 25 cameras and two microphones, many of "
        "which were turned on during Thursday's descent."
    )
    numeric = list(numeric_quantity(facts_of(text, vocabulary), vocabulary))
    kept, _ = select(numeric)
    assert sorted((c.data["answer"], c.data["unit"]) for c in kept) == [
        (2, "microphones"),
        (25, "cameras"),
    ]


def test_a_sentence_about_the_video_needs_its_referent(vocabulary):
    text = (
        "The video captures the landing maneuver, from throwing off the heat shield, to the "
        "actual landing of the probe on the surface of Mars in the exact desired location."
    )
    (short,) = short_entity_cloze(facts_of(text, vocabulary), vocabulary)
    assert dangling_reference(short) == "refers to missing context: 'The video'"
