"""Stem and explanation helpers shared by the question rules."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .candidate import Candidate
from .entities import Mention
from .facts import ArticleFacts, SentenceFacts
from .kinds import name_heads

BLANK = "___"
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
MONTH_ABBREVIATION = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
WEEKDAY_BEFORE = re.compile(rf"\b{WEEKDAY},? $")
# Nouns that stand for one organisation the article named earlier ("the company said").
# An organisation named by the head noun of its name ("the National Snow and Ice Data
# Center" ... "the center said") is one of these too: "the center" stands for a name
# the stem does not give.
# "The team" is left out: in a quiz on one study it can only be the study's authors.
ORGANISATION_NOUN = re.compile(
    r"\b[Tt]he (?:company|agency|firm|organi[sz]ation|institute|university|laboratory|"
    r"ministry|startup|cent(?:er|re)|office|consortium|council|commission|department|"
    r"foundation|hospital|bureau|academy)\b(?! [A-Z]| of\b)"
)
# A name that may be an organisation's: an acronym ("NASA") or capitalised words
# ("Jet Propulsion Laboratory", "University of Oxford").
ORGANISATION_NAME = re.compile(r"\b[A-Z]{2,}\b|\b[A-Z][\w&-]+(?: of)?(?: [A-Z][\w&-]+)+")


def organisation_named(text: str) -> bool:
    """True when ``text`` names an organisation: an acronym, or a name whose head noun is
    of the organisation kind (``data/kinds.toml``: "Jet Propulsion Laboratory",
    "University of Oxford"), or a name of no known kind written without "the" ("Acme
    Robotics said"). A name of another kind, or one a "the" makes a thing ("the Falcon
    Heavy's power", a rocket), introduces no "company"."""
    kinds = name_heads()
    for match in ORGANISATION_NAME.finditer(text):
        words = match.group().lower().split()
        head = kinds.get(words[-1].removesuffix("'s").removesuffix("’s")) or kinds.get(words[0])
        if match.group().isupper() or head == "organisation":
            return True
        after_the = re.search(r"\bthe $", text[: match.start()], re.IGNORECASE)
        if head is None and not after_the:
            return True  # a company goes by its bare name ("Acme Robotics said")
    return False


def unintroduced(text: str) -> re.Match | None:
    """The first "the company", "the agency" and the like that no organisation's name
    before it in the text introduces, or None."""
    for match in ORGANISATION_NOUN.finditer(text):
        if not organisation_named(text[: match.start()]):
            return match
    return None


def cloze(text: str, start: int, end: int) -> str:
    """``text`` with ``text[start:end]`` replaced by a blank."""
    return f"{text[:start]}{BLANK}{text[end:]}"


def weekday_start(text: str, start: int) -> int:
    """Where a date starting at ``start`` begins once the weekday written right before
    it is included ("raised Saturday, Feb. 20": the weekday would give the date away
    among options a day or two apart, and would contradict a shifted date)."""
    match = WEEKDAY_BEFORE.search(text[:start])
    return match.start() if match else start


def quote(sentence_text: str) -> str:
    """A sentence prepared for embedding in a prompt."""
    return sentence_text.strip()


def says(sf: SentenceFacts) -> str:
    """The explanation that quotes a source sentence as the article wrote it."""
    return f'The article says: "{sf.sentence.quoted}"'


def says_all(sentences) -> str:
    """The explanation that quotes several source sentences, in article order."""
    ordered = sorted(dict.fromkeys(sentences), key=lambda s: s.start)
    return "The article says: " + " ".join(f'"{s.quoted}"' for s in ordered)


def options_in_order(options: list[str]) -> list[str]:
    """Options in the stored, deterministic order: case-insensitive alphabetical."""
    return sorted(options, key=lambda o: (o.lower(), o))


def date_choice(
    rule: str,
    sf: SentenceFacts,
    stem: str,
    answer: str,
    wrong: list[str],
    question: str = "Which date fills the blank?",
    explanation: str | None = None,
    written: str | None = None,
) -> Candidate:
    """A multiple-choice cloze asking a date, a month or a year of one sentence, with
    the wrong options in the stored order beside the key; ``written`` is how the cited
    sentence gives the key when not as the key itself ("on Thursday")."""
    return Candidate(
        "mcq", rule, f"{quote(stem)} {question}",
        {"options": options_in_order([answer, *wrong]), "answer": answer},
        explanation or says(sf), (sf.sentence,), stem, (written or answer,), "date",
        tuple(wrong),
    )  # fmt: skip


def usable(facts: ArticleFacts) -> Iterator[SentenceFacts]:
    """Sentences that may be question sources."""
    return (s for s in facts.sentences if s.unusable is None)


def mentions_of(facts: ArticleFacts, *kinds: str) -> Iterator[tuple[SentenceFacts, Mention]]:
    """Each mention of one of ``kinds`` in a usable sentence, with its sentence."""
    return ((sf, m) for sf in usable(facts) for m in sf.mentions if m.kind in kinds)
