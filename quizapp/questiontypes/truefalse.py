"""A statement the student marks true or false."""

from typing import Any

from wtforms import Form, RadioField, SelectChoice
from wtforms.fields.core import UnboundField
from wtforms.validators import Optional

from quizapp.questiontypes.base import NO_ANSWER, UNREADABLE_ANSWER, QuestionType, data_problems

_VALUES = {"true": True, "false": False}


class TrueFalse(QuestionType):
    """The prompt is a statement; the student says whether it is true.

    Data: ``answer: bool``; optional ``feedback: [str, str]``, shown for the
    answers True and False.
    Answer: ``true`` or ``false``.
    Grading: 1.0 when it matches, otherwise 0.0.
    """

    name = "truefalse"
    label = "True or false"
    instructions = "Choose True or False."

    def validate_data(self, data: dict[str, Any]) -> list[str]:
        problems = data_problems(data)
        if problems:
            return problems
        if not isinstance(data.get("answer"), bool):
            problems.append("'answer' must be true or false.")
        feedback = data.get("feedback")
        if "feedback" in data and not (
            isinstance(feedback, list)
            and len(feedback) == 2
            and all(isinstance(text, str) for text in feedback)
        ):
            problems.append("'feedback' must be two texts: for True, then for False.")
        return problems

    def form_fields(self, data: dict[str, Any], order: list[int]) -> dict[str, UnboundField]:
        return {
            "answer": RadioField(
                "Answer",
                choices=[SelectChoice("true", "True"), SelectChoice("false", "False")],
                validators=[Optional()],
            )
        }

    def field_data(self, data: dict[str, Any], order: list[int], answer: Any) -> dict[str, Any]:
        if isinstance(answer, bool):
            return {"answer": "true" if answer else "false"}
        return {"answer": None}

    def answer_from_form(self, form: Form, data: dict[str, Any], order: list[int]) -> bool | None:
        return _VALUES.get(form["answer"].data or "")

    def grade(self, data: dict[str, Any], answer: Any, *, prompt: str = "") -> float:
        if not isinstance(answer, bool):
            return 0.0
        return 1.0 if answer is data.get("answer") else 0.0

    def describe_correct(self, data: dict[str, Any]) -> str:
        return "True" if data["answer"] else "False"

    def describe_answer(self, data: dict[str, Any], answer: Any) -> str:
        if answer is None:
            return NO_ANSWER
        if not isinstance(answer, bool):
            return UNREADABLE_ANSWER
        return "True" if answer else "False"
