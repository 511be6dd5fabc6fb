from quizapp.seedgen.extract import Block
from quizapp.seedgen.facts import article_facts
from quizapp.seedgen.matching import matching_mounted
from quizapp.seedgen.select import near_duplicate
from quizapp.seedgen.sentences import split_sentences
from quizapp.seedgen.whq import (
    caption_credit,
    division_of,
    landed_where,
    led_by,
    seen_in_image,
    sent_back,
    which_relative,
    who_said,
)


def facts_of(text, vocabulary):
    blocks = [Block(0, len(text), text)]
    return article_facts(text, split_sentences(text, blocks), vocabulary, None)


def asked(rule, text, vocabulary):
    return {c.type: c for c in rule(facts_of(text, vocabulary), vocabulary)}


MAST = (
    "The Navigation Cameras (Navcams), which are used for driving, share space on the mast "
    "with two science cameras: the zoomable Mastcam-Z and a laser instrument called SuperCam."
)


def test_which_relative(vocabulary):
    short = asked(which_relative, MAST, vocabulary)["short"]
    assert short.prompt == "Which cameras are used for driving?"
    assert "Navcams" in short.data["answers"]
    text = (
        "Perseverance got a close-up from NASA’s eye in the sky: NASA’s Mars Reconnaissance "
        "Orbiter, which used a special high-resolution camera to capture the spacecraft sailing "
        "into Jezero Crater, with its parachute trailing behind."
    )
    short = asked(which_relative, text, vocabulary)["short"]
    assert short.prompt.startswith("Which orbiter used a special high-resolution camera")
    assert short.answers == ("Mars Reconnaissance Orbiter",)


def test_led_by_and_division_of(vocabulary):
    text = (
        "JPL leads the orbiter’s mission, while the HiRISE instrument is led by the "
        "University of Arizona."
    )
    mcq = asked(led_by, text, vocabulary)["mcq"]
    assert mcq.prompt == "Which organisation leads the HiRISE instrument?"
    assert mcq.data["answer"] == "University of Arizona"
    assert "Jet Propulsion Laboratory" not in mcq.data["options"]  # a laboratory, not a university
    text = "JPL, a division of Caltech in Pasadena, California, manages the Mars 2020 mission."
    mcq = asked(division_of, text, vocabulary)["mcq"]
    assert mcq.prompt == "JPL is a division of which organisation?" and mcq.answers == ("Caltech",)


def test_sent_back_offers_rovers_only(vocabulary):
    text = (
        "While NASA’s Mars Curiosity rover sent back a stop-motion movie of its descent, "
        "Perseverance’s cameras are intended to capture video of its touchdown."
    )
    mcq = asked(sent_back, text, vocabulary)["mcq"]
    assert mcq.prompt == "Which rover sent back a stop-motion movie of its descent?"
    assert "Ingenuity" not in mcq.data["options"] and "Mars Odyssey" not in mcq.data["options"]
    assert "Curiosity" in asked(sent_back, text, vocabulary)["short"].data["answers"]


def test_seen_in_image(vocabulary):
    text = (
        "The descent stage holding NASA's Perseverance rover can be seen falling through the "
        "Martian atmosphere in this image taken on Feb. 18, 2021 by the HiRISE camera aboard the "
        "Mars Reconnaissance Orbiter."
    )
    short = asked(seen_in_image, text, vocabulary)["short"]
    assert short.prompt == (
        "Which camera aboard the Mars Reconnaissance Orbiter took an image of the descent stage "
        "holding NASA's Perseverance rover falling through the Martian atmosphere?"
    )
    assert short.answers == ("HiRISE",)


def test_caption_credit_resolves_the_pronoun_with_the_previous_sentence(vocabulary):
    text = (
        "The black and white photo above shows the descending Perseverance probe on a "
        "supersonic parachute. It was captured by the MRO (NASA Mars Reconnaissance Orbiter) "
        "orbital probe."
    )
    short = asked(caption_credit, text, vocabulary)["short"]
    assert short.prompt == (
        "Which orbiter captured a black and white photo showing the descending Perseverance "
        "probe on a supersonic parachute?"
    )
    assert len(short.sources) == 2 and "MRO" in short.data["answers"]


def test_who_said(vocabulary):
    text = (
        'Chief engineer Adam Steltzner called the picture "iconic," putting it right up there '
        "with photos of Apollo 11's Buzz Aldrin on the moon."
    )
    assert asked(who_said, text, vocabulary) == {}  # which picture? the sentence does not say
    text = (
        '"This is something that we\'ve never seen before," flight system engineer Aaron Stehura '
        "noted at a news conference."
    )
    short = asked(who_said, text, vocabulary)["short"]
    assert short.prompt == (
        'Who noted at a news conference: "This is something that we\'ve never seen before"?'
    )


def test_landed_where(vocabulary):
    text = (
        "Images were released by NASA Friday, less than 24 hours after the Perseverance rover "
        "successfully landed near an ancient river delta to search for signs of life."
    )
    short = asked(landed_where, text, vocabulary)["short"]
    assert short.prompt == "Near what did the Perseverance rover land?"
    assert "river delta" in short.data["answers"]
    text = (
        "The spacecraft is healthy, according to officials, after landing on a flat, safe "
        "surface in Jezero Crater with just 1 degree of tilt and relatively small rocks nearby."
    )
    asked_where = asked(landed_where, text, vocabulary)
    assert asked_where["short"].prompt.startswith("Where did the spacecraft land on a flat, safe")
    assert "mcq" not in asked_where  # no other place named: Gale Crater cannot be ruled out


def test_matching_mounted(raw_articles, vocabulary):
    from quizapp.seedgen.extract import extract_blocks

    raw = raw_articles["perseverance-sneak-peek"]
    facts = article_facts(raw, split_sentences(raw, extract_blocks(raw)), vocabulary, None)
    (matching,) = matching_mounted(facts, vocabulary)
    assert matching.data["pairs"] == [
        ["Hazcams", "on the underside"],  # every name in its short form
        ["HiRISE", "aboard the Mars Reconnaissance Orbiter"],
        ["Navcams", "on the mast"],
    ]


def test_same_answer_from_the_same_sentence_is_a_duplicate(vocabulary):
    text = (
        "The spacecraft is healthy, according to officials, after landing on a flat, safe "
        "surface in Jezero Crater with just 1 degree of tilt and relatively small rocks nearby."
    )
    wh = asked(landed_where, text, vocabulary)["short"]
    from quizapp.seedgen.generate import short_entity_cloze

    (cloze,) = short_entity_cloze(facts_of(text, vocabulary), vocabulary)
    assert near_duplicate(wh, cloze)
