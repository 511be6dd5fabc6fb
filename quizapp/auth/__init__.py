"""Accounts: registration, login and logout."""

import sqlalchemy as sa
from flask import Blueprint

from quizapp.extensions import db, login_manager
from quizapp.models import User

bp = Blueprint("auth", __name__, url_prefix="/auth")

login_manager.login_view = "auth.login"
login_manager.login_message = "Please log in to continue."
login_manager.login_message_category = "info"


@login_manager.user_loader
def load_user(session_token: str) -> User | None:
    """Find the user whose current session token the session carries."""
    return db.session.scalar(sa.select(User).where(User.session_token == session_token))


from quizapp.auth import routes  # noqa: E402,F401
