"""Gates about the names and things a stem mentions, run after the general gates
because they need the article's facts.

* A blank never splits a name: not a hyphenated one ("the University of ___-Lincoln",
  "Hunga Tonga-___") and not one of several words (``gates.whole_name_blanked``).
* A stem introduces every person it mentions: a surname alone ("Kawai said the team
  ...") names someone the question never introduced.
* A stem does not point back at a thing of an earlier sentence with "this", "these",
  "those" or a determiner "that" ("Dr. Joseph Murray, who led that operation, ...").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .candidate import Candidate
from .facts import ArticleFacts
from .introduced_questions import people, surname
from .stems import BLANK

SPLIT_NAME = re.compile(rf"[A-Z][\w'’]*-{BLANK}|{BLANK}-[A-Z0-9]")
POINTS_BACK = re.compile(
    r"\b(?:this|these|those) (?P<noun>[a-z][a-z-]+)\b"
    r"|\b(?:of|in|from|during|since|by|with|at|on|for|after|before|like|led|ran|did|"
    r"made|found|saw|took) that (?P<thing>[a-z][a-z-]+)\b"
    r"(?! (?:is|was|were|are|has|have|had|can|could|will|would|may|might)\b)"
)
NOT_A_THING = frozenset(("is", "was", "were", "are", "has", "have", "had", "way", "year"))


def name_not_split(candidate: Candidate) -> str | None:
    """A blank never takes one part of a hyphenated name."""
    if match := SPLIT_NAME.search(candidate.stem):
        return f"the blank splits a hyphenated name ({match.group()!r})"
    return None


def article_wording(candidate: Candidate) -> str:
    """The part of a question that is the article's own wording: a cloze stem or a
    statement to judge (a question the generator phrased itself has none)."""
    if candidate.type == "truefalse":
        return candidate.prompt
    return candidate.stem if BLANK in candidate.stem else ""


def points_back(candidate: Candidate) -> str | None:
    """ "that operation", "these patients": a thing only an earlier sentence names."""
    for match in POINTS_BACK.finditer(article_wording(candidate)):
        if (match["noun"] or match["thing"]) not in NOT_A_THING:
            return f"refers to missing context: {match.group()!r}"
    return None


def make_people_introduced(facts: ArticleFacts) -> Callable[[Candidate], str | None]:
    """Gate factory: every person the stem names is named in full (or is the blank)."""
    surnames = {surname(name): name for name in people(facts)}

    def people_introduced(candidate: Candidate) -> str | None:
        stem = article_wording(candidate)
        for last, full in surnames.items():
            for match in re.finditer(rf"(?<![\w-]){re.escape(last)}(?![\w-])", stem):
                if not re.search(r"[A-Z][\w.'’-]* $", stem[: match.start()]):
                    return f"names {last!r} without introducing {full!r}"
        return None

    return people_introduced


def run_name_gates(candidate: Candidate, facts: ArticleFacts) -> tuple[str, str] | None:
    """(gate name, reason) of the first failing name gate, or None when all pass."""
    for gate in (name_not_split, points_back, make_people_introduced(facts)):
        if reason := gate(candidate):
            return gate.__name__, reason
    return None
