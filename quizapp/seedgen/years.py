"""Questions on the year of a past event: "In 1981, the physicist ... discovered ..." or
"... the town was destroyed in A.D. 79 by ..." -> "Which year fills the blank?", with
nearby years as wrong options.

A year is asked only when it is the time of the sentence's main event: it opens the
sentence ("In 1981, ..."), or it closes a phrase of the main clause ("in 1954, between
...", "in 2009 at a cost of ...") whose verb is in the past. A year that qualifies a
noun ("whose eruption in 1991 pushed ash ..."), sits in a side or relative clause (",
who joined in 2015,"; "experiments that began in 2021"), is one of two ("in 2022 and
2023") or appears twice in the stem is not asked.
Wrong options are never later than the latest year the page itself mentions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .candidate import Candidate
from .clauses import IRREGULAR_PAST, in_side_part
from .facts import ArticleFacts
from .stems import cloze, date_choice, usable
from .vocabulary import Vocabulary

YEAR_IN = re.compile(
    r"\b[Ii]n (?P<year>(?P<era>A\.D\. |AD )?(?P<number>(?(era)\d{1,4}|(?:1\d{3}|20\d{2}))))"
    r"(?=[,.;:]|$| [—–] | (?:and|but|at|by|with|after|before|when|as|from|for|on|aboard|"
    r"under|to|between|during)\b)(?! and (?:in )?\d)"
)
PAST_VERB = re.compile(rf"\b(?:was|were|did|{IRREGULAR_PAST}|\w{{3,}}ed)\b", re.I)
RELATIVE_WORD = re.compile(r"\b(?:who|whom|whose|which|that|where|when)\b")
# "that" right after a past verb opens what was realised or said, not a relative clause:
# in "Researchers realised that the specimen belonged to a new species in 1998" the year
# still times the sentence's claim.
COMPLEMENT_THAT = re.compile(rf"\b(?:{IRREGULAR_PAST}|\w{{3,}}ed) that\b")
# A clause opened without a comma by a subordinating word ("repaired the hull before it
# sailed in 2022"): the time is the side event's.
SUBORDINATE = re.compile(
    r"\b(?:before|after|until|once|because|while|although|if|since|when) "
    r"(?:it|they|he|she|we|the|a|an|its|their|[A-Z])"
)
NOT_PAST = re.compile(r"\b(?:will|would|is|are|expected|plans?|hopes?)\b", re.I)
ANY_YEAR = re.compile(r"(?<!\d)(?:1\d{3}|20\d{2})(?!\d)")
OFFSETS = (-2, 2, -4, 4, -6, 6, -8, 8)


def latest_year(raw: str) -> int:
    """The latest year the page mentions anywhere (its date line, most likely)."""
    return max((int(y) for y in ANY_YEAR.findall(raw)), default=9999)


def in_main_clause(text: str, match: re.Match) -> bool:
    """True when the time in ``match`` opens the sentence or sits in its main clause,
    not in a side part or a relative clause."""
    if not text[: match.start()].strip():
        return True
    own_part = re.split(r", | [—–] ", text[: match.start()])[-1]
    relative = RELATIVE_WORD.search(COMPLEMENT_THAT.sub("", own_part))
    subordinate = SUBORDINATE.search(own_part)
    return not (in_side_part(text, match.start()) or relative or subordinate)


def main_event_year(text: str, match: re.Match) -> bool:
    """True when the year in ``match`` times the sentence's main, past event."""
    if not in_main_clause(text, match):
        return False
    clause = text[: match.start()] if text[: match.start()].strip() else text[match.end() :]
    return bool(PAST_VERB.search(clause)) and not NOT_PAST.search(clause)


def nearby_years(match: re.Match, stem: str, latest: int) -> list[str]:
    """Three years near the asked one, written like it, none later than ``latest`` and
    none written in the stem."""
    era, year = match["era"] or "", int(match["number"])
    years = [year + o for o in OFFSETS if 0 < year + o <= latest]
    return [f"{era}{y}" for y in years if not re.search(rf"(?<!\d){y}(?!\d)", stem)][:3]


def event_year_questions(facts: ArticleFacts, vocabulary: Vocabulary) -> Iterator[Candidate]:
    """mcq.event_year: blank the year of the sentence's main past event."""
    latest = latest_year(facts.raw)
    for sf in usable(facts):
        text = sf.sentence.clean
        for match in YEAR_IN.finditer(text):
            answer = match["year"]
            stem = cloze(text, match.start("year"), match.end("year"))
            if match["number"] in stem or not main_event_year(text, match):
                continue
            wrong = nearby_years(match, stem, latest)
            if len(wrong) < 3:
                continue
            yield date_choice(
                "mcq.event_year", sf, stem, answer, wrong, "Which year fills the blank?"
            )


YEAR_RULES = (event_year_questions,)
