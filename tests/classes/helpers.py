"""Plain helpers for the class, assignment and results tests."""

import re

import sqlalchemy as sa

from quizapp.extensions import db
from quizapp.models import Classroom
from tests.conftest import PASSWORD


def login(client, email: str) -> None:
    client.post("/auth/logout")
    client.post("/auth/login", data={"email": email, "password": PASSWORD})


def make_class(client, teacher_email: str, name: str = "Year 9 Science") -> int:
    """Create a class through the page as the teacher; returns its id."""
    login(client, teacher_email)
    response = client.post("/teach/classes", data={"name": name})
    return int(re.search(r"/teach/classes/(\d+)", response.headers["Location"]).group(1))


def join_code(app, class_id: int) -> str:
    with app.app_context():
        return db.session.scalar(sa.select(Classroom.join_code).where(Classroom.id == class_id))


def join(client, app, class_id: int, email: str) -> None:
    """Log in as the student and join the class with its code."""
    login(client, email)
    client.post("/join", data={"code": join_code(app, class_id)})


def assign(client, class_id: int, quiz_id: int, **fields) -> object:
    """Post the "assign a quiz" form (as the logged-in teacher)."""
    data = {"assign-quiz": quiz_id, "assign-late_policy": "refuse"}
    data.update({f"assign-{name}": value for name, value in fields.items()})
    return client.post(f"/teach/classes/{class_id}/assignments", data=data)


def form_time(moment) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M")
