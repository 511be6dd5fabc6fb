"""Rules for what a video or statement says in passing: the first step of a sequence a
video captures, and false statements made by negating a word the article uses.

* ``short.wh_first_step``: "On February 22, 2021, a unique video of the landing itself
  was published at the NASA press conference ... The video captures the landing
  maneuver, from throwing off the heat shield, to the actual landing ..." -> "In the
  video of the landing published on February 22, 2021, what is thrown off first?",
  citing both sentences (the first says which video);
* ``truefalse.swap_antonym``: a sentence whose point is a negatable word ("the sound
  recording data was ultimately unusable") or a colour phrase ("the majority of
  Perseverance's cameras capture images in color") as stated, and with its opposite
  ("... ultimately usable", "... images in black and white") as a false statement;
* ``short.wh_located``: "The first image obtained immediately after landing: ... The
  image above was obtained the next day by a camera located on the back of the
  Perseverance rover." -> "Where on the Perseverance rover was the camera located which
  obtained an image the day after landing?", citing from the sentence that says when;
* ``truefalse.compared``: "Perseverance's wheels differ from Curiosity's wheels in
  several details. These should last significantly longer, ..." -> "Perseverance's
  wheels should last significantly longer than Curiosity's wheels." (true) and the two
  names exchanged (false), citing both sentences.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .candidate import Candidate
from .facts import ArticleFacts
from .names import all_spellings
from .paraphrase import restate
from .phrasal import distinct_answers
from .stems import quote, says_all, usable
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
# Opposites a student could believe; "healthy"/"unhealthy" or "successful" for a craft
# the whole article celebrates would be absurd, not a misconception.
ANTONYMS = {"unusable": "usable", "usable": "unusable", "visible": "invisible",
            "invisible": "visible"}  # fmt: skip
PHRASE_OPPOSITES = {"images in color": "images in black and white",
                    "images in colour": "images in black and white"}  # fmt: skip
NEGATABLE = re.compile(
    r"\b(?:was|were|is|are)(?: (?:ultimately|still|also|not|clearly))? "
    rf"(?P<word>{'|'.join(ANTONYMS)})\b"
    rf"|\b(?P<phrase>{'|'.join(PHRASE_OPPOSITES)})\b"
)
LOCATED = re.compile(
    r"\bwas (?:obtained|taken|captured) (?P<when>the next day|the following day) by an? "
    r"(?P<agent>camera|instrument) located on the (?P<part>[a-z]+) of "
    r"(?P<owner>the [A-Z][\w ]+?)\.$"
)
AFTER_EVENT = re.compile(r"\b(?:immediately |just |shortly )?after (?P<event>landing|launch)\b")
DIFFER = re.compile(
    r"^(?P<first>[A-Z]\w+['’]s (?P<noun>[a-z]+s)) differ from (?P<second>[A-Z]\w+['’]s [a-z]+s)\b"
)
THESE_SHOULD = re.compile(
    r"^These (?P<modal>should|will|would|could) (?P<verb>[a-z]+) (?P<how>(?:[a-z]+ )?longer)\b"
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
        group = "word" if match["word"] else "phrase"
        word = match[group]
        opposite = ANTONYMS.get(word) or PHRASE_OPPOSITES[word]
        true = restate(text)
        false = restate(text[: match.start(group)] + opposite + text[match.end(group) :])
        if not true or not false or opposite not in false:
            continue  # the article's own sentence is not a statement to judge
        yield Candidate(
            "truefalse", "truefalse.as_stated", true, {"answer": True},
            f'True: the article says "{sf.sentence.quoted}"', (sf.sentence,), true, (),
            "statement",
        )  # fmt: skip
        yield Candidate(
            "truefalse", "truefalse.swap_antonym", false, {"answer": False},
            f'False: the article says "{word}", not "{opposite}": "{sf.sentence.quoted}"',
            (sf.sentence,), false, (word,), "statement", (opposite,),
        )  # fmt: skip


def short_located(facts: ArticleFacts, vocabulary: Vocabulary) -> Iterator[Candidate]:
    """short.wh_located: where on a craft the camera that took a later image sits; the
    day is resolved by the nearest of the two sentences before it that says "after
    landing", which is cited with it."""
    singles = [sf for sf in facts.sentences if not joined(sf, facts)]
    for index, sf in enumerate(singles):
        match = LOCATED.search(sf.sentence.clean)
        if not match:
            continue
        earlier = [
            e for e in singles[max(0, index - 2) : index] if AFTER_EVENT.search(e.sentence.clean)
        ]
        if not earlier:
            continue
        event = AFTER_EVENT.search(earlier[-1].sentence.clean)["event"]
        question = (
            f"Where on {match['owner']} was the {match['agent']} located which obtained an "
            f"image the day after {event}?"
        )
        part = match["part"]
        sources = (earlier[-1].sentence, sf.sentence)
        explanation = says_all(sources)
        yield Candidate(
            "short", "short.wh_located", question,
            {"answers": distinct_answers([part, f"the {part}", f"on the {part}"])},
            explanation, sources, question, (part,), "camera",
        )  # fmt: skip


def truefalse_compared(facts: ArticleFacts, vocabulary: Vocabulary) -> Iterator[Candidate]:
    """truefalse.compared: "These should last longer" after "A's wheels differ from B's
    wheels": A's should last longer than B's (true); B's than A's (false)."""
    singles = [sf for sf in facts.sentences if not joined(sf, facts)]
    for first, second in zip(singles, singles[1:], strict=False):
        differ = DIFFER.match(first.sentence.clean)
        these = THESE_SHOULD.match(second.sentence.clean)
        if not differ or not these or first.sentence.block != second.sentence.block:
            continue
        claim = f"{these['modal']} {these['verb']} {these['how']}"
        true = f"{differ['first']} {claim} than {differ['second']}."
        false = f"{differ['second']} {claim} than {differ['first']}."
        sources = (first.sentence, second.sentence)
        yield Candidate(
            "truefalse", "truefalse.compared", true, {"answer": True},
            f"True: {says_all(sources)}", sources, true, (), "statement",
        )  # fmt: skip
        yield Candidate(
            "truefalse", "truefalse.compared", false, {"answer": False},
            f"False: it is the other way round. {says_all(sources)}", sources, false, (),
            "statement",
        )  # fmt: skip


SEQUENCE_RULES = (short_first_step, truefalse_antonym, short_located, truefalse_compared)
