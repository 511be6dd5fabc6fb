"""Claims an article only reports as someone's forecast, guess or belief.

"Kawai said the team believed that the organ could last for at least two years" does
not state how long the organ lasts: it reports a guess. Asked as a fill-in-the-blank,
the number becomes a fact to learn; restated as a true/false statement without its
speaker ("The team believed that the organ could last ..."), the guess becomes the
quiz's own claim. Two signals, both from the sentence's grammar, must meet:

* the sentence reports speech or belief: a verb of saying or believing ("said",
  "believed", "expects", "estimated", "hoped") or "according to";
* a modal of possibility ("could", "might", "may", "would") governs the asked part: it
  stands in the same part of the sentence, before it ("such a measurement would have
  been impossible even ten years ago").

A modal after the asked part belongs to another predicate ("shortening the orbit by just
73 seconds would count as a success" asks the threshold the scientists set, a fact).
"""

from __future__ import annotations

import re

from .candidate import Candidate
from .stems import BLANK

REPORTED = re.compile(
    r"\b(?:said|says|say|told|added|believed|believes|believe|expects|expected|expect|"
    r"estimated|estimates|hoped|hopes|hope|predicted|predicts|thinks|thought|suggested|"
    r"suggests|according to)\b",
    re.IGNORECASE,
)
MODAL = re.compile(r"\b(?:could|might|may|would)\b", re.IGNORECASE)
PART_BREAK = re.compile(r"[,;:—–]")


def modal_before(text: str, position: int) -> bool:
    """True when a modal of possibility stands before ``position`` in the same part of
    the sentence (no comma, semicolon, colon or dash between them)."""
    part = PART_BREAK.split(text[:position])[-1]
    return bool(MODAL.search(part))


def is_reported(text: str) -> bool:
    """True when the sentence reports speech or belief."""
    return bool(REPORTED.search(text))


def hedged_claim(candidate: Candidate) -> bool:
    """True when the candidate asks, or states as true or false, a claim its sentence only
    reports as a forecast or guess (see module docstring)."""
    source = " ".join(s.clean for s in candidate.sources)
    stem = candidate.stem or candidate.prompt
    if not is_reported(f"{source} {stem}"):
        return False
    if BLANK in stem:
        return modal_before(stem, stem.find(BLANK))
    if candidate.type == "truefalse":
        return bool(MODAL.search(stem))
    return False
