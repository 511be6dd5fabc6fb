"""One-claim restatements of an article sentence for true/false questions.

A statement copied word for word teaches students that "the article's exact wording
means true". Each statement is rewritten from its structure, never from phrasings:

- attribution is dropped (", according to officials,", ", said Pauline Hwang, ...",
  "Officials said that ..."): who said it is not the claim;
- a trailing subordinate or participle clause is dropped (", which ...", ", showing
  ...", ", while ..."), leaving the main clause, one claim;
- a leading adverbial ("On Feb. 22, 2021, ...", "During the landing, ...") moves to
  the end of the sentence;
- an appositive after the opening name is dropped ("JPL, a division of Caltech in
  Pasadena, California, manages ..." -> "JPL manages ...");
- "Full Name (ABBR)" is written with one name only.

``restate`` returns None when none of these applies (the statement would be the
article's sentence) or when too little is left to be a claim. True and false
statements go through the same rewriting, so the wording never tells them apart.
"""

from __future__ import annotations

import re

MIN_WORDS = 6
MAX_WORDS = 26
# A bare "said" after a comma introduces the speaker only when a name follows (", said
# Kim Budil, ..."); before anything else it is the sentence's own verb ("Jill Hruby, who
# leads ..., said the result would ..."), and dropping it would leave no claim.
SAID_BY_NAME = r"(?:said|says|noted|added)(?= [A-Z])"
ATTRIBUTION_INSIDE = re.compile(rf",\s+(?:according to|officials said|{SAID_BY_NAME})\b[^,]*,")
ATTRIBUTION_END = re.compile(
    r",\s+(?:according to [^,.!?]*|(?:(?:he|she|they|officials|[A-Z][\w.]*(?: [A-Z][\w.]*)*) "
    rf"(?:said|says|noted|added)|{SAID_BY_NAME})\b[^.!?]*)(?=[.!?]$)"
)
ATTRIBUTION_START = re.compile(
    r"^(?:[A-Z][\w.]*(?: [A-Z][\w.]*)*|Officials|Engineers|Scientists|The team) "
    r"(?:said|say|says|noted|added|reported) (?:that )?"
)
TRAILING_CLAUSE = re.compile(
    r"(?:,|\s+—|\s+–)\s+(?:which|while|whereas|where|showing|including|many of which|"
    r"after which|as well as|with (?:its|their|the)|being|thanks to|though|although|after|"
    r"before|when|because|the first|the last|the only)\b"
    r"[^.!?]*(?=[.!?]$)"
)
LEADING_ADVERBIAL = re.compile(
    r"^(?P<adverbial>(?:On|In|During|After|Before|At|By|Shortly after|Soon after|Since|Unlike)"
    r"\b[^,]{2,60}(?:, \d{4})?),\s+(?P<rest>[a-z]\w*\b.*|[A-Z][a-z]+\b.*)$"
)
NAME_WITH_ABBREVIATION = re.compile(
    r"\b(?P<long>(?:(?!(?:The|A|An)\b)[A-Z][\w-]*\s+){0,4}[A-Z][\w-]*) \((?P<short>[A-Z][\w-]*)\)"
)
APPOSITIVE = re.compile(
    r"^(?P<name>(?:[A-Z][\w.-]*)(?: [A-Z][\w.-]*)*), (?:a|an|the) [^,]{3,60}(?:, [A-Z][a-z]+)?, "
    r"(?=[a-z])"
)
THE_BEFORE_ACRONYM = re.compile(r"(?<=[a-z,] )the (?P<acronym>[A-Z]{2,5})\b(?! [A-Z])")
PROPER_START = re.compile(r"^(?:[A-Z]{2,}|[A-Z]\w*[A-Z]\w*)\b")


def _drop_attribution(text: str) -> str:
    text = ATTRIBUTION_END.sub("", text)
    text = ATTRIBUTION_INSIDE.sub("", text)
    match = ATTRIBUTION_START.match(text)
    if match and len(text[match.end() :].split()) >= MIN_WORDS:
        rest = text[match.end() :]
        text = rest[:1].upper() + rest[1:]
    return text


def _drop_trailing_clause(text: str) -> str:
    shorter = TRAILING_CLAUSE.sub("", text, count=1)
    return shorter if len(shorter.split()) >= MIN_WORDS else text


def _move_adverbial(text: str) -> str:
    match = LEADING_ADVERBIAL.match(text)
    if not match:
        return text
    rest, adverbial = match["rest"], match["adverbial"]
    end = rest[-1] if rest[-1] in ".!?" else "."
    rest = rest.rstrip(".!?")
    if not PROPER_START.match(rest) and not rest.startswith(("NASA", "I ")):
        rest = rest[:1].upper() + rest[1:]
    adverbial = adverbial[:1].lower() + adverbial[1:]
    joiner = ", " if adverbial.startswith("unlike") else " "
    return f"{rest}{joiner}{adverbial}{end}"


def _drop_appositive(text: str) -> str:
    return APPOSITIVE.sub(lambda m: f"{m['name']} ", text, count=1)


def _initials_match(long: str, short: str) -> bool:
    initials = "".join(word[0] for word in long.split() if word[0].isupper())
    return short.upper().startswith(initials.upper()) or initials.upper() == short.upper()


def _one_name(text: str) -> str:
    """ "The Hazard Cameras (Hazcams)" -> "The Hazcams"; "the European Space Agency (ESA)"
    -> "ESA"; a name only partly capitalised ("Medicines and Healthcare products
    Regulatory Agency (MHRA)") is left whole."""

    def shorter(match: re.Match) -> str:
        long, short = match["long"], match["short"]
        whole = len(long.split()) == len(re.findall(r"[A-Z]", short)) or short.istitle()
        if not short.isupper() or not (_initials_match(long, short) and whole):
            return match.group() if short.isupper() else short
        return short

    text = NAME_WITH_ABBREVIATION.sub(shorter, text)
    return THE_BEFORE_ACRONYM.sub(lambda m: m["acronym"], text)


def restate(text: str) -> str | None:
    """The statement as one claim in other words, or None (see module docstring)."""
    rewritten = text
    for step in (
        _drop_attribution,
        _drop_trailing_clause,
        _move_adverbial,
        _drop_appositive,
        _one_name,
    ):
        rewritten = step(rewritten)
    rewritten = " ".join(rewritten.split())
    if rewritten == " ".join(text.split()):
        return None
    if not MIN_WORDS <= len(rewritten.split()) <= MAX_WORDS or rewritten[-1] not in ".!?":
        return None
    return rewritten
