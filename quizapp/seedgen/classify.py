"""Topic and difficulty of a question, by explainable keyword and kind rules.

Topic (first rule that applies; an ordering of events is ``landing`` when its steps
are landing steps and ``mission`` otherwise; matching looks at its pairs,
other types at their source sentence). The rules are role-aware: what decides the
topic is what the question asks about, not only what kind of thing its answer is.

1. ``landing`` when a wh-question asks what observed the landing: its own wording
   speaks of taking or capturing an image, photo, video or movie *and* of the landing
   event ("Which camera aboard the Mars Reconnaissance Orbiter took an image of the
   descent stage ... falling through the Martian atmosphere?"), even though the answer
   is a camera or an orbiter;
2. ``instruments`` when the answer is a camera, instrument or microphone (what it is,
   where it is mounted, what it does, how many there are);
3. ``landing`` when the source speaks of the landing itself (landing, landed,
   touchdown, descent, parachute, heat shield, sky crane, cables, jet pack, crater);
4. ``mission`` when the source (for a wh-question, the question itself) says who
   manages or leads a mission ("JPL ... manages the Mars 2020 Perseverance mission and
   the Ingenuity Mars Helicopter technology demonstration"): an organisation's
   responsibility, whatever hardware it names;
5. ``instruments`` when the source is about cameras and imaging (camera, Hazcam,
   microphone, HiRISE, laser, panorama, images in color) or about hardware the rover
   carries (its mast, robotic arm, wheels): who leads an instrument is an instruments
   question; the Ingenuity helicopter is a mission of its own, not an instrument;
6. ``mission`` otherwise (plans, organisations, people, science goals).

Difficulty:

* ``easy``: true/false statements as stated, and answers repeated three or more times
  in the article;
* ``hard``: ordering, matching with four or more pairs, multi-select with three or
  more answers, and answers (numbers too) the article mentions only once in a
  stem over 30 words;
* ``medium``: matching with fewer pairs;
* ``medium`` otherwise.
"""

from __future__ import annotations

import re

from quizapp.questiontypes.base import format_number

from .candidate import Candidate
from .gates import normalise

INSTRUMENT_KINDS = {"camera", "instrument", "microphone"}
INSTRUMENT_WORDS = re.compile(
    r"\b(cameras?|\w*cams?\b|microphones?|mast|laser|"
    r"panoramas?|instruments?|imag\w+ in colou?r|robotic arm|wheels?)\b",
    re.I,
)
LANDING_WORDS = re.compile(
    r"\b(land(ing|ings|ed|s)?|touch\w* down|touchdown|descen\w+|parachute|heat shield|sky crane|"
    r"cables?|jet pack|crater)\b",
    re.I,
)
MANAGING = re.compile(r"\b(manag(?:es|ed|ing)|leads? the [\w’' ]{0,30}?mission)\b", re.I)
OBSERVING = re.compile(
    r"\b(took|taken|captured?|photographed|recorded|sent back)\b.*\b(image|photo|photograph|"
    r"picture|video|movie|footage)\b|\b(image|photo|photograph|picture|video|movie|footage)\b"
    r".*\b(took|taken|captured?|photographed|recorded|sent back)\b",
    re.I,
)


def observes_landing(candidate: Candidate) -> bool:
    """True for a wh-question asking what took an image of the landing (rule 1)."""
    prompt = candidate.prompt
    return (
        ".wh_" in candidate.rule
        and bool(OBSERVING.search(prompt))
        and bool(LANDING_WORDS.search(prompt))
    )


def topic(candidate: Candidate) -> str:
    """``instruments``, ``landing`` or ``mission`` (see module docstring)."""
    if candidate.type == "ordering":
        return "landing" if LANDING_WORDS.search(str(candidate.data["items"])) else "mission"
    if candidate.type == "matching":
        text = str(candidate.data.get("pairs"))
    else:
        text = " ".join(s.clean for s in candidate.sources)
    if observes_landing(candidate):
        return "landing"
    if candidate.kind in INSTRUMENT_KINDS:
        return "instruments"
    if LANDING_WORDS.search(text):
        return "landing"
    if MANAGING.search(candidate.prompt if ".wh_" in candidate.rule else text):
        return "mission"
    if INSTRUMENT_WORDS.search(text):
        return "instruments"
    return "mission"


def difficulty(candidate: Candidate, article_text: str) -> str:
    """``easy``, ``medium`` or ``hard`` (see module docstring)."""
    if candidate.type == "ordering" or (
        candidate.type == "matching" and len(candidate.data["pairs"]) >= 4
    ):
        return "hard"
    if candidate.type == "matching":
        return "medium"
    if candidate.type == "multi" and len(candidate.data["answers"]) >= 3:
        return "hard"
    if candidate.rule == "truefalse.as_stated":
        return "easy"
    answer = candidate.answers[0] if candidate.answers else ""
    if candidate.type == "numeric":
        answer = format_number(candidate.data["answer"])
    mentions = normalise(article_text).count(normalise(answer)) if answer else 0
    if mentions >= 3:
        return "easy"
    words = len((candidate.stem or candidate.sources[0].clean).split())
    if mentions <= 1 and words > 30:
        return "hard"
    return "medium"
