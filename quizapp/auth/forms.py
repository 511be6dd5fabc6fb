"""Forms for registration, login and password changes."""

from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, PasswordField, StringField, SubmitField
from wtforms.validators import DataRequired, EqualTo, InputRequired, ValidationError

from quizapp.auth import services

PASSWORD_HELP = (
    f"At least {services.PASSWORD_MIN_LENGTH} characters (up to "
    f"{services.PASSWORD_MAX_LENGTH}). A few unrelated words make a good one."
)


def _check_password(field, user_inputs: tuple[str, ...] = ()) -> None:
    try:
        services.check_password_policy(field.data or "", user_inputs)
    except services.PasswordPolicyError as error:
        raise ValidationError(str(error)) from error


class RegistrationForm(FlaskForm):
    """A new student account."""

    email = EmailField(
        "Email address",
        validators=[DataRequired(message="Enter your email address.")],
        render_kw={"autocomplete": "email", "spellcheck": "false"},
    )
    display_name = StringField(
        "Display name",
        validators=[DataRequired(message="Enter a display name.")],
        render_kw={"autocomplete": "nickname", "maxlength": services.DISPLAY_NAME_MAX_LENGTH},
    )
    password = PasswordField(
        "Password",
        validators=[InputRequired(message="Choose a password.")],
        render_kw={"autocomplete": "new-password"},
    )
    confirm = PasswordField(
        "Confirm password",
        validators=[
            InputRequired(message="Type the password again."),
            EqualTo("password", message="The two passwords do not match."),
        ],
        render_kw={"autocomplete": "new-password"},
    )
    submit = SubmitField("Create account")

    def validate_email(self, field) -> None:
        # Whether the address is taken is not said here: see auth.routes.register.
        try:
            field.data = services.normalize_email(field.data)
        except services.InvalidEmailError as error:
            raise ValidationError(str(error)) from error

    def validate_display_name(self, field) -> None:
        try:
            field.data = services.clean_display_name(field.data)
        except services.DisplayNameError as error:
            raise ValidationError(str(error)) from error

    def validate_password(self, field) -> None:
        _check_password(field, (self.email.data or "", self.display_name.data or ""))


class LoginForm(FlaskForm):
    """Email and password, with an optional long-lived login."""

    email = EmailField(
        "Email address",
        validators=[DataRequired(message="Enter your email address.")],
        render_kw={"autocomplete": "username", "spellcheck": "false"},
    )
    password = PasswordField(
        "Password",
        validators=[InputRequired(message="Enter your password.")],
        render_kw={"autocomplete": "current-password"},
    )
    remember = BooleanField("Keep me logged in on this device")
    submit = SubmitField("Log in")

    def validate_password(self, field) -> None:
        if len(field.data) > services.PASSWORD_MAX_LENGTH:
            raise ValidationError(services.PASSWORD_TOO_LONG_MESSAGE)


class ChangePasswordForm(FlaskForm):
    """The current password, then the new one twice."""

    current_password = PasswordField(
        "Current password",
        validators=[InputRequired(message="Enter your current password.")],
        render_kw={"autocomplete": "current-password"},
    )
    new_password = PasswordField(
        "New password",
        validators=[InputRequired(message="Choose a new password.")],
        render_kw={"autocomplete": "new-password"},
    )
    confirm = PasswordField(
        "Confirm new password",
        validators=[
            InputRequired(message="Type the new password again."),
            EqualTo("new_password", message="The two passwords do not match."),
        ],
        render_kw={"autocomplete": "new-password"},
    )
    submit = SubmitField("Change password")

    def validate_current_password(self, field) -> None:
        if not services.password_matches(current_user, field.data):
            raise ValidationError("This is not your current password.")

    def validate_new_password(self, field) -> None:
        _check_password(field, (current_user.email, current_user.display_name))
