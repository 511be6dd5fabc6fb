"""Helpers shared by the admin tests."""

import time

from quizapp.auth.services import create_user
from quizapp.models import Role
from tests.conftest import PASSWORD


def login(client, email: str, password: str = PASSWORD):
    return client.post("/auth/login", data={"email": email, "password": password})


def make_user(app, email: str, role: Role = Role.STUDENT, name: str | None = None) -> int:
    with app.app_context():
        return create_user(email, PASSWORD, name or email.split("@")[0], role).id


def make_password_stale(client, minutes: int = 60) -> None:
    """Pretend the signed-in user typed their password ``minutes`` ago."""
    with client.session_transaction() as session:
        session["password_entered_at"] = int(time.time()) - minutes * 60
