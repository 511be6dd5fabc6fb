"""True/false rules: statements as the article states them, and false ones made by
swapping in a same-kind name, a plausible changed number (``plausible``) or a shifted
date."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .candidate import Candidate
from .entities import Mention
from .facts import ArticleFacts
from .names import (
    COMPARED,
    PARTNER,
    POSSESSIVE,
    is_subject,
    plural_name,
    quantity_kind,
    swap_candidates,
)
from .paraphrase import restate
from .plausible import plausible_wrong_value
from .quantities import NUMBER_WORDS
from .stems import cloze, quote, usable, weekday_start
from .vocabulary import Vocabulary

MAX_STATEMENT_WORDS = 35


ARTICLE_BEFORE = re.compile(r"\b(?:the|a|an)\s+$", re.I)
NOUN_AFTER = re.compile(r"^\s+[a-z]+\s+[a-z]+")


def attributive(text: str, start: int, end: int) -> bool:
    """True for a name used as a modifier of the noun after it ("at the NASA press
    conference"): swapping it makes an odd statement about a thing the article never
    attributes to anyone else, not a checkable false one."""
    return bool(ARTICLE_BEFORE.search(text[:start]) and NOUN_AFTER.match(text[end:]))


TAKES_THE = re.compile(
    r"^[A-Z][\w ]* of |(?:Agency|Laboratory|Administration|Observatory|Center|Centre|Institute|"
    r"Organi[sz]ation)$"
)


def with_article(text: str, start: int, original: str, replacement: str) -> tuple[int, str]:
    """Start and replacement with "the" where the swapped-in name needs it ("the European
    Space Agency", "the University of Arizona") and without it where it does not
    ("Arizona State University")."""
    before = text[:start]
    has_the = bool(re.search(r"\b[Tt]he $", before))
    if TAKES_THE.search(replacement) and not has_the:
        return start, f"{'The' if start == 0 else 'the'} {replacement}"
    if has_the and not TAKES_THE.search(replacement) and TAKES_THE.search(original):
        cut = start - 4
        capital = cut == 0
        return cut, replacement if not capital else replacement[:1].upper() + replacement[1:]
    return start, replacement


def in_compound(text: str, quantity) -> bool:
    """True for a part of "11 hours and 55 minutes": changing one part is not a claim."""
    before, after = text[: quantity.start], text[quantity.end :]
    return bool(re.search(r"\d+ [a-z]+ and $", before) or re.match(r" and \d", after))


SCALES = ("thousand", "million", "billion", "trillion")
WORD_FOR = {value: word for word, value in NUMBER_WORDS.items() if value <= 12}


def written_like(number_text: str, unit: str, value: float) -> tuple[str, str]:
    """A changed number and its unit written in the style of ``number_text``: a number
    word stays a word ("three" -> "five"), a scale word moves up rather than letting the
    digits grow ("700 million" -> "1.4 billion", never "1400 million"), a thousands
    comma is written from 1,000 on unless the original ran four digits together, and
    decimals are rounded to the original's places."""
    if number_text.lower() in NUMBER_WORDS and value in WORD_FOR:
        word = WORD_FOR[int(value)]
        return (word.capitalize() if number_text[0].isupper() else word), unit
    scale = unit.split(" ")[0].lower() if unit else ""
    places = len(number_text.split(".")[1]) if "." in number_text else 0
    if scale in SCALES[:-1] and value >= 1000:
        value, unit = value / 1000, SCALES[SCALES.index(scale) + 1] + unit[len(scale) :]
        places = max(places, 1)
    value = round(value, places)
    if value == int(value):
        places = 0
    grouped = "," in number_text or not re.fullmatch(r"\d{4,}(?:\.\d+)?", number_text)
    return format(value, f"{',' if grouped else ''}.{places}f"), unit


def truefalse_statements(facts: ArticleFacts, vocabulary: Vocabulary) -> Iterator[Candidate]:
    """truefalse.as_stated and truefalse.swap_entity / swap_number / swap_date."""
    for sf in usable(facts):
        text = quote(sf.sentence.clean)
        if '"' in text or "“" in text or len(text.split()) > MAX_STATEMENT_WORDS:
            continue  # quotes are not checkable facts; long statements hide the point
        details = [m for m in sf.mentions if not is_subject(m.text, facts)]
        if not (details or sf.quantities or sf.dates):
            continue  # nothing checkable beyond the article's subject: a trivial statement
        true = restate(text)
        if true:
            yield Candidate(
                "truefalse", "truefalse.as_stated", true, {"answer": True},
                f'True: the article says "{sf.sentence.quoted}"', (sf.sentence,), true, (),
                "statement",
            )  # fmt: skip
        offset = sf.sentence.clean.find(text)
        swaps: list[tuple[str, Mention | object, str, str, int]] = []
        for mention in sf.mentions:
            if mention.kind == "person" or is_subject(mention.text, facts):
                continue  # a person's role does not travel; the subject's rivals may be true
            if mention.kind == "organisation" and (
                POSSESSIVE.match(text[mention.end - offset :])
                or PARTNER.search(text[: mention.start - offset])
                or attributive(text, mention.start - offset, mention.end - offset)
            ):
                continue  # "NASA's rover", "with ESA", "the NASA press conference"
            if COMPARED.search(text):
                continue  # "X's wheels differ from Y's wheels": they differ from Z's too
            stem = cloze(text, mention.start - offset, mention.end - offset)
            others = [
                o
                for o in swap_candidates(mention, stem, facts, vocabulary)
                if plural_name(o) == plural_name(mention.text)  # "the Navcams are", never
            ][:1]  # "the Mastcam-Z are"
            if others:
                swaps.append(
                    (
                        "truefalse.swap_entity",
                        mention,
                        others[0],
                        mention.kind,
                        mention.end - mention.start,
                    )
                )
        for quantity in sf.quantities:
            if quantity.value == 1 or in_compound(sf.sentence.clean, quantity):
                continue  # "one orbit" -> "3 orbit"; "11 hours and 110 minutes"
            wrong = plausible_wrong_value(
                quantity.value, quantity.unit, sf.sentence.clean, quantity.start
            )
            if wrong is None:
                continue  # no wrong value a student could believe
            number, unit = written_like(quantity.number_text, quantity.unit, wrong)
            changed, length = number, len(quantity.number_text)
            scale = quantity.unit.split(" ")[0]
            if unit != quantity.unit:  # "700 million" -> "1.4 billion": the scale goes too
                written = sf.sentence.clean[quantity.start : quantity.end]
                if not written.startswith(f"{quantity.number_text} {scale}"):
                    continue
                changed, length = f"{number} {unit.split(' ')[0]}", length + 1 + len(scale)
            swaps.append(
                ("truefalse.swap_number", quantity, changed, quantity_kind(quantity.unit), length)
            )
        for date in sf.dates:
            swaps.append(
                (
                    "truefalse.swap_date",
                    date,
                    date.shifted(1, facts.published_year),
                    "date",
                    date.end - date.start,
                )
            )
        for rule, span, replacement, kind, length in swaps:
            start = span.start - offset
            end = start + length
            original = text[start:end]
            if kind == "organisation":
                start, replacement = with_article(text, start, original, replacement)
            if rule == "truefalse.swap_date":
                start = weekday_start(text, start)  # never "Saturday, Feb. 21"
            statement = restate(text[:start] + replacement + text[end:])
            if not statement or replacement not in statement:
                continue  # worded like the article, or the changed part was cut away
            yield Candidate(
                "truefalse", rule, statement, {"answer": False},
                f'False: the article says "{original}", not "{replacement}": '
                f'"{sf.sentence.quoted}"',
                (sf.sentence,), statement, (original,), kind, (replacement,),
            )  # fmt: skip
