"""Wrong numbers for false statements that a student could believe.

A false statement made by changing a number must stay a fair misconception: the
changed value is the figure doubled (a small count goes up by two, a temperature by one
degree, where doubling means nothing), and it is dropped when it cannot be true of the
thing measured or contradicts the statement's own words: a percentage above 100, a
value outside half to twice the original (a different order of magnitude), the top of a
range ("between 40 and 60 percent") moved below its bottom, or a count that a list in
the same statement spells out ("three rockets, one before, one during and one after").
"""

from __future__ import annotations

import re

MAX_RATIO = 2.0
PERCENT = re.compile(r"^(?:percent|per cent|%|percentage points?)$", re.IGNORECASE)
TEMPERATURE = re.compile(r"°|\bdegrees? (?:Celsius|Fahrenheit|C|F)\b|^(?:Celsius|Fahrenheit)$")
RANGE_BEFORE = re.compile(
    r"\b(?:between|from) (?P<low>\d[\d,]*(?:\.\d+)?) (?:and|to) $", re.IGNORECASE
)
# A run of short list items: "one before, one during and one after".
LIST_RUN = re.compile(r"(?:[\w'-]+(?: [\w'-]+){0,3}, )+(?:[\w'-]+(?: [\w'-]+){0,3},? )and ")


def changed_value(value: float, unit: str) -> float:
    """The clearly different value a false statement uses in place of ``value``."""
    if TEMPERATURE.search(unit):
        return value + 1
    if value <= 3 and value.is_integer():
        return value + 2
    return value * 2


def listed_counts(text: str) -> set[int]:
    """How many items each list in ``text`` may have (a run with k commas lists k + 2
    things, or k + 1 when its first part leads into the list)."""
    counts = set()
    for match in LIST_RUN.finditer(text):
        commas = match.group().count(",") - match.group().endswith(", and ")
        counts |= {commas + 1, commas + 2}
    return counts


def is_plausible(value: float, changed: float, unit: str, text: str, start: int) -> bool:
    """True when ``changed`` in place of ``value`` (written at ``start`` of ``text``)
    makes a false statement a student could believe."""
    if PERCENT.match(unit) and changed > 100:
        return False
    if not (value / MAX_RATIO <= changed <= value * MAX_RATIO):
        return False
    low = RANGE_BEFORE.search(text[:start])
    if low and changed <= float(low["low"].replace(",", "")):
        return False
    return not (value.is_integer() and int(value) in listed_counts(text))


def plausible_wrong_value(value: float, unit: str, text: str, start: int) -> float | None:
    """A plausible wrong value for the figure at ``start`` of ``text``, or None when no
    changed value makes a fair false statement."""
    value = float(value)
    for changed in (changed_value(value, unit), value / 2):
        if changed != value and is_plausible(value, changed, unit, text, start):
            return changed
    return None
