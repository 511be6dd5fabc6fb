"""Units of measure after a number, read with pint's registry of unit names and symbols.

A measure is the longest run of up to ``MAX_UNIT_WORDS`` words that pint reads as one
unit ("419 parts per million", "11.2 km per second", "45,000 square kilometres",
"38.4 degrees Celsius"); it is shown as the article writes it. A unit symbol written
straight after the digits is read as a symbol ("12km", "400m/s"), and a capital C or F
glued to a number is a temperature ("14.98C" is 14.98 °C, never coulombs). Words that
pint would read as a unit but that are ordinary English ("in" for inches, "a" for
years, "are" for the area unit) are never units.
"""

from __future__ import annotations

import re
from functools import cache

import pint

from quizapp.english_words import inflector

MAX_UNIT_WORDS = 4
TEMPERATURE_SYMBOLS = {"C": "°C", "F": "°F"}
# English words that pint also knows as unit names or symbols.
ENGLISH_WORDS = frozenset(
    "a an are at in it is on or as by to of the t s m h g b d l p per than and".split()
)
ORDINAL_SUFFIXES = frozenset(["st", "nd", "rd", "th"])
SCALE_WORDS = frozenset(["dozen", "hundred", "thousand", "million", "billion", "trillion"])
WORD = re.compile(r" ?(?P<word>[A-Za-z]+(?:/[A-Za-z]+)?)")


@cache
def registry() -> pint.UnitRegistry:
    """pint's default registry, with the ratio units science news writes out in words."""
    units = pint.UnitRegistry()
    units.define("@alias ppm = part_per_million")
    units.define("part_per_billion = 1e-9 = ppb")
    return units


def pint_reads(form: str) -> bool:
    """True when pint parses ``form`` as a unit."""
    try:
        registry().parse_units(form)
    except (pint.errors.PintError, AttributeError, TypeError, ValueError, AssertionError):
        return False
    return True


@cache
def is_unit_phrase(phrase: str) -> bool:
    """True when pint reads ``phrase`` ("kilometres", "parts per million", "degrees
    Celsius") as one unit; never for an English word it also knows ("in", "are")."""
    words = phrase.split()
    if not words or words[0].lower() in ENGLISH_WORDS or words[-1].lower() in ENGLISH_WORDS:
        return False
    singular = [(w.islower() and inflector().singular_noun(w)) or w for w in words]
    forms = (phrase, phrase.lower(), " ".join(singular), "_".join(singular))
    return any(pint_reads(form) for form in forms)


def glued_unit(symbol: str) -> str | None:
    """The unit shown for a symbol written straight after digits ("km", "m/s", "C" ->
    "°C"), or None when pint does not read it as a unit ("18th", "4x")."""
    if symbol in TEMPERATURE_SYMBOLS:
        return TEMPERATURE_SYMBOLS[symbol]
    shown = symbol.lower()
    if shown in ORDINAL_SUFFIXES or not shown[:1].isalpha():
        return None
    return shown if pint_reads(shown) else None


def measure_at(text: str, position: int) -> int | None:
    """End of the longest unit of measure starting at ``position`` (after one space), or
    None when the words there are no unit."""
    words: list[tuple[str, int]] = []
    cursor = position
    for _ in range(MAX_UNIT_WORDS):
        match = WORD.match(text, cursor)
        if not match:
            break
        words.append((match["word"], match.end()))
        cursor = match.end()
    for count in range(len(words), 0, -1):
        phrase = " ".join(word for word, _ in words[:count])
        if is_unit_phrase(phrase):
            return words[count - 1][1]
    return None
