"""Shared fixtures: an app on a fresh database, clients and users of every role.

The suite runs on a temporary SQLite file by default. When
``QUIZAPP_TEST_DATABASE_URI`` names a PostgreSQL database, the tests run there.
"""

import os

import pytest
import sqlalchemy as sa

from quizapp import create_app
from quizapp.auth.services import create_user
from quizapp.extensions import db, limiter
from quizapp.models import Role
from tests.job_helpers import queued_app_for

TEST_DATABASE_URI = os.environ.get("QUIZAPP_TEST_DATABASE_URI")
PASSWORD = "correct horse battery staple"


def _reset_schema() -> None:
    db.session.remove()
    if db.engine.dialect.name == "postgresql":
        with db.engine.begin() as connection:
            connection.execute(sa.text("DROP SCHEMA public CASCADE"))
            connection.execute(sa.text("CREATE SCHEMA public"))
    else:
        db.drop_all()


@pytest.fixture
def database_uri(tmp_path) -> str:
    """The database the test's app uses."""
    return TEST_DATABASE_URI or f"sqlite:///{tmp_path / 'test.db'}"


@pytest.fixture
def app(database_uri, tmp_path):
    """An application on an empty database with every table created."""
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test-secret-key",
            "SQLALCHEMY_DATABASE_URI": database_uri,
            "WTF_CSRF_ENABLED": False,
            "RATELIMIT_ENABLED": False,
            "RATELIMIT_STORAGE_URI": "memory://",
            "JOBS_BROKER_URL": "memory://",
        }
    )
    with app.app_context():
        _reset_schema()
        db.create_all()
    yield app
    with app.app_context():
        _reset_schema()
        db.engine.dispose()


@pytest.fixture
def csrf_app(app):
    """The same application with CSRF protection switched on."""
    app.config["WTF_CSRF_ENABLED"] = True
    return app


@pytest.fixture
def limited_app(app):
    """The same application with rate limits switched on (and counters cleared)."""
    app.config["RATELIMIT_ENABLED"] = True
    # The app was built with limits off, so the limiter skipped its set-up; do it now.
    limiter.init_app(app)
    limiter.reset()
    yield app
    limiter.reset()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


class AuthActions:
    """Log a test client in and out through the real forms."""

    def __init__(self, client):
        self._client = client

    def login(self, email: str, password: str = PASSWORD, **extra):
        return self._client.post(
            "/auth/login", data={"email": email, "password": password, **extra}
        )

    def logout(self):
        return self._client.post("/auth/logout")


@pytest.fixture
def auth(client) -> AuthActions:
    return AuthActions(client)


def _make_user(app, email: str, role: Role, name: str):
    with app.app_context():
        user = create_user(email=email, password=PASSWORD, display_name=name, role=role)
        return user.id


@pytest.fixture
def student(app) -> dict:
    """A student account: ``{"id", "email", "password"}``."""
    email = "student@example.org"
    return {
        "id": _make_user(app, email, Role.STUDENT, "Sam Student"),
        "email": email,
        "password": PASSWORD,
    }


@pytest.fixture
def other_student(app) -> dict:
    email = "other@example.org"
    return {
        "id": _make_user(app, email, Role.STUDENT, "Olive Other"),
        "email": email,
        "password": PASSWORD,
    }


@pytest.fixture
def teacher(app) -> dict:
    email = "teacher@example.org"
    return {
        "id": _make_user(app, email, Role.TEACHER, "Tess Teacher"),
        "email": email,
        "password": PASSWORD,
    }


@pytest.fixture
def admin(app) -> dict:
    email = "admin@example.org"
    return {
        "id": _make_user(app, email, Role.ADMIN, "Ada Admin"),
        "email": email,
        "password": PASSWORD,
    }


@pytest.fixture
def student_client(client, auth, student):
    """A client logged in as the student."""
    auth.login(student["email"])
    return client


@pytest.fixture
def queued_app(database_uri, tmp_path):
    """An app whose jobs go through a real SQLite queue and an in-process consumer."""
    app = queued_app_for(database_uri, tmp_path / "jobs.sqlite3")
    with app.app_context():
        db.drop_all()
        db.create_all()
    yield app
    app.extensions["jobs"].stop()
    with app.app_context():
        db.drop_all()
        db.engine.dispose()
