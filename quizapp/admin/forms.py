"""Forms of the admin area."""

from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import (
    PasswordField,
    SelectChoice,
    SelectField,
    StringField,
    SubmitField,
)
from wtforms.validators import InputRequired, Optional, ValidationError

from quizapp.auth import services
from quizapp.auth.forms import (
    PASSWORD_HELP,
    check_password,
    clean_display_name,
    display_name_field,
    email_field,
    new_password_field,
)
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

    email = email_field("Enter the teacher's email address.", "off")
    display_name = display_name_field()
    password = new_password_field(
        "First password",
        "Choose a first password.",
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
        clean_display_name(field)

    def validate_password(self, field) -> None:
        check_password(field)
