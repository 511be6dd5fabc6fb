"""A number, graded with an absolute tolerance, with its unit shown."""

import math
import re
from typing import Any

from text_to_num import text2num
from wtforms import Form, StringField
from wtforms.fields.core import UnboundField
from wtforms.validators import Length, Optional, ValidationError

from quizapp.questiontypes.base import (
    NO_ANSWER,
    UNREADABLE_ANSWER,
    QuestionType,
    data_problems,
    format_number,
    is_number,
)
from quizapp.questiontypes.typed_answers import answer_matches

NUMBER_MESSAGE = "Enter a number, such as 25 or 2.5"
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?", re.IGNORECASE)
# Digits grouped in threes by commas or spaces, as articles write them: "3,000", "1 234 567".
_GROUPED = re.compile(
    r"[+-]?[1-9]\d{0,2}(?P<sep>[, \u00a0\u202f])\d{3}(?:(?P=sep)\d{3})*(?:\.\d+)?"
)
# Relative slack so that float noise (0.1 + 0.2) never costs a mark.
_FLOAT_SLACK = 1e-9


def parse_number(text: str) -> float | None:
    """Parse a typed number ("25", "2,5", "3,000", "-3", "1e3"); ``None`` when it is not one.

    Digits grouped in threes by commas or spaces are thousands, as the articles
    write them ("3,000", "1,234,567.5", "3 000"). Any other single comma with no
    dot is a decimal comma ("2,5", "0,125").
    """
    cleaned = text.strip().replace("\u2212", "-")
    grouped = _GROUPED.fullmatch(cleaned)
    if grouped:
        cleaned = cleaned.replace(grouped["sep"], "")
    elif cleaned.count(",") == 1 and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    if not _NUMBER.fullmatch(cleaned):
        return None
    value = float(cleaned)
    return value if math.isfinite(value) else None


_UNIT_GLUED = re.compile(r"(\d)([^\W\d_])")


def number_in_words(text: str) -> float | None:
    """A whole number written in English words ("six", "twenty-five", "two hundred and ten")."""
    try:
        return float(text2num(text.casefold().strip(), "en"))
    except ValueError:
        return None


def parse_typed_number(text: str, unit: str = "") -> float | None:
    """A student's number: digits or words, optionally followed by the question's unit.

    "6", "six", "6 wheels" and "24 hours" (for the unit "hours", also "24 hour") are
    read; a different unit ("6 metres" when the unit is "feet") is not.
    """
    value = parse_number(text)
    if value is not None:
        return value
    words = _UNIT_GLUED.sub(r"\1 \2", text).split()  # "24hours" is "24 hours"
    spans = [(words, [])]
    if unit.strip():
        spans += [(words[:k], words[k:]) for k in range(len(words) - 1, 0, -1)]
    for number_words, unit_words in spans:
        if unit_words and not answer_matches(" ".join(unit_words), [unit]):
            continue
        head = " ".join(number_words)
        value = parse_number(head)
        if value is None:
            value = number_in_words(head)
        if value is not None:
            return value
    return None


def _number_check(unit: str):
    def check(form: Form, field: StringField) -> None:
        if parse_typed_number(field.data or "", unit) is None:
            raise ValidationError(NUMBER_MESSAGE)

    return check


def _with_unit(value: float, unit: str) -> str:
    return f"{format_number(value)} {unit}".strip()


def within(answer: float, key: Any, tolerance: Any) -> bool:
    """Whether ``answer`` is within ``tolerance`` of ``key`` (with a little float slack)."""
    if not (is_number(key) and is_number(tolerance)):
        return False
    return abs(answer - key) <= tolerance + _FLOAT_SLACK * max(abs(key), 1.0)


def _alternative_problems(alternatives: Any) -> list[str]:
    if not isinstance(alternatives, list):
        return ["'alternatives' must be a list."]
    for other in alternatives:
        if not (
            isinstance(other, dict)
            and is_number(other.get("answer"))
            and is_number(other.get("tolerance"))
            and other["tolerance"] >= 0
            and is_number(other.get("fraction"))
            and 0 <= other["fraction"] <= 1
            and isinstance(other.get("feedback", ""), str)
        ):
            return [
                "Each of 'alternatives' needs an answer, a tolerance of at least 0,"
                " a fraction from 0 to 1 and optional feedback text."
            ]
    return []


class Numeric(QuestionType):
    """A number typed by the student.

    Data: ``answer: number``, ``tolerance: number >= 0`` (absolute), ``unit: str``
    (shown after the input, may be empty).
    Answer: the number as a float, typed in digits or words, with or without the unit.
    Grading: 1.0 when ``|answer - key| <= tolerance`` (plus a 1e-9 relative
    slack for float error), otherwise 0.0.
    Optional: ``feedback: str`` for the answer and ``alternatives: [{answer,
    tolerance, fraction, feedback}]``, further accepted numbers each earning its
    ``fraction`` (0 to 1); the best matching one counts.
    """

    name = "numeric"
    label = "Numeric"
    instructions = "Type your answer as a number."

    def validate_data(self, data: dict[str, Any]) -> list[str]:
        problems = data_problems(data)
        if problems:
            return problems
        if not is_number(data.get("answer")):
            problems.append("'answer' must be a number.")
        tolerance = data.get("tolerance")
        if not is_number(tolerance) or tolerance < 0:
            problems.append("'tolerance' must be a number of at least 0.")
        if not isinstance(data.get("unit"), str):
            problems.append("'unit' must be text (it may be empty).")
        if "feedback" in data and not isinstance(data["feedback"], str):
            problems.append("'feedback' must be text.")
        return problems + _alternative_problems(data.get("alternatives", []))

    def form_fields(self, data: dict[str, Any], order: list[int]) -> dict[str, UnboundField]:
        return {
            "answer": StringField(
                "Your answer",
                validators=[Optional(), Length(max=50), _number_check(data.get("unit") or "")],
                filters=[lambda value: value.strip() if isinstance(value, str) else value],
                description=data.get("unit", ""),
                render_kw={"inputmode": "decimal", "autocomplete": "off"},
            )
        }

    def field_data(self, data: dict[str, Any], order: list[int], answer: Any) -> dict[str, Any]:
        return {"answer": format_number(answer) if is_number(answer) else ""}

    def answer_from_form(self, form: Form, data: dict[str, Any], order: list[int]) -> float | None:
        return parse_typed_number(form["answer"].data or "", data.get("unit") or "")

    def grade(self, data: dict[str, Any], answer: Any, *, prompt: str = "") -> float:
        key, tolerance = data.get("answer"), data.get("tolerance", 0)
        if not (is_number(answer) and is_number(key) and is_number(tolerance)):
            return 0.0
        if within(answer, key, tolerance):
            return 1.0
        return max(
            (
                max(0.0, min(1.0, other["fraction"]))
                for other in data.get("alternatives") or ()
                if isinstance(other, dict) and within(answer, other["answer"], other["tolerance"])
            ),
            default=0.0,
        )

    def describe_correct(self, data: dict[str, Any]) -> str:
        tolerance = format_number(data.get("tolerance", 0))
        return f"{_with_unit(data['answer'], data.get('unit', ''))} (±{tolerance})"

    def describe_answer(self, data: dict[str, Any], answer: Any) -> str:
        if answer is None:
            return NO_ANSWER
        if not is_number(answer):
            return UNREADABLE_ANSWER
        return _with_unit(answer, data.get("unit", ""))
