"""Fixtures for the class, assignment and results tests."""

import pytest

from quizapp.auth.services import create_user
from quizapp.models import Role
from tests.conftest import PASSWORD


@pytest.fixture
def make_student(app):
    """Create a student account: make_student("ann") -> (id, email)."""

    def make(name: str) -> tuple[int, str]:
        email = f"{name}@example.org"
        with app.app_context():
            user = create_user(email=email, password=PASSWORD, display_name=name.title())
            return user.id, email

    return make


@pytest.fixture
def other_teacher(app) -> dict:
    email = "other-teacher@example.org"
    with app.app_context():
        user = create_user(email=email, password=PASSWORD, display_name="Otto", role=Role.TEACHER)
        return {"id": user.id, "email": email}
