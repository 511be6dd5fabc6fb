"""Rules for what a video or statement says in passing: the first step of a sequence a
video captures, and false statements made by negating a word the article uses.

* ``short.wh_first_step``: "On February 22, 2021, a unique video of the landing itself
  was published at the NASA press conference ... The video captures the landing
  maneuver, from throwing off the heat shield, to the actual landing ..." -> "In the
  video of the landing published on February 22, 2021, what is thrown off first?",
  citing both sentences (the first says which video);
* ``truefalse.swap_antonym``: a sentence whose point is a negatable word ("the sound
  recording data was ultimately unusable") as stated, and with the word's opposite
  ("... ultimately usable") as a false statement.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .candidate import Candidate
from .facts import ArticleFacts
from .names import all_spellings
from .phrasal import distinct_answers
from .stems import quote, usable
from .vocabulary import Vocabulary

INTRODUCED = re.compile(
    r"\ban? (?:[\w-]+ ){0,2}(?P<noun>video|film|animation) (?P<of>of the [a-z]+)(?: itself)? "
    r"was (?P<verb>published|released|shown)\b"
)
FROM_TO = re.compile(
    r"^The (?P<noun>video|film|animation) (?:captures|shows) the [a-z ]+?, from "
    r"(?P<ing>[a-z]+ing)(?P<particle> off| out| away)? the (?P<thing>[a-z ]+?),? to "
)
PARTICIPLES = {"throwing": "thrown", "dropping": "dropped", "releasing": "released",
               "opening": "opened", "deploying": "deployed", "jettisoning": "jettisoned",
               "separating": "separated", "firing": "fired", "casting": "cast"}  # fmt: skip
ANTONYMS = {"unusable": "usable", "usable": "unusable", "successful": "unsuccessful",
            "unsuccessful": "successful", "visible": "invisible", "invisible": "visible",
            "healthy": "unhealthy", "possible": "impossible"}  # fmt: skip
NEGATABLE = re.compile(
    r"\b(?:was|were|is|are)(?: (?:ultimately|still|also|not|clearly))? "
    rf"(?P<word>{'|'.join(ANTONYMS)})\b"
)
MAX_WORDS = 35


def joined(sf, facts: ArticleFacts) -> bool:
    """True for a sentence joined to the one before it (``facts.with_referent``)."""
    return any(
        o.sentence.start == sf.sentence.start and o.sentence.end < sf.sentence.end
        for o in facts.sentences
    )


def short_first_step(facts: ArticleFacts, vocabulary: Vocabulary) -> Iterator[Candidate]:
    """short.wh_first_step: the first step of a sequence a video captures, with the video
    named by the sentence that introduces it (its date and what it shows)."""
    singles = [sf for sf in facts.sentences if not joined(sf, facts)]
    for first, second in zip(singles, singles[1:], strict=False):
        if first.sentence.block != second.sentence.block or first.unusable:
            continue
        intro = INTRODUCED.search(first.sentence.clean)
        step = FROM_TO.match(second.sentence.clean)
        if not intro or not step or intro["noun"] != step["noun"] or not first.dates:
            continue
        participle = PARTICIPLES.get(step["ing"])
        if not participle:
            continue
        question = (
            f"In the {intro['noun']} {intro['of']} {intro['verb']} on {first.dates[0].text}, "
            f"what is {participle}{step['particle'] or ''} first?"
        )
        thing = step["thing"]
        explanation = f'The article says: "{first.sentence.quoted} {second.sentence.quoted}"'
        yield Candidate(
            "short", "short.wh_first_step", question,
            {"answers": distinct_answers(list(all_spellings(thing, facts, vocabulary)))},
            explanation,
            (first.sentence, second.sentence), question, (thing,), "hardware",
        )  # fmt: skip


def truefalse_antonym(facts: ArticleFacts, vocabulary: Vocabulary) -> Iterator[Candidate]:
    """truefalse.as_stated and truefalse.swap_antonym for a sentence whose predicate is a
    negatable word; quotes and long sentences are left alone."""
    for sf in usable(facts):
        text = quote(sf.sentence.clean)
        match = NEGATABLE.search(text)
        if not match or '"' in text or "“" in text or len(text.split()) > MAX_WORDS:
            continue
        word = match["word"]
        opposite = ANTONYMS[word]
        false = text[: match.start("word")] + opposite + text[match.end("word") :]
        yield Candidate(
            "truefalse", "truefalse.as_stated", text, {"answer": True},
            f'True: the article says "{sf.sentence.quoted}"', (sf.sentence,), text, (),
            "statement",
        )  # fmt: skip
        yield Candidate(
            "truefalse", "truefalse.swap_antonym", false, {"answer": False},
            f'False: the article says "{word}", not "{opposite}": "{sf.sentence.quoted}"',
            (sf.sentence,), false, (word,), "statement", (opposite,),
        )  # fmt: skip


SEQUENCE_RULES = (short_first_step, truefalse_antonym)
