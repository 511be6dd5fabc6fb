"""The form a teacher fills in to turn an article into a draft bank."""

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import DateField, SelectChoice, SelectField, StringField, TextAreaField
from wtforms.validators import URL, DataRequired, Length, Optional

from quizapp.articletext import ArticleFormat

# The longest upload or paste accepted, in characters (HTML pages carry markup).
MAX_UPLOAD_CHARACTERS = 1_500_000


class ArticleForm(FlaskForm):
    """An article as a file or pasted text, with the facts shown next to its questions."""

    title = StringField("Title", validators=[DataRequired(), Length(max=200)])
    publisher = StringField("Publisher", validators=[Optional(), Length(max=300)])
    published = DateField("Date published", validators=[Optional()])
    url = StringField(
        "Address (URL)",
        validators=[
            Optional(),
            URL(require_tld=True, message="Enter a web address."),
            Length(max=500),
        ],
    )
    fmt = SelectField(
        "Format",
        choices=[
            SelectChoice(ArticleFormat.AUTO.value, "Detect from the file or text"),
            SelectChoice(ArticleFormat.TEXT.value, "Plain text"),
            SelectChoice(ArticleFormat.MARKDOWN.value, "Markdown"),
            SelectChoice(ArticleFormat.HTML.value, "HTML page"),
        ],
        default=ArticleFormat.AUTO.value,
    )
    file = FileField("Article file (.txt, .md or .html)")
    text = TextAreaField("…or paste the article", validators=[Optional()])

    def article_content(self) -> tuple[str, str]:
        """The uploaded or pasted article and its file name, once the form validated."""
        return self._content, self._filename

    def validate(self, extra_validators=None) -> bool:
        """Check the fields, then that exactly one readable article was given."""
        if not super().validate(extra_validators):
            return False
        upload = self.file.data
        pasted = self.text.data or ""
        has_file = bool(upload and getattr(upload, "filename", ""))
        if has_file and pasted.strip():
            self.text.errors.append("Upload a file or paste text, not both.")
            return False
        if has_file:
            return self._read_upload(upload)
        if not pasted.strip():
            self.text.errors.append("Paste the article or choose a file: it is empty.")
            return False
        return self._accept(pasted, "", self.text)

    def _read_upload(self, upload) -> bool:
        try:
            raw = upload.read(MAX_UPLOAD_CHARACTERS * 4 + 1)
        finally:
            upload.close()
        try:
            content = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            self.file.errors.append(
                f"The file is not UTF-8 text (bad byte at position {exc.start})."
            )
            return False
        if not content.strip():
            self.file.errors.append("The file is empty.")
            return False
        return self._accept(content, upload.filename, self.file)

    def _accept(self, content: str, filename: str, field) -> bool:
        if len(content) > MAX_UPLOAD_CHARACTERS:
            field.errors.append(
                f"The article is too long ({len(content):,} characters; at most "
                f"{MAX_UPLOAD_CHARACTERS:,})."
            )
            return False
        if "\x00" in content:
            field.errors.append("The file is not text (it contains NUL bytes).")
            return False
        self._content, self._filename = content, filename[:255]
        return True
