"""Forms for classes, assignments and challenges in the teacher's workspace."""

from flask_wtf import FlaskForm
from wtforms import StringField, SubmitField
from wtforms.validators import DataRequired, Length


class ClassForm(FlaskForm):
    """Create a class."""

    name = StringField("Class name", validators=[DataRequired(), Length(max=120)])
    submit = SubmitField("Create class")
