"""Views for registration, login, logout and password changes."""

from flask import (
    Response,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_login import current_user, login_required, login_user, logout_user

from quizapp.auth import bp, services
from quizapp.auth.forms import PASSWORD_HELP, ChangePasswordForm, LoginForm, RegistrationForm
from quizapp.auth.freshness import mark_password_entered
from quizapp.extensions import limiter
from quizapp.models import User
from quizapp.security import safe_next_url

LOGIN_FAILED_MESSAGE = "Invalid email or password."
DEACTIVATED_MESSAGE = "This account has been deactivated. Ask your administrator."
# Shown whether or not the address already had an account, so registration
# tells nobody which addresses are in use.
REGISTERED_MESSAGE = (
    "Your account is ready: log in with your email address and the password you chose. "
    "If you already had an account with this address (or one that looks like it), "
    "it is unchanged: log in with its password, or ask your teacher or administrator "
    "to reset it."
)


def _address_limit() -> str:
    return current_app.config["LOGIN_RATE_LIMIT"]


def _account_limit() -> str:
    return current_app.config["LOGIN_ACCOUNT_RATE_LIMIT"]


def _account_key() -> str:
    return "account:" + services.fold_login_key(request.form.get("email", ""))


def _login_failed(response: Response) -> bool:
    """Only attempts that did not log anyone in count against the limits."""
    return response.status_code != 302


def _has_remember_cookie() -> bool:
    return current_app.config.get("REMEMBER_COOKIE_NAME", "remember_token") in request.cookies


def _start_session(user: User, remember: bool = False) -> None:
    """Log ``user`` in on a fresh session, so nothing from before login carries over."""
    session.clear()
    login_user(user, remember=remember)
    mark_password_entered()


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(_address_limit, methods=["POST"], deduct_when=_login_failed)
@limiter.limit(_account_limit, key_func=_account_key, methods=["POST"], deduct_when=_login_failed)
def login():
    target = safe_next_url(request.args.get("next"))
    if current_user.is_authenticated:
        return redirect(target)
    form = LoginForm()
    if form.validate_on_submit():
        user = services.authenticate(form.email.data, form.password.data)
        if user is not None and user.active:
            _start_session(user, remember=form.remember.data)
            services.record_login(user)
            return redirect(target)
        form.form_errors.append(DEACTIVATED_MESSAGE if user else LOGIN_FAILED_MESSAGE)
    next_param = target if target != url_for("quiz.home") else None
    return render_template("auth/login.html", form=form, next_param=next_param)


def _registration_limit() -> str:
    return current_app.config["REGISTRATION_RATE_LIMIT"]


@bp.route("/register", methods=["GET", "POST"])
@limiter.limit(_registration_limit, methods=["POST"])
def register():
    """Create a student account; the answer is the same whether the address was free or not."""
    if current_user.is_authenticated:
        return redirect(url_for("quiz.home"))
    form = RegistrationForm()
    if form.validate_on_submit():
        try:
            services.register_student(form.email.data, form.password.data, form.display_name.data)
        except services.AccountError as error:
            form.form_errors.append(str(error))
        else:
            flash(REGISTERED_MESSAGE, "success")
            return redirect(url_for("auth.login"))
    return render_template("auth/register.html", form=form, password_help=PASSWORD_HELP)


@bp.route("/logout", methods=["POST"])
def logout():
    """End this session and every other session of the account."""
    if current_user.is_authenticated:
        services.end_all_sessions(current_user._get_current_object())
    session.clear()
    logout_user()
    flash("You have logged out.", "info")
    return redirect(url_for("quiz.home"))


@bp.route("/password", methods=["GET", "POST"])
@login_required
def change_password():
    form = ChangePasswordForm()
    if form.validate_on_submit():
        user = current_user._get_current_object()
        remember = _has_remember_cookie()
        services.change_password(user, form.new_password.data)
        _start_session(user, remember=remember)
        flash("Your password has been changed. Your other sessions have ended.", "success")
        return redirect(url_for("quiz.home"))
    return render_template("auth/change_password.html", form=form, password_help=PASSWORD_HELP)
