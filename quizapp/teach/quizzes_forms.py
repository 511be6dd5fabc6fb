"""Forms of the quiz builder: settings, picked questions and draw rules."""

from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateTimeLocalField,
    IntegerField,
    RadioField,
    SelectChoice,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
    widgets,
)
from wtforms.validators import (
    DataRequired,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    Regexp,
    ValidationError,
)

from quizapp.models import Difficulty, GradingMethod, ReviewMoment, ReviewPart, SelectionMode

# What a browser's datetime-local input sends and shows (seconds when it adds them).
DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"]
GRADING_LABELS = {
    GradingMethod.HIGHEST: "Highest attempt",
    GradingMethod.AVERAGE: "Average of attempts",
    GradingMethod.FIRST: "First attempt",
    GradingMethod.LAST: "Last attempt",
}


REVIEW_PARTS = {
    ReviewPart.SCORE: "Score and marks",
    ReviewPart.ANSWERS: "The student's answers",
    ReviewPart.CORRECT: "The right answers",
    ReviewPart.FEEDBACK: "Explanations and source sentences",
}
REVIEW_MOMENTS = [
    SelectChoice(int(ReviewMoment.IMMEDIATELY), "Right after the attempt"),
    SelectChoice(int(ReviewMoment.LATER_WHILE_OPEN), "Later, while the quiz is open"),
    SelectChoice(int(ReviewMoment.AFTER_CLOSE), "After the quiz closes"),
]


class CheckboxesField(SelectMultipleField):
    """A multiple choice shown as a list of checkboxes."""

    widget = widgets.ListWidget(prefix_label=False)
    option_widget = widgets.CheckboxInput()


def _review_field(part: ReviewPart) -> CheckboxesField:
    return CheckboxesField(
        REVIEW_PARTS[part],
        choices=REVIEW_MOMENTS,
        coerce=int,
        default=[choice.value for choice in REVIEW_MOMENTS],
    )


def moments_of(values: list[int]) -> ReviewMoment:
    """The review moments ticked in a review field."""
    moment = ReviewMoment.NONE
    for value in values:
        moment |= ReviewMoment(value)
    return moment


def ticked(moment: ReviewMoment) -> list[int]:
    """The boxes a review field shows ticked for ``moment``."""
    return [choice.value for choice in REVIEW_MOMENTS if moment & choice.value]


class QuizSettingsForm(FlaskForm):
    """What a quiz is called, how its questions are chosen, and its rules for attempts."""

    title = StringField("Title", validators=[DataRequired(), Length(max=200)])
    description = TextAreaField("Description", validators=[Optional(), Length(max=2000)])
    topic = SelectField("Topic on the quiz list", validators=[DataRequired()])
    selection = RadioField(
        "Questions",
        choices=[
            SelectChoice(SelectionMode.FIXED.value, "Fixed questions, in the order I set"),
            SelectChoice(SelectionMode.POOL.value, "Drawn at random from banks, by rules"),
        ],
        default=SelectionMode.FIXED.value,
    )
    time_limit_minutes = IntegerField(
        "Time limit (minutes, empty for none)", validators=[Optional(), NumberRange(1, 600)]
    )
    attempts_allowed = IntegerField(
        "Attempts allowed (empty for unlimited)", validators=[Optional(), NumberRange(1, 100)]
    )
    grading_method = SelectField(
        "Grade from",
        choices=[SelectChoice(method.value, label) for method, label in GRADING_LABELS.items()],
        default=GradingMethod.HIGHEST.value,
    )
    opens_at = DateTimeLocalField(
        "Opens (UTC, empty for now)", format=DATETIME_FORMATS, validators=[Optional()]
    )
    closes_at = DateTimeLocalField(
        "Closes (UTC, empty for never)", format=DATETIME_FORMATS, validators=[Optional()]
    )
    shuffle_questions = BooleanField("Shuffle the questions", default=True)
    shuffle_options = BooleanField("Shuffle the options of each question", default=True)
    review_score = _review_field(ReviewPart.SCORE)
    review_answers = _review_field(ReviewPart.ANSWERS)
    review_correct = _review_field(ReviewPart.CORRECT)
    review_feedback = _review_field(ReviewPart.FEEDBACK)

    def review_fields(self) -> list[CheckboxesField]:
        """The review option fields, one per part of the review."""
        return [getattr(self, f"review_{part.value}") for part in REVIEW_PARTS]

    def validate_closes_at(self, field) -> None:
        """A quiz closes after it opens."""
        if field.data and self.opens_at.data and field.data <= self.opens_at.data:
            raise ValidationError("The quiz must close after it opens.")


class PickQuestionsForm(FlaskForm):
    """Questions ticked on a bank's list, to add to a fixed quiz."""

    question_ids = SelectMultipleField("Questions", coerce=int, validate_choice=False)

    def validate_question_ids(self, field) -> None:
        """At least one question is ticked."""
        if not field.data:
            raise ValidationError("Tick at least one question.")


class DrawRuleForm(FlaskForm):
    """Draw a number of questions from one bank, optionally of one difficulty or category."""

    bank_id = SelectField("Bank", coerce=int, validators=[InputRequired()])
    count = IntegerField("How many", validators=[InputRequired(), NumberRange(1, 100)], default=5)
    difficulty = SelectField(
        "Difficulty",
        choices=[SelectChoice("", "Any")]
        + [SelectChoice(level.value, level.value.capitalize()) for level in Difficulty],
        default="",
    )
    category = StringField(
        "Category (empty for any)",
        validators=[Optional(), Length(max=255), Regexp(r"^[^\x00-\x1f]*$")],
    )


class MoveForm(FlaskForm):
    """Move a fixed question up or down."""

    step = SelectField(choices=[SelectChoice("-1", "Up"), SelectChoice("1", "Down")], coerce=int)
