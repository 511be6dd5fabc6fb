"""Focusing a cloze stem on the claim that holds its blank, before any cut for length.

A news sentence often wraps its fact in words a quiz does not need, and those words
used to cost the question: a stale day name in the reporting tail gated the lead, a
framing main clause in the past perfect made the fact read as backstory, a long frame
pushed the stem over the length limit. Three rewrites, each from the sentence's
grammar and none from a phrasing:

* a reporting tail after the last comma ("..., scientists reported on Thursday.",
  "..., officials said Tuesday.") is dropped: who reported the claim is not the claim,
  unless the claim is a forecast or guess ("... could be sent home soon, his doctors
  said"): without its speaker it would become the quiz's own claim;
* a time adjunct that names only a weekday, a week, a season or a year relative to the
  day of writing ("on Tuesday", "late on Friday night", "last week", "earlier this
  month", "last summer", "since early last year", "Last month, ...") is dropped from
  the clause: the sentence stays grammatical and no longer goes stale;
* a subordinate clause that holds the blank and has a subject and verb of its own
  ("... since the volcano exploded on ___", "... found that the eruption injected
  about ___ million tonnes ...") becomes the stem, when it opens with a word that
  states its clause as fact: "since", "because", "after", "when", "while", "although",
  "though", "once", or "that" after a verb of finding or saying (never "hoped that",
  "doubted that": their clause is not asserted).

Each rewrite applies only when the blank stays in what is left.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from .candidate import Candidate
from .clauses import VERB, capitalised, parts
from .hedges import MODAL
from .sentences import Sentence
from .stems import BLANK, MONTH_ABBREVIATION, WEEKDAY

PART_OF_DAY = r"(?: (?:morning|afternoon|evening|night))?"
RELATIVE_SEASON = (
    r"(?:(?:early|late) )?(?:last|this|earlier this|later this) "
    r"(?:year|spring|summer|autumn|fall|winter)"
)
STALE_ADJUNCT = re.compile(
    rf",? (?:(?:early|late|later) )?(?:on )?{WEEKDAY}{PART_OF_DAY}"
    rf"(?!['’\w]|,? ?(?:{MONTH_ABBREVIATION}|\d))|,? (?:(?:early|late) )?last (?:week|month)|"
    rf",? earlier this (?:week|month)|,? (?:since |during |in )?{RELATIVE_SEASON}(?![\w'’])"
)
# A season or year counted from the day of writing, as a time adjunct at the start
# ("Last month the sea ...") or after the clause ("... in the Florida Keys last summer").
LEADING_STALE = re.compile(
    rf"^(?:{RELATIVE_SEASON}|(?:(?:early|late) )?last (?:week|month)),? ", re.IGNORECASE
)
CONJUNCTION_BEFORE = re.compile(r"\b(?:and|or|but|than|of|the)$", re.I)
# A preposition before a bare weekday makes the weekday its object ("during Thursday"):
# dropping the weekday alone would strand the preposition.
PREPOSITION_BEFORE = re.compile(
    r"\b(?:during|since|until|by|before|after|from|of|for|through|till)$", re.I
)
REPORTING_VERB = (
    r"(?:said|says|reported|reports|announced|announces|told reporters|wrote|added|noted|"
    r"confirmed|concluded|found)"
)
REPORTING_TAIL = re.compile(
    rf", (?:(?:the |a |an )?[\w'’.-]+(?: [\w'’.-]+){{0,4}}) {REPORTING_VERB}"
    rf"(?: (?:on |late |early )?{WEEKDAY}{PART_OF_DAY}| last week| this week| today| "
    r"yesterday| in a statement)?(?=[.!?]?$)"
)
# Verbs after which a "that" clause is stated as fact by the writer or the source.
ASSERTING_VERBS = frozenset(
    """found find finds showed show shows shown confirmed confirm confirms reported report
    reports said say says estimated estimate estimates calculated calculate calculates
    measured announced announce announces revealed reveal reveals determined concluded
    discovered noted added explained wrote""".split()
)
FACT_OPENER = re.compile(
    r"\b(?:[Ss]ince|[Bb]ecause|[Aa]fter|[Ww]hen|[Ww]hile|[Aa]lthough|[Tt]hough|[Oo]nce|that) "
)
SUBJECT_START = re.compile(r"^(?:the|a|an|[A-Z][\w'’.-]*)\b")
NOT_IN_SUBJECT = re.compile(
    r"^(?:which|who|whom|whose|that|where|when|it|they|he|she|its|their|this|these|those|"
    r"and|or|but|___)$",
    re.I,
)
MAX_SUBJECT_WORDS = 8


def without_reporting_tail(stem: str) -> str:
    """The stem without a reporting tail after its last comma ("..., scientists
    reported on Thursday."), kept when the claim it reports is hedged by a modal ("...
    could be sent home soon, his doctors said")."""
    match = REPORTING_TAIL.search(stem.rstrip())
    if not match or BLANK in match.group() or BLANK not in stem[: match.start()]:
        return stem
    if MODAL.search(stem[: match.start()]):
        return stem
    if '"' in match.group() or "“" in match.group():
        return stem
    return stem[: match.start()].rstrip(" ,") + "."


def without_stale_time(stem: str) -> str:
    """The stem without time adjuncts that only make sense on the day of writing ("flew
    past Pluto on Tuesday, giving ..." -> "flew past Pluto, giving ...")."""
    text = stem
    if (leading := LEADING_STALE.match(text)) and BLANK not in leading.group():
        text = capitalised(text[leading.end() :])
    for match in reversed(list(STALE_ADJUNCT.finditer(text))):
        before = text[: match.start()]
        if BLANK in match.group() or PREPOSITION_BEFORE.search(before):
            continue
        if CONJUNCTION_BEFORE.search(before):
            continue  # "in 2010 and last year": one of a list
        opener = match.group().startswith(",")
        closer = text[match.end() :].startswith(",")
        joiner = "," if opener and closer else ""
        text = text[: match.start()] + joiner + text[match.end() :]
    if text == stem:
        return stem
    text = re.sub(r"^,\s*", "", text)
    return capitalised(re.sub(r"\s+([,.!?])", r"\1", " ".join(text.split())))


def asserted(stem: str, opener: re.Match) -> bool:
    """True when the clause's opener states it as fact: a subordinator, or "that" after a
    verb of finding or saying."""
    if opener.group().strip() != "that":
        return True
    before = stem[: opener.start()].split()
    return bool(before) and before[-1].lower().strip(",") in ASSERTING_VERBS


def subject_and_verb(rest: str) -> int | None:
    """Where the verb starts in ``rest`` when it opens with a subject (a determiner or a
    name, then up to eight words with no pronoun, relative word, comma or blank)
    followed by a verb; else None."""
    if not SUBJECT_START.match(rest):
        return None
    for number, word in enumerate(re.finditer(r"\S+", rest)):
        token = word.group().strip(",;:")
        if number and VERB.fullmatch(token):
            return word.start() if word.group() == token else None
        if NOT_IN_SUBJECT.match(token) or number >= MAX_SUBJECT_WORDS or token != word.group():
            return None  # a comma inside the subject: an appositive or a list
    return None


def clause_holding_blank(stem: str) -> str | None:
    """The subordinate clause that holds the blank, as a sentence of its own, or None
    (see module docstring)."""
    blank = stem.find(BLANK)
    if blank < 0:
        return None
    part_start, part_end = next((s, e) for s, e in parts(stem) if s <= blank <= e)
    for opener in FACT_OPENER.finditer(stem, part_start, blank):
        verb = subject_and_verb(stem[opener.end() :])
        if verb is None or opener.end() + verb > blank or not asserted(stem, opener):
            continue
        clause = stem[opener.end() : part_end].rstrip(" ,;:.!?")
        if len(clause.split()) < 5 or re.search(r"[\"“”]", clause):
            continue
        return capitalised(clause) + "."
    return None


def focused(stem: str) -> str:
    """The stem after the three rewrites of the module docstring, in order."""
    stem = without_reporting_tail(stem)
    stem = without_stale_time(stem)
    return clause_holding_blank(stem) or stem


# A pronoun subject at the stem's start, after at most a leading adverbial without a name
# ("Once there, it will fly past ...").
OPENING_IT = re.compile(
    r"^(?P<lead>(?:[A-Z][a-z]*(?: [a-z]+){0,3}, )?)(?P<pronoun>[Ii]t) (?=[a-z])"
)
# "It is thought that ...", "It was hard to ...": an "it" that stands for nothing.
EXPLETIVE_IT = re.compile(
    r"^(?:is|was|has been|had been|will be|would be)(?: [\w-]+){0,3} (?:that|to)\b"
)
# A sentence that opens with its named subject and its verb: "Europa Clipper is ...",
# "NASA's Europa Clipper spacecraft left ...", "The Orion probe carried ...".
NAMED_SUBJECT = re.compile(
    r"^(?P<subject>(?:The )?(?:[A-Z][\w.-]*(?:['’]s)? ){1,4}(?:[a-z][\w-]* ){0,2})"
)
# A name another "it" could stand for; months and weekdays name no thing.
CAPITALISED = re.compile(
    r"\b(?!(?:January|February|March|April|May|June|July|August|September|October|"
    rf"November|December|{MONTH_ABBREVIATION}|Sept|{WEEKDAY})\b)[A-Z][\w.-]+"
)


def named_subject(sentence: str) -> str | None:
    """The subject of ``sentence`` when it opens the sentence, names a thing by a proper
    name and is the only name the sentence gives ("Europa Clipper" in "Europa Clipper is
    the largest spacecraft NASA has ever built" is not: NASA is a second name); None
    otherwise."""
    match = NAMED_SUBJECT.match(sentence)
    if not match:
        return None
    words = match["subject"].split()
    verbs = [n for n, word in enumerate(words) if n and VERB.fullmatch(word)]
    if not verbs:
        return None
    subject = " ".join(words[: verbs[0]])
    names = [w for w in CAPITALISED.findall(subject) if w != "The"]
    if not names or CAPITALISED.search(sentence, len(subject) + 1):
        return None
    return subject


def with_named_subject(stem: str, previous: str) -> str:
    """The stem with an opening "it" replaced by the named subject of the sentence before
    (``named_subject``), so the fact it states can be asked; unchanged when the "it" is
    not a pronoun standing for that subject, or when the stem's lead names something
    else that "it" could stand for."""
    match = OPENING_IT.match(stem)
    subject = named_subject(previous) if match else None
    if not match or subject is None or EXPLETIVE_IT.match(stem[match.end() :]):
        return stem
    if CAPITALISED.search(match["lead"], 1):
        return stem
    subject = subject if match["lead"] else capitalised(subject)
    if match["lead"] and subject.startswith("The "):
        subject = "the " + subject[4:]
    return f"{match['lead']}{subject} {stem[match.end() :]}"


def resolved_pronoun(candidate: Candidate, sentences: Sequence[Sentence]) -> Candidate:
    """The candidate with its stem's opening "it" named (``with_named_subject``) from the
    sentence before it in the same paragraph, in the stem and the prompt alike."""
    stem = (candidate.stem or "").strip()
    if BLANK not in stem or len(candidate.sources) != 1 or stem not in candidate.prompt:
        return candidate
    source = candidate.sources[0]
    before = [s for s in sentences if s.block == source.block and s.index == source.index - 1]
    named = with_named_subject(stem, before[0].clean) if before else stem
    if named == stem:
        return candidate
    return replace(candidate, stem=named, prompt=candidate.prompt.replace(stem, named))
