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
  ... to fuse, ...");
* a parenthesis, and a second predicate of the subject (", and was built in ...");
* a list of examples opened by "including" or "such as", all its items together;
* a trailing "with two ..." or "about the length of ..." phrase, a closing noun phrase
  that sums up the clause before it (", a delay that helped ..."), a last clause with a
  plain subject of its own (", and countries have asked ..."), and a "with ..." phrase
  that sets the scene after a leading condition ("In places where ..., with nearly all
  infections ..., three doses ..."); the condition itself stays, as it limits the claim.

A dropped aside takes its opening comma and leaves the closing one when that comma also
closes the phrase before it ("Professor Hill, the director of the institute, said") or
opens a clause with a named subject (", Kempton said"). Only a comma followed by a space
breaks a sentence into parts, so a name such as "RTS,S/AS01" is never split.

A part holding the blank, or a quotation mark, is never dropped, and a cut must leave a
sentence: it never drops the main clause (the first part that is not a leading
adverbial, "According to the team's analysis, the signal came from ..."), and never
leaves a relative clause (", that spiraled into each other") hanging on another noun
than before the cut. When nothing more can go safely the stem is left as it is and the
length gate drops the candidate rather than ask a broken stem.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .candidate import Candidate
from .stems import BLANK, unintroduced

MAX_STEM_WORDS = 35
SUBORDINATE = (
    "which|who|whom|whose|where|when|while|whereas|because|although|though|as|after|before|"
    "since|until|including|according|unlike|however|part|one|both|each|or about|or roughly|"
    "or nearly|or almost"
)
DETERMINER = re.compile(r"^(?:a|an|the|his|her|its|their)\b", re.I)
IRREGULAR_PAST = (
    "became|began|bent|blew|broke|brought|built|came|caught|chose|drew|drove|dug|fed|fell|"
    "felt|flew|found|froze|gave|got|"
    "grew|held|hung|kept|knew|laid|led|left|lost|made|meant|met|paid|put|ran|rose|said|sat|"
    "saw|sent|set|shot|showed|shown|sold|spent|split|spoke|stood|struck|swept|took|taught|"
    "thought|threw|told|tore|went|woke|won|wore|wrote"
)
VERB = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|must|"
    rf"did|does|do|{IRREGULAR_PAST}|\w+ed)\b",
    re.I,
)
INSIDE = re.compile(rf"^(?:{SUBORDINATE}|[a-z]+ing|[a-z]+ed (?:by|in|on|at|from|with))\b", re.I)
TRAILING = re.compile(
    rf"^(?:{SUBORDINATE}|[a-z]+ing|so|in which|but|[a-z]+ed (?:by|in|on|at|from|with)|"
    r"(?:in|with|at|amid|from) (?:a|an)\b|with (?:one|two|three|four|five|six|\d[\d,.]*)\b|"
    r"about the \w+ of)\b",
    re.I,
)
SECOND_CLAUSE = re.compile(
    r"^and (?:it|they|he|she|its|their|the|a|an|this|these|that|those|there|whose|which|"
    r"[A-Z]\w+|(?:before|after|in|on|since|during|until) \w+) "
    # a plural subject of its own: ", and countries have asked ..."
    r"|^and [a-z]+ (?:have|has|had|are|were|is|was|will|would|can|could)\b"
    # a second predicate of the same subject: ", and was designed ...", ", and found ..."
    rf"|^and (?:is|are|was|were|has|have|had|will|would|can|could|{IRREGULAR_PAST}|[a-z]+ed)\b"
)
LEADING = re.compile(
    r"^(?:After|Before|During|Since|When|While|Although|Though|Because|As|To|With|Unlike|"
    r"In|On|At|For|By|Despite|Once|If|According to)\b"
)
# Openers of a leading part that are only prepositions: such a part with a verb of its own
# ("In Tonga itself ash blanketed the island") is the main clause, not an adverbial.
PREPOSITION_OPENER = re.compile(r"^(?:To|With|Unlike|In|On|At|For|By|Despite|According to)\b")
# Words that open nothing but a clause: a part they open with no verb in it ("where the
# capital" before ", Nuku'alofa, stands") goes on in the next part and cannot go alone.
CLAUSE_ONLY = re.compile(r"^(?:which|who|whom|whose|where|whereas|because|although|though)\b")
CONJUNCTION_START = re.compile(r"^(?:and|but|or|so|nor|yet)\b", re.I)
RELATIVE = re.compile(r"^(?:that|which|who|whom|whose)\b")
BREAK = re.compile(r", | [—–] |[—–]")
PARENTHETICAL = re.compile(r" \([^()]*\)(?=[\s,.;:!?])")
LIST_WORD = re.compile(r"\b(?:and|or)\b")


PLACE_AFTER_COMMA = re.compile(r"[A-Z][\w.]*(?: [A-Z][\w.]*)?(?=[,.;:!?]|$| [—–])")
FIRST_ADJECTIVE = re.compile(r"\b(?:a|an|the|its|their|his|her|our|this|that)\s+[a-z][\w-]*$", re.I)
NEXT_ADJECTIVE = re.compile(r"(?P<adjective>[a-z][\w-]*) (?P<noun>[a-z][\w-]*)\b")
NOT_MODIFIER = re.compile(rf"^(?:{SUBORDINATE}|and|or|but|so|the|a|an|of|to|in|on|at|by|for|with)$")


def coordinate_adjectives(before: str, after: str) -> bool:
    """True when a comma sits between two adjectives before their noun ("the small, icy
    world", "a long, narrow valley"): one determiner, one word, the comma, then a word
    and a noun that are neither a clause-opening word nor a verb."""
    if not FIRST_ADJECTIVE.search(before):
        return False
    match = NEXT_ADJECTIVE.match(after)
    if not match:
        return False
    words = (match["adjective"], match["noun"])
    return not any(NOT_MODIFIER.match(word) or VERB.fullmatch(word) for word in words) and not (
        re.fullmatch(r"[a-z]+ing", match["adjective"])
    )


def parts(text: str) -> list[tuple[int, int]]:
    """Spans of the text between commas and dashes (a comma inside a number, as in
    "6,000", inside a place, as in "Livermore, California", before the year of a date,
    or between two adjectives, as in "the small, icy world", is not a break)."""
    spans, start = [], 0
    for match in BREAK.finditer(text):
        after_name = re.search(r"\b[A-Z][\w.-]*$", text[: match.start()])
        if after_name and PLACE_AFTER_COMMA.match(text, match.end()):
            continue
        if re.match(r"\d{4}\b", text[match.end() :]):
            continue  # "Feb. 22, 2021": the year of a date
        if match.group() == ", " and coordinate_adjectives(
            text[: match.start()], text[match.end() :]
        ):
            continue
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


APPOSITIVE_RELATIVE = re.compile(r"\b(?:who|which|that)\b")


def appositive(part: str) -> bool:
    """A short noun phrase naming what comes before it (", the director of ...", "a
    chemist at the university who has ..."), not a list item or a clause ("the former
    Soviet Union and China had landed"); a relative clause may close it."""
    relative = APPOSITIVE_RELATIVE.search(part)
    head = part[: relative.start()] if relative else part
    return (
        bool(DETERMINER.match(part))
        and len(head.split()) <= 10
        and (relative is not None or len(part.split()) <= 10)
        and not LIST_WORD.search(head)
        and (not VERB.search(head))
    )


def leading(part: str) -> bool:
    """A leading adverbial before the main clause: "After that failure", "When it reached
    orbit", "In 2019"; not a main clause that opens with a place ("In Tonga itself ash
    blanketed the main island")."""
    if not LEADING.match(part) or setting(part):
        return False
    return not (PREPOSITION_OPENER.match(part) and VERB.search(part))


def setting(part: str) -> bool:
    """A leading place or condition whose verb is its relative clause's own ("In places
    where malaria is seasonal"): it limits the claim, so it stays, but it is not the
    main clause."""
    head = re.split(r"\b(?:where|when|which|that|who)\b", part, maxsplit=1)[0]
    return bool(PREPOSITION_OPENER.match(part)) and head != part and not VERB.search(head)


def whole_clause(part: str) -> bool:
    """False for a short part opened by a clause word with no verb in it ("where the
    capital" in "where the capital, Nuku'alofa, stands"): its clause goes on past the
    comma. A longer part is read as whole, since a verb in the present ("which maps
    the ices") is not recognised."""
    if not CLAUSE_ONLY.match(part) or len(part.split()) > 3:
        return True
    return bool(VERB.search(part) or re.search(r"\w+ing\b", part))


def aside(part: str, following: str) -> bool:
    """A part set off inside the sentence that may go: a relative clause, a participle
    phrase or an appositive, when the next part does not continue a list ("and ...")
    nor end one the part began ("without power, water or a roof")."""
    next_part = re.split(BREAK, following, maxsplit=1)[0]
    ends_list = LIST_WORD.search(next_part) and not VERB.search(next_part)
    relative = re.match(r"and (?:which|whose|who)\b", next_part)
    clause = SECOND_CLAUSE.match(next_part) and VERB.search(next_part) and not relative
    continues_list = (re.match(r"(?:and|or) ", following) and not clause) or ends_list
    return (
        not continues_list and whole_clause(part) and (bool(INSIDE.match(part)) or appositive(part))
    )


def trailing(part: str) -> bool:
    """A last part that adds a second claim: a subordinate or participle clause, or a
    clause of its own after "and"."""
    second = SECOND_CLAUSE.match(part) and VERB.search(part)
    # "..., a delay that helped the scientists confirm ...": a noun phrase that sums up
    # the clause before it and says something more of it
    summing_up = DETERMINER.match(part) and APPOSITIVE_RELATIVE.search(part) and appositive(part)
    return whole_clause(part) and bool(TRAILING.match(part) or second or summing_up)


LIST_OPENER = re.compile(r"^(?:including|such as)\b")


def whole_list(text: str, spans: list[tuple[int, int]], number: int) -> tuple[int, int] | None:
    """The range of a list opened by "including" or "such as" at part ``number``, through
    the part that ends it with "and" or "or" ("including cameras, spectrometers ..., a
    radar and a magnetometer"); its items go together or not at all, since dropping the
    first alone runs the second onto the noun before it. None when the list holds the
    blank or a quotation, or when its end is the sentence's end."""
    for last in range(number, len(spans) - 1):
        item = text[spans[last][0] : spans[last][1]]
        if BLANK in item or re.search(r"[\"“”]", item):
            return None
        if LIST_WORD.search(item):
            return spans[number - 1][1], spans[last][1]
    return None


def comma_closes(text: str, spans: list[tuple[int, int]], number: int) -> bool:
    """True when the comma after part ``number`` must stay once the part goes: the part
    before it is itself set off (an appositive or a name after the subject, "Professor
    Hill, the director of the institute, who ..., said"), or what follows opens with a
    name, the subject of a clause of its own ("on the side of the range, whose people
    ..., Kempton said"), or a second clause of its own (", and there were ...")."""
    main_start, _ = main_part(text, spans)
    before = text[spans[number - 1][0] : spans[number - 1][1]]
    name = before[:1].isupper() and len(before.split()) <= 4 and not VERB.search(before)
    if spans[number - 1][0] > main_start and (appositive(before) or name):
        return True
    following = text[spans[number + 1][0] : spans[number + 1][1]]
    second = SECOND_CLAUSE.match(following) and VERB.search(following)
    return following[:1].isupper() or bool(second)


def droppable(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Character ranges (with the punctuation that sets them off) that may be dropped."""
    ranges = []
    last = len(spans) - 1
    for number, (start, end) in enumerate(spans[:-1] if last else []):
        part = text[start:end]
        if BLANK in part or re.search(r"[\"“”]", part):
            continue
        if number == 0:
            if leading(part):
                ranges.append((0, spans[1][0]))
        elif absolute(part) and all(
            leading(text[a:b]) or setting(text[a:b]) for a, b in spans[:number]
        ):
            ranges.append((spans[number - 1][1], end))
        elif LIST_OPENER.match(part):
            if listed := whole_list(text, spans, number):
                ranges.append(listed)
        elif aside(part, text[spans[number + 1][0] :]):
            following = text[spans[number + 1][0] : spans[number + 1][1]]
            set_off = INSIDE.match(following) or TRAILING.match(following)
            closed = set_off or comma_closes(text, spans, number)
            ranges.append((spans[number - 1][1], end if closed else spans[number + 1][0] - 1))
    start, end = spans[-1] if last else (0, 0)
    part = text[start:end]
    if last and BLANK not in part and not re.search(r"[\"“”]", part) and trailing(part):
        ranges.append((spans[-2][1], len(text.rstrip(".!?"))))
    return ranges


def in_side_part(text: str, position: int) -> bool:
    """True when ``text[position]`` lies in a part the sentence could do without: a
    leading adverbial, a part opened by a subordinating word or a participle (",
    which stand about 3,000 kilometers apart"), an appositive, or a trailing second
    clause. The main clause holds the sentence's own claim."""
    spans = parts(text)
    for number, (start, end) in enumerate(spans):
        if not start <= position <= end:
            continue
        part = text[start:end]
        if number == 0:
            return len(spans) > 1 and leading(part)
        return bool(INSIDE.match(part) or appositive(part) or trailing(part))
    return False


def capitalised(text: str) -> str:
    """The text with its first letter in upper case."""
    return text[:1].upper() + text[1:]


def main_part(text: str, spans: list[tuple[int, int]]) -> tuple[int, int]:
    """The span of the main clause's first part: the first part that is not a leading
    adverbial ("According to the team's analysis", "After that failure")."""
    for number, (start, end) in enumerate(spans):
        part = text[start:end]
        if not (leading(part) or setting(part) or (number and absolute(part))):
            return start, end
    return spans[-1]


def absolute(part: str) -> bool:
    """A phrase opened by "with" that sets the scene after a leading adverbial ("In
    places where malaria is seasonal, with nearly all infections packed into the rainy
    season, three doses ...")."""
    return bool(re.match(r"with (?:nearly |almost |most |all |many |no )?\w+", part))


def antecedents(text: str) -> dict[str, str]:
    """For each part that opens with a relative pronoun, the part it hangs on: the
    nearest part before it that is not itself set off by a subordinating word (", one
    about 36 times as massive ..., that spiraled" hangs on the part before "one")."""
    texts = [text[start:end] for start, end in parts(text)]
    hung = {}
    for number, part in enumerate(texts):
        if number and RELATIVE.match(part):
            before = [t for t in texts[:number] if not INSIDE.match(t)]
            hung[part.rstrip(".!?")] = before[-1].lower() if before else ""
    return hung


# A place with its state or country ("Livermore, California") and a date with its year
# ("Dec. 6, 2020") are closed by a comma when the sentence goes on after them.
CLOSED_BY_COMMA = re.compile(r"(?:\b[A-Z][\w.-]*, [A-Z][\w.]*(?: [A-Z][\w.]*)?|\b\d{1,2}, \d{4})$")


def cut(stem: str, start: int, end: int) -> str:
    """The stem without the characters from ``start`` to ``end``, tidied."""
    if start == 0:
        stem = capitalised(stem[end:])
    else:
        head, tail = stem[:start].rstrip(), stem[end:].lstrip()
        if CLOSED_BY_COMMA.search(head) and tail[:1].isalnum():
            head += ","  # "from Weymouth, Massachusetts, was recovering"
        stem = f"{head} {tail}"
    return re.sub(r"\s+([,.!?])", r"\1", " ".join(stem.split()))


def safe_cut(stem: str, start: int, end: int) -> bool:
    """True when dropping ``stem[start:end]`` keeps the main clause and leaves every
    remaining relative clause on the part it hung on before."""
    main_start, main_end = main_part(stem, parts(stem))
    if start < main_end and end > main_start:
        return False
    if CONJUNCTION_START.match(cut(stem, start, end)):
        return False  # "And the eruption broke ...": the first clause was the main one
    before, after = antecedents(stem), antecedents(cut(stem, start, end))
    return all(before.get(part) == hung for part, hung in after.items())


NOT_BEFORE_VERB = re.compile(r"^(?:the|a|an|of|in|on|at|to|by|for|from|with|and|or|its|their)$")


def subject_relative(stem: str) -> tuple[int, int] | None:
    """The span of a relative clause without commas that follows the sentence's opening
    noun phrase and ends where the main verb begins ("The undersea volcano that blew
    apart in the South Pacific in January sent its plume ...": "that blew ... January"),
    or None. The relative clause and the main clause each need a verb; a word after a
    determiner or a preposition is not read as one ("a red crater")."""
    opening = re.match(r"(?:The|A|An) (?:[\w'’-]+ ){0,3}?(?P<relative>that|which|who) ", stem)
    if not opening:
        return None
    words = list(re.finditer(r"[^\s,;:]+", stem[opening.end() :]))
    if not words or not VERB.fullmatch(words[0].group()):
        return None
    for before, word in zip(words, words[1:], strict=False):
        if stem[opening.end() + before.end() : opening.end() + word.start()].strip():
            return None  # punctuation inside: not one plain clause
        if VERB.fullmatch(word.group()) and not NOT_BEFORE_VERB.match(before.group().lower()):
            return opening.start("relative") - 1, opening.end() + before.end()
    return None


def shorten(stem: str, limit: int = MAX_STEM_WORDS) -> str:
    """The stem with parts that do not hold the blank dropped until it has at most
    ``limit`` words (see module docstring); unchanged when it is short enough. As a last
    resort the subject's own relative clause goes ("The volcano that blew apart ...
    sent")."""
    while len(stem.split()) > limit and BLANK in stem:
        ranges = [r for r in droppable(stem, parts(stem)) if safe_cut(stem, *r)]
        ranges += [m.span() for m in PARENTHETICAL.finditer(stem) if BLANK not in m.group()]
        relative = subject_relative(stem)
        if not ranges and relative and BLANK not in stem[slice(*relative)]:
            ranges = [relative]
        if not ranges:
            break
        blank = stem.find(BLANK)
        stem = cut(stem, *max(ranges, key=lambda r: max(r[0] - blank, blank - r[1])))
    return stem


def without_unintroduced_part(stem: str) -> str:
    """The stem without a side part that names an organisation only as "the agency" or
    "the company" (", according to the agency"), when that part may go safely."""
    while (match := unintroduced(stem)) is not None:
        ranges = [r for r in droppable(stem, parts(stem)) if safe_cut(stem, *r)]
        holding = [
            r for r in ranges if r[0] <= match.start() < r[1] and BLANK not in stem[slice(*r)]
        ]
        if not holding:
            break
        stem = cut(stem, *holding[0]).rstrip(" ,")
        stem = stem if stem.endswith((".", "!", "?")) else stem + "."
    return stem


def shortened(candidate: Candidate) -> Candidate:
    """The candidate with its cloze stem focused on the clause that holds the blank
    (``focus.py``) and shortened, in the stem and the prompt alike."""
    from .focus import focused, without_reporting_tail  # focus builds on this module

    stem = candidate.stem
    if not stem or BLANK not in stem or stem.strip() not in candidate.prompt:
        return candidate
    if len(candidate.sources) != 1:
        return candidate  # the clauses of two sentences are not cut apart
    short = without_unintroduced_part(shorten(focused(stem.strip())))
    if short != focused(stem.strip()):
        short = without_reporting_tail(short)  # a cut can leave ", the agency said." last
    if short == stem.strip():
        return candidate
    return replace(candidate, stem=short, prompt=candidate.prompt.replace(stem.strip(), short))
