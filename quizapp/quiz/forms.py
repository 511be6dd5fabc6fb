"""Forms for taking a quiz."""

from flask_wtf import FlaskForm
from wtforms import StringField
from wtforms.validators import DataRequired, Optional, Regexp

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
