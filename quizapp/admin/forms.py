"""Forms of the admin area."""

from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import (
    EmailField,
    PasswordField,
    SelectChoice,
    SelectField,
    StringField,
    SubmitField,
)
from wtforms.validators import DataRequired, InputRequired, Optional, ValidationError

from quizapp.auth import services
from quizapp.auth.forms import PASSWORD_HELP
from quizapp.models import Role

ROLE_CHOICES = [SelectChoice(role.value, role.value.capitalize()) for role in Role]


class ConfirmPasswordForm(FlaskForm):
    """The signed-in admin's own password, typed again."""

    password = PasswordField(
        "Your password",
        validators=[InputRequired(message="Enter your password.")],
        render_kw={"autocomplete": "current-password"},
    )
    submit = SubmitField("Confirm")

    def validate_password(self, field) -> None:
        if not services.password_matches(current_user, field.data):
            raise ValidationError("This is not your password.")


class UserSearchForm(FlaskForm):
    """Search and filters of the accounts list, read from the query string."""

    class Meta:
        csrf = False

    q = StringField("Search email or name", validators=[Optional()])
    role = SelectField(
        "Role", choices=[SelectChoice("", "Any role"), *ROLE_CHOICES], validators=[Optional()]
    )
    status = SelectField(
        "Status",
        choices=[
            SelectChoice("", "Active and inactive"),
            SelectChoice("active", "Active"),
            SelectChoice("inactive", "Deactivated"),
        ],
        validators=[Optional()],
    )
    submit = SubmitField("Search")


class RoleForm(FlaskForm):
    """A new role for an account."""

    role = SelectField("Role", choices=ROLE_CHOICES)
    submit = SubmitField("Change role")


class ActionForm(FlaskForm):
    """A button that needs nothing but its CSRF token."""

    submit = SubmitField("Confirm")


class CreateTeacherForm(FlaskForm):
    """A new teacher account with a first password the teacher must change."""

    email = EmailField(
        "Email address",
        validators=[DataRequired(message="Enter the teacher's email address.")],
        render_kw={"autocomplete": "off", "spellcheck": "false"},
    )
    display_name = StringField(
        "Display name",
        validators=[DataRequired(message="Enter a display name.")],
        render_kw={"maxlength": services.DISPLAY_NAME_MAX_LENGTH},
    )
    password = PasswordField(
        "First password",
        validators=[InputRequired(message="Choose a first password.")],
        render_kw={"autocomplete": "new-password"},
        description=PASSWORD_HELP + " The teacher must change it at the first login.",
    )
    submit = SubmitField("Create teacher account")

    def validate_email(self, field) -> None:
        try:
            field.data = services.normalize_email(field.data, allow_reserved_domains=True)
        except services.InvalidEmailError as error:
            raise ValidationError(str(error)) from error
        if services.email_taken(field.data):
            raise ValidationError("An account with this email address already exists.")

    def validate_display_name(self, field) -> None:
        try:
            field.data = services.clean_display_name(field.data)
        except services.DisplayNameError as error:
            raise ValidationError(str(error)) from error

    def validate_password(self, field) -> None:
        try:
            services.check_password_policy(field.data or "")
        except services.PasswordPolicyError as error:
            raise ValidationError(str(error)) from error
