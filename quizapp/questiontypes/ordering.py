"""Put items (events) in order by giving each one a position: no drag and drop."""

import random
from typing import Any

from wtforms import Form, SelectChoice, SelectField
from wtforms.fields.core import UnboundField
from wtforms.validators import Optional, ValidationError

from quizapp.questiontypes.base import (
    NO_ANSWER,
    UNREADABLE_ANSWER,
    QuestionType,
    data_problems,
    is_permutation,
    parse_position,
    shuffled_away_from_key,
    string_list_problems,
    usable_order,
)

PLACEHOLDER = "–"
DUPLICATE_MESSAGE = "Give each event a different position."
PREFIX = "position_"


def field_name(shown: int) -> str:
    """The form field for the item shown ``shown``-th (0-based; not its original index)."""
    return f"{PREFIX}{shown}"


def _distinct_positions(form: Form, field: SelectField) -> None:
    """Reject a position that another item of the same question was also given."""
    if not field.data:
        return
    prefix = field.name[: len(field.name) - len(field.short_name)] + PREFIX
    for other in form:
        if other is not field and other.name.startswith(prefix) and other.data == field.data:
            raise ValidationError(DUPLICATE_MESSAGE)


def _render_order(items: list[str], order: list[int]) -> str:
    return "  ".join(f"{place}. {items[i]}" for place, i in enumerate(order, start=1))


class Ordering(QuestionType):
    """2-8 items to put in order; each gets a "Position" select (1 = first).

    Data: ``items: [str]`` in the correct order, distinct.
    Form: one select per item, ``position_<shown index>`` in the shown order
    (named by shown place, since the original index is the key), choices 1..n.
    Answer: the original item indices in the order the student put them.
    Grading: the fraction of item pairs in the correct relative order
    (Kendall's tau rescaled): the key scores 1.0, its reverse 0.0.
    The items are always shown shuffled, never in key order.
    """

    name = "ordering"
    label = "Ordering"
    instructions = "Give each event its position, 1 = first."

    def validate_data(self, data: dict[str, Any]) -> list[str]:
        problems = data_problems(data)
        if problems:
            return problems
        return string_list_problems(data, "items")

    def shown_order(self, data: dict[str, Any], rng: random.Random, shuffle: bool) -> list[int]:
        return shuffled_away_from_key(len(data["items"]), rng)

    def form_fields(self, data: dict[str, Any], order: list[int]) -> dict[str, UnboundField]:
        items = data["items"]
        order = usable_order(order, len(items))
        choices = [SelectChoice("", PLACEHOLDER)]
        choices += [SelectChoice(str(p), str(p)) for p in range(1, len(items) + 1)]
        return {
            field_name(shown): SelectField(
                items[item], choices=choices, validators=[Optional(), _distinct_positions]
            )
            for shown, item in enumerate(order)
        }

    def field_data(self, data: dict[str, Any], order: list[int], answer: Any) -> dict[str, Any]:
        size = len(data["items"])
        order = usable_order(order, size)
        values = {field_name(shown): "" for shown in range(size)}
        if is_permutation(answer, size):
            for place, item in enumerate(answer, start=1):
                values[field_name(order.index(item))] = str(place)
        return values

    def answer_from_form(
        self, form: Form, data: dict[str, Any], order: list[int]
    ) -> list[int] | None:
        size = len(data["items"])
        order = usable_order(order, size)
        positions = {}
        for shown, item in enumerate(order):
            place = parse_position(form[field_name(shown)].data)
            if place is None:
                return None
            positions[item] = place
        answer = sorted(positions, key=positions.__getitem__)
        if sorted(positions.values()) != list(range(1, size + 1)):
            return None
        return answer

    def grade(self, data: dict[str, Any], answer: Any, *, prompt: str = "") -> float:
        size = len(data.get("items") or ())
        if size < 2 or not is_permutation(answer, size):
            return 0.0
        pairs = size * (size - 1) // 2
        in_order = sum(1 for a in range(size) for b in range(a + 1, size) if answer[a] < answer[b])
        return in_order / pairs

    def describe_correct(self, data: dict[str, Any]) -> str:
        items = data["items"]
        return _render_order(items, list(range(len(items))))

    def describe_answer(self, data: dict[str, Any], answer: Any) -> str:
        if answer is None:
            return NO_ANSWER
        items = data["items"]
        if not is_permutation(answer, len(items)):
            return UNREADABLE_ANSWER
        return _render_order(items, answer)
