"""Enforce an administrator's "must change password": until the user sets a new
password, every page but the password form (and logging out) leads there."""

from flask import flash, redirect, request, url_for
from flask_login import current_user
from werkzeug.wrappers import Response

from quizapp.auth import bp

ALLOWED_ENDPOINTS = frozenset({"auth.change_password", "auth.logout", "static", "bootstrap.static"})
MESSAGE = "An administrator asked you to choose a new password before you continue."


@bp.before_app_request
def require_new_password() -> Response | None:
    """Send a user whose password was reset to the password form."""
    if request.endpoint in ALLOWED_ENDPOINTS or not current_user.is_authenticated:
        return None
    if not current_user.must_change_password:
        return None
    flash(MESSAGE, "warning")
    return redirect(url_for("auth.change_password"))
