"""Quality gates: pure functions that return why a candidate fails, or None.

``GATES`` lists them in the order they run; the first failure rejects the candidate
and is counted under that gate's name in the report.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from .candidate import Candidate
from .clauses import LEADING, MAX_STEM_WORDS, parts
from .entities import abbreviates
from .extract import FUNCTION_WORDS
from .hedges import hedged_claim
from .kinds import name_words
from .pronouns import pronoun_kept_from_source, unresolved_pronoun
from .stems import BLANK, MONTH_ABBREVIATION, WEEKDAY, unintroduced
from .wellformed import cut_is_well_formed

PRONOUN_START = re.compile(
    r"^(it|its|this|that|these|those|they|them|their|he|she|his|her|such|there|then)\b", re.I
)
DEICTIC = re.compile(
    r"\b(above|below)\b(?!\s+(?:the|a|an|its|their|his|her|our|sea level|ground|zero|\d))|"
    r"\b(this|these|that)\s+(\w+\s+){0,3}(image|images|photo|shot|footage|"
    r"picture|video)\b|^(the\s+)?(\w+\s+){0,2}(image|photo|picture|photograph|shot|video)s?\b|"
    r"\bthe same\b|\bas well\b",
    re.I,
)
SUBJECT_PRONOUN = re.compile(r"\b(?:it|they|he|she)\b(?= \S)", re.I)
NUMBER_WORD = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a few|\d+)"
UNIT_OF_TIME = r"(?:years?|months?|weeks?|days?|hours?|minutes?|decades?)"
TIME_OPENER = re.compile(
    rf"^(?:{NUMBER_WORD} (?:\w+ )?{UNIT_OF_TIME} (?:later|earlier|after that|before that)|"
    r"(?:in|on|by|during|since|until) (?:the )?(?:(?:early |late |mid-)?\d{4}s?|"
    r"[A-Z][a-z]+\.?(?: \d{1,2})?(?:,? \d{4})?)|"
    r"later|then|soon|soon after|meanwhile|since then|at first|eventually|finally|now|today|"
    r"also|still)\b,?\s*",
    re.I,
)
DEFINITE_PICTURE = re.compile(r"\bthe (?P<noun>picture|photo|image|shot|video|footage)\b", re.I)
DEMONSTRATIVE_PRONOUN = re.compile(r"\b(?:this|that|these|those)(?=\s*[,.;:?])", re.I)
IDENTIFIED = re.compile(
    r"^(?: of the [a-z]+)? (?:published|released|shown|taken|captured|obtained) (?:on|by|at) "
    r"[A-Z0-9]"
)
ALL_NONE = re.compile(r"\b(all|none|both|neither) of the (above|these)\b", re.I)
STOP_WORDS = FUNCTION_WORDS | frozenset("its be which while will has have had nasa's".split())


def normalise(text: str) -> str:
    """Case-, whitespace- and punctuation-insensitive form (how the app compares answers)."""
    return " ".join(re.sub(r"[^\w\s]", "", text.lower()).split())


def content_words(text: str) -> set[str]:
    """Lower-case words of a text without stop words."""
    return {w for w in normalise(text).split() if w not in STOP_WORDS and len(w) > 2}


def answer_supported(candidate: Candidate) -> str | None:
    """Every answer string must occur in the cited source text."""
    source = " ".join(s.clean for s in candidate.sources)
    for answer in candidate.answers:
        if normalise(answer) not in normalise(source):
            return f"answer {answer!r} not in source"
    return None


def answer_given_away(candidate: Candidate) -> str | None:
    """The stem must not contain the answer (or any accepted variant) elsewhere."""
    if not candidate.stem or candidate.type == "truefalse":
        return None
    variants = list(candidate.answers) + list(candidate.data.get("answers", []))
    stem = f" {normalise(candidate.stem)} "
    for variant in variants:
        if f" {normalise(variant)} " in stem:
            return f"stem contains {variant!r}"
    return None


ACRONYM = re.compile(r"[A-Z][\w-]*[A-Z][\w-]*")
CAPITALISED_RUN = re.compile(r"[A-Z][\w]*(?:[\s-]+(?:(?:of|and|for|the) )?[A-Z][\w]*)+")


def initials(name: str) -> str:
    """Initials of the capitalised words of a name ("Laser-Induced Breakdown
    Spectroscope": "LIBS")."""
    return "".join(word[0] for word in re.split(r"[\s-]+", name) if word[:1].isupper())


def in_order(letters: str, word: str) -> bool:
    """True when ``letters`` occur in ``word`` in order (case-insensitive)."""
    rest = iter(word.upper())
    return all(letter in rest for letter in letters.upper())


def spells_out(short: str, name: str) -> bool:
    """True when the last words of ``name`` expand the abbreviation ``short``: their
    initials occur in it in order and its letters in them ("NIRCam", "Near Infrared
    Camera")."""
    words = re.split(r"\s+", name)
    for first in range(len(words)):
        tail = " ".join(words[first:])
        letters = initials(tail)
        same_start = len(letters) >= 2 and letters[0] == short[0]
        if same_start and in_order(letters, short) and abbreviates(short, tail):
            return True
    return False


def acronym_not_spelled_out(candidate: Candidate) -> str | None:
    """An abbreviation is not asked beside its expansion, nor the expansion beside the
    abbreviation: "a Laser-Induced Breakdown Spectroscope (___)" spells out "LIBS"."""
    if candidate.type not in ("short", "mcq", "multi") or not candidate.stem:
        return None
    stem = candidate.stem
    for answer in candidate.answers:
        if ACRONYM.fullmatch(answer):
            if any(spells_out(answer, run) for run in CAPITALISED_RUN.findall(stem)):
                return f"the stem spells out {answer!r}"
        elif any(spells_out(word, answer) for word in ACRONYM.findall(stem)):
            return f"the stem abbreviates {answer!r}"
    return None


def opens_with_pronoun_subject(text: str) -> str | None:
    """The subject pronoun ("it", "they", "he", "she") of a clause with nothing before
    it in the text but a leading adverbial or a time phrase ("A year later it swung past
    Jupiter", "In 2006, they ..."): it names something from an earlier sentence."""
    spans = parts(text)
    for match in SUBJECT_PRONOUN.finditer(text):
        start = 0
        for number, (part_start, part_end) in enumerate(spans[:-1]):
            if part_end > match.start():
                break
            if number == 0 and LEADING.match(text[part_start:part_end]):
                start = spans[1][0]
        before = text[start : match.start()].strip(' "“')
        while before and (opener := TIME_OPENER.match(before)):
            before = before[opener.end() :]
        if not before.strip():
            return match.group()
    return None


def dangling_reference(candidate: Candidate) -> str | None:
    """No pronoun or "this/that" at the start, and no pointer to a picture or context
    ("the image above", "shown below"; "above the surface", a preposition before its
    noun phrase, points at nothing)."""
    text = candidate.stem or candidate.prompt
    if PRONOUN_START.search(text.lstrip('"“ ')):
        return "starts with a pronoun"
    if pronoun := opens_with_pronoun_subject(text) or unresolved_pronoun(text):
        return f"refers to missing context: {pronoun!r}"
    if pronoun := pronoun_kept_from_source(text, candidate.sources):
        return f"refers to missing context: {pronoun!r}"
    for match in DEICTIC.finditer(text):
        named = re.search(r"\bthe\b", match.group(), re.I) and IDENTIFIED.match(
            text[match.end() :]
        )  # "the video of the landing published on ...", never a bare caption "Photo released"
        if not named:
            return f"refers to missing context: {match.group().strip()!r}"
    if match := DEMONSTRATIVE_PRONOUN.search(text):
        return f"refers to missing context: {match.group()!r}"
    for match in DEFINITE_PICTURE.finditer(text):
        noun = match["noun"]
        if IDENTIFIED.match(text[match.end() :]):
            continue  # "the video of the landing published on February 22, 2021"
        if not re.search(rf"\ban? (?:[\w-]+ ){{0,3}}{noun}\b", text[: match.start()], re.I):
            return f"refers to missing context: {match.group()!r}"
    return None


PARTITIVE_HEAD = re.compile(
    r"^(?:Much|Most|Some|All|Part|Many|None|Half) of (?:the|this|that|these|those) "
    r"[\w-]+ (?:came|comes|was|were|is|are|has|have|had|\w+ed)\b"
)


# An opening adverbial that only makes sense after the sentence before it: it points at a
# place, time or case the stem does not give ("At the other end of the planet", "By
# then", "In that case", "Meanwhile", "On the other hand").
CONTEXT_OPENER = re.compile(
    r"^(?:At the (?:other|opposite) end\b|At the same time\b|By then\b|By that (?:time|point)\b|"
    r"In (?:that|this|which|either|each) case\b|In the meantime\b|Meanwhile\b|"
    r"On the other hand\b|In contrast\b|By contrast\b|Even so\b|Instead\b|Otherwise\b|"
    r"As a result\b|Because of (?:this|that)\b|For (?:this|that) reason\b|"
    r"(?:Nevertheless|Nonetheless|However|Still|Besides|Likewise|Similarly|Conversely),)"
)


def introduced_reference(candidate: Candidate) -> str | None:
    """ "The company" or "the agency" in a stem that does not name it ("In 2019 the
    company said ..."), and a stem that opens with a part of something earlier ("Much of
    the improvement came from ..."), point at a sentence the student has not read."""
    text = candidate.stem or candidate.prompt
    if match := CONTEXT_OPENER.match(text.lstrip('"“ ')):
        return f"refers to missing context: {match.group()!r}"
    if PARTITIVE_HEAD.match(text):
        return f"refers to missing context: {PARTITIVE_HEAD.match(text).group()!r}"
    if match := unintroduced(text):
        return f"refers to missing context: {match.group()!r}"
    return None


# A comparative adjective or adverb of degree; "earlier" and "later" are left out, as
# they mostly place an event in time ("two years later").
COMPARATIVE = re.compile(
    r"(?<!\bthe )(?<!\bits )(?<!\ba )(?<!\ban )\b(?:lower|higher|greater|smaller|larger|"
    r"bigger|fewer|faster|slower|longer|shorter|stronger|weaker|cheaper|hotter|colder|warmer|cooler|deeper|"
    r"heavier|lighter|better|worse)\b(?P<rest>[^,;:.]*)",
    re.IGNORECASE,
)
# "than" followed by what the comparison is measured against in the stem itself, not by
# a word that points to another sentence ("than before", "than expected").
THAN_REFERENCE = re.compile(r"\bthan (?!before\b|expected\b|previously\b|planned\b|usual\b)\w")


def comparison_has_reference(candidate: Candidate) -> str | None:
    """A comparative in a cloze stem must say what it compares with ("somewhat lower, at
    ___ percent", "higher than before" leave the standard in another sentence)."""
    if BLANK not in (candidate.stem or ""):
        return None
    for match in COMPARATIVE.finditer(candidate.stem):
        if not THAN_REFERENCE.search(match["rest"]):
            return f"a comparison without its standard: {match.group().split()[0]!r}"
    return None


def distractors_distinct(candidate: Candidate) -> str | None:
    """Options differ after normalisation and none equals an answer."""
    options = candidate.data.get("options")
    if options is None:
        return None
    keys = [normalise(o) for o in options]
    if len(set(keys)) != len(keys):
        return "options repeat after normalisation"
    return None


def distractor_form(candidate: Candidate) -> str | None:
    """Distractors look like the answer: similar length, same capitalisation style."""
    if not candidate.answers or candidate.type not in ("mcq", "multi"):
        return None
    answer = candidate.answers[0]
    for distractor in candidate.distractors:
        ratio = len(distractor) / max(len(answer), 1)
        if not 0.3 <= ratio <= 3.3:
            return f"distractor {distractor!r} differs in length"
        if written_as_name(distractor) != written_as_name(answer):
            return f"distractor {distractor!r} differs in form"
    return None


def written_as_name(text: str) -> bool:
    """True for a capitalised word or a name in camel case ("eGenesis", "iPhone")."""
    return text[:1].isupper() or bool(re.match(r"[a-z]+[A-Z]", text))


FILLS_BLANK = re.compile(r"\bWhich (?P<noun>[a-z ]+?) fills? the blanks?\b")


def options_alike(candidate: Candidate) -> str | None:
    """Named options are written alike: never "Perseverance rover" or "Mars Curiosity
    camera" beside bare names ("Opportunity", "Spirit"), which marks one option out."""
    named = [o for o in candidate.data.get("options", []) if o[:1].isupper()]
    if candidate.type not in ("mcq", "multi") or len(named) < 2:
        return None
    tails = {o.split()[-1][:1].islower() for o in named}
    if len(tails) > 1:
        return "options written in different forms"
    return None


def blank_noun_agrees(candidate: Candidate) -> str | None:
    """ "Which X fills the blank?" names the noun that follows the blank when it is a kind
    word ("the ___ instrument is led by ...": "Which instrument ...", never "Which camera")."""
    asked = FILLS_BLANK.search(candidate.prompt)
    after = re.match(r"___ (?P<word>[a-z]+)", candidate.stem[candidate.stem.find("___") :])
    if not asked or not after or after["word"] not in name_words("after_blank"):
        return None
    if asked["noun"].split()[-1] not in (after["word"], after["word"].rstrip("s")):
        return f"asks for a {asked['noun']!r} before {after['word']!r}"
    return None


def stem_not_too_long(candidate: Candidate) -> str | None:
    """A stem of at most 35 words: longer ones hide what is asked."""
    words = len(candidate.stem.split())
    if words > MAX_STEM_WORDS:
        return f"stem of {words} words"
    return None


def explanation_quotes_source(candidate: Candidate) -> str | None:
    """The explanation quotes every cited sentence as the article wrote it."""
    for sentence in candidate.sources:
        if sentence.quoted not in candidate.explanation:
            return "explanation does not quote the source"
    return None


def no_all_or_none(candidate: Candidate) -> str | None:
    """No "all of the above" or "none of the above" options."""
    for option in candidate.data.get("options", []):
        if ALL_NONE.search(option):
            return "all/none of the above"
    return None


def grammatical_prompt(candidate: Candidate) -> str | None:
    """Questions end with "?"; statements to judge end with "." and read as statements."""
    prompt = candidate.prompt
    if candidate.type == "truefalse":
        if not prompt.endswith(".") or prompt.endswith(("?", ":")):
            return "statement does not end with '.'"
    elif not prompt.endswith("?"):
        return "question does not end with '?'"
    if prompt.count("(") != prompt.count(")") or prompt.count('"') % 2:
        return "unbalanced brackets or quotes"
    return None


def number_keeps_unit(candidate: Candidate) -> str | None:
    """Numeric answers keep their unit and the precision written in the source."""
    if candidate.type != "numeric":
        return None
    if not candidate.data.get("unit"):
        return "numeric answer without unit"
    if candidate.data["tolerance"] < 0:
        return "negative tolerance"
    return None


def make_answer_not_obvious(sentences: Sequence[str]) -> Callable[[Candidate], str | None]:
    """Gate factory: a name the article repeats in four or more sentences (its subject,
    such as the rover or NASA) is too easy to be the answer of a cloze question, and
    swapping it out of a true statement gives one that may be true of the other
    (Curiosity was lowered by a sky crane too)."""

    def answer_not_obvious(candidate: Candidate) -> str | None:
        if candidate.type not in ("mcq", "short", "multi") and candidate.rule != (
            "truefalse.swap_entity"
        ):
            return None
        for answer in candidate.answers:
            key = normalise(answer).split()[-1] if answer else ""
            if key and sum(f" {key} " in f" {normalise(s)} " for s in sentences) >= 4:
                return f"answer {answer!r} is the article's subject"
        return None

    return answer_not_obvious


def make_distractor_not_true(sentences: Sequence[str]) -> Callable[[Candidate], str | None]:
    """Gate factory: a distractor must not be stated, in the same context, elsewhere.

    A distractor counts as possibly true when some other article sentence contains it
    and at least half of the stem's content words.
    """

    def distractor_not_true(candidate: Candidate) -> str | None:
        stem_words = content_words(candidate.stem)
        if not stem_words or candidate.type not in ("mcq", "multi", "truefalse"):
            return None
        for distractor in candidate.distractors:
            for sentence in sentences:
                if f" {normalise(distractor)} " not in f" {normalise(sentence)} ":
                    continue  # whole words: "usable" is not in "unusable"
                shared = stem_words & content_words(sentence)
                if len(shared) >= max(2, len(stem_words) // 2):
                    return f"distractor {distractor!r} may also be true"
        return None

    return distractor_not_true


# Rules that ask what a teacher would not test: who said a quote, a figure of speech,
# which letters an abbreviation stands for (the letters give the answer away).
TRIVIA_RULES = frozenset(
    {"mcq.wh_who_said", "short.wh_who_said", "short.nickname", "matching.abbreviation",
     "matching.person_role"}
)  # fmt: skip
STALE_TIME = re.compile(
    r"\b(?:today|tonight|yesterday|tomorrow|this (?:week|month|morning|afternoon)|"
    r"(?:late |early )?(?:last|next) (?:week|month)|(?:(?:earlier|later) )?(?:this|last|next) "
    r"year|(?:(?:early|late|earlier|later) )?(?:this|last|next) "
    r"(?:spring|summer|autumn|fall|winter)|"
    r"later (?:on )?(?:today|this \w+|"
    rf"(?:on )?{WEEKDAY})|{WEEKDAY}(?:'s|’s)?(?! ?,? ?{MONTH_ABBREVIATION}))\b",
    re.I,
)


SPEAKER_BLANK = re.compile(
    r"___,? (?:\w+ )?(?:said|says|noted|told|added)\b|\b(?:said|says|noted|added),? ___"
)
SPEECH_ACT = re.compile(
    r"\b(?:said|says|told|added|noted|announced|congratulated|praised|thanked|welcomed|"
    r"called|described|warned|urged|insisted)\b"
)
SPEAKER_STATEMENT = re.compile(rf"^(?:[A-Z][\w.-]+ ){{2,4}}(?:\w+ly )?{SPEECH_ACT.pattern}")
HALF_NAME = re.compile(r"\b(?P<before>[A-Z][\w-]+) ___|___ (?P<after>[A-Z][a-z][\w-]*)\b")


def not_trivia(candidate: Candidate) -> str | None:
    """Who said what, metaphors and abbreviation letters are not what a topic teaches;
    nor is which person said, praised or congratulated, whatever stands between the
    name and the verb ("___, the administrator of NASA, congratulated ISRO"), nor a
    statement that a named person did so ("Bill Nelson congratulated ISRO ...")."""
    if candidate.rule in TRIVIA_RULES or SPEAKER_BLANK.search(candidate.stem):
        return "trivia a teacher would not ask"
    if candidate.type == "truefalse" and SPEAKER_STATEMENT.match(candidate.prompt):
        return "trivia a teacher would not ask"
    if candidate.kind == "person" and SPEECH_ACT.search(candidate.stem):
        return "trivia a teacher would not ask"
    return None


def whole_name_blanked(candidate: Candidate) -> str | None:
    """A blank next to a capitalised word cuts a name in half ("Mars ___ relayed the
    data"): the answer "Reconnaissance Orbiter" is only part of a name."""
    if candidate.type not in ("short", "mcq", "multi") or "___" not in candidate.stem:
        return None
    for match in HALF_NAME.finditer(candidate.stem):
        word = match["before"] or match["after"]
        if word.lower() not in FUNCTION_WORDS:
            return f"the blank cuts a name in half ({match.group()!r})"
    return None


def no_stale_time(candidate: Candidate) -> str | None:
    """ "Later on Friday", "last week", "last summer" or "Thursday's descent" mean nothing
    to a student reading the question months later; a weekday next to its date
    ("Saturday, Feb. 20") is fine."""
    match = STALE_TIME.search(candidate.prompt)
    return f"time word {match.group()!r} only makes sense on the day" if match else None


COMPOUND_PART = re.compile(r"___ [a-z]+ and \d|\d+ [a-z]+ and ___")


def number_is_whole(candidate: Candidate) -> str | None:
    """ "11 hours and ___ minutes" asks for half of one quantity, not a number to learn."""
    if candidate.type == "numeric" and COMPOUND_PART.search(candidate.prompt):
        return "the blank is part of a compound quantity"
    return None


def number_not_given_away(candidate: Candidate) -> str | None:
    """A count of one is given away by its singular unit ("just ___ degree")."""
    unit = str(candidate.data.get("unit") or "")
    if candidate.type != "numeric" or candidate.data.get("answer") != 1 or not unit:
        return None
    following = re.search(r"___\s+(?:[A-Z]\w+ )?(?P<word>[a-z]+)", candidate.prompt)
    if following and not following["word"].endswith("s"):
        return f"the singular {following['word']!r} gives the number away"
    return None


COMPARISON = re.compile(
    r"\b(?:the (?:size|length|height|width|weight) of|as \w+ as|times (?:the|as)) (?:about )?___"
)
LIST_COUNT = re.compile(r"\w+ and [^,;:]+, ___ ")
RATIO = re.compile(r"\b\d[\d,.]* (?:of|out of) ___|___ (?:of|out of) \d")


def number_is_a_fact(candidate: Candidate) -> str | None:
    """A number worth learning: not a comparison ("the size of ___ football fields"), not
    the count of a list the stem just gave ("treats sickle cell disease and beta
    thalassaemia, ___ inherited disorders") and not one half of a ratio ("28 of ___
    people")."""
    if candidate.type != "numeric":
        return None
    stem = candidate.stem or candidate.prompt
    if COMPARISON.search(stem):
        return "the number is a comparison, not a fact"
    if LIST_COUNT.search(stem) and candidate.data.get("answer", 0) <= 5:
        return "the list before the blank gives the count away"
    if RATIO.search(stem):
        return "the blank is one half of a ratio"
    return None


NAME = r"[A-Z][\w.-]*(?: (?:of |the |de )?[A-Z][\w.-]*)*"
NAMED_LIST = re.compile(rf"{NAME}(?:, {NAME})*,? (?:and|or) {NAME}(?:, {NAME})?")
PAIR = re.compile(
    r"\b(?:both|twin|either|neither|pair|each of the two)\b|\bone\b[^.;]*\bthe other\b", re.I
)
MAX_GIVEN_COUNT = 6
# "grids of ___ sizes, 3 by 3, 5 by 5 and 7 by 7": the items counted, listed after them.
LIST_AFTER_COUNT = re.compile(
    r"___ [\w-]+(?: [\w-]+){0,2}, (?P<items>[^,.;:]{1,30}(?:, [^,.;:]{1,30})*,? and "
    r"[^,.;:]{1,30})(?=[.;:]|$)"
)

# "three rockets, one before, one during and one after": the count, one item at a time.
ONE_BY_ONE = re.compile(r"\bone [^,.;]+?(?:, one [^,.;]+?)*,? and one\b", re.IGNORECASE)


def listed_counts(stem: str) -> set[int]:
    """How many named things each list in the stem names: "Mastcam-Z, SuperCam and PIXL"
    is 3; "Livingston, Louisiana, and Hanford, Washington" is 4 names or 2 places."""
    counts = set()
    for match in NAMED_LIST.finditer(stem):
        names = len(re.split(r",? (?:and|or) |, ", match[0]))
        counts.add(names)
        if names % 2 == 0 and "," in match[0]:
            counts.add(names // 2)  # places written with their region
    return counts


def count_not_given_away(candidate: Candidate) -> str | None:
    """A small count is given away when the stem lists that many named things or counts
    them one by one ("one before, one during and one after"), or, for two, says "both",
    "pair", "either" or "one ... the other"."""
    answer = candidate.data.get("answer")
    if candidate.type != "numeric" or answer not in range(2, MAX_GIVEN_COUNT + 1):
        return None
    stem = candidate.stem or candidate.prompt
    if answer == 2 and PAIR.search(stem):
        return f"{PAIR.search(stem)[0]!r} gives the count away"
    if answer in listed_counts(stem):
        return "a list of that many names gives the count away"
    if (listed := LIST_AFTER_COUNT.search(stem)) and answer == len(
        re.split(r",? and |, ", listed["items"])
    ):
        return "the list after the count gives it away"
    if any(answer == len(re.findall(r"\bone\b", m[0], re.I)) for m in ONE_BY_ONE.finditer(stem)):
        return "the things counted one by one give the count away"
    return None


def not_a_reported_guess(candidate: Candidate) -> str | None:
    """A forecast or guess the article only reports ("said the organ could last for at
    least two years") is no fact to learn, nor to state as true or false (``hedges``)."""
    return "a reported forecast or guess, not a fact" if hedged_claim(candidate) else None


STATIC_GATES: tuple[Callable[[Candidate], str | None], ...] = (
    not_trivia,
    not_a_reported_guess,
    no_stale_time,
    number_not_given_away,
    number_is_whole,
    number_is_a_fact,
    count_not_given_away,
    whole_name_blanked,
    answer_supported,
    grammatical_prompt,
    cut_is_well_formed,
    dangling_reference,
    introduced_reference,
    comparison_has_reference,
    answer_given_away,
    acronym_not_spelled_out,
    distractors_distinct,
    no_all_or_none,
    distractor_form,
    options_alike,
    blank_noun_agrees,
    stem_not_too_long,
    explanation_quotes_source,
    number_keeps_unit,
)


def run_gates(candidate: Candidate, sentences: Sequence[str]) -> tuple[str, str] | None:
    """(gate name, reason) of the first failing gate, or None when all pass."""
    gates = (*STATIC_GATES, make_answer_not_obvious(sentences), make_distractor_not_true(sentences))
    for gate in gates:
        reason = gate(candidate)
        if reason:
            return gate.__name__, reason
    return None
