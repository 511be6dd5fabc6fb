"""A short typed answer matched against accepted variants."""

from typing import Any

from wtforms import Form, StringField
from wtforms.fields.core import UnboundField
from wtforms.validators import Length, Optional

from quizapp.questiontypes.base import (
    NO_ANSWER,
    UNREADABLE_ANSWER,
    QuestionType,
    answer_fraction,
    data_problems,
    normalise_answer,
    optional_list_problems,
    string_list_problems,
)
from quizapp.questiontypes.restatement import restated_answer_matches
from quizapp.questiontypes.typed_answers import answer_matches

MAX_LENGTH = 200
MAX_VARIANTS = 20


def matching_variants(data: dict[str, Any], answer: Any, prompt: str = "") -> list[int]:
    """Indices of the accepted variants that ``answer`` writes, asked ``prompt``.

    Grading and the review page's per-answer feedback both use it, so they agree.
    """
    if not isinstance(answer, str) or not normalise_answer(answer):
        return []
    accepted = data.get("answers") if isinstance(data, dict) else None
    if not isinstance(accepted, list):
        return []
    typed = answer[:MAX_LENGTH]
    return [
        i
        for i, variant in enumerate(accepted)
        if answer_matches(typed, [variant]) or restated_answer_matches(typed, [variant], prompt)
    ]


class ShortAnswer(QuestionType):
    """A few words typed by the student.

    Data: ``answers: [str]``, the accepted variants (the first is shown as the answer).
    Answer: the trimmed text as typed, at most 200 characters.
    Grading: 1.0 when the answer is a fair way of writing an accepted variant
    (see ``typed_answers``: case, punctuation, spacing, singular or plural, a
    leading determiner, possessive or preposition of place, either side of
    "Full Name (ABBR)", and a small typo in a long answer), also when words
    that only restate the question's prompt come before or after it (see
    ``restatement``: "Jezero Crater on Mars" when the prompt says Mars, "the
    Mars Reconnaissance Orbiter relayed it" when it asks what relayed), otherwise 0.0.
    Optional: ``fractions: [number]`` (a weight from 0 to 1 per variant, at
    least one 1; the best matching variant's weight is earned) and
    ``feedback: [str]`` per variant.
    """

    name = "short"
    label = "Short answer"
    instructions = "Type your answer."

    def validate_data(self, data: dict[str, Any]) -> list[str]:
        problems = data_problems(data)
        if problems:
            return problems
        problems = string_list_problems(
            data, "answers", minimum=1, maximum=MAX_VARIANTS, fold=normalise_answer
        )
        answers = data.get("answers")
        if isinstance(answers, list):
            for answer in answers:
                if isinstance(answer, str) and answer.strip() and not normalise_answer(answer):
                    problems.append(f"'answers' entry {answer!r} has no letters or digits.")
                if isinstance(answer, str) and len(answer.strip()) > MAX_LENGTH:
                    problems.append(f"'answers' entry {answer[:30]!r}... is too long to type.")
            problems += optional_list_problems(data, "fractions", len(answers), "fraction")
            problems += optional_list_problems(data, "feedback", len(answers), "text")
            if "fractions" in data and not problems and max(data["fractions"]) != 1:
                problems.append("One accepted answer must have the weight 1 (100%).")
        return problems

    def form_fields(self, data: dict[str, Any], order: list[int]) -> dict[str, UnboundField]:
        return {
            "answer": StringField(
                "Your answer",
                validators=[Optional(), Length(max=MAX_LENGTH)],
                filters=[lambda value: value.strip() if isinstance(value, str) else value],
                render_kw={"autocomplete": "off", "maxlength": MAX_LENGTH},
            )
        }

    def field_data(self, data: dict[str, Any], order: list[int], answer: Any) -> dict[str, Any]:
        return {"answer": answer if isinstance(answer, str) else ""}

    def answer_from_form(self, form: Form, data: dict[str, Any], order: list[int]) -> str | None:
        text = (form["answer"].data or "").strip()[:MAX_LENGTH]
        return text or None

    def grade(self, data: dict[str, Any], answer: Any, *, prompt: str = "") -> float:
        matched = [answer_fraction(data, i, 1.0) for i in matching_variants(data, answer, prompt)]
        return max(0.0, min(1.0, max(matched, default=0.0)))

    def describe_correct(self, data: dict[str, Any]) -> str:
        first, *others = data["answers"]
        if not others:
            return first
        return f"{first} (also accepted: {', '.join(others)})"

    def describe_answer(self, data: dict[str, Any], answer: Any) -> str:
        if answer is None:
            return NO_ANSWER
        return answer if isinstance(answer, str) else UNREADABLE_ANSWER

    def answer_terms(self, data: dict[str, Any]) -> list[str]:
        answers = data.get("answers") or []
        return [answer for answer in answers if isinstance(answer, str)]
