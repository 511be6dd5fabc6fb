"""Accounts: registration, login, logout and password changes."""

import sqlalchemy as sa
from flask import Blueprint, current_app

from quizapp.extensions import db, limiter, login_manager
from quizapp.models import User

bp = Blueprint("auth", __name__, url_prefix="/auth")

login_manager.login_view = "auth.login"
login_manager.login_message = "Please log in to continue."
login_manager.login_message_category = "info"


# Every signed-in request runs this query: built once, with the token bound.
_USER_BY_TOKEN = sa.select(User).where(
    User.session_token == sa.bindparam("token"), User.active.is_(True)
)


@login_manager.user_loader
def load_user(session_token: str) -> User | None:
    """Find the user whose current session token the session carries."""
    return db.session.scalar(_USER_BY_TOKEN, {"token": session_token})


@limiter.request_filter
def _rate_limits_switched_off() -> bool:
    """Honour ``RATELIMIT_ENABLED`` of the app serving the request, read at request time."""
    return not current_app.config.get("RATELIMIT_ENABLED", True)


from quizapp.auth import password_reset, routes  # noqa: E402,F401
