"""True/false statements are one claim in other words, never the article's sentence."""

import pytest

from quizapp.seedgen.paraphrase import restate


@pytest.mark.parametrize(
    ("sentence", "statement"),
    [
        (
            "A number of thumbnail images have been beamed down so far, too many to count, "
            "said Pauline Hwang, strategic mission manager for surface operations.",
            "A number of thumbnail images have been beamed down so far, too many to count.",
        ),
        (
            "The spacecraft is healthy, according to officials, after landing in Jezero Crater.",
            "The spacecraft is healthy after landing in Jezero Crater.",
        ),
        (
            "On February 22, 2021, a unique video of the landing was published by NASA.",
            "A unique video of the landing was published by NASA on February 22, 2021.",
        ),
        (
            "After landing, two of the Hazard Cameras (Hazcams) captured views of the rover, "
            "showing one of its wheels in the Martian dirt.",
            "Two of the Hazcams captured views of the rover after landing.",
        ),
        (
            "NASA equipped the spacecraft with a record 25 cameras and two microphones, many of "
            "which were turned on during Thursday's descent.",
            "NASA equipped the spacecraft with a record 25 cameras and two microphones.",
        ),
        (
            "Officials said that the rover will start driving in about a week.",
            "The rover will start driving in about a week.",
        ),
        (
            "The engines fired for 12 minutes, said Kim Budil, the director of the laboratory.",
            "The engines fired for 12 minutes.",
        ),
    ],
)
def test_statement_keeps_one_claim_in_other_words(sentence, statement):
    assert restate(sentence) == statement


@pytest.mark.parametrize(
    "sentence",
    [
        "The rover carries a drill that collects samples of rock.",  # nothing to rewrite
        "It landed, said Jane Doe.",  # too little left to be a claim
    ],
)
def test_no_statement_when_it_would_be_the_article_or_empty(sentence):
    assert restate(sentence) is None


def test_a_speaker_who_is_the_subject_keeps_the_verb():
    sentence = (
        "Jill Hruby, who leads the National Nuclear Security Administration, the agency that "
        "oversees the weapons laboratories, said the result would strengthen that work."
    )
    statement = restate(sentence)
    assert statement is None or " said the result would strengthen that work" in statement


def test_shipped_true_false_statements_are_not_copied_sentences(pipeline_run):
    statements = 0
    for bank, _ in pipeline_run.values():
        for question in bank["questions"]:
            if question["type"] != "truefalse":
                continue
            statements += 1
            cited = " ".join(" ".join(s["text"].split()) for s in question["sources"])
            assert question["prompt"] not in cited, question["prompt"]
    assert statements >= 4
