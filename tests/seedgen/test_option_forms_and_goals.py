"""Option forms, doubtful distractors, stem length, blank nouns, topics, and the rules
for video steps, negatable words and mission goals, on real article sentences."""

from __future__ import annotations

from quizapp.seedgen.candidate import Candidate
from quizapp.seedgen.classify import topic
from quizapp.seedgen.extract import Block
from quizapp.seedgen.facts import article_facts
from quizapp.seedgen.gates import (
    blank_noun_agrees,
    dangling_reference,
    distractor_form,
    explanation_quotes_source,
    options_alike,
    run_gates,
    stem_not_too_long,
)
from quizapp.seedgen.generate import mcq_date_cloze, mcq_entity_cloze, short_entity_cloze
from quizapp.seedgen.goals import (
    short_first_to,
    short_includes,
    short_objective,
    short_saw_which,
    short_will_do,
)
from quizapp.seedgen.matching import matching_abbreviations
from quizapp.seedgen.names import option_form, pick_distractors
from quizapp.seedgen.sentences import split_sentences
from quizapp.seedgen.sequence import (
    short_first_step,
    short_located,
    truefalse_antonym,
    truefalse_compared,
)
from quizapp.seedgen.truefalse import truefalse_statements
from quizapp.seedgen.whq import sent_back


def facts_of(text, vocabulary):
    blocks = [Block(0, len(text), text)]
    return article_facts(text, split_sentences(text, blocks), vocabulary, None)


def gates_of(candidate, text):
    return run_gates(
        candidate, [s.clean for s in split_sentences(text, [Block(0, len(text), text)])]
    )


MOVIE = (
    "While NASA’s Mars Curiosity rover sent back a stop-motion movie of its descent, "
    "Perseverance’s cameras are intended to capture video of its touchdown."
)
DESCENT = (
    "The descent stage holding NASA's Perseverance rover can be seen falling through the "
    "Martian atmosphere in an image taken on Feb. 18, 2021 by the HiRISE camera aboard the Mars "
    "Reconnaissance Orbiter."
)
HIRISE = (
    "JPL leads the orbiter’s mission, while the HiRISE instrument is led by the University of "
    "Arizona."
)
MAST = (
    "The mast is scheduled to be raised Saturday, Feb. 20, after which the Navcams are expected "
    "to take panoramas of the rover’s deck and its surroundings."
)
VIDEO = (
    "On February 22, 2021, a unique video of the landing itself was published at the NASA press "
    "conference for the landing of the Perseverance probe. The video captures the landing "
    "maneuver, from throwing off the heat shield, to the actual landing of the probe on the "
    "surface of Mars in the exact desired location."
)
SOUND = (
    "During the landing, the probe also recorded sounds, but the sound recording data was "
    "ultimately unusable."
)
WHEELS = "Perseverance’s wheels differ from Curiosity’s wheels in several details."


def test_spacecraft_options_use_the_vocabulary_name(vocabulary):
    assert option_form("Mars Curiosity", "spacecraft", vocabulary) == "Curiosity"
    assert option_form("Perseverance rover", "spacecraft", vocabulary) == "Perseverance"
    mro = "MRO (NASA Mars Reconnaissance Orbiter)"
    assert option_form(mro, "spacecraft", vocabulary) == "Mars Reconnaissance Orbiter"
    assert option_form("Hazard Cameras (Hazcams)", "camera", vocabulary) == "Hazcams"
    mcq = next(c for c in sent_back(facts_of(MOVIE, vocabulary), vocabulary) if c.type == "mcq")
    assert mcq.data["answer"] == "Curiosity"
    assert "Mars Curiosity" not in mcq.data["options"]
    assert all(" " not in o for o in mcq.data["options"])  # all bare rover names


def test_options_written_alike_gate():
    def mcq(options):
        return Candidate("mcq", "mcq.wh_sent_back", "Which rover sent back a movie?",
                         {"options": options, "answer": options[0]}, "", (), "", (options[0],),
                         "spacecraft", tuple(options[1:]))  # fmt: skip

    assert options_alike(mcq(["Mars Curiosity", "Perseverance rover", "Spirit"]))
    assert options_alike(mcq(["Curiosity", "Opportunity", "Spirit"])) is None
    assert options_alike(mcq(["back shell", "heat shield", "parachute"])) is None


def test_parts_that_also_held_the_rover_are_never_wrong_options(vocabulary):
    facts = facts_of(DESCENT, vocabulary)
    stem = DESCENT.replace("descent stage", "___")
    wrong = pick_distractors("descent stage", "hardware", stem, facts, vocabulary, 6)
    assert "back shell" not in wrong and "parachute" not in wrong and "cables" not in wrong
    assert not [
        c for c in mcq_entity_cloze(facts, vocabulary) if c.data["answer"] == "descent stage"
    ]


def test_question_word_agrees_with_the_noun_after_the_blank(vocabulary):
    facts = facts_of(HIRISE, vocabulary)
    (short,) = [c for c in short_entity_cloze(facts, vocabulary) if c.answers == ("HiRISE",)]
    assert short.prompt.endswith("the ___ instrument is led by the University of Arizona. "
                                 "Which instrument fills the blank?")  # fmt: skip
    wrong = Candidate("short", "short.entity_cloze", short.prompt.replace("instrument fills",
                      "camera fills"), short.data, short.explanation, short.sources,
                      short.stem, short.answers, short.kind)  # fmt: skip
    assert blank_noun_agrees(wrong)
    assert blank_noun_agrees(short) is None


def test_date_cloze_and_swapped_date_leave_out_the_weekday(vocabulary):
    facts = facts_of(MAST, vocabulary)
    (mcq,) = mcq_date_cloze(facts, vocabulary)
    assert mcq.stem.startswith("The mast is scheduled to be raised ___, after which")
    (false,) = [c for c in truefalse_statements(facts, vocabulary) if c.rule.endswith("date")]
    assert "Saturday" not in false.prompt and "Feb. 21" in false.prompt


def test_long_two_sentence_stem_is_rejected_and_asked_as_a_short_question(vocabulary):
    facts = facts_of(VIDEO, vocabulary)
    shields = [c for c in short_entity_cloze(facts, vocabulary) if c.answers == ("heat shield",)]
    assert shields and any(stem_not_too_long(c) for c in shields)
    assert all(gates_of(c, VIDEO) for c in shields)  # too long, or "The video" dangles
    (step,) = short_first_step(facts, vocabulary)
    assert step.prompt == (
        "In the video of the landing published on February 22, 2021, what is thrown off first?"
    )
    assert step.data["answers"] == ["heat shield"]
    assert gates_of(step, VIDEO) is None
    assert topic(step) == "landing"


def test_a_named_video_is_not_a_dangling_reference():
    def short(prompt):
        return Candidate("short", "short.x", prompt, {}, "", (), prompt, (), "thing")

    assert (
        dangling_reference(short("In the video published on February 22, 2021, what is seen?"))
        is None
    )
    assert dangling_reference(short("In the video, what is thrown off first?"))
    assert dangling_reference(short("Photo released by NASA on Friday shows the rover."))
    assert dangling_reference(short("Despite this, it was possible to capture sounds."))
    assert (
        dangling_reference(
            short("In the video of the landing published on February 22, 2021, what is first?")
        )
        is None
    )


def test_negatable_word_gives_a_true_and_a_false_statement(vocabulary):
    true, false = truefalse_antonym(facts_of(SOUND, vocabulary), vocabulary)
    assert true.data["answer"] is True and true.prompt == (
        "The probe also recorded sounds, but the sound recording data was ultimately unusable "
        "during the landing."
    )
    assert false.prompt.endswith(
        "the sound recording data was ultimately usable during the landing."
    )
    assert gates_of(false, SOUND) is None  # "usable" is not found inside "unusable"


def test_compared_names_are_never_swapped_or_blanked(vocabulary):
    facts = facts_of(WHEELS, vocabulary)
    assert not [c for c in truefalse_statements(facts, vocabulary) if c.rule.endswith("entity")]
    assert not list(mcq_entity_cloze(facts, vocabulary))
    assert not list(short_entity_cloze(facts, vocabulary))


def test_organisation_used_as_a_modifier_is_not_swapped(vocabulary):
    text = VIDEO.split(". ")[0] + "."
    facts = facts_of(text, vocabulary)
    swaps = [c for c in truefalse_statements(facts, vocabulary) if c.kind == "organisation"]
    assert not swaps  # never "at the European Space Agency press conference"


def test_mission_goal_rules(vocabulary):
    text = (
        "A primary objective for Perseverance’s mission on Mars is astrobiology research, "
        "including the search for signs of ancient microbial life. The rover will characterize "
        "the planet’s geology and past climate and be the first mission to collect and cache "
        "Martian rock and regolith, paving the way for human exploration of the Red Planet. "
        "As data gradually came in, relayed by several spacecraft orbiting the Red Planet, the "
        "Perseverance team were relieved to see the rover’s health reports, which showed "
        "everything appeared to be working as expected. The Mars 2020 Perseverance mission is "
        "part of NASA’s Moon to Mars exploration approach, which includes Artemis missions to "
        "the Moon that will help prepare for human exploration of the Red Planet."
    )
    facts = facts_of(text, vocabulary)
    (objective,) = short_objective(facts, vocabulary)
    assert objective.prompt == "What is a primary objective for Perseverance’s mission on Mars?"
    assert objective.data["answers"] == ["astrobiology research", "astrobiology"]
    (first,) = short_first_to(facts, vocabulary)
    assert first.prompt == "What will the rover be the first mission to collect and cache?"
    assert first.data["answers"][0] == "Martian rock and regolith"
    (saw,) = short_saw_which(facts, vocabulary)
    assert saw.prompt == (
        "What did the Perseverance team see that showed everything appeared to be working as "
        "expected?"
    )
    assert "health reports" in saw.data["answers"]
    (includes,) = short_includes(facts, vocabulary)
    assert includes.prompt == (
        "Which missions to the Moon does NASA’s Moon to Mars exploration approach include?"
    )
    for candidate in (objective, first, saw, includes):
        assert gates_of(candidate, text) is None
        assert topic(candidate) == "mission"


def test_helicopter_is_a_mission_topic_and_managing_too(vocabulary):
    from quizapp.seedgen.phrasal import short_attached

    attached = (
        "It will be at least one or two months until Perseverance will find a flat location to "
        "drop off Ingenuity, the mini-helicopter attached to the rover’s belly."
    )
    (question,) = short_attached(facts_of(attached, vocabulary), vocabulary)
    assert topic(question) == "mission"  # the helicopter is a mission, not an instrument
    managed = (
        "JPL, a division of Caltech in Pasadena, California, manages the Mars 2020 Perseverance "
        "mission and the Ingenuity Mars Helicopter technology demonstration for NASA."
    )
    clozes = list(short_entity_cloze(facts_of(managed, vocabulary), vocabulary))
    ingenuity = next(c for c in clozes if "Ingenuity" in c.data["answers"])
    assert topic(ingenuity) == "mission"  # who manages it is a mission question
    assert ingenuity.prompt.endswith("Which helicopter fills the blank?")


def test_explanations_quote_every_source(vocabulary):
    text = (
        "This is the first image sent back by the Hazard Cameras (Hazcams) on the underside. "
        "The Navigation Cameras (Navcams), which are used for driving, share space on the mast. "
        "Missions in cooperation with ESA (European Space Agency) will return samples."
    )
    (matching,) = matching_abbreviations(facts_of(text, vocabulary), vocabulary)
    assert explanation_quotes_source(matching) is None
    assert matching.explanation.startswith('The article says: "This is the first image')
    bare = Candidate("matching", "matching.x", "Q?", {}, "The article says so.",
                     matching.sources, "", (), "name")  # fmt: skip
    assert explanation_quotes_source(bare)


def test_distractor_form_still_applies(vocabulary):
    options = {"options": ["MAVEN", "Mars Reconnaissance Orbiter"]}
    mcq = Candidate("mcq", "mcq.x", "Q?", options, "", (), "",
                    ("Mars Reconnaissance Orbiter",), "spacecraft", ("MAVEN",))  # fmt: skip
    assert distractor_form(mcq)


FIRST_IMAGES = (
    "The image is not sharp because the navigation camera that took the image was covered in a "
    "layer of dust just after landing.\n\nThe image above was obtained the next day by a camera "
    "located on the back of the Perseverance rover."
)


def test_located_camera_is_asked_with_the_day_resolved(vocabulary):
    facts = facts_of(FIRST_IMAGES, vocabulary)
    (located,) = short_located(facts, vocabulary)
    assert located.prompt == (
        "Where on the Perseverance rover was the camera located which obtained an image the "
        "day after landing?"
    )
    assert located.data["answers"] == ["back", "on the back"]
    assert len(located.sources) == 2 and gates_of(located, FIRST_IMAGES) is None
    assert topic(located) == "instruments"


def test_these_after_a_comparison_gives_a_true_and_a_reversed_false_statement(vocabulary):
    text = (
        "Perseverance’s wheels differ from Curiosity’s wheels in several details. These should "
        "last significantly longer, as we saw more damage and wear during the Curiosity probe "
        "mission."
    )
    true, false = truefalse_compared(facts_of(text, vocabulary), vocabulary)
    assert true.prompt == (
        "Perseverance’s wheels should last significantly longer than Curiosity’s wheels."
    )
    assert false.prompt == (
        "Curiosity’s wheels should last significantly longer than Perseverance’s wheels."
    )
    assert (true.data["answer"], false.data["answer"]) == (True, False)
    assert topic(true) == "instruments"  # the rover's wheels


def test_images_in_color_are_negated_as_black_and_white(vocabulary):
    text = (
        "Unlike with past rovers, the majority of Perseverance’s cameras capture images in color."
    )
    _, false = truefalse_antonym(facts_of(text, vocabulary), vocabulary)
    assert false.prompt == (
        "The majority of Perseverance’s cameras capture images in black and white, "
        "unlike with past rovers."
    )


def test_what_someone_will_do_in_the_days_to_come(vocabulary):
    text = (
        "In the days to come, engineers will pore over the rover’s system data, updating its "
        "software and beginning to test its various instruments. In the following weeks, "
        "Perseverance will test its robotic arm and take its first, short drive."
    )
    pore, test = short_will_do(facts_of(text, vocabulary), vocabulary)
    assert pore.prompt == "What will engineers pore over in the days to come?"
    assert "system data" in pore.data["answers"]
    assert test.prompt == "What will Perseverance test in the following weeks?"
    assert test.data["answers"] == ["its robotic arm", "robotic arm"]


def test_spacecraft_cloze_blanks_only_the_vocabulary_name(vocabulary):
    text = (
        "While NASA’s Mars Curiosity rover sent back a stop-motion movie of its descent, "
        "Perseverance’s cameras are intended to capture video of its touchdown."
    )
    mcqs = list(mcq_entity_cloze(facts_of(text, vocabulary), vocabulary))
    curiosity = next(c for c in mcqs if c.data["answer"] == "Curiosity")
    assert curiosity.stem.startswith("While NASA’s Mars ___ rover sent back")
    assert "Mars Curiosity" not in curiosity.data["options"]
