"""Numbers with units, and dates, in a sentence's clean text.

A quantity is a cardinal number (digits, a fraction such as "6 1/2", or a number word
such as "two") followed by its unit: a unit of measure pint reads ("24 hours", "419 parts
per million", "11.2 km per second", "360-degree"; see ``units``), a unit symbol glued to
the digits ("12km", "14.98C" for 14.98 °C), a scale word with what it scales ("4.5
billion years"), or, for a count, the head noun it counts after any adjectives and names
("three robotic Luna missions" counts "missions"); "one" keeps the modifiers of its noun
("one lunar day"). A number followed by no unit or noun is no quantity ("a crowd of 300
broke into cheers"). Not quantities: ordinals ("first", "18th"), day numbers in dates
("Feb. 18"), years, designations ("Apollo 11", "Voyager 1"), codes ("2021-035"),
partitives ("one of the wheels"), vague ranges ("one or two months") and vague amounts
("several hundred", "a few thousand", "dozens of", "tens of thousands"; "hundred" alone
is never 100). A conversion written after "or" ("6.15 billion rupees, or roughly $75
million") is the same amount, not a second fact. A bracketed conversion after a measure
("(2 meters)") belongs to the quantity, so a question can hide it together with the
number.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from fractions import Fraction

from quizapp.english_words import inflector

from .nouns import head_noun, is_count_noun
from .units import SCALE_WORDS, glued_unit, is_unit_phrase, measure_at

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20,
}  # fmt: skip
MEASURE_UNITS = frozenset(
    [
        "degree",
        "degrees",
        "foot",
        "feet",
        "meter",
        "meters",
        "metre",
        "metres",
        "mile",
        "miles",
        "kilometer",
        "kilometers",
        "kilometre",
        "kilometres",
        "inch",
        "inches",
        "pound",
        "pounds",
        "kilogram",
        "kilograms",
        "second",
        "seconds",
        "minute",
        "minutes",
        "hour",
        "hours",
        "day",
        "days",
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "years",
        "mph",
        "percent",
    ]
)
# Unit symbols that may be written straight after the digits ("12km", "400m/s").
GLUED_UNITS = frozenset(
    "km m cm mm nm kg g mg t lb lbs ft mi mph kph kmh s ms h hr hrs min kw mw gw hz khz mhz ghz "
    "au ly pc k c f l ml".split()
)
NOT_UNITS = frozenset(
    [
        "of",
        "or",
        "to",
        "and",
        "the",
        "a",
        "an",
        "than",
        "more",
        "less",
        "times",
        "percent's",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        # comparatives and the like: "did one better" is not a count of "better"
        "better",
        "worse",
        "fewer",
        "another",
        "other",
        # verbs: "the three would share" uses the number as a pronoun, with no noun;
        # "the three winners was" ends the noun phrase before "was"
        "would",
        "could",
        "should",
        "will",
        "can",
        "may",
        "might",
        "must",
        "is",
        "are",
        "was",
        "were",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "be",
        "been",
        "who",
        "which",
        "that",
    ]
)
NEXT_WORD = re.compile(r" (?P<word>[a-z]+)\b")
APPROXIMATELY = (
    r"(?:roughly |about |nearly |almost |around |some |approximately |close to |just over |"
    r"just under |more than |less than )"
)
CONVERSION_BEFORE = re.compile(rf"(?:,? or|\() {APPROXIMATELY}?[$£€]?$|\($")
# The same amount restated after a quantity, with the name that ends its unit ("38.4
# degrees Celsius, or 101.1 degrees Fahrenheit", "5 miles (8 kilometers)").
CONVERSION_AFTER = re.compile(
    rf"^(?: [A-Z][a-z]+)?(?P<conversion>\s*\({APPROXIMATELY}?[$£€]?\d[^()]*\)|"
    rf",? or {APPROXIMATELY}?[$£€]?\d[\d.,]*(?: [\w-]+){{0,3}}?"
    r"(?=[,.;:!?]|$| (?:and|but|to|in|on|at|for|from|with|after|before)\b))"
)


# After a conversion set off by commas, a phrase that goes on with the predicate (", at
# launch", ", from tip to tip"): the comma closed the conversion and goes with it.
PHRASE_GOES_ON = re.compile(
    r"^, (?:at|from|to|in|into|on|over|under|above|below|per|across|during|before|after)\b"
)


def without_conversion(rest: str) -> str:
    """The text after a quantity without the same amount restated in other units, so a
    blank is not answered by its conversion ("___ degrees Celsius, or 101.1 degrees
    Fahrenheit, on July 24" -> "___ degrees Celsius on July 24"; the comma that closed
    the conversion goes with it before a phrase of the predicate, and stays before an
    appositive)."""
    match = CONVERSION_AFTER.match(rest)
    if not match:
        return rest
    after = rest[match.end() :]
    if PHRASE_GOES_ON.match(after):
        after = after[1:]  # "___ kilograms, or 13,000 pounds, at launch": no comma is left
    return rest[: match.start("conversion")] + after


MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
MONTH_NAME = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|"
    r"Aug(?:ust|\.)?|Sep(?:tember|t?\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
DATE = re.compile(rf"\b{MONTH_NAME} (?P<day>\d{{1,2}})\b(?:, (?P<year>\d{{4}}))?")
NUMBER = re.compile(
    r"(?<![\w.,/:-])(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+|\d+(?: \d+/\d+)?|"
    r"\d+/\d+|"
    + "|".join(NUMBER_WORDS)
    + r")(?P<joint>-| |(?<=\d)(?=[a-z]))(?P<unit>[a-z]+(?:/[a-z]+)?)(?P<unit2> [a-z]+s)?\b"
    r"(?P<conversion> \(\d[\d.,/ ]* [a-z]+\))?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Quantity:
    """A number and its unit; offsets index the clean sentence text."""

    value: float
    unit: str
    number_text: str
    start: int
    end: int
    conversion_end: int
    precision: float


COMMON_YEAR = 2023  # a year without Feb. 29, for dates written without one


@dataclass(frozen=True)
class DateMention:
    """A calendar date such as "Feb. 18, 2021" (year may be missing)."""

    text: str
    start: int
    end: int
    month: int
    day: int
    year: int | None

    def shifted(self, days: int, year: int | None = None) -> str:
        """The same date moved by ``days``, written the same way. A date written without
        its year is moved within ``year`` (the page's), else within a common year, so
        "March 1" never becomes a "February 29" its year did not have."""
        moved = dt.date(self.calendar_year(year), self.month, self.day) + dt.timedelta(days=days)
        month_word = self.text.split()[0]
        day_text = f"{moved.day}"
        if moved.month != self.month:
            month_word = month_written_like(moved.month, month_word)
        text = f"{month_word} {day_text}"
        if self.year is not None:
            text += f", {moved.year}"
        return text

    def calendar_year(self, year: int | None = None) -> int:
        """The year the date falls in: its own, else ``year``, else a common year; the
        latest leap year up to then for a "Feb. 29" the year lacks."""
        year = self.year or year or COMMON_YEAR
        if (self.month, self.day) == (2, 29):
            while not calendar.isleap(year):
                year -= 1
        return year


FULL_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")  # fmt: skip
SHORT_MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.",
                "Oct.", "Nov.", "Dec.")  # fmt: skip


def month_written_like(month: int, example: str) -> str:
    """Month ``month`` written in the style of ``example`` ("Feb." -> "March", "Sept.")."""
    return SHORT_MONTHS[month - 1] if example.endswith(".") else FULL_MONTHS[month - 1]


def parse_number(text: str) -> tuple[float, float] | None:
    """Value and precision step of "25", "6 1/2", "1/2" or a number word."""
    lowered = text.lower()
    if lowered in NUMBER_WORDS:
        return float(NUMBER_WORDS[lowered]), 1.0
    plain = text.replace(",", "")
    if re.fullmatch(r"\d+\.\d+", plain):
        decimals = len(plain.split(".")[1])
        return float(plain), 10.0**-decimals
    if not re.fullmatch(r"\d+(?: \d+/\d+)?|\d+/\d+", plain):
        return None
    parts = plain.split()
    value = Fraction(0)
    step = Fraction(1)
    for part in parts:
        fraction = Fraction(part)
        value += fraction
        if "/" in part:
            step = Fraction(1, fraction.denominator)
    return float(value), float(step)


def is_unit_word(word: str) -> bool:
    """True for a measure ("meters"), a unit symbol ("km/h") or a counted noun
    ("cameras"); False for an adjective before the noun ("lunar" in "one lunar day")."""
    lowered = word.lower()
    return (
        lowered in MEASURE_UNITS
        or lowered.split("/")[0] in GLUED_UNITS
        or "/" in lowered
        or is_count_noun(lowered)
    )


MAX_MODIFIERS = 3


def counted_noun(text: str, position: int) -> str | None:
    """The words from ``position`` up to and including the noun a number counts, when
    only modifiers stand before it ("three geostationary weather satellites": "
    geostationary weather satellites" after "three"); None when no count noun follows
    within ``MAX_MODIFIERS`` words."""
    words = ""
    for _ in range(MAX_MODIFIERS):
        noun = NEXT_WORD.match(text, position)
        if not noun or noun["word"] in NOT_UNITS:
            return None
        words += noun.group()
        if is_count_noun(noun["word"]):
            head = NEXT_WORD.match(text, noun.end())  # "harbour ferries": a compound
            plural = (
                head and head["word"] not in NOT_UNITS and inflector().singular_noun(head["word"])
            )
            return words + head.group() if plural else words
        position = noun.end()
    return None


VAGUE_BEFORE = re.compile(
    r"\b(?:several|a few|few|many|some few|dozens of|hundreds of|thousands of|millions of|"
    r"tens of|scores of)\s*$",
    re.IGNORECASE,
)
CONVERSION_NEXT = re.compile(r" \(\d[\d.,/ ]* [a-z]+\)")


def unit_end(text: str, match: re.Match, value: float) -> tuple[str, int] | None:
    """The unit shown for the number ``match`` found and where its words end: a unit
    symbol glued to the digits, a scale word with what it scales ("4.5 billion years"),
    a unit of measure, or the noun a count counts; None when no fair unit can be read."""
    written, start = match.group("unit"), match.start("unit")
    if not match.group("joint"):
        shown = glued_unit(written.split("/")[0]) and (glued_unit(written) or written.lower())
        return (shown, match.end("unit")) if shown else None
    if match.group("joint") == "-":
        return (written.lower(), match.end("unit")) if is_unit_phrase(written) else None
    if written.lower() in NOT_UNITS:
        return None
    if written.lower() in SCALE_WORDS:
        after = match.end("unit")
        rest = measure_at(text, after) or (head_noun(text, after) or (0, None))[1]
        return text[start : rest or after].lower(), rest or after  # "4.5 billion years"
    measure = measure_at(text, start - 1)
    if measure is not None:
        return text[start:measure], measure
    if value != 1:
        head = head_noun(text, start - 1)
        return (text[head[0] : head[1]].lower(), head[1]) if head else None
    if is_unit_word(written):
        return written.lower(), match.end("unit")
    noun = counted_noun(text, match.end("unit"))
    if not noun:
        return None  # "did one better": no noun counted
    return f"{written.lower()}{noun}", match.end("unit") + len(noun)


def find_quantities(text: str) -> list[Quantity]:
    """Quantities in a clean sentence (see the module docstring for what is excluded)."""
    found = []
    for match in NUMBER.finditer(text):
        number = match.group("number")
        words_before = text[: match.start()].split()
        previous = words_before[-1] if words_before else ""
        if previous.rstrip(".").lower() in MONTHS:
            continue  # a day of the month
        if len(words_before) > 1 and re.fullmatch(r"[A-Z][a-z]+", previous):
            continue  # a designation such as "Voyager 1"
        if previous in ("or", "to") and parse_number(words_before[-2]) is not None:
            continue  # a vague range such as "one or two months"
        if VAGUE_BEFORE.search(text[: match.start()]):
            continue  # "several hundred", "tens of thousands": no number is given
        if CONVERSION_BEFORE.search(text[: match.start()]):
            continue  # the same amount in other units
        if re.fullmatch(r"\d{4}", number) and 1900 <= int(number) <= 2100:
            continue
        parsed = parse_number(number)
        unit = parsed and unit_end(text, match, parsed[0])
        if not unit:
            continue
        shown, end = unit
        conversion = CONVERSION_NEXT.match(text, end)
        conversion_end = conversion.end() if conversion else end
        found.append(
            Quantity(parsed[0], shown, number, match.start(), end, conversion_end, parsed[1])
        )
    return found


def find_dates(text: str) -> list[DateMention]:
    """Calendar dates with a month name and day number."""
    found = []
    for match in DATE.finditer(text):
        month = MONTHS[match.group().split()[0].rstrip(".").lower()[:4].rstrip("u")[:3]]
        year = int(match.group("year")) if match.group("year") else None
        found.append(
            DateMention(
                match.group(), match.start(), match.end(), month, int(match.group("day")), year
            )
        )
    return found
