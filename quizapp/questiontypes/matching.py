"""Match each left-hand item to a right-hand item, answered with one select per item."""

import random
from typing import Any

from wtforms import Form, SelectChoice, SelectField
from wtforms.fields.core import UnboundField
from wtforms.validators import Optional

from quizapp.questiontypes.base import (
    MAX_OPTIONS,
    MIN_OPTIONS,
    NO_ANSWER,
    UNREADABLE_ANSWER,
    QuestionType,
    data_problems,
    fold_text,
    is_index,
    original_index,
    shown_choices,
    shown_value,
    shuffled_away_from_key,
    usable_order,
)

PLACEHOLDER = "Choose…"


def field_name(left: int) -> str:
    """The form field that holds the choice for left-hand item ``left``."""
    return f"match_{left}"


class Matching(QuestionType):
    """2-8 pairs; the student picks the right-hand item for each left-hand item.

    Data: ``pairs: [[left, right], ...]`` with distinct lefts and distinct rights.
    Form: one select per left item, ``match_<left index>``; option values are
    positions in the shown order of right-hand items.
    Answer: one entry per pair, in the original left order: the original index
    of the right-hand item chosen, or ``null`` where none was chosen.
    Grading: the fraction of left-hand items matched correctly.
    The right-hand items are always shown shuffled (never in key order), since
    listing them in the stored order would pair them up by position.
    """

    name = "matching"
    label = "Matching"
    instructions = "Choose the matching item for each."

    def validate_data(self, data: dict[str, Any]) -> list[str]:
        problems = data_problems(data)
        if problems:
            return problems
        pairs = data.get("pairs")
        if not isinstance(pairs, list):
            return ["'pairs' must be a list of [left, right] pairs."]
        if not MIN_OPTIONS <= len(pairs) <= MAX_OPTIONS:
            problems.append(
                f"'pairs' must have {MIN_OPTIONS} to {MAX_OPTIONS} pairs, not {len(pairs)}."
            )
        if not all(
            isinstance(pair, list)
            and len(pair) == 2
            and all(isinstance(side, str) and side.strip() for side in pair)
            for pair in pairs
        ):
            problems.append("Every pair must be a list of two non-empty texts.")
            return problems
        for side, label in ((0, "left"), (1, "right")):
            seen: set[str] = set()
            for pair in pairs:
                folded = fold_text(pair[side])
                if folded in seen:
                    problems.append(f"The {label} item {pair[side]!r} appears more than once.")
                seen.add(folded)
        return problems

    def shown_order(self, data: dict[str, Any], rng: random.Random, shuffle: bool) -> list[int]:
        return shuffled_away_from_key(len(data["pairs"]), rng)

    def form_fields(self, data: dict[str, Any], order: list[int]) -> dict[str, UnboundField]:
        pairs = data["pairs"]
        order = usable_order(order, len(pairs))
        choices = [SelectChoice("", PLACEHOLDER)]
        choices += shown_choices([right for _, right in pairs], order)
        return {
            field_name(left): SelectField(pair[0], choices=choices, validators=[Optional()])
            for left, pair in enumerate(pairs)
        }

    def field_data(self, data: dict[str, Any], order: list[int], answer: Any) -> dict[str, Any]:
        size = len(data["pairs"])
        order = usable_order(order, size)
        valid = isinstance(answer, list) and len(answer) == size
        values = {}
        for left in range(size):
            chosen = shown_value(answer[left], order) if valid else None
            values[field_name(left)] = chosen or ""
        return values

    def answer_from_form(
        self, form: Form, data: dict[str, Any], order: list[int]
    ) -> list[int | None] | None:
        size = len(data["pairs"])
        order = usable_order(order, size)
        answer = [original_index(form[field_name(left)].data, order) for left in range(size)]
        return answer if any(chosen is not None for chosen in answer) else None

    def grade(self, data: dict[str, Any], answer: Any, *, prompt: str = "") -> float:
        size = len(data.get("pairs") or ())
        if not size or not isinstance(answer, list) or len(answer) != size:
            return 0.0
        if not all(chosen is None or is_index(chosen, size) for chosen in answer):
            return 0.0
        return sum(1 for left, chosen in enumerate(answer) if chosen == left) / size

    def describe_correct(self, data: dict[str, Any]) -> str:
        return "; ".join(f"{left} → {right}" for left, right in data["pairs"])

    def describe_answer(self, data: dict[str, Any], answer: Any) -> str:
        if answer is None:
            return NO_ANSWER
        pairs = data["pairs"]
        size = len(pairs)
        if not isinstance(answer, list) or len(answer) != size:
            return UNREADABLE_ANSWER
        if not all(chosen is None or is_index(chosen, size) for chosen in answer):
            return UNREADABLE_ANSWER
        return "; ".join(
            f"{pairs[left][0]} → {pairs[chosen][1] if chosen is not None else '(none)'}"
            for left, chosen in enumerate(answer)
        )
