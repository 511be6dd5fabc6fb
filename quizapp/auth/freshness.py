"""When the signed-in user last typed their password ("fresh login").

Privileged actions ask for the password again when its last entry in this
session is older than ``FRESH_LOGIN_MINUTES``. The time is kept in the
signed session cookie; a session restored from a remember cookie has none,
so it is never fresh.
"""

import time

from flask import current_app, session

_SESSION_KEY = "password_entered_at"


def mark_password_entered() -> None:
    """Note that the user has just typed their password in this session."""
    session[_SESSION_KEY] = int(time.time())


def password_entered_recently() -> bool:
    """Whether the password was typed in this session within the configured time."""
    entered = session.get(_SESSION_KEY)
    if not isinstance(entered, int):
        return False
    max_age = current_app.config["FRESH_LOGIN_MINUTES"] * 60
    return 0 <= time.time() - entered <= max_age
