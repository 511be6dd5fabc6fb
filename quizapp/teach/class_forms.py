"""Forms for classes, assignments and challenges in the teacher's workspace."""

from datetime import UTC, datetime

from flask_wtf import FlaskForm
from wtforms import (
    DateTimeLocalField,
    FloatField,
    IntegerField,
    SelectChoice,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
    ValidationError,
)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from quizapp.models import LatePolicy


class ClassForm(FlaskForm):
    """Create a class."""

    name = StringField("Class name", validators=[DataRequired(), Length(max=120)])
    submit = SubmitField("Create class")


def as_utc(moment: datetime | None) -> datetime | None:
    """A date typed in the form (UTC, as labelled) as an aware datetime."""
    return moment.replace(tzinfo=UTC) if moment is not None else None


def _local(moment: datetime | None) -> datetime | None:
    return moment.replace(tzinfo=None) if moment is not None else None


class AssignmentSettingsForm(FlaskForm):
    """The window and late rule of an assignment."""

    opens_at = DateTimeLocalField("Opens (UTC)", format="%Y-%m-%dT%H:%M", validators=[Optional()])
    due_at = DateTimeLocalField("Due (UTC)", format="%Y-%m-%dT%H:%M", validators=[Optional()])
    late_policy = SelectField(
        "Late work",
        choices=[
            SelectChoice(LatePolicy.REFUSE.value, "Refuse: no attempt after the due date"),
            SelectChoice(LatePolicy.ACCEPT_MARKED.value, "Accept, marked late"),
        ],
        default=LatePolicy.REFUSE.value,
    )
    submit = SubmitField("Save")

    def validate_due_at(self, field) -> None:
        if field.data and self.opens_at.data and field.data <= self.opens_at.data:
            raise ValidationError("The due date must come after the opening date.")

    def fill_from(self, assignment) -> None:
        """Show the assignment's current settings."""
        self.opens_at.data = _local(assignment.opens_at)
        self.due_at.data = _local(assignment.due_at)
        self.late_policy.data = assignment.late_policy.value


class AssignmentForm(AssignmentSettingsForm):
    """Give a quiz to a class."""

    quiz = SelectField("Quiz", coerce=int, validators=[InputRequired()])
    submit = SubmitField("Assign")


class AdjustmentForm(FlaskForm):
    """Extra time and attempts for one student."""

    student = SelectField("Student", coerce=int, validators=[InputRequired()])
    time_multiplier = FloatField(
        "Time multiplier",
        validators=[Optional(), NumberRange(min=1, max=10, message="Between 1 and 10.")],
    )
    extra_minutes = IntegerField(
        "Extra minutes",
        default=0,
        validators=[InputRequired(), NumberRange(min=0, max=1440, message="Between 0 and 1440.")],
    )
    extra_attempts = IntegerField(
        "Extra attempts",
        default=0,
        validators=[InputRequired(), NumberRange(min=0, max=50, message="Between 0 and 50.")],
    )
    submit = SubmitField("Save adjustment")


class AnswerChallengeForm(FlaskForm):
    """Reject a challenge with a reply, or accept it."""

    reply = TextAreaField("Reply to the student", validators=[Length(max=2000)])
    reject = SubmitField("Reject")
    accept = SubmitField("Accept and fix the question")

    def validate_reply(self, field) -> None:
        if self.reject.data and not (field.data or "").strip():
            raise ValidationError("Say why, so the student understands.")


class RegradeForm(FlaskForm):
    """Confirm a regrade."""

    note = StringField("Note (optional)", validators=[Length(max=300)])
    submit = SubmitField("Apply the regrade")
