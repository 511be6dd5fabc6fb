"""The question editor's forms: one per question type, validated on the server.

Every form shares the common fields (title, question, topic, difficulty,
explanation, change note). Each type adds its own answer fields and turns
them into the type's answer data in :meth:`QuestionForm.answer_data`,
which explains every problem next to the fields it concerns; the type's own
``validate_data`` then checks the result once more.
"""

from typing import Any

from flask_wtf import FlaskForm
from wtforms import (
    FieldList,
    Form,
    FormField,
    HiddenField,
    RadioField,
    SelectChoice,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import InputRequired, Length, Optional, Regexp
from wtforms.widgets import CheckboxInput, ListWidget

from quizapp.models import Difficulty, QuestionVersion
from quizapp.questiontypes import get_type
from quizapp.questiontypes.base import MAX_OPTIONS, fold_text, format_number, normalise_answer
from quizapp.questiontypes.numeric import parse_number
from quizapp.questiontypes.short import MAX_LENGTH, MAX_VARIANTS

TOPIC_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
ROWS = [str(i) for i in range(MAX_OPTIONS)]


class QuestionForm(FlaskForm):
    """The fields every question has; subclasses add the answer fields of one type.

    Each subclass defines ``answer_data(self)``, the type's answer data from the
    posted fields (None, with errors noted, when unusable), and the static
    ``initial_answer(data)``, the field values that show existing answer data.
    """

    type_name = ""

    title = StringField("Title (optional, for your lists)", [Optional(), Length(max=255)])
    prompt = TextAreaField("Question", [InputRequired("Write the question."), Length(max=4000)])
    topic = StringField(
        "Topic",
        [
            InputRequired("Give a topic."),
            Length(max=40),
            Regexp(TOPIC_PATTERN, message="Use lower-case letters, digits and hyphens."),
        ],
        filters=[lambda value: value.strip().lower() if isinstance(value, str) else value],
    )
    difficulty = SelectField(
        "Difficulty", choices=[SelectChoice(d.value, d.value.capitalize()) for d in Difficulty]
    )
    explanation = TextAreaField(
        "Explanation (shown after the attempt)", [Optional(), Length(max=4000)]
    )
    change_note = StringField("What changed and why", [Optional(), Length(max=500)])
    base_version = HiddenField()
    preview = SubmitField("Preview")
    save = SubmitField("Save")
    publish = SubmitField("Save and publish")

    def validate(self, extra_validators=None) -> bool:
        """Check the fields, then build the answer data and check it as the type does."""
        self.group_errors: dict[str, list[str]] = {}
        valid = super().validate(extra_validators)
        self.built_data = self.answer_data()
        if self.built_data is not None:
            problems = get_type(self.type_name).validate_data(self.built_data)
            if problems:
                self.form_errors.extend(problems)
                self.built_data = None
        return valid and self.built_data is not None

    def group_error(self, group: str, message: str) -> None:
        """Note a problem with a group of fields (the options, the pairs...)."""
        self.group_errors.setdefault(group, []).append(message)


def _filled(entries) -> list[tuple[int, str]]:
    return [(i, (e.data or "").strip()) for i, e in enumerate(entries) if (e.data or "").strip()]


def _padded(values: list[Any], blank: Any = "") -> list[Any]:
    return list(values) + [blank] * (MAX_OPTIONS - len(values))


def _duplicates(texts: list[str], fold=fold_text) -> list[str]:
    seen: set[str] = set()
    repeated = []
    for text in texts:
        key = fold(text)
        if key in seen:
            repeated.append(text)
        seen.add(key)
    return repeated


def _option_list(label: str):
    return FieldList(
        StringField(label, [Optional(), Length(max=300)]),
        min_entries=MAX_OPTIONS,
        max_entries=MAX_OPTIONS,
    )


class _ChoicesForm(QuestionForm):
    options = _option_list("Option")

    def _options(self) -> list[tuple[int, str]] | None:
        filled = _filled(self.options.entries)
        if len(filled) < 2:
            self.group_error("options", "Give at least two options.")
            return None
        for text in _duplicates([text for _, text in filled]):
            self.group_error("options", f"The option “{text}” appears more than once.")
        return None if self.group_errors.get("options") else filled


class MultipleChoiceForm(_ChoicesForm):
    type_name = "mcq"
    correct = RadioField(
        "Correct option",
        choices=[SelectChoice(row, f"Option {int(row) + 1} is correct") for row in ROWS],
        validators=[Optional()],
    )

    def answer_data(self):
        filled = self._options()
        rows = dict(filled or [])
        if not self.correct.data:
            self.group_error("correct", "Mark exactly one option as the correct one.")
            return None
        if filled is None:
            return None
        row = int(self.correct.data)
        if row not in rows:
            self.group_error("correct", "The option marked correct is empty.")
            return None
        return {"options": [text for _, text in filled], "answer": rows[row]}

    @staticmethod
    def initial_answer(data):
        options = list(data.get("options") or [])
        answer = data.get("answer")
        correct = str(options.index(answer)) if answer in options else None
        return {"options": _padded(options), "correct": correct}


class MultipleResponseForm(_ChoicesForm):
    type_name = "multi"
    correct = SelectMultipleField(
        "Correct options",
        choices=[SelectChoice(row, f"Option {int(row) + 1} is correct") for row in ROWS],
        validators=[Optional()],
        widget=ListWidget(prefix_label=False),
        option_widget=CheckboxInput(),
    )

    def answer_data(self):
        filled = self._options()
        rows = dict(filled or [])
        picked = sorted({int(value) for value in self.correct.data or ()})
        if not picked:
            self.group_error("correct", "Mark at least one option as correct.")
            return None
        if filled is None:
            return None
        if any(row not in rows for row in picked):
            self.group_error("correct", "An option marked correct is empty.")
            return None
        return {"options": [text for _, text in filled], "answers": [rows[r] for r in picked]}

    @staticmethod
    def initial_answer(data):
        options = list(data.get("options") or [])
        answers = data.get("answers") or []
        correct = [str(i) for i, option in enumerate(options) if option in answers]
        return {"options": _padded(options), "correct": correct}


class TrueFalseForm(QuestionForm):
    type_name = "truefalse"
    answer = RadioField(
        "The statement is",
        choices=[SelectChoice("true", "True"), SelectChoice("false", "False")],
        validators=[InputRequired("Say whether the statement is true or false.")],
    )

    def answer_data(self):
        if self.answer.data not in ("true", "false"):
            return None
        return {"answer": self.answer.data == "true"}

    @staticmethod
    def initial_answer(data):
        answer = data.get("answer")
        return {"answer": None if answer is None else ("true" if answer else "false")}


class NumericForm(QuestionForm):
    type_name = "numeric"
    answer = StringField("Correct answer", [InputRequired("Give the correct number.")])
    tolerance = StringField("Tolerance (±)", [Optional()], default="0")
    unit = StringField("Unit (shown after the box)", [Optional(), Length(max=40)])

    def answer_data(self):
        answer = parse_number(self.answer.data or "")
        tolerance = parse_number(self.tolerance.data or "0")
        if self.answer.data and answer is None:
            self.answer.errors.append("Enter a number, such as 25 or 2.5.")
        if tolerance is None or tolerance < 0:
            self.tolerance.errors.append("The tolerance must be a number of 0 or more.")
            return None
        if answer is None:
            return None
        return {"answer": answer, "tolerance": tolerance, "unit": (self.unit.data or "").strip()}

    @staticmethod
    def initial_answer(data):
        values = {"unit": data.get("unit", "")}
        for name in ("answer", "tolerance"):
            value = data.get(name)
            values[name] = format_number(value) if isinstance(value, int | float) else ""
        return values


class ShortAnswerForm(QuestionForm):
    type_name = "short"
    answers = TextAreaField(
        "Accepted answers, one per line (the first is shown as the answer)",
        [InputRequired("Give at least one accepted answer.")],
    )

    def answer_data(self):
        lines = [line.strip() for line in (self.answers.data or "").splitlines()]
        answers = [line for line in lines if line]
        if not answers:
            if not self.answers.errors:
                self.answers.errors.append("Give at least one accepted answer.")
            return None
        problems = [
            f"“{a[:40]}…” is longer than {MAX_LENGTH} characters."
            for a in answers
            if len(a) > MAX_LENGTH
        ]
        problems += [f"“{a}” has no letters or digits." for a in answers if not normalise_answer(a)]
        problems += [f"“{a}” is listed twice." for a in _duplicates(answers, normalise_answer)]
        if len(answers) > MAX_VARIANTS:
            problems.append(f"List at most {MAX_VARIANTS} accepted answers.")
        self.answers.errors.extend(problems)
        return None if problems else {"answers": answers}

    @staticmethod
    def initial_answer(data):
        return {"answers": "\n".join(data.get("answers") or [])}


class PairForm(Form):
    """One row of a matching question."""

    left = StringField("Item", [Optional(), Length(max=300)])
    right = StringField("Matches", [Optional(), Length(max=300)])


class MatchingForm(QuestionForm):
    type_name = "matching"
    pairs = FieldList(FormField(PairForm), min_entries=MAX_OPTIONS, max_entries=MAX_OPTIONS)

    def answer_data(self):
        pairs = []
        for number, entry in enumerate(self.pairs.entries, start=1):
            left = (entry.form.left.data or "").strip()
            right = (entry.form.right.data or "").strip()
            if bool(left) != bool(right):
                self.group_error("pairs", f"Fill in both sides of pair {number}, or neither.")
            elif left:
                pairs.append([left, right])
        if len(pairs) < 2:
            self.group_error("pairs", "Give at least two pairs.")
        for side, label in ((0, "item"), (1, "match")):
            for text in _duplicates([pair[side] for pair in pairs]):
                self.group_error("pairs", f"The {label} “{text}” appears more than once.")
        return None if self.group_errors.get("pairs") else {"pairs": pairs}

    @staticmethod
    def initial_answer(data):
        pairs = [{"left": left, "right": right} for left, right in data.get("pairs") or []]
        return {"pairs": _padded(pairs, {"left": "", "right": ""})}


class OrderingForm(QuestionForm):
    type_name = "ordering"
    items = _option_list("Item")

    def answer_data(self):
        items = [text for _, text in _filled(self.items.entries)]
        if len(items) < 2:
            self.group_error("items", "Give at least two items to put in order.")
        for text in _duplicates(items):
            self.group_error("items", f"The item “{text}” appears more than once.")
        return None if self.group_errors.get("items") else {"items": items}

    @staticmethod
    def initial_answer(data):
        return {"items": _padded(list(data.get("items") or []))}


FORMS: dict[str, type[QuestionForm]] = {
    form.type_name: form
    for form in (
        MultipleChoiceForm,
        MultipleResponseForm,
        TrueFalseForm,
        NumericForm,
        ShortAnswerForm,
        MatchingForm,
        OrderingForm,
    )
}


def initial_values(version: QuestionVersion, topic: str) -> dict[str, Any]:
    """Field values that show an existing version in its type's editor."""
    values = {
        "title": version.title,
        "prompt": version.prompt,
        "topic": topic,
        "difficulty": version.difficulty.value,
        "explanation": version.explanation,
        "base_version": str(version.number),
    }
    values.update(FORMS[version.type].initial_answer(version.data or {}))
    return values


class SourcesForm(FlaskForm):
    """Pick the sentences a question cites; the choices are the article's sentences."""

    sentences = SelectMultipleField(
        "Cited sentences",
        choices=[],
        validators=[Optional()],
        widget=ListWidget(prefix_label=False),
        option_widget=CheckboxInput(),
    )
    change_note = StringField("What changed and why", [Optional(), Length(max=500)])
    base_version = HiddenField(validators=[InputRequired(), Regexp(r"^[0-9]{1,9}$")])


class DecisionForm(FlaskForm):
    """A decision on a question, with its reason (required to reject)."""

    reason = TextAreaField("Reason", [Optional(), Length(max=2000)])


class BulkApproveForm(FlaskForm):
    """The drafts ticked in the review queue."""

    questions = SelectMultipleField(
        "Drafts", coerce=int, validate_choice=False, validators=[InputRequired()]
    )
