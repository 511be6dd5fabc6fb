"""Claims an article only reports as someone's forecast, guess or belief.

"Kawai said the team believed that the organ could last for at least two years" does
not state how long the organ lasts: it reports a guess. Asked as a fill-in-the-blank,
the number becomes a fact to learn; restated as a true/false statement without its
speaker ("The team believed that the organ could last ..."), the guess becomes the
quiz's own claim. A reported sentence (a verb of saying or believing, or "according
to") is a guess when its grammar says so:

* a verb of forecasting or believing ("believe", "expect", "estimate", "hope",
  "predict", "think", "suggest") introduces a clause whose verb is a modal ("Officials
  expect the bridge will carry ...", "... would need about ten years");
* "could", "might" or "may" stands in the part of the sentence that holds the asked
  part, before or after it: the asked part is then the object or the subject of a
  verb of possibility ("said the dam might hold for ___ years", "said ___ cars could
  cross");
* "at least" or "up to" is asked with a modal ("said it would last for at least ___
  years"): a bound someone guessed, not a measure;
* the asked part is in a relative clause whose verb is "would" ("a calculation that
  would take a supercomputer ___ years"): a hypothetical, not the reported claim.

A claim the article itself hedges is no fact to ask either, reported or not: "Arctic
sea ice probably reached its minimum on ___" gives a date the writer is not sure of.
A hedge ("probably", "likely", "possibly", "perhaps", "apparently", "may have", "might
have", "is thought to", "is believed to", "is said to") in the clause that holds the
asked part makes the draft a guess; one in another clause joined by ", and", ", but",
", when" or a semicolon ("... on ___, and the center said it had probably ...") does
not. A true/false statement with a hedge anywhere states a guess.

A plain "would" that is the verb of the reported clause ("the academy said the three
would share the prize of ___ million kronor") is the reported form of "will" for a
decided arrangement, and is asked.
"""

from __future__ import annotations

import re

from .candidate import Candidate
from .stems import BLANK

FORECAST_VERBS = (
    r"believed|believes|believe|expects|expected|expect|estimated|estimates|estimate|"
    r"hoped|hopes|hope|predicted|predicts|predict|thinks|think|thought|suggested|suggests"
)
FORECAST_VERB = re.compile(rf"\b(?:{FORECAST_VERBS})\b", re.IGNORECASE)
# Reported speech: a verb of saying, or one of the forecast verbs above.
REPORTED = re.compile(
    rf"\b(?:said|says|say|told|added|announced|announces|according to|{FORECAST_VERBS})\b",
    re.IGNORECASE,
)
MODAL = re.compile(r"\b(?:could|might|may|would)\b", re.IGNORECASE)
POSSIBILITY = re.compile(r"\b(?:could|might|may)\b", re.IGNORECASE)
FUTURE = re.compile(r"\b(?:could|might|may|would|will|shall)\b|\bto be\b", re.IGNORECASE)
BOUND = re.compile(r"\b(?:at least|up to)\s+(?:about\s+)?___", re.IGNORECASE)
RELATIVE_WOULD = re.compile(r"\b(?P<word>\w+) (?:that|which|who) would\b", re.IGNORECASE)
PART_BREAK = re.compile(r"[,;:—–]")
HEDGE = re.compile(
    r"\b(?:probably|likely|possibly|perhaps|apparently|presumably|(?:may|might|could) have|"
    r"(?:is|are|was|were) (?:thought|believed|said|estimated|likely) to)\b",
    re.IGNORECASE,
)
CLAUSE_BREAK = re.compile(r";|, (?:and|but|when|while|whereas|although|though|as)\b|—|–")


def clause_around(text: str, position: int) -> str:
    """The clause of ``text`` (between semicolons, dashes or a comma before a
    conjunction) that holds ``position``."""
    start = max((m.end() for m in CLAUSE_BREAK.finditer(text, 0, position)), default=0)
    end = next((m.start() for m in CLAUSE_BREAK.finditer(text, position)), len(text))
    return text[start:end]


def hedged(text: str, position: int | None = None) -> bool:
    """True when a hedge word stands in the clause that holds ``position`` (anywhere in
    ``text`` when ``position`` is None)."""
    part = text if position is None else clause_around(text, position)
    return bool(HEDGE.search(part))


def part_around(text: str, position: int) -> str:
    """The part of the sentence (between commas, semicolons, colons or dashes) that holds
    ``position``."""
    start = max((m.end() for m in PART_BREAK.finditer(text, 0, position)), default=0)
    end = next((m.start() for m in PART_BREAK.finditer(text, position)), len(text))
    return text[start:end]


def is_reported(text: str) -> bool:
    """True when the sentence reports speech or belief."""
    return bool(REPORTED.search(text))


def forecast(text: str) -> bool:
    """True when a verb of forecasting or believing introduces a modal or future verb
    after it ("expected the chip would need", "is expected to be")."""
    verb = FORECAST_VERB.search(text)
    return bool(verb and FUTURE.search(text, verb.end()))


def hypothetical_would(text: str, position: int) -> bool:
    """True when ``position`` lies in a relative clause whose verb is "would" ("a
    calculation that would take a supercomputer ___ years"), not in a clause that a verb
    of saying introduces ("said that would ...")."""
    part = part_around(text, position)
    offset = text.find(part)
    return any(
        not REPORTED.fullmatch(m["word"]) and m.start() <= position - offset
        for m in RELATIVE_WOULD.finditer(part)
    )


def guessed(text: str, position: int) -> bool:
    """True when the reported claim that holds ``position`` is a forecast or guess (see
    module docstring)."""
    if forecast(text):
        return True
    if POSSIBILITY.search(part_around(text, position)):
        return True
    if BOUND.search(text) and MODAL.search(text):
        return True
    return hypothetical_would(text, position)


def hedged_claim(candidate: Candidate) -> bool:
    """True when the candidate asks, or states as true or false, a claim its sentence only
    reports as a forecast or guess (see module docstring)."""
    source = " ".join(s.clean for s in candidate.sources)
    stem = candidate.stem or candidate.prompt
    if BLANK in stem and hedged(stem, stem.find(BLANK)):
        return True
    if candidate.type == "truefalse" and hedged(stem):
        return True
    if not is_reported(f"{source} {stem}"):
        return False
    if BLANK in stem:
        return guessed(stem, stem.find(BLANK))
    if candidate.type == "truefalse":
        if is_reported(stem):
            return guessed(stem, 0) or bool(POSSIBILITY.search(stem))
        return bool(MODAL.search(stem))  # the speaker is dropped: any modal is a guess
    return False
