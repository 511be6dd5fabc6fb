"""Names an article introduces by saying what they are: a person, an organisation or a
place named next to a noun that tells its kind.

Two sentence shapes, found from punctuation and a noun's place in its phrase, with the
kind nouns as data (``[introduced]`` in ``data/kinds.toml``):

* an appositive after the name: "eGenesis, a biotechnology company in Cambridge" (the
  head of the appositive is the last word before its first preposition or relative
  word: "company"), "Richard Slayman, a 62-year-old man from ...";
* the kind noun right before the name: "the chemist Louis Brus", "the biotechnology
  company Eledon Pharmaceuticals", "a competing company, United Therapeutics,";

and a person's title ("Dr. Joseph Murray"), which stays outside the name. A person's
name has at least two words, so a surname alone is never an answer or an option.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from quizapp.english_words import inflector, kinds_data, zipf_frequency

NAME_WORD = r"(?:(?:[A-Z]\.){2,}|[A-Z][\w'’-]*|[a-z]+[A-Z][\w'’-]*)"
NAME = rf"{NAME_WORD}(?: (?:of |and |for |de |del |da |von |van |the )?{NAME_WORD})*"
APPOSITIVE = re.compile(rf"(?P<name>{NAME}), (?:a|an|the) (?P<noun>[^,;:()\"“”]+)")
ROLE_BEFORE = re.compile(
    rf"\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir) (?P<noun>(?:[a-z][\w-]* ){{0,2}}?[a-z]+),? "
    rf"(?P<name>{NAME})"
)
PHRASE_END = re.compile(
    r"\b(?:of|in|at|from|for|on|with|who|whom|which|that|whose|based|about|near|and|or|"
    r"to|by|since|until|than|where|when|north|south|east|west|off|outside|inside)\b"
)
COMMON_OPENER = 4.5  # a lone capitalised word this common opens a sentence ("Instead")


@dataclass(frozen=True)
class Introduced:
    """A name with the kind and sort its introducing noun gives; offsets index the
    sentence's clean text and cover the name without a title."""

    name: str
    kind: str
    noun: str
    sort: str
    start: int
    end: int


@cache
def kind_of_noun() -> dict[str, str]:
    """The kind each introducing noun gives: {"surgeon": "person", "company": ...}."""
    data = kinds_data()["introduced"]
    return {noun: kind for kind in ("person", "organisation", "place") for noun in data[kind]}


@cache
def sort_of_noun() -> dict[str, str]:
    """Each noun's sort, named by the first noun of its group ("firm" -> "company")."""
    return {noun: group[0] for group in kinds_data()["introduced"]["sorts"] for noun in group}


@cache
def person_titles() -> tuple[str, ...]:
    """Titles that open a person's name ("Dr.", "Prof.")."""
    return tuple(kinds_data()["introduced"]["titles"])


def head_noun(phrase: str) -> str | None:
    """The singular head of a noun phrase: its last word before a preposition or a
    relative word ("biotechnology company in Cambridge" -> "company")."""
    end = PHRASE_END.search(phrase)
    words = phrase[: end.start() if end else len(phrase)].split()
    if not words or not re.fullmatch(r"[a-z][a-z-]*", words[-1]):
        return None
    return inflector().singular_noun(words[-1]) or words[-1]


def plural(phrase: str) -> bool:
    """True when the head of ``phrase`` is written in the plural."""
    end = PHRASE_END.search(phrase)
    words = phrase[: end.start() if end else len(phrase)].split()
    return bool(words) and bool(inflector().singular_noun(words[-1]))


def plausible_name(name: str, kind: str, text: str, start: int) -> bool:
    """A whole name of its kind: no list ("Kawai and Elias"), a person's of two words or
    more, and not a common word that only opens the sentence ("Instead, the team")."""
    words = name.split()
    if " and " in name or (kind == "person" and len(words) < 2):
        return False
    if start == 0 and len(words) == 1 and zipf_frequency(name.lower()) >= COMMON_OPENER:
        return False
    following = text[start + len(name) : start + len(name) + 1]
    return following != "-"


def introduced(
    name: str, start: int, noun: str | None, text: str, titled: bool
) -> Introduced | None:
    """The name introduced by ``noun`` (or, for a titled name, as a person), or None."""
    kind = kind_of_noun().get(noun or "")
    if titled and kind in (None, "person"):
        kind = "person"
    if kind == "person":
        name = name.split(" of ")[0]  # "the geologist Maria Santos of Lisbon"
    if kind is None or not plausible_name(name, kind, text, start):
        return None
    noun = noun if noun in kind_of_noun() else kind
    sort = "person" if kind == "person" else sort_of_noun().get(noun, noun)
    return Introduced(name, kind, noun, sort, start, start + len(name))


def introduced_names(text: str) -> list[Introduced]:
    """The names ``text`` introduces by an appositive, a noun before them or a title."""
    found: list[Introduced] = []
    for match in APPOSITIVE.finditer(text):
        name, start = match["name"], match.start("name")
        if not plural(match["noun"]):
            noun = head_noun(match["noun"])
            found.append(introduced(name, start, noun, text, titled(text, start)))
    for match in ROLE_BEFORE.finditer(text):
        if not PHRASE_END.search(match["noun"]):
            noun = head_noun(match["noun"])
            found.append(introduced(match["name"], match.start("name"), noun, text, False))
    for title in person_titles():
        for match in re.finditer(rf"(?<![\w.]){re.escape(title)} (?=(?P<name>{NAME}))", text):
            name = match["name"].split(" and ")[0]  # "Dr. Kawai and Dr. Elias"
            found.append(introduced(name, match.start("name"), None, text, True))
    return unique([item for item in found if item is not None])


def titled(text: str, start: int) -> bool:
    """True when a person's title stands right before ``text[start]`` ("Dr. ___")."""
    return text[:start].endswith(tuple(f"{title} " for title in person_titles()))


def unique(found: list[Introduced]) -> list[Introduced]:
    """One entry per name span, the first found (an appositive's noun beats a title)."""
    kept: dict[tuple[int, int], Introduced] = {}
    for item in found:
        if not any(s < item.end and item.start < e for s, e in kept):
            kept[(item.start, item.end)] = item
    return sorted(kept.values(), key=lambda i: i.start)
