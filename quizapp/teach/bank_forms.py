"""Forms for managing question banks and importing question files."""

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import HiddenField, SelectChoice, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from quizapp.formats import FORMAT_LABELS
from quizapp.question_banks import NAME_MAX

FORMAT_CHOICES = [
    SelectChoice("auto", "Detect from the content"),
    *(SelectChoice(name, label) for name, label in FORMAT_LABELS.items()),
]
# Pasted text larger than this is refused (uploads are capped by MAX_CONTENT_LENGTH).
PASTE_MAX = 1_000_000


class BankForm(FlaskForm):
    """Name and describe a bank (new, or renamed)."""

    name = StringField("Name", validators=[DataRequired(), Length(max=NAME_MAX)])
    description = TextAreaField("Description", validators=[Optional(), Length(max=2000)])


class ActionForm(FlaskForm):
    """A button that changes something: archive, restore, copy. Only its CSRF token."""


class UploadForm(FlaskForm):
    """A question file, or pasted text, and its format."""

    upload = FileField("Question file")
    text = TextAreaField("Or paste the questions", validators=[Length(max=PASTE_MAX)])
    format = SelectField("Format", choices=FORMAT_CHOICES, default="auto")

    def validate_text(self, field: TextAreaField) -> None:
        if not field.data and not self.upload.data:
            raise ValidationError("Choose a file or paste the questions.")


class ConfirmImportForm(FlaskForm):
    """Confirms the previewed upload; ``payload`` is signed by the server."""

    payload = HiddenField(validators=[DataRequired()])
