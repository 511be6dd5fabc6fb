"""Typed answers a student who knows the fact would write are graded right; others are not."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from quizapp.questiontypes import get_type
from quizapp.questiontypes.typed_answers import answer_key, answer_matches


def grade(answers: list[str], typed: str) -> float:
    return get_type("short").grade({"answers": answers}, typed)


@pytest.mark.parametrize(
    ("answers", "typed"),
    [
        # singular and plural
        (["Navigation Cameras (Navcams)", "Navcams"], "Navcam"),
        (["Navcams"], "navcam"),
        (["pyrotechnic charges", "several pyrotechnic charges"], "pyrotechnic charge"),
        (["cables"], "a cable"),
        (["rock and soil"], "rocks and soil"),
        (["Martian rock and regolith"], "Martian rocks and regolith"),
        # determiners, quantifiers and possessives
        (["heat shield"], "its heat shield"),
        (["pyrotechnic charges"], "several pyrotechnic charges"),
        (["belly"], "the rover's belly"),
        (["belly"], "the rover’s belly"),
        (["Mars Reconnaissance Orbiter", "MRO"], "NASA's Mars Reconnaissance Orbiter"),
        (["robotic arm"], "its robotic arm"),
        # prepositions of place
        (["belly"], "on the belly"),
        (["back", "on the back"], "on the back"),
        (["on the back"], "back"),
        (["ancient river delta"], "near an ancient river delta"),
        (["Jezero Crater"], "in Jezero Crater"),
        # either side of "Full Name (ABBR)"
        (["Hazard Cameras (Hazcams)"], "Hazcams"),
        (["Hazard Cameras (Hazcams)"], "hazard cameras"),
        (["Hazcams"], "Hazard Cameras (Hazcams)"),
        # compounds written as one word or hyphenated
        (["heat shield"], "heatshield"),
        (["jet pack"], "jet-pack"),
        (["Mastcam-Z"], "mastcam z"),
        (["Mastcam-Z"], "MastcamZ"),
        # small typos in long answers
        (["Mars Reconnaissance Orbiter"], "Mars Reconnaisance Orbiter"),
        (["Perseverance"], "Perseverence"),
        (["Curiosity"], "Curiousity"),
        (["heat shield"], "heatshild"),
        (["Ingenuity"], "Ingenuty"),
        # a name followed by the noun of its kind
        (["HiRISE"], "HiRISE camera"),
        (["HiRISE"], "the HiRISE instrument"),
        (["Jezero"], "Jezero crater"),
        (["Jezero"], "in Jezero Crater"),
        (["Navcams"], "the Navcam cameras"),
        (["Artemis"], "the Artemis missions"),
        (["Artemis"], "Artemis program"),
        (["Ingenuity"], "Ingenuity helicopter"),
        (["Curiosity"], "NASA's Curiosity rover"),
        (["Mars 2020"], "the Mars 2020 mission"),
        # a portion of a material is the material
        (["rock and regolith"], "rock and regolith samples"),
        (["rock and regolith"], "samples of rock and regolith"),
        (["Martian rock and soil"], "Martian rock and soil samples"),
        (["dust"], "a layer of dust"),
        (["dust"], "dust layer"),
        (["dust"], "dust particles"),
        # the parts of "A and B" in either order, "&" for "and"
        (["rock and regolith"], "regolith and rock"),
        (["rock and soil"], "soil and rocks"),
        (["rock and regolith"], "rocks & regolith"),
        (["parachute and back shell"], "back shell and parachute"),
    ],
)
def test_fair_ways_of_writing_the_answer_earn_the_mark(answers, typed):
    assert grade(answers, typed) == 1.0


@pytest.mark.parametrize(
    ("answers", "typed"),
    [
        # one real term is never turned into another
        (["Navcams"], "Hazcams"),
        (["Mastcam-Z"], "Mastcam"),
        (["Mastcam-Z"], "Mastcam-X"),
        (["cables"], "tables"),
        (["rocket engines"], "pocket engines"),
        (["Spirit"], "Sprit"),  # short answers must be spelled right
        (["Mars 2020"], "Mars 2021"),
        (["Curiosity"], "Opportunity"),
        # a contradicting preposition is not the same place
        (["on the back"], "in the back"),
        # extra or missing words change the answer
        (["heat shield"], "shield"),
        (["HiRISE"], "HiRISE Mars"),
        (["parachute"], "parachute and back shell"),
        (["rock and soil"], "rocks and dust"),
        # a kind noun only follows a name, and never hides a different name
        (["HiRISE"], "HiRISE orbiter camera"),
        (["Navcams"], "Hazcam cameras"),
        (["Mastcam-Z"], "Mastcam camera"),
        (["MRO"], "HiRISE camera"),
        (["Curiosity"], "Opportunity rover"),
        (["Ingenuity"], "Ingenuity Mars"),
        (["descent stage"], "descent stage camera"),
        (["heat shield"], "heat shield camera"),
        # a portion noun does not complete half an answer or rename the material
        (["rock and regolith"], "rock samples"),
        (["rock and regolith"], "rock and dust samples"),
        (["dust"], "dust cover"),
        (["dust"], "sand layer"),
        # reordering never moves a word between parts
        (["Martian rock and regolith"], "Martian regolith and rock"),
        # nothing typed
        (["HiRISE"], ""),
        (["HiRISE"], "the"),
    ],
)
def test_wrong_or_different_answers_score_zero(answers, typed):
    assert grade(answers, typed) == 0.0


CRATER = "In which crater on Mars did Perseverance land?"
ORBITER = "Which orbiter relayed the rover's data to Earth?"
NAVCAMS = "Which cameras on Perseverance's mast are used for driving?"
HIRISE = (
    "Which camera aboard NASA's Mars Reconnaissance Orbiter photographed "
    "Perseverance's descent through the Martian atmosphere?"
)
BACK = "Where on the rover is the microphone mounted?"
JEZERO = ["Jezero Crater", "Jezero"]
MRO = ["Mars Reconnaissance Orbiter", "MRO"]
NAVCAM_NAMES = ["Navigation Cameras (Navcams)", "Navcams"]


def grade_asked(prompt: str, answers: list[str], typed: str) -> float:
    return get_type("short").grade({"answers": answers}, typed, prompt=prompt)


@pytest.mark.parametrize(
    ("prompt", "answers", "typed"),
    [
        # a place from the question after the answer, joined by a preposition or a comma
        (CRATER, JEZERO, "Jezero Crater on Mars"),
        (CRATER, JEZERO, "in Jezero Crater, on Mars"),
        (CRATER, JEZERO, "in Jezero crater"),
        (CRATER, JEZERO, "Jezero, on Mars."),
        (CRATER, ["Jezero"], "jezero crater on mars"),
        # the question's own verb, before or after the answer
        (CRATER, JEZERO, "Perseverance landed in Jezero Crater"),
        (CRATER, JEZERO, "It landed in Jezero crater on Mars."),
        (CRATER, JEZERO, "Jezero Crater, where Perseverance landed"),
        (CRATER, JEZERO, "it was Jezero"),
        (ORBITER, MRO, "the Mars Reconnaissance Orbiter relayed it"),
        (ORBITER, MRO, "MRO relayed the rover's data to Earth"),
        (ORBITER, MRO, "MRO, which relayed the data"),
        (ORBITER, MRO, "the rover relayed its data to MRO"),
        (NAVCAMS, NAVCAM_NAMES, "Navcams, used for driving"),
        # the question's nouns
        (NAVCAMS, NAVCAM_NAMES, "Navcam cameras"),
        (NAVCAMS, NAVCAM_NAMES, "the Navcams on the mast"),
        (NAVCAMS, NAVCAM_NAMES, "Navigation Cameras (Navcams) on Perseverance's mast"),
        (HIRISE, ["HiRISE"], "HiRISE, aboard the Mars Reconnaissance Orbiter"),
        (HIRISE, ["HiRISE"], "the HiRISE camera photographed it"),
        # the existing fair ways of writing still apply to the answer itself
        (ORBITER, MRO, "Mars Reconnaisance Orbiter relayed it"),
        (BACK, ["on the back"], "it is mounted on the back of the rover"),
    ],
)
def test_words_that_restate_the_question_keep_the_mark(prompt, answers, typed):
    assert grade_asked(prompt, answers, typed) == 1.0


@pytest.mark.parametrize(
    ("prompt", "answers", "typed"),
    [
        # a content word the question does not hold
        (CRATER, JEZERO, "Jezero Crater near the equator"),
        (CRATER, JEZERO, "Jezero crater on Earth"),
        (ORBITER, MRO, "MRO relayed it to Mars"),
        (HIRISE, ["HiRISE"], "HiRISE camera aboard MRO"),
        # a different answer with the question's words around it
        (CRATER, JEZERO, "Gale Crater on Mars"),
        (ORBITER, MRO, "Mars Odyssey relayed it"),
        (NAVCAMS, NAVCAM_NAMES, "Hazcams on the mast"),
        # two answers are not one
        (CRATER, JEZERO, "Jezero or Gale"),
        (CRATER, JEZERO, "Jezero or Gale crater"),
        (CRATER, JEZERO, "Jezero Crater and Mars"),
        (ORBITER, MRO, "MRO and Mars Odyssey"),
        (NAVCAMS, NAVCAM_NAMES, "Navcams and Hazcams"),
        # a negation changes the answer
        (CRATER, JEZERO, "Jezero Crater, not Gale"),
        (CRATER, JEZERO, "Perseverance didn't land in Jezero"),
        # a question's word beside the answer with nothing joining them
        (CRATER, JEZERO, "Jezero Mars"),
        (CRATER, ["Jezero", "Gale"], "Jezero, Gale"),
        (ORBITER, MRO, "MRO data"),
        (HIRISE, ["HiRISE"], "HiRISE Mars"),
        (HIRISE, ["HiRISE"], "HiRISE orbiter camera"),
        ("Which part did the rover's camera photograph?", ["heat shield"], "heat shield camera"),
        # a preposition before the answer still has to agree with the key's
        (BACK, ["on the back"], "it is mounted in the back"),
    ],
)
def test_restating_never_lets_a_different_or_second_answer_through(prompt, answers, typed):
    assert grade_asked(prompt, answers, typed) == 0.0


def test_only_the_words_of_the_question_asked_may_be_restated():
    no_mars = "Which crater did the rover land in?"
    assert grade_asked(CRATER, JEZERO, "Jezero Crater on Mars") == 1.0
    assert grade_asked(no_mars, JEZERO, "Jezero Crater on Mars") == 0.0
    assert grade(JEZERO, "Jezero Crater on Mars") == 0.0


def test_a_restated_answer_earns_its_variants_weight():
    data = {"answers": ["Ingenuity", "the helicopter"], "fractions": [1, 0.5]}
    prompt = "Which aircraft flew on Mars?"
    assert get_type("short").grade(data, "Ingenuity flew on Mars", prompt=prompt) == 1.0
    assert get_type("short").grade(data, "the helicopter flew on Mars", prompt=prompt) == 0.5


def test_answers_that_read_the_same_share_a_key():
    assert answer_key("the Navcams") == answer_key("Navcam") == answer_key("nav-cam")
    assert answer_key("heat shield") == answer_key("Heatshield")
    assert answer_key("Hazcams") != answer_key("Navcams")


def test_odd_accepted_lists_never_raise():
    assert answer_matches("dust", ["dust", 3, None]) is True
    assert get_type("short").grade({"answers": "dust"}, "dust") == 0.0
    assert get_type("short").grade({"answers": ["dust"]}, "x" * 5000) == 0.0


def test_grading_a_typed_answer_does_not_load_the_question_generator():
    """Web workers grade answers; the generator (and spaCy) must stay out of them."""
    code = (
        "import sys\n"
        "from quizapp.questiontypes import get_type\n"
        "assert get_type('short').grade({'answers': ['HiRISE']}, 'HiRISE camera') == 1.0\n"
        "short = get_type('short')\n"
        "assert short.grade({'answers': ['Jezero']}, 'Jezero on Mars', prompt='On Mars?') == 1.0\n"
        "assert get_type('numeric').grade({'answer': 6, 'tolerance': 0, 'unit': 'wheels'}, 6.0)\n"
        "loaded = [m for m in sys.modules if m.startswith(('quizapp.seedgen', 'spacy'))]\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


SHIPPED_BANKS = Path(__file__).resolve().parent.parent / "seed" / "banks"


def shipped_question(question_id: str) -> dict:
    bank = question_id.rsplit("-", 1)[0]
    questions = json.loads((SHIPPED_BANKS / f"{bank}.json").read_text(encoding="utf-8"))
    return next(q for q in questions["questions"] if q["id"] == question_id)


@pytest.mark.parametrize(
    ("question_id", "typed", "score"),
    [
        ("awestruck-844de43487", "an old delta", 1.0),
        ("awestruck-844de43487", "a river delta", 1.0),
        ("awestruck-844de43487", "an ancient lake bed", 0.0),
        ("awestruck-d04cb0647a", "it landed in Jezero Crater", 1.0),
        ("awestruck-d04cb0647a", "Gale Crater on Mars", 0.0),
        ("perseverance-sneak-peek-385dc55fff", "NASA's Mars Reconnaissance Orbiter", 1.0),
        ("perseverance-sneak-peek-bd25136d1c", "the sky crane lowered it", 1.0),
        ("perseverance-sneak-peek-bd25136d1c", "the parachute", 0.0),
    ],
)
def test_shipped_short_questions_grade_what_students_type(question_id, typed, score):
    question = shipped_question(question_id)
    data = {"answers": question["answers"]}
    assert get_type("short").grade(data, typed, prompt=question["prompt"]) == score
