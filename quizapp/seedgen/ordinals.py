"""Questions on ranks and firsts: "India became the fourth country to land on the moon"
-> "India became the ___ country ..." with the ordinals around it as options, and
"Ghana, which became the first country to approve R21, ..." -> "Which country was the
first to approve R21?" with other places of the article as options.

An ordinal is asked only in the sentence's main clause, and only when it ranks a kind of
thing by what the sentence says it did: "the fourth country to land", "the second
vaccine the agency has recommended", never "the first signs of" or "the first hour".
"First" is not blanked (it is the guess a student makes without reading); the thing that
came first is asked instead. Ordinal words come from inflect; place nouns ("country",
"city") from ``data/kinds.toml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

import inflect

from quizapp.english_words import kinds_data

from .candidate import Candidate
from .clauses import in_side_part
from .facts import ArticleFacts
from .introduced_questions import in_text
from .names import is_subject
from .stems import cloze, options_in_order, quote, says, usable
from .vocabulary import Vocabulary

NAME = r"[A-Z][\w'-]*(?: (?:of |de |the )?[A-Z][\w'-]*)*"
# What follows the ranked noun: "to" and a verb ("to approve", not "to an ocean world"),
# or a clause with its own subject ("the WHO has recommended", "that NASA has built").
RANKED_BY = (
    r"(?= to (?!(?:the|a|an|its|their|his|her|this|that)\b)[a-z]+\b"
    r"| (?:that |which )?the [A-Z]| that [a-z]+ (?:has|have|had)\b)"
)
# A result clause whose whole claim is the rank: "..., making India the fourth country".
RESULT_RANK = re.compile(rf", making {NAME} $")
WORD_BEFORE_THAT = re.compile(r"\b(?:is|was|became|becomes|are|were|making|made)\s+the $")
PLACE_LIST = re.compile(rf"\bin (?P<list>{NAME}(?:, {NAME})*,? and {NAME})")
IN_NAME = re.compile(rf"\bin (?P<name>{NAME})")


@cache
def ordinal_words() -> tuple[str, ...]:
    """ "first" to "tenth", spelled by inflect."""
    engine = inflect.engine()
    return tuple(engine.number_to_words(engine.ordinal(n)) for n in range(1, 11))


@cache
def ranked() -> re.Pattern:
    """An ordinal before a noun of up to three words that is ranked by what it did."""
    words = "|".join(ordinal_words())
    return re.compile(
        rf"\bthe (?P<ordinal>{words}) (?P<noun>(?:[a-z][\w-]* ){{0,2}}?[a-z][\w-]*){RANKED_BY}"
    )


@cache
def place_nouns() -> frozenset[str]:
    """Nouns that say a name is a place ("country", "city")."""
    return frozenset(kinds_data()["introduced"]["place"])


def nearby_ordinals(ordinal: str, text: str) -> list[str]:
    """Three ordinals near ``ordinal`` (the first four when it is among them), none that
    the sentence itself uses for another rank."""
    words = ordinal_words()
    at = words.index(ordinal)
    near = words if at < 4 else sorted(words, key=lambda w: abs(words.index(w) - at))
    used = set(re.findall(rf"\b(?:{'|'.join(words)})\b", text))
    return [w for w in near if w != ordinal and w not in used][:3]


def in_main_part(text: str, start: int) -> bool:
    """True when the rank at ``start`` is the main clause's, or the whole claim of a
    result clause ("..., making India the fourth country to land ...")."""
    return not in_side_part(text, start) or bool(RESULT_RANK.search(text[:start]))


def without_second_rank(stem: str) -> str:
    """The stem without a second rank joined after the blanked one ("the ___ country to
    land on the moon and the first to reach its south pole"): one claim per question."""
    words = "|".join(ordinal_words())
    second = re.search(rf",? and the (?:{words})\b[^.;]*", stem[stem.find("___") :])
    if second is None:
        return stem
    at = stem.find("___") + second.start()
    return stem[:at] + stem[at + len(second[0]) :]


def ordinal_questions(facts: ArticleFacts, vocabulary: Vocabulary) -> Iterator[Candidate]:
    """mcq.ordinal: blank a rank ("the ___ country to land") in the main clause."""
    for sf in usable(facts):
        text = sf.sentence.clean
        for match in ranked().finditer(text):
            answer = match["ordinal"]
            if answer == "first" or not in_main_part(text, match.start()):
                continue
            stem = without_second_rank(cloze(text, match.start("ordinal"), match.end("ordinal")))
            wrong = nearby_ordinals(answer, text)
            yield Candidate(
                "mcq", "mcq.ordinal", f"{quote(stem)} Which word fills the blank?",
                {"options": options_in_order([answer, *wrong]), "answer": answer},
                says(sf), (sf.sentence,), stem, (answer,), "number", tuple(wrong),
            )  # fmt: skip


def article_places(facts: ArticleFacts) -> list[str]:
    """Names the article lists after "in" ("in Burkina Faso, Kenya, Mali and Tanzania"):
    places named together, so of one kind."""
    places: list[str] = []
    for sf in facts.sentences:
        for match in PLACE_LIST.finditer(sf.sentence.clean):
            places += re.split(r",? and |, ", match["list"])
    return list(dict.fromkeys(places))


def named_as_place(name: str, facts: ArticleFacts) -> bool:
    """True when the page writes ``name`` after "in" somewhere ("Regulators in Ghana")."""
    return any(
        m["name"] == name for sf in facts.sentences for m in IN_NAME.finditer(sf.sentence.clean)
    )


def named_before(text: str, start: int) -> str | None:
    """The name the rank is said of: the subject right before "was the", or the name a
    relative clause hangs on ("Ghana, which in April became the first ...")."""
    before = text[:start]
    relative = re.search(rf"\bin (?P<name>{NAME}), which [^,]*$", before)
    if relative:
        return relative["name"]
    subject = re.match(rf"^(?P<name>{NAME}) (?:was|became|is)\b[^,]*$", before)
    return subject["name"] if subject else None


def first_place_questions(facts: ArticleFacts, vocabulary: Vocabulary) -> Iterator[Candidate]:
    """mcq.first_place: "Which country was the first to approve R21?", when the page lists
    other places to offer as wrong options."""
    places = article_places(facts)
    for sf in usable(facts):
        text = sf.sentence.clean
        for match in ranked().finditer(text):
            noun = match["noun"].split()[-1]
            if match["ordinal"] != "first" or noun not in place_nouns():
                continue
            if not WORD_BEFORE_THAT.search(text[: match.start() + 4]):
                continue
            answer = named_before(text, match.start())
            if answer is None or not named_as_place(answer, facts) or is_subject(answer, facts):
                continue
            what = re.match(r" to [^,;]+", text[match.end() :])
            if what is None:
                continue
            stem = f"Which {match['noun']} was the first{what[0]}?"
            # places of the same sentence may have done it too, only later
            wrong = [p for p in places if not in_text(p, text) and not in_text(p, stem)][:3]
            if len(wrong) < 3:
                continue
            yield Candidate(
                "mcq", "mcq.first_place", stem,
                {"options": options_in_order([answer, *wrong]), "answer": answer},
                says(sf), (sf.sentence,), stem, (answer,), "place", tuple(wrong),
            )  # fmt: skip


ORDINAL_RULES = (ordinal_questions, first_place_questions)
