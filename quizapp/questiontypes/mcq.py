"""Multiple choice with exactly one correct option."""

import random
from typing import Any

from wtforms import Form, RadioField
from wtforms.fields.core import UnboundField
from wtforms.validators import Optional

from quizapp.questiontypes.base import (
    NO_ANSWER,
    UNREADABLE_ANSWER,
    QuestionType,
    answer_fraction,
    clamp_mark,
    data_problems,
    fold_text,
    is_index,
    optional_list_problems,
    original_index,
    shown_choices,
    shown_value,
    shuffled,
    string_list_problems,
    usable_order,
)


class MultipleChoice(QuestionType):
    """One answer among 2-8 options.

    Data: ``options: [str]``, ``answer: str`` (one of the options).
    Optional: ``fractions: [number]`` (a weight from -1 to 1 per option, 1 for the
    answer; imported partial credit) and ``feedback: [str]`` (per option).
    Answer: the original index of the chosen option.
    Grading: 1.0 for the correct option, otherwise 0.0; with ``fractions``, the
    chosen option's weight (never below 0).
    """

    name = "mcq"
    label = "Multiple choice"
    instructions = "Choose one answer."

    def validate_data(self, data: dict[str, Any]) -> list[str]:
        problems = data_problems(data)
        if problems:
            return problems
        problems = string_list_problems(data, "options")
        answer = data.get("answer")
        if not isinstance(answer, str) or not answer.strip():
            problems.append("'answer' must be the text of one option.")
        elif isinstance(data.get("options"), list) and answer not in data["options"]:
            folded = [fold_text(o) for o in data["options"] if isinstance(o, str)]
            hint = " (it differs only in case or spacing)" if fold_text(answer) in folded else ""
            problems.append(f"'answer' {answer!r} is not one of the options{hint}.")
        elif problems:
            return problems
        size = len(data["options"]) if isinstance(data.get("options"), list) else 0
        problems += optional_list_problems(data, "fractions", size, "fraction")
        problems += optional_list_problems(data, "feedback", size, "text")
        if not problems and answer_fraction(data, data["options"].index(answer), 1.0) != 1:
            problems.append("The answer's weight in 'fractions' must be 1 (100%).")
        return problems

    def shown_order(self, data: dict[str, Any], rng: random.Random, shuffle: bool) -> list[int]:
        return shuffled(len(data["options"]), rng, shuffle)

    def form_fields(self, data: dict[str, Any], order: list[int]) -> dict[str, UnboundField]:
        options = data["options"]
        order = usable_order(order, len(options))
        return {
            "answer": RadioField(
                "Answer",
                choices=shown_choices(options, order),
                validators=[Optional()],
            )
        }

    def field_data(self, data: dict[str, Any], order: list[int], answer: Any) -> dict[str, Any]:
        return {"answer": shown_value(answer, usable_order(order, len(data["options"])))}

    def answer_from_form(self, form: Form, data: dict[str, Any], order: list[int]) -> int | None:
        return original_index(form["answer"].data, usable_order(order, len(data["options"])))

    def grade(self, data: dict[str, Any], answer: Any, *, prompt: str = "") -> float:
        options = data.get("options") or []
        if not is_index(answer, len(options)):
            return 0.0
        full = 1.0 if options[answer] == data.get("answer") else 0.0
        return clamp_mark(answer_fraction(data, answer, full))

    def describe_correct(self, data: dict[str, Any]) -> str:
        return str(data["answer"])

    def describe_answer(self, data: dict[str, Any], answer: Any) -> str:
        if answer is None:
            return NO_ANSWER
        options = data["options"]
        return options[answer] if is_index(answer, len(options)) else UNREADABLE_ANSWER

    def answer_terms(self, data: dict[str, Any]) -> list[str]:
        return [data["answer"]] if isinstance(data.get("answer"), str) else []
