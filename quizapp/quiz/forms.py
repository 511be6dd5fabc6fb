"""Forms for taking a quiz."""

from flask_wtf import FlaskForm
from wtforms import RadioField, SelectChoice, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional, Regexp

from quizapp.classes.challenges import REASON_LABELS
from quizapp.models import QuestionVersion
from quizapp.questiontypes import QuestionType

NAVIGATION = r"^(next|previous|finish|stay|\d{1,4})$"


class NavigationForm(FlaskForm):
    """The buttons that move through an attempt; every move saves the answer first."""

    nav = StringField(validators=[Optional(), Regexp(NAVIGATION)])


def answer_form_class(qtype: QuestionType, version: QuestionVersion, order: list[int]):
    """A form class with the question's own fields and the navigation buttons."""
    return type("AnswerForm", (NavigationForm,), qtype.form_fields(version.data, order))


class ConfirmForm(FlaskForm):
    """A form with nothing but its CSRF token: start, submit."""


class JoinClassForm(FlaskForm):
    """A student's join code for a class."""

    code = StringField(
        "Join code", validators=[DataRequired(message="Type the code your teacher gave you.")]
    )


class ChallengeForm(FlaskForm):
    """A student's challenge to one question of a finished attempt."""

    reason = RadioField(
        "What is wrong?",
        choices=[SelectChoice(reason.value, label) for reason, label in REASON_LABELS.items()],
        validators=[InputRequired(message="Choose what is wrong.")],
    )
    comment = TextAreaField(
        "Explain",
        validators=[
            DataRequired(message="Say what is wrong, so your teacher can check."),
            Length(max=2000),
        ],
        render_kw={"rows": 4, "maxlength": 2000},
    )
