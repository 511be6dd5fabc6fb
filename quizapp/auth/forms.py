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


def check_password(field, user_inputs: tuple[str, ...] = ()) -> None:
    """Refuse a new password the policy does not accept, with the policy's reason."""
    try:
        services.check_password_policy(field.data or "", user_inputs)
    except services.PasswordPolicyError as error:
        raise ValidationError(str(error)) from error


def clean_display_name(field) -> None:
    """Tidy a display name in place, or refuse it with the reason."""
    try:
        field.data = services.clean_display_name(field.data)
    except services.DisplayNameError as error:
        raise ValidationError(str(error)) from error


def email_field(message: str, autocomplete: str) -> EmailField:
    """An email address field."""
    return EmailField(
        "Email address",
        validators=[DataRequired(message=message)],
        render_kw={"autocomplete": autocomplete, "spellcheck": "false"},
    )


def display_name_field(**render_kw) -> StringField:
    """A display name field, limited to the longest name accepted."""
    return StringField(
        "Display name",
        validators=[DataRequired(message="Enter a display name.")],
        render_kw={"maxlength": services.DISPLAY_NAME_MAX_LENGTH, **render_kw},
    )


def new_password_field(label: str, message: str, **kwargs) -> PasswordField:
    """A field for choosing a password (browsers offer to generate one)."""
    return PasswordField(
        label,
        validators=[InputRequired(message=message)],
        render_kw={"autocomplete": "new-password"},
        **kwargs,
    )


def confirm_field(label: str, of: str) -> PasswordField:
    """The chosen password typed again; it must equal the field named ``of``."""
    return PasswordField(
        label,
        validators=[
            InputRequired(message="Type the password again."),
            EqualTo(of, message="The two passwords do not match."),
        ],
        render_kw={"autocomplete": "new-password"},
    )


class RegistrationForm(FlaskForm):
    """A new student account."""

    email = email_field("Enter your email address.", "email")
    display_name = display_name_field(autocomplete="nickname")
    password = new_password_field("Password", "Choose a password.")
    confirm = confirm_field("Confirm password", of="password")
    submit = SubmitField("Create account")

    def validate_email(self, field) -> None:
        # Whether the address is taken is not said here: see auth.routes.register.
        try:
            field.data = services.normalize_email(field.data)
        except services.InvalidEmailError as error:
            raise ValidationError(str(error)) from error

    def validate_display_name(self, field) -> None:
        clean_display_name(field)

    def validate_password(self, field) -> None:
        check_password(field, (self.email.data or "", self.display_name.data or ""))


class LoginForm(FlaskForm):
    """Email and password, with an optional long-lived login."""

    email = email_field("Enter your email address.", "username")
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
    new_password = new_password_field("New password", "Choose a new password.")
    confirm = confirm_field("Confirm new password", of="new_password")
    submit = SubmitField("Change password")

    def validate_current_password(self, field) -> None:
        if not services.password_matches(current_user, field.data):
            raise ValidationError("This is not your current password.")

    def validate_new_password(self, field) -> None:
        check_password(field, (current_user.email, current_user.display_name))
