"""Shortening a long cloze stem to the clauses that hold its blank.

News sentences run to forty or fifty words of several clauses; as a stem they hide
what is asked, so the gate on stem length used to throw the whole question away. A
stem over ``MAX_STEM_WORDS`` words loses, one at a time and farthest from the blank
first, the parts of the sentence that add a second claim but are not needed to read
the first, found from punctuation and the word that opens each part:

* a clause or phrase set off by commas or dashes inside the sentence: a relative
  clause (", which ...,", ", who ...,"), an appositive (", part of the ...,", ", the
  director of ...,"), an aside (", however,");
* a trailing part after a comma or dash: a relative or subordinate clause (", where
  ...", ", because ..."), a participle phrase (", making ...", ", carrying ..."), a
  second clause joined by "but" or "and" with its own subject (", and it has ...");
* a leading adverbial before the main clause ("After that failure, ...", "To force
  ... to fuse, ...").

A part holding the blank, or a quotation mark, is never dropped. When nothing more
can go the stem is left as it is and the length gate decides.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .candidate import Candidate
from .stems import BLANK

MAX_STEM_WORDS = 35
SUBORDINATE = (
    "which|who|whom|whose|where|when|while|whereas|because|although|though|as|after|before|"
    "since|until|including|according|unlike|however|part|one|both|each|or about|or roughly|"
    "or nearly|or almost"
)
DETERMINER = re.compile(r"^(?:a|an|the|his|her|its|their)\b", re.I)
VERB = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|must|"
    r"did|does|do|\w+ed)\b",
    re.I,
)
INSIDE = re.compile(rf"^(?:{SUBORDINATE}|[a-z]+ing|[a-z]+ed (?:by|in|on|at|from|with))\b", re.I)
TRAILING = re.compile(rf"^(?:{SUBORDINATE}|[a-z]+ing|so that|in which|but)\b", re.I)
SECOND_CLAUSE = re.compile(r"^and (?:it|they|he|she|its|their|the|this|these|[A-Z]\w+) ")
LEADING = re.compile(
    r"^(?:After|Before|During|Since|When|While|Although|Though|Because|As|To|With|Unlike|"
    r"In|On|At|For|By|Despite|Once|If)\b"
)
BREAK = re.compile(r", | [—–] |[—–]")
LIST_WORD = re.compile(r"\b(?:and|or)\b")


PLACE_AFTER_COMMA = re.compile(r"[A-Z][\w.]*(?: [A-Z][\w.]*)?(?=[,.;:!?]|$| [—–])")


def parts(text: str) -> list[tuple[int, int]]:
    """Spans of the text between commas and dashes (a comma inside a number, as in
    "6,000", inside a place, as in "Livermore, California", or before the year of a
    date is not a break)."""
    spans, start = [], 0
    for match in BREAK.finditer(text):
        after_name = re.search(r"\b[A-Z][\w.-]*$", text[: match.start()])
        if after_name and PLACE_AFTER_COMMA.match(text, match.end()):
            continue
        if re.match(r"\d{4}\b", text[match.end() :]):
            continue  # "Feb. 22, 2021": the year of a date
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def appositive(part: str) -> bool:
    """A short noun phrase naming what comes before it (", the director of ..."), not a
    list item or a clause ("the former Soviet Union and China had landed")."""
    words = len(part.split())
    return (
        bool(DETERMINER.match(part))
        and words <= 10
        and not LIST_WORD.search(part)
        and (not VERB.search(part))
    )


def aside(part: str, following: str) -> bool:
    """A part set off inside the sentence that may go: a relative clause, a participle
    phrase or an appositive, when the next part does not continue a list."""
    continues_list = re.match(r"(?:and|or) ", following)
    return not continues_list and (bool(INSIDE.match(part)) or appositive(part))


def trailing(part: str) -> bool:
    """A last part that adds a second claim: a subordinate or participle clause, or a
    clause of its own after "and"."""
    second = SECOND_CLAUSE.match(part) and VERB.search(part)
    return bool(TRAILING.match(part) or second)


def droppable(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Character ranges (with the punctuation that sets them off) that may be dropped."""
    ranges = []
    last = len(spans) - 1
    for number, (start, end) in enumerate(spans[:-1] if last else []):
        part = text[start:end]
        if BLANK in part or re.search(r"[\"“”]", part):
            continue
        if number == 0:
            if LEADING.match(part):
                ranges.append((0, spans[1][0]))
        elif aside(part, text[spans[number + 1][0] :]):
            following = text[spans[number + 1][0] : spans[number + 1][1]]
            set_off = INSIDE.match(following) or TRAILING.match(following)
            ranges.append((spans[number - 1][1], end if set_off else spans[number + 1][0] - 1))
    start, end = spans[-1] if last else (0, 0)
    part = text[start:end]
    if last and BLANK not in part and not re.search(r"[\"“”]", part) and trailing(part):
        ranges.append((spans[-2][1], len(text.rstrip(".!?"))))
    return ranges


def capitalised(text: str) -> str:
    """The text with its first letter in upper case."""
    return text[:1].upper() + text[1:]


def shorten(stem: str, limit: int = MAX_STEM_WORDS) -> str:
    """The stem with parts that do not hold the blank dropped until it has at most
    ``limit`` words (see module docstring); unchanged when it is short enough."""
    while len(stem.split()) > limit and BLANK in stem:
        ranges = droppable(stem, parts(stem))
        if not ranges:
            break
        blank = stem.find(BLANK)
        start, end = max(ranges, key=lambda r: max(r[0] - blank, blank - r[1]))
        stem = capitalised(stem[end:]) if start == 0 else f"{stem[:start]} {stem[end:]}"
        stem = re.sub(r"\s+([,.!?])", r"\1", " ".join(stem.split()))
    return stem


def shortened(candidate: Candidate) -> Candidate:
    """The candidate with its cloze stem shortened in the stem and the prompt alike."""
    stem = candidate.stem
    if not stem or BLANK not in stem or stem.strip() not in candidate.prompt:
        return candidate
    if len(candidate.sources) != 1:
        return candidate  # the clauses of two sentences are not cut apart
    short = shorten(stem.strip())
    if short == stem.strip():
        return candidate
    return replace(candidate, stem=short, prompt=candidate.prompt.replace(stem.strip(), short))
