"""How far a typed number may be from the article's figure and still be right.

A figure the article gives exactly is keyed exactly (a decimal to half its last written
place: "14.98" accepts 14.975 to 14.985). A figure it gives as approximate ("about
45,000", "around 419", "roughly two days", "nearly 11.2") is keyed to half a unit of its
last significant place, so a student who knows the rounded figure or a more precise one
is right: about 45,000 -> ±500, around 419 -> ±0.5, about 4.5 billion -> ±0.05 billion.

A bound ("more than 7,000", "at least 30", "up to 2", "under 4") keeps its word in the
stem, so the question asks for the bound the article gives; it is keyed like an
approximate figure, around the bound, never to the open range above or below it (which
has no fair end).
"""

from __future__ import annotations

import re

APPROXIMATE_OR_BOUND = re.compile(
    r"\b(?:about|around|roughly|some|nearly|almost|approximately|close to|an estimated|"
    r"more than|less than|fewer than|at least|at most|up to|over|under|upwards of|"
    r"(?:just|a little|slightly) (?:over|under|more than|less than))\s*$",
    re.IGNORECASE,
)


def written_step(number_text: str, precision: float) -> float:
    """The value of the last significant place a number is written to: 1000 for
    "45,000", 1 for "419" or "two", 0.1 for "11.2"."""
    digits = number_text.replace(",", "")
    if precision < 1 or not digits.isdigit():
        return precision
    zeros = len(digits) - len(digits.rstrip("0"))
    return float(10 ** min(zeros, len(digits) - 1))


def is_approximate(before: str) -> bool:
    """True when the words just before a figure make it approximate or a bound."""
    return bool(APPROXIMATE_OR_BOUND.search(before))


def tolerance_for(before: str, number_text: str, precision: float) -> float:
    """The tolerance of a numeric key for the figure ``number_text`` after ``before``."""
    if is_approximate(before):
        return written_step(number_text, precision) / 2
    return precision / 2 if precision < 1 else 0


def clear_of(value: float, tolerance: float, others: list[float]) -> float:
    """``tolerance`` narrowed to half the distance to the nearest other figure of the
    stem it would accept ("about 3.5 km at first and later roughly ___ km", 4 ± 0.5):
    a student must not earn the mark by copying the stem's other figure."""
    inside = [abs(other - value) for other in others if 0 < abs(other - value) <= tolerance]
    return min(inside) / 2 if inside else tolerance
