"""Select all that apply, with partial credit."""

import random
from typing import Any

from wtforms import Form, SelectMultipleField
from wtforms.fields.core import UnboundField
from wtforms.validators import Optional
from wtforms.widgets import CheckboxInput, ListWidget

from quizapp.questiontypes.base import (
    NO_ANSWER,
    UNREADABLE_ANSWER,
    QuestionType,
    answer_fraction,
    clamp_mark,
    data_problems,
    is_index,
    optional_list_problems,
    original_index,
    shown_choices,
    shown_value,
    shuffled,
    string_list_problems,
    usable_order,
)


def _weight_problems(options: list[str], answers: list[str], fractions: list[float]) -> list[str]:
    problems = []
    positive = [option for option, weight in zip(options, fractions, strict=True) if weight > 0]
    if set(positive) != set(answers):
        problems.append("'answers' must be exactly the options with a positive weight.")
    total = sum(weight for weight in fractions if weight > 0)
    if abs(total - 1) > 0.001:
        problems.append(f"The positive weights add up to {total:.0%}, not 100%.")
    return problems


class MultipleResponse(QuestionType):
    """Any number of correct options among 2-8; the student ticks every one that applies.

    Data: ``options: [str]``, ``answers: [str]`` (a non-empty subset of the options).
    Answer: the sorted original indices of the ticked options.
    Grading: ``max(0, (right picks - wrong picks) / number of correct options)``,
    so ticking everything earns nothing unless every option is correct.
    Optional: ``fractions: [number]``, a weight from -1 to 1 per option (the
    correct options' weights add up to 1, wrong ones are 0 or negative), and
    ``feedback: [str]`` per option. With ``fractions`` the mark is the sum of the
    ticked options' weights, kept within 0 to 1 (Moodle's rule).
    """

    name = "multi"
    label = "Multiple response"
    instructions = "Select all that apply."

    def validate_data(self, data: dict[str, Any]) -> list[str]:
        problems = data_problems(data)
        if problems:
            return problems
        problems = string_list_problems(data, "options")
        answers = data.get("answers")
        options = data.get("options") if isinstance(data.get("options"), list) else []
        if not isinstance(answers, list) or not answers:
            problems.append("'answers' must be a non-empty list of options.")
            return problems
        if not all(isinstance(a, str) for a in answers):
            problems.append("Every entry of 'answers' must be text.")
            return problems
        if len(set(answers)) != len(answers):
            problems.append("'answers' lists an option more than once.")
        for answer in answers:
            if answer not in options:
                problems.append(f"'answers' entry {answer!r} is not one of the options.")
        if problems:
            return problems
        problems += optional_list_problems(data, "fractions", len(options), "fraction")
        problems += optional_list_problems(data, "feedback", len(options), "text")
        if not problems and "fractions" in data:
            problems += _weight_problems(options, answers, data["fractions"])
        return problems

    def shown_order(self, data: dict[str, Any], rng: random.Random, shuffle: bool) -> list[int]:
        return shuffled(len(data["options"]), rng, shuffle)

    def form_fields(self, data: dict[str, Any], order: list[int]) -> dict[str, UnboundField]:
        options = data["options"]
        order = usable_order(order, len(options))
        return {
            "answer": SelectMultipleField(
                "Answer",
                choices=shown_choices(options, order),
                validators=[Optional()],
                widget=ListWidget(prefix_label=False),
                option_widget=CheckboxInput(),
            )
        }

    def field_data(self, data: dict[str, Any], order: list[int], answer: Any) -> dict[str, Any]:
        order = usable_order(order, len(data["options"]))
        if not isinstance(answer, list):
            return {"answer": []}
        values = (shown_value(i, order) for i in answer)
        return {"answer": [value for value in values if value is not None]}

    def answer_from_form(
        self, form: Form, data: dict[str, Any], order: list[int]
    ) -> list[int] | None:
        order = usable_order(order, len(data["options"]))
        picked = {original_index(value, order) for value in form["answer"].data or ()}
        picked.discard(None)
        return sorted(picked) or None

    def grade(self, data: dict[str, Any], answer: Any, *, prompt: str = "") -> float:
        options = data.get("options") or []
        correct = {i for i, option in enumerate(options) if option in (data.get("answers") or ())}
        if not correct or not isinstance(answer, list):
            return 0.0
        if not all(is_index(i, len(options)) for i in answer):
            return 0.0
        picked = set(answer)
        if "fractions" in data:
            return clamp_mark(sum(answer_fraction(data, i, 0.0) for i in picked))
        right = len(picked & correct)
        wrong = len(picked - correct)
        return max(0.0, (right - wrong) / len(correct))

    def describe_correct(self, data: dict[str, Any]) -> str:
        answers = data["answers"]
        return "; ".join(o for o in data["options"] if o in answers)

    def describe_answer(self, data: dict[str, Any], answer: Any) -> str:
        if answer is None:
            return NO_ANSWER
        options = data["options"]
        if not isinstance(answer, list) or not all(is_index(i, len(options)) for i in answer):
            return UNREADABLE_ANSWER
        if not answer:
            return "Nothing selected"
        return "; ".join(options[i] for i in sorted(set(answer)))

    def answer_terms(self, data: dict[str, Any]) -> list[str]:
        answers = data.get("answers") or []
        return [answer for answer in answers if isinstance(answer, str)]
