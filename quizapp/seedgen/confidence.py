"""Which drafts have the shape of a question a teacher signs as generated.

The gates (``gates.py``, ``name_gates.py``) drop a draft when a known fault matches it;
on pages nobody had tuned them to, the drafts that got through failed on new phrasings
of the old faults. The conditions here work the other way round: after the gates, a
draft is kept only when its stem, read against the sentence it came from, has the shape
of a good question. A draft that lacks it is *set aside*, counted in the seed report
under the condition's name like a gate's rejection, and comes back only by an explicit
review decision (``reviews.py``). Each condition is a statement about sentence
structure, drawn from the drafts judged in ``tests/seedgen/fixtures/HELDOUT.md``:

* ``cut_keeps_its_claim``: a stem cut from its sentence keeps the sentence's main
  clause with its subject and its opening, and drops only parts set off by a comma, a
  dash or brackets (", which ...", a trailing participle, an appositive, a second
  clause, a restatement in other units, a reporting tail), a relative clause after the
  subject, a last coordinated phrase, and time words that only made sense on the day
  ("on Monday"). An opening may go only when it dates the event ("In 2019,", "By
  March,"), gives its purpose ("To force the nuclei to fuse,") or its source
  ("According to the team's analysis,"); other openings change the claim ("Before this
  study, the oldest painting was ..." states a broken record as standing; "When the
  team applied ... in another cave, Leang Bulu' Sipong 4, they found" leaves a name
  fused to the clause). A subordinate clause may stand as the stem without its main
  clause only when it states an event of its own ("after an expedition set more than
  ___ cameras"), not the circumstance of the main one ("When the reply arrived on ___",
  "while the craft was ___ miles away": without the main clause it times nothing), and
  only when it hangs on the main clause itself, not inside another subordinate clause.
  The joints a cut leaves must read: no full stop doubled after an abbreviation
  ("Mass.."), no comma of a dropped restatement left before words that run on ("15
  billion miles, away").
* ``asks_the_claim``: the blank asks what its sentence claims. It is not inside a
  quotation of more than three words (the speaker's words), a parenthesis, an appositive
  that describes a name ("said Lauretta, a planetary scientist ... who has worked on it
  for close to ___ decades", "the FDS, one of the probe's ___ computers"), a relative
  clause about a person, a clause of circumstance, condition or concession ("when a
  press release naming ...", "if", "although"; a "when" after a date says what happened
  then, and is asked), a restatement tacked on after a comma (", or 24 billion
  kilometres", ", about 95 percent of them"), or a part set off between the subject and
  its verb ("The mission, which has cost about $___ billion, is managed by ..."). Nor
  is a count asked through a definite noun phrase ("the ___ companies", "the ___
  winners"): "the" presents the count as known. A trailing relative clause may hold
  the claim ("a trial known as Clarity AD, which enrolled about ___ people"), and so
  may a noun phrase that sums up the clause ("now lasts 11 hours and 23 minutes, a
  change of ___ minutes").
* ``references_grounded``: every definite description of the stem's claim can be
  identified by a student who reads only the stem (``grounding.py``): it is defined
  there, or its noun is one the quiz is about (the headline's and standfirst's, the
  subject's), a participant of any report ("the team", "the study"), a time, or a
  thing of which there is one ("the world"). "The reply", "the craft", "the nearby
  cave" and "the organizers" are not. References inside side parts that do not hold
  the blank are context and are not checked. An abbreviation of a term the article
  spells out elsewhere ("the FDS") must be spelled out in the stem too, unless it is
  a common word (NASA, FDA, DNA).
* ``options_cannot_give_away``: every option of a multiple-choice question about a
  name is a whole name of the key's kind (no fragment of a longer name, none whose own
  kind noun or vocabulary entry names another kind), and the stem singles none out: no
  stem word shares its root with one option only, and no nationality describes the
  person or organisation asked ("an Indonesian specialist in rock art" among three
  researchers). Without such options the question is not drafted as multiple choice;
  its typed twin, if the generator made one, remains.
* ``one_claim_statement``: a true/false statement states one claim (no second clause
  or predicate joined by "and", "but", "while", a dash or a semicolon) that holds
  something a student can check, a number, a date or a name ("The announcement was
  overshadowed by an unusual mistake" states nothing checkable once the mistake is cut
  away), and is more than a name.

A whole sentence of a fair length, cited uncut, is the safest stem: it passes the
first condition by construction.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable

from .candidate import Candidate
from .centrality import asked_position
from .clauses import INSIDE, IRREGULAR_PAST, VERB, appositive, main_part, parts, trailing
from .entities import kind_from_words
from .focus import LEADING_STALE, STALE_ADJUNCT
from .grounding import WORD, Page, descriptions, grounded, unexplained_abbreviation
from .kinds import asked_nouns
from .stems import BLANK
from .wellformed import filled

MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
# A restatement after a comma: ", or 24 billion kilometres", ", about 95 percent of them".
RESTATEMENT = re.compile(
    r"^(?:or (?:about |roughly |nearly |some |almost |around )?|"
    r"(?:about|roughly|nearly|some|almost|around) )\$?\d"
)


def side(part: str) -> bool:
    """True for a part set off as a relative clause, participle phrase or appositive."""
    return bool(INSIDE.match(part)) or appositive(part)


# --- condition 1: cuts ----------------------------------------------------------------

# An opening that only dates a past event ("By March", "In 2019", "On Feb. 18"): without
# it the event still happened, unlike a bound ("Before this study", "Until 2020").
DATING = re.compile(
    rf"(?:In|On|By|During|At|Early in|Late in) (?:(?:early|late|mid-)?{MONTH}(?: \d{{1,2}})?"
    rf"(?:,? \d{{4}})?|\d{{4}}s?|(?:the )?(?:spring|summer|autumn|fall|winter)(?: of \d{{4}})?)"
)
# An opening purpose ("To force the nuclei to fuse,") or source ("According to ...,").
FRAMING = re.compile(r"^(?:To [a-z]+ |According to )[^,]*,?$")
CIRCUMSTANCE_WORDS = frozenset({"when", "while", "once", "as", "if", "whereas"})
OWN_EVENT = frozenset({"after", "since", "because", "although", "though", "that"})
CLAUSE_ONLY = re.compile(
    r"\b(?:when|while|whereas|because|although|though|if|unless|once)\b", re.IGNORECASE
)
RELATIVE_OPENER = re.compile(r"^(?:that|which|who|whom|whose)\b")
CONJUNCTION_OPENER = re.compile(r"^(?:and|but|or)\b")
PRONOUN = re.compile(r"^(?:it|they|he|she)$", re.IGNORECASE)
SET_OFF_BEFORE = (",", "—", "–", "(", ";")
OPENS_PART = re.compile(
    r"^(?:and|or|but|so|yet|which|who|whom|whose|where|when|while|whereas|because|"
    r"although|though|as|after|before|since|until|including|according|a|an|the|"
    r"[a-z]+ing|[a-z]+ed)$"
)


def dropped_runs(stem: str, source: str) -> list[tuple[int, int, list[str]]]:
    """Each run of source words the stem lost: its character range in the source and
    the words the stem has in its place."""
    source_words, stem_words = list(WORD.finditer(source)), list(WORD.finditer(stem))
    matcher = difflib.SequenceMatcher(
        a=[w.group().lower() for w in source_words],
        b=[w.group().lower() for w in stem_words],
        autojunk=False,
    )
    runs = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in ("delete", "replace"):
            replacement = [w.group() for w in stem_words[j1:j2]]
            runs.append((source_words[i1].start(), source_words[i2 - 1].end(), replacement))
    return runs


def stale(text: str) -> bool:
    """True for a time word that only made sense on the day ("on Monday", "Last month")."""
    return bool(
        STALE_ADJUNCT.fullmatch(f" {text}") or LEADING_STALE.fullmatch(f"{text.rstrip(',')} ")
    )


def without_stale(text: str) -> str:
    """The run without the stale time words it opens with ("on Sunday morning, bringing
    ..." -> "bringing ...")."""
    match = STALE_ADJUNCT.match(f" {text}")
    return text[max(0, match.end() - 1) :].lstrip(" ,") if match else text


def promotion_fault(run: str) -> str | None:
    """Why a stem that is a subordinate clause without its main clause is not confident
    (``run`` is the dropped opening, ending with the clause's subordinator), or None."""
    words = run.split()
    opener = words[-1].lower()
    if opener not in OWN_EVENT:
        return f"the stem is the {opener!r} clause of a sentence whose main clause was cut"
    if CLAUSE_ONLY.search(" ".join(words[:-1])):
        return "the stem is a clause from inside another subordinate clause"
    return None


def opening_fault(run: str) -> str | None:
    """Why dropping the sentence's opening ``run`` is not confident, or None."""
    if stale(run) or DATING.fullmatch(run.rstrip(" ,")) or FRAMING.match(run):
        return None
    if run.split()[-1].lower() in OWN_EVENT | CIRCUMSTANCE_WORDS:
        return promotion_fault(run)
    return f"the cut dropped the opening {' '.join(run.split()[:4])!r}"


def inner_fault(source: str, start: int, end: int) -> str | None:
    """Why dropping ``source[start:end]``, after the opening, is not confident, or None:
    only a part set off by punctuation, a relative clause, a last coordinated phrase or
    a stale time word may go."""
    run = source[start:end]
    if stale(run) or not without_stale(run) or stale(run.split(",")[0]):
        return None
    if source[:start].rstrip().endswith(SET_OFF_BEFORE) or RELATIVE_OPENER.match(run):
        return None
    if CONJUNCTION_OPENER.match(run) and not source[end:].strip(' .!?"”'):
        return None  # "... and the first to reach the pole" at the sentence's end
    return f"the cut dropped {' '.join(run.split()[:4])!r} from inside a clause"


def joint_fault(stem: str, source: str, runs: list[tuple[int, int, list[str]]]) -> str | None:
    """A full stop doubled after an abbreviation ("Mass.."), or the closing comma of a
    dropped restatement left before words that run on with the phrase before it
    ("15 billion miles, or 24 billion kilometres, away" cut to "miles, away"), or None."""
    if re.search(r"(?<!\.)\.\.(?!\.)", stem):
        return "the cut doubled a full stop"
    for start, end, _ in runs:
        if not (RESTATEMENT.match(source[start:end]) and source[:start].rstrip().endswith(",")):
            continue
        following = re.match(r",\s*(?P<word>[a-z][\w-]*)", source[end:])
        word = following["word"] if following else ""
        runs_on = word and not (OPENS_PART.match(word) or VERB.fullmatch(word))
        if runs_on and re.search(rf",\s+{re.escape(word)}\b", stem):
            return f"the cut left a comma before {word!r}"
    return None


def cut_keeps_its_claim(candidate: Candidate, page: Page) -> str | None:
    """A cut stem keeps its sentence's main clause and opening (see module docstring)."""
    stem = filled(candidate) if BLANK in candidate.stem else None
    if stem is None or len(candidate.sources) != 1:
        return None
    source = candidate.sources[0].clean
    runs = dropped_runs(stem, source)
    for start, end, replacement in runs:
        if PRONOUN.match(source[start:end]) and all(w[:1].isupper() for w in replacement):
            continue  # "It" named from the sentence before (``focus.resolved_pronoun``)
        fault = opening_fault(source[:end]) if start == 0 else inner_fault(source, start, end)
        if fault:
            return fault
    return joint_fault(stem, source, runs) if runs else None


# --- condition 2: the asked part is the sentence's claim ------------------------------

CIRCUMSTANCE = re.compile(r"^(?:and )?(?:when|while|whereas|as|if|unless|once|although|though)\b")
PERSON_RELATIVE = re.compile(r"^(?:and )?(?:who|whom)\b")
DATE_BEFORE = re.compile(rf"(?:\b\d{{4}}|\b{MONTH} \d{{1,2}})$")
DESCRIBING_OPENER = re.compile(r"^(?:one|part|each|both|all|some|many|most) of\b")
KNOWN_COUNT = re.compile(rf"\b[Tt]he {BLANK}(?= [a-z])")
MAX_TERM_WORDS = 3


def enclosed(text: str, position: int) -> str | None:
    """ "quotation" or "parenthesis" when ``text[position]`` is inside one, else None. A
    term in quotation marks of up to three words (its “sky crane”) is a name, not
    someone's words."""
    before = text[:position]
    if before.count('"') % 2 or before.count("“") > before.count("”"):
        opened = max(before.rfind('"'), before.rfind("“"))
        closing = re.search(r"[\"”]", text[position:])
        quoted = text[opened + 1 : position + (closing.start() if closing else 0)]
        if len(quoted.split()) > MAX_TERM_WORDS:
            return "quotation"
    if before.count("(") > before.count(")"):
        return "parenthesis"
    return None


def interrupts_main_clause(source: str, spans: list[tuple[int, int]], number: int) -> bool:
    """True when part ``number`` is set off between the main clause's subject and its
    verb, which opens a later part ("The mission, which has cost about $5.2 billion, is
    managed by ..."): an aside about the subject, not what the sentence says of it."""
    texts = [source[start:end] for start, end in spans]
    main_start, _ = main_part(source, spans)
    first = next(n for n, (start, _) in enumerate(spans) if start == main_start)
    if not first < number < len(texts) - 1 or not side(texts[number]):
        return False
    for later in texts[number + 1 :]:
        words = later.split()
        if words and VERB.fullmatch(words[0]):
            return all(side(texts[n]) for n in range(first + 1, number + 1))
        if not side(later):
            return False
    return False


def describes_a_name(source: str, spans: list[tuple[int, int]], number: int) -> bool:
    """True when part ``number`` is an appositive set off after a name ("said Dante
    Lauretta, a planetary scientist at ...", "the FDS, one of the probe's three
    computers"): it describes who or what the name is. A noun phrase after a measure
    sums up the clause instead ("now lasts 11 hours and 23 minutes, a change of 32
    minutes") and states its claim."""
    part = source[spans[number][0] : spans[number][1]]
    if not number or not (appositive(part) or DESCRIBING_OPENER.match(part)):
        return False
    before = source[spans[number - 1][0] : spans[number - 1][1]].split()
    return bool(before) and before[-1][:1].isupper()


def side_part_fault(source: str, position: int) -> str | None:
    """What kind of side part of ``source`` holds the asked part at ``position``, or
    None when it is in the sentence's claim."""
    spans = parts(source)
    number, (start, end) = next(
        (n, span) for n, span in enumerate(spans) if span[0] <= position <= span[1]
    )
    part = source[start:end]
    if describes_a_name(source, spans, number) and len(source[start:position].split()) > 2:
        return "an appositive that describes a named thing"
    if PERSON_RELATIVE.match(part):
        return "a relative clause about a person"
    when_of_a_date = part.startswith("when") and DATE_BEFORE.search(source[:start].rstrip(" ,"))
    if CIRCUMSTANCE.match(part) and not when_of_a_date:
        return f"a {part.split()[0]!r} clause"
    if number and RESTATEMENT.match(part):
        return "a restatement tacked on after a comma"
    if interrupts_main_clause(source, spans, number):
        return "a part set off between the subject and its verb"
    return None


def asks_the_claim(candidate: Candidate, page: Page) -> str | None:
    """The blank of a cloze asks what its sentence claims (see module docstring)."""
    if BLANK not in candidate.stem or not candidate.answers or not candidate.sources:
        return None
    if candidate.type == "numeric" and KNOWN_COUNT.search(candidate.stem):
        return "the blank is a count the stem presents as known ('the ___')"
    position = asked_position(candidate)
    if position is None:
        return None
    source = candidate.sources[0].clean
    if where := enclosed(source, position):
        return f"the blank is inside a {where}"
    if fault := side_part_fault(source, position):
        return f"the blank is in {fault}"
    return None


# --- condition 3: grounded references -------------------------------------------------


def in_context_part(stem: str, position: int) -> bool:
    """True when ``stem[position]`` lies in a side part that does not hold the blank (",
    which guided the spacecraft ... during the final hours of the flight"): context the
    question can be read without."""
    spans = parts(stem)
    for number, (start, end) in enumerate(spans):
        if start <= position <= end:
            part = stem[start:end]
            last = number == len(spans) - 1
            return bool(number) and BLANK not in part and (side(part) or (last and trailing(part)))
    return False


def references_grounded(candidate: Candidate, page: Page) -> str | None:
    """Every definite description of the stem's claim, and every abbreviation, can be
    identified from the stem or the page's topic (see module docstring); a name asked
    inside a description ("the ___ camera") identifies it."""
    stem = candidate.stem or candidate.prompt
    for description in descriptions(stem):
        if BLANK in description.words and candidate.type != "numeric":
            continue
        if in_context_part(stem, description.start):
            continue
        if not grounded(description, stem, page):
            return f"'the {' '.join(description.words)}' is not defined in the stem"
    if short := unexplained_abbreviation(stem, page):
        return f"the abbreviation {short!r} is not spelled out in the stem"
    return None


# --- condition 4: options -------------------------------------------------------------

# A nationality before a common noun ("an Indonesian specialist", "the British drugmaker").
NATIONALITY = re.compile(
    r"\b(?:an?|the|is|was|as) (?P<word>[A-Z][a-z]+(?:an|ese|ish|i|ch))"
    r" (?!(?:and|or|of|for|in|on|at|to|with)\b)[a-z]"
)
ROOT_LETTERS = 5
VALUE_KINDS = frozenset({"date", "number"})


def roots(text: str) -> set[str]:
    """The first five letters of each word of ``text`` that has at least five."""
    return {w.lower()[:ROOT_LETTERS] for w in re.findall(r"[A-Za-z]{5,}", text)}


def fragment_of_longer_name(option: str, text: str) -> bool:
    """True when the article writes ``option`` only inside a longer capitalised name
    ("Lake City" in "Salt Lake City")."""
    found = list(re.finditer(rf"(?<![\w-]){re.escape(option)}(?![\w-])", text))
    return bool(found) and all(re.search(r"[A-Z][\w-]* $", text[: m.start()]) for m in found)


def described_after_blank(stem: str) -> str:
    """What the stem says of the blank: the rest of the blank's part and the part after
    it ("___, is an Indonesian specialist in rock art")."""
    blank = stem.find(BLANK)
    spans = [span for span in parts(stem) if span[1] >= blank]
    if blank < 0 or not spans:
        return ""
    return stem[blank : spans[min(1, len(spans) - 1)][1]]


def option_fault(option: str, kind: str, page: Page) -> str | None:
    """Why one option may not stand among names of ``kind``, or None."""
    if fragment_of_longer_name(option, page.text):
        return f"the option {option!r} is part of a longer name"
    own = kind_from_words(option.split(), page.vocabulary)
    if own and own != kind:
        return f"the option {option!r} is a {asked_nouns().get(own, (own,))[0]}"
    return None


def options_cannot_give_away(candidate: Candidate, page: Page) -> str | None:
    """The options of a question about a name are whole names of the key's kind, and the
    stem singles none of them out (see module docstring)."""
    options = candidate.data.get("options")
    if candidate.type not in ("mcq", "multi") or not options or candidate.kind in VALUE_KINDS:
        return None
    for option in options:
        if fault := option_fault(option, candidate.kind, page):
            return fault
    stem = candidate.stem or candidate.prompt
    pointed = [o for o in options if roots(o) & roots(stem.replace(BLANK, " "))]
    if len(pointed) == 1 and len(options) > 1:
        return f"a word of the stem points to {pointed[0]!r}"
    nationality = NATIONALITY.search(described_after_blank(stem))
    if candidate.kind in ("person", "organisation") and nationality:
        return f"the stem gives the answer's nationality ({nationality['word']!r})"
    return None


# --- condition 5: true/false ----------------------------------------------------------

TWO_CLAIMS = re.compile(
    r";|, (?:and|but|while|whereas|so|yet)\b|\s[—–]\s|"
    rf" (?:and|but) (?:\w+ly |instead |then |also |still )?(?:is|are|was|were|has|have|had|"
    rf"will|would|can|could|did|does|{IRREGULAR_PAST}|[a-z]+ed)\b|"
    r" (?:and|but) (?:for|in|on|at|by|since|after|before|during|then)\b"
)
CHECKABLE = re.compile(r"\d|(?<=\w )[A-Z]|\b(?:one|two|three|four|five|six|seven|eight|nine|ten)\b")
# A lower-case word other than "of", "the", "and" ...: a statement without one is a name.
CONTENT_WORD = re.compile(r"\b(?!(?:of|the|a|an|and|or|in|on|at|for|to)\b)[a-z][\w-]*")


def one_claim_statement(candidate: Candidate, page: Page) -> str | None:
    """A true/false statement states one checkable claim (see module docstring)."""
    if candidate.type != "truefalse":
        return None
    statement = candidate.prompt
    if match := TWO_CLAIMS.search(statement):
        return f"two claims in one statement ({match.group().strip()!r})"
    if not CHECKABLE.search(statement):
        return "nothing checkable: no number, date or name"
    if not CONTENT_WORD.search(statement):
        return "no claim: the statement is only a name"
    return None


CONDITIONS: tuple[Callable[[Candidate, Page], str | None], ...] = (
    cut_keeps_its_claim,
    asks_the_claim,
    references_grounded,
    options_cannot_give_away,
    one_claim_statement,
)


def confidence_failure(candidate: Candidate, page: Page) -> tuple[str, str] | None:
    """(condition name, reason) of the first condition the draft fails, or None when it
    has the shape of a question a teacher would sign."""
    for condition in CONDITIONS:
        reason = condition(candidate, page)
        if reason:
            return condition.__name__, reason
    return None
