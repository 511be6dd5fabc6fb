"""Question rules for common phrase shapes that name no camera or spacecraft.

Each rule matches one general shape and asks for the phrase the sentence states; the
stem never contains the answer and the answer always occurs in the cited sentence(s):

* ``numeric.wh_wait``: "It will be at least a week before the rover starts driving."
  -> "At least how many weeks will pass before the rover starts driving?" (a single
  number only; "one or two months" is a range, not a number to type);
* ``numeric.wh_released``: "Images were released by NASA Friday, less than 24 hours
  after the Perseverance rover successfully landed ..." -> "Less than how many hours
  after the Perseverance rover successfully landed did NASA release images?";
* ``short.wh_attached``: "Ingenuity, the mini-helicopter attached to the rover's
  belly" -> "Where on the rover is Ingenuity, the mini-helicopter, attached?";
* ``short.wh_covered``: "the navigation camera that took the image was covered in a
  layer of dust just after landing" -> "What covered the navigation camera just after
  landing?";
* ``short.wh_expected``: "Several pyrotechnic charges are expected to fire later on
  Friday, releasing Perseverance's mast" -> "What is expected to fire later on Friday,
  releasing Perseverance's mast?";
* ``short.nickname``: "Perseverance's mast (the "head" of the rover)" -> "The article
  calls Perseverance's mast the "___" of the rover. Which word fills the blank?";
* ``multi.separated_parts``: a list line ("Individual parts: Parachute & Back Shell,
  Descent Stage, Perseverance rover, Heat Shield.") right after a sentence saying what
  "these" did ("During the landing maneuver, these separated automatically ...") ->
  "During the landing maneuver, which of these parts separated automatically ...?",
  with the listed landing-system parts as answers and parts that stay on the rover
  (vocabulary kind ``rover part``) as wrong options.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .candidate import Candidate
from .facts import ArticleFacts
from .gates import normalise
from .stems import options_in_order, says, usable
from .vocabulary import Vocabulary

NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}  # fmt: skip
WAIT = re.compile(
    r"^It will be (?P<bound>at least|at most|about|more than|less than) "
    r"(?P<number>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten) "
    r"(?P<unit>day|week|month|year)s? (?P<link>before|until) (?P<clause>[^,;]+)\.$"
)
ATTACHED = re.compile(
    r"\b(?P<name>[A-Z][\w-]+), the (?P<what>[\w-]+(?: [\w-]+)?) attached to the "
    r"(?P<owner>[a-z]+)['’]s (?P<part>[a-z]+)\b"
)
COVERED = re.compile(
    r"\b(?P<thing>the [a-z]+(?: [a-z]+)?)(?: that [a-z ]+?)? (?P<verb>was|were) covered "
    r"(?:in|with|by) (?P<cover>(?:an? )?[a-z]+(?: of [a-z]+)?)"
    r"(?P<when> (?:just |right |shortly )?(?:after|before|during) [a-z ]+)?\.$"
)
EXPECTED = re.compile(
    r"^(?:Several |Some |The |A |Two |Three )?(?P<agent>[a-z][a-z -]+?) (?:is|are) expected "
    r"to (?P<verb>[a-z]+) (?P<when>(?:later )?on [A-Z]\w+|today|tomorrow), "
    r"(?P<effect>[a-z]+ing [^(,]+?)(?= \(| from\b|,|\.)"
)
NICKNAME = re.compile(
    r"(?P<owner>\b[A-Z]\w+['’]s) (?P<thing>[a-z]+) \(the (?P<open>[\"“])(?P<word>[\w-]+)"
    r"(?P<close>[\"”]) of the (?P<of>[a-z]+)\)"
)
RELEASED = re.compile(
    r"^(?P<things>[A-Z][a-z]+) were released by (?P<agent>[A-Z]\w+)(?: \w+day)?, "
    r"(?P<bound>less|more) than (?P<number>\d+) (?P<unit>minutes|hours|days) after "
    r"(?P<clause>the [^,]+? (?:landed|touched down))\b"
)
LIST_LINE = re.compile(r"^(?P<label>[A-Z][\w ]+): (?P<items>[^:]+)\.$")
THESE = re.compile(r"\bthese (?=[a-z]+ed\b)")


def distinct_answers(answers: list[str]) -> list[str]:
    """Accepted answers without repeats once an opening "a", "an" or "the" is ignored
    (how the app compares typed answers)."""
    seen: dict[str, str] = {}
    for answer in answers:
        seen.setdefault(re.sub(r"^(?:a|an|the) ", "", normalise(answer)), answer)
    return list(seen.values())


def numeric_wait(facts: ArticleFacts, vocabulary: Vocabulary) -> Iterator[Candidate]:
    """numeric.wh_wait: how long until something happens, as one number with its unit."""
    for sf in usable(facts):
        match = WAIT.match(sf.sentence.clean)
        if not match:
            continue
        number = match["number"]
        value = int(number) if number.isdigit() else NUMBER_WORDS[number]
        bound = match["bound"][0].upper() + match["bound"][1:]
        question = f"{bound} how many {match['unit']}s will pass {match['link']} {match['clause']}?"
        yield Candidate(
            "numeric", "numeric.wh_wait", question,
            {"answer": value, "tolerance": 0, "unit": match["unit"] + ("s" if value != 1 else "")},
            says(sf), (sf.sentence,), question, (f"{number} {match['unit']}",), "number",
        )  # fmt: skip


def numeric_released(facts: ArticleFacts, vocabulary: Vocabulary) -> Iterator[Candidate]:
    """numeric.wh_released: how soon after an event something was released, keeping the
    bound the article gives ("less than 24 hours")."""
    for sf in usable(facts):
        match = RELEASED.match(sf.sentence.clean)
        if not match:
            continue
        question = (
            f"{match['bound'].capitalize()} than how many {match['unit']} after {match['clause']} "
            f"did {match['agent']} release {match['things'].lower()}?"
        )
        yield Candidate(
            "numeric", "numeric.wh_released", question,
            {"answer": int(match["number"]), "tolerance": 0, "unit": match["unit"]},
            says(sf), (sf.sentence,), question, (f"{match['number']} {match['unit']}",), "number",
        )  # fmt: skip


def short_attached(facts: ArticleFacts, vocabulary: Vocabulary) -> Iterator[Candidate]:
    """short.wh_attached: where on its carrier a named thing is attached."""
    for sf in usable(facts):
        for match in ATTACHED.finditer(sf.sentence.clean):
            owner, part = match["owner"], match["part"]
            question = f"Where on the {owner} is {match['name']}, the {match['what']}, attached?"
            answers = distinct_answers([part, f"the {owner}'s {part}", f"its {part}"])
            yield Candidate(
                "short", "short.wh_attached", question, {"answers": answers}, says(sf),
                (sf.sentence,), question, (part,), "hardware",
            )  # fmt: skip


def short_covered(facts: ArticleFacts, vocabulary: Vocabulary) -> Iterator[Candidate]:
    """short.wh_covered: what covered a thing; the article's words and their head noun."""
    for sf in usable(facts):
        match = COVERED.search(sf.sentence.clean)
        if not match:
            continue
        cover = match["cover"]
        bare = re.sub(r"^an? ", "", cover)
        answers = distinct_answers([cover, bare, bare.split()[-1]])
        question = f"What covered {match['thing']}{match['when'] or ''}?"
        yield Candidate(
            "short", "short.wh_covered", question, {"answers": answers}, says(sf),
            (sf.sentence,), question, (cover,), "thing",
        )  # fmt: skip


def short_expected(facts: ArticleFacts, vocabulary: Vocabulary) -> Iterator[Candidate]:
    """short.wh_expected: what is expected to act, and when, with the effect it has."""
    for sf in usable(facts):
        match = EXPECTED.match(sf.sentence.clean)
        if not match:
            continue
        agent = match["agent"]
        question = f"What is expected to {match['verb']} {match['when']}, {match['effect']}?"
        whole = sf.sentence.clean[: match.start("agent") + len(agent)].strip()
        answers = distinct_answers([agent, whole[0].lower() + whole[1:]])
        yield Candidate(
            "short", "short.wh_expected", question, {"answers": answers}, says(sf),
            (sf.sentence,), question, (agent,), "thing",
        )  # fmt: skip


def short_nickname(facts: ArticleFacts, vocabulary: Vocabulary) -> Iterator[Candidate]:
    """short.nickname: the word the article puts in quotation marks to name a part."""
    for sf in usable(facts):
        for match in NICKNAME.finditer(sf.sentence.clean):
            stem = (
                f"The article calls {match['owner']} {match['thing']} the "
                f"{match['open']}___{match['close']} of the {match['of']}."
            )
            yield Candidate(
                "short", "short.nickname", f"{stem} Which word fills the blank?",
                {"answers": [match["word"]]}, says(sf), (sf.sentence,), stem,
                (match["word"],), "thing",
            )  # fmt: skip


def multi_separated_parts(facts: ArticleFacts, vocabulary: Vocabulary) -> Iterator[Candidate]:
    """multi.separated_parts: which listed landing-system parts did what "these" did."""
    wrong = [t.name for t in vocabulary.terms if t.kind == "rover part"][:3]
    pairs = zip(facts.sentences, facts.sentences[1:], strict=False)
    for first, second in pairs:
        listed = LIST_LINE.match(second.sentence.clean)
        these = THESE.search(first.sentence.clean)
        if (
            not listed
            or not these
            or first.unusable
            or first.sentence.block != (second.sentence.block)
        ):
            continue
        items = [i.strip() for i in listed["items"].split(",")]
        parts = [i for i in items if all(
            (term := vocabulary.term_for(p.strip())) and term.kind == "hardware"
            for p in i.split("&")
        )]  # fmt: skip
        if len(parts) < 2 or len(wrong) < 2:
            continue
        text = first.sentence.clean
        stem = text[: these.start()] + "which of these parts " + text[these.end() :]
        stem = stem.rstrip(".")
        question = f"{stem[0].upper()}{stem[1:]} (select all that apply)?"
        explanation = f'The article says: "{first.sentence.quoted} {second.sentence.quoted}"'
        yield Candidate(
            "multi", "multi.separated_parts", question,
            {"options": options_in_order(parts + wrong), "answers": options_in_order(parts)},
            explanation, (first.sentence, second.sentence), stem, tuple(parts),
            "hardware", tuple(wrong),
        )  # fmt: skip


PHRASAL_RULES = (
    numeric_wait,
    numeric_released,
    short_attached,
    short_covered,
    short_expected,
    short_nickname,
    multi_separated_parts,
)
