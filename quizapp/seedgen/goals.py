"""Wh-question rules for what a mission aims at and what its team learned.

Each rule matches one general sentence shape; the stem never contains the answer and
the answer always occurs in the cited sentence:

* ``short.wh_objective``: "A primary objective for Perseverance's mission on Mars is
  astrobiology research, including ..." -> "What is a primary objective for
  Perseverance's mission on Mars?";
* ``short.wh_first_to``: "The rover will ... be the first mission to collect and cache
  Martian rock and regolith, paving the way ..." -> "What will the rover be the first
  mission to collect and cache?";
* ``short.wh_saw_which``: "the Perseverance team were relieved to see the rover's health
  reports, which showed everything appeared to be working as expected" -> "What did the
  Perseverance team see that showed everything appeared to be working as expected?";
* ``short.wh_will_do``: "In the days to come, engineers will pore over the rover's
  system data, ..." -> "What will engineers pore over in the days to come?"; "In the
  following weeks, Perseverance will test its robotic arm and ..." -> "What will
  Perseverance test in the following weeks?";
* ``short.wh_includes``: "NASA's Moon to Mars exploration approach, which includes
  Artemis missions to the Moon" -> "Which missions to the Moon does NASA's Moon to Mars
  exploration approach include?".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .candidate import Candidate
from .facts import ArticleFacts
from .phrasal import distinct_answers
from .stems import says, usable
from .vocabulary import Vocabulary

OBJECTIVE = re.compile(
    r"^An? (?P<adjective>primary|main|key|major|chief) (?P<noun>objective|goal|aim|purpose) "
    r"(?P<of>(?:for|of) [^,]+?) is (?P<answer>[a-z][a-z -]+?)(?=[,.;])"
)
FIRST_TO = re.compile(
    r"^(?P<subject>The [a-z]+) will (?:[^,]+? and )?be the first (?P<noun>[a-z]+) to "
    r"(?P<verb>[a-z]+(?: and [a-z]+)?) (?P<object>[A-Za-z][a-z]*(?: [a-z]+){0,4}?)(?=,|\.)"
)
SAW_WHICH = re.compile(
    r"\b(?P<agent>the [A-Z]?[\w-]+ team) (?:was|were) (?:[a-z]+ )?to (?P<verb>see|read|receive) "
    r"(?P<object>the [\w’' -]+?), which (?P<relation>showed|confirmed|revealed) "
    r"(?P<what>[^,.;]+)\."
)
INCLUDES = re.compile(
    r"\b(?P<whole>(?:NASA|[A-Z]\w+)['’]s [A-Z][\w ]+? (?:approach|programme|program|plan)), "
    r"which includes (?P<name>[A-Z]\w+) (?P<kind>missions?|spacecraft) (?P<to>to the [A-Z]\w+)"
)
WILL_DO = re.compile(
    r"^(?P<when>In the (?:days|weeks|months) to come|In the (?:following|coming|next) "
    r"(?:days|weeks|months)), (?P<who>[A-Z]\w+|engineers|scientists|the team) will "
    r"(?P<verb>pore over|study|review|analy[sz]e|examine|test|inspect|check) "
    r"(?P<object>(?:the|its|their) [\w’' -]+?)(?=,| and |\.)"
)
VERB_BASE = {"see": "see", "read": "read", "receive": "receive"}


def short_objective(facts: ArticleFacts, vocabulary: Vocabulary) -> Iterator[Candidate]:
    """short.wh_objective: the objective or goal a sentence names."""
    for sf in usable(facts):
        if match := OBJECTIVE.match(sf.sentence.clean):
            question = f"What is a {match['adjective']} {match['noun']} {match['of']}?"
            answer = match["answer"]
            answers = distinct_answers([answer, answer.split()[0]] if " " in answer else [answer])
            yield Candidate(
                "short", "short.wh_objective", question, {"answers": answers}, says(sf),
                (sf.sentence,), question, (answer,), "thing",
            )  # fmt: skip


def short_first_to(facts: ArticleFacts, vocabulary: Vocabulary) -> Iterator[Candidate]:
    """short.wh_first_to: what a mission will be the first to do something with."""
    for sf in usable(facts):
        if match := FIRST_TO.match(sf.sentence.clean):
            subject = match["subject"][0].lower() + match["subject"][1:]
            question = f"What will {subject} be the first {match['noun']} to {match['verb']}?"
            thing = match["object"]
            bare = re.sub(r"^(?:Martian|the) ", "", thing)
            yield Candidate(
                "short", "short.wh_first_to", question,
                {"answers": distinct_answers([thing, bare])}, says(sf), (sf.sentence,),
                question, (thing,), "thing",
            )  # fmt: skip


def short_saw_which(facts: ArticleFacts, vocabulary: Vocabulary) -> Iterator[Candidate]:
    """short.wh_saw_which: what a team saw that showed something."""
    for sf in usable(facts):
        for match in SAW_WHICH.finditer(sf.sentence.clean):
            relation = {"showed": "showed", "confirmed": "confirmed", "revealed": "revealed"}
            question = (
                f"What did {match['agent']} {VERB_BASE[match['verb']]} that "
                f"{relation[match['relation']]} {match['what']}?"
            )
            thing = match["object"]
            head = " ".join(re.sub(r"^the ", "", thing).split()[-2:])
            yield Candidate(
                "short", "short.wh_saw_which", question,
                {"answers": distinct_answers([thing, head])}, says(sf), (sf.sentence,),
                question, (thing,), "thing",
            )  # fmt: skip


def short_includes(facts: ArticleFacts, vocabulary: Vocabulary) -> Iterator[Candidate]:
    """short.wh_includes: the named missions an approach or programme includes."""
    for sf in usable(facts):
        for match in INCLUDES.finditer(sf.sentence.clean):
            question = f"Which {match['kind']} {match['to']} does {match['whole']} include?"
            yield Candidate(
                "short", "short.wh_includes", question, {"answers": [match["name"]]},
                says(sf), (sf.sentence,), question, (match["name"],), "name",
            )  # fmt: skip


def short_will_do(facts: ArticleFacts, vocabulary: Vocabulary) -> Iterator[Candidate]:
    """short.wh_will_do: what someone will study or test in the days or weeks to come."""
    for sf in usable(facts):
        if match := WILL_DO.match(sf.sentence.clean):
            when = match["when"][0].lower() + match["when"][1:]
            question = f"What will {match['who']} {match['verb']} {when}?"
            thing = match["object"]
            bare = re.sub(r"^(?:the|its|their) ", "", thing)
            head = re.sub(r"^[\w]+['’]s ", "", bare)
            yield Candidate(
                "short", "short.wh_will_do", question,
                {"answers": distinct_answers([thing, bare, head])}, says(sf), (sf.sentence,),
                question, (thing,), "thing",
            )  # fmt: skip


GOAL_RULES = (short_objective, short_first_to, short_saw_which, short_will_do, short_includes)
